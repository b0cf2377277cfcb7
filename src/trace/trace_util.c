/*
 * trace_util.c - checked allocation and the id map (see trace_util.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include "trace_util.h"

_Noreturn void tr_oom(void)
{
    fputs("loopscope: out of memory\n", stderr);
    abort();
}

void *tr_alloc(size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        tr_oom();
    size_t bytes = n * size;
    void *p = malloc(bytes ? bytes : 1);
    if (!p)
        tr_oom();
    return p;
}

void *tr_zalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        tr_oom();
    return p;
}

void tr_reserve(void *p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return;
    size_t ncap = *cap ? *cap : 16;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2)
            tr_oom();
        ncap *= 2;
    }
    if (ncap > SIZE_MAX / size)
        tr_oom();
    void **pp = p;
    void *n = realloc(*pp, ncap * size);
    if (!n)
        tr_oom();
    *pp = n;
    *cap = ncap;
}

/* Fibonacci hashing: ids are consecutive counters, which this spreads well. */
static size_t slot_of(uint32_t id, size_t cap)
{
    return (size_t)((id * UINT64_C(11400714819323198485)) >> 32) & (cap - 1);
}

void tr_idmap_free(TrIdMap *m)
{
    free(m->keys);
    free(m->vals);
    *m = (TrIdMap){ 0 };
}

static void idmap_grow(TrIdMap *m)
{
    TrIdMap n = { .cap = m->cap ? m->cap * 2 : 64 };
    n.keys = tr_zalloc(n.cap, sizeof *n.keys);
    n.vals = tr_alloc(n.cap, sizeof *n.vals);
    for (size_t i = 0; i < m->cap; i++)
        if (m->keys[i])
            tr_idmap_put(&n, m->keys[i], m->vals[i]);
    tr_idmap_free(m);
    *m = n;
}

void tr_idmap_put(TrIdMap *m, uint32_t id, uint32_t val)
{
    if (!id)
        return;
    if ((m->len + 1) * 2 > m->cap)   /* at most half full: short probes */
        idmap_grow(m);
    size_t i = slot_of(id, m->cap);
    while (m->keys[i] && m->keys[i] != id)
        i = (i + 1) & (m->cap - 1);
    if (!m->keys[i]) {
        m->keys[i] = id;
        m->len++;
    }
    m->vals[i] = val;
}

uint32_t tr_idmap_get(const TrIdMap *m, uint32_t id, uint32_t missing)
{
    if (!id || !m->cap)
        return missing;
    for (size_t i = slot_of(id, m->cap); m->keys[i]; i = (i + 1) & (m->cap - 1))
        if (m->keys[i] == id)
            return m->vals[i];
    return missing;
}

bool tr_loop_moves_on(TraceKind k)
{
    switch (k) {
    case TR_READY_POP:
    case TR_TIMER_FIRE:
    case TR_TIMER_DROP:
    case TR_LOOP_IDLE:
    case TR_RUN_END:
        return true;
    default:
        return false;
    }
}
