/*
 * exec.c - the interpreter: loading compiled code, frames, argument binding,
 * the dispatch loop, calls, generators and coroutines.
 *
 * Python-to-Python calls do not recurse in C: CALL pushes a heap frame and
 * the loop carries on in it, RETURN pops back. A coroutine awaited by another
 * is pushed the same way (AWAIT), so a task's whole chain of coroutines can
 * park at an await and resume later: vm_execute returns EXEC_SUSPEND and the
 * frames stay linked on the heap. C recursion happens only where C code calls
 * Python (natives with callbacks, class bodies, __init__, sync generators).
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "vm.h"
#include "internal.h"
#include "numops.h"

#define MAX_C_NESTING 2000   /* nested vm_execute calls: keeps the C stack safe */

/* ---- loading ---------------------------------------------------------------- */

static Str *intern_c(VM *vm, const char *s)
{
    return str_intern(vm, s, strlen(s));
}

static Value const_value(VM *vm, const Const *k)
{
    switch (k->kind) {
    case K_NONE: return VNONE;
    case K_TRUE: return VBOOL(true);
    case K_FALSE: return VBOOL(false);
    case K_ELLIPSIS: return vm->ellipsis;
    case K_INT: return VINT(k->as.i);
    case K_FLOAT: return VFLOAT(k->as.f);
    case K_STR:
        if (k->as.str.len <= 40)
            return VOBJ(str_intern(vm, k->as.str.s, k->as.str.len));
        return VOBJ(str_new(vm, k->as.str.s, k->as.str.len));
    case K_BYTES:
        return bytes_new(vm, k->as.str.s, k->as.str.len);
    case K_BIGINT: {
        BigInt b = BI_INIT;
        /* decimal digits, or a 0x / 0o / 0b literal's text; either with '-' */
        if (bi_from_str(&b, k->as.str.s, k->as.str.len, 0, 0, NULL) != BI_OK) {
            bi_free(&b);
            return VINT(0);
        }
        return int_from_bigint(vm, &b);
    }
    case K_CODE: return VOBJ(code_load(vm, k->as.code));
    case K_TUPLE: {
        Tuple *t = tuple_new(vm, (size_t)k->as.tuple.n);
        for (int i = 0; i < k->as.tuple.n; i++)
            t->items[i] = const_value(vm, &k->as.tuple.items[i]);
        return VOBJ(t);
    }
    }
    return VNONE;
}

Code *code_load(VM *vm, Proto *p)
{
    Code *c = vm_alloc_obj(vm, sizeof(Code), OBJ_CODE, TYPE(vm, code));
    c->proto = p;
    c->name = intern_c(vm, p->name);
    c->qualname = intern_c(vm, p->qualname ? p->qualname : p->name);
    c->consts = vm_realloc(vm, NULL, 0, (size_t)p->nconsts * sizeof(Value) + 1);
    for (int i = 0; i < p->nconsts; i++)
        c->consts[i] = VNONE;
    for (int i = 0; i < p->nconsts; i++)
        c->consts[i] = const_value(vm, &p->consts[i]);
    c->names = vm_realloc(vm, NULL, 0, (size_t)p->nnames * sizeof(Str *) + 1);
    for (int i = 0; i < p->nnames; i++)
        c->names[i] = intern_c(vm, p->names[i]);
    c->localnames = vm_realloc(vm, NULL, 0, (size_t)p->nlocals * sizeof(Str *) + 1);
    for (int i = 0; i < p->nlocals; i++)
        c->localnames[i] = intern_c(vm, p->localnames[i]);
    int ncf = p->ncells + p->nfrees;
    c->cellnames = vm_realloc(vm, NULL, 0, (size_t)ncf * sizeof(Str *) + 1);
    for (int i = 0; i < p->ncells; i++)
        c->cellnames[i] = intern_c(vm, p->cellnames[i]);
    for (int i = 0; i < p->nfrees; i++)
        c->cellnames[p->ncells + i] = intern_c(vm, p->freenames[i]);
    int blocks = 0;
    bool globals = false;
    for (int i = 0; i < p->ncode; i++) {
        Opcode op = INSTR_OP(p->code[i]);
        if (op == OP_SETUP_FINALLY || op == OP_SETUP_CLEANUP || op == OP_SETUP_WITH)
            blocks++;
        globals |= op == OP_LOAD_GLOBAL;
    }
    if (globals) {
        c->gcache = vm_realloc(vm, NULL, 0, (size_t)p->ncode * sizeof(GlobalCache));
        memset(c->gcache, 0, (size_t)p->ncode * sizeof(GlobalCache));
    }
    c->max_blocks = blocks;
    /* one slot past the compiler's bound: CALL_FUNCTION_EX lays out its
     * operands again one past the top it had */
    c->frame_slots = p->nlocals + ncf + p->max_stack + 1;
    c->nlocals = p->nlocals;
    c->ncells = p->ncells;
    c->nfrees = p->nfrees;
    c->argcount = p->argcount;
    size_t need = sizeof(Frame) + (size_t)c->frame_slots * sizeof(Value) + (size_t)blocks * sizeof(Block);
    c->frame_bytes = (uint32_t)((need + VM_SMALL_GRAIN - 1) / VM_SMALL_GRAIN * VM_SMALL_GRAIN);
    c->simple = p->kwonlycount == 0 && p->ncells == 0 &&
                !(p->flags & (PROTO_VARARGS | PROTO_VARKEYWORDS | PROTO_GENERATOR | PROTO_COROUTINE |
                              PROTO_ASYNC_GENERATOR | PROTO_CLASSBODY | PROTO_MODULE));
    return c;
}

int code_line_at(const Code *c, int instr)
{
    const Proto *p = c->proto;
    for (int i = instr; i >= 0; i--)
        if (p->positions[i].line > 0)
            return p->positions[i].line;
    return p->firstline;
}

int vm_frame_line(const Frame *f)
{
    int instr = (int)(f->ip - f->code->proto->code) - 1;
    if (instr < 0)
        instr = 0;
    return code_line_at(f->code, instr);
}

/* ---- frames ------------------------------------------------------------------ */

/* Frames come from the same slabs and per-size free lists as small objects
 * (object.c), in 8-byte steps: a call costs no malloc, and a parked chain
 * holds no malloc header and little rounding per frame. Frames too big for
 * the slabs are malloc'd. */
Frame *frame_new(VM *vm, Function *fn, Dict *ns)
{
    Code *c = fn->code;
    size_t size = c->frame_bytes;
    Frame *f = vm_small_alloc(vm, size);
    vm->bytes_allocated += size;
    int nlocals = c->nlocals;
    f->parent = NULL;
    f->fn = fn;
    f->code = c;
    f->ip = c->proto->code;
    Value *locals = f->slots, *cells = f->slots + nlocals;
    f->sp = cells + c->ncells + c->nfrees;
    f->ns = ns;
    f->handled = NULL;
    f->gen = NULL;
    f->nblocks = 0;
    f->resuming = 0;
    f->preempted = 0;
    f->fast_await = 0;
    f->xfer_kind = XFER_NONE;
    f->xfer = VNULL;
    f->alloc_size = (uint32_t)size;
    for (int i = 0; i < nlocals; i++)
        locals[i] = VNULL;
    /* cells are made before anything can collect: the frame is not yet reachable */
    for (int i = 0; i < c->ncells; i++) {
        Cell *cell = vm_alloc_obj(vm, sizeof(Cell), OBJ_CELL, TYPE(vm, cell));
        cell->v = VNULL;
        cells[i] = VOBJ(cell);
    }
    for (int i = 0; i < c->nfrees; i++)
        cells[c->ncells + i] = fn->closure && (size_t)i < fn->closure->len ? fn->closure->items[i] : VNULL;
    return f;
}

bool vm_fast_await(VM *vm)
{
    return vm->frame && vm->frame->fast_await;
}

void frame_free(VM *vm, Frame *f)
{
    size_t size = f->alloc_size;
    vm->bytes_allocated -= size;
    vm_release_mem(vm, f, size);
}

/* ---- argument binding --------------------------------------------------------- */

static void join_names(char *buf, size_t size, Str **names, int n)
{
    /* 'a' | 'a' and 'b' | 'a', 'b', and 'c' */
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; i < n; i++) {
        const char *sep = i == 0 ? "" : (n == 2 ? " and " : (i == n - 1 ? ", and " : ", "));
        int w = snprintf(buf + used, size - used, "%s'%s'", sep, names[i]->data);
        if (w < 0 || (size_t)w >= size - used)
            break;
        used += (size_t)w;
    }
}

static int missing_args(VM *vm, Function *fn, Frame *f, int from, int to, bool kwonly)
{
    Str *names[64];
    int n = 0;
    for (int i = from; i < to && n < 64; i++)
        if (IS_NULL(frame_locals(f)[i]))
            names[n++] = fn->code->localnames[i];
    if (n == 0)
        return 0;
    char list[1024];
    join_names(list, sizeof list, names, n);
    vm_raise(vm, EXC_TypeError, "%s() missing %d required %s argument%s: %s", fn->qualname->data, n,
             kwonly ? "keyword-only" : "positional", n == 1 ? "" : "s", list);
    return -1;
}

static int too_many_positional(VM *vm, Function *fn, Frame *f, int given, int nkw_only_given)
{
    const Proto *p = fn->code->proto;
    int ndef = fn->defaults ? (int)fn->defaults->len : 0;
    int maxp = p->argcount, minp = p->argcount - ndef;
    char takes[96];
    if (minp < maxp)
        snprintf(takes, sizeof takes, "from %d to %d positional arguments", minp, maxp);
    else
        snprintf(takes, sizeof takes, "%d positional argument%s", maxp, maxp == 1 ? "" : "s");
    (void)f;
    if (nkw_only_given > 0)
        vm_raise(vm, EXC_TypeError, "%s() takes %s but %d positional argument%s (and %d keyword-only argument%s) were given",
                 fn->qualname->data, takes, given, given == 1 ? "" : "s", nkw_only_given,
                 nkw_only_given == 1 ? "" : "s");
    else
        vm_raise(vm, EXC_TypeError, "%s() takes %s but %d %s given", fn->qualname->data, takes, given,
                 given == 1 ? "was" : "were");
    return -1;
}

int vm_bind_call(VM *vm, Function *fn, Frame *f, Value *args, int nargs, Tuple *kwnames)
{
    const Proto *p = fn->code->proto;
    if (!kwnames && nargs == p->argcount && !(p->flags & (PROTO_VARARGS | PROTO_VARKEYWORDS)) &&
        p->kwonlycount == 0) {
        /* the common case: exactly the positional arguments */
        for (int i = 0; i < nargs; i++)
            frame_locals(f)[i] = args[i];
        if (p->cell2arg)
            for (int i = 0; i < p->ncells; i++)
                if (p->cell2arg[i] >= 0)
                    ((Cell *)AS_OBJ(frame_cells(f)[i]))->v = frame_locals(f)[p->cell2arg[i]];
        return 0;
    }
    int argc = p->argcount, kwc = p->kwonlycount;
    bool varargs = p->flags & PROTO_VARARGS, varkw = p->flags & PROTO_VARKEYWORDS;
    int nkw = kwnames ? (int)kwnames->len : 0;
    Value *locals = frame_locals(f);

    int npos = nargs < argc ? nargs : argc;
    for (int i = 0; i < npos; i++)
        locals[i] = args[i];
    if (varargs) {
        int extra = nargs > argc ? nargs - argc : 0;
        locals[argc + kwc] = VOBJ(tuple_from(vm, args + argc, (size_t)extra));
    } else if (nargs > argc) {
        int kwonly_given = 0;
        for (int k = 0; k < nkw; k++) {
            Str *kn = AS_STR(kwnames->items[k]);
            for (int j = argc; j < argc + kwc; j++)
                if (str_eq(fn->code->localnames[j], kn))
                    kwonly_given++;
        }
        return too_many_positional(vm, fn, f, nargs, kwonly_given);
    }
    Dict *kwdict = NULL;
    if (varkw) {
        kwdict = dict_new(vm);
        locals[argc + kwc + (varargs ? 1 : 0)] = VOBJ(kwdict);
    }
    for (int k = 0; k < nkw; k++) {
        Str *kn = AS_STR(kwnames->items[k]);
        Value v = args[nargs + k];
        int slot = -1;
        for (int j = p->posonlycount; j < argc + kwc; j++) {
            Str *ln = fn->code->localnames[j];
            if (ln == kn || str_eq(ln, kn)) {
                slot = j;
                break;
            }
        }
        if (slot < 0) {
            if (kwdict) {
                dict_set(vm, kwdict, VOBJ(kn), v);
                continue;
            }
            for (int j = 0; j < p->posonlycount; j++)
                if (str_eq(fn->code->localnames[j], kn)) {
                    vm_raise(vm, EXC_TypeError,
                             "%s() got some positional-only arguments passed as keyword arguments: '%s'",
                             fn->qualname->data, kn->data);
                    return -1;
                }
            vm_raise(vm, EXC_TypeError, "%s() got an unexpected keyword argument '%s'", fn->qualname->data, kn->data);
            return -1;
        }
        if (!IS_NULL(locals[slot])) {
            vm_raise(vm, EXC_TypeError, "%s() got multiple values for argument '%s'", fn->qualname->data, kn->data);
            return -1;
        }
        locals[slot] = v;
    }
    /* defaults */
    if (nargs < argc) {
        int ndef = fn->defaults ? (int)fn->defaults->len : 0;
        int first_def = argc - ndef;
        for (int i = nargs; i < argc; i++)
            if (IS_NULL(locals[i]) && i >= first_def)
                locals[i] = fn->defaults->items[i - first_def];
        if (missing_args(vm, fn, f, nargs, argc, false) < 0)
            return -1;
    }
    if (kwc) {
        for (int j = argc; j < argc + kwc; j++) {
            if (IS_NULL(locals[j]) && fn->kwdefaults) {
                Value d = dict_get_str(fn->kwdefaults, fn->code->localnames[j]);
                if (!IS_NULL(d))
                    locals[j] = d;
            }
        }
        if (missing_args(vm, fn, f, argc, argc + kwc, true) < 0)
            return -1;
    }
    /* parameters captured by inner functions start in their cells */
    if (p->cell2arg) {
        for (int i = 0; i < p->ncells; i++)
            if (p->cell2arg[i] >= 0)
                ((Cell *)AS_OBJ(frame_cells(f)[i]))->v = locals[p->cell2arg[i]];
    }
    return 0;
}

