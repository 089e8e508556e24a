//! Copy groups: units whose code is a clone of each other. Two units are candidates when they
//! overlap fragments of one cross-package clone class; they are copies when the share of their
//! aligned tokens that are the same code ([`units::same_code`]: identifiers may be renamed,
//! literals may not) reaches the similarity threshold of the longer one. A shared name never
//! suffices. A group keeps one copy per package; further copies inside one package are in-app
//! duplication. Groups whose packages all lie in one fork family belong to the fork.

use super::forks::Forks;
use super::units::{same_code, Units};
use super::{package_path, InAppCopy, InAppDuplicate, PlanInput, UnitId};
use crate::clones::CloneClass;
use crate::model::lines::LineSet;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BTreeSet};

pub struct Group {
    /// One unit per package, by unit id; `rep` among them.
    pub members: Vec<UnitId>,
    pub rep: UnitId,
    /// Share of tokens equal to `rep`'s, per member.
    pub similarity: Vec<f64>,
    /// Share of lines in cross-package fragments, per member.
    pub coverage: Vec<f64>,
}

pub struct Groups {
    pub groups: Vec<Group>,
    pub in_app: Vec<InAppDuplicate>,
}

/// Union-find over dense ids; the smaller id is the root, so results do not depend on order.
pub struct Sets(Vec<u32>);

impl Sets {
    pub fn new(n: usize) -> Self {
        Sets((0..n as u32).collect())
    }
    pub fn find(&mut self, x: u32) -> u32 {
        let mut r = x;
        while self.0[r as usize] != r {
            r = self.0[r as usize];
        }
        let mut x = x;
        while self.0[x as usize] != r {
            let next = self.0[x as usize];
            self.0[x as usize] = r;
            x = next;
        }
        r
    }
    pub fn union(&mut self, a: u32, b: u32) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            let (lo, hi) = if a < b { (a, b) } else { (b, a) };
            self.0[hi as usize] = lo;
        }
    }
}

struct Similarity<'a> {
    units: &'a Units<'a>,
    classes: Vec<&'a CloneClass>,
    /// Per unit: (class, fragment) pairs it overlaps.
    occ: FxHashMap<UnitId, Vec<(u32, u32)>>,
    cache: FxHashMap<(UnitId, UnitId), f64>,
}

impl Similarity<'_> {
    fn get(&mut self, a: UnitId, b: UnitId) -> f64 {
        if a == b {
            return 1.0;
        }
        let key = (a.min(b), a.max(b));
        if let Some(&s) = self.cache.get(&key) {
            return s;
        }
        let s = self.compute(key.0, key.1);
        self.cache.insert(key, s);
        s
    }

    fn compute(&self, a: UnitId, b: UnitId) -> f64 {
        let ((a0, a1), (b0, b1)) = (self.units.range(a), self.units.range(b));
        let (la, lb) = (a1 - a0, b1 - b0);
        if la == 0 || lb == 0 {
            return 0.0;
        }
        let (sa, sb) = (&self.units.streams[self.units.file(a)], &self.units.streams[self.units.file(b)]);
        let mut matched = vec![false; la as usize];
        let empty = Vec::new();
        let (oa, ob) = (self.occ.get(&a).unwrap_or(&empty), self.occ.get(&b).unwrap_or(&empty));
        for &(c, ia) in oa {
            for &(_, ib) in ob.iter().filter(|&&(c2, ib)| c2 == c && ib != ia) {
                let class = self.classes[c as usize];
                let (fa, fb) = (&class.fragments[ia as usize], &class.fragments[ib as usize]);
                let lo = a0.max(fa.tok);
                let hi = a1.min(fa.tok + class.tokens);
                for p in lo..hi {
                    let q = fb.tok + (p - fa.tok);
                    if (b0..b1).contains(&q) && same_code(sa[p as usize], sb[q as usize]) {
                        matched[(p - a0) as usize] = true;
                    }
                }
            }
        }
        let n = matched.iter().filter(|&&m| m).count();
        (n as f64 * 1000.0 / f64::from(la.max(lb))).floor() / 1000.0
    }
}

