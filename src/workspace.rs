//! Workspace stage: the manifests found by the walk → [`Workspace`], the packages of the repo.
//!
//! Packages come from npm/yarn/bun `workspaces` (array or `{packages}`), `pnpm-workspace.yaml`
//! (with `!` negations), `lerna.json` and Nx `project.json` files; with none of these, every
//! folder holding a package.json is a package. The root is always a package. See
//! `docs/packages.md` for how packages are classified as app or library.

use crate::diagnostic::{Code, Diagnostic};
use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PackageKind {
    App,
    Library,
    Root,
}

/// What monodup reads of a package.json.
#[derive(Debug, Clone, Default)]
pub struct Manifest {
    pub name: Option<String>,
    /// dependencies, devDependencies, peerDependencies and optionalDependencies: name → range.
    pub dependencies: BTreeMap<String, String>,
    pub main: Option<String>,
    pub module: Option<String>,
    pub types: Option<String>,
    pub source: Option<String>,
    pub exports: Option<Value>,
    pub imports: Option<Value>,
    workspaces: Vec<String>,
}

impl Manifest {
    fn from_json(value: &Value) -> Manifest {
        let field = |k: &str| value.get(k).and_then(Value::as_str).map(str::to_string);
        let mut dependencies = BTreeMap::new();
        for section in ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"] {
            if let Some(map) = value.get(section).and_then(Value::as_object) {
                for (name, range) in map {
                    dependencies
                        .entry(name.clone())
                        .or_insert_with(|| range.as_str().unwrap_or("").to_string());
                }
            }
        }
        let workspaces = match value.get("workspaces") {
            Some(Value::Array(a)) => strings(a),
            Some(Value::Object(o)) => {
                o.get("packages").and_then(Value::as_array).map(|a| strings(a)).unwrap_or_default()
            }
            _ => Vec::new(),
        };
        Manifest {
            name: field("name"),
            dependencies,
            main: field("main"),
            module: field("module"),
            types: field("types").or_else(|| field("typings")),
            source: field("source"),
            exports: value.get("exports").cloned(),
            imports: value.get("imports").cloned(),
            workspaces,
        }
    }

    /// A package with an entry point is meant to be imported.
    fn has_entry(&self) -> bool {
        self.main.is_some() || self.module.is_some() || self.types.is_some() || self.exports.is_some()
    }
}

fn strings(values: &[Value]) -> Vec<String> {
    values.iter().filter_map(Value::as_str).map(str::to_string).collect()
}

#[derive(Debug, Clone)]
pub struct Package {
    pub name: String,
    /// Relative to the root, with `/`; empty for the root package.
    pub dir: String,
    pub kind: PackageKind,
    pub manifest: Manifest,
}

#[derive(Debug, Default, Clone)]
pub struct KindGlobs {
    pub apps: Vec<String>,
    pub libraries: Vec<String>,
}

#[derive(Debug)]
pub struct Workspace {
    /// Sorted by `dir`; the root package is first.
    pub packages: Vec<Package>,
    /// Every package.json in the tree by folder, packages or not: dependency declarations
    /// count wherever they are between a file and the root.
    pub manifests: BTreeMap<String, Manifest>,
    /// package.json files (relative paths) that are not valid JSON.
    pub broken_manifests: BTreeSet<String>,
    pub diagnostics: Vec<Diagnostic>,
    by_dir: BTreeMap<String, usize>,
    by_name: BTreeMap<String, usize>,
}

/// Folder of a manifest path (`a/b/package.json` → `a/b`, `package.json` → ``).
fn dir_of(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(d, _)| d)
}

