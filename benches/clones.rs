//! The clone stage alone (`cargo bench --bench clones`), run by hand; CI never times anything.
//!
//! Only [`clones::analyze`] is timed: each corpus is walked, parsed and tokenized once before,
//! as the pipeline does it. Corpora, generated once with the repo's own deterministic generator
//! (`examples/synth.rs`) under `target/bench/` and kept small so that the whole run takes about a
//! minute on 2 cores:
//! - `synth-40k`: a 40,000-line synthetic monorepo (apps copying modules from a shared pool);
//! - `backups-10k-x4`: a 10,000-line one written 4 times (`--copies 4`: the tree and three backup
//!   folders), about 96 % duplicated: where the stage's cost grows with the duplication.
//!
//! `MONODUP_BENCH_CLONES` adds folders (`:`-separated), e.g. a real repository or a tree made by
//! `benches/make_copies.sh`; missing ones are skipped. `RAYON_NUM_THREADS` sets the threads.

#[path = "support/synth.rs"]
mod synth;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use monodup::clones::{self, CloneOptions};
use monodup::model::{FileId, FileTable, FileTokens, SourceFile};
use monodup::parse::{parse_file, FileFacts};
use monodup::pipeline::Options;
use monodup::walk::{walk, Filters};
use monodup::workspace;
use rayon::prelude::*;
use std::path::Path;
use std::time::Duration;

/// What the clone stage is given: the file table with tokens, as the pipeline makes it.
struct Corpus {
    name: String,
    table: FileTable,
}

impl Corpus {
    fn load(name: &str, root: &Path) -> Corpus {
        let listing = walk(root, &Filters::default()).expect("walk");
        let ws = workspace::discover(
            root,
            &listing.manifests,
            listing.sources.iter().map(|(p, _)| p.as_str()),
            &Options::default().kinds,
        );
        let facts: Vec<FileFacts> = listing
            .sources
            .par_iter()
            .map(|(p, lang)| parse_file(&listing.path_of(root, p), p, *lang, true))
            .collect();
        let mut files = Vec::with_capacity(facts.len());
        let mut tokens = Vec::with_capacity(facts.len());
        for ((path, lang), f) in listing.sources.iter().zip(facts) {
            tokens.push(FileTokens { tokens: f.tokens, line_starts: f.line_starts });
            files.push(SourceFile {
                package: ws.owner(path),
                path: path.clone(),
                lang: *lang,
                lines: f.lines,
                code_lines: f.code_lines,
                parse_failed: f.failed,
                units: f.units,
                env: f.env,
            });
        }
        Corpus { name: name.to_string(), table: FileTable::new(files, tokens) }
    }
}

fn corpora() -> Vec<Corpus> {
    let mut out = vec![
        Corpus::load("synth-40k", &synth::tree("clones-synth-40k", &["--lines", "40000"])),
        Corpus::load(
            "backups-10k-x4",
            &synth::tree("clones-backups-10k-x4", &["--lines", "10000", "--copies", "4"]),
        ),
    ];
    if let Some(list) = std::env::var_os("MONODUP_BENCH_CLONES") {
        for p in std::env::split_paths(&list).filter(|p| p.is_dir()) {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            out.push(Corpus::load(&name, &p));
        }
    }
    out
}

fn clone_stage(c: &mut Criterion) {
    for corpus in corpora() {
        let inputs = &corpus.table;
        let tokens: u64 = (0..inputs.len()).map(|i| inputs.tokens(FileId::from(i)).len() as u64).sum();
        let lines: u64 = inputs.iter().map(|f| u64::from(f.lines)).sum();
        let renamed = CloneOptions::default();
        let exact = CloneOptions { renamed: false, ..CloneOptions::default() };
        // Sanity before timing, and what the figures are about.
        let found = clones::analyze(inputs, &renamed);
        let duplicated: u64 = found.file_duplicated.iter().map(|&d| u64::from(d)).sum();
        assert!(inputs.len() > 50 && !found.classes.is_empty(), "{}: nothing to detect", corpus.name);
        eprintln!(
            "{}: {} files, {lines} lines, {tokens} tokens, {} clone classes, {:.1} % of lines duplicated",
            corpus.name,
            inputs.len(),
            found.classes.len(),
            100.0 * duplicated as f64 / lines.max(1) as f64
        );
        drop(found);

        let mut group = c.benchmark_group(format!("clones/{}", corpus.name));
        group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(4));
        group.throughput(Throughput::Elements(tokens));
        group.bench_function("renamed", |b| b.iter(|| clones::analyze(inputs, &renamed).classes.len()));
        group.bench_function("exact", |b| b.iter(|| clones::analyze(inputs, &exact).classes.len()));
        group.finish();
    }
}

criterion_group!(benches, clone_stage);
criterion_main!(benches);
