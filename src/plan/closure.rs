//! What the moved code imports. For each file that moves (the kept copies' files, then the
//! modules that move along), each import of an app-local module is compared with the same
//! import in the other apps' copies:
//! - a module another item moves: a `planned` dependency on that item's target;
//! - a module identical in every app whose copy imports it (same tokens and imports, whatever
//!   its size): it moves along (the closure), and its own imports are followed the same way;
//! - a module only the kept app's copy imports: the copies differ there, a blocker;
//! - a module that differs between the apps, or that must stay (a route, a test): a blocker
//!   (a warning for type-only imports).
//!
//! A module several items need moves with the one that imports it most (ties: the larger item,
//! then its first file); the others depend on that item's target. npm imports become
//! dependencies (framework packages peers) with the range each package declares.

use super::code;
use super::items::{edges_of, Draft};
use super::units::Units;
use super::{package_path, Blocker, BlockerKind, Dependency, DependencyKind, PlanInput, Severity};
use crate::model::FileId;
use crate::resolve::Resolution;
use std::collections::{BTreeMap, BTreeSet};

/// npm packages a shared package takes as peer dependencies rather than its own.
const PEERS: &[&str] = &["react", "react-dom", "next", "vue", "svelte", "solid-js", "@angular/core"];

/// A module that moves along: the kept app's file and the same file in the other apps.
#[derive(Debug, Clone)]
pub struct Module {
    pub kept: usize,
    pub copies: Vec<usize>,
}

#[derive(Debug, Default)]
pub struct Resolved {
    pub closure: Vec<Module>,
    pub blockers: Vec<Blocker>,
    pub dependencies: Vec<Dependency>,
}

struct Found {
    modules: Vec<(Module, usize)>,
    blockers: BTreeSet<Blocker>,
    deps: BTreeMap<(DependencyKind, String), BTreeMap<String, String>>,
}

pub fn resolve(input: &PlanInput, units: &Units, drafts: &mut [Draft]) -> Vec<Resolved> {
    let owner: BTreeMap<usize, usize> =
        drafts.iter().enumerate().flat_map(|(d, dr)| dr.files.iter().map(move |&f| (f, d))).collect();
    let mut found: Vec<Found> = drafts.iter().map(|d| follow(input, units, d, &owner, drafts)).collect();

    // One home per module: by content, the draft that imports it most.
    let weights: Vec<u64> = drafts.iter().map(|d| d.weight(units)).collect();
    let mut claims: BTreeMap<u64, Vec<(usize, usize, u64, String)>> = BTreeMap::new();
    for (d, fd) in found.iter().enumerate() {
        for (m, importers) in &fd.modules {
            if let Some(h) = units.content[m.kept] {
                let w = weights[d];
                claims.entry(h).or_default().push((
                    d,
                    *importers,
                    w,
                    input.files[FileId::from(m.kept)].path.clone(),
                ));
            }
        }
    }
    let mut winner: BTreeMap<u64, usize> = BTreeMap::new();
    for (h, mut cs) in claims {
        cs.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.3.cmp(&b.3)).then(a.0.cmp(&b.0)));
        winner.insert(h, cs[0].0);
    }
    let mut out = Vec::with_capacity(found.len());
    for d in 0..found.len() {
        let modules = std::mem::take(&mut found[d].modules);
        let mut closure = Vec::new();
        for (m, _) in modules {
            let w = units.content[m.kept].and_then(|h| winner.get(&h)).copied().unwrap_or(d);
            if w == d {
                closure.push(m);
            } else if drafts[w].target.name != drafts[d].target.name {
                found[d].deps.entry((DependencyKind::Planned, drafts[w].target.name.clone())).or_default();
            }
        }
        closure.sort_by_key(|m| m.kept);
        let fd = &found[d];
        let dependencies = fd
            .deps
            .iter()
            .filter(|((_, name), _)| *name != drafts[d].target.name)
            .map(|((kind, name), versions)| {
                let distinct: BTreeSet<&String> = versions.values().collect();
                Dependency {
                    name: name.clone(),
                    kind: kind.clone(),
                    versions: versions.clone(),
                    drift: distinct.len() > 1,
                }
            })
            .collect();
        out.push(Resolved { closure, blockers: fd.blockers.iter().cloned().collect(), dependencies });
    }
    for (d, r) in drafts.iter_mut().zip(&out) {
        for m in &r.closure {
            d.files.insert(m.kept);
            d.files.extend(m.copies.iter().copied());
        }
    }
    out
}

