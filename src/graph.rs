//! Graph stage: resolved edges → file and package graphs (petgraph), their cycles (Tarjan SCC)
//! and the dependency-rule violations.

use crate::model::{FileTable, PackageId};
use crate::resolve::{is_exported, split_package, Edge, Resolution};
use crate::workspace::{PackageKind, Workspace};
use petgraph::algo::tarjan_scc;
use petgraph::graph::{DiGraph, NodeIndex};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, VecDeque};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    File,
    Package,
}

impl Level {
    /// The stable name, in outputs and baseline fingerprints (never `Debug`).
    pub fn as_str(self) -> &'static str {
        match self {
            Level::File => "file",
            Level::Package => "package",
        }
    }
}

/// A strongly connected component of two or more nodes (or one importing itself).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Cycle {
    pub level: Level,
    /// Every member, sorted.
    pub nodes: Vec<String>,
    /// One shortest cycle through the first member, starting and ending there.
    pub example: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// An app imports another app's code, by path or by name.
    AppToApp,
    /// A library imports an app.
    LibraryToApp,
    /// A file reaches into another package by path, or into a subpath the package does not export.
    DeepImport,
    /// A workspace package imported by name but not declared in the importer's package.json.
    UndeclaredWorkspaceDependency,
    /// An npm package used but declared in no package.json between the file and the root.
    UndeclaredDependency,
}

