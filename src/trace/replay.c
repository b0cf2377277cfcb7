/*
 * replay.c - the state of a run at any step (see replay.h for the keyframe
 * policy, docs/trace-format.md for the rules apply() follows).
 *
 * Three kinds of Work (the state plus what makes applying an event cheap):
 *   - `build` has taken in every event so far; it takes the keyframes;
 *   - the keyframes: exact-size copies, without the handle index;
 *   - `cur` answers replay_state_at: restored from a keyframe, then moved
 *     forward event by event.
 * The task index (task id -> position in the tasks array) is shared by all
 * of them: a task's position is fixed when it is created and tasks are never
 * removed, so one map serves every step; a lookup checks that the position
 * exists at that step and holds that id. The handle index is per Work,
 * because positions in the ready queue and the timer list move.
 *
 * This file only reads the trace; it must not know the VM or format text.
 */
#include <stdlib.h>
#include <string.h>
#include "replay.h"
#include "trace_util.h"

#define MISSING   UINT32_MAX
#define TIMER_BIT 0x80000000u   /* handle index: set for a timer, clear for the ready queue */

typedef struct Scalars {
    size_t applied;
    int64_t t_ns;
    TraceLoopState loop;
    TraceLoopStatus unblocked;   /* what loop.unblock returns to */
    uint32_t gil;
    size_t noutput, output_bytes, nwarnings;
    TraceStr file, limit;
    bool finished;
    double exit_status;
    TraceTimerItem fired;        /* the last timer.fire: the ready.push after it takes its handle */
    uint64_t timers_version;     /* counts timer changes: equal versions, equal timers */
} Scalars;

typedef struct Work {
    Scalars s;
    TraceReadyItem *ready;       /* live items: ready[rhead .. rend) */
    size_t rhead, rend, rcap;
    uint32_t rbase;              /* the absolute queue position of ready[0] */
    TraceTimerItem *timers;      /* in no order (sorted when published) */
    size_t ntimers, tcap;
    TraceTaskState *tasks;
    size_t ntasks, taskcap;
    TraceWorkerState *workers;
    size_t nworkers, workercap;
    uint32_t *running;           /* tasks whose steps are under way, innermost last */
    size_t nrunning, runcap;
    TrIdMap where;               /* handle id -> absolute queue position, or timer index | TIMER_BIT */
} Work;

struct Replay {
    const Trace *t;
    size_t min_interval;         /* keyframes at least this many events apart */
    TrIdMap task_ix;
    Work build, cur;
    Work *kf;                    /* keyframes, by increasing s.applied */
    size_t nkf, kfcap, kf_bytes;
    size_t *outputs;             /* steps of the output events */
    size_t noutputs, outcap;
    TraceTimerItem *sorted;      /* cur's timers by deadline */
    size_t sortcap;
    uint64_t sorted_version;
    bool sorted_valid;
    TraceState pub;
};

/* ---- lookups ---------------------------------------------------------- */

static TraceTaskState *task_in(const TrIdMap *task_ix, Work *w, uint32_t id)
{
    uint32_t ix = tr_idmap_get(task_ix, id, MISSING);
    return ix < w->ntasks && w->tasks[ix].id == id ? &w->tasks[ix] : NULL;
}

static TraceReadyItem *ready_item(Work *w, uint32_t handle)
{
    uint32_t pos = tr_idmap_get(&w->where, handle, MISSING);
    if (pos == MISSING || (pos & TIMER_BIT))
        return NULL;
    size_t ix = pos - w->rbase;   /* wraps to a huge value when stale: rejected below */
    return ix >= w->rhead && ix < w->rend && w->ready[ix].handle == handle ? &w->ready[ix] : NULL;
}

static TraceTimerItem *timer_item(Work *w, uint32_t handle)
{
    uint32_t pos = tr_idmap_get(&w->where, handle, MISSING);
    if (pos == MISSING || !(pos & TIMER_BIT))
        return NULL;
    size_t ix = pos & ~TIMER_BIT;
    return ix < w->ntimers && w->timers[ix].handle == handle ? &w->timers[ix] : NULL;
}

/* ---- the pieces of state ---------------------------------------------- */

