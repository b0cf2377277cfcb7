/*
 * window.c - the window loop: run the scenario to completion (on a thread
 * of its own, with a trace), then replay the trace in an SDL window, one
 * step at a time.
 *
 *   open: start the simulation thread (run.h RunJob); until it is done
 *         the window shows its progress (view_layout_progress) and stays
 *         responsive: q quits, g goes back to the lessons, x stops it and
 *         shows what ran
 *   done: take the Run: Trace; Replay (now, and one step behind for motion
 *         and the sentence); the timeline
 *   loop: input -> playback clock -> view_layout (pure) -> backend_draw
 *
 * The simulation never runs on the drawing thread and never touches what
 * is drawn: a reload starts it again, whole, and swaps the finished run in.
 * The program's stdout and stderr go only into the trace (as `output`
 * events), which the console panel shows.
 *
 * Test hooks, read from the environment so the command line stays the
 * product's (docs/user-guide.md):
 *   LOOPSCOPE_QUIT_AFTER_FRAMES=N   quit by itself after N frames
 *   LOOPSCOPE_SCREENSHOT_ON_EXIT=F  save the last frame as the PNG F
 *   LOOPSCOPE_START_STEP=N|end      open at step N (default: the first)
 *   LOOPSCOPE_WINDOW_SIZE=WxH       the window's size
 *   LOOPSCOPE_THEME=light|dark
 *   LOOPSCOPE_FRAME_STATS=1         print the median and 99th-percentile
 *                                   layout + draw time on exit
 *   LOOPSCOPE_KEYS=F:KEY,...        press KEY (an SDL key name: x, g, Space)
 *                                   at frame F
 *   LOOPSCOPE_BENCH=1               benchmark: play from the start at 16x
 *                                   (round and round), no frame pacing;
 *                                   with LOOPSCOPE_FRAME_STATS and
 *                                   LOOPSCOPE_QUIT_AFTER_FRAMES (bench/frames.sh)
 *   LOOPSCOPE_REPORT_ON_EXIT=1      print what the window showed last (the
 *                                   step, the banner) on stderr
 *
 * Must not: lay anything out (src/view) or draw primitives (src/backend).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include "trace.h"
#include "replay.h"
#include "view.h"
#include "backend.h"
#include "window.h"
#include "run.h"
#include "lessons.h"   /* generated: every lesson in scenarios/ */

#define MAX_LESSONS 64
#define BEAT_SECONDS VIEW_BEAT_SECONDS   /* one event at 1x, however little virtual time it takes */

static const double speeds[] = { 0.25, 0.5, 1, 2, 4, 8, 16 };
#define NSPEEDS (sizeof speeds / sizeof speeds[0])

typedef struct App {
    const WindowOptions *opt;
    SDL_Window *win;
    SDL_Renderer *ren;
    Backend *be;
    ViewList list;
    ViewList ahead;           /* the next step's list, to render its texts ahead */
    size_t prepared_for;      /* the step whose texts were (0: none) */
    bool no_prepare;          /* LOOPSCOPE_NO_PREPARE: not ahead (to measure what it saves) */
    int w, h;

    const char *path;         /* the file on disk, or NULL for a bundled lesson */
    time_t mtime;
    Run run;
    bool have_run;
    Run other;                /* --compare: drawn below, at the same virtual time */
    const char *other_path;
    time_t other_mtime;
    bool have_other;
    RunJob *job;              /* the simulation still running, or NULL */
    Uint64 job_started;       /* performance counter */
    char job_title[256];
    bool job_from_gallery;    /* it was chosen in the gallery (showing_gallery) */
    size_t keep_step;         /* where to open the job's run (a reload keeps the step) */
    bool keep_end;            /* ... or at its end */

    bool gallery;
    ViewLesson lessons[MAX_LESSONS];
    char lesson_text[MAX_LESSONS][512];
    size_t nlessons, sel;

    size_t step;
    double in_step;           /* real seconds spent on this step */
    bool playing;
    size_t speed;             /* index in speeds */
    double tl_from, tl_to;    /* the timeline's zoom (to <= from: all) */
    float font_scale;
    ViewTheme theme;
    bool help, fullscreen, dragging, quit;

    long quit_after;          /* frames; 0: never */
    const char *keys;         /* LOOPSCOPE_KEYS */
    bool bench;               /* LOOPSCOPE_BENCH: play at 16x, as fast as frames go */
    Uint64 started;           /* window_main's start (performance counter) */
    double first_frame_ms;    /* from the start to the first frame of the run presented */
    double window_ms;         /* from the start to the window and renderer made */
    double sum_layout, sum_draw, sum_present;   /* seconds, over the frames counted */
    Uint64 t_layout, t_draw;  /* this frame's layout and draw ends */
    bool report;
    const char *shot_on_exit;
    double *frame_ms;
    struct FrameNote {         /* what one frame did, to tell the slow ones apart */
        float layout_ms, draw_ms, present_ms, cpu_ms;   /* cpu: this thread's CPU time */
        uint32_t rendered, items;
        uint32_t step;
    } *notes;
    size_t nframes, frame_cap;
    bool frame_stats;
} App;