/* ---- generators ----------------------------------------------------------------- */

static Gen *gen_new(VM *vm, Function *fn, Frame *f)
{
    uint32_t flags = fn->code->proto->flags;
    GenKind kind = (flags & PROTO_COROUTINE) ? GEN_COROUTINE
                 : (flags & PROTO_ASYNC_GENERATOR) ? GEN_ASYNC_GENERATOR : GEN_GENERATOR;
    Class *cls = kind == GEN_COROUTINE ? TYPE(vm, coroutine)
               : kind == GEN_ASYNC_GENERATOR ? TYPE(vm, async_generator) : TYPE(vm, generator);
    Gen *g = vm_alloc_obj(vm, kind == GEN_ASYNC_GENERATOR ? sizeof(AsyncGen) : sizeof(Gen), OBJ_GEN, cls);
    g->frame = f;
    g->resume = NULL;
    g->name = fn->name;
    g->qualname = fn->qualname;
    g->gkind = (uint8_t)kind;
    if (kind == GEN_ASYNC_GENERATOR)
        AS_ASYNC_GEN(g)->finalizer = VNULL;
    g->state = GEN_CREATED;
    g->firstline = fn->code->proto->firstline;
    if (g->gkind == GEN_COROUTINE)
        vm->made_coroutines = true;
    f->gen = g;
    return g;
}

Gen *vm_fiber_new(VM *vm, Value fn, Value *args, int nargs)
{
    if (!IS_FUNCTION(fn)) {
        vm_raise(vm, EXC_TypeError, "a thread runs a Python function");
        return NULL;
    }
    Function *f = AS_FUNCTION(fn);
    Frame *fr = frame_new(vm, f, NULL);
    fr->parent = vm->frame;
    if (vm_bind_call(vm, f, fr, args, nargs, NULL) < 0) {
        frame_free(vm, fr);
        return NULL;
    }
    fr->parent = NULL;
    Gen *g = gen_new(vm, f, fr);
    g->gkind = GEN_FIBER;
    g->awaited = 1;
    return g;
}

void gen_finish(VM *vm, Gen *g)
{
    g->state = GEN_CLOSED;
    if (g->frame) {
        frame_free(vm, g->frame);
        g->frame = NULL;
    }
    g->resume = NULL;
}

const char *gen_kind_name(const Gen *g)
{
    switch ((GenKind)g->gkind) {
    case GEN_COROUTINE: return "coroutine";
    case GEN_ASYNC_GENERATOR: return "async generator";
    case GEN_FIBER: return "thread";
    default: return "generator";
    }
}

/* A StopIteration (or, from an async generator, StopAsyncIteration) that
 * escapes the body would end the caller's iteration by accident: CPython
 * turns it into a RuntimeError whose cause is the original. */
void gen_convert_stop(VM *vm, Gen *g)
{
    if (g->gkind == GEN_FIBER)
        return;   /* a thread's function is no generator: its exception stands */
    const char *stop = vm_exc_matches(vm, EXC_StopIteration) ? "StopIteration"
                     : g->gkind == GEN_ASYNC_GENERATOR && vm_exc_matches(vm, EXC_StopAsyncIteration)
                       ? "StopAsyncIteration" : NULL;
    if (!stop)
        return;
    Value exc = vm_exc_take(vm);
    vm_raise(vm, EXC_RuntimeError, "%s raised %s", gen_kind_name(g), stop);
    AS_EXC(vm->exc)->cause = exc_or_null(exc);
    AS_EXC(vm->exc)->context = exc_or_null(exc);
    AS_EXC(vm->exc)->suppress_context = 1;
}

ExecStatus gen_run(VM *vm, Gen *g, Value send, Value throw, Value *result)
{
    g->awaited = 1;
    Frame *start = g->resume ? g->resume : g->frame;
    if (start->preempted) {               /* a fiber stopped between instructions */
        start->preempted = 0;
    } else if (g->state == GEN_SUSPENDED) {
        if (start->resuming) {            /* parked in YIELD_FROM / AWAIT */
            if (!IS_NULL(throw))
                start->xfer_kind = XFER_THROWN, start->xfer = throw;
            else
                start->xfer_kind = XFER_SENT, start->xfer = send;
        } else if (!IS_NULL(throw)) {     /* parked after YIELD_VALUE */
            start->xfer_kind = XFER_PENDING, start->xfer = throw;
        } else {
            *start->sp++ = send;
        }
    } else if (!IS_NULL(throw)) {
        start->xfer_kind = XFER_PENDING, start->xfer = throw;
    }
    g->state = GEN_RUNNING;
    g->resume = NULL;
    ExecStatus st = vm_execute_from(vm, g->frame, start, result);
    switch (st) {
    case EXEC_YIELD:
    case EXEC_SUSPEND:
        g->state = GEN_SUSPENDED;
        break;
    case EXEC_RETURN:
        gen_finish(vm, g);
        break;
    case EXEC_ERROR:
        gen_finish(vm, g);
        gen_convert_stop(vm, g);
        break;
    }
    return st;
}

/* Runs g until it yields, returns or raises. *returned tells which of the
 * first two happened; VNULL means it raised. */
static Value gen_resume(VM *vm, Gen *g, Value send, Value throw, bool *returned)
{
    *returned = false;
    const char *what = gen_kind_name(g);
    if (g->state == GEN_RUNNING)
        return vm_raise(vm, EXC_ValueError, "%s already executing", what);
    if (g->state == GEN_CLOSED || !g->frame) {
        if (!IS_NULL(throw))
            return vm_raise_value(vm, throw);
        if (g->gkind == GEN_COROUTINE)
            return vm_raise(vm, EXC_RuntimeError, "cannot reuse already awaited coroutine");
        *returned = true;
        return VNONE;
    }
    if (g->state == GEN_CREATED && IS_NULL(throw) && !IS_NONE(send))
        return vm_raise(vm, EXC_TypeError, "can't send non-None value to a just-started %s", what);
    Value result;
    switch (gen_run(vm, g, send, throw, &result)) {
    case EXEC_YIELD:
    case EXEC_SUSPEND:
        return result;
    case EXEC_RETURN:
        *returned = true;
        return result;
    default:
        return VNULL;
    }
}

Value gen_send(VM *vm, Gen *g, Value v, bool *returned)
{
    return gen_resume(vm, g, v, VNULL, returned);
}

Value gen_throw(VM *vm, Gen *g, Value exc, bool *returned)
{
    return gen_resume(vm, g, VNONE, exc, returned);
}

static int gen_iter_next(VM *vm, Gen *g, Value *out)
{
    bool returned;
    Value r = gen_send(vm, g, VNONE, &returned);
    if (IS_NULL(r))
        return -1;
    if (returned)
        return 0;
    *out = r;
    return 1;
}

/* ---- calling ------------------------------------------------------------------- */

static Value call_function(VM *vm, Function *fn, Value *args, int nargs, Tuple *kwnames)
{
    uint32_t flags = fn->code->proto->flags;
    if (fn->code->fast && !kwnames && !(flags & (PROTO_GENERATOR | PROTO_COROUTINE | PROTO_ASYNC_GENERATOR))) {
        Value out;
        int k = fn->code->fast(vm, args, nargs, &out);
        if (k != FAST_DECLINED)
            return k < 0 ? VNULL : out;
    }
    Frame *f = frame_new(vm, fn, NULL);
    f->parent = vm->frame;   /* reachable for the collector while binding */
    if (vm_bind_call(vm, fn, f, args, nargs, kwnames) < 0) {
        frame_free(vm, f);
        return VNULL;
    }
    if (flags & (PROTO_GENERATOR | PROTO_COROUTINE | PROTO_ASYNC_GENERATOR)) {
        f->parent = NULL;
        return VOBJ(gen_new(vm, fn, f));
    }
    Value result;
    ExecStatus st = vm_execute(vm, f, &result);
    return st == EXEC_RETURN ? result : VNULL;
}

Value vm_call(VM *vm, Value callable, Value *args, int nargs, Tuple *kwnames)
{
    if (!IS_OBJ(callable))
        return vm_raise(vm, EXC_TypeError, "'%s' object is not callable", vm_type_name(vm, callable));
    switch ((ObjKind)callable.as.o->kind) {
    case OBJ_FUNCTION:
        return call_function(vm, AS_FUNCTION(callable), args, nargs, kwnames);
    case OBJ_NATIVE:
        if ((callable.as.o->flags & NATIVE_CHECK_SELF) && !native_self_ok(vm, AS_NATIVE(callable), args, nargs))
            return VNULL;
        return AS_NATIVE(callable)->fn(vm, args, nargs, kwnames);
    case OBJ_BOUND_METHOD: {
        BoundMethod *m = (BoundMethod *)callable.as.o;
        int nkw = kwnames ? (int)kwnames->len : 0;
        Value small[16];
        Value *buf = small;
        if (nargs + nkw + 1 > 16) {
            buf = malloc(sizeof(Value) * (size_t)(nargs + nkw + 1));
            if (!buf)
                abort();
        }
        buf[0] = m->self;
        if (nargs + nkw)
            memcpy(buf + 1, args, sizeof(Value) * (size_t)(nargs + nkw));
        Value r = vm_call(vm, m->func, buf, nargs + 1, kwnames);
        if (buf != small)
            free(buf);
        return r;
    }
    case OBJ_CLASS:
        return class_call(vm, AS_CLASS(callable), args, nargs, kwnames);
    default: {
        Value m = vm_lookup_special(vm, callable, vm->sn[SN_call]);
        if (!IS_NULL(m)) {
            Value bound = bind_descriptor(vm, m, callable, vm_type_of(vm, callable));
            if (IS_NULL(bound))
                return VNULL;
            return vm_call(vm, bound, args, nargs, kwnames);
        }
        return vm_raise(vm, EXC_TypeError, "'%s' object is not callable", vm_type_name(vm, callable));
    }
    }
}

Value vm_call0(VM *vm, Value callable) { return vm_call(vm, callable, NULL, 0, NULL); }
Value vm_call1(VM *vm, Value callable, Value a) { return vm_call(vm, callable, &a, 1, NULL); }
Value vm_call2(VM *vm, Value callable, Value a, Value b)
{
    Value args[2] = { a, b };
    return vm_call(vm, callable, args, 2, NULL);
}

Value vm_call_method(VM *vm, Value obj, Str *name, Value *args, int nargs)
{
    Value m = vm_getattr(vm, obj, name);
    if (IS_NULL(m))
        return VNULL;
    vm_push_root(vm, &m);
    Value r = vm_call(vm, m, args, nargs, NULL);
    vm_pop_root(vm);
    return r;
}

/* ---- iteration ---------------------------------------------------------------- */

static int seq_iter_next(VM *vm, Iter *it, Value *out)
{
    /* the old sequence protocol: __getitem__(0), (1), ... until IndexError */
    Value r = vm_getitem(vm, it->a, VINT(it->i));
    if (IS_NULL(r)) {
        if (vm_exc_matches(vm, EXC_IndexError) || vm_exc_matches(vm, EXC_StopIteration)) {
            vm_exc_take(vm);
            return 0;
        }
        return -1;
    }
    it->i++;
    *out = r;
    return 1;
}

