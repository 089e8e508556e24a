#!/usr/bin/env bash
# Runs two monodup binaries over the same trees and commands and reports any byte difference:
#   benches/same_output.sh OLD_BINARY NEW_BINARY TREE...
# Every fixture under testdata/ is added to the trees. Used to show a refactoring changes no
# output (issue 11). Prints one line per (tree, command, format) that differs and a total.
set -uo pipefail
old="$1"; new="$2"; shift 2
cd "$(dirname "$0")/.."
trees=("$@")
for d in testdata/*/ testdata/*/*/; do
    [ -f "$d/package.json" ] && trees+=("${d%/}")
done
runs=0; diffs=0
for t in "${trees[@]}"; do
    for args in "scan --format json" "scan --format markdown" "graph --format json" "graph --format dot" \
                "graph --format mermaid --level package" "dups --format json" "plan --format json" \
                "plan --format markdown" "plan" "scan" "graph" "dups" \
                "check --format json" "check --format sarif" "check --format github"; do
        a=$("$old" $args "$t" -q -j 2 2>&1); ea=$?
        b=$("$new" $args "$t" -q -j 2 2>&1); eb=$?
        runs=$((runs + 1))
        if [ "$a" != "$b" ] || [ $ea != $eb ]; then
            diffs=$((diffs + 1)); echo "DIFFERS: $t: $args (exit $ea vs $eb)"
        fi
    done
done
echo "$runs runs, $diffs differ"
