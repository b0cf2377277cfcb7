/*
 * test_containers.c - list, tuple, dict, range and dict views: methods,
 * indexing and slicing, sorting, repr (recursive ones too), comparisons,
 * hashing, operators and CPython's error messages. Every expected text was
 * recorded from python3.12 (3.12.1) running the same program.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "vm.h"
#include "lang.h"

extern const char *const vm_module_names[];

typedef struct Case { const char *name, *src, *expected; } Case;

typedef struct Out { char buf[16384]; size_t len; } Out;

static void capture(void *ud, const char *s, size_t n)
{
    Out *o = ud;
    if (o->len + n < sizeof o->buf) {
        memcpy(o->buf + o->len, s, n);
        o->len += n;
        o->buf[o->len] = 0;
    }
}

/* Runs a program in a fresh VM; returns what it printed (stdout and stderr). */
static const char *run_program(const char *src)
{
    static Out out;
    out.len = 0;
    out.buf[0] = 0;
    LangError err;
    Proto *p = lang_compile(src, strlen(src), vm_module_names, &err);
    if (!p) {
        snprintf(out.buf, sizeof out.buf, "compile error %d:%d: %s\n", err.line, err.col, err.message);
        return out.buf;
    }
    VMConfig cfg = {0};
    cfg.filename = "t.py";
    cfg.source = src;
    cfg.source_len = strlen(src);
    cfg.out = capture;
    cfg.err = capture;
    cfg.out_ud = &out;
    cfg.err_ud = &out;
    VM *vm = vm_new(&cfg);
    vm_run_main(vm, p);
    vm_free(vm);
    return out.buf;
}

