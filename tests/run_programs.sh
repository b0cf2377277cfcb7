#!/usr/bin/env bash
# tests/run_programs.sh - run the program tests against a loopscope binary.
#
# Usage: tests/run_programs.sh LOOPSCOPE_BINARY PROGRAMS_DIR [EXPECT_DIR]
#
# For each PROGRAMS_DIR/NAME.py (sorted by name), runs
#     cd PROGRAMS_DIR && timeout 10 LOOPSCOPE --headless NAME.py </dev/null
# and compares stdout, stderr and exit status exactly with NAME.stdout,
# NAME.stderr (a missing file means empty) and NAME.status, recorded from
# CPython 3.12 by tests/record.sh. One normalisation: CPython prints the
# absolute script path in tracebacks (File "/abs/dir/NAME.py"); the recordings
# hold File "NAME.py", and the same rewrite of the directory prefix is applied
# to loopscope's stderr before comparing, so either form passes.
#
# EXPECT_DIR (optional): look for the expectations (NAME.stdout, NAME.stderr,
# NAME.status, reject/NAME.*) and known-differences.txt there instead of beside
# the programs; the programs still run from PROGRAMS_DIR. tests/lessons uses it
# for the lesson scenarios, which live in scenarios/ without recordings.
#
# PROGRAMS_DIR/reject/NAME.py are programs loopscope must reject before running
# anything. Their expectations are loopscope's own format, written by hand:
#     NAME.status   "2"
#     NAME.stderr   NAME.py:LINE:COL: error: MESSAGE
#                   <the source line>
#                   <a caret line>
# The wording of MESSAGE (and the column) belongs to the front end and may
# evolve, so for reject/ only these are checked:
#   - the exit status equals NAME.status;
#   - stdout is empty (nothing ran);
#   - the first stderr line starts with the "NAME.py:LINE:" prefix of the
#     first line of NAME.stderr;
#   - some stderr line is a caret line (only blanks, then '^' and '^'/'~').
#
# Environment: LOOPSCOPE_TEST_FILTER=SUBSTRING runs only the tests whose name
# (NAME, or reject/NAME) contains SUBSTRING. LOOPSCOPE_CPU_COST=N runs
# loopscope with --cpu-cost N (unset: loopscope's default cost); with any cost
# but 0, the programs listed in EXPECT_DIR/cpu-cost-0.txt (output valid only
# when computation is free: exactly equal deadlines, clock values printed
# with all their digits) are skipped.
#
# Prints "PASS name" or "FAIL name" (with the first lines of a unified diff)
# per test (XFAIL for the known differences listed in known-differences.txt),
# then "N passed, N failed, N skipped" (skipped: the known differences);
# exits 1 if any test failed.
set -u

TIMEOUT_S=10
DIFF_LINES=20

if [ $# -ne 2 ] && [ $# -ne 3 ]; then
    echo "usage: $0 LOOPSCOPE_BINARY PROGRAMS_DIR [EXPECT_DIR]" >&2
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
expdir=${3:-$progdir}
if [ ! -d "$expdir" ]; then
    echo "$0: not a directory: $expdir" >&2
    exit 2
fi
expdir=$(cd "$expdir" && pwd)
filter=${LOOPSCOPE_TEST_FILTER:-}

work=$(mktemp -d "${TMPDIR:-/tmp}/loopscope-programs.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT

passed=0
failed=0
known=0

# Programs whose CPython output loopscope knowingly does not reproduce, one
# per line: NAME, then the reason. Such a program is reported XFAIL and not
# counted as a failure; if it starts passing it is reported XPASS and counted
# as a failure, so that the list stays true.
declare -A known_reason=()
if [ -f "$expdir/known-differences.txt" ]; then
    while read -r kname kreason; do
        case "$kname" in ''|'#'*) continue ;; esac
        known_reason[$kname]=$kreason
    done < "$expdir/known-differences.txt"
fi

cost=${LOOPSCOPE_CPU_COST:-}
cost_flags=()
[ -n "$cost" ] && cost_flags=(--cpu-cost "$cost")
declare -A cost0_reason=()
if [ "$cost" != "0" ] && [ -f "$expdir/cpu-cost-0.txt" ]; then
    while read -r kname kreason; do
        case "$kname" in ''|'#'*) continue ;; esac
        cost0_reason[$kname]=$kreason
    done < "$expdir/cpu-cost-0.txt"
fi

sed_escape() { printf '%s' "$1" | sed 's/[][\/.*^$]/\\&/g'; }

# run DIR NAME.py -> $work/out, $work/err, $work/status
run_one() {
    local dir=$1 name=$2 lpath ppath
    (cd "$dir" && exec timeout -k 2 "$TIMEOUT_S" "$bin" --headless "${cost_flags[@]}" "$name" \
        </dev/null >"$work/out" 2>"$work/err")
    echo $? >"$work/status"
    lpath=$(sed_escape "$dir/")
    ppath=$(sed_escape "$(cd "$dir" && pwd -P)/")
    sed -i -e "s/File \"$lpath/File \"/g" -e "s/File \"$ppath/File \"/g" "$work/err"
}

