/*
 * trace_util.h - small pieces the trace module's files share (internal: not
 * for the simulator or the view): checked allocation, a map from the run's
 * 32-bit ids to array indexes, and which events are the loop's own moves.
 *
 * Nothing here knows the VM; nothing here may print except the out-of-memory
 * message before abort(), which is what the rest of loopscope does too.
 */
#ifndef LOOPSCOPE_TRACE_UTIL_H
#define LOOPSCOPE_TRACE_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "trace.h"

/* Prints "loopscope: out of memory" and aborts. */
_Noreturn void tr_oom(void);

/* malloc/calloc that never return NULL (n * size is checked for overflow). */
void *tr_alloc(size_t n, size_t size);
void *tr_zalloc(size_t n, size_t size);

/* Makes room for `need` elements of `size` bytes in *p (capacity *cap),
 * doubling; never fails. */
void tr_reserve(void *p, size_t *cap, size_t need, size_t size);

/* An open-addressing map from nonzero 32-bit ids to 32-bit values. Entries
 * are only ever added or overwritten, which is all the trace's readers need:
 * ids come from counters and are never reused within a run. */
typedef struct TrIdMap {
    uint32_t *keys;     /* 0: empty slot */
    uint32_t *vals;
    size_t cap, len;    /* cap is 0 or a power of two */
} TrIdMap;

void tr_idmap_free(TrIdMap *m);
void tr_idmap_put(TrIdMap *m, uint32_t id, uint32_t val);
/* The value stored for id, or `missing`. */
uint32_t tr_idmap_get(const TrIdMap *m, uint32_t id, uint32_t missing);

/* True for the events the loop's own thread makes between handles (popping
 * the next handle, collecting timers, waiting, blocking, ending): they end
 * an idle wait and the plain callback that was running. Worker, GIL and
 * ready.push events (a thread-safe wake-up) do not. */
bool tr_loop_moves_on(TraceKind k);

#endif
