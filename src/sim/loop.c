/*
 * loop.c - one event-loop iteration as CPython 3.12 runs it (see loop.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>
#include "loop.h"
#include "threads.h"
#include "sim.h"
#include "stdframes.h"
#include "internal.h"

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
    loop->ready_ids = NULL;
    loop->rhead = loop->rlen = loop->rcap = 0;
    sim_heap_init(&loop->timers);
    loop->timer_cancelled_count = 0;
    loop->iteration = 0;
    loop->next_handle_id = 1;
    loop->stopping = false;
    loop->spare = loop->soon_spare = NULL;
    loop->nsoon_spare = 0;
    loop->handle_cls = loop->timer_handle_cls = NULL;
    loop->trace = NULL;
    loop->describe = NULL;
    loop->describe_light = NULL;
    memset(loop->light, 0, sizeof loop->light);
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

/* A ready entry's low bits: 0 for a handle, else a light kind. */
#define LIGHT_MASK ((uintptr_t)7)
_Static_assert(SIM_LIGHT_KINDS <= LIGHT_MASK + 1, "light kinds fit in an entry's low bits");

static unsigned entry_kind(uintptr_t e) { return (unsigned)(e & LIGHT_MASK); }
static void *entry_ptr(uintptr_t e) { return (void *)(e & ~LIGHT_MASK); }

/* ready.push and timer.arm name what runs: which task, what callback
 * (e: a handle, or a light entry, see above) */
static void trace_entry(SimLoop *loop, TraceKind kind, uintptr_t e, uint32_t id)
{
    if (!loop->trace)
        return;
    uint32_t task = 0;
    char desc[200] = "";
    double when = 0;
    if (entry_kind(e)) {
        if (loop->describe_light)
            loop->describe_light(loop, entry_kind(e), entry_ptr(e), &task, desc, sizeof desc);
    } else {
        SimHandle *h = entry_ptr(e);
        if (loop->describe)
            loop->describe(loop, h, &task, desc, sizeof desc);
        if (kind == TR_TIMER_ARM)
            when = h->when;
    }
    sim_loop_trace(loop, kind, task, id, 0, when, desc[0] ? desc : NULL, NULL);
}

static void trace_handle(SimLoop *loop, TraceKind kind, SimHandle *h)
{
    trace_entry(loop, kind, (uintptr_t)h, h->id);
}

/* The internal handles still queued, and the spare ones, live in the VM's
 * small-object slabs, which the VM frees: they are forgotten here. */
void sim_loop_free(SimLoop *loop)
{
    free(loop->ready);
    free(loop->ready_ids);
    loop->ready = NULL;
    loop->ready_ids = NULL;
    loop->rlen = loop->rcap = 0;
    sim_heap_free(&loop->timers);
    loop->spare = loop->soon_spare = NULL;
    loop->nsoon_spare = 0;
}

/* A collected handle is marked; an internal one is no collected object, so
 * what it holds is marked instead. */
static void mark_handle(VM *vm, SimHandle *h)
{
    if (h->internal)
        handle_mark(vm, (Obj *)h);
    else
        vm_mark_obj(vm, (Obj *)h);
}

void sim_loop_mark(VM *vm, SimLoop *loop)
{
    for (size_t i = 0; i < loop->rlen; i++) {
        uintptr_t e = loop->ready[(loop->rhead + i) & (loop->rcap - 1)];
        if (entry_kind(e))
            vm_mark_obj(vm, entry_ptr(e));
        else
            mark_handle(vm, entry_ptr(e));
    }
    for (size_t i = 0; i < loop->timers.len; i++)
        mark_handle(vm, loop->timers.items[i].data);
}

static void *ring_grow(void *old, size_t elem, size_t rhead, size_t rlen, size_t rcap, size_t ncap)
{
    char *n = malloc(ncap * elem);
    if (!n) {
        fputs("loopscope: out of memory\n", stderr);
        abort();
    }
    if (!old)   /* a new ring; or the ids of a trace switched on while entries wait: none */
        memset(n, 0, ncap * elem);
    for (size_t i = 0; old && i < rlen; i++)
        memcpy(n + i * elem, (char *)old + ((rhead + i) & (rcap - 1)) * elem, elem);
    free(old);
    return n;
}

