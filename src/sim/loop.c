/*
 * loop.c - one event-loop iteration as CPython 3.12 runs it (see loop.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include "loop.h"
#include "threads.h"
#include "sim.h"
#include "stdframes.h"

static void handle_mark(VM *vm, Obj *o)
{
    SimHandle *h = (SimHandle *)o;
    vm_mark_value(vm, h->callback);
    vm_mark_value(vm, h->args);
    vm_mark_value(vm, h->data);   /* or ctx */
}

static const NativeType handle_type = {
    .name = "Handle",
    .mark = handle_mark,
    .size = sizeof(SimHandle),
};

void sim_loop_init(SimLoop *loop, VM *vm)
{
    loop->vm = vm;
    loop->ready = NULL;
    loop->rhead = loop->rlen = loop->rcap = 0;
    sim_heap_init(&loop->timers);
    loop->timer_cancelled_count = 0;
    loop->iteration = 0;
    loop->next_handle_id = 1;
    loop->stopping = false;
    loop->handle_cls = loop->timer_handle_cls = NULL;
    loop->trace = NULL;
    loop->describe = NULL;
    loop->sched = NULL;
    loop->callback_failed = NULL;
}

void sim_loop_trace(SimLoop *loop, TraceKind kind, uint32_t task, uint32_t obj, int line,
                    double num, const char *s1, const char *s2)
{
    Trace *t = loop->trace;
    if (!t)
        return;
    TraceEvent ev = {
        .t_ns = trace_ns(vm_clock(loop->vm)), .kind = (uint16_t)kind, .task = task, .obj = obj,
        .line = line, .num = num,
        .s1 = s1 ? trace_cstr(t, s1) : 0, .s2 = s2 ? trace_cstr(t, s2) : 0,
    };
    trace_emit(t, &ev);
}

/* ready.push and timer.arm name the handle: which task, what callback */
static void trace_handle(SimLoop *loop, TraceKind kind, SimHandle *h)
{
    if (!loop->trace)
        return;
    uint32_t task = 0;
    char desc[200] = "";
    if (loop->describe)
        loop->describe(loop, h, &task, desc, sizeof desc);
    sim_loop_trace(loop, kind, task, h->id, 0, kind == TR_TIMER_ARM ? h->when : 0, desc[0] ? desc : NULL, NULL);
}

void sim_loop_free(SimLoop *loop)
{
    free(loop->ready);
    loop->ready = NULL;
    loop->rlen = loop->rcap = 0;
    sim_heap_free(&loop->timers);
}

void sim_loop_mark(VM *vm, SimLoop *loop)
{
    for (size_t i = 0; i < loop->rlen; i++)
        vm_mark_obj(vm, (Obj *)loop->ready[(loop->rhead + i) % loop->rcap]);
    for (size_t i = 0; i < loop->timers.len; i++)
        vm_mark_obj(vm, (Obj *)loop->timers.items[i].data);
}

static void ready_push(SimLoop *loop, SimHandle *h)
{
    if (loop->rlen == loop->rcap) {
        size_t ncap = loop->rcap ? loop->rcap * 2 : 64;
        SimHandle **n = malloc(ncap * sizeof *n);
        if (!n) {
            fputs("loopscope: out of memory\n", stderr);
            abort();
        }
        for (size_t i = 0; i < loop->rlen; i++)
            n[i] = loop->ready[(loop->rhead + i) % loop->rcap];
        free(loop->ready);
        loop->ready = n;
        loop->rhead = 0;
        loop->rcap = ncap;
    }
    loop->ready[(loop->rhead + loop->rlen) % loop->rcap] = h;
    loop->rlen++;
    h->in_ready = true;
}

static SimHandle *ready_pop(SimLoop *loop)
{
    SimHandle *h = loop->ready[loop->rhead];
    loop->rhead = (loop->rhead + 1) % loop->rcap;
    loop->rlen--;
    h->in_ready = false;
    return h;
}

