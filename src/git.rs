//! Running git on an untrusted repository: the few read-only commands monodup needs
//! (`rev-parse`, `merge-base`, `config --list`, `diff-index`, `ls-files`), run so that git
//! executes nothing the repository configures and writes nothing into it.
//!
//! A repository's `.git/config` (and `.gitattributes`) can name commands git runs on its own:
//! `core.fsmonitor`, `diff.<driver>.textconv` and `.command`, `diff.external`,
//! `filter.<driver>.clean`/`.process`, hooks, a pager, transports for a lazy fetch. Every git
//! process gets:
//!
//! - command-scope config (through `GIT_CONFIG_COUNT`, which beats any file and needs no quoting):
//!   `core.fsmonitor=false`, `core.hooksPath=/dev/null`, `core.pager=cat`,
//!   `core.untrackedCache=false`, `protocol.allow=never`, `gc.auto=0`, `maintenance.auto=false`,
//!   every configured `filter.<driver>` emptied and made optional, and `safe.directory` for the
//!   one work tree the user pointed at;
//! - `--no-pager`, and `--no-ext-diff --no-textconv --text` on diffs;
//! - plumbing (`diff-index`, never the porcelain `git diff`, which refreshes and rewrites
//!   `.git/index` even with `GIT_OPTIONAL_LOCKS=0`), so `.git` is never written;
//! - an environment without the caller's `GIT_*` variables (a `GIT_DIR` or `GIT_INDEX_FILE`
//!   inherited from a hook would point git at another repository), plus `GIT_OPTIONAL_LOCKS=0`,
//!   `GIT_TERMINAL_PROMPT=0`, `GIT_NO_LAZY_FETCH=1`, `GIT_CONFIG_NOSYSTEM=1`,
//!   `GIT_ATTR_NOSYSTEM=1`, and stdin closed;
//! - a time limit, after which it is killed.
//!
//! `safe.directory`: CI often runs as root on a checkout owned by another user, where git refuses
//! the repository ("dubious ownership"). That check exists because the repository's config could
//! run commands; since none of it can here, monodup trusts exactly the work tree that holds ROOT
//! (found by looking for `.git` upwards), never `*`.

