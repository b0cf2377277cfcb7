/*
 * report.c - CPython 3.12's report of an uncaught exception, byte for byte:
 * the chain of causes and contexts, "Traceback (most recent call last):",
 * each frame's file, line, function, source line and caret line, repeated
 * frames folded, the final "Type: message" with 3.12's suggestions and
 * notes, and exception groups drawn as nested boxes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "vm.h"
#include "internal.h"
#include "lang.h"
#include "numfmt.h"

#define MAX_GROUP_WIDTH 15
#define MAX_GROUP_DEPTH 10

typedef struct Ctx {
    VM *vm;
    int group_depth;
    bool need_close;
    int chain_depth;
    const VmReportOptions *opt;
    NfBuf *out;          /* the text goes here, not to stderr (traceback.format_*) */
    size_t *marks;       /* where each of traceback's strings starts in out */
    size_t nmarks, capmarks;
    size_t *cuts;        /* the strings that start within the NfBuf being built */
    size_t ncuts, capcuts;
} Ctx;

/* Appends at to a growable array (out of memory: the string boundary is
 * lost, the text is not). */
static void push_offset(size_t **arr, size_t *n, size_t *cap, size_t at)
{
    if (*n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 16;
        size_t *m = realloc(*arr, ncap * sizeof(size_t));
        if (!m)
            return;
        *arr = m;
        *cap = ncap;
    }
    (*arr)[(*n)++] = at;
}

static void ctx_mark(Ctx *cx)
{
    if (!cx->out)
        return;
    if (cx->nmarks && cx->marks[cx->nmarks - 1] == cx->out->len)
        return;
    push_offset(&cx->marks, &cx->nmarks, &cx->capmarks, cx->out->len);
}

static void ctx_write(Ctx *cx, const char *s, size_t n)
{
    if (cx->out)
        nf_buf_append(cx->out, s, n);
    else
        vm_write_err(cx->vm, s, n);
}

/* A new string of traceback's list starts here in the text being built. */
static void cut(Ctx *cx, const NfBuf *b)
{
    if (cx->out)
        push_offset(&cx->cuts, &cx->ncuts, &cx->capcuts, b->len);
}

/* Writes text with every line prefixed by the group margin, as CPython's
 * _ExceptionPrintContext.emit does. */
static void emit_margin(Ctx *cx, const char *text, size_t len, char margin)
{
    char indent[64];
    int n = 0;
    for (int i = 0; i < cx->group_depth && n < 40; i++) {
        indent[n++] = ' ';
        indent[n++] = ' ';
    }
    if (cx->group_depth) {
        indent[n++] = margin;
        indent[n++] = ' ';
    }
    const char *p = text, *end = text + len;
    size_t next_cut = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t ln = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);
        size_t off = (size_t)(p - text);
        while (next_cut < cx->ncuts && cx->cuts[next_cut] < off)
            next_cut++;
        if (p == text || (next_cut < cx->ncuts && cx->cuts[next_cut] == off))
            ctx_mark(cx);
        if (n)
            ctx_write(cx, indent, (size_t)n);
        ctx_write(cx, p, ln);
        p += ln;
    }
    cx->ncuts = 0;
}

static void emit(Ctx *cx, const NfBuf *b)
{
    emit_margin(cx, b->data ? b->data : "", b->len, '|');
}

static void emit_cstr(Ctx *cx, const char *s)
{
    cx->ncuts = 0;
    emit_margin(cx, s, strlen(s), '|');
}

/* A line of a group's box, which is not indented by the margin. */
static void emit_box(Ctx *cx, const char *s)
{
    ctx_mark(cx);
    ctx_write(cx, s, strlen(s));
}

static void put(NfBuf *b, const char *s) { nf_buf_append(b, s, strlen(s)); }

/* ---- frames ---------------------------------------------------------------- */

bool vm_source_line(VM *vm, int lineno, const char **start, size_t *len)
{
    const char *s = vm->cfg.source, *end = s + vm->cfg.source_len;
    if (!s || lineno < 1)
        return false;
    for (int l = 1; l < lineno; l++) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        if (!nl)
            return false;
        s = nl + 1;
    }
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
    if (n && s[n - 1] == '\r')
        n--;
    *start = s;
    *len = n;
    return true;
}

static size_t chars_in(const char *s, size_t bytes)
{
    return nf_utf8_count(s, bytes);
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r' || c == '\n';
}

/* The source line, stripped, and under it the caret line when the failing
 * span does not cover the whole line (traceback.py's format_frame_summary). */