Value vm_iter(VM *vm, Value v)
{
    bool builtin = !IS_OBJ(v) || (v.as.o->cls->cflags & CLASS_BUILTIN) ||
                   (v.as.o->kind <= OBJ_SET && IS_NULL(vm_override(vm, v, vm->sn[SN_iter])));
    if (IS_STR(v) && builtin)
        return str_iter(vm, AS_STR(v));
    if (IS_OBJ(v)) {
        Obj *o = v.as.o;
        if (o->kind == OBJ_ITER)
            return v;
        if (o->kind == OBJ_GEN && ((Gen *)o)->gkind == GEN_GENERATOR)
            return v;
        if (builtin) {
            Value it = container_iter(vm, v);
            if (!IS_NULL(it) || !IS_NULL(vm->exc))
                return it;
        }
        Value m = vm_lookup_special(vm, v, vm->sn[SN_iter]);
        /* a class defined in Python, or a C object's class with a native __iter__ */
        if (!IS_NULL(m) && (!(o->cls->cflags & CLASS_BUILTIN) || o->kind == OBJ_NATIVE_DATA)) {
            Value bound = bind_descriptor(vm, m, v, o->cls);
            Value it = IS_NULL(bound) ? VNULL : vm_call0(vm, bound);
            if (IS_NULL(it))
                return VNULL;
            if (IS_NULL(vm_lookup_special(vm, it, vm->sn[SN_next])) && !IS_KIND(it, OBJ_ITER) &&
                !IS_GEN(it))
                return vm_raise(vm, EXC_TypeError, "iter() returned non-iterator of type '%s'", vm_type_name(vm, it));
            return it;
        }
        if (!(o->cls->cflags & CLASS_BUILTIN) && !IS_NULL(vm_lookup_special(vm, v, vm->sn[SN_getitem]))) {
            Iter *it = iter_new(vm, seq_iter_next, v);
            return VOBJ(it);
        }
    }
    return vm_raise(vm, EXC_TypeError, "'%s' object is not iterable", vm_type_name(vm, v));
}

int vm_next(VM *vm, Value it, Value *out)
{
    /* a builtin looping in C (sum, max, list(...)) is charged one
     * instruction per item, so --max-steps stops it too */
    if (vm->cfg.max_steps && ++vm->steps > vm->cfg.max_steps) {
        vm->limit_hit = LIMIT_STEPS;
        vm_raise(vm, EXC_SystemExit, "loopscope: instruction budget exhausted");
        return -1;
    }
    if (IS_KIND(it, OBJ_ITER)) {
        Iter *i = (Iter *)it.as.o;
        return i->next(vm, i, out);
    }
    if (IS_GEN(it))
        return gen_iter_next(vm, AS_GEN(it), out);
    Value m = vm_lookup_special(vm, it, vm->sn[SN_next]);
    if (IS_NULL(m)) {
        vm_raise(vm, EXC_TypeError, "'%s' object is not an iterator", vm_type_name(vm, it));
        return -1;
    }
    Value bound = bind_descriptor(vm, m, it, vm_type_of(vm, it));
    Value r = IS_NULL(bound) ? VNULL : vm_call0(vm, bound);
    if (IS_NULL(r)) {
        if (vm_exc_matches(vm, EXC_StopIteration)) {
            vm_exc_take(vm);
            return 0;
        }
        return -1;
    }
    *out = r;
    return 1;
}

/* ---- the dispatch loop --------------------------------------------------------- */

static Value make_function(VM *vm, Frame *f, Code *code, uint32_t flags, Value *operands)
{
    Function *fn = vm_alloc_obj(vm, sizeof(Function), OBJ_FUNCTION, TYPE(vm, function));
    fn->code = code;
    fn->globals = frame_globals(f);
    fn->name = code->name;
    fn->qualname = code->qualname;
    fn->doc = VNONE;
    Value modname = dict_get_str(frame_globals(f), vm->sn[SN_name]);
    fn->module = IS_STR(modname) ? AS_STR(modname) : NULL;
    int k = 0;
    if (flags & MKFN_DEFAULTS)
        fn->defaults = IS_TUPLE(operands[k]) ? AS_TUPLE(operands[k]) : NULL, k++;
    if (flags & MKFN_KWDEFAULTS)
        fn->kwdefaults = IS_DICT(operands[k]) ? AS_DICT(operands[k]) : NULL, k++;
    if (flags & MKFN_CLOSURE)
        fn->closure = IS_TUPLE(operands[k]) ? AS_TUPLE(operands[k]) : NULL, k++;
    /* the compiler puts a function's docstring (or None) first in its constants */
    const Proto *p = code->proto;
    if (p->nconsts > 0 && !(p->flags & (PROTO_MODULE | PROTO_CLASSBODY)) && IS_STR(code->consts[0]))
        fn->doc = code->consts[0];
    return VOBJ(fn);
}


static Value import_module(VM *vm, Str *name, bool leaf)
{
    Value m = dict_get_str(vm->modules, name);
    if (IS_NULL(m) && vm->import_hook) {
        m = vm->import_hook(vm, name);
        if (IS_NULL(m) && !IS_NULL(vm->exc))
            return VNULL;
    }
    if (IS_NULL(m))
        return vm_raise(vm, EXC_ModuleNotFoundError, "No module named '%s'", name->data);
    if (leaf)
        return m;
    const char *dot = strchr(name->data, '.');
    if (!dot)
        return m;
    Str *top = str_intern(vm, name->data, (size_t)(dot - name->data));
    Value t = dict_get_str(vm->modules, top);
    return IS_NULL(t) ? m : t;
}

static int unpack_iterable(VM *vm, Value seq, Value *out, int before, int after, bool star)
{
    /* fills out[0..before+after(+1)] in source order; a subclass's own
     * __iter__ has the items said through it */
    if (!star && (IS_TUPLE(seq) || IS_LIST(seq)) &&
        ((AS_OBJ(seq)->cls->cflags & CLASS_BUILTIN) || IS_NULL(vm_override(vm, seq, vm->sn[SN_iter])))) {
        size_t len = IS_TUPLE(seq) ? AS_TUPLE(seq)->len : AS_LIST(seq)->len;
        Value *items = IS_TUPLE(seq) ? AS_TUPLE(seq)->items : AS_LIST(seq)->items;
        if ((int64_t)len != before) {
            if ((int64_t)len > before)
                vm_raise(vm, EXC_ValueError, "too many values to unpack (expected %d)", before);
            else
                vm_raise(vm, EXC_ValueError, "not enough values to unpack (expected %d, got %zu)", before, len);
            return -1;
        }
        memcpy(out, items, len * sizeof(Value));
        return 0;
    }
    Value it = vm_iter(vm, seq);
    if (IS_NULL(it)) {
        if (vm_exc_matches(vm, EXC_TypeError)) {
            vm_exc_take(vm);
            vm_raise(vm, EXC_TypeError, "cannot unpack non-iterable %s object", vm_type_name(vm, seq));
        }
        return -1;
    }
    vm_push_root(vm, &it);
    int rc = -1;
    int got = 0;
    for (; got < before; got++) {
        Value x;
        int r = vm_next(vm, it, &x);
        if (r < 0)
            goto done;
        if (r == 0) {
            if (star)
                vm_raise(vm, EXC_ValueError, "not enough values to unpack (expected at least %d, got %d)",
                         before + after, got);
            else
                vm_raise(vm, EXC_ValueError, "not enough values to unpack (expected %d, got %d)", before, got);
            goto done;
        }
        out[got] = x;
    }
    if (!star) {
        Value x;
        int r = vm_next(vm, it, &x);
        if (r < 0)
            goto done;
        if (r > 0) {
            vm_raise(vm, EXC_ValueError, "too many values to unpack (expected %d)", before);
            goto done;
        }
        rc = 0;
        goto done;
    }
    {
        List *rest = list_new(vm, 0);
        out[before] = VOBJ(rest);
        for (;;) {
            Value x;
            int r = vm_next(vm, it, &x);
            if (r < 0)
                goto done;
            if (r == 0)
                break;
            list_append(vm, rest, x);
        }
        if ((int)rest->len < after) {
            vm_raise(vm, EXC_ValueError, "not enough values to unpack (expected at least %d, got %d)",
                     before + after, before + (int)rest->len);
            goto done;
        }
        for (int i = 0; i < after; i++)
            out[before + 1 + i] = rest->items[rest->len - (size_t)after + (size_t)i];
        rest->len -= (size_t)after;
        rc = 0;
    }
done:
    vm_pop_root(vm);
    return rc;
}

static bool exc_match(VM *vm, Value exc, Value type, int *err)
{
    *err = 0;
    if (IS_TUPLE(type)) {
        Tuple *t = AS_TUPLE(type);
        for (size_t i = 0; i < t->len; i++) {
            bool m = exc_match(vm, exc, t->items[i], err);
            if (*err || m)
                return m;
        }
        return false;
    }
    if (!IS_CLASS(type) || !(AS_CLASS(type)->cflags & CLASS_EXCEPTION)) {
        vm_raise(vm, EXC_TypeError, "catching classes that do not inherit from BaseException is not allowed");
        *err = 1;
        return false;
    }
    return vm_isinstance(vm, exc, AS_CLASS(type));
}

/* How CPython names a callable in argument errors: "__main__.f()". */
static Str *callable_description(VM *vm, Value callable)
{
    if (IS_FUNCTION(callable)) {
        Function *f = AS_FUNCTION(callable);
        if (f->module)
            return str_printf(vm, "%s.%s()", f->module->data, f->qualname->data);
        return str_printf(vm, "%s()", f->qualname->data);
    }
    if (IS_NATIVE(callable))
        return str_printf(vm, "%s()", AS_NATIVE(callable)->name);
    if (IS_CLASS(callable))
        return str_printf(vm, "%s()", AS_CLASS(callable)->name->data);
    return str_printf(vm, "%s object", vm_type_name(vm, callable));
}

/* Call a kw-name-carrying argument list given as a tuple and a dict. */
/* f(*args, **kwargs) as a plain argument list: *items[0..nargs) then the
 * keyword values named by *kwnames. The storage is a List left in *keep,
 * which the caller must keep reachable while it uses the items. */
static int flatten_call_ex(VM *vm, Value callable, Value argseq, Value kwargs,
                           Value *keep, Value **items, int *nargs, Tuple **kwnames)
{
    Value pos = argseq;
    if (!IS_TUPLE(pos)) {
        Value l = list_from_iterable(vm, pos);
        if (IS_NULL(l)) {
            if (vm_exc_matches(vm, EXC_TypeError)) {
                vm_exc_take(vm);
                Str *who = callable_description(vm, callable);
                vm_raise(vm, EXC_TypeError, "%s argument after * must be an iterable, not %s",
                         who->data, vm_type_name(vm, argseq));
            }
            return -1;
        }
        pos = l;
    }
    Value *pitems = IS_TUPLE(pos) ? AS_TUPLE(pos)->items : AS_LIST(pos)->items;
    size_t plen = IS_TUPLE(pos) ? AS_TUPLE(pos)->len : AS_LIST(pos)->len;
    Dict *d = IS_NULL(kwargs) || IS_NONE(kwargs) ? NULL : AS_DICT(kwargs);
    List *buf = list_new(vm, plen + (d ? d->used : 0));
    *keep = VOBJ(buf);
    vm_push_root(vm, keep);
    for (size_t i = 0; i < plen; i++)
        list_append(vm, buf, pitems[i]);
    *kwnames = NULL;
    if (d && d->used) {
        Tuple *names = tuple_new(vm, d->used);   /* the caller roots it */
        size_t k = 0;
        for (size_t i = 0; i < d->nentries; i++) {
            DictEntry *e = &d->entries[i];
            if (IS_NULL(e->key))
                continue;
            if (!IS_STR(e->key)) {
                vm_pop_root(vm);
                vm_raise(vm, EXC_TypeError, "keywords must be strings");
                return -1;
            }
            names->items[k++] = e->key;
            list_append(vm, buf, e->value);
        }
        *kwnames = names;
    }
    vm_pop_root(vm);
    *items = buf->items;
    *nargs = (int)plen;
    return 0;
}

static Value call_ex(VM *vm, Value callable, Value argseq, Value kwargs)
{
    Value keep = VNULL;
    Value *items;
    int nargs;
    Tuple *kwnames;
    if (flatten_call_ex(vm, callable, argseq, kwargs, &keep, &items, &nargs, &kwnames) < 0)
        return VNULL;
    vm_push_root(vm, &keep);
    Value kn = kwnames ? VOBJ(kwnames) : VNULL;
    vm_push_root(vm, &kn);
    Value r = vm_call(vm, callable, items, nargs, kwnames);
    vm_pop_root(vm);
    vm_pop_root(vm);
    return r;
}

Value vm_call_special(VM *vm, Value method, Value self)
{
    Value bound = bind_descriptor(vm, method, self, vm_type_of(vm, self));
    return IS_NULL(bound) ? bound : vm_call0(vm, bound);
}

Value vm_awaitable(VM *vm, Value v, const char *fail_fmt)
{
    if ((IS_GEN(v) && AS_GEN(v)->gkind == GEN_COROUTINE) || agen_is_awaitable(v) ||
        (IS_KIND(v, OBJ_NATIVE_DATA) && ((NativeData *)AS_OBJ(v))->type->await_state))
        return v;
    Value m = vm_lookup_special(vm, v, vm->sn[SN_await]);
    if (IS_NULL(m))
        return vm_raise(vm, EXC_TypeError, fail_fmt, vm_type_name(vm, v));
    Value it = vm_call_special(vm, m, v);
    if (IS_NULL(it))
        return it;
    if (IS_GEN(it) && AS_GEN(it)->gkind == GEN_COROUTINE)
        return vm_raise(vm, EXC_TypeError, "__await__() returned a coroutine");
    Value coro = agen_coro_wrapper_target(vm, it);   /* return some_coro().__await__() */
    if (!IS_NULL(coro))
        return coro;
    if (!IS_KIND(it, OBJ_ITER) && !(IS_GEN(it) && AS_GEN(it)->gkind == GEN_GENERATOR) &&
        IS_NULL(vm_lookup_special(vm, it, vm->sn[SN_next])))
        return vm_raise(vm, EXC_TypeError, "__await__() returned non-iterator of type '%s'", vm_type_name(vm, it));
    return it;
}

