/*
 * layout.c - the main screen: the state of a run at one step, laid out as a
 * display list. A pure function of its inputs (view.h): the same scene and
 * parameters give the same list, byte for byte, in the window, in an export
 * and in a test.
 *
 *   +------------------------------------------------------------------+
 *   | header: file, virtual time, step, playback                        |
 *   | the sentence: what this event did and why                         |
 *   +---------------------+----------------------+---------------------+
 *   | source, running     | the loop: running,   | task cards          |
 *   | line, await marks   | ready queue, timers, |                     |
 *   |                     | threads and the GIL  |                     |
 *   +---------------------+----------+-----------+---------------------+
 *   | timeline: a row per task, the playhead     | console             |
 *   +--------------------------------------------+---------------------+
 *
 * Must not: run or read the simulator, keep state between calls, or draw.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "view.h"
#include "view_int.h"

#define PAD(L) (0.45f * (L)->u)

#define ALL_PANELS                                                                                  \
    (VIEW_PANEL_BIT(VP_HEADER) | VIEW_PANEL_BIT(VP_EXPLAIN) | VIEW_PANEL_BIT(VP_SOURCE)              \
     | VIEW_PANEL_BIT(VP_LOOP) | VIEW_PANEL_BIT(VP_TASKS) | VIEW_PANEL_BIT(VP_TIMELINE)             \
     | VIEW_PANEL_BIT(VP_CONSOLE))

static float ease(float a)
{
    if (a <= 0)
        return 0;
    if (a >= 1)
        return 1;
    return a * a * (3 - 2 * a);
}

/* A panel's frame and heading; returns the content area below the heading. */
static ViewRect panel(Lay *L, ViewPanel id, ViewRect r, const char *heading)
{
    L->panel = id;
    L->l->panels[id] = r;
    lay_rrect(L, VR_PANEL, r.x, r.y, r.w, r.h, 0.3f * L->u);
    lay_frame(L, VR_PANEL_EDGE, r.x, r.y, r.w, r.h, 1);
    float pad = PAD(L), hs = 0.72f * L->u;
    if (heading)
        lay_text(L, VF_BOLD, hs, VR_HEADING, r.x + pad, r.y + 0.35f * L->u, r.w - 2 * pad,
                 heading, strlen(heading));
    float top = heading ? 0.35f * L->u + hs * 1.25f + 0.3f * L->u : pad;
    return (ViewRect){ r.x + pad, r.y + top, r.w - 2 * pad, r.h - top - pad };
}

static const char *str(const ViewScene *sc, TraceStr s, size_t *n)
{
    return vs_str(sc->trace, s, n);
}

static const char *task_name(const ViewScene *sc, const TraceState *s, uint32_t id, size_t *n)
{
    const TraceTaskState *ts = view_find_task(s, id);
    if (ts && ts->name)
        return str(sc, ts->name, n);
    static const char unknown[] = "task ?";
    *n = sizeof unknown - 1;
    return unknown;
}

/* The virtual time shown: the step's, or on the way to the next event's
 * while playback crosses the stretch between them (ViewParams.between), or
 * the clock when it is later (ViewParams.clock). */
static double shown_seconds(const Lay *L, const ViewScene *sc)
{
    const TraceState *st = sc->state;
    double t = (double)st->t_ns * 1e-9;
    float b = L->p->between;
    const TraceEvent *next = b > 0 && !L->p->still ? trace_event(sc->trace, st->step + 1) : NULL;
    if (next)
        t += (b < 1 ? b : 1) * ((double)next->t_ns * 1e-9 - t);
    /* an animation's frame between two events (ViewParams.clock) */
    return L->p->clock > t ? L->p->clock : t;
}

/* ---- the header */

static void header(Lay *L, const ViewScene *sc, ViewRect r)
{
    L->panel = VP_HEADER;
    L->l->panels[VP_HEADER] = r;
    lay_rect(L, VR_HEADER_BG, r.x, r.y, r.w, r.h);
    float s = 0.8f * L->u, y = r.y + (r.h - s * 1.25f) / 2, pad = PAD(L);
    /* the clock is a text run of its own: it changes every frame while
     * playback glides, and a short run is quick to render anew; the rest
     * changes once a step */
    char clock[64] = "", right[256];
    const TraceState *st = sc->state;
    if (sc->error)
        snprintf(right, sizeof right, "not run: the file has an error%s", L->p->still ? "" : "    ? help");
    else if (st && st->applied && L->p->still)
        snprintf(right, sizeof right, "step %zu / %zu", st->step + 1, trace_len(sc->trace));
    else if (st && st->applied)
        snprintf(right, sizeof right, "step %zu / %zu    %s %gx    ? help", st->step + 1, trace_len(sc->trace),
                 L->p->playing ? "playing" : "paused", L->p->speed > 0 ? L->p->speed : 1.0);
    else
        snprintf(right, sizeof right, "%s", L->p->still ? "" : "? help");
    if (!sc->error && st && st->applied)
        snprintf(clock, sizeof clock, "t = %.3f s", shown_seconds(L, sc));
    size_t cn = strlen(clock), rn = strlen(right);
    float sep = lay_measure(L, VF_MONO, s, "    ", 4);
    float cw = cn ? lay_measure(L, VF_MONO, s, clock, cn) + sep : 0, rw = lay_measure(L, VF_MONO, s, right, rn);
    if (cw + rw > r.w * 0.6f) {   /* too wide: the clock keeps its room, the rest is cut */
        if (cw > r.w * 0.6f)
            cw = r.w * 0.6f;
        rw = r.w * 0.6f - cw;
    }
    float rx = r.x + r.w - pad - rw;
    if (cn)
        lay_text(L, VF_MONO, s, VR_HEADER_TEXT, rx - cw, y, cw - sep, clock, cn);
    if (rw > 0)
        lay_text(L, VF_MONO, s, VR_HEADER_TEXT, rx, y, rw, right, rn);
    rw += cw;
    float lw = r.w - rw - 3 * pad;
    ViewItem *t = lay_text(L, VF_BOLD, s, VR_HEADER_TEXT, r.x + pad, y, lw, "loopscope  ", 11);
    float x = r.x + pad + (t ? t->w : 0);
    if (sc->title)
        lay_text(L, VF_SANS, s, VR_HEADER_TEXT, x, y, lw - (x - r.x - pad), sc->title,
                 strlen(sc->title));
}

/* ---- the sentence */

/* Word-wraps s into at most `maxlines` lines of width w; the last line is
 * cut with an ellipsis. Returns the lines used. */
static int wrap(Lay *L, ViewFont font, float size, ViewRole role, float x, float y, float w,
                int maxlines, const char *s, size_t n, ViewWhat what)
{
    int lines = 0;
    float lh = size * 1.3f;
    while (n && lines < maxlines) {
        size_t take = n;
        if (lines < maxlines - 1 && lay_measure(L, font, size, s, n) > w) {
            /* the longest run of whole words that fits */
            size_t best = 0;
            for (size_t i = 1; i <= n; i++)
                if (i == n || s[i] == ' ') {
                    if (lay_measure(L, font, size, s, i) > w)
                        break;
                    best = i;
                }
            take = best ? best : n;
        }
        ViewItem *it = lay_text(L, font, size, role, x, y + (float)lines * lh, w, s, take);
        if (it)
            it->what = (uint8_t)what;
        lines++;
        s += take;
        n -= take;
        while (n && *s == ' ') {
            s++;
            n--;
        }
    }
    return lines;
}

