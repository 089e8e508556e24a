//! The planner on one small fixture per real-repository defect (testdata/plan-v2/*/EXPECTED.md;
//! the items, forks and presets each must give are its expect.json, run by tests/spec.rs), the
//! accounting invariants of docs/plan.md on every fixture, and what an expect file cannot say.

mod common;

use common::{fixture, report};
use pretty_assertions::assert_eq;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

fn scan(name: &str) -> Value {
    report(&["scan", fixture(&format!("plan-v2/{name}")).to_str().unwrap()])
}

fn arr(v: &Value) -> &Vec<Value> {
    v.as_array().unwrap()
}

fn strs(v: &Value) -> Vec<String> {
    arr(v).iter().map(|s| s.as_str().unwrap().to_string()).collect()
}

/// `concern target apps=[…] units=[…]` per item, in rank order.
fn rows(r: &Value) -> Vec<String> {
    arr(&r["plan"])
        .iter()
        .map(|p| {
            let units: Vec<&str> = arr(&p["units"]).iter().map(|u| u["name"].as_str().unwrap()).collect();
            format!(
                "{} {} apps={} units={}{}",
                p["concern"].as_str().unwrap(),
                p["target_package"].as_str().unwrap(),
                strs(&p["apps"]).join(","),
                units.join(","),
                if p["blocked"] == true { " blocked" } else { "" }
            )
        })
        .collect()
}

/// docs/plan.md, "Savings": every figure is a sum over the copies the item lists.
fn assert_accounting(r: &Value) {
    let lines: BTreeMap<String, u64> = arr(&r["packages"])
        .iter()
        .map(|p| (p["path"].as_str().unwrap().into(), p["lines"].as_u64().unwrap()))
        .collect();
    let mut homes: BTreeMap<String, String> = BTreeMap::new();
    for p in arr(&r["plan"]) {
        let id = p["id"].as_str().unwrap();
        let target = p["target_package"].as_str().unwrap();
        let files: BTreeSet<String> = strs(&p["files"]).into_iter().collect();
        let removed_files: BTreeSet<String> = strs(&p["removed_files"]).into_iter().collect();
        let (mut removed, mut moved) = (0, 0);
        for u in arr(&p["units"]) {
            let copies = arr(&u["copies"]);
            assert_eq!(
                copies.iter().filter(|c| c["kept"] == true).count(),
                1,
                "{id}: one kept copy of {}",
                u["name"]
            );
            let pkgs: BTreeSet<&str> = copies.iter().map(|c| c["package"].as_str().unwrap()).collect();
            assert_eq!(pkgs.len(), copies.len(), "{id}: copies of {} in distinct packages", u["name"]);
            for c in copies {
                let f = c["file"].as_str().unwrap();
                assert!(files.contains(f) || removed_files.contains(f), "{id}: {f} listed");
                let n = c["lines"].as_u64().unwrap();
                assert_eq!(n, c["end_line"].as_u64().unwrap() - c["start_line"].as_u64().unwrap() + 1);
                if c["kept"] == true {
                    if c["package_name"] != target {
                        moved += n;
                    }
                } else {
                    removed += n;
                }
            }
        }
        let s = &p["savings"];
        assert_eq!(s["removed_lines"].as_u64(), Some(removed), "{id}: removed");
        assert_eq!(s["moved_lines"].as_u64(), Some(moved), "{id}: moved");
        let sum = |k: &str| arr(&p["per_app"]).iter().map(|a| a[k].as_u64().unwrap()).sum::<u64>();
        assert_eq!(sum("lines_removed"), removed, "{id}: per_app removed");
        assert_eq!(sum("lines_moved"), moved, "{id}: per_app moved");
        assert_eq!(Some(sum("import_lines")), s["import_lines"].as_u64(), "{id}: per_app imports");
        for a in arr(&p["per_app"]) {
            let g = |k: &str| a[k].as_u64().unwrap();
            assert_eq!(
                g("lines_after"),
                g("lines_now") - g("lines_removed") - g("lines_moved") + g("import_lines")
            );
            assert_eq!(
                Some(&g("lines_now")),
                lines.get(a["package"].as_str().unwrap()),
                "{id}: per_app by path"
            );
        }
        assert_eq!(
            p["savings_lines"].as_i64().unwrap(),
            s["removed_lines"].as_i64().unwrap()
                - s["import_lines"].as_i64().unwrap()
                - s["package_overhead"].as_i64().unwrap()
        );
        for f in files.iter().chain(&removed_files) {
            if let Some(other) = homes.insert(f.clone(), id.to_string()) {
                assert_eq!(other, id, "{f} has one home");
            }
        }
    }
    for o in arr(&r["overlaps"]) {
        assert!(o["lines_a"].as_u64() <= lines.get(o["package_a"].as_str().unwrap()).copied());
        assert!(o["lines_b"].as_u64() <= lines.get(o["package_b"].as_str().unwrap()).copied());
    }
}

