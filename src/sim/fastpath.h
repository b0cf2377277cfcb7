/*
 * fastpath.h - C stand-ins for the busiest functions of asyncio_prelude.py
 * (fastpath.c), and what they need of asyncio.c's futures and loop.
 */
#ifndef LOOPSCOPE_FASTPATH_H
#define LOOPSCOPE_FASTPATH_H

#include <stdbool.h>
#include "vm.h"
#include "stdframes.h"
#include "loop.h"

typedef struct FastPath FastPath;

/* Called once the prelude has run in the asyncio module: finds its
 * functions and sets their Code.fast. NULL on out of memory (the Python
 * then runs everywhere). */
FastPath *sim_fastpath_new(VM *vm, Module *asyncio, const SimStdFrames *frames);
void sim_fastpath_mark(VM *vm, FastPath *fp);
void sim_fastpath_free(FastPath *fp);

/* ---- asyncio.c, for the fast paths ---------------------------------------- */

FastPath *sim_fastpath(VM *vm);
bool sim_loop_running(VM *vm);                     /* get_running_loop() would succeed */
Value sim_create_task(VM *vm, Value coro);         /* asyncio.create_task(coro, context=None) */
/* task.add_done_callback(fn) when task is a plain asyncio.Task (its class
 * cannot be changed): 1; 0 for any other object, which was left alone; -1
 * raised */
int sim_task_add_done_callback(VM *vm, Value task, Value fn);
Value sim_future_new_plain(VM *vm);                /* loop.create_future() */
/* A waiter: a plain future, pending, whose await by the frame that made it
 * (its fast call returned it: vm_fast_await) is the rest of that call,
 * sim_fast_waiter_state / _throw below; kind, aenter and owner are for
 * them. One object where a future and its FastWait would be two. */
typedef struct SimWaiter { uint8_t kind; bool aenter; Obj *owner; } SimWaiter;
Value sim_waiter_new(VM *vm, uint8_t kind, bool aenter, Obj *owner);
SimWaiter sim_waiter(Obj *waiter);
int sim_fast_waiter_state(VM *vm, Obj *waiter, Value *out);   /* fastpath.c */
void sim_fast_waiter_throw(VM *vm, Obj *waiter);
typedef enum SimFutState { SIM_FUT_NONE = -1, SIM_FUT_PENDING, SIM_FUT_CANCELLED, SIM_FUT_FINISHED } SimFutState;
SimFutState sim_future_state(Value v);         /* SIM_FUT_NONE: not a future */
size_t sim_first_pending(Deque *w, size_t from);   /* of w's futures from there on; w->len: none */
void sim_future_set_result(VM *vm, Value fut, Value v);   /* of a pending future */
void sim_future_cancel(VM *vm, Value fut);         /* fut.cancel() */
int sim_future_outcome(VM *vm, Value fut, Value *out);    /* result(): 1, or -1 raised */
bool sim_future_failed(Value fut);                 /* finished with an exception */
bool sim_is_cancelled_error(VM *vm, Value exc);
/* What sleep()'s loop.call_later(delay, _set_result_unless_cancelled, fut,
 * result) arms, as an internal handle (loop.h): cancel it with the id it
 * had, sim_timer_cancel(h, id), which does nothing once it has been reused. */
SimHandle *sim_sleep_timer(VM *vm, double delay, Value fut, Value result);

#endif
