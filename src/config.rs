//! `monodup.toml`: read from ROOT (or `--config`); flags override it. Unknown keys and wrong
//! types are errors that name the key and its line.

use serde::{Deserialize, Deserializer};
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "monodup.toml";

/// Why monodup.toml (or a value merged from it) cannot be used: exit 2 before any work.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// ROOT/monodup.toml is a link out of ROOT: its text would be quoted in a parse error.
    #[error("{} leads outside the root: not read (give it with --config to use it)", .path.display())]
    OutsideRoot { path: PathBuf },
    #[error("cannot read config {}", .path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: crate::files::ReadError,
    },
    /// Not TOML, an unknown key (a misspelt gate), a wrong type, a bad glob, a number out of
    /// its range: the message names the key and its line.
    #[error("invalid config {}", .path.display())]
    Parse {
        path: PathBuf,
        #[source]
        source: ParseError,
    },
    /// `[check] baseline` is inside ROOT by name but a symbolic link leads out of it.
    #[error(
        "invalid config: [check] baseline = {baseline:?} leads outside the root through a symbolic \
         link (give --baseline on the command line for a file elsewhere)"
    )]
    BaselineLeavesRoot { baseline: String },
    #[error("rule `{rule}`: severity must be error or warn, not `{severity}`")]
    RuleSeverity { rule: String, severity: String },
    #[error(transparent)]
    Glob(#[from] GlobError),
}

/// toml's message: the key, its line and the line quoted.
#[derive(Debug, thiserror::Error)]
#[error("{}", .0.to_string().trim_end())]
pub struct ParseError(#[from] pub toml::de::Error);

/// A glob from a flag or from monodup.toml that does not compile. `setting` names where it was
/// given (`--include`, `[plan.concerns]`, `rule `x` from`...).
#[derive(Debug, Clone, thiserror::Error)]
#[error("invalid {setting} glob `{glob}`: {error}")]
pub struct GlobError {
    pub setting: String,
    pub glob: String,
    /// globset's error (its message quotes the glob again; `kind()` says what is wrong).
    pub error: globset::Error,
}

/// Compiles a user's glob; the error names `setting`.
pub fn glob(glob: &str, setting: &str) -> Result<globset::Glob, GlobError> {
    globset::Glob::new(glob).map_err(|error| GlobError { setting: setting.into(), glob: glob.into(), error })
}

/// What `monodup init` writes: every key with its default. A test parses it back.
pub const TEMPLATE: &str = r#"# monodup configuration. Every key is optional; the values shown are the defaults.
# Flags on the command line override this file.

[scan]
# Only source files matching one of these globs are scanned (empty: all JS/TS files).
include = []
# Source files matching these globs are skipped, e.g. ["**/*.test.ts", "**/__mocks__/**"].
exclude = []
# Count `import type` edges in cycles too.
include_type_imports = false

[packages]
# Package folders (globs) that are apps or libraries, whatever the built-in rules say.
apps = []
libraries = []

[clones]
# Shortest clone, in normalized tokens and in lines.
min_tokens = 50
min_lines = 5
# "renamed": identical once identifiers and literals are renamed; "exact": identical tokens.
mode = "renamed"
# Leave TypeScript interface and type declarations out of clones.
ignore_types = false

[plan]
# Scope of new packages; by default the workspace's most common one (e.g. "@acme").
# scope = "@acme"
# Two units are copies when this share of the longer one's tokens is the same code
# (identifiers may be renamed, literals may not).
similarity = 0.8
# Two apps are a fork when this share of one's lines is in identical or near-identical files
# of the other.
fork_share = 0.5
# Items with more files to move than this are split by folder.
max_item_files = 25

# Path glob -> concern, before the built-in rules. Concerns: ui-components, animated-components,
# auth, hooks, api-client, types, config, constants, utils.
[plan.concerns]
# "**/components/charts/**" = "ui-components"

[check]
# Baseline file, relative to the root and inside it (--baseline on the command line may point
# anywhere).
baseline = ".monodup-baseline.json"
# Fail on clone classes the baseline does not hold (or copies in a package it did not see).
new_clones = true
# With new_clones = false: fail when new duplicated lines exceed this.
max_new_duplicated_lines = 0
# Fail when duplication exceeds a percentage, overall or in any one package (off by default).
# max_duplication_percent = 20.0
# max_package_duplication_percent = 40.0
# The graph gates: "error" (or true) fails the check, "warn" reports without failing, "off"
# (or false) leaves the gate out.
cycles = "error"
package_cycles = "error"
app_to_app = "error"
library_to_app = "error"
deep_imports = "error"
undeclared = "off"
# Migration gates (`monodup migration`; off by default): an app that gains a copy of a library's
# code the baseline does not know, imports of a library that cannot work, and more app-package
# pairs not migrated than allowed.
# no_new_local_copies = "error"
# no_broken_package_imports = "error"
# max_unmigrated_apps = 3

# Custom rules: imports from `from` (file globs or package names) into `to` fail the check,
# except from files or packages matching `allow`. Severity "error" (default) or "warn".
# [[rules]]
# name = "no-ui-in-api"
# from = ["packages/api/**"]
# to = ["@acme/ui", "packages/ui/**"]
# severity = "error"
# allow = ["packages/api/src/legacy/**"]
"#;

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
    #[serde(default)]
    pub check: CheckConfig,
    /// Custom dependency rules.
    #[serde(default)]
    pub rules: Vec<RuleConfig>,
}

