/*
 * test_gif.c - the animated GIF writer (src/backend/gif.c), checked by
 * decoding what it wrote with a small GIF decoder written here from the
 * GIF89a specification: LZW round trips (empty, short, long enough for
 * every code width and several clear codes), the file's structure (header,
 * palette, loop block, control blocks, trailer), frames composited back to
 * the very pixels given, only the changed rectangle stored, identical
 * frames merged into one longer delay, the palette's order, and the same
 * bytes every time.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "gif.h"

/* ---- a decoder */

/* Reads the image data at *p (minimum code size, sub-blocks, empty block)
 * into out (at most cap indices); returns how many, or -1 when malformed.
 * Advances *p past the terminating block. */
static long lzw_decode(const uint8_t **p, const uint8_t *end, uint8_t *out, size_t cap)
{
    const uint8_t *s = *p;
    if (s >= end)
        return -1;
    unsigned min = *s++;
    if (min < 2 || min > 8)
        return -1;
    /* gather the sub-blocks */
    size_t dlen = 0;
    uint8_t *data = malloc((size_t)(end - s) + 1);
    for (;;) {
        if (s >= end) {
            free(data);
            return -1;
        }
        unsigned n = *s++;
        if (!n)
            break;
        if ((size_t)(end - s) < n) {
            free(data);
            return -1;
        }
        memcpy(data + dlen, s, n);
        dlen += n;
        s += n;
    }
    *p = s;
    unsigned clear = 1u << min, eoi = clear + 1;
    static uint16_t prefix[4096];
    static uint8_t suffix[4096], first[4096];
    static uint8_t stack[4096];
    for (unsigned i = 0; i < clear; i++) {
        prefix[i] = 0xFFFF;
        suffix[i] = (uint8_t)i;
        first[i] = (uint8_t)i;
    }
    unsigned size = min + 1, next = clear + 2;
    long prev = -1;
    size_t bit = 0, nout = 0;
    bool ended = false;
    while (bit + size <= dlen * 8) {
        unsigned code = 0;
        for (unsigned k = 0; k < size; k++, bit++)
            code |= (unsigned)(data[bit / 8] >> (bit % 8) & 1) << k;
        if (code == clear) {
            size = min + 1;
            next = clear + 2;
            prev = -1;
            continue;
        }
        if (code == eoi) {
            ended = true;
            break;
        }
        if (prev < 0) {
            if (code >= clear || nout >= cap) {
                free(data);
                return -1;
            }
            out[nout++] = (uint8_t)code;
            prev = code;
            continue;
        }
        unsigned c = code, sp = 0;
        uint8_t head;
        if (code < next) {
            head = first[code];
        } else if (code == next) {
            head = first[prev];
            stack[sp++] = head;   /* KwKwK: the previous string and its first symbol */
            c = (unsigned)prev;
        } else {
            free(data);
            return -1;
        }
        while (c != 0xFFFF && c >= clear + 2) {
            stack[sp++] = suffix[c];
            c = prefix[c];
        }
        stack[sp++] = (uint8_t)c;
        if (nout + sp > cap) {
            free(data);
            return -1;
        }
        while (sp)
            out[nout++] = stack[--sp];
        if (next < 4096) {
            prefix[next] = (uint16_t)prev;
            suffix[next] = head;
            first[next] = first[prev];
            next++;
            if (next == (1u << size) && size < 12)
                size++;
        }
        prev = code;
    }
    free(data);
    return ended ? (long)nout : -1;
}

typedef struct Decoded {
    int w, h, ncolors;
    uint8_t pal[256][3];
    bool loops;
    size_t nframes;
    uint8_t *canvas[16];      /* RGB after each frame */
    unsigned delay[16];
    int rx[16], ry[16], rw[16], rh[16];
    bool transparent[16];
} Decoded;

static void decoded_free(Decoded *d)
{
    for (size_t i = 0; i < d->nframes; i++)
        free(d->canvas[i]);
}

/* Decodes a whole file, compositing each frame over the last ("leave in
 * place"); false when anything is malformed. */
