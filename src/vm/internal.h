/*
 * internal.h - what the core files of src/vm share and nothing outside uses:
 * frames, the dispatch entry points, class machinery.
 */
#ifndef LOOPSCOPE_INTERNAL_H
#define LOOPSCOPE_INTERNAL_H

#include "vm.h"

/* A handler block pushed by SETUP_FINALLY / SETUP_CLEANUP / SETUP_WITH. */
typedef struct Block {
    uint32_t handler;   /* instruction index */
    uint32_t level;     /* value-stack depth to restore */
} Block;

/* A frame lives on the heap so that a coroutine's whole call chain can park
 * at an await while other tasks run: suspending is leaving the frames where
 * they are. Locals, cells, the value stack and the block stack share one
 * allocation (slots), laid out by the code: frame_locals(), frame_cells(),
 * frame_stack(), frame_blocks(). A parked task holds one frame per
 * coroutine of its chain, so the header keeps only what cannot be derived
 * from the code (issue 3: memory per pending task). */
typedef enum FrameXfer {
    XFER_NONE,
    XFER_SENT,          /* a parked delegation resumes: pass xfer on to the delegate */
    XFER_THROWN,        /* ... or throw xfer into the delegate */
    XFER_PENDING        /* raise xfer at the resume point (gen.throw after a yield) */
} FrameXfer;

struct Frame {
    Frame *parent;      /* the frame that called or awaits this one */
    Function *fn;       /* its globals are the frame's */
    Code *code;
    const uint32_t *ip; /* next instruction */
    Value *sp;          /* next free stack slot */
    Dict *ns;           /* namespace of module and class bodies (*_NAME ops) */
    Gen *gen;           /* the generator that owns this frame, or NULL */
    Obj *handled;       /* the exception being handled here, or NULL */
    Value xfer;         /* what xfer_kind says */
    uint16_t nblocks;
    uint8_t xfer_kind : 2;  /* FrameXfer */
    uint8_t resuming : 1;   /* parked inside YIELD_FROM/AWAIT: re-run it on resume */
    uint8_t preempted : 1;  /* a fiber parked between two instructions: resume as is */
    uint8_t fast_await : 1; /* the awaitable on its stack came from a fast call
                               (Code.fast) of its own: see vm_fast_await() */
    uint32_t alloc_size;    /* code->frame_bytes, kept: the code may go first when both are garbage */
    Value slots[];
};

static inline Value *frame_locals(Frame *f) { return f->slots; }
static inline Value *frame_cells(Frame *f) { return f->slots + f->code->nlocals; }
static inline Value *frame_stack(Frame *f)
{
    return f->slots + f->code->nlocals + f->code->ncells + f->code->nfrees;
}
static inline Block *frame_blocks(Frame *f) { return (Block *)(f->slots + f->code->frame_slots); }
static inline Dict *frame_globals(const Frame *f) { return f->fn->globals; }
/* What a resumed delegation passes on (None unless xfer_kind is SENT). */
static inline Value frame_sent(const Frame *f) { return f->xfer_kind == XFER_SENT ? f->xfer : VNONE; }
/* The exception to throw or raise, taken out of the frame. */
static inline Value frame_take_xfer(Frame *f)
{
    Value v = f->xfer;
    f->xfer = VNULL;
    f->xfer_kind = XFER_NONE;
    return v;
}

/* Result of running frames until something stops them. */
typedef enum ExecStatus {
    EXEC_RETURN,        /* the entry frame returned *result */
    EXEC_YIELD,         /* a generator yielded *result */
    EXEC_SUSPEND,       /* an await parked the chain on *result (a future) */
    EXEC_ERROR          /* an exception escaped the entry frame: vm->exc */
} ExecStatus;

