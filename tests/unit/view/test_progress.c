/*
 * test_progress.c - what the window shows of a run that is not over: the
 * progress screen while a scenario simulates (its figures, an indicator
 * that moves with real time) and the banner of a run cut short by a limit
 * (which limit, when, how to raise it), at every step of the run.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include "view_fixture.h"

static bool list_has_text(const ViewList *l, const char *needle)
{
    for (size_t i = 0; i < l->len; i++)
        if (l->items[i].kind == VI_TEXT && strstr(view_item_text(l, &l->items[i]), needle))
            return true;
    return false;
}

static const ViewItem *indicator(const ViewList *l)
{
    for (size_t i = 0; i < l->len; i++)
        if (l->items[i].kind == VI_RRECT && l->items[i].what == VW_PROGRESS)
            return &l->items[i];
    return NULL;
}

static void progress_shows_the_figures_so_far(void **state)
{
    (void)state;
    ViewProgress pr = { .title = "long.py", .events = 5196390, .virtual_s = 46.1954, .elapsed_s = 1.7 };
    ViewParams p = params(1280, 720);
    ViewList l;
    view_list_init(&l);
    view_layout_progress(&l, &pr, &p);
    assert_true(list_has_text(&l, "long.py"));
    assert_true(list_has_text(&l, "5,196,390 events recorded"));
    assert_true(list_has_text(&l, "t = 46.195 s"));
    assert_true(list_has_text(&l, "x stops here"));
    assert_false(list_has_text(&l, "Stopping"));
    const ViewItem *events[2];
    assert_int_equal(find_items(&l, VI_TEXT, VW_PROGRESS, events, 2), 2);
    assert_int_equal(events[0]->tag, 5196390);
    /* everything inside the window */
    for (size_t i = 0; i < l.len; i++)
        assert_true(rect_inside((ViewRect){ 0, 0, 1280, 720 }, l.items[i].x, l.items[i].y, l.items[i].w,
                                l.items[i].kind == VI_TEXT ? 0 : l.items[i].h));
    pr.stopping = true;
    view_layout_progress(&l, &pr, &p);
    assert_true(list_has_text(&l, "Stopping"));
    assert_false(list_has_text(&l, "x stops here"));
    view_list_free(&l);
}

static void the_indicator_moves_with_real_time(void **state)
{
    (void)state;
    ViewParams p = params(1920, 1080);
    ViewList l;
    view_list_init(&l);
    float xs[5];
    for (int i = 0; i < 5; i++) {
        ViewProgress pr = { .title = "a.py", .elapsed_s = 0.25 * i };
        view_layout_progress(&l, &pr, &p);
        const ViewItem *blk = indicator(&l);
        assert_non_null(blk);
        xs[i] = blk->x;
    }
    for (int i = 1; i < 5; i++)   /* the first second: one sweep to the right */
        assert_true(xs[i] > xs[i - 1]);
    /* there and back every two seconds, within its track */
    assert_float_equal(view_progress_phase(0), 0, 1e-6);
    assert_float_equal(view_progress_phase(1), 1, 1e-6);
    assert_float_equal(view_progress_phase(0.5), 0.5, 1e-6);
    assert_float_equal(view_progress_phase(1.5), 0.5, 1e-6);
    assert_float_equal(view_progress_phase(2.0), 0, 1e-6);
    assert_float_equal(view_progress_phase(1.25), view_progress_phase(0.75), 1e-6);
    for (double t = 0; t < 10; t += 0.01) {
        float ph = view_progress_phase(t);
        assert_true(ph >= 0 && ph <= 1);
    }
    view_list_free(&l);
}

/* A run that ran into --max-steps: the simulator's limit and end events. */
static Trace *limited_trace(const char *limit)
{
    Trace *t = trace_new();
    EV(t, .k = TR_RUN_START, .s1 = "spin.py");
    EV(t, .at = 0.5, .k = TR_OUTPUT, .obj = 2, .s1 = "loopscope: stopped\n");
    if (limit)
        EV(t, .at = 0.803, .k = TR_LIMIT, .s1 = limit);
    EV(t, .at = 0.803, .k = TR_RUN_END, .num = 1);
    return t;
}

