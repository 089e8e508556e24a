//! `monodup apply`: plan items → a change set (files created, moved, modified, deleted, with
//! their new text), computed from the scan without touching the tree. docs/apply.md says the
//! rules; the command prints the set as a diff or JSON, or writes it.
//!
//! Per target package, every file an item touches gets one fate:
//! - **move**: a file holding kept copies whose units are all the item's goes whole into the
//!   package (the other copies in it go with it);
//! - **extract**: a file holding kept copies and other code: the copies move into a module of
//!   the package, the file keeps the rest and re-exports what moved;
//! - **delete**: a file whose units are all copies of code that moves: importers import the
//!   moved file that holds every one of its units instead;
//! - **cut**: a file holding copies and other code: the copies are cut out, the file imports
//!   (and re-exports) them from the package.
//!
//! Then every file that stays or moves has its specifiers rewritten to where their targets end
//! up; manifests gain the new dependencies.

pub mod layout;
pub mod manifest;
pub mod source;

use crate::model::FileId;
use crate::pipeline::Scan;
use crate::plan::{DependencyKind, PlanItem};
use crate::resolve::Resolution;
use crate::units::UnitKind;
use layout::{join, relative_path, Style};
use manifest::Manager;
use serde::Serialize;
use serde_json::{json, Value};
use source::{line_span, Source};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Packages of the workspace, linked by the package manager.
    Workspace,
    /// Versioned packages published to a registry.
    Published,
}

#[derive(Debug, Clone)]
pub struct Options {
    pub items: Vec<String>,
    pub all: bool,
    pub force: bool,
    pub target: Target,
    pub version: String,
    /// Folder new packages are created in.
    pub package_dir: Option<String>,
    /// Write root package.json `workspaces` when the repository has no workspace configuration.
    pub create_workspace: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum ApplyError {
    #[error("no plan item {id} (`monodup plan` lists {known})")]
    UnknownItem { id: String, known: String },
    #[error("item {id} is blocked: {reason} (--force applies it anyway)")]
    Blocked { id: String, reason: String },
    #[error("no item given: pass --item ID (repeatable) or --all")]
    NothingSelected,
    #[error("{path} exists and is not the package {name}: pass --package-dir DIR to create it elsewhere")]
    TargetExists { path: String, name: String },
    #[error(
        "this repository has no workspace configuration: pass --target published, or --create-workspace to add `workspaces` to the root package.json"
    )]
    NoWorkspace,
    #[error("cannot read {path}: {source}")]
    Read { path: String, source: std::io::Error },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Create,
    Modify,
    Move,
    Delete,
}

