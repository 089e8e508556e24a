//! `monodup check`: the CI gate. Exit 1 when a gate fails; `--update-baseline` records today's
//! debt instead.

use super::{scan_tree, Stages};
use crate::cli::{CloneArgs, Common};
use crate::{check, config, escape, output, ExitStatus};
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Table,
    /// The verdict: passed, findings, baselined, duplication.
    Json,
    /// GitHub workflow annotations.
    Github,
    /// SARIF 2.1.0 for code scanning.
    Sarif,
    /// A pull-request comment.
    Markdown,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The monorepo's root folder.
    #[arg(default_value = ".")]
    pub root: PathBuf,
    /// Baseline file [default: ROOT/.monodup-baseline.json, or [check] baseline].
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record today's clones, violations and cycles in the baseline, then exit 0.
    #[arg(long)]
    pub update_baseline: bool,
    /// Count only what touches lines changed since the merge base with this git ref.
    #[arg(long, value_name = "GIT_REF")]
    pub since: Option<String>,
    #[command(flatten)]
    pub clones: CloneArgs,
    #[command(flatten)]
    pub common: Common,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: CheckFormat,
}

pub fn run(args: &CheckArgs, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let config = config::load(&args.root, args.common.config.as_deref())?;
    let rules: Vec<check::Rule> =
        config.rules.iter().map(check::Rule::from_config).collect::<Result<_, _>>()?;
    // A baseline named by the repository's config stays inside it (read and written through no
    // link out of it); one given with --baseline may be anywhere.
    if args.baseline.is_none() && config::baseline_leaves_root(&args.root, &config.check.baseline) {
        return Err(config::ConfigError::BaselineLeavesRoot { baseline: config.check.baseline }.into());
    }
    let baseline_path = args.baseline.clone().unwrap_or_else(|| args.root.join(&config.check.baseline));
    // Read everything that can fail before the scan: a corrupt baseline or a bad ref is exit 2.
    // Only a missing baseline means none: a FIFO or an unreadable file there is exit 2.
    let missing = baseline_path.symlink_metadata().is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound);
    let baseline = if args.update_baseline || missing {
        None
    } else {
        Some(check::baseline::Baseline::load(&baseline_path)?)
    };
    let changed = match &args.since {
        Some(since) => Some(check::git::changed_lines(&args.root, since)?),
        None => None,
    };
    let (scan, report) = scan_tree(&Stages {
        root: &args.root,
        common: &args.common,
        include_type_imports: false,
        graph: true,
        clones: Some(&args.clones),
        // The migration gates read the planner's copy groups; a baseline records them too.
        plan: args.update_baseline
            || config.check.no_new_local_copies != crate::config::GateLevel::Off
            || config.check.no_broken_package_imports != crate::config::GateLevel::Off
            || config.check.max_unmigrated_apps.is_some(),
    })?;
    let changed = changed.map(|c| c.with_untracked(scan.files.iter().map(|f| f.path.as_str())));
    if args.update_baseline {
        let b = check::baseline::Baseline::from_report(&report, &rules);
        b.save(&baseline_path)?;
        writeln!(
            err,
            "monodup: wrote {} ({} clone classes, {} violations, {} cycles)",
            escape::text(&baseline_path.to_string_lossy()),
            b.clones.len(),
            b.violations.len(),
            b.cycles.len()
        )?;
        return Ok(ExitStatus::Success);
    }
    let verdict = check::evaluate(&report, &config.check, &rules, baseline.as_ref(), &changed);
    let (path, compact) = (args.common.output.as_deref(), args.common.compact);
    let mut buf = Vec::new();
    match args.format {
        CheckFormat::Table => check::render::table(&verdict, &mut buf)?,
        CheckFormat::Json => output::emit_json(&verdict, compact, path, out)?,
        CheckFormat::Github => check::render::github(&verdict, &mut buf)?,
        CheckFormat::Sarif => output::emit_json(&check::render::sarif_doc(&verdict), compact, path, out)?,
        CheckFormat::Markdown => check::render::markdown(&verdict, &mut buf)?,
    }
    if !matches!(args.format, CheckFormat::Json | CheckFormat::Sarif) {
        output::emit(buf, false, path, out)?;
    }
    Ok(if verdict.passed { ExitStatus::Success } else { ExitStatus::Failure })
}
