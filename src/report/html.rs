//! A self-contained HTML page of a [`Report`]: summary, the overlap heatmap, the package graph
//! (laid out by [`layout`] as inline SVG), forks and the plan, the clone classes with their code
//! side by side ([`code`]), diagnostics. One file: CSS, JavaScript and data inline, nothing
//! fetched at view time, and the tables readable without JavaScript (the script adds sorting,
//! filtering and the heatmap → clone-list link). docs/html.md describes the page.
//!
//! Every string from the repository goes through [`esc`] (HTML text and attributes: `&<>"'` as
//! entities, control and bidi characters shown as escapes) or, in the embedded JSON, through
//! [`script_json`] (`<`, `>`, `&`, U+2028/9 as `\uXXXX`, so neither `</script>` nor `<!--` can
//! end the block); the script puts repository text into the page with `textContent` only. The
//! Content-Security-Policy allows no request at all and runs only the page's own script, named
//! by its SHA-256, so even a name that escaped escaping could run nothing (no inline handler, no
//! injected `<script>`).

pub mod code;
pub mod layout;

use super::{CloneReport, Report};
use crate::graph::Level;
use crate::plan::{PlanItem, Severity};
use crate::resolve::Resolution;
use crate::workspace::PackageKind;
use code::{Limits, Sources};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::Path;

const CSS: &str = include_str!("html/report.css");
const JS: &str = include_str!("html/report.js");

/// Packages the heatmap shows at most (those with the most overlapping lines).
pub const MAX_HEATMAP: usize = 40;
/// Edge labels are drawn up to this many edges (beyond, the count is in the edge's tooltip).
const MAX_EDGE_LABELS: usize = 60;

/// What the page is the report of: the sections each command shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Scan,
    Dups,
    Graph,
    Plan,
}

impl Part {
    fn sections(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Part::Scan => &[
                ("summary", "Summary"),
                ("overlaps", "Overlaps"),
                ("graph", "Graph"),
                ("plan", "Forks and plan"),
                ("clones", "Clones"),
                ("diagnostics", "Diagnostics"),
            ],
            Part::Dups => &[
                ("summary", "Summary"),
                ("overlaps", "Overlaps"),
                ("clones", "Clones"),
                ("diagnostics", "Diagnostics"),
            ],
            Part::Graph => &[("summary", "Summary"), ("graph", "Graph"), ("diagnostics", "Diagnostics")],
            Part::Plan => {
                &[("summary", "Summary"), ("plan", "Forks and plan"), ("diagnostics", "Diagnostics")]
            }
        }
    }
}

/// Repository text as HTML text or an attribute value (always quoted with `"`).
pub fn esc(s: &str) -> String {
    let s = crate::escape::text(s);
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `value` as JSON that is safe inside `<script type="application/json">`: the characters that
/// could close the element or open a comment, and the JavaScript line separators, as `\uXXXX`
/// (they can only stand inside JSON strings, where the escape means the same character).
pub fn script_json<T: Serialize + ?Sized>(value: &T) -> String {
    let json = serde_json::to_string(value).unwrap_or_else(|_| "null".into());
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// The Content-Security-Policy of the page: nothing may be fetched, styles are inline, and the
/// only script that runs is the page's own, named by its hash.
pub fn content_security_policy() -> String {
    format!(
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-{}'; base-uri 'none'; form-action 'none'",
        base64(&sha256(JS.as_bytes()))
    )
}

fn sha256(bytes: &[u8]) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).into()
}

fn base64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// An enum's name as in the JSON report (never `Debug`).
fn label<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// A number with thousands separators.
fn num(n: impl Into<i128>) -> String {
    let n: i128 = n.into();
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        out.insert(0, '-');
    }
    out
}

/// Short form for a heatmap cell: 940, 12.3k, 1.2M.
fn short(n: u64) -> String {
    match n {
        0..=9_999 => n.to_string(),
        10_000..=999_999 => format!("{:.1}k", n as f64 / 1000.0),
        _ => format!("{:.1}M", n as f64 / 1_000_000.0),
    }
}

macro_rules! w {
    ($dst:expr, $($arg:tt)*) => {{ let _ = write!($dst, $($arg)*); }};
}

/// The page, with the default [`Limits`]; `root` is where the scanned files are read again for
/// the code of the clone classes shown.
pub fn render(report: &Report, root: &Path, part: Part, out: &mut dyn Write) -> io::Result<()> {
    render_with(report, root, part, &Limits::DEFAULT, out)
}

