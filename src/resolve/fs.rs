//! The file system the resolver sees: the real one, plus `ROOT/node_modules/<name>` standing for
//! each workspace package's folder when it is not installed. Only lookups that go through
//! node_modules use it (tsconfig `extends: "@acme/tsconfig/base.json"`); everything else reads
//! the disk unchanged, except that only regular files under a size cap are ever read.
//!
//! It is also the fence around ROOT: every path outside it reads as missing, whether or not it
//! exists, and so does a path inside it whose real location (links followed) is outside. So no
//! lookup of the resolver (a tsconfig `extends`, a `package.json` above ROOT, `/etc/hostname`
//! as an import) reads or probes the host.

use oxc_resolver::{FileMetadata, FileSystem, FileSystemOs, ResolveError};
use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

pub struct WorkspaceFs {
    os: FileSystemOs,
    /// ROOT, canonical: nothing outside it is read.
    root: PathBuf,
    /// `ROOT/node_modules`: only paths below it are ever mapped.
    modules: PathBuf,
    /// `ROOT/node_modules/@acme/ui` → `ROOT/packages/ui`.
    links: BTreeMap<PathBuf, PathBuf>,
    /// Manifests that are not valid JSON: hidden, so that one broken package.json (already a
    /// diagnostic) does not fail every import of the files below it.
    hidden: std::collections::BTreeSet<PathBuf>,
    /// Folders that exist only because of the links (`ROOT/node_modules`, `…/@acme`).
    dirs: std::collections::BTreeSet<PathBuf>,
    /// tsconfigs whose `extends` is `""`, read without it (the resolver would fail every import
    /// below them); the resolve stage reports them.
    empty_extends: EmptyExtends,
    /// Folders checked by [`WorkspaceFs::really_inside`]: whether their real path is in ROOT.
    real_dirs: std::sync::RwLock<std::collections::HashMap<PathBuf, bool>>,
}

/// Shared with the resolve stage, which owns the resolver and so cannot reach its file system.
pub type EmptyExtends = std::sync::Arc<std::sync::Mutex<std::collections::BTreeSet<PathBuf>>>;

/// `text` without an empty `extends` (`""`, or `""` in an `extends` array), when it has one.
fn drop_empty_extends(path: &Path, text: &str) -> Option<String> {
    if path.file_name().is_some_and(|n| n == "package.json") || !text.contains("\"extends\"") {
        return None;
    }
    let mut json = text.trim_start_matches('\u{feff}').to_string();
    json_strip_comments::strip(&mut json).ok()?;
    let mut value: serde_json::Value = serde_json::from_str(&json).ok()?;
    let obj = value.as_object_mut()?;
    let empty = |v: &serde_json::Value| v.as_str() == Some("");
    match obj.get_mut("extends")? {
        serde_json::Value::Array(list) if list.iter().any(empty) => list.retain(|v| !empty(v)),
        v if empty(v) => {
            obj.remove("extends");
        }
        _ => return None,
    }
    serde_json::to_string(&value).ok()
}

impl WorkspaceFs {
    pub fn new(
        root: &Path,
        packages: impl IntoIterator<Item = (String, PathBuf)>,
        hidden: std::collections::BTreeSet<PathBuf>,
        empty_extends: EmptyExtends,
    ) -> Self {
        let modules = root.join("node_modules");
        let mut links = BTreeMap::new();
        let mut dirs = std::collections::BTreeSet::new();
        dirs.insert(modules.clone());
        for (name, dir) in packages {
            let link = modules.join(&name);
            if let Some(parent) = link.parent() {
                dirs.insert(parent.to_path_buf());
            }
            links.insert(link, dir);
        }
        WorkspaceFs {
            os: FileSystemOs::new(),
            root: root.to_path_buf(),
            modules,
            hidden,
            links,
            dirs,
            empty_extends,
            real_dirs: Default::default(),
        }
    }

    /// Paths outside ROOT, read as they are written, do not exist.
    fn fence(&self, path: &Path) -> io::Result<()> {
        if crate::confine::lexically_inside(&self.root, path) {
            Ok(())
        } else {
            Err(io::Error::from(io::ErrorKind::NotFound))
        }
    }

    /// A path that exists inside ROOT but really lies outside it (through a link) does not
    /// exist either. Checked only for paths that exist: the folder once (cached), then whether
    /// the entry itself is a link.
    fn really_inside(&self, path: &Path) -> io::Result<()> {
        let inside = |p: &Path| std::fs::canonicalize(p).is_ok_and(|real| real.starts_with(&self.root));
        let not_found = || io::Error::from(io::ErrorKind::NotFound);
        if path == self.root {
            return Ok(());
        }
        let dir = path.parent().ok_or_else(not_found)?;
        let known = self.real_dirs.read().ok().and_then(|m| m.get(dir).copied());
        let dir_inside = match known {
            Some(v) => v,
            None => {
                let v = dir.starts_with(&self.root) && inside(dir);
                if let Ok(mut m) = self.real_dirs.write() {
                    m.insert(dir.to_path_buf(), v);
                }
                v
            }
        };
        let is_link = std::fs::symlink_metadata(path).map(|m| m.file_type().is_symlink())?;
        if dir_inside && (!is_link || inside(path)) {
            Ok(())
        } else {
            Err(not_found())
        }
    }

