/*
 * test_loop.c - one event-loop iteration, ordered as CPython 3.12's
 * _run_once (the expectations are the behaviours documented and verified in
 * shared/reference/asyncio-semantics.md, section 1).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "loop.h"

static int64_t order[128];
static int norder;
static SimLoop *the_loop;

static int record(VM *vm, SimHandle *h)
{
    (void)vm;
    order[norder++] = h->data.as.i;
    return 0;
}

/* Schedules a follow-up: call_soon(tag + 100) and call_later(0, tag + 200). */
static int record_and_schedule(VM *vm, SimHandle *h)
{
    record(vm, h);
    SimHandle *a = sim_call_later(the_loop, 0, record, VNULL, VNULL);
    a->data = VINT(h->data.as.i + 200);
    SimHandle *b = sim_call_soon(the_loop, record, VNULL, VNULL);
    b->data = VINT(h->data.as.i + 100);
    return 0;
}

static int raise_error(VM *vm, SimHandle *h)
{
    (void)h;
    vm_raise(vm, EXC_ValueError, "boom");
    return -1;
}

static VM *vm;
static SimLoop loop;

static int setup(void **state)
{
    (void)state;
    VMConfig cfg = { .filename = "t.py" };
    vm = vm_new(&cfg);
    sim_loop_init(&loop, vm);
    the_loop = &loop;
    norder = 0;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    sim_loop_free(&loop);
    vm_free(vm);
    return 0;
}

static SimHandle *soon(int64_t tag)
{
    SimHandle *h = sim_call_soon(&loop, record, VNULL, VNULL);
    h->data = VINT(tag);
    return h;
}

static SimHandle *later(double delay, int64_t tag)
{
    SimHandle *h = sim_call_later(&loop, delay, record, VNULL, VNULL);
    h->data = VINT(tag);
    return h;
}

static void expect_order(const int64_t *expected, int n)
{
    assert_int_equal(norder, n);
    for (int i = 0; i < n; i++)
        assert_int_equal(order[i], expected[i]);
}

static void test_ready_handles_run_fifo_and_new_ones_wait(void **state)
{
    (void)state;
    SimHandle *h = sim_call_soon(&loop, record_and_schedule, VNULL, VNULL);
    h->data = VINT(1);
    soon(2);
    SimWait w;
    assert_int_equal(sim_run_once(&loop, &w), 0);
    assert_int_equal(w, SIM_WAIT_NONE);
    const int64_t first[] = { 1, 2 };
    expect_order(first, 2);
    /* next iteration: the call_soon first, then the zero-delay timer */
    assert_int_equal(sim_run_once(&loop, &w), 0);
    const int64_t second[] = { 1, 2, 101, 201 };
    expect_order(second, 4);
    assert_true(vm->vtime == 0.0);
}

static void test_equal_deadlines_fire_in_heap_order(void **state)
{
    (void)state;
    for (int i = 0; i < 6; i++)
        later(1.0, i);
    SimWait w;
    assert_int_equal(sim_run_once(&loop, &w), 0);
    assert_int_equal(w, SIM_WAIT_TIMER);
    assert_true(vm->vtime == 1.0);
    const int64_t expected[] = { 0, 2, 5, 4, 1, 3 };
    expect_order(expected, 6);
}

static void test_clock_jumps_to_the_next_deadline(void **state)
{
    (void)state;
    later(2.5, 1);
    later(0.75, 2);
    SimWait w;
    sim_run_once(&loop, &w);
    assert_true(vm->vtime == 0.75);
    sim_run_once(&loop, &w);
    assert_true(vm->vtime == 2.5);
    const int64_t expected[] = { 2, 1 };
    expect_order(expected, 2);
    sim_run_once(&loop, &w);
    assert_int_equal(w, SIM_WAIT_FOREVER);
}

static void test_a_day_at_most_per_wait(void **state)
{
    (void)state;
    later(100000.0, 1);
    SimWait w;
    sim_run_once(&loop, &w);
    assert_true(vm->vtime == SIM_MAX_WAIT);
    assert_int_equal(norder, 0);
    sim_run_once(&loop, &w);
    assert_true(vm->vtime == 100000.0);
    assert_int_equal(norder, 1);
}

static void test_cancelled_handles_are_skipped(void **state)
{
    (void)state;
    soon(1);
    sim_handle_cancel(soon(2));
    sim_handle_cancel(later(0.5, 3));
    later(1.0, 4);
    SimWait w;
    sim_run_once(&loop, &w);
    sim_run_once(&loop, &w);
    sim_run_once(&loop, &w);
    const int64_t expected[] = { 1, 4 };
    expect_order(expected, 2);
}

/* How many timers are left after one iteration's purge, with the last
 * `cancelled` of `n` timers (deadlines 1..n) cancelled. */
