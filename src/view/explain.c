/*
 * explain.c - one plain sentence for each event: what just happened and
 * why, in the words a teacher would use in front of the class ("Task-2
 * awaits asyncio sleep at line 18: a timer is armed for t=1.000 and Task-2
 * gives up the thread").
 *
 * Written from the event and the states just before and after it, never
 * from the simulator: the sentence at step k is the same in the window, in
 * an export and in a test. English only for now; every sentence is built
 * here, so a translation would be one file.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "view.h"
#include "view_int.h"

const char *vs_str(const Trace *t, TraceStr s, size_t *len)
{
    size_t n = 0;
    const char *p = s ? trace_string(t, s, &n) : NULL;
    if (!p) {
        p = "";
        n = 0;
    }
    if (len)
        *len = n;
    return p;
}

const TraceTaskState *view_find_task(const TraceState *s, uint32_t id)
{
    size_t lo = 0, hi = s ? s->ntasks : 0;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->tasks[mid].id == id)
            return &s->tasks[mid];
        if (s->tasks[mid].id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* A sentence under construction: appends never overflow, and the result is
 * always NUL-terminated. */
typedef struct Out {
    char *buf;
    size_t cap, len;
} Out;

static void put(Out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(Out *o, const char *fmt, ...)
{
    if (o->len + 1 >= o->cap)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(o->buf + o->len, o->cap - o->len, fmt, ap);
    va_end(ap);
    if (n > 0)
        o->len += (size_t)n < o->cap - o->len ? (size_t)n : o->cap - o->len - 1;
}

/* A trace string, cut at its first newline and at 60 bytes so that one
 * sentence stays one line on the screen. */
static void put_str(Out *o, const Trace *t, TraceStr s)
{
    size_t n;
    const char *p = vs_str(t, s, &n);
    const char *nl = memchr(p, '\n', n);
    if (nl)
        n = (size_t)(nl - p);
    if (n > 60) {
        put(o, "%.57s...", p);
        return;
    }
    put(o, "%.*s", (int)n, p);
}

static void put_task(Out *o, const Trace *t, const TraceState *s, uint32_t id)
{
    const TraceTaskState *ts = view_find_task(s, id);
    if (ts && ts->name)
        put_str(o, t, ts->name);
    else
        put(o, "task %u", id);
}

static const TraceTimerItem *timer_of(const TraceState *s, uint32_t handle)
{
    for (size_t i = 0; s && i < s->ntimers; i++)
        if (s->timers[i].handle == handle)
            return &s->timers[i];
    return NULL;
}

/* The timer a task armed most recently and still waits for, if any. */
static const TraceTimerItem *task_timer(const TraceState *s, uint32_t task)
{
    const TraceTimerItem *best = NULL;
    for (size_t i = 0; i < s->ntimers; i++)
        if (s->timers[i].task == task && !s->timers[i].cancelled
            && (!best || s->timers[i].armed_step > best->armed_step))
            best = &s->timers[i];
    return best;
}

static size_t ready_position(const TraceState *s, uint32_t handle)
{
    for (size_t i = 0; i < s->nready; i++)
        if (s->ready[i].handle == handle)
            return i + 1;
    return 0;
}

static const char *ordinal_suffix(size_t n)
{
    if (n % 100 >= 11 && n % 100 <= 13)
        return "th";
    return n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
}

size_t view_explain(const Trace *t, const TraceState *prev, const TraceState *s, char *buf,
                    size_t cap)
{
    Out o = { buf, cap, 0 };
    if (cap)
        buf[0] = 0;
    if (!s || !s->applied || s->step >= trace_len(t))
        return 0;
    const TraceEvent *ev = trace_event(t, s->step);
    double at = (double)s->t_ns * 1e-9;
    switch ((TraceKind)ev->kind) {
    case TR_RUN_START:
        put(&o, "The program starts: its top-level code runs on the main thread; no event loop exists yet.");
        break;
    case TR_TASK_CREATE:
        put_task(&o, t, s, ev->task);
        put(&o, " is created to run ");
        put_str(&o, t, ev->s2);
        put(&o, "()");
        if (ev->line)
            put(&o, " (line %d)", ev->line);
        put(&o, ": it will not run until the loop reaches its first step in the ready queue.");
        break;
    case TR_TASK_RENAME:
        put(&o, "The task is renamed ");
        put_str(&o, t, ev->s1);
        put(&o, ".");
        break;
    case TR_TASK_STEP: {
        const TraceTaskState *ts = view_find_task(s, ev->task);
        put_task(&o, t, s, ev->task);
        if (ts && ts->steps <= 1) {
            put(&o, " runs for the first time: ");
            put_str(&o, t, ts->coro);
            put(&o, "() starts at line %d and holds the thread until its next await.", ev->line);
        } else {
            put(&o, " holds the thread again: it resumes at line %d, right after the await it was parked on.",
                ev->line);
        }
        break;
    }
    case TR_TASK_SUSPEND: {
        put_task(&o, t, s, ev->task);
        put(&o, " awaits ");
        if (ev->s1)
            put_str(&o, t, ev->s1);
        else
            put(&o, "a bare yield (sleep(0))");
        if (ev->line)
            put(&o, " at line %d", ev->line);
        const TraceTimerItem *tm = task_timer(s, ev->task);
        const TraceTaskState *ts = view_find_task(s, ev->task);
        if (ts && ts->status == TT_READY)
            put(&o, ": it gives up the thread, but its next step is already queued, so the others get one turn first.");
        else if (tm)
            put(&o, ": a timer is armed for t=%.3f and it gives up the thread.", tm->deadline);
        else
            put(&o, ": it gives up the thread until that completes.");
        break;
    }
    case TR_TASK_DONE:
        put_task(&o, t, s, ev->task);
        put(&o, " returns ");
        put_str(&o, t, ev->s1);
        put(&o, ": it is done, and whoever awaits it will be woken.");
        break;
    case TR_TASK_FAIL:
        put_task(&o, t, s, ev->task);
        put(&o, " raised ");
        put_str(&o, t, ev->s1);
        if (ev->line)
            put(&o, " at line %d", ev->line);
        put(&o, ": the task has failed, and the exception waits in it for whoever awaits it.");
        break;
    case TR_TASK_CANCELLED:
        put_task(&o, t, s, ev->task);
        put(&o, " ends cancelled: the CancelledError went all the way out of its coroutine.");
        break;
    case TR_CANCEL_REQUEST:
        if (ev->obj) {
            put_task(&o, t, s, ev->obj);
            put(&o, " asks ");
        } else {
            put(&o, "Someone asks ");
        }
        put_task(&o, t, s, ev->task);
        put(&o, " to cancel: CancelledError will be thrown in at its await when it next runs.");
        break;
    case TR_CANCEL_DELIVER:
        put(&o, "CancelledError is thrown into ");
        put_task(&o, t, s, ev->task);
        put(&o, " at line %d, where it was waiting.", ev->line);
        break;
    case TR_FUTURE_CREATE:
        put(&o, "A future is created (");
        put_str(&o, t, ev->s1);
        put(&o, "): a placeholder for a result that is not there yet.");
        break;
    case TR_FUTURE_DONE: {
        const TraceTaskState *ts = view_find_task(s, ev->obj);
        if (ts) {
            put(&o, "The task ");
            put_str(&o, t, ts->name);
        } else {
            put(&o, "A future");
        }
        put(&o, " completes (");
        put_str(&o, t, ev->s1);
        if (ev->num >= 1)
            put(&o, "): its %.0f done-callback%s join%s the ready queue.", ev->num,
                ev->num == 1 ? "" : "s", ev->num == 1 ? "s" : "");
        else
            put(&o, "): nobody was waiting for it.");
        break;
    }
    case TR_READY_PUSH: {
        size_t pos = ready_position(s, ev->obj);
        if (ev->task) {
            put(&o, "A step of ");
            put_task(&o, t, s, ev->task);
            put(&o, " joins the back of the ready queue");
        } else {
            put(&o, "The callback '");
            put_str(&o, t, ev->s1);
            put(&o, "' joins the back of the ready queue");
        }
        if (pos)
            put(&o, " (%zu%s in line): the loop runs the queue in order.", pos, ordinal_suffix(pos));
        else
            put(&o, ".");
        break;
    }
    case TR_READY_POP: {
        const TraceReadyItem *it = prev && prev->nready ? &prev->ready[0] : NULL;
        if (ev->num == 1) {
            put(&o, "A cancelled handle reaches the front of the ready queue: the loop drops it without running it.");
        } else if (it && it->task) {
            put(&o, "The loop takes the front of the ready queue: ");
            put_task(&o, t, s, it->task);
            put(&o, "'s step runs next.");
        } else if (it) {
            put(&o, "The loop takes the front of the ready queue and runs the callback '");
            put_str(&o, t, it->what);
            put(&o, "'.");
        } else {
            put(&o, "The loop takes the next handle from the ready queue.");
        }
        break;
    }
    case TR_HANDLE_CANCEL:
        put(&o, "A scheduled callback is cancelled: it stays where it is and is skipped when its turn comes.");
        break;
    case TR_TIMER_ARM:
        put(&o, "A timer is armed for t=%.3f", ev->num);
        if (ev->s1) {
            put(&o, " (");
            put_str(&o, t, ev->s1);
            put(&o, ")");
        }
        if (ev->task) {
            put(&o, " to wake ");
            put_task(&o, t, s, ev->task);
        }
        put(&o, ": it sits in the timer heap until then.");
        break;
    case TR_TIMER_FIRE: {
        const TraceTimerItem *tm = timer_of(prev, ev->obj);
        if (tm)
            put(&o, "The timer for t=%.3f is due: it leaves the heap and its callback joins the ready queue.",
                tm->deadline);
        else
            put(&o, "A timer is due: it leaves the heap and its callback joins the ready queue.");
        break;
    }
    case TR_TIMER_DROP:
        put(&o, "A cancelled timer is thrown out of the heap: it will never fire.");
        break;
    case TR_LOOP_IDLE:
        if (ev->num < 0)
            put(&o, "Nothing is ready and no timer is pending: the loop waits for something from outside.");
        else
            put(&o, "Nothing is ready: the loop sleeps until the next timer at t=%.3f, and virtual time jumps ahead.",
                ev->num);
        break;
    case TR_LOOP_BLOCK:
        put(&o, "BLOCKED: ");
        if (ev->task) {
            put_task(&o, t, s, ev->task);
            put(&o, " calls");
        } else {
            put(&o, "the code calls");
        }
        put(&o, " time.sleep(%g)", ev->num);
        if (ev->line)
            put(&o, " at line %d", ev->line);
        put(&o, ": the loop's only thread stops for %.3f s and nothing else can run.", ev->num);
        break;
    case TR_LOOP_UNBLOCK:
        put(&o, "time.sleep returns at t=%.3f: the loop's thread moves again; everything that came due meanwhile is late.",
            at);
        break;
    case TR_EXC_RAISE:
        put_str(&o, t, ev->s1);
        put(&o, " is raised");
        if (ev->line)
            put(&o, " at line %d", ev->line);
        put(&o, ".");
        break;
    case TR_EXC_CATCH:
        put(&o, "An except clause");
        if (ev->line)
            put(&o, " at line %d", ev->line);
        put(&o, " catches ");
        put_str(&o, t, ev->s1);
        put(&o, ".");
        break;
    case TR_EXC_LOST:
        put(&o, "Nobody ever retrieved the exception of ");
        put_task(&o, t, s, ev->task);
        put(&o, ": \"Task exception was never retrieved\".");
        break;
    case TR_WORKER_START:
        put(&o, "Worker thread %u starts ", ev->obj);
        put_str(&o, t, ev->s1);
        put(&o, ": it runs beside the loop, which stays free.");
        break;
    case TR_WORKER_BLOCK:
        put(&o, "Worker thread %u blocks in time.sleep(%g): only that worker waits; the loop goes on.", ev->obj,
            ev->num);
        break;
    case TR_WORKER_END:
        put(&o, "Worker thread %u finishes its job (", ev->obj);
        put_str(&o, t, ev->s1);
        put(&o, "): the loop will be told from its own thread.");
        break;
    case TR_GIL:
        if (ev->obj)
            put(&o, "Worker thread %u takes the GIL: only one thread runs Python code at a time.", ev->obj);
        else
            put(&o, "The loop's thread takes the GIL back.");
        break;
    case TR_GC_COLLECT:
        put(&o, "The garbage collector runs and frees %.0f objects.", ev->num);
        break;
    case TR_GC_DESTROY:
        put(&o, "The garbage collector destroys ");
        put_task(&o, t, s, ev->task);
        put(&o, ", still pending: nothing held a reference to it (\"Task was destroyed but it is pending!\").");
        break;
    case TR_TASK_UNREF:
        put_task(&o, t, s, ev->task);
        if (ev->num == 1)
            put(&o, " is referenced again by the program.");
        else
            put(&o, " is no longer referenced by the program: only the loop's weak set knows it, so the collector may destroy it.");
        break;
    case TR_WARNING:
        put(&o, "Warning: ");
        put_str(&o, t, ev->s1);
        break;
    case TR_OUTPUT: {
        if (ev->task) {
            put_task(&o, t, s, ev->task);
            put(&o, ev->obj == 2 ? " writes to stderr" : " prints");
        } else {
            put(&o, ev->obj == 2 ? "The program writes to stderr" : "The program prints");
        }
        if (ev->line)
            put(&o, " (line %d)", ev->line);
        put(&o, ": \"");
        put_str(&o, t, ev->s1);
        put(&o, "\"");
        break;
    }
    case TR_LIMIT:
        put(&o, "Stopped by a limit: ");
        put_str(&o, t, ev->s1);
        break;
    case TR_RUN_END:
        put(&o, "The program ends at t=%.3f with exit status %.0f.", at, ev->num);
        break;
    case TR__COUNT:
        break;
    }
    return o.len;
}

/* ---- the banner of a run cut short */

static bool has(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(s + i, needle, k) == 0)
            return true;
    return false;
}

