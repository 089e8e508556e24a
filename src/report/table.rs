//! Terminal tables for people: packages, cycles, violations, unresolved imports, clones,
//! overlaps, diagnostics. Only the sections whose data the command computed are shown.

use super::{CloneReport, GraphReport, OverlapReport, Report};
use crate::graph::Level;
use crate::resolve::Resolution;
use comfy_table::{presets::UTF8_FULL_CONDENSED, Cell, CellAlignment, ContentArrangement, Table};
use std::collections::BTreeMap;
use std::io::{self, Write};

/// Lists longer than this are cut, with a line saying how many were left out.
const MAX_ROWS: usize = 25;
/// Packages shown in the overlap matrix.
const MATRIX_PACKAGES: usize = 8;

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
    write!(out, "{} files, {} lines ({} code) in {} packages", s.files, s.lines, s.code_lines, s.packages)?;
    if let (Some(d), Some(p), Some(c)) = (s.duplicated_lines, s.duplication_percent, s.clone_classes) {
        write!(out, "; {d} duplicated lines ({p:.1}%) in {c} clone classes")?;
    }
    if let (Some(e), Some(u), Some(c), Some(v)) = (s.edges, s.unresolved, s.cycles, s.violations) {
        write!(out, "; {e} imports, {u} unresolved; {c} cycles; {v} violations")?;
    }
    writeln!(out)?;

    let dup = report.clones.is_some();
    let mut header = vec!["package", "kind", "path", "files", "lines"];
    if dup {
        header.extend(["duplicated", "%"]);
    }
    if report.graph.is_some() {
        header.extend(["imports out", "imports in"]);
    }
    let mut t = table(&header);
    for p in &report.packages {
        let mut row = vec![
            Cell::new(&p.name),
            Cell::new(format!("{:?}", p.kind).to_lowercase()),
            Cell::new(&p.path),
            num(p.files),
            num(p.lines),
        ];
        if dup {
            row.push(num(p.duplicated_lines.unwrap_or(0)));
            row.push(num(format!("{:.1}", p.duplication_percent.unwrap_or(0.0))));
        }
        if report.graph.is_some() {
            row.extend([num(p.imports_out), num(p.imports_in)]);
        }
        t.add_row(row);
    }
    writeln!(out, "\nPackages\n{t}")?;

    if let Some(g) = &report.graph {
        graph_sections(g, level, out)?;
    }
    if let (Some(clones), Some(overlaps)) = (&report.clones, &report.overlaps) {
        clone_sections(report, clones, overlaps, out)?;
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

fn graph_sections(g: &GraphReport, level: Level, out: &mut dyn Write) -> io::Result<()> {
    if level == Level::Package && !g.package_edges.is_empty() {
        let mut t = table(&["from", "to", "imports", "type-only"]);
        for e in &g.package_edges {
            t.add_row(vec![
                Cell::new(&e.from),
                Cell::new(&e.to),
                num(e.imports),
                Cell::new(if e.type_only { "yes" } else { "" }),
            ]);
        }
        writeln!(out, "\nPackage imports\n{t}")?;
    }

    if !g.cycles.is_empty() {
        let mut t = table(&["level", "members", "example"]);
        for c in g.cycles.iter().take(MAX_ROWS) {
            t.add_row(vec![
                Cell::new(format!("{:?}", c.level).to_lowercase()),
                num(c.nodes.len()),
                Cell::new(c.example.join(" →\n")),
            ]);
        }
        writeln!(out, "\nCycles (type-only imports left out)\n{t}")?;
        more(out, g.cycles.len())?;
    }

    if !g.violations.is_empty() {
        let mut t = table(&["rule", "where", "import", "why"]);
        for v in g.violations.iter().take(MAX_ROWS) {
            t.add_row(vec![
                Cell::new(v.rule.as_str()),
                Cell::new(format!("{}:{}", v.from, v.line)),
                Cell::new(&v.specifier),
                Cell::new(&v.message),
            ]);
        }
        writeln!(out, "\nViolations\n{t}")?;
        more(out, g.violations.len())?;
    }

    let unresolved: Vec<_> = g.edges.iter().filter(|e| e.resolution == Resolution::Unresolved).collect();
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
    Ok(())
}

fn clone_sections(
    report: &Report,
    clones: &[CloneReport],
    overlaps: &[OverlapReport],
    out: &mut dyn Write,
) -> io::Result<()> {
    // Overlap matrix of the most duplicated packages: row A, column B = lines of A also in B.
    let mut top: Vec<_> = report.packages.iter().filter(|p| p.duplicated_lines.unwrap_or(0) > 0).collect();
    top.sort_by(|a, b| b.duplicated_lines.cmp(&a.duplicated_lines).then(a.name.cmp(&b.name)));
    top.truncate(MATRIX_PACKAGES);
    if top.len() > 1 && !overlaps.is_empty() {
        let mut cells: BTreeMap<(&str, &str), u64> = BTreeMap::new();
        for o in overlaps {
            cells.insert((&o.package_a, &o.package_b), o.lines_a);
            cells.insert((&o.package_b, &o.package_a), o.lines_b);
        }
        let mut header = vec!["lines of ↓ also in →"];
        header.extend(top.iter().map(|p| p.name.as_str()));
        let mut t = table(&header);
        for a in &top {
            let mut row = vec![Cell::new(&a.name)];
            for b in &top {
                // Overlaps name packages by path (two folders may share a name).
                let v = cells.get(&(a.path.as_str(), b.path.as_str())).copied();
                row.push(if a.path == b.path { Cell::new("·") } else { num(v.unwrap_or(0)) });
            }
            t.add_row(row);
        }
        writeln!(out, "\nOverlap between packages\n{t}")?;
    }

    if !clones.is_empty() {
        // Largest first: what an extraction would save.
        let mut order: Vec<&CloneReport> = clones.iter().collect();
        order.sort_by_key(|c| (std::cmp::Reverse(c.lines as usize * (c.fragments.len() - 1)), c.id.clone()));
        let mut t = table(&["class", "kind", "lines", "tokens", "copies", "where"]);
        for c in order.iter().take(MAX_ROWS) {
            let places: Vec<String> =
                c.fragments.iter().map(|f| format!("{}:{}-{}", f.file, f.start_line, f.end_line)).collect();
            let kind = format!("{:?} {:?}", c.kind, c.scope).to_lowercase();
            t.add_row(vec![
                Cell::new(&c.id),
                Cell::new(kind),
                num(c.lines),
                num(c.tokens),
                num(c.fragments.len()),
                Cell::new(places.join("\n")),
            ]);
        }
        writeln!(out, "\nLargest clone classes\n{t}")?;
        more(out, clones.len())?;
    }
    Ok(())
}
