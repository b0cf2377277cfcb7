/*
 * export.h - slide export with no window: `loopscope --screenshot OUT.png`
 * and `--svg OUT.svg` (docs/slides.md). Runs the scenario as the window does
 * (run.h), lays out one step with the window's own layout call, and draws
 * it with SDL's software renderer into an offscreen surface: no display
 * server, no video subsystem. The same inputs give the same bytes.
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
    /* prints a rejected file's FILE:LINE:COL message (main.c's, with the caret) */
    void (*report_error)(const char *path, const char *src, size_t len, int line, int col,
                         const char *message);
} ExportOptions;

/* Returns the exit status: 0 when every file was written (also when the
 * scenario raised: the picture shows the failure), 2 when the file was
 * rejected, a step or time is past the end, or a file cannot be written
 * (then no file is left behind). */
int export_main(const char *file, const WindowOptions *run, const ExportOptions *e);

#endif
