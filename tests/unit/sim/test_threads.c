/*
 * test_threads.c - the thread scheduler (src/sim/threads.c) seen from a
 * program: small Python programs run through the VM with the simulator and
 * a Trace, as `loopscope --headless --trace` runs them (src/app/main.c);
 * the tests assert on what the program printed and on the order of the
 * trace's worker, gil, timer and loop events.
 *
 * The rules under test (threads.h, docs/architecture.md "Threads"): with
 * free computation a thread runs until it blocks, and the next to run is
 * the first that became ready, or the one whose wait ends first; with a cost
 * per instruction the GIL changes hands every 5 ms between CPU-bound
 * threads; process pool workers take no part in the GIL, so their
 * computations overlap; the main thread's waits (the loop's select,
 * time.sleep, join) let the others run.
 */
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "lang.h"
#include "vm.h"
#include "sim.h"
#include "threads.h"
#include "trace.h"

#define COST_DEFAULT (SIM_DEFAULT_CPU_COST_NS * 1e-9)

/* ---- running a program ----------------------------------------------------------- */

typedef struct Buf {
    char text[16384];
    size_t len;
} Buf;

typedef struct Run {
    Buf out, err;
    Trace *trace;
    int status;
    double end;        /* the virtual clock when the program ended */
} Run;

static void capture(void *ud, const char *s, size_t n)
{
    Buf *b = ud;
    if (n > sizeof b->text - 1 - b->len)
        n = sizeof b->text - 1 - b->len;
    memcpy(b->text + b->len, s, n);
    b->len += n;
    b->text[b->len] = 0;
}

static Run *run_program(const char *src, double cpu_cost)
{
    static const char *const modules[] = {
        "sys", "time", "gc", "random", "collections", "asyncio", "threading",
        "concurrent", "concurrent.futures", NULL
    };
    Run *r = calloc(1, sizeof *r);
    assert_non_null(r);
    size_t len = strlen(src);
    LangError err = { 0 };
    Proto *module = lang_compile_ex(src, len, modules, &err, NULL, NULL);
    if (!module)
        fail_msg("t.py:%d:%d: %s", err.line, err.col, err.message);
    VMConfig cfg = {
        .filename = "t.py", .source = src, .source_len = len,
        .out = capture, .err = capture, .out_ud = &r->out, .err_ud = &r->err,
        .max_steps = 100000000, .max_memory = (size_t)512 << 20, .recursion_limit = 1000,
        .cpu_cost = cpu_cost,
    };
    r->trace = trace_new();
    VM *vm = vm_new(&cfg);
    SimConfig scfg = { .trace = r->trace, .filename = "t.py" };
    sim_init(vm, &scfg);
    r->status = vm_run_main(vm, module);
    sim_finish(vm, r->status);
    r->end = vm_clock(vm);
    sim_free(vm);
    vm_free(vm);
    return r;
}

static void run_free(Run *r)
{
    trace_free(r->trace);
    free(r);
}

/* The program ran to the end: status 0, nothing on stderr. */
static void assert_clean(const Run *r)
{
    if (r->status != 0 || r->err.len)
        fail_msg("status %d, stderr:\n%s", r->status, r->err.text);
}

/* ---- reading the trace ------------------------------------------------------------ */

static size_t nevents(const Run *r) { return trace_len(r->trace); }
static const TraceEvent *ev(const Run *r, size_t i) { return trace_event(r->trace, i); }
static double secs(const TraceEvent *e) { return (double)e->t_ns / 1e9; }

static bool s1_is(const Run *r, const TraceEvent *e, const char *want)
{
    size_t n = 0;
    const char *s = trace_string(r->trace, e->s1, &n);
    return s && n == strlen(want) && memcmp(s, want, n) == 0;
}

/* The step of the first event of `kind` at or after `from` (nevents: none). */
static size_t next_of(const Run *r, size_t from, TraceKind kind)
{
    size_t n = nevents(r);
    for (size_t i = from; i < n; i++)
        if (ev(r, i)->kind == kind)
            return i;
    return n;
}

