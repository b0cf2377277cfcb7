/*
 * test_compiler.c - what lang_compile emits: name resolution (which op a
 * name compiles to), code flags and names, instruction shapes, positions,
 * max_stack, block-stack balance, compile-time errors and caret anchors.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "compile.h"
#include "lang.h"

static const char *const MODS[] = {"asyncio", "time", "concurrent.futures", NULL};

static Proto *compile_ok(const char *src)
{
    LangError err;
    Proto *p = lang_compile(src, strlen(src), MODS, &err);
    if (!p)
        fail_msg("%d:%d %s\n%s", err.line, err.col, err.message, src);
    return p;
}

static void expect_error(const char *src, int line, int col, const char *msg)
{
    LangError err;
    Proto *p = lang_compile(src, strlen(src), MODS, &err);
    if (p) {
        proto_free(p);
        fail_msg("compiled, expected error: %s", src);
    }
    assert_string_equal(err.message, msg);
    assert_int_equal(err.line, line);
    assert_int_equal(err.col, col);
}

/* depth-first search for a nested code object by qualname */
static const Proto *find(const Proto *p, const char *qualname)
{
    if (strcmp(p->qualname, qualname) == 0)
        return p;
    for (int i = 0; i < p->nconsts; i++)
        if (p->consts[i].kind == K_CODE) {
            const Proto *r = find(p->consts[i].as.code, qualname);
            if (r)
                return r;
        }
    return NULL;
}

/* "OPNAME arg-name" of every instruction touching `name`, space separated */
static const char *ops_for(const Proto *p, const char *name)
{
    static char buf[1024];
    buf[0] = 0;
    for (int i = 0; i < p->ncode; i++) {
        Opcode op = INSTR_OP(p->code[i]);
        uint32_t a = INSTR_ARG(p->code[i]);
        const char *n = NULL;
        switch (op) {
        case OP_LOAD_FAST: case OP_STORE_FAST: case OP_DELETE_FAST:
            n = p->localnames[a];
            break;
        case OP_LOAD_DEREF: case OP_STORE_DEREF: case OP_DELETE_DEREF: case OP_LOAD_CLASSDEREF:
        case OP_LOAD_CLOSURE:
            n = (int)a < p->ncells ? p->cellnames[a] : p->freenames[a - (uint32_t)p->ncells];
            break;
        case OP_LOAD_GLOBAL: case OP_STORE_GLOBAL: case OP_DELETE_GLOBAL: case OP_LOAD_NAME:
        case OP_STORE_NAME: case OP_DELETE_NAME: case OP_LOAD_ATTR: case OP_STORE_ATTR:
        case OP_LOAD_METHOD:
            n = p->names[a];
            break;
        default:
            break;
        }
        if (n && strcmp(n, name) == 0) {
            if (buf[0])
                strcat(buf, " ");
            strcat(buf, opcode_name(op));
        }
    }
    return buf;
}

/* the opcode names of p, space separated */
static const char *opseq(const Proto *p)
{
    static char buf[8192];
    buf[0] = 0;
    for (int i = 0; i < p->ncode; i++) {
        if (i)
            strcat(buf, " ");
        strcat(buf, opcode_name(INSTR_OP(p->code[i])));
    }
    return buf;
}

/* Replays every path: consistent stack and block depths where paths meet,
 * never negative, never above max_stack, no blocks left at a return. */
static void verify(const Proto *p)
{
    int n = p->ncode;
    int *depth = malloc(sizeof(int) * (size_t)n), *blocks = malloc(sizeof(int) * (size_t)n);
    int *work = malloc(sizeof(int) * (size_t)n * 4);
    int nw = 0;
    for (int i = 0; i < n; i++)
        depth[i] = blocks[i] = -1;
    depth[0] = blocks[0] = 0;
    work[nw++] = 0;
#define REACH(t, d, b) do { \
        int t_ = (t); \
        assert_true(t_ >= 0 && t_ < n); \
        if (depth[t_] < 0) { depth[t_] = (d); blocks[t_] = (b); work[nw++] = t_; } \
        else if (depth[t_] != (d) || blocks[t_] != (b)) \
            fail_msg("%s: inconsistent state at %d: %d/%d vs %d/%d", p->qualname, t_, depth[t_], blocks[t_], (d), (b)); \
    } while (0)
    while (nw > 0) {
        int i = work[--nw];
        int d = depth[i], b = blocks[i];
        Opcode op = INSTR_OP(p->code[i]);
        uint32_t a = INSTR_ARG(p->code[i]);
        assert_true(d >= 0);
        assert_true(d <= p->max_stack);
        switch (op) {
        case OP_SETUP_FINALLY: case OP_SETUP_CLEANUP:
            REACH((int)a, d + 1, b);
            REACH(i + 1, d, b + 1);
            continue;
        case OP_SETUP_WITH:
            REACH((int)a, d, b);
            REACH(i + 1, d, b + 1);
            continue;
        case OP_POP_BLOCK:
            assert_true(b > 0);
            REACH(i + 1, d, b - 1);
            continue;
        case OP_RETURN_VALUE: case OP_RETURN_CONST:
            if (b != 0)
                fail_msg("%s: return at %d with %d blocks", p->qualname, i, b);
            continue;
        case OP_RAISE_VARARGS: case OP_RERAISE:
            continue;
        case OP_JUMP:
            REACH((int)a, d, b);
            continue;
        case OP_POP_JUMP_IF_FALSE: case OP_POP_JUMP_IF_TRUE: case OP_POP_JUMP_IF_NONE:
        case OP_POP_JUMP_IF_NOT_NONE: case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP:
        case OP_FOR_ITER:
            REACH((int)a, d + compile_stack_effect(op, a, true), b);
            break;
        default:
            break;
        }
        int nd = d + compile_stack_effect(op, a, false);
        assert_true(nd >= 0);
        assert_true(nd <= p->max_stack);
        REACH(i + 1, nd, b);
    }
