/*
 * stdframes.c - the frames of CPython's asyncio that tracebacks show
 * (see stdframes.h). Nothing here runs Python or touches the VM's heap.
 */
#include <stdlib.h>
#include <string.h>
#include "stdframes.h"

const ExtFrame sim_frame_asyncio_run = {
    "asyncio/runners.py", 194, "run", "return runner.run(main)", 7, 23,
};
const ExtFrame sim_frame_runner_run = {
    "asyncio/runners.py", 118, "run", "return self._loop.run_until_complete(task)", 7, 42,
};
const ExtFrame sim_frame_run_until_complete = {
    "asyncio/base_events.py", 684, "run_until_complete", "return future.result()", 7, 22,
};
const ExtFrame sim_frame_run_nested = {
    "asyncio/runners.py", 190, "run", "raise RuntimeError(", -1, -1,
};
const ExtFrame sim_frame_create_task = {
    "asyncio/tasks.py", 417, "create_task", "loop = events.get_running_loop()", 7, 32,
};
const ExtFrame sim_frame_handle_run = {
    "asyncio/events.py", 84, "_run", "self._context.run(self._callback, *self._args)", -1, -1,
};

const ExtFrame sim_frame_sleep0 = {
    "asyncio/tasks.py", 650, "__sleep0", "yield", -1, -1,
};

const ExtFrame sim_frame_call_exception_handler = {
    "asyncio/base_events.py", 1855, "call_exception_handler",
    "ctx.run(self._exception_handler, self, context)", -1, -1,
};

typedef struct Mark {
    int line;              /* the prelude's line */
    ExtFrame frame;        /* its strings live in `text` below */
    char *text;
} Mark;

struct SimStdFrames {
    uint8_t source;
    Mark *marks;
    size_t n;
};

/* "asyncio/tasks.py:665 sleep | return ^await future^" -> a frame. */
static int parse_mark(const char *s, size_t n, Mark *m)
{
    char *buf = malloc(n + 1);
    if (!buf)
        return -1;
    memcpy(buf, s, n);
    buf[n] = 0;
    char *colon = strchr(buf, ':'), *space = colon ? strchr(colon, ' ') : NULL;
    char *bar = space ? strstr(space, " | ") : NULL;
    if (!bar) {
        free(buf);
        return -1;
    }
    *colon = 0;
    *space = 0;
    *bar = 0;
    m->frame.file = buf;
    m->frame.line = atoi(colon + 1);
    m->frame.func = space + 1;
    /* the text, without the carets' ^ marks */
    char *text = bar + 3, *w = text;
    m->frame.caret_start = m->frame.caret_end = -1;
    for (char *r = text; *r; r++) {
        if (*r == '^') {
            if (m->frame.caret_start < 0)
                m->frame.caret_start = (int)(w - text);
            else
                m->frame.caret_end = (int)(w - text);
            continue;
        }
        *w++ = *r;
    }
    *w = 0;
    if (m->frame.caret_end < 0)
        m->frame.caret_start = -1;
    m->frame.text = text;
    m->text = buf;
    return 0;
}

SimStdFrames *sim_stdframes_new(const char *src, size_t len, uint8_t source)
{
    SimStdFrames *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->source = source;
    size_t cap = 0;
    int line = 1;
    for (const char *s = src, *end = src + len; s < end; line++) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *e = nl ? nl : end;
        const char *mark = NULL;
        for (const char *p = s; p + 3 <= e; p++)
            if (p[0] == '#' && p[1] == '@' && p[2] == ' ') {
                mark = p + 3;
                break;
            }
        if (mark) {
            if (t->n == cap) {
                cap = cap ? cap * 2 : 16;
                Mark *nm = realloc(t->marks, cap * sizeof *nm);
                if (!nm) {
                    sim_stdframes_free(t);
                    return NULL;
                }
                t->marks = nm;
            }
            if (parse_mark(mark, (size_t)(e - mark), &t->marks[t->n]) == 0) {
                t->marks[t->n].line = line;
                t->n++;
            }
        }
        s = nl ? nl + 1 : end;
    }
    return t;
}

void sim_stdframes_free(SimStdFrames *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n; i++)
        free(t->marks[i].text);
    free(t->marks);
    free(t);
}

const ExtFrame *sim_stdframes_at(const SimStdFrames *t, const char *file, int line)
{
    for (size_t i = 0; t && i < t->n; i++)
        if (t->marks[i].frame.line == line && strcmp(t->marks[i].frame.file, file) == 0)
            return &t->marks[i].frame;
    return NULL;
}

const ExtFrame *sim_stdframes_find(const SimStdFrames *t, uint8_t source, int line)
{
    if (!t || source != t->source)
        return NULL;
    for (size_t i = 0; i < t->n; i++)
        if (t->marks[i].line == line)
            return &t->marks[i].frame;
    return NULL;
}