pub fn render_with(
    report: &Report,
    root: &Path,
    part: Part,
    limits: &Limits,
    out: &mut dyn Write,
) -> io::Result<()> {
    let page = Page::new(report, part);
    let mut h = String::with_capacity(1 << 16);
    w!(h, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    w!(h, "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n", content_security_policy());
    w!(h, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    w!(h, "<meta name=\"color-scheme\" content=\"light dark\">\n<meta name=\"generator\" content=\"monodup {}\">\n", report.tool.version);
    w!(h, "<title>monodup report: {}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n", esc(&report.root));
    w!(h, "<header><h1>monodup report: <code>{}</code></h1><nav>", esc(&report.root));
    for (id, title) in part.sections() {
        w!(h, "<a href=\"#{id}\">{title}</a>");
    }
    w!(h, "</nav></header>\n<main>\n");
    for (id, _) in part.sections() {
        match *id {
            "summary" => summary(&mut h, report),
            "overlaps" => page.overlaps(&mut h, report),
            "graph" => page.graph(&mut h, report, limits),
            "plan" => plan(&mut h, report, limits),
            "clones" => page.clones(&mut h, report, root, limits),
            _ => diagnostics(&mut h, report, limits),
        }
    }
    w!(
        h,
        "</main>\n<footer>monodup {} · schema {} · one file, no network</footer>\n",
        report.tool.version,
        report.schema_version
    );
    w!(
        h,
        "<script type=\"application/json\" id=\"monodup-data\">{}</script>\n",
        script_json(&page.data(report))
    );
    w!(h, "<script>{JS}</script>\n</body>\n</html>\n");
    out.write_all(h.as_bytes())
}

/// What several sections share: package indexes by path and name, the heatmap's choice.
struct Page {
    by_path: BTreeMap<String, usize>,
    /// Heatmap packages (indexes into `report.packages`), in display order.
    heat: Vec<usize>,
    /// Packages with overlaps that the heatmap leaves out.
    heat_left_out: usize,
    /// (row, column) → lines of the row's package that stand in the column's.
    cells: BTreeMap<(usize, usize), u64>,
}

#[derive(Serialize)]
struct Data<'a> {
    packages: Vec<DataPackage>,
    heatmap: DataHeatmap,
    summary: &'a super::Summary,
}

#[derive(Serialize)]
struct DataPackage {
    name: String,
    path: String,
    kind: String,
}

#[derive(Serialize)]
struct DataHeatmap {
    packages: Vec<usize>,
    /// [row, column, lines], non-zero cells only.
    cells: Vec<[u64; 3]>,
}

fn kind_rank(k: PackageKind) -> u8 {
    match k {
        PackageKind::App => 0,
        PackageKind::Library => 1,
        PackageKind::Root => 2,
    }
}

impl Page {
    fn new(report: &Report, part: Part) -> Page {
        let by_path: BTreeMap<String, usize> =
            report.packages.iter().enumerate().map(|(i, p)| (p.path.clone(), i)).collect();
        let mut cells = BTreeMap::new();
        let mut total: BTreeMap<usize, u64> = BTreeMap::new();
        let with_overlaps = matches!(part, Part::Scan | Part::Dups);
        for o in report.overlaps.iter().flatten().filter(|_| with_overlaps) {
            let (Some(&a), Some(&b)) = (by_path.get(&o.package_a), by_path.get(&o.package_b)) else {
                continue;
            };
            if a == b {
                continue;
            }
            *cells.entry((a, b)).or_insert(0) += o.lines_a;
            *cells.entry((b, a)).or_insert(0) += o.lines_b;
            *total.entry(a).or_insert(0) += o.lines_a + o.lines_b;
            *total.entry(b).or_insert(0) += o.lines_a + o.lines_b;
        }
        let mut heat: Vec<usize> = total.keys().copied().collect();
        let heat_left_out = heat.len().saturating_sub(MAX_HEATMAP);
        if heat_left_out > 0 {
            heat.sort_by_key(|p| (std::cmp::Reverse(total[p]), *p));
            heat.truncate(MAX_HEATMAP);
        }
        heat.sort_by_key(|&p| (kind_rank(report.packages[p].kind), report.packages[p].path.clone()));
        Page { by_path, heat, heat_left_out, cells }
    }

    fn data<'a>(&self, report: &'a Report) -> Data<'a> {
        let shown: BTreeSet<usize> = self.heat.iter().copied().collect();
        Data {
            packages: report
                .packages
                .iter()
                .map(|p| DataPackage {
                    name: crate::escape::text(&p.name).into_owned(),
                    path: crate::escape::text(&p.path).into_owned(),
                    kind: label(&p.kind),
                })
                .collect(),
            heatmap: DataHeatmap {
                packages: self.heat.clone(),
                cells: self
                    .cells
                    .iter()
                    .filter(|(&(r, c), &n)| n > 0 && shown.contains(&r) && shown.contains(&c))
                    .map(|(&(r, c), &n)| [r as u64, c as u64, n])
                    .collect(),
            },
            summary: &report.summary,
        }
    }

    fn packages_of(&self, class: &CloneReport) -> BTreeSet<usize> {
        class.fragments.iter().filter_map(|f| self.by_path.get(&f.package_path).copied()).collect()
    }

    fn overlaps(&self, h: &mut String, report: &Report) {
        w!(h, "<section id=\"overlaps\">\n<h2>Overlaps</h2>\n");
        if self.heat.is_empty() {
            w!(h, "<p>No package shares copied lines with another.</p>\n</section>\n");
            return;
        }
        w!(
            h,
            "<p>Each cell: lines of the row's package that also stand in the column's package; the colour is their share of the row package's lines (darker is more). Hover a cell for the files; click it to list those clones.</p>\n"
        );
        if self.heat_left_out > 0 {
            w!(
                h,
                "<p class=\"note\">{} more packages share lines with others; the {MAX_HEATMAP} with the most overlap are shown (all pairs are in the JSON report).</p>\n",
                self.heat_left_out
            );
        }
        // Top shared files per cell: the row package's files holding fragments of classes
        // that also stand in the column package.
        let shown: BTreeMap<usize, usize> = self.heat.iter().enumerate().map(|(i, &p)| (p, i)).collect();
        let mut files: BTreeMap<(usize, usize), BTreeMap<&str, u64>> = BTreeMap::new();
        for class in report.clones.iter().flatten() {
            let pk: Vec<Option<usize>> = class
                .fragments
                .iter()
                .map(|f| self.by_path.get(&f.package_path).copied().filter(|p| shown.contains_key(p)))
                .collect();
            let set: BTreeSet<usize> = pk.iter().flatten().copied().collect();
            if set.len() < 2 {
                continue;
            }
            for (f, p) in class.fragments.iter().zip(&pk) {
                let Some(p) = *p else { continue };
                for &q in &set {
                    if q != p {
                        let lines = u64::from(f.end_line.saturating_sub(f.start_line) + 1);
                        *files.entry((p, q)).or_default().entry(f.file.as_str()).or_insert(0) += lines;
                    }
                }
            }
        }
        w!(h, "<div class=\"heatwrap\"><table id=\"heatmap\" class=\"heatmap\">\n<thead><tr><th class=\"corner\">lines of ↓ in →</th>");
        for &c in &self.heat {
            let p = &report.packages[c];
            w!(
                h,
                "<th class=\"col {}\" title=\"{}\"><span>{}</span></th>",
                label(&p.kind),
                esc(&p.path),
                esc(&cut_label(&p.name, 22))
            );
        }
        w!(h, "</tr></thead>\n<tbody>\n");
        for &r in &self.heat {
            let p = &report.packages[r];
            w!(
                h,
                "<tr><th class=\"row {}\" title=\"{} ({} lines)\">{}</th>",
                label(&p.kind),
                esc(&p.path),
                p.lines,
                esc(&cut_label(&p.name, 28))
            );
            for &c in &self.heat {
                if r == c {
                    w!(h, "<td class=\"self\"></td>");
                    continue;
                }
                let n = self.cells.get(&(r, c)).copied().unwrap_or(0);
                let share = if p.lines == 0 { 0.0 } else { (n as f64 / p.lines as f64).min(1.0) };
                // The colour follows the square root of the share, so that 1 % still shows.
                let tint = share.sqrt();
                let q = &report.packages[c];
                if n == 0 {
                    w!(h, "<td class=\"pair\" data-r=\"{r}\" data-c=\"{c}\" data-lines=\"0\"></td>");
                    continue;
                }
                let mut tip = format!(
                    "{} lines of {} ({:.1}% of its {} lines) stand in {}",
                    num(n),
                    crate::escape::text(&p.path),
                    share * 100.0,
                    num(p.lines),
                    crate::escape::text(&q.path)
                );
                if let Some(fs) = files.get(&(r, c)) {
                    let mut top: Vec<(&&str, &u64)> = fs.iter().collect();
                    top.sort_by_key(|(f, n)| (std::cmp::Reverse(**n), **f));
                    tip.push_str("\ntop shared files:");
                    for (f, n) in top.iter().take(5) {
                        let _ = write!(tip, "\n{} ({} lines)", crate::escape::text(f), n);
                    }
                    if top.len() > 5 {
                        let _ = write!(tip, "\n… {} more files", top.len() - 5);
                    }
                }
                w!(
                    h,
                    "<td class=\"pair\" data-r=\"{r}\" data-c=\"{c}\" data-lines=\"{n}\" style=\"--s:{:.3}\" title=\"{}\"><a href=\"#clones\">{}</a></td>",
                    tint,
                    esc(&tip).replace('\n', "&#10;"),
                    short(n)
                );
            }
            w!(h, "</tr>\n");
        }
        w!(h, "</tbody></table></div>\n</section>\n");
    }

    fn graph(&self, h: &mut String, report: &Report, limits: &Limits) {
        w!(h, "<section id=\"graph\">\n<h2>Package graph</h2>\n");
        let Some(g) = &report.graph else {
            w!(h, "<p>The graph was not built.</p></section>\n");
            return;
        };
        // Nodes: apps, then libraries, then the root, each by path.
        let mut nodes: Vec<usize> = (0..report.packages.len()).collect();
        nodes.sort_by_key(|&p| (kind_rank(report.packages[p].kind), report.packages[p].path.clone()));
        let slot: BTreeMap<usize, usize> = nodes.iter().enumerate().map(|(i, &p)| (p, i)).collect();
        // Package edges and cycles name packages: the first package (in node order) of a name.
        let mut by_name: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, &p) in nodes.iter().enumerate() {
            by_name.entry(report.packages[p].name.as_str()).or_insert(i);
        }
        let mut in_cycle: BTreeMap<usize, usize> = BTreeMap::new();
        for (k, c) in g.cycles.iter().filter(|c| c.level == Level::Package).enumerate() {
            for n in &c.nodes {
                if let Some(&i) = by_name.get(n.as_str()) {
                    in_cycle.insert(i, k);
                }
            }
        }
        let mut violated: BTreeMap<(usize, usize), BTreeSet<&'static str>> = BTreeMap::new();
        for v in &g.violations {
            let Some(to) = &v.to else { continue };
            let (Some(&a), Some(&b)) =
                (slot.get(&report.owner_of(&v.from).index()), slot.get(&report.owner_of(to).index()))
            else {
                continue;
            };
            violated.entry((a, b)).or_default().insert(v.rule.as_str());
        }
        let labels: Vec<String> = nodes.iter().map(|&p| cut_label(&report.packages[p].name, 26)).collect();
        let widths: Vec<f64> = labels.iter().map(|l| 7.0 * l.chars().count() as f64 + 20.0).collect();
        let edges: Vec<(usize, usize, &crate::graph::PackageEdge)> = g
            .package_edges
            .iter()
            .filter_map(|e| Some((*by_name.get(e.from.as_str())?, *by_name.get(e.to.as_str())?, e)))
            .filter(|(a, b, _)| a != b)
            .collect();
        let lay = layout::layered(&widths, &edges.iter().map(|&(a, b, _)| (a, b)).collect::<Vec<_>>());
        w!(
            h,
            "<p>{} packages, {} package edges (imports between packages, counted on the edge), {} package cycles, {} violations. Apps are drawn <span class=\"key app\">like this</span>, libraries <span class=\"key library\">like this</span>, the root <span class=\"key root\">like this</span>; <span class=\"key cycle\">red</span> edges close a cycle, <span class=\"key violation\">orange</span> ones break a rule. Click a package to show only its edges.</p>\n",
            report.packages.len(),
            g.package_edges.len(),
            g.cycles.iter().filter(|c| c.level == Level::Package).count(),
            g.violations.len()
        );
        let (wd, ht) = (lay.width.ceil(), lay.height.ceil());
        w!(
            h,
            "<div class=\"graphwrap\"><svg id=\"graph-svg\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {wd} {ht}\" width=\"{wd}\" height=\"{ht}\" role=\"img\" aria-label=\"package graph\">\n"
        );
        w!(
            h,
            "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"9\" markerHeight=\"9\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"arrowhead\"/></marker></defs>\n<g class=\"edges\">\n"
        );
        let half = layout::NODE_HEIGHT / 2.0;
        let mut labels_svg = String::new();
        for (k, &(a, b, e)) in edges.iter().enumerate() {
            let (pa, pb) = (lay.pos[a], lay.pos[b]);
            let cycle = matches!((in_cycle.get(&a), in_cycle.get(&b)), (Some(x), Some(y)) if x == y);
            let rules = violated.get(&(a, b));
            let (y1, y2) = if pa.1 < pb.1 {
                (pa.1 + half, pb.1 - half)
            } else if pa.1 > pb.1 {
                (pa.1 - half, pb.1 + half)
            } else {
                (pa.1 - half, pb.1 - half)
            };
            // Through the points the layout keeps for it, one vertical-tangent cubic per hop.
            let mut points = vec![(pa.0, y1)];
            points.extend(lay.routes[k].iter().copied());
            points.push((pb.0, y2));
            let mut d = format!("M{:.1},{:.1}", points[0].0, points[0].1);
            for hop in points.windows(2) {
                let ((x1, h1), (x2, h2)) = (hop[0], hop[1]);
                let bend = if (h2 - h1).abs() < 1.0 { -40.0 } else { (h2 - h1) / 2.0 };
                let (c1, c2) =
                    if (h2 - h1).abs() < 1.0 { (h1 + bend, h2 + bend) } else { (h1 + bend, h2 - bend) };
                let _ = write!(d, " C{x1:.1},{c1:.1} {x2:.1},{c2:.1} {x2:.1},{h2:.1}");
            }
            // The label at the middle of the middle hop (t = 1/2 of its cubic).
            let mid = points.len() / 2;
            let ((x1, h1), (x2, h2)) = (points[mid - 1], points[mid]);
            let (mx, my) = ((x1 + x2) / 2.0, (h1 + h2) / 2.0);
            let mut class = String::from("edge");
            if cycle {
                class.push_str(" cycle");
            }
            if rules.is_some() {
                class.push_str(" violation");
            }
            if e.type_only {
                class.push_str(" type-only");
            }
            let width = 1.0 + (f64::from(e.imports)).log10().clamp(0.0, 3.0);
            let mut tip = format!(
                "{} → {}: {} imports",
                crate::escape::text(&e.from),
                crate::escape::text(&e.to),
                e.imports
            );
            if e.type_only {
                tip.push_str(" (type-only)");
            }
            if let Some(r) = rules {
                let _ = write!(tip, "; violations: {}", r.iter().copied().collect::<Vec<_>>().join(", "));
            }
            w!(
                h,
                "<path class=\"{class}\" data-a=\"{a}\" data-b=\"{b}\" d=\"{d}\" stroke-width=\"{:.2}\" marker-end=\"url(#arrow)\"><title>{}</title></path>\n",
                width, esc(&tip)
            );
            if edges.len() <= MAX_EDGE_LABELS {
                w!(labels_svg, "<text class=\"elabel\" data-a=\"{a}\" data-b=\"{b}\" x=\"{mx:.1}\" y=\"{:.1}\">{}</text>\n", my + 4.0, e.imports);
            }
        }
        w!(h, "</g>\n<g class=\"elabels\">\n{labels_svg}</g>\n<g class=\"nodes\">\n");
        for (i, &p) in nodes.iter().enumerate() {
            let pk = &report.packages[p];
            let (x, y) = lay.pos[i];
            let cycle = if in_cycle.contains_key(&i) { " cycle" } else { "" };
            w!(
                h,
                "<g class=\"node {}{cycle}\" data-i=\"{i}\" data-package=\"{p}\" transform=\"translate({:.1},{:.1})\"><title>{} ({}) · {} · {} files, {} lines · imports out {}, in {}</title><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{}\" rx=\"6\"/><text y=\"4\">{}</text></g>\n",
                label(&pk.kind),
                x,
                y,
                esc(&pk.name),
                esc(&pk.path),
                label(&pk.kind),
                pk.files,
                pk.lines,
                pk.imports_out,
                pk.imports_in,
                -widths[i] / 2.0,
                -half,
                widths[i],
                layout::NODE_HEIGHT,
                esc(&labels[i])
            );
        }
        w!(h, "</g>\n</svg></div>\n");
        let cycles: Vec<_> = g.cycles.iter().filter(|c| c.level == Level::Package).collect();
        if !cycles.is_empty() {
            w!(h, "<h3>Package cycles</h3>\n<ul>");
            for c in cycles.iter().take(limits.list_rows) {
                w!(h, "<li><code>{}</code></li>", esc(&c.example.join(" → ")));
            }
            w!(h, "</ul>\n");
        }
        let file_cycles = g.cycles.iter().filter(|c| c.level == Level::File).count();
        if file_cycles > 0 {
            w!(h, "<details><summary>File cycles ({file_cycles})</summary><ul>");
            for c in g.cycles.iter().filter(|c| c.level == Level::File).take(limits.list_rows) {
                w!(h, "<li><code>{}</code></li>", esc(&c.example.join(" → ")));
            }
            more(h, file_cycles, limits.list_rows);
            w!(h, "</ul></details>\n");
        }
        if !g.violations.is_empty() {
            w!(h, "<h3>Violations ({})</h3>\n<table class=\"list\"><thead><tr><th>rule</th><th>file</th><th>import</th><th>message</th></tr></thead><tbody>\n", g.violations.len());
            for v in g.violations.iter().take(limits.list_rows) {
                w!(
                    h,
                    "<tr><td>{}</td><td><code>{}:{}</code></td><td><code>{}</code></td><td>{}</td></tr>\n",
                    v.rule.as_str(),
                    esc(&v.from),
                    v.line,
                    esc(&v.specifier),
                    esc(&v.message)
                );
            }
            w!(h, "</tbody></table>\n");
            more_p(h, g.violations.len(), limits.list_rows);
        }
        w!(h, "</section>\n");
    }

    fn clones(&self, h: &mut String, report: &Report, root: &Path, limits: &Limits) {
        w!(h, "<section id=\"clones\">\n<h2>Clones</h2>\n");
        let Some(classes) = &report.clones else {
            w!(h, "<p>Clones were not looked for.</p></section>\n");
            return;
        };
        if classes.is_empty() {
            w!(h, "<p>No clone classes.</p></section>\n");
            return;
        }
        let mut order: Vec<usize> = (0..classes.len()).collect();
        order.sort_by_key(|&i| (std::cmp::Reverse(classes[i].lines), i));
        let listed = order.len().min(limits.clone_rows);
        w!(
            h,
            "<p>{} clone classes{}. The largest come first; open one to see its copies side by side, the tokens that differ from the first copy marked.</p>\n",
            num(classes.len() as i128),
            if listed < classes.len() { format!(", the {listed} largest listed here (all are in the JSON report)") } else { String::new() }
        );
        let mut pkgs: BTreeSet<usize> = BTreeSet::new();
        let rows: Vec<(usize, BTreeSet<usize>)> = order[..listed]
            .iter()
            .map(|&i| {
                let p = self.packages_of(&classes[i]);
                pkgs.extend(&p);
                (i, p)
            })
            .collect();
        w!(h, "<div class=\"controls js-only\"><input type=\"search\" id=\"clone-q\" placeholder=\"filter by path or package\" aria-label=\"filter by path or package\"> <select id=\"clone-pkg\" aria-label=\"package\"><option value=\"\">every package</option>");
        let mut by_path: Vec<usize> = pkgs.into_iter().collect();
        by_path.sort_by_key(|&p| report.packages[p].path.clone());
        for p in by_path {
            w!(h, "<option value=\"{p}\">{}</option>", esc(&report.packages[p].path));
        }
        w!(h, "</select> <span id=\"clone-status\"></span> <button type=\"button\" id=\"clone-clear\" hidden>show all</button> <span id=\"clone-count\"></span></div>\n");
        w!(
            h,
            "<div class=\"clonehead\"><span>class</span><span>kind</span><button type=\"button\" data-key=\"lines\">lines</button><button type=\"button\" data-key=\"tokens\">tokens</button><button type=\"button\" data-key=\"frags\">copies</button><button type=\"button\" data-key=\"pkgs\">packages</button><span>where</span></div>\n<div id=\"clone-list\">\n"
        );
        let mut sources = Sources::default();
        let mut budget = limits.code_bytes;
        let mut left_out = 0usize;
        for (rank, (i, p)) in rows.iter().enumerate() {
            let c = &classes[*i];
            let pl: Vec<String> = p.iter().map(usize::to_string).collect();
            let n: usize = c.id.trim_start_matches('C').parse().unwrap_or(*i + 1);
            w!(
                h,
                "<details class=\"clone\" id=\"{}\" data-n=\"{n}\" data-p=\"{}\" data-lines=\"{}\" data-tokens=\"{}\" data-frags=\"{}\" data-pkgs=\"{}\"><summary><span class=\"cid\">{}</span><span class=\"kind {}\">{}{}</span><span class=\"num\">{}</span><span class=\"num\">{}</span><span class=\"num\">{}</span><span class=\"num\">{}</span><span class=\"where\">",
                esc(&c.id),
                pl.join(" "),
                c.lines,
                c.tokens,
                c.fragments.len(),
                p.len(),
                esc(&c.id),
                label(&c.kind),
                label(&c.kind),
                if label(&c.scope) == "file" { " file" } else { "" },
                c.lines,
                c.tokens,
                c.fragments.len(),
                p.len()
            );
            let wh: Vec<&str> = c.fragments.iter().take(2).map(|f| f.file.as_str()).collect();
            w!(h, "{}", esc(&wh.join(", ")));
            if c.fragments.len() > 2 {
                w!(h, " … +{}", c.fragments.len() - 2);
            }
            w!(h, "</span></summary>\n<ol class=\"frags\">");
            for f in c.fragments.iter().take(limits.fragments_listed) {
                w!(
                    h,
                    "<li><code>{}:{}-{}</code> <span class=\"pkg\">{}</span></li>",
                    esc(&f.file),
                    f.start_line,
                    f.end_line,
                    esc(&f.package)
                );
            }
            if c.fragments.len() > limits.fragments_listed {
                w!(h, "<li>… {} more</li>", c.fragments.len() - limits.fragments_listed);
            }
            w!(h, "</ol>\n");
            let sim = format!("{:.2}", c.similarity);
            w!(
                h,
                "<p class=\"meta\">fingerprint <code>{}</code> · similarity {sim}</p>\n",
                esc(&c.fingerprint)
            );
            if rank < limits.code_classes {
                match code::sides(c, root, &mut sources, limits, budget) {
                    Ok(html) => {
                        budget -= html.len();
                        h.push_str(&html);
                    }
                    Err(_) => {
                        left_out += 1;
                        w!(h, "<p class=\"note capped\">Code not embedded: the page's code budget ({} bytes) is spent.</p>", limits.code_bytes);
                    }
                }
            } else {
                left_out += 1;
                w!(h, "<p class=\"note capped\">Code not embedded: only the {} largest classes carry their code.</p>", limits.code_classes);
            }
            w!(h, "</details>\n");
        }
        w!(h, "</div>\n");
        if left_out > 0 || listed < classes.len() {
            w!(
                h,
                "<p class=\"note\" id=\"clone-cap\">Size cap: code embedded for {} of {} listed classes ({} left out); {} of {} classes listed. See docs/html.md.</p>\n",
                listed - left_out,
                listed,
                left_out,
                listed,
                classes.len()
            );
        }
        w!(h, "</section>\n");
    }
}

