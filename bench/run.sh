#!/usr/bin/env bash
# bench/run.sh - time the benchmarks under loopscope and CPython 3.12.
#
# Usage: bench/run.sh LOOPSCOPE_BINARY
#
# Each bench/*.py is compute-bound and prints a checksum. Every program runs
# BENCH_RUNS times (default 3) under `LOOPSCOPE --headless NAME.py` and under
# CPython (`PYENV_VERSION=3.12.1 python3.12`, else python3.12, else python3 if
# >= 3.12); the best wall-clock time of each is kept. The outputs (stdout and
# exit status) of the two must match. Prints a table:
#     program  cpython s  loopscope s  ratio  output
# ratio = cpython / loopscope: above 1 means loopscope is faster.
# Without CPython only loopscope's times are shown.
# BENCH_FILTER=SUBSTRING runs only the matching programs; BENCH_TIMEOUT
# (seconds, default 120) bounds each run.
# Exits 1 if a loopscope run failed or its output differs from CPython's.
#
# The asyncio benchmarks (bench/asyncio_*.py) need a virtual clock: CPython runs
# them through tests/vclock/vrun.py, and loopscope with --cpu-cost 0 (when it has
# that option) so that virtual times match. BENCH_LOOPSCOPE_FLAGS adds options to
# every loopscope run (e.g. --recursion-limit N). After the table, for
# asyncio_pending.py, the memory per pending task: copies of it with N = 0 and
# N = $BENCH_PENDING (default 50000) run under `/usr/bin/time -f %M`, and
# (peak RSS difference) / N is printed for both.
set -u