#[derive(Debug, Clone, Serialize)]
pub struct FileChange {
    pub path: String,
    pub action: Action,
    /// The old path of a moved file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// The text before (none for a created file).
    #[serde(skip)]
    pub before: Option<String>,
    /// The new text (none for a deleted file).
    pub content: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ManifestChange {
    pub manifest: String,
    pub section: String,
    pub name: String,
    pub value: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Skipped {
    pub id: String,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PackageChange {
    pub name: String,
    pub dir: String,
    pub new: bool,
    pub items: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Drift {
    pub dependency: String,
    pub chosen: String,
    /// Range each package declared, by package path.
    pub ranges: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Unused {
    pub package: String,
    pub dependency: String,
}

/// Everything `apply` would do.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ChangeSet {
    pub items: Vec<String>,
    pub skipped: Vec<Skipped>,
    pub packages: Vec<PackageChange>,
    pub files: Vec<FileChange>,
    pub manifests: Vec<ManifestChange>,
    pub version_drift: Vec<Drift>,
    /// npm dependencies an app declares and no longer imports (listed, not removed).
    pub unused_dependencies: Vec<Unused>,
    /// What it did that needs a look, and what it could not do.
    pub notes: Vec<String>,
}

/// What happens to one file.
#[derive(Debug, Clone)]
enum Fate {
    Move { to: String, target: usize },
    Extract { to: String, target: usize, units: Vec<usize> },
    Delete { into: FileId, renames: Vec<(String, String)> },
    Cut { units: Vec<(usize, FileId, String)> },
}

/// A target package of this run.
struct TargetPackage {
    name: String,
    dir: String,
    new: bool,
    /// Has the package its code under `src/`?
    src: bool,
    /// `exports` subpaths to add: subpath → file inside the package.
    exports: BTreeMap<String, String>,
    /// Exported manifest? (a library without `exports` is imported by file path).
    has_exports: bool,
    /// Published to a registry (`--target published`): not private.
    published: bool,
    version: String,
}

pub fn changes(scan: &Scan, opts: &Options) -> Result<ChangeSet, ApplyError> {
    let plan = scan.plan.as_ref().map(|p| p.items.as_slice()).unwrap_or(&[]);
    let mut set = ChangeSet::default();
    let selected = select(plan, opts, &mut set)?;
    let ctx = Context::new(scan);
    let mut targets: Vec<TargetPackage> = Vec::new();
    let mut fates: BTreeMap<FileId, Fate> = BTreeMap::new();
    let mut by_target: BTreeMap<String, Vec<&PlanItem>> = BTreeMap::new();
    for item in &selected {
        by_target.entry(item.target_package.clone()).or_default().push(item);
    }
    for (name, items) in &by_target {
        let t = targets.len();
        targets.push(target_package(scan, name, opts)?);
        decide_fates(&ctx, items, t, &mut targets[t], &mut fates, &mut set.notes);
    }
    let manager = Manager::detect(&scan.root);
    let globs = manifest::workspace_globs(&scan.root);
    if opts.target == Target::Workspace && globs.is_none() && !opts.create_workspace {
        return Err(ApplyError::NoWorkspace);
    }
    let range_for = |t: &TargetPackage| match opts.target {
        Target::Published => format!("^{}", t.version),
        Target::Workspace => manager.range().to_string(),
    };

    // Text edits of every file that stays or moves.
    let mut texts = Texts::new(&scan.root);
    let mut importers_of: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
    // Names other files import from a moved or library file: it must export them.
    let mut must_export: BTreeMap<FileId, BTreeSet<String>> = BTreeMap::new();
    for (&f, fate) in &fates {
        match fate {
            Fate::Cut { units } => {
                for (_, home, name) in units {
                    must_export.entry(*home).or_default().insert(name.clone());
                }
            }
            Fate::Delete { into, renames } => {
                for u in scan.files[f].units.iter().filter(|u| u.exported) {
                    let name = renames.iter().find(|(a, _)| *a == u.name).map_or(&u.name, |(_, b)| b);
                    must_export.entry(*into).or_default().insert(name.clone());
                }
            }
            _ => {}
        }
    }
    let mut touched = ctx.touched_files(&fates);
    touched.extend(must_export.keys().copied());
    touched.sort();
    touched.dedup();
    for &f in &touched {
        if matches!(fates.get(&f), Some(Fate::Delete { .. })) {
            continue;
        }
        let file = &scan.files[f];
        let text = texts.get(&file.path)?;
        let Some(src) = Source::parse(&text, file.lang) else {
            set.notes.push(format!("{}: cannot be parsed; its imports are left as they are", file.path));
            continue;
        };
        let out = rewrite_file(&ctx, &targets, &fates, f, (&text, &src), must_export.get(&f), &mut set.notes);
        for t in out.imports_targets {
            importers_of.entry(t).or_default().insert(ctx.final_package_dir(&targets, &fates, f));
        }
        match fates.get(&f) {
            Some(Fate::Move { to, .. }) => set.files.push(FileChange {
                path: to.clone(),
                action: Action::Move,
                from: Some(file.path.clone()),
                before: Some(text.clone()),
                content: Some(out.text),
            }),
            Some(Fate::Extract { to, .. }) => {
                set.files.push(FileChange {
                    path: to.clone(),
                    action: Action::Create,
                    from: None,
                    before: None,
                    content: out.extracted,
                });
                push_modified(&mut set, &file.path, &text, out.text);
            }
            _ => push_modified(&mut set, &file.path, &text, out.text),
        }
    }
    for (&f, fate) in &fates {
        if let Fate::Delete { .. } = fate {
            let path = &scan.files[f].path;
            let text = texts.get(path)?;
            set.files.push(FileChange {
                path: path.clone(),
                action: Action::Delete,
                from: None,
                before: Some(text),
                content: None,
            });
        }
    }

    // Packages: new ones get their files, every one its manifest changes.
    for (t, subs) in ctx.wanted_exports.borrow().iter() {
        targets[*t].exports.extend(subs.iter().map(|(k, v)| (k.clone(), v.clone())));
    }
    for (t, tp) in targets.iter().enumerate() {
        let items: Vec<&PlanItem> = by_target.get(&tp.name).cloned().unwrap_or_default();
        set.packages.push(PackageChange {
            name: tp.name.clone(),
            dir: tp.dir.clone(),
            new: tp.new,
            items: items.iter().map(|i| i.id.clone()).collect(),
        });
        let deps = package_dependencies(&items, &targets, range_for, &mut set.version_drift);
        if tp.new {
            create_package(scan, tp, t, &fates, &deps, &mut set);
        } else {
            extend_package(tp, &deps, &mut texts, &mut set)?;
        }
    }
    // Each package that now imports a target depends on it.
    for (&t, dirs) in &importers_of {
        for dir in dirs {
            if *dir == targets[t].dir {
                continue;
            }
            let path = join(dir, "package.json");
            let Some(mut m) = texts.manifest(&path)? else { continue };
            let range = range_for(&targets[t]);
            if m.add_dependency("dependencies", &targets[t].name, &range) {
                set.manifests.push(ManifestChange {
                    manifest: path.clone(),
                    section: "dependencies".into(),
                    name: targets[t].name.clone(),
                    value: range,
                });
                texts.put_manifest(&path, &m);
            }
        }
    }
    workspace_config(scan, &targets, globs, opts, &mut texts, &mut set)?;
    tsconfig_paths(scan, &targets, &mut texts, &mut set)?;
    for (path, (before, after)) in texts.manifests_changed() {
        push_modified(&mut set, &path, &before, after);
    }
    set.unused_dependencies = unused_dependencies(&ctx, &fates);
    merge_changes(&mut set);
    Ok(set)
}

fn push_modified(set: &mut ChangeSet, path: &str, before: &str, after: String) {
    if before != after {
        set.files.push(FileChange {
            path: path.to_string(),
            action: Action::Modify,
            from: None,
            before: Some(before.to_string()),
            content: Some(after),
        });
    }
}

/// One change per path (a file modified twice keeps the last text), sorted by path.
fn merge_changes(set: &mut ChangeSet) {
    let mut by_path: BTreeMap<String, FileChange> = BTreeMap::new();
    for c in std::mem::take(&mut set.files) {
        match by_path.get_mut(&c.path) {
            Some(prev) => {
                prev.content = c.content;
            }
            None => {
                by_path.insert(c.path.clone(), c);
            }
        }
    }
    set.files = by_path.into_values().collect();
    set.manifests.sort_by(|a, b| (&a.manifest, &a.name).cmp(&(&b.manifest, &b.name)));
    set.notes.sort();
    set.notes.dedup();
}

fn select(plan: &[PlanItem], opts: &Options, set: &mut ChangeSet) -> Result<Vec<PlanItem>, ApplyError> {
    let by_id: BTreeMap<&str, &PlanItem> = plan.iter().map(|i| (i.id.as_str(), i)).collect();
    let blocker = |i: &PlanItem| {
        i.blockers
            .iter()
            .find(|b| b.severity == crate::plan::Severity::Blocker)
            .map_or("a blocker".to_string(), |b| format!("{}:{}: {}", b.file, b.line, b.message))
    };
    let mut wanted: Vec<String> = Vec::new();
    if opts.all {
        for i in plan {
            if i.blocked && !opts.force {
                set.skipped.push(Skipped { id: i.id.clone(), reason: format!("blocked: {}", blocker(i)) });
            } else {
                wanted.push(i.id.clone());
            }
        }
    } else {
        if opts.items.is_empty() {
            return Err(ApplyError::NothingSelected);
        }
        for id in &opts.items {
            let id = id.to_uppercase();
            let Some(i) = by_id.get(id.as_str()) else {
                let known = match plan.len() {
                    0 => "no items".to_string(),
                    n => format!("P1 to P{n}"),
                };
                return Err(ApplyError::UnknownItem { id, known });
            };
            if i.blocked && !opts.force {
                return Err(ApplyError::Blocked { id, reason: blocker(i) });
            }
            wanted.push(id);
        }
    }
    // An item whose code imports code another item moves needs that item too.
    let mut i = 0;
    while i < wanted.len() {
        let item = by_id[wanted[i].as_str()];
        for d in item.dependencies.iter().filter(|d| d.kind == DependencyKind::Planned) {
            for other in plan.iter().filter(|o| o.target_package == d.name && o.id != item.id) {
                if !wanted.contains(&other.id) {
                    if other.blocked && !opts.force && opts.all {
                        set.skipped.push(Skipped {
                            id: item.id.clone(),
                            reason: format!("it needs {}, which is blocked", other.id),
                        });
                        continue;
                    }
                    if other.blocked && !opts.force {
                        return Err(ApplyError::Blocked {
                            id: item.id.clone(),
                            reason: format!(
                                "it needs {} (code it moves imports code that moves there), which is blocked",
                                other.id
                            ),
                        });
                    }
                    set.notes.push(format!("{} needs {}: both are applied", item.id, other.id));
                    wanted.push(other.id.clone());
                }
            }
        }
        i += 1;
    }
    // An item skipped for a blocked dependency, and what only it pulled in, go.
    let skipped: BTreeSet<&str> = set.skipped.iter().map(|s| s.id.as_str()).collect();
    let mut out: Vec<PlanItem> = wanted
        .iter()
        .filter(|id| !skipped.contains(id.as_str()))
        .map(|id| by_id[id.as_str()].clone())
        .collect();
    out.sort_by_key(|i| i.id[1..].parse::<usize>().unwrap_or(usize::MAX));
    out.dedup_by(|a, b| a.id == b.id);
    set.items = out.iter().map(|i| i.id.clone()).collect();
    Ok(out)
}

fn target_package(scan: &Scan, name: &str, opts: &Options) -> Result<TargetPackage, ApplyError> {
    let ws = &scan.workspace;
    if let Some(p) = ws.by_name(name) {
        let pkg = &ws.packages[p];
        let src = scan.files.iter().any(|f| f.path.starts_with(&join(&pkg.dir, "src/")));
        let manifest =
            std::fs::read_to_string(scan.root.join(join(&pkg.dir, "package.json"))).unwrap_or_default();
        let value: Value = serde_json::from_str(&manifest).unwrap_or(Value::Null);
        return Ok(TargetPackage {
            name: name.to_string(),
            dir: pkg.dir.clone(),
            new: false,
            src,
            exports: BTreeMap::new(),
            has_exports: value.get("exports").is_some_and(Value::is_object),
            published: opts.target == Target::Published,
            version: value.get("version").and_then(Value::as_str).unwrap_or(&opts.version).to_string(),
        });
    }
    let dir = layout::package_folder(ws, name, opts.package_dir.as_deref());
    if scan.root.join(&dir).exists() {
        return Err(ApplyError::TargetExists { path: dir, name: name.to_string() });
    }
    Ok(TargetPackage {
        name: name.to_string(),
        dir,
        new: true,
        src: true,
        exports: BTreeMap::new(),
        has_exports: true,
        published: opts.target == Target::Published,
        version: opts.version.clone(),
    })
}

/// Lookups over the scan.
struct Context<'a> {
    scan: &'a Scan,
    by_path: HashMap<&'a str, FileId>,
    /// Per file, its edges (specifier → resolved file or path).
    edges: Vec<Vec<usize>>,
    /// Per file, the files importing it.
    importers: Vec<Vec<FileId>>,
    /// `exports` subpaths existing libraries need for the files now imported through them.
    wanted_exports: std::cell::RefCell<BTreeMap<usize, BTreeMap<String, String>>>,
    /// Library entry files, parsed once for every importer asking what they re-export.
    entries: std::cell::RefCell<source::ParseCache<'a>>,
}

impl<'a> Context<'a> {
    fn new(scan: &'a Scan) -> Context<'a> {
        let by_path = scan.files.enumerate().map(|(id, f)| (f.path.as_str(), id)).collect();
        let mut edges = vec![Vec::new(); scan.files.len()];
        let mut importers = vec![Vec::new(); scan.files.len()];
        for (i, e) in scan.edges.iter().enumerate() {
            edges[e.from.index()].push(i);
            if let Some(to) = e.to_file {
                importers[to.index()].push(e.from);
            }
        }
        for v in &mut importers {
            v.sort();
            v.dedup();
        }
        Context {
            scan,
            by_path,
            edges,
            importers,
            wanted_exports: Default::default(),
            entries: std::cell::RefCell::new(source::ParseCache::new(&scan.root)),
        }
    }

    fn id(&self, path: &str) -> Option<FileId> {
        self.by_path.get(path).copied()
    }

    /// The unit of `file` spanning exactly these lines.
    fn unit(&self, file: FileId, start: u32, end: u32) -> Option<usize> {
        self.scan.files[file].units.iter().position(|u| u.start_line == start && u.end_line == end)
    }

    fn package_dir(&self, f: FileId) -> &str {
        &self.scan.workspace.package(self.scan.files[f].package).dir
    }

    /// Every file with a fate, and every file importing one.
    fn touched_files(&self, fates: &BTreeMap<FileId, Fate>) -> Vec<FileId> {
        let mut set: BTreeSet<FileId> = fates.keys().copied().collect();
        for &f in fates.keys() {
            set.extend(self.importers[f.index()].iter().copied());
        }
        set.into_iter().collect()
    }

    /// Where `f` is after the change, and the dir of the package holding it.
    fn final_place(
        &self,
        targets: &[TargetPackage],
        fates: &BTreeMap<FileId, Fate>,
        f: FileId,
    ) -> (String, String) {
        match fates.get(&f) {
            Some(Fate::Move { to, target }) => (to.clone(), targets[*target].dir.clone()),
            Some(Fate::Delete { into, .. }) if *into != f => self.final_place(targets, fates, *into),
            _ => (self.scan.files[f].path.clone(), self.package_dir(f).to_string()),
        }
    }

    /// Whether the entry file (`types`, else `main`) of the package at `dir` re-exports `path`.
    fn entry_reexports(&self, dir: &str, path: &str, names: &[String]) -> bool {
        let Some(p) = self.scan.workspace.packages.iter().find(|p| p.dir == dir) else { return false };
        let Some(entry) = p.manifest.types.as_ref().or(p.manifest.main.as_ref()) else { return false };
        let entry = normalize(&join(dir, entry));
        let (Some(e), Some(target)) = (self.id(&entry), self.id(path)) else { return false };
        let specs: Vec<&str> = self.edges[e.index()]
            .iter()
            .map(|&i| &self.scan.edges[i])
            .filter(|edge| edge.to_file == Some(target) && edge.kind == crate::parse::ImportKind::ExportFrom)
            .map(|edge| edge.specifier.as_str())
            .collect();
        if specs.is_empty() {
            return false;
        }
        // `export * from`, or a named list holding every name the importer takes (acme's index
        // names `Card` but not `DivProps`).
        let mut entries = self.entries.borrow_mut();
        let Some((_, src)) = entries.get(&entry) else { return false };
        src.specifiers.iter().filter(|s| specs.contains(&s.value.as_str())).any(|s| {
            src.statements.iter().any(|st| {
                st.lo <= s.lo
                    && s.hi <= st.hi
                    && (st.reexports.iter().any(|r| r == "*")
                        || (!names.is_empty() && names.iter().all(|n| st.reexports.contains(n))))
            })
        })
    }

    fn final_package_dir(
        &self,
        targets: &[TargetPackage],
        fates: &BTreeMap<FileId, Fate>,
        f: FileId,
    ) -> String {
        self.final_place(targets, fates, f).1
    }
}

/// One copy of a unit: the file, the unit's index in it, and its group (item, unit row).
struct CopyAt {
    file: FileId,
    unit: Option<usize>,
    group: (usize, usize),
    kept: bool,
    module: bool,
}

fn decide_fates(
    ctx: &Context,
    items: &[&PlanItem],
    t: usize,
    target: &mut TargetPackage,
    fates: &mut BTreeMap<FileId, Fate>,
    notes: &mut Vec<String>,
) {
    let scan = ctx.scan;
    let mut copies: Vec<CopyAt> = Vec::new();
    for (ii, item) in items.iter().enumerate() {
        for (ui, u) in item.units.iter().enumerate() {
            for c in &u.copies {
                let Some(file) = ctx.id(&c.file) else { continue };
                let module = u.kind == UnitKind::Module;
                let unit = if module { None } else { ctx.unit(file, c.start_line, c.end_line) };
                copies.push(CopyAt { file, unit, group: (ii, ui), kept: c.kept, module });
            }
        }
    }
    let mut by_file: BTreeMap<FileId, Vec<&CopyAt>> = BTreeMap::new();
    for c in &copies {
        if fates.contains_key(&c.file) {
            notes.push(format!(
                "{} is in two targets' items; only the first is applied to it",
                scan.files[c.file].path
            ));
            continue;
        }
        by_file.entry(c.file).or_default().push(c);
    }
    let whole = |f: FileId, cs: &[&CopyAt]| {
        let all_units = cs.iter().any(|c| c.module)
            || (0..scan.files[f].units.len()).all(|u| cs.iter().any(|c| c.unit == Some(u)));
        all_units && !crate::plan::code::is_route_file(&scan.files[f].path)
    };
    let in_target = |f: FileId| !target.new && ctx.package_dir(f) == target.dir;
    // Files holding kept copies: they move (or stay, in the target library).
    let mut props = Props::new(scan);
    let mut moving: Vec<FileId> =
        by_file.iter().filter(|(_, cs)| cs.iter().any(|c| c.kept)).map(|(&f, _)| f).collect();
    // A kept copy that uses code staying in its file cannot be extracted alone: the file stays
    // whole, and copies of its units stay where they are.
    moving.retain(|&f| {
        if in_target(f) || whole(f, &by_file[&f]) {
            return true;
        }
        let units: Vec<usize> = by_file[&f].iter().filter_map(|c| c.unit).collect();
        let stays = props.staying_names_used(f, &units);
        if stays.is_empty() {
            return true;
        }
        notes.push(format!(
            "{} stays whole: its copied code uses {}, which is not copied",
            scan.files[f].path,
            stays.join(", ")
        ));
        false
    });
    let rels: Vec<String> = moving
        .iter()
        .filter(|&&f| !in_target(f))
        .map(|&f| layout::inside_package(&scan.files[f].path, ctx.package_dir(f)))
        .collect();
    let common =
        if target.new { layout::common_folder(rels.iter().map(String::as_str)) } else { String::new() };
    let mut taken: BTreeSet<String> = BTreeSet::new();
    let base = if target.src { join(&target.dir, "src") } else { target.dir.clone() };
    for &f in &moving {
        if in_target(f) {
            continue;
        }
        let rel = layout::inside_package(&scan.files[f].path, ctx.package_dir(f));
        let rel = rel
            .strip_prefix(&format!("{common}/"))
            .filter(|_| !common.is_empty())
            .unwrap_or(&rel)
            .to_string();
        let mut to = join(&base, &rel);
        if taken.contains(&to) || (!target.new && scan.root.join(&to).exists()) {
            // Two variants of one file (kept copies of different groups): the app names the second.
            let app = ctx.package_dir(f).rsplit('/').next().unwrap_or("app");
            let (dir, name) = to
                .rsplit_once('/')
                .map_or((String::new(), to.clone()), |(d, n)| (d.to_string(), n.to_string()));
            let ext = name.strip_prefix(layout::stem(&name)).unwrap_or("");
            to = join(&dir, &format!("{}-{app}{ext}", layout::stem(&name)));
        }
        taken.insert(to.clone());
        let cs = &by_file[&f];
        if whole(f, cs) {
            fates.insert(f, Fate::Move { to, target: t });
        } else {
            let mut units: Vec<usize> = cs.iter().filter_map(|c| c.unit).collect();
            units.sort();
            units.dedup();
            fates.insert(f, Fate::Extract { to, target: t, units });
        }
    }
    // Where each group's code is afterwards: the moving file holding its kept copy, else any
    // moving file holding a copy.
    let mut home: BTreeMap<(usize, usize), (FileId, Option<usize>)> = BTreeMap::new();
    for c in copies.iter().filter(|c| moving.contains(&c.file)) {
        let e = home.entry(c.group).or_insert((c.file, c.unit));
        if c.kept {
            *e = (c.file, c.unit);
        }
    }
    let unit_name = |f: FileId, u: Option<usize>| u.map(|u| scan.files[f].units[u].name.clone());
    // A copy using property names its home lacks (`account` for `user`) is another API:
    // replacing it would break its callers.
    let mut same_api = |c: &CopyAt, home: FileId, hu: Option<usize>, notes: &mut Vec<String>| -> bool {
        let (Some(u), Some(hu)) = (c.unit, hu) else { return true };
        // The home may offer more; it must offer every name the copy's callers can use.
        let (a, b) = (props.of(c.file, u), props.of(home, hu));
        if a.iter().all(|n| b.contains(n)) {
            return true;
        }
        let only: Vec<&String> = a.iter().filter(|n| !b.contains(*n)).take(4).collect();
        notes.push(format!(
            "{}: {} is left in place: it uses names its copy in {} does not ({})",
            scan.files[c.file].path,
            scan.files[c.file].units[u].name,
            scan.files[home].path,
            only.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
        ));
        false
    };
    for (&f, cs) in &by_file {
        if moving.contains(&f) {
            continue;
        }
        if whole(f, cs) {
            // The moving file that holds a copy of every unit of this one.
            let mut counts: BTreeMap<FileId, usize> = BTreeMap::new();
            let groups: BTreeSet<(usize, usize)> = cs.iter().map(|c| c.group).collect();
            for c in copies.iter().filter(|c| moving.contains(&c.file) && groups.contains(&c.group)) {
                *counts.entry(c.file).or_default() += 1;
            }
            let full = counts
                .iter()
                .filter(|(&m, _)| groups.iter().all(|g| copies.iter().any(|c| c.file == m && c.group == *g)))
                .max_by_key(|(m, n)| (**n, std::cmp::Reverse(**m)))
                .map(|(&m, _)| m);
            match full {
                Some(into) if cs.iter().all(|c| {
                    let there = copies.iter().find(|o| o.file == into && o.group == c.group);
                    same_api(c, into, there.and_then(|o| o.unit), notes)
                }) =>
                {
                    let mut renames = Vec::new();
                    for c in cs.iter() {
                        let there = copies.iter().find(|o| o.file == into && o.group == c.group);
                        if let (Some(a), Some(b)) = (unit_name(f, c.unit), there.and_then(|o| unit_name(into, o.unit))) {
                            if a != b {
                                renames.push((a, b));
                            }
                        }
                    }
                    fates.insert(f, Fate::Delete { into, renames });
                }
                Some(_) => {}
                None => notes.push(format!(
                    "{} is kept: its units are copies of code in several files of {}, so its importers would need one import per file",
                    scan.files[f].path, target.name
                )),
            }
        } else {
            // Units cut from one file use each other (a props type, its variant table): they come
            // from one moved file when one holds them all, else each from its group's home.
            let groups: BTreeSet<(usize, usize)> = cs.iter().map(|c| c.group).collect();
            let single = moving
                .iter()
                .copied()
                .filter(|&m| groups.iter().all(|g| copies.iter().any(|c| c.file == m && c.group == *g)))
                .max_by_key(|&m| {
                    (copies.iter().filter(|c| c.file == m && c.kept).count(), std::cmp::Reverse(m))
                });
            let mut units = Vec::new();
            for c in cs.iter() {
                let home_of = |c: &CopyAt| match single {
                    Some(m) => copies.iter().find(|o| o.file == m && o.group == c.group).map(|o| (m, o.unit)),
                    None => home.get(&c.group).copied(),
                };
                let (Some(u), Some((hf, hu))) = (c.unit, home_of(c)) else { continue };
                if !same_api(c, hf, hu, notes) {
                    continue;
                }
                let name = unit_name(hf, hu).unwrap_or_else(|| scan.files[f].units[u].name.clone());
                units.push((u, hf, name));
            }
            units.sort();
            units.dedup_by(|a, b| a.0 == b.0);
            if !units.is_empty() {
                fates.insert(f, Fate::Cut { units });
            }
        }
    }
}

/// The property names of units, from a parse of their files (once per file).
struct Props<'a> {
    scan: &'a Scan,
    files: source::ParseCache<'a>,
}

impl<'a> Props<'a> {
    fn new(scan: &'a Scan) -> Props<'a> {
        Props { scan, files: source::ParseCache::new(&scan.root) }
    }

    /// Names declared by the statements of `f` outside `units` that those units refer to.
    fn staying_names_used(&mut self, f: FileId, units: &[usize]) -> Vec<String> {
        let scan = self.scan;
        let Some((text, src)) = self.files.get(&scan.files[f].path) else { return Vec::new() };
        let spans: Vec<(usize, usize)> = units
            .iter()
            .map(|&u| line_span(text, scan.files[f].units[u].start_line, scan.files[f].units[u].end_line))
            .collect();
        let moved = |s: &source::Statement| spans.iter().any(|&(lo, hi)| s.lo < hi && lo < s.hi);
        let refs: BTreeSet<&str> = src
            .statements
            .iter()
            .filter(|s| moved(s))
            .flat_map(|s| s.refs.iter().map(String::as_str))
            .collect();
        let mut out: Vec<String> = src
            .statements
            .iter()
            .filter(|s| !moved(s) && s.import.is_none())
            .flat_map(|s| s.declares.iter())
            .filter(|n| refs.contains(n.as_str()))
            .cloned()
            .collect();
        out.sort();
        out.dedup();
        out
    }

    fn of(&mut self, f: FileId, u: usize) -> BTreeSet<String> {
        let unit = &self.scan.files[f].units[u];
        match self.files.get(&self.scan.files[f].path) {
            Some((text, src)) => src.props_in(text, unit.start_line, unit.end_line),
            None => BTreeSet::new(),
        }
    }
}

/// File texts, read once, and manifests being edited.
struct Texts<'a> {
    root: &'a Path,
    files: HashMap<String, String>,
    manifests: BTreeMap<String, (String, manifest::Edit)>,
}

impl<'a> Texts<'a> {
    fn new(root: &'a Path) -> Texts<'a> {
        Texts { root, files: HashMap::new(), manifests: BTreeMap::new() }
    }

    fn get(&mut self, path: &str) -> Result<String, ApplyError> {
        if let Some(t) = self.files.get(path) {
            return Ok(t.clone());
        }
        let text = std::fs::read_to_string(self.root.join(path))
            .map_err(|source| ApplyError::Read { path: path.to_string(), source })?;
        self.files.insert(path.to_string(), text.clone());
        Ok(text)
    }

    /// The manifest at `path` as edited so far; None when it is missing or not a JSON object.
    fn manifest(&mut self, path: &str) -> Result<Option<manifest::Edit>, ApplyError> {
        if let Some((_, m)) = self.manifests.get(path) {
            return Ok(manifest::Edit::parse(&m.text()));
        }
        if !self.root.join(path).exists() {
            return Ok(None);
        }
        let text = self.get(path)?;
        Ok(manifest::Edit::parse(&text))
    }

    fn put_manifest(&mut self, path: &str, m: &manifest::Edit) {
        let before = self.files.get(path).cloned().unwrap_or_default();
        let edit = manifest::Edit::parse(&m.text()).unwrap_or_else(|| manifest::Edit::new(m.map.clone()));
        self.manifests.insert(path.to_string(), (before, edit));
    }

    fn manifests_changed(&self) -> Vec<(String, (String, String))> {
        self.manifests.iter().map(|(p, (before, m))| (p.clone(), (before.clone(), m.text()))).collect()
    }
}

struct Rewritten {
    text: String,
    /// The new module of an extracted file.
    extracted: Option<String>,
    /// Targets (indices) the file imports afterwards.
    imports_targets: BTreeSet<usize>,
}

/// A byte-span replacement.
struct Edit {
    lo: usize,
    hi: usize,
    text: String,
}

/// `text` with `edits` applied; edits are sorted and must not overlap (an overlapping one is
/// dropped: the first of two edits of one span wins).
fn apply_edits(text: &str, mut edits: Vec<Edit>) -> String {
    edits.sort_by_key(|e| (e.lo, e.hi));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits {
        if e.lo < at || e.hi > text.len() || !text.is_char_boundary(e.lo) || !text.is_char_boundary(e.hi) {
            continue;
        }
        out.push_str(&text[at..e.lo]);
        out.push_str(&e.text);
        at = e.hi;
    }
    out.push_str(&text[at..]);
    out
}

/// A statement's span grown over the comment lines right above it and its line end, so that a
/// cut leaves no dangling doc comment and no blank line behind.
fn statement_block(text: &str, lo: usize, hi: usize) -> (usize, usize) {
    let mut start = text[..lo].rfind('\n').map_or(0, |i| i + 1);
    loop {
        if start == 0 {
            break;
        }
        let prev_start = text[..start - 1].rfind('\n').map_or(0, |i| i + 1);
        let line = text[prev_start..start].trim();
        if line.starts_with("//") || line.starts_with("/*") || line.starts_with('*') {
            start = prev_start;
        } else {
            break;
        }
    }
    let mut end = text[hi..].find('\n').map_or(text.len(), |i| hi + i + 1);
    // One blank line after the block goes with it.
    if text[end..].starts_with('\n') {
        end += 1;
    } else if text[end..].starts_with("\r\n") {
        end += 2;
    }
    (start, end)
}

fn rewrite_file(
    ctx: &Context,
    targets: &[TargetPackage],
    fates: &BTreeMap<FileId, Fate>,
    f: FileId,
    (text, src): (&str, &Source),
    must_export: Option<&BTreeSet<String>>,
    notes: &mut Vec<String>,
) -> Rewritten {
    let scan = ctx.scan;
    let file = &scan.files[f];
    let (here, here_pkg) = ctx.final_place(targets, fates, f);
    let mut imports_targets = BTreeSet::new();
    let mut spec_text: HashMap<usize, String> = HashMap::new();
    let mut edits = Vec::new();
    // The specifier each import of this file gets.
    for s in &src.specifiers {
        let Some(edge) =
            ctx.edges[f.index()].iter().map(|&i| &scan.edges[i]).find(|e| e.specifier == s.value)
        else {
            continue;
        };
        let new_spec = match edge.to_file {
            Some(g) => spec_to_file(
                ctx,
                targets,
                fates,
                &here,
                &here_pkg,
                &s.value,
                g,
                &mut imports_targets,
                notes,
                &file.path,
                &imported_names(edge, fates.get(&g)),
            ),
            None => match (&edge.to, edge.resolution) {
                // An asset a moved file imports by a relative path: the path from the new place.
                (Some(to), Resolution::Asset) if here != file.path && s.value.starts_with('.') => {
                    Some(relative_path(&here, to))
                }
                _ => None,
            },
        };
        if let Some(spec) = new_spec.filter(|n| *n != s.value) {
            let quote = &text[s.lo..s.lo + 1];
            spec_text.insert(s.lo, spec.clone());
            edits.push(Edit { lo: s.lo, hi: s.hi, text: format!("{quote}{spec}{quote}") });
        }
    }
    // Named imports of a deleted file whose units have other names in the file that replaces it.
    for st in &src.statements {
        let Some((from, bindings, type_only)) = &st.import else { continue };
        let Some(g) = ctx.edges[f.index()]
            .iter()
            .map(|&i| &scan.edges[i])
            .find(|e| &e.specifier == from)
            .and_then(|e| e.to_file)
        else {
            continue;
        };
        let Some(Fate::Delete { renames, .. }) = fates.get(&g) else { continue };
        if renames.is_empty() || !bindings.iter().any(|b| renames.iter().any(|(a, _)| *a == b.imported)) {
            continue;
        }
        let spec =
            specifier_at(src, st).and_then(|s| spec_text.get(&s.lo).cloned()).unwrap_or_else(|| from.clone());
        let renamed: Vec<Binding> = bindings
            .iter()
            .map(|b| {
                let imported = renames
                    .iter()
                    .find(|(a, _)| *a == b.imported)
                    .map_or(b.imported.clone(), |(_, n)| n.clone());
                Binding { local: b.local.clone(), imported, type_only: b.type_only }
            })
            .collect();
        edits.retain(|e| !(st.lo <= e.lo && e.hi <= st.hi));
        edits.push(Edit { lo: st.lo, hi: st.hi, text: import_statement(&renamed, *type_only, &spec) });
    }
    let mut extracted = None;
    match fates.get(&f) {
        Some(Fate::Cut { units }) => {
            let cut: Vec<(usize, FileId, String)> = units.clone();
            let removed = cut_statements(text, src, file, cut.iter().map(|(u, _, _)| *u), &mut edits);
            // Import what was cut from where it lives now.
            let mut lines = Vec::new();
            let mut by_module: BTreeMap<String, Vec<(String, String, bool, bool)>> = BTreeMap::new();
            for (u, home, name) in &cut {
                let unit = &file.units[*u];
                // A unit extracted from a file lives in the module made of it.
                let spec = match fates.get(home) {
                    Some(Fate::Extract { to, target, .. }) => {
                        imports_targets.insert(*target);
                        format!("{}/{}", targets[*target].name, export_subpath(&targets[*target], to))
                    }
                    _ => spec_to_file(
                        ctx,
                        targets,
                        fates,
                        &here,
                        &here_pkg,
                        "",
                        *home,
                        &mut imports_targets,
                        notes,
                        &file.path,
                        std::slice::from_ref(name),
                    )
                    .unwrap_or_default(),
                };
                let is_type = unit.kind == UnitKind::Type;
                let used = used_after(src, &removed, &unit.name);
                by_module.entry(spec).or_default().push((name.clone(), unit.name.clone(), is_type, used));
            }
            for (spec, list) in by_module {
                let used: Vec<Binding> = list
                    .iter()
                    .filter(|(_, _, _, used)| *used)
                    .map(|(imported, local, t, _)| Binding {
                        local: local.clone(),
                        imported: imported.clone(),
                        type_only: *t,
                    })
                    .collect();
                if !used.is_empty() {
                    lines.push(import_statement(&used, false, &spec));
                }
                let exported: Vec<&(String, String, bool, bool)> =
                    list.iter().filter(|(_, local, _, _)| is_exported(file, local)).collect();
                for types in [false, true] {
                    let names: Vec<String> =
                        exported
                            .iter()
                            .filter(|e| e.2 == types)
                            .map(|(imported, local, _, _)| {
                                if imported == local {
                                    local.clone()
                                } else {
                                    format!("{imported} as {local}")
                                }
                            })
                            .collect();
                    if !names.is_empty() {
                        let kw = if types { "export type" } else { "export" };
                        lines.push(format!("{kw} {{ {} }} from \"{spec}\";", names.join(", ")));
                    }
                }
            }
            insert_after_imports(text, src, &lines, &mut edits);
            prune_imports(text, src, &removed, &mut edits);
        }
        Some(Fate::Extract { to, target, units }) => {
            let removed = cut_statements(text, src, file, units.iter().copied(), &mut edits);
            // The new module: the imports the moved statements use, then the statements.
            let mut module = String::new();
            let moved_refs: BTreeSet<&str> =
                removed.iter().flat_map(|&i| src.statements[i].refs.iter().map(String::as_str)).collect();
            for st in &src.statements {
                let Some((from, bindings, type_only)) = &st.import else { continue };
                let keep: Vec<Binding> =
                    bindings.iter().filter(|b| moved_refs.contains(b.local.as_str())).cloned().collect();
                if keep.is_empty() {
                    continue;
                }
                let g = ctx.edges[f.index()]
                    .iter()
                    .map(|&i| &scan.edges[i])
                    .find(|e| &e.specifier == from)
                    .and_then(|e| e.to_file);
                let spec = match g {
                    Some(g) => spec_to_file(
                        ctx,
                        targets,
                        fates,
                        to,
                        &targets[*target].dir,
                        from,
                        g,
                        &mut BTreeSet::new(),
                        notes,
                        &file.path,
                        &keep.iter().map(|b| b.imported.clone()).collect::<Vec<_>>(),
                    )
                    .unwrap_or_else(|| from.clone()),
                    None => from.clone(),
                };
                module.push_str(&import_statement(&keep, *type_only, &spec));
                module.push('\n');
            }
            // Names the moved code uses that stay in the file.
            let stays: Vec<&str> = src
                .statements
                .iter()
                .enumerate()
                .filter(|(i, s)| !removed.contains(i) && s.import.is_none())
                .flat_map(|(_, s)| s.declares.iter().map(String::as_str))
                .filter(|n| moved_refs.contains(n))
                .collect();
            if !stays.is_empty() {
                notes.push(format!(
                    "{}: the code moved to {to} uses {} which stays in the file",
                    file.path,
                    stays.join(", ")
                ));
            }
            if !module.is_empty() {
                module.push('\n');
            }
            for (n, &i) in removed.iter().enumerate() {
                let st = &src.statements[i];
                if n > 0 {
                    module.push('\n');
                }
                let (lo, _) = statement_block(text, st.lo, st.hi);
                let lead = &text[lo..st.lo];
                let body = &text[st.lo..st.hi];
                module.push_str(lead);
                if !st.exported {
                    module.push_str("export ");
                }
                module.push_str(body);
                module.push('\n');
            }
            extracted = Some(module);
            // The file re-exports (and imports, where it still uses them) what moved.
            let spec = format!("{}/{}", targets[*target].name, export_subpath(&targets[*target], to));
            imports_targets.insert(*target);
            let mut lines = Vec::new();
            let mut used = Vec::new();
            let mut exported = [Vec::new(), Vec::new()];
            for &u in units {
                let unit = &file.units[u];
                let t = unit.kind == UnitKind::Type;
                if used_after(src, &removed, &unit.name) {
                    used.push(Binding {
                        local: unit.name.clone(),
                        imported: unit.name.clone(),
                        type_only: t,
                    });
                }
                if unit.exported {
                    exported[usize::from(t)].push(unit.name.clone());
                }
            }
            if !used.is_empty() {
                lines.push(import_statement(&used, false, &spec));
            }
            for (t, names) in exported.iter().enumerate() {
                if !names.is_empty() {
                    let kw = if t == 1 { "export type" } else { "export" };
                    lines.push(format!("{kw} {{ {} }} from \"{spec}\";", names.join(", ")));
                }
            }
            insert_after_imports(text, src, &lines, &mut edits);
            prune_imports(text, src, &removed, &mut edits);
        }
        _ => {}
    }
    // Names other files now import from this one (it moves, or is the library's copy): exported.
    if let (Some(names), None | Some(Fate::Move { .. })) = (must_export, fates.get(&f)) {
        let private = src
            .statements
            .iter()
            .filter(|s| !s.exported && s.import.is_none() && s.declares.iter().any(|d| names.contains(d)));
        edits.extend(private.map(|s| Edit { lo: s.lo, hi: s.lo, text: "export ".into() }));
    }
    let mut text = apply_edits(text, edits);
    // A cut at the end of the file leaves the blank line that was before it.
    if extracted.is_some() || matches!(fates.get(&f), Some(Fate::Cut { .. })) {
        while text.ends_with("\n\n") {
            text.pop();
        }
    }
    Rewritten { text, extracted, imports_targets }
}

use source::Binding;

/// The names an import takes from its file, as the file that replaces it names them.
fn imported_names(edge: &crate::resolve::Edge, fate: Option<&Fate>) -> Vec<String> {
    let renames: &[(String, String)] = match fate {
        Some(Fate::Delete { renames, .. }) => renames,
        _ => &[],
    };
    edge.names
        .iter()
        .map(|n| renames.iter().find(|(a, _)| a == n).map_or_else(|| n.clone(), |(_, b)| b.clone()))
        .collect()
}

fn specifier_at<'s>(src: &'s Source, st: &source::Statement) -> Option<&'s source::Specifier> {
    src.specifiers.iter().find(|s| st.lo <= s.lo && s.hi <= st.hi)
}

fn is_exported(file: &crate::model::SourceFile, name: &str) -> bool {
    file.units.iter().any(|u| u.name == name && u.exported)
}

/// Whether the statements that stay (not imports, not `removed`) refer to `name`.
fn used_after(src: &Source, removed: &[usize], name: &str) -> bool {
    src.statements
        .iter()
        .enumerate()
        .any(|(i, s)| !removed.contains(&i) && s.import.is_none() && s.refs.iter().any(|r| r == name))
}

/// Edits cutting the statements of `units` out; returns their statement indices.
fn cut_statements(
    text: &str,
    src: &Source,
    file: &crate::model::SourceFile,
    units: impl Iterator<Item = usize>,
    edits: &mut Vec<Edit>,
) -> Vec<usize> {
    let mut removed = Vec::new();
    for u in units {
        let unit = &file.units[u];
        let (lo, hi) = line_span(text, unit.start_line, unit.end_line);
        // The statement that starts on the unit's first line.
        let Some(i) = src.statements.iter().position(|s| lo <= s.lo && s.lo < hi.max(lo + 1)) else {
            continue;
        };
        if removed.contains(&i) {
            continue;
        }
        removed.push(i);
        let st = &src.statements[i];
        let (blo, bhi) = statement_block(text, st.lo, st.hi);
        edits.push(Edit { lo: blo, hi: bhi, text: String::new() });
    }
    removed.sort();
    removed
}

/// Import bindings only the removed statements used are dropped (a declaration left with none
/// goes whole); imports that were unused before are left alone.
fn prune_imports(text: &str, src: &Source, removed: &[usize], edits: &mut Vec<Edit>) {
    for st in &src.statements {
        let Some((from, bindings, type_only)) = &st.import else { continue };
        if bindings.is_empty() {
            continue;
        }
        let used_by = |b: &Binding, moved: bool| {
            src.statements.iter().enumerate().any(|(i, s)| {
                removed.contains(&i) == moved && s.import.is_none() && s.refs.contains(&b.local)
            })
        };
        let keep: Vec<Binding> =
            bindings.iter().filter(|b| used_by(b, false) || !used_by(b, true)).cloned().collect();
        if keep.len() == bindings.len() {
            continue;
        }
        // The specifier keeps the text other edits gave it.
        let spec_edit =
            specifier_at(src, st).and_then(|s| edits.iter().find(|e| e.lo == s.lo).map(|e| e.text.clone()));
        let spec = spec_edit.map_or_else(|| from.clone(), |t| t[1..t.len() - 1].to_string());
        edits.retain(|e| !(st.lo <= e.lo && e.hi <= st.hi));
        if keep.is_empty() {
            let (lo, hi) = statement_block(text, st.lo, st.hi);
            let hi = if text[st.hi..].starts_with('\n') { st.hi + 1 } else { hi.min(st.hi) };
            edits.push(Edit { lo: lo.max(st.lo), hi, text: String::new() });
        } else {
            edits.push(Edit { lo: st.lo, hi: st.hi, text: import_statement(&keep, *type_only, &spec) });
        }
    }
}

fn insert_after_imports(text: &str, src: &Source, lines: &[String], edits: &mut Vec<Edit>) {
    if lines.is_empty() {
        return;
    }
    let last_import = src.statements.iter().take_while(|s| s.import.is_some()).last();
    let (at, block) = match last_import {
        Some(st) => {
            let end = text[st.hi..].find('\n').map_or(text.len(), |i| st.hi + i + 1);
            (end, format!("{}\n", lines.join("\n")))
        }
        None => (leading_directives_end(text, src), format!("{}\n\n", lines.join("\n"))),
    };
    edits.push(Edit { lo: at, hi: at, text: block });
}

/// After `"use client"` and other directives at the top of the file.
fn leading_directives_end(text: &str, src: &Source) -> usize {
    let mut at = 0;
    for st in &src.statements {
        let s = text[st.lo..st.hi].trim_start();
        if st.import.is_none() && st.declares.is_empty() && (s.starts_with('"') || s.starts_with('\'')) {
            at = text[st.hi..].find('\n').map_or(text.len(), |i| st.hi + i + 1);
        } else {
            break;
        }
    }
    at
}

fn import_statement(bindings: &[Binding], type_only: bool, spec: &str) -> String {
    let mut default = None;
    let mut namespace = None;
    let mut named = Vec::new();
    for b in bindings {
        match b.imported.as_str() {
            "default" => default = Some(b.local.clone()),
            "*" => namespace = Some(b.local.clone()),
            _ => {
                let t = if b.type_only && !type_only { "type " } else { "" };
                named.push(if b.imported == b.local {
                    format!("{t}{}", b.local)
                } else {
                    format!("{t}{} as {}", b.imported, b.local)
                });
            }
        }
    }
    let mut parts = Vec::new();
    if let Some(d) = default {
        parts.push(d);
    }
    if let Some(n) = namespace {
        parts.push(format!("* as {n}"));
    }
    if !named.is_empty() {
        parts.push(format!("{{ {} }}", named.join(", ")));
    }
    let kw = if type_only { "import type" } else { "import" };
    format!("{kw} {} from \"{spec}\";", parts.join(", "))
}

/// The `exports` subpath of a file inside a target package (`components/button`).
fn export_subpath(t: &TargetPackage, path: &str) -> String {
    let inside = layout::inside_package(path, &t.dir);
    if !t.has_exports {
        // No `exports`: the file is imported by its path.
        let rel = path.strip_prefix(&format!("{}/", t.dir)).unwrap_or(path);
        return Style { extension: false, index: true }.apply(rel);
    }
    Style { extension: false, index: true }.apply(&inside)
}

/// The specifier `here` (in package `here_pkg`) uses for file `g` once both are in place;
/// None to leave `spec` as written.
#[allow(clippy::too_many_arguments)]
fn spec_to_file(
    ctx: &Context,
    targets: &[TargetPackage],
    fates: &BTreeMap<FileId, Fate>,
    here: &str,
    here_pkg: &str,
    spec: &str,
    g: FileId,
    imports_targets: &mut BTreeSet<usize>,
    notes: &mut Vec<String>,
    from_path: &str,
    names: &[String],
) -> Option<String> {
    let scan = ctx.scan;
    let (there, there_pkg) = ctx.final_place(targets, fates, g);
    let moved_here = here != from_path;
    let original = &scan.files[g].path;
    if !moved_here && there == *original && !spec.is_empty() {
        return None;
    }
    let style =
        if spec.is_empty() { Style { extension: false, index: true } } else { Style::of(spec, original) };
    if here_pkg == there_pkg {
        return Some(style.apply(&relative_path(here, &there)));
    }
    if let Some(t) = targets.iter().position(|t| t.dir == there_pkg) {
        imports_targets.insert(t);
        if !targets[t].new && !targets[t].has_exports && ctx.entry_reexports(&targets[t].dir, &there, names) {
            // The library's entry re-exports the file: import the package, not its path.
            return Some(targets[t].name.clone());
        }
        let sub = export_subpath(&targets[t], &there);
        if !targets[t].new && targets[t].has_exports {
            let file = format!("./{}", there.strip_prefix(&format!("{}/", targets[t].dir)).unwrap_or(&there));
            ctx.wanted_exports.borrow_mut().entry(t).or_default().insert(format!("./{sub}"), file);
        }
        return Some(format!("{}/{sub}", targets[t].name));
    }
    // Another package that does not change: a package specifier stays; a path is recomputed.
    let bare = !spec.is_empty() && !spec.starts_with('.') && !spec.starts_with('/');
    let pkg_name = &scan.workspace.package(scan.files[g].package).name;
    if bare && spec.starts_with(pkg_name.as_str()) {
        return None;
    }
    if ctx
        .scan
        .workspace
        .packages
        .iter()
        .any(|p| p.dir == there_pkg && p.kind == crate::workspace::PackageKind::App)
    {
        notes
            .push(format!("{here} imports {there}, which stays in its app (a blocker applied with --force)"));
    }
    Some(style.apply(&relative_path(here, &there)))
}

struct PackageDeps {
    dependencies: BTreeMap<String, String>,
    peers: BTreeMap<String, String>,
}

fn package_dependencies(
    items: &[&PlanItem],
    targets: &[TargetPackage],
    range_for: impl Fn(&TargetPackage) -> String,
    drift: &mut Vec<Drift>,
) -> PackageDeps {
    let mut deps = PackageDeps { dependencies: BTreeMap::new(), peers: BTreeMap::new() };
    for d in items.iter().flat_map(|i| &i.dependencies) {
        match d.kind {
            DependencyKind::Npm | DependencyKind::Peer | DependencyKind::Workspace => {
                let Some(range) = manifest::highest_range(d.versions.values().map(String::as_str)) else {
                    continue;
                };
                let range = range.to_string();
                if d.drift && !drift.iter().any(|x| x.dependency == d.name) {
                    drift.push(Drift {
                        dependency: d.name.clone(),
                        chosen: range.clone(),
                        ranges: d.versions.clone(),
                    });
                }
                let map =
                    if d.kind == DependencyKind::Peer { &mut deps.peers } else { &mut deps.dependencies };
                map.entry(d.name.clone()).or_insert(range);
            }
            DependencyKind::Planned => {
                if let Some(t) = targets.iter().find(|t| t.name == d.name) {
                    deps.dependencies.entry(d.name.clone()).or_insert_with(|| range_for(t));
                }
            }
        }
    }
    deps
}

fn create_package(
    scan: &Scan,
    tp: &TargetPackage,
    t: usize,
    fates: &BTreeMap<FileId, Fate>,
    deps: &PackageDeps,
    set: &mut ChangeSet,
) {
    // Modules of the package, with their exported names.
    let mut modules: Vec<(String, Vec<String>)> = Vec::new();
    for (&f, fate) in fates {
        let (to, names) = match fate {
            Fate::Move { to, target } if *target == t => (
                to,
                scan.files[f].units.iter().filter(|u| u.exported).map(|u| u.name.clone()).collect::<Vec<_>>(),
            ),
            Fate::Extract { to, target, units } if *target == t => {
                (to, units.iter().map(|&u| scan.files[f].units[u].name.clone()).collect())
            }
            _ => continue,
        };
        modules.push((to.clone(), names));
    }
    modules.sort();
    if modules.is_empty() {
        set.notes.push(format!("{}: nothing is left to move into it; it is not created", tp.name));
        set.packages.retain(|p| p.name != tp.name);
        return;
    }
    let mut exports = serde_json::Map::new();
    exports.insert(".".into(), json!("./src/index.ts"));
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, names) in &modules {
        for n in names {
            *counts.entry(n.as_str()).or_default() += 1;
        }
    }
    let mut index = String::new();
    for (to, names) in &modules {
        let sub = export_subpath(tp, to);
        let file = format!("./{}", to.strip_prefix(&format!("{}/", tp.dir)).unwrap_or(to));
        exports.insert(format!("./{sub}"), json!(file));
        let clash: Vec<&String> = names.iter().filter(|n| counts[n.as_str()] > 1).collect();
        if clash.is_empty() {
            index.push_str(&format!("export * from \"./{sub}\";\n"));
        } else {
            let only: Vec<&str> =
                names.iter().filter(|n| counts[n.as_str()] == 1).map(String::as_str).collect();
            if !only.is_empty() {
                index.push_str(&format!("export {{ {} }} from \"./{sub}\";\n", only.join(", ")));
            }
            set.notes.push(format!(
                "{}: {} exported by several modules; import {} from \"{}/{sub}\"",
                tp.name,
                clash.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", "),
                if clash.len() == 1 { "it" } else { "them" },
                tp.name
            ));
        }
    }
    let mut manifest = serde_json::Map::new();
    manifest.insert("name".into(), json!(tp.name));
    manifest.insert("version".into(), json!(tp.version));
    if !tp.published {
        manifest.insert("private".into(), json!(true));
    }
    manifest.insert("main".into(), json!("./src/index.ts"));
    manifest.insert("types".into(), json!("./src/index.ts"));
    manifest.insert("exports".into(), Value::Object(exports));
    if !deps.dependencies.is_empty() {
        manifest.insert("dependencies".into(), json!(deps.dependencies));
    }
    if !deps.peers.is_empty() {
        manifest.insert("peerDependencies".into(), json!(deps.peers));
    }
    let pkg_json = manifest::to_text(&Value::Object(manifest), "  ", true);
    set.files.push(created(join(&tp.dir, "package.json"), pkg_json));
    set.files.push(created(join(&tp.dir, "tsconfig.json"), tsconfig(scan, tp)));
    set.files.push(created(join(&tp.dir, "src/index.ts"), index));
}

