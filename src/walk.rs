//! Walk stage: ROOT → the sorted list of JS/TS source files and of package manifests.
//!
//! One walk with the `ignore` crate serves both workspace discovery (package.json, project.json,
//! pnpm-workspace.yaml, lerna.json) and the parse stage, so the tree is read once. It honours
//! .gitignore and .ignore (read by [`rules`], not by the crate), skips dependency and build
//! output folders, and turns every walk error (a symlink loop, an unreadable folder) into a
//! diagnostic, as it does a FIFO, device or socket named like a file monodup would read.
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
//!
//! The walk is serial: the crate's parallel walker spawns its own threads and hangs when one
//! cannot be spawned (its workers wait for the missing one to go idle), and on a real monorepo
//! the walk takes as long on one thread as on two.
//!
//! Paths are strings relative to ROOT. A file name that is not UTF-8 is shown with its bad
//! bytes as `\xNN` (and `\` as `\\`), so that two such names stay two files; the real path is
//! kept in [`Listing::real_paths`] to read the file by.

mod rules;

use crate::config::GlobError;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::Lang;
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::path::{Path, PathBuf};

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
    /// Sources whose path is not UTF-8: the escaped path → the real one.
    pub real_paths: std::collections::BTreeMap<String, PathBuf>,
    /// package.json, project.json, pnpm-workspace.yaml and lerna.json files (never filtered by
    /// include/exclude): nested workspace roots count as well as the root's.
    pub manifests: Vec<String>,
    /// tsconfig.json and jsconfig.json files.
    pub configs: Vec<String>,
    pub diagnostics: Vec<Diagnostic>,
}

fn globset(globs: &[String], what: &str) -> Result<Option<GlobSet>, GlobError> {
    if globs.is_empty() {
        return Ok(None);
    }
    let mut builder = GlobSetBuilder::new();
    for g in globs {
        let glob = crate::config::glob(g, what)?;
        builder.add(glob);
        // `src/legacy` should also mean everything below it.
        if !g.ends_with("/**") {
            if let Ok(below) = Glob::new(&format!("{}/**", g.trim_end_matches('/'))) {
                builder.add(below);
            }
        }
    }
    // Each glob compiled alone; the set can still fail as a whole (a size limit).
    let set =
        builder.build().map_err(|error| GlobError { setting: what.into(), glob: globs.join(", "), error })?;
    Ok(Some(set))
}

impl Listing {
    /// Where the source `rel` is on disk.
    pub fn path_of(&self, root: &Path, rel: &str) -> PathBuf {
        self.real_paths.get(rel).cloned().unwrap_or_else(|| root.join(rel))
    }
}

pub use crate::model::relative;

/// Whether `path` below `root` has a name that is not UTF-8.
fn is_utf8(root: &Path, path: &Path) -> bool {
    path.strip_prefix(root).unwrap_or(path).to_str().is_some()
}

/// A walked entry that is neither a file nor a folder (a FIFO, a device, a socket) but named like
/// a file monodup reads: a diagnostic says it was skipped.
fn is_wanted_name(name: &str) -> bool {
    crate::workspace::MANIFEST_NAMES.contains(&name)
        || name == "tsconfig.json"
        || name == "jsconfig.json"
        || Lang::from_path(name).is_some()
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

/// What every walker thread reads.
struct Visit<'a> {
    root: &'a Path,
    include: &'a Option<globset::GlobSet>,
    exclude: &'a Option<globset::GlobSet>,
}

/// What one walker thread found.
#[derive(Default)]
struct Found {
    diagnostics: Vec<Diagnostic>,
    manifests: Vec<String>,
    configs: Vec<String>,
    sources: Vec<(String, Lang, Option<PathBuf>)>,
}

struct Collect<'a, 's> {
    ctx: &'s Visit<'a>,
    found: &'s std::sync::Mutex<Vec<Found>>,
}

impl<'s> ignore::ParallelVisitorBuilder<'s> for Collect<'_, 's> {
    fn build(&mut self) -> Box<dyn ignore::ParallelVisitor + 's> {
        Box::new(Visitor { ctx: self.ctx, found: self.found, out: Found::default() })
    }
}

struct Visitor<'a, 's> {
    ctx: &'s Visit<'a>,
    found: &'s std::sync::Mutex<Vec<Found>>,
    out: Found,
}

