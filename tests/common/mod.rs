//! Shared helpers: run the real binary on a fixture, parse and validate its JSON.
#![allow(dead_code)]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata").join(name)
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn monodup(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_monodup")).args(args).output().expect("run monodup");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn schema() -> &'static jsonschema::Validator {
    static SCHEMA: OnceLock<jsonschema::Validator> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        let text =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/report.schema.json"))
                .expect("schema file");
        let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
        jsonschema::validator_for(&schema).expect("schema compiles")
    })
}

/// Fails the test when `report` does not follow docs/report.schema.json.
pub fn assert_valid(report: &Value) {
    let errors: Vec<String> =
        schema().iter_errors(report).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "report does not match the schema:\n{}", errors.join("\n"));
}

/// Runs a command with `--format json`, checks exit 0 and the schema, returns the report.
pub fn report(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json", "--quiet"]);
    let run = monodup(&all);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    let v: Value = serde_json::from_str(&run.stdout).expect("stdout is JSON");
    assert_valid(&v);
    v
}

/// One edge as `from:line specifier -> resolution to|package|reason`, for compact assertions.
pub fn edge_lines(report: &Value) -> Vec<String> {
    report["graph"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let target = e["to"].as_str().or(e["package"].as_str()).or(e["reason"].as_str()).unwrap_or("-");
            let ty = if e["type_only"].as_bool().unwrap() { " (type)" } else { "" };
            format!(
                "{}:{} {} -> {} {}{}",
                e["from"].as_str().unwrap(),
                e["line"],
                e["specifier"].as_str().unwrap(),
                e["resolution"].as_str().unwrap(),
                target,
                ty
            )
        })
        .collect()
}

pub fn strings(v: &Value) -> Vec<String> {
    v.as_array().unwrap().iter().map(|x| x.as_str().unwrap().to_string()).collect()
}

/// Writes `text` to `root/rel`, creating folders.
pub fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

/// `name path kind files` per package, in report order (by path).
pub fn packages(r: &Value) -> Vec<String> {
    r["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            format!(
                "{} {} {} {}",
                p["name"].as_str().unwrap(),
                p["path"].as_str().unwrap(),
                p["kind"].as_str().unwrap(),
                p["files"]
            )
        })
        .collect()
}
