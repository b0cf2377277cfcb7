/*
 * test_chrome.c - the Chrome trace event file: parsed back with a small
 * strict JSON reader, then checked for what Perfetto relies on (one object
 * with "traceEvents", named tracks, timestamps in step order, slices with a
 * positive duration, instants for zero-length stretches).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "trace_fixture.h"

/* ---- a strict JSON reader that keeps the top-level events' fields ------ */

typedef struct Rec {
    char ph[4];
    char name[96];
    double ts, dur;
    long tid;
    bool has_ts, has_dur;
} Rec;

typedef struct Reader {
    const char *p;
    Rec recs[512];
    int nrecs;
    bool in_events;      /* inside the "traceEvents" array */
} Reader;

static bool value(Reader *r, int depth, Rec *rec, const char *key);

static void ws(Reader *r)
{
    while (*r->p == ' ' || *r->p == '\n' || *r->p == '\t' || *r->p == '\r')
        r->p++;
}

/* A string into out (escapes kept as written; enough to compare names). */
static bool string(Reader *r, char *out, size_t cap)
{
    if (*r->p != '"')
        return false;
    size_t n = 0;
    for (r->p++; *r->p != '"'; r->p++) {
        if ((unsigned char)*r->p < 0x20 || !*r->p)
            return false;
        if (*r->p == '\\') {
            r->p++;
            if (!strchr("\"\\/bfnrtu", *r->p))
                return false;
        }
        if (n + 1 < cap)
            out[n++] = *r->p;
    }
    r->p++;
    if (cap)
        out[n] = '\0';
    return true;
}

static bool number(Reader *r, double *out)
{
    char *end;
    if (!(*r->p == '-' || (*r->p >= '0' && *r->p <= '9')))
        return false;
    *out = strtod(r->p, &end);
    r->p = end;
    return true;
}

static bool members(Reader *r, int depth, Rec *rec)
{
    r->p++;   /* '{' */
    ws(r);
    if (*r->p == '}')
        return r->p++, true;
    for (;;) {
        char key[32];
        ws(r);
        if (!string(r, key, sizeof key))
            return false;
        ws(r);
        if (*r->p++ != ':')
            return false;
        ws(r);
        bool events = depth == 0 && !strcmp(key, "traceEvents");
        r->in_events |= events;
        if (!value(r, depth + 1, rec, key))
            return false;
        r->in_events &= !events;
        ws(r);
        if (*r->p == '}')
            return r->p++, true;
        if (*r->p++ != ',')
            return false;
    }
}

static bool elements(Reader *r, int depth)
{
    r->p++;   /* '[' */
    ws(r);
    if (*r->p == ']')
        return r->p++, true;
    for (;;) {
        ws(r);
        Rec *rec = NULL;
        if (r->in_events && depth == 1) {
            assert_true(r->nrecs < 512);
            rec = &r->recs[r->nrecs++];
            memset(rec, 0, sizeof *rec);
        }
        if (!value(r, depth + 1, rec, NULL))
            return false;
        ws(r);
        if (*r->p == ']')
            return r->p++, true;
        if (*r->p++ != ',')
            return false;
    }
}

/* Fields of an event object (depth 2) are kept in rec. */
static bool value(Reader *r, int depth, Rec *rec, const char *key)
{
    bool mine = rec && depth == 3 && key;
    double d;
    char buf[96];
    switch (*r->p) {
    case '{':
        return members(r, depth, rec);
    case '[':
        return elements(r, depth);
    case '"':
        if (!string(r, buf, sizeof buf))
            return false;
        if (mine && !strcmp(key, "ph"))
            memcpy(rec->ph, buf, strnlen(buf, sizeof rec->ph - 1));
        if (mine && !strcmp(key, "name"))
            memcpy(rec->name, buf, strlen(buf));   /* both hold 96 bytes */
        return true;
    case 't':
        return !strncmp(r->p, "true", 4) && (r->p += 4);
    case 'f':
        return !strncmp(r->p, "false", 5) && (r->p += 5);
    case 'n':
        return !strncmp(r->p, "null", 4) && (r->p += 4);
    default:
        if (!number(r, &d))
            return false;
        if (mine && !strcmp(key, "ts"))
            rec->ts = d, rec->has_ts = true;
        if (mine && !strcmp(key, "dur"))
            rec->dur = d, rec->has_dur = true;
        if (mine && !strcmp(key, "tid"))
            rec->tid = (long)d;
        return true;
    }
}

static Reader *parse(const char *text)
{
    static Reader rd;
    memset(&rd, 0, sizeof rd);
    rd.p = text;
    ws(&rd);
    assert_int_equal(*rd.p, '{');
    assert_true(value(&rd, 0, NULL, NULL));
    ws(&rd);
    assert_int_equal(*rd.p, '\0');   /* nothing after the object */
    return &rd;
}

static int count(const Reader *rd, const char *ph, const char *name)
{
    int n = 0;
    for (int i = 0; i < rd->nrecs; i++)
        n += !strcmp(rd->recs[i].ph, ph) && (!name || !strcmp(rd->recs[i].name, name));
    return n;
}

static const Rec *find(const Reader *rd, const char *ph, const char *name)
{
    for (int i = 0; i < rd->nrecs; i++)
        if (!strcmp(rd->recs[i].ph, ph) && !strcmp(rd->recs[i].name, name))
            return &rd->recs[i];
    fail_msg("no %s event named %s", ph, name);
    return NULL;
}

/* ---- the tests ---------------------------------------------------------- */