static void ready_push(SimLoop *loop, uintptr_t e, uint32_t id)
{
    bool ids = loop->trace != NULL;
    if (loop->rlen == loop->rcap || (ids && !loop->ready_ids)) {
        size_t ncap = loop->rlen < loop->rcap ? loop->rcap : loop->rcap ? loop->rcap * 2 : 64;
        if (ids)
            loop->ready_ids = ring_grow(loop->ready_ids, sizeof *loop->ready_ids, loop->rhead, loop->rlen,
                                        loop->rcap, ncap);
        loop->ready = ring_grow(loop->ready, sizeof *loop->ready, loop->rhead, loop->rlen, loop->rcap, ncap);
        loop->rhead = 0;
        loop->rcap = ncap;
    }
    size_t at = (loop->rhead + loop->rlen) & (loop->rcap - 1);
    loop->ready[at] = e;
    if (ids)
        loop->ready_ids[at] = id;
    loop->rlen++;
}

static uintptr_t ready_pop(SimLoop *loop, uint32_t *id)
{
    uintptr_t e = loop->ready[loop->rhead];
    *id = loop->ready_ids ? loop->ready_ids[loop->rhead] : 0;
    loop->rhead = (loop->rhead + 1) & (loop->rcap - 1);
    loop->rlen--;
    return e;
}

static Class *handle_class(SimLoop *loop)
{
    return loop->handle_cls ? loop->handle_cls : TYPE(loop->vm, object);
}

/* what every handle starts with; h's object header is already set */
static SimHandle *handle_init(SimLoop *loop, SimHandle *h, SimCallbackFn fn, Value callback, Value args)
{
    h->hdr.type = &handle_type;
    h->loop = loop;
    h->cfn = fn;
    h->callback = callback;
    h->args = args;
    h->data = VNULL;   /* and ctx */
    h->id = loop->next_handle_id++;
    return h;
}

static SimHandle *handle_new(SimLoop *loop, SimCallbackFn fn, Value callback, Value args)
{
    SimHandle *h = vm_alloc_obj(loop->vm, sizeof(SimHandle), OBJ_NATIVE_DATA, handle_class(loop));
    return handle_init(loop, h, fn, callback, args);
}

/* Internal handles are reused. A timer comes from the loop's spare timers
 * when there are: a FastWait may still hold a timer that has fired
 * (sim_timer_cancel checks its id), so timers stay timers. Other internal
 * handles have spares of their own too, up to SIM_SOON_SPARE: steady
 * traffic (a batch of wake-ups, then the next) reuses the same ones
 * instead of splitting other sizes' free memory into pieces nothing else
 * fits; past that (the first steps of 50,000 tasks created at once) they go
 * back to the VM's free lists. */
static SimHandle *internal_new(SimLoop *loop, bool timer, SimCallbackFn fn, Value a, Value b)
{
    SimHandle **spare = timer ? &loop->spare : &loop->soon_spare;
    SimHandle *h = *spare;
    if (h) {
        *spare = h->next_spare;
        if (!timer)
            loop->nsoon_spare--;
    } else {
        h = vm_small_alloc(loop->vm, sizeof(SimHandle));
    }
    memset(h, 0, sizeof *h);
    h->hdr.hdr.kind = OBJ_NATIVE_DATA;
    h->hdr.hdr.cls = handle_class(loop);
    h->internal = true;
    return handle_init(loop, h, fn, a, b);
}

/* An internal handle that has run or was dropped is reused (above). */
static void recycle(SimLoop *loop, SimHandle *h)
{
    if (!h->internal)
        return;
    if (!h->is_timer) {
        if (loop->nsoon_spare >= SIM_SOON_SPARE) {
            vm_release_mem(loop->vm, h, sizeof *h);
            return;
        }
        loop->nsoon_spare++;
    }
    SimHandle **spare = h->is_timer ? &loop->spare : &loop->soon_spare;
    h->id = 0;
    h->callback = h->args = h->data = VNULL;
    h->next_spare = *spare;
    *spare = h;
}

static void queue_soon(SimLoop *loop, SimHandle *h)
{
    ready_push(loop, (uintptr_t)h, h->id);
    h->in_ready = true;
    trace_handle(loop, TR_READY_PUSH, h);
}

SimHandle *sim_call_soon(SimLoop *loop, SimCallbackFn fn, Value callback, Value args)
{
    SimHandle *h = handle_new(loop, fn, callback, args);
    queue_soon(loop, h);
    return h;
}

