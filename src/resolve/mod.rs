//! Resolve stage: each file's imports + the workspace → classified [`Edge`]s.
//!
//! Relative paths, tsconfig `paths`/`baseUrl`/`extends`, package `imports` and `exports` go
//! through `oxc_resolver`. Resolution never reads node_modules (it is usually not installed
//! when a repo is audited, and results must not depend on it): a bare specifier is a workspace
//! package when its name is one, else an external npm package. A workspace package resolves to
//! its *source*: its `exports`/`main`/`types` when they exist on disk, else the same path mapped
//! from an unbuilt `dist/`, `build/`, `out/`, `esm/`, `cjs/` or `lib/` back to `src/`, else
//! `src/index.*` or `index.*`.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::relative;
use crate::model::{FileId, FileTable};
use crate::parse::{Import, ImportKind};
use crate::workspace::Workspace;
mod fs;

use oxc_resolver::{
    ResolveError, ResolveOptions, ResolverGeneric, TsconfigDiscovery, TsconfigOptions, TsconfigReferences,
};
use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

type Resolver = ResolverGeneric<fs::WorkspaceFs>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Resolution {
    /// A file of the same package.
    Internal,
    /// A file of another workspace package.
    Workspace,
    /// An npm package (`package` names it).
    External,
    /// A Node.js built-in module.
    Builtin,
    /// A stylesheet, image, font, JSON or other non-code file.
    Asset,
    /// No file was found (`reason` says why).
    Unresolved,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edge {
    #[serde(skip)]
    pub from: FileId,
    /// The scanned file it resolves to, when there is one.
    #[serde(skip)]
    pub to_file: Option<FileId>,
    /// Resolved path relative to the root, with `/`.
    pub to: Option<String>,
    pub specifier: String,
    pub kind: ImportKind,
    pub type_only: bool,
    pub resolution: Resolution,
    /// The npm package (external, builtin) or workspace package name.
    pub package: Option<String>,
    pub reason: Option<String>,
    pub line: u32,
    pub column: u32,
    /// The imported names (see [`Import::names`]).
    #[serde(skip)]
    pub names: Vec<String>,
}

/// The reason of an import that leads outside ROOT (never an edge, never looked up).
pub const OUTSIDE_ROOT: &str = "outside-root";

/// Extensions tried for an extensionless specifier, in TypeScript's order.
const EXTENSIONS: &[&str] = &[".ts", ".tsx", ".d.ts", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs", ".json"];
/// Build-output folders that a package's entry points at before it is built.
const BUILD_DIRS: &[&str] = &["dist", "build", "out", "esm", "cjs", "lib", "es", "types", "dts", "module"];
/// Non-code imports.
const ASSET_EXTS: &[&str] = &[
    "css", "scss", "sass", "less", "styl", "pcss", "svg", "png", "jpg", "jpeg", "gif", "webp", "avif", "ico",
    "bmp", "woff", "woff2", "ttf", "otf", "eot", "mp4", "webm", "mp3", "wav", "json", "json5", "md", "mdx",
    "html", "txt", "yaml", "yml", "graphql", "gql", "wasm", "glsl", "csv",
];

fn options(tsconfig: Option<TsconfigDiscovery>) -> ResolveOptions {
    let strings = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    ResolveOptions {
        tsconfig,
        extensions: strings(EXTENSIONS),
        // TypeScript's ESM style: `./x.js` written for `./x.ts`.
        extension_alias: vec![
            (".js".into(), strings(&[".ts", ".tsx", ".d.ts", ".js", ".jsx"])),
            (".jsx".into(), strings(&[".tsx", ".jsx"])),
            (".mjs".into(), strings(&[".mts", ".d.mts", ".mjs"])),
            (".cjs".into(), strings(&[".cts", ".d.cts", ".cjs"])),
        ],
        condition_names: strings(&["types", "import", "require", "node", "browser", "default"]),
        main_fields: strings(&["source", "module", "main", "types"]),
        main_files: strings(&["index"]),
        // Never look into node_modules: bare names are classified from the manifests.
        modules: vec![],
        builtin_modules: true,
        symlinks: false,
        ..ResolveOptions::default()
    }
}

/// Resolvers share one cache; a repo with a jsconfig.json gets one per jsconfig.
struct Resolvers {
    auto: Resolver,
    plain: Resolver,
    jsconfigs: BTreeMap<String, Resolver>,
}

/// The nearest tsconfig.json or jsconfig.json of each folder decides which resolver applies.
fn nearest_config<'a>(configs: &'a BTreeSet<String>, file: &str) -> Option<&'a String> {
    let mut dir = file;
    loop {
        dir = dir.rsplit_once('/').map_or("", |(d, _)| d);
        let join = |name: &str| if dir.is_empty() { name.to_string() } else { format!("{dir}/{name}") };
        if let Some(c) = configs.get(&join("tsconfig.json")).or_else(|| configs.get(&join("jsconfig.json"))) {
            return Some(c);
        }
        if dir.is_empty() {
            return None;
        }
    }
}

