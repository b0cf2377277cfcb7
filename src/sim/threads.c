/*
 * threads.c - simulated threads and the GIL (see threads.h).
 *
 * Python sees them through a handful of natives that asyncio_prelude.py
 * builds threading, concurrent.futures and the executors on:
 *   _thread_new(fn, args, name, pyobj, is_process) -> handle, started
 *   _thread_current()       the threading.Thread object of the running thread
 *   _thread_set_main(obj)   ... of the main thread
 *   _thread_block(timeout)  wait until _thread_wake (True) or the timeout (False)
 *   _thread_wake(handle)    end that wait
 *   _thread_alive(handle)
 *   _cpu_steps(), _cpu_charge(steps)  a process's computation, charged as time
 * time.sleep() in a worker blocks that worker only (vm->sleep_hook).
 *
 * Nothing here touches the event loop's queues: a worker hands results to
 * the loop with call_soon_threadsafe, which wakes it (sim_wake_loop).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "threads.h"
#include "internal.h"
#include "sim.h"

typedef enum ThState { TH_READY, TH_RUNNING, TH_WAITING, TH_DONE } ThState;

typedef enum WaitKind {
    WAIT_SLEEP,     /* time.sleep: only the clock ends it */
    WAIT_BLOCK,     /* _thread_block: _thread_wake or the timeout */
    WAIT_SELECT     /* the loop in select(): call_soon_threadsafe or the timeout */
} WaitKind;

typedef struct SimThread {
    NativeData hdr;
    Value fiber;           /* the Gen running its function; VNULL for the main thread */
    Value name;
    Value pyobj;           /* its threading.Thread, or None */
    Value resume_value;    /* what the blocking call returns when it is resumed */
    Value ctx;             /* its contextvars context (VNULL: empty; a new thread's is) */
    uint32_t id;           /* 0: main; workers from 1, for the trace */
    ThState state;
    WaitKind wait;
    double wake_at;        /* while waiting: when the timeout ends it (INFINITY: never) */
    uint64_t seq;          /* when it began waiting: ties go to the earlier */
    int nesting;           /* vm->c_nesting of its fiber's own dispatch loop */
    uint64_t cpu_steps;    /* instructions it ran in its earlier turns */
    uint64_t turn_start;   /* vm->steps when its current turn began */
    bool is_process;       /* a process pool worker: no GIL, its computation runs in parallel */
} SimThread;

struct SimSched {
    VM *vm;
    Trace *trace;
    SimThread *main, *current;
    SimThread *gil_holder; /* as the trace last said (between turns it is the last runner) */
    Value threads;         /* a List of every thread not yet finished (and main) */
    SimThread **ready;     /* FIFO ring */
    size_t rhead, rlen, rcap;
    uint64_t seq;
    uint32_t next_id;
    uint64_t switch_steps; /* the switch interval in instructions (0: no switching) */
    int workers;           /* --workers: the default executor's size (0: CPython's rule) */
};

static SimSched *sched_of(VM *vm) { return sim_sched(vm); }

static void thread_mark(VM *vm, Obj *o)
{
    SimThread *t = (SimThread *)o;
    vm_mark_value(vm, t->fiber);
    vm_mark_value(vm, t->name);
    vm_mark_value(vm, t->pyobj);
    vm_mark_value(vm, t->resume_value);
    vm_mark_value(vm, t->ctx);
}

static const NativeType thread_type = {
    .name = "_SimThread", .mark = thread_mark, .size = sizeof(SimThread),
};

/* ---- the trace ------------------------------------------------------------------ */

static void trace_thread(SimSched *s, TraceKind kind, SimThread *t, double num, const char *s1)
{
    if (!s->trace)
        return;
    TraceEvent ev = {
        .t_ns = trace_ns(vm_clock(s->vm)), .kind = (uint16_t)kind, .obj = t->id, .num = num,
        .s1 = s1 ? trace_cstr(s->trace, s1) : 0,
    };
    trace_emit(s->trace, &ev);
}

static void set_current(SimSched *s, SimThread *t)
{
    s->current = t;
    if (s->gil_holder == t)
        return;
    s->gil_holder = t;
    trace_thread(s, TR_GIL, t, 0, NULL);
}

/* ---- the ready queue ----------------------------------------------------------- */

