//! Report stage: one [`Report`] value built from a scan, rendered in several formats. Counts in
//! the summary are derived from the same lists that are printed, so they can never disagree.

pub mod dot;
pub mod html;
pub mod markdown;
pub mod mermaid;
pub mod plan_table;
pub mod summary;
pub mod table;

use crate::clones::{CloneKind, CloneOutput, Scope};
use crate::diagnostic::Diagnostic;
use crate::graph::{Cycle, PackageEdge, Violation};
use crate::model::{FileId, PackageId};
use crate::pipeline::Scan;
use crate::resolve::{Edge, Resolution};
use crate::workspace::PackageKind;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// 2: packages are identified by path: plan `apps`, `per_app[].package`, unit copies'
/// `package`, dependency `versions` keys and overlaps' `package_a`/`package_b` are package paths
/// (names alongside); savings count only the copies that go.
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Debug, Serialize)]
pub struct Report {
    pub schema_version: u32,
    pub tool: Tool,
    pub root: String,
    pub summary: Summary,
    pub packages: Vec<PackageReport>,
    /// Absent for `dups`, which does not resolve imports.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub graph: Option<GraphReport>,
    /// Absent for `graph`, which does not look for clones.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "crate::output::parallel_list")]
    pub clones: Option<Vec<CloneReport>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overlaps: Option<Vec<OverlapReport>>,
    /// Absent unless the command plans (scan, plan).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<Vec<crate::plan::PlanItem>>,
    /// Apps that are mostly copies of another (scan, plan).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub forks: Option<Vec<crate::plan::Fork>>,
    /// Units copied inside one package (scan, plan).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_app_duplicates: Option<Vec<crate::plan::InAppDuplicate>>,
    /// Framework configuration identical in several packages (scan, plan).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub config_presets: Option<Vec<crate::plan::ConfigPreset>>,
    /// Per library and app, what is migrated (scan, plan, and check with a migration gate).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub migration: Option<crate::migration::Migration>,
    pub diagnostics: Vec<Diagnostic>,
    /// Package by folder (`` for the root), for [`Report::owner_of`].
    #[serde(skip)]
    package_at: BTreeMap<String, PackageId>,
}

#[derive(Debug, Serialize)]
pub struct CloneReport {
    pub id: String,
    pub fingerprint: String,
    pub kind: CloneKind,
    pub scope: Scope,
    pub tokens: u32,
    pub lines: u32,
    pub similarity: f64,
    pub fragments: Vec<FragmentReport>,
}

#[derive(Debug, Serialize)]
pub struct FragmentReport {
    pub file: String,
    /// The package's name (what baselines record).
    pub package: String,
    /// The package's path, its identity.
    pub package_path: String,
    pub start_line: u32,
    pub end_line: u32,
    pub start_col: u32,
    pub end_col: u32,
}

#[derive(Debug, Serialize)]
pub struct OverlapReport {
    /// Package paths.
    pub package_a: String,
    pub package_b: String,
    pub name_a: String,
    pub name_b: String,
    pub lines_a: u64,
    pub lines_b: u64,
}

/// Percent with two decimals, so JSON stays short and stable.
fn percent(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        (part as f64 * 10_000.0 / whole as f64).round() / 100.0
    }
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
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicated_lines: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplication_percent: Option<f64>,
    /// Lines in runs of at least `min_tokens` tokens whose text is equal in another copy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicated_lines_exact: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplication_percent_exact: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clone_classes: Option<usize>,
    /// Package pairs sharing duplicated lines, all of them (`overlaps` lists the largest).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overlap_pairs: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub forks: Option<usize>,
    /// Sum of the plan items' positive savings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub estimated_savings_lines: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan_items: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edges: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unresolved: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cycles: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub violations: Option<usize>,
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
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicated_lines: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplication_percent: Option<f64>,
}

/// An edge as reported: the resolved edge with its importing file named.
#[derive(Debug, Serialize)]
pub struct EdgeReport {
    pub from: String,
    #[serde(flatten)]
    pub edge: Edge,
}

