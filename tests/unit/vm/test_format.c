/*
 * test_format.c - format(), printf-style % and str.format / format_map,
 * compared with what CPython 3.12 produces (expected texts recorded from
 * python3.12). Errors are compared as "Type: message".
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

static VM *vm;

static int setup(void **state)
{
    (void)state;
    VMConfig cfg = {0};
    cfg.filename = "t.py";
    vm = vm_new(&cfg);
    return vm ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    vm_free(vm);
    vm = NULL;
    return 0;
}

static Value S(const char *s) { return vm_str(vm, s); }

static char text[1024];

static const char *exc_text(void)
{
    Value e = vm_exc_take(vm);
    Str *m = vm_to_str(vm, e);
    snprintf(text, sizeof text, "%s: %s", vm_type_name(vm, e), m ? m->data : "?");
    return text;
}

/* The str itself (not its repr), or the exception. */
static const char *T(Str *s)
{
    if (!s)
        return exc_text();
    snprintf(text, sizeof text, "%s", s->data);
    return text;
}

static const char *TV(Value v)
{
    if (IS_NULL(v))
        return exc_text();
    if (!IS_STR(v))
        return "<not a str>";
    return T(AS_STR(v));
}

static Str *FMT(Value v, const char *spec) { return vm_format(vm, v, str_from_cstr(vm, spec)); }

static Value tup(int n, ...)
{
    Tuple *t = tuple_new(vm, (size_t)n);
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        t->items[i] = va_arg(ap, Value);
    va_end(ap);
    return VOBJ(t);
}

static Str *PCT(const char *fmt, Value args) { return vm_percent_format(vm, str_from_cstr(vm, fmt), args); }

/* fmt.format(*pos, **{k: v}) with up to 4 positional and 2 keyword arguments. */
static Value SF(const char *fmt, int npos, Value *pos, int nkw, const char **keys, Value *kwv)
{
    Value args[8];
    for (int i = 0; i < npos; i++)
        args[i] = pos[i];
    Tuple *kw = NULL;
    if (nkw) {
        kw = tuple_new(vm, (size_t)nkw);
        for (int i = 0; i < nkw; i++) {
            kw->items[i] = VOBJ(str_intern(vm, keys[i], strlen(keys[i])));
            args[npos + i] = kwv[i];
        }
    }
    Value m = vm_getattr_cstr(vm, S(fmt), "format");
    if (IS_NULL(m))
        return m;
    return vm_call(vm, m, args, npos, kw);
}

#define P(...) ((Value[]){__VA_ARGS__})

static void test_format_builtin(void **state)
{
    (void)state;
    assert_string_equal(T(FMT(VBOOL(true), "")), "True");
    assert_string_equal(T(FMT(VBOOL(true), "d")), "1");
    assert_string_equal(T(FMT(VBOOL(true), ">5")), "    1");
    assert_string_equal(T(FMT(VBOOL(true), "s")), "ValueError: Unknown format code 's' for object of type 'bool'");
    assert_string_equal(T(FMT(VINT(1234567), ",")), "1,234,567");
    assert_string_equal(T(FMT(VINT(1), "q")), "ValueError: Unknown format code 'q' for object of type 'int'");
    assert_string_equal(T(FMT(VFLOAT(1.5), "")), "1.5");
    assert_string_equal(T(FMT(VFLOAT(12345.678), ",.2f")), "12,345.68");
    assert_string_equal(T(FMT(VFLOAT(1.5), "d")), "ValueError: Unknown format code 'd' for object of type 'float'");
    assert_string_equal(T(FMT(S("ab"), "^6")), "  ab  ");
    assert_string_equal(T(FMT(S("a"), "d")), "ValueError: Unknown format code 'd' for object of type 'str'");
    assert_string_equal(T(FMT(VNONE, "")), "None");
    assert_string_equal(T(FMT(VNONE, ">5")), "TypeError: unsupported format string passed to NoneType.__format__");
    List *l = list_new(vm, 0);
    list_append(vm, l, VINT(1));
    assert_string_equal(T(FMT(VOBJ(l), "")), "[1]");
    assert_string_equal(T(FMT(VOBJ(l), ">5")), "TypeError: unsupported format string passed to list.__format__");
}

