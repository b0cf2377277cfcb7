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

static int byte_off(const char *s, size_t len, int charoff)
{
    int n = 0;
    size_t i = 0;
    while (i < len && n < charoff) {
        i++;
        while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
        n++;
    }
    return (int)i;
}

static bool is_space(int ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v';
}

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
    volatile bool ok = false;
    if (setjmp(bail) == 0) {
        Node *mod = parse_file(c);
        if (mod->l1.n == 1 && NODE_AT(mod->l1, 0)->kind == S_EXPR) {
            Node *e = NODE_AT(mod->l1, 0)->a;
            /* columns below are byte offsets on line 1, as ast's */
            if (e->kind == E_BINOP && e->a->end_lineno == 1 && e->b->lineno == 1) {
                int ostart = e->a->end_col, oend = e->b->col;
                /* operator_str = segment[normalize(left.end):normalize(right.start)] in chars */
                int cs = char_off(segment, len, ostart), ce = char_off(segment, len, oend);
                int bs = byte_off(segment, len, cs), be = byte_off(segment, len, ce);
                int k = bs;
                while (k < be && is_space((unsigned char)segment[k]))
                    k++;
                int operator_offset = k - bs;   /* leading spaces are single bytes */
                int oplen = be - bs;            /* in chars == bytes for ASCII operators */
                int la = e->a->end_col + operator_offset;
                int ra = la + 1;
                if (operator_offset + 1 < oplen && !is_space((unsigned char)segment[bs + operator_offset + 1]))
                    ra++;
                /* CPython indexes the str by the byte offset here: mirror it */
                int slen = char_off(segment, len, (int)len);
                while (la < slen) {
                    int bl = byte_off(segment, len, la);
                    int ch = (unsigned char)segment[bl];
                    if (!(is_space(ch) || ch == ')' || ch == '#'))
                        break;
                    la++;
                    ra++;
                }
                *left = char_off(segment, len, la);
                *right = char_off(segment, len, ra);
                ok = true;
            } else if (e->kind == E_SUBSCRIPT && e->a->end_lineno == 1) {
                int slen = char_off(segment, len, (int)len);
                int la = char_off(segment, len, e->a->end_col);
                int ra = char_off(segment, len, e->b->end_col + 1);
                /* CPython compares characters at char offsets */
                while (la < slen) {
                    int ch = (unsigned char)segment[byte_off(segment, len, la)];
                    if (!(is_space(ch) || ch != '['))
                        break;
                    la++;
                }
                while (ra < slen) {
                    int ch = (unsigned char)segment[byte_off(segment, len, ra)];
                    if (!(is_space(ch) || ch != ']'))
                        break;
                    ra++;
                }
                if (ra < slen)
                    ra++;
                *left = la;
                *right = ra;
                ok = true;
            }
        }
    }
    for (int i = 0; i < c->built.n; i++)
        proto_free_shallow(c->built.items[i]);
    arena_free(&c->arena);
    free(c);
    return ok;
}
