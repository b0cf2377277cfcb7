/*
 * test_explain.c - the sentence under the header, the timeline derived
 * from a trace, the gallery's docstring reader, and the themes' contrast.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include "view_fixture.h"

static const char *explain_at(Fixture *f, size_t step, char *buf, size_t cap)
{
    ViewScene sc = fixture_scene(f, step);
    view_explain(f->t, sc.prev, sc.state, buf, cap);
    return buf;
}

static void sentences_say_what_and_why(void **state)
{
    (void)state;
    Fixture f;
    fixture_build(&f);
    char buf[512];
    assert_string_equal(explain_at(&f, f.suspended_b, buf, sizeof buf),
                        "Task-3 awaits asyncio sleep at line 5: a timer is armed for t=2.000 and it gives up the thread.");
    assert_non_null(strstr(explain_at(&f, f.queued3 - 1, buf, sizeof buf), "A step of Task-4 joins the back of the ready queue (3rd in line)"));
    assert_non_null(strstr(explain_at(&f, f.queued3 + 1, buf, sizeof buf), "Task-2's step runs next"));
    assert_non_null(strstr(explain_at(&f, f.suspended_b + 6, buf, sizeof buf), "sleeps until the next timer at t=1.000"));
    assert_string_equal(explain_at(&f, f.last, buf, sizeof buf), "The program ends at t=3.000 with exit status 0.");
    /* every step has a sentence, and a tiny buffer is cut, never overrun */
    for (size_t k = 0; k <= f.last; k++)
        assert_true(strlen(explain_at(&f, k, buf, sizeof buf)) > 10);
    char tiny[8];
    explain_at(&f, f.suspended_b, tiny, sizeof tiny);
    assert_int_equal(strlen(tiny), 7);
    fixture_free(&f);
}

static void the_timeline_has_a_row_per_task(void **state)
{
    (void)state;
    Fixture f;
    fixture_build(&f);
    const ViewTimeline *tl = f.tl;
    assert_int_equal(tl->nrows, 5);   /* the loop, four tasks */
    assert_int_equal(tl->row_task[0], 0);
    assert_int_equal(tl->row_task[3], 3);
    /* Task-3 (row 3): ready, running, waiting from t=0 until 2, ready, running */
    int kinds[8], n = 0;
    int64_t wait_end = -1;
    for (size_t i = 0; i < tl->nsegs; i++)
        if (tl->segs[i].row == 3 && n < 8) {
            kinds[n++] = tl->segs[i].kind;
            if (tl->segs[i].kind == VS_WAITING)
                wait_end = tl->segs[i].t1;
        }
    assert_int_equal(n, 5);
    assert_int_equal(kinds[0], VS_READY);
    assert_int_equal(kinds[1], VS_RUNNING);
    assert_int_equal(kinds[2], VS_WAITING);
    assert_int_equal(kinds[3], VS_READY);
    assert_int_equal(kinds[4], VS_RUNNING);
    assert_int_equal(wait_end, 2000000000);
    /* the loop idles three times */
    int idles = 0;
    for (size_t i = 0; i < tl->nsegs; i++)
        idles += tl->segs[i].row == 0 && tl->segs[i].kind == VS_IDLE;
    assert_int_equal(idles, 3);
    int done = 0;
    for (size_t i = 0; i < tl->nmarks; i++)
        done += tl->marks[i].kind == VM_DONE;
    assert_int_equal(done, 4);
    fixture_free(&f);
}

static void docstrings_give_title_and_blurb(void **state)
{
    (void)state;
    static const char src[] = "# a comment\n\n\"\"\"Sequential vs gather\n\nWhat to watch for: the waits add up.\nMore.\n\"\"\"\nimport asyncio\n";
    char buf[256];
    const char *title, *blurb;
    assert_true(view_docstring(src, sizeof src - 1, buf, sizeof buf, &title, &blurb));
    assert_string_equal(title, "Sequential vs gather");
    /* the first paragraph, its lines joined (the card cuts it with an ellipsis) */
    assert_string_equal(blurb, "What to watch for: the waits add up. More.");
    static const char two[] = "\"\"\"T\n\n  First line\n  goes on.\n\n  Second paragraph.\n\"\"\"\n";
    assert_true(view_docstring(two, sizeof two - 1, buf, sizeof buf, &title, &blurb));
    assert_string_equal(blurb, "First line goes on.");
    /* a small buffer: cut, still terminated */
    char small[16];
    assert_true(view_docstring(two, sizeof two - 1, small, sizeof small, &title, &blurb));
    assert_true(strlen(blurb) < sizeof small);
    /* a title that fills the buffer: the blurb is empty, nothing overruns */
    static const char longtitle[] = "\"\"\"A title longer than the buffer\n\nBody.\n\"\"\"\n";
    assert_true(view_docstring(longtitle, sizeof longtitle - 1, small, sizeof small, &title, &blurb));
    assert_string_equal(blurb, "");
    assert_false(view_docstring("import asyncio\n", 15, buf, sizeof buf, &title, &blurb));
    /* a one-line docstring */
    assert_true(view_docstring("'''Hello'''\n", 12, buf, sizeof buf, &title, &blurb));
    assert_string_equal(title, "Hello");
    assert_string_equal(blurb, "");
}

