//! The walk's ignore files (`.gitignore`, `.ignore`, `.git/info/exclude`), read by monodup.
//!
//! The `ignore` crate reads these itself with a plain open and an unbounded read, skipping every
//! I/O error: a FIFO named `.gitignore` blocks the walk forever, a `.gitignore` linked to
//! `/dev/zero` fills memory, an unreadable one silently changes what is scanned. So the walker's
//! own ignore-file reading is off and these rules stand in for it: each file is read through
//! [`crate::files::read`] (regular files under a size cap), a file that cannot be read is a
//! diagnostic naming it, and the patterns go into the crate's own [`Gitignore`] matcher. The
//! precedence is the crate's: a `.ignore` match beats a `.gitignore` match, which beats
//! `.git/info/exclude`; within each kind the deepest folder that matches decides. Folders
//! above ROOT count up to the enclosing git work tree (not beyond: outside a repository there
//! is no project above ROOT). The user's global excludes file is still read by the crate.

use crate::diagnostic::{Code, Diagnostic};
use crate::files::{self, ReadError};
use ignore::gitignore::{Gitignore, GitignoreBuilder};
use ignore::Match;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// The rules one folder adds.
struct DirRules {
    ignore: Gitignore,
    git: Gitignore,
    exclude: Gitignore,
}

/// The rules that apply in one folder, deepest first.
type Chain = Arc<Vec<Arc<DirRules>>>;

pub(super) struct IgnoreRules {
    root: PathBuf,
    /// Folders above ROOT up to the git work tree's top, nearest first.
    parents: Vec<Arc<DirRules>>,
    /// The chain of ROOT and of each folder below it, made when the walk first needs it.
    chains: Mutex<HashMap<PathBuf, Chain>>,
    diagnostics: Mutex<Vec<Diagnostic>>,
}

impl IgnoreRules {
    pub(super) fn new(root: &Path) -> Self {
        let mut rules = IgnoreRules {
            root: root.to_path_buf(),
            parents: Vec::new(),
            chains: Mutex::new(HashMap::new()),
            diagnostics: Mutex::new(Vec::new()),
        };
        // Only inside a git work tree: its top is the first folder (ROOT included) with `.git`.
        let top = root.ancestors().find(|d| d.join(".git").symlink_metadata().is_ok());
        if let Some(top) = top.filter(|t| *t != root) {
            let parents: Vec<Arc<DirRules>> = root
                .ancestors()
                .skip(1)
                .take_while(|d| d.starts_with(top))
                .map(|d| Arc::new(rules.read_dir(d)))
                .collect();
            rules.parents = parents;
        }
        rules
    }

    /// Whether the entry at `path` (below ROOT) is ignored.
    pub(super) fn is_ignored(&self, path: &Path, is_dir: bool) -> bool {
        let Some(dir) = path.parent() else { return false };
        let chain = self.chain_of(dir);
        let deepest = |pick: fn(&DirRules) -> &Gitignore| {
            chain.iter().map(|r| pick(r).matched(path, is_dir)).find(|m| !m.is_none()).unwrap_or(Match::None)
        };
        let m = deepest(|r| &r.ignore).or(deepest(|r| &r.git)).or(deepest(|r| &r.exclude));
        m.is_ignore()
    }

    pub(super) fn take_diagnostics(&self) -> Vec<Diagnostic> {
        self.diagnostics.lock().map(|mut d| std::mem::take(&mut *d)).unwrap_or_default()
    }

    /// The rules that apply in `dir`, deepest first, folders without any left out. The walk
    /// reaches a folder only through its parent, so each folder's ignore files are read once.
    fn chain_of(&self, dir: &Path) -> Chain {
        if let Some(c) = self.chains.lock().ok().and_then(|c| c.get(dir).cloned()) {
            return c;
        }
        let below_root = dir != self.root && dir.starts_with(&self.root);
        let mut chain = match dir.parent() {
            Some(parent) if below_root => (*self.chain_of(parent)).clone(),
            _ => self.parents.clone(),
        };
        let own = self.read_dir(dir);
        if !(own.ignore.is_empty() && own.git.is_empty() && own.exclude.is_empty()) {
            chain.insert(0, Arc::new(own));
        }
        let chain = Arc::new(chain);
        match self.chains.lock() {
            Ok(mut c) => c.entry(dir.to_path_buf()).or_insert(chain).clone(),
            Err(_) => chain,
        }
    }

    fn read_dir(&self, dir: &Path) -> DirRules {
        let present = Present::in_dir(dir);
        let exclude = match present.git.then(|| git_dir(dir)).flatten() {
            Some(git) => self.matcher(dir, &git.join("info/exclude")),
            None => Gitignore::empty(),
        };
        let read = |wanted: bool, name: &str| match wanted {
            true => self.matcher(dir, &dir.join(name)),
            false => Gitignore::empty(),
        };
        DirRules {
            ignore: read(present.ignore, ".ignore"),
            git: read(present.gitignore, ".gitignore"),
            exclude,
        }
    }

