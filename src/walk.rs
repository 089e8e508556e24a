//! Walk stage: ROOT → the sorted list of JS/TS source files and of package manifests.
//!
//! One walk with the `ignore` crate serves both workspace discovery (package.json, project.json,
//! pnpm-workspace.yaml, lerna.json) and the parse stage, so the tree is read once. It honours
//! .gitignore and .ignore, skips dependency and build output folders, and turns every walk error
//! (a symlink loop, an unreadable folder) into a diagnostic.
//!
//! In a git work tree, what git tracks is part of the repository whatever `.gitignore` says (a
//! file committed with `git add -f` under an ignored `lib/`): the walk asks git for the tracked
//! files (`git ls-files`, run as [`crate::git`] describes) and adds those that only a gitignore
//! rule (`.gitignore`, `.git/info/exclude`, the global excludes file) hid. Untracked ignored
//! files stay skipped. Tracked files still obey monodup's own skips: the built-in dependency and
//! build folders ([`SKIPPED_DIRS`]: a committed `dist/` is generated code), `.ignore` files,
//! include/exclude globs; and only regular files reached without a symbolic link are added. When
//! there is no `.git` above ROOT, or git is missing or fails, `.gitignore` applies as it always
//! did, without a diagnostic.

use crate::diagnostic::{Code, Diagnostic};
use crate::parse::Lang;
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Folders never walked: installed dependencies, build output, caches, VCS data.
pub const SKIPPED_DIRS: &[&str] = &[
    "node_modules",
    "dist",
    "build",
    "out",
    ".next",
    ".turbo",
    "coverage",
    ".git",
    ".hg",
    ".svn",
    ".nx",
    ".cache",
    ".vercel",
    ".output",
    ".nuxt",
    ".svelte-kit",
    ".yarn",
    ".pnpm-store",
    "storybook-static",
];

#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// When not empty, only source files matching one of these globs are kept.
    pub include: Vec<String>,
    pub exclude: Vec<String>,
}

/// What the walk found. Paths are relative to the root, with `/`, sorted.
#[derive(Debug, Default)]
pub struct Listing {
    pub sources: Vec<(String, Lang)>,
    /// package.json, project.json, pnpm-workspace.yaml and lerna.json files (never filtered by
    /// include/exclude): nested workspace roots count as well as the root's.
    pub manifests: Vec<String>,
    /// tsconfig.json and jsconfig.json files.
    pub configs: Vec<String>,
    pub diagnostics: Vec<Diagnostic>,
}

fn globset(globs: &[String], what: &str) -> anyhow::Result<Option<GlobSet>> {
    if globs.is_empty() {
        return Ok(None);
    }
    let mut builder = GlobSetBuilder::new();
    for g in globs {
        let glob = Glob::new(g).map_err(|e| anyhow::anyhow!("invalid {what} glob `{g}`: {e}"))?;
        builder.add(glob);
        // `src/legacy` should also mean everything below it.
        if !g.ends_with("/**") {
            if let Ok(below) = Glob::new(&format!("{}/**", g.trim_end_matches('/'))) {
                builder.add(below);
            }
        }
    }
    Ok(Some(builder.build()?))
}

/// Path of `path` relative to `root`, with `/`.
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let mut out = String::new();
    for (i, c) in rel.components().enumerate() {
        if i > 0 {
            out.push('/');
        }
        out.push_str(&c.as_os_str().to_string_lossy());
    }
    out
}

