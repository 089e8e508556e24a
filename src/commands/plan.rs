//! `monodup plan`: forks and the extraction plan.

use super::graph::GraphArgs;
use super::scan::ReportFormat;
use super::{print_diagnostics, scan_tree, Stages};
use crate::cli::CloneArgs;
use crate::{output, report, ExitStatus};
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
    let g = &a.graph;
    let (_, report) = scan_tree(&Stages {
        root: &g.root,
        common: &g.common,
        include_type_imports: g.include_type_imports,
        graph: true,
        clones: Some(&a.clones),
        plan: true,
    })?;
    let mut buf = Vec::new();
    match a.format {
        ReportFormat::Table => report::plan_table::render(&report, &mut buf)?,
        ReportFormat::Json => report::json(&report, &mut buf)?,
        ReportFormat::Markdown => report::markdown::render(&report, false, &mut buf)?,
    }
    output::emit(buf, a.format == ReportFormat::Json, g.common.output.as_deref(), out)?;
    if a.format != ReportFormat::Table {
        print_diagnostics(&report, &g.common, err)?;
    }
    Ok(ExitStatus::Success)
}
