/*
 * main.c - the command line.
 *
 *   loopscope --headless FILE.py     run FILE with no window
 *   loopscope --trace T.jsonl ...    and record every scheduling event
 *   loopscope --screenshot OUT.png --svg OUT.svg [--at T|--step N] FILE.py
 *                                    a picture of one step, no window (export.c)
 *   loopscope --gif OUT.gif --frames DIR [--from T0 --to T1 --fps N] FILE.py
 *                                    the run animated (export.c)
 *
 * Exit status as python3's: 0, or 1 after an uncaught exception; 2 when
 * loopscope rejects the file (syntax error, unsupported construct) or the
 * command line.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lang.h"
#include "vm.h"
#include "internal.h"
#include "sim.h"
#include "trace.h"
#include "default_scenario.h"
#include "window.h"
#include "export.h"
#include "view.h"

#ifndef LOOPSCOPE_VERSION
#define LOOPSCOPE_VERSION "0.0.0"
#endif

#define STR_(x) #x
#define STR(x) STR_(x)
#define EXPORT_MAX_FPS_TEXT STR(EXPORT_MAX_FPS)

#define MAX_SOURCE_BYTES ((size_t)16 << 20)

static void usage(FILE *to)
{
    fputs("usage: loopscope [options] [FILE.py]\n"
          "\n"
          "Runs a Python asyncio scenario on a deterministic virtual clock and shows\n"
          "how the event loop schedules it.\n"
          "\n"
          "options:\n"
          "  --headless          run FILE with no window: the program's output on\n"
          "                      stdout and stderr, exactly as CPython 3.12 prints it\n"
          "  --dis               print the bytecode loopscope compiled FILE to, and exit\n"
          "  --max-steps N       stop a run-away program after N VM instructions\n"
          "                      (default 2000000000; 0 = no limit)\n"
          "  --max-memory MB     cap the program's heap (default 2048 MB)\n"
          "  --recursion-limit N Python's recursion limit (default 1000)\n"
          "  --cpu-cost NS       virtual nanoseconds each VM instruction costs\n"
          "                      (default " SIM_DEFAULT_CPU_COST_TEXT "; 0 = computation is free, so\n"
          "                      equal delays give exactly equal deadlines)\n"
          "  --workers N         worker threads of the default executor\n"
          "                      (default: CPython's min(32, cpus + 4) for "
          SIM_VIRTUAL_CPUS_TEXT " virtual cpus)\n"
          "  --trace FILE        write every scheduling event to FILE\n"
          "  --trace-format F    jsonl (JSON Lines, the default) or chrome (the\n"
          "                      trace event format Perfetto and chrome://tracing open)\n"
          "  --help              show this help and exit\n"
          "  --version           show the version and exit\n"
          "\n"
          "slide export (no window, no display server; docs/slides.md):\n"
          "  --screenshot OUT.png  draw one step of FILE's run as a PNG\n"
          "  --svg OUT.svg       the same picture as an SVG (vector shapes, real text)\n"
          "  --at SECONDS        the state at that virtual time: after the last step at\n"
          "                      or before it, read to the millisecond; --at end (the\n"
          "                      default) is after the last step\n"
          "  --step N            the state after step N (1 to the number of steps,\n"
          "                      as the header counts them)\n"
          "  --gif OUT.gif       the run played as the window plays it, as a looping\n"
          "                      GIF (the last frame held 2 s; default size 1280x720)\n"
          "  --frames DIR        the same frames as PNGs DIR/frame_0001.png, ... (DIR\n"
          "                      made if missing)\n"
          "  --from T0, --to T1  the events played, by virtual time in seconds\n"
          "                      (default 0 to the end; --to end)\n"
          "  --speed X           the window's playback speed, 0.25 to 64 (default 4)\n"
          "  --fps N             frames a second, 1 to 50 (default 15)\n"
          "  --size WxH          the picture's size in pixels (default 1920x1080;\n"
          "                      640x360 to 7680x4320)\n"
          "  --theme T           light (the default) or dark\n"
          "  --scale F           text size, 0.5 to 2.5 (default 1, the window's)\n"
          "  --panels LIST       only these panels, filling the picture: a comma list\n"
          "                      of code, queue, tasks, timeline, console, explain,\n"
          "                      header (such as --panels code,timeline)\n"
          "  --compare OTHER.py  OTHER's run below FILE's, on one time axis, in the\n"
          "                      export or the window (its panels: header, code and\n"
          "                      timeline, unless --panels says otherwise)\n"
          "\n"
          "exit status: the program's (0, or 1 after an uncaught exception);\n"
          "2 when loopscope rejects the file or the command line. An export: 0 when\n"
          "the files were written (even if the program raised: the picture shows it),\n"
          "2 when not (and then no file is left behind).\n",
          to);
}

static void write_stdout(void *ud, const char *s, size_t n)
{
    (void)ud;
    fwrite(s, 1, n, stdout);
}

static void write_stderr(void *ud, const char *s, size_t n)
{
    (void)ud;
    fflush(stdout);
    fwrite(s, 1, n, stderr);
    fflush(stderr);
}

static char *read_file(const char *path, size_t *len_out)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "loopscope: cannot open '%s': %s\n", path, strerror(errno));
        return NULL;
    }
    size_t cap = 65536, len = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (!buf) {
            fclose(f);
            fputs("loopscope: out of memory\n", stderr);
            return NULL;
        }
        size_t n = fread(buf + len, 1, cap - len, f);
        len += n;
        if (n == 0)
            break;
        if (len == cap) {
            if (cap >= MAX_SOURCE_BYTES) {
                fclose(f);
                free(buf);
                fprintf(stderr, "loopscope: '%s' is larger than %zu MB\n", path, MAX_SOURCE_BYTES >> 20);
                return NULL;
            }
            cap *= 2;
            buf = realloc(buf, cap);
        }
    }
    fclose(f);
    *len_out = len;
    return buf;
}

/* FILE:LINE:COL: error: MESSAGE, then the line and a caret under COL. */
static void report_compile_error(const char *path, const char *src, size_t len, const LangError *err)
{
    fprintf(stderr, "%s:%d:%d: error: %s\n", path, err->line, err->col, err->message);
    const char *s = src, *end = src + len;
    for (int l = 1; l < err->line && s < end; l++) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        s = nl ? nl + 1 : end;
    }
    if (s >= end && err->line > 1)
        return;
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
    if (n && s[n - 1] == '\r')
        n--;
    fprintf(stderr, "    %.*s\n    ", (int)n, s);
    /* the caret goes under column col (counted in code points); tabs kept */
    int cp = 1;
    for (size_t i = 0; i < n && cp < err->col; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c & 0xC0) == 0x80)
            continue;
        fputc(c == '\t' ? '\t' : ' ', stderr);
        cp++;
    }
    fputs("^\n", stderr);
}

