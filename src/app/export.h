/*
 * export.h - slide export with no window: `loopscope --screenshot OUT.png`,
 * `--svg OUT.svg`, `--gif OUT.gif` and `--frames DIR` (docs/slides.md).
 * Runs the scenario as the window does (run.h) - and a second one beside
 * it with --compare - lays out a moment with the window's own layout call,
 * and draws it with SDL's software renderer into an offscreen surface: no
 * display server, no video subsystem. The same inputs give the same bytes.
 */
#ifndef LOOPSCOPE_EXPORT_H
#define LOOPSCOPE_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include "window.h"

typedef enum ExportAt { EXPORT_AT_END, EXPORT_AT_TIME, EXPORT_AT_STEP } ExportAt;

typedef struct ExportOptions {
    const char *png_path;          /* --screenshot (NULL: none) */
    const char *svg_path;          /* --svg (NULL: none) */
    ExportAt at;
    double at_seconds;             /* --at SECONDS */
    const char *at_text;           /* as given, for messages */
    unsigned long long step;       /* --step N, counted from 1 as the header does */
    int width, height;             /* --size */
    float font_scale;              /* --scale */
    bool dark;                     /* --theme dark */
    bool size_given;               /* --size was given (an animation's default is smaller) */
    const char *gif_path;          /* --gif (NULL: none) */
    const char *frames_dir;        /* --frames (NULL: none) */
    double from_s, to_s;           /* --from, --to: virtual seconds */
    bool have_from, have_to;       /* given (--to end counts as not given) */
    const char *from_text, *to_text;
    int fps;                       /* --fps, 1 to 50 */
    double speed;                  /* --speed: the window's playback speed (4: 4x) */
    unsigned panels;               /* --panels: VIEW_PANEL_BIT()s; 0: the whole screen */
    const char *compare_path;      /* --compare OTHER.py (NULL: none) */
    /* prints a rejected file's FILE:LINE:COL message (main.c's, with the caret) */
    void (*report_error)(const char *path, const char *src, size_t len, int line, int col,
                         const char *message);
} ExportOptions;

/* The animations' defaults (docs/slides.md). */
#define EXPORT_DEFAULT_FPS 15
#define EXPORT_DEFAULT_SPEED 4     /* the window's 4x: a lesson in 5 to 25 s */
#define EXPORT_MAX_FPS 50          /* GIF delays are hundredths of a second; viewers slow
                                      anything under 2 of them down */
#define EXPORT_MAX_FRAMES 10000
#define EXPORT_GIF_WIDTH 1280      /* a GIF's size when --size is not given */
#define EXPORT_GIF_HEIGHT 720
#define EXPORT_GIF_HOLD_CS 200     /* the last frame stays 2 s before the loop starts over */

/* Returns the exit status: 0 when every file was written (also when the
 * scenario raised: the picture shows the failure), 2 when a file was
 * rejected, a step or time is past the end, or a file cannot be written
 * (then no file is left behind: all the files of one command appear
 * together or none does). */
int export_main(const char *file, const WindowOptions *run, const ExportOptions *e);

#endif
