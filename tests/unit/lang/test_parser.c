/*
 * test_parser.c - AST shapes, precedence, node positions and syntax errors
 * (parser.c), compared against what CPython 3.12's ast module produces.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "lang.h"
#include "parser.h"

typedef struct Parsed {
    LangCtx c;
    jmp_buf bail;
    LangError err;
    Node *mod;
} Parsed;

static Parsed *parse(const char *src)
{
    Parsed *p = calloc(1, sizeof *p);
    p->c.src = src;
    p->c.len = strlen(src);
    p->c.err = &p->err;
    p->c.bail = &p->bail;
    static const char *const mods[] = {"asyncio", "time", "concurrent.futures", NULL};
    p->c.modules = mods;
    if (setjmp(p->bail) == 0)
        p->mod = parse_file(&p->c);
    return p;
}

static void done(Parsed *p)
{
    arena_free(&p->c.arena);
    free(p);
}

typedef struct Str {
    char buf[4096];
    size_t n;
} Str;

static void put(Str *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(s->buf + s->n, sizeof s->buf - s->n, fmt, ap);
    va_end(ap);
    if (k > 0)
        s->n += (size_t)k;
    if (s->n >= sizeof s->buf)
        s->n = sizeof s->buf - 1;
}

static const char *const binops[] = {"+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@"};
static const char *const cmps[] = {"<", "<=", "==", "!=", ">", ">=", "in", "not in", "is", "is not"};

static void dump(Str *s, Node *e)
{
    if (!e) {
        put(s, "_");
        return;
    }
    switch (e->kind) {
    case E_NAME: put(s, "%s", e->str); break;
    case E_CONST:
        switch (e->value.kind) {
        case K_INT: put(s, "%lld", (long long)e->value.as.i); break;
        case K_BIGINT: put(s, "big:%s", e->value.as.str.s); break;
        case K_FLOAT: put(s, "%g", e->value.as.f); break;
        case K_STR: put(s, "'%.*s'", (int)e->value.as.str.len, e->value.as.str.s); break;
        case K_NONE: put(s, "None"); break;
        case K_TRUE: put(s, "True"); break;
        case K_FALSE: put(s, "False"); break;
        case K_ELLIPSIS: put(s, "..."); break;
        default: put(s, "?"); break;
        }
        break;
    case E_BINOP:
        put(s, "(%s ", binops[e->op]);
        dump(s, e->a);
        put(s, " ");
        dump(s, e->b);
        put(s, ")");
        break;
    case E_UNARY:
        put(s, "(%s ", e->op == UOP_NOT ? "not" : e->op == UOP_NEG ? "neg" : e->op == UOP_POS ? "pos" : "inv");
        dump(s, e->a);
        put(s, ")");
        break;
    case E_BOOLOP:
        put(s, "(%s", e->op ? "or" : "and");
        for (int i = 0; i < e->l1.n; i++) {
            put(s, " ");
            dump(s, NODE_AT(e->l1, i));
        }
        put(s, ")");
        break;
    case E_COMPARE:
        put(s, "(cmp ");
        dump(s, e->a);
        for (int i = 0; i < e->l1.n; i++) {
            put(s, " %s ", cmps[e->cmpops[i]]);
            dump(s, NODE_AT(e->l1, i));
        }
        put(s, ")");
        break;
    case E_CALL:
        put(s, "(call ");
        dump(s, e->a);
        for (int i = 0; i < e->l1.n; i++) {
            put(s, " ");
            dump(s, NODE_AT(e->l1, i));
        }
        for (int i = 0; i < e->l2.n; i++) {
            Node *k = NODE_AT(e->l2, i);
            put(s, " %s=", k->str ? k->str : "**");
            dump(s, k->a);
        }
        put(s, ")");
        break;
    case E_ATTR: dump(s, e->a); put(s, ".%s", e->str); break;
    case E_SUBSCRIPT: dump(s, e->a); put(s, "["); dump(s, e->b); put(s, "]"); break;
    case E_SLICE: dump(s, e->a); put(s, ":"); dump(s, e->b); put(s, ":"); dump(s, e->c); break;
    case E_STARRED: put(s, "*"); dump(s, e->a); break;
    case E_TUPLE: case E_LIST: case E_SET:
        put(s, e->kind == E_TUPLE ? "(tuple" : e->kind == E_LIST ? "(list" : "(set");
        for (int i = 0; i < e->l1.n; i++) {
            put(s, " ");
            dump(s, NODE_AT(e->l1, i));
        }
        put(s, ")");
        break;
    case E_IFEXP:
        put(s, "(if ");
        dump(s, e->a);
        put(s, " ");
        dump(s, e->b);
        put(s, " ");
        dump(s, e->c);
        put(s, ")");
        break;
    case E_NAMEDEXPR: put(s, "(:= "); dump(s, e->a); put(s, " "); dump(s, e->b); put(s, ")"); break;
    case E_AWAIT: put(s, "(await "); dump(s, e->a); put(s, ")"); break;
    case E_LAMBDA: put(s, "(lambda "); dump(s, e->a); put(s, ")"); break;
    case E_JOINEDSTR:
        put(s, "(f");
        for (int i = 0; i < e->l1.n; i++) {
            Node *part = NODE_AT(e->l1, i);
            put(s, " ");
            if (part->kind == E_FORMATTED) {
                put(s, "{");
                dump(s, part->a);
                put(s, "!%d", part->op);
                if (part->b) {
                    put(s, ":");
                    dump(s, part->b);
                }
                put(s, "}");
            } else {
                dump(s, part);
            }
        }
        put(s, ")");
        break;
    case E_LISTCOMP: case E_GENEXP: case E_SETCOMP:
        put(s, "(comp ");
        dump(s, e->a);
        for (int i = 0; i < e->l1.n; i++) {
            Node *g = NODE_AT(e->l1, i);
            put(s, " for ");
            dump(s, g->a);
            put(s, " in ");
            dump(s, g->b);
            for (int j = 0; j < g->l1.n; j++) {
                put(s, " if ");
                dump(s, NODE_AT(g->l1, j));
            }
        }
        put(s, ")");
        break;
    default:
        put(s, "<%d>", (int)e->kind);
    }
}

/* the expression of a one-statement program, dumped */
static void expect_expr(const char *src, const char *want)
{
    Parsed *p = parse(src);
    if (!p->mod)
        fail_msg("%s: %s", src, p->err.message);
    Node *st = NODE_AT(p->mod->l1, 0);
    Str s = {0};
    dump(&s, st->kind == S_EXPR ? st->a : st->kind == S_ASSIGN ? st->a : NULL);
    assert_string_equal(s.buf, want);
    done(p);
}

