//! Where output goes: stdout, or the `-o` file written as [`crate::files::write_atomic`] does.
//! Text formats pass through [`crate::escape::output`] so that nothing from the repository can
//! drive a terminal; JSON and SARIF are written exactly, streamed through a buffered writer as
//! they are serialized (a report of a large tree is never held whole in memory), pretty by
//! default or compact with `--compact`.

use serde::Serialize;
use std::io::{self, Write};
use std::path::Path;

/// Writes `bytes` (escaped unless `exact`) to `path`, or to `out`.
pub fn emit(bytes: Vec<u8>, exact: bool, path: Option<&Path>, out: &mut dyn Write) -> anyhow::Result<()> {
    let bytes = if exact { bytes } else { crate::escape::output(bytes) };
    match path {
        Some(path) => crate::files::write_atomic(path, &bytes),
        None => {
            out.write_all(&bytes)?;
            out.flush()?;
            Ok(())
        }
    }
}

/// Writes `value` as JSON with a trailing newline to `path`, or to `out`: pretty (two-space
/// indent), or on one line when `compact`; the same content in the same order either way.
pub fn emit_json<T: Serialize + ?Sized>(
    value: &T,
    compact: bool,
    path: Option<&Path>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let write = |w: &mut dyn Write| -> io::Result<()> {
        if compact {
            serde_json::to_writer(&mut *w, value)?;
        } else {
            serde_json::to_writer_pretty(&mut *w, value)?;
        }
        w.write_all(b"\n")
    };
    match path {
        Some(path) => crate::files::write_atomic_with(path, write),
        None => {
            // stdout is line-buffered: without this, pretty JSON would be a write per line.
            let mut w = io::BufWriter::with_capacity(1 << 16, out);
            write(&mut w)?;
            w.flush()?;
            Ok(())
        }
    }
}
