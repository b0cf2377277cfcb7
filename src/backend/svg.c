/*
 * svg.c - the display list as SVG (see svg.h).
 *
 * Geometry follows src/backend/sdl_draw.c item by item, so the vector
 * picture and the PNG agree: a rounded rectangle's radius is capped at half
 * its sides (and under 1.5 px is square), an outline's thickness lies inside
 * its rectangle, text sits at the rounded pixel size with its line box
 * centred in the item's, clip rectangles are widened to whole pixels.
 *
 * Text is escaped for XML and made valid UTF-8 (a byte that is not becomes
 * U+FFFD; control characters become spaces), since program output shown in
 * the console panel can hold anything.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "outfile.h"
#include "svg.h"

/* DejaVu's vertical metrics (units per em 2048: ascender 1901, descender
 * 483), the same for Sans, Sans Bold and Sans Mono. */
#define ASCENT 0.9282f
#define LINE_H 1.1641f

static const char *const families[VF__COUNT] = {
    [VF_SANS] = "'DejaVu Sans', 'Bitstream Vera Sans', Verdana, sans-serif",
    [VF_BOLD] = "'DejaVu Sans', 'Bitstream Vera Sans', Verdana, sans-serif",
    [VF_MONO] = "'DejaVu Sans Mono', 'Bitstream Vera Sans Mono', Menlo, Consolas, monospace",
};

typedef struct Buf {
    char *p;
    size_t len, cap;
    bool oom;
} Buf;

