/*
 * test_replay.c - the state at any step, rebuilt from hand-built traces
 * (the rules of docs/trace-format.md, "Rebuilding the state"), and the
 * keyframes: every state reached by a jump equals the one reached by
 * stepping from the start.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "replay.h"
#include "trace_fixture.h"

static Trace *t;
static Replay *r;

static int setup(void **state)
{
    (void)state;
    t = trace_new();
    r = NULL;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    replay_free(r);
    trace_free(t);
    return 0;
}

static const TraceState *at(size_t step)
{
    if (!r)
        r = replay_new(t);
    return replay_state_at(r, step);
}

static const char *str(TraceStr s)
{
    const char *p = trace_string(t, s, NULL);
    return p ? p : "";
}

static const TraceTaskState *task(const TraceState *s, uint32_t id)
{
    const TraceTaskState *tk = replay_task(r, s, id);
    assert_non_null(tk);
    return tk;
}

/* hello.py: main() prints, sleeps 1 s, returns 42. */
static void hello(void)
{
    EV(t, .at = 0, .k = TR_RUN_START, .s1 = "hello.py");                               /* 0 */
    EV(t, .at = 0, .k = TR_TASK_CREATE, .task = 1, .line = 9, .s1 = "Task-1", .s2 = "main");
    EV(t, .at = 0, .k = TR_READY_PUSH, .task = 1, .obj = 1, .s1 = "Task-1.__step()");  /* 2 */
    EV(t, .at = 0, .k = TR_READY_POP, .obj = 1);
    EV(t, .at = 0, .k = TR_TASK_STEP, .task = 1, .line = 4);                           /* 4 */
    EV(t, .at = 0.001, .k = TR_OUTPUT, .task = 1, .obj = 1, .line = 5, .s1 = "hello\n");
    EV(t, .at = 0.002, .k = TR_TIMER_ARM, .task = 1, .obj = 2, .num = 1.002, .s1 = "sleep(1)");
    EV(t, .at = 0.002, .k = TR_TASK_SUSPEND, .task = 1, .obj = 3, .line = 6, .s1 = "sleep(1)"); /* 7 */
    EV(t, .at = 0.002, .k = TR_LOOP_IDLE, .num = 1.002);                               /* 8 */
    EV(t, .at = 1.002, .k = TR_TIMER_FIRE, .obj = 2);                                  /* 9 */
    EV(t, .at = 1.002, .k = TR_READY_PUSH, .obj = 2);                                  /* 10 */
    EV(t, .at = 1.002, .k = TR_READY_POP, .obj = 2);                                   /* 11 */
    EV(t, .at = 1.002, .k = TR_FUTURE_DONE, .obj = 3, .num = 1, .s1 = "result");
    EV(t, .at = 1.002, .k = TR_READY_PUSH, .task = 1, .obj = 4, .s1 = "Task-1.__step()"); /* 13 */
    EV(t, .at = 1.002, .k = TR_READY_POP, .obj = 4);
    EV(t, .at = 1.002, .k = TR_TASK_STEP, .task = 1, .line = 6);                       /* 15 */
    EV(t, .at = 1.003, .k = TR_TASK_DONE, .task = 1, .s1 = "42");                      /* 16 */
    EV(t, .at = 1.003, .k = TR_RUN_END, .num = 0);                                     /* 17 */
}