static void ready_push(Work *w, TraceReadyItem item)
{
    if (w->rend == w->rcap && w->rhead > w->rend / 2) {   /* reuse the popped front */
        memmove(w->ready, w->ready + w->rhead, (w->rend - w->rhead) * sizeof *w->ready);
        w->rbase += (uint32_t)w->rhead;
        w->rend -= w->rhead;
        w->rhead = 0;
    }
    tr_reserve(&w->ready, &w->rcap, w->rend + 1, sizeof *w->ready);
    w->ready[w->rend] = item;
    tr_idmap_put(&w->where, item.handle, w->rbase + (uint32_t)w->rend);
    w->rend++;
}

/* Takes `it` out of the ready queue: the front, normally. */
static void ready_remove(Work *w, TraceReadyItem *it)
{
    size_t ix = (size_t)(it - w->ready);
    if (ix == w->rhead) {
        w->rhead++;
        return;
    }
    /* Not the front: the trace broke FIFO order. Close the gap, and move
     * the index entries of the items that shifted. */
    memmove(it, it + 1, (w->rend - ix - 1) * sizeof *it);
    w->rend--;
    for (size_t i = ix; i < w->rend; i++)
        tr_idmap_put(&w->where, w->ready[i].handle, w->rbase + (uint32_t)i);
}

static void timer_add(Work *w, TraceTimerItem item)
{
    tr_reserve(&w->timers, &w->tcap, w->ntimers + 1, sizeof *w->timers);
    w->timers[w->ntimers] = item;
    tr_idmap_put(&w->where, item.handle, (uint32_t)w->ntimers | TIMER_BIT);
    w->ntimers++;
    w->s.timers_version++;
}

static void timer_remove(Work *w, TraceTimerItem *it)
{
    TraceTimerItem *last = &w->timers[--w->ntimers];
    if (it != last) {
        *it = *last;
        tr_idmap_put(&w->where, it->handle, (uint32_t)(it - w->timers) | TIMER_BIT);
    }
    w->s.timers_version++;
}

static TraceWorkerState *worker(Work *w, uint32_t id, uint32_t pool)
{
    if (!id || id > REPLAY_MAX_WORKERS)
        return NULL;
    size_t need = pool > id && pool <= REPLAY_MAX_WORKERS ? pool : id;
    if (need > w->nworkers) {
        tr_reserve(&w->workers, &w->workercap, need, sizeof *w->workers);
        for (size_t i = w->nworkers; i < need; i++)
            w->workers[i] = (TraceWorkerState){ .id = (uint32_t)(i + 1), .status = TW_IDLE };
        w->nworkers = need;
    }
    return &w->workers[id - 1];
}

static void running_remove(Work *w, uint32_t task)
{
    for (size_t i = w->nrunning; i-- > 0;)
        if (w->running[i] == task) {
            memmove(&w->running[i], &w->running[i + 1], (w->nrunning - i - 1) * sizeof *w->running);
            w->nrunning--;
            return;
        }
}

/* A step ended (or a task was destroyed): the loop returns to the step it
 * interrupted (an eager start), or to its own code. */
static void step_ended(Work *w, uint32_t task)
{
    size_t before = w->nrunning;
    running_remove(w, task);
    if (w->nrunning == before || w->s.loop.status == TL_BLOCKED)
        return;
    if (w->nrunning) {
        w->s.loop.task = w->running[w->nrunning - 1];
    } else {
        w->s.loop = (TraceLoopState){ .status = TL_SCHEDULING };
    }
}

static void task_create(Replay *r, Work *w, size_t step, const TraceEvent *ev)
{
    TraceTaskState *task = task_in(&r->task_ix, w, ev->task);
    if (!task) {
        if (tr_idmap_get(&r->task_ix, ev->task, MISSING) == MISSING)
            tr_idmap_put(&r->task_ix, ev->task, (uint32_t)w->ntasks);
        else if (tr_idmap_get(&r->task_ix, ev->task, MISSING) != w->ntasks)
            return;   /* created twice, far apart: the trace is broken; keep the first */
        tr_reserve(&w->tasks, &w->taskcap, w->ntasks + 1, sizeof *w->tasks);
        task = &w->tasks[w->ntasks++];
    }
    *task = (TraceTaskState){
        .id = ev->task, .parent = ev->obj, .name = ev->s1, .coro = ev->s2,
        .created_line = ev->line, .status = TT_CREATED, .created_step = step,
    };
}

/* ---- applying one event ----------------------------------------------- */

