//! Issue 10, hostile and odd files: what monodup writes onto (case 1), special and huge files it
//! must not read (case 6), thread counts (case 7), unreadable files, byte order marks, non-UTF-8
//! names and CR-only line ends (case 12). Special files are made at test time; every run of the
//! binary has a watchdog, so a regression fails instead of hanging.

mod common;

use common::{assert_valid, monodup_command, run_with_timeout, write, Run};
use serde_json::Value;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const WATCHDOG: Duration = Duration::from_secs(20);

fn monodup(args: &[&str]) -> Run {
    run_with_timeout(monodup_command(args), WATCHDOG)
}

/// `monodup` under `sh -c 'ulimit …; exec monodup …'`.
fn monodup_limited(ulimit: &str, args: &[&str]) -> Run {
    let mut cmd = Command::new("sh");
    cmd.arg("-c").arg(format!("ulimit {ulimit} && exec \"$0\" \"$@\"")).arg(env!("CARGO_BIN_EXE_monodup"));
    cmd.args(args);
    run_with_timeout(cmd, WATCHDOG)
}

fn json_report(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json", "--quiet"]);
    let run = monodup(&all);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    let v: Value = serde_json::from_str(&run.stdout).expect("stdout is JSON");
    assert_valid(&v);
    v
}

/// `file code` of every diagnostic.
fn diagnostics(report: &Value) -> Vec<String> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| format!("{} {}", d["file"].as_str().unwrap(), d["code"].as_str().unwrap()))
        .collect()
}

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo").arg(path).status().expect("mkfifo").success();
    assert!(ok, "mkfifo {}", path.display());
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// A two-package workspace with a source file each.
fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "package.json", r#"{"name": "r", "private": true, "workspaces": ["packages/*"]}"#);
    write(root, "packages/a/package.json", r#"{"name": "a"}"#);
    write(root, "packages/a/src/index.ts", "import { b } from './b';\nexport const a = b;\n");
    write(root, "packages/a/src/b.ts", "export const b = 1;\n");
    dir
}

fn root_str(dir: &tempfile::TempDir) -> &str {
    dir.path().to_str().unwrap()
}

// ---------------------------------------------------------------- case 1: what -o writes onto