static void gallery_lists_lessons_in_order(void **state)
{
    (void)state;
    ViewLesson lessons[20];
    char names[20][32];
    for (int i = 0; i < 20; i++) {
        snprintf(names[i], sizeof names[i], "%02d_lesson.py", i);
        lessons[i] = (ViewLesson){ .file = names[i], .title = "A lesson", .blurb = "What to watch for" };
    }
    ViewList l;
    view_list_init(&l);
    for (int big = 0; big < 2; big++) {
        ViewParams p = big ? params(1920, 1080) : params(1280, 720);
        view_layout_gallery(&l, lessons, 20, 7, &p);
        const ViewItem *cards[64];
        size_t n = find_items(&l, VI_RRECT, VW_GALLERY_ITEM, cards, 64);
        assert_int_equal(n, 20);
        for (size_t i = 0; i < n; i++) {
            assert_int_equal(cards[i]->tag, i);
            assert_int_equal(cards[i]->role, i == 7 ? VR_SELECTED : VR_PANEL);
            assert_true(rect_inside((ViewRect){ 0, 0, (float)p.width, (float)p.height }, cards[i]->x, cards[i]->y,
                                    cards[i]->w, cards[i]->h));
            for (size_t j = 0; j < i; j++)
                assert_false(rects_overlap((ViewRect){ cards[i]->x, cards[i]->y, cards[i]->w, cards[i]->h },
                                           (ViewRect){ cards[j]->x, cards[j]->y, cards[j]->w, cards[j]->h }));
        }
    }
    view_list_free(&l);
}

static void themes_have_projector_contrast(void **state)
{
    (void)state;
    static const ViewRole states[] = { VR_RUNNING, VR_READY, VR_WAITING, VR_CREATED, VR_DONE, VR_FAILED,
                                       VR_CANCELLED, VR_DESTROYED, VR_BLOCKED, VR_TIMER, VR_WORKER, VR_ACCENT };
    for (int th = 0; th < VIEW_THEME__COUNT; th++) {
        ViewColor panel = view_theme_color(th, VR_PANEL), bg = view_theme_color(th, VR_BG);
        /* body text: WCAG AAA (7:1) on panels and the background */
        assert_true(view_contrast(view_theme_color(th, VR_TEXT), panel) >= 7);
        assert_true(view_contrast(view_theme_color(th, VR_TEXT), bg) >= 7);
        assert_true(view_contrast(view_theme_color(th, VR_TEXT), view_theme_color(th, VR_LINE_HL)) >= 7);
        assert_true(view_contrast(view_theme_color(th, VR_TEXT_DIM), panel) >= 4.5);
        assert_true(view_contrast(view_theme_color(th, VR_HEADER_TEXT), view_theme_color(th, VR_HEADER_BG)) >= 7);
        for (size_t i = 0; i < sizeof states / sizeof states[0]; i++) {
            ViewColor c = view_theme_color(th, states[i]);
            double on_chip = view_contrast(view_theme_color(th, VR_ON_CHIP), c);
            if (on_chip < 4.5 || view_contrast(c, panel) < 3) {
                print_error("%s theme: %s: %.2f on chip, %.2f on the panel\n", view_theme_name(th),
                            view_role_name(states[i]), on_chip, view_contrast(c, panel));
                fail();
            }
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sentences_say_what_and_why),
        cmocka_unit_test(the_timeline_has_a_row_per_task),
        cmocka_unit_test(docstrings_give_title_and_blurb),
        cmocka_unit_test(gallery_lists_lessons_in_order),
        cmocka_unit_test(themes_have_projector_contrast),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