/* Starts simulating (and --compare's file after it, other_src non-NULL):
 * the window shows the progress until take_run. */
static void open_run(App *a, const char *name, char *src, size_t len, char *other_src, size_t other_len)
{
    if (a->job)
        run_job_abandon(a->job);
    a->job = run_job_start(a->opt, name, src, len, other_src ? a->other_path : NULL, other_src, other_len);
    if (!a->job) {
        fprintf(stderr, "loopscope: cannot start the simulation: %s\n", strerror(errno));
        return;
    }
    a->job_started = SDL_GetPerformanceCounter();
    snprintf(a->job_title, sizeof a->job_title, "%s", name);
    a->job_from_gallery = a->gallery;
    a->keep_step = a->step;
    a->gallery = false;
    a->playing = false;
}

/* The simulation is done: its run replaces the one shown. */
static void take_run(App *a)
{
    if (a->have_run)
        run_free(&a->run);
    if (a->have_other)
        run_free(&a->other);
    a->have_other = run_job_take(a->job, &a->run, &a->other);
    a->job = NULL;
    a->have_run = true;
    size_t n = run_len(&a->run);
    a->step = a->keep_end ? (n ? n - 1 : 0) : a->keep_step;
    a->keep_end = false;
    if (a->step >= n)
        a->step = n ? n - 1 : 0;
    a->in_step = a->step ? 10 : 0;
    a->tl_from = a->tl_to = 0;
    a->prepared_for = 0;
}

static void leave_job(App *a)
{
    if (a->job)
        run_job_abandon(a->job);
    a->job = NULL;
}

static bool open_file(App *a, const char *path)
{
    size_t len;
    char *src = run_slurp(path, &len);
    if (!src) {
        fprintf(stderr, "loopscope: cannot open '%s': %s\n", path, strerror(errno));
        return false;
    }
    struct stat st;
    a->mtime = stat(path, &st) == 0 ? st.st_mtime : 0;
    char *other = NULL;
    size_t other_len = 0;
    if (a->other_path) {
        /* --compare's file: simulated after this one, on the same thread */
        other = run_slurp(a->other_path, &other_len);
        if (!other) {
            fprintf(stderr, "loopscope: cannot open '%s': %s\n", a->other_path, strerror(errno));
            free(src);
            return false;
        }
        a->other_mtime = stat(a->other_path, &st) == 0 ? st.st_mtime : 0;
    }
    a->path = path;
    open_run(a, path, src, len, other, other_len);
    return true;
}

static void open_lesson(App *a, size_t i)
{
    size_t len = lessons[i].len;
    char *src = malloc(len + 1);
    if (!src)
        return;
    memcpy(src, lessons[i].src, len + 1);
    a->path = NULL;
    a->step = 0;
    a->other_path = NULL;   /* --compare goes with the file it was given with */
    open_run(a, lessons[i].name, src, len, NULL, 0);
}

/* ---- moving through the run */

static void go_to(App *a, size_t step)
{
    size_t n = run_len(&a->run);
    if (!n)
        return;
    if (step >= n)
        step = n - 1;
    a->in_step = step == a->step + 1 ? 0 : 10;   /* a single step forward glides; jumps land */
    a->step = step;
}

/* Moments: runs of events at one virtual instant. Next: the last event of
 * the next instant; previous: the last event of the one before. */
static void next_moment(App *a)
{
    size_t n = run_len(&a->run), k = a->step;
    if (!n)
        return;
    int64_t t = run_t_at(&a->run, k);
    while (k + 1 < n && run_t_at(&a->run, k + 1) == t)
        k++;
    if (k + 1 < n) {
        k++;
        t = run_t_at(&a->run, k);
        while (k + 1 < n && run_t_at(&a->run, k + 1) == t)
            k++;
    }
    go_to(a, k);
}

static void prev_moment(App *a)
{
    size_t k = a->step;
    if (!run_len(&a->run))
        return;
    int64_t t = run_t_at(&a->run, k);
    while (k > 0 && run_t_at(&a->run, k) == t)
        k--;
    go_to(a, k);
}

/* The real seconds (at 1x) the stretch of virtual time after this step
 * plays for: view_gap_seconds compresses long waits. */
static double gap_seconds(const App *a)
{
    if (a->step + 1 >= run_len(&a->run))
        return 0;
    return view_gap_seconds((double)(run_t_at(&a->run, a->step + 1) - run_t_at(&a->run, a->step)) * 1e-9);
}

/* How long the current step stays on screen at this speed: a beat for the
 * event itself (the tasks move), then the stretch until the next event,
 * through which the clock and the playhead glide. */
static double step_seconds(const App *a)
{
    return (BEAT_SECONDS + gap_seconds(a)) / speeds[a->speed];
}

/* How far the playhead has got through the stretch after this step (0..1;
 * 0 while paused: a paused window shows the step's own time). */
static float between(const App *a)
{
    double gap = gap_seconds(a) / speeds[a->speed], beat = BEAT_SECONDS / speeds[a->speed];
    if (!a->playing || gap <= 0 || a->in_step <= beat)
        return 0;
    double b = (a->in_step - beat) / gap;
    return b < 1 ? (float)b : 1;
}

