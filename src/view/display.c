/*
 * display.c - the display list's storage: items in drawing order and a pool
 * for the bytes of their text, both reused frame after frame so that laying
 * out a frame allocates nothing once the window has settled.
 *
 * Knows nothing of panels or the trace: layout.c decides what goes in.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "view.h"
#include "view_int.h"

void view_list_init(ViewList *l)
{
    memset(l, 0, sizeof *l);
}

void view_list_clear(ViewList *l)
{
    l->len = 0;
    l->pool_len = 0;
    memset(l->panels, 0, sizeof l->panels);
    l->tl_x0 = l->tl_x1 = 0;
    l->tl_t0 = l->tl_t1 = 0;
}

void view_list_free(ViewList *l)
{
    free(l->items);
    free(l->pool);
    view_list_init(l);
}

const char *view_item_text(const ViewList *l, const ViewItem *it)
{
    return l->pool + it->text;
}

/* Out of memory in the middle of a frame: there is nothing sensible to draw
 * instead, and the rest of loopscope aborts on it too. */
static void *grow(void *p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return p;
    size_t n = *cap ? *cap : 256;
    while (n < need)
        n *= 2;
    p = realloc(p, n * size);
    if (!p) {
        fputs("loopscope: out of memory\n", stderr);
        abort();
    }
    *cap = n;
    return p;
}

ViewItem *vl_push(ViewList *l, ViewItemKind kind, ViewRole role)
{
    l->items = grow(l->items, &l->cap, l->len + 1, sizeof *l->items);
    ViewItem *it = &l->items[l->len++];
    memset(it, 0, sizeof *it);
    it->kind = (uint8_t)kind;
    it->role = (uint8_t)role;
    it->alpha = 255;
    return it;
}

uint32_t vl_text(ViewList *l, const char *s, size_t n)
{
    /* +1: each run is NUL-terminated in the pool, for backends that want C strings */
    l->pool = grow(l->pool, &l->pool_cap, l->pool_len + n + 1, 1);
    uint32_t at = (uint32_t)l->pool_len;
    memcpy(l->pool + at, s, n);
    l->pool[at + n] = 0;
    l->pool_len += n + 1;
    return at;
}

float view_measure_fixed(void *ud, ViewFont font, float size, const char *s, size_t n)
{
    (void)ud;
    (void)font;
    size_t cps = 0;
    for (size_t i = 0; i < n; i++)
        cps += ((unsigned char)s[i] & 0xC0) != 0x80;
    return 0.6f * size * (float)cps;
}

/* ---- the layout context's drawing helpers (view_int.h) */

float view_base_size(const ViewParams *p)
{
    /* 24 px at 1920x1080 and 16 px at 1280x720: what reads from the back of
     * a lecture room; ctrl +/- scales it */
    float w = (float)p->width / 80.0f, h = (float)p->height / 45.0f;
    float u = (w < h ? w : h) * (p->font_scale > 0 ? p->font_scale : 1.0f);
    return u < 9.0f ? 9.0f : u > 96.0f ? 96.0f : u;
}

void lay_begin(Lay *L, ViewList *out, const ViewParams *p)
{
    view_list_clear(out);
    out->theme = p->theme;
    *L = (Lay){ .l = out, .p = p, .u = view_base_size(p), .panel = VP_NONE };
}

float lay_measure(const Lay *L, ViewFont font, float size, const char *s, size_t n)
{
    ViewMeasure m = L->p->measure ? L->p->measure : view_measure_fixed;
    return m(L->p->measure_ud, font, size, s, n);
}

static ViewItem *shape(Lay *L, ViewItemKind k, ViewRole role, float x, float y, float w, float h,
                       float r)
{
    ViewItem *it = vl_push(L->l, k, role);
    it->panel = (uint8_t)L->panel;
    it->x = x;
    it->y = y;
    it->w = w;
    it->h = h;
    it->r = r;
    return it;
}

