/*
 * test_vm.c - the interpreter core: heap frames and their parking, calls,
 * exceptions and their order of effects, generators, the collector, the
 * global cache, and the limits. Each test runs a small program and checks
 * what it printed.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "lang.h"
#include "vm.h"
#include "internal.h"
#include "vm_testkit.h"

typedef struct Run {
    Capture out, err;
    int status;
} Run;

static Run run_limited(const char *src, uint64_t max_steps, size_t max_memory);

static Run run_with(const char *src, uint64_t max_steps)
{
    return run_limited(src, max_steps, 0);
}

static Run run_limited(const char *src, uint64_t max_steps, size_t max_memory)
{
    Run r = { { NULL, 0, 0 }, { NULL, 0, 0 }, 0 };
    capture(&r.out, "", 0);
    capture(&r.err, "", 0);
    LangError e = { 0 };
    Proto *p = lang_compile(src, strlen(src), vm_module_names, &e);
    if (!p) {
        fail_msg("compile error %d:%d: %s", e.line, e.col, e.message);
        return r;
    }
    VMConfig cfg = { .filename = "t.py", .source = src, .source_len = strlen(src),
                     .out = capture, .err = capture, .out_ud = &r.out, .err_ud = &r.err,
                     .max_steps = max_steps, .max_memory = max_memory };
    VM *vm = vm_new(&cfg);
    r.status = vm_run_main(vm, p);
    vm_free(vm);
    return r;
}

static Run run(const char *src) { return run_with(src, 0); }

static void run_free(Run *r)
{
    free(r->out.data);
    free(r->err.data);
}

#define EXPECT_OUT(src, expected) do {                     \
        Run r_ = run(src);                                 \
        assert_string_equal(r_.err.data, "");              \
        assert_string_equal(r_.out.data, expected);        \
        assert_int_equal(r_.status, 0);                    \
        run_free(&r_);                                     \
    } while (0)

/* ---- calls and frames ------------------------------------------------------- */

static void test_deep_python_recursion_uses_heap_frames(void **state)
{
    (void)state;
    /* 900 nested Python calls: no C recursion, so no C stack growth */
    EXPECT_OUT("def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nprint(f(900))\n", "900\n");
}

static void test_recursion_limit_is_cpythons(void **state)
{
    (void)state;
    Run r = run("import sys\ndef f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n"
                "    print(type(e).__name__, e)\nprint(sys.getrecursionlimit())\n");
    assert_string_equal(r.out.data, "RecursionError maximum recursion depth exceeded\n1000\n");
    run_free(&r);
}

static void test_argument_binding(void **state)
{
    (void)state;
    EXPECT_OUT("def f(a, b=2, *args, c, d=4, **kw):\n    return (a, b, args, c, d, sorted(kw.items()))\n"
               "print(f(1, c=3))\nprint(f(1, 2, 3, 4, c=5, z=6, y=7))\n",
               "(1, 2, (), 3, 4, [])\n(1, 2, (3, 4), 5, 4, [('y', 7), ('z', 6)])\n");
    Run r = run("def g(a, b):\n    pass\ntry:\n    g(1)\nexcept TypeError as e:\n    print(e)\n"
                "try:\n    g(1, 2, 3)\nexcept TypeError as e:\n    print(e)\n"
                "try:\n    g(1, a=2)\nexcept TypeError as e:\n    print(e)\n");
    assert_string_equal(r.out.data, "g() missing 1 required positional argument: 'b'\n"
                                    "g() takes 2 positional arguments but 3 were given\n"
                                    "g() got multiple values for argument 'a'\n");
    run_free(&r);
}

static void test_closures_share_cells(void **state)
{
    (void)state;
    EXPECT_OUT("def counter():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        return n\n"
               "    def get():\n        return n\n    return inc, get\ninc, get = counter()\ninc(); inc()\nprint(get())\n",
               "2\n");
}

/* ---- exceptions: the order of effects --------------------------------------- */

