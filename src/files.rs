//! Reading and writing single files on a tree nobody reviewed: a path → bytes with a size cap,
//! or bytes → a path without replacing what the path is.
//!
//! Reads open regular files only (the type is checked after following links, before and after
//! opening), and never read more than the cap: a FIFO would block forever, `/dev/zero` would
//! fill memory, a 2 GB sparse file would be read whole before its size is looked at. The open
//! is non-blocking, so a path swapped for a FIFO between the check and the open cannot block
//! either.
//!
//! Writes go through a temporary file and a rename only when the target is a regular file or
//! missing; a character device or a FIFO (`-o /dev/null`, `-o >(gzip)`) is written in place, and
//! anything else (a directory, a block device, a socket) is refused. A symbolic link is written
//! through: its target is replaced atomically and the link stays. See docs/files.md.

use std::fs::{File, Metadata};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// Cap for manifests, tsconfigs, ignore files and monodup.toml: no hand-written one is this big.
pub const MAX_CONFIG_BYTES: u64 = 8 << 20;
/// Cap for a baseline: one line per clone class of a very large monorepo fits many times over.
pub const MAX_BASELINE_BYTES: u64 = 256 << 20;

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// A FIFO, a device, a socket or a directory where a file was expected.
    #[error("not a regular file ({0})")]
    NotRegular(&'static str),
    #[error("{size} bytes is over the {cap} byte limit")]
    TooLarge { size: u64, cap: u64 },
    // Transparent: with `{0}` and a source, an error chain printed the OS message twice.
    #[error(transparent)]
    Io(#[from] io::Error),
}

impl ReadError {
    pub fn is_not_found(&self) -> bool {
        matches!(self, ReadError::Io(e) if e.kind() == io::ErrorKind::NotFound)
    }

    /// As an `io::Error` (for the resolver's file system), keeping `NotFound` recognizable.
    pub fn into_io(self) -> io::Error {
        match self {
            ReadError::Io(e) => e,
            other => io::Error::new(io::ErrorKind::InvalidData, other.to_string()),
        }
    }
}

/// What a file type is, for messages: "a FIFO", "a directory"...
pub fn kind_name(meta: &Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_file() {
        return "a regular file";
    }
    if t.is_dir() {
        return "a directory";
    }
    if t.is_symlink() {
        return "a symbolic link";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    "a special file"
}

fn check_regular(meta: &Metadata, cap: u64) -> Result<(), ReadError> {
    if !meta.is_file() {
        return Err(ReadError::NotRegular(kind_name(meta)));
    }
    if meta.len() > cap {
        return Err(ReadError::TooLarge { size: meta.len(), cap });
    }
    Ok(())
}

/// Opens `path` for reading without blocking on a FIFO or taking a terminal.
fn open_read(path: &Path) -> io::Result<File> {
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags((rustix::fs::OFlags::NONBLOCK | rustix::fs::OFlags::NOCTTY).bits() as i32);
    }
    opts.open(path)
}

/// The bytes of the regular file at `path` (links followed), at most `cap` of them.
pub fn read(path: &Path, cap: u64) -> Result<Vec<u8>, ReadError> {
    // Look before opening: opening a device can have effects of its own.
    check_regular(&std::fs::metadata(path)?, cap)?;
    read_listed(path, cap)
}

/// [`read`] for a file the walk just listed as regular: no look before opening (that `stat`, a path
/// lookup per source file, was 3 % of a `dups` run). A file swapped for something else
/// since is caught by the look after opening, which never blocks (see [`open_read`]).
pub fn read_listed(path: &Path, cap: u64) -> Result<Vec<u8>, ReadError> {
    let file = open_read(path)?;
    // And after: the path may have been swapped in between.
    let meta = file.metadata()?;
    check_regular(&meta, cap)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(cap + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > cap {
        return Err(ReadError::TooLarge { size: bytes.len() as u64, cap });
    }
    Ok(bytes)
}

/// [`read`] as UTF-8 text, without a leading byte order mark (npm, TypeScript and git accept
/// one; serde_json and toml do not).
pub fn read_text(path: &Path, cap: u64) -> Result<String, ReadError> {
    let bytes = read(path, cap)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        io::Error::new(io::ErrorKind::InvalidData, format!("not valid UTF-8: {}", e.utf8_error()))
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// How `path` is written.
enum Target {
    /// Missing or a regular file: temporary file in its folder, then rename onto it.
    Replace(PathBuf),
    /// A character device or a FIFO: opened and written.
    InPlace,
}

fn target(path: &Path) -> anyhow::Result<Target> {
    let link = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Target::Replace(path.to_path_buf())),
        Err(e) => return Err(e.into()),
    };
    let is_link = link.file_type().is_symlink();
    let meta = if is_link {
        // Written through: the link stays a link, its target gets the bytes. (`/dev/stdout`
        // and `>(cmd)` are links to a pipe that has no path: stat follows them, realpath not.)
        match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                anyhow::bail!(
                    "it is a symbolic link to a missing file (monodup does not create link targets)"
                )
            }
            Err(e) => return Err(e.into()),
        }
    } else {
        link
    };
    if meta.is_file() {
        let real = if is_link { std::fs::canonicalize(path)? } else { path.to_path_buf() };
        return Ok(Target::Replace(real));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() || t.is_char_device() {
            return Ok(Target::InPlace);
        }
    }
    anyhow::bail!(
        "it is {}; monodup writes only to regular files, character devices (/dev/null) and FIFOs",
        kind_name(&meta)
    )
}

