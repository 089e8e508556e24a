//! Where things go: the folder of a new package, the path of each moved file inside it, and the
//! specifier one file uses to import another once both are where they end up.

use crate::workspace::{PackageKind, Workspace};
use std::collections::BTreeMap;

/// The folder for a new package named `name`: `package_dir` when given; else beside the
/// repository's libraries (their most common parent folder); else a `packages/` folder next to
/// the apps' folder.
pub fn package_folder(ws: &Workspace, name: &str, package_dir: Option<&str>) -> String {
    let short = name.rsplit('/').next().unwrap_or(name);
    let parent = match package_dir {
        Some(dir) => dir.trim_end_matches('/').to_string(),
        None => default_parent(ws),
    };
    join(&parent, short)
}

fn default_parent(ws: &Workspace) -> String {
    let mut parents: BTreeMap<String, usize> = BTreeMap::new();
    for p in ws.packages.iter().filter(|p| p.kind == PackageKind::Library) {
        *parents.entry(parent_of(&p.dir).to_string()).or_default() += 1;
    }
    if let Some((dir, _)) = parents.into_iter().max_by_key(|(d, n)| (*n, std::cmp::Reverse(d.clone()))) {
        return dir;
    }
    let mut apps: BTreeMap<String, usize> = BTreeMap::new();
    for p in ws.packages.iter().filter(|p| p.kind == PackageKind::App) {
        *apps.entry(parent_of(parent_of(&p.dir)).to_string()).or_default() += 1;
    }
    let base = apps.into_iter().max_by_key(|(d, n)| (*n, std::cmp::Reverse(d.clone()))).map(|(d, _)| d);
    join(&base.unwrap_or_default(), "packages")
}

pub fn parent_of(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(p, _)| p)
}

pub fn join(dir: &str, rest: &str) -> String {
    match (dir.is_empty(), rest.is_empty()) {
        (true, _) => rest.to_string(),
        (_, true) => dir.to_string(),
        _ => format!("{dir}/{rest}"),
    }
}

/// A file's path inside its package, without a leading `src/`.
pub fn inside_package(path: &str, package_dir: &str) -> String {
    let rel = if package_dir.is_empty() {
        path
    } else {
        path.strip_prefix(package_dir).map_or(path, |r| r.trim_start_matches('/'))
    };
    rel.strip_prefix("src/").unwrap_or(rel).to_string()
}

/// The folders every path starts with (`components/ui` for `components/ui/a.tsx` and
/// `components/ui/b.tsx`), so moved files do not repeat the theme the package is named after.
pub fn common_folder<'a>(paths: impl IntoIterator<Item = &'a str>) -> String {
    let mut common: Option<Vec<&str>> = None;
    for p in paths {
        let folders: Vec<&str> = p.split('/').collect();
        let folders = &folders[..folders.len().saturating_sub(1)];
        common = Some(match common {
            None => folders.to_vec(),
            Some(c) => c.iter().zip(folders).take_while(|(a, b)| a == b).map(|(a, _)| *a).collect(),
        });
    }
    common.unwrap_or_default().join("/")
}

/// The path of `to` as seen from the folder of `from`: `./x`, `../lib/x`.
pub fn relative_path(from: &str, to: &str) -> String {
    let from_dir: Vec<&str> = parent_of(from).split('/').filter(|s| !s.is_empty()).collect();
    let to_parts: Vec<&str> = to.split('/').filter(|s| !s.is_empty()).collect();
    let shared = from_dir.iter().zip(&to_parts).take_while(|(a, b)| a == b).count();
    let mut out: Vec<&str> = vec![".."; from_dir.len() - shared];
    out.extend(&to_parts[shared..]);
    let joined = out.join("/");
    if joined.starts_with("..") {
        joined
    } else {
        format!("./{joined}")
    }
}

/// How a specifier names a file: with its extension or not, and whether `/index` was left out.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub extension: bool,
    pub index: bool,
}

impl Style {
    /// The style of `spec`, which resolved to `target`.
    pub fn of(spec: &str, target: &str) -> Style {
        let last = spec.rsplit('/').next().unwrap_or(spec);
        let target_name = target.rsplit('/').next().unwrap_or(target);
        let target_stem = stem(target_name);
        Style {
            extension: last.contains('.') && last == target_name,
            // `./ui` for `./ui/index.tsx`.
            index: target_stem != "index" || last == "index" || last == target_name,
        }
    }

    /// `path` written in this style.
    pub fn apply(self, path: &str) -> String {
        let (dir, name) = path.rsplit_once('/').map_or(("", path), |(d, n)| (d, n));
        let written = if self.extension { name.to_string() } else { stem(name).to_string() };
        if !self.index && stem(name) == "index" {
            return dir.to_string();
        }
        join(dir, &written)
    }
}

/// A file name without its extension (`.d.ts` counts as one).
pub fn stem(name: &str) -> &str {
    if let Some(s) = name.strip_suffix(".d.ts") {
        return s;
    }
    name.rsplit_once('.').map_or(name, |(s, _)| s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths() {
        assert_eq!(relative_path("a/b/c.ts", "a/b/d.ts"), "./d.ts");
        assert_eq!(relative_path("a/b/c.ts", "a/x/d.ts"), "../x/d.ts");
        assert_eq!(relative_path("c.ts", "a/d.ts"), "./a/d.ts");
    }

    #[test]
    fn styles() {
        let s = Style::of("./ui", "src/ui/index.ts");
        assert_eq!(s.apply("lib/ui/index.ts"), "lib/ui");
        let s = Style::of("./button.tsx", "src/button.tsx");
        assert_eq!(s.apply("x/button.tsx"), "x/button.tsx");
        let s = Style::of("@/lib/utils", "src/lib/utils.ts");
        assert_eq!(s.apply("../lib/utils.ts"), "../lib/utils");
        assert_eq!(common_folder(["components/ui/a.tsx", "components/ui/b/c.tsx"]), "components/ui");
        assert_eq!(inside_package("apps/web/src/lib/x.ts", "apps/web"), "lib/x.ts");
    }
}
