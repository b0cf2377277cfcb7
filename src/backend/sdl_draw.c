/*
 * sdl_draw.c - the display list drawn with SDL2 (see backend.h).
 *
 * Rounded rectangles and thick lines are triangle lists (SDL_RenderGeometry),
 * text is one cached texture per run and colour, rendered in its colour:
 * SDL's software renderer (the window's without a GPU) copies an untinted
 * texture on its fast path and a tinted one (colour modulation) several
 * times slower, and text is most of a frame's pixels (docs/performance.md).
 * A theme switch renders the texts again, once.
 *
 * Must not: decide where anything goes (that is src/view), or touch the
 * trace or the simulator.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "backend.h"
#include "png.h"
#include "fonts.h"   /* generated: the embedded TTF files */

#define MAX_SIZES 48          /* open (font, pixel size) pairs */
#define CACHE_BITS 13         /* 8192 slots for text runs (measured, and drawn per colour) */
#define CACHE_SLOTS (1u << CACHE_BITS)
#define CACHE_KEEP_FRAMES 90  /* a run unused this long is freed */
#define MAX_RUN 1024          /* longer runs are not cached (rare) */

typedef struct SizedFont {
    int font, px;
    TTF_Font *f;
} SizedFont;

typedef struct Entry {
    uint64_t hash;
    char *text;               /* NULL: empty slot */
    size_t len;
    int font, px;
    uint32_t color;           /* 0: measured only; else 0xff000000 | RGB the texture has */
    int w, h;                 /* measured */
    SDL_Texture *tex;         /* rendered lazily, when first drawn */
    uint64_t used;            /* the frame it was last used in */
} Entry;

struct Backend {
    SDL_Renderer *r;
    SizedFont fonts[MAX_SIZES];
    int nfonts;
    Entry *cache;             /* open addressing, linear probing */
    size_t entries;
    uint64_t frame;
    BackendStats stats;
    SDL_BlendMode mode;       /* the renderer's draw blend mode now */
};

static const unsigned char *font_data(int font, size_t *len)
{
    switch (font) {
    case VF_BOLD: *len = sizeof font_sans_bold; return font_sans_bold;
    case VF_MONO: *len = sizeof font_mono; return font_mono;
    default:      *len = sizeof font_sans; return font_sans;
    }
}

static TTF_Font *get_font(Backend *b, int font, int px)
{
    for (int i = 0; i < b->nfonts; i++)
        if (b->fonts[i].font == font && b->fonts[i].px == px)
            return b->fonts[i].f;
    if (b->nfonts == MAX_SIZES) {
        /* a long session of font scaling: start again rather than grow */
        for (int i = 0; i < b->nfonts; i++)
            TTF_CloseFont(b->fonts[i].f);
        b->nfonts = 0;
    }
    size_t len;
    const unsigned char *data = font_data(font, &len);
    SDL_RWops *rw = SDL_RWFromConstMem(data, (int)len);
    TTF_Font *f = rw ? TTF_OpenFontRW(rw, 1, px) : NULL;
    if (!f)
        return NULL;
    TTF_SetFontHinting(f, TTF_HINTING_LIGHT);
    b->fonts[b->nfonts++] = (SizedFont){ font, px, f };
    return f;
}

Backend *backend_new(SDL_Renderer *r)
{
    if (!TTF_WasInit() && TTF_Init() != 0) {
        fprintf(stderr, "loopscope: cannot start SDL_ttf: %s\n", TTF_GetError());
        return NULL;
    }
    Backend *b = calloc(1, sizeof *b);
    if (b)
        b->cache = calloc(CACHE_SLOTS, sizeof *b->cache);
    if (!b || !b->cache) {
        free(b);
        fputs("loopscope: out of memory\n", stderr);
        return NULL;
    }
    b->r = r;
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    return b;
}

static void entry_clear(Entry *e)
{
    if (e->tex)
        SDL_DestroyTexture(e->tex);
    free(e->text);
    memset(e, 0, sizeof *e);
}

void backend_free(Backend *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < CACHE_SLOTS; i++)
        entry_clear(&b->cache[i]);
    free(b->cache);
    for (int i = 0; i < b->nfonts; i++)
        TTF_CloseFont(b->fonts[i].f);
    free(b);
    TTF_Quit();
}

static uint64_t hash_run(int font, int px, uint32_t color, const char *s, size_t n)
{
    uint64_t h = (1469598103934665603ull ^ (uint64_t)(font * 131 + px)) + (uint64_t)color * 0x9e3779b97f4a7c15ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h ? h : 1;
}

