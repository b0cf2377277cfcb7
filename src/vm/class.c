/*
 * class.c - the builtin classes, class creation (__build_class__), calling a
 * class, and the descriptor wrappers (staticmethod, classmethod, property,
 * super).
 *
 * Bootstrapping: `type`, `object`, `str` and `dict` are needed to build any
 * class (a class has a name and a dict), so types_init makes those four by
 * hand before everything else.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "vm.h"
#include "internal.h"

static Class *raw_class(VM *vm, TypeKind t)
{
    Class *c = vm_alloc_obj(vm, sizeof(Class), OBJ_CLASS, NULL);
    c->cflags = CLASS_BUILTIN;   /* already: the strs made meanwhile are plain strs */
    vm->types[t] = c;
    return c;
}

static void finish_raw(VM *vm, Class *c, const char *name, Class *base, ObjKind k)
{
    c->hdr.cls = TYPE(vm, type);
    c->name = str_intern(vm, name, strlen(name));
    c->qualname = c->name;
    c->module = str_intern(vm, "builtins", 8);
    c->base = base;
    class_set_dict(vm, c, dict_new(vm));
    c->inst_kind = k;
    c->cflags = CLASS_BUILTIN;
    c->depth = base ? base->depth + 1 : 0;
}

void types_init(VM *vm)
{
    Class *type = raw_class(vm, T_type);
    Class *object = raw_class(vm, T_object);
    Class *str = raw_class(vm, T_str);
    Class *dict = raw_class(vm, T_dict);
    type->hdr.cls = object->hdr.cls = str->hdr.cls = dict->hdr.cls = type;
    vm->interned = dict_new(vm);
    vm->empty_str = str_new(vm, "", 0);
    for (int i = 0; i < 128; i++) {
        char ch = (char)i;
        vm->single_chars[i] = str_new(vm, &ch, 1);
    }
    finish_raw(vm, object, "object", NULL, OBJ_INSTANCE);
    finish_raw(vm, type, "type", object, OBJ_CLASS);
    finish_raw(vm, str, "str", object, OBJ_STR);
    finish_raw(vm, dict, "dict", object, OBJ_DICT);

    static const struct { TypeKind t; const char *name; TypeKind base; ObjKind kind; } rest[] = {
        { T_NoneType, "NoneType", T_object, OBJ_INSTANCE },
        { T_int, "int", T_object, OBJ_BIGINT },
        { T_bool, "bool", T_int, OBJ_BIGINT },
        { T_float, "float", T_object, OBJ_INSTANCE },
        { T_tuple, "tuple", T_object, OBJ_TUPLE },
        { T_list, "list", T_object, OBJ_LIST },
        { T_set, "set", T_object, OBJ_SET },
        { T_frozenset, "frozenset", T_object, OBJ_SET },
        { T_range, "range", T_object, OBJ_RANGE },
        { T_slice, "slice", T_object, OBJ_SLICE },
        { T_function, "function", T_object, OBJ_FUNCTION },
        { T_builtin_function_or_method, "builtin_function_or_method", T_object, OBJ_NATIVE },
        { T_method, "method", T_object, OBJ_BOUND_METHOD },
        { T_code, "code", T_object, OBJ_CODE },
        { T_cell, "cell", T_object, OBJ_CELL },
        { T_module, "module", T_object, OBJ_MODULE },
        { T_generator, "generator", T_object, OBJ_GEN },
        { T_coroutine, "coroutine", T_object, OBJ_GEN },
        { T_async_generator, "async_generator", T_object, OBJ_GEN },
        { T_async_generator_asend, "async_generator_asend", T_object, OBJ_NATIVE_DATA },
        { T_async_generator_athrow, "async_generator_athrow", T_object, OBJ_NATIVE_DATA },
        { T_asyncgen_hooks, "asyncgen_hooks", T_tuple, OBJ_TUPLE },
        { T_struct_time, "struct_time", T_tuple, OBJ_TUPLE },
        { T_coroutine_wrapper, "coroutine_wrapper", T_object, OBJ_ITER },
        { T_iterator, "iterator", T_object, OBJ_ITER },
        { T_dict_keys, "dict_keys", T_object, OBJ_VIEW },
        { T_dict_values, "dict_values", T_object, OBJ_VIEW },
        { T_dict_items, "dict_items", T_object, OBJ_VIEW },
        { T_staticmethod, "staticmethod", T_object, OBJ_WRAPPER },
        { T_classmethod, "classmethod", T_object, OBJ_WRAPPER },
        { T_property, "property", T_object, OBJ_WRAPPER },
        { T_super, "super", T_object, OBJ_WRAPPER },
        { T_ellipsis, "ellipsis", T_object, OBJ_INSTANCE },
        { T_NotImplementedType, "NotImplementedType", T_object, OBJ_INSTANCE },
        { T_deque, "deque", T_object, OBJ_DEQUE },
        { T_frame, "frame", T_object, OBJ_NATIVE_DATA },
        { T_bytes, "bytes", T_object, OBJ_NATIVE_DATA },
    };
    for (size_t i = 0; i < sizeof rest / sizeof rest[0]; i++)
        vm->types[rest[i].t] = class_new_builtin(vm, rest[i].name, vm->types[rest[i].base], rest[i].kind);
    /* the objects made before their classes existed */
    for (size_t i = 0; i < vm->nobjects; i++) {
        Obj *o = vm->objects[i];
        if (!o->cls) {
            if (o->kind == OBJ_STR) o->cls = str;
            else if (o->kind == OBJ_DICT) o->cls = dict;
        }
    }
    TYPE(vm, bool)->cflags |= CLASS_FINAL;
    TYPE(vm, NoneType)->cflags |= CLASS_FINAL;
    TYPE(vm, function)->cflags |= CLASS_FINAL;
    TYPE(vm, generator)->cflags |= CLASS_FINAL;
    TYPE(vm, coroutine)->cflags |= CLASS_FINAL;
    TYPE(vm, async_generator)->cflags |= CLASS_FINAL;
    TYPE(vm, async_generator_asend)->cflags |= CLASS_FINAL;
    TYPE(vm, async_generator_athrow)->cflags |= CLASS_FINAL;
    TYPE(vm, asyncgen_hooks)->cflags |= CLASS_FINAL;
    TYPE(vm, struct_time)->cflags |= CLASS_FINAL;
    TYPE(vm, coroutine_wrapper)->cflags |= CLASS_FINAL;
    TYPE(vm, range)->cflags |= CLASS_FINAL;
    TYPE(vm, slice)->cflags |= CLASS_FINAL;
    TYPE(vm, deque)->cflags |= CLASS_FINAL;   /* its instances are not made for subclasses yet */

    vm->empty_tuple = NULL;
    vm->empty_tuple = tuple_new(vm, 0);
#define X(id, text) vm->sn[SN_##id] = str_intern(vm, text, strlen(text));
    SPECIAL_NAMES(X)
#undef X
    vm->ellipsis = VOBJ(vm_alloc_obj(vm, sizeof(Instance), OBJ_INSTANCE, TYPE(vm, ellipsis)));
    vm->not_implemented = VOBJ(vm_alloc_obj(vm, sizeof(Instance), OBJ_INSTANCE, TYPE(vm, NotImplementedType)));
}

