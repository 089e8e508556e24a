//! Issue 10, case 8: repository text (file and package names, specifiers, messages) cannot
//! drive the terminal, forge CI log lines or break Markdown, DOT and Mermaid syntax; JSON keeps
//! it exact.

mod common;

use common::{monodup, write};
use std::path::Path;

/// A file name that retitles the terminal (OSC 0, ended by BEL) and clears the screen.
const EVIL_FILE: &str = "apps/x`y/\x1b]0;pwned\x07\x1b[2J.ts";
/// A package name with a table separator and a code span.
const EVIL_PKG: &str = "evil|pkg`name`";

/// Code long enough to be a clone (the defaults: 50 tokens, 5 lines).
const SHARED: &str = "import { helper } from './missing\x1b[31m';\n\
export function format(items: string[], sep: string): string {\n\
  const out: string[] = [];\n\
  for (const item of items) {\n\
    if (item.length > 0 && item !== sep) {\n\
      out.push(item.trim().toLowerCase());\n\
    }\n\
  }\n\
  return out.join(sep) + helper(out.length, sep, items.length);\n\
}\n";

fn evil_repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "package.json", r#"{"name": "root", "private": true, "workspaces": ["apps/*"]}"#);
    write(root, "apps/x`y/package.json", &format!("{{\"name\": {:?}}}", EVIL_PKG));
    write(root, "apps/plain/package.json", r#"{"name": "plain"}"#);
    write(root, EVIL_FILE, SHARED);
    write(root, "apps/plain/src/copy.ts", SHARED);
    // A syntax error in a file whose name turns the terminal red: a diagnostic on stderr.
    write(root, "apps/plain/src/\x1b[31mred\u{202e}.ts", "export const = ;\n");
    dir
}

fn no_raw_controls(what: &str, s: &str) {
    let bad: Vec<char> = s
        .chars()
        .filter(|&c| (c.is_control() && c != '\n') || ('\u{202a}'..='\u{202e}').contains(&c))
        .collect();
    assert!(bad.is_empty(), "{what}: raw control characters {bad:?} in:\n{s}");
}

fn run(root: &Path, args: &[&str]) -> common::Run {
    let mut all = args.to_vec();
    all.push(root.to_str().unwrap());
    monodup(&all)
}

#[test]
fn terminal_and_markdown_injection_is_escaped() {
    let dir = evil_repo();
    let root = dir.path();
    for cmd in ["scan", "graph", "dups", "plan"] {
        for format in ["table", "markdown", "dot", "mermaid"] {
            // Markdown is for scan and plan; dot and mermaid for graph (any other is a usage error).
            let markdown = format == "markdown" && (cmd == "scan" || cmd == "plan");
            let drawing = (format == "dot" || format == "mermaid") && cmd == "graph";
            if format != "table" && !markdown && !drawing {
                continue;
            }
            let r = run(root, &[cmd, "--format", format]);
            assert_eq!(r.code, 0, "{cmd} {format}: {}", r.stderr);
            no_raw_controls(&format!("{cmd} --format {format} stdout"), &r.stdout);
            no_raw_controls(&format!("{cmd} --format {format} stderr"), &r.stderr);
        }
    }
    // The escaped name is shown, readable.
    let table = run(root, &["dups"]).stdout;
    assert!(table.contains("apps/x`y/\\x1b]0;pwned\\x07\\x1b[2J.ts"), "{table}");
    let graph = run(root, &["graph"]).stdout;
    assert!(graph.contains("./missing\\x1b[31m"), "{graph}");

    // Diagnostics on stderr: one line each, escaped.
    let r = run(root, &["graph", "--format", "json"]);
    let line = r.stderr.lines().find(|l| l.contains("red")).expect("syntax diagnostic");
    assert!(line.starts_with("apps/plain/src/\\x1b[31mred\\u{202e}.ts:"), "{line}");

    // Markdown: `|` does not split a cell; code spans survive backticks.
    let md = run(root, &["scan", "--format", "markdown"]).stdout;
    let row = md.lines().find(|l| l.contains("evil")).expect("package row");
    assert!(row.contains("evil\\|pkg\\`name\\`"), "{row}");
    assert!(row.contains("``apps/x`y``"), "{row}");
    let cells = row.replace("\\|", "").matches('|').count();
    assert_eq!(cells, 7, "six cells: {row}");

    // DOT: every quote that is not escaped opens or closes a string.
    let dot = run(root, &["graph", "--format", "dot", "--level", "package"]).stdout;
    for l in dot.lines() {
        assert_eq!(l.replace("\\\\", "").replace("\\\"", "").matches('"').count() % 2, 0, "{l}");
    }
    // Mermaid: labels hold no quote, bracket or backtick of their own.
    let mermaid = run(root, &["graph", "--format", "mermaid", "--level", "package"]).stdout;
    let label = mermaid.lines().find(|l| l.contains("evil")).expect("node");
    assert!(label.trim_start().ends_with("[\"evil|pkg#96;name#96;\"]"), "{label}");

    // JSON keeps the bytes exactly.
    let r = run(root, &["dups", "--format", "json", "--quiet"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let files: Vec<&str> =
        v["clones"][0]["fragments"].as_array().unwrap().iter().map(|f| f["file"].as_str().unwrap()).collect();
    assert!(files.contains(&EVIL_FILE), "{files:?}");
    assert!(v["packages"].as_array().unwrap().iter().any(|p| p["name"] == EVIL_PKG));
}

#[test]
fn check_formats_escape_repository_text() {
    let dir = evil_repo();
    let root = dir.path();
    for format in ["table", "github", "markdown"] {
        let r = run(root, &["check", "--format", format]);
        assert_eq!(r.code, 1, "{format}: {}{}", r.stdout, r.stderr);
        no_raw_controls(&format!("check --format {format}"), &r.stdout);
        no_raw_controls(&format!("check --format {format} stderr"), &r.stderr);
    }
    // Workflow commands: one per line, properties escaped as the runner wants.
    let gh = run(root, &["check", "--format", "github"]).stdout;
    assert!(gh.lines().all(|l| l.starts_with("::error ") || l.starts_with("::warning ")), "{gh}");
    assert!(gh.contains("file=apps/x`y/\\x1b]0;pwned\\x07\\x1b[2J.ts,line=2"), "{gh}");
    let md = run(root, &["check", "--format", "markdown"]).stdout;
    assert!(md.contains("``apps/x`y/\\x1b]0;pwned\\x07\\x1b[2J.ts:2-"), "{md}");
    // SARIF and JSON stay exact.
    let json = run(root, &["check", "--format", "json"]).stdout;
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(v["findings"].as_array().unwrap().iter().any(|f| f["file"] == EVIL_FILE), "{v}");
}

#[test]
fn errors_on_stderr_escape_repository_text() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "package.json", "{}");
    write(dir.path(), "monodup.toml", "[scan]\nexclude = [\"\\u001b[2J[\"]\n");
    let r = run(dir.path(), &["scan"]);
    assert_eq!(r.code, 2);
    no_raw_controls("config error", &r.stderr);
    assert!(r.stderr.contains("[scan] exclude") && r.stderr.contains("\\x1b[2J"), "{}", r.stderr);
}
