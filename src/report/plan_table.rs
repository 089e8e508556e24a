//! The extraction plan as terminal tables: forks, the ranked items, then the before/after per
//! app. Cells are cut (`… +N more`) so that no line outgrows a 120-column terminal.

use super::Report;
use crate::escape::text;
use crate::plan::{PlanItem, Severity};
use comfy_table::{presets::UTF8_FULL_CONDENSED, Cell, CellAlignment, ContentArrangement, Table};
use std::collections::BTreeMap;
use std::io::{self, Write};

/// Width the tables are laid out for.
pub const WIDTH: u16 = 120;

fn num(n: impl ToString) -> Cell {
    Cell::new(n.to_string()).set_alignment(CellAlignment::Right)
}

/// A table laid out for [`WIDTH`] columns.
pub fn table(header: Vec<&str>) -> Table {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(WIDTH)
        .set_header(header);
    t
}

/// As many of `items` as fit in `max` characters, then `… +N more`.
pub fn cut<S: AsRef<str>>(items: &[S], max: usize) -> String {
    let mut out = String::new();
    for (i, s) in items.iter().enumerate() {
        let s = s.as_ref();
        let sep = if out.is_empty() { "" } else { ", " };
        let rest = items.len() - i;
        if out.chars().count() + sep.len() + s.chars().count() > max && i > 0 {
            return format!("{out} … +{rest} more");
        }
        if s.chars().count() > max {
            let short: String = s.chars().take(max.saturating_sub(1)).collect();
            out.push_str(&format!("{sep}{short}…"));
        } else {
            out.push_str(sep);
            out.push_str(s);
        }
    }
    out
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

/// [`action`] in few words, for table cells.
pub fn short_action(p: &PlanItem) -> String {
    let verb = if p.reuse {
        "reuse"
    } else if p.new_package {
        "new"
    } else {
        "into"
    };
    format!("{verb} {}", p.target_package)
}

pub fn render_forks(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let Some(forks) = report.forks.as_ref().filter(|f| !f.is_empty()) else { return Ok(()) };
    let mut t = table(vec!["app", "copies", "identical", "near", "extra", "shared lines", "recommendation"]);
    for f in forks {
        t.add_row(vec![
            Cell::new(text(&f.app)),
            Cell::new(text(&f.of)),
            num(f.identical_files),
            num(f.near_files),
            num(f.extra_files),
            num(f.shared_lines),
            Cell::new(cut(&[text(&f.recommendation)], 60)),
        ]);
    }
    writeln!(out, "\nForks (one app is mostly a copy of another; not counted in the items)\n{t}")
}

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    render_forks(report, out)?;
    let Some(plan) = &report.plan else { return Ok(()) };
    if plan.is_empty() {
        return writeln!(out, "\nExtraction plan: nothing is copied between packages.");
    }
    let mut t =
        table(vec!["item", "concern (folder)", "target", "units", "pkgs", "files", "saves", "blocked by"]);
    for p in plan {
        let units: Vec<_> = p.units.iter().map(|u| text(&u.name)).collect();
        let blockers: Vec<_> =
            p.blockers.iter().filter(|b| b.severity == Severity::Blocker).map(|b| text(&b.message)).collect();
        t.add_row(vec![
            Cell::new(text(&p.id)),
            Cell::new(format!("{} ({})", p.concern.as_str(), cut(&[text(&p.theme)], 24))),
            Cell::new(cut(&[text(&short_action(p))], 30)),
            Cell::new(cut(&units, 30)),
            num(p.copies),
            num(p.files.len()),
            num(p.savings_lines),
            Cell::new(cut(&blockers, 30)),
        ]);
    }
    writeln!(out, "\nExtraction plan (ranked by lines saved)\n{t}")?;

    // Before and after, per app, if every unblocked item were done.
    let mut apps: BTreeMap<&str, (u64, u64, u64, u64)> = BTreeMap::new();
    for p in plan.iter().filter(|p| !p.blocked && p.savings_lines > 0) {
        for a in &p.per_app {
            let e = apps.entry(&a.package).or_insert((a.lines_now, 0, 0, 0));
            e.1 += u64::from(a.lines_removed);
            e.2 += u64::from(a.lines_moved);
            e.3 += u64::from(a.import_lines);
        }
    }
    if !apps.is_empty() {
        let mut t =
            table(vec!["package", "lines now", "removed", "moved out", "import lines", "lines after"]);
        for (path, (now, removed, moved, imports)) in apps {
            t.add_row(vec![
                Cell::new(text(path)),
                num(now),
                num(removed),
                num(moved),
                num(imports),
                num(now.saturating_sub(removed + moved) + imports),
            ]);
        }
        writeln!(out, "\nPer package, after the unblocked items\n{t}")?;
    }
    let total: i64 = plan.iter().map(|p| p.savings_lines.max(0)).sum();
    writeln!(out, "Estimated savings: {total} lines over {} items.", plan.len())
}

#[cfg(test)]
mod tests {
    use super::cut;

    #[test]
    fn cells_are_cut_with_a_count() {
        assert_eq!(cut(&["a", "b", "c"], 20), "a, b, c");
        assert_eq!(cut(&["alpha", "beta", "gamma", "delta"], 12), "alpha, beta … +2 more");
        assert_eq!(cut(&["abcdefghij"], 5), "abcd…");
    }
}
