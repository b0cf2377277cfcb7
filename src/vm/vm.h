/*
 * vm.h - the runtime's public face: the VM context and the operations that
 * builtins, modules and (later) the event loop use on values.
 *
 * Conventions, everywhere in src/vm:
 *  - The VM is passed first; there is no global state.
 *  - A function returning Value returns VNULL when it raised (the exception
 *    is in vm->exc); one returning int returns -1 when it raised; one
 *    returning a pointer returns NULL when it raised.
 *  - Allocation never runs the collector. Collection happens only at safe
 *    points of the dispatch loop. A native that calls back into Python
 *    (vm_call and friends) must keep the values it still needs reachable:
 *    on the frame stack, in an object that is, or with vm_push_root.
 */
#ifndef LOOPSCOPE_VM_H
#define LOOPSCOPE_VM_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "object.h"

/* The built-in exception classes, in CPython's hierarchy (exc.c). */
#define EXC_KINDS(X) \
    X(BaseException, -1) \
    X(BaseExceptionGroup, BaseException) \
    X(GeneratorExit, BaseException) \
    X(KeyboardInterrupt, BaseException) \
    X(SystemExit, BaseException) \
    X(Exception, BaseException) \
    X(ArithmeticError, Exception) \
    X(FloatingPointError, ArithmeticError) \
    X(OverflowError, ArithmeticError) \
    X(ZeroDivisionError, ArithmeticError) \
    X(AssertionError, Exception) \
    X(AttributeError, Exception) \
    X(BufferError, Exception) \
    X(EOFError, Exception) \
    X(ExceptionGroup, Exception) \
    X(ImportError, Exception) \
    X(ModuleNotFoundError, ImportError) \
    X(LookupError, Exception) \
    X(IndexError, LookupError) \
    X(KeyError, LookupError) \
    X(MemoryError, Exception) \
    X(NameError, Exception) \
    X(UnboundLocalError, NameError) \
    X(OSError, Exception) \
    X(BlockingIOError, OSError) \
    X(ChildProcessError, OSError) \
    X(ConnectionError, OSError) \
    X(BrokenPipeError, ConnectionError) \
    X(ConnectionAbortedError, ConnectionError) \
    X(ConnectionRefusedError, ConnectionError) \
    X(ConnectionResetError, ConnectionError) \
    X(FileExistsError, OSError) \
    X(FileNotFoundError, OSError) \
    X(InterruptedError, OSError) \
    X(IsADirectoryError, OSError) \
    X(NotADirectoryError, OSError) \
    X(PermissionError, OSError) \
    X(ProcessLookupError, OSError) \
    X(TimeoutError, OSError) \
    X(ReferenceError, Exception) \
    X(RuntimeError, Exception) \
    X(NotImplementedError, RuntimeError) \
    X(RecursionError, RuntimeError) \
    X(StopAsyncIteration, Exception) \
    X(StopIteration, Exception) \
    X(SyntaxError, Exception) \
    X(SystemError, Exception) \
    X(TypeError, Exception) \
    X(ValueError, Exception) \
    X(UnicodeError, ValueError) \
    X(UnicodeDecodeError, UnicodeError) \
    X(UnicodeEncodeError, UnicodeError) \
    X(Warning, Exception) \
    X(BytesWarning, Warning) \
    X(DeprecationWarning, Warning) \
    X(EncodingWarning, Warning) \
    X(FutureWarning, Warning) \
    X(ImportWarning, Warning) \
    X(PendingDeprecationWarning, Warning) \
    X(ResourceWarning, Warning) \
    X(RuntimeWarning, Warning) \
    X(SyntaxWarning, Warning) \
    X(UnicodeWarning, Warning) \
    X(UserWarning, Warning)

typedef enum ExcKind {
#define X(name, base) EXC_##name,
    EXC_KINDS(X)
#undef X
    EXC__COUNT
} ExcKind;

