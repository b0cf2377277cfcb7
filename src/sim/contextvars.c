/*
 * contextvars.c - ContextVar, Token and Context, and the context each task,
 * callback and thread runs in.
 *
 * A Context maps ContextVars to values. Its map is never changed once made:
 * ContextVar.set() gives the current Context a new map with the change, so
 * copies taken before (copy_context(), a task created earlier) keep what
 * they saw, as CPython's immutable mappings do. Copying is sharing the map.
 *
 * What runs now runs in the current context (*sim_ctx_current()): VNULL
 * stands for an empty context nobody has asked to see yet, made into an
 * object by the first set() or copy. Every task, callback and thread
 * starting out with an empty context (the usual case: no ContextVar was
 * ever set) then costs nothing.
 */
#include <stdio.h>
#include "sim.h"
#include "internal.h"

typedef struct CtxObj {
    NativeData hdr;
    Dict *vars;             /* ContextVar -> value; NULL: empty; never changed once set */
    bool entered;           /* current in some run(), task step, callback or thread */
} CtxObj;

typedef struct CtxVar {
    NativeData hdr;
    Value name;
    Value dflt;             /* VNULL: no default */
} CtxVar;

typedef struct CtxToken {
    NativeData hdr;
    Value ctx, var;
    Value old;              /* VNULL: Token.MISSING */
    bool used;
} CtxToken;

typedef struct CtxClasses {
    NativeData hdr;
    Class *context, *var, *token;
    Value missing;          /* Token.MISSING */
} CtxClasses;

static void ctx_mark(VM *vm, Obj *o)
{
    CtxObj *c = (CtxObj *)o;
    if (c->vars)
        vm_mark_obj(vm, (Obj *)c->vars);
}

static void var_mark(VM *vm, Obj *o)
{
    vm_mark_value(vm, ((CtxVar *)o)->name);
    vm_mark_value(vm, ((CtxVar *)o)->dflt);
}

static void token_mark(VM *vm, Obj *o)
{
    CtxToken *t = (CtxToken *)o;
    vm_mark_value(vm, t->ctx);
    vm_mark_value(vm, t->var);
    vm_mark_value(vm, t->old);
}

static const NativeType ctx_type = { .name = "Context", .mark = ctx_mark, .size = sizeof(CtxObj) };
static const NativeType var_type = { .name = "ContextVar", .mark = var_mark, .size = sizeof(CtxVar) };
static const NativeType token_type = { .name = "Token", .mark = token_mark, .size = sizeof(CtxToken) };
static const NativeType missing_type = { .name = "Token.MISSING", .size = sizeof(NativeData) };

static bool is_type(Value v, const NativeType *t)
{
    return IS_KIND(v, OBJ_NATIVE_DATA) && ((NativeData *)AS_OBJ(v))->type == t;
}

static CtxClasses *classes(VM *vm)
{
    return (CtxClasses *)AS_OBJ(*sim_ctx_classes(vm));
}

static CtxObj *ctx_new(VM *vm, Dict *vars)
{
    CtxObj *c = vm_alloc_obj(vm, sizeof(CtxObj), OBJ_NATIVE_DATA, classes(vm)->context);
    c->hdr.type = &ctx_type;
    c->vars = vars;
    return c;
}

/* The current context as an object, made (empty) if it was still VNULL. */
static CtxObj *current_obj(VM *vm)
{
    Value *cur = sim_ctx_current(vm);
    if (IS_NULL(*cur)) {
        CtxObj *c = ctx_new(vm, NULL);
        c->entered = true;
        *cur = VOBJ(c);
    }
    return (CtxObj *)AS_OBJ(*cur);
}

static Dict *current_vars(VM *vm)
{
    Value cur = *sim_ctx_current(vm);
    return IS_NULL(cur) ? NULL : ((CtxObj *)AS_OBJ(cur))->vars;
}

/* ---- what the simulator uses ---------------------------------------------------- */

bool sim_ctx_is_context(Value v)
{
    return is_type(v, &ctx_type);
}

Value sim_ctx_capture(VM *vm)
{
    Dict *vars = current_vars(vm);
    return vars && vars->used ? VOBJ(ctx_new(vm, vars)) : VNULL;
}