pub fn find(input: &PlanInput, units: &Units, forks: &Forks) -> Groups {
    let files = input.files.as_slice();
    let threshold = input.settings.similarity;
    let classes: Vec<&CloneClass> = input
        .clones
        .classes
        .iter()
        .filter(|c| {
            c.fragments.iter().map(|f| files[f.file.index()].package).collect::<BTreeSet<_>>().len() > 1
        })
        .collect();

    // Units overlapping each fragment, and the line ranges covering each unit.
    let mut occ: FxHashMap<UnitId, Vec<(u32, u32)>> = FxHashMap::default();
    let mut ranges: BTreeMap<UnitId, Vec<(u32, u32)>> = BTreeMap::new();
    let mut touched: Vec<Vec<Vec<UnitId>>> = Vec::with_capacity(classes.len());
    for (c, class) in classes.iter().enumerate() {
        let mut per_fragment = Vec::with_capacity(class.fragments.len());
        for (i, fr) in class.fragments.iter().enumerate() {
            let f = fr.file.index();
            let mut t = Vec::new();
            for id in units.of_file(f).filter(|&id| units.shareable(id)) {
                let u = units.unit(id);
                let (s, e) = (u.start_line.max(fr.start_line), u.end_line.min(fr.end_line));
                if s <= e {
                    occ.entry(id).or_default().push((c as u32, i as u32));
                    ranges.entry(id).or_default().push((s, e));
                    t.push(id);
                }
            }
            per_fragment.push(t);
        }
        touched.push(per_fragment);
    }
    let coverage: FxHashMap<UnitId, f64> = ranges
        .into_iter()
        .map(|(id, r)| {
            let covered = r.into_iter().collect::<LineSet>().lines();
            (id, (f64::from(covered) * 100.0 / f64::from(units.lines(id))).round() / 100.0)
        })
        .collect();

    let mut sim = Similarity { units, classes, occ, cache: FxHashMap::default() };
    let mut sets = Sets::new(units.count());
    let fits = |a: u32, b: u32| f64::from(a.min(b)) >= threshold * f64::from(a.max(b));
    // Candidate pairs: each fragment against the first and against the one before it; their
    // similarities are computed in parallel, then joined in order.
    let mut candidates: Vec<(UnitId, UnitId)> = Vec::new();
    for per_fragment in &touched {
        for j in 1..per_fragment.len() {
            for i in [0, j - 1] {
                for &a in &per_fragment[i] {
                    for &b in &per_fragment[j] {
                        if a != b && fits(units.token_count(a), units.token_count(b)) {
                            candidates.push((a.min(b), a.max(b)));
                        }
                    }
                }
            }
        }
    }
    candidates.sort_unstable();
    candidates.dedup();
    let scores: Vec<f64> = candidates.par_iter().map(|&(a, b)| sim.compute(a, b)).collect();
    for (&(a, b), &s) in candidates.iter().zip(&scores) {
        sim.cache.insert((a, b), s);
        if s >= threshold {
            sets.union(a.0, b.0);
        }
    }
    let mut components: BTreeMap<u32, Vec<UnitId>> = BTreeMap::new();
    let mut ids: Vec<UnitId> = sim.occ.keys().copied().collect();
    ids.sort_unstable();
    for id in ids {
        components.entry(sets.find(id.0)).or_default().push(id);
    }

    let mut groups = Vec::new();
    let mut in_app = Vec::new();
    for members in components.into_values().filter(|m| m.len() > 1) {
        let rep =
            *members.iter().max_by_key(|&&m| (units.token_count(m), std::cmp::Reverse(m))).expect("members");
        // Per package: the copy closest to the representative; the others are in-app copies.
        let mut by_package: BTreeMap<usize, Vec<(UnitId, f64)>> = BTreeMap::new();
        for &m in &members {
            let s = sim.get(rep, m);
            if s >= threshold {
                by_package.entry(units.package(m)).or_default().push((m, s));
            }
        }
        let mut kept = Vec::new();
        for (p, mut copies) in by_package {
            copies.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            // Look-alike siblings in one file (`Card`, `CardTitle`) are not copies.
            let files_of: BTreeSet<usize> = copies.iter().map(|&(m, _)| units.file(m)).collect();
            if files_of.len() > 1 {
                let u = units.unit(copies[0].0);
                let mut list: Vec<InAppCopy> = copies
                    .iter()
                    .map(|&(m, _)| {
                        let x = units.unit(m);
                        InAppCopy {
                            file: files[units.file(m)].path.clone(),
                            start_line: x.start_line,
                            end_line: x.end_line,
                        }
                    })
                    .collect();
                list.sort_by(|a, b| (&a.file, a.start_line).cmp(&(&b.file, b.start_line)));
                in_app.push(InAppDuplicate {
                    package: package_path(input.ws, p),
                    name: u.name.clone(),
                    kind: u.kind,
                    copies: list,
                });
            }
            kept.push(copies[0]);
        }
        let packages: Vec<usize> = kept.iter().map(|&(m, _)| units.package(m)).collect();
        if packages.len() < 2 || forks.same_family(&packages) {
            continue;
        }
        kept.sort_by_key(|&(m, _)| m);
        groups.push(Group {
            rep,
            members: kept.iter().map(|&(m, _)| m).collect(),
            similarity: kept.iter().map(|&(_, s)| s).collect(),
            coverage: kept.iter().map(|&(m, _)| coverage.get(&m).copied().unwrap_or(0.0)).collect(),
        });
    }
    in_app.sort_by(|a, b| {
        (&a.package, &a.copies[0].file, a.copies[0].start_line).cmp(&(
            &b.package,
            &b.copies[0].file,
            b.copies[0].start_line,
        ))
    });
    Groups { groups, in_app }
}