/* Leaves a finished frame (returned or unwound) for its parent. A frame a
 * coroutine owns goes with the coroutine, now closed. */
static Frame *frame_leave(VM *vm, Frame *done)
{
    Frame *parent = done->parent;
    vm->frame = parent;
    vm->depth--;
    if (done->gen)
        gen_finish(vm, done->gen);
    else
        frame_free(vm, done);
    return parent;
}

/* Where collection may happen: every live value is in a frame or a root.
 * Past the memory cap after collecting, the program gets MemoryError. */
static int safe_point(VM *vm)
{
    vm_collect(vm);
    if (vm->cfg.max_memory && vm->bytes_allocated > vm->cfg.max_memory) {
        vm->exc = exc_new(vm, EXC_TYPE(vm, MemoryError), NULL);
        return -1;
    }
    return 0;
}

/* Is the exception (not yet marked EXC_DROPPED_CORO) leaving an unstarted
 * coroutine behind among these values (a frame's stack or locals)? A frame
 * the exception leaves holds it until the handler ends, as the frames of
 * CPython's traceback do (EXC_DROPPED_CORO); a call's arguments discarded
 * where the exception is handled go at once. */
static bool dropped_coro(VM *vm, const Value *from, const Value *to)
{
    if (!IS_EXCEPTION(vm->exc) || (AS_OBJ(vm->exc)->flags & EXC_DROPPED_CORO))
        return false;
    for (const Value *v = from; v < to; v++)
        if (v->tag == V_OBJ && v->as.o->kind == OBJ_GEN && gen_never_ran((Gen *)v->as.o))
            return true;
    return false;
}

ExecStatus vm_execute(VM *vm, Frame *entry, Value *result)
{
    return vm_execute_from(vm, entry, entry, result);
}

#define PUSH(v)   (*sp++ = (v))
#define POP()     (*--sp)
#define TOP()     (sp[-1])
#define PEEK(n)   (sp[-(ptrdiff_t)(n)])
/* SYNC publishes the loop's registers before anything that may look at them
 * (a callee, the collector, a traceback): ip, sp and the instruction count. */
#define SYNC()    (frame->ip = ip, frame->sp = sp, vm->steps += (uint64_t)(budget_mark - budget), \
                   budget_mark = budget)
#define LOAD()    (ip = frame->ip, sp = frame->sp, code = frame->code, consts = code->consts, \
                   names = code->names, locals = frame_locals(frame))
#define INSTR_INDEX() ((int)(ip - frame->code->proto->code) - 1)
#define GOTO_ERROR() do { goto error; } while (0)
#define CHECK(v)  do { if (IS_NULL(v)) goto error; } while (0)

/* Threaded dispatch: each handler ends by fetching the next instruction and
 * jumping straight to its handler, which CPUs predict far better than one
 * shared switch. (A plain `break` still works: it goes round the loop.) */
#ifdef NDEBUG
#define CHECK_STACK() ((void)0)
#else
/* the compiler's bound on the value stack holds (debug builds) */
#define CHECK_STACK() assert(sp <= frame_stack(frame) + frame->code->proto->max_stack)
#endif
#define DISPATCH() do {                                   \
        CHECK_STACK();                                    \
        ins = *ip++;                                      \
        arg = INSTR_ARG(ins);                             \
        if (--budget < 0)                                 \
            goto budget_slow;                             \
        goto *dispatch_table[INSTR_OP(ins)];              \
    } while (0)

ExecStatus vm_execute_from(VM *vm, Frame *entry, Frame *start, Value *result)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
    static void *const dispatch_table[256] = {
        [0 ... 255] = &&L_default,   /* no opcode outside the list reaches here */
#define OPCODE(name, effect) [OP_##name] = &&L_##name,
#include "opcodes.h"
#undef OPCODE
    };
