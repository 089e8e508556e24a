#!/usr/bin/env bash
# Times `monodup dups --format json` against jscpd 5 and fallow 3 on each TREE, side by side:
# best of N runs (default 3) of wall time and peak memory, what each tool reports (files, lines,
# clone classes, pairs, duplicated lines) and the ratios the targets of issue 12 are about:
# monodup's time over the faster peer's and its peak memory over the smaller peer's (target: at
# most 0.50 each). Run by hand on a quiet machine, not by CI.
#
#   benches/compare_dups.sh [OPTIONS] TREE...
#
# The runs are interleaved (monodup, jscpd, fallow, then again), so that a load change on the
# machine hits every tool alike; "best" is the smallest wall time and the smallest peak RSS of
# the runs. Wall time is measured by a small Python wrapper (to the microsecond), peak RSS by
# GNU time (installed with apt-get when missing and we are root; else wait4's ru_maxrss, which
# has the wrapper's own ~10 MB as a floor).
#
# The peers are installed once from the npm registry into
# ${XDG_CACHE_HOME:-$HOME/.cache}/monodup-bench/{jscpd,fallow}, never into a scanned tree, and
# the native binary each package ships is run directly (not the Node.js wrapper that spawns
# it), so that the figures are the tool's own:
#   jscpd 5.3.3 (npm jscpd + jscpd-linux-x64-gnu; 5.3.3 is the newest release with a linux-x64
#   native package on the registry: 5.4.1 has none);
#   fallow 3.36.0 (npm fallow + @fallow-cli/linux-x64-gnu).
#
# What runs (defaults; --mode, --min-tokens, --min-lines and --threads change every tool alike):
#   monodup dups TREE --format json --mode renamed --min-tokens 50 --min-lines 5 -q --no-progress
#           (stdout to a file)
#   jscpd TREE --min-tokens 50 --min-lines 5 --format typescript,tsx,javascript,jsx --mode mild
#         --ignore "**/node_modules/**,**/dist/**,..." --reporters json --output DIR --silent
#         --no-tips --no-colors --ignore-identifiers --ignore-literals
#         --cross-formats "typescript,tsx;javascript,jsx"
#   fallow dupes --root TREE --format json --min-tokens 50 --min-lines 5 --quiet --no-cache
#           (stdout to a file)
# jscpd's --mode (mild|weak|strict) is about whitespace and comment tokens, not renaming; its
# JS/TS tokenizer (oxc) yields no comment tokens, so mild and weak are the same there. The
# counterpart of monodup's renamed mode is --ignore-identifiers --ignore-literals; with --mode
# exact neither flag is given. jscpd compares files only within one format unless told
# otherwise; monodup compares all JS/TS files with each other, so ts and tsx (and js and jsx)
# are put in one group each. The ignore list is monodup's own list of folders it never walks
# (src/walk.rs SKIPPED_DIRS). fallow runs in its default detection mode (mild: exact tokens), as
# issue 12 measured it; --fallow-mode semantic is its counterpart of renamed (identifiers and
# literals blinded). --no-cache keeps every fallow run cold.
#
# Options:
#   --bin PATH           the monodup binary (default: target/release/monodup)
#   --runs N             runs of each tool per tree (default 3)
#   --out DIR            keep the last run's outputs as DIR/NAME.{monodup,jscpd,fallow}.json,
#                        NAME being the tree's folder name (default: a temp dir, removed on exit)
#   --mode MODE          renamed (default) or exact
#   --min-tokens N       default 50
#   --min-lines N        default 5. Not the same test everywhere: monodup keeps a class when its
#                        longest fragment covers N lines (end - start + 1 >= N); jscpd keeps a
#                        pair when its first fragment spans N line breaks (end - start >= N)
#   --cross-formats G    jscpd's --cross-formats value, or `none` for jscpd's per-format default
#   --fallow-mode M      fallow's --mode (strict, mild, weak, semantic; default: fallow's own)
#   --threads N          worker threads for every tool (monodup -j, jscpd --workers, fallow
#                        --threads; default: each tool's own, all cores)
#   --agreement          afterwards run benches/dups_agreement.py on monodup's and jscpd's
#                        outputs of each tree
#   --no-monodup, --no-jscpd, --no-fallow   skip a tool
#   --timeout SECS       kill a run that takes longer (default: none)
#   --exclude-tests      leave test and story files out for every tool
#                        (`**/*.test.*`, `**/*.spec.*`, `**/__tests__/**`, `**/*.stories.*`)
#   --fallow-defaults    let fallow skip what its `dupes` skips by default (`duplicates.
#                        ignoreDefaults`: `**/*.test.*`, `**/*.spec.*`, `**/__tests__/**`,
#                        `**/__mocks__/**`) while monodup and jscpd read those files: how issue
#                        12 first ran it, the tools then reading different amounts of code
#                        (formbricks: 513k lines against fallow's 308k)
#
# Same files: by default fallow is given a config file of the script's own (in its temp dir,
# never in the tree; `-c`) that turns `duplicates.ignoreDefaults` off, and with --exclude-tests
# lists the test globs above as `duplicates.ignore`, so that the three tools read the same
# files (each table shows the lines each tool read).
set -euo pipefail