fn created(path: String, content: String) -> FileChange {
    FileChange { path, action: Action::Create, from: None, before: None, content: Some(content) }
}

/// A tsconfig.json extending the one the repository shares (the `extends` most packages use),
/// else standalone strict options.
fn tsconfig(scan: &Scan, tp: &TargetPackage) -> String {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for p in &scan.workspace.packages {
        let Ok(text) = std::fs::read_to_string(scan.root.join(join(&p.dir, "tsconfig.json"))) else {
            continue;
        };
        let Some(ext) = jsonc_string_field(&text, "extends") else { continue };
        if !ext.starts_with('.') {
            counts.entry(ext).or_default();
            continue;
        }
        let abs = layout::parent_of(&join(&p.dir, "tsconfig.json")).to_string();
        let resolved = normalize(&join(&abs, &ext));
        *counts.entry(resolved).or_default() += 1;
    }
    let shared = counts.into_iter().max_by_key(|(p, n)| (*n, std::cmp::Reverse(p.clone()))).map(|(p, _)| p);
    let body = match shared {
        Some(base) if scan.root.join(&base).exists() => {
            let rel = relative_path(&join(&tp.dir, "tsconfig.json"), &base);
            format!("{{\n  \"extends\": \"{rel}\",\n  \"include\": [\"src\"]\n}}\n")
        }
        _ => "{\n  \"compilerOptions\": {\n    \"strict\": true,\n    \"module\": \"esnext\",\n    \"moduleResolution\": \"bundler\",\n    \"jsx\": \"react-jsx\",\n    \"noEmit\": true,\n    \"skipLibCheck\": true\n  },\n  \"include\": [\"src\"]\n}\n".to_string(),
    };
    body
}

