#!/usr/bin/env bash
# bench/frames.sh - the window's frame time (docs/performance.md).
#
# Usage: bench/frames.sh LOOPSCOPE_BINARY [FILE.py...]
#
# Runs the window under a virtual X server (xvfb-run, so SDL's software
# renderer) with LOOPSCOPE_BENCH=1: it plays the scenario from the start at
# 16x, round and round, drawing frames as fast as it can (no pacing), and on
# exit prints the median, 99th-percentile and worst frame time (layout +
# draw + present), the first frame's, the time from start to the run's
# first frame on screen, and the mean layout / draw / present split.
# BENCH_FRAMES (default 600) frames each, at BENCH_SIZE (default 1920x1080),
# from step BENCH_START (default 1; for many_tasks.py 1500, where all 200
# tasks are pending: 201 cards, 196 timers, 200 timeline rows).
# Without files: bench/frames/many_tasks.py and every lesson.
set -u
if [ $# -lt 1 ]; then
    echo "usage: $0 LOOPSCOPE_BINARY [FILE.py...]" >&2
    exit 2
fi
bin=$1
shift
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -eq 0 ]; then
    set -- "$here/frames/many_tasks.py" "$here"/../scenarios/*.py
fi
if ! command -v xvfb-run >/dev/null 2>&1; then
    echo "$0: needs xvfb-run (apt-get install xvfb xauth)" >&2
    exit 2
fi
size=${BENCH_SIZE:-1920x1080}
for f in "$@"; do
    printf '%s\n' "$(basename "$f")"
    start=${BENCH_START:-0}
    [ "$(basename "$f")" = many_tasks.py ] && start=${BENCH_START:-1499}
    LOOPSCOPE_START_STEP=$start LOOPSCOPE_BENCH=1 LOOPSCOPE_QUIT_AFTER_FRAMES=${BENCH_FRAMES:-600} LOOPSCOPE_WINDOW_SIZE=$size \
        xvfb-run -a -s "-screen 0 ${size}x24" "$bin" "$f" 2>&1 >/dev/null | sed -n 's/^loopscope: /    /p'
done