static void reserve(Buf *b, size_t n)
{
    if (b->oom || b->len + n + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 65536;
    while (cap < b->len + n + 1)
        cap *= 2;
    char *g = realloc(b->p, cap);
    if (!g) {
        b->oom = true;
        return;
    }
    b->p = g;
    b->cap = cap;
}

static void add(Buf *b, const char *s, size_t n)
{
    reserve(b, n);
    if (b->oom)
        return;
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}

static void adds(Buf *b, const char *s)
{
    add(b, s, strlen(s));
}

static void addf(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void addf(Buf *b, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n > 0)
        add(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* A coordinate: at most two decimals, no trailing zeros, no "-0". */
static void num(Buf *b, float v)
{
    if (!isfinite(v))
        v = 0;
    long c = lroundf(v * 100);
    char tmp[32];
    int n;
    if (c % 100 == 0)
        n = snprintf(tmp, sizeof tmp, "%ld", c / 100);
    else {
        long a = labs(c);
        n = snprintf(tmp, sizeof tmp, "%s%ld.%02ld", c < 0 ? "-" : "", a / 100, a % 100);
        if (tmp[n - 1] == '0')
            tmp[--n] = 0;
    }
    add(b, tmp, (size_t)n);
}

static void attr(Buf *b, const char *name, float v)
{
    addf(b, " %s=\"", name);
    num(b, v);
    add(b, "\"", 1);
}

/* fill="#rrggbb" (and fill-opacity when not opaque); kind "fill" or "stroke". */
static void paint(Buf *b, const char *kind, const ViewList *l, const ViewItem *it)
{
    ViewColor c = view_theme_color(l->theme, it->role);
    unsigned a = (unsigned)c.a * it->alpha / 255;
    addf(b, " %s=\"#%02x%02x%02x\"", kind, c.r, c.g, c.b);
    if (a < 255)
        addf(b, " %s-opacity=\"%.3g\"", kind, a / 255.0);
}

static void rect(Buf *b, const ViewList *l, const ViewItem *it, float x, float y, float w, float h, float rx)
{
    if (!(w > 0) || !(h > 0))
        return;
    adds(b, "<rect");
    attr(b, "x", x);
    attr(b, "y", y);
    attr(b, "width", w);
    attr(b, "height", h);
    if (rx > 0)
        attr(b, "rx", rx);
    paint(b, "fill", l, it);
    adds(b, "/>\n");
}

/* The bytes of one text run, escaped, as valid UTF-8. */
static void text_bytes(Buf *b, const unsigned char *s, size_t n)
{
    static const char fffd[] = "\xEF\xBF\xBD";
    for (size_t i = 0; i < n;) {
        unsigned c = s[i];
        if (c < 0x80) {
            switch (c) {
            case '&': adds(b, "&amp;"); break;
            case '<': adds(b, "&lt;"); break;
            case '>': adds(b, "&gt;"); break;
            case '"': adds(b, "&quot;"); break;
            default:
                if (c < 0x20 || c == 0x7F)
                    add(b, " ", 1);
                else
                    add(b, (const char *)&s[i], 1);
            }
            i++;
            continue;
        }
        /* a multi-byte sequence: its length, the lowest code point it may
         * encode (no overlong forms), and no surrogates or > U+10FFFF */
        size_t k = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
        unsigned cp = k == 4 ? c & 0x07 : k == 3 ? c & 0x0F : c & 0x1F;
        bool ok = k && c <= 0xF4 && i + k <= n;
        for (size_t j = 1; ok && j < k; j++) {
            if ((s[i + j] & 0xC0) != 0x80)
                ok = false;
            else
                cp = cp << 6 | (s[i + j] & 0x3F);
        }
        static const unsigned lowest[5] = { 0, 0, 0x80, 0x800, 0x10000 };
        if (ok && (cp < lowest[k] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)
                   || cp == 0xFFFE || cp == 0xFFFF))
            ok = false;
        if (ok) {
            add(b, (const char *)&s[i], k);
            i += k;
        } else {
            add(b, fffd, 3);
            i++;
        }
    }
}

static void text(Buf *b, const ViewList *l, const ViewItem *it)
{
    if (!it->len)
        return;
    long px = lroundf(it->r);   /* the pixel size the SDL backend renders at */
    if (px < 4)
        px = 4;
    /* the font's line box centred in the item's, as sdl_draw.c does */
    float top = it->y + (it->h - LINE_H * (float)px) / 2;
    adds(b, "<text");
    attr(b, "x", roundf(it->x));
    attr(b, "y", top + ASCENT * (float)px);
    addf(b, " font-family=\"%s\" font-size=\"%ld\"", families[it->font < VF__COUNT ? it->font : VF_SANS], px);
    if (it->font == VF_BOLD)
        adds(b, " font-weight=\"bold\"");
    paint(b, "fill", l, it);
    add(b, ">", 1);
    text_bytes(b, (const unsigned char *)view_item_text(l, it), it->len);
    adds(b, "</text>\n");
}

char *svg_render(const ViewList *l, int width, int height, size_t *len)
{
    Buf b = { 0 };
    adds(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    addf(&b, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%d\" height=\"%d\" "
             "viewBox=\"0 0 %d %d\" xml:space=\"preserve\" style=\"white-space: pre\">\n",
         width, height, width, height);
    int clips = 0;
    bool clipped = false;
    for (size_t i = 0; i < l->len; i++) {
        const ViewItem *it = &l->items[i];
        switch ((ViewItemKind)it->kind) {
        case VI_RECT:
            rect(&b, l, it, it->x, it->y, it->w, it->h, 0);
            break;
        case VI_RRECT: {
            float rad = it->r;
            if (rad > it->w / 2)
                rad = it->w / 2;
            if (rad > it->h / 2)
                rad = it->h / 2;
            rect(&b, l, it, it->x, it->y, it->w, it->h, rad < 1.5f ? 0 : rad);
            break;
        }
        case VI_FRAME: {
            float t = it->r > 0 ? it->r : 1;
            if (it->w <= 2 * t || it->h <= 2 * t) {   /* all border: a filled rectangle */
                rect(&b, l, it, it->x, it->y, it->w, it->h, 0);
                break;
            }
            adds(&b, "<rect");
            attr(&b, "x", it->x + t / 2);
            attr(&b, "y", it->y + t / 2);
            attr(&b, "width", it->w - t);
            attr(&b, "height", it->h - t);
            adds(&b, " fill=\"none\"");
            paint(&b, "stroke", l, it);
            attr(&b, "stroke-width", t);
            adds(&b, "/>\n");
            break;
        }
        case VI_LINE:
            adds(&b, "<line");
            attr(&b, "x1", it->x);
            attr(&b, "y1", it->y);
            attr(&b, "x2", it->x + it->w);
            attr(&b, "y2", it->y + it->h);
            paint(&b, "stroke", l, it);
            attr(&b, "stroke-width", it->r > 0 ? it->r : 1);
            adds(&b, "/>\n");
            break;
        case VI_TEXT:
            text(&b, l, it);
            break;
        case VI_CLIP:
            if (clipped)
                adds(&b, "</g>\n");
            clips++;
            addf(&b, "<clipPath id=\"c%d\"><rect", clips);
            attr(&b, "x", floorf(it->x));
            attr(&b, "y", floorf(it->y));
            attr(&b, "width", ceilf(it->w));
            attr(&b, "height", ceilf(it->h));
            addf(&b, "/></clipPath>\n<g clip-path=\"url(#c%d)\">\n", clips);
            clipped = true;
            break;
        case VI_UNCLIP:
            if (clipped)
                adds(&b, "</g>\n");
            clipped = false;
            break;
        }
    }
    if (clipped)
        adds(&b, "</g>\n");
    adds(&b, "</svg>\n");
    if (b.oom) {
        free(b.p);
        errno = ENOMEM;
        return NULL;
    }
    *len = b.len;
    return b.p;
}

int svg_write(const char *path, const ViewList *l, int width, int height)
{
    size_t n = 0;
    char *s = svg_render(l, width, height, &n);   /* before n is read */
    return outfile_write_free(path, s, n);
}