fn cut_label(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}

fn more(h: &mut String, total: usize, shown: usize) {
    if total > shown {
        w!(h, "<li class=\"more\">… and {} more</li>", total - shown);
    }
}

fn more_p(h: &mut String, total: usize, shown: usize) {
    if total > shown {
        w!(h, "<p class=\"more\">… and {} more (see the JSON report).</p>\n", total - shown);
    }
}

fn summary(h: &mut String, report: &Report) {
    let s = &report.summary;
    w!(h, "<section id=\"summary\">\n<h2>Summary</h2>\n<dl class=\"cards\">\n");
    let mut card = |name: &str, value: String, note: String| {
        w!(h, "<div class=\"card\"><dt>{name}</dt><dd>{value}</dd>");
        if !note.is_empty() {
            w!(h, "<dd class=\"sub\">{note}</dd>");
        }
        w!(h, "</div>\n");
    };
    card("files", num(s.files as i128), format!("{} lines, {} code", num(s.lines), num(s.code_lines)));
    let apps = report.packages.iter().filter(|p| p.kind == PackageKind::App).count();
    let libs = report.packages.iter().filter(|p| p.kind == PackageKind::Library).count();
    card("packages", num(s.packages as i128), format!("{apps} apps, {libs} libraries"));
    if let (Some(d), Some(p)) = (s.duplicated_lines, s.duplication_percent) {
        card(
            "duplication",
            format!("{p:.1}%"),
            format!(
                "{} lines, renamed or exact, in {} classes",
                num(d),
                num(s.clone_classes.unwrap_or(0) as i128)
            ),
        );
    }
    if let (Some(d), Some(p)) = (s.duplicated_lines_exact, s.duplication_percent_exact) {
        card("exact duplication", format!("{p:.1}%"), format!("{} lines", num(d)));
    }
    if let Some(f) = s.forks {
        card("forks", num(f as i128), "apps mostly copied from another".into());
    }
    if let Some(c) = s.cycles {
        card("cycles", num(c as i128), "file and package".into());
    }
    if let Some(v) = s.violations {
        card("violations", num(v as i128), "dependency rules".into());
    }
    if let Some(u) = s.unresolved {
        card(
            "unresolved imports",
            num(u as i128),
            format!("of {} imports", num(s.edges.unwrap_or(0) as i128)),
        );
    }
    if let Some(t) = s.estimated_savings_lines {
        card("plan savings", format!("{} lines", num(t)), format!("{} items", s.plan_items.unwrap_or(0)));
    }
    card("diagnostics", num(report.diagnostics.len() as i128), format!("{} parse errors", s.parse_errors));
    w!(h, "</dl>\n</section>\n");
}