static void explain_bar(Lay *L, const ViewScene *sc, ViewRect r)
{
    L->panel = VP_EXPLAIN;
    L->l->panels[VP_EXPLAIN] = r;
    char buf[1024];
    size_t n;
    ViewRole role = VR_TEXT;
    if (sc->error) {
        n = (size_t)snprintf(buf, sizeof buf, "%s:%d:%d: error: %s  (fix the file: it reloads)",
                             sc->title ? sc->title : "", sc->error->line, sc->error->col,
                             sc->error->message ? sc->error->message : "");
        role = VR_ERROR;
    } else {
        n = view_explain(sc->trace, sc->prev, sc->state, buf, sizeof buf);
        const TraceEvent *ev = sc->state && sc->state->applied ? trace_event(sc->trace, sc->state->step) : NULL;
        /* which limit, and who: the banner's words (also for the budget's
         * message in a run the user stopped) */
        char told[160];
        size_t tn;
        bool stop_message = ev && ev->kind == TR_OUTPUT && view_output_text(sc, ev, &tn, told, sizeof told) == told;
        if (ev && (ev->kind == TR_LIMIT || stop_message) && sc->banner && *sc->banner)
            n = (size_t)snprintf(buf, sizeof buf, "%s", sc->banner);
        if (ev && (ev->kind == TR_LOOP_BLOCK || ev->kind == TR_TASK_FAIL || ev->kind == TR_LIMIT
                   || ev->kind == TR_GC_DESTROY || ev->kind == TR_EXC_LOST))
            role = VR_ERROR;
    }
    if (n >= sizeof buf)
        n = sizeof buf - 1;
    float pad = PAD(L), size = 0.95f * L->u;
    lay_rect(L, VR_ACCENT, r.x, r.y, 0.25f * L->u, r.h);
    wrap(L, VF_SANS, size, role, r.x + pad + 0.25f * L->u, r.y + 0.3f * L->u,
         r.w - 2 * pad - 0.25f * L->u, 2, buf, n, VW_EXPLAIN);
}

/* A run cut short: a strip under the header, at every step, so nobody
 * takes the end of what ran for the end of the program. */
static float banner(Lay *L, const char *text, ViewRect r)
{
    float size = 0.8f * L->u, pad = PAD(L), lh = size * 1.3f;
    size_t n = strlen(text);
    int lines = lay_measure(L, VF_BOLD, size, text, n) > r.w - 2 * pad ? 2 : 1;
    r.h = (float)lines * lh + 0.5f * L->u;
    L->panel = VP_HEADER;
    ViewItem *bg = lay_rect(L, VR_ERROR, r.x, r.y, r.w, r.h);
    bg->what = VW_BANNER;
    wrap(L, VF_BOLD, size, VR_ON_CHIP, r.x + pad, r.y + 0.25f * L->u, r.w - 2 * pad, lines, text, n,
         VW_BANNER);
    return r.h;
}

/* ---- the source */

/* Which line the thread is on at this step: the current event's line when
 * it belongs to the code running now, else the running task's last line. */
static int running_line(const ViewScene *sc, bool *blocked)
{
    const TraceState *s = sc->state;
    *blocked = false;
    if (!s || !s->applied)
        return 0;
    if (s->loop.status == TL_BLOCKED) {
        *blocked = true;
        return s->loop.line;
    }
    bool in_task = s->loop.status == TL_RUNNING_TASK;
    bool top = s->loop.status == TL_NOT_STARTED || s->loop.status == TL_FINISHED;
    if (!in_task && !top)
        return 0;
    uint32_t task = in_task ? s->loop.task : 0;
    /* look back through this step's events for the latest line it reached */
    for (size_t k = s->step + 1, seen = 0; k-- > 0 && seen < 256; seen++) {
        const TraceEvent *ev = trace_event(sc->trace, k);
        if (ev->kind == TR_TASK_STEP && ev->task == task && in_task)
            return ev->line;
        if (ev->kind == TR_RUN_END)
            return 0;
        if (ev->line > 0 && ev->task == task
            && (ev->kind == TR_OUTPUT || ev->kind == TR_EXC_RAISE || ev->kind == TR_EXC_CATCH
                || ev->kind == TR_TASK_CREATE || ev->kind == TR_LOOP_BLOCK
                || ev->kind == TR_CANCEL_DELIVER))
            return ev->line;
    }
    const TraceTaskState *ts = in_task ? view_find_task(s, task) : NULL;
    return ts ? ts->line : 0;
}

static size_t count_lines(const char *src, size_t len)
{
    size_t n = 1;
    for (size_t i = 0; i < len; i++)
        if (src[i] == '\n' && i + 1 < len)
            n++;
    return n;
}

/* Copies one source line with tabs expanded to 8 columns and no '\r'. */
static size_t expand_line(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0, col = 0;
    for (size_t i = 0; i < n && o + 8 < cap; i++) {
        if (s[i] == '\t') {
            do
                out[o++] = ' ';
            while (++col % 8);
        } else if (s[i] != '\r') {
            out[o++] = s[i];
            col += ((unsigned char)s[i] & 0xC0) != 0x80;
        }
    }
    return o;
}

/* Markers for the tasks parked at an await on a line: a chip per task, on
 * the right of the code, never over it. The chips' width, and whether
 * a task is marked there. */
static bool marked_at(const TraceTaskState *ts, int line)
{
    return ts->line == line && (ts->status == TT_WAITING || ts->status == TT_READY);
}

static float chip_w(Lay *L, const ViewScene *sc, const TraceTaskState *ts, float ms)
{
    size_t nn;
    const char *nm = str(sc, ts->name, &nn);
    return lay_measure(L, VF_BOLD, ms, nm, nn) + 0.45f * L->u;
}

static float await_marks_width(Lay *L, const ViewScene *sc, int line)
{
    const TraceState *s = sc->state;
    float ms = 0.6f * L->u, gap = 0.15f * L->u, total = 0;
    for (size_t i = 0; s && i < s->ntasks; i++)
        if (marked_at(&s->tasks[i], line))
            total += chip_w(L, sc, &s->tasks[i], ms) + gap;
    return total;
}

/* Lays the chips from x to right (the code ends before x); those that do
 * not fit are counted in a "+N" at the end. */
static void await_marks(Lay *L, const ViewScene *sc, int line, float x, float right, float y, float lh)
{
    const TraceState *s = sc->state;
    float ms = 0.6f * L->u, gap = 0.15f * L->u;
    size_t marked = 0;
    for (size_t i = 0; s && i < s->ntasks; i++)
        marked += marked_at(&s->tasks[i], line);
    size_t shown = 0;
    for (size_t i = 0; s && i < s->ntasks; i++) {
        const TraceTaskState *ts = &s->tasks[i];
        if (!marked_at(ts, line))
            continue;
        float w = chip_w(L, sc, ts, ms);
        /* room for this chip, and for the "+N" of the rest after it */
        char more[16];
        int mn = snprintf(more, sizeof more, "+%zu", marked - shown - 1);
        float more_w = shown + 1 < marked ? lay_measure(L, VF_BOLD, ms, more, (size_t)mn) + gap : 0;
        if (x + w + more_w > right) {
            mn = snprintf(more, sizeof more, "+%zu", marked - shown);
            if (x + lay_measure(L, VF_BOLD, ms, more, (size_t)mn) <= right) {
                ViewItem *m = lay_text(L, VF_BOLD, ms, VR_AWAIT_MARK, x, y + (lh - ms * 1.25f) / 2, 0, more,
                                       (size_t)mn);
                m->what = VW_MORE;
            }
            return;
        }
        ViewRole role = ts->status == TT_READY ? VR_READY : VR_AWAIT_MARK;
        ViewItem *chip = lay_rrect(L, role, x, y + 0.08f * lh, w, lh * 0.84f, 0.25f * L->u);
        chip->what = VW_AWAIT_MARK;
        chip->tag = ts->id;
        size_t nn;
        const char *nm = str(sc, ts->name, &nn);
        ViewItem *t = lay_text(L, VF_BOLD, ms, VR_ON_CHIP, x + 0.22f * L->u, y + (lh - ms * 1.25f) / 2, 0, nm, nn);
        t->what = VW_AWAIT_MARK;
        t->tag = ts->id;
        x += w + gap;
        shown++;
    }
}

