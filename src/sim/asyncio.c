/*
 * asyncio.c - the asyncio module on loopscope's event loop: Future, Task,
 * sleep, create_task, run, get_running_loop, current_task.
 *
 * sleep() and what else reads best in Python lives in asyncio_prelude.py,
 * compiled into this module at start-up.
 *
 * The behaviour is CPython 3.12's, as shared/reference/asyncio-semantics.md
 * describes it (sections 2-6 and 12): done callbacks are always scheduled,
 * never run synchronously; a task's step resumes its coroutine chain, which
 * parks on the future it awaits (the VM's NativeType.await_state) and is
 * woken by that future's done callback; cancellation is a request delivered
 * at the next step.
 *
 * Not yet here (issue 3): gather, TaskGroup, timeouts, wait, queues, locks,
 * threads, the trace, the never-awaited and never-retrieved warnings, and
 * the stdlib frames CPython shows in tracebacks that pass through asyncio.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sim.h"
#include "loop.h"
#include "threads.h"
#include "stdframes.h"
#include "fastpath.h"
#include "internal.h"
#include "numfmt.h"
#include "asyncio_prelude.h"
#include "threads_prelude.h"

typedef struct SimFuture SimFuture;

typedef enum FutState { FUT_PENDING, FUT_CANCELLED, FUT_FINISHED } FutState;

struct SimFuture {
    NativeData hdr;
    uint8_t state;          /* FutState */
    bool is_task : 1, is_gather : 1;
    bool exc_retrieved : 1;
    bool last_word_said : 1;    /* destroyed / never-retrieved already reported */
    /* callbacks is NULL (none), one callback held inline, or with cb_many
     * a List of them; with cb_wakeup the inline one is a task to wake
     * (Task.__wakeup bound to it, made only if something asks to see it) */
    bool cb_many : 1, cb_wakeup : 1;
    uint8_t wait_kind;      /* a waiter's (sim_waiter_new): what it was made for */
    bool wait_aenter;
    uint32_t id;            /* the trace's future id */
    /* A cancelled future has no result, and a task's cancel message is
     * only read while it is pending or once it is cancelled: one slot. */
    union {
        Value result;
        Value cancel_msg;   /* None or a str */
    };
    Obj *exc_;              /* an exception instance, or NULL (FUT_EXC reads it) */
    Obj *cbs_;              /* see cb_many (FUT_CBS) */
    /* What only tasks or only gather's outer future have. A plain future,
     * the one every await on a lock, event, queue or sleep makes, is
     * allocated without it (FUTURE_PLAIN_SIZE): with 50,000 tasks parked
     * that is 50,000 of them. What holds only objects is a pointer, not a
     * value: 64 bytes a plain future, 112 a task. */
    union {
        struct {            /* is_task */
            bool must_cancel;
            uint8_t coro_src;       /* its coroutine's Code.hidden: 0 for the program's own */
            int cancels_requested;
            uint32_t reg_index;     /* the slot in Sim.tasks while pending */
            uint32_t task_no;       /* the N of its default name Task-N */
            Obj *coro_;             /* NULL once let go of (TASK_CORO reads None) */
            Obj *name_;             /* a str, or NULL until someone asks for Task-N */
            Obj *ctx_;              /* its contextvars context (NULL: empty, not made yet) */
            union {
                Obj *waiter_;       /* while pending: the future it waits on, or NULL */
                Obj *cancelled_exc_;    /* once cancelled: the CancelledError it ended
                                           with, for its first awaiter */
            };
        };
        struct {            /* is_gather */
            bool return_exceptions, cancel_requested;
            int64_t nfinished, nfuts;
            Value children;         /* a List */
        };
        Obj *wait_owner;    /* a waiter's: the lock, event or semaphore */
    };
};

#define FUTURE_PLAIN_SIZE offsetof(SimFuture, must_cancel)
#define WAITER_SIZE (FUTURE_PLAIN_SIZE + sizeof(Obj *))
_Static_assert(offsetof(SimFuture, wait_owner) == FUTURE_PLAIN_SIZE, "a waiter's owner follows the plain future");

/* The pointer fields read as values: NULL is VNULL (a task's coroutine: None) */
#define FUT_EXC(f) value_or_null((f)->exc_)
#define FUT_CBS(f) value_or_null((f)->cbs_)
#define TASK_CORO(t) ((t)->coro_ ? VOBJ((t)->coro_) : VNONE)
#define TASK_WAITER(t) value_or_null((t)->waiter_)

typedef struct Sleep {      /* _yield_once() */
    NativeData hdr;
    Value result;
    int state;              /* 0 new, 1 yielded */
} Sleep;

typedef struct Sim {
    SimLoop loop;
    SimConfig cfg;
    SimSched *sched;        /* the threads (threads.c) */
    SimStdFrames *stdframes;/* CPython's frames the prelude stands for */
    SimStdFrames *thread_stdframes;   /* and threads_prelude.py */
    Module *asyncio;
    bool running;
    Value current_task;
    /* the loop's pending tasks, in creation order, held weakly as CPython's
     * WeakSet: a task nothing else references is garbage (NULL: a hole) */
    SimFuture **tasks;
    size_t ntasks, cap_tasks, task_holes;
    uint32_t next_future_id;
    Value saved_hooks[2];   /* the asyncgen hooks the open loop replaced */
    Value set_loop;         /* set_event_loop()'s loop, or None */
    Obj **agens;            /* the async generators started, held weakly (NULL: a hole) */
    size_t nagens, cap_agens;
    bool set_called;        /* set_event_loop() was called (asyncio.run calls it) */
    WriteFn out, err;       /* the program's real stdout and stderr, when traced */
    void *out_ud, *err_ud;
    Value loop_obj;
    uint64_t task_counter;  /* Task-N: process-global, never reset */
    Value task_factory;     /* loop.set_task_factory(), or None */
    Class *future_cls, *task_cls, *loop_cls, *sleep_cls, *handle_cls, *timer_handle_cls;
    Class *gathering_cls;   /* asyncio.tasks._GatheringFuture: what gather() returns */
    Class *future_iter_cls; /* what Future.__await__ and __iter__ return */
    Class *cancelled_error, *invalid_state_error;
    Value step_fn, wakeup_fn, gather_done_fn;   /* Task.__step, Task.__wakeup, the gather callback */
    Value cur_ctx;          /* the current contextvars context (contextvars.c) */
    Value ctx_classes;      /* contextvars.c's classes */
    FastPath *fast;         /* the prelude's C stand-ins (fastpath.c) */
} Sim;

static Sim *sim_of(VM *vm) { return (Sim *)vm->sim; }

SimSched *sim_sched(VM *vm) { return sim_of(vm)->sched; }

Value *sim_ctx_current(VM *vm) { return &sim_of(vm)->cur_ctx; }

Value *sim_ctx_classes(VM *vm) { return &sim_of(vm)->ctx_classes; }

static void sim_trace(VM *vm, TraceKind kind, SimFuture *task, uint32_t obj, int line,
                      double num, const char *s1, const char *s2);
static void loop_setup(VM *vm);

/* The Python-visible loop: one per asyncio.run, closed when it ends. */
typedef struct LoopObj {
    NativeData hdr;
    bool closed;
    bool debug;   /* asyncio.run(debug=True), loop.set_debug(): shown by repr only */
    Value exc_handler;   /* set_exception_handler()'s, or VNULL/None: the default */
} LoopObj;

static void loop_obj_mark(VM *vm, Obj *o)
{
    vm_mark_value(vm, ((LoopObj *)o)->exc_handler);
}

static const NativeType loop_type = {
    .name = "_UnixSelectorEventLoop", .size = sizeof(LoopObj), .mark = loop_obj_mark,
};

static Value loop_obj_new(VM *vm)
{
    LoopObj *lo = vm_alloc_obj(vm, sizeof(LoopObj), OBJ_NATIVE_DATA, sim_of(vm)->loop_cls);
    lo->hdr.type = &loop_type;
    return VOBJ(lo);
}


#define FUT(v) ((SimFuture *)AS_OBJ(v))

static bool is_future(VM *vm, Value v)
{
    return IS_KIND(v, OBJ_NATIVE_DATA) && vm_isinstance(vm, v, sim_of(vm)->future_cls);
}

/* ---- futures ---------------------------------------------------------------- */

static void future_mark(VM *vm, Obj *o)
{
    SimFuture *f = (SimFuture *)o;
    vm_mark_value(vm, f->result);
    vm_mark_obj(vm, f->exc_);
    vm_mark_obj(vm, f->cbs_);
    if (f->is_task) {
        vm_mark_obj(vm, f->coro_);
        vm_mark_obj(vm, f->name_);
        vm_mark_obj(vm, f->waiter_);   /* or cancelled_exc_ */
        vm_mark_obj(vm, f->ctx_);
    } else if (f->is_gather) {
        vm_mark_value(vm, f->children);
    }
}

static int future_await_state(VM *vm, Obj *o, Value *out);

static bool future_wants_last_word(VM *vm, Obj *o);
static void future_last_word(VM *vm, Obj *o);

/* Two sizes of one type: the collector frees an object by its type's size */
static const NativeType future_type = {
    .name = "Future", .mark = future_mark, .size = FUTURE_PLAIN_SIZE, .await_state = future_await_state,
    .wants_last_word = future_wants_last_word, .last_word = future_last_word,
};

static const NativeType task_or_gather_type = {
    .name = "Future", .mark = future_mark, .size = sizeof(SimFuture), .await_state = future_await_state,
    .wants_last_word = future_wants_last_word, .last_word = future_last_word,
};

/* A waiter (sim_waiter_new) is a plain future to everyone but the frame
 * whose fast call made it: that one's await runs the fast path's rest. */
static void waiter_mark(VM *vm, Obj *o)
{
    future_mark(vm, o);
    vm_mark_obj(vm, ((SimFuture *)o)->wait_owner);
}

static int waiter_await_state(VM *vm, Obj *o, Value *out)
{
    return vm_fast_await(vm) ? sim_fast_waiter_state(vm, o, out) : future_await_state(vm, o, out);
}

static void waiter_await_throw(VM *vm, Obj *o)
{
    if (vm_fast_await(vm))
        sim_fast_waiter_throw(vm, o);
}

static const NativeType waiter_type = {
    .name = "Future", .mark = waiter_mark, .size = WAITER_SIZE, .await_state = waiter_await_state,
    .await_throw = waiter_await_throw,
    .wants_last_word = future_wants_last_word, .last_word = future_last_word,
};

typedef enum FutKind { FK_PLAIN, FK_TASK, FK_GATHER, FK_WAITER } FutKind;

static SimFuture *future_new_kind(VM *vm, Class *cls, FutKind kind)
{
    static const NativeType *const types[] = {
        [FK_PLAIN] = &future_type, [FK_TASK] = &task_or_gather_type, [FK_GATHER] = &task_or_gather_type,
        [FK_WAITER] = &waiter_type,
    };
    const NativeType *type = types[kind];
    SimFuture *f = vm_alloc_obj(vm, type->size, OBJ_NATIVE_DATA, cls);
    f->hdr.type = type;
    f->is_task = kind == FK_TASK;
    f->is_gather = kind == FK_GATHER;
    f->state = FUT_PENDING;
    f->result = VNONE;
    if (kind == FK_GATHER) {
        f->children = VNULL;
    }
    f->id = ++sim_of(vm)->next_future_id;
    return f;
}

static SimFuture *future_new(VM *vm, Class *cls)
{
    return future_new_kind(vm, cls, FK_PLAIN);
}

static Tuple *msg_args(VM *vm, const char *text)
{
    Value m = vm_str(vm, text);
    return tuple_from(vm, &m, 1);
}

static Value cancelled_error(VM *vm, Value msg)
{
    Class *c = sim_of(vm)->cancelled_error;
    if (IS_NULL(msg) || IS_NONE(msg))
        return exc_new(vm, c, NULL);
    return exc_new(vm, c, tuple_from(vm, &msg, 1));
}

static Str *future_repr(VM *vm, SimFuture *f);

/* The line of the program an exception was raised at (its innermost frame
 * that is not loopscope's own Python), 0 if none. */
static int exc_line_of(Value exc)
{
    if (!IS_EXCEPTION(exc))
        return 0;
    Exception *e = AS_EXC(exc);
    for (uint32_t i = e->ntb; i-- > 0;)
        if (tb_code(&e->tb[i]) && !tb_code(&e->tb[i])->hidden)
            return code_line_at(tb_code(&e->tb[i]), e->tb[i].instr);
    return 0;
}

static Value bound(VM *vm, Value self, Value native);

static size_t callback_count(const SimFuture *f)
{
    if (f->cb_many)
        return ((List *)f->cbs_)->len;
    return f->cbs_ ? 1 : 0;
}

/* A done callback that runs in a contextvars context (the one current at
 * add_done_callback, or its context=) is held as a (fn, ctx) tuple; one
 * that runs in the empty context as fn itself. A tuple given as the
 * callback is always wrapped, so a tuple entry is always such a pair. */
static Value cb_entry(VM *vm, Value fn, Value ctx)
{
    if (IS_NULL(ctx) && !IS_TUPLE(fn))
        return fn;
    Value pair[2] = { fn, IS_NULL(ctx) ? VNONE : ctx };
    return VOBJ(tuple_from(vm, pair, 2));
}

static Value cb_fn(Value entry) { return IS_TUPLE(entry) ? AS_TUPLE(entry)->items[0] : entry; }

static Value cb_ctx(Value entry)
{
    if (!IS_TUPLE(entry) || IS_NONE(AS_TUPLE(entry)->items[1]))
        return VNULL;
    return AS_TUPLE(entry)->items[1];
}

/* The i-th done callback as a callable (a task's wake-up is bound now). */
static Value callback_at(VM *vm, SimFuture *f, size_t i)
{
    if (f->cb_many)
        return cb_fn(((List *)f->cbs_)->items[i]);
    if (f->cb_wakeup)
        return bound(vm, FUT_CBS(f), sim_of(vm)->wakeup_fn);
    return cb_fn(FUT_CBS(f));
}

/* A task's name: Task-N is made when first asked for. */
static Str *task_name(VM *vm, SimFuture *t)
{
    if (!t->name_)
        t->name_ = (Obj *)str_printf(vm, "Task-%lu", (unsigned long)t->task_no);
    return (Str *)t->name_;
}

/* task.done / task.fail / task.cancelled, then future.done with how many
 * callbacks it queues (their ready.push events follow) */
static void trace_done(VM *vm, SimFuture *f)
{
    const char *how = f->state == FUT_CANCELLED ? "cancelled"
                    : !f->exc_ ? "result" : "exception";
    if (f->is_task) {
        if (f->state == FUT_CANCELLED) {
            Str *m = IS_STR(f->cancel_msg) ? AS_STR(f->cancel_msg) : NULL;
            sim_trace(vm, TR_TASK_CANCELLED, f, 0, 0, 0, m ? m->data : NULL, NULL);
        } else if (!f->exc_) {
            Str *r = vm_repr(vm, f->result);
            vm->exc = VNULL;
            sim_trace(vm, TR_TASK_DONE, f, 0, 0, 0, r ? r->data : NULL, NULL);
        } else {
            Str *e = vm_exc_summary(vm, FUT_EXC(f));
            sim_trace(vm, TR_TASK_FAIL, f, 0, exc_line_of(FUT_EXC(f)), 0, e ? e->data : NULL, NULL);
        }
    }
    size_t ncb = callback_count(f);
    sim_trace(vm, TR_FUTURE_DONE, NULL, f->id, 0, (double)ncb, how, NULL);
}

static void registry_add(Sim *s, SimFuture *t)
{
    if (s->ntasks == s->cap_tasks) {
        size_t ncap = s->cap_tasks ? s->cap_tasks * 2 : 64;
        SimFuture **n = realloc(s->tasks, ncap * sizeof *n);
        if (!n) {
            fputs("loopscope: out of memory\n", stderr);
            abort();
        }
        s->tasks = n;
        s->cap_tasks = ncap;
    }
    t->reg_index = s->ntasks;
    s->tasks[s->ntasks++] = t;
}

/* Closes the holes once they are half the array, keeping creation order. */
static void registry_compact(Sim *s)
{
    size_t j = 0;
    for (size_t i = 0; i < s->ntasks; i++)
        if (s->tasks[i]) {
            s->tasks[i]->reg_index = j;
            s->tasks[j++] = s->tasks[i];
        }
    s->ntasks = j;
    s->task_holes = 0;
}

static void registry_remove(Sim *s, SimFuture *t)
{
    if (t->reg_index >= s->ntasks || s->tasks[t->reg_index] != t)
        return;
    s->tasks[t->reg_index] = NULL;
    if (++s->task_holes > s->ntasks / 2)
        registry_compact(s);
}

/* call_soon(fn, fut) for a callback entry, in its context */
static void schedule_callback(VM *vm, Value entry, Value fut)
{
    SimHandle *h = sim_call_soon_internal(&sim_of(vm)->loop, NULL, cb_fn(entry), fut);
    h->ctx = cb_ctx(entry);
}

/* the internal handles' callbacks and the light entries' kinds (below) */
static int step_cb(VM *vm, SimHandle *h);
static int sleep_done_cb(VM *vm, SimHandle *h);
enum { LIGHT_STEP = 1, LIGHT_WAKE };
static int step_light(VM *vm, Obj *task);
static int wake_light(VM *vm, Obj *task);
static void describe_light(SimLoop *loop, unsigned kind, Obj *task, uint32_t *id, char *buf, size_t n);

/* Done: every callback is scheduled, in registration order, with the future. */
static void schedule_callbacks(VM *vm, SimFuture *f)
{
    if (f->is_task)
        registry_remove(sim_of(vm), f);
    if (sim_of(vm)->cfg.trace)
        trace_done(vm, f);
    if (!f->cbs_)
        return;
    Value self = VOBJ(f);
    if (f->cb_wakeup) {
        /* Task.__wakeup(task, fut), fut being the task's waiter: a light
         * entry of the task (the task cannot wait on another future first) */
        sim_call_soon_light(&sim_of(vm)->loop, LIGHT_WAKE, f->cbs_);
    } else if (!f->cb_many) {
        schedule_callback(vm, FUT_CBS(f), self);
    } else {
        List *cbs = (List *)f->cbs_;
        for (size_t i = 0; i < cbs->len; i++)
            schedule_callback(vm, cbs->items[i], self);
    }
    f->cbs_ = NULL;
    f->cb_many = f->cb_wakeup = false;
}

