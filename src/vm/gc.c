/*
 * gc.c - the tracing collector: mark from the roots, sweep the rest.
 *
 * It runs only at the dispatch loop's safe points (and from gc.collect()),
 * never inside an allocation, so C code may hold fresh objects in locals
 * without registering them, as long as it does not call back into Python.
 * Marking uses an explicit gray stack: deep structures cannot overflow the
 * C stack.
 */
#include <stdlib.h>
#include <string.h>
#include "vm.h"
#include "internal.h"

void vm_mark_obj(VM *vm, Obj *o)
{
    if (!o || o->marked)
        return;
    o->marked = 1;
    /* the gray stack is the VM's (vm_free frees it), empty between
     * collections and kept for the next */
    if (vm->ngray == vm->cap_gray) {
        vm->cap_gray = vm->cap_gray ? vm->cap_gray * 2 : 1024;
        vm->gray = realloc(vm->gray, vm->cap_gray * sizeof(Obj *));
        if (!vm->gray)
            abort();
    }
    vm->gray[vm->ngray++] = o;
}

void vm_mark_value(VM *vm, Value v)
{
    if (v.tag == V_OBJ)
        vm_mark_obj(vm, v.as.o);
}

static void mark_values(VM *vm, const Value *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (v[i].tag == V_OBJ)
            vm_mark_obj(vm, v[i].as.o);
}

static void mark_frame(VM *vm, Frame *f)
{
    vm_mark_obj(vm, (Obj *)f->fn);   /* and so the frame's globals */
    vm_mark_obj(vm, (Obj *)f->code);
    vm_mark_obj(vm, (Obj *)f->ns);
    vm_mark_obj(vm, (Obj *)f->gen);
    vm_mark_obj(vm, f->handled);
    vm_mark_value(vm, f->xfer);
    mark_values(vm, f->slots, (size_t)(f->sp - f->slots));
}

static void mark_dict(VM *vm, Dict *d)
{
    for (size_t i = 0; i < d->nentries; i++) {
        vm_mark_value(vm, d->entries[i].key);
        vm_mark_value(vm, d->entries[i].value);
    }
}

