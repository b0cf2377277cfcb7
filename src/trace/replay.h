/*
 * replay.h - the state of a run at any step, rebuilt from its trace alone:
 * what the renderer draws (issue 4) and what the tests assert on.
 *
 * A Replay reads a Trace and never changes it. Jumping anywhere is cheap:
 * while taking in the events, the replay keeps a full snapshot (keyframe)
 * of the state every so often, and answers "the state after step k" by
 * copying the nearest keyframe at or before k and applying the events from
 * there; moving forward from the current answer applies only the new events,
 * so playing step by step costs one event per step.
 *
 * Keyframes: one at the start, then one whenever at least
 * max(REPLAY_KEYFRAME_MIN_EVENTS, state size / REPLAY_KEYFRAME_BYTES_PER_EVENT)
 * events have passed since the last. A small state (a lesson: tens of tasks)
 * is snapshotted every 128 events; a large one less often, so that all the
 * keyframes together cost about 32 bytes per event at most, the same order
 * as the trace itself (40 bytes per event), and a jump replays at most one
 * interval: about state size / 32 events (50,000 live tasks, 3.2 MB of
 * state: a keyframe every ~100,000 events, a jump in about a millisecond).
 *
 * The rules that turn events into state are docs/trace-format.md's
 * "Rebuilding the state". A trace that breaks them (an event for a task
 * never created, a pop of a handle that is not queued) is taken as far as it
 * makes sense and never crashes the replay.
 *
 * This module reads only trace.h: no VM, no SDL. Not thread-safe: one
 * thread uses a Replay (the simulator may keep appending to the Trace only
 * between that thread's calls).
 */
#ifndef LOOPSCOPE_REPLAY_H
#define LOOPSCOPE_REPLAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "trace.h"

#define REPLAY_KEYFRAME_MIN_EVENTS      128
#define REPLAY_KEYFRAME_BYTES_PER_EVENT 32
#define REPLAY_MAX_WORKERS              4096   /* worker ids beyond are ignored */

typedef enum TraceLoopStatus {
    TL_NOT_STARTED,       /* no loop activity yet (top-level code before asyncio.run) */
    TL_SCHEDULING,        /* the loop's own code: between handles, collecting due timers */
    TL_RUNNING_TASK,      /* a task's step holds the thread: loop.task */
    TL_RUNNING_CALLBACK,  /* a plain callback runs: loop.handle, loop.what */
    TL_IDLE,              /* nothing is ready: waiting until loop.until_ns (-1: forever) */
    TL_BLOCKED,           /* time.sleep blocks the thread until loop.until_ns */
    TL_FINISHED,          /* run.end */
} TraceLoopStatus;

typedef struct TraceLoopState {
    TraceLoopStatus status;
    uint32_t task;        /* the task whose step runs (the innermost when an eager task
                             starts inside another's step); while BLOCKED, the one that
                             called time.sleep; 0: none */
    uint32_t handle;      /* RUNNING_*: the handle popped for it; 0: none */
    TraceStr what;        /* RUNNING_*: the handle's description (its ready.push s1) */
    int64_t until_ns;     /* IDLE, BLOCKED: see above; otherwise 0 */
    int32_t line;         /* BLOCKED: the line of the time.sleep call */
} TraceLoopState;

/* One handle in the ready queue. */
typedef struct TraceReadyItem {
    uint32_t handle;
    uint32_t task;        /* the task it steps; 0: a plain callback */
    TraceStr what;
    bool cancelled;       /* cancelled while queued: it will be popped and skipped */
} TraceReadyItem;

/* One pending timer. */
typedef struct TraceTimerItem {
    uint32_t handle;
    uint32_t task;        /* the task it will wake; 0: none */
    double deadline;      /* virtual seconds, as armed */
    TraceStr what;
    bool cancelled;       /* cancelled: stays until timer.drop */
    size_t armed_step;    /* the timer.arm event: orders equal deadlines */
} TraceTimerItem;

typedef enum TraceTaskStatus {
    TT_CREATED,           /* pending, no step scheduled yet */
    TT_READY,             /* pending, a step of it is in the ready queue */
    TT_RUNNING,           /* its step holds the thread */
    TT_WAITING,           /* suspended at an await: waiting_on, wait_future */
    TT_DONE,              /* returned: outcome = repr of the result */
    TT_FAILED,            /* raised: outcome = the exception's last line */
    TT_CANCELLED,         /* ended cancelled: outcome = the message, if any */
    TT_DESTROYED,         /* unreachable while pending: destroyed by the collector */
} TraceTaskStatus;

