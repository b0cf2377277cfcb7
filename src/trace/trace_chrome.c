/*
 * trace_chrome.c - the Chrome trace event format (the JSON object with
 * "traceEvents" that Perfetto and chrome://tracing open).
 *
 * Tracks (one "thread" each, in one process): the event loop (tid 1), then
 * every worker thread, then every task, each in order of first appearance;
 * thread_name and thread_sort_index metadata name and order them
 * ("Task-1 main()"). Timestamps are microseconds of virtual time, written
 * exactly (nanoseconds as three decimals).
 *
 * Stretches become complete events (ph "X"): a task running a step, waiting
 * on its await, sitting ready in the queue; the loop idle or blocked by
 * time.sleep; a worker's job and its blocking calls. The end of each stretch
 * is found in a first pass, so every event is written at its start and the
 * file is in step order (timestamps never decrease). A stretch of zero
 * virtual duration, common with --cpu-cost 0, is written as an instant event
 * (ph "i") instead, which both viewers draw as a marker, so it still shows.
 * Every other event is an instant on its track (the task's; otherwise the
 * loop's, or the thread holding the GIL for output outside tasks), and the
 * GIL holder is a counter. Every event carries its step and its fields as
 * args, with the names the JSON Lines file uses; the two events that only
 * end a stretch (loop.unblock, worker.end) are not repeated as instants.
 *
 * This file formats; it must not change the trace.
 */
#include <stdlib.h>
#include <string.h>
#include "trace_json.h"
#include "trace_util.h"

#define NONE SIZE_MAX
#define LOOP_TID 1

typedef struct TaskTrack {
    uint32_t id;
    TraceStr name, coro;
    size_t open_run, open_wait, open_ready;   /* steps of the stretches now open */
} TaskTrack;

typedef struct WorkerTrack {
    uint32_t id;
    size_t open_job;
} WorkerTrack;

typedef struct Chrome {
    const Trace *t;
    FILE *f;
    size_t n;
    size_t *end;             /* end[i]: the step that ends the stretch step i starts */
    TrIdMap task_ix, worker_ix;
    TaskTrack *tasks;
    size_t ntasks, taskcap;
    WorkerTrack *workers;
    size_t nworkers, workercap;
    size_t open_idle, open_block;
    bool first;              /* no event written yet (for the commas) */
} Chrome;

static bool is_worker_kind(TraceKind k)
{
    return k == TR_WORKER_START || k == TR_WORKER_BLOCK || k == TR_WORKER_END;
}

static TaskTrack *task_track(Chrome *c, uint32_t id)
{
    uint32_t ix = tr_idmap_get(&c->task_ix, id, UINT32_MAX);
    return ix == UINT32_MAX ? NULL : &c->tasks[ix];
}

static WorkerTrack *worker_track(Chrome *c, uint32_t id)
{
    uint32_t ix = tr_idmap_get(&c->worker_ix, id, UINT32_MAX);
    return ix == UINT32_MAX ? NULL : &c->workers[ix];
}

/* Pass 1: every task and worker, in order of first appearance, with the
 * task's last name (a rename is what the program chose to call it). */
static void collect_tracks(Chrome *c)
{
    for (size_t i = 0; i < c->n; i++) {
        const TraceEvent *ev = trace_event(c->t, i);
        uint32_t w = is_worker_kind(ev->kind) || ev->kind == TR_GIL ? ev->obj : 0;
        if (w && !worker_track(c, w)) {
            tr_reserve(&c->workers, &c->workercap, c->nworkers + 1, sizeof *c->workers);
            c->workers[c->nworkers] = (WorkerTrack){ w, NONE };
            tr_idmap_put(&c->worker_ix, w, (uint32_t)c->nworkers++);
        }
        if (!ev->task)
            continue;
        TaskTrack *tt = task_track(c, ev->task);
        if (!tt) {
            tr_reserve(&c->tasks, &c->taskcap, c->ntasks + 1, sizeof *c->tasks);
            tt = &c->tasks[c->ntasks];
            *tt = (TaskTrack){ ev->task, 0, 0, NONE, NONE, NONE };
            tr_idmap_put(&c->task_ix, ev->task, (uint32_t)c->ntasks++);
        }
        if (ev->kind == TR_TASK_CREATE) {
            tt->name = ev->s1;
            tt->coro = ev->s2;
        } else if (ev->kind == TR_TASK_RENAME) {
            tt->name = ev->s1;
        }
    }
}