static void the_banner_names_the_limit_and_how_to_raise_it(void **state)
{
    (void)state;
    char buf[400];
    ViewLimits lim = { .max_steps = 200000, .max_memory_mb = 2048, .recursion_limit = 1000 };
    Trace *t = limited_trace("the --max-steps instruction limit");
    assert_true(view_limit_banner(t, &lim, buf, sizeof buf) > 0);
    assert_non_null(strstr(buf, "t=0.803 s"));
    assert_non_null(strstr(buf, "--max-steps limit (200000 instructions)"));
    assert_non_null(strstr(buf, "Raise it: loopscope --max-steps N"));
    lim.stopped = true;   /* the user's stop is told as such, not as a limit */
    view_limit_banner(t, &lim, buf, sizeof buf);
    assert_non_null(strstr(buf, "You stopped the simulation at t=0.803 s"));
    trace_free(t);

    lim.stopped = false;
    t = limited_trace("the --max-memory limit");
    view_limit_banner(t, &lim, buf, sizeof buf);
    assert_non_null(strstr(buf, "--max-memory limit (2048 MB)"));
    assert_non_null(strstr(buf, "--max-memory MB"));
    trace_free(t);

    t = trace_new();   /* an uncaught RecursionError: its traceback on stderr, exit 1 */
    EV(t, .k = TR_RUN_START, .s1 = "deep.py");
    EV(t, .at = 0.2, .k = TR_OUTPUT, .obj = 2, .s1 = "RecursionError: maximum recursion depth exceeded\n");
    EV(t, .at = 0.2, .k = TR_RUN_END, .num = 1);
    view_limit_banner(t, &lim, buf, sizeof buf);
    assert_non_null(strstr(buf, "recursion limit (1000 calls deep)"));
    assert_non_null(strstr(buf, "--recursion-limit N"));
    trace_free(t);

    /* a run that ended by itself: no banner */
    t = limited_trace(NULL);
    assert_int_equal(view_limit_banner(t, &lim, buf, sizeof buf), 0);
    assert_string_equal(buf, "");
    trace_free(t);
    Fixture f;
    fixture_build(&f);
    assert_int_equal(view_limit_banner(f.t, &lim, buf, sizeof buf), 0);
    fixture_free(&f);
}

static void the_banner_is_on_screen_at_every_step(void **state)
{
    (void)state;
    Fixture f;
    fixture_build(&f);
    ViewParams p = params(1280, 720);
    ViewList l;
    view_list_init(&l);
    const char *text = "Stopped at t=0.803 s by the --max-steps limit: what ran until then is shown.";
    const ViewItem *items[8];
    float explain_y_without = 0;
    for (size_t step = 0; step <= f.last; step += f.last) {
        ViewScene sc = fixture_scene(&f, step);
        view_layout(&l, &sc, &p);
        assert_int_equal(find_items(&l, VI_TEXT, VW_BANNER, items, 8), 0);
        explain_y_without = l.panels[VP_EXPLAIN].y;
        sc.banner = text;
        view_layout(&l, &sc, &p);
        assert_int_equal(find_items(&l, VI_RECT, VW_BANNER, items, 8), 1);
        ViewRect strip = { items[0]->x, items[0]->y, items[0]->w, items[0]->h };
        assert_true(strip.y >= l.panels[VP_HEADER].y + l.panels[VP_HEADER].h - 0.5f);
        assert_true(find_items(&l, VI_TEXT, VW_BANNER, items, 8) >= 1);
        assert_non_null(strstr(view_item_text(&l, items[0]), "--max-steps"));
        /* the panels below make room for it */
        assert_true(l.panels[VP_EXPLAIN].y > explain_y_without);
        for (int pnl = VP_SOURCE; pnl <= VP_CONSOLE; pnl++)
            if (l.panels[pnl].w > 0)
                assert_false(rects_overlap(strip, l.panels[pnl]));
    }
    view_list_free(&l);
    fixture_free(&f);
}

static void at_the_limit_the_sentence_is_the_banner(void **state)
{
    (void)state;
    Trace *t = limited_trace("the --max-steps instruction limit");
    Replay *r = replay_new(t);
    replay_update(r);
    ViewTimeline *tl = view_timeline_build(t);
    size_t limit = trace_len(t) - 2;
    assert_int_equal(trace_event(t, limit)->kind, TR_LIMIT);
    const char *banner = "You stopped the simulation at t=0.803 s after 4 events: what ran until then is shown.";
    ViewScene sc = { .title = "spin.py", .source = "x = 1\n", .source_len = 6, .trace = t, .replay = r,
                     .timeline = tl, .state = replay_state_at(r, limit), .banner = banner };
    ViewParams p = params(1920, 1080);
    ViewList l;
    view_list_init(&l);
    view_layout(&l, &sc, &p);
    const ViewItem *ex[4];
    assert_true(find_items(&l, VI_TEXT, VW_EXPLAIN, ex, 4) >= 1);
    assert_non_null(strstr(view_item_text(&l, ex[0]), "You stopped the simulation"));
    /* without a banner (an export of an old trace), the event's own words */
    sc.banner = NULL;
    view_layout(&l, &sc, &p);
    assert_true(find_items(&l, VI_TEXT, VW_EXPLAIN, ex, 4) >= 1);
    assert_non_null(strstr(view_item_text(&l, ex[0]), "Stopped by a limit"));
    view_list_free(&l);
    view_timeline_free(tl);
    replay_free(r);
    trace_free(t);
}

/* A run the user stopped (the window cuts the instruction budget): the
 * console and the sentence tell the user's stop, not the --max-steps limit. */
