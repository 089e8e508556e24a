//! `monodup.toml`: read from ROOT (or `--config`); flags override it. Unknown keys and wrong
//! types are errors that name the key and its line.

use anyhow::Context;
use serde::Deserialize;
use std::path::Path;

pub const FILE_NAME: &str = "monodup.toml";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub scan: ScanConfig,
    #[serde(default)]
    pub packages: PackagesConfig,
    #[serde(default)]
    pub clones: ClonesConfig,
    #[serde(default)]
    pub plan: PlanConfig,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanConfig {
    /// Scope of new package names, e.g. "@acme" (default: the workspace's most common scope).
    pub scope: Option<String>,
    /// Path glob → concern, checked before the built-in rules, e.g.
    /// `"**/components/charts/**" = "ui-components"`.
    #[serde(default)]
    pub concerns: std::collections::BTreeMap<String, crate::plan::concern::Concern>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClonesConfig {
    /// Shortest clone in tokens (50).
    pub min_tokens: Option<usize>,
    /// Shortest clone in lines (5).
    pub min_lines: Option<u32>,
    /// "renamed" (default) or "exact".
    pub mode: Option<CloneMode>,
    /// Leave TypeScript interface and type declarations out.
    #[serde(default)]
    pub ignore_types: bool,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum CloneMode {
    Exact,
    Renamed,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScanConfig {
    /// Only source files matching one of these globs are scanned (all when empty).
    #[serde(default)]
    pub include: Vec<String>,
    /// Source files matching these globs are not scanned.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Count `import type` edges in cycles.
    #[serde(default)]
    pub include_type_imports: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackagesConfig {
    /// Package folders (globs) that are apps, whatever the other rules say.
    #[serde(default)]
    pub apps: Vec<String>,
    /// Package folders (globs) that are libraries, whatever the other rules say.
    #[serde(default)]
    pub libraries: Vec<String>,
}

/// Loads `explicit`, or ROOT/monodup.toml when it exists, or the defaults.
pub fn load(root: &Path, explicit: Option<&Path>) -> anyhow::Result<Config> {
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None => {
            let p = root.join(FILE_NAME);
            if !p.is_file() {
                return Ok(Config::default());
            }
            p
        }
    };
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("cannot read config {}", path.display()))?;
    parse(&text).with_context(|| format!("invalid config {}", path.display()))
}

pub fn parse(text: &str) -> anyhow::Result<Config> {
    toml::from_str(text).map_err(|e| anyhow::anyhow!("{}", e.to_string().trim_end()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn unknown_key_names_key_and_line() {
        let err = super::parse("[scan]\ninclude = []\nexclud = [\"x\"]\n").unwrap_err().to_string();
        assert!(err.contains("exclud") && err.contains("line 3"), "{err}");
        let err = super::parse("[packages]\napps = 3\n").unwrap_err().to_string();
        assert!(err.contains("line 2"), "{err}");
    }
}
