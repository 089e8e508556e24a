//! The fixtures' EXPECTED.md files are the specification of what monodup must find in them,
//! written by hand (independently of the code) as tables: every import edge with its line,
//! kind and target. These tests parse those tables and hold the real binary to them, together
//! with the exact cycles, violations and diagnostics.

mod common;

use common::{fixture, monodup, packages, report, strings};
use pretty_assertions::assert_eq;
use serde_json::Value;

/// `text` without one pair of surrounding backticks (and the padding of ``` `` `x` `` ```).
fn unquote(text: &str) -> String {
    let t = text.trim();
    if let Some(inner) = t.strip_prefix("`` ").and_then(|r| r.strip_suffix(" ``")) {
        return inner.to_string();
    }
    t.trim_matches('`').to_string()
}

/// One edge, the same shape for the expectation and for the report.
fn edge(
    from: &str,
    line: u64,
    spec: &str,
    kind: &str,
    type_only: bool,
    resolution: &str,
    target: &str,
) -> String {
    let ty = if type_only { " type" } else { "" };
    format!("{from}:{line} {spec} [{kind}{ty}] {resolution} {target}")
}

/// The edge tables of an EXPECTED.md: `#### `file` (package)` then `| line | spec | kind | …`.
fn expected_edges(md: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut file = None;
    for line in md.lines() {
        if let Some(rest) = line.strip_prefix("#### `") {
            file = rest.split('`').next().map(str::to_string);
            continue;
        }
        if line.starts_with("## ") {
            file = None;
        }
        let Some(from) = &file else { continue };
        let cells: Vec<&str> = line.split(" | ").collect();
        if !line.starts_with("| ") || cells.len() < 6 {
            continue;
        }
        let Ok(n) = cells[0].trim_start_matches("| ").trim().parse::<u64>() else { continue };
        let spec = unquote(cells[1]);
        let kind = cells[2].split_whitespace().next().unwrap();
        let type_only = cells[3].trim() == "yes";
        let resolution = cells[4].trim();
        let target = match resolution {
            "unresolved" => "-".to_string(),
            "external" => unquote(cells[5].trim().trim_start_matches("npm ")),
            "builtin" => unquote(cells[5]).trim_start_matches("node:").to_string(),
            _ => unquote(cells[5]),
        };
        out.push(edge(from, n, &spec, kind, type_only, resolution, &target));
    }
    out.sort();
    out
}

fn actual_edges(report: &Value) -> Vec<String> {
    let mut out: Vec<String> = report["graph"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let resolution = e["resolution"].as_str().unwrap();
            let target = match resolution {
                "unresolved" => "-",
                "external" | "builtin" => e["package"].as_str().unwrap(),
                _ => e["to"].as_str().unwrap_or("?"),
            };
            edge(
                e["from"].as_str().unwrap(),
                e["line"].as_u64().unwrap(),
                e["specifier"].as_str().unwrap(),
                e["kind"].as_str().unwrap(),
                e["type_only"].as_bool().unwrap(),
                resolution,
                target,
            )
        })
        .collect();
    out.sort();
    out
}

fn expected_md(name: &str) -> String {
    std::fs::read_to_string(fixture(name).join("EXPECTED.md")).unwrap()
}

fn graph(name: &str, extra: &[&str]) -> Value {
    let root = fixture(name);
    let mut args = vec!["graph", root.to_str().unwrap()];
    args.extend(extra);
    report(&args)
}

fn violations(r: &Value) -> Vec<String> {
    r["graph"]["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            format!(
                "{} {}:{} {}",
                v["rule"].as_str().unwrap(),
                v["from"].as_str().unwrap(),
                v["line"],
                v["specifier"].as_str().unwrap()
            )
        })
        .collect()
}

