//! Plan stage: cross-package clone classes + units + import graph → ranked extraction items.
//!
//! 1. Units (top-level declarations) most of whose lines lie in fragments of clone classes
//!    spanning two or more packages are *duplicated*; units that share a class are one copy group.
//! 2. Copy groups are joined along imports: with groups of the same concern, and a helper
//!    (`utils`) group with the importers of the concern that uses it most (`components/ui/*`
//!    with the `cn` helper they import). Each joined set is one item.
//! 3. Each item gets a concern and a target package (a library that already holds a copy: a
//!    *reuse* item; else a library whose name fits the concern; else `<scope>/<concern>`), its
//!    dependencies (npm with version drift, workspace, other planned items), its blockers
//!    (app-local imports) and warnings (framework imports, `process.env` reads), and savings.
//!    See docs/plan.md.

pub mod concern;

use crate::clones::{covered, CloneOutput};
use crate::pipeline::SourceFile;
use crate::resolve::{Edge, Resolution};
use crate::units::UnitKind;
use crate::workspace::{PackageKind, Workspace};
use concern::Concern;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// A unit counts as duplicated when at least this share of its lines is in cross-package clones.
const MIN_COVERAGE: f64 = 0.5;
/// Lines a new package costs: package.json, tsconfig.json, an index re-exporting its modules.
pub const NEW_PACKAGE_OVERHEAD: u32 = 12;
/// npm packages a shared package takes as peer dependencies rather than its own.
const PEERS: &[&str] = &["react", "react-dom", "next", "vue", "svelte", "solid-js", "@angular/core"];

pub struct PlanInput<'a> {
    pub ws: &'a Workspace,
    pub files: &'a [SourceFile],
    /// Sorted by importing file.
    pub edges: &'a [Edge],
    pub clones: &'a CloneOutput,
    /// Scope for new package names (`@acme`); by default the workspace's most common scope.
    pub scope: Option<&'a str>,
    /// Path globs that force a concern (`[plan.concerns]`), checked before the built-in rules.
    pub concern_rules: &'a [(globset::GlobMatcher, Concern)],
}

