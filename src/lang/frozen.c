/*
 * frozen.c - Proto trees to bytes and back (frozen.h).
 *
 * The layout follows struct Proto field by field: counts and scalars as
 * they are in memory, strings as a length and their bytes, constants as a
 * kind byte and their value, nested code in place. Thawing allocates the
 * arrays as the compiler does (compile.c: leave_unit) and leaves the
 * strings in the buffer (PROTO_BORROWED_TEXT), so proto_free frees either.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "frozen.h"

/* Both switches over ConstKind name every kind, so a new one is a compiler
 * warning here; a new Proto or Const field changes these sizes (LP64). */
_Static_assert(sizeof(void *) != 8 || (sizeof(Proto) == 152 && sizeof(Const) == 24),
               "Proto or Const changed: freeze and thaw the new field in frozen.c, then update these sizes");

typedef struct Writer {
    unsigned char *b;
    size_t n, cap;
} Writer;

static void put(Writer *w, const void *data, size_t n)
{
    if (w->n + n > w->cap) {
        size_t cap = w->cap ? w->cap : 4096;
        while (cap < w->n + n)
            cap *= 2;
        w->b = realloc(w->b, cap);
        if (!w->b) abort();
        w->cap = cap;
    }
    if (n)
        memcpy(w->b + w->n, data, n);
    w->n += n;
}

static void put_int(Writer *w, int v) { put(w, &v, sizeof v); }

/* a length, the bytes and a NUL, so that a thawed tree can use them in
 * place */
static void put_str(Writer *w, const char *s, size_t len)
{
    put(w, &len, sizeof len);
    put(w, s, len);
    put(w, "", 1);
}

static void put_strs(Writer *w, char *const *v, int n)
{
    for (int i = 0; i < n; i++)
        put_str(w, v[i], strlen(v[i]));
}

static void put_proto(Writer *w, const Proto *p);

static void put_const(Writer *w, const Const *k)
{
    unsigned char kind = (unsigned char)k->kind;
    put(w, &kind, 1);
    switch (k->kind) {
    case K_INT: put(w, &k->as.i, sizeof k->as.i); break;
    case K_FLOAT: put(w, &k->as.f, sizeof k->as.f); break;
    case K_STR: case K_BYTES: case K_BIGINT: put_str(w, k->as.str.s, k->as.str.len); break;
    case K_CODE: put_proto(w, k->as.code); break;
    case K_TUPLE:
        put_int(w, k->as.tuple.n);
        for (int i = 0; i < k->as.tuple.n; i++)
            put_const(w, &k->as.tuple.items[i]);
        break;
    case K_NONE: case K_TRUE: case K_FALSE: case K_ELLIPSIS: break;
    }
}

static void put_proto(Writer *w, const Proto *p)
{
    put_str(w, p->name, strlen(p->name));
    put_str(w, p->qualname, strlen(p->qualname));
    uint32_t flags = p->flags & ~PROTO_BORROWED_TEXT;   /* what thawing adds */
    put(w, &flags, sizeof flags);
    const int scalars[] = { p->firstline, p->argcount, p->posonlycount, p->kwonlycount, p->nlocals,
                            p->ncells, p->nfrees, p->nnames, p->nconsts, p->ncode, p->max_stack };
    put(w, scalars, sizeof scalars);
    put_strs(w, p->localnames, p->nlocals);
    put_strs(w, p->cellnames, p->ncells);
    put_int(w, p->cell2arg != NULL);
    if (p->cell2arg)
        put(w, p->cell2arg, sizeof(int) * (size_t)p->ncells);
    put_strs(w, p->freenames, p->nfrees);
    put_strs(w, p->names, p->nnames);
    for (int i = 0; i < p->nconsts; i++)
        put_const(w, &p->consts[i]);
    put(w, p->code, sizeof(uint32_t) * (size_t)p->ncode);
    put(w, p->positions, sizeof(Position) * (size_t)p->ncode);
}

unsigned char *proto_freeze(const Proto *p, size_t *len)
{
    Writer w = { 0 };
    put_proto(&w, p);
    *len = w.n;
    return w.b;
}

/* ---- thawing: every read is bounded; a short buffer sets `bad` and reads
 * as zeros, so the tree stays well-formed (and freeable) until the end. */

typedef struct Reader {
    const unsigned char *p;
    size_t left;
    bool bad;
} Reader;

static void get(Reader *r, void *out, size_t n)
{
    if (n > r->left) {
        r->bad = true;
        r->left = 0;
        memset(out, 0, n);
        return;
    }
    memcpy(out, r->p, n);
    r->p += n;
    r->left -= n;
}

/* A count or length: never more than the bytes left could hold, so a bad
 * buffer cannot ask for a huge allocation. */
