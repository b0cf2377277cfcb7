/*
 * export.c - slide export with no window (see export.h).
 *
 *   run the scenario (run.c), and the --compare one -> the moment (--at /
 *   --step), or the animation's frames (--from .. --to at --fps) ->
 *   run_scene -> view_layout or view_layout_compare (the window's calls,
 *   measured by the same SDL_ttf fonts) -> backend_draw into a software
 *   renderer on an offscreen surface -> PNG (png.c), GIF (gif.c); and/or
 *   the same display list -> SVG (svg.c)
 *
 * Every file is staged beside its destination and renamed into place only
 * when all of them were written, so a failed export leaves nothing behind.
 *
 * An animation plays the run as the window does (see Plan), and a frame
 * whose display list is the same as the one before is not drawn again.
 *
 * LOOPSCOPE_EXPORT_STATS=1 prints how long each stage took (docs/slides.md).
 *
 * Must not: lay anything out (src/view) or draw primitives (src/backend).
 */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include "backend.h"
#include "export.h"
#include "gif.h"
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

/* What one command exports from: the run, and the --compare one. */
typedef struct Job {
    const ExportOptions *e;
    Run a, b;
    bool compare;
    int64_t end_ns;           /* the later of the two runs' ends */
} Job;

static int64_t run_end_ns(const Run *r)
{
    size_t n = run_len(r);
    return n ? run_t_at(r, n - 1) : 0;
}

static const char *run_word(const Job *j)
{
    return j->compare ? "the longer run" : "this run";
}

/* A still's moment: the first run's step, the virtual time the second run
 * is shown at (ns), and the clock (seconds; 0: the step's own). False with
 * a message (the option, what is allowed). */
static bool choose_moment(const Job *j, size_t *step, int64_t *t_ns, double *clock)
{
    const ExportOptions *e = j->e;
    const Run *r = &j->a;
    size_t n = run_len(r);
    int64_t end_ns = j->end_ns;
    switch (e->at) {
    case EXPORT_AT_END:
        *step = n ? n - 1 : 0;
        *t_ns = end_ns;
        *clock = j->compare ? (double)end_ns * 1e-9 : 0;
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
        *t_ns = run_t_at(r, *step);
        *clock = j->compare ? (double)*t_ns * 1e-9 : 0;
        return true;
    case EXPORT_AT_TIME: {
        /* read to the millisecond, as the header shows time: computation
         * costs virtual nanoseconds, so the events "at t=2.500" happen a
         * little after 2.5 s, and --at 2.5 means them */
        int64_t ns = (int64_t)llround(e->at_seconds * 1e9) + AT_SLACK_NS;
        if (ns - 2 * AT_SLACK_NS >= end_ns) {
            fprintf(stderr, "loopscope: --at %s is past the end: %s ends at t = %.3f s "
                            "(--at 0 to --at %.3f, or --at end)\n",
                    e->at_text, run_word(j), (double)end_ns * 1e-9, (double)end_ns * 1e-9);
            return false;
        }
        *step = run_step_at_ns(r, ns);
        *t_ns = ns;
        *clock = j->compare ? e->at_seconds : 0;
        return true;
    }
    }
    return false;
}

/* An animation plays the run as the window does at --speed: each event
 * of the first run for a beat (tasks glide to their places), then the
 * stretch of virtual time to the next event (a long one compressed, as
 * view_gap_seconds does), through which the clock and the playhead glide.
 * Frames sample that playback --fps times a second. */
typedef struct Plan {
    size_t s0, nsteps;        /* the first run's steps shown: s0 .. s0 + nsteps - 1 */
    double *start;            /* playback seconds at which each starts */
    double total;             /* the last one's beat ends here */
    int64_t from, to;         /* the virtual span asked for */
    size_t nframes;
} Plan;

/* A frame: the first run's step, how far its glide has got, the clock. */
typedef struct Frame {
    size_t step;
    float anim;
    double clock;
} Frame;

static double beat_seconds(const ExportOptions *e)
{
    return VIEW_BEAT_SECONDS / e->speed;
}

