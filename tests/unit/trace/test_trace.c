/*
 * test_trace.c - the event store (interning, stable strings, steps) and the
 * JSON Lines writer, byte for byte (the schema in docs/trace-format.md).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "trace_fixture.h"

static void test_steps_count_from_zero_and_events_read_back(void **state)
{
    (void)state;
    Trace *t = trace_new();
    assert_int_equal(trace_len(t), 0);
    assert_null(trace_event(t, 0));
    assert_int_equal(EV(t, .at = 0, .k = TR_RUN_START, .s1 = "a.py"), 0);
    assert_int_equal(EV(t, .at = 2.5, .k = TR_TIMER_ARM, .obj = 3, .num = 4.25, .task = 7), 1);
    const TraceEvent *e = trace_event(t, 1);
    assert_int_equal(e->t_ns, 2500000000);
    assert_int_equal(e->kind, TR_TIMER_ARM);
    assert_int_equal(e->obj, 3);
    assert_int_equal(e->task, 7);
    assert_true(e->num == 4.25);
    assert_int_equal(trace_len(t), 2);
    trace_free(t);
}

static void test_equal_strings_share_one_handle(void **state)
{
    (void)state;
    Trace *t = trace_new();
    TraceStr a = trace_cstr(t, "Task-1");
    TraceStr b = trace_cstr(t, "Task-2");
    assert_int_not_equal(a, b);
    char name[32];
    for (int i = 0; i < 50000; i++) {   /* many tasks, few names */
        snprintf(name, sizeof name, "Task-%d", 1 + i % 2);
        assert_int_equal(trace_cstr(t, name), i % 2 ? b : a);
    }
    assert_int_equal(trace_str(t, "Task-12", 6), a);   /* by length, not by NUL */
    assert_int_equal(trace_cstr(t, NULL), 0);
    assert_int_not_equal(trace_cstr(t, ""), 0);        /* "" is a string, not none */
    trace_free(t);
}

static void test_strings_stay_put_and_keep_their_bytes(void **state)
{
    (void)state;
    Trace *t = trace_new();
    TraceStr nul = trace_str(t, "a\0b", 3);
    size_t len;
    const char *p = trace_string(t, nul, &len);
    assert_int_equal(len, 3);
    assert_memory_equal(p, "a\0b", 3);
    char big[100000];
    memset(big, 'x', sizeof big);
    TraceStr hb = trace_str(t, big, sizeof big);
    char line[64];
    for (int i = 0; i < 20000; i++) {   /* enough to fill several chunks and rehash */
        snprintf(line, sizeof line, "line %d", i);
        trace_cstr(t, line);
    }
    assert_ptr_equal(trace_string(t, nul, NULL), p);   /* never moved */
    assert_memory_equal(trace_string(t, hb, &len), big, sizeof big);
    assert_int_equal(len, sizeof big);
    assert_string_equal(trace_string(t, trace_cstr(t, "line 12345"), NULL), "line 12345");
    assert_null(trace_string(t, 0, &len));
    assert_int_equal(len, 0);
    trace_free(t);
}

typedef struct Seen {
    size_t calls, last_step;
    int64_t last_t;
} Seen;

static void observe(void *ud, const Trace *t, size_t step)
{
    Seen *s = ud;
    s->calls++;
    s->last_step = step;
    s->last_t = trace_event(t, step)->t_ns;   /* already appended when told */
}

static void test_an_observer_hears_each_event_after_it_is_appended(void **state)
{
    (void)state;
    Trace *t = trace_new();
    Seen seen = { 0 };
    EV(t, .at = 0, .k = TR_RUN_START, .s1 = "a.py");   /* before: not heard */
    trace_set_observer(t, observe, &seen);
    EV(t, .at = 1.5, .k = TR_LOOP_IDLE, .num = 2);
    EV(t, .at = 2, .k = TR_TIMER_FIRE, .obj = 1);
    assert_int_equal(seen.calls, 2);
    assert_int_equal(seen.last_step, 2);
    assert_int_equal(seen.last_t, 2000000000);
    trace_set_observer(t, NULL, NULL);
    EV(t, .at = 3, .k = TR_RUN_END);
    assert_int_equal(seen.calls, 2);
    trace_free(t);
}