static bool future_cancel(VM *vm, SimFuture *f, Value msg)
{
    if (f->state != FUT_PENDING)
        return false;
    f->state = FUT_CANCELLED;
    f->cancel_msg = msg;
    schedule_callbacks(vm, f);
    return true;
}

static void future_set_result(VM *vm, SimFuture *f, Value v)
{
    f->result = v;
    f->state = FUT_FINISHED;
    schedule_callbacks(vm, f);
}

static void future_set_exception(VM *vm, SimFuture *f, Value exc)
{
    f->exc_ = obj_or_null(exc);
    f->state = FUT_FINISHED;
    schedule_callbacks(vm, f);
}

/* The exception a cancelled future raises: the first retrieval gets the one
 * the task ended with, later ones a fresh bare CancelledError. */
static Value make_cancelled_error(VM *vm, SimFuture *f)
{
    if (f->is_task && f->cancelled_exc_) {
        Value e = value_or_null(f->cancelled_exc_);
        f->cancelled_exc_ = NULL;
        return e;
    }
    return cancelled_error(vm, f->cancel_msg);
}

/* result(): 1 with *out, or -1 after raising. */
static int future_result(VM *vm, SimFuture *f, Value *out)
{
    if (f->state == FUT_CANCELLED) {
        vm_raise_value(vm, make_cancelled_error(vm, f));
        return -1;
    }
    if (f->state == FUT_PENDING) {
        vm_raise_value(vm, exc_new(vm, sim_of(vm)->invalid_state_error,
                                   msg_args(vm, "Result is not set.")));
        return -1;
    }
    f->exc_retrieved = true;
    if (f->exc_) {
        vm_raise_value(vm, FUT_EXC(f));
        return -1;
    }
    *out = f->result;
    return 1;
}

static int future_await_state(VM *vm, Obj *o, Value *out)
{
    SimFuture *f = (SimFuture *)o;
    if (f->state == FUT_PENDING) {
        *out = VNULL;   /* park on the future itself */
        return 0;
    }
    return future_result(vm, f, out);
}

/* fn will run in ctx (VNULL: the empty context) */
static int add_done_callback(VM *vm, SimFuture *f, Value fn, Value ctx)
{
    Value entry = cb_entry(vm, fn, ctx);
    if (f->state != FUT_PENDING) {
        vm_push_root(vm, &entry);
        schedule_callback(vm, entry, VOBJ(f));
        vm_pop_root(vm);
        return 0;
    }
    if (!f->cbs_) {
        f->cbs_ = obj_or_null(entry);
        return 0;
    }
    if (!f->cb_many) {
        vm_push_root(vm, &entry);
        List *l = list_new(vm, 2);
        vm_pop_root(vm);
        list_append(vm, l, f->cb_wakeup ? callback_at(vm, f, 0) : FUT_CBS(f));
        f->cbs_ = (Obj *)l;
        f->cb_many = true;
        f->cb_wakeup = false;
    }
    return list_append(vm, (List *)f->cbs_, entry);
}

/* A task parks on f: its wake-up is f's only callback, as it mostly is,
 * held as the task itself. */
static void add_wakeup(VM *vm, SimFuture *f, SimFuture *t)
{
    if (f->state == FUT_PENDING && !f->cbs_) {
        f->cbs_ = (Obj *)t;
        f->cb_wakeup = true;
        return;
    }
    add_done_callback(vm, f, bound(vm, VOBJ(t), sim_of(vm)->wakeup_fn), VNULL);
}

/* ---- the trace -------------------------------------------------------------- */

static void sim_trace(VM *vm, TraceKind kind, SimFuture *task, uint32_t obj, int line,
                      double num, const char *s1, const char *s2)
{
    sim_loop_trace(&sim_of(vm)->loop, kind, task ? task->id : 0, obj, line, num, s1, s2);
}

static SimFuture *current_task_of(VM *vm)
{
    Value t = sim_of(vm)->current_task;
    return IS_NONE(t) || IS_NULL(t) ? NULL : FUT(t);
}

/* The frame of a task's chain that is the scenario's own and innermost
 * (loopscope's asyncio is Python too, but hidden), and the innermost hidden
 * frame called from there: the asyncio API it is in ("sleep",
 * "Queue.get"), or NULL when it awaits a future directly. */
static Frame *task_program_frame(SimFuture *t, const char **api)
{
    *api = NULL;
    if (!IS_GEN(TASK_CORO(t)))
        return NULL;
    Gen *g = AS_GEN(TASK_CORO(t));
    if (!g->frame || g->state == GEN_CREATED)
        return NULL;
    for (Frame *f = g->resume ? g->resume : g->frame; f; f = f->parent) {
        if (!f->code->hidden)
            return f;
        *api = f->code->qualname->data;
        if (f == g->frame)
            break;
    }
    return NULL;
}

/* Where a task stands: the line of its innermost program frame. */
static int task_position(SimFuture *t, const char **api)
{
    Frame *f = task_program_frame(t, api);
    if (f)
        return vm_frame_line(f);
    if (!IS_GEN(TASK_CORO(t)) || !AS_GEN(TASK_CORO(t))->frame)
        return 0;
    Gen *g = AS_GEN(TASK_CORO(t));
    /* loopscope's own coroutines (asyncio.run's closing tasks) have no line
     * of the scenario */
    if (g->frame->code->hidden)
        return 0;
    return g->state == GEN_CREATED ? g->frame->code->proto->firstline : g->firstline;
}

/* The expression a parked frame awaits, as written ("asyncio.sleep(1)"):
 * the source span of the instruction it will resume at. */
static bool await_source(VM *vm, Frame *f, char *buf, size_t n)
{
    const Proto *p = f->code->proto;
    long i = (long)(f->ip - p->code);
    /* an outer frame of the chain has moved past its AWAIT: step back */
    if (i > 0 && i <= (long)p->ncode && INSTR_OP(p->code[i - 1]) == OP_AWAIT &&
        (i == (long)p->ncode || INSTR_OP(p->code[i]) != OP_AWAIT))
        i--;
    if (i < 0 || i >= (long)p->ncode)
        return false;
    Position pos = p->positions[i];
    const char *line;
    size_t len;
    if (pos.line <= 0 || pos.line != pos.end_line || pos.col < 0 || pos.end_col <= pos.col ||
        !vm_source_line(vm, pos.line, &line, &len) || (size_t)pos.end_col > len)
        return false;
    const char *s = line + pos.col;
    size_t k = (size_t)(pos.end_col - pos.col);
    if (k > 6 && memcmp(s, "await ", 6) == 0) {
        s += 6;
        k -= 6;
    }
    while (k && *s == ' ') {
        s++;
        k--;
    }
    snprintf(buf, n, "%.*s", (int)k, s);
    return k > 0;
}

/* What a parked task waits on, in words, for task.suspend. */
static void describe_wait(VM *vm, SimFuture *t, Value waited, char *buf, size_t n)
{
    const char *api;
    Frame *f = task_program_frame(t, &api);
    if (f && await_source(vm, f, buf, n))
        return;
    if (api) {
        snprintf(buf, n, "asyncio %s", api);
    } else if (is_future(vm, waited) && FUT(waited)->is_task) {
        snprintf(buf, n, "task %s", task_name(vm, FUT(waited))->data);
    } else if (is_future(vm, waited) && FUT(waited)->is_gather) {
        snprintf(buf, n, "gather of %lld", (long long)FUT(waited)->nfuts);
    } else if (is_future(vm, waited)) {
        snprintf(buf, n, "a future");
    } else {
        snprintf(buf, n, "the next loop iteration");
    }
}

/* A handle that runs Task.__step or Task.__wakeup unbound, the task first
 * in its arguments (how the tasks schedule themselves, without a bound
 * method each time). */
static bool task_method_call(VM *vm, Value cb, Value args)
{
    Sim *s = sim_of(vm);
    return IS_NATIVE(cb) && (AS_OBJ(cb) == AS_OBJ(s->step_fn) || AS_OBJ(cb) == AS_OBJ(s->wakeup_fn)) &&
           IS_TUPLE(args) && AS_TUPLE(args)->len > 0;
}

/* The loop's describe hook: which task a handle steps, and its callback. */
static void describe_handle(SimLoop *loop, SimHandle *h, uint32_t *task, char *buf, size_t n)
{
    VM *vm = loop->vm;
    Value cb = h->callback;
    Value fn = cb;
    Value self = VNULL;
    if (IS_KIND(cb, OBJ_BOUND_METHOD)) {
        BoundMethod *m = (BoundMethod *)AS_OBJ(cb);
        fn = m->func;
        self = m->self;
    } else if (task_method_call(vm, cb, h->args)) {
        self = AS_TUPLE(h->args)->items[0];
    } else if (h->cfn == step_cb) {
        *task = FUT(h->callback)->id;
        snprintf(buf, n, "step %s", task_name(vm, FUT(h->callback))->data);
        return;
    }
    if (is_future(vm, self) && FUT(self)->is_task && IS_NATIVE(fn)) {
        SimFuture *t = FUT(self);
        *task = t->id;
        bool wake = strcmp(AS_NATIVE(fn)->name, "_Task__wakeup") == 0;
        snprintf(buf, n, "%s %s", wake ? "wake" : "step", task_name(vm, t)->data);
        return;
    }
    SimFuture *cur = current_task_of(vm);
    if (h->is_timer && cur)
        *task = cur->id;
    if (IS_FUNCTION(fn))
        snprintf(buf, n, "%s()", AS_FUNCTION(fn)->qualname->data);
    else if (IS_NATIVE(fn))
    {
        const char *name = AS_NATIVE(fn)->name;
        if (strcmp(name, "_set_result_unless_cancelled") == 0)
            snprintf(buf, n, "end of asyncio.sleep");
        else
            snprintf(buf, n, "%s()", name);
    }
    else if (h->cfn == sleep_done_cb)
        snprintf(buf, n, "end of asyncio.sleep");
    else if (h->cfn)
        snprintf(buf, n, "loop internals");
}

/* The program's output, recorded as it is written. */
static void traced_write(VM *vm, int stream, const char *text, size_t len)
{
    Sim *s = sim_of(vm);
    WriteFn w = stream == 1 ? s->out : s->err;
    w(stream == 1 ? s->out_ud : s->err_ud, text, len);
    char *copy = malloc(len + 1);
    if (!copy)
        return;
    memcpy(copy, text, len);
    copy[len] = 0;
    bool main = sim_on_main_thread(s->sched);
    sim_trace(vm, TR_OUTPUT, main ? current_task_of(vm) : NULL, (uint32_t)stream, vm_program_line(vm),
              (double)sim_thread_id(s->sched), copy, NULL);
    free(copy);
}

static void traced_out(void *ud, const char *text, size_t len) { traced_write(ud, 1, text, len); }
static void traced_err(void *ud, const char *text, size_t len) { traced_write(ud, 2, text, len); }

/* time.sleep() on the loop's thread: nothing else runs while the clock
 * moves on, which is the whole lesson of blocking the loop. */
static int loop_thread_sleep(VM *vm, double secs)
{
    Sim *s = sim_of(vm);
    if (!sim_on_main_thread(s->sched))
        return sim_thread_sleep(vm, secs);   /* a worker: it alone waits */
    SimFuture *cur = current_task_of(vm);
    sim_trace(vm, TR_LOOP_BLOCK, cur, 0, vm_program_line(vm), secs, NULL, NULL);
    int r = sim_thread_sleep(vm, secs);
    sim_trace(vm, TR_LOOP_UNBLOCK, cur, 0, vm_program_line(vm), 0, NULL, NULL);
    return r;
}

static void put_str(NfBuf *b, const char *s);
static void put_short_repr(VM *vm, NfBuf *b, Value v);

/* format_helpers._format_callback_source: "bad(1, 'x') at file.py:5". */
static void put_callback_source(VM *vm, NfBuf *b, Value cb, Value args)
{
    bool method = IS_KIND(cb, OBJ_BOUND_METHOD);
    Value fn = method ? ((BoundMethod *)AS_OBJ(cb))->func : cb;
    if (IS_FUNCTION(fn)) {
        put_str(b, AS_FUNCTION(fn)->qualname->data);
    } else if (IS_NATIVE(fn)) {
        if (AS_NATIVE(fn)->owner) {   /* a C method's __qualname__: list.pop */
            put_str(b, AS_NATIVE(fn)->owner->name->data);
            put_str(b, ".");
        }
        put_str(b, AS_NATIVE(fn)->name);
    } else {
        Str *r = vm_repr(vm, cb);
        vm->exc = VNULL;
        put_str(b, r ? r->data : "?");
    }
    put_str(b, "(");
    size_t first = task_method_call(vm, cb, args) ? 1 : 0;   /* the task is the method's self */
    if (IS_TUPLE(args))
        for (size_t i = first; i < AS_TUPLE(args)->len; i++) {
            if (i > first)
                put_str(b, ", ");
            put_short_repr(vm, b, AS_TUPLE(args)->items[i]);
        }
    put_str(b, ")");
    if (!method && IS_FUNCTION(fn) && !AS_FUNCTION(fn)->code->hidden) {   /* inspect.isfunction */
        char at[64];
        snprintf(at, sizeof at, ":%d", AS_FUNCTION(fn)->code->proto->firstline);
        put_str(b, " at ");
        put_str(b, vm->cfg.filename);
        put_str(b, at);
    }
}

/* ---- the loop's exception handler ------------------------------------------------ */

/* default_exception_handler(context): the message, then "key: repr(value)"
 * for the other keys in sorted order, then the exception's traceback, as
 * CPython's logger writes them to stderr. */
static void default_exception_handler(VM *vm, Dict *ctx)
{
    Value msg = dict_get_str(ctx, str_intern(vm, "message", 7));
    Value exc = dict_get_str(ctx, str_intern(vm, "exception", 9));
    vm->exc = VNULL;
    NfBuf b;
    nf_buf_init(&b);
    put_str(&b, IS_STR(msg) && AS_STR(msg)->len ? AS_STR(msg)->data : "Unhandled exception in event loop");
    put_str(&b, "\n");
    /* the other keys, sorted (they are strs: CPython's sorted() of a dict) */
    size_t n = 0;
    Str **keys = malloc((ctx->used + 1) * sizeof *keys);
    if (!keys)
        abort();
    for (size_t i = 0; i < ctx->nentries; i++) {
        Value k = ctx->entries[i].key;
        if (!IS_STR(k) || strcmp(AS_STR(k)->data, "message") == 0 || strcmp(AS_STR(k)->data, "exception") == 0)
            continue;
        size_t j = n++;
        for (; j > 0 && strcmp(keys[j - 1]->data, AS_STR(k)->data) > 0; j--)
            keys[j] = keys[j - 1];
        keys[j] = AS_STR(k);
    }
    for (size_t i = 0; i < n; i++) {
        Str *r = vm_repr(vm, dict_get(vm, ctx, VOBJ(keys[i])));
        vm->exc = VNULL;
        put_str(&b, keys[i]->data);
        put_str(&b, ": ");
        put_str(&b, r ? r->data : "?");
        put_str(&b, "\n");
    }
    free(keys);
    vm_write_err(vm, b.data ? b.data : "", b.len);
    nf_buf_free(&b);
    if (IS_OBJ(exc))
        vm_print_exception(vm, exc);
    vm->exc = VNULL;
}

/* loop.call_exception_handler(context): the handler the program set, else
 * the default. A handler that raises is itself reported by the default; if
 * the report was made while `during` was being handled (a callback that
 * raised), that is its __context__. */
static void call_exception_handler(VM *vm, Dict *ctx, Value during)
{
    Sim *s = sim_of(vm);
    Value ctxv = VOBJ(ctx);
    vm_push_root(vm, &ctxv);
    Value handler = IS_OBJ(s->loop_obj) ? ((LoopObj *)AS_OBJ(s->loop_obj))->exc_handler : VNULL;
    if (!IS_OBJ(handler)) {
        default_exception_handler(vm, ctx);
        vm_pop_root(vm);
        return;
    }
    Value saved = vm->exc;
    vm->exc = VNULL;
    Value args[2] = { s->loop_obj, ctxv };
    if (IS_NULL(vm_call(vm, handler, args, 2, NULL))) {
        Value e = vm_exc_take(vm);
        vm_push_root(vm, &e);
        exc_add_ext_frame(vm, e, &sim_frame_call_exception_handler);
        if (IS_EXCEPTION(e) && IS_EXCEPTION(during) && AS_OBJ(e) != AS_OBJ(during) &&
            !AS_EXC(e)->context)
            AS_EXC(e)->context = AS_EXC(during);
        Dict *outer = dict_new(vm);
        Value ov = VOBJ(outer);
        vm_push_root(vm, &ov);
        dict_set_str(vm, outer, "message", vm_str(vm, "Unhandled error in exception handler"));
        dict_set_str(vm, outer, "exception", e);
        dict_set_str(vm, outer, "context", ctxv);
        default_exception_handler(vm, outer);
        vm_pop_root(vm);
        vm_pop_root(vm);
    }
    vm->exc = saved;
    vm_pop_root(vm);
}

/* A context of up to three entries besides the message, for the reports
 * loopscope's C code makes (keys in the order CPython's code writes them). */
static void report(VM *vm, const char *message, const char *k1, Value v1, const char *k2, Value v2,
                   Value during)
{
    Dict *ctx = dict_new(vm);
    Value cv = VOBJ(ctx);
    vm_push_root(vm, &cv);
    dict_set_str(vm, ctx, "message", vm_str(vm, message));
    if (k1)
        dict_set_str(vm, ctx, k1, v1);
    if (k2)
        dict_set_str(vm, ctx, k2, v2);
    call_exception_handler(vm, ctx, during);
    vm_pop_root(vm);
}

/* The loop's exception handler, for a callback that raised: "Exception in
 * callback ...", the handle, the traceback through Handle._run. */
static void callback_failed(SimLoop *loop, SimHandle *h, Value exc)
{
    VM *vm = loop->vm;
    NfBuf src;
    nf_buf_init(&src);
    put_callback_source(vm, &src, h->callback, h->args);
    put_str(&src, "");
    const char *cb = src.data ? src.data : "";
    Str *message = str_printf(vm, "Exception in callback %s", cb);
    nf_buf_free(&src);
    exc_add_ext_frame(vm, exc, &sim_frame_handle_run);
    report(vm, message->data, "exception", exc, "handle", VOBJ(h), exc);
}

static const ExtFrame *ext_frame_at(VM *vm, uint8_t src, int line)
{
    Sim *s = sim_of(vm);
    const ExtFrame *f = sim_stdframes_find(s->stdframes, src, line);
    return f ? f : sim_stdframes_find(s->thread_stdframes, src, line);
}

