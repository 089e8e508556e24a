//! Clones stage: token streams → clone classes, whole-file duplicates, duplication metrics and
//! the package × package overlap matrix.

pub mod detect;

use crate::model::lines::{LineRange, LineSet};
use crate::model::{FileId, FileTable, PackageId};
use crate::tokens::Tok;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHasher};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::hash::Hasher;

#[derive(Debug, Clone)]
pub struct CloneOptions {
    /// Shortest clone, in tokens.
    pub min_tokens: usize,
    /// Shortest clone, in lines (of its longest fragment).
    pub min_lines: u32,
    /// Compare renamed tokens (identifiers and literals as one symbol each) or exact ones.
    pub renamed: bool,
    /// Leave TypeScript interface and type alias declarations out.
    pub ignore_types: bool,
    /// Keep only classes with fragments in two or more packages.
    pub cross_package: bool,
}

/// Shortest clone in tokens, by default (`--min-tokens`, `[clones] min_tokens`).
pub const DEFAULT_MIN_TOKENS: usize = 50;
/// Shortest clone in lines, by default (`--min-lines`, `[clones] min_lines`).
pub const DEFAULT_MIN_LINES: u32 = 5;
/// Renamed mode by default (`--mode`, `[clones] mode`).
pub const DEFAULT_RENAMED: bool = true;

