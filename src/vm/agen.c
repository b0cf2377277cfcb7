/*
 * agen.c - asynchronous generators (`async def` with `yield`), the objects
 * their __anext__/asend/athrow/aclose return, the async-for protocol, and
 * sys.set_asyncgen_hooks.
 *
 * An async generator is a Gen (exec.c) that nothing resumes directly: each
 * step is an awaitable, "asend" (__anext__, asend) or "athrow" (athrow,
 * aclose). Awaiting a fresh one in a coroutine pushes the generator's frame
 * on the awaiting chain, exactly as awaiting a coroutine does (exec.c, AWAIT),
 * so the generator body may await futures and the task's whole chain parks
 * and resumes with it, no C recursion involved. When the body stops, the
 * frame leaves the chain and agen_settle turns how it stopped (a yield, the
 * end, an exception) into the outcome of the await: the yielded value,
 * StopAsyncIteration, "async generator ignored GeneratorExit", ...
 *
 * An awaitable driven by hand (its send/throw methods, as a coroutine runner
 * does) runs the generator's frame from C instead (agen_await_step), with the
 * same outcomes; the awaitable then passes on whatever the body awaits.
 */
#include <string.h>
#include "vm.h"
#include "internal.h"

/* Async generator state beyond Gen's, in its header's flags. */
#define AG_RUNNING_ASYNC 0x1u   /* a step is in progress (ag_running) */
#define AG_HOOKS_INITED  0x2u   /* firstiter ran, the finalizer is captured */
#define AG_CLOSED        0x4u   /* aclose() started: the finalizer is not needed */
#define AG_MODE_SHIFT    4      /* the AwMode of the step in progress */
#define AG_MODE_MASK     (0x3u << AG_MODE_SHIFT)

typedef enum AwMode { AW_SEND, AW_THROW, AW_CLOSE } AwMode;
typedef enum AwState { AW_INIT, AW_ITER, AW_DONE } AwState;

/* One step of a generator: async_generator_asend or async_generator_athrow. */
typedef struct AgAwait {
    NativeData hdr;
    Gen *gen;
    Value arg;          /* AW_SEND: the value to send; AW_THROW: athrow's first argument */
    Value arg2;         /* AW_THROW: athrow's second argument, or VNULL */
    uint8_t mode;       /* AwMode */
    uint8_t state;      /* AwState */
    uint8_t nargs;      /* AW_THROW: how many arguments athrow got */
} AgAwait;

static void aw_mark(VM *vm, Obj *o)
{
    AgAwait *a = (AgAwait *)o;
    vm_mark_obj(vm, (Obj *)a->gen);
    vm_mark_value(vm, a->arg);
    vm_mark_value(vm, a->arg2);
}

static const NativeType aw_type = {
    .name = "async_generator_asend",
    .mark = aw_mark,
    .size = sizeof(AgAwait),
};

bool agen_is_awaitable(Value v)
{
    return IS_KIND(v, OBJ_NATIVE_DATA) && ((NativeData *)AS_OBJ(v))->type == &aw_type;
}

static bool is_agen(Value v)
{
    return IS_GEN(v) && AS_GEN(v)->gkind == GEN_ASYNC_GENERATOR;
}

static AwMode step_mode(const Gen *g)
{
    return (AwMode)((g->hdr.flags & AG_MODE_MASK) >> AG_MODE_SHIFT);
}

/* ---- hooks ---------------------------------------------------------------- */

/* CPython consults the hooks the first time a generator is asked for a step
 * (__anext__, asend, athrow or aclose is called, awaited or not): firstiter
 * sees the generator, and the finalizer current then is the one the
 * generator keeps for when it is dropped unfinished. */
static int init_hooks(VM *vm, Gen *g)
{
    if (g->hdr.flags & AG_HOOKS_INITED)
        return 0;
    g->hdr.flags |= AG_HOOKS_INITED;
    AS_ASYNC_GEN(g)->finalizer = vm->agen_finalizer;
    if (IS_NULL(vm->agen_firstiter))
        return 0;
    Value r = vm_call1(vm, vm->agen_firstiter, VOBJ(g));
    return IS_NULL(r) ? -1 : 0;
}

