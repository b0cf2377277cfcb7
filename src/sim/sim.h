/*
 * sim.h - the simulator's public face: installs the asyncio module, the
 * worker threads and the trace on a VM.
 */
#ifndef LOOPSCOPE_SIM_H
#define LOOPSCOPE_SIM_H

#include "vm.h"
#include "trace.h"

/* What one instruction costs on the virtual clock by default: about what
 * CPython 3.12 takes per bytecode on a current desktop CPU (measured in
 * docs/performance.md), so that timings of CPU-bound code look real. */
#define SIM_DEFAULT_CPU_COST_NS 15.0
#define SIM_DEFAULT_CPU_COST_TEXT "15"

/* The machine the scenario believes it runs on: os.cpu_count(). CPython's
 * default executor then has min(32, cpus + 4) workers. */
#define SIM_VIRTUAL_CPUS 4
#define SIM_VIRTUAL_CPUS_TEXT "4"

typedef struct SimConfig {
    Trace *trace;          /* record events here (NULL: no trace) */
    int workers;           /* the default executor's size (0: CPython's default) */
    const char *filename;  /* for the trace's run.start */
    const char *stdlib_dir;/* see SIM_STDLIB_DIR (NULL: that) */
} SimConfig;

/* CPython prints paths of its own standard library where a traceback, a
 * warning or a repr passes through asyncio's Python code. loopscope models
 * CPython 3.12.1 as the project's reference machine has it installed
 * (pyenv, as root); LOOPSCOPE_STDLIB_DIR names another installation. */
#define SIM_STDLIB_DIR "/root/.pyenv/versions/3.12.1/lib/python3.12"
const char *sim_stdlib_dir(VM *vm);

void sim_init(VM *vm, const SimConfig *cfg);   /* after vm_new */
void sim_stdlib_init(VM *vm);                   /* stdlib.c: collections' Python half; the rest when imported */
void sim_stdlib_at_exit(VM *vm);                /* stdlib.c: atexit's functions, if it was imported */
/* One of loopscope's Python preludes, from generated/NAME.h: its text (for
 * its #@ marks) and its code, compiled when loopscope was built. */
typedef struct SimPrelude {
    const unsigned char *src;
    size_t len;
    const unsigned char *frozen;
    size_t frozen_len;
} SimPrelude;
#define SIM_PRELUDE_INIT(p) { p, sizeof p - 1, p##_frozen, sizeof p##_frozen }

/* Runs a prelude as module NAME, its globals holding the given natives
 * first (stdlib.c). */
Module *sim_run_module(VM *vm, const char *name, const SimPrelude *prelude,
                       const char *const *natives, const NativeFn *fns, int nnatives);
Module *sim_random_module_new(VM *vm);          /* random.c: made when first imported */
extern const char *const sim_module_names[];    /* stdlib.c: what a scenario may import (NULL-terminated) */

/* contextvars (contextvars.c). The current context is *sim_ctx_current():
 * a Context, or VNULL for an empty one not made yet. */
void sim_contextvars_init(VM *vm, Module *asyncio);   /* also gives asyncio's prelude _ctx_swap */
Value *sim_ctx_current(VM *vm);
Value *sim_ctx_classes(VM *vm);                 /* the module's classes, for contextvars.c */
bool sim_ctx_is_context(Value v);
Value sim_ctx_capture(VM *vm);                  /* copy_context() for a task or callback; VNULL if empty */
Value sim_ctx_enter(VM *vm, Value ctx);         /* makes ctx current; returns what was */
Value sim_ctx_leave(VM *vm, Value saved);       /* puts saved back; returns what was current */
Value sim_ctx_object(VM *vm, Value *slot);      /* *slot as a Context, made empty if VNULL */
void sim_finish(VM *vm, int status);           /* after the program ran: run.end */
void sim_free(VM *vm);                          /* before vm_free */

#endif
