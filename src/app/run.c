/*
 * run.c - one simulated scenario (see run.h): compile, run to completion
 * with a trace, replay. Shared by the window (window.c) and the slide
 * export (export.c); the window's runs go on a thread of their own.
 *
 * Must not: lay anything out or draw; let any thread but a job's own touch
 * its VM.
 */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
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

typedef struct RunJob {
    WindowOptions opt;        /* a copy: an abandoned job may outlive the window */
    char *name, *src;
    size_t len;
    char *other_name, *other_src;   /* --compare's file, simulated after the first (NULL: none) */
    size_t other_len;
    Run run, other;           /* the thread's until done, then the taker's */
    bool has_other;           /* other was simulated */
    atomic_size_t events;
    atomic_int_least64_t t_ns;
    atomic_int part;          /* 0: the first file simulates, 1: the compare file */
    atomic_bool stop, done, taken;
    atomic_int refs;          /* the thread's and the window's */
    atomic_bool abandoned;    /* the window has let go of it */
    VM *vm;                   /* the job thread's only */
    bool stopping_vm;         /* the job thread's only: the budget was cut */
} RunJob;

static atomic_int live_jobs;

/* The trace's observer, on the job's thread: publishes the progress and,
 * when asked to stop, cuts the VM's instruction budget to what it has
 * spent, so the program ends as at --max-steps (its at-exit reports and
 * all) and what ran stays a complete, replayable trace. */
static void observe(void *ud, const Trace *t, size_t step)
{
    RunJob *j = ud;
    atomic_store_explicit(&j->events, step + 1, memory_order_relaxed);
    atomic_store_explicit(&j->t_ns, trace_event(t, step)->t_ns, memory_order_relaxed);
    if (j->vm && !j->stopping_vm && atomic_load_explicit(&j->stop, memory_order_relaxed)) {
        j->stopping_vm = true;
        j->vm->cfg.max_steps = j->vm->steps + 1;
    }
}

static void simulate(Run *r, const WindowOptions *opt, const char *name, char *src, size_t len, RunJob *job)
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
    if (job) {
        job->vm = vm;
        job->stopping_vm = false;
        trace_set_observer(r->trace, observe, job);
    }
    SimConfig scfg = { .trace = r->trace, .workers = opt->workers, .filename = name,
                       .stdlib_dir = opt->stdlib_dir };
    sim_init(vm, &scfg);
    int status = vm_run_main(vm, module);
    sim_finish(vm, status);
    r->stopped = job && job->stopping_vm && vm->limit_hit == LIMIT_STEPS;
    /* the recursion limit in effect at the end: sys.setrecursionlimit may
     * have changed the configured one */
    int rec_limit = vm->cfg.recursion_limit;
    if (job) {
        trace_set_observer(r->trace, NULL, NULL);
        job->vm = NULL;
    }
    sim_free(vm);
    vm_free(vm);
    r->now = replay_new(r->trace);
    r->before = replay_new(r->trace);
    replay_update(r->now);
    replay_update(r->before);
    r->tl = view_timeline_build(r->trace);
    int configured = opt->recursion_limit ? opt->recursion_limit : 1000;
    ViewLimits lim = { .max_steps = opt->max_steps, .max_memory_mb = opt->max_memory >> 20,
                       .recursion_limit = rec_limit, .recursion_set_by_program = rec_limit != configured,
                       .stopped = r->stopped };
    view_limit_banner(r->trace, &lim, r->banner, sizeof r->banner);
}

void run_scenario(Run *r, const WindowOptions *opt, const char *name, char *src, size_t len)
{
    simulate(r, opt, name, src, len, NULL);
}

static void job_release(RunJob *j)
{
    if (atomic_fetch_sub(&j->refs, 1) != 1)
        return;
    if (!atomic_load(&j->taken)) {
        run_free(&j->run);
        run_free(&j->other);
    }
    free(j->other_src);   /* NULL once simulated: the Run owns it */
    free(j->other_name);
    free(j->name);
    free(j);
}

/* Each job runs on a thread of its own, which ends with it (the VM keeps
 * nothing per thread). A job abandoned before its thread got to it is
 * not run at all. */