static void close_at(Chrome *c, size_t *open, size_t i)
{
    if (*open != NONE)
        c->end[*open] = i;
    *open = NONE;
}

/* Pass 2: where each stretch ends. The rules are replay.c's, seen per track. */
static void pair_stretches(Chrome *c)
{
    for (size_t i = 0; i < c->n; i++) {
        const TraceEvent *ev = trace_event(c->t, i);
        TaskTrack *tt = ev->task ? task_track(c, ev->task) : NULL;
        if (tr_loop_moves_on(ev->kind))
            close_at(c, &c->open_idle, i);
        switch (ev->kind) {
        case TR_TASK_STEP:
            if (!tt)
                break;   /* a task event without its task: nothing to pair */
            close_at(c, &tt->open_ready, i);
            close_at(c, &tt->open_run, i);
            tt->open_run = i;
            break;
        case TR_TASK_SUSPEND:
            if (!tt)
                break;
            close_at(c, &tt->open_run, i);
            tt->open_wait = i;
            break;
        case TR_TASK_DONE:
        case TR_TASK_FAIL:
        case TR_TASK_CANCELLED:
        case TR_GC_DESTROY:
            if (!tt)
                break;
            close_at(c, &tt->open_run, i);
            close_at(c, &tt->open_wait, i);
            close_at(c, &tt->open_ready, i);
            break;
        case TR_READY_PUSH:
            if (tt) {
                close_at(c, &tt->open_wait, i);
                close_at(c, &tt->open_ready, i);
                tt->open_ready = i;
            }
            break;
        case TR_LOOP_IDLE:
            c->open_idle = i;
            break;
        case TR_LOOP_BLOCK:
            close_at(c, &c->open_block, i);
            c->open_block = i;
            break;
        case TR_LOOP_UNBLOCK:
            close_at(c, &c->open_block, i);
            break;
        case TR_WORKER_START:
        case TR_WORKER_END: {
            WorkerTrack *wt = worker_track(c, ev->obj);
            if (wt) {
                close_at(c, &wt->open_job, i);
                if (ev->kind == TR_WORKER_START)
                    wt->open_job = i;
            }
            break;
        }
        default:
            break;
        }
    }
}

static uint32_t worker_tid(const Chrome *c, const WorkerTrack *wt)
{
    return LOOP_TID + 1 + (uint32_t)(wt - c->workers);
}

static uint32_t task_tid(const Chrome *c, const TaskTrack *tt)
{
    return LOOP_TID + 1 + (uint32_t)c->nworkers + (uint32_t)(tt - c->tasks);
}

static void begin_record(Chrome *c, const char *ph, uint32_t tid)
{
    fputs(c->first ? "\n" : ",\n", c->f);
    c->first = false;
    fprintf(c->f, "{\"ph\":\"%s\",\"pid\":1,\"tid\":%lu", ph, (unsigned long)tid);
}

/* A process_name or thread_name record, up to the name's text: the caller
 * writes the text, then name_end(). */
static void name_begin(Chrome *c, uint32_t tid, const char *what)
{
    begin_record(c, "M", tid);
    fprintf(c->f, ",\"name\":\"%s\",\"args\":{\"name\":\"", what);
}

static void name_end(Chrome *c)
{
    fputs("\"}}", c->f);
}

static void sort_index(Chrome *c, uint32_t tid)
{
    begin_record(c, "M", tid);
    fprintf(c->f, ",\"name\":\"thread_sort_index\",\"args\":{\"sort_index\":%lu}}",
            (unsigned long)tid);
}

