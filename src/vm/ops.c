/*
 * ops.c - the generic operations on values: type, truth, repr and str,
 * comparison, hashing, arithmetic dispatch with Python's reflected-operand
 * rules, attribute and item access.
 *
 * Builtin kinds are handled in C (numbers in numops.c, str in strmethods.c,
 * containers in containers.c); instances of user classes go through their
 * dunder methods.
 */
#include <stdio.h>
#include <string.h>
#include "vm.h"
#include "internal.h"
#include "numops.h"

/* ---- types ------------------------------------------------------------------ */

Class *vm_type_of(VM *vm, Value v)
{
    switch (v.tag) {
    case V_NONE: return TYPE(vm, NoneType);
    case V_BOOL: return TYPE(vm, bool);
    case V_INT: return TYPE(vm, int);
    case V_FLOAT: return TYPE(vm, float);
    case V_OBJ: return v.as.o->cls;
    case V_NULL: break;
    }
    return TYPE(vm, NoneType);
}

const char *vm_type_name(VM *vm, Value v)
{
    const Class *c = vm_type_of(vm, v);
    return (c->tp_name ? c->tp_name : c->name)->data;
}

bool vm_is_subclass(const Class *c, const Class *base)
{
    if (!c || !base)
        return false;
    if (c->cflags & CLASS_MI) {
        for (size_t i = 0; i < c->mro->len; i++)
            if (AS_OBJ(c->mro->items[i]) == (const Obj *)base)
                return true;
        return false;
    }
    while (c->depth > base->depth)
        c = c->base;
    return c == base;
}

bool vm_isinstance(VM *vm, Value v, Class *c)
{
    return vm_is_subclass(vm_type_of(vm, v), c);
}

Value class_lookup(Class *c, Str *name)
{
    if (c && (c->cflags & CLASS_MI)) {
        for (size_t i = 0; i < c->mro->len; i++) {
            Value v = dict_get_str(AS_CLASS(c->mro->items[i])->dict, name);
            if (!IS_NULL(v))
                return v;
        }
        return VNULL;
    }
    for (; c; c = c->base) {
        Value v = dict_get_str(c->dict, name);
        if (!IS_NULL(v))
            return v;
    }
    return VNULL;
}

/* class_lookup, remembered by (class, interned name) until any class
 * namespace or MRO changes (vm->class_epoch): an attribute load on an
 * instance asks its class first, along the whole MRO, and mostly misses. */
Value class_lookup_cached(VM *vm, Class *c, Str *name)
{
    if (!name->interned)
        return class_lookup(c, name);
    uintptr_t h = ((uintptr_t)c >> 4) ^ ((uintptr_t)name >> 3) * 31u;
    AttrCacheEntry *e = &vm->attr_cache[h & (ATTR_CACHE_SIZE - 1)];
    if (e->type == c && e->name == name && e->epoch == vm->class_epoch)
        return e->attr;
    Value attr = class_lookup(c, name);
    e->type = c;
    e->name = name;
    e->epoch = vm->class_epoch;
    e->attr = attr;
    return attr;
}

/* A property used for what it has no function for ("getter", "setter",
 * "deleter"): named when a class body named it. */
Value property_missing(VM *vm, const Wrapper *prop, Value obj, const char *what)
{
    if (IS_STR(prop->name))
        return vm_raise(vm, EXC_AttributeError, "property '%s' of '%s' object has no %s",
                        AS_STR(prop->name)->data, vm_type_of(vm, obj)->qualname->data, what);
    return vm_raise(vm, EXC_AttributeError, "property of '%s' object has no %s",
                    vm_type_of(vm, obj)->qualname->data, what);
}

Value vm_lookup_special(VM *vm, Value obj, Str *name)
{
    return class_lookup_cached(vm, vm_type_of(vm, obj), name);
}

/* Calls a special method found on the type with obj as self. */
static Value call_special(VM *vm, Value meth, Value obj, Value *args, int nargs)
{
    Value buf[4];
    buf[0] = obj;
    for (int i = 0; i < nargs; i++)
        buf[i + 1] = args[i];
    if (IS_KIND(meth, OBJ_WRAPPER) || !(IS_FUNCTION(meth) || IS_NATIVE(meth))) {
        Value bound = bind_descriptor(vm, meth, obj, vm_type_of(vm, obj));
        if (IS_NULL(bound))
            return VNULL;
        return vm_call(vm, bound, args, nargs, NULL);
    }
    return vm_call(vm, meth, buf, nargs + 1, NULL);
}

/* An instance of a class defined in Python, or a C object whose class
 * defines its special methods natively (contextvars.Context's __len__):
 * both answer len(), bool(), iter() and the operators through them. */
static bool is_user_instance(Value v)
{
    return IS_OBJ(v) && (!(v.as.o->cls->cflags & CLASS_BUILTIN) || v.as.o->kind == OBJ_NATIVE_DATA);
}

/* An instance of a Python class deriving from a builtin (subclass.c). */
static bool is_builtin_subclass(Value v)
{
    return IS_OBJ(v) && v.as.o->kind <= OBJ_SET && !(v.as.o->cls->cflags & CLASS_BUILTIN);
}

/* Does v's class define special method `sn` in Python over its builtin's? */
static bool overrides(VM *vm, Value v, int sn)
{
    return is_builtin_subclass(v) && !IS_NULL(vm_override(vm, v, vm->sn[sn]));
}

/* ---- truth -------------------------------------------------------------------- */

int vm_truthy(VM *vm, Value v)
{
    switch (v.tag) {
    case V_NONE: return 0;
    case V_BOOL:
    case V_INT: return v.as.i != 0;
    case V_FLOAT: return v.as.f != 0.0;
    case V_NULL: return 0;
    case V_OBJ: break;
    }
    Obj *o = v.as.o;
    bool builtin = !overrides(vm, v, SN_bool) && !overrides(vm, v, SN_len);
    switch (builtin ? (ObjKind)o->kind : OBJ__COUNT) {
    case OBJ_STR: return ((Str *)o)->len != 0;
    case OBJ_BIGINT: return !bi_is_zero(&((ObjBigInt *)o)->b);   /* an int subclass's may be 0 */
    case OBJ_TUPLE: return ((Tuple *)o)->len != 0;
    case OBJ_LIST: return ((List *)o)->len != 0;
    case OBJ_DEQUE: return ((Deque *)o)->len != 0;
    case OBJ_DICT: return ((Dict *)o)->used != 0;
    case OBJ_SET: return ((Set *)o)->used != 0;
    case OBJ_RANGE: return ((Range *)o)->len != 0;
    case OBJ_VIEW: return ((View *)o)->dict->used != 0;
    default: break;
    }
    if (is_user_instance(v)) {
        Value m = vm_lookup_special(vm, v, vm->sn[SN_bool]);
        if (!IS_NULL(m)) {
            Value r = call_special(vm, m, v, NULL, 0);
            if (IS_NULL(r))
                return -1;
            if (!IS_BOOL(r)) {
                vm_raise(vm, EXC_TypeError, "__bool__ should return bool, returned %s", vm_type_name(vm, r));
                return -1;
            }
            return (int)r.as.i;
        }
        m = vm_lookup_special(vm, v, vm->sn[SN_len]);
        if (!IS_NULL(m)) {
            Value r = call_special(vm, m, v, NULL, 0);
            if (IS_NULL(r))
                return -1;
            return vm_truthy(vm, r);
        }
    }
    return 1;
}

/* ---- repr and str --------------------------------------------------------------- */

/* The deterministic stand-in for a memory address. */
uint64_t vm_obj_address(VM *vm, Obj *o)
{
    if (o->seq == 0)
        o->seq = ++vm->next_seq;
    return 0x7f3a10000000ull + (uint64_t)o->seq * 0x40;
}

static Str *qualified_class_name(VM *vm, Class *c)
{
    if (c->module && strcmp(c->module->data, "builtins") != 0)
        return str_printf(vm, "%s.%s", c->module->data, c->qualname->data);
    return c->qualname;
}