/* The step of the output event that wrote exactly `text`. */
static size_t output_step(const Run *r, const char *text)
{
    size_t n = nevents(r);
    for (size_t i = 0; i < n; i++)
        if (ev(r, i)->kind == TR_OUTPUT && s1_is(r, ev(r, i), text))
            return i;
    fail_msg("no output event \"%s\"", text);
    return n;
}

/* Virtual time only moves forward (the Chrome writer relies on it too). */
static void assert_time_never_decreases(const Run *r)
{
    size_t n = nevents(r);
    for (size_t i = 1; i < n; i++)
        if (ev(r, i)->t_ns < ev(r, i - 1)->t_ns || ev(r, i)->t_ns < 0)
            fail_msg("step %zu (%s) at t=%.9f comes after t=%.9f", i,
                     trace_kind_name((TraceKind)ev(r, i)->kind), secs(ev(r, i)), secs(ev(r, i - 1)));
}

static bool near(double a, double b, double tol) { return fabs(a - b) <= tol; }

/* ---- free computation: a thread runs until it blocks ------------------------------------ */

/* Two threads sleep 0.3 s and 0.1 s while the loop ticks every 0.08 s: the
 * one whose wait ends first runs first, each at its deadline, and the loop's
 * timers fire in between. */
static void test_sleeping_workers_finish_in_deadline_order(void **state)
{
    (void)state;
    Run *r = run_program(
        "import asyncio\n"
        "import threading\n"
        "import time\n"
        "\n"
        "def work(name, d):\n"
        "    time.sleep(d)\n"
        "    print(name, 'done', time.monotonic())\n"
        "\n"
        "async def main():\n"
        "    slow = threading.Thread(target=work, args=('slow', 0.3))\n"
        "    fast = threading.Thread(target=work, args=('fast', 0.1))\n"
        "    slow.start()\n"
        "    fast.start()\n"
        "    for i in range(4):\n"
        "        await asyncio.sleep(0.08)\n"
        "        print('tick', i)\n"
        "    slow.join()\n"
        "    fast.join()\n"
        "\n"
        "asyncio.run(main())\n", 0);
    assert_clean(r);
    assert_string_equal(r->out.text,
                        "tick 0\n"
                        "fast done 0.1\n"
                        "tick 1\n"
                        "tick 2\n"
                        "slow done 0.3\n"
                        "tick 3\n");
    assert_time_never_decreases(r);

    /* both block at once, for their own durations */
    size_t b1 = next_of(r, 0, TR_WORKER_BLOCK), b2 = next_of(r, b1 + 1, TR_WORKER_BLOCK);
    assert_true(b2 < nevents(r));
    assert_int_equal(ev(r, b1)->obj, 1);
    assert_true(ev(r, b1)->num == 0.3 && secs(ev(r, b1)) == 0);
    assert_int_equal(ev(r, b2)->obj, 2);
    assert_true(ev(r, b2)->num == 0.1 && secs(ev(r, b2)) == 0);

    /* they end in deadline order, each exactly at its deadline */
    size_t e1 = next_of(r, 0, TR_WORKER_END), e2 = next_of(r, e1 + 1, TR_WORKER_END);
    assert_true(e2 < nevents(r));
    assert_int_equal(ev(r, e1)->obj, 2);
    assert_true(secs(ev(r, e1)) == 0.1);
    assert_int_equal(ev(r, e2)->obj, 1);
    assert_true(secs(ev(r, e2)) == 0.3);
    assert_int_equal(next_of(r, e2 + 1, TR_WORKER_END), nevents(r));

    /* each took the GIL to finish: the worker's own gil event comes first */
    assert_true(ev(r, e1 - 2)->kind == TR_GIL && ev(r, e1 - 2)->obj == 2);
    assert_true(ev(r, e2 - 2)->kind == TR_GIL && ev(r, e2 - 2)->obj == 1);

    /* meanwhile the loop went on: its timers fired at 0.16 and 0.24 */
    int fired = 0;
    for (size_t i = e1; i < e2; i++)
        if (ev(r, i)->kind == TR_TIMER_FIRE) {
            fired++;
            assert_true(secs(ev(r, i)) > 0.1 && secs(ev(r, i)) < 0.3);
        }
    assert_int_equal(fired, 2);
    assert_true(output_step(r, "tick 0\n") < e1);
    assert_true(output_step(r, "tick 3\n") > e2);
    run_free(r);
}