static void write_metadata(Chrome *c)
{
    name_begin(c, 0, "process_name");
    fputs("loopscope", c->f);
    if (c->n && trace_event(c->t, 0)->kind == TR_RUN_START && trace_event(c->t, 0)->s1) {
        fputs(": ", c->f);
        tr_json_tchars(c->f, c->t, trace_event(c->t, 0)->s1);
    }
    name_end(c);
    name_begin(c, LOOP_TID, "thread_name");
    fputs("event loop", c->f);
    name_end(c);
    sort_index(c, LOOP_TID);
    for (size_t i = 0; i < c->nworkers; i++) {
        uint32_t tid = worker_tid(c, &c->workers[i]);
        name_begin(c, tid, "thread_name");
        fprintf(c->f, "worker %lu", (unsigned long)c->workers[i].id);
        name_end(c);
        sort_index(c, tid);
    }
    for (size_t i = 0; i < c->ntasks; i++) {
        const TaskTrack *tt = &c->tasks[i];
        uint32_t tid = task_tid(c, tt);
        name_begin(c, tid, "thread_name");
        if (tt->name)
            tr_json_tchars(c->f, c->t, tt->name);
        else
            fprintf(c->f, "task %lu", (unsigned long)tt->id);
        if (tt->coro) {
            putc(' ', c->f);
            tr_json_tchars(c->f, c->t, tt->coro);
            fputs("()", c->f);
        }
        name_end(c);
        sort_index(c, tid);
    }
}

/* The category: the kind's name up to its dot ("task", "timer", "loop"). */
static void write_category(Chrome *c, TraceKind k)
{
    const char *name = trace_kind_name(k);
    fprintf(c->f, ",\"cat\":\"%.*s\"", (int)strcspn(name, "."), name);
}

/* A stretch of dur_ns from the event's time, or an instant when it has no
 * duration. `label` is the slice's name; `detail`, if any, follows it. */
static void write_event(Chrome *c, size_t i, uint32_t tid, int64_t dur_ns,
                        const char *label, TraceStr detail)
{
    const TraceEvent *ev = trace_event(c->t, i);
    begin_record(c, dur_ns > 0 ? "X" : "i", tid);
    fputs(",\"ts\":", c->f);
    tr_json_fixed(c->f, ev->t_ns, 3);
    if (dur_ns > 0) {
        fputs(",\"dur\":", c->f);
        tr_json_fixed(c->f, dur_ns, 3);
    } else {
        fputs(",\"s\":\"t\"", c->f);
    }
    fputs(",\"name\":\"", c->f);
    fputs(label, c->f);
    if (detail) {
        putc(' ', c->f);
        tr_json_tchars(c->f, c->t, detail);
    }
    putc('"', c->f);
    write_category(c, ev->kind);
    fprintf(c->f, ",\"args\":{\"step\":%zu", i);
    tr_json_fields(c->f, c->t, ev);
    fputs("}}", c->f);
}

/* How long the stretch that step i starts lasts (to the end of the trace
 * when nothing ends it). */
static int64_t stretch(const Chrome *c, size_t i)
{
    size_t e = c->end[i] != NONE ? c->end[i] : c->n - 1;
    return trace_event(c->t, e)->t_ns - trace_event(c->t, i)->t_ns;
}

static void write_gil(Chrome *c, const TraceEvent *ev)
{
    begin_record(c, "C", LOOP_TID);
    fputs(",\"ts\":", c->f);
    tr_json_fixed(c->f, ev->t_ns, 3);
    fprintf(c->f, ",\"name\":\"GIL holder\",\"args\":{\"thread\":%lu}}", (unsigned long)ev->obj);
}

