/*
 * trace_json.c - JSON text for the writers, and the JSON Lines writer.
 *
 * One line per event: {"step":N,"t":SECONDS,"ev":"kind", then the fields the
 * kind uses, in a fixed order (task, obj, line, num, s1, s2) and under the
 * names in `fields` below. A field a kind does not name but the simulator
 * set anyway is written under its generic name (obj, num, s1, s2), so no
 * information is lost. The output depends on nothing but the trace.
 *
 * This file formats; it must not interpret the run (replay.c does).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "trace_json.h"

/* The names of obj, num, s1 and s2 per kind (NULL: not used), and which of
 * obj and num are written even when they are 0. */
enum { KEEP_OBJ = 1, KEEP_NUM = 2 };

typedef struct KindFields {
    const char *obj, *num, *s1, *s2;
    unsigned keep;
} KindFields;

static const KindFields fields[TR__COUNT] = {
    [TR_RUN_START]      = { .s1 = "file" },
    [TR_TASK_CREATE]    = { .obj = "parent", .s1 = "name", .s2 = "coro" },
    [TR_TASK_RENAME]    = { .s1 = "name" },
    [TR_TASK_STEP]      = { 0 },
    [TR_TASK_SUSPEND]   = { .obj = "future", .s1 = "awaiting" },
    [TR_TASK_DONE]      = { .s1 = "result" },
    [TR_TASK_FAIL]      = { .s1 = "exc" },
    [TR_TASK_CANCELLED] = { .s1 = "msg" },
    [TR_CANCEL_REQUEST] = { .obj = "by", .s1 = "msg" },
    [TR_CANCEL_DELIVER] = { 0 },
    [TR_FUTURE_CREATE]  = { .obj = "future", .s1 = "what" },
    [TR_FUTURE_DONE]    = { .obj = "future", .num = "callbacks", .s1 = "outcome", .keep = KEEP_NUM },
    [TR_READY_PUSH]     = { .obj = "handle", .s1 = "callback" },
    [TR_READY_POP]      = { .obj = "handle", .num = "skipped" },
    [TR_HANDLE_CANCEL]  = { .obj = "handle" },
    [TR_TIMER_ARM]      = { .obj = "handle", .num = "deadline", .s1 = "what", .keep = KEEP_NUM },
    [TR_TIMER_FIRE]     = { .obj = "handle" },
    [TR_TIMER_DROP]     = { .obj = "handle" },
    [TR_LOOP_IDLE]      = { .num = "until", .keep = KEEP_NUM },
    [TR_LOOP_BLOCK]     = { .num = "seconds", .keep = KEEP_NUM },
    [TR_LOOP_UNBLOCK]   = { 0 },
    [TR_EXC_RAISE]      = { .s1 = "exc" },
    [TR_EXC_CATCH]      = { .s1 = "exc" },
    [TR_EXC_LOST]       = { .s1 = "exc" },
    [TR_WORKER_START]   = { .obj = "worker", .num = "pool", .s1 = "job" },
    [TR_WORKER_BLOCK]   = { .obj = "worker", .num = "seconds", .keep = KEEP_NUM },
    [TR_WORKER_END]     = { .obj = "worker", .s1 = "outcome" },
    [TR_GIL]            = { .obj = "thread", .keep = KEEP_OBJ },
    [TR_GC_COLLECT]     = { .num = "freed", .keep = KEEP_NUM },
    [TR_GC_DESTROY]     = { 0 },
    [TR_TASK_UNREF]     = { .num = "reachable" },
    [TR_WARNING]        = { .s1 = "text" },
    [TR_OUTPUT]         = { .obj = "stream", .num = "thread", .s1 = "text" },
    [TR_LIMIT]          = { .s1 = "msg" },
    [TR_RUN_END]        = { .num = "status", .keep = KEEP_NUM },
};

/* Length of the valid UTF-8 sequence at s[0..n), or 0 with *bad set to how
 * many bytes form the invalid maximal prefix to replace (at least 1). */
static size_t utf8_valid(const unsigned char *s, size_t n, size_t *bad)
{
    unsigned char c = s[0];
    size_t need;
    unsigned char lo = 0x80, hi = 0xBF;   /* the range of the second byte */
    if (c < 0x80)
        return 1;
    else if (c >= 0xC2 && c <= 0xDF)
        need = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        need = 3;
        if (c == 0xE0)
            lo = 0xA0;            /* no overlong forms */
        else if (c == 0xED)
            hi = 0x9F;            /* no surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;            /* nothing past U+10FFFF */
    } else {
        *bad = 1;
        return 0;
    }
    for (size_t i = 1; i < need; i++) {
        unsigned char min = i == 1 ? lo : 0x80, max = i == 1 ? hi : 0xBF;
        if (i >= n || s[i] < min || s[i] > max) {
            *bad = i;
            return 0;
        }
    }
    return need;
}