#undef REACH
    free(depth);
    free(blocks);
    free(work);
    for (int i = 0; i < p->nconsts; i++)
        if (p->consts[i].kind == K_CODE)
            verify(p->consts[i].as.code);
}

static void test_scopes(void **state)
{
    (void)state;
    Proto *m = compile_ok(
        "g = 1\n"
        "def f(a):\n"
        "    b = a + g\n"
        "    c = 2\n"
        "    def inner():\n"
        "        nonlocal c\n"
        "        c = b\n"
        "        return g\n"
        "    class K:\n"
        "        c = c\n"
        "        d = b\n"
        "        def m(self):\n"
        "            return d\n"
        "    return inner\n"
        "def h():\n"
        "    global g\n"
        "    g = 2\n"
        "    del g\n");
    assert_string_equal(ops_for(m, "g"), "STORE_NAME");
    const Proto *f = find(m, "f");
    assert_non_null(f);
    assert_string_equal(ops_for(f, "a"), "LOAD_FAST");
    assert_string_equal(ops_for(f, "g"), "LOAD_GLOBAL");
    assert_string_equal(ops_for(f, "b"), "STORE_DEREF LOAD_CLOSURE LOAD_CLOSURE");
    assert_string_equal(ops_for(f, "c"), "STORE_DEREF LOAD_CLOSURE");
    const Proto *inner = find(m, "f.<locals>.inner");
    assert_non_null(inner);
    assert_string_equal(ops_for(inner, "c"), "STORE_DEREF");
    assert_string_equal(ops_for(inner, "b"), "LOAD_DEREF");
    assert_int_equal(inner->nfrees, 2);
    const Proto *k = find(m, "f.<locals>.K");
    assert_non_null(k);
    assert_true(k->flags & PROTO_CLASSBODY);
    /* class bodies: own names with *_NAME, enclosing function's with CLASSDEREF */
    assert_string_equal(ops_for(k, "c"), "LOAD_NAME STORE_NAME");
    assert_string_equal(ops_for(k, "b"), "LOAD_CLASSDEREF");
    assert_string_equal(ops_for(k, "d"), "STORE_NAME");
    /* methods do not see class-level names */
    const Proto *meth = find(m, "f.<locals>.K.m");
    assert_non_null(meth);
    assert_string_equal(ops_for(meth, "d"), "LOAD_GLOBAL");
    const Proto *h = find(m, "h");
    assert_string_equal(ops_for(h, "g"), "STORE_GLOBAL DELETE_GLOBAL");
    verify(m);
    proto_free(m);
}

static void test_cells_and_params(void **state)
{
    (void)state;
    Proto *m = compile_ok("def f(x, y):\n    return lambda: x\n");
    const Proto *f = find(m, "f");
    assert_int_equal(f->ncells, 1);
    assert_string_equal(f->cellnames[0], "x");
    assert_non_null(f->cell2arg);
    assert_int_equal(f->cell2arg[0], 0);
    assert_int_equal(f->nlocals, 2);
    const Proto *l = find(m, "f.<locals>.<lambda>");
    assert_non_null(l);
    assert_true(l->flags & PROTO_LAMBDA);
    assert_string_equal(l->name, "<lambda>");
    proto_free(m);
}