static void test_kind_names_come_from_the_list(void **state)
{
    (void)state;
    assert_string_equal(trace_kind_name(TR_RUN_START), "run.start");
    assert_string_equal(trace_kind_name(TR_TASK_SUSPEND), "task.suspend");
    assert_string_equal(trace_kind_name(TR_RUN_END), "run.end");
    assert_string_equal(trace_kind_name(TR__COUNT), "?");
}

static void expect_jsonl(const Trace *t, const char *expected)
{
    char *s = written(trace_write_jsonl, t);
    assert_string_equal(s, expected);
    free(s);
}

static void test_jsonl_names_fields_per_kind_and_omits_empty_ones(void **state)
{
    (void)state;
    Trace *t = trace_new();
    EV(t, .at = 0, .k = TR_RUN_START, .s1 = "hello.py");
    EV(t, .at = 0, .k = TR_TASK_CREATE, .task = 1, .line = 9, .s1 = "Task-1", .s2 = "main");
    EV(t, .at = 0, .k = TR_READY_PUSH, .task = 1, .obj = 1, .s1 = "Task-1.__step()");
    EV(t, .at = 0, .k = TR_READY_POP, .obj = 1);
    EV(t, .at = 0.000000001, .k = TR_TASK_STEP, .task = 1, .line = 5);
    EV(t, .at = 0.000002, .k = TR_TIMER_ARM, .task = 1, .obj = 2, .line = 6, .num = 1.000002, .s1 = "sleep(1)");
    EV(t, .at = 0.000002, .k = TR_TASK_SUSPEND, .task = 1, .obj = 3, .line = 6, .s1 = "sleep(1)");
    EV(t, .at = 0.000002, .k = TR_LOOP_IDLE, .num = -1);
    EV(t, .at = 1.00000025, .k = TR_FUTURE_DONE, .obj = 3, .num = 0, .s1 = "result");
    EV(t, .at = 3, .k = TR_GIL, .obj = 0);
    EV(t, .at = 3, .k = TR_TASK_DONE, .task = 1, .obj = 99, .s1 = "None");
    EV(t, .at = 3, .k = TR_RUN_END, .num = 0);
    expect_jsonl(t,
        "{\"step\":0,\"t\":0,\"ev\":\"run.start\",\"file\":\"hello.py\"}\n"
        "{\"step\":1,\"t\":0,\"ev\":\"task.create\",\"task\":1,\"line\":9,\"name\":\"Task-1\",\"coro\":\"main\"}\n"
        "{\"step\":2,\"t\":0,\"ev\":\"ready.push\",\"task\":1,\"handle\":1,\"callback\":\"Task-1.__step()\"}\n"
        "{\"step\":3,\"t\":0,\"ev\":\"ready.pop\",\"handle\":1}\n"
        "{\"step\":4,\"t\":0.000000001,\"ev\":\"task.step\",\"task\":1,\"line\":5}\n"
        "{\"step\":5,\"t\":0.000002,\"ev\":\"timer.arm\",\"task\":1,\"handle\":2,\"line\":6,\"deadline\":1.000002,\"what\":\"sleep(1)\"}\n"
        "{\"step\":6,\"t\":0.000002,\"ev\":\"task.suspend\",\"task\":1,\"future\":3,\"line\":6,\"awaiting\":\"sleep(1)\"}\n"
        "{\"step\":7,\"t\":0.000002,\"ev\":\"loop.idle\",\"until\":-1}\n"
        "{\"step\":8,\"t\":1.00000025,\"ev\":\"future.done\",\"future\":3,\"callbacks\":0,\"outcome\":\"result\"}\n"
        "{\"step\":9,\"t\":3,\"ev\":\"gil\",\"thread\":0}\n"
        /* obj is not a task.done field, but a value the simulator set is kept */
        "{\"step\":10,\"t\":3,\"ev\":\"task.done\",\"task\":1,\"obj\":99,\"result\":\"None\"}\n"
        "{\"step\":11,\"t\":3,\"ev\":\"run.end\",\"status\":0}\n");
    trace_free(t);
}