bool agen_wants_finalizer(const Gen *g)
{
    return g->gkind == GEN_ASYNC_GENERATOR && g->frame && !IS_NULL(AS_ASYNC_GEN(g)->finalizer) &&
           !(g->hdr.flags & AG_CLOSED);
}

void agen_finalize(VM *vm, Gen *g)
{
    Value fin = AS_ASYNC_GEN(g)->finalizer;
    AS_ASYNC_GEN(g)->finalizer = VNULL;   /* once: the generator may outlive this call */
    vm_push_root(vm, &fin);
    Value r = vm_call1(vm, fin, VOBJ(g));
    vm_pop_root(vm);
    if (IS_NULL(r))
        vm_exc_take(vm);    /* CPython only reports it ("Exception ignored in") */
}

/* ---- the step awaitables ------------------------------------------------- */

static Value aw_new(VM *vm, Gen *g, AwMode mode, Value arg, Value arg2, int nargs)
{
    if (init_hooks(vm, g) < 0)
        return VNULL;
    Class *cls = mode == AW_SEND ? TYPE(vm, async_generator_asend) : TYPE(vm, async_generator_athrow);
    AgAwait *a = vm_alloc_obj(vm, sizeof(AgAwait), OBJ_NATIVE_DATA, cls);
    a->hdr.type = &aw_type;
    a->gen = g;
    a->arg = arg;
    a->arg2 = arg2;
    a->mode = (uint8_t)mode;
    a->state = AW_INIT;
    a->nargs = (uint8_t)nargs;
    return VOBJ(a);
}

/* A step starts: CPython's checks, in its order. Returns -1 having raised
 * (the awaitable is spent), 0 when the step is over at once (*out is its
 * value), 1 when the generator must run: with *send as the value to resume
 * it with, or *throw (not VNULL) as the exception to raise at its yield. */
static int aw_start(VM *vm, AgAwait *a, Value *send, Value *throw, Value *out)
{
    static const char *const who[] = { "anext()", "athrow()", "aclose()" };
    Gen *g = a->gen;
    a->state = AW_DONE;
    if (g->hdr.flags & AG_RUNNING_ASYNC) {
        vm_raise(vm, EXC_RuntimeError, "%s: asynchronous generator is already running", who[a->mode]);
        return -1;
    }
    bool finished = g->state == GEN_CLOSED || !g->frame;
    switch ((AwMode)a->mode) {
    case AW_SEND:
        if (finished) {
            vm_raise_value(vm, exc_new(vm, EXC_TYPE(vm, StopAsyncIteration), NULL));
            return -1;
        }
        if (IS_NONE(*send))
            *send = a->arg;
        if (g->state == GEN_CREATED && !IS_NONE(*send) && IS_NULL(*throw)) {
            vm_raise(vm, EXC_TypeError, "can't send non-None value to a just-started async generator");
            return -1;
        }
        break;
    case AW_THROW:
        if (a->nargs == 0) {
            vm_raise(vm, EXC_TypeError, "athrow expected at least 1 argument, got 0");
            return -1;
        }
        if (IS_NULL(*throw)) {
            *throw = gen_throw_value(vm, a->arg, a->arg2);
            if (IS_NULL(*throw))
                return -1;
        }
        if (finished) {
            *out = VNONE;
            return 0;
        }
        break;
    case AW_CLOSE:
        g->hdr.flags |= AG_CLOSED;
        if (finished || g->state == GEN_CREATED) {
            gen_finish(vm, g);
            *out = VNONE;
            return 0;
        }
        if (IS_NULL(*throw))
            *throw = exc_new(vm, EXC_TYPE(vm, GeneratorExit), NULL);
        break;
    }
    g->hdr.flags = (uint16_t)((g->hdr.flags & ~AG_MODE_MASK) | AG_RUNNING_ASYNC |
                              ((unsigned)a->mode << AG_MODE_SHIFT));
    a->state = AW_ITER;
    return 1;
}