ViewItem *lay_rect(Lay *L, ViewRole role, float x, float y, float w, float h)
{
    return shape(L, VI_RECT, role, x, y, w, h, 0);
}

ViewItem *lay_rrect(Lay *L, ViewRole role, float x, float y, float w, float h, float r)
{
    return shape(L, VI_RRECT, role, x, y, w, h, r);
}

ViewItem *lay_frame(Lay *L, ViewRole role, float x, float y, float w, float h, float thick)
{
    return shape(L, VI_FRAME, role, x, y, w, h, thick);
}

ViewItem *lay_line(Lay *L, ViewRole role, float x0, float y0, float x1, float y1, float thick)
{
    return shape(L, VI_LINE, role, x0, y0, x1 - x0, y1 - y0, thick);
}

void lay_clip(Lay *L, float x, float y, float w, float h)
{
    shape(L, VI_CLIP, VR_BG, x, y, w, h, 0);
}

void lay_unclip(Lay *L)
{
    shape(L, VI_UNCLIP, VR_BG, 0, 0, 0, 0, 0);
}

/* The longest prefix of s[0..n) on a code point boundary whose width,
 * with `tail` after it, is at most maxw: a binary search, since widths grow
 * with the prefix. */
static size_t fit_prefix(const Lay *L, ViewFont font, float size, const char *s, size_t n,
                         float maxw, float tailw)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo + 1) / 2;
        while (mid > lo && ((unsigned char)s[mid] & 0xC0) == 0x80 && mid < n)
            mid--;
        if (mid == lo) {
            /* no code point boundary strictly between: step past one */
            size_t next = lo + 1;
            while (next < n && ((unsigned char)s[next] & 0xC0) == 0x80)
                next++;
            if (next > hi || lay_measure(L, font, size, s, next) + tailw > maxw)
                break;
            lo = next;
            continue;
        }
        if (lay_measure(L, font, size, s, mid) + tailw <= maxw)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

#define ELLIPSIS "\xe2\x80\xa6"   /* U+2026 */

ViewItem *lay_text(Lay *L, ViewFont font, float size, ViewRole role, float x, float y,
                   float maxw, const char *s, size_t n)
{
    float w = lay_measure(L, font, size, s, n);
    uint32_t at;
    size_t len = n;
    if (maxw > 0 && w > maxw) {
        float ew = lay_measure(L, font, size, ELLIPSIS, 3);
        if (ew > maxw)
            return NULL;
        size_t keep = fit_prefix(L, font, size, s, n, maxw, ew);
        while (keep && s[keep - 1] == ' ')
            keep--;
        char buf[1024];
        if (keep > sizeof buf - 4)
            keep = sizeof buf - 4;
        memcpy(buf, s, keep);
        memcpy(buf + keep, ELLIPSIS, 3);
        len = keep + 3;
        at = vl_text(L->l, buf, len);
        w = lay_measure(L, font, size, buf, len);
    } else {
        at = vl_text(L->l, s, n);
    }
    ViewItem *it = shape(L, VI_TEXT, role, x, y, w, size * 1.25f, size);
    it->font = (uint8_t)font;
    it->text = at;
    it->len = (uint32_t)len;
    return it;
}

ViewItem *lay_textf(Lay *L, ViewFont font, float size, ViewRole role, float x, float y,
                    float maxw, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    if ((size_t)n >= sizeof buf)
        n = sizeof buf - 1;
    return lay_text(L, font, size, role, x, y, maxw, buf, (size_t)n);
}

ViewRole view_status_role(TraceTaskStatus s)
{
    switch (s) {
    case TT_CREATED:   return VR_CREATED;
    case TT_READY:     return VR_READY;
    case TT_RUNNING:   return VR_RUNNING;
    case TT_WAITING:   return VR_WAITING;
    case TT_DONE:      return VR_DONE;
    case TT_FAILED:    return VR_FAILED;
    case TT_CANCELLED: return VR_CANCELLED;
    case TT_DESTROYED: return VR_DESTROYED;
    }
    return VR_TEXT;
}