# show_diff LABEL EXPECTED_FILE ACTUAL_FILE
show_diff() {
    diff -u --label "expected $1" --label "actual $1" "$2" "$3" | head -n "$DIFF_LINES" | sed 's/^/    /'
}

status_note() {
    case "$1" in
        124|137) echo "    (timed out after ${TIMEOUT_S} s)" ;;
    esac
}

check_program() { # PROGRAM_DIR NAME LABEL EXPECT_DIR
    local dir=$1 base=$2 label=$3 edir=$4 ok=1 exp_status act_status
    run_one "$dir" "$base.py"
    act_status=$(cat "$work/status")
    exp_status=$(tr -d ' \n\r' <"$edir/$base.status" 2>/dev/null)
    : >"$work/empty"
    local exp_err="$edir/$base.stderr"
    [ -f "$exp_err" ] || exp_err="$work/empty"
    local exp_out="$edir/$base.stdout"
    [ -f "$exp_out" ] || exp_out="$work/empty"
    local report=""
    if [ "$exp_status" != "$act_status" ]; then
        ok=0
        report+="    exit status: expected ${exp_status:-?}, got $act_status"$'\n'
        report+="$(status_note "$act_status")"
        [ -n "$(status_note "$act_status")" ] && report+=$'\n'
    fi
    if ! cmp -s "$exp_out" "$work/out"; then
        ok=0
        report+="$(show_diff stdout "$exp_out" "$work/out")"$'\n'
    fi
    if ! cmp -s "$exp_err" "$work/err"; then
        ok=0
        report+="$(show_diff stderr "$exp_err" "$work/err")"$'\n'
    fi
    finish "$label" "$ok" "$report"
}

check_reject() { # PROGRAM_DIR NAME LABEL EXPECT_DIR
    local dir=$1 base=$2 label=$3 edir=$4 ok=1 exp_status act_status prefix first
    run_one "$dir" "$base.py"
    act_status=$(cat "$work/status")
    exp_status=$(tr -d ' \n\r' <"$edir/$base.status" 2>/dev/null)
    [ -n "$exp_status" ] || exp_status=2
    local report=""
    if [ "$exp_status" != "$act_status" ]; then
        ok=0
        report+="    exit status: expected $exp_status, got $act_status"$'\n'
        [ -n "$(status_note "$act_status")" ] && report+="$(status_note "$act_status")"$'\n'
    fi
    if [ -s "$work/out" ]; then
        ok=0
        report+="    stdout should be empty (nothing may run), got:"$'\n'
        report+="$(head -n 5 "$work/out" | sed 's/^/    | /')"$'\n'
    fi
    # "NAME.py:LINE:" from the first expected line
    prefix=$(head -n 1 "$edir/$base.stderr" 2>/dev/null | cut -d: -f1-2)
    prefix="$prefix:"
    first=$(head -n 1 "$work/err")
    if [ "${first:0:${#prefix}}" != "$prefix" ]; then
        ok=0
        report+="    first stderr line should start with '$prefix', got: '$first'"$'\n'
    fi
    if ! grep -Eq '^[[:space:]]*\^[~^]*[[:space:]]*$' "$work/err"; then
        ok=0
        report+="    no caret line on stderr"$'\n'
    fi
    if [ "$ok" -eq 0 ]; then
        report+="$(show_diff stderr "$edir/$base.stderr" "$work/err")"$'\n'
    fi
    finish "$label" "$ok" "$report"
}

finish() {
    if [ -n "${known_reason[$1]+x}" ]; then
        if [ "$2" -eq 1 ]; then
            echo "XPASS $1: it passes now; remove it from known-differences.txt"
            failed=$((failed + 1))
        else
            echo "XFAIL $1 (known difference: ${known_reason[$1]})"
            known=$((known + 1))
        fi
        return
    fi
    if [ "$2" -eq 1 ]; then
        echo "PASS $1"
        passed=$((passed + 1))
    else
        echo "FAIL $1"
        printf '%s' "$3"
        failed=$((failed + 1))
    fi
}

shopt -s nullglob
list_programs() { # DIR -> sorted base names
    local f
    for f in "$1"/*.py; do
        f=${f##*/}
        printf '%s\n' "${f%.py}"
    done | LC_ALL=C sort
}

for base in $(list_programs "$progdir"); do
    case "$base" in *"$filter"*) ;; *) continue ;; esac
    if [ -n "${cost0_reason[$base]+x}" ]; then
        echo "SKIP $base (valid with --cpu-cost 0 only: ${cost0_reason[$base]})"
        known=$((known + 1))
        continue
    fi
    check_program "$progdir" "$base" "$base" "$expdir"
done
if [ -d "$progdir/reject" ]; then
    for base in $(list_programs "$progdir/reject"); do
        case "reject/$base" in *"$filter"*) ;; *) continue ;; esac
        check_reject "$progdir/reject" "$base" "reject/$base" "$expdir/reject"
    done
fi

echo "$passed passed, $failed failed, $known skipped"
[ "$failed" -eq 0 ]
