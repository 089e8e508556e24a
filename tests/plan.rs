//! The extraction plan of the seven-app fixture, with savings checked against a hand count.

mod common;

use common::{fixture, monodup, report};
use pretty_assertions::assert_eq;
use serde_json::Value;

fn plan() -> Value {
    report(&["plan", fixture("acme-frontend").to_str().unwrap()])
}

fn item<'a>(r: &'a Value, concern: &str) -> &'a Value {
    r["plan"].as_array().unwrap().iter().find(|p| p["concern"] == concern).unwrap()
}

#[test]
fn items_targets_and_order() {
    let r = plan();
    let rows: Vec<String> = r["plan"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            format!(
                "{} {} {} {}{}{} packages={} saves={}{}",
                p["id"].as_str().unwrap(),
                p["concern"].as_str().unwrap(),
                p["theme"].as_str().unwrap(),
                p["target_package"].as_str().unwrap(),
                if p["reuse"] == true { " (reuse)" } else { "" },
                if p["new_package"] == true { " (new)" } else { "" },
                p["copies"],
                p["savings_lines"],
                if p["blocked"] == true { " blocked" } else { "" },
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            // marketing copied @acme/ui's button; the others copied web's: all become imports of
            // @acme/ui (which gains the card and input it lacks).
            "P1 ui-components components @acme/ui (reuse) packages=6 saves=350",
            "P2 hooks hooks @acme/hooks (new) packages=6 saves=225",
            "P3 auth contexts @acme/auth (new) packages=5 saves=202",
            "P4 api-client lib @acme/api-client (new) packages=6 saves=115",
            "P5 animated-components components/animated @acme/motion (new) packages=4 saves=111",
            "P6 utils lib @acme/utils (new) packages=6 saves=106",
        ]
    );
    assert_eq!(r["summary"]["estimated_savings_lines"], 350 + 225 + 202 + 115 + 111 + 106);
    // The seven apps copied helpers, not each other's screens: no fork.
    assert_eq!(r["forks"], serde_json::json!([]));
}

