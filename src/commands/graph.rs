//! `monodup graph`: the import graph, as a table, JSON, Graphviz or Mermaid.

use super::{print_diagnostics, scan_tree, Stages};
use crate::cli::{Common, LevelArg};
use crate::{graph, output, report, ExitStatus};
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    Table,
    Json,
    /// Graphviz.
    Dot,
    /// Mermaid flowchart.
    Mermaid,
    /// One self-contained page: the package graph as SVG, cycles, violations (docs/html.md).
    Html,
}

/// The arguments of the graph, shared by the commands that build it.
#[derive(Debug, Args)]
pub struct GraphArgs {
    /// The monorepo's root folder.
    #[arg(default_value = ".")]
    pub root: PathBuf,
    /// Draw files or packages (dot, mermaid, table).
    #[arg(long, value_enum, default_value = "file")]
    pub level: LevelArg,
    /// Count type-only imports (`import type`) in cycles too.
    #[arg(long)]
    pub include_type_imports: bool,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, Args)]
pub struct GraphCommand {
    #[command(flatten)]
    pub graph: GraphArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: GraphFormat,
}

pub fn run(a: &GraphCommand, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let g = &a.graph;
    let (_, report) = scan_tree(&Stages {
        root: &g.root,
        common: &g.common,
        include_type_imports: g.include_type_imports,
        graph: true,
        clones: None,
        plan: false,
    })?;
    let level = match g.level {
        LevelArg::File => graph::Level::File,
        LevelArg::Package => graph::Level::Package,
    };
    let path = g.common.output.as_deref();
    let mut buf = Vec::new();
    match a.format {
        GraphFormat::Table => report::table::render(&report, level, &mut buf)?,
        GraphFormat::Json => output::emit_json(&report, g.common.compact, path, out)?,
        GraphFormat::Dot => report::dot::render(&report, level, &mut buf)?,
        GraphFormat::Mermaid => report::mermaid::render(&report, level, &mut buf)?,
        GraphFormat::Html => report::html::render(&report, &g.root, report::html::Part::Graph, &mut buf)?,
    }
    if a.format != GraphFormat::Json {
        output::emit(buf, a.format == GraphFormat::Html, path, out)?;
    }
    if a.format != GraphFormat::Table {
        print_diagnostics(&report, &g.common, err)?;
    }
    Ok(ExitStatus::Success)
}
