//! Report stage: one [`Report`] value built from a scan, rendered in several formats. Counts in
//! the summary are derived from the same lists that are printed, so they can never disagree.

pub mod dot;
pub mod mermaid;
pub mod table;

use crate::diagnostic::{Diagnostic, Severity};
use crate::graph::{Cycle, Level, PackageEdge, Violation};
use crate::parse::ImportKind;
use crate::pipeline::Scan;
use crate::resolve::Resolution;
use crate::workspace::PackageKind;
use serde::Serialize;
use std::collections::BTreeSet;

pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Serialize)]
pub struct Report {
    pub schema_version: u32,
    pub tool: Tool,
    pub root: String,
    pub summary: Summary,
    pub packages: Vec<PackageReport>,
    pub graph: GraphReport,
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Serialize)]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

#[derive(Debug, Serialize)]
pub struct Summary {
    pub files: usize,
    pub lines: u64,
    pub code_lines: u64,
    pub packages: usize,
    pub parse_errors: usize,
    pub edges: usize,
    pub unresolved: usize,
    pub cycles: usize,
    pub violations: usize,
}

#[derive(Debug, Serialize)]
pub struct PackageReport {
    pub name: String,
    /// Folder relative to the root; `.` for the root package.
    pub path: String,
    pub kind: PackageKind,
    pub files: usize,
    pub lines: u64,
    pub code_lines: u64,
    /// Imports from this package's files into other packages' files.
    pub imports_out: usize,
    /// Imports from other packages' files into this package's files.
    pub imports_in: usize,
    /// npm packages its files import, sorted.
    pub external: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct EdgeReport {
    pub from: String,
    pub to: Option<String>,
    pub specifier: String,
    pub kind: ImportKind,
    pub type_only: bool,
    pub resolution: Resolution,
    pub package: Option<String>,
    pub reason: Option<String>,
    pub line: u32,
    pub column: u32,
}

#[derive(Debug, Serialize)]
pub struct GraphReport {
    pub edges: Vec<EdgeReport>,
    pub package_edges: Vec<PackageEdge>,
    pub cycles: Vec<Cycle>,
    pub violations: Vec<Violation>,
}

impl Report {
    pub fn from_scan(scan: &Scan, root_label: &str) -> Report {
        let ws = &scan.workspace;
        let mut edges: Vec<EdgeReport> = scan
            .edges
            .iter()
            .map(|e| EdgeReport {
                from: scan.files[e.from as usize].path.clone(),
                to: e.to.clone(),
                specifier: e.specifier.clone(),
                kind: e.kind,
                type_only: e.type_only,
                resolution: e.resolution,
                package: e.package.clone(),
                reason: e.reason.clone(),
                line: e.line,
                column: e.column,
            })
            .collect();
        edges.sort_by(|a, b| {
            (&a.from, a.line, a.column, &a.specifier).cmp(&(&b.from, b.line, b.column, &b.specifier))
        });

        let mut per_pkg: Vec<PackageReport> = ws
            .packages
            .iter()
            .map(|p| PackageReport {
                name: p.name.clone(),
                path: if p.dir.is_empty() { ".".into() } else { p.dir.clone() },
                kind: p.kind,
                files: 0,
                lines: 0,
                code_lines: 0,
                imports_out: 0,
                imports_in: 0,
                external: Vec::new(),
            })
            .collect();
        for f in &scan.files {
            let p = &mut per_pkg[f.package];
            p.files += 1;
            p.lines += u64::from(f.lines);
            p.code_lines += u64::from(f.code_lines);
        }
        let mut externals: Vec<BTreeSet<String>> = vec![BTreeSet::new(); per_pkg.len()];
        for e in &scan.edges {
            let from = scan.files[e.from as usize].package;
            if let Some(to) = e.to_file {
                let to = scan.files[to as usize].package;
                if to != from {
                    per_pkg[from].imports_out += 1;
                    per_pkg[to].imports_in += 1;
                }
            }
            if let (Resolution::External, Some(name)) = (e.resolution, &e.package) {
                externals[from].insert(name.clone());
            }
        }
        for (p, ext) in per_pkg.iter_mut().zip(externals) {
            p.external = ext.into_iter().collect();
        }

        let graph = GraphReport {
            edges,
            package_edges: scan.graph.package_edges.clone(),
            cycles: scan.graph.cycles.clone(),
            violations: scan.graph.violations.clone(),
        };
        let summary = Summary {
            files: scan.files.len(),
            lines: scan.files.iter().map(|f| u64::from(f.lines)).sum(),
            code_lines: scan.files.iter().map(|f| u64::from(f.code_lines)).sum(),
            packages: per_pkg.len(),
            parse_errors: scan.files.iter().filter(|f| f.parse_failed).count(),
            edges: graph.edges.len(),
            unresolved: graph.edges.iter().filter(|e| e.resolution == Resolution::Unresolved).count(),
            cycles: graph.cycles.len(),
            violations: graph.violations.len(),
        };
        Report {
            schema_version: SCHEMA_VERSION,
            tool: Tool { name: "monodup", version: env!("CARGO_PKG_VERSION") },
            root: root_label.to_string(),
            summary,
            packages: per_pkg,
            graph,
            diagnostics: scan.diagnostics.clone(),
        }
    }

    pub fn cycles_at(&self, level: Level) -> impl Iterator<Item = &Cycle> {
        self.graph.cycles.iter().filter(move |c| c.level == level)
    }

    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Error).count()
    }

    /// The package (index into `packages`) owning a file: the deepest folder that holds it.
    pub fn owner_of(&self, path: &str) -> usize {
        self.packages
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                p.path == "." || path.strip_prefix(p.path.as_str()).is_some_and(|r| r.starts_with('/'))
            })
            .max_by_key(|(_, p)| if p.path == "." { 0 } else { p.path.len() })
            .map_or(0, |(i, _)| i)
    }

    /// Runtime-or-type edges between scanned files, the ones drawn at file level.
    pub fn file_edges(&self) -> impl Iterator<Item = &EdgeReport> {
        self.graph.edges.iter().filter(|e| {
            matches!(e.resolution, Resolution::Internal | Resolution::Workspace) && e.to.is_some()
        })
    }
}

/// Writes the report as pretty JSON with a trailing newline.
pub fn json(report: &Report, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    writeln!(out)
}