void tr_json_chars(FILE *f, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        unsigned char c = p[i];
        if (c == '"' || c == '\\') {
            putc('\\', f);
            putc(c, f);
            i++;
        } else if (c < 0x20) {
            const char *esc = c == '\n' ? "\\n" : c == '\t' ? "\\t" : c == '\r' ? "\\r"
                            : c == '\b' ? "\\b" : c == '\f' ? "\\f" : NULL;
            if (esc)
                fputs(esc, f);
            else
                fprintf(f, "\\u00%c%c", hex[c >> 4], hex[c & 15]);
            i++;
        } else {
            size_t bad = 0, ok = utf8_valid(p + i, n - i, &bad);
            if (ok) {
                fwrite(p + i, 1, ok, f);
                i += ok;
            } else {
                fputs("\xEF\xBF\xBD", f);   /* U+FFFD REPLACEMENT CHARACTER */
                i += bad;
            }
        }
    }
}

void tr_json_tchars(FILE *f, const Trace *t, TraceStr h)
{
    size_t n;
    const char *s = trace_string(t, h, &n);
    if (s)
        tr_json_chars(f, s, n);
}

void tr_json_tstr(FILE *f, const Trace *t, TraceStr h)
{
    putc('"', f);
    tr_json_tchars(f, t, h);
    putc('"', f);
}

void tr_json_fixed(FILE *f, int64_t v, int decimals)
{
    uint64_t mag = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    uint64_t scale = 1;
    for (int i = 0; i < decimals; i++)
        scale *= 10;
    uint64_t whole = mag / scale, frac = mag % scale;
    fprintf(f, "%s%llu", v < 0 ? "-" : "", (unsigned long long)whole);
    if (!frac)
        return;
    char digits[24];
    int nd = decimals;
    for (int i = nd - 1; i >= 0; i--, frac /= 10)
        digits[i] = (char)('0' + frac % 10);
    while (digits[nd - 1] == '0')
        nd--;
    fprintf(f, ".%.*s", nd, digits);
}

void tr_json_number(FILE *f, double x)
{
    if (!isfinite(x)) {
        fputs("null", f);
        return;
    }
    /* The fewest significant digits that read back as x... */
    char buf[48];
    int digits = 1;
    for (; digits < 17; digits++) {
        snprintf(buf, sizeof buf, "%.*e", digits - 1, x);
        if (strtod(buf, NULL) == x)
            break;
    }
    snprintf(buf, sizeof buf, "%.*e", digits - 1, x);
    int exp = atoi(strchr(buf, 'e') + 1);
    /* ...written as Python's repr() would: positional from 1e-4 to 1e16. */
    if (exp >= -4 && exp < 16)
        fprintf(f, "%.*f", digits - 1 - exp > 0 ? digits - 1 - exp : 0, x);
    else
        fputs(buf, f);
}

static void member_name(FILE *f, const char *name)
{
    fprintf(f, ",\"%s\":", name);
}

static void str_field(FILE *f, const Trace *t, const char *name, TraceStr h)
{
    if (!h)
        return;
    member_name(f, name);
    tr_json_tstr(f, t, h);
}

void tr_json_fields(FILE *f, const Trace *t, const TraceEvent *ev)
{
    static const KindFields none;
    const KindFields *k = ev->kind < TR__COUNT ? &fields[ev->kind] : &none;
    if (ev->task)
        fprintf(f, ",\"task\":%lu", (unsigned long)ev->task);
    if (ev->obj || (k->obj && (k->keep & KEEP_OBJ)))
        fprintf(f, ",\"%s\":%lu", k->obj ? k->obj : "obj", (unsigned long)ev->obj);
    if (ev->line)
        fprintf(f, ",\"line\":%ld", (long)ev->line);
    if (ev->num != 0 || (k->num && (k->keep & KEEP_NUM))) {
        member_name(f, k->num ? k->num : "num");
        tr_json_number(f, ev->num);
    }
    str_field(f, t, k->s1 ? k->s1 : "s1", ev->s1);
    str_field(f, t, k->s2 ? k->s2 : "s2", ev->s2);
}

int trace_write_jsonl(const Trace *t, FILE *f)
{
    for (size_t i = 0, n = trace_len(t); i < n; i++) {
        const TraceEvent *ev = trace_event(t, i);
        fprintf(f, "{\"step\":%zu,\"t\":", i);
        tr_json_fixed(f, ev->t_ns, 9);
        fprintf(f, ",\"ev\":\"%s\"", trace_kind_name(ev->kind));
        tr_json_fields(f, t, ev);
        fputs("}\n", f);
    }
    return fflush(f) == 0 && !ferror(f) ? 0 : -1;
}
