/*
 * test_asyncgen.c - asynchronous generators in the VM: a step awaited in a
 * coroutine runs the generator's frame in the awaiting dispatch loop, parks
 * with the whole chain on a C future, survives the collector while parked,
 * takes exceptions thrown into the chain; a step driven by hand passes the
 * future out; and which generators the collector hands to the finalizer hook.
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

/* nesting(): how many dispatch loops are on the C stack right now */
static Value t_nesting(VM *vm, Value *args, int nargs, Tuple *kw)
{
    (void)args; (void)nargs; (void)kw;
    return VINT(vm->c_nesting);
}

/* wants_finalizer(agen): would the collector hand it to the finalizer hook? */
static Value t_wants(VM *vm, Value *args, int nargs, Tuple *kw)
{
    (void)vm; (void)nargs; (void)kw;
    return VBOOL(agen_wants_finalizer(AS_GEN(args[0])));
}

/* Runs src with the helpers above as builtins; returns what it printed and
 * fails the test on any output to stderr or a non-zero status. */
static char *run(const char *src)
{
    Capture out = { NULL, 0, 0 }, err = { NULL, 0, 0 };
    capture(&out, "", 0);
    capture(&err, "", 0);
    LangError e = { 0 };
    Proto *p = lang_compile(src, strlen(src), vm_module_names, &e);
    if (!p)
        fail_msg("compile error %d:%d: %s", e.line, e.col, e.message);
    VMConfig cfg = { .filename = "t.py", .source = src, .source_len = strlen(src),
                     .out = capture, .err = capture, .out_ud = &out, .err_ud = &err };
    VM *vm = vm_new(&cfg);
    static const struct { const char *name; NativeFn fn; } helpers[] = {
        { "make_future", tf_new }, { "resolve", tf_resolve },
        { "nesting", t_nesting }, { "wants_finalizer", t_wants },
    };
    for (size_t i = 0; i < sizeof helpers / sizeof helpers[0]; i++)
        dict_set_str(vm, vm->builtins, helpers[i].name, VOBJ(native_new(vm, helpers[i].name, helpers[i].fn, NULL)));
    int status = vm_run_main(vm, p);
    vm_free(vm);
    assert_string_equal(err.data, "");
    assert_int_equal(status, 0);
    free(err.data);
    return out.data;
}

#define EXPECT_OUT(src, expected) do {                  \
        char *out_ = run(src);                          \
        assert_string_equal(out_, expected);            \
        free(out_);                                     \
    } while (0)

/* The generator body awaits a future: the coroutine's send() returns that
 * future, and resuming the coroutine resumes the generator where it was. */
static void test_async_for_parks_the_whole_chain(void **state)
{
    (void)state;
    EXPECT_OUT("futs = [make_future(), make_future()]\n"
               "async def ticks():\n"
               "    for f in futs:\n"
               "        v = await f\n"
               "        yield v * 10\n"
               "async def main():\n"
               "    async for t in ticks():\n"
               "        print('tick', t)\n"
               "    return 'done'\n"
               "c = main()\n"
               "print(c.send(None) is futs[0])\n"
               "print(c.send(None) is futs[0])\n"
               "resolve(futs[0], 1)\n"
               "print(c.send(None) is futs[1])\n"
               "resolve(futs[1], 2)\n"
               "try:\n    c.send(None)\nexcept StopIteration as e:\n    print(e.value)\n",
               "True\nTrue\ntick 10\nTrue\ntick 20\ndone\n");
}

/* No C recursion: the generator's frame runs in the loop of the coroutine
 * that awaits its step, through any depth of async generators. */
static void test_generator_runs_in_the_awaiting_dispatch_loop(void **state)
{
    (void)state;
    EXPECT_OUT("async def inner():\n"
               "    yield nesting()\n"
               "async def outer():\n"
               "    async for n in inner():\n"
               "        yield n, nesting()\n"
               "async def main():\n"
               "    here = nesting()\n"
               "    async for a, b in outer():\n"
               "        print(a == here, b == here)\n"
               "    print([x async for x in inner()] == [here])\n"
               "try:\n    main().send(None)\nexcept StopIteration:\n    pass\n",
               "True True\nTrue\n");
}

