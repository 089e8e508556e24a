//! Walk stage: ROOT → the sorted list of JS/TS source files and of package manifests.
//!
//! One walk with the `ignore` crate serves both workspace discovery (package.json, project.json,
//! pnpm-workspace.yaml, lerna.json) and the parse stage, so the tree is read once. It honours
//! .gitignore and .ignore, skips dependency and build output folders, and turns every walk error
//! (a symlink loop, an unreadable folder) into a diagnostic.

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

/// The diagnostic for a link that leads out of ROOT: the same words whether its target exists
/// or not (the walk must not tell which host files exist).
fn outside_root(root: &Path, path: &Path) -> Diagnostic {
    Diagnostic::warning(
        Code::OutsideRoot,
        relative(root, path),
        "skipped: symbolic link that leads outside the root (not followed)",
    )
}

/// Walks `root` (absolute, canonical) in parallel and returns a sorted listing. Symbolic links
/// are followed only while they stay inside `root` ([`crate::confine`]).
pub fn walk(root: &Path, filters: &Filters, threads: usize) -> anyhow::Result<Listing> {
    let include = globset(&filters.include, "--include (or [scan] include)")?;
    let exclude = globset(&filters.exclude, "--exclude (or [scan] exclude)")?;
    let found: Mutex<Listing> = Mutex::new(Listing::default());
    // Filled by the entry filter, which must own what it uses.
    let escapes: std::sync::Arc<Mutex<Vec<Diagnostic>>> = Default::default();
    let (filter_root, filter_escapes) = (root.to_path_buf(), escapes.clone());
    let walker = ignore::WalkBuilder::new(root)
        .hidden(false)
        .follow_links(true)
        .require_git(false)
        .threads(threads)
        .filter_entry(move |e| {
            let is_dir = e.file_type().is_some_and(|t| t.is_dir());
            if is_dir && e.depth() > 0 && SKIPPED_DIRS.iter().any(|d| e.file_name() == *d) {
                return false;
            }
            // A link out of the tree (`usr -> /usr`) is neither listed nor descended into.
            if e.path_is_symlink() && !crate::confine::is_inside(&filter_root, e.path()) {
                if let Ok(mut d) = filter_escapes.lock() {
                    d.push(outside_root(&filter_root, e.path()));
                }
                return false;
            }
            true
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
    listing.diagnostics.extend(escapes.lock().map(|mut d| std::mem::take(&mut *d)).unwrap_or_default());
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

fn is_min_name(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.contains(".min.") || name.contains("-min.")
}

/// Turns an `ignore` error into a diagnostic naming the path. A link that cannot be followed
/// (its target is missing, or it loops back to a folder above ROOT) but that leads outside ROOT
/// gets the same diagnostic as one whose target exists.
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
    if let Some(p) = path_of(err) {
        let is_link = std::fs::symlink_metadata(&p).is_ok_and(|m| m.file_type().is_symlink());
        if is_link && matches!(crate::confine::resolve(root, &p), crate::confine::Place::Outside) {
            return outside_root(root, &p);
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
