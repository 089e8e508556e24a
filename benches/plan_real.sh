#!/usr/bin/env bash
# Runs `monodup scan` on each real repository given and checks the plan's invariants
# (benches/plan_invariants.py): accounting, one home per file, paths, forks.
#   benches/plan_real.sh /tmp/real/plane /tmp/real/documenso /tmp/real/novu
# Builds the release binary first; writes the reports to ${OUT:-/tmp/plan-real}/NAME.json.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
out="${OUT:-/tmp/plan-real}"
mkdir -p "$out"
reports=()
for root in "$@"; do
    name="$(basename "$root")"
    /usr/bin/time -f "$name: %e s, %M KB" ./target/release/monodup scan "$root" --format json -q -o "$out/$name.json"
    reports+=("$out/$name.json")
done
python3 benches/plan_invariants.py "${reports[@]}"
