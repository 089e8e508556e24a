//! Issue 10, case 2: no nesting aborts the process. Each construct that nests is generated at a
//! depth that overflowed the stack before the nesting bound counted it (the debug build's
//! 64 MiB workers, about 1.25× the depth that aborted, from the stack per level that
//! `calibrate_stack_per_level` in src/parse.rs measures), and
//! every command must exit 0 with the file either parsed or skipped with a `too-deep` diagnostic.

mod common;

use common::{assert_valid, write};
use serde_json::Value;
use std::time::Duration;

/// (file, contents): one file per construct, each deeper than the old estimate allowed for.
fn family() -> Vec<(&'static str, String)> {
    let rep = |s: &str, n: usize| s.repeat(n);
    vec![
        ("arrows.js", rep("x =>\n", 5_500) + "1\n"),
        ("ternary_alternates.js", rep("a ? b :\n", 60_000) + "c\n"),
        ("ternary_consequents.js", rep("a ?\n", 47_000) + "b" + &rep("\n: c", 47_000) + "\n"),
        ("not.js", rep("!\n", 55_000) + "x\n"),
        ("minus.js", rep("- \n", 55_000) + "x\n"),
        ("typeof.js", rep("typeof\n", 55_000) + "x\n"),
        ("new.js", rep("new\n", 31_000) + "X\n"),
        ("await.js", "async function f() {\n".to_string() + &rep("await\n", 34_000) + "x }\n"),
        ("assignments.js", rep("a =\n", 38_000) + "b\n"),
        ("sums.js", rep("a +\n", 130_000) + "a\n"),
        ("members.js", "a".to_string() + &rep("\n.b", 105_000) + "\n"),
        ("calls.js", "f".to_string() + &rep("()\n", 78_000)),
        ("while.js", rep("while (a)\n", 7_800) + "x;\n"),
        ("labels.js", (0..7_500).map(|i| format!("l{i}:\n")).collect::<String>() + "x;\n"),
        ("do.js", rep("do\n", 7_500) + "x;\n" + &rep("while (a)\n", 7_500)),
        ("extends.js", "x = ".to_string() + &rep("class extends\n", 6_500) + "X" + &rep(" {}\n", 6_500)),
        ("keyof.ts", "type T = ".to_string() + &rep("keyof\n", 30_000) + "B\n"),
        ("function_types.ts", "type T = ".to_string() + &rep("() =>\n", 9_200) + "B\n"),
        ("conditional_types.ts", "type T = ".to_string() + &rep("A extends B ? C :\n", 34_000) + "D\n"),
        ("non_null.ts", "x".to_string() + &rep("!\n", 55_000)),
        ("namespace.ts", "namespace a".to_string() + &rep("\n.b", 61_000) + " {}\n"),
        // `<T>` type assertions are left out: swc takes quadratic time on them (see the report).
        // Brackets, templates, JSX, `if` and the rest of the family are parsed on a small
        // thread by `nesting_the_stack_estimate_missed_parses_on_a_small_thread` (src/parse.rs).
    ]
}

/// Runs monodup with a watchdog: a hang fails the test instead of blocking the suite.
fn run(args: &[&str]) -> (i32, String, String) {
    let r = common::run_with_timeout(common::monodup_command(args), Duration::from_secs(120));
    (r.code, r.stdout, r.stderr)
}

fn check_command(command: &str) {
    let dir = tempfile::tempdir().unwrap();
    let files = family();
    for (name, text) in &files {
        write(dir.path(), &format!("src/{name}"), text);
    }
    let root = dir.path().to_str().unwrap();
    let mut args = vec![command, root, "--format", "json", "--quiet"];
    if command != "graph" {
        // Clone detection on 21 self-similar files is slow in a debug build and not under test:
        // the tokens are still kept and every stage still runs.
        args.extend(["--min-tokens", "100000"]);
    }
    let (code, stdout, stderr) = run(&args);
    assert_eq!(code, 0, "{command} exited {code}; stderr: {}", stderr.lines().last().unwrap_or(""));
    let report: Value = serde_json::from_str(&stdout).expect("stdout is JSON");
    assert_valid(&report);
    let diagnostics = report["diagnostics"].as_array().unwrap();
    for (name, _) in &files {
        let path = format!("src/{name}");
        for d in diagnostics.iter().filter(|d| d["file"] == path.as_str()) {
            // Skipped as too deep (at a line), or a syntax error swc reported; never a crash.
            let code = d["code"].as_str().unwrap();
            assert!(code == "too-deep" || code == "syntax", "{command} {path}: {d}");
            if code == "too-deep" {
                assert!(d["line"].as_u64().unwrap() > 0, "{path}: {d}");
            }
        }
    }
}

#[test]
fn nesting_the_stack_estimate_missed_never_aborts_graph() {
    check_command("graph");
}

#[test]
fn nesting_the_stack_estimate_missed_never_aborts_dups() {
    check_command("dups");
}

#[test]
fn nesting_the_stack_estimate_missed_never_aborts_scan() {
    check_command("scan");
}
