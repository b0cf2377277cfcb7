/*
 * set.c - set and frozenset: an open-addressing hash table laid out as
 * CPython 3.12 lays out its sets, so that iteration order (which programs
 * print) is the same as CPython's.
 *
 * The table behaviour reproduced here, learned from experiment and from the
 * documented design of CPython's sets:
 *  - a new set has 8 slots; the table size is always a power of two;
 *  - a key goes to slot (hash & mask); on collision the next 9 slots are
 *    probed linearly (only when they do not wrap past the end of the table),
 *    then the position jumps to (i * 5 + 1 + perturb) & mask, perturb being
 *    the hash (unsigned) shifted right by 5 at each jump;
 *  - a deleted slot becomes a dummy; an add that reaches an empty slot
 *    without finding the key goes into the last dummy met on the way, if any;
 *  - after filling a fresh slot, when fill * 5 >= mask * 3 the table is
 *    rebuilt with room for used * 4 keys (used * 2 above 50000): the new size
 *    is the smallest power of two (>= 8) greater than that number, and live
 *    keys are re-inserted in old slot order;
 *  - set operations build their results the way CPython's do (copies merge
 *    into a presized table, intersections iterate over the smaller operand,
 *    and so on; see each function).
 *
 * Dummy slots hold key VNONE and hash SET_DUMMY (-1, a value no real hash
 * takes). The collector may mark every key whose tag is not V_NULL.
 * For a set (not a frozenset) Set.version holds pop()'s search finger.
 * A table holds (mask + 1) * sizeof(SetEntry) bytes from vm_realloc.
 *
 * NEEDS FROM CORE (reported):
 *  - (done by the core) OBJ_SET is freed as (mask + 1) * sizeof(SetEntry) bytes;
 *    SET_UPDATE and set()/frozenset() call set_update().
 *  - (done by the front end) a set display of more than two constants,
 *    {100, 5, 37}, is built through the same rebuilds as CPython's constant
 *    folding (set -> list -> set -> set with SET_UPDATE), so it prints
 *    {5, 100, 37}; set_update_const() does the same in one call.
 *  - Set subclasses: the core refuses `class S(set)`; repr and the set
 *    operations here already handle them (type name in repr, results of the
 *    base type).
 */
#include <stdlib.h>
#include <string.h>
#include "vm.h"

#define SET_DUMMY ((int64_t)-1)
#define SET_MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

/* Exported to containers.c (declared there). */
int set_update(VM *vm, Set *so, Value other);
int set_update_const(VM *vm, Set *so, const Value *items, size_t n);
Set *set_copy(VM *vm, Set *so);
Value set_from_iterable(VM *vm, Class *cls, Value iterable);
Value set_iter_impl(VM *vm, Set *so);
Str *set_repr_impl(VM *vm, Set *so);
Value set_binary_impl(VM *vm, Value a, Value b, BinOpKind op, bool inplace);
Value set_compare_impl(VM *vm, Value a, Value b, CmpKind op);
int set_contains_value(VM *vm, Set *so, Value key);
int set_hash_impl(VM *vm, Set *so, int64_t *out);
void set_methods_register(VM *vm);

static inline bool is_frozen(VM *vm, Set *so)
{
    return vm_is_subclass(so->hdr.cls, TYPE(vm, frozenset));
}

static SetEntry *table_alloc(VM *vm, size_t n)
{
    SetEntry *t = vm_realloc(vm, NULL, 0, n * sizeof(SetEntry));
    if (t) memset(t, 0, n * sizeof(SetEntry));
    return t;
}

Set *set_new(VM *vm, Class *cls)
{
    if (!cls) cls = TYPE(vm, set);
    Set *s = vm_alloc_obj(vm, sizeof(Set), OBJ_SET, cls);
    if (!s) return NULL;
    s->used = s->fill = 0;
    s->mask = SET_MINSIZE - 1;
    s->version = 0;
    s->table = NULL;
    s->table = table_alloc(vm, SET_MINSIZE);
    if (!s->table) {
        s->mask = 0;
        return NULL;
    }
    return s;
}

/* The base type a result of a set operation on `so` gets. */
static Class *base_type(VM *vm, Set *so)
{
    return is_frozen(vm, so) ? TYPE(vm, frozenset) : TYPE(vm, set);
}


