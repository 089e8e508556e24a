//! Clone classes from token streams: every maximal token sequence (at least `min_tokens` long)
//! that stands in two or more non-overlapping places becomes one class with all its fragments.
//!
//! The keys of all files lie in one flat array, a separator slot after each file, so that a
//! window, a group and a walk are plain positions and two windows compare as two slices.
//!
//! 1. One record per window of `min_tokens` keys whose hash may repeat (a first pass marks the
//!    hash slots two windows fall in), `(top 32 bits of its rolling hash, position)` packed in a
//!    `u64`, made in parallel per file and sorted in parallel once.
//! 2. Each run of equal hashes is verified in parallel, slice against slice: equal hashes of
//!    different keys split into separate groups (sorted by content), so a hash collision never
//!    makes a clone. Every window then knows its group (`gid`), written in parallel.
//! 3. From every group whose occurrences are not all the continuation of one earlier group,
//!    the occurrences walk right together while their next windows share a group; whenever
//!    the set changes (an occurrence stops, the set splits, or two start to overlap) the
//!    current set is a right-maximal repeat: it is kept when it is also left-maximal. The
//!    walks run in parallel and allocate only when a set splits.

use rayon::prelude::*;
use std::sync::atomic::{AtomicU32, Ordering};

/// No group: the window is unique, or it crosses the end of its file.
const NONE: u32 = u32::MAX;

/// Spreads small keys (renamed symbols) over 64 bits before the rolling hash.
pub fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

const BASE: u64 = 0x100_0000_01B3;

/// What a token is compared by: its renamed symbol (`u16`) or its exact hash (`u64`).
pub trait Key: Copy + Eq + Ord + Default + Send + Sync + Into<u64> {
    /// Keys that fit in 16 bits, whose mixes are looked up in a table.
    const SMALL: bool;
}
impl Key for u16 {
    const SMALL: bool = true;
}
impl Key for u64 {
    const SMALL: bool = false;
}

/// The keys of every file in one array: file `f` at `start[f]..start[f] + len`, followed by one
/// separator slot, so that copies in two files are always at least one position apart.
pub struct Keys<K> {
    keys: Vec<K>,
    /// `start[f]` for each file, then the total length.
    start: Vec<u32>,
}

impl<K: Key> Keys<K> {
    /// Lays out files of the given lengths and lets `fill(f, slot)` write file `f`'s keys, in
    /// parallel. None when the positions would not fit in 32 bits (4 billion tokens).
    pub fn build(lens: &[usize], fill: impl Fn(usize, &mut [K]) + Sync) -> Option<Keys<K>> {
        let mut start = Vec::with_capacity(lens.len() + 1);
        let mut at = 0u32;
        for &n in lens {
            start.push(at);
            at = at.checked_add(u32::try_from(n).ok()?)?.checked_add(1)?;
        }
        start.push(at);
        let mut keys = vec![K::default(); at as usize];
        let mut slots: Vec<&mut [K]> = Vec::with_capacity(lens.len());
        let mut rest = keys.as_mut_slice();
        for &n in lens {
            let (mine, tail) = rest.split_at_mut(n + 1);
            slots.push(&mut mine[..n]);
            rest = tail;
        }
        slots.into_par_iter().enumerate().for_each(|(f, slot)| fill(f, slot));
        Some(Keys { keys, start })
    }

    fn files(&self) -> usize {
        self.start.len() - 1
    }

    /// Global position range of file `f`'s keys.
    fn range(&self, f: usize) -> std::ops::Range<usize> {
        self.start[f] as usize..self.start[f + 1] as usize - 1
    }

    /// How many windows of `w` keys fit in file `f`.
    fn windows(&self, f: usize, w: usize) -> usize {
        (self.range(f).len() + 1).saturating_sub(w)
    }

    fn file_of(&self, pos: u32) -> usize {
        self.start.partition_point(|&s| s <= pos) - 1
    }