/* Removes entries unused for CACHE_KEEP_FRAMES frames; rebuilding the
 * table keeps the probe chains intact. Runs when the table is half full. */
static void cache_age(Backend *b)
{
    if (b->entries < CACHE_SLOTS / 2)
        return;
    Entry *old = b->cache;
    Entry *fresh = calloc(CACHE_SLOTS, sizeof *fresh);
    if (!fresh)
        return;
    size_t kept = 0;
    for (size_t i = 0; i < CACHE_SLOTS; i++) {
        Entry *e = &old[i];
        if (!e->text)
            continue;
        /* under pressure keep only what this frame and the last used */
        uint64_t keep = b->entries > CACHE_SLOTS * 3 / 4 ? 1 : CACHE_KEEP_FRAMES;
        if (b->frame - e->used > keep) {
            entry_clear(e);
            continue;
        }
        size_t j = e->hash & (CACHE_SLOTS - 1);
        while (fresh[j].text)
            j = (j + 1) & (CACHE_SLOTS - 1);
        fresh[j] = *e;
        kept++;
    }
    free(old);
    b->cache = fresh;
    b->entries = kept;
}

/* The cache entry for a run in a colour (0: for measuring), measured; NULL
 * when it cannot be (no font). */
static Entry *lookup(Backend *b, int font, float size, uint32_t color, const char *s, size_t n)
{
    int px = (int)lroundf(size);
    if (px < 4)
        px = 4;
    if (n > MAX_RUN)
        n = MAX_RUN;
    uint64_t h = hash_run(font, px, color, s, n);
    size_t j = h & (CACHE_SLOTS - 1);
    while (b->cache[j].text) {
        Entry *e = &b->cache[j];
        if (e->hash == h && e->font == font && e->px == px && e->color == color && e->len == n
            && memcmp(e->text, s, n) == 0) {
            e->used = b->frame;
            return e;
        }
        j = (j + 1) & (CACHE_SLOTS - 1);
    }
    if (b->entries >= CACHE_SLOTS * 7 / 8)
        return NULL;   /* full within one frame: measure without caching */
    TTF_Font *f = get_font(b, font, px);
    if (!f)
        return NULL;
    Entry *e = &b->cache[j];
    e->text = malloc(n + 1);
    if (!e->text)
        return NULL;
    memcpy(e->text, s, n);
    e->text[n] = 0;
    e->len = n;
    e->hash = h;
    e->font = font;
    e->px = px;
    e->color = color;
    e->used = b->frame;
    if (TTF_SizeUTF8(f, e->text, &e->w, &e->h) != 0)
        e->w = e->h = 0;
    b->entries++;
    return e;
}

float backend_measure(void *ud, ViewFont font, float size, const char *s, size_t n)
{
    Backend *b = ud;
    if (!n)
        return 0;
    Entry *e = lookup(b, font, size, 0, s, n);
    if (e)
        return (float)e->w;
    /* uncached (full table, or an absurdly long run): ask the font directly */
    TTF_Font *f = get_font(b, font, (int)lroundf(size));
    char buf[MAX_RUN + 1];
    if (!f || n > MAX_RUN)
        return view_measure_fixed(NULL, font, size, s, n);
    memcpy(buf, s, n);
    buf[n] = 0;
    int w = 0, h = 0;
    TTF_SizeUTF8(f, buf, &w, &h);
    return (float)w;
}

static SDL_Color color(const ViewList *l, const ViewItem *it)
{
    ViewColor c = view_theme_color(l->theme, it->role);
    return (SDL_Color){ c.r, c.g, c.b, (Uint8)(c.a * it->alpha / 255) };
}

/* Opaque colours are copied, not blended: SDL's software renderer (the
 * window's under Xvfb or without a GPU) fills an opaque rectangle several
 * times faster than it blends one, and the panels are mostly opaque. */
static void set_color(Backend *b, SDL_Color c)
{
    SDL_BlendMode mode = c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND;
    if (mode != b->mode) {
        SDL_SetRenderDrawBlendMode(b->r, mode);
        b->mode = mode;
    }
    SDL_SetRenderDrawColor(b->r, c.r, c.g, c.b, c.a);
}

static void fill_rect(Backend *b, SDL_Color c, float x, float y, float w, float h)
{
    set_color(b, c);
    SDL_FRect fr = { x, y, w, h };
    SDL_RenderFillRectF(b->r, &fr);
}

