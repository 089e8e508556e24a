#!/usr/bin/env bash
# Runs monodup, dependency-cruiser and madge on the same tree, one after the other, and prints
# each one's wall time and peak memory (via /usr/bin/time) side by side. Run by hand, not by CI.
#
#   benches/compare_graph.sh [OPTIONS] TREE [MONODUP_BIN]
#
# MONODUP_BIN defaults to target/release/monodup. The peers (dependency-cruiser 17.4, which is the
# last line that runs on Node 20, madge 8, and TypeScript 5, which both need to read .ts/.tsx)
# are installed once with npm into ${XDG_CACHE_HOME:-$HOME/.cache}/monodup-bench/npm.
#
# Options:
#   --out PREFIX       keep the outputs as PREFIX.monodup.json, PREFIX.depcruise.json,
#                      PREFIX.madge.json (and PREFIX.depcruise-pp.json); default: a temp dir
#   --per-package      also run dependency-cruiser once per workspace package, from the package's
#                      folder with its own tsconfig.json (so that per-app `paths` such as `@/*`
#                      resolve), and merge the results into one JSON with paths relative to TREE:
#                      the better baseline for benches/agreement.py on a multi-app monorepo
#   --dc-config MODE   none (default): `depcruise --no-config`, whose resolver ignores
#                      package.json "exports" and reads only "main";
#                      init: a generated config with the resolve options `depcruise --init` writes
#                      (exportsFields ["exports"], conditionNames, mainFields module/main/types)
#   --no-link          do not create TREE/node_modules workspace links (see below)
#   --no-depcruise, --no-madge, --no-monodup     skip a tool
#   --timeout SECS     kill a tool that runs longer (default: none)
#   --heap MB          Node's --max-old-space-size for the peers (default 16384)
#
# Workspace links: the peers find workspace packages (`@acme/ui`) only through node_modules. When
# TREE has no node_modules/, the script creates TREE/node_modules/<name> -> <package dir> for every
# workspace package (what `npm install` would do; nothing else) after monodup has run, and
# removes it again on exit. monodup never reads node_modules.
set -euo pipefail

die() { echo "compare_graph: $*" >&2; exit 2; }
usage() { sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit "${1:-2}"; }

out_prefix=""
per_package=0
dc_config=none
link=1
run_dc=1
run_madge=1
run_monodup=1
timeout_s=0
heap=16384
while [[ $# -gt 0 ]]; do
    case "$1" in
        --out) out_prefix=${2:?--out needs a prefix}; shift 2 ;;
        --per-package) per_package=1; shift ;;
        --dc-config) dc_config=${2:?}; shift 2; [[ $dc_config == none || $dc_config == init ]] || die "--dc-config none|init" ;;
        --no-link) link=0; shift ;;
        --no-depcruise) run_dc=0; shift ;;
        --no-madge) run_madge=0; shift ;;
        --no-monodup) run_monodup=0; shift ;;
        --timeout) timeout_s=${2:?}; shift 2 ;;
        --heap) heap=${2:?}; shift 2 ;;
        -h|--help) usage 0 ;;
        --) shift; break ;;
        -*) die "unknown option $1 (see --help)" ;;
        *) break ;;
    esac
