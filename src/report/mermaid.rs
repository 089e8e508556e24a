//! Mermaid flowchart, for Markdown documents and GitHub comments.

use super::Report;
use crate::graph::Level;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

/// Mermaid ids must be plain; labels carry the real names.
struct Ids<'a>(BTreeMap<&'a str, usize>);

impl<'a> Ids<'a> {
    fn id(&mut self, name: &'a str) -> String {
        let n = self.0.len();
        format!("n{}", self.0.entry(name).or_insert(n))
    }
}

/// Text inside `["…"]`: control characters shown as escapes ([`crate::escape::text`]), then
/// every character Mermaid gives a meaning there written as an entity code (`#` first, so that
/// a name cannot forge one; `"` ends the label; `<` and `>` would be HTML; a backtick starts a
/// Markdown string).
fn label(s: &str) -> String {
    let s = crate::escape::text(s);
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '#' => out.push_str("#35;"),
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '`' => out.push_str("#96;"),
            c => out.push(c),
        }
    }
    out
}

pub fn render(report: &Report, level: Level, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "flowchart LR")?;
    let mut ids = Ids(BTreeMap::new());
    match level {
        Level::Package => {
            for p in &report.packages {
                writeln!(out, "  {}[\"{}\"]", ids.id(&p.name), label(&p.name))?;
            }
            for e in report.graph.iter().flat_map(|g| &g.package_edges) {
                let arrow = if e.type_only { "-.->" } else { "-->" };
                writeln!(out, "  {} {arrow}|{}| {}", ids.id(&e.from), e.imports, ids.id(&e.to))?;
            }
        }
        Level::File => {
            let mut clusters: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
            let mut edges = BTreeSet::new();
            for e in report.file_edges() {
                let to = e.to.as_deref().unwrap_or_default();
                clusters.entry(report.owner_of(&e.from).index()).or_default().insert(&e.from);
                clusters.entry(report.owner_of(to).index()).or_default().insert(to);
                edges.insert((e.from.as_str(), to, e.type_only));
            }
            for (pkg, files) in &clusters {
                writeln!(out, "  subgraph p{pkg}[\"{}\"]", label(&report.packages[*pkg].name))?;
                for f in files {
                    writeln!(out, "    {}[\"{}\"]", ids.id(f), label(f))?;
                }
                writeln!(out, "  end")?;
            }
            for (from, to, type_only) in edges {
                let arrow = if type_only { "-.->" } else { "-->" };
                writeln!(out, "  {} {arrow} {}", ids.id(from), ids.id(to))?;
            }
        }
    }
    Ok(())
}
