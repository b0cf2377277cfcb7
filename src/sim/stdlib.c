/*
 * stdlib.c - the modules of Python's standard library that scenarios
 * import beyond sys, time, gc and collections (src/vm/modules.c), random
 * (random.c), and asyncio, threading, concurrent.futures, contextvars (the
 * simulator's own).
 *
 * Only collections' Python half (collections_prelude.py, which asyncio
 * builds on) runs at start-up. The others (LATE below) load when a program
 * first imports them (vm->import_hook), so a program that does not pays
 * nothing: contextlib, traceback, functools, typing, ... are Python preludes
 * (*_prelude.py; traceback's text is the VM's own uncaught-exception report,
 * vm_format_exception, so that it is CPython's to the byte), random is a
 * prelude on C natives (random.c), math is C (src/vm/mathmod.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sim.h"
#include "internal.h"
#include "stdframes.h"
#include "contextlib_prelude.h"
#include "traceback_prelude.h"
#include "functools_prelude.h"
#include "types_prelude.h"
#include "typing_prelude.h"
#include "itertools_prelude.h"
#include "dataclasses_prelude.h"
#include "enum_prelude.h"
#include "operator_prelude.h"
#include "heapq_prelude.h"
#include "bisect_prelude.h"
#include "string_prelude.h"
#include "logging_prelude.h"
#include "json_prelude.h"
#include "statistics_prelude.h"
#include "collections_abc_prelude.h"
#include "collections_prelude.h"
#include "datetime_prelude.h"
#include "warnings_prelude.h"
#include "inspect_prelude.h"
#include "os_prelude.h"
#include "os_path_prelude.h"
#include "abc_prelude.h"
#include "copy_prelude.h"
#include "io_prelude.h"
#include "textwrap_prelude.h"
#include "queue_prelude.h"
#include "atexit_prelude.h"
#include "pprint_prelude.h"
#include "re_prelude.h"

/* _tb_len(exc): how many frames its traceback has now. */
static Value std_tb_len(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "_tb_len", nargs, kwnames, 1, 1) < 0)
        return VNULL;
    return VINT(IS_EXCEPTION(args[0]) ? (int64_t)AS_EXC(args[0])->ntb : 0);
}

/* _tb_cut(exc, n): forgets the frames it went through since _tb_len said n,
 * as contextlib puts back an exception's __traceback__ after throwing it
 * into a generator. */
static Value std_tb_cut(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "_tb_cut", nargs, kwnames, 2, 2) < 0)
        return VNULL;
    if (IS_EXCEPTION(args[0]) && IS_INT(args[1]) && args[1].as.i >= 0 &&
        (uint64_t)args[1].as.i < AS_EXC(args[0])->ntb)
        AS_EXC(args[0])->ntb = (uint32_t)args[1].as.i;
    return VNONE;
}

/* _format(exc, what, chain, no_tb, limit, tb_from): traceback's list of
 * strings; what is 0 (format_exception), 1 (format_exception_only) or
 * 2 (format_tb from frame tb_from, -1 for all). */
static Value std_format(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "_format", nargs, kwnames, 6, 6) < 0)
        return VNULL;
    if (!IS_EXCEPTION(args[0]))
        return vm_raise(vm, EXC_TypeError, "_format: not an exception");
    VmReportOptions o = {
        .what = IS_INT(args[1]) ? (VmReportWhat)args[1].as.i : VM_REPORT_FULL,
        .chain = vm_truthy(vm, args[2]),
        .no_tb = vm_truthy(vm, args[3]),
        .top = args[0],
        .has_limit = IS_INT(args[4]),
        .limit = IS_INT(args[4]) ? (int)args[4].as.i : 0,
        .tb_from = IS_INT(args[5]) ? (int)args[5].as.i : -1,
    };
    return VOBJ(vm_format_exception(vm, args[0], &o));
}

/* The frames of CPython's library that the marked lines of a module's
 * prelude stand for (vm->lib_frame: contextlib's, random's, ...), kept in
 * the module as _ls_frames so that they live as long as the VM. */
typedef struct LibFrames {
    NativeData hdr;
    SimStdFrames *frames;
    uint8_t source;         /* the prelude's internal source number */
} LibFrames;

static void lib_frames_finalize(VM *vm, Obj *o)
{
    (void)vm;
    sim_stdframes_free(((LibFrames *)o)->frames);
    ((LibFrames *)o)->frames = NULL;
}

static const NativeType lib_frames_type = {
    .name = "_ls_frames", .size = sizeof(LibFrames), .finalize = lib_frames_finalize,
};

