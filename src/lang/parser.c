/*
 * parser.c - recursive descent over the token array, building the AST.
 *
 * Follows CPython 3.12's grammar (python.gram) in structure: targets are
 * parsed as expressions and then checked, as CPython's invalid_* rules do.
 * Recursion is bounded by LANG_MAX_DEPTH, and long left-leaning chains
 * (a+b+c..., a.b.c...) are bounded too, because the compiler recurses on them.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "parser.h"

#define MAX_CHAIN 2000

typedef struct Parser {
    LangCtx *c;
    Token *t;
    int n, i;
    int depth;
    bool fexpr;          /* parsing an f-string expression */
    TokenList *tl;       /* for the deferred token error */
    bool token_error;    /* the error being raised came from the lexer */
    /* the last place inside a string token that line_at found: the next
     * one further on starts from there (an f-string's fields, in order) */
    struct { int tstart, off, line, line_start; } at;
} Parser;

static Node *expression(Parser *P);
static Node *named_expression(Parser *P);
static Node *star_expressions(Parser *P);
static Node *star_named_expression(Parser *P);
static Node *bitor(Parser *P);
static Node *disjunction(Parser *P);
static void block(Parser *P, PtrVec *body, const char *what, int line);
static void statement(Parser *P, PtrVec *out);
static Node *primary(Parser *P);
static bool starts_expr(Parser *P, const Token *t);
static bool is_reserved(Parser *P, const Token *t);

/* ---- token helpers ------------------------------------------------------ */

static Token *cur(Parser *P)
{
    Token *t = &P->t[P->i];
    if (t->kind == T_ERRORTOKEN && P->tl && P->tl->has_error) {
        P->token_error = true;
        *P->c->err = P->tl->error;
        longjmp(*P->c->bail, 1);
    }
    return t;
}
static Token *prevt(Parser *P) { return &P->t[P->i > 0 ? P->i - 1 : 0]; }
static Token *peek(Parser *P, int k)
{
    int j = P->i + k;
    return &P->t[j < P->n ? j : P->n - 1];
}

static bool tok_is(Parser *P, const Token *t, const char *s)
{
    size_t n = strlen(s);
    return t->kind == T_NAME && (size_t)(t->end - t->start) == n &&
           memcmp(P->c->src + t->start, s, n) == 0;
}

static bool at_kw(Parser *P, const char *s) { return tok_is(P, cur(P), s); }
static bool at(Parser *P, TokKind k) { return cur(P)->kind == k; }

static Token *advance(Parser *P)
{
    Token *t = cur(P);
    if (P->i < P->n - 1)
        P->i++;
    return t;
}

static bool accept(Parser *P, TokKind k)
{
    if (at(P, k)) {
        advance(P);
        return true;
    }
    return false;
}

static bool accept_kw(Parser *P, const char *s)
{
    if (at_kw(P, s)) {
        advance(P);
        return true;
    }
    return false;
}

static _Noreturn void fail_at(Parser *P, const Token *t, const char *fmt, const char *arg)
{
    lang_fail(P->c, LANG_ERR_SYNTAX, t->line, t->col, fmt, arg);
}

static _Noreturn void syntax_error(Parser *P)
{
    Token *t = cur(P);
    if (t->kind == T_INDENT)
        fail_at(P, peek(P, 1), "%s", "unexpected indent");
    if (t->kind == T_ENDMARKER || (t->kind == T_NEWLINE && P->fexpr))
        fail_at(P, t, "%s", P->fexpr ? "f-string: expecting '}'" : "invalid syntax");
    fail_at(P, t, "%s", "invalid syntax");
}

static _Noreturn void unsupported(Parser *P, const Token *t, const char *what)
{
    lang_fail(P->c, LANG_ERR_UNSUPPORTED, t->line, t->col, "%s are not supported by loopscope", what);
}

static void expect(Parser *P, TokKind k)
{
    if (!accept(P, k)) {
        if (k == T_COLON)
            fail_at(P, cur(P), "%s", "expected ':'");
        syntax_error(P);
    }
}

static char *tok_text(Parser *P, const Token *t)
{
    return arena_strndup(&P->c->arena, P->c->src + t->start, (size_t)(t->end - t->start));
}

static bool is_reserved(Parser *P, const Token *t)
{
    return t->kind == T_NAME && lex_is_keyword(P->c->src + t->start, (size_t)(t->end - t->start));
}

/* ---- node helpers ------------------------------------------------------- */

static Node *new_node(Parser *P, NodeKind k, const Token *start)
{
    Node *n = arena_alloc(&P->c->arena, sizeof(Node));
    n->kind = k;
    n->lineno = start->line;
    n->col = start->col;
    n->end_lineno = start->end_line;
    n->end_col = start->end_col;
    return n;
}

/* end position := end of the last consumed token */
static Node *fin(Parser *P, Node *n)
{
    Token *t = prevt(P);
    n->end_lineno = t->end_line;
    n->end_col = t->end_col;
    return n;
}

static void end_at(Node *n, const Node *last)
{
    n->end_lineno = last->end_lineno;
    n->end_col = last->end_col;
}

static void push(Parser *P, PtrVec *v, void *x) { pvec_push(&P->c->arena, v, x); }

static void enter(Parser *P)
{
    if (++P->depth > LANG_MAX_DEPTH)
        lang_fail(P->c, LANG_ERR_LIMIT, cur(P)->line, cur(P)->col,
                  "expression nested too deeply");
}

static void leave(Parser *P) { P->depth--; }

/* Two expressions side by side inside brackets: CPython's "forgot a comma"
 * hint, unless the bracket never closes and the second expression is on a
 * later line (CPython then reports the bracket). Returns if no hint applies. */
static void comma_hint(Parser *P, const Node *last)
{
    Token *t = cur(P);
    if (!last || !starts_expr(P, t) || is_reserved(P, t))
        return;
    if (P->tl && P->tl->unclosed && t->line > P->tl->unclosed_line)
        lang_fail(P->c, LANG_ERR_SYNTAX, P->tl->unclosed_line, P->tl->unclosed_col,
                  "'%c' was never closed", P->tl->unclosed);
    lang_fail(P->c, LANG_ERR_SYNTAX, last->lineno, last->col, "invalid syntax. Perhaps you forgot a comma?");
}

/* ---- targets ------------------------------------------------------------ */

static const char *expr_name(const Node *e)
{
    switch (e->kind) {
    case E_CALL: return "function call";
    case E_CONST:
        if (e->value.kind == K_NONE) return "None";
        if (e->value.kind == K_TRUE) return "True";
        if (e->value.kind == K_FALSE) return "False";
        if (e->value.kind == K_ELLIPSIS) return "ellipsis";
        return "literal";
    case E_JOINEDSTR: return "f-string expression";
    case E_COMPARE: return "comparison";
    case E_BOOLOP: case E_BINOP: case E_UNARY: return "expression";
    case E_LAMBDA: return "lambda";
    case E_IFEXP: return "conditional expression";
    case E_NAMEDEXPR: return "named expression";
    case E_AWAIT: return "await expression";
    case E_YIELD: case E_YIELDFROM: return "yield expression";
    case E_LISTCOMP: return "list comprehension";
    case E_SETCOMP: return "set comprehension";
    case E_DICTCOMP: return "dict comprehension";
    case E_GENEXP: return "generator expression";
    case E_DICT: return "dict literal";
    case E_SET: return "set display";
    case E_STARRED: return "starred";
    default: return "expression";
    }
}

/* Sets ctx on a target tree, or reports CPython's error. mode: 0 assign
 * ('=' statement), 1 other store (for/with/comprehension), 2 delete. */
static void set_target(Parser *P, Node *e, ExprCtx ctx, int mode)
{
    switch (e->kind) {
    case E_NAME:
    case E_ATTR:
    case E_SUBSCRIPT:
        e->ctx = ctx;
        return;
    case E_STARRED:
        if (ctx == CTX_DEL)
            break;
        e->ctx = ctx;
        set_target(P, e->a, ctx, mode);
        return;
    case E_TUPLE:
    case E_LIST: {
        int stars = 0;
        e->ctx = ctx;
        for (int i = 0; i < e->l1.n; i++) {
            Node *x = NODE_AT(e->l1, i);
            if (x->kind == E_STARRED && ++stars > 1 && ctx != CTX_DEL)
                lang_fail(P->c, LANG_ERR_SYNTAX, e->lineno, e->col,
                          "multiple starred expressions in assignment");
            set_target(P, x, ctx, mode);
        }
        return;
    }
    default:
        break;
    }
    const char *what = expr_name(e);
    if (e->kind == E_YIELD || e->kind == E_YIELDFROM)
        lang_fail(P->c, LANG_ERR_SYNTAX, e->lineno, e->col, "assignment to yield expression not possible");
    if (e->kind == E_CONST && (e->value.kind == K_NONE || e->value.kind == K_TRUE || e->value.kind == K_FALSE))
        mode = 1;   /* "cannot assign to True", no hint */
    if (ctx == CTX_DEL)
        lang_fail(P->c, LANG_ERR_SYNTAX, e->lineno, e->col, "cannot delete %s", what);
    if (e->kind == E_STARRED)
        lang_fail(P->c, LANG_ERR_SYNTAX, e->lineno, e->col,
                  "starred assignment target must be in a list or tuple");
    if (mode == 0)
        lang_fail(P->c, LANG_ERR_SYNTAX, e->lineno, e->col,
                  "cannot assign to %s here. Maybe you meant '==' instead of '='?", what);
    lang_fail(P->c, LANG_ERR_SYNTAX, e->lineno, e->col, "cannot assign to %s", what);
}

/* ---- literals ----------------------------------------------------------- */

static int hexval(int ch)
{
    if (ch >= '0' && ch <= '9') return ch - '0';
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
    return -1;
}

