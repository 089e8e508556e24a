//! Shared helpers: run the real binary (always under a watchdog) on a fixture or a temporary
//! repository, parse and validate its JSON, compare runs at several thread counts.
#![allow(dead_code)]

pub mod tsc;

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata").join(name)
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// How long [`monodup`] lets one run take: far above any fixture's, so only a hang trips it.
pub const TIMEOUT: Duration = Duration::from_secs(120);

/// A command for the binary under test (stdin closed, so nothing can wait on it).
pub fn monodup_command(args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_monodup"));
    cmd.args(args);
    cmd
}

/// Runs `cmd` to completion, or kills it after `timeout` and fails the test, so a regression
/// that hangs fails instead of blocking the suite. Output is drained while it runs.
pub fn run_with_timeout(mut cmd: Command, timeout: Duration) -> Run {
    let mut child =
        cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("spawn");
    let drain = |mut pipe: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut s = Vec::new();
            pipe.read_to_end(&mut s).ok();
            s
        })
    };
    let out = drain(Box::new(child.stdout.take().unwrap()));
    let err = drain(Box::new(child.stderr.take().unwrap()));
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > timeout {
            child.kill().ok();
            child.wait().ok();
            panic!("{cmd:?} hung: killed after {timeout:?}");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.join().unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&err.join().unwrap()).into_owned(),
    }
}

pub fn monodup(args: &[&str]) -> Run {
    run_with_timeout(monodup_command(args), TIMEOUT)
}

/// Runs `monodup ARGS -j N` for every N in `threads` and asserts that all runs exit alike with
/// byte-identical stdout; returns the first run.
pub fn assert_same_output_at_threads(args: &[&str], threads: &[usize]) -> Run {
    let mut runs = threads.iter().map(|n| {
        let n = n.to_string();
        let mut all = args.to_vec();
        all.extend(["-j", &n]);
        (n.clone(), monodup(&all))
    });
    let (first_n, first) = runs.next().expect("at least one thread count");
    for (n, run) in runs {
        assert_eq!(run.code, first.code, "{args:?}: exit code at -j{first_n} and -j{n}");
        assert!(run.stdout == first.stdout, "{args:?}: stdout differs at -j{first_n} and -j{n}");
    }
    first
}

fn schema() -> &'static jsonschema::Validator {
    static SCHEMA: OnceLock<jsonschema::Validator> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        let text =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/report.schema.json"))
                .expect("schema file");
        let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
        jsonschema::validator_for(&schema).expect("schema compiles")
    })
}

/// Fails the test when `report` does not follow docs/report.schema.json.
pub fn assert_valid(report: &Value) {
    let errors: Vec<String> =
        schema().iter_errors(report).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "report does not match the schema:\n{}", errors.join("\n"));
}

/// Runs a command with `--format json`, checks exit 0 and the schema, returns the report.
pub fn report(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json", "--quiet"]);
    let run = monodup(&all);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    let v: Value = serde_json::from_str(&run.stdout).expect("stdout is JSON");
    assert_valid(&v);
    v
}

/// One edge as `from:line specifier -> resolution to|package|reason`, for compact assertions.
pub fn edge_lines(report: &Value) -> Vec<String> {
    report["graph"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let target = e["to"].as_str().or(e["package"].as_str()).or(e["reason"].as_str()).unwrap_or("-");
            let ty = if e["type_only"].as_bool().unwrap() { " (type)" } else { "" };
            format!(
                "{}:{} {} -> {} {}{}",
                e["from"].as_str().unwrap(),
                e["line"],
                e["specifier"].as_str().unwrap(),
                e["resolution"].as_str().unwrap(),
                target,
                ty
            )
        })
        .collect()
}

pub fn strings(v: &Value) -> Vec<String> {
    v.as_array().unwrap().iter().map(|x| x.as_str().unwrap().to_string()).collect()
}

/// Writes `text` to `root/rel`, creating folders.
pub fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

/// `name path kind files` per package, in report order (by path).
pub fn packages(r: &Value) -> Vec<String> {
    r["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            format!(
                "{} {} {} {}",
                p["name"].as_str().unwrap(),
                p["path"].as_str().unwrap(),
                p["kind"].as_str().unwrap(),
                p["files"]
            )
        })
        .collect()
}

/// Runs git in `dir` as a fixed user, with no signing and no GIT_DIR/GIT_WORK_TREE inherited
/// from a hook; fails the test when git fails.
pub fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"])
        .args(args)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

/// A repository to scan, made at test time: the folder `repo` inside a fresh temporary folder
/// (whose other room, [`TempRepo::scratch`], is for things that must lie outside the root).
/// Removed when dropped.
pub struct TempRepo {
    dir: tempfile::TempDir,
    root: PathBuf,
}

impl TempRepo {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("repo");
        std::fs::create_dir_all(&root).unwrap();
        TempRepo { dir, root }
    }

    /// A copy of `testdata/NAME`.
    pub fn from_fixture(name: &str) -> Self {
        let repo = Self::new();
        copy_dir(&fixture(name), &repo.root);
        repo
    }

    /// The repository's root.
    pub fn path(&self) -> &Path {
        &self.root
    }

    /// The root as an argument.
    pub fn arg(&self) -> &str {
        self.root.to_str().unwrap()
    }

    /// The temporary folder around the root.
    pub fn scratch(&self) -> &Path {
        self.dir.path()
    }

    /// Writes `text` to `rel` under the root, creating folders.
    pub fn write(&self, rel: &str, text: &str) -> &Self {
        write(&self.root, rel, text);
        self
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.root.join(rel)).unwrap()
    }

    pub fn git(&self, args: &[&str]) {
        git(&self.root, args);
    }

    /// `git init` on branch `main`, and a first commit of everything.
    pub fn init_git(&self) -> &Self {
        self.git(&["init", "-q", "-b", "main"]);
        self.commit("base");
        self
    }

    /// Commits everything (`add -A`), hooks skipped.
    pub fn commit(&self, msg: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "--no-verify", "-m", msg]);
    }
}

fn copy_dir(from: &Path, to: &Path) {
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        let dest = to.join(p.file_name().unwrap());
        if p.is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
            copy_dir(&p, &dest);
        } else {
            std::fs::copy(&p, &dest).unwrap();
        }
    }
}