/* Interned names the core looks up often: vm->sn[SN_init] is "__init__". */
#define SPECIAL_NAMES(X) \
    X(init, "__init__") X(new, "__new__") X(repr, "__repr__") X(str, "__str__") \
    X(eq, "__eq__") X(ne, "__ne__") X(lt, "__lt__") X(le, "__le__") X(gt, "__gt__") X(ge, "__ge__") \
    X(hash, "__hash__") X(bool, "__bool__") X(len, "__len__") X(getitem, "__getitem__") \
    X(setitem, "__setitem__") X(delitem, "__delitem__") X(contains, "__contains__") \
    X(iter, "__iter__") X(next, "__next__") X(call, "__call__") X(getattr, "__getattr__") \
    X(getattribute, "__getattribute__") X(setattr, "__setattr__") X(delattr, "__delattr__") \
    X(enter, "__enter__") X(exit, "__exit__") X(aenter, "__aenter__") X(aexit, "__aexit__") \
    X(await, "__await__") X(aiter, "__aiter__") X(anext, "__anext__") X(index, "__index__") \
    X(int, "__int__") X(float, "__float__") X(neg, "__neg__") X(pos, "__pos__") \
    X(invert, "__invert__") X(abs, "__abs__") X(format, "__format__") X(name, "__name__") \
    X(qualname, "__qualname__") X(module, "__module__") X(doc, "__doc__") X(dict, "__dict__") \
    X(class, "__class__") X(main, "__main__") X(reversed, "__reversed__") X(round, "__round__") \
    X(set_name, "__set_name__") X(init_subclass, "__init_subclass__") X(builtins, "__builtins__") \
    X(file, "__file__") X(args, "args") X(sys, "sys") X(stdout, "stdout") X(slots, "__slots__") \
    X(get, "__get__") X(set, "__set__") X(delete, "__delete__")

enum {
#define X(id, text) SN_##id,
    SPECIAL_NAMES(X)
#undef X
    SN__COUNT
};
_Static_assert(SN__COUNT <= 64, "VM.sn holds 64 special names");

/* exec.c */
Frame *frame_new(VM *vm, Function *fn, Dict *ns);
void frame_free(VM *vm, Frame *f);
ExecStatus vm_execute(VM *vm, Frame *entry, Value *result);
/* Runs from `start` (the innermost frame of a parked chain) until `entry`
 * returns, or something yields, suspends or escapes. */
ExecStatus vm_execute_from(VM *vm, Frame *entry, Frame *start, Value *result);
Code *code_load(VM *vm, Proto *p);
int vm_bind_call(VM *vm, Function *fn, Frame *f, Value *args, int nargs, Tuple *kwnames);
Value gen_send(VM *vm, Gen *g, Value v, bool *returned);   /* VNULL on error */
/* A fiber: fn(*args) made ready to run as a resumable chain (GEN_FIBER),
 * driven with gen_send. Inside it, a native that sets vm->park_request
 * parks the whole chain after returning (the value sent on resume becomes
 * the native's result), and vm->switch_hook may park it between two
 * instructions. fn must be a Python function. NULL after raising. */
Gen *vm_fiber_new(VM *vm, Value fn, Value *args, int nargs);
Value gen_throw(VM *vm, Gen *g, Value exc, bool *returned);
int vm_frame_line(const Frame *f);
/* Line `lineno` of the program (without its newline); false past the end. */
bool vm_source_line(VM *vm, int lineno, const char **start, size_t *len);

/* warn.c: CPython's warnings as its default filter shows them: each
 * (text, place) once, "FILE:LINE: Category: text" and the source line.
 * The place is the innermost frame of the program; with none (at exit) it
 * is "sys:1", as during CPython's shutdown. */
int vm_program_line(VM *vm);
bool native_self_ok(VM *vm, const Native *n, const Value *args, int nargs);   /* NATIVE_CHECK_SELF */
/* gc.c: would `o` have something to say if it were garbage now? (`del x`
 * of such an object asks for a collection, to speak about when CPython's
 * reference counting would) */
bool vm_wants_last_word(VM *vm, Obj *o);   /* the line the scenario is at (0: none running) */
void vm_warn(VM *vm, const char *category, const char *text, bool tracemalloc_hint);
void vm_warn_never_awaited(VM *vm, Gen *coro);
/* A coroutine object that was created and never started, sent to or
 * closed: dropping it is the classic mistake CPython warns about. */
