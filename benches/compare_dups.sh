#!/usr/bin/env bash
# Runs `monodup dups` and jscpd on the same tree, one after the other, and prints each one's wall
# time and peak memory (via /usr/bin/time), what each reports (clone classes, clone pairs,
# duplicated lines) and the ratios. Run by hand, not by CI.
#
#   benches/compare_dups.sh [OPTIONS] TREE [MONODUP_BIN]
#
# MONODUP_BIN defaults to target/release/monodup. jscpd 5.3.3 (the Rust engine; the newest
# release with a linux-x64 native package on the registry) is installed once with npm into
# ${XDG_CACHE_HOME:-$HOME/.cache}/monodup-bench/jscpd; the script runs the native binary that
# package ships, not the Node.js wrapper, so that /usr/bin/time measures jscpd itself.
#
# What runs (defaults; --mode, --min-tokens, --min-lines change both sides alike):
#   monodup dups TREE --format json -o OUT --mode renamed --min-tokens 50 --min-lines 5
#   jscpd TREE --min-tokens 50 --min-lines 5 --format typescript,tsx,javascript,jsx
#         --mode mild --ignore-identifiers --ignore-literals
#         --cross-formats "typescript,tsx;javascript,jsx"
#         --ignore "**/node_modules/**,**/dist/**,**/build/**,..." --reporters json --silent
# jscpd's --mode (mild|weak|strict) is about whitespace and comment tokens, not renaming; its
# JS/TS tokenizer (oxc) yields no comment tokens, so mild and weak are the same there. The
# counterpart of monodup's renamed mode is --ignore-identifiers --ignore-literals (every
# identifier one symbol, every literal one symbol); with --mode exact neither flag is given.
# jscpd compares files only within one format unless told otherwise; monodup compares all JS/TS
# files with each other, so ts and tsx (and js and jsx) are put in one group each. A group that
# mixed JS with TS would make jscpd strip TypeScript types, which monodup never does.
# The ignore list is monodup's own list of folders it never walks (src/walk.rs SKIPPED_DIRS).
#
# Options:
#   --out PREFIX         keep the outputs as PREFIX.monodup.json and PREFIX.jscpd.json
#                        (default: a temp dir, removed on exit)
#   --mode MODE          renamed (default) or exact
#   --min-tokens N       default 50
#   --min-lines N        default 5. Not the same test on both sides: monodup keeps a class when
#                        its longest fragment covers N lines (end - start + 1 >= N); jscpd keeps
#                        a pair when its first fragment spans N line breaks (end - start >= N)
#   --cross-formats G    jscpd's --cross-formats value, or `none` for jscpd's per-format default
#                        (default: "typescript,tsx;javascript,jsx")
#   --threads N          worker threads for both (monodup -j, jscpd --workers; default: all cores)
#   --agreement          afterwards run benches/dups_agreement.py on the two outputs (with
#                        --root TREE, the same thresholds and both tools as probes)
#   --no-monodup, --no-jscpd   skip a tool
#   --timeout SECS       kill a tool that runs longer (default: none)
set -euo pipefail

die() { echo "compare_dups: $*" >&2; exit 2; }
usage() { sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit "${1:-2}"; }

JSCPD_VERSION=5.3.3
out_prefix=""
mode=renamed
min_tokens=50
min_lines=5
cross_formats="typescript,tsx;javascript,jsx"
threads=0
agreement=0
run_monodup=1
run_jscpd=1
timeout_s=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --out) out_prefix=${2:?--out needs a prefix}; shift 2 ;;
        --mode) mode=${2:?}; shift 2; [[ $mode == renamed || $mode == exact ]] || die "--mode renamed|exact" ;;
        --min-tokens) min_tokens=${2:?}; shift 2 ;;
        --min-lines) min_lines=${2:?}; shift 2 ;;
        --cross-formats) cross_formats=${2:?}; shift 2 ;;
        --threads) threads=${2:?}; shift 2 ;;
        --agreement) agreement=1; shift ;;
        --no-monodup) run_monodup=0; shift ;;
        --no-jscpd) run_jscpd=0; shift ;;
        --timeout) timeout_s=${2:?}; shift 2 ;;
        -h|--help) usage 0 ;;
        --) shift; break ;;
        -*) die "unknown option $1 (see --help)" ;;
        *) break ;;
    esac