static void test_comprehensions(void **state)
{
    (void)state;
    Proto *m = compile_ok(
        "def f(xs):\n"
        "    ys = [y := x * 2 for x in xs if x]\n"
        "    return y, {k: v for k, v in xs}, (x for x in xs), {x for x in xs}\n"
        "zs = [w := i for i in range(3)]\n");
    const Proto *lc = find(m, "f.<locals>.<listcomp>");
    assert_non_null(lc);
    assert_true(lc->flags & PROTO_COMPREHENSION);
    assert_int_equal(lc->argcount, 1);
    assert_string_equal(lc->localnames[0], ".0");
    /* the walrus binds in f, through a cell */
    assert_string_equal(ops_for(lc, "y"), "STORE_DEREF");
    assert_string_equal(ops_for(lc, "x"), "STORE_FAST LOAD_FAST LOAD_FAST");
    const Proto *f = find(m, "f");
    assert_string_equal(ops_for(f, "y"), "LOAD_CLOSURE LOAD_DEREF");
    assert_non_null(find(m, "f.<locals>.<dictcomp>"));
    assert_non_null(find(m, "f.<locals>.<setcomp>"));
    const Proto *ge = find(m, "f.<locals>.<genexpr>");
    assert_non_null(ge);
    assert_true(ge->flags & PROTO_GENERATOR);
    assert_false(ge->flags & PROTO_COMPREHENSION);
    assert_int_equal(INSTR_OP(ge->code[0]), OP_RETURN_GENERATOR);
    /* module level: the walrus target is a global */
    const Proto *mlc = find(m, "<listcomp>");
    assert_non_null(mlc);
    assert_string_equal(ops_for(mlc, "w"), "STORE_GLOBAL");
    assert_string_equal(ops_for(m, "w"), "");
    /* shape of the call: function, NULL, iterator, CALL 1 */
    assert_non_null(strstr(opseq(m), "MAKE_FUNCTION PUSH_NULL LOAD_NAME PUSH_NULL LOAD_CONST CALL GET_ITER CALL STORE_NAME"));
    verify(m);
    proto_free(m);
}

static void test_flags_and_qualnames(void **state)
{
    (void)state;
    Proto *m = compile_ok(
        "def gen():\n    yield 1\n"
        "async def co():\n    await x\n    return [await y async for y in z]\n"
        "async def agen():\n    yield 1\n"
        "class C:\n    def m(self):\n        def n(): pass\n        return n\n"
        "    class D:\n        async def e(self): pass\n"
        "def outer():\n    global G\n    def G(): pass\n");
    assert_int_equal(m->flags, PROTO_MODULE);
    assert_string_equal(m->name, "<module>");
    assert_true(find(m, "gen")->flags & PROTO_GENERATOR);
    assert_true(find(m, "co")->flags & PROTO_COROUTINE);
    assert_true(find(m, "agen")->flags & PROTO_ASYNC_GENERATOR);
    assert_false(find(m, "agen")->flags & PROTO_COROUTINE);
    assert_non_null(find(m, "C.m"));
    assert_non_null(find(m, "C.m.<locals>.n"));
    assert_non_null(find(m, "C.D.e"));
    assert_non_null(find(m, "G"));
    const Proto *lc = find(m, "co.<locals>.<listcomp>");
    assert_non_null(lc);
    assert_true(lc->flags & PROTO_COROUTINE);
    assert_true(lc->flags & PROTO_COMPREHENSION);
    assert_int_equal(INSTR_OP(find(m, "co")->code[0]), OP_RETURN_GENERATOR);
    assert_non_null(strstr(opseq(find(m, "co")), "GET_AITER CALL GET_AWAITABLE AWAIT"));
    verify(m);
    proto_free(m);
}

static void test_mangling(void **state)
{
    (void)state;
    Proto *m = compile_ok(
        "class _C:\n"
        "    __a = 1\n"
        "    def __m(self, __p):\n"
        "        self.__x = __p\n"
        "        return self.__x, self.__dunder__\n");
    const Proto *c = find(m, "_C");
    assert_string_equal(ops_for(c, "_C__a"), "STORE_NAME");
    assert_string_equal(ops_for(c, "_C__m"), "STORE_NAME");
    const Proto *meth = find(m, "_C.__m");
    assert_non_null(meth);
    assert_string_equal(meth->localnames[1], "_C__p");
    assert_string_equal(ops_for(meth, "_C__x"), "STORE_ATTR LOAD_ATTR");
    assert_string_equal(ops_for(meth, "__dunder__"), "LOAD_ATTR");
    proto_free(m);
}

static void test_class_shape(void **state)
{
    (void)state;
    Proto *m = compile_ok("@dec\nclass C(B, k=1):\n    'doc'\n    x = 1\n");
    assert_string_equal(opseq(m),
        "LOAD_NAME PUSH_NULL LOAD_BUILD_CLASS PUSH_NULL LOAD_CONST MAKE_FUNCTION LOAD_CONST "
        "LOAD_NAME LOAD_CONST KW_NAMES CALL CALL STORE_NAME RETURN_CONST");
    const Proto *c = find(m, "C");
    assert_string_equal(opseq(c),
        "LOAD_NAME STORE_NAME LOAD_CONST STORE_NAME LOAD_CONST STORE_NAME LOAD_CONST STORE_NAME RETURN_CONST");
    assert_string_equal(c->names[0], "__name__");
    assert_string_equal(c->names[1], "__module__");
    assert_string_equal(c->names[2], "__qualname__");
    assert_string_equal(c->names[3], "__doc__");
    /* CALL 4: callable NULL body name B k */
    assert_int_equal(INSTR_ARG(m->code[10]), 4);
    proto_free(m);
}

