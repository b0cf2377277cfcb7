/*
 * lang_int.h - state shared by the front end's stages (lexer, parser,
 * symtable, compiler): the arena every AST node and temporary lives in, and
 * the one error slot.
 *
 * Errors unwind with longjmp to lang_compile(): every temporary lives in the
 * arena, and every Proto already built is on a list the unwinder frees, so a
 * bail-out leaks nothing. Nothing here is global; the context is passed.
 */
#ifndef LOOPSCOPE_LANG_INT_H
#define LOOPSCOPE_LANG_INT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "lang.h"

#define LANG_MAX_NESTING 200   /* open brackets, as CPython's tokenizer (MAXLEVEL) */
#define LANG_MAX_INDENT 100    /* indentation levels, as CPython (MAXINDENT) */
#define LANG_MAX_DEPTH 1000    /* parser recursion (nested expressions) */

typedef struct ArenaChunk ArenaChunk;

typedef struct Arena {
    ArenaChunk *head;
} Arena;

void *arena_alloc(Arena *a, size_t n);            /* zeroed; aborts on OOM */
void *arena_grow(Arena *a, void *old, size_t oldn, size_t newn);
char *arena_strndup(Arena *a, const char *s, size_t n);
void arena_free(Arena *a);

/* Growable arena vector of pointers/ints: used all over the front end. */
typedef struct PtrVec {
    void **items;
    int n, cap;
} PtrVec;
void pvec_push(Arena *a, PtrVec *v, void *p);

/* String -> int hash map in the arena (open addressing). Values < 0 read
 * as absent, so a "delete" is a put of -1. */
typedef struct StrMap {
    const char **keys;
    int *vals;
    int cap, n;
} StrMap;
int smap_get(const StrMap *m, const char *key);
void smap_put(Arena *a, StrMap *m, const char *key, int val);
uint32_t lang_hash(const void *p, size_t n, uint32_t h);

typedef struct LangCtx {
    const char *src;
    size_t len;
    Arena arena;
    LangError *err;
    jmp_buf *bail;                 /* where errors unwind to */
    const char *const *modules;
    PtrVec built;                  /* Protos built so far (freed on error) */
    PtrVec warnings;               /* LangWarning *, in the arena */
    bool quiet;                    /* no warnings (caret anchors reparse) */
    bool future_annotations;       /* from __future__ import annotations */
} LangCtx;

void lang_warn(LangCtx *c, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Reports an error at a byte position (1-based line, 0-based byte column in
 * the line starting at byte offset line_start) and unwinds. */
_Noreturn void lang_fail(LangCtx *c, LangErrorKind kind, int line, int bytecol,
                         const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Converts a 0-based byte column on `line` to a 1-based character column. */
int lang_char_col(const LangCtx *c, int line, int bytecol);

#endif