static Str *default_repr(VM *vm, Value v)
{
    Obj *o = v.as.o;
    switch ((ObjKind)o->kind) {
    case OBJ_FUNCTION:
        return str_printf(vm, "<function %s at 0x%llx>", ((Function *)o)->qualname->data,
                          (unsigned long long)vm_obj_address(vm, o));
    case OBJ_NATIVE: {
        Native *n = (Native *)o;
        if (n->owner)
            return str_printf(vm, "<method '%s' of '%s' objects>", n->name, n->owner->name->data);
        return str_printf(vm, "<built-in function %s>", n->name);
    }
    case OBJ_BOUND_METHOD: {
        BoundMethod *m = (BoundMethod *)o;
        Str *self = vm_repr(vm, m->self);
        if (!self)
            return NULL;
        if (IS_NATIVE(m->func))
            return str_printf(vm, "<built-in method %s of %s object at 0x%llx>", AS_NATIVE(m->func)->name,
                              vm_type_name(vm, m->self),
                              IS_OBJ(m->self) ? (unsigned long long)vm_obj_address(vm, m->self.as.o) : 0ull);
        return str_printf(vm, "<bound method %s of %s>", AS_FUNCTION(m->func)->qualname->data, self->data);
    }
    case OBJ_CLASS: {
        Class *c = (Class *)o;
        Str *q = qualified_class_name(vm, c);
        return str_printf(vm, "<class '%s'>", q->data);
    }
    case OBJ_MODULE:
        return str_printf(vm, "<module '%s' (built-in)>", ((Module *)o)->name->data);
    case OBJ_GEN: {
        Gen *g = (Gen *)o;
        const char *kind = g->gkind == GEN_COROUTINE ? "coroutine"
                         : g->gkind == GEN_ASYNC_GENERATOR ? "async_generator" : "generator";
        return str_printf(vm, "<%s object %s at 0x%llx>", kind, g->qualname->data,
                          (unsigned long long)vm_obj_address(vm, o));
    }
    case OBJ_CELL:
        return str_printf(vm, "<cell at 0x%llx>", (unsigned long long)vm_obj_address(vm, o));
    case OBJ_CODE:
        return str_printf(vm, "<code object %s at 0x%llx, file \"%s\", line %d>", ((Code *)o)->name->data,
                          (unsigned long long)vm_obj_address(vm, o), vm->cfg.filename,
                          ((Code *)o)->proto->firstline);
    default: {
        Str *q = qualified_class_name(vm, o->cls);
        return str_printf(vm, "<%s object at 0x%llx>", q->data, (unsigned long long)vm_obj_address(vm, o));
    }
    }
}

/* coroutine.cr_await: what a suspended coroutine awaits. Known when it
 * owns its parked chain (a task's coroutine): the coroutine whose frame is
 * next down the chain, or the C awaitable (a future, a stand-in for one of
 * asyncio's coroutines) the innermost frame waits on. */
static Value gen_awaiting(Gen *g)
{
    if (g->state != GEN_SUSPENDED || !g->frame)
        return VNONE;
    if (!g->resume) {
        /* its own frame parked on a C awaitable, which stays on its stack */
        Frame *f = g->frame;
        return f->resuming && f->sp > frame_stack(f) ? f->sp[-1] : VNONE;
    }
    for (Frame *f = g->resume; f; f = f->parent) {
        if (f == g->frame)
            return f->sp > frame_stack(f) ? f->sp[-1] : VNONE;
        if (f->parent == g->frame)
            return f->gen ? VOBJ(f->gen) : VNONE;
    }
    return VNONE;
}

Str *vm_repr(VM *vm, Value v)
{
    switch (v.tag) {
    case V_NONE: return str_from_cstr(vm, "None");
    case V_NULL: return str_from_cstr(vm, "<NULL>");
    case V_BOOL:
    case V_INT:
    case V_FLOAT: return num_repr(vm, v);
    case V_OBJ: break;
    }
    Obj *o = v.as.o;
    /* a builtin named tuple (sys.asyncgen_hooks) has a __repr__ of its own */
    Value own = (o->cls->cflags & CLASS_BUILTIN) ? dict_get_str(o->cls->dict, vm->sn[SN_repr]) : VNULL;
    bool builtin = (o->cls->cflags & CLASS_BUILTIN)
                       ? IS_NULL(own) || (IS_NATIVE(own) && AS_NATIVE(own)->fn == subclass_builtin_repr)
                       : !overrides(vm, v, SN_repr);
    switch ((ObjKind)o->kind) {
    case OBJ_STR:
        if (builtin)
            return str_repr(vm, (Str *)o);
        break;
    case OBJ_BIGINT:
        if (builtin)
            return num_repr(vm, v);
        break;
    case OBJ_TUPLE: case OBJ_LIST: case OBJ_DICT: case OBJ_SET: case OBJ_RANGE: case OBJ_VIEW:
    case OBJ_DEQUE:
        if (builtin)
            return container_repr(vm, v);
        break;
    case OBJ_CLASS:
        if (!(o->cls->cflags & CLASS_BUILTIN))
            break;   /* its type is a class of Python's (enum's EnumType): its __repr__ */
        return default_repr(vm, v);
    case OBJ_FUNCTION: case OBJ_NATIVE: case OBJ_BOUND_METHOD:
    case OBJ_MODULE: case OBJ_GEN: case OBJ_CELL: case OBJ_CODE:
        return default_repr(vm, v);
    case OBJ_SLICE: {
        Slice *s = (Slice *)o;
        Str *a = vm_repr(vm, s->start), *b = a ? vm_repr(vm, s->stop) : NULL, *c = b ? vm_repr(vm, s->step) : NULL;
        return c ? str_printf(vm, "slice(%s, %s, %s)", a->data, b->data, c->data) : NULL;
    }
    default: break;
    }
    if (v.as.o == vm->ellipsis.as.o)
        return str_from_cstr(vm, "Ellipsis");
    if (v.as.o == vm->not_implemented.as.o)
        return str_from_cstr(vm, "NotImplemented");
    Value m = vm_lookup_special(vm, v, vm->sn[SN_repr]);
    if (!IS_NULL(m) && !(IS_NATIVE(m) && AS_NATIVE(m)->owner == TYPE(vm, object))) {
        Value r = call_special(vm, m, v, NULL, 0);
        if (IS_NULL(r))
            return NULL;
        if (!IS_STR(r)) {
            vm_raise(vm, EXC_TypeError, "__repr__ returned non-string (type %s)", vm_type_name(vm, r));
            return NULL;
        }
        return AS_STR(r);
    }
    return default_repr(vm, v);
}

Str *vm_to_str(VM *vm, Value v)
{
    if (IS_STR(v) && !overrides(vm, v, SN_str))
        return AS_STR(subclass_plain(vm, v));
    if (!IS_OBJ(v) || (IS_BIGINT(v) && !overrides(vm, v, SN_str)))
        return vm_repr(vm, v);
    Value m = vm_lookup_special(vm, v, vm->sn[SN_str]);
    if (!IS_NULL(m) && !(IS_NATIVE(m) && AS_NATIVE(m)->owner == TYPE(vm, object))) {
        Value r = call_special(vm, m, v, NULL, 0);
        if (IS_NULL(r))
            return NULL;
        if (!IS_STR(r)) {
            vm_raise(vm, EXC_TypeError, "__str__ returned non-string (type %s)", vm_type_name(vm, r));
            return NULL;
        }
        return AS_STR(r);
    }
    return vm_repr(vm, v);
}

/* ---- comparison ------------------------------------------------------------------ */

static const char *const cmp_symbol[] = { "<", "<=", "==", "!=", ">", ">=" };
static const int cmp_reflect[] = { CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE };
static const int cmp_special[] = { SN_lt, SN_le, SN_eq, SN_ne, SN_gt, SN_ge };

Value vm_cmp_result(int c, CmpKind op)
{
    if (c == 2)   /* unordered (nan) */
        return VBOOL(op == CMP_NE);
    switch (op) {
    case CMP_LT: return VBOOL(c < 0);
    case CMP_LE: return VBOOL(c <= 0);
    case CMP_EQ: return VBOOL(c == 0);
    case CMP_NE: return VBOOL(c != 0);
    case CMP_GT: return VBOOL(c > 0);
    case CMP_GE: return VBOOL(c >= 0);
    default: return VBOOL(false);
    }
}

/* One side's rich comparison: a builtin implementation or a user dunder.
 * Returns not_implemented when this side has no answer. */