static size_t left_after_purge(size_t n, size_t cancelled)
{
    SimHandle *hs[256];
    for (size_t i = 0; i < n; i++)
        hs[i] = later((double)(i + 1), (int64_t)i);
    for (size_t i = n - cancelled; i < n; i++)
        sim_handle_cancel(hs[i]);
    soon(-1);   /* something ready: the iteration does not wait */
    SimWait w;
    sim_run_once(&loop, &w);
    return loop.timers.len;
}

static void test_bulk_purge_when_most_timers_are_cancelled(void **state)
{
    (void)state;
    assert_int_equal(left_after_purge(200, 101), 99);
}

static void test_no_bulk_purge_at_half(void **state)
{
    (void)state;
    assert_int_equal(left_after_purge(200, 100), 200);
}

static void test_bulk_purge_needs_more_than_100_timers(void **state)
{
    (void)state;
    assert_int_equal(left_after_purge(100, 60), 100);
}

static void test_bulk_purge_101_timers(void **state)
{
    (void)state;
    assert_int_equal(left_after_purge(101, 60), 41);
}

static void test_escaping_exception_stops_the_iteration(void **state)
{
    (void)state;
    soon(1);
    sim_call_soon(&loop, raise_error, VNULL, VNULL);
    soon(3);
    SimWait w;
    assert_int_equal(sim_run_once(&loop, &w), -1);
    assert_true(vm_exc_matches(vm, EXC_ValueError));
    vm_exc_take(vm);
    const int64_t expected[] = { 1 };
    expect_order(expected, 1);
    sim_run_once(&loop, &w);   /* the rest runs next time */
    const int64_t after[] = { 1, 3 };
    expect_order(after, 2);
}

/* internal handles: the tag rides in `callback` */
static int record_internal(VM *vm, SimHandle *h)
{
    (void)vm;
    order[norder++] = h->callback.as.i;
    return 0;
}

static void test_internal_handles_run_in_order_with_the_others(void **state)
{
    (void)state;
    soon(1);
    sim_call_soon_internal(&loop, record_internal, VINT(2), VNULL);
    soon(3);
    sim_call_later_internal(&loop, 0.5, record_internal, VINT(5), VNULL);
    later(0.25, 4);
    SimWait w;
    for (int i = 0; i < 3; i++)
        assert_int_equal(sim_run_once(&loop, &w), 0);
    const int64_t expected[] = { 1, 2, 3, 4, 5 };
    expect_order(expected, 5);
    assert_true(vm->vtime == 0.5);
}

static void test_internal_handles_are_reused_with_new_ids(void **state)
{
    (void)state;
    SimHandle *a = sim_call_soon_internal(&loop, record_internal, VINT(1), VNULL);
    uint32_t a_id = a->id;
    SimWait w;
    assert_int_equal(sim_run_once(&loop, &w), 0);
    /* it ran: the next internal handle is the same memory, under a new id */
    SimHandle *b = sim_call_soon_internal(&loop, record_internal, VINT(2), VNULL);
    assert_ptr_equal(a, b);
    assert_true(b->id > a_id);
    /* a handle made the collected way is never one of them */
    SimHandle *c = soon(3);
    assert_ptr_not_equal(c, b);
    assert_false(c->internal);
    assert_int_equal(sim_run_once(&loop, &w), 0);
    const int64_t expected[] = { 1, 2, 3 };
    expect_order(expected, 3);
}

/* light entries: the tag is the object's position in `lights` */
static Obj *lights[4];

static int record_light(VM *vm, Obj *o)
{
    (void)vm;
    for (int64_t i = 0; i < 4; i++)
        if (lights[i] == o)
            order[norder++] = 10 + i;
    return 0;
}

static Obj *new_light_object(int i)
{
    List *l = list_new(vm, 0);
    lights[i] = (Obj *)l;
    return (Obj *)l;
}

static void test_light_entries_queue_with_the_handles(void **state)
{
    (void)state;
    Trace *trace = trace_new();
    loop.trace = trace;
    loop.light[1] = record_light;
    loop.light[2] = record_light;
    soon(1);
    sim_call_soon_light(&loop, 1, new_light_object(0));
    SimHandle *h = soon(2);
    sim_call_soon_light(&loop, 2, new_light_object(1));
    /* the light entry took an id between the two handles' */
    assert_int_equal(h->id, 3);
    SimWait w;
    assert_int_equal(sim_run_once(&loop, &w), 0);
    const int64_t expected[] = { 1, 10, 2, 11 };
    expect_order(expected, 4);
    /* pushed and popped under the same ids, in order */
    uint32_t pushed[4], popped[4];
    int npush = 0, npop = 0;
    for (size_t i = 0; i < trace_len(trace); i++) {
        const TraceEvent *ev = trace_event(trace, i);
        if (ev->kind == TR_READY_PUSH && npush < 4)
            pushed[npush++] = ev->obj;
        if (ev->kind == TR_READY_POP && npop < 4)
            popped[npop++] = ev->obj;
    }
    assert_int_equal(npush, 4);
    assert_int_equal(npop, 4);
    for (int i = 0; i < 4; i++) {
        assert_int_equal(pushed[i], (uint32_t)i + 1);
        assert_int_equal(popped[i], (uint32_t)i + 1);
    }
    loop.trace = NULL;
    trace_free(trace);
}