/* Builtin classes the C code refers to directly. */
#define TYPE_KINDS(X) \
    X(object) X(type) X(NoneType) X(bool) X(int) X(float) X(str) \
    X(tuple) X(list) X(dict) X(set) X(frozenset) X(range) X(slice) \
    X(function) X(builtin_function_or_method) X(method) X(code) X(cell) \
    X(module) X(generator) X(coroutine) X(async_generator) X(iterator) \
    X(async_generator_asend) X(async_generator_athrow) X(asyncgen_hooks) X(struct_time) X(coroutine_wrapper) \
    X(dict_keys) X(dict_values) X(dict_items) \
    X(staticmethod) X(classmethod) X(property) X(super) \
    X(ellipsis) X(NotImplementedType) X(deque) X(frame) X(bytes)

typedef enum TypeKind {
#define X(name) T_##name,
    TYPE_KINDS(X)
#undef X
    T__COUNT
} TypeKind;

typedef void (*WriteFn)(void *ud, const char *s, size_t n);

/* Objects and frames up to VM_SMALL_MAX bytes come from the VM's slabs, in
 * VM_SMALL_GRAIN steps (object.c); bigger ones from malloc. */
#define VM_SMALL_GRAIN 8
#define VM_SMALL_MAX 504

typedef struct VMConfig {
    const char *filename;      /* as given on the command line: tracebacks print it */
    const char *source;        /* the program text (kept for traceback lines) */
    size_t source_len;
    WriteFn out, err;          /* stdout and stderr of the program */
    void *out_ud, *err_ud;
    uint64_t max_steps;        /* 0: unlimited */
    size_t max_memory;         /* bytes; 0: unlimited */
    int recursion_limit;       /* default 1000, as CPython */
    double cpu_cost;           /* virtual seconds each instruction costs (--cpu-cost) */
} VMConfig;

typedef enum LimitKind { LIMIT_NONE, LIMIT_STEPS, LIMIT_MEMORY } LimitKind;

/* One remembered class lookup (class_lookup_cached): what `name` finds
 * along `type`'s MRO, valid while vm->class_epoch is `epoch`. */
typedef struct AttrCacheEntry {
    const Class *type;
    const Str *name;           /* interned: never freed, so never reused */
    uint64_t epoch;
    Value attr;                /* VNULL: the MRO has no such name */
} AttrCacheEntry;
#define ATTR_CACHE_SIZE 1024   /* a power of two */

/* A print() that has converted some of its arguments but not written them
 * yet: whatever else reaches stdout meanwhile (an argument's __str__ that
 * prints) goes after that text, as in CPython, which writes piece by piece. */
typedef struct PendingOut {
    struct NfBuf *buf;
    struct PendingOut *outer;   /* the print() whose argument this one is in */
} PendingOut;

struct VM {
    VMConfig cfg;

    /* the heap */
    Obj **objects;             /* every collected object, oldest first (gc.c walks it) */
    size_t nobjects, cap_objects;
    size_t bytes_allocated, next_gc;
    bool gc_requested;
    bool gc_disabled;          /* gc.disable(): no automatic collection */
    uint32_t next_seq;         /* id() / address serials */

    PendingOut *pending_out;   /* print()s converting their arguments */

    /* execution */
    Frame *frame;              /* innermost active frame (NULL when idle) */
    Value exc;                 /* the exception being raised, or VNULL */
    int depth;                 /* Python call depth, for RecursionError */
    int c_nesting;             /* nested dispatch loops on the C stack */
    char *stack_base;          /* the C stack where the program started running */
    size_t stack_budget;       /* how much of the C stack it may use */
    int limit_hit;             /* LIMIT_* once a run-away limit stopped the program */
    Native *build_class;       /* __build_class__ */
    uint64_t steps;            /* instructions executed */
    Value **roots;             /* vm_push_root stack (grows) */
    Value inst_attrs;          /* subclass.c: the attributes of builtin subclasses' instances */
    int nroots, cap_roots;

    /* the world */
    Dict *builtins;
    Dict *modules;             /* name -> Module */
    Module *main;
    Dict *interned;            /* str -> str */
    Class *types[T__COUNT];
    Class *exc_types[EXC__COUNT];
    Value none_repr_cache;
    Value ellipsis, not_implemented;
    Str *empty_str;
    Tuple *empty_tuple;
    Str *single_chars[128];
    Str *sn[64];               /* interned special names (internal.h SPECIAL_NAMES) */

    /* class lookups remembered (ops.c): class_epoch moves on with any
     * change to a class's namespace, its MRO, or a class freed */
    uint64_t class_epoch;
    AttrCacheEntry attr_cache[ATTR_CACHE_SIZE];

