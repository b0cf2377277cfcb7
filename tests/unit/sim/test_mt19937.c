/*
 * test_mt19937.c - the Mersenne Twister gives the reference outputs, and
 * CPython's words for CPython's seeds (the expected values below were
 * printed by CPython 3.12: random.Random(seed).getrandbits(32), random()).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "mt19937.h"

/* The generator's authors' reference: init_genrand(5489), first output. */
static void test_reference_word_seed(void **state)
{
    (void)state;
    MT mt;
    mt_seed_word(&mt, 5489u);
    assert_int_equal(mt_next(&mt), 3499211612u);
}

/* The authors' init_by_array({0x123, 0x234, 0x345, 0x456}) outputs. */
static void test_reference_key_seed(void **state)
{
    (void)state;
    static const uint32_t key[] = { 0x123, 0x234, 0x345, 0x456 };
    static const uint32_t want[] = { 1067595299u, 955945823u, 477289528u, 4107218783u, 4228976476u };
    MT mt;
    mt_seed_key(&mt, key, 4);
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        assert_int_equal(mt_next(&mt), want[i]);
}

/* random.seed(42): the int's one 32-bit word is the key. */
static void test_cpython_seed_42(void **state)
{
    (void)state;
    static const uint32_t key[] = { 42 };
    MT mt;
    mt_seed_key(&mt, key, 1);
    assert_int_equal(mt_next(&mt), 2746317213u);
    assert_int_equal(mt_next(&mt), 478163327u);
    assert_int_equal(mt_next(&mt), 107420369u);
    mt_seed_key(&mt, key, 1);
    assert_true(mt_double(&mt) == 0.6394267984578837);
}

/* random.seed(0) seeds with the key {0}, as an empty key does. */
static void test_cpython_seed_zero(void **state)
{
    (void)state;
    static const uint32_t zero[] = { 0 };
    MT a, b;
    mt_seed_key(&a, zero, 1);
    mt_seed_key(&b, NULL, 0);
    assert_int_equal(mt_next(&a), 3626764237u);
    assert_int_equal(mt_next(&b), 3626764237u);
}

/* random.seed(2**40 + 5): two words, least significant first; and past the
 * 624th output the state regenerates (the index wraps). */
static void test_cpython_two_word_seed(void **state)
{
    (void)state;
    static const uint32_t key[] = { 5, 256 };
    MT mt;
    mt_seed_key(&mt, key, 2);
    assert_int_equal(mt_next(&mt), 2166296868u);
    for (int i = 1; i < MT_N; i++)
        (void)mt_next(&mt);
    assert_int_equal(mt.index, MT_N);
    (void)mt_next(&mt);
    assert_int_equal(mt.index, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reference_word_seed),
        cmocka_unit_test(test_reference_key_seed),
        cmocka_unit_test(test_cpython_seed_42),
        cmocka_unit_test(test_cpython_seed_zero),
        cmocka_unit_test(test_cpython_two_word_seed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