static void ready_push(SimSched *s, SimThread *t)
{
    if (s->rlen == s->rcap) {
        size_t ncap = s->rcap ? s->rcap * 2 : 16;
        SimThread **n = malloc(ncap * sizeof *n);
        if (!n) {
            fputs("loopscope: out of memory\n", stderr);
            abort();
        }
        for (size_t i = 0; i < s->rlen; i++)
            n[i] = s->ready[(s->rhead + i) % s->rcap];
        free(s->ready);
        s->ready = n;
        s->rhead = 0;
        s->rcap = ncap;
    }
    s->ready[(s->rhead + s->rlen) % s->rcap] = t;
    s->rlen++;
    t->state = TH_READY;
    /* someone wants the GIL: the holder gives it up after the interval */
    if (s->switch_steps && !s->vm->switch_at)
        s->vm->switch_at = s->vm->steps + s->switch_steps;
}

static SimThread *ready_pop(SimSched *s)
{
    if (!s->rlen)
        return NULL;
    SimThread *t = s->ready[s->rhead];
    s->rhead = (s->rhead + 1) % s->rcap;
    s->rlen--;
    return t;
}

static void make_ready(SimSched *s, SimThread *t, Value resume_value)
{
    t->resume_value = resume_value;
    ready_push(s, t);
}

/* The waiting thread whose timeout ends first (ties: the earlier waiter). */
static SimThread *earliest_sleeper(SimSched *s)
{
    List *all = AS_LIST(s->threads);
    SimThread *best = NULL;
    for (size_t i = 0; i < all->len; i++) {
        SimThread *t = (SimThread *)AS_OBJ(all->items[i]);
        if (t->state != TH_WAITING || isinf(t->wake_at))
            continue;
        if (!best || t->wake_at < best->wake_at || (t->wake_at == best->wake_at && t->seq < best->seq))
            best = t;
    }
    return best;
}

static void begin_wait(SimSched *s, SimThread *t, WaitKind kind, double timeout)
{
    t->state = TH_WAITING;
    t->wait = kind;
    t->wake_at = isinf(timeout) ? INFINITY : vm_clock(s->vm) + timeout;
    t->seq = s->seq++;
}

/* Threads whose timeout has passed while others computed join the queue. */
static void wake_due_sleepers(SimSched *s)
{
    for (;;) {
        SimThread *t = earliest_sleeper(s);
        if (!t || t->wake_at > vm_clock(s->vm))
            return;
        make_ready(s, t, t->wait == WAIT_SLEEP ? VNONE : VBOOL(false));
    }
}

/* ---- running a worker ------------------------------------------------------------ */

static void forget_thread(SimSched *s, SimThread *t)
{
    List *all = AS_LIST(s->threads);
    for (size_t i = 0; i < all->len; i++)
        if (AS_OBJ(all->items[i]) == (Obj *)t) {
            memmove(&all->items[i], &all->items[i + 1], (all->len - i - 1) * sizeof(Value));
            all->len--;
            return;
        }
}

/* An exception that escapes a thread's function: threading.excepthook. */
static void report_thread_exception(VM *vm, SimThread *t, Value exc)
{
    Str *head = str_printf(vm, "Exception in thread %s:\n", AS_STR(t->name)->data);
    vm_write_err(vm, head->data, head->len);
    vm_print_exception(vm, exc);
}

/* Gives t the GIL until it blocks, finishes or is preempted. */
static void run_thread(VM *vm, SimSched *s, SimThread *t)
{
    SimThread *prev = s->current;
    set_current(s, t);
    t->state = TH_RUNNING;
    t->nesting = vm->c_nesting + 1;   /* gen_send's dispatch loop */
    t->turn_start = vm->steps;
    uint64_t saved_switch = vm->switch_at;
    /* a process has no GIL to give up: it computes until it waits */
    vm->switch_at = s->switch_steps && !t->is_process ? vm->steps + s->switch_steps : 0;
    Value fiber = t->fiber;
    Value send = t->resume_value;
    t->resume_value = VNONE;
    vm_push_root(vm, &fiber);
    Value saved_ctx = sim_ctx_enter(vm, t->ctx);
    vm_push_root(vm, &saved_ctx);
    bool returned = false;
    Value r = gen_send(vm, AS_GEN(fiber), send, &returned);
    vm_pop_root(vm);
    t->ctx = sim_ctx_leave(vm, saved_ctx);
    vm_pop_root(vm);
    t->cpu_steps += vm->steps - t->turn_start;
    vm->switch_at = saved_switch;
    if (IS_NULL(r) || returned) {
        t->state = TH_DONE;
        if (IS_NULL(r)) {
            Value e = vm_exc_take(vm);
            if (!vm_isinstance(vm, e, EXC_TYPE(vm, SystemExit)))
                report_thread_exception(vm, t, e);
        }
        forget_thread(s, t);
    } else if (t->state == TH_RUNNING) {
        ready_push(s, t);             /* preempted: back of the queue */
    }
    /* the GIL is not handed back to prev here: the scheduler picks who
     * takes it next (main_wait records it when the main thread goes on) */
    s->current = prev;
}