static void test_function_shape(void **state)
{
    (void)state;
    Proto *m = compile_ok("def f(a, b=1, *c, d, e=2, **g):\n    'doc'\n    return a\nf(1, *x, k=2, **y)\no.m(1, k=2)\n");
    const Proto *f = find(m, "f");
    assert_int_equal(f->argcount, 2);
    assert_int_equal(f->kwonlycount, 2);
    assert_true(f->flags & PROTO_VARARGS);
    assert_true(f->flags & PROTO_VARKEYWORDS);
    assert_int_equal(f->consts[0].kind, K_STR);   /* the docstring */
    assert_string_equal(opseq(m),
        "LOAD_CONST LOAD_CONST LOAD_CONST BUILD_CONST_KEY_MAP LOAD_CONST MAKE_FUNCTION STORE_NAME "
        "LOAD_NAME PUSH_NULL LOAD_CONST BUILD_LIST LOAD_NAME LIST_EXTEND LIST_TO_TUPLE "
        "LOAD_CONST LOAD_CONST BUILD_MAP LOAD_NAME DICT_MERGE CALL_FUNCTION_EX POP_TOP "
        "LOAD_NAME LOAD_METHOD LOAD_CONST LOAD_CONST KW_NAMES CALL POP_TOP RETURN_CONST");
    assert_int_equal(INSTR_ARG(m->code[5]), MKFN_DEFAULTS | MKFN_KWDEFAULTS);
    Proto *lam = compile_ok("x = lambda: 0\n");
    assert_int_equal(find(lam, "<lambda>")->consts[0].kind, K_NONE);
    proto_free(lam);
    proto_free(m);
}

static void test_assignments(void **state)
{
    (void)state;
    Proto *m = compile_ok("a = b = 1\nx[i] += 1\no.a -= 2\nc, *d, e = f\n");
    assert_string_equal(opseq(m),
        "LOAD_CONST COPY STORE_NAME STORE_NAME "
        "LOAD_NAME LOAD_NAME COPY COPY BINARY_SUBSCR LOAD_CONST BINARY_OP SWAP SWAP STORE_SUBSCR "
        "LOAD_NAME COPY LOAD_ATTR LOAD_CONST BINARY_OP SWAP STORE_ATTR "
        "LOAD_NAME UNPACK_EX STORE_NAME STORE_NAME STORE_NAME RETURN_CONST");
    assert_int_equal(INSTR_ARG(m->code[10]), BINOP_ADD | BINOP_INPLACE);
    assert_int_equal(INSTR_ARG(m->code[22]), 1 | (1 << 8));
    proto_free(m);
}

static void test_imports(void **state)
{
    (void)state;
    Proto *m = compile_ok("import concurrent.futures\nimport concurrent.futures as cf\n"
                          "from concurrent.futures import Future as F, wait\nimport asyncio\n");
    assert_string_equal(opseq(m),
        "IMPORT_NAME STORE_NAME IMPORT_NAME STORE_NAME IMPORT_NAME IMPORT_FROM STORE_NAME "
        "IMPORT_FROM STORE_NAME POP_TOP IMPORT_NAME STORE_NAME RETURN_CONST");
    /* `import a.b` binds the top package; the others want the module itself */
    assert_int_equal(INSTR_ARG(m->code[0]) & IMPORT_LEAF, 0);
    assert_string_equal(m->names[INSTR_ARG(m->code[0])], "concurrent.futures");
    assert_string_equal(m->names[INSTR_ARG(m->code[1])], "concurrent");
    assert_int_equal(INSTR_ARG(m->code[2]) & IMPORT_LEAF, IMPORT_LEAF);
    assert_string_equal(m->names[INSTR_ARG(m->code[3])], "cf");
    assert_int_equal(INSTR_ARG(m->code[4]) & IMPORT_LEAF, IMPORT_LEAF);
    assert_int_equal(INSTR_ARG(m->code[10]) & IMPORT_LEAF, 0);
    proto_free(m);
}