impl ignore::ParallelVisitor for Visitor<'_, '_> {
    fn visit(&mut self, entry: Result<ignore::DirEntry, ignore::Error>) -> ignore::WalkState {
        visit_entry(self.ctx, entry, &mut self.out);
        ignore::WalkState::Continue
    }
}

impl Drop for Visitor<'_, '_> {
    fn drop(&mut self) {
        if let Ok(mut all) = self.found.lock() {
            all.push(std::mem::take(&mut self.out));
        }
    }
}

/// Sorts one walked entry into the listing's parts.
fn visit_entry(ctx: &Visit, entry: Result<ignore::DirEntry, ignore::Error>, out: &mut Found) {
    let e = match entry {
        Ok(e) => e,
        Err(err) => {
            if let Some(d) = walk_diagnostic(ctx.root, &err) {
                out.diagnostics.push(d);
            }
            return;
        }
    };
    let Some(file_type) = e.file_type() else { return };
    if file_type.is_dir() {
        return;
    }
    let rel = relative(ctx.root, e.path());
    let name = e.file_name().to_string_lossy();
    if !file_type.is_file() {
        if is_wanted_name(&name) {
            let kind = std::fs::metadata(e.path()).map_or("a special file", |m| crate::files::kind_name(&m));
            out.diagnostics.push(Diagnostic::warning(
                Code::SpecialFile,
                rel,
                format!("skipped: not a regular file ({kind})"),
            ));
        }
        return;
    }
    let utf8 = is_utf8(ctx.root, e.path());
    let is_manifest = crate::workspace::MANIFEST_NAMES.contains(&name.as_ref());
    let is_config = name == "tsconfig.json" || name == "jsconfig.json";
    if (is_manifest || is_config) && !utf8 {
        // Packages and tsconfigs are named by folder paths that JavaScript cannot spell.
        out.diagnostics.push(Diagnostic::warning(
            Code::NotUtf8,
            rel,
            "skipped: the path is not valid UTF-8 (shown with \\xNN escapes)",
        ));
        return;
    }
    if is_manifest {
        out.manifests.push(rel.clone());
    } else if is_config {
        out.configs.push(rel.clone());
    }
    if let Some(lang) = Lang::from_path(&rel) {
        let keep = ctx.include.as_ref().is_none_or(|g| g.is_match(&rel))
            && !ctx.exclude.as_ref().is_some_and(|g| g.is_match(&rel));
        if keep {
            out.sources.push((rel, lang, (!utf8).then(|| e.path().to_path_buf())));
        }
    }
}

