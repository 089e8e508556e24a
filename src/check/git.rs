//! Lines changed since the merge base with a ref, from `git diff-index --unified=0` (git is run
//! as [`crate::git`] describes: nothing the repository configures is executed, `.git` is not
//! written), and the tracked files: a scanned file git does not track counts as wholly new. The
//! untracked files are the scan's own minus `git ls-files --cached` (which reads only the index),
//! never `ls-files --others --exclude-standard`, which reads every ignore file and so blocks on a
//! FIFO named `.gitignore`.
//!
//! Paths are never taken from quoted text where git offers NUL-separated output (`ls-files -z`);
//! the patch's `+++ ` headers, the only place a path and its hunks come together, are unquoted
//! as git quotes them (C-style, and a tab after a name holding a space). Hunk bodies are skipped
//! by their line counts, so an added line reading `++ b/x` is never taken for a header.

use crate::git::{GitError, Repo};
use crate::model::lines::{LineRange, LineSet};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Why `--since` cannot say what changed: exit 2 before the scan.
#[derive(Debug, thiserror::Error)]
pub enum SinceError {
    /// Empty, or an option (`--since --foo` would be read by git as one).
    #[error("--since {since:?}: not a git ref")]
    NotARef { since: String },
    /// No work tree, or git missing or too old: git's own error, in the message.
    #[error("--since needs a git repository: {0}")]
    NoRepository(GitError),
    #[error("--since {since}: not a known git ref ({error})")]
    UnknownRef { since: String, error: GitError },
    #[error("--since {since}: git gave no merge base ({base:?})")]
    NoMergeBase { since: String, base: String },
    /// The diff or the listing of tracked files failed.
    #[error(transparent)]
    Git(#[from] GitError),
}

/// What changed since a ref.
pub struct Changes {
    /// File (relative to `root`) → changed line ranges, in patch order.
    pub lines: BTreeMap<String, Vec<LineRange>>,
    /// Files git tracks (relative to `root`).
    pub tracked: BTreeSet<String>,
}

impl Changes {
    /// The changed lines, with every scanned file git does not track as wholly new.
    pub fn with_untracked<'a>(mut self, scanned: impl Iterator<Item = &'a str>) -> BTreeMap<String, LineSet> {
        for path in scanned {
            if !self.tracked.contains(path) {
                self.lines.entry(path.to_string()).or_default().push(LineRange::new(1, u32::MAX));
            }
        }
        self.lines.into_iter().map(|(file, r)| (file, LineSet::from_iter(r))).collect()
    }
}

pub fn changed_lines(root: &Path, since: &str) -> Result<Changes, SinceError> {
    if since.is_empty() || since.starts_with('-') {
        return Err(SinceError::NotARef { since: since.into() });
    }
    let repo = Repo::discover(root).map_err(SinceError::NoRepository)?;
    repo.output(&["rev-parse", "--show-toplevel"]).map_err(SinceError::NoRepository)?;
    let base = repo
        .output(&["merge-base", since, "HEAD"])
        .map_err(|error| SinceError::UnknownRef { since: since.into(), error })?;
    if base.is_empty() || !base.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(SinceError::NoMergeBase { since: since.into(), base });
    }
    let mut diff = Hunks::default();
    repo.run_records(
        &[
            "diff-index",
            "--patch",
            "--unified=0",
            "--inter-hunk-context=0",
            "--no-color",
            "--no-ext-diff",
            "--no-textconv",
            // Every file as text: a `-diff` or `binary` attribute would hide its lines otherwise.
            "--text",
            "--find-renames",
            "--ignore-submodules=all",
            "--src-prefix=a/",
            "--dst-prefix=b/",
            "--relative",
            &base,
            "--",
        ],
        b'\n',
        |line, _| diff.line(line),
    )?;
    let tracked = repo.tracked_files()?.iter().map(|p| String::from_utf8_lossy(p).into_owned()).collect();
    Ok(Changes { lines: diff.files, tracked })
}

/// The state of a `--unified=0` patch read line by line.
#[derive(Default)]
struct Hunks {
    files: BTreeMap<String, Vec<LineRange>>,
    /// The new side's path of the current file (None for a deletion or before the `+++`).
    file: Option<String>,
    /// Body lines still expected in the current hunk: (removed, added).
    left: (u32, u32),
}

impl Hunks {
    fn line(&mut self, line: &[u8]) {
        if self.left != (0, 0) {
            match line.first() {
                Some(b'-') => self.left.0 = self.left.0.saturating_sub(1),
                Some(b'+') => self.left.1 = self.left.1.saturating_sub(1),
                Some(b'\\') => {} // "\ No newline at end of file"
                Some(b' ') => {
                    self.left.0 = self.left.0.saturating_sub(1);
                    self.left.1 = self.left.1.saturating_sub(1);
                }
                // Not a body line: the counts were wrong; read it as a header.
                _ => {
                    self.left = (0, 0);
                    self.header(line);
                }
            }
            return;
        }
        self.header(line);
    }