/// `[check]`: which gates fail `monodup check`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CheckConfig {
    /// Where `--update-baseline` writes and `check` reads the baseline: relative to the root
    /// and inside it (a `--baseline` flag may point anywhere).
    #[serde(deserialize_with = "baseline_path")]
    pub baseline: String,
    /// Fail on clone classes the baseline does not hold (or copies in new packages).
    pub new_clones: bool,
    /// With new_clones off: fail when new duplicated lines exceed this.
    pub max_new_duplicated_lines: u64,
    /// Fail when the whole repository's duplication exceeds this percentage.
    #[serde(deserialize_with = "max_duplication_percent")]
    pub max_duplication_percent: Option<f64>,
    /// Fail when one package's duplication exceeds this percentage.
    #[serde(deserialize_with = "max_package_duplication_percent")]
    pub max_package_duplication_percent: Option<f64>,
    /// File-level import cycles.
    pub cycles: GateLevel,
    /// Package-level import cycles.
    pub package_cycles: GateLevel,
    pub app_to_app: GateLevel,
    pub library_to_app: GateLevel,
    pub deep_imports: GateLevel,
    /// Undeclared dependencies (workspace and npm).
    pub undeclared: GateLevel,
    /// An app holds a copy of a library's code the baseline does not know (the slide back).
    pub no_new_local_copies: GateLevel,
    /// Names a library does not export, or imports of it that resolve elsewhere.
    pub no_broken_package_imports: GateLevel,
    /// Fail when more app-package pairs than this are not migrated.
    pub max_unmigrated_apps: Option<usize>,
}

/// What a graph gate does with its findings: `true`/`"error"` fails the check, `"warn"`
/// reports them without failing, `false`/`"off"` leaves the gate out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GateLevel {
    Off,
    Warn,
    Error,
}

impl GateLevel {
    /// The severity of the gate's findings; None when the gate is off.
    pub fn severity(self) -> Option<crate::diagnostic::Severity> {
        match self {
            GateLevel::Off => None,
            GateLevel::Warn => Some(crate::diagnostic::Severity::Warning),
            GateLevel::Error => Some(crate::diagnostic::Severity::Error),
        }
    }
}

