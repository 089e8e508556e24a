#!/usr/bin/env python3
"""Recall of monodup's clone detection against the synth generator's ground truth.

Usage: python3 benches/synth_recall.py TREE MONODUP_DUPS_JSON

TREE/.synth/truth.json lists every module the generator copied between apps and how each copy
was varied (verbatim, renamed, reformatted, inserted statement, ...). A copied module counts as
found for a pair of its copies when some clone class has a fragment in each of the two files.
Prints recall per variant pair and lists up to 10 missed pairs.
"""
import itertools
import json
import sys
from collections import Counter, defaultdict


def main():
    tree, report = sys.argv[1], sys.argv[2]
    truth = json.load(open(f"{tree}/.synth/truth.json"))
    r = json.load(open(report))
    linked = defaultdict(set)  # file -> files sharing a class with it
    covered = Counter()  # file -> duplicated lines
    for c in r["clones"]:
        files = {f["file"] for f in c["fragments"]}
        for f in c["fragments"]:
            covered[f["file"]] += f["end_line"] - f["start_line"] + 1
        for a in files:
            linked[a] |= files - {a}
    found, total, missed = Counter(), Counter(), []
    for module in truth["copies"]:
        for a, b in itertools.combinations(module["copies"], 2):
            kind = "+".join(sorted({a["variant"], b["variant"]}))
            total[kind] += 1
            if b["file"] in linked[a["file"]]:
                found[kind] += 1
            else:
                missed.append((module["path"], module["lines"], a, b))
    n, k = sum(total.values()), sum(found.values())
    print(f"copied-module pairs found: {k}/{n} = {100.0 * k / max(n, 1):.2f}%")
    for kind in sorted(total):
        print(f"  {kind:40} {found[kind]:6}/{total[kind]:<6} {100.0 * found[kind] / total[kind]:6.2f}%")
    for path, lines, a, b in missed[:10]:
        print(f"  missed {path} ({lines} lines): {a['file']} [{a['variant']}] ~ {b['file']} [{b['variant']}]")


if __name__ == "__main__":
    main()
