//! Confinement to ROOT: whether a path, followed link by link, stays inside the scanned tree.
//!
//! monodup reads only what lies in ROOT: the walk does not follow a link out of it, the
//! resolver's file system refuses every path outside it, an import that leaves it is unresolved
//! (`outside-root`), a tsconfig `extends` outside it is not read. The answer never depends on
//! what exists outside ROOT: [`resolve`] stops at the first step that leaves the tree, before it
//! looks at the target, so a planted link or `../../etc/passwd` cannot probe the host.

use std::collections::VecDeque;
use std::ffi::OsString;
use std::path::{Component, Path, PathBuf};

/// Where a path leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// Inside ROOT, at this real path (links followed).
    Inside(PathBuf),
    /// A step (a `..`, an absolute link target) leaves ROOT; nothing past it was looked at.
    Outside,
    /// Inside ROOT as far as it goes, but a component does not exist or cannot be read, or the
    /// links loop.
    Missing,
}

/// Links followed before [`resolve`] gives up (Linux's own limit).
const MAX_LINKS: usize = 40;

/// `path` with `.` and `..` applied lexically (no disk access). Absolute paths stay absolute;
/// a `..` at the top is dropped, as the kernel does at `/`.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => match out.components().next_back() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(".."),
            },
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// Whether `path` (absolute), read lexically, lies in `root` (absolute, canonical).
pub fn lexically_inside(root: &Path, path: &Path) -> bool {
    normalize(path).starts_with(root)
}

/// Follows `path` (absolute) component by component from `root` (absolute, canonical), never
/// looking at anything outside it: see [`Place`].
pub fn resolve(root: &Path, path: &Path) -> Place {
    let Ok(rest) = path.strip_prefix(root) else { return Place::Outside };
    let mut queue: VecDeque<OsString> = VecDeque::new();
    for c in rest.components() {
        match c {
            Component::Normal(n) => queue.push_back(n.to_os_string()),
            Component::ParentDir => queue.push_back("..".into()),
            Component::CurDir => {}
            Component::RootDir | Component::Prefix(_) => return Place::Outside,
        }
    }
    let mut cur = root.to_path_buf();
    let mut links = 0;
    while let Some(name) = queue.pop_front() {
        if name == ".." {
            if cur == root {
                return Place::Outside;
            }
            cur.pop();
            continue;
        }
        let next = cur.join(&name);
        let Ok(meta) = std::fs::symlink_metadata(&next) else { return Place::Missing };
        if !meta.file_type().is_symlink() {
            cur = next;
            continue;
        }
        links += 1;
        if links > MAX_LINKS {
            return Place::Missing;
        }
        let Ok(target) = std::fs::read_link(&next) else { return Place::Missing };
        let mut front: Vec<OsString> = Vec::new();
        let target_rest = if target.has_root() {
            // An absolute target counts only when it names ROOT itself (as canonicalized).
            match target.strip_prefix(root) {
                Ok(r) => {
                    cur = root.to_path_buf();
                    r.to_path_buf()
                }
                Err(_) => return Place::Outside,
            }
        } else {
            target
        };
        for c in target_rest.components() {
            match c {
                Component::Normal(n) => front.push(n.to_os_string()),
                Component::ParentDir => front.push("..".into()),
                Component::CurDir => {}
                Component::RootDir | Component::Prefix(_) => return Place::Outside,
            }
        }
        for n in front.into_iter().rev() {
            queue.push_front(n);
        }
    }
    Place::Inside(cur)
}

/// Whether `path` leads to something inside `root` (an existing file or folder).
pub fn is_inside(root: &Path, path: &Path) -> bool {
    matches!(resolve(root, path), Place::Inside(_))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexical_paths() {
        assert_eq!(normalize(Path::new("/r/a/../b/./c")), Path::new("/r/b/c"));
        assert_eq!(normalize(Path::new("/r/../../etc")), Path::new("/etc"));
        assert_eq!(normalize(Path::new("a/../../b")), Path::new("../b"));
        assert!(lexically_inside(Path::new("/r"), Path::new("/r/a/../b")));
        assert!(!lexically_inside(Path::new("/r"), Path::new("/r/../etc/passwd")));
        assert!(!lexically_inside(Path::new("/r"), Path::new("/rr/x")));
    }

    #[cfg(unix)]
    #[test]
    fn links_are_followed_only_inside() {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap().join("repo");
        std::fs::create_dir_all(root.join("src")).unwrap();
        std::fs::write(root.join("src/a.ts"), "").unwrap();
        std::os::unix::fs::symlink("src", root.join("alias")).unwrap();
        std::os::unix::fs::symlink("/usr", root.join("usr")).unwrap();
        std::os::unix::fs::symlink("/no/such/place", root.join("gone")).unwrap();
        std::os::unix::fs::symlink("../..", root.join("src/up")).unwrap();
        std::os::unix::fs::symlink(root.join("src"), root.join("abs")).unwrap();
        assert_eq!(resolve(&root, &root.join("alias/a.ts")), Place::Inside(root.join("src/a.ts")));
        assert_eq!(resolve(&root, &root.join("abs/a.ts")), Place::Inside(root.join("src/a.ts")));
        // Out of the tree: the same answer whether the target exists or not.
        assert_eq!(resolve(&root, &root.join("usr")), Place::Outside);
        assert_eq!(resolve(&root, &root.join("gone")), Place::Outside);
        assert_eq!(resolve(&root, &root.join("src/up/x")), Place::Outside);
        assert_eq!(resolve(&root, &root.join("../etc/passwd")), Place::Outside);
        assert_eq!(resolve(&root, &root.join("src/nope.ts")), Place::Missing);
    }
}
