/*
 * vm.c - the VM's lifetime and running a program as __main__.
 */
#include <stdio.h>
#include <sys/resource.h>
#include <stdlib.h>
#include <string.h>
#include "vm.h"
#include "internal.h"
#include "frozen.h"
#include "lang.h"

/* Builtin constructors are registered by builtins_init as functions named
 * after their class (int, str, list, ...); they become the classes' ctors
 * here, and the builtins name the classes themselves. */
static Value ctor_trampoline(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    Class *c = AS_CLASS(args[0]);
    while (c && !(c->cflags & CLASS_BUILTIN))
        c = c->base;
    Value n = dict_get_str(c->dict, str_intern(vm, "__ls_ctor__", 11));
    if (!IS_NATIVE(n))
        return vm_raise(vm, EXC_TypeError, "cannot create '%s' instances", c->name->data);
    return AS_NATIVE(n)->fn(vm, args + 1, nargs - 1, kwnames);
}

static void adopt_constructors(VM *vm)
{
    for (int t = 0; t < T__COUNT; t++) {
        Class *c = vm->types[t];
        Value v = dict_get_str(vm->builtins, c->name);
        if (IS_NATIVE(v)) {
            dict_set_str(vm, c->dict, "__ls_ctor__", v);
            c->ctor = ctor_trampoline;
            dict_set(vm, vm->builtins, VOBJ(c->name), VOBJ(c));
        }
    }
}

VM *vm_new(const VMConfig *cfg)
{
    VM *vm = calloc(1, sizeof(VM));
    if (!vm)
        abort();
    vm->cfg = *cfg;
    if (vm->cfg.recursion_limit <= 0)
        vm->cfg.recursion_limit = 1000;
    if (!vm->cfg.filename)
        vm->cfg.filename = "<string>";
    vm->next_gc = (size_t)8 << 20;
    vm->exc = VNULL;
    vm->class_epoch = 1;   /* the cache's empty entries (epoch 0) never match */
    types_init(vm);
    vm->builtins = dict_new(vm);
    vm->modules = dict_new(vm);
    exc_types_init(vm);
    class_methods_init(vm);
    vm->build_class = native_new(vm, "__build_class__", build_class, NULL);
    dict_set_str(vm, vm->builtins, "__build_class__", VOBJ(vm->build_class));
    dict_set_str(vm, vm->builtins, "None", VNONE);
    dict_set_str(vm, vm->builtins, "True", VBOOL(true));
    dict_set_str(vm, vm->builtins, "False", VBOOL(false));
    dict_set_str(vm, vm->builtins, "Ellipsis", vm->ellipsis);
    dict_set_str(vm, vm->builtins, "NotImplemented", vm->not_implemented);
    builtins_init(vm);
    str_methods_init(vm);
    bytes_init(vm);
    format_init(vm);
    container_methods_init(vm);
    gen_methods_init(vm);
    introspect_init(vm);
    subclass_init(vm);
    adopt_constructors(vm);
    modules_init(vm);
    vm->main = module_new(vm, "__main__");
    dict_set_str(vm, vm->main->dict, "__file__", vm_str(vm, vm->cfg.filename));
    dict_set_str(vm, vm->main->dict, "__builtins__", VOBJ(vm->builtins));
    dict_set_str(vm, vm->main->dict, "__doc__", VNONE);
    return vm;
}

void vm_free(VM *vm)
{
    if (!vm)
        return;
    vm->inst_attrs = VNULL;   /* freed in no particular order: nothing to forget */
    for (size_t i = vm->nobjects; i-- > 0;)
        vm_free_object(vm, vm->objects[i]);
    free(vm->objects);
    vm_small_free_all(vm);
    free(vm->roots);
    free(vm->last_words);
    free(vm->gray);
    for (int i = 0; i < vm->nprotos; i++)
        proto_free(vm->protos[i]);
    free(vm->protos);
    free(vm);
}

static int exit_status_of(VM *vm, Value exc)
{
    Exception *e = AS_EXC(exc);
    Value code = e->args->len == 0 ? VNONE : e->args->len == 1 ? e->args->items[0] : VOBJ(e->args);
    if (IS_NONE(code))
        return 0;
    if (IS_INT(code) || IS_BOOL(code))
        return (int)(code.as.i & 0xff);
    Str *s = vm_to_str(vm, code);
    if (s) {
        vm_write_err(vm, s->data, s->len);
        vm_write_err(vm, "\n", 1);
    }
    vm->exc = VNULL;
    return 1;
}