    /// The key before `pos` in its file, if any.
    fn before(&self, pos: u32) -> Option<K> {
        let f = self.file_of(pos);
        (pos > self.start[f]).then(|| self.keys[pos as usize - 1])
    }
}

/// A repeat: the same `len` keys at each `(file, start)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repeat {
    pub len: u32,
    /// Sorted, non-overlapping.
    pub at: Vec<(u32, u32)>,
}

/// Finds the maximal repeats of at least `w` keys. `mix` is [`splitmix`] except in tests that
/// force hash collisions.
pub fn repeats<K: Key>(keys: &Keys<K>, w: usize, mix: impl Fn(u64) -> u64 + Sync) -> Vec<Repeat> {
    let w = w.max(1);
    let mut lap = crate::timings::Timer::new();
    let records = window_records(keys, w, &mix);
    lap.lap("d.records");
    let (occ, bounds) = verified_groups(keys, &records, w);
    lap.lap("d.verify");
    drop(records);
    let gid = group_ids(keys.keys.len(), &occ, &bounds);
    lap.lap("d.gid");
    let group = |g: u32| &occ[bounds[g as usize] as usize..bounds[g as usize + 1] as usize];
    let groups = bounds.len() - 1;

    // 3. Walk right from the groups that start a run.
    let at = |p: i64| -> u32 {
        if p < 0 {
            NONE
        } else {
            gid.get(p as usize).copied().unwrap_or(NONE)
        }
    };
    // A group whose windows overlap each other in one file (periodic code) loses occurrences
    // in its walk, so the groups after it are not covered by it. Windows of two files never
    // overlap: a separator lies between them.
    let overlapping: Vec<bool> = (0..groups as u32)
        .into_par_iter()
        .map(|g| group(g).windows(2).any(|x| x[1] < x[0] + w as u32))
        .collect();
    let starts: Vec<u32> = (0..groups as u32)
        .into_par_iter()
        .filter(|&g| {
            let occ = group(g);
            let prev = at(i64::from(occ[0]) - 1);
            // A continuation: every occurrence follows the same group, whose walk covers this one.
            let continuation = prev != NONE
                && !overlapping[prev as usize]
                && occ.iter().all(|&p| at(i64::from(p) - 1) == prev);
            !continuation
        })
        .collect();
    lap.lap("d.starts");
    let mut out: Vec<Repeat> = starts
        .par_iter()
        .flat_map_iter(|&g| walk(keys, &gid, group(g), w))
        .map(|(len, at)| Repeat {
            len,
            at: at
                .into_iter()
                .map(|p| {
                    let f = keys.file_of(p);
                    (f as u32, p - keys.start[f])
                })
                .collect(),
        })
        .collect();
    lap.lap("d.walks");
    out.par_sort_unstable_by(|a, b| a.at.cmp(&b.at).then(b.len.cmp(&a.len)));
    out.dedup();
    lap.lap("d.sort");
    out
}

/// The rolling hash of every window of `w` keys in `file`, as `f(window start, hash)`.
fn each_window<K: Key>(file: &[K], w: usize, mixed: &Mixer, mut f: impl FnMut(usize, u64)) {
    if file.len() < w {
        return;
    }
    let top = (1..w).fold(1u64, |acc, _| acc.wrapping_mul(BASE));
    let mut h = file[..w].iter().fold(0u64, |acc, &k| acc.wrapping_mul(BASE).wrapping_add(mixed.get(k)));
    f(0, h);
    for i in w..file.len() {
        h = h
            .wrapping_sub(mixed.get(file[i - w]).wrapping_mul(top))
            .wrapping_mul(BASE)
            .wrapping_add(mixed.get(file[i]));
        f(i - w + 1, h);
    }
}

/// `mix` of a key, from a table for the small keys (renamed symbols): every window is hashed
/// three times (see [`window_records`]).
struct Mixer<'a> {
    table: Option<Vec<u64>>,
    mix: &'a (dyn Fn(u64) -> u64 + Sync),
}

