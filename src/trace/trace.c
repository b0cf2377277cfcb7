/*
 * trace.c - the append-only event store behind trace.h.
 *
 * Events live in one growable array. Strings live in a pool of fixed-size
 * chunks that never move, so a pointer from trace_string() stays valid for
 * the trace's whole life; equal strings are interned (one copy, one handle),
 * so 50,000 "Task-N" names or a callback description repeated a million
 * times cost their bytes once. Every string is stored NUL-terminated as a
 * convenience for C readers; its length is what counts (output may contain
 * NUL bytes).
 *
 * This file only records and hands back; it must not interpret events
 * (replay.c does) or format them (json.c, chrome.c do).
 */
#include <stdlib.h>
#include <string.h>
#include "trace_util.h"

#define CHUNK_BYTES  (64 * 1024)
#define BIG_STRING   (CHUNK_BYTES / 4)   /* longer strings get their own block */

typedef struct StrEntry {
    const char *p;
    uint32_t len;
    uint32_t hash;
} StrEntry;

struct Trace {
    TraceEvent *ev;
    size_t len, cap;

    StrEntry *strs;          /* strs[h - 1] is handle h */
    size_t nstrs, strcap;
    uint32_t *index;         /* open addressing: handles, 0 empty; power-of-two size */
    size_t indexcap;

    char **blocks;           /* every block the pool allocated, to free them */
    size_t nblocks, blockcap;
    char *chunk;             /* the chunk being filled */
    size_t chunk_used;

    TraceObserver observer;  /* trace_set_observer */
    void *observer_ud;
};

static const char *const kind_names[TR__COUNT] = {
#define TRACE_NAME(e, name, doc) [TR_##e] = name,
    TRACE_EVENTS(TRACE_NAME)
#undef TRACE_NAME
};

Trace *trace_new(void)
{
    return tr_zalloc(1, sizeof(Trace));
}

void trace_free(Trace *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->nblocks; i++)
        free(t->blocks[i]);
    free(t->blocks);
    free(t->strs);
    free(t->index);
    free(t->ev);
    free(t);
}

/* FNV-1a: simple, and good enough for names and short lines of text. */
static uint32_t hash_bytes(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static char *new_block(Trace *t, size_t size)
{
    tr_reserve(&t->blocks, &t->blockcap, t->nblocks + 1, sizeof *t->blocks);
    char *b = tr_alloc(size, 1);
    t->blocks[t->nblocks++] = b;
    return b;
}

/* A stable copy of s[0..n) followed by a NUL. */
static const char *pool_copy(Trace *t, const char *s, size_t n)
{
    char *dst;
    if (n + 1 > BIG_STRING) {
        dst = new_block(t, n + 1);
    } else {
        if (!t->chunk || CHUNK_BYTES - t->chunk_used < n + 1) {
            t->chunk = new_block(t, CHUNK_BYTES);
            t->chunk_used = 0;
        }
        dst = t->chunk + t->chunk_used;
        t->chunk_used += n + 1;
    }
    memcpy(dst, s, n);
    dst[n] = '\0';
    return dst;
}

static void index_insert(uint32_t *index, size_t cap, const StrEntry *e, uint32_t handle)
{
    size_t i = e->hash & (cap - 1);
    while (index[i])
        i = (i + 1) & (cap - 1);
    index[i] = handle;
}

static void index_grow(Trace *t)
{
    size_t ncap = t->indexcap ? t->indexcap * 2 : 256;
    uint32_t *n = tr_zalloc(ncap, sizeof *n);
    for (size_t h = 1; h <= t->nstrs; h++)
        index_insert(n, ncap, &t->strs[h - 1], (uint32_t)h);
    free(t->index);
    t->index = n;
    t->indexcap = ncap;
}

TraceStr trace_str(Trace *t, const char *s, size_t n)
{
    if (!s)
        return 0;
    if (n >= UINT32_MAX)
        tr_oom();   /* a 4 GiB string is beyond any memory cap the VM allows */
    uint32_t hash = hash_bytes(s, n);
    if (t->indexcap) {
        for (size_t i = hash & (t->indexcap - 1); t->index[i]; i = (i + 1) & (t->indexcap - 1)) {
            const StrEntry *e = &t->strs[t->index[i] - 1];
            if (e->hash == hash && e->len == n && memcmp(e->p, s, n) == 0)
                return t->index[i];
        }
    }
    if (t->nstrs + 1 >= UINT32_MAX)
        tr_oom();
    if ((t->nstrs + 1) * 2 > t->indexcap)   /* keep the index at most half full */
        index_grow(t);
    tr_reserve(&t->strs, &t->strcap, t->nstrs + 1, sizeof *t->strs);
    StrEntry *e = &t->strs[t->nstrs++];
    *e = (StrEntry){ pool_copy(t, s, n), (uint32_t)n, hash };
    uint32_t handle = (uint32_t)t->nstrs;
    index_insert(t->index, t->indexcap, e, handle);
    return handle;
}

TraceStr trace_cstr(Trace *t, const char *s)
{
    return s ? trace_str(t, s, strlen(s)) : 0;
}

size_t trace_emit(Trace *t, const TraceEvent *ev)
{
    tr_reserve(&t->ev, &t->cap, t->len + 1, sizeof *t->ev);
    t->ev[t->len] = *ev;
    size_t step = t->len++;
    if (t->observer)
        t->observer(t->observer_ud, t, step);
    return step;
}

void trace_set_observer(Trace *t, TraceObserver fn, void *ud)
{
    t->observer = fn;
    t->observer_ud = ud;
}

size_t trace_len(const Trace *t)
{
    return t->len;
}

const TraceEvent *trace_event(const Trace *t, size_t step)
{
    return step < t->len ? &t->ev[step] : NULL;
}

const char *trace_string(const Trace *t, TraceStr s, size_t *len)
{
    if (!s || s > t->nstrs) {
        if (len)
            *len = 0;
        return NULL;
    }
    const StrEntry *e = &t->strs[s - 1];
    if (len)
        *len = e->len;
    return e->p;
}

const char *trace_kind_name(TraceKind k)
{
    return (unsigned)k < TR__COUNT ? kind_names[k] : "?";
}