Value sim_ctx_enter(VM *vm, Value ctx)
{
    Value *cur = sim_ctx_current(vm);
    Value saved = *cur;
    *cur = ctx;
    if (!IS_NULL(ctx))
        ((CtxObj *)AS_OBJ(ctx))->entered = true;
    return saved;
}

Value sim_ctx_leave(VM *vm, Value saved)
{
    Value *cur = sim_ctx_current(vm);
    Value was = *cur;
    if (!IS_NULL(was))
        ((CtxObj *)AS_OBJ(was))->entered = false;
    *cur = saved;
    return was;
}

Value sim_ctx_object(VM *vm, Value *slot)
{
    if (IS_NULL(*slot))
        *slot = VOBJ(ctx_new(vm, NULL));
    return *slot;
}

/* ---- ContextVar ------------------------------------------------------------------ */

static Str *var_repr_str(VM *vm, CtxVar *v)
{
    Str *name = vm_repr(vm, v->name);
    if (!name)
        return NULL;
    if (IS_NULL(v->dflt))
        return str_printf(vm, "<ContextVar name=%s at 0x%llx>", name->data,
                          (unsigned long long)vm_obj_address(vm, (Obj *)v));
    Str *d = vm_repr(vm, v->dflt);
    if (!d)
        return NULL;
    return str_printf(vm, "<ContextVar name=%s default=%s at 0x%llx>", name->data, d->data,
                      (unsigned long long)vm_obj_address(vm, (Obj *)v));
}

static Value var_ctor(VM *vm, Value *a, int n, Tuple *k)
{
    static const char *const params[] = { "name", "default", NULL };
    Value p[2];
    if (vm_bind_args(vm, "ContextVar", a + 1, n - 1, k, params, 1, 1, p) < 0)
        return VNULL;
    if (!IS_STR(p[0]))
        return vm_raise(vm, EXC_TypeError, "context variable name must be a str");
    CtxVar *v = vm_alloc_obj(vm, sizeof(CtxVar), OBJ_NATIVE_DATA, AS_CLASS(a[0]));
    v->hdr.type = &var_type;
    v->name = p[0];
    v->dflt = p[1];
    return VOBJ(v);
}

static Value var_repr(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "__repr__", n - 1, k, 0, 0) < 0)
        return VNULL;
    Str *s = var_repr_str(vm, (CtxVar *)AS_OBJ(a[0]));
    return s ? VOBJ(s) : VNULL;
}

static Value var_name(VM *vm, Value *a, int n, Tuple *k)
{
    (void)vm; (void)n; (void)k;
    return ((CtxVar *)AS_OBJ(a[0]))->name;
}

static Value raise_with(VM *vm, Class *cls, Value arg)
{
    vm->exc = exc_new(vm, cls, tuple_from(vm, &arg, 1));
    return VNULL;
}

/* ContextVar.get([default]) */
static Value var_get(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "get", n - 1, k, 0, 1) < 0)
        return VNULL;
    CtxVar *v = (CtxVar *)AS_OBJ(a[0]);
    Dict *vars = current_vars(vm);
    if (vars) {
        Value r = dict_get(vm, vars, a[0]);
        if (!IS_NULL(r))
            return r;
    }
    if (n > 1)
        return a[1];
    if (!IS_NULL(v->dflt))
        return v->dflt;
    return raise_with(vm, EXC_TYPE(vm, LookupError), a[0]);
}

/* The current context's map with var set to value, or removed (VNULL). */
static int replace_var(VM *vm, CtxObj *ctx, Value var, Value value)
{
    Dict *vars = ctx->vars ? dict_copy(vm, ctx->vars) : dict_new(vm);
    Value keep = VOBJ(vars);
    vm_push_root(vm, &keep);
    int r = IS_NULL(value) ? (dict_del(vm, vars, var) < 0 ? -1 : 0) : dict_set(vm, vars, var, value);
    vm_pop_root(vm);
    if (r < 0)
        return -1;
    ctx->vars = vars;
    return 0;
}

