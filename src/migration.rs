//! Migration tracking: for every library package and every app, what the app imports from it,
//! which of its code the app still holds as local copies (and how far they drifted), which copies
//! nothing imports any more, which imports cannot work, and whether the app declares it.
//! An app is *migrated* to a package when it imports it and holds no copy of its code.

use crate::apply::source::{ParseCache, Source};
use crate::model::FileId;
use crate::pipeline::Scan;
use crate::resolve::{Edge, Resolution};
use crate::workspace::{Package, PackageKind};
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, Serialize)]
pub struct Migration {
    pub packages: Vec<PackageMigration>,
    pub summary: Summary,
}

#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub packages: usize,
    /// App-package pairs listed.
    pub apps: usize,
    /// Of those, the migrated ones.
    pub migrated: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct PackageMigration {
    /// Package path.
    pub package: String,
    pub name: String,
    pub version: Option<String>,
    pub apps: Vec<AppMigration>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AppMigration {
    pub app: String,
    pub name: String,
    pub migrated: bool,
    /// Files of the app importing the package.
    pub imports: usize,
    pub imported_names: Vec<String>,
    /// The range the app's package.json declares, if any.
    pub declared: Option<String>,
    /// Whether that range admits the package's version (None: no range, or one not understood).
    pub declared_admits_version: Option<bool>,
    pub local_copies: Vec<LocalCopy>,
    pub broken_imports: Vec<BrokenImport>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LocalCopy {
    pub file: String,
    /// The package's file it copies (the one sharing most lines).
    pub package_file: String,
    /// Top-level units of the app's file inside the copied lines.
    pub units: Vec<String>,
    /// Lines of the app's file in clone fragments shared with the package file.
    pub lines: u32,
    /// Same text as the package file.
    pub identical: bool,
    /// Line diff from the package file to the app's copy.
    pub added: u32,
    pub removed: u32,
    /// No file of the app imports it.
    pub dead: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct BrokenImport {
    pub file: String,
    pub line: u32,
    pub specifier: String,
    pub name: Option<String>,
    pub reason: String,
}

/// Libraries (`--package` narrows them, by name or path) against every app.
pub fn track(scan: &Scan, only: &[String]) -> Migration {
    let ws = &scan.workspace;
    let pkg_path = |p: &Package| if p.dir.is_empty() { ".".to_string() } else { p.dir.clone() };
    let mut packages = Vec::new();
    // Per file, the files importing it.
    let mut importers: Vec<Vec<FileId>> = vec![Vec::new(); scan.files.len()];
    for e in &scan.edges {
        if let Some(to) = e.to_file {
            importers[to.index()].push(e.from);
        }
    }
    // The app edges that name each library (`name` or `name/…`), per (library, app), in edge
    // order: found from each specifier's own prefixes, so the work is one pass over the edges,
    // not one per library and app (a 1.9 M-line union: 40 % of the scan).
    let mut libs_named: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (li, lib) in ws.packages.iter().enumerate() {
        if lib.kind == PackageKind::Library && !lib.name.is_empty() {
            libs_named.entry(lib.name.as_str()).or_default().push(li);
        }
    }
    let mut naming: FxHashMap<(usize, usize), Vec<&Edge>> = FxHashMap::default();
    for e in &scan.edges {
        let ai = scan.files[e.from].package.index();
        if ws.packages.get(ai).is_none_or(|p| p.kind != PackageKind::App) {
            continue;
        }
        let spec = e.specifier.as_str();
        let ends = spec.match_indices('/').map(|(i, _)| i).chain(std::iter::once(spec.len()));
        for end in ends {
            for &li in libs_named.get(&spec[..end]).into_iter().flatten() {
                naming.entry((li, ai)).or_default().push(e);
            }
        }
    }
    let mut exports = Exports::new(scan);
    let mut cache = Files {
        parsed: ParseCache::new(&scan.root),
        ids: scan.files.enumerate().map(|(id, f)| (f.path.as_str(), id)).collect(),
    };
    for (li, lib) in ws.packages.iter().enumerate() {
        if lib.kind != PackageKind::Library || lib.name.is_empty() {
            continue;
        }
        if !only.is_empty() && !only.iter().any(|o| *o == lib.name || *o == pkg_path(lib)) {
            continue;
        }
        let version = lib_version(scan, lib);
        let mut apps = Vec::new();
        for (ai, app) in ws.packages.iter().enumerate() {
            if app.kind != PackageKind::App {
                continue;
            }
            // Imports of the package from the app's files, and those that resolve elsewhere.
            let mut files = BTreeSet::new();
            let mut names = BTreeSet::new();
            let mut broken = Vec::new();
            for e in naming.get(&(li, ai)).into_iter().flatten() {
                let from = &scan.files[e.from].path;
                match (e.resolution, e.to_file) {
                    (Resolution::Workspace, Some(to)) if scan.files[to].package.index() == li => {
                        files.insert(e.from);
                        for n in &e.names {
                            if n != "*" && n != "default" {
                                names.insert(n.clone());
                                if e.specifier == lib.name && !exports.exports(to, n) {
                                    broken.push(BrokenImport {
                                        file: from.clone(),
                                        line: e.line,
                                        specifier: e.specifier.clone(),
                                        name: Some(n.clone()),
                                        reason: format!("{} does not export {n}", lib.name),
                                    });
                                }
                            }
                        }
                    }
                    (Resolution::Internal, Some(to)) => broken.push(BrokenImport {
                        file: from.clone(),
                        line: e.line,
                        specifier: e.specifier.clone(),
                        name: None,
                        reason: format!("resolves to {} in the app, not to the package", scan.files[to].path),
                    }),
                    // Unresolved imports (often of code generated at build time) are the graph's
                    // diagnostics, not a migration finding.
                    _ => {}
                }
            }
            let copies = local_copies(scan, lib, app, &importers, &mut cache);
            if files.is_empty() && copies.is_empty() && broken.is_empty() {
                continue;
            }
            let declared = app.manifest.dependencies.get(&lib.name).cloned();
            let admits = declared.as_deref().and_then(|r| admits(r, version.as_deref()));
            apps.push(AppMigration {
                app: pkg_path(app),
                name: app.name.clone(),
                migrated: !files.is_empty() && copies.is_empty(),
                imports: files.len(),
                imported_names: names.into_iter().collect(),
                declared,
                declared_admits_version: admits,
                local_copies: copies,
                broken_imports: broken,
            });
        }
        if apps.is_empty() {
            continue;
        }
        packages.push(PackageMigration { package: pkg_path(lib), name: lib.name.clone(), version, apps });
    }
    let summary = Summary {
        packages: packages.len(),
        apps: packages.iter().map(|p| p.apps.len()).sum(),
        migrated: packages.iter().flat_map(|p| &p.apps).filter(|a| a.migrated).count(),
    };
    Migration { packages, summary }
}

fn lib_version(scan: &Scan, lib: &Package) -> Option<String> {
    let path = scan.root.join(crate::apply::layout::join(&lib.dir, "package.json"));
    let value: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    value.get("version")?.as_str().map(str::to_string)
}

/// Whether an npm range admits `version`. Workspace and local protocols admit the source in the
/// repository; a range this does not understand gives None.
fn admits(range: &str, version: Option<&str>) -> Option<bool> {
    let range = range.trim();
    if range == "*"
        || range.is_empty()
        || range.starts_with("workspace:")
        || range.starts_with("file:")
        || range.starts_with("link:")
    {
        return Some(true);
    }
    let version = semver::Version::parse(version?).ok()?;
    // npm separates the comparators of one set by spaces; `||` joins sets.
    let any = range.split("||").map(|set| {
        let set = set.split_whitespace().collect::<Vec<_>>().join(", ");
        semver::VersionReq::parse(&set).ok().map(|req| req.matches(&version))
    });
    let mut out = None;
    for r in any {
        match r {
            Some(true) => return Some(true),
            Some(false) => out = Some(false),
            None => return None,
        }
    }
    out
}

/// The app files holding copies of the library's units (the planner's copy groups: units whose
/// code is the same for `similarity` of their tokens), with the library file holding most of
/// their counterparts, and the drift of the copied units (a line diff of each unit's text).
fn local_copies(
    scan: &Scan,
    lib: &Package,
    app: &Package,
    importers: &[Vec<FileId>],
    files: &mut Files,
) -> Vec<LocalCopy> {
    let Some(plan) = scan.plan.as_ref() else { return Vec::new() };
    let path_of = |p: &Package| if p.dir.is_empty() { ".".to_string() } else { p.dir.clone() };
    let (lib_path, app_path) = (path_of(lib), path_of(app));
    // App file → (library file → count), and the unit pairs.
    let mut pairs: BTreeMap<String, Vec<(String, &crate::plan::Copy, &crate::plan::Copy)>> = BTreeMap::new();
    for item in &plan.items {
        for unit in &item.units {
            // A props type of a few lines is the same in every component library; not a copy.
            if unit.kind == crate::units::UnitKind::Type && unit.lines < 5 {
                continue;
            }
            let Some(theirs) = unit.copies.iter().find(|c| c.package == lib_path) else { continue };
            for mine in unit.copies.iter().filter(|c| c.package == app_path) {
                pairs.entry(mine.file.clone()).or_default().push((unit.name.clone(), mine, theirs));
            }
        }
    }
    let mut out = Vec::new();
    for (file, mut list) in pairs {
        list.sort_by_key(|(_, mine, _)| mine.start_line);
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for (_, _, theirs) in &list {
            *counts.entry(theirs.file.as_str()).or_default() += 1;
        }
        let package_file =
            counts.iter().max_by_key(|(f, n)| (**n, std::cmp::Reverse(**f))).map(|(f, _)| f.to_string());
        let (mut added, mut removed, mut lines) = (0u32, 0u32, 0u32);
        let mut units = Vec::new();
        // A copy whose property and method names are mostly not the package unit's is another
        // API that happens to have the same shape (plane's WebhookService against
        // WorkspaceViewService); a drifted copy keeps most of them.
        list.retain(|(_, mine, theirs)| {
            let (a, b) = (files.props(&file, mine), files.props(&theirs.file, theirs));
            let common = a.intersection(&b).count();
            let union = a.union(&b).count();
            union == 0 || common * 10 >= union * 6
        });
        if list.is_empty() {
            continue;
        }
        for (name, mine, theirs) in &list {
            let (a, b) = (files.lines(&theirs.file, theirs), files.lines(&file, mine));
            for change in similar::TextDiff::from_lines(&a, &b).iter_all_changes() {
                match change.tag() {
                    similar::ChangeTag::Insert => added += 1,
                    similar::ChangeTag::Delete => removed += 1,
                    similar::ChangeTag::Equal => {}
                }
            }
            lines += mine.lines;
            units.push(name.clone());
        }
        let Some(&id) = files.ids.get(file.as_str()) else { continue };
        let app_index = scan.files[id].package.index();
        let dead = !importers[id.index()].iter().any(|&f| scan.files[f].package.index() == app_index)
            && !crate::plan::code::is_route_file(&file);
        out.push(LocalCopy {
            file,
            package_file: package_file.unwrap_or_default(),
            units,
            lines,
            identical: added == 0 && removed == 0,
            added,
            removed,
            dead,
        });
    }
    out
}

/// The scanned files by path, and the ones the copies need, read and parsed once.
struct Files<'a> {
    parsed: ParseCache<'a>,
    ids: std::collections::HashMap<&'a str, FileId>,
}

impl Files<'_> {
    /// Property, member and interface key names of the statements a copy spans.
    fn props(&mut self, path: &str, c: &crate::plan::Copy) -> BTreeSet<String> {
        match self.parsed.get(path) {
            Some((text, src)) => src.props_in(text, c.start_line, c.end_line),
            None => BTreeSet::new(),
        }
    }

    /// The copy's lines, each with its line end (what the line diff compares).
    fn lines(&mut self, path: &str, c: &crate::plan::Copy) -> String {
        let Some((text, _)) = self.parsed.get(path) else { return String::new() };
        text.lines()
            .skip(c.start_line.saturating_sub(1) as usize)
            .take(c.lines as usize)
            .map(|l| format!("{l}\n"))
            .collect()
    }
}

/// The names a module exports, following `export *` and `export { … } from` chains.
struct Exports<'a> {
    scan: &'a Scan,
    cache: BTreeMap<FileId, BTreeSet<String>>,
    /// Per file, its edges in the scan's order (an `export *` looks up its target there).
    edges_from: Vec<Vec<&'a Edge>>,
}

