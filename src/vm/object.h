/*
 * object.h - the heap objects behind V_OBJ values.
 *
 * Every object starts with an Obj header: its Python class (what type(x)
 * returns), its C layout (ObjKind), the mark bit of the tracing collector and
 * the link of the all-objects list. Objects are created only through the
 * obj_new_* functions (they count bytes for the collector and the memory
 * cap); allocation never collects (see gc.c for where collection happens).
 */
#ifndef LOOPSCOPE_OBJECT_H
#define LOOPSCOPE_OBJECT_H

#include <stddef.h>
#include <stdint.h>
#include "value.h"
#include "bigint.h"
#include "proto.h"

typedef struct VM VM;
typedef struct Class Class;
typedef struct Str Str;
typedef struct Tuple Tuple;
typedef struct Dict Dict;
typedef struct Frame Frame;

typedef enum ObjKind {
    OBJ_STR,
    OBJ_BIGINT,
    OBJ_TUPLE,
    OBJ_LIST,
    OBJ_DICT,
    OBJ_SET,          /* set and frozenset (class tells which) */
    OBJ_RANGE,
    OBJ_SLICE,
    OBJ_CODE,
    OBJ_FUNCTION,
    OBJ_NATIVE,       /* a builtin function or method implemented in C */
    OBJ_BOUND_METHOD,
    OBJ_CELL,
    OBJ_CLASS,
    OBJ_INSTANCE,     /* instances of user classes deriving from object */
    OBJ_EXCEPTION,    /* instances of BaseException and its subclasses */
    OBJ_MODULE,
    OBJ_GEN,          /* generator, coroutine, async generator */
    OBJ_ITER,         /* builtin iterators: one layout, a next function */
    OBJ_VIEW,         /* dict keys/values/items views */
    OBJ_WRAPPER,      /* staticmethod, classmethod, property, super */
    OBJ_NATIVE_DATA,  /* a C struct with its own mark/free hooks (asyncio objects) */
    OBJ_DEQUE,        /* collections.deque */
    OBJ__COUNT
} ObjKind;

typedef struct Obj {
    Class *cls;
    uint8_t kind;      /* ObjKind */
    uint8_t marked;
    uint16_t flags;    /* per-kind */
    uint32_t seq;      /* 0, or the deterministic serial behind id() and "at 0x..." */
} Obj;

/* In hdr.flags of the kinds up to OBJ_SET and of OBJ_NATIVE_DATA: an
 * instance of a subclass that has instance attributes (kept by subclass.c) */
#define OBJ_HAS_ATTRS 0x2000u

#define OBJ_KIND(v)    ((ObjKind)AS_OBJ(v)->kind)
static inline bool obj_has_attrs(const Obj *o)
{
    return (o->flags & OBJ_HAS_ATTRS) && (o->kind <= OBJ_SET || o->kind == OBJ_NATIVE_DATA);
}
#define IS_KIND(v, k)  (IS_OBJ(v) && AS_OBJ(v)->kind == (k))

/* ---- str -------------------------------------------------------------- */
struct Str {
    Obj hdr;
    int64_t hash;      /* -1 until computed */
    size_t len;        /* bytes of UTF-8, excluding the terminating NUL */
    size_t ncp;        /* code points */
    uint8_t ascii;     /* len == ncp: indexing is by byte */
    uint8_t interned;
    char data[];       /* NUL-terminated */
};
#define IS_STR(v)      IS_KIND(v, OBJ_STR)
#define AS_STR(v)      ((Str *)AS_OBJ(v))

/* ---- int beyond 64 bits ---------------------------------------------- */
typedef struct ObjBigInt {
    Obj hdr;
    BigInt b;
} ObjBigInt;
#define IS_BIGINT(v)   IS_KIND(v, OBJ_BIGINT)
#define AS_BIGINT(v)   (&((ObjBigInt *)AS_OBJ(v))->b)