static Value try_compare(VM *vm, Value a, Value b, CmpKind op)
{
    bool builtin = !overrides(vm, a, cmp_special[op]) && (op != CMP_NE || !overrides(vm, a, SN_eq));
    if (num_is_number(a) && builtin) {
        if (num_is_number(b))
            return vm_cmp_result(num_cmp(a, b), op);
        return vm->not_implemented;
    }
    if (IS_STR(a) && builtin) {
        if (IS_STR(b))
            return str_compare(vm, AS_STR(a), AS_STR(b), op);
        return vm->not_implemented;
    }
    if (!IS_OBJ(a))
        return vm->not_implemented;
    Class *ca = a.as.o->cls;
    if (a.as.o->kind == OBJ_BOUND_METHOD && (op == CMP_EQ || op == CMP_NE)) {
        if (!IS_KIND(b, OBJ_BOUND_METHOD))
            return vm->not_implemented;
        BoundMethod *x = (BoundMethod *)a.as.o, *y = (BoundMethod *)b.as.o;
        bool same = x->func.as.o == y->func.as.o && x->self.tag == y->self.tag &&
                    (x->self.tag == V_OBJ ? x->self.as.o == y->self.as.o : x->self.as.i == y->self.as.i);
        return VBOOL(op == CMP_EQ ? same : !same);
    }
    if ((ca->cflags & CLASS_BUILTIN) || builtin) {
        switch ((ObjKind)a.as.o->kind) {
        case OBJ_TUPLE: case OBJ_LIST: case OBJ_DICT: case OBJ_SET: case OBJ_RANGE: case OBJ_VIEW:
        case OBJ_DEQUE:
            return container_compare(vm, a, b, op);
        default:
            break;
        }
    }
    Value m = class_lookup_cached(vm, ca, vm->sn[cmp_special[op]]);
    if (!IS_NULL(m) && !(IS_NATIVE(m) && AS_NATIVE(m)->owner == TYPE(vm, object)))
        return call_special(vm, m, a, &b, 1);
    if (op == CMP_NE) {
        /* default __ne__ inverts a user __eq__ */
        Value eq = class_lookup_cached(vm, ca, vm->sn[SN_eq]);
        if (!IS_NULL(eq) && !(IS_NATIVE(eq) && AS_NATIVE(eq)->owner == TYPE(vm, object))) {
            Value r = call_special(vm, eq, a, &b, 1);
            if (IS_NULL(r) || (IS_OBJ(r) && r.as.o == vm->not_implemented.as.o))
                return r;
            int t = vm_truthy(vm, r);
            return t < 0 ? VNULL : VBOOL(!t);
        }
    }
    return vm->not_implemented;
}

static bool is_notimpl(VM *vm, Value v)
{
    return IS_OBJ(v) && v.as.o == vm->not_implemented.as.o;
}

Value vm_compare(VM *vm, Value a, Value b, CmpKind op)
{
    switch (op) {
    case CMP_IS:
    case CMP_IS_NOT: {
        bool same = a.tag == b.tag && (a.tag == V_FLOAT ? a.as.f == b.as.f : a.as.i == b.as.i);
        if (a.tag == V_OBJ && b.tag == V_OBJ)
            same = a.as.o == b.as.o;
        return VBOOL(op == CMP_IS ? same : !same);
    }
    case CMP_IN:
    case CMP_NOT_IN: {
        int r = vm_contains(vm, b, a);
        if (r < 0)
            return VNULL;
        return VBOOL(op == CMP_IN ? r : !r);
    }
    default:
        break;
    }
    /* fast paths */
    if (a.tag == V_INT && b.tag == V_INT)
        return vm_cmp_result((a.as.i > b.as.i) - (a.as.i < b.as.i), op);

    /* a subclass's reflected method goes first, as in CPython */
    Class *ta = vm_type_of(vm, a), *tb = vm_type_of(vm, b);
    bool reflected_first = tb != ta && vm_is_subclass(tb, ta) && !(tb->cflags & CLASS_BUILTIN);
    Value r;
    if (reflected_first) {
        r = try_compare(vm, b, a, (CmpKind)cmp_reflect[op]);
        if (IS_NULL(r) || !is_notimpl(vm, r))
            return r;
    }
    r = try_compare(vm, a, b, op);
    if (IS_NULL(r) || !is_notimpl(vm, r))
        return r;
    if (!reflected_first) {
        r = try_compare(vm, b, a, (CmpKind)cmp_reflect[op]);
        if (IS_NULL(r) || !is_notimpl(vm, r))
            return r;
    }
    if (op == CMP_EQ || op == CMP_NE) {
        bool same = a.tag == b.tag && (a.tag != V_OBJ || a.as.o == b.as.o) &&
                    (a.tag == V_OBJ || a.as.i == b.as.i);
        return VBOOL(op == CMP_EQ ? same : !same);
    }
    return vm_raise(vm, EXC_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                    cmp_symbol[op], vm_type_name(vm, a), vm_type_name(vm, b));
}

int vm_eq(VM *vm, Value a, Value b)
{
    if (a.tag == V_OBJ && b.tag == V_OBJ && a.as.o == b.as.o)
        return 1;   /* identity implies equality for containers' purposes */
    if (IS_STR(a) && IS_STR(b) && (a.as.o->cls->cflags & b.as.o->cls->cflags & CLASS_BUILTIN))
        return str_eq(AS_STR(a), AS_STR(b));
    Value r = vm_compare(vm, a, b, CMP_EQ);
    if (IS_NULL(r))
        return -1;
    if (IS_BOOL(r))
        return (int)r.as.i;
    return vm_truthy(vm, r);
}

int vm_lt(VM *vm, Value a, Value b)
{
    if (a.tag == V_INT && b.tag == V_INT)
        return a.as.i < b.as.i;
    Value r = vm_compare(vm, a, b, CMP_LT);
    if (IS_NULL(r))
        return -1;
    if (IS_BOOL(r))
        return (int)r.as.i;
    return vm_truthy(vm, r);
}

/* ---- hashing ----------------------------------------------------------------------- */

int vm_hash(VM *vm, Value v, int64_t *out)
{
    switch (v.tag) {
    case V_BOOL:
    case V_INT:
    case V_FLOAT:
        *out = num_hash(v);
        return 0;
    case V_NONE:
        *out = 0xFCA86420;
        return 0;
    case V_NULL:
        *out = 0;
        return 0;
    case V_OBJ:
        break;
    }
    Obj *o = v.as.o;
    switch (overrides(vm, v, SN_hash) ? OBJ__COUNT : (ObjKind)o->kind) {
    case OBJ_STR: *out = str_hash((Str *)o); return 0;
    case OBJ_BIGINT: *out = num_hash(v); return 0;
    case OBJ_TUPLE: case OBJ_LIST: case OBJ_DICT: case OBJ_SET: case OBJ_VIEW: case OBJ_RANGE:
    case OBJ_DEQUE:
        if ((o->cls->cflags & CLASS_BUILTIN) || is_builtin_subclass(v))
            return container_hash(vm, v, out);
        break;
    default:
        break;
    }
    Class *c = o->cls;
    Value h = class_lookup_cached(vm, c, vm->sn[SN_hash]);
    if (IS_NONE(h)) {
        vm_raise(vm, EXC_TypeError, "unhashable type: '%s'", c->name->data);
        return -1;
    }
    if (!IS_NULL(h) && !(IS_NATIVE(h) && AS_NATIVE(h)->owner == TYPE(vm, object))) {
        Value r = call_special(vm, h, v, NULL, 0);
        if (IS_NULL(r))
            return -1;
        if (!num_is_int(r)) {
            vm_raise(vm, EXC_TypeError, "__hash__ method should return an integer");
            return -1;
        }
        /* CPython keeps a result that fits a Py_ssize_t (but -1, which is
         * its error value), and hashes a bigger one */
        *out = IS_INT(r) ? (r.as.i == -1 ? -2 : r.as.i) : num_hash(r);
        return 0;
    }
    /* a class that defines __eq__ without __hash__ is unhashable */
    if (!(c->cflags & CLASS_BUILTIN)) {
        Tuple *mro = class_mro(vm, c);
        for (size_t mi = 0; mi < mro->len; mi++) {
            Class *k = AS_CLASS(mro->items[mi]);
            if (k->cflags & CLASS_BUILTIN)
                break;
            Value hk = dict_get_str(k->dict, vm->sn[SN_hash]);
            if (!IS_NULL(hk))
                break;
            if (!IS_NULL(dict_get_str(k->dict, vm->sn[SN_eq]))) {
                vm_raise(vm, EXC_TypeError, "unhashable type: '%s'", c->name->data);
                return -1;
            }
        }
    }
    *out = (int64_t)(vm_obj_address(vm, o) >> 4);
    return 0;
}

/* ---- arithmetic dispatch --------------------------------------------------------- */

static const char *const binop_symbol[] = {
    "+", "-", "*", "/", "//", "%", "** or pow()", "<<", ">>", "&", "|", "^", "@"
};
static const char *const binop_isymbol[] = {
    "+=", "-=", "*=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^=", "@="
};
static const char *const binop_name[] = {
    "add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift", "and", "or", "xor", "matmul"
};

static Value user_binop(VM *vm, Value obj, const char *prefix, BinOpKind op, Value other)
{
    if (!is_user_instance(obj))
        return vm->not_implemented;
    char name[32];
    snprintf(name, sizeof name, "__%s%s__", prefix, binop_name[op]);
    Str *s = str_intern(vm, name, strlen(name));
    Value m = is_builtin_subclass(obj) ? vm_override(vm, obj, s) : vm_lookup_special(vm, obj, s);
    if (IS_NULL(m))
        return vm->not_implemented;
    return call_special(vm, m, obj, &other, 1);
}