die() { echo "compare_dups: $*" >&2; exit 2; }
usage() { sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit "${1:-2}"; }

JSCPD_VERSION=5.3.3
FALLOW_VERSION=3.36.0
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
monodup_bin=$here/../target/release/monodup
runs=3
out_dir=""
mode=renamed
min_tokens=50
min_lines=5
cross_formats="typescript,tsx;javascript,jsx"
fallow_mode=""
threads=0
agreement=0
run_monodup=1
run_jscpd=1
run_fallow=1
timeout_s=0
exclude_tests=0
fallow_defaults=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --bin) monodup_bin=${2:?--bin needs a path}; shift 2 ;;
        --runs) runs=${2:?}; shift 2 ;;
        --out) out_dir=${2:?--out needs a folder}; shift 2 ;;
        --mode) mode=${2:?}; shift 2; [[ $mode == renamed || $mode == exact ]] || die "--mode renamed|exact" ;;
        --min-tokens) min_tokens=${2:?}; shift 2 ;;
        --min-lines) min_lines=${2:?}; shift 2 ;;
        --cross-formats) cross_formats=${2:?}; shift 2 ;;
        --fallow-mode) fallow_mode=${2:?}; shift 2 ;;
        --threads) threads=${2:?}; shift 2 ;;
        --agreement) agreement=1; shift ;;
        --no-monodup) run_monodup=0; shift ;;
        --no-jscpd) run_jscpd=0; shift ;;
        --no-fallow) run_fallow=0; shift ;;
        --timeout) timeout_s=${2:?}; shift 2 ;;
        --exclude-tests) exclude_tests=1; shift ;;
        --fallow-defaults) fallow_defaults=1; shift ;;
        -h|--help) usage 0 ;;
        --) shift; break ;;
        -*) die "unknown option $1 (see --help)" ;;
        *) break ;;
    esac