static const ExtFrame *ext_frame_of(VM *vm, const Code *hidden, int line)
{
    return ext_frame_at(vm, hidden->hidden, line);
}

/* A fresh loop (one per asyncio.run), wired to the trace. */
static void loop_setup(VM *vm)
{
    Sim *s = sim_of(vm);
    sim_loop_init(&s->loop, vm);
    s->loop.handle_cls = s->handle_cls;
    s->loop.timer_handle_cls = s->timer_handle_cls;
    s->loop.trace = s->cfg.trace;
    s->loop.describe = describe_handle;
    s->loop.describe_light = describe_light;
    s->loop.light[LIGHT_STEP] = step_light;
    s->loop.light[LIGHT_WAKE] = wake_light;
    s->loop.sched = s->sched;
    s->loop.callback_failed = callback_failed;
    s->loop.contexts = true;
}

const char *sim_stdlib_dir(VM *vm)
{
    const char *d = sim_of(vm)->cfg.stdlib_dir;
    return d && *d ? d : SIM_STDLIB_DIR;
}

/* ---- tasks ------------------------------------------------------------------- */

static Value bound(VM *vm, Value self, Value native)
{
    BoundMethod *m = vm_alloc_obj(vm, sizeof(BoundMethod), OBJ_BOUND_METHOD, TYPE(vm, method));
    m->self = self;
    m->func = native;
    return VOBJ(m);
}

static Value native_value(VM *vm, const char *name, NativeFn fn, Class *owner)
{
    return VOBJ(native_new(vm, name, fn, owner));
}

static void schedule_step(VM *vm, SimFuture *t, Value exc)
{
    /* Task.__step(task[, exc]): a light entry, or with an exception to
     * throw in (rare) an internal handle; neither leaves anything to collect */
    if (IS_NULL(exc))
        sim_call_soon_light(&sim_of(vm)->loop, LIGHT_STEP, (Obj *)t);
    else
        sim_call_soon_internal(&sim_of(vm)->loop, step_cb, VOBJ(t), exc);
}

static bool gather_cancel(VM *vm, SimFuture *outer, Value msg);

static bool any_cancel(VM *vm, SimFuture *f, Value msg);
static bool cancel_by_name(VM *vm, SimFuture *f, Value msg);

static bool task_cancel(VM *vm, SimFuture *t, Value msg)
{
    t->exc_retrieved = true;
    if (t->state != FUT_PENDING)
        return false;
    t->cancels_requested++;
    if (sim_of(vm)->cfg.trace) {
        SimFuture *by = current_task_of(vm);
        Str *m = IS_STR(msg) ? AS_STR(msg) : NULL;
        sim_trace(vm, TR_CANCEL_REQUEST, t, by ? by->id : 0, 0, 0, m ? m->data : NULL, NULL);
    }
    if (is_future(vm, TASK_WAITER(t)) && cancel_by_name(vm, FUT(TASK_WAITER(t)), msg))
        return true;
    t->must_cancel = true;
    t->cancel_msg = msg;
    return true;
}

/* Task.__step(exc=None): resume the coroutine once. */
static Value task_step(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)kwnames;
    Sim *s = sim_of(vm);
    SimFuture *t = FUT(args[0]);
    Value exc = nargs > 1 ? args[1] : VNULL;
    if (t->state != FUT_PENDING)
        return vm_raise(vm, EXC_RuntimeError, "_step(): already done");
    if (t->must_cancel) {
        if (IS_NULL(exc) || !vm_isinstance(vm, exc, s->cancelled_error))
            exc = cancelled_error(vm, t->cancel_msg);
        t->must_cancel = false;
    }
    t->waiter_ = NULL;
    Value prev = s->current_task;
    s->current_task = VOBJ(t);
    if (s->cfg.trace) {
        const char *api;
        int line = task_position(t, &api);
        /* a cancellation asked of this task; a CancelledError that only
         * comes from a future it awaited is not one */
        if (!IS_NULL(exc) && t->cancels_requested > 0 && vm_isinstance(vm, exc, s->cancelled_error))
            sim_trace(vm, TR_CANCEL_DELIVER, t, 0, line, 0, NULL, NULL);
        sim_trace(vm, TR_TASK_STEP, t, 0, line, 0, NULL, NULL);
    }
    bool returned = false;
    Value saved_ctx = sim_ctx_enter(vm, value_or_null(t->ctx_));
    vm_push_root(vm, &saved_ctx);
    Value r = IS_NULL(exc) ? gen_send(vm, AS_GEN(TASK_CORO(t)), VNONE, &returned)
                           : gen_throw(vm, AS_GEN(TASK_CORO(t)), exc, &returned);
    vm_pop_root(vm);
    t->ctx_ = obj_or_null(sim_ctx_leave(vm, saved_ctx));
    s->current_task = prev;
    if (s->cfg.trace && !IS_NULL(r) && !returned) {
        const char *api;
        char what[160];
        int line = task_position(t, &api);
        describe_wait(vm, t, r, what, sizeof what);
        sim_trace(vm, TR_TASK_SUSPEND, t, is_future(vm, r) ? FUT(r)->id : 0, line, 0, what, NULL);
    }
    if (IS_NULL(r)) {
        Value e = vm_exc_take(vm);
        if (vm_isinstance(vm, e, s->cancelled_error)) {
            t->cancelled_exc_ = obj_or_null(e);
            future_cancel(vm, t, VNONE);
        } else if (vm_isinstance(vm, e, EXC_TYPE(vm, KeyboardInterrupt)) ||
                   vm_isinstance(vm, e, EXC_TYPE(vm, SystemExit))) {
            future_set_exception(vm, t, e);
            /* it escapes to the caller of run_until_complete, which has it:
             * no "never retrieved" report (CPython consumes it there) */
            t->exc_retrieved = true;
            vm->exc = e;
            return VNULL;
        } else {
            bool watched = callback_count(t) > 0;
            future_set_exception(vm, t, e);
            /* CPython frees a failed task nobody waits for as soon as the
             * loop lets go of it, and logs the lost exception then; a
             * collection after this step finds it at about that moment */
            if (!watched)
                vm->gc_requested = true;
        }
        return VNONE;
    }
    if (returned) {
        if (t->must_cancel) {
            t->must_cancel = false;
            future_cancel(vm, t, t->cancel_msg);
        } else {
            future_set_result(vm, t, r);
        }
        return VNONE;
    }
    if (is_future(vm, r)) {
        SimFuture *w = FUT(r);
        if (w == t) {
            schedule_step(vm, t, exc_new(vm, EXC_TYPE(vm, RuntimeError),
                                         msg_args(vm, "Task cannot await on itself")));
            return VNONE;
        }
        add_wakeup(vm, w, t);
        t->waiter_ = (Obj *)w;
        if (t->must_cancel && cancel_by_name(vm, w, t->cancel_msg))
            t->must_cancel = false;
        return VNONE;
    }
    if (IS_NONE(r)) {           /* a bare yield: sleep(0) */
        schedule_step(vm, t, VNULL);
        return VNONE;
    }
    Str *rr = vm_repr(vm, r);
    Value msg = VOBJ(str_printf(vm, "Task got bad yield: %s", rr ? rr->data : "?"));
    vm->exc = VNULL;
    schedule_step(vm, t, exc_new(vm, EXC_TYPE(vm, RuntimeError), tuple_from(vm, &msg, 1)));
    return VNONE;
}

/* Task.__wakeup(future): step, with the future's exception if it has one. */
static Value task_wakeup(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)nargs; (void)kwnames;
    Value out;
    Value step_args[2] = { args[0], VNULL };
    if (future_result(vm, FUT(args[1]), &out) < 0)
        step_args[1] = vm_exc_take(vm);
    return task_step(vm, step_args, IS_NULL(step_args[1]) ? 1 : 2, NULL);
}

/* The internal handles' callbacks: (task, exc or VNULL) and (task, future).
 * A step fails only with what must leave the loop (SystemExit,
 * KeyboardInterrupt): everything else ends up in the task. */
static int step_cb(VM *vm, SimHandle *h)
{
    Value args[2] = { h->callback, h->args };
    return IS_NULL(task_step(vm, args, IS_NULL(args[1]) ? 1 : 2, NULL)) ? -1 : 0;
}

static int step_light(VM *vm, Obj *task)
{
    Value t = VOBJ(task);
    return IS_NULL(task_step(vm, &t, 1, NULL)) ? -1 : 0;
}

static int wake_light(VM *vm, Obj *task)
{
    Value args[2] = { VOBJ(task), TASK_WAITER((SimFuture *)task) };
    return IS_NULL(task_wakeup(vm, args, 2, NULL)) ? -1 : 0;
}

static void describe_light(SimLoop *loop, unsigned kind, Obj *task, uint32_t *id, char *buf, size_t n)
{
    SimFuture *t = (SimFuture *)task;
    *id = t->id;
    snprintf(buf, n, "%s %s", kind == LIGHT_WAKE ? "wake" : "step", task_name(loop->vm, t)->data);
}

static Value task_new_ex(VM *vm, Value coro, Value name, Value ctx, bool eager);
static Value create_task_via_loop(VM *vm, Value coro, Value name, Value ctx);

static Value task_new(VM *vm, Value coro, Value name)
{
    return task_new_ex(vm, coro, name, VNULL, false);
}

/* An eager task runs its first step now, inside create_task, as the current
 * task; one that finishes there is never scheduled (Python 3.12). It runs
 * in ctx if one is given (context=), else in a copy of the current context. */
/* Task's checks of its arguments: 0, or -1 raised */
static int task_args_ok(VM *vm, Value coro, Value ctx)
{
    if (!IS_GEN(coro) || AS_GEN(coro)->gkind != GEN_COROUTINE) {
        Str *r = vm_repr(vm, coro);
        vm_raise(vm, EXC_TypeError, "a coroutine was expected, got %s", r ? r->data : "?");
        return -1;
    }
    if (!IS_NULL(ctx) && !IS_NONE(ctx) && !sim_ctx_is_context(ctx)) {
        vm_raise(vm, EXC_TypeError, "an instance of Context was expected");
        return -1;
    }
    return 0;
}

/* A task not started yet: an instance of a subclass of Task before its
 * __init__ has run (Task.__init__ starts it: task_start). Pending, with no
 * coroutine, it is not lost when it becomes garbage. */
static bool task_blank(const SimFuture *t)
{
    return t->state == FUT_PENDING && !t->coro_;
}

static Value task_start(VM *vm, SimFuture *t, Value coro, Value name, Value ctx, bool eager);

static Value task_new_ex(VM *vm, Value coro, Value name, Value ctx, bool eager)
{
    if (task_args_ok(vm, coro, ctx) < 0)
        return VNULL;
    return task_start(vm, future_new_kind(vm, sim_of(vm)->task_cls, FK_TASK), coro, name, ctx, eager);
}

/* Task.__init__'s work, on a task task_args_ok has passed: it takes the
 * coroutine, its name and context, and is scheduled (eager: its first step
 * runs now, when the loop runs) */
static Value task_start(VM *vm, SimFuture *t, Value coro, Value name, Value ctx, bool eager)
{
    Sim *s = sim_of(vm);
    t->coro_ = obj_or_null(coro);
    t->coro_src = AS_GEN(coro)->frame ? AS_GEN(coro)->frame->code->hidden : 0;
    t->ctx_ = obj_or_null(IS_NULL(ctx) || IS_NONE(ctx) ? sim_ctx_capture(vm) : ctx);
    if (IS_NULL(name) || IS_NONE(name))
        t->task_no = ++s->task_counter;
    else
        t->name_ = (Obj *)vm_to_str(vm, name);
    AS_GEN(coro)->awaited = 1;
    Value tv = VOBJ(t);
    if (s->cfg.trace) {
        SimFuture *by = current_task_of(vm);
        sim_trace(vm, TR_TASK_CREATE, t, by ? by->id : 0, vm_program_line(vm), 0,
                  task_name(vm, t)->data, AS_GEN(coro)->qualname->data);
    }
    if (eager && s->running) {
        vm_push_root(vm, &tv);
        registry_add(s, t);
        Value r = task_step(vm, &tv, 1, NULL);
        vm_pop_root(vm);
        if (IS_NULL(r))
            return VNULL;
        /* as CPython's C task: one that finished eagerly lets go of its
         * coroutine (get_coro() is None, the repr has no coro=) */
        if (t->state != FUT_PENDING)
            t->coro_ = NULL;
        return tv;
    }
    schedule_step(vm, t, VNULL);
    registry_add(s, t);
    return tv;
}

/* ---- gather ------------------------------------------------------------------ */

static bool any_cancel(VM *vm, SimFuture *f, Value msg)
{
    if (f->is_task)
        return task_cancel(vm, f, msg);
    if (f->is_gather)
        return gather_cancel(vm, f, msg);
    return future_cancel(vm, f, msg);
}

/* f.cancel(msg) where CPython calls it by name (a task cancels what it
 * awaits, gather its children): a subclass of Future or Task may have its
 * own cancel() */
static bool cancel_by_name(VM *vm, SimFuture *f, Value msg)
{
    if (!(f->hdr.hdr.cls->cflags & CLASS_BUILTIN)) {
        Str *name = str_intern(vm, "cancel", 6);
        if (!IS_NULL(vm_override(vm, VOBJ(f), name))) {
            Value arg = IS_NULL(msg) ? VNONE : msg;
            Value r = vm_call_method(vm, VOBJ(f), name, &arg, 1);
            int yes = IS_NULL(r) ? -1 : vm_truthy(vm, r);
            if (yes < 0)   /* nothing asked of it can take the error: it is reported */
                vm_print_exception(vm, vm_exc_take(vm));
            return yes > 0;
        }
    }
    return any_cancel(vm, f, msg);
}

/* Cancelling gather's future cancels its children; it ends when they do. */
static bool gather_cancel(VM *vm, SimFuture *outer, Value msg)
{
    if (outer->state != FUT_PENDING)
        return false;
    bool any = false;
    List *children = AS_LIST(outer->children);
    for (size_t i = 0; i < children->len; i++)
        if (cancel_by_name(vm, FUT(children->items[i]), msg))
            any = true;
    if (any)
        outer->cancel_requested = true;
    return any;
}

/* A child finished (called as its done callback, bound to the outer future). */
static Value gather_child_done(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)nargs; (void)kwnames;
    SimFuture *outer = FUT(args[0]), *child = FUT(args[1]);
    outer->nfinished++;
    if (outer->state != FUT_PENDING) {
        if (child->state != FUT_CANCELLED)
            child->exc_retrieved = true;
        return VNONE;
    }
    if (!outer->return_exceptions) {
        if (child->state == FUT_CANCELLED) {
            future_set_exception(vm, outer, make_cancelled_error(vm, child));
            return VNONE;
        }
        child->exc_retrieved = true;
        if (child->exc_) {
            future_set_exception(vm, outer, FUT_EXC(child));
            return VNONE;
        }
    }
    if (outer->nfinished < outer->nfuts)
        return VNONE;
    List *children = AS_LIST(outer->children);
    List *results = list_new(vm, children->len);
    for (size_t i = 0; i < children->len; i++) {
        SimFuture *c = FUT(children->items[i]);
        Value res;
        if (c->state == FUT_CANCELLED) {
            res = cancelled_error(vm, IS_NONE(c->cancel_msg) ? vm_str(vm, "") : c->cancel_msg);
        } else {
            c->exc_retrieved = true;
            res = !c->exc_ ? c->result : FUT_EXC(c);
        }
        list_append(vm, results, res);
    }
    if (outer->cancel_requested)
        future_set_exception(vm, outer, make_cancelled_error(vm, child));
    else
        future_set_result(vm, outer, VOBJ(results));
    return VNONE;
}

static Value ensure_future(VM *vm, Value aw)
{
    if (is_future(vm, aw))
        return aw;
    if (IS_GEN(aw) && AS_GEN(aw)->gkind == GEN_COROUTINE)
        return create_task_via_loop(vm, aw, VNULL, VNULL);
    if (!IS_NULL(vm_lookup_special(vm, aw, vm->sn[SN_await]))) {
        /* any other awaitable runs in a task through a coroutine that awaits it */
        Sim *s = sim_of(vm);
        Value wrap = dict_get_str(s->asyncio->dict, str_intern(vm, "_wrap_awaitable", 15));
        Value coro = vm_call1(vm, wrap, aw);
        return IS_NULL(coro) ? coro : create_task_via_loop(vm, coro, VNULL, VNULL);
    }
    return vm_raise(vm, EXC_TypeError, "An asyncio.Future, a coroutine or an awaitable is required");
}

/* gather(a, a): a repeated argument shares its child (CPython keys a dict
 * by the arguments). Found by identity in an open-addressing table of
 * argument positions, so that gathering n awaitables stays O(n). */
typedef struct ArgIndex {
    int32_t *slots;     /* -1: empty, else a position in args */
    size_t mask;
} ArgIndex;

static bool arg_index_init(ArgIndex *ix, int nargs)
{
    size_t n = 16;
    while (n < 2 * (size_t)nargs)
        n *= 2;
    ix->slots = malloc(n * sizeof *ix->slots);
    ix->mask = n - 1;
    if (ix->slots)
        memset(ix->slots, 0xff, n * sizeof *ix->slots);
    return ix->slots != NULL;
}

/* The position of the first argument that is the same object as args[i]
 * (i itself the first time, which is then recorded). */
static int arg_index_first(ArgIndex *ix, const Value *args, int i)
{
    if (!IS_OBJ(args[i]))
        return i;
    size_t h = (size_t)(((uintptr_t)AS_OBJ(args[i]) >> 4) * 0x9E3779B97F4A7C15u);
    for (size_t k = h & ix->mask;; k = (k + 1) & ix->mask) {
        if (ix->slots[k] < 0) {
            ix->slots[k] = i;
            return i;
        }
        if (AS_OBJ(args[ix->slots[k]]) == AS_OBJ(args[i]))
            return ix->slots[k];
    }
}