fn cycles(r: &Value) -> Vec<(String, Vec<String>)> {
    r["graph"]["cycles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["level"].as_str().unwrap().to_string(), strings(&c["example"])))
        .collect()
}

fn diagnostics(r: &Value) -> Vec<String> {
    r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{}:{}:{} {}",
                d["file"].as_str().unwrap(),
                d["line"],
                d["column"],
                d["code"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn acme_frontend_edges_match_expected_md() {
    let r = graph("acme-frontend", &[]);
    let expected = expected_edges(&expected_md("acme-frontend"));
    assert_eq!(expected.len(), 234);
    assert_eq!(actual_edges(&r), expected);
}

#[test]
fn acme_frontend_packages_cycles_violations_diagnostics() {
    let r = graph("acme-frontend", &[]);
    assert_eq!(
        packages(&r),
        [
            "acme-root . root 0",
            "@acme/admin frontend/apps/admin app 17",
            "@acme/dashboard frontend/apps/dashboard app 18",
            "@acme/docs frontend/apps/docs app 9",
            "@acme/marketing frontend/apps/marketing app 9",
            "@acme/portal frontend/apps/portal app 15",
            "@acme/studio frontend/apps/studio app 13",
            "@acme/web frontend/apps/web app 22",
            "@acme/config frontend/packages/config library 3",
            "@acme/types frontend/packages/types library 3",
            "@acme/ui frontend/packages/ui library 5",
        ]
    );
    assert_eq!((r["summary"]["files"].as_u64(), r["summary"]["lines"].as_u64()), (Some(114), Some(3058)));
    assert_eq!(r["summary"]["parse_errors"], 1);
    let m = "frontend/apps/dashboard/src/lib/metrics";
    // The type-only cycle in web/src/types is not one by default.
    assert_eq!(
        cycles(&r),
        [(
            "file".to_string(),
            vec![
                format!("{m}/formatters.ts"),
                format!("{m}/thresholds.ts"),
                format!("{m}/metrics-store.ts"),
                format!("{m}/formatters.ts")
            ]
        )]
    );
    assert_eq!(
        violations(&r),
        [
            "app-to-app frontend/apps/admin/src/lib/analytics.ts:1 ../../../web/src/lib/format-currency",
            "app-to-app frontend/apps/portal/src/lib/pricing.ts:2 @acme/web/src/lib/format-currency",
            "library-to-app frontend/packages/ui/src/lib/format.ts:2 ../../../../apps/web/src/lib/format-currency",
            "deep-import frontend/apps/admin/src/components/admin-toolbar.tsx:3 ../../../../packages/ui/src/components/button",
            "deep-import frontend/apps/dashboard/src/components/metric-card.tsx:1 @acme/ui/src/components/card",
            "undeclared-workspace-dependency frontend/apps/studio/src/lib/config.ts:1 @acme/config",
            "undeclared-dependency frontend/apps/docs/src/lib/search.ts:1 lodash-es",
        ]
    );
    assert_eq!(
        diagnostics(&r),
        ["frontend/apps/docs/src/broken.tsx:8:15 syntax", "frontend/apps/docs/src/broken.tsx:10:1 syntax"]
    );
    // Package level: no cycle; type-only package edges are marked.
    let pe: Vec<String> = r["graph"]["package_edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            format!(
                "{}->{}{}",
                e["from"].as_str().unwrap(),
                e["to"].as_str().unwrap(),
                if e["type_only"].as_bool().unwrap() { " (type)" } else { "" }
            )
        })
        .collect();
    assert_eq!(
        pe,
        [
            "@acme/admin->@acme/config",
            "@acme/admin->@acme/ui",
            "@acme/admin->@acme/web",
            "@acme/dashboard->@acme/ui",
            "@acme/docs->@acme/ui",
            "@acme/portal->@acme/types (type)",
            "@acme/portal->@acme/web",
            "@acme/studio->@acme/config",
            "@acme/ui->@acme/web",
            "@acme/web->@acme/config",
            "@acme/web->@acme/types (type)",
        ]
    );
}

#[test]
fn type_imports_count_in_cycles_when_asked() {
    let r = graph("acme-frontend", &["--include-type-imports"]);
    let m = "frontend/apps/dashboard/src/lib/metrics";
    let w = "frontend/apps/web/src/types";
    assert_eq!(
        cycles(&r),
        [
            (
                "file".to_string(),
                vec![
                    format!("{m}/formatters.ts"),
                    format!("{m}/metrics-store.ts"),
                    format!("{m}/formatters.ts")
                ]
            ),
            (
                "file".to_string(),
                vec![format!("{w}/organization.ts"), format!("{w}/user.ts"), format!("{w}/organization.ts")]
            ),
        ]
    );
}

#[test]
fn pnpm_exports_edges_match_expected_md() {
    let r = graph("pnpm-exports", &[]);
    let expected = expected_edges(&expected_md("pnpm-exports"));
    assert!(expected.len() > 40, "{}", expected.len());
    assert_eq!(actual_edges(&r), expected);
}

#[test]
fn bad_input_edges_and_diagnostics() {
    let r = graph("bad-input", &[]);
    // EXPECTED.md, "Import edges (8)": each good file beside a broken one still resolves.
    assert_eq!(
        actual_edges(&r),
        [
            "packages/a/src/index.ts:1 ~/math [import] internal packages/a/src/math.ts",
            "packages/a/src/index.ts:2 ./ok [import] internal packages/a/src/ok.ts",
            "packages/a/src/index.ts:3 ./latin1 [import] internal packages/a/src/latin1.ts",
            "packages/a/src/index.ts:4 ./vendor.min.js [import] internal packages/a/src/vendor.min.js",
            "packages/b/src/index.ts:1 ./helper [import] internal packages/b/src/helper.ts",
            "packages/broken/src/index.ts:1 ./util [import] internal packages/broken/src/util.ts",
            "packages/c/src/index.ts:1 @bad/a [import] workspace packages/a/src/index.ts",
            "packages/c/src/index.ts:2 ./label [import] internal packages/c/src/label.ts",
        ]
    );
    // EXPECTED.md, "Diagnostics (8)".
    assert_eq!(
        diagnostics(&r),
        [
            "packages/a/src/binary.js:1:0 binary",
            "packages/a/src/bundle.js:0:0 minified",
            "packages/a/src/latin1.ts:2:0 not-utf8",
            "packages/a/src/syntax-error.ts:5:17 syntax",
            "packages/a/src/vendor.min.js:0:0 minified",
            "packages/b/tsconfig.json:5:4 bad-tsconfig",
            "packages/broken/package.json:5:3 bad-manifest",
            "packages/c/tsconfig.json:2:0 bad-tsconfig",
        ]
    );
    assert!(violations(&r).is_empty() && cycles(&r).is_empty());
    assert_eq!(
        packages(&r),
        [
            "bad-input-root . root 0",
            "@bad/a packages/a library 7",
            "@bad/b packages/b library 2",
            "packages/broken packages/broken library 2",
            "@bad/c packages/c library 2",
        ]
    );
    // Files whose imports are unknown: the syntax error, latin1, binary and the minified bundle.
    assert_eq!(r["summary"]["parse_errors"], 4);
}

#[test]
fn json_is_byte_identical_across_thread_counts() {
    for name in ["acme-frontend", "pnpm-exports", "bad-input"] {
        let root = fixture(name);
        let one = monodup(&["graph", root.to_str().unwrap(), "--format", "json", "-j", "1"]);
        let eight = monodup(&["graph", root.to_str().unwrap(), "--format", "json", "-j", "8"]);
        assert_eq!(one.code, 0);
        assert!(one.stdout == eight.stdout, "{name}: -j1 and -j8 differ");
    }
}

#[test]
fn pnpm_exports_packages_violations() {
    let r = graph("pnpm-exports", &[]);
    assert_eq!(
        packages(&r),
        [
            // packages/legacy-x is excluded by `!packages/legacy-*`: its 2 files belong to the root.
            "kit-monorepo . root 2",
            "@kit/blog apps/blog app 4",
            "@kit/shop apps/shop app 5",
            "@kit/hooks packages/hooks library 3",
            "@kit/store packages/store library 3",
            "@kit/ui packages/ui library 5",
            "@kit/utils packages/utils library 3",
        ]
    );
    assert_eq!(violations(&r), ["deep-import packages/hooks/src/use-accent.ts:2 @kit/ui/src/internal/theme"]);
    assert!(cycles(&r).is_empty());
    assert!(diagnostics(&r).is_empty(), "{:?}", diagnostics(&r));
}

/// (ROOT, packages as `name path kind files`, edges as in `actual_edges`).
const FORMS: &[(&str, &[&str], &[&str])] = &[
    (
        "npm-array",
        &[
            "npm-array-root . root 0",
            "@npm-array/cli packages/cli library 2",
            "@npm-array/core packages/core library 1",
        ],
        &[
            "packages/cli/src/index.ts:1 @npm-array/core [import] workspace packages/core/src/index.ts",
            "packages/cli/src/index.ts:2 ./args [import] internal packages/cli/src/args.ts",
        ],
    ),
    (
        "yarn-object",
        &[
            "yarn-object-root . root 0",
            "@yarn-object/mobile apps/mobile app 1",
            "@yarn-object/shared libs/shared library 1",
        ],
        &[
            "apps/mobile/src/App.tsx:1 react-native [import] external react-native",
            "apps/mobile/src/App.tsx:2 @yarn-object/shared [import] workspace libs/shared/src/index.ts",
        ],
    ),
    (
        "bun",
        &[
            "bun-root . root 0",
            "@bun-ws/server packages/server library 1",
            "@bun-ws/shared packages/shared library 1",
        ],
        &["packages/server/src/index.ts:1 @bun-ws/shared [import] workspace packages/shared/src/index.ts"],
    ),
    (
        "lerna",
        &[
            "lerna-root . root 0",
            "@lerna-demo/alpha modules/alpha library 1",
            "@lerna-demo/beta modules/beta library 1",
        ],
        &["modules/alpha/src/index.js:1 @lerna-demo/beta [require] workspace modules/beta/src/index.js"],
    ),
    (
        "nx",
        &["@nx-demo/source . root 0", "api apps/api app 1", "shared libs/shared library 2"],
        &[
            "apps/api/src/main.ts:1 node:http [import] builtin http",
            "apps/api/src/main.ts:2 @nx-demo/shared [import] workspace libs/shared/src/index.ts",
            "libs/shared/src/index.ts:1 ./lib/slug [export-from] internal libs/shared/src/lib/slug.ts",
        ],
    ),
    (
        "plain",
        &["plain-root . root 0", "plain-site site app 2", "plain-format tools/format library 1"],
        &[
            "site/src/index.js:1 some-dep [import] external some-dep",
            "site/src/index.js:2 plain-format [import] workspace tools/format/index.js",
        ],
    ),
];

#[test]
fn every_workspace_form_is_discovered() {
    for (form, pkgs, edges) in FORMS {
        let r = graph(&format!("workspace-forms/{form}"), &[]);
        assert_eq!(packages(&r), *pkgs, "{form}");
        assert_eq!(actual_edges(&r), *edges, "{form}");
        assert!(violations(&r).is_empty() && cycles(&r).is_empty() && diagnostics(&r).is_empty(), "{form}");
    }
}
