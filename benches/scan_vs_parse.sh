#!/usr/bin/env bash
# Whole `scan` against walking and parsing the same tree (issue 12: a whole scan at most 4x the
# walk and parse, on the union of five real repositories). Run by hand on a quiet machine.
#
#   benches/scan_vs_parse.sh [--bin MONODUP] [--runs N] [--threads N] [--compact] TREE...
#
# monodup has no parse-only command, so one run gives both figures: `scan TREE --format json`
# (stdout to a file) under MONODUP_TIMINGS=1, which prints each stage's lap on stderr. Walk and
# parse are the `walk`, `workspace` and `parse` laps (the parse captures the tokens the clone
# stage needs, as in every scan; no resolution); the whole scan is the run's wall time, and
# "rest" is what no lap covers: building and writing the report, freeing memory, process start.
# Best of N runs (default 3), each figure the smallest of the runs. A union of repositories:
#   for r in plane documenso formbricks novu dub; do
#       benches/make_copies.sh /tmp/real/$r 1 /tmp/union/$r; done
#
#   --bin PATH    the monodup binary (default: target/release/monodup)
#   --threads N   monodup -j N (default: one per core)
#   --compact     write the report with --compact
set -euo pipefail

die() { echo "scan_vs_parse: $*" >&2; exit 2; }
usage() { sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit "${1:-2}"; }
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
bin=$here/../target/release/monodup
runs=3
threads=0
extra=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --bin) bin=${2:?}; shift 2 ;;
        --runs) runs=${2:?}; shift 2 ;;
        --threads) threads=${2:?}; shift 2 ;;
        --compact) extra+=(--compact); shift ;;
        -h|--help) usage 0 ;;
        -*) die "unknown option $1 (see --help)" ;;
        *) break ;;
    esac
done
[[ $# -ge 1 ]] || usage 2
[[ $runs =~ ^[1-9][0-9]*$ && $threads =~ ^[0-9]+$ ]] || die "--runs and --threads take whole numbers"
[[ -x $bin ]] || die "$bin is not built (cargo build --release)"
command -v python3 >/dev/null || die "python3 is missing"
(( threads > 0 )) && extra+=(-j "$threads")
trees=()
for t in "$@"; do
    [[ -d $t ]] || die "$t is not a directory"
    trees+=("$(cd "$t" && pwd -P)")
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/scan_vs_parse.XXXXXX")
trap 'rm -rf -- "$tmp"' EXIT
trap 'exit 130' INT TERM

python3 - "$tmp" "$runs" "$bin" "${#trees[@]}" "${trees[@]}" "${extra[@]}" <<'PY'
import json, os, subprocess, sys, time
tmp, runs, binary, n = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
trees, extra = sys.argv[5:5 + n], sys.argv[5 + n:]
env = dict(os.environ, MONODUP_TIMINGS="1")
STAGES = ("walk", "workspace", "parse", "resolve", "graph", "clones", "plan")

def once(tree, out):
    cmd = [binary, "scan", tree, "--format", "json", "-q", "--no-progress"] + extra
    with open(out, "wb") as so:
        t0 = time.perf_counter()
        p = subprocess.run(cmd, stdout=so, stderr=subprocess.PIPE, env=env)
        wall = time.perf_counter() - t0
    if p.returncode != 0:
        sys.exit(f"scan_vs_parse: monodup exited with {p.returncode} on {tree}:\n"
                 + p.stderr.decode(errors="replace")[-2000:])
    laps = {}
    for line in p.stderr.decode(errors="replace").splitlines():
        parts = line.split()
        if len(parts) >= 4 and parts[0] == "monodup:" and parts[3] == "ms":
            laps[parts[1]] = float(parts[2]) / 1e3
    return wall, laps

print(f"command: {binary} scan TREE --format json -q --no-progress {' '.join(extra)}".rstrip()
      + "  (MONODUP_TIMINGS=1, stdout to a file)")
print(f"best of {runs} runs, each figure the smallest\n")
for tree in trees:
    out = os.path.join(tmp, "report.json")
    results = [once(tree, out) for _ in range(runs)]
    lines = json.load(open(out))["summary"]["lines"]
    size = os.path.getsize(out)
    wall = min(w for w, _ in results)
    best = {s: min(l.get(s, 0.0) for _, l in results) for s in STAGES}
    walk_parse = best["walk"] + best["workspace"] + best["parse"]
    # Top-level stages only: plan/* laps are parts of the plan lap.
    rest = min(w - sum(l.get(s, 0.0) for s in STAGES) for w, l in results)
    print(f"== {tree}: {lines} lines, report {size / 1e6:.1f} MB")
    for s in STAGES:
        print(f"  {s:<10}{best[s]:>9.3f} s")
    print(f"  {'rest':<10}{rest:>9.3f} s  (report, output, exit)")
    print(f"  walk+parse {walk_parse:.3f} s, whole scan {wall:.3f} s: scan / (walk+parse) = "
          f"{wall / walk_parse if walk_parse else float('nan'):.2f} (target at most 4.00: "
          f"{'ok' if walk_parse and wall / walk_parse <= 4 else 'MISSED'})\n")
PY