pub struct ResolveOutput {
    /// In file order, each file's edges in import order.
    pub edges: Vec<Vec<Edge>>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Resolves every import of every file (`imports` indexed like `files`).
pub fn resolve_all(
    root: &Path,
    ws: &Workspace,
    files: &FileTable,
    imports: &[Vec<Import>],
    configs: &BTreeSet<String>,
) -> ResolveOutput {
    let links = ws
        .packages
        .iter()
        .filter(|p| p.manifest.name.is_some() && !p.dir.is_empty())
        .map(|p| (p.name.clone(), root.join(&p.dir)));
    let hidden = ws.broken_manifests.iter().map(|m| root.join(m)).collect();
    let empty_extends = fs::EmptyExtends::default();
    let fs = fs::WorkspaceFs::new(root, links, hidden, empty_extends.clone());
    let auto = Resolver::new_with_file_system(fs, options(Some(TsconfigDiscovery::Auto)));
    let plain = auto.clone_with_options(options(None));
    let jsconfigs = configs
        .iter()
        .filter(|c| c.ends_with("jsconfig.json"))
        .map(|c| {
            let manual = TsconfigDiscovery::Manual(TsconfigOptions {
                config_file: root.join(c),
                references: TsconfigReferences::Disabled,
            });
            (c.clone(), auto.clone_with_options(options(Some(manual))))
        })
        .collect();
    let resolvers = Resolvers { auto, plain, jsconfigs };
    let index: HashMap<&str, FileId> = files.enumerate().map(|(id, f)| (f.path.as_str(), id)).collect();
    let ctx = Ctx {
        root,
        configs,
        ws,
        index,
        bad_configs: Mutex::new(unreadable_configs(root, configs)),
        shadowing: Mutex::new(BTreeMap::new()),
    };
    // A panic on one file (a bug) leaves its imports out and names it; the others go on.
    let per_file: Vec<Result<Vec<Edge>, Diagnostic>> = files
        .as_slice()
        .par_iter()
        .zip(imports)
        .enumerate()
        .map(|(id, (file, imports))| {
            let path = file.path.as_str();
            crate::guard::file("resolve", path, "its imports are left out", || {
                let resolver = match nearest_config(configs, path) {
                    Some(c) if c.ends_with("jsconfig.json") => &resolvers.jsconfigs[c],
                    _ => &resolvers.auto,
                };
                imports
                    .iter()
                    .map(|imp| ctx.resolve(resolver, &resolvers.plain, FileId::from(id), path, imp))
                    .collect()
            })
        })
        .collect();
    let mut crashed = Vec::new();
    let edges: Vec<Vec<Edge>> = per_file
        .into_iter()
        .map(|r| {
            r.unwrap_or_else(|d| {
                crashed.push(d);
                Vec::new()
            })
        })
        .collect();
    let mut diagnostics: Vec<Diagnostic> =
        ctx.bad_configs.into_inner().unwrap_or_else(|e| e.into_inner()).into_values().collect();
    diagnostics.extend(crashed);
    diagnostics.extend(ctx.shadowing.into_inner().unwrap_or_else(|e| e.into_inner()).into_values());
    let empty = empty_extends.lock().map(|mut s| std::mem::take(&mut *s)).unwrap_or_default();
    for path in empty {
        diagnostics.push(
            Diagnostic::warning(
                Code::BadTsconfig,
                relative(root, &path),
                "`extends` is empty: ignored (the rest of this tsconfig applies)",
            )
            .at(line_of(&path, "\"extends\""), 0),
        );
    }
    ResolveOutput { edges, diagnostics }
}

struct Ctx<'a> {
    root: &'a Path,
    configs: &'a BTreeSet<String>,
    ws: &'a Workspace,
    index: HashMap<&'a str, FileId>,
    /// A broken tsconfig is reported once, by path.
    bad_configs: Mutex<BTreeMap<String, Diagnostic>>,
    /// `paths` aliases that shadow a workspace package, by (tsconfig, key).
    shadowing: Mutex<BTreeMap<(String, String), Diagnostic>>,
}

