//! `monodup check` in temporary git repositories built from testdata/clones.

mod common;

use common::{git, monodup, write, TempRepo};
use std::path::Path;
use std::process::Command;

/// A git repository holding the clones fixture, committed.
fn clones_repo() -> TempRepo {
    let repo = TempRepo::from_fixture("clones");
    repo.init_git();
    repo
}

fn check(root: &Path, extra: &[&str]) -> common::Run {
    let mut args = vec!["check", root.to_str().unwrap()];
    args.extend(extra);
    monodup(&args)
}

const REPORT: &str = "apps/a/src/report.ts";

#[test]
fn baseline_passes_and_is_byte_identical_when_regenerated() {
    let repo = clones_repo();
    let root = repo.path();
    assert_eq!(check(root, &["--update-baseline"]).code, 0);
    let first = std::fs::read(root.join(".monodup-baseline.json")).unwrap();
    let run = check(root, &[]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(run.stdout.contains("monodup check passed"));
    assert_eq!(check(root, &["--update-baseline"]).code, 0);
    assert_eq!(std::fs::read(root.join(".monodup-baseline.json")).unwrap(), first);
    let text = String::from_utf8(first).unwrap();
    assert!(!text.contains("202"), "no timestamps: {text}");
}

#[test]
fn a_copied_function_fails_in_every_format() {
    let repo = clones_repo();
    let root = repo.path();
    check(root, &["--update-baseline"]);
    repo.commit("baseline");
    // Copy the report builder into app c.
    let src = std::fs::read_to_string(root.join(REPORT)).unwrap();
    write(root, "apps/c/src/report.ts", &src);
    repo.commit("copy");

    let run = check(root, &[]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run.stdout.contains("error apps/c/src/report.ts:1-"), "{}", run.stdout);
    assert!(run.stdout.contains("[new-clone]"));

    let json: serde_json::Value = serde_json::from_str(&check(root, &["--format", "json"]).stdout).unwrap();
    let files: Vec<&str> =
        json["findings"].as_array().unwrap().iter().map(|f| f["file"].as_str().unwrap()).collect();
    assert!(!files.is_empty() && files.iter().all(|f| *f == "apps/c/src/report.ts"), "{files:?}");
    assert_eq!(json["passed"], false);

    let gh = check(root, &["--format", "github"]).stdout;
    assert!(gh.starts_with("::error file=apps/c/src/report.ts,line=1,endLine="), "{gh}");

    let md = check(root, &["--format", "markdown"]).stdout;
    assert!(md.contains("❌ **monodup check failed**") && md.contains("`apps/c/src/report.ts:1-"), "{md}");

    let sarif: serde_json::Value = serde_json::from_str(&check(root, &["--format", "sarif"]).stdout).unwrap();
    assert_eq!(
        sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "apps/c/src/report.ts"
    );
    assert_valid_sarif(&sarif);
}

/// Case 9 of issue 10: a path full of characters that RFC 3986 reserves (space, `#`, `?`, `%`,
/// `[`, `]`, `:`, non-ASCII) is percent-encoded in the SARIF URI, which the official schema
/// then accepts as a `uri-reference`; the JSON verdict keeps the path as it is.
#[test]
fn sarif_uris_are_percent_encoded() {
    let repo = clones_repo();
    let root = repo.path();
    check(root, &["--update-baseline"]);
    let src = std::fs::read_to_string(root.join(REPORT)).unwrap();
    let weird = "apps/c/src/web app/x #1?[v]%:é.ts";
    write(root, weird, &src);
    let run = check(root, &["--format", "sarif"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let sarif: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let uris: Vec<&str> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str().unwrap())
        .collect();
    assert!(uris.contains(&"apps/c/src/web%20app/x%20%231%3F%5Bv%5D%25%3A%C3%A9.ts"), "{uris:?}");
    assert_valid_sarif(&sarif);
    let json: serde_json::Value = serde_json::from_str(&check(root, &["--format", "json"]).stdout).unwrap();
    assert!(json["findings"].as_array().unwrap().iter().any(|f| f["file"] == weird), "{json}");
}

#[test]
fn moving_duplicated_code_passes() {
    let repo = clones_repo();
    let root = repo.path();
    check(root, &["--update-baseline"]);
    // Move the logger down its file and rename one copy's file.
    let logger = std::fs::read_to_string(root.join("apps/a/src/logger.ts")).unwrap();
    write(root, "apps/a/src/logger.ts", &format!("// moved\n\nexport const level = 'info';\n\n{logger}"));
    std::fs::rename(root.join("apps/b/src/logger.ts"), root.join("apps/b/src/log.ts")).unwrap();
    let run = check(root, &[]);
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn a_cycle_or_an_app_to_app_import_fails() {
    let repo = clones_repo();
    let root = repo.path();
    check(root, &["--update-baseline"]);
    write(root, "apps/e/src/ping.ts", "import { pong } from './pong';\nexport const ping = () => pong();\n");
    write(root, "apps/e/src/pong.ts", "import { ping } from './ping';\nexport const pong = () => ping();\n");
    let run = check(root, &[]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .contains("[cycle] import cycle: apps/e/src/ping.ts → apps/e/src/pong.ts → apps/e/src/ping.ts"),
        "{}",
        run.stdout
    );

    let repo2 = clones_repo();
    let root2 = repo2.path();
    check(root2, &["--update-baseline"]);
    write(
        root2,
        "apps/e/src/uses-a.ts",
        "import { createLogger } from '../../a/src/logger';\nexport const log = createLogger('e');\n",
    );
    let run = check(root2, &[]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("error apps/e/src/uses-a.ts:1: [app-to-app]"), "{}", run.stdout);
}

#[test]
fn custom_rule_fails_and_its_exception_passes() {
    let repo = clones_repo();
    let root = repo.path();
    write(
        root,
        "apps/d/src/uses-react.ts",
        "import { useState } from 'react';\nexport const s = useState;\n",
    );
    let cfg = root.join("monodup.toml");
    std::fs::write(&cfg, "[[rules]]\nname = \"no-react-in-d\"\nfrom = [\"apps/d/**\"]\nto = [\"react\"]\n")
        .unwrap();
    let run = check(root, &[]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("[no-react-in-d]") && run.stdout.contains("apps/d/src/uses-react.ts:1"),
        "{}",
        run.stdout
    );
    std::fs::write(
        &cfg,
        "[[rules]]\nname = \"no-react-in-d\"\nfrom = [\"apps/d/**\"]\nto = [\"react\"]\nallow = [\"apps/d/src/**\"]\n",
    )
    .unwrap();
    let run = check(root, &["--update-baseline"]);
    assert_eq!(run.code, 0);
    assert_eq!(check(root, &[]).code, 0);
}

#[test]
fn since_ignores_old_duplication_outside_changed_lines() {
    let repo = clones_repo();
    let root = repo.path();
    // No baseline: the old clones would fail a plain check.
    assert_eq!(check(root, &[]).code, 1);
    git(root, &["checkout", "-q", "-b", "feature"]);
    write(root, "apps/e/src/new.ts", "export const answer = 42;\n");
    repo.commit("unrelated");
    let run = check(root, &["--since", "main"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    // A change that copies code fails even without a baseline.
    let src = std::fs::read_to_string(root.join(REPORT)).unwrap();
    write(root, "apps/e/src/report.ts", &src);
    let run = check(root, &["--since", "main"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run.stdout.contains("apps/e/src/report.ts"));
}

#[test]
fn bad_baseline_or_ref_is_exit_2() {
    let repo = clones_repo();
    let root = repo.path();
    std::fs::write(root.join(".monodup-baseline.json"), "{ not json").unwrap();
    let run = check(root, &[]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("corrupt baseline"), "{}", run.stderr);
    std::fs::remove_file(root.join(".monodup-baseline.json")).unwrap();
    let run = check(root, &["--since", "no-such-ref"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no-such-ref"), "{}", run.stderr);
    let plain = tempfile::tempdir().unwrap();
    write(plain.path(), "package.json", "{}");
    let run = check(plain.path(), &["--since", "main"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("git"), "{}", run.stderr);
}

#[test]
fn init_writes_a_config_that_loads() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(monodup(&["init", dir.path().to_str().unwrap()]).code, 0);
    let text = std::fs::read_to_string(dir.path().join("monodup.toml")).unwrap();
    assert!(text.contains("min_tokens = 50"));
    // A second init refuses to overwrite.
    assert_eq!(monodup(&["init", dir.path().to_str().unwrap()]).code, 2);
    write(dir.path(), "package.json", "{}");
    assert_eq!(monodup(&["scan", dir.path().to_str().unwrap()]).code, 0);
}

/// Validates against the official SARIF 2.1.0 schema, which the npm package
/// @microsoft/jest-sarif ships; it is fetched once into target/ (the registry is reachable on
/// every machine this project runs on).
fn assert_valid_sarif(doc: &serde_json::Value) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/test-deps");
    let schema_path = dir.join("package/lib/schemas/sarif-2.1.0-rtm.5.json");
    if !schema_path.exists() {
        std::fs::create_dir_all(&dir).unwrap();
        let pack = Command::new("npm")
            .args(["pack", "--silent", "@microsoft/jest-sarif@1.0.0-beta.0"])
            .current_dir(&dir)
            .output()
            .expect("npm");
        assert!(pack.status.success(), "npm pack: {}", String::from_utf8_lossy(&pack.stderr));
        let tgz = String::from_utf8_lossy(&pack.stdout).trim().to_string();
        let tar = Command::new("tar").args(["xzf", &tgz]).current_dir(&dir).status().unwrap();
        assert!(tar.success());
    }
    // rtm.5 has a stray `]` in its language patterns, which Rust's regex engine rejects; the
    // erratum (rtm.6) reads `^[a-zA-Z]{2}(-[a-zA-Z]{2})?$`.
    let text = std::fs::read_to_string(schema_path)
        .unwrap()
        .replace(r#"^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$"#, r#"^[a-zA-Z]{2}(-[a-zA-Z]{2})?$"#);
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("SARIF schema compiles");
    let errors: Vec<String> =
        validator.iter_errors(doc).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "SARIF does not match the schema:\n{}", errors.join("\n"));
}

#[test]
fn duplication_percent_gates() {
    let repo = clones_repo();
    let root = repo.path();
    check(root, &["--update-baseline"]);
    // The fixture is about two thirds duplicated: a 50% ceiling fails, 90% passes.
    std::fs::write(root.join("monodup.toml"), "[check]\nmax_duplication_percent = 50.0\n").unwrap();
    let run = check(root, &[]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run.stdout.contains("[duplication]"), "{}", run.stdout);
    std::fs::write(root.join("monodup.toml"), "[check]\nmax_duplication_percent = 90.0\n").unwrap();
    assert_eq!(check(root, &[]).code, 0);
    // Per package: app-e is only its hook (7 of 15 lines), the others far more.
    std::fs::write(root.join("monodup.toml"), "[check]\nmax_package_duplication_percent = 60.0\n").unwrap();
    let run = check(root, &["--format", "json"]);
    assert_eq!(run.code, 1);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let gated: Vec<&str> =
        v["findings"].as_array().unwrap().iter().map(|f| f["file"].as_str().unwrap()).collect();
    assert!(gated.contains(&"apps/a") && !gated.contains(&"apps/e"), "{gated:?}");
}

#[test]
fn a_gate_set_to_warn_reports_without_failing_and_off_reports_nothing() {
    let repo = clones_repo();
    let root = repo.path();
    check(root, &["--update-baseline"]);
    write(root, "apps/e/src/ping.ts", "import { pong } from './pong';\nexport const ping = () => pong();\n");
    write(root, "apps/e/src/pong.ts", "import { ping } from './ping';\nexport const pong = () => ping();\n");
    write(root, "monodup.toml", "[check]\ncycles = \"warn\"\n");
    let run = check(root, &[]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(run.stdout.contains("warning apps/e/src/ping.ts"), "{}", run.stdout);
    assert!(run.stdout.contains("[cycle] import cycle"), "{}", run.stdout);
    let sarif = check(root, &["--format", "sarif"]);
    assert!(sarif.stdout.contains("\"level\": \"warning\""), "{}", sarif.stdout);

    write(root, "monodup.toml", "[check]\ncycles = \"off\"\n");
    let run = check(root, &[]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(!run.stdout.contains("[cycle]"), "{}", run.stdout);

    // `true` is still "error".
    write(root, "monodup.toml", "[check]\ncycles = true\n");
    assert_eq!(check(root, &[]).code, 1);

    write(root, "monodup.toml", "[check]\ncycles = \"warning\"\n");
    let run = check(root, &[]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("unknown gate level \"warning\""), "{}", run.stderr);
}