static void test_a_task_through_its_life(void **state)
{
    (void)state;
    hello();
    const TraceState *s = at(1);
    assert_int_equal(s->ntasks, 1);
    assert_int_equal(task(s, 1)->status, TT_CREATED);
    assert_string_equal(str(task(s, 1)->name), "Task-1");
    assert_string_equal(str(task(s, 1)->coro), "main");
    assert_int_equal(task(s, 1)->created_line, 9);
    assert_int_equal(s->loop.status, TL_NOT_STARTED);

    s = at(2);
    assert_int_equal(task(s, 1)->status, TT_READY);
    assert_int_equal(task(s, 1)->queued, 1);
    assert_int_equal(s->nready, 1);

    s = at(4);
    assert_int_equal(task(s, 1)->status, TT_RUNNING);
    assert_int_equal(task(s, 1)->line, 4);
    assert_int_equal(s->loop.status, TL_RUNNING_TASK);
    assert_int_equal(s->loop.task, 1);
    assert_int_equal(s->nready, 0);

    s = at(7);
    assert_int_equal(task(s, 1)->status, TT_WAITING);
    assert_string_equal(str(task(s, 1)->waiting_on), "sleep(1)");
    assert_int_equal(task(s, 1)->wait_future, 3);
    assert_int_equal(task(s, 1)->line, 6);
    assert_int_equal(s->loop.status, TL_SCHEDULING);
    assert_int_equal(s->ntimers, 1);
    assert_int_equal(s->timers[0].task, 1);

    s = at(8);
    assert_int_equal(s->loop.status, TL_IDLE);
    assert_int_equal(s->loop.until_ns, 1002000000);
    assert_int_equal(s->t_ns, 2000000);

    s = at(10);   /* the timer came due: its handle, with the timer's description */
    assert_int_equal(s->ntimers, 0);
    assert_int_equal(s->loop.status, TL_SCHEDULING);
    assert_int_equal(s->nready, 1);
    assert_int_equal(s->ready[0].handle, 2);
    assert_string_equal(str(s->ready[0].what), "sleep(1)");
    assert_int_equal(s->ready[0].task, 0);   /* a callback: it wakes the future, not the task */
    assert_int_equal(task(s, 1)->status, TT_WAITING);

    s = at(11);
    assert_int_equal(s->loop.status, TL_RUNNING_CALLBACK);
    assert_int_equal(s->loop.handle, 2);

    s = at(13);
    assert_int_equal(task(s, 1)->status, TT_READY);
    assert_int_equal(s->loop.status, TL_RUNNING_CALLBACK);   /* still inside the callback */

    s = at(15);
    assert_int_equal(task(s, 1)->status, TT_RUNNING);
    assert_int_equal(task(s, 1)->steps, 2);

    s = at(16);
    assert_int_equal(task(s, 1)->status, TT_DONE);
    assert_string_equal(str(task(s, 1)->outcome), "42");
    assert_int_equal(s->loop.status, TL_SCHEDULING);
    assert_false(s->finished);

    s = at(17);
    assert_true(s->finished);
    assert_int_equal(s->loop.status, TL_FINISHED);
    assert_int_equal(s->noutput, 1);
    assert_int_equal(s->output_bytes, 6);
    assert_int_equal(replay_output_total(r), 1);
    assert_int_equal(replay_output_step(r, 0), 5);
    assert_string_equal(str(s->file), "hello.py");
    assert_int_equal(s->step, 17);
    assert_int_equal(s->applied, 18);

    assert_int_equal(at(1000)->step, 17);   /* past the end: the last state */
    s = at(4);                              /* and back */
    assert_int_equal(task(s, 1)->status, TT_RUNNING);
    assert_int_equal(task(s, 1)->steps, 1);
    assert_int_equal(s->noutput, 0);
}

static void test_the_ready_queue_is_fifo_and_skips_cancelled_handles(void **state)
{
    (void)state;
    for (uint32_t h = 1; h <= 5; h++)
        EV(t, .k = TR_READY_PUSH, .obj = h, .s1 = "cb");   /* 0..4 */
    EV(t, .k = TR_READY_POP, .obj = 1);                    /* 5 */
    EV(t, .k = TR_HANDLE_CANCEL, .obj = 3);                /* 6 */
    EV(t, .k = TR_READY_PUSH, .obj = 6);                   /* 7 */
    EV(t, .k = TR_READY_POP, .obj = 2);                    /* 8 */
    EV(t, .k = TR_READY_POP, .obj = 3, .num = 1);          /* 9: skipped */
    const TraceState *s = at(6);
    uint32_t expect6[] = { 2, 3, 4, 5 };
    assert_int_equal(s->nready, 4);
    for (int i = 0; i < 4; i++)
        assert_int_equal(s->ready[i].handle, expect6[i]);
    assert_true(s->ready[1].cancelled);
    assert_false(s->ready[0].cancelled);
    s = at(9);
    uint32_t expect9[] = { 4, 5, 6 };
    assert_int_equal(s->nready, 3);
    for (int i = 0; i < 3; i++)
        assert_int_equal(s->ready[i].handle, expect9[i]);
    assert_int_equal(s->loop.status, TL_SCHEDULING);   /* a skipped handle does not run */
    s = at(8);
    assert_int_equal(s->loop.status, TL_RUNNING_CALLBACK);
    assert_int_equal(s->loop.handle, 2);
}