/* False with a message (the option, what is allowed). */
static bool plan_build(const Job *j, Plan *pl)
{
    const ExportOptions *e = j->e;
    const Run *r = &j->a;
    int64_t end = j->end_ns;
    double end_s = (double)end * 1e-9;
    int64_t from = e->have_from ? (int64_t)llround(e->from_s * 1e9) : 0;
    int64_t to = e->have_to ? (int64_t)llround(e->to_s * 1e9) : end;
    if (e->have_from && from - AT_SLACK_NS > end) {
        fprintf(stderr, "loopscope: --from %s is past the end: %s ends at t = %.3f s (--from 0 to --from %.3f)\n",
                e->from_text, run_word(j), end_s, end_s);
        return false;
    }
    if (e->have_to && to - AT_SLACK_NS > end) {
        fprintf(stderr, "loopscope: --to %s is past the end: %s ends at t = %.3f s (--to %.3f or less, "
                        "or --to end)\n", e->to_text, run_word(j), end_s, end_s);
        return false;
    }
    if (to < from || (to == from && (e->have_from || e->have_to))) {
        if (e->have_to)
            fprintf(stderr, "loopscope: --from %s must come before --to %s\n", e->have_from ? e->from_text : "0",
                    e->to_text);
        else
            fprintf(stderr, "loopscope: --from %s must come before the end of the run (t = %.3f s)\n",
                    e->from_text, end_s);
        return false;
    }
    pl->from = from;
    pl->to = to < end ? to : end;
    /* the events from the first at or after `from` (read to the
     * millisecond) to the last at or before `to` */
    size_t n = run_len(r), s0 = 0, s1;
    if (from > 0)
        while (s0 + 1 < n && run_t_at(r, s0) < from - AT_SLACK_NS)
            s0++;
    s1 = n ? run_step_at_ns(r, to + AT_SLACK_NS) : 0;
    if (s1 < s0)
        s1 = s0;
    pl->s0 = s0;
    pl->nsteps = s1 - s0 + 1;
    pl->start = malloc(pl->nsteps * sizeof *pl->start);
    if (!pl->start) {
        fputs("loopscope: out of memory\n", stderr);
        return false;
    }
    double at = 0, beat = beat_seconds(e);
    for (size_t i = 0; i < pl->nsteps; i++) {
        pl->start[i] = at;
        at += beat;
        if (i + 1 < pl->nsteps)
            at += view_gap_seconds((double)(run_t_at(r, s0 + i + 1) - run_t_at(r, s0 + i)) * 1e-9) / e->speed;
    }
    pl->total = at;
    double frames = floor(at * e->fps + 0.5) + 1;
    if (frames > EXPORT_MAX_FRAMES) {
        fprintf(stderr, "loopscope: %zu events at --speed %g play for %.1f s: at --fps %d that is %.0f frames; "
                        "at most %d (a shorter --from/--to, a higher --speed or a lower --fps)\n",
                pl->nsteps, e->speed, at, e->fps, frames, EXPORT_MAX_FRAMES);
        return false;
    }
    pl->nframes = (size_t)frames;
    return true;
}

/* Frame k's playback time: k / fps, the last one at the very end. */
static double frame_seconds(const Plan *pl, int fps, size_t k)
{
    double tau = (double)k / fps;
    return k + 1 < pl->nframes && tau < pl->total ? tau : pl->total;
}

static Frame frame_at(const Job *j, const Plan *pl, double tau)
{
    const ExportOptions *e = j->e;
    size_t lo = 0, hi = pl->nsteps;   /* the last start at or before tau */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (pl->start[mid] <= tau)
            lo = mid;
        else
            hi = mid;
    }
    double in = tau - pl->start[lo], beat = beat_seconds(e);
    Frame f = { .step = pl->s0 + lo, .anim = 1 };
    double glide = beat * VIEW_GLIDE;
    if (in < glide)
        f.anim = (float)(in / glide);
    int64_t t = run_t_at(&j->a, f.step);
    f.clock = (double)t * 1e-9;
    if (lo + 1 < pl->nsteps && in > beat) {
        double gap = pl->start[lo + 1] - pl->start[lo] - beat;
        double b = gap > 0 ? (in - beat) / gap : 0;
        f.clock += (b < 1 ? b : 1) * (double)(run_t_at(&j->a, f.step + 1) - t) * 1e-9;
    }
    return f;
}

/* The offscreen picture: an RGBA surface the software renderer draws into. */
typedef struct Canvas {
    void *mem;                /* the surface's pixels */
    SDL_Surface *surf;
    SDL_Renderer *ren;
    Backend *be;
    int w, h;
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

/* False with a message. */
static bool canvas_open(Canvas *c, int w, int h)
{
    c->w = w;
    c->h = h;
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
        fprintf(stderr, "loopscope: cannot draw offscreen at %dx%d: %s\n", w, h, SDL_GetError());
        return false;
    }
    return true;
}