/// Writes `bytes` to `path`: atomically (temporary file + rename) when `path` is a regular
/// file or missing, in place when it is a character device or a FIFO; anything else is refused.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// [`write_atomic`] of what `write` streams into a buffered writer, so that a large output is
/// never held whole in memory. An error from `write` leaves a file that was there as it was.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<()> {
    use anyhow::Context;
    let cannot = || format!("cannot write {}", path.display());
    match target(path).with_context(cannot)? {
        Target::Replace(real) => replace(&real, write).with_context(cannot),
        Target::InPlace => write_in_place(path, write).with_context(cannot),
    }
}

/// Runs `write` through a 64 KiB buffer over `file` and flushes it.
fn buffered(file: &mut impl Write, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let mut w = io::BufWriter::with_capacity(1 << 16, file);
    write(&mut w)?;
    w.flush()
}

fn replace(path: &Path, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> anyhow::Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    buffered(&mut tmp, write)?;
    // Temporary files are private (0600); a report or baseline is an ordinary file, and a file
    // that was there keeps its mode and, where we may, its owner.
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let old = std::fs::metadata(path).ok();
        let mode = old.as_ref().map_or(0o644, |m| m.permissions().mode() & 0o7777);
        tmp.as_file().set_permissions(std::fs::Permissions::from_mode(mode))?;
        if let Some(m) = &old {
            // Only root may give a file away; for anyone else this is a no-op or refused.
            let _ = std::os::unix::fs::fchown(tmp.as_file(), Some(m.uid()), Some(m.gid()));
        }
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

fn write_in_place(path: &Path, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> anyhow::Result<()> {
    let mut opts = std::fs::OpenOptions::new();
    // Neither create nor truncate: the path is a device or a FIFO and stays one.
    opts.write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // A FIFO nobody reads would block the open forever: fail at once instead.
        opts.custom_flags((rustix::fs::OFlags::NONBLOCK | rustix::fs::OFlags::NOCTTY).bits() as i32);
    }
    let mut file = match opts.open(path) {
        Ok(f) => f,
        #[cfg(unix)]
        Err(e) if e.raw_os_error() == Some(rustix::io::Errno::NXIO.raw_os_error()) => {
            anyhow::bail!("it is a FIFO that no process is reading")
        }
        Err(e) => return Err(e.into()),
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let meta = file.metadata()?;
        let t = meta.file_type();
        anyhow::ensure!(
            t.is_fifo() || t.is_char_device(),
            "it changed into {} while being opened",
            kind_name(&meta)
        );
        // Writes may block again (a full pipe waits for its reader).
        let flags = rustix::fs::fcntl_getfl(&file)?;
        rustix::fs::fcntl_setfl(&file, flags - rustix::fs::OFlags::NONBLOCK)?;
    }
    buffered(&mut file, write)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_regular_files_under_the_cap_only() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.json");
        std::fs::write(&p, "\u{feff}{}").unwrap();
        assert_eq!(read_text(&p, 100).unwrap(), "{}");
        assert!(matches!(read(&p, 2), Err(ReadError::TooLarge { size: 5, cap: 2 })));
        assert!(matches!(read(dir.path(), 100), Err(ReadError::NotRegular("a directory"))));
        assert!(read(&dir.path().join("missing"), 100).unwrap_err().is_not_found());
        #[cfg(unix)]
        assert!(matches!(
            read(Path::new("/dev/zero"), 100),
            Err(ReadError::NotRegular("a character device"))
        ));
    }
}