static Value m_gather(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    Sim *s = sim_of(vm);
    bool return_exceptions = false;
    for (int k = 0; kwnames && k < (int)kwnames->len; k++) {
        Str *name = AS_STR(kwnames->items[k]);
        if (strcmp(name->data, "return_exceptions") != 0)
            return vm_raise(vm, EXC_TypeError, "gather() got an unexpected keyword argument '%s'", name->data);
        int t = vm_truthy(vm, args[nargs + k]);
        if (t < 0)
            return VNULL;
        return_exceptions = t;
    }
    SimFuture *outer = future_new_kind(vm, s->gathering_cls, FK_GATHER);
    Value ov = VOBJ(outer);
    vm_push_root(vm, &ov);
    outer->return_exceptions = return_exceptions;
    outer->children = VOBJ(list_new(vm, (size_t)nargs));
    if (nargs == 0) {
        future_set_result(vm, outer, VOBJ(list_new(vm, 0)));
        vm_pop_root(vm);
        return ov;
    }
    Value done_cb = bound(vm, ov, s->gather_done_fn);
    List *done_now = list_new(vm, 0);
    Value dv = VOBJ(done_now);
    vm_push_root(vm, &dv);
    ArgIndex seen;
    if (!arg_index_init(&seen, nargs)) {
        fputs("loopscope: out of memory\n", stderr);
        abort();
    }
    for (int i = 0; i < nargs; i++) {
        /* CPython keys a dict by the arguments (gather([a, b]) is unhashable);
         * a repeated argument shares its child */
        int64_t h;
        Value fut = VNULL;
        bool repeated = false;
        if (vm_hash(vm, args[i], &h) == 0) {
            int first = arg_index_first(&seen, args, i);
            repeated = first < i;
            fut = repeated ? AS_LIST(outer->children)->items[first] : ensure_future(vm, args[i]);
        }
        if (IS_NULL(fut)) {
            /* CPython has no outer future yet: the children made so far finish unobserved */
            Value err = vm_exc_take(vm);
            future_set_result(vm, outer, VNONE);
            free(seen.slots);
            vm_pop_root(vm);
            vm_pop_root(vm);
            return vm_raise_value(vm, err);
        }
        if (!repeated) {
            outer->nfuts++;
            if (FUT(fut)->state != FUT_PENDING)
                list_append(vm, done_now, fut);
            else
                add_done_callback(vm, FUT(fut), done_cb, VNULL);
        }
        list_append(vm, AS_LIST(outer->children), fut);
    }
    free(seen.slots);
    for (size_t i = 0; i < done_now->len; i++) {
        Value a[2] = { ov, done_now->items[i] };
        gather_child_done(vm, a, 2, NULL);
    }
    vm_pop_root(vm);
    vm_pop_root(vm);
    return ov;
}

/* ---- sleep ---------------------------------------------------------------------- */

static void sleep_mark(VM *vm, Obj *o)
{
    Sleep *z = (Sleep *)o;
    vm_mark_value(vm, z->result);
}

/* The bare yield behind sleep(0): suspends once, for one iteration. */
static int sleep_await_state(VM *vm, Obj *o, Value *out)
{
    (void)vm;
    Sleep *z = (Sleep *)o;
    if (z->state == 0) {
        z->state = 1;
        *out = VNONE;
        return 0;
    }
    *out = z->result;
    return 1;
}

/* what is thrown in comes out of CPython's __sleep0() generator */
static void sleep_await_throw(VM *vm, Obj *o)
{
    (void)o;
    exc_add_ext_frame(vm, vm->exc, &sim_frame_sleep0);
}

static const NativeType sleep_type = {
    .name = "sleep", .mark = sleep_mark, .size = sizeof(Sleep), .await_state = sleep_await_state,
    .await_throw = sleep_await_throw,
};

/* _yield_once(): an awaitable that suspends the task for one iteration (a
 * bare yield), as sleep(0) needs. */
static Value m_yield_once(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (vm_check_nargs(vm, "_yield_once", nargs, kwnames, 0, 0) < 0)
        return VNULL;
    Sleep *z = vm_alloc_obj(vm, sizeof(Sleep), OBJ_NATIVE_DATA, sim_of(vm)->sleep_cls);
    z->hdr.type = &sleep_type;
    z->result = VNONE;
    return VOBJ(z);
}

static Value m_set_result_unless_cancelled(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "_set_result_unless_cancelled", nargs, kwnames, 2, 2) < 0)
        return VNULL;
    if (!is_future(vm, args[0]))
        return vm_raise(vm, EXC_TypeError, "a Future was expected");
    SimFuture *f = FUT(args[0]);
    if (f->state == FUT_PENDING)
        future_set_result(vm, f, args[1]);
    return VNONE;
}

/* ---- for the prelude's C stand-ins (fastpath.c) --------------------------------- */

FastPath *sim_fastpath(VM *vm)
{
    return sim_of(vm)->fast;
}

bool sim_loop_running(VM *vm)
{
    return sim_of(vm)->running;
}

Value sim_future_new_plain(VM *vm)
{
    return VOBJ(future_new(vm, sim_of(vm)->future_cls));
}

Value sim_waiter_new(VM *vm, uint8_t kind, bool aenter, Obj *owner)
{
    SimFuture *f = future_new_kind(vm, sim_of(vm)->future_cls, FK_WAITER);
    f->wait_kind = kind;
    f->wait_aenter = aenter;
    f->wait_owner = owner;
    return VOBJ(f);
}

SimWaiter sim_waiter(Obj *o)
{
    SimFuture *f = (SimFuture *)o;
    return (SimWaiter){ f->wait_kind, f->wait_aenter, f->wait_owner };
}

/* one of the futures' native types (which any subclass shares) */
static inline bool has_future_type(Value v)
{
    if (!IS_KIND(v, OBJ_NATIVE_DATA))
        return false;
    const NativeType *type = ((NativeData *)AS_OBJ(v))->type;
    return type == &future_type || type == &task_or_gather_type || type == &waiter_type;
}

size_t sim_first_pending(Deque *w, size_t from)
{
    size_t i = from;
    while (i < w->len && !(has_future_type(deque_at(w, i)) && FUT(deque_at(w, i))->state == FUT_PENDING))
        i++;
    return i;
}

SimFutState sim_future_state(Value v)
{
    if (!has_future_type(v))
        return SIM_FUT_NONE;
    switch ((FutState)FUT(v)->state) {
    case FUT_PENDING: return SIM_FUT_PENDING;
    case FUT_CANCELLED: return SIM_FUT_CANCELLED;
    case FUT_FINISHED: break;
    }
    return SIM_FUT_FINISHED;
}

void sim_future_set_result(VM *vm, Value fut, Value v)
{
    future_set_result(vm, FUT(fut), v);
}

void sim_future_cancel(VM *vm, Value fut)
{
    future_cancel(vm, FUT(fut), VNONE);
}

int sim_future_outcome(VM *vm, Value fut, Value *out)
{
    return future_result(vm, FUT(fut), out);
}

bool sim_future_failed(Value fut)
{
    return FUT(fut)->state == FUT_FINISHED && FUT(fut)->exc_;
}

bool sim_is_cancelled_error(VM *vm, Value exc)
{
    return vm_isinstance(vm, exc, sim_of(vm)->cancelled_error);
}

/* sleep()'s timer: _set_result_unless_cancelled(fut, result) */
static int sleep_done_cb(VM *vm, SimHandle *h)
{
    if (FUT(h->callback)->state == FUT_PENDING)
        future_set_result(vm, FUT(h->callback), h->args);
    return 0;
}

SimHandle *sim_sleep_timer(VM *vm, double delay, Value fut, Value result)
{
    return sim_call_later_internal(&sim_of(vm)->loop, delay, sleep_done_cb, fut, result);
}

/* ---- the loop: asyncio.run --------------------------------------------------- */

static Value stop_cb(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)args; (void)nargs; (void)kwnames;
    sim_of(vm)->loop.stopping = true;
    return VNONE;
}

/* run_until_complete(fut): iterate until the iteration after fut is done. */
static int run_until_complete(VM *vm, SimFuture *f)
{
    Sim *s = sim_of(vm);
    add_done_callback(vm, f, native_value(vm, "_run_until_complete_cb", stop_cb, NULL), VNULL);
    s->loop.stopping = false;
    for (;;) {
        SimWait w;
        if (sim_run_once(&s->loop, &w) < 0)
            return -1;
        if (s->loop.stopping)
            break;
        if (w == SIM_WAIT_FOREVER && f->state == FUT_PENDING) {
            vm_raise(vm, EXC_RuntimeError,
                     "loopscope: the event loop has nothing left to run and would wait forever "
                     "(every task is waiting on something that nothing will complete)");
            return -1;
        }
    }
    s->loop.stopping = false;
    if (f->state == FUT_PENDING) {
        vm_raise(vm, EXC_RuntimeError, "Event loop stopped before Future completed.");
        return -1;
    }
    return 0;
}

static void cancel_all_tasks(VM *vm)
{
    Sim *s = sim_of(vm);
    List *pending = list_new(vm, s->ntasks);
    Value pv = VOBJ(pending);
    vm_push_root(vm, &pv);
    for (size_t i = 0; i < s->ntasks; i++)
        if (s->tasks[i] && s->tasks[i]->state == FUT_PENDING)
            list_append(vm, pending, VOBJ(s->tasks[i]));
    for (size_t i = 0; i < pending->len; i++)
        task_cancel(vm, FUT(pending->items[i]), VNONE);
    /* gather(*pending, return_exceptions=True), run to completion: iterate
     * until every one of them is done, then one more for the callback */
    for (size_t i = 0; i < pending->len; i++) {
        SimFuture *t = FUT(pending->items[i]);
        while (t->state == FUT_PENDING) {
            SimWait w;
            if (sim_run_once(&s->loop, &w) < 0) {
                vm_print_exception(vm, vm_exc_take(vm));
                break;
            }
            if (w == SIM_WAIT_FOREVER)
                break;
        }
    }
    /* a task that answered its cancellation with another exception: the
     * loop's exception handler reports it */
    for (size_t i = 0; i < pending->len; i++) {
        SimFuture *t = FUT(pending->items[i]);
        if (t->state != FUT_FINISHED || !t->exc_)
            continue;
        t->exc_retrieved = true;
        report(vm, "unhandled exception during asyncio.run() shutdown", "exception", FUT_EXC(t),
               "task", VOBJ(t), VNULL);
    }
    vm_pop_root(vm);
}

/* One of asyncio.run's closing steps: a prelude coroutine run as a task to
 * its end (it takes a task number, as in CPython). The task is made as
 * run_until_complete makes it, by loop.create_task before the loop runs: a
 * task factory the program set sees it. */
static void run_shutdown_task(VM *vm, const char *fn_name)
{
    Sim *s = sim_of(vm);
    Value fn = dict_get_str(s->asyncio->dict, str_intern(vm, fn_name, strlen(fn_name)));
    Value coro = vm_call(vm, fn, NULL, 0, NULL);
    bool running = s->running;
    s->running = false;
    Value t = IS_NULL(coro) ? VNULL : create_task_via_loop(vm, coro, VNULL, VNULL);
    s->running = running;
    if (!IS_NULL(t) && !is_future(vm, t)) {
        Str *r = vm_repr(vm, t);
        t = vm_raise(vm, EXC_TypeError, "the task factory returned %s, not a task", r ? r->data : "?");
    }
    vm_push_root(vm, &t);
    if (IS_NULL(t) || run_until_complete(vm, FUT(t)) < 0)
        vm_print_exception(vm, vm_exc_take(vm));
    vm_pop_root(vm);
}

/* loop.shutdown_default_executor(), run as asyncio.run's last task: the
 * default executor finishes its jobs and its threads end. Without one it
 * is a task that returns at once. */
static void shutdown_default_executor(VM *vm)
{
    run_shutdown_task(vm, "_shutdown_default_executor");
}

/* ---- the loop's life: open, run until complete, shut down, close ---------- */

/* A new event loop becomes the current one (the simulator runs one at a
 * time), with asyncio's async-generator hooks installed. */
/* A new selector loop says which selector it uses on asyncio's logger
 * ("DEBUG:asyncio:Using selector: EpollSelector" under
 * logging.basicConfig(level=logging.DEBUG)): if the program imported logging. */
static void log_selector(VM *vm)
{
    Value logging = dict_get_str(vm->modules, str_intern(vm, "logging", 7));
    if (!IS_KIND(logging, OBJ_MODULE))
        return;
    Value get_logger = dict_get_str(((Module *)AS_OBJ(logging))->dict, str_intern(vm, "getLogger", 9));
    if (IS_NULL(get_logger))
        return;
    Value saved = vm->exc;
    vm->exc = VNULL;
    Value args[2] = { vm_str(vm, "asyncio"), VNULL };
    vm_push_root(vm, &args[0]);
    vm_push_root(vm, &args[1]);
    Value logger = vm_call1(vm, get_logger, args[0]);
    if (!IS_NULL(logger)) {
        vm_push_root(vm, &logger);
        args[0] = vm_str(vm, "Using selector: %s");
        args[1] = vm_str(vm, "EpollSelector");
        vm_call_method(vm, logger, str_intern(vm, "debug", 5), args, 2);
        vm_pop_root(vm);
    }
    vm_pop_root(vm);
    vm_pop_root(vm);
    vm->exc = saved;
}

static Value loop_open(VM *vm)
{
    Sim *s = sim_of(vm);
    s->loop_obj = loop_obj_new(vm);
    s->saved_hooks[0] = vm->agen_firstiter;
    s->saved_hooks[1] = vm->agen_finalizer;
    vm->agen_firstiter = dict_get_str(s->asyncio->dict, str_intern(vm, "_asyncgen_firstiter", 19));
    vm->agen_finalizer = dict_get_str(s->asyncio->dict, str_intern(vm, "_asyncgen_finalizer", 19));
    log_selector(vm);
    return s->loop_obj;
}

/* vm_raise for a call that lets go of the coroutine it was given: CPython
 * frees it, and warns that it was never awaited, when the exception's
 * handler ends (or at exit, if nothing handles it); `frame`, if not NULL,
 * is the asyncio frame CPython's traceback ends in. */
static Value raise_dropping_coro(VM *vm, const ExtFrame *frame, ExcKind exc_kind, const char *msg)
{
    vm_raise(vm, exc_kind, "%s", msg);
    if (IS_EXCEPTION(vm->exc)) {
        AS_OBJ(vm->exc)->flags |= EXC_DROPPED_CORO;
        if (frame)
            exc_add_ext_frame(vm, vm->exc, frame);
    }
    return VNULL;
}

/* loop.run_until_complete(aw): runs the loop until aw is done and returns
 * its result, or raises what it raised, through base_events' frame. */
static Value loop_run(VM *vm, Value aw)
{
    Sim *s = sim_of(vm);
    if (s->running || ((LoopObj *)AS_OBJ(s->loop_obj))->closed)   /* a coroutine refused here is dropped */
        return raise_dropping_coro(vm, NULL, EXC_RuntimeError, s->running ? "This event loop is already running"
                                                                          : "Event loop is closed");
    Value fut = is_future(vm, aw) ? aw : VNULL;
    s->running = true;
    if (IS_NULL(fut))
        fut = ensure_future(vm, aw);
    if (IS_NULL(fut)) {
        s->running = false;
        return VNULL;
    }
    vm_push_root(vm, &fut);
    int rc = run_until_complete(vm, FUT(fut));
    s->running = false;
    s->current_task = VNONE;
    Value out = VNULL;
    if (rc == 0 && future_result(vm, FUT(fut), &out) >= 0) {
        vm_pop_root(vm);
        return out;
    }
    vm_pop_root(vm);
    Value exc = vm_exc_take(vm);
    exc_add_ext_frame(vm, exc, &sim_frame_run_until_complete);
    return vm_raise_value(vm, exc);
}

/* What asyncio.run and Runner.close do before closing the loop: cancel the
 * tasks left, close the async generators, wait for the default executor. */
static void loop_shutdown(VM *vm)
{
    Sim *s = sim_of(vm);
    s->running = true;
    cancel_all_tasks(vm);
    run_shutdown_task(vm, "_shutdown_asyncgens");
    shutdown_default_executor(vm);
    s->running = false;
    s->current_task = VNONE;
}

/* loop.close(): what was queued is dropped; the next loop starts afresh. */
static void loop_close(VM *vm)
{
    Sim *s = sim_of(vm);
    ((LoopObj *)AS_OBJ(s->loop_obj))->closed = true;
    vm->agen_firstiter = s->saved_hooks[0];
    vm->agen_finalizer = s->saved_hooks[1];
    s->saved_hooks[0] = s->saved_hooks[1] = VNULL;
    s->task_factory = VNONE;
    sim_loop_free(&s->loop);
    loop_setup(vm);
}

/* A loop has been made and not closed yet (running or not). */
static bool loop_is_open(const Sim *s)
{
    return IS_OBJ(s->loop_obj) && !((LoopObj *)AS_OBJ(s->loop_obj))->closed;
}

static bool loop_is_current(VM *vm, Value loop)
{
    Sim *s = sim_of(vm);
    return IS_OBJ(s->loop_obj) && AS_OBJ(loop) == AS_OBJ(s->loop_obj);
}

/* asyncio.run(main): a Runner's life in one call. */
static Value m_run(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    static const char *const params[] = { "main", "debug", "loop_factory", NULL };
    Value a[3];
    if (vm_bind_args(vm, "run", args, nargs, kwnames, params, 1, 1, a) < 0)
        return VNULL;
    Sim *s = sim_of(vm);
    if (s->running)
        return raise_dropping_coro(vm, &sim_frame_run_nested, EXC_RuntimeError,
                                   "asyncio.run() cannot be called from a running event loop");
    if (!IS_GEN(a[0]) || AS_GEN(a[0])->gkind != GEN_COROUTINE) {
        Str *r = vm_repr(vm, a[0]);
        return vm_raise(vm, EXC_ValueError, "a coroutine was expected, got %s", r ? r->data : "?");
    }
    s->set_loop = loop_open(vm);
    s->set_called = true;
    if (!IS_NULL(a[1]) && !IS_NONE(a[1])) {
        int dbg = vm_truthy(vm, a[1]);
        if (dbg < 0)
            return VNULL;
        ((LoopObj *)AS_OBJ(s->loop_obj))->debug = dbg;
    }
    Value main_task = task_new(vm, a[0], VNULL);
    vm_push_root(vm, &main_task);
    Value out = IS_NULL(main_task) ? VNULL : loop_run(vm, main_task);
    Value exc = IS_NULL(out) ? vm_exc_take(vm) : VNULL;
    vm_push_root(vm, &out);
    vm_push_root(vm, &exc);
    /* it escaped runner.run -> run_until_complete: CPython shows those
     * frames, which it has by the time the loop shuts down */
    if (!IS_NULL(exc)) {
        exc_add_ext_frame(vm, exc, &sim_frame_runner_run);
        exc_add_ext_frame(vm, exc, &sim_frame_asyncio_run);
    }
    /* CPython's Runner.__exit__ shuts the loop down while handling what
     * escaped main: the cancellations chain to it (__context__) */
    Frame *caller = vm->frame;
    Obj *was_handled = caller ? caller->handled : NULL;
    if (caller && IS_EXCEPTION(exc))
        caller->handled = AS_OBJ(exc);
    loop_shutdown(vm);
    if (caller)
        caller->handled = was_handled;
    s->set_loop = VNONE;
    loop_close(vm);
    vm_pop_root(vm);
    vm_pop_root(vm);
    vm_pop_root(vm);
    return IS_NULL(exc) ? out : vm_raise_value(vm, exc);
}