/* Which module's prelude the hidden code is from is its source number: the
 * module whose _ls_frames has it answers. Asked only while a traceback is
 * being made. */
static const ExtFrame *lib_frame(VM *vm, const Code *hidden, int line)
{
    Str *key = str_intern(vm, "_ls_frames", 10);
    for (size_t i = 0; i < vm->modules->nentries; i++) {
        Value m = vm->modules->entries[i].value;
        if (IS_NULL(vm->modules->entries[i].key) || !IS_KIND(m, OBJ_MODULE))
            continue;
        Value t = dict_get_str(((Module *)AS_OBJ(m))->dict, key);
        if (!IS_KIND(t, OBJ_NATIVE_DATA) || ((NativeData *)AS_OBJ(t))->type != &lib_frames_type)
            continue;
        LibFrames *lf = (LibFrames *)AS_OBJ(t);
        if (lf->source == hidden->hidden)
            return sim_stdframes_find(lf->frames, hidden->hidden, line);
    }
    return NULL;
}

Module *sim_run_module(VM *vm, const char *name, const SimPrelude *prelude,
                       const char *const *natives, const NativeFn *fns, int nnatives)
{
    Module *m = module_new(vm, name);
    for (int i = 0; i < nnatives; i++)
        dict_set_str(vm, m->dict, natives[i], VOBJ(native_new(vm, natives[i], fns[i], NULL)));
    /* the number vm_run_frozen gives this source: taken now, as running
     * it may load others (a prelude that imports another) */
    uint8_t source = (uint8_t)(vm->internal_sources + 1);
    if (vm_run_frozen(vm, prelude->frozen, prelude->frozen_len, m->dict) < 0) {
        /* a bug in loopscope, not in the scenario */
        vm_print_exception(vm, vm_exc_take(vm));
        abort();
    }
    if (strstr((const char *)prelude->src, "#@ ")) {
        LibFrames *lf = vm_alloc_obj(vm, sizeof(LibFrames), OBJ_NATIVE_DATA, TYPE(vm, object));
        lf->hdr.type = &lib_frames_type;
        lf->source = source;
        lf->frames = sim_stdframes_new((const char *)prelude->src, prelude->len, lf->source);
        dict_set_str(vm, m->dict, "_ls_frames", VOBJ(lf));
        vm->lib_frame = lib_frame;
    }
    return m;
}

/* The importable modules, for the compiler's check of import statements. */
const char *const sim_module_names[] = {
    "sys", "time", "gc", "random", "collections", "asyncio", "threading", "concurrent", "concurrent.futures",
    "contextlib", "traceback", "contextvars", "functools", "types", "typing", "math", "itertools", "dataclasses", "enum", "operator", "heapq", "bisect", "string", "logging", "json", "statistics", "collections.abc",
    "datetime", "warnings", "inspect", "os", "os.path", "abc", "copy", "io",
    "textwrap", "queue", "atexit", "pprint", "re", "errno", NULL
};

/* contextlib and traceback: preludes with natives of their own. */
static Module *contextlib_module_new(VM *vm)
{
    static const char *const names[] = { "_tb_len", "_tb_cut" };
    static const NativeFn fns[] = { std_tb_len, std_tb_cut };
    static const SimPrelude prelude = SIM_PRELUDE_INIT(contextlib_prelude);
    return sim_run_module(vm, "contextlib", &prelude, names, fns, 2);
}

static Module *traceback_module_new(VM *vm)
{
    static const char *const names[] = { "_format" };
    static const NativeFn fns[] = { std_format };
    static const SimPrelude prelude = SIM_PRELUDE_INIT(traceback_prelude);
    return sim_run_module(vm, "traceback", &prelude, names, fns, 1);
}

/* errno: Linux's numbers for the common error names, and errorcode (number
 * -> name; the first name of a number, as CPython's) */