impl<'de> Deserialize<'de> for GateLevel {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Bool(bool),
            Name(String),
        }
        match Raw::deserialize(d)? {
            Raw::Bool(true) => Ok(GateLevel::Error),
            Raw::Bool(false) => Ok(GateLevel::Off),
            Raw::Name(n) => match n.as_str() {
                "error" => Ok(GateLevel::Error),
                "warn" => Ok(GateLevel::Warn),
                "off" => Ok(GateLevel::Off),
                other => Err(serde::de::Error::custom(format!(
                    "unknown gate level {other:?}: expected \"error\", \"warn\", \"off\", true or false"
                ))),
            },
        }
    }
}

impl Default for CheckConfig {
    fn default() -> Self {
        CheckConfig {
            baseline: ".monodup-baseline.json".into(),
            new_clones: true,
            max_new_duplicated_lines: 0,
            max_duplication_percent: None,
            max_package_duplication_percent: None,
            cycles: GateLevel::Error,
            package_cycles: GateLevel::Error,
            app_to_app: GateLevel::Error,
            library_to_app: GateLevel::Error,
            deep_imports: GateLevel::Error,
            undeclared: GateLevel::Off,
            no_new_local_copies: GateLevel::Off,
            no_broken_package_imports: GateLevel::Off,
            max_unmigrated_apps: None,
        }
    }
}

impl CheckConfig {
    /// Every gate on: what a baseline records.
    pub fn all_gates() -> Self {
        CheckConfig {
            cycles: GateLevel::Error,
            package_cycles: GateLevel::Error,
            app_to_app: GateLevel::Error,
            library_to_app: GateLevel::Error,
            deep_imports: GateLevel::Error,
            undeclared: GateLevel::Error,
            no_new_local_copies: GateLevel::Error,
            no_broken_package_imports: GateLevel::Error,
            ..CheckConfig::default()
        }
    }
}

/// `[[rules]]`: imports from files or packages matching `from` into ones matching `to` are
/// forbidden, except from those matching `allow`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleConfig {
    pub name: String,
    #[serde(deserialize_with = "rules_from")]
    pub from: Vec<String>,
    #[serde(deserialize_with = "rules_to")]
    pub to: Vec<String>,
    /// "error" (default) or "warn".
    pub severity: Option<String>,
    #[serde(default, deserialize_with = "rules_allow")]
    pub allow: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanConfig {
    /// Scope of new package names, e.g. "@acme" (default: the workspace's most common scope).
    pub scope: Option<String>,
    /// Share of equal tokens that makes two units copies (0.8).
    #[serde(default, deserialize_with = "similarity")]
    pub similarity: Option<f64>,
    /// Share of an app's lines in identical or near-identical files of another that makes
    /// the pair a fork (0.5).
    #[serde(default, deserialize_with = "fork_share")]
    pub fork_share: Option<f64>,
    /// Items with more files to move are split by folder (25).
    pub max_item_files: Option<usize>,
    /// Path glob → concern, checked before the built-in rules, e.g.
    /// `"**/components/charts/**" = "ui-components"`.
    #[serde(default, deserialize_with = "concern_globs")]
    pub concerns: std::collections::BTreeMap<String, crate::model::Concern>,
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
    #[serde(default, deserialize_with = "scan_include")]
    pub include: Vec<String>,
    /// Source files matching these globs are not scanned.
    #[serde(default, deserialize_with = "scan_exclude")]
    pub exclude: Vec<String>,
    /// Count `import type` edges in cycles.
    #[serde(default)]
    pub include_type_imports: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackagesConfig {
    /// Package folders (globs) that are apps, whatever the other rules say.
    #[serde(default, deserialize_with = "packages_apps")]
    pub apps: Vec<String>,
    /// Package folders (globs) that are libraries, whatever the other rules say.
    #[serde(default, deserialize_with = "packages_libraries")]
    pub libraries: Vec<String>,
}

// Values checked while the file is read, so that the error names the key and, through toml,
// its line: every glob of the file compiles (as `[scan]`'s always had to), every number is in
// its range (a `nan` would turn a gate off), the baseline stays inside the root.

fn check_globs<E: serde::de::Error>(globs: Vec<String>, key: &str) -> Result<Vec<String>, E> {
    for g in &globs {
        if let Err(e) = globset::Glob::new(g) {
            return Err(E::custom(format!("{key}: {}", crate::escape::text(&e.to_string()))));
        }
    }
    Ok(globs)
}

macro_rules! glob_list {
    ($($name:ident => $key:literal),* $(,)?) => {$(
        fn $name<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
            check_globs(Vec::<String>::deserialize(d)?, $key)
        }
    )*};
}

