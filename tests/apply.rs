//! `monodup apply` on copies of testdata/apply-seed (and other fixtures) in temporary git
//! repositories: the dry-run diff of every item, the tree untouched by a dry run, `--write` of
//! every item checked with monodup's own graph and with TypeScript, the refusals, and each kind
//! of import it rewrites.

mod common;

use common::tsc::{link_workspace, new_errors, tsc, tsc_errors};
use common::{monodup, Run, TempRepo};
use serde_json::Value;

const PROJECTS: &[&str] = &["apps/web", "apps/admin", "apps/shop", "packages/ui"];

fn seed() -> TempRepo {
    let repo = TempRepo::from_fixture("apply-seed");
    repo.write(".gitignore", "node_modules\n");
    repo.init_git();
    repo
}

fn apply(repo: &TempRepo, args: &[&str]) -> Run {
    let mut all = vec!["apply", repo.arg()];
    all.extend_from_slice(args);
    monodup(&all)
}

fn status(repo: &TempRepo) -> String {
    let out = std::process::Command::new("git")
        .args(["status", "--porcelain", "--untracked-files=all"])
        .current_dir(repo.path())
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

fn json(run: &Run) -> Value {
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout))
}

fn plan(repo: &TempRepo) -> Value {
    let run = monodup(&["plan", repo.arg(), "--format", "json", "-q"]);
    json(&run)
}

#[test]
fn every_dry_run_diff_is_as_reviewed_and_leaves_the_tree_alone() {
    let repo = seed();
    for id in ["P1", "P2", "P3", "P4", "P5"] {
        let run = apply(&repo, &["--item", id, "-q"]);
        assert_eq!(run.code, 0, "{id}: {}", run.stderr);
        assert!(run.stdout.starts_with("diff --git "), "{id}: {}", run.stdout);
        insta::assert_snapshot!(format!("apply_seed_{id}"), run.stdout);
        assert_eq!(status(&repo), "", "{id}: a dry run wrote into the tree");
    }
}

#[test]
fn dry_run_json_lists_each_file_with_its_content_and_the_manifest_changes() {
    let repo = seed();
    let set = json(&apply(&repo, &["--item", "P3", "--format", "json", "-q"]));
    let files = set["files"].as_array().unwrap();
    let find =
        |path: &str| files.iter().find(|f| f["path"] == path).unwrap_or_else(|| panic!("{path}: {set}"));
    let moved = find("packages/hooks/src/use-debounce.ts");
    assert_eq!(moved["action"], "move");
    assert_eq!(moved["from"], "apps/admin/src/hooks/use-debounce.ts");
    assert!(moved["content"].as_str().unwrap().contains("export function useDebounce"));
    assert_eq!(find("apps/web/src/hooks/use-debounce.ts")["action"], "delete");
    assert_eq!(find("packages/hooks/package.json")["action"], "create");
    let manifests = set["manifests"].as_array().unwrap();
    assert!(manifests.iter().any(|m| m["manifest"] == "apps/web/package.json"
        && m["name"] == "@seed/hooks"
        && m["value"] == "workspace:*"));
    // Same bytes whatever the thread count.
    common::assert_same_output_at_threads(&["apply", repo.arg(), "--all", "--format", "json", "-q"], &[1, 8]);
}