static void blacken(VM *vm, Obj *o)
{
    vm_mark_obj(vm, (Obj *)o->cls);
    if (obj_has_attrs(o))
        vm_mark_obj(vm, (Obj *)subclass_attrs(vm, o, false));
    switch ((ObjKind)o->kind) {
    case OBJ_STR:
    case OBJ_BIGINT:
    case OBJ_RANGE:
        break;
    case OBJ_TUPLE: {
        Tuple *t = (Tuple *)o;
        mark_values(vm, t->items, t->len);
        break;
    }
    case OBJ_LIST: {
        List *l = (List *)o;
        mark_values(vm, l->items, l->len);
        break;
    }
    case OBJ_DEQUE: {
        Deque *d = (Deque *)o;
        for (size_t i = 0; i < d->len; i++)
            vm_mark_value(vm, deque_at(d, i));
        break;
    }
    case OBJ_DICT:
        mark_dict(vm, (Dict *)o);
        break;
    case OBJ_SET: {
        Set *s = (Set *)o;
        if (s->table)
            for (size_t i = 0; i <= s->mask; i++)
                vm_mark_value(vm, s->table[i].key);
        break;
    }
    case OBJ_SLICE: {
        Slice *s = (Slice *)o;
        vm_mark_value(vm, s->start);
        vm_mark_value(vm, s->stop);
        vm_mark_value(vm, s->step);
        break;
    }
    case OBJ_CODE: {
        Code *c = (Code *)o;
        vm_mark_obj(vm, (Obj *)c->name);
        vm_mark_obj(vm, (Obj *)c->qualname);
        mark_values(vm, c->consts, (size_t)c->proto->nconsts);
        for (int i = 0; i < c->proto->nnames; i++)
            vm_mark_obj(vm, (Obj *)c->names[i]);
        for (int i = 0; i < c->proto->nlocals; i++)
            vm_mark_obj(vm, (Obj *)c->localnames[i]);
        for (int i = 0; i < c->proto->ncells + c->proto->nfrees; i++)
            vm_mark_obj(vm, (Obj *)c->cellnames[i]);
        break;
    }
    case OBJ_FUNCTION: {
        Function *f = (Function *)o;
        vm_mark_obj(vm, (Obj *)f->code);
        vm_mark_obj(vm, (Obj *)f->globals);
        vm_mark_obj(vm, (Obj *)f->defaults);
        vm_mark_obj(vm, (Obj *)f->kwdefaults);
        vm_mark_obj(vm, (Obj *)f->closure);
        vm_mark_obj(vm, (Obj *)f->name);
        vm_mark_obj(vm, (Obj *)f->qualname);
        vm_mark_obj(vm, (Obj *)f->module);
        vm_mark_obj(vm, (Obj *)f->dict);
        vm_mark_obj(vm, (Obj *)f->owner);
        vm_mark_value(vm, f->doc);
        break;
    }
    case OBJ_NATIVE: {
        Native *n = (Native *)o;
        vm_mark_obj(vm, (Obj *)n->owner);
        vm_mark_value(vm, n->data);
        break;
    }
    case OBJ_BOUND_METHOD: {
        BoundMethod *m = (BoundMethod *)o;
        vm_mark_value(vm, m->self);
        vm_mark_value(vm, m->func);
        break;
    }
    case OBJ_CELL:
        vm_mark_value(vm, ((Cell *)o)->v);
        break;
    case OBJ_CLASS: {
        Class *c = (Class *)o;
        vm_mark_obj(vm, (Obj *)c->name);
        vm_mark_obj(vm, (Obj *)c->qualname);
        vm_mark_obj(vm, (Obj *)c->module);
        vm_mark_obj(vm, (Obj *)c->tp_name);
        vm_mark_obj(vm, (Obj *)c->base);
        vm_mark_obj(vm, (Obj *)c->bases);
        vm_mark_obj(vm, (Obj *)c->mro);
        vm_mark_obj(vm, (Obj *)c->dict);
        break;
    }
    case OBJ_INSTANCE:
        vm_mark_obj(vm, (Obj *)((Instance *)o)->dict);
        break;
    case OBJ_EXCEPTION: {
        Exception *e = (Exception *)o;
        vm_mark_obj(vm, (Obj *)e->dict);
        vm_mark_obj(vm, (Obj *)e->args);
        vm_mark_obj(vm, (Obj *)e->context);
        vm_mark_obj(vm, (Obj *)e->cause);
        vm_mark_obj(vm, (Obj *)e->notes);
        for (uint32_t i = 0; i < e->ntb; i++)
            vm_mark_obj(vm, (Obj *)tb_code(&e->tb[i]));
        break;
    }
    case OBJ_MODULE:
        vm_mark_obj(vm, (Obj *)((Module *)o)->name);
        vm_mark_obj(vm, (Obj *)((Module *)o)->dict);
        break;
    case OBJ_GEN: {
        Gen *g = (Gen *)o;
        vm_mark_obj(vm, (Obj *)g->name);
        vm_mark_obj(vm, (Obj *)g->qualname);
        if (g->gkind == GEN_ASYNC_GENERATOR)
            vm_mark_value(vm, AS_ASYNC_GEN(g)->finalizer);
        /* a parked await chain: from the innermost frame up to our own */
        for (Frame *f = g->resume; f && f != g->frame; f = f->parent)
            mark_frame(vm, f);
        if (g->frame)
            mark_frame(vm, g->frame);
        break;
    }
    case OBJ_ITER: {
        Iter *it = (Iter *)o;
        vm_mark_value(vm, it->a);
        vm_mark_value(vm, it->b);
        vm_mark_value(vm, it->c);
        break;
    }
    case OBJ_VIEW:
        vm_mark_obj(vm, (Obj *)((View *)o)->dict);
        break;
    case OBJ_WRAPPER: {
        Wrapper *w = (Wrapper *)o;
        vm_mark_value(vm, w->a);
        vm_mark_value(vm, w->b);
        vm_mark_value(vm, w->c);
        vm_mark_value(vm, w->d);
        vm_mark_value(vm, w->name);
        break;
    }
    case OBJ_NATIVE_DATA: {
        NativeData *n = (NativeData *)o;
        if (n->type->mark)
            n->type->mark(vm, o);
        break;
    }
    case OBJ__COUNT:
        break;
    }
}