static void keep_proto(VM *vm, Proto *p)
{
    if (vm->nprotos == vm->cap_protos) {
        vm->cap_protos = vm->cap_protos ? vm->cap_protos * 2 : 4;
        vm->protos = realloc(vm->protos, (size_t)vm->cap_protos * sizeof(Proto *));
        if (!vm->protos)
            abort();
    }
    vm->protos[vm->nprotos++] = p;
}

/* Marks loopscope's own code with the number of the internal source it
 * came from (1, 2, ...: see vm_run_frozen), which also keeps it out of
 * tracebacks. */
static void hide_code(Code *c, uint8_t source)
{
    c->hidden = source;
    for (int i = 0; i < c->proto->nconsts; i++)
        if (IS_KIND(c->consts[i], OBJ_CODE))
            hide_code((Code *)AS_OBJ(c->consts[i]), source);
}

int vm_run_frozen(VM *vm, const unsigned char *frozen, size_t len, Dict *globals)
{
    Proto *p = proto_thaw(frozen, len);
    if (!p) {
        vm_raise(vm, EXC_RuntimeError, "loopscope: its own frozen prelude does not load");
        return -1;
    }
    keep_proto(vm, p);
    Code *code = code_load(vm, p);
    hide_code(code, ++vm->internal_sources);
    Function *fn = vm_alloc_obj(vm, sizeof(Function), OBJ_FUNCTION, TYPE(vm, function));
    fn->code = code;
    fn->globals = globals;
    fn->name = code->name;
    fn->qualname = code->qualname;
    fn->doc = VNONE;
    Frame *f = frame_new(vm, fn, globals);
    Value result;
    return vm_execute(vm, f, &result) == EXEC_RETURN ? 0 : -1;
}

/* Half of the C stack's limit (or of 8 MB when unknown) is the budget for
 * nested dispatch loops; the rest covers the natives between them. */
static void note_stack(VM *vm, char *base)
{
    size_t limit = (size_t)8 << 20;
    struct rlimit rl;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur > ((size_t)1 << 20))
        limit = (size_t)rl.rlim_cur;
    vm->stack_base = base;
    vm->stack_budget = limit / 2;
}

int vm_run_main(VM *vm, Proto *module)
{
    char base;
    if (!vm->stack_base)
        note_stack(vm, &base);
    keep_proto(vm, module);
    Code *code = code_load(vm, module);
    Function *fn = vm_alloc_obj(vm, sizeof(Function), OBJ_FUNCTION, TYPE(vm, function));
    fn->code = code;
    fn->globals = vm->main->dict;
    fn->name = code->name;
    fn->qualname = code->qualname;
    fn->doc = VNONE;
    Frame *f = frame_new(vm, fn, vm->main->dict);
    Value result;
    ExecStatus st = vm_execute(vm, f, &result);
    int status = 0;
    if (st == EXEC_ERROR) {
        Value exc = vm_exc_take(vm);
        if (vm->limit_hit == LIMIT_STEPS) {
            char msg[200];
            int n = snprintf(msg, sizeof msg,
                             "loopscope: stopped after %llu instructions, the --max-steps limit; "
                             "raise it with --max-steps N (0 = no limit)\n",
                             (unsigned long long)vm->cfg.max_steps);
            vm_write_err(vm, msg, (size_t)n);
            status = 1;
        } else if (vm_isinstance(vm, exc, EXC_TYPE(vm, SystemExit))) {
            status = exit_status_of(vm, exc);
        } else {
            vm_print_exception(vm, exc);
            status = 1;
        }
    }
    if (vm->exit_hook)
        vm->exit_hook(vm);
    /* interpreter shutdown: the program's globals go, and what they held
     * has its last word (a task's exception never retrieved, a coroutine
     * never awaited: "sys:1"), as when CPython clears the module */
    Dict *g = vm->main->dict;
    for (size_t i = 0; i < g->nentries; i++)
        if (!IS_NULL(g->entries[i].key))
            g->entries[i].value = VNONE;
    vm->frame = NULL;
    vm_collect(vm);
    vm_warn_at_exit(vm);
    return status;
}
