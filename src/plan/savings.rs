//! The item as reported, with its accounting (docs/plan.md, "Savings"): every figure is a sum
//! over the copies listed in the item, so the per-app rows add up to the item and the item to
//! its copies.
//! - a copy that is not kept is removed: its lines count in `removed_lines` of its package;
//! - a kept copy outside the target moves: its lines count in `moved_lines` (neither saved nor
//!   spent: they leave the app and enter the package);
//! - a file that loses copies but keeps other code gets one import line;
//! - imports of files that move or go away entirely are rewritten, not added.

use super::closure::{Module, Resolved};
use super::items::Draft;
use super::units::Units;
use super::{
    code, package_path, AppSavings, Copy, PlanInput, PlanItem, PlanUnit, Savings, Severity, UnitId,
    NEW_PACKAGE_OVERHEAD,
};
use crate::model::FileId;
use crate::resolve::Resolution;
use crate::units::UnitKind;
use crate::workspace::PackageKind;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Default)]
struct Tally {
    removed: u32,
    moved: u32,
    imports: u32,
}

pub fn describe(input: &PlanInput, units: &Units, drafts: &[Draft], resolved: &[Resolved]) -> Vec<PlanItem> {
    let mut package_lines = vec![0u64; input.ws.packages.len()];
    for f in input.files {
        package_lines[f.package.index()] += u64::from(f.lines);
    }
    // Importers of each file, once for all items (not a pass over every edge per item).
    let mut importers: Vec<Vec<usize>> = vec![Vec::new(); input.files.len()];
    for e in input.edges.iter().filter(|e| e.resolution == Resolution::Internal) {
        if let Some(to) = e.to_file {
            importers[to.index()].push(e.from.index());
        }
    }
    let ctx = Context { package_lines: &package_lines, importers: &importers };
    drafts.iter().zip(resolved).map(|(d, r)| item(input, units, d, r, &ctx)).collect()
}

/// What every item's accounting reads.
struct Context<'a> {
    package_lines: &'a [u64],
    /// Per file, the files importing it (one entry per internal import).
    importers: &'a [Vec<usize>],
}

fn copy_of(input: &PlanInput, units: &Units, m: UnitId, coverage: f64, similarity: f64, kept: bool) -> Copy {
    let u = units.unit(m);
    let p = units.package(m);
    Copy {
        file: input.files[FileId::from(units.file(m))].path.clone(),
        package: package_path(input.ws, p),
        package_name: input.ws.packages[p].name.clone(),
        start_line: u.start_line,
        end_line: u.end_line,
        lines: units.lines(m),
        coverage,
        similarity,
        kept,
    }
}

fn module_copy(input: &PlanInput, f: usize, kept: bool) -> Copy {
    let file = &input.files[FileId::from(f)];
    Copy {
        file: file.path.clone(),
        package: package_path(input.ws, file.package),
        package_name: input.ws.package(file.package).name.clone(),
        start_line: 1,
        end_line: file.lines.max(1),
        lines: file.lines,
        coverage: 0.0,
        similarity: 1.0,
        kept,
    }
}

fn module_unit(input: &PlanInput, m: &Module) -> PlanUnit {
    let file = &input.files[FileId::from(m.kept)];
    let dir = &input.ws.package(file.package).dir;
    let name = file.path.strip_prefix(dir.as_str()).map_or(file.path.as_str(), |r| r.trim_start_matches('/'));
    let mut copies: Vec<Copy> = std::iter::once(module_copy(input, m.kept, true))
        .chain(m.copies.iter().map(|&f| module_copy(input, f, false)))
        .collect();
    copies.sort_by(|a, b| a.package.cmp(&b.package));
    PlanUnit { name: name.to_string(), kind: UnitKind::Module, lines: file.lines, copies }
}

