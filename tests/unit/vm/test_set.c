/*
 * test_set.c - set and frozenset: the iteration order of CPython 3.12's hash
 * table (table size, probing, growth, dummies, how set operations build their
 * results), methods, operators and errors. Every expected text was recorded
 * from python3.12 (3.12.1) running the same program.
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
/* generated from CPython 3.12.1 (set_cases.py) */
static const Case cases[] = {
    { "small_ints",
        "print({3, 1, 2}, {10, 3}, {8, 0, 1})\n"
        "s = set()\n"
        "for x in [100, 5, 33]: s.add(x)\n"
        "print(s)",
        "{1, 2, 3} {10, 3} {8, 0, 1}\n"
        "{33, 100, 5}\n"
        "" },
    { "negative",
        "s = set()\n"
        "for x in [-1, -2, 0, -8, 7, -9]: s.add(x)\n"
        "print(s)",
        "{0, 7, -2, -9, -8, -1}\n"
        "" },
    { "growth",
        "s = set()\n"
        "for x in range(0, 200, 7): s.add(x)\n"
        "print(s)\n"
        "print(len(s))",
        "{0, 133, 7, 140, 14, 147, 21, 154, 28, 161, 35, 168, 42, 175, 49, 182, 56, 189, 63, 196, 70, 77, 84, 91, 98, 105, 112, 119, 126}\n"
        "29\n"
        "" },
    { "big_hashes",
        "s = set()\n"
        "for x in [2**61, 2**61 - 1, 2**62 + 5, -(2**61), 2**63 - 1, -2**63, 10**20, -10**20]: s.add(x)\n"
        "print(s)",
        "{2305843009213693951, 2305843009213693952, 9223372036854775807, 4611686018427387909, 100000000000000000000, -100000000000000000000, -9223372036854775808, -2305843009213693952}\n"
        "" },
    { "tuples",
        "s = set()\n"
        "for t in [(1, 2), (3, 4), (0,), (), (5, 6, 7), (-1, -2)]: s.add(t)\n"
        "print(s)\n"
        "print({(i, i * i) for i in range(6)})",
        "{(1, 2), (3, 4), (-1, -2), (5, 6, 7), (0,), ()}\n"
        "{(2, 4), (4, 16), (0, 0), (1, 1), (3, 9), (5, 25)}\n"
        "" },
    { "add_remove",
        "s = set()\n"
        "for i in range(40): s.add(i * 13)\n"
        "for i in range(0, 40, 3): s.discard(i * 13)\n"
        "for i in range(100, 110): s.add(i)\n"
        "print(s)",
        "{130, 260, 13, 143, 403, 26, 286, 416, 169, 299, 52, 182, 442, 65, 325, 455, 208, 338, 91, 221, 481, 100, 101, 102, 103, 104, 105, 106, 107, 364, 108, 494, 109, 247, 377}\n"
        "" },
    { "dummy_reuse",
        "s = {0, 1, 2, 3, 4}\n"
        "t = s.copy(); t.discard(2); t.discard(3); t.add(18); t.add(2); print(t)\n"
        "u = {1, 2, 3}; u.discard(1); u.add(9); print(u)",
        "{0, 1, 2, 18, 4}\n"
        "{9, 2, 3}\n"
        "" },
    { "copy_resizes",
        "s = set()\n"
        "for x in [0, 16, 1, 2, 3, 32, 48]: s.add(x)\n"
        "print(s, s.copy(), set(s), frozenset(s))",
        "{0, 1, 2, 3, 32, 16, 48} {0, 1, 2, 3, 32, 16, 48} {0, 1, 2, 3, 32, 16, 48} frozenset({0, 1, 2, 3, 32, 16, 48})\n"
        "" },
    { "operators",
        "a = set(); b = set()\n"
        "for x in [1, 9, 17, 25, 3, 40, 64]: a.add(x)\n"
        "for x in [64, 3, 100, 9, 8, 16]: b.add(x)\n"
        "print(a | b, b | a)\n"
        "print(a & b, b & a)\n"
        "print(a - b, b - a)\n"
        "print(a ^ b, b ^ a)",
        "{64, 1, 3, 100, 40, 9, 8, 16, 17, 25} {64, 1, 3, 100, 8, 9, 40, 16, 17, 25}\n"
        "{64, 9, 3} {64, 9, 3}\n"
        "{40, 1, 17, 25} {8, 16, 100}\n"
        "{16, 1, 17, 100, 8, 25, 40} {1, 100, 8, 40, 16, 17, 25}\n"
        "" },
    { "inplace",
        "a = set(range(0, 60, 6)); b = set(range(0, 60, 4))\n"
        "c = set(a); c |= b; print(c)\n"
        "c = set(a); c &= b; print(c)\n"
        "c = set(a); c -= b; print(c)\n"
        "c = set(a); c ^= b; print(c)",
        "{0, 4, 6, 8, 12, 16, 18, 20, 24, 28, 30, 32, 36, 40, 42, 44, 48, 52, 54, 56}\n"
        "{0, 36, 12, 48, 24}\n"
        "{6, 42, 18, 54, 30}\n"
        "{32, 4, 6, 8, 40, 42, 44, 16, 18, 20, 52, 54, 56, 28, 30}\n"
        "" },
    { "methods",
        "a = {1, 2, 3}\n"
        "print(a.union([9, 17], (33,)), a.intersection([3, 2, 99]), a.difference([1]), a.symmetric_difference([3, 4]))\n"
        "print(a.issubset([1, 2, 3, 4]), a.issuperset([1]), a.isdisjoint([7]), a <= {1, 2, 3}, a < {1, 2, 3})\n"
        "a.update([8, 16], {24}); print(a)\n"
        "a.intersection_update([1, 8, 16, 99]); print(a)\n"
        "a.difference_update([8]); print(a)\n"
        "a.symmetric_difference_update([1, 5]); print(a)",
        "{1, 2, 3, 33, 9, 17} {2, 3} {2, 3} {1, 2, 4}\n"
        "True True True True False\n"
        "{1, 2, 3, 8, 16, 24}\n"
        "{8, 1, 16}\n"
        "{1, 16}\n"
        "{5, 16}\n"
        "" },
    { "pop",
        "s = set()\n"
        "for x in [5, 13, 21, 2, 64]: s.add(x)\n"
        "print([s.pop() for _ in range(5)])\n"
        "s = {1, 2}; s.pop(); s.clear(); s.add(19); s.add(2**61 - 1); print(s.pop())",
        "[64, 2, 5, 13, 21]\n"
        "19\n"
        "" },
    { "errors",
        "s = {1}\n"
        "try:\n"
        "    s.remove(2)\n"
        "except KeyError as e:\n"
        "    print('KeyError', e)\n"
        "try:\n"
        "    set().pop()\n"
        "except KeyError as e:\n"
        "    print('KeyError', e)\n"
        "try:\n"
        "    {[1]}\n"
        "except TypeError as e:\n"
        "    print('TypeError', e)\n"
        "try:\n"
        "    {1} | [2]\n"
        "except TypeError as e:\n"
        "    print('TypeError', e)\n"
        "try:\n"
        "    for x in s: s.add(x + 1)\n"
        "except RuntimeError as e:\n"
        "    print('RuntimeError', e)",
        "KeyError 2\n"
        "KeyError 'pop from an empty set'\n"
        "TypeError unhashable type: 'list'\n"
        "TypeError unsupported operand type(s) for |: 'set' and 'list'\n"
        "RuntimeError Set changed size during iteration\n"
        "" },
    { "repr",
        "print(set(), frozenset(), frozenset({1}), {frozenset({2})}, {None, True}, {1.5, 2.5})\n"
        "print(repr({1, 2}), str(frozenset({3})), [{4}])",
        "set() frozenset() frozenset({1}) {frozenset({2})} {None, True} {1.5, 2.5}\n"
        "{1, 2} frozenset({3}) [{4}]\n"
        "" },
    { "comprehension",
        "print({x % 11 for x in range(0, 100, 7)}, {-x for x in range(10)})",
        "{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10} {0, -2, -9, -8, -7, -6, -5, -4, -3, -1}\n"
        "" },
    { "frozenset_hash",
        "print(hash(frozenset()), hash(frozenset({1, 2, 3})), hash(frozenset({(1, 2)})))\n"
        "print({frozenset({1}): 'a'}[frozenset([1])], frozenset({1, 2}) == {2, 1}, {1} in {frozenset({1})})",
        "133146708735736 -272375401224217160 3819360209092968377\n"
        "a True True\n"
        "" },
    { "bool_int_equal",
        "print({True, 2, 1.0, 0}, {1, 1.0, True}, len({0, False, 0.0}))",
        "{0, True, 2} {1} 1\n"
        "" },
    { "from_dict",
        "d = {}\n"
        "for k in [40, 8, 16, 3, 77, 24]: d[k] = 1\n"
        "print(set(d), set(d.keys()), {1, 2} | d.keys(), d.keys() & {8, 3, 5}, d.keys() - {40}, d.keys() ^ {3, 99}, {5, 8} ^ d.keys())",
        "{16, 3, 40, 8, 77, 24} {3, 40, 8, 77, 16, 24} {1, 2, 3, 40, 8, 77, 16, 24} {8, 3} {16, 3, 8, 77, 24} {16, 99, 40, 8, 77, 24} {3, 5, 40, 77, 16, 24}\n"
        "" },
};