static void test_timers_are_listed_by_deadline_then_arming_order(void **state)
{
    (void)state;
    EV(t, .k = TR_TIMER_ARM, .obj = 1, .num = 3.0);
    EV(t, .k = TR_TIMER_ARM, .obj = 2, .num = 1.0);
    EV(t, .k = TR_TIMER_ARM, .obj = 3, .num = 2.0);
    EV(t, .k = TR_TIMER_ARM, .obj = 4, .num = 1.0);       /* 3 */
    EV(t, .k = TR_HANDLE_CANCEL, .obj = 3);               /* 4 */
    EV(t, .at = 1, .k = TR_TIMER_FIRE, .obj = 4);         /* 5: heap order may pick 4 first */
    EV(t, .at = 1, .k = TR_READY_PUSH, .obj = 4);
    EV(t, .at = 1, .k = TR_TIMER_DROP, .obj = 3);         /* 7 */
    const TraceState *s = at(3);
    uint32_t expect3[] = { 2, 4, 3, 1 };
    assert_int_equal(s->ntimers, 4);
    for (int i = 0; i < 4; i++)
        assert_int_equal(s->timers[i].handle, expect3[i]);
    s = at(4);
    assert_true(s->timers[2].cancelled);
    s = at(5);
    uint32_t expect5[] = { 2, 3, 1 };
    assert_int_equal(s->ntimers, 3);
    for (int i = 0; i < 3; i++)
        assert_int_equal(s->timers[i].handle, expect5[i]);
    s = at(7);
    assert_int_equal(s->ntimers, 2);
    assert_int_equal(s->timers[0].handle, 2);
    assert_int_equal(s->timers[1].handle, 1);
    assert_int_equal(s->nready, 1);
    assert_int_equal(s->ready[0].handle, 4);
}

static void test_an_eager_step_inside_another_returns_to_it(void **state)
{
    (void)state;
    EV(t, .k = TR_TASK_CREATE, .task = 1, .s1 = "Task-1");
    EV(t, .k = TR_READY_PUSH, .task = 1, .obj = 1);
    EV(t, .k = TR_READY_POP, .obj = 1);
    EV(t, .k = TR_TASK_STEP, .task = 1, .line = 3);
    EV(t, .k = TR_TASK_CREATE, .task = 2, .obj = 1, .s1 = "Task-2");   /* 4 */
    EV(t, .k = TR_TASK_STEP, .task = 2, .line = 10);                    /* 5: eager start */
    EV(t, .k = TR_TASK_SUSPEND, .task = 2, .line = 11, .obj = 7);       /* 6 */
    EV(t, .k = TR_TASK_SUSPEND, .task = 1, .line = 5, .obj = 2);        /* 7 */
    const TraceState *s = at(5);
    assert_int_equal(s->loop.task, 2);
    assert_int_equal(task(s, 2)->parent, 1);
    assert_int_equal(task(s, 1)->status, TT_RUNNING);
    s = at(6);
    assert_int_equal(s->loop.status, TL_RUNNING_TASK);
    assert_int_equal(s->loop.task, 1);
    assert_int_equal(task(s, 2)->status, TT_WAITING);
    s = at(7);
    assert_int_equal(s->loop.status, TL_SCHEDULING);
    assert_int_equal(s->loop.task, 0);
}

