/*
 * gif.h - writing RGBA frames as an animated GIF (GIF89a), with no library:
 * one global palette chosen for the frames, a NETSCAPE2.0 block so the
 * animation loops, a delay per frame, LZW with growing code sizes and clear
 * codes. Each frame after the first stores only the rectangle that changed
 * since the one before, with the unchanged pixels inside it transparent;
 * a frame identical to the one before only lengthens that one's delay. The
 * same frames and delays always give the same bytes.
 *
 * Knows nothing of SDL or the view: it takes pixels.
 */
#ifndef LOOPSCOPE_GIF_H
#define LOOPSCOPE_GIF_H

#include <stddef.h>
#include <stdint.h>

/* Colours 0..n-1; index GIF_TRANSPARENT is kept for "unchanged". */
#define GIF_TRANSPARENT 255
#define GIF_MAX_COLORS 255

typedef struct GifPalette {
    uint8_t rgb[256][3];
    int n;
} GifPalette;

/* A picture: height rows of width * 4 bytes (R, G, B, A; A is ignored),
 * `stride` bytes apart. */
typedef struct GifImage {
    const uint8_t *rgba;
    int width, height;
    size_t stride;
} GifImage;

/* A palette that fits pictures like these: the `fixed` colours first
 * (0xRRGGBB, such as a theme's), then the colours the sample pictures use
 * most (ties broken by value), then a 4x4x4 colour cube so that any
 * colour has a near one. Deterministic. Returns 0, or -1 (out of memory). */
int gif_palette_build(GifPalette *p, const uint32_t *fixed, size_t nfixed, const GifImage *samples,
                      size_t nsamples);

typedef struct Gif Gif;

/* An animation of width x height pixels with that palette, looping forever.
 * NULL: out of memory. */
Gif *gif_new(int width, int height, const GifPalette *pal);
/* Adds a frame shown for delay_cs hundredths of a second (each pixel mapped
 * to its nearest palette colour). 0, or -1 with errno (ENOMEM). */
int gif_add_frame(Gif *g, const uint8_t *rgba, size_t stride, unsigned delay_cs);
/* The frames stored so far (identical ones merged). */
size_t gif_frame_count(const Gif *g);
/* The file's bytes (malloc'd, *len set), and frees g; NULL (and g freed)
 * with errno when out of memory or with no frame. */
uint8_t *gif_finish(Gif *g, size_t *len);
void gif_free(Gif *g);

/* A growing byte buffer. */
typedef struct GifBuf {
    uint8_t *data;
    size_t len, cap;
    int oom;       /* set when a realloc failed: the rest was dropped */
} GifBuf;

/* LZW-compresses n palette indices as a GIF image's data: the minimum code
 * size byte (8), the sub-blocks of at most 255 bytes, the terminating empty
 * block; appended to out. 0, or -1 (out of memory). Exposed for tests. */
int gif_lzw_encode(const uint8_t *idx, size_t n, GifBuf *out);

#endif