fn plan(h: &mut String, report: &Report, limits: &Limits) {
    w!(h, "<section id=\"plan\">\n<h2>Forks and plan</h2>\n");
    if let Some(forks) = report.forks.as_ref().filter(|f| !f.is_empty()) {
        w!(h, "<h3>Forks</h3>\n<table class=\"list\" id=\"forks\"><thead><tr><th>app</th><th>is mostly a copy of</th><th class=\"n\">identical files</th><th class=\"n\">near files</th><th class=\"n\">extra files</th><th class=\"n\">shared lines</th><th class=\"n\">share</th><th>recommendation</th></tr></thead><tbody>\n");
        for f in forks {
            w!(
                h,
                "<tr><td><code>{}</code></td><td><code>{}</code></td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{:.0}%</td><td>{}</td></tr>\n",
                esc(&f.app),
                esc(&f.of),
                f.identical_files,
                f.near_files,
                f.extra_files,
                num(f.shared_lines),
                f.share * 100.0,
                esc(&f.recommendation)
            );
        }
        w!(h, "</tbody></table>\n");
    }
    let Some(items) = &report.plan else {
        w!(h, "<p>No plan was made.</p></section>\n");
        return;
    };
    w!(h, "<h3>Extraction plan</h3>\n");
    if items.is_empty() {
        w!(h, "<p>Nothing is copied between packages.</p></section>\n");
        return;
    }
    w!(h, "<table class=\"list\" id=\"plan-table\"><thead><tr><th>item</th><th>concern</th><th>action</th><th class=\"n\">copies</th><th class=\"n\">files</th><th class=\"n\">saves</th><th>blocked</th></tr></thead><tbody>\n");
    for p in items {
        w!(
            h,
            "<tr><td><a href=\"#plan-{}\">{}</a></td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>\n",
            esc(&p.id),
            esc(&p.id),
            p.concern.as_str(),
            esc(&super::plan_table::action(p)),
            p.copies,
            p.files.len(),
            num(p.savings_lines),
            if p.blocked { "yes" } else { "" }
        );
    }
    w!(h, "</tbody></table>\n");
    for p in items.iter().take(limits.list_rows) {
        item(h, p, limits);
    }
    more_p(h, items.len(), limits.list_rows);
    w!(h, "</section>\n");
}

