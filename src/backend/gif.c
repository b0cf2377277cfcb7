/*
 * gif.c - an animated GIF writer (see gif.h).
 *
 *   "GIF89a", the screen descriptor and the 256-entry global palette,
 *   the NETSCAPE2.0 application block (loop forever), then per frame a
 *   graphic control block (delay, "leave in place", the transparent index)
 *   and an image block (the changed rectangle, LZW-compressed), then ';'.
 *
 * LZW as GIF has it: 8-bit symbols, so the clear code is 256 and the end
 * code 257; codes start 9 bits wide and widen when the decoder's table
 * (which lags the encoder's by one entry) reaches the next power of two, up
 * to 12 bits; when the table is full the encoder sends a clear code and
 * starts again. The dictionary is a hash of (prefix code, next symbol).
 *
 * Pixels map to the palette through a cache of exact colours: the screens
 * are mostly flat panels, so a frame has a few thousand distinct colours
 * and almost every pixel is a cache hit (or the same as its left neighbour).
 */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "gif.h"

/* ---- bytes */

static void put(GifBuf *b, const void *p, size_t n)
{
    if (b->oom)
        return;
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n)
            cap *= 2;
        uint8_t *g = realloc(b->data, cap);
        if (!g) {
            b->oom = 1;
            return;
        }
        b->data = g;
        b->cap = cap;
    }
    memcpy(b->data + b->len, p, n);
    b->len += n;
}

static void put1(GifBuf *b, unsigned v)
{
    uint8_t c = (uint8_t)v;
    put(b, &c, 1);
}

static void put2(GifBuf *b, unsigned v)
{
    uint8_t c[2] = { (uint8_t)v, (uint8_t)(v >> 8) };
    put(b, c, 2);
}

/* ---- LZW */

#define LZW_CLEAR 256u
#define LZW_END 257u
#define LZW_FIRST 258u
#define LZW_MAX 4096u
#define LZW_HASH 8192u   /* twice the table: short probes */

/* Codes packed least significant bit first into sub-blocks of 255 bytes. */
typedef struct Bits {
    GifBuf *out;
    uint8_t block[255];
    unsigned nblock;
    uint32_t acc;
    unsigned nacc;
} Bits;

static void bits_flush(Bits *b)
{
    if (!b->nblock)
        return;
    put1(b->out, b->nblock);
    put(b->out, b->block, b->nblock);
    b->nblock = 0;
}

static void bits_put(Bits *b, unsigned code, unsigned size)
{
    b->acc |= (uint32_t)code << b->nacc;
    b->nacc += size;
    while (b->nacc >= 8) {
        b->block[b->nblock++] = (uint8_t)b->acc;
        b->acc >>= 8;
        b->nacc -= 8;
        if (b->nblock == sizeof b->block)
            bits_flush(b);
    }
}

int gif_lzw_encode(const uint8_t *idx, size_t n, GifBuf *out)
{
    uint32_t *keys = calloc(LZW_HASH, sizeof *keys);   /* (prefix << 8 | symbol) + 1; 0: empty */
    uint16_t *codes = malloc(LZW_HASH * sizeof *codes);
    if (!keys || !codes) {
        free(keys);
        free(codes);
        return -1;
    }
    put1(out, 8);
    Bits b = { .out = out };
    unsigned size = 9, next = LZW_FIRST;
    bits_put(&b, LZW_CLEAR, size);
    if (n) {
        unsigned prefix = idx[0];
        for (size_t i = 1; i < n; i++) {
            unsigned c = idx[i];
            uint32_t key = ((uint32_t)prefix << 8 | c) + 1;
            uint32_t h = (key * 2654435761u) >> 19;   /* 13 bits */
            while (keys[h] && keys[h] != key)
                h = (h + 1) & (LZW_HASH - 1);
            if (keys[h]) {
                prefix = codes[h];
                continue;
            }
            bits_put(&b, prefix, size);
            /* the decoder, one entry behind, widens its codes when its
             * table reaches 1 << size: that is now */
            if (next == (1u << size) && size < 12)
                size++;
            keys[h] = key;
            codes[h] = (uint16_t)next++;
            if (next == LZW_MAX) {
                bits_put(&b, LZW_CLEAR, size);
                memset(keys, 0, LZW_HASH * sizeof *keys);
                size = 9;
                next = LZW_FIRST;
            }
            prefix = c;
        }
        bits_put(&b, prefix, size);
        if (next == (1u << size) && size < 12)
            size++;
    }
    bits_put(&b, LZW_END, size);
    if (b.nacc)
        bits_put(&b, 0, 8 - b.nacc);
    bits_flush(&b);
    put1(out, 0);
    free(keys);
    free(codes);
    return out->oom ? -1 : 0;
}