static void test_percent(void **state)
{
    (void)state;
    assert_string_equal(T(PCT("%5s|%-5s|", tup(2, S("a"), S("b")))), "    a|b    |");
    assert_string_equal(T(PCT("%05d|%+d|% d|%#x|%#o|%X", tup(6, VINT(42), VINT(42), VINT(42), VINT(255), VINT(8), VINT(255)))),
                        "00042|+42| 42|0xff|0o10|FF");
    assert_string_equal(T(PCT("%e|%E|%g|%G|%.3f|%10.2f", tup(6, VFLOAT(1.5), VFLOAT(1.5), VFLOAT(1e20), VFLOAT(1e-20), VFLOAT(3.14159), VFLOAT(2.5)))),
                        "1.500000e+00|1.500000E+00|1e+20|1E-20|3.142|      2.50");
    assert_string_equal(T(PCT("%c%c", tup(2, VINT(65), S("b")))), "Ab");
    assert_string_equal(T(PCT("%*d|%-*d|%.*f", tup(6, VINT(5), VINT(1), VINT(5), VINT(2), VINT(2), VFLOAT(3.14159)))),
                        "    1|2    |3.14");
    assert_string_equal(T(PCT("%*d|", tup(2, VINT(-5), VINT(1)))), "1    |");
    assert_string_equal(T(PCT("%.3s|%5.1s|", tup(2, S("abcdef"), S("xyz")))), "abc|    x|");
    assert_string_equal(T(PCT("%d", VFLOAT(-3.99))), "-3");
    assert_string_equal(T(PCT("%r", S("a"))), "'a'");
    assert_string_equal(T(PCT("%a", S("\xc3\xa9\n"))), "'\\xe9\\n'");
    assert_string_equal(T(PCT("%s", VNONE)), "None");
    assert_string_equal(T(PCT("%d%%", VINT(50))), "50%");
    assert_string_equal(T(PCT("%s", tup(1, tup(2, VINT(1), VINT(2))))), "(1, 2)");

    Dict *d = dict_new(vm);
    dict_set(vm, d, S("x"), VINT(1));
    dict_set(vm, d, S("y"), S("q"));
    assert_string_equal(T(PCT("%(x)s-%(y)r", VOBJ(d))), "1-'q'");
    assert_string_equal(T(PCT("%(z)s", VOBJ(d))), "KeyError: 'z'");
    assert_string_equal(T(PCT("%(x)s %s", VOBJ(d))), "TypeError: not enough arguments for format string");
    assert_string_equal(T(PCT("a", VOBJ(list_new(vm, 0)))), "a");

    assert_string_equal(T(PCT("%d", S("a"))), "TypeError: %d format: a real number is required, not str");
    assert_string_equal(T(PCT("%x", VFLOAT(1.5))), "TypeError: %x format: an integer is required, not float");
    assert_string_equal(T(PCT("%f", S("a"))), "TypeError: must be real number, not str");
    assert_string_equal(T(PCT("%d %d", tup(1, VINT(1)))), "TypeError: not enough arguments for format string");
    assert_string_equal(T(PCT("%d", tup(2, VINT(1), VINT(2)))), "TypeError: not all arguments converted during string formatting");
    assert_string_equal(T(PCT("", VINT(1))), "TypeError: not all arguments converted during string formatting");
    assert_string_equal(T(PCT("%(a)s", VINT(1))), "TypeError: format requires a mapping");
    assert_string_equal(T(PCT("%q", VINT(1))), "ValueError: unsupported format character 'q' (0x71) at index 1");
    assert_string_equal(T(PCT("%", VINT(1))), "ValueError: incomplete format");
    assert_string_equal(T(PCT("%c", S("ab"))), "TypeError: %c requires int or char");
    assert_string_equal(T(PCT("%c", VINT(-1))), "OverflowError: %c arg not in range(0x110000)");
    assert_string_equal(T(PCT("%*d", tup(2, S("a"), VINT(1)))), "TypeError: * wants int");
    assert_string_equal(T(PCT("%(a", VOBJ(dict_new(vm)))), "ValueError: incomplete format key");
    assert_string_equal(T(PCT("%5%", tup(1, VINT(1)))), "ValueError: unsupported format character '%' (0x25) at index 2");
}