static void expect_error(const char *src, LangErrorKind kind, int line, int col, const char *msg)
{
    static const char *const mods[] = {"time", "asyncio", "collections.abc", "collections", NULL};
    LangError err;
    Proto *p = lang_compile(src, strlen(src), mods, &err);
    if (p)
        fail_msg("compiled, expected error: %s", src);
    assert_string_equal(err.message, msg);
    assert_int_equal(err.kind, kind);
    assert_int_equal(err.line, line);
    assert_int_equal(err.col, col);
}

static void test_precedence(void **state)
{
    (void)state;
    expect_expr("-2**2", "(neg (** 2 2))");
    expect_expr("2**-1", "(** 2 -1)");          /* signs fold into numbers, as CPython */
    expect_expr("-(-9223372036854775808)", "big:9223372036854775808");
    expect_expr("-9223372036854775808", "-9223372036854775808");
    expect_expr("~5 + -1.5", "(+ -6 -1.5)");
    expect_expr("-x", "(neg x)");
    expect_expr("2**3**2", "(** 2 (** 3 2))");
    expect_expr("a + b * c - d", "(- (+ a (* b c)) d)");
    expect_expr("a | b ^ c & d << e", "(| a (^ b (& c (<< d e))))");
    expect_expr("not a == b and c or d", "(or (and (not (cmp a == b)) c) d)");
    expect_expr("a < b <= c is not d not in e", "(cmp a < b <= c is not d not in e)");
    expect_expr("x if y else z if w else v", "(if y x (if w z v))");
    expect_expr("lambda: a or b", "(lambda (or a b))");
    expect_expr("await a.b(c)[d]", "(await (call a.b c)[d])");
    expect_expr("~-+a", "(inv (neg (pos a)))");
}