/// `a/b/../c` → `a/c`.
fn normalize(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                out.pop();
            }
            p => out.push(p),
        }
    }
    out.join("/")
}

/// A top-level string field of a JSONC text (tsconfig files have comments and trailing commas).
fn jsonc_string_field(text: &str, key: &str) -> Option<String> {
    let value: Value = jsonc_parser::parse_to_serde_value(text, &Default::default()).ok()?;
    value.get(key)?.as_str().map(str::to_string)
}

fn extend_package(
    tp: &TargetPackage,
    deps: &PackageDeps,
    texts: &mut Texts,
    set: &mut ChangeSet,
) -> Result<(), ApplyError> {
    let path = join(&tp.dir, "package.json");
    let Some(mut m) = texts.manifest(&path)? else { return Ok(()) };
    for (section, list) in [("dependencies", &deps.dependencies), ("peerDependencies", &deps.peers)] {
        for (name, range) in list {
            if *name != tp.name && m.add_dependency(section, name, range) {
                set.manifests.push(ManifestChange {
                    manifest: path.clone(),
                    section: section.into(),
                    name: name.clone(),
                    value: range.clone(),
                });
            }
        }
    }
    for (sub, file) in &tp.exports {
        m.add_export(sub, file);
    }
    texts.put_manifest(&path, &m);
    Ok(())
}