/* ---- calling a class --------------------------------------------------------- */

static bool is_object_native(VM *vm, Value m)
{
    return IS_NATIVE(m) && AS_NATIVE(m)->owner == TYPE(vm, object);
}

/* The builtin class whose layout the instances of c use. */
static Class *builtin_base(Class *c)
{
    while (c && !(c->cflags & CLASS_BUILTIN))
        c = c->base;
    return c;
}

/* fn(first, *args, **kw), args holding the positional values and then the
 * values of the keywords kwnames names. */
static Value call_prepended(VM *vm, Value fn, Value first, Value *args, int nargs, Tuple *kwnames)
{
    int n = nargs + (kwnames ? (int)kwnames->len : 0);
    Value buf[17];
    Value *a = buf;
    Value spill = VNULL;
    if (n + 1 > 17) {
        List *l = list_new(vm, (size_t)n + 1);
        l->len = (size_t)n + 1;
        spill = VOBJ(l);
        a = l->items;
    }
    vm_push_root(vm, &first);
    vm_push_root(vm, &spill);
    a[0] = first;
    if (n)
        memcpy(a + 1, args, (size_t)n * sizeof(Value));
    Value r = vm_call(vm, fn, a, nargs + 1, kwnames);
    vm_pop_root(vm);
    vm_pop_root(vm);
    return r;
}

/* c(*args, **kw) as type.__call__ does it: __new__, then __init__. */
static Value class_instantiate(VM *vm, Class *c, Value *args, int nargs, Tuple *kwnames)
{
    int nkw = kwnames ? (int)kwnames->len : 0;
    if (c->cflags & CLASS_BUILTIN) {
        if (c == TYPE(vm, type) && nargs == 1 && nkw == 0)
            return VOBJ(vm_type_of(vm, args[0]));
        if (!c->ctor)
            return vm_raise(vm, EXC_TypeError, "cannot create '%s' instances", c->name->data);
        /* constructors take the class first, so subclasses reuse them */
        Value buf[16];
        Value *a = buf;
        List *spill = NULL;
        if (nargs + nkw + 1 > 16) {
            spill = list_new(vm, (size_t)(nargs + nkw + 1));
            a = spill->items;
        }
        a[0] = VOBJ(c);
        if (nargs + nkw)
            memcpy(a + 1, args, (size_t)(nargs + nkw) * sizeof(Value));
        return c->ctor(vm, a, nargs + 1, kwnames);
    }

    Class *base = builtin_base(c);
    Value self;
    Value newm = class_lookup_cached(vm, c, vm->sn[SN_new]);
    if (!IS_NULL(newm) && IS_KIND(newm, OBJ_WRAPPER))
        newm = AS_OBJ(newm)->flags == WRAP_STATICMETHOD ? ((Wrapper *)AS_OBJ(newm))->a : newm;
    if (!IS_NULL(newm) && IS_FUNCTION(newm)) {
        self = call_prepended(vm, newm, VOBJ(c), args, nargs, kwnames);
        if (IS_NULL(self))
            return VNULL;
        if (!vm_isinstance(vm, self, c))
            return self;
    } else if (base->inst_kind == OBJ_EXCEPTION) {
        self = exc_new(vm, c, tuple_from(vm, args, (size_t)nargs));
    } else if (base == TYPE(vm, object)) {
        Instance *inst = vm_alloc_obj(vm, sizeof(Instance), OBJ_INSTANCE, c);
        inst->dict = dict_new(vm);
        self = VOBJ(inst);
    } else if (base == TYPE(vm, type)) {   /* a metaclass: type.__new__ */
        if (nargs != 3)
            return vm_raise(vm, EXC_TypeError, "type.__new__() takes exactly 3 arguments (%d given)", nargs);
        self = class_from_type_call(vm, c, args, kwnames);
        if (IS_NULL(self))
            return VNULL;
    } else {
        self = subclass_new(vm, c, base, args, nargs, kwnames);
        if (IS_NULL(self))
            return VNULL;
    }

    Value init = class_lookup_cached(vm, c, vm->sn[SN_init]);
    if (!IS_NULL(init) && !is_object_native(vm, init)) {
        vm_push_root(vm, &self);
        Value r = call_prepended(vm, init, self, args, nargs, kwnames);
        vm_pop_root(vm);
        if (IS_NULL(r))
            return VNULL;
        if (!IS_NONE(r))
            return vm_raise(vm, EXC_TypeError, "__init__() should return None, not '%s'", vm_type_name(vm, r));
    } else if ((nargs > 0 || nkw > 0) && base->inst_kind != OBJ_EXCEPTION && IS_NULL(newm)) {
        return vm_raise(vm, EXC_TypeError, "%s() takes no arguments", c->name->data);
    }
    return self;
}

/* Calling a class: its metaclass's __call__ when one is written in Python
 * (a singleton's), else type.__call__. */
