/*
 * threads.h - simulated threads on the virtual clock: the event loop's own
 * thread (the program's main thread) and worker threads (executors,
 * asyncio.to_thread, threading.Thread), with a modelled GIL.
 *
 * A worker runs a Python function as a fiber (vm_fiber_new): a resumable
 * chain of heap frames. Exactly one thread runs at a time. With free
 * computation (--cpu-cost 0) a thread runs until it blocks, and the next
 * one to run is the first that became ready (FIFO), or, when none is, the
 * one whose wait ends first (ties: the one that began waiting first) — the
 * model tests/vclock/vrun.py gives CPython, so both agree exactly. With a
 * cost per instruction, the thread holding the GIL also gives it up after
 * CPython's 5 ms switch interval when another thread wants it, so
 * CPU-bound threads take turns and do not speed each other up.
 *
 * The main thread cannot be parked (the C stack holds its loop); when it
 * waits, the others run nested inside that wait until it may go on.
 */
#ifndef LOOPSCOPE_THREADS_H
#define LOOPSCOPE_THREADS_H

#include <stdbool.h>
#include "vm.h"
#include "trace.h"

#define SIM_SWITCH_INTERVAL 0.005   /* sys.getswitchinterval() */

typedef struct SimSched SimSched;

SimSched *sim_sched_new(VM *vm, Trace *trace, int workers);
void sim_sched_free(SimSched *s);
void sim_sched_mark(VM *vm, SimSched *s);
void sim_sched_install(VM *vm, Module *asyncio);   /* the natives the prelude uses */

/* Are there worker threads that have not finished? */
bool sim_threads_alive(SimSched *s);

/* The loop's wait in select(): timeout 0 lets every ready thread run
 * first; otherwise the main thread waits until `timeout` seconds have
 * passed (INFINITY: no limit) or until sim_wake_loop. Returns false when
 * the wait could never end (no timeout and no thread left to wake it). */
bool sim_threads_select(VM *vm, SimSched *s, double timeout);

/* call_soon_threadsafe(): wakes the loop if it waits in select(). */
void sim_wake_loop(SimSched *s);

/* The id of the running thread for the trace (0: the main thread). */
uint32_t sim_thread_id(SimSched *s);
bool sim_on_main_thread(SimSched *s);

/* time.sleep(): the running thread waits; a worker's fiber parks, the main
 * thread lets the others run meanwhile. */
int sim_thread_sleep(VM *vm, double secs);

/* The scheduler of a VM's simulator (asyncio.c owns it). */
SimSched *sim_sched(VM *vm);

#endif