static void check_cases(const Case *cs, size_t n)
{
    int failed = 0;
    for (size_t i = 0; i < n; i++) {
        const char *got = run_program(cs[i].src);
        if (strcmp(got, cs[i].expected) != 0) {
            print_error("case %s:\n--- expected\n%s--- got\n%s\n", cs[i].name, cs[i].expected, got);
            failed++;
        }
    }
    assert_int_equal(failed, 0);
}
/* generated from CPython 3.12.1 (cont_cases.py) */
static const Case cases[] = {
    { "list_methods",
        "l = [3, 1, 2]\n"
        "l.append(4); l.extend((5, 6)); l.insert(0, 9); l.insert(-1, 7); l.insert(100, 8)\n"
        "print(l, l.pop(), l.pop(0), l.pop(-2), l)\n"
        "l.remove(3); print(l, l.index(2), l.count(7))\n"
        "l.reverse(); print(l, l.copy()); l.clear(); print(l)",
        "[3, 1, 2, 4, 5, 6] 8 9 7 [3, 1, 2, 4, 5, 6]\n"
        "[1, 2, 4, 5, 6] 1 0\n"
        "[6, 5, 4, 2, 1] [6, 5, 4, 2, 1]\n"
        "[]\n"
        "" },
    { "list_errors",
        "for f in [lambda: [].pop(), lambda: [1].pop(5), lambda: [1].remove(2), lambda: [1].index(3), lambda: ['a'].index('b'), lambda: [1][2], lambda: (1,)[2], lambda: [1]['a'], lambda: [1][1.0], lambda: [1] + (1,), lambda: (1,) + [1], lambda: [1] * 1.5, lambda: [][10**30], lambda: (1, 2).index(3)]:\n"
        "    try:\n"
        "        f()\n"
        "    except Exception as e:\n"
        "        print(type(e).__name__, e)",
        "IndexError pop from empty list\n"
        "IndexError pop index out of range\n"
        "ValueError list.remove(x): x not in list\n"
        "ValueError 3 is not in list\n"
        "ValueError 'b' is not in list\n"
        "IndexError list index out of range\n"
        "IndexError tuple index out of range\n"
        "TypeError list indices must be integers or slices, not str\n"
        "TypeError list indices must be integers or slices, not float\n"
        "TypeError can only concatenate list (not \"tuple\") to list\n"
        "TypeError can only concatenate tuple (not \"list\") to tuple\n"
        "TypeError can't multiply sequence by non-int of type 'float'\n"
        "IndexError cannot fit 'int' into an index-sized integer\n"
        "ValueError tuple.index(x): x not in tuple\n"
        "" },
    { "slicing",
        "l = list(range(10))\n"
        "print(l[2:5], l[::3], l[::-1], l[-3:], l[:-7:-2], l[8:2:-2], l[100:], l[-100:2])\n"
        "l[2:5] = ['a']; print(l)\n"
        "l[::4] = 'xy'; print(l)\n"
        "del l[1::3]; print(l)\n"
        "l[1:1] = [0, 0]; print(l)\n"
        "l[:] = l; print(l)\n"
        "del l[:]; print(l)\n"
        "t = tuple(range(6)); print(t[1:4], t[::-2], t[:0])",
        "[2, 3, 4] [0, 3, 6, 9] [9, 8, 7, 6, 5, 4, 3, 2, 1, 0] [7, 8, 9] [9, 7, 5] [8, 6, 4] [] [0, 1]\n"
        "[0, 1, 'a', 5, 6, 7, 8, 9]\n"
        "['x', 1, 'a', 5, 'y', 7, 8, 9]\n"
        "['x', 'a', 5, 7, 8]\n"
        "['x', 0, 0, 'a', 5, 7, 8]\n"
        "['x', 0, 0, 'a', 5, 7, 8]\n"
        "[]\n"
        "(1, 2, 3) (5, 3, 1) ()\n"
        "" },
    { "slice_errors",
        "l = [1, 2, 3]\n"
        "def a(): l[::0]\n"
        "def b(): l[::2] = [1]\n"
        "def c(): l[1:2] = 5\n"
        "def d(): l[5] = 1\n"
        "def e(): del l[5]\n"
        "def f(): l['a':]\n"
        "for fn in [a, b, c, d, e, f]:\n"
        "    try:\n"
        "        fn()\n"
        "    except Exception as e:\n"
        "        print(type(e).__name__, e)",
        "ValueError slice step cannot be zero\n"
        "ValueError attempt to assign sequence of size 1 to extended slice of size 2\n"
        "TypeError can only assign an iterable\n"
        "IndexError list assignment index out of range\n"
        "IndexError list assignment index out of range\n"
        "TypeError slice indices must be integers or None or have an __index__ method\n"
        "" },
    { "sort",
        "l = [5, 3, 9, 1, 3, 7, 2]\n"
        "l.sort(); print(l)\n"
        "l.sort(reverse=True); print(l)\n"
        "w = ['pear', 'Apple', 'fig', 'banana', 'kiwi']\n"
        "w.sort(key=len); print(w)\n"
        "w.sort(key=str.lower, reverse=True); print(w)\n"
        "p = [(2, 'b'), (1, 'z'), (2, 'a'), (1, 'y')]\n"
        "p.sort(key=lambda t: t[0]); print(p)\n"
        "f = [2.5, -1.0, 3, 0]\n"
        "f.sort(); print(f)\n"
        "print(sorted(range(30), key=lambda x: (x % 7, -x)))\n"
        "try:\n"
        "    [1, 'a', 2].sort()\n"
        "except TypeError as e:\n"
        "    print('TypeError', e)",
        "[1, 2, 3, 3, 5, 7, 9]\n"
        "[9, 7, 5, 3, 3, 2, 1]\n"
        "['fig', 'pear', 'kiwi', 'Apple', 'banana']\n"
        "['pear', 'kiwi', 'fig', 'banana', 'Apple']\n"
        "[(1, 'z'), (1, 'y'), (2, 'b'), (2, 'a')]\n"
        "[-1.0, 0, 2.5, 3]\n"
        "[28, 21, 14, 7, 0, 29, 22, 15, 8, 1, 23, 16, 9, 2, 24, 17, 10, 3, 25, 18, 11, 4, 26, 19, 12, 5, 27, 20, 13, 6]\n"
        "TypeError '<' not supported between instances of 'str' and 'int'\n"
        "" },
    { "dict_methods",
        "d = {'a': 1, 'b': 2}\n"
        "print(d.get('a'), d.get('z'), d.get('z', 0), d.setdefault('c', 3), d.setdefault('a', 9), d)\n"
        "print(d.pop('b'), d.pop('z', None), d.popitem(), d)\n"
        "d.update({'x': 1}, y=2); d.update([('z', 3)]); print(d, d.copy(), dict.fromkeys('ab'), dict.fromkeys([1, 2], 0))\n"
        "print(list(d.keys()), list(d.values()), list(d.items()), len(d.keys()), 'x' in d.keys(), ('x', 1) in d.items(), 1 in d.values())\n"
        "d.clear(); print(d, {1: 2} | {3: 4}, d == {}, {1: 2} != {1: 3})\n"
        "e = {1: 1}; e |= [(2, 2)]; print(e)",
        "1 None 0 3 1 {'a': 1, 'b': 2, 'c': 3}\n"
        "2 None ('c', 3) {'a': 1}\n"
        "{'a': 1, 'x': 1, 'y': 2, 'z': 3} {'a': 1, 'x': 1, 'y': 2, 'z': 3} {'a': None, 'b': None} {1: 0, 2: 0}\n"
        "['a', 'x', 'y', 'z'] [1, 1, 2, 3] [('a', 1), ('x', 1), ('y', 2), ('z', 3)] 4 True True True\n"
        "{} {1: 2, 3: 4} True True\n"
        "{1: 1, 2: 2}\n"
        "" },
    { "dict_errors",
        "d = {}\n"
        "for f in [lambda: d['k'], lambda: d.pop('k'), lambda: d.popitem(), lambda: d.update([1]), lambda: d.update([(1, 2, 3)]), lambda: d[[1]], lambda: {1: 2} < {1: 2}]:\n"
        "    try:\n"
        "        f()\n"
        "    except Exception as e:\n"
        "        print(type(e).__name__, e)\n"
        "d = {1: 1, 2: 2}\n"
        "try:\n"
        "    for k in d: d[k + 10] = 0\n"
        "except RuntimeError as e:\n"
        "    print('RuntimeError', e)",
        "KeyError 'k'\n"
        "KeyError 'k'\n"
        "KeyError 'popitem(): dictionary is empty'\n"
        "TypeError cannot convert dictionary update sequence element #0 to a sequence\n"
        "ValueError dictionary update sequence element #0 has length 3; 2 is required\n"
        "TypeError unhashable type: 'list'\n"
        "TypeError '<' not supported between instances of 'dict' and 'dict'\n"
        "RuntimeError dictionary changed size during iteration\n"
        "" },
    { "repr",
        "l = [1, 'a', None, (1,), (), [2], {'k': [3]}]\n"
        "l.append(l)\n"
        "d = {1: 2}; d['me'] = d\n"
        "print(l, d, d.keys(), d.values(), d.items())\n"
        "print(range(5), range(1, 9, 2), range(10)[::-1], range(0, 10, 3)[1:], (1, 2, 3), ((1,),))",
        "[1, 'a', None, (1,), (), [2], {'k': [3]}, [...]] {1: 2, 'me': {...}} dict_keys([1, 'me']) dict_values([2, {1: 2, 'me': {...}}]) dict_items([(1, 2), ('me', {1: 2, 'me': {...}})])\n"
        "range(0, 5) range(1, 9, 2) range(9, -1, -1) range(3, 12, 3) (1, 2, 3) ((1,),)\n"
        "" },
    { "compare",
        "print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], (1, 2) <= (1, 2), (1, 'a') == (1, 'a'), [1] == (1,))\n"
        "n = float('nan'); print([n] == [n], n in [n], (1, 2) != (1, 2))\n"
        "for f in [lambda: [1] < [1, 'a'] < 3, lambda: [1] < ['a'], lambda: [1] < (1,)]:\n"
        "    try:\n"
        "        print(f())\n"
        "    except TypeError as e:\n"
        "        print('TypeError', e)",
        "True True True True True False\n"
        "True True False\n"
        "TypeError '<' not supported between instances of 'list' and 'int'\n"
        "TypeError '<' not supported between instances of 'int' and 'str'\n"
        "TypeError '<' not supported between instances of 'list' and 'tuple'\n"
        "" },
    { "hash",
        "print(hash((1, 2)), hash(()), hash((1,)), hash(((1, 2), 3)), hash((-1, -2)), hash((None, True)))\n"
        "for x in [[1], {}, {1}]:\n"
        "    try:\n"
        "        hash(x)\n"
        "    except TypeError as e:\n"
        "        print('TypeError', e)",
        "-3550055125485641917 5740354900026072187 -6644214454873602895 -333907151259015829 960947337673586213 -439879632793865346\n"
        "TypeError unhashable type: 'list'\n"
        "TypeError unhashable type: 'dict'\n"
        "TypeError unhashable type: 'set'\n"
        "" },
    { "operators",
        "l = [1]; m = l; m += [2]; m += (3,); m += range(4, 6); print(l, [0] * 3, 3 * [0], [1, 2] * 0, (1, 2) * 2, 2 * (9,), [1] + [2], (1,) + (2,))\n"
        "l *= 2; print(l)\n"
        "t = (1,); t += (2,); print(t)",
        "[1, 2, 3, 4, 5] [0, 0, 0] [0, 0, 0] [] (1, 2, 1, 2) (9, 9) [1, 2] (1, 2)\n"
        "[1, 2, 3, 4, 5, 1, 2, 3, 4, 5]\n"
        "(1, 2)\n"
        "" },
    { "range",
        "r = range(10)\n"
        "print(list(r), list(range(10, 0, -3)), list(range(-5, 5, 4)), r[-1], r[3:7], r[::-2], range(5, 0, -1)[1:3], len(range(0, 100, 7)))\n"
        "print(5 in r, 10 in r, 3.0 in r, 4 in range(0, 10, 2), range(0, 10, 2).index(4), range(3).count(1), range(0) == range(5, 5), range(1, 3) == range(1, 3, 1))\n"
        "try:\n"
        "    range(3).index(9)\n"
        "except ValueError as e:\n"
        "    print('ValueError', e)\n"
        "try:\n"
        "    range(3)[3]\n"
        "except IndexError as e:\n"
        "    print('IndexError', e)",
        "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9] [10, 7, 4, 1] [-5, -1, 3] 9 range(3, 7) range(9, -1, -2) range(4, 2, -1) 15\n"
        "True False True True 2 1 True True\n"
        "ValueError 9 is not in range\n"
        "IndexError range object index out of range\n"
        "" },
    { "iteration",
        "l = [1, 2]\n"
        "for x in l:\n"
        "    if x < 4: l.append(x + 2)\n"
        "print(l)\n"
        "it = iter([1, 2]); print(next(it), next(it), next(it, 'end'), list(it))\n"
        "print(list(reversed([1, 2, 3])), list(enumerate((5, 6))), list(zip({1: 'a', 2: 'b'}, 'xy')), [*range(3), *{7: 0}])",
        "[1, 2, 3, 4, 5]\n"
        "1 2 end []\n"
        "[3, 2, 1] [(0, 5), (1, 6)] [(1, 'x'), (2, 'y')] [0, 1, 2, 7]\n"
        "" },
    { "contains",
        "print(2 in [1, 2], 3 in (1, 2), 'a' in {'a': 1}, 5 in {5}, (1, 2) in {(1, 2)}, [1] in [[1]], 1.0 in [1])\n"
        "try:\n"
        "    [1] in {1: 2}\n"
        "except TypeError as e:\n"
        "    print('TypeError', e)",
        "True False True True True True True\n"
        "TypeError unhashable type: 'list'\n"
        "" },
    { "views_live",
        "d = {'a': 1}\n"
        "k = d.keys(); v = d.values(); i = d.items()\n"
        "d['b'] = 2\n"
        "print(k, v, i, len(k), list(reversed(list(k))), k == {'a', 'b'}, k >= {'a'}, i == {('a', 1), ('b', 2)})",
        "dict_keys(['a', 'b']) dict_values([1, 2]) dict_items([('a', 1), ('b', 2)]) 2 ['b', 'a'] True True True\n"
        "" },
};

