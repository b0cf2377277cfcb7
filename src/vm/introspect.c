/*
 * introspect.c - builtins that look at the running frame or an object's
 * namespace: globals(), locals(), dir().
 */
#include <stdlib.h>
#include <string.h>
#include "vm.h"
#include "internal.h"

static Frame *python_frame(VM *vm)
{
    Frame *f = vm->frame;
    while (f && (f->code->proto->flags & PROTO_COMPREHENSION))
        f = f->parent;
    return f;
}

static Value b_globals(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (vm_check_nargs(vm, "globals", nargs, kwnames, 0, 0) < 0)
        return VNULL;
    Frame *f = python_frame(vm);
    return f ? VOBJ(frame_globals(f)) : VOBJ(vm->main->dict);
}

/* A snapshot of the frame's variables, as CPython 3.12's locals() in a
 * function; the namespace itself at module and class level. */
static Value b_locals(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (vm_check_nargs(vm, "locals", nargs, kwnames, 0, 0) < 0)
        return VNULL;
    Frame *f = python_frame(vm);
    if (!f)
        return VOBJ(vm->main->dict);
    if (f->ns)
        return VOBJ(f->ns);
    Dict *d = dict_new(vm);
    const Proto *p = f->code->proto;
    for (int i = 0; i < p->nlocals; i++)
        if (!IS_NULL(frame_locals(f)[i]))
            dict_set(vm, d, VOBJ(f->code->localnames[i]), frame_locals(f)[i]);
    for (int i = 0; i < p->ncells + p->nfrees; i++) {
        Value c = frame_cells(f)[i];
        if (IS_OBJ(c) && !IS_NULL(((Cell *)AS_OBJ(c))->v))
            dict_set(vm, d, VOBJ(f->code->cellnames[i]), ((Cell *)AS_OBJ(c))->v);
    }
    return VOBJ(d);
}

static void add_keys(VM *vm, Dict *seen, Dict *d)
{
    for (size_t i = 0; d && i < d->nentries; i++)
        if (IS_STR(d->entries[i].key))
            dict_set(vm, seen, d->entries[i].key, VNONE);
}

static Value b_dir(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "dir", nargs, kwnames, 0, 1) < 0)
        return VNULL;
    Dict *seen = dict_new(vm);
    if (nargs == 0) {
        Frame *f = python_frame(vm);
        Value l = b_locals(vm, NULL, 0, NULL);
        if (IS_NULL(l))
            return VNULL;
        add_keys(vm, seen, AS_DICT(l));
        (void)f;
    } else {
        Value obj = args[0];
        if (IS_KIND(obj, OBJ_MODULE)) {
            add_keys(vm, seen, ((Module *)AS_OBJ(obj))->dict);
        } else {
            if (IS_KIND(obj, OBJ_INSTANCE))
                add_keys(vm, seen, ((Instance *)AS_OBJ(obj))->dict);
            else if (IS_OBJ(obj) && obj_has_attrs(AS_OBJ(obj)))
                add_keys(vm, seen, subclass_attrs(vm, AS_OBJ(obj), false));   /* a builtin subclass's */
            if (IS_EXCEPTION(obj))
                add_keys(vm, seen, AS_EXC(obj)->dict);
            Tuple *mro = class_mro(vm, IS_CLASS(obj) ? AS_CLASS(obj) : vm_type_of(vm, obj));
            for (size_t i = 0; i < mro->len; i++)
                add_keys(vm, seen, AS_CLASS(mro->items[i])->dict);
        }
    }
    List *l = list_new(vm, seen->used);
    for (size_t i = 0; i < seen->nentries; i++)
        if (!IS_NULL(seen->entries[i].key) && !(IS_STR(seen->entries[i].key) &&
              strncmp(AS_STR(seen->entries[i].key)->data, "__ls_", 5) == 0))
            list_append(vm, l, seen->entries[i].key);
    if (list_sort(vm, l, VNULL, false) < 0)
        return VNULL;
    return VOBJ(l);
}

