//! A Markdown document an architect can paste into a design review. For `scan` it is the whole
//! report: summary, packages, forks, overlaps, graph, violations, the plan and diagnostics; for
//! `plan`, the summary, forks and the plan. Long lists are capped with a count of the rest.

use super::plan_table::{action, cut};
use super::Report;
use crate::escape::{code, code_cell, md};
use crate::plan::Severity;
use std::io::{self, Write};

/// Rows a long list shows before `… and N more`.
const MAX_ROWS: usize = 50;

/// Repository text in a table cell or in prose: control characters, `|` and Markdown syntax
/// escaped ([`md`]); in code spans, [`code`] (prose) or [`code_cell`] (tables).
fn cell(s: &str) -> String {
    md(s)
}

fn more(out: &mut dyn Write, total: usize) -> io::Result<()> {
    if total > MAX_ROWS {
        writeln!(out, "\n… and {} more.", total - MAX_ROWS)?;
    }
    Ok(())
}

pub fn render(report: &Report, whole: bool, out: &mut dyn Write) -> io::Result<()> {
    let s = &report.summary;
    writeln!(out, "# monodup report: {}\n", code(&report.root))?;
    writeln!(out, "| | |\n|---|---|")?;
    writeln!(out, "| files | {} ({} lines, {} code) |", s.files, s.lines, s.code_lines)?;
    writeln!(out, "| packages | {} |", s.packages)?;
    if let (Some(d), Some(p)) = (s.duplicated_lines, s.duplication_percent) {
        writeln!(
            out,
            "| duplicated lines | {d} ({p:.1}%) in {} clone classes |",
            s.clone_classes.unwrap_or(0)
        )?;
    }
    if let (Some(d), Some(p)) = (s.duplicated_lines_exact, s.duplication_percent_exact) {
        writeln!(out, "| exactly duplicated lines | {d} ({p:.1}%) |")?;
    }
    if let Some(f) = s.forks {
        writeln!(out, "| forks | {f} |")?;
    }
    if let (Some(c), Some(v)) = (s.cycles, s.violations) {
        writeln!(out, "| cycles / violations | {c} / {v} |")?;
    }
    if let Some(total) = s.estimated_savings_lines {
        writeln!(out, "| estimated savings | {total} lines in {} items |", s.plan_items.unwrap_or(0))?;
    }
    writeln!(out, "| diagnostics | {} |", report.diagnostics.len())?;

    if whole {
        writeln!(out, "\n## Packages\n\n| path | name | kind | files | lines | duplicated |\n|---|---|---|---:|---:|---:|")?;
        for p in &report.packages {
            writeln!(
                out,
                "| {} | {} | {:?} | {} | {} | {} |",
                code_cell(&p.path),
                cell(&p.name),
                p.kind,
                p.files,
                p.lines,
                p.duplication_percent.map_or(String::new(), |d| format!("{d:.1}%"))
            )?;
        }
    }
    if let Some(forks) = report.forks.as_ref().filter(|f| !f.is_empty()) {
        writeln!(out, "\n## Forks\n\n| app | copies | identical | near | extra files | shared lines | recommendation |\n|---|---|---:|---:|---:|---:|---|")?;
        for f in forks {
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} |",
                code_cell(&f.app),
                code_cell(&f.of),
                f.identical_files,
                f.near_files,
                f.extra_files,
                f.shared_lines,
                cell(&f.recommendation)
            )?;
        }
    }
    if whole {
        if let Some(overlaps) = report.overlaps.as_ref().filter(|o| !o.is_empty()) {
            let mut top: Vec<_> = overlaps.iter().collect();
            top.sort_by_key(|o| {
                (std::cmp::Reverse(o.lines_a + o.lines_b), o.package_a.clone(), o.package_b.clone())
            });
            writeln!(out, "\n## Overlaps\n\n| package A | package B | lines of A in B | lines of B in A |\n|---|---|---:|---:|")?;
            for o in top.iter().take(MAX_ROWS) {
                writeln!(
                    out,
                    "| {} | {} | {} | {} |",
                    code_cell(&o.package_a),
                    code_cell(&o.package_b),
                    o.lines_a,
                    o.lines_b
                )?;
            }
            more(out, top.len())?;
        }
        if let Some(g) = &report.graph {
            writeln!(
                out,
                "\n## Graph\n\n{} imports ({} unresolved), {} package edges, {} cycles, {} violations.",
                g.edges.len(),
                s.unresolved.unwrap_or(0),
                g.package_edges.len(),
                g.cycles.len(),
                g.violations.len()
            )?;
            for c in g.cycles.iter().take(MAX_ROWS) {
                writeln!(out, "- {:?} cycle: {}", c.level, cell(&cut(&c.example, 200)))?;
            }
            if !g.violations.is_empty() {
                writeln!(out, "\n### Violations\n\n| rule | file | import | message |\n|---|---|---|---|")?;
                for v in g.violations.iter().take(MAX_ROWS) {
                    writeln!(
                        out,
                        "| {} | {} | {} | {} |",
                        cell(v.rule.as_str()),
                        code_cell(&format!("{}:{}", v.from, v.line)),
                        code_cell(&v.specifier),
                        cell(&v.message)
                    )?;
                }
                more(out, g.violations.len())?;
            }
        }
    }
    if let Some(plan) = &report.plan {
        writeln!(out, "\n## Extraction plan\n")?;
        if plan.is_empty() {
            writeln!(out, "Nothing is copied between packages.")?;
        } else {
            writeln!(out, "| item | concern | theme | action | packages | files | saves | blocked |\n|---|---|---|---|---:|---:|---:|---|")?;
            for p in plan {
                writeln!(
                    out,
                    "| {} | {} | {} | {} | {} | {} | {} | {} |",
                    cell(&p.id),
                    p.concern.as_str(),
                    code_cell(&p.theme),
                    cell(&action(p)),
                    p.copies,
                    p.files.len(),
                    p.savings_lines,
                    if p.blocked { "yes" } else { "" }
                )?;
            }
            for p in plan {
                item(p, out)?;
            }
        }
    }
    if let Some(m) = report.migration.as_ref().filter(|m| whole && m.summary.apps > 0) {
        writeln!(out, "\n## Migration\n")?;
        writeln!(
            out,
            "{} of {} app-package pairs migrated, over {} packages.\n",
            m.summary.migrated, m.summary.apps, m.summary.packages
        )?;
        writeln!(out, "| package | app | migrated | imports | local copies | broken imports |")?;
        writeln!(out, "|---|---|---|---|---|---|")?;
        for p in &m.packages {
            for a in &p.apps {
                writeln!(
                    out,
                    "| {} | {} | {} | {} | {} | {} |",
                    cell(&p.name),
                    cell(&a.app),
                    if a.migrated { "yes" } else { "no" },
                    a.imports,
                    a.local_copies.len(),
                    a.broken_imports.len()
                )?;
            }
        }
    }
    if whole && !report.diagnostics.is_empty() {
        writeln!(out, "\n## Diagnostics\n")?;
        for d in report.diagnostics.iter().take(MAX_ROWS) {
            // Display escapes control characters already; the span takes care of backticks.
            writeln!(out, "- {}", code(&d.to_string()))?;
        }
        more(out, report.diagnostics.len())?;
    }
    Ok(())
}

