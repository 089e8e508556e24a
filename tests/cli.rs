//! The command line: output formats, `-o`, configuration, exit codes.

mod common;

use common::{fixture, monodup, report};
use std::fs;

fn acme() -> String {
    fixture("acme-frontend").to_str().unwrap().to_string()
}

#[test]
fn table_lists_packages_cycles_violations_and_diagnostics() {
    let run = monodup(&["graph", &acme()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = &run.stdout;
    assert!(out.starts_with("114 files, 3058 lines"), "{out}");
    for needle in [
        "@acme/dashboard",
        "frontend/apps/dashboard/src/lib/metrics/formatters.ts →",
        "app-to-app",
        "frontend/apps/admin/src/lib/analytics.ts:1",
        "undeclared-dependency",
        "./does-not-exist",
        "frontend/apps/docs/src/broken.tsx:8:15: error[syntax]",
    ] {
        assert!(out.contains(needle), "missing {needle:?} in:\n{out}");
    }
    // Data on stdout only: nothing on stderr for the table.
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

#[test]
fn scan_is_the_whole_audit() {
    let run = monodup(&["scan", &acme()]);
    assert_eq!(run.code, 0);
    // One screen: every stage's headline.
    for needle in [
        "114 files, 3058 lines (2625 code) in 11 packages (7 apps, 3 libraries)",
        "duplication: ",
        "graph: 234 imports (2 unresolved), 1 cycles, 7 violations",
        "Top extraction items",
        "estimated savings: ",
    ] {
        assert!(run.stdout.contains(needle), "missing {needle:?} in:\n{}", run.stdout);
    }
    assert!(run.stdout.lines().count() < 40, "{}", run.stdout);
}

#[test]
fn dot_and_mermaid_at_both_levels() {
    let dot = monodup(&["graph", &acme(), "--level", "package", "--format", "dot"]).stdout;
    assert!(dot.starts_with("digraph monodup {"), "{dot}");
    assert!(dot.contains("\"@acme/admin\" -> \"@acme/web\" [label=\"1\"];"), "{dot}");
    assert!(dot.contains("\"@acme/web\" -> \"@acme/types\" [label=\"1\", style=dashed];"), "{dot}");
    assert!(dot.trim_end().ends_with('}'));

    let dot = monodup(&["graph", &acme(), "--format", "dot"]).stdout;
    assert!(dot.contains("subgraph \"cluster_"), "{dot}");
    assert!(dot.contains(
        "\"frontend/apps/dashboard/src/lib/metrics/thresholds.ts\" -> \"frontend/apps/dashboard/src/lib/metrics/metrics-store.ts\";"
    ));

    let mermaid = monodup(&["graph", &acme(), "--level", "package", "--format", "mermaid"]).stdout;
    assert!(mermaid.starts_with("flowchart LR\n"), "{mermaid}");
    assert!(mermaid.contains("[\"@acme/ui\"]"), "{mermaid}");
    assert!(mermaid.contains("-.->|1|"), "type-only edges are dotted: {mermaid}");
    let mermaid = monodup(&["graph", &acme(), "--format", "mermaid"]).stdout;
    assert!(mermaid.contains("subgraph p"), "{mermaid}");
}

#[test]
fn output_file_is_written_whole_and_stdout_stays_empty() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("graph.json");
    let run = monodup(&["graph", &acme(), "--format", "json", "-q", "-o", path.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.is_empty());
    let v: serde_json::Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    common::assert_valid(&v);
    // Only the report is left in the folder: the temporary file was renamed, not copied, and
    // it is an ordinary file, not the temporary file's private mode.
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o644);
    // Writing into a folder that does not exist is a fatal error, exit 2.
    let bad = dir.path().join("missing/graph.json");
    assert_eq!(monodup(&["graph", &acme(), "-o", bad.to_str().unwrap()]).code, 2);
}

#[test]
fn config_forces_package_kinds_and_filters() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("monodup.toml");
    fs::write(
        &cfg,
        "[packages]\nlibraries = [\"frontend/apps/docs\"]\n\n[scan]\nexclude = [\"frontend/apps/studio\"]\n",
    )
    .unwrap();
    let r = report(&["graph", &acme(), "--config", cfg.to_str().unwrap()]);
    let docs = r["packages"].as_array().unwrap().iter().find(|p| p["name"] == "@acme/docs").unwrap();
    assert_eq!(docs["kind"], "library");
    let studio = r["packages"].as_array().unwrap().iter().find(|p| p["name"] == "@acme/studio").unwrap();
    assert_eq!(studio["files"], 0);
    // A flag overrides the config's list.
    let r = report(&["graph", &acme(), "--config", cfg.to_str().unwrap(), "--exclude", "**/*.tsx"]);
    let studio = r["packages"].as_array().unwrap().iter().find(|p| p["name"] == "@acme/studio").unwrap();
    assert_ne!(studio["files"], 0);
    assert!(r["graph"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| !e["from"].as_str().unwrap().ends_with(".tsx")));
}

#[test]
fn invalid_config_is_exit_2_naming_key_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("monodup.toml");
    fs::write(&cfg, "[scan]\ninclude = []\nexclud = [\"x\"]\n").unwrap();
    let run = monodup(&["graph", &acme(), "--config", cfg.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("exclud") && run.stderr.contains("line 3"), "{}", run.stderr);
    let run = monodup(&["graph", &acme(), "--exclude", "[bad"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--exclude"), "{}", run.stderr);
}

#[test]
fn diagnostics_go_to_stderr_for_machine_formats() {
    let run = monodup(&["graph", &acme(), "--format", "json"]);
    assert!(run.stderr.contains("frontend/apps/docs/src/broken.tsx:8:15: error[syntax]"), "{}", run.stderr);
    let quiet = monodup(&["graph", &acme(), "--format", "json", "--quiet"]);
    assert!(quiet.stderr.is_empty());
    assert_eq!(run.stdout, quiet.stdout);
}

/// Each command accepts its own formats: a wrong one is a usage error before any work (the
/// tree does not even have to exist).
#[test]
fn a_format_the_command_does_not_have_is_a_usage_error_before_the_scan() {
    for (cmd, format) in
        [("graph", "sarif"), ("graph", "markdown"), ("dups", "dot"), ("scan", "github"), ("check", "dot")]
    {
        let run = monodup(&[cmd, "/nonexistent/tree", "--format", format]);
        assert_eq!(run.code, 2, "{cmd} {format}");
        assert!(run.stderr.contains("invalid value"), "{cmd} {format}: {}", run.stderr);
    }
}

/// Settings name where their value came from.
#[test]
fn a_bad_setting_names_the_flag_or_the_key() {
    let root = common::fixture("clones");
    let run = monodup(&["dups", root.to_str().unwrap(), "--min-tokens", "1"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--min-tokens must be at least 2"), "{}", run.stderr);
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("monodup.toml");
    std::fs::write(&cfg, "[clones]\nmin_tokens = 1\n").unwrap();
    let run = monodup(&["dups", root.to_str().unwrap(), "--config", cfg.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("[clones] min_tokens in monodup.toml must be at least 2"), "{}", run.stderr);
}