int agen_settle(VM *vm, Gen *g, AgenStop how, Value *v)
{
    g->hdr.flags &= (uint16_t)~AG_RUNNING_ASYNC;
    if (step_mode(g) == AW_CLOSE) {
        switch (how) {
        case AGEN_YIELDED:
            vm_raise(vm, EXC_RuntimeError, "async generator ignored GeneratorExit");
            return -1;
        case AGEN_RAISED:
            if (!vm_exc_matches(vm, EXC_GeneratorExit))
                return -1;
            vm_exc_take(vm);
            break;
        case AGEN_RETURNED:
            break;
        }
        *v = VNONE;
        return 1;
    }
    switch (how) {
    case AGEN_YIELDED:
        return 1;
    case AGEN_RETURNED:
        vm_raise_value(vm, exc_new(vm, EXC_TYPE(vm, StopAsyncIteration), NULL));
        return -1;
    default:
        return -1;
    }
}

int agen_await_enter(VM *vm, Value awv, Frame **nf, Value *out)
{
    AgAwait *a = (AgAwait *)AS_OBJ(awv);
    Gen *g = a->gen;
    /* started by hand, or the generator is parked inside an abandoned step:
     * only the C driver knows how to go on */
    if (a->state != AW_INIT || g->resume || (g->frame && g->frame->resuming))
        return 2;
    Value send = VNONE, throw = VNULL;
    int k = aw_start(vm, a, &send, &throw, out);
    if (k <= 0)
        return k;
    Frame *f = g->frame;
    if (!IS_NULL(throw))
        f->xfer_kind = XFER_PENDING, f->xfer = throw;
    else if (g->state == GEN_SUSPENDED)
        *f->sp++ = send;    /* the value of the yield it stopped at */
    a->state = AW_DONE;     /* the chain carries the step from here */
    g->state = GEN_RUNNING;
    g->awaited = 1;
    *nf = f;
    return 1;
}

Value agen_await_step(VM *vm, Value awv, Value send, Value throw, bool *returned)
{
    AgAwait *a = (AgAwait *)AS_OBJ(awv);
    Gen *g = a->gen;
    *returned = false;
    if (a->state == AW_DONE)
        return vm_raise(vm, EXC_RuntimeError, a->mode == AW_SEND
                        ? "cannot reuse already awaited __anext__()/asend()"
                        : "cannot reuse already awaited aclose()/athrow()");
    if (a->state == AW_INIT) {
        Value out;
        int k = aw_start(vm, a, &send, &throw, &out);
        if (k < 0)
            return VNULL;
        if (k == 0) {
            *returned = true;
            return out;
        }
    }
    if (g->state == GEN_RUNNING)
        return vm_raise(vm, EXC_ValueError, "async generator already executing");
    if (!g->frame) {
        a->state = AW_DONE;
        g->hdr.flags &= (uint16_t)~AG_RUNNING_ASYNC;
        return vm_raise_value(vm, exc_new(vm, EXC_TYPE(vm, StopAsyncIteration), NULL));
    }
    Value result;
    vm_push_root(vm, &awv);
    ExecStatus st = gen_run(vm, g, send, throw, &result);
    vm_pop_root(vm);
    if (st == EXEC_SUSPEND)
        return result;      /* the body awaits: pass it out to our driver */
    a->state = AW_DONE;
    AgenStop how = st == EXEC_YIELD ? AGEN_YIELDED : st == EXEC_RETURN ? AGEN_RETURNED : AGEN_RAISED;
    if (agen_settle(vm, g, how, &result) < 0)
        return VNULL;
    *returned = true;
    return result;
}

/* ---- methods of the step awaitables -------------------------------------- */