static Module *errno_module_new(VM *vm)
{
    static const struct { const char *name; int code; } codes[] = {
        { "EPERM", 1 }, { "ENOENT", 2 }, { "ESRCH", 3 }, { "EINTR", 4 }, { "EIO", 5 }, { "ENXIO", 6 },
        { "E2BIG", 7 }, { "ENOEXEC", 8 }, { "EBADF", 9 }, { "ECHILD", 10 }, { "EAGAIN", 11 },
        { "EWOULDBLOCK", 11 }, { "ENOMEM", 12 }, { "EACCES", 13 }, { "EFAULT", 14 }, { "EBUSY", 16 },
        { "EEXIST", 17 }, { "EXDEV", 18 }, { "ENODEV", 19 }, { "ENOTDIR", 20 }, { "EISDIR", 21 },
        { "EINVAL", 22 }, { "ENFILE", 23 }, { "EMFILE", 24 }, { "ENOTTY", 25 }, { "EFBIG", 27 },
        { "ENOSPC", 28 }, { "ESPIPE", 29 }, { "EROFS", 30 }, { "EMLINK", 31 }, { "EPIPE", 32 },
        { "EDOM", 33 }, { "ERANGE", 34 }, { "EDEADLK", 35 }, { "ENAMETOOLONG", 36 }, { "ENOSYS", 38 },
        { "ENOTEMPTY", 39 }, { "ELOOP", 40 }, { "EPROTO", 71 }, { "ENOTSOCK", 88 }, { "EMSGSIZE", 90 },
        { "ENOTSUP", 95 }, { "EOPNOTSUPP", 95 }, { "EADDRINUSE", 98 }, { "EADDRNOTAVAIL", 99 },
        { "ENETDOWN", 100 }, { "ENETUNREACH", 101 }, { "ECONNABORTED", 103 }, { "ECONNRESET", 104 },
        { "ENOBUFS", 105 }, { "EISCONN", 106 }, { "ENOTCONN", 107 }, { "ESHUTDOWN", 108 },
        { "ETIMEDOUT", 110 }, { "ECONNREFUSED", 111 }, { "EHOSTDOWN", 112 }, { "EHOSTUNREACH", 113 },
        { "EALREADY", 114 }, { "EINPROGRESS", 115 }, { "ECANCELED", 125 },
    };
    Module *m = module_new(vm, "errno");
    Value mv = VOBJ(m);
    vm_push_root(vm, &mv);
    Dict *names = dict_new(vm);
    dict_set_str(vm, m->dict, "errorcode", VOBJ(names));
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        Value code = VINT(codes[i].code);
        dict_set_str(vm, m->dict, codes[i].name, code);
        if (IS_NULL(dict_get(vm, names, code)))
            dict_set(vm, names, code, vm_str(vm, codes[i].name));
    }
    vm_pop_root(vm);
    return m;
}

/* The modules that load when first imported: a prelude, or a native
 * module's constructor. */
typedef struct LateModule {
    const char *name;
    SimPrelude prelude;
    Module *(*make)(VM *vm);
} LateModule;

#define PRELUDE(name, p) { name, SIM_PRELUDE_INIT(p), NULL }
static const LateModule late[] = {
    { "contextlib", { 0 }, contextlib_module_new },
    { "traceback", { 0 }, traceback_module_new },
    { "random", { 0 }, sim_random_module_new },
    PRELUDE("functools", functools_prelude),
    PRELUDE("types", types_prelude),
    PRELUDE("typing", typing_prelude),
    { "math", { 0 }, math_module_new },
    { "errno", { 0 }, errno_module_new },
    PRELUDE("itertools", itertools_prelude),
    PRELUDE("dataclasses", dataclasses_prelude),
    PRELUDE("enum", enum_prelude),
    PRELUDE("operator", operator_prelude),
    PRELUDE("heapq", heapq_prelude),
    PRELUDE("bisect", bisect_prelude),
    PRELUDE("string", string_prelude),
    PRELUDE("logging", logging_prelude),
    PRELUDE("json", json_prelude),
    PRELUDE("statistics", statistics_prelude),
    PRELUDE("collections.abc", collections_abc_prelude),
    PRELUDE("datetime", datetime_prelude),
    PRELUDE("warnings", warnings_prelude),
    PRELUDE("inspect", inspect_prelude),
    PRELUDE("os", os_prelude),
    PRELUDE("os.path", os_path_prelude),
    PRELUDE("abc", abc_prelude),
    PRELUDE("copy", copy_prelude),
    PRELUDE("io", io_prelude),
    PRELUDE("textwrap", textwrap_prelude),
    PRELUDE("queue", queue_prelude),
    PRELUDE("atexit", atexit_prelude),
    PRELUDE("pprint", pprint_prelude),
    PRELUDE("re", re_prelude),
};
#define NLATE (sizeof late / sizeof late[0])

static Value std_import(VM *vm, Value *args, int nargs, Tuple *kwnames);

/* _metatype(name, methods): a subclass of type holding the given methods,
 * for enum's EnumType and abc's ABCMeta, written before class statements
 * took metaclass=. */
