//! Command-line argument groups shared by the commands (clap derive); the command line itself
//! and each command's own arguments and formats are in [`crate::commands`]. `///` lines are user
//! help.

use clap::{Args, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Mode {
    /// Identical tokens (whitespace and comments aside).
    Exact,
    /// Identical once identifiers and literals are renamed.
    Renamed,
}

#[derive(Debug, Args)]
pub struct CloneArgs {
    /// Shortest clone in tokens [default: 50, or [clones] min_tokens].
    #[arg(long, value_name = "N")]
    pub min_tokens: Option<usize>,
    /// Shortest clone in lines [default: 5, or [clones] min_lines].
    #[arg(long, value_name = "N")]
    pub min_lines: Option<u32>,
    /// How tokens are compared [default: renamed, or [clones] mode].
    #[arg(long, value_enum)]
    pub mode: Option<Mode>,
    /// Leave TypeScript interface and type declarations out of clones.
    #[arg(long)]
    pub ignore_types: bool,
    /// Report only clones with copies in two or more packages.
    #[arg(long)]
    pub cross_package: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LevelArg {
    File,
    Package,
}

#[derive(Debug, Args)]
pub struct Common {
    /// Write the output to this file instead of stdout (atomically).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Write JSON and SARIF on one line instead of indented: the same content in the same order,
    /// smaller and faster to write (other formats are unaffected).
    #[arg(long)]
    pub compact: bool,
    /// Configuration file (default: ROOT/monodup.toml when it exists).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Worker threads (default: one per core; at most 4 per core and 256; fewer when the
    /// system refuses more).
    #[arg(short = 'j', long, value_name = "N", default_value_t = 0)]
    pub threads: usize,
    /// Skip source files matching this glob (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Scan only source files matching this glob (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub include: Vec<String>,
    /// Print no diagnostics on stderr.
    #[arg(short, long)]
    pub quiet: bool,
    /// Show no progress bar.
    #[arg(long)]
    pub no_progress: bool,
}