/* Draws the list; the pixels are then c->surf's, made opaque. */
static void canvas_draw(Canvas *c, const ViewList *list)
{
    backend_draw(c->be, list);
    SDL_RenderFlush(c->ren);
    /* RGBA32: R, G, B, A bytes in memory on any machine; made opaque, as
     * the window's screenshots are */
    uint8_t *px = c->surf->pixels;
    for (int y = 0; y < c->h; y++) {
        uint8_t *row = px + (size_t)y * (size_t)c->surf->pitch;
        for (int x = 0; x < c->w; x++)
            row[(size_t)x * 4 + 3] = 255;
    }
}

/* Lays out the first run at `step` (and the second at t_ns) for a w x h
 * picture measured with c's fonts. */
static void lay_out(const Job *j, const Canvas *c, ViewList *list, int w, int h, size_t step, int64_t t_ns,
                    double clock, float anim)
{
    const ExportOptions *e = j->e;
    ViewParams p = {
        .width = w, .height = h, .font_scale = e->font_scale,
        .theme = e->dark ? VIEW_THEME_DARK : VIEW_THEME_LIGHT,
        .anim = anim, .speed = 1, .still = true, .clock = clock, .panels = e->panels,
        .measure = backend_measure, .measure_ud = c->be,
    };
    ViewScene a = run_scene(&j->a, step);
    if (j->compare) {
        ViewScene b = run_scene(&j->b, run_step_at_ns(&j->b, t_ns));
        view_layout_compare(list, &a, &b, &p);
    } else {
        view_layout(list, &a, &p);
    }
}

static bool same_list(const ViewList *x, const ViewList *y)
{
    return x->len == y->len && x->pool_len == y->pool_len && x->theme == y->theme
           && (!x->len || !memcmp(x->items, y->items, x->len * sizeof *x->items))
           && (!x->pool_len || !memcmp(x->pool, y->pool, x->pool_len));
}

/* The files of one command, staged, then renamed into place together. */
typedef struct Staged {
    OutFile *files;
    const char **option;      /* for messages: --gif, --frames... */
    size_t n, cap;
    char *made_dir;           /* --frames made this directory: removed on failure */
} Staged;

static bool stage(Staged *s, const char *option, const char *path, const void *data, size_t len)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 8;
        OutFile *f = realloc(s->files, cap * sizeof *f);
        if (f)
            s->files = f;
        const char **o = realloc(s->option, cap * sizeof *o);
        if (o)
            s->option = o;
        if (!f || !o) {
            fputs("loopscope: out of memory\n", stderr);
            return false;
        }
        s->cap = cap;
    }
    if (outfile_stage(&s->files[s->n], path, data, len) != 0) {
        fprintf(stderr, "loopscope: %s: cannot write '%s': %s\n", option, path, strerror(errno));
        return false;
    }
    s->option[s->n++] = option;
    return true;
}

static bool commit_all(Staged *s)
{
    for (size_t i = 0; i < s->n; i++) {
        const char *path = s->files[i].path ? s->files[i].path : "";
        char *keep = strdup(path);
        if (outfile_commit(&s->files[i]) != 0) {
            fprintf(stderr, "loopscope: %s: cannot write '%s': %s\n", s->option[i], keep ? keep : path,
                    strerror(errno));
            free(keep);
            /* the rest are still staged; the ones already in place stay */
            for (size_t k = i + 1; k < s->n; k++)
                outfile_abort(&s->files[k]);
            s->n = 0;
            return false;
        }
        free(keep);
    }
    s->n = 0;
    return true;
}

static void abort_all(Staged *s)
{
    for (size_t i = 0; i < s->n; i++)
        outfile_abort(&s->files[i]);
    s->n = 0;
    if (s->made_dir)
        rmdir(s->made_dir);
}

static void staged_free(Staged *s)
{
    abort_all(s);
    free(s->files);
    free(s->option);
    free(s->made_dir);
    memset(s, 0, sizeof *s);
}