int set_update_const(VM *vm, Set *so, const Value *items, size_t n);

static VM *new_vm(void)
{
    VMConfig cfg = {0};
    cfg.filename = "t.py";
    return vm_new(&cfg);
}

/* The set's items in iteration order, as ints. */
static size_t items_of(VM *vm, Set *s, int64_t *out, size_t max)
{
    Value it = container_iter(vm, VOBJ(s));
    assert_false(IS_NULL(it));
    size_t n = 0;
    Value v;
    while (vm_next(vm, it, &v) == 1) {
        assert_true(IS_INT(v));
        if (n < max) out[n] = v.as.i;
        n++;
    }
    return n;
}

static void test_api_order(void **state)
{
    (void)state;
    VM *vm = new_vm();
    Set *s = set_new(vm, TYPE(vm, set));
    assert_non_null(s);
    assert_int_equal(s->mask, 7);
    const int64_t add[] = { 100, 5, 33 };
    for (int i = 0; i < 3; i++) assert_int_equal(set_add(vm, s, VINT(add[i])), 0);
    assert_int_equal(set_add(vm, s, VINT(5)), 0);   /* already there */
    int64_t got[8];
    assert_int_equal(items_of(vm, s, got, 8), 3);
    /* python3.12: s = set(); [s.add(x) for x in (100, 5, 33)]; print(s) -> {33, 100, 5} */
    assert_int_equal(got[0], 33);
    assert_int_equal(got[1], 100);
    assert_int_equal(got[2], 5);
    assert_int_equal(set_contains(vm, s, VINT(33)), 1);
    assert_int_equal(set_contains(vm, s, VINT(34)), 0);
    assert_int_equal(set_discard(vm, s, VINT(33)), 1);
    assert_int_equal(set_discard(vm, s, VINT(33)), 0);
    assert_int_equal(s->used, 2);
    assert_int_equal(s->fill, 3);
    vm_free(vm);
}

