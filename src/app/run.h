/*
 * run.h - one simulated scenario, as the window and the slide export both
 * use it: compile, run to completion with a trace (the program's output
 * goes only into the trace), then replay it. And the scene at any step,
 * ready for view_layout, so that a window frame and an exported picture of
 * the same step are laid out by the very same call.
 */
#ifndef LOOPSCOPE_RUN_H
#define LOOPSCOPE_RUN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "trace.h"
#include "replay.h"
#include "view.h"
#include "window.h"

/* A scenario's source, and either its trace or why it was rejected. */
typedef struct Run {
    char *name;               /* shown in the header */
    char *src;
    size_t len;
    Trace *trace;             /* NULL: rejected */
    Replay *now, *before;     /* the state at the step, and one step before */
    ViewTimeline *tl;
    bool rejected;
    ViewError err;
    char errmsg[256];
} Run;

/* Reads a scenario file (at most 16 MB, as main.c), NUL-terminated; NULL
 * with errno set. */
char *run_slurp(const char *path, size_t *len);

/* Compiles and runs the scenario to completion with a trace. Takes
 * ownership of src. A rejected file leaves r->rejected and r->err. */
void run_scenario(Run *r, const WindowOptions *opt, const char *name, char *src, size_t len);
void run_free(Run *r);

/* The number of steps (events) in the run; 0 when rejected. */
size_t run_len(const Run *r);
/* The virtual time of a step, in ns. */
int64_t run_t_at(const Run *r, size_t step);
/* The last step at or before virtual time ns (0 when none is). */
size_t run_step_at_ns(const Run *r, int64_t ns);

/* The scene at a step (clamped to the run), for view_layout. */
ViewScene run_scene(const Run *r, size_t step);

#endif