static void test_str_format(void **state)
{
    (void)state;
    const char *k1[] = {"name"};
    assert_string_equal(TV(SF("{} and {:>5}|{!r}", 3, P(VINT(1), S("x"), S("q")), 0, NULL, NULL)), "1 and     x|'q'");
    assert_string_equal(TV(SF("{0} {0}", 1, P(S("x")), 0, NULL, NULL)), "x x");
    assert_string_equal(TV(SF("{name}", 0, NULL, 1, k1, P(S("y")))), "y");
    assert_string_equal(TV(SF("{{}}{{{0}}}", 1, P(VINT(5)), 0, NULL, NULL)), "{}{5}");
    const char *k2[] = {"w", "p"};
    assert_string_equal(TV(SF("{:>{w}.{p}f}", 1, P(VFLOAT(3.14159)), 2, k2, P(VINT(10), VINT(2)))), "      3.14");
    assert_string_equal(TV(SF("{:{}}{}", 3, P(S("a"), VINT(5), S("b")), 0, NULL, NULL)), "a    b");
    assert_string_equal(TV(SF("{0:{1}{2}}", 4, P(VINT(1), S(">"), VINT(5), VINT(6)), 0, NULL, NULL)), "    1");
    List *l = list_new(vm, 0);
    list_append(vm, l, VINT(7));
    assert_string_equal(TV(SF("{[0]}", 1, P(VOBJ(l)), 0, NULL, NULL)), "7");
    assert_string_equal(TV(SF("{0[0]}", 1, P(S("ab")), 0, NULL, NULL)), "a");
    Dict *d = dict_new(vm);
    dict_set(vm, d, S("a"), VINT(1));
    assert_string_equal(TV(SF("{0[a]}", 1, P(VOBJ(d)), 0, NULL, NULL)), "1");
    assert_string_equal(TV(SF("{0[x]}", 1, P(VOBJ(d)), 0, NULL, NULL)), "KeyError: 'x'");
    assert_string_equal(TV(SF("{0!a}", 1, P(S("\xc3\xa9")), 0, NULL, NULL)), "'\\xe9'");

    assert_string_equal(TV(SF("{0}{1}", 1, P(VINT(1)), 0, NULL, NULL)),
                        "IndexError: Replacement index 1 out of range for positional args tuple");
    assert_string_equal(TV(SF("{}{0}", 2, P(VINT(1), VINT(2)), 0, NULL, NULL)),
                        "ValueError: cannot switch from automatic field numbering to manual field specification");
    assert_string_equal(TV(SF("{0}{}", 2, P(VINT(1), VINT(2)), 0, NULL, NULL)),
                        "ValueError: cannot switch from manual field specification to automatic field numbering");
    assert_string_equal(TV(SF("{x}", 1, P(VINT(1)), 0, NULL, NULL)), "KeyError: 'x'");
    assert_string_equal(TV(SF("{", 1, P(VINT(1)), 0, NULL, NULL)), "ValueError: Single '{' encountered in format string");
    assert_string_equal(TV(SF("}", 1, P(VINT(1)), 0, NULL, NULL)), "ValueError: Single '}' encountered in format string");
    assert_string_equal(TV(SF("{0!}", 1, P(VINT(1)), 0, NULL, NULL)), "ValueError: unmatched '{' in format spec");
    assert_string_equal(TV(SF("{0!rx}", 1, P(VINT(1)), 0, NULL, NULL)), "ValueError: expected ':' after conversion specifier");
    assert_string_equal(TV(SF("{0", 1, P(VINT(1)), 0, NULL, NULL)), "ValueError: expected '}' before end of string");
    assert_string_equal(TV(SF("{0{}", 1, P(VINT(1)), 0, NULL, NULL)), "ValueError: unexpected '{' in field name");
    assert_string_equal(TV(SF("{!x}", 1, P(VINT(1)), 0, NULL, NULL)), "ValueError: Unknown conversion specifier x");
    assert_string_equal(TV(SF("{0.}", 1, P(VINT(1)), 0, NULL, NULL)), "ValueError: Empty attribute in format string");
    assert_string_equal(TV(SF("{0[0]x}", 1, P(VOBJ(l)), 0, NULL, NULL)),
                        "ValueError: Only '.' or '[' may follow ']' in format field specifier");
    assert_string_equal(TV(SF("{0:{1:{2}}}", 3, P(VINT(1), VINT(2), VINT(3)), 0, NULL, NULL)),
                        "ValueError: Max string recursion exceeded");
    assert_string_equal(TV(SF("{:d}", 1, P(S("a")), 0, NULL, NULL)),
                        "ValueError: Unknown format code 'd' for object of type 'str'");

    Value fm = vm_getattr_cstr(vm, S("{a}-{a!r}"), "format_map");
    Dict *m = dict_new(vm);
    dict_set(vm, m, S("a"), S("v"));
    assert_string_equal(TV(vm_call1(vm, fm, VOBJ(m))), "v-'v'");
    fm = vm_getattr_cstr(vm, S("{}"), "format_map");
    assert_string_equal(TV(vm_call1(vm, fm, VOBJ(m))), "ValueError: Format string contains positional fields");
}

/* Runs a program on a fresh VM; returns its stdout (static buffer). */
static char prog_out[8192];
static size_t prog_len;
static void prog_write(void *ud, const char *s, size_t n)
{
    (void)ud;
    if (prog_len + n < sizeof prog_out) {
        memcpy(prog_out + prog_len, s, n);
        prog_len += n;
        prog_out[prog_len] = 0;
    }
}

