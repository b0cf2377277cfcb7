/*
 * dict.c - insertion-ordered hash table, the layout of CPython's compact dict:
 * an array of entries in insertion order and a sparse index of slots into it.
 * Deleted entries leave a hole (key VNULL) that a resize squeezes out.
 */
#include <stdlib.h>
#include <string.h>
#include "vm.h"
#include "internal.h"

#define IX_EMPTY   (-1)
#define IX_DELETED (-2)
#define PERTURB_SHIFT 5

Dict *dict_new(VM *vm)
{
    return vm_alloc_obj(vm, sizeof(Dict), OBJ_DICT, TYPE(vm, dict));
}

void dict_free_storage(VM *vm, Dict *d)
{
    vm_free_mem(vm, d->entries, d->cap * sizeof(DictEntry));
    vm_free_mem(vm, d->index, d->index_size * sizeof(int32_t));
    d->entries = NULL;
    d->index = NULL;
    d->cap = d->index_size = d->used = d->nentries = 0;
}

/* A str of str's own (not of a subclass, which may define __eq__ and
 * __hash__); the first strs are made before their class. */
static inline bool plain_str(const Obj *o)
{
    return o->kind == OBJ_STR && (!o->cls || (o->cls->cflags & CLASS_BUILTIN));
}

/* Fast equality for the common key kinds; -2 means "ask vm_eq". */
static inline int quick_eq(Value a, Value b)
{
    if (a.tag == b.tag) {
        if (a.tag == V_OBJ) {
            if (a.as.o == b.as.o)
                return 1;
            if (plain_str(a.as.o) && plain_str(b.as.o))
                return str_eq((Str *)a.as.o, (Str *)b.as.o);
            return -2;
        }
        if (a.tag == V_FLOAT)
            return a.as.f == b.as.f;
        return a.as.i == b.as.i;
    }
    if ((a.tag == V_INT || a.tag == V_BOOL) && (b.tag == V_INT || b.tag == V_BOOL))
        return a.as.i == b.as.i;
    if (a.tag == V_OBJ && b.tag == V_OBJ)
        return -2;
    if (a.tag == V_NONE || b.tag == V_NONE || a.tag == V_NULL || b.tag == V_NULL)
        return 0;
    return -2;
}

/* Finds the index slot for key: returns the entry number or -1 when absent
 * (with *slot_out the slot to insert at), or -2 when comparing raised. When
 * an __eq__ reorganises the table or replaces the entry being compared, the
 * probe starts over, as CPython's does. */