static void format_source(VM *vm, NfBuf *b, const Position *pos)
{
    const char *line;
    size_t len;
    if (!vm_source_line(vm, pos->line, &line, &len))
        return;
    size_t lead = 0;
    while (lead < len && is_space(line[lead]))
        lead++;
    size_t trail = len;
    while (trail > lead && is_space(line[trail - 1]))
        trail--;
    if (trail == lead)
        return;
    put(b, "    ");
    nf_buf_append(b, line + lead, trail - lead);
    put(b, "\n");

    if (pos->col < 0 || pos->end_col < 0 || (size_t)pos->col > len)
        return;
    size_t col = (size_t)pos->col, end_col = (size_t)pos->end_col;
    size_t start_off = chars_in(line, col), end_off;
    int left = 0, right = 0;
    bool anchors = false;
    if (pos->end_line == pos->line) {
        if (end_col > len)
            end_col = len;
        if (end_col < col)
            return;
        end_off = chars_in(line, end_col);
        anchors = lang_caret_anchors(line + col, end_col - col, &left, &right);
    } else {
        end_off = chars_in(line, trail);
    }
    size_t stripped_chars = chars_in(line + lead, trail - lead);
    if (!(end_off - start_off < stripped_chars || (anchors && right - left > 0)))
        return;
    put(b, "    ");
    for (size_t i = chars_in(line, lead); i < start_off; i++)
        put(b, " ");
    for (size_t i = 0; i < end_off - start_off; i++)
        put(b, !anchors ? "^" : ((int)i >= left && (int)i < right) ? "^" : "~");
    put(b, "\n");
}

static void format_repeat(Ctx *cx, NfBuf *b, int repeat)
{
    if (repeat >= 3) {
        cut(cx, b);
        char line[96];
        int more = repeat - 2;
        snprintf(line, sizeof line, "  [Previous line repeated %d more time%s]\n", more, more == 1 ? "" : "s");
        put(b, line);
    }
}

/* A frame of CPython's library: its file under the install directory, its
 * line, and carets under the part that ran when that is not the whole line. */
static void format_ext_frame(VM *vm, NfBuf *b, const ExtFrame *x)
{
    char head[64];
    put(b, "  File \"");
    put(b, vm->stdlib_dir ? vm->stdlib_dir : "");
    put(b, "/");
    put(b, x->file);
    snprintf(head, sizeof head, "\", line %d, in ", x->line);
    put(b, head);
    put(b, x->func);
    put(b, "\n    ");
    put(b, x->text);
    put(b, "\n");
    if (x->caret_start < 0)
        return;
    put(b, "    ");
    for (int i = 0; i < x->caret_start; i++)
        put(b, " ");
    for (int i = x->caret_start; i < x->caret_end; i++)
        put(b, "^");
    put(b, "\n");
}

/* Whether entry i is a frame CPython would have: loopscope's hidden code
 * only where it stands for a frame of CPython's library, and no
 * comprehension frames. */
static bool tb_entry_shown(VM *vm, const Exception *e, int i, const ExtFrame **ext)
{
    const TbEntry *t = &e->tb[i];
    Code *code = tb_code(t);
    *ext = NULL;
    if (!code || code->hidden) {
        const ExtFrame *x = tb_ext(t);
        if (!x && vm->ext_frame)
            x = vm->ext_frame(vm, code, code_line_at(code, t->instr));
        if (!x && code && vm->lib_frame)
            x = vm->lib_frame(vm, code, code_line_at(code, t->instr));
        *ext = x;
        return x != NULL;
    }
    return !(code->proto->flags & PROTO_COMPREHENSION);
}

/* Frames outermost first (from entry `from` inwards); three identical ones
 * in a row, then a count. traceback's limit keeps the first (or, negative,
 * the last) so many frames. */
