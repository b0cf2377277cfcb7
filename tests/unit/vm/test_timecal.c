/*
 * test_timecal.c - the time module's calendar (timecal.c): gmtime, localtime,
 * mktime, strftime, asctime, struct_time, compared with what CPython 3.12
 * prints with TZ=UTC (each expected text recorded from python3.12).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "vm.h"

static VM *vm;
static Value timemod;

static void discard(void *ud, const char *s, size_t n)
{
    (void)ud; (void)s; (void)n;
}

static int setup(void **state)
{
    (void)state;
    VMConfig cfg = {0};
    cfg.filename = "t.py";
    cfg.out = discard;
    cfg.err = discard;
    vm = vm_new(&cfg);
    if (!vm)
        return -1;
    timemod = dict_get_str(vm->modules, str_intern(vm, "time", 4));
    return IS_NULL(timemod) ? -1 : 0;
}

static int teardown(void **state)
{
    (void)state;
    vm_free(vm);
    vm = NULL;
    return 0;
}

/* repr of a result, or "ExcType: message" when it raised. */
static char result_text[1024];
static const char *R(Value v)
{
    if (IS_NULL(v)) {
        Value e = vm_exc_take(vm);
        Str *m = vm_to_str(vm, e);
        snprintf(result_text, sizeof result_text, "%s: %s", vm_type_name(vm, e), m ? m->data : "?");
        return result_text;
    }
    Str *r = vm_repr(vm, v);
    snprintf(result_text, sizeof result_text, "%s", r ? r->data : "<repr failed>");
    return result_text;
}

/* time.name(args...) */
static Value T(const char *name, int n, ...)
{
    Value args[4];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        args[i] = va_arg(ap, Value);
    va_end(ap);
    Value f = vm_getattr_cstr(vm, timemod, name);
    return IS_NULL(f) ? f : vm_call(vm, f, args, n, NULL);
}

static Value S(const char *s) { return vm_str(vm, s); }

#define CHECK(expr, expected) assert_string_equal(R(expr), expected)

static void test_gmtime(void **state)
{
    (void)state;
    CHECK(T("gmtime", 1, VFLOAT(-1.5)),
          "time.struct_time(tm_year=1969, tm_mon=12, tm_mday=31, tm_hour=23, tm_min=59, tm_sec=58, "
          "tm_wday=2, tm_yday=365, tm_isdst=0)");
    /* no argument: the virtual clock's epoch */
    CHECK(T("localtime", 0),
          "time.struct_time(tm_year=2023, tm_mon=11, tm_mday=14, tm_hour=22, tm_min=13, tm_sec=20, "
          "tm_wday=1, tm_yday=318, tm_isdst=0)");
    CHECK(vm_getattr_cstr(vm, T("gmtime", 1, VINT(0)), "tm_zone"), "'GMT'");
    CHECK(vm_getattr_cstr(vm, T("localtime", 1, VINT(0)), "tm_zone"), "'UTC'");
    CHECK(T("gmtime", 1, S("x")), "TypeError: 'str' object cannot be interpreted as an integer");
}

static void test_strftime_dates(void **state)
{
    (void)state;
    static const struct { int64_t secs; const char *fmt, *asc; } cases[] = {
        { 951782400, "'2000-02-29 060 Tue 09 09 09 2000'", "'Tue Feb 29 00:00:00 2000'" },
        { -34560000, "'1968-11-27 332 Wed 47 48 48 1968'", "'Wed Nov 27 00:00:00 1968'" },
        { 1704067200, "'2024-01-01 001 Mon 00 01 01 2024'", "'Mon Jan  1 00:00:00 2024'" },
        { 1735603200, "'2024-12-31 366 Tue 52 53 01 2025'", "'Tue Dec 31 00:00:00 2024'" },
        { 1609459200, "'2021-01-01 001 Fri 00 00 53 2020'", "'Fri Jan  1 00:00:00 2021'" },
        { 4102444800, "'2100-01-01 001 Fri 00 00 53 2099'", "'Fri Jan  1 00:00:00 2100'" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Value t = T("gmtime", 1, VINT(cases[i].secs));
        CHECK(T("strftime", 2, S("%Y-%m-%d %j %a %U %W %V %G"), t), cases[i].fmt);
        CHECK(T("asctime", 1, t), cases[i].asc);
        char secs[32];
        snprintf(secs, sizeof secs, "%lld.0", (long long)cases[i].secs);
        CHECK(T("mktime", 1, t), secs);
    }
}

static void test_strftime_directives(void **state)
{
    (void)state;
    CHECK(T("strftime", 2, S("%c|%x|%X|%p|%I|%Z|%z|%%|%q"), T("localtime", 1, VINT(1700000000))),
          "'Tue Nov 14 22:13:20 2023|11/14/23|22:13:20|PM|10|UTC|+0000|%|%q'");
    CHECK(T("strftime", 1, S("%H:%M:%S")), "'22:13:20'");
    Value bad[2] = { VINT(1), VINT(2) };
    CHECK(T("strftime", 2, S("%Y"), VOBJ(tuple_from(vm, bad, 2))), "TypeError: strftime(): illegal time tuple argument");
    /* out-of-range fields carry over, as C's mktime */
    Value f[9] = { VINT(2023), VINT(14), VINT(40), VINT(25), VINT(61), VINT(0), VINT(0), VINT(1), VINT(0) };
    CHECK(T("mktime", 1, VOBJ(tuple_from(vm, f, 9))), "1710208860.0");
    CHECK(T("ctime", 1, VFLOAT(1e9)), "'Sun Sep  9 01:46:40 2001'");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gmtime),
        cmocka_unit_test(test_strftime_dates),
        cmocka_unit_test(test_strftime_directives),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
