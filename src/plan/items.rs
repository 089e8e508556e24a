//! Items: copy groups joined into file clusters (groups that share a file move together, so each
//! file has one home), a kept copy per group, a concern and a target package per cluster, then
//! clusters of one concern and target joined into an item, split by folder when it is too big to
//! review. A helper another item imports stays in its own item: the importer gets a `planned`
//! dependency on it.

use super::concern::{self, Concern};
use super::groups::{Group, Sets};
use super::units::Units;
use super::{package_path, PlanInput, UnitId};
use crate::resolve::Resolution;
use crate::workspace::{PackageKind, Workspace};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub name: String,
    /// The existing library, when there is one.
    pub package: Option<usize>,
    pub new: bool,
    /// The library already holds the kept copies.
    pub reuse: bool,
}

pub struct Draft<'g> {
    pub groups: Vec<&'g Group>,
    /// The kept copy of each group, parallel to `groups`.
    pub kept: Vec<UnitId>,
    pub concern: Concern,
    pub theme: String,
    pub target: Target,
    /// Files of every copy.
    pub files: BTreeSet<usize>,
}

impl Draft<'_> {
    /// Lines of the copies that go away, before any module moves along: a first rank.
    pub fn weight(&self, units: &Units) -> u64 {
        self.groups
            .iter()
            .zip(&self.kept)
            .flat_map(|(g, k)| g.members.iter().filter(move |m| *m != k))
            .map(|&m| u64::from(units.lines(m)))
            .sum()
    }
}

/// An existing library whose name's last segment says it holds `concern`.
fn fitting_library(ws: &Workspace, concern: Concern) -> Option<usize> {
    ws.packages.iter().position(|p| {
        let last = p.name.rsplit('/').next().unwrap_or(&p.name);
        p.kind == PackageKind::Library && concern.library_words().contains(&last)
    })
}

/// The folder of a file inside its package, without a leading `src/`, cut to two segments.
fn folder(path: &str, dir: &str) -> String {
    let rel = if dir.is_empty() {
        path
    } else {
        path.strip_prefix(dir).map_or(path, |r| r.trim_start_matches('/'))
    };
    let rel = rel.strip_prefix("src/").unwrap_or(rel);
    let parts: Vec<&str> = rel.split('/').collect();
    let dirs = &parts[..parts.len().saturating_sub(1)];
    if dirs.is_empty() {
        ".".into()
    } else {
        dirs[..dirs.len().min(2)].join("/")
    }
}

/// The longest common leading folder of several folders.
fn common_folder<'a>(folders: impl Iterator<Item = &'a String>) -> String {
    let mut common: Option<Vec<&str>> = None;
    for f in folders {
        let parts: Vec<&str> = f.split('/').collect();
        common = Some(match common {
            None => parts,
            Some(c) => c.iter().zip(&parts).take_while(|(a, b)| a == b).map(|(a, _)| *a).collect(),
        });
    }
    match common {
        Some(c) if !c.is_empty() && c != ["."] => c.join("/"),
        _ => ".".into(),
    }
}

struct Cluster {
    groups: Vec<usize>,
    kept: Vec<UnitId>,
    concern: Concern,
    target: Target,
    /// Folders of the kept files.
    folders: Vec<String>,
    kept_files: BTreeSet<usize>,
    files: BTreeSet<usize>,
}

