//! Bad input created at run time (it cannot be committed): symlink loops, dangling links,
//! absurdly deep nesting, unreadable files. Each must become a diagnostic naming the file while
//! the rest of the scan goes on.

mod common;

use common::{edge_lines, monodup, report, write};
use serde_json::Value;
use std::fs;

fn diagnostics(report: &Value) -> Vec<String> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| format!("{}:{} {}", d["file"].as_str().unwrap(), d["line"], d["code"].as_str().unwrap()))
        .collect()
}

#[test]
fn loops_dangling_links_and_deep_nesting_are_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "package.json", r#"{"name": "r", "workspaces": ["packages/*"]}"#);
    write(root, "packages/a/package.json", r#"{"name": "a"}"#);
    write(root, "packages/a/src/index.ts", "import { b } from './b';\nexport const a = b;\n");
    write(root, "packages/a/src/b.ts", "export const b = 1;\n");
    let depth = 20_000;
    write(
        root,
        "packages/a/src/deep.ts",
        &format!(
            "import {{ b }} from './b';\nexport const d = {}b{};\n",
            "(\n".repeat(depth),
            ")\n".repeat(depth)
        ),
    );
    std::os::unix::fs::symlink("..", root.join("packages/a/src/loop")).unwrap();
    std::os::unix::fs::symlink("missing.ts", root.join("packages/a/src/dangling.ts")).unwrap();

    let r = report(&["graph", root.to_str().unwrap()]);
    let diags = diagnostics(&r);
    assert!(diags.iter().any(|d| d.starts_with("packages/a/src/loop:0 walk")), "{diags:?}");
    assert!(diags.iter().any(|d| d.starts_with("packages/a/src/dangling.ts:0 unreadable")), "{diags:?}");
    // The good files are still scanned and resolved, and the 20,000-deep file parses.
    let edges = edge_lines(&r);
    assert!(
        edges.contains(&"packages/a/src/index.ts:1 ./b -> internal packages/a/src/b.ts".to_string()),
        "{edges:?}"
    );
    assert!(
        edges.contains(&"packages/a/src/deep.ts:1 ./b -> internal packages/a/src/b.ts".to_string()),
        "{edges:?}"
    );
    assert!(!diags.iter().any(|d| d.starts_with("packages/a/src/deep.ts")), "{diags:?}");
}

#[test]
fn unreadable_file_is_a_diagnostic() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "package.json", r#"{"name": "r"}"#);
    write(root, "src/ok.ts", "export const ok = 1;\n");
    // A folder named like a source file cannot be read as one, even by root.
    fs::create_dir_all(root.join("src/folder.ts")).unwrap();
    write(root, "src/secret.ts", "export const s = 1;\n");
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(root.join("src/secret.ts"), fs::Permissions::from_mode(0o000)).unwrap();
    let r = report(&["graph", root.to_str().unwrap()]);
    let diags = diagnostics(&r);
    // root can read anything; other users get the diagnostic.
    let is_root = fs::read(root.join("src/secret.ts")).is_ok();
    if !is_root {
        assert!(diags.contains(&"src/secret.ts:0 unreadable".to_string()), "{diags:?}");
    }
    assert_eq!(r["summary"]["files"], 2);
}

#[test]
fn missing_root_and_bad_flag_exit_2_with_one_line() {
    let run = monodup(&["graph", "/definitely/not/here"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stderr.trim().lines().count(), 1, "{}", run.stderr);
    assert!(run.stderr.contains("/definitely/not/here"));
    let run = monodup(&["graph", "--no-such-flag"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--no-such-flag"));
}
