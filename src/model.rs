//! The data every stage shares, so that no stage reaches into another for its types: the ids of
//! files and packages, the language of a file, the scanned file table ([`FileTable`] of
//! [`SourceFile`], indexed by [`FileId`]), line ranges ([`lines`]) and what copied code is about
//! ([`Concern`], which the config names and the planner infers).

pub mod lines;

use serde::Serialize;
use std::path::Path;

/// The language of a file, from its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Js,
    Jsx,
    Ts,
    Tsx,
    /// A declaration file (`.d.ts`, `.d.mts`, `.d.cts`): used for the graph only.
    Dts,
}

impl Lang {
    pub fn from_path(path: &str) -> Option<Lang> {
        let name = path.rsplit('/').next().unwrap_or(path);
        let ext = name.rsplit_once('.')?.1;
        Some(match ext {
            "js" | "mjs" | "cjs" => Lang::Js,
            "jsx" => Lang::Jsx,
            "tsx" => Lang::Tsx,
            "ts" | "mts" | "cts" => {
                let stem = &name[..name.len() - ext.len() - 1];
                if stem.ends_with(".d") {
                    Lang::Dts
                } else {
                    Lang::Ts
                }
            }
            _ => return None,
        })
    }

    /// Whether swc reads JSX in this language (`<a>` in a `.ts` file is a type assertion).
    pub fn jsx(self) -> bool {
        matches!(self, Lang::Js | Lang::Jsx | Lang::Tsx)
    }
}

/// A scanned file: its index in the [`FileTable`] (files sorted by path).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct FileId(pub u32);

impl FileId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl From<usize> for FileId {
    /// Ids are made only for files in a table, and a table holds fewer than 2³² files.
    fn from(i: usize) -> FileId {
        FileId(i as u32)
    }
}

/// A workspace package: its index in [`crate::workspace::Workspace::packages`] (sorted by folder,
/// the root first) and in the report's packages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct PackageId(pub u32);

impl PackageId {
    /// The root package, which owns every file no other package holds.
    pub const ROOT: PackageId = PackageId(0);

    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl From<usize> for PackageId {
    fn from(i: usize) -> PackageId {
        PackageId(i as u32)
    }
}

/// The package owning `path`: the deepest folder holding it that `package_at` names a package,
/// else the root. The one definition of ownership, for the workspace and the report alike.
pub fn owner(path: &str, package_at: impl Fn(&str) -> Option<PackageId>) -> PackageId {
    let mut dir = path;
    loop {
        dir = dir.rsplit_once('/').map_or("", |(d, _)| d);
        if let Some(p) = package_at(dir) {
            return p;
        }
        if dir.is_empty() {
            return PackageId::ROOT;
        }
    }
}

/// One scanned file.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: String,
    pub lang: Lang,
    pub package: PackageId,
    pub lines: u32,
    pub code_lines: u32,
    pub parse_failed: bool,
    /// Top-level declarations.
    pub units: Vec<crate::units::Unit>,
    /// `process.env` names read.
    pub env: Vec<String>,
}

/// What clone detection and the planner read of a file: its normalized tokens and the byte
/// offset where each line starts.
#[derive(Debug, Clone, Default)]
pub struct FileTokens {
    pub tokens: Vec<crate::tokens::Tok>,
    pub line_starts: Vec<u32>,
}

/// The scanned files, indexed by [`FileId`], and their tokens while a stage still needs them.
#[derive(Debug, Clone, Default)]
pub struct FileTable {
    files: Vec<SourceFile>,
    /// Empty, or one per file (kept only when clones are detected).
    tokens: Vec<FileTokens>,
}

impl FileTable {
    /// `tokens` is empty or holds one entry per file, in the same order.
    pub fn new(files: Vec<SourceFile>, tokens: Vec<FileTokens>) -> FileTable {
        debug_assert!(tokens.is_empty() || tokens.len() == files.len());
        FileTable { files, tokens }
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, SourceFile> {
        self.files.iter()
    }

    /// Every file with its id, in id order.
    pub fn enumerate(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files.iter().enumerate().map(|(i, f)| (FileId::from(i), f))
    }

    pub fn as_slice(&self) -> &[SourceFile] {
        &self.files
    }

    /// The file's normalized tokens (none when they were not kept).
    pub fn tokens(&self, id: FileId) -> &[crate::tokens::Tok] {
        self.tokens.get(id.index()).map_or(&[], |t| &t.tokens)
    }

    /// Byte offsets of the file's line starts (none when tokens were not kept).
    pub fn line_starts(&self, id: FileId) -> &[u32] {
        self.tokens.get(id.index()).map_or(&[], |t| &t.line_starts)
    }

    /// Frees the tokens once no stage reads them (they are most of a scan's memory).
    pub fn drop_tokens(&mut self) {
        self.tokens = Vec::new();
    }
}

impl std::ops::Index<FileId> for FileTable {
    type Output = SourceFile;
    fn index(&self, id: FileId) -> &SourceFile {
        &self.files[id.index()]
    }
}

impl<'a> IntoIterator for &'a FileTable {
    type Item = &'a SourceFile;
    type IntoIter = std::slice::Iter<'a, SourceFile>;
    fn into_iter(self) -> Self::IntoIter {
        self.files.iter()
    }
}

/// What a piece of copied code is about (inferred by [`crate::plan::concern::infer`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Concern {
    AnimatedComponents,
    UiComponents,
    Auth,
    Hooks,
    ApiClient,
    Types,
    Config,
    /// Data: option lists, route tables, constant maps.
    Constants,
    Utils,
}

impl Concern {
    /// The short name a new package gets (`@acme/<short>`).
    pub fn package_name(self) -> &'static str {
        match self {
            Concern::AnimatedComponents => "motion",
            Concern::UiComponents => "ui",
            Concern::Auth => "auth",
            Concern::Hooks => "hooks",
            Concern::ApiClient => "api-client",
            Concern::Types => "types",
            Concern::Config => "config",
            Concern::Constants => "constants",
            Concern::Utils => "utils",
        }
    }

    /// Words that, in an existing library's name, say it holds this concern.
    pub fn library_words(self) -> &'static [&'static str] {
        match self {
            Concern::AnimatedComponents => &["motion", "animation", "animations"],
            Concern::UiComponents => &["ui", "components", "design-system"],
            Concern::Auth => &["auth"],
            Concern::Hooks => &["hooks"],
            Concern::ApiClient => &["api", "api-client", "client", "sdk"],
            Concern::Types => &["types"],
            Concern::Config => &["config"],
            Concern::Constants => &["constants"],
            Concern::Utils => &["utils", "lib", "shared", "common"],
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Concern::AnimatedComponents => "animated-components",
            Concern::UiComponents => "ui-components",
            Concern::Auth => "auth",
            Concern::Hooks => "hooks",
            Concern::ApiClient => "api-client",
            Concern::Types => "types",
            Concern::Config => "config",
            Concern::Constants => "constants",
            Concern::Utils => "utils",
        }
    }
}

/// Path of `path` relative to `root`, with `/`; a name that is not UTF-8 is escaped (see
/// [`crate::walk`]), never merged with another.
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let mut out = String::new();
    for (i, c) in rel.components().enumerate() {
        if i > 0 {
            out.push('/');
        }
        push_escaped(&mut out, c.as_os_str());
    }
    out
}

fn push_escaped(out: &mut String, name: &std::ffi::OsStr) {
    if let Some(s) = name.to_str() {
        out.push_str(s);
        return;
    }
    for chunk in name.as_encoded_bytes().utf8_chunks() {
        out.push_str(&chunk.valid().replace('\\', "\\\\"));
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
}
