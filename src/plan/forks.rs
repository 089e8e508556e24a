//! Forks: pairs of apps where one is mostly a copy of the other. A file of one app has a
//! counterpart in the other when a file there has the same tokens (identical), or when the file
//! at the same path inside the other app is near-identical (same code for at least the
//! similarity threshold of the longer file's tokens, from a token diff). A pair is a fork when
//! the lines of the identical files reach `fork_share` of either app's lines and the copies include the
//! screens: at least half of that app's route files (apps that only copied helpers and
//! components are not forks; an app without route files needs 0.8 of its lines). Forks that share an app
//! form a family; code whose copies all lie inside one family belongs to the fork, not to items.

use super::code::{is_framework_config, is_route_file};
use super::groups::Sets;
use super::units::{code_key, Units};
use super::{package_path, ConfigPreset, Fork, PlanInput};
use crate::model::FileId;
use crate::workspace::PackageKind;
use std::collections::{BTreeMap, BTreeSet};

pub struct ForkPair {
    pub app: usize,
    pub of: usize,
    pub identical: usize,
    pub near: usize,
    pub files: usize,
    pub shared_lines: u64,
    pub share: f64,
}

pub struct Forks {
    pub pairs: Vec<ForkPair>,
    /// Per package, its family's root (packages in no fork are alone).
    family: Vec<u32>,
}

impl Forks {
    /// Whether all these packages are apps of one fork family.
    pub fn same_family(&self, packages: &[usize]) -> bool {
        let first = self.family[packages[0]];
        self.pairs.iter().any(|p| self.family[p.app] == first)
            && packages.iter().all(|&p| self.family[p] == first)
    }

    pub fn report(&self, input: &PlanInput) -> Vec<Fork> {
        let ws = input.ws;
        self.pairs
            .iter()
            .map(|p| {
                let extra = p.files - p.identical - p.near;
                let recommendation = if extra * 5 <= p.files {
                    format!(
                        "{} adds {extra} of {} files to {}: make it a configuration of {} (one app, two builds)",
                        package_path(ws, p.app),
                        p.files,
                        package_path(ws, p.of),
                        package_path(ws, p.of)
                    )
                } else {
                    format!(
                        "move the {} files {} and {} share into one package both depend on",
                        p.identical + p.near,
                        package_path(ws, p.app),
                        package_path(ws, p.of)
                    )
                };
                Fork {
                    app: package_path(ws, p.app),
                    of: package_path(ws, p.of),
                    app_name: ws.packages[p.app].name.clone(),
                    of_name: ws.packages[p.of].name.clone(),
                    identical_files: p.identical,
                    near_files: p.near,
                    files: p.files,
                    shared_lines: p.shared_lines,
                    extra_files: extra,
                    share: p.share,
                    savings_lines: p.shared_lines as i64,
                    recommendation,
                }
            })
            .collect()
    }
}

/// A file's path inside its package.
fn relative<'a>(path: &'a str, dir: &str) -> &'a str {
    if dir.is_empty() {
        path
    } else {
        path.strip_prefix(dir).and_then(|r| r.strip_prefix('/')).unwrap_or(path)
    }
}