static void format_stack(Ctx *cx, NfBuf *b, const Exception *e, int from)
{
    VM *vm = cx->vm;
    const Proto *last_proto = NULL;
    int last_line = -1, repeat = 0;
    int skip = 0, keep = -1;
    if (cx->opt && cx->opt->has_limit) {
        int total = 0;
        const ExtFrame *x;
        for (int i = from; i >= 0; i--)
            total += tb_entry_shown(vm, e, i, &x);
        int lim = cx->opt->limit;
        if (lim >= 0)
            keep = lim;
        else
            skip = total + lim > 0 ? total + lim : 0;
    }
    for (int i = from; i >= 0; i--) {
        const TbEntry *t = &e->tb[i];
        const ExtFrame *x;
        if (!tb_entry_shown(vm, e, i, &x))
            continue;
        if (skip > 0) {
            skip--;
            continue;
        }
        if (keep == 0)
            break;
        if (keep > 0)
            keep--;
        if (x) {
            format_repeat(cx, b, repeat);
            repeat = 0;
            last_proto = NULL;
            cut(cx, b);
            format_ext_frame(vm, b, x);
            continue;
        }
        /* CPython 3.12 inlines comprehensions (PEP 709): their frames do not
         * exist, and the enclosing frame reports the failing instruction */
        const TbEntry *at = t;
        for (int j = i - 1; j >= 0 && tb_code(&e->tb[j]) && (tb_code(&e->tb[j])->proto->flags & PROTO_COMPREHENSION); j--)
            at = &e->tb[j];
        const Proto *p = at->at.code->proto;
        int line = code_line_at(at->at.code, at->instr);
        if (last_proto == t->at.code->proto && last_line == line) {
            if (++repeat >= 3)
                continue;
        } else {
            format_repeat(cx, b, repeat);
            repeat = 0;
        }
        last_proto = t->at.code->proto;
        last_line = line;
        cut(cx, b);
        char head[64];
        put(b, "  File \"");
        put(b, vm->cfg.filename ? vm->cfg.filename : "<string>");
        snprintf(head, sizeof head, "\", line %d, in ", line);
        put(b, head);
        nf_buf_append(b, t->at.code->name->data, t->at.code->name->len);
        put(b, "\n");
        /* instr -1: a coroutine that never started (cancelled first) */
        Position pos = at->instr >= 0 ? p->positions[at->instr] : (Position){ line, line, -1, -1 };
        if (pos.line != line)
            pos.line = line, pos.col = pos.end_col = -1;
        format_source(vm, b, &pos);
    }
    format_repeat(cx, b, repeat);
}

/* "Type: message" with suggestions, then the notes. */
static void format_exception_only(Ctx *cx, NfBuf *b, Value exc)
{
    VM *vm = cx->vm;
    Exception *e = AS_EXC(exc);
    cut(cx, b);
    Class *c = e->hdr.cls;
    if (c->module && strcmp(c->module->data, "builtins") != 0 && strcmp(c->module->data, "__main__") != 0) {
        nf_buf_append(b, c->module->data, c->module->len);
        put(b, ".");
    }
    nf_buf_append(b, c->qualname->data, c->qualname->len);
    Str *msg = vm_to_str(vm, exc);
    if (!msg) {
        vm->exc = VNULL;
        put(b, ": <exception str() failed>");
    } else if (msg->len) {
        put(b, ": ");
        nf_buf_append(b, msg->data, msg->len);
    }
    Str *hint = exc_report_suggestion(vm, e);
    if (hint)
        nf_buf_append(b, hint->data, hint->len);
    put(b, "\n");
    if (e->notes) {
        List *notes = e->notes;
        for (size_t i = 0; i < notes->len; i++) {
            cut(cx, b);
            Str *n = vm_to_str(vm, notes->items[i]);
            vm->exc = VNULL;
            if (n)
                nf_buf_append(b, n->data, n->len);
            put(b, "\n");
        }
    }
}

Str *vm_exc_summary(VM *vm, Value exc)
{
    if (!IS_EXCEPTION(exc))
        return vm_repr(vm, exc);
    Exception *e = AS_EXC(exc);
    Class *c = e->hdr.cls;
    Str *msg = vm_to_str(vm, exc);
    vm->exc = VNULL;
    if (!msg || msg->len == 0)
        return str_new(vm, c->qualname->data, c->qualname->len);
    return str_printf(vm, "%s: %s", c->qualname->data, msg->data);
}

/* ---- one exception, its chain, its group --------------------------------- */

static void format_exc(Ctx *cx, Value exc, bool chain);