    fn matcher(&self, dir: &Path, file: &Path) -> Gitignore {
        let name = self.name(file);
        // An ignore file under ROOT that links out of it is not read (its lines would be quoted
        // in glob errors).
        // Most folders have no ignore file: one `lstat` says so, before any other look.
        let link = match file.symlink_metadata() {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Gitignore::empty(),
            link => link.ok(),
        };
        let is_link = link.as_ref().is_some_and(|m| m.file_type().is_symlink());
        let linked_out = is_link
            && file.starts_with(&self.root)
            && crate::confine::resolve(&self.root, file) == crate::confine::Place::Outside;
        if linked_out {
            self.report(Diagnostic::warning(
                Code::OutsideRoot,
                name,
                "skipped: symbolic link that leads outside the root (not followed); its ignore rules do not apply",
            ));
            return Gitignore::empty();
        }
        let text = match files::read(file, files::MAX_CONFIG_BYTES) {
            Ok(t) => t,
            Err(e) if e.is_not_found() => return Gitignore::empty(),
            Err(ReadError::NotRegular(kind)) => {
                self.report(Diagnostic::warning(
                    Code::SpecialFile,
                    name,
                    format!("skipped: not a regular file ({kind}); its ignore rules do not apply"),
                ));
                return Gitignore::empty();
            }
            Err(e) => {
                self.report(Diagnostic::warning(
                    Code::Unreadable,
                    name,
                    format!("cannot read: {e}; its ignore rules do not apply"),
                ));
                return Gitignore::empty();
            }
        };
        let mut builder = GitignoreBuilder::new(dir);
        // git splits on `\n` only; a `\r` before it is dropped, as the crate does.
        for (i, line) in text.split(|&b| b == b'\n').enumerate() {
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            let line = if i == 0 { line.strip_prefix("\u{feff}".as_bytes()).unwrap_or(line) } else { line };
            let problem = match std::str::from_utf8(line) {
                Ok(l) => builder.add_line(Some(file.to_path_buf()), l).err().map(|e| e.to_string()),
                Err(_) => Some("not valid UTF-8".to_string()),
            };
            if let Some(problem) = problem {
                self.report(
                    Diagnostic::warning(
                        Code::Walk,
                        name.clone(),
                        format!("ignore pattern skipped: {problem}"),
                    )
                    .at(i as u32 + 1, 0),
                );
            }
        }
        builder.build().unwrap_or_else(|e| {
            self.report(Diagnostic::warning(Code::Walk, name, format!("ignore rules skipped: {e}")));
            Gitignore::empty()
        })
    }

    /// `file` as the report names it: relative to ROOT, `../` above it.
    fn name(&self, file: &Path) -> String {
        if file.starts_with(&self.root) {
            return super::relative(&self.root, file);
        }
        let up = self.root.ancestors().position(|a| file.starts_with(a)).unwrap_or(0);
        let base = self.root.ancestors().nth(up).unwrap_or(&self.root);
        format!("{}{}", "../".repeat(up), super::relative(base, file))
    }

    fn report(&self, d: Diagnostic) {
        if let Ok(mut all) = self.diagnostics.lock() {
            all.push(d);
        }
    }
}

/// The git directory whose `info/exclude` applies to `dir`: `dir/.git` when it is a folder, the
/// common directory named by a `.git` file (worktrees, submodules) otherwise.
/// Which of a folder's ignore-related names exist, from one listing of it: most folders have
/// none, and three lookups of missing names cost more than reading the folder (plane's walk on
/// one thread, median of 10: 39 -> 31 ms). A folder that cannot be listed is probed by name.
struct Present {
    git: bool,
    ignore: bool,
    gitignore: bool,
}

impl Present {
    fn in_dir(dir: &Path) -> Present {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return Present { git: true, ignore: true, gitignore: true };
        };
        let mut p = Present { git: false, ignore: false, gitignore: false };
        for e in entries.flatten() {
            let name = e.file_name();
            match name.as_encoded_bytes() {
                b".git" => p.git = true,
                b".ignore" => p.ignore = true,
                b".gitignore" => p.gitignore = true,
                _ => {}
            }
        }
        p
    }
}

fn git_dir(dir: &Path) -> Option<PathBuf> {
    let dot_git = dir.join(".git");
    let meta = std::fs::metadata(&dot_git).ok()?;
    if meta.is_dir() {
        return Some(dot_git);
    }
    let text = files::read_text(&dot_git, 4096).ok()?;
    let git_dir = dir.join(text.trim().strip_prefix("gitdir:")?.trim());
    // A linked worktree's `commondir` names the repository's own git directory.
    match files::read_text(&git_dir.join("commondir"), 4096) {
        Ok(common) => Some(git_dir.join(common.trim())),
        Err(_) => Some(git_dir),
    }
}