static Value var_set(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "set", n - 1, k, 1, 1) < 0)
        return VNULL;
    CtxObj *ctx = current_obj(vm);
    Value old = ctx->vars ? dict_get(vm, ctx->vars, a[0]) : VNULL;
    CtxToken *t = vm_alloc_obj(vm, sizeof(CtxToken), OBJ_NATIVE_DATA, classes(vm)->token);
    t->hdr.type = &token_type;
    t->ctx = VOBJ(ctx);
    t->var = a[0];
    t->old = old;
    Value tv = VOBJ(t);
    vm_push_root(vm, &tv);
    int r = replace_var(vm, ctx, a[0], a[1]);
    vm_pop_root(vm);
    return r < 0 ? VNULL : tv;
}

static Str *token_repr_str(VM *vm, CtxToken *t)
{
    Str *var = var_repr_str(vm, (CtxVar *)AS_OBJ(t->var));
    if (!var)
        return NULL;
    return str_printf(vm, "<Token%s var=%s at 0x%llx>", t->used ? " used" : "", var->data,
                      (unsigned long long)vm_obj_address(vm, (Obj *)t));
}

static Value var_reset(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "reset", n - 1, k, 1, 1) < 0)
        return VNULL;
    if (!is_type(a[1], &token_type))
        return vm_raise(vm, EXC_TypeError, "expected an instance of Token, got '%s'", vm_type_name(vm, a[1]));
    CtxToken *t = (CtxToken *)AS_OBJ(a[1]);
    Str *tr = token_repr_str(vm, t);
    if (!tr)
        return VNULL;
    if (t->used)
        return vm_raise(vm, EXC_RuntimeError, "%s has already been used once", tr->data);
    if (AS_OBJ(t->var) != AS_OBJ(a[0]))
        return vm_raise(vm, EXC_ValueError, "%s was created by a different ContextVar", tr->data);
    Value cur = *sim_ctx_current(vm);
    if (IS_NULL(cur) || AS_OBJ(cur) != AS_OBJ(t->ctx))
        return vm_raise(vm, EXC_ValueError, "%s was created in a different Context", tr->data);
    t->used = true;
    return replace_var(vm, (CtxObj *)AS_OBJ(cur), a[0], t->old) < 0 ? VNULL : VNONE;
}

/* ---- Token ----------------------------------------------------------------------- */

static Value token_ctor(VM *vm, Value *a, int n, Tuple *k)
{
    (void)a; (void)n; (void)k;
    return vm_raise(vm, EXC_RuntimeError, "Tokens can only be created by ContextVars");
}

static Value token_repr(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "__repr__", n - 1, k, 0, 0) < 0)
        return VNULL;
    Str *s = token_repr_str(vm, (CtxToken *)AS_OBJ(a[0]));
    return s ? VOBJ(s) : VNULL;
}

static Value token_var(VM *vm, Value *a, int n, Tuple *k)
{
    (void)vm; (void)n; (void)k;
    return ((CtxToken *)AS_OBJ(a[0]))->var;
}

static Value token_old_value(VM *vm, Value *a, int n, Tuple *k)
{
    (void)n; (void)k;
    Value old = ((CtxToken *)AS_OBJ(a[0]))->old;
    return IS_NULL(old) ? classes(vm)->missing : old;
}

static Value missing_repr(VM *vm, Value *a, int n, Tuple *k)
{
    (void)a; (void)n; (void)k;
    return vm_str(vm, "<Token.MISSING>");
}

/* ---- Context --------------------------------------------------------------------- */

static Value ctx_ctor(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "Context", n - 1, k, 0, 0) < 0)
        return VNULL;
    (void)a;
    return VOBJ(ctx_new(vm, NULL));
}

static Value copy_context(VM *vm, Value *a, int n, Tuple *k)
{
    (void)a;
    if (vm_check_nargs(vm, "copy_context", n, k, 0, 0) < 0)
        return VNULL;
    return VOBJ(ctx_new(vm, current_vars(vm)));
}

static Value ctx_copy(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "copy", n - 1, k, 0, 0) < 0)
        return VNULL;
    return VOBJ(ctx_new(vm, ((CtxObj *)AS_OBJ(a[0]))->vars));
}

