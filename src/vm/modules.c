/*
 * modules.c - the modules a scenario may import: sys, time, gc, random
 * (collections, with deque, is in deque.c).
 * (asyncio and concurrent.futures come with the simulator.)
 *
 * Nothing here touches the real world: time is the VM's virtual clock,
 * random is a seeded generator of our own, sys.stdout/stderr write to the
 * program's streams.
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

/* ---- random: a seeded xoshiro256** generator ---------------------------------- */

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static uint64_t rng_next(VM *vm)
{
    uint64_t *s = vm->rng;
    uint64_t result = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

static void rng_seed(VM *vm, uint64_t seed)
{
    for (int i = 0; i < 4; i++) {
        seed += 0x9e3779b97f4a7c15ull;
        uint64_t z = seed;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        vm->rng[i] = z ^ (z >> 31);
    }
}

static double rng_double(VM *vm)
{
    return (double)(rng_next(vm) >> 11) * (1.0 / 9007199254740992.0);
}

static Value random_seed(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "seed", nargs, kwnames, 0, 1) < 0)
        return VNULL;
    int64_t h = 0;
    if (nargs == 1 && vm_hash(vm, args[0], &h) < 0)
        return VNULL;
    rng_seed(vm, (uint64_t)h);
    return VNONE;
}

static Value random_random(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (vm_check_nargs(vm, "random", nargs, kwnames, 0, 0) < 0)
        return VNULL;
    return VFLOAT(rng_double(vm));
}

static int64_t rng_below(VM *vm, int64_t n)
{
    return (int64_t)(rng_next(vm) % (uint64_t)n);
}

static Value random_randint(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "randint", nargs, kwnames, 2, 2) < 0)
        return VNULL;
    if (!IS_INT(args[0]) || !IS_INT(args[1]))
        return vm_raise(vm, EXC_TypeError, "randint() arguments must be integers");
    int64_t a = args[0].as.i, b = args[1].as.i;
    if (b < a)
        return vm_raise(vm, EXC_ValueError, "empty range in randrange(%lld, %lld)", (long long)a, (long long)b + 1);
    return VINT(a + rng_below(vm, b - a + 1));
}

static Value random_uniform(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "uniform", nargs, kwnames, 2, 2) < 0)
        return VNULL;
    double a, b;
    if (vm_to_double(vm, args[0], &a) < 0 || vm_to_double(vm, args[1], &b) < 0)
        return VNULL;
    return VFLOAT(a + (b - a) * rng_double(vm));
}

static Value random_choice(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "choice", nargs, kwnames, 1, 1) < 0)
        return VNULL;
    Value n = vm_len(vm, args[0]);
    if (IS_NULL(n))
        return VNULL;
    if (n.as.i == 0)
        return vm_raise(vm, EXC_IndexError, "Cannot choose from an empty sequence");
    return vm_getitem(vm, args[0], VINT(rng_below(vm, n.as.i)));
}

static Value random_shuffle(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "shuffle", nargs, kwnames, 1, 1) < 0)
        return VNULL;
    if (!IS_LIST(args[0]))
        return vm_raise(vm, EXC_TypeError, "shuffle() needs a list");
    List *l = AS_LIST(args[0]);
    for (size_t i = l->len; i > 1; i--) {
        size_t j = (size_t)rng_below(vm, (int64_t)i);
        Value t = l->items[i - 1];
        l->items[i - 1] = l->items[j];
        l->items[j] = t;
    }
    return VNONE;
}

static void random_init(VM *vm)
{
    Module *m = module_new(vm, "random");
    rng_seed(vm, 0x10095c09e);
    add_fn(vm, m, "seed", random_seed);
    add_fn(vm, m, "random", random_random);
    add_fn(vm, m, "randint", random_randint);
    add_fn(vm, m, "uniform", random_uniform);
    add_fn(vm, m, "choice", random_choice);
    add_fn(vm, m, "shuffle", random_shuffle);
}

void modules_init(VM *vm)
{
    sys_init(vm);
    time_init(vm);
    gc_init(vm);
    random_init(vm);
    collections_init(vm);
}
