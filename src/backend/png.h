/*
 * png.h - writing an RGBA image as a PNG file, with no library: the pixels
 * go in uncompressed ("stored") deflate blocks inside a valid zlib stream,
 * which every PNG reader accepts. Bigger files than zlib would make, but no
 * dependency, and the same pixels always give the same bytes.
 *
 * Knows nothing of SDL or the view: it takes pixels and a path.
 */
#ifndef LOOPSCOPE_PNG_H
#define LOOPSCOPE_PNG_H

#include <stddef.h>
#include <stdint.h>

/* rgba: height rows of width * 4 bytes (R, G, B, A), `stride` bytes apart.
 * Written to a temporary file beside path, then renamed into place, so no
 * reader sees half a picture. Returns 0, or -1 with errno set. */
int png_write_rgba(const char *path, const uint8_t *rgba, int width, int height, size_t stride);

#endif