#[test]
fn every_item_names_the_apps_it_leaves() {
    let r = plan();
    let apps = |concern: &str| -> Vec<String> {
        item(&r, concern)["apps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap().replace("frontend/apps/", ""))
            .collect()
    };
    assert_eq!(apps("ui-components"), ["admin", "dashboard", "marketing", "portal", "studio", "web"]);
    assert_eq!(apps("hooks"), ["admin", "dashboard", "marketing", "portal", "studio", "web"]);
    assert_eq!(apps("auth"), ["admin", "dashboard", "portal", "studio", "web"]);
    assert_eq!(apps("animated-components"), ["marketing", "portal", "studio", "web"]);
    assert_eq!(apps("api-client"), ["admin", "dashboard", "docs", "portal", "studio", "web"]);
    assert_eq!(apps("utils"), ["admin", "dashboard", "docs", "portal", "studio", "web"]);
    // lib/utils.ts holds `cn` beside the date helpers: the file has one home, the utils item,
    // and the UI item depends on it.
    let names = |concern: &str| -> Vec<String> {
        item(&r, concern)["units"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["name"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(names("utils"), ["absoluteUrl", "cn", "formatDate", "formatRelative", "slugify", "truncate"]);
    let planned = |concern: &str| -> Vec<String> {
        item(&r, concern)["dependencies"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["kind"] == "planned")
            .map(|d| d["name"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(planned("ui-components"), ["@acme/api-client", "@acme/utils"]);
}

#[test]
fn auth_savings_match_a_hand_count() {
    let r = plan();
    let auth = item(&r, "auth");
    // auth-context.tsx: AuthUser 7-12 (6), AuthContextValue 14-19 (6), AuthContext 21 (1),
    // AuthProvider 23-58 (36), useAuth 60-66 (7) = 56 in admin, dashboard and web; portal's
    // compact copy 1 + 6 + 1 + 33 + 5 = 46. studio's copy is the longest (AuthProvider 23-60,
    // 38 lines): it is kept and moves, 6 + 6 + 1 + 38 + 7 = 58.
    // Removed: 56 × 3 + 46 = 214. The files go whole: their 9 importers are rewritten, no
    // import line is added. New package: 12. Savings: 214 - 0 - 12 = 202.
    assert_eq!(auth["savings"]["removed_lines"], 214);
    assert_eq!(auth["savings"]["moved_lines"], 58);
    assert_eq!(auth["savings"]["import_lines"], 0);
    assert_eq!(auth["savings"]["import_rewrites"], 9);
    assert_eq!(auth["savings_lines"], 202);
    let kept: Vec<&str> = auth["units"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|u| u["copies"].as_array().unwrap())
        .filter(|c| c["kept"] == true)
        .map(|c| c["package"].as_str().unwrap())
        .collect();
    assert_eq!(kept, ["frontend/apps/studio"; 5]);
}

#[test]
fn concern_rules_from_config_win() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("monodup.toml");
    std::fs::write(&cfg, "[plan]\nscope = \"@corp\"\n\n[plan.concerns]\n\"**/hooks/**\" = \"utils\"\n")
        .unwrap();
    let r = report(&["plan", fixture("acme-frontend").to_str().unwrap(), "--config", cfg.to_str().unwrap()]);
    let concerns: Vec<&str> =
        r["plan"].as_array().unwrap().iter().map(|p| p["concern"].as_str().unwrap()).collect();
    assert!(!concerns.contains(&"hooks"), "{concerns:?}");
    // New packages take the configured scope.
    assert_eq!(item(&r, "auth")["target_package"], "@corp/auth");
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[plan.concerns]\n\"**\" = \"nonsense\"\n").unwrap();
    let run =
        monodup(&["plan", fixture("acme-frontend").to_str().unwrap(), "--config", bad.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("nonsense"), "{}", run.stderr);
}

#[test]
fn hooks_savings_match_a_hand_count() {
    let r = plan();
    let hooks = item(&r, "hooks");
    // Hand count from the fixture's files (lines of each top-level unit):
    //   use-debounce.ts: useDebounce 3-12 (10), useDebouncedCallback 14-36 (23) in admin,
    //     dashboard, marketing, web; portal's shorter copy 3-10 (8) and 12-24 (13). admin's
    //     copy is kept (the longest; ties by path) and moves: 33.
    //   use-local-storage.ts: SetValue (1), readValue 5-13 (9), useLocalStorage 15-43 (29) in
    //     dashboard, web; portal the same with readValue renamed readStorage (same code);
    //     studio's useLocalStorage 15-44 (30) is the longest: kept, moves 1 + 9 + 30 = 40.
    //   removed: dashboard 33 + 39, marketing 33, portal 21 + 39, web 33 + 39 = 237
    //   moved: 33 + 40 = 73; import lines: none (the hook files go whole); new package: 12
    //   savings: 237 - 0 - 12 = 225
    assert_eq!(hooks["savings"]["removed_lines"], 237);
    assert_eq!(hooks["savings"]["moved_lines"], 73);
    assert_eq!(hooks["savings"]["import_lines"], 0);
    assert_eq!(hooks["savings"]["package_overhead"], 12);
    assert_eq!(hooks["savings_lines"], 225);
    let per_app: Vec<(String, u64, u64)> = hooks["per_app"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["package"].as_str().unwrap().replace("frontend/apps/", ""),
                a["lines_removed"].as_u64().unwrap(),
                a["lines_moved"].as_u64().unwrap(),
            )
        })
        .collect();
    let row = |p: &str, r: u64, m: u64| (p.to_string(), r, m);
    assert_eq!(
        per_app,
        [
            row("admin", 0, 33),
            row("dashboard", 72, 0),
            row("marketing", 33, 0),
            row("portal", 60, 0),
            row("studio", 0, 40),
            row("web", 72, 0),
        ]
    );
    let units: Vec<&str> =
        hooks["units"].as_array().unwrap().iter().map(|u| u["name"].as_str().unwrap()).collect();
    assert_eq!(units, ["SetValue", "readValue", "useDebounce", "useDebouncedCallback", "useLocalStorage"]);
}

#[test]
fn dependencies_drift_blockers_and_warnings() {
    let r = plan();
    let ui = item(&r, "ui-components");
    let drift: Vec<&str> = ui["dependencies"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["drift"] == true)
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    // react-hook-form ^7.51.0 in admin, ^7.45.0 in dashboard.
    assert_eq!(drift, ["react-hook-form"]);
    // marketing's button imports its lib/utils, which the utils item moves: a planned
    // dependency, not a blocker.
    assert_eq!(ui["blocked"], false);
    // The API client reads its base URL from the environment: a warning, not a blocker.
    let api = item(&r, "api-client");
    assert_eq!(api["blocked"], false);
    assert!(api["blockers"]
        .as_array()
        .unwrap()
        .iter()
        .any(|b| b["kind"] == "env" && b["message"].as_str().unwrap().contains("NEXT_PUBLIC_API_URL")));
    // auth needs the api client, which another item moves.
    let auth = item(&r, "auth");
    let planned: Vec<&str> = auth["dependencies"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["kind"] == "planned")
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    assert_eq!(planned, ["@acme/api-client"]);
    // Route files (app/**/page.tsx, layout.tsx) stay in the apps: no unit is taken from one,
    // and the items list the ones that will import the package.
    for p in r["plan"].as_array().unwrap() {
        for f in p["files"].as_array().unwrap().iter().chain(p["removed_files"].as_array().unwrap()) {
            let f = f.as_str().unwrap();
            assert!(!f.ends_with("/app/layout.tsx") && !f.ends_with("/page.tsx"), "{f}");
        }
    }
    assert!(item(&r, "hooks")["stays"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s.as_str().unwrap().ends_with("/page.tsx")));
}

#[test]
fn markdown_and_table() {
    let root = fixture("acme-frontend");
    let md = monodup(&["plan", root.to_str().unwrap(), "--format", "markdown", "-q"]);
    assert_eq!(md.code, 0);
    assert!(md.stdout.contains("### P2 — hooks `hooks`: create @acme/hooks"), "{}", md.stdout);
    assert!(md.stdout.contains("Replace with: `import { … } from \"@acme/hooks\"`."));
    assert!(md.stdout.contains("**version drift**"));
    let table = monodup(&["plan", root.to_str().unwrap()]);
    assert!(table.stdout.contains("Extraction plan (ranked by lines saved)"));
    assert!(table.stdout.contains("Estimated savings: 1109 lines over 6 items."));
    let scan = monodup(&["scan", root.to_str().unwrap()]);
    assert!(scan.stdout.contains("estimated savings: 1109 lines over 6 items"));
}

#[test]
fn plan_is_deterministic() {
    let root = fixture("acme-frontend");
    common::assert_same_output_at_threads(
        &["plan", root.to_str().unwrap(), "--format", "json", "-q"],
        &[1, 8],
    );
}

#[test]
fn type_only_app_imports_warn_and_runtime_ones_block() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    common::write(root, "package.json", r#"{"name": "r", "workspaces": ["apps/*"]}"#);
    let card = "import type { User } from '@/types/user';\nimport { greet } from '@/lib/greet';\n\n\
export function UserCard({ user }: { user: User }) {\n  const title = greet(user.name);\n  const initials = user.name.split(' ').map((part) => part[0]).join('');\n\
  return (\n    <section className=\"card\">\n      <h2>{title}</h2>\n      <span className=\"avatar\">{initials}</span>\n      <p>{user.email}</p>\n\
    </section>\n  );\n}\n";
    for (app, field) in [("one", "email"), ("two", "mail")] {
        common::write(root, &format!("apps/{app}/package.json"), &format!(r#"{{"name": "@x/{app}"}}"#));
        common::write(root, &format!("apps/{app}/next.config.js"), "module.exports = {};\n");
        common::write(
            root,
            &format!("apps/{app}/tsconfig.json"),
            r#"{"compilerOptions": {"baseUrl": ".", "paths": {"@/*": ["./src/*"]}}}"#,
        );
        common::write(root, &format!("apps/{app}/src/components/user-card.tsx"), card);
        // Each app has screens of its own: not a fork.
        let page = if app == "one" {
            "export default function Page() {\n  const items = [1, 2, 3].map((n) => n * 2);\n  return <ul>{items.map((i) => <li key={i}>{i}</li>)}</ul>;\n}\n"
        } else {
            "import { useState } from 'react';\nexport default function Page() {\n  const [q, setQ] = useState('');\n  if (!q) return null;\n  return <form><input value={q} onChange={(e) => setQ(e.target.value)} /></form>;\n}\n"
        };
        common::write(root, &format!("apps/{app}/src/app/page.tsx"), page);
        // Differs per app: not a copy.
        common::write(
            root,
            &format!("apps/{app}/src/types/user.ts"),
            &format!("export interface User {{ name: string; {field}: string }}\n"),
        );
        common::write(
            root,
            &format!("apps/{app}/src/lib/greet.ts"),
            &format!("export const greet = (n: string) => '{app} ' + n;\n"),
        );
    }
    let r = report(&["plan", root.to_str().unwrap()]);
    let item = &r["plan"][0];
    let kinds: Vec<(String, String)> = item["blockers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| (b["severity"].as_str().unwrap().to_string(), b["message"].as_str().unwrap().to_string()))
        .collect();
    assert!(
        kinds.iter().any(|(s, m)| s == "warning" && m.starts_with("imports @/types/user (")),
        "{kinds:?}"
    );
    assert!(kinds.iter().any(|(s, m)| s == "blocker" && m.starts_with("imports @/lib/greet")), "{kinds:?}");
    assert_eq!(item["blocked"], true);
}
