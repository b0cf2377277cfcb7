/*
 * run.h - one simulated scenario, as the window and the slide export both
 * use it: compile, run to completion with a trace (the program's output
 * goes only into the trace), then replay it. And the scene at any step,
 * ready for view_layout, so that a window frame and an exported picture of
 * the same step are laid out by the very same call.
 *
 * The window runs the simulation on a thread of its own (RunJob), so that a
 * scenario that takes long to simulate never freezes it: only that thread
 * touches the VM; the window reads the progress figures (atomics) and takes
 * the finished Run when the thread says it is done.
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
    char errmsg[640];
    bool stopped;             /* the user stopped it (run_job_stop) */
    char banner[400];         /* view_limit_banner: "" when the run ended by itself */
} Run;

/* Reads a scenario file (at most 16 MB, as main.c), NUL-terminated; NULL
 * with errno set. */
char *run_slurp(const char *path, size_t *len);

/* Compiles and runs the scenario to completion with a trace. Takes
 * ownership of src. A rejected file leaves r->rejected and r->err. */
void run_scenario(Run *r, const WindowOptions *opt, const char *name, char *src, size_t len);
void run_free(Run *r);

/* ---- the same on a thread of its own */

typedef struct RunJob RunJob;

typedef struct RunProgress {
    size_t events;            /* recorded so far */
    int64_t t_ns;             /* the virtual time the last one was at */
    bool done;                /* the Run is ready for run_job_take */
    bool stopping;            /* run_job_stop was asked */
    int part;                 /* 0: the file simulates; 1: then --compare's file */
} RunProgress;

/* Compiles and runs the scenario on a thread of its own (which ends with
 * the job), then --compare's file (other_name, other_src; NULL: none) on
 * the same thread, unless the first was stopped. Takes src and other_src.
 * NULL when no thread can be started. */
RunJob *run_job_start(const WindowOptions *opt, const char *name, char *src, size_t len,
                      const char *other_name, char *other_src, size_t other_len);
RunProgress run_job_progress(const RunJob *j);
/* Asks the simulation to stop at its next event (within 65536 instructions
 * of it): the program ends as under --max-steps and what ran is kept. */
void run_job_stop(RunJob *j);
/* When run_job_progress says done: moves the Run into r (and the compare
 * file's into other, when it ran: true) and frees the job. */
bool run_job_take(RunJob *j, Run *r, Run *other);
/* Leaves the job: it stops as run_job_stop and frees itself when its
 * thread ends. Does not wait. */
void run_job_abandon(RunJob *j);
/* Waits up to `seconds` for every job to end (at quit, after abandoning
 * the window's, so that a clean exit frees everything); true if they all
 * have. */
bool run_jobs_wait(double seconds);

/* The number of steps (events) in the run; 0 when rejected. */
size_t run_len(const Run *r);
/* The virtual time of a step, in ns. */
int64_t run_t_at(const Run *r, size_t step);
/* The last step at or before virtual time ns (0 when none is). */
size_t run_step_at_ns(const Run *r, int64_t ns);

/* The scene at a step (clamped to the run), for view_layout. */
ViewScene run_scene(const Run *r, size_t step);

#endif