static void apply_task_event(Work *w, TraceTaskState *task, const TraceEvent *ev)
{
    switch ((TraceKind)ev->kind) {
    case TR_TASK_RENAME:
        task->name = ev->s1;
        break;
    case TR_TASK_STEP:
        task->status = TT_RUNNING;
        task->line = ev->line;
        task->wait_future = 0;
        task->waiting_on = 0;
        task->steps++;
        running_remove(w, task->id);
        tr_reserve(&w->running, &w->runcap, w->nrunning + 1, sizeof *w->running);
        w->running[w->nrunning++] = task->id;
        w->s.loop.status = TL_RUNNING_TASK;
        w->s.loop.task = task->id;
        break;
    case TR_TASK_SUSPEND:
        /* A bare yield (sleep(0)) queues the next step itself: ready, not waiting. */
        task->status = task->queued ? TT_READY : TT_WAITING;
        task->line = ev->line;
        task->wait_future = ev->obj;
        task->waiting_on = ev->s1;
        step_ended(w, task->id);
        break;
    case TR_TASK_DONE:
    case TR_TASK_FAIL:
    case TR_TASK_CANCELLED:
        task->status = ev->kind == TR_TASK_DONE ? TT_DONE
                     : ev->kind == TR_TASK_FAIL ? TT_FAILED : TT_CANCELLED;
        task->outcome = ev->s1;
        if (ev->line)
            task->line = ev->line;
        task->wait_future = 0;
        task->waiting_on = 0;
        step_ended(w, task->id);
        break;
    case TR_GC_DESTROY:
        task->status = TT_DESTROYED;
        step_ended(w, task->id);
        break;
    case TR_CANCEL_REQUEST:
        task->cancel_requests++;
        break;
    case TR_CANCEL_DELIVER:
        if (ev->line)
            task->line = ev->line;
        break;
    case TR_TASK_UNREF:
        task->unreferenced = ev->num == 0;
        break;
    default:
        break;
    }
}

static void apply_ready_push(Replay *r, Work *w, const TraceEvent *ev)
{
    TraceReadyItem item = { ev->obj, ev->task, ev->s1, false };
    /* A timer that came due keeps its description. Not its task: that is the
     * task the timer will wake (through a callback), not one it steps. */
    if (w->s.fired.handle && w->s.fired.handle == ev->obj && !item.what)
        item.what = w->s.fired.what;
    w->s.fired = (TraceTimerItem){ 0 };
    ready_push(w, item);
    TraceTaskState *task = item.task ? task_in(&r->task_ix, w, item.task) : NULL;
    if (task) {
        task->queued++;
        if (task->status == TT_CREATED || task->status == TT_WAITING)
            task->status = TT_READY;
    }
}

static void apply_ready_pop(Replay *r, Work *w, const TraceEvent *ev)
{
    TraceReadyItem *it = ready_item(w, ev->obj);
    TraceReadyItem item = it ? *it : (TraceReadyItem){ .handle = ev->obj };
    if (it)
        ready_remove(w, it);
    TraceTaskState *task = item.task ? task_in(&r->task_ix, w, item.task) : NULL;
    if (task && !item.cancelled && task->queued)
        task->queued--;
    if (ev->num != 0 || item.cancelled)
        return;   /* skipped: the loop stays in its own code */
    w->s.loop = (TraceLoopState){
        .status = item.task ? TL_RUNNING_TASK : TL_RUNNING_CALLBACK,
        .task = item.task, .handle = item.handle, .what = item.what,
    };
}

static void apply_handle_cancel(Replay *r, Work *w, const TraceEvent *ev)
{
    TraceReadyItem *it = ready_item(w, ev->obj);
    if (it && !it->cancelled) {
        it->cancelled = true;
        TraceTaskState *task = it->task ? task_in(&r->task_ix, w, it->task) : NULL;
        if (task && task->queued)
            task->queued--;
    }
    TraceTimerItem *tm = timer_item(w, ev->obj);
    if (tm) {
        tm->cancelled = true;
        w->s.timers_version++;
    }
}

static void apply_worker_event(Work *w, const TraceEvent *ev)
{
    TraceWorkerState *wk = worker(w, ev->obj, ev->kind == TR_WORKER_START && ev->num > 0
                                                  ? (uint32_t)ev->num : 0);
    if (!wk)
        return;
    if (ev->kind == TR_WORKER_START) {
        wk->status = TW_BUSY;
        wk->job = ev->s1;
        wk->until_ns = 0;
    } else if (ev->kind == TR_WORKER_BLOCK) {
        wk->status = TW_BLOCKED;
        wk->until_ns = ev->t_ns + trace_ns(ev->num > 0 ? ev->num : 0);
    } else {
        wk->status = TW_IDLE;
        wk->job = 0;
        wk->until_ns = 0;
        wk->jobs_done++;
    }
}