/* Context.run(callable, *args, **kwargs) */
static Value ctx_run(VM *vm, Value *a, int n, Tuple *k)
{
    if (n < 2)
        return vm_raise(vm, EXC_TypeError, "run() missing 1 required positional argument");
    CtxObj *c = (CtxObj *)AS_OBJ(a[0]);
    if (c->entered) {
        Str *r = vm_repr(vm, a[0]);
        return r ? vm_raise(vm, EXC_RuntimeError, "cannot enter context: %s is already entered", r->data) : VNULL;
    }
    Value saved = sim_ctx_enter(vm, a[0]);
    vm_push_root(vm, &saved);
    Value r = vm_call(vm, a[1], a + 2, n - 2, k);
    vm_pop_root(vm);
    sim_ctx_leave(vm, saved);
    return r;
}

static Value ctx_lookup(VM *vm, Value self, Value var)
{
    if (!is_type(var, &var_type))
        return vm_raise(vm, EXC_TypeError, "a ContextVar key was expected, got %s", vm_type_name(vm, var));
    Dict *vars = ((CtxObj *)AS_OBJ(self))->vars;
    return vars ? dict_get(vm, vars, var) : VNULL;
}

static Value ctx_getitem(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "__getitem__", n - 1, k, 1, 1) < 0)
        return VNULL;
    Value r = ctx_lookup(vm, a[0], a[1]);
    if (IS_NULL(r) && IS_NULL(vm->exc))
        return raise_with(vm, EXC_TYPE(vm, KeyError), a[1]);
    return r;
}

static Value ctx_get(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "get", n - 1, k, 1, 2) < 0)
        return VNULL;
    Value r = ctx_lookup(vm, a[0], a[1]);
    if (IS_NULL(r) && IS_NULL(vm->exc))
        return n > 2 ? a[2] : VNONE;
    return r;
}

static Value ctx_contains(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "__contains__", n - 1, k, 1, 1) < 0)
        return VNULL;
    Value r = ctx_lookup(vm, a[0], a[1]);
    return !IS_NULL(vm->exc) ? VNULL : VBOOL(!IS_NULL(r));
}

static Value ctx_len(VM *vm, Value *a, int n, Tuple *k)
{
    (void)vm; (void)n; (void)k;
    Dict *vars = ((CtxObj *)AS_OBJ(a[0]))->vars;
    return VINT(vars ? (int64_t)vars->used : 0);
}

/* keys(), values(), items() and iteration: lists in the order the
 * variables were first set, walked from a snapshot. */
static Value ctx_listing(VM *vm, Value self, int what)
{
    Dict *vars = ((CtxObj *)AS_OBJ(self))->vars;
    List *out = list_new(vm, 0);
    Value ov = VOBJ(out);
    vm_push_root(vm, &ov);
    for (size_t i = 0; vars && i < vars->nentries; i++) {
        DictEntry *e = &vars->entries[i];
        if (IS_NULL(e->key))
            continue;
        Value item = what == 0 ? e->key : e->value;
        if (what == 2) {
            Value pair[2] = { e->key, e->value };
            item = VOBJ(tuple_from(vm, pair, 2));
        }
        list_append(vm, out, item);
    }
    vm_pop_root(vm);
    return ov;
}

static Value ctx_keys(VM *vm, Value *a, int n, Tuple *k)
{
    return vm_check_nargs(vm, "keys", n - 1, k, 0, 0) < 0 ? VNULL : ctx_listing(vm, a[0], 0);
}

static Value ctx_values(VM *vm, Value *a, int n, Tuple *k)
{
    return vm_check_nargs(vm, "values", n - 1, k, 0, 0) < 0 ? VNULL : ctx_listing(vm, a[0], 1);
}

static Value ctx_items(VM *vm, Value *a, int n, Tuple *k)
{
    return vm_check_nargs(vm, "items", n - 1, k, 0, 0) < 0 ? VNULL : ctx_listing(vm, a[0], 2);
}

static Value ctx_iter(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "__iter__", n - 1, k, 0, 0) < 0)
        return VNULL;
    Value keys = ctx_listing(vm, a[0], 0);
    return vm_iter(vm, keys);
}

/* ---- the module ------------------------------------------------------------------- */

