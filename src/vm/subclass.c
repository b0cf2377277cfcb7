/*
 * subclass.c - instances of Python classes that derive from a builtin type:
 * class Stack(list), class Registry(dict), class Name(str), IntEnum's
 * members, class Color(str, Enum).
 *
 * Such an instance has its builtin's own layout (an OBJ_LIST, an OBJ_STR,
 * ...) and the subclass as hdr.cls, so every builtin method and operation
 * takes it as it is. What the subclass adds on top:
 *  - special methods it overrides: the generic operations (ops.c) ask
 *    vm_override before they use the builtin behaviour;
 *  - instance attributes: the builtin layouts have no room for a __dict__,
 *    so an instance that gets one keeps it in vm->inst_attrs (its address
 *    -> its attributes). The object carries OBJ_HAS_ATTRS meanwhile, and
 *    releasing it (vm_release_obj, when the collector frees it) drops its
 *    entry. The collector keeps the table but not what it holds: an
 *    object's attributes are marked when the object is (gc.c's blacken),
 *    so an instance its own attributes lead back to goes like any other.
 * An instance of an int subclass is an OBJ_BIGINT whatever its value (the
 * one place where a big-int object may hold a value that fits 64 bits).
 */
#include <string.h>
#include "vm.h"
#include "internal.h"
#include "numops.h"

bool subclass_layout_ok(VM *vm, const Class *bb)
{
    return bb == TYPE(vm, str) || bb == TYPE(vm, int) || bb == TYPE(vm, tuple) || bb == TYPE(vm, list) ||
           bb == TYPE(vm, dict) || bb == TYPE(vm, set) || bb == TYPE(vm, frozenset) || bb->blank;
}

Value vm_override(VM *vm, Value v, Str *name)
{
    if (!IS_OBJ(v) || (v.as.o->cls->cflags & CLASS_BUILTIN))
        return VNULL;
    /* the first builtin class along the MRO is the layout's: from there
     * on, the builtin behaviour answers */
    Tuple *mro = class_mro(vm, v.as.o->cls);
    for (size_t i = 0; i < mro->len; i++) {
        Class *k = AS_CLASS(mro->items[i]);
        if (k->cflags & CLASS_BUILTIN)
            return VNULL;
        Value m = dict_get_str(k->dict, name);
        if (!IS_NULL(m))
            return m;
    }
    return VNULL;
}

Dict *subclass_attrs(VM *vm, Obj *o, bool create)
{
    Value key = VINT((int64_t)(intptr_t)o);
    if (o->flags & OBJ_HAS_ATTRS)
        return AS_DICT(dict_get(vm, AS_DICT(vm->inst_attrs), key));
    if (!create)
        return NULL;
    if (IS_NULL(vm->inst_attrs))
        vm->inst_attrs = VOBJ(dict_new(vm));
    Dict *d = dict_new(vm);
    if (dict_set(vm, AS_DICT(vm->inst_attrs), key, VOBJ(d)) < 0)
        return NULL;
    o->flags |= OBJ_HAS_ATTRS;
    return d;
}

void subclass_forget(VM *vm, Obj *o)
{
    if (IS_NULL(vm->inst_attrs))   /* the VM is being freed */
        return;
    /* an int key: deleting neither allocates nor runs Python code */
    dict_del(vm, AS_DICT(vm->inst_attrs), VINT((int64_t)(intptr_t)o));
}

/* A new object of class c (deriving from the builtin whose value `plain`
 * is) holding plain's contents: always a new one (str_new and tuple_new
 * share their empty and one-character objects). */
