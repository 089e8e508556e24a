//! Tests as data: every fixture under testdata/ (a folder holding an `expect.json`) is scanned
//! and held to the sections its `expect.json` lists. The format is in testdata/README.md.

mod common;

use pretty_assertions::assert_str_eq;
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// One section of an expect file: the fields an entry may have, in their canonical order, and
/// how the report's own entries are cut down to those fields.
struct Section {
    name: &'static str,
    fields: &'static [&'static str],
    /// Compared in order (the plan is ranked); every other section is a set.
    ordered: bool,
    /// Fields whose lists are sets (or, for a map, whose values are).
    sets: &'static [&'static str],
    project: fn(&Value) -> Vec<Value>,
}

const SECTIONS: &[Section] = &[
    Section {
        name: "packages",
        fields: &["name", "path", "kind", "files"],
        ordered: false,
        sets: &[],
        project: packages,
    },
    Section {
        name: "edges",
        fields: &["from", "line", "specifier", "kind", "type_only", "resolution", "to", "package", "reason"],
        ordered: false,
        sets: &[],
        project: edges,
    },
    Section {
        name: "package_edges",
        fields: &["from", "to", "type_only"],
        ordered: false,
        sets: &[],
        project: package_edges,
    },
    Section {
        name: "cycles",
        fields: &["level", "nodes", "example"],
        ordered: false,
        sets: &[],
        project: cycles,
    },
    Section {
        name: "violations",
        fields: &["rule", "from", "line", "specifier"],
        ordered: false,
        sets: &[],
        project: violations,
    },
    Section {
        name: "diagnostics",
        fields: &["file", "line", "column", "severity", "code", "message"],
        ordered: false,
        sets: &[],
        project: diagnostics,
    },
    Section {
        name: "clones",
        fields: &["kind", "scope", "members"],
        ordered: false,
        sets: &["members"],
        project: clones,
    },
    Section { name: "plan", fields: PLAN_FIELDS, ordered: true, sets: &["units"], project: plan },
    Section { name: "forks", fields: FORK_FIELDS, ordered: false, sets: &[], project: forks },
    Section {
        name: "in_app_duplicates",
        fields: &["package", "name", "files"],
        ordered: false,
        sets: &["files"],
        project: in_app,
    },
    Section {
        name: "config_presets",
        fields: &["file_name", "packages"],
        ordered: false,
        sets: &[],
        project: presets,
    },
    Section {
        name: "overlaps",
        fields: &["package_a", "package_b", "lines_a", "lines_b"],
        ordered: false,
        sets: &[],
        project: overlaps,
    },
];

/// Keys of an expect file (or of one of its `variants`) that are not sections.
const RUN_KEYS: &[&str] = &["about", "command", "args", "summary", "variants"];

fn arr(v: &Value) -> &[Value] {
    v.as_array().map(Vec::as_slice).unwrap_or_else(|| panic!("not an array: {v}"))
}

/// `{k: v[k]}` for the given keys, leaving out nulls (and `false` for the flags named in
/// `flags`, so that an expectation only says `"type_only": true`).
fn pick(v: &Value, keys: &[&str], flags: &[&str]) -> Value {
    let mut m = Map::new();
    for k in keys {
        match &v[*k] {
            Value::Null => {}
            Value::Bool(false) if flags.contains(k) => {}
            x => {
                m.insert(k.to_string(), x.clone());
            }
        }
    }
    Value::Object(m)
}

fn pick_all(v: &Value, keys: &[&str], flags: &[&str]) -> Vec<Value> {
    arr(v).iter().map(|x| pick(x, keys, flags)).collect()
}

/// `file:start-end` of a fragment or a copy.
fn member(v: &Value) -> Value {
    Value::String(format!("{}:{}-{}", v["file"].as_str().unwrap(), v["start_line"], v["end_line"]))
}

fn packages(r: &Value) -> Vec<Value> {
    pick_all(&r["packages"], &["name", "path", "kind", "files"], &[])
}

fn edges(r: &Value) -> Vec<Value> {
    let keys = ["from", "line", "specifier", "kind", "type_only", "resolution", "to", "package", "reason"];
    pick_all(&r["graph"]["edges"], &keys, &["type_only"])
}

fn package_edges(r: &Value) -> Vec<Value> {
    pick_all(&r["graph"]["package_edges"], &["from", "to", "type_only"], &["type_only"])
}

fn cycles(r: &Value) -> Vec<Value> {
    pick_all(&r["graph"]["cycles"], &["level", "nodes", "example"], &[])
}

fn violations(r: &Value) -> Vec<Value> {
    pick_all(&r["graph"]["violations"], &["rule", "from", "line", "specifier"], &[])
}

fn diagnostics(r: &Value) -> Vec<Value> {
    pick_all(&r["diagnostics"], &["file", "line", "column", "severity", "code", "message"], &[])
}