#[test]
fn accounting_adds_up_on_every_fixture() {
    let mut names: Vec<String> = std::fs::read_dir(fixture("plan-v2"))
        .unwrap()
        .filter_map(|e| {
            e.ok().filter(|e| e.path().is_dir()).map(|e| e.file_name().to_string_lossy().into_owned())
        })
        .collect();
    names.sort();
    assert!(names.len() >= 8, "{names:?}");
    for n in &names {
        assert_accounting(&scan(n));
    }
    for f in ["acme-frontend", "apply-seed", "clones", "pnpm-exports"] {
        assert_accounting(&report(&["scan", fixture(f).to_str().unwrap()]));
    }
}

#[test]
fn lists_that_differ_in_literals_are_clones_but_not_copies() {
    let r = scan("literal-lists");
    // The tab lists are a renamed clone class whose similarity says how little is equal.
    let tabs = arr(&r["clones"])
        .iter()
        .find(|c| arr(&c["fragments"]).iter().any(|f| f["file"].as_str().unwrap().contains("settings")))
        .expect("a clone of the tab lists");
    assert_eq!(tabs["kind"], "renamed");
    assert!(tabs["similarity"].as_f64().unwrap() < 0.9, "{}", tabs["similarity"]);
    let exact = r["summary"]["duplicated_lines_exact"].as_u64().unwrap();
    assert!(exact < r["summary"]["duplicated_lines"].as_u64().unwrap());
}

#[test]
fn packages_are_identified_by_path() {
    let r = scan("same-name-packages");
    let per_app: Vec<(String, String)> = arr(&r["plan"][0]["per_app"])
        .iter()
        .map(|a| (a["package"].as_str().unwrap().to_string(), a["name"].as_str().unwrap().to_string()))
        .collect();
    let row = |p: &str, n: &str| (p.to_string(), n.to_string());
    assert_eq!(
        per_app,
        [row("apps/admin", "@fx/admin"), row("apps/web", "@fx/web"), row("legacy/web", "@fx/web")]
    );
}

