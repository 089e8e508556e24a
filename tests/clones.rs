//! Clone detection on testdata/clones (see its EXPECTED.md) and on the seven-app fixture.

mod common;

use common::{fixture, monodup, report};
use pretty_assertions::assert_eq;
use serde_json::Value;

fn dups(name: &str, extra: &[&str]) -> Value {
    let root = fixture(name);
    let mut args = vec!["dups", root.to_str().unwrap()];
    args.extend(extra);
    report(&args)
}

/// Each class as `kind scope: file:start-end, …`, sorted.
fn classes(r: &Value) -> Vec<String> {
    let mut out: Vec<String> = r["clones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let frags: Vec<String> = c["fragments"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| {
                    let file = f["file"].as_str().unwrap().trim_start_matches("apps/").replace("/src/", ":");
                    format!("{file}:{}-{}", f["start_line"], f["end_line"])
                })
                .collect();
            format!("{} {}: {}", c["kind"].as_str().unwrap(), c["scope"].as_str().unwrap(), frags.join(", "))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn renamed_mode_finds_every_kind_of_copy() {
    let r = dups("clones", &[]);
    assert_eq!(
        classes(&r),
        [
            "exact block: a:hooks.ts:5-11, b:hooks.ts:7-13, c:hooks.ts:5-11, d:hooks.ts:5-11, e:hooks.ts:5-11",
            "exact block: a:report.ts:1-11, b:report.ts:1-11",
            "exact block: a:report.ts:12-18, b:report.ts:13-19",
            "exact file: a:logger.ts:1-17, b:logger.ts:1-17, c:logger.ts:1-17",
            "renamed block: a:totals.ts:3-11, b:checkout.ts:5-13, c:cart.ts:4-14, d:basket.ts:3-11",
            "renamed block: a:totals.ts:3-13, d:basket.ts:3-13",
        ]
    );
    // Nothing from the files that only share imports.
    let text = r["clones"].to_string();
    assert!(!text.contains("imports.ts"));
}

#[test]
fn exact_mode_leaves_the_renamed_copy_out() {
    let r = dups("clones", &["--mode", "exact"]);
    assert_eq!(
        classes(&r),
        [
            "exact block: a:hooks.ts:5-11, b:hooks.ts:7-13, c:hooks.ts:5-11, d:hooks.ts:5-11, e:hooks.ts:5-11",
            "exact block: a:report.ts:1-11, b:report.ts:1-11",
            "exact block: a:report.ts:12-18, b:report.ts:13-19",
            "exact block: a:totals.ts:3-11, b:checkout.ts:5-13, c:cart.ts:4-14",
            "exact file: a:logger.ts:1-17, b:logger.ts:1-17, c:logger.ts:1-17",
        ]
    );
}

#[test]
fn thresholds_filter_classes() {
    // Only the two longest classes have 190+ tokens.
    let r = dups("clones", &["--min-tokens", "190"]);
    assert_eq!(
        classes(&r),
        [
            "exact block: a:report.ts:1-11, b:report.ts:1-11",
            "exact file: a:logger.ts:1-17, b:logger.ts:1-17, c:logger.ts:1-17"
        ]
    );
    let r = dups("clones", &["--min-lines", "12"]);
    assert_eq!(classes(&r), ["exact file: a:logger.ts:1-17, b:logger.ts:1-17, c:logger.ts:1-17"]);
}