static bool decode(const uint8_t *f, size_t len, Decoded *d)
{
    memset(d, 0, sizeof *d);
    const uint8_t *p = f, *end = f + len;
    if (len < 13 + 768 || memcmp(p, "GIF89a", 6))
        return false;
    d->w = p[6] | p[7] << 8;
    d->h = p[8] | p[9] << 8;
    if (p[10] != 0xF7)
        return false;
    memcpy(d->pal, p + 13, 768);
    p += 13 + 768;
    uint8_t *canvas = calloc((size_t)d->w * (size_t)d->h, 3);
    uint8_t *idx = malloc((size_t)d->w * (size_t)d->h);
    unsigned delay = 0;
    int tindex = -1;
    bool ok = false;
    while (p < end) {
        uint8_t tag = *p++;
        if (tag == 0x3B) {
            ok = p == end;
            break;
        }
        if (tag == 0x21) {
            if (p + 1 >= end)
                break;
            uint8_t label = *p++;
            if (label == 0xFF && p[0] == 11 && !memcmp(p + 1, "NETSCAPE2.0", 11) && p[12] == 3 && p[13] == 1)
                d->loops = true;
            if (label == 0xF9) {
                if (p[0] != 4 || (p[1] >> 2 & 7) != 1)
                    break;
                tindex = p[1] & 1 ? p[4] : -1;
                delay = p[2] | p[3] << 8;
            }
            while (p < end && *p)
                p += *p + 1;
            p++;
            continue;
        }
        if (tag != 0x2C || p + 9 > end || d->nframes == 16)
            break;
        int x = p[0] | p[1] << 8, y = p[2] | p[3] << 8, w = p[4] | p[5] << 8, h = p[6] | p[7] << 8;
        if (p[8] != 0 || x + w > d->w || y + h > d->h)
            break;
        p += 9;
        if (lzw_decode(&p, end, idx, (size_t)w * (size_t)h) != (long)w * h)
            break;
        for (int j = 0; j < h; j++)
            for (int i = 0; i < w; i++) {
                uint8_t c = idx[(size_t)j * (size_t)w + (size_t)i];
                if ((int)c == tindex)
                    continue;
                memcpy(canvas + ((size_t)(y + j) * (size_t)d->w + (size_t)(x + i)) * 3, d->pal[c], 3);
            }
        size_t k = d->nframes++;
        d->canvas[k] = malloc((size_t)d->w * (size_t)d->h * 3);
        memcpy(d->canvas[k], canvas, (size_t)d->w * (size_t)d->h * 3);
        d->delay[k] = delay;
        d->rx[k] = x, d->ry[k] = y, d->rw[k] = w, d->rh[k] = h;
        d->transparent[k] = tindex >= 0;
    }
    free(canvas);
    free(idx);
    return ok;
}

/* ---- LZW round trips */

static void roundtrip(const uint8_t *idx, size_t n)
{
    GifBuf b = { 0 };
    assert_int_equal(gif_lzw_encode(idx, n, &b), 0);
    const uint8_t *p = b.data;
    uint8_t *back = malloc(n + 1);
    long got = lzw_decode(&p, b.data + b.len, back, n);
    assert_int_equal(got, (long)n);
    assert_ptr_equal(p, b.data + b.len);   /* the terminating block was the last byte */
    if (n)
        assert_memory_equal(back, idx, n);
    /* sub-blocks are at most 255 bytes (the first byte is the code size) */
    for (const uint8_t *s = b.data + 1; *s; s += *s + 1)
        assert_true(*s <= 255);
    free(back);
    free(b.data);
}

static void test_lzw_short(void **state)
{
    (void)state;
    const uint8_t one[] = { 7 }, two[] = { 7, 7 }, kwk[] = { 1, 1, 1, 1, 1, 1, 1, 2, 1, 2, 1, 2, 1 };
    roundtrip(one, 0);
    roundtrip(one, 1);
    roundtrip(two, 2);
    roundtrip(kwk, sizeof kwk);
}

static void test_lzw_every_width_and_clears(void **state)
{
    (void)state;
    /* random bytes over all 256 symbols: the table fills fast, so the codes
     * go through 9..12 bits and the encoder clears many times */
    size_t n = 200000;
    uint8_t *a = malloc(n);
    uint32_t x = 12345;
    for (size_t i = 0; i < n; i++) {
        x = x * 1103515245u + 12345u;
        a[i] = (uint8_t)(x >> 16);
    }
    roundtrip(a, n);
    /* few symbols in runs: long strings, the KwKwK case, a table that fills slowly */
    for (size_t i = 0; i < n; i++) {
        x = x * 1103515245u + 12345u;
        a[i] = (uint8_t)((i / (1 + (x >> 28))) % 3);
    }
    roundtrip(a, n);
    /* every table size boundary, one length at a time around it */
    for (size_t len = 250; len < 270; len++)
        roundtrip(a, len);
    for (size_t len = 4090; len < 4110; len++) {
        for (size_t i = 0; i < len; i++)
            a[i] = (uint8_t)(i * 7 + i / 255);
        roundtrip(a, len);
    }
    free(a);
}