/* --frames DIR: made when missing (with its parents); false with a message. */
static bool make_dir(Staged *s, const char *dir)
{
    struct stat st;
    if (stat(dir, &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return true;
        fprintf(stderr, "loopscope: --frames: '%s' is a file, not a directory\n", dir);
        return false;
    }
    char *p = strdup(dir);
    if (!p)
        return false;
    for (char *q = p + 1; *q; q++) {
        if (*q != '/')
            continue;
        *q = 0;
        if (stat(p, &st) != 0 && mkdir(p, 0777) != 0 && errno != EEXIST)
            break;
        *q = '/';
    }
    if (mkdir(dir, 0777) != 0) {
        fprintf(stderr, "loopscope: --frames: cannot make the directory '%s': %s\n", dir, strerror(errno));
        free(p);
        return false;
    }
    free(p);
    s->made_dir = strdup(dir);
    return true;
}

typedef struct Timings {
    double layout, draw, encode;
    size_t drawn;
} Timings;

/* The still pictures (--screenshot, --svg) of one moment, staged. */
static bool stills(const Job *j, Staged *st, Timings *tm, size_t *step_out, int64_t *t_out)
{
    const ExportOptions *e = j->e;
    size_t step;
    int64_t t_ns;
    double clock;
    if (!choose_moment(j, &step, &t_ns, &clock))
        return false;
    *step_out = step;
    *t_out = t_ns;
    bool pixels = e->png_path != NULL;
    /* an SVG alone needs the fonts' measurements, not pixels */
    Canvas c = { 0 };
    ViewList list;
    view_list_init(&list);
    uint8_t *png = NULL;
    char *svg = NULL;
    size_t png_len = 0, svg_len = 0;
    bool ok = false;
    if (!canvas_open(&c, pixels ? e->width : 1, pixels ? e->height : 1))
        goto done;
    double t0 = now_ms();
    lay_out(j, &c, &list, e->width, e->height, step, t_ns, clock, 1);
    double t1 = now_ms();
    if (pixels) {
        canvas_draw(&c, &list);
        tm->drawn++;
    }
    double t2 = now_ms();
    if (e->png_path) {
        png = png_encode_rgba(c.surf->pixels, e->width, e->height, (size_t)c.surf->pitch, &png_len);
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
    tm->layout += t1 - t0;
    tm->draw += t2 - t1;
    tm->encode += now_ms() - t2;
    ok = (!e->png_path || stage(st, "--screenshot", e->png_path, png, png_len))
         && (!e->svg_path || stage(st, "--svg", e->svg_path, svg, svg_len));
done:
    free(png);
    free(svg);
    view_list_free(&list);
    canvas_free(&c);
    return ok;
}

/* Shows "frame k of n" on a terminal, on one line that is cleared at the
 * end; nothing when stderr is a file or a pipe. */
static void progress(bool tty, size_t k, size_t n, double t0)
{
    if (!tty)
        return;
    if (k >= n) {
        fputs("\r\033[K", stderr);
        return;
    }
    fprintf(stderr, "\rloopscope: frame %zu of %zu  (%.1f s)", k + 1, n, (now_ms() - t0) * 1e-3);
    fflush(stderr);
}

/* The animation (--gif, --frames), staged. */
static bool animation(const Job *j, Staged *st, Timings *tm, int w, int h, const Plan *pl, size_t *gif_bytes,
                      size_t *gif_frames)
{
    const ExportOptions *e = j->e;
    size_t n = pl->nframes;
    bool tty = isatty(2) && !getenv("LOOPSCOPE_NO_PROGRESS");
    double start = now_ms();
    Canvas c = { 0 };
    ViewList lists[2];
    view_list_init(&lists[0]);
    view_list_init(&lists[1]);
    ViewList *cur = &lists[0], *prev = &lists[1];
    uint8_t *samples = NULL, *png = NULL, *gif_data = NULL;
    size_t png_len = 0, gif_len = 0;
    char *path = NULL;
    Gif *gif = NULL;
    bool ok = false;
    size_t stride = (size_t)w * 4;
    int digits = n >= 10000 ? 5 : 4;
    if (!canvas_open(&c, w, h))
        goto done;
    if (e->frames_dir) {
        if (!make_dir(st, e->frames_dir))
            goto done;
        path = malloc(strlen(e->frames_dir) + 32);
        if (!path)
            goto done;
    }
    if (e->gif_path) {
        /* one palette for the whole animation, from the first, middle and
         * last frames and the theme's colours */
        size_t pick[3] = { 0, n / 2, n - 1 };
        samples = malloc(3 * stride * (size_t)h);
        if (!samples) {
            fputs("loopscope: out of memory\n", stderr);
            goto done;
        }
        GifImage im[3];
        for (int i = 0; i < 3; i++) {
            Frame f = frame_at(j, pl, frame_seconds(pl, e->fps, pick[i]));
            lay_out(j, &c, cur, w, h, f.step, (int64_t)llround(f.clock * 1e9) + AT_SLACK_NS, f.clock, f.anim);
            canvas_draw(&c, cur);
            uint8_t *dst = samples + (size_t)i * stride * (size_t)h;
            for (int y = 0; y < h; y++)
                memcpy(dst + (size_t)y * stride, (uint8_t *)c.surf->pixels + (size_t)y * (size_t)c.surf->pitch,
                       stride);
            im[i] = (GifImage){ dst, w, h, stride };
        }
        uint32_t fixed[VR__COUNT];
        size_t nfixed = 0;
        ViewTheme theme = e->dark ? VIEW_THEME_DARK : VIEW_THEME_LIGHT;
        for (int r = 0; r < VR__COUNT; r++) {
            ViewColor col = view_theme_color(theme, (ViewRole)r);
            if (col.a == 255)
                fixed[nfixed++] = (uint32_t)col.r << 16 | (uint32_t)col.g << 8 | col.b;
        }
        GifPalette pal;
        if (gif_palette_build(&pal, fixed, nfixed, im, 3) != 0 || !(gif = gif_new(w, h, &pal))) {
            fputs("loopscope: out of memory making the GIF\n", stderr);
            goto done;
        }
        view_list_clear(cur);
    }
    for (size_t k = 0; k < n; k++) {
        progress(tty, k, n, start);
        double tau = frame_seconds(pl, e->fps, k);
        Frame f = frame_at(j, pl, tau);
        double t0 = now_ms();
        lay_out(j, &c, cur, w, h, f.step, (int64_t)llround(f.clock * 1e9) + AT_SLACK_NS, f.clock, f.anim);
        double t1 = now_ms();
        bool same = k > 0 && same_list(cur, prev);
        if (!same) {
            canvas_draw(&c, cur);
            tm->drawn++;
        }
        double t2 = now_ms();
        if (gif) {
            /* hundredths of a second, rounded so that they add up to the
             * span; the last frame (the moment `to`) is held before the
             * loop starts again */
            unsigned delay = EXPORT_GIF_HOLD_CS;
            if (k + 1 < n) {
                double next = frame_seconds(pl, e->fps, k + 1);
                delay = (unsigned)(llround(next * 100) - llround(tau * 100));
                if (delay < 2)
                    delay = 2;   /* viewers show 0 or 1 as a tenth of a second */
            }
            if (gif_add_frame(gif, c.surf->pixels, (size_t)c.surf->pitch, delay) != 0) {
                fputs("loopscope: out of memory making the GIF\n", stderr);
                goto done;
            }
        }
        if (e->frames_dir) {
            if (!same || !png) {
                free(png);
                png = png_encode_rgba(c.surf->pixels, w, h, (size_t)c.surf->pitch, &png_len);
                if (!png) {
                    fprintf(stderr, "loopscope: cannot encode the PNG: %s\n", strerror(errno));
                    goto done;
                }
            }
            sprintf(path, "%s/frame_%0*zu.png", e->frames_dir, digits, k + 1);
            if (!stage(st, "--frames", path, png, png_len))
                goto done;
        }
        tm->layout += t1 - t0;
        tm->draw += t2 - t1;
        tm->encode += now_ms() - t2;
        ViewList *swap = cur;
        cur = prev;
        prev = swap;
    }
    if (gif) {
        double t2 = now_ms();
        *gif_frames = gif_frame_count(gif);
        gif_data = gif_finish(gif, &gif_len);
        gif = NULL;
        tm->encode += now_ms() - t2;
        if (!gif_data) {
            fputs("loopscope: out of memory making the GIF\n", stderr);
            goto done;
        }
        *gif_bytes = gif_len;
        if (!stage(st, "--gif", e->gif_path, gif_data, gif_len))
            goto done;
    }
    ok = true;
done:
    progress(tty, n, n, start);
    gif_free(gif);
    free(gif_data);
    free(png);
    free(path);
    free(samples);
    view_list_free(&lists[0]);
    view_list_free(&lists[1]);
    canvas_free(&c);
    return ok;
}

/* Runs one scenario; false (with the rejected file's message) when it
 * cannot be read or is rejected. */
static bool run_one(Run *r, const char *file, const WindowOptions *opt, const ExportOptions *e)
{
    size_t len;
    char *src = run_slurp(file, &len);
    if (!src) {
        fprintf(stderr, "loopscope: cannot open '%s': %s\n", file, strerror(errno));
        memset(r, 0, sizeof *r);
        return false;
    }
    run_scenario(r, opt, file, src, len);
    if (!r->rejected)
        return true;
    if (e->report_error)
        e->report_error(file, r->src, r->len, r->err.line, r->err.col, r->err.message);
    else
        fprintf(stderr, "%s:%d:%d: error: %s\n", file, r->err.line, r->err.col, r->err.message);
    return false;
}

int export_main(const char *file, const WindowOptions *run_opt, const ExportOptions *e)
{
    char why[256];
    if (!sdl_api_load(why, sizeof why)) {
        fprintf(stderr, "loopscope: cannot draw offscreen: %s\n", why);
        return 2;
    }
    bool stats = getenv("LOOPSCOPE_EXPORT_STATS") && atoi(getenv("LOOPSCOPE_EXPORT_STATS")) > 0;
    double t0 = now_ms();
    Job j = { .e = e, .compare = e->compare_path != NULL };
    Staged st = { 0 };
    Timings tm = { 0 };
    Plan plan = { 0 };
    int status = 2;
    bool have_b = false;
    if (!run_one(&j.a, file, run_opt, e))
        goto done;
    if (j.compare) {
        have_b = true;
        if (!run_one(&j.b, e->compare_path, run_opt, e))
            goto done;
    }
    j.end_ns = run_end_ns(&j.a);
    if (j.compare && run_end_ns(&j.b) > j.end_ns)
        j.end_ns = run_end_ns(&j.b);
    double t1 = now_ms(), cpu1 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);

    bool still = e->png_path || e->svg_path, anim = e->gif_path || e->frames_dir;
    size_t step = 0, gif_bytes = 0, gif_frames = 0;
    int64_t t_still = 0;
    /* every moment is checked before anything is drawn */
    if (anim && !plan_build(&j, &plan))
        goto done;
    if (still && !stills(&j, &st, &tm, &step, &t_still))
        goto done;
    int aw = e->width, ah = e->height;
    if (anim && !e->size_given && e->gif_path) {
        aw = EXPORT_GIF_WIDTH;
        ah = EXPORT_GIF_HEIGHT;
    }
    if (anim && !animation(&j, &st, &tm, aw, ah, &plan, &gif_bytes, &gif_frames))
        goto done;
    double t3 = now_ms();
    if (!commit_all(&st))
        goto done;
    double t4 = now_ms(), cpu4 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
    status = 0;
    if (still) {
        size_t n = run_len(&j.a);
        char where[96] = "";
        if (n)
            snprintf(where, sizeof where, ", step %zu of %zu, t = %.3f s", step + 1, n,
                     (double)run_t_at(&j.a, step) * 1e-9);
        if (e->png_path)
            fprintf(stderr, "loopscope: wrote %s (%dx%d%s)\n", e->png_path, e->width, e->height, where);
        if (e->svg_path)
            fprintf(stderr, "loopscope: wrote %s (%dx%d%s)\n", e->svg_path, e->width, e->height, where);
    }
    if (anim) {
        char what[256];
        snprintf(what, sizeof what, "%dx%d, steps %zu to %zu, t = %.3f to %.3f s, played at %gx in %.1f s: "
                                    "%zu frames at %d fps", aw, ah, plan.s0 + 1, plan.s0 + plan.nsteps,
                 (double)plan.from * 1e-9, (double)plan.to * 1e-9, e->speed, plan.total, plan.nframes, e->fps);
        if (e->gif_path)
            fprintf(stderr, "loopscope: wrote %s (%s, %zu stored, %zu KB)\n", e->gif_path, what, gif_frames,
                    (gif_bytes + 1023) / 1024);
        if (e->frames_dir)
            fprintf(stderr, "loopscope: wrote %s/frame_%0*d.png to frame_%0*zu.png (%s)\n", e->frames_dir,
                    plan.nframes >= 10000 ? 5 : 4, 1, plan.nframes >= 10000 ? 5 : 4, plan.nframes, what);
    }
    if (stats)
        fprintf(stderr, "loopscope: export timings: simulation %.1f ms; after it: layout %.1f ms, "
                        "draw %.1f ms (%zu frames drawn), encode %.1f ms, write %.1f ms, total %.1f ms "
                        "(%.1f ms of CPU time)\n",
                t1 - t0, tm.layout, tm.draw, tm.drawn, tm.encode, t4 - t3, t4 - t1, cpu4 - cpu1);
done:
    free(plan.start);
    staged_free(&st);
    run_free(&j.a);
    if (have_b)
        run_free(&j.b);
    return status;
}