fn clones(r: &Value) -> Vec<Value> {
    arr(&r["clones"])
        .iter()
        .map(|c| {
            let mut m = pick(c, &["kind", "scope"], &[]);
            m["members"] = arr(&c["fragments"]).iter().map(member).collect();
            m
        })
        .collect()
}

/// What the spec compares of a plan item: eight fields as they are, then four built from it.
const PLAN_FIELDS: &[&str] = &[
    "concern",
    "target_package",
    "apps",
    "units",
    "files",
    "removed_files",
    "closure",
    "blocked",
    "blockers",
    "dependencies",
    "removed_lines",
    "moved_lines",
];

fn plan(r: &Value) -> Vec<Value> {
    arr(&r["plan"])
        .iter()
        .map(|p| {
            // The item's own fields; the rest of PLAN_FIELDS are built below.
            let mut m = pick(p, &PLAN_FIELDS[..8], &[]);
            let units: Map<String, Value> = arr(&p["units"])
                .iter()
                .map(|u| {
                    (u["name"].as_str().unwrap().to_string(), arr(&u["copies"]).iter().map(member).collect())
                })
                .collect();
            m["units"] = Value::Object(units);
            m["blockers"] =
                pick_all(&p["blockers"], &["severity", "kind", "file", "line", "message"], &[]).into();
            m["dependencies"] = pick_all(&p["dependencies"], &["name", "kind"], &[]).into();
            m["removed_lines"] = p["savings"]["removed_lines"].clone();
            m["moved_lines"] = p["savings"]["moved_lines"].clone();
            m
        })
        .collect()
}

/// What the spec compares of a fork.
const FORK_FIELDS: &[&str] =
    &["app", "of", "identical_files", "near_files", "files", "extra_files", "shared_lines", "recommendation"];

fn forks(r: &Value) -> Vec<Value> {
    pick_all(&r["forks"], FORK_FIELDS, &[])
}

fn in_app(r: &Value) -> Vec<Value> {
    arr(&r["in_app_duplicates"])
        .iter()
        .map(|d| {
            let mut m = pick(d, &["package", "name"], &[]);
            m["files"] = arr(&d["copies"]).iter().map(|c| c["file"].clone()).collect();
            m
        })
        .collect()
}

fn presets(r: &Value) -> Vec<Value> {
    pick_all(&r["config_presets"], &["file_name", "packages"], &[])
}

fn overlaps(r: &Value) -> Vec<Value> {
    pick_all(&r["overlaps"], &["package_a", "package_b", "lines_a", "lines_b"], &[])
}

/// `v` with its keys in the section's field order, its set fields sorted and maps inside sorted
/// by key, so that the order an expect file writes things in does not matter; a key outside the
/// section's fields fails the test.
fn canonical(v: &Value, s: &Section, what: &str) -> Value {
    let m = v.as_object().unwrap_or_else(|| panic!("{what}: not an object: {v}"));
    for k in m.keys() {
        assert!(s.fields.contains(&k.as_str()), "{what}: unknown field `{k}` (fields: {:?})", s.fields);
    }
    let mut out = Map::new();
    for f in s.fields {
        let Some(x) = m.get(*f) else { continue };
        let mut x = sort_maps(x);
        if s.sets.contains(f) {
            match &mut x {
                Value::Array(a) => sort_set(a),
                Value::Object(o) => o.values_mut().filter_map(Value::as_array_mut).for_each(|a| sort_set(a)),
                _ => {}
            }
        }
        out.insert(f.to_string(), x);
    }
    Value::Object(out)
}

fn sort_set(a: &mut [Value]) {
    a.sort_by_key(|x| x.to_string());
}

fn sort_maps(v: &Value) -> Value {
    match v {
        Value::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            Value::Object(keys.into_iter().map(|k| (k.clone(), sort_maps(&m[k]))).collect())
        }
        Value::Array(a) => Value::Array(a.iter().map(sort_maps).collect()),
        x => x.clone(),
    }
}

/// The entries as text, one per line for a set (sorted) or pretty-printed in order for an
/// ordered section, so that a failure is a line diff naming only what differs.
fn text(entries: &[Value], s: &Section, what: &str) -> String {
    let mut lines: Vec<String> = entries
        .iter()
        .map(|e| {
            let c = canonical(e, s, what);
            if s.ordered {
                serde_json::to_string_pretty(&c).unwrap()
            } else {
                c.to_string()
            }
        })
        .collect();
    if !s.ordered {
        lines.sort();
    }
    lines.join("\n") + "\n"
}

