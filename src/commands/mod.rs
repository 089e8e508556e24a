//! One module per command: its arguments, the formats it accepts (a clap value enum, so a wrong
//! format is a usage error before any work) and its run function. What they share: building the
//! pipeline options from the [`crate::settings`], running the scan, printing the diagnostics.

pub mod apply;
pub mod check;
pub mod dups;
pub mod graph;
pub mod init;
pub mod migration;
pub mod plan;
pub mod scan;

use crate::cli::Common;
pub use crate::settings::Stages;
use crate::{pipeline, report, settings, ExitStatus};
use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "monodup",
    version,
    about = "Audits JavaScript/TypeScript monorepos: import graph, duplicated code, extraction plan",
    after_help = "Exit status: 0 ok, 1 check failed, 2 usage or fatal error."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// The whole audit of a monorepo: packages, import graph, cycles, violations, clones.
    Scan(scan::ScanArgs),
    /// The import graph: packages, cycles and dependency-rule violations.
    Graph(graph::GraphCommand),
    /// Duplicated code: clone classes, whole-file copies, duplication per package.
    Dups(dups::DupsArgs),
    /// The extraction plan: which copied code moves into which shared package, what must move
    /// with it, what blocks it, and the lines it saves.
    Plan(plan::PlanArgs),
    /// CI gate: fails (exit 1) on new duplication or broken dependency rules.
    Check(check::CheckArgs),
    /// Carries out plan items: creates the package, moves the code, rewrites imports and
    /// manifests. Prints the change as a diff unless --write.
    Apply(apply::ApplyArgs),
    /// Migration tracking: per library package and app, what is migrated, which local copies
    /// remain and how far they drifted, dead copies, imports that cannot work.
    Migration(migration::MigrationArgs),
    /// Writes a commented monodup.toml with every key and its default.
    Init(init::InitArgs),
}

use std::io::Write;

pub fn dispatch(command: Command, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    match command {
        Command::Scan(a) => scan::run(&a, out, err),
        Command::Graph(a) => graph::run(&a, out, err),
        Command::Dups(a) => dups::run(&a, out, err),
        Command::Plan(a) => plan::run(&a, out, err),
        Command::Check(a) => check::run(&a, out, err),
        Command::Apply(a) => apply::run(&a, out, err),
        Command::Migration(a) => migration::run(&a, out, err),
        Command::Init(a) => init::run(&a, err),
    }
}

/// Runs the pipeline with the settings merged from the flags, monodup.toml and the defaults.
pub(crate) fn scan_tree(stages: &Stages) -> anyhow::Result<(pipeline::Scan, report::Report)> {
    let opts = settings::options(stages)?;
    let scan = pipeline::scan(&opts)?;
    let mut lap = crate::timings::Timer::new();
    let report = report::Report::from_scan(&scan, &stages.root.to_string_lossy().replace('\\', "/"));
    lap.lap("report");
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