static Node *number(Parser *P, Token *t)
{
    Node *n = new_node(P, E_CONST, t);
    const char *s = P->c->src + t->start;
    int len = t->end - t->start;
    char *clean = arena_alloc(&P->c->arena, (size_t)len + 1);
    int k = 0;
    for (int i = 0; i < len; i++)
        if (s[i] != '_')
            clean[k++] = s[i];
    clean[k] = 0;
    if (clean[k - 1] == 'j' || clean[k - 1] == 'J')
        unsupported(P, t, "complex numbers");
    int base = 10;
    const char *digits = clean;
    if (clean[0] == '0' && (clean[1] | 0x20) == 'x') { base = 16; digits = clean + 2; }
    else if (clean[0] == '0' && (clean[1] | 0x20) == 'o') { base = 8; digits = clean + 2; }
    else if (clean[0] == '0' && (clean[1] | 0x20) == 'b') { base = 2; digits = clean + 2; }
    if (base == 10 && strpbrk(clean, ".eE")) {
        n->value.kind = K_FLOAT;
        n->value.as.f = strtod(clean, NULL);
        return n;
    }
    int nd = (int)strlen(digits);
    if (base != 10) {
        /* a power-of-two base: the bits as they come; past 63 of them the
         * literal stays text with its prefix, and the loader reads it in
         * linear time (decimal text would cost a quadratic conversion) */
        uint64_t v = 0;
        int i = 0;
        while (i < nd && v <= (uint64_t)INT64_MAX / (uint64_t)base)
            v = v * (uint64_t)base + (uint64_t)hexval((unsigned char)digits[i++]);
        if (i == nd && v <= (uint64_t)INT64_MAX) {
            n->value.kind = K_INT;
            n->value.as.i = (int64_t)v;
            return n;
        }
        n->value.kind = K_BIGINT;
        n->value.as.str.s = clean;
        n->value.as.str.len = (size_t)k;
        return n;
    }
    if (nd > 4300)
        lang_fail(P->c, LANG_ERR_SYNTAX, t->line, t->col,
                  "Exceeds the limit (4300 digits) for integer string conversion: value has %d digits; "
                  "use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge "
                  "integer literals to avoid decimal conversion limits.", nd);
    /* decimal: accumulate into a decimal digit array (little-endian) */
    int cap = nd * 2 + 4;
    unsigned char *dec = arena_alloc(&P->c->arena, (size_t)cap);
    int used = 0;
    for (int i = 0; i < nd; i++) {
        int carry = hexval((unsigned char)digits[i]);
        for (int j = 0; j < used; j++) {
            int v = dec[j] * base + carry;
            dec[j] = (unsigned char)(v % 10);
            carry = v / 10;
        }
        while (carry) {
            dec[used++] = (unsigned char)(carry % 10);
            carry /= 10;
        }
    }
    while (used > 1 && dec[used - 1] == 0)
        used--;
    if (used == 0)
        dec[used++] = 0;
    if (used <= 18) {
        int64_t v = 0;
        for (int j = used - 1; j >= 0; j--)
            v = v * 10 + dec[j];
        n->value.kind = K_INT;
        n->value.as.i = v;
        return n;
    }
    if (used == 19) {
        /* fits int64 iff <= 9223372036854775807 */
        char buf[20];
        for (int j = 0; j < used; j++)
            buf[j] = (char)('0' + dec[used - 1 - j]);
        buf[19] = 0;
        if (strcmp(buf, "9223372036854775807") <= 0) {
            n->value.kind = K_INT;
            n->value.as.i = strtoll(buf, NULL, 10);
            return n;
        }
    }
    char *txt = arena_alloc(&P->c->arena, (size_t)used + 1);
    for (int j = 0; j < used; j++)
        txt[j] = (char)('0' + dec[used - 1 - j]);
    n->value.kind = K_BIGINT;
    n->value.as.str.s = txt;
    n->value.as.str.len = (size_t)used;
    return n;
}

/* growable byte buffer in the arena */
typedef struct Buf {
    char *s;
    size_t n, cap;
} Buf;

static void buf_put(Parser *P, Buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        while (cap < b->n + n + 1)
            cap *= 2;
        b->s = arena_grow(&P->c->arena, b->s, b->n, cap);
        b->cap = cap;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = 0;
}

static void buf_utf8(Parser *P, Buf *b, unsigned cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80) { u[0] = (char)cp; n = 1; }
    else if (cp < 0x800) { u[0] = (char)(0xC0 | (cp >> 6)); u[1] = (char)(0x80 | (cp & 63)); n = 2; }
    else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12)); u[1] = (char)(0x80 | ((cp >> 6) & 63));
        u[2] = (char)(0x80 | (cp & 63)); n = 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18)); u[1] = (char)(0x80 | ((cp >> 12) & 63));
        u[2] = (char)(0x80 | ((cp >> 6) & 63)); u[3] = (char)(0x80 | (cp & 63)); n = 4;
    }
    buf_put(P, b, u, n);
}

/* Line number at byte offset `off`, counting from token t. */
/* The line of offset off inside token t. It remembers where it got to, so
 * that the fields of one long f-string are found in one pass, not one
 * pass each; col_at then answers for the same offset at once. */
static int line_at(Parser *P, const Token *t, int off)
{
    const char *s = P->c->src;
    int i = t->start, line = t->line, ls = -1;
    if (P->at.tstart == t->start && off >= P->at.line_start) {
        /* on the remembered line or after it: from there */
        i = off < P->at.off ? off : P->at.off;
        line = P->at.line;
        ls = P->at.line_start;
    }
    for (; i < off; i++)
        if (s[i] == '\n' || (s[i] == '\r' && !(i + 1 < off && s[i + 1] == '\n'))) {
            line++;
            ls = i + 1;
        }
    if (ls < 0) {   /* still on the token's first line */
        ls = t->start;
        while (ls > 0 && s[ls - 1] != '\n' && s[ls - 1] != '\r')
            ls--;
    }
    P->at.tstart = t->start;
    P->at.off = off;
    P->at.line = line;
    P->at.line_start = ls;
    return line;
}

static int col_at(Parser *P, int off)
{
    if (P->at.tstart >= 0 && P->at.off == off)
        return off - P->at.line_start;
    int ls = off;
    while (ls > 0 && P->c->src[ls - 1] != '\n' && P->c->src[ls - 1] != '\r')
        ls--;
    return off - ls;
}

/* Decodes one escape at s[*i] (just after the backslash) into b. */
static void escape(Parser *P, const Token *t, Buf *b, int *pi, int end)
{
    const char *s = P->c->src;
    int i = *pi;
    char ch = s[i];
    char out = 0;
    switch (ch) {
    case '\n': *pi = i + 1; return;
    case '\r': *pi = i + 1 + (i + 1 < end && s[i + 1] == '\n'); return;
    case '\\': out = '\\'; break;
    case '\'': out = '\''; break;
    case '"': out = '"'; break;
    case 'a': out = '\a'; break;
    case 'b': out = '\b'; break;
    case 'f': out = '\f'; break;
    case 'n': out = '\n'; break;
    case 'r': out = '\r'; break;
    case 't': out = '\t'; break;
    case 'v': out = '\v'; break;
    case 'x': case 'u': case 'U': {
        int nd = ch == 'x' ? 2 : ch == 'u' ? 4 : 8;
        unsigned cp = 0;
        for (int k = 1; k <= nd; k++) {
            int h = i + k < end ? hexval((unsigned char)s[i + k]) : -1;
            if (h < 0)
                lang_fail(P->c, LANG_ERR_SYNTAX, t->line, t->col,
                          "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: truncated %s",
                          0, 1, ch == 'x' ? "\\xXX escape" : ch == 'u' ? "\\uXXXX escape" : "\\UXXXXXXXX escape");
            cp = cp * 16 + (unsigned)h;
        }
        if (cp > 0x10FFFF)
            lang_fail(P->c, LANG_ERR_SYNTAX, t->line, t->col,
                      "(unicode error) 'unicodeescape' codec can't decode bytes: illegal Unicode character");
        if (cp >= 0xD800 && cp <= 0xDFFF)
            lang_fail(P->c, LANG_ERR_UNSUPPORTED, t->line, t->col,
                      "surrogate characters in strings are not supported by loopscope");
        buf_utf8(P, b, cp);
        *pi = i + 1 + nd;
        return;
    }
    case 'N':
        lang_fail(P->c, LANG_ERR_UNSUPPORTED, t->line, t->col,
                  "\\N{...} escapes are not supported by loopscope");
    default:
        if (ch >= '0' && ch <= '7') {
            unsigned v = 0;
            int k = 0;
            while (k < 3 && i + k < end && s[i + k] >= '0' && s[i + k] <= '7') {
                v = v * 8 + (unsigned)(s[i + k] - '0');
                k++;
            }
            if (v > 0377)
                lang_warn(P->c, t->line, "invalid octal escape sequence '\\%.3s'", s + i);
            buf_utf8(P, b, v);
            *pi = i + k;
            return;
        }
        /* unknown escape: kept as written, with CPython's warning */
        if ((unsigned char)ch < 0x80)   /* CPython is silent for non-ASCII */
            lang_warn(P->c, t->line, "invalid escape sequence '\\%c'", ch);
        buf_put(P, b, "\\", 1);
        *pi = i;
        return;
    }
    buf_put(P, b, &out, 1);
    *pi = i + 1;
}

/* The bytes a bytes literal's body s[i..end) stands for, into b: ASCII
 * characters, and the escapes that make bytes (\x, octal) or keep their
 * text (\u, \U, \N, unknown ones). */
static void bytes_body(Parser *P, const Token *t, int i, int end, bool raw, Buf *b)
{
    const char *s = P->c->src;
    while (i < end) {
        unsigned char ch = (unsigned char)s[i];
        if (ch >= 0x80)
            lang_fail(P->c, LANG_ERR_SYNTAX, t->line, t->col, "bytes can only contain ASCII literal characters");
        if (ch != '\\' || raw || i + 1 >= end) {
            buf_put(P, b, s + i++, 1);
            continue;
        }
        char e = s[++i];
        unsigned v = 0;
        if (e == 'x') {
            for (int k = 1; k <= 2; k++) {
                int h = i + k < end ? hexval((unsigned char)s[i + k]) : -1;
                if (h < 0)
                    lang_fail(P->c, LANG_ERR_SYNTAX, t->line, t->col,
                              "(value error) invalid \\x escape at position %d", (int)b->n);
                v = v * 16 + (unsigned)h;
            }
            i += 3;
        } else if (e >= '0' && e <= '7') {
            int k = 0;
            while (k < 3 && i + k < end && s[i + k] >= '0' && s[i + k] <= '7')
                v = v * 8 + (unsigned)(s[i + k++] - '0');
            if (v > 0377)
                lang_warn(P->c, t->line, "invalid octal escape sequence '\\%.3s'", s + i);
            i += k;
        } else if (e == 'u' || e == 'U' || e == 'N') {
            lang_warn(P->c, t->line, "invalid escape sequence '\\%c'", e);
            buf_put(P, b, "\\", 1);
            continue;
        } else {
            escape(P, t, b, &i, end);
            continue;
        }
        char byte = (char)(v & 0xff);
        buf_put(P, b, &byte, 1);
    }
}

typedef struct StrParts {
    PtrVec parts;       /* E_CONST / E_FORMATTED */
    Buf lit;            /* pending literal text */
    bool is_f;
} StrParts;

static void flush_lit(Parser *P, StrParts *sp, const Token *t)
{
    if (sp->lit.n == 0)
        return;
    Node *k = new_node(P, E_CONST, t);
    k->value.kind = K_STR;
    k->value.as.str.s = sp->lit.s;
    k->value.as.str.len = sp->lit.n;
    push(P, &sp->parts, k);
    memset(&sp->lit, 0, sizeof sp->lit);
}