/* The same, for the export (export.h's report_error). */
static void report_rejected(const char *path, const char *src, size_t len, int line, int col, const char *message)
{
    LangError err = { .line = line, .col = col };
    snprintf(err.message, sizeof err.message, "%s", message);
    report_compile_error(path, src, len, &err);
}

/* CPython prints compile-time SyntaxWarnings before running: the place,
 * the message, and the stripped source line. */
static void report_warnings(const char *path, const char *src, size_t len, const LangWarning *w, int n)
{
    for (int i = 0; i < n; i++) {
        fprintf(stderr, "%s:%d: SyntaxWarning: %s\n", path, w[i].line, w[i].message);
        const char *s = src, *end = src + len;
        for (int l = 1; l < w[i].line && s < end; l++) {
            const char *nl = memchr(s, '\n', (size_t)(end - s));
            s = nl ? nl + 1 : end;
        }
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *e = nl ? nl : end;
        while (s < e && (*s == ' ' || *s == '\t' || *s == '\f'))
            s++;
        while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
            e--;
        fprintf(stderr, "  %.*s\n", (int)(e - s), s);
    }
}

/* What the command line asked for. */
typedef struct Options {
    const char *file;
    bool headless, dis;
    unsigned long long max_steps, max_mb, rec_limit, workers;
    double cpu_cost_ns;
    const char *trace_path;
    bool trace_chrome;
    ExportOptions exp;             /* --screenshot, --svg and their options */
    const char *export_only;       /* the first export option given (for messages) */
    bool have_at, have_step, have_fps, have_speed;
} Options;

