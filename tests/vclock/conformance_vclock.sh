#!/usr/bin/env bash
# tests/vclock/conformance_vclock.sh - compare loopscope with CPython 3.12 running on a
# virtual clock (tests/vclock/vrun.py).
#
# Usage: tests/vclock/conformance_vclock.sh LOOPSCOPE_BINARY DIR
#
# Runs every DIR/NAME.py (sorted) under both
#     cd DIR && timeout 10 LOOPSCOPE --headless [--cpu-cost 0] NAME.py
#     cd DIR && timeout 20 PYTHON -X utf8 vrun.py NAME.py
# and compares stdout, stderr and exit status between the two (not with recorded files).
# The absolute script directory in tracebacks (File "/abs/dir/NAME.py") is rewritten to
# the bare name on both sides (vrun already prints the bare name).
#
# Skipped programs (reported "SKIP name (reason)", not counted as failures):
#   - those listed in DIR/known-differences.txt, DIR/address-dependent.txt;
#   - with LOOPSCOPE_CPU_COST=default, those listed in DIR/cpu-cost-0.txt (their output
#     depends on exactly equal timer deadlines, which only --cpu-cost 0 gives).
# Each list: one NAME per line followed by the reason; '#' lines are comments.
#
# Environment:
#   LOOPSCOPE_CPU_COST  unset or "0": loopscope runs with --cpu-cost 0 (computation is
#                       free, as it is under vrun); "default": no --cpu-cost flag;
#                       any other number N: --cpu-cost N.
#   LOOPSCOPE_TEST_FILTER=SUBSTRING  only the programs whose name contains it.
#
# CPython is looked for as `PYENV_VERSION=3.12.1 python3.12`, then python3.12, then python3
# if it is 3.12.x. With none: prints "conformance_vclock: skipped (no CPython 3.12 found)"
# and exits 77. Prints PASS/FAIL/SKIP per program (FAIL with diffs) and
# "N passed, N failed, N skipped"; exits 1 if any program failed.
set -u

TIMEOUT_S=10
PY_TIMEOUT_S=20
DIFF_LINES=20

if [ $# -ne 2 ]; then
    echo "usage: $0 LOOPSCOPE_BINARY DIR" >&2
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
vrun="$(cd "$(dirname "$0")" && pwd)/vrun.py"
filter=${LOOPSCOPE_TEST_FILTER:-}

is_312() { "$@" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 12))' >/dev/null 2>&1; }
if is_312 env PYENV_VERSION=3.12.1 python3.12; then
    PY=(env PYENV_VERSION=3.12.1 python3.12)
elif is_312 python3.12; then
    PY=(python3.12)
elif is_312 python3; then
    PY=(python3)
else
    echo "conformance_vclock: skipped (no CPython 3.12 found)"
    exit 77
fi
exe=$("${PY[@]}" -c 'import sys; print(sys.executable)' 2>/dev/null)
if [ -n "$exe" ] && [ -x "$exe" ] && is_312 "$exe"; then
    PY=("$exe")
fi

cost=${LOOPSCOPE_CPU_COST:-0}
case "$cost" in
    default) LS_FLAGS=() ;;
    *) LS_FLAGS=(--cpu-cost "$cost") ;;
esac
echo "conformance_vclock: CPython $("${PY[@]}" -c 'import sys; print(sys.version.split()[0])') on a virtual clock vs $1 ${LS_FLAGS[*]}"

work=$(mktemp -d "${TMPDIR:-/tmp}/loopscope-vclock.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT

sed_escape() { printf '%s' "$1" | sed 's/[][\/.*^$]/\\&/g'; }
lpath=$(sed_escape "$progdir/")
ppath=$(sed_escape "$(cd "$progdir" && pwd -P)/")

declare -A skip_reason=()
load_list() { # FILE LABEL
    [ -f "$1" ] || return 0
    local name reason
    while read -r name reason; do
        case "$name" in ''|'#'*) continue ;; esac
        skip_reason[$name]="$2: ${reason:-listed}"
    done <"$1"
}
load_list "$progdir/known-differences.txt" "known difference"
load_list "$progdir/address-dependent.txt" "address-dependent"
[ "$cost" = "0" ] || load_list "$progdir/cpu-cost-0.txt" "needs --cpu-cost 0"

run() { # PREFIX TIMEOUT CMD...
    local p=$1 t=$2
    shift 2
    (cd "$progdir" && exec timeout -k 2 "$t" "$@" </dev/null >"$work/$p.out" 2>"$work/$p.err")
    echo $? >"$work/$p.status"
    sed -i -e "s/File \"$lpath/File \"/g" -e "s/File \"$ppath/File \"/g" "$work/$p.err"
}

show_diff() { # LABEL CPYTHON_FILE LOOPSCOPE_FILE
    diff -u --label "cpython+vclock $1" --label "loopscope $1" "$2" "$3" | head -n "$DIFF_LINES" | sed 's/^/    /'
}

passed=0
failed=0
skipped=0
shopt -s nullglob
for f in $(cd "$progdir" && printf '%s\n' *.py | LC_ALL=C sort); do
    base=${f%.py}
    case "$base" in *"$filter"*) ;; *) continue ;; esac
    if [ -n "${skip_reason[$base]+x}" ]; then
        echo "SKIP $base (${skip_reason[$base]})"
        skipped=$((skipped + 1))
        continue
    fi
    run py "$PY_TIMEOUT_S" "${PY[@]}" -X utf8 "$vrun" "$f"
    run ls "$TIMEOUT_S" "$bin" --headless "${LS_FLAGS[@]}" "$f"
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

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
