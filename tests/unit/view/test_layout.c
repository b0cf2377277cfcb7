/*
 * test_layout.c - the main screen as a display list: what each panel shows
 * at a step, that the panels fit the window without overlapping at the
 * sizes a projector uses, and that big runs and long names still lay out.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include "view_fixture.h"

static void ready_queue_in_order(void **state)
{
    (void)state;
    Fixture f;
    fixture_build(&f);
    ViewScene sc = fixture_scene(&f, f.queued3);
    ViewParams p = params(1920, 1080);
    ViewList l;
    view_list_init(&l);
    view_layout(&l, &sc, &p);
    const ViewItem *items[16];
    size_t n = find_items(&l, VI_RRECT, VW_READY_ITEM, items, 16);
    assert_int_equal(n, 3);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(items[i]->tag, 2 + i);       /* Task-2, Task-3, Task-4 */
        assert_int_equal(items[i]->panel, VP_LOOP);
        if (i)   /* reading order: left to right, wrapping downwards */
            assert_true(items[i]->y > items[i - 1]->y
                        || (items[i]->y == items[i - 1]->y && items[i]->x > items[i - 1]->x));
    }
    /* their labels say the task names, in the same order */
    n = find_items(&l, VI_TEXT, VW_READY_ITEM, items, 16);
    assert_int_equal(n, 3);
    assert_string_equal(view_item_text(&l, items[0]), "Task-2");
    assert_string_equal(view_item_text(&l, items[2]), "Task-4");
    view_list_free(&l);
    fixture_free(&f);
}

static void running_line_highlighted(void **state)
{
    (void)state;
    Fixture f;
    fixture_build(&f);
    ViewScene sc = fixture_scene(&f, f.running_b);   /* Task-3 prints at line 4 */
    ViewParams p = params(1920, 1080);
    ViewList l;
    view_list_init(&l);
    view_layout(&l, &sc, &p);
    const ViewItem *hl[4], *lines[32];
    assert_int_equal(find_items(&l, VI_RECT, VW_CODE_RUNNING, hl, 4), 2);   /* the band and its bar */
    assert_int_equal(hl[0]->tag, 4);
    size_t n = find_items(&l, VI_TEXT, VW_CODE_LINE, lines, 32);
    const ViewItem *line4 = NULL;
    for (size_t i = 0; i < n; i++)
        if (lines[i]->tag == 4)
            line4 = lines[i];
    assert_non_null(line4);
    assert_string_equal(view_item_text(&l, line4), "    print('start', name)");
    /* the band is behind line 4's text */
    assert_true(hl[0]->y <= line4->y && hl[0]->y + hl[0]->h >= line4->y + line4->h * 0.8f);
    /* the running slot names Task-3 */
    const ViewItem *slot[4];
    assert_int_equal(find_items(&l, VI_RRECT, VW_LOOP_STATUS, slot, 4), 1);
    assert_int_equal(slot[0]->tag, 3);
    assert_int_equal(slot[0]->role, VR_RUNNING);
    view_list_free(&l);
    fixture_free(&f);
}

static void await_markers_on_suspended_lines(void **state)
{
    (void)state;
    Fixture f;
    fixture_build(&f);
    ViewScene sc = fixture_scene(&f, f.suspended_b);
    ViewParams p = params(1920, 1080);
    ViewList l;
    view_list_init(&l);
    view_layout(&l, &sc, &p);
    const ViewItem *marks[16];
    size_t n = find_items(&l, VI_RRECT, VW_AWAIT_MARK, marks, 16);
    /* main waits at line 9; Task-2 and Task-3 at line 5; Task-4 is still queued */
    bool seen[5] = { false };
    for (size_t i = 0; i < n; i++)
        if (marks[i]->tag < 5)
            seen[marks[i]->tag] = true;
    assert_true(seen[1] && seen[2] && seen[3]);
    /* the timers: Task-2's (t=1) before Task-3's (t=2) */
    const ViewItem *timers[8];
    n = find_items(&l, VI_RRECT, VW_TIMER_ITEM, timers, 8);
    assert_int_equal(n, 2);
    assert_int_equal(timers[0]->tag, 2);
    assert_int_equal(timers[1]->tag, 3);
    assert_true(timers[0]->y < timers[1]->y);
    view_list_free(&l);
    fixture_free(&f);
}