    /// The real path `path` reads: mapped through a workspace link, fenced in ROOT.
    fn real(&self, path: &Path) -> io::Result<PathBuf> {
        self.hide(path)?;
        self.fence(path)?;
        Ok(self.map(path).unwrap_or_else(|| path.to_path_buf()))
    }

    /// Where `path` really is: unchanged when it exists, else through a workspace link.
    fn map(&self, path: &Path) -> Option<PathBuf> {
        if self.links.is_empty() || !path.starts_with(&self.modules) || path.exists() {
            return None;
        }
        let (link, target) =
            self.links.range(..=path.to_path_buf()).rev().find(|(l, _)| path.starts_with(l))?;
        let rest = path.strip_prefix(link).ok()?;
        Some(if rest.as_os_str().is_empty() { target.clone() } else { target.join(rest) })
    }

    fn hide(&self, path: &Path) -> io::Result<()> {
        if self.hidden.contains(path) {
            return Err(io::Error::from(io::ErrorKind::NotFound));
        }
        Ok(())
    }

    fn is_link(&self, path: &Path) -> bool {
        path.starts_with(&self.modules) && self.links.contains_key(path) && !path.exists()
    }

    fn virtual_dir(&self, path: &Path) -> bool {
        path.starts_with(&self.modules) && self.dirs.contains(path) && !path.exists()
    }
}

impl FileSystem for WorkspaceFs {
    fn new() -> Self {
        WorkspaceFs {
            os: FileSystemOs::new(),
            // An empty root fences nothing in: every absolute path is outside it. Only `new`
            // above is used.
            root: PathBuf::new(),
            modules: PathBuf::new(),
            hidden: Default::default(),
            links: BTreeMap::new(),
            dirs: Default::default(),
            empty_extends: Default::default(),
            real_dirs: Default::default(),
        }
    }

    // package.json and tsconfig files (`extends` targets included) are read through here: a
    // regular file under the size cap only, so a FIFO or `/dev/zero` cannot block or fill memory.
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        let real = self.real(path)?;
        self.really_inside(&real)?;
        crate::files::read(&real, crate::files::MAX_CONFIG_BYTES).map_err(crate::files::ReadError::into_io)
    }

    fn read_to_string(&self, path: &Path) -> io::Result<String> {
        let bytes = self.read(path)?;
        let text = String::from_utf8(bytes)
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e.utf8_error()))?;
        match drop_empty_extends(path, &text) {
            Some(fixed) => {
                if let Ok(mut seen) = self.empty_extends.lock() {
                    seen.insert(path.to_path_buf());
                }
                Ok(fixed)
            }
            None => Ok(text),
        }
    }

    fn metadata(&self, path: &Path) -> io::Result<FileMetadata> {
        self.hide(path)?;
        self.fence(path)?;
        if self.virtual_dir(path) {
            return Ok(FileMetadata::new(false, true, false));
        }
        let real = self.real(path)?;
        let meta = self.os.metadata(&real)?;
        self.really_inside(&real)?;
        Ok(meta)
    }

    fn symlink_metadata(&self, path: &Path) -> io::Result<FileMetadata> {
        self.hide(path)?;
        self.fence(path)?;
        if self.virtual_dir(path) {
            return Ok(FileMetadata::new(false, true, false));
        }
        // A link itself looks like the symlink pnpm would have made, so that the resolver's
        // canonicalization lands on the real folder (tsconfig `paths` are relative to it).
        if self.is_link(path) {
            return Ok(FileMetadata::new(false, false, true));
        }
        match self.map(path) {
            Some(mapped) => {
                let meta = self.os.metadata(&mapped)?;
                self.really_inside(&mapped)?;
                Ok(meta)
            }
            None => {
                let meta = self.os.symlink_metadata(path)?;
                // A folder on the way may be a link out of ROOT (`lnk/passwd`, `lnk -> /etc`),
                // and so may the path itself.
                self.really_inside(path)?;
                Ok(meta)
            }
        }
    }

    fn read_link(&self, path: &Path) -> Result<PathBuf, ResolveError> {
        if self.is_link(path) {
            return Ok(self.links[path].clone());
        }
        let not_found = || ResolveError::from(io::Error::from(io::ErrorKind::NotFound));
        self.fence(path).map_err(|_| not_found())?;
        self.really_inside(path).map_err(|_| not_found())?;
        self.os.read_link(path)
    }

    fn canonicalize(&self, path: &Path) -> io::Result<PathBuf> {
        let real = self.real(path)?;
        let canonical = self.os.canonicalize(&real)?;
        self.fence(&canonical)?;
        Ok(canonical)
    }
}

#[cfg(test)]
mod tests {
    use super::drop_empty_extends;
    use std::path::Path;

    #[test]
    fn empty_extends_is_dropped() {
        let p = Path::new("/r/tsconfig.json");
        let fixed = drop_empty_extends(
            p,
            "{\n  // base\n  \"extends\": \"\",\n  \"compilerOptions\": {\"baseUrl\": \".\"},\n}",
        )
        .unwrap();
        assert_eq!(fixed, r#"{"compilerOptions":{"baseUrl":"."}}"#);
        let fixed = drop_empty_extends(p, r#"{"extends": ["./a.json", ""]}"#).unwrap();
        assert_eq!(fixed, r#"{"extends":["./a.json"]}"#);
        assert_eq!(drop_empty_extends(p, r#"{"extends": "./a.json"}"#), None);
        assert_eq!(drop_empty_extends(Path::new("/r/package.json"), r#"{"extends": ""}"#), None);
    }
}