pub fn build<'g>(input: &PlanInput, units: &Units, groups: &'g [Group], scope: &str) -> Vec<Draft<'g>> {
    let (ws, files, edges) = (input.ws, input.files.as_slice(), input.edges);
    // Groups that share a file are one cluster.
    let mut sets = Sets::new(groups.len());
    let mut file_group: BTreeMap<usize, u32> = BTreeMap::new();
    for (g, group) in groups.iter().enumerate() {
        for &m in &group.members {
            match file_group.get(&units.file(m)) {
                Some(&h) => sets.union(h, g as u32),
                None => {
                    file_group.insert(units.file(m), g as u32);
                }
            }
        }
    }
    let mut members: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
    for g in 0..groups.len() {
        members.entry(sets.find(g as u32)).or_default().push(g);
    }

    let clusters: Vec<Cluster> = members
        .into_values()
        .map(|gs| {
            // Kept package: a library holding copies (reuse), else the package with the most
            // copied lines; ties by path.
            let mut lines: BTreeMap<usize, u64> = BTreeMap::new();
            for &g in &gs {
                for &m in &groups[g].members {
                    *lines.entry(units.package(m)).or_default() += u64::from(units.lines(m));
                }
            }
            let best = |lib: bool| {
                lines
                    .iter()
                    .filter(|(p, _)| (ws.packages[**p].kind == PackageKind::Library) == lib)
                    .max_by(|a, b| {
                        a.1.cmp(b.1).then_with(|| package_path(ws, *b.0).cmp(&package_path(ws, *a.0)))
                    })
                    .map(|(p, _)| *p)
            };
            let library = best(true);
            let kept_pkg = library.or_else(|| best(false)).expect("a group has members");
            let kept: Vec<UnitId> = gs
                .iter()
                .map(|&g| {
                    let ms = &groups[g].members;
                    // The copy in the kept package; else a library's (already shared code), the
                    // longest; else the longest.
                    let in_library = |m: UnitId| ws.packages[units.package(m)].kind == PackageKind::Library;
                    ms.iter().copied().find(|&m| units.package(m) == kept_pkg).unwrap_or_else(|| {
                        *ms.iter()
                            .max_by_key(|&&m| (in_library(m), units.lines(m), std::cmp::Reverse(m)))
                            .expect("members")
                    })
                })
                .collect();
            let all: Vec<UnitId> = gs.iter().flat_map(|&g| groups[g].members.iter().copied()).collect();
            let cluster_files: BTreeSet<usize> = all.iter().map(|&m| units.file(m)).collect();
            let paths: Vec<&str> = cluster_files.iter().map(|&f| files[f].path.as_str()).collect();
            let unit_refs: Vec<&crate::units::Unit> = all.iter().map(|&m| units.unit(m)).collect();
            let mut ext: Vec<&str> = cluster_files
                .iter()
                .flat_map(|&f| edges_of(edges, f))
                .filter(|e| e.resolution == Resolution::External)
                .filter_map(|e| e.package.as_deref())
                .collect();
            ext.sort_unstable();
            ext.dedup();
            let forced = input.concern_rules.iter().find(|(glob, _)| paths.iter().any(|p| glob.is_match(p)));
            let concern = forced.map_or_else(|| concern::infer(&paths, &unit_refs, &ext), |(_, c)| *c);
            let kept_files: BTreeSet<usize> = kept.iter().map(|&k| units.file(k)).collect();
            let folders = kept_files
                .iter()
                .map(|&f| folder(&files[f].path, &ws.package(files[f].package).dir))
                .collect();
            let target = match library {
                Some(p) => {
                    Target { name: ws.packages[p].name.clone(), package: Some(p), new: false, reuse: true }
                }
                None => target_for(ws, concern, scope),
            };
            Cluster { groups: gs, kept, concern, target, folders, kept_files, files: cluster_files }
        })
        .collect();

    // Items: clusters of one concern and target; a big one is split by folder.
    let mut by_key: BTreeMap<(Concern, String), Vec<usize>> = BTreeMap::new();
    for (c, cl) in clusters.iter().enumerate() {
        by_key.entry((cl.concern, cl.target.name.clone())).or_default().push(c);
    }
    let mut drafts = Vec::new();
    for cs in by_key.into_values() {
        let kept_files: usize = cs.iter().map(|&c| clusters[c].kept_files.len()).sum();
        let parts: Vec<Vec<usize>> = if kept_files > input.settings.max_item_files {
            let mut by_folder: BTreeMap<String, Vec<usize>> = BTreeMap::new();
            for &c in &cs {
                let f = common_folder(clusters[c].folders.iter());
                by_folder.entry(f).or_default().push(c);
            }
            by_folder.into_values().collect()
        } else {
            vec![cs]
        };
        for part in parts {
            let first = &clusters[part[0]];
            let mut d = Draft {
                groups: Vec::new(),
                kept: Vec::new(),
                concern: first.concern,
                theme: common_folder(part.iter().flat_map(|&c| clusters[c].folders.iter())),
                target: first.target.clone(),
                files: BTreeSet::new(),
            };
            for &c in &part {
                let cl = &clusters[c];
                // Some clusters already stand in the target library: the item reuses it.
                d.target.reuse |= cl.target.reuse;
                d.groups.extend(cl.groups.iter().map(|&g| &groups[g]));
                d.kept.extend(cl.kept.iter().copied());
                d.files.extend(cl.files.iter().copied());
            }
            drafts.push(d);
        }
    }
    drafts
}

fn target_for(ws: &Workspace, concern: Concern, scope: &str) -> Target {
    match fitting_library(ws, concern) {
        Some(p) => Target { name: ws.packages[p].name.clone(), package: Some(p), new: false, reuse: false },
        None => Target {
            name: format!("{scope}/{}", concern.package_name()),
            package: None,
            new: true,
            reuse: false,
        },
    }
}

/// The edges of one importing file (edges are sorted by importing file).
pub fn edges_of(edges: &[crate::resolve::Edge], f: usize) -> &[crate::resolve::Edge] {
    let lo = edges.partition_point(|e| e.from.index() < f);
    let hi = edges.partition_point(|e| e.from.index() <= f);
    &edges[lo..hi]
}