/* ---- containers ------------------------------------------------------- */
struct Tuple {
    Obj hdr;
    size_t len;
    Value items[];
};
#define IS_TUPLE(v)    IS_KIND(v, OBJ_TUPLE)
#define AS_TUPLE(v)    ((Tuple *)AS_OBJ(v))

typedef struct List {
    Obj hdr;
    size_t len, cap;
    Value *items;
} List;
#define IS_LIST(v)     IS_KIND(v, OBJ_LIST)
#define AS_LIST(v)     ((List *)AS_OBJ(v))

/* collections.deque: a ring of cap slots (a power of two, or 0), the items
 * from head on, wrapping (deque.c). */
typedef struct Deque {
    Obj hdr;
    Value *items;
    size_t head, len, cap;
    int64_t maxlen;    /* -1: unbounded */
    uint64_t version;  /* bumped by every change of length or order: iterators check it */
} Deque;
#define IS_DEQUE(v)    IS_KIND(v, OBJ_DEQUE)
#define AS_DEQUE(v)    ((Deque *)AS_OBJ(v))

/* Insertion-ordered hash table: entries in order, an index of slots into them. */
typedef struct DictEntry {
    int64_t hash;
    Value key;         /* VNULL: deleted */
    Value value;
} DictEntry;

/* Dict hdr.flags: a class's namespace; any change to it moves the VM's
 * class_epoch on (the attribute-lookup cache's validity) */
#define DICT_CLASS_NS 1

struct Dict {
    Obj hdr;
    size_t used;       /* live entries */
    size_t nentries;   /* entries in use, deleted ones included */
    size_t cap;        /* capacity of entries */
    DictEntry *entries;
    int32_t *index;    /* -1 empty, -2 deleted, else entry number */
    size_t index_size; /* power of two */
    uint64_t version;  /* bumped on insert/delete: iteration detects changes */
};
#define IS_DICT(v)     IS_KIND(v, OBJ_DICT)
#define AS_DICT(v)     ((Dict *)AS_OBJ(v))

/* A set keeps CPython's open-addressing layout (linear probes, then
 * perturbation) so that iteration order, which programs print, matches. */
typedef struct SetEntry {
    int64_t hash;
    Value key;         /* VNULL: empty; SET_DUMMY flag in hash slot: deleted */
} SetEntry;

typedef struct Set {
    Obj hdr;
    size_t used;       /* live keys */
    size_t fill;       /* live + deleted */
    size_t mask;       /* table size - 1 */
    SetEntry *table;
    uint64_t version;
} Set;
#define IS_SET(v)      IS_KIND(v, OBJ_SET)
#define AS_SET(v)      ((Set *)AS_OBJ(v))

typedef struct Range {
    Obj hdr;
    int64_t start, stop, step, len;
} Range;

typedef struct Slice {
    Obj hdr;
    Value start, stop, step;   /* VNONE when omitted */
} Slice;

/* ---- code, functions, methods ---------------------------------------- */
/* An inline cache for one LOAD_GLOBAL: where the name was found, valid while
 * the dicts' layouts (their versions) have not changed. */
typedef struct GlobalCache {
    const Dict *globals;
    uint64_t gversion, bversion;
    int32_t index;        /* entry number, in globals or (in_builtins) builtins */
    uint8_t in_builtins;
} GlobalCache;

/* A C stand-in for a function of loopscope's own Python (asyncio's sleep,
 * its locks' and queues' methods), which the VM tries before calling it
 * where it is cheaper: at a CALL whose coroutine is awaited right away
 * (CALL; GET_AWAITABLE; AWAIT), at any call of a plain function (from C
 * too: vm_call), and at `async with`'s __aenter__. args[0..nargs) are the positional arguments
 * (self first). Returns FAST_DECLINED to have the Python run instead (an
 * unusual argument, a subclass, anything the C does not cover), FAST_VALUE
 * with *out the call's result (for an awaited coroutine, the await's: the
 * coroutine finished without suspending), FAST_AWAIT with *out an awaitable
 * C object to await in the coroutine's place, or -1 with an exception set. */