Value class_call(VM *vm, Class *c, Value *args, int nargs, Tuple *kwnames)
{
    Class *meta = c->hdr.cls;
    if (!(meta->cflags & CLASS_BUILTIN)) {
        Value call = class_lookup_cached(vm, meta, vm->sn[SN_call]);
        if (IS_FUNCTION(call))
            return call_prepended(vm, call, VOBJ(c), args, nargs, kwnames);
    }
    return class_instantiate(vm, c, args, nargs, kwnames);
}

Tuple *class_mro(VM *vm, Class *c)
{
    if (!c->mro) {
        size_t n = 0;
        for (Class *k = c; k; k = k->base)
            n++;
        Tuple *t = tuple_new(vm, n);
        n = 0;
        for (Class *k = c; k; k = k->base)
            t->items[n++] = VOBJ(k);
        c->mro = t;
    }
    return c->mro;
}

Tuple *class_bases(VM *vm, Class *c)
{
    if (c->bases)
        return c->bases;
    Value b = c->base ? VOBJ(c->base) : VNULL;
    return tuple_from(vm, &b, c->base ? 1 : 0);
}

static bool in_tail(Tuple *seq, size_t start, Value v)
{
    for (size_t i = start + 1; i < seq->len; i++)
        if (AS_OBJ(seq->items[i]) == AS_OBJ(v))
            return true;
    return false;
}

/* C3 linearization of (c, *bases), as Python's MRO. NULL after raising. */
static Tuple *c3_mro(VM *vm, Class *c, Tuple *bases)
{
    size_t nseq = bases->len + 1;
    Tuple **seqs = calloc(nseq, sizeof(Tuple *));
    size_t *heads = calloc(nseq, sizeof(size_t));
    if (!seqs || !heads)
        abort();
    for (size_t i = 0; i < bases->len; i++)
        seqs[i] = class_mro(vm, AS_CLASS(bases->items[i]));
    seqs[bases->len] = bases;
    List *out = list_new(vm, 8);
    list_append(vm, out, VOBJ(c));
    Tuple *result = NULL;
    for (;;) {
        bool any = false;
        Value pick = VNULL;
        for (size_t i = 0; i < nseq; i++) {
            if (heads[i] >= seqs[i]->len)
                continue;
            any = true;
            Value cand = seqs[i]->items[heads[i]];
            bool blocked = false;
            for (size_t j = 0; j < nseq && !blocked; j++)
                if (heads[j] < seqs[j]->len && in_tail(seqs[j], heads[j], cand))
                    blocked = true;
            if (!blocked) {
                pick = cand;
                break;
            }
        }
        if (!any) {
            result = tuple_from(vm, out->items, out->len);
            break;
        }
        if (IS_NULL(pick)) {
            char names[512];
            size_t used = 0;
            names[0] = '\0';
            for (size_t i = 0; i < nseq - 1; i++) {
                if (heads[i] >= seqs[i]->len)
                    continue;
                Class *h = AS_CLASS(seqs[i]->items[heads[i]]);
                bool dup = false;
                for (size_t k = 0; k < i; k++)
                    if (heads[k] < seqs[k]->len && AS_OBJ(seqs[k]->items[heads[k]]) == (Obj *)h)
                        dup = true;
                if (dup)
                    continue;
                int w = snprintf(names + used, sizeof names - used, "%s%s", used ? ", " : "", h->name->data);
                if (w > 0 && (size_t)w < sizeof names - used)
                    used += (size_t)w;
            }
            vm_raise(vm, EXC_TypeError, "Cannot create a consistent method resolution\norder (MRO) for bases %s", names);
            break;
        }
        list_append(vm, out, pick);
        for (size_t i = 0; i < nseq; i++)
            if (heads[i] < seqs[i]->len && AS_OBJ(seqs[i]->items[heads[i]]) == AS_OBJ(pick))
                heads[i]++;
    }
    free(seqs);
    free(heads);
    return result;
}

void class_set_dict(VM *vm, Class *c, Dict *ns)
{
    ns->hdr.flags |= DICT_CLASS_NS;
    c->dict = ns;
    vm->class_epoch++;
}

/* Gives c the bases and linearized MRO; sets base to the one whose layout
 * its instances use. Returns -1 after raising. */
int class_set_bases(VM *vm, Class *c, Tuple *bases)
{
    vm->class_epoch++;   /* a new MRO */
    Class *solid = NULL;
    for (size_t i = 0; i < bases->len; i++) {
        Class *b = AS_CLASS(bases->items[i]);
        if (builtin_base(b) != TYPE(vm, object) && !solid)
            solid = b;
    }
    if (!solid)
        solid = AS_CLASS(bases->items[0]);
    for (size_t i = 0; i < bases->len; i++) {
        Class *b = AS_CLASS(bases->items[i]);
        Class *bb = builtin_base(b);
        if (bb != TYPE(vm, object) && bb->inst_kind != builtin_base(solid)->inst_kind) {
            vm_raise(vm, EXC_TypeError, "multiple bases have instance lay-out conflict");
            return -1;
        }
        for (size_t j = 0; j < i; j++)
            if (AS_OBJ(bases->items[j]) == (Obj *)b) {
                vm_raise(vm, EXC_TypeError, "duplicate base class %s", b->name->data);
                return -1;
            }
    }
    c->base = solid;
    c->depth = solid->depth + 1;
    c->bases = bases;
    if (bases->len == 1 && !(solid->cflags & CLASS_MI)) {
        c->mro = NULL;
        return 0;
    }
    Tuple *mro = c3_mro(vm, c, bases);
    if (!mro)
        return -1;
    c->mro = mro;
    c->cflags |= CLASS_MI;
    for (size_t i = 0; i < mro->len; i++)
        c->cflags |= AS_CLASS(mro->items[i])->cflags & CLASS_EXCEPTION;
    return 0;
}

static Value wrapper_new(VM *vm, Class *cls, int kind, Value a);

/* What type.__new__ does once the class exists: __init_subclass__ and
 * __class_getitem__ are class methods without saying so; each attribute
 * whose type has __set_name__ learns its owner and name; then the nearest
 * base's __init_subclass__ runs with the class's keywords (object's takes
 * none). */