static void test_atoms(void **state)
{
    (void)state;
    expect_expr("(1, 2)", "(tuple 1 2)");
    expect_expr("(1,)", "(tuple 1)");
    expect_expr("()", "(tuple)");
    expect_expr("(a)", "a");
    expect_expr("[*a, b]", "(list *a b)");
    expect_expr("{1, 2}", "(set 1 2)");
    expect_expr("a[1:2, ::3]", "a[(tuple 1:2:_ _:_:3)]");
    expect_expr("a[:]", "a[_:_:_]");
    expect_expr("f(x, *y, k=1, **z)", "(call f x *y k=1 **=z)");
    expect_expr("f(x for x in y if x)", "(call f (comp x for x in y if x))");
    expect_expr("[x for x in y for z in x]", "(comp x for x in y for z in x)");
    expect_expr("(y := 10)", "(:= y 10)");
    expect_expr("x = 0xff + 0o17 + 0b101 + 1_000", "(+ (+ (+ 255 15) 5) 1000)");
    expect_expr("123456789012345678901234567890", "big:123456789012345678901234567890");
    /* past 63 bits a power-of-two literal keeps its text (read in linear time) */
    expect_expr("0xffffffffffffffffffff", "big:0xffffffffffffffffffff");
    expect_expr("0x_ffff_ffff_ffff_ffff", "big:0xffffffffffffffff");
    expect_expr("0x7fff_ffff_ffff_ffff", "9223372036854775807");
    expect_expr("0o777777777777777777777", "9223372036854775807");
    expect_expr("0b1" "000000000000000000000000000000000000000000000000000000000000000", "big:0b1"
                "000000000000000000000000000000000000000000000000000000000000000");
    expect_expr("9223372036854775807", "9223372036854775807");
    expect_expr("9223372036854775808", "big:9223372036854775808");
    expect_expr("1e-3", "0.001");
    expect_expr("...", "...");
}

static void test_strings(void **state)
{
    (void)state;
    expect_expr("'a' \"b\" '''c'''", "'abc'");
    expect_expr("'\\x41\\u00e9\\101\\n'", "'A\xc3\xa9" "A\n'");
    expect_expr("r'\\n'", "'\\n'");
    expect_expr("'a\\\nb'", "'ab'");
    expect_expr("f'{x}'", "(f {x!0})");
    expect_expr("f'a{x!r}b'", "(f 'a' {x!2} 'b')");
    expect_expr("f'{x:>{w}}'", "(f {x!0:(f '>' {w!0})})");
    expect_expr("f'{{}}'", "(f '{}')");
    expect_expr("f'{x = }'", "(f 'x = ' {x!2})");
    expect_expr("f'{x=:>5}'", "(f 'x=' {x!0:(f '>5')})");
    expect_expr("f'{x=!s}'", "(f 'x=' {x!1})");
    expect_expr("'a' f'{b}' 'c'", "(f 'a' {b!0} 'c')");
    expect_expr("f\"{x[\"k\"]}\"", "(f {x['k']!0})");
    expect_expr("f'{1, 2}'", "(f {(tuple 1 2)!0})");
}

static void test_positions(void **state)
{
    (void)state;
    Parsed *p = parse("x = foo(a,\n        b) + c[1]\n");
    assert_non_null(p->mod);
    Node *st = NODE_AT(p->mod->l1, 0);
    Node *add = st->a;
    assert_int_equal(add->kind, E_BINOP);
    assert_int_equal(add->lineno, 1);
    assert_int_equal(add->col, 4);
    assert_int_equal(add->end_lineno, 2);
    assert_int_equal(add->end_col, 17);
    Node *call = add->a;
    assert_int_equal(call->end_lineno, 2);
    assert_int_equal(call->end_col, 10);
    Node *sub = add->b;
    assert_int_equal(sub->col, 13);
    assert_int_equal(sub->end_col, 17);
    assert_int_equal(st->end_col, 17);
    done(p);

    p = parse("def f():\n    pass\n    return 1\nx = 2\n");
    Node *fn = NODE_AT(p->mod->l1, 0);
    assert_int_equal(fn->kind, S_FUNCDEF);
    assert_int_equal(fn->end_lineno, 3);
    assert_int_equal(fn->end_col, 12);
    done(p);

    /* f-string expressions keep their real positions */
    p = parse("s = f'ab{x + 1}'\n");
    Node *js = NODE_AT(p->mod->l1, 0)->a;
    Node *fv = NODE_AT(js->l1, 1);
    assert_int_equal(fv->a->col, 9);
    assert_int_equal(fv->a->end_col, 14);
    done(p);
}