static void source_panel(Lay *L, const ViewScene *sc, ViewRect area)
{
    char heading[256];
    snprintf(heading, sizeof heading, "SOURCE  %s", sc->title ? sc->title : "");
    ViewRect r = panel(L, VP_SOURCE, area, heading);
    float cs = 0.78f * L->u, lh = cs * 1.3f;
    size_t nlines = count_lines(sc->source, sc->source_len);
    size_t visible = r.h > lh ? (size_t)(r.h / lh) : 1;
    bool blocked = false;
    int focus = sc->error ? sc->error->line : running_line(sc, &blocked);
    /* scroll so the focus line sits a third of the way down */
    size_t first = 1;
    if (focus > 0 && nlines > visible) {
        size_t f = (size_t)focus;
        first = f > visible / 3 ? f - visible / 3 : 1;
        if (first + visible > nlines + 1)
            first = nlines + 1 - visible;
    }
    char digits[16];
    int dw = snprintf(digits, sizeof digits, "%zu", nlines);
    float gutter = lay_measure(L, VF_MONO, cs, "0000", (size_t)(dw > 3 ? dw + 1 : 4)) + 0.4f * L->u;

    lay_clip(L, r.x, r.y, r.w, r.h);
    const char *p = sc->source, *end = sc->source + sc->source_len;
    for (size_t line = 1; p < end || line == 1; line++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        if (line >= first && line < first + visible) {
            float y = r.y + (float)(line - first) * lh;
            if ((int)line == focus) {
                ViewRole hl = sc->error || blocked ? VR_ERROR : VR_RUNNING;
                ViewItem *bg = lay_rect(L, VR_LINE_HL, r.x, y, r.w, lh);
                bg->what = sc->error ? VW_ERROR_LINE : VW_CODE_RUNNING;
                bg->tag = line;
                if (sc->error || blocked)
                    bg->role = VR_SELECTED;
                ViewItem *bar = lay_rect(L, hl, r.x, y, 0.22f * L->u, lh);
                bar->what = bg->what;
                bar->tag = line;
            }
            lay_textf(L, VF_MONO, cs, VR_TEXT_DIM, r.x + 0.35f * L->u, y + (lh - cs * 1.25f) / 2, 0,
                      "%*zu", dw, line);
            char buf[1024];
            size_t n = expand_line(p, (size_t)(e - p), buf, sizeof buf);
            /* await marks go after the code; on a line too long for
             * them, the code is cut short (with an ellipsis) to make room,
             * down to half the panel, and the marks that still do not fit
             * are counted: a mark never covers code */
            float code_x = r.x + gutter, right = r.x + r.w - 0.2f * L->u, code_max = right - code_x;
            float marks = await_marks_width(L, sc, (int)line), sep = 0.5f * L->u;
            if (marks > 0) {
                float code_w = lay_measure(L, VF_MONO, cs, buf, n);
                /* the code keeps half the panel, and at least a "+N" fits after it */
                float keep = right - sep - marks - code_x, floor_w = (right - code_x) * 0.5f;
                float plus = right - code_x - sep - lay_measure(L, VF_BOLD, 0.6f * L->u, "+99", 3);
                if (floor_w > plus)
                    floor_w = plus;
                if (code_w > keep)
                    code_max = keep > floor_w ? keep : floor_w;
            }
            ViewItem *it = lay_text(L, VF_MONO, cs, VR_TEXT, code_x, y + (lh - cs * 1.25f) / 2, code_max, buf, n);
            if (it) {
                it->what = VW_CODE_LINE;
                it->tag = line;
            }
            if (marks > 0)
                await_marks(L, sc, (int)line, (it ? it->x + it->w : code_x) + sep, right, y, lh);
            if (sc->error && (int)line == focus && sc->error->col > 0) {
                /* a caret under the column, as the terminal shows it */
                float cx = r.x + gutter + lay_measure(L, VF_MONO, cs, buf,
                                                      (size_t)(sc->error->col - 1) < n ? (size_t)(sc->error->col - 1) : n);
                lay_rect(L, VR_ERROR, cx, y + lh - 0.15f * L->u, lay_measure(L, VF_MONO, cs, "^", 1), 0.15f * L->u);
            }
        }
        if (!nl)
            break;
        p = nl + 1;
    }
    lay_unclip(L);
}

/* ---- the loop */

/* A rounded chip with a label; both items carry (what, tag) so that motion
 * and tests can find them. Returns its width. */
static float chip(Lay *L, ViewRole role, ViewRole text_role, float x, float y, float h, float maxw,
                  const char *s, size_t n, ViewWhat what, uint32_t tag, bool cancelled)
{
    float size = 0.66f * L->u, pad = 0.35f * L->u;
    float w = lay_measure(L, VF_BOLD, size, s, n) + 2 * pad;
    if (w > maxw)
        w = maxw;
    ViewItem *bg = lay_rrect(L, role, x, y, w, h, 0.3f * L->u);
    bg->what = (uint8_t)what;
    bg->tag = tag;
    ViewItem *t = lay_text(L, VF_BOLD, size, text_role, x + pad, y + (h - size * 1.25f) / 2, w - 2 * pad, s, n);
    if (t) {
        t->what = (uint8_t)what;
        t->tag = tag;
    }
    if (cancelled) {
        bg->alpha = 110;
        ViewItem *x_ = lay_line(L, text_role, x + pad, y + h / 2, x + w - pad, y + h / 2, 2);
        x_->what = (uint8_t)what;
        x_->tag = tag;
    }
    return w;
}

static float subheading(Lay *L, float x, float y, float w, const char *fmt, size_t count)
{
    float s = 0.62f * L->u;
    lay_textf(L, VF_BOLD, s, VR_TEXT_DIM, x, y, w, fmt, count);
    return s * 1.25f + 0.2f * L->u;
}

/* Lays out the loop panel's contents for state s into L (the running slot,
 * the ready queue, the timers, the threads). */