/// How one specifier turned out, before it becomes an edge.
enum Outcome {
    File(PathBuf),
    Builtin(String),
    External(String),
    Unresolved(String),
}

fn is_relative(spec: &str) -> bool {
    spec == "." || spec == ".." || spec.starts_with("./") || spec.starts_with("../") || spec.starts_with('/')
}

/// `@scope/name/sub` → (`@scope/name`, `./sub`); `name` → (`name`, `.`).
pub fn split_package(spec: &str) -> Option<(&str, String)> {
    let mut parts = spec.splitn(3, '/');
    let first = parts.next()?;
    let name_len = if first.starts_with('@') {
        let second = parts.next().filter(|s| !s.is_empty())?;
        first.len() + 1 + second.len()
    } else {
        first.len()
    };
    if first.is_empty() || first == "@" {
        return None;
    }
    let name = &spec[..name_len];
    let rest = &spec[name_len..];
    let subpath = if rest.is_empty() { ".".to_string() } else { format!(".{rest}") };
    Some((name, subpath))
}

/// A plausible npm package name (so `@/x`, `~/x` and `#x` are never taken for one).
fn is_npm_name(name: &str) -> bool {
    let bare = name.strip_prefix('@').map_or(name, |n| n.split('/').nth(1).unwrap_or(""));
    let scope_ok = !name.starts_with('@') || name.split('/').next().is_some_and(|s| s.len() > 1);
    scope_ok
        && !bare.is_empty()
        && !bare.starts_with(['.', '_'])
        && name.chars().all(|c| c.is_ascii_alphanumeric() || "-_.@/~".contains(c))
        && !name.starts_with('~')
}

fn extension(spec: &str) -> Option<&str> {
    let clean = spec.split(['?', '#']).next().unwrap_or(spec);
    let name = clean.rsplit('/').next().unwrap_or(clean);
    name.rsplit_once('.').map(|(_, e)| e)
}

fn is_asset(spec: &str) -> bool {
    extension(spec).is_some_and(|e| ASSET_EXTS.contains(&e.to_ascii_lowercase().as_str()))
}

/// The tsconfig and jsconfig files that cannot be read (unreadable, not a regular file, too
/// large), each a diagnostic: the resolver's discovery passes over them without a word.
fn unreadable_configs(root: &Path, configs: &BTreeSet<String>) -> BTreeMap<String, Diagnostic> {
    configs
        .par_iter()
        .filter_map(|c| {
            let err = crate::files::read(&root.join(c), crate::files::MAX_CONFIG_BYTES).err()?;
            let code = match err {
                crate::files::ReadError::NotRegular(_) => Code::SpecialFile,
                _ => Code::BadTsconfig,
            };
            let message = format!("cannot read: {err}; files under it are resolved without it");
            Some((c.clone(), Diagnostic::error(code, c.as_str(), message)))
        })
        .collect()
}

/// 1-based line of the first line containing `needle`, 0 when absent or unreadable.
fn line_of(file: &Path, needle: &str) -> u32 {
    crate::files::read_text(file, crate::files::MAX_CONFIG_BYTES)
        .ok()
        .and_then(|t| crate::lines::split_lines(&t).position(|l| l.contains(needle)))
        .map_or(0, |i| i as u32 + 1)
}

