#!/usr/bin/env bash
# The whole test suite: builds loopscope twice, optimised and with
# AddressSanitizer + UndefinedBehaviorSanitizer, warnings as errors, and runs
# every test (cmocka unit tests, program tests, conformance against a live
# CPython 3.12 where one is installed) on both. Exit status 0 only if all pass.
set -eu
cd "$(dirname "$0")/.."
jobs=${JOBS:-2}

echo "== optimised build"
cmake -S . -B build -DLOOPSCOPE_WERROR=ON >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"

echo "== AddressSanitizer + UndefinedBehaviorSanitizer build"
cmake -S . -B build-san -DCMAKE_BUILD_TYPE=Debug -DLOOPSCOPE_WERROR=ON \
      -DLOOPSCOPE_ASAN=ON -DLOOPSCOPE_UBSAN=ON >/dev/null
cmake --build build-san -j"$jobs"
# the live-CPython tests (conformance, *-vclock) already ran above; under the sanitizers the program
# tests cover the same ground against the recorded outputs
ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-san --output-on-failure -j"$jobs" -E "conformance|vclock"
