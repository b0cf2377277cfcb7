/*
 * export.c - slide export with no window (see export.h).
 *
 *   run the scenario (run.c) -> the step (--at / --step) -> run_scene ->
 *   view_layout (the window's call, measured by the same SDL_ttf fonts) ->
 *   backend_draw into a software renderer on an offscreen surface -> PNG;
 *   and/or the same display list -> SVG (svg.c)
 *
 * Both files are staged beside their destinations and renamed into place
 * only when both were written, so a failed export leaves nothing behind.
 *
 * LOOPSCOPE_EXPORT_STATS=1 prints how long each stage took (docs/slides.md).
 *
 * Must not: lay anything out (src/view) or draw primitives (src/backend).
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/mman.h>
#include <SDL.h>
#include "backend.h"
#include "export.h"
#include "outfile.h"
#include "png.h"
#include "run.h"
#include "svg.h"
#include "view.h"

static double clock_ms(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec * 1e-6;
}

static double now_ms(void)
{
    return clock_ms(CLOCK_MONOTONIC);
}

#define AT_SLACK_NS 500000   /* half a millisecond */

/* The step to draw, or false with a message (the option, what is allowed). */
static bool choose_step(const Run *r, const ExportOptions *e, size_t *step)
{
    size_t n = run_len(r);
    int64_t end_ns = n ? run_t_at(r, n - 1) : 0;
    switch (e->at) {
    case EXPORT_AT_END:
        *step = n ? n - 1 : 0;
        return true;
    case EXPORT_AT_STEP:
        if (e->step < 1 || e->step > n) {
            if (n)
                fprintf(stderr, "loopscope: --step %llu is past the end: this run has %zu steps "
                                "(--step 1 to --step %zu, or --at end)\n", e->step, n, n);
            else
                fprintf(stderr, "loopscope: --step %llu: this run has no steps (use --at end)\n", e->step);
            return false;
        }
        *step = (size_t)(e->step - 1);
        return true;
    case EXPORT_AT_TIME: {
        /* read to the millisecond, as the header shows time: computation
         * costs virtual nanoseconds, so the events "at t=2.500" happen a
         * little after 2.5 s, and --at 2.5 means them */
        int64_t ns = (int64_t)llround(e->at_seconds * 1e9) + AT_SLACK_NS;
        if (ns - 2 * AT_SLACK_NS >= end_ns) {
            fprintf(stderr, "loopscope: --at %s is past the end: this run ends at t = %.3f s "
                            "(--at 0 to --at %.3f, or --at end)\n",
                    e->at_text, (double)end_ns * 1e-9, (double)end_ns * 1e-9);
            return false;
        }
        *step = run_step_at_ns(r, ns);
        return true;
    }
    }
    return false;
}

/* The offscreen picture: an RGBA surface the software renderer draws into. */
typedef struct Canvas {
    void *mem;                /* the surface's pixels */
    SDL_Surface *surf;
    SDL_Renderer *ren;
    Backend *be;
} Canvas;

static void canvas_free(Canvas *c)
{
    backend_free(c->be);
    if (c->ren)
        SDL_DestroyRenderer(c->ren);
    if (c->surf)
        SDL_FreeSurface(c->surf);
    free(c->mem);
    memset(c, 0, sizeof *c);
}

/* Lays out the step with the window's layout call, measured with the
 * window's fonts, into *list; then, when want_pixels, draws it: the pixels
 * are then c->surf's, made opaque. False with a message. */
static bool render(Canvas *c, const Run *r, size_t step, const ExportOptions *e, ViewList *list,
                   bool want_pixels, double *layout_ms)
{
    /* an SVG alone needs the fonts' measurements, not pixels */
    int w = want_pixels ? e->width : 1, h = want_pixels ? e->height : 1;
    /* The pixels on huge pages where the kernel offers them: 8 MB of fresh
     * 4 KB pages cost 2048 page faults, which on a virtual machine took
     * longer than drawing the frame. Zeroed, as SDL's own surfaces are. */
    size_t bytes = (size_t)w * (size_t)h * 4, huge = (size_t)2 << 20;
    size_t rounded = (bytes + huge - 1) / huge * huge;
    if (posix_memalign(&c->mem, huge, rounded) != 0)
        c->mem = NULL;
#ifdef MADV_HUGEPAGE
    if (c->mem)
        madvise(c->mem, rounded, MADV_HUGEPAGE);
#endif
    if (c->mem)
        memset(c->mem, 0, bytes);
    c->surf = c->mem ? SDL_CreateRGBSurfaceWithFormatFrom(c->mem, w, h, 32, w * 4, SDL_PIXELFORMAT_RGBA32)
                     : NULL;
    c->ren = c->surf ? SDL_CreateSoftwareRenderer(c->surf) : NULL;
    c->be = c->ren ? backend_new(c->ren) : NULL;
    if (!c->be) {
        fprintf(stderr, "loopscope: cannot draw offscreen at %dx%d: %s\n", e->width, e->height, SDL_GetError());
        return false;
    }
    ViewParams p = {
        .width = e->width, .height = e->height, .font_scale = e->font_scale,
        .theme = e->dark ? VIEW_THEME_DARK : VIEW_THEME_LIGHT,
        .anim = 1, .speed = 1, .still = true,
        .measure = backend_measure, .measure_ud = c->be,
    };
    ViewScene sc = run_scene(r, step);
    double t0 = now_ms();
    view_layout(list, &sc, &p);
    *layout_ms = now_ms() - t0;
    if (!want_pixels)
        return true;
    backend_draw(c->be, list);
    SDL_RenderFlush(c->ren);
    /* RGBA32: R, G, B, A bytes in memory on any machine; made opaque, as
     * the window's screenshots are */
    uint8_t *px = c->surf->pixels;
    for (int y = 0; y < h; y++) {
        uint8_t *row = px + (size_t)y * (size_t)c->surf->pitch;
        for (int x = 0; x < w; x++)
            row[(size_t)x * 4 + 3] = 255;
    }
    return true;
}

