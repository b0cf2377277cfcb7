/*
 * modules.c - the modules a scenario may import: sys, time, gc
 * (collections, with deque, is in deque.c).
 * (asyncio, random and the rest come with the simulator: src/sim.)
 *
 * Nothing here touches the real world: time is the VM's virtual clock,
 * sys.stdout/stderr write to the program's streams.
 */
#include <math.h>
#include <string.h>
#include "vm.h"
#include "internal.h"
#include "numops.h"

const char *const vm_module_names[] = {
    "sys", "time", "gc", "random", "collections", NULL
};

Module *module_new(VM *vm, const char *name)
{
    Module *m = vm_alloc_obj(vm, sizeof(Module), OBJ_MODULE, TYPE(vm, module));
    m->name = str_intern(vm, name, strlen(name));
    m->dict = dict_new(vm);
    dict_set_str(vm, m->dict, "__name__", VOBJ(m->name));
    dict_set(vm, vm->modules, VOBJ(m->name), VOBJ(m));
    return m;
}

static void add_fn(VM *vm, Module *m, const char *name, NativeFn fn)
{
    dict_set_str(vm, m->dict, name, VOBJ(native_new(vm, name, fn, NULL)));
}

/* ---- sys ------------------------------------------------------------------ */

typedef struct Stream {
    NativeData hdr;
    int which;   /* 1 stdout, 2 stderr */
} Stream;

static const NativeType stream_type = { .name = "TextIOWrapper", .size = sizeof(Stream) };

static Value stream_write(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "write", nargs - 1, kwnames, 1, 1) < 0)
        return VNULL;
    if (!IS_STR(args[1]))
        return vm_raise(vm, EXC_TypeError, "write() argument must be str, not %s", vm_type_name(vm, args[1]));
    Stream *s = (Stream *)AS_OBJ(args[0]);
    Str *text = AS_STR(args[1]);
    if (s->which == 2)
        vm_write_err(vm, text->data, text->len);
    else
        vm_write_out(vm, text->data, text->len);
    return VINT((int64_t)text->ncp);
}

/* What print() without file= writes to: VNULL for the program's standard
 * output, else what the program put in sys.stdout instead (a StringIO,
 * sys.stderr, None). */
Value vm_stdout_replacement(VM *vm)
{
    Value sys = dict_get_str(vm->modules, vm->sn[SN_sys]);
    if (!IS_KIND(sys, OBJ_MODULE))
        return VNULL;
    Value out = dict_get_str(((Module *)AS_OBJ(sys))->dict, vm->sn[SN_stdout]);
    if (IS_KIND(out, OBJ_NATIVE_DATA) && ((NativeData *)AS_OBJ(out))->type == &stream_type &&
        ((Stream *)AS_OBJ(out))->which == 1)
        return VNULL;
    return out;
}

static Value stream_flush(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)vm; (void)args; (void)nargs; (void)kwnames;
    return VNONE;
}

static Value sys_exit(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "exit", nargs, kwnames, 0, 1) < 0)
        return VNULL;
    /* sys.exit(None) is SystemExit() with no arguments, as in CPython */
    size_t n = nargs == 1 && IS_NONE(args[0]) ? 0 : (size_t)nargs;
    Value exc = exc_new(vm, EXC_TYPE(vm, SystemExit), tuple_from(vm, args, n));
    return vm_raise_value(vm, exc);
}

static Value sys_getrecursionlimit(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (vm_check_nargs(vm, "getrecursionlimit", nargs, kwnames, 0, 0) < 0)
        return VNULL;
    return VINT(vm->cfg.recursion_limit);
}

static Value sys_setrecursionlimit(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "setrecursionlimit", nargs, kwnames, 1, 1) < 0)
        return VNULL;
    if (!IS_INT(args[0]))
        return vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", vm_type_name(vm, args[0]));
    if (args[0].as.i < 1)
        return vm_raise(vm, EXC_ValueError, "recursion limit must be greater or equal than 1");
    /* the C stack bounds how deep loopscope can really go */
    vm->cfg.recursion_limit = args[0].as.i > 100000 ? 100000 : (int)args[0].as.i;
    return VNONE;
}

