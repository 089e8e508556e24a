//! TypeScript in tests: find `tsc`, link a workspace's packages into its `node_modules` as a
//! package manager would, type-check a project and compare the errors before and after a change
//! (`monodup apply` moves files, so errors are compared without their files and positions).
//!
//! `.ci/run` installs a pinned TypeScript with `@types/react` and `@types/node` and sets
//! `MONODUP_TSC`; elsewhere a test that finds no `tsc` prints "skipped: no tsc" and returns.

use super::{run_with_timeout, TIMEOUT};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The `tsc` to run: `MONODUP_TSC`, else `tsc` on PATH, else `None`. Under CI (`CI` set) a
/// missing `tsc` fails the test instead: CI must run the type-checking tests, not skip them.
pub fn tsc() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("MONODUP_TSC").filter(|p| !p.is_empty()) {
        let p = PathBuf::from(p);
        assert!(p.is_file(), "MONODUP_TSC={} is not a file", p.display());
        return Some(p);
    }
    let on_path = std::env::var_os("PATH")
        .and_then(|path| std::env::split_paths(&path).map(|d| d.join("tsc")).find(|p| p.is_file()));
    if on_path.is_none() && std::env::var_os("CI").is_some() {
        panic!(
            "no tsc: CI must type-check (set MONODUP_TSC, as .ci/run does, or put tsc on PATH); \
             the tests that need it would otherwise be skipped"
        );
    }
    on_path
}

/// Type packages linked into every workspace from the folder `tsc` was installed in.
const SHARED_TYPES: &[&str] = &["@types/react", "@types/node", "react"];

/// Links each workspace package (every `package.json` under `root` with a `name`, outside
/// `node_modules` and `.git`, other than the root's own) as `root/node_modules/NAME`, a scoped
/// name under its `@scope` folder, as pnpm and npm workspaces do. Also links `@types/react`,
/// `@types/node` and `react` from the `node_modules` that holds [`tsc`] (`.ci/run` installs
/// them there) when they are present. Existing links are replaced, so it can run again after a
/// change adds a package.
pub fn link_workspace(root: &Path) {
    let modules = root.join("node_modules");
    let mut manifests = Vec::new();
    find_manifests(root, &mut manifests);
    for dir in manifests {
        if dir == root {
            // A package manager links the workspace's packages, not the root into itself.
            continue;
        }
        let text = std::fs::read_to_string(dir.join("package.json")).unwrap();
        let Ok(manifest) = serde_json::from_str::<Value>(&text) else { continue };
        if let Some(name) = manifest["name"].as_str().filter(|n| !n.is_empty()) {
            link(&dir, &modules.join(name));
        }
    }
    let shared = tsc().and_then(|t| {
        let bin = t.parent()?;
        let modules = bin.parent()?;
        (bin.file_name()? == ".bin" && modules.file_name()? == "node_modules").then(|| modules.to_path_buf())
    });
    for name in SHARED_TYPES {
        if let Some(from) = shared.as_ref().map(|m| m.join(name)).filter(|p| p.is_dir()) {
            link(&from, &modules.join(name));
        }
    }
}

/// The folders under `dir` that hold a `package.json`, sorted.
fn find_manifests(dir: &Path, out: &mut Vec<PathBuf>) {
    if dir.join("package.json").is_file() {
        out.push(dir.to_path_buf());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for p in entries {
        let skip = p.file_name().is_some_and(|n| n == "node_modules" || n == ".git");
        // symlink_metadata: a linked folder is not walked (it is a package's link, or a loop).
        if !skip && p.symlink_metadata().is_ok_and(|m| m.is_dir()) {
            find_manifests(&p, out);
        }
    }
}

/// Makes `link` a symbolic link to `target`, replacing a link already there.
fn link(target: &Path, link: &Path) {
    std::fs::create_dir_all(link.parent().unwrap()).unwrap();
    if let Ok(m) = link.symlink_metadata() {
        assert!(m.file_type().is_symlink(), "{} exists and is not a link", link.display());
        std::fs::remove_file(link).unwrap();
    }
    let target = target.canonicalize().unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&target, link).unwrap();
    #[cfg(windows)]
    std::os::windows::fs::symlink_dir(&target, link).unwrap();
}