static SimHandle *handle_new(SimLoop *loop, SimCallbackFn fn, Value callback, Value args)
{
    VM *vm = loop->vm;
    Class *cls = loop->handle_cls ? loop->handle_cls : TYPE(vm, object);
    SimHandle *h = vm_alloc_obj(vm, sizeof(SimHandle), OBJ_NATIVE_DATA, cls);
    h->hdr.type = &handle_type;
    h->loop = loop;
    h->cfn = fn;
    h->callback = callback;
    h->args = args;
    h->data = VNULL;   /* and ctx */
    h->id = loop->next_handle_id++;
    return h;
}

SimHandle *sim_call_soon(SimLoop *loop, SimCallbackFn fn, Value callback, Value args)
{
    SimHandle *h = handle_new(loop, fn, callback, args);
    ready_push(loop, h);
    trace_handle(loop, TR_READY_PUSH, h);
    return h;
}

SimHandle *sim_call_at(SimLoop *loop, double when, SimCallbackFn fn, Value callback, Value args)
{
    SimHandle *h = handle_new(loop, fn, callback, args);
    if (loop->timer_handle_cls)
        h->hdr.hdr.cls = loop->timer_handle_cls;
    h->is_timer = true;
    h->when = when;
    h->in_heap = true;
    SimTimer t = { when, h->id, h };
    sim_heap_push(&loop->timers, t);
    trace_handle(loop, TR_TIMER_ARM, h);
    return h;
}

SimHandle *sim_call_later(SimLoop *loop, double delay, SimCallbackFn fn, Value callback, Value args)
{
    /* call_at(time() + delay): the same double addition as CPython */
    return sim_call_at(loop, vm_clock(loop->vm) + delay, fn, callback, args);
}

void sim_handle_cancel(SimHandle *h)
{
    if (h->cancelled)
        return;
    h->cancelled = true;
    if (h->is_timer && h->in_heap)
        h->loop->timer_cancelled_count++;
    if (h->in_heap || h->in_ready)   /* cancelling a handle that ran already changes nothing */
        sim_loop_trace(h->loop, TR_HANDLE_CANCEL, 0, h->id, 0, 0, NULL, NULL);
    /* drop the references, as CPython's Handle.cancel does */
    h->callback = VNULL;
    h->args = VNULL;
    h->data = VNULL;
}

static void purge_cancelled(SimLoop *loop)
{
    SimTimerHeap *heap = &loop->timers;
    if (heap->len > 100 && loop->timer_cancelled_count * 2 > heap->len) {
        size_t w = 0;
        for (size_t r = 0; r < heap->len; r++) {
            SimHandle *h = heap->items[r].data;
            if (h->cancelled) {
                h->in_heap = false;
                sim_loop_trace(loop, TR_TIMER_DROP, 0, h->id, 0, 0, NULL, NULL);
            } else
                heap->items[w++] = heap->items[r];
        }
        heap->len = w;
        sim_heap_heapify(heap);
        loop->timer_cancelled_count = 0;
        return;
    }
    while (heap->len && ((SimHandle *)heap->items[0].data)->cancelled) {
        SimTimer t = sim_heap_pop(heap);
        ((SimHandle *)t.data)->in_heap = false;
        loop->timer_cancelled_count--;
        sim_loop_trace(loop, TR_TIMER_DROP, 0, t.id, 0, 0, NULL, NULL);
    }
}

