#!/usr/bin/env bash
# tests/traces/run_traces.sh - the golden trace tests (see README.md here).
#
# Usage:
#   run_traces.sh LOOPSCOPE_BINARY DIR             compare every trace
#   run_traces.sh --record LOOPSCOPE_BINARY DIR [NAME...]
#                                                  (re-)write the goldens
#   run_traces.sh --chrome LOOPSCOPE_BINARY DIR    the Chrome trace of every
#                                                  scenario is valid JSON
#
# For each DIR/NAME.py (sorted by name; subdirectories are ignored), runs
#     cd DIR && timeout 10 LOOPSCOPE --headless --cpu-cost 0 --trace T NAME.py
# and compares the JSON Lines trace T with DIR/NAME.jsonl byte for byte. The
# program's own stdout and stderr are not compared here (the trace has them,
# as output events); neither is its exit status (the trace ends with
# run.end and the status).
#
# --record writes DIR/NAME.jsonl instead of comparing (all scenarios, or only
# the NAMEs given, with or without .py). Read the diff before committing:
# every changed line must be explained by the change that made it.
#
# --chrome writes each scenario's trace with --trace-format chrome and checks
# that it is valid JSON with python3's json module (what `python3 -m
# json.tool` reads), and that every line of every golden NAME.jsonl is one
# JSON object. Without python3 it exits 77 (skipped).
#
# Prints "PASS name" or "FAIL name" (with the first lines of a unified diff)
# per scenario, then "N passed, N failed"; exits 1 if any failed, 2 on a
# usage error.
set -u

TIMEOUT_S=10
DIFF_LINES=20

mode=compare
case "${1:-}" in
    --record) mode=record; shift ;;
    --chrome) mode=chrome; shift ;;
