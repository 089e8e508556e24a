//! monodup: audits JavaScript/TypeScript monorepos. The CLI in `main.rs` only parses flags and
//! calls [`run`]; everything else is this library, which tests and benches drive directly.

pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod graph;
pub mod lines;
pub mod parse;
pub mod pipeline;
pub mod report;
pub mod resolve;
pub mod tokens;
pub mod walk;
pub mod workspace;

use cli::{Cli, Command, Common, Format, GraphArgs, LevelArg};
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

fn dispatch(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    match cli.command {
        Command::Scan(args) | Command::Graph(args) => graph_command(&args, out, err),
    }
}

fn options(root: &Path, common: &Common, include_type_imports: bool) -> anyhow::Result<pipeline::Options> {
    let config = config::load(root, common.config.as_deref())?;
    let pick = |flag: &[String], conf: Vec<String>| if flag.is_empty() { conf } else { flag.to_vec() };
    Ok(pipeline::Options {
        root: root.to_path_buf(),
        threads: common.threads,
        filters: walk::Filters {
            include: pick(&common.include, config.scan.include),
            exclude: pick(&common.exclude, config.scan.exclude),
        },
        kinds: workspace::KindGlobs { apps: config.packages.apps, libraries: config.packages.libraries },
        include_type_imports: include_type_imports || config.scan.include_type_imports,
    })
}

fn graph_command(args: &GraphArgs, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let opts = options(&args.root, &args.common, args.include_type_imports)?;
    let scan = pipeline::scan(&opts)?;
    let report = report::Report::from_scan(&scan, &args.root.to_string_lossy().replace('\\', "/"));
    let level = match args.level {
        LevelArg::File => graph::Level::File,
        LevelArg::Package => graph::Level::Package,
    };
    let mut buf = Vec::new();
    match args.common.format {
        Format::Table => report::table::render(&report, level, &mut buf)?,
        Format::Json => report::json(&report, &mut buf)?,
        Format::Dot => report::dot::render(&report, level, &mut buf)?,
        Format::Mermaid => report::mermaid::render(&report, level, &mut buf)?,
    }
    emit(&buf, args.common.output.as_deref(), out)?;
    if !args.common.quiet && args.common.format != Format::Table {
        for d in &report.diagnostics {
            writeln!(err, "{d}")?;
        }
    }
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
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}
