/*
 * png.c - a small PNG writer (see png.h): signature, IHDR, one IDAT, IEND.
 *
 * Each row is filtered with None, Sub or Up (the one whose bytes, read as
 * signed, sum smallest: the usual heuristic), then the rows are compressed
 * as one deflate block with the fixed Huffman codes: LZ77 over a 32 KB
 * window with a hash of the next four bytes and short chains. Flat panels
 * filter to runs of zeros that become length-258 matches, so a 1920x1080
 * screen costs a few hundred kilobytes instead of 8 MB. CRC-32 and
 * Adler-32 are computed here.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "outfile.h"
#include "png.h"

/* ---- checksums */

static uint32_t crc_table[256];

static void crc_init(void)
{
    if (crc_table[1])
        return;
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc_table[n] = c;
    }
}

static uint32_t crc_update(uint32_t crc, const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        crc = crc_table[(crc ^ p[i]) & 0xFF] ^ (crc >> 8);
    return crc;
}

static void be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

/* ---- filtering */

/* One row, filter byte first, into out (1 + n bytes): None, Sub or Up,
 * whichever's bytes, read as signed, sum smallest (the usual heuristic).
 * up is the previous row, NULL for the first. */
static void filter_row(uint8_t *out, const uint8_t *cur, const uint8_t *up, size_t n)
{
    unsigned c0 = 0, c1 = 0, c2 = 0;
    for (size_t i = 0; i < n; i++) {
        uint8_t s = (uint8_t)(cur[i] - (i >= 4 ? cur[i - 4] : 0));
        uint8_t u = (uint8_t)(cur[i] - (up ? up[i] : 0));
        c0 += cur[i] < 128 ? cur[i] : 256u - cur[i];
        c1 += s < 128 ? s : 256u - s;
        c2 += u < 128 ? u : 256u - u;
    }
    if (!up)
        c2 = ~0u;
    uint8_t *o = out + 1;
    if (c2 <= c1 && c2 <= c0) {
        out[0] = 2;
        for (size_t i = 0; i < n; i++)
            o[i] = (uint8_t)(cur[i] - up[i]);
    } else if (c1 <= c0) {
        out[0] = 1;
        for (size_t i = 0; i < n; i++)
            o[i] = (uint8_t)(cur[i] - (i >= 4 ? cur[i - 4] : 0));
    } else {
        out[0] = 0;
        memcpy(o, cur, n);
    }
}

/* ---- deflate with the fixed Huffman codes (RFC 1951, 3.2.6) */

typedef struct Bits {
    uint8_t *p;
    size_t o;
    uint64_t acc;
    int n;
} Bits;

static void put(Bits *b, uint32_t v, int n)   /* LSB first */
{
    b->acc |= (uint64_t)v << b->n;
    b->n += n;
    while (b->n >= 8) {
        b->p[b->o++] = (uint8_t)b->acc;
        b->acc >>= 8;
        b->n -= 8;
    }
}

static void flush_bits(Bits *b)
{
    if (b->n > 0)
        b->p[b->o++] = (uint8_t)b->acc;
    b->acc = 0;
    b->n = 0;
}

static uint32_t reverse(uint32_t v, int n)
{
    uint32_t r = 0;
    for (int i = 0; i < n; i++, v >>= 1)
        r = r << 1 | (v & 1);
    return r;
}

static uint16_t lit_code[288];
static uint8_t lit_bits[288];
static uint8_t len_sym[259];    /* length 3..258 -> index into the tables below */
static const uint16_t len_base[29] = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
                                       35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258 };
static const uint8_t len_extra[29] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
                                       3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0 };
static const uint16_t dist_base[30] = { 1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
                                        257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
                                        8193, 12289, 16385, 24577 };
static const uint8_t dist_extra[30] = { 0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
                                        7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13 };

static void tables_init(void)
{
    if (lit_bits[0])
        return;
    for (int s = 0; s < 288; s++) {
        uint32_t code;
        int n;
        if (s < 144)
            code = 0x30 + (uint32_t)s, n = 8;
        else if (s < 256)
            code = 0x190 + (uint32_t)(s - 144), n = 9;
        else if (s < 280)
            code = (uint32_t)(s - 256), n = 7;
        else
            code = 0xC0 + (uint32_t)(s - 280), n = 8;
        lit_code[s] = (uint16_t)reverse(code, n);
        lit_bits[s] = (uint8_t)n;
    }
    for (int k = 0; k < 29; k++) {
        int top = k + 1 < 29 ? len_base[k + 1] : 259;
        if (k == 27)
            top = 258;   /* 227..257 is code 284; 258 has its own, 285 */
        for (int l = len_base[k]; l < top && l < 259; l++)
            len_sym[l] = (uint8_t)k;
    }
}