/* ---- colours */

static unsigned rgb_of(const uint8_t *px)
{
    return (unsigned)px[0] << 16 | (unsigned)px[1] << 8 | px[2];
}

/* Colour -> count (the palette's histogram) or colour -> index (the
 * frames' cache): open addressing, keys are 0x1RRGGBB (0: empty). */
typedef struct ColorMap {
    uint32_t *keys;
    uint32_t *vals;
    size_t cap, used;
} ColorMap;

static int cmap_init(ColorMap *m, size_t cap)
{
    m->keys = calloc(cap, sizeof *m->keys);
    m->vals = malloc(cap * sizeof *m->vals);
    m->cap = cap;
    m->used = 0;
    return m->keys && m->vals ? 0 : -1;
}

static void cmap_free(ColorMap *m)
{
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

/* The slot of rgb: its own, or the empty one where it would go. */
static size_t cmap_slot(const ColorMap *m, unsigned rgb)
{
    uint32_t key = rgb | 0x1000000u;
    size_t h = (size_t)((key * 2654435761u) >> 8) & (m->cap - 1);
    while (m->keys[h] && m->keys[h] != key)
        h = (h + 1) & (m->cap - 1);
    return h;
}

static int cmap_grow(ColorMap *m)
{
    ColorMap bigger;
    if (cmap_init(&bigger, m->cap * 2) != 0) {
        cmap_free(&bigger);
        return -1;
    }
    for (size_t i = 0; i < m->cap; i++)
        if (m->keys[i]) {
            size_t s = cmap_slot(&bigger, m->keys[i] & 0xFFFFFFu);
            bigger.keys[s] = m->keys[i];
            bigger.vals[s] = m->vals[i];
        }
    bigger.used = m->used;
    cmap_free(m);
    *m = bigger;
    return 0;
}

static bool pal_has(const GifPalette *p, unsigned rgb)
{
    for (int i = 0; i < p->n; i++)
        if (rgb_of(p->rgb[i]) == rgb)
            return true;
    return false;
}

static void pal_add(GifPalette *p, unsigned rgb)
{
    if (p->n >= GIF_MAX_COLORS || pal_has(p, rgb))
        return;
    p->rgb[p->n][0] = (uint8_t)(rgb >> 16);
    p->rgb[p->n][1] = (uint8_t)(rgb >> 8);
    p->rgb[p->n][2] = (uint8_t)rgb;
    p->n++;
}

typedef struct Count {
    uint32_t rgb, n;
} Count;

static int by_count(const void *a, const void *b)
{
    const Count *x = a, *y = b;
    if (x->n != y->n)
        return x->n > y->n ? -1 : 1;
    return x->rgb < y->rgb ? -1 : x->rgb > y->rgb;
}

#define CUBE_LEVELS 4
#define CUBE_SIZE (CUBE_LEVELS * CUBE_LEVELS * CUBE_LEVELS)

int gif_palette_build(GifPalette *p, const uint32_t *fixed, size_t nfixed, const GifImage *samples,
                      size_t nsamples)
{
    memset(p, 0, sizeof *p);
    for (size_t i = 0; i < nfixed; i++)
        pal_add(p, fixed[i] & 0xFFFFFFu);
    ColorMap hist;
    if (cmap_init(&hist, 1u << 14) != 0) {
        cmap_free(&hist);
        return -1;
    }
    for (size_t s = 0; s < nsamples; s++) {
        const GifImage *im = &samples[s];
        for (int y = 0; y < im->height; y++) {
            const uint8_t *row = im->rgba + (size_t)y * im->stride;
            unsigned last = 0xFFFFFFFFu;
            size_t slot = 0;
            for (int x = 0; x < im->width; x++) {
                unsigned rgb = rgb_of(row + (size_t)x * 4);
                if (rgb != last) {
                    slot = cmap_slot(&hist, rgb);
                    if (!hist.keys[slot]) {
                        if (2 * (hist.used + 1) > hist.cap) {
                            if (cmap_grow(&hist) != 0) {
                                cmap_free(&hist);
                                return -1;
                            }
                            slot = cmap_slot(&hist, rgb);
                        }
                        hist.keys[slot] = rgb | 0x1000000u;
                        hist.vals[slot] = 0;
                        hist.used++;
                    }
                    last = rgb;
                }
                hist.vals[slot]++;
            }
        }
    }
    Count *counts = malloc((hist.used ? hist.used : 1) * sizeof *counts);
    if (!counts) {
        cmap_free(&hist);
        return -1;
    }
    size_t nc = 0;
    for (size_t i = 0; i < hist.cap; i++)
        if (hist.keys[i])
            counts[nc++] = (Count){ hist.keys[i] & 0xFFFFFFu, hist.vals[i] };
    cmap_free(&hist);
    qsort(counts, nc, sizeof *counts, by_count);
    /* the most used colours, leaving room for the cube; the cube; then
     * more of the used colours if the cube shared some */
    size_t k = 0;
    while (k < nc && p->n < GIF_MAX_COLORS - CUBE_SIZE)
        pal_add(p, counts[k++].rgb);
    for (unsigned r = 0; r < CUBE_LEVELS; r++)
        for (unsigned g = 0; g < CUBE_LEVELS; g++)
            for (unsigned b = 0; b < CUBE_LEVELS; b++) {
                unsigned step = 255 / (CUBE_LEVELS - 1);
                pal_add(p, (r * step) << 16 | (g * step) << 8 | (b * step));
            }
    while (k < nc && p->n < GIF_MAX_COLORS)
        pal_add(p, counts[k++].rgb);
    free(counts);
    return 0;
}

/* ---- the animation */

struct Gif {
    int w, h;
    GifPalette pal;
    GifBuf out;
    uint8_t *prev, *cur, *rect;   /* palette indices: the last frame, this one, the changed part */
    size_t nframes;
    size_t delay_at;              /* where the last frame's delay is in out */
    unsigned delay;               /* and its value */
    ColorMap cache;               /* colour -> palette index */
};

/* The nearest palette colour, by a weighted distance that follows the
 * eye's sensitivity (green most, blue least) closely enough for a screen. */
static unsigned nearest(const GifPalette *p, unsigned rgb)
{
    int r = (int)(rgb >> 16), g = (int)(rgb >> 8 & 0xFF), b = (int)(rgb & 0xFF);
    unsigned best = 0;
    long best_d = -1;
    for (int i = 0; i < p->n; i++) {
        long dr = r - p->rgb[i][0], dg = g - p->rgb[i][1], db = b - p->rgb[i][2];
        long d = 3 * dr * dr + 4 * dg * dg + 2 * db * db;
        if (best_d < 0 || d < best_d) {
            best_d = d;
            best = (unsigned)i;
            if (!d)
                break;
        }
    }
    return best;
}

static int map_frame(Gif *g, const uint8_t *rgba, size_t stride)
{
    for (int y = 0; y < g->h; y++) {
        const uint8_t *row = rgba + (size_t)y * stride;
        uint8_t *o = g->cur + (size_t)y * (size_t)g->w;
        unsigned last = 0xFFFFFFFFu, last_i = 0;
        for (int x = 0; x < g->w; x++) {
            unsigned rgb = rgb_of(row + (size_t)x * 4);
            if (rgb != last) {
                size_t s = cmap_slot(&g->cache, rgb);
                if (!g->cache.keys[s]) {
                    if (2 * (g->cache.used + 1) > g->cache.cap) {
                        if (cmap_grow(&g->cache) != 0)
                            return -1;
                        s = cmap_slot(&g->cache, rgb);
                    }
                    g->cache.keys[s] = rgb | 0x1000000u;
                    g->cache.vals[s] = nearest(&g->pal, rgb);
                    g->cache.used++;
                }
                last = rgb;
                last_i = g->cache.vals[s];
            }
            o[x] = (uint8_t)last_i;
        }
    }
    return 0;
}

Gif *gif_new(int width, int height, const GifPalette *pal)
{
    if (width < 1 || height < 1 || width > 65535 || height > 65535 || pal->n < 1 || pal->n > GIF_MAX_COLORS) {
        errno = EINVAL;
        return NULL;
    }
    Gif *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    size_t n = (size_t)width * (size_t)height;
    g->w = width;
    g->h = height;
    g->pal = *pal;
    g->prev = malloc(n);
    g->cur = malloc(n);
    g->rect = malloc(n);
    if (!g->prev || !g->cur || !g->rect || cmap_init(&g->cache, 1u << 12) != 0) {
        gif_free(g);
        errno = ENOMEM;
        return NULL;
    }
    GifBuf *o = &g->out;
    put(o, "GIF89a", 6);
    put2(o, (unsigned)width);
    put2(o, (unsigned)height);
    put1(o, 0xF7);   /* a global table of 2^(7+1) colours, 8 bits per primary */
    put1(o, 0);      /* background: colour 0 */
    put1(o, 0);      /* square pixels */
    for (int i = 0; i < 256; i++)
        put(o, i < pal->n ? pal->rgb[i] : (const uint8_t[3]){ 0, 0, 0 }, 3);
    put(o, "\x21\xFF\x0BNETSCAPE2.0\x03\x01", 16);
    put2(o, 0);      /* loop forever */
    put1(o, 0);
    if (o->oom) {
        gif_free(g);
        errno = ENOMEM;
        return NULL;
    }
    return g;
}

void gif_free(Gif *g)
{
    if (!g)
        return;
    free(g->prev);
    free(g->cur);
    free(g->rect);
    free(g->out.data);
    cmap_free(&g->cache);
    free(g);
}

size_t gif_frame_count(const Gif *g)
{
    return g->nframes;
}

/* One image: its control block (delay, leave it in place, transparency),
 * its descriptor and its compressed indices. */
static int put_image(Gif *g, int x, int y, int w, int h, const uint8_t *idx, bool transparent, unsigned delay)
{
    GifBuf *o = &g->out;
    put(o, "\x21\xF9\x04", 3);
    put1(o, 1u << 2 | (transparent ? 1u : 0u));
    g->delay_at = o->len;
    g->delay = delay;
    put2(o, delay);
    put1(o, transparent ? GIF_TRANSPARENT : 0);
    put1(o, 0);
    put1(o, 0x2C);
    put2(o, (unsigned)x);
    put2(o, (unsigned)y);
    put2(o, (unsigned)w);
    put2(o, (unsigned)h);
    put1(o, 0);      /* no local table, not interlaced */
    if (gif_lzw_encode(idx, (size_t)w * (size_t)h, o) != 0 || o->oom)
        return -1;
    g->nframes++;
    return 0;
}

int gif_add_frame(Gif *g, const uint8_t *rgba, size_t stride, unsigned delay_cs)
{
    if (delay_cs > 65535)
        delay_cs = 65535;
    if (map_frame(g, rgba, stride) != 0) {
        errno = ENOMEM;
        return -1;
    }
    int rc;
    if (!g->nframes) {
        rc = put_image(g, 0, 0, g->w, g->h, g->cur, false, delay_cs);
    } else {
        /* the rectangle that changed */
        int x0 = g->w, y0 = g->h, x1 = -1, y1 = -1;
        for (int y = 0; y < g->h; y++) {
            const uint8_t *a = g->cur + (size_t)y * (size_t)g->w, *b = g->prev + (size_t)y * (size_t)g->w;
            if (!memcmp(a, b, (size_t)g->w))
                continue;
            int l = 0, r = g->w - 1;
            while (a[l] == b[l])
                l++;
            while (a[r] == b[r])
                r--;
            if (l < x0)
                x0 = l;
            if (r > x1)
                x1 = r;
            if (y0 == g->h)
                y0 = y;
            y1 = y;
        }
        if (x1 < 0 && g->delay + delay_cs <= 65535) {
            /* nothing changed: the last frame stays longer */
            g->delay += delay_cs;
            g->out.data[g->delay_at] = (uint8_t)g->delay;
            g->out.data[g->delay_at + 1] = (uint8_t)(g->delay >> 8);
            return 0;
        }
        if (x1 < 0)
            x0 = y0 = x1 = y1 = 0;   /* a one-pixel frame that changes nothing, for the time */
        int w = x1 - x0 + 1, h = y1 - y0 + 1;
        uint8_t *o = g->rect;
        for (int y = y0; y <= y1; y++) {
            const uint8_t *a = g->cur + (size_t)y * (size_t)g->w + x0, *b = g->prev + (size_t)y * (size_t)g->w + x0;
            for (int x = 0; x < w; x++)
                *o++ = a[x] == b[x] ? GIF_TRANSPARENT : a[x];
        }
        rc = put_image(g, x0, y0, w, h, g->rect, true, delay_cs);
    }
    uint8_t *t = g->prev;
    g->prev = g->cur;
    g->cur = t;
    if (rc != 0)
        errno = ENOMEM;
    return rc;
}

uint8_t *gif_finish(Gif *g, size_t *len)
{
    if (!g->nframes) {
        gif_free(g);
        errno = EINVAL;
        return NULL;
    }
    put1(&g->out, 0x3B);
    if (g->out.oom) {
        gif_free(g);
        errno = ENOMEM;
        return NULL;
    }
    uint8_t *data = g->out.data;
    *len = g->out.len;
    g->out.data = NULL;
    gif_free(g);
    return data;
}