/* The main thread waits (its state already says for what); the others run
 * until it may go on. False if nothing could ever end the wait. */
static bool main_wait(VM *vm, SimSched *s)
{
    SimThread *m = s->main;
    for (;;) {
        SimThread *t = ready_pop(s);
        if (!t) {
            t = earliest_sleeper(s);
            if (!t) {
                m->state = TH_RUNNING;
                set_current(s, m);
                return false;
            }
            if (t->wake_at > vm_clock(vm))
                vm_clock_set(vm, t->wake_at);
            t->resume_value = t->wait == WAIT_SLEEP ? VNONE : VBOOL(false);
        }
        if (t == m) {
            m->state = TH_RUNNING;
            set_current(s, m);
            return true;
        }
        run_thread(vm, s, t);
    }
}

/* ---- the GIL's switch interval ---------------------------------------------------- */

static int switch_hook(VM *vm, bool can_park)
{
    SimSched *s = sched_of(vm);
    wake_due_sleepers(s);
    vm->switch_at = vm->steps + s->switch_steps;
    if (s->rlen == 0)
        return 0;
    SimThread *cur = s->current;
    if (cur && cur->is_process) {
        vm->switch_at = 0;
        return 0;
    }
    if (cur != s->main) {
        /* a worker parks here unless C code sits between it and its own
         * loop; then it tries again a little later */
        if (!can_park || vm->c_nesting != cur->nesting) {
            vm->switch_at = vm->steps + 1000;
            return 0;
        }
        return 1;
    }
    /* the main thread lets the waiting threads have their turns */
    ready_push(s, cur);
    main_wait(vm, s);
    vm->switch_at = s->rlen ? vm->steps + s->switch_steps : 0;
    return 0;
}

/* ---- blocking ----------------------------------------------------------------------- */

/* The running worker waits; its fiber parks when the native returns. False
 * if it cannot park here (C code between it and its loop). */
static bool worker_wait(VM *vm, SimSched *s, WaitKind kind, double timeout)
{
    SimThread *t = s->current;
    if (vm->c_nesting != t->nesting)
        return false;
    begin_wait(s, t, kind, timeout);
    vm->park_request = true;
    return true;
}

int sim_thread_sleep(VM *vm, double secs)
{
    SimSched *s = sched_of(vm);
    SimThread *t = s->current;
    if (t == s->main || !t) {
        if (!sim_threads_alive(s)) {
            vm_clock_set(vm, vm_clock(vm) + secs);
            return 0;
        }
        begin_wait(s, s->main, WAIT_SLEEP, secs);
        main_wait(vm, s);
        return 0;
    }
    trace_thread(s, TR_WORKER_BLOCK, t, secs, NULL);
    if (!worker_wait(vm, s, WAIT_SLEEP, secs))
        vm_clock_set(vm, vm_clock(vm) + secs);   /* cannot park: the whole program waits */
    return 0;
}

bool sim_threads_select(VM *vm, SimSched *s, double timeout)
{
    if (timeout <= 0) {
        /* select(0): whoever is ready runs first, then the loop goes on */
        if (s->rlen == 0)
            return true;
        ready_push(s, s->main);
        return main_wait(vm, s);
    }
    begin_wait(s, s->main, WAIT_SELECT, timeout);
    return main_wait(vm, s);
}

void sim_wake_loop(SimSched *s)
{
    if (s->main->state == TH_WAITING && s->main->wait == WAIT_SELECT)
        make_ready(s, s->main, VNONE);
}

bool sim_threads_alive(SimSched *s)
{
    return AS_LIST(s->threads)->len > 1;
}

bool sim_on_main_thread(SimSched *s)
{
    return !s->current || s->current == s->main;
}

uint32_t sim_thread_id(SimSched *s)
{
    return s->current ? s->current->id : 0;
}

/* ---- the natives ----------------------------------------------------------------- */

static SimThread *as_thread(VM *vm, Value v)
{
    if (!IS_KIND(v, OBJ_NATIVE_DATA) || ((NativeData *)AS_OBJ(v))->type != &thread_type) {
        vm_raise(vm, EXC_TypeError, "not a loopscope thread");
        return NULL;
    }
    return (SimThread *)AS_OBJ(v);
}