/* How deep the program was when the RecursionError at step `err` ended it,
 * from the traceback it printed on stderr (its last "Traceback (most recent
 * call last):" up to the error): the frames listed plus those folded into
 * "[Previous line repeated N more times]". 0 when there is none to read. */
static long traceback_depth(const Trace *t, size_t err)
{
    static const char head[] = "Traceback (most recent call last):";
    size_t from = err + 1;
    for (size_t k = err + 1, seen = 0; k-- > 0 && seen < 4096;) {
        const TraceEvent *ev = trace_event(t, k);
        if (ev->kind != TR_OUTPUT || ev->obj != 2)
            continue;
        seen++;
        from = k;
        size_t n;
        const char *s = vs_str(t, ev->s1, &n);
        if (has(s, n, head))
            break;
    }
    long depth = 0;
    bool counting = false, at_line_start = true;
    for (size_t k = from; k <= err; k++) {
        const TraceEvent *ev = trace_event(t, k);
        if (ev->kind != TR_OUTPUT || ev->obj != 2)
            continue;
        size_t n;
        const char *s = vs_str(t, ev->s1, &n);
        for (size_t i = 0; i < n; i++) {
            bool start = at_line_start;
            at_line_start = s[i] == '\n';
            if (!start)
                continue;
            size_t rest = n - i;
            if (rest >= sizeof head - 1 && memcmp(s + i, head, sizeof head - 1) == 0) {
                depth = 0;   /* a later traceback (a chained one): count that */
                counting = true;
            } else if (counting && rest >= 8 && memcmp(s + i, "  File \"", 8) == 0) {
                depth++;
            } else if (counting && rest >= 26 && memcmp(s + i, "  [Previous line repeated ", 26) == 0) {
                long more = 0;
                for (size_t j = i + 26; j < n && s[j] >= '0' && s[j] <= '9'; j++)
                    more = more * 10 + (s[j] - '0');
                depth += more;
            }
        }
    }
    return depth;
}