static void apply(Replay *r, Work *w, size_t step)
{
    const TraceEvent *ev = trace_event(r->t, step);
    Scalars *s = &w->s;
    s->applied = step + 1;
    s->t_ns = ev->t_ns;

    /* Popping, collecting timers, waiting or ending: whatever the loop was
     * waiting for or running as a plain callback is over. */
    if (tr_loop_moves_on(ev->kind) && (s->loop.status == TL_IDLE || s->loop.status == TL_NOT_STARTED
                                       || s->loop.status == TL_RUNNING_CALLBACK))
        s->loop = (TraceLoopState){ .status = TL_SCHEDULING };

    switch ((TraceKind)ev->kind) {
    case TR_RUN_START:
        s->file = ev->s1;
        break;
    case TR_TASK_CREATE:
        task_create(r, w, step, ev);
        break;
    case TR_TASK_RENAME:
    case TR_TASK_STEP:
    case TR_TASK_SUSPEND:
    case TR_TASK_DONE:
    case TR_TASK_FAIL:
    case TR_TASK_CANCELLED:
    case TR_CANCEL_REQUEST:
    case TR_CANCEL_DELIVER:
    case TR_GC_DESTROY:
    case TR_TASK_UNREF: {
        TraceTaskState *task = task_in(&r->task_ix, w, ev->task);
        if (task)
            apply_task_event(w, task, ev);
        break;
    }
    case TR_READY_PUSH:
        apply_ready_push(r, w, ev);
        break;
    case TR_READY_POP:
        apply_ready_pop(r, w, ev);
        break;
    case TR_HANDLE_CANCEL:
        apply_handle_cancel(r, w, ev);
        break;
    case TR_TIMER_ARM:
        timer_add(w, (TraceTimerItem){ ev->obj, ev->task, ev->num, ev->s1, false, step });
        break;
    case TR_TIMER_FIRE:
    case TR_TIMER_DROP: {
        TraceTimerItem *tm = timer_item(w, ev->obj);
        s->fired = ev->kind == TR_TIMER_FIRE ? (tm ? *tm : (TraceTimerItem){ .handle = ev->obj })
                                             : (TraceTimerItem){ 0 };
        if (tm)
            timer_remove(w, tm);
        break;
    }
    case TR_LOOP_IDLE:
        s->loop = (TraceLoopState){ .status = TL_IDLE,
                                    .until_ns = ev->num < 0 ? -1 : trace_ns(ev->num) };
        break;
    case TR_LOOP_BLOCK:
        if (s->loop.status != TL_BLOCKED)
            s->unblocked = s->loop.status;
        s->loop.status = TL_BLOCKED;
        s->loop.until_ns = ev->t_ns + trace_ns(ev->num > 0 ? ev->num : 0);
        s->loop.line = ev->line;
        if (ev->task)
            s->loop.task = ev->task;
        break;
    case TR_LOOP_UNBLOCK:
        if (s->loop.status == TL_BLOCKED) {
            s->loop.status = s->unblocked;
            s->loop.until_ns = 0;
            s->loop.line = 0;
        }
        break;
    case TR_WORKER_START:
    case TR_WORKER_BLOCK:
    case TR_WORKER_END:
        apply_worker_event(w, ev);
        break;
    case TR_GIL:
        s->gil = ev->obj;
        worker(w, ev->obj, 0);   /* a worker the trace had not shown yet */
        break;
    case TR_OUTPUT: {
        size_t n;
        trace_string(r->t, ev->s1, &n);
        s->noutput++;
        s->output_bytes += n;
        break;
    }
    case TR_WARNING:
        s->nwarnings++;
        break;
    case TR_LIMIT:
        s->limit = ev->s1;
        break;
    case TR_RUN_END:
        s->finished = true;
        s->exit_status = ev->num;
        s->loop = (TraceLoopState){ .status = TL_FINISHED };
        w->nrunning = 0;
        break;
    default:   /* future.*, exc.*, gc.collect: nothing a state shows */
        break;
    }
}

/* ---- copies: keyframes and restores ----------------------------------- */