esac
if [ $# -lt 2 ] || { [ "$mode" != record ] && [ $# -ne 2 ]; }; then
    echo "usage: $0 [--record | --chrome] LOOPSCOPE_BINARY DIR [NAME...]" >&2
    exit 2
fi
bin=$1
dir=$2
shift 2
case "$bin" in
    */*) bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")" ;;
esac
if ! command -v "$bin" >/dev/null 2>&1 || [ ! -x "$(command -v "$bin")" ]; then
    echo "$0: not an executable: $bin" >&2
    exit 2
fi
if [ ! -d "$dir" ]; then
    echo "$0: not a directory: $dir" >&2
    exit 2
fi
dir=$(cd "$dir" && pwd)

if [ "$mode" = chrome ] && ! command -v python3 >/dev/null 2>&1; then
    echo "SKIP: no python3 to check the Chrome traces with"
    exit 77
fi

# The goldens hold paths as CPython prints them by default.
unset LOOPSCOPE_STDLIB_DIR

work=$(mktemp -d "${TMPDIR:-/tmp}/loopscope-traces.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT

names=()
if [ $# -gt 0 ]; then
    for n in "$@"; do
        n=$(basename "$n" .py)
        n=${n%.jsonl}
        if [ ! -f "$dir/$n.py" ]; then
            echo "$0: no scenario $dir/$n.py" >&2
            exit 2
        fi
        names+=("$n")
    done
else
    for f in "$dir"/*.py; do
        [ -f "$f" ] && names+=("$(basename "$f" .py)")
    done
fi
if [ ${#names[@]} -eq 0 ]; then
    echo "$0: no scenarios in $dir" >&2
    exit 2
fi

# run NAME FORMAT OUT: the trace of DIR/NAME.py in OUT; the exit status of
# loopscope (the program's own: 0, 1 after an uncaught exception) in $work/status
run() {
    (cd "$dir" && exec timeout -k 2 "$TIMEOUT_S" "$bin" --headless --cpu-cost 0 \
        --trace-format "$2" --trace "$3" "$1.py" </dev/null >"$work/out" 2>"$work/err")
    echo $? >"$work/status"
}

# loopscope must have written a trace; 124/137: the timeout
ran_ok() {
    local st
    st=$(cat "$work/status")
    if [ "$st" = 124 ] || [ "$st" = 137 ]; then
        echo "    (timed out after ${TIMEOUT_S} s)"
        return 1
    fi
    if [ ! -s "$1" ]; then
        echo "    no trace written (exit status $st); stderr:"
        head -n 5 "$work/err" | sed 's/^/    | /'
        return 1
    fi
    return 0
}

# verdict LABEL: PASS LABEL, or FAIL LABEL and $report
verdict() {
    if [ -z "$report" ]; then
        echo "PASS $1"
        passed=$((passed + 1))
    else
        echo "FAIL $1"
        echo "$report"
        failed=$((failed + 1))
    fi
}

# record NAME: (re)write DIR/NAME.jsonl
record() {
    if report=$(ran_ok "$work/t.jsonl"); then
        if cmp -s "$work/t.jsonl" "$dir/$1.jsonl"; then
            echo "SAME $1"
        else
            cp "$work/t.jsonl" "$dir/$1.jsonl"
            echo "WROTE $1.jsonl ($(wc -l <"$dir/$1.jsonl") events)"
        fi
        passed=$((passed + 1))
    else
        verdict "$1"
    fi
}

# compare NAME: the trace against DIR/NAME.jsonl
compare() {
    report=""
    if [ ! -f "$dir/$1.jsonl" ]; then
        report="    no golden $1.jsonl (record it: $0 --record BIN DIR $1)"
    elif report=$(ran_ok "$work/t.jsonl"); then
        if ! cmp -s "$dir/$1.jsonl" "$work/t.jsonl"; then
            report=$(diff -u --label "expected $1.jsonl" --label "actual" \
                         "$dir/$1.jsonl" "$work/t.jsonl" | head -n "$DIFF_LINES" | sed 's/^/    /')
        fi
    fi
    verdict "$1"
}

# chrome NAME: the trace was written; check_json below reads it
chrome() {
    if report=$(ran_ok "$work/t.json"); then
        mv "$work/t.json" "$work/$1.json"
        written+=("$1")
    else
        verdict "$1 (chrome)"
    fi
}

# check_json: one python3 for all (it takes a second to start on a busy
# machine): each Chrome trace is valid JSON, as json.tool reads it, and each
# line of each golden is one JSON object
check_json() {
    [ ${#written[@]} -eq 0 ] && return
    local out
    out=$(cd "$work" && python3 -c '
import json, os, sys
golden_dir, bad = sys.argv[1], 0
for n in sys.argv[2:]:
    why = None
    try:
        with open(n + ".json", encoding="utf-8") as f:
            json.load(f)
    except ValueError as e:
        why = "--trace-format chrome is not valid JSON: %s" % e
    g = os.path.join(golden_dir, n + ".jsonl")
    if why is None and os.path.exists(g):
        with open(g, encoding="utf-8") as f:
            for i, line in enumerate(f, 1):
                try:
                    ok = isinstance(json.loads(line), dict)
                except ValueError:
                    ok = False
                if not ok:
                    why = "%s.jsonl: line %d is not a JSON object" % (n, i)
                    break
    if why is None:
        print("PASS %s (chrome)" % n)
    else:
        bad += 1
        print("FAIL %s (chrome)\n    %s" % (n, why))
print(bad)
' "$dir" "${written[@]}")
    local bad
    bad=$(echo "$out" | tail -n 1)
    case "$bad" in
        ''|*[!0-9]*) echo "FAIL python3 could not check the traces:"; echo "$out" | sed 's/^/    /'
                     bad=${#written[@]} ;;
        *) echo "$out" | sed '$d' ;;
    esac
    failed=$((failed + bad))
    passed=$((passed + ${#written[@]} - bad))
}

passed=0
failed=0
written=()
for n in "${names[@]}"; do
    rm -f "$work/t.jsonl" "$work/t.json"
    if [ "$mode" = chrome ]; then
        run "$n" chrome "$work/t.json"
    else
        run "$n" jsonl "$work/t.jsonl"
    fi
    "$mode" "$n"
done
[ "$mode" = chrome ] && check_json

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