static const char stop_prefix[] = "loopscope: stopped after ";

const char *view_output_text(const ViewScene *sc, const TraceEvent *ev, size_t *len, char *buf, size_t cap)
{
    const char *s = vs_str(sc->trace, ev->s1, len);
    if (!sc->user_stopped || ev->kind != TR_OUTPUT || ev->obj != 2 || *len < sizeof stop_prefix - 1
        || memcmp(s, stop_prefix, sizeof stop_prefix - 1) != 0 || !has(s, *len, "--max-steps"))
        return s;
    unsigned long long steps = 0;
    for (size_t i = sizeof stop_prefix - 1; i < *len && s[i] >= '0' && s[i] <= '9'; i++)
        steps = steps * 10 + (unsigned long long)(s[i] - '0');
    int n = snprintf(buf, cap, "loopscope: you stopped the simulation (x) after %llu instructions; "
                               "r runs it again\n", steps);
    *len = n < 0 ? 0 : (size_t)n < cap ? (size_t)n : cap ? cap - 1 : 0;
    return buf;
}

size_t view_limit_banner(const Trace *t, const ViewLimits *lim, char *buf, size_t cap)
{
    Out o = { buf, cap, 0 };
    if (cap)
        buf[0] = 0;
    size_t n = trace_len(t);
    const TraceEvent *limit = NULL, *end = NULL, *recursion = NULL;
    size_t recursion_step = 0;
    /* the limit and the end are the last events; a RecursionError's
     * traceback is the program's last words on stderr */
    for (size_t i = n; i-- > 0;) {
        const TraceEvent *ev = trace_event(t, i);
        if (ev->kind == TR_LIMIT && !limit)
            limit = ev;
        else if (ev->kind == TR_RUN_END && !end)
            end = ev;
        else if (ev->kind == TR_OUTPUT && ev->obj == 2 && !recursion) {
            size_t len;
            const char *s = vs_str(t, ev->s1, &len);
            if (has(s, len, "RecursionError: maximum recursion depth exceeded")) {
                recursion = ev;
                recursion_step = i;
            }
        }
    }
    double at = end ? (double)end->t_ns * 1e-9 : n ? (double)trace_event(t, n - 1)->t_ns * 1e-9 : 0;
    if (lim && lim->stopped) {
        put(&o, "You stopped the simulation at t=%.3f s after %zu events: what ran until then is shown. "
                "Reload (r) to run it again.", at, n);
    } else if (limit) {
        size_t len;
        const char *what = vs_str(t, limit->s1, &len);
        if (has(what, len, "--max-memory")) {
            put(&o, "Stopped at t=%.3f s by the --max-memory limit", at);
            if (lim && lim->max_memory_mb)
                put(&o, " (%zu MB)", lim->max_memory_mb);
            put(&o, ": what ran until then is shown. Raise it: loopscope --max-memory MB FILE.py");
        } else {
            put(&o, "Stopped at t=%.3f s by the --max-steps limit", at);
            if (lim && lim->max_steps)
                put(&o, " (%llu instructions)", lim->max_steps);
            put(&o, ": what ran until then is shown. Raise it: loopscope --max-steps N FILE.py (0 = no limit)");
        }
    } else if (recursion && end && end->num != 0) {
        /* which guard: Python's recursion limit, or, well short of it,
         * loopscope's guard of the C stack (recursion through C code: a
         * key function, __init__, __repr__ calling back into Python) */
        long depth = traceback_depth(t, recursion_step);
        int limit = lim ? lim->recursion_limit : 0;
        if (limit > 0 && depth > 0 && depth + 50 < limit) {
            put(&o, "The program hit loopscope's C-stack guard at t=%.3f s, %ld calls deep, short of the recursion "
                    "limit (%d): its recursion runs through C code (a key function, __init__, __repr__), which "
                    "cannot nest deeper. No option raises this guard.", at, depth, limit);
        } else if (lim && lim->recursion_set_by_program) {
            put(&o, "The program hit the recursion limit (%d calls deep, set by its own sys.setrecursionlimit) "
                    "at t=%.3f s: RecursionError ended it. Raise it in the program: sys.setrecursionlimit(N) "
                    "(it overrides --recursion-limit)", limit, at);
        } else {
            put(&o, "The program hit the recursion limit");
            if (limit)
                put(&o, " (%d calls deep)", limit);
            put(&o, " at t=%.3f s: RecursionError ended it. Raise it: loopscope --recursion-limit N FILE.py", at);
        }
    }
    return o.len;
}
