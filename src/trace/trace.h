/*
 * trace.h - the append-only event log of one simulation: the single source
 * of truth every view of a run is rebuilt from (design.md, "Data flows one way").
 *
 * The simulator (src/sim) and the app append events while the program runs;
 * nothing is ever changed or removed afterwards. Readers (the JSON Lines and
 * Chrome writers, the state rebuilder in replay.h, the renderer) only read.
 * This module knows nothing of the VM: events carry ids, numbers and strings,
 * never VM objects, so a trace outlives the VM that produced it.
 *
 * Identities: every future a run creates (tasks included) gets an id from one
 * counter, starting at 1; a task's `task` field is its future id. Handles
 * (call_soon, call_later, task steps, timers) have their own ids, as do
 * workers (1.. for executor threads; 0 is the loop's own thread).
 *
 * The event kinds are listed once, in TRACE_EVENTS below, with the name the
 * writers use and what each field means for that kind (docs/trace-format.md
 * is the user-facing schema).
 */
#ifndef LOOPSCOPE_TRACE_H
#define LOOPSCOPE_TRACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* X(ENUM, "name", what the fields mean)
 *   task: the task concerned (0: none); obj: the kind's object id;
 *   line: a line of the scenario (0: none); num: a number; s1, s2: strings. */
#define TRACE_EVENTS(X) \
    X(RUN_START,      "run.start",      "s1 = scenario file name") \
    X(TASK_CREATE,    "task.create",    "task = new task; obj = the creating task (0: top level); s1 = its name; s2 = the coroutine's qualified name; line = where it was created") \
    X(TASK_RENAME,    "task.rename",    "task; s1 = the new name") \
    X(TASK_STEP,      "task.step",      "task starts a step: it holds the thread; line = where its innermost frame resumes") \
    X(TASK_SUSPEND,   "task.suspend",   "task's step ends at an await; line = the await's line; obj = id of the future it waits on (0: none, a bare yield); s1 = what it waits on, in words") \
    X(TASK_DONE,      "task.done",      "task's coroutine returned; s1 = repr of the result") \
    X(TASK_FAIL,      "task.fail",      "task's coroutine raised; s1 = the exception's last line (\"ValueError: bad\"); line = where it was raised") \
    X(TASK_CANCELLED, "task.cancelled", "task ended cancelled; s1 = the cancel message, if any") \
    X(CANCEL_REQUEST, "cancel.request", "task = the task asked to cancel; obj = the task asking (0: none); s1 = the message, if any") \
    X(CANCEL_DELIVER, "cancel.deliver", "task: CancelledError is thrown into it at its await; line") \
    X(FUTURE_CREATE,  "future.create",  "obj = new future id (plain futures; tasks have task.create); s1 = what made it (\"Future\", \"sleep\", \"gather\", \"Event.wait\"...)") \
    X(FUTURE_DONE,    "future.done",    "obj = the future (or task) id; num = how many done-callbacks it queued; s1 = \"result\", \"exception\" or \"cancelled\"") \
    X(READY_PUSH,     "ready.push",     "a handle joins the back of the ready queue; obj = handle id; task = the task it steps (0: a plain callback); s1 = the callback, in words") \
    X(READY_POP,      "ready.pop",      "the front handle leaves the ready queue and runs; obj = handle id (a cancelled handle is popped and skipped: num = 1)") \
    X(HANDLE_CANCEL,  "handle.cancel",  "obj = handle id: cancelled while queued (it stays in its queue until popped)") \
    X(TIMER_ARM,      "timer.arm",      "obj = handle id; num = deadline (virtual seconds); task = the task that will wake (0: none); s1 = what it is for") \
    X(TIMER_FIRE,     "timer.fire",     "obj = handle id: due, it leaves the timer heap; a ready.push follows") \
    X(TIMER_DROP,     "timer.drop",     "obj = handle id: a cancelled timer leaves the heap") \
    X(LOOP_IDLE,      "loop.idle",      "nothing is ready: the loop waits; num = until when (virtual seconds; -1: forever)") \
    X(LOOP_BLOCK,     "loop.block",     "the loop's thread blocks (time.sleep): num = for how long; line; task = the task running, if any") \
    X(LOOP_UNBLOCK,   "loop.unblock",   "the blocking call returned") \
    X(EXC_RAISE,      "exc.raise",      "an exception is raised in task (0: outside tasks); s1 = its last line; line") \
    X(EXC_CATCH,      "exc.catch",      "an except clause caught it; line") \
    X(EXC_LOST,       "exc.lost",       "\"Task exception was never retrieved\": task, s1 = the exception") \
    X(WORKER_START,   "worker.start",   "obj = worker id starts a job; s1 = the callable, in words; num = the pool's size") \
    X(WORKER_BLOCK,   "worker.block",   "obj = worker id blocks (time.sleep); num = for how long") \
    X(WORKER_END,     "worker.end",     "obj = worker id finishes its job; s1 = \"result\" or \"exception\"") \
    X(GIL,            "gil",            "obj = the thread that now holds the GIL (0: the loop's thread, else a worker id)") \
    X(GC_COLLECT,     "gc.collect",     "a collection; num = objects freed") \
    X(GC_DESTROY,     "gc.destroy",     "task was unreachable and pending: destroyed by the collector") \
    X(TASK_UNREF,     "task.unref",     "task is no longer reachable from the program (only the loop's weak set holds it); num = 1 when it is again") \
    X(WARNING,        "warning",        "s1 = the warning's text (\"coroutine 'f' was never awaited\")") \
    X(OUTPUT,         "output",         "obj = 1 stdout, 2 stderr; s1 = the text written; task = the task running (0: none); line") \
    X(LIMIT,          "limit",          "a run-away limit stopped the program; s1 = the message") \
    X(RUN_END,        "run.end",        "num = exit status")

