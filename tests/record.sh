#!/usr/bin/env bash
# tests/record.sh - (re)record the expected results of program tests from CPython 3.12.
#
# Usage: tests/record.sh [FILE.py ...]
#   With no arguments, records every tests/programs/*.py (never reject/: those
#   expectations are loopscope's own format and are written by hand).
#   With arguments, records just those files (paths to .py files in any directory).
#
# Each program is run from inside its own directory with its bare file name,
#     cd DIR && python3.12 -X utf8 NAME.py </dev/null
# and the results are written beside it:
#     NAME.stdout   stdout, byte for byte
#     NAME.stderr   stderr, only when non-empty (a stale one is removed)
#     NAME.status   the exit status and a newline, e.g. "0" or "1"
#
# CPython 3.12 prints the absolute path of the script in tracebacks
# (File "/abs/dir/NAME.py", line N). The recorded files hold the bare name
# instead (File "NAME.py", ...) so they do not depend on where the repository
# lives; tests/run_programs.sh applies the same rewrite to loopscope's stderr,
# so loopscope may print either form.
#
# The interpreter: $PYTHON if set (a command, may contain words), else
# `PYENV_VERSION=3.12.1 python3.12`, else python3.12. It must be 3.12.x.
set -u

here=$(cd "$(dirname "$0")" && pwd)
progdir="$here/programs"

find_python() {
    if [ -n "${PYTHON:-}" ]; then
        PY=($PYTHON)
    elif PYENV_VERSION=3.12.1 python3.12 -c 'import sys; sys.exit(sys.version_info[:2] != (3, 12))' >/dev/null 2>&1; then
        PY=(env PYENV_VERSION=3.12.1 python3.12)
    elif python3.12 -c 'import sys; sys.exit(sys.version_info[:2] != (3, 12))' >/dev/null 2>&1; then
        PY=(python3.12)
    else
        echo "record.sh: no CPython 3.12 found (set PYTHON=...)" >&2
        exit 2
    fi
    if ! "${PY[@]}" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 12))' >/dev/null 2>&1; then
        echo "record.sh: ${PY[*]} is not CPython 3.12" >&2
        exit 2
    fi
    # Run the interpreter itself rather than a version-manager shim (faster).
    local exe
    exe=$("${PY[@]}" -c 'import sys; print(sys.executable)' 2>/dev/null)
    if [ -n "$exe" ] && [ -x "$exe" ]; then
        PY=("$exe")
    fi
}

# Escape a string for use as a literal in a sed BRE pattern.
sed_escape() { printf '%s' "$1" | sed 's/[][\/.*^$]/\\&/g'; }

record_one() {
    local file=$1 dir name base status lpath ppath
    dir=$(cd "$(dirname "$file")" && pwd)
    name=$(basename "$file")
    base=${name%.py}
    case "$dir" in
        */reject) echo "record.sh: skipping $file (reject/ expectations are hand-written)" >&2; return 0 ;;
    esac
    (cd "$dir" && exec "${PY[@]}" -X utf8 "$name" </dev/null >"$base.stdout" 2>"$base.stderr.tmp")
    status=$?
    printf '%s\n' "$status" >"$dir/$base.status"
    lpath=$(sed_escape "$dir/")
    ppath=$(sed_escape "$(cd "$dir" && pwd -P)/")
    sed -i -e "s/File \"$lpath/File \"/g" -e "s/File \"$ppath/File \"/g" "$dir/$base.stderr.tmp"
    if [ -s "$dir/$base.stderr.tmp" ]; then
        mv "$dir/$base.stderr.tmp" "$dir/$base.stderr"
    else
        rm -f "$dir/$base.stderr.tmp" "$dir/$base.stderr"
    fi
    printf 'recorded %-40s status %s\n' "$base" "$status"
}

find_python
if [ $# -eq 0 ]; then
    shopt -s nullglob
    set -- "$progdir"/*.py
fi
for f in "$@"; do
    if [ ! -f "$f" ]; then
        echo "record.sh: no such file: $f" >&2
        exit 2
    fi
    record_one "$f"
done