Value subclass_rebrand(VM *vm, Class *c, Value plain)
{
    if (IS_STR(plain)) {
        Str *from = AS_STR(plain);
        Str *s = vm_alloc_obj(vm, sizeof(Str) + from->len + 1, OBJ_STR, c);
        memcpy(s->data, from->data, from->len + 1);
        s->len = from->len;
        s->ncp = from->ncp;
        s->ascii = from->ascii;
        s->hash = -1;
        return VOBJ(s);
    }
    if (num_is_int(plain)) {
        ObjBigInt *o = vm_alloc_obj(vm, sizeof(ObjBigInt), OBJ_BIGINT, c);
        bi_init(&o->b);
        if (IS_BIGINT(plain))
            bi_copy(&o->b, AS_BIGINT(plain));
        else
            bi_set_i64(&o->b, plain.as.i);
        vm->bytes_allocated += bi_size_bytes(&o->b);
        return VOBJ(o);
    }
    if (IS_TUPLE(plain)) {
        size_t n = AS_TUPLE(plain)->len;
        Tuple *t = vm_alloc_obj(vm, sizeof(Tuple) + n * sizeof(Value), OBJ_TUPLE, c);
        t->len = n;
        memcpy(t->items, AS_TUPLE(plain)->items, n * sizeof(Value));
        return VOBJ(t);
    }
    if (IS_SET(plain)) {
        Set *s = set_new(vm, c);
        Value sv = VOBJ(s);
        vm_push_root(vm, &sv);
        int rc = set_update(vm, s, plain);
        vm_pop_root(vm);
        return rc < 0 ? VNULL : sv;
    }
    return vm_raise(vm, EXC_TypeError, "cannot make a '%s' from a '%s'", c->name->data, vm_type_name(vm, plain));
}

/* What v is as its builtin base: v itself for builtins, a plain copy for
 * instances of subclasses (str(name), int(level), a tuple of a named
 * tuple...). */
Value subclass_plain(VM *vm, Value v)
{
    if (!IS_OBJ(v) || (v.as.o->cls->cflags & CLASS_BUILTIN))
        return v;
    switch ((ObjKind)v.as.o->kind) {
    case OBJ_STR:
        return VOBJ(str_new(vm, AS_STR(v)->data, AS_STR(v)->len));
    case OBJ_BIGINT: {
        BigInt b = BI_INIT;
        bi_copy(&b, AS_BIGINT(v));
        return int_from_bigint(vm, &b);
    }
    case OBJ_TUPLE:
        return VOBJ(tuple_from(vm, AS_TUPLE(v)->items, AS_TUPLE(v)->len));
    default:
        return v;
    }
}

/* c(*args) where c derives from the builtin bb and defines no __new__:
 * bb.__new__(c, *args). A mutable builtin's __new__ makes it empty (its
 * __init__ fills it); an immutable one's takes the arguments. */
Value subclass_new(VM *vm, Class *c, Class *bb, Value *args, int nargs, Tuple *kwnames)
{
    if (bb->blank)
        return bb->blank(vm, c);
    if (bb == TYPE(vm, list)) {
        List *l = list_new(vm, 0);
        l->hdr.cls = c;
        return VOBJ(l);
    }
    if (bb == TYPE(vm, dict)) {
        Dict *d = dict_new(vm);
        d->hdr.cls = c;
        return VOBJ(d);
    }
    if (bb == TYPE(vm, set))
        return VOBJ(set_new(vm, c));
    int nkw = kwnames ? (int)kwnames->len : 0;
    Value buf[8];
    if (nargs + nkw + 1 > 8)
        return vm_raise(vm, EXC_TypeError, "%s() takes at most %d arguments (%d given)", bb->name->data, 3,
                        nargs + nkw);
    buf[0] = VOBJ(bb);
    memcpy(buf + 1, args, (size_t)(nargs + nkw) * sizeof(Value));
    Value plain = bb->ctor(vm, buf, nargs + 1, kwnames);
    if (IS_NULL(plain))
        return VNULL;
    vm_push_root(vm, &plain);
    Value r = subclass_rebrand(vm, c, plain);
    vm_pop_root(vm);
    return r;
}