static void emit_lit(Bits *b, unsigned c)
{
    put(b, lit_code[c], lit_bits[c]);
}

static void emit_match(Bits *b, unsigned len, unsigned dist)
{
    int k = len_sym[len];
    emit_lit(b, 257u + (unsigned)k);
    if (len_extra[k])
        put(b, len - len_base[k], len_extra[k]);
    int d = 29;
    while (dist_base[d] > dist)
        d--;
    put(b, reverse((uint32_t)d, 5), 5);
    if (dist_extra[d])
        put(b, dist - dist_base[d], dist_extra[d]);
}

#define WBITS 15
#define WSIZE (1u << WBITS)
#define HBITS 16
#define MAX_CHAIN 8
#define MIN_MATCH 4     /* deflate allows 3; 4 keeps the hash to one word */
#define MAX_MATCH 258

static uint32_t hash4(const uint8_t *p)
{
    uint32_t v = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
    return (v * 2654435761u) >> (32 - HBITS);
}

/* The compressor's state: one final fixed-Huffman block fed a window at a
 * time. Positions are absolute (in the whole filtered image); buf holds
 * bytes [base, base + avail), at least the 32 KB before the next position. */
typedef struct Deflate {
    Bits b;
    uint32_t *head;           /* position + 1 of the latest with that hash; 0: none */
    uint32_t *prev;           /* the one before, by position mod WSIZE */
    const uint8_t *buf;
    size_t base, avail, i;    /* i: the next position to code */
} Deflate;

static void insert(Deflate *d, size_t k)
{
    uint32_t h = hash4(d->buf + (k - d->base));
    d->prev[k & (WSIZE - 1)] = d->head[h];
    d->head[h] = (uint32_t)k + 1;
}

/* Codes positions up to `until` (absolute); matches may read up to the end
 * of what is buffered. */
static void deflate_run(Deflate *d, size_t until)
{
    const uint8_t *src = d->buf - d->base;   /* indexed by absolute position */
    size_t n = d->base + d->avail;
    size_t i = d->i;
    while (i < until) {
        size_t best = 0, best_d = 0;
        if (i + MIN_MATCH <= n) {
            uint32_t h = hash4(src + i);
            uint32_t cand = d->head[h];
            size_t limit = n - i < MAX_MATCH ? n - i : MAX_MATCH;
            int chain = MAX_CHAIN;
            size_t last = i;
            while (cand && chain--) {
                size_t c = cand - 1;
                if (c >= last || i - c > WSIZE)
                    break;   /* an overwritten link, or out of the window */
                last = c;
                if (src[c + best] == src[i + best] && memcmp(src + c, src + i, MIN_MATCH) == 0) {
                    size_t l = MIN_MATCH;
                    while (l < limit && src[c + l] == src[i + l])
                        l++;
                    if (l > best) {
                        best = l;
                        best_d = i - c;
                        if (l == limit)
                            break;
                    }
                }
                cand = d->prev[c & (WSIZE - 1)];
            }
            d->prev[i & (WSIZE - 1)] = d->head[h];
            d->head[h] = (uint32_t)i + 1;
        }
        if (best >= MIN_MATCH) {
            emit_match(&d->b, (unsigned)best, (unsigned)best_d);
            /* index the positions inside short matches; long ones (runs)
             * only at their end, which is where the next match starts */
            size_t from = best < 32 ? i + 1 : i + best - 3;
            for (size_t k = from; k < i + best && k + MIN_MATCH <= n; k++)
                insert(d, k);
            i += best;
        } else {
            emit_lit(&d->b, src[i]);
            i++;
        }
    }
    d->i = i;
}

/* ---- the file */

static uint8_t *chunk(uint8_t *p, const char *type, const uint8_t *data, size_t n)
{
    be32(p, (uint32_t)n);
    memcpy(p + 4, type, 4);
    if (n)
        memmove(p + 8, data, n);
    uint32_t crc = crc_update(0xFFFFFFFFu, p + 4, 4 + n) ^ 0xFFFFFFFFu;
    be32(p + 8 + n, crc);
    return p + 12 + n;
}