static void loop_contents(Lay *L, const ViewScene *sc, const TraceState *s, ViewRect r)
{
    float y = r.y, u = L->u, ch = 1.25f * u, gap = 0.25f * u;
    char buf[512];
    size_t n;
    /* the running slot: what holds the loop's thread */
    float slot_h = 2.0f * u;
    /* a short panel (big text on a projector): a slimmer slot, and the
     * threads as one GIL chip, so the queue and the timers keep a row each */
    size_t nw = s->nworkers;
    float sub_h = 0.62f * u * 1.25f + 0.2f * u;
    float full_threads_h = (ch + gap) * (float)(nw ? (nw > 4 ? 5 : nw + 1) : 1) + sub_h;
    bool tight = r.h < slot_h + 0.5f * u + 2 * (sub_h + ch + gap + 0.5f * u) + full_threads_h;
    if (tight)
        slot_h = 1.5f * u;
    /* shorter still: no "empty"/"none" rows (the headings count), and the
     * GIL chip only when there are workers to share it with */
    bool very_tight = tight && r.h < slot_h + 0.3f * u + 2 * (sub_h + ch + gap + 0.3f * u) + (ch + gap);
    ViewRole role = VR_IDLE, trole = VR_TEXT;
    uint32_t tag = 0;
    switch (s->loop.status) {
    case TL_NOT_STARTED:
        n = (size_t)snprintf(buf, sizeof buf, "no loop yet: top-level code runs");
        break;
    case TL_SCHEDULING:
        n = (size_t)snprintf(buf, sizeof buf, "the loop's own code: picking the next handle");
        break;
    case TL_RUNNING_TASK: {
        size_t nn;
        const char *nm = task_name(sc, s, s->loop.task, &nn);
        const TraceTaskState *ts = view_find_task(s, s->loop.task);
        size_t cn = 0;
        const char *co = ts ? str(sc, ts->coro, &cn) : "";
        n = (size_t)snprintf(buf, sizeof buf, "RUNNING  %.*s  %.*s()", (int)nn, nm, (int)cn, co);
        role = VR_RUNNING;
        trole = VR_ON_CHIP;
        tag = s->loop.task;
        break;
    }
    case TL_RUNNING_CALLBACK: {
        size_t wn;
        const char *w = str(sc, s->loop.what, &wn);
        n = (size_t)snprintf(buf, sizeof buf, "callback: %.*s", (int)wn, w);
        role = VR_RUNNING;
        trole = VR_ON_CHIP;
        break;
    }
    case TL_IDLE:
        if (s->loop.until_ns < 0)
            n = (size_t)snprintf(buf, sizeof buf, "idle: nothing ready, no timers");
        else
            n = (size_t)snprintf(buf, sizeof buf, "idle until t=%.3f: waiting for the next timer",
                                 (double)s->loop.until_ns * 1e-9);
        break;
    case TL_BLOCKED:
        n = (size_t)snprintf(buf, sizeof buf, "BLOCKED by time.sleep until t=%.3f",
                             (double)s->loop.until_ns * 1e-9);
        role = VR_BLOCKED;
        trole = VR_ON_CHIP;
        tag = s->loop.task;
        break;
    case TL_FINISHED:
    default:
        n = (size_t)snprintf(buf, sizeof buf, "finished: exit status %.0f", s->exit_status);
        break;
    }
    if (n >= sizeof buf)
        n = sizeof buf - 1;
    ViewItem *slot = lay_rrect(L, role, r.x, y, r.w, slot_h, 0.35f * u);
    slot->what = VW_LOOP_STATUS;
    slot->tag = tag;
    if (role == VR_IDLE)
        lay_frame(L, VR_PANEL_EDGE, r.x, y, r.w, slot_h, 1)->what = VW_NONE;
    ViewItem *t = lay_text(L, VF_BOLD, 0.78f * u, trole, r.x + 0.5f * u, y + (slot_h - 0.78f * u * 1.25f) / 2,
                           r.w - u, buf, n);
    if (t) {
        t->what = VW_LOOP_STATUS;
        t->tag = tag;
    }
    y += slot_h + (tight ? 0.3f : 0.5f) * u;

    /* the threads take the bottom: the GIL and each worker */
    bool gil_chip = !very_tight || nw > 0 || s->gil != 0;
    float threads_h = !gil_chip ? 0 : tight ? ch + gap : full_threads_h;
    float bottom = r.y + r.h - threads_h;

    /* the ready queue: front first, flowing left to right, wrapping */
    y += subheading(L, r.x, y, r.w, "READY QUEUE (%zu)  front first", s->nready);
    float x = r.x, qtop = y;
    /* the queue's share of what is left, the timers' heading and a row
     * of them kept below it */
    float rem_h = bottom - y - (sub_h + ch + 0.5f * u);
    float qmax = rem_h * (s->ntimers ? 0.5f : 1.0f);
    if (qmax < ch)
        qmax = ch;
    float lim = qtop + qmax, right = r.x + r.w, more_w = 3.0f * u;
    size_t shown = 0;
    if (!s->nready && !very_tight) {
        lay_text(L, VF_SANS, 0.62f * u, VR_TEXT_DIM, x, y, r.w, "empty", 5);
        y += ch + gap;
    }
    for (size_t i = 0; i < s->nready; i++) {
        const TraceReadyItem *it = &s->ready[i];
        const char *lab;
        size_t ln;
        if (it->task)
            lab = task_name(sc, s, it->task, &ln);
        else
            lab = str(sc, it->what, &ln);
        float w = lay_measure(L, VF_BOLD, 0.66f * u, lab, ln) + 0.7f * u;
        if (w > r.w)
            w = r.w;
        float px = x, py = y;
        if (x + w > right + 0.5f && x > r.x) {
            x = r.x;
            y += ch + gap;
        }
        /* on the last row that fits, a chip that is not the last leaves
         * room after it for the count of the rest ("+N") */
        bool fits = y + ch <= lim;
        bool last_row = y + 2 * ch + gap > lim;
        if (!fits || (last_row && i + 1 < s->nready && x + w + gap + more_w > right)) {
            if (!fits && x == r.x && y > qtop) {   /* at the end of the row above, where room was left */
                x = px;
                y = py;
            }
            lay_textf(L, VF_BOLD, 0.62f * u, VR_TEXT_DIM, x, y + (ch - 0.62f * u * 1.25f) / 2, right - x,
                      x > r.x ? "+%zu" : "+%zu more", s->nready - shown)->what = VW_MORE;
            y += ch;
            break;
        }
        ViewRole cr = it->task ? VR_READY : VR_WORKER;
        x += chip(L, cr, VR_ON_CHIP, x, y, ch, r.w, lab, ln, VW_READY_ITEM, it->task, it->cancelled) + gap;
        shown++;
    }
    if (s->nready && shown == s->nready)
        y += ch;
    y += 0.5f * u;

    if (very_tight)
        y -= 0.3f * u;

    /* the timers, soonest first (when even their heading does not fit,
     * nothing: the panel is too short for them at this text size) */
    if (y + sub_h <= bottom)
        y += subheading(L, r.x, y, r.w, "TIMERS (%zu)  soonest first", s->ntimers);
    else
        y = bottom;
    if (!s->ntimers && !very_tight && y + ch <= bottom) {
        lay_text(L, VF_SANS, 0.62f * u, VR_TEXT_DIM, r.x, y, r.w, "none", 4);
        y += ch;
    }
    float more_h = 0.62f * u * 1.25f;
    for (size_t i = 0; i < s->ntimers && y + more_h <= bottom; i++) {
        const TraceTimerItem *tm = &s->timers[i];
        /* a chip that is not the last leaves room for the "+N more" line */
        if (y + ch > bottom || (i + 1 < s->ntimers && y + ch + gap + more_h > bottom)) {
            lay_textf(L, VF_BOLD, 0.62f * u, VR_TEXT_DIM, r.x, y, r.w, "+%zu more", s->ntimers - i)->what = VW_MORE;
            break;
        }
        ViewItem *d = lay_textf(L, VF_MONO, 0.66f * u, VR_TIMER, r.x, y + (ch - 0.66f * u * 1.25f) / 2, 0,
                                "t=%.3f", tm->deadline);
        d->what = VW_TIMER_ITEM;
        d->tag = tm->task;
        float cx = r.x + d->w + 0.4f * u;
        size_t ln, wn;
        const char *lab = tm->task ? task_name(sc, s, tm->task, &ln) : str(sc, tm->what, &ln);
        float w = chip(L, VR_TIMER, VR_ON_CHIP, cx, y, ch, r.x + r.w - cx, lab, ln, VW_TIMER_ITEM, tm->task,
                       tm->cancelled);
        const char *what = str(sc, tm->what, &wn);
        if (tm->task && wn)
            lay_text(L, VF_SANS, 0.6f * u, VR_TEXT_DIM, cx + w + 0.3f * u, y + (ch - 0.6f * u * 1.25f) / 2,
                     r.x + r.w - (cx + w + 0.3f * u), what, wn);
        y += ch + gap;
    }

    /* threads: who holds the GIL, and each worker */
    if (!gil_chip)
        return;
    y = bottom + (tight ? gap : 0);
    if (!tight)
        y += subheading(L, r.x, y, r.w, "THREADS", 0);
    if (s->gil == 0)
        n = (size_t)snprintf(buf, sizeof buf, "GIL: the loop's thread");
    else
        n = (size_t)snprintf(buf, sizeof buf, "GIL: worker %u", s->gil);
    if (tight && nw)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "  (%zu worker%s)", nw, nw == 1 ? "" : "s");
    if (n >= sizeof buf)
        n = sizeof buf - 1;
    chip(L, VR_ACCENT, VR_ON_CHIP, r.x, y, ch, r.w, buf, n, VW_GIL, s->gil, false);
    y += ch + gap;
    if (tight)
        return;
    for (size_t i = 0; i < nw; i++) {
        if (i == 3 && nw > 4) {
            lay_textf(L, VF_BOLD, 0.62f * u, VR_TEXT_DIM, r.x, y, r.w, "+%zu more workers", nw - i)->what = VW_MORE;
            break;
        }
        const TraceWorkerState *w = &s->workers[i];
        size_t jn;
        const char *job = str(sc, w->job, &jn);
        if (w->status == TW_IDLE)
            n = (size_t)snprintf(buf, sizeof buf, "worker %u: idle", w->id);
        else if (w->status == TW_BLOCKED)
            n = (size_t)snprintf(buf, sizeof buf, "worker %u: %.*s, blocked until t=%.3f", w->id, (int)jn, job,
                                 (double)w->until_ns * 1e-9);
        else
            n = (size_t)snprintf(buf, sizeof buf, "worker %u: %.*s", w->id, (int)jn, job);
        if (n >= sizeof buf)
            n = sizeof buf - 1;
        chip(L, w->status == TW_IDLE ? VR_IDLE : VR_WORKER, w->status == TW_IDLE ? VR_TEXT : VR_ON_CHIP,
             r.x, y, ch, r.w, buf, n, VW_WORKER, w->id, false);
        y += ch + gap;
    }
}

