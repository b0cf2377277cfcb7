/*
 * timeline.c - the timeline's segments and marks, derived once from the
 * whole trace: when each task was ready, running and waiting, when the loop
 * sat idle or was blocked, when workers were busy, and where tasks were
 * cancelled, failed or destroyed.
 *
 * It reuses the replay's rules instead of restating them: it walks the trace
 * forward with a Replay (one event per step) and watches the status of what
 * each event touched, so the timeline can never disagree with the panels.
 * Reads the trace only; no SDL, no simulator.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "view.h"
#include "view_int.h"

typedef struct Open {
    int kind;             /* ViewSegKind, or -1: nothing open */
    int64_t t0;
    size_t step0;
} Open;

typedef struct Build {
    ViewTimeline *tl;
    size_t segcap, markcap;
    Open *open;           /* per task row (1 + creation index; 0 the loop) */
    size_t opencap;
    Open wopen[REPLAY_MAX_WORKERS];   /* per worker */
} Build;

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        abort();   /* as everywhere in loopscope: out of memory ends the run */
    return p;
}

static void ensure_rows(Build *b, size_t rows)
{
    if (rows <= b->opencap)
        return;
    size_t n = b->opencap ? b->opencap : 64;
    while (n < rows)
        n *= 2;
    b->open = xrealloc(b->open, n * sizeof *b->open);
    for (size_t i = b->opencap; i < n; i++)
        b->open[i] = (Open){ .kind = -1 };
    b->opencap = n;
}

/* Moves a row, whose open stretch is *o, to `kind` (-1: nothing) at
 * (t, step), closing what was open. */
static void set_open(Build *b, Open *o, uint32_t row, int kind, int64_t t, size_t step)
{
    if (o->kind == kind)
        return;
    ViewTimeline *tl = b->tl;
    if (o->kind >= 0) {
        if (tl->nsegs == b->segcap) {
            b->segcap = b->segcap ? b->segcap * 2 : 256;
            tl->segs = xrealloc(tl->segs, b->segcap * sizeof *tl->segs);
        }
        tl->segs[tl->nsegs++] = (ViewSegment){
            .t0 = o->t0, .t1 = t, .step0 = o->step0, .step1 = step, .row = row,
            .kind = (uint8_t)o->kind,
        };
    }
    *o = (Open){ .kind = kind, .t0 = t, .step0 = step };
}

static void set_row(Build *b, uint32_t row, int kind, int64_t t, size_t step)
{
    ensure_rows(b, (size_t)row + 1);
    set_open(b, &b->open[row], row, kind, t, step);
}

static void add_mark(Build *b, uint32_t row, ViewMarkKind kind, int64_t t, size_t step)
{
    ViewTimeline *tl = b->tl;
    if (tl->nmarks == b->markcap) {
        b->markcap = b->markcap ? b->markcap * 2 : 64;
        tl->marks = xrealloc(tl->marks, b->markcap * sizeof *tl->marks);
    }
    tl->marks[tl->nmarks++] = (ViewMark){ .t = t, .step = step, .row = row, .kind = (uint8_t)kind };
}

static int task_seg(TraceTaskStatus s)
{
    switch (s) {
    case TT_READY:   return VS_READY;
    case TT_RUNNING: return VS_RUNNING;
    case TT_WAITING: return VS_WAITING;
    default:         return -1;
    }
}

/* Task rows are 1 + the task's creation index; worker rows are numbered
 * apart (WORKER_ROW + id) while building and moved after the tasks at the
 * end, when the number of tasks is known. */
#define WORKER_ROW 0x40000000u

static void touch_task(Build *b, const TraceState *s, uint32_t id, size_t step)
{
    const TraceTaskState *ts = id ? view_find_task(s, id) : NULL;
    if (!ts)
        return;
    set_row(b, (uint32_t)(ts - s->tasks) + 1, task_seg(ts->status), s->t_ns, step);
}

static int cmp_seg(const void *a, const void *b)
{
    const ViewSegment *x = a, *y = b;
    if (x->row != y->row)
        return x->row < y->row ? -1 : 1;
    if (x->step0 != y->step0)
        return x->step0 < y->step0 ? -1 : 1;
    return 0;
}