/// Walks `root` in parallel and returns a sorted listing.
pub fn walk(root: &Path, filters: &Filters, threads: usize) -> anyhow::Result<Listing> {
    let include = globset(&filters.include, "--include (or [scan] include)")?;
    let exclude = globset(&filters.exclude, "--exclude (or [scan] exclude)")?;
    let found: Mutex<Listing> = Mutex::new(Listing::default());
    let walker = ignore::WalkBuilder::new(root)
        .hidden(false)
        .follow_links(true)
        .require_git(false)
        .threads(threads)
        .filter_entry(|e| {
            let is_dir = e.file_type().is_some_and(|t| t.is_dir());
            !(is_dir && e.depth() > 0 && SKIPPED_DIRS.iter().any(|d| e.file_name() == *d))
        })
        .build_parallel();
    walker.run(|| {
        let found = &found;
        let include = &include;
        let exclude = &exclude;
        Box::new(move |entry| {
            let mut local = Vec::new();
            match entry {
                Ok(e) => {
                    if e.file_type().is_some_and(|t| t.is_file()) {
                        let rel = relative(root, e.path());
                        let name = e.file_name().to_string_lossy();
                        if crate::workspace::MANIFEST_NAMES.contains(&name.as_ref()) {
                            found.lock().map(|mut l| l.manifests.push(rel.clone())).ok();
                        } else if name == "tsconfig.json" || name == "jsconfig.json" {
                            found.lock().map(|mut l| l.configs.push(rel.clone())).ok();
                        }
                        if let Some(lang) = Lang::from_path(&rel) {
                            let keep = include.as_ref().is_none_or(|g| g.is_match(&rel))
                                && !exclude.as_ref().is_some_and(|g| g.is_match(&rel));
                            if keep {
                                local.push((rel, lang));
                            }
                        }
                    }
                }
                Err(err) => {
                    if let Ok(mut l) = found.lock() {
                        l.diagnostics.push(walk_diagnostic(root, &err));
                    }
                }
            }
            if !local.is_empty() {
                if let Ok(mut l) = found.lock() {
                    l.sources.append(&mut local);
                }
            }
            ignore::WalkState::Continue
        })
    });
    let mut listing = found.into_inner().unwrap_or_else(|e| e.into_inner());
    if let Ok(repo) = crate::git::Repo::discover(root) {
        if let Ok(tracked) = repo.tracked_files() {
            add_tracked(root, &tracked, &mut listing, include.as_ref(), exclude.as_ref());
        }
    }
    let (minified, sources): (Vec<_>, Vec<_>) =
        listing.sources.into_iter().partition(|(p, _)| is_min_name(p));
    listing.sources = sources;
    for (path, _) in minified {
        listing.diagnostics.push(Diagnostic::warning(
            Code::Minified,
            path,
            "skipped: minified bundle (*.min.*)",
        ));
    }
    listing.sources.sort();
    listing.sources.dedup();
    listing.manifests.sort();
    listing.manifests.dedup();
    listing.configs.sort();
    listing.configs.dedup();
    listing.diagnostics.sort();
    Ok(listing)
}

/// Adds the tracked files (paths relative to `root`, from git) that the walk did not list and
/// that only a gitignore rule could have hidden.
fn add_tracked(
    root: &Path,
    tracked: &[Vec<u8>],
    listing: &mut Listing,
    include: Option<&GlobSet>,
    exclude: Option<&GlobSet>,
) {
    let seen: std::collections::HashSet<String> = listing
        .sources
        .iter()
        .map(|(p, _)| p.clone())
        .chain(listing.manifests.iter().cloned())
        .chain(listing.configs.iter().cloned())
        .collect();
    let mut dirs = DirCache::default();
    for raw in tracked {
        let relpath = PathBuf::from(crate::git::os_from_bytes(raw));
        // git stores plain relative paths; anything else (a crafted index) is not followed.
        let mut parents: Vec<&std::ffi::OsStr> = Vec::new();
        let mut plain = true;
        for c in relpath.components() {
            match c {
                std::path::Component::Normal(part) => parents.push(part),
                _ => plain = false,
            }
        }
        if !plain || parents.pop().is_none() {
            continue;
        }
        let path = root.join(&relpath);
        let rel = relative(root, &path);
        let name = rel.rsplit('/').next().unwrap_or(&rel);
        let manifest = crate::workspace::MANIFEST_NAMES.contains(&name);
        let config = name == "tsconfig.json" || name == "jsconfig.json";
        let lang = Lang::from_path(&rel);
        if (!manifest && !config && lang.is_none()) || seen.contains(&rel) {
            continue;
        }
        if parents.iter().any(|d| SKIPPED_DIRS.iter().any(|s| d == s))
            || !dirs.plain_dirs(root, &parents)
            || dirs.dot_ignored(root, &parents, &path)
            || !std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_file())
        {
            continue;
        }
        if manifest {
            listing.manifests.push(rel.clone());
        } else if config {
            listing.configs.push(rel.clone());
        }
        if let Some(lang) = lang {
            if include.is_none_or(|g| g.is_match(&rel)) && !exclude.is_some_and(|g| g.is_match(&rel)) {
                listing.sources.push((rel, lang));
            }
        }
    }
}

