//! Terminal tables for people: packages, cycles, violations, unresolved imports, diagnostics.

use super::Report;
use crate::graph::Level;
use crate::resolve::Resolution;
use comfy_table::{presets::UTF8_FULL_CONDENSED, Cell, CellAlignment, ContentArrangement, Table};
use std::io::{self, Write};

/// Lists longer than this are cut, with a line saying how many were left out.
const MAX_ROWS: usize = 25;

fn table(header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header);
    t
}

fn num(n: impl ToString) -> Cell {
    Cell::new(n.to_string()).set_alignment(CellAlignment::Right)
}

fn more(out: &mut dyn Write, total: usize) -> io::Result<()> {
    if total > MAX_ROWS {
        writeln!(out, "… and {} more (use --format json for all)", total - MAX_ROWS)?;
    }
    Ok(())
}

pub fn render(report: &Report, level: Level, out: &mut dyn Write) -> io::Result<()> {
    let s = &report.summary;
    writeln!(
        out,
        "{} files, {} lines ({} code) in {} packages; {} imports, {} unresolved; {} cycles; {} violations",
        s.files, s.lines, s.code_lines, s.packages, s.edges, s.unresolved, s.cycles, s.violations
    )?;

    let mut t = table(&["package", "kind", "path", "files", "lines", "imports out", "imports in"]);
    for p in &report.packages {
        t.add_row(vec![
            Cell::new(&p.name),
            Cell::new(format!("{:?}", p.kind).to_lowercase()),
            Cell::new(&p.path),
            num(p.files),
            num(p.lines),
            num(p.imports_out),
            num(p.imports_in),
        ]);
    }
    writeln!(out, "\nPackages\n{t}")?;

    if level == Level::Package && !report.graph.package_edges.is_empty() {
        let mut t = table(&["from", "to", "imports", "type-only"]);
        for e in &report.graph.package_edges {
            t.add_row(vec![
                Cell::new(&e.from),
                Cell::new(&e.to),
                num(e.imports),
                Cell::new(if e.type_only { "yes" } else { "" }),
            ]);
        }
        writeln!(out, "\nPackage imports\n{t}")?;
    }

    if !report.graph.cycles.is_empty() {
        let mut t = table(&["level", "members", "example"]);
        for c in report.graph.cycles.iter().take(MAX_ROWS) {
            t.add_row(vec![
                Cell::new(format!("{:?}", c.level).to_lowercase()),
                num(c.nodes.len()),
                Cell::new(c.example.join(" →\n")),
            ]);
        }
        writeln!(out, "\nCycles (type-only imports left out)\n{t}")?;
        more(out, report.graph.cycles.len())?;
    }

    if !report.graph.violations.is_empty() {
        let mut t = table(&["rule", "where", "import", "why"]);
        for v in report.graph.violations.iter().take(MAX_ROWS) {
            t.add_row(vec![
                Cell::new(v.rule.as_str()),
                Cell::new(format!("{}:{}", v.from, v.line)),
                Cell::new(&v.specifier),
                Cell::new(&v.message),
            ]);
        }
        writeln!(out, "\nViolations\n{t}")?;
        more(out, report.graph.violations.len())?;
    }

    let unresolved: Vec<_> =
        report.graph.edges.iter().filter(|e| e.resolution == Resolution::Unresolved).collect();
    if !unresolved.is_empty() {
        let mut t = table(&["where", "import", "why"]);
        for e in unresolved.iter().take(MAX_ROWS) {
            t.add_row(vec![
                Cell::new(format!("{}:{}", e.from, e.line)),
                Cell::new(&e.specifier),
                Cell::new(e.reason.as_deref().unwrap_or("")),
            ]);
        }
        writeln!(out, "\nUnresolved imports\n{t}")?;
        more(out, unresolved.len())?;
    }

    if !report.diagnostics.is_empty() {
        writeln!(out, "\nDiagnostics")?;
        for d in report.diagnostics.iter().take(MAX_ROWS) {
            writeln!(out, "  {d}")?;
        }
        more(out, report.diagnostics.len())?;
    }
    Ok(())
}