#[test]
fn write_all_keeps_every_import_resolving_and_type_checking() {
    let repo = seed();
    let Some(_) = tsc() else {
        eprintln!("skipped: no tsc");
        return;
    };
    link_workspace(repo.path());
    let before: Vec<_> = PROJECTS.iter().flat_map(|p| tsc_errors(&repo.path().join(p))).collect();
    let planned = plan(&repo);
    let items = planned["plan"].as_array().unwrap();
    let savings: i64 = items.iter().map(|i| i["savings"]["removed_lines"].as_i64().unwrap()).sum();

    let out = json(&apply(&repo, &["--all", "--write", "--format", "json", "-q"]));
    let result = &out["result"];
    assert_eq!(result["broken_imports"], serde_json::json!([]), "{out}");
    assert_eq!(result["items"], serde_json::json!(["P1", "P2", "P3", "P4", "P5"]));
    let dropped = result["duplicated_lines_before"].as_i64().unwrap()
        - result["duplicated_lines_after"].as_i64().unwrap();
    assert!(dropped > 0, "{result}");
    // Every copy is gone, and the repository loses at least the lines the plan said would go
    // (a bit more: the plan counts units, a deleted file also loses its imports and blank lines).
    assert_eq!(result["duplicated_lines_after"], 0, "{result}");
    let lines_dropped = result["lines_before"].as_i64().unwrap() - result["lines_after"].as_i64().unwrap();
    assert!(
        savings <= lines_dropped && lines_dropped * 100 <= savings * 120,
        "lines dropped {lines_dropped}, removed lines planned {savings}"
    );

    // TypeScript: nothing new, with the new packages linked as pnpm would.
    link_workspace(repo.path());
    let mut projects: Vec<String> = PROJECTS.iter().map(|s| s.to_string()).collect();
    projects.extend(
        ["packages/hooks", "packages/types", "packages/utils", "packages/api-client"].map(String::from),
    );
    let after: Vec<_> = projects.iter().flat_map(|p| tsc_errors(&repo.path().join(p))).collect();
    assert_eq!(new_errors(&before, &after), Vec::<(String, String)>::new(), "{after:?}");

    // monodup's own graph: nothing unresolved, nothing imports a deleted file.
    let report = json(&monodup(&["scan", repo.arg(), "--format", "json", "-q"]));
    let deleted: Vec<&str> = out["changes"]["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["action"] == "delete")
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert!(!deleted.is_empty());
    for e in report["graph"]["edges"].as_array().unwrap() {
        assert_ne!(e["resolution"], "unresolved", "{e}");
        assert!(!deleted.contains(&e["to"].as_str().unwrap_or("")), "{e}");
    }
    assert!(report["plan"].as_array().unwrap().is_empty(), "every item is done: {}", report["plan"]);
}

#[test]
fn each_kind_of_import_is_rewritten() {
    let repo = seed();
    let run = apply(&repo, &["--all", "--write", "-q"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    // Alias import of a moved file.
    assert!(repo
        .read("apps/admin/src/components/user-filter.tsx")
        .contains("from \"@seed/hooks/use-debounce\""));
    // A barrel re-exports it from the package.
    assert!(repo
        .read("apps/web/src/lib/index.ts")
        .contains("export { useDebounce } from \"@seed/hooks/use-debounce\";"));
    // Type-only imports stay type-only.
    let page = repo.read("apps/shop/src/app/page.tsx");
    assert!(page.contains("import type {") && page.contains("from \"@seed/types/types\""), "{page}");
    // require() and import().
    assert!(repo
        .read("apps/shop/src/api/export-orders.cjs")
        .contains("require(\"@seed/api-client/legacy\")"));
    assert!(repo.read("apps/shop/src/lib/preload.ts").contains("import(\"@seed/hooks/use-debounce\")"));
    // The reuse item: the copies import the library's entry, which re-exports Button.
    assert!(repo
        .read("apps/web/src/components/product-search.tsx")
        .contains("import { Button } from \"@seed/ui\";"));
    assert!(!repo.path().join("apps/web/src/components/button.tsx").exists());
    // Manifests name the new dependencies.
    let web: Value = serde_json::from_str(&repo.read("apps/web/package.json")).unwrap();
    for dep in ["@seed/hooks", "@seed/types", "@seed/utils", "@seed/ui"] {
        assert_eq!(web["dependencies"][dep], "workspace:*", "{dep}: {web}");
    }
    let hooks: Value = serde_json::from_str(&repo.read("packages/hooks/package.json")).unwrap();
    assert_eq!(hooks["private"], true);
    assert_eq!(hooks["peerDependencies"]["react"], "^18.3.1");
    assert_eq!(hooks["exports"]["./use-debounce"], "./src/use-debounce.ts");
    assert!(repo.read("packages/hooks/tsconfig.json").contains("\"extends\": \"../../tsconfig.base.json\""));
}

#[test]
fn a_file_where_only_some_units_move_keeps_the_rest_and_re_exports_them() {
    let repo = seed();
    let run = apply(&repo, &["--item", "P4", "--write", "-q"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    for (file, kept) in
        [("apps/web/src/lib/format.ts", "webOnlyBanner"), ("apps/admin/src/lib/format.ts", "adminAuditLabel")]
    {
        let text = repo.read(file);
        assert!(text.contains(&format!("export function {kept}")), "{file}: {text}");
        assert!(!text.contains("export function formatPrice"), "{file}: {text}");
        assert!(
            text.contains("export { formatPrice, formatDate } from \"@seed/utils/format\";"),
            "{file}: {text}"
        );
    }
    let moved = repo.read("packages/utils/src/format.ts");
    assert!(moved.contains("export function formatPrice") && moved.contains("export function formatDate"));
    assert!(!moved.contains("adminAuditLabel"));
    // P4's code imports the types P2 moves: P2 is applied with it.
    assert!(moved.contains("from \"@seed/types/types\""), "{moved}");
    assert!(run.stderr.is_empty() || !run.stderr.contains("panicked"));
}

#[test]
fn published_target_versions_the_packages() {
    let repo = seed();
    let run = apply(&repo, &["--item", "P3", "--target", "published", "--version", "1.2.0", "--write", "-q"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let web: Value = serde_json::from_str(&repo.read("apps/web/package.json")).unwrap();
    assert_eq!(web["dependencies"]["@seed/hooks"], "^1.2.0");
    let hooks: Value = serde_json::from_str(&repo.read("packages/hooks/package.json")).unwrap();
    assert_eq!(hooks["version"], "1.2.0");
    assert!(hooks.get("private").is_none(), "{hooks}");
}

#[test]
fn refuses_a_dirty_tree_unless_allowed() {
    let repo = seed();
    // An importer of the moved hook, edited and not committed.
    let file = "apps/web/src/components/product-search.tsx";
    repo.write(file, &format!("{}// work in progress\n", repo.read(file)));
    let run = apply(&repo, &["--item", "P3"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains(file) && run.stderr.contains("uncommitted"), "{}", run.stderr);
    assert_eq!(status(&repo), format!(" M {file}\n"), "nothing else was written");
    assert_eq!(apply(&repo, &["--item", "P3", "--allow-dirty", "-q"]).code, 0);
}

#[test]
fn refuses_outside_git_unknown_items_and_taken_paths() {
    let plain = TempRepo::from_fixture("apply-seed");
    let run = apply(&plain, &["--item", "P1"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("not inside a git work tree"), "{}", run.stderr);

    let repo = seed();
    let run = apply(&repo, &["--item", "P99"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no plan item P99"), "{}", run.stderr);

    repo.write("packages/hooks/README.md", "something else lives here\n");
    repo.commit("a folder in the way");
    let run = apply(&repo, &["--item", "P3"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("packages/hooks exists and is not the package @seed/hooks"),
        "{}",
        run.stderr
    );
    assert_eq!(apply(&repo, &["--item", "P3", "--package-dir", "libs", "-q"]).code, 0);
}

#[test]
fn refuses_a_blocked_item_and_all_skips_it_with_the_reason() {
    let repo = TempRepo::from_fixture("plan-v2/blockers");
    repo.init_git();
    let planned = plan(&repo);
    let items = planned["plan"].as_array().unwrap();
    let blocked =
        items.iter().find(|i| i["blocked"] == true).expect("the blockers fixture has a blocked item");
    let id = blocked["id"].as_str().unwrap();
    let run = apply(&repo, &["--item", id, "--create-workspace"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains(&format!("item {id} is blocked")), "{}", run.stderr);
    let run = apply(&repo, &["--all", "--create-workspace"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains(&format!("skipped {id}: blocked")), "{}", run.stderr);
}

#[test]
fn acme_renamed_copies_mixed_homes_and_named_barrels() {
    // acme's dashboard AuthContextValue has `account`/`pending` where the kept copy has
    // `user`/`loading`: the clone detector calls it a renamed copy, but replacing it broke its
    // callers under tsc (TS2339), so apply leaves it and says why.
    let repo = TempRepo::from_fixture("acme-frontend");
    repo.init_git();
    let run = apply(&repo, &["--all", "--create-workspace", "--format", "json"]);
    let set = json(&run);
    assert!(
        run.stderr.contains("frontend/apps/dashboard/src/contexts/auth-context.tsx is kept")
            || run.stderr.contains(
                "frontend/apps/dashboard/src/contexts/auth-context.tsx: AuthContextValue is left in place"
            ),
        "{}",
        run.stderr
    );
    let files = set["files"].as_array().unwrap();
    assert!(!files
        .iter()
        .any(|f| f["path"] == "frontend/apps/dashboard/src/contexts/auth-context.tsx"
            && f["action"] == "delete"));
    assert!(files
        .iter()
        .any(|f| f["path"] == "frontend/apps/web/src/contexts/auth-context.tsx" && f["action"] == "delete"));
    let content = |path: &str| {
        files.iter().find(|f| f["path"] == path).and_then(|f| f["content"].as_str()).unwrap_or("").to_string()
    };
    // Units cut from one file that use each other come from one module: studio's button used to
    // get `ButtonProps` from the library and `variantClasses` from admin's button (TS7053).
    let studio = content("frontend/apps/studio/src/components/ui/button.tsx");
    assert!(
        studio.contains("import { variantClasses, sizeClasses, type ButtonProps } from \"@acme/ui/src/components/ui/button\";"),
        "{studio}"
    );
    // The library's index names `Card` but not `DivProps`: that import takes the file's path
    // (it used to take `@acme/ui`, TS2305).
    let card = content("frontend/apps/web/src/components/ui/card.tsx");
    assert!(card.contains("import { type DivProps } from \"@acme/ui/src/components/card\";"), "{card}");
    // The root package.json gets workspaces covering the apps and the new packages.
    assert!(set["notes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n == "root package.json: workspaces frontend/apps/*, frontend/packages/*"));
}

#[test]
fn tsconfig_paths_that_map_packages_gain_the_new_package() {
    let repo = TempRepo::from_fixture("apply-seed");
    let base = repo.read("tsconfig.base.json").replace(
        "    \"forceConsistentCasingInFileNames\": true,\n",
        "    \"forceConsistentCasingInFileNames\": true,\n    // packages by source, for editors\n    \"paths\": {\n      \"@seed/ui\": [\"./packages/ui/src/index.ts\"],\n      \"@seed/ui/*\": [\"./packages/ui/src/*\"]\n    },\n",
    );
    repo.write("tsconfig.base.json", &base);
    repo.init_git();
    let run = apply(&repo, &["--item", "P3", "--write", "-q"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let after = repo.read("tsconfig.base.json");
    assert!(
        after.contains("// Shared by every package") && after.contains("// packages by source, for editors"),
        "{after}"
    );
    assert!(after.contains("\"@seed/hooks\": [\"./packages/hooks/src/index.ts\"]"), "{after}");
    assert!(after.contains("\"@seed/hooks/*\": [\"./packages/hooks/src/*\"]"), "{after}");
    // The rest of the file is as it was.
    assert!(after.starts_with(&base[..base.find("\"paths\"").unwrap()]), "{after}");
}

#[test]
fn a_kept_copy_using_code_that_stays_is_not_extracted() {
    // novu: the kept `cold-start.service.ts` code called `getWorkers`, which is not copied and
    // stays in the file; extracting the copy alone would leave it calling nothing.
    let repo = TempRepo::from_fixture("apply-seed");
    let file = "apps/admin/src/lib/format.ts";
    let text = repo.read(file).replace(
        "export function formatDate(iso: string, locale = \"en-GB\"): string {\n",
        "export function formatDate(iso: string, locale = \"en-GB\"): string {\n  if (iso === \"\") return adminAuditLabel(\"empty\", null);\n",
    );
    repo.write(file, &text);
    repo.init_git();
    let run = apply(&repo, &["--item", "P4", "--format", "json"]);
    let set = json(&run);
    assert!(
        run.stderr.contains("apps/admin/src/lib/format.ts stays whole: its copied code uses adminAuditLabel"),
        "{}",
        run.stderr
    );
    let files = set["files"].as_array().unwrap();
    for path in [file, "apps/web/src/lib/format.ts"] {
        // Only P2's rewrite of `./types` touches them; their functions stay.
        let Some(f) = files.iter().find(|f| f["path"] == path) else { continue };
        assert_eq!(f["action"], "modify");
        assert!(f["content"].as_str().unwrap().contains("export function formatDate"), "{path}: {f}");
    }
    assert!(!files.iter().any(|f| f["path"].as_str().unwrap().starts_with("packages/utils/")), "{set}");
    let notes = set["notes"].as_array().unwrap();
    assert!(
        notes.iter().any(|n| n == "@seed/utils: nothing is left to move into it; it is not created"),
        "{set}"
    );
}
