//! `monodup apply`: carries out plan items. Without `--write` it prints the change as a unified
//! diff (or the change set as JSON) and touches nothing; with `--write` it writes exactly that
//! change set, each file atomically, re-scans, and reports what changed.

use super::scan_tree;
use crate::apply::{self, Action, ChangeSet, Options, Target};
use crate::cli::{CloneArgs, Common};
use crate::settings::Stages;
use crate::{output, ExitStatus};
use anyhow::{bail, Context as _};
use clap::{Args, ValueEnum};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ApplyFormat {
    /// A unified diff of every file created, modified, moved or deleted.
    Diff,
    /// The change set: each file with its new content, the manifest changes, notes.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TargetArg {
    /// Packages of the workspace (`workspace:*`, or `*` for npm workspaces).
    Workspace,
    /// Versioned packages for a registry (`^VERSION`).
    Published,
}

#[derive(Debug, Args)]
pub struct ApplyArgs {
    /// The monorepo's root folder (inside a git work tree).
    #[arg(default_value = ".")]
    pub root: PathBuf,
    /// A plan item to apply, as `monodup plan` numbers them (repeatable).
    #[arg(long = "item", value_name = "ID", required_unless_present = "all")]
    pub items: Vec<String>,
    /// Every item that is not blocked (the others are listed with the reason).
    #[arg(long, conflicts_with = "items")]
    pub all: bool,
    /// Write the change instead of printing it.
    #[arg(long)]
    pub write: bool,
    /// What to print.
    #[arg(long, value_enum, default_value = "diff")]
    pub format: ApplyFormat,
    /// How apps depend on the new packages.
    #[arg(long, value_enum, default_value = "workspace")]
    pub target: TargetArg,
    /// Version of new packages.
    #[arg(long, default_value = "0.1.0")]
    pub version: String,
    /// Folder new packages are created in (default: beside the existing libraries).
    #[arg(long, value_name = "DIR")]
    pub package_dir: Option<String>,
    /// Apply even when files it touches have uncommitted changes.
    #[arg(long)]
    pub allow_dirty: bool,
    /// Apply blocked items too; code they need from the apps is then imported from the apps.
    #[arg(long)]
    pub force: bool,
    /// Add `workspaces` to the root package.json when the repository has none.
    #[arg(long)]
    pub create_workspace: bool,
    #[command(flatten)]
    pub clones: CloneArgs,
    #[command(flatten)]
    pub common: Common,
}

pub fn run(a: &ApplyArgs, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let repo = crate::git::Repo::discover(&a.root).map_err(|_| {
        anyhow::anyhow!(
            "{} is not inside a git work tree: apply changes files only where git can show and undo the change",
            a.root.display()
        )
    })?;
    let stages = Stages::all(&a.root, &a.common, &a.clones);
    let (scan, before) = scan_tree(&stages)?;
    let opts = Options {
        items: a.items.clone(),
        all: a.all,
        force: a.force,
        target: match a.target {
            TargetArg::Workspace => Target::Workspace,
            TargetArg::Published => Target::Published,
        },
        version: a.version.clone(),
        package_dir: a.package_dir.clone(),
        create_workspace: a.create_workspace,
    };
    let set = apply::changes(&scan, &opts)?;
    if !a.allow_dirty {
        refuse_dirty(&repo, &scan.root, &set)?;
    }
    if !a.common.quiet {
        for s in &set.skipped {
            writeln!(err, "monodup: skipped {}: {}", s.id, s.reason)?;
        }
        for n in &set.notes {
            writeln!(err, "monodup: note: {n}")?;
        }
    }
    let path = a.common.output.as_deref();
    if !a.write {
        match a.format {
            ApplyFormat::Diff => {
                let mut buf = Vec::new();
                apply::render_diff(&set, &mut buf)?;
                output::emit(buf, false, path, out)?;
            }
            ApplyFormat::Json => output::emit_json(&set, a.common.compact, path, out)?,
        }
        if !a.common.quiet {
            writeln!(err, "monodup: {} (dry run: nothing was written; --write applies it)", counts(&set))?;
        }
        return Ok(ExitStatus::Success);
    }
    write_changes(&scan.root, &set)?;
    let (after_scan, after) = scan_tree(&stages)?;
    let broken = broken_imports(&scan, &after_scan, &set);
    let result = Outcome {
        items: set.items.clone(),
        files: counts(&set),
        lines_before: before.summary.lines,
        lines_after: after.summary.lines,
        duplicated_lines_before: before.summary.duplicated_lines.unwrap_or(0),
        duplicated_lines_after: after.summary.duplicated_lines.unwrap_or(0),
        duplication_percent_before: before.summary.duplication_percent.unwrap_or(0.0),
        duplication_percent_after: after.summary.duplication_percent.unwrap_or(0.0),
        broken_imports: broken,
    };
    match a.format {
        ApplyFormat::Json => {
            #[derive(Serialize)]
            struct Written<'a> {
                changes: &'a ChangeSet,
                result: &'a Outcome,
            }
            output::emit_json(&Written { changes: &set, result: &result }, a.common.compact, path, out)?;
        }
        ApplyFormat::Diff => {
            let mut buf = Vec::new();
            result.render(&mut buf)?;
            output::emit(buf, false, path, out)?;
        }
    }
    Ok(if result.broken_imports.is_empty() { ExitStatus::Success } else { ExitStatus::Failure })
}