/* asyncio.iscoroutinefunction(f): an `async def` function (or a method of one). */
static Value m_iscoroutinefunction(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "iscoroutinefunction", n, k, 1, 1) < 0)
        return VNULL;
    /* what inspect's unwraps: methods and functools.partial objects */
    Value f = a[0];
    for (;;) {
        if (IS_KIND(f, OBJ_BOUND_METHOD)) {
            f = ((BoundMethod *)AS_OBJ(f))->func;
            continue;
        }
        const Class *c = IS_OBJ(f) ? AS_OBJ(f)->cls : NULL;
        if (IS_KIND(f, OBJ_INSTANCE) && c && strcmp(c->name->data, "partial") == 0 &&
            strcmp(c->module->data, "functools") == 0) {
            Value inner = dict_get_str(((Instance *)AS_OBJ(f))->dict, str_intern(vm, "func", 4));
            if (!IS_NULL(inner)) {
                f = inner;
                continue;
            }
        }
        break;
    }
    return VBOOL(IS_FUNCTION(f) && (AS_FUNCTION(f)->code->proto->flags & PROTO_COROUTINE));
}

/* The loop's weak set of async generators (see sim_weak). */
static Value m_asyncgens_add(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "_asyncgens_add", n, k, 1, 1) < 0 || !IS_OBJ(a[0]))
        return VNULL;
    Sim *s = sim_of(vm);
    if (s->nagens == s->cap_agens) {
        size_t ncap = s->cap_agens ? s->cap_agens * 2 : 16;
        Obj **na = realloc(s->agens, ncap * sizeof *na);
        if (!na) {
            fputs("loopscope: out of memory\n", stderr);
            abort();
        }
        s->agens = na;
        s->cap_agens = ncap;
    }
    s->agens[s->nagens++] = AS_OBJ(a[0]);
    return VNONE;
}

static Value m_asyncgens_forget(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "_asyncgens_forget", n, k, 1, 1) < 0)
        return VNULL;
    Sim *s = sim_of(vm);
    for (size_t i = 0; i < s->nagens; i++)
        if (IS_OBJ(a[0]) && s->agens[i] == AS_OBJ(a[0]))
            s->agens[i] = NULL;
    return VNONE;
}

/* shutdown_asyncgens(): the generators still alive, in the order they
 * started; the set is emptied */
static Value m_asyncgens_take(VM *vm, Value *a, int n, Tuple *k)
{
    (void)a;
    if (vm_check_nargs(vm, "_asyncgens_take", n, k, 0, 0) < 0)
        return VNULL;
    Sim *s = sim_of(vm);
    List *l = list_new(vm, s->nagens);
    for (size_t i = 0; i < s->nagens; i++)
        if (s->agens[i])
            list_append(vm, l, VOBJ(s->agens[i]));
    s->nagens = 0;
    return VOBJ(l);
}

static Value m_new_event_loop(VM *vm, Value *a, int n, Tuple *k)
{
    (void)a;
    if (vm_check_nargs(vm, "new_event_loop", n, k, 0, 0) < 0)
        return VNULL;
    Sim *s = sim_of(vm);
    if (s->running || loop_is_open(s))
        return vm_raise(vm, EXC_RuntimeError,
                        "loopscope runs one event loop at a time: close the other one first");
    return loop_open(vm);
}

/* get_event_loop(): the running loop, else the current one, else (with
 * CPython 3.12's DeprecationWarning) a new one. */
static Value m_get_event_loop(VM *vm, Value *a, int n, Tuple *k)
{
    (void)a;
    if (vm_check_nargs(vm, "get_event_loop", n, k, 0, 0) < 0)
        return VNULL;
    Sim *s = sim_of(vm);
    if (s->running)
        return s->loop_obj;
    if (IS_OBJ(s->set_loop))
        return s->set_loop;
    if (s->set_called)
        return vm_raise(vm, EXC_RuntimeError, "There is no current event loop in thread 'MainThread'.");
    if (loop_is_open(s))
        return vm_raise(vm, EXC_RuntimeError,
                        "loopscope runs one event loop at a time: close the other one first");
    vm_warn(vm, "DeprecationWarning", "There is no current event loop", false);
    s->set_loop = loop_open(vm);
    s->set_called = true;
    return s->set_loop;
}

static Value m_set_event_loop(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "set_event_loop", n, k, 1, 1) < 0)
        return VNULL;
    if (!IS_NONE(a[0]) && !loop_is_current(vm, a[0]))
        return vm_raise(vm, EXC_RuntimeError, "loopscope runs one event loop at a time");
    Sim *s = sim_of(vm);
    s->set_loop = a[0];
    s->set_called = true;
    return VNONE;
}

/* loop.run_forever(): iterations until stop() is called. */
static Value loop_run_forever(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "run_forever", n - 1, k, 0, 0) < 0)
        return VNULL;
    Sim *s = sim_of(vm);
    if (!loop_is_current(vm, a[0]) || ((LoopObj *)AS_OBJ(a[0]))->closed)
        return vm_raise(vm, EXC_RuntimeError, "Event loop is closed");
    if (s->running)
        return vm_raise(vm, EXC_RuntimeError, "This event loop is already running");
    s->running = true;
    int rc = 0;
    for (;;) {
        SimWait w;
        if ((rc = sim_run_once(&s->loop, &w)) < 0)
            break;
        if (s->loop.stopping)
            break;
        if (w == SIM_WAIT_FOREVER) {
            vm_raise(vm, EXC_RuntimeError,
                     "loopscope: the event loop has nothing left to run and nothing calls loop.stop(): "
                     "run_forever() would wait forever");
            rc = -1;
            break;
        }
    }
    s->loop.stopping = false;
    s->running = false;
    s->current_task = VNONE;
    return rc < 0 ? VNULL : VNONE;
}

/* loop.stop(): the loop finishes the iteration it is in, then returns. */
static Value loop_stop(VM *vm, Value *a, int n, Tuple *k)
{
    (void)a;
    if (vm_check_nargs(vm, "stop", n - 1, k, 0, 0) < 0)
        return VNULL;
    sim_of(vm)->loop.stopping = true;
    return VNONE;
}

static Value loop_set_exception_handler(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "set_exception_handler", n - 1, k, 1, 1) < 0)
        return VNULL;
    if (!IS_NONE(a[1]) && !vm_is_callable(vm, a[1])) {
        Str *r = vm_repr(vm, a[1]);
        return r ? vm_raise(vm, EXC_TypeError, "A callable object or None is expected, got %s", r->data) : VNULL;
    }
    ((LoopObj *)AS_OBJ(a[0]))->exc_handler = a[1];
    return VNONE;
}

static Value loop_get_exception_handler(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "get_exception_handler", n - 1, k, 0, 0) < 0)
        return VNULL;
    Value h = ((LoopObj *)AS_OBJ(a[0]))->exc_handler;
    return IS_NULL(h) ? VNONE : h;
}

static Value loop_call_exception_handler(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "call_exception_handler", n - 1, k, 1, 1) < 0)
        return VNULL;
    if (!IS_DICT(a[1]))
        return vm_raise(vm, EXC_TypeError, "the context must be a dict");
    call_exception_handler(vm, AS_DICT(a[1]), VNULL);
    return VNONE;
}

static Value loop_default_exception_handler(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "default_exception_handler", n - 1, k, 1, 1) < 0)
        return VNULL;
    if (!IS_DICT(a[1]))
        return vm_raise(vm, EXC_TypeError, "the context must be a dict");
    default_exception_handler(vm, AS_DICT(a[1]));
    return VNONE;
}

static Value loop_run_until_complete(VM *vm, Value *a, int n, Tuple *k)
{
    static const char *const params[] = { "future", NULL };
    Value p[1];
    if (vm_bind_args_py(vm, "BaseEventLoop.run_until_complete", 1, a + 1, n - 1, k, params, 1, 1, p) < 0)
        return VNULL;
    a[1] = p[0];
    if (!loop_is_current(vm, a[0]))
        return raise_dropping_coro(vm, NULL, EXC_RuntimeError, "Event loop is closed");
    return loop_run(vm, a[1]);
}

static Value loop_close_m(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "close", n - 1, k, 0, 0) < 0)
        return VNULL;
    Sim *s = sim_of(vm);
    if (!loop_is_current(vm, a[0]) || ((LoopObj *)AS_OBJ(a[0]))->closed)
        return VNONE;
    if (s->running)
        return vm_raise(vm, EXC_RuntimeError, "Cannot close a running event loop");
    loop_close(vm);
    return VNONE;
}

/* Runner.close()'s part before loop.close() */
static Value m_loop_shutdown(VM *vm, Value *a, int n, Tuple *k)
{
    (void)a;
    if (vm_check_nargs(vm, "_loop_shutdown", n, k, 0, 0) < 0)
        return VNULL;
    Sim *s = sim_of(vm);
    if (loop_is_open(s) && !s->running)
        loop_shutdown(vm);
    return VNONE;
}

/* asyncio.create_task(coro, name=, context=) once its arguments are bound
 * (name and context VNULL or None when not given) */
static Value create_task_named(VM *vm, Value coro, Value name, Value ctx)
{
    if (!sim_of(vm)->running)
        return raise_dropping_coro(vm, &sim_frame_create_task, EXC_RuntimeError, "no running event loop");
    /* created unnamed, then renamed: the number is used all the same */
    Value t = create_task_via_loop(vm, coro, VNULL, ctx);
    if (!IS_NULL(t) && !IS_NULL(name) && !IS_NONE(name)) {
        Value r = vm_call_method(vm, t, str_intern(vm, "set_name", 8), &name, 1);
        if (IS_NULL(r))
            return VNULL;
    }
    return t;
}

static Value m_create_task(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    static const char *const params[] = { "coro", "name", "context", NULL };
    Value a[3];
    if (vm_bind_args(vm, "create_task", args, nargs, kwnames, params, 1, 1, a) < 0)
        return VNULL;
    return create_task_named(vm, a[0], a[1], a[2]);
}

Value sim_create_task(VM *vm, Value coro)
{
    return create_task_named(vm, coro, VNULL, VNONE);
}

int sim_task_add_done_callback(VM *vm, Value task, Value fn)
{
    if (!IS_KIND(task, OBJ_NATIVE_DATA) || AS_OBJ(task)->cls != sim_of(vm)->task_cls)
        return 0;
    Value ctx = sim_ctx_capture(vm);
    vm_push_root(vm, &ctx);
    int r = add_done_callback(vm, FUT(task), fn, ctx);
    vm_pop_root(vm);
    return r < 0 ? -1 : 1;
}

static Value m_get_running_loop(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (vm_check_nargs(vm, "get_running_loop", nargs, kwnames, 0, 0) < 0)
        return VNULL;
    if (!sim_of(vm)->running)
        return vm_raise(vm, EXC_RuntimeError, "no running event loop");
    return sim_of(vm)->loop_obj;
}

static Value m_all_tasks(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "all_tasks", nargs, kwnames, 0, 1) < 0)
        return VNULL;
    Sim *s = sim_of(vm);
    /* all_tasks(loop): that loop's, running or not; the one loop open at a
     * time has them all, a closed one none */
    bool given = nargs == 1 && !IS_NONE(args[0]);
    if (!given && !s->running)
        return vm_raise(vm, EXC_RuntimeError, "no running event loop");
    bool ours = !given || (IS_OBJ(args[0]) && IS_OBJ(s->loop_obj) && AS_OBJ(args[0]) == AS_OBJ(s->loop_obj));
    Set *out = set_new(vm, TYPE(vm, set));
    Value ov = VOBJ(out);
    vm_push_root(vm, &ov);
    for (size_t i = 0; ours && i < s->ntasks; i++)
        if (s->tasks[i] && s->tasks[i]->state == FUT_PENDING && set_add(vm, out, VOBJ(s->tasks[i])) < 0) {
            vm_pop_root(vm);
            return VNULL;
        }
    vm_pop_root(vm);
    return ov;
}

static Value m_ensure_future(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "ensure_future", nargs, kwnames, 1, 1) < 0)
        return VNULL;
    return ensure_future(vm, args[0]);
}

static Value m_current_task(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (vm_check_nargs(vm, "current_task", nargs, kwnames, 0, 1) < 0)
        return VNULL;
    if (!sim_of(vm)->running)
        return vm_raise(vm, EXC_RuntimeError, "no running event loop");
    return sim_of(vm)->current_task;
}

/* ---- methods --------------------------------------------------------------------- */

static Value fm_done(VM *vm, Value *a, int n, Tuple *k) { (void)vm; (void)n; (void)k; return VBOOL(FUT(a[0])->state != FUT_PENDING); }
static Value fm_cancelled(VM *vm, Value *a, int n, Tuple *k) { (void)vm; (void)n; (void)k; return VBOOL(FUT(a[0])->state == FUT_CANCELLED); }

static Value fm_result(VM *vm, Value *a, int n, Tuple *k)
{
    (void)n; (void)k;
    Value out;
    return future_result(vm, FUT(a[0]), &out) < 0 ? VNULL : out;
}

static Value fm_exception(VM *vm, Value *a, int n, Tuple *k)
{
    (void)n; (void)k;
    SimFuture *f = FUT(a[0]);
    if (f->state == FUT_CANCELLED)
        return vm_raise_value(vm, make_cancelled_error(vm, f));
    if (f->state == FUT_PENDING)
        return vm_raise_value(vm, exc_new(vm, sim_of(vm)->invalid_state_error,
                                          msg_args(vm, "Exception is not set.")));
    f->exc_retrieved = true;
    return !f->exc_ ? VNONE : FUT_EXC(f);
}

static Value fm_cancel(VM *vm, Value *a, int n, Tuple *k)
{
    static const char *const params[] = { "msg", NULL };
    Value msg;
    if (vm_bind_args(vm, "cancel", a + 1, n - 1, k, params, 0, 1, &msg) < 0)
        return VNULL;
    if (IS_NULL(msg))
        msg = VNONE;
    return VBOOL(any_cancel(vm, FUT(a[0]), msg));
}

static Value invalid_state(VM *vm)
{
    return vm_raise_value(vm, exc_new(vm, sim_of(vm)->invalid_state_error,
                                      msg_args(vm, "invalid state")));
}

static Value fm_set_result(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "set_result", n - 1, k, 1, 1) < 0)
        return VNULL;
    if (FUT(a[0])->state != FUT_PENDING)
        return invalid_state(vm);
    future_set_result(vm, FUT(a[0]), a[1]);
    return VNONE;
}

static Value fm_set_exception(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "set_exception", n - 1, k, 1, 1) < 0)
        return VNULL;
    if (FUT(a[0])->state != FUT_PENDING)
        return invalid_state(vm);
    Value e = a[1];
    if (IS_CLASS(e)) {
        e = vm_call0(vm, e);
        if (IS_NULL(e))
            return VNULL;
    }
    if (!IS_EXCEPTION(e))
        return vm_raise(vm, EXC_TypeError, "invalid exception object");
    if (vm_isinstance(vm, e, EXC_TYPE(vm, StopIteration)))
        return vm_raise(vm, EXC_TypeError, "StopIteration interacts badly with generators and cannot be raised into a Future");
    future_set_exception(vm, FUT(a[0]), e);
    return VNONE;
}

static Value fm_add_done_callback(VM *vm, Value *a, int n, Tuple *k)
{
    static const char *const params[] = { "fn", "context", NULL };
    Value p[2];
    if (vm_bind_args(vm, "add_done_callback", a + 1, n - 1, k, params, 1, 1, p) < 0)
        return VNULL;
    /* it runs in context=, or in a copy of the context current now */
    Value ctx = p[1];
    if (IS_NULL(ctx) || IS_NONE(ctx))
        ctx = sim_ctx_capture(vm);
    else if (!sim_ctx_is_context(ctx))
        return vm_raise(vm, EXC_TypeError, "an instance of Context was expected");
    vm_push_root(vm, &ctx);
    int r = add_done_callback(vm, FUT(a[0]), p[0], ctx);
    vm_pop_root(vm);
    return r < 0 ? VNULL : VNONE;
}

static Value fm_remove_done_callback(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "remove_done_callback", n - 1, k, 1, 1) < 0)
        return VNULL;
    SimFuture *f = FUT(a[0]);
    int64_t removed = 0;
    if (f->cbs_ && !f->cb_many && !f->cb_wakeup) {
        /* the one callback, inline */
        int eq = vm_eq(vm, cb_fn(FUT_CBS(f)), a[1]);
        if (eq < 0)
            return VNULL;
        if (eq) {
            f->cbs_ = NULL;
            removed = 1;
        }
    } else if (f->cb_many) {
        List *l = (List *)f->cbs_;
        size_t w = 0;
        for (size_t r = 0; r < l->len; r++) {
            int eq = vm_eq(vm, cb_fn(l->items[r]), a[1]);
            if (eq < 0)
                return VNULL;
            if (eq)
                removed++;
            else
                l->items[w++] = l->items[r];
        }
        l->len = w;
    }
    return VINT(removed);
}

static Value fm_get_loop(VM *vm, Value *a, int n, Tuple *k) { (void)a; (void)n; (void)k; return sim_of(vm)->loop_obj; }

static Value tm_get_name(VM *vm, Value *a, int n, Tuple *k) { (void)n; (void)k; return VOBJ(task_name(vm, FUT(a[0]))); }

static Value tm_set_name(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "set_name", n - 1, k, 1, 1) < 0)
        return VNULL;
    Str *s = vm_to_str(vm, a[1]);
    if (!s)
        return VNULL;
    FUT(a[0])->name_ = (Obj *)s;
    sim_trace(vm, TR_TASK_RENAME, FUT(a[0]), 0, 0, 0, s->data, NULL);
    return VNONE;
}