impl<'a> Mixer<'a> {
    fn new<K: Key>(mix: &'a (dyn Fn(u64) -> u64 + Sync)) -> Self {
        let table = K::SMALL.then(|| (0..=u64::from(u16::MAX)).map(mix).collect());
        Mixer { table, mix }
    }

    #[inline]
    fn get<K: Key>(&self, k: K) -> u64 {
        let k: u64 = k.into();
        match &self.table {
            Some(t) => t[k as usize],
            None => (self.mix)(k),
        }
    }
}

/// The hash slots that two or more windows fall in, two bits a slot (seen, seen again) side by
/// side. A window whose slot no other window falls in has a hash no other window has, so it is
/// never written as a record (on a repository a third duplicated, six windows in ten). Each
/// worker marks its share of the files in a table of its own, since two cores setting bits in
/// one table fight over its cache lines; the tables are merged. The result is whether two or
/// more windows fall in a slot, whatever the split.
struct Repeated {
    slots: Vec<u64>,
    shift: u32,
}

const SEEN: u64 = 0x5555_5555_5555_5555;

impl Repeated {
    fn mark<K: Key>(keys: &Keys<K>, w: usize, windows: usize, mixed: &Mixer) -> Repeated {
        // Two slots a window: a table of half a byte a window, small enough to stay in a core's
        // cache, at the price of about a third of the unique windows passing.
        let slots = (windows.max(1) * 2).next_power_of_two().clamp(1 << 12, 1 << 32);
        let shift = 64 - slots.trailing_zeros();
        let words = slots / 32;
        // One share of about equal windows per worker.
        let workers = rayon::current_num_threads().max(1);
        let mut cuts = vec![0];
        let mut sum = 0;
        for f in 0..keys.files() {
            sum += keys.windows(f, w);
            if sum * workers >= windows.max(1) * cuts.len() && cuts.len() < workers {
                cuts.push(f + 1);
            }
        }
        cuts.push(keys.files());
        cuts.dedup();
        let slots = cuts
            .par_windows(2)
            .map(|share| {
                let mut table = vec![0u64; words];
                for f in share[0]..share[1] {
                    each_window(&keys.keys[keys.range(f)], w, mixed, |_, h| {
                        let (word, seen) = Self::at(h, shift);
                        let t = &mut table[word];
                        *t |= seen | ((*t & seen) << 1);
                    });
                }
                table
            })
            .reduce_with(|mut a, b| {
                for (x, y) in a.iter_mut().zip(&b) {
                    *x |= *y | ((*x & *y & SEEN) << 1);
                }
                a
            })
            .unwrap_or_else(|| vec![0u64; words]);
        Repeated { slots, shift }
    }

    /// The word of `h`'s slot and its `seen` bit (the `again` bit is the next one up).
    #[inline]
    fn at(h: u64, shift: u32) -> (usize, u64) {
        let slot = (h >> shift) as usize;
        (slot / 32, 1u64 << (2 * (slot % 32)))
    }

    #[inline]
    fn has(&self, h: u64) -> bool {
        let (word, seen) = Self::at(h, self.shift);
        self.slots[word] & (seen << 1) != 0
    }
}

/// Step 1: `(hash << 32) | position` of every window that fits in its file and whose hash may
/// repeat, sorted. A window left out has a hash no other window has, so it would have been a
/// run of one record, which step 2 skips: the groups are the same.
fn window_records<K: Key>(keys: &Keys<K>, w: usize, mix: &(impl Fn(u64) -> u64 + Sync)) -> Vec<u64> {
    let mixed = Mixer::new::<K>(mix);
    let windows: usize = (0..keys.files()).map(|f| keys.windows(f, w)).sum();
    let repeated = Repeated::mark(keys, w, windows, &mixed);
    let counts: Vec<usize> = (0..keys.files())
        .into_par_iter()
        .map(|f| {
            let mut n = 0;
            each_window(&keys.keys[keys.range(f)], w, &mixed, |_, h| n += usize::from(repeated.has(h)));
            n
        })
        .collect();
    let mut records = vec![0u64; counts.iter().sum()];
    let mut slots: Vec<(usize, &mut [u64])> = Vec::with_capacity(counts.len());
    let mut rest = records.as_mut_slice();
    for (f, &n) in counts.iter().enumerate() {
        let (mine, tail) = rest.split_at_mut(n);
        if n > 0 {
            slots.push((f, mine));
        }
        rest = tail;
    }
    slots.into_par_iter().for_each(|(f, slot)| {
        let r = keys.range(f);
        let base = r.start as u64;
        let mut at = 0;
        each_window(&keys.keys[r], w, &mixed, |i, h| {
            if repeated.has(h) {
                slot[at] = (h >> 32) << 32 | (base + i as u64);
                at += 1;
            }
        });
    });
    records.par_sort_unstable();
    records
}