static bool parse_u64(const char *s, unsigned long long *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end || !*s || s[0] == '-')
        return false;
    *out = v;
    return true;
}

/* A number from 0 to max (nanoseconds, seconds, a scale). */
static bool parse_number(const char *s, double max, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || *end || !*s || !(v >= 0) || v > max)
        return false;
    *out = v;
    return true;
}

/* WxH: whole numbers of pixels, within what a slide can use. */
static bool parse_size(const char *s, int *w, int *h)
{
    unsigned long a = 0, b = 0;
    const char *p = s;
    if (*p < '0' || *p > '9')
        return false;
    while (*p >= '0' && *p <= '9' && a < 100000)
        a = a * 10 + (unsigned long)(*p++ - '0');
    if (*p != 'x' && *p != 'X')
        return false;
    p++;
    if (*p < '0' || *p > '9')
        return false;
    while (*p >= '0' && *p <= '9' && b < 100000)
        b = b * 10 + (unsigned long)(*p++ - '0');
    if (*p || a < 640 || a > 7680 || b < 360 || b > 4320)
        return false;
    *w = (int)a;
    *h = (int)b;
    return true;
}

/* --panels code,timeline: each name once, at least one. */
static bool parse_panels(const char *s, unsigned *mask)
{
    *mask = 0;
    for (;;) {
        const char *comma = strchr(s, ',');
        size_t n = comma ? (size_t)(comma - s) : strlen(s);
        while (n && *s == ' ')
            s++, n--;
        while (n && s[n - 1] == ' ')
            n--;
        ViewPanel p = view_panel_by_name(s, n);
        if (p == VP_NONE)
            return false;
        *mask |= VIEW_PANEL_BIT(p);
        if (!comma)
            return true;
        s = comma + 1;
    }
}

/* Options take their value as the next argument or after '=' (--cpu-cost=0).
 * Returns -1 to go on, else the exit status main should return. */