static void test_annotations(void **state)
{
    (void)state;
    /* functions get __annotations__; module/class bodies record simple names;
     * annotations of locals inside functions are never evaluated */
    Proto *m = compile_ok("x: int = 5\ny: str\ndef f(a: int, *b, c: T = 1) -> R:\n    v: Undefined = 1\n");
    /* each evaluation sits in a handler that drops what the runtime cannot
     * evaluate (see protect_begin) */
    assert_string_equal(opseq(m),
        "BUILD_MAP STORE_NAME "
        "LOAD_CONST STORE_NAME SETUP_FINALLY LOAD_NAME LOAD_NAME LOAD_CONST STORE_SUBSCR POP_BLOCK JUMP POP_TOP "
        "SETUP_FINALLY LOAD_NAME LOAD_NAME LOAD_CONST STORE_SUBSCR POP_BLOCK JUMP POP_TOP "
        "LOAD_CONST LOAD_CONST BUILD_CONST_KEY_MAP LOAD_CONST MAKE_FUNCTION "
        "SETUP_FINALLY COPY LOAD_CONST LOAD_NAME LOAD_CONST LOAD_NAME LOAD_CONST LOAD_NAME BUILD_MAP SWAP STORE_ATTR "
        "POP_BLOCK JUMP POP_TOP "
        "STORE_NAME RETURN_CONST");
    verify(m);
    assert_string_equal(ops_for(find(m, "f"), "Undefined"), "");
    assert_string_equal(ops_for(find(m, "f"), "v"), "STORE_FAST");
    proto_free(m);
    m = compile_ok("def outer():\n    T = int\n    def inner(a: T): pass\n    return inner\n");
    assert_string_equal(ops_for(find(m, "outer"), "T"), "STORE_FAST LOAD_FAST");
    proto_free(m);
}

static void test_future_annotations(void **state)
{
    (void)state;
    /* PEP 563: annotations become their ast.unparse() text, unevaluated */
    const char *src = "'''doc'''\nfrom __future__ import annotations\n"
                      "def f(x: list[int], y: 'q' = 1) -> dict[str,int] | None: pass\n";
    Proto *m = compile_ok(src);
    bool saw_list = false, saw_dict = false, saw_q = false;
    for (int i = 0; i < m->nconsts; i++) {
        const Const *k = &m->consts[i];
        if (k->kind != K_STR)
            continue;
        if (strcmp(k->as.str.s, "list[int]") == 0) saw_list = true;
        if (strcmp(k->as.str.s, "dict[str, int] | None") == 0) saw_dict = true;
        if (strcmp(k->as.str.s, "'q'") == 0) saw_q = true;
    }
    assert_true(saw_list && saw_dict && saw_q);
    assert_string_equal(ops_for(m, "list"), "");
    assert_string_equal(ops_for(m, "annotations"), "");   /* a directive, no import */
    proto_free(m);
    expect_error("x = 1\nfrom __future__ import annotations\n", 2, 1,
                 "from __future__ imports must occur at the beginning of the file");
    expect_error("from __future__ import braces\n", 1, 24, "not a chance");
    expect_error("from __future__ import nope\n", 1, 24, "future feature nope is not defined");
}

static void test_control_flow(void **state)
{
    (void)state;
    Proto *m = compile_ok("def f(a, b, c):\n    return a < b < c\n");
    assert_string_equal(opseq(find(m, "f")),
        "LOAD_FAST LOAD_FAST SWAP COPY COMPARE_OP JUMP_IF_FALSE_OR_POP LOAD_FAST COMPARE_OP JUMP "
        "SWAP POP_TOP RETURN_VALUE RETURN_CONST");
    proto_free(m);
    /* return inside try/finally: value first, then the finally body */
    m = compile_ok("def f():\n    try:\n        return g()\n    finally:\n        h()\n");
    const char *seq = opseq(find(m, "f"));
    assert_non_null(strstr(seq, "SETUP_FINALLY LOAD_GLOBAL PUSH_NULL CALL POP_BLOCK LOAD_GLOBAL PUSH_NULL CALL POP_TOP RETURN_VALUE"));
    verify(m);
    proto_free(m);
    /* continue inside try/finally runs the finally body */
    m = compile_ok("for i in x:\n    try:\n        continue\n    finally:\n        h()\n");
    assert_non_null(strstr(opseq(m), "FOR_ITER STORE_NAME SETUP_FINALLY POP_BLOCK LOAD_NAME PUSH_NULL CALL POP_TOP JUMP"));
    verify(m);
    proto_free(m);
    m = compile_ok("while True:\n    with a:\n        try:\n            break\n        except E as e:\n            continue\n");
    verify(m);
    proto_free(m);
}

