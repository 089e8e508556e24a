#!/usr/bin/env python3
"""Lists import circles between top-level modules of src/: every `crate::<module>` path a
module's files name (in `use` lines or inline) is an edge; a strongly connected component of
two or more modules is a circle. Exits 1 when there is one.

    python3 benches/module_cycles.py [SRC_DIR]
"""
import pathlib
import re
import sys

src = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parent.parent / "src")
path_re = re.compile(r"\bcrate::(\w+)")
# `use crate::{a, b::c}` names several modules at once.
group_re = re.compile(r"\bcrate::\{([^}]*)\}", re.S)


def module_of(file: pathlib.Path) -> str:
    rel = file.relative_to(src)
    return rel.parts[0].removesuffix(".rs")


def strip_comments(text: str) -> str:
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return "\n".join(line.split("//", 1)[0] for line in text.splitlines())


edges: dict[str, set[str]] = {}
for file in sorted(src.rglob("*.rs")):
    m = module_of(file)
    if m in ("lib", "main"):
        continue
    text = strip_comments(file.read_text())
    # Unit tests may reach anywhere; they are not part of the module's dependencies.
    text = text.split("#[cfg(test)]", 1)[0]
    deps = set(path_re.findall(text))
    for group in group_re.findall(text):
        deps |= {g.strip().split("::")[0] for g in group.split(",") if g.strip()}
    edges.setdefault(m, set()).update(d for d in deps if (src / f"{d}.rs").exists() or (src / d).is_dir())
    edges[m].discard(m)

# Tarjan's strongly connected components.
index, low, on, stack, sccs, counter = {}, {}, set(), [], [], [0]


def visit(v: str) -> None:
    index[v] = low[v] = counter[0]
    counter[0] += 1
    stack.append(v)
    on.add(v)
    for w in sorted(edges.get(v, ())):
        if w not in index:
            visit(w)
            low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        scc = []
        while True:
            w = stack.pop()
            on.discard(w)
            scc.append(w)
            if w == v:
                break
        if len(scc) > 1:
            sccs.append(sorted(scc))


sys.setrecursionlimit(10_000)
for v in sorted(edges):
    if v not in index:
        visit(v)
for scc in sccs:
    members = set(scc)
    links = [f"{a} -> {b}" for a in scc for b in sorted(edges[a] & members)]
    print("circle: " + ", ".join(scc) + "\n  " + "\n  ".join(links))
print(f"{len(edges)} modules, {sum(map(len, edges.values()))} edges, {len(sccs)} circles")
sys.exit(1 if sccs else 0)