static int parse_args(int argc, char **argv, Options *o)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || !a[1]) {
            if (o->file) {
                fprintf(stderr, "loopscope: only one scenario file at a time ('%s' and '%s')\n", o->file, a);
                return 2;
            }
            o->file = a;
            continue;
        }
        char opt[64];
        const char *val = NULL, *eq = strchr(a, '=');
        size_t n = eq ? (size_t)(eq - a) : strlen(a);
        if (n >= sizeof opt)
            n = sizeof opt - 1;
        memcpy(opt, a, n);
        opt[n] = 0;
        if (eq)
            val = eq + 1;

        if (strcmp(opt, "--help") == 0 || strcmp(opt, "-h") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(opt, "--version") == 0) {
            printf("loopscope %s\n", LOOPSCOPE_VERSION);
            return 0;
        } else if (strcmp(opt, "--headless") == 0) {
            o->headless = true;
            continue;
        } else if (strcmp(opt, "--dis") == 0) {
            o->dis = true;
            continue;
        }
        static const char *const valued[] = {
            "--max-steps", "--max-memory", "--recursion-limit", "--workers",
            "--cpu-cost", "--trace", "--trace-format",
            "--screenshot", "--svg", "--at", "--step", "--size", "--theme", "--scale",
            "--gif", "--frames", "--from", "--to", "--fps", "--panels", "--compare", "--speed", NULL
        };
        int k = 0;
        while (valued[k] && strcmp(valued[k], opt) != 0)
            k++;
        if (!valued[k]) {
            fprintf(stderr, "loopscope: unknown option '%s' (see loopscope --help)\n", a);
            return 2;
        }
        if (!val) {
            if (i + 1 >= argc) {
                fprintf(stderr, "loopscope: %s needs a value (see loopscope --help)\n", opt);
                return 2;
            }
            val = argv[++i];
        }
        unsigned long long v = 0;
        bool ok = true;
        switch (k) {
        case 0: ok = parse_u64(val, &o->max_steps); break;
        case 1: ok = parse_u64(val, &o->max_mb); break;
        case 2: ok = parse_u64(val, &v); o->rec_limit = v ? v : 1; break;
        case 3: ok = parse_u64(val, &v) && v >= 1 && v <= 1024; o->workers = v; break;
        case 4: ok = parse_number(val, 1e9, &o->cpu_cost_ns); break;
        case 5: o->trace_path = val; ok = *val != 0; break;
        case 6:
            ok = strcmp(val, "jsonl") == 0 || strcmp(val, "chrome") == 0;
            o->trace_chrome = strcmp(val, "chrome") == 0;
            break;
        case 7: o->exp.png_path = val; ok = *val != 0; break;
        case 8: o->exp.svg_path = val; ok = *val != 0; break;
        case 9:
            o->have_at = true;
            o->exp.at_text = val;
            o->exp.at = strcmp(val, "end") == 0 ? EXPORT_AT_END : EXPORT_AT_TIME;
            if (o->exp.at == EXPORT_AT_TIME)
                ok = parse_number(val, 1e9, &o->exp.at_seconds);
            break;
        case 10:
            o->have_step = true;
            o->exp.at = EXPORT_AT_STEP;
            ok = parse_u64(val, &o->exp.step) && o->exp.step >= 1;
            break;
        case 11:
            ok = parse_size(val, &o->exp.width, &o->exp.height);
            o->exp.size_given = true;
            break;
        case 12:
            ok = strcmp(val, "light") == 0 || strcmp(val, "dark") == 0;
            o->exp.dark = strcmp(val, "dark") == 0;
            break;
        case 13: {
            double f = 0;
            ok = parse_number(val, 2.5, &f) && f >= 0.5;
            o->exp.font_scale = (float)f;
            break;
        }
        case 14: o->exp.gif_path = val; ok = *val != 0; break;
        case 15: o->exp.frames_dir = val; ok = *val != 0; break;
        case 16:
            o->exp.have_from = true;
            o->exp.from_text = val;
            ok = parse_number(val, 1e9, &o->exp.from_s);
            break;
        case 17:
            o->exp.to_text = val;
            o->exp.have_to = strcmp(val, "end") != 0;
            if (o->exp.have_to)
                ok = parse_number(val, 1e9, &o->exp.to_s);
            break;
        case 18:
            ok = parse_u64(val, &v) && v >= 1 && v <= EXPORT_MAX_FPS;
            o->exp.fps = (int)v;
            o->have_fps = true;
            break;
        case 19:
            ok = parse_panels(val, &o->exp.panels);
            break;
        case 20: o->exp.compare_path = val; ok = *val != 0; break;
        case 21:
            ok = parse_number(val, 64, &o->exp.speed) && o->exp.speed >= 0.25;
            o->have_speed = true;
            break;
        }
        if (k >= 9 && (!o->export_only || strcmp(o->export_only, "--compare") == 0))
            o->export_only = valued[k];
        if (!ok) {
            static const char *const want[] = {
                "a non-negative whole number", "a non-negative whole number (megabytes)",
                "a non-negative whole number", "a whole number from 1 to 1024",
                "a number of nanoseconds from 0 to 1000000000", "a file name",
                "'jsonl' or 'chrome'", "a file name (OUT.png)", "a file name (OUT.svg)",
                "a virtual time in seconds, 0 or more (such as 1.5), or 'end'",
                "a step number, 1 or more (as the window's header counts them)",
                "WIDTHxHEIGHT in pixels, from 640x360 to 7680x4320 (such as 1920x1080)",
                "'light' or 'dark'", "a text scale from 0.5 to 2.5 (1 is the window's)",
                "a file name (OUT.gif)", "a directory name",
                "a virtual time in seconds, 0 or more (such as 1.5)",
                "a virtual time in seconds, 0 or more (such as 1.5), or 'end'",
                "frames per second, a whole number from 1 to " EXPORT_MAX_FPS_TEXT,
                "a comma-separated list of panels, from: ", "a file name (OTHER.py)",
                "a playback speed from 0.25 to 64 (4 is the window's 4x)"
            };
            fprintf(stderr, "loopscope: %s needs %s%s, not '%s'\n", opt, want[k],
                    k == 19 ? view_panel_names() : "", val);
            return 2;
        }
    }
    return -1;
}