static bool is_task_chip(const ViewItem *it)
{
    return it->tag && (it->what == VW_READY_ITEM || it->what == VW_TIMER_ITEM
                       || it->what == VW_LOOP_STATUS);
}

/* Tasks glide from where they were in the previous state to where they are
 * now: lay out the previous state too (into a scratch list), and move each
 * task's chip along the way by the eased animation time. A task that was
 * not in the loop panel before fades in. */
static void loop_motion(Lay *L, const ViewScene *sc, ViewRect r, size_t from)
{
    float a = ease(L->p->anim);
    if (a >= 1 || !sc->prev || !sc->prev->applied)
        return;
    ViewList old;
    view_list_init(&old);
    Lay O = *L;
    O.l = &old;
    loop_contents(&O, sc, sc->prev, r);
    ViewList *l = L->l;
    for (size_t i = from; i < l->len; i++) {
        ViewItem *it = &l->items[i];
        if (!is_task_chip(it) || it->kind == VI_TEXT || it->kind == VI_LINE)
            continue;
        /* this chip's background; the items after it with the same (what,
         * tag) are its text and strike line */
        const ViewItem *was = NULL;
        for (size_t j = 0; j < old.len && !was; j++)
            if (is_task_chip(&old.items[j]) && old.items[j].tag == it->tag && old.items[j].kind == it->kind)
                was = &old.items[j];
        float dx = was ? (was->x - it->x) * (1 - a) : 0, dy = was ? (was->y - it->y) * (1 - a) : 0;
        uint8_t alpha = was ? 255 : (uint8_t)(255 * a);
        uint8_t what = it->what;
        uint32_t tag = it->tag;
        for (size_t k = i; k < l->len && l->items[k].what == what && l->items[k].tag == tag; k++) {
            ViewItem *m = &l->items[k];
            m->x += dx;
            m->y += dy;
            m->alpha = (uint8_t)(m->alpha * alpha / 255);
            i = k;
        }
    }
    view_list_free(&old);
}

static void loop_panel(Lay *L, const ViewScene *sc, ViewRect area)
{
    ViewRect r = panel(L, VP_LOOP, area, "EVENT LOOP");
    size_t from = L->l->len;
    loop_contents(L, sc, sc->state, r);
    loop_motion(L, sc, r, from);
}

/* ---- the tasks */

static bool finished(TraceTaskStatus s)
{
    return s == TT_DONE || s == TT_FAILED || s == TT_CANCELLED || s == TT_DESTROYED;
}

static void task_card(Lay *L, const ViewScene *sc, const TraceTaskState *ts, float x, float y, float w,
                      float h, bool compact)
{
    float u = L->u;
    ViewRole role = view_status_role(ts->status);
    ViewItem *bg = lay_rrect(L, VR_BG, x, y, w, h, 0.25f * u);
    bg->what = VW_TASK_CARD;
    bg->tag = ts->id;
    ViewItem *stripe = lay_rect(L, role, x, y, 0.3f * u, h);
    stripe->what = VW_TASK_CARD;
    stripe->tag = ts->id;
    if (finished(ts->status))
        bg->alpha = 150;
    /* the state as a pill on the right */
    const char *st = trace_task_status_name(ts->status);
    float ss = 0.56f * u;
    float pw = lay_measure(L, VF_BOLD, ss, st, strlen(st)) + 0.5f * u;
    float line1 = compact ? h : 1.3f * u;
    ViewItem *pill = lay_rrect(L, role, x + w - pw - 0.2f * u, y + (line1 - ss * 1.5f) / 2 + (compact ? 0 : 0.1f * u),
                               pw, ss * 1.5f, 0.3f * u);
    pill->what = VW_TASK_CARD;
    pill->tag = ts->id;
    float pill_x = pill->x;   /* the list may move when it grows: no item pointer across a push */
    lay_text(L, VF_BOLD, ss, VR_ON_CHIP, pill_x + 0.25f * u, pill->y + 0.125f * ss, 0, st, strlen(st))->tag = ts->id;
    size_t nn, cn;
    const char *nm = str(sc, ts->name, &nn);
    const char *co = str(sc, ts->coro, &cn);
    float ns = compact ? 0.6f * u : 0.7f * u;
    char buf[512];
    int n = snprintf(buf, sizeof buf, "%.*s  %.*s()", (int)nn, nm, (int)cn, co);
    if (n < 0 || (size_t)n >= sizeof buf)   /* a long name was cut: lay_text adds the ellipsis */
        n = n < 0 ? 0 : (int)sizeof buf - 1;
    ViewItem *t = lay_text(L, VF_BOLD, ns, VR_TEXT, x + 0.5f * u, y + (line1 - ns * 1.25f) / 2 + (compact ? 0 : 0.1f * u),
                           pill_x - x - 0.7f * u, buf, (size_t)n);
    if (t) {
        t->what = VW_TASK_CARD;
        t->tag = ts->id;
    }
    if (compact)
        return;
    /* the second line: what it waits on, or how it ended */
    size_t on;
    const char *o;
    switch (ts->status) {
    case TT_WAITING:
        o = str(sc, ts->waiting_on, &on);
        n = ts->line ? snprintf(buf, sizeof buf, "awaits %.*s  (line %d)", (int)on, o, ts->line)
                     : snprintf(buf, sizeof buf, "awaits %.*s", (int)on, o);
        break;
    case TT_READY:
        n = snprintf(buf, sizeof buf, "in the ready queue");
        break;
    case TT_RUNNING:
        n = snprintf(buf, sizeof buf, "holds the thread  (line %d)", ts->line);
        break;
    case TT_CREATED:
        n = snprintf(buf, sizeof buf, "created at line %d, not scheduled", ts->created_line);
        break;
    case TT_DONE:
        o = str(sc, ts->outcome, &on);
        n = snprintf(buf, sizeof buf, "returned %.*s", (int)on, o);
        break;
    case TT_FAILED:
        o = str(sc, ts->outcome, &on);
        n = snprintf(buf, sizeof buf, "raised %.*s", (int)on, o);
        break;
    case TT_CANCELLED:
        n = snprintf(buf, sizeof buf, "cancelled");
        break;
    case TT_DESTROYED:
        n = snprintf(buf, sizeof buf, "destroyed by the GC while pending");
        break;
    default:
        n = 0;
    }
    if (n < 0)
        n = 0;
    if ((size_t)n >= sizeof buf)
        n = sizeof buf - 1;
    float ds = 0.6f * u, y2 = y + 1.35f * u;
    float right = x + w - 0.3f * u;
    if (ts->unreferenced && !finished(ts->status)) {
        /* nothing but the loop's weak set holds it: the GC may take it */
        const char *un = "unreferenced";
        float uw = lay_measure(L, VF_BOLD, ds, un, strlen(un)) + 0.4f * u;
        ViewItem *b = lay_rrect(L, VR_FAILED, right - uw, y2, uw, ds * 1.4f, 0.2f * u);
        b->what = VW_TASK_CARD;
        b->tag = ts->id;
        lay_text(L, VF_BOLD, ds, VR_ON_CHIP, right - uw + 0.2f * u, y2 + 0.08f * ds, 0, un, strlen(un))->tag = ts->id;
        right -= uw + 0.2f * u;
    }
    ViewItem *d = lay_text(L, VF_SANS, ds, ts->status == TT_FAILED ? VR_ERROR : VR_TEXT_DIM, x + 0.5f * u, y2,
                           right - x - 0.5f * u, buf, (size_t)n);
    if (d) {
        d->what = VW_TASK_CARD;
        d->tag = ts->id;
    }
}

