//! monodup: audits JavaScript/TypeScript monorepos. The CLI in `main.rs` only parses flags and
//! calls [`run`]; everything else is this library, which tests and benches drive directly.
//! This file only declares the modules and the entry point: each command is a module of
//! [`commands`], settings are merged in [`settings`], output is written by [`output`].

pub mod apply;
pub mod check;
pub mod cli;
pub mod clones;
pub mod commands;
pub mod config;
pub mod confine;
pub mod diagnostic;
pub mod escape;
pub mod files;
pub mod git;
pub mod graph;
pub mod guard;
pub mod lines;
pub mod migration;
pub mod model;
pub mod nesting;
pub mod output;
pub mod parse;
pub mod pipeline;
pub mod plan;
pub mod report;
pub mod resolve;
pub mod settings;
pub mod timings;
pub mod tokens;
pub mod units;
pub mod walk;
pub mod workspace;

pub use files::write_atomic;

pub use commands::Cli;
use std::io::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// Exit 0.
    Success,
    /// Exit 1: a `check` gate failed.
    Failure,
    /// Exit 2: usage or fatal error.
    Error,
}

/// Runs one command; `out` gets the data, `err` the diagnostics and errors. A panic anywhere
/// (a bug) is exit 2 with a message, never the runtime's 101.
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> ExitStatus {
    let result =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| commands::dispatch(cli.command, out, err)));
    let result = result.unwrap_or_else(|payload| {
        Err(anyhow::anyhow!("internal error (a bug, please report it): {}", guard::message(&*payload)))
    });
    timings::drain(err);
    match result {
        Ok(status) => status,
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitStatus::Success;
            }
            // Errors quote paths, globs and config values, which may come from the repository.
            let chain: Vec<String> = e.chain().map(|c| escape::lines(&c.to_string()).into_owned()).collect();
            let _ = writeln!(err, "monodup: {}", chain.join(": "));
            ExitStatus::Error
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
