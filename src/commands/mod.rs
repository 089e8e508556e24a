//! One module per command: its arguments, the formats it accepts (a clap value enum, so a wrong
//! format is a usage error before any work) and its run function. What they share: building the
//! pipeline options from the [`crate::settings`], running the scan, printing the diagnostics.

pub mod check;
pub mod dups;
pub mod graph;
pub mod init;
pub mod plan;
pub mod scan;

use crate::cli::{CloneArgs, Command, Common};
use crate::{pipeline, report, settings, ExitStatus};
use std::io::Write;
use std::path::Path;

pub fn dispatch(command: Command, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    match command {
        Command::Scan(a) => scan::run(&a, out, err),
        Command::Graph(a) => graph::run(&a, out, err),
        Command::Dups(a) => dups::run(&a, out, err),
        Command::Plan(a) => plan::run(&a, out, err),
        Command::Check(a) => check::run(&a, out, err),
        Command::Init(a) => init::run(&a, err),
    }
}

/// The stages a command needs.
pub struct Stages<'a> {
    pub root: &'a Path,
    pub common: &'a Common,
    pub include_type_imports: bool,
    pub graph: bool,
    pub clones: Option<&'a CloneArgs>,
    pub plan: bool,
}

/// Runs the pipeline with the settings merged from the flags, monodup.toml and the defaults.
pub(crate) fn scan_tree(stages: &Stages) -> anyhow::Result<(pipeline::Scan, report::Report)> {
    let opts = settings::options(stages)?;
    let scan = pipeline::scan(&opts)?;
    let report = report::Report::from_scan(&scan, &stages.root.to_string_lossy().replace('\\', "/"));
    Ok((scan, report))
}

/// The diagnostics on stderr, for formats whose output does not show them.
pub(crate) fn print_diagnostics(
    report: &report::Report,
    common: &Common,
    err: &mut dyn Write,
) -> anyhow::Result<()> {
    if !common.quiet {
        for d in &report.diagnostics {
            writeln!(err, "{d}")?;
        }
    }
    Ok(())
}