static void tasks_panel(Lay *L, const ViewScene *sc, ViewRect area)
{
    const TraceState *s = sc->state;
    char heading[64];
    size_t live = 0;
    for (size_t i = 0; i < s->ntasks; i++)
        live += !finished(s->tasks[i].status);
    snprintf(heading, sizeof heading, "TASKS (%zu, %zu pending)", s->ntasks, live);
    ViewRect r = panel(L, VP_TASKS, area, heading);
    float u = L->u, gap = 0.3f * u;
    if (!s->ntasks) {
        lay_text(L, VF_SANS, 0.62f * u, VR_TEXT_DIM, r.x, r.y, r.w, "no tasks yet", 12);
        return;
    }
    /* full cards while they fit, then one-line cards, then as many as fit
     * with the pending ones first */
    float min_w = 11.0f * u;
    size_t cols = (size_t)((r.w + gap) / (min_w + gap));
    if (cols < 1)
        cols = 1;
    bool compact = false;
    float ch = 2.3f * u;
    size_t rows = (s->ntasks + cols - 1) / cols;
    if ((float)rows * (ch + gap) > r.h + gap) {
        compact = true;
        ch = 1.25f * u;
        cols = (size_t)((r.w + gap) / (8.0f * u + gap));
        if (cols < 1)
            cols = 1;
        rows = (s->ntasks + cols - 1) / cols;
    }
    size_t fit_rows = (size_t)((r.h + gap) / (ch + gap));
    if (fit_rows < 1)
        fit_rows = 1;
    size_t capacity = fit_rows * cols;
    bool overflow = s->ntasks > capacity;
    if (overflow)
        capacity--;   /* room for "+N more" */
    float cw = (r.w - gap * (float)(cols - 1)) / (float)cols;
    size_t placed = 0;
    /* two passes when overflowing: pending tasks, then finished ones */
    for (int pass = overflow ? 0 : 1; pass < 2 && placed < capacity; pass++) {
        for (size_t i = 0; i < s->ntasks && placed < capacity; i++) {
            const TraceTaskState *ts = &s->tasks[i];
            if (overflow && (pass == 0) == finished(ts->status))
                continue;
            size_t row = placed / cols, col = placed % cols;
            task_card(L, sc, ts, r.x + (float)col * (cw + gap), r.y + (float)row * (ch + gap), cw, ch, compact);
            placed++;
        }
    }
    if (overflow) {
        size_t row = placed / cols, col = placed % cols;
        ViewItem *m = lay_textf(L, VF_BOLD, 0.62f * u, VR_TEXT_DIM, r.x + (float)col * (cw + gap) + 0.3f * u,
                                r.y + (float)row * (ch + gap) + (ch - 0.62f * u * 1.25f) / 2, cw,
                                "+%zu more", s->ntasks - placed);
        m->what = VW_MORE;
        m->tag = (uint32_t)(s->ntasks - placed);
    }
}

/* ---- the timeline */

static double nice_step(double span, double target_ticks)
{
    double raw = span / target_ticks;
    double p = pow(10, floor(log10(raw)));
    double m = raw / p;
    return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
}

static ViewRole seg_role(uint8_t k)
{
    switch (k) {
    case VS_RUNNING:     return VR_RUNNING;
    case VS_READY:       return VR_READY;
    case VS_WAITING:     return VR_WAITING;
    case VS_IDLE:        return VR_IDLE;
    case VS_BLOCKED:     return VR_BLOCKED;
    case VS_WORKER_BUSY: return VR_WORKER;
    }
    return VR_TEXT;
}

static ViewRole mark_role(uint8_t k)
{
    switch (k) {
    case VM_DONE:           return VR_DONE;
    case VM_FAILED:         return VR_FAILED;
    case VM_EXC_LOST:       return VR_FAILED;
    case VM_CANCEL_REQUEST: return VR_CANCELLED;
    case VM_CANCELLED:      return VR_CANCELLED;
    case VM_DESTROYED:      return VR_DESTROYED;
    case VM_UNREF:          return VR_FAILED;
    default:                return VR_CREATED;
    }
}

static void timeline_panel(Lay *L, const ViewScene *sc, ViewRect area)
{
    ViewRect r = panel(L, VP_TIMELINE, area, "TIMELINE  virtual time");
    const ViewTimeline *tl = sc->timeline;
    if (!tl)
        return;
    float u = L->u, ls = 0.56f * u;
    float axis_h = ls * 1.25f + 0.35f * u;
    float label_w = 6.5f * u;
    float x0 = r.x + label_w, x1 = r.x + r.w - 0.3f * u;
    double t0 = L->p->tl_from, t1 = L->p->tl_to;
    double end = (double)tl->t_end * 1e-9;
    if (!(t1 > t0)) {
        t0 = 0;
        t1 = end > 0 ? end * 1.02 : 1e-3;
    }
    L->l->tl_x0 = x0;
    L->l->tl_x1 = x1;
    L->l->tl_t0 = t0;
    L->l->tl_t1 = t1;
    double scale = (x1 - x0) / (t1 - t0);
    float rows_h = r.h - axis_h;
    size_t nrows = tl->nrows;
    float rh = nrows ? rows_h / (float)nrows : rows_h;
    /* rows grow a little when the timeline has a slide of its own */
    bool some = L->p->panels && (L->p->panels & ALL_PANELS) != ALL_PANELS;
    float max_rh = some ? 2.0f * u : 1.3f * u;
    if (rh > max_rh)
        rh = max_rh;
    size_t shown = nrows;
    float min_rh = 4;
    if (rh < min_rh) {
        rh = min_rh;
        shown = (size_t)(rows_h / rh);
        if (shown > 0)
            shown--;   /* room for "+N more" */
    }
    /* names whenever a row can hold legible text (smaller than the
     * other labels when rows are thin): a timeline without them is a
     * puzzle on a projector */
    bool labels = rh >= 10;
    float now_x = x0 + (float)((shown_seconds(L, sc) - t0) * scale);

    /* rows: labels and a faint rule each */
    for (size_t row = 0; row < shown; row++) {
        float y = r.y + (float)row * rh;
        uint32_t id = tl->row_task[row];
        if (row % 2 == 1)
            lay_rect(L, VR_GRID, r.x, y, r.w, rh)->alpha = 90;
        if (!labels)
            continue;
        char buf[128];
        size_t n;
        const char *lab = buf;
        ViewRole role = VR_TEXT;
        if (row == 0) {
            n = (size_t)snprintf(buf, sizeof buf, "loop");
            role = VR_HEADING;
        } else if (id & VIEW_ROW_WORKER) {
            n = (size_t)snprintf(buf, sizeof buf, "worker %u", id & ~VIEW_ROW_WORKER);
            role = VR_WORKER;
        } else {
            /* a task not created yet at this step: its name, dimmed */
            const TraceTaskState *ts = view_find_task(sc->state, id);
            lab = str(sc, ts ? ts->name : tl->row_name[row], &n);
            if (!ts)
                role = VR_TEXT_DIM;
        }
        float fs = rh < ls * 1.3f ? rh / 1.3f : ls;
        ViewItem *t = lay_text(L, VF_BOLD, fs, role, r.x, y + (rh - fs * 1.25f) / 2, label_w - 0.3f * u, lab, n);
        if (t) {
            t->what = VW_TL_ROW;
            t->tag = id;
        }
    }
    lay_clip(L, x0, r.y, x1 - x0, rows_h);
    /* segments: past at full strength, future faint, so the run ahead is
     * visible without stealing the eye from now */
    for (size_t i = 0; i < tl->nsegs; i++) {
        const ViewSegment *sg = &tl->segs[i];
        if (sg->row >= shown)
            continue;
        double a = (double)sg->t0 * 1e-9, b = (double)sg->t1 * 1e-9;
        if (b < t0 || a > t1)
            continue;
        float sx0 = x0 + (float)((a - t0) * scale), sx1 = x0 + (float)((b - t0) * scale);
        float y = r.y + (float)sg->row * rh;
        float frac = sg->kind == VS_WAITING ? 0.3f : sg->kind == VS_READY ? 0.55f : 0.8f;
        float h = rh * frac, yy = y + (rh - h) / 2;
        if (sg->kind == VS_RUNNING && sx1 - sx0 < 3)
            sx1 = sx0 + 3;   /* a step takes microseconds: keep it visible */
        if (sx1 - sx0 < 1)
            sx1 = sx0 + 1;
        ViewRole role = seg_role(sg->kind);
        uint32_t tag = sg->row < tl->nrows ? tl->row_task[sg->row] : 0;
        if (sg->step0 > sc->state->step) {
            ViewItem *it = lay_rect(L, role, sx0, yy, sx1 - sx0, h);
            it->alpha = 70;
            it->what = VW_TL_SEGMENT;
            it->tag = tag;
            continue;
        }
        float split = sg->step1 > sc->state->step && now_x < sx1 ? (now_x > sx0 ? now_x : sx0) : sx1;
        ViewItem *it = lay_rect(L, role, sx0, yy, split - sx0 > 1 ? split - sx0 : 1, h);
        it->what = VW_TL_SEGMENT;
        it->tag = tag;
        if (split < sx1) {
            ViewItem *f = lay_rect(L, role, split, yy, sx1 - split, h);
            f->alpha = 70;
            f->what = VW_TL_SEGMENT;
            f->tag = tag;
        }
        if (sg->kind == VS_BLOCKED && split - sx0 > 5 * u) {
            float bs = rh * 0.6f < ls ? rh * 0.6f : ls;
            lay_text(L, VF_BOLD, bs, VR_ON_CHIP, sx0 + 0.2f * u, y + (rh - bs * 1.25f) / 2, split - sx0 - 0.4f * u,
                     "BLOCKED", 7);
        }
    }
    /* marks: a tick with a square head where something ended or broke */
    for (size_t i = 0; i < tl->nmarks; i++) {
        const ViewMark *m = &tl->marks[i];
        if (m->row >= shown || m->kind == VM_CREATED)
            continue;
        double a = (double)m->t * 1e-9;
        if (a < t0 || a > t1)
            continue;
        float mx = x0 + (float)((a - t0) * scale), y = r.y + (float)m->row * rh;
        float sz = rh * 0.5f;
        ViewItem *it = lay_rect(L, mark_role(m->kind), mx - sz / 2, y + (rh - sz) / 2, sz, sz);
        it->what = VW_TL_MARK;
        it->tag = tl->row_task[m->row];
        if (m->step > sc->state->step)
            it->alpha = 70;
    }
    lay_unclip(L);
    if (shown < nrows) {
        ViewItem *m = lay_textf(L, VF_BOLD, ls, VR_TEXT_DIM, r.x, r.y + (float)shown * rh, label_w, "+%zu more",
                                nrows - shown);
        m->what = VW_MORE;
        m->tag = (uint32_t)(nrows - shown);
    }
    /* the axis */
    float ay = r.y + rows_h;
    lay_line(L, VR_PANEL_EDGE, x0, ay, x1, ay, 1);
    double step = nice_step(t1 - t0, (x1 - x0) / (6 * u));
    int dec = step >= 1 ? 0 : (int)ceil(-log10(step) - 1e-9);
    for (double t = ceil(t0 / step) * step; t <= t1 + step * 1e-6; t += step) {
        float tx = x0 + (float)((t - t0) * scale);
        lay_line(L, VR_PANEL_EDGE, tx, ay, tx, ay + 0.25f * u, 1);
        char buf[32];
        int n = snprintf(buf, sizeof buf, "%.*f s", dec, t);
        float w = lay_measure(L, VF_SANS, ls, buf, (size_t)n);
        float lx = tx - w / 2;
        if (lx + w > x1)
            lx = x1 - w;
        lay_text(L, VF_SANS, ls, VR_TEXT_DIM, lx, ay + 0.3f * u, 0, buf, (size_t)n);
    }
    /* the playhead, on top of everything */
    if (now_x >= x0 - 1 && now_x <= x1 + 1) {
        ViewItem *ph = lay_line(L, VR_PLAYHEAD, now_x, r.y - 0.2f * u, now_x, ay, 3);
        ph->what = VW_PLAYHEAD;
    }
}