/* Task.get_context(): its context, made now if it was still empty */
static Value tm_get_context(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "get_context", n - 1, k, 0, 0) < 0)
        return VNULL;
    Value ctx = value_or_null(FUT(a[0])->ctx_);
    Value r = sim_ctx_object(vm, &ctx);
    FUT(a[0])->ctx_ = obj_or_null(ctx);
    return r;
}

/* Task.get_stack(*, limit=None): the frame of its coroutine while it has
 * one (CPython's suspended frames have no f_back: one frame), else the
 * frames its exception's traceback went through, outermost first */
static Value task_stack(VM *vm, SimFuture *t, Value limitv)
{
    int64_t limit = -1;
    if (!IS_NULL(limitv) && !IS_NONE(limitv)) {
        if (!IS_INT(limitv))
            return vm_raise(vm, EXC_TypeError, "'<=' not supported between instances of '%s' and 'int'",
                            vm_type_name(vm, limitv));
        limit = limitv.as.i < 0 ? 0 : limitv.as.i;
    }
    List *frames = list_new(vm, 0);
    Value fl = VOBJ(frames);
    vm_push_root(vm, &fl);
    if (IS_GEN(TASK_CORO(t)) && AS_GEN(TASK_CORO(t))->frame) {
        if (limit != 0) {
            Gen *g = AS_GEN(TASK_CORO(t));
            list_append(vm, frames, vm_frame_object(vm, TASK_CORO(t), g->frame->code, g->firstline));
        }
    } else if (t->state == FUT_FINISHED && t->exc_) {
        Exception *e = AS_EXC(FUT_EXC(t));
        for (uint32_t i = e->ntb; i-- > 0 && limit != 0;) {   /* tb[] holds the innermost first */
            if (!tb_code(&e->tb[i]) || tb_code(&e->tb[i])->hidden)
                continue;
            list_append(vm, frames, vm_frame_object(vm, VNULL, tb_code(&e->tb[i]),
                                                    code_line_at(tb_code(&e->tb[i]), e->tb[i].instr)));
            if (limit > 0)
                limit--;
        }
    }
    vm_pop_root(vm);
    return fl;
}

static Value tm_get_stack(VM *vm, Value *a, int n, Tuple *k)
{
    static const char *const params[] = { "limit", NULL };
    Value p[1];
    if (vm_bind_args(vm, "get_stack", a + 1, n - 1, k, params, 0, 0, p) < 0)
        return VNULL;
    return task_stack(vm, FUT(a[0]), p[0]);
}

/* text to file (None: to stdout, or with to_err to stderr), as print() and
 * traceback.print_list() write */
static int write_to(VM *vm, Value file, bool to_err, const char *text, size_t len)
{
    if (IS_NULL(file) || IS_NONE(file)) {
        if (to_err)
            vm_write_err(vm, text, len);
        else
            vm_write_out(vm, text, len);
        return 0;
    }
    Value sv = VOBJ(str_new(vm, text, len));
    vm_push_root(vm, &sv);
    Value r = vm_call_method(vm, file, str_intern(vm, "write", 5), &sv, 1);
    vm_pop_root(vm);
    return IS_NULL(r) ? -1 : 0;
}

/* Task.print_stack(*, limit=None, file=None): the header and the
 * exception go where print() would (stdout), the frames where
 * traceback.print_list() would (stderr), unless file= is given */
static Value tm_print_stack(VM *vm, Value *a, int n, Tuple *k)
{
    static const char *const params[] = { "limit", "file", NULL };
    Value p[2];
    if (vm_bind_args(vm, "print_stack", a + 1, n - 1, k, params, 0, 0, p) < 0)
        return VNULL;
    SimFuture *t = FUT(a[0]);
    Value frames = task_stack(vm, t, p[0]);
    if (IS_NULL(frames))
        return VNULL;
    vm_push_root(vm, &frames);
    List *fl = AS_LIST(frames);
    Value exc = t->state == FUT_FINISHED ? FUT_EXC(t) : VNULL;
    Str *r = future_repr(vm, t);
    NfBuf b;
    nf_buf_init(&b);
    put_str(&b, fl->len == 0 ? "No stack for " : !IS_NULL(exc) ? "Traceback for " : "Stack for ");
    if (r)
        nf_buf_append(&b, r->data, r->len);
    put_str(&b, fl->len == 0 ? "\n" : " (most recent call last):\n");
    int rc = write_to(vm, p[1], false, b.data, b.len);
    for (size_t i = 0; rc == 0 && i < fl->len; i++) {
        Value fline = vm_getattr(vm, fl->items[i], str_intern(vm, "f_lineno", 8));
        Value fcode = vm_getattr(vm, fl->items[i], str_intern(vm, "f_code", 6));
        if (!IS_INT(fline) || IS_NULL(fcode)) {
            rc = -1;
            break;
        }
        Code *code = (Code *)AS_OBJ(fcode);
        char head[512];
        snprintf(head, sizeof head, "  File \"%s\", line %lld, in %s\n", vm->cfg.filename,
                 (long long)fline.as.i, code->name->data);
        b.len = 0;
        put_str(&b, head);
        const char *src;
        size_t len;
        if (vm_source_line(vm, (int)fline.as.i, &src, &len)) {
            while (len && (*src == ' ' || *src == '\t'))
                src++, len--;
            while (len && (src[len - 1] == ' ' || src[len - 1] == '\t' || src[len - 1] == '\r'))
                len--;
            if (len) {
                put_str(&b, "    ");
                nf_buf_append(&b, src, len);
                put_str(&b, "\n");
            }
        }
        rc = write_to(vm, p[1], true, b.data, b.len);
    }
    if (rc == 0 && fl->len > 0 && !IS_NULL(exc)) {
        VmReportOptions opt = { .what = VM_REPORT_ONLY, .top = exc };
        List *lines = vm_format_exception(vm, exc, &opt);
        for (size_t i = 0; rc == 0 && lines && i < lines->len; i++)
            rc = write_to(vm, p[1], false, AS_STR(lines->items[i])->data, AS_STR(lines->items[i])->len);
    }
    nf_buf_free(&b);
    vm_pop_root(vm);
    return rc < 0 ? VNULL : VNONE;
}

static Value tm_get_coro(VM *vm, Value *a, int n, Tuple *k) { (void)vm; (void)n; (void)k; return TASK_CORO(FUT(a[0])); }
static Value tm_cancelling(VM *vm, Value *a, int n, Tuple *k) { (void)vm; (void)n; (void)k; return VINT(FUT(a[0])->cancels_requested); }

static Value tm_uncancel(VM *vm, Value *a, int n, Tuple *k)
{
    (void)vm; (void)n; (void)k;
    SimFuture *t = FUT(a[0]);
    if (t->cancels_requested > 0)
        t->cancels_requested--;
    return VINT(t->cancels_requested);
}

static const char *state_name(SimFuture *f)
{
    if (f->state == FUT_CANCELLED)
        return "cancelled";
    if (f->state == FUT_FINISHED)
        return "finished";
    if (f->is_task && f->cancels_requested > 0)
        return "cancelling";
    return "pending";
}

/* reprlib.repr, which Future reprs use for results (reprlib.Repr's
 * defaults): chosen by the name of the value's type; containers show their
 * first few items ("[1, 2, 3, 4, 5, 6, ...]"), sets and dicts sorted when
 * they can be, six levels deep; a long str, int or any other repr keeps its
 * two ends around "...". */
enum { REPR_LEVELS = 6, REPR_ITEMS = 6, REPR_DICT_ITEMS = 4, REPR_STRING = 30, REPR_LONG = 40, REPR_OTHER = 30 };

static void put_str(NfBuf *b, const char *s) { nf_buf_append(b, s, strlen(s)); }

/* text as its first and last characters around "...", limit in all;
 * with only_long, text no longer than that is kept whole */
static void put_cut(NfBuf *b, const char *s, size_t len, size_t limit, bool only_long)
{
    size_t n = nf_utf8_count(s, len);
    if (only_long && n <= limit) {
        nf_buf_append(b, s, len);
        return;
    }
    size_t head = (limit - 3) / 2, tail = limit - 3 - head;
    nf_buf_append(b, s, nf_utf8_offset(s, len, head < n ? head : n));
    put_str(b, "...");
    size_t from = nf_utf8_offset(s, len, n > tail ? n - tail : 0);
    nf_buf_append(b, s + from, len - from);
}

/* sorted(x), or list(x) if its items do not sort; VNULL if it raised */
static Value possibly_sorted(VM *vm, Value x)
{
    Value sorted = dict_get_str(vm->builtins, str_intern(vm, "sorted", 6));
    Value r = IS_NULL(sorted) ? VNULL : vm_call1(vm, sorted, x);
    if (!IS_NULL(r))
        return r;
    vm->exc = VNULL;
    Value list = dict_get_str(vm->builtins, str_intern(vm, "list", 4));
    return IS_NULL(list) ? VNULL : vm_call1(vm, list, x);
}

static void put_reprlib(VM *vm, NfBuf *b, Value v, int level);

static void put_reprlib_items(VM *vm, NfBuf *b, Value v, int level, const char *left, const char *right,
                              bool tuple, bool sort)
{
    Value items = sort ? possibly_sorted(vm, v) : v;
    Value lenv = IS_NULL(items) ? VNULL : vm_len(vm, items);
    if (!IS_INT(lenv)) {
        vm->exc = VNULL;
        return;
    }
    int64_t n = lenv.as.i;
    vm_push_root(vm, &items);
    put_str(b, left);
    if (level <= 0 && n > 0) {
        put_str(b, "...");
    } else {
        Value it = vm_iter(vm, items), x;
        vm_push_root(vm, &it);
        for (int i = 0; i < REPR_ITEMS && !IS_NULL(it) && vm_next(vm, it, &x) == 1; i++) {
            if (i)
                put_str(b, ", ");
            vm_push_root(vm, &x);
            put_reprlib(vm, b, x, level - 1);
            vm_pop_root(vm);
        }
        vm_pop_root(vm);
        vm->exc = VNULL;
        if (n > REPR_ITEMS)
            put_str(b, ", ...");
        if (n == 1 && tuple)
            put_str(b, ",");
    }
    put_str(b, right);
    vm_pop_root(vm);
}

static void put_reprlib_dict(VM *vm, NfBuf *b, Value d, int level)
{
    Value keys = possibly_sorted(vm, d);
    if (!IS_LIST(keys)) {
        vm->exc = VNULL;
        return;
    }
    vm_push_root(vm, &keys);
    List *l = AS_LIST(keys);
    if (l->len == 0) {
        put_str(b, "{}");
    } else if (level <= 0) {
        put_str(b, "{...}");
    } else {
        put_str(b, "{");
        for (size_t i = 0; i < l->len && i < REPR_DICT_ITEMS; i++) {
            if (i)
                put_str(b, ", ");
            put_reprlib(vm, b, l->items[i], level - 1);
            put_str(b, ": ");
            Value val = vm_getitem(vm, d, l->items[i]);
            vm_push_root(vm, &val);
            if (!IS_NULL(val))
                put_reprlib(vm, b, val, level - 1);
            vm->exc = VNULL;
            vm_pop_root(vm);
        }
        if (l->len > REPR_DICT_ITEMS)
            put_str(b, ", ...");
        put_str(b, "}");
    }
    vm_pop_root(vm);
}

/* repr(x[:30]) if that is short enough, else the repr of x's two ends,
 * itself cut around "..." (reprlib.Repr.repr_str) */
static void put_reprlib_str(VM *vm, NfBuf *b, Str *x)
{
    size_t n = nf_utf8_count(x->data, x->len);
    size_t cut = nf_utf8_offset(x->data, x->len, n < REPR_STRING ? n : REPR_STRING);
    Str *r = vm_repr(vm, VOBJ(str_new(vm, x->data, cut)));
    if (r && nf_utf8_count(r->data, r->len) <= REPR_STRING) {
        nf_buf_append(b, r->data, r->len);
        return;
    }
    size_t head = (REPR_STRING - 3) / 2, tail = REPR_STRING - 3 - head;
    size_t h = nf_utf8_offset(x->data, x->len, head < n ? head : n);
    size_t f = nf_utf8_offset(x->data, x->len, n > tail ? n - tail : 0);
    if (f < h)
        f = h;
    char *ends = malloc(h + (x->len - f) + 1);
    if (!ends)
        return;
    memcpy(ends, x->data, h);
    memcpy(ends + h, x->data + f, x->len - f);
    r = vm_repr(vm, VOBJ(str_new(vm, ends, h + (x->len - f))));
    free(ends);
    if (!r) {
        vm->exc = VNULL;
        return;
    }
    put_cut(b, r->data, r->len, REPR_STRING, false);   /* cut again, whatever its length */
}

static void put_reprlib(VM *vm, NfBuf *b, Value v, int level)
{
    const char *t = vm_type_name(vm, v);
    bool set = strcmp(t, "set") == 0, fset = strcmp(t, "frozenset") == 0;
    if (strcmp(t, "tuple") == 0) {
        put_reprlib_items(vm, b, v, level, "(", ")", true, false);
    } else if (strcmp(t, "list") == 0) {
        put_reprlib_items(vm, b, v, level, "[", "]", false, false);
    } else if (strcmp(t, "deque") == 0) {
        put_reprlib_items(vm, b, v, level, "deque([", "])", false, false);
    } else if (set || fset) {
        Value n = vm_len(vm, v);
        if (IS_INT(n) && n.as.i == 0)
            put_str(b, set ? "set()" : "frozenset()");
        else
            put_reprlib_items(vm, b, v, level, set ? "{" : "frozenset({", set ? "}" : "})", false, true);
    } else if (strcmp(t, "dict") == 0) {
        put_reprlib_dict(vm, b, v, level);
    } else if (strcmp(t, "str") == 0 && IS_STR(v)) {
        put_reprlib_str(vm, b, AS_STR(v));
    } else {
        Str *r = vm_repr(vm, v);
        if (!r) {
            vm->exc = VNULL;
            return;
        }
        put_cut(b, r->data, r->len, strcmp(t, "int") == 0 ? REPR_LONG : REPR_OTHER, true);
    }
    vm->exc = VNULL;
}

static void put_short_repr(VM *vm, NfBuf *b, Value v) { put_reprlib(vm, b, v, REPR_LEVELS); }


/* Where CPython's own asyncio functions live, for reprs and tracebacks that
 * name them (see sim_stdlib_file). */
static void put_stdlib_place(VM *vm, NfBuf *b, const char *file, int line)
{
    char tail[96];
    snprintf(tail, sizeof tail, "/%s:%d", file, line);
    put_str(b, sim_stdlib_dir(vm));
    put_str(b, tail);
}

/* One done-callback as asyncio's reprs name it: a Python function with its
 * place, the task's wake-up as CPython's C method, our own natives as the
 * asyncio functions they stand for. */
static void put_callback(VM *vm, NfBuf *b, Value cb)
{
    Value fn = cb;
    if (IS_KIND(cb, OBJ_BOUND_METHOD))
        fn = ((BoundMethod *)AS_OBJ(cb))->func;
    if (IS_FUNCTION(fn)) {
        Function *f = AS_FUNCTION(fn);
        char line[16];
        put_str(b, f->qualname->data);
        put_str(b, "() at ");
        /* one of asyncio's own: where CPython's library defines it */
        const ExtFrame *x = f->code->hidden ? ext_frame_at(vm, f->code->hidden, f->code->proto->firstline) : NULL;
        if (x) {
            put_stdlib_place(vm, b, x->file, x->line);
            return;
        }
        put_str(b, vm->cfg.filename);
        snprintf(line, sizeof line, ":%d", f->code->proto->firstline);
        put_str(b, line);
        return;
    }
    if (IS_NATIVE(fn)) {
        const char *name = AS_NATIVE(fn)->name;
        if (strcmp(name, "_Task__wakeup") == 0) {   /* named after the task's class, as CPython's */
            Value task = IS_KIND(cb, OBJ_BOUND_METHOD) ? ((BoundMethod *)AS_OBJ(cb))->self : VNULL;
            put_str(b, IS_NULL(task) ? "Task" : vm_type_name(vm, task));
            put_str(b, ".task_wakeup()");
        } else if (strcmp(name, "_run_until_complete_cb") == 0) {
            put_str(b, "_run_until_complete_cb() at ");
            put_stdlib_place(vm, b, "asyncio/base_events.py", 180);
        } else if (strcmp(name, "_gather_child_done") == 0) {
            put_str(b, "gather.<locals>._done_callback() at ");
            put_stdlib_place(vm, b, "asyncio/tasks.py", 764);
        } else {
            put_str(b, name);
            put_str(b, "()");
        }
        return;
    }
    Str *r = vm_repr(vm, cb);
    if (r)
        nf_buf_append(b, r->data, r->len);
    vm->exc = VNULL;
}

/* cb=[a, b], or cb=[first, <N more>, last] past two */
static void put_callbacks(VM *vm, NfBuf *b, SimFuture *f)
{
    size_t n = callback_count(f);
    if (n == 0)
        return;
    put_str(b, " cb=[");
    put_callback(vm, b, callback_at(vm, f, 0));
    if (n == 2) {
        put_str(b, ", ");
        put_callback(vm, b, callback_at(vm, f, 1));
    } else if (n > 2) {
        char more[48];
        snprintf(more, sizeof more, ", <%zu more>, ", n - 2);
        put_str(b, more);
        put_callback(vm, b, callback_at(vm, f, n - 1));
    }
    put_str(b, "]");
}

/* A coroutine as asyncio names it: where it is suspended, or where it was
 * defined once it has finished. */
static void put_coro(VM *vm, NfBuf *b, Value coro, uint8_t src)
{
    char place[64];
    if (!IS_GEN(coro)) {
        Str *r = vm_repr(vm, coro);
        if (r)
            nf_buf_append(b, r->data, r->len);
        vm->exc = VNULL;
        return;
    }
    Gen *g = AS_GEN(coro);
    put_str(b, g->qualname->data);
    Frame *fr = g->frame;
    int line = !fr ? g->firstline
             : g->state == GEN_CREATED ? fr->code->proto->firstline : vm_frame_line(fr);
    put_str(b, fr ? "() running at " : "() done, defined at ");
    /* one of asyncio's own (a task that runs asyncio.sleep() itself): the
     * place in CPython's library its marked line stands for */
    const ExtFrame *x = src ? ext_frame_at(vm, src, line) : NULL;
    if (x) {
        put_stdlib_place(vm, b, x->file, x->line);
        return;
    }
    put_str(b, vm->cfg.filename);
    snprintf(place, sizeof place, ":%d", line);
    put_str(b, place);
}

/* CPython's Future and Task reprs (base_futures / base_tasks): the state,
 * for tasks the name, coroutine and awaited future, then the result or
 * exception and the pending callbacks. */
