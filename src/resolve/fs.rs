//! The file system the resolver sees: the real one, plus `ROOT/node_modules/<name>` standing for
//! each workspace package's folder when it is not installed. Only lookups that go through
//! node_modules use it (tsconfig `extends: "@acme/tsconfig/base.json"`); everything else reads
//! the disk unchanged.
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
        WorkspaceFs { os: FileSystemOs::new(), root: root.to_path_buf(), modules, hidden, links, dirs }
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
    /// exist either. Checked only for paths that exist, the few the resolver settles on.
    fn really_inside(&self, path: &Path) -> io::Result<()> {
        match std::fs::canonicalize(path) {
            Ok(real) if real.starts_with(&self.root) => Ok(()),
            _ => Err(io::Error::from(io::ErrorKind::NotFound)),
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
        }
    }

    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        let real = self.real(path)?;
        self.really_inside(&real)?;
        self.os.read(&real)
    }

    fn read_to_string(&self, path: &Path) -> io::Result<String> {
        let real = self.real(path)?;
        self.really_inside(&real)?;
        self.os.read_to_string(&real)
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