typedef enum TraceKind {
#define TRACE_ENUM(e, name, doc) TR_##e,
    TRACE_EVENTS(TRACE_ENUM)
#undef TRACE_ENUM
    TR__COUNT
} TraceKind;

/* A string in the trace's pool: 0 is "none", otherwise an opaque handle. */
typedef uint32_t TraceStr;

typedef struct TraceEvent {
    int64_t t_ns;       /* virtual time, nanoseconds from the start of the run */
    uint16_t kind;      /* TraceKind */
    uint32_t task;
    uint32_t obj;
    int32_t line;
    TraceStr s1, s2;
    double num;
} TraceEvent;

typedef struct Trace Trace;

Trace *trace_new(void);
void trace_free(Trace *t);

/* Copies s[0..n) into the pool. Equal strings may share one handle. */
TraceStr trace_str(Trace *t, const char *s, size_t n);
TraceStr trace_cstr(Trace *t, const char *s);

/* Appends one event; returns its step number (0-based). */
size_t trace_emit(Trace *t, const TraceEvent *ev);

/* Called after each event is appended, on the thread that appends it (the
 * window's progress figure while a long scenario simulates); fn NULL: none.
 * It must not append to t. */
typedef void (*TraceObserver)(void *ud, const Trace *t, size_t step);
void trace_set_observer(Trace *t, TraceObserver fn, void *ud);

size_t trace_len(const Trace *t);
const TraceEvent *trace_event(const Trace *t, size_t step);
const char *trace_string(const Trace *t, TraceStr s, size_t *len);   /* NULL for 0 */
const char *trace_kind_name(TraceKind k);

/* Virtual seconds (the VM's clock) to the trace's nanoseconds. */
static inline int64_t trace_ns(double seconds)
{
    return (int64_t)(seconds * 1e9 + (seconds >= 0 ? 0.5 : -0.5));
}

/* The writers: 0 on success, -1 on a write error (errno set). */
int trace_write_jsonl(const Trace *t, FILE *f);
int trace_write_chrome(const Trace *t, FILE *f);

#endif
