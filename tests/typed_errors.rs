//! Fatal errors are typed: config, settings, globs, baseline and git errors are enum variants a
//! caller can match on, and their messages (printed by `run()` as one chain) stay what users saw.

mod common;

use monodup::check::baseline::{Baseline, BaselineError};
use monodup::check::git::{changed_lines, SinceError};
use monodup::cli::CloneArgs;
use monodup::config::{self, ConfigError, GlobError, RuleConfig};
use monodup::git::GitError;
use monodup::settings::{self, SettingError, Source};
use std::path::Path;

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// The error and its causes as `run()` prints them.
fn chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut parts = vec![e.to_string()];
    let mut cur = e.source();
    while let Some(c) = cur {
        parts.push(c.to_string());
        cur = c.source();
    }
    parts.join(": ")
}

#[test]
fn a_broken_monodup_toml_is_a_parse_error_naming_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "monodup.toml", "[scan]\ninclude = [\n");
    let err = config::load(dir.path(), None).unwrap_err();
    let ConfigError::Parse { path, source } = &err else { panic!("{err:?}") };
    assert_eq!(path, &dir.path().join("monodup.toml"));
    assert!(source.to_string().contains("line 2"), "{source}");
    assert!(chain(&err).starts_with(&format!("invalid config {}: TOML parse error", path.display())));
}

#[test]
fn an_unknown_gate_is_a_parse_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ci.toml");
    std::fs::write(&file, "[check]\ncycles = true\ncylces = false\n").unwrap();
    let err = config::load(dir.path(), Some(&file)).unwrap_err();
    let ConfigError::Parse { path, source } = &err else { panic!("{err:?}") };
    assert_eq!(path, &file);
    let msg = source.to_string();
    assert!(msg.contains("cylces") && msg.contains("line 3"), "{msg}");
}

#[test]
fn an_unreadable_config_is_a_read_error_said_once() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.toml");
    let err = config::load(dir.path(), Some(&missing)).unwrap_err();
    assert!(matches!(&err, ConfigError::Read { path, source } if path == &missing && source.is_not_found()));
    // The OS's message once (it used to be printed twice: as the error and as its source).
    let text = chain(&err);
    assert_eq!(text.matches("os error").count(), 1, "{text}");
}

#[cfg(unix)]
#[test]
fn a_monodup_toml_linked_out_of_the_root_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    write(outside.path(), "secret.toml", "[scan]\n");
    std::fs::create_dir(dir.path().join("repo")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("secret.toml"), dir.path().join("repo/monodup.toml"))
        .unwrap();
    let err = config::load(&dir.path().join("repo"), None).unwrap_err();
    assert!(matches!(err, ConfigError::OutsideRoot { .. }), "{err:?}");
}

#[test]
fn a_setting_error_names_the_flag_or_the_key_it_came_from() {
    let none = || CloneArgs {
        min_tokens: None,
        min_lines: None,
        mode: None,
        ignore_types: false,
        cross_package: false,
    };
    let flag = CloneArgs { min_tokens: Some(1), ..none() };
    let err = settings::clone_options(&flag, &config::ClonesConfig::default()).unwrap_err();
    assert!(
        matches!(err, SettingError::TooSmall { setting: Source::Flag("--min-tokens"), min: 2, value: 1 }),
        "{err:?}"
    );
    assert_eq!(err.to_string(), "--min-tokens must be at least 2 (it is 1)");

    let conf = config::parse("[clones]\nmin_tokens = 1\n").unwrap();
    let err = settings::clone_options(&none(), &conf.clones).unwrap_err();
    assert!(
        matches!(err, SettingError::TooSmall { setting: Source::Config("[clones] min_tokens"), .. }),
        "{err:?}"
    );
    assert_eq!(err.to_string(), "[clones] min_tokens in monodup.toml must be at least 2 (it is 1)");
    // The flag wins over the key, and so does its error.
    let err = settings::clone_options(&flag, &conf.clones).unwrap_err();
    assert!(matches!(err, SettingError::TooSmall { setting: Source::Flag("--min-tokens"), .. }));

    let plan = config::parse("[plan]\nmax_item_files = 0\n").unwrap().plan;
    let err = settings::plan_settings(&plan).unwrap_err();
    assert!(
        matches!(
            err,
            SettingError::TooSmall { setting: Source::Config("[plan] max_item_files"), min: 1, .. }
        ),
        "{err:?}"
    );
}

