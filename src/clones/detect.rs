//! Clone classes from token streams: every maximal token sequence (at least `min_tokens` long)
//! that stands in two or more non-overlapping places becomes one class with all its fragments.
//!
//! 1. Rolling hashes of every window of `min_tokens` keys, over all files in parallel; hashes
//!    seen twice or more are kept (one sort of a `u64` per token).
//! 2. The windows with a kept hash are grouped and verified key by key against the group's
//!    first window: equal hashes of different tokens split into separate groups, so a hash
//!    collision never makes a clone. Each file gets the group id of each of its windows.
//! 3. From every group whose occurrences are not all the continuation of one earlier group,
//!    the occurrences walk right together while their next windows share a group; whenever
//!    the set changes (an occurrence stops, the set splits, or two start to overlap) the
//!    current set is a right-maximal repeat: it is kept when it is also left-maximal.

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

/// No group: the window is unique (or the file is shorter than a window).
const NONE: u32 = u32::MAX;

/// Spreads small keys (renamed symbols) over 64 bits before the rolling hash.
pub fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

const BASE: u64 = 0x100_0000_01B3;
/// Files whose candidate windows are hashed at once (in parallel) before being grouped.
const CHUNK_FILES: usize = 256;

/// The token streams, seen only through their keys (no copy of them is made).
pub trait Streams: Sync {
    fn count(&self) -> usize;
    fn len(&self, file: usize) -> usize;
    fn key(&self, file: usize, pos: usize) -> u64;
}

impl Streams for [Vec<u64>] {
    fn count(&self) -> usize {
        <[Vec<u64>]>::len(self)
    }
    fn len(&self, file: usize) -> usize {
        self[file].len()
    }
    fn key(&self, file: usize, pos: usize) -> u64 {
        self[file][pos]
    }
}

fn same_window<S: Streams + ?Sized>(s: &S, a: (u32, u32), b: (u32, u32), w: usize) -> bool {
    (0..w).all(|i| s.key(a.0 as usize, a.1 as usize + i) == s.key(b.0 as usize, b.1 as usize + i))
}

