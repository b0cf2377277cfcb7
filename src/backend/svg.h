/*
 * svg.h - a display list (src/view) as an SVG document: the same frame the
 * window draws, as a vector image for slides. Rectangles (rounded where the
 * list says), outlines, lines and clip rectangles become SVG shapes; text
 * runs become real <text> elements in the DejaVu family (the window's
 * fonts; named, not embedded, with generic fallbacks) at the pixel size and
 * in the theme colour the list gives, baseline placed as the SDL backend
 * places it. The output is a pure function of the list: the same list gives
 * the same bytes.
 *
 * Reads only the display list: no SDL, no trace, no layout decisions.
 */
#ifndef LOOPSCOPE_SVG_H
#define LOOPSCOPE_SVG_H

#include <stddef.h>
#include "view.h"

/* The document for a width x height picture (malloc'd, NUL-terminated,
 * *len its length without the NUL), or NULL when out of memory. */
char *svg_render(const ViewList *l, int width, int height, size_t *len);

/* svg_render, written atomically (outfile.h). 0, or -1 with errno. */
int svg_write(const char *path, const ViewList *l, int width, int height);

#endif