glob_list! {
    scan_include => "[scan] include",
    scan_exclude => "[scan] exclude",
    packages_apps => "[packages] apps",
    packages_libraries => "[packages] libraries",
    rules_from => "[[rules]] from",
    rules_to => "[[rules]] to",
    rules_allow => "[[rules]] allow",
}

fn concern_globs<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<std::collections::BTreeMap<String, crate::model::Concern>, D::Error> {
    let map = std::collections::BTreeMap::<String, crate::model::Concern>::deserialize(d)?;
    check_globs::<D::Error>(map.keys().cloned().collect(), "[plan.concerns]")?;
    Ok(map)
}

/// An optional number that must be finite and within `lo..=hi` (`lo` itself excluded when
/// `open_lo`).
fn ranged<'de, D: Deserializer<'de>>(
    d: D,
    key: &str,
    lo: f64,
    open_lo: bool,
    hi: f64,
) -> Result<Option<f64>, D::Error> {
    let v = Option::<f64>::deserialize(d)?;
    if let Some(v) = v {
        let low_ok = if open_lo { v > lo } else { v >= lo };
        if !(v.is_finite() && low_ok && v <= hi) {
            let from = if open_lo { "above" } else { "at least" };
            return Err(serde::de::Error::custom(format!(
                "{key} = {v}: it must be {from} {lo} and at most {hi}"
            )));
        }
    }
    Ok(v)
}

fn max_duplication_percent<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    ranged(d, "[check] max_duplication_percent", 0.0, false, 100.0)
}

fn max_package_duplication_percent<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    ranged(d, "[check] max_package_duplication_percent", 0.0, false, 100.0)
}

fn similarity<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    ranged(d, "[plan] similarity", 0.0, true, 1.0)
}

fn fork_share<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    ranged(d, "[plan] fork_share", 0.0, true, 1.0)
}

/// `[check] baseline`: a relative path that stays inside the root (a repository's config must
/// not make `--update-baseline` write elsewhere). Links are checked against the disk when the
/// baseline is used ([`baseline_leaves_root`]).
fn baseline_path<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let s = String::deserialize(d)?;
    let p = Path::new(&s);
    let normal = crate::confine::normalize(p);
    let escapes = p.has_root()
        || p.components().any(|c| matches!(c, std::path::Component::Prefix(_)))
        || normal.starts_with("..")
        || normal.as_os_str().is_empty();
    if escapes {
        return Err(serde::de::Error::custom(format!(
            "[check] baseline = {s:?}: it must be a file inside the root, relative to it \
             (give --baseline on the command line for a file elsewhere)"
        )));
    }
    Ok(s)
}

/// Whether ROOT/`baseline` leads outside ROOT through a symbolic link.
pub fn baseline_leaves_root(root: &Path, baseline: &str) -> bool {
    let Ok(root) = std::fs::canonicalize(root) else { return false };
    crate::confine::resolve(&root, &root.join(baseline)) == crate::confine::Place::Outside
}