/* The await marks never cover code: after a short line; on a long one the
 * code is cut short (an ellipsis) to make room, and what still does not
 * fit is counted ("+N"), at every size and text scale. */
static void await_marks_never_cover_code(void **state)
{
    (void)state;
    static const char long_source[] =
        "import asyncio\n\n"
        "async def download(name, seconds):\n"
        "    print('start', name)\n"
        "    await asyncio.sleep(seconds)  # the line every download task parks on while its timer runs, "
        "a comment long enough to reach across any source panel\n"
        "    return name\n\n"
        "async def main():\n"
        "    await asyncio.gather(download('a', 1), download('b', 2), download('c', 3))\n\n"
        "asyncio.run(main())\n";
    Fixture f;
    fixture_build(&f);
    const int sizes[][2] = { { 1280, 720 }, { 1920, 1080 }, { 640, 400 }, { 3840, 2160 } };
    const float scales[] = { 0.5f, 1, 1.6f, 2.5f };
    for (int src = 0; src < 2; src++) {
        for (size_t si = 0; si < sizeof sizes / sizeof sizes[0]; si++) {
            for (size_t k = 0; k < sizeof scales / sizeof scales[0]; k++) {
                ViewScene sc = fixture_scene(&f, f.suspended_b);
                if (src) {
                    sc.source = long_source;
                    sc.source_len = sizeof long_source - 1;
                }
                ViewParams p = params(sizes[si][0], sizes[si][1]);
                p.font_scale = scales[k];
                ViewList l;
                view_list_init(&l);
                view_layout(&l, &sc, &p);
                const ViewItem *code[64], *marks[64], *more[16];
                size_t nc = find_items(&l, VI_TEXT, VW_CODE_LINE, code, 64);
                size_t nm = find_items(&l, VI_RRECT, VW_AWAIT_MARK, marks, 64);
                const ViewItem *any_more[64];
                size_t nany = find_items(&l, VI_TEXT, VW_MORE, any_more, 64), nmore = 0;
                for (size_t i = 0; i < nany && nmore < 16; i++)   /* the source's "+N", not the queue's */
                    if (any_more[i]->panel == VP_SOURCE)
                        more[nmore++] = any_more[i];
                assert_true(nc > 0);
                /* main (line 9) and Task-2, Task-3 (line 5) are marked,
                 * as chips or counted, where those lines are in view */
                size_t parked_lines = 0;
                for (size_t j = 0; j < nc; j++)
                    parked_lines += code[j]->tag == 5 || code[j]->tag == 9;
                assert_true(nm + nmore >= parked_lines);
                const ViewRect src_panel = l.panels[VP_SOURCE];
                for (size_t i = 0; i < nm + nmore; i++) {
                    const ViewItem *m = i < nm ? marks[i] : more[i - nm];
                    ViewRect mr = { m->x, m->y, m->w, m->h };
                    if (!rect_inside(src_panel, mr.x, mr.y, mr.w, mr.h)) {
                        print_message("%dx%d scale %.1f: an await mark (%.0f,%.0f %.0fx%.0f) outside the source "
                                      "panel (%.0f,%.0f %.0fx%.0f)\n", sizes[si][0], sizes[si][1], (double)scales[k],
                                      (double)mr.x, (double)mr.y, (double)mr.w, (double)mr.h, (double)src_panel.x,
                                      (double)src_panel.y, (double)src_panel.w, (double)src_panel.h);
                        fail();
                    }
                    for (size_t j = 0; j < nc; j++) {
                        ViewRect cr = { code[j]->x, code[j]->y, code[j]->w, code[j]->h };
                        if (rects_overlap(mr, cr)) {
                            print_message("%dx%d scale %.1f: an await mark at x=%.0f..%.0f covers the code "
                                          "of line %u (x=%.0f..%.0f)\n", sizes[si][0], sizes[si][1],
                                          (double)scales[k], (double)mr.x, (double)(mr.x + mr.w),
                                          code[j]->tag, (double)cr.x, (double)(cr.x + cr.w));
                            fail();
                        }
                    }
                }
                view_list_free(&l);
            }
        }
    }
    fixture_free(&f);
}

/* The loop panel at any size and text scale: every item inside the panel,
 * and no two texts on top of each other (sections that do not fit shrink
 * to their heading's count instead of spilling over the next). */