static void test_finally_runs_on_every_exit(void **state)
{
    (void)state;
    EXPECT_OUT("def f(mode):\n    for i in range(3):\n        try:\n            if mode == 'ret': return i\n"
               "            if mode == 'brk': break\n            if mode == 'raise': raise ValueError(i)\n"
               "        finally:\n            print('finally', mode, i)\n    return 'end'\n"
               "print(f('ret'))\nprint(f('brk'))\ntry:\n    f('raise')\nexcept ValueError as e:\n    print('caught', e)\n",
               "finally ret 0\n0\nfinally brk 0\nend\nfinally raise 0\ncaught 0\n");
}

static void test_exception_context_chains(void **state)
{
    (void)state;
    EXPECT_OUT("try:\n    try:\n        1/0\n    except ZeroDivisionError:\n        raise KeyError('k')\n"
               "except KeyError as e:\n    print(type(e.__context__).__name__, e.__cause__, e.__suppress_context__)\n"
               "try:\n    raise ValueError('v') from OSError('o')\nexcept ValueError as e:\n"
               "    print(repr(e.__cause__), e.__suppress_context__)\n",
               "ZeroDivisionError None False\nOSError('o') True\n");
}

static void test_uncaught_exception_report_and_status(void **state)
{
    (void)state;
    Run r = run("def f(x):\n    return x / 0\nf(1)\n");
    assert_int_equal(r.status, 1);
    assert_string_equal(r.err.data,
                        "Traceback (most recent call last):\n"
                        "  File \"t.py\", line 3, in <module>\n"
                        "    f(1)\n"
                        "  File \"t.py\", line 2, in f\n"
                        "    return x / 0\n"
                        "           ~~^~~\n"
                        "ZeroDivisionError: division by zero\n");
    run_free(&r);
}

static void test_with_exits_in_order(void **state)
{
    (void)state;
    EXPECT_OUT("class M:\n    def __init__(self, n): self.n = n\n    def __enter__(self):\n        print('enter', self.n)\n"
               "        return self\n    def __exit__(self, t, v, tb):\n        print('exit', self.n, t.__name__ if t else None)\n"
               "        return self.n == 1\nwith M(1), M(2):\n    raise KeyError\nprint('after')\n",
               "enter 1\nenter 2\nexit 2 KeyError\nexit 1 KeyError\nafter\n");
}

static void test_system_exit_status(void **state)
{
    (void)state;
    Run r = run("import sys\nprint('a')\nsys.exit(3)\nprint('b')\n");
    assert_string_equal(r.out.data, "a\n");
    assert_int_equal(r.status, 3);
    run_free(&r);
}

/* ---- generators and coroutines: frames that park ------------------------------ */

static void test_generator_protocol(void **state)
{
    (void)state;
    EXPECT_OUT("def g():\n    x = yield 1\n    print('got', x)\n    try:\n        yield 2\n    finally:\n"
               "        print('cleanup')\n    return 'done'\nit = g()\nprint(next(it))\nprint(it.send('hi'))\n"
               "it.close()\nprint(list(g()))\n",
               "1\ngot hi\n2\ncleanup\ngot None\ncleanup\n[1, 2]\n");
}

static void test_yield_from_returns_value(void **state)
{
    (void)state;
    EXPECT_OUT("def inner():\n    yield 1\n    yield 2\n    return 'r'\ndef outer():\n    r = yield from inner()\n"
               "    yield r\nprint(list(outer()))\n",
               "[1, 2, 'r']\n");
}

/* The shape the event loop needs: a chain of coroutines parks as a whole at
 * the innermost await and resumes where it stopped, many times over. */
static void test_await_chain_parks_and_resumes(void **state)
{
    (void)state;
    EXPECT_OUT("class Tick:\n    def __await__(self):\n        v = yield 'tick'\n        return v\n"
               "async def leaf(n):\n    a = await Tick()\n    b = await Tick()\n    return n + a + b\n"
               "async def middle():\n    x = await leaf(1)\n    y = await leaf(10)\n    return x + y\n"
               "async def top():\n    return await middle() * 2\n"
               "c = top()\nprint(c.send(None))\nsteps = 0\ntry:\n    while True:\n        steps += 1\n"
               "        print(c.send(steps))\nexcept StopIteration as e:\n    print('result', e.value, 'after', steps)\n",
               "tick\ntick\ntick\ntick\nresult 42 after 4\n");
}