/// Seen on plane: an `index.ts` barrel (only `export … from`, so no tokens of its own) was
/// cited as a module that "differs per app"; a module only one app's copy imports was pulled
/// along instead of blocking.
#[test]
fn barrels_move_along_and_modules_one_app_lacks_block() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    common::write(root, "package.json", r#"{"name": "r", "workspaces": ["apps/*"]}"#);
    let panel = "import { Field } from './fields';\nimport { track } from './track';\n\n\
export function Panel({ title, items }: { title: string; items: string[] }) {\n  const sorted = [...items].sort((a, b) => a.localeCompare(b));\n  track(title);\n\
  return (\n    <section className=\"panel\">\n      <h2>{title}</h2>\n      {sorted.map((i) => (\n        <Field key={i} label={i} />\n      ))}\n    </section>\n  );\n}\n";
    for (app, page) in [
        ("one", "export default function Page() {\n  return <ul>{[1, 2].map((n) => <li key={n}>{n}</li>)}</ul>;\n}\n"),
        ("two", "export default function Page() {\n  const x = Date.now();\n  return x > 0 ? <form /> : null;\n}\n"),
    ] {
        common::write(root, &format!("apps/{app}/package.json"), &format!(r#"{{"name": "@x/{app}"}}"#));
        common::write(root, &format!("apps/{app}/app/page.tsx"), page);
        common::write(root, &format!("apps/{app}/components/panel.tsx"), panel);
        common::write(root, &format!("apps/{app}/components/fields/index.ts"), "export * from './field';\n");
        common::write(
            root,
            &format!("apps/{app}/components/fields/field.tsx"),
            "export const Field = ({ label }: { label: string }) => <span>{label}</span>;\n",
        );
    }
    // Only app one has the module its copy imports; app two's copy imports nothing there.
    common::write(
        root,
        "apps/one/components/track.ts",
        "export const track = (t: string) => console.log(t);\n",
    );
    let r = report(&["plan", root.to_str().unwrap()]);
    assert_accounting(&r);
    let p = &r["plan"][0];
    assert_eq!(
        strs(&p["closure"]),
        ["apps/one/components/fields/field.tsx", "apps/one/components/fields/index.ts"]
    );
    let blockers: Vec<&str> = arr(&p["blockers"])
        .iter()
        .filter(|b| b["severity"] == "blocker")
        .map(|b| b["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        blockers,
        ["imports ./track (apps/one/components/track.ts), which differs between the apps: none in apps/two"]
    );
}

#[test]
fn plan_thresholds_are_configurable_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    let root = fixture("plan-v2/fork");
    let cfg = dir.path().join("monodup.toml");
    // fork_share = 1: base's identical files are 7 of its 8 (the header is only near): no fork.
    std::fs::write(&cfg, "[plan]\nfork_share = 1.0\n").unwrap();
    let r = report(&["scan", root.to_str().unwrap(), "--config", cfg.to_str().unwrap()]);
    assert_eq!(arr(&r["forks"]).len(), 0);
    // Without the fork, the code base and fork share becomes items.
    assert!(arr(&r["plan"]).len() > 1);
    std::fs::write(&cfg, "[plan]\nsimilarity = 1.5\n").unwrap();
    let run = common::monodup(&["scan", root.to_str().unwrap(), "--config", cfg.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("[plan] similarity"), "{}", run.stderr);
}

/// Seen on a real repository: a plan table line of 25,917 characters, and `scan --format
/// markdown` that was only the plan.
#[test]
fn tables_fit_a_terminal_and_markdown_is_the_whole_report() {
    for root in [fixture("acme-frontend"), fixture("plan-v2/fork"), fixture("plan-v2/blockers")] {
        for cmd in ["scan", "plan"] {
            let run = common::monodup(&[cmd, root.to_str().unwrap(), "-q"]);
            assert_eq!(run.code, 0);
            let widest = run.stdout.lines().map(|l| l.chars().count()).max().unwrap_or(0);
            assert!(widest <= 120, "{cmd} {}: a line of {widest} characters", root.display());
        }
    }
    let md =
        common::monodup(&["scan", fixture("plan-v2/fork").to_str().unwrap(), "--format", "markdown", "-q"]);
    for section in ["## Packages", "## Forks", "## Overlaps", "## Graph", "## Extraction plan"] {
        assert!(md.stdout.contains(section), "{section} missing:\n{}", md.stdout);
    }
    assert!(md.stdout.contains("| `apps/fork` | `apps/base` | 7 | 1 | 4 | 237 |"), "{}", md.stdout);
    // The plan document keeps to the plan.
    let plan =
        common::monodup(&["plan", fixture("plan-v2/fork").to_str().unwrap(), "--format", "markdown", "-q"]);
    assert!(plan.stdout.contains("## Forks") && !plan.stdout.contains("## Packages"));
}

/// Seen on shadcn-ui: TanStack `routes/` files and the generated `routeTree.gen.ts` proposed as
/// shared code.
#[test]
fn router_routes_and_generated_files_stay() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    common::write(root, "package.json", r#"{"name": "r", "workspaces": ["apps/*"]}"#);
    let route = "import { createFileRoute } from '@tanstack/react-router';\n\nexport const Route = createFileRoute('/')({\n  component: function Home() {\n    const items = ['one', 'two', 'three'].map((label, i) => ({ label, i, even: i % 2 === 0 }));\n    return (\n      <ul className=\"list\">\n        {items.map((x) => (\n          <li key={x.i} data-even={x.even}>{x.label}</li>\n        ))}\n      </ul>\n    );\n  },\n});\n";
    let generated = "// generated\nexport interface FileRoutesByPath { '/': { id: '/'; path: '/'; fullPath: '/'; preLoaderRoute: unknown; parentRoute: unknown } }\nexport const routeTree = { children: [{ id: '/', path: '/', fullPath: '/' }], options: { strict: true, caseSensitive: false } };\nexport type RouteIds = '/' | '/__root' | '/about' | '/settings' | '/profile' | '/help';\nexport const routeCount = 6;\n";
    let util = "export function chunk<T>(items: T[], size: number): T[][] {\n  const out: T[][] = [];\n  for (let i = 0; i < items.length; i += size) {\n    out.push(items.slice(i, i + size));\n  }\n  if (out.length === 0 && size > 0) {\n    return [[]];\n  }\n  return out.filter((part) => part.length > 0 || size === 0);\n}\n";
    // Each app's own code outweighs what they share: not a fork.
    let own = |app: &str| -> String {
        if app == "one" {
            (0..30).map(|i| format!("export const LABEL_{i} = 'label number {i}';\n")).collect()
        } else {
            let body: String =
                (0..28).map(|i| format!("  m{i}(): number {{\n    return this.n + {i};\n  }}\n")).collect();
            format!("export class Counter {{\n  n = 0;\n{body}}}\n")
        }
    };
    for app in ["one", "two"] {
        let own = own(app);
        common::write(root, &format!("apps/{app}/package.json"), &format!(r#"{{"name": "@x/{app}"}}"#));
        common::write(root, &format!("apps/{app}/src/routes/index.tsx"), route);
        common::write(root, &format!("apps/{app}/src/routeTree.gen.ts"), generated);
        common::write(root, &format!("apps/{app}/src/lib/chunk.ts"), util);
        common::write(root, &format!("apps/{app}/src/lib/own.ts"), &own);
    }
    let r = report(&["plan", root.to_str().unwrap()]);
    assert_eq!(rows(&r), ["utils @x/utils apps=apps/one,apps/two units=chunk"]);
}

#[test]
fn big_items_are_split_by_folder() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("monodup.toml");
    std::fs::write(&cfg, "[plan]\nmax_item_files = 1\n").unwrap();
    let root = fixture("acme-frontend");
    let whole = report(&["plan", root.to_str().unwrap()]);
    let split = report(&["plan", root.to_str().unwrap(), "--config", cfg.to_str().unwrap()]);
    assert_accounting(&split);
    let themes = |r: &Value, concern: &str| -> Vec<String> {
        let mut t: Vec<String> = arr(&r["plan"])
            .iter()
            .filter(|p| p["concern"] == concern)
            .map(|p| p["theme"].as_str().unwrap().to_string())
            .collect();
        t.sort();
        t
    };
    // The UI item (components/ui and components) becomes one item per folder; the removed
    // lines are the same in all.
    assert_eq!(themes(&whole, "ui-components"), ["components"]);
    assert_eq!(themes(&split, "ui-components"), ["components", "components/ui"]);
    let removed = |r: &Value| -> u64 {
        arr(&r["plan"]).iter().map(|p| p["savings"]["removed_lines"].as_u64().unwrap()).sum()
    };
    assert_eq!(removed(&whole), removed(&split));
}