static void loop_panel_sections_never_overlap(void **state)
{
    (void)state;
    Fixture f;
    fixture_build(&f);
    const int sizes[][2] = { { 1280, 720 }, { 1920, 1080 }, { 1024, 768 }, { 3840, 2160 } };
    const float scales[] = { 1, 1.6f, 2.0f, 2.5f };
    const size_t steps[] = { f.queued3, f.running_b, f.suspended_b, f.last };
    for (size_t si = 0; si < sizeof sizes / sizeof sizes[0]; si++) {
        for (size_t k = 0; k < sizeof scales / sizeof scales[0]; k++) {
            for (size_t st = 0; st < sizeof steps / sizeof steps[0]; st++) {
                ViewScene sc = fixture_scene(&f, steps[st]);
                ViewParams p = params(sizes[si][0], sizes[si][1]);
                p.font_scale = scales[k];
                ViewList l;
                view_list_init(&l);
                view_layout(&l, &sc, &p);
                ViewRect panel = l.panels[VP_LOOP];
                const ViewItem *texts[256];
                size_t nt = 0;
                for (size_t i = 0; i < l.len; i++) {
                    const ViewItem *it = &l.items[i];
                    if (it->panel != VP_LOOP || it->kind == VI_CLIP)
                        continue;
                    if (!rect_inside(panel, it->x, it->y, it->w, it->h)) {
                        print_message("%dx%d scale %.1f step %zu: '%s' (%.0f,%.0f %.0fx%.0f) leaves the loop panel "
                                      "(%.0f,%.0f %.0fx%.0f)\n", sizes[si][0], sizes[si][1], (double)scales[k],
                                      steps[st], it->kind == VI_TEXT ? view_item_text(&l, it) : "(shape)",
                                      (double)it->x, (double)it->y, (double)it->w, (double)it->h, (double)panel.x,
                                      (double)panel.y, (double)panel.w, (double)panel.h);
                        fail();
                    }
                    if (it->kind == VI_TEXT && nt < 256)
                        texts[nt++] = it;
                }
                for (size_t i = 0; i < nt; i++)
                    for (size_t j = i + 1; j < nt; j++) {
                        ViewRect a = { texts[i]->x, texts[i]->y, texts[i]->w, texts[i]->h };
                        ViewRect b = { texts[j]->x, texts[j]->y, texts[j]->w, texts[j]->h };
                        if (rects_overlap(a, b)) {
                            print_message("%dx%d scale %.1f step %zu: '%s' overlaps '%s'\n", sizes[si][0],
                                          sizes[si][1], (double)scales[k], steps[st], view_item_text(&l, texts[i]),
                                          view_item_text(&l, texts[j]));
                            fail();
                        }
                    }
                view_list_free(&l);
            }
        }
    }
    fixture_free(&f);
}

/* Big text on a projector squeezes the timeline's rows: as long as a row
 * can hold legible text (10 px), it keeps its task's name. */
static void timeline_rows_keep_their_names_at_big_text(void **state)
{
    (void)state;
    Fixture f;
    fixture_build(&f);
    const int sizes[][2] = { { 1280, 720 }, { 1920, 1080 } };
    const float scales[] = { 1, 1.6f, 2.0f, 2.5f };
    for (size_t si = 0; si < 2; si++) {
        for (size_t k = 0; k < sizeof scales / sizeof scales[0]; k++) {
            ViewScene sc = fixture_scene(&f, f.suspended_b);
            ViewParams p = params(sizes[si][0], sizes[si][1]);
            p.font_scale = scales[k];
            ViewList l;
            view_list_init(&l);
            view_layout(&l, &sc, &p);
            const ViewItem *rows[16];
            size_t n = find_items(&l, VI_TEXT, VW_TL_ROW, rows, 16);
            /* the rows' height: the timeline's area below its heading, less the axis */
            float rh = 0;
            const ViewItem *segs[64];
            size_t ns = find_items(&l, VI_RECT, VW_TL_SEGMENT, segs, 64);
            float top = 1e9f, bot = 0;
            for (size_t i = 0; i < ns; i++) {
                top = segs[i]->y < top ? segs[i]->y : top;
                bot = segs[i]->y + segs[i]->h > bot ? segs[i]->y + segs[i]->h : bot;
            }
            rh = ns ? (bot - top) / (float)(f.tl->nrows - 1) : 0;   /* a rough figure: segments span the rows */
            if (rh >= 12 && n < f.tl->nrows) {
                print_message("%dx%d scale %.1f: rows %.0f px tall but %zu names for %zu rows\n", sizes[si][0],
                              sizes[si][1], (double)scales[k], (double)rh, n, f.tl->nrows);
                fail();
            }
            view_list_free(&l);
        }
    }
    fixture_free(&f);
}