enum { FAST_DECLINED = 0, FAST_VALUE = 1, FAST_AWAIT = 2 };
typedef int (*FastCallFn)(VM *vm, Value *args, int nargs, Value *out);
/* In an await_state or await_throw hook (NativeType): whether the frame
 * awaiting o awaits what its own fast call returned (FAST_AWAIT), rather
 * than an object it found elsewhere. A future that is also the rest of a
 * fast call (a lock's waiter) behaves as that call only for its caller. */
bool vm_fast_await(VM *vm);

typedef struct Code {
    Obj hdr;
    Proto *proto;      /* owned by the VM's program, not by this object */
    Str *name, *qualname;
    Value *consts;     /* proto->nconsts */
    Str **names;       /* proto->nnames, interned */
    Str **localnames;  /* proto->nlocals, interned */
    Str **cellnames;   /* ncells + nfrees, interned */
    int max_blocks;    /* upper bound on block-stack depth */
    int frame_slots;   /* nlocals + ncells + nfrees + max_stack */
    int nlocals, ncells, nfrees, argcount;
    uint32_t frame_bytes; /* a frame's allocation, rounded to its size class */
    uint8_t hidden;    /* loopscope's own Python (a prelude; which one): not in tracebacks */
    uint8_t simple;    /* positional parameters only, no cells, not a generator:
                          a call with exactly argcount positional args just copies them */
    GlobalCache *gcache;  /* one per instruction, or NULL without LOAD_GLOBAL */
    FastCallFn fast;      /* a C fast path standing in for this hidden function, or NULL */
} Code;

typedef struct Function {
    Obj hdr;
    Code *code;
    Dict *globals;
    Tuple *defaults;       /* or NULL */
    Dict *kwdefaults;      /* or NULL */
    Tuple *closure;        /* cells, or NULL */
    Str *name, *qualname;
    Str *module;           /* __module__ */
    Value doc;
    Dict *dict;            /* function attributes, created on demand */
    Class *owner;          /* class whose body defined it: zero-argument super() */
} Function;
#define IS_FUNCTION(v) IS_KIND(v, OBJ_FUNCTION)
#define AS_FUNCTION(v) ((Function *)AS_OBJ(v))

/* Natives take positional arguments then keyword values in args; nargs counts
 * the positional ones, kwnames (NULL if none) names the rest. For a method,
 * args[0] is self. They return VNULL with an exception set on failure. */
typedef Value (*NativeFn)(VM *vm, Value *args, int nargs, Tuple *kwnames);

typedef struct Native {
    Obj hdr;
    const char *name;      /* "len", "append" */
    Class *owner;          /* for methods: the class they are defined on */
    NativeFn fn;
    Value data;            /* optional bound datum (natives made at run time) */
} Native;
#define IS_NATIVE(v)   IS_KIND(v, OBJ_NATIVE)
#define AS_NATIVE(v)   ((Native *)AS_OBJ(v))
/* In Native's hdr.flags: the first argument must be an instance of owner,
 * checked before the call (for methods that read a C struct from self). */
#define NATIVE_CHECK_SELF 1u

typedef struct BoundMethod {
    Obj hdr;
    Value self;
    Value func;            /* Function or Native */
} BoundMethod;

typedef struct Cell {
    Obj hdr;
    Value v;               /* VNULL: empty */
} Cell;

/* ---- classes and instances ------------------------------------------- */
#define CLASS_BUILTIN      0x1u   /* defined in C */
#define CLASS_FINAL        0x2u   /* cannot be subclassed (bool, ...) */
#define CLASS_EXCEPTION    0x4u   /* derives from BaseException */
#define CLASS_MI           0x8u   /* its MRO is not just the chain of bases */
#define CLASS_SLOTS        0x10u  /* it and every base but object (and list, str...) define __slots__,
                                     none with '__dict__': instances take only those names */