/* One step through a method: the step's result becomes StopIteration. */
static Value aw_step(VM *vm, Value aw, Value send, Value throw)
{
    bool returned;
    Value r = agen_await_step(vm, aw, send, throw, &returned);
    return !IS_NULL(r) && returned ? gen_stop_iteration(vm, r) : r;
}

static Value aw_m_send(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "send", nargs - 1, kwnames, 1, 1) < 0)
        return VNULL;
    return aw_step(vm, args[0], args[1], VNULL);
}

static Value aw_m_next(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "__next__", nargs - 1, kwnames, 0, 0) < 0)
        return VNULL;
    return aw_step(vm, args[0], VNONE, VNULL);
}

static Value aw_m_throw(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "throw", nargs - 1, kwnames, 1, 3) < 0)
        return VNULL;
    Value exc = gen_throw_value(vm, args[1], nargs > 2 ? args[2] : VNULL);
    return IS_NULL(exc) ? exc : aw_step(vm, args[0], VNONE, exc);
}

static Value aw_m_close(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "close", nargs - 1, kwnames, 0, 0) < 0)
        return VNULL;
    ((AgAwait *)AS_OBJ(args[0]))->state = AW_DONE;
    return VNONE;
}

static Value m_self(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "__iter__", nargs - 1, kwnames, 0, 0) < 0)
        return VNULL;
    return args[0];
}

/* ---- coroutine.__await__(): a coroutine_wrapper ------------------------------- */

/* An iterator over the coroutine's steps (an Iter of class coroutine_wrapper,
 * `a` the coroutine). `await` and `yield from` on it run the coroutine itself
 * on their chain (agen_coro_wrapper_target), so it parks as the coroutine would. */
static int cw_next(VM *vm, Iter *it, Value *out)
{
    bool returned;
    Value r = gen_send(vm, AS_GEN(it->a), VNONE, &returned);
    if (IS_NULL(r))
        return -1;
    if (returned) {
        gen_stop_iteration(vm, r);
        return -1;
    }
    *out = r;
    return 1;
}

Value agen_coro_wrapper_target(VM *vm, Value v)
{
    if (IS_KIND(v, OBJ_ITER) && AS_OBJ(v)->cls == TYPE(vm, coroutine_wrapper))
        return ((Iter *)AS_OBJ(v))->a;
    return VNULL;
}

static Value coro_m_await(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "__await__", nargs - 1, kwnames, 0, 0) < 0)
        return VNULL;
    Iter *it = iter_new(vm, cw_next, args[0]);
    it->hdr.cls = TYPE(vm, coroutine_wrapper);
    return VOBJ(it);
}

static Value cw_delegate(VM *vm, Value *args, int nargs, const char *name)
{
    Value coro = ((Iter *)AS_OBJ(args[0]))->a;
    return vm_call_method(vm, coro, str_intern(vm, name, strlen(name)), args + 1, nargs - 1);
}

static Value cw_m_send(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "send", nargs - 1, kwnames, 1, 1) < 0)
        return VNULL;
    return cw_delegate(vm, args, nargs, "send");
}

static Value cw_m_next(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "__next__", nargs - 1, kwnames, 0, 0) < 0)
        return VNULL;
    Value none = VNONE;
    Value a[2] = { args[0], none };
    return cw_delegate(vm, a, 2, "send");
}

static Value cw_m_throw(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "throw", nargs - 1, kwnames, 1, 3) < 0)
        return VNULL;
    return cw_delegate(vm, args, nargs, "throw");
}

static Value cw_m_close(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "close", nargs - 1, kwnames, 0, 0) < 0)
        return VNULL;
    return cw_delegate(vm, args, nargs, "close");
}

/* ---- methods of async generators ------------------------------------------ */

static Value ag_m_anext(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "__anext__", nargs - 1, kwnames, 0, 0) < 0)
        return VNULL;
    return aw_new(vm, AS_GEN(args[0]), AW_SEND, VNONE, VNULL, 0);
}

