#!/usr/bin/env bash
# Parse time of one file holding an `else if` chain of 20k, 40k and 100k links, and the ratio
# between consecutive sizes (issue 10, case 12: swc built the chain in quadratic time, 23 s and
# more for 100k links; with the vendored fix (vendor/README.md) the ratios follow the sizes, about
# 2 and 2.5). Timings come from MONODUP_TIMINGS. Run by hand; the tests only check correctness.
#
#   benches/else_if_chain.sh [MONODUP_BIN]      (default target/release/monodup)
set -euo pipefail
bin=${1:-target/release/monodup}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prev=""
for n in 20000 40000 100000; do
  mkdir -p "$work/$n"
  python3 -c "
import sys
n = int(sys.argv[1])
body = ''.join(f'else if (x === {i}) {{ x = {i + 1}; }}\n' for i in range(1, n))
open(sys.argv[2], 'w').write('let x = 0;\nif (x === 0) { x = 1; }\n' + body)
" "$n" "$work/$n/chain.js"
  ms=$(MONODUP_TIMINGS=1 "$bin" graph "$work/$n" --quiet 2>&1 >/dev/null | awk '$2 == "parse" {print $3}')
  if [ -n "$prev" ]; then
    ratio=$(python3 -c "print(f'{$ms / $prev:.2f}')")
    echo "links=$n parse=${ms}ms ratio=$ratio"
  else
    echo "links=$n parse=${ms}ms"
  fi
  prev=$ms
done