static void test_lzw_compresses_flat(void **state)
{
    (void)state;
    size_t n = 1280 * 720;
    uint8_t *a = calloc(n, 1);
    GifBuf b = { 0 };
    assert_int_equal(gif_lzw_encode(a, n, &b), 0);
    assert_true(b.len < n / 50);   /* a flat screen is a few KB */
    free(b.data);
    roundtrip(a, n);
    free(a);
}

/* ---- pictures */

#define W 64
#define H 40

static void fill(uint8_t *px, int x0, int y0, int w, int h, unsigned rgb)
{
    for (int y = y0; y < y0 + h; y++)
        for (int x = x0; x < x0 + w; x++) {
            uint8_t *q = px + ((size_t)y * W + (size_t)x) * 4;
            q[0] = (uint8_t)(rgb >> 16), q[1] = (uint8_t)(rgb >> 8), q[2] = (uint8_t)rgb, q[3] = 255;
        }
}

static void assert_same_rgb(const uint8_t *rgb, const uint8_t *rgba)
{
    for (size_t i = 0; i < (size_t)W * H; i++)
        assert_memory_equal(rgb + i * 3, rgba + i * 4, 3);
}

static uint8_t *animation(uint8_t *f[3], size_t *len, size_t *stored)
{
    uint32_t fixed[] = { 0xFFFFFF, 0x224466 };
    GifImage samples[] = { { f[0], W, H, W * 4 }, { f[1], W, H, W * 4 }, { f[2], W, H, W * 4 } };
    GifPalette pal;
    assert_int_equal(gif_palette_build(&pal, fixed, 2, samples, 3), 0);
    Gif *g = gif_new(W, H, &pal);
    assert_non_null(g);
    assert_int_equal(gif_add_frame(g, f[0], W * 4, 7), 0);
    assert_int_equal(gif_add_frame(g, f[1], W * 4, 6), 0);
    assert_int_equal(gif_add_frame(g, f[1], W * 4, 7), 0);   /* the same again: merged */
    assert_int_equal(gif_add_frame(g, f[2], W * 4, 200), 0);
    *stored = gif_frame_count(g);
    return gif_finish(g, len);
}

static void test_frames_composite_back(void **state)
{
    (void)state;
    uint8_t *f[3];
    for (int i = 0; i < 3; i++)
        f[i] = malloc(W * H * 4);
    fill(f[0], 0, 0, W, H, 0xFFFFFF);
    fill(f[0], 4, 4, 20, 10, 0x224466);
    memcpy(f[1], f[0], W * H * 4);
    fill(f[1], 30, 20, 5, 3, 0xE06010);        /* a small change */
    memcpy(f[2], f[1], W * H * 4);
    fill(f[2], 10, 30, 40, 6, 0x10A040);
    fill(f[2], 30, 20, 5, 3, 0xFFFFFF);        /* the first change undone */

    size_t len, stored;
    uint8_t *gif = animation(f, &len, &stored);
    assert_non_null(gif);
    assert_int_equal(stored, 3);
    Decoded d;
    assert_true(decode(gif, len, &d));
    assert_int_equal(d.w, W);
    assert_int_equal(d.h, H);
    assert_true(d.loops);
    assert_int_equal(d.nframes, 3);
    /* the palette holds the fixed colours first, in order */
    assert_memory_equal(d.pal[0], "\xFF\xFF\xFF", 3);
    assert_memory_equal(d.pal[1], "\x22\x44\x66", 3);
    /* every frame composites back to the given pixels (flat colours that
     * the palette holds exactly) */
    assert_same_rgb(d.canvas[0], f[0]);
    assert_same_rgb(d.canvas[1], f[1]);
    assert_same_rgb(d.canvas[2], f[2]);
    /* delays: the repeated frame lengthened the second */
    assert_int_equal(d.delay[0], 7);
    assert_int_equal(d.delay[1], 13);
    assert_int_equal(d.delay[2], 200);
    /* the first frame is whole; the others only what changed, transparent */
    assert_false(d.transparent[0]);
    assert_int_equal(d.rw[0], W);
    assert_int_equal(d.rx[1], 30);
    assert_int_equal(d.ry[1], 20);
    assert_int_equal(d.rw[1], 5);
    assert_int_equal(d.rh[1], 3);
    assert_true(d.transparent[1]);
    assert_int_equal(d.rx[2], 10);
    assert_int_equal(d.ry[2], 20);
    assert_int_equal(d.rw[2], 40);
    assert_int_equal(d.rh[2], 16);
    decoded_free(&d);

    /* the same frames give the same bytes */
    size_t len2, stored2;
    uint8_t *again = animation(f, &len2, &stored2);
    assert_int_equal(len2, len);
    assert_memory_equal(again, gif, len);
    free(again);
    free(gif);
    for (int i = 0; i < 3; i++)
        free(f[i]);
}