static Value finish_class(VM *vm, Class *c, Value *kw, Tuple *kwnames)
{
    Value cv = VOBJ(c);
    vm_push_root(vm, &cv);
    static const char *const implicit[] = { "__init_subclass__", "__class_getitem__" };
    for (int i = 0; i < 2; i++) {
        Value f = dict_get_str(c->dict, str_intern(vm, implicit[i], strlen(implicit[i])));
        if (IS_FUNCTION(f))
            dict_set_str(vm, c->dict, implicit[i], wrapper_new(vm, TYPE(vm, classmethod), WRAP_CLASSMETHOD, f));
    }
    /* a property learns its name in the class body that defines it (what
     * its "has no setter" errors say; one assigned later stays nameless) */
    for (size_t i = 0; i < c->dict->nentries; i++) {
        Value v = c->dict->entries[i].value;
        if (IS_KIND(v, OBJ_WRAPPER) && AS_OBJ(v)->flags == WRAP_PROPERTY)
            ((Wrapper *)AS_OBJ(v))->name = c->dict->entries[i].key;
    }
    Str *set_name = str_intern(vm, "__set_name__", 12);
    List *items = list_new(vm, 0);
    Value itemsv = VOBJ(items);
    vm_push_root(vm, &itemsv);
    for (size_t i = 0; i < c->dict->nentries; i++) {
        Value v = c->dict->entries[i].value;
        if (IS_NULL(v) || !IS_KIND(v, OBJ_INSTANCE) || IS_NULL(vm_lookup_special(vm, v, set_name)))
            continue;
        list_append(vm, items, c->dict->entries[i].key);
        list_append(vm, items, v);
    }
    for (size_t i = 0; i + 1 < items->len; i += 2) {
        Value a[3] = { items->items[i + 1], cv, items->items[i] };
        Value r = vm_call(vm, vm_lookup_special(vm, a[0], set_name), a, 3, NULL);
        if (IS_NULL(r)) {
            vm_pop_root(vm);
            vm_pop_root(vm);
            return VNULL;
        }
    }
    vm_pop_root(vm);
    Str *isc = str_intern(vm, "__init_subclass__", 17);
    Tuple *mro = class_mro(vm, c);
    Value hook = VNULL;
    for (size_t i = 1; i < mro->len && IS_NULL(hook); i++)
        hook = dict_get_str(AS_CLASS(mro->items[i])->dict, isc);
    if (IS_KIND(hook, OBJ_WRAPPER) && AS_OBJ(hook)->flags == WRAP_CLASSMETHOD)
        hook = ((Wrapper *)AS_OBJ(hook))->a;
    size_t nkw = kwnames ? kwnames->len : 0;
    Value r = VNONE;
    if (IS_FUNCTION(hook) || IS_NATIVE(hook)) {
        Value a[17];
        if (nkw > 16) {
            vm_pop_root(vm);
            return vm_raise(vm, EXC_TypeError, "too many class keyword arguments");
        }
        a[0] = cv;
        memcpy(a + 1, kw, nkw * sizeof(Value));
        r = vm_call(vm, hook, a, 1, nkw ? kwnames : NULL);
    }
    vm_pop_root(vm);
    return IS_NULL(r) ? VNULL : cv;
}

/* The bases a class statement or type() names, checked: classes, none
 * final, none a builtin loopscope cannot subclass (subclass.c says which
 * it can). NULL after raising. */
static Tuple *checked_bases(VM *vm, Value *items, size_t n)
{
    Value object = VOBJ(TYPE(vm, object));
    if (n == 0) {
        items = &object;
        n = 1;
    }
    for (size_t i = 0; i < n; i++) {
        Value b = items[i];
        if (!IS_CLASS(b)) {
            vm_raise(vm, EXC_TypeError, "bases must be types");
            return NULL;
        }
        Class *bc = AS_CLASS(b);
        if (bc->cflags & CLASS_FINAL) {
            vm_raise(vm, EXC_TypeError, "type '%s' is not an acceptable base type", bc->name->data);
            return NULL;
        }
        Class *bb = builtin_base(bc);
        if (bb != TYPE(vm, object) && bb != TYPE(vm, type) && bb->inst_kind != OBJ_EXCEPTION &&
            !subclass_layout_ok(vm, bb)) {
            vm_raise(vm, EXC_TypeError, "loopscope cannot subclass the builtin type '%s'", bb->name->data);
            return NULL;
        }
    }
    return tuple_from(vm, items, n);
}

/* Does __slots__ (a name or an iterable of names) list `name`? With
 * name NULL: does it list '__dict__'? Anything else than strs: no. */
static bool slots_list(Value slots, const char *name)
{
    const char *want = name ? name : "__dict__";
    if (IS_STR(slots))
        return strcmp(AS_STR(slots)->data, want) == 0;
    const Value *items;
    size_t n;
    if (IS_TUPLE(slots)) {
        items = AS_TUPLE(slots)->items;
        n = AS_TUPLE(slots)->len;
    } else if (IS_LIST(slots)) {
        items = AS_LIST(slots)->items;
        n = AS_LIST(slots)->len;
    } else {
        return false;
    }
    for (size_t i = 0; i < n; i++)
        if (IS_STR(items[i]) && strcmp(AS_STR(items[i])->data, want) == 0)
            return true;
    return false;
}

/* Are c's instances limited to the names its classes' __slots__ list:
 * every class of the MRO but object defines __slots__, none '__dict__'. */
static bool slots_only(VM *vm, Class *c)
{
    Tuple *mro = class_mro(vm, c);
    for (size_t i = 0; i < mro->len; i++) {
        Class *k = AS_CLASS(mro->items[i]);
        if (k == TYPE(vm, object) || subclass_layout_ok(vm, k))
            continue;
        Value slots = dict_get_str(k->dict, vm->sn[SN_slots]);
        if (IS_NULL(slots) || slots_list(slots, NULL))
            return false;
    }
    return true;
}