#[test]
fn output_onto_a_device_is_written_in_place_as_root() {
    if !is_root() {
        println!("skipped: mknod needs root");
        return;
    }
    let dir = repo();
    // A private /dev/null: the real one must not be put at risk by a regression.
    let null = dir.path().join("null");
    let ok = Command::new("mknod").arg(&null).args(["c", "1", "3"]).status().unwrap().success();
    assert!(ok, "mknod");
    let run = monodup(&["scan", root_str(&dir), "--format", "json", "-q", "-o", null.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    use std::os::unix::fs::FileTypeExt;
    let meta = fs::symlink_metadata(&null).unwrap();
    assert!(meta.file_type().is_char_device(), "the device was replaced: {meta:?}");
    // No temporary file is left beside it.
    let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(!names.iter().any(|n| n.to_string_lossy().starts_with(".tmp")), "{names:?}");
}

#[test]
fn output_onto_a_fifo_is_written_in_place_and_a_fifo_without_reader_is_refused() {
    let dir = repo();
    let fifo = dir.path().join("out.fifo");
    mkfifo(&fifo);
    // Nobody reads it: refused at once, not a hang.
    let run = monodup(&["scan", root_str(&dir), "-q", "-o", fifo.to_str().unwrap()]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("FIFO that no process is reading"), "{}", run.stderr);
    // With a reader, the report goes through the FIFO, which stays one.
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
    };
    let start = Instant::now();
    let mut run;
    loop {
        run = monodup(&["scan", root_str(&dir), "--format", "json", "-q", "-o", fifo.to_str().unwrap()]);
        // The reader thread may not have opened its end yet.
        if run.code == 0 || start.elapsed() > WATCHDOG {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = reader.join().unwrap();
    assert!(serde_json::from_str::<Value>(&text).is_ok(), "{text}");
    use std::os::unix::fs::FileTypeExt;
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
}

#[test]
fn output_onto_a_directory_or_socket_is_refused() {
    let dir = repo();
    let folder = dir.path().join("out");
    fs::create_dir(&folder).unwrap();
    let run = monodup(&["scan", root_str(&dir), "-q", "-o", folder.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("it is a directory"), "{}", run.stderr);
    assert!(folder.is_dir());
    let sock = dir.path().join("out.sock");
    let _listener = std::os::unix::net::UnixListener::bind(&sock).unwrap();
    let run = monodup(&["scan", root_str(&dir), "-q", "-o", sock.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("it is a socket"), "{}", run.stderr);
    use std::os::unix::fs::FileTypeExt;
    assert!(fs::symlink_metadata(&sock).unwrap().file_type().is_socket());
}

#[test]
fn output_through_a_symlink_replaces_its_target_and_keeps_link_and_mode() {
    let dir = repo();
    let target = dir.path().join("real.json");
    fs::write(&target, "old").unwrap();
    fs::set_permissions(&target, fs::Permissions::from_mode(0o600)).unwrap();
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink("real.json", &link).unwrap();
    let run = monodup(&["scan", root_str(&dir), "--format", "json", "-q", "-o", link.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    let text = fs::read_to_string(&target).unwrap();
    assert!(serde_json::from_str::<Value>(&text).is_ok(), "{text}");
    assert_eq!(fs::metadata(&target).unwrap().permissions().mode() & 0o777, 0o600);
    // A link to nothing is refused: monodup does not create link targets.
    let dangling = dir.path().join("dangling.json");
    std::os::unix::fs::symlink("missing.json", &dangling).unwrap();
    let run = monodup(&["scan", root_str(&dir), "-q", "-o", dangling.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("symbolic link to a missing file"), "{}", run.stderr);
    assert!(!dir.path().join("missing.json").exists());
}

#[test]
fn init_and_update_baseline_refuse_what_is_not_a_file() {
    // The same writer serves `init` and `check --update-baseline`.
    let dir = repo();
    fs::create_dir(dir.path().join("monodup.toml")).unwrap();
    let run = monodup(&["init", root_str(&dir), "--force"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("it is a directory"), "{}", run.stderr);
    fs::remove_dir(dir.path().join("monodup.toml")).unwrap();
    let fifo = dir.path().join(".monodup-baseline.json");
    mkfifo(&fifo);
    let run = monodup(&["check", root_str(&dir), "--update-baseline", "-q"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("FIFO"), "{}", run.stderr);
}

// ---------------------------------------------------------------- case 6: special and huge files

#[test]
fn special_files_hang_nothing_fifo_manifests_and_ignore_files() {
    let dir = repo();
    let root = dir.path();
    for name in ["pnpm-workspace.yaml", ".gitignore", ".ignore", "lerna.json", "packages/a/tsconfig.json"] {
        mkfifo(&root.join(name));
    }
    fs::create_dir_all(root.join(".git/info")).unwrap();
    mkfifo(&root.join(".git/info/exclude"));
    mkfifo(&root.join("packages/a/src/fifo.ts"));
    std::os::unix::fs::symlink("/dev/zero", root.join("packages/a/.gitignore")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", root.join("packages/a/src/zero.ts")).unwrap();
    let r = json_report(&["graph", root_str(&dir)]);
    let d = diagnostics(&r);
    for expected in [
        "pnpm-workspace.yaml special-file",
        ".gitignore special-file",
        ".ignore special-file",
        ".git/info/exclude special-file",
        "lerna.json special-file",
        "packages/a/.gitignore outside-root",
        "packages/a/tsconfig.json special-file",
        "packages/a/src/fifo.ts special-file",
        // A link out of the tree is not followed at all, whatever its target.
        "packages/a/src/zero.ts outside-root",
    ] {
        assert!(d.contains(&expected.to_string()), "{expected} missing from {d:?}");
    }
    // The rest is scanned as usual.
    assert_eq!(r["summary"]["files"], 2);
    assert_eq!(r["summary"]["edges"], 1);
}

#[test]
fn gitignore_linked_to_dev_zero_does_not_exhaust_memory() {
    let dir = repo();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join(".gitignore")).unwrap();
    // 1 GiB of address space: reading /dev/zero into memory would fail fast instead of passing.
    let run = monodup_limited("-v 1048576", &["scan", root_str(&dir), "--format", "json", "-j", "1"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // A link out of the tree is not read at all (nor is its target opened).
    assert!(run.stderr.contains(".gitignore: warning[outside-root]"), "{}", run.stderr);
}

#[test]
fn fifo_baseline_and_config_are_exit_2_not_a_hang() {
    let dir = repo();
    let baseline = dir.path().join(".monodup-baseline.json");
    mkfifo(&baseline);
    let run = monodup(&["check", root_str(&dir), "-q"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("not a regular file (a FIFO)"), "{}", run.stderr);
    fs::remove_file(&baseline).unwrap();
    mkfifo(&dir.path().join("monodup.toml"));
    let run = monodup(&["scan", root_str(&dir), "-q"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("cannot read config") && run.stderr.contains("FIFO"), "{}", run.stderr);
}

#[test]
fn sparse_2gb_files_are_too_large_without_being_read() {
    let dir = repo();
    let root = dir.path();
    let big = fs::File::create(root.join("packages/a/src/huge.ts")).unwrap();
    big.set_len(2 << 30).unwrap();
    fs::create_dir_all(root.join("packages/b")).unwrap();
    fs::File::create(root.join("packages/b/package.json")).unwrap().set_len(2 << 30).unwrap();
    let tsconfig = fs::File::create(root.join("packages/a/tsconfig.json")).unwrap();
    tsconfig.set_len(2 << 30).unwrap();
    let run = monodup_limited("-v 1048576", &["graph", root_str(&dir), "--format", "json", "-j", "1"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for expected in [
        "packages/a/src/huge.ts: warning[too-large]: skipped: 2147483648 bytes is over the 8388608 byte limit",
        "packages/b/package.json: error[bad-manifest]: cannot read: 2147483648 bytes",
        "packages/a/tsconfig.json: error[bad-tsconfig]: cannot read: 2147483648 bytes",
    ] {
        assert!(run.stderr.contains(expected), "{expected} missing from {}", run.stderr);
    }
}

#[test]
fn tsconfig_extends_target_that_is_special_is_not_read() {
    let dir = repo();
    let root = dir.path();
    write(root, "packages/a/tsconfig.json", r#"{"extends": "./base.json"}"#);
    mkfifo(&root.join("packages/a/base.json"));
    let r = json_report(&["graph", root_str(&dir)]);
    assert_eq!(r["summary"]["edges"], 1);
    let d = diagnostics(&r);
    assert!(d.contains(&"packages/a/tsconfig.json bad-tsconfig".to_string()), "{d:?}");
    fs::remove_file(root.join("packages/a/base.json")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", root.join("packages/a/base.json")).unwrap();
    let r = json_report(&["graph", root_str(&dir)]);
    assert_eq!(r["summary"]["edges"], 1);
}

// ---------------------------------------------------------------- case 7: threads

#[test]
fn j_100000_is_capped_and_finishes() {
    let dir = repo();
    let start = Instant::now();
    let r = json_report(&["scan", root_str(&dir), "-j", "100000"]);
    assert_eq!(r["summary"]["files"], 2);
    assert!(start.elapsed() < Duration::from_secs(10), "took {:?}", start.elapsed());
}

#[test]
fn refused_thread_spawns_fall_back_to_fewer_threads() {
    // 64 MiB worker stacks in 1.5 GiB of address space: -j 64 (capped to 4 per core) cannot
    // start every thread it asks for on most machines, and must then use fewer, not panic.
    let dir = repo();
    let run = monodup_limited("-v 1572864", &["scan", root_str(&dir), "--format", "json", "-q", "-j", "64"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    let v: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["summary"]["files"], 2);
}

// ---------------------------------------------------------------- case 12: unreadable and odd files

/// Runs monodup as a user who cannot read a chmod 000 file: the current one when not root,
/// `nobody` through setpriv when root; None when neither is possible.
fn monodup_as_non_root(dir: &Path, args: &[&str]) -> Option<Run> {
    if !is_root() {
        return Some(monodup(args));
    }
    if Command::new("setpriv").arg("--version").output().is_err() {
        return None;
    }
    // nobody must reach the tree: open every folder up to it.
    for d in dir.ancestors() {
        let mode = fs::metadata(d).ok()?.permissions().mode();
        fs::set_permissions(d, fs::Permissions::from_mode(mode | 0o555)).ok()?;
    }
    let mut cmd = Command::new("setpriv");
    cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups", env!("CARGO_BIN_EXE_monodup")]).args(args);
    Some(run_with_timeout(cmd, WATCHDOG))
}

#[test]
fn unreadable_tsconfig_gitignore_and_pnpm_workspace_are_diagnostics_needs_non_root() {
    let dir = repo();
    let root = dir.path();
    write(root, "packages/a/tsconfig.json", "{}");
    write(root, "pnpm-workspace.yaml", "packages:\n  - 'packages/*'\n");
    write(root, ".gitignore", "dist/\n");
    write(root, "packages/a/project.json", r#"{"projectType": "library"}"#);
    for f in ["packages/a/tsconfig.json", "pnpm-workspace.yaml", ".gitignore", "packages/a/project.json"] {
        fs::set_permissions(root.join(f), fs::Permissions::from_mode(0o000)).unwrap();
    }
    let args = ["graph", root_str(&dir), "--format", "json", "-q"];
    let Some(run) = monodup_as_non_root(root, &args) else {
        println!("skipped: running as root without setpriv, chmod 000 cannot be tested");
        return;
    };
    assert_eq!(run.code, 0, "{}", run.stderr);
    let d = diagnostics(&serde_json::from_str(&run.stdout).unwrap());
    for expected in [
        "packages/a/tsconfig.json bad-tsconfig",
        "pnpm-workspace.yaml bad-manifest",
        ".gitignore unreadable",
        "packages/a/project.json bad-manifest",
    ] {
        assert!(d.contains(&expected.to_string()), "{expected} missing from {d:?}");
    }
}

#[test]
fn manifests_tsconfig_and_config_with_a_bom_are_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let bom = "\u{feff}";
    write(root, "package.json", &format!(r#"{bom}{{"name": "r", "workspaces": ["packages/*"]}}"#));
    write(root, "packages/a/package.json", &format!(r#"{bom}{{"name": "@r/a", "main": "src/index.ts"}}"#));
    write(root, "packages/a/src/index.ts", "export const a = 1;\n");
    write(root, "packages/b/package.json", &format!(r#"{bom}{{"name": "@r/b"}}"#));
    write(
        root,
        "packages/b/tsconfig.json",
        &format!(r#"{bom}{{"compilerOptions": {{"baseUrl": ".", "paths": {{"~/*": ["src/*"]}}}}}}"#),
    );
    write(
        root,
        "packages/b/src/index.ts",
        "import { a } from '@r/a';\nimport { c } from '~/c';\nexport const b = a + c;\n",
    );
    write(root, "packages/b/src/c.ts", "export const c = 1;\n");
    write(root, "pnpm-workspace.yaml", &format!("{bom}packages:\n  - 'packages/*'\n"));
    write(root, ".gitignore", &format!("{bom}ignored.ts\n"));
    write(root, "packages/b/src/ignored.ts", "export const x = 1;\n");
    write(root, "monodup.toml", &format!("{bom}[clones]\nmin_tokens = 20\n"));
    let r = json_report(&["graph", root.to_str().unwrap()]);
    assert_eq!(r["diagnostics"], serde_json::json!([]));
    let names: Vec<&str> =
        r["packages"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["r", "@r/a", "@r/b"]);
    let edges = common::edge_lines(&r);
    assert!(
        edges.contains(&"packages/b/src/index.ts:1 @r/a -> workspace packages/a/src/index.ts".to_string()),
        "{edges:?}"
    );
    assert!(
        edges.contains(&"packages/b/src/index.ts:2 ~/c -> internal packages/b/src/c.ts".to_string()),
        "{edges:?}"
    );
    assert_eq!(r["summary"]["files"], 3);
    // And a baseline with one.
    let baseline = root.join("b.json");
    fs::write(
        &baseline,
        format!("{bom}{{\"schema_version\": 1, \"clones\": {{}}, \"violations\": [], \"cycles\": []}}"),
    )
    .unwrap();
    let run = monodup(&["check", root.to_str().unwrap(), "--baseline", baseline.to_str().unwrap(), "-q"]);
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
}

#[test]
fn non_utf8_file_names_stay_distinct() {
    use std::os::unix::ffi::OsStrExt;
    let dir = repo();
    let src = dir.path().join("packages/a/src");
    let name = |bytes: &[u8]| src.join(std::ffi::OsStr::from_bytes(bytes));
    let body = "export function f(a: number, b: number) {\n  const c = a + b;\n  const d = c * 2;\n  const e = d - a;\n  const g = e / b;\n  return [a, b, c, d, e, g];\n}\n";
    fs::write(name(b"a\xff.ts"), body).unwrap();
    fs::write(name(b"a\xfe.ts"), body).unwrap();
    // `b\xff.ts` spelled out with a backslash is a real name: it keeps it, and the file whose
    // name escapes to it is skipped with a diagnostic.
    fs::write(name(b"b\xff.ts"), "export const escaped = 1;\n").unwrap();
    fs::write(src.join("b\\xff.ts"), "export const spelled = 1;\n").unwrap();
    let r = json_report(&["dups", root_str(&dir), "--min-tokens", "10", "--min-lines", "2"]);
    // index.ts, b.ts, the two a?.ts and the spelled-out one.
    assert_eq!(r["summary"]["files"], 5);
    let classes = r["clones"].as_array().unwrap();
    assert_eq!(classes.len(), 1, "{classes:?}");
    let files: Vec<&str> =
        classes[0]["fragments"].as_array().unwrap().iter().map(|f| f["file"].as_str().unwrap()).collect();
    assert_eq!(files, [r"packages/a/src/a\xfe.ts", r"packages/a/src/a\xff.ts"]);
    let d: Vec<(String, String)> = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["file"].as_str().unwrap().to_string(), d["message"].as_str().unwrap().to_string()))
        .collect();
    assert!(d.iter().any(|(f, m)| f == r"packages/a/src/a\xfe.ts" && m.contains("escapes")), "{d:?}");
    assert!(d.iter().any(|(f, m)| f == r"packages/a/src/b\xff.ts" && m.contains("skipped")), "{d:?}");
}

#[test]
fn cr_only_file_is_not_minified_and_counts_its_lines() {
    let dir = repo();
    // 200 short lines ended by a lone CR: one 4 KB "line" to a newline-only counter.
    let mut text = String::from("import { b } from './b';\r");
    for i in 0..200 {
        text.push_str(&format!("export const v{i} = b + {i};\r"));
    }
    write(dir.path(), "packages/a/src/mac.ts", &text);
    write(dir.path(), "packages/a/src/bad.ts", "const a = 1;\rconst b = 2;\r\nexport const broken = ;\r");
    let r = json_report(&["graph", root_str(&dir)]);
    let d = r["diagnostics"].as_array().unwrap();
    assert!(!d.iter().any(|d| d["code"] == "minified"), "{d:?}");
    let syntax = d.iter().find(|d| d["code"] == "syntax").expect("the syntax error is reported");
    assert_eq!((syntax["file"].as_str(), syntax["line"].as_u64()), (Some("packages/a/src/bad.ts"), Some(3)));
    assert_eq!(r["summary"]["lines"], 2 + 1 + 201 + 3);
    let edges = common::edge_lines(&r);
    assert!(
        edges.contains(&"packages/a/src/mac.ts:1 ./b -> internal packages/a/src/b.ts".to_string()),
        "{edges:?}"
    );
}

#[test]
fn ignore_files_read_by_monodup_keep_their_rules() {
    // The walker no longer reads ignore files itself: nesting, negation, `.ignore`,
    // `.git/info/exclude` and the folders above ROOT in its work tree still apply.
    let top = tempfile::tempdir().unwrap();
    fs::create_dir_all(top.path().join(".git/info")).unwrap();
    fs::write(top.path().join(".git/info/exclude"), "*.local.ts\n").unwrap();
    write(top.path(), ".gitignore", "from-above.ts\n");
    let root = top.path().join("repo");
    write(&root, "package.json", r#"{"name": "r"}"#);
    write(&root, ".gitignore", "*.gen.ts\n# a comment\nout2/\n");
    write(&root, "src/.gitignore", "!keep.gen.ts\n");
    write(&root, ".ignore", "secret/\n");
    for f in [
        "src/a.ts",
        "src/x.gen.ts",
        "src/keep.gen.ts",
        "src/out2/y.ts",
        "secret/s.ts",
        "src/me.local.ts",
        "src/from-above.ts",
    ] {
        write(&root, f, "export const x = 1;\n");
    }
    let r = json_report(&["dups", root.to_str().unwrap()]);
    assert_eq!(r["diagnostics"], serde_json::json!([]));
    assert_eq!(r["summary"]["files"], 2, "src/a.ts and src/keep.gen.ts only");
}

// ---------------------------------------------------------------- broken symbolic links

/// Seen on formbricks: `apps/web/.env -> ../../.env` with no root `.env` was a warning that the
/// file could not be read ("No such file or directory"), about a file monodup never reads.
#[test]
fn a_broken_link_is_named_as_such_and_only_when_monodup_would_read_it() {
    let dir = repo();
    let root = dir.path();
    std::os::unix::fs::symlink("../../.env", root.join("packages/a/.env")).unwrap();
    std::os::unix::fs::symlink("gone.ts", root.join("packages/a/src/moved.ts")).unwrap();
    let report = json_report(&["scan", root_str(&dir)]);
    assert_eq!(diagnostics(&report), ["packages/a/src/moved.ts unreadable"]);
    let d = &report["diagnostics"][0];
    assert_eq!(d["message"], "skipped: broken symbolic link (its target does not exist)");
    assert_eq!(d["severity"], "warning");
}