impl Ctx<'_> {
    fn config_of(&self, path: &str) -> Option<&String> {
        nearest_config(self.configs, path)
    }

    fn resolve(&self, resolver: &Resolver, plain: &Resolver, from: FileId, path: &str, imp: &Import) -> Edge {
        let outcome = if imp.literal {
            self.outcome(resolver, plain, path, &imp.specifier)
        } else {
            Outcome::Unresolved("dynamic import with a non-literal argument".into())
        };
        let mut edge = Edge {
            from,
            to_file: None,
            to: None,
            specifier: imp.specifier.clone(),
            kind: imp.kind,
            type_only: imp.type_only,
            resolution: Resolution::Unresolved,
            package: None,
            reason: None,
            line: imp.line,
            column: imp.column,
            names: imp.names.clone(),
        };
        // The file system refuses every path outside ROOT; this guard keeps it that way.
        let outcome = match outcome {
            Outcome::File(abs) if !abs.starts_with(self.root) => Outcome::Unresolved(OUTSIDE_ROOT.into()),
            o => o,
        };
        match outcome {
            Outcome::File(abs) => {
                let rel = relative(self.root, &abs);
                edge.to_file = self.index.get(rel.as_str()).copied();
                let owner = self.ws.owner(&rel);
                edge.resolution = if is_asset(&rel)
                    || (edge.to_file.is_none() && crate::parse::Lang::from_path(&rel).is_none())
                {
                    Resolution::Asset
                } else if owner == self.ws.owner(path) {
                    Resolution::Internal
                } else {
                    edge.package = Some(self.ws.package(owner).name.clone());
                    Resolution::Workspace
                };
                edge.to = Some(rel);
            }
            Outcome::Builtin(name) => {
                edge.resolution = Resolution::Builtin;
                edge.package = Some(name);
            }
            Outcome::External(name) => {
                edge.resolution = Resolution::External;
                edge.package = Some(name);
            }
            Outcome::Unresolved(reason) => {
                if is_asset(&imp.specifier) && imp.literal {
                    // `./styles.module.css` handled by a bundler plugin, a generated asset...
                    edge.resolution = Resolution::Asset;
                } else {
                    edge.reason = Some(reason);
                }
            }
        }
        edge
    }

    fn outcome(&self, resolver: &Resolver, plain: &Resolver, path: &str, spec: &str) -> Outcome {
        let abs = self.root.join(path);
        // A path that leaves ROOT is not looked up at all: the answer must not depend on which
        // host files exist (see crate::confine).
        let target = is_relative(spec).then(|| {
            let clean = spec.split(['?', '#']).next().unwrap_or(spec);
            match abs.parent() {
                Some(dir) if !clean.starts_with('/') => dir.join(clean),
                _ => PathBuf::from(clean),
            }
        });
        if target.as_deref().is_some_and(|t| !crate::confine::lexically_inside(self.root, t)) {
            return Outcome::Unresolved(OUTSIDE_ROOT.into());
        }
        let first = match resolver.resolve_file(&abs, spec) {
            Err(e) if is_config_error(&e) => {
                self.report_config(&e, self.config_of(path));
                plain.resolve_file(&abs, spec)
            }
            r => r,
        };
        match first {
            Ok(r) => {
                let file = r.into_path_buf();
                self.check_shadowing(resolver, &abs, spec, &file);
                return Outcome::File(file);
            }
            Err(ResolveError::Builtin { resolved, .. }) => {
                return Outcome::Builtin(resolved.trim_start_matches("node:").to_string())
            }
            Err(_) => {}
        }
        if let Some(target) = target {
            // `./lnk/passwd` with `lnk -> /etc`: the fence made it missing; say why.
            if crate::confine::resolve(self.root, &crate::confine::normalize(&target))
                == crate::confine::Place::Outside
            {
                return Outcome::Unresolved(OUTSIDE_ROOT.into());
            }
            return Outcome::Unresolved("no such file".into());
        }
        if spec.starts_with('#') {
            return Outcome::Unresolved("not in the package.json `imports` of its package".into());
        }
        // A `paths` entry whose target does not exist: TypeScript then resolves the specifier as
        // if there were no mapping, so a workspace package (or a declared npm package) of that
        // name still answers it.
        let unmapped = self
            .paths_key(resolver, &abs, spec)
            .map(|key| Outcome::Unresolved(format!("matches tsconfig paths `{key}` but no file exists")));
        let Some((name, subpath)) = split_package(spec) else {
            return unmapped.unwrap_or_else(|| Outcome::Unresolved("not a valid module specifier".into()));
        };
        if let Some(unmapped) = unmapped {
            if self.ws.by_name(name).is_none() && !(is_npm_name(name) && self.ws.declares(path, name)) {
                return unmapped;
            }
        }
        if let Some(pkg) = self.ws.by_name(name) {
            return match self.resolve_in_package(plain, pkg, name, &subpath) {
                Some(p) => Outcome::File(p),
                None => {
                    let exports = self.ws.packages[pkg].manifest.exports.as_ref();
                    let target = exports.and_then(|e| export_targets(e, &subpath).into_iter().next());
                    Outcome::Unresolved(match target {
                        // Typically generated code (codegen output, a build step) not in the tree.
                        Some(t) => format!(
                            "workspace package `{name}` exports `{subpath}` as {t}, which exists neither built nor as source"
                        ),
                        None => format!("workspace package `{name}` has no source file for `{subpath}`"),
                    })
                }
            };
        }
        if is_npm_name(name) {
            Outcome::External(name.to_string())
        } else {
            Outcome::Unresolved("neither a file, a workspace package nor an npm package name".into())
        }
    }

    /// The tsconfig `paths` key that `spec` matches, if any: an exact key, else the pattern with
    /// the longest prefix, as TypeScript picks it.
    fn paths_key(&self, resolver: &Resolver, abs: &Path, spec: &str) -> Option<String> {
        let tsconfig = resolver.find_tsconfig(abs).ok()??;
        paths_match(tsconfig.compiler_options.paths.as_ref()?.keys(), spec).map(str::to_string)
    }

    /// Warns, once per tsconfig and key, when a `paths` alias named like a workspace package
    /// sends its import to a file outside that package: the alias shadows the package, so the
    /// app keeps a local copy where the manifest says it uses the shared one.
    fn check_shadowing(&self, resolver: &Resolver, abs: &Path, spec: &str, file: &Path) {
        if is_relative(spec) || spec.starts_with('#') {
            return;
        }
        let Some(pkg) = split_package(spec).and_then(|(name, _)| self.ws.by_name(name)) else { return };
        let package = &self.ws.packages[pkg];
        let target = relative(self.root, file);
        if target.strip_prefix(package.dir.as_str()).is_some_and(|rest| rest.starts_with('/')) {
            return;
        }
        let Some(tsconfig) = resolver.find_tsconfig(abs).ok().flatten() else { return };
        let Some(key) = tsconfig.compiler_options.paths.as_ref().and_then(|p| paths_match(p.keys(), spec))
        else {
            return;
        };
        let config = relative(self.root, &tsconfig.path);
        if let Ok(mut seen) = self.shadowing.lock() {
            seen.entry((config.clone(), key.to_string())).or_insert_with(|| {
                let line = line_of(&tsconfig.path, &format!("\"{key}\""));
                Diagnostic::warning(
                    Code::AliasShadowsPackage,
                    config,
                    format!(
                        "tsconfig paths alias `{key}` resolves `{spec}` to {target}, shadowing workspace package `{}` ({})",
                        package.name, package.dir
                    ),
                )
                .at(line, 0)
            });
        }
    }

    /// Reports a tsconfig problem once, on the tsconfig itself. `config` is the importing
    /// file's nearest tsconfig, named when the error does not say which file failed.
    fn report_config(&self, err: &ResolveError, config: Option<&String>) {
        let json = |j: &oxc_resolver::JSONError| {
            // oxc repeats the position in the message; the diagnostic carries it already.
            let msg = j.message.split(" at line ").next().unwrap_or(&j.message);
            (relative(self.root, &j.path), j.line as u32, j.column as u32, format!("invalid JSONC: {msg}"))
        };
        let (file, line, col, message) = match err {
            ResolveError::Json(j) => json(j),
            ResolveError::TsconfigLoadFailed { source, path } => match &**source {
                ResolveError::Json(j) => json(j),
                other => (relative(self.root, path), 0, 0, other.to_string()),
            },
            ResolveError::TsconfigCircularExtend(paths) => {
                let names: Vec<String> = paths.paths().iter().map(|p| relative(self.root, p)).collect();
                let file = names.first().cloned().unwrap_or_default();
                let line = line_of(&self.root.join(&file), "\"extends\"");
                (file, line, 0, format!("circular `extends`: {}", names.join(" → ")))
            }
            ResolveError::TsconfigNotFound(target)
                if target.has_root()
                    && crate::confine::resolve(self.root, &crate::confine::normalize(target))
                        == crate::confine::Place::Outside =>
            {
                // The same words whether the target exists or not.
                let file = config.cloned().unwrap_or_default();
                let line = line_of(&self.root.join(&file), "\"extends\"");
                let message = format!("`extends` target {} is outside the root: not read", target.display());
                let message = format!("{message}; files under it are resolved without it");
                if let Ok(mut bad) = self.bad_configs.lock() {
                    bad.entry(file.clone())
                        .or_insert_with(|| Diagnostic::error(Code::OutsideRoot, file, message).at(line, 0));
                }
                return;
            }
            ResolveError::TsconfigNotFound(target) => {
                let file = config.cloned().unwrap_or_default();
                let line = line_of(&self.root.join(&file), "\"extends\"");
                (file, line, 0, format!("`extends` target {} not found", target.display()))
            }
            other => (config.cloned().unwrap_or_default(), 0, 0, other.to_string()),
        };
        let message = format!("{message}; files under it are resolved without it");
        if let Ok(mut bad) = self.bad_configs.lock() {
            bad.entry(file.clone())
                .or_insert_with(|| Diagnostic::error(Code::BadTsconfig, file, message).at(line, col));
        }
    }

    /// A workspace package's source file for `subpath` (`.` or `./x`).
    fn resolve_in_package(&self, plain: &Resolver, pkg: usize, name: &str, subpath: &str) -> Option<PathBuf> {
        let package = &self.ws.packages[pkg];
        let dir = self.root.join(&package.dir);
        let manifest = &package.manifest;
        if let Some(exports) = &manifest.exports {
            // The package importing itself by name applies its `exports` with conditions.
            let spec = if subpath == "." { name.to_string() } else { format!("{name}{}", &subpath[1..]) };
            if let Ok(r) = plain.resolve(&dir, &spec) {
                return Some(r.into_path_buf());
            }
            // Targets that are not built yet: map them back to source.
            let targets = export_targets(exports, subpath);
            if !targets.is_empty() {
                return targets.iter().find_map(|t| self.probe(plain, &dir, t));
            }
            // Not exported: Node would refuse it, but the file is there and the graph reports
            // the import as a deep import rather than losing the edge.
            if subpath == "." {
                return None;
            }
        }
        let mut candidates: Vec<String> = Vec::new();
        if subpath == "." && manifest.exports.is_none() {
            for field in
                [&manifest.source, &manifest.module, &manifest.main, &manifest.types].into_iter().flatten()
            {
                candidates.push(field.clone());
            }
            candidates.extend(["src/index".to_string(), "index".to_string()]);
        } else {
            candidates.push(subpath.to_string());
            candidates.push(format!("./src/{}", &subpath[2..]));
        }
        candidates.iter().find_map(|c| self.probe(plain, &dir, c))
    }

    /// Resolves `target` inside `dir`, then its source twin when it points at build output.
    fn probe(&self, plain: &Resolver, dir: &Path, target: &str) -> Option<PathBuf> {
        let target = target.trim_start_matches("./");
        let resolve = |t: &str| plain.resolve(dir, &format!("./{t}")).ok().map(|r| r.into_path_buf());
        if let Some(p) = resolve(target).filter(|p| !is_declaration(p) || source_twin(target).is_none()) {
            return Some(p);
        }
        source_twin(target).into_iter().flatten().find_map(|t| resolve(&t)).or_else(|| resolve(target))
    }
}

