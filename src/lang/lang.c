/*
 * lang.c - the front end's two entry points: lang_compile (lex, parse,
 * resolve scopes, compile) and lang_caret_anchors (traceback carets).
 * Owns the arena and the error unwinding for one call.
 */
#include <stdlib.h>
#include <string.h>
#include "compile.h"
#include "lang.h"
#include "parser.h"
#include "symtable.h"

Proto *lang_compile(const char *src, size_t len, const char *const *modules, LangError *err)
{
    return lang_compile_ex(src, len, modules, err, NULL, NULL);
}

Proto *lang_compile_ex(const char *src, size_t len, const char *const *modules,
                       LangError *err, LangWarning **warnings, int *nwarnings)
{
    LangError dummy;
    if (!err)
        err = &dummy;
    memset(err, 0, sizeof *err);
    jmp_buf bail;
    LangCtx *c = calloc(1, sizeof *c);
    if (!c)
        abort();
    c->src = src ? src : "";
    c->len = src ? len : 0;
    c->err = err;
    c->bail = &bail;
    c->modules = modules;
    Proto *volatile result = NULL;
    if (setjmp(bail) == 0) {
        Node *mod = parse_file(c);
        Scope *top = sym_build(c, mod);
        result = compile_module(c, mod, top);
    } else {
        /* every Proto built so far is on the list exactly once */
        for (int i = 0; i < c->built.n; i++)
            proto_free_shallow(c->built.items[i]);
        result = NULL;
    }
    if (warnings)
        *warnings = NULL;
    if (nwarnings)
        *nwarnings = 0;
    if (warnings && c->warnings.n) {
        *warnings = malloc(sizeof(LangWarning) * (size_t)c->warnings.n);
        if (!*warnings)
            abort();
        for (int i = 0; i < c->warnings.n; i++)
            (*warnings)[i] = *(LangWarning *)c->warnings.items[i];
        if (nwarnings)
            *nwarnings = c->warnings.n;
    }
    arena_free(&c->arena);
    free(c);
    return result;
}

/* byte offset -> character offset in s */
static int char_off(const char *s, size_t len, int byteoff)
{
    int n = 0;
    for (int i = 0; i < byteoff && (size_t)i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

/* CPython 3.12 prints uncaught tracebacks with Python/traceback.c, whose
 * extract_anchors_from_expr() works on byte offsets into the UTF-8 segment
 * and converts to characters at the end; this follows it (the pure-Python
 * traceback.py variant differs for ')' and non-ASCII text). */
static bool tb_space(char ch) { return ch == ' ' || ch == '\t' || ch == '\f'; }

bool lang_caret_anchors(const char *segment, size_t len, int *left, int *right)
{
    LangError err;
    jmp_buf bail;
    LangCtx *c = calloc(1, sizeof *c);
    if (!c)
        abort();
    c->src = segment;
    c->len = len;
    c->err = &err;
    c->bail = &bail;
    c->modules = NULL;
    c->quiet = true;
    volatile bool ok = false;
    volatile int la = -1, ra = -1;
    if (setjmp(bail) == 0) {
        Node *mod = parse_file(c);
        if (mod->l1.n == 1 && NODE_AT(mod->l1, 0)->kind == S_EXPR) {
            Node *e = NODE_AT(mod->l1, 0)->a;
            /* AST columns are byte offsets on line 1 of the segment */
            if (e->kind == E_BINOP && e->a->end_lineno == 1 && e->b->lineno == 1) {
                int rcol = e->b->col;
                for (int i = e->a->end_col; i < rcol && (size_t)i < len; i++) {
                    if (tb_space(segment[i]))
                        continue;
                    la = i;
                    ra = i + 1;
                    if (i + 1 < rcol && !tb_space(segment[i + 1]))
                        ra++;
                    if (i + 1 < rcol && segment[i] == ')')
                        continue;
                    break;
                }
                ok = true;
            } else if (e->kind == E_SUBSCRIPT && e->a->end_lineno == 1 && e->b->end_lineno == 1) {
                int n = (int)len;
                la = e->a->end_col;
                ra = e->b->end_col + 1;
                while (la < n && (tb_space(segment[la]) || segment[la] != '['))
                    la++;
                while (ra < n && (tb_space(segment[ra]) || segment[ra] != ']'))
                    ra++;
                if (ra < n)
                    ra++;
                ok = true;
            }
        }
    }
    if (ok) {
        if (la < 0 || ra < 0) {
            ok = false;   /* no operator found: CPython's anchors stay unset */
        } else {
            *left = char_off(segment, len, la);
            *right = char_off(segment, len, ra);
        }
    }
    for (int i = 0; i < c->built.n; i++)
        proto_free_shallow(c->built.items[i]);
    arena_free(&c->arena);
    free(c);
    return ok;
}