/* CPython's pool rules: a new worker per job only while none is idle, up to
 * max_workers; work is taken FIFO; the worker that began waiting first
 * wakes first. Four 0.3 s jobs on two workers take 0.6 s. */
static void test_pool_of_two_reuses_its_workers_in_order(void **state)
{
    (void)state;
    Run *r = run_program(
        "import asyncio\n"
        "import concurrent.futures\n"
        "import threading\n"
        "import time\n"
        "\n"
        "def job(i):\n"
        "    time.sleep(0.3)\n"
        "    print(threading.current_thread().name, 'ran', i)\n"
        "    return i\n"
        "\n"
        "async def main():\n"
        "    loop = asyncio.get_running_loop()\n"
        "    with concurrent.futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix='pool') as pool:\n"
        "        t0 = loop.time()\n"
        "        print(await asyncio.gather(*(loop.run_in_executor(pool, job, i) for i in range(4))))\n"
        "        print('elapsed', round(loop.time() - t0, 2))\n"
        "\n"
        "asyncio.run(main())\n", 0);
    assert_clean(r);
    assert_string_equal(r->out.text,
                        "pool_0 ran 0\n"
                        "pool_1 ran 1\n"
                        "pool_0 ran 2\n"
                        "pool_1 ran 3\n"
                        "[0, 1, 2, 3]\n"
                        "elapsed 0.6\n");
    assert_time_never_decreases(r);

    /* the jobs' sleeps: workers 1, 2, 1, 2 at 0, 0, 0.3, 0.3 */
    const uint32_t who[] = { 1, 2, 1, 2 };
    const double when[] = { 0, 0, 0.3, 0.3 };
    size_t i = 0;
    for (int k = 0; k < 4; k++) {
        i = next_of(r, i, TR_WORKER_BLOCK);
        assert_true(i < nevents(r));
        assert_int_equal(ev(r, i)->obj, who[k]);
        assert_true(ev(r, i)->num == 0.3);
        assert_true(near(secs(ev(r, i)), when[k], 1e-9));
        i++;
    }
    assert_int_equal(next_of(r, i, TR_WORKER_BLOCK), nevents(r));

    /* no third thread was started */
    for (size_t j = 0; j < nevents(r); j++) {
        const TraceEvent *e = ev(r, j);
        if (e->kind == TR_WORKER_START || e->kind == TR_WORKER_BLOCK || e->kind == TR_WORKER_END)
            assert_true(e->obj == 1 || e->obj == 2);
        if (e->kind == TR_GIL)
            assert_true(e->obj <= 2);
    }
    /* the results reached the loop after the second round, at 0.6 */
    assert_true(near(secs(ev(r, output_step(r, "[0, 1, 2, 3]\n"))), 0.6, 1e-9));
    run_free(r);
}

/* Thread.start() returns once the new thread has started and run until it
 * blocks (CPython's start() waits for it to start; it then keeps the GIL):
 * so do a pool's workers, started by submit(). */
static void test_start_runs_the_new_thread_until_it_blocks(void **state)
{
    (void)state;
    Run *r = run_program(
        "import threading\n"
        "from concurrent.futures import ThreadPoolExecutor\n"
        "\n"
        "def w(n):\n"
        "    print('work', n)\n"
        "    return n\n"
        "\n"
        "t = threading.Thread(target=w, args=(0,))\n"
        "t.start()\n"
        "print('main after start')\n"
        "t.join()\n"
        "with ThreadPoolExecutor(max_workers=2) as ex:\n"
        "    f = ex.submit(w, 1)\n"
        "    print('after submit', f.done())\n"
        "    f2 = ex.submit(w, 2)\n"
        "    print('after submit 2', f2.done())\n"
        "    f3 = ex.submit(w, 3)\n"
        "    print('after submit 3', f3.done())\n", 0);
    assert_clean(r);
    /* recorded from CPython 3.12 under tests/vclock/vrun.py */
    assert_string_equal(r->out.text,
                        "work 0\n"
                        "main after start\n"
                        "work 1\n"
                        "after submit True\n"
                        "after submit 2 False\n"
                        "work 2\n"
                        "work 3\n"
                        "after submit 3 True\n");
    run_free(r);
}

