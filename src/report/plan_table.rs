//! The extraction plan as terminal tables: the ranked items, then the before/after per app.

use super::Report;
use crate::plan::PlanItem;
use comfy_table::{presets::UTF8_FULL_CONDENSED, Cell, CellAlignment, ContentArrangement, Table};
use std::collections::BTreeMap;
use std::io::{self, Write};

fn num(n: impl ToString) -> Cell {
    Cell::new(n.to_string()).set_alignment(CellAlignment::Right)
}

/// One line per item target: what happens to it.
pub fn action(p: &PlanItem) -> String {
    if p.reuse {
        format!("import from {} (it holds a copy)", p.target_package)
    } else if p.new_package {
        format!("create {}", p.target_package)
    } else {
        format!("move into {}", p.target_package)
    }
}

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let Some(plan) = &report.plan else { return Ok(()) };
    if plan.is_empty() {
        return writeln!(out, "\nExtraction plan: nothing is copied between packages.");
    }
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Dynamic).set_header(vec![
        "item",
        "concern",
        "action",
        "units",
        "apps",
        "saves",
        "blocked by",
    ]);
    for p in plan {
        let units: Vec<&str> = p.units.iter().map(|u| u.name.as_str()).collect();
        let blockers: Vec<String> =
            p.blockers.iter().filter(|b| b.severity == "blocker").map(|b| b.message.clone()).collect();
        t.add_row(vec![
            Cell::new(&p.id),
            Cell::new(p.concern.as_str()),
            Cell::new(action(p)),
            Cell::new(units.join(", ")),
            num(p.apps.len()),
            num(p.savings_lines),
            Cell::new(blockers.first().cloned().map_or(String::new(), |b| {
                if blockers.len() > 1 {
                    format!("{b} (+{} more)", blockers.len() - 1)
                } else {
                    b
                }
            })),
        ]);
    }
    writeln!(out, "\nExtraction plan (ranked by lines saved)\n{t}")?;

    // Before and after, per app, if every unblocked item were done.
    let mut apps: BTreeMap<&str, (u64, u64, u64)> = BTreeMap::new();
    for p in plan.iter().filter(|p| !p.blocked && p.savings_lines > 0) {
        for a in &p.per_app {
            let e = apps.entry(&a.package).or_insert((a.lines_now, 0, 0));
            e.1 += u64::from(a.lines_removed);
            e.2 += u64::from(a.import_lines);
        }
    }
    if !apps.is_empty() {
        let mut t = Table::new();
        t.load_preset(UTF8_FULL_CONDENSED).set_header(vec![
            "app",
            "lines now",
            "removed",
            "import lines",
            "lines after",
        ]);
        for (name, (now, removed, imports)) in apps {
            t.add_row(vec![
                Cell::new(name),
                num(now),
                num(removed),
                num(imports),
                num(now.saturating_sub(removed) + imports),
            ]);
        }
        writeln!(out, "\nPer app, after the unblocked items\n{t}")?;
    }
    let total: i64 = plan.iter().map(|p| p.savings_lines.max(0)).sum();
    writeln!(out, "Estimated savings: {total} lines over {} items.", plan.len())
}