impl Default for CloneOptions {
    fn default() -> Self {
        CloneOptions {
            min_tokens: DEFAULT_MIN_TOKENS,
            min_lines: DEFAULT_MIN_LINES,
            renamed: DEFAULT_RENAMED,
            ignore_types: false,
            cross_package: false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CloneKind {
    /// All fragments are identical but for whitespace and comments.
    Exact,
    /// Identical once identifiers and literals are renamed.
    Renamed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    Block,
    /// Whole files whose token streams are identical.
    File,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Fragment {
    pub file: FileId,
    /// Index of its first token in the file's kept stream (see [`kept_stream`]).
    pub tok: u32,
    pub start_line: u32,
    pub end_line: u32,
    pub start_col: u32,
    pub end_col: u32,
}

impl Fragment {
    pub fn lines(&self) -> u32 {
        self.end_line - self.start_line + 1
    }
}

#[derive(Debug, Clone)]
pub struct CloneClass {
    /// Hash of the normalized token sequence (and scope): stable when the code moves.
    pub fingerprint: u64,
    pub kind: CloneKind,
    pub scope: Scope,
    pub tokens: u32,
    /// Lines of its longest fragment.
    pub lines: u32,
    /// Sorted by (file, start line).
    pub fragments: Vec<Fragment>,
    /// Share of token positions whose exact text is equal in every fragment (1 for exact
    /// classes): renamed classes of literal-only lists score low.
    pub similarity: f64,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Overlap {
    pub a: PackageId,
    pub b: PackageId,
    /// Lines of `a` that also stand in `b`.
    pub lines_a: u64,
    /// Lines of `b` that also stand in `a`.
    pub lines_b: u64,
}

#[derive(Debug, Default)]
pub struct CloneOutput {
    /// Sorted by fingerprint.
    pub classes: Vec<CloneClass>,
    /// Duplicated lines of each file (union of its fragments' lines).
    pub file_duplicated: Vec<u32>,
    /// Package pairs (a < b) sharing lines, sorted; at most [`MAX_OVERLAPS_PER_PACKAGE`]
    /// partners of each package (its largest overlaps).
    pub overlaps: Vec<Overlap>,
    /// All package pairs sharing lines, listed or not.
    pub overlap_pairs: u64,
    /// Duplicated lines of each file counting only runs of at least `min_tokens` tokens that
    /// are exactly equal (text, not only shape) in another fragment of the class.
    pub file_duplicated_exact: Vec<u32>,
}

/// The kept tokens of a file: all of them (borrowed), or a copy without type declarations.
/// Fragment token positions index this stream.
pub fn kept_stream(tokens: &[Tok], ignore_types: bool) -> Cow<'_, [Tok]> {
    stream(tokens, ignore_types)
}

fn stream(tokens: &[Tok], ignore_types: bool) -> Cow<'_, [Tok]> {
    if ignore_types && tokens.iter().any(|t| t.in_type()) {
        Cow::Owned(tokens.iter().copied().filter(|t| !t.in_type()).collect())
    } else {
        Cow::Borrowed(tokens)
    }
}

fn line_col(starts: &[u32], offset: u32) -> (u32, u32) {
    let line = starts.partition_point(|&s| s <= offset).max(1);
    (line as u32, offset - starts[line - 1] + 1)
}

fn fragment(file: FileId, tok: u32, toks: &[Tok], starts: &[u32]) -> Fragment {
    let (start_line, start_col) = line_col(starts, toks[0].offset());
    let last = toks[toks.len() - 1];
    let (end_line, end_col) = line_col(starts, last.end().saturating_sub(1).max(last.offset()));
    Fragment { file, tok, start_line, end_line, start_col, end_col: end_col + 1 }
}

/// The tokens of a fragment in its file's kept stream.
fn fragment_tokens<'a>(streams: &'a [Cow<[Tok]>], f: &Fragment, len: u32) -> &'a [Tok] {
    &streams[f.file.index()][f.tok as usize..(f.tok + len) as usize]
}

/// Share of positions whose exact identity is the same in every fragment.
fn similarity(streams: &[Cow<[Tok]>], fragments: &[Fragment], len: u32) -> f64 {
    if len == 0 || fragments.len() < 2 {
        return 1.0;
    }
    let first = fragment_tokens(streams, &fragments[0], len);
    let mut equal = vec![true; len as usize];
    for f in &fragments[1..] {
        for (e, (a, b)) in equal.iter_mut().zip(fragment_tokens(streams, f, len).iter().zip(first)) {
            *e &= a.exact == b.exact;
        }
    }
    let n = equal.iter().filter(|&&e| e).count();
    (n as f64 * 1000.0 / f64::from(len)).floor() / 1000.0
}

/// Line ranges of each fragment covered by runs of at least `min` tokens exactly equal to the
/// same positions of another fragment (the first one; the second one for the first).
fn exact_ranges(
    streams: &[Cow<[Tok]>],
    files: &FileTable,
    class: &CloneClass,
    min: usize,
    out: &mut Vec<(FileId, LineRange)>,
) {
    if class.kind == CloneKind::Exact {
        for f in &class.fragments {
            out.push((f.file, LineRange::new(f.start_line, f.end_line)));
        }
        return;
    }
    for (i, f) in class.fragments.iter().enumerate() {
        let other = &class.fragments[usize::from(i == 0)];
        let a = fragment_tokens(streams, f, class.tokens);
        let b = fragment_tokens(streams, other, class.tokens);
        let starts = files.line_starts(f.file);
        let mut run = 0usize;
        for p in 0..=a.len() {
            if p < a.len() && a[p].exact == b[p].exact {
                run += 1;
                continue;
            }
            if run >= min.max(1) {
                let first = a[p - run];
                let last = a[p - 1];
                let (s, _) = line_col(starts, first.offset());
                let (e, _) = line_col(starts, last.end().saturating_sub(1).max(last.offset()));
                out.push((f.file, LineRange::new(s, e)));
            }
            run = 0;
        }
    }
}

/// Hash of the normalized token sequence only: a whole-file copy that gains a line above it
/// becomes a block clone with the same fingerprint, so baselines survive it.
fn fingerprint(toks: &[Tok], renamed: bool, _scope: Scope) -> u64 {
    let mut h = FxHasher::default();
    for t in toks {
        h.write_u64(t.key(renamed));
    }
    h.finish()
}

/// Finds the clone classes of `files` (which must hold their tokens).
pub fn analyze(files: &FileTable, opts: &CloneOptions) -> CloneOutput {
    analyze_with(files, opts, detect::splitmix)
}

/// [`analyze`] with the window hash's mixing function given (tests force collisions with it).
pub fn analyze_with(files: &FileTable, opts: &CloneOptions, mix: impl Fn(u64) -> u64 + Sync) -> CloneOutput {
    let mut lap = crate::timings::Timer::new();
    let streams: Vec<Cow<[Tok]>> = (0..files.len())
        .into_par_iter()
        .map(|i| stream(files.tokens(FileId::from(i)), opts.ignore_types))
        .collect();

    // Whole-file duplicates first: they are reported as one class of scope `file`, and only
    // the first file of each enters the search for repeats, whose copies are then added.
    let (mut classes, copies) = whole_files(&streams, files, opts);
    lap.lap("c.whole");
    let repeats = block_repeats(&streams, &copies, opts, mix);
    lap.lap("c.detect");
    let repeats = trim_and_merge(&streams, repeats, opts);
    lap.lap("c.trim");
    let mut blocks: Vec<CloneClass> = repeats
        .par_iter()
        .map(|r| {
            let fragments: Vec<Fragment> =
                r.at.iter()
                    .map(|&(f, p)| {
                        fragment(
                            FileId(f),
                            p,
                            &streams[f as usize][p as usize..(p + r.len) as usize],
                            files.line_starts(FileId(f)),
                        )
                    })
                    .collect();
            let (f0, p0) = r.at[0];
            let first = &streams[f0 as usize][p0 as usize..(p0 + r.len) as usize];
            let exact = r.at.iter().all(|&(f, p)| {
                let other = &streams[f as usize][p as usize..(p + r.len) as usize];
                other.iter().zip(first).all(|(a, b)| a.exact == b.exact)
            });
            CloneClass {
                fingerprint: fingerprint(first, opts.renamed, Scope::Block),
                kind: if exact { CloneKind::Exact } else { CloneKind::Renamed },
                scope: Scope::Block,
                tokens: r.len,
                lines: fragments.iter().map(Fragment::lines).max().unwrap_or(0),
                similarity: if exact { 1.0 } else { similarity(&streams, &fragments, r.len) },
                fragments,
            }
        })
        .filter(|c| c.lines >= opts.min_lines)
        .collect();
    lap.lap("c.build");
    // Largest first, so that a class all of whose fragments lie inside kept ones is dropped.
    blocks.par_sort_by(|a, b| {
        (b.tokens, b.fragments.len(), a.fingerprint).cmp(&(a.tokens, a.fragments.len(), b.fingerprint))
    });
    // A class is redundant when one larger kept class holds every one of its fragments; a
    // smaller class that links copies no single larger class links is kept.
    let mut index: Vec<Vec<(u32, u32, usize)>> = vec![Vec::new(); files.len()];
    let add = |index: &mut Vec<Vec<(u32, u32, usize)>>, c: &CloneClass, id: usize| {
        for fr in &c.fragments {
            index[fr.file.index()].push((fr.start_line, fr.end_line, id));
        }
    };
    for (id, c) in classes.iter().enumerate() {
        add(&mut index, c, id);
    }
    for c in blocks {
        // Classes holding the first fragment, then only those checked against the others.
        let first = &c.fragments[0];
        // Each fragment must lie in a different fragment of the holder: two copies inside one
        // fragment of a larger class are a copy the larger class does not show.
        let holds_all = |k: &CloneClass| {
            let mut used = vec![false; k.fragments.len()];
            c.fragments.iter().all(|fr| {
                let slot = k.fragments.iter().enumerate().position(|(i, x)| {
                    !used[i]
                        && x.file == fr.file
                        && x.start_line <= fr.start_line
                        && fr.end_line <= x.end_line
                });
                slot.map(|i| used[i] = true).is_some()
            })
        };
        let redundant = index[first.file.index()]
            .iter()
            .filter(|&&(s, e, _)| s <= first.start_line && first.end_line <= e)
            .any(|&(_, _, id)| holds_all(&classes[id]));
        if !redundant {
            add(&mut index, &c, classes.len());
            classes.push(c);
        }
    }
    if opts.cross_package {
        classes.retain(|c| {
            let pkgs: BTreeSet<PackageId> = c.fragments.iter().map(|f| files[f.file].package).collect();
            pkgs.len() > 1
        });
    }
    classes.par_sort_by(|a, b| (a.fingerprint, &a.fragments).cmp(&(b.fingerprint, &b.fragments)));
    lap.lap("c.redund");

    let file_duplicated = duplicated_lines(files.len(), &classes);
    // Per class in parallel; a file's ranges are a set, so their order does not matter.
    let per_class: Vec<Vec<(FileId, LineRange)>> = classes
        .par_iter()
        .map(|c| {
            let mut out = Vec::new();
            exact_ranges(&streams, files, c, opts.min_tokens, &mut out);
            out
        })
        .collect();
    let mut exact: Vec<Vec<LineRange>> = vec![Vec::new(); files.len()];
    for (f, r) in per_class.into_iter().flatten() {
        exact[f.index()].push(r);
    }
    let file_duplicated_exact = exact.into_iter().map(|r| LineSet::from_iter(r).lines()).collect();
    lap.lap("c.metrics");
    let (overlaps, overlap_pairs) = overlaps(files, &classes);
    lap.lap("c.overlap");
    CloneOutput { classes, file_duplicated, overlaps, overlap_pairs, file_duplicated_exact }
}

/// The maximal repeats of at least `min_tokens` keys. Files in `copies` after the first of
/// their set are left out of the search (their tokens are the first one's) and their
/// occurrences added to every repeat found in the first.
fn block_repeats(
    streams: &[Cow<[Tok]>],
    copies: &[Vec<usize>],
    opts: &CloneOptions,
    mix: impl Fn(u64) -> u64 + Sync,
) -> Vec<detect::Repeat> {
    let mut others: Vec<&[usize]> = vec![&[]; streams.len()];
    let mut lens: Vec<usize> = streams.iter().map(|s| s.len()).collect();
    for set in copies {
        others[set[0]] = &set[1..];
        for &m in &set[1..] {
            lens[m] = 0;
        }
    }
    let fill = |f: usize, slot: &mut [u16]| {
        for (k, t) in slot.iter_mut().zip(streams[f].iter()) {
            *k = t.sym;
        }
    };
    let fill_exact = |f: usize, slot: &mut [u64]| {
        for (k, t) in slot.iter_mut().zip(streams[f].iter()) {
            *k = t.exact;
        }
    };
    // Positions are 32-bit: 4 billion tokens would need 64 GB of token data before this.
    let mut repeats = if opts.renamed {
        detect::Keys::build(&lens, fill).map(|k| detect::repeats(&k, opts.min_tokens, mix))
    } else {
        detect::Keys::build(&lens, fill_exact).map(|k| detect::repeats(&k, opts.min_tokens, mix))
    }
    .unwrap_or_default();
    if copies.is_empty() {
        return repeats;
    }
    repeats.par_iter_mut().for_each(|r| {
        let extra: Vec<(u32, u32)> =
            r.at.iter().flat_map(|&(f, p)| others[f as usize].iter().map(move |&m| (m as u32, p))).collect();
        if !extra.is_empty() {
            r.at.extend(extra);
            r.at.sort_unstable();
        }
    });
    repeats.par_sort_unstable_by(|a, b| a.at.cmp(&b.at).then(b.len.cmp(&a.len)));
    repeats.dedup();
    repeats
}

/// Trims the punctuation a repeat borrowed from its neighbours (`} export function f…` where
/// the copies follow different code ending in `}`) and merges the repeats that are then the
/// same sequence: a block copied into five apps after different code is one class of five,
/// not one class per kind of preceding token.
fn trim_and_merge(
    streams: &[Cow<[Tok]>],
    repeats: Vec<detect::Repeat>,
    opts: &CloneOptions,
) -> Vec<detect::Repeat> {
    // Trimming and hashing each repeat is the cost: done in parallel, merged in order.
    let trimmed: Vec<(u64, detect::Repeat)> = repeats
        .into_par_iter()
        .filter_map(|r| {
            let (f0, p0) = r.at[0];
            let toks = &streams[f0 as usize][p0 as usize..(p0 + r.len) as usize];
            let lead = toks.iter().take_while(|t| crate::tokens::closes_previous(t.sym)).count() as u32;
            let tail = toks.iter().rev().take_while(|t| crate::tokens::opens_next(t.sym)).count() as u32;
            let len = r.len.saturating_sub(lead + tail);
            if (len as usize) < opts.min_tokens {
                return None;
            }
            let at: Vec<(u32, u32)> = r.at.iter().map(|&(f, p)| (f, p + lead)).collect();
            let body = &streams[at[0].0 as usize][at[0].1 as usize..(at[0].1 + len) as usize];
            Some((fingerprint(body, opts.renamed, Scope::Block), detect::Repeat { len, at }))
        })
        .collect();
    let mut merged: BTreeMap<u64, Vec<detect::Repeat>> = BTreeMap::new();
    for (fp, r) in trimmed {
        let (len, (f0, p0)) = (r.len, r.at[0]);
        let body = &streams[f0 as usize][p0 as usize..(p0 + len) as usize];
        let same = |o: &detect::Repeat| {
            let (f, p) = o.at[0];
            o.len == len
                && streams[f as usize][p as usize..(p + len) as usize]
                    .iter()
                    .zip(body)
                    .all(|(a, b)| a.key(opts.renamed) == b.key(opts.renamed))
        };
        let list = merged.entry(fp).or_default();
        match list.iter_mut().find(|o| same(o)) {
            Some(o) => o.at.extend(r.at),
            None => list.push(r),
        }
    }
    let merged: Vec<detect::Repeat> = merged.into_values().flatten().collect();
    merged
        .into_par_iter()
        .filter_map(|mut r| {
            r.at.sort_unstable();
            r.at.dedup();
            r.at = detect::non_overlapping(&r.at, r.len);
            (r.at.len() > 1).then_some(r)
        })
        .collect()
}

/// Files whose whole kept token streams are identical (and long enough to count): their
/// classes, and the sets of files (sorted) each class stands for.
fn whole_files(
    streams: &[Cow<[Tok]>],
    files: &FileTable,
    opts: &CloneOptions,
) -> (Vec<CloneClass>, Vec<Vec<usize>>) {
    let same = |a: &[Tok], b: &[Tok]| {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.key(opts.renamed) == y.key(opts.renamed))
    };
    // Hashing every file's tokens is the cost here: done in parallel, grouped in file order.
    let hashes: Vec<Option<u64>> = streams
        .par_iter()
        .map(|s| (s.len() >= opts.min_tokens).then(|| fingerprint(s, opts.renamed, Scope::File)))
        .collect();
    let mut by_hash: BTreeMap<u64, Vec<usize>> = BTreeMap::new();
    for (i, h) in hashes.into_iter().enumerate() {
        if let Some(h) = h {
            by_hash.entry(h).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    let mut copies = Vec::new();
    for members in by_hash.into_values().filter(|m| m.len() > 1) {
        // Verify: equal hashes of different streams split apart.
        let mut sets: Vec<Vec<usize>> = Vec::new();
        for i in members {
            match sets.iter_mut().find(|s| same(&streams[s[0]], &streams[i])) {
                Some(s) => s.push(i),
                None => sets.push(vec![i]),
            }
        }
        for set in sets.into_iter().filter(|s| s.len() > 1) {
            let fragments: Vec<Fragment> = set
                .iter()
                .map(|&i| fragment(FileId::from(i), 0, &streams[i], files.line_starts(FileId::from(i))))
                .collect();
            let first = &streams[set[0]];
            let exact =
                set.iter().all(|&i| streams[i].iter().zip(first.iter()).all(|(a, b)| a.exact == b.exact));
            let lines = fragments.iter().map(Fragment::lines).max().unwrap_or(0);
            if lines < opts.min_lines {
                continue;
            }
            out.push(CloneClass {
                fingerprint: fingerprint(first, opts.renamed, Scope::File),
                kind: if exact { CloneKind::Exact } else { CloneKind::Renamed },
                scope: Scope::File,
                tokens: first.len() as u32,
                lines,
                similarity: if exact { 1.0 } else { similarity(streams, &fragments, first.len() as u32) },
                fragments,
            });
            copies.push(set);
        }
    }
    (out, copies)
}

fn duplicated_lines(n: usize, classes: &[CloneClass]) -> Vec<u32> {
    let mut ranges: Vec<Vec<LineRange>> = vec![Vec::new(); n];
    for c in classes {
        for f in &c.fragments {
            ranges[f.file.index()].push(LineRange::new(f.start_line, f.end_line));
        }
    }
    ranges.into_iter().map(|r| LineSet::from_iter(r).lines()).collect()
}

/// Partners listed per package in [`CloneOutput::overlaps`]: a pair is listed when either of its
/// packages has the other among its this many largest overlaps (by lines of its own). Without a
/// cap, one function shared by P packages is P²/2 pairs: 50 million for 10,000 packages.
pub const MAX_OVERLAPS_PER_PACKAGE: usize = 50;

/// One cross-package class as the overlap computation sees it: its packages, sorted, and the
/// line ranges each of them holds.
struct Shared {
    /// (package, file, start line, end line), sorted.
    ranges: Vec<(usize, u32, u32, u32)>,
    packages: Vec<usize>,
}

impl Shared {
    fn of(&self, package: usize) -> &[(usize, u32, u32, u32)] {
        let lo = self.ranges.partition_point(|r| r.0 < package);
        let hi = self.ranges.partition_point(|r| r.0 <= package);
        &self.ranges[lo..hi]
    }
}

/// Lines of `package` inside the given classes, each line counted once per file.
fn lines_in(shared: &[Shared], classes: impl Iterator<Item = u32>, package: usize) -> u64 {
    let mut ranges: Vec<(u32, u32, u32)> =
        classes.flat_map(|c| shared[c as usize].of(package).iter().map(|&(_, f, s, e)| (f, s, e))).collect();
    ranges.sort_unstable();
    let mut total = 0u64;
    for file in ranges.chunk_by(|x, y| x.0 == y.0) {
        total += u64::from(file.iter().map(|&(_, s, e)| (s, e)).collect::<LineSet>().lines());
    }
    total
}

/// Package pairs sharing lines, capped at [`MAX_OVERLAPS_PER_PACKAGE`] partners per package, and
/// the number of all pairs that share lines.
///
/// Memory stays proportional to the input and the output: for each package, its partners are
/// grouped by the set of classes they share with it (one function shared by every package is
/// one group), the lines are computed once per group, and only the top partners are kept.
fn overlaps(files: &FileTable, classes: &[CloneClass]) -> (Vec<Overlap>, u64) {
    let shared: Vec<Shared> = classes
        .iter()
        .filter_map(|c| {
            let mut ranges: Vec<(usize, u32, u32, u32)> = c
                .fragments
                .iter()
                .map(|f| (files[f.file].package.index(), f.file.0, f.start_line, f.end_line))
                .collect();
            ranges.sort_unstable();
            let mut packages: Vec<usize> = ranges.iter().map(|r| r.0).collect();
            packages.dedup();
            (packages.len() > 1).then_some(Shared { ranges, packages })
        })
        .collect();
    let n = files.iter().map(|f| f.package.index() + 1).max().unwrap_or(0);
    let mut by_package: Vec<Vec<u32>> = vec![Vec::new(); n];
    for (i, c) in shared.iter().enumerate() {
        for &p in &c.packages {
            by_package[p].push(i as u32);
        }
    }
    let per_package: Vec<(Vec<Overlap>, u64)> = (0..n)
        .into_par_iter()
        .map_init(
            || (vec![0u32; n], Vec::new()),
            |(state_of, touched), a| partners(&shared, &by_package[a], a, state_of, touched),
        )
        .collect();
    let total = per_package.iter().map(|(_, count)| count).sum();
    let mut out: Vec<Overlap> = per_package.into_iter().flat_map(|(o, _)| o).collect();
    out.sort();
    out.dedup();
    (out, total)
}

/// The top partners of package `a` (as pairs ordered a < b) and how many partners come after it.
/// `state_of` (zeroed, one slot per package) and `touched` are scratch space, left clean.
fn partners(
    shared: &[Shared],
    mine: &[u32],
    a: usize,
    state_of: &mut [u32],
    touched: &mut Vec<usize>,
) -> (Vec<Overlap>, u64) {
    // A partner's state names the sequence of `a`'s classes it appears in, as a path in a trie
    // (state 0 is the empty set): partners in the same classes share one state.
    let mut parent: Vec<(u32, u32)> = vec![(0, 0)];
    let mut next: FxHashMap<(u32, u32), u32> = FxHashMap::default();
    for &c in mine {
        for &b in shared[c as usize].packages.iter().filter(|&&b| b != a) {
            let from = state_of[b];
            if from == 0 {
                touched.push(b);
            }
            let to = *next.entry((from, c)).or_insert_with(|| {
                parent.push((from, c));
                (parent.len() - 1) as u32
            });
            state_of[b] = to;
        }
    }
    let parent = &parent;
    let classes_of = |mut s: u32| {
        std::iter::from_fn(move || {
            (s != 0).then(|| {
                let (up, c) = parent[s as usize];
                s = up;
                c
            })
        })
    };
    // Lines of `a` per state, once each.
    let mut lines: FxHashMap<u32, u64> = FxHashMap::default();
    let mut ranked: Vec<(u64, usize, u32)> = Vec::with_capacity(touched.len());
    for &b in touched.iter() {
        let s = state_of[b];
        let l = *lines.entry(s).or_insert_with(|| lines_in(shared, classes_of(s), a));
        ranked.push((l, b, s));
    }
    let after = touched.iter().filter(|&&b| b > a).count() as u64;
    for &b in touched.iter() {
        state_of[b] = 0;
    }
    touched.clear();
    // Most lines first, then package order.
    let key = |&(l, b, _): &(u64, usize, u32)| (std::cmp::Reverse(l), b);
    if ranked.len() > MAX_OVERLAPS_PER_PACKAGE {
        ranked.select_nth_unstable_by_key(MAX_OVERLAPS_PER_PACKAGE - 1, key);
        ranked.truncate(MAX_OVERLAPS_PER_PACKAGE);
    }
    let top = ranked
        .into_iter()
        .map(|(l, b, s)| {
            // The partner's lines in the same classes: the pair's other direction.
            let back = lines_in(shared, classes_of(s), b);
            let (a, b) = (PackageId::from(a), PackageId::from(b));
            if a < b {
                Overlap { a, b, lines_a: l, lines_b: back }
            } else {
                Overlap { a: b, b: a, lines_a: back, lines_b: l }
            }
        })
        .collect();
    (top, after)
}
