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
                "{} {} {}{}{} apps={} saves={}{}",
                p["id"].as_str().unwrap(),
                p["concern"].as_str().unwrap(),
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
            // @acme/ui, with the `cn` helper the components import. marketing's button imports
            // its own lib/utils, which is no copy: blocked until that is reconciled.
            "P1 ui-components @acme/ui (reuse) apps=6 saves=404 blocked",
            "P2 hooks @acme/hooks (new) apps=6 saves=220",
            "P3 auth @acme/auth (new) apps=5 saves=188",
            "P4 animated-components @acme/motion (new) apps=4 saves=124",
            "P5 api-client @acme/api-client (new) apps=6 saves=122",
            "P6 utils @acme/utils (new) apps=6 saves=82",
        ]
    );
    assert_eq!(r["summary"]["estimated_savings_lines"], 404 + 220 + 188 + 124 + 122 + 82);
}

#[test]
fn every_item_names_the_apps_it_leaves() {
    let r = plan();
    let apps = |concern: &str| -> Vec<String> {
        item(&r, concern)["apps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap().replace("@acme/", ""))
            .collect()
    };
    assert_eq!(apps("ui-components"), ["admin", "dashboard", "marketing", "portal", "studio", "web"]);
    assert_eq!(apps("hooks"), ["admin", "dashboard", "marketing", "portal", "studio", "web"]);
    assert_eq!(apps("auth"), ["admin", "dashboard", "portal", "studio", "web"]);
    assert_eq!(apps("animated-components"), ["marketing", "portal", "studio", "web"]);
    assert_eq!(apps("api-client"), ["admin", "dashboard", "docs", "portal", "studio", "web"]);
    assert_eq!(apps("utils"), ["admin", "dashboard", "docs", "portal", "studio", "web"]);
    // The UI item takes the `cn` helper its components import; utils keeps the rest.
    let names = |concern: &str| -> Vec<String> {
        item(&r, concern)["units"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["name"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(names("ui-components").contains(&"cn".to_string()));
    assert_eq!(names("utils"), ["absoluteUrl", "formatDate", "formatRelative", "slugify", "truncate"]);
}

#[test]
fn auth_savings_match_a_hand_count() {
    let r = plan();
    let auth = item(&r, "auth");
    // auth-context.tsx: AuthUser 7-12 (6), AuthContextValue 14-19 (6), AuthContext 21 (1),
    // AuthProvider 23-58 (36), useAuth 60-66 (7) = 56 in admin, dashboard and web; portal's
    // compact copy 1 + 6 + 1 + 33 + 5 = 46; studio's AuthProvider 23-60 (38) is 87% copied
    // (33.06): 6 + 6 + 1 + 33.06 + 7 = 53. Removed 56 × 3 + 46 + 53 = 267.
    // Moved: the longest copy of each unit: 6 + 6 + 1 + 38 + 7 = 58.
    // Import lines: the files importing auth-context: 2 in admin, dashboard, portal and web,
    // 1 in studio = 9. New package: 12. Savings: 267 - 58 - 9 - 12 = 188.
    assert_eq!(auth["savings"]["removed_lines"], 267);
    assert_eq!(auth["savings"]["moved_lines"], 58);
    assert_eq!(auth["savings"]["import_lines"], 9);
    assert_eq!(auth["savings_lines"], 188);
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
    //     dashboard, marketing, web; portal's shorter copy 3-10 (8) and 12-24 (13).
    //   use-local-storage.ts: SetValue (1), readValue 5-13 (9), useLocalStorage 15-43 (29) in
    //     dashboard, web; portal the same with readStorage; studio's useLocalStorage 15-44 (30)
    //     is 97% copied (29.1 lines).
    //   removed: admin 33, dashboard 72, marketing 33, portal 60, studio 39, web 72 = 309
    //   moved (longest copy of each): 10 + 23 + 1 + 9 + 30 = 73
    //   import lines: one page per app imports a hook in admin, dashboard, studio, web = 4
    //   new package: 12
    //   savings: 309 - 73 - 4 - 12 = 220
    assert_eq!(hooks["savings"]["removed_lines"], 309);
    assert_eq!(hooks["savings"]["moved_lines"], 73);
    assert_eq!(hooks["savings"]["import_lines"], 4);
    assert_eq!(hooks["savings"]["package_overhead"], 12);
    assert_eq!(hooks["savings_lines"], 220);
    let per_app: Vec<(String, u64)> = hooks["per_app"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["package"].as_str().unwrap().to_string(), a["lines_removed"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        per_app,
        [
            ("@acme/admin".to_string(), 33),
            ("@acme/dashboard".to_string(), 72),
            ("@acme/marketing".to_string(), 33),
            ("@acme/portal".to_string(), 60),
            ("@acme/studio".to_string(), 39),
            ("@acme/web".to_string(), 72),
        ]
    );
    let units: Vec<&str> =
        hooks["units"].as_array().unwrap().iter().map(|u| u["name"].as_str().unwrap()).collect();
    assert_eq!(
        units,
        ["SetValue", "readStorage", "readValue", "useDebounce", "useDebouncedCallback", "useLocalStorage"]
    );
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
    let blockers: Vec<&str> = ui["blockers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["severity"] == "blocker")
        .map(|b| b["file"].as_str().unwrap())
        .collect();
    assert_eq!(blockers, ["frontend/apps/marketing/src/components/ui/button.tsx"]);
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
    // Route files (app/**/page.tsx, layout.tsx) stay in the apps.
    let all = r["plan"].to_string();
    assert!(!all.contains("/app/layout.tsx") && !all.contains("/app/page.tsx"));
}

#[test]
fn markdown_and_table() {
    let root = fixture("acme-frontend");
    let md = monodup(&["plan", root.to_str().unwrap(), "--format", "markdown", "-q"]);
    assert_eq!(md.code, 0);
    assert!(md.stdout.contains("### P2 — hooks: create @acme/hooks"), "{}", md.stdout);
    assert!(md.stdout.contains("Replace with: `import { … } from \"@acme/hooks\"`."));
    assert!(md.stdout.contains("**version drift**"));
    let table = monodup(&["plan", root.to_str().unwrap()]);
    assert!(table.stdout.contains("Extraction plan (ranked by lines saved)"));
    assert!(table.stdout.contains("Estimated savings: 1140 lines over 6 items."));
    let scan = monodup(&["scan", root.to_str().unwrap()]);
    assert!(scan.stdout.contains("estimated savings: 1140 lines over 6 items"));
}

#[test]
fn plan_is_deterministic() {
    let root = fixture("acme-frontend");
    let one = monodup(&["plan", root.to_str().unwrap(), "--format", "json", "-j", "1", "-q"]);
    let eight = monodup(&["plan", root.to_str().unwrap(), "--format", "json", "-j", "8", "-q"]);
    assert!(one.stdout == eight.stdout);
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
        kinds.iter().any(|(s, m)| s == "warning" && m.starts_with("imports types from @/types/user")),
        "{kinds:?}"
    );
    assert!(kinds.iter().any(|(s, m)| s == "blocker" && m.starts_with("imports @/lib/greet")), "{kinds:?}");
    assert_eq!(item["blocked"], true);
}
