#!/usr/bin/env bash
# Do two monodup binaries find the same clone classes? (issue 12, point 4: a rewritten clone
# engine keeps its results.) Run by hand, not by CI.
#
#   benches/same_clones.sh [--max N] [--no-threads-check] OLD_BIN NEW_BIN TREE...
#
# Every fixture under testdata/ is added to the trees. On each tree both binaries run
# `dups TREE --format json -q --no-progress`; each class is taken as its sorted members (file,
# start line and column, end line and column) and compared:
#   same           the same members, and the same kind, scope, tokens, lines, similarity and
#                  fingerprint (a class whose members match but not these is "attributes differ")
#   members differ a class of one side and a class of the other with the same fingerprint, or
#                  sharing overlapping fragments: the fragments each side has alone are listed
#   missing/extra  a class only the old (missing) or only the new binary (extra) reports
# The summaries' duplicated-line figures are compared too. Then NEW_BIN must give byte-identical
# `dups --format json` and `scan --format json` at -j 1 and -j 8 (skipped with
# --no-threads-check). Prints up to --max (default 10) examples of each kind of difference per
# tree, and a total; exits 1 when anything differs, 2 on a usage error or a failed run.
set -uo pipefail

die() { echo "same_clones: $*" >&2; exit 2; }
usage() { sed -n '2,/^set -uo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit "${1:-2}"; }
max=10
threads_check=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --max) max=${2:?}; shift 2 ;;
        --no-threads-check) threads_check=0; shift ;;
        -h|--help) usage 0 ;;
        -*) die "unknown option $1 (see --help)" ;;
        *) break ;;
    esac
