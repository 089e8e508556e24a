//! Clone detection on testdata/clones (see its EXPECTED.md) and on the seven-app fixture. The
//! classes each fixture must give, in each mode and at each threshold, are its expect.json
//! (tests/spec.rs); these tests check what a class list cannot say.

mod common;

use common::{assert_same_output_at_threads, fixture, report, TempRepo};
use pretty_assertions::assert_eq;
use serde_json::Value;

fn dups(name: &str, extra: &[&str]) -> Value {
    let root = fixture(name);
    let mut args = vec!["dups", root.to_str().unwrap()];
    args.extend(extra);
    report(&args)
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
    let repo = TempRepo::from_fixture("clones");
    let text = repo.read("apps/c/src/hooks.ts");
    repo.write("apps/c/src/hooks.ts", &format!("// moved down\nexport const pad = 1;\n\n\n{text}"));
    let moved = report(&["dups", repo.arg()]);
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
        let run =
            assert_same_output_at_threads(&[cmd, root.to_str().unwrap(), "--format", "json", "-q"], &[1, 8]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        common::assert_valid(&serde_json::from_str(&run.stdout).unwrap());
    }
}

/// Regression (found against jscpd): a copy that starts inside back-to-back repeated code was
/// lost, because the walk that owned those windows had dropped the overlapping occurrence. The
/// class is in testdata/clone-regressions/periodic/expect.json; here, its whole length.
#[test]
fn copy_after_periodic_code_is_found() {
    let r = dups("clone-regressions/periodic", &[]);
    assert_eq!(r["clones"].as_array().unwrap().len(), 1);
    assert_eq!(r["clones"][0]["tokens"], 132);
}