/* X.__new__(cls, *args) of the builtins that can be subclassed. */
static Value builtin_new(VM *vm, Class *bb, Value *args, int nargs, Tuple *kwnames)
{
    if (nargs < 1)
        return vm_raise(vm, EXC_TypeError, "%s.__new__(): not enough arguments", bb->name->data);
    if (!IS_CLASS(args[0]))
        return vm_raise(vm, EXC_TypeError, "%s.__new__(X): X is not a type object (%s)", bb->name->data,
                        vm_type_name(vm, args[0]));
    Class *c = AS_CLASS(args[0]);
    if (!vm_is_subclass(c, bb))
        return vm_raise(vm, EXC_TypeError, "%s.__new__(%s): %s is not a subtype of %s", bb->name->data,
                        c->name->data, c->name->data, bb->name->data);
    if (c->cflags & CLASS_BUILTIN)
        return class_call(vm, c, args + 1, nargs - 1, kwnames);
    return subclass_new(vm, c, bb, args + 1, nargs - 1, kwnames);
}

#define BUILTIN_NEW(t) \
    static Value t##_new_method(VM *vm, Value *args, int nargs, Tuple *kwnames) \
    { return builtin_new(vm, TYPE(vm, t), args, nargs, kwnames); }
BUILTIN_NEW(str)
BUILTIN_NEW(int)
BUILTIN_NEW(tuple)
BUILTIN_NEW(list)
BUILTIN_NEW(dict)
BUILTIN_NEW(set)
BUILTIN_NEW(frozenset)
#undef BUILTIN_NEW

Value subclass_dict_getitem(VM *vm, Value obj, Value key)
{
    Value v = dict_get(vm, AS_DICT(obj), key);
    if (!IS_NULL(v) || !IS_NULL(vm->exc))
        return v;
    Value missing = vm_override(vm, obj, str_intern(vm, "__missing__", 11));
    if (!IS_NULL(missing)) {
        Value bound = bind_descriptor(vm, missing, obj, AS_OBJ(obj)->cls);
        return IS_NULL(bound) ? VNULL : vm_call1(vm, bound, key);
    }
    return container_getitem(vm, obj, key);
}

/* The builtins' special methods as methods, for what a subclass reaches
 * through super() or the base class (super().__getitem__(k),
 * dict.__repr__(self)): the builtin behaviour, whatever self overrides. */
Value subclass_builtin_repr(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "__repr__", nargs, kwnames, 1, 1) < 0)
        return VNULL;
    Str *s = IS_STR(args[0]) ? str_repr(vm, AS_STR(args[0]))
           : num_is_int(args[0]) ? num_repr(vm, args[0]) : container_repr(vm, args[0]);
    return s ? VOBJ(s) : VNULL;
}

/* str.__str__: the str itself, as a str */
static Value builtin_str(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "__str__", nargs, kwnames, 1, 1) < 0)
        return VNULL;
    return subclass_plain(vm, args[0]);
}

static Value builtin_getitem(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "__getitem__", nargs, kwnames, 2, 2) < 0)
        return VNULL;
    if (IS_STR(args[0]))
        return str_getitem(vm, AS_STR(args[0]), args[1]);
    if (IS_DICT(args[0]))
        return subclass_dict_getitem(vm, args[0], args[1]);
    return container_getitem(vm, args[0], args[1]);
}

static Value builtin_setitem(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "__setitem__", nargs, kwnames, 3, 3) < 0)
        return VNULL;
    return container_setitem(vm, args[0], args[1], args[2]) < 0 ? VNULL : VNONE;
}

static Value builtin_delitem(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "__delitem__", nargs, kwnames, 2, 2) < 0)
        return VNULL;
    return container_delitem(vm, args[0], args[1]) < 0 ? VNULL : VNONE;
}

static Value builtin_len(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "__len__", nargs, kwnames, 1, 1) < 0)
        return VNULL;
    return VINT(IS_STR(args[0]) ? (int64_t)AS_STR(args[0])->ncp : container_len(vm, args[0]));
}

static Value builtin_contains(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "__contains__", nargs, kwnames, 2, 2) < 0)
        return VNULL;
    int r = IS_STR(args[0]) ? str_contains(vm, AS_STR(args[0]), args[1])
                            : container_contains(vm, args[0], args[1]);
    return r < 0 ? VNULL : VBOOL(r);
}

static Value builtin_iter(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "__iter__", nargs, kwnames, 1, 1) < 0)
        return VNULL;
    return IS_STR(args[0]) ? str_iter(vm, AS_STR(args[0])) : container_iter(vm, args[0]);
}