done
[[ $# -ge 1 && $# -le 2 ]] || usage 2
[[ -d $1 ]] || die "$1 is not a directory"
tree=$(cd "$1" && pwd -P)
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
monodup_bin=${2:-$here/../target/release/monodup}
[[ -x /usr/bin/time ]] || die "/usr/bin/time is missing (apt-get install time)"
command -v python3 >/dev/null || die "python3 is missing"

work=$(mktemp -d "${TMPDIR:-/tmp}/compare_graph.XXXXXX")
created_links=""
cleanup() {
    if [[ -n $created_links && -d $created_links ]]; then rm -rf -- "$created_links"; fi
    rm -rf -- "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
if [[ -n $out_prefix ]]; then
    mkdir -p "$(dirname "$out_prefix")"
    out_prefix=$(cd "$(dirname "$out_prefix")" && pwd -P)/$(basename "$out_prefix")
else
    out_prefix=$work/out
fi

# -- peers, installed once ------------------------------------------------------------------------
peers="dependency-cruiser@17.4 madge@8 typescript@5"
cache=${XDG_CACHE_HOME:-$HOME/.cache}/monodup-bench
npmdir=$cache/npm
if (( run_dc || run_madge )); then
    if [[ ! -x $npmdir/node_modules/.bin/depcruise || ! -x $npmdir/node_modules/.bin/madge ||
          "$(cat "$npmdir/.peers" 2>/dev/null)" != "$peers" ]]; then
        command -v npm >/dev/null || die "npm is missing"
        mkdir -p "$cache"
        tmp=$(mktemp -d "$cache/install.XXXXXX")
        echo "installing $peers into $npmdir ..." >&2
        # shellcheck disable=SC2086
        npm install --prefix "$tmp" --no-audit --no-fund --loglevel=error $peers >&2 ||
            { rm -rf -- "$tmp"; die "npm install failed"; }
        echo "$peers" > "$tmp/.peers"
        rm -rf -- "$npmdir"
        mv "$tmp" "$npmdir"
    fi
fi
bin=$npmdir/node_modules/.bin

# -- timing --------------------------------------------------------------------------------------
# run_timed NAME DIR CMD...: runs CMD in DIR under /usr/bin/time; records "wall maxrss_kb rc".
run_timed() {
    local name=$1 dir=$2
    shift 2
    local pre=()
    (( timeout_s > 0 )) && pre=(timeout --signal=KILL "$timeout_s")
    echo "running $name ..." >&2
    local rc=0
    (cd "$dir" && NODE_OPTIONS="--max-old-space-size=$heap" \
        /usr/bin/time -f '%e %M' -o "$work/$name.time" "${pre[@]}" "$@" 2> "$work/$name.log") || rc=$?
    local t
    t=$(tail -n 1 "$work/$name.time" 2>/dev/null || echo "0 0")
    echo "$t $rc" > "$work/$name.result"
    if (( rc != 0 )); then
        echo "$name exited with status $rc; last lines of its stderr:" >&2
        tail -n 5 "$work/$name.log" >&2 || true
    fi
}

# workspace package folders (relative to TREE), from package.json "workspaces" or pnpm-workspace.yaml
list_workspaces() {
    python3 - "$tree" <<'PY'
import glob, json, os, re, sys
root = sys.argv[1]
pats = []
try:
    ws = json.load(open(os.path.join(root, "package.json"))).get("workspaces", [])
    pats += ws.get("packages", []) if isinstance(ws, dict) else ws
except Exception:
    pass
pn = os.path.join(root, "pnpm-workspace.yaml")
if os.path.exists(pn):
    for line in open(pn):
        m = re.match(r"\s*-\s*['\"]?([^'\"#]+?)['\"]?\s*$", line)
        if m:
            pats.append(m.group(1))
seen = []
for p in pats:
    if p.startswith("!"):
        continue
    for d in sorted(glob.glob(os.path.join(root, p), recursive=True)):
        if "node_modules" in d.split(os.sep) or not os.path.isfile(os.path.join(d, "package.json")):
            continue
        rel = os.path.relpath(d, root)
        if rel not in seen:
            seen.append(rel)
for rel in seen:
    try:
        name = json.load(open(os.path.join(root, rel, "package.json"))).get("name") or ""
    except Exception:
        name = ""
    print(f"{rel}\t{name}")
PY
}

# -- monodup --------------------------------------------------------------------------------------
if (( run_monodup )); then
    if [[ -x $monodup_bin ]] && "$monodup_bin" graph --help 2>/dev/null | grep -q -- '--format'; then
        extra=()
        "$monodup_bin" graph --help | grep -q -- '--no-progress' && extra+=(--no-progress)
        run_timed monodup "$tree" "$monodup_bin" graph "$tree" --format json -o "$out_prefix.monodup.json" "${extra[@]}"
    else
        echo "monodup: not built ($monodup_bin has no 'graph --format json'); continuing with the peers" >&2
        echo "not-built" > "$work/monodup.result"
    fi
fi

# -- workspace links for the peers ----------------------------------------------------------------
if (( (run_dc || run_madge) && link )); then
    if [[ -e $tree/node_modules ]]; then
        echo "note: $tree/node_modules exists; using it as it is" >&2
    else
        n=0
        while IFS=$'\t' read -r rel name; do
            [[ -n $name ]] || continue
            mkdir -p "$tree/node_modules/$(dirname "$name")"
            ln -s "$(python3 -c 'import os,sys; print(os.path.relpath(sys.argv[1], sys.argv[2]))' \
                "$tree/$rel" "$tree/node_modules/$(dirname "$name")")" "$tree/node_modules/$name"
            n=$((n + 1))
        done < <(list_workspaces)
        if (( n > 0 )); then
            created_links=$tree/node_modules
            echo "linked $n workspace packages under $tree/node_modules (removed on exit)" >&2
        fi
    fi
fi

exclude='(^|/)(node_modules|\.git|\.next|\.turbo|\.cache)/'

# -- dependency-cruiser ---------------------------------------------------------------------------
dc_args=(--output-type json --ts-pre-compilation-deps --do-not-follow node_modules --exclude "$exclude" --progress none)
if [[ $dc_config == none ]]; then
    dc_args+=(--no-config)
else
    cat > "$work/depcruise.config.cjs" <<'JS'
/** The resolve options `depcruise --init` writes, and nothing else. */
module.exports = {
  options: {
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
  },
};
JS
    dc_args+=(--config "$work/depcruise.config.cjs")
fi
if (( run_dc )); then
    tsc_args=()
    [[ -f $tree/tsconfig.json ]] && tsc_args=(--ts-config "$tree/tsconfig.json")
    run_timed depcruise "$tree" "$bin/depcruise" "${dc_args[@]}" "${tsc_args[@]}" --output-to "$out_prefix.depcruise.json" .
fi

if (( run_dc && per_package )); then
    mkdir -p "$work/pp"
    : > "$work/pp/runs.tsv"
    total_wall=0
    max_rss=0
    worst_rc=0
    i=0
    while IFS=$'\t' read -r rel name; do
        i=$((i + 1))
        tsc_args=()
        [[ -f $tree/$rel/tsconfig.json ]] && tsc_args=(--ts-config tsconfig.json)
        run_timed "pp-$i" "$tree/$rel" "$bin/depcruise" "${dc_args[@]}" "${tsc_args[@]}" \
            --output-to "$work/pp/$i.json" .
        read -r w m rc < "$work/pp-$i.result"
        total_wall=$(python3 -c "print(round($total_wall + $w, 2))")
        (( m > max_rss )) && max_rss=$m
        (( rc != 0 )) && worst_rc=$rc
        printf '%s\t%s\n' "$rel" "$work/pp/$i.json" >> "$work/pp/runs.tsv"
    done < <(list_workspaces)
    echo "$total_wall $max_rss $worst_rc" > "$work/depcruise-pp.result"
    python3 - "$tree" "$work/pp/runs.tsv" "$out_prefix.depcruise-pp.json" <<'PY'
import json, os, sys
root, runs, out = sys.argv[1:4]
modules = {}
options = {}
for line in open(runs):
    rel, path = line.rstrip("\n").split("\t")
    if not os.path.exists(path):
        continue
    data = json.load(open(path))
    options = options or dict(data.get("summary", {}).get("optionsUsed", {}))
    def norm(p):
        q = os.path.normpath(os.path.join(rel, p))
        return q.replace(os.sep, "/")
    for m in data.get("modules", []):
        unresolved_or_core = m.get("couldNotResolve") or m.get("coreModule")
        src = m["source"] if unresolved_or_core else norm(m["source"])
        # keep each file as cruised from its own package (with that package's tsconfig)
        if unresolved_or_core or src.startswith("..") or not (src == rel or src.startswith(rel.rstrip("/") + "/") or rel == "."):
            continue
        m = dict(m, source=src)
        deps = []
        for d in m.get("dependencies", []):
            d = dict(d)
            if not (d.get("couldNotResolve") or d.get("coreModule")) and "node_modules/" not in d["resolved"]:
                d["resolved"] = norm(d["resolved"])
            deps.append(d)
        m["dependencies"] = deps
        modules.setdefault(src, m)
json.dump({"modules": [modules[k] for k in sorted(modules)],
           "summary": {"optionsUsed": dict(options, args="per-package", baseDir=root, outputTo=out)}},
          open(out, "w"))
print(f"merged {len(modules)} modules from per-package runs into {out}", file=sys.stderr)
PY
fi

# -- madge ----------------------------------------------------------------------------------------
if (( run_madge )); then
    madge_args=(--extensions "ts,tsx,js,jsx" --json --no-spinner --no-color --exclude "$exclude")
    [[ -f $tree/tsconfig.json ]] && madge_args+=(--ts-config "$tree/tsconfig.json")
    # madge prints its JSON on stdout
    # shellcheck disable=SC2016
    run_timed madge "$tree" bash -c 'out=$1; shift; "$@" . > "$out"' madge "$out_prefix.madge.json" \
        "$bin/madge" "${madge_args[@]}"
fi

# -- table ----------------------------------------------------------------------------------------
python3 - "$work" "$out_prefix" "$tree" "$dc_config" <<'PY'
import json, os, sys
work, prefix, tree, dc_config = sys.argv[1:5]

def result(name):
    p = os.path.join(work, name + ".result")
    if not os.path.exists(p):
        return None
    t = open(p).read().split()
    if t == ["not-built"]:
        return "not-built"
    return float(t[0]), int(t[1]), int(t[2])

def edges(name):
    """Files and resolved in-tree file-to-file edges, as a sanity check of each output."""
    try:
        if name == "monodup":
            d = json.load(open(prefix + ".monodup.json"))
            e = [x for x in d["graph"]["edges"] if x.get("to") and x.get("resolution") in ("internal", "workspace")]
            return d.get("summary", {}).get("files"), len({(x["from"], x["to"]) for x in e})
        if name.startswith("depcruise"):
            f = prefix + (".depcruise-pp.json" if name.endswith("-pp") else ".depcruise.json")
            d = json.load(open(f))
            mods = [m for m in d["modules"] if not m.get("couldNotResolve") and not m.get("coreModule")
                    and "node_modules/" not in m["source"]]
            pairs = {(m["source"], x["resolved"]) for m in mods for x in m["dependencies"]
                     if not x.get("couldNotResolve") and not x.get("coreModule") and "node_modules/" not in x["resolved"]}
            return len(mods), len(pairs)
        if name == "madge":
            d = json.load(open(prefix + ".madge.json"))
            return len(d), sum(len(set(v)) for v in d.values())
    except Exception:
        return None, None

rows = [("monodup", "monodup"), ("depcruise", "depcruise"), ("depcruise-pp", "depcruise (per package)"),
        ("madge", "madge")]
base = result("monodup")
print(f"\ntree: {tree}")
print(f"dependency-cruiser config: {'--no-config' if dc_config == 'none' else 'generated (exports, conditionNames, mainFields)'}")
print(f"{'tool':<26}{'wall s':>9}{'peak MB':>10}{'files':>8}{'edges':>9}  vs monodup")
for key, label in rows:
    r = result(key)
    if r is None:
        continue
    if r == "not-built":
        print(f"{label:<26}{'-':>9}{'-':>10}{'-':>8}{'-':>9}  not built")
        continue
    wall, kb, rc = r
    files, n = edges(key)
    status = "" if rc == 0 else f"  (exit {rc}{', killed' if rc in (124, 137) else ''})"
    if key == "monodup":
        cmp = "-"
    elif rc != 0:
        cmp = "n/a"
    elif isinstance(base, tuple) and base[2] == 0 and base[0] > 0 and base[1] > 0:
        cmp = f"{wall / base[0]:.1f}x slower, {kb / base[1]:.1f}x memory"
    else:
        cmp = "n/a"
    print(f"{label:<26}{wall:>9.2f}{kb / 1024:>10.0f}{files if files is not None else '-':>8}"
          f"{n if n is not None else '-':>9}  {cmp}{status}")
if os.path.exists(os.path.join(work, "depcruise-pp.result")):
    print("depcruise (per package): wall is the sum over the runs, peak is the largest run")
print("edges: distinct (from, to) pairs of files inside the tree each tool resolved")
kept = [prefix + s for s in (".monodup.json", ".depcruise.json", ".depcruise-pp.json", ".madge.json")
        if os.path.exists(prefix + s)]
if not prefix.startswith(work):
    print("outputs: " + " ".join(kept))
PY