static void test_api_growth(void **state)
{
    (void)state;
    VM *vm = new_vm();
    Set *s = set_new(vm, TYPE(vm, set));
    /* 8 slots hold 4 keys; the fifth grows the table to 32 (used * 4 = 20) */
    for (int i = 0; i < 4; i++) set_add(vm, s, VINT(i));
    assert_int_equal(s->mask, 7);
    set_add(vm, s, VINT(4));
    assert_int_equal(s->mask, 31);
    for (int i = 5; i < 18; i++) set_add(vm, s, VINT(i));
    assert_int_equal(s->mask, 31);
    set_add(vm, s, VINT(18));   /* the 19th key: 19 * 5 >= 31 * 3, room for 76 */
    assert_int_equal(s->mask, 127);
    vm_free(vm);
}

static void test_api_unhashable(void **state)
{
    (void)state;
    VM *vm = new_vm();
    Set *s = set_new(vm, TYPE(vm, set));
    List *l = list_new(vm, 0);
    assert_int_equal(set_add(vm, s, VOBJ(l)), -1);
    Value e = vm_exc_take(vm);
    assert_false(IS_NULL(e));
    Str *m = vm_to_str(vm, e);
    assert_string_equal(m->data, "unhashable type: 'list'");
    vm_free(vm);
}

/* {100, 5, 37} and {7, 15, 23}: constant displays go through a frozenset that
 * CPython's compiler rebuilds; python3.12 prints {5, 100, 37} and [23, 7, 15]. */
static void test_const_display(void **state)
{
    (void)state;
    VM *vm = new_vm();
    Set *s = set_new(vm, TYPE(vm, set));
    Value items[3] = { VINT(100), VINT(5), VINT(37) };
    assert_int_equal(set_update_const(vm, s, items, 3), 0);
    int64_t got[8];
    assert_int_equal(items_of(vm, s, got, 8), 3);
    assert_int_equal(got[0], 5);
    assert_int_equal(got[1], 100);
    assert_int_equal(got[2], 37);
    Set *t = set_new(vm, TYPE(vm, set));
    Value items2[3] = { VINT(7), VINT(15), VINT(23) };
    assert_int_equal(set_update_const(vm, t, items2, 3), 0);
    assert_int_equal(items_of(vm, t, got, 8), 3);
    assert_int_equal(got[0], 23);
    assert_int_equal(got[1], 7);
    assert_int_equal(got[2], 15);
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
        cmocka_unit_test(test_api_order),
        cmocka_unit_test(test_api_growth),
        cmocka_unit_test(test_api_unhashable),
        cmocka_unit_test(test_const_display),
        cmocka_unit_test(test_programs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