static void advance(App *a, double dt)
{
    if (!a->playing || a->gallery || !a->have_run || a->run.rejected)
        return;
    a->in_step += dt;
    size_t n = run_len(&a->run);
    while (a->in_step >= step_seconds(a)) {
        if (a->step + 1 >= n) {
            a->playing = false;
            a->in_step = 10;
            return;
        }
        a->in_step -= step_seconds(a);
        a->step++;
    }
}

/* ---- the gallery */

static void load_gallery(App *a)
{
    size_t n = sizeof lessons / sizeof lessons[0];
    if (n > MAX_LESSONS)
        n = MAX_LESSONS;
    for (size_t i = 0; i < n; i++) {
        const char *title = NULL, *blurb = NULL;
        view_docstring((const char *)lessons[i].src, lessons[i].len, a->lesson_text[i], sizeof a->lesson_text[i],
                       &title, &blurb);
        a->lessons[i] = (ViewLesson){ .file = lessons[i].name, .title = title, .blurb = blurb };
    }
    a->nlessons = n;
}

/* ---- drawing */

static double job_seconds(const App *a)
{
    return (double)(SDL_GetPerformanceCounter() - a->job_started) / (double)SDL_GetPerformanceFrequency();
}

/* While a run simulates, what was on screen stays for a moment (the old
 * run on a reload, the gallery when a lesson was chosen there), so a quick
 * one swaps in without a flash of the progress screen. */
#define PROGRESS_AFTER 0.3   /* seconds */

static bool showing_gallery(const App *a)
{
    return a->gallery || (a->job && a->job_from_gallery && job_seconds(a) <= PROGRESS_AFTER);
}

static bool showing_progress(const App *a)
{
    return a->job && (!a->have_run || a->job_from_gallery || job_seconds(a) > PROGRESS_AFTER);
}

/* The display list of what the window shows, at `step` of the run (when it
 * shows the run). */
static void lay_out(App *a, ViewList *out, size_t step, double anim, float between_steps)
{
    bool gallery = showing_gallery(a);
    ViewParams p = {
        .width = a->w, .height = a->h, .font_scale = a->font_scale, .theme = a->theme,
        .anim = (float)anim, .between = between_steps, .tl_from = a->tl_from, .tl_to = a->tl_to,
        .speed = speeds[a->speed], .playing = a->playing, .help = a->help, .measure = backend_measure,
        .measure_ud = a->be,
    };
    if (gallery) {
        view_layout_gallery(out, a->lessons, a->nlessons, a->sel, &p);
    } else if (showing_progress(a)) {
        RunProgress pr = run_job_progress(a->job);
        ViewProgress vp = { .title = pr.part && a->other_path ? a->other_path : a->job_title, .events = pr.events, .virtual_s = (double)pr.t_ns * 1e-9,
                            .elapsed_s = job_seconds(a), .stopping = pr.stopping };
        view_layout_progress(out, &vp, &p);
    } else if (a->have_other) {
        ViewScene sc = run_scene(&a->run, step);
        /* both playheads at the first run's moment, gliding with it */
        size_t n = run_len(&a->run);
        int64_t t = n ? run_t_at(&a->run, step) : 0;
        double shown = (double)t * 1e-9;
        if (step + 1 < n && p.between > 0)
            shown += (p.between < 1 ? p.between : 1) * (double)(run_t_at(&a->run, step + 1) - t) * 1e-9;
        ViewParams q = p;
        q.between = 0;
        q.clock = shown;
        ViewScene other = run_scene(&a->other, run_step_at_ns(&a->other, (int64_t)(shown * 1e9)));
        view_layout_compare(out, &sc, &other, &q);
    } else {
        ViewScene sc = run_scene(&a->run, step);
        view_layout(out, &sc, &p);
    }
}

static void frame(App *a, double anim)
{
    SDL_GetRendererOutputSize(a->ren, &a->w, &a->h);
    lay_out(a, &a->list, a->step, anim, between(a));
    a->t_layout = SDL_GetPerformanceCounter();
    backend_draw(a->be, &a->list);
    a->t_draw = SDL_GetPerformanceCounter();
}

static double thread_cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec * 1e-6;
}

/* The next step's texts (the sentence, the header, new cards and lines)
 * rendered ahead, in the time left before the next frame is due (the
 * benchmark, which does not wait between frames, gives it a few ms between
 * two frames), so the frame that reaches the step only copies them: the
 * slow frames were the ones that rendered a step's new texts
 * (docs/performance.md). Once per step. */
static void prepare_next_step(App *a, double budget_ms)
{
    size_t n = a->have_run ? run_len(&a->run) : 0;
    if (budget_ms < 0.5 || a->gallery || a->job || a->run.rejected || a->step + 1 >= n
        || a->prepared_for == a->step + 1)
        return;
    a->prepared_for = a->step + 1;
    lay_out(a, &a->ahead, a->step + 1, 1, 0);
    backend_prepare(a->be, &a->ahead, budget_ms);
}