static void test_exceptions(void **state)
{
    (void)state;
    Proto *m = compile_ok("try:\n    f()\nexcept (A, B) as e:\n    g(e)\nexcept C:\n    pass\nelse:\n    h()\nfinally:\n    k()\n"
                          "try:\n    pass\nexcept* E as eg:\n    pass\nexcept* F:\n    pass\n"
                          "assert x, 'm'\nraise E from None\n");
    verify(m);
    const char *seq = opseq(m);
    assert_non_null(strstr(seq, "SETUP_CLEANUP PUSH_EXC_INFO LOAD_NAME LOAD_NAME BUILD_TUPLE CHECK_EXC_MATCH POP_JUMP_IF_FALSE STORE_NAME SETUP_CLEANUP"));
    assert_non_null(strstr(seq, "COPY POP_EXCEPT RERAISE"));
    assert_non_null(strstr(seq, "CHECK_EG_MATCH COPY POP_JUMP_IF_NONE"));
    assert_non_null(strstr(seq, "PREP_RERAISE_STAR"));
    assert_non_null(strstr(seq, "LOAD_ASSERTION_ERROR PUSH_NULL LOAD_CONST CALL RAISE_VARARGS"));
    assert_non_null(strstr(seq, "LOAD_NAME LOAD_CONST RAISE_VARARGS"));
    proto_free(m);
}

static void test_async(void **state)
{
    (void)state;
    Proto *m = compile_ok(
        "async def f():\n"
        "    async with a as b:\n        pass\n"
        "    async for i in c:\n        break\n"
        "    yield_ = await d\n");
    const Proto *f = find(m, "f");
    verify(m);
    const char *seq = opseq(f);
    assert_non_null(strstr(seq, "BEFORE_ASYNC_WITH GET_AWAITABLE AWAIT SETUP_WITH STORE_FAST"));
    assert_non_null(strstr(seq, "GET_AITER SETUP_FINALLY GET_ANEXT AWAIT POP_BLOCK STORE_FAST"));
    assert_non_null(strstr(seq, "END_ASYNC_FOR"));
    assert_non_null(strstr(seq, "WITH_EXCEPT_START GET_AWAITABLE AWAIT POP_JUMP_IF_TRUE"));
    proto_free(m);
}

static void test_positions(void **state)
{
    (void)state;
    /* spans as CPython 3.12's co_positions() */
    Proto *m = compile_ok("x = (a + b) * c[1]\nobj.meth(\n    1)\nfoo.bar(1).baz\nraise E(1)\n");
    for (int i = 0; i < m->ncode; i++) {
        Opcode op = INSTR_OP(m->code[i]);
        Position p = m->positions[i];
        if (op == OP_BINARY_OP && p.end_col == 18) {
            assert_int_equal(p.line, 1);
            assert_int_equal(p.col, 4);
            assert_int_equal(p.end_col, 18);
        }
        if (op == OP_BINARY_SUBSCR) {
            assert_int_equal(p.col, 14);
            assert_int_equal(p.end_col, 18);
        }
        if (op == OP_LOAD_METHOD && p.line == 2) {
            assert_int_equal(p.col, 0);
            assert_int_equal(p.end_col, 8);
        }
        if (op == OP_CALL && p.line == 2) {
            assert_int_equal(p.end_line, 3);
            assert_int_equal(p.col, 0);
            assert_int_equal(p.end_col, 6);
        }
        if (op == OP_LOAD_ATTR) {
            assert_int_equal(p.line, 4);
            assert_int_equal(p.col, 0);
            assert_int_equal(p.end_col, 14);
        }
        if (op == OP_RAISE_VARARGS) {
            assert_int_equal(p.line, 5);
            assert_int_equal(p.col, 0);
            assert_int_equal(p.end_col, 10);
        }
    }
    proto_free(m);
    /* FORMAT_VALUE spans its replacement field, braces included */
    m = compile_ok("s = f\"a {x:d} b\"\n");
    for (int i = 0; i < m->ncode; i++) {
        if (INSTR_OP(m->code[i]) == OP_FORMAT_VALUE) {
            assert_int_equal(m->positions[i].col, 8);
            assert_int_equal(m->positions[i].end_col, 13);
        }
        if (INSTR_OP(m->code[i]) == OP_BUILD_STRING) {
            assert_int_equal(m->positions[i].col, 4);
            assert_int_equal(m->positions[i].end_col, 16);
        }
    }
    proto_free(m);
    /* a method call spanning lines is located at the attribute name */
    m = compile_ok("(obj\n .meth)(1)\n");
    for (int i = 0; i < m->ncode; i++)
        if (INSTR_OP(m->code[i]) == OP_LOAD_METHOD) {
            assert_int_equal(m->positions[i].line, 2);
            assert_int_equal(m->positions[i].col, 2);
        }
    proto_free(m);
}