use std::ffi::{OsStr, OsString};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Longest a git command may run before it is killed (a FIFO named by `core.excludesFile` or
/// an `include.path` would block git forever).
const TIMEOUT: Duration = Duration::from_secs(300);
/// Records (lines, NUL-separated paths) longer than this are cut; only their start is looked at.
pub const MAX_RECORD: usize = 64 * 1024;
/// Stderr kept for the error message.
const MAX_STDERR: usize = 16 * 1024;

/// Why git gave no answer.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    /// No `.git` at or above the folder (git was not run).
    #[error("no .git found at or above {}", .root.display())]
    NotARepository { root: PathBuf },
    /// `git version`'s answer, older than 2.31.
    #[error("{version} is too old: monodup needs git 2.31 or newer")]
    TooOld { version: String },
    /// git is not installed, or cannot be started.
    #[error("cannot run git")]
    Spawn(#[source] std::io::Error),
    #[error("cannot read git's output")]
    NoPipes,
    #[error("cannot start a thread to read git's output")]
    NoThread,
    #[error("git {command} took longer than {seconds} s and was stopped")]
    TimedOut { command: String, seconds: u64 },
    /// git exited with an error; `stderr` is what it said (cut at 16 KiB, may be empty).
    #[error("{}", failed(.command, .stderr))]
    Failed { command: String, stderr: String },
}

/// git's own words when it said any.
fn failed(command: &str, stderr: &str) -> String {
    if stderr.is_empty() {
        format!("git {command} failed")
    } else {
        stderr.to_string()
    }
}

/// A git work tree holding ROOT, and how to run git in it safely.
#[derive(Debug, Clone)]
pub struct Repo {
    root: PathBuf,
    /// Command-scope config for every git run.
    config: Vec<(OsString, OsString)>,
}

/// The nearest folder at or above `root` holding `.git` (a folder, or a file for linked work
/// trees and submodules), canonicalized as git compares it for `safe.directory`.
pub fn work_tree_of(root: &Path) -> Option<PathBuf> {
    let start = std::fs::canonicalize(root).ok()?;
    start.ancestors().find(|d| std::fs::symlink_metadata(d.join(".git")).is_ok()).map(Path::to_path_buf)
}

impl Repo {
    /// The repository holding `root`. Fails, without running git, when no `.git` is found
    /// above it, and when git is missing or older than 2.31 (the first to read
    /// `GIT_CONFIG_COUNT`: an older one would silently run without the overrides).
    pub fn discover(root: &Path) -> Result<Repo, GitError> {
        let Some(top) = work_tree_of(root) else {
            return Err(GitError::NotARepository { root: root.to_path_buf() });
        };
        let mut config: Vec<(OsString, OsString)> = [
            ("core.fsmonitor", "false"),
            ("core.hooksPath", "/dev/null"),
            ("core.pager", "cat"),
            ("core.untrackedCache", "false"),
            ("core.quotePath", "true"),
            ("protocol.allow", "never"),
            ("gc.auto", "0"),
            ("maintenance.auto", "false"),
            ("diff.external", ""),
        ]
        .iter()
        .map(|(k, v)| (OsString::from(k), OsString::from(v)))
        .collect();
        config.push(("safe.directory".into(), top.into_os_string()));
        let mut repo = Repo { root: root.to_path_buf(), config };
        let version = repo.output(&["version"])?;
        if !new_enough(&version) {
            return Err(GitError::TooOld { version });
        }
        // Empty every filter driver the config defines: a `.gitattributes` line `*.ts filter=x`
        // would make git run `filter.x.clean` on each changed file it reads from the work tree.
        // If the config cannot be listed, git cannot read it either and every later run fails.
        let mut drivers: Vec<Vec<u8>> = Vec::new();
        let listed = repo.run_records(&["config", "--null", "--list"], 0, |rec, _| {
            let key = rec.split(|&b| b == b'\n').next().unwrap_or(rec);
            if let Some(rest) = key.strip_prefix(b"filter.") {
                if let Some(dot) = rest.iter().rposition(|&b| b == b'.') {
                    drivers.push(rest[..dot].to_vec());
                }
            }
        });
        if listed.is_ok() {
            drivers.sort();
            drivers.dedup();
            for d in drivers {
                let name = os_from_bytes(&d);
                for (var, value) in [("clean", ""), ("smudge", ""), ("process", ""), ("required", "false")] {
                    let mut key = OsString::from("filter.");
                    key.push(&name);
                    key.push(".");
                    key.push(var);
                    repo.config.push((key, value.into()));
                }
            }
        }
        Ok(repo)
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    fn command(&self) -> Command {
        let mut cmd = Command::new("git");
        for (k, _) in std::env::vars_os() {
            if k.to_str().is_some_and(|k| k.starts_with("GIT_") && k != "GIT_EXEC_PATH") {
                cmd.env_remove(k);
            }
        }
        cmd.env("GIT_OPTIONAL_LOCKS", "0")
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("GIT_NO_LAZY_FETCH", "1")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_ATTR_NOSYSTEM", "1")
            .env("GIT_CONFIG_COUNT", self.config.len().to_string());
        for (i, (k, v)) in self.config.iter().enumerate() {
            cmd.env(format!("GIT_CONFIG_KEY_{i}"), k).env(format!("GIT_CONFIG_VALUE_{i}"), v);
        }
        cmd.arg("--no-pager").arg("-C").arg(&self.root);
        cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
        cmd
    }

    /// Runs git with `args` and returns its trimmed stdout (for short answers).
    pub fn output<S: AsRef<OsStr>>(&self, args: &[S]) -> Result<String, GitError> {
        let mut out = Vec::new();
        self.run_records(args, b'\n', |rec, _| {
            if out.len() < MAX_RECORD {
                out.extend_from_slice(rec);
                out.push(b'\n');
            }
        })?;
        Ok(String::from_utf8_lossy(&out).trim().to_string())
    }

    /// Runs git with `args`, handing each `sep`-terminated record of its stdout to `f` as it
    /// arrives (memory stays bounded whatever git prints), with whether it was cut at
    /// [`MAX_RECORD`]. Fails when git cannot start, fails, or runs past the time limit.
    pub fn run_records<S: AsRef<OsStr>>(
        &self,
        args: &[S],
        sep: u8,
        mut f: impl FnMut(&[u8], bool),
    ) -> Result<(), GitError> {
        let mut child = self.command().args(args).spawn().map_err(GitError::Spawn)?;
        let (Some(mut stdout), Some(mut stderr)) = (child.stdout.take(), child.stderr.take()) else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(GitError::NoPipes);
        };
        // Readers report through channels, so a grandchild that keeps a pipe open can delay
        // monodup by the time limit at most, never hang it.
        let (etx, erx) = mpsc::channel::<Vec<u8>>();
        let err_reader = std::thread::Builder::new().spawn(move || {
            let mut kept = Vec::new();
            let mut buf = [0u8; 8192];
            while let Ok(n) = stderr.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let room = MAX_STDERR.saturating_sub(kept.len());
                kept.extend_from_slice(&buf[..n.min(room)]);
            }
            let _ = etx.send(kept);
        });
        let (tx, rx) = mpsc::sync_channel::<Vec<u8>>(8);
        let out_reader = std::thread::Builder::new().spawn(move || loop {
            let mut buf = vec![0u8; 64 * 1024];
            match stdout.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    buf.truncate(n);
                    if tx.send(buf).is_err() {
                        break;
                    }
                }
            }
        });
        if err_reader.is_err() || out_reader.is_err() {
            let _ = child.kill();
            let _ = child.wait();
            return Err(GitError::NoThread);
        };
        let deadline = Instant::now() + TIMEOUT;
        let mut split = Splitter { sep, record: Vec::new(), cut: false };
        let mut timed_out = false;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match rx.recv_timeout(left) {
                Ok(chunk) => split.feed(&chunk, &mut f),
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    timed_out = true;
                    break;
                }
            }
        }
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break Some(status),
                Ok(None) if !timed_out && Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(2));
                }
                _ => {
                    timed_out = true;
                    let _ = child.kill();
                    let _ = child.wait();
                    break None;
                }
            }
        };
        drop(rx);
        if timed_out {
            return Err(GitError::TimedOut { command: describe(args), seconds: TIMEOUT.as_secs() });
        }
        match status {
            Some(s) if s.success() => {
                split.finish(&mut f);
                Ok(())
            }
            _ => {
                let stderr = erx.recv_timeout(Duration::from_secs(1)).unwrap_or_default();
                let stderr = String::from_utf8_lossy(&stderr).trim().to_string();
                Err(GitError::Failed { command: describe(args), stderr })
            }
        }
    }

    /// Every path the index tracks below ROOT, relative to it, as git stores it (bytes).
    pub fn tracked_files(&self) -> Result<Vec<Vec<u8>>, GitError> {
        let mut out = Vec::new();
        self.run_records(&["ls-files", "-z", "--cached", "--deduplicate"], 0, |rec, cut| {
            if !cut && !rec.is_empty() {
                out.push(rec.to_vec());
            }
        })?;
        Ok(out)
    }
}