/* A frame's layout + draw + present time, for LOOPSCOPE_FRAME_STATS. */
static void count_frame(App *a, Uint64 t0, double cpu0)
{
    Uint64 t1 = SDL_GetPerformanceCounter();
    if (!a->first_frame_ms && !a->job && !a->gallery)   /* the run's first frame */
        a->first_frame_ms = (double)(t1 - a->started) * 1000.0 / (double)SDL_GetPerformanceFrequency();
    if (a->frame_stats) {
        if (a->nframes == a->frame_cap) {
            a->frame_cap = a->frame_cap ? a->frame_cap * 2 : 1024;
            double *g = realloc(a->frame_ms, a->frame_cap * sizeof *g);
            struct FrameNote *h = realloc(a->notes, a->frame_cap * sizeof *h);
            if (!g || !h)
                abort();
            a->frame_ms = g;
            a->notes = h;
        }
        double f = (double)SDL_GetPerformanceFrequency();
        BackendStats bs = backend_stats(a->be);
        a->notes[a->nframes] = (struct FrameNote){
            .layout_ms = (float)((double)(a->t_layout - t0) * 1000.0 / f),
            .draw_ms = (float)((double)(a->t_draw - a->t_layout) * 1000.0 / f),
            .present_ms = (float)((double)(t1 - a->t_draw) * 1000.0 / f),
            .cpu_ms = (float)(thread_cpu_ms() - cpu0),
            .rendered = (uint32_t)bs.texts_rendered, .items = (uint32_t)a->list.len, .step = (uint32_t)a->step,
        };
        a->frame_ms[a->nframes++] = (double)(t1 - t0) * 1000.0 / f;
        a->sum_layout += (double)(a->t_layout - t0) / f;
        a->sum_draw += (double)(a->t_draw - a->t_layout) / f;
        a->sum_present += (double)(t1 - a->t_draw) / f;
    }
}

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return a < b ? -1 : a > b;
}

static void print_frame_stats(App *a)
{
    if (!a->frame_stats || !a->nframes)
        return;
    /* the first frame renders every text once and first touches the
     * framebuffer: reported apart, the figures are the frames after it */
    double first = a->frame_ms[0];
    /* the slowest frames after the first, before sorting loses which is which */
    if (getenv("LOOPSCOPE_SLOW_FRAMES")) {
        for (int k = 0; k < 8 && a->nframes > 1; k++) {
            size_t worst = 1;
            for (size_t i = 1; i < a->nframes; i++)
                if (a->frame_ms[i] > a->frame_ms[worst])
                    worst = i;
            if (a->frame_ms[worst] < 0)
                break;
            struct FrameNote *fn = &a->notes[worst];
            fprintf(stderr, "loopscope: slow frame %zu (step %u): %.2f ms (CPU %.2f ms) = layout %.2f + draw %.2f + present %.2f; "
                            "%u items, %u texts rendered\n", worst, fn->step, a->frame_ms[worst], (double)fn->cpu_ms,
                    (double)fn->layout_ms,
                    (double)fn->draw_ms, (double)fn->present_ms, fn->items, fn->rendered);
            a->frame_ms[worst] = -a->frame_ms[worst];
        }
        for (size_t i = 1; i < a->nframes; i++)
            if (a->frame_ms[i] < 0)
                a->frame_ms[i] = -a->frame_ms[i];
    }
    double *rest = a->nframes > 1 ? a->frame_ms + 1 : a->frame_ms;
    size_t k = a->nframes > 1 ? a->nframes - 1 : 1;
    qsort(rest, k, sizeof *rest, cmp_double);
    fprintf(stderr, "loopscope: %zu frames at %dx%d: layout + draw + present median %.2f ms, "
                    "99th percentile %.2f ms, max %.2f ms (after the first), first %.2f ms; "
                    "first frame on screen %.1f ms after start\n",
            a->nframes, a->w, a->h, rest[k / 2], rest[k * 99 / 100], rest[k - 1], first, a->first_frame_ms);
    /* the window thread's CPU time per frame: less at the mercy of the
     * machine's load than the wall clock (but without the X server's share) */
    double *cpu = malloc(k * sizeof *cpu);
    if (cpu) {
        for (size_t i = 0; i < k; i++)
            cpu[i] = a->notes[a->nframes > 1 ? i + 1 : i].cpu_ms;
        qsort(cpu, k, sizeof *cpu, cmp_double);
        fprintf(stderr, "loopscope: CPU time per frame (this thread): median %.2f ms, 99th percentile %.2f ms, "
                        "max %.2f ms\n", cpu[k / 2], cpu[k * 99 / 100], cpu[k - 1]);
        free(cpu);
    }
    fprintf(stderr, "loopscope: start-up: SDL, the window and the renderer %.1f ms, then the first frame %.1f ms\n",
            a->window_ms, first);
    SDL_RendererInfo info = { 0 };
    SDL_GetRendererInfo(a->ren, &info);
    double n = (double)a->nframes;
    fprintf(stderr, "loopscope: mean per frame: layout %.2f ms, draw %.2f ms, present %.2f ms (%s renderer)\n",
            a->sum_layout * 1000 / n, a->sum_draw * 1000 / n, a->sum_present * 1000 / n, info.name ? info.name : "?");
}