    void *small_free[VM_SMALL_MAX / VM_SMALL_GRAIN + 1];   /* recycled small objects and
                                                             frames by size class (object.c) */
    uint64_t small_nonempty;   /* bit k: small_free[k] is not empty */
    void *slabs;               /* the blocks small objects are carved from (object.c) */
    char *slab_next;           /* the unused rest of the newest slab */
    size_t slab_left;

    /* every Proto loaded, freed with the VM */
    Proto **protos;
    int nprotos, cap_protos;

    /* the virtual clock: vtime seconds when `steps` was vtime_steps; every
     * instruction since then costs cfg.cpu_cost more (vm_clock) */
    double vtime;
    uint64_t vtime_steps;
    /* time.sleep(secs): the simulator decides what blocks (NULL: the clock
     * just advances). Returns 0, or -1 with an exception set. */
    int (*sleep_hook)(VM *vm, double secs);
    /* threads (the simulator's): a native running in a fiber asks to park
     * it; at instruction count switch_at (0: never) the dispatch loop calls
     * switch_hook, telling it whether the running code is a fiber's own
     * loop (can_park); it returns 1 to park the fiber there, else 0 */
    bool park_request;
    uint64_t switch_at;
    int (*switch_hook)(VM *vm, bool can_park);
    /* CPython's own library in tracebacks: the frames that loopscope's
     * hidden code stands for (see ExtFrame), and the directory CPython's
     * library is installed in, which their paths start with */
    const struct ExtFrame *(*ext_frame)(VM *vm, const struct Code *hidden, int line);
    /* the same for the small modules of the library written in Python
     * (the simulator's stdlib.c: contextlib), asked when ext_frame has none */
    const struct ExtFrame *(*lib_frame)(VM *vm, const struct Code *hidden, int line);
    const char *stdlib_dir;
    /* where a warning is attributed while this is set (the simulator sets
     * it while it collects between two callbacks: CPython's Handle._run is
     * the innermost frame then), instead of the innermost program frame */
    const struct ExtFrame *warn_ext;
    bool made_coroutines;      /* any coroutine yet: returns check for ones dropped unstarted */
    /* an import of a module not (yet) in vm->modules: the simulator loads
     * it (stdlib.c: the modules written in Python load when first
     * imported) and returns it, or VNULL, with no exception set when it
     * knows no such module (NULL: none loads late) */
    Value (*import_hook)(VM *vm, Str *name);
    uint8_t internal_sources;  /* vm_run_frozen calls so far: Code.hidden says which */
    /* when the program has ended (after an uncaught exception's report),
     * before the exit-time warnings: the simulator joins its threads */
    void (*exit_hook)(VM *vm);
    Value agen_firstiter;      /* sys.set_asyncgen_hooks(), VNULL when unset */
    Value agen_finalizer;

    /* extension point: the simulator (sim/) hangs its state here */
    void *sim;
    void (*sim_mark)(VM *vm);
    /* called by the collector after marking, before sweeping: the
     * simulator drops its weak references (all_tasks) to unmarked objects */
    void (*sim_weak)(VM *vm);

    /* objects rescued by a collection for their last word (gc.c) */
    Obj **last_words;
    size_t nlast_words, cap_last_words;
    Obj **gray;                /* gc.c: the collector's mark stack, kept for the next collection */
    size_t ngray, cap_gray;
    bool in_last_words;
    uint64_t gc_collections;
    Dict *warn_registry;       /* warnings already shown (warn.c) */
};

/* A frame of CPython's standard library as a traceback prints it: where
 * loopscope's own (hidden) Python does what that frame does, the report shows
 * it instead. text is the stripped source line; the carets go under
 * text[caret_start, caret_end), or nowhere when caret_start < 0. */
typedef struct ExtFrame {
    const char *file;      /* under vm->stdlib_dir: "asyncio/tasks.py" */
    int line;
    const char *func;
    const char *text;
    int caret_start, caret_end;
} ExtFrame;

/* Adds a frame of CPython's library to exc's traceback, outside those it
 * has (as if that frame had called the ones recorded so far). */
void exc_add_ext_frame(VM *vm, Value exc, const ExtFrame *frame);