#[derive(Debug, Serialize)]
struct Outcome {
    items: Vec<String>,
    files: String,
    lines_before: u64,
    lines_after: u64,
    duplicated_lines_before: u64,
    duplicated_lines_after: u64,
    duplication_percent_before: f64,
    duplication_percent_after: f64,
    /// Imports that resolved before and no longer do.
    broken_imports: Vec<Broken>,
}

#[derive(Debug, Serialize)]
struct Broken {
    file: String,
    line: u32,
    specifier: String,
    reason: String,
}

impl Outcome {
    fn render(&self, out: &mut dyn Write) -> std::io::Result<()> {
        writeln!(out, "Applied {}: {}", self.items.join(", "), self.files)?;
        writeln!(out, "Lines: {} -> {}", self.lines_before, self.lines_after)?;
        writeln!(
            out,
            "Duplicated lines: {} ({:.1} %) -> {} ({:.1} %)",
            self.duplicated_lines_before,
            self.duplication_percent_before,
            self.duplicated_lines_after,
            self.duplication_percent_after
        )?;
        if self.broken_imports.is_empty() {
            writeln!(out, "Every import that resolved before still resolves.")?;
        } else {
            writeln!(out, "Imports that no longer resolve:")?;
            for b in &self.broken_imports {
                writeln!(out, "  {}:{}: {} ({})", b.file, b.line, b.specifier, b.reason)?;
            }
        }
        Ok(())
    }
}

fn counts(set: &ChangeSet) -> String {
    let mut n: BTreeMap<Action, usize> = BTreeMap::new();
    for f in &set.files {
        *n.entry(f.action).or_default() += 1;
    }
    let get = |a| n.get(&a).copied().unwrap_or(0);
    format!(
        "{} files created, {} modified, {} moved, {} deleted",
        get(Action::Create),
        get(Action::Modify),
        get(Action::Move),
        get(Action::Delete)
    )
}

/// Refuses when a file the change touches has uncommitted changes (or is untracked).
fn refuse_dirty(repo: &crate::git::Repo, root: &Path, set: &ChangeSet) -> anyhow::Result<()> {
    let mut paths: Vec<String> = Vec::new();
    for f in &set.files {
        for p in std::iter::once(&f.path).chain(f.from.as_ref()) {
            if root.join(p).exists() {
                paths.push(format!(":(literal){p}"));
            }
        }
    }
    if paths.is_empty() {
        return Ok(());
    }
    let mut args: Vec<String> =
        ["status", "--porcelain", "-z", "--untracked-files=all", "--"].map(String::from).to_vec();
    args.extend(paths);
    // Records are `XY path`, NUL-terminated (a rename's source follows as its own record).
    let mut dirty: Vec<String> = Vec::new();
    repo.run_records(&args, 0, |rec, _| {
        if rec.len() > 3 && rec[2] == b' ' {
            dirty.push(String::from_utf8_lossy(&rec[3..]).into_owned());
        }
    })
    .context("cannot ask git which files have changes")?;
    if let Some(first) = dirty.first() {
        let more = if dirty.len() > 1 { format!(" and {} more", dirty.len() - 1) } else { String::new() };
        bail!("{first}{more} has uncommitted changes: commit or stash them first, or pass --allow-dirty");
    }
    Ok(())
}

/// Writes the change set: new and changed files atomically, moved files to their new place
/// before the old one goes, deleted files last.
fn write_changes(root: &Path, set: &ChangeSet) -> anyhow::Result<()> {
    for f in set.files.iter().filter(|f| f.action != Action::Delete) {
        let path = root.join(&f.path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        }
        crate::files::write_atomic(&path, f.content.as_deref().unwrap_or("").as_bytes())?;
    }
    for f in &set.files {
        let old = match f.action {
            Action::Move => f.from.as_deref(),
            Action::Delete => Some(f.path.as_str()),
            _ => None,
        };
        if let Some(old) = old {
            std::fs::remove_file(root.join(old)).with_context(|| format!("cannot remove {old}"))?;
        }
    }
    Ok(())
}

/// Unresolved imports after the change that were not unresolved before, per file (a moved file
/// is compared with where it came from; a module extracted from a file, with that file).
fn broken_imports(
    before: &crate::pipeline::Scan,
    after: &crate::pipeline::Scan,
    set: &ChangeSet,
) -> Vec<Broken> {
    use crate::resolve::Resolution;
    let mut origin: BTreeMap<&str, &str> = BTreeMap::new();
    for f in &set.files {
        origin.insert(&f.path, f.from.as_deref().unwrap_or(&f.path));
    }
    let count = |scan: &crate::pipeline::Scan| {
        let mut n: BTreeMap<String, usize> = BTreeMap::new();
        for e in scan.edges.iter().filter(|e| e.resolution == Resolution::Unresolved) {
            *n.entry(scan.files[e.from].path.clone()).or_default() += 1;
        }
        n
    };
    let was = count(before);
    let mut out = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for e in after.edges.iter().filter(|e| e.resolution == Resolution::Unresolved) {
        let path = &after.files[e.from].path;
        let Some(&from) = origin.get(path.as_str()) else { continue };
        let n = seen.entry(path.clone()).or_default();
        *n += 1;
        if *n > was.get(from).copied().unwrap_or(0) {
            out.push(Broken {
                file: path.clone(),
                line: e.line,
                specifier: e.specifier.clone(),
                reason: e.reason.clone().unwrap_or_default(),
            });
        }
    }
    out
}