/// Step 2: the groups of equal windows (two or more each): their positions, sorted, group
/// after group (`occ`), and where each group starts in `occ` (`bounds`, one more than groups).
fn verified_groups<K: Key>(keys: &Keys<K>, records: &[u64], w: usize) -> (Vec<u32>, Vec<u32>) {
    let window = |p: u32| &keys.keys[p as usize..p as usize + w];
    // Runs of two or more equal hashes, as (start, length) in `records`: 8 bytes a run.
    let mut runs: Vec<(u32, u32)> = Vec::new();
    let mut i = 0;
    while i < records.len() {
        let h = records[i] >> 32;
        let mut j = i + 1;
        while j < records.len() && records[j] >> 32 == h {
            j += 1;
        }
        if j - i > 1 {
            runs.push((i as u32, (j - i) as u32));
        }
        i = j;
    }
    let run = |&(start, len): &(u32, u32)| &records[start as usize..(start + len) as usize];
    // Usually every window of a run is the same; the few runs that are not (a collision) are
    // listed and split by content below.
    let mixed: Vec<usize> = runs
        .par_iter()
        .enumerate()
        .filter(|(_, r)| {
            let run = run(r);
            let first = window(run[0] as u32);
            !run.iter().all(|&r| window(r as u32) == first)
        })
        .map(|(k, _)| k)
        .collect();
    let mut occ = Vec::with_capacity(runs.iter().map(|r| r.1 as usize).sum());
    let mut bounds = vec![0u32];
    let mut next_mixed = mixed.iter().peekable();
    for (k, r) in runs.iter().enumerate() {
        let run = run(r);
        if next_mixed.next_if_eq(&&k).is_none() {
            occ.extend(run.iter().map(|&r| r as u32));
            bounds.push(occ.len() as u32);
            continue;
        }
        let mut pos: Vec<u32> = run.iter().map(|&r| r as u32).collect();
        pos.sort_by(|&a, &b| window(a).cmp(window(b)).then(a.cmp(&b)));
        for g in pos.chunk_by(|&a, &b| window(a) == window(b)).filter(|g| g.len() > 1) {
            occ.extend_from_slice(g);
            bounds.push(occ.len() as u32);
        }
    }
    (occ, bounds)
}

/// The group of every window (`NONE` for unique windows and the separators), written in
/// parallel: each window is in at most one group.
fn group_ids(len: usize, occ: &[u32], bounds: &[u32]) -> Vec<u32> {
    let gid: Vec<AtomicU32> = (0..len).into_par_iter().map(|_| AtomicU32::new(NONE)).collect();
    (0..bounds.len() - 1).into_par_iter().for_each(|g| {
        for &p in &occ[bounds[g] as usize..bounds[g + 1] as usize] {
            gid[p as usize].store(g as u32, Ordering::Relaxed);
        }
    });
    gid.into_iter().map(AtomicU32::into_inner).collect()
}

/// Occurrences (global positions, sorted) that share `len` keys, and how far they have walked.
struct Walk {
    occ: Vec<u32>,
    k: u32,
}

/// Smallest distance between two occurrences: they stay apart while the repeat is shorter.
fn min_gap(occ: &[u32]) -> u32 {
    occ.windows(2).map(|x| x[1] - x[0]).min().unwrap_or(u32::MAX)
}