SimHandle *sim_call_soon_internal(SimLoop *loop, SimCallbackFn fn, Value a, Value b)
{
    SimHandle *h = internal_new(loop, false, fn, a, b);
    queue_soon(loop, h);
    return h;
}

void sim_call_soon_light(SimLoop *loop, unsigned kind, Obj *o)
{
    uint32_t id = loop->next_handle_id++;
    uintptr_t e = (uintptr_t)o | kind;
    ready_push(loop, e, id);
    trace_entry(loop, TR_READY_PUSH, e, id);
}

static void arm_timer(SimLoop *loop, SimHandle *h, double when)
{
    h->is_timer = true;
    h->when = when;
    h->in_heap = true;
    SimTimer t = { when, h->id, h };
    sim_heap_push(&loop->timers, t);
    trace_handle(loop, TR_TIMER_ARM, h);
}

SimHandle *sim_call_at(SimLoop *loop, double when, SimCallbackFn fn, Value callback, Value args)
{
    SimHandle *h = handle_new(loop, fn, callback, args);
    if (loop->timer_handle_cls)
        h->hdr.hdr.cls = loop->timer_handle_cls;
    arm_timer(loop, h, when);
    return h;
}

/* call_at(time() + delay): the same double addition as CPython */
SimHandle *sim_call_later(SimLoop *loop, double delay, SimCallbackFn fn, Value callback, Value args)
{
    return sim_call_at(loop, vm_clock(loop->vm) + delay, fn, callback, args);
}

SimHandle *sim_call_later_internal(SimLoop *loop, double delay, SimCallbackFn fn, Value a, Value b)
{
    SimHandle *h = internal_new(loop, true, fn, a, b);
    arm_timer(loop, h, vm_clock(loop->vm) + delay);
    return h;
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

void sim_timer_cancel(SimHandle *h, uint32_t id)
{
    if (h->id == id)
        sim_handle_cancel(h);
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
                recycle(loop, h);
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
        recycle(loop, t.data);
    }
}

/* The collected handle the exception handler is shown for an internal one
 * whose callback raised: the same callback, arguments, context and id. */
static SimHandle *exposed(SimLoop *loop, SimHandle *h)
{
    Value args = VOBJ(tuple_from(loop->vm, &h->args, 1));
    vm_push_root(loop->vm, &args);
    SimHandle *e = handle_new(loop, NULL, h->callback, args);
    vm_pop_root(loop->vm);
    loop->next_handle_id--;
    e->id = h->id;
    e->ctx = h->ctx;
    return e;
}

static int run_handle(SimLoop *loop, SimHandle *h)
{
    VM *vm = loop->vm;
    if (h->cfn)
        return h->cfn(vm, h);
    Value *argv = NULL;
    int argc = 0;
    if (h->internal) {
        argv = &h->args;
        argc = 1;
    } else if (IS_TUPLE(h->args)) {
        argv = AS_TUPLE(h->args)->items;
        argc = (int)AS_TUPLE(h->args)->len;
    }
    Value saved_ctx = VNULL;
    if (loop->contexts)
        saved_ctx = sim_ctx_enter(vm, h->ctx);
    vm_push_root(vm, &saved_ctx);
    Value r = vm_call(vm, h->callback, argv, argc, NULL);
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
    Value shown = VOBJ(h->internal ? exposed(loop, h) : h);
    vm_push_root(vm, &shown);
    loop->callback_failed(loop, (SimHandle *)AS_OBJ(shown), exc);
    vm_pop_root(vm);
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
        queue_soon(loop, h);
    }

    /* the handles queued during this step wait for the next iteration */
    size_t ntodo = loop->rlen;
    for (size_t i = 0; i < ntodo; i++) {
        uint32_t id;
        uintptr_t e = ready_pop(loop, &id);
        int r;
        if (entry_kind(e)) {
            sim_loop_trace(loop, TR_READY_POP, 0, id, 0, 0, NULL, NULL);
            r = loop->light[entry_kind(e)](loop->vm, entry_ptr(e));
        } else {
            SimHandle *h = entry_ptr(e);
            h->in_ready = false;
            sim_loop_trace(loop, TR_READY_POP, 0, h->id, 0, h->cancelled, NULL, NULL);
            if (h->cancelled) {
                recycle(loop, h);
                continue;
            }
            r = run_handle(loop, h);
            recycle(loop, h);
        }
        if (r < 0)
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
