#!/usr/bin/env bash
# tests/conformance.sh - compare loopscope with a live CPython >= 3.12.
#
# Usage: tests/conformance.sh LOOPSCOPE_BINARY PROGRAMS_DIR
#
# Runs every PROGRAMS_DIR/NAME.py (sorted; not reject/, not the programs in
# known-differences.txt, not random_*: the
# random module is simulated and need not reproduce CPython's Mersenne
# Twister) under both
#     cd PROGRAMS_DIR && timeout 10 LOOPSCOPE --headless NAME.py
#     cd PROGRAMS_DIR && timeout 10 PYTHON -X utf8 NAME.py
# and compares stdout, stderr and exit status between the two (not with the
# recorded files). The absolute script directory CPython prints in tracebacks
# (File "/abs/dir/NAME.py") is rewritten to the bare name on both sides.
#
# CPython is looked for as `PYENV_VERSION=3.12.1 python3.12`, then python3.12,
# then python3 if it is 3.12 or newer. With none: prints
# "conformance: skipped (no CPython 3.12 found)" and exits 77.
#
# LOOPSCOPE_TEST_FILTER=SUBSTRING runs only the programs whose name contains it.
# Prints "PASS name"/"FAIL name" (with diffs) and "N passed, N failed";
# exits 1 if any program failed.
set -u

TIMEOUT_S=10
DIFF_LINES=20

if [ $# -ne 2 ]; then
    echo "usage: $0 LOOPSCOPE_BINARY PROGRAMS_DIR" >&2
    exit 2
fi
bin=$1
progdir=$2
case "$bin" in
    */*) bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")" ;;
esac
if ! command -v "$bin" >/dev/null 2>&1 || [ ! -x "$(command -v "$bin")" ]; then
    echo "$0: not an executable: $1" >&2
    exit 2
fi
if [ ! -d "$progdir" ]; then
    echo "$0: not a directory: $progdir" >&2
    exit 2
fi
progdir=$(cd "$progdir" && pwd)
filter=${LOOPSCOPE_TEST_FILTER:-}

is_312() { "$@" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; }
if is_312 env PYENV_VERSION=3.12.1 python3.12; then
    PY=(env PYENV_VERSION=3.12.1 python3.12)
elif is_312 python3.12; then
    PY=(python3.12)
elif is_312 python3; then
    PY=(python3)
else
    echo "conformance: skipped (no CPython 3.12 found)"
    exit 77
fi
# Run the interpreter itself rather than a version-manager shim (much faster).
exe=$("${PY[@]}" -c 'import sys; print(sys.executable)' 2>/dev/null)
if [ -n "$exe" ] && [ -x "$exe" ] && is_312 "$exe"; then
    PY=("$exe")
fi
echo "conformance: CPython $("${PY[@]}" -c 'import sys; print(sys.version.split()[0])') vs $1"

work=$(mktemp -d "${TMPDIR:-/tmp}/loopscope-conformance.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT

sed_escape() { printf '%s' "$1" | sed 's/[][\/.*^$]/\\&/g'; }
lpath=$(sed_escape "$progdir/")
ppath=$(sed_escape "$(cd "$progdir" && pwd -P)/")

# run PREFIX CMD... : runs CMD NAME.py in $progdir -> $work/PREFIX.{out,err,status}
run() {
    local p=$1
    shift
    (cd "$progdir" && exec timeout -k 2 "$TIMEOUT_S" "$@" </dev/null >"$work/$p.out" 2>"$work/$p.err")
    echo $? >"$work/$p.status"
    sed -i -e "s/File \"$lpath/File \"/g" -e "s/File \"$ppath/File \"/g" "$work/$p.err"
}

show_diff() { # LABEL CPYTHON_FILE LOOPSCOPE_FILE
    diff -u --label "cpython $1" --label "loopscope $1" "$2" "$3" | head -n "$DIFF_LINES" | sed 's/^/    /'
}

passed=0
failed=0
shopt -s nullglob
for f in $(cd "$progdir" && printf '%s\n' *.py | LC_ALL=C sort); do
    base=${f%.py}
    case "$base" in random_*) continue ;; esac
    grep -q "^$base " "$progdir/known-differences.txt" 2>/dev/null && continue
    case "$base" in *"$filter"*) ;; *) continue ;; esac
    run py "${PY[@]}" -X utf8 "$f"
    run ls "$bin" --headless "$f"
    ok=1
    report=""
    if [ "$(cat "$work/py.status")" != "$(cat "$work/ls.status")" ]; then
        ok=0
        report+="    exit status: cpython $(cat "$work/py.status"), loopscope $(cat "$work/ls.status")"$'\n'
        case "$(cat "$work/ls.status")" in
            124|137) report+="    (loopscope timed out after ${TIMEOUT_S} s)"$'\n' ;;
        esac
    fi
    if ! cmp -s "$work/py.out" "$work/ls.out"; then
        ok=0
        report+="$(show_diff stdout "$work/py.out" "$work/ls.out")"$'\n'
    fi
    if ! cmp -s "$work/py.err" "$work/ls.err"; then
        ok=0
        report+="$(show_diff stderr "$work/py.err" "$work/ls.err")"$'\n'
    fi
    if [ "$ok" -eq 1 ]; then
        echo "PASS $base"
        passed=$((passed + 1))
    else
        echo "FAIL $base"
        printf '%s' "$report"
        failed=$((failed + 1))
    fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
