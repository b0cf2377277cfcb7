#!/usr/bin/env bash
# tests/vclock/selftest.sh [DIR] - check the checkers. Runs
#   conformance_vclock.sh with fake/loopscope-vrun     (must report only PASS/SKIP)
#   conformance_vclock.sh with fake/loopscope-garbage  (must report only FAIL/SKIP)
#   ../run_programs.sh    with fake/loopscope-vrun     (recordings must all PASS)
# over DIR (default tests/asyncio), then run_programs.sh with the vrun fake over cases/
# (vrun's own regression programs: clock, __main__, threads). Exit 77 without CPython 3.12.
set -u
here=$(cd "$(dirname "$0")" && pwd)
dir=${1:-$here/../asyncio}
out=$(mktemp) || exit 2
trap 'rm -f "$out"' EXIT
"$here/conformance_vclock.sh" "$here/fake/loopscope-vrun" "$dir" >"$out" 2>&1
rc=$?
[ $rc -eq 77 ] && { cat "$out"; exit 77; }
tail -n 1 "$out"
ok=1
if [ $rc -ne 0 ] || grep -q '^FAIL' "$out"; then echo "selftest: vrun fake should pass everything"; grep -A5 '^FAIL' "$out" | head -40; ok=0; fi
"$here/conformance_vclock.sh" "$here/fake/loopscope-garbage" "$dir" >"$out" 2>&1
rc=$?
tail -n 1 "$out"
if [ $rc -eq 0 ] || grep -q '^PASS' "$out"; then echo "selftest: garbage fake should fail everything"; grep '^PASS' "$out" | head; ok=0; fi
"$here/../run_programs.sh" "$here/fake/loopscope-vrun" "$dir" >"$out" 2>&1
rc=$?
tail -n 1 "$out"
if [ $rc -ne 0 ]; then echo "selftest: run_programs.sh with the vrun fake should pass"; grep -A8 '^FAIL' "$out" | head -40; ok=0; fi
"$here/../run_programs.sh" "$here/fake/loopscope-vrun" "$here/cases" >"$out" 2>&1
rc=$?
tail -n 1 "$out"
if [ $rc -ne 0 ]; then echo "selftest: vrun regression cases failed"; grep -A8 '^FAIL' "$out" | head -40; ok=0; fi
[ $ok -eq 1 ] && echo "selftest: OK"
[ $ok -eq 1 ]