impl<'a> Exports<'a> {
    fn new(scan: &'a Scan) -> Exports<'a> {
        let mut edges_from = vec![Vec::new(); scan.files.len()];
        for e in &scan.edges {
            if let Some(list) = edges_from.get_mut(e.from.index()) {
                list.push(e);
            }
        }
        Exports { scan, cache: BTreeMap::new(), edges_from }
    }

    fn exports(&mut self, f: FileId, name: &str) -> bool {
        // Looked up in the cache, not cloned from it: this runs for every imported name.
        if !self.cache.contains_key(&f) {
            self.names(f, &mut BTreeSet::new());
        }
        self.cache.get(&f).is_some_and(|names| names.contains(name) || names.contains("*?"))
    }

    fn names(&mut self, f: FileId, seen: &mut BTreeSet<FileId>) -> BTreeSet<String> {
        if let Some(n) = self.cache.get(&f) {
            return n.clone();
        }
        if !seen.insert(f) {
            return BTreeSet::new();
        }
        let scan = self.scan;
        let mut out: BTreeSet<String> =
            scan.files[f].units.iter().filter(|u| u.exported).map(|u| u.name.clone()).collect();
        let text = std::fs::read_to_string(scan.root.join(&scan.files[f].path)).unwrap_or_default();
        match Source::parse(&text, scan.files[f].lang) {
            Some(src) => {
                for st in src.statements.iter().filter(|s| !s.reexports.is_empty() || s.exported) {
                    let spec = src.specifiers.iter().find(|s| st.lo <= s.lo && s.hi <= st.hi);
                    if st.reexports.iter().any(|r| r == "*") {
                        let target = spec.and_then(|s| {
                            self.edges_from
                                .get(f.index())?
                                .iter()
                                .find(|e| e.specifier == s.value)
                                .and_then(|e| e.to_file)
                        });
                        match target {
                            Some(t) => out.extend(self.names(t, seen)),
                            // An `export *` of a module monodup did not scan: anything may come.
                            None => {
                                out.insert("*?".into());
                            }
                        }
                    } else {
                        out.extend(st.reexports.iter().cloned());
                        out.extend(st.declares.iter().cloned());
                    }
                }
            }
            None => {
                out.insert("*?".into());
            }
        }
        self.cache.insert(f, out.clone());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges() {
        assert_eq!(admits("^1.0.0", Some("1.4.2")), Some(true));
        assert_eq!(admits("^1.0.0", Some("2.0.0")), Some(false));
        assert_eq!(admits(">=1.2.0 <2.0.0", Some("1.3.0")), Some(true));
        assert_eq!(admits("^0.9.0 || ^1.0.0", Some("1.0.1")), Some(true));
        assert_eq!(admits("workspace:*", None), Some(true));
        assert_eq!(admits("^1.0.0", None), None);
    }
}
