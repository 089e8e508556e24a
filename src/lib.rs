//! monodup: audits JavaScript/TypeScript monorepos. The CLI in `main.rs` only parses flags and
//! calls [`run`]; everything else is this library, which tests and benches drive directly.

pub mod check;
pub mod cli;
pub mod clones;
pub mod config;
pub mod diagnostic;
pub mod graph;
pub mod lines;
pub mod nesting;
pub mod parse;
pub mod pipeline;
pub mod plan;
pub mod report;
pub mod resolve;
pub mod tokens;
pub mod units;
pub mod walk;
pub mod workspace;

use cli::{Cli, CloneArgs, Command, Common, Format, LevelArg, Mode};
use std::io::Write;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// Exit 0.
    Success,
    /// Exit 1: a `check` gate failed.
    Failure,
    /// Exit 2: usage or fatal error.
    Error,
}

/// Runs one command; `out` gets the data, `err` the diagnostics and errors.
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> ExitStatus {
    match dispatch(cli, out, err) {
        Ok(status) => status,
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitStatus::Success;
            }
            let chain: Vec<String> = e.chain().map(|c| c.to_string()).collect();
            let _ = writeln!(err, "monodup: {}", chain.join(": "));
            ExitStatus::Error
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// What one command computes and how it prints.
struct Job<'a> {
    root: &'a Path,
    common: &'a Common,
    level: LevelArg,
    include_type_imports: bool,
    graph: bool,
    clones: Option<&'a CloneArgs>,
    plan: bool,
}

fn dispatch(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let job = match &cli.command {
        Command::Check(a) => return check_command(a, out, err),
        Command::Init(a) => return init_command(a, err),
        Command::Graph(a) => Job {
            root: &a.root,
            common: &a.common,
            level: a.level,
            include_type_imports: a.include_type_imports,
            graph: true,
            clones: None,
            plan: false,
        },
        Command::Scan(a) | Command::Plan(a) => Job {
            root: &a.graph.root,
            common: &a.graph.common,
            level: a.graph.level,
            include_type_imports: a.graph.include_type_imports,
            graph: true,
            clones: Some(&a.clones),
            plan: true,
        },
        Command::Dups(a) => Job {
            root: &a.root,
            common: &a.common,
            level: LevelArg::File,
            include_type_imports: false,
            graph: false,
            clones: Some(&a.clones),
            plan: false,
        },
    };
    let view = match cli.command {
        Command::Plan(_) => View::Plan,
        Command::Scan(_) => View::Summary,
        _ => View::Full,
    };
    run_job(&job, view, out, err)
}

fn clone_options(args: &CloneArgs, conf: &config::ClonesConfig) -> anyhow::Result<clones::CloneOptions> {
    let defaults = clones::CloneOptions::default();
    let renamed = match args.mode {
        Some(m) => m == Mode::Renamed,
        None => conf.mode.is_none_or(|m| m == config::CloneMode::Renamed),
    };
    let min_tokens = args.min_tokens.or(conf.min_tokens).unwrap_or(defaults.min_tokens);
    anyhow::ensure!(min_tokens >= 2, "--min-tokens must be at least 2");
    Ok(clones::CloneOptions {
        min_tokens,
        min_lines: args.min_lines.or(conf.min_lines).unwrap_or(defaults.min_lines),
        renamed,
        ignore_types: args.ignore_types || conf.ignore_types,
        cross_package: args.cross_package,
    })
}

fn options(job: &Job) -> anyhow::Result<pipeline::Options> {
    let (root, common) = (job.root, job.common);
    let config = config::load(root, common.config.as_deref())?;
    let clones = job.clones.map(|c| clone_options(c, &config.clones)).transpose()?;
    let pick = |flag: &[String], conf: Vec<String>| if flag.is_empty() { conf } else { flag.to_vec() };
    Ok(pipeline::Options {
        root: root.to_path_buf(),
        threads: common.threads,
        filters: walk::Filters {
            include: pick(&common.include, config.scan.include),
            exclude: pick(&common.exclude, config.scan.exclude),
        },
        kinds: workspace::KindGlobs { apps: config.packages.apps, libraries: config.packages.libraries },
        include_type_imports: job.include_type_imports || config.scan.include_type_imports,
        graph: job.graph,
        clones,
        plan: job.plan,
        // stderr is for people only when it is a terminal.
        progress: !common.quiet
            && !common.no_progress
            && std::io::IsTerminal::is_terminal(&std::io::stderr()),
        scope: config.plan.scope.clone(),
        concern_rules: config
            .plan
            .concerns
            .iter()
            .map(|(glob, c)| {
                globset::Glob::new(glob)
                    .map(|g| (g.compile_matcher(), *c))
                    .map_err(|e| anyhow::anyhow!("invalid [plan.concerns] glob `{glob}`: {e}"))
            })
            .collect::<anyhow::Result<_>>()?,
        plan_settings: plan_settings(&config.plan)?,
    })
}

/// `[plan]` thresholds, each checked against its range.
fn plan_settings(c: &config::PlanConfig) -> anyhow::Result<crate::plan::PlanSettings> {
    for (key, v) in [("similarity", c.similarity), ("fork_share", c.fork_share)] {
        if let Some(v) = v.filter(|v| !(v > &0.0 && v <= &1.0)) {
            anyhow::bail!("invalid config: [plan] {key} = {v}: it must be above 0 and at most 1");
        }
    }
    if c.max_item_files == Some(0) {
        anyhow::bail!("invalid config: [plan] max_item_files must be at least 1");
    }
    Ok(crate::plan::PlanSettings {
        similarity: c.similarity.unwrap_or(crate::plan::DEFAULT_SIMILARITY),
        fork_share: c.fork_share.unwrap_or(crate::plan::DEFAULT_FORK_SHARE),
        max_item_files: c.max_item_files.unwrap_or(crate::plan::DEFAULT_MAX_ITEM_FILES),
    })
}