static void test_max_stack(void **state)
{
    (void)state;
    Proto *m = compile_ok("f(a, b, c)\n");
    assert_int_equal(m->max_stack, 5);
    proto_free(m);
    /* constant sets replay CPython's frozenset-constant history */
    m = compile_ok("s = {3, -1, 2}\n");
    assert_string_equal(opseq(m),
        "BUILD_SET BUILD_SET BUILD_LIST BUILD_SET LOAD_CONST SET_UPDATE LIST_EXTEND SET_UPDATE SET_UPDATE "
        "STORE_NAME RETURN_CONST");
    assert_int_equal(m->max_stack, 5);
    proto_free(m);
    m = compile_ok("with a:\n    pass\n");
    /* exit NULL None None None */
    assert_int_equal(m->max_stack, 5);
    proto_free(m);
    m = compile_ok("x[i] += 1\n");
    assert_int_equal(m->max_stack, 4);
    proto_free(m);
}

static void test_compile_errors(void **state)
{
    (void)state;
    expect_error("return 1\n", 1, 1, "'return' outside function");
    expect_error("break\n", 1, 1, "'break' outside loop");
    expect_error("continue\n", 1, 1, "'continue' not properly in loop");
    expect_error("def f():\n    await x\n", 2, 5, "'await' outside async function");
    expect_error("await x\n", 1, 1, "'await' outside function");
    expect_error("x = yield\n", 1, 5, "'yield' outside function");
    expect_error("class C:\n    yield 1\n", 2, 5, "'yield' outside function");
    expect_error("nonlocal x\n", 1, 1, "nonlocal declaration not allowed at module level");
    expect_error("def f():\n    nonlocal x\n", 2, 5, "no binding for nonlocal 'x' found");
    expect_error("def f():\n    x = 1\n    global x\n", 3, 5, "name 'x' is assigned to before global declaration");
    expect_error("def f(x):\n    global x\n", 2, 5, "name 'x' is parameter and global");
    expect_error("for x in y:\n    def g():\n        break\n", 3, 9, "'break' outside loop");
    expect_error("async def f():\n    yield from x\n", 2, 5, "'yield from' inside async function");
    expect_error("def f():\n    async with x:\n        pass\n", 2, 5, "'async with' outside async function");
    expect_error("x = [i async for i in y]\n", 1, 5,
                 "asynchronous comprehension outside of an asynchronous function");
    expect_error("try:\n    pass\nexcept* E:\n    break\n", 4, 5,
                 "'break', 'continue' and 'return' cannot appear in an except* block");
    expect_error("f(a=1, a=2)\n", 1, 8, "keyword argument repeated: a");
    expect_error("def f():\n    return [await y for y in z]\n", 2, 12,
                 "asynchronous comprehension outside of an asynchronous function");
    expect_error("def f():\n    global x\n    nonlocal x\n", 2, 5, "name 'x' is nonlocal and global");
}

static void test_warnings(void **state)
{
    (void)state;
    const char *src = "x = 1\ns = \"\"\"abc\n\\d\"\"\"\nt = f\"{x}\\q\\q\"\nif x is 1: pass\n"
                      "assert (x, 'm')\nu = '\\777'\nv = r'\\d'\nw = '\\\xc3\xa9'\nok = x is None\n";
    LangError err;
    LangWarning *w = NULL;
    int n = -1;
    Proto *p = lang_compile_ex(src, strlen(src), MODS, &err, &w, &n);
    assert_non_null(p);
    assert_int_equal(n, 5);
    /* parser warnings first, then the compiler's, as CPython */
    assert_int_equal(w[0].line, 2);
    assert_string_equal(w[0].message, "invalid escape sequence '\\d'");
    assert_int_equal(w[1].line, 4);   /* once per line and text */
    assert_string_equal(w[1].message, "invalid escape sequence '\\q'");
    assert_int_equal(w[2].line, 7);
    assert_string_equal(w[2].message, "invalid octal escape sequence '\\777'");
    assert_int_equal(w[3].line, 5);
    assert_string_equal(w[3].message, "\"is\" with 'int' literal. Did you mean \"==\"?");
    assert_int_equal(w[4].line, 6);
    assert_string_equal(w[4].message, "assertion is always true, perhaps remove parentheses?");
    free(w);
    proto_free(p);
    p = lang_compile_ex("x = 1\n", 6, MODS, &err, &w, &n);
    assert_null(w);
    assert_int_equal(n, 0);
    proto_free(p);
}