static void test_statements(void **state)
{
    (void)state;
    Parsed *p = parse("a = b = 1\nx += 1\ny: int = 2\nz: int\n"
                      "for i, j in k: pass\nwhile 1:\n    break\nelse:\n    pass\n"
                      "with a as b, c:\n    pass\ntry:\n    pass\nexcept E as e:\n    pass\n"
                      "finally:\n    pass\nimport asyncio\nfrom concurrent.futures import Future as F\n"
                      "del a, b[0]\nassert x, 'm'\nraise E from None\n@d\nclass C(B, k=1):\n    pass\n");
    if (!p->mod)
        fail_msg("%s", p->err.message);
    PtrVec *b = &p->mod->l1;
    assert_int_equal(b->n, 14);
    assert_int_equal(NODE_AT(*b, 0)->kind, S_ASSIGN);
    assert_int_equal(NODE_AT(*b, 0)->l1.n, 2);
    assert_int_equal(NODE_AT(*b, 1)->kind, S_AUGASSIGN);
    assert_int_equal(NODE_AT(*b, 2)->kind, S_ANNASSIGN);
    assert_null(NODE_AT(*b, 3)->c);
    assert_int_equal(NODE_AT(*b, 4)->a->kind, E_TUPLE);
    assert_int_equal(NODE_AT(*b, 5)->l2.n, 1);
    assert_int_equal(NODE_AT(*b, 6)->l1.n, 2);
    Node *t = NODE_AT(*b, 7);
    assert_int_equal(t->kind, S_TRY);
    assert_int_equal(t->l2.n, 1);
    assert_string_equal(NODE_AT(t->l2, 0)->str, "e");
    assert_int_equal(t->l4.n, 1);
    Node *imp = NODE_AT(*b, 9);
    assert_string_equal(imp->str, "concurrent.futures");
    assert_string_equal(NODE_AT(imp->l1, 0)->str2, "F");
    Node *cls = NODE_AT(*b, 13);
    assert_int_equal(cls->l2.n, 1);
    assert_int_equal(cls->l3.n, 1);
    assert_int_equal(cls->l4.n, 1);
    assert_int_equal(cls->lineno, 24);   /* the class line, not the decorator */
    done(p);
}