impl std::ops::Deref for EdgeReport {
    type Target = Edge;
    fn deref(&self) -> &Edge {
        &self.edge
    }
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
            .map(|e| EdgeReport { from: scan.files[e.from].path.clone(), edge: e.clone() })
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
                duplicated_lines: None,
                duplication_percent: None,
            })
            .collect();
        for f in &scan.files {
            let p = &mut per_pkg[f.package.index()];
            p.files += 1;
            p.lines += u64::from(f.lines);
            p.code_lines += u64::from(f.code_lines);
        }
        let mut externals: Vec<BTreeSet<String>> = vec![BTreeSet::new(); per_pkg.len()];
        for e in &scan.edges {
            let from = scan.files[e.from].package.index();
            // (edges is empty when the graph was not asked for)
            if let Some(to) = e.to_file {
                let to = scan.files[to].package.index();
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

        let graph = scan.graph.as_ref().map(|g| GraphReport {
            edges,
            package_edges: g.package_edges.clone(),
            cycles: g.cycles.clone(),
            violations: g.violations.clone(),
        });
        let lines: u64 = scan.files.iter().map(|f| u64::from(f.lines)).sum();
        let (clones, overlaps, duplicated) = match &scan.clones {
            Some(c) => {
                let (clones, overlaps, duplicated) = clone_views(scan, c, &mut per_pkg);
                (Some(clones), Some(overlaps), Some(duplicated))
            }
            None => (None, None, None),
        };
        let duplicated_exact: Option<u64> =
            scan.clones.as_ref().map(|c| c.file_duplicated_exact.iter().map(|&d| u64::from(d)).sum());
        let plan = scan.plan.as_ref();
        let summary = Summary {
            files: scan.files.len(),
            lines,
            code_lines: scan.files.iter().map(|f| u64::from(f.code_lines)).sum(),
            packages: per_pkg.len(),
            parse_errors: scan.files.iter().filter(|f| f.parse_failed).count(),
            duplicated_lines: duplicated,
            duplication_percent: duplicated.map(|d| percent(d, lines)),
            duplicated_lines_exact: duplicated_exact,
            duplication_percent_exact: duplicated_exact.map(|d| percent(d, lines)),
            clone_classes: clones.as_ref().map(Vec::len),
            overlap_pairs: scan.clones.as_ref().map(|c| c.overlap_pairs),
            forks: plan.map(|p| p.forks.len()),
            estimated_savings_lines: plan.map(|p| p.items.iter().map(|i| i.savings_lines.max(0)).sum()),
            plan_items: plan.map(|p| p.items.len()),
            edges: graph.as_ref().map(|g| g.edges.len()),
            unresolved: graph
                .as_ref()
                .map(|g| g.edges.iter().filter(|e| e.resolution == Resolution::Unresolved).count()),
            cycles: graph.as_ref().map(|g| g.cycles.len()),
            violations: graph.as_ref().map(|g| g.violations.len()),
        };
        Report {
            schema_version: SCHEMA_VERSION,
            tool: Tool { name: "monodup", version: env!("CARGO_PKG_VERSION") },
            root: root_label.to_string(),
            summary,
            packages: per_pkg,
            graph,
            clones,
            overlaps,
            plan: plan.map(|p| p.items.clone()),
            forks: plan.map(|p| p.forks.clone()),
            in_app_duplicates: plan.map(|p| p.in_app_duplicates.clone()),
            config_presets: plan.map(|p| p.config_presets.clone()),
            migration: plan.map(|_| crate::migration::track(scan, &[])),
            diagnostics: scan.diagnostics.clone(),
            package_at: ws
                .packages
                .iter()
                .enumerate()
                .map(|(i, p)| (p.dir.clone(), PackageId::from(i)))
                .collect(),
        }
    }

    /// The package (index into `packages`) owning a file, as the workspace says
    /// ([`crate::model::owner`]).
    pub fn owner_of(&self, path: &str) -> PackageId {
        crate::model::owner(path, |dir| self.package_at.get(dir).copied())
    }

    /// Runtime-or-type edges between scanned files, the ones drawn at file level.
    pub fn file_edges(&self) -> impl Iterator<Item = &EdgeReport> {
        self.graph.iter().flat_map(|g| &g.edges).filter(|e| {
            matches!(e.resolution, Resolution::Internal | Resolution::Workspace) && e.to.is_some()
        })
    }
}

/// The clone classes, overlaps and duplicated lines as reported; fills the packages' figures.
fn clone_views(
    scan: &Scan,
    c: &CloneOutput,
    per_pkg: &mut [PackageReport],
) -> (Vec<CloneReport>, Vec<OverlapReport>, u64) {
    let pkg_name = |file: FileId| scan.workspace.package(scan.files[file].package).name.clone();
    let pkg_path = |file: FileId| crate::plan::package_path(&scan.workspace, scan.files[file].package);
    let clones = c
        .classes
        .iter()
        .enumerate()
        .map(|(i, class)| CloneReport {
            id: format!("C{}", i + 1),
            fingerprint: format!("{:016x}", class.fingerprint),
            kind: class.kind,
            scope: class.scope,
            tokens: class.tokens,
            lines: class.lines,
            similarity: class.similarity,
            fragments: class
                .fragments
                .iter()
                .map(|f| FragmentReport {
                    file: scan.files[f.file].path.clone(),
                    package: pkg_name(f.file),
                    package_path: pkg_path(f.file),
                    start_line: f.start_line,
                    end_line: f.end_line,
                    start_col: f.start_col,
                    end_col: f.end_col,
                })
                .collect(),
        })
        .collect();
    let overlaps = c
        .overlaps
        .iter()
        .map(|o| OverlapReport {
            package_a: crate::plan::package_path(&scan.workspace, o.a),
            package_b: crate::plan::package_path(&scan.workspace, o.b),
            name_a: scan.workspace.package(o.a).name.clone(),
            name_b: scan.workspace.package(o.b).name.clone(),
            lines_a: o.lines_a,
            lines_b: o.lines_b,
        })
        .collect();
    let mut dup = vec![0u64; per_pkg.len()];
    for (f, &d) in scan.files.iter().zip(&c.file_duplicated) {
        dup[f.package.index()] += u64::from(d);
    }
    for (p, d) in per_pkg.iter_mut().zip(&dup) {
        p.duplicated_lines = Some(*d);
        p.duplication_percent = Some(percent(*d, p.lines));
    }
    (clones, overlaps, dup.iter().sum())
}