/// The `paths` key TypeScript applies to `spec`: an exact key, else the `prefix*suffix` pattern
/// with the longest prefix.
fn paths_match<'k>(keys: impl Iterator<Item = &'k String>, spec: &str) -> Option<&'k str> {
    let mut best: Option<(usize, &str)> = None;
    for key in keys {
        match key.split_once('*') {
            None if spec == key.as_str() => return Some(key),
            None => {}
            Some((pre, post)) => {
                let fits =
                    spec.len() >= pre.len() + post.len() && spec.starts_with(pre) && spec.ends_with(post);
                if fits && best.is_none_or(|(len, _)| pre.len() > len) {
                    best = Some((pre.len(), key));
                }
            }
        }
    }
    best.map(|(_, key)| key)
}

fn is_declaration(p: &Path) -> bool {
    let name = p.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    name.ends_with(".d.ts") || name.ends_with(".d.mts") || name.ends_with(".d.cts")
}

/// `dist/esm/button.mjs` → [`src/button`, `button`]: where the source of a build output lives.
fn source_twin(target: &str) -> Option<Vec<String>> {
    let mut segments: Vec<&str> = target.split('/').collect();
    let mut stripped = 0;
    while segments.len() > 1 && BUILD_DIRS.contains(&segments[0]) {
        segments.remove(0);
        stripped += 1;
    }
    let last = segments.last_mut()?;
    let stem = [".d.ts", ".d.mts", ".d.cts", ".js", ".mjs", ".cjs", ".jsx"]
        .iter()
        .find_map(|ext| last.strip_suffix(ext));
    if stripped == 0 && stem.is_none() {
        return None;
    }
    if let Some(stem) = stem {
        *last = stem;
    }
    let rest = segments.join("/");
    Some(vec![format!("src/{rest}"), rest])
}