fn follow(
    input: &PlanInput,
    units: &Units,
    d: &Draft,
    owner: &BTreeMap<usize, usize>,
    drafts: &[Draft],
) -> Found {
    let (ws, files, edges) = (input.ws, input.files.as_slice(), input.edges);
    let packages: BTreeSet<usize> =
        d.groups.iter().flat_map(|g| g.members.iter().map(|&m| units.package(m))).collect();
    // Each kept file with the corresponding file of every other package.
    let mut corr: BTreeMap<usize, BTreeMap<usize, usize>> = BTreeMap::new();
    for (g, &k) in d.groups.iter().zip(&d.kept) {
        let entry = corr.entry(units.file(k)).or_default();
        for &m in g.members.iter().filter(|&&m| m != k) {
            entry.entry(units.package(m)).or_insert(units.file(m));
        }
    }
    let mut fd = Found { modules: Vec::new(), blockers: BTreeSet::new(), deps: BTreeMap::new() };
    let mut seen: BTreeSet<usize> = d.files.clone();
    let mut importers: BTreeMap<usize, usize> = BTreeMap::new();
    let mut work: Vec<(usize, BTreeMap<usize, usize>)> = corr.into_iter().collect();
    let mut i = 0;
    let target = d.target.package;
    while i < work.len() {
        let (f, others) = work[i].clone();
        i += 1;
        let path = &files[f].path;
        // Code already in the target library stays where it is, with its imports.
        if target == Some(files[f].package.index()) {
            continue;
        }
        for e in edges_of(edges, f) {
            match e.resolution {
                Resolution::External => {
                    let Some(name) = e.package.clone() else { continue };
                    let kind = if PEERS.contains(&name.as_str()) {
                        DependencyKind::Peer
                    } else {
                        DependencyKind::Npm
                    };
                    let entry = fd.deps.entry((kind, name.clone())).or_default();
                    for &p in &packages {
                        if let Some(r) = ws
                            .manifests
                            .get(ws.packages[p].dir.as_str())
                            .and_then(|m| m.dependencies.get(&name))
                        {
                            entry.insert(package_path(ws, p), r.clone());
                        }
                    }
                    if name == "next" && !e.type_only {
                        fd.blockers.insert(Blocker {
                            kind: BlockerKind::Framework,
                            severity: Severity::Warning,
                            file: path.clone(),
                            line: e.line,
                            message: format!("imports {}: Next.js becomes a peer dependency", e.specifier),
                        });
                    }
                }
                Resolution::Workspace => {
                    if let Some(name) = &e.package {
                        fd.deps.entry((DependencyKind::Workspace, name.clone())).or_default();
                    }
                }
                Resolution::Internal => {
                    let Some(t) = e.to_file.map(|t| t.index()) else { continue };
                    if d.files.contains(&t) || target == Some(files[t].package.index()) {
                        continue;
                    }
                    if let Some(&o) = owner.get(&t) {
                        fd.deps.entry((DependencyKind::Planned, drafts[o].target.name.clone())).or_default();
                        continue;
                    }
                    // The same import in the other apps' copies.
                    let mut theirs: BTreeMap<usize, Option<usize>> = BTreeMap::new();
                    for (&q, &g) in &others {
                        let to = edges_of(edges, g)
                            .iter()
                            .find(|x| x.specifier == e.specifier && x.resolution == Resolution::Internal)
                            .and_then(|x| x.to_file.map(|t| t.index()));
                        theirs.insert(q, to);
                    }
                    // Identical where the other copies import it, and imported by at least one: a
                    // module only the kept app has is code the copies do not share.
                    let found: Vec<usize> = theirs.values().flatten().copied().collect();
                    let same = units.content[t].is_some()
                        && !found.is_empty()
                        && found.iter().all(|&u| units.content[u] == units.content[t]);
                    let stays =
                        code::is_route_file(&files[t].path) || code::not_code(&files[t].path).is_some();
                    let severity = if e.type_only { Severity::Warning } else { Severity::Blocker };
                    let mut block = |why: String| {
                        fd.blockers.insert(Blocker {
                            kind: BlockerKind::AppLocalImport,
                            severity,
                            file: path.clone(),
                            line: e.line,
                            message: format!("imports {} ({}), which {why}", e.specifier, files[t].path),
                        });
                    };
                    if stays {
                        block("stays in the app".into());
                    } else if same {
                        *importers.entry(t).or_default() += 1;
                        if seen.insert(t) {
                            let copies: BTreeMap<usize, usize> =
                                theirs.iter().filter_map(|(&q, &u)| u.map(|u| (q, u))).collect();
                            fd.modules
                                .push((Module { kept: t, copies: copies.values().copied().collect() }, 0));
                            work.push((t, copies));
                        }
                    } else {
                        let differing: Vec<String> = theirs
                            .iter()
                            .map(|(&q, u)| match u {
                                Some(u) => files[*u].path.clone(),
                                None => format!("none in {}", package_path(ws, q)),
                            })
                            .collect();
                        block(format!("differs between the apps: {}", differing.join(", ")));
                    }
                }
                _ => {}
            }
        }
        for name in &files[f].env {
            fd.blockers.insert(Blocker {
                kind: BlockerKind::Env,
                severity: Severity::Warning,
                file: path.clone(),
                line: 0,
                message: format!("reads process.env.{name}: the shared package must be given it"),
            });
        }
    }
    for (m, n) in &mut fd.modules {
        *n = importers.get(&m.kept).copied().unwrap_or(0);
    }
    fd
}