done
[[ $# -ge 1 && $# -le 2 ]] || usage 2
[[ -d $1 ]] || die "$1 is not a directory"
[[ $min_tokens =~ ^[0-9]+$ && $min_lines =~ ^[0-9]+$ && $threads =~ ^[0-9]+$ && $timeout_s =~ ^[0-9]+$ ]] ||
    die "--min-tokens, --min-lines, --threads and --timeout take whole numbers"
tree=$(cd "$1" && pwd -P)
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
monodup_bin=${2:-$here/../target/release/monodup}
[[ -x /usr/bin/time ]] || die "/usr/bin/time is missing (apt-get install time)"
command -v python3 >/dev/null || die "python3 is missing"

work=$(mktemp -d "${TMPDIR:-/tmp}/compare_dups.XXXXXX")
trap 'rm -rf -- "$work"' EXIT
trap 'exit 130' INT TERM
if [[ -n $out_prefix ]]; then
    mkdir -p "$(dirname "$out_prefix")"
    out_prefix=$(cd "$(dirname "$out_prefix")" && pwd -P)/$(basename "$out_prefix")
else
    out_prefix=$work/out
fi

# -- jscpd, installed once ------------------------------------------------------------------------
cache=${XDG_CACHE_HOME:-$HOME/.cache}/monodup-bench
jdir=$cache/jscpd
jscpd_bin=""
if (( run_jscpd )); then
    if [[ "$(cat "$jdir/.version" 2>/dev/null)" != "$JSCPD_VERSION" || ! -e $jdir/node_modules/jscpd/package.json ]]; then
        command -v npm >/dev/null || die "npm is missing"
        mkdir -p "$cache"
        tmp=$(mktemp -d "$cache/install.XXXXXX")
        echo "installing jscpd@$JSCPD_VERSION into $jdir ..." >&2
        npm install --prefix "$tmp" --no-audit --no-fund --loglevel=error "jscpd@$JSCPD_VERSION" >&2 ||
            { rm -rf -- "$tmp"; die "npm install failed"; }
        echo "$JSCPD_VERSION" > "$tmp/.version"
        rm -rf -- "$jdir"
        mv "$tmp" "$jdir"
    fi
    # The native binary of this platform's package (what run-jscpd.js would spawn).
    for pkg in "$jdir"/node_modules/jscpd-*/; do
        if [[ -x ${pkg}bin/jscpd ]] && "${pkg}bin/jscpd" --version >/dev/null 2>&1; then
            jscpd_bin=${pkg}bin/jscpd
            break
        fi
    done
    if [[ -z $jscpd_bin ]]; then
        echo "note: no native jscpd package runs here; timing the Node.js wrapper" >&2
        jscpd_bin=$jdir/node_modules/.bin/jscpd
    fi
    "$jscpd_bin" --version | grep -q "$JSCPD_VERSION" || die "$jscpd_bin is not jscpd $JSCPD_VERSION"
fi

# -- timing --------------------------------------------------------------------------------------
# run_timed NAME CMD...: runs CMD under /usr/bin/time; records "wall maxrss_kb rc".
run_timed() {
    local name=$1
    shift
    local pre=()
    (( timeout_s > 0 )) && pre=(timeout --signal=KILL "$timeout_s")
    echo "running $name ..." >&2
    local rc=0
    /usr/bin/time -f '%e %M' -o "$work/$name.time" "${pre[@]}" "$@" > "$work/$name.out" 2> "$work/$name.log" || rc=$?
    local t
    t=$(tail -n 1 "$work/$name.time" 2>/dev/null || echo "0 0")
    echo "$t $rc" > "$work/$name.result"
    if (( rc != 0 )); then
        echo "$name exited with status $rc; last lines of its output:" >&2
        tail -n 5 "$work/$name.out" "$work/$name.log" >&2 || true
    fi
}

monodup_cmd=()
if (( run_monodup )); then
    [[ -x $monodup_bin ]] || die "$monodup_bin is not built (cargo build --release)"
    "$monodup_bin" dups --help >/dev/null 2>&1 || die "$monodup_bin has no dups command"
    rm -f -- "$out_prefix.monodup.json"
    monodup_cmd=("$monodup_bin" dups "$tree" --format json -o "$out_prefix.monodup.json" --mode "$mode"
                 --min-tokens "$min_tokens" --min-lines "$min_lines" --quiet --no-progress)
    (( threads > 0 )) && monodup_cmd+=(-j "$threads")
    run_timed monodup "${monodup_cmd[@]}"
fi

jscpd_cmd=()
if (( run_jscpd )); then
    skipped="node_modules dist build out .next .turbo coverage .git .hg .svn .nx .cache .vercel .output .nuxt .svelte-kit .yarn .pnpm-store storybook-static"
    ignore=""
    for d in $skipped; do ignore+="${ignore:+,}**/$d/**"; done
    rm -f -- "$out_prefix.jscpd.json"
    formats="typescript,tsx,javascript,jsx"
    jscpd_cmd=("$jscpd_bin" "$tree" --min-tokens "$min_tokens" --min-lines "$min_lines"
               --format "$formats" --mode mild --ignore "$ignore"
               --reporters json --output "$work/jscpd-report" --silent --no-tips --no-colors)
    [[ $mode == renamed ]] && jscpd_cmd+=(--ignore-identifiers --ignore-literals)
    [[ $cross_formats != none ]] && jscpd_cmd+=(--cross-formats "$cross_formats")
    (( threads > 0 )) && jscpd_cmd+=(--workers "$threads")
    run_timed jscpd "${jscpd_cmd[@]}"
    if [[ -f $work/jscpd-report/jscpd-report.json ]]; then
        mv "$work/jscpd-report/jscpd-report.json" "$out_prefix.jscpd.json"
    fi
fi

# -- table ----------------------------------------------------------------------------------------
{
    if (( ${#monodup_cmd[@]} )); then printf '%q ' "${monodup_cmd[@]}"; fi; echo
    if (( ${#jscpd_cmd[@]} )); then printf '%q ' "${jscpd_cmd[@]}"; fi; echo
} > "$work/commands"
python3 - "$work" "$out_prefix" "$tree" <<'PY'
import json, os, sys
from collections import defaultdict

work, prefix, tree = sys.argv[1:4]

def result(name):
    p = os.path.join(work, name + ".result")
    if not os.path.exists(p):
        return None
    t = open(p).read().split()
    return float(t[0]), int(t[1]), int(t[2])

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

def load(name):
    path = f"{prefix}.{name}.json"
    if not os.path.exists(path):
        return None
    d = json.load(open(path))
    if name == "monodup":
        cl = d.get("clones", [])
        frags = [(f["file"], f["start_line"], f["end_line"]) for c in cl for f in c["fragments"]]
        s = d.get("summary", {})
        return {
            "files": s.get("files"), "lines": s.get("lines"),
            "classes": len(cl),
            "pairs": sum(len(c["fragments"]) * (len(c["fragments"]) - 1) // 2 for c in cl),
            "dup_reported": s.get("duplicated_lines"),
            "dup_union": union_lines(frags),
        }
    dups = d.get("duplicates", [])
    frags = [(x[k]["name"], x[k]["start"], x[k]["end"]) for x in dups for k in ("firstFile", "secondFile")]
    t = d.get("statistics", {}).get("total", {})
    return {
        "files": t.get("sources"), "lines": t.get("lines"),
        "classes": None, "pairs": len(dups),
        "dup_reported": t.get("duplicatedLines"),
        "dup_union": union_lines(frags),
    }

print(f"\ntree: {tree}")
cmds = open(os.path.join(work, "commands")).read().splitlines()
for label, c in zip(("monodup", "jscpd"), cmds):
    if c.strip():
        print(f"{label}: {c.strip()}")
rows = {}
hdr = f"{'tool':<9}{'wall s':>8}{'peak MB':>9}{'files':>8}{'lines':>10}{'classes':>9}{'pairs':>8}{'dup lines':>11}{'(union)':>9}"
print()
print(hdr)
for name in ("monodup", "jscpd"):
    r = result(name)
    if r is None:
        continue
    wall, kb, rc = r
    o = load(name) if rc == 0 else None
    rows[name] = (wall, kb, rc, o)
    def v(k):
        return "-" if o is None or o.get(k) is None else o[k]
    status = "" if rc == 0 else f"  (exit {rc}{', killed' if rc in (124, 137) else ''})"
    print(f"{name:<9}{wall:>8.2f}{kb / 1024:>9.0f}{v('files'):>8}{v('lines'):>10}{v('classes'):>9}"
          f"{v('pairs'):>8}{v('dup_reported'):>11}{v('dup_union'):>9}{status}")
print("pairs: fragment pairs (a monodup class of n fragments stands for n(n-1)/2; jscpd reports pairs)")
print("dup lines: the tool's own summary figure; (union): lines of any reported fragment, each once")
m, j = rows.get("monodup"), rows.get("jscpd")
if m and j and m[2] == 0 and j[2] == 0 and m[0] > 0 and m[1] > 0:
    speed = j[0] / m[0]
    word = f"{speed:.1f}x faster" if speed >= 1 else f"{1 / speed:.1f}x slower"
    print(f"\nmonodup {word}, {m[1] / j[1]:.2f}x memory (monodup / jscpd peak RSS)")
    mo, jo = m[3], j[3]
    if mo and jo:
        def ratio(a, b):
            return f"{a / b:.2f}x" if a and b else "n/a"
        print(f"duplicated lines: monodup {mo['dup_union']} vs jscpd {jo['dup_union']} "
              f"({ratio(mo['dup_union'], jo['dup_union'])}, union of fragment lines); "
              f"pairs {ratio(mo['pairs'], jo['pairs'])}")
if not prefix.startswith(work):
    kept = [f"{prefix}.{n}.json" for n in ("monodup", "jscpd") if os.path.exists(f"{prefix}.{n}.json")]
    print("outputs: " + " ".join(kept))
PY

if (( agreement )) && [[ -f $out_prefix.monodup.json && -f $out_prefix.jscpd.json ]]; then
    echo
    probes=()
    [[ -x $monodup_bin ]] && probes+=(--probe-monodup "$monodup_bin")
    [[ -n $jscpd_bin ]] && probes+=(--probe-jscpd "$jscpd_bin")
    python3 "$here/dups_agreement.py" "$out_prefix.monodup.json" "$out_prefix.jscpd.json" --root "$tree" \
        --min-tokens "$min_tokens" --min-lines "$min_lines" --mode "$mode" "${probes[@]}" || true
fi