static void save_png(App *a, const char *path)
{
    if (backend_save_png(a->ren, path) != 0)
        fprintf(stderr, "loopscope: cannot save '%s': %s\n", path, errno ? strerror(errno) : SDL_GetError());
    else
        fprintf(stderr, "loopscope: saved %s\n", path);
}

/* ---- input */

static void zoom(App *a, float mx, double factor)
{
    const ViewList *l = &a->list;
    if (l->tl_x1 <= l->tl_x0)
        return;
    double t0 = l->tl_t0, t1 = l->tl_t1;
    double at = t0 + (mx - l->tl_x0) / (l->tl_x1 - l->tl_x0) * (t1 - t0);
    double span = (t1 - t0) * factor;
    double end = a->run.tl ? (double)a->run.tl->t_end * 1e-9 * 1.02 : 1;
    if (span >= end) {
        a->tl_from = a->tl_to = 0;
        return;
    }
    if (span < 1e-6)
        span = 1e-6;
    double from = at - (at - t0) * factor;
    if (from < 0)
        from = 0;
    if (from + span > end)
        from = end - span;
    a->tl_from = from;
    a->tl_to = from + span;
}

static bool over(const ViewRect *r, float x, float y)
{
    return r->w > 0 && x >= r->x && x < r->x + r->w && y >= r->y && y < r->y + r->h;
}

static void scrub(App *a, float x)
{
    const ViewList *l = &a->list;
    if (l->tl_x1 <= l->tl_x0)
        return;
    double t = l->tl_t0 + (x - l->tl_x0) / (l->tl_x1 - l->tl_x0) * (l->tl_t1 - l->tl_t0);
    a->playing = false;
    go_to(a, run_step_at_ns(&a->run, (int64_t)((t < 0 ? 0 : t) * 1e9)));
    a->in_step = 10;
}

static void reload(App *a)
{
    if (a->path)
        open_file(a, a->path);   /* both files with --compare; take_run keeps the step */
}

