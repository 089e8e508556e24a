//! The data every stage shares, so that no stage reaches into another for its types: the
//! language of a file, the scanned file table ([`SourceFile`], indexed by file id), and what
//! copied code is about ([`Concern`], which the config names and the planner infers).

pub mod lines;

use serde::Serialize;

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

/// One scanned file. Its index in [`crate::pipeline::Scan::files`] is its file id.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: String,
    pub lang: Lang,
    pub package: usize,
    pub lines: u32,
    pub code_lines: u32,
    pub parse_failed: bool,
    /// Top-level declarations.
    pub units: Vec<crate::units::Unit>,
    /// `process.env` names read.
    pub env: Vec<String>,
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
