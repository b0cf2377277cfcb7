/*
 * test_panels.c - the slide layouts (src/view/layout.c): --panels picks
 * panels that then fill the picture (one alone, two side by side, rows of
 * several), the whole set is the main screen itself, the names map to
 * panels; the clock moves the playhead and a still's header between two
 * events; --compare lays two runs out one above the other on one time axis.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>
#include "view_fixture.h"

#define B(p) VIEW_PANEL_BIT(p)

static const ViewPanel every_panel[] = { VP_HEADER, VP_EXPLAIN, VP_SOURCE, VP_LOOP, VP_TASKS, VP_TIMELINE,
                                         VP_CONSOLE };

/* Lays out the fixture's last step with these panels at 1920x1080. */
static void lay(Fixture *f, ViewList *l, unsigned panels)
{
    ViewScene sc = fixture_scene(f, f->last);
    ViewParams p = params(1920, 1080);
    p.panels = panels;
    view_layout(l, &sc, &p);
}

/* Every item inside the picture, and in a panel that was asked for. */
static void only_these(const ViewList *l, unsigned panels)
{
    for (size_t i = 0; i < l->len; i++) {
        const ViewItem *it = &l->items[i];
        if (it->kind == VI_UNCLIP)
            continue;
        assert_true(rect_inside((ViewRect){ 0, 0, 1920, 1080 }, it->x, it->y, it->w, it->h));
        if (it->panel != VP_NONE)
            assert_true(panels & B(it->panel));
    }
    for (size_t k = 0; k < sizeof every_panel / sizeof every_panel[0]; k++)
        if (!(panels & B(every_panel[k])))
            assert_true(l->panels[every_panel[k]].w == 0);
}

static void one_panel_fills_the_picture(void **state)
{
    (void)state;
    Fixture f;
    fixture_build(&f);
    ViewList l;
    view_list_init(&l);
    static const ViewPanel alone[] = { VP_TIMELINE, VP_SOURCE, VP_LOOP, VP_TASKS, VP_CONSOLE };
    for (size_t k = 0; k < sizeof alone / sizeof alone[0]; k++) {
        lay(&f, &l, B(alone[k]));
        only_these(&l, B(alone[k]));
        ViewRect r = l.panels[alone[k]];
        /* within a margin of the edges on every side */
        assert_true(r.x < 20 && r.y < 20);
        assert_true(r.w > 1920 - 40 && r.h > 1080 - 40);
    }
    /* the timeline alone: its rows grow, still inside it */
    lay(&f, &l, B(VP_TIMELINE));
    const ViewItem *rows[16];
    size_t n = find_items(&l, VI_TEXT, VW_TL_ROW, rows, 16);
    assert_int_equal(n, 5);   /* the loop and four tasks */
    assert_true(rows[1]->y - rows[0]->y > 1.3f * 24);
    view_list_free(&l);
    fixture_free(&f);
}

static void two_panels_side_by_side(void **state)
{
    (void)state;
    Fixture f;
    fixture_build(&f);
    ViewList l;
    view_list_init(&l);
    lay(&f, &l, B(VP_SOURCE) | B(VP_TIMELINE));
    only_these(&l, B(VP_SOURCE) | B(VP_TIMELINE));
    ViewRect code = l.panels[VP_SOURCE], tl = l.panels[VP_TIMELINE];
    assert_false(rects_overlap(code, tl));
    assert_true(code.x < tl.x);
    assert_true(code.h > 1000 && tl.h > 1000);
    assert_true(tl.w > code.w);
    assert_true(tl.x + tl.w > 1920 - 20);
    view_list_free(&l);
    fixture_free(&f);
}

