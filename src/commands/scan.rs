//! `monodup scan`: the whole audit; one screen as a table, the whole report as JSON, Markdown or
//! one HTML page.

use super::graph::GraphArgs;
use super::{print_diagnostics, scan_tree, Stages};
use crate::cli::CloneArgs;
use crate::{output, report, ExitStatus};
use clap::{Args, ValueEnum};
use std::io::Write;

/// The formats of the report commands (scan, plan).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Table,
    Json,
    /// A document to paste into a design review.
    Markdown,
    /// One self-contained page (docs/html.md): heatmap, graph, plan, clones side by side.
    Html,
}

#[derive(Debug, Args)]
pub struct ScanArgs {
    #[command(flatten)]
    pub graph: GraphArgs,
    #[command(flatten)]
    pub clones: CloneArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: ReportFormat,
}

pub fn run(a: &ScanArgs, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    run_report(&a.graph, &a.clones, a.format, true, out, err)
}

/// scan and plan: the whole pipeline; `whole` is the full report (scan), else the plan.
pub(crate) fn run_report(
    g: &GraphArgs,
    clones: &CloneArgs,
    format: ReportFormat,
    whole: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitStatus> {
    let (_, report) = scan_tree(&Stages {
        root: &g.root,
        common: &g.common,
        include_type_imports: g.include_type_imports,
        graph: true,
        clones: Some(clones),
        plan: true,
    })?;
    let path = g.common.output.as_deref();
    let mut buf = Vec::new();
    match format {
        ReportFormat::Table if whole => report::summary::render(&report, &mut buf)?,
        ReportFormat::Table => report::plan_table::render(&report, &mut buf)?,
        ReportFormat::Json => output::emit_json(&report, g.common.compact, path, out)?,
        ReportFormat::Markdown => report::markdown::render(&report, whole, &mut buf)?,
        ReportFormat::Html => {
            let part = if whole { report::html::Part::Scan } else { report::html::Part::Plan };
            report::html::render(&report, &g.root, part, &mut buf)?
        }
    }
    if format != ReportFormat::Json {
        // HTML escapes every repository string itself (and shows control characters as
        // escapes): the terminal pass would only mangle nothing.
        output::emit(buf, format == ReportFormat::Html, path, out)?;
    }
    if format != ReportFormat::Table {
        print_diagnostics(&report, &g.common, err)?;
    }
    Ok(ExitStatus::Success)
}
