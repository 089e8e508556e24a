#!/usr/bin/env python3
"""Check a tree made by `examples/synth.rs`: every import of a file must point at a file that exists.

Usage: python3 benches/synth_check.py TREE [-v]

Reads every .ts/.tsx/.js/.mjs file, pulls out the specifiers of `import`, `export ... from`,
`require()`, `import x = require()` and `import()` with a regular expression (the generator writes
them one to a line), and resolves them the way a bundler would: relative paths with extension
probing, `.js` written for `.ts`, `index` files, the app's `@/*` alias, and `@synth/*` workspace
packages through their package.json `exports`/`main` (an unbuilt `dist/` or `build/` maps to the
same stem under `src/`). Bare specifiers of npm packages and Node built-ins are externals.
Prints counts per kind and every specifier that does not resolve; exits 1 if there is one.
"""
import json
import os
import re
import sys
from collections import Counter

SPEC = re.compile(
    r"""(?:^\s*(?:import|export)\b[^'"\n]*?\bfrom\s*|^\s*import\s*|\brequire\(\s*|\bimport\(\s*|^\}\s*from\s*)(['"])([^'"\n]+)\1""",
    re.M,
)
EXTS = [".ts", ".tsx", ".d.ts", ".js", ".jsx", ".mjs", ".cjs", ".json"]
BUILTINS = {"fs", "path", "crypto", "os", "url", "util", "events", "stream", "http", "https", "zlib", "child_process"}


def probe(base):
    if os.path.isfile(base):
        return base
    for e in EXTS:
        if os.path.isfile(base + e):
            return base + e
    stem, ext = os.path.splitext(base)
    if ext in (".js", ".mjs", ".cjs", ".jsx"):
        for e in (".ts", ".tsx", ".mts", ".cts"):
            if os.path.isfile(stem + e):
                return stem + e
    if os.path.isdir(base):
        for e in EXTS:
            p = os.path.join(base, "index" + e)
            if os.path.isfile(p):
                return p
    return None


def unbuilt(pkg_dir, target):
    """A target under dist/ or build/ that is not built: the same stem under src/."""
    t = os.path.normpath(os.path.join(pkg_dir, target))
    if os.path.exists(t):
        return t
    rel = os.path.relpath(t, pkg_dir)
    parts = rel.split(os.sep)
    if parts[0] in ("dist", "build", "out", "esm", "cjs", "lib"):
        stem = os.path.splitext(os.path.join(pkg_dir, "src", *parts[1:]))[0]
        if stem.endswith(".d"):
            stem = stem[:-2]
        return probe(stem)
    return probe(t)


def pick_condition(v):
    if isinstance(v, str):
        return v
    if isinstance(v, dict):
        for k in ("types", "import", "default", "require"):
            if k in v:
                return pick_condition(v[k])
    return None


def resolve_workspace(pkgs, spec):
    parts = spec.split("/")
    name = "/".join(parts[:2]) if spec.startswith("@") else parts[0]
    sub = spec[len(name):]
    if name not in pkgs:
        return None, False
    d, manifest = pkgs[name]
    exports = manifest.get("exports")
    key = "." + sub
    if exports is not None:
        if isinstance(exports, str) or (isinstance(exports, dict) and not any(k.startswith(".") for k in exports)):
            exports = {".": exports}
        if key in exports:
            t = pick_condition(exports[key])
            return (unbuilt(d, t) if t else None), True
        for pat, val in exports.items():
            if "*" in pat:
                pre, post = pat.split("*", 1)
                if key.startswith(pre) and key.endswith(post) and len(key) >= len(pre) + len(post):
                    star = key[len(pre) : len(key) - len(post)]
                    t = pick_condition(val)
                    return (unbuilt(d, t.replace("*", star)) if t else None), True
        return None, True
    if sub:
        return probe(os.path.join(d, sub.lstrip("/"))), True
    for field in ("module", "main", "types"):
        if field in manifest:
            r = unbuilt(d, manifest[field])
            if r:
                return r, True
    return probe(os.path.join(d, "src", "index")) or probe(os.path.join(d, "index")), True


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    root = os.path.abspath(sys.argv[1])
    verbose = "-v" in sys.argv
    pkgs = {}
    for group in ("apps", "packages"):
        gd = os.path.join(root, group)
        for n in sorted(os.listdir(gd)) if os.path.isdir(gd) else []:
            mf = os.path.join(gd, n, "package.json")
            if os.path.isfile(mf):
                m = json.load(open(mf))
                pkgs[m["name"]] = (os.path.join(gd, n), m)
    kinds = Counter()
    bad = []
    files = 0
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "node_modules" and not d.startswith("."))
        for fn in sorted(filenames):
            if not re.search(r"\.(ts|tsx|js|mjs|jsx)$", fn) or fn.endswith(".d.ts"):
                continue
            files += 1
            path = os.path.join(dirpath, fn)
            text = open(path, encoding="utf-8").read()
            for m in SPEC.finditer(text):
                spec = m.group(2)
                if spec.startswith("."):
                    kind, hit = "relative", probe(os.path.normpath(os.path.join(dirpath, spec)))
                elif spec.startswith("@/"):
                    d = dirpath
                    while d != root and not os.path.isfile(os.path.join(d, "tsconfig.json")):
                        d = os.path.dirname(d)
                    kind, hit = "alias @/", probe(os.path.join(d, "src", spec[2:]))
                elif spec.startswith("node:") or spec.split("/")[0] in BUILTINS:
                    kind, hit = "builtin", "builtin"
                else:
                    hit, ws = resolve_workspace(pkgs, spec)
                    kind = "workspace" if ws else "external"
                    if not ws:
                        hit = "external"
                if re.search(r"\.(css|svg|png|json)$", spec):
                    kind = "asset"
                kinds[kind] += 1
                if not hit:
                    bad.append((os.path.relpath(path, root), spec, kind))
                elif verbose and kind not in ("external", "builtin"):
                    print(f"{os.path.relpath(path, root)}: {spec} -> {os.path.relpath(hit, root)}")
    print(f"{files} source files; imports by kind: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    for f, s, k in bad[:50]:
        print(f"UNRESOLVED {k}: {f}: {s}")
    print(f"{len(bad)} unresolved")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
