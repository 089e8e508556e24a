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
    // Where /proc tells it, each lap also says which stage set the peak memory.
    if std::path::Path::new("/proc/self/status").exists() {
        let laps: Vec<&str> = err.lines().filter(|l| l.starts_with("monodup: ")).collect();
        assert!(laps.iter().all(|l| l.contains(" ms  rss ") && l.ends_with(" MB")), "{err}");
    }
    assert!(serde_json::from_slice::<serde_json::Value>(&out).is_ok());
}