static Str *future_repr(VM *vm, SimFuture *f)
{
    NfBuf b;
    nf_buf_init(&b);
    put_str(&b, "<");
    put_str(&b, vm_type_name(vm, VOBJ(f)));   /* Future, Task, _GatheringFuture */
    put_str(&b, " ");
    put_str(&b, state_name(f));
    if (f->is_task) {
        Str *name = vm_repr(vm, VOBJ(task_name(vm, f)));
        put_str(&b, " name=");
        if (name)
            nf_buf_append(&b, name->data, name->len);
        if (!IS_NONE(TASK_CORO(f))) {
            put_str(&b, " coro=<");
            put_coro(vm, &b, TASK_CORO(f), f->coro_src);
            put_str(&b, ">");
        }
        if (f->waiter_ && f->state == FUT_PENDING) {
            Str *w = is_future(vm, TASK_WAITER(f)) ? future_repr(vm, FUT(TASK_WAITER(f)))
                                                 : vm_repr(vm, TASK_WAITER(f));
            put_str(&b, " wait_for=");
            if (w)
                nf_buf_append(&b, w->data, w->len);
        }
    }
    if (f->state == FUT_FINISHED) {
        if (f->exc_) {
            Str *e = vm_repr(vm, FUT_EXC(f));
            put_str(&b, " exception=");
            if (e)
                nf_buf_append(&b, e->data, e->len);
        } else {
            put_str(&b, " result=");
            put_short_repr(vm, &b, f->result);
        }
    }
    put_callbacks(vm, &b, f);
    put_str(&b, ">");
    vm->exc = VNULL;
    Str *r = str_new(vm, b.data ? b.data : "", b.len);
    nf_buf_free(&b);
    return r;
}

static Value fm_repr(VM *vm, Value *a, int n, Tuple *k)
{
    (void)n; (void)k;
    return VOBJ(future_repr(vm, FUT(a[0])));
}

static Value loop_time(VM *vm, Value *a, int n, Tuple *k)
{
    (void)a;
    if (vm_check_nargs(vm, "time", n - 1, k, 0, 0) < 0)
        return VNULL;
    return VFLOAT(vm_clock(vm));
}

static Value loop_create_future(VM *vm, Value *a, int n, Tuple *k)
{
    (void)a;
    static const char *const params[] = { NULL };
    if (vm_bind_args_py(vm, "BaseEventLoop.create_future", 1, a + 1, n - 1, k, params, 0, 0, NULL) < 0)
        return VNULL;
    return VOBJ(future_new(vm, sim_of(vm)->future_cls));
}

static Value loop_create_task(VM *vm, Value *a, int n, Tuple *k)
{
    static const char *const params[] = { "coro", "name", "context", NULL };
    Value p[3];
    if (vm_bind_args_py(vm, "BaseEventLoop.create_task", 1, a + 1, n - 1, k, params, 1, 1, p) < 0)
        return VNULL;
    return create_task_via_loop(vm, p[0], p[1], p[2]);   /* with a name and no factory: no number used */
}

/* loop.call_soon(cb, *args) / call_later(delay, cb, *args) / call_at(when, cb, *args) */
static SimHandle *schedule_handle(VM *vm, Value *a, int n, int kind, int first, const char *name);

static Value schedule(VM *vm, Value *a, int n, Tuple *k, int kind)
{
    static const char *const names[] = { "call_soon", "call_later", "call_at", "call_soon_threadsafe" };
    static const char *const qualnames[] = { "BaseEventLoop.call_soon", "BaseEventLoop.call_later",
                                             "BaseEventLoop.call_at", "BaseEventLoop.call_soon_threadsafe" };
    static const char *const soon_params[] = { "callback", "context", NULL };
    static const char *const later_params[] = { "delay", "callback", "context", NULL };
    static const char *const at_params[] = { "when", "callback", "context", NULL };
    const char *name = names[kind];
    int first = kind == 0 || kind == 3 ? 1 : 2;   /* index of the callback */
    /* (self, [delay or when,] callback, *args, context=None): the leading
     * ones and context= are bound as CPython's would be, for its messages */
    const char *const *params = kind == 1 ? later_params : kind == 2 ? at_params : soon_params;
    Value p[3];
    int nlead = n - 1 < first ? n - 1 : first;
    if (vm_bind_args_py(vm, qualnames[kind], 1, a + 1, nlead, NULL, params, first, first, p) < 0)
        return VNULL;
    Value ctx = VNULL;
    for (int i = 0; k && i < (int)k->len; i++) {
        if (strcmp(AS_STR(k->items[i])->data, "context") != 0)
            return vm_raise(vm, EXC_TypeError, "%s() got an unexpected keyword argument '%s'", qualnames[kind],
                            AS_STR(k->items[i])->data);
        ctx = a[n + i];
    }
    if (!IS_NULL(ctx) && !IS_NONE(ctx) && !sim_ctx_is_context(ctx))
        return vm_raise(vm, EXC_TypeError, "an instance of Context was expected");
    /* the callback runs in ctx, or in a copy of the context current now */
    if (IS_NULL(ctx) || IS_NONE(ctx))
        ctx = sim_ctx_capture(vm);
    vm_push_root(vm, &ctx);
    SimHandle *h = schedule_handle(vm, a, n, kind, first, name);
    vm_pop_root(vm);
    if (h)
        h->ctx = ctx;
    return h ? VOBJ(h) : VNULL;
}

/* schedule()'s handle, for the callback at a[first] and its arguments */
static SimHandle *schedule_handle(VM *vm, Value *a, int n, int kind, int first, const char *name)
{
    Value cb = a[first];
    /* only a loop in debug mode checks the callback now (CPython's
     * _check_callback); otherwise it fails when it runs */
    if (((LoopObj *)AS_OBJ(sim_of(vm)->loop_obj))->debug && !vm_is_callable(vm, cb)) {
        Str *r = vm_repr(vm, cb);
        vm_raise(vm, EXC_TypeError, "a callable object was expected by %s(), got %s",
                 kind == 1 ? "call_at" : name, r ? r->data : "?");
        return NULL;
    }
    Value args = VOBJ(tuple_from(vm, a + first + 1, (size_t)(n - first - 1)));
    SimLoop *loop = &sim_of(vm)->loop;
    if (kind == 0)
        return sim_call_soon(loop, NULL, cb, args);
    if (kind == 3) {
        SimHandle *h = sim_call_soon(loop, NULL, cb, args);
        sim_wake_loop(sim_of(vm)->sched);
        return h;
    }
    double t;
    if (!IS_INT(a[1]) && !IS_FLOAT(a[1]) && !IS_BOOL(a[1])) {
        /* CPython computes self.time() + delay */
        if (kind == 1)
            vm_raise(vm, EXC_TypeError, "unsupported operand type(s) for +: 'float' and '%s'",
                     vm_type_name(vm, a[1]));
        else
            vm_raise(vm, EXC_TypeError, "must be real number, not %s", vm_type_name(vm, a[1]));
        return NULL;
    }
    if (vm_to_double(vm, a[1], &t) < 0)
        return NULL;
    return kind == 1 ? sim_call_later(loop, t, NULL, cb, args) : sim_call_at(loop, t, NULL, cb, args);
}

static Value loop_call_soon(VM *vm, Value *a, int n, Tuple *k) { return schedule(vm, a, n, k, 0); }
static Value loop_call_later(VM *vm, Value *a, int n, Tuple *k) { return schedule(vm, a, n, k, 1); }
static Value loop_call_at(VM *vm, Value *a, int n, Tuple *k) { return schedule(vm, a, n, k, 2); }
static Value loop_call_soon_threadsafe(VM *vm, Value *a, int n, Tuple *k) { return schedule(vm, a, n, k, 3); }

static Value hm_cancel(VM *vm, Value *a, int n, Tuple *k)
{
    (void)vm; (void)n; (void)k;
    sim_handle_cancel((SimHandle *)AS_OBJ(a[0]));
    return VNONE;
}

static Value hm_cancelled(VM *vm, Value *a, int n, Tuple *k)
{
    (void)vm; (void)n; (void)k;
    return VBOOL(((SimHandle *)AS_OBJ(a[0]))->cancelled);
}

/* <Handle cb(args) at file:line>, <TimerHandle when=1.5 cb(args)>,
 * <TimerHandle cancelled when=1.5>: events.Handle's repr */
static Value hm_repr(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "__repr__", n - 1, k, 0, 0) < 0)
        return VNULL;
    SimHandle *h = (SimHandle *)AS_OBJ(a[0]);
    NfBuf b;
    nf_buf_init(&b);
    put_str(&b, "<");
    put_str(&b, h->is_timer ? "TimerHandle" : "Handle");
    if (h->cancelled)
        put_str(&b, " cancelled");
    if (h->is_timer) {
        Str *when = vm_repr(vm, VFLOAT(h->when));
        put_str(&b, " when=");
        put_str(&b, when ? when->data : "?");
    }
    if (!IS_NULL(h->callback) && !IS_NONE(h->callback)) {
        put_str(&b, " ");
        put_callback_source(vm, &b, h->callback, h->args);
    }
    put_str(&b, ">");
    Value r = vm_str(vm, b.data);
    nf_buf_free(&b);
    return r;
}

static Value hm_when(VM *vm, Value *a, int n, Tuple *k)
{
    (void)vm; (void)n; (void)k;
    return VFLOAT(((SimHandle *)AS_OBJ(a[0]))->when);
}

/* Task's arguments (coro, *, loop=None, name=None, context=None,
 * eager_start=False) bound into p and checked: 0, or -1 raised */
static int task_bind(VM *vm, Value *a, int n, Tuple *k, Value p[5], bool *eager)
{
    static const char *const params[] = { "coro", "loop", "name", "context", "eager_start", NULL };
    if (vm_bind_args(vm, "Task", a + 1, n - 1, k, params, 1, 1, p) < 0)
        return -1;
    int e = IS_NULL(p[4]) ? 0 : vm_truthy(vm, p[4]);
    *eager = e > 0;
    return e < 0 ? -1 : task_args_ok(vm, p[0], p[3]);
}

/* Task(coro, ...) */
static Value task_ctor(VM *vm, Value *a, int n, Tuple *k)
{
    Value p[5];
    bool eager;
    if (task_bind(vm, a, n, k, p, &eager) < 0)
        return VNULL;
    return task_start(vm, future_new_kind(vm, sim_of(vm)->task_cls, FK_TASK), p[0], p[2], p[3], eager);
}

/* Task.__init__(self, coro, ...), which a subclass's __init__ calls */
static Value tm_init(VM *vm, Value *a, int n, Tuple *k)
{
    Value p[5];
    bool eager;
    if (task_bind(vm, a, n, k, p, &eager) < 0)
        return VNULL;
    SimFuture *t = FUT(a[0]);
    if (!task_blank(t) || t->task_no || t->name_)
        return vm_raise(vm, EXC_RuntimeError, "loopscope cannot run Task.__init__ again on a task already started");
    return IS_NULL(task_start(vm, t, p[0], p[2], p[3], eager)) ? VNULL : VNONE;
}

/* Future.__init__(self, *, loop=None) */
static Value fm_init(VM *vm, Value *a, int n, Tuple *k)
{
    static const char *const params[] = { "loop", NULL };
    Value p[1];
    return vm_bind_args(vm, "Future", a + 1, n - 1, k, params, 0, 0, p) < 0 ? VNULL : VNONE;
}

/* ---- FutureIter: fut.__await__(), iter(fut) ------------------------------ */

/* Awaited or delegated to (`yield from fut.__await__()`), it is its future;
 * driven by hand, next() and send() yield the future while it is pending
 * and end with its result. */
typedef struct FutureIter {
    NativeData hdr;
    SimFuture *fut;
    bool yielded;   /* next() gave the future out once: a task was to wait for it */
} FutureIter;

static void future_iter_mark(VM *vm, Obj *o)
{
    vm_mark_obj(vm, (Obj *)((FutureIter *)o)->fut);
}

static int future_iter_await_state(VM *vm, Obj *o, Value *out)
{
    SimFuture *f = ((FutureIter *)o)->fut;
    int st = f->hdr.type->await_state(vm, (Obj *)f, out);
    if (st == 0 && IS_NULL(*out))
        *out = VOBJ(f);   /* what parks is the future, as CPython's iterator yields it */
    return st;
}

static void future_iter_await_throw(VM *vm, Obj *o)
{
    SimFuture *f = ((FutureIter *)o)->fut;
    if (f->hdr.type->await_throw)
        f->hdr.type->await_throw(vm, (Obj *)f);
}

static const NativeType future_iter_type = {
    .name = "FutureIter", .mark = future_iter_mark, .size = sizeof(FutureIter),
    .await_state = future_iter_await_state, .await_throw = future_iter_await_throw,
};

/* Future.__await__(), Future.__iter__() */
static Value fm_await(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "__await__", n - 1, k, 0, 0) < 0)
        return VNULL;
    FutureIter *it = vm_alloc_obj(vm, sizeof(FutureIter), OBJ_NATIVE_DATA, sim_of(vm)->future_iter_cls);
    it->hdr.type = &future_iter_type;
    it->fut = FUT(a[0]);
    return VOBJ(it);
}

/* next(it), it.send(value): the future, once, while it is pending (the
 * task driving it waits for it); then StopIteration with its result, or
 * its exception */
static Value fi_send(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "send", n - 1, k, 0, 1) < 0)
        return VNULL;
    FutureIter *it = (FutureIter *)AS_OBJ(a[0]);
    SimFuture *f = it->fut;
    if (f->state == FUT_PENDING) {
        if (it->yielded)
            return vm_raise(vm, EXC_RuntimeError, "await wasn't used with future");
        it->yielded = true;
        return VOBJ(f);
    }
    Value out;
    return future_result(vm, f, &out) < 0 ? VNULL : gen_stop_iteration(vm, out);
}

static Value fi_iter(VM *vm, Value *a, int n, Tuple *k)
{
    (void)vm; (void)n; (void)k;
    return a[0];
}

/* instances of Python subclasses of Future and Task, before __init__ */
static Value future_blank(VM *vm, Class *c)
{
    return VOBJ(future_new(vm, c));
}

static Value task_blank_new(VM *vm, Class *c)
{
    return VOBJ(future_new_kind(vm, c, FK_TASK));
}

static Value m_eager_task_factory(VM *vm, Value *a, int n, Tuple *k)
{
    static const char *const params[] = { "loop", "coro", "name", "context", NULL };
    Value p[4];
    if (vm_bind_args(vm, "eager_task_factory", a, n, k, params, 2, 2, p) < 0)
        return VNULL;
    return task_new_ex(vm, p[1], p[2], p[3], true);
}

static Value loop_set_task_factory(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "set_task_factory", n - 1, k, 1, 1) < 0)
        return VNULL;
    if (!IS_NONE(a[1]) && !IS_OBJ(a[1]))
        return vm_raise(vm, EXC_TypeError, "task factory must be a callable or None");
    sim_of(vm)->task_factory = a[1];
    return VNONE;
}

static Value loop_get_task_factory(VM *vm, Value *a, int n, Tuple *k)
{
    (void)a;
    if (vm_check_nargs(vm, "get_task_factory", n - 1, k, 0, 0) < 0)
        return VNULL;
    return sim_of(vm)->task_factory;
}

static Value loop_is_running(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "is_running", n - 1, k, 0, 0) < 0)
        return VNULL;
    Sim *s = sim_of(vm);
    return VBOOL(s->running && AS_OBJ(a[0]) == AS_OBJ(s->loop_obj));
}

static Value loop_is_closed(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "is_closed", n - 1, k, 0, 0) < 0)
        return VNULL;
    return VBOOL(((LoopObj *)AS_OBJ(a[0]))->closed);
}

static Value loop_get_debug(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "get_debug", n - 1, k, 0, 0) < 0)
        return VNULL;
    return VBOOL(((LoopObj *)AS_OBJ(a[0]))->debug);
}

static Value loop_set_debug(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "set_debug", n - 1, k, 1, 1) < 0)
        return VNULL;
    int t = vm_truthy(vm, a[1]);
    if (t < 0)
        return VNULL;
    ((LoopObj *)AS_OBJ(a[0]))->debug = t;
    return VNONE;
}

/* <_UnixSelectorEventLoop running=True closed=False debug=False>, as CPython's */
static Value loop_repr(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "__repr__", n - 1, k, 0, 0) < 0)
        return VNULL;
    Sim *s = sim_of(vm);
    LoopObj *lo = (LoopObj *)AS_OBJ(a[0]);
    bool running = s->running && AS_OBJ(a[0]) == AS_OBJ(s->loop_obj);
    char buf[128];
    snprintf(buf, sizeof buf, "<%s running=%s closed=%s debug=%s>", vm_type_name(vm, a[0]),
             running ? "True" : "False", lo->closed ? "True" : "False", lo->debug ? "True" : "False");
    return vm_str(vm, buf);
}

/* loop.create_task(coro, name=None): through the task factory if there is
 * one (the name is set afterwards), else a plain Task. */
static Value create_task_via_loop(VM *vm, Value coro, Value name, Value ctx)
{
    Sim *s = sim_of(vm);
    if (IS_NONE(s->task_factory) || IS_NULL(s->task_factory))
        return task_new_ex(vm, coro, name, ctx, false);
    /* the factory is given context= only if the caller gave one */
    bool with_ctx = !IS_NULL(ctx) && !IS_NONE(ctx);
    Value args[3] = { s->loop_obj, coro, ctx };
    Value kw = VNULL;
    if (with_ctx) {
        Value kn = vm_str(vm, "context");
        kw = VOBJ(tuple_from(vm, &kn, 1));
    }
    vm_push_root(vm, &kw);
    Value t = vm_call(vm, s->task_factory, args, 2, with_ctx ? AS_TUPLE(kw) : NULL);
    vm_pop_root(vm);
    if (IS_NULL(t) || IS_NULL(name) || IS_NONE(name))
        return t;
    Value r = vm_call_method(vm, t, str_intern(vm, "set_name", 8), &name, 1);
    return IS_NULL(r) ? VNULL : t;
}

static Value future_ctor(VM *vm, Value *a, int n, Tuple *k)
{
    (void)n; (void)k;
    return VOBJ(future_new(vm, AS_CLASS(a[0])));
}

/* ---- installation ---------------------------------------------------------------- */

/* ---- garbage: destroyed tasks, lost exceptions ------------------------------ */