/// Runs one command on `root` and asserts every section `expect` holds.
fn check_run(root: &Path, name: &str, expect: &Map<String, Value>, inherited: Option<&str>) {
    for k in expect.keys() {
        assert!(
            RUN_KEYS.contains(&k.as_str()) || SECTIONS.iter().any(|s| s.name == k),
            "{name}: unknown key `{k}`"
        );
    }
    let command = expect.get("command").and_then(Value::as_str).or(inherited).unwrap_or("scan");
    let args: Vec<&str> =
        expect.get("args").map(|a| arr(a).iter().map(|x| x.as_str().unwrap()).collect()).unwrap_or_default();
    let mut all = vec![command, root.to_str().unwrap()];
    all.extend(&args);
    let what =
        format!("{name}: monodup {command}{}", args.iter().map(|a| format!(" {a}")).collect::<String>());
    let report = common::report(&all);
    if let Some(summary) = expect.get("summary") {
        let want = summary.as_object().unwrap_or_else(|| panic!("{what}: summary is not an object"));
        let show = |v: &dyn Fn(&str) -> Value| -> String {
            want.keys().map(|k| format!("{k}: {}\n", v(k))).collect()
        };
        let actual =
            show(&|k| report["summary"].get(k).cloned().unwrap_or_else(|| panic!("{what}: no summary.{k}")));
        assert_str_eq!(show(&|k| want[k].clone()), actual, "{what}: summary (expected left, actual right)");
    }
    for s in SECTIONS {
        let Some(want) = expect.get(s.name) else { continue };
        let section = format!("{what}: {}", s.name);
        let actual = text(&(s.project)(&report), s, &section);
        assert_str_eq!(text(arr(want), s, &section), actual, "{section} (expected left, actual right)");
    }
}

fn check_fixture(root: &Path, name: &str) {
    let path = root.join("expect.json");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let doc = doc.as_object().unwrap_or_else(|| panic!("{name}: expect.json is not an object"));
    check_run(root, name, doc, None);
    let command = doc.get("command").and_then(Value::as_str);
    for (i, v) in doc.get("variants").map(arr).unwrap_or_default().iter().enumerate() {
        let v = v.as_object().unwrap_or_else(|| panic!("{name}: variant {i} is not an object"));
        assert!(v.contains_key("args"), "{name}: variant {i} has no args");
        assert!(!v.contains_key("variants"), "{name}: variant {i} has variants");
        check_run(root, &format!("{name} (variant {i})"), v, command);
    }
}

/// Folders under testdata/ that are the input of other tests, not fixtures of this one: they have
/// no `expect.json`, their EXPECTED.md says what they hold. `apply-seed`: the repository the
/// `monodup apply` tests copy and change (tests/tsc_harness.rs type-checks it); `migration`: the
/// repository of tests/migration.rs.
const INPUTS: &[&str] = &["apply-seed", "migration"];

/// Every fixture under `dir`. A folder holding `expect.json` is a fixture (its subfolders are
/// its input); any other folder is a group and may hold only Markdown and further folders, so a
/// scan root without its expect file fails here instead of going untested.
fn find_fixtures(dir: &Path, out: &mut Vec<PathBuf>) {
    if dir.join("expect.json").is_file() {
        out.push(dir.to_path_buf());
        return;
    }
    if dir.strip_prefix(common::fixture("")).is_ok_and(|rel| INPUTS.iter().any(|i| rel == Path::new(i))) {
        return;
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            find_fixtures(&p, out);
        } else {
            assert!(
                p.extension().is_some_and(|e| e == "md"),
                "{} is in {}, which has no expect.json: a fixture needs one (testdata/README.md)",
                p.display(),
                dir.display()
            );
        }
    }
}

#[test]
fn every_fixture_meets_its_expect_file() {
    let testdata = common::fixture("");
    for i in INPUTS {
        let dir = testdata.join(i);
        assert!(dir.join("EXPECTED.md").is_file(), "{}: an input needs its EXPECTED.md", dir.display());
        assert!(
            !dir.join("expect.json").exists(),
            "{}: a fixture, not an input: drop it from INPUTS",
            dir.display()
        );
    }
    let mut fixtures = Vec::new();
    find_fixtures(&testdata, &mut fixtures);
    assert!(fixtures.len() >= 25, "{fixtures:?}");
    // A few fixtures at a time: each run is its own process.
    let next = AtomicUsize::new(0);
    let failed = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get().clamp(2, 4));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                while let Some(root) = fixtures.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let name = root.strip_prefix(&testdata).unwrap().to_string_lossy().into_owned();
                    if std::panic::catch_unwind(|| check_fixture(root, &name)).is_err() {
                        failed.lock().unwrap().push(name);
                    }
                }
            });
        }
    });
    let mut failed = failed.into_inner().unwrap();
    failed.sort();
    assert!(failed.is_empty(), "fixtures that do not meet their expect.json (diffs above): {failed:?}");
}