fn item(input: &PlanInput, units: &Units, d: &Draft, r: &Resolved, ctx: &Context) -> PlanItem {
    let (ws, files) = (input.ws, input.files.as_slice());
    let mut plan_units = Vec::new();
    // Per file: the item's units in it (to know whether the whole file goes).
    let mut in_file: BTreeMap<usize, BTreeSet<UnitId>> = BTreeMap::new();
    for (g, &k) in d.groups.iter().zip(&d.kept) {
        let mut copies: Vec<Copy> = g
            .members
            .iter()
            .enumerate()
            .map(|(i, &m)| {
                in_file.entry(units.file(m)).or_default().insert(m);
                copy_of(input, units, m, g.coverage[i], g.similarity[i], m == k)
            })
            .collect();
        copies.sort_by(|a, b| a.package.cmp(&b.package));
        let rep = units.unit(g.rep);
        plan_units.push(PlanUnit { name: rep.name.clone(), kind: rep.kind, lines: units.lines(k), copies });
    }
    plan_units.extend(r.closure.iter().map(|m| module_unit(input, m)));
    plan_units
        .sort_by(|a, b| (&a.name, a.kind, &a.copies[0].file).cmp(&(&b.name, b.kind, &b.copies[0].file)));

    let target = d.target.package;
    let mut tally: BTreeMap<usize, Tally> = BTreeMap::new();
    let (mut moved_files, mut removed_files) = (BTreeSet::new(), BTreeSet::new());
    let mut copies: Vec<(usize, u32, bool)> = Vec::new();
    for (g, &k) in d.groups.iter().zip(&d.kept) {
        copies.extend(g.members.iter().map(|&m| (units.file(m), units.lines(m), m == k)));
    }
    for m in &r.closure {
        copies.push((m.kept, files[m.kept].lines, true));
        copies.extend(m.copies.iter().map(|&f| (f, files[f].lines, false)));
    }
    for (f, lines, kept) in copies {
        let p = files[f].package.index();
        if kept {
            moved_files.insert(files[f].path.clone());
            if Some(p) != target {
                tally.entry(p).or_default().moved += lines;
            }
        } else {
            removed_files.insert(files[f].path.clone());
            tally.entry(p).or_default().removed += lines;
        }
    }
    // Files that go entirely (every unit is the item's, or a module that moves along).
    let mut whole: BTreeSet<usize> =
        r.closure.iter().flat_map(|m| std::iter::once(m.kept).chain(m.copies.iter().copied())).collect();
    for (&f, ids) in &in_file {
        let all = units.of_file(f).all(|u| ids.contains(&u));
        if all && !code::is_route_file(&files[f].path) {
            whole.insert(f);
        } else if Some(files[f].package.index()) != target {
            tally.entry(files[f].package.index()).or_default().imports += 1;
        }
    }
    let item_files: BTreeSet<usize> = in_file.keys().copied().chain(whole.iter().copied()).collect();
    let (mut rewrites, mut stays) = (0u32, BTreeSet::new());
    for &to in &item_files {
        for &from in ctx.importers[to].iter().filter(|f| !item_files.contains(f)) {
            if whole.contains(&to) {
                rewrites += 1;
            }
            if code::is_route_file(&files[from].path) {
                stays.insert(files[from].path.clone());
            }
        }
    }

    let packages: BTreeSet<usize> = tally.keys().copied().collect();
    // Apps, and the others: libraries (and the root package).
    let by_path = |apps: bool| -> Vec<String> {
        let mut v: Vec<String> = packages
            .iter()
            .filter(|&&p| Some(p) != target && (ws.packages[p].kind == PackageKind::App) == apps)
            .map(|&p| package_path(ws, p))
            .collect();
        v.sort();
        v
    };
    let (apps, libraries) = (by_path(true), by_path(false));
    let mut per_app: Vec<AppSavings> = tally
        .iter()
        .filter(|(&p, _)| Some(p) != target)
        .map(|(&p, t)| {
            let now = ctx.package_lines[p];
            AppSavings {
                package: package_path(ws, p),
                name: ws.packages[p].name.clone(),
                lines_now: now,
                lines_removed: t.removed,
                lines_moved: t.moved,
                import_lines: t.imports,
                lines_after: now.saturating_sub(u64::from(t.removed) + u64::from(t.moved))
                    + u64::from(t.imports),
            }
        })
        .collect();
    per_app.sort_by(|a, b| a.package.cmp(&b.package));
    let removed_lines: u32 = per_app.iter().map(|a| a.lines_removed).sum();
    let moved_lines: u32 = per_app.iter().map(|a| a.lines_moved).sum();
    let import_lines: u32 = per_app.iter().map(|a| a.import_lines).sum();
    let package_overhead = if d.target.new { NEW_PACKAGE_OVERHEAD } else { 0 };
    let savings_lines = i64::from(removed_lines) - i64::from(import_lines) - i64::from(package_overhead);
    PlanItem {
        id: String::new(),
        concern: d.concern,
        theme: d.theme.clone(),
        target_package: d.target.name.clone(),
        new_package: d.target.new,
        reuse: d.target.reuse,
        blocked: r.blockers.iter().any(|b| b.severity == Severity::Blocker),
        copies: apps.len() + libraries.len(),
        apps,
        libraries,
        units: plan_units,
        files: moved_files.into_iter().collect(),
        removed_files: removed_files.into_iter().collect(),
        closure: r.closure.iter().map(|m| files[m.kept].path.clone()).collect(),
        stays: stays.into_iter().collect(),
        savings_lines,
        savings: Savings {
            removed_lines,
            moved_lines,
            import_lines,
            import_rewrites: rewrites,
            package_overhead,
        },
        per_app,
        dependencies: r.dependencies.clone(),
        blockers: r.blockers.clone(),
    }
}