/* A rounded rectangle: a cross of three rectangles and a quarter fan of
 * triangles in each corner. Not one fan around the centre: SDL's software
 * renderer (the slide export's, and the window's without a GPU) blends each
 * triangle through a temporary surface the size of its bounding box, so a
 * panel-sized fan cost megabytes of memset per panel. In whole pixels, so
 * that the pieces neither overlap nor leave a seam (a translucent card
 * would show either). */
static void fill_rrect(Backend *b, SDL_Color c, float x, float y, float w, float h, float rad)
{
    if (rad > w / 2)
        rad = w / 2;
    if (rad > h / 2)
        rad = h / 2;
    if (rad < 1.5f) {
        fill_rect(b, c, x, y, w, h);
        return;
    }
    float x0 = roundf(x), y0 = roundf(y), x1 = roundf(x + w), y1 = roundf(y + h), r = roundf(rad);
    if (2 * r > x1 - x0)
        r = floorf((x1 - x0) / 2);
    if (2 * r > y1 - y0)
        r = floorf((y1 - y0) / 2);
    if (r < 1) {
        fill_rect(b, c, x0, y0, x1 - x0, y1 - y0);
        return;
    }
    fill_rect(b, c, x0 + r, y0, x1 - x0 - 2 * r, y1 - y0);
    if (y1 - y0 > 2 * r) {
        fill_rect(b, c, x0, y0 + r, r, y1 - y0 - 2 * r);
        fill_rect(b, c, x1 - r, y0 + r, r, y1 - y0 - 2 * r);
    }
    enum { SEG = 6 };
    SDL_Vertex v[4 * (SEG + 2)];
    int idx[4 * SEG * 3];
    const float cx[4] = { x1 - r, x0 + r, x0 + r, x1 - r };
    const float cy[4] = { y0 + r, y0 + r, y1 - r, y1 - r };
    int n = 0, m = 0;
    for (int k = 0; k < 4; k++) {
        int centre = n;
        v[n++] = (SDL_Vertex){ { cx[k], cy[k] }, c, { 0, 0 } };
        for (int i = 0; i <= SEG; i++) {
            float a = (float)M_PI / 2 * ((float)k + (float)i / SEG);
            v[n++] = (SDL_Vertex){ { cx[k] + r * cosf(a), cy[k] - r * sinf(a) }, c, { 0, 0 } };
        }
        for (int i = 0; i < SEG; i++) {
            idx[m++] = centre;
            idx[m++] = centre + 1 + i;
            idx[m++] = centre + 2 + i;
        }
    }
    SDL_RenderGeometry(b->r, NULL, v, n, idx, m);
}

static void draw_line(Backend *b, SDL_Color c, float x0, float y0, float x1, float y1, float th)
{
    if (x0 == x1 || y0 == y1) {   /* axis-aligned: a rectangle */
        float x = x0 < x1 ? x0 : x1, y = y0 < y1 ? y0 : y1;
        fill_rect(b, c, x0 == x1 ? x - th / 2 : x, y0 == y1 ? y - th / 2 : y,
                  x0 == x1 ? th : fabsf(x1 - x0), y0 == y1 ? th : fabsf(y1 - y0));
        return;
    }
    float dx = x1 - x0, dy = y1 - y0, len = sqrtf(dx * dx + dy * dy);
    float nx = -dy / len * th / 2, ny = dx / len * th / 2;
    SDL_Vertex v[4] = {
        { { x0 + nx, y0 + ny }, c, { 0, 0 } }, { { x1 + nx, y1 + ny }, c, { 0, 0 } },
        { { x1 - nx, y1 - ny }, c, { 0, 0 } }, { { x0 - nx, y0 - ny }, c, { 0, 0 } },
    };
    int idx[6] = { 0, 1, 2, 0, 2, 3 };
    set_color(b, c);   /* the geometry takes the draw blend mode */
    SDL_RenderGeometry(b->r, NULL, v, 4, idx, 6);
}

/* A text item's cache entry with its texture, rendered now if it has none
 * yet (and `render` allows); NULL when it cannot be drawn. */
static Entry *text_entry(Backend *b, const ViewList *l, const ViewItem *it, SDL_Color c, bool render)
{
    uint32_t key = 0xff000000u | (uint32_t)c.r << 16 | (uint32_t)c.g << 8 | c.b;
    Entry *e = lookup(b, it->font, it->r, key, view_item_text(l, it), it->len);
    if (!e || e->tex || !render)
        return e;
    TTF_Font *f = get_font(b, e->font, e->px);
    SDL_Surface *s = f ? TTF_RenderUTF8_Blended(f, e->text, (SDL_Color){ c.r, c.g, c.b, 255 }) : NULL;
    if (!s)
        return NULL;
    e->tex = SDL_CreateTextureFromSurface(b->r, s);
    SDL_FreeSurface(s);
    if (!e->tex)
        return NULL;
    SDL_SetTextureBlendMode(e->tex, SDL_BLENDMODE_BLEND);
    b->stats.texts_rendered++;
    return e;
}

