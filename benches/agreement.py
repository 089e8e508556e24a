#!/usr/bin/env python3
"""Edge agreement between monodup and dependency-cruiser on the same tree.

Usage:
  python3 benches/agreement.py MONODUP_JSON DEPCRUISE_JSON [--root TREE]
                               [--examples N] [--target PCT] [--json OUT]

MONODUP_JSON is `monodup graph TREE --format json` output; DEPCRUISE_JSON is `depcruise -T json`
output for the same tree (benches/compare_graph.sh --out PREFIX writes both; its --per-package
merge, PREFIX.depcruise-pp.json, resolves per-app tsconfig paths and is the better baseline).

Both sides are reduced to the set of (from, to) pairs of files inside the tree (not node_modules,
not externals or built-ins), with paths relative to the tree and `/` separators. The script prints
the counts, the intersection, the share of dependency-cruiser's internal and workspace code edges
that monodup also finds (the target is 98%), and every disagreement, grouped by the shape of the
specifier (relative, `.js` written for `.ts`, index files, `@/` and other tsconfig aliases,
workspace package root or subpath, css/assets, ...) and by what the other tool made of the same
import, with examples that show the file, line, specifier and both outcomes.

--root TREE    the scanned tree: needed when dependency-cruiser ran from another folder than the
               one monodup scanned; also used to check that files exist
--examples N   examples per group (default 10)
--target PCT   exit 1 when the share is below PCT (default 98)
--json OUT     also write the numbers and every disagreement as JSON
"""
import argparse
import json
import os
import posixpath
import re
import signal
import sys
from collections import Counter, defaultdict

ASSET_EXT = re.compile(
    r"\.(css|scss|sass|less|styl|pcss|svg|png|jpe?g|gif|webp|avif|ico|bmp|woff2?|ttf|otf|eot|mp3|mp4|webm|wav|"
    r"txt|md|mdx|html|wasm|graphql|gql|ya?ml|toml)$",
    re.I,
)
CODE_EXT = (".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs", ".d.ts", ".vue", ".svelte")


def norm(p):
    p = p.replace("\\", "/")
    p = posixpath.normpath(p)
    return p[2:] if p.startswith("./") else p


def is_asset(path):
    return bool(ASSET_EXT.search(path)) or path.endswith(".json")


class Packages:
    """Workspace packages from monodup's report: owning package of a path, names for specifiers."""

    def __init__(self, pkgs, root):
        self.dirs = sorted(((norm(p.get("path") or "."), p.get("name") or "") for p in pkgs),
                           key=lambda x: -len(x[0]))
        self.names = sorted({n for _, n in self.dirs if n}, key=len, reverse=True)
        self.dir_of = {n: d for d, n in self.dirs if n}
        self.root = root
        self.manifests = {}

    def manifest(self, name):
        if name not in self.manifests:
            m = {}
            if self.root and name in self.dir_of:
                try:
                    m = json.load(open(os.path.join(self.root, self.dir_of[name], "package.json")))
                except (OSError, ValueError):
                    m = {}
            self.manifests[name] = m
        return self.manifests[name]

    def hint(self, spec, exports_on=False):
        """Why a resolver that reads only node_modules might fail on a workspace specifier."""
        name = self.name_of(spec)
        if not name or not self.root:
            return ""
        m = self.manifest(name)
        d = os.path.join(self.root, self.dir_of[name])
        sub = spec[len(name):]
        targets = []

        def walk(v):
            if isinstance(v, str):
                targets.append(v)
            elif isinstance(v, dict):
                for x in v.values():
                    walk(x)
            elif isinstance(v, list):
                for x in v:
                    walk(x)
        exports = m.get("exports")
        if isinstance(exports, str) or (isinstance(exports, dict) and not any(k.startswith(".") for k in exports)):
            exports = {".": exports}
        if isinstance(exports, dict):
            key = "." + sub
            if key in exports:
                walk(exports[key])
            else:
                for pat, val in exports.items():
                    pre, _, post = pat.partition("*")
                    if "*" in pat and key.startswith(pre) and key.endswith(post):
                        star = key[len(pre):len(key) - len(post)]
                        n = len(targets)
                        walk(val)
                        targets[n:] = [t.replace("*", star) for t in targets[n:]]
                        break
        if not sub:
            for f in ("main", "module", "types"):
                if isinstance(m.get(f), str):
                    targets.append(m[f])
        built = [t for t in targets if "*" not in t and re.match(r"^(\./)?(dist|build|out|esm|cjs|lib)/", t)]
        if built and not any(os.path.exists(os.path.join(d, t)) for t in built):
            top = re.match(r"^(\./)?([^/]+)/", built[0]).group(2)
            return f"package entry points at unbuilt {top}/"
        if exports is not None and (sub or not m.get("main")):
            if exports_on:
                return "resolves through package.json \"exports\""
            return "resolves only through package.json \"exports\" (ignored by depcruise without exportsFields)"
        return ""

    def owner(self, path):
        for d, n in self.dirs:
            if d == "." or path == d or path.startswith(d + "/"):
                return d
        return "."

    def name_of(self, spec):
        for n in self.names:
            if spec == n or spec.startswith(n + "/"):
                return n
        return None


