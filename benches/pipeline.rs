//! Stage and end-to-end benchmarks (`cargo bench`), run by hand; CI never times anything.
//!
//! Corpus: `MONODUP_BENCH_TREE` if set, else `target/bench/synth-1m`, generated once with the
//! repo's own deterministic generator (`examples/synth.rs`, 1,000,000 lines). Real monorepos
//! fetched by hand are benched too when `MONODUP_BENCH_REAL` lists their folders (`:`-separated);
//! absent ones are skipped. Budget (DESIGN.md): a whole graph scan of 1M lines in 2 s on 2 cores.

#[path = "support/synth.rs"]
mod synth;

use criterion::{criterion_group, criterion_main, Criterion};
use monodup::parse::parse_file;
use monodup::pipeline::{scan, Options};
use monodup::walk::{walk, Filters};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

fn synth_corpus() -> PathBuf {
    if let Some(p) = std::env::var_os("MONODUP_BENCH_TREE") {
        return PathBuf::from(p);
    }
    synth::tree("synth-1m", &["--lines", "1000000"])
}

fn corpora() -> Vec<(String, PathBuf)> {
    let mut out = vec![("synth-1m".to_string(), synth_corpus())];
    if let Some(list) = std::env::var_os("MONODUP_BENCH_REAL") {
        for p in std::env::split_paths(&list).filter(|p| p.is_dir()) {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            out.push((name, p));
        }
    }
    out
}

fn options(root: &Path) -> Options {
    Options { root: root.to_path_buf(), graph: true, ..Options::default() }
}

fn stages(c: &mut Criterion) {
    // The pipeline's own pool has this stack; the bare parse bench must run on the same.
    let _ = rayon::ThreadPoolBuilder::new().stack_size(64 << 20).build_global();
    for (name, root) in corpora() {
        // Sanity before timing: the corpus is real and resolves.
        let s = scan(&options(&root)).expect("scan");
        let unresolved =
            s.edges.iter().filter(|e| e.resolution == monodup::resolve::Resolution::Unresolved).count();
        assert!(s.files.len() > 100, "{name}: only {} files", s.files.len());
        assert!(
            unresolved * 20 < s.edges.len(),
            "{name}: {unresolved} of {} imports unresolved",
            s.edges.len()
        );
        eprintln!(
            "{name}: {} files, {} lines, {} imports",
            s.files.len(),
            s.files.iter().map(|f| u64::from(f.lines)).sum::<u64>(),
            s.edges.len()
        );

        let mut group = c.benchmark_group(name);
        group.sample_size(10);
        let listing = walk(&root, &Filters::default()).expect("walk");
        group.bench_function("walk", |b| b.iter(|| walk(&root, &Filters::default()).expect("walk")));
        group.bench_function("parse", |b| {
            b.iter(|| {
                listing
                    .sources
                    .par_iter()
                    .map(|(p, lang)| parse_file(&root.join(p), p, *lang, false).imports.len())
                    .sum::<usize>()
            })
        });
        group.bench_function("graph (walk+discover+parse+resolve+graph)", |b| {
            b.iter(|| scan(&options(&root)).expect("scan").edges.len())
        });
        group.finish();
    }
}

criterion_group!(benches, stages);
criterion_main!(benches);