typedef struct TraceTaskState {
    uint32_t id;              /* the task's future id */
    uint32_t parent;          /* the task that created it; 0: top level */
    TraceStr name, coro;      /* name (after any rename); the coroutine's qualified name */
    int32_t created_line;
    int32_t line;             /* RUNNING: where the step resumed; WAITING and READY: the
                                 await's line; CANCELLED by delivery: where it was thrown
                                 in; FAILED: where it raised; 0: not known */
    TraceTaskStatus status;
    bool unreferenced;        /* only the loop's weak set holds it (task.unref) */
    uint32_t cancel_requests; /* cancel.request events so far */
    uint32_t queued;          /* its step handles in the ready queue, not cancelled */
    uint32_t wait_future;     /* WAITING: the future it awaits (0: none, a bare yield) */
    TraceStr waiting_on;      /* WAITING: what it awaits, in words */
    TraceStr outcome;         /* DONE, FAILED, CANCELLED: see TraceTaskStatus */
    uint32_t steps;           /* steps run so far */
    size_t created_step;      /* the task.create event */
} TraceTaskState;

typedef enum TraceWorkerStatus {
    TW_IDLE,
    TW_BUSY,                  /* running job */
    TW_BLOCKED,               /* in a blocking call until until_ns (no event marks its
                                 return: at a state whose t_ns >= until_ns it runs again) */
} TraceWorkerStatus;

typedef struct TraceWorkerState {
    uint32_t id;              /* 1.. */
    TraceWorkerStatus status;
    TraceStr job;             /* BUSY, BLOCKED: the callable, in words */
    int64_t until_ns;         /* BLOCKED */
    uint32_t jobs_done;
} TraceWorkerState;

/* The state after events 0..step. The arrays belong to the Replay and stay
 * valid until its next replay_state_at, replay_update or replay_free. */
typedef struct TraceState {
    size_t step;                      /* the last event applied */
    size_t applied;                   /* events applied: step + 1 (0: an empty trace) */
    int64_t t_ns;                     /* virtual time of the last event */
    TraceLoopState loop;
    const TraceReadyItem *ready;      /* front first */
    size_t nready;
    const TraceTimerItem *timers;     /* by deadline, then arming order (CPython's heap may
                                         fire equal deadlines in another order) */
    size_t ntimers;
    const TraceTaskState *tasks;      /* in creation order; finished tasks stay */
    size_t ntasks;
    const TraceWorkerState *workers;  /* workers[w - 1] is worker w; the pool's idle ones too */
    size_t nworkers;
    uint32_t gil;                     /* the GIL's holder: 0 the loop's thread, else a worker */
    size_t noutput;                   /* output events so far (replay_output_step) */
    size_t output_bytes;              /* the bytes they wrote, stdout and stderr */
    size_t nwarnings;
    TraceStr file;                    /* run.start */
    TraceStr limit;                   /* the limit that stopped the run; 0: none */
    bool finished;                    /* run.end seen */
    double exit_status;               /* run.end's num */
} TraceState;

typedef struct Replay Replay;

/* A replay of the events recorded in t so far (t must outlive it). */
Replay *replay_new(const Trace *t);
/* The same with keyframes at least min_events apart instead of
 * REPLAY_KEYFRAME_MIN_EVENTS (SIZE_MAX: only the empty start, so every
 * state is replayed from the beginning; for tests and measurements). */
Replay *replay_new_every(const Trace *t, size_t min_events);
void replay_free(Replay *r);

/* Takes in the events appended to the trace since; returns how many events
 * the replay now covers. */
size_t replay_update(Replay *r);
size_t replay_len(const Replay *r);

/* The state after events 0..step; a step past the end gives the last state. */
const TraceState *replay_state_at(Replay *r, size_t step);

/* The task with that id in s (from this replay), or NULL if it does not
 * exist (yet) at that state. */
const TraceTaskState *replay_task(const Replay *r, const TraceState *s, uint32_t id);

/* The step of the i-th output event (i < replay's total): a state's output
 * is the output events 0..noutput-1. */
size_t replay_output_step(const Replay *r, size_t i);
size_t replay_output_total(const Replay *r);

/* For tests and the performance notes: the keyframes kept, their bytes. */
size_t replay_keyframes(const Replay *r);
size_t replay_keyframe_bytes(const Replay *r);

const char *trace_loop_status_name(TraceLoopStatus s);
const char *trace_task_status_name(TraceTaskStatus s);

#endif