bool class_slot_allows(VM *vm, Class *c, Str *name)
{
    Tuple *mro = class_mro(vm, c);
    for (size_t i = 0; i < mro->len; i++) {
        Value slots = dict_get_str(AS_CLASS(mro->items[i])->dict, vm->sn[SN_slots]);
        if (!IS_NULL(slots) && slots_list(slots, name->data))
            return true;
    }
    return false;
}

/* A new class named `name` with these bases and metaclass, taking ns as
 * its namespace (a class body's, or type()'s copy of its third argument);
 * kw are the class keywords for __init_subclass__. */
static Value class_from_namespace(VM *vm, Class *meta, Str *name, Tuple *bases, Dict *ns, Value *kw,
                                  Tuple *kwnames)
{
    Value basesv = VOBJ(bases), nsv = VOBJ(ns);
    vm_push_root(vm, &basesv);
    vm_push_root(vm, &nsv);
    Class *c = vm_alloc_obj(vm, sizeof(Class), OBJ_CLASS, meta);
    c->name = name;
    class_set_dict(vm, c, ns);
    Value cv = VOBJ(c);
    vm_push_root(vm, &cv);
    Value q = dict_get_str(ns, vm->sn[SN_qualname]);
    c->qualname = IS_STR(q) ? AS_STR(q) : name;
    if (IS_STR(q))
        dict_del(vm, ns, VOBJ(vm->sn[SN_qualname]));
    Value m = dict_get_str(ns, vm->sn[SN_module]);
    c->module = IS_STR(m) ? AS_STR(m) : vm->sn[SN_main];
    int ok = class_set_bases(vm, c, bases);
    vm_pop_root(vm);
    vm_pop_root(vm);
    vm_pop_root(vm);
    if (ok < 0)
        return VNULL;
    c->inst_kind = builtin_base(c->base)->inst_kind;
    c->cflags |= c->base->cflags & CLASS_EXCEPTION;
    if (c->inst_kind != OBJ_EXCEPTION && slots_only(vm, c))
        c->cflags |= CLASS_SLOTS;
    if (IS_NULL(dict_get_str(ns, vm->sn[SN_doc])))
        dict_set(vm, ns, VOBJ(vm->sn[SN_doc]), VNONE);
    /* defining __eq__ without __hash__ makes instances unhashable */
    if (!IS_NULL(dict_get_str(ns, vm->sn[SN_eq])) && IS_NULL(dict_get_str(ns, vm->sn[SN_hash])))
        dict_set(vm, ns, VOBJ(vm->sn[SN_hash]), VNONE);
    /* functions defined in the body learn their class, for super() */
    for (size_t i = 0; i < ns->nentries; i++) {
        Value v = ns->entries[i].value;
        if (IS_KIND(v, OBJ_WRAPPER)) {
            Wrapper *w = (Wrapper *)AS_OBJ(v);
            if (IS_FUNCTION(w->a)) AS_FUNCTION(w->a)->owner = c;
            if (IS_FUNCTION(w->b)) AS_FUNCTION(w->b)->owner = c;
            continue;
        }
        if (IS_FUNCTION(v))
            AS_FUNCTION(v)->owner = c;
    }
    return finish_class(vm, c, kw, kwnames);
}

/* The most derived of meta and the bases' metaclasses, as CPython picks
 * it; NULL after raising when they are not in one line. */