static size_t work_bytes(const Work *w)
{
    return sizeof(Work) + (w->rend - w->rhead) * sizeof *w->ready
         + w->ntimers * sizeof *w->timers + w->ntasks * sizeof *w->tasks
         + w->nworkers * sizeof *w->workers + w->nrunning * sizeof *w->running;
}

/* Copies n elements into *dst (capacity *cap): exactly n when `exact` (a
 * keyframe), else growing as usual (the cursor, reused many times). */
static void copy_into(void *dst, size_t *cap, const void *src, size_t n, size_t size, bool exact)
{
    void **d = dst;
    if (exact) {
        *d = n ? tr_alloc(n, size) : NULL;
        *cap = n;
    } else {
        tr_reserve(dst, cap, n, size);
    }
    if (n)
        memcpy(*d, src, n * size);
}

/* dst becomes a copy of src's state. A keyframe (`exact`) gets arrays of the
 * exact size and no handle index; otherwise dst's buffers are reused and its
 * handle index is rebuilt for the live handles (stale entries are rejected
 * by the lookups). */
static void work_copy(Work *dst, const Work *src, bool exact)
{
    dst->s = src->s;
    size_t nready = src->rend - src->rhead;
    copy_into(&dst->ready, &dst->rcap, src->ready + src->rhead, nready, sizeof *src->ready, exact);
    dst->rhead = 0;
    dst->rend = nready;
    dst->rbase = src->rbase + (uint32_t)src->rhead;
    copy_into(&dst->timers, &dst->tcap, src->timers, src->ntimers, sizeof *src->timers, exact);
    dst->ntimers = src->ntimers;
    copy_into(&dst->tasks, &dst->taskcap, src->tasks, src->ntasks, sizeof *src->tasks, exact);
    dst->ntasks = src->ntasks;
    copy_into(&dst->workers, &dst->workercap, src->workers, src->nworkers, sizeof *src->workers, exact);
    dst->nworkers = src->nworkers;
    copy_into(&dst->running, &dst->runcap, src->running, src->nrunning, sizeof *src->running, exact);
    dst->nrunning = src->nrunning;
    if (exact)
        return;
    for (size_t i = 0; i < dst->rend; i++)
        tr_idmap_put(&dst->where, dst->ready[i].handle, dst->rbase + (uint32_t)i);
    for (size_t i = 0; i < dst->ntimers; i++)
        tr_idmap_put(&dst->where, dst->timers[i].handle, (uint32_t)i | TIMER_BIT);
}

static void work_free(Work *w)
{
    free(w->ready);
    free(w->timers);
    free(w->tasks);
    free(w->workers);
    free(w->running);
    tr_idmap_free(&w->where);
}

static void take_keyframe(Replay *r)
{
    tr_reserve(&r->kf, &r->kfcap, r->nkf + 1, sizeof *r->kf);
    Work *k = &r->kf[r->nkf++];
    *k = (Work){ 0 };
    work_copy(k, &r->build, true);
    r->kf_bytes += work_bytes(k);
}

/* ---- the API ---------------------------------------------------------- */

Replay *replay_new(const Trace *t)
{
    return replay_new_every(t, REPLAY_KEYFRAME_MIN_EVENTS);
}

Replay *replay_new_every(const Trace *t, size_t min_events)
{
    Replay *r = tr_zalloc(1, sizeof *r);
    r->t = t;
    r->min_interval = min_events ? min_events : 1;
    take_keyframe(r);   /* the empty state */
    replay_update(r);
    return r;
}

void replay_free(Replay *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->nkf; i++)
        work_free(&r->kf[i]);
    free(r->kf);
    work_free(&r->build);
    work_free(&r->cur);
    tr_idmap_free(&r->task_ix);
    free(r->outputs);
    free(r->sorted);
    free(r);
}

size_t replay_update(Replay *r)
{
    size_t n = trace_len(r->t);
    for (size_t i = r->build.s.applied; i < n; i++) {
        if (trace_event(r->t, i)->kind == TR_OUTPUT) {
            tr_reserve(&r->outputs, &r->outcap, r->noutputs + 1, sizeof *r->outputs);
            r->outputs[r->noutputs++] = i;
        }
        apply(r, &r->build, i);
        size_t since = r->build.s.applied - r->kf[r->nkf - 1].s.applied;
        size_t interval = work_bytes(&r->build) / REPLAY_KEYFRAME_BYTES_PER_EVENT;
        if (since >= (interval > r->min_interval ? interval : r->min_interval))
            take_keyframe(r);
    }
    return n;
}