if [ $# -ne 1 ]; then
    echo "usage: $0 LOOPSCOPE_BINARY" >&2
    exit 2
fi
bin=$1
case "$bin" in
    */*) bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")" ;;
esac
if ! command -v "$bin" >/dev/null 2>&1; then
    echo "$0: not an executable: $1" >&2
    exit 2
fi
runs=${BENCH_RUNS:-3}
limit=${BENCH_TIMEOUT:-120}
filter=${BENCH_FILTER:-}
benchdir=$(cd "$(dirname "$0")" && pwd)
vrun="$benchdir/../tests/vclock/vrun.py"
pending_n=${BENCH_PENDING:-50000}
read -r -a LS_EXTRA <<<"${BENCH_LOOPSCOPE_FLAGS:-}"
LS_ASYNC=()
if "$bin" --help 2>&1 | grep -q -- '--cpu-cost'; then
    LS_ASYNC=(--cpu-cost 0)
fi

is_312() { "$@" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; }
PY=()
for cand in "env PYENV_VERSION=3.12.1 python3.12" "python3.12" "python3"; do
    if is_312 $cand; then
        # Time the interpreter itself, not a version-manager shim in front of it.
        exe=$($cand -c 'import sys; print(sys.executable)' 2>/dev/null)
        if [ -n "$exe" ] && [ -x "$exe" ] && is_312 "$exe"; then
            PY=("$exe")
        else
            PY=($cand)
        fi
        break
    fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/loopscope-bench.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT

# best_time OUTFILE CMD... : runs CMD NAME.py $runs times in $benchdir, prints
# the best wall-clock seconds; stdout of the last run goes to OUTFILE, its
# status to OUTFILE.status. Prints "fail" if a run timed out.
best_time() {
    local out=$1 best="" t0 t1 dt i rc
    shift
    for ((i = 0; i < runs; i++)); do
        t0=$(date +%s.%N)
        (cd "$benchdir" && exec timeout -k 2 "$limit" "$@" </dev/null >"$out" 2>"$out.err")
        rc=$?
        t1=$(date +%s.%N)
        echo "$rc" >"$out.status"
        if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
            echo "timeout"
            return
        fi
        dt=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
        if [ -z "$best" ] || awk -v a="$dt" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best=$dt
        fi
    done
    echo "$best"
}

if [ ${#PY[@]} -gt 0 ]; then
    echo "CPython: ${PY[*]} ($("${PY[@]}" -c 'import sys; print(sys.version.split()[0])'))"
else
    echo "CPython 3.12 not found: loopscope times only"
fi
echo "loopscope: $1 ${LS_EXTRA[*]}   best of $runs runs, wall clock"
if [ ${#LS_ASYNC[@]} -eq 0 ]; then
    echo "(loopscope has no --cpu-cost option yet: asyncio_* run with its default)"
fi
echo
if [ ${#PY[@]} -gt 0 ]; then
    printf '%-20s %10s %12s %8s  %s\n' program "cpython s" "loopscope s" ratio output
else
    printf '%-20s %12s  %s\n' program "loopscope s" status
fi

bad=0
shopt -s nullglob
for f in $(cd "$benchdir" && printf '%s\n' *.py | LC_ALL=C sort); do
    name=${f%.py}
    case "$name" in *"$filter"*) ;; *) continue ;; esac
    ls_cmd=("$bin" --headless "${LS_EXTRA[@]}" "$f")
    py_cmd=("${PY[@]}" -X utf8 "$f")
    case "$name" in
        asyncio_*)
            ls_cmd=("$bin" --headless "${LS_ASYNC[@]}" "${LS_EXTRA[@]}" "$f")
            py_cmd=("${PY[@]}" -X utf8 "$vrun" "$f") ;;
    esac
    ls_t=$(best_time "$work/ls.out" "${ls_cmd[@]}")
    ls_rc=$(cat "$work/ls.out.status")
    if [ ${#PY[@]} -eq 0 ]; then
        status="exit $ls_rc"
        [ "$ls_rc" -eq 0 ] || bad=1
        printf '%-20s %12s  %s\n' "$name" "$ls_t" "$status"
        continue
    fi
    py_t=$(best_time "$work/py.out" "${py_cmd[@]}")
    py_rc=$(cat "$work/py.out.status")
    if [ "$ls_t" = timeout ]; then
        verdict="loopscope timed out"; bad=1
    elif [ "$ls_rc" != "$py_rc" ]; then
        verdict="DIFF: exit $ls_rc, cpython $py_rc"; bad=1
    elif ! cmp -s "$work/ls.out" "$work/py.out"; then
        verdict="DIFF: stdout differs"; bad=1
    else
        verdict="same"
    fi
    ratio=$(awk -v p="$py_t" -v l="$ls_t" 'BEGIN { if (l + 0 > 0 && p + 0 > 0) printf "%.2f", p / l; else print "-" }')
    printf '%-20s %10s %12s %8s  %s\n' "$name" "$py_t" "$ls_t" "$ratio" "$verdict"
    if [ "$verdict" != same ]; then
        diff -u --label cpython --label loopscope "$work/py.out" "$work/ls.out" | head -n 10 | sed 's/^/    /'
        tail -n 5 "$work/ls.out.err" | sed 's/^/    stderr: /'
    fi
done

# peak_kb OUT DIR CMD... : peak RSS in KB of CMD run in DIR ("fail" if it failed);
# its stdout and stderr go to OUT and OUT.err.
peak_kb() {
    local out=$1 dir=$2
    shift 2
    (cd "$dir" && exec /usr/bin/time -f %M -o "$out.rss" timeout -k 2 "$limit" "$@" \
        </dev/null >"$out" 2>"$out.err")
    if [ $? -ne 0 ]; then echo fail; else tail -n 1 "$out.rss"; fi
}

# pending_row LABEL CMD... : peak RSS for N = 0 and N = $pending_n, bytes per task
pending_row() {
    local label=$1 k0 kn
    shift
    k0=$(peak_kb "$work/p0.out" "$work/p0" "$@" asyncio_pending.py)
    kn=$(peak_kb "$work/pn.out" "$work/pn" "$@" asyncio_pending.py)
    if [ "$kn" != fail ] && [ "$(head -n 1 "$work/pn.out")" != "$pending_n tasks pending on one Event" ]; then
        printf '%-10s %12s %14s  %s\n' "$label" "$k0" "$kn" "wrong output, no figure:"
        head -n 2 "$work/pn.out" | sed 's/^/    stdout: /'
        bad=1
        return
    fi
    if [ "$k0" = fail ] || [ "$kn" = fail ]; then
        printf '%-10s %12s %14s  %s\n' "$label" "$k0" "$kn" "failed:"
        tail -n 3 "$work/p0.out.err" "$work/pn.out.err" 2>/dev/null | sed 's/^/    /'
        bad=1
        return
    fi
    printf '%-10s %12s %14s  %s\n' "$label" "$k0" "$kn" \
        "$(awk -v a="$k0" -v b="$kn" -v n="$pending_n" 'BEGIN { printf "%.0f", (b - a) * 1024 / n }')"
}

if [ -f "$benchdir/asyncio_pending.py" ] && case asyncio_pending in *"$filter"*) true ;; *) false ;; esac; then
    echo
    if [ ! -x /usr/bin/time ]; then
        echo "memory per pending task: /usr/bin/time not found (Debian package 'time')"
    else
        mkdir -p "$work/p0" "$work/pn"
        sed 's/^N = .*/N = 0/' "$benchdir/asyncio_pending.py" >"$work/p0/asyncio_pending.py"
        sed "s/^N = .*/N = $pending_n/" "$benchdir/asyncio_pending.py" >"$work/pn/asyncio_pending.py"
        echo "memory per pending task (asyncio_pending.py, N tasks parked on one Event; peak RSS):"
        printf '%-10s %12s %14s  %s\n' "" "N=0 KB" "N=$pending_n KB" "bytes/task"
        [ ${#PY[@]} -gt 0 ] && pending_row cpython "${PY[@]}" -X utf8 "$vrun"
        pending_row loopscope "$bin" --headless "${LS_ASYNC[@]}" "${LS_EXTRA[@]}"
    fi
fi
exit "$bad"