/// What the table format shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum View {
    /// Every section the command computed (graph, dups).
    Full,
    /// The plan only.
    Plan,
    /// One screen (scan).
    Summary,
}

fn run_job(job: &Job, view: View, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let opts = options(job)?;
    let scan = pipeline::scan(&opts)?;
    let report = report::Report::from_scan(&scan, &job.root.to_string_lossy().replace('\\', "/"));
    let common = job.common;
    let level = match job.level {
        LevelArg::File => graph::Level::File,
        LevelArg::Package => graph::Level::Package,
    };
    let mut buf = Vec::new();
    match common.format {
        Format::Table => match view {
            View::Plan => report::plan_table::render(&report, &mut buf)?,
            View::Summary => report::summary::render(&report, &mut buf)?,
            View::Full => report::table::render(&report, level, &mut buf)?,
        },
        Format::Json => report::json(&report, &mut buf)?,
        Format::Markdown => report::markdown::render(&report, view == View::Summary, &mut buf)?,
        Format::Dot => report::dot::render(&report, level, &mut buf)?,
        Format::Mermaid => report::mermaid::render(&report, level, &mut buf)?,
        Format::Github | Format::Sarif => anyhow::bail!("--format github and sarif are for `monodup check`"),
    }
    emit(&buf, common.output.as_deref(), out)?;
    if !common.quiet && common.format != Format::Table {
        for d in &report.diagnostics {
            writeln!(err, "{d}")?;
        }
    }
    Ok(ExitStatus::Success)
}

fn check_command(
    args: &cli::CheckArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitStatus> {
    let config = config::load(&args.root, args.common.config.as_deref())?;
    let rules: Vec<check::Rule> =
        config.rules.iter().map(check::Rule::from_config).collect::<anyhow::Result<_>>()?;
    let baseline_path = args.baseline.clone().unwrap_or_else(|| args.root.join(&config.check.baseline));
    // Read everything that can fail before the scan: a corrupt baseline or a bad ref is exit 2.
    let baseline = if args.update_baseline || !baseline_path.exists() {
        None
    } else {
        Some(check::baseline::Baseline::load(&baseline_path)?)
    };
    let changed = match &args.since {
        Some(since) => Some(check::git::changed_lines(&args.root, since)?),
        None => None,
    };
    let job = Job {
        root: &args.root,
        common: &args.common,
        level: LevelArg::File,
        include_type_imports: false,
        graph: true,
        clones: Some(&args.clones),
        plan: false,
    };
    let opts = options(&job)?;
    let scan = pipeline::scan(&opts)?;
    let report = report::Report::from_scan(&scan, &args.root.to_string_lossy().replace('\\', "/"));
    if args.update_baseline {
        let b = check::baseline::Baseline::from_report(&report, &rules);
        b.save(&baseline_path)?;
        writeln!(
            err,
            "monodup: wrote {} ({} clone classes, {} violations, {} cycles)",
            baseline_path.display(),
            b.clones.len(),
            b.violations.len(),
            b.cycles.len()
        )?;
        return Ok(ExitStatus::Success);
    }
    let verdict = check::evaluate(&report, &config.check, &rules, baseline.as_ref(), &changed);
    let mut buf = Vec::new();
    match args.common.format {
        Format::Table => check::render::table(&verdict, &mut buf)?,
        Format::Json => check::render::json(&verdict, &mut buf)?,
        Format::Github => check::render::github(&verdict, &mut buf)?,
        Format::Sarif => check::render::sarif(&verdict, &mut buf)?,
        Format::Markdown => check::render::markdown(&verdict, &mut buf)?,
        Format::Dot | Format::Mermaid => anyhow::bail!("--format dot and mermaid are for `monodup graph`"),
    }
    emit(&buf, args.common.output.as_deref(), out)?;
    Ok(if verdict.passed { ExitStatus::Success } else { ExitStatus::Failure })
}

fn init_command(args: &cli::InitArgs, err: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let path = args.root.join(config::FILE_NAME);
    anyhow::ensure!(args.force || !path.exists(), "{} exists (use --force to overwrite it)", path.display());
    write_atomic(&path, config::TEMPLATE.as_bytes())?;
    writeln!(err, "monodup: wrote {}", path.display())?;
    Ok(ExitStatus::Success)
}

/// Writes to `path` atomically (temporary file + rename), or to `out`.
fn emit(bytes: &[u8], path: Option<&Path>, out: &mut dyn Write) -> anyhow::Result<()> {
    match path {
        Some(path) => write_atomic(path, bytes),
        None => {
            out.write_all(bytes)?;
            out.flush()?;
            Ok(())
        }
    }
}

pub fn write_atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    use anyhow::Context;
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut tmp =
        tempfile::NamedTempFile::new_in(dir).with_context(|| format!("cannot write {}", path.display()))?;
    tmp.write_all(bytes)?;
    // Temporary files are private (0600); a report or baseline is an ordinary file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map(|m| m.permissions().mode()).unwrap_or(0o644);
        tmp.as_file().set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}
