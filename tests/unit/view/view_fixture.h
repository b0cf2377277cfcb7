/*
 * view_fixture.h - what the view's tests share: a small run built by hand
 * (the shape of scenarios/02's gather half), a scene at any step of it, and
 * queries over a display list ("the ready queue's items, in order").
 */
#ifndef LOOPSCOPE_VIEW_FIXTURE_H
#define LOOPSCOPE_VIEW_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "view.h"
#include "../trace/trace_fixture.h"

static const char fixture_source[] =
    "import asyncio\n"                                  /* 1 */
    "\n"                                                /* 2 */
    "async def download(name, seconds):\n"              /* 3 */
    "    print('start', name)\n"                        /* 4 */
    "    await asyncio.sleep(seconds)\n"                /* 5 */
    "    return name\n"                                 /* 6 */
    "\n"                                                /* 7 */
    "async def main():\n"                               /* 8 */
    "    await asyncio.gather(download('a', 1), download('b', 2), download('c', 3))\n" /* 9 */
    "\n"                                                /* 10 */
    "asyncio.run(main())\n";                            /* 11 */

/* Steps worth naming in the fixture's trace. */
typedef struct Fixture {
    Trace *t;
    Replay *r, *rprev;
    ViewTimeline *tl;
    size_t queued3;       /* Task-2, Task-3, Task-4 queued, in that order; main waits */
    size_t running_b;     /* Task-3 runs, at line 4 (its print) */
    size_t suspended_b;   /* Task-3 awaits sleep at line 5; a timer for t=2 */
    size_t last;
} Fixture;

static inline void fixture_build(Fixture *f)
{
    Trace *t = f->t = trace_new();
    EV(t, .k = TR_RUN_START, .s1 = "fixture.py");
    EV(t, .k = TR_TASK_CREATE, .task = 1, .line = 11, .s1 = "Task-1", .s2 = "main");
    EV(t, .k = TR_READY_PUSH, .task = 1, .obj = 1, .s1 = "step Task-1");
    EV(t, .k = TR_READY_POP, .obj = 1);
    EV(t, .k = TR_TASK_STEP, .task = 1, .line = 9);
    const char *names[] = { "Task-2", "Task-3", "Task-4" };
    for (uint32_t i = 0; i < 3; i++) {
        EV(t, .k = TR_TASK_CREATE, .task = 2 + i, .obj = 1, .line = 9, .s1 = names[i], .s2 = "download");
        EV(t, .k = TR_READY_PUSH, .task = 2 + i, .obj = 2 + i, .s1 = names[i]);
    }
    f->queued3 = EV(t, .k = TR_TASK_SUSPEND, .task = 1, .obj = 9, .line = 9, .s1 = "gather of 3");
    for (uint32_t i = 0; i < 3; i++) {
        EV(t, .k = TR_READY_POP, .obj = 2 + i);
        size_t run = EV(t, .k = TR_TASK_STEP, .task = 2 + i, .line = 3);
        size_t out = EV(t, .k = TR_OUTPUT, .task = 2 + i, .obj = 1, .line = 4, .s1 = "start\n");
        EV(t, .k = TR_TIMER_ARM, .task = 2 + i, .obj = 10 + i, .num = 1.0 + i, .s1 = "end of asyncio.sleep");
        size_t sus = EV(t, .k = TR_TASK_SUSPEND, .task = 2 + i, .obj = 20 + i, .line = 5, .s1 = "asyncio sleep");
        if (i == 1) {
            f->running_b = out;
            f->suspended_b = sus;
        }
        (void)run;
    }
    EV(t, .k = TR_LOOP_IDLE, .num = 1.0);
    for (uint32_t i = 0; i < 3; i++) {
        double at = 1.0 + i;
        EV(t, .at = at, .k = TR_TIMER_FIRE, .obj = 10 + i);
        EV(t, .at = at, .k = TR_READY_PUSH, .obj = 10 + i, .s1 = "end of asyncio.sleep");
        EV(t, .at = at, .k = TR_READY_POP, .obj = 10 + i);
        EV(t, .at = at, .k = TR_FUTURE_DONE, .obj = 20 + i, .num = 1, .s1 = "result");
        EV(t, .at = at, .k = TR_READY_PUSH, .task = 2 + i, .obj = 30 + i, .s1 = "wake");
        EV(t, .at = at, .k = TR_READY_POP, .obj = 30 + i);
        EV(t, .at = at, .k = TR_TASK_STEP, .task = 2 + i, .line = 5);
        EV(t, .at = at, .k = TR_TASK_DONE, .task = 2 + i, .s1 = "'x'");
        if (i < 2)
            EV(t, .at = at, .k = TR_LOOP_IDLE, .num = at + 1);
    }
    EV(t, .at = 3, .k = TR_READY_PUSH, .task = 1, .obj = 40, .s1 = "wake Task-1");
    EV(t, .at = 3, .k = TR_READY_POP, .obj = 40);
    EV(t, .at = 3, .k = TR_TASK_STEP, .task = 1, .line = 9);
    EV(t, .at = 3, .k = TR_TASK_DONE, .task = 1, .s1 = "None");
    f->last = EV(t, .at = 3, .k = TR_RUN_END, .num = 0);
    f->r = replay_new(t);
    f->rprev = replay_new(t);
    replay_update(f->r);
    replay_update(f->rprev);
    f->tl = view_timeline_build(t);
}

static inline void fixture_free(Fixture *f)
{
    view_timeline_free(f->tl);
    replay_free(f->r);
    replay_free(f->rprev);
    trace_free(f->t);
}

static inline ViewScene fixture_scene(Fixture *f, size_t step)
{
    return (ViewScene){
        .title = "fixture.py", .source = fixture_source, .source_len = sizeof fixture_source - 1,
        .trace = f->t, .replay = f->r, .timeline = f->tl,
        .state = replay_state_at(f->r, step),
        .prev = step ? replay_state_at(f->rprev, step - 1) : NULL,
    };
}

static inline ViewParams params(int w, int h)
{
    return (ViewParams){ .width = w, .height = h, .font_scale = 1, .anim = 1, .speed = 1,
                         .measure = view_measure_fixed };
}

/* Items of a given kind and what, in list order (at most max). */
static inline size_t find_items(const ViewList *l, ViewItemKind kind, ViewWhat what, const ViewItem **out,
                                size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < l->len && n < max; i++)
        if (l->items[i].kind == kind && l->items[i].what == what)
            out[n++] = &l->items[i];
    return n;
}

static inline bool rect_inside(ViewRect outer, float x, float y, float w, float h)
{
    const float eps = 0.5f;
    return x >= outer.x - eps && y >= outer.y - eps && x + w <= outer.x + outer.w + eps
           && y + h <= outer.y + outer.h + eps;
}

static inline bool rects_overlap(ViewRect a, ViewRect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

#endif