/* Pass 3: every event at its start, in step order. */
static void write_events(Chrome *c)
{
    uint32_t gil = 0;
    for (size_t i = 0; i < c->n; i++) {
        const TraceEvent *ev = trace_event(c->t, i);
        TaskTrack *tt = ev->task ? task_track(c, ev->task) : NULL;
        WorkerTrack *wt = is_worker_kind(ev->kind) ? worker_track(c, ev->obj) : NULL;
        uint32_t tid = wt ? worker_tid(c, wt) : tt ? task_tid(c, tt) : LOOP_TID;
        if (!tt && !wt && gil && (ev->kind == TR_OUTPUT || ev->kind == TR_WARNING
                                  || ev->kind == TR_EXC_RAISE || ev->kind == TR_EXC_CATCH)) {
            WorkerTrack *holder = worker_track(c, gil);   /* Python code runs where the GIL is */
            if (holder)
                tid = worker_tid(c, holder);
        }
        switch (ev->kind) {
        case TR_TASK_STEP:
            write_event(c, i, tid, stretch(c, i), "run", 0);
            break;
        case TR_TASK_SUSPEND:
            write_event(c, i, tid, stretch(c, i), "await", ev->s1);
            break;
        case TR_READY_PUSH:
            if (tt)
                write_event(c, i, tid, stretch(c, i), "ready", 0);
            else
                write_event(c, i, tid, 0, "ready.push", ev->s1);
            break;
        case TR_READY_POP:
            write_event(c, i, tid, 0, ev->num != 0 ? "ready.pop (cancelled: skipped)" : "ready.pop", 0);
            break;
        case TR_LOOP_IDLE:
            write_event(c, i, LOOP_TID, stretch(c, i), "idle", 0);
            break;
        case TR_LOOP_BLOCK:
            write_event(c, i, LOOP_TID, stretch(c, i), "BLOCKED (time.sleep)", 0);
            break;
        case TR_WORKER_START:
            write_event(c, i, tid, stretch(c, i), "job", ev->s1);
            break;
        case TR_WORKER_BLOCK: {
            int64_t dur = ev->num > 0 ? trace_ns(ev->num) : 0;
            if (wt && wt->open_job != NONE) {   /* nested in the job: no longer than it */
                int64_t left = stretch(c, wt->open_job) - (ev->t_ns - trace_event(c->t, wt->open_job)->t_ns);
                dur = dur < left ? dur : left;
            }
            write_event(c, i, tid, dur, "time.sleep", 0);
            break;
        }
        case TR_GIL:
            gil = ev->obj;
            write_gil(c, ev);
            break;
        case TR_LOOP_UNBLOCK:
        case TR_WORKER_END:
            break;
        default:
            write_event(c, i, tid, 0, trace_kind_name(ev->kind), 0);
            break;
        }
        if (wt)   /* the job a worker.block belongs to */
            wt->open_job = ev->kind == TR_WORKER_START ? i : ev->kind == TR_WORKER_END ? NONE : wt->open_job;
    }
}

int trace_write_chrome(const Trace *t, FILE *f)
{
    Chrome c = { .t = t, .f = f, .n = trace_len(t), .open_idle = NONE, .open_block = NONE,
                 .first = true };
    c.end = tr_alloc(c.n, sizeof *c.end);
    for (size_t i = 0; i < c.n; i++)
        c.end[i] = NONE;
    collect_tracks(&c);
    pair_stretches(&c);
    for (size_t i = 0; i < c.nworkers; i++)
        c.workers[i].open_job = NONE;   /* pass 3 follows the jobs again */
    fputs("{\"displayTimeUnit\":\"ms\",\"otherData\":{\"generator\":\"loopscope\","
          "\"clock\":\"virtual\"},\"traceEvents\":[", f);
    write_metadata(&c);
    write_events(&c);
    fputs("\n]}\n", f);
    free(c.end);
    free(c.tasks);
    free(c.workers);
    tr_idmap_free(&c.task_ix);
    tr_idmap_free(&c.worker_ix);
    return fflush(f) == 0 && !ferror(f) ? 0 : -1;
}
