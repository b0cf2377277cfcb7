/*
 * trace_fixture.h - building traces by hand for the trace module's tests:
 *   EV(t, .at = 1.5, .k = TR_TIMER_FIRE, .obj = 4);
 * and capturing a writer's output as a string.
 */
#ifndef LOOPSCOPE_TRACE_FIXTURE_H
#define LOOPSCOPE_TRACE_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include "trace.h"

typedef struct Ev {
    double at;                  /* virtual seconds */
    TraceKind k;
    uint32_t task, obj;
    int32_t line;
    double num;
    const char *s1, *s2;
} Ev;

static inline size_t emit(Trace *t, Ev e)
{
    TraceEvent ev = {
        .t_ns = trace_ns(e.at), .kind = (uint16_t)e.k, .task = e.task, .obj = e.obj,
        .line = e.line, .s1 = trace_cstr(t, e.s1), .s2 = trace_cstr(t, e.s2), .num = e.num,
    };
    return trace_emit(t, &ev);
}

#define EV(t, ...) emit((t), (Ev){ __VA_ARGS__ })

/* What `write` wrote for t, NUL-terminated (free it). */
static inline char *written(int (*write)(const Trace *, FILE *), const Trace *t)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f || write(t, f) != 0) {
        fputs("writer failed\n", stderr);
        abort();
    }
    fclose(f);
    return buf;
}

#endif