static void test_jsonl_escapes_strings_and_repairs_bad_utf8(void **state)
{
    (void)state;
    Trace *t = trace_new();
    static const char text[] = "say \"hi\"\\\n\t\r\b\f\x01\x1f\x7f caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x90\x8d";
    EV(t, .at = 0, .k = TR_OUTPUT, .obj = 1, .s1 = text);
    /* a lone continuation byte, a truncated sequence, an overlong slash,
     * a surrogate, a code point past U+10FFFF, and a NUL */
    static const char bad[] = "\x80|\xe2\x82|\xc0\xaf|\xed\xa0\x80|\xf4\x90\x80\x80|\0.";
    TraceEvent ev = { .kind = TR_OUTPUT, .obj = 2, .s1 = trace_str(t, bad, sizeof bad - 1) };
    trace_emit(t, &ev);
    expect_jsonl(t,
        "{\"step\":0,\"t\":0,\"ev\":\"output\",\"stream\":1,\"text\":"
        "\"say \\\"hi\\\"\\\\\\n\\t\\r\\b\\f\\u0001\\u001f\x7f caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x90\x8d\"}\n"
        "{\"step\":1,\"t\":0,\"ev\":\"output\",\"stream\":2,\"text\":"
        "\"\xef\xbf\xbd|\xef\xbf\xbd|\xef\xbf\xbd\xef\xbf\xbd|\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd|"
        "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd|\\u0000.\"}\n");
    trace_free(t);
}

static void test_jsonl_times_and_numbers_are_exact(void **state)
{
    (void)state;
    Trace *t = trace_new();
    TraceEvent ev = { .kind = TR_LOOP_BLOCK };
    int64_t times[] = { 1000000250, 5, 7000000000, 123456789012, -1500000000 };
    double nums[] = { 0.1, 1e-7, 86400, 2.5e21, -0.0 };
    for (int i = 0; i < 5; i++) {
        ev.t_ns = times[i];
        ev.num = nums[i];
        trace_emit(t, &ev);
    }
    expect_jsonl(t,
        "{\"step\":0,\"t\":1.00000025,\"ev\":\"loop.block\",\"seconds\":0.1}\n"
        "{\"step\":1,\"t\":0.000000005,\"ev\":\"loop.block\",\"seconds\":1e-07}\n"
        "{\"step\":2,\"t\":7,\"ev\":\"loop.block\",\"seconds\":86400}\n"
        "{\"step\":3,\"t\":123.456789012,\"ev\":\"loop.block\",\"seconds\":2.5e+21}\n"
        "{\"step\":4,\"t\":-1.5,\"ev\":\"loop.block\",\"seconds\":-0}\n");
    trace_free(t);
}

static void test_trace_ns_rounds_to_the_nearest_nanosecond(void **state)
{
    (void)state;
    assert_int_equal(trace_ns(0.1), 100000000);
    assert_int_equal(trace_ns(1.000000250), 1000000250);
    assert_int_equal(trace_ns(-0.25), -250000000);
}

static void test_writers_report_write_errors(void **state)
{
    (void)state;
    FILE *f = fopen("/dev/full", "w");
    if (!f)
        skip();
    Trace *t = trace_new();
    EV(t, .at = 0, .k = TR_RUN_START, .s1 = "x.py");
    assert_int_equal(trace_write_jsonl(t, f), -1);
    clearerr(f);
    assert_int_equal(trace_write_chrome(t, f), -1);
    fclose(f);
    trace_free(t);
}

static void test_an_empty_trace_writes_nothing_much(void **state)
{
    (void)state;
    Trace *t = trace_new();
    expect_jsonl(t, "");
    trace_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_steps_count_from_zero_and_events_read_back),
        cmocka_unit_test(test_equal_strings_share_one_handle),
        cmocka_unit_test(test_strings_stay_put_and_keep_their_bytes),
        cmocka_unit_test(test_an_observer_hears_each_event_after_it_is_appended),
        cmocka_unit_test(test_kind_names_come_from_the_list),
        cmocka_unit_test(test_jsonl_names_fields_per_kind_and_omits_empty_ones),
        cmocka_unit_test(test_jsonl_escapes_strings_and_repairs_bad_utf8),
        cmocka_unit_test(test_jsonl_times_and_numbers_are_exact),
        cmocka_unit_test(test_trace_ns_rounds_to_the_nearest_nanosecond),
        cmocka_unit_test(test_writers_report_write_errors),
        cmocka_unit_test(test_an_empty_trace_writes_nothing_much),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
