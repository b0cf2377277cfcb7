/*
 * view.h - what is on screen, as data: the display list, the themes, and the
 * layout that turns the state of a run at one step into a display list.
 *
 * The layout is a pure function: (the state at a step, the trace it was
 * rebuilt from, the source text, the layout parameters) -> a display list of
 * rectangles, lines and text runs coloured by theme roles. It reads the
 * trace and replay (src/trace) and nothing else: no VM, no simulator, no SDL.
 * The SDL backend (src/backend) draws display lists; the SVG and PNG exports
 * (issue 5) will consume the same lists, so the window and a slide agree.
 * Tests assert on the lists (tests/unit/view).
 *
 * Text is measured through a callback, so the layout needs no font library:
 * the window passes SDL_ttf's measurement, the tests a fixed-advance one.
 *
 * Prefix: view_.
 */
#ifndef LOOPSCOPE_VIEW_H
#define LOOPSCOPE_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "trace.h"
#include "replay.h"

/* ---- colours: the display list names roles; a theme gives them colours */

#define VIEW_ROLES(X) \
    X(BG) X(PANEL) X(PANEL_EDGE) X(HEADER_BG) X(HEADER_TEXT) X(TEXT) X(TEXT_DIM) X(HEADING) \
    X(ACCENT) X(ON_CHIP) X(RUNNING) X(READY) X(WAITING) X(CREATED) X(DONE) \
    X(FAILED) X(CANCELLED) X(DESTROYED) X(BLOCKED) X(IDLE) X(TIMER) X(WORKER) \
    X(LINE_HL) X(AWAIT_MARK) X(ERROR) X(STDERR) X(PLAYHEAD) X(GRID) X(SHADE) \
    X(SELECTED)

typedef enum ViewRole {
#define VIEW_ROLE_ENUM(n) VR_##n,
    VIEW_ROLES(VIEW_ROLE_ENUM)
#undef VIEW_ROLE_ENUM
    VR__COUNT
} ViewRole;

typedef struct ViewColor { uint8_t r, g, b, a; } ViewColor;

typedef enum ViewTheme { VIEW_THEME_LIGHT, VIEW_THEME_DARK, VIEW_THEME__COUNT } ViewTheme;

ViewColor view_theme_color(ViewTheme theme, ViewRole role);
const char *view_theme_name(ViewTheme theme);
const char *view_role_name(ViewRole role);
/* WCAG contrast ratio of two colours (1..21): the themes are tested for
 * projector-grade contrast with it. */
double view_contrast(ViewColor a, ViewColor b);

/* ---- the display list */

typedef enum ViewFont { VF_SANS, VF_BOLD, VF_MONO, VF__COUNT } ViewFont;

typedef enum ViewItemKind {
    VI_RECT,      /* filled rectangle x, y, w, h */
    VI_RRECT,     /* filled rounded rectangle; r = corner radius */
    VI_FRAME,     /* rectangle outline; r = thickness */
    VI_LINE,      /* from (x, y) to (x + w, y + h); r = thickness */
    VI_TEXT,      /* one line of text, top-left at (x, y); w = its measured width,
                     h = the line height; r = the font size in pixels */
    VI_CLIP,      /* from here on, draw only inside x, y, w, h */
    VI_UNCLIP,    /* back to the whole window */
} ViewItemKind;

/* The panels, so that tests can check they do not overlap and the app can
 * tell what the mouse is over. */
typedef enum ViewPanel {
    VP_NONE, VP_HEADER, VP_SOURCE, VP_LOOP, VP_TASKS, VP_EXPLAIN, VP_TIMELINE,
    VP_CONSOLE, VP_GALLERY, VP_HELP, VP__COUNT
} ViewPanel;

/* What an item shows, with `tag` naming which one: lets tests say "the ready
 * queue's items in order" and lets the app hit-test a click. */
