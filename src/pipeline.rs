//! The stages in order: walk → workspace → parse → resolve → graph. Each runs once, in
//! parallel where it can, on one rayon pool built with a large stack (parsers recurse).

use crate::diagnostic::Diagnostic;
use crate::graph::{self, GraphInput, GraphOutput};
use crate::guard::stage;
use crate::model::{FileTable, FileTokens};
use crate::parse::{self, FileFacts};
use crate::resolve::{self, Edge};
use crate::walk::{self, Filters};
use crate::workspace::{self, KindGlobs, Workspace};
use anyhow::Context;
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub root: PathBuf,
    /// 0: one per core; capped at [`MAX_THREADS_PER_CORE`] per core and [`MAX_THREADS`].
    pub threads: usize,
    pub filters: Filters,
    pub kinds: KindGlobs,
    pub include_type_imports: bool,
    /// Resolve imports and build the graph (off for `dups`, which needs neither).
    pub graph: bool,
    /// Detect clones too (the parse then keeps normalized tokens).
    pub clones: Option<crate::clones::CloneOptions>,
    /// Plan the extraction (needs the graph and the clones).
    pub plan: bool,
    /// Scope of new package names (`[plan] scope`).
    pub scope: Option<String>,
    /// Show a progress bar on stderr while parsing (only asked for when stderr is a terminal).
    pub progress: bool,
    /// `[plan.concerns]`: path glob → concern.
    pub concern_rules: Vec<(globset::GlobMatcher, crate::model::Concern)>,
    /// `[plan]` thresholds.
    pub plan_settings: crate::plan::PlanSettings,
}

pub use crate::model::SourceFile;
pub use crate::timings::Timer;

pub struct Scan {
    pub root: PathBuf,
    pub workspace: Workspace,
    /// Without tokens: they are dropped after the last stage that reads them.
    pub files: FileTable,
    /// Sorted by (from, line, column).
    pub edges: Vec<Edge>,
    /// None when the graph was not asked for.
    pub graph: Option<GraphOutput>,
    pub clones: Option<crate::clones::CloneOutput>,
    pub plan: Option<crate::plan::Plan>,
    /// Sorted by file, line.
    pub diagnostics: Vec<Diagnostic>,
}

/// Stack for pool threads: swc's parser grows its own, but a deep AST is also visited and
/// dropped. Only the pages a parse touches are memory; the rest is address space. A worker parses
/// a file in place, without the nesting scan, when the file's trivial bound fits its stack:
/// files up to 32 KiB with [`BIG_STACK`] (96 % of plane's bytes; the scan was 5 % of a `dups`
/// run), up to 4 KiB with [`SMALL_STACK`].
const BIG_STACK: usize = 512 << 20;
/// Where the address space is limited (`ulimit -v`: a few big stacks would leave too little for
/// the heap), or where the system refuses a big stack.
const SMALL_STACK: usize = 64 << 20;

/// [`BIG_STACK`] unless the address space is limited.
fn worker_stack() -> usize {
    #[cfg(unix)]
    {
        let limit = rustix::process::getrlimit(rustix::process::Resource::As);
        if limit.current.is_none() {
            return BIG_STACK;
        }
    }
    SMALL_STACK
}

pub fn scan(opts: &Options) -> anyhow::Result<Scan> {
    // The resolver needs absolute paths (tsconfig discovery skips relative ones).
    let root = &std::fs::canonicalize(&opts.root)
        .with_context(|| format!("cannot read ROOT {}", opts.root.display()))?;
    anyhow::ensure!(root.is_dir(), "ROOT {} is not a directory", opts.root.display());
    with_pool(worker_threads(opts.threads, available_cores()), |pool| {
        crate::output::set_workers(pool.current_num_threads());
        pool.install(|| run_stages(root, opts))
    })?
}

fn available_cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Most worker threads per core: more only costs memory and thread spawns.
pub const MAX_THREADS_PER_CORE: usize = 4;
/// Most worker threads whatever the core count (each reserves a [`BIG_STACK`] or [`SMALL_STACK`]).
pub const MAX_THREADS: usize = 256;

/// The pool size for `-j requested` (0: one per core), capped.
fn worker_threads(requested: usize, cores: usize) -> usize {
    let cores = cores.max(1);
    let wanted = if requested == 0 { cores } else { requested };
    wanted.min(cores.saturating_mul(MAX_THREADS_PER_CORE)).min(MAX_THREADS)
}

/// Runs `work` on a pool of `threads` workers, or of fewer when the system refuses some (a
/// process or memory limit): the output does not depend on the thread count. No thread at all
/// is exit 2. The pool is scoped: after a refused spawn, the threads already started are joined
/// (their stacks freed) before the next, smaller try.
fn with_pool<R>(threads: usize, work: impl Fn(&rayon::ThreadPool) -> R) -> anyhow::Result<R> {
    build_pool_with(threads, worker_stack(), |n, stack| {
        rayon::ThreadPoolBuilder::new().num_threads(n).stack_size(stack).build_scoped(|t| t.run(), &work)
    })
}

/// Tries `threads` workers with `stack` bytes each; when refused, the small stack, then half
/// as many threads.
fn build_pool_with<P, E: std::error::Error + Send + Sync + 'static>(
    threads: usize,
    stack: usize,
    mut build: impl FnMut(usize, usize) -> Result<P, E>,
) -> anyhow::Result<P> {
    let (mut n, mut stack) = (threads.max(1), stack);
    loop {
        match build(n, stack) {
            Ok(pool) => return Ok(pool),
            Err(_) if stack > SMALL_STACK => stack = SMALL_STACK,
            Err(e) if n == 1 => return Err(e).context("cannot start a worker thread"),
            Err(_) => n /= 2,
        }
    }
}