static Value builtin_binop(VM *vm, Value a, Value b, BinOpKind op, bool inplace)
{
    if (num_is_number(a) && num_is_number(b))
        return num_binary(vm, a, b, op);
    /* n * "ab"; an object with a __mul__ of its own has it asked first */
    if (IS_STR(a) || (IS_STR(b) && op == BINOP_MUL && !is_user_instance(a)))
        return str_binary(vm, a, b, op);
    if (IS_OBJ(a) && ((a.as.o->cls->cflags & CLASS_BUILTIN) || is_builtin_subclass(a))) {
        switch ((ObjKind)a.as.o->kind) {
        case OBJ_TUPLE: case OBJ_LIST: case OBJ_DICT: case OBJ_SET: case OBJ_VIEW:
            return container_binary(vm, a, b, op, inplace);
        default:
            break;
        }
    }
    if (IS_OBJ(b) && ((b.as.o->cls->cflags & CLASS_BUILTIN) || is_builtin_subclass(b)) && op == BINOP_MUL &&
        num_is_int(a)) {
        switch ((ObjKind)b.as.o->kind) {
        case OBJ_TUPLE: case OBJ_LIST:
            return container_binary(vm, a, b, op, false);
        default:
            break;
        }
    }
    return vm->not_implemented;
}

/* list[int] and int | None: types.GenericAlias and types.UnionType, made
 * by types._alias(origin, args) and types._union(a, b) of the module
 * "types" that the simulator loads when asked (vm->import_hook). VNULL
 * with no exception set when there is no such module. */
static Value types_call(VM *vm, const char *fn, Value a, Value b)
{
    Str *name = str_intern(vm, "types", 5);
    Value m = dict_get_str(vm->modules, name);
    if (IS_NULL(m) && vm->import_hook)
        m = vm->import_hook(vm, name);
    if (IS_NULL(m))
        return VNULL;
    Value f = vm_getattr_cstr(vm, m, fn);
    if (IS_NULL(f))
        return VNULL;
    Value args[2] = { a, b };
    return vm_call(vm, f, args, 2, NULL);
}

static bool is_generic_builtin(const Class *c)
{
    static const char *const names[] = { "list", "dict", "tuple", "set", "frozenset", "type", "deque", NULL };
    if (!(c->cflags & CLASS_BUILTIN))
        return false;
    if (c->cflags & CLASS_GENERIC)
        return true;
    for (int i = 0; names[i]; i++)
        if (strcmp(c->name->data, names[i]) == 0)
            return true;
    return false;
}

Value vm_binary(VM *vm, Value a, Value b, BinOpKind op, bool inplace)
{
    if (a.tag == V_INT && b.tag == V_INT)
        return num_binary(vm, a, b, op);
    Value r;
    if (inplace) {
        r = user_binop(vm, a, "i", op, b);
        if (IS_NULL(r) || !is_notimpl(vm, r))
            return r;
    }
    Class *ta = vm_type_of(vm, a), *tb = vm_type_of(vm, b);
    bool b_first = ta != tb && vm_is_subclass(tb, ta) && !(tb->cflags & CLASS_BUILTIN);
    if (b_first) {
        r = user_binop(vm, b, "r", op, a);
        if (IS_NULL(r) || !is_notimpl(vm, r))
            return r;
    }
    /* a builtin's subclass: its own method before the builtin's */
    bool a_first = is_builtin_subclass(a);
    if (a_first) {
        r = user_binop(vm, a, "", op, b);
        if (IS_NULL(r) || !is_notimpl(vm, r))
            return r;
    }
    r = builtin_binop(vm, a, b, op, inplace);
    if (IS_NULL(r) || !is_notimpl(vm, r))
        return r;
    if (!a_first) {
        r = user_binop(vm, a, "", op, b);
        if (IS_NULL(r) || !is_notimpl(vm, r))
            return r;
    }
    if (!b_first && ta != tb) {
        r = user_binop(vm, b, "r", op, a);
        if (IS_NULL(r) || !is_notimpl(vm, r))
            return r;
    }
    if (op == BINOP_OR && (IS_CLASS(a) || IS_NONE(a)) && (IS_CLASS(b) || IS_NONE(b))) {
        r = types_call(vm, "_union", a, b);
        if (!IS_NULL(r) || !IS_NULL(vm->exc))
            return r;
    }
    if (op == BINOP_ADD && IS_STR(a))
        return vm_raise(vm, EXC_TypeError, "can only concatenate str (not \"%s\") to str", vm_type_name(vm, b));
    if (op == BINOP_ADD && IS_LIST(a))
        return vm_raise(vm, EXC_TypeError, "can only concatenate list (not \"%s\") to list", vm_type_name(vm, b));
    if (op == BINOP_ADD && IS_TUPLE(a))
        return vm_raise(vm, EXC_TypeError, "can only concatenate tuple (not \"%s\") to tuple", vm_type_name(vm, b));
    if (op == BINOP_MUL && (IS_STR(a) || IS_LIST(a) || IS_TUPLE(a) || IS_STR(b) || IS_LIST(b) || IS_TUPLE(b)))
        return vm_raise(vm, EXC_TypeError, "can't multiply sequence by non-int of type '%s'",
                        vm_type_name(vm, (IS_STR(a) || IS_LIST(a) || IS_TUPLE(a)) ? b : a));
    return vm_raise(vm, EXC_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'",
                    inplace ? binop_isymbol[op] : binop_symbol[op], vm_type_name(vm, a), vm_type_name(vm, b));
}

Value vm_unary_neg(VM *vm, Value a)
{
    if (num_is_number(a) && !overrides(vm, a, SN_neg))
        return num_neg(vm, a);
    Value m = vm_lookup_special(vm, a, vm->sn[SN_neg]);
    if (!IS_NULL(m) && is_user_instance(a))
        return call_special(vm, m, a, NULL, 0);
    return vm_raise(vm, EXC_TypeError, "bad operand type for unary -: '%s'", vm_type_name(vm, a));
}

Value vm_unary(VM *vm, Value a, int which)
{
    /* which: 0 = +, 1 = ~ */
    if (which == 0 && num_is_number(a) && !overrides(vm, a, SN_pos))
        return a.tag == V_BOOL ? VINT(a.as.i) : subclass_plain(vm, a);
    if (which == 1 && num_is_int(a) && !overrides(vm, a, SN_invert))
        return num_invert(vm, a);
    Value m = vm_lookup_special(vm, a, vm->sn[which == 0 ? SN_pos : SN_invert]);
    if (!IS_NULL(m) && is_user_instance(a))
        return call_special(vm, m, a, NULL, 0);
    return vm_raise(vm, EXC_TypeError, "bad operand type for unary %s: '%s'", which == 0 ? "+" : "~",
                    vm_type_name(vm, a));
}

/* ---- attributes ----------------------------------------------------------------- */

/* The method `special` (SN_get, SN_set or SN_delete) of attr's class when
 * that class is written in Python: attr is a descriptor. VNULL otherwise. */
static Value user_descr_method(VM *vm, Value attr, int special)
{
    if (!IS_OBJ(attr) || (attr.as.o->cls->cflags & CLASS_BUILTIN))
        return VNULL;
    return class_lookup_cached(vm, attr.as.o->cls, vm->sn[special]);
}

Value bind_descriptor(VM *vm, Value attr, Value obj, Class *type)
{
    if (!IS_OBJ(attr))
        return attr;
    switch ((ObjKind)attr.as.o->kind) {
    case OBJ_FUNCTION:
    case OBJ_NATIVE: {
        if (IS_NULL(obj))
            return attr;
        BoundMethod *m = vm_alloc_obj(vm, sizeof(BoundMethod), OBJ_BOUND_METHOD, TYPE(vm, method));
        m->self = obj;
        m->func = attr;
        return VOBJ(m);
    }
    case OBJ_WRAPPER: {
        Wrapper *w = (Wrapper *)attr.as.o;
        switch (w->hdr.flags) {
        case WRAP_STATICMETHOD:
            return w->a;
        case WRAP_CLASSMETHOD: {
            BoundMethod *m = vm_alloc_obj(vm, sizeof(BoundMethod), OBJ_BOUND_METHOD, TYPE(vm, method));
            m->self = VOBJ(type);
            m->func = w->a;
            return VOBJ(m);
        }
        case WRAP_PROPERTY:
            if (IS_NULL(obj))
                return attr;
            if (IS_NONE(w->a) || IS_NULL(w->a))
                return property_missing(vm, w, obj, "getter");
            return vm_call1(vm, w->a, obj);
        default:
            return attr;
        }
    }
    default: {
        /* a descriptor written in Python: __get__(obj or None, type) */
        Value get = user_descr_method(vm, attr, SN_get);
        if (IS_NULL(get))
            return attr;
        Value args[3] = { attr, IS_NULL(obj) ? VNONE : obj, VOBJ(type) };
        return vm_call(vm, get, args, 3, NULL);
    }
    }
}