static void two_tasks_and_a_worker(Trace *t)
{
    EV(t, .at = 0, .k = TR_RUN_START, .s1 = "lesson \"one\".py");
    EV(t, .at = 0, .k = TR_TASK_CREATE, .task = 1, .s1 = "Task-1", .s2 = "main");
    EV(t, .at = 0, .k = TR_READY_PUSH, .task = 1, .obj = 1);
    EV(t, .at = 0, .k = TR_READY_POP, .obj = 1);
    EV(t, .at = 0, .k = TR_TASK_STEP, .task = 1, .line = 3);
    EV(t, .at = 0, .k = TR_TASK_CREATE, .task = 2, .obj = 1, .s1 = "Task-2", .s2 = "fetch");
    EV(t, .at = 0, .k = TR_READY_PUSH, .task = 2, .obj = 2);
    EV(t, .at = 0.001, .k = TR_TASK_SUSPEND, .task = 1, .obj = 2, .s1 = "Task-2");
    EV(t, .at = 0.001, .k = TR_READY_POP, .obj = 2);
    EV(t, .at = 0.001, .k = TR_TASK_STEP, .task = 2);                   /* zero-length step */
    EV(t, .at = 0.001, .k = TR_WORKER_START, .obj = 1, .num = 2, .s1 = "blocking_io()");
    EV(t, .at = 0.001, .k = TR_TASK_SUSPEND, .task = 2, .obj = 5, .s1 = "to_thread");
    EV(t, .at = 0.001, .k = TR_LOOP_IDLE, .num = -1);
    EV(t, .at = 0.001, .k = TR_GIL, .obj = 1);
    EV(t, .at = 0.001, .k = TR_OUTPUT, .obj = 1, .s1 = "in the thread\n");
    EV(t, .at = 0.002, .k = TR_WORKER_BLOCK, .obj = 1, .num = 1);
    EV(t, .at = 1.002, .k = TR_WORKER_END, .obj = 1, .s1 = "result");
    EV(t, .at = 1.002, .k = TR_GIL, .obj = 0);
    EV(t, .at = 1.002, .k = TR_READY_PUSH, .task = 2, .obj = 3);
    EV(t, .at = 1.002, .k = TR_READY_POP, .obj = 3);
    EV(t, .at = 1.002, .k = TR_TASK_STEP, .task = 2);
    EV(t, .at = 1.003, .k = TR_TASK_RENAME, .task = 2, .s1 = "fetcher");
    EV(t, .at = 1.004, .k = TR_LOOP_BLOCK, .task = 2, .num = 0.5);
    EV(t, .at = 1.504, .k = TR_LOOP_UNBLOCK);
    EV(t, .at = 1.504, .k = TR_TASK_DONE, .task = 2, .s1 = "'ok'");
    EV(t, .at = 1.504, .k = TR_RUN_END, .num = 0);
}

static void test_the_file_is_one_json_object_with_named_tracks(void **state)
{
    (void)state;
    Trace *t = trace_new();
    two_tasks_and_a_worker(t);
    char *text = written(trace_write_chrome, t);
    Reader *rd = parse(text);

    /* process name, then name and sort index for the loop, 1 worker, 2 tasks */
    assert_int_equal(count(rd, "M", NULL), 1 + 2 * 4);
    assert_int_equal(count(rd, "M", "process_name"), 1);
    assert_int_equal(count(rd, "M", "thread_name"), 4);
    assert_non_null(strstr(text, "\"name\":\"loopscope: lesson \\\"one\\\".py\""));
    assert_non_null(strstr(text, "\"args\":{\"name\":\"Task-1 main()\"}"));
    assert_non_null(strstr(text, "\"args\":{\"name\":\"fetcher fetch()\"}"));   /* the last name */
    assert_non_null(strstr(text, "\"args\":{\"name\":\"worker 1\"}"));

    /* every event but loop.unblock and worker.end appears once */
    int n = (int)trace_len(t);
    assert_int_equal(rd->nrecs - count(rd, "M", NULL), n - 2);
    double last = -1;
    for (int i = 0; i < rd->nrecs; i++) {
        const Rec *e = &rd->recs[i];
        if (!strcmp(e->ph, "M"))
            continue;
        assert_true(e->has_ts);
        assert_true(e->ts >= last);   /* written in step order */
        last = e->ts;
        if (!strcmp(e->ph, "X"))
            assert_true(e->has_dur && e->dur > 0);
    }

    const Rec *run = find(rd, "X", "run");   /* Task-1's first step: 1 ms */
    assert_true(run->dur == 1000);
    assert_int_equal(count(rd, "i", "run"), 1);   /* Task-2's zero-length step */
    assert_true(find(rd, "X", "job blocking_io()")->dur == 1001000);
    assert_true(find(rd, "X", "time.sleep")->dur == 1000000);
    assert_true(find(rd, "X", "BLOCKED (time.sleep)")->dur == 500000);
    assert_true(find(rd, "X", "idle")->dur == 1001000);
    assert_true(find(rd, "X", "await to_thread")->dur == 1001000);
    assert_int_equal(count(rd, "C", "GIL holder"), 2);
    /* the output outside tasks goes to the thread holding the GIL */
    assert_int_equal(find(rd, "i", "output")->tid, find(rd, "X", "job blocking_io()")->tid);
    free(text);
    trace_free(t);
}

static void test_an_empty_trace_is_still_a_valid_file(void **state)
{
    (void)state;
    Trace *t = trace_new();
    char *text = written(trace_write_chrome, t);
    Reader *rd = parse(text);
    assert_int_equal(count(rd, "M", NULL), 3);
    free(text);
    trace_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_the_file_is_one_json_object_with_named_tracks),
        cmocka_unit_test(test_an_empty_trace_is_still_a_valid_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
