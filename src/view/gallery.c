/*
 * gallery.c - the lesson gallery (what `loopscope` with no file opens): a
 * grid of the bundled lessons, each with its title and the first line of
 * its docstring, one of them selected. Also reads those two lines out of a
 * scenario's docstring.
 *
 * Pure like layout.c: lessons and a selection in, a display list out.
 */
#include <string.h>
#include "view.h"
#include "view_int.h"

static const char *skip_blank_lines(const char *p, const char *end)
{
    while (p < end) {
        const char *q = p;
        while (q < end && (*q == ' ' || *q == '\t' || *q == '\r'))
            q++;
        if (q < end && *q == '#') {   /* a comment line before the docstring */
            while (q < end && *q != '\n')
                q++;
        }
        if (q < end && *q != '\n')
            return q;
        p = q < end ? q + 1 : end;
    }
    return end;
}

/* Copies one line [s, e) trimmed into buf at *at; returns where it went. */
static const char *copy_line(const char *s, const char *e, char *buf, size_t cap, size_t *at)
{
    while (s < e && (*s == ' ' || *s == '\t'))
        s++;
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
        e--;
    if (*at >= cap)
        return "";   /* the buffer is full (a title as long as it) */
    char *out = buf + *at;
    size_t n = (size_t)(e - s);
    if (*at + n + 1 > cap)
        n = cap > *at + 1 ? cap - *at - 1 : 0;
    memcpy(out, s, n);
    out[n] = 0;
    *at += n + 1;
    return out;
}

bool view_docstring(const char *src, size_t len, char *buf, size_t cap, const char **title,
                    const char **blurb)
{
    const char *end = src + len, *p = skip_blank_lines(src, end);
    *title = *blurb = NULL;
    if (cap < 2 || end - p < 3 || !(memcmp(p, "\"\"\"", 3) == 0 || memcmp(p, "'''", 3) == 0))
        return false;
    char q = *p;
    p += 3;
    const char *close = p;
    while (close + 2 < end && !(close[0] == q && close[1] == q && close[2] == q))
        close++;
    if (close + 2 >= end)
        close = end;
    size_t at = 0;
    const char *e = memchr(p, '\n', (size_t)(close - p));
    if (!e)
        e = close;
    *title = copy_line(p, e, buf, cap, &at);
    /* the blurb: the first paragraph after the title, its lines joined
     * (the card cuts it with an ellipsis, rather than mid-sentence where
     * the source's line happened to end) */
    p = e;
    while (p < close) {
        p++;
        const char *le = memchr(p, '\n', (size_t)(close - p));
        if (!le)
            le = close;
        const char *s = p;
        while (s < le && (*s == ' ' || *s == '\t' || *s == '\r'))
            s++;
        if (s < le) {
            *blurb = copy_line(s, le, buf, cap, &at);
            /* the paragraph's next lines, each after a space, in place of
             * the terminating NUL */
            for (p = le; p < close && at < cap;) {
                const char *ns = p + 1, *ne = memchr(ns, '\n', (size_t)(close - ns));
                if (!ne)
                    ne = close;
                const char *t = ns;
                while (t < ne && (*t == ' ' || *t == '\t' || *t == '\r'))
                    t++;
                if (t >= ne)
                    break;   /* a blank line ends the paragraph */
                buf[at - 1] = ' ';
                copy_line(t, ne, buf, cap, &at);
                p = ne;
            }
            break;
        }
        p = le;
    }
    if (!*blurb)
        *blurb = copy_line(p, p, buf, cap, &at);
    return true;
}