def shape(spec, target, pk):
    """The specifier's shape, the first axis of the disagreement report."""
    s = spec.split("?")[0]
    base = posixpath.basename(target or "")
    if s.startswith("node:"):
        return "node: builtin"
    if ASSET_EXT.search(s) or (target and ASSET_EXT.search(target)):
        return "css/asset"
    if s.endswith(".json") or (target or "").endswith(".json"):
        return "json"
    if s.startswith("./") or s.startswith("../") or s in (".", ".."):
        if re.search(r"\.(js|jsx|mjs|cjs)$", s) and target and re.search(r"\.(ts|tsx|mts|cts)$", target):
            return "relative, .js written for .ts"
        if target and base.startswith("index.") and not re.search(r"(^|/)index(\.\w+)?$", s):
            return "relative, directory index"
        if target and target.endswith(".d.ts"):
            return "relative, .d.ts"
        return "relative"
    if s.startswith("/"):
        return "absolute path"
    if s.startswith("#"):
        return "package.json #imports"
    name = pk.name_of(s)
    if name:
        if s == name:
            return "workspace package root"
        if target and base.startswith("index.") and not s.endswith("/index"):
            return "workspace package subpath, directory index"
        return "workspace package subpath"
    if s.startswith("@/"):
        return "@/ alias"
    if s.startswith("~/"):
        return "~/ alias"
    if re.match(r"^[^@./][^/]*(/|$)", s) and not re.match(r"^[a-z0-9][a-z0-9._-]*$", s.split("/")[0]):
        return "tsconfig paths / baseUrl"
    if s.startswith("@") and "/" in s:
        return "scoped bare specifier (alias or undeclared package)"
    return "bare specifier (tsconfig paths, baseUrl or package)"


def load_monodup(path):
    d = json.load(open(path))
    g = d.get("graph", d)
    edges = g.get("edges", [])
    return d, edges


def load_depcruise(path, root):
    d = json.load(open(path))
    opts = d.get("summary", {}).get("optionsUsed", {})
    base = opts.get("baseDir")
    rebase = None
    if root and base and os.path.abspath(base) != os.path.abspath(root):
        rebase = os.path.relpath(os.path.abspath(base), os.path.abspath(root))

    def fix(p):
        p = norm(p)
        if rebase and rebase != ".":
            p = norm(posixpath.join(rebase.replace(os.sep, "/"), p))
        return p

    modules = {}
    for m in d.get("modules", []):
        if m.get("couldNotResolve") or m.get("coreModule"):
            continue
        src = fix(m["source"])
        if "node_modules/" in src or src.startswith("node_modules") or src.startswith(".."):
            continue
        deps = []
        for x in m.get("dependencies", []):
            res = x.get("resolved") or ""
            in_tree = not (x.get("couldNotResolve") or x.get("coreModule")) and "node_modules/" not in res \
                and not res.startswith("node_modules")
            resolved = fix(res) if in_tree else res
            if in_tree and resolved.startswith(".."):
                in_tree = False
            deps.append({
                "spec": x.get("module", ""),
                "to": resolved if in_tree else None,
                "outcome": ("resolved" if in_tree else "could not resolve" if x.get("couldNotResolve")
                            else "core module" if x.get("coreModule") else "npm (node_modules)"),
                "types": x.get("dependencyTypes", []),
            })
        modules[src] = deps
    return d, opts, modules