static Value ag_m_asend(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "asend", nargs - 1, kwnames, 1, 1) < 0)
        return VNULL;
    return aw_new(vm, AS_GEN(args[0]), AW_SEND, args[1], VNULL, 0);
}

/* athrow(exc) or the deprecated athrow(type, value): checked when it runs */
static Value ag_m_athrow(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "athrow", nargs - 1, kwnames, 0, 3) < 0)
        return VNULL;
    return aw_new(vm, AS_GEN(args[0]), AW_THROW, nargs > 1 ? args[1] : VNULL,
                  nargs > 2 ? args[2] : VNULL, nargs - 1);
}

static Value ag_m_aclose(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "aclose", nargs - 1, kwnames, 0, 0) < 0)
        return VNULL;
    return aw_new(vm, AS_GEN(args[0]), AW_CLOSE, VNULL, VNULL, 0);
}

static Value ag_running(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)vm; (void)nargs; (void)kwnames;
    return VBOOL(AS_GEN(args[0])->hdr.flags & AG_RUNNING_ASYNC);
}

/* ---- the async-for protocol ------------------------------------------------ */

Value agen_aiter(VM *vm, Value obj)
{
    if (is_agen(obj))
        return obj;
    Value m = vm_lookup_special(vm, obj, vm->sn[SN_aiter]);
    if (IS_NULL(m))
        return vm_raise(vm, EXC_TypeError, "'async for' requires an object with __aiter__ method, got %s",
                        vm_type_name(vm, obj));
    Value it = vm_call_special(vm, m, obj);
    if (IS_NULL(it))
        return VNULL;
    if (!is_agen(it) && IS_NULL(vm_lookup_special(vm, it, vm->sn[SN_anext])))
        return vm_raise(vm, EXC_TypeError,
                        "'async for' received an object from __aiter__ that does not implement __anext__: %s",
                        vm_type_name(vm, it));
    return it;
}

Value agen_anext(VM *vm, Value aiter)
{
    if (is_agen(aiter))
        return aw_new(vm, AS_GEN(aiter), AW_SEND, VNONE, VNULL, 0);
    Value m = vm_lookup_special(vm, aiter, vm->sn[SN_anext]);
    if (IS_NULL(m))
        return vm_raise(vm, EXC_TypeError, "'async for' requires an iterator with __anext__ method, got %s",
                        vm_type_name(vm, aiter));
    Value r = vm_call_special(vm, m, aiter);
    if (IS_NULL(r))
        return VNULL;
    vm_push_root(vm, &r);
    Value aw = vm_awaitable(vm, r, "'async for' received an invalid object from __anext__: %s");
    vm_pop_root(vm);
    return aw;
}

/* ---- sys.set_asyncgen_hooks / sys.get_asyncgen_hooks ------------------------- */

static Value hooks_field(VM *vm, Value *args, int nargs, Tuple *kwnames, int i)
{
    (void)vm; (void)nargs; (void)kwnames;
    return AS_TUPLE(args[0])->items[i];
}
static Value hooks_firstiter(VM *vm, Value *a, int n, Tuple *k) { return hooks_field(vm, a, n, k, 0); }
static Value hooks_finalizer(VM *vm, Value *a, int n, Tuple *k) { return hooks_field(vm, a, n, k, 1); }

static Value hooks_repr(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)nargs; (void)kwnames;
    Tuple *t = AS_TUPLE(args[0]);
    Str *a = vm_repr(vm, t->items[0]);
    Str *b = a ? vm_repr(vm, t->items[1]) : NULL;
    if (!b)
        return VNULL;
    return VOBJ(str_printf(vm, "asyncgen_hooks(firstiter=%s, finalizer=%s)", a->data, b->data));
}