void view_layout_gallery(ViewList *out, const ViewLesson *lessons, size_t n, size_t selected,
                         const ViewParams *p)
{
    Lay L;
    lay_begin(&L, out, p);
    float W = (float)p->width, H = (float)p->height, u = L.u, m = 0.6f * u;
    lay_rect(&L, VR_BG, 0, 0, W, H);
    L.panel = VP_HEADER;
    float head_h = 1.6f * u;
    out->panels[VP_HEADER] = (ViewRect){ 0, 0, W, head_h };
    lay_rect(&L, VR_HEADER_BG, 0, 0, W, head_h);
    float hs = 0.8f * u;
    lay_text(&L, VF_BOLD, hs, VR_HEADER_TEXT, m, (head_h - hs * 1.25f) / 2, W * 0.5f,
             "loopscope  lessons", 18);
    const char *hint = "arrows choose  \xc2\xb7  Enter opens  \xc2\xb7  q quits";
    float hw = lay_measure(&L, VF_SANS, hs * 0.85f, hint, strlen(hint));
    lay_text(&L, VF_SANS, hs * 0.85f, VR_HEADER_TEXT, W - m - hw, (head_h - hs * 0.85f * 1.25f) / 2, W * 0.45f,
             hint, strlen(hint));

    L.panel = VP_GALLERY;
    float top = head_h + m, avail = H - top - m;
    out->panels[VP_GALLERY] = (ViewRect){ m, top, W - 2 * m, avail };
    size_t cols = W / u >= 50 ? 2 : 1;
    size_t rows = (n + cols - 1) / cols;
    if (!rows)
        rows = 1;
    float gap = 0.3f * u;
    float rh = (avail - gap * (float)(rows - 1)) / (float)rows;
    /* the text grows with the room each lesson gets, up to projector size */
    if (rh > 4.0f * u)
        rh = 4.0f * u;
    float ts = rh * 0.3f, bs = rh * 0.22f;
    if (ts > 1.05f * u)
        ts = 1.05f * u;
    if (bs > 0.75f * u)
        bs = 0.75f * u;
    bool two_lines = rh >= (ts + bs) * 1.3f + 0.3f * u;
    if (!two_lines && rh < ts * 1.4f) {
        ts = rh / 1.4f;   /* many lessons in a small window: smaller text */
    }
    float cw = (W - 2 * m - gap * (float)(cols - 1)) / (float)cols;
    for (size_t i = 0; i < n; i++) {
        /* column-major, so the lessons read down in teaching order */
        size_t col = i / rows, row = i % rows;
        float x = m + (float)col * (cw + gap), y = top + (float)row * (rh + gap);
        bool sel = i == selected;
        ViewItem *bg = lay_rrect(&L, sel ? VR_SELECTED : VR_PANEL, x, y, cw, rh, 0.3f * u);
        bg->what = VW_GALLERY_ITEM;
        bg->tag = (uint32_t)i;
        ViewItem *fr = lay_frame(&L, sel ? VR_ACCENT : VR_PANEL_EDGE, x, y, cw, rh, sel ? 3 : 1);
        fr->what = VW_GALLERY_ITEM;
        fr->tag = (uint32_t)i;
        float tx = x + 0.5f * u, tw = cw - u;
        float block = two_lines ? (ts + bs) * 1.3f : ts * 1.25f;
        float ty = y + (rh - block) / 2;
        const char *title = lessons[i].title && *lessons[i].title ? lessons[i].title : lessons[i].file;
        char num[8] = "";
        size_t nn = 0;
        if (lessons[i].file && lessons[i].file[0] >= '0' && lessons[i].file[0] <= '9' && lessons[i].file[1] >= '0'
            && lessons[i].file[1] <= '9') {
            num[0] = lessons[i].file[0];
            num[1] = lessons[i].file[1];
            nn = 2;
        }
        float nw = 0;
        if (nn) {
            ViewItem *t = lay_text(&L, VF_MONO, ts, VR_ACCENT, tx, ty, 0, num, nn);
            nw = t->w + 0.5f * u;
        }
        ViewItem *t = lay_text(&L, VF_BOLD, ts, VR_TEXT, tx + nw, ty, tw - nw, title, strlen(title));
        if (t) {
            t->what = VW_GALLERY_ITEM;
            t->tag = (uint32_t)i;
        }
        if (two_lines && lessons[i].blurb)
            lay_text(&L, VF_SANS, bs, VR_TEXT_DIM, tx + nw, ty + ts * 1.3f, tw - nw, lessons[i].blurb,
                     strlen(lessons[i].blurb));
    }
    if (p->help) {
        /* the gallery's keys are in its header; the overlay is the main screen's */
    }
}