static Value attr_error(VM *vm, Value obj, Str *name)
{
    if (IS_KIND(obj, OBJ_MODULE))
        vm_raise(vm, EXC_AttributeError, "module '%s' has no attribute '%s'",
                 ((Module *)obj.as.o)->name->data, name->data);
    else if (IS_CLASS(obj))
        vm_raise(vm, EXC_AttributeError, "type object '%s' has no attribute '%s'",
                 AS_CLASS(obj)->name->data, name->data);
    else
        vm_raise(vm, EXC_AttributeError, "'%s' object has no attribute '%s'", vm_type_name(vm, obj), name->data);
    /* AttributeError.name and .obj, which the report's suggestion uses */
    Exception *e = AS_EXC(vm->exc);
    e->dict = dict_new(vm);
    dict_set_str(vm, e->dict, "name", VOBJ(name));
    dict_set_str(vm, e->dict, "obj", obj);
    return VNULL;
}

/* obj's __dict__, or NULL; an instance of a builtin's subclass gets its
 * own when `create` asks */
static Dict *instance_dict(VM *vm, Value obj, bool create)
{
    if (!IS_OBJ(obj))
        return NULL;
    Obj *o = obj.as.o;
    switch ((ObjKind)o->kind) {
    case OBJ_INSTANCE: return ((Instance *)o)->dict;
    case OBJ_EXCEPTION: return ((Exception *)o)->dict;
    case OBJ_FUNCTION: return ((Function *)o)->dict;
    case OBJ_MODULE: return ((Module *)o)->dict;
    case OBJ_STR: case OBJ_BIGINT: case OBJ_TUPLE: case OBJ_LIST: case OBJ_DICT: case OBJ_SET:
    case OBJ_NATIVE_DATA:
        return (o->cls->cflags & CLASS_BUILTIN) ? NULL : subclass_attrs(vm, o, create);
    default: return NULL;
    }
}

static Value maybe_str(VM *vm, Str *s)
{
    (void)vm;
    return s ? VOBJ(s) : VNONE;
}

static Value names_tuple(VM *vm, Str **names, int n)
{
    Tuple *t = tuple_new(vm, (size_t)n);
    for (int i = 0; i < n; i++)
        t->items[i] = VOBJ(names[i]);
    return VOBJ(t);
}

/* Attributes that live in C fields rather than in a dict. */
static Value special_attr(VM *vm, Value obj, Str *name)
{
    const char *n = name->data;
    if (n[0] != '_' && strcmp(n, "args") != 0)
        goto kind_specific;
    if (strcmp(n, "__class__") == 0)
        return VOBJ(vm_type_of(vm, obj));
    if (strcmp(n, "__dict__") == 0) {
        Dict *d = instance_dict(vm, obj, true);
        if (d)
            return VOBJ(d);
        if (IS_CLASS(obj))
            return VOBJ(AS_CLASS(obj)->dict);
    }
kind_specific:
    if (!IS_OBJ(obj))
        return VNULL;
    switch ((ObjKind)obj.as.o->kind) {
    case OBJ_EXCEPTION: {
        Exception *e = AS_EXC(obj);
        if (strcmp(n, "args") == 0) return VOBJ(e->args);
        if (strcmp(n, "__context__") == 0) return exc_or_none(e->context);
        if (strcmp(n, "__cause__") == 0) return exc_or_none(e->cause);
        if (strcmp(n, "__suppress_context__") == 0) return VBOOL(e->suppress_context);
        if (strcmp(n, "__traceback__") == 0) return exc_traceback_object(vm, e);
        if (strcmp(n, "__notes__") == 0 && e->notes) return VOBJ(e->notes);
        if (vm_is_subclass(e->hdr.cls, EXC_TYPE(vm, StopIteration)) && strcmp(n, "value") == 0)
            return e->args->len ? e->args->items[0] : VNONE;
        if (vm_is_subclass(e->hdr.cls, EXC_TYPE(vm, OSError)) &&
            (strcmp(n, "errno") == 0 || strcmp(n, "strerror") == 0 || strcmp(n, "filename") == 0 ||
             strcmp(n, "filename2") == 0))
            return VNONE;   /* not given (os_error_fill keeps those given in the dict) */
        if (vm_is_subclass(e->hdr.cls, EXC_TYPE(vm, SystemExit)) && strcmp(n, "code") == 0)
            return e->args->len == 0 ? VNONE : e->args->len == 1 ? e->args->items[0] : VOBJ(e->args);
        if (vm_is_subclass(e->hdr.cls, EXC_TYPE(vm, BaseExceptionGroup))) {
            if (strcmp(n, "message") == 0) return e->args->len ? e->args->items[0] : VNONE;
            if (strcmp(n, "exceptions") == 0) {
                if (e->args->len > 1 && IS_LIST(e->args->items[1])) {
                    List *l = AS_LIST(e->args->items[1]);
                    return VOBJ(tuple_from(vm, l->items, l->len));
                }
                return e->args->len > 1 ? e->args->items[1] : VOBJ(vm->empty_tuple);
            }
        }
        break;
    }
    case OBJ_FUNCTION: {
        Function *f = AS_FUNCTION(obj);
        if (strcmp(n, "__name__") == 0) return VOBJ(f->name);
        if (strcmp(n, "__qualname__") == 0) return VOBJ(f->qualname);
        if (strcmp(n, "__doc__") == 0) return f->doc;
        if (strcmp(n, "__module__") == 0) return maybe_str(vm, f->module);
        if (strcmp(n, "__defaults__") == 0) return f->defaults ? VOBJ(f->defaults) : VNONE;
        if (strcmp(n, "__kwdefaults__") == 0) return f->kwdefaults ? VOBJ(f->kwdefaults) : VNONE;
        if (strcmp(n, "__closure__") == 0) return f->closure ? VOBJ(f->closure) : VNONE;
        if (strcmp(n, "__globals__") == 0) return VOBJ(f->globals);
        if (strcmp(n, "__annotations__") == 0) {
            /* loopscope does not evaluate annotations: an empty dict, made once */
            if (!f->dict)
                f->dict = dict_new(vm);
            Value a = dict_get_str(f->dict, name);
            if (IS_NULL(a)) {
                a = VOBJ(dict_new(vm));
                dict_set(vm, f->dict, VOBJ(name), a);
            }
            return a;
        }
        if (strcmp(n, "__code__") == 0) return VOBJ(f->code);
        break;
    }
    case OBJ_CLASS: {
        Class *c = AS_CLASS(obj);
        if (strcmp(n, "__name__") == 0) return VOBJ(c->name);
        if (strcmp(n, "__qualname__") == 0) return VOBJ(c->qualname);
        if (strcmp(n, "__module__") == 0) return maybe_str(vm, c->module);
        if (strcmp(n, "__base__") == 0) return c->base ? VOBJ(c->base) : VNONE;
        if (strcmp(n, "__bases__") == 0) return VOBJ(class_bases(vm, c));
        if (strcmp(n, "__mro__") == 0) return VOBJ(class_mro(vm, c));
        if (strcmp(n, "__doc__") == 0) {
            Value d = dict_get_str(c->dict, vm->sn[SN_doc]);
            return IS_NULL(d) ? VNONE : d;
        }
        break;
    }
    case OBJ_CODE: {
        Code *c = (Code *)obj.as.o;
        const Proto *p = c->proto;
        if (strcmp(n, "co_name") == 0) return VOBJ(c->name);
        if (strcmp(n, "co_qualname") == 0) return VOBJ(c->qualname);
        if (strcmp(n, "co_filename") == 0) return vm_str(vm, vm->cfg.filename);
        if (strcmp(n, "co_firstlineno") == 0) return VINT(p->firstline);
        if (strcmp(n, "co_argcount") == 0) return VINT(p->argcount);
        if (strcmp(n, "co_posonlyargcount") == 0) return VINT(p->posonlycount);
        if (strcmp(n, "co_kwonlyargcount") == 0) return VINT(p->kwonlycount);
        if (strcmp(n, "co_nlocals") == 0) return VINT(p->nlocals);
        if (strcmp(n, "co_varnames") == 0)
            return names_tuple(vm, c->localnames, p->nlocals);
        if (strcmp(n, "co_cellvars") == 0) return names_tuple(vm, c->cellnames, p->ncells);
        if (strcmp(n, "co_freevars") == 0) return names_tuple(vm, c->cellnames + p->ncells, p->nfrees);
        if (strcmp(n, "co_names") == 0) return names_tuple(vm, c->names, p->nnames);
        if (strcmp(n, "co_consts") == 0) return VOBJ(tuple_from(vm, c->consts, (size_t)p->nconsts));
        if (strcmp(n, "co_flags") == 0) {
            /* CPython's CO_* bits that inspect reads (CO_NESTED left out) */
            if (p->flags & (PROTO_MODULE | PROTO_CLASSBODY))
                return VINT(0);
            return VINT(0x3 | (p->flags & PROTO_VARARGS ? 0x4 : 0) | (p->flags & PROTO_VARKEYWORDS ? 0x8 : 0) |
                        (p->flags & PROTO_ASYNC_GENERATOR ? 0x200 :
                         p->flags & PROTO_COROUTINE ? 0x80 : p->flags & PROTO_GENERATOR ? 0x20 : 0));
        }
        break;
    }
    case OBJ_NATIVE: {
        Native *nat = AS_NATIVE(obj);
        if (strcmp(n, "__name__") == 0) return vm_str(vm, nat->name);
        if (strcmp(n, "__qualname__") == 0)   /* a method's: list.pop */
            return nat->owner ? VOBJ(str_printf(vm, "%s.%s", nat->owner->qualname->data, nat->name))
                              : vm_str(vm, nat->name);
        break;
    }
    case OBJ_BOUND_METHOD: {
        BoundMethod *m = (BoundMethod *)obj.as.o;
        if (strcmp(n, "__self__") == 0) return m->self;
        if (strcmp(n, "__func__") == 0) return m->func;
        return vm_getattr_opt(vm, m->func, name);
    }
    case OBJ_GEN: {
        Gen *g = AS_GEN(obj);
        if (strcmp(n, "__name__") == 0) return VOBJ(g->name);
        if (strcmp(n, "__qualname__") == 0) return VOBJ(g->qualname);
        const char *attr = g->gkind == GEN_COROUTINE ? "cr_" : g->gkind == GEN_GENERATOR ? "gi_" : "ag_";
        if (strncmp(n, attr, 3) != 0)
            break;
        if (strcmp(n + 3, "running") == 0 && g->gkind != GEN_ASYNC_GENERATOR)
            return VBOOL(g->state == GEN_RUNNING);
        if (strcmp(n + 3, "frame") == 0)
            return g->frame ? vm_frame_object(vm, obj, g->frame->code, g->firstline) : VNONE;
        if (strcmp(n + 3, "suspended") == 0 && g->gkind != GEN_ASYNC_GENERATOR)
            return VBOOL(g->state == GEN_SUSPENDED);
        if (strcmp(n + 3, "code") == 0 && g->frame)
            return VOBJ(g->frame->code);
        if (g->gkind == GEN_COROUTINE && strcmp(n, "cr_await") == 0)
            return gen_awaiting(g);
        break;
    }
    case OBJ_MODULE:
        if (strcmp(n, "__name__") == 0) return VOBJ(((Module *)obj.as.o)->name);
        break;
    case OBJ_RANGE: {
        Range *r = (Range *)obj.as.o;
        if (strcmp(n, "start") == 0) return VINT(r->start);
        if (strcmp(n, "stop") == 0) return VINT(r->stop);
        if (strcmp(n, "step") == 0) return VINT(r->step);
        break;
    }
    case OBJ_WRAPPER: {
        Wrapper *w = (Wrapper *)obj.as.o;
        if (w->hdr.flags == WRAP_PROPERTY) {
            if (strcmp(n, "fget") == 0) return w->a;
            if (strcmp(n, "fset") == 0) return w->b;
            if (strcmp(n, "__doc__") == 0) return w->d;
        }
        if ((w->hdr.flags == WRAP_STATICMETHOD || w->hdr.flags == WRAP_CLASSMETHOD) && strcmp(n, "__func__") == 0)
            return w->a;
        break;
    }
    case OBJ_SLICE: {
        Slice *s = (Slice *)obj.as.o;
        if (strcmp(n, "start") == 0) return s->start;
        if (strcmp(n, "stop") == 0) return s->stop;
        if (strcmp(n, "step") == 0) return s->step;
        break;
    }
    default:
        break;
    }
    if (IS_BIGINT(obj) || IS_INT(obj) || IS_BOOL(obj)) {
        if (strcmp(n, "real") == 0 || strcmp(n, "numerator") == 0) return IS_BOOL(obj) ? VINT(obj.as.i) : obj;
        if (strcmp(n, "imag") == 0) return VINT(0);
        if (strcmp(n, "denominator") == 0) return VINT(1);
    }
    return VNULL;
}