#pragma GCC diagnostic pop
    /* C code calling back into Python nests dispatch loops on the C stack:
     * besides Python's own limit, stop well before the C stack runs out */
    char here;
    bool c_stack_low = vm->stack_base && (size_t)(vm->stack_base - &here) > vm->stack_budget;
    if (vm->c_nesting >= MAX_C_NESTING || vm->depth >= vm->cfg.recursion_limit || c_stack_low) {
        vm_raise(vm, EXC_RecursionError, "maximum recursion depth exceeded");
        if (entry == start && !entry->gen)
            frame_free(vm, entry);
        return EXEC_ERROR;
    }
    vm->c_nesting++;
    Frame *caller = vm->frame;
    entry->parent = caller;
    Frame *frame = start;
    vm->frame = frame;
    /* The depth counts the frames that are running: a resumed await chain
     * is back on the stack, every frame of it from `start` out to `entry`.
     * Leaving (return, error, or the chain parking again) goes back to
     * base_depth whatever the chain did, so a parked chain holds no depth:
     * only what runs counts, however many tasks are suspended. */
    int base_depth = vm->depth;
    for (Frame *f = start; f; f = f->parent) {
        vm->depth++;
        if (f == entry)
            break;
    }

    const uint32_t *ip;
    Value *sp, *consts, *locals;
    Code *code;
    Str **names;
    Tuple *kwnames = NULL;
    bool reraise = false;
    /* Instructions are counted down in a register; the slow path every 64K
     * instructions (or at the --max-steps limit) settles the account. */
    int64_t budget = 0, budget_mark = 0;
    ExecStatus status = EXEC_ERROR;
    LOAD();

    if (frame->xfer_kind == XFER_PENDING) {
        vm->exc = frame_take_xfer(frame);
        goto error;
    }

    uint32_t ins, arg;
    for (;;) {
        CHECK_STACK();
        ins = *ip++;
        arg = INSTR_ARG(ins);
        if (--budget < 0) {
        budget_slow:
            budget++;   /* this instruction has not run yet */
            SYNC();
            if (vm->cfg.max_steps && vm->steps >= vm->cfg.max_steps) {
                vm->limit_hit = LIMIT_STEPS;
                vm_raise(vm, EXC_SystemExit, "loopscope: instruction budget exhausted");
                goto error;
            }
            if (vm->switch_at && vm->steps >= vm->switch_at && vm->switch_hook) {
                /* the GIL's switch interval is over (simulated threads) */
                bool can_park = entry->gen && entry->gen->gkind == GEN_FIBER;
                if (vm->switch_hook(vm, can_park) == 1 && can_park) {
                    ip--;   /* run this instruction when the thread is resumed */
                    SYNC();
                    frame->preempted = 1;
                    entry->gen->resume = frame;
                    *result = VNONE;   /* a parked thread hands nothing out */
                    status = EXEC_SUSPEND;
                    goto leave;
                }
            }
            uint64_t left = vm->cfg.max_steps ? vm->cfg.max_steps - vm->steps : UINT64_MAX;
            if (vm->switch_at && vm->switch_at > vm->steps && vm->switch_at - vm->steps < left)
                left = vm->switch_at - vm->steps;
            budget = budget_mark = (int64_t)(left < 65536 ? left : 65536);
            budget--;
        }
        switch (INSTR_OP(ins)) {
        case OP_NOP: L_NOP:
        case OP_RETURN_GENERATOR: L_RETURN_GENERATOR:
            DISPATCH();
        case OP_POP_TOP: L_POP_TOP:
            sp--;
            if (sp->tag == V_OBJ && sp->as.o->kind == OBJ_GEN) {
                Gen *g = (Gen *)sp->as.o;
                if (gen_never_ran(g) &&
                    (INSTR_OP(ip[-2]) == OP_CALL || INSTR_OP(ip[-2]) == OP_CALL_FUNCTION_EX)) {
                    /* `fetch()` as a statement: the coroutine dies here, unstarted
                     * (nothing else holds a coroutine a call has just made) */
                    SYNC();
                    g->awaited = 1;
                    vm_warn_never_awaited(vm, g);
                    if (gen_holds_unstarted(g) && safe_point(vm) < 0)
                        goto error;   /* wait_for(fetch(), 1): fetch() dies with it, and warns next */
                } else if (agen_wants_finalizer(g)) {
                    /* an unfinished async generator let go (`break` out of
                     * `async for`): if that was its last reference, CPython
                     * finalizes it now; a collection soon finds out */
                    vm->gc_requested = true;
                }
            }
            DISPATCH();
        case OP_COPY: L_COPY: {
            Value v = PEEK(arg);
            PUSH(v);
            DISPATCH();
        }
        case OP_SWAP: L_SWAP: {
            Value t = TOP();
            TOP() = PEEK(arg);
            PEEK(arg) = t;
            DISPATCH();
        }
        case OP_LOAD_CONST: L_LOAD_CONST:
            PUSH(consts[arg]);
            DISPATCH();
        case OP_LOAD_FAST: L_LOAD_FAST: {
            Value v = locals[arg];
            if (IS_NULL(v)) {
                SYNC();
                vm_raise(vm, EXC_UnboundLocalError,
                         "cannot access local variable '%s' where it is not associated with a value",
                         code->localnames[arg]->data);
                goto error;
            }
            PUSH(v);
            DISPATCH();
        }
        case OP_STORE_FAST: L_STORE_FAST:
            locals[arg] = POP();
            DISPATCH();
        case OP_DELETE_FAST: L_DELETE_FAST:
            if (IS_NULL(locals[arg])) {
                SYNC();
                vm_raise(vm, EXC_UnboundLocalError,
                         "cannot access local variable '%s' where it is not associated with a value",
                         code->localnames[arg]->data);
                goto error;
            }
            if (locals[arg].tag == V_OBJ && vm_wants_last_word(vm, locals[arg].as.o)) {
                /* if that was its last reference, CPython's last word comes
                 * now, on this line: collect here */
                locals[arg] = VNULL;
                SYNC();
                if (safe_point(vm) < 0)
                    goto error;
            }
            locals[arg] = VNULL;
            DISPATCH();
        case OP_LOAD_DEREF: L_LOAD_DEREF:
        case OP_LOAD_CLASSDEREF: L_LOAD_CLASSDEREF: {
            if (INSTR_OP(ins) == OP_LOAD_CLASSDEREF && frame->ns) {
                Value v = dict_get_str(frame->ns, code->cellnames[arg]);
                if (!IS_NULL(v)) {
                    PUSH(v);
                    DISPATCH();
                }
            }
            Value c = frame_cells(frame)[arg];
            Value v = IS_OBJ(c) ? ((Cell *)AS_OBJ(c))->v : VNULL;
            if (IS_NULL(v)) {
                SYNC();
                if ((int)arg >= code->proto->ncells)
                    vm_raise(vm, EXC_NameError,
                             "cannot access free variable '%s' where it is not associated with a value in enclosing scope",
                             code->cellnames[arg]->data);
                else
                    vm_raise(vm, EXC_UnboundLocalError,
                             "cannot access local variable '%s' where it is not associated with a value",
                             code->cellnames[arg]->data);
                goto error;
            }
            PUSH(v);
            DISPATCH();
        }
        case OP_STORE_DEREF: L_STORE_DEREF:
            ((Cell *)AS_OBJ(frame_cells(frame)[arg]))->v = POP();
            DISPATCH();
        case OP_DELETE_DEREF: L_DELETE_DEREF:
            ((Cell *)AS_OBJ(frame_cells(frame)[arg]))->v = VNULL;
            DISPATCH();
        case OP_LOAD_CLOSURE: L_LOAD_CLOSURE:
            PUSH(frame_cells(frame)[arg]);
            DISPATCH();
        case OP_LOAD_GLOBAL: L_LOAD_GLOBAL: {
            GlobalCache *gc = &code->gcache[ip - 1 - code->proto->code];
            Dict *g = frame_globals(frame);
            if (gc->globals == g && gc->gversion == g->version &&
                (!gc->in_builtins || gc->bversion == vm->builtins->version)) {
                PUSH((gc->in_builtins ? vm->builtins : g)->entries[gc->index].value);
                DISPATCH();
            }
            Str *name = names[arg];
            int64_t ix = dict_index_str(g, name);
            Dict *where = g;
            if (ix < 0) {
                where = vm->builtins;
                ix = dict_index_str(where, name);
                if (ix < 0) {
                    SYNC();
                    vm_raise_name_error(vm, name);
                    goto error;
                }
            }
            gc->globals = g;
            gc->gversion = g->version;
            gc->bversion = vm->builtins->version;
            gc->in_builtins = where != g;
            gc->index = (int32_t)ix;
            PUSH(where->entries[ix].value);
            DISPATCH();
        }
        case OP_STORE_GLOBAL: L_STORE_GLOBAL:
            SYNC();
            if (dict_set(vm, frame_globals(frame), VOBJ(names[arg]), sp[-1]) < 0)
                goto error;
            sp--;
            DISPATCH();
        case OP_DELETE_GLOBAL: L_DELETE_GLOBAL:
            SYNC();
            if (dict_del(vm, frame_globals(frame), VOBJ(names[arg])) <= 0) {
                if (IS_NULL(vm->exc))
                    vm_raise_name_error(vm, names[arg]);
                goto error;
            }
            DISPATCH();
        case OP_LOAD_NAME: L_LOAD_NAME: {
            Str *name = names[arg];
            Value v = frame->ns ? dict_get_str(frame->ns, name) : VNULL;
            if (IS_NULL(v))
                v = dict_get_str(frame_globals(frame), name);
            if (IS_NULL(v))
                v = dict_get_str(vm->builtins, name);
            if (IS_NULL(v)) {
                SYNC();
                vm_raise_name_error(vm, name);
                goto error;
            }
            PUSH(v);
            DISPATCH();
        }
        case OP_STORE_NAME: L_STORE_NAME:
            SYNC();
            if (dict_set(vm, frame->ns ? frame->ns : frame_globals(frame), VOBJ(names[arg]), sp[-1]) < 0)
                goto error;
            sp--;
            DISPATCH();
        case OP_DELETE_NAME: L_DELETE_NAME: {
            SYNC();
            Value old = dict_get_str(frame->ns ? frame->ns : frame_globals(frame), names[arg]);
            if (dict_del(vm, frame->ns ? frame->ns : frame_globals(frame), VOBJ(names[arg])) <= 0) {
                if (IS_NULL(vm->exc))
                    vm_raise_name_error(vm, names[arg]);
                goto error;
            }
            /* its last word, if that was its last reference, on this line */
            if (old.tag == V_OBJ && vm_wants_last_word(vm, old.as.o) && safe_point(vm) < 0)
                goto error;
            DISPATCH();
        }

        case OP_LOAD_ATTR: L_LOAD_ATTR: {
            SYNC();
            Value v = vm_getattr(vm, TOP(), names[arg]);
            CHECK(v);
            TOP() = v;
            DISPATCH();
        }
        case OP_LOAD_METHOD: L_LOAD_METHOD: {
            Value obj = TOP();
            Str *name = names[arg];
            if (IS_OBJ(obj) && obj.as.o->kind != OBJ_CLASS && obj.as.o->kind != OBJ_MODULE &&
                !(obj.as.o->kind == OBJ_WRAPPER && obj.as.o->flags == WRAP_SUPER)) {
                Class *type = obj.as.o->cls;
                Value attr = class_lookup_cached(vm, type, name);
                if ((IS_FUNCTION(attr) || IS_NATIVE(attr)) && !vm_has_user_getattribute(vm, type)) {
                    Dict *d = obj.as.o->kind == OBJ_INSTANCE ? ((Instance *)obj.as.o)->dict : NULL;
                    if (!d || IS_NULL(dict_get_str(d, name))) {
                        TOP() = attr;
                        PUSH(obj);
                        DISPATCH();
                    }
                }
            } else if (!IS_OBJ(obj)) {
                Value attr = class_lookup_cached(vm, vm_type_of(vm, obj), name);
                if (IS_NATIVE(attr)) {
                    TOP() = attr;
                    PUSH(obj);
                    DISPATCH();
                }
            }
            SYNC();
            Value v = vm_getattr(vm, obj, name);
            CHECK(v);
            TOP() = v;
            PUSH(VNULL);
            DISPATCH();
        }
        case OP_STORE_ATTR: L_STORE_ATTR: {
            SYNC();
            if (vm_setattr(vm, TOP(), names[arg], PEEK(2)) < 0)
                goto error;
            sp -= 2;
            DISPATCH();
        }
        case OP_DELETE_ATTR: L_DELETE_ATTR:
            SYNC();
            if (vm_delattr(vm, TOP(), names[arg]) < 0)
                goto error;
            sp--;
            DISPATCH();
        case OP_BINARY_SUBSCR: L_BINARY_SUBSCR: {
            SYNC();
            Value v = vm_getitem(vm, PEEK(2), TOP());
            CHECK(v);
            sp--;
            TOP() = v;
            DISPATCH();
        }
        case OP_STORE_SUBSCR: L_STORE_SUBSCR:
            SYNC();
            if (vm_setitem(vm, PEEK(2), TOP(), PEEK(3)) < 0)
                goto error;
            sp -= 3;
            DISPATCH();
        case OP_DELETE_SUBSCR: L_DELETE_SUBSCR:
            SYNC();
            if (vm_delitem(vm, PEEK(2), TOP()) < 0)
                goto error;
            sp -= 2;
            DISPATCH();
        case OP_BUILD_SLICE: L_BUILD_SLICE: {
            Slice *s = vm_alloc_obj(vm, sizeof(Slice), OBJ_SLICE, TYPE(vm, slice));
            if (arg == 3) {
                s->step = POP();
            } else {
                s->step = VNONE;
            }
            s->stop = POP();
            s->start = POP();
            PUSH(VOBJ(s));
            DISPATCH();
        }

        case OP_UNARY_NEGATIVE: L_UNARY_NEGATIVE: {
            Value a = TOP();
            if (a.tag == V_INT && a.as.i != INT64_MIN) {
                TOP() = VINT(-a.as.i);
                DISPATCH();
            }
            SYNC();
            Value v = vm_unary_neg(vm, a);
            CHECK(v);
            TOP() = v;
            DISPATCH();
        }
        case OP_UNARY_POSITIVE: L_UNARY_POSITIVE:
        case OP_UNARY_INVERT: L_UNARY_INVERT: {
            SYNC();
            Value v = vm_unary(vm, TOP(), INSTR_OP(ins) == OP_UNARY_POSITIVE ? 0 : 1);
            CHECK(v);
            TOP() = v;
            DISPATCH();
        }
        case OP_UNARY_NOT: L_UNARY_NOT: {
            Value a = TOP();
            int t;
            if (a.tag == V_BOOL)
                t = (int)a.as.i;
            else {
                SYNC();
                t = vm_truthy(vm, a);
                if (t < 0)
                    goto error;
            }
            TOP() = VBOOL(!t);
            DISPATCH();
        }
        case OP_BINARY_OP: L_BINARY_OP: {
            Value b = TOP(), a = PEEK(2);
            BinOpKind op = (BinOpKind)(arg & 0xff);
            if (a.tag == V_INT && b.tag == V_INT) {
                int64_t r;
                if (op == BINOP_ADD && !__builtin_add_overflow(a.as.i, b.as.i, &r)) {
                    sp--;
                    TOP() = VINT(r);
                    DISPATCH();
                }
                if (op == BINOP_SUB && !__builtin_sub_overflow(a.as.i, b.as.i, &r)) {
                    sp--;
                    TOP() = VINT(r);
                    DISPATCH();
                }
                if (op == BINOP_MUL && !__builtin_mul_overflow(a.as.i, b.as.i, &r)) {
                    sp--;
                    TOP() = VINT(r);
                    DISPATCH();
                }
            }
            SYNC();
            Value v = vm_binary(vm, a, b, op, (arg & BINOP_INPLACE) != 0);
            CHECK(v);
            sp--;
            TOP() = v;
            DISPATCH();
        }
        case OP_COMPARE_OP: L_COMPARE_OP: {
            Value b = TOP(), a = PEEK(2);
            if (a.tag == V_INT && b.tag == V_INT && arg <= CMP_GE) {
                bool r;
                switch ((CmpKind)arg) {
                case CMP_LT: r = a.as.i < b.as.i; break;
                case CMP_LE: r = a.as.i <= b.as.i; break;
                case CMP_EQ: r = a.as.i == b.as.i; break;
                case CMP_NE: r = a.as.i != b.as.i; break;
                case CMP_GT: r = a.as.i > b.as.i; break;
                default: r = a.as.i >= b.as.i; break;
                }
                sp--;
                TOP() = VBOOL(r);
                DISPATCH();
            }
            SYNC();
            Value v = vm_compare(vm, a, b, (CmpKind)arg);
            CHECK(v);
            sp--;
            TOP() = v;
            DISPATCH();
        }

        case OP_JUMP: L_JUMP:
            ip = code->proto->code + arg;
            if (vm->gc_requested && ip <= frame->ip) {
                /* a backward jump: a safe point */
                SYNC();
                if (safe_point(vm) < 0)
                    goto error;
            }
            DISPATCH();
        case OP_POP_JUMP_IF_FALSE: L_POP_JUMP_IF_FALSE:
        case OP_POP_JUMP_IF_TRUE: L_POP_JUMP_IF_TRUE: {
            Value v = POP();
            int t;
            if (v.tag == V_BOOL)
                t = (int)v.as.i;
            else {
                SYNC();
                t = vm_truthy(vm, v);
                if (t < 0)
                    goto error;
            }
            if (t == (INSTR_OP(ins) == OP_POP_JUMP_IF_TRUE))
                ip = code->proto->code + arg;
            DISPATCH();
        }
        case OP_POP_JUMP_IF_NONE: L_POP_JUMP_IF_NONE:
            if (IS_NONE(POP()))
                ip = code->proto->code + arg;
            DISPATCH();
        case OP_POP_JUMP_IF_NOT_NONE: L_POP_JUMP_IF_NOT_NONE:
            if (!IS_NONE(POP()))
                ip = code->proto->code + arg;
            DISPATCH();
        case OP_JUMP_IF_FALSE_OR_POP: L_JUMP_IF_FALSE_OR_POP:
        case OP_JUMP_IF_TRUE_OR_POP: L_JUMP_IF_TRUE_OR_POP: {
            Value v = TOP();
            SYNC();
            int t = vm_truthy(vm, v);
            if (t < 0)
                goto error;
            if (t == (INSTR_OP(ins) == OP_JUMP_IF_TRUE_OR_POP))
                ip = code->proto->code + arg;
            else
                sp--;
            DISPATCH();
        }
        case OP_GET_ITER: L_GET_ITER: {
            SYNC();
            Value it = vm_iter(vm, TOP());
            CHECK(it);
            TOP() = it;
            DISPATCH();
        }
        case OP_FOR_ITER: L_FOR_ITER: {
            Value it = TOP();
            Value x;
            int r;
            SYNC();
            if (IS_KIND(it, OBJ_ITER))
                r = ((Iter *)it.as.o)->next(vm, (Iter *)it.as.o, &x);
            else
                r = vm_next(vm, it, &x);
            if (r < 0)
                goto error;
            if (r == 0) {
                sp--;
                ip = code->proto->code + arg;
                if (vm->gc_requested) {
                    SYNC();
                    if (safe_point(vm) < 0)
                        goto error;
                }
            } else {
                PUSH(x);
            }
            DISPATCH();
        }

        case OP_RETURN_CONST: L_RETURN_CONST:
            *result = consts[arg];
            goto do_return;
        case OP_RETURN_VALUE: L_RETURN_VALUE:
            *result = POP();
        do_return: {
            SYNC();
            Frame *done = frame;
            /* a coroutine made here and never awaited dies with the frame
             * (unless it is returned or stored elsewhere): CPython warns as
             * the caller goes on, and so does a collection: right after the
             * return, or wherever the caller in C next collects */
            bool dropped = vm->made_coroutines && frame_holds_unstarted(done);
            if (done == entry) {
                if (dropped)
                    vm->gc_requested = true;
                status = EXEC_RETURN;
                goto leave;
            }
            Gen *ag = done->gen && done->gen->gkind == GEN_ASYNC_GENERATOR ? done->gen : NULL;
            frame = frame_leave(vm, done);
            LOAD();
            if (ag && agen_settle(vm, ag, AGEN_RETURNED, result) < 0)
                goto error;   /* the end of an awaited async generator step */
            PUSH(*result);
            if (dropped) {
                SYNC();
                if (safe_point(vm) < 0)
                    goto error;
            }
            DISPATCH();
        }

        case OP_BUILD_TUPLE: L_BUILD_TUPLE: {
            Tuple *t = tuple_from(vm, sp - arg, arg);
            sp -= arg;
            PUSH(VOBJ(t));
            DISPATCH();
        }
        case OP_BUILD_LIST: L_BUILD_LIST: {
            List *l = list_new(vm, arg);
            if (arg)
                memcpy(l->items, sp - arg, arg * sizeof(Value));
            l->len = arg;
            sp -= arg;
            PUSH(VOBJ(l));
            DISPATCH();
        }
        case OP_BUILD_SET: L_BUILD_SET: {
            Set *s = set_new(vm, TYPE(vm, set));
            Value sv = VOBJ(s);
            SYNC();
            for (uint32_t i = 0; i < arg; i++)
                if (set_add(vm, s, sp[-(int)arg + (int)i]) < 0)
                    goto error;
            sp -= arg;
            PUSH(sv);
            DISPATCH();
        }
        case OP_BUILD_MAP: L_BUILD_MAP: {
            Dict *d = dict_new(vm);
            SYNC();
            for (uint32_t i = 0; i < arg; i++)
                if (dict_set(vm, d, sp[-2 * (int)arg + 2 * (int)i], sp[-2 * (int)arg + 2 * (int)i + 1]) < 0)
                    goto error;
            sp -= 2 * arg;
            PUSH(VOBJ(d));
            DISPATCH();
        }
        case OP_BUILD_CONST_KEY_MAP: L_BUILD_CONST_KEY_MAP: {
            Tuple *keys = AS_TUPLE(TOP());
            Dict *d = dict_new(vm);
            SYNC();
            for (uint32_t i = 0; i < arg; i++)
                if (dict_set(vm, d, keys->items[i], sp[-1 - (int)arg + (int)i]) < 0)
                    goto error;
            sp -= arg + 1;
            PUSH(VOBJ(d));
            DISPATCH();
        }
        case OP_BUILD_STRING: L_BUILD_STRING: {
            size_t len = 0;
            for (uint32_t i = 0; i < arg; i++)
                len += AS_STR(sp[-(int)arg + (int)i])->len;
            char *buf = malloc(len + 1);
            if (!buf)
                abort();
            size_t at = 0;
            for (uint32_t i = 0; i < arg; i++) {
                Str *s = AS_STR(sp[-(int)arg + (int)i]);
                memcpy(buf + at, s->data, s->len);
                at += s->len;
            }
            Str *r = str_new(vm, buf, len);
            free(buf);
            sp -= arg;
            PUSH(VOBJ(r));
            DISPATCH();
        }
        case OP_LIST_APPEND: L_LIST_APPEND: {
            Value v = POP();
            list_append(vm, AS_LIST(PEEK(arg)), v);
            DISPATCH();
        }
        case OP_SET_ADD: L_SET_ADD: {
            Value v = POP();
            SYNC();
            if (set_add(vm, AS_SET(PEEK(arg)), v) < 0)
                goto error;
            DISPATCH();
        }
        case OP_MAP_ADD: L_MAP_ADD: {
            Value v = POP(), k = POP();
            SYNC();
            if (dict_set(vm, AS_DICT(PEEK(arg)), k, v) < 0)
                goto error;
            DISPATCH();
        }
        case OP_LIST_EXTEND: L_LIST_EXTEND: {
            Value it = TOP();
            List *l = AS_LIST(PEEK(arg + 1));
            SYNC();
            Value src = list_from_iterable(vm, it);
            if (IS_NULL(src)) {
                if (vm_exc_matches(vm, EXC_TypeError) && IS_NULL(vm_lookup_special(vm, it, vm->sn[SN_iter]))) {
                    vm_exc_take(vm);
                    vm_raise(vm, EXC_TypeError, "Value after * must be an iterable, not %s", vm_type_name(vm, it));
                }
                goto error;
            }
            for (size_t i = 0; i < AS_LIST(src)->len; i++)
                list_append(vm, l, AS_LIST(src)->items[i]);
            sp--;
            DISPATCH();
        }
        case OP_SET_UPDATE: L_SET_UPDATE: {
            SYNC();
            if (set_update(vm, AS_SET(PEEK(arg + 1)), TOP()) < 0)
                goto error;
            sp--;
            DISPATCH();
        }
        case OP_DICT_UPDATE: L_DICT_UPDATE:
        case OP_DICT_MERGE: L_DICT_MERGE: {
            Value m = TOP();
            Dict *d = AS_DICT(PEEK(arg + 1));
            SYNC();
            if (!IS_DICT(m)) {
                Value keys = vm_getattr_opt(vm, m, str_intern(vm, "keys", 4));
                if (IS_NULL(keys)) {
                    if (IS_NULL(vm->exc)) {
                        if (INSTR_OP(ins) == OP_DICT_MERGE) {
                            Str *who = callable_description(vm, PEEK(arg + 4));
                            vm_raise(vm, EXC_TypeError, "%s argument after ** must be a mapping, not %s",
                                     who->data, vm_type_name(vm, m));
                        } else {
                            vm_raise(vm, EXC_TypeError, "'%s' object is not a mapping", vm_type_name(vm, m));
                        }
                    }
                    goto error;
                }
                Value kl = vm_call0(vm, keys);
                CHECK(kl);
                Value list = list_from_iterable(vm, kl);
                CHECK(list);
                vm_push_root(vm, &list);
                for (size_t i = 0; i < AS_LIST(list)->len; i++) {
                    Value k = AS_LIST(list)->items[i];
                    Value v = vm_getitem(vm, m, k);
                    if (IS_NULL(v) || dict_set(vm, d, k, v) < 0) {
                        vm_pop_root(vm);
                        goto error;
                    }
                }
                vm_pop_root(vm);
                sp--;
                DISPATCH();
            }
            Dict *src = AS_DICT(m);
            for (size_t i = 0; i < src->nentries; i++) {
                DictEntry *e = &src->entries[i];
                if (IS_NULL(e->key))
                    continue;
                if (INSTR_OP(ins) == OP_DICT_MERGE && !IS_NULL(dict_get(vm, d, e->key))) {
                    Str *who = callable_description(vm, PEEK(arg + 4));
                    vm_raise(vm, EXC_TypeError, "%s got multiple values for keyword argument '%s'", who->data,
                             IS_STR(e->key) ? AS_STR(e->key)->data : "?");
                    goto error;
                }
                if (dict_set(vm, d, e->key, e->value) < 0)
                    goto error;
            }
            sp--;
            DISPATCH();
        }
        case OP_LIST_TO_TUPLE: L_LIST_TO_TUPLE: {
            List *l = AS_LIST(TOP());
            TOP() = VOBJ(tuple_from(vm, l->items, l->len));
            DISPATCH();
        }
        case OP_FORMAT_VALUE: L_FORMAT_VALUE: {
            Str *spec = NULL;
            if (arg & FMT_HAVE_SPEC)
                spec = AS_STR(POP());
            Value v = TOP();
            SYNC();
            Str *s = NULL;
            switch (arg & FMT_CONV_MASK) {
            case FMT_CONV_STR: s = vm_to_str(vm, v); if (!s) goto error; v = VOBJ(s); break;
            case FMT_CONV_REPR: s = vm_repr(vm, v); if (!s) goto error; v = VOBJ(s); break;
            case FMT_CONV_ASCII: s = vm_ascii(vm, v); if (!s) goto error; v = VOBJ(s); break;
            default: break;
            }
            if (IS_STR(v) && AS_OBJ(v)->cls == TYPE(vm, str) && (!spec || spec->len == 0)) {
                TOP() = v;
                DISPATCH();
            }
            if (IS_INT(v) && (!spec || spec->len == 0)) {
                /* f"{n}": the common case, without the format machinery */
                char digits[24];
                int n = 0;
                uint64_t mag = v.as.i < 0 ? (uint64_t)0 - (uint64_t)v.as.i : (uint64_t)v.as.i;
                do {
                    digits[sizeof digits - 1 - n++] = (char)('0' + mag % 10);
                    mag /= 10;
                } while (mag);
                if (v.as.i < 0)
                    digits[sizeof digits - 1 - n++] = '-';
                TOP() = VOBJ(str_new(vm, digits + sizeof digits - n, (size_t)n));
                DISPATCH();
            }
            s = vm_format(vm, v, spec ? spec : vm->empty_str);
            if (!s)
                goto error;
            TOP() = VOBJ(s);
            DISPATCH();
        }
        case OP_UNPACK_SEQUENCE: L_UNPACK_SEQUENCE: {
            Value seq = TOP();
            Value tmp[16];
            Value *out = tmp;
            Value holder = VNULL;
            if (arg > 16) {
                List *l = list_new(vm, arg);
                holder = VOBJ(l);
                out = l->items;
            }
            SYNC();
            vm_push_root(vm, &holder);
            int rc = unpack_iterable(vm, seq, out, (int)arg, 0, false);
            vm_pop_root(vm);
            if (rc < 0)
                goto error;
            sp--;
            for (int i = (int)arg - 1; i >= 0; i--)
                PUSH(out[i]);
            DISPATCH();
        }
        case OP_UNPACK_EX: L_UNPACK_EX: {
            int before = (int)(arg & 0xff), after = (int)(arg >> 8);
            int total = before + after + 1;
            Value seq = TOP();
            List *l = list_new(vm, (size_t)total);
            Value holder = VOBJ(l);
            SYNC();
            vm_push_root(vm, &holder);
            int rc = unpack_iterable(vm, seq, l->items, before, after, true);
            vm_pop_root(vm);
            if (rc < 0)
                goto error;
            sp--;
            for (int i = total - 1; i >= 0; i--)
                PUSH(l->items[i]);
            DISPATCH();
        }

        case OP_PUSH_NULL: L_PUSH_NULL:
            PUSH(VNULL);
            DISPATCH();
        case OP_KW_NAMES: L_KW_NAMES:
            kwnames = AS_TUPLE(consts[arg]);
            DISPATCH();
        case OP_CALL: L_CALL: {
            int nkw = kwnames ? (int)kwnames->len : 0;
            int nargs = (int)arg - nkw;
            Value *args = sp - arg;
            Value callable = args[-2];
            Value self = args[-1];
            Tuple *kw = kwnames;
            kwnames = NULL;
            if (!IS_NULL(self)) {
                args--;
                nargs++;
            } else if (IS_KIND(callable, OBJ_BOUND_METHOD)) {
                BoundMethod *m = (BoundMethod *)callable.as.o;
                args[-1] = m->self;
                args[-2] = callable = m->func;
                args--;
                nargs++;
            }
            Value *base = sp - arg - 2;
            if (IS_FUNCTION(callable)) {
                Function *fn = AS_FUNCTION(callable);
                uint32_t flags = fn->code->proto->flags;
                if (fn->code->fast && !kw) {
                    /* a coroutine only when awaited at once: then nothing
                     * but this await can see it */
                    bool awaited = INSTR_OP(ip[0]) == OP_GET_AWAITABLE && INSTR_OP(ip[1]) == OP_AWAIT;
                    if (awaited || !(flags & PROTO_COROUTINE)) {
                        SYNC();
                        Value out;
                        int k = fn->code->fast(vm, args, nargs, &out);
                        if (k < 0)
                            goto error;
                        if (k != FAST_DECLINED) {
                            sp = base;
                            PUSH(out);
                            if (k == FAST_VALUE && awaited)
                                ip += 2;
                            frame->fast_await = k == FAST_AWAIT;
                            DISPATCH();
                        }
                    }
                }
                if (!(flags & (PROTO_GENERATOR | PROTO_COROUTINE | PROTO_ASYNC_GENERATOR))) {
                    /* a Python call: push a frame and go on in the same loop */
                    if (vm->gc_requested) {
                        SYNC();
                        if (safe_point(vm) < 0)
                            goto error;
                    }
                    if (vm->depth >= vm->cfg.recursion_limit) {
                        SYNC();
                        vm_raise(vm, EXC_RecursionError, "maximum recursion depth exceeded");
                        goto error;
                    }
                    SYNC();
                    Frame *nf = frame_new(vm, fn, NULL);
                    nf->parent = frame;
                    if (fn->code->simple && !kw && nargs == fn->code->argcount) {
                        for (int i = 0; i < nargs; i++)
                            frame_locals(nf)[i] = args[i];
                    } else if (vm_bind_call(vm, fn, nf, args, nargs, kw) < 0) {
                        frame_free(vm, nf);
                        goto error;
                    }
                    frame->sp = base;   /* the callee owns the arguments now */
                    vm->frame = nf;
                    vm->depth++;
                    frame = nf;
                    LOAD();
                    DISPATCH();
                }
            }
            SYNC();
            Value r;
            if (IS_NATIVE(callable))
                r = (callable.as.o->flags & NATIVE_CHECK_SELF) && !native_self_ok(vm, AS_NATIVE(callable), args, nargs)
                    ? VNULL : AS_NATIVE(callable)->fn(vm, args, nargs, kw);
            else
                r = vm_call(vm, callable, args, nargs, kw);
            CHECK(r);
            sp = base;
            if (vm->park_request) {
                /* a blocking call in a worker thread (time.sleep): the
                 * thread's whole chain waits; resuming pushes the result */
                vm->park_request = false;
                if (entry->gen && entry->gen->gkind == GEN_FIBER) {
                    SYNC();
                    entry->gen->resume = frame;
                    *result = VNONE;   /* a parked thread hands nothing out */
                    status = EXEC_SUSPEND;
                    goto leave;
                }
            }
            PUSH(r);
            if (vm->gc_requested) {
                /* gc.collect() collects right after its call returns */
                SYNC();
                if (safe_point(vm) < 0)
                    goto error;
            }
            DISPATCH();
        }
        case OP_CALL_FUNCTION_EX: L_CALL_FUNCTION_EX: {
            Value kwargs = arg & 1 ? POP() : VNULL;
            Value argseq = POP();
            sp--;   /* NULL */
            Value callable = TOP();
            SYNC();
            frame->sp = sp + 3;   /* keep operands reachable */
            sp[0] = VNULL;
            sp[1] = argseq;
            sp[2] = kwargs;
            Value fnv = callable, self = VNULL;
            if (IS_KIND(callable, OBJ_BOUND_METHOD)) {
                fnv = ((BoundMethod *)callable.as.o)->func;
                self = ((BoundMethod *)callable.as.o)->self;
            }
            if (IS_FUNCTION(fnv) && !(AS_FUNCTION(fnv)->code->proto->flags &
                                      (PROTO_GENERATOR | PROTO_COROUTINE | PROTO_ASYNC_GENERATOR)) &&
                !vm->gc_requested && vm->depth < vm->cfg.recursion_limit) {
                /* a Python function: its frame runs in this same loop, as
                 * for a plain call (a worker thread may park inside it) */
                Function *fn = AS_FUNCTION(fnv);
                Value *items;
                int nargs;
                Tuple *kwn;
                if (flatten_call_ex(vm, callable, argseq, kwargs, &sp[0], &items, &nargs, &kwn) < 0) {
                    frame->sp = sp;
                    goto error;
                }
                if (!IS_NULL(self)) {
                    /* the bound self goes first: make room in the flat list */
                    List *flat = AS_LIST(sp[0]);
                    list_append(vm, flat, VNONE);
                    memmove(flat->items + 1, flat->items, (flat->len - 1) * sizeof(Value));
                    flat->items[0] = self;
                    items = flat->items;
                    nargs++;
                }
                sp[1] = kwn ? VOBJ(kwn) : VNULL;
                Frame *nf = frame_new(vm, fn, NULL);
                nf->parent = frame;
                if (vm_bind_call(vm, fn, nf, items, nargs, kwn) < 0) {
                    frame_free(vm, nf);
                    frame->sp = sp;
                    goto error;
                }
                sp--;                 /* the callable's slot takes the result */
                frame->sp = sp;
                vm->frame = nf;
                vm->depth++;
                frame = nf;
                LOAD();
                DISPATCH();
            }
            Value r = call_ex(vm, callable, argseq, kwargs);
            frame->sp = sp;
            CHECK(r);
            TOP() = r;
            DISPATCH();
        }
        case OP_MAKE_FUNCTION: L_MAKE_FUNCTION: {
            Code *c = (Code *)AS_OBJ(POP());
            int nops = ((arg & MKFN_DEFAULTS) != 0) + ((arg & MKFN_KWDEFAULTS) != 0) + ((arg & MKFN_CLOSURE) != 0);
            Value fn = make_function(vm, frame, c, arg, sp - nops);
            sp -= nops;
            PUSH(fn);
            DISPATCH();
        }
        case OP_LOAD_BUILD_CLASS: L_LOAD_BUILD_CLASS:
            PUSH(VOBJ(vm->build_class));
            DISPATCH();
        case OP_IMPORT_NAME: L_IMPORT_NAME: {
            SYNC();
            Value m = import_module(vm, names[arg & ~IMPORT_LEAF], (arg & IMPORT_LEAF) != 0);
            CHECK(m);
            PUSH(m);
            DISPATCH();
        }
        case OP_IMPORT_FROM: L_IMPORT_FROM: {
            Value m = TOP();
            Value v = vm_getattr_opt(vm, m, names[arg]);
            if (IS_NULL(v)) {
                SYNC();
                if (IS_NULL(vm->exc)) {
                    Str *mn = IS_KIND(m, OBJ_MODULE) ? ((Module *)m.as.o)->name : vm->empty_str;
                    vm_raise(vm, EXC_ImportError, "cannot import name '%s' from '%s' (unknown location)",
                             names[arg]->data, mn->data);
                }
                goto error;
            }
            PUSH(v);
            DISPATCH();
        }
        case OP_IMPORT_STAR: L_IMPORT_STAR:
            SYNC();
            vm_raise(vm, EXC_ImportError, "'import *' is not supported by loopscope");
            goto error;

        case OP_SETUP_FINALLY: L_SETUP_FINALLY:
        case OP_SETUP_CLEANUP: L_SETUP_CLEANUP:
        case OP_SETUP_WITH: L_SETUP_WITH: {
            Block *b = &frame_blocks(frame)[frame->nblocks++];
            b->handler = arg;
            b->level = (uint32_t)(sp - frame_stack(frame));
            if (INSTR_OP(ins) == OP_SETUP_WITH)
                b->level--;   /* the handler does not keep __enter__'s result */
            DISPATCH();
        }
        case OP_POP_BLOCK: L_POP_BLOCK:
            frame->nblocks--;
            DISPATCH();
        case OP_PUSH_EXC_INFO: L_PUSH_EXC_INFO: {
            Value exc = TOP();
            TOP() = frame->handled ? VOBJ(frame->handled) : VNONE;
            PUSH(exc);
            frame->handled = obj_or_null(exc);
            DISPATCH();
        }
        case OP_POP_EXCEPT: L_POP_EXCEPT: {
            Value prev = POP();
            Value ended = value_or_null(frame->handled);
            frame->handled = obj_or_null(prev);
            if (IS_EXCEPTION(ended) && (AS_OBJ(ended)->flags & EXC_DROPPED_CORO)) {
                AS_OBJ(ended)->flags &= (uint16_t)~EXC_DROPPED_CORO;
                SYNC();
                if (safe_point(vm) < 0)
                    goto error;
            }
            DISPATCH();
        }
        case OP_CHECK_EXC_MATCH: L_CHECK_EXC_MATCH: {
            int err;
            SYNC();
            bool m = exc_match(vm, PEEK(2), TOP(), &err);
            if (err)
                goto error;
            TOP() = VBOOL(m);
            DISPATCH();
        }
        case OP_CHECK_EG_MATCH: L_CHECK_EG_MATCH: {
            SYNC();
            Value rest, match;
            if (exc_group_split(vm, PEEK(2), TOP(), &match, &rest) < 0)
                goto error;
            PEEK(2) = rest;
            TOP() = match;
            DISPATCH();
        }
        case OP_PREP_RERAISE_STAR: L_PREP_RERAISE_STAR: {
            SYNC();
            Value r = exc_group_reraise(vm, PEEK(2), TOP());
            CHECK(r);
            sp--;
            TOP() = r;
            DISPATCH();
        }
        case OP_RAISE_VARARGS: L_RAISE_VARARGS: {
            SYNC();
            if (arg == 0) {
                Value h = vm_current_handled(vm);
                if (IS_NONE(h)) {
                    vm_raise(vm, EXC_RuntimeError, "No active exception to reraise");
                    goto error;
                }
                vm->exc = h;
                reraise = true;
                goto error;
            }
            Value cause = VNULL;
            if (arg == 2)
                cause = POP();
            Value exc = POP();
            frame->sp = sp;
            if (IS_CLASS(exc)) {
                if (!(AS_CLASS(exc)->cflags & CLASS_EXCEPTION)) {
                    vm_raise(vm, EXC_TypeError, "exceptions must derive from BaseException");
                    goto error;
                }
                exc = vm_call0(vm, exc);
                CHECK(exc);
            }
            if (!IS_EXCEPTION(exc)) {
                vm_raise(vm, EXC_TypeError, "exceptions must derive from BaseException");
                goto error;
            }
            if (arg == 2) {
                if (IS_CLASS(cause)) {
                    cause = vm_call0(vm, cause);
                    CHECK(cause);
                }
                if (!IS_NONE(cause) && !IS_EXCEPTION(cause)) {
                    vm_raise(vm, EXC_TypeError, "exception causes must derive from BaseException");
                    goto error;
                }
                AS_EXC(exc)->cause = exc_or_null(cause);
                AS_EXC(exc)->suppress_context = 1;
            }
            exc_set_context(vm, exc);
            vm->exc = exc;
            goto error;
        }
        case OP_RERAISE: L_RERAISE:
            vm->exc = POP();
            SYNC();
            reraise = true;
            goto error;
        case OP_LOAD_ASSERTION_ERROR: L_LOAD_ASSERTION_ERROR:
            PUSH(VOBJ(EXC_TYPE(vm, AssertionError)));
            DISPATCH();
        case OP_BEFORE_WITH: L_BEFORE_WITH:
        case OP_BEFORE_ASYNC_WITH: L_BEFORE_ASYNC_WITH: {
            bool async = INSTR_OP(ins) == OP_BEFORE_ASYNC_WITH;
            Value mgr = TOP();
            SYNC();
            Value enter = vm_lookup_special(vm, mgr, vm->sn[async ? SN_aenter : SN_enter]);
            Value exitm = vm_lookup_special(vm, mgr, vm->sn[async ? SN_aexit : SN_exit]);
            if (IS_NULL(enter) || IS_NULL(exitm)) {
                vm_raise(vm, EXC_TypeError, async
                         ? "'%s' object does not support the asynchronous context manager protocol"
                         : "'%s' object does not support the context manager protocol",
                         vm_type_name(vm, mgr));
                goto error;
            }
            Value bound_exit = bind_descriptor(vm, exitm, mgr, vm_type_of(vm, mgr));
            CHECK(bound_exit);
            TOP() = bound_exit;
            PUSH(mgr);
            SYNC();
            if (!async && IS_FUNCTION(enter) &&
                !(AS_FUNCTION(enter)->code->proto->flags &
                  (PROTO_GENERATOR | PROTO_COROUTINE | PROTO_ASYNC_GENERATOR)) &&
                !vm->gc_requested && vm->depth < vm->cfg.recursion_limit) {
                /* a Python __enter__ runs in this same loop, as a plain call:
                 * a worker thread may wait inside it (`with lock:`) */
                Function *fn = AS_FUNCTION(enter);
                Frame *nf = frame_new(vm, fn, NULL);
                nf->parent = frame;
                if (vm_bind_call(vm, fn, nf, &mgr, 1, NULL) < 0) {
                    frame_free(vm, nf);
                    goto error;
                }
                sp--;                 /* mgr's slot takes __enter__'s result */
                frame->sp = sp;
                vm->frame = nf;
                vm->depth++;
                frame = nf;
                LOAD();
                DISPATCH();
            }
            if (async && IS_FUNCTION(enter) && AS_FUNCTION(enter)->code->fast &&
                INSTR_OP(ip[0]) == OP_GET_AWAITABLE && INSTR_OP(ip[1]) == OP_AWAIT) {
                Value out;
                int k = AS_FUNCTION(enter)->code->fast(vm, &mgr, 1, &out);
                if (k < 0)
                    goto error;
                if (k != FAST_DECLINED) {
                    TOP() = out;
                    if (k == FAST_VALUE)
                        ip += 2;
                    frame->fast_await = k == FAST_AWAIT;
                    DISPATCH();
                }
            }
            Value bound_enter = bind_descriptor(vm, enter, mgr, vm_type_of(vm, mgr));
            CHECK(bound_enter);
            Value r = vm_call0(vm, bound_enter);
            CHECK(r);
            TOP() = r;
            DISPATCH();
        }
        case OP_WITH_EXCEPT_START: L_WITH_EXCEPT_START: {
            Value exc = TOP();
            Value exitf = PEEK(3);
            SYNC();
            Value args[3] = { VOBJ(vm_type_of(vm, exc)), exc, VNONE };
            Value r = vm_call(vm, exitf, args, 3, NULL);
            CHECK(r);
            PUSH(r);
            DISPATCH();
        }

        case OP_YIELD_VALUE: L_YIELD_VALUE: {
            *result = POP();
            SYNC();
            frame->resuming = 0;
            if (frame == entry) {
                status = EXEC_YIELD;
                goto leave;
            }
            /* Inside an await chain only an async generator yields (its step
             * was awaited, agen.c): its frame leaves the chain, suspended at
             * this yield, and the value settles the await. */
            Frame *done = frame;
            Gen *ag = done->gen;
            frame = done->parent;
            done->parent = NULL;
            vm->frame = frame;
            vm->depth--;
            ag->state = GEN_SUSPENDED;
            LOAD();
            Value v = *result;
            if (agen_settle(vm, ag, AGEN_YIELDED, &v) < 0)
                goto error;
            PUSH(v);
            DISPATCH();
        }
        case OP_YIELD_FROM: L_YIELD_FROM:
        case OP_AWAIT: L_AWAIT: {
            /* Delegation. On first execution TOS is the iterable/awaitable;
             * when the frame is resumed here, frame->xfer (sent or thrown)
             * carries what to pass on. */
            Value sub = TOP();
            /* `yield from fut` in a generator-based __await__ iterates the
             * future, which is awaiting it (CPython: Future.__iter__ is
             * __await__) */
            bool is_await = INSTR_OP(ins) == OP_AWAIT ||
                            (IS_KIND(sub, OBJ_NATIVE_DATA) && ((NativeData *)AS_OBJ(sub))->type->await_state);
            if (!frame->resuming) {
                SYNC();
                if (!is_await && IS_KIND(sub, OBJ_ITER)) {
                    /* yield from coro.__await__(): the coroutine runs on this chain */
                    Value coro = agen_coro_wrapper_target(vm, sub);
                    if (!IS_NULL(coro)) {
                        TOP() = sub = coro;
                        is_await = true;
                    }
                }
                if (IS_GEN(sub) && AS_GEN(sub)->gkind == GEN_COROUTINE) {
                    if (!is_await) {
                        vm_raise(vm, EXC_TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
                        goto error;
                    }
                } else if (IS_GEN(sub) && AS_GEN(sub)->gkind == GEN_GENERATOR) {
                    /* fine */
                } else if (!is_await) {
                    Value it = vm_iter(vm, sub);
                    CHECK(it);
                    TOP() = sub = it;
                }
                frame->xfer_kind = XFER_SENT;
                frame->xfer = VNONE;
            }
            frame->resuming = 0;
            if (is_await && IS_KIND(sub, OBJ_NATIVE_DATA) && agen_is_awaitable(sub)) {
                /* a step of an async generator: its frame joins this chain */
                SYNC();
                if (vm->depth >= vm->cfg.recursion_limit) {
                    vm_raise(vm, EXC_RecursionError, "maximum recursion depth exceeded");
                    goto error;
                }
                Frame *nf = NULL;
                Value out = VNULL;
                int k = agen_await_enter(vm, sub, &nf, &out);
                if (k < 0) {
                    sp--;
                    goto error;
                }
                if (k == 0) {
                    TOP() = out;
                    DISPATCH();
                }
                if (k == 1) {
                    sp--;
                    SYNC();
                    nf->parent = frame;
                    vm->depth++;
                    frame = nf;
                    vm->frame = frame;
                    LOAD();
                    if (frame->xfer_kind == XFER_PENDING) {   /* athrow, aclose */
                        vm->exc = frame_take_xfer(frame);
                        goto error;
                    }
                    DISPATCH();
                }
            }
            if (is_await && IS_KIND(sub, OBJ_NATIVE_DATA) && ((NativeData *)AS_OBJ(sub))->type->await_state) {
                /* a C future: done, raised, or park the chain on it */
                SYNC();
                const NativeType *type = ((NativeData *)AS_OBJ(sub))->type;
                if (frame->xfer_kind == XFER_THROWN) {
                    vm->exc = frame_take_xfer(frame);
                    if (type->await_throw)
                        type->await_throw(vm, AS_OBJ(sub));
                    frame->fast_await = 0;
                    sp--;
                    goto error;
                }
                Value out = VNULL;
                int st = type->await_state(vm, AS_OBJ(sub), &out);
                if (st < 0) {
                    frame->fast_await = 0;
                    sp--;
                    goto error;
                }
                if (st > 0) {
                    frame->fast_await = 0;
                    TOP() = out;
                    DISPATCH();
                }
                *result = IS_NULL(out) ? sub : out;   /* what the chain yields */
                goto park;
            }
            if (is_await && IS_GEN(sub) && AS_GEN(sub)->gkind == GEN_COROUTINE) {
                Gen *g = AS_GEN(sub);
                if (g->state == GEN_CREATED && frame->xfer_kind != XFER_THROWN) {
                    /* push the coroutine's frame on this chain and run it here */
                    if (vm->depth >= vm->cfg.recursion_limit) {
                        SYNC();
                        g->awaited = 1;   /* it was awaited: CPython does not warn */
                        vm_raise(vm, EXC_RecursionError, "maximum recursion depth exceeded");
                        goto error;
                    }
                    sp--;
                    SYNC();
                    g->state = GEN_RUNNING;
                    g->awaited = 1;
                    Frame *nf = g->frame;
                    nf->parent = frame;
                    vm->depth++;
                    frame = nf;
                    vm->frame = frame;
                    LOAD();
                    DISPATCH();
                }
                if (g->state == GEN_CLOSED) {
                    SYNC();
                    vm_raise(vm, EXC_RuntimeError, "cannot reuse already awaited coroutine");
                    goto error;
                }
                if (g->state == GEN_RUNNING) {
                    SYNC();
                    vm_raise(vm, EXC_RuntimeError, "coroutine is being awaited already");
                    goto error;
                }
            }
            /* a generator-style delegate, resumed from C */
            SYNC();
            Value r;
            bool returned = false;
            if (IS_GEN(sub)) {
                if (frame->xfer_kind == XFER_THROWN) {
                    Value t = frame_take_xfer(frame);
                    r = gen_throw(vm, AS_GEN(sub), t, &returned);
                } else {
                    r = gen_send(vm, AS_GEN(sub), frame_sent(frame), &returned);
                }
            } else if (agen_is_awaitable(sub)) {
                Value sent = frame_sent(frame);
                Value t = frame->xfer_kind == XFER_THROWN ? frame_take_xfer(frame) : VNULL;
                r = agen_await_step(vm, sub, IS_NULL(t) ? sent : VNONE, t, &returned);
            } else if (frame->xfer_kind == XFER_THROWN) {
                Value t = frame_take_xfer(frame);
                vm->exc = t;
                r = VNULL;
            } else {
                int k = vm_next(vm, sub, &r);
                if (k < 0)
                    r = VNULL;
                else if (k == 0) {
                    returned = true;
                    r = VNONE;
                }
            }
            if (IS_NULL(r)) {
                sp--;
                goto error;
            }
            if (returned) {
                TOP() = r;
                DISPATCH();
            }
            /* the delegate yielded: this frame yields the same value */
            *result = r;
            goto park;
        }
        case OP_GET_AWAITABLE: L_GET_AWAITABLE: {
            Value v = TOP();
            if (IS_GEN(v) && AS_GEN(v)->gkind == GEN_COROUTINE)
                DISPATCH();
            SYNC();
            Value it = vm_awaitable(vm, v, "object %s can't be used in 'await' expression");
            CHECK(it);
            TOP() = it;
            DISPATCH();
        }
        case OP_GET_AITER: L_GET_AITER: {
            SYNC();
            Value it = agen_aiter(vm, TOP());
            CHECK(it);
            TOP() = it;
            DISPATCH();
        }
        case OP_GET_ANEXT: L_GET_ANEXT: {
            SYNC();
            Value aw = agen_anext(vm, TOP());
            CHECK(aw);
            PUSH(aw);
            DISPATCH();
        }
        case OP_END_ASYNC_FOR: L_END_ASYNC_FOR: {
            /* the handler of an async for's __anext__ await: the iterator
             * and the exception; StopAsyncIteration ends the loop */
            Value exc = POP();
            sp--;
            if (vm_isinstance(vm, exc, EXC_TYPE(vm, StopAsyncIteration)))
                DISPATCH();
            SYNC();
            vm->exc = exc;
            reraise = true;
            goto error;
        }

        default:
        L_default:
            SYNC();
            vm_raise(vm, EXC_SystemError, "loopscope: unknown opcode %u", (unsigned)INSTR_OP(ins));
            goto error;
        }
        continue;

    error:
        /* ip is past the failing instruction; sp as it was left */
        SYNC();
        if (!reraise)
            exc_add_tb(vm, vm->exc, code, INSTR_INDEX());
        reraise = false;
        kwnames = NULL;
        for (;;) {
            if (frame->nblocks > 0 && !vm->limit_hit) {
                Block *b = &frame_blocks(frame)[--frame->nblocks];
                /* a call that failed at once lets go of the coroutines it was given now */
                bool dropped = dropped_coro(vm, frame_stack(frame) + b->level, sp);
                sp = frame_stack(frame) + b->level;
                PUSH(vm->exc);
                vm->exc = VNULL;
                if (dropped) {
                    SYNC();
                    if (safe_point(vm) < 0)
                        continue;
                }
                ip = frame->code->proto->code + b->handler;
                frame->resuming = 0;
                break;
            }
            /* no handler here: the exception leaves this frame */
            Frame *done = frame;
            if (dropped_coro(vm, frame_stack(done), sp) ||
                dropped_coro(vm, frame_locals(done), frame_locals(done) + done->code->nlocals))
                AS_OBJ(vm->exc)->flags |= EXC_DROPPED_CORO;
            if (done == entry) {
                status = EXEC_ERROR;
                goto leave;
            }
            Gen *g = done->gen;
            if (g)
                gen_convert_stop(vm, g);
            frame = frame_leave(vm, done);
            LOAD();
            if (g && g->gkind == GEN_ASYNC_GENERATOR) {
                /* an awaited async generator step: aclose() swallows GeneratorExit */
                Value v;
                if (agen_settle(vm, g, AGEN_RAISED, &v) > 0) {
                    PUSH(v);
                    DISPATCH();
                }
            }
            exc_add_tb(vm, vm->exc, code, INSTR_INDEX());
        }
        code = frame->code;
        consts = code->consts;
        names = code->names;
        locals = frame_locals(frame);
    }

park:
    /* A delegating instruction (YIELD_FROM, AWAIT) hands *result out and will
     * run again when the frame is resumed. Inside an await chain, the whole
     * chain parks: its owner remembers the innermost frame. */
    ip--;
    SYNC();
    frame->resuming = 1;
    if (frame != entry || entry->gen->gkind == GEN_ASYNC_GENERATOR) {
        /* an async generator stopping in an await (not at its own yield)
         * also reports EXEC_SUSPEND: its driver tells the two apart */
        entry->gen->resume = frame;
        status = EXEC_SUSPEND;
    } else {
        status = EXEC_YIELD;
    }

leave:
    vm->steps += (uint64_t)(budget_mark - budget);
    vm->frame = caller;
    vm->c_nesting--;
    vm->depth = base_depth;
    if (status != EXEC_SUSPEND && status != EXEC_YIELD) {
        entry->parent = NULL;
        if (!entry->gen)
            frame_free(vm, entry);
    } else {
        entry->parent = NULL;
    }
    return status;
}