static Class *winner_metaclass(VM *vm, Class *meta, Tuple *bases)
{
    Class *winner = meta;
    for (size_t i = 0; i < bases->len; i++) {
        Class *t = AS_OBJ(bases->items[i])->cls;
        if (vm_is_subclass(winner, t))
            continue;
        if (vm_is_subclass(t, winner)) {
            winner = t;
            continue;
        }
        vm_raise(vm, EXC_TypeError, "metaclass conflict: the metaclass of a derived class must be a "
                                    "(non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

/* Does metaclass m make its classes with a __new__ or an __init__ written
 * in Python? (Otherwise making one is type's work, done directly.) */
static bool python_metaclass(VM *vm, Class *m)
{
    if (m->cflags & CLASS_BUILTIN)
        return false;
    Value n = class_lookup_cached(vm, m, vm->sn[SN_new]);
    if (IS_KIND(n, OBJ_WRAPPER))
        n = ((Wrapper *)AS_OBJ(n))->a;
    return IS_FUNCTION(n) || IS_FUNCTION(class_lookup_cached(vm, m, vm->sn[SN_init]));
}

/* __build_class__(body, name, *bases, **kw): the body fills a namespace,
 * then the metaclass (metaclass=, or the bases') makes the class from it;
 * the other keywords go to the metaclass and on to __init_subclass__. */
Value build_class(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (nargs < 2 || !IS_FUNCTION(args[0]) || !IS_STR(args[1]))
        return vm_raise(vm, EXC_TypeError, "__build_class__: bad arguments");
    size_t nall = kwnames ? kwnames->len : 0, nkw = 0;
    if (nall > 16)
        return vm_raise(vm, EXC_TypeError, "too many class keyword arguments");
    Value meta = VOBJ(TYPE(vm, type));
    Value call[3 + 16], names[16];
    for (size_t i = 0; i < nall; i++) {
        if (strcmp(AS_STR(kwnames->items[i])->data, "metaclass") == 0) {
            meta = args[nargs + i];
            continue;
        }
        names[nkw] = kwnames->items[i];
        call[3 + nkw++] = args[nargs + i];
    }
    Value kwn = nkw ? VOBJ(tuple_from(vm, names, nkw)) : VNULL;
    vm_push_root(vm, &kwn);
    Function *body = AS_FUNCTION(args[0]);
    Str *name = AS_STR(args[1]);
    Tuple *bases = checked_bases(vm, args + 2, (size_t)(nargs - 2));
    Class *winner = bases && IS_CLASS(meta) ? winner_metaclass(vm, AS_CLASS(meta), bases) : NULL;
    if (!bases || (IS_CLASS(meta) && !winner)) {
        vm_pop_root(vm);
        return VNULL;
    }
    Value basesv = VOBJ(bases);
    vm_push_root(vm, &basesv);
    Dict *ns = dict_new(vm);
    Value nsv = VOBJ(ns);
    vm_push_root(vm, &nsv);
    Frame *f = frame_new(vm, body, ns);
    Value result;
    ExecStatus st = vm_execute(vm, f, &result);
    Value r = VNULL;
    Tuple *kwt = nkw ? AS_TUPLE(kwn) : NULL;
    if (st == EXEC_RETURN && winner && !python_metaclass(vm, winner)) {
        r = class_from_namespace(vm, winner, name, bases, ns, call + 3, kwt);
    } else if (st == EXEC_RETURN) {
        call[0] = VOBJ(name);
        call[1] = VOBJ(tuple_from(vm, args + 2, (size_t)(nargs - 2)));   /* () stays () */
        call[2] = nsv;
        r = vm_call(vm, winner ? VOBJ(winner) : meta, call, 3, kwt);
    }
    vm_pop_root(vm);
    vm_pop_root(vm);
    vm_pop_root(vm);
    return r;
}

/* type(name, bases, dict, **kw): a class made as a class statement makes
 * it, from a copy of dict; __module__ is the calling module's name. */
Value class_from_type_call(VM *vm, Class *meta, Value *args, Tuple *kwnames)
{
    Value name = args[0], bases = args[1], dict = args[2];
    if (!IS_STR(name))
        return vm_raise(vm, EXC_TypeError, "type.__new__() argument 1 must be str, not %s", vm_type_name(vm, name));
    if (!IS_TUPLE(bases))
        return vm_raise(vm, EXC_TypeError, "type.__new__() argument 2 must be tuple, not %s", vm_type_name(vm, bases));
    if (!IS_DICT(dict))
        return vm_raise(vm, EXC_TypeError, "type.__new__() argument 3 must be dict, not %s", vm_type_name(vm, dict));
    Tuple *checked = checked_bases(vm, AS_TUPLE(bases)->items, AS_TUPLE(bases)->len);
    if (!checked || !(meta = winner_metaclass(vm, meta, checked)))
        return VNULL;
    Value checkedv = VOBJ(checked);
    vm_push_root(vm, &checkedv);
    Dict *ns = dict_copy(vm, AS_DICT(dict));
    Value nsv = VOBJ(ns);
    vm_push_root(vm, &nsv);
    if (IS_NULL(dict_get_str(ns, vm->sn[SN_module])) && vm->frame) {
        Value modname = dict_get_str(frame_globals(vm->frame), vm->sn[SN_name]);
        if (IS_STR(modname))
            dict_set(vm, ns, VOBJ(vm->sn[SN_module]), modname);
    }
    Value r = class_from_namespace(vm, meta, AS_STR(name), checked, ns, args + 3, kwnames);
    vm_pop_root(vm);
    vm_pop_root(vm);
    return r;
}

/* ---- natives on object, type and the wrappers ------------------------------- */

static Value object_init(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)vm; (void)args; (void)nargs; (void)kwnames;
    return VNONE;
}

static Value object_repr(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)nargs; (void)kwnames;
    Class *c = vm_type_of(vm, args[0]);
    if (!IS_OBJ(args[0]))
        return VOBJ(vm_repr(vm, args[0]));
    if (c->module && strcmp(c->module->data, "builtins") != 0)
        return VOBJ(str_printf(vm, "<%s.%s object at 0x%llx>", c->module->data, c->qualname->data,
                               (unsigned long long)vm_obj_address(vm, args[0].as.o)));
    return VOBJ(str_printf(vm, "<%s object at 0x%llx>", c->qualname->data,
                           (unsigned long long)vm_obj_address(vm, args[0].as.o)));
}

static Value object_str(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)nargs; (void)kwnames;
    Str *s = vm_repr(vm, args[0]);
    return s ? VOBJ(s) : VNULL;
}

static Value object_eq(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)nargs; (void)kwnames;
    if (IS_OBJ(args[0]) && IS_OBJ(args[1]) && args[0].as.o == args[1].as.o)
        return VBOOL(true);
    return vm->not_implemented;
}

static Value object_ne(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)nargs; (void)kwnames;
    int r = vm_eq(vm, args[0], args[1]);
    return r < 0 ? VNULL : VBOOL(!r);
}

static Value object_hash(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)nargs; (void)kwnames;
    int64_t h;
    if (vm_hash(vm, args[0], &h) < 0)
        return VNULL;
    return VINT(h);
}

/* object.__setattr__ / __getattribute__ / __delattr__: the generic
 * behaviour, for classes that override these and call up. */
static Value object_setattr(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "__setattr__", nargs, kwnames, 3, 3) < 0)
        return VNULL;
    if (!IS_STR(args[1]))
        return vm_raise(vm, EXC_TypeError, "attribute name must be string, not '%s'", vm_type_name(vm, args[1]));
    return vm_generic_setattr(vm, args[0], AS_STR(args[1]), args[2]) < 0 ? VNULL : VNONE;
}

static Value object_getattribute(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "__getattribute__", nargs, kwnames, 2, 2) < 0)
        return VNULL;
    if (!IS_STR(args[1]))
        return vm_raise(vm, EXC_TypeError, "attribute name must be string, not '%s'", vm_type_name(vm, args[1]));
    return vm_generic_getattr(vm, args[0], AS_STR(args[1]));
}

static Value object_delattr(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "__delattr__", nargs, kwnames, 2, 2) < 0)
        return VNULL;
    if (!IS_STR(args[1]))
        return vm_raise(vm, EXC_TypeError, "attribute name must be string, not '%s'", vm_type_name(vm, args[1]));
    return vm_generic_delattr(vm, args[0], AS_STR(args[1])) < 0 ? VNULL : VNONE;
}

static Value object_ctor(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)kwnames;
    if (nargs > 1)
        return vm_raise(vm, EXC_TypeError, "object() takes no arguments");
    Instance *inst = vm_alloc_obj(vm, sizeof(Instance), OBJ_INSTANCE, AS_CLASS(args[0]));
    inst->dict = dict_new(vm);
    return VOBJ(inst);
}