static int run_handle(SimLoop *loop, SimHandle *h)
{
    VM *vm = loop->vm;
    if (h->cfn)
        return h->cfn(vm, h);
    Value args = h->args;
    Tuple *t = IS_TUPLE(args) ? AS_TUPLE(args) : NULL;
    Value saved_ctx = VNULL;
    if (loop->contexts)
        saved_ctx = sim_ctx_enter(vm, h->ctx);
    vm_push_root(vm, &saved_ctx);
    Value r = vm_call(vm, h->callback, t ? t->items : NULL, t ? (int)t->len : 0, NULL);
    vm_pop_root(vm);
    if (loop->contexts)
        sim_ctx_leave(vm, saved_ctx);
    if (!IS_NULL(r))
        return 0;
    /* Handle._run: SystemExit and KeyboardInterrupt leave the loop; any
     * other exception goes to the loop's exception handler, and the loop
     * goes on */
    if (vm_exc_matches(vm, EXC_SystemExit) || vm_exc_matches(vm, EXC_KeyboardInterrupt) ||
        !loop->callback_failed)
        return -1;
    Value exc = vm_exc_take(vm);
    vm_push_root(vm, &exc);
    loop->callback_failed(loop, h, exc);
    vm_pop_root(vm);
    return 0;
}

int sim_run_once(SimLoop *loop, SimWait *wait)
{
    loop->iteration++;
    purge_cancelled(loop);

    *wait = SIM_WAIT_NONE;
    double timeout = 0;
    if (loop->rlen == 0 && !loop->stopping) {
        const SimTimer *top = sim_heap_top(&loop->timers);
        if (top) {
            timeout = top->when - vm_clock(loop->vm);
            if (timeout < 0)
                timeout = 0;
            if (timeout > SIM_MAX_WAIT)
                timeout = SIM_MAX_WAIT;
            /* epoll waits in whole milliseconds, rounded up: on a real
             * machine timers due within the same millisecond wake together.
             * With free computation (--cpu-cost 0) deadlines are exact and
             * the wait is too, as under a virtual clock. */
            if (loop->vm->cfg.cpu_cost > 0 && timeout > 0)
                timeout = ceil(timeout * 1e3) * 1e-3;
            *wait = SIM_WAIT_TIMER;
        } else {
            timeout = INFINITY;
            *wait = SIM_WAIT_FOREVER;
        }
        if (timeout > 0)
            sim_loop_trace(loop, TR_LOOP_IDLE, 0, 0, 0, isinf(timeout) ? -1 : vm_clock(loop->vm) + timeout,
                           NULL, NULL);
    }
    if (loop->sched && sim_threads_alive(loop->sched)) {
        /* worker threads run while the loop waits in select(); one that
         * hands a result over (call_soon_threadsafe) wakes it early */
        bool ended = sim_threads_select(loop->vm, loop->sched, timeout);
        if (*wait == SIM_WAIT_FOREVER && (ended || loop->rlen))
            *wait = SIM_WAIT_TIMER;
    } else if (*wait == SIM_WAIT_TIMER) {
        vm_clock_set(loop->vm, vm_clock(loop->vm) + timeout);
    }

    double end_time = vm_clock(loop->vm) + SIM_CLOCK_RESOLUTION;
    while (loop->timers.len && loop->timers.items[0].when < end_time) {
        SimTimer t = sim_heap_pop(&loop->timers);
        SimHandle *h = t.data;
        h->in_heap = false;
        sim_loop_trace(loop, TR_TIMER_FIRE, 0, h->id, 0, 0, NULL, NULL);
        ready_push(loop, h);
        trace_handle(loop, TR_READY_PUSH, h);
    }

    /* the handles queued during this step wait for the next iteration */
    size_t ntodo = loop->rlen;
    for (size_t i = 0; i < ntodo; i++) {
        SimHandle *h = ready_pop(loop);
        sim_loop_trace(loop, TR_READY_POP, 0, h->id, 0, h->cancelled, NULL, NULL);
        if (h->cancelled)
            continue;
        if (run_handle(loop, h) < 0)
            return -1;
        /* between callbacks nothing is held in C: a requested collection
         * (a failed task nobody awaits, gc.collect) happens here */
        if (loop->vm->gc_requested) {
            loop->vm->warn_ext = &sim_frame_handle_run;   /* what CPython's warnings name here */
            vm_collect(loop->vm);
            loop->vm->warn_ext = NULL;
        }
    }
    return 0;
}
