//! `monodup init`: writes a commented monodup.toml with every key and its default.

use crate::{config, files, ExitStatus};
use clap::Args;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to write monodup.toml.
    #[arg(default_value = ".")]
    pub root: PathBuf,
    /// Overwrite an existing monodup.toml.
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: &InitArgs, err: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let path = args.root.join(config::FILE_NAME);
    anyhow::ensure!(args.force || !path.exists(), "{} exists (use --force to overwrite it)", path.display());
    files::write_atomic(&path, config::TEMPLATE.as_bytes())?;
    writeln!(err, "monodup: wrote {}", path.display())?;
    Ok(ExitStatus::Success)
}