/* time.sleep in the main thread (no loop running) blocks it, and the
 * started worker, asleep when start() returned, runs inside that wait. */
static void test_main_thread_sleep_lets_a_worker_run(void **state)
{
    (void)state;
    Run *r = run_program(
        "import threading\n"
        "import time\n"
        "\n"
        "def w():\n"
        "    time.sleep(0.1)\n"
        "    print('worker runs at', time.monotonic())\n"
        "\n"
        "t = threading.Thread(target=w)\n"
        "t.start()\n"
        "print('main sleeps')\n"
        "time.sleep(0.5)\n"
        "print('main wakes at', time.monotonic())\n"
        "t.join()\n", 0);
    assert_clean(r);
    assert_string_equal(r->out.text,
                        "main sleeps\n"
                        "worker runs at 0.1\n"
                        "main wakes at 0.5\n");
    assert_time_never_decreases(r);
    size_t start = next_of(r, 0, TR_WORKER_START);
    size_t block = next_of(r, 0, TR_LOOP_BLOCK);
    size_t gil = next_of(r, block, TR_GIL);
    size_t out = output_step(r, "worker runs at 0.1\n");
    size_t end = next_of(r, 0, TR_WORKER_END);
    size_t unblock = next_of(r, 0, TR_LOOP_UNBLOCK);
    assert_true(unblock < nevents(r));
    /* the worker started (and went to sleep) inside start(); it wakes and
     * takes the GIL again inside the main thread's sleep */
    assert_true(start < output_step(r, "main sleeps\n"));
    assert_true(output_step(r, "main sleeps\n") < block);
    assert_true(ev(r, block)->num == 0.5);
    assert_true(block < gil && gil < out && out < end && end < unblock);
    assert_int_equal(ev(r, gil)->obj, 1);
    assert_int_equal(ev(r, end)->obj, 1);
    assert_true(secs(ev(r, out)) == 0.1);
    assert_true(secs(ev(r, unblock)) == 0.5);
    run_free(r);
}

/* With free computation nothing preempts a thread: each CPU-bound thread
 * holds the GIL once, from its start to its end. */
static void test_free_computation_runs_a_thread_until_it_ends(void **state)
{
    (void)state;
    Run *r = run_program(
        "import threading\n"
        "\n"
        "def spin(n):\n"
        "    x = 0\n"
        "    for i in range(n):\n"
        "        x += i\n"
        "    return x\n"
        "\n"
        "threads = [threading.Thread(target=spin, args=(100000,)) for _ in range(2)]\n"
        "for t in threads:\n"
        "    t.start()\n"
        "for t in threads:\n"
        "    t.join()\n"
        "print('done')\n", 0);
    assert_clean(r);
    assert_string_equal(r->out.text, "done\n");
    uint32_t holders[8];
    int nh = 0;
    for (size_t i = 0; i < nevents(r); i++)
        if (ev(r, i)->kind == TR_GIL && ev(r, i)->obj != 0) {
            assert_true(nh < 8);
            holders[nh++] = ev(r, i)->obj;
        }
    assert_int_equal(nh, 2);
    assert_int_equal(holders[0], 1);
    assert_int_equal(holders[1], 2);
    assert_true(r->end == 0);
    run_free(r);
}

/* ---- a cost per instruction: the GIL --------------------------------------------------- */

static const char SPIN[] =
    "def spin(n):\n"
    "    x = 0\n"
    "    for i in range(n):\n"
    "        x += i\n"
    "    return x\n"
    "\n"
    "N = 300000\n";