    fn header(&mut self, line: &[u8]) {
        if line.starts_with(b"diff --git ") {
            self.file = None;
        } else if let Some(path) = line.strip_prefix(b"+++ ") {
            self.file = new_path(path);
        } else if let Some(hunk) = line.strip_prefix(b"@@ -") {
            let Some((old, new)) = hunk_counts(hunk) else { return };
            self.left = (old.1, new.1);
            if let (Some(f), (start, count)) = (&self.file, new) {
                if count > 0 {
                    let end = start.saturating_add(count - 1);
                    self.files.entry(f.clone()).or_default().push(LineRange::new(start, end));
                }
            }
        }
    }
}

/// `a[,b] +c[,d] @@…` → ((a, b), (c, d)), a missing count meaning 1.
fn hunk_counts(hunk: &[u8]) -> Option<((u32, u32), (u32, u32))> {
    // The counts are ASCII; the function context after ` @@` may be anything.
    let end = memchr::memmem::find(hunk, b" @@")?;
    let ranges = std::str::from_utf8(&hunk[..end]).ok()?;
    let (old, new) = ranges.split_once(" +")?;
    let range = |r: &str| -> Option<(u32, u32)> {
        match r.split_once(',') {
            Some((s, c)) => Some((s.parse().ok()?, c.parse().ok()?)),
            None => Some((r.parse().ok()?, 1)),
        }
    };
    Some((range(old)?, range(new)?))
}

/// The path of a `+++ ` header without its `b/` prefix; None for `/dev/null`.
fn new_path(raw: &[u8]) -> Option<String> {
    let path = if raw.first() == Some(&b'"') {
        unquote_c(&raw[1..])?
    } else {
        // git ends the name with a tab when it holds a space (a tab in a name is quoted).
        raw.strip_suffix(b"\t").unwrap_or(raw).to_vec()
    };
    let path = path.strip_prefix(b"b/")?;
    Some(String::from_utf8_lossy(path).into_owned())
}

/// git's C-style quoting (`quote_c_style`), after the opening quote, up to the closing one.
fn unquote_c(s: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        match s[i] {
            b'"' => return Some(out),
            b'\\' => {
                let c = *s.get(i + 1)?;
                let byte = match c {
                    b'a' => 0x07,
                    b'b' => 0x08,
                    b't' => b'\t',
                    b'n' => b'\n',
                    b'v' => 0x0b,
                    b'f' => 0x0c,
                    b'r' => b'\r',
                    b'"' | b'\\' => c,
                    b'0'..=b'3' => {
                        let digits = s.get(i + 1..i + 4)?;
                        if !digits.iter().all(|d| (b'0'..=b'7').contains(d)) {
                            return None;
                        }
                        let v = digits.iter().fold(0u32, |v, d| v * 8 + u32::from(d - b'0'));
                        i += 2;
                        u8::try_from(v).ok()?
                    }
                    _ => return None,
                };
                out.push(byte);
                i += 2;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(patch: &str) -> BTreeMap<String, Vec<(u32, u32)>> {
        let mut h = Hunks::default();
        for line in patch.split('\n') {
            h.line(line.as_bytes());
        }
        h.files.into_iter().map(|(f, r)| (f, r.iter().map(|r| (r.start, r.end)).collect())).collect()
    }

    #[test]
    fn quoted_spaced_and_plain_paths_are_read() {
        let patch = "diff --git \"a/apps/caf\\303\\251/x.ts\" \"b/apps/caf\\303\\251/x.ts\"\n\
                     index 1..2 100644\n\
                     --- \"a/apps/caf\\303\\251/x.ts\"\n\
                     +++ \"b/apps/caf\\303\\251/x.ts\"\n\
                     @@ -1,0 +2,3 @@ ctx\n+a\n+b\n+c\n\
                     diff --git a/apps/web app/x.ts b/apps/web app/x.ts\n\
                     --- a/apps/web app/x.ts\t\n\
                     +++ b/apps/web app/x.ts\t\n\
                     @@ -4 +4 @@\n-old\n+new\n\
                     diff --git a/q\"t b/q\"t\n\
                     +++ \"b/tab\\there\\\\\\\"\"\n\
                     @@ -0,0 +1 @@\n+x";
        let got = parse(patch);
        assert_eq!(got["apps/café/x.ts"], vec![(2, 4)]);
        assert_eq!(got["apps/web app/x.ts"], vec![(4, 4)]);
        assert_eq!(got["tab\there\\\""], vec![(1, 1)]);
    }

    #[test]
    fn body_lines_that_look_like_headers_are_not_headers() {
        // Added lines reading `++ b/evil` and `@@ -1 +1,99 @@` are content.
        let patch =
            "diff --git a/x.ts b/x.ts\n+++ b/x.ts\n@@ -0,0 +1,3 @@\n+++ b/evil\n+@@ -1 +1,99 @@\n+z\n\
                     diff --git a/gone.ts b/gone.ts\n--- a/gone.ts\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-a\n-b\n\
                     \\ No newline at end of file";
        let got = parse(patch);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got["x.ts"], vec![(1, 3)]);
    }

    #[test]
    fn bad_quoting_is_no_path() {
        assert_eq!(new_path(b"\"b/x\\q\""), None);
        assert_eq!(new_path(b"\"b/x"), None);
        assert_eq!(new_path(b"\"b/\\777\""), None);
        assert_eq!(new_path(b"/dev/null"), None);
        assert_eq!(new_path(b"\"b/\\101\""), Some("A".into()));
    }
}