static void test_throw_into_parked_chain(void **state)
{
    (void)state;
    EXPECT_OUT("class Wait:\n    def __await__(self):\n        yield 'w'\nasync def leaf():\n    try:\n"
               "        await Wait()\n    except KeyError as e:\n        print('leaf saw', repr(e))\n        raise\n"
               "async def top():\n    try:\n        await leaf()\n    except KeyError:\n        return 'top handled'\n"
               "c = top()\nc.send(None)\ntry:\n    c.throw(KeyError('x'))\nexcept StopIteration as e:\n    print(e.value)\n",
               "leaf saw KeyError('x')\ntop handled\n");
}

static void test_coroutine_reuse_is_an_error(void **state)
{
    (void)state;
    EXPECT_OUT("async def f():\n    return 1\nasync def main():\n    c = f()\n    await c\n    try:\n        await c\n"
               "    except RuntimeError as e:\n        print(e)\nm = main()\ntry:\n    m.send(None)\nexcept StopIteration:\n"
               "    pass\n",
               "cannot reuse already awaited coroutine\n");
}

static void test_await_on_a_c_future_parks_the_chain(void **state)
{
    (void)state;
    const char *src = "f = make_future()\n"
                      "async def inner():\n    return await f\n"
                      "async def outer():\n    x = await inner()\n    return x + 1\n"
                      "c = outer()\n"
                      "print(c.send(None) is f)\n"
                      "print(c.send(None) is f)\n"
                      "resolve(f, 41)\n"
                      "try:\n    c.send(None)\nexcept StopIteration as e:\n    print(e.value)\n";
    Capture out = { NULL, 0, 0 }, err = { NULL, 0, 0 };
    capture(&out, "", 0);
    capture(&err, "", 0);
    LangError e = { 0 };
    Proto *p = lang_compile(src, strlen(src), vm_module_names, &e);
    assert_non_null(p);
    VMConfig cfg = { .filename = "t.py", .source = src, .source_len = strlen(src),
                     .out = capture, .err = capture, .out_ud = &out, .err_ud = &err };
    VM *vm = vm_new(&cfg);
    dict_set_str(vm, vm->builtins, "make_future", VOBJ(native_new(vm, "make_future", tf_new, NULL)));
    dict_set_str(vm, vm->builtins, "resolve", VOBJ(native_new(vm, "resolve", tf_resolve, NULL)));
    assert_int_equal(vm_run_main(vm, p), 0);
    vm_free(vm);
    assert_string_equal(err.data, "");
    assert_string_equal(out.data, "True\nTrue\n42\n");
    free(out.data);
    free(err.data);
}

/* ---- the collector and the caches -------------------------------------------- */

static void test_collector_frees_cycles_and_keeps_live_data(void **state)
{
    (void)state;
    EXPECT_OUT("import gc\nclass Node:\n    pass\nkeep = []\nfor i in range(20000):\n    a = Node(); b = Node()\n"
               "    a.other = b; b.other = a\n    if i % 1000 == 0:\n        keep.append(a)\n"
               "gc.collect()\nprint(len(keep), all(k.other.other is k for k in keep))\n",
               "20 True\n");
}

/* an instance of a builtin subclass keeps its attributes outside its
 * layout; one whose attributes lead back to itself is freed all the same:
 * 300,000 of them (about 60 MB if kept) fit under a 16 MB cap */
static void test_builtin_subclass_cycles_are_collected(void **state)
{
    (void)state;
    Run r = run_limited("class D(dict):\n    pass\nclass L(list):\n    pass\n"
                        "for i in range(150000):\n    d = D(); d.me = d\n    l = L([i]); l.me = l; l.d = d\n"
                        "print(d.me is d, l.me is l, l[0], l.d is d)\n", 0, (size_t)16 << 20);
    assert_string_equal(r.err.data, "");
    assert_string_equal(r.out.data, "True True 149999 True\n");
    assert_int_equal(r.status, 0);
    run_free(&r);
}

