//! `MONODUP_TIMINGS` laps go through `run()`'s error writer too (a test binary of its own: the
//! variable is process-wide).

mod common;

use clap::Parser;
use monodup::{run, Cli, ExitStatus};

#[test]
fn timings_go_to_the_given_error_writer() {
    std::env::set_var("MONODUP_TIMINGS", "1");
    let root = common::fixture("plan-v2/fork");
    let cli = Cli::try_parse_from(["monodup", "plan", root.to_str().unwrap(), "--format", "json"]).unwrap();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(run(cli, &mut out, &mut err), ExitStatus::Success);
    let err = String::from_utf8_lossy(&err);
    for stage in ["walk", "parse", "resolve", "clones", "plan"] {
        assert!(err.lines().any(|l| l.starts_with(&format!("monodup: {stage} "))), "{stage}: {err}");
    }
    // Each lap says how many cores the stage kept busy and, where /proc tells it, which stage set
    // the peak memory.
    let laps: Vec<&str> = err.lines().filter(|l| l.starts_with("monodup: ")).collect();
    let cores = |l: &str| l.rsplit_once(" cores ").and_then(|(_, c)| c.trim().parse::<f64>().ok());
    assert!(laps.iter().all(|l| cores(l).is_some_and(|c| c >= 0.0)), "{err}");
    if std::path::Path::new("/proc/self/status").exists() {
        assert!(laps.iter().all(|l| l.contains(" ms  rss ") && l.contains(" MB  cores ")), "{err}");
    }
    assert!(serde_json::from_slice::<serde_json::Value>(&out).is_ok());
}
