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
 * they are. Locals, cells and the value stack share one allocation. */
struct Frame {
    Frame *parent;      /* the frame that called or awaits this one */
    Function *fn;
    Code *code;
    const uint32_t *ip; /* next instruction */
    Value *sp;          /* next free stack slot */
    Value *stack;       /* bottom of the value stack */
    Value *locals;      /* nlocals slots, then the cells (as VOBJ(Cell)) */
    Value *cells;
    Dict *globals;
    Dict *ns;           /* namespace of module and class bodies (*_NAME ops) */
    Value handled;      /* the exception being handled here, or VNULL */
    Gen *gen;           /* the generator that owns this frame, or NULL */
    Block *blocks;
    int nblocks;
    uint8_t resuming;   /* parked inside YIELD_FROM/AWAIT: re-run it on resume */
    Value sent;         /* for a parked delegation: the value to pass on */
    Value thrown;       /* ... or the exception to throw into the delegate */
    Value pending_throw;/* raise this at the resume point (gen.throw) */
    size_t alloc_size;
    Value slots[];
};

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
    X(file, "__file__") X(args, "args")

enum {
#define X(id, text) SN_##id,
    SPECIAL_NAMES(X)
#undef X
    SN__COUNT
};

/* exec.c */
Frame *frame_new(VM *vm, Function *fn, Dict *ns);
void frame_free(VM *vm, Frame *f);
void frame_cache_free(VM *vm);
ExecStatus vm_execute(VM *vm, Frame *entry, Value *result);
/* Runs from `start` (the innermost frame of a parked chain) until `entry`
 * returns, or something yields, suspends or escapes. */
ExecStatus vm_execute_from(VM *vm, Frame *entry, Frame *start, Value *result);
Code *code_load(VM *vm, Proto *p);
int vm_bind_call(VM *vm, Function *fn, Frame *f, Value *args, int nargs, Tuple *kwnames);
Value gen_send(VM *vm, Gen *g, Value v, bool *returned);   /* VNULL on error */
Value gen_throw(VM *vm, Gen *g, Value exc, bool *returned);
int vm_frame_line(const Frame *f);
int code_line_at(const Code *c, int instr);

void gen_methods_init(VM *vm);
void introspect_init(VM *vm);                /* globals(), locals(), dir() */               /* send, throw, close, __next__ ... */

/* class.c */
void types_init(VM *vm);                     /* creates every builtin class */
void class_methods_init(VM *vm);             /* object/type/wrapper natives */
Value class_call(VM *vm, Class *c, Value *args, int nargs, Tuple *kwnames);
Value class_lookup(Class *c, Str *name);     /* along the MRO; VNULL if none */
Tuple *class_mro(VM *vm, Class *c);          /* __mro__ (made on demand for builtins) */
Tuple *class_bases(VM *vm, Class *c);        /* __bases__ */
int class_set_bases(VM *vm, Class *c, Tuple *bases);  /* C3 MRO; -1 after raising */
Value build_class(VM *vm, Value *args, int nargs, Tuple *kwnames);
Value bind_descriptor(VM *vm, Value attr, Value obj, Class *type);

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
void vm_small_free_all(VM *vm);

/* gc.c */
void vm_free_object(VM *vm, Obj *o);
void gc_maybe_collect(VM *vm);

/* modules.c */
Module *module_new(VM *vm, const char *name);
extern const char *const vm_module_names[];

#endif
