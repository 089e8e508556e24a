//! Graphviz DOT: files clustered by package, or the package graph.

use super::Report;
use crate::graph::Level;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

/// A DOT quoted string: control characters shown as escapes ([`crate::escape::text`]), then
/// `\` and `"` escaped, so no name can end the string, start a new statement or smuggle a
/// `\N`-style label escape.
fn quote(s: &str) -> String {
    let s = crate::escape::text(s);
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

pub fn render(report: &Report, level: Level, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "digraph monodup {{")?;
    writeln!(out, "  rankdir=LR;")?;
    writeln!(out, "  node [shape=box, fontname=\"Helvetica\", fontsize=10];")?;
    match level {
        Level::Package => {
            for p in &report.packages {
                let shape = match p.kind {
                    crate::workspace::PackageKind::App => "box",
                    crate::workspace::PackageKind::Library => "component",
                    crate::workspace::PackageKind::Root => "folder",
                };
                writeln!(out, "  {} [shape={shape}];", quote(&p.name))?;
            }
            for e in report.graph.iter().flat_map(|g| &g.package_edges) {
                let style = if e.type_only { ", style=dashed" } else { "" };
                writeln!(out, "  {} -> {} [label=\"{}\"{style}];", quote(&e.from), quote(&e.to), e.imports)?;
            }
        }
        Level::File => {
            let mut clusters: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
            let mut lines = BTreeSet::new();
            for e in report.file_edges() {
                let to = e.to.as_deref().unwrap_or_default();
                clusters.entry(report.owner_of(&e.from).index()).or_default().insert(&e.from);
                clusters.entry(report.owner_of(to).index()).or_default().insert(to);
                let style = if e.type_only { " [style=dashed]" } else { "" };
                lines.insert(format!("  {} -> {}{style};", quote(&e.from), quote(to)));
            }
            for (pkg, files) in &clusters {
                writeln!(out, "  subgraph \"cluster_{pkg}\" {{")?;
                writeln!(out, "    label={};", quote(&report.packages[*pkg].name))?;
                for f in files {
                    writeln!(out, "    {};", quote(f))?;
                }
                writeln!(out, "  }}")?;
            }
            for l in lines {
                writeln!(out, "{l}")?;
            }
        }
    }
    writeln!(out, "}}")
}
