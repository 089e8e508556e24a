//! Issue 12, point 3: `--compact` writes the same JSON as the pretty default, on one line: the
//! same content in the same order, to stdout and to `-o` alike; other formats ignore it.

mod common;

use common::{fixture, monodup};
use serde_json::Value;

/// `json` without the whitespace between tokens (what pretty printing adds).
fn squeeze(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_ascii_whitespace() {
            out.push(c);
        }
    }
    out
}

const JSON_RUNS: &[&[&str]] = &[
    &["scan", "--format", "json"],
    &["dups", "--format", "json"],
    &["graph", "--format", "json"],
    &["plan", "--format", "json"],
    &["check", "--format", "json"],
    &["check", "--format", "sarif"],
];

#[test]
fn compact_json_is_the_pretty_json_on_one_line() {
    let root = fixture("acme-frontend");
    let root = root.to_str().unwrap();
    for args in JSON_RUNS {
        let mut pretty_args = args.to_vec();
        pretty_args.extend([root, "-q", "-j", "2"]);
        let pretty = monodup(&pretty_args);
        let mut compact_args = pretty_args.clone();
        compact_args.push("--compact");
        let compact = monodup(&compact_args);
        let what = args.join(" ");
        assert!(pretty.code == 0 || pretty.code == 1, "{what}: {}", pretty.stderr);
        assert_eq!(pretty.code, compact.code, "{what}: exit status");
        assert!(pretty.stdout.lines().count() > 10, "{what}: the default is pretty");
        assert!(
            compact.stdout.ends_with('\n') && compact.stdout.trim_end().lines().count() == 1,
            "{what}: compact output is one line and a newline"
        );
        // Byte for byte the pretty text less its indentation: content and order are the same.
        assert_eq!(squeeze(&pretty.stdout), compact.stdout.trim_end(), "{what}");
        let a: Value = serde_json::from_str(&pretty.stdout).unwrap();
        let b: Value = serde_json::from_str(&compact.stdout).unwrap();
        assert_eq!(a, b, "{what}");

        // -o streams the same bytes into the file.
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("out.json");
        let mut file_args = compact_args.clone();
        file_args.extend(["-o", file.to_str().unwrap()]);
        let run = monodup(&file_args);
        assert_eq!(run.code, compact.code, "{what} -o: {}", run.stderr);
        assert_eq!(run.stdout, "", "{what} -o: nothing on stdout");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), compact.stdout, "{what} -o");
    }
}

#[test]
fn compact_leaves_text_formats_alone() {
    let root = fixture("clones");
    let root = root.to_str().unwrap();
    for args in [&["scan"][..], &["dups"], &["scan", "--format", "markdown"], &["graph", "--format", "dot"]] {
        let mut plain = args.to_vec();
        plain.extend([root, "-q"]);
        let a = monodup(&plain);
        plain.push("--compact");
        let b = monodup(&plain);
        assert_eq!(a.code, 0, "{}", a.stderr);
        assert_eq!(a.stdout, b.stdout, "{}", args.join(" "));
    }
}

#[test]
fn squeeze_keeps_strings_whole() {
    assert_eq!(squeeze("{\n  \"a b\": [1, \"x \\\" y\"]\n}\n"), "{\"a b\":[1,\"x \\\" y\"]}");
}
