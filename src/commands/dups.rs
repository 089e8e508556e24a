//! `monodup dups`: clone classes, whole-file copies, duplication per package.

use super::{print_diagnostics, scan_tree, Stages};
use crate::cli::{CloneArgs, Common};
use crate::{graph, output, report, ExitStatus};
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DupsFormat {
    Table,
    Json,
    /// One self-contained page: summary, overlap heatmap, clones side by side (docs/html.md).
    Html,
}

#[derive(Debug, Args)]
pub struct DupsArgs {
    /// The monorepo's root folder.
    #[arg(default_value = ".")]
    pub root: PathBuf,
    #[command(flatten)]
    pub clones: CloneArgs,
    #[command(flatten)]
    pub common: Common,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: DupsFormat,
}

pub fn run(a: &DupsArgs, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let (_, report) = scan_tree(&Stages {
        root: &a.root,
        common: &a.common,
        include_type_imports: false,
        graph: false,
        clones: Some(&a.clones),
        plan: false,
    })?;
    let mut lap = crate::timings::Timer::new();
    let path = a.common.output.as_deref();
    let mut buf = Vec::new();
    match a.format {
        DupsFormat::Table => report::table::render(&report, graph::Level::File, &mut buf)?,
        DupsFormat::Json => output::emit_json(&report, a.common.compact, path, out)?,
        DupsFormat::Html => report::html::render(&report, &a.root, report::html::Part::Dups, &mut buf)?,
    }
    if a.format != DupsFormat::Json {
        output::emit(buf, a.format == DupsFormat::Html, path, out)?;
    }
    lap.lap("output");
    if a.format != DupsFormat::Table {
        print_diagnostics(&report, &a.common, err)?;
    }
    Ok(ExitStatus::Success)
}