static Value sys_get_asyncgen_hooks(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (vm_check_nargs(vm, "get_asyncgen_hooks", nargs, kwnames, 0, 0) < 0)
        return VNULL;
    Value items[2] = {
        IS_NULL(vm->agen_firstiter) ? VNONE : vm->agen_firstiter,
        IS_NULL(vm->agen_finalizer) ? VNONE : vm->agen_finalizer,
    };
    Tuple *t = tuple_from(vm, items, 2);
    t->hdr.cls = TYPE(vm, asyncgen_hooks);
    return VOBJ(t);
}

/* A keyword left out keeps its hook; None removes it. */
static Value sys_set_asyncgen_hooks(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    static const char *const params[] = { "firstiter", "finalizer", NULL };
    Value v[2];
    if (nargs > 2)
        return vm_raise(vm, EXC_TypeError, "function takes at most 2 arguments (%d given)", nargs);
    if (vm_bind_args(vm, "set_asyncgen_hooks", args, nargs, kwnames, params, 0, 2, v) < 0)
        return VNULL;
    for (int i = 1; i >= 0; i--)   /* CPython checks the finalizer first */
        if (!IS_NULL(v[i]) && !IS_NONE(v[i]) && !vm_is_callable(vm, v[i]))
            return vm_raise(vm, EXC_TypeError, "callable %s expected, got %s", params[i],
                            vm_type_name(vm, v[i]));
    Value *slot[2] = { &vm->agen_firstiter, &vm->agen_finalizer };
    for (int i = 0; i < 2; i++)
        if (!IS_NULL(v[i]))
            *slot[i] = IS_NONE(v[i]) ? VNULL : v[i];
    return VNONE;
}

void agen_sys_init(VM *vm, Module *sys)
{
    static const struct { const char *name; NativeFn fn; } fns[] = {
        { "get_asyncgen_hooks", sys_get_asyncgen_hooks },
        { "set_asyncgen_hooks", sys_set_asyncgen_hooks },
    };
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++)
        dict_set_str(vm, sys->dict, fns[i].name, VOBJ(native_new(vm, fns[i].name, fns[i].fn, NULL)));
    /* what get_asyncgen_hooks returns: a (firstiter, finalizer) tuple with names */
    Class *c = TYPE(vm, asyncgen_hooks);
    c->module = sys->name;
    class_add_property(vm, c, "firstiter", hooks_firstiter);
    class_add_property(vm, c, "finalizer", hooks_finalizer);
    class_add_method(vm, c, "__repr__", hooks_repr);
}

/* ---- registration ----------------------------------------------------------- */

void agen_init(VM *vm)
{
    Class *ag = TYPE(vm, async_generator);
    class_add_method(vm, ag, "__aiter__", m_self);
    class_add_method(vm, ag, "__anext__", ag_m_anext);
    class_add_method(vm, ag, "asend", ag_m_asend);
    class_add_method(vm, ag, "athrow", ag_m_athrow);
    class_add_method(vm, ag, "aclose", ag_m_aclose);
    class_add_property(vm, ag, "ag_running", ag_running);
    Class *steps[2] = { TYPE(vm, async_generator_asend), TYPE(vm, async_generator_athrow) };
    for (int i = 0; i < 2; i++) {
        class_add_method(vm, steps[i], "send", aw_m_send);
        class_add_method(vm, steps[i], "throw", aw_m_throw);
        class_add_method(vm, steps[i], "close", aw_m_close);
        class_add_method(vm, steps[i], "__next__", aw_m_next);
        class_add_method(vm, steps[i], "__iter__", m_self);
        class_add_method(vm, steps[i], "__await__", m_self);
    }
    class_add_method(vm, TYPE(vm, coroutine), "__await__", coro_m_await);
    Class *cw = TYPE(vm, coroutine_wrapper);
    class_add_method(vm, cw, "send", cw_m_send);
    class_add_method(vm, cw, "throw", cw_m_throw);
    class_add_method(vm, cw, "close", cw_m_close);
    class_add_method(vm, cw, "__next__", cw_m_next);
    class_add_method(vm, cw, "__iter__", m_self);
}
