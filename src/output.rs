//! Where output goes: stdout, or the `-o` file written as [`crate::files::write_atomic`] does.
//! Text formats pass through [`crate::escape::output`] so that nothing from the repository can
//! drive a terminal; JSON and SARIF are written exactly.

use std::io::Write;
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