/// Where a shared tsconfig already maps workspace packages in `compilerOptions.paths`
/// (`"@acme/ui": ["packages/ui/src/index.ts"]`), each new package gets the same mapping. The
/// file is edited as JSONC, comments and layout kept.
fn tsconfig_paths(
    scan: &Scan,
    targets: &[TargetPackage],
    texts: &mut Texts,
    set: &mut ChangeSet,
) -> Result<(), ApplyError> {
    let new: Vec<&TargetPackage> = targets.iter().filter(|t| t.new).collect();
    if new.is_empty() {
        return Ok(());
    }
    // The tsconfig files at the root and in the parent folders of packages.
    let mut candidates: BTreeSet<String> = BTreeSet::new();
    for p in &scan.workspace.packages {
        let mut dir = p.dir.as_str();
        loop {
            for name in ["tsconfig.json", "tsconfig.base.json"] {
                let path = join(dir, name);
                if scan.root.join(&path).is_file() {
                    candidates.insert(path);
                }
            }
            if dir.is_empty() {
                break;
            }
            dir = layout::parent_of(dir);
        }
    }
    for path in candidates {
        let text = texts.get(&path)?;
        let Ok(value) = jsonc_parser::parse_to_serde_value::<Value>(&text, &Default::default()) else {
            continue;
        };
        let Some(options) = value.get("compilerOptions") else { continue };
        let Some(paths) = options.get("paths").and_then(Value::as_object) else { continue };
        let base =
            join(layout::parent_of(&path), options.get("baseUrl").and_then(Value::as_str).unwrap_or("."));
        let base = normalize(&base);
        // An existing package mapped here: its key and targets show the pattern.
        let mut additions: Vec<(String, Vec<String>)> = Vec::new();
        for p in scan.workspace.packages.iter().filter(|p| !p.name.is_empty() && !p.dir.is_empty()) {
            let rel_dir = relative_path(&join(&base, "x"), &p.dir);
            let rel_dir = rel_dir.trim_start_matches("./");
            for (suffix, key) in [("", p.name.clone()), ("/*", format!("{}/*", p.name))] {
                let Some(list) = paths.get(&key).and_then(Value::as_array) else { continue };
                for t in &new {
                    let new_key = format!("{}{suffix}", t.name);
                    if paths.contains_key(&new_key) || additions.iter().any(|(k, _)| *k == new_key) {
                        continue;
                    }
                    let new_rel = relative_path(&join(&base, "x"), &t.dir);
                    let new_rel = new_rel.trim_start_matches("./");
                    let values: Vec<String> = list
                        .iter()
                        .filter_map(Value::as_str)
                        .filter(|v| v.contains(rel_dir))
                        .map(|v| v.replacen(rel_dir, new_rel, 1))
                        .collect();
                    if !values.is_empty() {
                        additions.push((new_key, values));
                    }
                }
            }
        }
        if additions.is_empty() {
            continue;
        }
        let Ok(root) = jsonc_parser::cst::CstRootNode::parse(&text, &Default::default()) else { continue };
        let Some(paths_obj) = root
            .object_value()
            .and_then(|o| o.object_value("compilerOptions"))
            .and_then(|o| o.object_value("paths"))
        else {
            continue;
        };
        for (key, values) in &additions {
            let list = values.iter().map(|v| jsonc_parser::cst::CstInputValue::String(v.clone())).collect();
            paths_obj.append(key, jsonc_parser::cst::CstInputValue::Array(list));
            set.notes.push(format!("{path}: paths maps {key}"));
        }
        let after = root.to_string();
        texts.files.insert(path.clone(), after.clone());
        push_modified(set, &path, &text, after);
    }
    Ok(())
}