static void test_syntax_errors(void **state)
{
    (void)state;
    expect_error("x = 5 +\n", LANG_ERR_SYNTAX, 1, 8, "invalid syntax");
    expect_error("if x\n    pass\n", LANG_ERR_SYNTAX, 1, 5, "expected ':'");
    expect_error("if x:\npass\n", LANG_ERR_SYNTAX, 2, 1, "expected an indented block after 'if' statement on line 1");
    expect_error("def f():\n\nx = 1\n", LANG_ERR_SYNTAX, 3, 1,
                 "expected an indented block after function definition on line 1");
    expect_error("x = 1\n  y = 2\n", LANG_ERR_SYNTAX, 2, 2, "unexpected indent");
    expect_error("f() = 1\n", LANG_ERR_SYNTAX, 1, 1,
                 "cannot assign to function call here. Maybe you meant '==' instead of '='?");
    expect_error("1 = x\n", LANG_ERR_SYNTAX, 1, 1, "cannot assign to literal here. Maybe you meant '==' instead of '='?");
    expect_error("del f()\n", LANG_ERR_SYNTAX, 1, 5, "cannot delete function call");
    expect_error("a, b += 1\n", LANG_ERR_SYNTAX, 1, 1, "'tuple' is an illegal expression for augmented assignment");
    expect_error("def f(a=1, b): pass\n", LANG_ERR_SYNTAX, 1, 12,
                 "parameter without a default follows parameter with a default");
    expect_error("def f(a, a): pass\n", LANG_ERR_SYNTAX, 1, 10, "duplicate argument 'a' in function definition");
    expect_error("f(a=1, 2)\n", LANG_ERR_SYNTAX, 1, 9, "positional argument follows keyword argument");
    expect_error("x = 1 if 2\n", LANG_ERR_SYNTAX, 1, 5, "expected 'else' after 'if' expression");
    expect_error("f'{}'\n", LANG_ERR_SYNTAX, 1, 4, "f-string: valid expression required before '}'");
    expect_error("f'{x!z}'\n", LANG_ERR_SYNTAX, 1, 6,
                 "f-string: invalid conversion character 'z': expected 's', 'r', or 'a'");
    expect_error("x = [1 2]\n", LANG_ERR_SYNTAX, 1, 6, "invalid syntax. Perhaps you forgot a comma?");
    expect_error("try:\n    pass\nx = 1\n", LANG_ERR_SYNTAX, 3, 1, "expected 'except' or 'finally' block");
    expect_error("a, *b, *c = d\n", LANG_ERR_SYNTAX, 1, 1, "multiple starred expressions in assignment");
    expect_error("print \"hello\"\n", LANG_ERR_SYNTAX, 1, 1,
                 "Missing parentheses in call to 'print'. Did you mean print(...)?");
    expect_error("if x = 1:\n    pass\n", LANG_ERR_SYNTAX, 1, 4,
                 "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    expect_error("True = 1\n", LANG_ERR_SYNTAX, 1, 1, "cannot assign to True");
    expect_error("a.b = 1 = c\n", LANG_ERR_SYNTAX, 1, 7, "cannot assign to literal");
    expect_error("def f():\n    yield = 1\n", LANG_ERR_SYNTAX, 2, 5, "assignment to yield expression not possible");
    expect_error("x = {'a': 1 'b': 2}\n", LANG_ERR_SYNTAX, 1, 11, "invalid syntax. Perhaps you forgot a comma?");
    /* token errors are reported only if the parser gets that far (CPython's
     * tokenizer is lazy), and an unclosed bracket wins at the end of file */
    expect_error("x = = 1\ns = 'abc\n", LANG_ERR_SYNTAX, 1, 5, "invalid syntax");
    expect_error("x = 1\ns = 'abc\n", LANG_ERR_SYNTAX, 2, 5, "unterminated string literal (detected at line 2)");
    expect_error("print('hello'\nprint('world')\n", LANG_ERR_SYNTAX, 1, 6, "'(' was never closed");
    expect_error("a = [1, 2\n", LANG_ERR_SYNTAX, 1, 5, "'[' was never closed");
    expect_error("def f(:\n    pass\n", LANG_ERR_SYNTAX, 1, 7, "invalid syntax");
    expect_error("with open('f') as f\n    pass\n", LANG_ERR_SYNTAX, 1, 20, "expected ':'");
    expect_error("x = [a, b for a, b in c]\n", LANG_ERR_SYNTAX, 1, 6,
                 "did you forget parentheses around the comprehension target?");
    expect_error("d = {\"a\": 1, \"b\" 2}\n", LANG_ERR_SYNTAX, 1, 16, "':' expected after dictionary key");
    expect_error("x = (1, 2\ny = 3\n", LANG_ERR_SYNTAX, 1, 5, "'(' was never closed");
    expect_error("x = [1, 2, 3\nfor i in x:\n    pass\n", LANG_ERR_SYNTAX, 1, 5, "'[' was never closed");
    expect_error("def f(*):\n    pass\n", LANG_ERR_SYNTAX, 1, 7, "named arguments must follow bare *");
    expect_error("for i in range(3) print(i)\n", LANG_ERR_SYNTAX, 1, 19, "invalid syntax");
    expect_error("x = b'a' 'b'\n", LANG_ERR_SYNTAX, 1, 5, "cannot mix bytes and nonbytes literals");
    expect_error("x = b'\\x4'\n", LANG_ERR_SYNTAX, 1, 5, "(value error) invalid \\x escape at position 0");
}

static void test_unsupported(void **state)
{
    (void)state;
    expect_error("match x:\n    case 1:\n        pass\n", LANG_ERR_UNSUPPORTED, 1, 1,
                 "'match' statements are not supported by loopscope");
    expect_error("x = 1j\n", LANG_ERR_UNSUPPORTED, 1, 5, "complex numbers are not supported by loopscope");
    expect_error("from . import x\n", LANG_ERR_UNSUPPORTED, 1, 6, "relative imports are not supported by loopscope");
    expect_error("import os\n", LANG_ERR_UNSUPPORTED, 1, 8,
                 "module 'os' is not available in loopscope; it has asyncio, collections, time");
    expect_error("from asyncio import *\n", LANG_ERR_UNSUPPORTED, 1, 21,
                 "'import *' statements are not supported by loopscope");
    /* 'match' stays an ordinary name */
    static const char *const mods[] = {NULL};
    LangError err;
    const char *ok = "match = 1\nmatch(x)\nmatch.y = 2\n";
    Proto *p = lang_compile(ok, strlen(ok), mods, &err);
    assert_non_null(p);
    proto_free(p);
}

static void test_limits(void **state)
{
    (void)state;
    /* deep nesting is an error, never a crash */
    size_t n = 100000;
    char *src = malloc(n + 1);
    for (size_t i = 0; i < n; i++)
        src[i] = "-+~"[i % 3];
    src[n - 1] = '1';
    src[n] = 0;
    LangError err;
    Proto *p = lang_compile(src, n, NULL, &err);
    assert_null(p);
    assert_int_equal(err.kind, LANG_ERR_LIMIT);
    /* a long flat chain compiles or is refused cleanly */
    for (size_t i = 0; i < n; i++)
        src[i] = i % 2 ? '+' : '1';
    src[n - 1] = '1';
    p = lang_compile(src, n, NULL, &err);
    assert_null(p);
    assert_int_equal(err.kind, LANG_ERR_LIMIT);
    memcpy(src, "x = [[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]\n", 47);
    p = lang_compile(src, 46, NULL, &err);
    assert_non_null(p);
    proto_free(p);
    /* CPython's limits: 200 open brackets, 99 indentation levels */
    for (int depth = 200; depth <= 201; depth++) {
        size_t k = 0;
        k += (size_t)sprintf(src + k, "z = ");
        for (int i = 0; i < depth; i++) src[k++] = '(';
        src[k++] = '1';
        for (int i = 0; i < depth; i++) src[k++] = ')';
        src[k++] = '\n';
        p = lang_compile(src, k, NULL, &err);
        if (depth == 200) {
            assert_non_null(p);
            proto_free(p);
        } else {
            assert_null(p);
            assert_string_equal(err.message, "too many nested parentheses");
        }
    }
    for (size_t levels = 99; levels <= 100; levels++) {
        size_t k = 0;
        for (size_t i = 0; i < levels; i++) {
            for (size_t j = 0; j < i; j++)
                src[k++] = ' ';
            k += (size_t)sprintf(src + k, "if x:\n");
        }
        for (size_t j = 0; j < levels; j++)
            src[k++] = ' ';
        k += (size_t)sprintf(src + k, "pass\n");
        p = lang_compile(src, k, NULL, &err);
        if (levels == 99) {
            assert_non_null(p);
            proto_free(p);
        } else {
            assert_null(p);
            assert_string_equal(err.message, "too many levels of indentation");
        }
    }
    /* long elif chains and comprehension clauses are bounded, not crashes */
    size_t k = (size_t)sprintf(src, "x = [a ");
    while (k < n - 20)
        k += (size_t)sprintf(src + k, "for a in b ");
    k += (size_t)sprintf(src + k, "]\n");
    p = lang_compile(src, k, NULL, &err);
    assert_null(p);
    assert_int_equal(err.kind, LANG_ERR_LIMIT);
    free(src);
}

static void test_garbage(void **state)
{
    (void)state;
    /* arbitrary bytes: errors, never crashes (run under ASan) */
    unsigned seed = 12345;
    const char alphabet[] = "()[]{}:;,.=+-*/'\"\\\n \tabcdefif else def class f{}x1 2e_0x#@!<>async await yield lambda";
    char buf[256];
    for (int round = 0; round < 3000; round++) {
        size_t len = (size_t)(round % 200) + 1;
        for (size_t i = 0; i < len; i++) {
            seed = seed * 1103515245u + 12345u;
            buf[i] = round % 7 == 0 ? (char)(seed >> 16) : alphabet[(seed >> 16) % (sizeof alphabet - 1)];
        }
        LangError err;
        Proto *p = lang_compile(buf, len, NULL, &err);
        if (p)
            proto_free(p);
        else
            assert_true(err.line >= 1 && err.col >= 1 && err.message[0]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_precedence),
        cmocka_unit_test(test_atoms),
        cmocka_unit_test(test_strings),
        cmocka_unit_test(test_positions),
        cmocka_unit_test(test_statements),
        cmocka_unit_test(test_syntax_errors),
        cmocka_unit_test(test_unsupported),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_garbage),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