fn read_json(root: &Path, rel: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<Value> {
    let text = match std::fs::read_to_string(root.join(rel)) {
        Ok(t) => t,
        Err(e) => {
            diagnostics.push(Diagnostic::error(Code::BadManifest, rel, format!("cannot read: {e}")));
            return None;
        }
    };
    match serde_json::from_str::<Value>(&text) {
        Ok(v) if v.is_object() => Some(v),
        Ok(_) => {
            diagnostics.push(Diagnostic::error(Code::BadManifest, rel, "not a JSON object"));
            None
        }
        Err(e) => {
            let msg = e.to_string();
            let msg = msg.split(" at line ").next().unwrap_or(&msg);
            diagnostics.push(
                Diagnostic::error(Code::BadManifest, rel, format!("invalid JSON: {msg}"))
                    .at(e.line() as u32, e.column() as u32),
            );
            None
        }
    }
}

/// A project.json is an Nx project only when it says so: apps also ship translation files and
/// other data named project.json.
fn is_nx_project(v: &Value) -> bool {
    ["projectType", "sourceRoot", "targets"].iter().any(|k| v.get(k).is_some())
        || v.get("$schema").and_then(Value::as_str).is_some_and(|s| s.contains("nx"))
}

fn workspace_globs(patterns: &[String]) -> (GlobSet, GlobSet) {
    let mut pos = GlobSetBuilder::new();
    let mut neg = GlobSetBuilder::new();
    for p in patterns {
        let (builder, p) = match p.strip_prefix('!') {
            Some(rest) => (&mut neg, rest),
            None => (&mut pos, p.as_str()),
        };
        let p = p.trim_start_matches("./").trim_end_matches('/');
        if let Ok(g) = GlobBuilder::new(p).literal_separator(true).build() {
            builder.add(g);
        }
    }
    (pos.build().unwrap_or_else(|_| GlobSet::empty()), neg.build().unwrap_or_else(|_| GlobSet::empty()))
}

/// Discovers packages from the manifests the walk found.
pub fn discover(root: &Path, manifest_paths: &[String], kinds: &KindGlobs) -> Workspace {
    let mut diagnostics = Vec::new();
    let mut manifests = BTreeMap::new();
    let mut broken = BTreeSet::new();
    let mut projects: BTreeMap<String, Value> = BTreeMap::new();
    for path in manifest_paths {
        let dir = dir_of(path).to_string();
        if path.ends_with("package.json") {
            match read_json(root, path, &mut diagnostics) {
                Some(v) => {
                    manifests.insert(dir, Manifest::from_json(&v));
                }
                None => {
                    broken.insert(dir);
                }
            }
        } else if let Some(v) = read_json(root, path, &mut diagnostics).filter(is_nx_project) {
            projects.insert(dir, v);
        }
    }

    // Workspace globs from npm/yarn/bun `workspaces`, pnpm and lerna; `declared` tells whether
    // any workspace configuration exists at all (Nx project.json files count).
    let mut patterns = Vec::new();
    let mut declared = !projects.is_empty();
    if let Some(root_manifest) = manifests.get("").filter(|m| !m.workspaces.is_empty()) {
        patterns.extend(root_manifest.workspaces.iter().cloned());
        declared = true;
    }
    for globs in [read_pnpm(root, &mut diagnostics), read_lerna(root, &mut diagnostics)].into_iter().flatten()
    {
        patterns.extend(globs);
        declared = true;
    }

    let package_dirs: BTreeSet<String> = manifests.keys().chain(broken.iter()).cloned().collect();
    let broken_manifests = broken
        .iter()
        .map(|d| if d.is_empty() { "package.json".into() } else { format!("{d}/package.json") })
        .collect();
    // With no workspace configuration, every folder with a package.json is a package.
    let mut dirs: BTreeSet<String> = if !declared {
        package_dirs
    } else {
        let (pos, neg) = workspace_globs(&patterns);
        package_dirs.into_iter().filter(|d| !d.is_empty() && pos.is_match(d) && !neg.is_match(d)).collect()
    };
    dirs.extend(projects.keys().cloned());
    dirs.insert(String::new());

    let app_globs = kind_globs(&kinds.apps);
    let lib_globs = kind_globs(&kinds.libraries);
    let mut packages: Vec<Package> = dirs
        .into_iter()
        .map(|dir| {
            let manifest = manifests.get(&dir).cloned().unwrap_or_default();
            let project = projects.get(&dir);
            let name = manifest
                .name
                .clone()
                .or_else(|| project.and_then(|p| p.get("name")).and_then(Value::as_str).map(str::to_string))
                .unwrap_or_else(|| if dir.is_empty() { "(root)".to_string() } else { dir.clone() });
            let kind = classify(root, &dir, &manifest, project, &app_globs, &lib_globs);
            Package { name, dir, kind, manifest }
        })
        .collect();
    packages.sort_by(|a, b| a.dir.cmp(&b.dir));
    let by_dir = packages.iter().enumerate().map(|(i, p)| (p.dir.clone(), i)).collect();
    let mut by_name = BTreeMap::new();
    for (i, p) in packages.iter().enumerate() {
        if p.manifest.name.is_some() && !p.dir.is_empty() {
            by_name.entry(p.name.clone()).or_insert(i);
        }
    }
    diagnostics.sort();
    Workspace { packages, manifests, broken_manifests, diagnostics, by_dir, by_name }
}

fn kind_globs(globs: &[String]) -> GlobSet {
    workspace_globs(globs).0
}

/// Framework configuration files that mark an application.
const APP_CONFIGS: &[&str] = &[
    "next.config",
    "nuxt.config",
    "remix.config",
    "astro.config",
    "gatsby-config",
    "svelte.config",
    "angular.json",
    "app.json",
    "expo.config",
];
const BUNDLER_CONFIGS: &[&str] = &["vite.config", "webpack.config", "rsbuild.config", "rspack.config"];
const CONFIG_EXTS: &[&str] = &["js", "mjs", "cjs", "ts", "mts", "cts", "json"];

fn has_config(root: &Path, dir: &str, stems: &[&str]) -> bool {
    let base = root.join(dir);
    stems.iter().any(|stem| {
        if stem.ends_with(".json") {
            return base.join(stem).is_file();
        }
        CONFIG_EXTS.iter().any(|ext| base.join(format!("{stem}.{ext}")).is_file())
    })
}

/// App or library; the rules, first match wins, are documented in docs/packages.md.
fn classify(
    root: &Path,
    dir: &str,
    manifest: &Manifest,
    project: Option<&Value>,
    apps: &GlobSet,
    libraries: &GlobSet,
) -> PackageKind {
    if dir.is_empty() {
        return PackageKind::Root;
    }
    if apps.is_match(dir) {
        return PackageKind::App;
    }
    if libraries.is_match(dir) {
        return PackageKind::Library;
    }
    match project.and_then(|p| p.get("projectType")).and_then(Value::as_str) {
        Some("application") => return PackageKind::App,
        Some("library") => return PackageKind::Library,
        _ => {}
    }
    if has_config(root, dir, APP_CONFIGS) {
        return PackageKind::App;
    }
    let segments: Vec<&str> = dir.split('/').collect();
    let parent = segments.len().checked_sub(2).map(|i| segments[i]);
    match parent {
        Some("apps" | "applications" | "sites" | "websites") => return PackageKind::App,
        Some("packages" | "libs" | "libraries" | "modules" | "shared") => return PackageKind::Library,
        _ => {}
    }
    if manifest.has_entry() {
        return PackageKind::Library;
    }
    if has_config(root, dir, BUNDLER_CONFIGS) {
        return PackageKind::App;
    }
    PackageKind::Library
}

fn read_pnpm(root: &Path, diagnostics: &mut Vec<Diagnostic>) -> Option<Vec<String>> {
    let rel = "pnpm-workspace.yaml";
    let text = std::fs::read_to_string(root.join(rel)).ok()?;
    #[derive(serde::Deserialize)]
    struct Pnpm {
        #[serde(default)]
        packages: Vec<String>,
    }
    match serde_yaml_ng::from_str::<Pnpm>(&text) {
        Ok(p) => Some(p.packages),
        Err(e) => {
            let (line, col) = e.location().map_or((0, 0), |l| (l.line() as u32, l.column() as u32));
            diagnostics
                .push(Diagnostic::error(Code::BadManifest, rel, format!("invalid YAML: {e}")).at(line, col));
            None
        }
    }
}

fn read_lerna(root: &Path, diagnostics: &mut Vec<Diagnostic>) -> Option<Vec<String>> {
    if !root.join("lerna.json").is_file() {
        return None;
    }
    let v = read_json(root, "lerna.json", diagnostics)?;
    let packages = v.get("packages").and_then(Value::as_array).map(|a| strings(a));
    // Lerna's default when `packages` is absent.
    Some(packages.unwrap_or_else(|| vec!["packages/*".to_string()]))
}

impl Workspace {
    /// The deepest package whose folder holds `path` (always at least the root).
    pub fn owner(&self, path: &str) -> usize {
        let mut dir = dir_of(path);
        loop {
            if let Some(&i) = self.by_dir.get(dir) {
                return i;
            }
            if dir.is_empty() {
                return 0;
            }
            dir = dir_of(dir);
        }
    }

    /// The workspace package with this name.
    pub fn by_name(&self, name: &str) -> Option<usize> {
        self.by_name.get(name).copied()
    }

    /// Whether a package.json between `path`'s folder and the root declares `dep`.
    pub fn declares(&self, path: &str, dep: &str) -> bool {
        let mut dir = dir_of(path);
        loop {
            if self.manifests.get(dir).is_some_and(|m| m.dependencies.contains_key(dep)) {
                return true;
            }
            if dir.is_empty() {
                return false;
            }
            dir = dir_of(dir);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owner_is_deepest_package() {
        let ws = Workspace {
            packages: vec![],
            manifests: BTreeMap::new(),
            broken_manifests: BTreeSet::new(),
            diagnostics: vec![],
            by_dir: [("".to_string(), 0), ("apps/web".to_string(), 1), ("apps/web/sub".to_string(), 2)]
                .into_iter()
                .collect(),
            by_name: BTreeMap::new(),
        };
        assert_eq!(ws.owner("apps/web/src/a.ts"), 1);
        assert_eq!(ws.owner("apps/web/sub/a.ts"), 2);
        assert_eq!(ws.owner("apps/webby/a.ts"), 0);
        assert_eq!(ws.owner("a.ts"), 0);
    }

    #[test]
    fn translation_files_named_project_json_are_not_nx_projects() {
        assert!(!is_nx_project(&serde_json::json!({"title": "Project", "settings": "Settings"})));
        assert!(is_nx_project(&serde_json::json!({"name": "api", "targets": {}})));
        assert!(is_nx_project(
            &serde_json::json!({"$schema": "../node_modules/nx/schemas/project-schema.json"})
        ));
    }

    #[test]
    fn negated_workspace_globs() {
        let (pos, neg) =
            workspace_globs(&["packages/*".into(), "!packages/legacy-*".into(), "./apps/*/".into()]);
        assert!(pos.is_match("packages/ui") && !neg.is_match("packages/ui"));
        assert!(neg.is_match("packages/legacy-x"));
        assert!(pos.is_match("apps/web"));
        assert!(!pos.is_match("packages/ui/nested"));
    }
}
