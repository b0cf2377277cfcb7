#!/usr/bin/env bash
# tests/export/run_export.sh LOOPSCOPE SCENARIOS_DIR - slide export with no
# display server (DISPLAY and WAYLAND_DISPLAY unset): PNGs and SVGs of
# lessons at several sizes, themes, scales and moments; GIFs (decoded by
# tests/export/gifcheck.py), PNG sequences, single panels and two runs
# compared; the same bytes on a second run; the command-line errors (exit 2, a message naming the option,
# no file left behind); a rejected scenario (exit 2, FILE:LINE:COL).
# PNGs are decoded with tests/export/pngcheck.py and SVGs checked for
# well-formedness with xmllint or python3, when those are installed.
set -u
bin=$1
scenarios=$2
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unset DISPLAY WAYLAND_DISPLAY
export SDL_VIDEODRIVER=none   # would make any attempt to open a window fail
fail=0
have_py=0
command -v python3 >/dev/null 2>&1 && python3 -c 'import zlib' 2>/dev/null && have_py=1

bad() { echo "FAIL $*"; fail=1; }

# png_size FILE: "W H" from IHDR (big-endian, bytes 16..23)
png_size() {
    local head
    head=$(od -An -tx1 -N24 "$1" | tr -d ' \n')
    [ "${head:0:16}" = "89504e470d0a1a0a" ] || { echo "not-a-png"; return; }
    echo "$((16#${head:32:8})) $((16#${head:40:8}))"
}

svg_ok() {
    if command -v xmllint >/dev/null 2>&1; then
        xmllint --noout "$1"
    elif [ $have_py = 1 ]; then
        python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' "$1"
    else
        return 0
    fi
}

# export NAME W H ARGS...: a PNG and an SVG of W x H, twice, byte-identical
export_ok() {
    local name=$1 w=$2 h=$3
    shift 3
    for run in 1 2; do
        if ! timeout -k 5 60 "$bin" --screenshot "$work/$name.$run.png" --svg "$work/$name.$run.svg" "$@" \
                >"$work/$name.out" 2>"$work/$name.err"; then
            bad "$name: exit status $? (run $run)"; sed 's/^/    /' "$work/$name.err"; return
        fi
    done
    if [ -s "$work/$name.out" ]; then
        bad "$name: printed to stdout"; sed 's/^/    /' "$work/$name.out"; return
    fi
    local size
    size=$(png_size "$work/$name.1.png")
    [ "$size" = "$w $h" ] || { bad "$name: the PNG is $size, not $w $h"; return; }
    cmp -s "$work/$name.1.png" "$work/$name.2.png" || { bad "$name: two runs gave different PNGs"; return; }
    cmp -s "$work/$name.1.svg" "$work/$name.2.svg" || { bad "$name: two runs gave different SVGs"; return; }
    if [ $have_py = 1 ]; then
        python3 "$here/pngcheck.py" "$work/$name.1.png" "$w" "$h" >/dev/null || { bad "$name: PNG does not decode"; return; }
    fi
    svg_ok "$work/$name.1.svg" || { bad "$name: the SVG is not well-formed XML"; return; }
    grep -q "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"$w\" height=\"$h\"" "$work/$name.1.svg" \
        || { bad "$name: the SVG is not $w x $h"; return; }
    grep -q '<text ' "$work/$name.1.svg" || { bad "$name: the SVG has no text"; return; }
    echo "ok   $name ($(wc -c <"$work/$name.1.png") bytes PNG, $(wc -c <"$work/$name.1.svg") bytes SVG)"
}

