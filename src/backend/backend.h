/*
 * backend.h - the SDL backend: draws display lists (src/view) with SDL2's
 * renderer and SDL2_ttf, and measures text for the layout.
 *
 * It only draws what the list says: no layout decisions, no trace, no
 * simulation. The fonts (DejaVu Sans, Sans Bold, Sans Mono; assets/fonts,
 * Bitstream Vera licence) are compiled into the binary, so the window works
 * from any directory. Rendered text is cached as textures keyed by (font,
 * pixel size, bytes) and kept while frames use it, so a steady frame renders
 * no text at all.
 *
 * Prefix: backend_.
 */
#ifndef LOOPSCOPE_BACKEND_H
#define LOOPSCOPE_BACKEND_H

#include "sdl_api.h"
#include "view.h"

typedef struct Backend Backend;

/* Opens the embedded fonts for drawing on r. NULL with a message on stderr
 * when SDL_ttf cannot start. */
Backend *backend_new(SDL_Renderer *r);
void backend_free(Backend *b);

/* A ViewMeasure: pass the Backend as the user data. */
float backend_measure(void *backend, ViewFont font, float size, const char *s, size_t n);

/* Draws the list over the whole render target, then ages the text cache
 * (entries unused for a while are freed). */
void backend_draw(Backend *b, const ViewList *l);

/* Renders ahead the text runs of a list that is not drawn yet (the next
 * step's), so the frame that shows it need not: until about budget_ms
 * have gone; returns how many it rendered. */
size_t backend_prepare(Backend *b, const ViewList *l, double budget_ms);

/* Text cache statistics since the last call (for the frame-time notes). */
typedef struct BackendStats {
    size_t texts_drawn, texts_rendered, cache_entries;
} BackendStats;
BackendStats backend_stats(Backend *b);

/* Saves what the renderer last drew as a PNG (png.h). 0, or -1 with a
 * message in SDL_GetError() or errno. */
int backend_save_png(SDL_Renderer *r, const char *path);

#endif