typedef enum ViewWhat {
    VW_NONE,
    VW_CODE_LINE,      /* tag = line number */
    VW_CODE_RUNNING,   /* the running line's highlight; tag = line */
    VW_AWAIT_MARK,     /* a suspended task's marker; tag = task id */
    VW_ERROR_LINE,     /* a rejected file's error line; tag = line */
    VW_LOOP_STATUS,    /* the running slot / idle / blocked; tag = task id or 0 */
    VW_READY_ITEM,     /* tag = the handle's task id (0: a plain callback) */
    VW_TIMER_ITEM,     /* tag = the timer's task id (0: none) */
    VW_WORKER,         /* tag = worker id */
    VW_GIL,            /* tag = the holder (0: loop's thread) */
    VW_TASK_CARD,      /* tag = task id */
    VW_TL_ROW,         /* a timeline row label; tag = task id (0: the loop) */
    VW_TL_SEGMENT,     /* tag = task id (0: the loop) */
    VW_TL_MARK,        /* tag = task id */
    VW_PLAYHEAD,
    VW_CONSOLE_LINE,   /* tag = output index */
    VW_EXPLAIN,
    VW_GALLERY_ITEM,   /* tag = lesson index */
    VW_MORE,           /* "+N more": what did not fit; tag = N */
    VW_BANNER,         /* the run was cut short: which limit (view_limit_banner) */
    VW_PROGRESS,       /* the simulation's progress (view_layout_progress) */
} ViewWhat;

typedef struct ViewItem {
    uint8_t kind;      /* ViewItemKind */
    uint8_t role;      /* ViewRole */
    uint8_t font;      /* ViewFont (text) */
    uint8_t alpha;     /* multiplies the role colour's alpha: fades */
    uint8_t panel;     /* ViewPanel */
    uint8_t what;      /* ViewWhat */
    uint32_t tag;
    float x, y, w, h, r;
    uint32_t text, len;  /* VI_TEXT: bytes [text, text + len) of the list's pool */
} ViewItem;

typedef struct ViewRect { float x, y, w, h; } ViewRect;

typedef struct ViewList {
    ViewItem *items;
    size_t len, cap;
    char *pool;                   /* the text runs' bytes */
    size_t pool_len, pool_cap;
    ViewTheme theme;              /* the colours the roles map to */
    ViewRect panels[VP__COUNT];   /* w == 0: the panel is not shown */
    /* The timeline's time axis, for scrubbing: x in [tl_x0, tl_x1] is
     * virtual time tl_t0 + (x - tl_x0) / (tl_x1 - tl_x0) * (tl_t1 - tl_t0). */
    float tl_x0, tl_x1;
    double tl_t0, tl_t1;
} ViewList;

void view_list_init(ViewList *l);
void view_list_clear(ViewList *l);   /* keeps the memory for the next frame */
void view_list_free(ViewList *l);
const char *view_item_text(const ViewList *l, const ViewItem *it);

/* ---- text measurement */

/* The width in pixels of s[0..n) (UTF-8) in font at size pixels. */
typedef float (*ViewMeasure)(void *ud, ViewFont font, float size, const char *s, size_t n);

/* A fixed advance of 0.6 em per code point: DejaVu Sans Mono's, close
 * enough for proportional text in tests. */
float view_measure_fixed(void *ud, ViewFont font, float size, const char *s, size_t n);

/* ---- the timeline: derived once from the whole trace */

typedef enum ViewSegKind {
    VS_READY, VS_RUNNING, VS_WAITING,   /* a task's row */
    VS_IDLE, VS_BLOCKED,                /* the loop's row */
    VS_WORKER_BUSY,                     /* a worker's row */
} ViewSegKind;

typedef enum ViewMarkKind {
    VM_CREATED, VM_DONE, VM_FAILED, VM_CANCEL_REQUEST, VM_CANCELLED,
    VM_DESTROYED, VM_EXC_LOST, VM_UNREF,
} ViewMarkKind;