static void format_single(Ctx *cx, Value exc)
{
    VM *vm = cx->vm;
    Exception *e = AS_EXC(exc);
    NfBuf b = NF_BUF_INIT;
    bool tb = e->ntb && !(cx->opt && cx->opt->no_tb && exc.as.o == cx->opt->top.as.o);
    if (!exc_is_group(vm, exc)) {
        if (tb) {
            cut(cx, &b);
            put(&b, "Traceback (most recent call last):\n");
            format_stack(cx, &b, e, (int)e->ntb - 1);
        }
        format_exception_only(cx, &b, exc);
        emit(cx, &b);
        nf_buf_free(&b);
        return;
    }
    if (cx->group_depth > MAX_GROUP_DEPTH) {
        char line[64];
        snprintf(line, sizeof line, "... (max_group_depth is %d)\n", MAX_GROUP_DEPTH);
        emit_cstr(cx, line);
        return;
    }
    bool toplevel = cx->group_depth == 0;
    if (toplevel)
        cx->group_depth++;
    if (tb) {
        cx->ncuts = 0;
        emit_margin(cx, "Exception Group Traceback (most recent call last):\n", 51, toplevel ? '+' : '|');
        format_stack(cx, &b, e, (int)e->ntb - 1);
    }
    format_exception_only(cx, &b, exc);
    emit(cx, &b);
    nf_buf_free(&b);

    Tuple *items = exc_group_items(vm, exc);
    int num = items ? (int)items->len : 0;
    int n = num <= MAX_GROUP_WIDTH ? num : MAX_GROUP_WIDTH + 1;
    cx->need_close = false;
    for (int i = 0; i < n; i++) {
        bool last = i == n - 1;
        if (last)
            cx->need_close = true;
        bool truncated = i >= MAX_GROUP_WIDTH;
        char title[32], line[128];
        if (truncated)
            snprintf(title, sizeof title, "...");
        else
            snprintf(title, sizeof title, "%d", i + 1);
        snprintf(line, sizeof line, "%*s%s+---------------- %s ----------------\n", 2 * cx->group_depth, "",
                 i == 0 ? "+-" : "  ", title);
        emit_box(cx, line);
        cx->group_depth++;
        if (!truncated) {
            format_exc(cx, items->items[i], true);
        } else {
            int remaining = num - MAX_GROUP_WIDTH;
            snprintf(line, sizeof line, "and %d more exception%s\n", remaining, remaining > 1 ? "s" : "");
            emit_cstr(cx, line);
        }
        if (last && cx->need_close) {
            snprintf(line, sizeof line, "%*s+------------------------------------\n", 2 * cx->group_depth, "");
            emit_box(cx, line);
            cx->need_close = false;
        }
        cx->group_depth--;
    }
    if (toplevel)
        cx->group_depth = 0;
}

static void format_exc(Ctx *cx, Value exc, bool chain)
{
    /* the chain, oldest first: causes and contexts, as far as they go */
    Value chainv[64];
    const char *msgs[64];
    int n = 0;
    Value cur = exc;
    const char *msg = NULL;
    while (IS_EXCEPTION(cur) && n < 64) {
        bool seen = false;
        for (int i = 0; i < n; i++)
            if (chainv[i].as.o == cur.as.o)
                seen = true;
        if (seen)
            break;
        chainv[n] = cur;
        msgs[n] = msg;
        n++;
        if (!chain)
            break;
        Exception *e = AS_EXC(cur);
        if (e->cause) {
            msg = "\nThe above exception was the direct cause of the following exception:\n\n";
            cur = VOBJ(e->cause);
        } else if (e->context && !e->suppress_context) {
            msg = "\nDuring handling of the above exception, another exception occurred:\n\n";
            cur = VOBJ(e->context);
        } else {
            break;
        }
    }
    for (int i = n - 1; i >= 0; i--) {
        format_single(cx, chainv[i]);
        if (msgs[i])
            emit_cstr(cx, msgs[i]);
    }
}

void vm_print_exception(VM *vm, Value exc)
{
    if (!IS_EXCEPTION(exc))
        return;
    Value saved = vm->exc;
    vm->exc = VNULL;
    Ctx cx = { .vm = vm };
    format_exc(&cx, exc, true);
    vm->exc = saved;
}

/* The report as traceback's list of strings (see vm.h). */
List *vm_format_exception(VM *vm, Value exc, const VmReportOptions *opt)
{
    if (!IS_EXCEPTION(exc))
        return list_new(vm, 0);
    Value saved = vm->exc;
    vm->exc = VNULL;
    NfBuf text = NF_BUF_INIT;
    Ctx cx = { .vm = vm, .opt = opt, .out = &text };
    Exception *e = AS_EXC(exc);
    switch (opt->what) {
    case VM_REPORT_FULL:
        format_exc(&cx, exc, opt->chain);
        break;
    case VM_REPORT_ONLY: {
        NfBuf b = NF_BUF_INIT;
        format_exception_only(&cx, &b, exc);
        emit(&cx, &b);
        nf_buf_free(&b);
        break;
    }
    case VM_REPORT_TB: {
        NfBuf b = NF_BUF_INIT;
        int from = opt->tb_from < 0 || opt->tb_from >= (int)e->ntb ? (int)e->ntb - 1 : opt->tb_from;
        format_stack(&cx, &b, e, from);
        emit(&cx, &b);
        nf_buf_free(&b);
        break;
    }
    }
    vm->exc = saved;
    /* a list, as traceback's functions return (made now: a __str__ above
     * may have run the collector) */
    List *out = list_new(vm, cx.nmarks);
    for (size_t i = 0; i < cx.nmarks; i++) {
        size_t start = cx.marks[i], end = i + 1 < cx.nmarks ? cx.marks[i + 1] : text.len;
        if (end > start)
            list_append(vm, out, VOBJ(str_new(vm, text.data + start, end - start)));
    }
    free(cx.marks);
    free(cx.cuts);
    nf_buf_free(&text);
    return out;
}
