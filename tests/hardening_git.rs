//! Hardening around git (issue 10, cases 3, 4 and 13): `check --since` and the walk run git
//! on untrusted repositories without executing anything they configure or writing `.git`, read
//! every path git prints whatever its characters, and scan what git tracks even when a
//! `.gitignore` rule matches it.

mod common;

use common::{git, write, Run, TempRepo};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

/// Runs monodup with extra environment variables, killed after 20 s.
fn monodup_env(args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = common::monodup_command(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    common::run_with_timeout(cmd, Duration::from_secs(20))
}

fn monodup(args: &[&str]) -> Run {
    monodup_env(args, &[])
}

/// A function long enough to be a clone (well over the 50-token default).
fn function(name: &str) -> String {
    let mut s = format!("export function {name}(input: any) {{\n  const out: number[] = [];\n");
    for i in 0..12 {
        s.push_str(&format!("  const v{i} = input.a{i} * {i} + input.b{i} - {i};\n  out.push(v{i});\n"));
    }
    s.push_str("  return out;\n}\n");
    s
}

/// A committed repository on `main`: a root workspace and app `a` holding `build`.
fn repo() -> TempRepo {
    let repo = TempRepo::new();
    repo.write("package.json", r#"{"name":"root","private":true,"workspaces":["apps/*"]}"#)
        .write("apps/a/package.json", r#"{"name":"a"}"#)
        .write("apps/a/src/build.ts", &function("build"));
    repo.init_git();
    repo
}

fn finding_files(run: &Run) -> Vec<String> {
    let v: serde_json::Value =
        serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {} {}", run.stdout, run.stderr));
    let mut files: Vec<String> =
        v["findings"].as_array().unwrap().iter().map(|f| f["file"].as_str().unwrap().to_string()).collect();
    files.sort();
    files.dedup();
    files
}

fn scanned_files(root: &Path) -> Vec<String> {
    let run = monodup(&["scan", root.to_str().unwrap(), "--format", "json", "--quiet"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    common::assert_valid(&v);
    let mut files: Vec<String> = v["clones"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["fragments"].as_array().unwrap().iter())
        .map(|f| f["file"].as_str().unwrap().to_string())
        .collect();
    files.sort();
    files.dedup();
    files
}

#[cfg(unix)]
fn script(path: &Path, body: &str) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::write(path, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[cfg(unix)]
#[test]
fn check_since_runs_nothing_from_git_config() {
    let repo = repo();
    let root = repo.path();
    // Attributes that send every file through a diff driver and a filter (committed before the
    // config names any command, so the setup's own git runs nothing).
    write(root, ".gitattributes", "* diff=evil filter=evil\n");
    write(root, "apps/b/package.json", r#"{"name":"b"}"#);
    write(root, "apps/b/src/old.ts", "export const old = 1;\n");
    repo.commit("attributes");

    let markers = repo.scratch().join("markers");
    std::fs::create_dir_all(&markers).unwrap();
    let planted = |what: &str| {
        let p = repo.scratch().join(format!("{what}.sh"));
        // Each command leaves a marker, passes input through (a filter must) and succeeds.
        script(&p, &format!("touch '{}/{what}'\ncat \"$@\" 2>/dev/null\nexit 0", markers.display()));
        p.to_str().unwrap().to_string()
    };
    let hooks = repo.scratch().join("hooks");
    std::fs::create_dir_all(&hooks).unwrap();
    for hook in
        ["pre-commit", "post-checkout", "post-index-change", "reference-transaction", "fsmonitor-watchman"]
    {
        script(&hooks.join(hook), &format!("touch '{}/hook-{hook}'", markers.display()));
    }
    let config = [
        ("core.fsmonitor", planted("fsmonitor")),
        ("core.pager", planted("pager")),
        ("pager.diff", planted("pager-diff")),
        ("core.hooksPath", hooks.to_str().unwrap().to_string()),
        ("diff.external", planted("external")),
        ("diff.evil.textconv", planted("textconv")),
        ("diff.evil.command", planted("diff-command")),
        ("filter.evil.clean", planted("clean")),
        ("filter.evil.smudge", planted("smudge")),
        ("filter.evil.process", planted("process")),
        ("filter.evil.required", "true".to_string()),
        ("core.sshCommand", planted("ssh")),
        ("core.askPass", planted("askpass")),
        ("credential.helper", planted("credential")),
        ("core.untrackedCache", "true".to_string()),
    ];
    for (k, v) in &config {
        git(root, &["config", k, v]);
    }
    // A change git must read from the work tree: a copy of `build` in app b, and files whose
    // stat data no longer matches the index.
    std::thread::sleep(Duration::from_millis(1100));
    write(root, "apps/b/src/old.ts", &format!("export const old = 1;\n{}", function("copy")));
    write(root, "apps/a/src/build.ts", &function("build"));
    write(root, "apps/b/src/untracked.ts", "export const u = 2;\n");
    let index = root.join(".git/index");
    let before = (std::fs::read(&index).unwrap(), std::fs::metadata(&index).unwrap().modified().unwrap());

    let r = root.to_str().unwrap();
    // An environment inherited from a hook points git elsewhere; it is not used.
    let env = [
        ("GIT_DIR", "/nonexistent"),
        ("GIT_INDEX_FILE", "/nonexistent/index"),
        ("GIT_EXTERNAL_DIFF", config[4].1.as_str()),
        ("GIT_PAGER", config[1].1.as_str()),
    ];
    let run = monodup_env(&["check", r, "--since", "HEAD", "--format", "json"], &env);
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    assert_eq!(finding_files(&run), ["apps/b/src/old.ts"], "{}", run.stdout);
    let run = monodup_env(&["dups", r], &env);
    assert_eq!(run.code, 0, "{}", run.stderr);

    let ran: Vec<String> = std::fs::read_dir(&markers)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into())
        .collect();
    assert!(ran.is_empty(), "git ran commands from the repository's config: {ran:?}");
    let after = (std::fs::read(&index).unwrap(), std::fs::metadata(&index).unwrap().modified().unwrap());
    assert!(before == after, ".git/index was rewritten");
    assert!(!root.join(".git/index.lock").exists());

    // The plant is live: plain git runs it.
    let _ = Command::new("git").arg("-C").arg(root).args(["diff", "HEAD"]).output().unwrap();
    let ran: Vec<String> = std::fs::read_dir(&markers)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into())
        .collect();
    assert!(
        ran.iter().any(|m| m == "fsmonitor") && ran.iter().any(|m| m == "process" || m == "clean"),
        "{ran:?}"
    );
}

#[test]
fn binary_attributes_do_not_hide_changed_lines() {
    let repo = repo();
    let root = repo.path();
    // `-diff`/`binary` would make git print "Binary files differ" and no hunks.
    write(root, ".gitattributes", "*.ts -diff\napps/b/** binary\n");
    write(root, "apps/b/package.json", r#"{"name":"b"}"#);
    write(root, "apps/b/src/x.ts", "export const x = 1;\n");
    write(root, "apps/c/package.json", r#"{"name":"c"}"#);
    write(root, "apps/c/src/x.ts", "export const x = 1;\n");
    repo.commit("attributes");
    write(root, "apps/b/src/x.ts", &format!("export const x = 1;\n{}", function("copy")));
    write(root, "apps/c/src/x.ts", &format!("export const x = 1;\n{}", function("copy2")));
    let run = monodup(&["check", root.to_str().unwrap(), "--since", "HEAD", "--format", "json"]);
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    assert_eq!(finding_files(&run), ["apps/b/src/x.ts", "apps/c/src/x.ts"]);
}

#[test]
fn since_sees_files_with_spaces_and_non_ascii_names() {
    let repo = repo();
    let root = repo.path();
    for app in ["café", "web app", "tab\tand \"quote\""] {
        write(root, &format!("apps/{app}/package.json"), &format!("{{\"name\":\"{}\"}}", app.len()));
        write(root, &format!("apps/{app}/x.ts"), "export const x = 1;\n");
    }
    repo.commit("apps");
    git(root, &["checkout", "-q", "-b", "feature"]);
    // Nothing new yet: passes.
    let r = root.to_str().unwrap();
    assert_eq!(monodup(&["check", r, "--since", "main"]).code, 0);
    // Copies of `build` in tracked files (the diff) and in an untracked one (ls-files).
    write(root, "apps/café/x.ts", &format!("export const x = 1;\n{}", function("c1")));
    repo.commit("café copy");
    write(root, "apps/web app/x.ts", &format!("export const x = 1;\n{}", function("c2")));
    write(root, "apps/tab\tand \"quote\"/x.ts", &format!("export const x = 1;\n{}", function("c3")));
    write(root, "apps/naïve dir/new file.ts", &function("c4"));
    let run = monodup(&["check", r, "--since", "main", "--format", "json"]);
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    assert_eq!(
        finding_files(&run),
        ["apps/café/x.ts", "apps/naïve dir/new file.ts", "apps/tab\tand \"quote\"/x.ts", "apps/web app/x.ts"]
    );
    // Not the old copy in app a: only changed lines count.
    let run = monodup(&["check", r, "--since", "HEAD", "--format", "json"]);
    assert!(!finding_files(&run).contains(&"apps/café/x.ts".to_string()), "{}", run.stdout);
}

#[test]
fn since_reads_only_the_diff_of_root_below_the_work_tree() {
    // ROOT a subfolder of the repository: paths relative to ROOT, quoted ones too.
    let repo = repo();
    let root = repo.path();
    write(root, "front/package.json", r#"{"name":"front","workspaces":["apps/*"]}"#);
    write(root, "front/apps/x/package.json", r#"{"name":"x"}"#);
    write(root, "front/apps/x/a.ts", &function("one"));
    write(root, "front/apps/ü y/package.json", r#"{"name":"y"}"#);
    write(root, "front/apps/ü y/b.ts", "export const b = 1;\n");
    repo.commit("front");
    write(root, "front/apps/ü y/b.ts", &format!("export const b = 1;\n{}", function("two")));
    let run =
        monodup(&["check", root.join("front").to_str().unwrap(), "--since", "HEAD", "--format", "json"]);
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    assert_eq!(finding_files(&run), ["apps/ü y/b.ts"]);
}

#[test]
fn tracked_files_that_match_gitignore_are_scanned() {
    let repo = repo();
    let root = repo.path();
    write(root, ".gitignore", "lib/\n*.generated.ts\n");
    repo.commit("ignore lib");
    git(root, &["checkout", "-q", "-b", "feature"]);
    // Pasted on purpose under the ignored folder and committed with `git add -f`.
    write(root, "apps/c/package.json", r#"{"name":"c"}"#);
    write(root, "apps/c/src/lib/auth.ts", &function("auth"));
    write(root, "apps/c/src/lib/package.json", r#"{"name":"c-lib"}"#);
    git(root, &["add", "-f", "apps/c/package.json", "apps/c/src/lib/auth.ts", "apps/c/src/lib/package.json"]);
    git(root, &["commit", "-q", "-m", "paste auth"]);
    // Untracked ignored files stay skipped, as do tracked files in built-in skipped folders and
    // under an `.ignore` rule.
    write(root, "apps/c/src/lib/untracked.ts", &function("untracked"));
    write(root, "apps/c/src/x.generated.ts", &function("generated"));
    write(root, "apps/c/dist/bundle.ts", &function("bundle"));
    write(root, "apps/c/quiet/q.ts", &function("quiet"));
    write(root, ".ignore", "quiet/\n");
    git(root, &["add", "-f", "apps/c/dist/bundle.ts", "apps/c/quiet/q.ts", ".ignore"]);
    git(root, &["commit", "-q", "-m", "more"]);

    assert_eq!(scanned_files(root), ["apps/a/src/build.ts", "apps/c/src/lib/auth.ts"]);
    let run = monodup(&["check", root.to_str().unwrap(), "--since", "main", "--format", "json"]);
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    assert_eq!(finding_files(&run), ["apps/c/src/lib/auth.ts"]);
    // The tracked manifest under the ignored folder is a package too.
    let v: serde_json::Value = serde_json::from_str(
        &monodup(&["scan", root.to_str().unwrap(), "--format", "json", "--quiet"]).stdout,
    )
    .unwrap();
    let names: Vec<&str> =
        v["packages"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"c-lib"), "{names:?}");

    // Outside git, .gitignore applies as before.
    std::fs::rename(root.join(".git"), root.join("../git-away")).unwrap();
    assert_eq!(scanned_files(root), ["apps/a/src/build.ts"]);
}

#[test]
fn missing_or_broken_git_falls_back_to_gitignore() {
    let repo = repo();
    let root = repo.path();
    write(root, ".gitignore", "lib/\n");
    write(root, "lib/auth.ts", &function("auth"));
    repo.commit("ignore lib");
    git(root, &["add", "-f", "lib/auth.ts"]);
    git(root, &["commit", "-q", "-m", "auth"]);
    let r = root.to_str().unwrap();
    // git not on PATH: the walk uses .gitignore, silently; --since is a clear exit 2.
    let run = monodup_env(&["scan", r, "--format", "json", "--quiet"], &[("PATH", "/nonexistent")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stdout.contains("lib/auth.ts") && run.stderr.is_empty(), "{}", run.stderr);
    let run = monodup_env(&["check", r, "--since", "HEAD"], &[("PATH", "/nonexistent")]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("git"), "{}", run.stderr);
    // A broken .git: the same.
    std::fs::rename(root.join(".git"), root.join("../git-away")).unwrap();
    std::fs::write(root.join(".git"), "gitdir: /nonexistent\n").unwrap();
    let run = monodup(&["scan", r, "--format", "json", "--quiet"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stdout.contains("lib/auth.ts"));
    // A ref that looks like an option is refused before git sees it.
    std::fs::remove_file(root.join(".git")).unwrap();
    std::fs::rename(root.join("../git-away"), root.join(".git")).unwrap();
    let run = monodup(&["check", r, "--since=--output=/tmp/x"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("not a git ref"), "{}", run.stderr);
}

#[cfg(unix)]
#[test]
fn repository_owned_by_another_user_is_read_as_root() {
    if unsafe_is_root() {
        let repo = repo();
        let root = repo.path();
        write(root, ".gitignore", "lib/\n");
        write(root, "lib/auth.ts", &function("auth"));
        repo.commit("auth");
        git(root, &["add", "-f", "lib/auth.ts"]);
        git(root, &["commit", "-q", "-m", "auth"]);
        let chown = Command::new("chown").args(["-R", "12345:12345"]).arg(root).status().unwrap();
        assert!(chown.success());
        // git itself now refuses the repository ("dubious ownership").
        let plain = Command::new("git").arg("-C").arg(root).args(["ls-files"]).output().unwrap();
        if plain.status.success() {
            println!("skipped: this git does not check ownership");
            return;
        }
        write(root, "apps/b/package.json", r#"{"name":"b"}"#);
        write(root, "apps/b/src/copy.ts", &function("copy"));
        let r = root.to_str().unwrap();
        let run = monodup(&["check", r, "--since", "HEAD", "--format", "json"]);
        assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
        assert_eq!(finding_files(&run), ["apps/b/src/copy.ts"]);
        // The tracked file under the ignored folder is scanned: git answered.
        assert!(scanned_files(root).contains(&"lib/auth.ts".to_string()));
    } else {
        println!("skipped: needs root to give the repository to another user");
    }
}

#[cfg(unix)]
fn unsafe_is_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// Seen when merging the hardening work: `git ls-files --others --exclude-standard` reads every
/// ignore file, so a FIFO named `.gitignore` blocked `check --since` forever. Untracked files
/// now come from the scan minus the index.
#[test]
fn since_with_a_fifo_gitignore_finishes_and_sees_untracked_files() {
    let repo = repo();
    let root = repo.path();
    git(root, &["checkout", "-q", "-b", "feature"]);
    let fifo = root.join("apps/a/.gitignore");
    let made = Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success());
    if !made {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    write(root, "apps/a/src/copy.ts", &function("copy"));
    let run = monodup(&["check", root.to_str().unwrap(), "--since", "main", "--format", "json"]);
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    assert_eq!(finding_files(&run), ["apps/a/src/copy.ts"]);
}