fn item(h: &mut String, p: &PlanItem, limits: &Limits) {
    w!(
        h,
        "<article class=\"item\" id=\"plan-{}\"><h4>{} · {} <code>{}</code> → {}{}</h4>\n",
        esc(&p.id),
        esc(&p.id),
        p.concern.as_str(),
        esc(&p.theme),
        esc(&super::plan_table::action(p)),
        if p.blocked { " <span class=\"badge blocked\">blocked</span>" } else { "" }
    );
    let mut leaves: Vec<String> = p.apps.iter().map(|a| format!("<code>{}</code>", esc(a))).collect();
    leaves.extend(p.libraries.iter().map(|l| format!("<code>{}</code> (library)", esc(l))));
    w!(h, "<p>Leaves {}. ", leaves.join(", "));
    w!(
        h,
        "Saves <b>{}</b> lines: {} removed from the copies, {} moved into the package, {} import lines added, {} for the new package; {} imports rewritten.</p>\n",
        num(p.savings_lines),
        p.savings.removed_lines,
        p.savings.moved_lines,
        p.savings.import_lines,
        p.savings.package_overhead,
        p.savings.import_rewrites
    );
    if !p.per_app.is_empty() {
        let max = p.per_app.iter().map(|a| a.lines_now.max(a.lines_after)).max().unwrap_or(1).max(1) as f64;
        w!(h, "<div class=\"bars\" role=\"list\">");
        for a in &p.per_app {
            w!(
                h,
                "<div class=\"bar\" role=\"listitem\" title=\"{}: {} lines now, {} after ({} removed, {} moved, {} import lines)\"><span class=\"blabel\">{}</span><span class=\"track\"><span class=\"now\" style=\"width:{:.1}%\"></span><span class=\"after\" style=\"width:{:.1}%\"></span></span><span class=\"bnum\">{} → {}</span></div>",
                esc(&a.package),
                a.lines_now,
                a.lines_after,
                a.lines_removed,
                a.lines_moved,
                a.import_lines,
                esc(&cut_label(&a.name, 30)),
                a.lines_now as f64 * 100.0 / max,
                a.lines_after as f64 * 100.0 / max,
                num(a.lines_now),
                num(a.lines_after)
            );
        }
        w!(h, "</div>\n");
    }
    w!(h, "<details><summary>Files to move ({}), the copy kept</summary><ul>", p.files.len());
    for f in p.files.iter().take(limits.list_rows) {
        w!(h, "<li><code>{}</code></li>", esc(f));
    }
    more(h, p.files.len(), limits.list_rows);
    w!(h, "</ul>");
    if !p.closure.is_empty() {
        w!(h, "<p>Modules that move along (identical in every app): ");
        let c: Vec<String> =
            p.closure.iter().take(limits.list_rows).map(|c| format!("<code>{}</code>", esc(c))).collect();
        w!(h, "{}</p>", c.join(", "));
    }
    w!(
        h,
        "</details>\n<details><summary>Units ({}), every copy (kept copy in bold)</summary><ul>",
        p.units.len()
    );
    for u in p.units.iter().take(limits.list_rows) {
        let copies: Vec<String> = u
            .copies
            .iter()
            .map(|c| {
                let at = format!("<code>{}:{}-{}</code>", esc(&c.file), c.start_line, c.end_line);
                if c.kept {
                    format!("<b>{at}</b>")
                } else {
                    at
                }
            })
            .collect();
        w!(
            h,
            "<li><code>{}</code> ({}, {} lines): {}</li>",
            esc(&u.name),
            label(&u.kind),
            u.lines,
            copies.join(", ")
        );
    }
    more(h, p.units.len(), limits.list_rows);
    w!(h, "</ul></details>\n");
    if !p.dependencies.is_empty() {
        let drift = p.dependencies.iter().filter(|d| d.drift).count();
        w!(
            h,
            "<details{}><summary>Dependencies ({}, {} with version drift)</summary><ul>",
            if drift > 0 { " open" } else { "" },
            p.dependencies.len(),
            drift
        );
        for d in p.dependencies.iter().take(limits.list_rows) {
            let versions: Vec<String> =
                d.versions.iter().map(|(a, v)| format!("{} {}", esc(a), esc(v))).collect();
            w!(
                h,
                "<li{}><code>{}</code> ({}){}{}</li>",
                if d.drift { " class=\"drift\"" } else { "" },
                esc(&d.name),
                label(&d.kind),
                if versions.is_empty() { String::new() } else { format!(": {}", versions.join(", ")) },
                if d.drift { " — <b>version drift</b>" } else { "" }
            );
        }
        more(h, p.dependencies.len(), limits.list_rows);
        w!(h, "</ul></details>\n");
    }
    if !p.blockers.is_empty() {
        let blockers = p.blockers.iter().filter(|b| b.severity == Severity::Blocker).count();
        w!(
            h,
            "<details{}><summary>Blockers ({blockers}) and warnings ({})</summary><ul>",
            if blockers > 0 { " open" } else { "" },
            p.blockers.len() - blockers
        );
        for b in p.blockers.iter().take(limits.list_rows) {
            let at = if b.line > 0 { format!("{}:{}", b.file, b.line) } else { b.file.clone() };
            let sev = if b.severity == Severity::Blocker { "blocker" } else { "warning" };
            w!(
                h,
                "<li class=\"{sev}\"><span class=\"badge {sev}\">{sev}</span> <code>{}</code>: {}</li>",
                esc(&at),
                esc(&b.message)
            );
        }
        more(h, p.blockers.len(), limits.list_rows);
        w!(h, "</ul></details>\n");
    }
    w!(h, "</article>\n");
}