/* str.__eq__, list.__lt__, ...: the builtin comparison of self with other,
 * NotImplemented when other is not of a kind it compares with */
static Value builtin_compare(VM *vm, Value *args, int nargs, Tuple *kwnames, CmpKind op)
{
    static const char *const names[] = { "__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__" };
    if (vm_check_nargs(vm, names[op], nargs, kwnames, 2, 2) < 0)
        return VNULL;
    Value a = args[0], b = args[1];
    if (IS_STR(a))
        return IS_STR(b) ? str_compare(vm, AS_STR(a), AS_STR(b), op) : vm->not_implemented;
    if (num_is_int(a)) {
        if (!num_is_number(b))
            return vm->not_implemented;
        return vm_cmp_result(num_cmp(a, b), op);
    }
    return container_compare(vm, a, b, op);
}

DEFINE_COMPARE_NATIVES(builtin, builtin_compare)

/* str.__hash__, int.__hash__, tuple.__hash__...; list's raises */
static Value builtin_hash(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "__hash__", nargs, kwnames, 1, 1) < 0)
        return VNULL;
    int64_t h;
    if (IS_STR(args[0]))
        h = str_hash(AS_STR(args[0]));
    else if (num_is_int(args[0]))
        h = num_hash(args[0]);
    else if (container_hash(vm, args[0], &h) < 0)
        return VNULL;
    return VINT(h);
}

void subclass_init(VM *vm)
{
    static const struct { const char *name; NativeFn fn; const char *on; } dunders[] = {
        { "__repr__", subclass_builtin_repr, "sitlgdf" },
        { "__str__", builtin_str, "s" },
        { "__getitem__", builtin_getitem, "stld" },
        { "__setitem__", builtin_setitem, "ld" },
        { "__delitem__", builtin_delitem, "ld" },
        { "__len__", builtin_len, "stldgf" },
        { "__contains__", builtin_contains, "stldgf" },
        { "__iter__", builtin_iter, "stldgf" },
        { "__eq__", builtin_eq, "sitldgf" }, { "__ne__", builtin_ne, "sitldgf" },
        { "__lt__", builtin_lt, "sitlgf" }, { "__le__", builtin_le, "sitlgf" },
        { "__gt__", builtin_gt, "sitlgf" }, { "__ge__", builtin_ge, "sitlgf" },
        { "__hash__", builtin_hash, "sitf" },
    };
    /* s: str, i: int, t: tuple, l: list, d: dict, g: set, f: frozenset */
    const TypeKind kinds[] = { ['s'] = T_str, ['i'] = T_int, ['t'] = T_tuple, ['l'] = T_list,
                               ['d'] = T_dict, ['g'] = T_set, ['f'] = T_frozenset };
    /* mutable builtins are unhashable, and say so as CPython's do */
    dict_set(vm, TYPE(vm, list)->dict, VOBJ(vm->sn[SN_hash]), VNONE);
    dict_set(vm, TYPE(vm, dict)->dict, VOBJ(vm->sn[SN_hash]), VNONE);
    dict_set(vm, TYPE(vm, set)->dict, VOBJ(vm->sn[SN_hash]), VNONE);
    for (size_t i = 0; i < sizeof dunders / sizeof dunders[0]; i++)
        for (const char *k = dunders[i].on; *k; k++)
            class_add_checked_method(vm, vm->types[kinds[(unsigned char)*k]], dunders[i].name, dunders[i].fn);

    static const struct { TypeKind t; NativeFn fn; } news[] = {
        { T_str, str_new_method }, { T_int, int_new_method }, { T_tuple, tuple_new_method },
        { T_list, list_new_method }, { T_dict, dict_new_method }, { T_set, set_new_method },
        { T_frozenset, frozenset_new_method },
    };
    for (size_t i = 0; i < sizeof news / sizeof news[0]; i++) {
        Class *c = vm->types[news[i].t];
        Native *n = native_new(vm, "__new__", news[i].fn, c);
        dict_set(vm, c->dict, VOBJ(vm->sn[SN_new]), class_staticmethod(vm, VOBJ(n)));
    }
}