static int fstring_body(Parser *P, const Token *t, int p, int end, bool raw, StrParts *sp,
                        bool in_spec);

/* p just after '{'. Returns offset after the closing '}'. */
static int fstring_field(Parser *P, const Token *t, int p, int end, bool raw, StrParts *sp)
{
    LangCtx *c = P->c;
    TokenList tl = {0};
    int stop;
    if (P->depth + 1 > LANG_MAX_DEPTH)
        lang_fail(c, LANG_ERR_LIMIT, t->line, t->col, "f-string: expressions nested too deeply");
    int line = line_at(P, t, p);
    lex_fstring_expr(c, p, end, line, p - col_at(P, p), &tl, &stop);
    if (tl.n == 1) {
        int l = line_at(P, t, stop);
        lang_fail(c, LANG_ERR_SYNTAX, l, col_at(P, stop),
                  "f-string: valid expression required before '%c'", c->src[stop]);
    }
    Parser sub = {c, tl.toks, tl.n, 0, P->depth + 1, true, NULL, false, {-1, 0, 0, 0}};
    Node *e = star_expressions(&sub);   /* a misplaced yield is reported later */
    if (!at(&sub, T_ENDMARKER))
        syntax_error(&sub);
    Node *fv = new_node(P, E_FORMATTED, t);
    fv->end_lineno = t->end_line;
    fv->end_col = t->end_col;
    fv->a = e;
    fv->op = -1;
    int q = stop;
    const char *s = c->src;
    if (s[q] == '=') {
        /* {expr=}: the text as written, '=' and following spaces included */
        q++;
        while (q < end && (s[q] == ' ' || s[q] == '\t' || s[q] == '\n' || s[q] == '\r' || s[q] == '\f'))
            q++;
        buf_put(P, &sp->lit, s + p, (size_t)(q - p));
        fv->op = (int)FMT_CONV_REPR;
    }
    if (q < end && s[q] == '!') {
        q++;
        int a = q;
        while (q < end && ((s[q] >= 'a' && s[q] <= 'z') || (s[q] >= 'A' && s[q] <= 'Z') || s[q] == '_' || (s[q] >= '0' && s[q] <= '9')))
            q++;
        if (q == a) {
            lang_fail(c, LANG_ERR_SYNTAX, line_at(P, t, q), col_at(P, q),
                      "f-string: missing conversion character");
        }
        if (q - a != 1 || (s[a] != 's' && s[a] != 'r' && s[a] != 'a'))
            lang_fail(c, LANG_ERR_SYNTAX, line_at(P, t, a), col_at(P, a),
                      "f-string: invalid conversion character '%.*s': expected 's', 'r', or 'a'",
                      q - a, s + a);
        fv->op = (int)(s[a] == 's' ? FMT_CONV_STR : s[a] == 'r' ? FMT_CONV_REPR : FMT_CONV_ASCII);
    }
    if (q < end && s[q] == ':') {
        if (fv->op == (int)FMT_CONV_REPR && s[stop] == '=' && !(stop + 1 < end && s[q - 1] != '=' && false)) {
            /* {x=:spec} formats with the spec (no repr) unless !r was given */
            bool has_conv = false;
            for (int k = stop + 1; k < q; k++)
                if (s[k] == '!')
                    has_conv = true;
            if (!has_conv)
                fv->op = -1;
        }
        StrParts spec = {0};
        spec.is_f = true;
        q = fstring_body(P, t, q + 1, end, raw, &spec, true);
        flush_lit(P, &spec, t);
        Node *js = new_node(P, E_JOINEDSTR, t);
        js->end_lineno = t->end_line;
        js->end_col = t->end_col;
        js->l1 = spec.parts;
        fv->b = js;
    } else {
        if (q >= end || s[q] != '}')
            lang_fail(c, LANG_ERR_SYNTAX, line_at(P, t, q), col_at(P, q), "f-string: expecting '}'");
        q++;
    }
    if (fv->op < 0)
        fv->op = (int)FMT_CONV_NONE;
    /* 3.12 locates FORMAT_VALUE at the replacement field, braces included */
    fv->lineno = line_at(P, t, p - 1);
    fv->col = col_at(P, p - 1);
    fv->end_lineno = line_at(P, t, q);
    fv->end_col = col_at(P, q);
    flush_lit(P, sp, t);
    push(P, &sp->parts, fv);
    return q;
}

/* Parses literal text and fields from p until `end` (or, in a format spec,
 * until the '}' closing the field, returning the offset past it). */
static int fstring_body(Parser *P, const Token *t, int p, int end, bool raw, StrParts *sp,
                        bool in_spec)
{
    const char *s = P->c->src;
    while (p < end) {
        char ch = s[p];
        if (ch == '\\' && !raw) {
            int i = p + 1;
            if (i < end && (s[i] == '{' || s[i] == '}') && sp->is_f) {
                buf_put(P, &sp->lit, "\\", 1);
                p = i;
                continue;
            }
            escape(P, t, &sp->lit, &i, end);
            p = i;
            continue;
        }
        if (ch == '\\' && raw) {
            buf_put(P, &sp->lit, s + p, 1);
            if (p + 1 < end && !(sp->is_f && (s[p + 1] == '{' || s[p + 1] == '}'))) {
                buf_put(P, &sp->lit, s + p + 1, 1);
                p += 2;
            } else {
                p++;
            }
            continue;
        }
        if (sp->is_f && ch == '{') {
            if (!in_spec && p + 1 < end && s[p + 1] == '{') {
                buf_put(P, &sp->lit, "{", 1);
                p += 2;
                continue;
            }
            p = fstring_field(P, t, p + 1, end, raw, sp);
            continue;
        }
        if (sp->is_f && ch == '}') {
            if (in_spec)
                return p + 1;
            if (p + 1 < end && s[p + 1] == '}') {
                buf_put(P, &sp->lit, "}", 1);
                p += 2;
                continue;
            }
            lang_fail(P->c, LANG_ERR_SYNTAX, line_at(P, t, p), col_at(P, p),
                      "f-string: single '}' is not allowed");
        }
        if (ch == '\r') {
            /* newlines in the source read as \n */
            buf_put(P, &sp->lit, "\n", 1);
            p += 1 + (p + 1 < end && s[p + 1] == '\n');
            continue;
        }
        buf_put(P, &sp->lit, s + p, 1);
        p++;
    }
    if (in_spec)
        lang_fail(P->c, LANG_ERR_SYNTAX, t->line, t->col, "f-string: expecting '}'");
    return p;
}

static Node *strings(Parser *P)
{
    Token *first = cur(P);
    StrParts sp = {0};
    bool any_f = false, any_bytes = false, any_str = false;
    const char *s = P->c->src;
    while (at(P, T_STRING)) {
        Token *t = advance(P);
        int p = t->start;
        bool raw = false, f = false, b = false;
        while (s[p] != '\'' && s[p] != '"') {
            char ch = (char)(s[p] | 0x20);
            if (ch == 'r') raw = true;
            if (ch == 'f') f = true;
            if (ch == 'b') b = true;
            p++;
        }
        if (b ? any_str : any_bytes)
            lang_fail(P->c, LANG_ERR_SYNTAX, first->line, first->col, "cannot mix bytes and nonbytes literals");
        any_bytes |= b;
        any_str |= !b;
        char q = s[p];
        bool triple = p + 2 < t->end && s[p + 1] == q && s[p + 2] == q && t->end - p >= 6;
        int body = p + (triple ? 3 : 1);
        int end = t->end - (triple ? 3 : 1);
        if (f)
            any_f = true;
        sp.is_f = f;
        if (b)
            bytes_body(P, t, body, end, raw, &sp.lit);
        else
            fstring_body(P, t, body, end, raw, &sp, false);
    }
    Node *n;
    if (!any_f) {
        n = new_node(P, E_CONST, first);
        n->value.kind = any_bytes ? K_BYTES : K_STR;
        n->value.as.str.s = sp.lit.s ? sp.lit.s : arena_strndup(&P->c->arena, "", 0);
        n->value.as.str.len = sp.lit.n;
        return fin(P, n);
    }
    flush_lit(P, &sp, first);
    n = new_node(P, E_JOINEDSTR, first);
    fin(P, n);
    n->l1 = sp.parts;
    for (int i = 0; i < n->l1.n; i++) {
        Node *x = NODE_AT(n->l1, i);
        if (x->kind != E_CONST)
            continue;
        x->lineno = n->lineno; x->col = n->col;
        x->end_lineno = n->end_lineno; x->end_col = n->end_col;
    }
    return n;
}

/* ---- expressions -------------------------------------------------------- */

static bool starts_expr(Parser *P, const Token *t)
{
    switch (t->kind) {
    case T_NAME:
        if (!is_reserved(P, t))
            return true;
        return tok_is(P, t, "True") || tok_is(P, t, "False") || tok_is(P, t, "None") ||
               tok_is(P, t, "not") || tok_is(P, t, "lambda") || tok_is(P, t, "await") ||
               tok_is(P, t, "yield");
    case T_NUMBER: case T_STRING: case T_LPAR: case T_LSQB: case T_LBRACE:
    case T_MINUS: case T_PLUS: case T_TILDE: case T_STAR: case T_ELLIPSIS:
        return true;
    default:
        return false;
    }
}

static Node *comprehension_tail(Parser *P, Node *comp);

static Node *make_tuple(Parser *P, Node *first, NodeKind k, const Token *start)
{
    Node *tup = new_node(P, k, start);
    push(P, &tup->l1, first);
    return tup;
}

/* '(' already current */
static Node *paren_atom(Parser *P)
{
    Token *open = advance(P);
    if (accept(P, T_RPAR))
        return fin(P, new_node(P, E_TUPLE, open));
    if (at_kw(P, "yield")) {
        Node *y = star_expressions(P);  /* yield handled in star_expressions */
        expect(P, T_RPAR);
        return y;
    }
    Node *first = star_named_expression(P);
    if (at_kw(P, "for") || (at_kw(P, "async") && tok_is(P, peek(P, 1), "for"))) {
        Node *g = new_node(P, E_GENEXP, open);
        g->a = first;
        comprehension_tail(P, g);
        expect(P, T_RPAR);
        return fin(P, g);
    }
    if (at(P, T_COMMA)) {
        Node *tup = new_node(P, E_TUPLE, open);
        push(P, &tup->l1, first);
        while (accept(P, T_COMMA)) {
            if (at(P, T_RPAR))
                break;
            push(P, &tup->l1, star_named_expression(P));
        }
        if (!at(P, T_RPAR))
            comma_hint(P, NODE_AT(tup->l1, tup->l1.n - 1));
        expect(P, T_RPAR);
        return fin(P, tup);
    }
    if (first->kind == E_STARRED)
        lang_fail(P->c, LANG_ERR_SYNTAX, first->lineno, first->col,
                  "cannot use starred expression here");
    if (!at(P, T_RPAR)) {
        comma_hint(P, first);
        syntax_error(P);
    }
    advance(P);
    return first;
}

