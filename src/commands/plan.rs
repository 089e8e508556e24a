//! `monodup plan`: forks and the extraction plan.

use super::graph::GraphArgs;
use super::scan::ReportFormat;
use crate::cli::CloneArgs;
use crate::ExitStatus;
use clap::Args;
use std::io::Write;

#[derive(Debug, Args)]
pub struct PlanArgs {
    #[command(flatten)]
    pub graph: GraphArgs,
    #[command(flatten)]
    pub clones: CloneArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: ReportFormat,
}

pub fn run(a: &PlanArgs, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    super::scan::run_report(&a.graph, &a.clones, a.format, false, out, err)
}