static void test_light_entries_survive_the_ring_growing(void **state)
{
    (void)state;
    loop.light[1] = record_light;
    Obj *o = new_light_object(0);
    /* wrap the ring, then grow it past its first size with mixed entries */
    soon(1);
    SimWait w;
    assert_int_equal(sim_run_once(&loop, &w), 0);
    norder = 0;
    for (int i = 0; i < 40; i++) {
        soon(i);
        sim_call_soon_light(&loop, 1, o);
    }
    assert_true(loop.rcap > 64);
    assert_int_equal(sim_run_once(&loop, &w), 0);
    assert_int_equal(norder, 80);
    for (int i = 0; i < 40; i++) {
        assert_int_equal(order[2 * i], i);
        assert_int_equal(order[2 * i + 1], 10);
    }
}

static int64_t nrun;

static int count_internal(VM *vm, SimHandle *h)
{
    (void)vm; (void)h;
    nrun++;
    return 0;
}

static void test_soon_spares_are_capped(void **state)
{
    (void)state;
    nrun = 0;
    for (int i = 0; i < SIM_SOON_SPARE + 1000; i++)
        sim_call_soon_internal(&loop, count_internal, VINT(i), VNULL);
    SimWait w;
    assert_int_equal(sim_run_once(&loop, &w), 0);
    assert_int_equal(nrun, SIM_SOON_SPARE + 1000);
    /* the burst's extra handles went back to the VM, the rest wait */
    assert_int_equal(loop.nsoon_spare, SIM_SOON_SPARE);
    SimHandle *h = sim_call_soon_internal(&loop, count_internal, VINT(0), VNULL);
    assert_int_equal(loop.nsoon_spare, SIM_SOON_SPARE - 1);
    assert_true(h->internal && !h->is_timer);
    assert_int_equal(sim_run_once(&loop, &w), 0);
    assert_int_equal(loop.nsoon_spare, SIM_SOON_SPARE);
}

static void test_cancelled_internal_timer_is_dropped_and_reused(void **state)
{
    (void)state;
    SimHandle *t = sim_call_later_internal(&loop, 1.0, record_internal, VINT(1), VNULL);
    SimHandle *t2 = sim_call_later_internal(&loop, 2.0, record_internal, VINT(2), VNULL);
    uint32_t t2_id = t2->id;
    sim_handle_cancel(t);
    SimWait w;
    assert_int_equal(sim_run_once(&loop, &w), 0);   /* drops the cancelled one, then waits */
    assert_int_equal(sim_run_once(&loop, &w), 0);
    const int64_t expected[] = { 2 };
    expect_order(expected, 1);
    /* both are spare timers now, the last one back first, each under a
     * fresh id; a handle that is no timer never takes their memory, so a
     * stale cancel by the old id (a FastWait's) stays a no-op */
    SimHandle *s = sim_call_soon_internal(&loop, record_internal, VINT(3), VNULL);
    assert_ptr_not_equal(s, t);
    assert_ptr_not_equal(s, t2);
    SimHandle *u = sim_call_later_internal(&loop, 0.0, record_internal, VINT(4), VNULL);
    SimHandle *v = sim_call_later_internal(&loop, 0.0, record_internal, VINT(5), VNULL);
    assert_ptr_equal(u, t2);
    assert_ptr_equal(v, t);
    assert_true(u->id > t2_id && v->id > u->id);
    assert_false(v->cancelled);
    sim_timer_cancel(u, t2_id);
    assert_false(u->cancelled);
    assert_int_equal(sim_run_once(&loop, &w), 0);
    assert_int_equal(sim_run_once(&loop, &w), 0);
    const int64_t all[] = { 2, 3, 4, 5 };
    expect_order(all, 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_ready_handles_run_fifo_and_new_ones_wait, setup, teardown),
        cmocka_unit_test_setup_teardown(test_equal_deadlines_fire_in_heap_order, setup, teardown),
        cmocka_unit_test_setup_teardown(test_clock_jumps_to_the_next_deadline, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_day_at_most_per_wait, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cancelled_handles_are_skipped, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bulk_purge_when_most_timers_are_cancelled, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_bulk_purge_at_half, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bulk_purge_needs_more_than_100_timers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bulk_purge_101_timers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_escaping_exception_stops_the_iteration, setup, teardown),
        cmocka_unit_test_setup_teardown(test_internal_handles_run_in_order_with_the_others, setup, teardown),
        cmocka_unit_test_setup_teardown(test_internal_handles_are_reused_with_new_ids, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cancelled_internal_timer_is_dropped_and_reused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_soon_spares_are_capped, setup, teardown),
        cmocka_unit_test_setup_teardown(test_light_entries_queue_with_the_handles, setup, teardown),
        cmocka_unit_test_setup_teardown(test_light_entries_survive_the_ring_growing, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