typedef struct ViewSegment {
    int64_t t0, t1;       /* virtual ns */
    size_t step0, step1;  /* the events that open and close it */
    uint32_t row;         /* index in rows (0 is the loop) */
    uint8_t kind;         /* ViewSegKind */
} ViewSegment;

typedef struct ViewMark {
    int64_t t;
    size_t step;
    uint32_t row;
    uint8_t kind;         /* ViewMarkKind */
} ViewMark;

#define VIEW_ROW_WORKER 0x80000000u

typedef struct ViewTimeline {
    uint32_t *row_task;   /* row r shows task row_task[r]; row 0 the loop (0); worker
                             rows, after the tasks, hold VIEW_ROW_WORKER | worker id */
    TraceStr *row_name;   /* a task row's name at the end of the run (0: none), so rows
                             of tasks not created yet at a step can still be labelled */
    size_t nrows;
    ViewSegment *segs;    /* by row, then time */
    size_t nsegs;
    ViewMark *marks;      /* in step order */
    size_t nmarks;
    int64_t t_end;        /* the last event's time */
} ViewTimeline;

/* Reads the whole trace through a replay of its own. */
ViewTimeline *view_timeline_build(const Trace *t);
void view_timeline_free(ViewTimeline *tl);

/* How long a stretch of `gap` virtual seconds between two events plays at
 * 1x, in real seconds: up to 1 s as it is; longer ones compressed, 1 + ln
 * gap, and never more than VIEW_GAP_MAX (reached at about 20 s), so a long
 * sleep is felt as long without stalling the lesson. */
#define VIEW_GAP_MAX 4.0
double view_gap_seconds(double gap);

/* Playback at 1x: each event is shown for a beat, however little virtual
 * time it takes, and the tasks glide to their new places in the first
 * VIEW_GLIDE of it (ViewParams.anim); the window and an animated export
 * play alike. */
#define VIEW_BEAT_SECONDS 0.7
#define VIEW_GLIDE 0.6

/* ---- the scene at one step, and the layout */

typedef struct ViewError {
    int line, col;            /* where the scenario was rejected (1-based) */
    const char *message;
} ViewError;

typedef struct ViewScene {
    const char *title;        /* the scenario's file name */
    const char *source;       /* its text (need not be NUL-terminated) */
    size_t source_len;
    const ViewError *error;   /* non-NULL: the file was rejected, nothing ran */
    const Trace *trace;       /* the run (NULL with error) */
    const Replay *replay;     /* for the output's steps */
    const ViewTimeline *timeline;
    const TraceState *state;  /* after the current step */
    const TraceState *prev;   /* before it (the previous step); NULL at step 0 */
    const char *banner;       /* non-NULL: the run was cut short, shown at every step
                                 (view_limit_banner) */
    bool user_stopped;        /* the user stopped the simulation (the window's x): its
                                 instruction-budget message is told as that */
} ViewScene;

typedef struct ViewParams {
    int width, height;        /* pixels */
    float font_scale;         /* 1: the size that suits the window; ctrl +/- */
    ViewTheme theme;
    float anim;               /* 0..1: how far the move into the current step has got
                                 (1: settled); tasks glide between slots with it */
    double tl_from, tl_to;    /* the timeline's visible virtual seconds (to <= from:
                                 the whole run) */
    float between;            /* 0..1: how far playback has got from this step's
                                 virtual time toward the next event's; the clock
                                 and the playhead glide there (0: this step's) */
    double speed;             /* shown in the header */
    bool playing;
    bool help;                /* the help overlay */
    bool still;               /* a still picture (a slide export), not the window: the
                                 header shows the time and step, not playback or help */
    double clock;             /* virtual seconds the playhead and a still's header clock
                                 show, when later than the step's own time (an animation
                                 frame between two events); 0: the step's time */
    unsigned panels;          /* VIEW_PANEL_BIT()s to show, laid out to fill the picture
                                 (a slide of one idea); 0: the whole screen */
    ViewMeasure measure;
    void *measure_ud;
} ViewParams;