fn item(p: &crate::plan::PlanItem, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "\n### {} — {} {}: {}\n", md(&p.id), p.concern.as_str(), code(&p.theme), md(&action(p)))?;
    let mut leaves: Vec<String> = p.apps.iter().map(|a| code(a)).collect();
    leaves.extend(p.libraries.iter().map(|l| format!("{} (library)", code(l))));
    writeln!(out, "Leaves: {}.", leaves.join(", "))?;
    writeln!(
        out,
        "Saves {} lines: {} removed from the copies, {} moved into the package, {} import lines added, {} for the new package; {} imports rewritten.\n",
        p.savings_lines,
        p.savings.removed_lines,
        p.savings.moved_lines,
        p.savings.import_lines,
        p.savings.package_overhead,
        p.savings.import_rewrites
    )?;
    writeln!(out, "Files to move (the copy kept):")?;
    for f in p.files.iter().take(MAX_ROWS) {
        writeln!(out, "- {}", code(f))?;
    }
    more(out, p.files.len())?;
    if !p.closure.is_empty() {
        writeln!(out, "\nModules that move along (identical in every app): {}.", md(&cut(&p.closure, 400)))?;
    }
    if !p.stays.is_empty() {
        writeln!(out, "\nRoute files that stay and import the package: {}.", md(&cut(&p.stays, 400)))?;
    }
    writeln!(out, "\nUnits, with every copy (kept copy in bold):")?;
    for u in p.units.iter().take(MAX_ROWS) {
        let places: Vec<String> = u
            .copies
            .iter()
            .map(|c| {
                let at = code(&format!("{}:{}-{}", c.file, c.start_line, c.end_line));
                if c.kept {
                    format!("**{at}**")
                } else {
                    at
                }
            })
            .collect();
        writeln!(out, "- {} ({:?}, {} lines): {}", code(&u.name), u.kind, u.lines, places.join(", "))?;
    }
    more(out, p.units.len())?;
    writeln!(out, "\nReplace with: {}.", code(&format!("import {{ … }} from \"{}\"", p.target_package)))?;
    if !p.dependencies.is_empty() {
        writeln!(out, "\nDependencies:")?;
        for d in &p.dependencies {
            let versions: Vec<String> = d.versions.iter().map(|(a, v)| format!("{a} {v}")).collect();
            let drift = if d.drift { " — **version drift**" } else { "" };
            writeln!(
                out,
                "- {} ({:?}){}{drift}",
                code(&d.name),
                d.kind,
                if versions.is_empty() { String::new() } else { format!(": {}", md(&cut(&versions, 300))) }
            )?;
        }
    }
    if !p.blockers.is_empty() {
        writeln!(out, "\nBlockers and warnings:")?;
        for b in p.blockers.iter().take(MAX_ROWS) {
            let at = if b.line > 0 { format!("{}:{}", b.file, b.line) } else { b.file.clone() };
            let sev = if b.severity == Severity::Blocker { "blocker" } else { "warning" };
            writeln!(out, "- {sev} {}: {}", code(&at), md(&b.message))?;
        }
        more(out, p.blockers.len())?;
    }
    Ok(())
}