static void classes_mark(VM *vm, Obj *o)
{
    CtxClasses *c = (CtxClasses *)o;
    vm_mark_obj(vm, (Obj *)c->context);
    vm_mark_obj(vm, (Obj *)c->var);
    vm_mark_obj(vm, (Obj *)c->token);
    vm_mark_value(vm, c->missing);
}

static const NativeType classes_type = {
    .name = "_contextvars_classes", .mark = classes_mark, .size = sizeof(CtxClasses),
};

typedef struct Method { const char *name; NativeFn fn; } Method;

static Class *make_class(VM *vm, Module *m, const char *name, NativeFn ctor,
                         const Method *methods, size_t n)
{
    Class *c = class_new_builtin(vm, name, TYPE(vm, object), OBJ_NATIVE_DATA);
    c->module = str_intern(vm, "_contextvars", 12);
    c->ctor = ctor;
    for (size_t i = 0; i < n; i++)
        class_add_checked_method(vm, c, methods[i].name, methods[i].fn);
    dict_set_str(vm, m->dict, name, VOBJ(c));
    return c;
}

/* _ctx_swap(ctx): makes ctx (a Context, or None for an empty one) current
 * and returns what was (None: empty). For Python code that must run a call
 * in a context without nesting it under a native's call (Context.run), so
 * that a simulated thread can still park inside: to_thread's job. */
static Value ctx_swap(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "_ctx_swap", n, k, 1, 1) < 0)
        return VNULL;
    if (!IS_NONE(a[0]) && !is_type(a[0], &ctx_type))
        return vm_raise(vm, EXC_TypeError, "an instance of Context was expected");
    Value was = sim_ctx_leave(vm, VNULL);
    sim_ctx_enter(vm, IS_NONE(a[0]) ? VNULL : a[0]);
    return IS_NULL(was) ? VNONE : was;
}

void sim_contextvars_init(VM *vm, Module *asyncio)
{
    Module *m = module_new(vm, "contextvars");
    CtxClasses *cl = vm_alloc_obj(vm, sizeof(CtxClasses), OBJ_NATIVE_DATA, TYPE(vm, object));
    cl->hdr.type = &classes_type;
    cl->missing = VNULL;
    *sim_ctx_classes(vm) = VOBJ(cl);

    static const Method var_methods[] = {
        { "__repr__", var_repr }, { "get", var_get }, { "set", var_set }, { "reset", var_reset },
    };
    cl->var = make_class(vm, m, "ContextVar", var_ctor, var_methods, sizeof var_methods / sizeof var_methods[0]);
    class_add_property(vm, cl->var, "name", var_name);

    static const Method token_methods[] = { { "__repr__", token_repr } };
    cl->token = make_class(vm, m, "Token", token_ctor, token_methods, 1);
    class_add_property(vm, cl->token, "var", token_var);
    class_add_property(vm, cl->token, "old_value", token_old_value);
    Class *missing_cls = class_new_builtin(vm, "Token.MISSING", TYPE(vm, object), OBJ_NATIVE_DATA);
    class_add_checked_method(vm, missing_cls, "__repr__", missing_repr);
    NativeData *missing = vm_alloc_obj(vm, sizeof(NativeData), OBJ_NATIVE_DATA, missing_cls);
    missing->type = &missing_type;
    cl->missing = VOBJ(missing);
    dict_set_str(vm, cl->token->dict, "MISSING", cl->missing);

    static const Method ctx_methods[] = {
        { "run", ctx_run }, { "copy", ctx_copy }, { "get", ctx_get }, { "keys", ctx_keys },
        { "values", ctx_values }, { "items", ctx_items }, { "__getitem__", ctx_getitem },
        { "__contains__", ctx_contains }, { "__len__", ctx_len }, { "__iter__", ctx_iter },
    };
    cl->context = make_class(vm, m, "Context", ctx_ctor, ctx_methods, sizeof ctx_methods / sizeof ctx_methods[0]);
    Value cc = VOBJ(native_new(vm, "copy_context", copy_context, NULL));
    dict_set_str(vm, m->dict, "copy_context", cc);
    dict_set_str(vm, asyncio->dict, "_copy_context", cc);
    dict_set_str(vm, asyncio->dict, "_ctx_swap", VOBJ(native_new(vm, "_ctx_swap", ctx_swap, NULL)));
}
