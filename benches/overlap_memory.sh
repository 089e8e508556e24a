#!/usr/bin/env bash
# Peak memory of `monodup dups` on P generated packages that all share one function (issue 10,
# case 5: the package-pair overlap map once grew with P², 391 MB at 1,000 packages, 1.4 GB at
# 2,000). Prints P, wall seconds, peak RSS and the overlaps listed / counted. Run by hand.
#
#   benches/overlap_memory.sh [MONODUP_BIN] [P...]      (defaults: target/release/monodup 1000 2000 5000)
set -euo pipefail
bin=${1:-target/release/monodup}
shift || true
sizes=("${@:-1000 2000 5000}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for p in ${sizes[@]}; do
  tree="$work/p$p"
  python3 - "$tree" "$p" <<'PY'
import os, sys
root, n = sys.argv[1], int(sys.argv[2])
body = """export function total(items) {
  let sum = 0;
  for (const item of items) {
    if (item.price > 0 && item.quantity > 0) {
      sum += item.price * item.quantity;
    }
  }
  return Math.round(sum * 100) / 100;
}
"""
os.makedirs(root, exist_ok=True)
open(os.path.join(root, "package.json"), "w").write('{"name": "r", "private": true, "workspaces": ["packages/*"]}')
for i in range(n):
    d = os.path.join(root, "packages", f"p{i:05}")
    os.makedirs(os.path.join(d, "src"), exist_ok=True)
    open(os.path.join(d, "package.json"), "w").write('{"name": "p%05d"}' % i)
    open(os.path.join(d, "src", "total.js"), "w").write(f"export const id = {i};\n" + body)
PY
  /usr/bin/time -f "%e %M" -o "$work/time" "$bin" dups "$tree" --min-tokens 30 --min-lines 3 \
    --format json --quiet -o "$work/out.json"
  read -r secs kb < "$work/time"
  listed=$(python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print(len(r['overlaps']), r['summary'].get('overlap_pairs'))" "$work/out.json")
  echo "packages=$p wall=${secs}s peak=$((kb / 1024))MB overlaps(listed counted)=$listed"
  rm -rf "$tree"
done