static const char *run_program(const char *src)
{
    static const char *const mods[] = {"sys", "time", "gc", "random", NULL};
    LangError err;
    Proto *p = lang_compile(src, strlen(src), mods, &err);
    if (!p)
        fail_msg("%d:%d %s", err.line, err.col, err.message);
    VMConfig cfg = {0};
    cfg.filename = "t.py";
    cfg.source = src;
    cfg.source_len = strlen(src);
    cfg.out = prog_write;
    cfg.err = prog_write;
    prog_len = 0;
    prog_out[0] = 0;
    VM *v = vm_new(&cfg);
    int status = vm_run_main(v, p);
    vm_free(v);
    assert_int_equal(status, 0);
    return prog_out;
}

/* Natives that call back into Python keep their temporaries alive without
 * the fixed root stack: deep recursion through max/sum/sorted/format works. */
static void test_recursion_through_natives(void **state)
{
    (void)state;
    assert_string_equal(run_program(
        "def depth(n):\n"
        "    return 0 if n == 0 else 1 + max(depth(k) for k in [n - 1])\n"
        "def tot(n):\n"
        "    return 0 if n == 0 else n + sum(tot(k) for k in [n - 1])\n"
        "class F:\n"
        "    def __init__(self, n): self.n = n\n"
        "    def __format__(self, spec):\n"
        "        return 'x' if self.n == 0 else '<{}>'.format(F(self.n - 1))\n"
        "print(depth(150), tot(150), len(format(F(100))), f'{F(2)}', '{0.n}'.format(F(7)))\n"),
        "150 11325 201 <<x>> 7\n");
}

/* The values natives hold across calls into Python stay rooted while the
 * collector runs inside those calls (gc.collect() in keys, comparisons,
 * predicates, iterators and format fields). */
static void test_collect_inside_natives(void **state)
{
    (void)state;
    assert_string_equal(run_program(
        "import gc\n"
        "class K:\n"
        "    def __init__(self, v): self.v = v\n"
        "    def __lt__(self, o): gc.collect(); return self.v < o.v\n"
        "    def __gt__(self, o): gc.collect(); return self.v > o.v\n"
        "def key(x):\n"
        "    gc.collect()\n"
        "    return K([x, str(x) * 2])\n"
        "print(max(range(5), key=key), min(range(5), key=key), sorted(['b', 'c', 'a'], key=key))\n"
        "print(sum([1.5, 2, K(3).v]), list(filter(lambda s: gc.collect() >= 0, (str(i) * 2 for i in range(3)))))\n"
        "print(dict(zip(map(str, range(3)), (gc.collect() * 0 + i for i in range(3)))), ''.join(str(gc.collect() * 0 + i) for i in range(3)))\n"
        "print('{0[a]}|{1.v!r:>8}'.format({'a': [gc.collect() * 0 + 1]}, K('x' * 3)))\n"),
        "4 0 ['a', 'b', 'c']\n"
        "6.5 ['00', '11', '22']\n"
        "{'0': 0, '1': 1, '2': 2} 012\n"
        "[1]|   'xxx'\n");
}

/* Every vm_push_root has its vm_pop_root, on the error paths too. */
static void test_roots_balanced(void **state)
{
    (void)state;
    int n0 = vm->nroots;
    Dict *d = dict_new(vm);
    dict_set(vm, d, S("a"), VINT(1));
    assert_string_equal(TV(SF("{0[x]}", 1, P(VOBJ(d)), 0, NULL, NULL)), "KeyError: 'x'");
    assert_string_equal(TV(SF("{0.}", 1, P(VINT(1)), 0, NULL, NULL)), "ValueError: Empty attribute in format string");
    assert_string_equal(TV(SF("{0[a]x}", 1, P(VOBJ(d)), 0, NULL, NULL)),
                        "ValueError: Only '.' or '[' may follow ']' in format field specifier");
    assert_string_equal(TV(SF("{0.nope}", 1, P(VINT(1)), 0, NULL, NULL)),
                        "AttributeError: 'int' object has no attribute 'nope'");
    assert_string_equal(TV(SF("{!x}", 1, P(VINT(1)), 0, NULL, NULL)), "ValueError: Unknown conversion specifier x");
    assert_string_equal(TV(SF("{0[a]!r:>3}", 1, P(VOBJ(d)), 0, NULL, NULL)), "  1");
    assert_int_equal(vm->nroots, n0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_builtin),
        cmocka_unit_test(test_percent),
        cmocka_unit_test(test_str_format),
        cmocka_unit_test(test_recursion_through_natives),
        cmocka_unit_test(test_collect_inside_natives),
        cmocka_unit_test(test_roots_balanced),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
