/*
 * arena.c - the front end's bump allocator and error unwinding.
 *
 * Everything the lexer, parser, symtable and compiler allocate while working
 * lives here and dies with the arena; only the finished Protos are malloc'd.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lang_int.h"

struct ArenaChunk {
    ArenaChunk *next;
    size_t used, cap;
    max_align_t data[];
};

#define ARENA_CHUNK 65536u

void *arena_alloc(Arena *a, size_t n)
{
    n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
    if (n == 0)
        n = sizeof(max_align_t);
    ArenaChunk *ch = a->head;
    if (!ch || ch->cap - ch->used < n) {
        size_t cap = n > ARENA_CHUNK ? n : ARENA_CHUNK;
        ch = malloc(sizeof(ArenaChunk) + cap);
        if (!ch) {
            fputs("loopscope: out of memory\n", stderr);
            abort();
        }
        ch->used = 0;
        ch->cap = cap;
        ch->next = a->head;
        a->head = ch;
    }
    void *p = (char *)ch->data + ch->used;
    ch->used += n;
    memset(p, 0, n);
    return p;
}

void *arena_grow(Arena *a, void *old, size_t oldn, size_t newn)
{
    void *p = arena_alloc(a, newn);
    if (old && oldn)
        memcpy(p, old, oldn < newn ? oldn : newn);
    return p;
}

char *arena_strndup(Arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

void arena_free(Arena *a)
{
    ArenaChunk *ch = a->head;
    while (ch) {
        ArenaChunk *next = ch->next;
        free(ch);
        ch = next;
    }
    a->head = NULL;
}

void pvec_push(Arena *a, PtrVec *v, void *p)
{
    if (v->n == v->cap) {
        int cap = v->cap ? v->cap * 2 : 8;
        v->items = arena_grow(a, v->items, sizeof(void *) * (size_t)v->n,
                              sizeof(void *) * (size_t)cap);
        v->cap = cap;
    }
    v->items[v->n++] = p;
}

uint32_t lang_hash(const void *p, size_t n, uint32_t h)
{
    const unsigned char *s = p;
    if (h == 0)
        h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ s[i]) * 16777619u;
    return h;
}

static int smap_slot(const StrMap *m, const char *key)
{
    uint32_t h = lang_hash(key, strlen(key), 0);
    int mask = m->cap - 1;
    int i = (int)(h & (uint32_t)mask);
    while (m->keys[i] && strcmp(m->keys[i], key) != 0)
        i = (i + 1) & mask;
    return i;
}

int smap_get(const StrMap *m, const char *key)
{
    if (m->cap == 0)
        return -1;
    int i = smap_slot(m, key);
    return m->keys[i] ? m->vals[i] : -1;
}

void smap_put(Arena *a, StrMap *m, const char *key, int val)
{
    if ((m->n + 1) * 2 > m->cap) {
        StrMap old = *m;
        m->cap = old.cap ? old.cap * 2 : 16;
        m->keys = arena_alloc(a, sizeof(char *) * (size_t)m->cap);
        m->vals = arena_alloc(a, sizeof(int) * (size_t)m->cap);
        m->n = 0;
        for (int i = 0; i < old.cap; i++)
            if (old.keys[i]) {
                int j = smap_slot(m, old.keys[i]);
                m->keys[j] = old.keys[i];
                m->vals[j] = old.vals[i];
                m->n++;
            }
    }
    int i = smap_slot(m, key);
    if (!m->keys[i]) {
        m->keys[i] = key;
        m->n++;
    }
    m->vals[i] = val;
}

static const char *line_ptr(const LangCtx *c, int line, size_t *linelen)
{
    size_t i = 0;
    int l = 1;
    while (l < line && i < c->len) {
        if (c->src[i] == '\n')
            l++;
        i++;
    }
    size_t j = i;
    while (j < c->len && c->src[j] != '\n')
        j++;
    *linelen = j - i;
    return c->src + i;
}

int lang_char_col(const LangCtx *c, int line, int bytecol)
{
    size_t n;
    const char *s = line_ptr(c, line, &n);
    int chars = 0;
    for (size_t i = 0; i < n && (int)i < bytecol; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            chars++;
    if (bytecol > (int)n)
        chars += bytecol - (int)n;
    return chars + 1;
}

void lang_fail(LangCtx *c, LangErrorKind kind, int line, int bytecol, const char *fmt, ...)
{
    LangError *e = c->err;
    e->kind = kind;
    e->line = line;
    e->col = lang_char_col(c, line, bytecol);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->message, sizeof e->message, fmt, ap);
    va_end(ap);
    longjmp(*c->bail, 1);
}

void lang_warn(LangCtx *c, int line, const char *fmt, ...)
{
    if (c->quiet || c->warnings.n >= 1000)
        return;
    LangWarning *w = arena_alloc(&c->arena, sizeof *w);
    w->line = line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(w->message, sizeof w->message, fmt, ap);
    va_end(ap);
    /* the warnings module's "default" action: once per (text, line) */
    for (int i = 0; i < c->warnings.n; i++) {
        LangWarning *o = c->warnings.items[i];
        if (o->line == line && strcmp(o->message, w->message) == 0)
            return;
    }
    pvec_push(&c->arena, &c->warnings, w);
}
