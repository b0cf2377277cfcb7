#!/usr/bin/env bash
# tests/window/run_window.sh LOOPSCOPE SCENARIOS_DIR - the desktop window
# under a virtual X server (Xvfb): it opens on a lesson, on the gallery and
# on a file with a syntax error, draws a few frames, saves a screenshot and
# quits by itself (the LOOPSCOPE_* test hooks in src/app/window.c). And a
# scenario that takes long to simulate: the window shows the progress and
# stays responsive (quit, back to the gallery, stop and show what ran), and
# one cut short by --max-steps shows the banner.
# Skipped (exit 77) where xvfb-run is not installed.
set -u
bin=$1
scenarios=$2
if ! command -v xvfb-run >/dev/null 2>&1; then
    echo "SKIP: xvfb-run is not installed (apt-get install xvfb xauth)"
    exit 77
fi
# under the sanitizers: libdbus's own leaks (SDL's start-up) are not ours
export LSAN_OPTIONS="suppressions=$(cd "$(dirname "$0")" && pwd)/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0

# run NAME SIZE ARGS...: the window for 12 frames; its stdout must stay empty
# (the program's output belongs in the console panel) and a PNG of SIZE appear
launch() {
    local name=$1 size=$2
    shift 2
    LOOPSCOPE_QUIT_AFTER_FRAMES=${FRAMES:-12} LOOPSCOPE_WINDOW_SIZE=$size LOOPSCOPE_START_STEP=end \
    LOOPSCOPE_REPORT_ON_EXIT=1 LOOPSCOPE_FRAME_STATS=1 \
    LOOPSCOPE_SCREENSHOT_ON_EXIT="$work/$name.png" \
        timeout -k 5 60 xvfb-run -a -s "-screen 0 1920x1080x24" "$bin" "$@" \
        >"$work/$name.out" 2>"$work/$name.err"
}

run() {
    local name=$1 size=$2
    launch "$@"
    local status=$?
    # Timed out without a word on stderr: seen once in CI, for one run of
    # the sanitizer build on a loaded machine, which then passed at once and
    # three times more; its cause was not found (xvfb-run -a racing for a
    # display number is one candidate). One more try; a real hang fails twice.
    if [ $status -eq 124 ] && [ ! -s "$work/$name.err" ]; then
        echo "note $name: timed out with no output, running it again"
        launch "$@"
        status=$?
    fi
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
# expect NAME REGEX: what the window reported on stderr when it quit
expect() {
    if ! grep -Eq -- "$2" "$work/$1.err"; then
        echo "FAIL $1: stderr lacks /$2/:"; sed 's/^/    /' "$work/$1.err"; fail=1
    fi
}
expect lesson 'showing step [0-9]+ of [0-9]+$'
expect gallery 'showing the gallery'
# Enter in the gallery opens the selected lesson (simulated beside the window)
LOOPSCOPE_KEYS=3:Return FRAMES=40 run open 1280x720
expect open 'showing step [0-9]+ of [0-9]+$'

# A scenario that would simulate for minutes (no step limit): the window
# opens at once on its progress, and every way out works while it runs.
long="$(dirname "$0")/long_run.py"
FRAMES=40 run long 1280x720 --max-steps 0 "$long"
expect long 'showing the progress'
expect long 'left while simulating: [1-9][0-9,]* events so far, t = [0-9.]+ s'
# responsive: the window drew all its frames and quit while the simulation
# was still running beside it (the line above); how long a frame took is a
# benchmark's business (bench/frames.sh), not a test's, on a shared machine
# x stops it: what ran so far opens, with the banner saying so
LOOPSCOPE_KEYS=15:x FRAMES=90 run stop 1280x720 --max-steps 0 "$long"
expect stop 'showing step [1-9][0-9]* of [1-9][0-9]*; banner: You stopped the simulation at t=[0-9.]+ s'
# g goes back to the lessons; the abandoned simulation ends by itself
LOOPSCOPE_KEYS=15:g FRAMES=30 run back 1280x720 --max-steps 0 "$long"
expect back 'showing the gallery'
if grep -q 'left while simulating' "$work/back.err"; then
    echo "FAIL back: the simulation was still the window's"; fail=1
fi

# --compare with a second file that takes long to simulate: it simulates
# beside the window too (the progress, named), and x opens what ran of it
FRAMES=40 run compare-long 1280x720 --max-steps 0 "$scenarios/02_sequential_vs_gather.py" --compare "$long"
expect compare-long 'showing the progress of .*long_run\.py'
LOOPSCOPE_KEYS=15:x FRAMES=90 run compare-stop 1280x720 --max-steps 0 "$scenarios/02_sequential_vs_gather.py" --compare "$long"
expect compare-stop 'showing step [1-9][0-9]* of [1-9][0-9]*; compared with .*long_run\.py'
FRAMES=30 run compare 1280x720 "$scenarios/02_sequential_vs_gather.py" --compare "$scenarios/03_background_task.py"
expect compare 'showing step [1-9][0-9]* of [1-9][0-9]*; compared with .*03_background_task\.py'

# A run cut short by --max-steps: what ran, and the banner naming the limit
printf 'import asyncio\n\nasync def spin():\n    while True:\n        await asyncio.sleep(0.1)\n\nasyncio.run(spin())\n' \
    >"$work/spin.py"
run limit 1280x720 --max-steps 20000 "$work/spin.py"
expect limit 'banner: Stopped at t=[0-9.]+ s by the --max-steps limit \(20000 instructions\).*Raise it: loopscope --max-steps N'
exit $fail