/// Per-folder facts for [`add_tracked`], each looked up once.
#[derive(Default)]
struct DirCache {
    /// Folder (relative) → is a real folder, not a symbolic link, and so are its parents.
    plain: std::collections::HashMap<PathBuf, bool>,
    /// Folder (relative) → its `.ignore` rules, if it has a readable one.
    ignores: std::collections::HashMap<PathBuf, Option<ignore::gitignore::Gitignore>>,
}

/// `.ignore` files larger than this are not read (the walk has read them already).
const MAX_IGNORE_FILE: u64 = 1 << 20;

impl DirCache {
    fn plain_dirs(&mut self, root: &Path, parents: &[&std::ffi::OsStr]) -> bool {
        let mut rel = PathBuf::new();
        for d in parents {
            rel.push(d);
            let ok = *self.plain.entry(rel.clone()).or_insert_with(|| {
                std::fs::symlink_metadata(root.join(&rel)).is_ok_and(|m| m.file_type().is_dir())
            });
            if !ok {
                return false;
            }
        }
        true
    }

    /// Whether an `.ignore` file in ROOT or a folder above `path` ignores it (the deepest rule
    /// that matches decides, a `!` rule re-including, as the walk does).
    fn dot_ignored(&mut self, root: &Path, parents: &[&std::ffi::OsStr], path: &Path) -> bool {
        for depth in (0..=parents.len()).rev() {
            let rel: PathBuf = parents[..depth].iter().collect();
            let dir = root.join(&rel);
            let gi = self.ignores.entry(rel).or_insert_with(|| {
                let file = dir.join(".ignore");
                let meta = std::fs::symlink_metadata(&file).ok()?;
                if !meta.file_type().is_file() || meta.len() > MAX_IGNORE_FILE {
                    return None;
                }
                let text = std::fs::read(&file).ok()?;
                let mut b = ignore::gitignore::GitignoreBuilder::new(&dir);
                for line in String::from_utf8_lossy(&text).lines() {
                    let _ = b.add_line(None, line);
                }
                b.build().ok()
            });
            if let Some(gi) = gi {
                // The matcher panics on a path outside its folder; `path` is `dir/…` by
                // construction, checked anyway.
                let Ok(below) = path.strip_prefix(&dir) else { continue };
                match gi.matched_path_or_any_parents(below, false) {
                    ignore::Match::Ignore(_) => return true,
                    ignore::Match::Whitelist(_) => return false,
                    ignore::Match::None => {}
                }
            }
        }
        false
    }
}

fn is_min_name(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.contains(".min.") || name.contains("-min.")
}

/// Turns an `ignore` error into a diagnostic naming the path.
fn walk_diagnostic(root: &Path, err: &ignore::Error) -> Diagnostic {
    fn path_of(err: &ignore::Error) -> Option<PathBuf> {
        match err {
            ignore::Error::WithPath { path, .. } => Some(path.clone()),
            ignore::Error::Loop { child, .. } => Some(child.clone()),
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => path_of(err),
            ignore::Error::Partial(errs) => errs.first().and_then(path_of),
            _ => None,
        }
    }
    fn is_loop(err: &ignore::Error) -> bool {
        match err {
            ignore::Error::Loop { .. } => true,
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithPath { err, .. } => is_loop(err),
            _ => false,
        }
    }
    let file = path_of(err).map(|p| relative(root, &p)).unwrap_or_default();
    let code = if is_loop(err) { Code::Walk } else { Code::Unreadable };
    let message = if is_loop(err) {
        "skipped: symbolic link loop".to_string()
    } else {
        format!("skipped: {}", strip_path(&err.to_string()))
    };
    Diagnostic::warning(code, file, message)
}

/// `ignore` prefixes messages with the absolute path; the diagnostic names the file already.
fn strip_path(msg: &str) -> &str {
    msg.rsplit_once(": ").map_or(msg, |(_, m)| m)
}