static void rows_of_several(void **state)
{
    (void)state;
    Fixture f;
    fixture_build(&f);
    ViewList l;
    view_list_init(&l);
    unsigned set = B(VP_EXPLAIN) | B(VP_SOURCE) | B(VP_LOOP) | B(VP_CONSOLE);
    lay(&f, &l, set);
    only_these(&l, set);
    ViewRect ex = l.panels[VP_EXPLAIN], code = l.panels[VP_SOURCE], loop = l.panels[VP_LOOP],
             con = l.panels[VP_CONSOLE];
    /* the sentence on top, the source and the loop side by side, the
     * console below them across the whole width */
    assert_true(ex.y < code.y && ex.w > 1900 - 40);
    assert_true(code.y == loop.y && code.x < loop.x);
    assert_true(loop.x + loop.w > 1920 - 20);
    assert_true(con.y > code.y + code.h && con.w > 1900 - 40);
    assert_false(rects_overlap(code, loop));
    assert_false(rects_overlap(loop, con));
    view_list_free(&l);
    fixture_free(&f);
}

static void every_panel_is_the_main_screen(void **state)
{
    (void)state;
    Fixture f;
    fixture_build(&f);
    ViewList a, b;
    view_list_init(&a);
    view_list_init(&b);
    unsigned all = 0;
    for (size_t k = 0; k < sizeof every_panel / sizeof every_panel[0]; k++)
        all |= B(every_panel[k]);
    lay(&f, &a, 0);
    lay(&f, &b, all);
    assert_int_equal(a.len, b.len);
    assert_memory_equal(a.items, b.items, a.len * sizeof *a.items);
    view_list_free(&a);
    view_list_free(&b);
    fixture_free(&f);
}

static void panel_names(void **state)
{
    (void)state;
    static const struct { const char *name; ViewPanel p; } names[] = {
        { "code", VP_SOURCE }, { "queue", VP_LOOP }, { "tasks", VP_TASKS }, { "timeline", VP_TIMELINE },
        { "console", VP_CONSOLE }, { "explain", VP_EXPLAIN }, { "header", VP_HEADER },
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        assert_int_equal(view_panel_by_name(names[i].name, strlen(names[i].name)), names[i].p);
        assert_non_null(strstr(view_panel_names(), names[i].name));
    }
    assert_int_equal(view_panel_by_name("timelines", 9), VP_NONE);
    assert_int_equal(view_panel_by_name("time", 4), VP_NONE);
    assert_int_equal(view_panel_by_name("timeline,code", 8), VP_TIMELINE);   /* a length, not a C string */
    assert_int_equal(view_panel_by_name("", 0), VP_NONE);
}

static double playhead_t(const ViewList *l, size_t which)
{
    const ViewItem *ph[4];
    size_t n = find_items(l, VI_LINE, VW_PLAYHEAD, ph, 4);
    assert_true(which < n);
    return l->tl_t0 + (ph[which]->x - l->tl_x0) / (l->tl_x1 - l->tl_x0) * (l->tl_t1 - l->tl_t0);
}

static bool has_text(const ViewList *l, const char *s)
{
    for (size_t i = 0; i < l->len; i++)
        if (l->items[i].kind == VI_TEXT && l->items[i].len == strlen(s)
            && !memcmp(view_item_text(l, &l->items[i]), s, strlen(s)))
            return true;
    return false;
}

static void the_clock_moves_the_playhead(void **state)
{
    (void)state;
    Fixture f;
    fixture_build(&f);
    ViewList l;
    view_list_init(&l);
    /* after the three timers were armed (t = 0), a frame at t = 1.5 */
    ViewScene sc = fixture_scene(&f, f.suspended_b + 2);
    ViewParams p = params(1920, 1080);
    p.still = true;
    view_layout(&l, &sc, &p);
    assert_true(playhead_t(&l, 0) < 0.01);
    char want[64];
    /* the clock and the step are two text runs (the clock changes every frame) */
    snprintf(want, sizeof want, "step %zu / %zu", f.suspended_b + 3, trace_len(f.t));
    assert_true(has_text(&l, want));
    assert_true(has_text(&l, "t = 0.000 s"));
    p.clock = 1.5;
    view_layout(&l, &sc, &p);
    double t = playhead_t(&l, 0);
    assert_true(t > 1.49 && t < 1.51);
    assert_true(has_text(&l, want));
    assert_true(has_text(&l, "t = 1.500 s"));
    /* a clock behind the step's own time changes nothing */
    ViewScene end = fixture_scene(&f, f.last);
    ViewList ref;
    view_list_init(&ref);
    p.clock = 0;
    view_layout(&ref, &end, &p);
    p.clock = 1.0;
    view_layout(&l, &end, &p);
    assert_int_equal(l.len, ref.len);
    assert_memory_equal(l.items, ref.items, l.len * sizeof *l.items);
    view_list_free(&ref);
    view_list_free(&l);
    fixture_free(&f);
}