/* ---- the console */

typedef struct ConLine {
    int64_t t;
    size_t idx;       /* the output event that started it */
    int stream;
    size_t start, len;  /* in the joined text */
} ConLine;

static void console_panel(Lay *L, const ViewScene *sc, ViewRect area)
{
    ViewRect r = panel(L, VP_CONSOLE, area, "CONSOLE  output so far");
    const TraceState *s = sc->state;
    float u = L->u, cs = 0.6f * u, lh = cs * 1.3f;
    size_t visible = (size_t)(r.h / lh);
    if (!visible || !s->noutput) {
        if (!s->noutput)
            lay_text(L, VF_SANS, cs, VR_TEXT_DIM, r.x, r.y, r.w, "nothing printed yet", 19);
        return;
    }
    /* take enough of the latest output events to fill the panel: each has
     * at least one line unless it continues a partial one */
    size_t take = visible * 2 + 8;
    size_t first = s->noutput > take ? s->noutput - take : 0;
    size_t cap = 64, nl = 0;
    ConLine *lines = malloc(cap * sizeof *lines);
    char *text = NULL;
    size_t tlen = 0, tcap = 0;
    bool open = false;
    for (size_t i = first; lines && i < s->noutput; i++) {
        const TraceEvent *ev = trace_event(sc->trace, replay_output_step(sc->replay, i));
        size_t n;
        char told[160];
        const char *p = view_output_text(sc, ev, &n, told, sizeof told);
        for (size_t j = 0; j < n; j++) {
            if (!open || (nl && lines[nl - 1].stream != (int)ev->obj && j == 0)) {
                if (nl == cap) {
                    cap *= 2;
                    ConLine *g = realloc(lines, cap * sizeof *lines);
                    if (!g)
                        abort();
                    lines = g;
                }
                lines[nl++] = (ConLine){ .t = ev->t_ns, .idx = i, .stream = (int)ev->obj, .start = tlen };
                open = true;
            }
            if (p[j] == '\n') {
                open = false;
                continue;
            }
            if (tlen == tcap) {
                tcap = tcap ? tcap * 2 : 1024;
                char *g = realloc(text, tcap);
                if (!g)
                    abort();
                text = g;
            }
            text[tlen++] = p[j] == '\t' ? ' ' : p[j];
            lines[nl - 1].len++;
        }
    }
    size_t from = nl > visible ? nl - visible : 0;
    float stamp_w = lay_measure(L, VF_MONO, cs, "00.000 ", 7);
    for (size_t i = from; i < nl; i++) {
        float y = r.y + (float)(i - from) * lh;
        lay_textf(L, VF_MONO, cs, VR_TEXT_DIM, r.x, y, 0, "%6.3f", (double)lines[i].t * 1e-9);
        ViewItem *t = lay_text(L, VF_MONO, cs, lines[i].stream == 2 ? VR_STDERR : VR_TEXT, r.x + stamp_w + 0.2f * u,
                               y, r.w - stamp_w - 0.2f * u, text ? text + lines[i].start : "", lines[i].len);
        if (t) {
            t->what = VW_CONSOLE_LINE;
            t->tag = (uint32_t)lines[i].idx;
        }
    }
    free(lines);
    free(text);
}

/* ---- the help overlay */

static void help_overlay(Lay *L)
{
    static const char *const keys[][2] = {
        { "space", "play / pause" },
        { "right / left", "next / previous event" },
        { "up / down, shift+arrows", "next / previous moment in time" },
        { "+ / -", "speed (0.25x to 16x)" },
        { "home / end", "start / end of the run" },
        { "click, drag on timeline", "jump to that time" },
        { "mouse wheel on timeline", "zoom time (0 resets)" },
        { "ctrl + / ctrl -", "bigger / smaller text" },
        { "t", "light / dark theme" },
        { "s", "save a PNG of the window" },
        { "r", "reload the file" },
        { "g", "the lesson gallery" },
        { "x (while simulating)", "stop and show what ran" },
        { "F11", "fullscreen" },
        { "?", "this help" },
        { "q / Esc", "quit" },
    };
    size_t n = sizeof keys / sizeof keys[0];
    float u = L->u, ks = 0.75f * u, lh = ks * 1.5f;
    L->panel = VP_HELP;
    lay_rect(L, VR_SHADE, 0, 0, (float)L->p->width, (float)L->p->height);
    float w = 30 * u, h = lh * (float)n + 3 * u;
    if (w > L->p->width - 2 * u)
        w = L->p->width - 2 * u;
    float x = ((float)L->p->width - w) / 2, y = ((float)L->p->height - h) / 2;
    ViewRect r = panel(L, VP_HELP, (ViewRect){ x, y, w, h }, "KEYS");
    for (size_t i = 0; i < n; i++) {
        lay_text(L, VF_BOLD, ks, VR_ACCENT, r.x, r.y + (float)i * lh, r.w * 0.48f, keys[i][0], strlen(keys[i][0]));
        lay_text(L, VF_SANS, ks, VR_TEXT, r.x + r.w * 0.5f, r.y + (float)i * lh, r.w * 0.5f, keys[i][1],
                 strlen(keys[i][1]));
    }
}

