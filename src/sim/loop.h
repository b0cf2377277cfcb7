/*
 * loop.h - the core of the event loop, on a virtual clock: CPython 3.12's
 * BaseEventLoop._run_once, step for step.
 *
 * A handle is a VM object (Python code will hold them: loop.call_soon returns
 * one), run either by a C function or by calling a Python callable. The ready
 * queue is FIFO; timers live in a heap that orders equal deadlines exactly as
 * CPython's heapq (timerheap.h). One iteration:
 *   1. drop cancelled timers: all of them when more than half of a heap of
 *      over 100 are cancelled, otherwise only those at the head;
 *   2. compute how long the loop would wait: 0 with ready handles, else until
 *      the earliest deadline (at most a day), else forever;
 *   3. "wait": the virtual clock jumps by that much (rounded up to whole
 *      milliseconds, as epoll does, unless computation is free);
 *   4. move every timer due before now + the clock resolution to the ready
 *      queue, in heap-pop order;
 *   5. run exactly the handles that were ready at this point, skipping
 *      cancelled ones; what they schedule waits for the next iteration.
 * The clock is the VM's virtual clock (vm->vtime), the one time.monotonic()
 * and time.sleep() use too. Nothing here reads a wall clock.
 */
#ifndef LOOPSCOPE_LOOP_H
#define LOOPSCOPE_LOOP_H

#include <stdbool.h>
#include <stdint.h>
#include "vm.h"
#include "timerheap.h"
#include "trace.h"

#define SIM_CLOCK_RESOLUTION 1e-9   /* time.get_clock_info('monotonic').resolution on Linux */
#define SIM_MAX_WAIT 86400.0        /* CPython caps one wait at a day */

typedef struct SimLoop SimLoop;
typedef struct SimHandle SimHandle;

/* A C callback: returns 0, or -1 with an exception set (it escapes the loop). */
typedef int (*SimCallbackFn)(VM *vm, SimHandle *h);

struct SimHandle {
    NativeData hdr;
    union {
        SimLoop *loop;
        SimHandle *next_spare;  /* an internal one's, while it waits to be reused */
    };
    SimCallbackFn cfn;     /* or NULL: call `callback` with `args` */
    Value callback;        /* an internal handle's first value */
    Value args;            /* a Tuple, or VNULL for none; an internal handle's second value */
    union {
        Value data;        /* a C callback's */
        Value ctx;         /* the contextvars context a Python callback runs in (VNULL: empty) */
    };
    double when;           /* timers only */
    uint32_t id;
    bool cancelled;
    bool is_timer;
    bool in_heap;          /* scheduled and not yet moved to the ready queue */
    bool in_ready;         /* in the ready queue */
    bool internal;         /* the loop's own: see sim_call_soon_internal */
};

typedef enum SimWait {
    SIM_WAIT_NONE,         /* something was ready: no waiting */
    SIM_WAIT_TIMER,        /* the clock advanced to the next timer (or by a day) */
    SIM_WAIT_FOREVER       /* nothing ready, no timer: CPython would block forever */
} SimWait;

/* A light entry of the ready queue: an object and what to run with it,
 * for the loop's busiest work (a task's step and wake-up). No handle is
 * made for it: 50,000 tasks created at once hold nothing for their first
 * steps but a slot each in the queue. Kinds are 1 .. SIM_LIGHT_KINDS - 1;
 * the function returns 0, or -1 with an exception that leaves the loop. */
typedef int (*SimLightFn)(VM *vm, Obj *o);
#define SIM_LIGHT_KINDS 4

struct SimLoop {
    VM *vm;
    /* the ready queue, a ring: a SimHandle *, or an object's address with
     * a light kind in its low bits; ids (only while tracing) holds each
     * entry's handle id, which a light entry has nowhere else */
    uintptr_t *ready;
    uint32_t *ready_ids;
    size_t rhead, rlen, rcap;   /* rcap: 0 or a power of two */
    SimTimerHeap timers;   /* data: SimHandle* */
    size_t timer_cancelled_count;
    uint64_t iteration;
    uint32_t next_handle_id;
    bool stopping;
    SimHandle *spare;      /* internal timers to reuse, linked by next_spare */
    SimHandle *soon_spare; /* other internal handles to reuse (at most SIM_SOON_SPARE) */
    uint32_t nsoon_spare;
    bool contexts;         /* Python callbacks run in their handle's contextvars context
                              (set by the asyncio layer: contextvars.c) */
    Class *handle_cls, *timer_handle_cls;   /* the Python classes of handles (or NULL) */
    Trace *trace;          /* where scheduling events go, or NULL */
    struct SimSched *sched;/* the threads: the loop's wait lets them run */
    /* the loop's exception handler, for a callback that raised */
    void (*callback_failed)(SimLoop *loop, SimHandle *h, Value exc);
    /* names a handle for the trace: the task it steps (0: none) and, in
     * words, what it runs; set by the asyncio layer, which knows tasks */
    void (*describe)(SimLoop *loop, SimHandle *h, uint32_t *task, char *buf, size_t n);
    void (*describe_light)(SimLoop *loop, unsigned kind, Obj *o, uint32_t *task, char *buf, size_t n);
    SimLightFn light[SIM_LIGHT_KINDS];   /* what each light kind runs */
};

/* Appends one event stamped with the virtual clock (nothing without a trace). */
void sim_loop_trace(SimLoop *loop, TraceKind kind, uint32_t task, uint32_t obj, int line,
                    double num, const char *s1, const char *s2);

void sim_loop_init(SimLoop *loop, VM *vm);
void sim_loop_free(SimLoop *loop);
void sim_loop_mark(VM *vm, SimLoop *loop);   /* marks every queued handle */

SimHandle *sim_call_soon(SimLoop *loop, SimCallbackFn fn, Value callback, Value args);
SimHandle *sim_call_at(SimLoop *loop, double when, SimCallbackFn fn, Value callback, Value args);
SimHandle *sim_call_later(SimLoop *loop, double delay, SimCallbackFn fn, Value callback, Value args);
void sim_handle_cancel(SimHandle *h);

/* The loop's own handles (a task's step or wake-up, sleep()'s timer, a
 * future's done callback): a C callback fn with two values (callback,
 * args), or with fn NULL the Python callable `callback` called with the one
 * argument `args` in the context h->ctx. No Python code ever sees the
 * handle itself (one whose callback raises is shown to the exception
 * handler as a collected copy). They are not collected objects: the loop marks what they hold while
 * they are queued and reuses them once they have run or been dropped, so a
 * program's 100,000 task steps leave no garbage. A soon handle's memory
 * goes back to the VM once it has run: nobody may keep a pointer to it. A
 * timer's stays a timer: whoever keeps a pointer to one cancels it with
 * sim_timer_cancel(h, the id it had), which does nothing once it was reused. */
SimHandle *sim_call_soon_internal(SimLoop *loop, SimCallbackFn fn, Value a, Value b);
SimHandle *sim_call_later_internal(SimLoop *loop, double delay, SimCallbackFn fn, Value a, Value b);
void sim_timer_cancel(SimHandle *h, uint32_t id);
/* Queues loop->light[kind](vm, o) as a light entry (above); it takes the
 * next handle id, so a trace numbers it like any handle. */
void sim_call_soon_light(SimLoop *loop, unsigned kind, Obj *o);
/* At most this many spare soon handles are kept (loop.c, internal_new). */
#define SIM_SOON_SPARE 4096

/* One iteration. Returns -1 when a callback let an exception escape (it is
 * in vm->exc), else 0; *wait tells how the loop waited. */
int sim_run_once(SimLoop *loop, SimWait *wait);

#endif