static Value object_new(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)nargs; (void)kwnames;
    if (nargs < 1 || !IS_CLASS(args[0]))
        return vm_raise(vm, EXC_TypeError, "object.__new__(X): X is not a type object");
    Class *c = AS_CLASS(args[0]);
    Class *bb = builtin_base(c);
    if (bb->inst_kind == OBJ_EXCEPTION)
        return exc_new(vm, c, tuple_from(vm, args + 1, (size_t)(nargs - 1)));
    Instance *inst = vm_alloc_obj(vm, sizeof(Instance), OBJ_INSTANCE, c);
    inst->dict = dict_new(vm);
    return VOBJ(inst);
}

static Value wrapper_new(VM *vm, Class *cls, int kind, Value a)
{
    Wrapper *w = vm_alloc_obj(vm, sizeof(Wrapper), OBJ_WRAPPER, cls);
    w->hdr.flags = (uint16_t)kind;
    w->a = a;
    w->b = w->c = w->d = VNONE;
    w->name = VNULL;
    return VOBJ(w);
}

Value class_staticmethod(VM *vm, Value fn)
{
    return wrapper_new(vm, TYPE(vm, staticmethod), WRAP_STATICMETHOD, fn);
}

static Value staticmethod_ctor(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "staticmethod", nargs - 1, kwnames, 1, 1) < 0)
        return VNULL;
    return wrapper_new(vm, TYPE(vm, staticmethod), WRAP_STATICMETHOD, args[1]);
}

static Value classmethod_ctor(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "classmethod", nargs - 1, kwnames, 1, 1) < 0)
        return VNULL;
    return wrapper_new(vm, TYPE(vm, classmethod), WRAP_CLASSMETHOD, args[1]);
}

static Value property_ctor(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    static const char *const params[] = { "fget", "fset", "fdel", "doc", NULL };
    Value out[4];
    if (vm_bind_args(vm, "property", args + 1, nargs - 1, kwnames, params, 0, 4, out) < 0)
        return VNULL;
    Value w = wrapper_new(vm, TYPE(vm, property), WRAP_PROPERTY, IS_NULL(out[0]) ? VNONE : out[0]);
    Wrapper *p = (Wrapper *)AS_OBJ(w);
    p->b = IS_NULL(out[1]) ? VNONE : out[1];
    p->c = IS_NULL(out[2]) ? VNONE : out[2];
    p->d = IS_NULL(out[3]) ? VNONE : out[3];
    if (IS_NONE(p->d) && IS_FUNCTION(p->a))
        p->d = AS_FUNCTION(p->a)->doc;
    return w;
}

static Value property_with(VM *vm, Value *args, int nargs, int slot)
{
    if (nargs != 2)
        return vm_raise(vm, EXC_TypeError, "expected 1 argument");
    Wrapper *old = (Wrapper *)AS_OBJ(args[0]);
    Value w = wrapper_new(vm, TYPE(vm, property), WRAP_PROPERTY, old->a);
    Wrapper *p = (Wrapper *)AS_OBJ(w);
    p->b = old->b;
    p->c = old->c;
    p->d = old->d;
    p->name = old->name;
    if (slot == 0) p->a = args[1];
    if (slot == 1) p->b = args[1];
    if (slot == 2) p->c = args[1];
    return w;
}

static Value property_getter(VM *vm, Value *a, int n, Tuple *k) { (void)k; return property_with(vm, a, n, 0); }
static Value property_setter(VM *vm, Value *a, int n, Tuple *k) { (void)k; return property_with(vm, a, n, 1); }
static Value property_deleter(VM *vm, Value *a, int n, Tuple *k) { (void)k; return property_with(vm, a, n, 2); }

/* super() with no arguments finds the class whose body defined the running
 * function and that function's first argument. */
static Value super_ctor(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)kwnames;
    Value cls, obj;
    if (nargs == 3) {
        cls = args[1];
        obj = args[2];
    } else if (nargs == 1) {
        Frame *f = vm->frame;
        while (f && f->code->proto->flags & PROTO_COMPREHENSION)
            f = f->parent;
        if (!f || !f->fn || !f->fn->owner)
            return vm_raise(vm, EXC_RuntimeError, "super(): __class__ cell not found");
        if (f->code->proto->argcount == 0 || IS_NULL(frame_locals(f)[0]))
            return vm_raise(vm, EXC_RuntimeError, "super(): no arguments");
        cls = VOBJ(f->fn->owner);
        obj = frame_locals(f)[0];
        if (IS_KIND(obj, OBJ_CELL))
            obj = ((Cell *)AS_OBJ(obj))->v;
    } else {
        return vm_raise(vm, EXC_TypeError, "super() takes 0 or 2 arguments");
    }
    if (!IS_CLASS(cls))
        return vm_raise(vm, EXC_TypeError, "super() argument 1 must be a type, not %s", vm_type_name(vm, cls));
    Value w = wrapper_new(vm, TYPE(vm, super), WRAP_SUPER, cls);
    ((Wrapper *)AS_OBJ(w))->b = obj;
    return w;
}

static Value type_ctor(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)kwnames;
    if (nargs == 2)
        return VOBJ(vm_type_of(vm, args[1]));
    return vm_raise(vm, EXC_TypeError, "type() takes 1 or 3 arguments (3-argument type() is not supported by loopscope)");
}


/* type.__new__(meta, name, bases, namespace, **kw): what a metaclass's
 * __new__ calls through super() */
static Value type_new_method(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (nargs < 1 || !IS_CLASS(args[0]) || !vm_is_subclass(AS_CLASS(args[0]), TYPE(vm, type)))
        return vm_raise(vm, EXC_TypeError, "type.__new__(X): X is not a type object (%s)",
                        nargs ? vm_type_name(vm, args[0]) : "nothing");
    if (nargs != 4)
        return vm_raise(vm, EXC_TypeError, "type.__new__() takes exactly 3 arguments (%d given)", nargs - 1);
    return class_from_type_call(vm, AS_CLASS(args[0]), args + 1, kwnames);
}