ViewTimeline *view_timeline_build(const Trace *t)
{
    ViewTimeline *tl = calloc(1, sizeof *tl);
    Build *b = malloc(sizeof *b);   /* the worker array makes it too big for the stack */
    if (!tl || !b)
        abort();
    *b = (Build){ .tl = tl };
    Replay *r = replay_new(t);
    size_t n = replay_update(r);
    uint32_t loop_task = 0, maxworker = 0;
    for (size_t w = 0; w < REPLAY_MAX_WORKERS; w++)
        b->wopen[w].kind = -1;
    const TraceState *s = NULL;
    for (size_t k = 0; k < n; k++) {
        s = replay_state_at(r, k);
        const TraceEvent *ev = trace_event(t, k);
        touch_task(b, s, ev->task, k);
        /* a nested step (an eager task's first) hands the thread back to the
         * step it interrupted without an event naming that task */
        if (s->loop.task != loop_task) {
            touch_task(b, s, loop_task, k);
            touch_task(b, s, s->loop.task, k);
            loop_task = s->loop.task;
        }
        int loopk = s->loop.status == TL_IDLE ? VS_IDLE
                  : s->loop.status == TL_BLOCKED ? VS_BLOCKED : -1;
        set_row(b, 0, loopk, s->t_ns, k);

        const TraceTaskState *ts = ev->task ? view_find_task(s, ev->task) : NULL;
        uint32_t row = ts ? (uint32_t)(ts - s->tasks) + 1 : 0;
        switch (ev->kind) {
        case TR_TASK_CREATE:    if (ts) add_mark(b, row, VM_CREATED, s->t_ns, k); break;
        case TR_TASK_DONE:      if (ts) add_mark(b, row, VM_DONE, s->t_ns, k); break;
        case TR_TASK_FAIL:      if (ts) add_mark(b, row, VM_FAILED, s->t_ns, k); break;
        case TR_CANCEL_REQUEST: if (ts) add_mark(b, row, VM_CANCEL_REQUEST, s->t_ns, k); break;
        case TR_TASK_CANCELLED: if (ts) add_mark(b, row, VM_CANCELLED, s->t_ns, k); break;
        case TR_GC_DESTROY:     if (ts) add_mark(b, row, VM_DESTROYED, s->t_ns, k); break;
        case TR_EXC_LOST:       if (ts) add_mark(b, row, VM_EXC_LOST, s->t_ns, k); break;
        case TR_TASK_UNREF:     if (ts && ev->num == 0) add_mark(b, row, VM_UNREF, s->t_ns, k); break;
        default: break;
        }
        /* workers: busy (running or blocked in a call) from start to end */
        if ((ev->kind == TR_WORKER_START || ev->kind == TR_WORKER_END) && ev->obj
            && ev->obj <= REPLAY_MAX_WORKERS) {
            set_open(b, &b->wopen[ev->obj - 1], WORKER_ROW + ev->obj - 1,
                     ev->kind == TR_WORKER_START ? VS_WORKER_BUSY : -1, s->t_ns, k);
            if (ev->obj > maxworker)
                maxworker = ev->obj;
        }
    }
    size_t ntasks = s ? s->ntasks : 0;
    tl->t_end = s ? s->t_ns : 0;
    for (uint32_t row = 0; row < b->opencap; row++)
        set_row(b, row, -1, tl->t_end, n ? n - 1 : 0);
    for (uint32_t w = 0; w < maxworker; w++)
        set_open(b, &b->wopen[w], WORKER_ROW + w, -1, tl->t_end, n ? n - 1 : 0);
    /* now that the number of tasks is known, the workers' rows go after them */
    for (size_t i = 0; i < tl->nsegs; i++)
        if (tl->segs[i].row >= WORKER_ROW)
            tl->segs[i].row = (uint32_t)(1 + ntasks + (tl->segs[i].row - WORKER_ROW));
    if (tl->nsegs)   /* a run with no task has none, and segs may be NULL */
        qsort(tl->segs, tl->nsegs, sizeof *tl->segs, cmp_seg);
    tl->nrows = 1 + ntasks + maxworker;
    tl->row_task = xrealloc(NULL, tl->nrows * sizeof *tl->row_task);
    tl->row_name = calloc(tl->nrows, sizeof *tl->row_name);
    if (!tl->row_name)
        abort();
    tl->row_task[0] = 0;
    for (size_t i = 0; i < ntasks; i++) {
        tl->row_task[1 + i] = s->tasks[i].id;
        tl->row_name[1 + i] = s->tasks[i].name;
    }
    for (uint32_t w = 0; w < maxworker; w++)
        tl->row_task[1 + ntasks + w] = VIEW_ROW_WORKER | (w + 1);
    free(b->open);
    free(b);
    replay_free(r);
    return tl;
}

void view_timeline_free(ViewTimeline *tl)
{
    if (!tl)
        return;
    free(tl->row_task);
    free(tl->row_name);
    free(tl->segs);
    free(tl->marks);
    free(tl);
}

double view_gap_seconds(double gap)
{
    if (!(gap > 0))
        return 0;
    if (gap <= 1)
        return gap;
    double d = 1 + log(gap);
    return d < VIEW_GAP_MAX ? d : VIEW_GAP_MAX;
}
