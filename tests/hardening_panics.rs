//! A panic (a bug) never ends a run outside the 0/1/2 contract. In a stage it is exit 2 with a
//! message naming the stage; on one file it is an `internal-error` diagnostic naming the file,
//! and the rest of the report is what it would have been without that file's part.
//!
//! The panics are made by the debug-only hook `MONODUP_TEST_PANIC` (src/guard.rs).

mod common;

use serde_json::Value;
use std::process::Command;

const STAGES: [&str; 7] = ["walk", "workspace", "parse", "resolve", "graph", "clones", "plan"];

fn run_with_panic(spec: &str, args: &[&str]) -> common::Run {
    let out = Command::new(env!("CARGO_BIN_EXE_monodup"))
        .args(args)
        .env("MONODUP_TEST_PANIC", spec)
        .env("RUST_BACKTRACE", "0")
        .output()
        .expect("run monodup");
    common::Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn fixture() -> String {
    common::fixture("acme-frontend").to_string_lossy().into_owned()
}

#[test]
fn a_panic_in_any_stage_is_exit_2_naming_the_stage() {
    let root = fixture();
    for stage in STAGES {
        let run = run_with_panic(&format!("stage:{stage}"), &["plan", &root, "--format", "json", "-q"]);
        assert_eq!(run.code, 2, "{stage}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{stage}: {}", run.stdout);
        let line = format!("monodup: internal error in the {stage} stage (a bug, please report it): ");
        assert!(run.stderr.contains(&line), "{stage}: {}", run.stderr);
    }
    // In `check` too: 2, not the 1 of a failed gate.
    let run = run_with_panic("stage:resolve", &["check", &root, "--format", "json"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("internal error in the resolve stage"), "{}", run.stderr);
}

/// The report of `plan ROOT --format json` with `spec` (none: ""), and the exit code.
fn report(spec: &str, threads: &str) -> (Value, String) {
    let root = fixture();
    let run = run_with_panic(spec, &["plan", &root, "--format", "json", "-q", "-j", threads]);
    assert_eq!(run.code, 0, "{spec}: {}", run.stderr);
    let v: Value = serde_json::from_str(&run.stdout).expect("stdout is JSON");
    common::assert_valid(&v);
    (v, run.stdout)
}

fn edges_from<'a>(r: &'a Value, pred: impl Fn(&str) -> bool + 'a) -> Vec<&'a Value> {
    r["graph"]["edges"].as_array().unwrap().iter().filter(|e| pred(e["from"].as_str().unwrap())).collect()
}

fn internal_errors(r: &Value) -> Vec<(String, String)> {
    r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "internal-error")
        .map(|d| (d["file"].as_str().unwrap().to_string(), d["message"].as_str().unwrap().to_string()))
        .collect()
}

#[test]
fn a_panic_on_one_file_names_it_and_the_scan_goes_on() {
    let (clean, _) = report("", "2");
    assert!(internal_errors(&clean).is_empty());
    // A file with imports, so that losing its part shows.
    let victim = clean["graph"]["edges"][0]["from"].as_str().unwrap().to_string();
    let others = |r: &Value| edges_from(r, |f| f != victim).into_iter().cloned().collect::<Vec<_>>();

    for (stage, outcome) in [("parse", "skipped"), ("resolve", "its imports are left out")] {
        let spec = format!("file:{stage}:{victim}");
        let (hurt, text) = report(&spec, "1");
        let errors = internal_errors(&hurt);
        assert_eq!(errors.len(), 1, "{stage}: {errors:?}");
        assert_eq!(errors[0].0, victim);
        let expected = format!("{outcome}: internal error in the {stage} stage (a bug, please report it): ");
        assert!(errors[0].1.starts_with(&expected), "{stage}: {}", errors[0].1);
        // The victim's own edges are gone; every other file's are as they were.
        assert!(edges_from(&hurt, |f| f == victim).is_empty(), "{stage}");
        assert_eq!(others(&hurt), others(&clean), "{stage}");
        assert_eq!(hurt["summary"]["files"], clean["summary"]["files"], "{stage}");
        assert!(hurt["plan"].as_array().is_some_and(|p| !p.is_empty()), "{stage}: no plan");
        assert!(!hurt["clones"].as_array().unwrap().is_empty(), "{stage}: no clones");
        // Still the same output at any thread count.
        assert_eq!(report(&spec, "8").1, text, "{stage}: -j1 and -j8 differ");
    }
}