fn workspace_config(
    scan: &Scan,
    targets: &[TargetPackage],
    globs: Option<(manifest::WorkspaceFile, Vec<String>)>,
    opts: &Options,
    texts: &mut Texts,
    set: &mut ChangeSet,
) -> Result<(), ApplyError> {
    if opts.target == Target::Published && globs.is_none() {
        return Ok(());
    }
    let new_dirs: Vec<&str> = targets.iter().filter(|t| t.new).map(|t| t.dir.as_str()).collect();
    match globs {
        Some((file, globs)) => {
            for dir in new_dirs.iter().filter(|d| !manifest::covered(&globs, d)) {
                match file {
                    manifest::WorkspaceFile::Pnpm => {
                        let path = "pnpm-workspace.yaml";
                        let before = texts.get(path)?;
                        let after = manifest::pnpm_with(&before, dir);
                        texts.files.insert(path.into(), after.clone());
                        push_modified(set, path, &before, after);
                    }
                    manifest::WorkspaceFile::PackageJson => {
                        if let Some(mut m) = texts.manifest("package.json")? {
                            m.add_workspace(dir);
                            texts.put_manifest("package.json", &m);
                        }
                    }
                }
                set.notes.push(format!("{dir} added to the workspace packages"));
            }
        }
        None if opts.create_workspace => {
            let mut dirs: BTreeSet<String> = BTreeSet::new();
            for p in scan.workspace.packages.iter().filter(|p| !p.dir.is_empty()) {
                dirs.insert(format!("{}/*", layout::parent_of(&p.dir)).trim_start_matches('/').to_string());
            }
            for d in &new_dirs {
                dirs.insert(format!("{}/*", layout::parent_of(d)).trim_start_matches('/').to_string());
            }
            if let Some(mut m) = texts.manifest("package.json")? {
                for d in &dirs {
                    m.add_workspace(d);
                }
                texts.put_manifest("package.json", &m);
                set.notes.push(format!(
                    "root package.json: workspaces {}",
                    dirs.into_iter().collect::<Vec<_>>().join(", ")
                ));
            }
        }
        None => {}
    }
    Ok(())
}

