//! The file system the resolver sees: the real one, plus `ROOT/node_modules/<name>` standing for
//! each workspace package's folder when it is not installed. Only lookups that go through
//! node_modules use it (tsconfig `extends: "@acme/tsconfig/base.json"`); everything else reads
//! the disk unchanged, except that only regular files under a size cap are ever read.

use oxc_resolver::{FileMetadata, FileSystem, FileSystemOs, ResolveError};
use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

pub struct WorkspaceFs {
    os: FileSystemOs,
    /// `ROOT/node_modules`: only paths below it are ever mapped.
    modules: PathBuf,
    /// `ROOT/node_modules/@acme/ui` → `ROOT/packages/ui`.
    links: BTreeMap<PathBuf, PathBuf>,
    /// Manifests that are not valid JSON: hidden, so that one broken package.json (already a
    /// diagnostic) does not fail every import of the files below it.
    hidden: std::collections::BTreeSet<PathBuf>,
    /// Folders that exist only because of the links (`ROOT/node_modules`, `…/@acme`).
    dirs: std::collections::BTreeSet<PathBuf>,
}

impl WorkspaceFs {
    pub fn new(
        root: &Path,
        packages: impl IntoIterator<Item = (String, PathBuf)>,
        hidden: std::collections::BTreeSet<PathBuf>,
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
        WorkspaceFs { os: FileSystemOs::new(), modules, hidden, links, dirs }
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
            modules: PathBuf::new(),
            hidden: Default::default(),
            links: BTreeMap::new(),
            dirs: Default::default(),
        }
    }

    // package.json and tsconfig files (`extends` targets included) are read through here: a
    // regular file under the size cap only, so a FIFO or `/dev/zero` cannot block or fill memory.
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        self.hide(path)?;
        crate::files::read(self.map(path).as_deref().unwrap_or(path), crate::files::MAX_CONFIG_BYTES)
            .map_err(crate::files::ReadError::into_io)
    }

    fn read_to_string(&self, path: &Path) -> io::Result<String> {
        let bytes = self.read(path)?;
        String::from_utf8(bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e.utf8_error()))
    }

    fn metadata(&self, path: &Path) -> io::Result<FileMetadata> {
        self.hide(path)?;
        if self.virtual_dir(path) {
            return Ok(FileMetadata::new(false, true, false));
        }
        self.os.metadata(self.map(path).as_deref().unwrap_or(path))
    }

    fn symlink_metadata(&self, path: &Path) -> io::Result<FileMetadata> {
        self.hide(path)?;
        if self.virtual_dir(path) {
            return Ok(FileMetadata::new(false, true, false));
        }
        // A link itself looks like the symlink pnpm would have made, so that the resolver's
        // canonicalization lands on the real folder (tsconfig `paths` are relative to it).
        if self.is_link(path) {
            return Ok(FileMetadata::new(false, false, true));
        }
        match self.map(path) {
            Some(mapped) => self.os.metadata(&mapped),
            None => self.os.symlink_metadata(path),
        }
    }

    fn read_link(&self, path: &Path) -> Result<PathBuf, ResolveError> {
        if self.is_link(path) {
            return Ok(self.links[path].clone());
        }
        self.os.read_link(path)
    }

    fn canonicalize(&self, path: &Path) -> io::Result<PathBuf> {
        self.os.canonicalize(self.map(path).as_deref().unwrap_or(path))
    }
}