static void test_global_cache_sees_rebinding(void **state)
{
    (void)state;
    EXPECT_OUT("def show():\n    return len('abc')\nprint(show())\nlen = lambda s: 99\nprint(show())\ndel len\n"
               "print(show())\nx = 1\ndef gx():\n    return x\nprint(gx())\nx = 2\nprint(gx())\n",
               "3\n99\n3\n1\n2\n");
}

/* ---- limits -------------------------------------------------------------------- */

static void test_step_limit_cannot_be_caught(void **state)
{
    (void)state;
    Run r = run_with("while True:\n    try:\n        pass\n    except BaseException:\n        print('caught')\n", 100000);
    assert_int_equal(r.status, 1);
    assert_string_equal(r.out.data, "");
    assert_non_null(strstr(r.err.data, "--max-steps"));
    run_free(&r);
}

static void test_step_limit_reaches_loops_inside_builtins(void **state)
{
    (void)state;
    Run r = run_with("print(sum(range(10**15)))\n", 100000);
    assert_int_equal(r.status, 1);
    assert_string_equal(r.out.data, "");
    assert_non_null(strstr(r.err.data, "--max-steps"));
    run_free(&r);
}

static void test_huge_padding_is_a_memory_error_at_once(void **state)
{
    (void)state;
    EXPECT_OUT("for f in (lambda: 'x'.zfill(2**50), lambda: 'x'.ljust(2**50), lambda: '\\t'.expandtabs(2**50)):\n"
               "    try:\n        f()\n    except MemoryError as e:\n        print('MemoryError', e.args)\n",
               "MemoryError ()\nMemoryError ()\nMemoryError ()\n");
}

/* A request with no free block of its size splits the smallest bigger free
 * block; its rest serves the rest's size; an exact fit is taken first. */
static void test_free_blocks_split_for_smaller_sizes(void **state)
{
    (void)state;
    VMConfig cfg = { .filename = "t.py" };
    VM *vm = vm_new(&cfg);
    char *frame = vm_small_alloc(vm, 176);
    vm_release_mem(vm, frame, 176);
    char *exc = vm_small_alloc(vm, 80);
    assert_ptr_equal(exc, frame);
    char *rest = vm_small_alloc(vm, 96);
    assert_ptr_equal(rest, frame + 80);
    char *fresh = vm_small_alloc(vm, 176);   /* nothing free: a new block */
    assert_true(fresh < frame || fresh >= frame + 176);
    vm_release_mem(vm, fresh, 176);
    vm_release_mem(vm, exc, 80);
    assert_ptr_equal(vm_small_alloc(vm, 80), exc);
    char *bigger = vm_small_alloc(vm, 120);   /* from the 176 */
    assert_ptr_equal(bigger, fresh);
    assert_ptr_equal(vm_small_alloc(vm, 56), fresh + 120);
    vm_free(vm);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_builtin_subclass_cycles_are_collected),
        cmocka_unit_test(test_free_blocks_split_for_smaller_sizes),
        cmocka_unit_test(test_deep_python_recursion_uses_heap_frames),
        cmocka_unit_test(test_recursion_limit_is_cpythons),
        cmocka_unit_test(test_argument_binding),
        cmocka_unit_test(test_closures_share_cells),
        cmocka_unit_test(test_finally_runs_on_every_exit),
        cmocka_unit_test(test_exception_context_chains),
        cmocka_unit_test(test_uncaught_exception_report_and_status),
        cmocka_unit_test(test_with_exits_in_order),
        cmocka_unit_test(test_system_exit_status),
        cmocka_unit_test(test_generator_protocol),
        cmocka_unit_test(test_yield_from_returns_value),
        cmocka_unit_test(test_await_chain_parks_and_resumes),
        cmocka_unit_test(test_throw_into_parked_chain),
        cmocka_unit_test(test_coroutine_reuse_is_an_error),
        cmocka_unit_test(test_await_on_a_c_future_parks_the_chain),
        cmocka_unit_test(test_collector_frees_cycles_and_keeps_live_data),
        cmocka_unit_test(test_global_cache_sees_rebinding),
        cmocka_unit_test(test_step_limit_cannot_be_caught),
        cmocka_unit_test(test_step_limit_reaches_loops_inside_builtins),
        cmocka_unit_test(test_huge_padding_is_a_memory_error_at_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