/// Loads `explicit`, or ROOT/monodup.toml when it exists, or the defaults.
pub fn load(root: &Path, explicit: Option<&Path>) -> Result<Config, ConfigError> {
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None => {
            let p = root.join(FILE_NAME);
            // Only a missing file means the defaults: a FIFO, a folder or an unreadable file
            // named monodup.toml is an error, not a silently different configuration.
            if p.symlink_metadata().is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound) {
                return Ok(Config::default());
            }
            // A repository's monodup.toml that is a link out of it is not read: its text would
            // be quoted in the parse error.
            let croot = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
            if crate::confine::resolve(&croot, &croot.join(FILE_NAME)) == crate::confine::Place::Outside {
                return Err(ConfigError::OutsideRoot { path: p });
            }
            p
        }
    };
    let text = match crate::files::read_text(&path, crate::files::MAX_CONFIG_BYTES) {
        Ok(text) => text,
        Err(source) => return Err(ConfigError::Read { path, source }),
    };
    parse(&text).map_err(|source| ConfigError::Parse { path, source })
}

pub fn parse(text: &str) -> Result<Config, ParseError> {
    Ok(toml::from_str(text)?)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_init_template_parses_to_the_defaults() {
        let c = super::parse(super::TEMPLATE).unwrap();
        assert_eq!(c.clones.min_tokens, Some(50));
        assert_eq!(c.check.baseline, ".monodup-baseline.json");
        assert!(
            c.check.new_clones
                && c.check.cycles == super::GateLevel::Error
                && c.check.undeclared == super::GateLevel::Off
        );
        assert!(c.rules.is_empty());
    }

    #[test]
    fn out_of_range_numbers_name_key_and_line() {
        for bad in ["nan", "inf", "-inf", "-1.0", "100.5"] {
            let text = format!("[check]\ncycles = true\nmax_duplication_percent = {bad}\n");
            let err = super::parse(&text).unwrap_err().to_string();
            assert!(err.contains("max_duplication_percent") && err.contains("line 3"), "{bad}: {err}");
        }
        let err = super::parse("[check]\nmax_package_duplication_percent = nan\n").unwrap_err().to_string();
        assert!(err.contains("max_package_duplication_percent") && err.contains("line 2"), "{err}");
        let err = super::parse("[plan]\nsimilarity = nan\n").unwrap_err().to_string();
        assert!(err.contains("similarity") && err.contains("line 2"), "{err}");
        assert_eq!(
            super::parse("[check]\nmax_duplication_percent = 0\n").unwrap().check.max_duplication_percent,
            Some(0.0)
        );
    }

    #[test]
    fn bad_globs_in_the_config_name_key_and_line() {
        for (text, key, line) in [
            ("[scan]\nexclude = [\"a[\"]\n", "[scan] exclude", 2),
            ("[packages]\n\napps = [\"apps/{x\"]\n", "[packages] apps", 3),
            ("[packages]\nlibraries = [\"libs/[\"]\n", "[packages] libraries", 2),
            ("[plan.concerns]\n\"a[\" = \"auth\"\n", "[plan.concerns]", 1),
            ("[[rules]]\nname = \"r\"\nfrom = [\"a\"]\nto = [\"b[\"]\n", "[[rules]] to", 4),
        ] {
            let err = super::parse(text).unwrap_err().to_string();
            assert!(err.contains(key) && err.contains(&format!("line {line}")), "{text}: {err}");
        }
    }

    #[test]
    fn a_baseline_outside_the_root_is_refused() {
        for bad in ["../../x", "/tmp/x.json", "a/../../x", ""] {
            let err = super::parse(&format!("[check]\nbaseline = {bad:?}\n")).unwrap_err().to_string();
            assert!(err.contains("baseline") && err.contains("line 2"), "{bad}: {err}");
        }
        assert_eq!(
            super::parse("[check]\nbaseline = \"ci/./base.json\"\n").unwrap().check.baseline,
            "ci/./base.json"
        );
    }

    #[test]
    fn unknown_key_names_key_and_line() {
        let err = super::parse("[scan]\ninclude = []\nexclud = [\"x\"]\n").unwrap_err().to_string();
        assert!(err.contains("exclud") && err.contains("line 3"), "{err}");
        let err = super::parse("[packages]\napps = 3\n").unwrap_err().to_string();
        assert!(err.contains("line 2"), "{err}");
    }
}