#define VIEW_PANEL_BIT(p) (1u << (p))

/* The panels a slide can ask for by name ("code", "queue", "tasks",
 * "timeline", "console", "explain", "header"): VP_NONE for another name.
 * view_panel_names() lists them for a message. */
ViewPanel view_panel_by_name(const char *name, size_t len);
const char *view_panel_names(void);

/* The base text size in pixels for a window and font scale: what every
 * other size in the layout is a multiple of. */
float view_base_size(const ViewParams *p);

/* The main screen: all panels at the scene's step. Clears `out` first. */
void view_layout(ViewList *out, const ViewScene *scene, const ViewParams *p);

/* Two runs, one above the other on one time axis (the same range and
 * scale on both timelines: tl_from/tl_to when given, else 0 to the later
 * end), each with its file name; p->panels chooses the panels of each
 * (0: the header, the source and the timeline). The clock, when
 * given, places both playheads at the same moment. */
void view_layout_compare(ViewList *out, const ViewScene *a, const ViewScene *b, const ViewParams *p);

/* The lesson gallery. */
typedef struct ViewLesson {
    const char *file;         /* 02_sequential_vs_gather.py */
    const char *title;        /* the docstring's first line */
    const char *blurb;        /* the first paragraph of its body, its lines joined */
} ViewLesson;

void view_layout_gallery(ViewList *out, const ViewLesson *lessons, size_t n, size_t selected,
                         const ViewParams *p);

/* A simulation still running (the window runs it on a thread of its own):
 * what it has recorded so far, and an indicator that moves with real time,
 * so a long scenario shows it is alive and the keys to leave it. */
typedef struct ViewProgress {
    const char *title;        /* the scenario's file name */
    size_t events;            /* recorded so far */
    double virtual_s;         /* the virtual time reached */
    double elapsed_s;         /* real seconds since it started: drives the indicator */
    bool stopping;            /* the user asked it to stop: waiting for the next event */
} ViewProgress;

void view_layout_progress(ViewList *out, const ViewProgress *pr, const ViewParams *p);

/* Where the progress indicator's moving block is, 0..1 across its track:
 * it sweeps there and back every two seconds (eased at the ends). */
float view_progress_phase(double elapsed_s);

/* The title and first body line of a scenario's docstring, copied into
 * buf (both NUL-terminated, pointing into buf); false when it has none. */
bool view_docstring(const char *src, size_t len, char *buf, size_t cap,
                    const char **title, const char **blurb);

/* ---- words */

/* One plain sentence saying what the event at s->step did and why, written
 * into buf (always NUL-terminated); returns its length. prev is the state
 * before that event (NULL at step 0). */
size_t view_explain(const Trace *t, const TraceState *prev, const TraceState *s, char *buf,
                    size_t cap);

/* The limits a run was given, for the banner's "raise it" advice. */
typedef struct ViewLimits {
    unsigned long long max_steps;
    size_t max_memory_mb;
    int recursion_limit;      /* the limit in effect at the end */
    bool recursion_set_by_program;   /* sys.setrecursionlimit changed it */
    bool stopped;             /* the user stopped the simulation (the window's x key) */
} ViewLimits;

/* When the run was cut short (a --max-steps or --max-memory limit, an
 * uncaught RecursionError, or stopped by the user), one line saying which
 * limit, when, and how to raise it, written into buf; returns its length,
 * 0 (and "") when the run ended by itself. */
size_t view_limit_banner(const Trace *t, const ViewLimits *lim, char *buf, size_t cap);

/* The task with that id in s, or NULL (tasks are in creation order, and ids
 * grow with creation, so this is a binary search). */
const TraceTaskState *view_find_task(const TraceState *s, uint32_t id);

#endif