static inline bool gen_never_ran(const Gen *g)
{
    return g->gkind == GEN_COROUTINE && g->frame && !g->awaited;
}

/* A frame whose local variables hold a coroutine that never ran. */
static inline bool frame_holds_unstarted(Frame *f)
{
    Value *locals = frame_locals(f);
    for (int i = 0; i < f->code->nlocals; i++)
        if (locals[i].tag == V_OBJ && locals[i].as.o->kind == OBJ_GEN && gen_never_ran((Gen *)locals[i].as.o))
            return true;
    return false;
}

/* An unstarted generator or coroutine whose arguments include an unstarted
 * coroutine (asyncio.wait_for(fetch(), 1) let go as a statement). */
static inline bool gen_holds_unstarted(Gen *g)
{
    return g->frame && frame_holds_unstarted(g->frame);
}
/* At exit: every coroutine still alive that never ran gets its warning. */
void vm_warn_at_exit(VM *vm);
int code_line_at(const Code *c, int instr);

void gen_methods_init(VM *vm);
void introspect_init(VM *vm);                /* globals(), locals(), dir() */               /* send, throw, close, __next__ ... */

/* exec.c: generators and awaiting */
/* Resumes g's frame (or the innermost frame of its parked await chain) with
 * `send` as the value of the yield or await it stopped at, or with `throw`
 * (VNULL: none) raised there, and runs until it stops; g is then SUSPENDED
 * or CLOSED. The caller has made sure that g may run. */
ExecStatus gen_run(VM *vm, Gen *g, Value send, Value throw, Value *result);
void gen_finish(VM *vm, Gen *g);                   /* closed; its frame freed */
const char *gen_kind_name(const Gen *g);           /* "generator", "coroutine", "async generator" */
void gen_convert_stop(VM *vm, Gen *g);             /* a StopIteration escaping g: RuntimeError */
Value gen_throw_value(VM *vm, Value type, Value value);  /* throw()'s arguments as an exception */
Value gen_stop_iteration(VM *vm, Value value);     /* raises StopIteration(value); VNULL */
Value vm_call_special(VM *vm, Value method, Value self);  /* a special method found on self's type */
/* What `await v` iterates: v itself for coroutines and awaitable C objects,
 * else v.__await__(); `fail_fmt` (with a %s for the type name) when it has none. */
Value vm_awaitable(VM *vm, Value v, const char *fail_fmt);

/* agen.c: asynchronous generators and the async-for protocol */
void agen_init(VM *vm);
void agen_sys_init(VM *vm, Module *sys);           /* sys.set_asyncgen_hooks, get_asyncgen_hooks */
bool agen_is_awaitable(Value v);                   /* an asend/athrow object */
Value agen_coro_wrapper_target(VM *vm, Value v);   /* coroutine.__await__()'s coroutine, else VNULL */
Value agen_aiter(VM *vm, Value obj);               /* GET_AITER */
Value agen_anext(VM *vm, Value aiter);             /* GET_ANEXT: the awaitable of the next step */
/* `await aw` on a chain: 1 with *nf the generator's frame to push (set to
 * resume), 0 when the step is over at once (*out is its value), -1 raised,
 * 2 when aw must be driven from C (agen_await_step). */
int agen_await_enter(VM *vm, Value aw, Frame **nf, Value *out);
/* One send/throw into a step awaitable, as gen_send: *returned when the
 * step is over (the value is its result), else the value its body awaits. */
Value agen_await_step(VM *vm, Value aw, Value send, Value throw, bool *returned);
typedef enum AgenStop { AGEN_YIELDED, AGEN_RETURNED, AGEN_RAISED } AgenStop;
/* The generator's frame stopped (a yield with *v, the end, or vm->exc):
 * 1 with *v the step's result, or -1 with the exception the step raises. */
int agen_settle(VM *vm, Gen *g, AgenStop how, Value *v);
/* The collector: an unfinished generator dropped after its first step
 * gets the finalizer hook it saw then (asyncio schedules its aclose()). */
