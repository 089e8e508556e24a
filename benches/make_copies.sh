#!/usr/bin/env bash
# Makes a tree of K copies of a real repository, for the duplication benchmarks (issue 12): a
# repository holding backup copies of itself, or one repository plus copies of it.
#
#   benches/make_copies.sh SRC K DST
#
# DST gets copy-1/ … copy-K/, each the whole of SRC less node_modules/ and .git/ folders (at any
# depth). Regular files only: symbolic links are neither followed nor copied, nor are FIFOs,
# sockets or devices. DST must be missing, empty, or an earlier output of this script (marked by
# DST/.make_copies, and then replaced). Run by hand, not by CI.
set -euo pipefail

die() { echo "make_copies: $*" >&2; exit 2; }
[[ $# -eq 3 ]] || { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
src=$1 k=$2 dst=$3
[[ -d $src ]] || die "$src is not a directory"
[[ $k =~ ^[1-9][0-9]*$ ]] || die "K must be a whole number of at least 1"
src=$(cd "$src" && pwd -P)
marker=.make_copies
abs_dst=$(realpath -m "$dst")
case "$abs_dst/" in "$src/"*) die "$dst is inside $src" ;; esac
case "$src/" in "$abs_dst/"*) die "$src is inside $dst" ;; esac

if [[ -e $dst ]]; then
    [[ -d $dst && ! -L $dst ]] || die "$dst exists and is not a directory"
    if [[ -n "$(ls -A "$dst")" ]]; then
        [[ -f $dst/$marker ]] || die "$dst is not empty and not an earlier make_copies tree; refusing to replace it"
        rm -rf -- "$dst"
    fi
fi
mkdir -p "$dst"
dst=$(cd "$dst" && pwd -P)

# The file list once (NUL-separated, so any name is safe), then one tar pipe per copy.
list=$(mktemp "${TMPDIR:-/tmp}/make_copies.XXXXXX")
trap 'rm -f -- "$list"' EXIT
(cd "$src" && find . \( -name node_modules -o -name .git \) -prune -o -type f -print0) > "$list"
files=$(tr -cd '\0' < "$list" | wc -c)
for i in $(seq 1 "$k"); do
    mkdir -p "$dst/copy-$i"
    tar -C "$src" --null --no-recursion -T "$list" -cf - | tar -C "$dst/copy-$i" -xf -
done
printf 'make_copies %s x%s\n' "$src" "$k" > "$dst/$marker"
echo "make_copies: $files files x $k -> $dst" >&2
