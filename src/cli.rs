//! Command-line arguments (clap derive). `///` lines are user help.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "monodup",
    version,
    about = "Audits JavaScript/TypeScript monorepos: import graph, duplicated code, extraction plan",
    after_help = "Exit status: 0 ok, 1 check failed, 2 usage or fatal error."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// The whole audit of a monorepo: packages, import graph, cycles, violations, clones.
    Scan(ScanArgs),
    /// The import graph: packages, cycles and dependency-rule violations.
    Graph(GraphArgs),
    /// Duplicated code: clone classes, whole-file copies, duplication per package.
    Dups(DupsArgs),
    /// The extraction plan: which copied code moves into which shared package, what must move
    /// with it, what blocks it, and the lines it saves.
    Plan(ScanArgs),
    /// CI gate: fails (exit 1) on new duplication or broken dependency rules.
    Check(CheckArgs),
    /// Writes a commented monodup.toml with every key and its default.
    Init(InitArgs),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The monorepo's root folder.
    #[arg(default_value = ".")]
    pub root: PathBuf,
    /// Baseline file [default: ROOT/.monodup-baseline.json, or [check] baseline].
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record today's clones, violations and cycles in the baseline, then exit 0.
    #[arg(long)]
    pub update_baseline: bool,
    /// Count only what touches lines changed since the merge base with this git ref.
    #[arg(long, value_name = "GIT_REF")]
    pub since: Option<String>,
    #[command(flatten)]
    pub clones: CloneArgs,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to write monodup.toml.
    #[arg(default_value = ".")]
    pub root: PathBuf,
    /// Overwrite an existing monodup.toml.
    #[arg(long)]
    pub force: bool,
}

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

#[derive(Debug, Args)]
pub struct DupsArgs {
    /// The monorepo's root folder.
    #[arg(default_value = ".")]
    pub root: PathBuf,
    #[command(flatten)]
    pub clones: CloneArgs,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, Args)]
pub struct ScanArgs {
    #[command(flatten)]
    pub graph: GraphArgs,
    #[command(flatten)]
    pub clones: CloneArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    /// A document (scan, plan).
    Markdown,
    /// Graphviz (graph).
    Dot,
    /// Mermaid flowchart (graph).
    Mermaid,
    /// GitHub workflow annotations (check).
    Github,
    /// SARIF 2.1.0 for code scanning (check).
    Sarif,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LevelArg {
    File,
    Package,
}

#[derive(Debug, Args)]
pub struct GraphArgs {
    /// The monorepo's root folder.
    #[arg(default_value = ".")]
    pub root: PathBuf,
    /// Draw files or packages (dot, mermaid, table).
    #[arg(long, value_enum, default_value = "file")]
    pub level: LevelArg,
    /// Count type-only imports (`import type`) in cycles too.
    #[arg(long)]
    pub include_type_imports: bool,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, Args)]
pub struct Common {
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// Write the output to this file instead of stdout (atomically).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
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
