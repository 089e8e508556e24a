//! Discovery and resolution regressions (issue point 9): folders outside the workspace globs,
//! Nx projects beside plain packages, nested workspace roots, `[packages]` globs, and tsconfig
//! `paths` whose target is missing or shadows a workspace package. Fixtures: testdata/discovery/.

mod common;

use common::{edge_lines, fixture, packages, report, write};
use serde_json::Value;

fn graph(case: &str, extra: &[&str]) -> Value {
    let root = fixture(&format!("discovery/{case}"));
    let mut args = vec!["graph", root.to_str().unwrap()];
    args.extend(extra);
    report(&args)
}

/// `file:line:column severity code message` per diagnostic.
fn diagnostics(r: &Value) -> Vec<String> {
    r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{}:{}:{} {} {} {}",
                d["file"].as_str().unwrap(),
                d["line"],
                d["column"],
                d["severity"].as_str().unwrap(),
                d["code"].as_str().unwrap(),
                d["message"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn folders_outside_the_workspace_globs_are_independent_packages() {
    // workspaces = ["packages/*", "frontend/apps/one"]: two and three (own lockfiles) are
    // packages too. packages/ui/button/package.json (no name, `main: ../dist/…`) is a subpath
    // stub of @acme/ui, and node_modules is never a package.
    let r = graph("independent-apps", &[]);
    assert_eq!(
        packages(&r),
        [
            "acme-root . root 0",
            "one frontend/apps/one app 2",
            "three frontend/apps/three app 2",
            "two frontend/apps/two app 3",
            "@acme/ui packages/ui library 2",
        ]
    );
    assert_eq!(
        edge_lines(&r),
        [
            "frontend/apps/one/src/page.tsx:1 @acme/ui -> workspace packages/ui/src/index.ts",
            "frontend/apps/one/src/page.tsx:2 next/link -> external next",
            "frontend/apps/three/src/page.tsx:1 @acme/ui -> workspace packages/ui/src/index.ts",
            "frontend/apps/two/src/page.tsx:1 @acme/ui -> workspace packages/ui/src/index.ts",
            "frontend/apps/two/src/page.tsx:2 ./title -> internal frontend/apps/two/src/title.ts",
            "packages/ui/button/index.ts:1 ../src/index -> internal packages/ui/src/index.ts",
        ]
    );
    assert!(diagnostics(&r).is_empty(), "{:?}", diagnostics(&r));
}

#[test]
fn nx_projects_do_not_hide_plain_packages() {
    // One folder, two repositories: Nx project.json files in nx-repo, package.json folders in
    // plain-repo. The package set is the union of both.
    let r = graph("nx-beside-plain", &[]);
    assert_eq!(
        packages(&r),
        [
            "(root) . root 0",
            "@nxr/source nx-repo library 0",
            "api nx-repo/apps/api app 1",
            "util nx-repo/libs/util library 1",
            "plain-repo plain-repo library 0",
            "plain-core plain-repo/core library 1",
            "plain-web plain-repo/web app 2",
        ]
    );
    assert_eq!(
        edge_lines(&r),
        [
            "nx-repo/apps/api/src/main.ts:1 @nxr/util -> workspace nx-repo/libs/util/src/index.ts",
            "plain-repo/web/src/main.js:1 plain-core -> workspace plain-repo/core/index.js",
        ]
    );
    assert!(diagnostics(&r).is_empty(), "{:?}", diagnostics(&r));
}

#[test]
fn nested_workspace_roots_add_members_and_negations() {
    // tools/kit/package.json has `workspaces: ["plugins/*"]`: its nameless plugin is a member
    // (named after its folder). sandbox/pnpm-workspace.yaml excludes `libs/old`, whose file
    // therefore belongs to sandbox.
    let r = graph("nested-workspaces", &[]);
    assert_eq!(
        packages(&r),
        [
            "outer . root 0",
            "@outer/a packages/a library 1",
            "sandbox sandbox library 1",
            "@sandbox/new sandbox/libs/new library 1",
            "kit-root tools/kit library 0",
            "tools/kit/plugins/lint tools/kit/plugins/lint library 1",
        ]
    );
    assert_eq!(
        edge_lines(&r),
        ["sandbox/libs/new/src/index.ts:1 @outer/a -> workspace packages/a/src/index.ts"]
    );
    assert!(diagnostics(&r).is_empty(), "{:?}", diagnostics(&r));
}

#[test]
fn package_globs_make_packages_and_force_kinds_in_every_spelling() {
    let forced = [
        "forced . root 0",
        "alpha frontend/apps/alpha app 1",
        // No manifest at all: the glob alone makes it a package (and not its src/ folders).
        "frontend/apps/beta frontend/apps/beta app 2",
        // projectType "library", overridden by the glob.
        "gamma frontend/apps/gamma app 1",
        "@forced/core packages/core library 1",
        // vite.config.js and no entry would make it an app; `./tools/*/` says library.
        "gen tools/gen library 2",
    ];
    // The fixture's own monodup.toml.
    assert_eq!(packages(&graph("forced-kinds", &[])), forced);
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

#[test]
fn paths_without_a_target_fall_back_to_the_workspace_package() {
    let r = graph("paths-fallback", &[]);
    assert_eq!(
        packages(&r),
        [
            "scope-root . root 0",
            "portal apps/portal app 3",
            "shop apps/shop app 3",
            "@scope/auth packages/auth library 2",
            "@scope/ui packages/ui library 1",
        ]
    );
    assert_eq!(
        edge_lines(&r),
        [
            // `@scope/auth` → ./src/vendor/auth, which is gone: the workspace package answers.
            "apps/portal/src/page.tsx:1 @scope/auth -> workspace packages/auth/src/index.ts",
            "apps/portal/src/page.tsx:2 @scope/auth/session -> workspace packages/auth/src/session.ts",
            // Not a workspace package, but declared in apps/portal/package.json: external.
            "apps/portal/src/page.tsx:3 @scope/analytics -> external @scope/analytics",
            // Declared nowhere: still unresolved, with the paths reason.
            "apps/portal/src/page.tsx:4 @legacy/old -> unresolved matches tsconfig paths `@legacy/*` but no file exists",
            "apps/portal/src/page.tsx:5 @/gone -> unresolved matches tsconfig paths `@/*` but no file exists",
            "apps/portal/src/page.tsx:6 @/util -> internal apps/portal/src/util.ts",
            // `@scope/ui` → ./src/ui, which exists: the local copy wins, with a warning.
            "apps/shop/src/page.tsx:1 @scope/ui -> internal apps/shop/src/ui/index.ts",
            // An alias onto the package's own source shadows nothing.
            "apps/shop/src/page.tsx:2 @scope/auth -> workspace packages/auth/src/index.ts",
        ]
    );
    assert_eq!(
        diagnostics(&r),
        ["apps/shop/tsconfig.json:5:0 warning alias-shadows-package tsconfig paths alias `@scope/ui` resolves \
          `@scope/ui` to apps/shop/src/ui/index.ts, shadowing workspace package `@scope/ui` (packages/ui)"]
    );
    assert_eq!(r["summary"]["packages"], 5);
}
