//! The TypeScript helpers of tests/common/tsc.rs (which the `monodup apply` tests use to check
//! that a repository type-checks as well after an apply as before), and the fixture those tests
//! start from, testdata/apply-seed (EXPECTED.md there), type-checking with no error at all.
//!
//! Every test needs `tsc`: `.ci/run` installs it and sets MONODUP_TSC; elsewhere, without one,
//! the tests print "skipped: no tsc" and pass (under CI a missing `tsc` fails them).

mod common;

use common::tsc::{error_signature, link_workspace, new_errors, parse_tsc_output, tsc, tsc_errors, TscError};
use common::TempRepo;
use std::path::Path;

/// `tsc`, or `None` after printing that the test is skipped.
fn tsc_or_skip() -> Option<std::path::PathBuf> {
    let found = tsc();
    if found.is_none() {
        eprintln!("skipped: no tsc");
    }
    found
}

const TSCONFIG: &str = r#"{
  "compilerOptions": {
    "strict": true,
    "noEmit": true,
    "module": "esnext",
    "moduleResolution": "bundler",
    "skipLibCheck": true
  },
  "include": ["src"]
}
"#;

#[test]
fn parses_errors_with_and_without_a_file() {
    let out = "src/a.ts(3,7): error TS2322: Type 'number' is not assignable to type 'string'.\n\
               /r/src/b (1).ts(1,1): error TS2307: Cannot find module '/r/x'.\n  \
               Did you mean '/r/y'?\n\
               error TS5058: The specified path does not exist: 'nope'.\n\
               Found 3 errors.\n";
    let e = parse_tsc_output(out, Path::new("/r"));
    assert_eq!(e.len(), 3, "{e:?}");
    assert_eq!(
        (e[0].file.as_str(), e[0].line, e[0].column, e[0].code.as_str()),
        ("src/a.ts", 3, 7, "TS2322")
    );
    assert_eq!(e[0].message, "Type 'number' is not assignable to type 'string'.");
    assert_eq!(e[1].file, "src/b (1).ts");
    assert_eq!(e[1].message, "Cannot find module '<root>/x'.\nDid you mean '<root>/y'?");
    assert_eq!((e[2].file.as_str(), e[2].code.as_str()), ("", "TS5058"));
}

#[test]
fn new_errors_ignore_files_and_count_repeats() {
    let e = |file: &str, code: &str| TscError {
        file: file.into(),
        line: 1,
        column: 1,
        code: code.into(),
        message: "m".into(),
    };
    let before = [e("apps/web/a.ts", "TS2322")];
    // The same error in a moved file is no new error.
    assert!(new_errors(&before, &[e("packages/hooks/a.ts", "TS2322")]).is_empty());
    let after = [e("x.ts", "TS2322"), e("y.ts", "TS2322"), e("y.ts", "TS2307")];
    assert_eq!(error_signature(&after).values().sum::<usize>(), 3);
    let want = [("TS2307", "m"), ("TS2322", "m")].map(|(c, m)| (c.to_string(), m.to_string()));
    assert_eq!(new_errors(&before, &after), want);
}

#[test]
fn a_type_error_is_parsed_with_its_file_and_code() {
    if tsc_or_skip().is_none() {
        return;
    }
    let repo = TempRepo::new();
    repo.write("pnpm-workspace.yaml", "packages:\n  - \"apps/*\"\n")
        .write("apps/a/tsconfig.json", TSCONFIG)
        .write("apps/a/src/ok.ts", "export const n: number = 1;\n")
        .write("apps/a/src/bad.ts", "import { n } from \"./ok\";\n\nexport const s: string = n;\n");
    let errors = tsc_errors(&repo.path().join("apps/a"));
    assert_eq!(errors.len(), 1, "{errors:?}");
    let e = &errors[0];
    assert_eq!((e.file.as_str(), e.line, e.code.as_str()), ("apps/a/src/bad.ts", 3, "TS2322"), "{e}");
    assert_eq!(e.message, "Type 'number' is not assignable to type 'string'.");
}

#[test]
fn linked_workspace_packages_resolve() {
    if tsc_or_skip().is_none() {
        return;
    }
    let repo = TempRepo::new();
    repo.write("package.json", r#"{"name": "root", "private": true}"#)
        .write("pnpm-workspace.yaml", "packages:\n  - \"apps/*\"\n  - \"packages/*\"\n")
        .write("packages/math/package.json", r#"{"name": "@t/math", "types": "src/index.ts"}"#)
        .write(
            "packages/math/src/index.ts",
            "export function double(n: number): number {\n  return n * 2;\n}\n",
        )
        .write("apps/a/package.json", r#"{"name": "a", "dependencies": {"@t/math": "workspace:*"}}"#)
        .write("apps/a/tsconfig.json", TSCONFIG)
        .write(
            "apps/a/src/main.ts",
            "import { double } from \"@t/math\";\n\nexport const four: number = double(2);\n",
        );
    let unlinked = tsc_errors(&repo.path().join("apps/a"));
    assert!(unlinked.iter().any(|e| e.code == "TS2307"), "{unlinked:?}");
    link_workspace(repo.path());
    // Twice: links already there are replaced.
    link_workspace(repo.path());
    let modules = repo.path().join("node_modules");
    assert!(modules.join("@t/math").symlink_metadata().unwrap().file_type().is_symlink());
    assert!(modules.join("a").is_dir());
    assert!(!modules.join("root").exists(), "the root is not linked into itself");
    let errors = tsc_errors(&repo.path().join("apps/a"));
    assert!(errors.is_empty(), "{errors:?}");
    // A wrong use of the linked package is seen through the link.
    repo.write(
        "apps/a/src/main.ts",
        "import { double } from \"@t/math\";\n\nexport const s: string = double(2);\n",
    );
    let errors = tsc_errors(&repo.path().join("apps/a"));
    assert_eq!(
        errors.iter().map(|e| (e.file.as_str(), e.code.as_str())).collect::<Vec<_>>(),
        [("apps/a/src/main.ts", "TS2322")]
    );
}

/// The projects of testdata/apply-seed: its three apps and its library.
const SEED_PROJECTS: &[&str] = &["apps/web", "apps/admin", "apps/shop", "packages/ui"];

#[test]
fn seed_fixture_type_checks() {
    if tsc_or_skip().is_none() {
        return;
    }
    let repo = TempRepo::from_fixture("apply-seed");
    link_workspace(repo.path());
    let modules = repo.path().join("node_modules");
    for name in ["@seed/web", "@seed/admin", "@seed/shop", "@seed/ui"] {
        assert!(modules.join(name).is_dir(), "{name} not linked");
    }
    // The fixture's JSX and hooks need React's types; .ci/run installs them beside tsc.
    if !modules.join("@types/react").is_dir() {
        assert!(std::env::var_os("CI").is_none(), "no @types/react beside tsc: .ci/run installs it");
        eprintln!("skipped: no @types/react beside tsc");
        return;
    }
    for project in SEED_PROJECTS {
        let errors = tsc_errors(&repo.path().join(project));
        let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(errors.is_empty(), "{project}: tsc errors before any apply:\n{}", shown.join("\n"));
    }
}