#define CLASS_GENERIC      0x20u  /* a builtin class whose subscription makes a types.GenericAlias
                                     (asyncio.Future[str]), as list's does */

struct Class {
    Obj hdr;
    Str *name, *qualname;
    Str *module;           /* "builtins", "__main__", "asyncio" */
    Class *base;           /* NULL only for object; with several bases, the one
                              whose layout instances use (CPython's __base__) */
    Tuple *bases;          /* __bases__ */
    Tuple *mro;            /* __mro__: this class first */
    Dict *dict;
    ObjKind inst_kind;     /* the C layout of instances */
    uint32_t cflags;       /* CLASS_* */
    uint32_t depth;        /* 0 for object: quick issubclass */
    NativeFn ctor;         /* builtin classes: what calling the class runs
                              (instances of user subclasses are made by the core) */
    Value (*blank)(VM *vm, Class *c);   /* a builtin class whose C layout Python
                              classes may derive from (asyncio's Future, Task): an
                              empty instance of c, which __init__ then fills */
    Str *tp_name;          /* NULL, or what messages call it ("datetime.date"):
                              a class CPython writes in C names itself so */
    uint64_t ga_epoch;     /* the VM's class_epoch when user_getattribute was found */
    bool user_getattribute;   /* a __getattribute__ written in Python along the MRO */
};
#define IS_CLASS(v)    IS_KIND(v, OBJ_CLASS)
#define AS_CLASS(v)    ((Class *)AS_OBJ(v))

typedef struct Instance {
    Obj hdr;
    Dict *dict;
} Instance;

/* One traceback entry: a frame's code and the instruction it was at, or
 * (instr TB_EXT) a frame of CPython's library. 16 bytes: every cancelled
 * task's CancelledError holds a few. */
typedef struct TbEntry {
    union {
        Code *code;
        const struct ExtFrame *ext;
    } at;
    int32_t instr;
} TbEntry;
#define TB_EXT INT32_MIN   /* instr -1 is a code entry: a coroutine that never started */
static inline Code *tb_code(const TbEntry *t) { return t->instr == TB_EXT ? NULL : t->at.code; }
static inline const struct ExtFrame *tb_ext(const TbEntry *t) { return t->instr == TB_EXT ? t->at.ext : NULL; }

typedef struct Exception {
    Obj hdr;
    Dict *dict;            /* user attributes */
    Tuple *args;
    struct Exception *context;   /* __context__, or NULL for None */
    struct Exception *cause;     /* __cause__, or NULL for None */
    List *notes;           /* __notes__, or NULL */
    TbEntry *tb;           /* innermost last; printed outermost first */
    uint32_t ntb, tb_cap;
    uint8_t suppress_context;
} Exception;   /* 80 bytes: pointers, not values, where only objects go */
/* In an Exception's hdr.flags: raised by a call that let go of a coroutine it
 * was given unstarted; CPython frees it (and warns that it was never awaited)
 * when the handler of the exception ends, so a collection runs there. */
#define EXC_DROPPED_CORO 0x1u
#define IS_EXCEPTION(v) IS_KIND(v, OBJ_EXCEPTION)
#define AS_EXC(v)      ((Exception *)AS_OBJ(v))
/* an exception as __context__/__cause__ hold it, and back */
static inline Exception *exc_or_null(Value v) { return IS_EXCEPTION(v) ? AS_EXC(v) : NULL; }
static inline Value exc_or_none(Exception *e) { return e ? VOBJ(e) : VNONE; }

typedef struct Module {
    Obj hdr;
    Str *name;
    Dict *dict;
} Module;

/* ---- generators and coroutines --------------------------------------- */
/* GEN_FIBER: a plain function call run as a resumable chain, for the
 * simulator's worker threads (a blocking call parks it; see vm_fiber_new). */
typedef enum GenKind { GEN_GENERATOR, GEN_COROUTINE, GEN_ASYNC_GENERATOR, GEN_FIBER } GenKind;
typedef enum GenState { GEN_CREATED, GEN_SUSPENDED, GEN_RUNNING, GEN_CLOSED } GenState;