static Node *list_atom(Parser *P)
{
    Token *open = advance(P);
    Node *l = new_node(P, E_LIST, open);
    if (accept(P, T_RSQB))
        return fin(P, l);
    Node *first = star_named_expression(P);
    if (at_kw(P, "for") || (at_kw(P, "async") && tok_is(P, peek(P, 1), "for"))) {
        l->kind = E_LISTCOMP;
        l->a = first;
        comprehension_tail(P, l);
        expect(P, T_RSQB);
        return fin(P, l);
    }
    push(P, &l->l1, first);
    while (accept(P, T_COMMA)) {
        if (at(P, T_RSQB))
            break;
        push(P, &l->l1, star_named_expression(P));
    }
    if (at_kw(P, "for") && !(P->tl && P->tl->unclosed && cur(P)->line > P->tl->unclosed_line))
        lang_fail(P->c, LANG_ERR_SYNTAX, first->lineno, first->col,
                  "did you forget parentheses around the comprehension target?");
    if (!at(P, T_RSQB)) {
        comma_hint(P, NODE_AT(l->l1, l->l1.n - 1));
        syntax_error(P);
    }
    advance(P);
    return fin(P, l);
}

static Node *brace_atom(Parser *P)
{
    Token *open = advance(P);
    Node *d = new_node(P, E_DICT, open);
    if (accept(P, T_RBRACE))
        return fin(P, d);
    Node *first = NULL, *val = NULL;
    if (accept(P, T_DOUBLESTAR)) {
        val = bitor(P);
    } else {
        first = star_named_expression(P);
        if (accept(P, T_COLON)) {
            if (first->kind == E_STARRED)
                lang_fail(P->c, LANG_ERR_SYNTAX, first->lineno, first->col,
                          "cannot use a starred expression in a dictionary value");
            val = expression(P);
        } else {
            /* set */
            d->kind = E_SET;
            if (at_kw(P, "for") || (at_kw(P, "async") && tok_is(P, peek(P, 1), "for"))) {
                d->kind = E_SETCOMP;
                d->a = first;
                comprehension_tail(P, d);
                expect(P, T_RBRACE);
                return fin(P, d);
            }
            push(P, &d->l1, first);
            while (accept(P, T_COMMA)) {
                if (at(P, T_RBRACE))
                    break;
                push(P, &d->l1, star_named_expression(P));
            }
            if (at_kw(P, "for"))
                lang_fail(P->c, LANG_ERR_SYNTAX, first->lineno, first->col,
                          "did you forget parentheses around the comprehension target?");
            if (!at(P, T_RBRACE))
                comma_hint(P, NODE_AT(d->l1, d->l1.n - 1));
            expect(P, T_RBRACE);
            return fin(P, d);
        }
    }
    if (first && (at_kw(P, "for") || (at_kw(P, "async") && tok_is(P, peek(P, 1), "for")))) {
        d->kind = E_DICTCOMP;
        d->a = first;
        d->b = val;
        comprehension_tail(P, d);
        expect(P, T_RBRACE);
        return fin(P, d);
    }
    push(P, &d->l1, first);
    push(P, &d->l2, val);
    while (accept(P, T_COMMA)) {
        if (at(P, T_RBRACE))
            break;
        if (accept(P, T_DOUBLESTAR)) {
            push(P, &d->l1, NULL);
            push(P, &d->l2, bitor(P));
        } else {
            Node *key = expression(P);
            push(P, &d->l1, key);
            if (!at(P, T_COLON) && !at(P, T_RBRACE) && !at(P, T_COMMA))
                lang_fail(P->c, LANG_ERR_SYNTAX, key->end_lineno, key->end_col - 1,
                          "':' expected after dictionary key");
            expect(P, T_COLON);
            push(P, &d->l2, expression(P));
        }
    }
    if (!at(P, T_RBRACE))
        comma_hint(P, NODE_AT(d->l2, d->l2.n - 1));
    expect(P, T_RBRACE);
    return fin(P, d);
}

static Node *atom(Parser *P)
{
    Token *t = cur(P);
    switch (t->kind) {
    case T_NAME: {
        Node *n;
        if (tok_is(P, t, "True") || tok_is(P, t, "False") || tok_is(P, t, "None")) {
            n = new_node(P, E_CONST, t);
            n->value.kind = tok_is(P, t, "True") ? K_TRUE : tok_is(P, t, "False") ? K_FALSE : K_NONE;
            advance(P);
            return n;
        }
        if (is_reserved(P, t))
            syntax_error(P);
        n = new_node(P, E_NAME, t);
        n->str = tok_text(P, t);
        advance(P);
        return n;
    }
    case T_NUMBER:
        advance(P);
        return number(P, t);
    case T_STRING:
        return strings(P);
    case T_ELLIPSIS: {
        Node *n = new_node(P, E_CONST, t);
        n->value.kind = K_ELLIPSIS;
        advance(P);
        return n;
    }
    case T_LPAR: {
        enter(P);
        Node *n = paren_atom(P);
        leave(P);
        return n;
    }
    case T_LSQB: {
        enter(P);
        Node *n = list_atom(P);
        leave(P);
        return n;
    }
    case T_LBRACE: {
        enter(P);
        Node *n = brace_atom(P);
        leave(P);
        return n;
    }
    default:
        syntax_error(P);
    }
}

static Node *slice_item(Parser *P)
{
    Token *t = cur(P);
    Node *lower = NULL;
    if (!at(P, T_COLON)) {
        if (at(P, T_STAR))
            unsupported(P, t, "starred subscripts");
        lower = named_expression(P);
        if (!at(P, T_COLON))
            return lower;
    }
    Node *s = new_node(P, E_SLICE, t);
    s->a = lower;
    expect(P, T_COLON);
    if (!at(P, T_COLON) && !at(P, T_COMMA) && !at(P, T_RSQB))
        s->b = expression(P);
    if (accept(P, T_COLON)) {
        if (!at(P, T_COMMA) && !at(P, T_RSQB))
            s->c = expression(P);
    }
    return fin(P, s);
}

static void call_args(Parser *P, Node *call)
{
    bool seen_kw = false, seen_dstar = false;
    while (!at(P, T_RPAR)) {
        Token *t = cur(P);
        if (accept(P, T_STAR)) {
            if (seen_dstar)
                fail_at(P, t, "%s", "iterable argument unpacking follows keyword argument unpacking");
            Node *s = new_node(P, E_STARRED, t);
            s->a = expression(P);
            push(P, &call->l1, fin(P, s));
        } else if (accept(P, T_DOUBLESTAR)) {
            Node *k = new_node(P, E_KEYWORD, t);
            k->a = expression(P);
            push(P, &call->l2, fin(P, k));
            seen_dstar = true;
        } else if (t->kind == T_NAME && peek(P, 1)->kind == T_EQUAL && !is_reserved(P, t)) {
            Node *k = new_node(P, E_KEYWORD, t);
            k->str = tok_text(P, t);
            advance(P);
            advance(P);
            k->a = expression(P);
            push(P, &call->l2, fin(P, k));
            seen_kw = true;
        } else {
            Node *e = named_expression(P);
            if (at_kw(P, "for") || (at_kw(P, "async") && tok_is(P, peek(P, 1), "for"))) {
                /* f(x for x in y): the generator spans the call's parentheses */
                Token *open = &P->t[0];
                for (int j = P->i; j >= 0; j--)
                    if (P->t[j].kind == T_LPAR && P->t[j].line == call->end_lineno &&
                        P->t[j].col == call->end_col) {
                        open = &P->t[j];
                        break;
                    }
                Node *g = new_node(P, E_GENEXP, open);
                g->a = e;
                comprehension_tail(P, g);
                if (!at(P, T_RPAR))
                    lang_fail(P->c, LANG_ERR_SYNTAX, e->lineno, e->col,
                              "Generator expression must be parenthesized");
                g->end_lineno = cur(P)->end_line;
                g->end_col = cur(P)->end_col;
                if (call->l1.n || call->l2.n)
                    lang_fail(P->c, LANG_ERR_SYNTAX, e->lineno, e->col,
                              "Generator expression must be parenthesized");
                e = g;
            }
            /* CPython points just past the argument */
            if (seen_dstar)
                lang_fail(P->c, LANG_ERR_SYNTAX, e->end_lineno, e->end_col, "%s",
                          "positional argument follows keyword argument unpacking");
            if (seen_kw)
                lang_fail(P->c, LANG_ERR_SYNTAX, e->end_lineno, e->end_col, "%s",
                          "positional argument follows keyword argument");
            push(P, &call->l1, e);
        }
        if (!accept(P, T_COMMA))
            break;
    }
    if (!at(P, T_RPAR)) {
        Node *last = call->l2.n ? NODE_AT(call->l2, call->l2.n - 1)
                   : call->l1.n ? NODE_AT(call->l1, call->l1.n - 1) : NULL;
        /* for a keyword argument CPython points at its value */
        if (last && last->kind == E_KEYWORD)
            last = last->a;
        comma_hint(P, last);
        syntax_error(P);
    }
    advance(P);
}

/* Compound nodes start at their first token, so "(a + b) * c" starts at
 * the '(' as in CPython, while "(a)" itself keeps a's span. */
static Node *primary(Parser *P)
{
    Token *start = cur(P);
    Node *e = atom(P);
    int chain = 0;
    for (;;) {
        Token *t = cur(P);
        if (t->kind == T_DOT) {
            advance(P);
            Token *name = cur(P);
            if (name->kind != T_NAME || is_reserved(P, name))
                syntax_error(P);
            advance(P);
            Node *a = new_node(P, E_ATTR, start);
            a->a = e;
            a->str = tok_text(P, name);
            e = fin(P, a);
        } else if (t->kind == T_LPAR) {
            enter(P);
            Node *call = new_node(P, E_CALL, start);
            call->a = e;
            /* remember '(' position for a bare generator argument */
            call->end_lineno = t->line;
            call->end_col = t->col;
            advance(P);
            call_args(P, call);
            e = fin(P, call);
            leave(P);
        } else if (t->kind == T_LSQB) {
            enter(P);
            advance(P);
            Node *s = new_node(P, E_SUBSCRIPT, start);
            s->a = e;
            Token *fstart = cur(P);
            Node *first = slice_item(P);
            if (at(P, T_COMMA)) {
                Node *tup = make_tuple(P, first, E_TUPLE, fstart);
                while (accept(P, T_COMMA)) {
                    if (at(P, T_RSQB))
                        break;
                    push(P, &tup->l1, slice_item(P));
                }
                fin(P, tup);
                first = tup;
            }
            s->b = first;
            expect(P, T_RSQB);
            e = fin(P, s);
            leave(P);
        } else {
            break;
        }
        if (++chain > MAX_CHAIN)
            lang_fail(P->c, LANG_ERR_LIMIT, t->line, t->col, "expression nested too deeply");
    }
    return e;
}