static VM *new_vm(void)
{
    VMConfig cfg = {0};
    cfg.filename = "t.py";
    return vm_new(&cfg);
}

static void test_slice_indices(void **state)
{
    (void)state;
    VM *vm = new_vm();
    /* slice(None, None, -1).indices(5) == (4, -1, -1); slice(-100, 100, 3).indices(10) == (0, 10, 3) */
    Slice s = { .start = VNONE, .stop = VNONE, .step = VINT(-1) };
    int64_t a, b, c, n;
    assert_int_equal(slice_indices(vm, &s, 5, &a, &b, &c, &n), 0);
    assert_int_equal(a, 4);
    assert_int_equal(b, -1);
    assert_int_equal(c, -1);
    assert_int_equal(n, 5);
    Slice t = { .start = VINT(-100), .stop = VINT(100), .step = VINT(3) };
    assert_int_equal(slice_indices(vm, &t, 10, &a, &b, &c, &n), 0);
    assert_int_equal(a, 0);
    assert_int_equal(b, 10);
    assert_int_equal(c, 3);
    assert_int_equal(n, 4);
    Slice z = { .start = VNONE, .stop = VNONE, .step = VINT(0) };
    assert_int_equal(slice_indices(vm, &z, 10, &a, &b, &c, &n), -1);
    Value e = vm_exc_take(vm);
    assert_string_equal(vm_to_str(vm, e)->data, "slice step cannot be zero");
    vm_free(vm);
}