static void test_caret_anchors(void **state)
{
    (void)state;
    int l = -1, r = -1;
    assert_true(lang_caret_anchors("a + b", 5, &l, &r));
    assert_int_equal(l, 2);
    assert_int_equal(r, 3);
    assert_true(lang_caret_anchors("a ** b", 6, &l, &r));
    assert_int_equal(l, 2);
    assert_int_equal(r, 4);
    /* Python/traceback.c skips a ')' closing the left operand */
    assert_true(lang_caret_anchors("(x) // y", 8, &l, &r));
    assert_int_equal(l, 4);
    assert_int_equal(r, 6);
    assert_true(lang_caret_anchors("(a)+b", 5, &l, &r));
    assert_int_equal(l, 3);
    assert_int_equal(r, 4);
    assert_true(lang_caret_anchors("(a )  ** (2)", 12, &l, &r));
    assert_int_equal(l, 6);
    assert_int_equal(r, 8);
    assert_true(lang_caret_anchors("a [ 1 ]", 7, &l, &r));
    assert_int_equal(l, 2);
    assert_int_equal(r, 7);
    assert_true(lang_caret_anchors("foo[bar]", 8, &l, &r));
    assert_int_equal(l, 3);
    assert_int_equal(r, 8);
    assert_true(lang_caret_anchors("d['key'] [1]", 12, &l, &r));
    assert_int_equal(l, 9);
    assert_int_equal(r, 12);
    const char *u = "'é' + x";
    assert_true(lang_caret_anchors(u, strlen(u), &l, &r));
    assert_int_equal(l, 4);    /* characters, not bytes */
    assert_int_equal(r, 5);
    u = "d[\"é\"][\"k\"]";
    assert_true(lang_caret_anchors(u, strlen(u), &l, &r));
    assert_int_equal(l, 6);
    assert_int_equal(r, 11);
    assert_false(lang_caret_anchors("f(x)", 4, &l, &r));
    assert_false(lang_caret_anchors("a +", 3, &l, &r));
    assert_false(lang_caret_anchors("x = a + b", 9, &l, &r));
}

static void test_big_program_verifies(void **state)
{
    (void)state;
    Proto *m = compile_ok(
        "import asyncio\n"
        "from concurrent.futures import Future\n"
        "async def worker(name, q, *, delay=0.1):\n"
        "    total = 0\n"
        "    while True:\n"
        "        try:\n"
        "            item = await asyncio.wait_for(q.get(), 1)\n"
        "        except asyncio.TimeoutError:\n"
        "            break\n"
        "        except (ValueError, TypeError) as e:\n"
        "            print(f'{name}: {e!r}')\n"
        "            continue\n"
        "        else:\n"
        "            total += item\n"
        "        finally:\n"
        "            q.task_done() if q else None\n"
        "    return total\n"
        "async def main():\n"
        "    q = asyncio.Queue()\n"
        "    async with asyncio.TaskGroup() as tg:\n"
        "        tasks = [tg.create_task(worker(f'w{i}', q)) for i in range(3)]\n"
        "    results = {t.get_name(): t.result() for t in tasks if not t.cancelled()}\n"
        "    print(*sorted(results.items()), sep='\\n')\n"
        "    async for x in agen():\n"
        "        if x > 2: break\n"
        "    return [y async for y in agen() if y]\n"
        "async def agen():\n"
        "    for i in range(5):\n"
        "        yield i\n"
        "        await asyncio.sleep(0)\n"
        "def deco(fn):\n"
        "    def wrapper(*a, **k):\n"
        "        try:\n"
        "            return fn(*a, **k)\n"
        "        finally:\n"
        "            for _ in ():\n"
        "                pass\n"
        "    return wrapper\n"
        "if __name__ == '__main__':\n"
        "    asyncio.run(main())\n");
    verify(m);
    proto_free(m);
}

static void disasm_out(void *ud, const char *s, size_t n)
{
    size_t *total = ud;
    *total += n;
    (void)s;
}

static void test_disassembler(void **state)
{
    (void)state;
    Proto *m = compile_ok("def f(x):\n    return x + 1\n");
    size_t total = 0;
    proto_disassemble(m, disasm_out, &total);
    assert_true(total > 100);
    assert_string_equal(opcode_name(OP_BINARY_OP), "BINARY_OP");
    assert_string_equal(opcode_name(OP_RETURN_GENERATOR), "RETURN_GENERATOR");
    proto_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scopes),
        cmocka_unit_test(test_cells_and_params),
        cmocka_unit_test(test_comprehensions),
        cmocka_unit_test(test_flags_and_qualnames),
        cmocka_unit_test(test_mangling),
        cmocka_unit_test(test_class_shape),
        cmocka_unit_test(test_function_shape),
        cmocka_unit_test(test_assignments),
        cmocka_unit_test(test_imports),
        cmocka_unit_test(test_annotations),
        cmocka_unit_test(test_future_annotations),
        cmocka_unit_test(test_control_flow),
        cmocka_unit_test(test_exceptions),
        cmocka_unit_test(test_async),
        cmocka_unit_test(test_positions),
        cmocka_unit_test(test_max_stack),
        cmocka_unit_test(test_compile_errors),
        cmocka_unit_test(test_warnings),
        cmocka_unit_test(test_caret_anchors),
        cmocka_unit_test(test_big_program_verifies),
        cmocka_unit_test(test_disassembler),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