static Value n_thread_new(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "_thread_new", n, k, 5, 5) < 0)
        return VNULL;
    SimSched *s = sched_of(vm);
    if (!IS_TUPLE(a[1]))
        return vm_raise(vm, EXC_TypeError, "_thread_new: args must be a tuple");
    Gen *g = vm_fiber_new(vm, a[0], AS_TUPLE(a[1])->items, (int)AS_TUPLE(a[1])->len);
    if (!g)
        return VNULL;
    Value gv = VOBJ(g);
    vm_push_root(vm, &gv);
    SimThread *t = vm_alloc_obj(vm, sizeof(SimThread), OBJ_NATIVE_DATA, TYPE(vm, object));
    t->hdr.type = &thread_type;
    t->fiber = gv;
    t->name = a[2];
    t->pyobj = a[3];
    t->resume_value = VNONE;
    t->id = s->next_id++;
    t->is_process = vm_truthy(vm, a[4]);
    Value tv = VOBJ(t);
    list_append(vm, AS_LIST(s->threads), tv);
    vm_pop_root(vm);
    ready_push(s, t);
    return tv;
}

static Value n_thread_current(VM *vm, Value *a, int n, Tuple *k)
{
    (void)a;
    if (vm_check_nargs(vm, "_thread_current", n, k, 0, 0) < 0)
        return VNULL;
    SimSched *s = sched_of(vm);
    return s->current ? s->current->pyobj : s->main->pyobj;
}

static Value n_thread_set_main(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "_thread_set_main", n, k, 1, 1) < 0)
        return VNULL;
    sched_of(vm)->main->pyobj = a[0];
    return VNONE;
}

static Value n_thread_block(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "_thread_block", n, k, 0, 1) < 0)
        return VNULL;
    double timeout = INFINITY;
    if (n == 1 && !IS_NONE(a[0])) {
        if (vm_to_double(vm, a[0], &timeout) < 0)
            return VNULL;
        if (timeout < 0)
            timeout = 0;
    }
    SimSched *s = sched_of(vm);
    SimThread *t = s->current ? s->current : s->main;
    if (t == s->main) {
        begin_wait(s, t, WAIT_BLOCK, timeout);
        if (!main_wait(vm, s))
            return vm_raise(vm, EXC_RuntimeError,
                            "loopscope: the main thread waits for a thread that will never finish "
                            "(every other thread is waiting too)");
        Value r = t->resume_value;
        t->resume_value = VNONE;
        return IS_BOOL(r) ? r : VBOOL(true);
    }
    if (!worker_wait(vm, s, WAIT_BLOCK, timeout))
        return vm_raise(vm, EXC_RuntimeError,
                        "loopscope: a thread cannot wait inside a function called from C code "
                        "(such as a key= or map() callback)");
    return VNONE;   /* replaced by the value it is resumed with */
}

static Value n_thread_wake(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "_thread_wake", n, k, 1, 1) < 0)
        return VNULL;
    SimThread *t = as_thread(vm, a[0]);
    if (!t)
        return VNULL;
    if (t->state == TH_WAITING && t->wait == WAIT_BLOCK)
        make_ready(sched_of(vm), t, VBOOL(true));
    return VNONE;
}

static Value n_thread_main(VM *vm, Value *a, int n, Tuple *k)
{
    (void)a;
    if (vm_check_nargs(vm, "_thread_main", n, k, 0, 0) < 0)
        return VNULL;
    return VOBJ(sched_of(vm)->main);
}

static Value n_thread_self(VM *vm, Value *a, int n, Tuple *k)
{
    (void)a;
    if (vm_check_nargs(vm, "_thread_self", n, k, 0, 0) < 0)
        return VNULL;
    SimSched *s = sched_of(vm);
    return VOBJ(s->current ? s->current : s->main);
}

static Value n_thread_alive(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "_thread_alive", n, k, 1, 1) < 0)
        return VNULL;
    SimThread *t = as_thread(vm, a[0]);
    return t ? VBOOL(t->state != TH_DONE) : VNULL;
}

static Value n_default_workers(VM *vm, Value *a, int n, Tuple *k)
{
    (void)a;
    if (vm_check_nargs(vm, "_default_workers", n, k, 0, 0) < 0)
        return VNULL;
    int w = sched_of(vm)->workers;
    return VINT(w > 0 ? w : (SIM_VIRTUAL_CPUS + 4 < 32 ? SIM_VIRTUAL_CPUS + 4 : 32));
}

static Value n_cpu_count(VM *vm, Value *a, int n, Tuple *k)
{
    (void)a;
    if (vm_check_nargs(vm, "_cpu_count", n, k, 0, 0) < 0)
        return VNULL;
    return VINT(SIM_VIRTUAL_CPUS);
}

/* The instructions the running thread has executed so far (all its turns). */
static uint64_t thread_steps(VM *vm, SimThread *t)
{
    return t->cpu_steps + (vm->steps - t->turn_start);
}