bool agen_wants_finalizer(const Gen *g);
void agen_finalize(VM *vm, Gen *g);

/* class.c */
void types_init(VM *vm);                     /* creates every builtin class */
void class_methods_init(VM *vm);             /* object/type/wrapper natives */
Value class_call(VM *vm, Class *c, Value *args, int nargs, Tuple *kwnames);
Value class_lookup(Class *c, Str *name);     /* along the MRO; VNULL if none */
Value class_lookup_cached(VM *vm, Class *c, Str *name);  /* the same, remembered */
Value property_missing(VM *vm, const Wrapper *prop, Value obj, const char *what);  /* raises */
bool class_find_user_getattribute(VM *vm, Class *type);
/* A __getattribute__ written in Python along type's MRO (object's is not):
 * looked up again only after a class has changed (every attribute load asks) */
static inline bool vm_has_user_getattribute(VM *vm, Class *type)
{
    if (type->cflags & CLASS_BUILTIN)
        return false;
    if (type->ga_epoch == vm->class_epoch)
        return type->user_getattribute;
    return class_find_user_getattribute(vm, type);
}
Value vm_generic_getattr(VM *vm, Value obj, Str *name);  /* object.__getattribute__ */
void class_set_dict(VM *vm, Class *c, Dict *ns);         /* c's namespace from now on */
bool class_slot_allows(VM *vm, Class *c, Str *name);    /* CLASS_SLOTS: may instances have it? */
Tuple *class_mro(VM *vm, Class *c);          /* __mro__ (made on demand for builtins) */
Tuple *class_bases(VM *vm, Class *c);        /* __bases__ */
int class_set_bases(VM *vm, Class *c, Tuple *bases);  /* C3 MRO; -1 after raising */
Value build_class(VM *vm, Value *args, int nargs, Tuple *kwnames);
Value bind_descriptor(VM *vm, Value attr, Value obj, Class *type);

/* ops.c: a three-way comparison's answer to op (c: -1, 0, 1, or 2 for unordered) */
Value vm_cmp_result(int c, CmpKind op);
/* The six comparison natives prefix_lt ... prefix_ge, each
 * impl(vm, args, nargs, kwnames, op) */
#define DEFINE_COMPARE_NATIVES(prefix, impl) \
    static Value prefix##_lt(VM *vm, Value *a, int n, Tuple *k) { return impl(vm, a, n, k, CMP_LT); } \
    static Value prefix##_le(VM *vm, Value *a, int n, Tuple *k) { return impl(vm, a, n, k, CMP_LE); } \
    static Value prefix##_eq(VM *vm, Value *a, int n, Tuple *k) { return impl(vm, a, n, k, CMP_EQ); } \
    static Value prefix##_ne(VM *vm, Value *a, int n, Tuple *k) { return impl(vm, a, n, k, CMP_NE); } \
    static Value prefix##_gt(VM *vm, Value *a, int n, Tuple *k) { return impl(vm, a, n, k, CMP_GT); } \
    static Value prefix##_ge(VM *vm, Value *a, int n, Tuple *k) { return impl(vm, a, n, k, CMP_GE); }

/* subclass.c: instances of Python classes deriving from builtin types */
void subclass_init(VM *vm);                  /* the builtins' __new__ */
bool subclass_layout_ok(VM *vm, const Class *bb);   /* may a Python class derive from bb? */
Dict *subclass_attrs(VM *vm, Obj *o, bool create);   /* its __dict__ (NULL: none yet) */
void subclass_forget(VM *vm, Obj *o);                 /* o is being freed: drop its attributes */
Value subclass_rebrand(VM *vm, Class *c, Value plain);
Value subclass_new(VM *vm, Class *c, Class *bb, Value *args, int nargs, Tuple *kwnames);
Value class_staticmethod(VM *vm, Value fn);  /* staticmethod(fn) */
Value subclass_dict_getitem(VM *vm, Value obj, Value key);   /* d[key] with __missing__ */
/* list.__repr__, str.__repr__...: the builtin's repr of self */
Value subclass_builtin_repr(VM *vm, Value *args, int nargs, Tuple *kwnames);