static Node *await_primary(Parser *P)
{
    if (at_kw(P, "await")) {
        Token *t = advance(P);
        Node *a = new_node(P, E_AWAIT, t);
        a->a = primary(P);
        return fin(P, a);
    }
    return primary(P);
}

static Node *factor(Parser *P);

static Node *power(Parser *P)
{
    Token *start = cur(P);
    Node *e = await_primary(P);
    if (at(P, T_DOUBLESTAR)) {
        advance(P);
        Node *b = new_node(P, E_BINOP, start);
        b->op = BINOP_POW;
        b->a = e;
        enter(P);   /* a ** b ** c ... nests to the right */
        b->b = factor(P);
        leave(P);
        return fin(P, b);
    }
    return e;
}

/* CPython's AST optimizer folds a sign on a number into the constant
 * ("-1" is one constant); that decides tuple/set constants and warnings. */
static Node *fold_unary(Parser *P, Node *u)
{
    Node *a = u->a;
    if (a->kind != E_CONST || u->op == UOP_NOT)
        return u;
    Const *k = &a->value;
    if (k->kind != K_INT && k->kind != K_FLOAT && k->kind != K_BIGINT)
        return u;
    Const r = *k;
    if (u->op == UOP_POS) {
        /* value unchanged */
    } else if (k->kind == K_FLOAT) {
        if (u->op == UOP_INVERT)
            return u;   /* TypeError at run time */
        r.as.f = -k->as.f;
    } else if (k->kind == K_INT) {
        if (u->op == UOP_INVERT) {
            r.as.i = ~k->as.i;
        } else if (k->as.i == INT64_MIN) {
            r.kind = K_BIGINT;
            r.as.str.s = arena_strndup(&P->c->arena, "9223372036854775808", 19);
            r.as.str.len = 19;
        } else {
            r.as.i = -k->as.i;
        }
    } else {   /* K_BIGINT: its text (decimal, or a 0x/0o/0b literal) */
        if (u->op == UOP_INVERT)
            return u;
        const char *s = k->as.str.s;
        size_t n = k->as.str.len;
        if (s[0] == '-') {
            r.as.str.s = arena_strndup(&P->c->arena, s + 1, n - 1);
            r.as.str.len = n - 1;
        } else if (n == 19 && strcmp(s, "9223372036854775808") == 0) {
            r.kind = K_INT;
            r.as.i = INT64_MIN;
        } else {
            char *t = arena_alloc(&P->c->arena, n + 2);
            t[0] = '-';
            memcpy(t + 1, s, n + 1);
            r.as.str.s = t;
            r.as.str.len = n + 1;
        }
    }
    Node *f = new_node(P, E_CONST, &(Token){0});
    f->lineno = u->lineno;
    f->col = u->col;
    f->end_lineno = u->end_lineno;
    f->end_col = u->end_col;
    f->value = r;
    return f;
}

static Node *factor(Parser *P)
{
    Token *t = cur(P);
    int op = t->kind == T_MINUS ? UOP_NEG : t->kind == T_PLUS ? UOP_POS : t->kind == T_TILDE ? UOP_INVERT : -1;
    if (op < 0)
        return power(P);
    enter(P);
    advance(P);
    Node *u = new_node(P, E_UNARY, t);
    u->op = op;
    u->a = factor(P);
    leave(P);
    return fold_unary(P, fin(P, u));
}

static int binop_of(TokKind k, int level)
{
    switch (level) {
    case 0: return k == T_STAR ? BINOP_MUL : k == T_SLASH ? BINOP_TRUEDIV : k == T_DOUBLESLASH ? BINOP_FLOORDIV
                 : k == T_PERCENT ? BINOP_MOD : k == T_AT ? BINOP_MATMUL : -1;
    case 1: return k == T_PLUS ? BINOP_ADD : k == T_MINUS ? BINOP_SUB : -1;
    case 2: return k == T_LEFTSHIFT ? BINOP_LSHIFT : k == T_RIGHTSHIFT ? BINOP_RSHIFT : -1;
    case 3: return k == T_AMPER ? BINOP_AND : -1;
    case 4: return k == T_CIRCUMFLEX ? BINOP_XOR : -1;
    case 5: return k == T_VBAR ? BINOP_OR : -1;
    }
    return -1;
}

static Node *binary(Parser *P, int level)
{
    Token *start = cur(P);
    Node *e = level == 0 ? factor(P) : binary(P, level - 1);
    int chain = 0;
    for (;;) {
        int op = binop_of(cur(P)->kind, level);
        if (op < 0)
            return e;
        Token *t = advance(P);
        if (op == BINOP_MATMUL)
            unsupported(P, t, "'@' matrix multiplications");
        Node *b = new_node(P, E_BINOP, start);
        b->op = op;
        b->a = e;
        b->b = level == 0 ? factor(P) : binary(P, level - 1);
        e = fin(P, b);
        if (++chain > MAX_CHAIN)
            lang_fail(P->c, LANG_ERR_LIMIT, t->line, t->col, "expression nested too deeply");
    }
}

static Node *bitor(Parser *P) { return binary(P, 5); }

static int comp_op(Parser *P)
{
    Token *t = cur(P);
    switch (t->kind) {
    case T_LESS: advance(P); return CMP_LT;
    case T_LESSEQUAL: advance(P); return CMP_LE;
    case T_EQEQUAL: advance(P); return CMP_EQ;
    case T_NOTEQUAL: advance(P); return CMP_NE;
    case T_GREATER: advance(P); return CMP_GT;
    case T_GREATEREQUAL: advance(P); return CMP_GE;
    default: break;
    }
    if (tok_is(P, t, "in")) { advance(P); return CMP_IN; }
    if (tok_is(P, t, "not") && tok_is(P, peek(P, 1), "in")) { advance(P); advance(P); return CMP_NOT_IN; }
    if (tok_is(P, t, "is")) {
        advance(P);
        if (accept_kw(P, "not"))
            return CMP_IS_NOT;
        return CMP_IS;
    }
    return -1;
}

static Node *comparison(Parser *P)
{
    Token *start = cur(P);
    Node *e = bitor(P);
    int op = comp_op(P);
    if (op < 0)
        return e;
    Node *c = new_node(P, E_COMPARE, start);
    c->a = e;
    int cap = 4, n = 0;
    c->cmpops = arena_alloc(&P->c->arena, sizeof(int) * (size_t)cap);
    while (op >= 0) {
        if (n == cap) {
            c->cmpops = arena_grow(&P->c->arena, c->cmpops, sizeof(int) * (size_t)n, sizeof(int) * (size_t)cap * 2);
            cap *= 2;
        }
        c->cmpops[n++] = op;
        push(P, &c->l1, bitor(P));
        op = comp_op(P);
    }
    return fin(P, c);
}

static Node *inversion(Parser *P)
{
    if (at_kw(P, "not")) {
        Token *t = advance(P);
        enter(P);
        Node *u = new_node(P, E_UNARY, t);
        u->op = UOP_NOT;
        u->a = inversion(P);
        leave(P);
        return fin(P, u);
    }
    return comparison(P);
}

static Node *boolop(Parser *P, int is_or)
{
    Token *start = cur(P);
    Node *e = is_or ? boolop(P, 0) : inversion(P);
    const char *kw = is_or ? "or" : "and";
    if (!at_kw(P, kw))
        return e;
    Node *b = new_node(P, E_BOOLOP, start);
    b->op = is_or;
    push(P, &b->l1, e);
    while (accept_kw(P, kw))
        push(P, &b->l1, is_or ? boolop(P, 0) : inversion(P));
    return fin(P, b);
}

static Node *disjunction(Parser *P) { return boolop(P, 1); }

static void parameters(Parser *P, Arguments *a, TokKind close, bool lambda);

static Node *lambdef(Parser *P)
{
    Token *t = advance(P);
    Node *l = new_node(P, E_LAMBDA, t);
    l->args = arena_alloc(&P->c->arena, sizeof(Arguments));
    parameters(P, l->args, T_COLON, true);
    expect(P, T_COLON);
    l->a = expression(P);
    return fin(P, l);
}

static Node *expression(Parser *P)
{
    enter(P);
    Node *e;
    if (at_kw(P, "lambda")) {
        e = lambdef(P);
    } else {
        Token *start = cur(P);
        e = disjunction(P);
        if (at_kw(P, "if")) {
            advance(P);
            Node *c = new_node(P, E_IFEXP, start);
            c->b = e;
            c->a = disjunction(P);
            if (!accept_kw(P, "else"))
                lang_fail(P->c, LANG_ERR_SYNTAX, e->lineno, e->col, "expected 'else' after 'if' expression");
            c->c = expression(P);
            e = fin(P, c);
        }
    }
    leave(P);
    return e;
}

