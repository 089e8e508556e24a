//! Lines changed since the merge base with a ref, from `git diff --unified=0` (git is run, never
//! the scanned code), plus untracked files, which count as wholly new.

use anyhow::{bail, Context};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

fn git(root: &Path, args: &[&str]) -> anyhow::Result<String> {
    let out = Command::new("git").arg("-C").arg(root).args(args).output().context("cannot run git")?;
    if !out.status.success() {
        bail!("{}", String::from_utf8_lossy(&out.stderr).trim());
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// File (relative to `root`) → changed line ranges, 1-based inclusive.
pub fn changed_lines(root: &Path, since: &str) -> anyhow::Result<BTreeMap<String, Vec<(u32, u32)>>> {
    git(root, &["rev-parse", "--show-toplevel"])
        .map_err(|e| anyhow::anyhow!("--since needs a git repository: {e}"))?;
    let base = git(root, &["merge-base", since, "HEAD"])
        .map_err(|e| anyhow::anyhow!("--since {since}: not a known git ref ({e})"))?;
    let diff = git(
        root,
        &["diff", "--unified=0", "--no-color", "--no-ext-diff", "--relative", base.trim(), "--", "."],
    )?;
    let mut out: BTreeMap<String, Vec<(u32, u32)>> = BTreeMap::new();
    let mut file: Option<String> = None;
    for line in diff.lines() {
        if let Some(path) = line.strip_prefix("+++ ") {
            file = path.strip_prefix("b/").map(str::to_string);
        } else if let (Some(hunk), Some(f)) = (line.strip_prefix("@@ "), &file) {
            // @@ -a,b +c,d @@
            let Some(new) = hunk.split_whitespace().find(|p| p.starts_with('+')) else { continue };
            let mut parts = new[1..].split(',');
            let start: u32 = parts.next().and_then(|s| s.parse().ok()).unwrap_or(0);
            let count: u32 = parts.next().and_then(|s| s.parse().ok()).unwrap_or(1);
            if count > 0 {
                out.entry(f.clone()).or_default().push((start, start + count - 1));
            }
        }
    }
    for path in git(root, &["ls-files", "--others", "--exclude-standard"])?.lines() {
        out.entry(path.to_string()).or_default().push((1, u32::MAX));
    }
    Ok(out)
}