/* Writes the trace to a temporary file beside PATH, then renames it into
 * place, so that a reader never sees half a trace. */
static bool write_trace(const Trace *t, const char *path, bool chrome)
{
    size_t n = strlen(path) + 32;
    char *tmp = malloc(n);
    if (!tmp)
        return false;
    snprintf(tmp, n, "%s.tmp%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    bool ok = f != NULL;
    if (ok) {
        ok = (chrome ? trace_write_chrome(t, f) : trace_write_jsonl(t, f)) == 0;
        ok = (fclose(f) == 0) && ok;
        ok = ok && rename(tmp, path) == 0;
    }
    if (!ok) {
        fprintf(stderr, "loopscope: cannot write the trace to '%s': %s\n", path, strerror(errno));
        remove(tmp);
    }
    free(tmp);
    return ok;
}

int main(int argc, char **argv)
{
    Options opt = {
        .max_steps = 2000000000ull, .max_mb = 2048, .rec_limit = 1000,
        .workers = 0, .cpu_cost_ns = SIM_DEFAULT_CPU_COST_NS,
        .exp = { .at = EXPORT_AT_END, .width = 1920, .height = 1080, .font_scale = 1, .fps = EXPORT_DEFAULT_FPS,
                 .speed = EXPORT_DEFAULT_SPEED },
    };
    int early = parse_args(argc, argv, &opt);
    if (early >= 0)
        return early;
    const char *file = opt.file;
    bool still = opt.exp.png_path || opt.exp.svg_path, anim = opt.exp.gif_path || opt.exp.frames_dir;
    bool exporting = still || anim;
    /* --compare also goes with the window */
    bool window_compare = !exporting && opt.exp.compare_path && opt.export_only
                          && strcmp(opt.export_only, "--compare") == 0 && !opt.exp.panels;
    if (!exporting && opt.export_only && !window_compare) {
        fprintf(stderr, "loopscope: %s is for a picture: add --screenshot OUT.png, --svg OUT.svg, "
                        "--gif OUT.gif or --frames DIR (see loopscope --help)\n", opt.export_only);
        return 2;
    }
    if (exporting) {
        if (opt.have_at && opt.have_step) {
            fputs("loopscope: --at and --step both choose the step: give one of them\n", stderr);
            return 2;
        }
        if (!still && (opt.have_at || opt.have_step)) {
            fprintf(stderr, "loopscope: %s chooses the moment of a still picture (--screenshot, --svg); "
                            "an animation runs --from T0 --to T1\n", opt.have_at ? "--at" : "--step");
            return 2;
        }
        if (!anim && (opt.exp.have_from || opt.exp.to_text || opt.have_fps || opt.have_speed)) {
            fprintf(stderr, "loopscope: %s is for an animation: add --gif OUT.gif or --frames DIR\n",
                    opt.exp.have_from ? "--from" : opt.exp.to_text ? "--to" : opt.have_fps ? "--fps" : "--speed");
            return 2;
        }
        if (opt.headless || opt.dis || opt.trace_path) {
            fprintf(stderr, "loopscope: an export (--screenshot, --svg, --gif, --frames) does not go with %s: "
                            "run that separately\n", opt.headless ? "--headless" : opt.dis ? "--dis" : "--trace");
            return 2;
        }
        if (!file) {
            fputs("loopscope: an export (--screenshot, --svg, --gif, --frames) needs a FILE.py to draw "
                  "(see loopscope --help)\n", stderr);
            return 2;
        }
    }
    if (window_compare && (opt.headless || opt.dis || opt.trace_path || !file)) {
        fputs("loopscope: --compare OTHER.py shows FILE.py and OTHER.py side by side: it needs a FILE.py, "
              "and goes with the window or an export\n", stderr);
        return 2;
    }
    if (!file && opt.headless) {
        fputs("loopscope: --headless needs a FILE.py to run\n", stderr);
        return 2;
    }

    const char *name = file;
    size_t len;
    char *src;
    if (file) {
        src = read_file(file, &len);
        if (!src)
            return 2;
    } else {
        /* No file: the bundled default lesson. (The lesson gallery window
         * replaces this once the visualizer exists.) */
        name = default_scenario_name;
        len = sizeof default_scenario - 1;
        src = malloc(len + 1);
        if (!src)
            return 2;
        memcpy(src, default_scenario, len + 1);
        if (opt.dis)
            fprintf(stderr, "loopscope: no file given; running the bundled lesson %s "
                            "(see loopscope --help)\n\n", name);
    }
    LangError err = { 0 };
    const char *const *modules = sim_module_names;
    if (exporting || (!opt.headless && !opt.dis)) {
        /* The window (src/app/window.c) runs, and reruns, the scenario
         * itself; with no file, the lesson gallery. The slide export
         * (src/app/export.c) runs it the same way, then draws one step. */
        free(src);
        WindowOptions w = {
            .modules = modules, .max_steps = opt.max_steps, .max_memory = (size_t)opt.max_mb << 20,
            .recursion_limit = (int)(opt.rec_limit > 100000 ? 100000 : opt.rec_limit),
            .cpu_cost = opt.cpu_cost_ns * 1e-9, .workers = (int)opt.workers,
            .stdlib_dir = getenv("LOOPSCOPE_STDLIB_DIR"),
        };
        if (exporting) {
            opt.exp.report_error = report_rejected;
            return export_main(file, &w, &opt.exp);
        }
        return window_main(file, &w, opt.exp.compare_path);
    }
    LangWarning *warnings = NULL;
    int nwarnings = 0;
    Proto *module = lang_compile_ex(src, len, modules, &err, &warnings, &nwarnings);
    report_warnings(name, src, len, warnings, nwarnings);
    free(warnings);
    if (!module) {
        report_compile_error(name, src, len, &err);
        free(src);
        return 2;
    }
    if (opt.dis) {
        proto_disassemble(module, write_stdout, NULL);
        proto_free(module);
        free(src);
        return 0;
    }
    VMConfig cfg = {
        .filename = name, .source = src, .source_len = len,
        .out = write_stdout, .err = write_stderr,
        .max_steps = opt.max_steps, .max_memory = (size_t)opt.max_mb << 20,
        .recursion_limit = (int)(opt.rec_limit > 100000 ? 100000 : opt.rec_limit),
        .cpu_cost = opt.cpu_cost_ns * 1e-9,
    };
    Trace *trace = opt.trace_path ? trace_new() : NULL;
    VM *vm = vm_new(&cfg);
    SimConfig scfg = {
        .trace = trace, .workers = (int)opt.workers, .filename = name,
        .stdlib_dir = getenv("LOOPSCOPE_STDLIB_DIR"),
    };
    sim_init(vm, &scfg);
    int status = vm_run_main(vm, module);
    fflush(stdout);
    sim_finish(vm, status);
    sim_free(vm);
    vm_free(vm);
    free(src);
    if (trace) {
        if (!write_trace(trace, opt.trace_path, opt.trace_chrome) && status == 0)
            status = 2;
        trace_free(trace);
    }
    return status;
}