size_t replay_len(const Replay *r)
{
    return r->build.s.applied;
}

static int by_deadline(const void *a, const void *b)
{
    const TraceTimerItem *x = a, *y = b;
    if (x->deadline != y->deadline)
        return x->deadline < y->deadline ? -1 : 1;
    return x->armed_step < y->armed_step ? -1 : x->armed_step > y->armed_step;
}

static void publish(Replay *r)
{
    Work *w = &r->cur;
    if (!r->sorted_valid || r->sorted_version != w->s.timers_version) {
        tr_reserve(&r->sorted, &r->sortcap, w->ntimers, sizeof *r->sorted);
        if (w->ntimers) {
            memcpy(r->sorted, w->timers, w->ntimers * sizeof *w->timers);
            qsort(r->sorted, w->ntimers, sizeof *r->sorted, by_deadline);
        }
        r->sorted_version = w->s.timers_version;
        r->sorted_valid = true;
    }
    const Scalars *s = &w->s;
    r->pub = (TraceState){
        .step = s->applied ? s->applied - 1 : 0, .applied = s->applied, .t_ns = s->t_ns,
        .loop = s->loop,
        .ready = w->ready + w->rhead, .nready = w->rend - w->rhead,
        .timers = r->sorted, .ntimers = w->ntimers,
        .tasks = w->tasks, .ntasks = w->ntasks,
        .workers = w->workers, .nworkers = w->nworkers,
        .gil = s->gil, .noutput = s->noutput, .output_bytes = s->output_bytes,
        .nwarnings = s->nwarnings, .file = s->file, .limit = s->limit,
        .finished = s->finished, .exit_status = s->exit_status,
    };
}

/* The last keyframe at or before `applied` events. */
static const Work *keyframe_for(const Replay *r, size_t applied)
{
    size_t lo = 0, hi = r->nkf;   /* kf[0] is the empty state: always a candidate */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->kf[mid].s.applied <= applied)
            lo = mid;
        else
            hi = mid;
    }
    return &r->kf[lo];
}

const TraceState *replay_state_at(Replay *r, size_t step)
{
    size_t len = replay_len(r);
    size_t target = len == 0 ? 0 : (step < len ? step : len - 1) + 1;
    const Work *k = keyframe_for(r, target);
    /* Restore unless moving forward from the current state is shorter. */
    if (r->cur.s.applied > target || r->cur.s.applied < k->s.applied) {
        work_copy(&r->cur, k, false);
        r->sorted_valid = false;
    }
    while (r->cur.s.applied < target)
        apply(r, &r->cur, r->cur.s.applied);
    publish(r);
    return &r->pub;
}

const TraceTaskState *replay_task(const Replay *r, const TraceState *s, uint32_t id)
{
    uint32_t ix = tr_idmap_get(&r->task_ix, id, MISSING);
    return ix < s->ntasks && s->tasks[ix].id == id ? &s->tasks[ix] : NULL;
}

size_t replay_output_step(const Replay *r, size_t i)
{
    return i < r->noutputs ? r->outputs[i] : SIZE_MAX;
}

size_t replay_output_total(const Replay *r)
{
    return r->noutputs;
}

size_t replay_keyframes(const Replay *r)
{
    return r->nkf;
}

size_t replay_keyframe_bytes(const Replay *r)
{
    return r->kf_bytes;
}

const char *trace_loop_status_name(TraceLoopStatus s)
{
    static const char *const names[] = {
        [TL_NOT_STARTED] = "not started", [TL_SCHEDULING] = "scheduling",
        [TL_RUNNING_TASK] = "running a task", [TL_RUNNING_CALLBACK] = "running a callback",
        [TL_IDLE] = "idle", [TL_BLOCKED] = "blocked", [TL_FINISHED] = "finished",
    };
    return (unsigned)s < sizeof names / sizeof *names ? names[s] : "?";
}

const char *trace_task_status_name(TraceTaskStatus s)
{
    static const char *const names[] = {
        [TT_CREATED] = "created", [TT_READY] = "ready", [TT_RUNNING] = "running",
        [TT_WAITING] = "waiting", [TT_DONE] = "done", [TT_FAILED] = "failed",
        [TT_CANCELLED] = "cancelled", [TT_DESTROYED] = "destroyed",
    };
    return (unsigned)s < sizeof names / sizeof *names ? names[s] : "?";
}
