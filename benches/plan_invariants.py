#!/usr/bin/env python3
"""Check the internal consistency of `monodup scan ROOT --format json` reports (schema_version 2).

    python3 benches/plan_invariants.py REPORT.json [REPORT2.json ...]

For each report: prints a short summary of the plan (item count, top 5 items, forks), every
violation as `  FAIL [inv N] <item id>: <what>`, and a line `<report>: N passed, M failed`
(N/M count checks, one check per invariant and item/overlap/fork it applies to).
Exit status 1 when any report has a failure (or cannot be read), else 0. Standard library only.

Invariants (numbers as in the plan-v2 brief):
 1  savings.removed_lines == sum of lines of copies with kept == false
 2  every copy's file is in files ∪ removed_files
 3  savings.moved_lines == sum of kept copies' lines outside the target package
 4  per_app sums == removed_lines, moved_lines, import_lines
 5  per_app lines_after == lines_now - lines_removed - lines_moved + import_lines
 6  savings_lines == removed_lines - import_lines - package_overhead
 7  each unit has exactly one kept copy, its copies are in distinct packages
 8  a (file, start_line) copy is in at most one item; a file is in `files` of at most one item
    and in files ∪ removed_files of at most one item
 9  overlap lines_a <= lines of package_a, lines_b <= lines of package_b (by path)
10  no item file is under public/ or static/, framework config, test, story, mock or fixture
11  forks: identical_files + near_files + extra_files == files; shared_lines <= the app's lines
12  every path in apps / per_app / forks is a package path of packages[]
13  every `planned` dependency names the target_package of another item
"""

import json
import re
import sys
from collections import defaultdict

# ---------------------------------------------------------------- never-code rules (inv 10)

FRAMEWORK_CONFIG = re.compile(
    r"^(next|tailwind|postcss|vite|vitest|jest|playwright|babel|prettier|eslint|svelte|nuxt|"
    r"astro|remix|webpack|rollup|tsup|turbo)\.config(\.[a-z0-9]+)*$"
    r"|^\.?(eslintrc|prettierrc|babelrc)(\.[a-z0-9]+)*$"
    r"|^(eslint|prettier|babel)\.config(\.[a-z0-9]+)*$"
    r"|^(jest|vitest|playwright)\.(setup|workspace)(\.[a-z0-9]+)*$"
)
NON_CODE_DIRS = {"public", "static"}
TEST_DIRS = {"__tests__", "tests", "test", "e2e", "__mocks__", "mocks", "fixtures", "__fixtures__"}


def never_code_reason(path):
    """Why `path` may not be in a code item, or None."""
    parts = path.replace("\\", "/").split("/")
    name = parts[-1]
    low = name.lower()
    dirs = [p.lower() for p in parts[:-1]]
    for d in dirs:
        if d in NON_CODE_DIRS:
            return f"under {d}/"
        if d in TEST_DIRS:
            return f"under {d}/"
    if FRAMEWORK_CONFIG.match(low):
        return "framework config"
    if re.search(r"\.(test|spec)\.", low):
        return "test file"
    if ".stories." in low or ".story." in low:
        return "story"
    stem = name.split(".")[0]
    # `test`/`mock` as a word of the name (api-test, test_utils, apiTest, mockData), not `latest`.
    if re.search(r"(^|[^a-zA-Z])[tT]ests?([^a-z]|$)|[a-z0-9]Tests?([^a-z]|$)", stem):
        return "test script (name contains 'test')"
    if re.search(r"(^|[^a-zA-Z])[mM]ock|[a-z0-9]Mock", stem) or ".mock." in low:
        return "mock (name contains 'mock')"
    if "fixture" in low:
        return "fixture"
    return None


# ---------------------------------------------------------------- helpers


def num(x):
    return x if isinstance(x, (int, float)) and not isinstance(x, bool) else 0


def close(a, b):
    return abs(num(a) - num(b)) <= 1e-6


def dep_fields(dep):
    """(is_planned, target name/path or None) for one entry of an item's dependencies."""
    if isinstance(dep, str):
        return ("planned" in dep, None)
    if not isinstance(dep, dict):
        return (False, None)
    kind = str(dep.get("kind", "")) + " " + str(dep.get("source", "")) + " " + str(dep.get("status", ""))
    planned = "planned" in kind or dep.get("planned") is True
    target = dep.get("package") or dep.get("target") or dep.get("name") or dep.get("target_package")
    return (planned, target)


class Checker:
    def __init__(self, label):
        self.label = label
        self.passed = 0
        self.failed = 0
        self.skipped = set()

    def check(self, inv, ok, where, what):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print(f"  FAIL [inv {inv}] {where}: {what}")

    def skip(self, inv, why):
        self.skipped.add(f"inv {inv}: {why}")