def main():
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("monodup_json")
    ap.add_argument("depcruise_json")
    ap.add_argument("--root")
    ap.add_argument("--examples", type=int, default=10)
    ap.add_argument("--target", type=float, default=98.0)
    ap.add_argument("--json", dest="json_out")
    a = ap.parse_args()

    mreport, medges = load_monodup(a.monodup_json)
    root = a.root or (mreport.get("root") if os.path.isdir(str(mreport.get("root"))) else None)
    pk = Packages(mreport.get("packages", []), root)
    dreport, dopts, dmods = load_depcruise(a.depcruise_json, root)
    pre_comp = dopts.get("tsPreCompilationDeps")

    # monodup: every import, keyed by (from, specifier)
    m_by_spec = defaultdict(list)
    m_pairs = {}
    m_from = set()
    for e in medges:
        f = norm(e["from"])
        m_from.add(f)
        to = norm(e["to"]) if e.get("to") else None
        m_by_spec[(f, e.get("specifier", ""))].append(e)
        if to and e.get("resolution") in ("internal", "workspace", "asset"):
            m_pairs.setdefault((f, to), e)

    d_by_spec = defaultdict(list)
    d_pairs = {}
    for src, deps in dmods.items():
        for x in deps:
            d_by_spec[(src, x["spec"])].append(x)
            if x["to"]:
                if root and not os.path.exists(os.path.join(root, x["to"])):
                    continue
                d_pairs.setdefault((src, x["to"]), x)

    def kind_of(pair):
        f, t = pair
        if is_asset(t) or not t.endswith(CODE_EXT):
            return "asset"
        return "internal" if pk.owner(f) == pk.owner(t) else "workspace"

    both = set(m_pairs) & set(d_pairs)
    d_only = set(d_pairs) - both
    m_only = set(m_pairs) - both

    def count_kinds(pairs):
        c = Counter(kind_of(p) for p in pairs)
        return f"internal {c['internal']}, workspace {c['workspace']}, asset {c['asset']}"

    d_code = [p for p in d_pairs if kind_of(p) != "asset"]
    m_code = [p for p in m_pairs if kind_of(p) != "asset"]
    d_code_found = sum(1 for p in d_code if p in both)
    m_code_found = sum(1 for p in m_code if p in both)
    share = 100.0 * d_code_found / len(d_code) if d_code else 100.0
    back = 100.0 * m_code_found / len(m_code) if m_code else 100.0

    print(f"agreement: monodup vs dependency-cruiser" + (f" on {root}" if root else ""))
    exports_on = bool((dopts.get("enhancedResolveOptions") or {}).get("exportsFields"))
    print(f"dependency-cruiser: {'per-package merge' if dopts.get('args') == 'per-package' else 'args ' + str(dopts.get('args'))}, "
          f"tsPreCompilationDeps={pre_comp}, tsConfig={(dopts.get('tsConfig') or {}).get('fileName', '-')}, "
          f"package.json exports {'read' if exports_on else 'ignored (--no-config)'}")
    print("file pairs (from, to) resolved to files inside the tree:")
    print(f"  monodup    {len(m_pairs):>7}  ({count_kinds(m_pairs)})")
    print(f"  depcruise  {len(d_pairs):>7}  ({count_kinds(d_pairs)})")
    print(f"  both       {len(both):>7}  ({count_kinds(both)})")
    verdict = "OK" if share >= a.target else "BELOW TARGET"
    print(f"depcruise's internal+workspace code edges that monodup also finds: "
          f"{d_code_found}/{len(d_code)} = {share:.2f}%  (target >= {a.target:g}%: {verdict})")
    print(f"monodup's internal+workspace code edges that depcruise also finds:  "
          f"{m_code_found}/{len(m_code)} = {back:.2f}%")
    d_files = set(dmods)
    print(f"files with edges: monodup {len(m_from)}, depcruise cruised {len(d_files)}")

    # -- classify disagreements -------------------------------------------------------------------
    def m_outcome(f, spec):
        if f not in m_from:
            return "monodup has no edges from this file (not scanned, or no imports seen)"
        es = m_by_spec.get((f, spec))
        if not es:
            return "monodup saw no import with this specifier in the file"
        e = es[0]
        r = e.get("resolution")
        if r == "unresolved":
            return f"monodup: unresolved ({e.get('reason') or 'no reason'})"
        if r == "external":
            return f"monodup: external package {e.get('package')}"
        if r == "builtin":
            return "monodup: builtin"
        if r == "asset" and not e.get("to"):
            return "monodup: asset without a file"
        return f"monodup: resolved to another file"

    def d_outcome(f, spec, e):
        if f not in d_files:
            return "depcruise did not cruise this file"
        xs = d_by_spec.get((f, spec))
        if not xs:
            if e.get("type_only") and not pre_comp:
                return "type-only import; depcruise ran without --ts-pre-compilation-deps"
            return f"depcruise saw no such dependency ({e.get('kind')})"
        x = xs[0]
        if x["outcome"] == "resolved":
            return "depcruise: resolved to another file"
        why = pk.hint(spec, bool((dopts.get("enhancedResolveOptions") or {}).get("exportsFields")))
        if not why and x["outcome"] == "could not resolve" and dopts.get("args") != "per-package" \
                and (spec.startswith("@/") or spec.startswith("~/")):
            why = "a per-app tsconfig alias; depcruise reads one tsconfig (try compare_graph.sh --per-package)"
        return "depcruise: " + x["outcome"] + (f" ({why})" if why else "")

    groups = {"depcruise-only": defaultdict(list), "monodup-only": defaultdict(list), "different": defaultdict(list)}
    diff_seen = set()
    for (f, t) in sorted(d_only):
        x = d_pairs[(f, t)]
        spec = x["spec"]
        es = m_by_spec.get((f, spec)) or []
        m_to = norm(es[0]["to"]) if es and es[0].get("to") else None
        line = es[0].get("line") if es else None
        ex = {"from": f, "line": line, "specifier": spec, "depcruise": t, "monodup": m_to,
              "types": ",".join(x["types"])}
        if m_to and m_to != t:
            key = (f, spec)
            if key in diff_seen:
                continue
            diff_seen.add(key)
            ex["reason"] = "both resolve, to different files"
            groups["different"][shape(spec, t, pk)].append(ex)
            continue
        ex["reason"] = m_outcome(f, spec)
        if any(t.startswith("triple-slash") for t in x["types"]):
            ex["reason"] = "triple-slash directive (/// <reference ...>); " + ex["reason"]
        elif es and es[0].get("resolution") == "external":
            stem = posixpath.basename(t).split(".")[0]
            if t == f or stem == spec.rstrip("/").split("/")[-1] or posixpath.basename(posixpath.dirname(t)) == spec:
                ex["reason"] += ("; depcruise took a local file of that name (the npm package is not installed, "
                                 "so its resolver fell back to the tsconfig folder)")
        if es and es[0].get("resolution") == "unresolved" or es and es[0].get("resolution") == "external":
            ex["monodup"] = es[0].get("resolution") + (f" ({es[0].get('reason') or es[0].get('package')})")
        groups["depcruise-only"][shape(spec, t, pk)].append(ex)
    for (f, t) in sorted(m_only):
        e = m_pairs[(f, t)]
        spec = e.get("specifier", "")
        xs = d_by_spec.get((f, spec)) or []
        d_to = xs[0]["to"] if xs else None
        if d_to and d_to != t and (f, spec) in diff_seen:
            continue
        ex = {"from": f, "line": e.get("line"), "specifier": spec, "monodup": t,
              "depcruise": d_to or (xs[0]["outcome"] if xs else None),
              "kind": e.get("kind"), "type_only": e.get("type_only")}
        if d_to and d_to != t:
            diff_seen.add((f, spec))
            ex["reason"] = "both resolve, to different files"
            groups["different"][shape(spec, t, pk)].append(ex)
            continue
        ex["reason"] = d_outcome(f, spec, e)
        groups["monodup-only"][shape(spec, t, pk)].append(ex)

    titles = {
        "depcruise-only": "edges only dependency-cruiser resolves (monodup misses them)",
        "monodup-only": "edges only monodup resolves",
        "different": "the same import resolved to different files",
    }
    for g in ("depcruise-only", "different", "monodup-only"):
        total = sum(len(v) for v in groups[g].values())
        print(f"\n== {titles[g]}: {total}")
        for sh, exs in sorted(groups[g].items(), key=lambda kv: (-len(kv[1]), kv[0])):
            print(f"  [{sh}] {len(exs)}")
            reasons = Counter(ex["reason"] for ex in exs)
            for r, n in reasons.most_common():
                print(f"      {n:>6}  {r}")
            # examples spread over the reasons, most common first
            per_reason = defaultdict(list)
            for ex in exs:
                per_reason[ex["reason"]].append(ex)
            shown = []
            while len(shown) < min(a.examples, len(exs)):
                for r, _ in reasons.most_common():
                    if per_reason[r] and len(shown) < a.examples:
                        shown.append(per_reason[r].pop(0))
            for ex in shown:
                loc = f"{ex['from']}:{ex['line']}" if ex.get("line") else ex["from"]
                extra = ""
                if ex.get("type_only"):
                    extra = " (type-only)"
                elif ex.get("kind") and ex.get("kind") != "import":
                    extra = f" ({ex['kind']})"
                elif ex.get("types") and any(t in ex["types"] for t in ("dynamic-import", "require", "type-only", "export")):
                    extra = f" ({ex['types']})"
                print(f"        {loc}  '{ex['specifier']}'{extra}")
                print(f"            depcruise: {ex['depcruise'] or '- (no such dependency)'}")
                print(f"            monodup:   {ex['monodup'] or '- (no such edge)'}")

    if a.json_out:
        json.dump({
            "monodup_pairs": len(m_pairs), "depcruise_pairs": len(d_pairs), "both": len(both),
            "depcruise_code_edges": len(d_code), "depcruise_code_edges_found": d_code_found,
            "share_percent": round(share, 3), "reverse_share_percent": round(back, 3),
            "disagreements": {g: {sh: exs for sh, exs in groups[g].items()} for g in groups},
        }, open(a.json_out, "w"), indent=1)
    sys.exit(0 if share >= a.target else 1)


if __name__ == "__main__":
    main()