#[test]
fn a_bad_glob_names_the_setting() {
    let dir = tempfile::tempdir().unwrap();
    let filters = monodup::walk::Filters { include: vec!["src/**".into(), "a[".into()], exclude: vec![] };
    let err = monodup::walk::walk(dir.path(), &filters).unwrap_err();
    assert_eq!(err.setting, "--include (or [scan] include)");
    assert_eq!(err.glob, "a[");
    assert!(matches!(err.error.kind(), globset::ErrorKind::UnclosedClass), "{:?}", err.error.kind());

    let rule = RuleConfig {
        name: "no-ui".into(),
        from: vec!["apps/**".into()],
        to: vec!["libs/{ui".into()],
        severity: None,
        allow: vec![],
    };
    let Err(err) = monodup::check::Rule::from_config(&rule) else { panic!("a bad glob compiled") };
    assert!(
        matches!(&err, ConfigError::Glob(GlobError { setting, glob, .. }) if setting == "rule `no-ui` to" && glob == "libs/{ui"),
        "{err:?}"
    );
    let rule = RuleConfig { to: vec!["libs/**".into()], severity: Some("fatal".into()), ..rule };
    let Err(err) = monodup::check::Rule::from_config(&rule) else { panic!("a bad severity was taken") };
    assert!(
        matches!(&err, ConfigError::RuleSeverity { rule, severity } if rule == "no-ui" && severity == "fatal")
    );

    // In the file, the key and its line.
    let err = config::parse("[packages]\napps = [\"apps/[\"]\n").unwrap_err().to_string();
    assert!(err.contains("[packages] apps") && err.contains("line 2"), "{err}");
}

#[test]
fn a_bad_glob_flag_is_named_on_the_command_line() {
    let run = common::monodup(&["scan", common::fixture("clones").to_str().unwrap(), "--exclude", "x/{a"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.starts_with("monodup: invalid --exclude glob `x/{a`: "), "{}", run.stderr);
}

#[test]
fn baseline_errors_say_what_is_wrong_with_which_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("base.json");
    std::fs::write(&path, "clones: []\n").unwrap();
    let err = Baseline::load(&path).unwrap_err();
    assert!(matches!(&err, BaselineError::Corrupt { path: p, .. } if p == &path), "{err:?}");
    assert!(chain(&err).starts_with(&format!("corrupt baseline {}: ", path.display())), "{}", chain(&err));

    std::fs::write(&path, r#"{"schema_version": 2, "clones": {}, "violations": [], "cycles": []}"#).unwrap();
    let err = Baseline::load(&path).unwrap_err();
    assert!(matches!(err, BaselineError::UnknownSchema { version: 2, .. }), "{err:?}");

    let err = Baseline::load(&dir.path().join("missing.json")).unwrap_err();
    assert!(matches!(&err, BaselineError::Read { source, .. } if source.is_not_found()), "{err:?}");

    let err = Baseline::default().save(dir.path()).unwrap_err();
    assert!(matches!(err, BaselineError::Write(_)), "{err:?}");
}

#[test]
fn since_outside_a_repository_or_with_an_unknown_ref_is_typed() {
    let dir = tempfile::tempdir().unwrap();
    // No .git at or above a fresh temporary folder (git is not even run).
    if monodup::git::work_tree_of(dir.path()).is_none() {
        let Err(err) = changed_lines(dir.path(), "main") else { panic!("changes outside a repository") };
        assert!(matches!(err, SinceError::NoRepository(GitError::NotARepository { .. })), "{err:?}");
        assert!(err.to_string().starts_with("--since needs a git repository: no .git found"), "{err}");
    }
    for bad in ["", "--output=x"] {
        let Err(err) = changed_lines(dir.path(), bad) else { panic!("{bad:?} taken for a ref") };
        assert!(matches!(&err, SinceError::NotARef { since } if since == bad), "{err:?}");
    }

    write(dir.path(), "a.ts", "export const a = 1;\n");
    common::git(dir.path(), &["init", "-q"]);
    common::git(dir.path(), &["add", "."]);
    common::git(dir.path(), &["commit", "-q", "-m", "one"]);
    let Err(err) = changed_lines(dir.path(), "no-such-branch") else { panic!("an unknown ref was taken") };
    assert!(
        matches!(&err, SinceError::UnknownRef { since, error: GitError::Failed { command, .. } }
            if since == "no-such-branch" && command == "merge-base"),
        "{err:?}"
    );
    assert!(err.to_string().starts_with("--since no-such-branch: not a known git ref ("), "{err}");
    let Ok(changes) = changed_lines(dir.path(), "HEAD") else { panic!("HEAD is a ref") };
    assert!(changes.lines.is_empty() && changes.tracked.contains("a.ts"));
}