static size_t get_count(Reader *r, size_t v, size_t unit)
{
    if (v > r->left / (unit ? unit : 1)) {
        r->bad = true;
        r->left = 0;
        return 0;
    }
    return v;
}

static int get_int(Reader *r)
{
    int v;
    get(r, &v, sizeof v);
    return v;
}

static void *xalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) abort();
    return p;
}

/* A string in place in the buffer (the tree is PROTO_BORROWED_TEXT); ""
 * when the buffer is bad. */
static char *get_str(Reader *r, size_t *len_out)
{
    size_t len;
    get(r, &len, sizeof len);
    if (len >= r->left || r->p[len] != 0) {
        r->bad = true;
        r->left = 0;
        if (len_out)
            *len_out = 0;
        return (char *)"";
    }
    char *s = (char *)r->p;
    r->p += len + 1;
    r->left -= len + 1;
    if (len_out)
        *len_out = len;
    return s;
}

static char **get_strs(Reader *r, int *n)
{
    *n = (int)get_count(r, (size_t)(*n > 0 ? *n : 0), sizeof(size_t));
    if (*n == 0)
        return NULL;
    char **v = calloc((size_t)*n, sizeof(char *));
    if (!v) abort();
    for (int i = 0; i < *n; i++)
        v[i] = get_str(r, NULL);
    return v;
}

static Proto *get_proto(Reader *r, int depth);

static void get_const(Reader *r, Const *k, int depth)
{
    unsigned char kind = 0;
    get(r, &kind, 1);
    k->kind = kind <= K_TUPLE ? (ConstKind)kind : K_NONE;
    if (kind > K_TUPLE)
        r->bad = true;
    switch (k->kind) {
    case K_INT: get(r, &k->as.i, sizeof k->as.i); break;
    case K_FLOAT: get(r, &k->as.f, sizeof k->as.f); break;
    case K_STR: case K_BYTES: case K_BIGINT: k->as.str.s = get_str(r, &k->as.str.len); break;
    case K_CODE: k->as.code = get_proto(r, depth + 1); break;
    case K_TUPLE: {
        int n = (int)get_count(r, (size_t)get_int(r), 1);
        k->as.tuple.items = n ? calloc((size_t)n, sizeof(Const)) : NULL;
        if (n && !k->as.tuple.items) abort();
        k->as.tuple.n = n;
        for (int i = 0; i < n; i++)
            get_const(r, &k->as.tuple.items[i], depth + 1);
        break;
    }
    case K_NONE: case K_TRUE: case K_FALSE: case K_ELLIPSIS: break;
    }
}

static Proto *get_proto(Reader *r, int depth)
{
    Proto *p = calloc(1, sizeof(Proto));
    if (!p) abort();
    if (depth > 1000) {   /* deeper than any compiled file nests */
        r->bad = true;
        r->left = 0;
    }
    p->name = get_str(r, NULL);
    p->qualname = get_str(r, NULL);
    get(r, &p->flags, sizeof p->flags);
    p->flags |= PROTO_BORROWED_TEXT;
    int s[11];
    get(r, s, sizeof s);
    p->firstline = s[0], p->argcount = s[1], p->posonlycount = s[2], p->kwonlycount = s[3];
    p->nlocals = s[4], p->ncells = s[5], p->nfrees = s[6], p->nnames = s[7];
    int nconsts = (int)get_count(r, (size_t)(s[8] > 0 ? s[8] : 0), 1);
    int ncode = (int)get_count(r, (size_t)(s[9] > 0 ? s[9] : 0), sizeof(uint32_t));
    p->max_stack = s[10];
    p->localnames = get_strs(r, &p->nlocals);
    p->cellnames = get_strs(r, &p->ncells);
    if (get_int(r)) {
        p->cell2arg = xalloc(sizeof(int) * (size_t)p->ncells);
        get(r, p->cell2arg, sizeof(int) * (size_t)p->ncells);
    }
    p->freenames = get_strs(r, &p->nfrees);
    p->names = get_strs(r, &p->nnames);
    p->consts = nconsts ? calloc((size_t)nconsts, sizeof(Const)) : NULL;
    if (nconsts && !p->consts) abort();
    p->nconsts = nconsts;
    for (int i = 0; i < nconsts; i++)
        get_const(r, &p->consts[i], depth);
    p->ncode = ncode;
    p->code = xalloc(sizeof(uint32_t) * (size_t)ncode);
    p->positions = xalloc(sizeof(Position) * (size_t)ncode);
    get(r, p->code, sizeof(uint32_t) * (size_t)ncode);
    get(r, p->positions, sizeof(Position) * (size_t)ncode);
    return p;
}

Proto *proto_thaw(const unsigned char *buf, size_t len)
{
    Reader r = { buf, len, false };
    Proto *p = get_proto(&r, 0);
    if (r.bad || r.left != 0) {
        proto_free(p);
        return NULL;
    }
    return p;
}