/* The virtual clock, in seconds from the start of the run. Instructions are
 * counted in vm->steps, which the dispatch loop settles before any native
 * function runs, so a clock read from Python includes the work done so far. */
static inline double vm_clock(const VM *vm)
{
    return vm->vtime + (double)(vm->steps - vm->vtime_steps) * vm->cfg.cpu_cost;
}

static inline void vm_clock_set(VM *vm, double t)
{
    vm->vtime = t;
    vm->vtime_steps = vm->steps;
}

#define TYPE(vm, t)      ((vm)->types[T_##t])
#define EXC_TYPE(vm, e)  ((vm)->exc_types[EXC_##e])

/* ---- lifetime --------------------------------------------------------- */
VM *vm_new(const VMConfig *cfg);
void vm_free(VM *vm);

/* Runs a compiled module as __main__. Returns the exit status python3 would
 * give: 0, 1 after printing an uncaught exception's traceback to cfg.err, or
 * SystemExit's code. */
int vm_run_main(VM *vm, Proto *module);

/* Runs loopscope's own Python (a prelude), compiled when loopscope was
 * built (src/app/freeze_prelude.c: FILE_frozen[]), with `globals` as its
 * namespace. Its code is hidden from tracebacks and marked as internal
 * source number vm->internal_sources. 0, or -1 with the exception in
 * vm->exc (bytes that do not load are a RuntimeError). */
int vm_run_frozen(VM *vm, const unsigned char *frozen, size_t len, Dict *globals);

/* ---- allocation (object.c) ------------------------------------------- */
void *vm_alloc_obj(VM *vm, size_t size, ObjKind kind, Class *cls);
void *vm_realloc(VM *vm, void *p, size_t old_size, size_t new_size);  /* counted buffers */
void vm_free_mem(VM *vm, void *p, size_t size);
int vm_check_alloc(VM *vm, uint64_t bytes);   /* MemoryError if it cannot fit the cap */
/* Whatever slot holds stays alive (a collection marks it) until the
 * matching vm_pop_root. Inline: native code brackets most allocations. */
void vm_grow_roots(VM *vm);
static inline void vm_push_root(VM *vm, Value *slot)
{
    if (vm->nroots == vm->cap_roots)
        vm_grow_roots(vm);
    vm->roots[vm->nroots++] = slot;
}
static inline void vm_pop_root(VM *vm)
{
    vm->nroots--;
}