export_ok default 1920 1080 "$scenarios/02_sequential_vs_gather.py"
export_ok at-time 1280 720 --size 1280x720 --at 2.5 "$scenarios/02_sequential_vs_gather.py"
export_ok at-step 1280 720 --size=1280x720 --step 5 "$scenarios/04_blocking_the_loop.py"
export_ok dark 1280 720 --size 1280x720 --theme dark --scale 1.3 "$scenarios/17_fire_and_forget_lost.py"
export_ok small 640 360 --size 640x360 --at end "$scenarios/07_timeouts.py"
# a scenario that raises: the picture shows the failure, and the export succeeded
printf 'import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n    raise ValueError("boom")\n\nasyncio.run(main())\n' >"$work/raises.py"
export_ok raises 1280 720 --size 1280x720 "$work/raises.py"
grep -q 'ValueError' "$work/raises.1.svg" || bad "raises: the SVG does not show the ValueError"

# --at is the last step at or before that time, read to the millisecond:
# --at 0 is the first moment, and the picture differs from the end's
"$bin" --svg "$work/t0.svg" --size 1280x720 --at 0 "$scenarios/02_sequential_vs_gather.py" 2>"$work/t0.err" \
    && grep -q 't = 0.000 s' "$work/t0.svg" || bad "--at 0: the header does not say t = 0.000 s"
"$bin" --svg "$work/t25.svg" --size 1280x720 --at 2.5 "$scenarios/02_sequential_vs_gather.py" 2>/dev/null \
    && grep -q 't = 2.500 s' "$work/t25.svg" || bad "--at 2.5: the header does not say t = 2.500 s"

# error CASE STATUS PATTERN ARGS...: exit status 2, a message matching
# PATTERN on stderr, and nothing left in the output directory
error_case() {
    local name=$1 pattern=$2
    shift 2
    local out="$work/err-$name"
    mkdir -p "$out"
    timeout -k 5 60 "$bin" "$@" >"$out.stdout" 2>"$out.stderr"
    local status=$?
    if [ $status -ne 2 ]; then
        bad "$name: exit status $status, not 2"; sed 's/^/    /' "$out.stderr"; return
    fi
    if ! grep -q -- "$pattern" "$out.stderr"; then
        bad "$name: the message does not match '$pattern':"; sed 's/^/    /' "$out.stderr"; return
    fi
    if [ -n "$(ls -A "$out")" ]; then
        bad "$name: files left behind: $(ls -A "$out")"; return
    fi
    echo "ok   $name: $(head -1 "$out.stderr")"
}

lesson="$scenarios/02_sequential_vs_gather.py"
error_case size-small  '--size needs WIDTHxHEIGHT in pixels, from 640x360 to 7680x4320' \
    --screenshot "$work/err-size-small/x.png" --size 10x10 "$lesson"
error_case size-text   "--size needs .*, not 'abc'" --screenshot "$work/err-size-text/x.png" --size abc "$lesson"
error_case at-negative "--at needs a virtual time in seconds, 0 or more .*, not '-1'" \
    --screenshot "$work/err-at-negative/x.png" --at -1 "$lesson"
error_case at-text     "--at needs .*'end', not 'xyz'" --screenshot "$work/err-at-text/x.png" --at xyz "$lesson"
error_case at-past     '--at 99 is past the end: this run ends at t = [0-9.]* s (--at 0 to --at [0-9.]*, or --at end)' \
    --screenshot "$work/err-at-past/x.png" --svg "$work/err-at-past/x.svg" --at 99 "$lesson"
error_case step-past   '--step 99999 is past the end: this run has [0-9]* steps (--step 1 to --step [0-9]*, or --at end)' \
    --screenshot "$work/err-step-past/x.png" --step 99999 "$lesson"
error_case step-zero   '--step needs a step number, 1 or more' --svg "$work/err-step-zero/x.svg" --step 0 "$lesson"
error_case at-and-step '--at and --step' --svg "$work/err-at-and-step/x.svg" --at 1 --step 3 "$lesson"
error_case theme       "--theme needs 'light' or 'dark'" --svg "$work/err-theme/x.svg" --theme blue "$lesson"
error_case scale       '--scale needs a text scale from 0.5 to 2.5' --svg "$work/err-scale/x.svg" --scale 9 "$lesson"
error_case no-output   '--size is for a picture: add --screenshot' --size 1280x720 "$lesson"
error_case no-file     'needs a FILE.py' --screenshot "$work/err-no-file/x.png"
error_case missing     "cannot open '.*nope.py'" --screenshot "$work/err-missing/x.png" "$work/nope.py"
# unwritable: a directory that does not exist, and one that is read-only
# (both files or neither: the PNG that could be written is not left behind)
error_case unwritable  "--svg: cannot write '.*/no/such/dir/x.svg'" \
    --screenshot "$work/err-unwritable/x.png" --svg "$work/err-unwritable/no/such/dir/x.svg" "$lesson"
