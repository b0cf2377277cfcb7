/*
 * run.c - one simulated scenario (see run.h): compile, run to completion
 * with a trace, replay. Shared by the window (window.c) and the slide
 * export (export.c).
 *
 * Must not: lay anything out or draw.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lang.h"
#include "vm.h"
#include "sim.h"
#include "run.h"

static void discard(void *ud, const char *s, size_t n)
{
    (void)ud;
    (void)s;
    (void)n;
}

char *run_slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t cap = 0, n = 0;
    for (;;) {
        if (n == cap) {
            cap = cap ? cap * 2 : 65536;
            if (cap > ((size_t)16 << 20)) {   /* as main.c: scenarios are small */
                free(buf);
                fclose(f);
                errno = EFBIG;
                return NULL;
            }
            char *g = realloc(buf, cap + 1);
            if (!g) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = g;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    fclose(f);
    buf[n] = 0;
    *len = n;
    return buf;
}

void run_free(Run *r)
{
    view_timeline_free(r->tl);
    replay_free(r->now);
    replay_free(r->before);
    trace_free(r->trace);
    free(r->src);
    free(r->name);
    memset(r, 0, sizeof *r);
}

void run_scenario(Run *r, const WindowOptions *opt, const char *name, char *src, size_t len)
{
    memset(r, 0, sizeof *r);
    r->name = strdup(name);
    r->src = src;
    r->len = len;
    LangError err = { 0 };
    LangWarning *warnings = NULL;
    int nwarnings = 0;
    Proto *module = lang_compile_ex(src, len, opt->modules, &err, &warnings, &nwarnings);
    free(warnings);
    if (!module) {
        r->rejected = true;
        snprintf(r->errmsg, sizeof r->errmsg, "%s", err.message);
        r->err = (ViewError){ .line = err.line, .col = err.col, .message = r->errmsg };
        return;
    }
    VMConfig cfg = {
        .filename = name, .source = src, .source_len = len, .out = discard, .err = discard,
        .max_steps = opt->max_steps, .max_memory = opt->max_memory,
        .recursion_limit = opt->recursion_limit, .cpu_cost = opt->cpu_cost,
    };
    r->trace = trace_new();
    VM *vm = vm_new(&cfg);
    SimConfig scfg = { .trace = r->trace, .workers = opt->workers, .filename = name,
                       .stdlib_dir = opt->stdlib_dir };
    sim_init(vm, &scfg);
    int status = vm_run_main(vm, module);
    sim_finish(vm, status);
    sim_free(vm);
    vm_free(vm);
    r->now = replay_new(r->trace);
    r->before = replay_new(r->trace);
    replay_update(r->now);
    replay_update(r->before);
    r->tl = view_timeline_build(r->trace);
}

size_t run_len(const Run *r)
{
    return r->trace ? trace_len(r->trace) : 0;
}

int64_t run_t_at(const Run *r, size_t step)
{
    return trace_event(r->trace, step)->t_ns;
}

size_t run_step_at_ns(const Run *r, int64_t ns)
{
    size_t lo = 0, hi = run_len(r);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (run_t_at(r, mid) <= ns)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? lo - 1 : 0;
}

ViewScene run_scene(const Run *r, size_t step)
{
    ViewScene sc = {
        .title = r->name, .source = r->src, .source_len = r->len,
        .error = r->rejected ? &r->err : NULL,
    };
    size_t n = run_len(r);
    if (!r->rejected && n) {
        if (step >= n)
            step = n - 1;
        sc.trace = r->trace;
        sc.replay = r->now;
        sc.timeline = r->tl;
        sc.state = replay_state_at(r->now, step);
        sc.prev = step ? replay_state_at(r->before, step - 1) : NULL;
    }
    return sc;
}