static Value vi_field(VM *vm, Value *args, int nargs, int i)
{
    (void)vm; (void)nargs;
    return AS_TUPLE(args[0])->items[i];
}
static Value vi_field0(VM *vm, Value *a, int n, Tuple *k) { (void)k; return vi_field(vm, a, n, 0); }
static Value vi_field1(VM *vm, Value *a, int n, Tuple *k) { (void)k; return vi_field(vm, a, n, 1); }
static Value vi_field2(VM *vm, Value *a, int n, Tuple *k) { (void)k; return vi_field(vm, a, n, 2); }
static Value vi_field3(VM *vm, Value *a, int n, Tuple *k) { (void)k; return vi_field(vm, a, n, 3); }
static Value vi_field4(VM *vm, Value *a, int n, Tuple *k) { (void)k; return vi_field(vm, a, n, 4); }

static Value sys_exc_info(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (vm_check_nargs(vm, "exc_info", nargs, kwnames, 0, 0) < 0)
        return VNULL;
    Value e = vm_current_handled(vm);
    Value t[3] = { VNONE, VNONE, VNONE };
    if (IS_EXCEPTION(e)) {
        t[0] = VOBJ(vm_type_of(vm, e));
        t[1] = e;
        t[2] = exc_traceback_object(vm, AS_EXC(e));
    }
    return VOBJ(tuple_from(vm, t, 3));
}

static Value sys_exception(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (vm_check_nargs(vm, "exception", nargs, kwnames, 0, 0) < 0)
        return VNULL;
    return vm_current_handled(vm);
}

static void sys_init(VM *vm)
{
    Module *m = module_new(vm, "sys");
    Class *tio = class_new_builtin(vm, "TextIOWrapper", TYPE(vm, object), OBJ_NATIVE_DATA);
    tio->module = str_intern(vm, "_io", 3);
    class_add_method(vm, tio, "write", stream_write);
    class_add_method(vm, tio, "flush", stream_flush);
    for (int which = 1; which <= 2; which++) {
        Stream *s = vm_alloc_obj(vm, sizeof(Stream), OBJ_NATIVE_DATA, tio);
        s->hdr.type = &stream_type;
        s->which = which;
        dict_set_str(vm, m->dict, which == 1 ? "stdout" : "stderr", VOBJ(s));
        dict_set_str(vm, m->dict, which == 1 ? "__stdout__" : "__stderr__", VOBJ(s));
    }
    add_fn(vm, m, "exit", sys_exit);
    add_fn(vm, m, "exc_info", sys_exc_info);
    add_fn(vm, m, "exception", sys_exception);
    add_fn(vm, m, "getrecursionlimit", sys_getrecursionlimit);
    add_fn(vm, m, "setrecursionlimit", sys_setrecursionlimit);
    dict_set_str(vm, m->dict, "maxsize", VINT(INT64_MAX));
    dict_set_str(vm, m->dict, "platform", vm_str(vm, "linux"));
    dict_set_str(vm, m->dict, "argv", VOBJ(list_new(vm, 0)));
    list_append(vm, AS_LIST(dict_get_str(m->dict, str_intern(vm, "argv", 4))), vm_str(vm, vm->cfg.filename));
    /* sys.version_info: a tuple with named fields */
    Class *vic = class_new_builtin(vm, "version_info", TYPE(vm, tuple), OBJ_TUPLE);
    vic->module = m->name;
    vic->qualname = str_intern(vm, "version_info", 12);
    static const char *const fields[] = { "major", "minor", "micro", "releaselevel", "serial" };
    static const NativeFn getters[] = { vi_field0, vi_field1, vi_field2, vi_field3, vi_field4 };
    for (int i = 0; i < 5; i++) {
        Value getter = VOBJ(native_new(vm, fields[i], getters[i], vic));
        Value prop = vm_call1(vm, VOBJ(TYPE(vm, property)), getter);
        dict_set_str(vm, vic->dict, fields[i], prop);
    }
    Value vi[5] = { VINT(3), VINT(12), VINT(1), vm_str(vm, "final"), VINT(0) };
    Tuple *vt = tuple_from(vm, vi, 5);
    vt->hdr.cls = vic;
    dict_set_str(vm, m->dict, "version_info", VOBJ(vt));
    dict_set_str(vm, m->dict, "version", vm_str(vm, "3.12.1 (loopscope)"));
    dict_set_str(vm, m->dict, "modules", VOBJ(vm->modules));
    agen_sys_init(vm, m);
}