static void mark_roots(VM *vm)
{
    vm_mark_obj(vm, (Obj *)vm->builtins);
    vm_mark_obj(vm, (Obj *)vm->modules);
    vm_mark_obj(vm, (Obj *)vm->main);
    vm_mark_obj(vm, (Obj *)vm->interned);
    vm_mark_obj(vm, (Obj *)vm->empty_str);
    vm_mark_obj(vm, (Obj *)vm->empty_tuple);
    vm_mark_value(vm, vm->ellipsis);
    vm_mark_value(vm, vm->agen_firstiter);
    vm_mark_value(vm, vm->agen_finalizer);
    vm_mark_value(vm, vm->not_implemented);
    vm_mark_value(vm, vm->exc);
    vm_mark_obj(vm, (Obj *)vm->warn_registry);
    for (int i = 0; i < T__COUNT; i++)
        vm_mark_obj(vm, (Obj *)vm->types[i]);
    for (int i = 0; i < EXC__COUNT; i++)
        vm_mark_obj(vm, (Obj *)vm->exc_types[i]);
    for (int i = 0; i < 128; i++)
        vm_mark_obj(vm, (Obj *)vm->single_chars[i]);
    for (int i = 0; i < vm->nroots; i++)
        vm_mark_value(vm, *vm->roots[i]);
    for (Frame *f = vm->frame; f; f = f->parent)
        mark_frame(vm, f);
    if (vm->sim_mark)
        vm->sim_mark(vm);
    /* builtin-subclass instances' attributes (subclass.c): the table itself
     * lives on, each of its entries only as long as its object (blacken) */
    if (!IS_NULL(vm->inst_attrs))
        AS_OBJ(vm->inst_attrs)->marked = 1;
}

static size_t object_size(Obj *o)
{
    switch ((ObjKind)o->kind) {
    case OBJ_STR: return sizeof(Str) + ((Str *)o)->len + 1;
    case OBJ_BIGINT: return sizeof(ObjBigInt);
    case OBJ_TUPLE: return sizeof(Tuple) + ((Tuple *)o)->len * sizeof(Value);
    case OBJ_LIST: return sizeof(List);
    case OBJ_DEQUE: return sizeof(Deque);
    case OBJ_DICT: return sizeof(Dict);
    case OBJ_SET: return sizeof(Set);
    case OBJ_RANGE: return sizeof(Range);
    case OBJ_SLICE: return sizeof(Slice);
    case OBJ_CODE: return sizeof(Code);
    case OBJ_FUNCTION: return sizeof(Function);
    case OBJ_NATIVE: return sizeof(Native);
    case OBJ_BOUND_METHOD: return sizeof(BoundMethod);
    case OBJ_CELL: return sizeof(Cell);
    case OBJ_CLASS: return sizeof(Class);
    case OBJ_INSTANCE: return sizeof(Instance);
    case OBJ_EXCEPTION: return sizeof(Exception);
    case OBJ_MODULE: return sizeof(Module);
    case OBJ_GEN: return ((Gen *)o)->gkind == GEN_ASYNC_GENERATOR ? sizeof(AsyncGen) : sizeof(Gen);
    case OBJ_ITER: return sizeof(Iter);
    case OBJ_VIEW: return sizeof(View);
    case OBJ_WRAPPER: return sizeof(Wrapper);
    case OBJ_NATIVE_DATA: return ((NativeData *)o)->type->size;
    case OBJ__COUNT: break;
    }
    return 0;
}

void vm_free_object(VM *vm, Obj *o)
{
    switch ((ObjKind)o->kind) {
    case OBJ_BIGINT: {
        BigInt *b = &((ObjBigInt *)o)->b;
        vm->bytes_allocated -= bi_size_bytes(b);
        bi_free(b);
        break;
    }
    case OBJ_DEQUE:
        deque_free_storage(vm, (Deque *)o);
        break;
    case OBJ_LIST: {
        List *l = (List *)o;
        vm_free_mem(vm, l->items, l->cap * sizeof(Value));
        break;
    }
    case OBJ_DICT:
        dict_free_storage(vm, (Dict *)o);
        break;
    case OBJ_SET: {
        Set *s = (Set *)o;
        if (s->table)
            vm_free_mem(vm, s->table, (s->mask + 1) * sizeof(SetEntry));
        break;
    }
    case OBJ_CODE: {
        Code *c = (Code *)o;
        /* the sizes code_load asked for (one more byte: never zero) */
        vm_free_mem(vm, c->consts, (size_t)c->proto->nconsts * sizeof(Value) + 1);
        vm_free_mem(vm, c->names, (size_t)c->proto->nnames * sizeof(Str *) + 1);
        vm_free_mem(vm, c->localnames, (size_t)c->proto->nlocals * sizeof(Str *) + 1);
        vm_free_mem(vm, c->cellnames,
                    (size_t)(c->proto->ncells + c->proto->nfrees) * sizeof(Str *) + 1);
        vm_free_mem(vm, c->gcache, c->gcache ? (size_t)c->proto->ncode * sizeof(GlobalCache) : 0);
        break;
    }
    case OBJ_EXCEPTION: {
        Exception *e = (Exception *)o;
        vm_free_mem(vm, e->tb, e->tb_cap * sizeof(TbEntry));
        break;
    }
    case OBJ_GEN: {
        Gen *g = (Gen *)o;
        /* frames of a parked chain belong to the coroutines that own them */
        if (g->frame)
            frame_free(vm, g->frame);
        break;
    }
    case OBJ_CLASS:
        vm->class_epoch++;   /* its address may come back as another class */
        break;
    case OBJ_NATIVE_DATA: {
        NativeData *n = (NativeData *)o;
        if (n->type->finalize)
            n->type->finalize(vm, o);
        break;
    }
    default:
        break;
    }
    size_t size = object_size(o);
    vm->bytes_allocated -= size;
    vm_release_obj(vm, o, size);
}