/// How many keys before every occurrence are the same (so the repeat starts that much earlier),
/// as far as the copies stay apart. Needed after periodic code, whose group could not carry
/// these occurrences.
fn extend_left<K: Key>(keys: &Keys<K>, occ: &[u32], w: u32) -> u32 {
    let gap = min_gap(occ);
    let mut left = 0;
    loop {
        let before = |&p: &u32| keys.before(p - left);
        let first = before(&occ[0]);
        let same = first.is_some() && occ.iter().all(|o| before(o) == first);
        if !same || gap <= w + left {
            return left;
        }
        left += 1;
    }
}

/// The repeats one group's walk finds, as `(length, global positions)`.
fn walk<K: Key>(keys: &Keys<K>, gid: &[u32], start: &[u32], w: usize) -> Vec<(u32, Vec<u32>)> {
    let next_gid = |p: u32, k: u32| -> u32 { gid.get((p + k + 1) as usize).copied().unwrap_or(NONE) };
    let mut out = Vec::new();
    let first = non_overlapping_global(start, w as u32);
    if first.len() < 2 {
        return out;
    }
    let left = extend_left(keys, &first, w as u32);
    let mut stack = vec![Walk { occ: first, k: 0 }];
    while let Some(Walk { occ, mut k }) = stack.pop() {
        if occ.len() < 2 {
            continue;
        }
        let gap = min_gap(&occ);
        loop {
            let len = w as u32 + k + left;
            let first = next_gid(occ[0], k);
            let all_same = first != NONE && occ.iter().all(|&p| next_gid(p, k) == first);
            // Every occurrence is kept at `len + 1` exactly when no two are that close.
            if all_same && gap > len {
                k += 1;
                continue;
            }
            let shifted: Vec<u32> = occ.iter().map(|&p| p - left).collect();
            if left_maximal(keys, &shifted) {
                out.push((len, shifted));
            }
            // Continue with each set of occurrences that still share their next window.
            let mut kept: Vec<(u32, u32)> = non_overlapping_global(&occ, len + 1)
                .into_iter()
                .map(|p| (next_gid(p, k), p))
                .filter(|&(g, _)| g != NONE)
                .collect();
            kept.sort_unstable();
            stack.extend(
                kept.chunk_by(|a, b| a.0 == b.0)
                    .filter(|part| part.len() > 1)
                    .map(|part| Walk { occ: part.iter().map(|&(_, p)| p).collect(), k: k + 1 }),
            );
            break;
        }
    }
    out
}

/// [`non_overlapping`] on global positions: copies in two files never overlap.
fn non_overlapping_global(occ: &[u32], len: u32) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::with_capacity(occ.len());
    for &p in occ {
        match out.last() {
            Some(&lp) if p < lp + len => {}
            _ => out.push(p),
        }
    }
    out
}

/// Drops occurrences that overlap an earlier one in the same file (a fragment matching itself
/// shifted is no copy).
pub fn non_overlapping(occ: &[(u32, u32)], len: u32) -> Vec<(u32, u32)> {
    let mut out: Vec<(u32, u32)> = Vec::with_capacity(occ.len());
    for &(f, p) in occ {
        match out.last() {
            Some(&(lf, lp)) if lf == f && p < lp + len => {}
            _ => out.push((f, p)),
        }
    }
    out
}