/* ---- frame objects ------------------------------------------------------
 * What cr_frame / gi_frame / ag_frame and a task's get_stack() give: the
 * frame of a generator (its line read while the generator has a frame), or
 * a place a traceback went through (code and line fixed). Only the
 * outermost frame of a parked chain is reachable this way, as in CPython,
 * whose suspended frames have no f_back. */
typedef struct FrameObj {
    NativeData hdr;
    Value gen;      /* the generator whose frame it is, or VNULL */
    Code *code;
    int line;
} FrameObj;

static void frame_obj_mark(VM *vm, Obj *o)
{
    FrameObj *f = (FrameObj *)o;
    vm_mark_value(vm, f->gen);
    vm_mark_obj(vm, (Obj *)f->code);
}

static const NativeType frame_obj_type = { .name = "frame", .size = sizeof(FrameObj), .mark = frame_obj_mark };

Value vm_frame_object(VM *vm, Value gen, Code *code, int line)
{
    FrameObj *f = vm_alloc_obj(vm, sizeof(FrameObj), OBJ_NATIVE_DATA, TYPE(vm, frame));
    f->hdr.type = &frame_obj_type;
    f->gen = gen;
    f->code = code;
    f->line = line;
    return VOBJ(f);
}

static FrameObj *frame_obj(Value v) { return (FrameObj *)AS_OBJ(v); }

/* the line now: a generator's current one while it still has its frame */
static int frame_obj_line(FrameObj *f)
{
    if (IS_GEN(f->gen) && AS_GEN(f->gen)->frame) {
        Gen *g = AS_GEN(f->gen);
        f->line = g->state == GEN_CREATED ? g->frame->code->proto->firstline : vm_frame_line(g->frame);
    }
    return f->line;
}

static Value fo_code(VM *vm, Value *a, int n, Tuple *k) { (void)vm; (void)n; (void)k; return VOBJ(frame_obj(a[0])->code); }
static Value fo_lineno(VM *vm, Value *a, int n, Tuple *k) { (void)vm; (void)n; (void)k; return VINT(frame_obj_line(frame_obj(a[0]))); }
static Value fo_back(VM *vm, Value *a, int n, Tuple *k) { (void)vm; (void)a; (void)n; (void)k; return VNONE; }

static Value fo_globals(VM *vm, Value *a, int n, Tuple *k)
{
    (void)n; (void)k;
    FrameObj *f = frame_obj(a[0]);
    if (IS_GEN(f->gen) && AS_GEN(f->gen)->frame)
        return VOBJ(frame_globals(AS_GEN(f->gen)->frame));
    return VOBJ(vm->main->dict);
}

static Value fo_repr(VM *vm, Value *a, int n, Tuple *k)
{
    (void)n; (void)k;
    FrameObj *f = frame_obj(a[0]);
    return VOBJ(str_printf(vm, "<frame at 0x%llx, file '%s', line %d, code %s>",
                           (unsigned long long)vm_obj_address(vm, AS_OBJ(a[0])), vm->cfg.filename,
                           frame_obj_line(f), f->code->name->data));
}

void introspect_init(VM *vm)
{
    Class *fr = TYPE(vm, frame);
    class_add_property(vm, fr, "f_code", fo_code);
    class_add_property(vm, fr, "f_lineno", fo_lineno);
    class_add_property(vm, fr, "f_back", fo_back);
    class_add_property(vm, fr, "f_globals", fo_globals);
    class_add_method(vm, fr, "__repr__", fo_repr);
    dict_set_str(vm, vm->builtins, "globals", VOBJ(native_new(vm, "globals", b_globals, NULL)));
    dict_set_str(vm, vm->builtins, "locals", VOBJ(native_new(vm, "locals", b_locals, NULL)));
    dict_set_str(vm, vm->builtins, "dir", VOBJ(native_new(vm, "dir", b_dir, NULL)));
}