static void *job_main(void *arg)
{
    RunJob *j = arg;
    if (atomic_load(&j->abandoned)) {
        free(j->src);   /* nobody will look: not run at all */
    } else {
        simulate(&j->run, &j->opt, j->name, j->src, j->len, j);
        /* --compare's file next, on this thread too, unless the first was
         * stopped (what ran of it is what opens) */
        if (j->other_name && !atomic_load(&j->stop)) {
            atomic_store(&j->events, 0);
            atomic_store(&j->t_ns, 0);
            atomic_store(&j->part, 1);
            char *src = j->other_src;
            j->other_src = NULL;
            simulate(&j->other, &j->opt, j->other_name, src, j->other_len, j);
            j->has_other = true;
        }
    }
    atomic_store(&j->done, true);
    job_release(j);
    atomic_fetch_sub(&live_jobs, 1);
    return NULL;
}

RunJob *run_job_start(const WindowOptions *opt, const char *name, char *src, size_t len,
                      const char *other_name, char *other_src, size_t other_len)
{
    RunJob *j = calloc(1, sizeof *j);
    if (!j || !(j->name = strdup(name)) || (other_name && !(j->other_name = strdup(other_name)))) {
        if (j)
            free(j->name);
        free(j);
        free(src);
        free(other_src);
        return NULL;
    }
    j->opt = *opt;
    j->src = src;
    j->len = len;
    j->other_src = other_src;
    j->other_len = other_len;
    atomic_init(&j->refs, 2);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    /* the VM budgets its C stack from RLIMIT_STACK, as on the main thread
     * (vm.c note_stack): the job's thread gets as much, 8 MB at least */
    size_t stack = (size_t)8 << 20;
    struct rlimit rl;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur > stack)
        stack = (size_t)rl.rlim_cur;
    pthread_attr_setstacksize(&attr, stack);
    atomic_fetch_add(&live_jobs, 1);
    pthread_t th;
    int rc = pthread_create(&th, &attr, job_main, j);
    pthread_attr_destroy(&attr);
    if (rc != 0) {
        atomic_fetch_sub(&live_jobs, 1);
        free(j->other_name);
        free(j->name);
        free(j);
        free(src);
        free(other_src);
        errno = rc;
        return NULL;
    }
    return j;
}

RunProgress run_job_progress(const RunJob *j)
{
    RunJob *m = (RunJob *)j;   /* atomics are read through non-const pointers */
    return (RunProgress){
        .events = atomic_load_explicit(&m->events, memory_order_relaxed),
        .t_ns = atomic_load_explicit(&m->t_ns, memory_order_relaxed),
        .done = atomic_load(&m->done),
        .part = atomic_load_explicit(&m->part, memory_order_relaxed),
        .stopping = atomic_load_explicit(&m->stop, memory_order_relaxed),
    };
}

void run_job_stop(RunJob *j)
{
    atomic_store(&j->stop, true);
}

/* The ViewError's message points into the Run itself. */
static void move_run(Run *to, Run *from)
{
    *to = *from;
    memset(from, 0, sizeof *from);
    if (to->rejected)
        to->err.message = to->errmsg;
}

bool run_job_take(RunJob *j, Run *r, Run *other)
{
    move_run(r, &j->run);
    bool has_other = j->has_other && other;
    if (has_other)
        move_run(other, &j->other);
    else
        run_free(&j->other);
    atomic_store(&j->taken, true);
    job_release(j);
    return has_other;
}

void run_job_abandon(RunJob *j)
{
    atomic_store(&j->abandoned, true);
    atomic_store(&j->stop, true);
    job_release(j);
}

bool run_jobs_wait(double seconds)
{
    for (double waited = 0; atomic_load(&live_jobs) > 0; waited += 0.005) {
        if (waited >= seconds)
            return false;
        nanosleep(&(struct timespec){ .tv_nsec = 5000000 }, NULL);
    }
    return true;
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
        .error = r->rejected ? &r->err : NULL, .banner = r->banner[0] ? r->banner : NULL,
        .user_stopped = r->stopped,
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
