/*
 * stdframes.h - the frames of CPython's asyncio that tracebacks show.
 *
 * Where an exception passes through asyncio's Python code, CPython's
 * traceback shows those frames (".../asyncio/runners.py", line 194, in run).
 * loopscope's asyncio is partly C, partly its own hidden Python, so the
 * frames are supplied here: a few fixed ones for the C parts (asyncio.run,
 * a handle running its callback), and those the prelude marks on the lines
 * that do what CPython's line does, with a comment of the form
 *     #@ asyncio/tasks.py:665 sleep | return ^await future^
 * (file under the library directory, line, function, then the source line,
 * with ^...^ around the part CPython's carets underline, if any).
 */
#ifndef LOOPSCOPE_STDFRAMES_H
#define LOOPSCOPE_STDFRAMES_H

#include <stddef.h>
#include <stdint.h>
#include "vm.h"

extern const ExtFrame sim_frame_asyncio_run;        /* runners.py:194 */
extern const ExtFrame sim_frame_runner_run;         /* runners.py:118 */
extern const ExtFrame sim_frame_run_until_complete; /* base_events.py:684 */
extern const ExtFrame sim_frame_handle_run;         /* events.py:84 */
extern const ExtFrame sim_frame_sleep0;             /* tasks.py:650, sleep(0)'s bare yield */
extern const ExtFrame sim_frame_call_exception_handler; /* base_events.py:1855 */
extern const ExtFrame sim_frame_run_nested;         /* runners.py:190, asyncio.run in a running loop */
extern const ExtFrame sim_frame_create_task;        /* tasks.py:417, create_task with no running loop */

typedef struct SimStdFrames SimStdFrames;

/* Reads the #@ marks of one internal source (the number vm_run_frozen
 * gave it). NULL on out of memory. */
SimStdFrames *sim_stdframes_new(const char *src, size_t len, uint8_t source);
void sim_stdframes_free(SimStdFrames *t);

/* The frame of CPython's file (under the library directory) and line
 * that some mark stands for, or NULL. */
const ExtFrame *sim_stdframes_at(const SimStdFrames *t, const char *file, int line);

/* The frame a line of hidden code stands for, or NULL. */
const ExtFrame *sim_stdframes_find(const SimStdFrames *t, uint8_t source, int line);

#endif
