//! The fixtures' EXPECTED.md files are the specification of what monodup must find in them,
//! written by hand (independently of the code) as tables: every import edge with its line,
//! kind and target. tests/spec.rs holds the binary to each fixture's expect.json; these tests
//! hold the expect.json edges to the EXPECTED.md tables, so the two never drift apart, and check
//! that the output does not depend on the thread count.

mod common;

use common::{assert_same_output_at_threads, fixture};
use pretty_assertions::assert_eq;
use serde_json::Value;

/// `text` without one pair of surrounding backticks (and the padding of ``` `` `x` `` ```).
fn unquote(text: &str) -> String {
    let t = text.trim();
    if let Some(inner) = t.strip_prefix("`` ").and_then(|r| r.strip_suffix(" ``")) {
        return inner.to_string();
    }
    t.trim_matches('`').to_string()
}

/// One edge, the same shape for the expectation and for the report.
fn edge(
    from: &str,
    line: u64,
    spec: &str,
    kind: &str,
    type_only: bool,
    resolution: &str,
    target: &str,
) -> String {
    let ty = if type_only { " type" } else { "" };
    format!("{from}:{line} {spec} [{kind}{ty}] {resolution} {target}")
}

/// The edge tables of an EXPECTED.md: `#### `file` (package)` then `| line | spec | kind | …`.
fn expected_edges(md: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut file = None;
    for line in md.lines() {
        if let Some(rest) = line.strip_prefix("#### `") {
            file = rest.split('`').next().map(str::to_string);
            continue;
        }
        if line.starts_with("## ") {
            file = None;
        }
        let Some(from) = &file else { continue };
        let cells: Vec<&str> = line.split(" | ").collect();
        if !line.starts_with("| ") || cells.len() < 6 {
            continue;
        }
        let Ok(n) = cells[0].trim_start_matches("| ").trim().parse::<u64>() else { continue };
        let spec = unquote(cells[1]);
        let kind = cells[2].split_whitespace().next().unwrap();
        let type_only = cells[3].trim() == "yes";
        let resolution = cells[4].trim();
        let target = match resolution {
            "unresolved" => "-".to_string(),
            "external" => unquote(cells[5].trim().trim_start_matches("npm ")),
            "builtin" => unquote(cells[5]).trim_start_matches("node:").to_string(),
            _ => unquote(cells[5]),
        };
        out.push(edge(from, n, &spec, kind, type_only, resolution, &target));
    }
    out.sort();
    out
}

/// The edges of a fixture's expect.json, in the shape of [`expected_edges`].
fn spec_edges(name: &str) -> Vec<String> {
    let text = std::fs::read_to_string(fixture(name).join("expect.json")).unwrap();
    let spec: Value = serde_json::from_str(&text).unwrap();
    let mut out: Vec<String> = spec["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let resolution = e["resolution"].as_str().unwrap();
            let target = match resolution {
                "unresolved" => "-",
                "external" | "builtin" => e["package"].as_str().unwrap(),
                _ => e["to"].as_str().unwrap_or("?"),
            };
            edge(
                e["from"].as_str().unwrap(),
                e["line"].as_u64().unwrap(),
                e["specifier"].as_str().unwrap(),
                e["kind"].as_str().unwrap(),
                e["type_only"].as_bool().unwrap_or(false),
                resolution,
                target,
            )
        })
        .collect();
    out.sort();
    out
}

fn expected_md(name: &str) -> String {
    std::fs::read_to_string(fixture(name).join("EXPECTED.md")).unwrap()
}

#[test]
fn acme_frontend_edges_match_expected_md() {
    let expected = expected_edges(&expected_md("acme-frontend"));
    assert_eq!(expected.len(), 234);
    assert_eq!(spec_edges("acme-frontend"), expected);
}

#[test]
fn pnpm_exports_edges_match_expected_md() {
    let expected = expected_edges(&expected_md("pnpm-exports"));
    assert!(expected.len() > 40, "{}", expected.len());
    assert_eq!(spec_edges("pnpm-exports"), expected);
}

#[test]
fn json_is_byte_identical_across_thread_counts() {
    for name in ["acme-frontend", "pnpm-exports", "bad-input"] {
        let root = fixture(name);
        let run =
            assert_same_output_at_threads(&["graph", root.to_str().unwrap(), "--format", "json"], &[1, 8]);
        assert_eq!(run.code, 0, "{name}");
    }
}
