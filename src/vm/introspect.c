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

void introspect_init(VM *vm)
{
    dict_set_str(vm, vm->builtins, "globals", VOBJ(native_new(vm, "globals", b_globals, NULL)));
    dict_set_str(vm, vm->builtins, "locals", VOBJ(native_new(vm, "locals", b_locals, NULL)));
    dict_set_str(vm, vm->builtins, "dir", VOBJ(native_new(vm, "dir", b_dir, NULL)));
}