static Node *named_expression(Parser *P)
{
    Token *t = cur(P);
    if (t->kind == T_NAME && peek(P, 1)->kind == T_COLONEQUAL && !is_reserved(P, t)) {
        Node *target = new_node(P, E_NAME, t);
        target->str = tok_text(P, t);
        target->ctx = CTX_STORE;
        advance(P);
        advance(P);
        Node *n = new_node(P, E_NAMEDEXPR, t);
        n->a = target;
        n->b = expression(P);
        return fin(P, n);
    }
    Node *e = expression(P);
    if (at(P, T_EQUAL) && e->kind == E_NAME && !P->fexpr)
        lang_fail(P->c, LANG_ERR_SYNTAX, e->lineno, e->col,
                  "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    if (at(P, T_COLONEQUAL))
        lang_fail(P->c, LANG_ERR_SYNTAX, e->lineno, e->col,
                  "cannot use assignment expressions with %s", expr_name(e));
    return e;
}

static Node *star_named_expression(Parser *P)
{
    if (at(P, T_STAR)) {
        Token *t = advance(P);
        Node *s = new_node(P, E_STARRED, t);
        s->a = bitor(P);
        return fin(P, s);
    }
    return named_expression(P);
}

static Node *yield_expr(Parser *P)
{
    Token *t = advance(P);
    if (accept_kw(P, "from")) {
        Node *y = new_node(P, E_YIELDFROM, t);
        y->a = expression(P);
        return fin(P, y);
    }
    Node *y = new_node(P, E_YIELD, t);
    if (starts_expr(P, cur(P)))
        y->a = star_expressions(P);
    return fin(P, y);
}

/* star_expressions, and a yield expression where one is allowed */
static Node *star_expressions(Parser *P)
{
    if (at_kw(P, "yield"))
        return yield_expr(P);
    Token *start = cur(P);
    Node *first;
    if (at(P, T_STAR)) {
        Token *t = advance(P);
        first = new_node(P, E_STARRED, t);
        first->a = bitor(P);
        fin(P, first);
    } else {
        first = expression(P);
    }
    if (!at(P, T_COMMA))
        return first;
    Node *tup = make_tuple(P, first, E_TUPLE, start);
    while (accept(P, T_COMMA)) {
        if (!starts_expr(P, cur(P)) || at_kw(P, "yield"))
            break;
        if (at(P, T_STAR)) {
            Token *t = advance(P);
            Node *s = new_node(P, E_STARRED, t);
            s->a = bitor(P);
            push(P, &tup->l1, fin(P, s));
        } else {
            push(P, &tup->l1, expression(P));
        }
    }
    return fin(P, tup);
}

/* for-targets: star_targets at bitor level so 'in' is not consumed */
static Node *star_targets(Parser *P)
{
    Token *start = cur(P);
    Node *first;
    if (at(P, T_STAR)) {
        Token *t = advance(P);
        first = new_node(P, E_STARRED, t);
        first->a = bitor(P);
        fin(P, first);
    } else {
        first = bitor(P);
    }
    if (!at(P, T_COMMA))
        return first;
    Node *tup = make_tuple(P, first, E_TUPLE, start);
    while (accept(P, T_COMMA)) {
        if (at_kw(P, "in") || at(P, T_EQUAL) || !starts_expr(P, cur(P)))
            break;
        if (at(P, T_STAR)) {
            Token *t = advance(P);
            Node *s = new_node(P, E_STARRED, t);
            s->a = bitor(P);
            push(P, &tup->l1, fin(P, s));
        } else {
            push(P, &tup->l1, bitor(P));
        }
    }
    return fin(P, tup);
}

static Node *comprehension_tail(Parser *P, Node *comp)
{
    int saved = P->depth;   /* the compiler recurses once per clause */
    while (at_kw(P, "for") || (at_kw(P, "async") && tok_is(P, peek(P, 1), "for"))) {
        enter(P);
        Token *t = cur(P);
        Node *g = new_node(P, E_COMPREHENSION, t);
        if (accept_kw(P, "async"))
            g->flag = 1;
        advance(P);
        g->a = star_targets(P);
        set_target(P, g->a, CTX_STORE, 1);
        if (!accept_kw(P, "in"))
            syntax_error(P);
        g->b = disjunction(P);
        while (at_kw(P, "if")) {
            advance(P);
            push(P, &g->l1, disjunction(P));
        }
        push(P, &comp->l1, fin(P, g));
    }
    P->depth = saved;
    return comp;
}

/* ---- parameters --------------------------------------------------------- */

static Node *param(Parser *P, bool lambda)
{
    Token *t = cur(P);
    if (t->kind != T_NAME || is_reserved(P, t))
        syntax_error(P);
    advance(P);
    Node *a = new_node(P, N_ARG, t);
    a->str = tok_text(P, t);
    if (!lambda && accept(P, T_COLON))
        a->a = expression(P);  /* annotation: kept, never evaluated */
    return fin(P, a);
}

static void check_dup(Parser *P, Arguments *a, Node *arg)
{
    PtrVec *lists[] = {&a->posonly, &a->args, &a->kwonly};
    for (int l = 0; l < 3; l++)
        for (int i = 0; i < lists[l]->n; i++)
            if (strcmp(NODE_AT(*lists[l], i)->str, arg->str) == 0)
                lang_fail(P->c, LANG_ERR_SYNTAX, arg->lineno, arg->col,
                          "duplicate argument '%s' in function definition", arg->str);
    if ((a->vararg && strcmp(a->vararg->str, arg->str) == 0) ||
        (a->kwarg && strcmp(a->kwarg->str, arg->str) == 0))
        lang_fail(P->c, LANG_ERR_SYNTAX, arg->lineno, arg->col,
                  "duplicate argument '%s' in function definition", arg->str);
}

static void parameters(Parser *P, Arguments *a, TokKind close, bool lambda)
{
    bool star = false, seen_default = false, slash = false;
    Token *bare_star = NULL;
    while (!at(P, close)) {
        Token *t = cur(P);
        if (accept(P, T_SLASH)) {
            if (slash)
                fail_at(P, t, "%s", "/ may appear only once");
            if (star)
                fail_at(P, t, "%s", "/ must be ahead of *");
            if (a->args.n == 0)
                fail_at(P, t, "%s", "at least one argument must precede /");
            slash = true;
            a->posonly = a->args;
            memset(&a->args, 0, sizeof a->args);
        } else if (accept(P, T_DOUBLESTAR)) {
            Node *p = param(P, lambda);
            check_dup(P, a, p);
            a->kwarg = p;
            if (accept(P, T_COMMA) && !at(P, close))
                fail_at(P, cur(P), "%s", "arguments cannot follow var-keyword argument");
            break;
        } else if (accept(P, T_STAR)) {
            if (star)
                fail_at(P, t, "%s", "* argument may appear only once");
            star = true;
            if (at(P, close))
                fail_at(P, t, "%s", "named arguments must follow bare *");
            if (at(P, T_COMMA)) {
                bare_star = t;
            } else {
                Node *p = param(P, lambda);
                check_dup(P, a, p);
                a->vararg = p;
            }
        } else {
            Node *p = param(P, lambda);
            check_dup(P, a, p);
            Node *def = NULL;
            if (accept(P, T_EQUAL))
                def = expression(P);
            if (star) {
                push(P, &a->kwonly, p);
                push(P, &a->kw_defaults, def);
            } else {
                push(P, &a->args, p);
                if (def) {
                    push(P, &a->defaults, def);
                    seen_default = true;
                } else if (seen_default) {
                    lang_fail(P->c, LANG_ERR_SYNTAX, p->lineno, p->col,
                              "parameter without a default follows parameter with a default");
                }
            }
        }
        if (!accept(P, T_COMMA))
            break;
    }
    if (bare_star && a->kwonly.n == 0)
        fail_at(P, bare_star, "%s", "named arguments must follow bare *");
    if (!at(P, close))
        syntax_error(P);
}

/* ---- statements --------------------------------------------------------- */

static int cmp_cstr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* An import of a module loopscope does not have: the error lists, in
 * alphabetical order, every module it has (not submodules: "concurrent"
 * stands for "concurrent.futures"). */
static void check_modules(Parser *P, const Token *t, const char *name)
{
    const char *const *m = P->c->modules;
    int n = 0;
    for (; m && m[n]; n++)
        if (strcmp(m[n], name) == 0)
            return;
    const char **sorted = arena_alloc(&P->c->arena, sizeof(char *) * (size_t)(n + 1));
    int k = 0;
    for (int i = 0; i < n; i++)
        if (!strchr(m[i], '.'))
            sorted[k++] = m[i];
    qsort(sorted, (size_t)k, sizeof(char *), cmp_cstr);
    char avail[512] = "";
    size_t used = 0;
    for (int i = 0; i < k; i++) {
        int w = snprintf(avail + used, sizeof avail - used, "%s%s", i ? ", " : "", sorted[i]);
        if (w < 0 || (size_t)w >= sizeof avail - used) {
            snprintf(avail + used, sizeof avail - used, ", ...");
            break;
        }
        used += (size_t)w;
    }
    lang_fail(P->c, LANG_ERR_UNSUPPORTED, t->line, t->col,
              "module '%s' is not available in loopscope; it has %s", name, avail);
}

static char *dotted_name(Parser *P)
{
    Token *t = cur(P);
    if (t->kind != T_NAME || is_reserved(P, t))
        syntax_error(P);
    advance(P);
    Buf b = {0};
    buf_put(P, &b, P->c->src + t->start, (size_t)(t->end - t->start));
    while (at(P, T_DOT)) {
        advance(P);
        Token *n = cur(P);
        if (n->kind != T_NAME || is_reserved(P, n))
            syntax_error(P);
        advance(P);
        buf_put(P, &b, ".", 1);
        buf_put(P, &b, P->c->src + n->start, (size_t)(n->end - n->start));
    }
    return b.s;
}

static char *plain_name(Parser *P)
{
    Token *t = cur(P);
    if (t->kind != T_NAME || is_reserved(P, t))
        syntax_error(P);
    advance(P);
    return tok_text(P, t);
}

static Node *import_stmt(Parser *P)
{
    Token *t = advance(P);
    Node *s = new_node(P, S_IMPORT, t);
    do {
        Token *nt = cur(P);
        Node *al = new_node(P, N_ALIAS, nt);
        al->str = dotted_name(P);
        check_modules(P, nt, al->str);
        if (accept_kw(P, "as"))
            al->str2 = plain_name(P);
        push(P, &s->l1, fin(P, al));
    } while (accept(P, T_COMMA));
    return fin(P, s);
}

static Node *from_stmt(Parser *P)
{
    Token *t = advance(P);
    Node *s = new_node(P, S_IMPORTFROM, t);
    if (at(P, T_DOT) || at(P, T_ELLIPSIS))
        unsupported(P, cur(P), "relative imports");
    Token *mt = cur(P);
    s->str = dotted_name(P);
    if (!accept_kw(P, "import"))
        syntax_error(P);
    bool future = strcmp(s->str, "__future__") == 0;
    s->flag = future;
    if (!future)
        check_modules(P, mt, s->str);
    if (at(P, T_STAR))
        unsupported(P, cur(P), "'import *' statements");
    bool paren = accept(P, T_LPAR);
    do {
        if (paren && at(P, T_RPAR))
            break;
        Token *nt = cur(P);
        Node *al = new_node(P, N_ALIAS, nt);
        al->str = plain_name(P);
        if (future) {
            static const char *const features[] = {
                "nested_scopes", "generators", "division", "absolute_import", "with_statement",
                "print_function", "unicode_literals", "generator_stop", "annotations", NULL};
            bool known = false;
            for (int i = 0; features[i]; i++)
                if (strcmp(features[i], al->str) == 0)
                    known = true;
            if (strcmp(al->str, "braces") == 0)
                fail_at(P, nt, "%s", "not a chance");
            if (strcmp(al->str, "barry_as_FLUFL") == 0)
                unsupported(P, nt, "'barry_as_FLUFL' futures");
            if (!known)
                lang_fail(P->c, LANG_ERR_SYNTAX, nt->line, nt->col, "future feature %s is not defined", al->str);
            if (strcmp(al->str, "annotations") == 0)
                P->c->future_annotations = true;
        }
        if (accept_kw(P, "as"))
            al->str2 = plain_name(P);
        push(P, &s->l1, fin(P, al));
    } while (accept(P, T_COMMA));
    if (paren)
        expect(P, T_RPAR);
    else if (at(P, T_COMMA))
        syntax_error(P);
    return fin(P, s);
}

static bool is_augassign(TokKind k, int *op)
{
    switch (k) {
    case T_PLUSEQUAL: *op = BINOP_ADD; return true;
    case T_MINEQUAL: *op = BINOP_SUB; return true;
    case T_STAREQUAL: *op = BINOP_MUL; return true;
    case T_SLASHEQUAL: *op = BINOP_TRUEDIV; return true;
    case T_DOUBLESLASHEQUAL: *op = BINOP_FLOORDIV; return true;
    case T_PERCENTEQUAL: *op = BINOP_MOD; return true;
    case T_DOUBLESTAREQUAL: *op = BINOP_POW; return true;
    case T_LEFTSHIFTEQUAL: *op = BINOP_LSHIFT; return true;
    case T_RIGHTSHIFTEQUAL: *op = BINOP_RSHIFT; return true;
    case T_AMPEREQUAL: *op = BINOP_AND; return true;
    case T_VBAREQUAL: *op = BINOP_OR; return true;
    case T_CIRCUMFLEXEQUAL: *op = BINOP_XOR; return true;
    case T_ATEQUAL: *op = BINOP_MATMUL; return true;
    default: return false;
    }
}

static Node *expr_or_assign(Parser *P)
{
    Token *t = cur(P);
    Node *first = star_expressions(P);
    int op;
    if (at(P, T_EQUAL)) {
        Node *s = new_node(P, S_ASSIGN, t);
        Node *value = first;
        while (accept(P, T_EQUAL)) {
            /* the '==' hint only for the first target, as CPython */
            set_target(P, value, CTX_STORE, s->l1.n == 0 ? 0 : 1);
            push(P, &s->l1, value);
            value = star_expressions(P);
        }
        s->a = value;
        return fin(P, s);
    }
    if (is_augassign(cur(P)->kind, &op)) {
        Token *optok = cur(P);
        if (op == BINOP_MATMUL)
            unsupported(P, optok, "'@=' augmented assignments");
        if (first->kind != E_NAME && first->kind != E_ATTR && first->kind != E_SUBSCRIPT)
            lang_fail(P->c, LANG_ERR_SYNTAX, first->lineno, first->col,
                      "'%s' is an illegal expression for augmented assignment",
                      first->kind == E_TUPLE ? "tuple" : first->kind == E_LIST ? "list" : expr_name(first));
        advance(P);
        first->ctx = CTX_STORE;
        Node *s = new_node(P, S_AUGASSIGN, t);
        s->a = first;
        s->op = op;
        s->b = star_expressions(P);
        return fin(P, s);
    }
    if (at(P, T_COLON)) {
        if (first->kind == E_TUPLE)
            lang_fail(P->c, LANG_ERR_SYNTAX, first->lineno, first->col,
                      "only single target (not tuple) can be annotated");
        if (first->kind == E_LIST)
            lang_fail(P->c, LANG_ERR_SYNTAX, first->lineno, first->col,
                      "only single target (not list) can be annotated");
        if (first->kind != E_NAME && first->kind != E_ATTR && first->kind != E_SUBSCRIPT)
            lang_fail(P->c, LANG_ERR_SYNTAX, first->lineno, first->col,
                      "illegal target for annotation");
        advance(P);
        Node *s = new_node(P, S_ANNASSIGN, t);
        first->ctx = CTX_STORE;
        s->a = first;
        s->b = expression(P);
        if (accept(P, T_EQUAL))
            s->c = star_expressions(P);
        return fin(P, s);
    }
    Node *s = new_node(P, S_EXPR, t);
    s->a = first;
    return fin(P, s);
}

static Node *simple_stmt(Parser *P)
{
    Token *t = cur(P);
    if (t->kind == T_NAME) {
        if (tok_is(P, t, "pass") || tok_is(P, t, "break") || tok_is(P, t, "continue")) {
            advance(P);
            return new_node(P, tok_is(P, t, "pass") ? S_PASS : tok_is(P, t, "break") ? S_BREAK : S_CONTINUE, t);
        }
        if (tok_is(P, t, "return")) {
            advance(P);
            Node *s = new_node(P, S_RETURN, t);
            if (starts_expr(P, cur(P)))
                s->a = star_expressions(P);
            return fin(P, s);
        }
        if (tok_is(P, t, "raise")) {
            advance(P);
            Node *s = new_node(P, S_RAISE, t);
            if (starts_expr(P, cur(P))) {
                s->a = expression(P);
                if (accept_kw(P, "from"))
                    s->b = expression(P);
            }
            return fin(P, s);
        }
        if (tok_is(P, t, "global") || tok_is(P, t, "nonlocal")) {
            advance(P);
            Node *s = new_node(P, tok_is(P, t, "global") ? S_GLOBAL : S_NONLOCAL, t);
            do {
                push(P, &s->l1, plain_name(P));
            } while (accept(P, T_COMMA));
            return fin(P, s);
        }
        if (tok_is(P, t, "del")) {
            advance(P);
            Node *s = new_node(P, S_DELETE, t);
            do {
                if (!starts_expr(P, cur(P)))
                    break;
                Node *e = bitor(P);
                set_target(P, e, CTX_DEL, 2);
                push(P, &s->l1, e);
            } while (accept(P, T_COMMA));
            if (s->l1.n == 0)
                syntax_error(P);
            return fin(P, s);
        }
        if (tok_is(P, t, "assert")) {
            advance(P);
            Node *s = new_node(P, S_ASSERT, t);
            s->a = expression(P);
            if (accept(P, T_COMMA))
                s->b = expression(P);
            return fin(P, s);
        }
        if (tok_is(P, t, "import"))
            return import_stmt(P);
        if (tok_is(P, t, "from"))
            return from_stmt(P);
        if (tok_is(P, t, "type") && peek(P, 1)->kind == T_NAME &&
            (peek(P, 2)->kind == T_EQUAL || peek(P, 2)->kind == T_LSQB))
            unsupported(P, t, "'type' alias statements");
    }
    if (!starts_expr(P, t))
        syntax_error(P);
    return expr_or_assign(P);
}

static void simple_stmts(Parser *P, PtrVec *out)
{
    for (;;) {
        Node *st = simple_stmt(P);
        /* Python 2's print statement */
        if (st->kind == S_EXPR && st->a->kind == E_NAME &&
            (strcmp(st->a->str, "print") == 0 || strcmp(st->a->str, "exec") == 0) &&
            starts_expr(P, cur(P)) && !is_reserved(P, cur(P)) && cur(P)->kind != T_LPAR)
            lang_fail(P->c, LANG_ERR_SYNTAX, st->lineno, st->col,
                      "Missing parentheses in call to '%s'. Did you mean %s(...)?", st->a->str, st->a->str);
        push(P, out, st);
        if (!accept(P, T_SEMI))
            break;
        if (at(P, T_NEWLINE))
            break;
    }
    if (!accept(P, T_NEWLINE)) {
        Token *t = cur(P);
        if (t->kind == T_EQUAL) {
            /* e.g. "x + 1 = 2" is caught earlier; here: "f() = 1"-like */
            syntax_error(P);
        }
        if (starts_expr(P, t) && !is_reserved(P, t)) {
            /* "print 1" or "a b": CPython says invalid syntax (or forgot a comma) */
            syntax_error(P);
        }
        syntax_error(P);
    }
}

static void block(Parser *P, PtrVec *body, const char *what, int line)
{
    expect(P, T_COLON);
    if (accept(P, T_NEWLINE)) {
        if (!at(P, T_INDENT)) {
            Token *t = cur(P);
            lang_fail(P->c, LANG_ERR_SYNTAX, t->line, t->col,
                      "expected an indented block after %s on line %d", what, line);
        }
        advance(P);
        while (!at(P, T_DEDENT) && !at(P, T_ENDMARKER))
            statement(P, body);
        accept(P, T_DEDENT);
    } else {
        simple_stmts(P, body);
    }
}

static Node *last_stmt(PtrVec *v) { return NODE_AT(*v, v->n - 1); }

static Node *if_stmt(Parser *P, Token *t)
{
    Node *s = new_node(P, S_IF, t);
    bool elif = tok_is(P, t, "elif");
    advance(P);
    s->a = named_expression(P);
    block(P, &s->l1, elif ? "'elif' statement" : "'if' statement", t->line);
    end_at(s, last_stmt(&s->l1));
    if (at_kw(P, "elif")) {
        enter(P);   /* elif chains nest in the tree */
        Node *e = if_stmt(P, cur(P));
        leave(P);
        push(P, &s->l2, e);
        end_at(s, e);
    } else if (at_kw(P, "else")) {
        Token *et = advance(P);
        block(P, &s->l2, "'else' statement", et->line);
        end_at(s, last_stmt(&s->l2));
    }
    return s;
}

static Node *while_stmt(Parser *P, Token *t)
{
    Node *s = new_node(P, S_WHILE, t);
    advance(P);
    s->a = named_expression(P);
    block(P, &s->l1, "'while' statement", t->line);
    end_at(s, last_stmt(&s->l1));
    if (at_kw(P, "else")) {
        Token *et = advance(P);
        block(P, &s->l2, "'else' statement", et->line);
        end_at(s, last_stmt(&s->l2));
    }
    return s;
}

static Node *for_stmt(Parser *P, Token *t, bool is_async)
{
    Node *s = new_node(P, S_FOR, t);
    s->flag = is_async;
    if (is_async)
        advance(P);
    Token *ft = advance(P);
    s->a = star_targets(P);
    set_target(P, s->a, CTX_STORE, 1);
    if (!accept_kw(P, "in"))
        syntax_error(P);
    s->b = star_expressions(P);
    if (!at(P, T_COLON))
        syntax_error(P);   /* CPython's for rule has no forced ':' */
    block(P, &s->l1, "'for' statement", ft->line);
    end_at(s, last_stmt(&s->l1));
    if (at_kw(P, "else")) {
        Token *et = advance(P);
        block(P, &s->l2, "'else' statement", et->line);
        end_at(s, last_stmt(&s->l2));
    }
    return s;
}

static Node *with_item(Parser *P)
{
    Token *t = cur(P);
    Node *w = new_node(P, N_WITHITEM, t);
    w->a = expression(P);
    if (accept_kw(P, "as")) {
        w->b = bitor(P);
        set_target(P, w->b, CTX_STORE, 1);
    }
    return fin(P, w);
}

static Node *with_stmt(Parser *P, Token *t, bool is_async)
{
    Node *s = new_node(P, S_WITH, t);
    s->flag = is_async;
    if (is_async)
        advance(P);
    Token *wt = advance(P);
    bool paren = false;
    if (at(P, T_LPAR)) {
        /* "with (a as b, c):" : a parenthesized item list iff the matching ')' is followed by ':' */
        int depth = 0, j = P->i;
        for (; j < P->n; j++) {
            TokKind k = P->t[j].kind;
            if (k == T_LPAR || k == T_LSQB || k == T_LBRACE) depth++;
            else if (k == T_RPAR || k == T_RSQB || k == T_RBRACE) {
                if (--depth == 0)
                    break;
            } else if (k == T_NEWLINE || k == T_ENDMARKER) {
                break;
            }
        }
        if (j + 1 < P->n && P->t[j].kind == T_RPAR && P->t[j + 1].kind == T_COLON)
            paren = true;   /* 3.9+ reads "(a, b):" as two items, as CPython */
    }
    int saved = P->depth;   /* items nest in the compiled code */
    if (paren) {
        advance(P);
        do {
            if (at(P, T_RPAR))
                break;
            enter(P);
            push(P, &s->l1, with_item(P));
        } while (accept(P, T_COMMA));
        expect(P, T_RPAR);
    } else {
        do {
            enter(P);
            push(P, &s->l1, with_item(P));
        } while (accept(P, T_COMMA));
    }
    P->depth = saved;
    block(P, &s->l2, "'with' statement", wt->line);
    end_at(s, last_stmt(&s->l2));
    return s;
}

static Node *try_stmt(Parser *P, Token *t)
{
    Node *s = new_node(P, S_TRY, t);
    advance(P);
    block(P, &s->l1, "'try' statement", t->line);
    end_at(s, last_stmt(&s->l1));
    int star = -1;
    while (at_kw(P, "except")) {
        Token *et = advance(P);
        Node *h = new_node(P, N_HANDLER, et);
        bool is_star = accept(P, T_STAR);
        if (star >= 0 && star != is_star)
            fail_at(P, et, "%s", "cannot have both 'except' and 'except*' on the same 'try'");
        star = is_star;
        if (!at(P, T_COLON)) {
            h->a = expression(P);
            if (at(P, T_COMMA))
                lang_fail(P->c, LANG_ERR_SYNTAX, h->a->lineno, h->a->col,
                          "multiple exception types must be parenthesized");
            if (accept_kw(P, "as"))
                h->str = plain_name(P);
        } else if (is_star) {
            fail_at(P, cur(P), "%s", "expected one or more exception types");
        }
        block(P, &h->l1, is_star ? "'except*' statement" : "'except' statement", et->line);
        end_at(h, last_stmt(&h->l1));
        push(P, &s->l2, h);
        end_at(s, h);
    }
    s->flag = star > 0;
    if (at_kw(P, "else")) {
        Token *et = advance(P);
        if (s->l2.n == 0)
            syntax_error(P);
        block(P, &s->l3, "'else' statement", et->line);
        end_at(s, last_stmt(&s->l3));
    }
    if (at_kw(P, "finally")) {
        Token *ft = advance(P);
        block(P, &s->l4, "'finally' statement", ft->line);
        end_at(s, last_stmt(&s->l4));
    }
    if (s->l2.n == 0 && s->l4.n == 0)
        fail_at(P, cur(P), "%s", "expected 'except' or 'finally' block");
    return s;
}

static Node *funcdef(Parser *P, Token *t, bool is_async, PtrVec *decos)
{
    Node *s = new_node(P, S_FUNCDEF, t);
    s->flag = is_async;
    if (is_async)
        advance(P);
    Token *dt = advance(P);
    s->str = plain_name(P);
    if (at(P, T_LSQB))
        unsupported(P, cur(P), "generic functions (type parameters)");
    s->args = arena_alloc(&P->c->arena, sizeof(Arguments));
    expect(P, T_LPAR);
    parameters(P, s->args, T_RPAR, false);
    expect(P, T_RPAR);
    if (accept(P, T_RARROW))
        s->b = expression(P);
    if (decos)
        s->l2 = *decos;
    block(P, &s->l1, "function definition", dt->line);
    end_at(s, last_stmt(&s->l1));
    return s;
}

static Node *classdef(Parser *P, Token *t, PtrVec *decos)
{
    Node *s = new_node(P, S_CLASSDEF, t);
    advance(P);
    s->str = plain_name(P);
    if (at(P, T_LSQB))
        unsupported(P, cur(P), "generic classes (type parameters)");
    if (at(P, T_LPAR)) {
        Node tmp = {0};
        advance(P);
        enter(P);
        call_args(P, &tmp);
        leave(P);
        s->l3 = tmp.l1;
        s->l4 = tmp.l2;
    }
    if (decos)
        s->l2 = *decos;
    block(P, &s->l1, "class definition", t->line);
    end_at(s, last_stmt(&s->l1));
    return s;
}

static bool looks_like_match(Parser *P)
{
    /* soft keyword: "match <subject>:" followed by an indented block */
    Token *n = peek(P, 1);
    if (n->kind == T_NEWLINE || n->kind == T_EQUAL || n->kind == T_DOT || n->kind == T_COMMA ||
        n->kind == T_RPAR || n->kind == T_COLON || n->kind == T_SEMI)
        return false;
    int is_op;
    if (is_augassign(n->kind, &is_op))
        return false;
    int depth = 0;
    for (int j = P->i + 1; j < P->n; j++) {
        TokKind k = P->t[j].kind;
        if (k == T_LPAR || k == T_LSQB || k == T_LBRACE) depth++;
        else if (k == T_RPAR || k == T_RSQB || k == T_RBRACE) depth--;
        else if (k == T_NEWLINE || k == T_ENDMARKER)
            return j > 0 && P->t[j - 1].kind == T_COLON && j + 1 < P->n && P->t[j + 1].kind == T_INDENT;
        (void)depth;
    }
    return false;
}

static void statement(Parser *P, PtrVec *out)
{
    Token *t = cur(P);
    if (t->kind == T_INDENT) {
        Token *n = peek(P, 1);
        lang_fail(P->c, LANG_ERR_SYNTAX, n->line, n->col > 0 ? n->col - 1 : 0, "unexpected indent");
    }
    if (t->kind == T_AT) {
        PtrVec decos = {0};
        while (accept(P, T_AT)) {
            push(P, &decos, named_expression(P));
            expect(P, T_NEWLINE);
        }
        Token *d = cur(P);
        if (at_kw(P, "def"))
            push(P, out, funcdef(P, d, false, &decos));
        else if (at_kw(P, "async") && tok_is(P, peek(P, 1), "def"))
            push(P, out, funcdef(P, d, true, &decos));
        else if (at_kw(P, "class"))
            push(P, out, classdef(P, d, &decos));
        else
            syntax_error(P);
        return;
    }
    if (t->kind == T_NAME) {
        if (tok_is(P, t, "if")) { push(P, out, if_stmt(P, t)); return; }
        if (tok_is(P, t, "while")) { push(P, out, while_stmt(P, t)); return; }
        if (tok_is(P, t, "for")) { push(P, out, for_stmt(P, t, false)); return; }
        if (tok_is(P, t, "try")) { push(P, out, try_stmt(P, t)); return; }
        if (tok_is(P, t, "with")) { push(P, out, with_stmt(P, t, false)); return; }
        if (tok_is(P, t, "def")) { push(P, out, funcdef(P, t, false, NULL)); return; }
        if (tok_is(P, t, "class")) { push(P, out, classdef(P, t, NULL)); return; }
        if (tok_is(P, t, "async")) {
            Token *n = peek(P, 1);
            if (tok_is(P, n, "def")) { push(P, out, funcdef(P, t, true, NULL)); return; }
            if (tok_is(P, n, "for")) { push(P, out, for_stmt(P, t, true)); return; }
            if (tok_is(P, n, "with")) { push(P, out, with_stmt(P, t, true)); return; }
            fail_at(P, n, "%s", "invalid syntax");
        }
        if (tok_is(P, t, "match") && looks_like_match(P))
            unsupported(P, t, "'match' statements");
        if (tok_is(P, t, "elif") || tok_is(P, t, "else") || tok_is(P, t, "except") ||
            tok_is(P, t, "finally"))
            syntax_error(P);
    }
    simple_stmts(P, out);
}

Node *parse_file(LangCtx *c)
{
    TokenList *tl = arena_alloc(&c->arena, sizeof(TokenList));
    lex_file(c, tl);
    Parser *P = arena_alloc(&c->arena, sizeof(Parser));
    P->c = c;
    P->t = tl->toks;
    P->n = tl->n;
    P->tl = tl;
    P->at.tstart = -1;
    Node *mod = arena_alloc(&c->arena, sizeof(Node));
    mod->kind = S_PASS;
    mod->lineno = 1;
    jmp_buf local;
    jmp_buf *outer = c->bail;
    c->bail = &local;
    if (setjmp(local) == 0) {
        while (!at(P, T_ENDMARKER)) {
            if (at(P, T_NEWLINE)) {
                advance(P);
                continue;
            }
            statement(P, &mod->l1);
        }
        /* from __future__ imports only after the docstring and each other */
        bool prefix = true;
        for (int i = 0; i < mod->l1.n; i++) {
            Node *st = NODE_AT(mod->l1, i);
            bool is_future = st->kind == S_IMPORTFROM && st->flag;
            bool is_doc = i == 0 && st->kind == S_EXPR && st->a->kind == E_CONST && st->a->value.kind == K_STR;
            if (is_future && !prefix)
                lang_fail(c, LANG_ERR_SYNTAX, st->lineno, st->col,
                          "from __future__ imports must occur at the beginning of the file");
            if (!is_future && !is_doc)
                prefix = false;
        }
    } else {
        c->bail = outer;
        /* a parse error at the end of the file inside an open bracket is
         * reported as the bracket, as CPython does */
        if (tl->unclosed && !P->token_error) {
            int eof = tl->n;
            while (eof > 0 && (P->t[eof - 1].kind == T_ENDMARKER || P->t[eof - 1].kind == T_NEWLINE ||
                               P->t[eof - 1].kind == T_DEDENT))
                eof--;
            /* everything after an unclosed bracket is inside it: an error
             * on a later line is the bracket's (CPython reports it so) */
            if (P->i >= eof || c->err->line > tl->unclosed_line)
                lang_fail(c, LANG_ERR_SYNTAX, tl->unclosed_line, tl->unclosed_col,
                          "'%c' was never closed", tl->unclosed);
        }
        longjmp(*outer, 1);
    }
    c->bail = outer;
    return mod;
}