/* ---- generator and coroutine methods ------------------------------------------ */

Value gen_stop_iteration(VM *vm, Value value)
{
    if (IS_NONE(value))
        return vm_raise_value(vm, exc_new(vm, EXC_TYPE(vm, StopIteration), NULL));
    return vm_raise_with(vm, EXC_StopIteration, value);
}

static Value gen_m_send(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "send", nargs - 1, kwnames, 1, 1) < 0)
        return VNULL;
    bool returned;
    Value r = gen_send(vm, AS_GEN(args[0]), args[1], &returned);
    if (IS_NULL(r))
        return VNULL;
    return returned ? gen_stop_iteration(vm, r) : r;
}

static Value gen_m_next(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "__next__", nargs - 1, kwnames, 0, 0) < 0)
        return VNULL;
    bool returned;
    Value r = gen_send(vm, AS_GEN(args[0]), VNONE, &returned);
    if (IS_NULL(r))
        return VNULL;
    return returned ? gen_stop_iteration(vm, r) : r;
}

static Value gen_m_iter(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)vm; (void)nargs; (void)kwnames;
    return args[0];
}

Value gen_throw_value(VM *vm, Value exc, Value value)
{
    if (IS_CLASS(exc)) {
        if (!(AS_CLASS(exc)->cflags & CLASS_EXCEPTION))
            return vm_raise(vm, EXC_TypeError, "exceptions must be classes or instances deriving from BaseException, not type");
        return !IS_NULL(value) && !IS_NONE(value) ? (IS_EXCEPTION(value) ? value : vm_call1(vm, exc, value))
                                                  : vm_call0(vm, exc);
    }
    if (!IS_EXCEPTION(exc))
        return vm_raise(vm, EXC_TypeError, "exceptions must be classes or instances deriving from BaseException, not %s",
                        vm_type_name(vm, exc));
    return exc;
}

