/*
 * png.h - writing an RGBA image as a PNG file, with no library: each row
 * filtered (None, Sub or Up, whichever looks smallest), then deflated with
 * LZ77 and the fixed Huffman codes, inside a valid zlib stream. Not as
 * small as zlib's best, but a screen of flat panels and text shrinks to a
 * few per cent, fast, with no dependency, and the same pixels always give
 * the same bytes (no time stamps, no text chunks).
 *
 * Knows nothing of SDL or the view: it takes pixels and a path.
 */
#ifndef LOOPSCOPE_PNG_H
#define LOOPSCOPE_PNG_H

#include <stddef.h>
#include <stdint.h>

/* rgba: height rows of width * 4 bytes (R, G, B, A), `stride` bytes apart.
 * Returns the PNG file's bytes (malloc'd, *len set), or NULL with errno. */
uint8_t *png_encode_rgba(const uint8_t *rgba, int width, int height, size_t stride, size_t *len);

/* png_encode_rgba, written to a temporary file beside path, then renamed
 * into place (outfile.h), so no reader sees half a picture. Returns 0, or -1
 * with errno set. */
int png_write_rgba(const char *path, const uint8_t *rgba, int width, int height, size_t stride);

#endif