fn diagnostics(h: &mut String, report: &Report, limits: &Limits) {
    w!(h, "<section id=\"diagnostics\">\n<h2>Diagnostics</h2>\n");
    if report.diagnostics.is_empty() {
        w!(h, "<p>No diagnostics.</p>\n");
    }
    let mut by_code: BTreeMap<&str, Vec<&crate::diagnostic::Diagnostic>> = BTreeMap::new();
    for d in &report.diagnostics {
        by_code.entry(d.code.as_str()).or_default().push(d);
    }
    for (code, ds) in &by_code {
        w!(h, "<details class=\"diag\" open><summary><code>{code}</code> ({})</summary><table class=\"list\"><thead><tr><th>where</th><th>severity</th><th>message</th></tr></thead><tbody>\n", ds.len());
        for d in ds.iter().take(limits.list_rows) {
            let mut at = esc(&d.file);
            if d.line > 0 {
                at.push_str(&format!(":{}", d.line));
                if d.column > 0 {
                    at.push_str(&format!(":{}", d.column));
                }
            }
            w!(
                h,
                "<tr><td><code>{at}</code></td><td>{}</td><td>{}</td></tr>\n",
                d.severity.as_str(),
                esc(&d.message)
            );
        }
        w!(h, "</tbody></table>");
        more_p(h, ds.len(), limits.list_rows);
        w!(h, "</details>\n");
    }
    if let Some(g) = &report.graph {
        let mut by_reason: BTreeMap<&str, Vec<&super::EdgeReport>> = BTreeMap::new();
        for e in g.edges.iter().filter(|e| e.resolution == Resolution::Unresolved) {
            by_reason.entry(e.reason.as_deref().unwrap_or("unknown")).or_default().push(e);
        }
        if !by_reason.is_empty() {
            w!(h, "<h3>Unresolved imports</h3>\n");
        }
        for (reason, es) in &by_reason {
            w!(h, "<details class=\"unresolved\"><summary><code>{}</code> ({})</summary><table class=\"list\"><thead><tr><th>file</th><th>import</th></tr></thead><tbody>\n", esc(reason), es.len());
            for e in es.iter().take(limits.list_rows) {
                w!(
                    h,
                    "<tr><td><code>{}:{}</code></td><td><code>{}</code></td></tr>\n",
                    esc(&e.from),
                    e.line,
                    esc(&e.specifier)
                );
            }
            w!(h, "</tbody></table>");
            more_p(h, es.len(), limits.list_rows);
            w!(h, "</details>\n");
        }
    }
    w!(h, "</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_hidden_characters() {
        assert_eq!(esc("<img src=x onerror=alert(1)>.tsx"), "&lt;img src=x onerror=alert(1)&gt;.tsx");
        assert_eq!(esc("a\"b'c&d"), "a&quot;b&#39;c&amp;d");
        assert_eq!(esc("x\u{1b}[2J\u{202e}"), "x\\x1b[2J\\u{202e}");
    }

    #[test]
    fn embedded_json_cannot_close_the_script_block() {
        let s = script_json(&["</script><script>alert(1)</script>", "<!--", "a\u{2028}b&"]);
        assert!(!s.contains('<') && !s.contains('>') && !s.contains('&') && !s.contains('\u{2028}'), "{s}");
        let back: Vec<String> = serde_json::from_str(&s).unwrap();
        assert_eq!(back, ["</script><script>alert(1)</script>", "<!--", "a\u{2028}b&"]);
    }

    #[test]
    fn base64_and_sha256_match_known_values() {
        assert_eq!(base64(b"ab"), "YWI=");
        assert_eq!(base64(b"abc"), "YWJj");
        assert_eq!(base64(b"a"), "YQ==");
        // echo -n abc | sha256sum
        assert_eq!(base64(&sha256(b"abc")), "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
    }

    /// Two apps with `n` copied files each, every file a different function: `n`-ish classes.
    fn copied_tree(n: usize) -> (tempfile::TempDir, Report) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("package.json"), r#"{"name":"r","private":true,"workspaces":["apps/*"]}"#)
            .unwrap();
        for app in ["a", "b"] {
            let src = root.join("apps").join(app).join("src");
            std::fs::create_dir_all(&src).unwrap();
            std::fs::write(
                root.join("apps").join(app).join("package.json"),
                format!(r#"{{"name":"{app}"}}"#),
            )
            .unwrap();
            for i in 0..n {
                // Statement shapes spelled by the bits of i: a different token sequence per file.
                let mut body = String::new();
                for bit in 0..8 {
                    body.push_str(if i >> bit & 1 == 1 {
                        "  if (x > 2) { y.push(x * 3); } else { y.pop(); }\n"
                    } else {
                        "  for (const z of y) { x += z; }\n  x = x - 1;\n"
                    });
                }
                std::fs::write(
                    src.join(format!("f{i}.ts")),
                    format!("export function f{i}(x: number, y: number[]) {{\n{body}  return x;\n}}\n"),
                )
                .unwrap();
            }
        }
        let opts = crate::pipeline::Options {
            root: root.to_path_buf(),
            threads: 2,
            graph: true,
            clones: Some(crate::clones::CloneOptions::default()),
            plan: true,
            ..Default::default()
        };
        let scan = crate::pipeline::scan(&opts).unwrap();
        let report = Report::from_scan(&scan, "t");
        (dir, report)
    }

    fn page(report: &Report, root: &Path, limits: &Limits) -> String {
        let mut out = Vec::new();
        render_with(report, root, Part::Scan, limits, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn the_size_cap_bounds_rows_classes_with_code_and_code_bytes() {
        let (dir, report) = copied_tree(40);
        let classes = report.clones.as_ref().unwrap().len();
        assert!(classes >= 30, "{classes} classes");
        let all = page(&report, dir.path(), &Limits::DEFAULT);
        assert_eq!(all.matches("<details class=\"clone\"").count(), classes);
        assert_eq!(all.matches("<div class=\"sides\">").count(), classes);
        assert!(!all.contains("id=\"clone-cap\""), "nothing left out, no cap note");

        let few = Limits { clone_rows: 20, code_classes: 5, ..Limits::DEFAULT };
        let p = page(&report, dir.path(), &few);
        assert_eq!(p.matches("<details class=\"clone\"").count(), 20);
        assert_eq!(p.matches("<div class=\"sides\">").count(), 5);
        assert!(
            p.contains(&format!(
                "code embedded for 5 of 20 listed classes (15 left out); 20 of {classes} classes listed"
            )),
            "the page says what was left out"
        );

        let one_side = page(&report, dir.path(), &Limits { clone_rows: 1, ..Limits::DEFAULT });
        let start = one_side.find("<div class=\"sides\">").unwrap();
        let side_bytes = one_side[start..].find("</details>").unwrap();
        let budget = side_bytes * 3 + side_bytes / 2;
        let p = page(&report, dir.path(), &Limits { code_bytes: budget, ..Limits::DEFAULT });
        let embedded = p.matches("<div class=\"sides\">").count();
        assert!((1..=3).contains(&embedded), "{embedded} classes fit in {budget} bytes");
        let code: usize =
            p.split("<div class=\"sides\">").skip(1).map(|s| s.find("</details>").unwrap()).sum();
        assert!(code <= budget, "{code} bytes of code over the {budget} byte budget");
        assert!(p.contains("the page's code budget"));
    }

    #[test]
    fn the_page_is_the_same_for_the_same_report() {
        let (dir, report) = copied_tree(6);
        assert_eq!(page(&report, dir.path(), &Limits::DEFAULT), page(&report, dir.path(), &Limits::DEFAULT));
    }

    #[test]
    fn numbers_are_grouped() {
        assert_eq!(num(1234567u64), "1,234,567");
        assert_eq!(num(-1000i64), "-1,000");
        assert_eq!(short(12_345), "12.3k");
    }
}