done
[[ $# -ge 2 ]] || usage 2
[[ $max =~ ^[0-9]+$ ]] || die "--max takes a whole number"
old=$1 new=$2
shift 2
[[ -x $old ]] || die "$old is not an executable"
[[ -x $new ]] || die "$new is not an executable"
old=$(cd "$(dirname "$old")" && pwd -P)/$(basename "$old")
new=$(cd "$(dirname "$new")" && pwd -P)/$(basename "$new")
command -v python3 >/dev/null || die "python3 is missing"
trees=()
for t in "$@"; do
    [[ -d $t ]] || die "$t is not a directory"
    trees+=("$(cd "$t" && pwd -P)")
done
cd "$(dirname "$0")/.." || die "cannot enter the repository"
for d in testdata/*/ testdata/*/*/; do
    [[ -f $d/package.json ]] && trees+=("$(cd "$d" && pwd -P)")
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/same_clones.XXXXXX")
trap 'rm -rf -- "$tmp"' EXIT
trap 'exit 130' INT TERM

# dups BIN TREE OUT [ARGS...]: the dups report, or exit 2 naming the failure.
run() {
    local bin=$1 tree=$2 out=$3
    shift 3
    "$bin" "$@" "$tree" --format json -q --no-progress > "$out" 2> "$out.err" ||
        { cat "$out.err" >&2; die "$bin $* $tree failed"; }
}

differ=0
i=0
for tree in "${trees[@]}"; do
    i=$((i + 1))
    run "$old" "$tree" "$tmp/$i.old.json" dups
    run "$new" "$tree" "$tmp/$i.new.json" dups
    python3 - "$tree" "$tmp/$i.old.json" "$tmp/$i.new.json" "$max" <<'PY' || differ=$((differ + 1))
import json, sys
from collections import defaultdict

tree, old_path, new_path, limit = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
old, new = json.load(open(old_path)), json.load(open(new_path))
ATTRS = ("kind", "scope", "tokens", "lines", "similarity", "fingerprint")

def frag(f):
    return (f["file"], f["start_line"], f["start_col"], f["end_line"], f["end_col"])

def show_frag(f):
    return f"{f[0]}:{f[1]}:{f[2]}-{f[3]}:{f[4]}"

def show(c):
    frags = ", ".join(show_frag(f) for f in c["members"])
    return f"{c['kind']} {c['scope']} {c['tokens']} tokens [{c['fingerprint']}]: {frags}"

def classes(doc):
    out = []
    for c in doc.get("clones", []):
        d = {k: c.get(k) for k in ATTRS}
        d["members"] = tuple(sorted(frag(f) for f in c["fragments"]))
        out.append(d)
    return out

a, b = classes(old), classes(new)
by_members_b = defaultdict(list)
for j, c in enumerate(b):
    by_members_b[c["members"]].append(j)
same, attrs, left_a, used_b = 0, [], [], set()
for c in a:
    js = [j for j in by_members_b.get(c["members"], []) if j not in used_b]
    if not js:
        left_a.append(c)
        continue
    j = next((j for j in js if all(b[j][k] == c[k] for k in ATTRS)), js[0])
    used_b.add(j)
    if all(b[j][k] == c[k] for k in ATTRS):
        same += 1
    else:
        attrs.append((c, b[j]))
left_b = [c for j, c in enumerate(b) if j not in used_b]

# Pair what is left: the same fingerprint first, then the most overlapping fragments.
def overlap(x, y):
    return sum(1 for f in x["members"] for g in y["members"]
               if f[0] == g[0] and f[1] <= g[3] and g[1] <= f[3])

members, missing = [], []
by_fp = defaultdict(list)
for c in left_b:
    by_fp[c["fingerprint"]].append(c)
by_file = defaultdict(list)
for c in left_b:
    for f in {f[0] for f in c["members"]}:
        by_file[f].append(c)
taken = set()
for c in left_a:
    cand = [y for y in by_fp.get(c["fingerprint"], []) if id(y) not in taken]
    if not cand:
        seen = {id(y): y for f in {f[0] for f in c["members"]} for y in by_file.get(f, []) if id(y) not in taken}
        scored = sorted(((overlap(c, y), i, y) for i, y in enumerate(seen.values())), key=lambda t: (-t[0], t[1]))
        cand = [y for s, _, y in scored if s > 0][:1]
    if cand:
        taken.add(id(cand[0]))
        members.append((c, cand[0]))
    else:
        missing.append(c)
extra = [c for c in left_b if id(c) not in taken]

so, sn = old.get("summary", {}), new.get("summary", {})
summary = [(k, so.get(k), sn.get(k)) for k in ("duplicated_lines", "duplicated_lines_exact", "clone_classes")
           if so.get(k) != sn.get(k)]
bad = attrs or members or missing or extra or summary
print(f"{'DIFFERS' if bad else 'same   '} {tree}: classes old {len(a)}, new {len(b)}; same {same}, "
      f"attributes differ {len(attrs)}, members differ {len(members)}, missing {len(missing)}, extra {len(extra)}"
      + ("; byte-identical" if open(old_path, "rb").read() == open(new_path, "rb").read() else ""))
for k, x, y in summary:
    print(f"  summary {k}: old {x}, new {y}")
for x, y in attrs[:limit]:
    diffs = ", ".join(f"{k} {x[k]} -> {y[k]}" for k in ATTRS if x[k] != y[k])
    print(f"  ATTRIBUTES {show(x)}\n      {diffs}")
for x, y in members[:limit]:
    gone = [show_frag(f) for f in x["members"] if f not in y["members"]]
    came = [show_frag(f) for f in y["members"] if f not in x["members"]]
    print(f"  MEMBERS old {show(x)}\n      new {show(y)}")
    print(f"      only old: {', '.join(gone) or '-'}; only new: {', '.join(came) or '-'}")
for c in missing[:limit]:
    print(f"  MISSING {show(c)}")
for c in extra[:limit]:
    print(f"  EXTRA {show(c)}")
sys.exit(1 if bad else 0)
PY
    if (( threads_check )); then
        for cmd in dups scan; do
            run "$new" "$tree" "$tmp/$i.j1.json" "$cmd" -j 1
            run "$new" "$tree" "$tmp/$i.j8.json" "$cmd" -j 8
            if ! cmp -s "$tmp/$i.j1.json" "$tmp/$i.j8.json"; then
                echo "DIFFERS $tree: new $cmd --format json at -j 1 and -j 8"
                differ=$((differ + 1))
            fi
        done
    fi
done
echo "${#trees[@]} trees, $differ differences$( ((threads_check)) && echo " (clone classes old vs new; -j 1 vs -j 8 of the new binary)")"
(( differ == 0 ))
