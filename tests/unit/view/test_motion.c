/*
 * test_motion.c - playback in motion: the clock and the playhead glide
 * through the virtual time between two events (ViewParams.between), and
 * how long such a stretch plays (view_gap_seconds: long waits compressed).
 * The tasks' glide between slots is in test_layout.c.
 */
#include <math.h>
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

/* The fixture's first idle step: t=0, and the next event (the first timer)
 * is at t=1. */
static size_t first_idle(const Fixture *f)
{
    for (size_t i = 0; i < trace_len(f->t); i++)
        if (trace_event(f->t, i)->kind == TR_LOOP_IDLE)
            return i;
    fail();
    return 0;
}

static float playhead_x(const ViewList *l)
{
    const ViewItem *ph[2];
    assert_int_equal(find_items(l, VI_LINE, VW_PLAYHEAD, ph, 2), 1);
    return ph[0]->x;
}

static void the_playhead_glides_through_idle_time(void **state)
{
    (void)state;
    Fixture f;
    fixture_build(&f);
    size_t idle = first_idle(&f);
    assert_int_equal(trace_event(f.t, idle + 1)->t_ns, 1000000000);
    ViewScene sc = fixture_scene(&f, idle);
    ViewParams p = params(1920, 1080);
    p.playing = true;
    ViewList l;
    view_list_init(&l);
    float xs[3];
    const float bs[3] = { 0, 0.5f, 1 };
    for (int i = 0; i < 3; i++) {
        p.between = bs[i];
        view_layout(&l, &sc, &p);
        xs[i] = playhead_x(&l);
    }
    assert_true(list_has_text(&l, "t = 1.000 s"));   /* the clock got there too */
    p.between = 0.5f;
    view_layout(&l, &sc, &p);
    assert_true(list_has_text(&l, "t = 0.500 s"));
    /* on the time axis: halfway in time is halfway in x */
    assert_true(xs[1] > xs[0] && xs[2] > xs[1]);
    assert_float_equal(xs[1] - xs[0], xs[2] - xs[1], 1.0);
    float x_t1 = l.tl_x0 + (float)((1.0 - l.tl_t0) / (l.tl_t1 - l.tl_t0)) * (l.tl_x1 - l.tl_x0);
    assert_float_equal(xs[2], x_t1, 1.0);
    /* the step is still the idle one: its sentence, not the timer's */
    assert_true(list_has_text(&l, "step"));
    /* a still picture (a slide) shows the step's own time */
    p.still = true;
    view_layout(&l, &sc, &p);
    assert_true(list_has_text(&l, "t = 0.000 s"));
    view_list_free(&l);
    fixture_free(&f);
}

static void events_at_one_instant_do_not_move_the_playhead(void **state)
{
    (void)state;
    Fixture f;
    fixture_build(&f);
    /* the queued3 step and the next one are both at t=0 */
    ViewScene sc = fixture_scene(&f, f.queued3);
    assert_int_equal(trace_event(f.t, f.queued3 + 1)->t_ns, 0);
    ViewParams p = params(1920, 1080);
    ViewList l;
    view_list_init(&l);
    p.between = 0;
    view_layout(&l, &sc, &p);
    float x0 = playhead_x(&l);
    p.between = 1;
    view_layout(&l, &sc, &p);
    assert_float_equal(playhead_x(&l), x0, 0.01);
    /* and the last step has no next event to glide to */
    sc = fixture_scene(&f, f.last);
    view_layout(&l, &sc, &p);
    assert_true(list_has_text(&l, "t = 3.000 s"));
    view_list_free(&l);
    fixture_free(&f);
}

static void long_waits_are_compressed(void **state)
{
    (void)state;
    assert_float_equal(view_gap_seconds(0), 0, 1e-12);
    assert_float_equal(view_gap_seconds(-1), 0, 1e-12);
    assert_float_equal(view_gap_seconds(0.25), 0.25, 1e-12);   /* short: as they are */
    assert_float_equal(view_gap_seconds(1), 1, 1e-12);
    assert_float_equal(view_gap_seconds(2), 1 + log(2), 1e-12);
    assert_true(view_gap_seconds(10) < 4);                       /* a 10 s sleep: 3.3 s */
    assert_float_equal(view_gap_seconds(1000), VIEW_GAP_MAX, 1e-12);
    /* longer waits never play shorter, and the curve has no jump at 1 s */
    double last = 0;
    for (double g = 0.01; g < 100; g *= 1.1) {
        double d = view_gap_seconds(g);
        assert_true(d >= last);
        assert_true(d <= VIEW_GAP_MAX);
        last = d;
    }
    assert_float_equal(view_gap_seconds(1.0001), view_gap_seconds(0.9999), 1e-3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_playhead_glides_through_idle_time),
        cmocka_unit_test(events_at_one_instant_do_not_move_the_playhead),
        cmocka_unit_test(long_waits_are_compressed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