static int64_t lookup(VM *vm, Dict *d, Value key, int64_t hash, size_t *slot_out)
{
restart:
    if (!d->index) {
        if (slot_out)
            *slot_out = 0;
        return -1;
    }
    size_t mask = d->index_size - 1;
    uint64_t perturb = (uint64_t)hash;
    size_t i = (size_t)hash & mask;
    size_t free_slot = SIZE_MAX;
    for (;;) {
        int32_t ix = d->index[i];
        if (ix == IX_EMPTY) {
            if (slot_out)
                *slot_out = free_slot != SIZE_MAX ? free_slot : i;
            return -1;
        }
        if (ix == IX_DELETED) {
            if (free_slot == SIZE_MAX)
                free_slot = i;
        } else {
            DictEntry *e = &d->entries[ix];
            if (e->hash == hash) {
                int eq = quick_eq(e->key, key);
                if (eq == -2) {
                    DictEntry *entries = d->entries;
                    int32_t *index = d->index;
                    Value k = e->key;
                    eq = vm_eq(vm, k, key);
                    if (eq < 0)
                        return -2;
                    if (d->entries != entries || d->index != index || d->index[i] != ix ||
                        !vm_same_value(d->entries[ix].key, k))
                        goto restart;
                }
                if (eq)
                    return ix;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

static void rebuild_index(VM *vm, Dict *d, size_t index_size)
{
    vm_free_mem(vm, d->index, d->index_size * sizeof(int32_t));
    d->index = vm_realloc(vm, NULL, 0, index_size * sizeof(int32_t));
    d->index_size = index_size;
    memset(d->index, 0xff, index_size * sizeof(int32_t));   /* IX_EMPTY */
    size_t mask = index_size - 1;
    for (size_t n = 0; n < d->nentries; n++) {
        uint64_t perturb = (uint64_t)d->entries[n].hash;
        size_t i = (size_t)d->entries[n].hash & mask;
        while (d->index[i] != IX_EMPTY) {
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + perturb + 1) & mask;
        }
        d->index[i] = (int32_t)n;
    }
}

/* Makes room for one more entry: compacts holes, grows entries and index. */
static void grow(VM *vm, Dict *d)
{
    if (d->nentries > d->used) {       /* squeeze out deleted entries */
        size_t w = 0;
        for (size_t r = 0; r < d->nentries; r++)
            if (!IS_NULL(d->entries[r].key))
                d->entries[w++] = d->entries[r];
        d->nentries = w;
    }
    size_t need = d->used + 1;
    if (need > d->cap || d->cap > 4 * need + 8) {
        size_t ncap = d->cap ? d->cap : 5;
        while (ncap < need)
            ncap = ncap * 2;
        d->entries = vm_realloc(vm, d->entries, d->cap * sizeof(DictEntry), ncap * sizeof(DictEntry));
        d->cap = ncap;
    }
    size_t isize = 8;
    while (isize * 2 < d->cap * 3)     /* keep the index at most 2/3 full */
        isize *= 2;
    rebuild_index(vm, d, isize);
}

static int key_hash(VM *vm, Value key, int64_t *h)
{
    if (IS_OBJ(key) && plain_str(AS_OBJ(key))) {
        *h = str_hash(AS_STR(key));
        return 0;
    }
    return vm_hash(vm, key, h);
}

Value dict_get(VM *vm, Dict *d, Value key)
{
    int64_t h;
    if (key_hash(vm, key, &h) < 0)
        return VNULL;
    int64_t ix = lookup(vm, d, key, h, NULL);
    return ix >= 0 ? d->entries[ix].value : VNULL;
}

Value dict_get_str(Dict *d, Str *key)
{
    int64_t ix = dict_index_str(d, key);
    return ix >= 0 ? d->entries[ix].value : VNULL;
}

/* A class's namespace changed: every remembered class lookup is stale. */
static inline void changed(VM *vm, Dict *d)
{
    if (d->hdr.flags & DICT_CLASS_NS)
        vm->class_epoch++;
}

int dict_set(VM *vm, Dict *d, Value key, Value value)
{
    int64_t h;
    if (key_hash(vm, key, &h) < 0)
        return -1;
    size_t slot;
    int64_t ix = lookup(vm, d, key, h, &slot);
    if (ix == -2)
        return -1;
    changed(vm, d);
    if (ix >= 0) {
        d->entries[ix].value = value;
        return 0;
    }
    if (!d->index || d->nentries >= d->cap || (d->nentries + 1) * 3 > d->index_size * 2) {
        grow(vm, d);
        lookup(vm, d, key, h, &slot);  /* cannot compare: key is absent */
    }
    DictEntry *e = &d->entries[d->nentries];
    e->hash = h;
    e->key = key;
    e->value = value;
    d->index[slot] = (int32_t)d->nentries;
    d->nentries++;
    d->used++;
    d->version++;
    return 0;
}

int dict_del(VM *vm, Dict *d, Value key)
{
    int64_t h;
    if (key_hash(vm, key, &h) < 0)
        return -1;
    if (!d->index)
        return 0;
    /* find the slot holding the entry */
    size_t mask = d->index_size - 1;
    uint64_t perturb = (uint64_t)h;
    size_t i = (size_t)h & mask;
    for (;;) {
        int32_t ix = d->index[i];
        if (ix == IX_EMPTY)
            return 0;
        if (ix >= 0 && d->entries[ix].hash == h) {
            int eq = quick_eq(d->entries[ix].key, key);
            if (eq == -2) {
                eq = vm_eq(vm, d->entries[ix].key, key);
                if (eq < 0)
                    return -1;
            }
            if (eq) {
                changed(vm, d);
                d->index[i] = IX_DELETED;
                d->entries[ix].key = VNULL;
                d->entries[ix].value = VNULL;
                d->used--;
                d->version++;
                if (d->used == 0) {          /* cheap reset keeps tables small */
                    d->nentries = 0;
                    memset(d->index, 0xff, d->index_size * sizeof(int32_t));
                }
                return 1;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

void dict_clear(VM *vm, Dict *d)
{
    changed(vm, d);
    dict_free_storage(vm, d);
    d->version++;
}

Dict *dict_copy(VM *vm, Dict *src)
{
    Dict *d = dict_new(vm);
    for (size_t i = 0; i < src->nentries; i++) {
        DictEntry *e = &src->entries[i];
        if (!IS_NULL(e->key))
            dict_set(vm, d, e->key, e->value);
    }
    return d;
}

int64_t dict_index_str(Dict *d, Str *key)
{
    if (!d->index)
        return -1;
    int64_t h = str_hash(key);
    size_t mask = d->index_size - 1;
    uint64_t perturb = (uint64_t)h;
    size_t i = (size_t)h & mask;
    for (;;) {
        int32_t ix = d->index[i];
        if (ix == IX_EMPTY)
            return -1;
        if (ix >= 0) {
            DictEntry *e = &d->entries[ix];
            if (e->hash == h && IS_STR(e->key) && str_eq(AS_STR(e->key), key))
                return ix;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}