static Value n_cpu_steps(VM *vm, Value *a, int n, Tuple *k)
{
    (void)a;
    if (vm_check_nargs(vm, "_cpu_steps", n, k, 0, 0) < 0)
        return VNULL;
    SimSched *s = sched_of(vm);
    SimThread *t = s->current ? s->current : s->main;
    return VINT(t == s->main ? (int64_t)vm->steps : (int64_t)thread_steps(vm, t));
}

/* A process pool worker computed `steps - since` instructions with the
 * clock running as if it held the only CPU. Processes run in parallel, so
 * that time is taken back and the worker waits that long instead, while
 * the others go on. */
static Value n_cpu_charge(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "_cpu_charge", n, k, 1, 1) < 0 || !IS_INT(a[0]))
        return VNULL;
    SimSched *s = sched_of(vm);
    SimThread *t = s->current;
    if (!t || t == s->main)
        return VNONE;
    double spent = (double)(thread_steps(vm, t) - (uint64_t)a[0].as.i) * vm->cfg.cpu_cost;
    if (spent <= 0)
        return VNONE;
    vm_clock_set(vm, vm_clock(vm) - spent);
    worker_wait(vm, s, WAIT_SLEEP, spent);
    return VNONE;
}

/* _worker_job(description) when a pool worker takes a job, _worker_job(None)
 * when it is done: the trace's worker.start and worker.end. */
static Value n_worker_job(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "_worker_job", n, k, 1, 2) < 0)
        return VNULL;
    SimSched *s = sched_of(vm);
    SimThread *t = s->current;
    if (!t || t == s->main || !s->trace)
        return VNONE;
    if (IS_NONE(a[0])) {
        trace_thread(s, TR_WORKER_END, t, 0, n > 1 && vm_truthy(vm, a[1]) ? "exception" : "result");
        return VNONE;
    }
    Str *d = vm_to_str(vm, a[0]);
    vm->exc = VNULL;
    trace_thread(s, TR_WORKER_START, t, 0, d ? d->data : NULL);
    return VNONE;
}

void sim_sched_install(VM *vm, Module *m)
{
    static const struct { const char *name; NativeFn fn; } natives[] = {
        { "_thread_new", n_thread_new }, { "_thread_current", n_thread_current },
        { "_thread_set_main", n_thread_set_main }, { "_thread_block", n_thread_block },
        { "_thread_wake", n_thread_wake }, { "_thread_alive", n_thread_alive },
        { "_thread_main", n_thread_main }, { "_thread_self", n_thread_self },
        { "_cpu_steps", n_cpu_steps }, { "_cpu_charge", n_cpu_charge },
        { "_default_workers", n_default_workers }, { "_cpu_count", n_cpu_count },
        { "_worker_job", n_worker_job },
    };
    for (size_t i = 0; i < sizeof natives / sizeof natives[0]; i++)
        dict_set_str(vm, m->dict, natives[i].name, VOBJ(native_new(vm, natives[i].name, natives[i].fn, NULL)));
}

/* ---- life cycle ----------------------------------------------------------------------- */

SimSched *sim_sched_new(VM *vm, Trace *trace, int workers)
{
    SimSched *s = calloc(1, sizeof *s);
    if (!s)
        abort();
    s->vm = vm;
    s->trace = trace;
    s->workers = workers;
    s->threads = VOBJ(list_new(vm, 4));
    SimThread *m = vm_alloc_obj(vm, sizeof(SimThread), OBJ_NATIVE_DATA, TYPE(vm, object));
    m->hdr.type = &thread_type;
    m->fiber = VNULL;
    m->name = vm_str(vm, "MainThread");
    m->pyobj = VNONE;
    m->resume_value = VNONE;
    m->state = TH_RUNNING;
    m->id = 0;
    s->main = s->current = s->gil_holder = m;
    s->next_id = 1;
    list_append(vm, AS_LIST(s->threads), VOBJ(m));
    if (vm->cfg.cpu_cost > 0)
        s->switch_steps = (uint64_t)ceil(SIM_SWITCH_INTERVAL / vm->cfg.cpu_cost);
    vm->switch_hook = switch_hook;
    return s;
}

void sim_sched_mark(VM *vm, SimSched *s)
{
    vm_mark_value(vm, s->threads);
    vm_mark_obj(vm, (Obj *)s->main);
    for (size_t i = 0; i < s->rlen; i++)
        vm_mark_obj(vm, (Obj *)s->ready[(s->rhead + i) % s->rcap]);
}

void sim_sched_free(SimSched *s)
{
    if (!s)
        return;
    free(s->ready);
    free(s);
}