static void test_a_bare_yield_leaves_the_task_ready(void **state)
{
    (void)state;
    EV(t, .k = TR_TASK_CREATE, .task = 1);
    EV(t, .k = TR_READY_PUSH, .task = 1, .obj = 1);
    EV(t, .k = TR_READY_POP, .obj = 1);
    EV(t, .k = TR_TASK_STEP, .task = 1);
    EV(t, .k = TR_READY_PUSH, .task = 1, .obj = 2);   /* sleep(0): the step queues the next */
    EV(t, .k = TR_TASK_SUSPEND, .task = 1, .line = 4);
    assert_int_equal(task(at(5), 1)->status, TT_READY);
}

static void test_cancellation_failure_destruction_and_references(void **state)
{
    (void)state;
    EV(t, .k = TR_TASK_CREATE, .task = 1);
    EV(t, .k = TR_TASK_CREATE, .task = 2);
    EV(t, .k = TR_TASK_CREATE, .task = 3);
    EV(t, .k = TR_CANCEL_REQUEST, .task = 1, .obj = 2, .s1 = "stop");   /* 3 */
    EV(t, .k = TR_CANCEL_REQUEST, .task = 1);
    EV(t, .k = TR_CANCEL_DELIVER, .task = 1, .line = 12);               /* 5 */
    EV(t, .k = TR_TASK_CANCELLED, .task = 1, .s1 = "stop");
    EV(t, .k = TR_TASK_FAIL, .task = 2, .line = 20, .s1 = "ValueError: bad");
    EV(t, .k = TR_TASK_UNREF, .task = 3);                               /* 8 */
    EV(t, .k = TR_TASK_UNREF, .task = 3, .num = 1);
    EV(t, .k = TR_TASK_UNREF, .task = 3);
    EV(t, .k = TR_GC_DESTROY, .task = 3);                               /* 11 */
    EV(t, .k = TR_TASK_STEP, .task = 99);                               /* never created */
    const TraceState *s = at(5);
    assert_int_equal(task(s, 1)->cancel_requests, 2);
    assert_int_equal(task(s, 1)->line, 12);
    s = at(7);
    assert_int_equal(task(s, 1)->status, TT_CANCELLED);
    assert_string_equal(str(task(s, 1)->outcome), "stop");
    assert_int_equal(task(s, 2)->status, TT_FAILED);
    assert_string_equal(str(task(s, 2)->outcome), "ValueError: bad");
    assert_int_equal(task(s, 2)->line, 20);
    assert_true(task(at(8), 3)->unreferenced);
    assert_false(task(at(9), 3)->unreferenced);
    s = at(12);
    assert_true(task(s, 3)->unreferenced);
    assert_int_equal(task(s, 3)->status, TT_DESTROYED);
    assert_null(replay_task(r, s, 99));
    assert_int_equal(s->ntasks, 3);
    assert_null(replay_task(r, at(0), 2));   /* not created yet at step 0 */
}