/* CPython's Task and Future finalizers: a task collected while pending was
 * lost (nothing could ever wake it); a future collected with an exception
 * nobody looked at hid an error. */
static bool future_wants_last_word(VM *vm, Obj *o)
{
    (void)vm;
    SimFuture *f = (SimFuture *)o;
    if (f->last_word_said)
        return false;
    if (f->is_task && f->state == FUT_PENDING)
        return !task_blank(f);
    return f->state == FUT_FINISHED && f->exc_ && !f->exc_retrieved;
}

static void future_last_word(VM *vm, Obj *o)
{
    Sim *s = sim_of(vm);
    SimFuture *f = (SimFuture *)o;
    f->last_word_said = true;
    if (f->is_task && f->state == FUT_PENDING) {
        registry_remove(s, f);
        /* the collector clears the coroutine (its finally blocks run) before
         * the task's finalizer speaks, so the report says "done" */
        if (IS_GEN(TASK_CORO(f)) && AS_GEN(TASK_CORO(f))->frame) {
            vm_call_method(vm, TASK_CORO(f), str_intern(vm, "close", 5), NULL, 0);
            vm->exc = VNULL;
        }
        sim_trace(vm, TR_GC_DESTROY, f, 0, 0, 0, NULL, NULL);
        report(vm, "Task was destroyed but it is pending!", "task", VOBJ(f), NULL, VNULL, VNULL);
        return;
    }
    Str *exc_line = vm_exc_summary(vm, FUT_EXC(f));
    sim_trace(vm, TR_EXC_LOST, f, 0, 0, 0, exc_line ? exc_line->data : NULL, NULL);
    report(vm, f->is_task ? "Task exception was never retrieved" : "Future exception was never retrieved",
           "exception", FUT_EXC(f), "future", VOBJ(f), VNULL);
}

/* After marking: tasks and async generators that nothing references leave
 * the loop's weak sets. */
static void sim_weak(VM *vm)
{
    Sim *s = sim_of(vm);
    size_t w = 0;
    for (size_t i = 0; i < s->nagens; i++)
        if (s->agens[i] && s->agens[i]->marked)
            s->agens[w++] = s->agens[i];
    s->nagens = w;
    for (size_t i = 0; i < s->ntasks; i++)
        if (s->tasks[i] && !s->tasks[i]->hdr.hdr.marked) {
            s->tasks[i] = NULL;
            s->task_holes++;
        }
    if (s->task_holes > s->ntasks / 2)
        registry_compact(s);
}

static void sim_mark(VM *vm)
{
    Sim *s = sim_of(vm);
    sim_loop_mark(vm, &s->loop);
    sim_sched_mark(vm, s->sched);
    vm_mark_obj(vm, (Obj *)s->asyncio);
    vm_mark_value(vm, s->set_loop);
    vm_mark_value(vm, s->saved_hooks[0]);
    vm_mark_value(vm, s->saved_hooks[1]);
    vm_mark_value(vm, s->current_task);
    vm_mark_value(vm, s->cur_ctx);
    vm_mark_value(vm, s->ctx_classes);
    vm_mark_value(vm, s->loop_obj);
    vm_mark_value(vm, s->task_factory);
    vm_mark_obj(vm, (Obj *)s->future_cls);
    vm_mark_obj(vm, (Obj *)s->task_cls);
    vm_mark_obj(vm, (Obj *)s->gathering_cls);
    vm_mark_obj(vm, (Obj *)s->future_iter_cls);
    vm_mark_obj(vm, (Obj *)s->loop_cls);
    vm_mark_obj(vm, (Obj *)s->sleep_cls);
    vm_mark_obj(vm, (Obj *)s->handle_cls);
    vm_mark_obj(vm, (Obj *)s->timer_handle_cls);
    vm_mark_obj(vm, (Obj *)s->cancelled_error);
    vm_mark_obj(vm, (Obj *)s->invalid_state_error);
    sim_fastpath_mark(vm, s->fast);
}

static Class *asyncio_class(VM *vm, Module *m, const char *name, Class *base, ObjKind kind)
{
    Class *c = class_new_builtin(vm, name, base, kind);
    c->module = str_intern(vm, "asyncio", 7);
    dict_set_str(vm, m->dict, name, VOBJ(c));
    return c;
}

static void add_fn(VM *vm, Module *m, const char *name, NativeFn fn)
{
    dict_set_str(vm, m->dict, name, VOBJ(native_new(vm, name, fn, NULL)));
}

/* loopscope's own Python, compiled into the asyncio module; a failure is
 * a bug in loopscope, not in the scenario */
static void run_prelude(VM *vm, Module *m, const unsigned char *frozen, size_t len)
{
    if (vm_run_frozen(vm, frozen, len, m->dict) < 0) {
        vm_print_exception(vm, vm_exc_take(vm));
        abort();
    }
}

/* threads_prelude.py's _EXPORTS become the threading and concurrent.futures
 * modules; the loop gets its executor methods. */
static void export_thread_modules(VM *vm, Module *asyncio)
{
    Sim *s = sim_of(vm);
    Dict *exports = AS_DICT(dict_get_str(asyncio->dict, str_intern(vm, "_EXPORTS", 8)));
    static const char *const names[] = { "threading", "concurrent.futures" };
    for (int i = 0; i < 2; i++) {
        Module *mod = module_new(vm, names[i]);
        Dict *src = AS_DICT(dict_get_str(exports, str_intern(vm, names[i], strlen(names[i]))));
        for (size_t j = 0; j < src->nentries; j++)
            if (!IS_NULL(src->entries[j].key))
                dict_set(vm, mod->dict, src->entries[j].key, src->entries[j].value);
        if (i == 1) {
            Module *top = module_new(vm, "concurrent");
            dict_set_str(vm, top->dict, "futures", VOBJ(mod));
        }
    }
    static const struct { const char *method, *fn; } methods[] = {
        { "run_in_executor", "_run_in_executor" }, { "set_default_executor", "_set_default_executor" },
    };
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
        dict_set_str(vm, s->loop_cls->dict, methods[i].method,
                     dict_get_str(asyncio->dict, str_intern(vm, methods[i].fn, strlen(methods[i].fn))));
}

/* Interpreter shutdown: executors finish their jobs, threads are joined,
 * then atexit's functions run. */
static void sim_at_exit(VM *vm)
{
    Value fn = dict_get_str(sim_of(vm)->asyncio->dict, str_intern(vm, "_at_exit", 8));
    if (sim_threads_alive(sim_of(vm)->sched) && !IS_NULL(fn) && IS_NULL(vm_call(vm, fn, NULL, 0, NULL)))
        vm_print_exception(vm, vm_exc_take(vm));
    sim_stdlib_at_exit(vm);
}

void sim_init(VM *vm, const SimConfig *cfg)
{
    Sim *s = calloc(1, sizeof(Sim));
    if (!s)
        abort();
    s->cfg = *cfg;
    vm->sim = s;
    vm->sim_mark = sim_mark;
    vm->sim_weak = sim_weak;
    s->sched = sim_sched_new(vm, cfg->trace, cfg->workers);
    loop_setup(vm);
    vm->sleep_hook = loop_thread_sleep;
    if (cfg->trace) {
        s->out = vm->cfg.out;
        s->out_ud = vm->cfg.out_ud;
        s->err = vm->cfg.err;
        s->err_ud = vm->cfg.err_ud;
        vm->cfg.out = traced_out;
        vm->cfg.out_ud = vm;
        vm->cfg.err = traced_err;
        vm->cfg.err_ud = vm;
        sim_trace(vm, TR_RUN_START, NULL, 0, 0, 0, cfg->filename, NULL);
    }
    s->current_task = VNONE;
    s->task_factory = VNONE;
    s->loop_obj = VNONE;
    s->set_loop = VNONE;
    s->saved_hooks[0] = s->saved_hooks[1] = VNULL;

    Module *m = module_new(vm, "asyncio");
    s->asyncio = m;
    s->future_cls = asyncio_class(vm, m, "Future", TYPE(vm, object), OBJ_NATIVE_DATA);
    s->future_cls->ctor = future_ctor;
    s->task_cls = asyncio_class(vm, m, "Task", s->future_cls, OBJ_NATIVE_DATA);
    s->future_cls->module = s->task_cls->module = str_intern(vm, "_asyncio", 8);   /* C types, as CPython's */
    s->future_iter_cls = class_new_builtin(vm, "FutureIter", TYPE(vm, object), OBJ_NATIVE_DATA);
    s->future_iter_cls->module = str_intern(vm, "_asyncio", 8);
    s->future_iter_cls->cflags |= CLASS_FINAL;
    class_add_checked_method(vm, s->future_iter_cls, "__next__", fi_send);
    class_add_checked_method(vm, s->future_iter_cls, "send", fi_send);
    class_add_checked_method(vm, s->future_iter_cls, "__iter__", fi_iter);
    s->gathering_cls = class_new_builtin(vm, "_GatheringFuture", s->future_cls, OBJ_NATIVE_DATA);
    s->gathering_cls->module = str_intern(vm, "asyncio.tasks", 13);
    s->loop_cls = asyncio_class(vm, m, "_UnixSelectorEventLoop", TYPE(vm, object), OBJ_NATIVE_DATA);
    s->loop_cls->module = str_intern(vm, "asyncio.unix_events", 19);
    dict_set_str(vm, m->dict, "SelectorEventLoop", VOBJ(s->loop_cls));
    s->sleep_cls = asyncio_class(vm, m, "sleep", TYPE(vm, object), OBJ_NATIVE_DATA);
    s->cancelled_error = class_new_builtin(vm, "CancelledError", EXC_TYPE(vm, BaseException), OBJ_EXCEPTION);
    s->cancelled_error->ctor = EXC_TYPE(vm, BaseException)->ctor;   /* CancelledError("why") */
    s->cancelled_error->module = str_intern(vm, "asyncio.exceptions", 18);
    s->cancelled_error->cflags |= CLASS_EXCEPTION;
    dict_set_str(vm, m->dict, "CancelledError", VOBJ(s->cancelled_error));
    s->invalid_state_error = class_new_builtin(vm, "InvalidStateError", EXC_TYPE(vm, Exception), OBJ_EXCEPTION);
    s->invalid_state_error->ctor = EXC_TYPE(vm, Exception)->ctor;
    s->invalid_state_error->module = str_intern(vm, "asyncio.exceptions", 18);
    s->invalid_state_error->cflags |= CLASS_EXCEPTION;
    dict_set_str(vm, m->dict, "InvalidStateError", VOBJ(s->invalid_state_error));
    dict_set_str(vm, m->dict, "TimeoutError", VOBJ(EXC_TYPE(vm, TimeoutError)));

    struct { const char *name; NativeFn fn; } fmethods[] = {
        { "done", fm_done }, { "cancelled", fm_cancelled }, { "result", fm_result },
        { "exception", fm_exception }, { "cancel", fm_cancel }, { "set_result", fm_set_result },
        { "set_exception", fm_set_exception }, { "add_done_callback", fm_add_done_callback },
        { "remove_done_callback", fm_remove_done_callback }, { "get_loop", fm_get_loop },
        { "__repr__", fm_repr }, { "_gather_child_done", gather_child_done }, { "__init__", fm_init },
        { "__await__", fm_await }, { "__iter__", fm_await },
    };
    for (size_t i = 0; i < sizeof fmethods / sizeof fmethods[0]; i++)
        class_add_checked_method(vm, s->future_cls, fmethods[i].name, fmethods[i].fn);
    struct { const char *name; NativeFn fn; } tmethods[] = {
        { "get_name", tm_get_name }, { "set_name", tm_set_name }, { "get_coro", tm_get_coro },
        { "get_context", tm_get_context }, { "get_stack", tm_get_stack }, { "print_stack", tm_print_stack },
        { "cancelling", tm_cancelling }, { "uncancel", tm_uncancel },
        { "_Task__step", task_step }, { "_Task__wakeup", task_wakeup }, { "__init__", tm_init },
    };
    for (size_t i = 0; i < sizeof tmethods / sizeof tmethods[0]; i++)
        class_add_checked_method(vm, s->task_cls, tmethods[i].name, tmethods[i].fn);
    s->step_fn = dict_get_str(s->task_cls->dict, str_intern(vm, "_Task__step", 11));
    s->wakeup_fn = dict_get_str(s->task_cls->dict, str_intern(vm, "_Task__wakeup", 13));
    s->gather_done_fn = dict_get_str(s->future_cls->dict, str_intern(vm, "_gather_child_done", 18));
    class_add_checked_method(vm, s->loop_cls, "time", loop_time);
    class_add_checked_method(vm, s->loop_cls, "run_until_complete", loop_run_until_complete);
    class_add_checked_method(vm, s->loop_cls, "run_forever", loop_run_forever);
    class_add_checked_method(vm, s->loop_cls, "stop", loop_stop);
    class_add_checked_method(vm, s->loop_cls, "set_exception_handler", loop_set_exception_handler);
    class_add_checked_method(vm, s->loop_cls, "get_exception_handler", loop_get_exception_handler);
    class_add_checked_method(vm, s->loop_cls, "call_exception_handler", loop_call_exception_handler);
    class_add_checked_method(vm, s->loop_cls, "default_exception_handler", loop_default_exception_handler);
    class_add_checked_method(vm, s->loop_cls, "close", loop_close_m);
    class_add_checked_method(vm, s->loop_cls, "call_soon", loop_call_soon);
    class_add_checked_method(vm, s->loop_cls, "call_soon_threadsafe", loop_call_soon_threadsafe);
    class_add_checked_method(vm, s->loop_cls, "call_later", loop_call_later);
    class_add_checked_method(vm, s->loop_cls, "call_at", loop_call_at);
    Class *hc = asyncio_class(vm, m, "Handle", TYPE(vm, object), OBJ_NATIVE_DATA);
    Class *thc = asyncio_class(vm, m, "TimerHandle", hc, OBJ_NATIVE_DATA);
    class_add_checked_method(vm, hc, "cancel", hm_cancel);
    class_add_checked_method(vm, hc, "cancelled", hm_cancelled);
    class_add_checked_method(vm, thc, "when", hm_when);
    class_add_checked_method(vm, hc, "__repr__", hm_repr);
    s->handle_cls = hc;
    s->timer_handle_cls = thc;
    s->loop.handle_cls = hc;
    s->loop.timer_handle_cls = thc;
    class_add_checked_method(vm, s->loop_cls, "create_future", loop_create_future);
    class_add_checked_method(vm, s->loop_cls, "create_task", loop_create_task);
    class_add_checked_method(vm, s->loop_cls, "set_task_factory", loop_set_task_factory);
    class_add_checked_method(vm, s->loop_cls, "get_task_factory", loop_get_task_factory);
    class_add_checked_method(vm, s->loop_cls, "is_running", loop_is_running);
    class_add_checked_method(vm, s->loop_cls, "is_closed", loop_is_closed);
    class_add_checked_method(vm, s->loop_cls, "get_debug", loop_get_debug);
    class_add_checked_method(vm, s->loop_cls, "set_debug", loop_set_debug);
    class_add_checked_method(vm, s->loop_cls, "__repr__", loop_repr);
    s->task_cls->ctor = task_ctor;
    s->future_cls->blank = future_blank;
    s->task_cls->blank = task_blank_new;
    s->future_cls->cflags |= CLASS_GENERIC;   /* Future[str] in annotations */
    s->task_cls->cflags |= CLASS_GENERIC;

    add_fn(vm, m, "run", m_run);
    add_fn(vm, m, "_yield_once", m_yield_once);
    add_fn(vm, m, "_set_result_unless_cancelled", m_set_result_unless_cancelled);
    add_fn(vm, m, "create_task", m_create_task);
    add_fn(vm, m, "gather", m_gather);
    add_fn(vm, m, "eager_task_factory", m_eager_task_factory);
    add_fn(vm, m, "get_running_loop", m_get_running_loop);
    add_fn(vm, m, "get_event_loop", m_get_event_loop);
    add_fn(vm, m, "new_event_loop", m_new_event_loop);
    add_fn(vm, m, "set_event_loop", m_set_event_loop);
    add_fn(vm, m, "_loop_shutdown", m_loop_shutdown);
    add_fn(vm, m, "_asyncgens_add", m_asyncgens_add);
    add_fn(vm, m, "iscoroutinefunction", m_iscoroutinefunction);
    add_fn(vm, m, "_asyncgens_forget", m_asyncgens_forget);
    add_fn(vm, m, "_asyncgens_take", m_asyncgens_take);
    add_fn(vm, m, "current_task", m_current_task);
    add_fn(vm, m, "all_tasks", m_all_tasks);
    add_fn(vm, m, "ensure_future", m_ensure_future);
    sim_sched_install(vm, m);
    sim_contextvars_init(vm, m);
    sim_stdlib_init(vm);   /* contextlib, traceback, ...: stdlib.c */
    run_prelude(vm, m, threads_prelude_frozen, sizeof threads_prelude_frozen);
    s->thread_stdframes = sim_stdframes_new((const char *)threads_prelude, sizeof threads_prelude - 1,
                                            vm->internal_sources);
    export_thread_modules(vm, m);
    run_prelude(vm, m, asyncio_prelude_frozen, sizeof asyncio_prelude_frozen);
    dict_set_str(vm, vm->builtins, "anext", dict_get_str(m->dict, str_intern(vm, "_anext", 6)));
    s->stdframes = sim_stdframes_new((const char *)asyncio_prelude, sizeof asyncio_prelude - 1,
                                     vm->internal_sources);
    s->fast = sim_fastpath_new(vm, m, s->stdframes);
    vm->ext_frame = ext_frame_of;
    vm->stdlib_dir = sim_stdlib_dir(vm);
    vm->exit_hook = sim_at_exit;
}

void sim_finish(VM *vm, int status)
{
    if (vm->limit_hit)
        sim_trace(vm, TR_LIMIT, NULL, 0, 0, 0,
                  vm->limit_hit == LIMIT_STEPS ? "the --max-steps instruction limit" : "the --max-memory limit",
                  NULL);
    sim_trace(vm, TR_RUN_END, NULL, 0, 0, (double)status, NULL, NULL);
}

void sim_free(VM *vm)
{
    Sim *s = sim_of(vm);
    if (!s)
        return;
    sim_loop_free(&s->loop);
    sim_sched_free(s->sched);
    sim_stdframes_free(s->stdframes);
    sim_stdframes_free(s->thread_stdframes);
    sim_fastpath_free(s->fast);
    free(s->agens);
    free(s->tasks);
    free(s);
    vm->sim = NULL;
    vm->sim_mark = NULL;
}