/// False when every occurrence is preceded by the same key: the longer repeat one key to the
/// left is the maximal one.
fn left_maximal<K: Key>(keys: &Keys<K>, occ: &[u32]) -> bool {
    let first = keys.before(occ[0]);
    first.is_none() || occ.iter().any(|&o| keys.before(o) != first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(files: &[&str], w: usize, mix: fn(u64) -> u64) -> Vec<(u32, Vec<(u32, u32)>)> {
        let files: Vec<Vec<u64>> = files.iter().map(|s| s.bytes().map(u64::from).collect()).collect();
        let lens: Vec<usize> = files.iter().map(Vec::len).collect();
        let keys = Keys::build(&lens, |f, slot| slot.copy_from_slice(&files[f])).unwrap();
        repeats(&keys, w, mix).into_iter().map(|r| (r.len, r.at)).collect()
    }

    #[test]
    fn one_class_for_many_copies() {
        let r = found(&["xxABCDEFGHyy", "ABCDEFGH", "zABCDEFGHz", "qqqq"], 4, splitmix);
        assert_eq!(r, vec![(8, vec![(0, 2), (1, 0), (2, 1)])]);
    }

    #[test]
    fn insertion_splits_into_two_classes() {
        let r = found(&["ABCDEFGH1234567", "ABCDEFGHx1234567"], 4, splitmix);
        assert_eq!(r, vec![(8, vec![(0, 0), (1, 0)]), (7, vec![(0, 8), (1, 9)])]);
    }

    #[test]
    fn nested_longer_repeat_in_some_copies() {
        // "ABCDEF" in all three; "ABCDEFGHIJ" in two of them.
        let r = found(&["ABCDEFGHIJ", "ABCDEFGHIJ", "ABCDEFxyz"], 4, splitmix);
        assert_eq!(r, vec![(10, vec![(0, 0), (1, 0)]), (6, vec![(0, 0), (1, 0), (2, 0)])]);
    }

    #[test]
    fn self_overlap_is_no_clone() {
        // A periodic run repeats itself only as far as its copies do not overlap.
        assert_eq!(found(&["abababababab"], 4, splitmix), vec![(4, vec![(0, 0), (0, 4), (0, 8)])]);
        assert!(found(&["aaaaa"], 4, splitmix).is_empty());
    }

    #[test]
    fn a_copy_ending_a_file_and_one_starting_the_next_are_two_copies() {
        // "ABCD" ends file 0 and starts file 1: adjacent in the flat array, yet apart.
        assert_eq!(found(&["xyABCD", "ABCDzw"], 4, splitmix), vec![(4, vec![(0, 2), (1, 0)])]);
    }

    #[test]
    fn only_windows_whose_hash_may_repeat_are_recorded() {
        // Windows of 4: "ABCD" twice, "BCDE" twice; the other five windows are unique.
        let files: Vec<Vec<u64>> =
            ["ABCDExyz", "qABCDEr"].iter().map(|s| s.bytes().map(u64::from).collect()).collect();
        let lens: Vec<usize> = files.iter().map(Vec::len).collect();
        let keys = Keys::build(&lens, |f, slot| slot.copy_from_slice(&files[f])).unwrap();
        let positions = |mix: fn(u64) -> u64| -> Vec<u32> {
            let mut p: Vec<u32> = window_records(&keys, 4, &mix).iter().map(|&r| r as u32).collect();
            p.sort_unstable();
            p
        };
        // File 1 starts at 9 (8 keys and a separator): "ABCD" at 0 and 10, "BCDE" at 1 and 11.
        assert_eq!(positions(splitmix), vec![0, 1, 10, 11]);
        // When every hash is the same, every window may repeat.
        assert_eq!(positions(|_| 0).len(), 5 + 4);
    }

    #[test]
    fn forced_hash_collisions_make_no_false_clone() {
        // Every window hashes to 0: only verification keeps real clones.
        let collide: fn(u64) -> u64 = |_| 0;
        assert_eq!(found(&["ABCDEFGH", "ABCDxxxx", "pqrstuvw"], 4, collide), vec![(4, vec![(0, 0), (1, 0)])]);
        assert!(found(&["ABCDEFGH", "abcdefgh"], 4, collide).is_empty());
        // Several distinct repeated windows under one hash each become their own class.
        let r = found(&["ABCDwxyz", "ABCDwxyz", "pqrs", "pqrs"], 4, collide);
        assert!(r.contains(&(4, vec![(2, 0), (3, 0)])), "{r:?}");
        assert!(r.contains(&(8, vec![(0, 0), (1, 0)])), "{r:?}");
    }
}