static void test_blocking_the_loop_and_the_workers(void **state)
{
    (void)state;
    EV(t, .k = TR_TASK_CREATE, .task = 1);
    EV(t, .k = TR_READY_PUSH, .task = 1, .obj = 1);
    EV(t, .k = TR_READY_POP, .obj = 1);
    EV(t, .k = TR_TASK_STEP, .task = 1);
    EV(t, .at = 0.5, .k = TR_LOOP_BLOCK, .num = 2, .line = 8, .task = 1);   /* 4 */
    EV(t, .at = 2.5, .k = TR_LOOP_UNBLOCK);                                 /* 5 */
    EV(t, .at = 2.5, .k = TR_WORKER_START, .obj = 2, .num = 4, .s1 = "fetch()"); /* 6 */
    EV(t, .at = 2.5, .k = TR_GIL, .obj = 2);
    EV(t, .at = 2.6, .k = TR_WORKER_BLOCK, .obj = 2, .num = 1);            /* 8 */
    EV(t, .at = 3.6, .k = TR_WORKER_END, .obj = 2, .s1 = "result");       /* 9 */
    EV(t, .at = 3.6, .k = TR_LIMIT, .s1 = "instruction budget");
    const TraceState *s = at(4);
    assert_int_equal(s->loop.status, TL_BLOCKED);
    assert_int_equal(s->loop.until_ns, 2500000000);
    assert_int_equal(s->loop.line, 8);
    assert_int_equal(s->loop.task, 1);
    s = at(5);
    assert_int_equal(s->loop.status, TL_RUNNING_TASK);
    assert_int_equal(s->loop.task, 1);
    s = at(7);
    assert_int_equal(s->nworkers, 4);   /* the whole pool, idle ones too */
    assert_int_equal(s->workers[1].id, 2);
    assert_int_equal(s->workers[1].status, TW_BUSY);
    assert_string_equal(str(s->workers[1].job), "fetch()");
    assert_int_equal(s->workers[0].status, TW_IDLE);
    assert_int_equal(s->gil, 2);
    s = at(8);
    assert_int_equal(s->workers[1].status, TW_BLOCKED);
    assert_int_equal(s->workers[1].until_ns, 3600000000);
    s = at(10);
    assert_int_equal(s->workers[1].status, TW_IDLE);
    assert_int_equal(s->workers[1].jobs_done, 1);
    assert_string_equal(str(s->limit), "instruction budget");
}

static void test_an_empty_trace_has_an_empty_state(void **state)
{
    (void)state;
    const TraceState *s = at(0);
    assert_int_equal(s->applied, 0);
    assert_int_equal(s->ntasks, 0);
    assert_int_equal(s->loop.status, TL_NOT_STARTED);
    assert_int_equal(replay_keyframes(r), 1);
}

/* ---- keyframes ---------------------------------------------------------- */

static uint64_t rng = 0x9E3779B97F4A7C15u;

static uint32_t rnd(uint32_t n)
{
    rng ^= rng << 13;   /* xorshift64: the same trace on every run */
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)(rng % n);
}

/* A random but plausible run: tasks stepping, sleeping and finishing,
 * callbacks, timers armed, cancelled, fired and dropped, workers, output.
 * Some events are deliberately inconsistent (pops of handles that are not at
 * the front), which the replay must take the same way on every path. */
static void random_trace(size_t n)
{
    static const char *const words[] = { "sleep(1)", "Event.wait", "gather", "cb", "Queue.get" };
    uint32_t ntasks = 0, next_handle = 1, pending_timers[64], ntim = 0;
    double now = 0;
    while (trace_len(t) < n) {
        now += rnd(4) ? 0 : rnd(1000) / 1000.0;
        uint32_t tk = ntasks ? 1 + rnd(ntasks) : 0;
        const char *w = words[rnd(5)];
        switch (rnd(16)) {
        case 0:
            EV(t, .at = now, .k = TR_TASK_CREATE, .task = ++ntasks, .s1 = "Task", .s2 = w, .line = 3);
            break;
        case 1: case 2:
            EV(t, .at = now, .k = TR_READY_PUSH, .task = rnd(2) ? tk : 0, .obj = next_handle++, .s1 = w);
            break;
        case 3: case 4:
            EV(t, .at = now, .k = TR_READY_POP, .obj = next_handle ? rnd(next_handle) + 1 : 0,
               .num = rnd(8) == 0);
            break;
        case 5:
            EV(t, .at = now, .k = TR_TASK_STEP, .task = tk, .line = (int32_t)rnd(50));
            break;
        case 6:
            EV(t, .at = now, .k = rnd(2) ? TR_TASK_SUSPEND : TR_TASK_DONE, .task = tk,
               .obj = rnd(9), .s1 = w, .line = (int32_t)rnd(50));
            break;
        case 7:
            if (ntim < 64)
                pending_timers[ntim++] = next_handle;
            EV(t, .at = now, .k = TR_TIMER_ARM, .obj = next_handle++, .task = tk,
               .num = now + rnd(5), .s1 = w);
            break;
        case 8:
            if (ntim) {
                uint32_t i = rnd(ntim), h = pending_timers[i];
                pending_timers[i] = pending_timers[--ntim];
                EV(t, .at = now, .k = rnd(3) ? TR_TIMER_FIRE : TR_TIMER_DROP, .obj = h);
                EV(t, .at = now, .k = TR_READY_PUSH, .obj = h);
            }
            break;
        case 9:
            EV(t, .at = now, .k = TR_HANDLE_CANCEL, .obj = rnd(next_handle) + 1);
            break;
        case 10:
            EV(t, .at = now, .k = TR_LOOP_IDLE, .num = rnd(2) ? -1 : now + 1);
            break;
        case 11:
            EV(t, .at = now, .k = rnd(2) ? TR_LOOP_BLOCK : TR_LOOP_UNBLOCK, .num = 0.5, .task = tk);
            break;
        case 12:
            EV(t, .at = now, .k = TR_WORKER_START + rnd(3), .obj = 1 + rnd(6), .num = rnd(3) ? 4 : 0, .s1 = w);
            break;
        case 13:
            EV(t, .at = now, .k = rnd(2) ? TR_GIL : TR_OUTPUT, .obj = rnd(3), .s1 = w, .task = tk);
            break;
        case 14:
            EV(t, .at = now, .k = TR_CANCEL_REQUEST + rnd(2), .task = tk, .line = 7);
            break;
        default:
            EV(t, .at = now, .k = TR_TASK_UNREF + rnd(2) * (TR_GC_DESTROY - TR_TASK_UNREF), .task = tk);
            break;
        }
    }
}