/// Calls `each(position, hash)` for each window of `w` keys of a file (polynomial, wrapping).
fn windows<S: Streams + ?Sized>(
    s: &S,
    f: usize,
    w: usize,
    mix: fn(u64) -> u64,
    mut each: impl FnMut(u32, u64),
) {
    let n = s.len(f);
    if n < w {
        return;
    }
    // One pass over the file's keys, mixed once each.
    let keys: Vec<u64> = (0..n).map(|i| mix(s.key(f, i))).collect();
    let top = (1..w).fold(1u64, |acc, _| acc.wrapping_mul(BASE));
    let mut h = keys[..w].iter().fold(0u64, |acc, &k| acc.wrapping_mul(BASE).wrapping_add(k));
    each(0, h);
    for i in w..n {
        h = h.wrapping_sub(keys[i - w].wrapping_mul(top)).wrapping_mul(BASE).wrapping_add(keys[i]);
        each((i - w + 1) as u32, h);
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
pub fn repeats<S: Streams + ?Sized>(files: &S, w: usize, mix: fn(u64) -> u64) -> Vec<Repeat> {
    let w = w.max(1);
    let n = files.count();
    // 1. Hashes seen at least twice, on 32 bits to halve the one big sort; the spurious
    //    matches this lets through are dropped by the verification below.
    let mut all: Vec<u32> = (0..n)
        .into_par_iter()
        .flat_map_iter(|f| {
            let mut v = Vec::with_capacity((files.len(f) + 1).saturating_sub(w));
            windows(files, f, w, mix, |_, h| v.push((h >> 32) as u32));
            v
        })
        .collect();
    all.par_sort_unstable();
    let dup: FxHashSet<u32> = all.chunk_by(|a, b| a == b).filter(|c| c.len() > 1).map(|c| c[0]).collect();
    drop(all);

    // 2. Candidate windows, in file and position order, each verified into a group: against
    //    the group's first window, one key at a time when the previous position already
    //    matched that window's predecessor, else all `w` keys.
    //    The candidates are hashed in parallel a chunk of files at a time, so that they are
    //    never all in memory at once.
    let mut gid: Vec<Vec<u32>> = (0..n).map(|f| vec![NONE; (files.len(f) + 1).saturating_sub(w)]).collect();
    let mut groups: Vec<Vec<(u32, u32)>> = Vec::new();
    // hash → its first group; further groups of a colliding hash in `more`.
    let mut first: FxHashMap<u64, u32> = FxHashMap::default();
    let mut more: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    let all_files: Vec<usize> = (0..n).collect();
    for chunk in all_files.chunks(CHUNK_FILES) {
        let cands: Vec<Vec<(u64, u32)>> = chunk
            .par_iter()
            .map(|&f| {
                let mut v = Vec::new();
                windows(files, f, w, mix, |p, h| {
                    if dup.contains(&((h >> 32) as u32)) {
                        v.push((h, p));
                    }
                });
                v
            })
            .collect();
        for (&f, list) in chunk.iter().zip(cands) {
            let f = f as u32;
            for (h, p) in list {
                let prev = if p > 0 { gid[f as usize][p as usize - 1] } else { NONE };
                let matches = |g: u32| {
                    let (rf, rp) = groups[g as usize][0];
                    let aligned = prev != NONE && rp > 0 && groups[prev as usize][0] == (rf, rp - 1);
                    if aligned {
                        let last = w - 1;
                        files.key(f as usize, p as usize + last) == files.key(rf as usize, rp as usize + last)
                    } else {
                        same_window(files, (rf, rp), (f, p), w)
                    }
                };
                // Inside a run of copied code the previous window's group tells ours without a
                // lookup: it is the group of the window after that group's first occurrence, if
                // one more key matches.
                let next_of_prev = (prev != NONE)
                    .then(|| {
                        let (rf, rp) = groups[prev as usize][0];
                        let g = *gid[rf as usize].get(rp as usize + 1)?;
                        let same_last = files.key(f as usize, p as usize + w - 1)
                            == files.key(rf as usize, rp as usize + w);
                        (g != NONE && same_last).then_some(g)
                    })
                    .flatten();
                let found = next_of_prev.or_else(|| match first.get(&h) {
                    None => None,
                    Some(&g) if matches(g) => Some(g),
                    Some(_) => more.get(&h).and_then(|gs| gs.iter().copied().find(|&g| matches(g))),
                });
                let g = match found {
                    Some(g) => g,
                    None => {
                        groups.push(Vec::new());
                        let g = (groups.len() - 1) as u32;
                        match first.entry(h) {
                            std::collections::hash_map::Entry::Occupied(_) => {
                                more.entry(h).or_default().push(g)
                            }
                            std::collections::hash_map::Entry::Vacant(v) => {
                                v.insert(g);
                            }
                        }
                        g
                    }
                };
                groups[g as usize].push((f, p));
                gid[f as usize][p as usize] = g;
            }
        }
    }
    drop((dup, first, more));
    for g in &mut groups {
        if g.len() < 2 {
            // A group of one: its hash was shared only by a collision.
            let (f, p) = g[0];
            gid[f as usize][p as usize] = NONE;
        }
    }

    // 3. Walk right from the groups that start a run.
    let at = |f: u32, p: i64| -> u32 {
        if p < 0 {
            return NONE;
        }
        gid[f as usize].get(p as usize).copied().unwrap_or(NONE)
    };
    // A group whose windows overlap each other in one file (periodic code) loses occurrences
    // in its walk, so the groups after it are not covered by it.
    let overlapping: Vec<bool> = groups
        .iter()
        .map(|occ| occ.windows(2).any(|x| x[0].0 == x[1].0 && x[1].1 < x[0].1 + w as u32))
        .collect();
    let starts: Vec<usize> = (0..groups.len())
        .filter(|&g| {
            let occ = &groups[g];
            if occ.len() < 2 {
                return false;
            }
            let prev = at(occ[0].0, i64::from(occ[0].1) - 1);
            // A continuation: every occurrence follows the same group, whose walk covers this one.
            let continuation = prev != NONE
                && !overlapping[prev as usize]
                && occ.iter().all(|&(f, p)| at(f, i64::from(p) - 1) == prev);
            !continuation
        })
        .collect();
    let mut out: Vec<Repeat> =
        starts.par_iter().flat_map_iter(|&g| walk(files, &gid, &groups[g], w)).collect();
    out.sort_by(|a, b| a.at.cmp(&b.at).then(b.len.cmp(&a.len)));
    out.dedup();
    out
}

/// Occurrences that share `len` keys, and how far they have walked.
struct Walk {
    occ: Vec<(u32, u32)>,
    k: u32,
}

/// How many keys before every occurrence are the same (so the repeat starts that much earlier),
/// as far as the copies stay apart. Needed after periodic code, whose group could not carry
/// these occurrences.
fn extend_left<S: Streams + ?Sized>(files: &S, occ: &[(u32, u32)], w: u32) -> u32 {
    let mut left = 0;
    loop {
        let before =
            |&(f, p): &(u32, u32)| (p > left).then(|| files.key(f as usize, (p - left - 1) as usize));
        let first = before(&occ[0]);
        let same = first.is_some() && occ.iter().all(|o| before(o) == first);
        let apart = occ.windows(2).all(|x| x[0].0 != x[1].0 || x[1].1 > x[0].1 + w + left);
        if !same || !apart {
            return left;
        }
        left += 1;
    }
}

fn walk<S: Streams + ?Sized>(files: &S, gid: &[Vec<u32>], start: &[(u32, u32)], w: usize) -> Vec<Repeat> {
    let next_gid = |f: u32, p: u32, k: u32| -> u32 {
        gid[f as usize].get((p + k + 1) as usize).copied().unwrap_or(NONE)
    };
    let mut out = Vec::new();
    let first = non_overlapping(start, w as u32);
    if first.len() < 2 {
        return out;
    }
    let left = extend_left(files, &first, w as u32);
    let mut stack = vec![Walk { occ: first, k: 0 }];
    while let Some(Walk { mut occ, mut k }) = stack.pop() {
        if occ.len() < 2 {
            continue;
        }
        loop {
            let len = w as u32 + k + left;
            let first = next_gid(occ[0].0, occ[0].1, k);
            let all_same = first != NONE && occ.iter().all(|&(f, p)| next_gid(f, p, k) == first);
            let shifted: Vec<(u32, u32)> = occ.iter().map(|&(f, p)| (f, p - left)).collect();
            let kept = non_overlapping(&shifted, len + 1);
            if all_same && kept.len() == occ.len() {
                k += 1;
                continue;
            }
            if left_maximal(files, &shifted) {
                out.push(Repeat { len, at: shifted.clone() });
            }
            let kept: Vec<(u32, u32)> = kept.into_iter().map(|(f, p)| (f, p + left)).collect();
            // Continue with each set of occurrences that still share their next window.
            let mut parts: FxHashMap<u32, Vec<(u32, u32)>> = FxHashMap::default();
            for &(f, p) in &kept {
                let g = next_gid(f, p, k);
                if g != NONE {
                    parts.entry(g).or_default().push((f, p));
                }
            }
            let mut parts: Vec<Vec<(u32, u32)>> = parts.into_values().filter(|v| v.len() > 1).collect();
            parts.sort();
            stack.extend(parts.into_iter().map(|occ| Walk { occ, k: k + 1 }));
            occ.clear();
            break;
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
fn left_maximal<S: Streams + ?Sized>(files: &S, occ: &[(u32, u32)]) -> bool {
    let before =
        |&(f, p): &(u32, u32)| if p == 0 { None } else { Some(files.key(f as usize, p as usize - 1)) };
    let first = before(&occ[0]);
    first.is_none() || occ.iter().any(|o| before(o) != first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<u64> {
        s.bytes().map(u64::from).collect()
    }

    fn found(files: &[&str], w: usize, mix: fn(u64) -> u64) -> Vec<(u32, Vec<(u32, u32)>)> {
        let files: Vec<Vec<u64>> = files.iter().map(|s| keys(s)).collect();
        repeats(files.as_slice(), w, mix).into_iter().map(|r| (r.len, r.at)).collect()
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
    fn forced_hash_collisions_make_no_false_clone() {
        // Every window hashes to 0: only verification keeps real clones.
        let collide: fn(u64) -> u64 = |_| 0;
        assert_eq!(found(&["ABCDEFGH", "ABCDxxxx", "pqrstuvw"], 4, collide), vec![(4, vec![(0, 0), (1, 0)])]);
        assert!(found(&["ABCDEFGH", "abcdefgh"], 4, collide).is_empty());
    }
}