static void test_nearest_colour_and_long_delay(void **state)
{
    (void)state;
    uint8_t *a = malloc(W * H * 4), *b = malloc(W * H * 4);
    fill(a, 0, 0, W, H, 0x000000);
    memcpy(b, a, W * H * 4);
    fill(b, 0, 0, 1, 1, 0x0B0C0A);   /* not in the palette: its nearest, black */
    uint32_t fixed[] = { 0x000000, 0xFF0000 };
    GifPalette pal;
    GifImage s = { a, W, H, W * 4 };
    assert_int_equal(gif_palette_build(&pal, fixed, 2, &s, 1), 0);
    Gif *g = gif_new(W, H, &pal);
    assert_int_equal(gif_add_frame(g, a, W * 4, 60000), 0);
    assert_int_equal(gif_add_frame(g, b, W * 4, 60000), 0);   /* maps to the same: merged, but past 16 bits */
    size_t len;
    uint8_t *gif = gif_finish(g, &len);
    Decoded d;
    assert_true(decode(gif, len, &d));
    assert_int_equal(d.nframes, 2);
    assert_int_equal(d.delay[0], 60000);
    assert_int_equal(d.delay[1], 60000);
    assert_int_equal(d.rw[1], 1);
    assert_memory_equal(d.canvas[1], "\0\0\0", 3);
    decoded_free(&d);
    free(gif);
    free(a);
    free(b);
}

static void test_palette(void **state)
{
    (void)state;
    /* a picture of 300 colours: the most used ones make it, ties by value */
    size_t w = 300, h = 10;
    uint8_t *px = malloc(w * h * 4);
    for (size_t y = 0; y < h; y++)
        for (size_t x = 0; x < w; x++) {
            uint8_t *q = px + (y * w + x) * 4;
            unsigned c = x < 100 || y == 0 ? (unsigned)x : 0;   /* colour 0 most, then 1..99 */
            q[0] = (uint8_t)(c >> 8), q[1] = (uint8_t)c, q[2] = 1, q[3] = 255;
        }
    GifImage s = { px, (int)w, (int)h, w * 4 };
    uint32_t fixed[] = { 0x123456, 0x123456, 0xABCDEF };
    GifPalette p, q;
    assert_int_equal(gif_palette_build(&p, fixed, 3, &s, 1), 0);
    assert_int_equal(gif_palette_build(&q, fixed, 3, &s, 1), 0);
    assert_memory_equal(&p, &q, sizeof p);
    assert_int_equal(p.n, GIF_MAX_COLORS);
    assert_memory_equal(p.rgb[0], "\x12\x34\x56", 3);   /* duplicates dropped */
    assert_memory_equal(p.rgb[1], "\xAB\xCD\xEF", 3);
    assert_memory_equal(p.rgb[2], "\x00\x00\x01", 3);   /* the most used */
    assert_memory_equal(p.rgb[3], "\x00\x01\x01", 3);
    /* the cube is there: pure red */
    bool red = false;
    for (int i = 0; i < p.n; i++)
        red |= !memcmp(p.rgb[i], "\xFF\x00\x00", 3);
    assert_true(red);
    free(px);
}

static void test_no_frames(void **state)
{
    (void)state;
    GifPalette pal = { .n = 1 };
    Gif *g = gif_new(10, 10, &pal);
    size_t len;
    assert_null(gif_finish(g, &len));
    pal.n = 0;
    assert_null(gif_new(10, 10, &pal));
    pal.n = 1;
    assert_null(gif_new(0, 10, &pal));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lzw_short),
        cmocka_unit_test(test_lzw_every_width_and_clears),
        cmocka_unit_test(test_lzw_compresses_flat),
        cmocka_unit_test(test_frames_composite_back),
        cmocka_unit_test(test_nearest_colour_and_long_delay),
        cmocka_unit_test(test_palette),
        cmocka_unit_test(test_no_frames),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
