/*
 * progress.c - the screen shown while a scenario is still being simulated
 * (the window runs the simulation on a thread of its own): the events
 * recorded and the virtual time reached so far, an indicator that sweeps
 * with real time so a long run visibly lives, and the keys to leave it.
 *
 * Pure like layout.c: the figures in, a display list out.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "view.h"
#include "view_int.h"

float view_progress_phase(double elapsed_s)
{
    if (!(elapsed_s > 0))
        return 0;
    double k = fmod(elapsed_s, 2.0);          /* one sweep there, one back */
    double a = k < 1 ? k : 2 - k;
    return (float)(a * a * (3 - 2 * a));      /* eased: it slows at the ends */
}

/* 12345678 -> "12,345,678" */
static void thousands(char *buf, size_t cap, size_t n)
{
    char digits[32];
    int len = snprintf(digits, sizeof digits, "%zu", n);
    size_t o = 0;
    for (int i = 0; i < len && o + 2 < cap; i++) {
        if (i && (len - i) % 3 == 0)
            buf[o++] = ',';
        buf[o++] = digits[i];
    }
    buf[o] = 0;
}

void view_layout_progress(ViewList *out, const ViewProgress *pr, const ViewParams *p)
{
    Lay L;
    lay_begin(&L, out, p);
    float W = (float)p->width, H = (float)p->height, u = L.u;
    lay_rect(&L, VR_BG, 0, 0, W, H);

    L.panel = VP_HEADER;
    float head_h = 1.6f * u, hs = 0.8f * u;
    out->panels[VP_HEADER] = (ViewRect){ 0, 0, W, head_h };
    lay_rect(&L, VR_HEADER_BG, 0, 0, W, head_h);
    ViewItem *t = lay_text(&L, VF_BOLD, hs, VR_HEADER_TEXT, 0.45f * u, (head_h - hs * 1.25f) / 2, W * 0.3f,
                           "loopscope  ", 11);
    if (pr->title)
        lay_text(&L, VF_SANS, hs, VR_HEADER_TEXT, 0.45f * u + (t ? t->w : 0), (head_h - hs * 1.25f) / 2,
                 W * 0.6f, pr->title, strlen(pr->title));

    /* a card in the middle of the window */
    float cw = 26 * u, ch = 10.5f * u;
    if (cw > W - 2 * u)
        cw = W - 2 * u;
    float cx = (W - cw) / 2, cy = head_h + (H - head_h - ch) / 2;
    L.panel = VP_EXPLAIN;
    out->panels[VP_EXPLAIN] = (ViewRect){ cx, cy, cw, ch };
    lay_rrect(&L, VR_PANEL, cx, cy, cw, ch, 0.3f * u);
    lay_frame(&L, VR_PANEL_EDGE, cx, cy, cw, ch, 1);
    float x = cx + u, w = cw - 2 * u, y = cy + 0.8f * u, big = 1.1f * u, s = 0.85f * u;
    const char *heading = pr->stopping ? "Stopping the simulation\xe2\x80\xa6" : "Simulating\xe2\x80\xa6";
    lay_text(&L, VF_BOLD, big, VR_HEADING, x, y, w, heading, strlen(heading));
    y += big * 1.6f;

    char n[40];
    thousands(n, sizeof n, pr->events);
    ViewItem *ev = lay_textf(&L, VF_MONO, s, VR_TEXT, x, y, w, "%s events recorded", n);
    if (ev) {
        ev->what = VW_PROGRESS;
        ev->tag = pr->events > UINT32_MAX ? UINT32_MAX : (uint32_t)pr->events;
    }
    y += s * 1.4f;
    ViewItem *vt = lay_textf(&L, VF_MONO, s, VR_TEXT, x, y, w, "virtual time reached: t = %.3f s",
                             pr->virtual_s);
    if (vt)
        vt->what = VW_PROGRESS;
    y += s * 1.4f;
    lay_textf(&L, VF_MONO, s, VR_TEXT_DIM, x, y, w, "%.1f s of real time so far", pr->elapsed_s);
    y += s * 1.9f;

    /* the indicator: a block sweeping along a track */
    float th = 0.5f * u, bw = w * 0.22f;
    lay_rrect(&L, VR_GRID, x, y, w, th, th / 2);
    ViewItem *blk = lay_rrect(&L, pr->stopping ? VR_CANCELLED : VR_ACCENT,
                              x + (w - bw) * view_progress_phase(pr->elapsed_s), y, bw, th, th / 2);
    blk->what = VW_PROGRESS;
    y += th + 0.9f * u;

    const char *keys = pr->stopping ? "q quits  \xc2\xb7  g goes back to the lessons"
                                    : "x stops here and shows what ran  \xc2\xb7  g the lessons  \xc2\xb7  q quits";
    lay_text(&L, VF_SANS, 0.75f * u, VR_TEXT_DIM, x, y, w, keys, strlen(keys));
}