static void key(App *a, const SDL_KeyboardEvent *k)
{
    a->prepared_for = 0;   /* the theme, the text size, the step may change: prepare again */
    SDL_Keycode c = k->keysym.sym;
    bool ctrl = k->keysym.mod & KMOD_CTRL, shift = k->keysym.mod & KMOD_SHIFT;
    if (c == SDLK_q || c == SDLK_ESCAPE) {
        if (a->help && c == SDLK_ESCAPE)
            a->help = false;
        else
            a->quit = true;
        return;
    }
    if (c == SDLK_F11) {
        a->fullscreen = !a->fullscreen;
        SDL_SetWindowFullscreen(a->win, a->fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
        return;
    }
    if (ctrl && (c == SDLK_EQUALS || c == SDLK_PLUS || c == SDLK_KP_PLUS)) {
        a->font_scale = a->font_scale + 0.1f > 2.5f ? 2.5f : a->font_scale + 0.1f;
        return;
    }
    if (ctrl && (c == SDLK_MINUS || c == SDLK_KP_MINUS)) {
        a->font_scale = a->font_scale - 0.1f < 0.5f ? 0.5f : a->font_scale - 0.1f;
        return;
    }
    if (ctrl && c == SDLK_0) {
        a->font_scale = 1;
        return;
    }
    switch (c) {
    case SDLK_t:
        a->theme = a->theme == VIEW_THEME_LIGHT ? VIEW_THEME_DARK : VIEW_THEME_LIGHT;
        return;
    case SDLK_SLASH:
    case SDLK_QUESTION:
    case SDLK_F1:
        a->help = !a->help;
        return;
    case SDLK_s: {
        static int shot;
        char name[64];
        snprintf(name, sizeof name, "loopscope-%d.png", ++shot);
        save_png(a, name);
        return;
    }
    case SDLK_g:
        leave_job(a);
        a->gallery = true;
        a->playing = false;
        return;
    default:
        break;
    }
    if (a->job && !a->gallery) {
        if (c == SDLK_x || c == SDLK_SPACE)
            run_job_stop(a->job);   /* the run so far opens when it has stopped */
        else if (c == SDLK_r)
            reload(a);
        return;
    }
    if (a->gallery) {
        size_t rows = (a->nlessons + 1) / 2;
        switch (c) {
        case SDLK_UP:    if (a->sel > 0) a->sel--; break;
        case SDLK_DOWN:  if (a->sel + 1 < a->nlessons) a->sel++; break;
        case SDLK_LEFT:  if (a->sel >= rows) a->sel -= rows; break;
        case SDLK_RIGHT: if (a->sel + rows < a->nlessons) a->sel += rows; break;
        case SDLK_HOME:  a->sel = 0; break;
        case SDLK_END:   a->sel = a->nlessons ? a->nlessons - 1 : 0; break;
        case SDLK_RETURN:
        case SDLK_KP_ENTER:
        case SDLK_SPACE:
            if (a->nlessons)
                open_lesson(a, a->sel);
            break;
        default: break;
        }
        return;
    }
    size_t n = run_len(&a->run);
    switch (c) {
    case SDLK_SPACE:
        if (n && a->step + 1 >= n && !a->playing)
            go_to(a, 0);   /* play again from the start */
        a->playing = !a->playing;
        /* a settled step (in_step parked far past its end) starts playing
         * from the end of its beat, not several steps later */
        if (a->playing && a->in_step > BEAT_SECONDS / speeds[a->speed])
            a->in_step = BEAT_SECONDS / speeds[a->speed];
        break;
    case SDLK_RIGHT:
        a->playing = false;
        if (shift)
            next_moment(a);
        else if (a->step + 1 < n)
            go_to(a, a->step + 1);
        break;
    case SDLK_LEFT:
        a->playing = false;
        if (shift)
            prev_moment(a);
        else if (a->step > 0)
            go_to(a, a->step - 1);
        break;
    case SDLK_DOWN:
        a->playing = false;
        next_moment(a);
        break;
    case SDLK_UP:
        a->playing = false;
        prev_moment(a);
        break;
    case SDLK_HOME:
        go_to(a, 0);
        break;
    case SDLK_END:
        go_to(a, n ? n - 1 : 0);
        a->playing = false;
        break;
    case SDLK_PLUS:
    case SDLK_EQUALS:
    case SDLK_KP_PLUS:
        if (a->speed + 1 < NSPEEDS)
            a->speed++;
        break;
    case SDLK_MINUS:
    case SDLK_KP_MINUS:
        if (a->speed > 0)
            a->speed--;
        break;
    case SDLK_0:
        a->tl_from = a->tl_to = 0;
        break;
    case SDLK_r:
        reload(a);
        break;
    default:
        break;
    }
}

static void mouse_down(App *a, float x, float y)
{
    const ViewList *l = &a->list;
    if (a->gallery) {
        for (size_t i = 0; i < l->len; i++) {
            const ViewItem *it = &l->items[i];
            if (it->what == VW_GALLERY_ITEM && it->kind == VI_RRECT
                && over(&(ViewRect){ it->x, it->y, it->w, it->h }, x, y)) {
                a->sel = it->tag;
                open_lesson(a, it->tag);
                return;
            }
        }
        return;
    }
    if (over(&l->panels[VP_TIMELINE], x, y) && x >= l->tl_x0 - 4) {
        a->dragging = true;
        scrub(a, x);
    }
}

/* HiDPI: the window is created with SDL_WINDOW_ALLOW_HIGHDPI and laid out
 * in the drawable's pixels (SDL_GetRendererOutputSize), so text is
 * rendered at the screen's own resolution; the mouse reports window
 * coordinates, which are fewer where the screen packs 2 pixels a point. */
static void to_pixels(const App *a, int wx, int wy, float *x, float *y)
{
    int ww, wh, pw, ph;
    SDL_GetWindowSize(a->win, &ww, &wh);
    if (SDL_GetRendererOutputSize(a->ren, &pw, &ph) != 0 || ww <= 0 || wh <= 0) {
        pw = ww;
        ph = wh;
    }
    *x = ww > 0 ? (float)wx * (float)pw / (float)ww : (float)wx;
    *y = wh > 0 ? (float)wy * (float)ph / (float)wh : (float)wy;
}

static void check_file_changed(App *a)
{
    struct stat st;
    if ((a->path && stat(a->path, &st) == 0 && st.st_mtime != a->mtime)
        || (a->path && a->other_path && stat(a->other_path, &st) == 0 && st.st_mtime != a->other_mtime))
        reload(a);
}

/* ---- start and end */

/* The renderer. A GPU's, through SDL's default (OpenGL and the like), where
 * there is one; but where OpenGL would only be Mesa's software rasterizer
 * (llvmpipe: under Xvfb, or a machine without a GPU), SDL's own software
 * renderer into a plain X framebuffer is several times faster and starts
 * sooner (docs/performance.md). SDL_RENDER_DRIVER, when set, decides. */
static bool has_gpu_node(void)
{
#ifdef __linux__
    /* a GPU the user may render with has a render node */
    for (int i = 128; i < 136; i++) {
        char path[32];
        snprintf(path, sizeof path, "/dev/dri/renderD%d", i);
        struct stat st;
        if (stat(path, &st) == 0)
            return true;
    }
    return false;
#else
    return true;   /* elsewhere, ask GL_RENDERER (gl_is_software) */
#endif
}

static bool gl_is_software(SDL_Renderer *r)
{
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(r, &info) != 0 || !info.name || strncmp(info.name, "opengl", 6) != 0)
        return false;
    typedef const unsigned char *(*GetString)(unsigned);
    GetString get = (GetString)SDL_GL_GetProcAddress("glGetString");
    const char *name = get ? (const char *)get(0x1F01 /* GL_RENDERER */) : NULL;
    return name && (strstr(name, "llvmpipe") || strstr(name, "softpipe") || strstr(name, "Software Rasterizer")
                    || strstr(name, "swrast"));
}