/* ---- the screen */

static const struct {
    const char *name;
    ViewPanel panel;
} panel_names[] = {
    { "header", VP_HEADER }, { "explain", VP_EXPLAIN }, { "code", VP_SOURCE }, { "queue", VP_LOOP },
    { "tasks", VP_TASKS }, { "timeline", VP_TIMELINE }, { "console", VP_CONSOLE },
};

ViewPanel view_panel_by_name(const char *name, size_t len)
{
    for (size_t i = 0; i < sizeof panel_names / sizeof panel_names[0]; i++)
        if (strlen(panel_names[i].name) == len && memcmp(panel_names[i].name, name, len) == 0)
            return panel_names[i].panel;
    return VP_NONE;
}

const char *view_panel_names(void)
{
    return "code, queue, tasks, timeline, console, explain, header";
}

/* One row of panels side by side, each as wide as its weight says. */
typedef struct RowPanel {
    ViewPanel id;
    float weight;
} RowPanel;

static void panel_row(Lay *L, const ViewScene *sc, const RowPanel *row, size_t n, unsigned mask, float x,
                      float y, float w, float h, float m)
{
    float total = 0;
    for (size_t i = 0; i < n; i++)
        if (mask & VIEW_PANEL_BIT(row[i].id))
            total += row[i].weight;
    size_t shown = 0;
    for (size_t i = 0; i < n; i++)
        shown += (mask & VIEW_PANEL_BIT(row[i].id)) != 0;
    if (!shown)
        return;
    float avail = w - m * (float)(shown - 1);
    for (size_t i = 0; i < n; i++) {
        if (!(mask & VIEW_PANEL_BIT(row[i].id)))
            continue;
        ViewRect r = { x, y, avail * row[i].weight / total, h };
        switch (row[i].id) {
        case VP_SOURCE:   source_panel(L, sc, r); break;
        case VP_LOOP:     loop_panel(L, sc, r); break;
        case VP_TASKS:    tasks_panel(L, sc, r); break;
        case VP_TIMELINE: timeline_panel(L, sc, r); break;
        case VP_CONSOLE:  console_panel(L, sc, r); break;
        default:          break;
        }
        x += r.w + m;
    }
}

/* The chosen panels filling `area`: the header and the sentence across the
 * top, then the source, the loop and the tasks side by side, then the
 * timeline and the console, each row as tall as its share (the whole
 * screen's proportions when every panel is shown). */
static void screen(Lay *L, const ViewScene *sc, ViewRect area, unsigned mask)
{
    float u = L->u, m = 0.35f * u;
    float x = area.x + m, W = area.w - 2 * m, top = area.y;
    if (mask & VIEW_PANEL_BIT(VP_HEADER)) {
        float head_h = 1.6f * u;
        header(L, sc, (ViewRect){ area.x, area.y, area.w, head_h });
        top += head_h;
    }
    if (sc->banner && *sc->banner && !sc->error)
        top += banner(L, sc->banner, (ViewRect){ area.x, top, area.w, 0 });
    top += m;
    if (mask & VIEW_PANEL_BIT(VP_EXPLAIN)) {
        float ex_h = 2 * 0.95f * u * 1.3f + 0.6f * u;
        explain_bar(L, sc, (ViewRect){ x, top, W, ex_h });
        top += ex_h + m;
    }
    float avail = area.y + area.h - top - m;
    unsigned upper = VIEW_PANEL_BIT(VP_SOURCE) | VIEW_PANEL_BIT(VP_LOOP) | VIEW_PANEL_BIT(VP_TASKS);
    unsigned lower = VIEW_PANEL_BIT(VP_TIMELINE) | VIEW_PANEL_BIT(VP_CONSOLE);
    if (sc->error || !sc->state || !sc->trace) {
        /* nothing ran: the source with the error is all there is to show */
        if (mask & (upper | lower))
            source_panel(L, sc, (ViewRect){ x, top, W, avail });
        return;
    }
    bool up = mask & upper, down = mask & lower;
    unsigned nup = (unsigned)__builtin_popcount(mask & upper), ndown = (unsigned)__builtin_popcount(mask & lower);
    if (nup == 1 && ndown == 1) {
        /* one panel from each row: side by side, the whole height (a slide
         * of the code and its timeline) */
        ViewPanel first = (mask & VIEW_PANEL_BIT(VP_SOURCE)) ? VP_SOURCE
                          : (mask & VIEW_PANEL_BIT(VP_LOOP)) ? VP_LOOP : VP_TASKS;
        ViewPanel second = (mask & VIEW_PANEL_BIT(VP_TIMELINE)) ? VP_TIMELINE : VP_CONSOLE;
        RowPanel pair[] = { { first, 0.36f }, { second, 0.64f } };
        panel_row(L, sc, pair, 2, mask, x, top, W, avail, m);
        return;
    }
    float mid_h = up && down ? avail * 0.62f : up ? avail : 0;
    float bot_h = up && down ? avail - mid_h - m : down ? avail : 0;
    /* the whole screen's proportions: 0.36 : 0.31 : 0.33 above, 0.64 : 0.36
     * below; with the loop alone beside the source it takes less */
    static const RowPanel above[] = { { VP_SOURCE, 0.36f }, { VP_LOOP, 0.31f }, { VP_TASKS, 0.33f } };
    static const RowPanel below[] = { { VP_TIMELINE, 0.64f }, { VP_CONSOLE, 0.36f } };
    if (up)
        panel_row(L, sc, above, 3, mask, x, top, W, mid_h, m);
    if (down)
        panel_row(L, sc, below, 2, mask, x, top + (up ? mid_h + m : 0), W, bot_h, m);
}

void view_layout(ViewList *out, const ViewScene *sc, const ViewParams *p)
{
    Lay L;
    lay_begin(&L, out, p);
    float W = (float)p->width, H = (float)p->height;
    lay_rect(&L, VR_BG, 0, 0, W, H);
    screen(&L, sc, (ViewRect){ 0, 0, W, H }, p->panels ? p->panels : ALL_PANELS);
    if (p->help)
        help_overlay(&L);
}

void view_layout_compare(ViewList *out, const ViewScene *a, const ViewScene *b, const ViewParams *p)
{
    /* both timelines on one axis: the caller's zoom, else the later end */
    ViewParams q = *p;
    if (!(q.tl_to > q.tl_from)) {
        double end = 0;
        if (a->timeline && (double)a->timeline->t_end * 1e-9 > end)
            end = (double)a->timeline->t_end * 1e-9;
        if (b->timeline && (double)b->timeline->t_end * 1e-9 > end)
            end = (double)b->timeline->t_end * 1e-9;
        q.tl_from = 0;
        q.tl_to = end > 0 ? end * 1.02 : 1e-3;
    }
    unsigned mask = p->panels ? p->panels
                              : VIEW_PANEL_BIT(VP_HEADER) | VIEW_PANEL_BIT(VP_SOURCE) | VIEW_PANEL_BIT(VP_TIMELINE);
    Lay L;
    lay_begin(&L, out, &q);
    float W = (float)p->width, H = (float)p->height, half = H / 2;
    lay_rect(&L, VR_BG, 0, 0, W, H);
    screen(&L, a, (ViewRect){ 0, 0, W, half }, mask);
    /* the second run's panels are where the mouse finds them: the list's
     * panel rectangles and time axis are the last laid out */
    screen(&L, b, (ViewRect){ 0, half, W, H - half }, mask);
    lay_rect(&L, VR_PANEL_EDGE, 0, half - 1, W, 2);
    if (p->help)
        help_overlay(&L);
}