def item_files(item):
    return [f for f in item.get("files") or [] if isinstance(f, str)]


def item_removed(item):
    return [f for f in item.get("removed_files") or [] if isinstance(f, str)]


def copies_of(item):
    for unit in item.get("units") or []:
        for c in unit.get("copies") or []:
            yield unit, c


# ---------------------------------------------------------------- summary


def summarize(report, label):
    plan = report.get("plan") or []
    forks = report.get("forks") or []
    print(f"== {label}: schema_version {report.get('schema_version')}, "
          f"{len(report.get('packages') or [])} packages, {len(plan)} plan items, {len(forks)} forks")
    ranked = sorted(plan, key=lambda i: -num(i.get("savings_lines")))[:5]
    if ranked:
        print(f"  {'id':<5} {'concern':<20} {'target':<26} {'apps':>4} {'files':>5} {'savings':>7}  blocked")
        for it in ranked:
            print(f"  {str(it.get('id', '?')):<5} {str(it.get('concern', '?')):<20} "
                  f"{str(it.get('target_package', '?')):<26} {len(it.get('apps') or []):>4} "
                  f"{len(item_files(it)):>5} {num(it.get('savings_lines')):>7}  "
                  f"{'yes' if it.get('blocked') else 'no'}")
    for f in forks:
        print(f"  fork: {f.get('app')} of {f.get('of')}: {f.get('identical_files')} identical + "
              f"{f.get('near_files')} near + {f.get('extra_files')} extra = {f.get('files')} files, "
              f"{f.get('shared_lines')} shared lines, savings {f.get('savings_lines')}")


# ---------------------------------------------------------------- invariants