#[test]
fn metrics_count_each_line_once() {
    let r = dups("clones", &[]);
    let pkg =
        |name: &str| r["packages"].as_array().unwrap().iter().find(|p| p["name"] == name).unwrap().clone();
    // app-a: hooks 5-11 (7), report 1-18 (18), logger 1-17 (17), totals 3-13 (11).
    assert_eq!(pkg("app-a")["duplicated_lines"], 53);
    // app-e: only the hook.
    assert_eq!(pkg("app-e")["duplicated_lines"], 7);
    let total: u64 =
        r["packages"].as_array().unwrap().iter().map(|p| p["duplicated_lines"].as_u64().unwrap()).sum();
    assert_eq!(r["summary"]["duplicated_lines"].as_u64(), Some(total));
    // Overlap: a and e share only the hook's 7 lines, both ways.
    let o = r["overlaps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["name_a"] == "app-a" && o["name_b"] == "app-e")
        .unwrap();
    // Packages are identified by path; the names come alongside.
    assert_eq!((o["package_a"].as_str(), o["package_b"].as_str()), (Some("apps/a"), Some("apps/e")));
    assert_eq!((o["lines_a"].as_u64(), o["lines_b"].as_u64()), (Some(7), Some(7)));
}

#[test]
fn fingerprints_survive_moving_code() {
    // The same class is found with the same fingerprint whatever the surrounding lines.
    let r = dups("clones", &[]);
    let hook = r["clones"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["fragments"].as_array().unwrap().len() == 5)
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let src = fixture("clones");
    for entry in walk(&src) {
        let rel = entry.strip_prefix(&src).unwrap();
        let dest = dir.path().join(rel);
        std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
        let mut text = std::fs::read_to_string(&entry).unwrap();
        if rel.ends_with("apps/c/src/hooks.ts") {
            text = format!("// moved down\nexport const pad = 1;\n\n\n{text}");
        }
        std::fs::write(dest, text).unwrap();
    }
    let moved = report(&["dups", dir.path().to_str().unwrap()]);
    let again = moved["clones"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["fragments"].as_array().unwrap().len() == 5)
        .unwrap();
    assert_eq!(again["fingerprint"], hook["fingerprint"]);
    let c =
        again["fragments"].as_array().unwrap().iter().find(|f| f["file"] == "apps/c/src/hooks.ts").unwrap();
    assert_eq!((c["start_line"].as_u64(), c["end_line"].as_u64()), (Some(9), Some(15)));
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else if p.file_name().unwrap() != "EXPECTED.md" {
            out.push(p);
        }
    }
    out
}

#[test]
fn cross_package_and_the_seven_apps() {
    let all = dups("acme-frontend", &[]);
    let cross = dups("acme-frontend", &["--cross-package"]);
    let n = |r: &Value| r["clones"].as_array().unwrap().len();
    assert!(n(&cross) <= n(&all) && n(&cross) > 10, "{} {}", n(&cross), n(&all));
    for c in cross["clones"].as_array().unwrap() {
        let pkgs: std::collections::BTreeSet<&str> =
            c["fragments"].as_array().unwrap().iter().map(|f| f["package"].as_str().unwrap()).collect();
        assert!(pkgs.len() > 1);
    }
    // marketing's button is a copy of the ui library's (EXPECTED.md of acme-frontend).
    let linked = all["clones"].as_array().unwrap().iter().any(|c| {
        let files: Vec<&str> =
            c["fragments"].as_array().unwrap().iter().map(|f| f["file"].as_str().unwrap()).collect();
        files.contains(&"frontend/apps/marketing/src/components/ui/button.tsx")
            && files.contains(&"frontend/packages/ui/src/components/button.tsx")
    });
    assert!(linked);
}

#[test]
fn dups_and_scan_json_are_deterministic_and_valid() {
    for cmd in ["dups", "scan"] {
        let root = fixture("acme-frontend");
        let one = monodup(&[cmd, root.to_str().unwrap(), "--format", "json", "-j", "1", "-q"]);
        let eight = monodup(&[cmd, root.to_str().unwrap(), "--format", "json", "-j", "8", "-q"]);
        assert_eq!(one.code, 0, "{}", one.stderr);
        assert!(one.stdout == eight.stdout, "{cmd}: -j1 and -j8 differ");
        common::assert_valid(&serde_json::from_str(&one.stdout).unwrap());
    }
}

/// Regression (found against jscpd): a copy that starts inside back-to-back repeated code was
/// lost, because the walk that owned those windows had dropped the overlapping occurrence.
#[test]
fn copy_after_periodic_code_is_found() {
    let r = dups("clone-regressions/periodic", &[]);
    let got: Vec<String> = classes(&r);
    assert_eq!(got, ["exact block: a.ts:1-8, b.ts:2-9"]);
    assert_eq!(r["clones"][0]["tokens"], 132);
}

/// Regression: two copies inside one file, in a file copied whole, were dropped as nested in
/// the whole-file class, whose single fragment held both.
#[test]
fn copies_within_a_copied_file_are_kept() {
    let r = dups("clone-regressions/nesting", &[]);
    assert_eq!(
        classes(&r),
        ["exact file: a.ts:1-15, b.ts:1-15", "renamed block: a.ts:1-6, a.ts:10-15, b.ts:1-6, b.ts:10-15"]
    );
}
