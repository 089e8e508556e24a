//! Resolution cases built in temporary trees: jsconfig paths, tsconfig `extends` of a workspace
//! package by name, and independence from node_modules.

mod common;

use common::{edge_lines, report, write};
use std::path::Path;

fn graph(root: &Path) -> Vec<String> {
    edge_lines(&report(&["graph", root.to_str().unwrap()]))
}

#[test]
fn jsconfig_paths_apply_to_js_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "package.json", r#"{"name": "site"}"#);
    write(root, "jsconfig.json", "{\n  // JSONC too\n  \"compilerOptions\": {\"baseUrl\": \".\", \"paths\": {\"~/*\": [\"./lib/*\"]},},\n}\n");
    write(root, "lib/math.js", "export const add = (a, b) => a + b;\n");
    write(root, "app.jsx", "import { add } from '~/math';\nexport const App = () => <p>{add(1, 2)}</p>;\n");
    assert_eq!(graph(root), ["app.jsx:1 ~/math -> internal lib/math.js"]);
}

#[test]
fn tsconfig_extends_a_workspace_package_without_node_modules() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "package.json", r#"{"name": "r", "private": true, "workspaces": ["apps/*", "packages/*"]}"#);
    write(root, "packages/tsconfig/package.json", r#"{"name": "@acme/tsconfig", "files": ["base.json"]}"#);
    // The shared config holds the paths; the app only extends it by package name.
    write(
        root,
        "packages/tsconfig/base.json",
        r#"{"compilerOptions": {"strict": true, "paths": {"~/*": ["../../apps/web/src/*"]}}}"#,
    );
    write(root, "apps/web/package.json", r#"{"name": "web", "devDependencies": {"@acme/tsconfig": "*"}}"#);
    write(root, "apps/web/tsconfig.json", r#"{"extends": "@acme/tsconfig/base.json"}"#);
    write(root, "apps/web/next.config.js", "module.exports = {};\n");
    write(root, "apps/web/src/util.ts", "export const u = 1;\n");
    write(root, "apps/web/src/page.tsx", "import { u } from '~/util';\nexport default () => u;\n");
    let edges = graph(root);
    assert!(
        edges.contains(&"apps/web/src/page.tsx:1 ~/util -> internal apps/web/src/util.ts".to_string()),
        "{edges:?}"
    );
}

#[test]
fn node_modules_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "package.json", r#"{"name": "r", "workspaces": ["packages/*"]}"#);
    write(
        root,
        "packages/ui/package.json",
        r#"{"name": "@x/ui", "exports": {".": {"import": "./dist/index.mjs"}}}"#,
    );
    write(root, "packages/ui/src/index.ts", "export const Button = 1;\n");
    write(
        root,
        "packages/app/package.json",
        r#"{"name": "@x/app", "dependencies": {"@x/ui": "*", "react": "*"}}"#,
    );
    write(root, "packages/app/src/main.ts", "import { Button } from '@x/ui';\nimport React from 'react';\n");
    let before = graph(root);
    assert_eq!(
        before,
        [
            "packages/app/src/main.ts:1 @x/ui -> workspace packages/ui/src/index.ts",
            "packages/app/src/main.ts:2 react -> external react"
        ]
    );
    // An installed tree (a built copy of @x/ui and react) must not change a single edge.
    write(root, "node_modules/@x/ui/package.json", r#"{"name": "@x/ui", "main": "dist/index.js"}"#);
    write(root, "node_modules/@x/ui/dist/index.js", "exports.Button = 1;\n");
    write(root, "node_modules/react/package.json", r#"{"name": "react", "main": "index.js"}"#);
    write(root, "node_modules/react/index.js", "module.exports = {};\n");
    assert_eq!(graph(root), before);
}

#[test]
fn an_export_to_missing_generated_code_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "package.json", r#"{"name": "r", "workspaces": ["packages/*"]}"#);
    write(
        root,
        "packages/ui/package.json",
        r#"{"name": "@x/ui", "exports": {"./css": "./styled-system/css/index.js"}}"#,
    );
    write(root, "packages/app/package.json", r#"{"name": "@x/app", "dependencies": {"@x/ui": "*"}}"#);
    write(root, "packages/app/src/main.ts", "import { css } from '@x/ui/css';\n");
    assert_eq!(
        graph(root),
        ["packages/app/src/main.ts:1 @x/ui/css -> unresolved workspace package `@x/ui` exports `./css` as ./styled-system/css/index.js, which exists neither built nor as source"]
    );
}
