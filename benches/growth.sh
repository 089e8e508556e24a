#!/usr/bin/env bash
# How monodup's cost grows with the amount of duplication (issue 12): `dups --format json` on
# K copies of one repository (K = 1, 2, 4 by default; made by benches/make_copies.sh), time per
# line of the whole run and of the clone stage (MONODUP_TIMINGS lap), peak memory per line, and
# the ratios at the largest K over K = 1 (target: time per line at K = 4 at most 1.2x that at
# K = 1). Best of N runs (default 3). Run by hand on a quiet machine, not by CI.
#
#   benches/growth.sh [--bin MONODUP] [--runs N] [--ks "1 2 4"] [--work DIR] [--threads N] SRC
#
#   --bin PATH    the monodup binary (default: target/release/monodup)
#   --work DIR    where the copies go, kept for the next run (default: a temp dir, removed on
#                 exit); DIR/k1, DIR/k2, ... are made by make_copies.sh, and reused when their
#                 marker names the same SRC and K
#   --threads N   monodup -j N (default: one per core)
set -euo pipefail

die() { echo "growth: $*" >&2; exit 2; }
usage() { sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit "${1:-2}"; }
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
bin=$here/../target/release/monodup
runs=3
ks="1 2 4"
work_dir=""
threads=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --bin) bin=${2:?}; shift 2 ;;
        --runs) runs=${2:?}; shift 2 ;;
        --ks) ks=${2:?}; shift 2 ;;
        --work) work_dir=${2:?}; shift 2 ;;
        --threads) threads=${2:?}; shift 2 ;;
        -h|--help) usage 0 ;;
        -*) die "unknown option $1 (see --help)" ;;
        *) break ;;
    esac
done
[[ $# -eq 1 ]] || usage 2
[[ -d $1 ]] || die "$1 is not a directory"
[[ $runs =~ ^[1-9][0-9]*$ && $threads =~ ^[0-9]+$ ]] || die "--runs and --threads take whole numbers"
for k in $ks; do [[ $k =~ ^[1-9][0-9]*$ ]] || die "--ks takes whole numbers"; done
src=$(cd "$1" && pwd -P)
[[ -x $bin ]] || die "$bin is not built (cargo build --release)"
command -v python3 >/dev/null || die "python3 is missing"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/growth.XXXXXX")
trap 'rm -rf -- "$tmp"' EXIT
trap 'exit 130' INT TERM
if [[ -z $work_dir ]]; then
    work_dir=$tmp/copies
fi
mkdir -p "$work_dir"
work_dir=$(cd "$work_dir" && pwd -P)
# The timer: wall time to the microsecond, peak RSS (KB) from wait4; stage laps from stderr.
cat > "$tmp/timed.py" <<'PY'
import os, subprocess, sys, time
out, cmd = sys.argv[1], sys.argv[2:]
env = dict(os.environ, MONODUP_TIMINGS="1")
with open(out + ".stdout", "wb") as so, open(out + ".stderr", "wb") as se:
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=so, stderr=se, env=env)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
laps = {}
for line in open(out + ".stderr", errors="replace"):
    parts = line.split()
    if len(parts) >= 4 and parts[0] == "monodup:" and parts[3] == "ms":
        laps[parts[1]] = float(parts[2]) / 1e3
with open(out, "w") as f:
    f.write(f"{wall:.4f} {ru.ru_maxrss} {os.waitstatus_to_exitcode(status)} {laps.get('clones', 0):.4f}\n")
PY

for k in $ks; do
    dst=$work_dir/k$k
    if [[ "$(cat "$dst/.make_copies" 2>/dev/null)" != "make_copies $src x$k" ]]; then
        "$here/make_copies.sh" "$src" "$k" "$dst"
    fi
done
cmd_args=(dups --format json -q --no-progress)
(( threads > 0 )) && cmd_args+=(-j "$threads")
for r in $(seq 1 "$runs"); do
    for k in $ks; do
        echo "run $r/$runs: K = $k ..." >&2
        python3 "$tmp/timed.py" "$tmp/k$k.$r" "$bin" "${cmd_args[@]}" "$work_dir/k$k"
        read -r _ _ rc _ < "$tmp/k$k.$r"
        (( rc == 0 )) || { tail -n 5 "$tmp/k$k.$r.stderr" >&2; die "monodup exited with $rc on K = $k"; }
        # The report of one run is enough for the line count.
        mv -f "$tmp/k$k.$r.stdout" "$tmp/k$k.json"
    done
done

python3 - "$tmp" "$runs" "$src" "$bin ${cmd_args[*]}" $ks <<'PY'
import json, sys
tmp, runs, src, cmd, ks = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5:]
print(f"\nsource: {src}\ncommand: {cmd} DIR/kK (K copies of the source, benches/make_copies.sh)")
print(f"best of {runs} runs (wall and RSS each the smallest)\n")
print(f"{'K':>3}{'lines':>11}{'dup %':>7}{'wall s':>9}{'clones s':>10}{'peak MB':>9}"
      f"{'us/line':>9}{'clones us/line':>16}{'B/line':>8}")
rows = {}
for k in ks:
    res = [open(f"{tmp}/k{k}.{r}").read().split() for r in range(1, runs + 1)]
    wall = min(float(x[0]) for x in res)
    kb = min(int(x[1]) for x in res)
    clones = min(float(x[3]) for x in res)
    s = json.load(open(f"{tmp}/k{k}.json"))["summary"]
    lines = s["lines"]
    rows[k] = (wall / lines, clones / lines, kb * 1024 / lines)
    print(f"{k:>3}{lines:>11}{s['duplication_percent']:>7.1f}{wall:>9.3f}{clones:>10.3f}{kb / 1024:>9.0f}"
          f"{wall / lines * 1e6:>9.2f}{clones / lines * 1e6:>16.2f}{kb * 1024 / lines:>8.0f}")
lo, hi = ks[0], ks[-1]
if lo != hi:
    w, c, m = (rows[hi][i] / rows[lo][i] if rows[lo][i] else float("nan") for i in range(3))
    verdict = "ok" if w <= 1.2 else "MISSED"
    print(f"\nK{hi}/K{lo} per line: wall {w:.2f} (target at most 1.20: {verdict}), "
          f"clone stage {c:.2f}, peak memory {m:.2f}")
PY