int export_main(const char *file, const WindowOptions *run_opt, const ExportOptions *e)
{
    bool stats = getenv("LOOPSCOPE_EXPORT_STATS") && atoi(getenv("LOOPSCOPE_EXPORT_STATS")) > 0;
    double t0 = now_ms();
    size_t len;
    char *src = run_slurp(file, &len);
    if (!src) {
        fprintf(stderr, "loopscope: cannot open '%s': %s\n", file, strerror(errno));
        return 2;
    }
    Run r;
    run_scenario(&r, run_opt, file, src, len);
    if (r.rejected) {
        if (e->report_error)
            e->report_error(file, r.src, r.len, r.err.line, r.err.col, r.err.message);
        else
            fprintf(stderr, "%s:%d:%d: error: %s\n", file, r.err.line, r.err.col, r.err.message);
        run_free(&r);
        return 2;
    }
    double t1 = now_ms(), cpu1 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
    size_t step;
    if (!choose_step(&r, e, &step)) {
        run_free(&r);
        return 2;
    }

    ViewList list;
    view_list_init(&list);
    Canvas canvas = { 0 };
    uint8_t *png = NULL;
    char *svg = NULL;
    size_t png_len = 0, svg_len = 0;
    int status = 2;
    OutFile out_png = { 0 }, out_svg = { 0 };
    double t2 = 0, t3 = 0, t4 = 0, layout_ms = 0;
    if (!render(&canvas, &r, step, e, &list, e->png_path != NULL, &layout_ms))
        goto done;
    t2 = now_ms();
    if (e->png_path) {
        png = png_encode_rgba(canvas.surf->pixels, e->width, e->height, (size_t)canvas.surf->pitch, &png_len);
        if (!png) {
            fprintf(stderr, "loopscope: cannot encode the PNG: %s\n", strerror(errno));
            goto done;
        }
    }
    if (e->svg_path) {
        svg = svg_render(&list, e->width, e->height, &svg_len);
        if (!svg) {
            fputs("loopscope: out of memory writing the SVG\n", stderr);
            goto done;
        }
    }
    t3 = now_ms();
    if (e->png_path && outfile_stage(&out_png, e->png_path, png, png_len) != 0) {
        fprintf(stderr, "loopscope: --screenshot: cannot write '%s': %s\n", e->png_path, strerror(errno));
        goto done;
    }
    if (e->svg_path && outfile_stage(&out_svg, e->svg_path, svg, svg_len) != 0) {
        fprintf(stderr, "loopscope: --svg: cannot write '%s': %s\n", e->svg_path, strerror(errno));
        goto done;
    }
    if (e->png_path && outfile_commit(&out_png) != 0) {
        fprintf(stderr, "loopscope: --screenshot: cannot write '%s': %s\n", e->png_path, strerror(errno));
        goto done;
    }
    if (e->svg_path && outfile_commit(&out_svg) != 0) {
        fprintf(stderr, "loopscope: --svg: cannot write '%s': %s\n", e->svg_path, strerror(errno));
        goto done;
    }
    t4 = now_ms();
    double cpu4 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
    status = 0;
    {
        size_t n = run_len(&r);
        char where[96] = "";
        if (n)
            snprintf(where, sizeof where, ", step %zu of %zu, t = %.3f s", step + 1, n,
                     (double)run_t_at(&r, step) * 1e-9);
        if (e->png_path)
            fprintf(stderr, "loopscope: wrote %s (%dx%d%s)\n", e->png_path, e->width, e->height, where);
        if (e->svg_path)
            fprintf(stderr, "loopscope: wrote %s (%dx%d%s)\n", e->svg_path, e->width, e->height, where);
    }
    if (stats)
        fprintf(stderr, "loopscope: export timings: simulation %.1f ms; after it: layout %.1f ms, "
                        "draw %.1f ms, encode %.1f ms, write %.1f ms, total %.1f ms (%.1f ms of CPU time)\n",
                t1 - t0, layout_ms, t2 - t1 - layout_ms, t3 - t2, t4 - t3, t4 - t1, cpu4 - cpu1);
done:
    outfile_abort(&out_png);
    outfile_abort(&out_svg);
    canvas_free(&canvas);
    free(png);
    free(svg);
    view_list_free(&list);
    run_free(&r);
    return status;
}