static Value std_metatype(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "_metatype", nargs, kwnames, 2, 2) < 0)
        return VNULL;
    if (!IS_STR(args[0]) || !IS_DICT(args[1]))
        return vm_raise(vm, EXC_TypeError, "_metatype(name, methods)");
    Class *c = vm_alloc_obj(vm, sizeof(Class), OBJ_CLASS, TYPE(vm, type));
    c->name = c->qualname = AS_STR(args[0]);
    c->module = str_intern(vm, "enum", 4);
    class_set_dict(vm, c, dict_new(vm));
    Value cv = VOBJ(c);
    vm_push_root(vm, &cv);
    Dict *d = AS_DICT(args[1]);
    for (size_t i = 0; i < d->nentries; i++)
        if (!IS_NULL(d->entries[i].key))
            dict_set(vm, c->dict, d->entries[i].key, d->entries[i].value);
    Value base = VOBJ(TYPE(vm, type));
    int rc = class_set_bases(vm, c, tuple_from(vm, &base, 1));
    c->inst_kind = OBJ_CLASS;
    vm_pop_root(vm);
    return rc < 0 ? VNULL : cv;
}

/* The program's frame level levels out from the innermost one (1: the
 * innermost), loopscope's own Python skipped, or NULL past the outermost. */
static const Frame *program_frame_at(const VM *vm, Value level_arg)
{
    int64_t level = IS_INT(level_arg) && level_arg.as.i > 0 ? level_arg.as.i : 1;
    for (const Frame *f = vm->frame; f; f = f->parent)
        if (!f->code->hidden && --level == 0)
            return f;
    return NULL;
}

/* _caller(stacklevel): (line, function name) of the program's frame that
 * many levels out from the innermost one (loopscope's own Python skipped),
 * or (0, '<module>') if there is none: logging's findCaller. */
static Value std_caller(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "_caller", nargs, kwnames, 1, 1) < 0)
        return VNULL;
    const Frame *found = program_frame_at(vm, args[0]);
    Value out[2] = { VINT(found ? vm_frame_line(found) : 0),
                     found ? VOBJ(found->code->name) : vm_str(vm, "<module>") };
    return VOBJ(tuple_from(vm, out, 2));
}

/* _where(stacklevel): (file name, line, source line or None) of the
 * program's frame that many levels out (loopscope's own Python skipped,
 * as CPython's C modules have no frames), or None past the outermost:
 * where warnings.warn puts a warning. */
static Value std_where(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "_where", nargs, kwnames, 1, 1) < 0)
        return VNULL;
    const Frame *f = program_frame_at(vm, args[0]);
    if (!f)
        return VNONE;
    int line = vm_frame_line(f);
    const char *src;
    size_t len;
    Value out[3] = { vm_str(vm, vm->cfg.filename), VINT(line), VNONE };
    vm_push_root(vm, &out[0]);
    if (vm_source_line(vm, line, &src, &len))
        out[2] = VOBJ(str_new(vm, src, len));
    vm_push_root(vm, &out[2]);
    Value t = VOBJ(tuple_from(vm, out, 3));
    vm_pop_root(vm);
    vm_pop_root(vm);
    return t;
}

/* _c_type(cls): messages name cls's instances module.name from now on
 * ("'datetime.date' object has no attribute 'hour'"), as CPython's for a
 * class written in C. */
static Value std_c_type(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "_c_type", nargs, kwnames, 1, 1) < 0)
        return VNULL;
    if (!IS_CLASS(args[0]))
        return vm_raise(vm, EXC_TypeError, "_c_type(cls)");
    Class *c = AS_CLASS(args[0]);
    c->tp_name = str_printf(vm, "%s.%s", c->module->data, c->name->data);
    return VNONE;
}

/* _genstate(g): 'CREATED', 'SUSPENDED', 'RUNNING' or 'CLOSED' for a
 * generator, coroutine or async generator, None for anything else:
 * inspect.getgeneratorstate and getcoroutinestate. */
static Value std_genstate(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    static const char *const names[] = { "CREATED", "SUSPENDED", "RUNNING", "CLOSED" };
    if (vm_check_nargs(vm, "_genstate", nargs, kwnames, 1, 1) < 0)
        return VNULL;
    if (!IS_KIND(args[0], OBJ_GEN))
        return VNONE;
    return vm_str(vm, names[AS_GEN(args[0])->state]);
}