/* Inserts into a table known to hold no dummies and not `key`. */
static void insert_clean(SetEntry *table, size_t mask, Value key, int64_t hash)
{
    size_t perturb = (size_t)(uint64_t)hash;
    size_t i = (size_t)(uint64_t)hash & mask;
    SetEntry *e;
    for (;;) {
        e = &table[i];
        if (IS_NULL(e->key)) goto found;
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                e++;
                if (IS_NULL(e->key)) goto found;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found:
    e->key = key;
    e->hash = hash;
}

static int table_resize(VM *vm, Set *so, size_t minused)
{
    size_t newsize = SET_MINSIZE;
    while (newsize <= minused) newsize <<= 1;
    SetEntry *nt = table_alloc(vm, newsize);
    if (!nt) return -1;
    SetEntry *old = so->table;
    size_t oldn = so->mask + 1;
    for (size_t i = 0; i < oldn; i++) {
        if (!IS_NULL(old[i].key) && old[i].hash != SET_DUMMY)
            insert_clean(nt, newsize - 1, old[i].key, old[i].hash);
    }
    so->table = nt;
    so->mask = newsize - 1;
    so->fill = so->used;
    vm_free_mem(vm, old, oldn * sizeof(SetEntry));
    return 0;
}

static inline size_t growth_target(Set *so)
{
    return so->used > 50000 ? so->used * 2 : so->used * 4;
}

/* Adds key with a known hash: 1 added, 0 already present, -1 raised. */
static int add_entry(VM *vm, Set *so, Value key, int64_t hash)
{
restart:;
    SetEntry *table = so->table;
    size_t mask = so->mask;
    size_t perturb = (size_t)(uint64_t)hash;
    size_t i = (size_t)(uint64_t)hash & mask;
    SetEntry *freeslot = NULL;
    SetEntry *e;
    for (;;) {
        e = &table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (IS_NULL(e->key)) goto found_empty;
            if (e->hash == hash) {
                Value start = e->key;
                int r = vm_items_eq(vm, start, key);
                if (r < 0) return -1;
                if (r > 0) return 0;
                if (table != so->table || mask != so->mask || !vm_same_value(e->key, start))
                    goto restart;
            } else if (e->hash == SET_DUMMY) {
                freeslot = e;   /* the last dummy met is the one reused */
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_empty:
    if (freeslot) {
        freeslot->key = key;
        freeslot->hash = hash;
        so->used++;
        return 1;
    }
    e->key = key;
    e->hash = hash;
    so->fill++;
    so->used++;
    if (so->fill * 5 < mask * 3) return 1;
    return table_resize(vm, so, growth_target(so)) < 0 ? -1 : 1;
}

/* Finds key: the entry, NULL when absent; *err set on an exception. */
static SetEntry *lookup(VM *vm, Set *so, Value key, int64_t hash, bool *err)
{
    *err = false;
restart:;
    SetEntry *table = so->table;
    size_t mask = so->mask;
    size_t perturb = (size_t)(uint64_t)hash;
    size_t i = (size_t)(uint64_t)hash & mask;
    for (;;) {
        SetEntry *e = &table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (IS_NULL(e->key)) return NULL;
            if (e->hash == hash) {
                Value start = e->key;
                int r = vm_items_eq(vm, start, key);
                if (r < 0) { *err = true; return NULL; }
                if (r > 0) {
                    if (table != so->table || !vm_same_value(e->key, start)) goto restart;
                    return e;
                }
                if (table != so->table || mask != so->mask || !vm_same_value(e->key, start))
                    goto restart;
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static int contains_entry(VM *vm, Set *so, Value key, int64_t hash)
{
    bool err;
    SetEntry *e = lookup(vm, so, key, hash, &err);
    if (err) return -1;
    return e != NULL;
}

/* 1 removed, 0 absent, -1 raised. */
static int discard_entry(VM *vm, Set *so, Value key, int64_t hash)
{
    bool err;
    SetEntry *e = lookup(vm, so, key, hash, &err);
    if (err) return -1;
    if (!e) return 0;
    e->key = VNONE;
    e->hash = SET_DUMMY;
    so->used--;
    return 1;
}

/* ---- hashing of keys -------------------------------------------------- */

static inline uint64_t shuffle_bits(uint64_t h)
{
    return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL;
}

/* The frozenset hash of a set's contents (also used to look a set up as a
 * frozenset key, as CPython does for `{1} in s`). */
static int64_t contents_hash(Set *so)
{
    uint64_t h = 0;
    for (size_t i = 0; i <= so->mask; i++) {
        SetEntry *e = &so->table[i];
        if (!IS_NULL(e->key) && e->hash != SET_DUMMY) h ^= shuffle_bits((uint64_t)e->hash);
    }
    h ^= ((uint64_t)so->used + 1) * 1927868237ULL;
    h ^= (h >> 11) ^ (h >> 25);
    h = h * 69069U + 907133923ULL;
    if (h == (uint64_t)-1) h = 590923713ULL;
    return (int64_t)h;
}

int set_hash_impl(VM *vm, Set *so, int64_t *out)
{
    if (!is_frozen(vm, so)) {
        vm_raise(vm, EXC_TypeError, "unhashable type: '%s'", vm_type_name(vm, VOBJ(so)));
        return -1;
    }
    *out = contents_hash(so);
    return 0;
}

static inline int hash_key(VM *vm, Value key, int64_t *h)
{
    if (IS_INT(key)) {
        /* Fast path: CPython's int hash for int64 values. */
        int64_t n = key.as.i;
        const uint64_t P = ((uint64_t)1 << 61) - 1;
        uint64_t m = n < 0 ? (uint64_t)0 - (uint64_t)n : (uint64_t)n;
        int64_t r = (int64_t)(m % P);
        if (n < 0) r = -r;
        if (r == -1) r = -2;
        *h = r;
        return 0;
    }
    if (IS_STR(key) && AS_STR(key)->hash != -1) {
        *h = AS_STR(key)->hash;
        return 0;
    }
    return vm_hash(vm, key, h);
}

/* A key for lookups (contains/remove/discard): a set that is not hashable
 * is looked up as the frozenset of its contents. */
static int lookup_hash(VM *vm, Value key, int64_t *h)
{
    if (IS_SET(key)) {
        *h = contents_hash(AS_SET(key));
        return 0;
    }
    return hash_key(vm, key, h);
}

/* ---- the vm.h API ----------------------------------------------------- */

int set_add(VM *vm, Set *s, Value key)
{
    int64_t h;
    if (hash_key(vm, key, &h) < 0) return -1;
    return add_entry(vm, s, key, h) < 0 ? -1 : 0;
}

int set_contains(VM *vm, Set *s, Value key)
{
    int64_t h;
    if (lookup_hash(vm, key, &h) < 0) return -1;
    return contains_entry(vm, s, key, h);
}

int set_contains_value(VM *vm, Set *so, Value key)
{
    return set_contains(vm, so, key);
}

int set_discard(VM *vm, Set *s, Value key)
{
    int64_t h;
    if (lookup_hash(vm, key, &h) < 0) return -1;
    return discard_entry(vm, s, key, h);
}

/* ---- iteration helpers ------------------------------------------------- */

/* Next live entry at or after *pos; false at the end. */
static inline bool set_next(Set *so, size_t *pos, SetEntry **out)
{
    size_t i = *pos;
    while (i <= so->mask) {
        SetEntry *e = &so->table[i++];
        if (!IS_NULL(e->key) && e->hash != SET_DUMMY) {
            *pos = i;
            *out = e;
            return true;
        }
    }
    *pos = i;
    return false;
}

static int set_clear_internal(VM *vm, Set *so)
{
    SetEntry *nt = table_alloc(vm, SET_MINSIZE);
    if (!nt) return -1;
    vm_free_mem(vm, so->table, (so->mask + 1) * sizeof(SetEntry));
    so->table = nt;
    so->mask = SET_MINSIZE - 1;
    so->used = so->fill = 0;   /* pop()'s finger (version) survives, as in CPython */
    return 0;
}

/* Merges another set's keys into so. */
static int set_merge(VM *vm, Set *so, Set *other)
{
    if (other == so || other->used == 0) return 0;
    /* One resize up front rather than several while inserting. */
    if ((so->fill + other->used) * 5 >= so->mask * 3) {
        if (table_resize(vm, so, (so->used + other->used) * 2) < 0) return -1;
    }
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        /* Same size and no dummies: slot for slot. */
        memcpy(so->table, other->table, (other->mask + 1) * sizeof(SetEntry));
        so->fill = other->fill;
        so->used = other->used;
        return 0;
    }
    if (so->fill == 0) {
        for (size_t i = 0; i <= other->mask; i++) {
            SetEntry *e = &other->table[i];
            if (!IS_NULL(e->key) && e->hash != SET_DUMMY)
                insert_clean(so->table, so->mask, e->key, e->hash);
        }
        so->fill = so->used = other->used;
        return 0;
    }
    /* Possible duplicates: ordinary insertions. `other` may change under a
     * user __eq__, so re-check bounds on each step. */
    for (size_t i = 0; i <= other->mask; i++) {
        SetEntry *e = &other->table[i];
        if (!IS_NULL(e->key) && e->hash != SET_DUMMY) {
            if (add_entry(vm, so, e->key, e->hash) < 0) return -1;
        }
    }
    return 0;
}

static int update_from_dict(VM *vm, Set *so, Dict *d)
{
    if ((so->fill + d->used) * 5 >= so->mask * 3) {
        if (table_resize(vm, so, (so->used + d->used) * 2) < 0) return -1;
    }
    for (size_t i = 0; i < d->nentries; i++) {
        DictEntry *de = &d->entries[i];
        if (IS_NULL(de->key)) continue;
        if (add_entry(vm, so, de->key, de->hash) < 0) return -1;
    }
    return 0;
}

/* so |= other for any iterable (CPython's set update order). */
int set_update(VM *vm, Set *so, Value other)
{
    if (IS_SET(other)) return set_merge(vm, so, AS_SET(other));
    if (IS_DICT(other) && AS_OBJ(other)->cls == TYPE(vm, dict))
        return update_from_dict(vm, so, AS_DICT(other));
    if (IS_LIST(other)) {
        List *l = AS_LIST(other);
        for (size_t i = 0; i < l->len; i++)
            if (set_add(vm, so, l->items[i]) < 0) return -1;
        return 0;
    }
    if (IS_TUPLE(other)) {
        Tuple *t = AS_TUPLE(other);
        for (size_t i = 0; i < t->len; i++)
            if (set_add(vm, so, t->items[i]) < 0) return -1;
        return 0;
    }
    Value it = vm_iter(vm, other);
    if (IS_NULL(it)) return -1;
    vm_push_root(vm, &it);
    int rc = 0;
    for (;;) {
        Value item;
        int r = vm_next(vm, it, &item);
        if (r < 0) { rc = -1; break; }
        if (r == 0) break;
        if (set_add(vm, so, item) < 0) { rc = -1; break; }
    }
    vm_pop_root(vm);
    return rc;
}

/* A new set or frozenset (cls) holding iterable's items. */
Value set_from_iterable(VM *vm, Class *cls, Value iterable)
{
    Set *r = set_new(vm, cls);
    if (!r) return VNULL;
    Value rv = VOBJ(r);
    if (IS_NULL(iterable)) return rv;
    vm_push_root(vm, &rv);
    int rc = set_update(vm, r, iterable);
    vm_pop_root(vm);
    return rc < 0 ? VNULL : rv;
}

/* A set display of more than two constants, {100, 5, 37}: CPython folds it
 * into a frozenset constant built from the items in source order, its
 * compiler then rebuilds that frozenset from its own iteration order (when it
 * merges equal constants), and the display merges the result into a fresh
 * set. Each rebuild can move keys, so the printed order depends on all three
 * steps; this reproduces them. */
int set_update_const(VM *vm, Set *so, const Value *items, size_t n)
{
    Set *f1 = set_new(vm, TYPE(vm, frozenset));
    if (!f1) return -1;
    Value v1 = VOBJ(f1), v2 = VNONE;
    vm_push_root(vm, &v1);
    vm_push_root(vm, &v2);
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) rc = set_add(vm, f1, items[i]);
    Set *f2 = rc == 0 ? set_new(vm, TYPE(vm, frozenset)) : NULL;
    if (f2) {
        v2 = VOBJ(f2);
        size_t pos = 0;
        SetEntry *e;
        while (rc == 0 && set_next(f1, &pos, &e)) rc = add_entry(vm, f2, e->key, e->hash) < 0 ? -1 : 0;
        if (rc == 0) rc = set_merge(vm, so, f2);
    } else {
        rc = -1;
    }
    vm_pop_root(vm);
    vm_pop_root(vm);
    return rc;
}

Set *set_copy(VM *vm, Set *so)
{
    Set *r = set_new(vm, base_type(vm, so));
    if (!r) return NULL;
    if (set_merge(vm, r, so) < 0) return NULL;   /* no Python code runs: no rooting needed */
    return r;
}

/* ---- set algebra, as CPython builds the results ------------------------ */

/* A temporary set from an arbitrary iterable, or the set itself. The
 * result is stored in *slot (which the caller roots). */
static Set *as_set(VM *vm, Value other, Value *slot)
{
    if (IS_SET(other)) {
        *slot = other;
        return AS_SET(other);
    }
    Value v = set_from_iterable(vm, TYPE(vm, set), other);
    if (IS_NULL(v)) return NULL;
    *slot = v;
    return AS_SET(v);
}

static Set *set_intersection(VM *vm, Set *so, Value other)
{
    if (IS_SET(other) && AS_SET(other) == so) return set_copy(vm, so);
    Set *r = set_new(vm, base_type(vm, so));
    if (!r) return NULL;
    Value rv = VOBJ(r);
    vm_push_root(vm, &rv);
    int rc = 0;
    if (IS_SET(other)) {
        Set *a = so, *b = AS_SET(other);
        if (b->used > a->used) { Set *t = a; a = b; b = t; }
        /* iterate over b (the smaller, or `other` on a tie), look up in a */
        size_t pos = 0;
        SetEntry *e;
        while (set_next(b, &pos, &e)) {
            Value key = e->key;
            int64_t h = e->hash;
            int c = contains_entry(vm, a, key, h);
            if (c < 0 || (c > 0 && add_entry(vm, r, key, h) < 0)) { rc = -1; break; }
        }
    } else {
        Value it = vm_iter(vm, other);
        if (IS_NULL(it)) {
            rc = -1;
        } else {
            vm_push_root(vm, &it);
            for (;;) {
                Value key;
                int n = vm_next(vm, it, &key);
                if (n <= 0) { rc = n; break; }
                int64_t h;
                if (hash_key(vm, key, &h) < 0) { rc = -1; break; }
                int c = contains_entry(vm, so, key, h);
                if (c < 0 || (c > 0 && add_entry(vm, r, key, h) < 0)) { rc = -1; break; }
            }
            vm_pop_root(vm);
        }
    }
    vm_pop_root(vm);
    return rc < 0 ? NULL : r;
}

static int set_difference_update_internal(VM *vm, Set *so, Value other)
{
    if (IS_SET(other) && AS_SET(other) == so) return set_clear_internal(vm, so);
    if (IS_SET(other)) {
        Set *o = AS_SET(other);
        size_t pos = 0;
        SetEntry *e;
        while (set_next(o, &pos, &e))
            if (discard_entry(vm, so, e->key, e->hash) < 0) return -1;
    } else {
        Value it = vm_iter(vm, other);
        if (IS_NULL(it)) return -1;
        vm_push_root(vm, &it);
        int rc = 0;
        for (;;) {
            Value key;
            int n = vm_next(vm, it, &key);
            if (n <= 0) { rc = n; break; }
            if (set_discard(vm, so, key) < 0) { rc = -1; break; }
        }
        vm_pop_root(vm);
        if (rc < 0) return -1;
    }
    /* More than a quarter dummies: rebuild. */
    if (so->fill - so->used <= so->mask / 4) return 0;
    return table_resize(vm, so, growth_target(so));
}

static Set *set_copy_and_difference(VM *vm, Set *so, Value other)
{
    Set *r = set_copy(vm, so);
    if (!r) return NULL;
    Value rv = VOBJ(r);
    vm_push_root(vm, &rv);
    int rc = set_difference_update_internal(vm, r, other);
    vm_pop_root(vm);
    return rc < 0 ? NULL : r;
}

static Set *set_difference(VM *vm, Set *so, Value other)
{
    size_t other_size;
    bool is_dict = IS_DICT(other) && AS_OBJ(other)->cls == TYPE(vm, dict);
    if (IS_SET(other)) other_size = AS_SET(other)->used;
    else if (is_dict) other_size = AS_DICT(other)->used;
    else return set_copy_and_difference(vm, so, other);
    if ((so->used >> 2) > other_size) return set_copy_and_difference(vm, so, other);

    Set *r = set_new(vm, base_type(vm, so));
    if (!r) return NULL;
    Value rv = VOBJ(r);
    vm_push_root(vm, &rv);
    int rc = 0;
    size_t pos = 0;
    SetEntry *e;
    while (set_next(so, &pos, &e)) {
        Value key = e->key;
        int64_t h = e->hash;
        int c;
        if (is_dict) {
            Value got = dict_get(vm, AS_DICT(other), key);
            if (IS_NULL(got) && !IS_NULL(vm->exc)) { rc = -1; break; }
            c = !IS_NULL(got);
        } else {
            c = contains_entry(vm, AS_SET(other), key, h);
        }
        if (c < 0 || (c == 0 && add_entry(vm, r, key, h) < 0)) { rc = -1; break; }
    }
    vm_pop_root(vm);
    return rc < 0 ? NULL : r;
}

static int sym_diff_walk(VM *vm, Set *so, Set *o)
{
    size_t pos = 0;
    SetEntry *e;
    while (set_next(o, &pos, &e)) {
        Value key = e->key;
        int64_t h = e->hash;
        int d = discard_entry(vm, so, key, h);
        if (d < 0) return -1;
        if (d == 0 && add_entry(vm, so, key, h) < 0) return -1;
    }
    return 0;
}

static int set_symmetric_difference_update(VM *vm, Set *so, Value other)
{
    if (IS_SET(other) && AS_SET(other) == so) return set_clear_internal(vm, so);
    if (IS_DICT(other) && AS_OBJ(other)->cls == TYPE(vm, dict)) {
        Dict *d = AS_DICT(other);
        for (size_t i = 0; i < d->nentries; i++) {
            DictEntry *de = &d->entries[i];
            if (IS_NULL(de->key)) continue;
            Value key = de->key;
            int64_t h = de->hash;
            int r = discard_entry(vm, so, key, h);
            if (r < 0) return -1;
            if (r == 0 && add_entry(vm, so, key, h) < 0) return -1;
        }
        return 0;
    }
    Value tmp = VNONE;
    vm_push_root(vm, &tmp);
    Set *o = IS_SET(other) ? AS_SET(other) : NULL;
    if (!o) {
        Set *t = set_new(vm, base_type(vm, so));
        tmp = t ? VOBJ(t) : VNONE;
        if (!t || set_update(vm, t, other) < 0) { vm_pop_root(vm); return -1; }
        o = t;
    }
    int rc = sym_diff_walk(vm, so, o);
    vm_pop_root(vm);
    return rc;
}

static Set *set_symmetric_difference(VM *vm, Set *so, Value other)
{
    Set *r = set_new(vm, base_type(vm, so));
    if (!r) return NULL;
    Value rv = VOBJ(r);
    vm_push_root(vm, &rv);
    int rc = set_update(vm, r, other);
    if (rc == 0) rc = set_symmetric_difference_update(vm, r, VOBJ(so));
    vm_pop_root(vm);
    return rc < 0 ? NULL : r;
}

/* so <= other (other a set): 1, 0, -1 */
static int is_subset_of(VM *vm, Set *so, Set *other)
{
    if (so->used > other->used) return 0;
    size_t pos = 0;
    SetEntry *e;
    while (set_next(so, &pos, &e)) {
        int c = contains_entry(vm, other, e->key, e->hash);
        if (c <= 0) return c;
    }
    return 1;
}

static int set_issubset(VM *vm, Set *so, Value other)
{
    Value tmp = VNONE;
    vm_push_root(vm, &tmp);
    Set *o = as_set(vm, other, &tmp);
    int r = o ? is_subset_of(vm, so, o) : -1;
    vm_pop_root(vm);
    return r;
}

static int set_issuperset(VM *vm, Set *so, Value other)
{
    if (IS_SET(other)) return is_subset_of(vm, AS_SET(other), so);
    Value it = vm_iter(vm, other);
    if (IS_NULL(it)) return -1;
    vm_push_root(vm, &it);
    int rc = 1;
    for (;;) {
        Value key;
        int n = vm_next(vm, it, &key);
        if (n < 0) { rc = -1; break; }
        if (n == 0) break;
        int c = set_contains(vm, so, key);
        if (c <= 0) { rc = c; break; }
    }
    vm_pop_root(vm);
    return rc;
}

static int set_isdisjoint(VM *vm, Set *so, Value other)
{
    if (IS_SET(other)) {
        Set *a = so, *b = AS_SET(other);
        if (a == b) return a->used == 0;
        if (b->used > a->used) { Set *t = a; a = b; b = t; }
        size_t pos = 0;
        SetEntry *e;
        while (set_next(b, &pos, &e)) {
            int c = contains_entry(vm, a, e->key, e->hash);
            if (c != 0) return c < 0 ? -1 : 0;
        }
        return 1;
    }
    Value it = vm_iter(vm, other);
    if (IS_NULL(it)) return -1;
    vm_push_root(vm, &it);
    int rc = 1;
    for (;;) {
        Value key;
        int n = vm_next(vm, it, &key);
        if (n < 0) { rc = -1; break; }
        if (n == 0) break;
        int c = set_contains(vm, so, key);
        if (c != 0) { rc = c < 0 ? -1 : 0; break; }
    }
    vm_pop_root(vm);
    return rc;
}

/* ---- iteration ---------------------------------------------------------- */

static int set_iter_next(VM *vm, Iter *it, Value *out)
{
    if (!IS_SET(it->a)) return 0;
    Set *so = AS_SET(it->a);
    if ((int64_t)so->used != it->n) {
        it->n = -1;   /* sticky, as CPython */
        vm_raise(vm, EXC_RuntimeError, "Set changed size during iteration");
        return -1;
    }
    size_t pos = (size_t)it->i;
    SetEntry *e;
    if (set_next(so, &pos, &e)) {
        it->i = (int64_t)pos;
        *out = e->key;
        return 1;
    }
    it->a = VNONE;
    return 0;
}

Value set_iter_impl(VM *vm, Set *so)
{
    Iter *it = iter_new(vm, set_iter_next, VOBJ(so));
    if (!it) return VNULL;
    it->i = 0;
    it->n = (int64_t)so->used;
    return VOBJ(it);
}

/* ---- repr ----------------------------------------------------------------- */

typedef struct Buf { char *p; size_t len, cap; } Buf;

static bool buf_put(Buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t nc = b->cap ? b->cap : 64;
        while (b->len + n + 1 > nc) nc *= 2;
        char *np = realloc(b->p, nc);
        if (!np) return false;
        b->p = np;
        b->cap = nc;
    }
    if (n) memcpy(b->p + b->len, s, n);
    b->len += n;
    return true;
}

#define SET_REPR_BUSY 0x4000u

Str *set_repr_impl(VM *vm, Set *so)
{
    const char *tname = so->hdr.cls->name->data;
    bool plain = so->hdr.cls == TYPE(vm, set);
    if (so->used == 0) return str_printf(vm, "%s()", tname);
    if (so->hdr.flags & SET_REPR_BUSY) return str_printf(vm, "%s(...)", tname);
    so->hdr.flags |= SET_REPR_BUSY;
    Buf b = {0};
    bool ok = true;
    if (!plain) ok = buf_put(&b, tname, strlen(tname)) && buf_put(&b, "(", 1);
    ok = ok && buf_put(&b, "{", 1);
    size_t pos = 0, n = 0;
    SetEntry *e;
    Str *res = NULL;
    while (ok && set_next(so, &pos, &e)) {
        Value key = e->key;
        if (n++ && !buf_put(&b, ", ", 2)) { ok = false; break; }
        vm_push_root(vm, &key);
        Str *r = vm_repr(vm, key);
        vm_pop_root(vm);
        if (!r) goto done;
        if (!buf_put(&b, r->data, r->len)) ok = false;
        /* A user __repr__ may have resized the table. */
        if (pos > so->mask + 1) break;
    }
    ok = ok && buf_put(&b, "}", 1) && (plain || buf_put(&b, ")", 1));
    if (!ok) vm_raise(vm, EXC_MemoryError, "out of memory");
    else res = str_new(vm, b.p, b.len);
done:
    so->hdr.flags &= (uint16_t)~SET_REPR_BUSY;
    free(b.p);
    return res;
}

/* ---- operators -------------------------------------------------------- */

Value set_binary_impl(VM *vm, Value a, Value b, BinOpKind op, bool inplace)
{
    if (!IS_SET(a) || !IS_SET(b)) return vm->not_implemented;
    Set *so = AS_SET(a);
    if (inplace && !is_frozen(vm, so)) {
        int rc;
        switch (op) {
        case BINOP_OR: rc = set_update(vm, so, b); break;
        case BINOP_AND: {
            Set *t = set_intersection(vm, so, b);
            if (!t) return VNULL;
            /* swap bodies: so takes t's table */
            SetEntry *tt = so->table; size_t tm = so->mask;
            so->table = t->table; so->mask = t->mask;
            so->used = t->used; so->fill = t->fill;
            t->table = tt; t->mask = tm; t->used = t->fill = 0;
            for (size_t i = 0; i <= tm; i++) { tt[i].key = VNULL; tt[i].hash = 0; }
            rc = 0;
            break;
        }
        case BINOP_SUB: rc = set_difference_update_internal(vm, so, b); break;
        case BINOP_XOR: rc = set_symmetric_difference_update(vm, so, b); break;
        default: return vm->not_implemented;
        }
        return rc < 0 ? VNULL : a;
    }
    Set *r;
    switch (op) {
    case BINOP_OR:
        r = set_copy(vm, so);
        if (r && AS_SET(b) != so) {
            Value rv = VOBJ(r);
            vm_push_root(vm, &rv);
            int rc = set_update(vm, r, b);
            vm_pop_root(vm);
            if (rc < 0) r = NULL;
        }
        break;
    case BINOP_AND: r = set_intersection(vm, so, b); break;
    case BINOP_SUB: r = set_difference(vm, so, b); break;
    case BINOP_XOR: r = set_symmetric_difference(vm, so, b); break;
    default: return vm->not_implemented;
    }
    return r ? VOBJ(r) : VNULL;
}

Value set_compare_impl(VM *vm, Value a, Value b, CmpKind op)
{
    if (!IS_SET(a) || !IS_SET(b)) return vm->not_implemented;
    Set *x = AS_SET(a), *y = AS_SET(b);
    int r;
    switch (op) {
    case CMP_EQ:
    case CMP_NE:
        r = x->used != y->used ? 0 : is_subset_of(vm, x, y);
        if (r < 0) return VNULL;
        return VBOOL(op == CMP_EQ ? r : !r);
    case CMP_LE: r = is_subset_of(vm, x, y); break;
    case CMP_GE: r = is_subset_of(vm, y, x); break;
    case CMP_LT: r = x->used < y->used ? is_subset_of(vm, x, y) : 0; break;
    case CMP_GT: r = x->used > y->used ? is_subset_of(vm, y, x) : 0; break;
    default: return vm->not_implemented;
    }
    if (r < 0) return VNULL;
    return VBOOL(r);
}

/* ---- methods ------------------------------------------------------------ */

/* Argument checks with CPython's wording: "set.add() takes exactly one
 * argument (0 given)", "set.pop() takes no arguments (1 given)",
 * "set.update() takes no keyword arguments". max < 0: any number. */
static int set_args(VM *vm, Value *args, const char *name, int nargs, Tuple *kw, int max)
{
    const char *tname = is_frozen(vm, AS_SET(args[0])) ? "frozenset" : "set";
    int given = nargs - 1;
    if (kw && kw->len) {
        vm_raise(vm, EXC_TypeError, "%s.%s() takes no keyword arguments", tname, name);
        return -1;
    }
    if (max < 0 || given == max) return 0;
    if (max == 0) vm_raise(vm, EXC_TypeError, "%s.%s() takes no arguments (%d given)", tname, name, given);
    else vm_raise(vm, EXC_TypeError, "%s.%s() takes exactly one argument (%d given)", tname, name, given);
    return -1;
}

static Value m_add(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (set_args(vm, args, "add", nargs, kw, 1) < 0) return VNULL;
    if (set_add(vm, AS_SET(args[0]), args[1]) < 0) return VNULL;
    return VNONE;
}

static Value m_remove(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (set_args(vm, args, "remove", nargs, kw, 1) < 0) return VNULL;
    int r = set_discard(vm, AS_SET(args[0]), args[1]);
    if (r < 0) return VNULL;
    if (r == 0) return vm_raise_with(vm, EXC_KeyError, args[1]);
    return VNONE;
}

static Value m_discard(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (set_args(vm, args, "discard", nargs, kw, 1) < 0) return VNULL;
    if (set_discard(vm, AS_SET(args[0]), args[1]) < 0) return VNULL;
    return VNONE;
}

static Value m_pop(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (set_args(vm, args, "pop", nargs, kw, 0) < 0) return VNULL;
    Set *so = AS_SET(args[0]);
    if (so->used == 0) return vm_raise(vm, EXC_KeyError, "pop from an empty set");
    size_t i = (size_t)so->version & so->mask;
    while (IS_NULL(so->table[i].key) || so->table[i].hash == SET_DUMMY) {
        i++;
        if (i > so->mask) i = 0;
    }
    Value key = so->table[i].key;
    so->table[i].key = VNONE;
    so->table[i].hash = SET_DUMMY;
    so->used--;
    so->version = i + 1;
    return key;
}

static Value m_clear(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (set_args(vm, args, "clear", nargs, kw, 0) < 0) return VNULL;
    if (set_clear_internal(vm, AS_SET(args[0])) < 0) return VNULL;
    return VNONE;
}

static Value m_copy(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (set_args(vm, args, "copy", nargs, kw, 0) < 0) return VNULL;
    Set *so = AS_SET(args[0]);
    if (so->hdr.cls == TYPE(vm, frozenset)) return args[0];
    Set *r = set_copy(vm, so);
    return r ? VOBJ(r) : VNULL;
}

static Value m_update(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (set_args(vm, args, "update", nargs, kw, -1) < 0) return VNULL;
    for (int i = 1; i < nargs; i++)
        if (set_update(vm, AS_SET(args[0]), args[i]) < 0) return VNULL;
    return VNONE;
}

static Value m_union(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (set_args(vm, args, "union", nargs, kw, -1) < 0) return VNULL;
    Set *so = AS_SET(args[0]);
    Set *r = set_copy(vm, so);
    if (!r) return VNULL;
    Value rv = VOBJ(r);
    vm_push_root(vm, &rv);
    for (int i = 1; i < nargs; i++) {
        if (IS_SET(args[i]) && AS_SET(args[i]) == so) continue;
        if (set_update(vm, r, args[i]) < 0) { vm_pop_root(vm); return VNULL; }
    }
    vm_pop_root(vm);
    return rv;
}

/* intersection(*others): successive intersections. */
static Set *intersection_multi(VM *vm, Value *args, int nargs)
{
    Set *so = AS_SET(args[0]);
    if (nargs == 1) return set_copy(vm, so);
    Value cur = args[0];
    vm_push_root(vm, &cur);
    Set *r = NULL;
    for (int i = 1; i < nargs; i++) {
        r = set_intersection(vm, AS_SET(cur), args[i]);
        if (!r) break;
        cur = VOBJ(r);
    }
    vm_pop_root(vm);
    return r;
}

static Value m_intersection(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (set_args(vm, args, "intersection", nargs, kw, -1) < 0) return VNULL;
    Set *r = intersection_multi(vm, args, nargs);
    return r ? VOBJ(r) : VNULL;
}

static Value m_intersection_update(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (set_args(vm, args, "intersection_update", nargs, kw, -1) < 0) return VNULL;
    Set *so = AS_SET(args[0]);
    Set *t = intersection_multi(vm, args, nargs);
    if (!t) return VNULL;
    SetEntry *tt = so->table; size_t tm = so->mask;
    so->table = t->table; so->mask = t->mask;
    so->used = t->used; so->fill = t->fill;
    t->table = tt; t->mask = tm; t->used = t->fill = 0;
    for (size_t i = 0; i <= tm; i++) { tt[i].key = VNULL; tt[i].hash = 0; }
    return VNONE;
}

static Value m_difference(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (set_args(vm, args, "difference", nargs, kw, -1) < 0) return VNULL;
    Set *so = AS_SET(args[0]);
    if (nargs == 1) {
        Set *r = set_copy(vm, so);
        return r ? VOBJ(r) : VNULL;
    }
    Set *r = set_difference(vm, so, args[1]);
    if (!r) return VNULL;
    Value rv = VOBJ(r);
    vm_push_root(vm, &rv);
    for (int i = 2; i < nargs; i++) {
        if (set_difference_update_internal(vm, r, args[i]) < 0) { vm_pop_root(vm); return VNULL; }
    }
    vm_pop_root(vm);
    return rv;
}

static Value m_difference_update(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (set_args(vm, args, "difference_update", nargs, kw, -1) < 0) return VNULL;
    for (int i = 1; i < nargs; i++)
        if (set_difference_update_internal(vm, AS_SET(args[0]), args[i]) < 0) return VNULL;
    return VNONE;
}

static Value m_symmetric_difference(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (set_args(vm, args, "symmetric_difference", nargs, kw, 1) < 0) return VNULL;
    Set *r = set_symmetric_difference(vm, AS_SET(args[0]), args[1]);
    return r ? VOBJ(r) : VNULL;
}

static Value m_symmetric_difference_update(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (set_args(vm, args, "symmetric_difference_update", nargs, kw, 1) < 0) return VNULL;
    if (set_symmetric_difference_update(vm, AS_SET(args[0]), args[1]) < 0) return VNULL;
    return VNONE;
}

static Value m_issubset(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (set_args(vm, args, "issubset", nargs, kw, 1) < 0) return VNULL;
    int r = set_issubset(vm, AS_SET(args[0]), args[1]);
    return r < 0 ? VNULL : VBOOL(r);
}

static Value m_issuperset(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (set_args(vm, args, "issuperset", nargs, kw, 1) < 0) return VNULL;
    int r = set_issuperset(vm, AS_SET(args[0]), args[1]);
    return r < 0 ? VNULL : VBOOL(r);
}

static Value m_isdisjoint(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (set_args(vm, args, "isdisjoint", nargs, kw, 1) < 0) return VNULL;
    int r = set_isdisjoint(vm, AS_SET(args[0]), args[1]);
    return r < 0 ? VNULL : VBOOL(r);
}

void set_methods_register(VM *vm)
{
    Class *s = TYPE(vm, set), *f = TYPE(vm, frozenset);
    class_add_method(vm, s, "add", m_add);
    class_add_method(vm, s, "remove", m_remove);
    class_add_method(vm, s, "discard", m_discard);
    class_add_method(vm, s, "pop", m_pop);
    class_add_method(vm, s, "clear", m_clear);
    class_add_method(vm, s, "update", m_update);
    class_add_method(vm, s, "intersection_update", m_intersection_update);
    class_add_method(vm, s, "difference_update", m_difference_update);
    class_add_method(vm, s, "symmetric_difference_update", m_symmetric_difference_update);
    Class *both[2] = { s, f };
    for (int i = 0; i < 2; i++) {
        class_add_method(vm, both[i], "copy", m_copy);
        class_add_method(vm, both[i], "union", m_union);
        class_add_method(vm, both[i], "intersection", m_intersection);
        class_add_method(vm, both[i], "difference", m_difference);
        class_add_method(vm, both[i], "symmetric_difference", m_symmetric_difference);
        class_add_method(vm, both[i], "issubset", m_issubset);
        class_add_method(vm, both[i], "issuperset", m_issuperset);
        class_add_method(vm, both[i], "isdisjoint", m_isdisjoint);
    }
}
