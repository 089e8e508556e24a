//! Issue 10, cases 10 and 11: nothing outside ROOT is read or probed, and configuration that
//! would silently break a scan or a gate is a diagnostic or a usage error.

mod common;

use common::{monodup, report, write};
use serde_json::Value;
use std::path::Path;

#[cfg(unix)]
fn link(target: &str, at: &Path) {
    std::fs::create_dir_all(at.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(target, at).unwrap();
}

fn edges(v: &Value) -> Vec<(String, String, String)> {
    v["graph"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let s = |k: &str| e[k].as_str().unwrap_or("-").to_string();
            (s("specifier"), s("resolution"), format!("{}|{}", s("to"), s("reason")))
        })
        .collect()
}

fn diagnostics(v: &Value) -> Vec<String> {
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{} {} {}",
                d["file"].as_str().unwrap(),
                d["code"].as_str().unwrap(),
                d["message"].as_str().unwrap()
            )
        })
        .collect()
}

/// Case 10: a link out of the tree is not followed, an import that leaves ROOT is unresolved
/// (`outside-root`), a tsconfig `extends` outside ROOT is not read; and every answer is the
/// same whether the host file exists or not.
#[cfg(unix)]
#[test]
fn reads_outside_root_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("repo");
    write(&root, "package.json", r#"{"name": "root", "workspaces": ["apps/*"]}"#);
    write(&root, "apps/web/package.json", r#"{"name": "web"}"#);
    let imports = |host: &str| {
        format!(
            "import a from '/etc/{host}';\nimport b from '../../../../../../../../../../etc/{host}';\n\
             import c from './lnk/{host}';\nexport const x = 1;\n"
        )
    };
    write(&root, "apps/web/src/real.ts", &imports("hostname"));
    write(&root, "apps/web/src/fake.ts", &imports("no-such-host-file"));
    write(&root, "apps/web/tsconfig.json", r#"{"extends": "/etc/hostname"}"#);
    write(&root, "apps/api/package.json", r#"{"name": "api"}"#);
    write(&root, "apps/api/tsconfig.json", r#"{"extends": "../../../../../../../../etc/no-such-host-file"}"#);
    write(&root, "apps/api/src/a.ts", "import './b';\n");
    write(&root, "apps/api/src/b.ts", "export {};\n");
    link("/usr", &root.join("usr"));
    link("/no/such/host/dir", &root.join("gone"));
    link("/etc", &root.join("apps/web/src/lnk"));
    link("../../../..", &root.join("apps/web/up"));

    let v = report(&["graph", root.to_str().unwrap()]);
    let files: Vec<&str> =
        v["packages"].as_array().unwrap().iter().map(|p| p["path"].as_str().unwrap()).collect();
    assert_eq!(files, [".", "apps/api", "apps/web"]);
    assert_eq!(v["summary"]["files"], 4, "nothing of /usr is scanned");
    let diags = diagnostics(&v);
    for l in ["usr", "gone", "apps/web/src/lnk", "apps/web/up"] {
        assert!(
            diags.contains(&format!(
                "{l} outside-root skipped: symbolic link that leads outside the root (not followed)"
            )),
            "{l}: {diags:#?}"
        );
    }
    let all = edges(&v);
    let of = |file: &str| -> Vec<(String, String)> {
        v["graph"]["edges"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["from"] == file)
            .map(|e| (e["resolution"].as_str().unwrap().into(), e["reason"].as_str().unwrap_or("-").into()))
            .collect()
    };
    let outside = vec![("unresolved".to_string(), "outside-root".to_string()); 3];
    assert_eq!(of("apps/web/src/real.ts"), outside, "{all:#?}");
    assert_eq!(of("apps/web/src/fake.ts"), outside, "the same whether the file exists: {all:#?}");
    assert!(all.iter().all(|(_, _, to)| !to.contains("//")), "{all:#?}");
    // extends outside ROOT: not read, said so, the same words for a file that exists or not.
    assert!(
        diags.contains(&"apps/web/tsconfig.json outside-root `extends` target /etc/hostname is outside the root: not read; files under it are resolved without it".to_string()),
        "{diags:#?}"
    );
    assert!(
        diags.iter().any(|d| d.starts_with("apps/api/tsconfig.json outside-root `extends` target")
            && d.contains("is outside the root: not read")),
        "{diags:#?}"
    );
    assert!(all.contains(&("./b".into(), "internal".into(), "apps/api/src/b.ts|-".into())), "{all:#?}");
}

/// Case 10, sibling: the resolver reads nothing above ROOT either (a tsconfig there used to
/// map the repository's imports).
#[test]
fn config_above_the_root_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let outer = dir.path();
    write(outer, "tsconfig.json", r#"{"compilerOptions": {"paths": {"@up/*": ["./repo/src/*"]}}}"#);
    let root = outer.join("repo");
    write(&root, "package.json", r#"{"name": "root"}"#);
    write(&root, "src/a.ts", "import { b } from '@up/b';\nexport const a = b;\n");
    write(&root, "src/b.ts", "export const b = 1;\n");
    let v = report(&["graph", root.to_str().unwrap()]);
    let e = edges(&v);
    assert_eq!(e[0].0, "@up/b");
    assert_ne!(e[0].1, "internal", "{e:?}");
}

/// Case 10, siblings: a repository's monodup.toml linked out of it is refused (its text would
/// be quoted in errors), and a framework config linked out of it does not make an app.
#[cfg(unix)]
#[test]
fn links_out_of_the_root_do_not_configure_the_scan() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("repo");
    write(&root, "package.json", r#"{"name": "root", "workspaces": ["web", "api"]}"#);
    write(&root, "web/package.json", r#"{"name": "web"}"#);
    write(&root, "api/package.json", r#"{"name": "api"}"#);
    write(&root, "web/next.config.js", "module.exports = {};\n");
    link("/etc/hostname", &root.join("api/next.config.js"));
    let v = report(&["scan", root.to_str().unwrap()]);
    let kinds: Vec<String> = v["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| format!("{} {}", p["path"].as_str().unwrap(), p["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(kinds, [". root", "api library", "web app"]);
    link("/etc/passwd", &root.join("monodup.toml"));
    let r = monodup(&["scan", root.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("leads outside the root") && !r.stderr.contains("root:x"), "{}", r.stderr);
}

/// Case 11: `"extends": ""` is reported and ignored; the rest of the tsconfig still applies.
#[test]
fn empty_tsconfig_extends_is_a_diagnostic() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "package.json", r#"{"name": "root"}"#);
    write(
        root,
        "tsconfig.json",
        "{\n  // comments and trailing commas are fine\n  \"extends\": \"\",\n  \"compilerOptions\": {\"paths\": {\"@lib/*\": [\"./src/lib/*\"]}},\n}\n",
    );
    write(root, "src/lib/a.ts", "export const a = 1;\n");
    write(root, "src/b.ts", "import { a } from '@lib/a';\nimport './lib/a';\nexport const b = a;\n");
    let v = report(&["graph", root.to_str().unwrap()]);
    let e = edges(&v);
    assert!(e.iter().all(|(_, r, _)| r == "internal"), "{e:?}");
    let d = &v["diagnostics"][0];
    assert_eq!(
        (d["file"].as_str(), d["line"].as_u64(), d["code"].as_str()),
        (Some("tsconfig.json"), Some(3), Some("bad-tsconfig"))
    );
    assert!(d["message"].as_str().unwrap().contains("`extends` is empty: ignored"), "{d}");
}

/// Case 11: a gate value that is not a number in range (nan, inf, negative, above 100) is a
/// usage error naming the key and its line, not a gate that is silently off.
#[test]
fn gate_values_out_of_range_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "package.json", "{}");
    for bad in ["nan", "inf", "-inf", "-5.0", "100.1"] {
        for key in ["max_duplication_percent", "max_package_duplication_percent"] {
            write(root, "monodup.toml", &format!("[check]\ncycles = true\n{key} = {bad}\n"));
            let r = monodup(&["check", root.to_str().unwrap()]);
            assert_eq!(r.code, 2, "{key} = {bad}: {}{}", r.stdout, r.stderr);
            assert!(r.stderr.contains(key) && r.stderr.contains("line 3"), "{}", r.stderr);
        }
    }
    write(root, "monodup.toml", "[plan]\nfork_share = nan\n");
    let r = monodup(&["plan", root.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("fork_share") && r.stderr.contains("line 2"), "{}", r.stderr);
}

/// Case 11: every glob of monodup.toml is checked alike (a usage error naming the key); a bad
/// glob in a repository manifest is a diagnostic naming the manifest, and the others still work.
#[test]
fn bad_globs_are_usage_errors_in_the_config_and_diagnostics_in_manifests() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "package.json", r#"{"name": "root", "workspaces": ["libs/{", 7, "apps/*"]}"#);
    write(root, "pnpm-workspace.yaml", "packages:\n  - 'packages/*'\n  - 'tools/[a'\n");
    write(root, "apps/web/package.json", r#"{"name": "web"}"#);
    write(root, "packages/ui/package.json", r#"{"name": "ui"}"#);
    for (toml, key) in [
        ("[packages]\napps = [\"apps/[\"]\n", "[packages] apps"),
        ("[packages]\nlibraries = [\"{a\"]\n", "[packages] libraries"),
        ("[scan]\ninclude = [\"src/[\"]\n", "[scan] include"),
        ("[plan.concerns]\n\"a/{b\" = \"auth\"\n", "[plan.concerns]"),
        ("[[rules]]\nname = \"r\"\nfrom = [\"x\"]\nto = [\"y\"]\nallow = [\"z[\"]\n", "[[rules]] allow"),
    ] {
        write(root, "monodup.toml", toml);
        for cmd in ["scan", "check"] {
            let r = monodup(&[cmd, root.to_str().unwrap()]);
            assert_eq!(r.code, 2, "{cmd} {toml}: {}", r.stderr);
            assert!(r.stderr.contains(key) && r.stderr.contains("line"), "{toml}: {}", r.stderr);
        }
    }
    std::fs::remove_file(root.join("monodup.toml")).unwrap();
    let v = report(&["scan", root.to_str().unwrap()]);
    let diags = diagnostics(&v);
    assert!(
        diags.iter().any(|d| d.starts_with("package.json bad-manifest invalid workspace glob \"libs/{\"")),
        "{diags:#?}"
    );
    assert!(
        diags.iter().any(|d| d.starts_with("package.json bad-manifest `workspaces` entry 7 is not a string")),
        "{diags:#?}"
    );
    let yaml = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["file"] == "pnpm-workspace.yaml")
        .expect("yaml");
    assert_eq!(yaml["line"], 3, "{yaml}");
    assert!(yaml["message"].as_str().unwrap().contains("tools/[a"), "{yaml}");
    let paths: Vec<&str> =
        v["packages"].as_array().unwrap().iter().map(|p| p["path"].as_str().unwrap()).collect();
    assert_eq!(paths, [".", "apps/web", "packages/ui"]);
}

/// Case 11: the repository's config cannot make `check --update-baseline` write (or `check`
/// read) outside the repository; `--baseline` on the command line may point anywhere.
#[test]
fn a_config_baseline_outside_the_root_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("a/b/repo");
    write(&root, "package.json", "{}");
    for bad in ["../../x.json", "/tmp/monodup-hardening-x.json", "sub/../../x.json"] {
        write(&root, "monodup.toml", &format!("[check]\nbaseline = {bad:?}\n"));
        let r = monodup(&["check", root.to_str().unwrap(), "--update-baseline"]);
        assert_eq!(r.code, 2, "{bad}: {}", r.stderr);
        assert!(r.stderr.contains("[check] baseline") && r.stderr.contains("line 2"), "{}", r.stderr);
    }
    assert!(!dir.path().join("a/x.json").exists() && !Path::new("/tmp/monodup-hardening-x.json").exists());
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(dir.path(), root.join("out")).unwrap();
        write(&root, "monodup.toml", "[check]\nbaseline = \"out/x.json\"\n");
        let r = monodup(&["check", root.to_str().unwrap(), "--update-baseline"]);
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(r.stderr.contains("symbolic link"), "{}", r.stderr);
        assert!(!dir.path().join("x.json").exists());
    }
    // The user's own flag is not the repository's say.
    let elsewhere = dir.path().join("elsewhere.json");
    let r = monodup(&[
        "check",
        root.to_str().unwrap(),
        "--update-baseline",
        "--baseline",
        elsewhere.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(elsewhere.exists());
    write(&root, "monodup.toml", "[check]\nbaseline = \"ci/base.json\"\n");
    std::fs::create_dir_all(root.join("ci")).unwrap();
    assert_eq!(monodup(&["check", root.to_str().unwrap(), "--update-baseline"]).code, 0);
    assert!(root.join("ci/base.json").exists());
}
