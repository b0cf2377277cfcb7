#!/usr/bin/env bash
# tests/window/run_window.sh LOOPSCOPE SCENARIOS_DIR - the desktop window
# under a virtual X server (Xvfb): it opens on a lesson, on the gallery and
# on a file with a syntax error, draws a few frames, saves a screenshot and
# quits by itself (the LOOPSCOPE_* test hooks in src/app/window.c).
# Skipped (exit 77) where xvfb-run is not installed.
set -u
bin=$1
scenarios=$2
if ! command -v xvfb-run >/dev/null 2>&1; then
    echo "SKIP: xvfb-run is not installed (apt-get install xvfb xauth)"
    exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0

# run NAME SIZE ARGS...: the window for 12 frames; its stdout must stay empty
# (the program's output belongs in the console panel) and a PNG of SIZE appear
run() {
    local name=$1 size=$2
    shift 2
    LOOPSCOPE_QUIT_AFTER_FRAMES=12 LOOPSCOPE_WINDOW_SIZE=$size LOOPSCOPE_START_STEP=end \
    LOOPSCOPE_SCREENSHOT_ON_EXIT="$work/$name.png" \
        timeout -k 5 60 xvfb-run -a -s "-screen 0 1920x1080x24" "$bin" "$@" \
        >"$work/$name.out" 2>"$work/$name.err"
    local status=$?
    local want_w=${size%x*} want_h=${size#*x}
    if [ $status -ne 0 ]; then
        echo "FAIL $name: exit status $status"; sed 's/^/    /' "$work/$name.err"; fail=1; return
    fi
    if [ -s "$work/$name.out" ]; then
        echo "FAIL $name: the window printed to stdout:"; sed 's/^/    /' "$work/$name.out"; fail=1; return
    fi
    if [ ! -s "$work/$name.png" ]; then
        echo "FAIL $name: no screenshot"; fail=1; return
    fi
    # the PNG's signature, then IHDR's width and height (big-endian)
    local head
    head=$(od -An -tx1 -N24 "$work/$name.png" | tr -d ' \n')
    local w=$((16#${head:32:8})) h=$((16#${head:40:8}))
    if [ "${head:0:16}" != "89504e470d0a1a0a" ] || [ "$w" != "$want_w" ] || [ "$h" != "$want_h" ]; then
        echo "FAIL $name: not a ${size} PNG (${w}x${h}, ${head:0:16})"; fail=1; return
    fi
    echo "ok   $name"
}

run lesson 1280x720 "$scenarios/02_sequential_vs_gather.py"
run lesson-big 1920x1080 "$scenarios/04_blocking_the_loop.py"
run gallery 1280x720
printf 'import asyncio\n\nprint(len([1, 2)\n' >"$work/broken.py"
run broken 1280x720 "$work/broken.py"
LOOPSCOPE_THEME=dark run dark 1280x720 "$scenarios/17_fire_and_forget_lost.py"
exit $fail