uint8_t *png_encode_rgba(const uint8_t *rgba, int width, int height, size_t stride, size_t *len)
{
    if (width <= 0 || height <= 0 || width > 100000 || height > 100000) {
        errno = EINVAL;
        return NULL;
    }
    crc_init();
    tables_init();
    size_t row = (size_t)width * 4 + 1;
    size_t raw = row * (size_t)height;
    /* the filtered rows go through a window: 32 KB of history, a chunk of
     * rows, and a match's lookahead (so an image costs no second copy) */
    size_t chunk_rows = ((size_t)1 << 18) / row + 1;
    size_t cap_buf = WSIZE + MAX_MATCH + chunk_rows * row;
    uint8_t *buf = malloc(cap_buf);
    /* worst case: every byte a 9-bit literal */
    size_t zcap = raw + raw / 8 + 64;
    uint8_t *png = malloc(8 + 25 + 12 + 2 + zcap + 4 + 12);
    Deflate d = { .head = calloc((size_t)1 << HBITS, sizeof(uint32_t)), .prev = malloc(WSIZE * sizeof(uint32_t)) };
    if (!buf || !png || !d.head || !d.prev) {
        free(buf);
        free(png);
        free(d.head);
        free(d.prev);
        errno = ENOMEM;
        return NULL;
    }
    /* the zlib stream goes straight where IDAT's data will be */
    uint8_t *z = png + 8 + 25 + 8;
    z[0] = 0x78;   /* deflate, 32K window */
    z[1] = 0x01;   /* no dictionary, fastest level, check bits */
    d.b = (Bits){ z + 2, 0, 0, 0 };
    put(&d.b, 1, 1);   /* BFINAL */
    put(&d.b, 1, 2);   /* BTYPE 01: fixed codes */
    d.buf = buf;
    uint32_t a = 1, b2 = 0;
    for (int y = 0; y < height;) {
        /* slide: keep the window before the next position */
        size_t keep_from = d.i > d.base + WSIZE ? d.i - WSIZE : d.base;
        size_t drop = keep_from - d.base;
        if (drop) {
            memmove(buf, buf + drop, d.avail - drop);
            d.avail -= drop;
            d.base = keep_from;
        }
        /* fill with rows */
        while (y < height && d.avail + row <= cap_buf) {
            uint8_t *out = buf + d.avail;
            const uint8_t *cur = rgba + (size_t)y * stride;
            filter_row(out, cur, y ? cur - stride : NULL, (size_t)width * 4);
            for (size_t k = 0; k < row; k++) {   /* Adler-32 of the filtered bytes */
                a += out[k];
                b2 += a;
                if ((k & 4095) == 4095) {
                    a %= 65521;
                    b2 %= 65521;
                }
            }
            a %= 65521;
            b2 %= 65521;
            d.avail += row;
            y++;
        }
        size_t end = d.base + d.avail;
        deflate_run(&d, y == height ? end : end - MAX_MATCH);
    }
    emit_lit(&d.b, 256);   /* end of block */
    flush_bits(&d.b);
    size_t o = 2 + d.b.o;
    be32(z + o, b2 << 16 | a);
    o += 4;
    free(buf);
    free(d.head);
    free(d.prev);

    static const uint8_t sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
    memcpy(png, sig, 8);
    uint8_t ihdr[13];
    be32(ihdr, (uint32_t)width);
    be32(ihdr + 4, (uint32_t)height);
    ihdr[8] = 8;    /* bits per channel */
    ihdr[9] = 6;    /* RGBA */
    ihdr[10] = ihdr[11] = ihdr[12] = 0;
    uint8_t *p = chunk(png + 8, "IHDR", ihdr, 13);
    p = chunk(p, "IDAT", z, o);   /* in place: z already sits at p + 8 */
    p = chunk(p, "IEND", NULL, 0);
    *len = (size_t)(p - png);
    return png;
}

int png_write_rgba(const char *path, const uint8_t *rgba, int width, int height, size_t stride)
{
    size_t n = 0;
    uint8_t *png = png_encode_rgba(rgba, width, height, stride, &n);   /* before n is read */
    return outfile_write_free(path, png, n);
}
