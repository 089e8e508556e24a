//! A Markdown document an architect can paste into a design review: the summary, then per
//! plan item the files to move, the apps they leave, the import that replaces them, the
//! blockers and the dependencies.

use super::plan_table::action;
use super::Report;
use std::io::{self, Write};

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let s = &report.summary;
    writeln!(out, "# monodup report: `{}`\n", report.root)?;
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
    if let (Some(c), Some(v)) = (s.cycles, s.violations) {
        writeln!(out, "| cycles / violations | {c} / {v} |")?;
    }
    if let Some(total) = s.estimated_savings_lines {
        writeln!(out, "| estimated savings | {total} lines in {} items |", s.plan_items.unwrap_or(0))?;
    }
    let Some(plan) = &report.plan else { return Ok(()) };
    writeln!(out, "\n## Extraction plan\n")?;
    if plan.is_empty() {
        return writeln!(out, "Nothing is copied between packages.");
    }
    writeln!(out, "| item | concern | action | apps | saves | blocked |\n|---|---|---|---:|---:|---|")?;
    for p in plan {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            p.id,
            p.concern.as_str(),
            action(p),
            p.apps.len(),
            p.savings_lines,
            if p.blocked { "yes" } else { "" }
        )?;
    }
    for p in plan {
        writeln!(out, "\n### {} — {}: {}\n", p.id, p.concern.as_str(), action(p))?;
        writeln!(out, "Leaves: {}.", p.apps.join(", "))?;
        writeln!(
            out,
            "Saves {} lines: {} removed from the apps, {} moved, {} import lines, {} for the new package.\n",
            p.savings_lines,
            p.savings.removed_lines,
            p.savings.moved_lines,
            p.savings.import_lines,
            p.savings.package_overhead
        )?;
        writeln!(out, "Files to move (the copy kept):")?;
        for f in &p.files {
            writeln!(out, "- `{f}`")?;
        }
        writeln!(out, "\nUnits, and the copies that go away:")?;
        for u in &p.units {
            let places: Vec<String> =
                u.copies.iter().map(|c| format!("`{}:{}-{}`", c.file, c.start_line, c.end_line)).collect();
            writeln!(out, "- `{}` ({:?}, {} lines): {}", u.name, u.kind, u.lines, places.join(", "))?;
        }
        writeln!(out, "\nReplace with: `import {{ … }} from \"{}\"`.", p.target_package)?;
        if !p.dependencies.is_empty() {
            writeln!(out, "\nDependencies:")?;
            for d in &p.dependencies {
                let versions: Vec<String> = d.versions.iter().map(|(a, v)| format!("{a} {v}")).collect();
                let drift = if d.drift { " — **version drift**" } else { "" };
                writeln!(
                    out,
                    "- `{}` ({:?}){}{drift}",
                    d.name,
                    d.kind,
                    if versions.is_empty() { String::new() } else { format!(": {}", versions.join(", ")) }
                )?;
            }
        }
        if !p.blockers.is_empty() {
            writeln!(out, "\nBlockers and warnings:")?;
            for b in &p.blockers {
                let at = if b.line > 0 { format!("{}:{}", b.file, b.line) } else { b.file.clone() };
                writeln!(out, "- {} `{at}`: {}", b.severity, b.message)?;
            }
        }
    }
    Ok(())
}
