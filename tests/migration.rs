//! `monodup migration` on testdata/migration: six apps at six stages of moving onto one shared
//! package (testdata/migration/EXPECTED.md), each verdict exact.

mod common;

use common::{fixture, monodup};
use serde_json::{json, Value};

fn report() -> Value {
    let root = fixture("migration");
    let run = monodup(&["migration", root.to_str().unwrap(), "--format", "json", "-q"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap()
}

fn app<'a>(r: &'a Value, name: &str) -> &'a Value {
    r["migration"]["packages"][0]["apps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["app"] == format!("apps/{name}"))
        .unwrap_or_else(|| panic!("apps/{name}: {r}"))
}

#[test]
fn each_app_gets_its_verdict() {
    let r = report();
    let p = &r["migration"]["packages"][0];
    assert_eq!(
        (p["package"].as_str(), p["name"].as_str(), p["version"].as_str()),
        (Some("packages/auth"), Some("@mig/auth"), Some("1.2.0"))
    );
    assert_eq!(r["migration"]["packages"].as_array().unwrap().len(), 1);
    assert_eq!(r["migration"]["summary"], json!({"packages": 1, "apps": 6, "migrated": 2}));

    let one = app(&r, "one");
    assert_eq!(one["migrated"], true);
    assert_eq!(one["imports"], 1);
    assert_eq!(one["imported_names"], json!(["readSession"]));
    assert_eq!(
        (one["declared"].as_str(), one["declared_admits_version"].as_bool()),
        (Some("^1.0.0"), Some(true))
    );
    assert_eq!(one["local_copies"], json!([]));
    assert_eq!(one["broken_imports"], json!([]));

    let two = app(&r, "two");
    assert_eq!(two["migrated"], false);
    assert_eq!(two["imports"], 0);
    assert_eq!(two["declared"], Value::Null);
    assert_eq!(
        two["local_copies"],
        json!([{"file": "apps/two/src/lib/session.ts", "package_file": "packages/auth/src/session.ts",
                "units": ["Session", "STORAGE_KEY", "readSession", "writeSession", "clearSession"],
                "lines": 23, "identical": true, "added": 0, "removed": 0, "dead": false}])
    );

    let three = app(&r, "three");
    assert_eq!(three["migrated"], false);
    let copy = &three["local_copies"][0];
    assert_eq!(copy["file"], "apps/three/src/lib/session.ts");
    assert_eq!(
        (copy["identical"].as_bool(), copy["added"].as_u64(), copy["removed"].as_u64()),
        (Some(false), Some(3), Some(2))
    );
    assert!(copy["units"].as_array().unwrap().contains(&json!("readSession")), "{copy}");
    assert_eq!(copy["dead"], false);

    let four = app(&r, "four");
    assert_eq!(four["migrated"], false);
    assert_eq!(four["imports"], 1);
    assert_eq!(four["local_copies"][0]["dead"], true);
    assert_eq!(four["local_copies"][0]["identical"], true);

    let five = app(&r, "five");
    assert_eq!(five["migrated"], true);
    assert_eq!(five["imported_names"], json!(["AuthProvider", "useAuthGuard"]));
    assert_eq!(
        (five["declared"].as_str(), five["declared_admits_version"].as_bool()),
        (Some("^2.0.0"), Some(false))
    );
    assert_eq!(
        five["broken_imports"],
        json!([{"file": "apps/five/src/app/page.tsx", "line": 1, "specifier": "@mig/auth", "name": "useAuthGuard",
                "reason": "@mig/auth does not export useAuthGuard"}])
    );

    let six = app(&r, "six");
    assert_eq!(six["migrated"], false);
    assert_eq!(six["imports"], 0);
    assert_eq!(
        six["broken_imports"],
        json!([{"file": "apps/six/src/app/page.tsx", "line": 1, "specifier": "@mig/auth", "name": null,
                "reason": "resolves to apps/six/src/lib/auth-stub.ts in the app, not to the package"}])
    );
}

#[test]
fn table_and_markdown_say_how_many_apps_are_migrated() {
    let root = fixture("migration");
    let table = monodup(&["migration", root.to_str().unwrap(), "-q"]);
    assert_eq!(table.code, 0, "{}", table.stderr);
    assert!(table.stdout.contains("@mig/auth (packages/auth): 2 of 6 apps migrated"), "{}", table.stdout);
    assert!(table.stdout.contains("^2.0.0 (excludes 1.2.0)"), "{}", table.stdout);
    let md = monodup(&["migration", root.to_str().unwrap(), "--format", "markdown", "-q"]);
    assert!(md.stdout.contains("## `@mig/auth` (packages/auth): 2 of 6 apps migrated"), "{}", md.stdout);
    assert!(md.stdout.contains("| apps/four | no | 1 | workspace:* |"), "{}", md.stdout);
    // --package narrows by name or path; an unknown one gives an empty report.
    let none =
        monodup(&["migration", root.to_str().unwrap(), "--package", "@mig/other", "--format", "json", "-q"]);
    let v: Value = serde_json::from_str(&none.stdout).unwrap();
    assert_eq!(v["migration"]["summary"]["packages"], 0);
    common::assert_same_output_at_threads(
        &["migration", root.to_str().unwrap(), "--format", "json", "-q"],
        &[1, 8],
    );
}

fn check(repo: &common::TempRepo, extra: &[&str]) -> common::Run {
    let mut args = vec!["check", repo.arg(), "--format", "json", "-q"];
    args.extend_from_slice(extra);
    monodup(&args)
}

fn gates(run: &common::Run) -> Vec<(String, String)> {
    let v: Value =
        serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}{}", run.stdout, run.stderr));
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["gate"].as_str().unwrap().to_string(), f["file"].as_str().unwrap().to_string()))
        .collect()
}