/// npm dependencies a package declares and imported before but no longer does.
fn unused_dependencies(ctx: &Context, fates: &BTreeMap<FileId, Fate>) -> Vec<Unused> {
    let scan = ctx.scan;
    let gone = |f: FileId| matches!(fates.get(&f), Some(Fate::Move { .. } | Fate::Delete { .. }));
    let mut before: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut after: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut changed: BTreeSet<&str> = BTreeSet::new();
    for e in scan.edges.iter().filter(|e| e.resolution == Resolution::External) {
        let Some(name) = e.package.as_deref() else { continue };
        let dir = ctx.package_dir(e.from);
        before.entry(dir).or_default().insert(name);
        if gone(e.from) || matches!(fates.get(&e.from), Some(Fate::Cut { .. } | Fate::Extract { .. })) {
            changed.insert(dir);
        }
        if !gone(e.from) {
            after.entry(dir).or_default().insert(name);
        }
    }
    let mut out = Vec::new();
    for dir in changed {
        let Some(p) = scan.workspace.packages.iter().find(|p| p.dir == dir) else { continue };
        for name in before.get(dir).into_iter().flatten() {
            let still = after.get(dir).is_some_and(|s| s.contains(name));
            if !still && p.manifest.dependencies.contains_key(*name) {
                out.push(Unused {
                    package: if dir.is_empty() { ".".into() } else { dir.to_string() },
                    dependency: name.to_string(),
                });
            }
        }
    }
    out
}

