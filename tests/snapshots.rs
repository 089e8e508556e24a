//! Every renderer's output on small fixtures, as `insta` snapshots (tests/snapshots/). The root
//! path and the version are redacted. Review a change with `cargo insta review`, or rerun with
//! `INSTA_UPDATE=always` and read the diff.

mod common;

use common::{fixture, monodup};

fn output(args: &[&str], root: &str) -> String {
    let path = fixture(root);
    let path = path.to_str().unwrap();
    let mut all: Vec<&str> = args.to_vec();
    all.push(path);
    all.push("-q");
    let run = monodup(&all);
    assert!(run.code == 0 || run.code == 1, "{args:?}: {}", run.stderr);
    run.stdout.replace(path, "[ROOT]").replace(env!("CARGO_PKG_VERSION"), "[VERSION]")
}

macro_rules! snap {
    ($name:ident, $root:expr, $($arg:expr),+) => {
        #[test]
        fn $name() {
            insta::assert_snapshot!(stringify!($name), output(&[$($arg),+], $root));
        }
    };
}

snap!(scan_table, "plan-v2/blockers", "scan");
snap!(scan_markdown, "plan-v2/fork", "scan", "--format", "markdown");
snap!(plan_table, "plan-v2/blockers", "plan");
snap!(plan_markdown, "plan-v2/blockers", "plan", "--format", "markdown");
snap!(graph_table, "pnpm-exports", "graph");
snap!(graph_package_table, "acme-frontend", "graph", "--level", "package");
snap!(graph_dot, "pnpm-exports", "graph", "--format", "dot");
snap!(graph_mermaid, "acme-frontend", "graph", "--format", "mermaid", "--level", "package");
snap!(dups_table, "clones", "dups");
snap!(check_table, "acme-frontend", "check");
snap!(check_markdown, "acme-frontend", "check", "--format", "markdown");
snap!(check_github, "acme-frontend", "check", "--format", "github");
snap!(check_sarif, "acme-frontend", "check", "--format", "sarif");