/* LOOPSCOPE_KEYS: the keys scripted for this frame, as if pressed. */
static void scripted_keys(const App *a, long frame)
{
    for (const char *p = a->keys; p && *p;) {
        char *end;
        long at = strtol(p, &end, 10);
        if (end == p || *end != ':')
            return;
        const char *name = end + 1;
        size_t n = strcspn(name, ",");
        char buf[32];
        if (at == frame && n < sizeof buf) {
            memcpy(buf, name, n);
            buf[n] = 0;
            SDL_Event ev = { .type = SDL_KEYDOWN };
            ev.key.state = SDL_PRESSED;
            ev.key.keysym.sym = SDL_GetKeyFromName(buf);
            SDL_PushEvent(&ev);
        }
        p = name[n] ? name + n + 1 : name + n;
    }
}

static void report(const App *a)
{
    if (!a->report)
        return;
    if (a->gallery)
        fprintf(stderr, "loopscope: showing the gallery\n");
    else if (a->job)
        fprintf(stderr, "loopscope: showing the progress of %s\n",
                run_job_progress(a->job).part && a->other_path ? a->other_path : a->job_title);
    else if (a->have_run)
        fprintf(stderr, "loopscope: showing step %zu of %zu%s%s%s%s\n", a->step + 1, run_len(&a->run),
                a->run.banner[0] ? "; banner: " : "", a->run.banner, a->have_other ? "; compared with " : "",
                a->have_other ? a->other.name : "");
}

static long env_long(const char *name)
{
    const char *s = getenv(name);
    return s ? strtol(s, NULL, 10) : 0;
}