static void test_tuple_hash(void **state)
{
    (void)state;
    VM *vm = new_vm();
    Value items[2] = { VINT(1), VINT(2) };
    Tuple *t = tuple_from(vm, items, 2);
    int64_t h;
    assert_int_equal(container_hash(vm, VOBJ(t), &h), 0);
    assert_true(h == -3550055125485641917LL);   /* hash((1, 2)) in python3.12 */
    assert_int_equal(container_hash(vm, VOBJ(vm->empty_tuple), &h), 0);
    assert_true(h == 5740354900026072187LL);    /* hash(()) */
    vm_free(vm);
}

static void test_list_sort_api(void **state)
{
    (void)state;
    VM *vm = new_vm();
    List *l = list_new(vm, 0);
    const int64_t v[] = { 5, -2, 9, 0, 5, 3 };
    for (int i = 0; i < 6; i++) list_append(vm, l, VINT(v[i]));
    assert_int_equal(list_sort(vm, l, VNULL, false), 0);
    const int64_t want[] = { -2, 0, 3, 5, 5, 9 };
    for (int i = 0; i < 6; i++) assert_int_equal(l->items[i].as.i, want[i]);
    assert_int_equal(list_sort(vm, l, VNULL, true), 0);
    for (int i = 0; i < 6; i++) assert_int_equal(l->items[i].as.i, want[5 - i]);
    assert_int_equal(container_len(vm, VOBJ(l)), 6);
    assert_int_equal(container_len(vm, VINT(3)), -1);
    assert_true(IS_NULL(container_iter(vm, VINT(3))));
    assert_true(IS_NULL(vm->exc));
    vm_free(vm);
}

static void test_programs(void **state)
{
    (void)state;
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_slice_indices),
        cmocka_unit_test(test_tuple_hash),
        cmocka_unit_test(test_list_sort_api),
        cmocka_unit_test(test_programs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
