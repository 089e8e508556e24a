//! `run()` driven in-process with in-memory writers: what the binary prints is what `run`
//! writes, and nothing goes straight to the process's own stdout or stderr.

mod common;

use clap::Parser;
use monodup::{run, Cli, ExitStatus};

#[test]
fn run_writes_to_the_given_writers() {
    let root = common::fixture("plan-v2/fork");
    let cli = Cli::try_parse_from(["monodup", "plan", root.to_str().unwrap(), "--format", "json"]).unwrap();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(run(cli, &mut out, &mut err), ExitStatus::Success);
    let report: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(report["forks"][0]["app"], "apps/fork");
    assert!(err.is_empty(), "{}", String::from_utf8_lossy(&err));
    // A fatal error goes to `err`, with exit 2.
    let cli = Cli::try_parse_from(["monodup", "scan", "/nonexistent/monodup/root"]).unwrap();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(run(cli, &mut out, &mut err), ExitStatus::Error);
    assert!(out.is_empty());
    assert!(
        String::from_utf8_lossy(&err).starts_with("monodup: cannot read ROOT"),
        "{}",
        String::from_utf8_lossy(&err)
    );
}