/* super(C, obj).name: the MRO of obj's type, after C. */
static Value super_getattr(VM *vm, Wrapper *w, Str *name)
{
    Class *after = AS_CLASS(w->a);
    Value obj = w->b;
    /* super() in a class method (obj a subclass of after), or in a method
     * of a metaclass (obj a class, an instance of after) */
    bool on_class = IS_CLASS(obj) && vm_is_subclass(AS_CLASS(obj), after);
    Class *type = on_class ? AS_CLASS(obj) : vm_type_of(vm, obj);
    Tuple *mro = class_mro(vm, type);
    size_t i = 0;
    while (i < mro->len && AS_OBJ(mro->items[i]) != (Obj *)after)
        i++;
    for (i++; i < mro->len; i++) {
        Value attr = dict_get_str(AS_CLASS(mro->items[i])->dict, name);
        if (IS_NULL(attr))
            continue;
        if (on_class && !IS_KIND(attr, OBJ_WRAPPER))
            return attr;
        return bind_descriptor(vm, attr, obj, type);
    }
    return vm_raise(vm, EXC_AttributeError, "'super' object has no attribute '%s'", name->data);
}

bool class_find_user_getattribute(VM *vm, Class *type)
{
    type->user_getattribute = IS_FUNCTION(class_lookup_cached(vm, type, vm->sn[SN_getattribute]));
    type->ga_epoch = vm->class_epoch;
    return type->user_getattribute;
}

/* What object.__getattribute__ finds: a property on the type, the
 * instance's dict, the object's own special attributes, the type's
 * attributes (bound). VNULL with no exception set when none has it. */
/* Does attr take part in attribute lookup before the instance's own dict:
 * a property, or a data descriptor (with __set__ or __delete__) that has a
 * __get__ */
static bool is_data_descriptor(VM *vm, Value attr)
{
    if (IS_KIND(attr, OBJ_WRAPPER))
        return attr.as.o->flags == WRAP_PROPERTY;
    return !IS_NULL(user_descr_method(vm, attr, SN_get)) &&
           (!IS_NULL(user_descr_method(vm, attr, SN_set)) || !IS_NULL(user_descr_method(vm, attr, SN_delete)));
}

static Value generic_getattr(VM *vm, Value obj, Class *type, Str *name)
{
    Value attr = class_lookup_cached(vm, type, name);
    if (IS_OBJ(attr) && (attr.as.o->kind == OBJ_WRAPPER || attr.as.o->kind == OBJ_INSTANCE) &&
        is_data_descriptor(vm, attr))
        return bind_descriptor(vm, attr, obj, type);
    Dict *d = instance_dict(vm, obj, false);
    if (d) {
        Value v = dict_get_str(d, name);
        if (!IS_NULL(v))
            return v;
    }
    Value sp = special_attr(vm, obj, name);
    if (!IS_NULL(sp) || !IS_NULL(vm->exc))
        return sp;
    if (!IS_NULL(attr))
        return bind_descriptor(vm, attr, obj, type);
    return VNULL;
}

Value vm_generic_getattr(VM *vm, Value obj, Str *name)
{
    Value v = generic_getattr(vm, obj, vm_type_of(vm, obj), name);
    if (IS_NULL(v) && IS_NULL(vm->exc))
        return attr_error(vm, obj, name);
    return v;
}

/* keep_error: an AttributeError that __getattribute__ or __getattr__
 * raised stays set (what obj.name reports, with its own message);
 * otherwise it means "absent". */
static Value getattr_impl(VM *vm, Value obj, Str *name, bool keep_error)
{
    if (IS_KIND(obj, OBJ_MODULE))
        return dict_get_str(((Module *)obj.as.o)->dict, name);
    if (IS_KIND(obj, OBJ_WRAPPER) && obj.as.o->flags == WRAP_SUPER)
        return super_getattr(vm, (Wrapper *)obj.as.o, name);
    if (IS_CLASS(obj)) {
        Class *c = AS_CLASS(obj);
        Value attr = class_lookup_cached(vm, c, name);
        if (!IS_NULL(attr)) {
            if (IS_KIND(attr, OBJ_WRAPPER)) {
                int k = attr.as.o->flags;
                if (k == WRAP_STATICMETHOD || k == WRAP_CLASSMETHOD)
                    return bind_descriptor(vm, attr, VNULL, c);
            } else if (!IS_NULL(user_descr_method(vm, attr, SN_get))) {
                return bind_descriptor(vm, attr, VNULL, c);   /* __get__(None, c) */
            }
            return attr;
        }
        Value sp = special_attr(vm, obj, name);
        if (!IS_NULL(sp) || !IS_NULL(vm->exc))
            return sp;
        /* then its metaclass's: a method written there, or one of type's
         * (mro, __subclasses__), bound to the class */
        Class *meta = c->hdr.cls;
        Value ma = class_lookup_cached(vm, meta, name);
        return IS_NULL(ma) ? VNULL : bind_descriptor(vm, ma, obj, meta);
    }
    Class *type = vm_type_of(vm, obj);
    Value nm = VOBJ(name);
    if (vm_has_user_getattribute(vm, type)) {
        Value r = call_special(vm, class_lookup_cached(vm, type, vm->sn[SN_getattribute]), obj, &nm, 1);
        if (!IS_NULL(r) || !vm_exc_matches(vm, EXC_AttributeError))
            return r;
        if (IS_NULL(class_lookup_cached(vm, type, vm->sn[SN_getattr]))) {
            if (!keep_error)
                vm_exc_take(vm);
            return VNULL;
        }
        vm_exc_take(vm);   /* __getattr__ gets its turn */
    } else {
        Value v = generic_getattr(vm, obj, type, name);
        if (!IS_NULL(v) || !IS_NULL(vm->exc))
            return v;
    }
    if (!(type->cflags & CLASS_BUILTIN)) {
        Value ga = class_lookup_cached(vm, type, vm->sn[SN_getattr]);
        if (!IS_NULL(ga)) {
            Value r = call_special(vm, ga, obj, &nm, 1);
            if (IS_NULL(r) && !keep_error && vm_exc_matches(vm, EXC_AttributeError)) {
                vm_exc_take(vm);
                return VNULL;
            }
            return r;
        }
    }
    return VNULL;
}