static void test_collector_keeps_a_parked_generator_chain(void **state)
{
    (void)state;
    EXPECT_OUT("import gc\n"
               "f = make_future()\n"
               "async def agen(prefix):\n"
               "    parts = [prefix * 3]\n"
               "    parts.append(await f)\n"
               "    yield '-'.join(parts)\n"
               "async def main():\n"
               "    return [x async for x in agen('ab')]\n"
               "c = main()\n"
               "c.send(None)\n"
               "garbage = [[i] * 10 for i in range(20000)]\n"
               "del garbage\n"
               "gc.collect()\n"
               "resolve(f, 'end')\n"
               "try:\n    c.send(None)\nexcept StopIteration as e:\n    print(e.value)\n",
               "['ababab-end']\n");
}

/* throw() on the parked coroutine raises inside the generator's await; the
 * generator handles it and its next yield is the step's value. */
static void test_throw_into_chain_reaches_generator_body(void **state)
{
    (void)state;
    EXPECT_OUT("f = make_future()\n"
               "async def agen():\n"
               "    try:\n"
               "        await f\n"
               "    except KeyError as e:\n"
               "        yield f'handled {e}'\n"
               "async def main():\n"
               "    g = agen()\n"
               "    print(await g.__anext__(), g.ag_running)\n"
               "c = main()\n"
               "c.send(None)\n"
               "try:\n    c.throw(KeyError('k'))\nexcept StopIteration:\n    print('main done')\n",
               "handled 'k' False\nmain done\n");
}

/* A step driven by hand hands out what the body awaits. */
static void test_step_driven_by_hand_passes_future_out(void **state)
{
    (void)state;
    EXPECT_OUT("f = make_future()\n"
               "async def agen():\n"
               "    yield await f\n"
               "g = agen()\n"
               "s = g.__anext__()\n"
               "print(s.send(None) is f, g.ag_running)\n"
               "resolve(f, 7)\n"
               "try:\n    s.send(None)\nexcept StopIteration as e:\n    print(e.value, g.ag_running)\n"
               "async def main():\n"
               "    try:\n        await s\n    except RuntimeError as e:\n        print(e)\n"
               "try:\n    main().send(None)\nexcept StopIteration:\n    pass\n",
               "True True\n7 False\ncannot reuse already awaited __anext__()/asend()\n");
}

/* The finalizer is for generators asked for a step and neither finished nor
 * aclose()d, and only when a finalizer hook was set at the first step. */
static void test_finalizer_candidates(void **state)
{
    (void)state;
    EXPECT_OUT("import sys\n"
               "async def agen():\n    yield 1\n"
               "def drive(s):\n"
               "    try:\n        s.send(None)\n    except BaseException:\n        pass\n"
               "plain = agen(); drive(plain.__anext__())\n"
               "sys.set_asyncgen_hooks(finalizer=lambda g: None)\n"
               "created = agen()\n"
               "started = agen(); drive(started.__anext__())\n"
               "stepped = agen(); stepped.__anext__()\n"
               "done = agen(); drive(done.__anext__()); drive(done.__anext__())\n"
               "closed = agen(); drive(closed.__anext__()); drive(closed.aclose())\n"
               "print([wants_finalizer(g) for g in (plain, created, started, stepped, done, closed)])\n",
               "[False, False, True, True, False, False]\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_async_for_parks_the_whole_chain),
        cmocka_unit_test(test_generator_runs_in_the_awaiting_dispatch_loop),
        cmocka_unit_test(test_collector_keeps_a_parked_generator_chain),
        cmocka_unit_test(test_throw_into_chain_reaches_generator_body),
        cmocka_unit_test(test_step_driven_by_hand_passes_future_out),
        cmocka_unit_test(test_finalizer_candidates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