/// Whether `exports` lists `subpath` (exactly or through a `*` pattern).
pub fn is_exported(exports: &Value, subpath: &str) -> bool {
    !export_targets(exports, subpath).is_empty()
}

/// Every target string `exports` gives `subpath`, in the order written (all conditions).
fn export_targets(exports: &Value, subpath: &str) -> Vec<String> {
    let is_subpath_map = exports.as_object().is_some_and(|o| o.keys().any(|k| k.starts_with('.')));
    let (entry, star) = if is_subpath_map {
        let map = exports.as_object().expect("checked above");
        match map.get(subpath) {
            Some(v) => (v, None),
            None => {
                // The longest `./prefix*suffix` pattern that matches.
                let best = map
                    .iter()
                    .filter_map(|(k, v)| {
                        let (pre, post) = k.split_once('*')?;
                        let mid = subpath.strip_prefix(pre)?.strip_suffix(post)?;
                        Some((pre.len(), v, mid.to_string()))
                    })
                    .max_by_key(|(len, _, _)| *len);
                match best {
                    Some((_, v, mid)) => (v, Some(mid)),
                    None => return Vec::new(),
                }
            }
        }
    } else if subpath == "." {
        (exports, None)
    } else {
        return Vec::new();
    };
    let mut out = Vec::new();
    collect_strings(entry, &mut out);
    if let Some(mid) = star {
        for t in &mut out {
            *t = t.replace('*', &mid);
        }
    }
    out
}

