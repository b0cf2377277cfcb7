/*
 * test_timerheap.c - the timer heap pops in exactly heapq's order, equal
 * deadlines included (the orders below were recorded from CPython 3.12's
 * heapq on the same pushes and pops).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "timerheap.h"

static SimTimer timer(double when, uint32_t id)
{
    SimTimer t = { when, id, NULL };
    return t;
}

static void test_equal_deadlines_are_not_fifo(void **state)
{
    (void)state;
    SimTimerHeap h;
    sim_heap_init(&h);
    for (uint32_t i = 0; i < 6; i++)
        sim_heap_push(&h, timer(1.0, i));
    const uint32_t expected[6] = { 0, 2, 5, 4, 1, 3 };
    for (int i = 0; i < 6; i++)
        assert_int_equal(sim_heap_pop(&h).id, expected[i]);
    assert_int_equal(h.len, 0);
    sim_heap_free(&h);
}

/* Deadlines 1.0, 2.0 and 3.0 in a fixed pseudo-random order. */
static const double deadlines[20] = { 3, 2, 3, 2, 3, 3, 3, 3, 1, 2, 1, 3, 1, 1, 1, 2, 2, 1, 2, 3 };

static void test_interleaved_pushes_and_pops(void **state)
{
    (void)state;
    SimTimerHeap h;
    sim_heap_init(&h);
    for (uint32_t i = 0; i < 20; i++)
        sim_heap_push(&h, timer(deadlines[i], i));
    uint32_t got[26];
    int n = 0;
    for (int k = 0; k < 7; k++)
        got[n++] = sim_heap_pop(&h).id;
    for (uint32_t i = 20; i < 26; i++)
        sim_heap_push(&h, timer(2.0, i));
    while (h.len)
        got[n++] = sim_heap_pop(&h).id;
    const uint32_t expected[26] = { 8, 12, 13, 14, 10, 17, 18, 1, 20, 21, 25, 24, 23,
                                    22, 9, 3, 16, 15, 6, 19, 0, 2, 11, 4, 7, 5 };
    assert_int_equal(n, 26);
    for (int i = 0; i < 26; i++)
        assert_int_equal(got[i], expected[i]);
    sim_heap_free(&h);
}

static void test_heapify_matches_heapq(void **state)
{
    (void)state;
    SimTimerHeap h;
    sim_heap_init(&h);
    /* a list in arbitrary order, as before heapq.heapify */
    SimTimer items[20];
    for (uint32_t i = 0; i < 20; i++)
        items[i] = timer(deadlines[i], i);
    h.items = malloc(sizeof items);
    assert_non_null(h.items);
    memcpy(h.items, items, sizeof items);
    h.len = h.cap = 20;
    sim_heap_heapify(&h);
    const uint32_t expected[20] = { 14, 13, 12, 10, 17, 8, 18, 9, 1, 15, 3, 16, 6, 2, 19, 5, 11, 0, 4, 7 };
    for (int i = 0; i < 20; i++)
        assert_int_equal(sim_heap_pop(&h).id, expected[i]);
    sim_heap_free(&h);
}

static void test_earlier_deadline_first(void **state)
{
    (void)state;
    SimTimerHeap h;
    sim_heap_init(&h);
    sim_heap_push(&h, timer(5.0, 1));
    sim_heap_push(&h, timer(0.5, 2));
    sim_heap_push(&h, timer(2.5, 3));
    assert_true(sim_heap_top(&h)->when == 0.5);
    assert_int_equal(sim_heap_pop(&h).id, 2);
    assert_int_equal(sim_heap_pop(&h).id, 3);
    assert_int_equal(sim_heap_pop(&h).id, 1);
    assert_null(sim_heap_top(&h));
    sim_heap_free(&h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_equal_deadlines_are_not_fifo),
        cmocka_unit_test(test_interleaved_pushes_and_pops),
        cmocka_unit_test(test_heapify_matches_heapq),
        cmocka_unit_test(test_earlier_deadline_first),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
