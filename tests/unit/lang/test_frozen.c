/*
 * test_frozen.c - proto_freeze/proto_thaw: a thawed tree is the compiled
 * one field for field (its listing and its bytes again), and bytes that
 * end early or run on are refused.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "frozen.h"
#include "lang.h"

static const char *const MODS[] = {"asyncio", NULL};

/* every kind of constant, nested code, cells made from parameters, free
 * variables, keyword-only and positional-only parameters, a class body */
static const char SRC[] =
    "import asyncio\n"
    "BIG = 123456789012345678901234567890\n"
    "F = (1.5, -2, 'a\\x00b', b'\\x00yz', None, True, False, ..., (1, ('x',)))\n"
    "def outer(a, /, b=2, *args, c, d=4, **kw):\n"
    "    'doc'\n"
    "    def inner():\n"
    "        return a + c\n"
    "    return inner, [x * 2 for x in args], lambda: b\n"
    "class K:\n"
    "    z = 0x10 ** 40\n"
    "    async def m(self):\n"
    "        await asyncio.sleep(0)\n"
    "        yield self\n";

static void append(void *ud, const char *s, size_t n)
{
    char **buf = ud;
    size_t have = *buf ? strlen(*buf) : 0;
    *buf = realloc(*buf, have + n + 1);
    memcpy(*buf + have, s, n);
    (*buf)[have + n] = 0;
}

static char *listing(const Proto *p)
{
    char *buf = NULL;
    proto_disassemble(p, append, &buf);
    return buf;
}

static Proto *compile_src(void)
{
    LangError err;
    Proto *p = lang_compile(SRC, sizeof SRC - 1, MODS, &err);
    if (!p)
        fail_msg("%d:%d %s", err.line, err.col, err.message);
    return p;
}

static void test_round_trip(void **state)
{
    (void)state;
    Proto *p = compile_src();
    size_t len, len2;
    unsigned char *bytes = proto_freeze(p, &len);
    Proto *back = proto_thaw(bytes, len);
    assert_non_null(back);
    char *a = listing(p), *b = listing(back);
    assert_string_equal(a, b);
    unsigned char *again = proto_freeze(back, &len2);
    assert_int_equal(len, len2);
    assert_memory_equal(bytes, again, len);
    free(a);
    free(b);
    free(again);
    free(bytes);
    proto_free(back);
    proto_free(p);
}

static void test_bad_bytes(void **state)
{
    (void)state;
    Proto *p = compile_src();
    size_t len;
    unsigned char *bytes = proto_freeze(p, &len);
    for (size_t cut = 0; cut < len; cut += len / 97 + 1)
        assert_null(proto_thaw(bytes, cut));
    unsigned char *longer = malloc(len + 1);
    memcpy(longer, bytes, len);
    longer[len] = 0;
    assert_null(proto_thaw(longer, len + 1));
    free(longer);
    free(bytes);
    proto_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_bad_bytes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
