//! The benches' corpora: trees written once by the repo's own deterministic generator
//! (`examples/synth.rs`) under `target/bench/`, reused by later runs.

use std::path::{Path, PathBuf};
use std::process::Command;

/// `target/bench/NAME`, made by the synth generator with `args` unless it is there already,
/// in the profile the bench was built with (`cargo test --benches` needs no release build).
pub fn tree(name: &str, args: &[&str]) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench").join(name);
    if !dir.join("package.json").is_file() {
        let mut cmd = Command::new(env!("CARGO"));
        cmd.args(["run", "--quiet", "--example", "synth"]);
        if !cfg!(debug_assertions) {
            cmd.arg("--release");
        }
        let status = cmd
            .arg("--")
            .args(args)
            .arg(&dir)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .expect("run the synth generator");
        assert!(status.success(), "the synth generator failed");
    }
    dir
}
