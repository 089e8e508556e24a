//! Workspace stage: the manifests found by the walk → [`Workspace`], the packages of the repo.
//!
//! Every folder holding a package.json or an Nx `project.json` is a package: a member of a
//! workspace root (npm/yarn/bun `workspaces`, `pnpm-workspace.yaml`, `lerna.json`, at the root
//! or nested) or an independent project outside every workspace glob. A workspace root's `!`
//! negations and nameless subpath stubs inside a package are not packages; `[packages]` globs
//! override both and also make manifest-less folders packages. The root is always a package.
//! See `docs/packages.md` for the rules and for how packages are classified as app or library.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::PackageId;
use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

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

/// A manifest's text: a regular file under the size cap, without a byte order mark (npm
/// accepts one). Anything else is a diagnostic naming the file.
fn read_manifest(root: &Path, rel: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<String> {
    match crate::files::read_text(&root.join(rel), crate::files::MAX_CONFIG_BYTES) {
        Ok(t) => Some(t),
        Err(crate::files::ReadError::NotRegular(kind)) => {
            diagnostics.push(Diagnostic::error(
                Code::SpecialFile,
                rel,
                format!("skipped: not a regular file ({kind})"),
            ));
            None
        }
        Err(e) => {
            diagnostics.push(Diagnostic::error(Code::BadManifest, rel, format!("cannot read: {e}")));
            None
        }
    }
}

fn read_json(root: &Path, rel: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<Value> {
    let text = read_manifest(root, rel, diagnostics)?;
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

/// The files the walk hands to [`discover`].
pub const MANIFEST_NAMES: &[&str] = &["package.json", "project.json", "pnpm-workspace.yaml", "lerna.json"];

/// A user-written folder glob as the matcher wants it: `./frontend/apps/*/` → `frontend/apps/*`.
fn normalize_glob(p: &str) -> &str {
    let mut p = p.trim();
    while let Some(rest) = p.strip_prefix("./") {
        p = rest;
    }
    p.trim_start_matches('/').trim_end_matches('/')
}

fn workspace_glob(p: &str) -> Result<globset::Glob, globset::Error> {
    GlobBuilder::new(normalize_glob(p.strip_prefix('!').unwrap_or(p))).literal_separator(true).build()
}

/// The workspace globs of the manifest `rel` that compile; each one that does not is a
/// diagnostic naming the manifest (and the line that holds it) and is left out, as a
/// repository's file must not stop the scan.
fn valid_globs(root: &Path, rel: &str, globs: Vec<String>, diagnostics: &mut Vec<Diagnostic>) -> Vec<String> {
    let mut text: Option<String> = None;
    globs
        .into_iter()
        .filter(|g| match workspace_glob(g) {
            Ok(_) => true,
            Err(e) => {
                let text =
                    text.get_or_insert_with(|| std::fs::read_to_string(root.join(rel)).unwrap_or_default());
                let line = text.lines().position(|l| l.contains(g.as_str())).map_or(0, |i| i as u32 + 1);
                diagnostics.push(
                    Diagnostic::error(
                        Code::BadManifest,
                        rel,
                        format!("invalid workspace glob {g:?}: {}; ignored", e.kind()),
                    )
                    .at(line, 0),
                );
                false
            }
        })
        .collect()
}

/// `workspaces` entries of a package.json that are not strings: a diagnostic each.
fn non_string_workspaces(v: &Value, rel: &str, diagnostics: &mut Vec<Diagnostic>) {
    let list = match v.get("workspaces") {
        Some(Value::Array(a)) => Some(a),
        Some(Value::Object(o)) => o.get("packages").and_then(Value::as_array),
        _ => None,
    };
    for item in list.into_iter().flatten().filter(|x| !x.is_string()) {
        diagnostics.push(Diagnostic::error(
            Code::BadManifest,
            rel,
            format!("`workspaces` entry {item} is not a string; ignored"),
        ));
    }
}

fn workspace_globs(patterns: &[String]) -> (GlobSet, GlobSet) {
    let mut pos = GlobSetBuilder::new();
    let mut neg = GlobSetBuilder::new();
    for p in patterns {
        let (builder, p) = match p.strip_prefix('!') {
            Some(rest) => (&mut neg, rest),
            None => (&mut pos, p.as_str()),
        };
        if let Ok(g) = GlobBuilder::new(normalize_glob(p)).literal_separator(true).build() {
            builder.add(g);
        }
    }
    (pos.build().unwrap_or_else(|_| GlobSet::empty()), neg.build().unwrap_or_else(|_| GlobSet::empty()))
}

/// A folder that declares workspace members: a package.json with `workspaces`, a
/// pnpm-workspace.yaml or a lerna.json, at the root or nested. Its globs are relative to it.
struct WorkspaceRoot {
    dir: String,
    members: GlobSet,
    excluded: GlobSet,
}

impl WorkspaceRoot {
    /// `d` relative to this root when it lies strictly below it.
    fn relative<'a>(&self, d: &'a str) -> Option<&'a str> {
        if self.dir.is_empty() {
            return (!d.is_empty()).then_some(d);
        }
        d.strip_prefix(self.dir.as_str())?.strip_prefix('/')
    }

    fn is_member(&self, d: &str) -> bool {
        self.relative(d).is_some_and(|rel| self.members.is_match(rel))
    }

    /// A `!pattern` matches `d` or a folder between it and this root: the subtree stays out.
    fn excludes(&self, d: &str) -> bool {
        let Some(mut rel) = self.relative(d) else { return false };
        loop {
            if self.excluded.is_match(rel) {
                return true;
            }
            match rel.rsplit_once('/') {
                Some((parent, _)) => rel = parent,
                None => return false,
            }
        }
    }
}

/// Whether a strict ancestor of `dir` (the root excepted) is in `dirs`.
fn inside_any(dir: &str, dirs: &BTreeSet<String>) -> bool {
    let mut d = dir_of(dir);
    while !d.is_empty() {
        if dirs.contains(d) {
            return true;
        }
        d = dir_of(d);
    }
    false
}

/// Discovers packages from the manifests the walk found; `sources` are the source files' paths
/// (a `[packages]` glob makes a folder of them a package even without a manifest). The rules
/// are documented in docs/packages.md.
pub fn discover<'a>(
    root: &Path,
    manifest_paths: &[String],
    sources: impl IntoIterator<Item = &'a str>,
    kinds: &KindGlobs,
) -> Workspace {
    let mut diagnostics = Vec::new();
    let mut manifests = BTreeMap::new();
    let mut broken = BTreeSet::new();
    let mut projects: BTreeMap<String, Value> = BTreeMap::new();
    // Workspace member patterns by the folder that declares them.
    let mut patterns: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for path in manifest_paths {
        let dir = dir_of(path).to_string();
        let name = path.rsplit('/').next().unwrap_or(path);
        match name {
            "package.json" => match read_json(root, path, &mut diagnostics) {
                Some(v) => {
                    let manifest = Manifest::from_json(&v);
                    non_string_workspaces(&v, path, &mut diagnostics);
                    let globs = valid_globs(root, path, manifest.workspaces.clone(), &mut diagnostics);
                    if !globs.is_empty() {
                        patterns.entry(dir.clone()).or_default().extend(globs);
                    }
                    manifests.insert(dir, manifest);
                }
                None => {
                    broken.insert(dir);
                }
            },
            "project.json" => {
                if let Some(v) = read_json(root, path, &mut diagnostics).filter(is_nx_project) {
                    projects.insert(dir, v);
                }
            }
            "pnpm-workspace.yaml" => {
                if let Some(globs) = read_pnpm(root, path, &mut diagnostics) {
                    let globs = valid_globs(root, path, globs, &mut diagnostics);
                    patterns.entry(dir).or_default().extend(globs);
                }
            }
            "lerna.json" => {
                if let Some(globs) = read_lerna(root, path, &mut diagnostics) {
                    let globs = valid_globs(root, path, globs, &mut diagnostics);
                    patterns.entry(dir).or_default().extend(globs);
                }
            }
            _ => {}
        }
    }
    let roots: Vec<WorkspaceRoot> = patterns
        .into_iter()
        .map(|(dir, globs)| {
            let (members, excluded) = workspace_globs(&globs);
            WorkspaceRoot { dir, members, excluded }
        })
        .collect();

    let broken_manifests = broken
        .iter()
        .map(|d| if d.is_empty() { "package.json".into() } else { format!("{d}/package.json") })
        .collect();
    let app_globs = kind_globs(&kinds.apps, false);
    let lib_globs = kind_globs(&kinds.libraries, false);
    let forced = |d: &str| app_globs.is_match(d) || lib_globs.is_match(d);

    // Every folder with a package.json is a package: a workspace member, the member of a nested
    // workspace root, or an independent project outside every workspace glob. Two exceptions:
    // a folder a workspace root excludes with `!`, and a package.json without a `name` inside
    // another package that no glob lists (a subpath stub such as `packages/js/ui/package.json`
    // holding only `main: "../dist/ui.js"`). `[packages]` globs override both.
    let manifest_dirs: BTreeSet<String> = manifests.keys().chain(broken.iter()).cloned().collect();
    let enclosing: BTreeSet<String> = manifest_dirs.iter().chain(projects.keys()).cloned().collect();
    let mut dirs: BTreeSet<String> = manifest_dirs
        .iter()
        .filter(|d| {
            if d.is_empty() || forced(d) {
                return true;
            }
            if roots.iter().any(|r| r.excludes(d)) {
                return false;
            }
            let unnamed = manifests.get(*d).is_some_and(|m| m.name.is_none());
            !(unnamed && !roots.iter().any(|r| r.is_member(d)) && inside_any(d, &enclosing))
        })
        .cloned()
        .collect();
    dirs.extend(projects.keys().cloned());
    // `[packages]` globs also make a folder of sources a package when it has no manifest; a
    // trailing `/**` means the folders right below, not every subfolder.
    if !kinds.apps.is_empty() || !kinds.libraries.is_empty() {
        let (apps_here, libs_here) = (kind_globs(&kinds.apps, true), kind_globs(&kinds.libraries, true));
        let mut source_dirs = BTreeSet::new();
        for path in sources {
            let mut d = dir_of(path);
            while !d.is_empty() && source_dirs.insert(d) {
                d = dir_of(d);
            }
        }
        dirs.extend(
            source_dirs
                .into_iter()
                .filter(|d| apps_here.is_match(d) || libs_here.is_match(d))
                .map(str::to_string),
        );
    }
    dirs.insert(String::new());

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

/// `[packages] apps`/`libraries` globs. `folders_only`: a trailing `/**` matches only the
/// folders right below (used for folders without a manifest, lest every subfolder qualify).
fn kind_globs(globs: &[String], folders_only: bool) -> GlobSet {
    let globs: Vec<String> = globs
        .iter()
        .map(|g| {
            let g = normalize_glob(g);
            match g.strip_suffix("/**").filter(|_| folders_only) {
                Some(base) => format!("{base}/*"),
                None => g.to_string(),
            }
        })
        .collect();
    workspace_globs(&globs).0
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
    // A config file that is a link out of ROOT does not count (whether its target exists must
    // not show in the classification).
    let is_file = |p: PathBuf| p.is_file() && crate::confine::is_inside(root, &p);
    stems.iter().any(|stem| {
        if stem.ends_with(".json") {
            return is_file(base.join(stem));
        }
        CONFIG_EXTS.iter().any(|ext| is_file(base.join(format!("{stem}.{ext}"))))
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

fn read_pnpm(root: &Path, rel: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<Vec<String>> {
    let text = read_manifest(root, rel, diagnostics)?;
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

fn read_lerna(root: &Path, rel: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<Vec<String>> {
    let v = read_json(root, rel, diagnostics)?;
    let packages = v.get("packages").and_then(Value::as_array).map(|a| strings(a));
    // Lerna's default when `packages` is absent.
    Some(packages.unwrap_or_else(|| vec!["packages/*".to_string()]))
}

impl Workspace {
    /// The deepest package whose folder holds `path` (always at least the root).
    pub fn owner(&self, path: &str) -> PackageId {
        crate::model::owner(path, |dir| self.by_dir.get(dir).map(|&i| PackageId::from(i)))
    }

    pub fn package(&self, id: PackageId) -> &Package {
        &self.packages[id.index()]
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
        assert_eq!(ws.owner("apps/web/src/a.ts"), PackageId(1));
        assert_eq!(ws.owner("apps/web/sub/a.ts"), PackageId(2));
        assert_eq!(ws.owner("apps/webby/a.ts"), PackageId::ROOT);
        assert_eq!(ws.owner("a.ts"), PackageId::ROOT);
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
    fn user_globs_are_normalized() {
        for spelling in ["frontend/apps/*", "./frontend/apps/*", "frontend/apps/*/", "frontend/apps/**"] {
            let g = kind_globs(&[spelling.to_string()], true);
            assert!(g.is_match("frontend/apps/one"), "{spelling}");
            assert!(!g.is_match("frontend/apps/one/src"), "{spelling}");
            assert!(!g.is_match("frontend/apps"), "{spelling}");
        }
        // With a manifest, `**` keeps its meaning: any depth.
        assert!(kind_globs(&["frontend/apps/**".into()], false).is_match("frontend/apps/one/e2e"));
    }

    #[test]
    fn nested_roots_exclude_whole_subtrees_relative_to_themselves() {
        let (members, excluded) = workspace_globs(&["libs/*".into(), "!libs/old".into()]);
        let r = WorkspaceRoot { dir: "sandbox".into(), members, excluded };
        assert!(r.is_member("sandbox/libs/new") && !r.is_member("libs/new"));
        assert!(r.excludes("sandbox/libs/old") && r.excludes("sandbox/libs/old/projects/x"));
        assert!(!r.excludes("sandbox/libs/older") && !r.excludes("sandbox") && !r.excludes("libs/old"));
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