/// Share of the longer token stream that a diff finds equal (identifiers may differ).
pub fn near_similarity(a: &[crate::tokens::Tok], b: &[crate::tokens::Tok], threshold: f64) -> f64 {
    let (la, lb) = (a.len(), b.len());
    let longer = la.max(lb) as f64;
    if la == 0 || lb == 0 || (la.min(lb) as f64) < threshold * longer {
        return 0.0;
    }
    let ka: Vec<u64> = a.iter().map(|&t| code_key(t)).collect();
    let kb: Vec<u64> = b.iter().map(|&t| code_key(t)).collect();
    // Bag intersection bounds what the diff can find; skip the diff when it cannot reach.
    let (mut sa, mut sb) = (ka.clone(), kb.clone());
    sa.sort_unstable();
    sb.sort_unstable();
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < sa.len() && j < sb.len() {
        match sa[i].cmp(&sb[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    if (common as f64) < threshold * longer {
        return 0.0;
    }
    let equal: usize = similar::capture_diff_slices(similar::Algorithm::Myers, &ka, &kb)
        .iter()
        .map(|op| match *op {
            similar::DiffOp::Equal { len, .. } => len,
            _ => 0,
        })
        .sum();
    equal as f64 / longer
}

struct AppFiles<'a> {
    files: Vec<usize>,
    lines: u64,
    by_path: BTreeMap<&'a str, usize>,
    contents: BTreeSet<u64>,
}

pub fn find(input: &PlanInput, units: &Units) -> Forks {
    let ws = input.ws;
    let mut apps: BTreeMap<usize, AppFiles> = BTreeMap::new();
    for (f, file) in input.files.iter().enumerate() {
        if ws.package(file.package).kind != PackageKind::App {
            continue;
        }
        let a = apps.entry(file.package.index()).or_insert_with(|| AppFiles {
            files: Vec::new(),
            lines: 0,
            by_path: BTreeMap::new(),
            contents: BTreeSet::new(),
        });
        a.files.push(f);
        a.lines += u64::from(file.lines);
        a.by_path.insert(relative(&file.path, &ws.package(file.package).dir), f);
        if let Some(h) = units.content[f] {
            a.contents.insert(h);
        }
    }
    let threshold = input.settings.similarity;
    // Counterparts of `a`'s files in `b`: (identical, near, their lines, (routes, copied
    // routes), lines of the identical ones).
    // Near files are looked for only with `near` (pairs whose identical files already make a
    // fork candidate): the token diff is the costly part.
    let matches =
        |a: &AppFiles, b: &AppFiles, dir: &str, near_too: bool| -> (usize, usize, u64, (usize, usize), u64) {
            let (mut identical, mut near, mut lines, mut routes, mut same) = (0, 0, 0u64, (0, 0), 0u64);
            for &f in &a.files {
                let file = &input.files[FileId::from(f)];
                let route = is_route_file(&file.path);
                routes.0 += usize::from(route);
                let copied = if units.content[f].is_some_and(|h| b.contents.contains(&h)) {
                    identical += 1;
                    same += u64::from(file.lines);
                    true
                } else if let Some(&g) = b.by_path.get(relative(&file.path, dir)).filter(|_| near_too) {
                    let n = near_similarity(
                        input.files.tokens(FileId::from(f)),
                        input.files.tokens(FileId::from(g)),
                        threshold,
                    ) >= threshold;
                    near += usize::from(n);
                    n
                } else {
                    false
                };
                if copied {
                    lines += u64::from(file.lines);
                    routes.1 += usize::from(route);
                }
            }
            (identical, near, lines, routes, same)
        };
    let screens = |m: &(usize, usize, u64, (usize, usize), u64), share: f64| {
        let (routes, copied) = m.3;
        if routes == 0 {
            share >= 0.8
        } else {
            copied * 2 >= routes
        }
    };
    let keys: Vec<usize> = apps.keys().copied().collect();
    let mut pairs = Vec::new();
    for (i, &x) in keys.iter().enumerate() {
        for &y in &keys[i + 1..] {
            let (ax, ay) = (&apps[&x], &apps[&y]);
            if ax.lines == 0 || ay.lines == 0 {
                continue;
            }
            // The share counts identical files only: apps that copied helpers and then edited
            // them are copies to extract, not forks.
            let (ix, iy) =
                (matches(ax, ay, &ws.packages[x].dir, false), matches(ay, ax, &ws.packages[y].dir, false));
            if (ix.4 as f64 / ax.lines as f64).max(iy.4 as f64 / ay.lines as f64) < input.settings.fork_share
            {
                continue;
            }
            let mx = matches(ax, ay, &ws.packages[x].dir, true);
            let my = matches(ay, ax, &ws.packages[y].dir, true);
            let share_x = mx.4 as f64 / ax.lines as f64;
            let share_y = my.4 as f64 / ay.lines as f64;
            let share = share_x.max(share_y);
            let copied_side = if share_x >= share_y { (&mx, share_x) } else { (&my, share_y) };
            if mx.0 + mx.1 < 2 || !screens(copied_side.0, copied_side.1) {
                continue;
            }
            // The fork is the app with more files of its own.
            let extra_x = ax.files.len() - mx.0 - mx.1;
            let extra_y = ay.files.len() - my.0 - my.1;
            let x_is_fork = (extra_x, ax.files.len(), package_path(ws, x))
                > (extra_y, ay.files.len(), package_path(ws, y));
            let (app, of, m, files) =
                if x_is_fork { (x, y, mx, ax.files.len()) } else { (y, x, my, ay.files.len()) };
            pairs.push(ForkPair {
                app,
                of,
                identical: m.0,
                near: m.1,
                files,
                shared_lines: m.2,
                share: (share * 1000.0).floor() / 1000.0,
            });
        }
    }
    pairs.sort_by(|a, b| b.shared_lines.cmp(&a.shared_lines).then((a.app, a.of).cmp(&(b.app, b.of))));
    let mut sets = Sets::new(ws.packages.len());
    for p in &pairs {
        sets.union(p.app as u32, p.of as u32);
    }
    let family = (0..ws.packages.len() as u32).map(|p| sets.find(p)).collect();
    Forks { pairs, family }
}

/// Framework configuration files identical (same tokens, same file name) in two or more
/// packages.
pub fn config_presets(input: &PlanInput, units: &Units) -> Vec<ConfigPreset> {
    let mut by: BTreeMap<(&str, u64), Vec<usize>> = BTreeMap::new();
    for (f, file) in input.files.iter().enumerate() {
        if let (true, Some(h)) = (is_framework_config(&file.path), units.content[f]) {
            let name = file.path.rsplit('/').next().unwrap_or(&file.path);
            by.entry((name, h)).or_default().push(f);
        }
    }
    let mut out: Vec<ConfigPreset> = by
        .into_iter()
        .filter_map(|((name, _), fs)| {
            let packages: BTreeSet<String> =
                fs.iter().map(|&f| package_path(input.ws, input.files[FileId::from(f)].package)).collect();
            (packages.len() > 1).then(|| ConfigPreset {
                file_name: name.to_string(),
                packages: packages.into_iter().collect(),
                files: fs.iter().map(|&f| input.files[FileId::from(f)].path.clone()).collect(),
                lines: input.files[FileId::from(fs[0])].lines,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        (b.packages.len(), &a.file_name, &a.files).cmp(&(a.packages.len(), &b.file_name, &b.files))
    });
    out
}