static void a_user_stop_is_told_as_such_in_the_console(void **state)
{
    (void)state;
    Trace *t = trace_new();
    EV(t, .k = TR_RUN_START, .s1 = "spin.py");
    EV(t, .at = 0.1, .k = TR_OUTPUT, .obj = 1, .s1 = "working\n");
    EV(t, .at = 0.8, .k = TR_OUTPUT, .obj = 2,
       .s1 = "loopscope: stopped after 5301 instructions, the --max-steps limit; raise it with --max-steps N (0 = no limit)\n");
    EV(t, .at = 0.803, .k = TR_LIMIT, .s1 = "the --max-steps instruction limit");
    EV(t, .at = 0.803, .k = TR_RUN_END, .num = 1);
    Replay *r = replay_new(t);
    replay_update(r);
    ViewTimeline *tl = view_timeline_build(t);
    char banner[400];
    ViewLimits lim = { .max_steps = 0, .recursion_limit = 1000, .stopped = true };
    view_limit_banner(t, &lim, banner, sizeof banner);
    ViewScene sc = { .title = "spin.py", .source = "x = 1\n", .source_len = 6, .trace = t, .replay = r,
                     .timeline = tl, .state = replay_state_at(r, 2), .banner = banner, .user_stopped = true };
    ViewParams p = params(1920, 1080);
    ViewList l;
    view_list_init(&l);
    view_layout(&l, &sc, &p);
    assert_true(list_has_text(&l, "you stopped the simulation (x) after 5301 instructions"));
    assert_false(list_has_text(&l, "--max-steps"));
    const ViewItem *ex[4];
    assert_true(find_items(&l, VI_TEXT, VW_EXPLAIN, ex, 4) >= 1);
    assert_non_null(strstr(view_item_text(&l, ex[0]), "You stopped the simulation"));
    /* the same trace, run into the real limit: the limit's own words */
    sc.user_stopped = false;
    view_layout(&l, &sc, &p);
    assert_true(list_has_text(&l, "the --max-steps limit"));
    assert_false(list_has_text(&l, "you stopped"));
    view_list_free(&l);
    view_timeline_free(tl);
    replay_free(r);
    trace_free(t);
}

/* A RecursionError's traceback, folded as CPython folds it: `shown` frames
 * of f and "[Previous line repeated N more times]". */
static Trace *recursion_trace(int repeated)
{
    Trace *t = trace_new();
    EV(t, .k = TR_RUN_START, .s1 = "deep.py");
    EV(t, .at = 0.2, .k = TR_OUTPUT, .obj = 2, .s1 = "Traceback (most recent call last):\n");
    EV(t, .at = 0.2, .k = TR_OUTPUT, .obj = 2, .s1 = "  File \"deep.py\", line 6, in <module>\n    A(0)\n");
    for (int i = 0; i < 3; i++)
        EV(t, .at = 0.2, .k = TR_OUTPUT, .obj = 2,
           .s1 = "  File \"deep.py\", line 4, in __init__\n    self.child = A(n + 1)\n                 ^^^^^^^^\n");
    char more[64];
    snprintf(more, sizeof more, "  [Previous line repeated %d more times]\n", repeated);
    EV(t, .at = 0.2, .k = TR_OUTPUT, .obj = 2, .s1 = more);
    EV(t, .at = 0.2, .k = TR_OUTPUT, .obj = 2, .s1 = "RecursionError: maximum recursion depth exceeded\n");
    EV(t, .at = 0.2, .k = TR_RUN_END, .num = 1);
    return t;
}

static void the_recursion_banner_names_the_guard_that_stopped_it(void **state)
{
    (void)state;
    char buf[400];
    /* 4 + 996 = 1000 frames deep: the recursion limit */
    Trace *t = recursion_trace(996);
    ViewLimits lim = { .recursion_limit = 1000 };
    view_limit_banner(t, &lim, buf, sizeof buf);
    assert_non_null(strstr(buf, "recursion limit (1000 calls deep)"));
    assert_non_null(strstr(buf, "--recursion-limit N"));
    assert_null(strstr(buf, "C-stack"));
    /* raised by the program itself: that is what to change */
    lim = (ViewLimits){ .recursion_limit = 1000, .recursion_set_by_program = true };
    view_limit_banner(t, &lim, buf, sizeof buf);
    assert_non_null(strstr(buf, "recursion limit (1000 calls deep, set by its own sys.setrecursionlimit)"));
    assert_non_null(strstr(buf, "sys.setrecursionlimit(N)"));
    trace_free(t);
    /* 2000 deep under a limit of 100000: the C-stack guard stopped it,
     * and the recursion limit is not what to raise */
    t = recursion_trace(1996);
    lim = (ViewLimits){ .recursion_limit = 100000, .recursion_set_by_program = true };
    view_limit_banner(t, &lim, buf, sizeof buf);
    assert_non_null(strstr(buf, "C-stack guard"));
    assert_non_null(strstr(buf, "2000 calls deep"));
    assert_non_null(strstr(buf, "short of the recursion limit (100000)"));
    assert_null(strstr(buf, "Raise it"));
    trace_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(progress_shows_the_figures_so_far),
        cmocka_unit_test(the_indicator_moves_with_real_time),
        cmocka_unit_test(the_banner_names_the_limit_and_how_to_raise_it),
        cmocka_unit_test(the_banner_is_on_screen_at_every_step),
        cmocka_unit_test(at_the_limit_the_sentence_is_the_banner),
        cmocka_unit_test(a_user_stop_is_told_as_such_in_the_console),
        cmocka_unit_test(the_recursion_banner_names_the_guard_that_stopped_it),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