if [ "$(id -u)" != 0 ]; then
    mkdir -p "$work/err-readonly" && chmod 555 "$work/err-readonly"
    error_case readonly "--screenshot: cannot write" --screenshot "$work/err-readonly/x.png" "$lesson"
    chmod 755 "$work/err-readonly"
fi
# a file loopscope rejects: exit 2, FILE:LINE:COL and the caret, no picture
printf 'import asyncio\n\nprint(len([1, 2)\n' >"$work/broken.py"
error_case rejected "broken.py:3:[0-9]*: error: " --screenshot "$work/err-rejected/x.png" "$work/broken.py"
grep -q '^ *\^$' "$work/err-rejected.stderr" || bad "rejected: no caret under the error"

# ---- animations: --gif and --frames

# gif_ok NAME W H ARGS...: a GIF, twice, byte-identical, that decodes
# (tests/export/gifcheck.py) with delays adding up to the playing time
# loopscope reports (to a tenth of a second) plus the last frame's 2 s
gif_ok() {
    local name=$1 w=$2 h=$3
    shift 3
    for run in 1 2; do
        if ! timeout -k 5 120 "$bin" --gif "$work/$name.$run.gif" "$@" >"$work/$name.out" 2>"$work/$name.err"; then
            bad "$name: exit status $? (run $run)"; sed 's/^/    /' "$work/$name.err"; return
        fi
    done
    [ -s "$work/$name.out" ] && { bad "$name: printed to stdout"; return; }
    # stderr is not a terminal here: the one line that says what was written, no progress
    [ "$(wc -l <"$work/$name.err")" = 1 ] || { bad "$name: more than one line on stderr:"; cat "$work/$name.err"; return; }
    cmp -s "$work/$name.1.gif" "$work/$name.2.gif" || { bad "$name: two runs gave different GIFs"; return; }
    local secs cs
    secs=$(sed -n 's/.* in \([0-9]*\.[0-9]\) s: .*/\1/p' "$work/$name.err")
    [ -n "$secs" ] || { bad "$name: no playing time in: $(cat "$work/$name.err")"; return; }
    cs=$(( 10#${secs%.*} * 100 + 10#${secs#*.} * 10 + 200 ))
    if [ $have_py = 1 ]; then
        python3 "$here/gifcheck.py" "$work/$name.1.gif" "$w" "$h" "$((cs - 5)):$((cs + 5))" ${last_png:+"$last_png"} \
            >"$work/$name.check" || { bad "$name: $(cat "$work/$name.check")"; return; }
    fi
    echo "ok   $name ($(wc -c <"$work/$name.1.gif") bytes: $(cat "$work/$name.check" 2>/dev/null))"
}

lesson="$scenarios/02_sequential_vs_gather.py"
# the events from t = 2.5 to t = 3, played at 4x: the last frame is the
# picture --at 3 draws
"$bin" --screenshot "$work/at3.png" --size 640x360 --at 3 "$lesson" 2>/dev/null || bad "at3: no PNG"
last_png="$work/at3.png" gif_ok gif-span 640 360 --size 640x360 --from 2.5 --to 3 --fps 10 "$lesson"
grep -q '640x360, steps [0-9]* to 78, t = 2.500 to 3.000 s, played at 4x in ' "$work/gif-span.err" \
    || bad "gif-span: $(cat "$work/gif-span.err")"
# the default size, speed and frame rate: 1280x720, 4x, 15 fps
last_png="" gif_ok gif-default 1280 720 --from 3.3 "$lesson"
grep -q '1280x720, steps [0-9]* to 129, t = 3.300 to 3.700 s, played at 4x in [0-9.]* s: [0-9]* frames at 15 fps' \
    "$work/gif-default.err" || bad "gif-default: $(cat "$work/gif-default.err")"
# dark, with panels, fast; and two runs compared
last_png="" gif_ok gif-dark 640 360 --size 640x360 --theme dark --panels timeline,console --speed 16 \
    --fps 5 "$lesson"
last_png="" gif_ok gif-compare 640 360 --size 640x360 --speed 16 --fps 5 \
    --compare "$scenarios/00_sequential_work.py" "$lesson"

# --frames: a numbered PNG sequence, the directory made; the same frames
# as the GIF's (the last is the --at 3 picture)
if "$bin" --frames "$work/frames/seq" --size 640x360 --from 2.9 --to 3 --fps 5 "$lesson" 2>"$work/frames.err"; then
    want=$(sed -n 's/.*: \([0-9]*\) frames at 5 fps.*/\1/p' "$work/frames.err")
    n=$(ls "$work/frames/seq" | wc -l)
    [ -n "$want" ] && [ "$n" = "$want" ] && [ "$n" -ge 2 ] || bad "frames: $n files, the message says '$want': $(cat "$work/frames.err")"
    last=$(printf 'frame_%04d.png' "$n")
    [ -f "$work/frames/seq/frame_0001.png" ] && [ -f "$work/frames/seq/$last" ] \
        || bad "frames: not frame_0001.png to $last: $(ls "$work/frames/seq")"
    [ "$(png_size "$work/frames/seq/frame_0002.png")" = "640 360" ] || bad "frames: not 640x360"
    cmp -s "$work/frames/seq/$last" "$work/at3.png" || bad "frames: the last frame is not the --at 3 picture"
    cmp -s "$work/frames/seq/frame_0001.png" "$work/frames/seq/$last" && bad "frames: the first and last are the same"
    echo "ok   frames ($n files)"
else
    bad "frames: exit status $?"; cat "$work/frames.err"
fi

# on a terminal (script(1) gives it one): "frame k of n" on one line, cleared
# before the line saying what was written
if command -v script >/dev/null 2>&1; then
    script -qc "'$bin' --gif '$work/tty.gif' --size 640x360 --speed 16 --fps 5 '$lesson'" /dev/null \
        </dev/null >"$work/tty.out" 2>&1
    if grep -q 'loopscope: frame 1 of [0-9]*' "$work/tty.out" && grep -q "$(printf '\r\033\\[K')loopscope: wrote .*tty.gif" "$work/tty.out"; then
        echo "ok   progress on a terminal"
    else
        bad "progress: $(od -c "$work/tty.out" | head -5)"
    fi
fi

# --panels and --compare on the stills
export_ok panels-one 1280 720 --size 1280x720 --panels timeline --at 2.6 "$lesson"
grep -q 'TIMELINE' "$work/panels-one.1.svg" && ! grep -q 'CONSOLE' "$work/panels-one.1.svg" && ! grep -q 'loopscope' "$work/panels-one.1.svg" \
    || bad "panels-one: the SVG is not the timeline alone"
export_ok panels-two 1280 720 --size 1280x720 --panels code,queue,console --at 2.6 "$lesson"
grep -q 'SOURCE' "$work/panels-two.1.svg" && grep -q 'EVENT LOOP' "$work/panels-two.1.svg" && grep -q 'CONSOLE' "$work/panels-two.1.svg" \
    && ! grep -q 'TIMELINE' "$work/panels-two.1.svg" || bad "panels-two: not the source, the loop and the console"
export_ok compare 1280 720 --size 1280x720 --compare "$scenarios/00_sequential_work.py" --at 2.6 "$lesson"
grep -q '00_sequential_work.py' "$work/compare.1.svg" && grep -q '02_sequential_vs_gather.py' "$work/compare.1.svg" \
    || bad "compare: the SVG does not name both files"
[ "$(grep -c 't = 2.600 s' "$work/compare.1.svg")" = 2 ] || bad "compare: both halves do not say t = 2.600 s"
# the shorter run's end is no limit: the longer one's is
"$bin" --svg "$work/cmp-late.svg" --size 1280x720 --compare "$lesson" --at 3.5 "$scenarios/00_sequential_work.py" \
    2>/dev/null || bad "compare --at 3.5: refused though the other run lasts 3.7 s"

error_case fps-zero    '--fps needs frames per second, a whole number from 1 to 50' --gif "$work/err-fps-zero/x.gif" --fps 0 "$lesson"
error_case fps-high    "--fps needs .*, not '60'" --gif "$work/err-fps-high/x.gif" --fps 60 "$lesson"
error_case from-past   '--from 9 is past the end: this run ends at t = 3.700 s' --gif "$work/err-from-past/x.gif" --from 9 "$lesson"
error_case to-past     '--to 9 is past the end: this run ends at t = 3.700 s (--to 3.700 or less, or --to end)' \
    --gif "$work/err-to-past/x.gif" --to 9 "$lesson"
error_case from-to     '--from 2 must come before --to 1' --gif "$work/err-from-to/x.gif" --from 2 --to 1 "$lesson"
error_case from-text   "--from needs a virtual time in seconds, 0 or more (such as 1.5), not 'soon'" \
    --gif "$work/err-from-text/x.gif" --from soon "$lesson"
error_case too-many    '129 events at --speed 0.25 play for [0-9.]* s: at --fps 50 that is [0-9]* frames; at most 10000' \
    --frames "$work/err-too-many/d" --fps 50 --speed 0.25 "$lesson"
error_case compare-empty "--compare needs a file name (OTHER.py), not ''" --gif "$work/err-compare-empty/x.gif" --compare= "$lesson"
error_case speed-slow  '--speed needs a playback speed from 0.25 to 64' --gif "$work/err-speed-slow/x.gif" --speed 0.1 "$lesson"
error_case gif-at      '--at chooses the moment of a still picture' --gif "$work/err-gif-at/x.gif" --at 1 "$lesson"
error_case fps-alone   '--fps is for an animation: add --gif OUT.gif or --frames DIR' \
    --screenshot "$work/err-fps-alone/x.png" --fps 10 "$lesson"
error_case panels-bad  '--panels needs a comma-separated list of panels, from: code, queue, tasks, timeline, console, explain, header, not .timeline,cod.' \
    --screenshot "$work/err-panels-bad/x.png" --panels timeline,cod "$lesson"
error_case compare-missing "cannot open '.*nope.py'" --gif "$work/err-compare-missing/x.gif" --compare "$work/nope.py" "$lesson"
error_case compare-rejected "broken.py:3:[0-9]*: error: " --screenshot "$work/err-compare-rejected/x.png" \
    --compare "$work/broken.py" "$lesson"
error_case gif-unwritable "--gif: cannot write '.*/no/such/dir/x.gif'" --gif "$work/err-gif-unwritable/no/such/dir/x.gif" \
    --screenshot "$work/err-gif-unwritable/x.png" --size 640x360 --fps 2 --speed 16 "$lesson"
printf 'x' >"$work/a-file"
error_case frames-file "--frames: '.*a-file' is a file, not a directory" --frames "$work/a-file" "$lesson"
# a failed export removes the directory it made and the frames it staged
error_case frames-fail "--gif: cannot write" --frames "$work/err-frames-fail/made" \
    --gif "$work/err-frames-fail/no/x.gif" --size 640x360 --fps 2 --speed 16 "$lesson"

# no window was needed: nothing above may have asked for a display
if grep -l -i 'display\|video' "$work"/*.err "$work"/err-*.stderr 2>/dev/null | grep -q .; then
    bad "a run mentioned the display or video:"; grep -i 'display\|video' "$work"/*.err "$work"/err-*.stderr
fi
[ $have_py = 1 ] || echo "note: python3 missing, PNGs not decoded"
exit $fail