/* Every item lies inside the window and inside its own panel, and the
 * panels do not overlap. */
static void check_fits(const ViewList *l, int w, int h)
{
    ViewRect win = { 0, 0, (float)w, (float)h };
    for (int a = 1; a < VP__COUNT; a++) {
        if (!l->panels[a].w || a == VP_HELP)
            continue;
        assert_true(rect_inside(win, l->panels[a].x, l->panels[a].y, l->panels[a].w, l->panels[a].h));
        for (int b = a + 1; b < VP__COUNT; b++)
            if (l->panels[b].w && b != VP_HELP && rects_overlap(l->panels[a], l->panels[b])) {
                print_error("panels %d and %d overlap\n", a, b);
                fail();
            }
    }
    for (size_t i = 0; i < l->len; i++) {
        const ViewItem *it = &l->items[i];
        if (it->kind == VI_CLIP || it->kind == VI_UNCLIP || it->kind == VI_LINE)
            continue;
        if (!rect_inside(win, it->x, it->y, it->w, it->h)) {
            print_error("item %zu (kind %d, panel %d) at %.1f,%.1f %.1fx%.1f is outside the window\n", i,
                        it->kind, it->panel, it->x, it->y, it->w, it->h);
            fail();
        }
        if (it->panel && it->panel != VP_HELP && l->panels[it->panel].w
            && !rect_inside(l->panels[it->panel], it->x, it->y, it->w, it->h)) {
            /* the timeline's future is drawn clipped; everything else must fit */
            if (it->panel == VP_TIMELINE || it->panel == VP_SOURCE)
                continue;
            print_error("item %zu (kind %d, '%s') at %.1f,%.1f %.1fx%.1f spills out of panel %d\n", i, it->kind,
                        it->kind == VI_TEXT ? view_item_text(l, it) : "", it->x, it->y, it->w, it->h, it->panel);
            fail();
        }
    }
}

static void fits_projector_sizes(void **state)
{
    (void)state;
    Fixture f;
    fixture_build(&f);
    static const int sizes[][2] = { { 1280, 720 }, { 1920, 1080 }, { 1024, 768 }, { 3840, 2160 } };
    ViewList l;
    view_list_init(&l);
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++)
        for (size_t step = 0; step <= f.last; step++) {
            ViewScene sc = fixture_scene(&f, step);
            ViewParams p = params(sizes[s][0], sizes[s][1]);
            view_layout(&l, &sc, &p);
            check_fits(&l, sizes[s][0], sizes[s][1]);
            for (int panel = VP_HEADER; panel <= VP_CONSOLE; panel++)
                assert_true(l.panels[panel].w > 0);
        }
    view_list_free(&l);
    fixture_free(&f);
}

static void the_same_inputs_give_the_same_list(void **state)
{
    (void)state;
    Fixture f;
    fixture_build(&f);
    ViewList a, b;
    view_list_init(&a);
    view_list_init(&b);
    ViewParams p = params(1920, 1080);
    p.anim = 0.4f;
    ViewScene sc = fixture_scene(&f, f.suspended_b);
    view_layout(&a, &sc, &p);
    sc = fixture_scene(&f, f.last);   /* move the replays elsewhere and back */
    view_layout(&b, &sc, &p);
    sc = fixture_scene(&f, f.suspended_b);
    view_layout(&b, &sc, &p);
    assert_int_equal(a.len, b.len);
    assert_memory_equal(a.items, b.items, a.len * sizeof *a.items);
    assert_int_equal(a.pool_len, b.pool_len);
    assert_memory_equal(a.pool, b.pool, a.pool_len);
    view_list_free(&a);
    view_list_free(&b);
    fixture_free(&f);
}