/// One error `tsc` printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TscError {
    /// Relative to the repository root (see [`tsc_errors`]) when under it, else as printed;
    /// empty for an error about no file (a bad option, a missing tsconfig).
    pub file: String,
    pub line: u32,
    pub column: u32,
    /// `TS2322`.
    pub code: String,
    /// The message, continuation lines joined with `\n`, the repository root's absolute path
    /// replaced by `<root>` so that two checks of one repository compare equal.
    pub message: String,
}

impl fmt::Display for TscError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}({},{}): error {}: {}", self.file, self.line, self.column, self.code, self.message)
    }
}

/// The repository around `dir`: the nearest folder holding `pnpm-workspace.yaml` or `.git`,
/// else `dir` itself.
fn repo_root(dir: &Path) -> PathBuf {
    let dir = dir.canonicalize().unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    dir.ancestors()
        .find(|d| d.join("pnpm-workspace.yaml").is_file() || d.join(".git").exists())
        .unwrap_or(&dir)
        .to_path_buf()
}

/// Runs `tsc --noEmit -p PROJECT_DIR --pretty false --incremental false` from the repository
/// root (so the paths it prints are relative to it) and returns the errors it printed. Fails
/// the test when there is no `tsc` (call [`tsc`] first to skip) or when `tsc` fails without
/// printing an error (a crash).
pub fn tsc_errors(project_dir: &Path) -> Vec<TscError> {
    let tsc = tsc().expect("no tsc: check tsc() first and skip");
    let root = repo_root(project_dir);
    let project = project_dir.canonicalize().unwrap();
    let mut cmd = Command::new(&tsc);
    cmd.current_dir(&root).arg("--noEmit").arg("-p").arg(&project).args([
        "--pretty",
        "false",
        "--incremental",
        "false",
    ]);
    let run = run_with_timeout(cmd, TIMEOUT);
    let errors = parse_tsc_output(&run.stdout, &root);
    assert!(
        run.code == 0 || !errors.is_empty(),
        "{} -p {} exited {} with no error parsed:\n{}{}",
        tsc.display(),
        project.display(),
        run.code,
        run.stdout,
        run.stderr
    );
    errors
}

/// Parses `tsc --pretty false` output: `path(line,col): error TSnnnn: message` or
/// `error TSnnnn: message`, indented continuation lines appended to the message before them.
pub fn parse_tsc_output(out: &str, root: &Path) -> Vec<TscError> {
    let root_text = root.to_string_lossy();
    let relative = |file: &str| -> String {
        Path::new(file)
            .strip_prefix(root)
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_else(|_| file.to_string())
            .replace('\\', "/")
    };
    let mut errors: Vec<TscError> = Vec::new();
    for line in out.lines() {
        if line.starts_with(char::is_whitespace) {
            if let Some(last) = errors.last_mut() {
                last.message.push('\n');
                last.message.push_str(&line.trim().replace(&*root_text, "<root>"));
            }
            continue;
        }
        let (file, line_no, column, rest) = match line.find("): error TS") {
            Some(at) => {
                let head = &line[..at];
                let Some(open) = head.rfind('(') else { continue };
                let Some((l, c)) = head[open + 1..].split_once(',') else { continue };
                let (Ok(l), Ok(c)) = (l.parse(), c.parse()) else { continue };
                (relative(&head[..open]), l, c, &line[at + "): error ".len()..])
            }
            None => match line.strip_prefix("error ") {
                Some(rest) if rest.starts_with("TS") => (String::new(), 0, 0, rest),
                _ => continue,
            },
        };
        let Some((code, message)) = rest.split_once(": ") else { continue };
        errors.push(TscError {
            file,
            line: line_no,
            column,
            code: code.to_string(),
            message: message.replace(&*root_text, "<root>"),
        });
    }
    errors
}

/// How many times each (code, message) occurs, files and positions left out: a file that moves
/// keeps its errors under another path, so checks before and after a move compare these.
pub fn error_signature(errors: &[TscError]) -> BTreeMap<(String, String), usize> {
    let mut sig = BTreeMap::new();
    for e in errors {
        *sig.entry((e.code.clone(), e.message.clone())).or_insert(0) += 1;
    }
    sig
}

/// The (code, message) pairs `after` has more of than `before` (each as often as it is in
/// excess), in order: empty when a change brought no new error.
pub fn new_errors(before: &[TscError], after: &[TscError]) -> Vec<(String, String)> {
    let before = error_signature(before);
    let mut new = Vec::new();
    for (key, n) in error_signature(after) {
        let had = before.get(&key).copied().unwrap_or(0);
        new.extend(std::iter::repeat_n(key, n.saturating_sub(had)));
    }
    new
}