static Value gen_m_throw(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "throw", nargs - 1, kwnames, 1, 3) < 0)
        return VNULL;
    Value exc = gen_throw_value(vm, args[1], nargs > 2 ? args[2] : VNULL);
    if (IS_NULL(exc))
        return VNULL;
    bool returned;
    Value r = gen_throw(vm, AS_GEN(args[0]), exc, &returned);
    if (IS_NULL(r))
        return VNULL;
    return returned ? gen_stop_iteration(vm, r) : r;
}

static Value gen_m_close(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "close", nargs - 1, kwnames, 0, 0) < 0)
        return VNULL;
    Gen *g = AS_GEN(args[0]);
    if (g->state == GEN_CREATED) {
        gen_finish(vm, g);
        return VNONE;
    }
    if (g->state == GEN_CLOSED)
        return VNONE;
    bool returned;
    Value r = gen_throw(vm, g, exc_new(vm, EXC_TYPE(vm, GeneratorExit), NULL), &returned);
    if (IS_NULL(r)) {
        if (vm_exc_matches(vm, EXC_GeneratorExit) || vm_exc_matches(vm, EXC_StopIteration)) {
            vm_exc_take(vm);
            return VNONE;
        }
        return VNULL;
    }
    if (returned)
        return VNONE;
    return vm_raise(vm, EXC_RuntimeError, "%s ignored GeneratorExit",
                    g->gkind == GEN_COROUTINE ? "coroutine" : "generator");
}

void gen_methods_init(VM *vm)
{
    Class *kinds[2] = { TYPE(vm, generator), TYPE(vm, coroutine) };
    for (int i = 0; i < 2; i++) {
        class_add_method(vm, kinds[i], "send", gen_m_send);
        class_add_method(vm, kinds[i], "throw", gen_m_throw);
        class_add_method(vm, kinds[i], "close", gen_m_close);
    }
    class_add_method(vm, TYPE(vm, generator), "__next__", gen_m_next);
    class_add_method(vm, TYPE(vm, generator), "__iter__", gen_m_iter);
    agen_init(vm);
}