/// The change set as a unified diff, git style: `a/` and `b/` paths, `/dev/null` for created
/// and deleted files, rename headers for moved ones.
pub fn render_diff(set: &ChangeSet, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    for c in &set.files {
        let before = c.before.as_deref().unwrap_or("");
        let after = c.content.as_deref().unwrap_or("");
        let (a, b) = match c.action {
            Action::Create => ("/dev/null".to_string(), format!("b/{}", c.path)),
            Action::Delete => (format!("a/{}", c.path), "/dev/null".to_string()),
            Action::Move => (format!("a/{}", c.from.as_deref().unwrap_or("")), format!("b/{}", c.path)),
            Action::Modify => (format!("a/{}", c.path), format!("b/{}", c.path)),
        };
        let old_path = c.from.as_deref().unwrap_or(&c.path);
        writeln!(out, "diff --git a/{old_path} b/{}", c.path)?;
        match c.action {
            Action::Create => writeln!(out, "new file mode 100644")?,
            Action::Delete => writeln!(out, "deleted file mode 100644")?,
            Action::Move => {
                writeln!(out, "rename from {old_path}")?;
                writeln!(out, "rename to {}", c.path)?;
            }
            Action::Modify => {}
        }
        if before == after {
            continue;
        }
        let diff = similar::TextDiff::from_lines(before, after);
        write!(out, "{}", diff.unified_diff().context_radius(3).header(&a, &b))?;
    }
    Ok(())
}