/* ---- time: the virtual clock ------------------------------------------------ */

static Value time_now(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (vm_check_nargs(vm, "perf_counter", nargs, kwnames, 0, 0) < 0)
        return VNULL;
    return VFLOAT(vm_clock(vm));
}


static Value time_time(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (vm_check_nargs(vm, "time", nargs, kwnames, 0, 0) < 0)
        return VNULL;
    return VFLOAT(VM_VIRTUAL_EPOCH + vm_clock(vm));
}

static Value time_sleep(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "sleep", nargs, kwnames, 1, 1) < 0)
        return VNULL;
    double secs;
    if (!num_is_number(args[0]))
        return vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", vm_type_name(vm, args[0]));
    if (vm_to_double(vm, args[0], &secs) < 0)
        return VNULL;
    if (secs < 0)
        return vm_raise(vm, EXC_ValueError, "sleep length must be non-negative");
    if (vm->sleep_hook)
        return vm->sleep_hook(vm, secs) < 0 ? VNULL : VNONE;
    vm_clock_set(vm, vm_clock(vm) + secs);
    return VNONE;
}

static Value time_now_ns(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (vm_check_nargs(vm, "perf_counter_ns", nargs, kwnames, 0, 0) < 0)
        return VNULL;
    return VINT((int64_t)(vm_clock(vm) * 1e9 + 0.5));
}

static Value time_time_ns(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (vm_check_nargs(vm, "time_ns", nargs, kwnames, 0, 0) < 0)
        return VNULL;
    return VINT((int64_t)(VM_VIRTUAL_EPOCH * 1e9) + (int64_t)(vm_clock(vm) * 1e9 + 0.5));
}

static void time_init(VM *vm)
{
    Module *m = module_new(vm, "time");
    add_fn(vm, m, "perf_counter", time_now);
    add_fn(vm, m, "monotonic", time_now);
    add_fn(vm, m, "time", time_time);
    add_fn(vm, m, "sleep", time_sleep);
    add_fn(vm, m, "perf_counter_ns", time_now_ns);
    add_fn(vm, m, "monotonic_ns", time_now_ns);
    add_fn(vm, m, "time_ns", time_time_ns);
    time_calendar_init(vm, m);
}

/* ---- gc ------------------------------------------------------------------ */

static Value gc_collect(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (vm_check_nargs(vm, "collect", nargs, kwnames, 0, 1) < 0)
        return VNULL;
    vm->gc_requested = true;   /* runs at the next safe point, right after this call */
    return VINT(0);
}

static Value gc_enable(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (vm_check_nargs(vm, "enable", nargs, kwnames, 0, 0) < 0)
        return VNULL;
    vm->gc_disabled = false;
    return VNONE;
}

static Value gc_disable(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (vm_check_nargs(vm, "disable", nargs, kwnames, 0, 0) < 0)
        return VNULL;
    vm->gc_disabled = true;
    return VNONE;
}

static Value gc_isenabled(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (vm_check_nargs(vm, "isenabled", nargs, kwnames, 0, 0) < 0)
        return VNULL;
    return VBOOL(!vm->gc_disabled);
}

static void gc_init(VM *vm)
{
    Module *m = module_new(vm, "gc");
    add_fn(vm, m, "collect", gc_collect);
    add_fn(vm, m, "enable", gc_enable);
    add_fn(vm, m, "disable", gc_disable);
    add_fn(vm, m, "isenabled", gc_isenabled);
}

void modules_init(VM *vm)
{
    sys_init(vm);
    time_init(vm);
    gc_init(vm);
    collections_init(vm);
}