fn collect_strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| collect_strings(x, out)),
        Value::Object(o) => o.values().for_each(|x| collect_strings(x, out)),
        _ => {}
    }
}

fn is_config_error(e: &ResolveError) -> bool {
    matches!(
        e,
        ResolveError::TsconfigLoadFailed { .. }
            | ResolveError::TsconfigCircularExtend(_)
            | ResolveError::Json(_)
            | ResolveError::TsconfigNotFound(_)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn package_names() {
        assert_eq!(split_package("@acme/ui/button"), Some(("@acme/ui", "./button".to_string())));
        assert_eq!(split_package("react"), Some(("react", ".".to_string())));
        assert_eq!(split_package("next/link"), Some(("next", "./link".to_string())));
        assert!(is_npm_name("@acme/ui") && is_npm_name("lodash.debounce"));
        assert!(!is_npm_name("@/components") && !is_npm_name("~/lib"));
    }

    #[test]
    fn build_output_maps_to_source() {
        assert_eq!(
            source_twin("./dist/index.d.ts".trim_start_matches("./")),
            Some(vec!["src/index".into(), "index".into()])
        );
        assert_eq!(
            source_twin("dist/esm/icons/star.js"),
            Some(vec!["src/icons/star".into(), "icons/star".into()])
        );
        assert_eq!(source_twin("src/index.ts"), None);
    }

    #[test]
    fn exports_targets_with_conditions_and_patterns() {
        let e = json!({".": {"types": "./dist/index.d.ts", "import": "./dist/index.mjs"}, "./icons/*": "./dist/icons/*.js"});
        assert_eq!(export_targets(&e, "."), vec!["./dist/index.d.ts", "./dist/index.mjs"]);
        assert_eq!(export_targets(&e, "./icons/star"), vec!["./dist/icons/star.js"]);
        assert!(export_targets(&e, "./nope").is_empty());
        assert_eq!(export_targets(&json!("./src/index.ts"), "."), vec!["./src/index.ts"]);
    }
}