static void assert_states_equal(const TraceState *a, const TraceState *b)
{
    assert_int_equal(a->applied, b->applied);
    assert_int_equal(a->step, b->step);
    assert_int_equal(a->t_ns, b->t_ns);
    assert_memory_equal(&a->loop, &b->loop, sizeof a->loop);   /* padding-free: zeroed on both */
    assert_int_equal(a->nready, b->nready);
    for (size_t i = 0; i < a->nready; i++) {
        assert_int_equal(a->ready[i].handle, b->ready[i].handle);
        assert_int_equal(a->ready[i].task, b->ready[i].task);
        assert_int_equal(a->ready[i].what, b->ready[i].what);
        assert_int_equal(a->ready[i].cancelled, b->ready[i].cancelled);
    }
    assert_int_equal(a->ntimers, b->ntimers);
    for (size_t i = 0; i < a->ntimers; i++) {
        assert_int_equal(a->timers[i].handle, b->timers[i].handle);
        assert_int_equal(a->timers[i].armed_step, b->timers[i].armed_step);
        assert_int_equal(a->timers[i].cancelled, b->timers[i].cancelled);
        assert_int_equal(a->timers[i].task, b->timers[i].task);
        assert_true(a->timers[i].deadline == b->timers[i].deadline);
    }
    assert_int_equal(a->ntasks, b->ntasks);
    for (size_t i = 0; i < a->ntasks; i++) {
        const TraceTaskState *x = &a->tasks[i], *y = &b->tasks[i];
        assert_int_equal(x->id, y->id);
        assert_int_equal(x->status, y->status);
        assert_int_equal(x->line, y->line);
        assert_int_equal(x->queued, y->queued);
        assert_int_equal(x->steps, y->steps);
        assert_int_equal(x->cancel_requests, y->cancel_requests);
        assert_int_equal(x->unreferenced, y->unreferenced);
        assert_int_equal(x->wait_future, y->wait_future);
        assert_int_equal(x->waiting_on, y->waiting_on);
        assert_int_equal(x->outcome, y->outcome);
        assert_int_equal(x->name, y->name);
    }
    assert_int_equal(a->nworkers, b->nworkers);
    for (size_t i = 0; i < a->nworkers; i++) {
        assert_int_equal(a->workers[i].status, b->workers[i].status);
        assert_int_equal(a->workers[i].job, b->workers[i].job);
        assert_int_equal(a->workers[i].until_ns, b->workers[i].until_ns);
        assert_int_equal(a->workers[i].jobs_done, b->workers[i].jobs_done);
    }
    assert_int_equal(a->gil, b->gil);
    assert_int_equal(a->noutput, b->noutput);
    assert_int_equal(a->output_bytes, b->output_bytes);
}

