/*
 * window.h - the desktop visualizer: `loopscope FILE.py` (and `loopscope`
 * alone, the lesson gallery). Runs the scenario to completion with a trace,
 * then opens an SDL window that replays the trace step by step.
 */
#ifndef LOOPSCOPE_WINDOW_H
#define LOOPSCOPE_WINDOW_H

#include <stddef.h>

/* How to run a scenario: main's command-line options. */
typedef struct WindowOptions {
    const char *const *modules;    /* the modules a scenario may import (lang_compile_ex) */
    unsigned long long max_steps;
    size_t max_memory;             /* bytes */
    int recursion_limit;
    double cpu_cost;               /* virtual seconds per instruction */
    int workers;                   /* 0: CPython's default */
    const char *stdlib_dir;        /* SimConfig.stdlib_dir */
} WindowOptions;

/* file NULL: the gallery of bundled lessons. compare (or NULL): a second
 * scenario shown below the first on the same time axis, at the same
 * virtual moment (--compare). Returns the exit status: 0, or 2 when no
 * window can be opened or a file cannot be read. */
int window_main(const char *file, const WindowOptions *opt, const char *compare);

#endif