static void parse_one_two(const Run *r, double *one, double *two)
{
    if (sscanf(r->out.text, "one %lf two %lf", one, two) != 2)
        fail_msg("unexpected output: %s", r->out.text);
    assert_true(*one > 0.01);
}

/* Two CPU-bound threads take turns on the GIL every switch interval, so
 * together they take as long as one after the other. */
static void test_cpu_bound_threads_take_turns_on_the_gil(void **state)
{
    (void)state;
    char src[2048];
    snprintf(src, sizeof src,
             "import threading\n"
             "import time\n"
             "\n"
             "%s"
             "t0 = time.monotonic()\n"
             "spin(N)\n"
             "one = time.monotonic() - t0\n"
             "threads = [threading.Thread(target=spin, args=(N,)) for _ in range(2)]\n"
             "t0 = time.monotonic()\n"
             "for t in threads:\n"
             "    t.start()\n"
             "for t in threads:\n"
             "    t.join()\n"
             "print('one', repr(one), 'two', repr(time.monotonic() - t0))\n", SPIN);
    Run *r = run_program(src, COST_DEFAULT);
    assert_clean(r);
    assert_time_never_decreases(r);
    double one, two;
    parse_one_two(r, &one, &two);
    if (!(two / one > 1.9 && two / one < 2.1))
        fail_msg("two threads took %g s, one %g s: not twice as long", two, one);

    /* the GIL goes back and forth between the workers, SIM_SWITCH_INTERVAL apart */
    uint32_t last = 0;
    int64_t last_ns = 0;
    int switches = 0;
    for (size_t i = 0; i < nevents(r); i++) {
        const TraceEvent *e = ev(r, i);
        if (e->kind != TR_GIL || e->obj == 0)
            continue;
        if (last && e->obj != last) {
            switches++;
            /* a turn lasts the switch interval (the last one may be shorter) */
            double turn = (double)(e->t_ns - last_ns) / 1e9;
            assert_true(turn <= SIM_SWITCH_INTERVAL + 1e-6);
            if (switches == 1)
                assert_true(near(turn, SIM_SWITCH_INTERVAL, 1e-6));
        }
        last = e->obj;
        last_ns = e->t_ns;
    }
    if (switches < 8)
        fail_msg("only %d GIL switches between the workers", switches);
    run_free(r);
}

/* Process pool workers take no part in the GIL: two CPU-bound jobs on two
 * processes end at about the time one job alone takes. */
static void test_process_pool_jobs_overlap(void **state)
{
    (void)state;
    char src[2048];
    snprintf(src, sizeof src,
             "import concurrent.futures\n"
             "import time\n"
             "\n"
             "%s"
             "with concurrent.futures.ProcessPoolExecutor(max_workers=2) as ex:\n"
             "    list(ex.map(spin, [1, 1]))\n"   /* both processes started */
             "    t0 = time.monotonic()\n"
             "    list(ex.map(spin, [N]))\n"
             "    one = time.monotonic() - t0\n"
             "    t0 = time.monotonic()\n"
             "    list(ex.map(spin, [N, N]))\n"
             "    two = time.monotonic() - t0\n"
             "print('one', repr(one), 'two', repr(two))\n", SPIN);
    Run *r = run_program(src, COST_DEFAULT);
    assert_clean(r);
    assert_time_never_decreases(r);
    double one, two;
    parse_one_two(r, &one, &two);
    if (!(two / one > 0.9 && two / one < 1.1))
        fail_msg("two processes took %g s, one %g s: they did not overlap", two, one);
    run_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sleeping_workers_finish_in_deadline_order),
        cmocka_unit_test(test_pool_of_two_reuses_its_workers_in_order),
        cmocka_unit_test(test_main_thread_sleep_lets_a_worker_run),
        cmocka_unit_test(test_start_runs_the_new_thread_until_it_blocks),
        cmocka_unit_test(test_free_computation_runs_a_thread_until_it_ends),
        cmocka_unit_test(test_cpu_bound_threads_take_turns_on_the_gil),
        cmocka_unit_test(test_process_pool_jobs_overlap),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