/* The state at every step, reached by a jump from a random other step
 * (restoring a keyframe, then replaying), equals the state reached by
 * stepping from the start with no keyframe at all. */
static void test_every_jump_equals_stepping_from_the_start(void **state)
{
    (void)state;
    random_trace(4000);
    size_t n = trace_len(t);
    Replay *plain = replay_new_every(t, SIZE_MAX);   /* only the empty start */
    Replay *dense = replay_new_every(t, 1);
    r = replay_new(t);
    assert_int_equal(replay_keyframes(plain), 1);
    assert_true(replay_keyframes(r) > 4);
    assert_true(replay_keyframes(dense) > replay_keyframes(r));
    for (size_t k = 0; k < n; k++) {
        const TraceState *stepped = replay_state_at(plain, k);
        replay_state_at(r, rnd((uint32_t)n));
        replay_state_at(dense, rnd((uint32_t)n));
        assert_states_equal(stepped, replay_state_at(r, k));
        assert_states_equal(stepped, replay_state_at(dense, k));
    }
    replay_free(dense);
    replay_free(plain);
}

static void test_keyframes_cost_about_32_bytes_per_event(void **state)
{
    (void)state;
    /* a big state: 20,000 tasks alive, then many events */
    for (uint32_t i = 1; i <= 20000; i++)
        EV(t, .k = TR_TASK_CREATE, .task = i, .s1 = "Task");
    for (uint32_t i = 0; i < 100000; i++)
        EV(t, .k = TR_CANCEL_REQUEST, .task = 1 + i % 20000);
    r = replay_new(t);
    size_t n = trace_len(t);
    assert_true(replay_keyframe_bytes(r) <= REPLAY_KEYFRAME_BYTES_PER_EVENT * n + 65536);
    assert_true(replay_keyframes(r) >= 2);
    const TraceState *s = replay_state_at(r, n - 1);
    assert_int_equal(task(s, 20000)->cancel_requests, 5);
    s = replay_state_at(r, 20000 + 40000 - 1);
    assert_int_equal(task(s, 20000)->cancel_requests, 2);
}

static void test_update_takes_in_new_events(void **state)
{
    (void)state;
    hello();
    r = replay_new(t);
    assert_int_equal(replay_len(r), 18);
    EV(t, .at = 2, .k = TR_OUTPUT, .obj = 2, .s1 = "late\n");
    assert_int_equal(replay_state_at(r, 100)->applied, 18);
    assert_int_equal(replay_update(r), 19);
    const TraceState *s = replay_state_at(r, 100);
    assert_int_equal(s->applied, 19);
    assert_int_equal(s->noutput, 2);
    assert_int_equal(replay_output_step(r, 1), 18);
}

static void test_status_names(void **state)
{
    (void)state;
    assert_string_equal(trace_task_status_name(TT_DESTROYED), "destroyed");
    assert_string_equal(trace_loop_status_name(TL_BLOCKED), "blocked");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_a_task_through_its_life, setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_ready_queue_is_fifo_and_skips_cancelled_handles, setup, teardown),
        cmocka_unit_test_setup_teardown(test_timers_are_listed_by_deadline_then_arming_order, setup, teardown),
        cmocka_unit_test_setup_teardown(test_an_eager_step_inside_another_returns_to_it, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_bare_yield_leaves_the_task_ready, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cancellation_failure_destruction_and_references, setup, teardown),
        cmocka_unit_test_setup_teardown(test_blocking_the_loop_and_the_workers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_an_empty_trace_has_an_empty_state, setup, teardown),
        cmocka_unit_test_setup_teardown(test_every_jump_equals_stepping_from_the_start, setup, teardown),
        cmocka_unit_test_setup_teardown(test_keyframes_cost_about_32_bytes_per_event, setup, teardown),
        cmocka_unit_test_setup_teardown(test_update_takes_in_new_events, setup, teardown),
        cmocka_unit_test(test_status_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
