//! Discovery and resolution regressions (issue point 9): folders outside the workspace globs,
//! Nx projects beside plain packages, nested workspace roots, `[packages]` globs, and tsconfig
//! `paths` whose target is missing or shadows a workspace package. Fixtures: testdata/discovery/;
//! what each must give is its expect.json (tests/spec.rs). Here: the same fixture under other
//! configurations.

mod common;

use common::{fixture, packages, report, write};
use serde_json::Value;

fn graph(case: &str, extra: &[&str]) -> Value {
    let root = fixture(&format!("discovery/{case}"));
    let mut args = vec!["graph", root.to_str().unwrap()];
    args.extend(extra);
    report(&args)
}

#[test]
fn package_globs_make_packages_and_force_kinds_in_every_spelling() {
    // The fixture's own monodup.toml gives the packages of its expect.json.
    let forced = packages(&graph("forced-kinds", &[]));
    let dir = tempfile::tempdir().unwrap();
    for spelling in ["frontend/apps/*", "frontend/apps/**", "./frontend/apps/*", "frontend/apps/*/"] {
        let config = dir.path().join("monodup.toml");
        write(
            dir.path(),
            "monodup.toml",
            &format!("[packages]\napps = [\"{spelling}\"]\nlibraries = [\"tools/*\"]\n"),
        );
        let r = graph("forced-kinds", &["--config", config.to_str().unwrap()]);
        assert_eq!(packages(&r), forced, "apps = [\"{spelling}\"]");
    }
    // Without globs: alpha is still a package (outside the workspace globs, parent `apps`),
    // beta's files belong to the root, gamma keeps its projectType, gen is an app.
    write(dir.path(), "monodup.toml", "[packages]\n");
    let config = dir.path().join("monodup.toml");
    let r = graph("forced-kinds", &["--config", config.to_str().unwrap()]);
    assert_eq!(
        packages(&r),
        [
            "forced . root 2",
            "alpha frontend/apps/alpha app 1",
            "gamma frontend/apps/gamma library 1",
            "@forced/core packages/core library 1",
            "gen tools/gen app 2",
        ]
    );
}