int window_main(const char *file, const WindowOptions *opt, const char *compare)
{
    char why[256];
    if (!sdl_api_load(why, sizeof why)) {
        fprintf(stderr, "loopscope: cannot open a window: %s\n"
                        "(run with --headless to see the program's output without one)\n", why);
        return 2;
    }
    App *a = calloc(1, sizeof *a);
    if (!a)
        return 2;
    a->opt = opt;
    a->speed = 2;   /* 1x */
    a->font_scale = 1;
    a->quit_after = env_long("LOOPSCOPE_QUIT_AFTER_FRAMES");
    a->shot_on_exit = getenv("LOOPSCOPE_SCREENSHOT_ON_EXIT");
    a->frame_stats = env_long("LOOPSCOPE_FRAME_STATS") > 0;
    a->keys = getenv("LOOPSCOPE_KEYS");
    a->started = SDL_GetPerformanceCounter();
    a->bench = env_long("LOOPSCOPE_BENCH") > 0;
    if (a->bench) {
        a->frame_stats = true;
        a->speed = NSPEEDS - 1;
    }
    a->report = env_long("LOOPSCOPE_REPORT_ON_EXIT") > 0;
    a->no_prepare = env_long("LOOPSCOPE_NO_PREPARE") > 0;
    const char *theme = getenv("LOOPSCOPE_THEME");
    a->theme = theme && strcmp(theme, "dark") == 0 ? VIEW_THEME_DARK : VIEW_THEME_LIGHT;
    load_gallery(a);

    /* the simulation starts now, on its thread, while the window opens */
    const char *start = getenv("LOOPSCOPE_START_STEP");
    if (start) {
        a->keep_end = strcmp(start, "end") == 0;
        a->step = a->keep_end ? 0 : (size_t)strtoul(start, NULL, 10);
    }
    if (file) {
        a->other_path = compare;
        if (!open_file(a, file)) {
            leave_job(a);
            run_jobs_wait(2);
            if (a->have_run)
                run_free(&a->run);
            free(a);
            return 2;
        }
    } else {
        a->gallery = true;
    }

    int w = 1280, h = 720;
    const char *size = getenv("LOOPSCOPE_WINDOW_SIZE");
    if (size && sscanf(size, "%dx%d", &w, &h) != 2)
        w = 1280, h = 720;
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, "loopscope: cannot open a window: %s\n"
                        "(run with --headless to see the program's output without one)\n", SDL_GetError());
        leave_job(a);
        run_jobs_wait(2);
        if (a->have_other)
            run_free(&a->other);
        free(a);
        return 2;
    }
    if (!size) {
        SDL_Rect usable;
        if (SDL_GetDisplayUsableBounds(0, &usable) == 0 && usable.w >= 1400 && usable.h >= 850) {
            w = usable.w * 9 / 10;
            h = usable.h * 9 / 10;
        }
    }
    bool soft = !getenv("SDL_RENDER_DRIVER") && !has_gpu_node();
    if (soft)
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    a->win = SDL_CreateWindow("loopscope", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h,
                              SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (a->win && !soft)
        a->ren = SDL_CreateRenderer(a->win, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (a->ren && !getenv("SDL_RENDER_DRIVER") && gl_is_software(a->ren)) {
        SDL_DestroyRenderer(a->ren);
        a->ren = NULL;
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    }
    if (a->win && !a->ren)
        a->ren = SDL_CreateRenderer(a->win, -1, SDL_RENDERER_SOFTWARE);
    if (a->ren)
        a->be = backend_new(a->ren);
    if (!a->be) {
        fprintf(stderr, "loopscope: cannot open a window: %s\n", SDL_GetError());
        if (a->ren)
            SDL_DestroyRenderer(a->ren);
        if (a->win)
            SDL_DestroyWindow(a->win);
        SDL_Quit();
        leave_job(a);
        run_jobs_wait(2);
        if (a->have_run)
            run_free(&a->run);
        if (a->have_other)
            run_free(&a->other);
        free(a);
        return 2;
    }
    SDL_SetWindowMinimumSize(a->win, 640, 400);
    a->window_ms = (double)(SDL_GetPerformanceCounter() - a->started) * 1000.0 / (double)SDL_GetPerformanceFrequency();
    view_list_init(&a->list);
    view_list_init(&a->ahead);

    Uint64 last = SDL_GetPerformanceCounter();
    double since_check = 0;
    long frames = 0;
    while (!a->quit) {
        SDL_Event ev;
        scripted_keys(a, frames);
        /* paused and settled: sleep until something happens (but wake to
         * notice the file changing on disk) */
        bool settled = !a->playing && a->in_step >= BEAT_SECONDS / speeds[a->speed] && !a->job;
        if (settled && !a->quit_after && SDL_WaitEventTimeout(&ev, 500))
            SDL_PushEvent(&ev);
        while (SDL_PollEvent(&ev)) {
            switch (ev.type) {
            case SDL_QUIT:
                a->quit = true;
                break;
            case SDL_KEYDOWN:
                key(a, &ev.key);
                break;
            case SDL_MOUSEBUTTONDOWN:
                if (ev.button.button == SDL_BUTTON_LEFT) {
                    float x, y;
                    to_pixels(a, ev.button.x, ev.button.y, &x, &y);
                    mouse_down(a, x, y);
                }
                break;
            case SDL_MOUSEBUTTONUP:
                a->dragging = false;
                break;
            case SDL_MOUSEMOTION:
                if (a->dragging) {
                    float x, y;
                    to_pixels(a, ev.motion.x, ev.motion.y, &x, &y);
                    scrub(a, x);
                }
                break;
            case SDL_MOUSEWHEEL: {
                int mx, my;
                float x, y;
                SDL_GetMouseState(&mx, &my);
                to_pixels(a, mx, my, &x, &y);
                if (!a->gallery && !a->job && over(&a->list.panels[VP_TIMELINE], x, y))
                    zoom(a, x, ev.wheel.y > 0 ? 0.8 : 1.25);
                break;
            }
            default:
                break;
            }
        }
        Uint64 now = SDL_GetPerformanceCounter();
        double dt = (double)(now - last) / (double)SDL_GetPerformanceFrequency();
        last = now;
        if (dt > 0.25)
            dt = 0.25;   /* after a stall (a reload), do not skip ahead */
        if (a->job && run_job_progress(a->job).done) {
            take_run(a);
            a->playing = a->bench;
            if (a->bench)
                a->in_step = 0;
        }
        if (a->bench && !a->job && !a->playing && a->have_run) {
            go_to(a, 0);   /* round and round */
            a->playing = true;
        }
        if (!a->playing && a->in_step < 10)
            a->in_step += dt;
        advance(a, dt);
        since_check += dt;
        if (since_check > 0.5) {
            since_check = 0;
            check_file_changed(a);
        }
        double anim = a->in_step / (BEAT_SECONDS * VIEW_GLIDE / speeds[a->speed]);
        Uint64 f0 = SDL_GetPerformanceCounter();
        double cpu0 = a->frame_stats ? thread_cpu_ms() : 0;
        frame(a, anim > 1 ? 1 : anim);
        frames++;
        bool last_frame = a->quit_after && frames >= a->quit_after;
        if (last_frame && a->shot_on_exit)
            save_png(a, a->shot_on_exit);   /* before present: the back buffer still holds it */
        SDL_RenderPresent(a->ren);
        count_frame(a, f0, cpu0);
        if (last_frame)
            a->quit = true;
        /* without vsync (a software renderer, Xvfb) keep to about 60 frames
         * a second; the time left first renders the next step's texts */
        Uint64 spent = SDL_GetPerformanceCounter() - now;
        double ms = (double)spent * 1000.0 / (double)SDL_GetPerformanceFrequency();
        if (!a->no_prepare)
            prepare_next_step(a, a->bench ? 4 : 14 - ms);
        ms = (double)(SDL_GetPerformanceCounter() - now) * 1000.0 / (double)SDL_GetPerformanceFrequency();
        if (ms < 16 && !a->bench)
            SDL_Delay((Uint32)(16 - ms));
    }
    print_frame_stats(a);
    report(a);
    if (a->job) {
        RunProgress pr = run_job_progress(a->job);
        fprintf(stderr, "loopscope: left while simulating: %zu events so far, t = %.3f s\n", pr.events,
                (double)pr.t_ns * 1e-9);
    }
    leave_job(a);
    /* an abandoned simulation stops at its next event; a long stretch of
     * computation without one is not waited for beyond this */
    run_jobs_wait(2);
    free(a->frame_ms);
    free(a->notes);
    view_list_free(&a->list);
    view_list_free(&a->ahead);
    backend_free(a->be);
    SDL_DestroyRenderer(a->ren);
    SDL_DestroyWindow(a->win);
    SDL_Quit();
    if (a->have_run)
        run_free(&a->run);
    if (a->have_other)
        run_free(&a->other);
    free(a);
    return 0;
}
