/*
 * main.c - the command line.
 *
 *   loopscope --headless FILE.py     run FILE with no window
 *
 * Exit status as python3's: 0, or 1 after an uncaught exception; 2 when
 * loopscope rejects the file (syntax error, unsupported construct) or the
 * command line.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lang.h"
#include "vm.h"
#include "internal.h"
#include "sim.h"
#include "default_scenario.h"

#ifndef LOOPSCOPE_VERSION
#define LOOPSCOPE_VERSION "0.0.0"
#endif

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
          "  --help              show this help and exit\n"
          "  --version           show the version and exit\n"
          "\n"
          "exit status: the program's (0, or 1 after an uncaught exception);\n"
          "2 when loopscope rejects the file or the command line.\n",
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

int main(int argc, char **argv)
{
    const char *file = NULL;
    bool headless = false, dis = false;
    unsigned long long max_steps = 2000000000ull, max_mb = 2048, rec_limit = 1000;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(a, "--version") == 0) {
            printf("loopscope %s\n", LOOPSCOPE_VERSION);
            return 0;
        } else if (strcmp(a, "--headless") == 0) {
            headless = true;
        } else if (strcmp(a, "--dis") == 0) {
            dis = true;
        } else if (strcmp(a, "--max-steps") == 0 || strcmp(a, "--max-memory") == 0 ||
                   strcmp(a, "--recursion-limit") == 0) {
            unsigned long long v;
            if (i + 1 >= argc || !parse_u64(argv[i + 1], &v)) {
                fprintf(stderr, "loopscope: %s needs a non-negative whole number\n", a);
                return 2;
            }
            i++;
            if (a[2] == 'm' && a[6] == 's')
                max_steps = v;
            else if (a[2] == 'm')
                max_mb = v;
            else
                rec_limit = v ? v : 1;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "loopscope: unknown option '%s' (see loopscope --help)\n", a);
            return 2;
        } else if (file) {
            fprintf(stderr, "loopscope: only one scenario file at a time ('%s' and '%s')\n", file, a);
            return 2;
        } else {
            file = a;
        }
    }
    if (!file && headless) {
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
        fprintf(stderr, "loopscope: no file given; running the bundled lesson %s "
                        "(see loopscope --help)\n\n", name);
    }
    LangError err = { 0 };
    static const char *const modules[] = { "sys", "time", "gc", "random", "asyncio", NULL };
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
    if (dis) {
        proto_disassemble(module, write_stdout, NULL);
        proto_free(module);
        free(src);
        return 0;
    }
    VMConfig cfg = {
        .filename = name, .source = src, .source_len = len,
        .out = write_stdout, .err = write_stderr,
        .max_steps = max_steps, .max_memory = (size_t)max_mb << 20,
        .recursion_limit = (int)(rec_limit > 100000 ? 100000 : rec_limit),
    };
    VM *vm = vm_new(&cfg);
    sim_init(vm);
    int status = vm_run_main(vm, module);
    fflush(stdout);
    sim_free(vm);
    vm_free(vm);
    free(src);
    return status;
}
