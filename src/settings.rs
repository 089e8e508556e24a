//! Every setting merged once: the flag, else monodup.toml, else the default (one constant per
//! setting, next to the stage that uses it). Each value remembers where it came from, so an
//! error names `--min-tokens` or `[clones] min_tokens`, whichever the user wrote.

use crate::cli::Common;
use crate::cli::{CloneArgs, Mode};
use crate::{clones, config, pipeline, plan, walk, workspace};
use std::path::Path;

/// The stages a command needs.
pub struct Stages<'a> {
    pub root: &'a Path,
    pub common: &'a Common,
    pub include_type_imports: bool,
    pub graph: bool,
    pub clones: Option<&'a CloneArgs>,
    pub plan: bool,
}

impl<'a> Stages<'a> {
    /// Every stage: graph, clones and plan (what `apply` and `migration` read).
    pub fn all(root: &'a Path, common: &'a Common, clones: &'a CloneArgs) -> Stages<'a> {
        Stages { root, common, include_type_imports: false, graph: true, clones: Some(clones), plan: true }
    }
}

/// Where a setting's value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Flag(&'static str),
    Config(&'static str),
    Default,
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Flag(name) => write!(f, "{name}"),
            Source::Config(key) => write!(f, "{key} in monodup.toml"),
            Source::Default => write!(f, "the default"),
        }
    }
}

/// Why the merged settings cannot be used: exit 2 before any work.
#[derive(Debug, thiserror::Error)]
pub enum SettingError {
    #[error(transparent)]
    Config(#[from] config::ConfigError),
    #[error(transparent)]
    Glob(#[from] config::GlobError),
    #[error("{setting} must be at least {min} (it is {value})")]
    TooSmall { setting: Source, min: usize, value: usize },
    #[error("invalid config: {setting} = {value}: it must be {expected}")]
    OutOfRange { setting: Source, value: f64, expected: &'static str },
}

/// A value and where it came from.
#[derive(Debug, Clone, Copy)]
pub struct Setting<T> {
    pub value: T,
    pub source: Source,
}

/// The flag, else the config file's value, else the default.
pub fn pick<T>(flag: (Option<T>, &'static str), config: (Option<T>, &'static str), default: T) -> Setting<T> {
    match (flag.0, config.0) {
        (Some(value), _) => Setting { value, source: Source::Flag(flag.1) },
        (None, Some(value)) => Setting { value, source: Source::Config(config.1) },
        (None, None) => Setting { value: default, source: Source::Default },
    }
}

pub fn clone_options(
    args: &CloneArgs,
    conf: &config::ClonesConfig,
) -> Result<clones::CloneOptions, SettingError> {
    let mode = pick(
        (args.mode.map(|m| m == Mode::Renamed), "--mode"),
        (conf.mode.map(|m| m == config::CloneMode::Renamed), "[clones] mode"),
        clones::DEFAULT_RENAMED,
    );
    let min_tokens = pick(
        (args.min_tokens, "--min-tokens"),
        (conf.min_tokens, "[clones] min_tokens"),
        clones::DEFAULT_MIN_TOKENS,
    );
    at_least(min_tokens, 2)?;
    let min_lines = pick(
        (args.min_lines, "--min-lines"),
        (conf.min_lines, "[clones] min_lines"),
        clones::DEFAULT_MIN_LINES,
    );
    Ok(clones::CloneOptions {
        min_tokens: min_tokens.value,
        min_lines: min_lines.value,
        renamed: mode.value,
        ignore_types: args.ignore_types || conf.ignore_types,
        cross_package: args.cross_package,
    })
}

/// `[plan]` thresholds, each checked against its range.
pub fn plan_settings(c: &config::PlanConfig) -> Result<plan::PlanSettings, SettingError> {
    let similarity = pick((None, ""), (c.similarity, "[plan] similarity"), plan::DEFAULT_SIMILARITY);
    let fork_share = pick((None, ""), (c.fork_share, "[plan] fork_share"), plan::DEFAULT_FORK_SHARE);
    for s in [similarity, fork_share] {
        if !(s.value > 0.0 && s.value <= 1.0) {
            let expected = "above 0 and at most 1";
            return Err(SettingError::OutOfRange { setting: s.source, value: s.value, expected });
        }
    }
    let max_item_files =
        pick((None, ""), (c.max_item_files, "[plan] max_item_files"), plan::DEFAULT_MAX_ITEM_FILES);
    at_least(max_item_files, 1)?;
    Ok(plan::PlanSettings {
        similarity: similarity.value,
        fork_share: fork_share.value,
        max_item_files: max_item_files.value,
    })
}

fn at_least(s: Setting<usize>, min: usize) -> Result<(), SettingError> {
    if s.value < min {
        return Err(SettingError::TooSmall { setting: s.source, min, value: s.value });
    }
    Ok(())
}

/// The pipeline's options for a command's stages.
pub fn options(stages: &Stages) -> Result<pipeline::Options, SettingError> {
    let (root, common) = (stages.root, stages.common);
    let config = config::load(root, common.config.as_deref())?;
    let clones = stages.clones.map(|c| clone_options(c, &config.clones)).transpose()?;
    // monodup.toml's globs were checked as it was read; a flag's are checked here, so that the
    // error names the flag rather than both places the walk could have had them from.
    for (flag, globs) in [("--include", &common.include), ("--exclude", &common.exclude)] {
        for g in globs {
            config::glob(g, flag)?;
        }
    }
    let list = |flag: &[String], conf: Vec<String>| if flag.is_empty() { conf } else { flag.to_vec() };
    Ok(pipeline::Options {
        root: root.to_path_buf(),
        threads: common.threads,
        filters: walk::Filters {
            include: list(&common.include, config.scan.include),
            exclude: list(&common.exclude, config.scan.exclude),
        },
        kinds: workspace::KindGlobs { apps: config.packages.apps, libraries: config.packages.libraries },
        include_type_imports: stages.include_type_imports || config.scan.include_type_imports,
        graph: stages.graph,
        clones,
        plan: stages.plan,
        // stderr is for people only when it is a terminal.
        progress: !common.quiet
            && !common.no_progress
            && std::io::IsTerminal::is_terminal(&std::io::stderr()),
        scope: config.plan.scope.clone(),
        concern_rules: config
            .plan
            .concerns
            .iter()
            .map(|(glob, c)| config::glob(glob, "[plan.concerns]").map(|g| (g.compile_matcher(), *c)))
            .collect::<Result<_, _>>()?,
        plan_settings: plan_settings(&config.plan)?,
    })
}