impl Rule {
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::AppToApp => "app-to-app",
            Rule::LibraryToApp => "library-to-app",
            Rule::DeepImport => "deep-import",
            Rule::UndeclaredWorkspaceDependency => "undeclared-workspace-dependency",
            Rule::UndeclaredDependency => "undeclared-dependency",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Violation {
    pub rule: Rule,
    pub severity: crate::diagnostic::Severity,
    pub from: String,
    pub line: u32,
    pub to: Option<String>,
    pub specifier: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct PackageEdge {
    pub from: String,
    pub to: String,
    /// Imports from `from`'s files into `to`'s files.
    pub imports: u32,
    /// True when every one of them is type-only.
    pub type_only: bool,
}

#[derive(Debug, Default)]
pub struct GraphOutput {
    pub package_edges: Vec<PackageEdge>,
    pub cycles: Vec<Cycle>,
    pub violations: Vec<Violation>,
}

pub struct GraphInput<'a> {
    pub ws: &'a Workspace,
    pub files: &'a FileTable,
    /// Every edge, sorted by (from, to, line).
    pub edges: &'a [Edge],
    /// Count type-only imports in cycles too.
    pub include_type_imports: bool,
}

fn counts_for_cycles(e: &Edge, include_types: bool) -> bool {
    include_types || !e.type_only
}

pub fn build(input: &GraphInput) -> GraphOutput {
    let GraphInput { ws, files: table, edges, include_type_imports } = *input;

    // File level.
    let mut files: DiGraph<u32, ()> = DiGraph::with_capacity(table.len(), edges.len());
    for id in 0..table.len() {
        files.add_node(id as u32);
    }
    for e in edges {
        if let Some(to) = e.to_file {
            if counts_for_cycles(e, include_type_imports) {
                files.update_edge(NodeIndex::new(e.from.index()), NodeIndex::new(to.index()), ());
            }
        }
    }
    let mut cycles = cycles_of(&files, Level::File, |i| table.as_slice()[i].path.clone());

    // Package level.
    let mut pkg_edges: BTreeMap<(PackageId, PackageId), (u32, bool)> = BTreeMap::new();
    for e in edges {
        if let Some(to) = e.to_file {
            let (a, b) = (table[e.from].package, table[to].package);
            if a != b {
                let entry = pkg_edges.entry((a, b)).or_insert((0, true));
                entry.0 += 1;
                entry.1 &= e.type_only;
            }
        }
    }
    let mut packages: DiGraph<usize, ()> = DiGraph::new();
    for i in 0..ws.packages.len() {
        packages.add_node(i);
    }
    for (&(a, b), &(_, type_only)) in &pkg_edges {
        if include_type_imports || !type_only {
            packages.add_edge(NodeIndex::new(a.index()), NodeIndex::new(b.index()), ());
        }
    }
    cycles.extend(cycles_of(&packages, Level::Package, |i| ws.packages[i].name.clone()));
    cycles.sort();

    let mut package_edges: Vec<PackageEdge> = pkg_edges
        .into_iter()
        .map(|((a, b), (imports, type_only))| PackageEdge {
            from: ws.package(a).name.clone(),
            to: ws.package(b).name.clone(),
            imports,
            type_only,
        })
        .collect();
    package_edges.sort();

    let mut violations: Vec<Violation> = edges.iter().filter_map(|e| violation(input, e)).collect();
    violations.sort();
    GraphOutput { package_edges, cycles, violations }
}

/// SCCs with a cycle, each with one shortest example cycle.
fn cycles_of<N>(g: &DiGraph<N, ()>, level: Level, name: impl Fn(usize) -> String) -> Vec<Cycle> {
    let mut out = Vec::new();
    for scc in tarjan_scc(g) {
        let is_cycle = scc.len() > 1 || g.contains_edge(scc[0], scc[0]);
        if !is_cycle {
            continue;
        }
        let members: BTreeSet<NodeIndex> = scc.iter().copied().collect();
        let mut nodes: Vec<String> = scc.iter().map(|n| name(n.index())).collect();
        nodes.sort();
        let start = *members.iter().min_by_key(|n| name(n.index())).expect("non-empty");
        let example = shortest_cycle(g, start, &members).into_iter().map(|n| name(n.index())).collect();
        out.push(Cycle { level, nodes, example });
    }
    out
}

/// Breadth-first search from `start` back to itself inside one SCC; neighbours in index order
/// so the example is deterministic.
fn shortest_cycle<N>(g: &DiGraph<N, ()>, start: NodeIndex, members: &BTreeSet<NodeIndex>) -> Vec<NodeIndex> {
    let mut prev: BTreeMap<NodeIndex, NodeIndex> = BTreeMap::new();
    // `start` has no predecessor, which ends the walk back.
    let mut queue = VecDeque::from([start]);
    while let Some(n) = queue.pop_front() {
        let mut next: Vec<NodeIndex> = g.neighbors(n).filter(|m| members.contains(m)).collect();
        next.sort();
        next.dedup();
        for m in next {
            if m == start {
                let mut path = vec![n];
                while let Some(&p) = prev.get(path.last().expect("non-empty")) {
                    path.push(p);
                }
                if path.last() != Some(&start) {
                    path.push(start);
                }
                path.reverse();
                path.push(start);
                return path;
            }
            if let std::collections::btree_map::Entry::Vacant(v) = prev.entry(m) {
                v.insert(n);
                queue.push_back(m);
            }
        }
    }
    vec![start, start]
}

fn violation(input: &GraphInput, e: &Edge) -> Option<Violation> {
    use crate::diagnostic::Severity::{Error, Warning};
    let ws = input.ws;
    let from = &input.files[e.from];
    let from_path = &from.path;
    let from_pkg = ws.package(from.package);
    let make = |rule, severity, message: String| Violation {
        rule,
        severity,
        from: from_path.clone(),
        line: e.line,
        to: e.to.clone(),
        specifier: e.specifier.clone(),
        message,
    };
    match e.resolution {
        Resolution::Workspace => {
            let to_pkg = ws.package(ws.owner(e.to.as_deref()?));
            let by_path = e.specifier.starts_with('.') || e.specifier.starts_with('/');
            let how = if by_path { "by path" } else { "by name" };
            if from_pkg.kind == PackageKind::Library && to_pkg.kind == PackageKind::App {
                return Some(make(
                    Rule::LibraryToApp,
                    Error,
                    format!("library {} imports app {} ({how})", from_pkg.name, to_pkg.name),
                ));
            }
            if from_pkg.kind == PackageKind::App && to_pkg.kind == PackageKind::App {
                return Some(make(
                    Rule::AppToApp,
                    Error,
                    format!("app {} imports app {} ({how})", from_pkg.name, to_pkg.name),
                ));
            }
            if by_path && !to_pkg.dir.is_empty() {
                return Some(make(
                    Rule::DeepImport,
                    Warning,
                    format!("reaches into {} by path; import it by its name", to_pkg.name),
                ));
            }
            let (name, subpath) = split_package(&e.specifier)?;
            if name != to_pkg.name {
                return None; // a tsconfig alias: the mapping is the project's choice
            }
            if subpath != "." && is_deep_subpath(to_pkg.manifest.exports.as_ref(), &subpath) {
                return Some(make(
                    Rule::DeepImport,
                    Warning,
                    format!("`{subpath}` is not an entry point of {}", to_pkg.name),
                ));
            }
            if !from_pkg.manifest.dependencies.contains_key(name) {
                return Some(make(
                    Rule::UndeclaredWorkspaceDependency,
                    Warning,
                    format!("{name} is not declared in {}'s package.json", from_pkg.name),
                ));
            }
            None
        }
        Resolution::External => {
            let name = e.package.as_deref()?;
            let types = format!("@types/{}", name.trim_start_matches('@').replace('/', "__"));
            if ws.declares(from_path, name) || (e.type_only && ws.declares(from_path, &types)) {
                return None;
            }
            Some(make(
                Rule::UndeclaredDependency,
                Warning,
                format!("{name} is declared in no package.json between this file and the root"),
            ))
        }
        _ => None,
    }
}

/// With `exports`, a subpath it does not list; without, a path into `src/` or build output.
fn is_deep_subpath(exports: Option<&serde_json::Value>, subpath: &str) -> bool {
    match exports {
        Some(exports) => !is_exported(exports, subpath),
        None => {
            let first = subpath.trim_start_matches("./").split('/').next().unwrap_or("");
            first == "src" || first == "internal"
        }
    }
}