/// `git version 2.47.3` (or `2.39.2 (Apple Git-143)`, `2.45.1.windows.1`) is at least 2.31.
fn new_enough(version: &str) -> bool {
    let Some(v) = version.strip_prefix("git version ") else { return false };
    let mut parts = v.split(|c: char| !c.is_ascii_digit()).map(|p| p.parse::<u32>().ok());
    match (parts.next().flatten(), parts.next().flatten()) {
        (Some(major), Some(minor)) => (major, minor) >= (2, 31),
        _ => false,
    }
}

fn describe<S: AsRef<OsStr>>(args: &[S]) -> String {
    args.first().map(|a| a.as_ref().to_string_lossy().into_owned()).unwrap_or_default()
}

/// Cuts a byte stream into records ending with `sep`, keeping at most [`MAX_RECORD`] bytes each.
struct Splitter {
    sep: u8,
    record: Vec<u8>,
    cut: bool,
}

impl Splitter {
    fn feed(&mut self, mut chunk: &[u8], f: &mut impl FnMut(&[u8], bool)) {
        while !chunk.is_empty() {
            let end = memchr::memchr(self.sep, chunk);
            let part = &chunk[..end.unwrap_or(chunk.len())];
            let room = MAX_RECORD - self.record.len();
            if part.len() > room {
                self.cut = true;
            }
            self.record.extend_from_slice(&part[..part.len().min(room)]);
            match end {
                Some(i) => {
                    f(&self.record, self.cut);
                    self.record.clear();
                    self.cut = false;
                    chunk = &chunk[i + 1..];
                }
                None => break,
            }
        }
    }

    fn finish(&mut self, f: &mut impl FnMut(&[u8], bool)) {
        if !self.record.is_empty() || self.cut {
            f(&self.record, self.cut);
        }
    }
}

/// A path from git's bytes.
#[cfg(unix)]
pub fn os_from_bytes(b: &[u8]) -> OsString {
    use std::os::unix::ffi::OsStrExt;
    OsStr::from_bytes(b).to_os_string()
}

#[cfg(not(unix))]
pub fn os_from_bytes(b: &[u8]) -> OsString {
    OsString::from(String::from_utf8_lossy(b).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(sep: u8, chunks: &[&[u8]]) -> Vec<(Vec<u8>, bool)> {
        let mut out = Vec::new();
        let mut s = Splitter { sep, record: Vec::new(), cut: false };
        let mut f = |r: &[u8], cut: bool| out.push((r.to_vec(), cut));
        for c in chunks {
            s.feed(c, &mut f);
        }
        s.finish(&mut f);
        out
    }

    #[test]
    fn git_versions() {
        assert!(new_enough("git version 2.47.3"));
        assert!(new_enough("git version 2.31.0"));
        assert!(new_enough("git version 3.0.0"));
        assert!(new_enough("git version 2.39.2 (Apple Git-143)"));
        assert!(new_enough("git version 2.45.1.windows.1"));
        assert!(!new_enough("git version 2.30.9"));
        assert!(!new_enough("git version 1.9"));
        assert!(!new_enough("hub version 2.47"));
        assert!(!new_enough(""));
    }

    #[test]
    fn records_split_across_chunks_and_long_ones_are_cut() {
        assert_eq!(
            split(0, &[b"a\0b", b"c\0", b"d"]),
            vec![(b"a".to_vec(), false), (b"bc".to_vec(), false), (b"d".to_vec(), false)]
        );
        let long = vec![b'x'; MAX_RECORD + 10];
        let got = split(b'\n', &[&long, b"\nok\n"]);
        assert_eq!(got.len(), 2);
        assert!(got[0].1 && got[0].0.len() == MAX_RECORD);
        assert_eq!(got[1], (b"ok".to_vec(), false));
    }
}
