/*
 * test_mathmod.c - the math module (src/vm/mathmod.c): int results where
 * CPython gives ints (big ones too), float results, exact summation, and
 * CPython's error messages. Each test imports math in a small program and
 * checks what it printed.
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

static char *run_math(const char *src)
{
    static const char *const modules[] = { "math", NULL };
    Capture out = { NULL, 0, 0 }, err = { NULL, 0, 0 };
    capture(&out, "", 0);
    capture(&err, "", 0);
    LangError e = { 0 };
    Proto *p = lang_compile(src, strlen(src), modules, &e);
    assert_non_null(p);
    VMConfig cfg = { .filename = "t.py", .source = src, .source_len = strlen(src),
                     .out = capture, .err = capture, .out_ud = &out, .err_ud = &err };
    VM *vm = vm_new(&cfg);
    math_module_new(vm);
    int status = vm_run_main(vm, p);
    vm_free(vm);
    assert_string_equal(err.data, "");
    assert_int_equal(status, 0);
    free(err.data);
    return out.data;
}

#define EXPECT_MATH(body, expected) do {                            \
        char *out_ = run_math("import math\n" body);               \
        assert_string_equal(out_, expected);                       \
        free(out_);                                                \
    } while (0)

static void test_floor_ceil_trunc_give_ints(void **state)
{
    (void)state;
    EXPECT_MATH("print(math.floor(-3.5), math.ceil(-0.5), math.trunc(-3.7), math.floor(True))\n"
                "print(type(math.floor(2.5)).__name__, math.floor(1e20), math.ceil(2**70 + 0.0))\n",
                "-4 0 -3 1\nint 100000000000000000000 1180591620717411303424\n");
}

static void test_integer_functions_are_exact_for_big_ints(void **state)
{
    (void)state;
    EXPECT_MATH("print(math.factorial(25), math.comb(60, 30), math.perm(20, 20) == math.factorial(20))\n"
                "print(math.gcd(2**100, 6**50), math.lcm(2**64, 3), math.isqrt(10**40 - 1), math.isqrt(2**64))\n",
                "15511210043330985984000000 118264581564861424 True\n"
                "1125899906842624 55340232221128654848 99999999999999999999 4294967296\n");
}

static void test_floats_and_logs(void **state)
{
    (void)state;
    EXPECT_MATH("print(math.sqrt(2), math.log(8, 2), math.log10(1000), math.log2(2**2000), math.hypot(3, 4))\n"
                "print(math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.prod([2, 3], start=7))\n",
                "1.4142135623730951 3.0 3.0 2000.0 5.0\n1.0 1.0 42\n");
}

static void test_errors_are_cpythons(void **state)
{
    (void)state;
    EXPECT_MATH("for f, a in [(math.sqrt, -1), (math.log, 0), (math.exp, 1000), (math.factorial, -1),\n"
                "             (math.factorial, 2.0), (math.floor, float('inf')), (math.sqrt, 'x'), (math.isqrt, -4)]:\n"
                "    try:\n        f(a)\n    except Exception as e:\n        print(type(e).__name__, e)\n",
                "ValueError math domain error\nValueError math domain error\nOverflowError math range error\n"
                "ValueError factorial() not defined for negative values\n"
                "TypeError 'float' object cannot be interpreted as an integer\n"
                "OverflowError cannot convert float infinity to integer\n"
                "TypeError must be real number, not str\n"
                "ValueError isqrt() argument must be nonnegative\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_floor_ceil_trunc_give_ints),
        cmocka_unit_test(test_integer_functions_are_exact_for_big_ints),
        cmocka_unit_test(test_floats_and_logs),
        cmocka_unit_test(test_errors_are_cpythons),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
