#!/usr/bin/env bash
# tests/lessons/record.sh - (re)record what CPython 3.12 prints for the lesson scenarios
# (scenarios/NAME.py) on a virtual clock, into tests/lessons/NAME.{stdout,stderr,status}.
#
# Usage: tests/lessons/record.sh [--check] [NAME.py ...]
#   Without names: every scenarios/*.py. --check writes nothing: it re-runs each lesson
#   with PYTHONHASHSEED=1 and =2 and compares with the recordings (determinism check).
#
# A thin wrapper around tests/asyncio/record.sh (same interpreter choice, same vrun
# invocation, same rules for NAME.stderr), which records beside the program: the lessons
# are linked into a scratch directory, recorded there, and the results moved here.
set -u

here=$(cd "$(dirname "$0")" && pwd)
scen=$(cd "$here/../../scenarios" && pwd)
check=()
if [ "${1:-}" = "--check" ]; then check=(--check); shift; fi
if [ $# -eq 0 ]; then
    set -- $(cd "$scen" && printf '%s\n' *.py | LC_ALL=C sort)
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/lessons-record.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT

bases=()
files=()
for f in "$@"; do
    name=$(basename "$f")
    base=${name%.py}
    [ -f "$scen/$name" ] || { echo "record.sh: no such lesson: $scen/$name" >&2; exit 2; }
    ln -s "$scen/$name" "$work/$name"
    if [ ${#check[@]} -gt 0 ]; then
        for part in stdout stderr status; do
            [ -f "$here/$base.$part" ] && cp "$here/$base.$part" "$work/"
        done
    fi
    bases+=("$base")
    files+=("$work/$name")
done

"$here/../asyncio/record.sh" "${check[@]}" "${files[@]}"
rc=$?
if [ ${#check[@]} -eq 0 ]; then
    for base in "${bases[@]}"; do
        for part in stdout status; do mv "$work/$base.$part" "$here/"; done
        if [ -f "$work/$base.stderr" ]; then mv "$work/$base.stderr" "$here/"; else rm -f "$here/$base.stderr"; fi
    done
fi
exit "$rc"