/* An unreachable object that gets a last word before it goes: a coroutine
 * that never ran (CPython warns "coroutine ... was never awaited"), or a
 * native object whose type asks for one. */
bool vm_wants_last_word(VM *vm, Obj *o)
{
    if (o->kind == OBJ_GEN)   /* a coroutine never run, or an async generator to close */
        return gen_never_ran((Gen *)o) || agen_wants_finalizer((Gen *)o);
    if (o->kind == OBJ_NATIVE_DATA) {
        const NativeType *t = ((NativeData *)o)->type;
        return t->wants_last_word && t->wants_last_word(vm, o);
    }
    return false;
}

static void drain(VM *vm)
{
    while (vm->ngray > 0)
        blacken(vm, vm->gray[--vm->ngray]);
}

/* Finds the unreachable objects that want a last word and keeps them (and
 * everything they reach) for one more cycle; they are queued in
 * vm->last_words, newest first. */
static void rescue_for_last_words(VM *vm)
{
    vm->nlast_words = 0;
    for (size_t i = vm->nobjects; i-- > 0;) {
        Obj *o = vm->objects[i];
        if (o->marked || !vm_wants_last_word(vm, o))
            continue;
        if (vm->nlast_words == vm->cap_last_words) {
            size_t ncap = vm->cap_last_words ? vm->cap_last_words * 2 : 16;
            Obj **n = realloc(vm->last_words, ncap * sizeof *n);
            if (!n)
                abort();
            vm->last_words = n;
            vm->cap_last_words = ncap;
        }
        vm->last_words[vm->nlast_words++] = o;
    }
    for (size_t i = 0; i < vm->nlast_words; i++)
        vm_mark_obj(vm, vm->last_words[i]);
    drain(vm);
}

/* Gives each rescued object its last word. Python code may run here, so the
 * queue is rooted while it does; a collection it triggers finds the rest
 * still queued and does not run them twice (in_last_words). */
static void run_last_words(VM *vm)
{
    if (vm->in_last_words || vm->nlast_words == 0)
        return;
    vm->in_last_words = true;
    size_t n = vm->nlast_words;
    Value *held = malloc(n * sizeof *held);
    if (!held)
        abort();
    for (size_t i = 0; i < n; i++)
        held[i] = VOBJ(vm->last_words[i]);
    vm->nlast_words = 0;
    for (size_t i = 0; i < n; i++)
        vm_push_root(vm, &held[i]);
    Value saved_exc = vm->exc;
    vm->exc = VNULL;
    for (size_t i = 0; i < n; i++) {
        Obj *o = AS_OBJ(held[i]);
        if (o->kind == OBJ_GEN && ((Gen *)o)->gkind == GEN_ASYNC_GENERATOR) {
            agen_finalize(vm, (Gen *)o);   /* the loop's hook: it schedules aclose() */
        } else if (o->kind == OBJ_GEN) {
            Gen *gen = (Gen *)o;
            gen->awaited = 1;
            vm_warn_never_awaited(vm, gen);
        } else {
            ((NativeData *)o)->type->last_word(vm, o);
        }
        vm->exc = VNULL;
    }
    vm->exc = saved_exc;
    for (size_t i = 0; i < n; i++)
        vm_pop_root(vm);
    free(held);
    vm->in_last_words = false;
}

void vm_collect(VM *vm)
{
    mark_roots(vm);
    drain(vm);
    rescue_for_last_words(vm);
    if (vm->sim_weak)
        vm->sim_weak(vm);

    /* an array, not a list: the walks' loads do not wait for each other */
    size_t kept = 0;
    for (size_t i = 0; i < vm->nobjects; i++) {
        Obj *o = vm->objects[i];
        if (o->marked) {
            o->marked = 0;
            vm->objects[kept++] = o;
        } else {
            vm_free_object(vm, o);
        }
    }
    vm->nobjects = kept;
    vm->next_gc = vm->bytes_allocated * 2;
    if (vm->next_gc < (size_t)8 << 20)
        vm->next_gc = (size_t)8 << 20;
    vm->gc_requested = false;
    vm->gc_collections++;
    run_last_words(vm);
}

void gc_maybe_collect(VM *vm)
{
    if (vm->gc_requested)
        vm_collect(vm);
}