#[test]
fn the_gates_stop_the_slide_back_and_the_baseline_keeps_old_copies_quiet() {
    let repo = common::TempRepo::from_fixture("migration");
    repo.write(
        "monodup.toml",
        "[check]\nnew_clones = false\nmax_new_duplicated_lines = 100000\nno_new_local_copies = \"error\"\nno_broken_package_imports = \"error\"\n",
    );
    repo.init_git();
    // Without a baseline, every copy and broken import is new.
    let run = check(&repo, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let found = gates(&run);
    for file in
        ["apps/two/src/lib/session.ts", "apps/three/src/lib/session.ts", "apps/four/src/lib/session.ts"]
    {
        assert!(found.contains(&("new-local-copy".into(), file.into())), "{file}: {found:?}");
    }
    for file in ["apps/five/src/app/page.tsx", "apps/six/src/app/page.tsx"] {
        assert!(found.contains(&("broken-package-import".into(), file.into())), "{file}: {found:?}");
    }
    assert_eq!(found.len(), 5, "{found:?}");

    // The baseline records them: the same tree passes.
    let base = monodup(&["check", repo.arg(), "--update-baseline", "-q"]);
    assert_eq!(base.code, 0, "{}", base.stderr);
    repo.commit("baseline");
    let run = check(&repo, &[]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);

    // A commit pasting the package's code back into the migrated app fails.
    let session = repo.read("packages/auth/src/session.ts");
    repo.write("apps/one/src/lib/session.ts", &session);
    let page = repo.read("apps/one/src/app/page.tsx").replace("\"@mig/auth\"", "\"../lib/session\"");
    repo.write("apps/one/src/app/page.tsx", &page);
    repo.commit("slide back");
    let run = check(&repo, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(gates(&run), vec![("new-local-copy".to_string(), "apps/one/src/lib/session.ts".to_string())]);
    let table = monodup(&["check", repo.arg(), "-q"]);
    assert!(table.stdout.contains("apps/one holds a copy of @mig/auth code"), "{}", table.stdout);
}

#[test]
fn max_unmigrated_apps_counts_app_package_pairs() {
    let repo = common::TempRepo::from_fixture("migration");
    repo.write(
        "monodup.toml",
        "[check]\nnew_clones = false\nmax_new_duplicated_lines = 100000\nmax_unmigrated_apps = 3\n",
    );
    repo.init_git();
    let run = check(&repo, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let v: Value = serde_json::from_str(&run.stdout).unwrap();
    let f = &v["findings"][0];
    assert_eq!(f["gate"], "unmigrated-apps");
    assert!(
        f["message"].as_str().unwrap().starts_with("4 app-package pairs are not migrated, more than 3"),
        "{f}"
    );
    repo.write(
        "monodup.toml",
        "[check]\nnew_clones = false\nmax_new_duplicated_lines = 100000\nmax_unmigrated_apps = 4\n",
    );
    assert_eq!(check(&repo, &[]).code, 0);
}

#[test]
fn scan_json_has_the_migration_section() {
    let root = fixture("migration");
    let run = monodup(&["scan", root.to_str().unwrap(), "--format", "json", "-q"]);
    let v: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["migration"]["summary"], json!({"packages": 1, "apps": 6, "migrated": 2}));
}

#[test]
fn scan_table_and_markdown_show_the_migration_and_every_check_format_its_findings() {
    let root = fixture("migration");
    let root = root.to_str().unwrap();
    let table = monodup(&["scan", root, "-q"]);
    assert!(
        table.stdout.contains("migration: 2 of 6 app-package pairs migrated, over 1 packages"),
        "{}",
        table.stdout
    );
    let md = monodup(&["scan", root, "--format", "markdown", "-q"]);
    assert!(
        md.stdout.contains("## Migration")
            && md.stdout.contains("| @mig/auth | apps/four | no | 1 | 1 | 0 |"),
        "{}",
        md.stdout
    );

    let repo = common::TempRepo::from_fixture("migration");
    repo.write(
        "monodup.toml",
        "[check]\nnew_clones = false\nmax_new_duplicated_lines = 100000\nno_new_local_copies = \"error\"\n",
    );
    repo.init_git();
    for (format, needle) in [
        ("table", "new-local-copy"),
        ("json", "\"gate\": \"new-local-copy\""),
        ("github", "new-local-copy"),
        ("sarif", "\"ruleId\": \"new-local-copy\""),
        ("markdown", "new-local-copy"),
    ] {
        let run = monodup(&["check", repo.arg(), "--format", format, "-q"]);
        assert_eq!(run.code, 1, "{format}: {}", run.stderr);
        assert!(run.stdout.contains(needle), "{format}: {}", run.stdout);
        assert!(run.stdout.contains("apps/two/src/lib/session.ts"), "{format}: {}", run.stdout);
    }
}

#[test]
fn a_class_of_the_same_shape_with_other_methods_is_not_a_local_copy() {
    // plane: web's WebhookService and @plane/services' WorkspaceViewService have one CRUD shape,
    // so the planner groups them, but they are different APIs: not a copy to migrate.
    let repo = common::TempRepo::from_fixture("migration");
    let view = "import { readSession } from \"./session\";\n\nexport class ViewService {\n  constructor(private readonly base: string) {}\n\n  async list(workspace: string): Promise<unknown[]> {\n    const response = await fetch(`${this.base}/workspaces/${workspace}/views/`, { headers: this.headers() });\n    return response.json();\n  }\n\n  async retrieve(workspace: string, id: string): Promise<unknown> {\n    const response = await fetch(`${this.base}/workspaces/${workspace}/views/${id}/`, { headers: this.headers() });\n    return response.json();\n  }\n\n  async remove(workspace: string, id: string): Promise<void> {\n    await fetch(`${this.base}/workspaces/${workspace}/views/${id}/`, { method: \"DELETE\", headers: this.headers() });\n  }\n\n  private headers(): Record<string, string> {\n    const session = readSession(window.localStorage);\n    return session ? { authorization: `Bearer ${session.token}` } : {};\n  }\n}\n";
    repo.write("packages/auth/src/view-service.ts", view);
    let webhook = view
        .replace("ViewService", "WebhookService")
        .replace("async list(", "async fetchWebhooks(")
        .replace("async retrieve(", "async fetchWebhook(")
        .replace("async remove(", "async deleteWebhook(")
        .replace("private headers(", "private authHeaders(")
        .replace("this.headers()", "this.authHeaders()");
    repo.write("apps/three/src/lib/webhook-service.ts", &webhook);
    repo.write("apps/three/src/app/hooks.ts", "import { WebhookService } from \"../lib/webhook-service\";\nexport const webhooks = new WebhookService(\"/api\");\n");
    // The planner does group them: the filter below is what keeps them apart.
    let plan = monodup(&["plan", repo.arg(), "--format", "json", "-q"]);
    let plan: Value = serde_json::from_str(&plan.stdout).unwrap();
    let grouped =
        plan["plan"].as_array().unwrap().iter().flat_map(|i| i["units"].as_array().unwrap()).any(|u| {
            u["copies"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c["file"] == "apps/three/src/lib/webhook-service.ts")
        });
    assert!(grouped, "{plan}");
    let run = monodup(&["migration", repo.arg(), "--format", "json", "-q"]);
    let r: Value = serde_json::from_str(&run.stdout).unwrap();
    let files: Vec<&str> = app(&r, "three")["local_copies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["file"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["apps/three/src/lib/session.ts"]);
}

#[test]
fn a_library_whose_name_extends_another_s_gets_only_its_own_imports() {
    // `@mig/auth-kit/…` starts with `@mig/auth` but is not `@mig/auth/…`.
    let repo = common::TempRepo::from_fixture("migration");
    repo.write(
        "packages/auth-kit/package.json",
        "{\n  \"name\": \"@mig/auth-kit\",\n  \"version\": \"0.3.0\",\n  \"main\": \"src/index.ts\"\n}\n",
    );
    repo.write("packages/auth-kit/src/index.ts", "export const kitVersion = 3;\n");
    repo.write("packages/auth-kit/src/button.ts", "export const Button = \"button\";\n");
    repo.write(
        "apps/one/src/app/kit.ts",
        "import { kitVersion } from \"@mig/auth-kit\";\nimport { Button } from \"@mig/auth-kit/src/button\";\nexport const both = [kitVersion, Button];\n",
    );
    let before = report();
    let run = monodup(&["migration", repo.arg(), "--format", "json", "-q"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let r: Value = serde_json::from_str(&run.stdout).unwrap();
    let package = |name: &str| {
        r["migration"]["packages"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == name)
            .unwrap_or_else(|| panic!("{name}: {r}"))
            .clone()
    };
    let one = |p: &Value| {
        p["apps"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["app"] == "apps/one")
            .cloned()
            .unwrap_or_else(|| panic!("{p}"))
    };
    let kit = one(&package("@mig/auth-kit"));
    assert_eq!(kit["imports"], 1, "{kit}");
    assert_eq!(kit["imported_names"], json!(["Button", "kitVersion"]), "{kit}");
    // `@mig/auth` sees the same imports from apps/one as without the kit.
    assert_eq!(one(&package("@mig/auth"))["imports"], app(&before, "one")["imports"]);
    assert_eq!(one(&package("@mig/auth"))["imported_names"], app(&before, "one")["imported_names"]);
}