static void compare_shares_one_time_axis(void **state)
{
    (void)state;
    Fixture f;
    fixture_build(&f);
    /* a second, shorter run: one task that sleeps until t = 1 */
    Trace *t = trace_new();
    EV(t, .k = TR_RUN_START, .s1 = "short.py");
    EV(t, .k = TR_TASK_CREATE, .task = 1, .line = 1, .s1 = "Task-1", .s2 = "main");
    EV(t, .k = TR_READY_PUSH, .task = 1, .obj = 1, .s1 = "step Task-1");
    EV(t, .k = TR_READY_POP, .obj = 1);
    EV(t, .k = TR_TASK_STEP, .task = 1, .line = 1);
    EV(t, .at = 1, .k = TR_TASK_DONE, .task = 1, .s1 = "None");
    EV(t, .at = 1, .k = TR_RUN_END, .num = 0);
    Replay *r = replay_new(t), *rp = replay_new(t);
    replay_update(r);
    replay_update(rp);
    ViewTimeline *tl = view_timeline_build(t);
    ViewScene a = fixture_scene(&f, f.last);
    ViewScene b = {
        .title = "short.py", .source = "x\n", .source_len = 2, .trace = t, .replay = r, .timeline = tl,
        .state = replay_state_at(r, trace_len(t) - 1), .prev = replay_state_at(rp, trace_len(t) - 2),
    };
    ViewParams p = params(1920, 1080);
    p.still = true;
    p.clock = 3.0;
    ViewList l;
    view_list_init(&l);
    view_layout_compare(&l, &a, &b, &p);
    /* the axis runs to the later end, and both playheads stand at t = 3 */
    assert_true(l.tl_t0 == 0 && l.tl_t1 >= 3.0 && l.tl_t1 < 3.2);
    assert_true(fabs(playhead_t(&l, 0) - 3.0) < 0.01);
    assert_true(fabs(playhead_t(&l, 1) - 3.0) < 0.01);
    /* each half has its file name, in the header and the source panel */
    float title_y[2] = { -1, -1 };
    for (size_t i = 0; i < l.len; i++) {
        const ViewItem *it = &l.items[i];
        if (it->kind != VI_TEXT || it->panel != VP_HEADER)
            continue;
        if (it->len == 10 && !memcmp(view_item_text(&l, it), "fixture.py", 10))
            title_y[0] = it->y;
        if (it->len == 8 && !memcmp(view_item_text(&l, it), "short.py", 8))
            title_y[1] = it->y;
    }
    assert_true(title_y[0] >= 0 && title_y[0] < 540);
    assert_true(title_y[1] >= 540);
    const ViewItem *rows[16];
    /* the first run above the middle, the second below it */
    size_t n = find_items(&l, VI_TEXT, VW_TL_ROW, rows, 16);
    assert_int_equal(n, 5 + 2);
    for (size_t i = 0; i < 5; i++)
        assert_true(rows[i]->y + rows[i]->h <= 540);
    for (size_t i = 5; i < n; i++)
        assert_true(rows[i]->y >= 540);
    /* the same x for the same time in both: the rows' labels line up */
    assert_true(rows[0]->x == rows[5]->x);
    view_list_free(&l);
    view_timeline_free(tl);
    replay_free(r);
    replay_free(rp);
    trace_free(t);
    fixture_free(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(one_panel_fills_the_picture),
        cmocka_unit_test(two_panels_side_by_side),
        cmocka_unit_test(rows_of_several),
        cmocka_unit_test(every_panel_is_the_main_screen),
        cmocka_unit_test(panel_names),
        cmocka_unit_test(the_clock_moves_the_playhead),
        cmocka_unit_test(compare_shares_one_time_axis),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
