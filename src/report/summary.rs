//! `monodup scan`'s one screen: packages, duplication, the most copied package pairs, the
//! graph's findings, the top plan items and the total savings. `graph`, `dups` and `plan` print
//! the details.

use super::plan_table::{cut, short_action};
use super::Report;
use crate::escape::text;
use crate::workspace::PackageKind;
use comfy_table::{presets::UTF8_FULL_CONDENSED, Cell, CellAlignment, ContentArrangement, Table};
use std::collections::BTreeMap;
use std::io::{self, Write};

const TOP: usize = 5;

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let s = &report.summary;
    let count = |k: PackageKind| report.packages.iter().filter(|p| p.kind == k).count();
    writeln!(
        out,
        "{}: {} files, {} lines ({} code) in {} packages ({} apps, {} libraries)",
        text(&report.root),
        s.files,
        s.lines,
        s.code_lines,
        s.packages,
        count(PackageKind::App),
        count(PackageKind::Library)
    )?;
    if let (Some(d), Some(p), Some(c)) = (s.duplicated_lines, s.duplication_percent, s.clone_classes) {
        writeln!(out, "duplication: {d} lines ({p:.1}%) in {c} clone classes")?;
    }
    if let Some(overlaps) = &report.overlaps {
        let mut top: Vec<_> = overlaps.iter().collect();
        top.sort_by_key(|o| {
            (std::cmp::Reverse(o.lines_a + o.lines_b), o.package_a.clone(), o.package_b.clone())
        });
        for o in top.iter().take(TOP) {
            let (a, b) = (cut(&[text(&o.package_a)], 40), cut(&[text(&o.package_b)], 40));
            writeln!(
                out,
                "  {a} ↔ {b}: {} lines of the first stand in the second, {} back",
                o.lines_a, o.lines_b
            )?;
        }
    }
    if let Some(forks) = report.forks.as_ref().filter(|f| !f.is_empty()) {
        writeln!(out, "forks: {} (an app mostly copied from another; see `monodup plan`)", forks.len())?;
        for f in forks.iter().take(TOP) {
            writeln!(
                out,
                "  {} copies {}: {} identical and {} near files, {} of its own",
                cut(&[text(&f.app)], 40),
                cut(&[text(&f.of)], 40),
                f.identical_files,
                f.near_files,
                f.extra_files
            )?;
        }
    }
    if let Some(g) = &report.graph {
        let mut rules: BTreeMap<&str, usize> = BTreeMap::new();
        for v in &g.violations {
            *rules.entry(v.rule.as_str()).or_default() += 1;
        }
        let rules: Vec<String> = rules.iter().map(|(r, n)| format!("{n} {}", text(r))).collect();
        let unresolved = s.unresolved.unwrap_or(0);
        writeln!(
            out,
            "graph: {} imports ({unresolved} unresolved), {} cycles, {} violations",
            g.edges.len(),
            g.cycles.len(),
            g.violations.len(),
        )?;
        if !rules.is_empty() {
            writeln!(out, "  violations: {}", cut(&rules, 110))?;
        }
    }
    if let Some(plan) = &report.plan {
        if !plan.is_empty() {
            let mut t = Table::new();
            t.load_preset(UTF8_FULL_CONDENSED)
                .set_content_arrangement(ContentArrangement::Dynamic)
                .set_width(super::plan_table::WIDTH)
                .set_header(vec!["item", "concern", "target", "packages", "saves", "blocked"]);
            for p in plan.iter().take(TOP) {
                t.add_row(vec![
                    Cell::new(text(&p.id)),
                    Cell::new(p.concern.as_str()),
                    Cell::new(text(&short_action(p))),
                    Cell::new(p.copies).set_alignment(CellAlignment::Right),
                    Cell::new(p.savings_lines).set_alignment(CellAlignment::Right),
                    Cell::new(if p.blocked { "yes" } else { "" }),
                ]);
            }
            writeln!(out, "\nTop extraction items\n{t}")?;
        }
        writeln!(
            out,
            "estimated savings: {} lines over {} items",
            s.estimated_savings_lines.unwrap_or(0),
            plan.len()
        )?;
    }
    if let Some(m) = report.migration.as_ref().filter(|m| m.summary.apps > 0) {
        writeln!(
            out,
            "migration: {} of {} app-package pairs migrated, over {} packages (monodup migration)",
            m.summary.migrated, m.summary.apps, m.summary.packages
        )?;
    }
    if !report.diagnostics.is_empty() {
        writeln!(out, "\n{} diagnostics:", report.diagnostics.len())?;
        for d in report.diagnostics.iter().take(TOP) {
            writeln!(out, "  {}", cut(&[d.to_string()], 116))?;
        }
    }
    writeln!(out, "\nDetails: monodup graph | dups | plan (--format json or markdown for all of it).")
}