/* type.__call__(cls, *args, **kw): what a metaclass's __call__ calls
 * through super() to make the instance */
static Value type_call_method(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (nargs < 1 || !IS_CLASS(args[0]))
        return vm_raise(vm, EXC_TypeError, "descriptor '__call__' requires a 'type' object");
    return class_instantiate(vm, AS_CLASS(args[0]), args + 1, nargs - 1, kwnames);
}

/* A method of type's that takes nothing but the class: 0, or -1 raised
 * with CPython's messages */
static int type_method_args(VM *vm, const char *name, Value *args, int nargs, Tuple *kwnames)
{
    if (nargs < 1 || !IS_CLASS(args[0])) {
        vm_raise(vm, EXC_TypeError, "unbound method type.%s() needs an argument", name);
        return -1;
    }
    int extra = nargs - 1 + (kwnames ? (int)kwnames->len : 0);
    if (extra > 0) {
        vm_raise(vm, EXC_TypeError, "%s.%s() takes no arguments (%d given)", AS_CLASS(args[0])->name->data, name,
                 extra);
        return -1;
    }
    return 0;
}

/* Does k name c among its bases (its __bases__)? */
static bool names_base(const Class *k, const Class *c)
{
    if (!k->bases)
        return k->base == c;
    for (size_t i = 0; i < k->bases->len; i++)
        if (AS_OBJ(k->bases->items[i]) == (const Obj *)c)
            return true;
    return false;
}

/* cls.__subclasses__(): the classes that name cls among their bases,
 * oldest first, found among the heap's objects (CPython keeps weak
 * references to them; a class nothing uses any more can be listed here
 * until the next collection frees it) */
static Value type_subclasses(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (type_method_args(vm, "__subclasses__", args, nargs, kwnames) < 0)
        return VNULL;
    const Class *c = AS_CLASS(args[0]);
    List *out = list_new(vm, 0);
    Value ov = VOBJ(out);
    vm_push_root(vm, &ov);
    for (size_t i = 0; i < vm->nobjects; i++) {
        Obj *o = vm->objects[i];
        if (o->kind == OBJ_CLASS && names_base((const Class *)o, c) && list_append(vm, out, VOBJ(o)) < 0) {
            vm_pop_root(vm);
            return VNULL;
        }
    }
    vm_pop_root(vm);
    return ov;
}

/* cls.mro(): the method resolution order, as a list */
static Value type_mro(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (type_method_args(vm, "mro", args, nargs, kwnames) < 0)
        return VNULL;
    Tuple *mro = class_mro(vm, AS_CLASS(args[0]));
    List *l = list_new(vm, mro->len);
    memcpy(l->items, mro->items, mro->len * sizeof(Value));
    l->len = mro->len;
    return VOBJ(l);
}

/* object.__init_subclass__(cls): takes no keywords */
static Value object_init_subclass(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (kwnames && kwnames->len)
        return vm_raise(vm, EXC_TypeError, "%s.__init_subclass__() takes no keyword arguments",
                        nargs > 0 && IS_CLASS(args[0]) ? AS_CLASS(args[0])->name->data : "object");
    if (nargs != 1)
        return vm_raise(vm, EXC_TypeError, "%s.__init_subclass__() takes no arguments (%d given)",
                        nargs > 0 && IS_CLASS(args[0]) ? AS_CLASS(args[0])->name->data : "object", nargs - 1);
    return VNONE;
}

void class_methods_init(VM *vm)
{
    Class *object = TYPE(vm, object);
    object->ctor = object_ctor;
    class_add_method(vm, object, "__init__", object_init);
    class_add_method(vm, object, "__repr__", object_repr);
    class_add_method(vm, object, "__str__", object_str);
    class_add_method(vm, object, "__eq__", object_eq);
    class_add_method(vm, object, "__ne__", object_ne);
    class_add_method(vm, object, "__hash__", object_hash);
    class_add_method(vm, object, "__setattr__", object_setattr);
    class_add_method(vm, object, "__getattribute__", object_getattribute);
    class_add_method(vm, object, "__delattr__", object_delattr);
    Native *isc = native_new(vm, "__init_subclass__", object_init_subclass, object);
    dict_set_str(vm, object->dict, "__init_subclass__",
                 wrapper_new(vm, TYPE(vm, classmethod), WRAP_CLASSMETHOD, VOBJ(isc)));
    Native *n = native_new(vm, "__new__", object_new, object);
    dict_set(vm, object->dict, VOBJ(vm->sn[SN_new]),
             wrapper_new(vm, TYPE(vm, staticmethod), WRAP_STATICMETHOD, VOBJ(n)));
    TYPE(vm, type)->ctor = type_ctor;
    class_add_method(vm, TYPE(vm, type), "__subclasses__", type_subclasses);
    class_add_method(vm, TYPE(vm, type), "mro", type_mro);
    class_add_method(vm, TYPE(vm, type), "__call__", type_call_method);
    dict_set(vm, TYPE(vm, type)->dict, VOBJ(vm->sn[SN_new]),
             class_staticmethod(vm, VOBJ(native_new(vm, "__new__", type_new_method, TYPE(vm, type)))));
    TYPE(vm, staticmethod)->ctor = staticmethod_ctor;
    TYPE(vm, classmethod)->ctor = classmethod_ctor;
    TYPE(vm, property)->ctor = property_ctor;
    class_add_method(vm, TYPE(vm, property), "getter", property_getter);
    class_add_method(vm, TYPE(vm, property), "setter", property_setter);
    class_add_method(vm, TYPE(vm, property), "deleter", property_deleter);
    TYPE(vm, super)->ctor = super_ctor;

    static const char *const exposed[] = {
        "object", "type", "staticmethod", "classmethod", "property", "super", NULL
    };
    for (int i = 0; exposed[i]; i++) {
        Str *name = str_intern(vm, exposed[i], strlen(exposed[i]));
        for (int t = 0; t < T__COUNT; t++)
            if (vm->types[t]->name == name)
                dict_set(vm, vm->builtins, VOBJ(name), VOBJ(vm->types[t]));
    }
}