static void tasks_glide_between_slots(void **state)
{
    (void)state;
    Fixture f;
    fixture_build(&f);
    /* Task-2 leaves the front of the ready queue for the running slot */
    size_t step = f.queued3 + 1;   /* the ready.pop of Task-2's step */
    ViewScene sc = fixture_scene(&f, step);
    ViewParams p = params(1920, 1080);
    ViewList mid, done;
    view_list_init(&mid);
    view_list_init(&done);
    p.anim = 0.5f;
    view_layout(&mid, &sc, &p);
    p.anim = 1;
    view_layout(&done, &sc, &p);
    const ViewItem *a[2], *b[2];
    assert_int_equal(find_items(&mid, VI_RRECT, VW_LOOP_STATUS, a, 2), 1);
    assert_int_equal(find_items(&done, VI_RRECT, VW_LOOP_STATUS, b, 2), 1);
    assert_int_equal(a[0]->tag, 2);
    assert_true(a[0]->y > b[0]->y);   /* halfway: still below the slot */
    view_list_free(&mid);
    view_list_free(&done);
    fixture_free(&f);
}

static void long_names_end_in_an_ellipsis(void **state)
{
    (void)state;
    Trace *t = trace_new();
    char name[400];
    memset(name, 'n', sizeof name - 1);
    name[sizeof name - 1] = 0;
    EV(t, .k = TR_RUN_START, .s1 = "long.py");
    EV(t, .k = TR_TASK_CREATE, .task = 1, .line = 1, .s1 = name, .s2 = name);
    size_t last = EV(t, .k = TR_READY_PUSH, .task = 1, .obj = 1, .s1 = name);
    Replay *r = replay_new(t);
    replay_update(r);
    ViewTimeline *tl = view_timeline_build(t);
    ViewScene sc = { .title = name, .source = "x = 1\n", .source_len = 6, .trace = t, .replay = r,
                     .timeline = tl, .state = replay_state_at(r, last) };
    ViewParams p = params(1280, 720);
    ViewList l;
    view_list_init(&l);
    view_layout(&l, &sc, &p);
    check_fits(&l, 1280, 720);
    size_t cut = 0;
    for (size_t i = 0; i < l.len; i++) {
        const ViewItem *it = &l.items[i];
        if (it->kind != VI_TEXT || !strstr(view_item_text(&l, it), "nnnn") || it->what == VW_EXPLAIN)
            continue;   /* (the sentence shortens names itself) */
        const char *s = view_item_text(&l, it);
        assert_true(it->len < 300);
        assert_string_equal(s + it->len - 3, "\xe2\x80\xa6");
        cut++;
    }
    assert_true(cut >= 3);   /* the header, the ready queue, the task card... */
    view_list_free(&l);
    view_timeline_free(tl);
    replay_free(r);
    trace_free(t);
}

static void two_hundred_tasks_still_lay_out(void **state)
{
    (void)state;
    Trace *t = trace_new();
    EV(t, .k = TR_RUN_START, .s1 = "many.py");
    char name[32];
    for (uint32_t i = 1; i <= 200; i++) {
        snprintf(name, sizeof name, "Task-%u", i);
        EV(t, .k = TR_TASK_CREATE, .task = i, .line = 1, .s1 = name, .s2 = "worker");
        EV(t, .k = TR_READY_PUSH, .task = i, .obj = i, .s1 = name);
    }
    for (uint32_t i = 1; i <= 200; i++) {
        EV(t, .at = i * 1e-3, .k = TR_READY_POP, .obj = i);
        EV(t, .at = i * 1e-3, .k = TR_TASK_STEP, .task = i, .line = 1);
        EV(t, .at = i * 1e-3, .k = TR_TIMER_ARM, .task = i, .obj = 1000 + i, .num = 1 + i * 1e-3, .s1 = "sleep");
        EV(t, .at = i * 1e-3, .k = TR_TASK_SUSPEND, .task = i, .obj = 500 + i, .line = 1, .s1 = "asyncio sleep");
    }
    size_t mid = trace_len(t) - 1 - 200;   /* 150 done, 50 still queued */
    size_t last = EV(t, .at = 0.3, .k = TR_LOOP_IDLE, .num = 1.001);
    Replay *r = replay_new(t);
    replay_update(r);
    ViewTimeline *tl = view_timeline_build(t);
    assert_int_equal(tl->nrows, 201);
    ViewList l;
    view_list_init(&l);
    size_t steps[] = { mid, last };
    for (size_t k = 0; k < 2; k++) {
        ViewScene sc = { .title = "many.py", .source = "x = 1\n", .source_len = 6, .trace = t, .replay = r,
                         .timeline = tl, .state = replay_state_at(r, steps[k]) };
        for (int big = 0; big < 2; big++) {
            ViewParams p = big ? params(1920, 1080) : params(1280, 720);
            view_layout(&l, &sc, &p);
            check_fits(&l, p.width, p.height);
            const ViewItem *more[8], *cards[256];
            size_t nmore = find_items(&l, VI_TEXT, VW_MORE, more, 8);
            size_t ncards = find_items(&l, VI_RRECT, VW_TASK_CARD, cards, 256);
            assert_true(ncards > 10);
            assert_true(nmore >= 1);   /* what does not fit is counted, not dropped silently */
            /* ... and the count stays above the threads, not over their heading */
            const ViewItem *threads = NULL;
            for (size_t i = 0; i < l.len; i++)
                if (l.items[i].kind == VI_TEXT && l.items[i].panel == VP_LOOP
                    && strcmp(view_item_text(&l, &l.items[i]), "THREADS") == 0)
                    threads = &l.items[i];
            assert_non_null(threads);
            for (size_t i = 0; i < l.len; i++) {
                const ViewItem *it = &l.items[i];
                if (it->panel == VP_LOOP && (it->what == VW_MORE || it->what == VW_TIMER_ITEM))
                    assert_true(it->y + it->h <= threads->y + 0.5f);
            }
        }
    }
    view_list_free(&l);
    view_timeline_free(tl);
    replay_free(r);
    trace_free(t);
}