def check_report(report, label):
    ck = Checker(label)
    packages = report.get("packages") or []
    pkg_lines = {p.get("path"): num(p.get("lines")) for p in packages if isinstance(p, dict)}
    pkg_paths = set(pkg_lines)
    plan = report.get("plan") or []
    if report.get("schema_version") not in (2, "2"):
        print(f"  note: schema_version is {report.get('schema_version')!r}, the checks are written for 2")

    copy_owner = {}            # (file, start_line) -> item id          (inv 8)
    files_owner = {}           # file in `files` -> item id             (inv 8)
    touched_owner = {}         # file in files ∪ removed_files -> id    (inv 8)
    targets = defaultdict(set)  # target_package -> item ids            (inv 13)
    for it in plan:
        targets[it.get("target_package")].add(it.get("id"))

    for it in plan:
        iid = str(it.get("id", "?"))
        sav = it.get("savings") or {}
        files = set(item_files(it))
        removed = set(item_removed(it))
        reuse = bool(it.get("reuse"))
        units = it.get("units") or []

        # 1
        rem = sum(num(c.get("lines")) for _, c in copies_of(it) if c.get("kept") is False)
        ck.check(1, close(sav.get("removed_lines"), rem), iid,
                 f"removed_lines {sav.get('removed_lines')} != {rem} (sum of lines of copies not kept)")
        # 2
        for unit, c in copies_of(it):
            f = c.get("file")
            ck.check(2, f in files or f in removed, iid,
                     f"copy {f}:{c.get('start_line')} of unit {unit.get('name')} is in neither files nor removed_files")
        # 3
        # Kept copies outside the target move; those already in the target library do not.
        target = it.get("target_package")
        kept = sum(num(c.get("lines")) for _, c in copies_of(it)
                   if c.get("kept") is True and c.get("package_name") != target)
        ck.check(3, close(sav.get("moved_lines"), kept), iid,
                 f"moved_lines {sav.get('moved_lines')} != {kept} "
                 f"(sum of kept copies' lines outside the target)")
        # 4, 5
        per_app = it.get("per_app") or []
        if per_app:
            for field, total in (("lines_removed", "removed_lines"), ("lines_moved", "moved_lines"),
                                 ("import_lines", "import_lines")):
                s = sum(num(r.get(field)) for r in per_app)
                ck.check(4, close(s, sav.get(total)), iid,
                         f"sum of per_app.{field} = {s} != savings.{total} {sav.get(total)}")
            for r in per_app:
                want = (num(r.get("lines_now")) - num(r.get("lines_removed")) - num(r.get("lines_moved"))
                        + num(r.get("import_lines")))
                ck.check(5, close(r.get("lines_after"), want), iid,
                         f"per_app {r.get('package')}: lines_after {r.get('lines_after')} != {want}")
        else:
            ck.check(4, not units, iid, "no per_app rows although the item has units")
        # 6
        want = num(sav.get("removed_lines")) - num(sav.get("import_lines")) - num(sav.get("package_overhead"))
        ck.check(6, close(it.get("savings_lines"), want), iid,
                 f"savings_lines {it.get('savings_lines')} != removed {sav.get('removed_lines')} - import "
                 f"{sav.get('import_lines')} - overhead {sav.get('package_overhead')} = {want}")
        # 7
        for unit in units:
            copies = unit.get("copies") or []
            n_kept = sum(1 for c in copies if c.get("kept") is True)
            ck.check(7, n_kept == 1, iid, f"unit {unit.get('name')} has {n_kept} kept copies (want 1)")
            pk = [c.get("package") for c in copies]
            dup = sorted({p for p in pk if pk.count(p) > 1}, key=str)
            ck.check(7, not dup, iid, f"unit {unit.get('name')} has several copies in package(s) {dup}")
        # 8
        for unit, c in copies_of(it):
            key = (c.get("file"), c.get("start_line"))
            prev = copy_owner.get(key)
            ck.check(8, prev is None or prev == iid, iid,
                     f"copy {key[0]}:{key[1]} ({unit.get('name')}) is also in item {prev}")
            copy_owner.setdefault(key, iid)
        for f in files:
            prev = files_owner.get(f)
            ck.check(8, prev is None, iid, f"file {f} is in `files` of item {prev} too")
            files_owner.setdefault(f, iid)
        for f in files | removed:
            prev = touched_owner.get(f)
            ck.check(8, prev is None, iid, f"file {f} is in files/removed_files of item {prev} too")
            touched_owner.setdefault(f, iid)
        # 10
        for f in sorted(files | removed | {c.get("file") for _, c in copies_of(it) if c.get("file")}):
            why = never_code_reason(f)
            ck.check(10, why is None, iid, f"{f} is never code ({why})")
        # 12
        for a in it.get("apps") or []:
            ck.check(12, a in pkg_paths, iid, f"apps entry {a!r} is not a package path")
        for r in per_app:
            ck.check(12, r.get("package") in pkg_paths, iid,
                     f"per_app package {r.get('package')!r} is not a package path")
        # 13
        for d in it.get("dependencies") or []:
            planned, target = dep_fields(d)
            if not planned:
                continue
            others = targets.get(target, set()) - {it.get("id")}
            ck.check(13, bool(others), iid,
                     f"planned dependency on {target!r} names no other item's target_package")

    # 9
    overlaps = report.get("overlaps")
    if overlaps is None:
        ck.skip(9, "no `overlaps`")
    for o in overlaps or []:
        where = f"overlap {o.get('package_a')}~{o.get('package_b')}"
        for side in ("a", "b"):
            path = o.get(f"package_{side}")
            if path not in pkg_lines:
                ck.check(9, False, where, f"package_{side} {path!r} is not a package path")
                continue
            ck.check(9, num(o.get(f"lines_{side}")) <= pkg_lines[path], where,
                     f"lines_{side} {o.get(f'lines_{side}')} > lines of {path} ({pkg_lines[path]})")

    # 11, 12 (forks)
    forks = report.get("forks")
    if forks is None:
        ck.skip(11, "no `forks`")
    for f in forks or []:
        where = f"fork {f.get('app')} of {f.get('of')}"
        total = num(f.get("identical_files")) + num(f.get("near_files")) + num(f.get("extra_files"))
        ck.check(11, total == num(f.get("files")), where,
                 f"identical {f.get('identical_files')} + near {f.get('near_files')} + extra "
                 f"{f.get('extra_files')} = {total} != files {f.get('files')}")
        app = f.get("app")
        if app in pkg_lines:
            ck.check(11, num(f.get("shared_lines")) <= pkg_lines[app], where,
                     f"shared_lines {f.get('shared_lines')} > lines of {app} ({pkg_lines[app]})")
        for key in ("app", "of"):
            ck.check(12, f.get(key) in pkg_paths, where, f"{key} {f.get(key)!r} is not a package path")

    for s in sorted(ck.skipped):
        print(f"  skipped {s}")
    print(f"{label}: {ck.passed} passed, {ck.failed} failed")
    return ck.failed == 0


def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if len(argv) >= 2 else 2
    ok = True
    for path in argv[1:]:
        try:
            with open(path, encoding="utf-8") as fh:
                report = json.load(fh)
        except (OSError, ValueError) as e:
            print(f"{path}: cannot read: {e}")
            print(f"{path}: 0 passed, 1 failed")
            ok = False
            continue
        if not isinstance(report, dict):
            print(f"{path}: not a JSON object")
            print(f"{path}: 0 passed, 1 failed")
            ok = False
            continue
        summarize(report, path)
        ok = check_report(report, path) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