Str *str_new(VM *vm, const char *s, size_t len);          /* copies; validates nothing */
Str *str_from_cstr(VM *vm, const char *s);
Str *str_printf(VM *vm, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
Str *str_intern(VM *vm, const char *s, size_t len);
Str *str_concat(VM *vm, Str *a, Str *b);
int64_t str_hash(Str *s);
int64_t hash_bytes(const void *p, size_t n);               /* str's hash of any bytes */
bool str_eq(const Str *a, const Str *b);
Value vm_str(VM *vm, const char *cstr);                    /* VOBJ(str_from_cstr) */

Tuple *tuple_new(VM *vm, size_t len);                      /* items VNONE */
Tuple *tuple_from(VM *vm, const Value *items, size_t len);
List *list_new(VM *vm, size_t cap);
int list_append(VM *vm, List *l, Value v);
Dict *dict_new(VM *vm);
Value dict_get(VM *vm, Dict *d, Value key);                /* VNULL if absent (or raised: check vm->exc) */
int dict_set(VM *vm, Dict *d, Value key, Value value);
int dict_del(VM *vm, Dict *d, Value key);                  /* 1 removed, 0 absent, -1 raised */
Value dict_get_str(Dict *d, Str *key);                     /* str keys only, never raises */
int dict_set_str(VM *vm, Dict *d, const char *key, Value value);
Set *set_new(VM *vm, Class *cls);
int set_add(VM *vm, Set *s, Value key);
int set_contains(VM *vm, Set *s, Value key);               /* 1, 0, -1 */
int set_discard(VM *vm, Set *s, Value key);
int set_update(VM *vm, Set *s, Value iterable);            /* in CPython's order */
Value int_from_bigint(VM *vm, BigInt *b);                  /* takes ownership; demotes to V_INT when it fits */
Native *native_new(VM *vm, const char *name, NativeFn fn, Class *owner);
Class *class_new_builtin(VM *vm, const char *name, Class *base, ObjKind inst_kind);
/* meta(name, bases, dict, **kw) as type.__new__ makes it */
Value class_from_type_call(VM *vm, Class *meta, Value *args, Tuple *kwnames);
void class_add_method(VM *vm, Class *c, const char *name, NativeFn fn);
/* The same, for a method that reads a C struct from self: calling it on
 * anything but an instance of c (Future.done(5)) is a TypeError. */
void class_add_checked_method(VM *vm, Class *c, const char *name, NativeFn fn);
/* fn as a classmethod of c: called with the class (or the instance's) first */
void class_add_classmethod(VM *vm, Class *c, const char *name, NativeFn fn);
void class_add_property(VM *vm, Class *c, const char *name, NativeFn fget);  /* read-only */

/* ---- exceptions (exc.c) ----------------------------------------------- */
/* All return VNULL so natives can `return vm_raise(...)`. */
Value vm_raise(VM *vm, ExcKind kind, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
Value vm_raise_value(VM *vm, Value exc);                   /* an instance or a class */
Value vm_raise_with(VM *vm, ExcKind kind, Value arg);      /* KeyError(key), StopIteration(value) */
bool vm_exc_matches(VM *vm, ExcKind kind);                 /* the pending exception is a kind? */
Value vm_exc_take(VM *vm);                                 /* clears and returns it */
Value exc_new(VM *vm, Class *cls, Tuple *args);
void vm_print_exception(VM *vm, Value exc);                /* CPython's uncaught-exception report */
/* The same report as the traceback module's list of strings (one per
 * header, frame, exception line, note, chain message): the whole of it, the
 * exception alone (format_exception_only), or the frames alone from entry
 * tb_from (-1: all; format_tb). */
typedef enum { VM_REPORT_FULL, VM_REPORT_ONLY, VM_REPORT_TB } VmReportWhat;
typedef struct VmReportOptions {
    VmReportWhat what;
    bool chain;        /* causes and contexts too */
    bool no_tb;        /* top's frames left out (print_exception(t, v, None)) */
    Value top;
    bool has_limit;
    int limit;         /* traceback's limit: the first so many frames, or the last -limit */
    int tb_from;
} VmReportOptions;
List *vm_format_exception(VM *vm, Value exc, const VmReportOptions *opt);
Str *vm_exc_summary(VM *vm, Value exc);                    /* "ValueError: bad", for the trace */

/* ---- operations on values (ops.c) ------------------------------------ */
Class *vm_type_of(VM *vm, Value v);
const char *vm_type_name(VM *vm, Value v);                 /* "int", "C" */
bool vm_is_subclass(const Class *c, const Class *base);
bool vm_isinstance(VM *vm, Value v, Class *c);
int vm_truthy(VM *vm, Value v);                            /* 1, 0, -1 */
Str *vm_repr(VM *vm, Value v);                             /* NULL if raised */
Str *vm_to_str(VM *vm, Value v);                           /* str(v) */
Str *vm_ascii(VM *vm, Value v);                            /* ascii(v) (format.c) */
uint64_t vm_obj_address(VM *vm, Obj *o);                   /* id() and "at 0x..." */
int vm_eq(VM *vm, Value a, Value b);                       /* 1, 0, -1 */
int vm_lt(VM *vm, Value a, Value b);                       /* a < b: 1, 0, -1 */
Value vm_compare(VM *vm, Value a, Value b, CmpKind op);
Value vm_binary(VM *vm, Value a, Value b, BinOpKind op, bool inplace);
Value vm_unary_neg(VM *vm, Value a);
int vm_hash(VM *vm, Value v, int64_t *out);                /* 0 or -1 (unhashable) */
int vm_contains(VM *vm, Value container, Value item);     /* 1, 0, -1 */
Value vm_getattr(VM *vm, Value obj, Str *name);
Value vm_getattr_cstr(VM *vm, Value obj, const char *name);
Value vm_getattr_opt(VM *vm, Value obj, Str *name);        /* VNULL without raising when missing */
int vm_setattr(VM *vm, Value obj, Str *name, Value v);
int vm_generic_setattr(VM *vm, Value obj, Str *name, Value v);   /* object.__setattr__'s part */
int vm_generic_delattr(VM *vm, Value obj, Str *name);            /* object.__delattr__'s part */
int vm_delattr(VM *vm, Value obj, Str *name);
Value vm_getitem(VM *vm, Value obj, Value key);
int vm_setitem(VM *vm, Value obj, Value key, Value v);
int vm_delitem(VM *vm, Value obj, Value key);
Value vm_lookup_special(VM *vm, Value obj, Str *name);     /* on the type only; VNULL if none */
/* A special method that v's class (deriving from a builtin: subclass.c)
 * defines in Python before the builtin along its MRO; VNULL: v behaves as
 * its builtin does (always for the builtins' own instances). */
Value vm_override(VM *vm, Value v, Str *name);
/* bytes (bytes.c) */
Value bytes_new(VM *vm, const void *data, size_t len);    /* data NULL: zeroed */
bool vm_is_bytes(Value v);
Value bytes_decode(VM *vm, Value self, Value encoding, Value errors);   /* VNULL: not given */
void bytes_init(VM *vm);

/* An int that fits 64 bits (an int subclass's instance is a big-int object
 * whatever its value): *out set. */
static inline bool vm_small_int(Value v, int64_t *out)
{
    if (v.tag == V_INT || v.tag == V_BOOL) {
        *out = v.as.i;
        return true;
    }
    return v.tag == V_OBJ && v.as.o->kind == OBJ_BIGINT &&
           bi_to_i64(&((ObjBigInt *)v.as.o)->b, out) == BI_OK;
}
/* v as its builtin base: v itself, or a plain copy of a subclass's instance */
Value subclass_plain(VM *vm, Value v);
Value vm_len(VM *vm, Value v);
/* A frame object (introspect.c): gen's frame (its line read live) or, with
 * gen VNULL, a fixed place of code */
Value vm_frame_object(VM *vm, Value gen, struct Code *code, int line);
bool vm_is_callable(VM *vm, Value v);                      /* callable(v) (builtins.c) */
int vm_index(VM *vm, Value v, int64_t *out);               /* __index__ of ints (OverflowError if big) */

/* Identity, as CPython's `is` shortcut before ==: inline floats count as
 * identical when their bits are. */
static inline bool vm_same_value(Value a, Value b)
{
    if (a.tag != b.tag)
        return false;
    switch (a.tag) {
    case V_OBJ: return a.as.o == b.as.o;
    case V_FLOAT: return __builtin_memcmp(&a.as.f, &b.as.f, sizeof(double)) == 0;
    case V_NONE: case V_NULL: return true;
    default: return a.as.i == b.as.i;
    }
}

/* a == b as containers compare items: identity first, fast paths for ints
 * and strs, then vm_eq. 1, 0, -1. */
static inline int vm_items_eq(VM *vm, Value a, Value b)
{
    if (vm_same_value(a, b))
        return 1;
    if ((a.tag == V_INT || a.tag == V_BOOL) && (b.tag == V_INT || b.tag == V_BOOL))
        return a.as.i == b.as.i;
    if (IS_STR(a) && IS_STR(b))
        return str_eq(AS_STR(a), AS_STR(b));
    return vm_eq(vm, a, b);
}

/* ---- calling and iterating (exec.c) ---------------------------------- */
Value vm_call(VM *vm, Value callable, Value *args, int nargs, Tuple *kwnames);
Value vm_call0(VM *vm, Value callable);
Value vm_call1(VM *vm, Value callable, Value a);
Value vm_call2(VM *vm, Value callable, Value a, Value b);
Value vm_call_method(VM *vm, Value obj, Str *name, Value *args, int nargs);
Value vm_iter(VM *vm, Value iterable);
int vm_next(VM *vm, Value iter, Value *out);                /* 1 item, 0 exhausted, -1 raised */
Iter *iter_new(VM *vm, IterNextFn next, Value a);

/* Binds a native's arguments by name, with CPython's TypeError messages.
 * `params` is NULL-terminated, e.g. {"iterable", "key", "reverse", NULL};
 * the first `npos_max` may be given positionally, the first `nrequired` must
 * be given. out[i] is VNULL for a parameter not given. Returns 0 or -1. */
int vm_bind_args(VM *vm, const char *fname, Value *args, int nargs, Tuple *kwnames,
                 const char *const *params, int nrequired, int npos_max, Value *out);
/* The same for a native that stands for a Python function or method
 * (qualname "BaseEventLoop.call_later"), with the messages CPython gives
 * for those: nself leading arguments (self) that args does not hold are
 * counted in "takes 2 positional arguments but 3 were given". */
int vm_bind_args_py(VM *vm, const char *qualname, int nself, Value *args, int nargs, Tuple *kwnames,
                    const char *const *params, int nrequired, int npos_max, Value *out);
/* Shorthands for the common case of positional-only natives. */
int vm_check_nargs(VM *vm, const char *fname, int nargs, Tuple *kwnames, int min, int max);

/* ---- output ----------------------------------------------------------- */
void vm_write_out(VM *vm, const char *s, size_t n);
Value vm_stdout_replacement(VM *vm);    /* sys.stdout when the program replaced it, else VNULL */
void vm_write_err(VM *vm, const char *s, size_t n);

/* ---- module initialisers: each registers its natives on vm's types ------ */
void builtins_init(VM *vm);        /* builtins.c: print, len, sorted, ... */
void str_methods_init(VM *vm);     /* strmethods.c */
void format_init(VM *vm);          /* format.c: format(), str.format, % */
void container_methods_init(VM *vm); /* list/tuple/dict/set/range methods */
void modules_init(VM *vm);         /* time, sys, gc, collections */
Module *math_module_new(VM *vm);  /* mathmod.c: the math module, made when first imported */

/* format.c: the engines behind f-strings, format(), str.format and %. */
Str *vm_format(VM *vm, Value v, Str *spec);               /* format(v, spec) */
Str *vm_percent_format(VM *vm, Str *fmt, Value args);     /* fmt % args */

/* ---- per-type behaviour the generic operations in ops.c dispatch to ------
 * Each returns VNULL/NULL/-1 with an exception set on error. A `binary`
 * function returns vm->not_implemented (without raising) for operand types
 * it does not handle, so ops.c can try the reflected operation and raise
 * CPython's "unsupported operand type(s)" message. */

/* strmethods.c */
Str *str_repr(VM *vm, Str *s);                            /* 'abc' with CPython's quoting/escapes */
Value str_getitem(VM *vm, Str *s, Value key);             /* index or slice */
Value str_binary(VM *vm, Value a, Value b, BinOpKind op);  /* + * % */
Value str_compare(VM *vm, Str *a, Str *b, CmpKind op);
int str_contains(VM *vm, Str *s, Value item);
Value str_iter(VM *vm, Str *s);
Str *str_slice_cp(VM *vm, Str *s, size_t start_cp, size_t end_cp);  /* by code points */

/* containers.c, set.c: list, tuple, dict, set, frozenset, range, views */
Value container_iter(VM *vm, Value v);                    /* iterator, or VNULL (not raising) if v is not one of these */
Str *container_repr(VM *vm, Value v);                     /* with CPython's "[...]" for recursion */
Value container_getitem(VM *vm, Value obj, Value key);
int container_setitem(VM *vm, Value obj, Value key, Value v);
int container_delitem(VM *vm, Value obj, Value key);
Value container_binary(VM *vm, Value a, Value b, BinOpKind op, bool inplace);
Value container_compare(VM *vm, Value a, Value b, CmpKind op);  /* ==, !=, <, ... */
int container_contains(VM *vm, Value obj, Value item);     /* 1, 0, -1 */
int container_hash(VM *vm, Value v, int64_t *out);        /* tuple, frozenset; -1 TypeError for the rest */
int list_sort(VM *vm, List *l, Value key, bool reverse);   /* stable; key may be VNULL */
Value list_from_iterable(VM *vm, Value iterable);         /* a new list */
int64_t container_len(VM *vm, Value v);                   /* -1 if not a container (no exception) */
/* Resolves a slice against a length, as slice.indices(): 0 or -1. */
int slice_indices(VM *vm, Slice *s, int64_t len, int64_t *start, int64_t *stop, int64_t *step, int64_t *slicelen);

/* ---- the collector (gc.c) --------------------------------------------- */
void vm_collect(VM *vm);
void vm_mark_value(VM *vm, Value v);
void vm_mark_obj(VM *vm, Obj *o);

#endif