/// Walks `root` (absolute, canonical) and returns a sorted listing. Symbolic links are
/// followed only while they stay inside `root` ([`crate::confine`]).
pub fn walk(root: &Path, filters: &Filters) -> Result<Listing, GlobError> {
    let include = globset(&filters.include, "--include (or [scan] include)")?;
    let exclude = globset(&filters.exclude, "--exclude (or [scan] exclude)")?;
    let rules = std::sync::Arc::new(rules::IgnoreRules::new(root));
    let filter_rules = rules.clone();
    // Filled by the entry filter, which must own what it uses.
    let escapes: std::sync::Arc<std::sync::Mutex<Vec<Diagnostic>>> = Default::default();
    let (filter_root, filter_escapes) = (root.to_path_buf(), escapes.clone());
    let walker = ignore::WalkBuilder::new(root)
        // Ignore files are read by `rules`; only the user's global excludes file is the crate's.
        .standard_filters(false)
        .git_global(true)
        .follow_links(true)
        .require_git(false)
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
            e.depth() == 0 || !filter_rules.is_ignored(e.path(), is_dir)
        })
        .threads(rayon::current_num_threads())
        .build_parallel();
    // Each walker thread keeps what it finds and hands it over when it ends; the listing is
    // sorted below, so the order the threads found things in does not matter.
    let ctx = Visit { root, include: &include, exclude: &exclude };
    let found: std::sync::Mutex<Vec<Found>> = Default::default();
    // git's tracked files are listed while the tree is walked: the three git processes this
    // takes mostly wait (about 5 ms, a few percent of a `dups` run).
    let list_tracked = || crate::git::Repo::discover(root).ok().map(|repo| repo.tracked_files());
    let tracked = std::thread::scope(|scope| {
        let git = std::thread::Builder::new().name("monodup-git".into()).spawn_scoped(scope, list_tracked);
        walker.visit(&mut Collect { ctx: &ctx, found: &found });
        match git {
            Ok(handle) => handle.join().ok().flatten(),
            // No thread to spare: list them after the walk.
            Err(_) => list_tracked(),
        }
    });
    let mut listing = Listing::default();
    // Sources with the real path of those whose name is not UTF-8.
    let mut sources: Vec<(String, Lang, Option<PathBuf>)> = Vec::new();
    for f in found.into_inner().unwrap_or_else(|e| e.into_inner()) {
        listing.diagnostics.extend(f.diagnostics);
        listing.manifests.extend(f.manifests);
        listing.configs.extend(f.configs);
        sources.extend(f.sources);
    }
    listing.diagnostics.extend(rules.take_diagnostics());
    listing.diagnostics.extend(escapes.lock().map(|mut d| std::mem::take(&mut *d)).unwrap_or_default());
    // Tracked files that only a gitignore rule hid (see the module docs).
    if let Some(Ok(tracked)) = tracked {
        let mut found = Listing {
            sources: sources.iter().map(|(p, l, _)| (p.clone(), *l)).collect(),
            manifests: std::mem::take(&mut listing.manifests),
            configs: std::mem::take(&mut listing.configs),
            ..Listing::default()
        };
        let walked = found.sources.len();
        add_tracked(root, &tracked, &mut found, include.as_ref(), exclude.as_ref());
        sources.extend(found.sources.drain(walked..).map(|(p, l)| (p, l, None)));
        listing.manifests = found.manifests;
        listing.configs = found.configs;
    }
    sources.sort();
    sources.dedup();
    for (i, (path, lang, real)) in sources.iter().enumerate() {
        if is_min_name(path) {
            listing.diagnostics.push(Diagnostic::warning(
                Code::Minified,
                path.clone(),
                "skipped: minified bundle (*.min.*)",
            ));
            continue;
        }
        let Some(real) = real else {
            listing.sources.push((path.clone(), *lang));
            continue;
        };
        // An escaped name can equal a real one (`a\xff.ts` spelled out): the real one keeps it.
        let taken = sources.get(i + 1).is_some_and(|n| n.0 == *path)
            || i.checked_sub(1).is_some_and(|p| sources[p].0 == *path);
        if taken || listing.real_paths.contains_key(path) {
            listing.diagnostics.push(Diagnostic::warning(
                Code::NotUtf8,
                path.clone(),
                "skipped: the name is not valid UTF-8 and, escaped, is that of another file",
            ));
            continue;
        }
        listing.diagnostics.push(Diagnostic::new(
            crate::diagnostic::Severity::Info,
            Code::NotUtf8,
            path.clone(),
            "the name is not valid UTF-8: shown with \\xNN escapes",
        ));
        listing.real_paths.insert(path.clone(), real.clone());
        listing.sources.push((path.clone(), *lang));
    }
    listing.manifests.sort();
    listing.manifests.dedup();
    listing.configs.sort();
    listing.configs.dedup();
    listing.diagnostics.sort();
    listing.diagnostics.dedup();
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

/// Turns an `ignore` error into a diagnostic naming the path. A link that cannot be followed
/// (its target is missing, or it loops back to a folder above ROOT) but that leads outside ROOT
/// gets the same diagnostic as one whose target exists.
/// The diagnostic for an entry the walk could not read; None for a broken symbolic link whose
/// name is not one monodup would read (`.env -> ../../.env` in an app without the root `.env`).
fn walk_diagnostic(root: &Path, err: &ignore::Error) -> Option<Diagnostic> {
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
            return Some(outside_root(root, &p));
        }
        if is_link && std::fs::metadata(&p).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound) {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            return is_wanted_name(&name).then(|| {
                Diagnostic::warning(
                    Code::Unreadable,
                    relative(root, &p),
                    "skipped: broken symbolic link (its target does not exist)",
                )
            });
        }
    }
    let file = path_of(err).map(|p| relative(root, &p)).unwrap_or_default();
    let code = if is_loop(err) { Code::Walk } else { Code::Unreadable };
    let message = if is_loop(err) {
        "skipped: symbolic link loop".to_string()
    } else {
        format!("skipped: {}", strip_path(&err.to_string()))
    };
    Some(Diagnostic::warning(code, file, message))
}

/// `ignore` prefixes messages with the absolute path; the diagnostic names the file already.
fn strip_path(msg: &str) -> &str {
    msg.rsplit_once(": ").map_or(msg, |(_, m)| m)
}