/* _set_type(cls, meta): cls's type is now meta (a _metatype). */
static Value std_set_type(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "_set_type", nargs, kwnames, 2, 2) < 0)
        return VNULL;
    if (!IS_CLASS(args[0]) || !IS_CLASS(args[1]) || (AS_CLASS(args[0])->cflags & CLASS_BUILTIN) ||
        !vm_is_subclass(AS_CLASS(args[1]), TYPE(vm, type)))
        return vm_raise(vm, EXC_TypeError, "_set_type(cls, metatype)");
    AS_OBJ(args[0])->cls = AS_CLASS(args[1]);
    return VNONE;
}

/* vm->import_hook: a module of LATE, loaded now. Its prelude may import
 * the others with _import(name) (preludes compile with only the VM's own
 * modules importable). */
static Value import_late(VM *vm, Str *name)
{
    static const char *const imp_names[] = { "_import", "_metatype", "_set_type", "_caller", "_where", "_c_type",
                                             "_genstate" };
    static const NativeFn imp_fns[] = { std_import, std_metatype, std_set_type, std_caller, std_where, std_c_type,
                                        std_genstate };
    /* import os.path loads os first, as CPython's does (and os itself
     * imports os.path) */
    const char *dot = strrchr(name->data, '.');
    if (dot) {
        Str *parent = str_intern(vm, name->data, (size_t)(dot - name->data));
        if (IS_NULL(dict_get_str(vm->modules, parent))) {
            if (IS_NULL(import_late(vm, parent)))
                return VNULL;
        }
        Value done = dict_get_str(vm->modules, name);
        if (!IS_NULL(done))
            return done;
    }
    for (size_t i = 0; i < NLATE; i++) {
        if (strcmp(late[i].name, name->data) != 0)
            continue;
        Module *m = late[i].make ? late[i].make(vm)
                                 : sim_run_module(vm, late[i].name, &late[i].prelude, imp_names, imp_fns, (int)(sizeof imp_fns / sizeof imp_fns[0]));
        /* collections.abc is also the attribute abc of collections */
        if (dot) {
            Value parent = dict_get_str(vm->modules, str_intern(vm, name->data, (size_t)(dot - name->data)));
            if (IS_KIND(parent, OBJ_MODULE))
                dict_set_str(vm, ((Module *)AS_OBJ(parent))->dict, dot + 1, VOBJ(m));
        }
        return VOBJ(m);
    }
    return VNULL;
}

static Value std_import(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "_import", nargs, kwnames, 1, 1) < 0)
        return VNULL;
    if (!IS_STR(args[0]))
        return vm_raise(vm, EXC_TypeError, "_import: not a str");
    Value m = dict_get_str(vm->modules, AS_STR(args[0]));
    if (IS_NULL(m))
        m = import_late(vm, AS_STR(args[0]));
    if (IS_NULL(m) && IS_NULL(vm->exc))
        return vm_raise(vm, EXC_ModuleNotFoundError, "No module named '%s'", AS_STR(args[0])->data);
    return m;
}

void sim_stdlib_at_exit(VM *vm)
{
    Value m = dict_get_str(vm->modules, str_intern(vm, "atexit", 6));
    if (!IS_KIND(m, OBJ_MODULE))
        return;
    Value fn = dict_get_str(((Module *)AS_OBJ(m))->dict, str_intern(vm, "_run_exitfuncs", 14));
    if (!IS_NULL(fn) && IS_NULL(vm_call(vm, fn, NULL, 0, NULL)))
        vm_print_exception(vm, vm_exc_take(vm));
}

void sim_stdlib_init(VM *vm)
{
    /* defaultdict, Counter, ...: into the collections module deque.c made */
    Value coll = dict_get_str(vm->modules, str_intern(vm, "collections", 11));
    if (!IS_KIND(coll, OBJ_MODULE))
        abort();   /* a bug in loopscope, not in the scenario */
    Dict *cd = ((Module *)AS_OBJ(coll))->dict;
    /* namedtuple builds on typing's records and asyncio's PriorityQueue on
     * heapq, both loaded when first needed */
    Value imp = VOBJ(native_new(vm, "_import", std_import, NULL));
    dict_set_str(vm, cd, "_import", imp);
    Value aio = dict_get_str(vm->modules, str_intern(vm, "asyncio", 7));
    if (IS_KIND(aio, OBJ_MODULE))
        dict_set_str(vm, ((Module *)AS_OBJ(aio))->dict, "_import", imp);
    if (vm_run_frozen(vm, collections_prelude_frozen, sizeof collections_prelude_frozen, cd) < 0)
        abort();
    vm->import_hook = import_late;
}
