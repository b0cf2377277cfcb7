#!/usr/bin/env bash
# tests/asyncio/record.sh - (re)record the expected results of the asyncio corpus
# from CPython 3.12 running on a virtual clock (tests/vclock/vrun.py).
#
# Usage: tests/asyncio/record.sh [--check] [FILE.py ...]
#   With no files, records every tests/asyncio/*.py.
#   Each program is run from inside its own directory with its bare file name,
#       cd DIR && python3.12 -X utf8 ../vclock/vrun.py NAME.py </dev/null
#   (vrun fixes PYTHONHASHSEED=0 unless it is set) and the results are written beside it:
#       NAME.stdout   stdout, byte for byte
#       NAME.stderr   stderr, only when non-empty (a stale one is removed)
#       NAME.status   the exit status and a newline
#   Tracebacks already say File "NAME.py" (vrun compiles the scenario under the name it
#   was given); the rewrite of an absolute script directory that tests/record.sh applies
#   is applied here too, for safety.
#
#   --check: do not write anything; run every program twice, with PYTHONHASHSEED=1 and
#   PYTHONHASHSEED=2, and compare both runs with the recorded files (proves that the
#   recordings are deterministic). Prints PASS/FAIL per program and the slowest runs.
#
# The interpreter: $PYTHON if set, else `PYENV_VERSION=3.12.1 python3.12`, else python3.12.
set -u

here=$(cd "$(dirname "$0")" && pwd)
vrun="$here/../vclock/vrun.py"
check=0
if [ "${1:-}" = "--check" ]; then check=1; shift; fi

find_python() {
    if [ -n "${PYTHON:-}" ]; then
        PY=($PYTHON)
    elif PYENV_VERSION=3.12.1 python3.12 -c 'import sys; sys.exit(sys.version_info[:2] != (3, 12))' >/dev/null 2>&1; then
        PY=(env PYENV_VERSION=3.12.1 python3.12)
    elif python3.12 -c 'import sys; sys.exit(sys.version_info[:2] != (3, 12))' >/dev/null 2>&1; then
        PY=(python3.12)
    else
        echo "record.sh: no CPython 3.12 found (set PYTHON=...)" >&2
        exit 2
    fi
    local exe
    exe=$("${PY[@]}" -c 'import sys; print(sys.executable)' 2>/dev/null)
    if [ -n "$exe" ] && [ -x "$exe" ]; then PY=("$exe"); fi
}

sed_escape() { printf '%s' "$1" | sed 's/[][\/.*^$]/\\&/g'; }

# run_one FILE OUTBASE [ENV...]: OUTBASE.stdout/.stderr/.status
run_one() {
    local file=$1 out=$2 dir name status lpath ppath
    shift 2
    dir=$(cd "$(dirname "$file")" && pwd)
    name=$(basename "$file")
    (cd "$dir" && exec env "$@" timeout -k 2 20 "${PY[@]}" -X utf8 "$vrun" "$name" \
        </dev/null >"$out.stdout" 2>"$out.stderr")
    status=$?
    printf '%s\n' "$status" >"$out.status"
    lpath=$(sed_escape "$dir/")
    ppath=$(sed_escape "$(cd "$dir" && pwd -P)/")
    sed -i -e "s/File \"$lpath/File \"/g" -e "s/File \"$ppath/File \"/g" "$out.stderr"
}

find_python
if [ $# -eq 0 ]; then
    shopt -s nullglob
    set -- "$here"/*.py
fi
fail=0
if [ "$check" -eq 1 ]; then
    work=$(mktemp -d "${TMPDIR:-/tmp}/asyncio-check.XXXXXX") || exit 2
    trap 'rm -rf "$work"' EXIT
    : >"$work/times"
fi
for f in "$@"; do
    [ -f "$f" ] || { echo "record.sh: no such file: $f" >&2; exit 2; }
    dir=$(cd "$(dirname "$f")" && pwd)
    base=$(basename "$f" .py)
    if [ "$check" -eq 0 ]; then
        run_one "$f" "$dir/$base"
        [ -s "$dir/$base.stderr" ] || rm -f "$dir/$base.stderr"
        printf 'recorded %-40s status %s\n' "$base" "$(cat "$dir/$base.status")"
        continue
    fi
    ok=1
    for seed in 1 2; do
        t0=$(date +%s%N)
        run_one "$f" "$work/r" PYTHONHASHSEED=$seed
        t1=$(date +%s%N)
        echo "$(( (t1 - t0) / 1000000 )) ms $base (seed $seed)" >>"$work/times"
        exp_err="$dir/$base.stderr"; [ -f "$exp_err" ] || exp_err=/dev/null
        if ! cmp -s "$dir/$base.stdout" "$work/r.stdout" || ! cmp -s "$exp_err" "$work/r.stderr" \
           || ! cmp -s "$dir/$base.status" "$work/r.status"; then
            ok=0
            diff -u "$dir/$base.stdout" "$work/r.stdout" | head -20 | sed 's/^/    /'
            diff -u "$exp_err" "$work/r.stderr" | head -20 | sed 's/^/    /'
        fi
    done
    if [ "$ok" -eq 1 ]; then echo "PASS $base"; else echo "FAIL $base"; fail=$((fail + 1)); fi
done
if [ "$check" -eq 1 ]; then
    echo "slowest runs (wall clock, including interpreter start-up):"
    sort -rn "$work/times" | head -5 | sed 's/^/    /'
    echo "$fail failed"
fi
[ "$fail" -eq 0 ]