Value vm_getattr_opt(VM *vm, Value obj, Str *name)
{
    return getattr_impl(vm, obj, name, false);
}

Value vm_getattr(VM *vm, Value obj, Str *name)
{
    Value v = getattr_impl(vm, obj, name, true);
    if (IS_NULL(v) && IS_NULL(vm->exc))
        return attr_error(vm, obj, name);
    return v;
}

Value vm_getattr_cstr(VM *vm, Value obj, const char *name)
{
    return vm_getattr(vm, obj, str_intern(vm, name, strlen(name)));
}

/* obj.__class__ = v: between classes defined in Python whose instances
 * have the same C layout (plain instances, or exceptions). */
static int set_class(VM *vm, Value obj, Value v)
{
    if (!IS_CLASS(v)) {
        vm_raise(vm, EXC_TypeError, "__class__ must be set to a class, not '%s' object", vm_type_name(vm, v));
        return -1;
    }
    Class *from = vm_type_of(vm, obj), *to = AS_CLASS(v);
    if ((from->cflags & CLASS_BUILTIN) || (to->cflags & CLASS_BUILTIN) || !IS_OBJ(obj)) {
        vm_raise(vm, EXC_TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses");
        return -1;
    }
    if (from->inst_kind != to->inst_kind || (from->cflags & CLASS_SLOTS) != (to->cflags & CLASS_SLOTS)) {
        vm_raise(vm, EXC_TypeError, "__class__ assignment: '%s' object layout differs from '%s'",
                 to->name->data, from->name->data);
        return -1;
    }
    obj.as.o->cls = to;
    return 0;
}

/* obj.name = v as object.__setattr__ (type.__setattr__ for a class) does
 * it: a property's setter or a data descriptor's __set__, else the
 * instance's (or class's) dict; no __setattr__ written in Python asked */
int vm_generic_setattr(VM *vm, Value obj, Str *name, Value v)
{
    Class *type = vm_type_of(vm, obj);
    if (IS_CLASS(obj)) {
        if (AS_CLASS(obj)->cflags & CLASS_BUILTIN) {
            vm_raise(vm, EXC_TypeError, "cannot set '%s' attribute of immutable type '%s'", name->data,
                     AS_CLASS(obj)->name->data);
            return -1;
        }
        bool qual = strcmp(name->data, "__qualname__") == 0;
        if (qual || strcmp(name->data, "__name__") == 0) {
            /* what the class's repr and its instances' reprs say */
            if (!IS_STR(v)) {
                vm_raise(vm, EXC_TypeError, "can only assign string to %s.%s, not '%s'",
                         AS_CLASS(obj)->name->data, name->data, vm_type_name(vm, v));
                return -1;
            }
            if (qual)
                AS_CLASS(obj)->qualname = AS_STR(v);
            else
                AS_CLASS(obj)->name = AS_STR(v);
            return 0;
        }
        if (strcmp(name->data, "__module__") == 0 && IS_STR(v))
            AS_CLASS(obj)->module = AS_STR(v);   /* and in the dict, below */
        return dict_set(vm, AS_CLASS(obj)->dict, VOBJ(name), v);
    }
    if (name == vm->sn[SN_class] || (name->data[0] == '_' && strcmp(name->data, "__class__") == 0))
        return set_class(vm, obj, v);
    Value attr = class_lookup_cached(vm, type, name);
    if (IS_KIND(attr, OBJ_WRAPPER) && attr.as.o->flags == WRAP_PROPERTY) {
        Wrapper *w = (Wrapper *)attr.as.o;
        if (IS_NONE(w->b) || IS_NULL(w->b)) {
            property_missing(vm, w, obj, "setter");
            return -1;
        }
        Value args[2] = { obj, v };
        return IS_NULL(vm_call(vm, w->b, args, 2, NULL)) ? -1 : 0;
    }
    Value set = user_descr_method(vm, attr, SN_set);
    if (!IS_NULL(set)) {   /* a data descriptor written in Python */
        Value args[3] = { attr, obj, v };
        return IS_NULL(vm_call(vm, set, args, 3, NULL)) ? -1 : 0;
    }
    if (IS_EXCEPTION(obj)) {
        Exception *e = AS_EXC(obj);
        bool cause = strcmp(name->data, "__cause__") == 0;
        if (cause || strcmp(name->data, "__context__") == 0) {
            if (!IS_NONE(v) && !IS_EXCEPTION(v)) {
                vm_raise(vm, EXC_TypeError, "exception %s must be None or derive from BaseException",
                         cause ? "cause" : "context");
                return -1;
            }
            if (cause) {
                e->cause = exc_or_null(v);
                e->suppress_context = 1;
            } else {
                e->context = exc_or_null(v);
            }
            return 0;
        }
        if (strcmp(name->data, "__suppress_context__") == 0) { e->suppress_context = (uint8_t)vm_truthy(vm, v); return 0; }
        if (strcmp(name->data, "args") == 0) {
            if (IS_TUPLE(v)) { e->args = AS_TUPLE(v); return 0; }
        }
        if (!e->dict)
            e->dict = dict_new(vm);
    }
    if (IS_KIND(obj, OBJ_FUNCTION)) {
        Function *fn = AS_FUNCTION(obj);
        bool qual = strcmp(name->data, "__qualname__") == 0;
        if (qual || strcmp(name->data, "__name__") == 0) {
            /* what reprs and the coroutines it makes are named after */
            if (!IS_STR(v)) {
                vm_raise(vm, EXC_TypeError, "%s must be set to a string object", name->data);
                return -1;
            }
            if (qual)
                fn->qualname = AS_STR(v);
            else
                fn->name = AS_STR(v);
            return 0;
        }
        if (!fn->dict)
            fn->dict = dict_new(vm);
    }
    /* object() itself has no __dict__ (its subclasses' instances do) */
    Dict *d = ((type->cflags & CLASS_SLOTS) && !class_slot_allows(vm, type, name)) || type == TYPE(vm, object) ? NULL
            : instance_dict(vm, obj, true);
    if (!d) {
        vm_raise(vm, EXC_AttributeError, "'%s' object has no attribute '%s'", type->name->data, name->data);
        return -1;
    }
    return dict_set(vm, d, VOBJ(name), v);
}

/* obj.name = v: a __setattr__ written in Python (the metaclass's, for a
 * class) comes first */
int vm_setattr(VM *vm, Value obj, Str *name, Value v)
{
    Class *type = vm_type_of(vm, obj);
    if (!(type->cflags & CLASS_BUILTIN)) {
        Value sa = class_lookup_cached(vm, type, vm->sn[SN_setattr]);
        if (!IS_NULL(sa) && !IS_NATIVE(sa)) {
            Value args[2] = { VOBJ(name), v };
            return IS_NULL(call_special(vm, sa, obj, args, 2)) ? -1 : 0;
        }
    }
    return vm_generic_setattr(vm, obj, name, v);
}

/* del obj.name: a __delattr__ written in Python (the metaclass's, for a
 * class) comes first */
int vm_delattr(VM *vm, Value obj, Str *name)
{
    Class *type = vm_type_of(vm, obj);
    if (!(type->cflags & CLASS_BUILTIN)) {
        Value da = class_lookup_cached(vm, type, vm->sn[SN_delattr]);
        if (!IS_NULL(da) && !IS_NATIVE(da)) {
            Value nm = VOBJ(name);
            return IS_NULL(call_special(vm, da, obj, &nm, 1)) ? -1 : 0;
        }
    }
    return vm_generic_delattr(vm, obj, name);
}

/* del obj.name as object.__delattr__ (type.__delattr__) does it: a
 * property's deleter or a data descriptor's __delete__, else the dict */
int vm_generic_delattr(VM *vm, Value obj, Str *name)
{
    if (IS_CLASS(obj) && (AS_CLASS(obj)->cflags & CLASS_BUILTIN)) {
        vm_raise(vm, EXC_TypeError, "cannot set '%s' attribute of immutable type '%s'", name->data,
                 AS_CLASS(obj)->name->data);
        return -1;
    }
    if (!IS_CLASS(obj)) {
        Value attr = class_lookup_cached(vm, vm_type_of(vm, obj), name);
        if (IS_KIND(attr, OBJ_WRAPPER) && attr.as.o->flags == WRAP_PROPERTY) {
            Wrapper *w = (Wrapper *)attr.as.o;
            if (IS_NONE(w->c) || IS_NULL(w->c)) {
                property_missing(vm, w, obj, "deleter");
                return -1;
            }
            return IS_NULL(vm_call1(vm, w->c, obj)) ? -1 : 0;
        }
        Value del = user_descr_method(vm, attr, SN_delete);
        if (!IS_NULL(del)) {   /* a data descriptor written in Python */
            Value args[2] = { attr, obj };
            return IS_NULL(vm_call(vm, del, args, 2, NULL)) ? -1 : 0;
        }
    }
    Dict *d = IS_CLASS(obj) ? AS_CLASS(obj)->dict : instance_dict(vm, obj, false);
    if (d) {
        int r = dict_del(vm, d, VOBJ(name));
        if (r != 0)
            return r < 0 ? -1 : 0;
    }
    attr_error(vm, obj, name);
    return -1;
}

/* ---- items, length, membership -------------------------------------------------- */

/* A container that behaves as its builtin for special method sn. */
static bool is_builtin_container(VM *vm, Value v, int sn)
{
    if (!IS_OBJ(v) || (!(v.as.o->cls->cflags & CLASS_BUILTIN) && (!is_builtin_subclass(v) || overrides(vm, v, sn))))
        return false;
    switch ((ObjKind)v.as.o->kind) {
    case OBJ_TUPLE: case OBJ_LIST: case OBJ_DICT: case OBJ_SET: case OBJ_RANGE: case OBJ_VIEW:
    case OBJ_DEQUE:
        return true;
    default:
        return false;
    }
}

Value vm_getitem(VM *vm, Value obj, Value key)
{
    if (IS_LIST(obj) && IS_INT(key) && (obj.as.o->cls->cflags & CLASS_BUILTIN)) {
        List *l = AS_LIST(obj);
        int64_t i = key.as.i;
        if (i < 0)
            i += (int64_t)l->len;
        if (i >= 0 && i < (int64_t)l->len)
            return l->items[i];
    }
    if (IS_STR(obj) && !overrides(vm, obj, SN_getitem))
        return str_getitem(vm, AS_STR(obj), key);
    if (is_builtin_container(vm, obj, SN_getitem)) {
        if (IS_DICT(obj) && is_builtin_subclass(obj))
            return subclass_dict_getitem(vm, obj, key);
        return container_getitem(vm, obj, key);
    }
    if (IS_CLASS(obj)) {
        Value cg = class_lookup_cached(vm, AS_CLASS(obj), str_intern(vm, "__class_getitem__", 17));
        if (!IS_NULL(cg))
            return vm_call1(vm, bind_descriptor(vm, cg, VNULL, AS_CLASS(obj)), key);
        if (is_generic_builtin(AS_CLASS(obj))) {
            Value r = types_call(vm, "_alias", obj, key);
            if (!IS_NULL(r) || !IS_NULL(vm->exc))
                return r;
        }
        return vm_raise(vm, EXC_TypeError, "type '%s' is not subscriptable", AS_CLASS(obj)->name->data);
    }
    Value m = vm_lookup_special(vm, obj, vm->sn[SN_getitem]);
    if (!IS_NULL(m))
        return call_special(vm, m, obj, &key, 1);
    return vm_raise(vm, EXC_TypeError, "'%s' object is not subscriptable", vm_type_name(vm, obj));
}

int vm_setitem(VM *vm, Value obj, Value key, Value v)
{
    if (IS_LIST(obj) && IS_INT(key) && (obj.as.o->cls->cflags & CLASS_BUILTIN)) {
        List *l = AS_LIST(obj);
        int64_t i = key.as.i;
        if (i < 0)
            i += (int64_t)l->len;
        if (i >= 0 && i < (int64_t)l->len) {
            l->items[i] = v;
            return 0;
        }
    }
    if (IS_DICT(obj) && (AS_OBJ(obj)->cls->cflags & CLASS_BUILTIN))
        return dict_set(vm, AS_DICT(obj), key, v);
    if (is_builtin_container(vm, obj, SN_setitem))
        return container_setitem(vm, obj, key, v);
    Value m = vm_lookup_special(vm, obj, vm->sn[SN_setitem]);
    if (!IS_NULL(m) && !IS_STR(obj)) {
        Value args[2] = { key, v };
        return IS_NULL(call_special(vm, m, obj, args, 2)) ? -1 : 0;
    }
    vm_raise(vm, EXC_TypeError, "'%s' object does not support item assignment", vm_type_name(vm, obj));
    return -1;
}

int vm_delitem(VM *vm, Value obj, Value key)
{
    if (is_builtin_container(vm, obj, SN_delitem))
        return container_delitem(vm, obj, key);
    Value m = vm_lookup_special(vm, obj, vm->sn[SN_delitem]);
    if (!IS_NULL(m) && !IS_STR(obj))
        return IS_NULL(call_special(vm, m, obj, &key, 1)) ? -1 : 0;
    vm_raise(vm, EXC_TypeError, "'%s' object doesn't support item deletion", vm_type_name(vm, obj));
    return -1;
}

Value vm_len(VM *vm, Value v)
{
    if (IS_STR(v) && !overrides(vm, v, SN_len))
        return VINT((int64_t)AS_STR(v)->ncp);
    if (is_builtin_container(vm, v, SN_len))
        return VINT(container_len(vm, v));
    Value m = vm_lookup_special(vm, v, vm->sn[SN_len]);
    if (!IS_NULL(m) && is_user_instance(v)) {
        Value r = call_special(vm, m, v, NULL, 0);
        if (IS_NULL(r))
            return VNULL;
        if (!num_is_int(r))
            return vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", vm_type_name(vm, r));
        if (IS_BIGINT(r) || r.as.i < 0) {
            if (IS_BIGINT(r) && bi_sign(AS_BIGINT(r)) > 0)
                return vm_raise(vm, EXC_OverflowError, "cannot fit 'int' into an index-sized integer");
            return vm_raise(vm, EXC_ValueError, "__len__() should return >= 0");
        }
        return VINT(r.as.i);
    }
    return vm_raise(vm, EXC_TypeError, "object of type '%s' has no len()", vm_type_name(vm, v));
}

int vm_contains(VM *vm, Value container, Value item)
{
    if (IS_STR(container) && !overrides(vm, container, SN_contains))
        return str_contains(vm, AS_STR(container), item);
    if (is_builtin_container(vm, container, SN_contains))
        return container_contains(vm, container, item);
    Value m = vm_lookup_special(vm, container, vm->sn[SN_contains]);
    if (!IS_NULL(m)) {
        Value r = call_special(vm, m, container, &item, 1);
        if (IS_NULL(r))
            return -1;
        return vm_truthy(vm, r);
    }
    Value it = vm_iter(vm, container);
    if (IS_NULL(it)) {
        if (vm_exc_matches(vm, EXC_TypeError)) {
            vm_exc_take(vm);
            vm_raise(vm, EXC_TypeError, "argument of type '%s' is not iterable", vm_type_name(vm, container));
        }
        return -1;
    }
    vm_push_root(vm, &it);
    int found = 0;
    for (;;) {
        Value x;
        int r = vm_next(vm, it, &x);
        if (r <= 0) {
            found = r;
            break;
        }
        int eq = vm_eq(vm, x, item);
        if (eq != 0) {
            found = eq;
            break;
        }
    }
    vm_pop_root(vm);
    return found;
}

int vm_index(VM *vm, Value v, int64_t *out)
{
    if (v.tag == V_INT || v.tag == V_BOOL) {
        *out = v.as.i;
        return 0;
    }
    if (IS_BIGINT(v)) {
        /* an int subclass's instance may hold a small value */
        if (bi_to_i64(AS_BIGINT(v), out) == BI_OK)
            return 0;
        vm_raise(vm, EXC_IndexError, "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    Value m = vm_lookup_special(vm, v, vm->sn[SN_index]);
    if (!IS_NULL(m) && is_user_instance(v)) {
        Value r = call_special(vm, m, v, NULL, 0);
        if (IS_NULL(r))
            return -1;
        return vm_index(vm, r, out);
    }
    vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", vm_type_name(vm, v));
    return -1;
}