static void a_rejected_file_shows_its_error_line(void **state)
{
    (void)state;
    ViewError err = { .line = 5, .col = 11, .message = "'(' was never closed" };
    ViewScene sc = { .title = "bad.py", .source = fixture_source, .source_len = sizeof fixture_source - 1,
                     .error = &err };
    ViewParams p = params(1280, 720);
    ViewList l;
    view_list_init(&l);
    view_layout(&l, &sc, &p);
    check_fits(&l, 1280, 720);
    const ViewItem *e[4], *x[4];
    assert_true(find_items(&l, VI_RECT, VW_ERROR_LINE, e, 4) >= 1);
    assert_int_equal(e[0]->tag, 5);
    assert_int_equal(find_items(&l, VI_TEXT, VW_EXPLAIN, x, 4) >= 1, 1);
    assert_non_null(strstr(view_item_text(&l, x[0]), "bad.py:5:11: error: '(' was never closed"));
    view_list_free(&l);
}

static void the_timeline_maps_time_to_x(void **state)
{
    (void)state;
    Fixture f;
    fixture_build(&f);
    ViewScene sc = fixture_scene(&f, f.last);
    ViewParams p = params(1920, 1080);
    ViewList l;
    view_list_init(&l);
    view_layout(&l, &sc, &p);
    assert_true(l.tl_x1 > l.tl_x0);
    assert_true(l.tl_t0 == 0 && l.tl_t1 >= 3.0);
    const ViewItem *ph[2];
    assert_int_equal(find_items(&l, VI_LINE, VW_PLAYHEAD, ph, 2), 1);
    double t = l.tl_t0 + (ph[0]->x - l.tl_x0) / (l.tl_x1 - l.tl_x0) * (l.tl_t1 - l.tl_t0);
    assert_true(t > 2.99 && t < 3.01);
    /* zoomed on [1, 2]: the playhead at t=3 is off the axis */
    p.tl_from = 1;
    p.tl_to = 2;
    view_layout(&l, &sc, &p);
    assert_int_equal(find_items(&l, VI_LINE, VW_PLAYHEAD, ph, 2), 0);
    view_list_free(&l);
    fixture_free(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ready_queue_in_order),
        cmocka_unit_test(running_line_highlighted),
        cmocka_unit_test(await_markers_on_suspended_lines),
        cmocka_unit_test(fits_projector_sizes),
        cmocka_unit_test(the_same_inputs_give_the_same_list),
        cmocka_unit_test(tasks_glide_between_slots),
        cmocka_unit_test(long_names_end_in_an_ellipsis),
        cmocka_unit_test(await_marks_never_cover_code),
        cmocka_unit_test(loop_panel_sections_never_overlap),
        cmocka_unit_test(timeline_rows_keep_their_names_at_big_text),
        cmocka_unit_test(two_hundred_tasks_still_lay_out),
        cmocka_unit_test(a_rejected_file_shows_its_error_line),
        cmocka_unit_test(the_timeline_maps_time_to_x),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