done
[[ $# -ge 1 ]] || usage 2
for n in "$runs" "$min_tokens" "$min_lines" "$threads" "$timeout_s"; do
    [[ $n =~ ^[0-9]+$ ]] || die "--runs, --min-tokens, --min-lines, --threads and --timeout take whole numbers"
done
(( runs >= 1 )) || die "--runs must be at least 1"
trees=()
for t in "$@"; do
    [[ -d $t ]] || die "$t is not a directory"
    trees+=("$(cd "$t" && pwd -P)")
done
command -v python3 >/dev/null || die "python3 is missing"

work=$(mktemp -d "${TMPDIR:-/tmp}/compare_dups.XXXXXX")
trap 'rm -rf -- "$work"' EXIT
trap 'exit 130' INT TERM
if [[ -n $out_dir ]]; then
    mkdir -p "$out_dir"
    out_dir=$(cd "$out_dir" && pwd -P)
fi

# -- the peers, installed once --------------------------------------------------------------------
cache=${XDG_CACHE_HOME:-$HOME/.cache}/monodup-bench

# npm_install DIR SPEC: DIR holds SPEC's node_modules (reinstalled when SPEC changed).
npm_install() {
    local dir=$1 spec=$2
    [[ "$(cat "$dir/.spec" 2>/dev/null)" == "$spec" && -d $dir/node_modules ]] && return 0
    command -v npm >/dev/null || die "npm is missing"
    mkdir -p "$cache"
    local tmp
    tmp=$(mktemp -d "$cache/install.XXXXXX")
    echo "installing $spec into $dir ..." >&2
    npm install --prefix "$tmp" --no-audit --no-fund --loglevel=error "$spec" >&2 ||
        { rm -rf -- "$tmp"; die "npm install $spec failed"; }
    echo "$spec" > "$tmp/.spec"
    rm -rf -- "$dir"
    mv "$tmp" "$dir"
}

# native_bin WRAPPER VERSION CANDIDATE...: the first candidate that runs and names VERSION, else
# the Node.js wrapper (with a note).
native_bin() {
    local wrapper=$1 version=$2 c
    shift 2
    for c in "$@"; do
        if [[ -x $c ]] && "$c" --version 2>/dev/null | grep -q "$version"; then
            echo "$c"
            return
        fi
    done
    echo "note: no native package of $(basename "$wrapper") runs here; timing the Node.js wrapper" >&2
    "$wrapper" --version 2>/dev/null | grep -q "$version" || die "$wrapper is not version $version"
    echo "$wrapper"
}

jscpd_bin=""
if (( run_jscpd )); then
    npm_install "$cache/jscpd" "jscpd@$JSCPD_VERSION"
    jscpd_bin=$(native_bin "$cache/jscpd/node_modules/.bin/jscpd" "$JSCPD_VERSION" \
        "$cache"/jscpd/node_modules/jscpd-*/bin/jscpd)
fi
fallow_bin=""
if (( run_fallow )); then
    npm_install "$cache/fallow" "fallow@$FALLOW_VERSION"
    fallow_bin=$(native_bin "$cache/fallow/node_modules/.bin/fallow" "$FALLOW_VERSION" \
        "$cache"/fallow/node_modules/@fallow-cli/*/fallow)
fi
if (( run_monodup )); then
    [[ -x $monodup_bin ]] || die "$monodup_bin is not built (cargo build --release)"
    "$monodup_bin" dups --help >/dev/null 2>&1 || die "$monodup_bin has no dups command"
fi

# -- timing ---------------------------------------------------------------------------------------
if [[ ! -x /usr/bin/time && $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    echo "installing GNU time ..." >&2
    apt-get install -y -qq time >/dev/null 2>&1 || true
fi
gnu_time=""
if [[ -x /usr/bin/time ]] && /usr/bin/time -f '%M' -o /dev/null true 2>/dev/null; then
    gnu_time=/usr/bin/time
else
    echo "note: no GNU time; peak RSS from wait4, which counts the Python wrapper's own (~10 MB) too" >&2
fi
# timed.py OUT CMD...: wall time to the microsecond (GNU time has 10 ms); peak RSS from GNU time,
# whose own small size is the floor of what a child it forks can report, else from wait4.
cat > "$work/timed.py" <<'PY'
import os, subprocess, sys, time
out, gnu, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
if gnu:
    cmd = [gnu, "-f", "%M", "-o", out + ".rss"] + cmd
t0 = time.perf_counter()
p = subprocess.Popen(cmd)
_, status, ru = os.wait4(p.pid, 0)
wall = time.perf_counter() - t0
rss = ru.ru_maxrss
if gnu:
    try:
        rss = int(open(out + ".rss").read().split()[-1])
    except (OSError, ValueError, IndexError):
        rss = 0
with open(out, "w") as f:
    f.write(f"{wall:.4f} {rss}\n")
sys.exit(os.waitstatus_to_exitcode(status) & 0xFF)
PY
timer=(python3 "$work/timed.py")

# run_timed TAG STDOUT CMD...: runs CMD with stdout to STDOUT; records "wall maxrss_kb rc" in
# $work/TAG.result.
run_timed() {
    local tag=$1 stdout=$2
    shift 2
    local pre=()
    (( timeout_s > 0 )) && pre=(timeout --signal=KILL "$timeout_s")
    local rc=0
    "${timer[@]}" "$work/$tag.time" "$gnu_time" "${pre[@]}" "$@" > "$stdout" 2> "$work/$tag.log" || rc=$?
    local t
    t=$(tail -n 1 "$work/$tag.time" 2>/dev/null || echo "0 0")
    echo "$t $rc" > "$work/$tag.result"
    if (( rc != 0 )); then
        echo "$tag exited with status $rc; last lines of its stderr:" >&2
        tail -n 5 "$work/$tag.log" >&2 || true
    fi
}

test_globs=("**/*.test.*" "**/*.spec.*" "**/__tests__/**" "**/*.stories.*")
skipped="node_modules dist build out .next .turbo coverage .git .hg .svn .nx .cache .vercel .output .nuxt .svelte-kit .yarn .pnpm-store storybook-static"
jscpd_ignore=""
for d in $skipped; do jscpd_ignore+="${jscpd_ignore:+,}**/$d/**"; done
if (( exclude_tests )); then
    for g in "${test_globs[@]}"; do jscpd_ignore+=",$g"; done
fi
# fallow's config for reading the same files as the others (see "Same files" above).
fallow_config=()
if (( ! fallow_defaults )); then
    python3 - "$work/fallowrc.json" "$exclude_tests" "${test_globs[@]}" <<'PY'
import json, sys
path, exclude, globs = sys.argv[1], sys.argv[2] == "1", sys.argv[3:]
dups = {"ignoreDefaults": False}
if exclude:
    dups["ignore"] = globs
json.dump({"duplicates": dups}, open(path, "w"))
PY
    fallow_config=(-c "$work/fallowrc.json")
fi

{
    echo "monodup $([[ $run_monodup == 1 ]] && "$monodup_bin" --version 2>/dev/null | awk '{print $2}')"
    echo "jscpd $JSCPD_VERSION ($jscpd_bin)"
    echo "fallow $FALLOW_VERSION ($fallow_bin)$( (( fallow_defaults )) && echo ', its default duplicates ignores' || echo ', reading the same files (ignoreDefaults off)')"
    (( fallow_defaults )) || echo "fallow config ($work/fallowrc.json): $(cat "$work/fallowrc.json")"
    echo "timer: wall by a Python wrapper, peak RSS by ${gnu_time:-wait4}"
    echo "cores $(nproc)"
} > "$work/tools"

i=0
for tree in "${trees[@]}"; do
    i=$((i + 1))
    name=$(basename "$tree")
    d=$work/t$i
    mkdir -p "$d"
    echo "$tree" > "$d/tree"
    monodup_cmd=("$monodup_bin" dups "$tree" --format json --mode "$mode" --min-tokens "$min_tokens"
                 --min-lines "$min_lines" -q --no-progress)
    (( threads > 0 )) && monodup_cmd+=(-j "$threads")
    if (( exclude_tests )); then
        for g in "${test_globs[@]}"; do monodup_cmd+=(--exclude "$g"); done
    fi
    jscpd_cmd=("$jscpd_bin" "$tree" --min-tokens "$min_tokens" --min-lines "$min_lines"
               --format "typescript,tsx,javascript,jsx" --mode mild --ignore "$jscpd_ignore"
               --reporters json --output "$d/jscpd-report" --silent --no-tips --no-colors)
    [[ $mode == renamed ]] && jscpd_cmd+=(--ignore-identifiers --ignore-literals)
    [[ $cross_formats != none ]] && jscpd_cmd+=(--cross-formats "$cross_formats")
    (( threads > 0 )) && jscpd_cmd+=(--workers "$threads")
    fallow_cmd=("$fallow_bin" dupes --root "$tree" --format json --min-tokens "$min_tokens"
                --min-lines "$min_lines" --quiet --no-cache "${fallow_config[@]}")
    [[ -n $fallow_mode ]] && fallow_cmd+=(--mode "$fallow_mode")
    (( threads > 0 )) && fallow_cmd+=(--threads "$threads")
    {
        (( run_monodup )) && { printf 'monodup\t'; printf '%q ' "${monodup_cmd[@]}"; echo; }
        (( run_jscpd )) && { printf 'jscpd\t'; printf '%q ' "${jscpd_cmd[@]}"; echo; }
        (( run_fallow )) && { printf 'fallow\t'; printf '%q ' "${fallow_cmd[@]}"; echo; }
    } > "$d/commands"
    for r in $(seq 1 "$runs"); do
        echo "[$name] run $r/$runs ..." >&2
        (( run_monodup )) && run_timed "t$i/monodup.$r" "$d/monodup.json" "${monodup_cmd[@]}"
        if (( run_jscpd )); then
            rm -rf -- "$d/jscpd-report"
            run_timed "t$i/jscpd.$r" /dev/null "${jscpd_cmd[@]}"
            [[ -f $d/jscpd-report/jscpd-report.json ]] && mv "$d/jscpd-report/jscpd-report.json" "$d/jscpd.json"
        fi
        (( run_fallow )) && run_timed "t$i/fallow.$r" "$d/fallow.json" "${fallow_cmd[@]}"
    done
    if [[ -n $out_dir ]]; then
        for tool in monodup jscpd fallow; do
            [[ -f $d/$tool.json ]] && cp -- "$d/$tool.json" "$out_dir/$name.$tool.json"
        done
    fi
    if (( agreement )) && [[ -f $d/monodup.json && -f $d/jscpd.json ]]; then
        python3 "$here/dups_agreement.py" "$d/monodup.json" "$d/jscpd.json" --root "$tree" \
            --min-tokens "$min_tokens" --min-lines "$min_lines" --mode "$mode" \
            --probe-monodup "$monodup_bin" --probe-jscpd "$jscpd_bin" > "$d/agreement.txt" 2>&1 || true
    fi
done

# -- tables ---------------------------------------------------------------------------------------
python3 - "$work" "$runs" "${out_dir:-}" <<'PY'
import glob, json, os, sys
from collections import defaultdict

work, runs, out_dir = sys.argv[1], int(sys.argv[2]), sys.argv[3]
TOOLS = ("monodup", "jscpd", "fallow")

def union_lines(frags):
    """Lines covered by the fragments, each line of a file counted once."""
    by_file = defaultdict(list)
    for f, s, e in frags:
        by_file[f].append((s, e))
    total = 0
    for ranges in by_file.values():
        ranges.sort()
        end = 0
        for s, e in ranges:
            s = max(s, end + 1)
            if e >= s:
                total += e - s + 1
                end = e
    return total

def load(d, tool):
    path = os.path.join(d, tool + ".json")
    try:
        doc = json.load(open(path))
    except (OSError, ValueError):
        return None
    if tool == "monodup":
        cl = doc.get("clones", [])
        s = doc.get("summary", {})
        frags = [(f["file"], f["start_line"], f["end_line"]) for c in cl for f in c["fragments"]]
        return {"files": s.get("files"), "lines": s.get("lines"), "classes": len(cl),
                "pairs": sum(len(c["fragments"]) * (len(c["fragments"]) - 1) // 2 for c in cl),
                "dup": s.get("duplicated_lines"), "union": union_lines(frags)}
    if tool == "jscpd":
        dups = doc.get("duplicates", [])
        t = doc.get("statistics", {}).get("total", {})
        frags = [(x[k]["name"], x[k]["start"], x[k]["end"]) for x in dups for k in ("firstFile", "secondFile")]
        return {"files": t.get("sources"), "lines": t.get("lines"), "classes": None, "pairs": len(dups),
                "dup": t.get("duplicatedLines"), "union": union_lines(frags)}
    groups = doc.get("clone_groups", [])
    s = doc.get("stats", {})
    frags = [(x["file"], x["start_line"], x["end_line"]) for g in groups for x in g.get("instances", [])]
    return {"files": s.get("total_files"), "lines": s.get("total_lines"), "classes": len(groups),
            "pairs": sum(len(g.get("instances", [])) * (len(g.get("instances", [])) - 1) // 2 for g in groups),
            "dup": s.get("duplicated_lines"), "union": union_lines(frags)}

def timings(d, tool):
    """[(wall s, peak KB, rc)] of the runs of a tool."""
    out = []
    for r in range(1, runs + 1):
        p = os.path.join(d, f"{tool}.{r}.result")
        if os.path.exists(p):
            w, kb, rc = open(p).read().split()
            out.append((float(w), int(kb), int(rc)))
    return out

def cell(v):
    return "-" if v is None else str(v)

print()
print(open(os.path.join(work, "tools")).read().rstrip())
summary = []
for d in sorted(glob.glob(os.path.join(work, "t[0-9]*/")), key=lambda p: int(os.path.basename(p.rstrip("/"))[1:])):
    tree = open(os.path.join(d, "tree")).read().strip()
    print(f"\n== {tree}")
    for line in open(os.path.join(d, "commands")).read().splitlines():
        tool, cmd = line.split("\t", 1)
        print(f"{tool}: {cmd.strip()}")
    print(f"\n{'tool':<9}{'best s':>8}{'runs s':>20}{'peak MB':>9}{'files':>8}{'lines':>10}"
          f"{'classes':>9}{'pairs':>9}{'dup lines':>11}{'(union)':>9}")
    best = {}
    for tool in TOOLS:
        t = timings(d, tool)
        if not t:
            continue
        ok = [x for x in t if x[2] == 0]
        o = load(d, tool) if len(ok) == len(t) else None
        runs_s = " ".join(f"{x[0]:.3f}" for x in t)
        if len(ok) == len(t):
            wall, kb = min(x[0] for x in ok), min(x[1] for x in ok)
            best[tool] = (wall, kb, o)
            head = f"{wall:>8.3f}{runs_s:>20}{kb / 1024:>9.0f}"
        else:
            bad = sorted({x[2] for x in t if x[2] != 0})
            head = f"{'failed':>8}{runs_s:>20}{'-':>9}"
            runs_s = f"(exit {bad}{', killed' if set(bad) & {124, 137} else ''})"
        g = (lambda k: cell(o.get(k)) if o else "-")
        print(f"{tool:<9}{head}{g('files'):>8}{g('lines'):>10}{g('classes'):>9}{g('pairs'):>9}"
              f"{g('dup'):>11}{g('union'):>9}" + ("" if len(ok) == len(t) else "  " + runs_s))
    print("best: the smallest wall time and the smallest peak RSS of the runs; pairs: a class of n")
    print("fragments stands for n(n-1)/2; dup lines: the tool's own figure; (union): lines of any")
    print("reported fragment, each once")
    agreement = os.path.join(d, "agreement.txt")
    if os.path.exists(agreement):
        print("\n" + open(agreement).read().rstrip())
    m = best.get("monodup")
    peers = {k: v for k, v in best.items() if k != "monodup"}
    row = {"tree": os.path.basename(tree), "lines": m[2]["lines"] if m and m[2] else None, "best": best}
    if m and peers:
        fast = min(peers, key=lambda k: peers[k][0])
        small = min(peers, key=lambda k: peers[k][1])
        if peers[fast][0] > 0 and m[0] > 0:
            row["time"] = (m[0] / peers[fast][0], fast)
            print(f"\nmonodup / faster peer ({fast}): {row['time'][0]:.2f} of its time "
                  f"(monodup {peers[fast][0] / m[0]:.1f}x as fast)")
        if peers[small][1] > 0:
            row["mem"] = (m[1] / peers[small][1], small)
            print(f"monodup / smaller peer ({small}): {row['mem'][0]:.2f} of its peak memory")
    summary.append(row)

print(f"\n== summary (best of {runs}; targets: time and memory ratios at most 0.50)\n")
print(f"| repository | lines | monodup | jscpd | fallow | time: monodup / faster | memory: monodup / smaller |")
print("|---|---|---|---|---|---|---|")
for row in summary:
    def tool_cell(t):
        b = row["best"].get(t)
        return "-" if not b else f"{b[0]:.3f} s, {b[1] / 1024:.0f} MB"
    def ratio(k):
        if k not in row:
            return "-"
        v, who = row[k]
        return f"{v:.2f} ({who}) {'ok' if v <= 0.5 else 'MISSED'}"
    print(f"| {row['tree']} | {cell(row['lines'])} | {tool_cell('monodup')} | {tool_cell('jscpd')} | "
          f"{tool_cell('fallow')} | {ratio('time')} | {ratio('mem')} |")
if out_dir:
    print(f"\noutputs of the last runs: {out_dir}/NAME.{{monodup,jscpd,fallow}}.json")
PY