/* exc.c */
void exc_types_init(VM *vm);
void exc_group_init(VM *vm);                 /* ExceptionGroup's constructor and methods */
void exc_add_tb(VM *vm, Value exc, Code *code, int instr);
Value vm_current_handled(VM *vm);            /* what a bare raise re-raises */
void exc_set_context(VM *vm, Value exc);     /* chain vm's handled exception as __context__ */
Value vm_raise_name_error(VM *vm, Str *name);
Value exc_traceback_object(VM *vm, Exception *e);  /* __traceback__, or None */
Str *exc_report_suggestion(VM *vm, Exception *e);  /* ". Did you mean: 'x'?" or NULL */
bool exc_is_group(VM *vm, Value v);
Tuple *exc_group_items(VM *vm, Value eg);          /* the sub-exceptions, or NULL */
/* except*: split eg by type into (match, rest); either may be None. */
int exc_group_split(VM *vm, Value eg, Value type, Value *match, Value *rest);
/* except*: what to re-raise after the handlers ran: None or an exception. */
Value exc_group_reraise(VM *vm, Value orig, Value raised_list);

/* suggest.c */
Str *suggest_for_name(VM *vm, Frame *f, Str *name);
Str *suggest_for_attribute(VM *vm, Value obj, Str *name);
bool suggest_is_stdlib_module(const char *name);

/* ops.c */
Value vm_new_int_from_i128(VM *vm, __int128 v);
Value vm_unary(VM *vm, Value a, int which);      /* 0: +a, 1: ~a */
Value vm_int_from_double(VM *vm, double d);
int vm_to_double(VM *vm, Value v, double *out);  /* int/float/bool -> double */

/* dict.c */
void dict_clear(VM *vm, Dict *d);
int64_t dict_index_str(Dict *d, Str *key);   /* entry number of a str key, or -1 */
Dict *dict_copy(VM *vm, Dict *d);
void dict_free_storage(VM *vm, Dict *d);

/* object.c */
void vm_release_obj(VM *vm, void *p, size_t size);   /* memory of a dead object */
void vm_release_mem(VM *vm, void *p, size_t size);   /* memory from vm_small_alloc (frames) */
void *vm_small_alloc(VM *vm, size_t size);           /* uncounted, not zeroed: frames */
void vm_small_free_all(VM *vm);

/* gc.c */
void vm_free_object(VM *vm, Obj *o);
void gc_maybe_collect(VM *vm);

/* deque.c: collections.deque, for the container dispatch of containers.c */
static inline Value deque_at(Deque *d, size_t i)   /* i < d->len; the ring's size is a power of two */
{
    return d->items[(d->head + i) & (d->cap - 1)];
}
Value *deque_items(VM *vm, Deque *d);        /* its items made contiguous, in order */
Value deque_iter(VM *vm, Deque *d);
Value deque_getitem(VM *vm, Deque *d, Value key);
int deque_setitem(VM *vm, Deque *d, Value key, Value v);
int deque_delitem(VM *vm, Deque *d, Value key);
int deque_contains(VM *vm, Deque *d, Value x);
void deque_append(VM *vm, Deque *d, Value v);
Value deque_popleft(VM *vm, Deque *d);       /* of a non-empty deque */
int deque_remove(VM *vm, Deque *d, Value x); /* remove(): 0, or -1 with ValueError (or what == raised) */
void deque_free_storage(VM *vm, Deque *d);
void collections_init(VM *vm);               /* the collections module */
void time_calendar_init(VM *vm, Module *m);  /* time's struct_time, gmtime, strftime... (timecal.c) */
#define VM_VIRTUAL_EPOCH 1700000000.0   /* time.time() at virtual t=0: 2023-11-14T22:13:20Z */

/* modules.c */
Module *module_new(VM *vm, const char *name);
extern const char *const vm_module_names[];

#endif