fn run_stages(root: &Path, opts: &Options) -> anyhow::Result<Scan> {
    let mut timer = Timer::new();
    // Each stage under `stage`: a panic in one (a bug) is exit 2 naming it, never 101.
    let listing = stage("walk", || walk::walk(root, &opts.filters))??;
    timer.lap("walk");
    let sources = listing.sources.iter().map(|(p, _)| p.as_str());
    let ws = stage("workspace", || workspace::discover(root, &listing.manifests, sources, &opts.kinds))?;
    timer.lap("workspace");

    let bar = if opts.progress {
        let bar = indicatif::ProgressBar::new(listing.sources.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} parsing {pos}/{len} files {wide_bar} {eta}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    // Imports are the graph's, units and `process.env` reads the planner's (which needs the graph).
    let want = parse::Want { tokens: opts.clones.is_some(), structure: opts.graph };
    let facts: Vec<FileFacts> = stage("parse", || {
        listing
            .sources
            .par_iter()
            .map(|(path, lang)| {
                let f = parse::parse_file_for(&listing.path_of(root, path), path, *lang, want);
                bar.inc(1);
                f
            })
            .collect()
    })?;
    bar.finish_and_clear();
    timer.lap("parse");

    let mut diagnostics = listing.diagnostics;
    diagnostics.extend(ws.diagnostics.iter().cloned());
    let mut files = Vec::with_capacity(facts.len());
    let mut imports = Vec::with_capacity(facts.len());
    let mut tokens = Vec::with_capacity(if opts.clones.is_some() { facts.len() } else { 0 });
    for ((path, lang), f) in listing.sources.into_iter().zip(facts) {
        diagnostics.extend(f.diagnostics);
        if opts.clones.is_some() {
            tokens.push(FileTokens { tokens: f.tokens, line_starts: f.line_starts });
        }
        files.push(SourceFile {
            package: ws.owner(&path),
            path,
            lang,
            lines: f.lines,
            code_lines: f.code_lines,
            parse_failed: f.failed,
            units: f.units,
            env: f.env,
        });
        imports.push(f.imports);
    }
    let mut files = FileTable::new(files, tokens);

    let mut edges: Vec<Edge> = Vec::new();
    if opts.graph {
        let configs: BTreeSet<String> = listing.configs.into_iter().collect();
        let resolved = stage("resolve", || resolve::resolve_all(root, &ws, &files, &imports, &configs))?;
        diagnostics.extend(resolved.diagnostics);
        edges = resolved.edges.into_iter().flatten().collect();
    }
    drop(imports);
    if opts.graph {
        timer.lap("resolve");
    }

    let graph = opts.graph.then(|| {
        let input = GraphInput {
            ws: &ws,
            files: &files,
            edges: &edges,
            include_type_imports: opts.include_type_imports,
        };
        stage("graph", || graph::build(&input))
    });
    let graph = graph.transpose()?;
    if opts.graph {
        timer.lap("graph");
    }
    let clones = opts.clones.as_ref().map(|copts| stage("clones", || crate::clones::analyze(&files, copts)));
    let clones = clones.transpose()?;
    if opts.clones.is_some() {
        timer.lap("clones");
    }
    let plan = match (&clones, opts.plan && opts.graph) {
        (Some(c), true) => {
            let input = crate::plan::PlanInput {
                ws: &ws,
                files: &files,
                edges: &edges,
                clones: c,
                ignore_types: opts.clones.as_ref().is_some_and(|c| c.ignore_types),
                scope: opts.scope.as_deref(),
                concern_rules: &opts.concern_rules,
                settings: opts.plan_settings.clone(),
            };
            Some(stage("plan", || crate::plan::plan(&input))?)
        }
        _ => None,
    };
    files.drop_tokens();
    if plan.is_some() {
        timer.lap("plan");
    }
    diagnostics.sort();
    diagnostics.dedup();
    Ok(Scan { root: root.to_path_buf(), workspace: ws, files, edges, graph, clones, plan, diagnostics })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thread_count_is_capped_per_core_and_overall() {
        assert_eq!(worker_threads(0, 2), 2);
        assert_eq!(worker_threads(3, 2), 3);
        assert_eq!(worker_threads(100_000, 2), 8);
        assert_eq!(worker_threads(100_000, 1000), MAX_THREADS);
        assert_eq!(worker_threads(0, 0), 1);
    }

    #[test]
    fn a_refused_thread_spawn_falls_back_to_fewer_threads() {
        // The system allows 3 threads of the small stack: the big one fails, then 8, 4, and 2 works.
        let mut tried = Vec::new();
        let got = build_pool_with(8, BIG_STACK, |n, stack| {
            tried.push((n, stack >> 20));
            if n <= 3 && stack == SMALL_STACK {
                Ok(n)
            } else {
                Err(std::io::Error::other("Resource temporarily unavailable"))
            }
        });
        assert_eq!(got.unwrap(), 2);
        assert_eq!(tried, [(8, 512), (8, 64), (4, 64), (2, 64)]);
        let none = build_pool_with(4, SMALL_STACK, |_, _| Err::<usize, _>(std::io::Error::other("EAGAIN")))
            .unwrap_err();
        assert!(format!("{none:#}").contains("cannot start a worker thread"), "{none:#}");
    }
}