#[derive(Debug, Clone, Serialize)]
pub struct Copy {
    pub file: String,
    pub package: String,
    pub start_line: u32,
    pub end_line: u32,
    /// Share of the unit's lines inside clone fragments.
    pub coverage: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlanUnit {
    pub name: String,
    pub kind: UnitKind,
    /// Lines of its longest copy.
    pub lines: u32,
    pub copies: Vec<Copy>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DependencyKind {
    /// An npm package the new package depends on.
    Npm,
    /// A framework the apps provide (react, next): a peer dependency.
    Peer,
    /// Another workspace package.
    Workspace,
    /// The target package of another item of this plan.
    Planned,
}

#[derive(Debug, Clone, Serialize)]
pub struct Dependency {
    pub name: String,
    pub kind: DependencyKind,
    /// Version range each app declares, by app name.
    pub versions: BTreeMap<String, String>,
    /// True when the apps declare different ranges.
    pub drift: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockerKind {
    /// The code imports an app-local module that is not itself a copy: it differs per app.
    AppLocalImport,
    /// The code imports a framework module (`next/navigation`): the framework becomes a peer.
    Framework,
    /// The code reads `process.env`: a shared package must be given this configuration.
    Env,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Blocker {
    pub kind: BlockerKind,
    /// `blocker` stops the move until resolved; `warning` is work the move takes.
    pub severity: &'static str,
    pub file: String,
    pub line: u32,
    pub message: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AppSavings {
    pub package: String,
    pub lines_now: u64,
    pub lines_removed: u32,
    pub import_lines: u32,
    pub lines_after: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Savings {
    /// Lines the copies take in the apps today.
    pub removed_lines: u32,
    /// Lines the shared copy takes in the target package (0 when it is there already).
    pub moved_lines: u32,
    /// Import lines the apps' remaining files need.
    pub import_lines: u32,
    /// A new package's own files.
    pub package_overhead: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlanItem {
    pub id: String,
    pub concern: Concern,
    pub target_package: String,
    /// True when the target package does not exist yet.
    pub new_package: bool,
    /// True when the target library already holds a copy: the apps import it instead.
    pub reuse: bool,
    /// True when a blocker stands in the way.
    pub blocked: bool,
    /// Packages whose copies go away.
    pub apps: Vec<String>,
    pub copies: usize,
    pub units: Vec<PlanUnit>,
    /// Files of the copy that moves (reuse: the library's files).
    pub files: Vec<String>,
    /// removed_lines − moved_lines − import_lines − package_overhead.
    pub savings_lines: i64,
    pub savings: Savings,
    pub per_app: Vec<AppSavings>,
    pub dependencies: Vec<Dependency>,
    pub blockers: Vec<Blocker>,
}

/// Next.js route files (`app/**/page.tsx`, `layout`, `loading`, `error`, `not-found`,
/// `template`, `route`, `pages/**`) and middleware: the framework needs them in each app.
fn is_route_file(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let stem = name.split('.').next().unwrap_or(name);
    let in_app_dir = path.contains("/app/") || path.starts_with("app/");
    (in_app_dir
        && ["page", "layout", "loading", "error", "not-found", "template", "route", "default"]
            .contains(&stem))
        || path.contains("/pages/")
        || stem == "middleware"
}

/// Union-find over dense ids.
struct Sets(Vec<usize>);

impl Sets {
    fn new(n: usize) -> Self {
        Sets((0..n).collect())
    }
    fn find(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.0[r] != r {
            r = self.0[r];
        }
        let mut x = x;
        while self.0[x] != r {
            let next = self.0[x];
            self.0[x] = r;
            x = next;
        }
        r
    }
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            // The smaller id is the root, so that results do not depend on order.
            let (lo, hi) = if a < b { (a, b) } else { (b, a) };
            self.0[hi] = lo;
        }
    }
}

fn overlap(a: (u32, u32), b: (u32, u32)) -> u32 {
    let (s, e) = (a.0.max(b.0), a.1.min(b.1));
    if e >= s {
        e - s + 1
    } else {
        0
    }
}

/// An existing library whose name's last segment says it holds `concern`.
fn fitting_library(ws: &Workspace, concern: Concern) -> Option<usize> {
    ws.packages.iter().position(|p| {
        let last = p.name.rsplit('/').next().unwrap_or(&p.name);
        p.kind == PackageKind::Library && concern.library_words().contains(&last)
    })
}

/// The most common `@scope` of the workspace's package names.
fn workspace_scope(ws: &Workspace) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for p in &ws.packages {
        if let Some((scope, _)) = p.name.split_once('/').filter(|(s, _)| s.starts_with('@')) {
            *counts.entry(scope).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(s, n)| (n, std::cmp::Reverse(s)))
        .map_or("@shared".into(), |(s, _)| s.to_string())
}

pub fn plan(input: &PlanInput) -> Vec<PlanItem> {
    let PlanInput { ws, files, edges, clones, .. } = *input;
    // Unit ids: (file, unit index) in file order.
    let mut unit_ids: Vec<(u32, usize)> = Vec::new();
    let mut first_unit: Vec<usize> = Vec::with_capacity(files.len());
    for (f, file) in files.iter().enumerate() {
        first_unit.push(unit_ids.len());
        unit_ids.extend((0..file.units.len()).map(|u| (f as u32, u)));
    }
    let unit = |id: usize| {
        let (f, u) = unit_ids[id];
        &files[f as usize].units[u]
    };
    // Framework entry points (a Next.js page or layout) must stay in each app.
    let entry_point: Vec<bool> =
        unit_ids.iter().map(|&(f, _)| is_route_file(&files[f as usize].path)).collect();
    let span = |id: usize| (unit(id).start_line, unit(id).end_line);

    // 1. Coverage by cross-package classes, and the units each class touches.
    let cross: Vec<&crate::clones::CloneClass> = clones
        .classes
        .iter()
        .filter(|c| {
            c.fragments.iter().map(|f| files[f.file as usize].package).collect::<BTreeSet<_>>().len() > 1
        })
        .collect();
    let mut ranges: BTreeMap<usize, Vec<(u32, u32)>> = BTreeMap::new();
    // Per class, per fragment: the units it overlaps, with their start relative to the fragment.
    let mut touched: Vec<Vec<Vec<(usize, i64)>>> = Vec::with_capacity(cross.len());
    for c in &cross {
        let mut per_fragment = Vec::new();
        for fr in &c.fragments {
            let f = fr.file as usize;
            let mut t = Vec::new();
            for u in 0..files[f].units.len() {
                let id = first_unit[f] + u;
                let (s, e) = span(id);
                if overlap((s, e), (fr.start_line, fr.end_line)) > 0 {
                    ranges.entry(id).or_default().push((fr.start_line.max(s), fr.end_line.min(e)));
                    t.push((id, i64::from(s) - i64::from(fr.start_line)));
                }
            }
            per_fragment.push(t);
        }
        touched.push(per_fragment);
    }
    let coverage: BTreeMap<usize, f64> = ranges
        .into_iter()
        .map(|(id, r)| {
            let (s, e) = span(id);
            (id, f64::from(covered(r)) / f64::from(e - s + 1))
        })
        .collect();
    let duplicated = |id: &usize| !entry_point[*id] && coverage.get(id).is_some_and(|&c| c >= MIN_COVERAGE);

    // Copy groups: a unit of one fragment is the copy of the unit of another fragment of the
    // same class with the same name, or else of the same kind at the same place in the fragment.
    let mut sets = Sets::new(unit_ids.len());
    for per_fragment in &touched {
        let first = &per_fragment[0];
        for other in &per_fragment[1..] {
            for &(a, rel_a) in first.iter().filter(|(a, _)| duplicated(a)) {
                let partner = other
                    .iter()
                    .filter(|(b, _)| duplicated(b))
                    .find(|(b, _)| unit(*b).name == unit(a).name)
                    .or_else(|| {
                        other
                            .iter()
                            .filter(|(b, rel_b)| {
                                duplicated(b) && unit(*b).kind == unit(a).kind && (rel_b - rel_a).abs() <= 1
                            })
                            .min_by_key(|(_, rel_b)| (rel_b - rel_a).abs())
                    });
                if let Some(&(b, _)) = partner {
                    sets.union(a, b);
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &id in coverage.keys().filter(|id| duplicated(id)) {
        groups.entry(sets.find(id)).or_default().push(id);
    }
    let pkg_of = |id: usize| files[unit_ids[id].0 as usize].package;
    groups.retain(|_, members| members.iter().map(|&m| pkg_of(m)).collect::<BTreeSet<_>>().len() > 1);
    let group_of: BTreeMap<usize, usize> =
        groups.iter().flat_map(|(&g, m)| m.iter().map(move |&u| (u, g))).collect();

    // Concern of each group.
    // Edges come sorted by importing file: each file's edges are one slice.
    let starts: Vec<usize> =
        (0..=files.len()).map(|f| edges.partition_point(|e| (e.from as usize) < f)).collect();
    let edges_of = |f: usize| &edges[starts[f]..starts[f + 1]];
    let externals_of = |f: usize| -> Vec<&str> {
        edges_of(f)
            .iter()
            .filter(|e| e.resolution == Resolution::External)
            .filter_map(|e| e.package.as_deref())
            .collect()
    };
    let concerns: BTreeMap<usize, Concern> = groups
        .iter()
        .map(|(&g, members)| {
            let paths: Vec<&str> =
                members.iter().map(|&m| files[unit_ids[m].0 as usize].path.as_str()).collect();
            let units: Vec<&crate::units::Unit> = members.iter().map(|&m| unit(m)).collect();
            let mut ext: Vec<&str> =
                members.iter().flat_map(|&m| externals_of(unit_ids[m].0 as usize)).collect();
            ext.sort_unstable();
            ext.dedup();
            let forced = input.concern_rules.iter().find(|(glob, _)| paths.iter().any(|p| glob.is_match(p)));
            let c = forced.map_or_else(|| concern::infer(&paths, &units, &ext), |(_, c)| *c);
            (g, c)
        })
        .collect();

    // 2. Links between groups along imports: importer group → imported group, with counts.
    let mut links: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for e in edges.iter().filter(|e| e.resolution == Resolution::Internal) {
        let Some(to) = e.to_file else { continue };
        let (from, to) = (e.from as usize, to as usize);
        let from_groups: BTreeSet<usize> = (0..files[from].units.len())
            .filter_map(|u| group_of.get(&(first_unit[from] + u)).copied())
            .collect();
        let to_groups: BTreeSet<usize> = (0..files[to].units.len())
            .filter(|&u| {
                let un = &files[to].units[u];
                e.names
                    .iter()
                    .any(|n| n == "*" || *n == un.name || (n == "default" && un.kind == UnitKind::Default))
            })
            .filter_map(|u| group_of.get(&(first_unit[to] + u)).copied())
            .collect();
        for &a in &from_groups {
            for &b in &to_groups {
                if a != b {
                    *links.entry((a, b)).or_default() += 1;
                }
            }
        }
    }
    // Types travel with the code of their file: a types group whose files all hold units of
    // one other group joins that group's concern.
    let mut concerns = concerns;
    let type_groups: Vec<usize> =
        concerns.iter().filter(|(_, c)| **c == Concern::Types).map(|(g, _)| *g).collect();
    for g in type_groups {
        let mut hosts: BTreeSet<Concern> = BTreeSet::new();
        for &m in &groups[&g] {
            let f = unit_ids[m].0 as usize;
            for u in 0..files[f].units.len() {
                if let Some(&h) = group_of.get(&(first_unit[f] + u)).filter(|&&h| h != g) {
                    hosts.insert(concerns[&h]);
                }
            }
        }
        if hosts.len() == 1 {
            concerns.insert(g, *hosts.iter().next().expect("one"));
        }
    }

    // Items: one per concern and destination (they would all land in the same package), except
    // that a helper (`utils`) group imported by another concern's code joins the concern that
    // uses it most. The destination is the library that already holds a copy, if any.
    let mut item_sets = Sets::new(unit_ids.len());
    let mut concern_root: BTreeMap<(Concern, String), usize> = BTreeMap::new();
    for (&g, &c) in &concerns {
        let concern = match c {
            Concern::Utils => {
                let mut by_concern: BTreeMap<Concern, usize> = BTreeMap::new();
                for (&(a, b), &n) in &links {
                    if b == g && concerns[&a] != Concern::Utils {
                        *by_concern.entry(concerns[&a]).or_default() += n;
                    }
                }
                by_concern
                    .into_iter()
                    .max_by_key(|&(c, n)| (n, std::cmp::Reverse(c)))
                    .map_or(Concern::Utils, |(c, _)| c)
            }
            c => c,
        };
        // Where the group would go: the library holding a copy, else the one fitting the concern.
        let holder = groups[&g]
            .iter()
            .map(|&m| files[unit_ids[m].0 as usize].package)
            .filter(|&p| ws.packages[p].kind == PackageKind::Library)
            .min()
            .or_else(|| fitting_library(ws, concern));
        let dest = holder.map_or_else(|| concern.package_name().to_string(), |p| ws.packages[p].name.clone());
        let root = *concern_root.entry((concern, dest)).or_insert(g);
        item_sets.union(root, g);
    }
    let mut items: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &g in groups.keys() {
        items.entry(item_sets.find(g)).or_default().push(g);
    }

    // 3. Describe each item.
    let scope = input.scope.map(str::to_string).unwrap_or_else(|| workspace_scope(ws));
    let item_of_group: BTreeMap<usize, usize> =
        items.iter().flat_map(|(&i, gs)| gs.iter().map(move |&g| (g, i))).collect();
    let mut out: Vec<(usize, PlanItem)> = items
        .iter()
        .map(|(&item, gs)| {
            let ctx = Describe {
                ws,
                files,
                edges,
                starts: &starts,
                unit_ids: &unit_ids,
                first_unit: &first_unit,
                coverage: &coverage,
            };
            (item, ctx.item(gs, &groups, &concerns, &group_of, &item_of_group, &scope))
        })
        .collect();
    // Targets of other items, for `planned` dependencies.
    let targets: BTreeMap<usize, String> = out.iter().map(|(i, p)| (*i, p.target_package.clone())).collect();
    for (_, p) in &mut out {
        for d in &mut p.dependencies {
            if d.kind == DependencyKind::Planned {
                if let Some(t) = d
                    .name
                    .strip_prefix("item:")
                    .and_then(|i| i.parse::<usize>().ok())
                    .and_then(|i| targets.get(&i))
                {
                    d.name = t.clone();
                }
            }
        }
        p.dependencies.retain(|d| d.name != p.target_package);
        p.dependencies.sort_by(|a, b| (&a.kind, &a.name).cmp(&(&b.kind, &b.name)));
        p.dependencies.dedup_by(|a, b| a.kind == b.kind && a.name == b.name);
    }
    let mut out: Vec<PlanItem> = out.into_iter().map(|(_, p)| p).collect();
    // Ranked by savings, then by the number of apps; then by concern and files for a total order.
    out.sort_by(|a, b| {
        (b.savings_lines, b.apps.len(), a.concern, &a.files).cmp(&(
            a.savings_lines,
            a.apps.len(),
            b.concern,
            &b.files,
        ))
    });
    for (i, p) in out.iter_mut().enumerate() {
        p.id = format!("P{}", i + 1);
    }
    out
}

struct Describe<'a> {
    ws: &'a Workspace,
    files: &'a [SourceFile],
    edges: &'a [Edge],
    /// Where each file's edges start in `edges`.
    starts: &'a [usize],
    unit_ids: &'a [(u32, usize)],
    first_unit: &'a [usize],
    coverage: &'a BTreeMap<usize, f64>,
}

impl Describe<'_> {
    fn unit(&self, id: usize) -> &crate::units::Unit {
        let (f, u) = self.unit_ids[id];
        &self.files[f as usize].units[u]
    }
    fn file(&self, id: usize) -> usize {
        self.unit_ids[id].0 as usize
    }
    fn pkg_name(&self, f: usize) -> &str {
        &self.ws.packages[self.files[f].package].name
    }

    #[allow(clippy::too_many_arguments)]
    fn item(
        &self,
        gs: &[usize],
        groups: &BTreeMap<usize, Vec<usize>>,
        concerns: &BTreeMap<usize, Concern>,
        group_of: &BTreeMap<usize, usize>,
        item_of_group: &BTreeMap<usize, usize>,
        scope: &str,
    ) -> PlanItem {
        let members: Vec<usize> = gs.iter().flat_map(|g| groups[g].iter().copied()).collect();
        let this_item = item_of_group[&gs[0]];
        let kind_of = |f: usize| self.ws.packages[self.files[f].package].kind;

        // Concern: the most common one other than utils, weighted by units.
        let mut weights: BTreeMap<Concern, usize> = BTreeMap::new();
        for g in gs {
            *weights.entry(concerns[g]).or_default() += groups[g].len();
        }
        let concern = weights
            .iter()
            .filter(|(c, _)| **c != Concern::Utils)
            .max_by_key(|(c, n)| (**n, std::cmp::Reverse(**c)))
            .map_or(Concern::Utils, |(c, _)| *c);

        // Units by name, with every copy.
        let mut by_name: BTreeMap<(String, UnitKind), Vec<usize>> = BTreeMap::new();
        for &m in &members {
            let u = self.unit(m);
            by_name.entry((u.name.clone(), u.kind)).or_default().push(m);
        }
        let units: Vec<PlanUnit> = by_name
            .into_iter()
            .map(|((name, kind), ids)| {
                let copies: Vec<Copy> = ids
                    .iter()
                    .map(|&id| {
                        let u = self.unit(id);
                        let f = self.file(id);
                        Copy {
                            file: self.files[f].path.clone(),
                            package: self.pkg_name(f).to_string(),
                            start_line: u.start_line,
                            end_line: u.end_line,
                            coverage: (self.coverage[&id] * 100.0).round() / 100.0,
                        }
                    })
                    .collect();
                let lines = ids
                    .iter()
                    .map(|&id| self.unit(id).end_line - self.unit(id).start_line + 1)
                    .max()
                    .unwrap_or(0);
                PlanUnit { name, kind, lines, copies }
            })
            .collect();

        // Target: a library holding a copy (reuse), a library fitting the concern, or new.
        let mut lib_units: BTreeMap<usize, usize> = BTreeMap::new();
        for &m in &members {
            let f = self.file(m);
            if kind_of(f) == PackageKind::Library {
                *lib_units.entry(self.files[f].package).or_default() += 1;
            }
        }
        let reuse_lib = lib_units.iter().max_by_key(|(p, n)| (**n, std::cmp::Reverse(**p))).map(|(p, _)| *p);
        let (target_package, new_package, reuse) = match reuse_lib {
            Some(p) => (self.ws.packages[p].name.clone(), false, true),
            None => match fitting_library(self.ws, concern) {
                Some(p) => (self.ws.packages[p].name.clone(), false, false),
                None => (format!("{scope}/{}", concern.package_name()), true, false),
            },
        };

        // Copies that leave: every copy outside the target library.
        let leaving: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&m| !(reuse && Some(self.files[self.file(m)].package) == reuse_lib))
            .collect();
        let mut apps: Vec<String> =
            leaving.iter().map(|&m| self.pkg_name(self.file(m)).to_string()).collect();
        apps.sort();
        apps.dedup();
        let item_files: BTreeSet<usize> = members.iter().map(|&m| self.file(m)).collect();

        // The copy that moves: per group, the longest copy (in the library for a reuse item).
        let mut moved_files = BTreeSet::new();
        let mut moved_lines = 0;
        for g in gs {
            let lines = |id: usize| self.unit(id).end_line - self.unit(id).start_line + 1;
            let pick = groups[g]
                .iter()
                .copied()
                .filter(|&m| !reuse || Some(self.files[self.file(m)].package) == reuse_lib)
                .max_by_key(|&m| (lines(m), std::cmp::Reverse(m)))
                .or_else(|| groups[g].iter().copied().max_by_key(|&m| (lines(m), std::cmp::Reverse(m))));
            if let Some(m) = pick {
                moved_files.insert(self.files[self.file(m)].path.clone());
                if !reuse || Some(self.files[self.file(m)].package) != reuse_lib {
                    moved_lines += lines(m);
                }
            }
        }

        // Lines removed per app (coverage-weighted), import lines per app.
        let mut removed: BTreeMap<usize, f64> = BTreeMap::new();
        for &m in &leaving {
            let u = self.unit(m);
            let lines = f64::from(u.end_line - u.start_line + 1) * self.coverage[&m].min(1.0);
            *removed.entry(self.files[self.file(m)].package).or_default() += lines;
        }
        let mut importers: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
        for e in self.edges {
            if let Some(to) = e.to_file {
                let (from, to) = (e.from as usize, to as usize);
                if item_files.contains(&to)
                    && !item_files.contains(&from)
                    && removed.contains_key(&self.files[from].package)
                {
                    importers.entry(self.files[from].package).or_default().insert(from);
                }
            }
        }
        let per_app: Vec<AppSavings> = removed
            .iter()
            .map(|(&p, &r)| {
                let lines_now: u64 =
                    self.files.iter().filter(|f| f.package == p).map(|f| u64::from(f.lines)).sum();
                let import_lines = importers.get(&p).map_or(0, |s| s.len() as u32);
                let lines_removed = r.round() as u32;
                AppSavings {
                    package: self.ws.packages[p].name.clone(),
                    lines_now,
                    lines_removed,
                    import_lines,
                    lines_after: lines_now.saturating_sub(u64::from(lines_removed)) + u64::from(import_lines),
                }
            })
            .collect();
        let removed_lines: u32 = per_app.iter().map(|a| a.lines_removed).sum();
        let import_lines: u32 = per_app.iter().map(|a| a.import_lines).sum();
        let package_overhead = if new_package { NEW_PACKAGE_OVERHEAD } else { 0 };
        let savings_lines = i64::from(removed_lines)
            - i64::from(moved_lines)
            - i64::from(import_lines)
            - i64::from(package_overhead);

        // Dependencies and blockers, from the leaving copies' files.
        let mut deps: BTreeMap<(DependencyKind, String), BTreeMap<String, String>> = BTreeMap::new();
        let mut blockers: BTreeSet<Blocker> = BTreeSet::new();
        let leaving_files: BTreeSet<usize> = leaving.iter().map(|&m| self.file(m)).collect();
        for &f in &leaving_files {
            let app = self.pkg_name(f).to_string();
            let app_dir = &self.ws.packages[self.files[f].package].dir;
            for e in &self.edges[self.starts[f]..self.starts[f + 1]] {
                match e.resolution {
                    Resolution::External => {
                        let Some(name) = e.package.clone() else { continue };
                        let kind = if PEERS.contains(&name.as_str()) {
                            DependencyKind::Peer
                        } else {
                            DependencyKind::Npm
                        };
                        let range = self
                            .ws
                            .manifests
                            .get(app_dir.as_str())
                            .and_then(|m| m.dependencies.get(&name))
                            .cloned();
                        let entry = deps.entry((kind, name.clone())).or_default();
                        if let Some(r) = range {
                            entry.insert(app.clone(), r);
                        }
                        if name == "next" && !e.type_only {
                            blockers.insert(Blocker {
                                kind: BlockerKind::Framework,
                                severity: "warning",
                                file: self.files[f].path.clone(),
                                line: e.line,
                                message: format!(
                                    "imports {}: Next.js becomes a peer dependency",
                                    e.specifier
                                ),
                            });
                        }
                    }
                    Resolution::Workspace => {
                        if let Some(name) = &e.package {
                            deps.entry((DependencyKind::Workspace, name.clone())).or_default();
                        }
                    }
                    Resolution::Internal => {
                        let Some(to) = e.to_file.map(|t| t as usize) else { continue };
                        if item_files.contains(&to) {
                            continue;
                        }
                        // Imported units that another item moves: a dependency on its package.
                        let other = (0..self.files[to].units.len())
                            .filter(|&u| {
                                e.names.iter().any(|n| n == "*" || *n == self.files[to].units[u].name)
                            })
                            .filter_map(|u| group_of.get(&(self.first_unit[to] + u)))
                            .filter_map(|g| item_of_group.get(g))
                            .find(|&&i| i != this_item);
                        match other {
                            Some(i) => {
                                deps.entry((DependencyKind::Planned, format!("item:{i}"))).or_default();
                            }
                            None => {
                                let to_path = &self.files[to].path;
                                // Types of the app are work (move or share them), not a blocker.
                                let (severity, message) = if e.type_only {
                                    (
                                        "warning",
                                        format!(
                                            "imports types from {} ({to_path}): move or share them too",
                                            e.specifier
                                        ),
                                    )
                                } else {
                                    (
                                        "blocker",
                                        format!(
                                            "imports {} ({to_path}), which is not a copy: it differs per app",
                                            e.specifier
                                        ),
                                    )
                                };
                                blockers.insert(Blocker {
                                    kind: BlockerKind::AppLocalImport,
                                    severity,
                                    file: self.files[f].path.clone(),
                                    line: e.line,
                                    message,
                                });
                            }
                        }
                    }
                    _ => {}
                }
            }
            for name in &self.files[f].env {
                blockers.insert(Blocker {
                    kind: BlockerKind::Env,
                    severity: "warning",
                    file: self.files[f].path.clone(),
                    line: 0,
                    message: format!("reads process.env.{name}: the shared package must be given it"),
                });
            }
        }
        let dependencies: Vec<Dependency> = deps
            .into_iter()
            .map(|((kind, name), versions)| {
                let distinct: BTreeSet<&String> = versions.values().collect();
                Dependency { drift: distinct.len() > 1, name, kind, versions }
            })
            .collect();
        let blockers: Vec<Blocker> = blockers.into_iter().collect();
        let files_sorted: Vec<String> = moved_files.into_iter().collect();
        PlanItem {
            id: String::new(),
            concern,
            target_package,
            new_package,
            reuse,
            blocked: blockers.iter().any(|b| b.severity == "blocker"),
            copies: apps.len(),
            apps,
            units,
            files: files_sorted,
            savings_lines,
            savings: Savings { removed_lines, moved_lines, import_lines, package_overhead },
            per_app,
            dependencies,
            blockers,
        }
    }
}