typedef struct Gen {
    Obj hdr;
    Frame *frame;          /* the generator's own frame; NULL once closed */
    Frame *resume;         /* innermost frame of its parked await chain */
    Str *name, *qualname;
    uint8_t gkind, state;
    uint8_t awaited;       /* ever started or awaited: no "never awaited" warning */
    int32_t firstline;     /* where its function is defined (reprs of finished ones) */
} Gen;   /* 56 bytes, for every pending coroutine */

/* An async generator (gkind GEN_ASYNC_GENERATOR) is allocated as this:
 * only it keeps a finalizer. */
typedef struct AsyncGen {
    Gen gen;
    Value finalizer;       /* the asyncgen finalizer hook current at the first
                              step (agen.c), or VNULL */
} AsyncGen;
#define IS_GEN(v)      IS_KIND(v, OBJ_GEN)
#define AS_GEN(v)      ((Gen *)AS_OBJ(v))
#define AS_ASYNC_GEN(g) ((AsyncGen *)(g))

/* ---- builtin iterators ------------------------------------------------ */
/* Returns 1 with *out set, 0 when exhausted, -1 with an exception set. */
typedef struct Iter Iter;
typedef int (*IterNextFn)(VM *vm, Iter *it, Value *out);

struct Iter {
    Obj hdr;
    IterNextFn next;
    Value a, b, c;         /* what it walks (marked by the collector) */
    int64_t i, n, step;
    uint64_t version;      /* container version when created */
};

typedef struct View {      /* dict_keys / dict_values / dict_items */
    Obj hdr;
    Dict *dict;
} View;

/* Wrapper kinds, in hdr.flags. */
#define WRAP_STATICMETHOD 1   /* a = function */
#define WRAP_CLASSMETHOD  2   /* a = function */
#define WRAP_PROPERTY     3   /* a = fget, b = fset, c = fdel, d = doc */
#define WRAP_SUPER        4   /* a = class to start after, b = object */

typedef struct Wrapper {   /* staticmethod, classmethod, property, super */
    Obj hdr;
    Value a, b, c, d;
    Value name;        /* a property's name, once a class body named it; else VNULL */
} Wrapper;

/* ---- C structs with hooks (asyncio's futures, tasks, loop, locks) ---- */
typedef struct NativeType {
    const char *name;
    void (*mark)(VM *vm, Obj *o);
    void (*finalize)(VM *vm, Obj *o);   /* called before freeing; may not allocate */
    size_t size;
    /* For awaitable C objects (asyncio's futures), NULL otherwise. `await o`
     * asks it: 1 = done, *out is the result; -1 = raised (vm->exc); 0 = not
     * yet: the whole awaiting chain parks and the outermost send() returns
     * *out, or the object itself if *out is left VNULL (as Future.__await__
     * yields itself). When the chain is resumed, the await asks again. */
    int (*await_state)(VM *vm, Obj *o, Value *out);
    /* Optional, with await_state: an exception (vm->exc) is being thrown
     * into the await parked on o (a task's cancellation, coro.throw()). It
     * may clean up as a finally clause would, and replace vm->exc. */
    void (*await_throw)(VM *vm, Obj *o);
    /* CPython's tp_finalize, for objects that have something to say when
     * they become garbage (a task destroyed while pending, an exception
     * never retrieved). wants_last_word is asked during a collection about
     * each unreachable object of the type; if it says yes, the object and
     * what it references survive that collection, and last_word runs right
     * after it, where Python code may run. It runs once per object: it must
     * leave the object in a state where wants_last_word says no. */
    bool (*wants_last_word)(VM *vm, Obj *o);
    void (*last_word)(VM *vm, Obj *o);
} NativeType;

typedef struct NativeData {
    Obj hdr;
    const NativeType *type;
} NativeData;

#endif