size_t backend_prepare(Backend *b, const ViewList *l, double budget_ms)
{
    Uint64 t0 = SDL_GetPerformanceCounter(), f = SDL_GetPerformanceFrequency();
    size_t n = 0;
    for (size_t i = 0; i < l->len; i++) {
        const ViewItem *it = &l->items[i];
        if (it->kind != VI_TEXT || !it->len)
            continue;
        Entry *e = text_entry(b, l, it, color(l, it), false);
        if (!e || e->tex)
            continue;
        if ((double)(SDL_GetPerformanceCounter() - t0) * 1000.0 / (double)f >= budget_ms)
            break;
        if (text_entry(b, l, it, color(l, it), true))
            n++;
    }
    return n;
}

static void draw_text(Backend *b, const ViewList *l, const ViewItem *it)
{
    if (!it->len)
        return;
    b->stats.texts_drawn++;
    SDL_Color c = color(l, it);
    Entry *e = text_entry(b, l, it, c, true);
    if (!e)
        return;
    SDL_SetTextureAlphaMod(e->tex, c.a);   /* 255 (most text): no modulation at all */
    int tw, th;
    SDL_QueryTexture(e->tex, NULL, NULL, &tw, &th);
    /* centre the font's line box in the item's line box */
    float y = it->y + (it->h - (float)th) / 2;
    SDL_FRect dst = { roundf(it->x), roundf(y), (float)tw, (float)th };
    SDL_RenderCopyF(b->r, e->tex, NULL, &dst);
}

void backend_draw(Backend *b, const ViewList *l)
{
    b->frame++;
    SDL_SetRenderDrawBlendMode(b->r, SDL_BLENDMODE_BLEND);
    b->mode = SDL_BLENDMODE_BLEND;
    for (size_t i = 0; i < l->len; i++) {
        const ViewItem *it = &l->items[i];
        SDL_Color c = color(l, it);
        switch ((ViewItemKind)it->kind) {
        case VI_RECT:
            fill_rect(b, c, it->x, it->y, it->w, it->h);
            break;
        case VI_RRECT:
            fill_rrect(b, c, it->x, it->y, it->w, it->h, it->r);
            break;
        case VI_FRAME: {
            float t = it->r > 0 ? it->r : 1;
            fill_rect(b, c, it->x, it->y, it->w, t);
            fill_rect(b, c, it->x, it->y + it->h - t, it->w, t);
            fill_rect(b, c, it->x, it->y + t, t, it->h - 2 * t);
            fill_rect(b, c, it->x + it->w - t, it->y + t, t, it->h - 2 * t);
            break;
        }
        case VI_LINE:
            draw_line(b, c, it->x, it->y, it->x + it->w, it->y + it->h, it->r > 0 ? it->r : 1);
            break;
        case VI_TEXT:
            draw_text(b, l, it);
            break;
        case VI_CLIP: {
            SDL_Rect cr = { (int)floorf(it->x), (int)floorf(it->y), (int)ceilf(it->w), (int)ceilf(it->h) };
            SDL_RenderSetClipRect(b->r, &cr);
            break;
        }
        case VI_UNCLIP:
            SDL_RenderSetClipRect(b->r, NULL);
            break;
        }
    }
    SDL_RenderSetClipRect(b->r, NULL);
    cache_age(b);
}

BackendStats backend_stats(Backend *b)
{
    BackendStats s = b->stats;
    s.cache_entries = b->entries;
    b->stats = (BackendStats){ 0 };
    return s;
}

int backend_save_png(SDL_Renderer *r, const char *path)
{
    int w, h;
    if (SDL_GetRendererOutputSize(r, &w, &h) != 0)
        return -1;
    uint8_t *px = malloc((size_t)w * (size_t)h * 4);
    if (!px) {
        errno = ENOMEM;
        return -1;
    }
    int rc = SDL_RenderReadPixels(r, NULL, SDL_PIXELFORMAT_RGBA32, px, w * 4);
    if (rc == 0) {
        /* RGBA32: R, G, B, A bytes in memory on any machine; made opaque,
         * since the window has no transparency */
        for (size_t i = 3; i < (size_t)w * (size_t)h * 4; i += 4)
            px[i] = 255;
        rc = png_write_rgba(path, px, w, h, (size_t)w * 4);
    }
    free(px);
    return rc;
}
