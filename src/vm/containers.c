/*
 * containers.c - list, tuple, dict, range and the dict views: their methods,
 * iterators, repr, indexing, operators, comparisons and hashing, with
 * CPython 3.12's results and error messages. Sets live in set.c; this file
 * dispatches to it.
 *
 * It must not touch the dict's index (dict.c owns it): dicts are changed only
 * through dict_set/dict_del; their entries array is read directly, in order.
 * List item buffers hold cap * sizeof(Value) bytes from vm_realloc.
 *
 * C-level nesting (repr, ==, hash of nested containers) is counted in
 * vm->c_nesting, with CPython 3.12's depths for RecursionError.
 *
 * NEEDS FROM CORE (reported):
 *  - list item buffers are cap * sizeof(Value) bytes from vm_realloc, as
 *    list_new/list_append make them (this file grows and frees them so).
 *  - Obj.flags bit 0x4000 on list, tuple, dict and set objects marks "repr
 *    in progress" (CPython's [...] / {...}); the core must not use it there.
 *  - vm_hash does not dispatch OBJ_RANGE to container_hash, so
 *    hash(range(3)) == hash(range(0, 3)) is False (CPython: True).
 *  - ranges beyond int64 (range(10 ** 20)) need a Range layout with big ints.
 *  - n * [x] with n an object having __index__ (not an int): builtin_binop
 *    only passes ints on the left to container_binary (which handles it).
 *  - exported helpers the core and builtins may use (declare them where used):
 *      int list_extend(VM *, List *, Value iterable);      LIST_EXTEND, list()
 *      int dict_update_from(VM *, Dict *, Value other);    dict(x), DICT_UPDATE
 *      int set_update(VM *, Set *, Value iterable);        SET_UPDATE, set(x)
 *      int set_update_const(VM *, Set *, const Value *, size_t);  {1, 2, 3}
 *      Value set_from_iterable(VM *, Class *, Value);      set(x), frozenset(x)
 *      Value range_make(VM *, int64_t start, int64_t stop, int64_t step);
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "vm.h"
#include "internal.h"

/* set.c */
int set_update(VM *vm, Set *so, Value other);
Set *set_copy(VM *vm, Set *so);
Value set_from_iterable(VM *vm, Class *cls, Value iterable);
Value set_iter_impl(VM *vm, Set *so);
Str *set_repr_impl(VM *vm, Set *so);
Value set_binary_impl(VM *vm, Value a, Value b, BinOpKind op, bool inplace);
Value set_compare_impl(VM *vm, Value a, Value b, CmpKind op);
int set_contains_value(VM *vm, Set *so, Value key);
int set_hash_impl(VM *vm, Set *so, int64_t *out);
void set_methods_register(VM *vm);

/* exported from here */
int list_extend(VM *vm, List *l, Value iterable);
int dict_update_from(VM *vm, Dict *d, Value other);
Value range_make(VM *vm, int64_t start, int64_t stop, int64_t step);

#define REPR_BUSY 0x4000u


/* memmove of n values; n may be 0 with NULL pointers (empty lists). */
static inline void vcopy(Value *dst, const Value *src, size_t n)
{
    if (n) memmove(dst, src, n * sizeof(Value));
}

static void *xrealloc(VM *vm, void *p, size_t old, size_t n)
{
    void *r = vm_realloc(vm, p, old, n);
    if (!r && n && IS_NULL(vm->exc)) vm_raise(vm, EXC_MemoryError, "out of memory");
    return r;
}

/* Makes room for `need` items in l. */
static int list_reserve(VM *vm, List *l, size_t need)
{
    if (need <= l->cap) return 0;
    if (need > ((size_t)1 << 40) / sizeof(Value)) {
        vm_raise(vm, EXC_MemoryError, "%s", "");
        return -1;
    }
    size_t nc = l->cap + (l->cap >> 1) + 4;
    if (nc < need) nc = need;
    Value *ni = xrealloc(vm, l->items, l->cap * sizeof(Value), nc * sizeof(Value));
    if (!ni) return -1;
    l->items = ni;
    l->cap = nc;
    return 0;
}

static inline bool is_setlike_view(VM *vm, Value v)
{
    return IS_KIND(v, OBJ_VIEW) &&
           (AS_OBJ(v)->cls == TYPE(vm, dict_keys) || AS_OBJ(v)->cls == TYPE(vm, dict_items));
}

/* An index from a subscript. 1: *out set; 0: not an index type (nothing
 * raised); -1: raised (a big int: IndexError, as CPython's subscripts). */
static int subscript_index(VM *vm, Value key, int64_t *out)
{
    if (vm_small_int(key, out)) return 1;
    if (IS_BIGINT(key)) {
        vm_raise(vm, EXC_IndexError, "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    if (IS_KIND(key, OBJ_INSTANCE)) {
        Value m = vm_lookup_special(vm, key, str_intern(vm, "__index__", 9));
        if (IS_NULL(m)) return 0;
        return vm_index(vm, key, out) < 0 ? -1 : 1;
    }
    return 0;
}

/* A slice bound: None handled by the caller. Big ints clamp. */
static int slice_bound(VM *vm, Value v, int64_t *out)
{
    if (vm_small_int(v, out)) return 0;
    if (IS_BIGINT(v)) {
        *out = bi_sign(AS_BIGINT(v)) < 0 ? INT64_MIN : INT64_MAX;
        return 0;
    }
    if (IS_KIND(v, OBJ_INSTANCE) &&
        !IS_NULL(vm_lookup_special(vm, v, str_intern(vm, "__index__", 9)))) {
        if (vm_index(vm, v, out) == 0) return 0;
        if (vm_exc_matches(vm, EXC_OverflowError)) {
            vm_exc_take(vm);
            Value r = vm_call_method(vm, v, str_intern(vm, "__index__", 9), NULL, 0);
            if (IS_NULL(r)) return -1;
            *out = (IS_BIGINT(r) && bi_sign(AS_BIGINT(r)) < 0) ? INT64_MIN : INT64_MAX;
            return 0;
        }
        return -1;
    }
    vm_raise(vm, EXC_TypeError, "slice indices must be integers or None or have an __index__ method");
    return -1;
}

int slice_indices(VM *vm, Slice *s, int64_t len, int64_t *start, int64_t *stop,
                  int64_t *step, int64_t *slicelen)
{
    int64_t st = 1, a, b;
    if (!IS_NONE(s->step)) {
        if (slice_bound(vm, s->step, &st) < 0) return -1;
        if (st == 0) {
            vm_raise(vm, EXC_ValueError, "slice step cannot be zero");
            return -1;
        }
        if (st < -INT64_MAX) st = -INT64_MAX;
    }
    int64_t lower = st < 0 ? -1 : 0, upper = st < 0 ? len - 1 : len;
    if (IS_NONE(s->start)) {
        a = st < 0 ? upper : lower;
    } else {
        if (slice_bound(vm, s->start, &a) < 0) return -1;
        if (a < 0) { a = a < -len ? lower : a + len; if (a < lower) a = lower; }
        else if (a > upper) a = upper;
    }
    if (IS_NONE(s->stop)) {
        b = st < 0 ? lower : upper;
    } else {
        if (slice_bound(vm, s->stop, &b) < 0) return -1;
        if (b < 0) { b = b < -len ? lower : b + len; if (b < lower) b = lower; }
        else if (b > upper) b = upper;
    }
    int64_t n = 0;
    if (st < 0) { if (a > b) n = (int64_t)(((uint64_t)a - (uint64_t)b - 1) / (uint64_t)(-st)) + 1; }
    else if (a < b) n = (int64_t)(((uint64_t)b - (uint64_t)a - 1) / (uint64_t)st) + 1;
    *start = a; *stop = b; *step = st;
    if (slicelen) *slicelen = n;
    return 0;
}

/* Arity errors in CPython's wording. */
enum { ARGS_NONE, ARGS_ONE, ARGS_RANGE };
static int check_args(VM *vm, const char *type, const char *name, int style,
                      int nargs, Tuple *kw, int min, int max)
{
    int given = nargs - 1;   /* without self */
    if (kw && kw->len) {
        if (style == ARGS_RANGE) vm_raise(vm, EXC_TypeError, "%s() takes no keyword arguments", name);
        else vm_raise(vm, EXC_TypeError, "%s.%s() takes no keyword arguments", type, name);
        return -1;
    }
    if (given >= min && given <= max) return 0;
    if (style == ARGS_NONE)
        vm_raise(vm, EXC_TypeError, "%s.%s() takes no arguments (%d given)", type, name, given);
    else if (style == ARGS_ONE)
        vm_raise(vm, EXC_TypeError, "%s.%s() takes exactly one argument (%d given)", type, name, given);
    else if (min == max)
        vm_raise(vm, EXC_TypeError, "%s expected %d argument%s, got %d", name, min, min == 1 ? "" : "s", given);
    else if (given < min)
        vm_raise(vm, EXC_TypeError, "%s expected at least %d argument%s, got %d", name, min, min == 1 ? "" : "s", given);
    else
        vm_raise(vm, EXC_TypeError, "%s expected at most %d argument%s, got %d", name, max, max == 1 ? "" : "s", given);
    return -1;
}

/* ---- construction ------------------------------------------------------- */

Value range_make(VM *vm, int64_t start, int64_t stop, int64_t step)
{
    Range *r = vm_alloc_obj(vm, sizeof(Range), OBJ_RANGE, TYPE(vm, range));
    if (!r) return VNULL;
    r->start = start; r->stop = stop; r->step = step;
    int64_t n = 0;
    if (step > 0 && start < stop) n = (int64_t)(((uint64_t)stop - (uint64_t)start - 1) / (uint64_t)step) + 1;
    else if (step < 0 && start > stop) n = (int64_t)(((uint64_t)start - (uint64_t)stop - 1) / (0 - (uint64_t)step)) + 1;
    r->len = n;
    return VOBJ(r);
}

static inline int64_t range_item(Range *r, int64_t i)
{
    return (int64_t)((uint64_t)r->start + (uint64_t)i * (uint64_t)r->step);
}

static Value view_new(VM *vm, Dict *d, Class *cls)
{
    View *v = vm_alloc_obj(vm, sizeof(View), OBJ_VIEW, cls);
    if (!v) return VNULL;
    v->dict = d;
    return VOBJ(v);
}

static Value tuple2(VM *vm, Value a, Value b)
{
    Value items[2] = { a, b };
    Tuple *t = tuple_from(vm, items, 2);
    return t ? VOBJ(t) : VNULL;
}

/* ---- list_extend / list_from_iterable ----------------------------------- */

static int list_append_values(VM *vm, List *l, const Value *src, size_t n)
{
    if (list_reserve(vm, l, l->len + n) < 0) return -1;
    vcopy(l->items + l->len, src, n);
    l->len += n;
    return 0;
}

/* Iterating it walks its items: not a subclass's own __iter__. */
static bool iterates_as_builtin(VM *vm, Value it)
{
    return !IS_OBJ(it) || (AS_OBJ(it)->cls->cflags & CLASS_BUILTIN) ||
           IS_NULL(vm_override(vm, it, str_intern(vm, "__iter__", 8)));
}

/* list_extend from the builtin containers, without iterators: 0 done, -1
 * raised, 1 not one of those. */
static int extend_known(VM *vm, List *l, Value it)
{
    if (IS_LIST(it)) {
        List *o = AS_LIST(it);
        size_t n = o->len;
        if (list_reserve(vm, l, l->len + n) < 0) return -1;
        /* o may be l: its items were not moved by the reserve's realloc
         * past n, and memmove copies the first n. */
        vcopy(l->items + l->len, o->items, n);
        l->len += n;
        return 0;
    }
    if (IS_TUPLE(it)) return list_append_values(vm, l, AS_TUPLE(it)->items, AS_TUPLE(it)->len);
    if (IS_KIND(it, OBJ_RANGE)) {
        Range *r = (Range *)AS_OBJ(it);
        if (list_reserve(vm, l, l->len + (size_t)r->len) < 0) return -1;
        for (int64_t i = 0; i < r->len; i++) l->items[l->len++] = VINT(range_item(r, i));
        return 0;
    }
    if (IS_DICT(it) && AS_OBJ(it)->cls == TYPE(vm, dict)) {
        Dict *d = AS_DICT(it);
        if (list_reserve(vm, l, l->len + d->used) < 0) return -1;
        for (size_t i = 0; i < d->nentries; i++)
            if (!IS_NULL(d->entries[i].key)) l->items[l->len++] = d->entries[i].key;
        return 0;
    }
    if (IS_SET(it)) {
        Set *s = AS_SET(it);
        if (list_reserve(vm, l, l->len + s->used) < 0) return -1;
        for (size_t i = 0; i <= s->mask; i++) {
            SetEntry *e = &s->table[i];
            if (!IS_NULL(e->key) && e->hash != -1) l->items[l->len++] = e->key;
        }
        return 0;
    }
    return 1;
}

int list_extend(VM *vm, List *l, Value it)
{
    if (iterates_as_builtin(vm, it)) {
        int known = extend_known(vm, l, it);
        if (known <= 0) return known;
    }
    Value iter = vm_iter(vm, it);
    if (IS_NULL(iter)) return -1;
    vm_push_root(vm, &iter);
    int rc = 0;
    for (;;) {
        Value item;
        int r = vm_next(vm, iter, &item);
        if (r <= 0) { rc = r; break; }
        if (l->len < l->cap) l->items[l->len++] = item;
        else if (list_append(vm, l, item) < 0) { rc = -1; break; }
    }
    vm_pop_root(vm);
    return rc;
}

Value list_from_iterable(VM *vm, Value iterable)
{
    int64_t n = IS_LIST(iterable) || IS_TUPLE(iterable) ? container_len(vm, iterable) : 0;
    List *l = list_new(vm, n > 0 ? (size_t)n : 0);
    if (!l) return VNULL;
    Value lv = VOBJ(l);
    vm_push_root(vm, &lv);
    int rc = list_extend(vm, l, iterable);
    vm_pop_root(vm);
    return rc < 0 ? VNULL : lv;
}

/* ---- len ------------------------------------------------------------------ */

int64_t container_len(VM *vm, Value v)
{
    (void)vm;
    if (!IS_OBJ(v)) return -1;
    switch (OBJ_KIND(v)) {
    case OBJ_LIST: return (int64_t)AS_LIST(v)->len;
    case OBJ_DEQUE: return (int64_t)AS_DEQUE(v)->len;
    case OBJ_TUPLE: return (int64_t)AS_TUPLE(v)->len;
    case OBJ_DICT: return (int64_t)AS_DICT(v)->used;
    case OBJ_SET: return (int64_t)AS_SET(v)->used;
    case OBJ_RANGE: return ((Range *)AS_OBJ(v))->len;
    case OBJ_VIEW: return (int64_t)((View *)AS_OBJ(v))->dict->used;
    default: return -1;
    }
}

/* ---- iterators ------------------------------------------------------------ */

static int list_iter_next(VM *vm, Iter *it, Value *out)
{
    (void)vm;
    if (!IS_LIST(it->a)) return 0;
    List *l = AS_LIST(it->a);
    if (it->i < (int64_t)l->len) { *out = l->items[it->i++]; return 1; }
    it->a = VNONE;
    return 0;
}

static int tuple_iter_next(VM *vm, Iter *it, Value *out)
{
    (void)vm;
    if (!IS_TUPLE(it->a)) return 0;
    Tuple *t = AS_TUPLE(it->a);
    if (it->i < (int64_t)t->len) { *out = t->items[it->i++]; return 1; }
    it->a = VNONE;
    return 0;
}

static int range_iter_next(VM *vm, Iter *it, Value *out)
{
    (void)vm;
    if (it->n <= 0) return 0;
    *out = VINT(it->i);
    it->i = (int64_t)((uint64_t)it->i + (uint64_t)it->step);
    it->n--;
    return 1;
}

/* The next live dict entry for a dict iterator (it->a the dict, it->i the
 * position, it->n the size when created, it->step the items left). */
static int dict_iter_step(VM *vm, Iter *it, DictEntry **out)
{
    if (!IS_DICT(it->a)) return 0;
    Dict *d = AS_DICT(it->a);
    if ((int64_t)d->used != it->n) {
        it->n = -1;   /* sticky */
        vm_raise(vm, EXC_RuntimeError, "dictionary changed size during iteration");
        return -1;
    }
    size_t i = (size_t)it->i;
    while (i < d->nentries && IS_NULL(d->entries[i].key)) i++;
    if (i >= d->nentries) { it->a = VNONE; return 0; }
    if (it->step <= 0) {
        it->a = VNONE;
        vm_raise(vm, EXC_RuntimeError, "dictionary keys changed during iteration");
        return -1;
    }
    it->i = (int64_t)i + 1;
    it->step--;
    *out = &d->entries[i];
    return 1;
}

static int dict_keys_next(VM *vm, Iter *it, Value *out)
{
    DictEntry *e;
    int r = dict_iter_step(vm, it, &e);
    if (r > 0) *out = e->key;
    return r;
}

static int dict_values_next(VM *vm, Iter *it, Value *out)
{
    DictEntry *e;
    int r = dict_iter_step(vm, it, &e);
    if (r > 0) *out = e->value;
    return r;
}

static int dict_items_next(VM *vm, Iter *it, Value *out)
{
    DictEntry *e;
    int r = dict_iter_step(vm, it, &e);
    if (r > 0) {
        *out = tuple2(vm, e->key, e->value);
        if (IS_NULL(*out)) return -1;
    }
    return r;
}

static Value dict_iter_new(VM *vm, Dict *d, IterNextFn fn)
{
    Iter *it = iter_new(vm, fn, VOBJ(d));
    if (!it) return VNULL;
    it->i = 0;
    it->n = (int64_t)d->used;
    it->step = (int64_t)d->used;
    return VOBJ(it);
}

Value container_iter(VM *vm, Value v)
{
    if (!IS_OBJ(v)) return VNULL;
    Iter *it;
    switch (OBJ_KIND(v)) {
    case OBJ_DEQUE:
        return deque_iter(vm, AS_DEQUE(v));
    case OBJ_LIST:
        it = iter_new(vm, list_iter_next, v);
        if (!it) return VNULL;
        it->i = 0;
        return VOBJ(it);
    case OBJ_TUPLE:
        it = iter_new(vm, tuple_iter_next, v);
        if (!it) return VNULL;
        it->i = 0;
        return VOBJ(it);
    case OBJ_RANGE: {
        Range *r = (Range *)AS_OBJ(v);
        it = iter_new(vm, range_iter_next, v);
        if (!it) return VNULL;
        it->i = r->start;
        it->n = r->len;
        it->step = r->step;
        return VOBJ(it);
    }
    case OBJ_DICT:
        return dict_iter_new(vm, AS_DICT(v), dict_keys_next);
    case OBJ_VIEW: {
        View *w = (View *)AS_OBJ(v);
        Class *c = w->hdr.cls;
        IterNextFn fn = c == TYPE(vm, dict_values) ? dict_values_next
                      : c == TYPE(vm, dict_items) ? dict_items_next : dict_keys_next;
        return dict_iter_new(vm, w->dict, fn);
    }
    case OBJ_SET:
        return set_iter_impl(vm, AS_SET(v));
    default:
        return VNULL;
    }
}

/* ---- repr ----------------------------------------------------------------- */

typedef struct Buf { char *p; size_t len, cap; bool oom; } Buf;

static void buf_put(Buf *b, const char *s, size_t n)
{
    if (b->oom) return;
    if (b->len + n + 1 > b->cap) {
        size_t nc = b->cap ? b->cap : 64;
        while (b->len + n + 1 > nc) nc *= 2;
        char *np = realloc(b->p, nc);
        if (!np) { b->oom = true; return; }
        b->p = np;
        b->cap = nc;
    }
    if (n) memcpy(b->p + b->len, s, n);
    b->len += n;
}
static inline void buf_cstr(Buf *b, const char *s) { buf_put(b, s, strlen(s)); }

/* Appends repr(v); false if it raised. */
static bool buf_repr(VM *vm, Buf *b, Value v)
{
    if (IS_INT(v)) {
        char tmp[24];
        int n = snprintf(tmp, sizeof tmp, "%lld", (long long)v.as.i);
        buf_put(b, tmp, (size_t)n);
        return true;
    }
    if (IS_STR(v) && AS_OBJ(v)->cls == TYPE(vm, str)) {
        Str *r = str_repr(vm, AS_STR(v));
        if (!r) return false;
        buf_put(b, r->data, r->len);
        return true;
    }
    Str *r = vm_repr(vm, v);
    if (!r) return false;
    buf_put(b, r->data, r->len);
    return true;
}

static Str *buf_finish(VM *vm, Buf *b, bool ok)
{
    Str *res = NULL;
    if (ok) {
        if (b->oom) vm_raise(vm, EXC_MemoryError, "%s", "");
        else res = str_new(vm, b->p ? b->p : "", b->len);
    }
    free(b->p);
    return res;
}

/* Nested containers recurse on the C stack. CPython 3.12 bounds that
 * recursion separately from Python calls (1500 levels, a few of them used by
 * the caller: nesting 1496 deep still prints); vm->c_nesting is our count of
 * C-level nesting. */
#define C_NEST_LIMIT 1497

static bool c_enter(VM *vm, int limit, const char *msg)
{
    if (vm->c_nesting >= limit) {
        vm_raise(vm, EXC_RecursionError, "%s", msg);
        return false;
    }
    vm->c_nesting++;
    return true;
}
static inline void c_leave(VM *vm) { vm->c_nesting--; }

static bool repr_enter(VM *vm)
{
    return c_enter(vm, C_NEST_LIMIT, "maximum recursion depth exceeded while getting the repr of an object");
}

static Str *seq_repr(VM *vm, Value v)
{
    bool is_list = IS_LIST(v);
    Obj *o = AS_OBJ(v);
    if (is_list && AS_LIST(v)->len == 0) return str_new(vm, "[]", 2);
    if (!is_list && AS_TUPLE(v)->len == 0) return str_new(vm, "()", 2);
    if (o->flags & REPR_BUSY) return str_new(vm, is_list ? "[...]" : "(...)", 5);
    if (!repr_enter(vm)) return NULL;
    o->flags |= REPR_BUSY;
    Buf b = {0};
    bool ok = true;
    buf_put(&b, is_list ? "[" : "(", 1);
    for (size_t i = 0;; i++) {
        size_t n = is_list ? AS_LIST(v)->len : AS_TUPLE(v)->len;
        if (i >= n) break;
        if (i) buf_put(&b, ", ", 2);
        Value item = is_list ? AS_LIST(v)->items[i] : AS_TUPLE(v)->items[i];
        if (!buf_repr(vm, &b, item)) { ok = false; break; }
    }
    if (!is_list && AS_TUPLE(v)->len == 1) buf_put(&b, ",", 1);
    buf_put(&b, is_list ? "]" : ")", 1);
    o->flags &= (uint16_t)~REPR_BUSY;
    c_leave(vm);
    return buf_finish(vm, &b, ok);
}

static Str *dict_repr(VM *vm, Dict *d)
{
    if (d->used == 0) return str_new(vm, "{}", 2);
    if (d->hdr.flags & REPR_BUSY) return str_new(vm, "{...}", 5);
    if (!repr_enter(vm)) return NULL;
    d->hdr.flags |= REPR_BUSY;
    Buf b = {0};
    bool ok = true, first = true;
    buf_put(&b, "{", 1);
    for (size_t i = 0; i < d->nentries; i++) {
        DictEntry *e = &d->entries[i];
        if (IS_NULL(e->key)) continue;
        Value k = e->key, val = e->value;
        if (!first) buf_put(&b, ", ", 2);
        first = false;
        if (!buf_repr(vm, &b, k)) { ok = false; break; }
        buf_put(&b, ": ", 2);
        if (!buf_repr(vm, &b, val)) { ok = false; break; }
    }
    buf_put(&b, "}", 1);
    d->hdr.flags &= (uint16_t)~REPR_BUSY;
    c_leave(vm);
    return buf_finish(vm, &b, ok);
}

static Str *view_repr(VM *vm, View *w)
{
    Class *c = w->hdr.cls;
    Dict *d = w->dict;
    if (!repr_enter(vm)) return NULL;
    Buf b = {0};
    bool ok = true, first = true;
    buf_cstr(&b, c->name->data);
    buf_put(&b, "([", 2);
    int kind = c == TYPE(vm, dict_values) ? 1 : c == TYPE(vm, dict_items) ? 2 : 0;
    for (size_t i = 0; i < d->nentries; i++) {
        DictEntry *e = &d->entries[i];
        if (IS_NULL(e->key)) continue;
        Value k = e->key, val = e->value;
        if (!first) buf_put(&b, ", ", 2);
        first = false;
        if (kind == 2) buf_put(&b, "(", 1);
        if (kind != 1 && !buf_repr(vm, &b, k)) { ok = false; break; }
        if (kind == 2) buf_put(&b, ", ", 2);
        if (kind != 0 && !buf_repr(vm, &b, val)) { ok = false; break; }
        if (kind == 2) buf_put(&b, ")", 1);
    }
    buf_put(&b, "])", 2);
    c_leave(vm);
    return buf_finish(vm, &b, ok);
}

/* deque([1, 2]) or deque([1, 2], maxlen=5); the items are read one at a
 * time, as a repr may change the deque. */
static Str *deque_repr(VM *vm, Deque *d)
{
    if (d->hdr.flags & REPR_BUSY) return str_new(vm, "[...]", 5);
    if (!repr_enter(vm)) return NULL;
    d->hdr.flags |= REPR_BUSY;
    Buf b = {0};
    bool ok = true;
    buf_cstr(&b, "deque([");
    for (size_t i = 0; i < d->len; i++) {
        if (i) buf_put(&b, ", ", 2);
        if (!buf_repr(vm, &b, deque_at(d, i))) { ok = false; break; }
    }
    buf_put(&b, "]", 1);
    if (d->maxlen >= 0) {
        char tail[40];
        snprintf(tail, sizeof tail, ", maxlen=%lld", (long long)d->maxlen);
        buf_cstr(&b, tail);
    }
    buf_put(&b, ")", 1);
    d->hdr.flags &= (uint16_t)~REPR_BUSY;
    c_leave(vm);
    return buf_finish(vm, &b, ok);
}

Str *container_repr(VM *vm, Value v)
{
    if (!IS_OBJ(v)) return NULL;
    switch (OBJ_KIND(v)) {
    case OBJ_DEQUE:
        return deque_repr(vm, AS_DEQUE(v));
    case OBJ_LIST:
    case OBJ_TUPLE:
        return seq_repr(vm, v);
    case OBJ_DICT:
        return dict_repr(vm, AS_DICT(v));
    case OBJ_SET:
        return set_repr_impl(vm, AS_SET(v));
    case OBJ_VIEW:
        return view_repr(vm, (View *)AS_OBJ(v));
    case OBJ_RANGE: {
        Range *r = (Range *)AS_OBJ(v);
        if (r->step == 1) return str_printf(vm, "range(%lld, %lld)", (long long)r->start, (long long)r->stop);
        return str_printf(vm, "range(%lld, %lld, %lld)", (long long)r->start, (long long)r->stop,
                          (long long)r->step);
    }
    default:
        vm_raise(vm, EXC_TypeError, "no repr for '%s'", vm_type_name(vm, v));
        return NULL;
    }
}

/* ---- indexing ------------------------------------------------------------- */

static Value seq_slice(VM *vm, Value obj, Slice *sl)
{
    bool is_list = IS_LIST(obj);
    size_t len = is_list ? AS_LIST(obj)->len : AS_TUPLE(obj)->len;
    int64_t start, stop, step, n;
    if (slice_indices(vm, sl, (int64_t)len, &start, &stop, &step, &n) < 0) return VNULL;
    /* the bounds may have run Python code (__index__): re-read */
    len = is_list ? AS_LIST(obj)->len : AS_TUPLE(obj)->len;
    Value *src = is_list ? AS_LIST(obj)->items : AS_TUPLE(obj)->items;
    if (is_list) {
        List *r = list_new(vm, (size_t)n);
        if (!r) return VNULL;
        for (int64_t k = 0, i = start; k < n; k++, i += step)
            if ((size_t)i < len) r->items[r->len++] = src[i];
        return VOBJ(r);
    }
    if (step == 1 && n == (int64_t)len && AS_OBJ(obj)->cls == TYPE(vm, tuple)) return obj;
    Tuple *t = tuple_new(vm, (size_t)n);
    if (!t) return VNULL;
    src = AS_TUPLE(obj)->items;
    for (int64_t k = 0, i = start; k < n; k++, i += step) t->items[k] = src[i];
    return VOBJ(t);
}

static Value dict_missing(VM *vm, Value obj, Value key)
{
    if (AS_OBJ(obj)->cls != TYPE(vm, dict)) {
        Value m = vm_lookup_special(vm, obj, str_intern(vm, "__missing__", 11));
        if (!IS_NULL(m)) {
            Value args[2] = { obj, key };
            return vm_call(vm, m, args, 2, NULL);
        }
    }
    return vm_raise_with(vm, EXC_KeyError, key);
}

Value container_getitem(VM *vm, Value obj, Value key)
{
    if (!IS_OBJ(obj)) goto not_sub;
    switch (OBJ_KIND(obj)) {
    case OBJ_DEQUE:
        return deque_getitem(vm, AS_DEQUE(obj), key);
    case OBJ_LIST:
    case OBJ_TUPLE: {
        bool is_list = IS_LIST(obj);
        int64_t i;
        if (IS_INT(key)) {
            i = key.as.i;
        } else if (IS_KIND(key, OBJ_SLICE)) {
            return seq_slice(vm, obj, (Slice *)AS_OBJ(key));
        } else {
            int r = subscript_index(vm, key, &i);
            if (r < 0) return VNULL;
            if (r == 0)
                return vm_raise(vm, EXC_TypeError, "%s indices must be integers or slices, not %s",
                                is_list ? "list" : "tuple", vm_type_name(vm, key));
        }
        size_t len = is_list ? AS_LIST(obj)->len : AS_TUPLE(obj)->len;
        if (i < 0) i += (int64_t)len;
        if (i < 0 || (uint64_t)i >= len)
            return vm_raise(vm, EXC_IndexError, "%s index out of range", is_list ? "list" : "tuple");
        return is_list ? AS_LIST(obj)->items[i] : AS_TUPLE(obj)->items[i];
    }
    case OBJ_DICT: {
        Value v = dict_get(vm, AS_DICT(obj), key);
        if (!IS_NULL(v)) return v;
        if (!IS_NULL(vm->exc)) return VNULL;
        return dict_missing(vm, obj, key);
    }
    case OBJ_RANGE: {
        Range *r = (Range *)AS_OBJ(obj);
        if (IS_KIND(key, OBJ_SLICE)) {
            int64_t start, stop, step, n;
            if (slice_indices(vm, (Slice *)AS_OBJ(key), r->len, &start, &stop, &step, &n) < 0) return VNULL;
            Value res = range_make(vm, range_item(r, start), range_item(r, stop),
                                  (int64_t)((uint64_t)step * (uint64_t)r->step));
            return res;
        }
        int64_t i;
        int k = subscript_index(vm, key, &i);
        if (k < 0) return VNULL;
        if (k == 0)
            return vm_raise(vm, EXC_TypeError, "range indices must be integers or slices, not %s",
                            vm_type_name(vm, key));
        if (i < 0) i += r->len;
        if (i < 0 || i >= r->len) return vm_raise(vm, EXC_IndexError, "range object index out of range");
        return VINT(range_item(r, i));
    }
    default:
        break;
    }
not_sub:
    return vm_raise(vm, EXC_TypeError, "'%s' object is not subscriptable", vm_type_name(vm, obj));
}

/* l[start:stop:step] = v */
static int list_ass_slice(VM *vm, List *l, Slice *sl, Value v)
{
    int64_t start, stop, step, n;
    if (slice_indices(vm, sl, (int64_t)l->len, &start, &stop, &step, &n) < 0) return -1;
    /* The new items, as a private list (a copy when v is l itself). */
    Value src;
    if (IS_NULL(v)) {
        src = VNULL;
    } else if (IS_TUPLE(v)) {
        src = v;
    } else if (IS_LIST(v) && AS_LIST(v) != l) {
        src = v;
    } else {
        Value it = vm_iter(vm, v);
        if (IS_NULL(it)) {
            if (vm_exc_matches(vm, EXC_TypeError)) {
                vm_exc_take(vm);
                vm_raise(vm, EXC_TypeError, "can only assign an iterable");
            }
            return -1;
        }
        src = list_from_iterable(vm, it);
        if (IS_NULL(src)) return -1;
        /* re-resolve: iterating may have changed l */
        if (slice_indices(vm, sl, (int64_t)l->len, &start, &stop, &step, &n) < 0) return -1;
    }
    size_t m = IS_NULL(src) ? 0 : IS_TUPLE(src) ? AS_TUPLE(src)->len : AS_LIST(src)->len;
    Value *items = IS_NULL(src) ? NULL : IS_TUPLE(src) ? AS_TUPLE(src)->items : AS_LIST(src)->items;
    if (step == 1) {
        /* simple slice: replace l[start:stop] (stop >= start) */
        if (stop < start) stop = start;
        size_t a = (size_t)start, b = (size_t)stop, old = b - a;
        size_t newlen = l->len - old + m;
        if (m > old && list_reserve(vm, l, newlen) < 0) return -1;
        vcopy(l->items + a + m, l->items + b, (l->len - b));
        vcopy(l->items + a, items, m);
        l->len = newlen;
        return 0;
    }
    if (IS_NULL(src)) {
        /* deletion of an extended slice */
        if (n <= 0) return 0;
        if (step < 0) { start = start + step * (n - 1); step = -step; }
        size_t w = (size_t)start, r = (size_t)start;
        int64_t removed = 0;
        for (; r < l->len; r++) {
            if (removed < n && (int64_t)r == start + removed * step) { removed++; continue; }
            l->items[w++] = l->items[r];
        }
        l->len = w;
        return 0;
    }
    if ((int64_t)m != n) {
        vm_raise(vm, EXC_ValueError, "attempt to assign sequence of size %zu to extended slice of size %lld",
                 m, (long long)n);
        return -1;
    }
    for (int64_t k = 0, i = start; k < n; k++, i += step) l->items[i] = items[k];
    return 0;
}

int container_setitem(VM *vm, Value obj, Value key, Value v)
{
    if (IS_LIST(obj)) {
        List *l = AS_LIST(obj);
        int64_t i;
        if (IS_INT(key)) {
            i = key.as.i;
        } else if (IS_KIND(key, OBJ_SLICE)) {
            return list_ass_slice(vm, l, (Slice *)AS_OBJ(key), v);
        } else {
            int r = subscript_index(vm, key, &i);
            if (r < 0) return -1;
            if (r == 0) {
                vm_raise(vm, EXC_TypeError, "list indices must be integers or slices, not %s", vm_type_name(vm, key));
                return -1;
            }
        }
        if (i < 0) i += (int64_t)l->len;
        if (i < 0 || (uint64_t)i >= l->len) {
            vm_raise(vm, EXC_IndexError, "list assignment index out of range");
            return -1;
        }
        l->items[i] = v;
        return 0;
    }
    if (IS_DICT(obj)) return dict_set(vm, AS_DICT(obj), key, v);
    if (IS_DEQUE(obj)) return deque_setitem(vm, AS_DEQUE(obj), key, v);
    vm_raise(vm, EXC_TypeError, "'%s' object does not support item assignment", vm_type_name(vm, obj));
    return -1;
}

int container_delitem(VM *vm, Value obj, Value key)
{
    if (IS_LIST(obj)) {
        List *l = AS_LIST(obj);
        int64_t i;
        if (IS_INT(key)) {
            i = key.as.i;
        } else if (IS_KIND(key, OBJ_SLICE)) {
            return list_ass_slice(vm, l, (Slice *)AS_OBJ(key), VNULL);
        } else {
            int r = subscript_index(vm, key, &i);
            if (r < 0) return -1;
            if (r == 0) {
                vm_raise(vm, EXC_TypeError, "list indices must be integers or slices, not %s", vm_type_name(vm, key));
                return -1;
            }
        }
        if (i < 0) i += (int64_t)l->len;
        if (i < 0 || (uint64_t)i >= l->len) {
            vm_raise(vm, EXC_IndexError, "list assignment index out of range");
            return -1;
        }
        vcopy(l->items + i, l->items + i + 1, (l->len - (size_t)i - 1));
        l->len--;
        return 0;
    }
    if (IS_DICT(obj)) {
        int r = dict_del(vm, AS_DICT(obj), key);
        if (r < 0) return -1;
        if (r == 0) { vm_raise_with(vm, EXC_KeyError, key); return -1; }
        return 0;
    }
    if (IS_DEQUE(obj)) return deque_delitem(vm, AS_DEQUE(obj), key);
    vm_raise(vm, EXC_TypeError, "'%s' object doesn't support item deletion", vm_type_name(vm, obj));
    return -1;
}

/* ---- operators ------------------------------------------------------------ */

/* items[0..len) is filled: repeats it up to total items by doubling copies. */
static void fill_repeat(Value *items, size_t len, size_t total)
{
    if (len == 0) return;
    size_t done = len;
    while (done < total) {
        size_t n = done < total - done ? done : total - done;
        memcpy(items + done, items, n * sizeof(Value));
        done += n;
    }
}

static Value seq_repeat(VM *vm, Value seq, int64_t n)
{
    bool is_list = IS_LIST(seq);
    size_t len = is_list ? AS_LIST(seq)->len : AS_TUPLE(seq)->len;
    if (n < 0) n = 0;
    if (len && (uint64_t)n > (((uint64_t)1 << 36) / len)) return vm_raise(vm, EXC_MemoryError, "%s", "");
    size_t total = len * (size_t)n;
    if (is_list) {
        List *r = list_new(vm, total);
        if (!r) return VNULL;
        Value *src = AS_LIST(seq)->items;
        if (total) {
            vcopy(r->items, src, len);
            fill_repeat(r->items, len, total);
        }
        r->len = total;
        return VOBJ(r);
    }
    if (n == 1 && AS_OBJ(seq)->cls == TYPE(vm, tuple)) return seq;
    Tuple *t = tuple_new(vm, total);
    if (!t) return VNULL;
    if (total) {
        vcopy(t->items, AS_TUPLE(seq)->items, len);
        fill_repeat(t->items, len, total);
    }
    return VOBJ(t);
}

/* The repeat count for seq * x: 1 ok, 0 not ours (NotImplemented), -1 raised. */
static int repeat_count(VM *vm, Value x, int64_t *n, const char *opname)
{
    if (vm_small_int(x, n)) return 1;
    if (IS_BIGINT(x)) {
        if (bi_sign(AS_BIGINT(x)) < 0) { *n = 0; return 1; }
        vm_raise(vm, EXC_OverflowError, "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    if (IS_KIND(x, OBJ_INSTANCE)) {
        if (!IS_NULL(vm_lookup_special(vm, x, str_intern(vm, opname, strlen(opname))))) return 0;
        if (!IS_NULL(vm_lookup_special(vm, x, str_intern(vm, "__index__", 9))))
            return vm_index(vm, x, n) < 0 ? -1 : 1;
    }
    vm_raise(vm, EXC_TypeError, "can't multiply sequence by non-int of type '%s'", vm_type_name(vm, x));
    return -1;
}

/* set(view) as CPython's dict views make it: a keys view of a plain dict
 * converts the dict itself (the presized fast path). */
static Value view_to_set(VM *vm, Value v)
{
    if (IS_KIND(v, OBJ_VIEW) && AS_OBJ(v)->cls == TYPE(vm, dict_keys)) {
        Dict *d = ((View *)AS_OBJ(v))->dict;
        if (d->hdr.cls == TYPE(vm, dict)) v = VOBJ(d);
    }
    return set_from_iterable(vm, TYPE(vm, set), v);
}

static Value view_setop(VM *vm, Value a, Value b, BinOpKind op)
{
    if (op == BINOP_AND) {
        Value self = is_setlike_view(vm, a) ? a : b, other = is_setlike_view(vm, a) ? b : a;
        int64_t len_self = container_len(vm, self);
        if (IS_SET(other) && other.as.o->cls == TYPE(vm, set) && len_self <= (int64_t)AS_SET(other)->used) {
            Value arg = self;
            return vm_call_method(vm, other, str_intern(vm, "intersection", 12), &arg, 1);
        }
        if (is_setlike_view(vm, other) && container_len(vm, other) > len_self) {
            Value t = self; self = other; other = t;
        }
        Set *r = set_new(vm, TYPE(vm, set));
        if (!r) return VNULL;
        Value rv = VOBJ(r), it = VNULL;
        vm_push_root(vm, &rv);
        vm_push_root(vm, &it);
        it = vm_iter(vm, other);
        int rc = IS_NULL(it) ? -1 : 0;
        while (rc == 0) {
            Value key;
            int n = vm_next(vm, it, &key);
            if (n <= 0) { rc = n; break; }
            int c = container_contains(vm, self, key);
            if (c < 0 || (c > 0 && set_add(vm, r, key) < 0)) rc = -1;
        }
        vm_pop_root(vm);
        vm_pop_root(vm);
        return rc < 0 ? VNULL : rv;
    }
    Value rv = view_to_set(vm, a);
    if (IS_NULL(rv)) return VNULL;
    vm_push_root(vm, &rv);
    Value r;
    if (op == BINOP_OR) {
        r = set_update(vm, AS_SET(rv), b) < 0 ? VNULL : rv;
    } else {
        const char *m = op == BINOP_SUB ? "difference_update" : "symmetric_difference_update";
        Value arg = b;
        r = vm_call_method(vm, rv, str_intern(vm, m, strlen(m)), &arg, 1);
        if (!IS_NULL(r)) r = rv;
    }
    vm_pop_root(vm);
    return r;
}

static Value dict_or(VM *vm, Value a, Value b, bool inplace)
{
    if (inplace) return dict_update_from(vm, AS_DICT(a), b) < 0 ? VNULL : a;
    if (!IS_DICT(b)) return vm->not_implemented;
    Dict *d = dict_new(vm);
    if (!d) return VNULL;
    Value dv = VOBJ(d);
    vm_push_root(vm, &dv);
    int rc = dict_update_from(vm, d, a);
    if (rc == 0) rc = dict_update_from(vm, d, b);
    vm_pop_root(vm);
    return rc < 0 ? VNULL : dv;
}

Value container_binary(VM *vm, Value a, Value b, BinOpKind op, bool inplace)
{
    if (IS_LIST(a)) {
        if (op == BINOP_ADD) {
            if (inplace) return list_extend(vm, AS_LIST(a), b) < 0 ? VNULL : a;
            if (!IS_LIST(b)) {
                if (IS_KIND(b, OBJ_INSTANCE) &&
                    !IS_NULL(vm_lookup_special(vm, b, str_intern(vm, "__radd__", 8))))
                    return vm->not_implemented;
                return vm_raise(vm, EXC_TypeError, "can only concatenate list (not \"%s\") to list",
                                vm_type_name(vm, b));
            }
            List *x = AS_LIST(a), *y = AS_LIST(b);
            List *r = list_new(vm, x->len + y->len);
            if (!r) return VNULL;
            vcopy(r->items, x->items, x->len);
            vcopy(r->items + x->len, y->items, y->len);
            r->len = x->len + y->len;
            return VOBJ(r);
        }
        if (op == BINOP_MUL) {
            int64_t n;
            int k = repeat_count(vm, b, &n, "__rmul__");
            if (k <= 0) return k < 0 ? VNULL : vm->not_implemented;
            if (!inplace) return seq_repeat(vm, a, n);
            List *l = AS_LIST(a);
            if (n <= 0 || l->len == 0) { l->len = 0; return a; }
            size_t len = l->len;
            if ((uint64_t)n > (((uint64_t)1 << 36) / len)) return vm_raise(vm, EXC_MemoryError, "%s", "");
            if (list_reserve(vm, l, len * (size_t)n) < 0) return VNULL;
            fill_repeat(l->items, len, len * (size_t)n);
            l->len = len * (size_t)n;
            return a;
        }
        return vm->not_implemented;
    }
    if (IS_TUPLE(a)) {
        if (op == BINOP_ADD) {
            if (!IS_TUPLE(b)) {
                if (IS_KIND(b, OBJ_INSTANCE) &&
                    !IS_NULL(vm_lookup_special(vm, b, str_intern(vm, "__radd__", 8))))
                    return vm->not_implemented;
                return vm_raise(vm, EXC_TypeError, "can only concatenate tuple (not \"%s\") to tuple",
                                vm_type_name(vm, b));
            }
            Tuple *x = AS_TUPLE(a), *y = AS_TUPLE(b);
            if (y->len == 0 && x->hdr.cls == TYPE(vm, tuple)) return a;
            if (x->len == 0 && y->hdr.cls == TYPE(vm, tuple)) return b;
            Tuple *r = tuple_new(vm, x->len + y->len);
            if (!r) return VNULL;
            vcopy(r->items, x->items, x->len);
            vcopy(r->items + x->len, y->items, y->len);
            return VOBJ(r);
        }
        if (op == BINOP_MUL) {
            int64_t n;
            int k = repeat_count(vm, b, &n, "__rmul__");
            if (k <= 0) return k < 0 ? VNULL : vm->not_implemented;
            return seq_repeat(vm, a, n);
        }
        return vm->not_implemented;
    }
    if ((IS_INT(a) || IS_BOOL(a) || IS_BIGINT(a) || IS_KIND(a, OBJ_INSTANCE)) && (IS_LIST(b) || IS_TUPLE(b)) &&
        op == BINOP_MUL) {
        int64_t n;
        int k = repeat_count(vm, a, &n, "__mul__");
        if (k <= 0) return k < 0 ? VNULL : vm->not_implemented;
        return seq_repeat(vm, b, n);
    }
    if (op == BINOP_OR || op == BINOP_AND || op == BINOP_SUB || op == BINOP_XOR) {
        if (IS_SET(a) && IS_SET(b)) return set_binary_impl(vm, a, b, op, inplace);
        if (is_setlike_view(vm, a) || is_setlike_view(vm, b)) return view_setop(vm, a, b, op);
        if (op == BINOP_OR && IS_DICT(a) && (IS_DICT(b) || inplace)) return dict_or(vm, a, b, inplace);
    }
    return vm->not_implemented;
}

/* ---- comparisons ---------------------------------------------------------- */

static Value seq_compare_inner(VM *vm, Value *x, size_t xn, Value *y, size_t yn, CmpKind op, Value a, Value b);

static Value seq_compare(VM *vm, Value *x, size_t xn, Value *y, size_t yn, CmpKind op, Value a, Value b)
{
    if (xn != yn && (op == CMP_EQ || op == CMP_NE)) return VBOOL(op == CMP_NE);
    if (!c_enter(vm, C_NEST_LIMIT + 2, "maximum recursion depth exceeded in comparison")) return VNULL;
    Value r = seq_compare_inner(vm, x, xn, y, yn, op, a, b);
    c_leave(vm);
    return r;
}

static Value seq_compare_inner(VM *vm, Value *x, size_t xn, Value *y, size_t yn, CmpKind op, Value a, Value b)
{
    size_t i;
    for (i = 0;; i++) {
        /* lengths re-read: __eq__ may mutate lists */
        xn = IS_LIST(a) ? AS_LIST(a)->len : xn;
        yn = IS_LIST(b) ? AS_LIST(b)->len : yn;
        x = IS_LIST(a) ? AS_LIST(a)->items : x;
        y = IS_LIST(b) ? AS_LIST(b)->items : y;
        if (i >= xn || i >= yn) break;
        int e = vm_items_eq(vm, x[i], y[i]);
        if (e < 0) return VNULL;
        if (!e) break;
    }
    if (i >= xn || i >= yn) {
        bool r;
        switch (op) {
        case CMP_LT: r = xn < yn; break;
        case CMP_LE: r = xn <= yn; break;
        case CMP_EQ: r = xn == yn; break;
        case CMP_NE: r = xn != yn; break;
        case CMP_GT: r = xn > yn; break;
        default: r = xn >= yn; break;
        }
        return VBOOL(r);
    }
    if (op == CMP_EQ) return VBOOL(false);
    if (op == CMP_NE) return VBOOL(true);
    Value xi = x[i], yi = y[i];
    return vm_compare(vm, xi, yi, op);
}

static int dict_equal_inner(VM *vm, Dict *a, Dict *b);

static int dict_equal(VM *vm, Dict *a, Dict *b)
{
    if (a->used != b->used) return 0;
    if (!c_enter(vm, C_NEST_LIMIT + 2, "maximum recursion depth exceeded in comparison")) return -1;
    int r = dict_equal_inner(vm, a, b);
    c_leave(vm);
    return r;
}

static int dict_equal_inner(VM *vm, Dict *a, Dict *b)
{
    for (size_t i = 0; i < a->nentries; i++) {
        DictEntry *e = &a->entries[i];
        if (IS_NULL(e->key)) continue;
        Value k = e->key, v = e->value;
        Value w = dict_get(vm, b, k);
        if (IS_NULL(w)) return IS_NULL(vm->exc) ? 0 : -1;
        int r = vm_items_eq(vm, v, w);
        if (r <= 0) return r;
    }
    return 1;
}

/* every item of a (a set or set-like view, or any iterable) is in b */
static int all_contained_in(VM *vm, Value a, Value b)
{
    Value it = vm_iter(vm, a);
    if (IS_NULL(it)) return -1;
    vm_push_root(vm, &it);
    int rc = 1;
    for (;;) {
        Value x;
        int n = vm_next(vm, it, &x);
        if (n < 0) { rc = -1; break; }
        if (n == 0) break;
        int c = vm_contains(vm, b, x);
        if (c <= 0) { rc = c; break; }
    }
    vm_pop_root(vm);
    return rc;
}

static Value view_compare(VM *vm, Value a, Value b, CmpKind op)
{
    if (!(IS_SET(b) || is_setlike_view(vm, b)) || !(IS_SET(a) || is_setlike_view(vm, a)))
        return vm->not_implemented;
    int64_t la = container_len(vm, a), lb = container_len(vm, b);
    int r;
    switch (op) {
    case CMP_EQ: case CMP_NE: r = la == lb ? all_contained_in(vm, a, b) : 0; break;
    case CMP_LT: r = la < lb ? all_contained_in(vm, a, b) : 0; break;
    case CMP_LE: r = la <= lb ? all_contained_in(vm, a, b) : 0; break;
    case CMP_GT: r = la > lb ? all_contained_in(vm, b, a) : 0; break;
    case CMP_GE: r = la >= lb ? all_contained_in(vm, b, a) : 0; break;
    default: return vm->not_implemented;
    }
    if (r < 0) return VNULL;
    return VBOOL(op == CMP_NE ? !r : r);
}

static bool range_equal(Range *x, Range *y)
{
    if (x->len != y->len) return false;
    if (x->len == 0) return true;
    if (x->start != y->start) return false;
    return x->len == 1 || x->step == y->step;
}

Value container_compare(VM *vm, Value a, Value b, CmpKind op)
{
    if (op > CMP_GE) return vm->not_implemented;
    if (IS_LIST(a) && IS_LIST(b))
        return seq_compare(vm, AS_LIST(a)->items, AS_LIST(a)->len, AS_LIST(b)->items, AS_LIST(b)->len, op, a, b);
    if (IS_TUPLE(a) && IS_TUPLE(b))
        return seq_compare(vm, AS_TUPLE(a)->items, AS_TUPLE(a)->len, AS_TUPLE(b)->items, AS_TUPLE(b)->len, op, a, b);
    if (IS_DEQUE(a) && IS_DEQUE(b)) {
        Value *x = deque_items(vm, AS_DEQUE(a)), *y = deque_items(vm, AS_DEQUE(b));
        return seq_compare(vm, x, AS_DEQUE(a)->len, y, AS_DEQUE(b)->len, op, a, b);
    }
    if (IS_SET(a) && IS_SET(b)) return set_compare_impl(vm, a, b, op);
    if (is_setlike_view(vm, a) || is_setlike_view(vm, b)) return view_compare(vm, a, b, op);
    if (op != CMP_EQ && op != CMP_NE) return vm->not_implemented;
    if (IS_DICT(a) && IS_DICT(b)) {
        int r = dict_equal(vm, AS_DICT(a), AS_DICT(b));
        if (r < 0) return VNULL;
        return VBOOL(op == CMP_EQ ? r : !r);
    }
    if (IS_KIND(a, OBJ_RANGE) && IS_KIND(b, OBJ_RANGE)) {
        bool r = range_equal((Range *)AS_OBJ(a), (Range *)AS_OBJ(b));
        return VBOOL(op == CMP_EQ ? r : !r);
    }
    return vm->not_implemented;
}

/* ---- membership ------------------------------------------------------------ */

static int range_contains(VM *vm, Range *r, Value item)
{
    if (IS_INT(item) || IS_BOOL(item)) {
        int64_t v = item.as.i;
        if (r->len == 0) return 0;
        if (r->step > 0) { if (v < r->start || v >= r->stop) return 0; }
        else if (v > r->start || v <= r->stop) return 0;
        uint64_t diff = r->step > 0 ? (uint64_t)v - (uint64_t)r->start : (uint64_t)r->start - (uint64_t)v;
        uint64_t st = r->step > 0 ? (uint64_t)r->step : 0 - (uint64_t)r->step;
        return diff % st == 0;
    }
    if (IS_BIGINT(item)) return 0;
    for (int64_t i = 0; i < r->len; i++) {
        int e = vm_eq(vm, VINT(range_item(r, i)), item);
        if (e != 0) return e;
    }
    return 0;
}

int container_contains(VM *vm, Value obj, Value item)
{
    if (!IS_OBJ(obj)) return 0;
    switch (OBJ_KIND(obj)) {
    case OBJ_DEQUE:
        return deque_contains(vm, AS_DEQUE(obj), item);
    case OBJ_LIST: {
        List *l = AS_LIST(obj);
        for (size_t i = 0; i < l->len; i++) {
            int e = vm_items_eq(vm, l->items[i], item);
            if (e != 0) return e;
        }
        return 0;
    }
    case OBJ_TUPLE: {
        Tuple *t = AS_TUPLE(obj);
        for (size_t i = 0; i < t->len; i++) {
            int e = vm_items_eq(vm, t->items[i], item);
            if (e != 0) return e;
        }
        return 0;
    }
    case OBJ_DICT: {
        Value v = dict_get(vm, AS_DICT(obj), item);
        if (!IS_NULL(v)) return 1;
        return IS_NULL(vm->exc) ? 0 : -1;
    }
    case OBJ_SET:
        return set_contains_value(vm, AS_SET(obj), item);
    case OBJ_RANGE:
        return range_contains(vm, (Range *)AS_OBJ(obj), item);
    case OBJ_VIEW: {
        View *w = (View *)AS_OBJ(obj);
        Class *c = w->hdr.cls;
        if (c == TYPE(vm, dict_keys)) {
            Value v = dict_get(vm, w->dict, item);
            if (!IS_NULL(v)) return 1;
            return IS_NULL(vm->exc) ? 0 : -1;
        }
        if (c == TYPE(vm, dict_items)) {
            if (!IS_TUPLE(item) || AS_TUPLE(item)->len != 2) return 0;
            Value v = dict_get(vm, w->dict, AS_TUPLE(item)->items[0]);
            if (IS_NULL(v)) return IS_NULL(vm->exc) ? 0 : -1;
            return vm_items_eq(vm, v, AS_TUPLE(item)->items[1]);
        }
        Dict *d = w->dict;
        for (size_t i = 0; i < d->nentries; i++) {
            if (IS_NULL(d->entries[i].key)) continue;
            int e = vm_items_eq(vm, d->entries[i].value, item);
            if (e != 0) return e;
        }
        return 0;
    }
    default:
        return 0;
    }
}

/* ---- hashing --------------------------------------------------------------- */

#define XXPRIME_1 11400714785074694791ULL
#define XXPRIME_2 14029467366897019727ULL
#define XXPRIME_5 2870177450012600261ULL

static uint64_t xx_mix(uint64_t acc, uint64_t lane)
{
    acc += lane * XXPRIME_2;
    acc = (acc << 31) | (acc >> 33);
    return acc * XXPRIME_1;
}

static int64_t xx_finish(uint64_t acc, size_t len)
{
    acc += (uint64_t)len ^ (XXPRIME_5 ^ 3527539ULL);
    if (acc == (uint64_t)-1) return 1546275796;
    return (int64_t)acc;
}

static int tuple_hash(VM *vm, Tuple *t, int64_t *out)
{
    /* CPython does not bound this recursion; we stop well before the C
     * stack would overflow. */
    if (!c_enter(vm, 10000, "maximum recursion depth exceeded")) return -1;
    uint64_t acc = XXPRIME_5;
    int rc = 0;
    for (size_t i = 0; i < t->len; i++) {
        int64_t h;
        if (vm_hash(vm, t->items[i], &h) < 0) { rc = -1; break; }
        acc = xx_mix(acc, (uint64_t)h);
    }
    c_leave(vm);
    if (rc == 0) *out = xx_finish(acc, t->len);
    return rc;
}

int container_hash(VM *vm, Value v, int64_t *out)
{
    if (IS_TUPLE(v)) return tuple_hash(vm, AS_TUPLE(v), out);
    if (IS_SET(v)) return set_hash_impl(vm, AS_SET(v), out);
    if (IS_KIND(v, OBJ_RANGE)) {
        /* as hash((len, start, step)) with None for what does not matter */
        Range *r = (Range *)AS_OBJ(v);
        Value items[3] = { VINT(r->len), r->len ? VINT(r->start) : VNONE, r->len > 1 ? VINT(r->step) : VNONE };
        uint64_t acc = XXPRIME_5;
        for (int i = 0; i < 3; i++) {
            int64_t h;
            if (vm_hash(vm, items[i], &h) < 0) return -1;
            acc = xx_mix(acc, (uint64_t)h);
        }
        *out = xx_finish(acc, 3);
        return 0;
    }
    vm_raise(vm, EXC_TypeError, "unhashable type: '%s'", vm_type_name(vm, v));
    return -1;
}

/* ---- sorting --------------------------------------------------------------- */

enum { SORT_GENERIC, SORT_INT, SORT_STR, SORT_FLOAT };

typedef struct SortCtx {
    VM *vm;
    Value *keys;
    int mode;
} SortCtx;

/* keys[a] < keys[b]: 1, 0, -1 */
static inline int sort_lt(SortCtx *c, size_t a, size_t b)
{
    Value x = c->keys[a], y = c->keys[b];
    switch (c->mode) {
    case SORT_INT: return x.as.i < y.as.i;
    case SORT_FLOAT: return x.as.f < y.as.f;
    case SORT_STR: {
        Str *s = AS_STR(x), *t = AS_STR(y);
        size_t n = s->len < t->len ? s->len : t->len;
        int r = memcmp(s->data, t->data, n);
        return r < 0 || (r == 0 && s->len < t->len);
    }
    default:
        return vm_lt(c->vm, x, y);
    }
}

/* Stable merge sort of the permutation idx[0..n). */
static int merge_sort(SortCtx *c, size_t *idx, size_t *tmp, size_t n)
{
    const size_t RUN = 16;
    /* insertion sort of runs */
    for (size_t lo = 0; lo < n; lo += RUN) {
        size_t hi = lo + RUN < n ? lo + RUN : n;
        for (size_t i = lo + 1; i < hi; i++) {
            size_t x = idx[i];
            size_t j = i;
            while (j > lo) {
                int r = sort_lt(c, x, idx[j - 1]);
                if (r < 0) return -1;
                if (!r) break;
                idx[j] = idx[j - 1];
                j--;
            }
            idx[j] = x;
        }
    }
    for (size_t w = RUN; w < n; w *= 2) {
        for (size_t lo = 0; lo + w < n; lo += 2 * w) {
            size_t mid = lo + w, hi = lo + 2 * w < n ? lo + 2 * w : n;
            int r = sort_lt(c, idx[mid], idx[mid - 1]);
            if (r < 0) return -1;
            if (!r) continue;   /* already in order */
            memcpy(tmp + lo, idx + lo, (mid - lo) * sizeof(size_t));
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) {
                r = sort_lt(c, idx[j], tmp[i]);
                if (r < 0) return -1;
                if (r) idx[k++] = idx[j++];
                else idx[k++] = tmp[i++];
            }
            while (i < mid) idx[k++] = tmp[i++];
        }
    }
    return 0;
}

static void reverse_values(Value *v, size_t n)
{
    for (size_t i = 0, j = n; i + 1 < j; i++, j--) {
        Value t = v[i]; v[i] = v[j - 1]; v[j - 1] = t;
    }
}

int list_sort(VM *vm, List *l, Value key, bool reverse)
{
    if (IS_NONE(key)) key = VNULL;
    /* Take the items out, as CPython does, so that changes to l during the
     * sort are detected and cannot move the array under us. */
    List *items = list_new(vm, 0);
    if (!items) return -1;
    items->items = l->items; items->len = l->len; items->cap = l->cap;
    l->items = NULL; l->len = 0; l->cap = 0;
    Value iv = VOBJ(items), kv = VNONE;
    vm_push_root(vm, &iv);
    vm_push_root(vm, &kv);
    size_t n = items->len;
    int rc = 0;
    Value *keys = items->items;
    size_t *idx = NULL;
    if (!IS_NULL(key)) {
        List *kl = list_new(vm, n);
        if (!kl) { rc = -1; goto restore; }
        kv = VOBJ(kl);
        for (size_t i = 0; i < n; i++) {
            Value k = vm_call1(vm, key, items->items[i]);
            if (IS_NULL(k)) { rc = -1; goto restore; }
            kl->items[kl->len++] = k;
        }
        keys = kl->items;
    }
    if (n < 2) goto restore;
    if (reverse) {
        reverse_values(items->items, n);
        if (keys != items->items) reverse_values(keys, n);
    }
    SortCtx c = { vm, keys, SORT_GENERIC };
    {
        bool all_int = true, all_str = true, all_float = true;
        for (size_t i = 0; i < n; i++) {
            if (!IS_INT(keys[i])) all_int = false;
            if (!IS_FLOAT(keys[i])) all_float = false;
            if (!IS_STR(keys[i]) || keys[i].as.o->cls != TYPE(vm, str)) all_str = false;
        }
        c.mode = all_int ? SORT_INT : all_str ? SORT_STR : all_float ? SORT_FLOAT : SORT_GENERIC;
    }
    idx = malloc(2 * n * sizeof(size_t));
    if (!idx) { vm_raise(vm, EXC_MemoryError, "%s", ""); rc = -1; goto restore; }
    for (size_t i = 0; i < n; i++) idx[i] = i;
    rc = merge_sort(&c, idx, idx + n, n);
    if (rc == 0) {
        Value *sorted = malloc(n * sizeof(Value));
        if (!sorted) { vm_raise(vm, EXC_MemoryError, "%s", ""); rc = -1; }
        else {
            for (size_t i = 0; i < n; i++) sorted[i] = items->items[idx[i]];
            vcopy(items->items, sorted, n);
            free(sorted);
        }
    }
    if (reverse) reverse_values(items->items, n);
restore:
    free(idx);
    {
        bool modified = l->items != NULL || l->len != 0;
        if (l->items) vm_free_mem(vm, l->items, l->cap * sizeof(Value));
        l->items = items->items; l->len = items->len; l->cap = items->cap;
        items->items = NULL; items->len = 0; items->cap = 0;
        if (modified && rc == 0) {
            vm_raise(vm, EXC_ValueError, "list modified during sort");
            rc = -1;
        }
    }
    vm_pop_root(vm);
    vm_pop_root(vm);
    return rc;
}

/* ---- list methods ------------------------------------------------------------ */

#define SELF_LIST AS_LIST(args[0])

static Value m_list_append(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (nargs != 2 || kw) { if (check_args(vm, "list", "append", ARGS_ONE, nargs, kw, 1, 1) < 0) return VNULL; }
    List *l = SELF_LIST;
    if (l->len < l->cap) { l->items[l->len++] = args[1]; return VNONE; }
    if (list_append(vm, l, args[1]) < 0) return VNULL;
    return VNONE;
}

static Value m_list_extend(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (check_args(vm, "list", "extend", ARGS_ONE, nargs, kw, 1, 1) < 0) return VNULL;
    return list_extend(vm, SELF_LIST, args[1]) < 0 ? VNULL : VNONE;
}

static Value m_list_insert(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (check_args(vm, "list", "insert", ARGS_RANGE, nargs, kw, 2, 2) < 0) return VNULL;
    int64_t i;
    int r = subscript_index(vm, args[1], &i);
    if (r < 0) {
        if (IS_BIGINT(args[1])) {
            vm_exc_take(vm);
            i = bi_sign(AS_BIGINT(args[1])) < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
        } else {
            return VNULL;
        }
    } else if (r == 0) {
        return vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer",
                        vm_type_name(vm, args[1]));
    }
    List *l = SELF_LIST;
    int64_t n = (int64_t)l->len;
    if (i < 0) { i += n; if (i < 0) i = 0; }
    if (i > n) i = n;
    if (list_reserve(vm, l, l->len + 1) < 0) return VNULL;
    vcopy(l->items + i + 1, l->items + i, (l->len - (size_t)i));
    l->items[i] = args[2];
    l->len++;
    return VNONE;
}

static Value m_list_pop(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (check_args(vm, "list", "pop", ARGS_RANGE, nargs, kw, 0, 1) < 0) return VNULL;
    List *l = SELF_LIST;
    int64_t i = -1;
    if (nargs == 2) {
        int r = subscript_index(vm, args[1], &i);
        if (r < 0) {
            if (!IS_BIGINT(args[1])) return VNULL;
            vm_exc_take(vm);
            return vm_raise(vm, EXC_OverflowError, "Python int too large to convert to C ssize_t");
        }
        if (r == 0)
            return vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer",
                            vm_type_name(vm, args[1]));
    }
    if (l->len == 0) return vm_raise(vm, EXC_IndexError, "pop from empty list");
    if (i < 0) i += (int64_t)l->len;
    if (i < 0 || (uint64_t)i >= l->len) return vm_raise(vm, EXC_IndexError, "pop index out of range");
    Value v = l->items[i];
    vcopy(l->items + i, l->items + i + 1, (l->len - (size_t)i - 1));
    l->len--;
    return v;
}

static Value m_list_remove(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (check_args(vm, "list", "remove", ARGS_ONE, nargs, kw, 1, 1) < 0) return VNULL;
    List *l = SELF_LIST;
    for (size_t i = 0; i < l->len; i++) {
        int e = vm_items_eq(vm, l->items[i], args[1]);
        if (e < 0) return VNULL;
        if (e) {
            if (i < l->len) {
                vcopy(l->items + i, l->items + i + 1, (l->len - i - 1));
                l->len--;
            }
            return VNONE;
        }
    }
    return vm_raise(vm, EXC_ValueError, "list.remove(x): x not in list");
}

/* start/stop arguments of index(): clamped like slice bounds */
static int index_bounds(VM *vm, Value *args, int nargs, size_t len, size_t *lo, size_t *hi)
{
    int64_t a = 0, b = (int64_t)len;
    if (nargs > 2 && slice_bound(vm, args[2], &a) < 0) return -1;
    if (nargs > 3 && slice_bound(vm, args[3], &b) < 0) return -1;
    if (a < 0) { a += (int64_t)len; if (a < 0) a = 0; }
    if (b < 0) { b += (int64_t)len; if (b < 0) b = 0; }
    *lo = (size_t)a;
    *hi = (size_t)b;
    return 0;
}

static Value m_list_index(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (check_args(vm, "list", "index", ARGS_RANGE, nargs, kw, 1, 3) < 0) return VNULL;
    List *l = SELF_LIST;
    size_t lo, hi;
    if (index_bounds(vm, args, nargs, l->len, &lo, &hi) < 0) return VNULL;
    for (size_t i = lo; i < hi && i < l->len; i++) {
        int e = vm_items_eq(vm, l->items[i], args[1]);
        if (e < 0) return VNULL;
        if (e) return VINT((int64_t)i);
    }
    Str *r = vm_repr(vm, args[1]);
    if (!r) return VNULL;
    return vm_raise(vm, EXC_ValueError, "%s is not in list", r->data);
}

static Value m_list_count(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (check_args(vm, "list", "count", ARGS_ONE, nargs, kw, 1, 1) < 0) return VNULL;
    List *l = SELF_LIST;
    int64_t n = 0;
    for (size_t i = 0; i < l->len; i++) {
        int e = vm_items_eq(vm, l->items[i], args[1]);
        if (e < 0) return VNULL;
        n += e;
    }
    return VINT(n);
}

static Value m_list_sort(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (nargs > 1) return vm_raise(vm, EXC_TypeError, "sort() takes no positional arguments");
    Value out[2] = { VNULL, VNULL };   /* key, reverse */
    for (size_t i = 0; kw && i < kw->len; i++) {
        Str *k = AS_STR(kw->items[i]);
        int slot = strcmp(k->data, "key") == 0 ? 0 : strcmp(k->data, "reverse") == 0 ? 1 : -1;
        if (slot < 0) return vm_raise(vm, EXC_TypeError, "'%s' is an invalid keyword argument for sort()", k->data);
        out[slot] = args[nargs + (int)i];
    }
    bool rev = false;
    if (!IS_NULL(out[1])) {
        if (IS_FLOAT(out[1])) return vm_raise(vm, EXC_TypeError, "'float' object cannot be interpreted as an integer");
        int t = vm_truthy(vm, out[1]);
        if (t < 0) return VNULL;
        rev = t;
    }
    return list_sort(vm, SELF_LIST, out[0], rev) < 0 ? VNULL : VNONE;
}

static Value m_list_reverse(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (check_args(vm, "list", "reverse", ARGS_NONE, nargs, kw, 0, 0) < 0) return VNULL;
    reverse_values(SELF_LIST->items, SELF_LIST->len);
    return VNONE;
}

static Value m_list_copy(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (check_args(vm, "list", "copy", ARGS_NONE, nargs, kw, 0, 0) < 0) return VNULL;
    List *l = SELF_LIST;
    List *r = list_new(vm, l->len);
    if (!r) return VNULL;
    vcopy(r->items, l->items, l->len);
    r->len = l->len;
    return VOBJ(r);
}

static Value m_list_clear(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (check_args(vm, "list", "clear", ARGS_NONE, nargs, kw, 0, 0) < 0) return VNULL;
    List *l = SELF_LIST;
    if (l->items) vm_free_mem(vm, l->items, l->cap * sizeof(Value));
    l->items = NULL;
    l->len = l->cap = 0;
    return VNONE;
}

/* ---- tuple and range methods --------------------------------------------- */

static Value m_tuple_index(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (check_args(vm, "tuple", "index", ARGS_RANGE, nargs, kw, 1, 3) < 0) return VNULL;
    Tuple *t = AS_TUPLE(args[0]);
    size_t lo, hi;
    if (index_bounds(vm, args, nargs, t->len, &lo, &hi) < 0) return VNULL;
    for (size_t i = lo; i < hi && i < t->len; i++) {
        int e = vm_items_eq(vm, t->items[i], args[1]);
        if (e < 0) return VNULL;
        if (e) return VINT((int64_t)i);
    }
    return vm_raise(vm, EXC_ValueError, "tuple.index(x): x not in tuple");
}

static Value m_tuple_count(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (check_args(vm, "tuple", "count", ARGS_ONE, nargs, kw, 1, 1) < 0) return VNULL;
    Tuple *t = AS_TUPLE(args[0]);
    int64_t n = 0;
    for (size_t i = 0; i < t->len; i++) {
        int e = vm_items_eq(vm, t->items[i], args[1]);
        if (e < 0) return VNULL;
        n += e;
    }
    return VINT(n);
}

static Value m_range_count(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (check_args(vm, "range", "count", ARGS_ONE, nargs, kw, 1, 1) < 0) return VNULL;
    Range *r = (Range *)AS_OBJ(args[0]);
    if (IS_INT(args[1]) || IS_BOOL(args[1])) {
        int c = range_contains(vm, r, args[1]);
        return VINT(c);
    }
    int64_t n = 0;
    for (int64_t i = 0; i < r->len; i++) {
        int e = vm_eq(vm, VINT(range_item(r, i)), args[1]);
        if (e < 0) return VNULL;
        n += e;
    }
    return VINT(n);
}

static Value m_range_index(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (check_args(vm, "range", "index", ARGS_ONE, nargs, kw, 1, 1) < 0) return VNULL;
    Range *r = (Range *)AS_OBJ(args[0]);
    Value x = args[1];
    if (IS_INT(x) || IS_BOOL(x)) {
        if (range_contains(vm, r, x) == 1)
            return VINT((int64_t)(((uint64_t)x.as.i - (uint64_t)r->start) / (uint64_t)r->step));
    } else {
        for (int64_t i = 0; i < r->len; i++) {
            int e = vm_eq(vm, VINT(range_item(r, i)), x);
            if (e < 0) return VNULL;
            if (e) return VINT(i);
        }
        if (!IS_BIGINT(x)) return vm_raise(vm, EXC_ValueError, "sequence.index(x): x not in sequence");
    }
    Str *s = vm_repr(vm, x);
    if (!s) return VNULL;
    return vm_raise(vm, EXC_ValueError, "%s is not in range", s->data);
}

/* ---- dict methods ------------------------------------------------------------ */

#define SELF_DICT AS_DICT(args[0])

static Value m_dict_get(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (check_args(vm, "dict", "get", ARGS_RANGE, nargs, kw, 1, 2) < 0) return VNULL;
    Value v = dict_get(vm, SELF_DICT, args[1]);
    if (!IS_NULL(v)) return v;
    if (!IS_NULL(vm->exc)) return VNULL;
    return nargs > 2 ? args[2] : VNONE;
}

static Value m_dict_setdefault(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (check_args(vm, "dict", "setdefault", ARGS_RANGE, nargs, kw, 1, 2) < 0) return VNULL;
    Value v = dict_get(vm, SELF_DICT, args[1]);
    if (!IS_NULL(v)) return v;
    if (!IS_NULL(vm->exc)) return VNULL;
    Value d = nargs > 2 ? args[2] : VNONE;
    if (dict_set(vm, SELF_DICT, args[1], d) < 0) return VNULL;
    return d;
}

static Value m_dict_pop(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (check_args(vm, "dict", "pop", ARGS_RANGE, nargs, kw, 1, 2) < 0) return VNULL;
    Value v = dict_get(vm, SELF_DICT, args[1]);
    if (IS_NULL(v)) {
        if (!IS_NULL(vm->exc)) return VNULL;
        if (nargs > 2) return args[2];
        return vm_raise_with(vm, EXC_KeyError, args[1]);
    }
    vm_push_root(vm, &v);
    int r = dict_del(vm, SELF_DICT, args[1]);
    vm_pop_root(vm);
    return r < 0 ? VNULL : v;
}

static Value m_dict_popitem(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (check_args(vm, "dict", "popitem", ARGS_NONE, nargs, kw, 0, 0) < 0) return VNULL;
    Dict *d = SELF_DICT;
    if (d->used == 0) return vm_raise(vm, EXC_KeyError, "popitem(): dictionary is empty");
    size_t i = d->nentries;
    while (i > 0 && IS_NULL(d->entries[i - 1].key)) i--;
    if (i == 0) return vm_raise(vm, EXC_KeyError, "popitem(): dictionary is empty");
    Value t = tuple2(vm, d->entries[i - 1].key, d->entries[i - 1].value);
    if (IS_NULL(t)) return VNULL;
    vm_push_root(vm, &t);
    int r = dict_del(vm, d, AS_TUPLE(t)->items[0]);
    vm_pop_root(vm);
    return r < 0 ? VNULL : t;
}

static Value m_dict_keys(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (check_args(vm, "dict", "keys", ARGS_NONE, nargs, kw, 0, 0) < 0) return VNULL;
    return view_new(vm, SELF_DICT, TYPE(vm, dict_keys));
}

static Value m_dict_values(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (check_args(vm, "dict", "values", ARGS_NONE, nargs, kw, 0, 0) < 0) return VNULL;
    return view_new(vm, SELF_DICT, TYPE(vm, dict_values));
}

static Value m_dict_items(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (check_args(vm, "dict", "items", ARGS_NONE, nargs, kw, 0, 0) < 0) return VNULL;
    return view_new(vm, SELF_DICT, TYPE(vm, dict_items));
}

/* d.update(other): a dict, a mapping with keys(), or an iterable of pairs. */
int dict_update_from(VM *vm, Dict *d, Value other)
{
    if (IS_DICT(other)) {
        Dict *o = AS_DICT(other);
        for (size_t i = 0; i < o->nentries; i++) {
            DictEntry *e = &o->entries[i];
            if (IS_NULL(e->key)) continue;
            if (dict_set(vm, d, e->key, e->value) < 0) return -1;
        }
        return 0;
    }
    Value keys = vm_getattr_opt(vm, other, str_intern(vm, "keys", 4));
    if (!IS_NULL(keys)) {
        Value ks = vm_call0(vm, keys);
        if (IS_NULL(ks)) return -1;
        Value it = VNULL;
        vm_push_root(vm, &ks);
        vm_push_root(vm, &it);
        it = vm_iter(vm, ks);
        int rc = IS_NULL(it) ? -1 : 0;
        while (rc == 0) {
            Value k;
            int n = vm_next(vm, it, &k);
            if (n <= 0) { rc = n; break; }
            vm_push_root(vm, &k);
            Value v = vm_getitem(vm, other, k);
            if (IS_NULL(v) || dict_set(vm, d, k, v) < 0) rc = -1;
            vm_pop_root(vm);
        }
        vm_pop_root(vm);
        vm_pop_root(vm);
        return rc;
    }
    if (!IS_NULL(vm->exc)) return -1;
    Value it = vm_iter(vm, other);
    if (IS_NULL(it)) return -1;
    vm_push_root(vm, &it);
    int rc = 0;
    for (int64_t idx = 0;; idx++) {
        Value item;
        int n = vm_next(vm, it, &item);
        if (n <= 0) { rc = n; break; }
        Value pair = item;
        vm_push_root(vm, &pair);
        if (!IS_TUPLE(pair) && !IS_LIST(pair)) {
            Value l = IS_STR(pair) || IS_OBJ(pair) ? list_from_iterable(vm, pair) : VNULL;
            if (IS_NULL(l)) {
                if (IS_NULL(vm->exc) || vm_exc_matches(vm, EXC_TypeError)) {
                    if (!IS_NULL(vm->exc)) vm_exc_take(vm);
                    vm_raise(vm, EXC_TypeError, "cannot convert dictionary update sequence element #%lld to a sequence",
                             (long long)idx);
                }
                vm_pop_root(vm);
                rc = -1;
                break;
            }
            pair = l;
        }
        size_t len = IS_TUPLE(pair) ? AS_TUPLE(pair)->len : AS_LIST(pair)->len;
        if (len != 2) {
            vm_raise(vm, EXC_ValueError, "dictionary update sequence element #%lld has length %zu; 2 is required",
                     (long long)idx, len);
            vm_pop_root(vm);
            rc = -1;
            break;
        }
        Value *p = IS_TUPLE(pair) ? AS_TUPLE(pair)->items : AS_LIST(pair)->items;
        rc = dict_set(vm, d, p[0], p[1]);
        vm_pop_root(vm);
        if (rc < 0) break;
    }
    vm_pop_root(vm);
    return rc;
}

static Value m_dict_update(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (nargs > 2) return vm_raise(vm, EXC_TypeError, "update expected at most 1 argument, got %d", nargs - 1);
    Dict *d = SELF_DICT;
    if (nargs == 2 && dict_update_from(vm, d, args[1]) < 0) return VNULL;
    if (kw) {
        for (size_t i = 0; i < kw->len; i++)
            if (dict_set(vm, d, kw->items[i], args[nargs + (int)i]) < 0) return VNULL;
    }
    return VNONE;
}

static Value m_dict_copy(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (check_args(vm, "dict", "copy", ARGS_NONE, nargs, kw, 0, 0) < 0) return VNULL;
    Dict *r = dict_new(vm);
    if (!r) return VNULL;
    Value rv = VOBJ(r);
    vm_push_root(vm, &rv);
    int rc = dict_update_from(vm, r, args[0]);
    vm_pop_root(vm);
    return rc < 0 ? VNULL : rv;
}

static Value m_dict_clear(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (check_args(vm, "dict", "clear", ARGS_NONE, nargs, kw, 0, 0) < 0) return VNULL;
    Dict *d = SELF_DICT;
    for (size_t i = d->nentries; i > 0; i--) {
        if (i > d->nentries) { i = d->nentries + 1; continue; }
        Value k = d->entries[i - 1].key;
        if (IS_NULL(k)) continue;
        if (dict_del(vm, d, k) < 0) return VNULL;
    }
    return VNONE;
}

/* dict.fromkeys(iterable, value=None), a classmethod: args[0] is the class.
 * (A dict or nothing first is accepted too, should it be called unbound.) */
static Value m_dict_fromkeys(VM *vm, Value *args, int nargs, Tuple *kw)
{
    Class *cls = TYPE(vm, dict);
    int first = 0;
    if (nargs >= 1 && IS_CLASS(args[0])) { cls = AS_CLASS(args[0]); first = 1; }
    else if (nargs >= 2 && IS_DICT(args[0])) { cls = AS_OBJ(args[0])->cls; first = 1; }
    int n = nargs - first;
    if (kw && kw->len) return vm_raise(vm, EXC_TypeError, "fromkeys() takes no keyword arguments");
    if (n < 1 || n > 2)
        return vm_raise(vm, EXC_TypeError, "fromkeys expected %s 1 argument%s, got %d",
                        n < 1 ? "at least" : "at most", n < 1 ? "" : "s", n);
    Value value = n == 2 ? args[first + 1] : VNONE;
    Value res;
    if (cls == TYPE(vm, dict)) {
        Dict *d = dict_new(vm);
        if (!d) return VNULL;
        res = VOBJ(d);
    } else {
        res = vm_call0(vm, VOBJ(cls));
        if (IS_NULL(res)) return VNULL;
    }
    vm_push_root(vm, &res);
    Value it = vm_iter(vm, args[first]);
    int rc = IS_NULL(it) ? -1 : 0;
    vm_push_root(vm, &it);
    while (rc == 0) {
        Value k;
        int r = vm_next(vm, it, &k);
        if (r <= 0) { rc = r; break; }
        if (IS_DICT(res) && AS_OBJ(res)->cls == TYPE(vm, dict)) rc = dict_set(vm, AS_DICT(res), k, value);
        else rc = vm_setitem(vm, res, k, value);
    }
    vm_pop_root(vm);
    vm_pop_root(vm);
    return rc < 0 ? VNULL : res;
}

/* ---- dunder methods (x.__len__(), list.__getitem__(x, i), dir()) ------ */

static Value m_dunder_len(VM *vm, Value *args, int nargs, Tuple *kw)
{
    (void)vm; (void)nargs; (void)kw;
    return VINT(container_len(vm, args[0]));
}

static Value m_dunder_getitem(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (nargs != 2 || (kw && kw->len))
        return vm_raise(vm, EXC_TypeError, "expected 1 argument, got %d", nargs - 1);
    return container_getitem(vm, args[0], args[1]);
}

static Value m_dunder_setitem(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (nargs != 3 || (kw && kw->len))
        return vm_raise(vm, EXC_TypeError, "expected 2 arguments, got %d", nargs - 1);
    return container_setitem(vm, args[0], args[1], args[2]) < 0 ? VNULL : VNONE;
}

static Value m_dunder_delitem(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (nargs != 2 || (kw && kw->len))
        return vm_raise(vm, EXC_TypeError, "expected 1 argument, got %d", nargs - 1);
    return container_delitem(vm, args[0], args[1]) < 0 ? VNULL : VNONE;
}

static Value m_dunder_contains(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (nargs != 2 || (kw && kw->len))
        return vm_raise(vm, EXC_TypeError, "expected 1 argument, got %d", nargs - 1);
    int r = container_contains(vm, args[0], args[1]);
    return r < 0 ? VNULL : VBOOL(r);
}

static Value m_dunder_iter(VM *vm, Value *args, int nargs, Tuple *kw)
{
    (void)nargs; (void)kw;
    return container_iter(vm, args[0]);
}

static void add_dunders(VM *vm, Class *c, bool mutable_items, bool subscript)
{
    class_add_method(vm, c, "__len__", m_dunder_len);
    class_add_method(vm, c, "__iter__", m_dunder_iter);
    class_add_method(vm, c, "__contains__", m_dunder_contains);
    if (subscript) class_add_method(vm, c, "__getitem__", m_dunder_getitem);
    if (mutable_items) {
        class_add_method(vm, c, "__setitem__", m_dunder_setitem);
        class_add_method(vm, c, "__delitem__", m_dunder_delitem);
    }
}

/* ---- registration -------------------------------------------------------- */

void container_methods_init(VM *vm)
{
    Class *l = TYPE(vm, list);
    class_add_method(vm, l, "append", m_list_append);
    class_add_method(vm, l, "extend", m_list_extend);
    class_add_method(vm, l, "insert", m_list_insert);
    class_add_method(vm, l, "pop", m_list_pop);
    class_add_method(vm, l, "remove", m_list_remove);
    class_add_method(vm, l, "index", m_list_index);
    class_add_method(vm, l, "count", m_list_count);
    class_add_method(vm, l, "sort", m_list_sort);
    class_add_method(vm, l, "reverse", m_list_reverse);
    class_add_method(vm, l, "copy", m_list_copy);
    class_add_method(vm, l, "clear", m_list_clear);

    Class *t = TYPE(vm, tuple);
    class_add_method(vm, t, "index", m_tuple_index);
    class_add_method(vm, t, "count", m_tuple_count);

    Class *r = TYPE(vm, range);
    class_add_method(vm, r, "index", m_range_index);
    class_add_method(vm, r, "count", m_range_count);

    Class *d = TYPE(vm, dict);
    class_add_method(vm, d, "get", m_dict_get);
    class_add_method(vm, d, "setdefault", m_dict_setdefault);
    class_add_method(vm, d, "pop", m_dict_pop);
    class_add_method(vm, d, "popitem", m_dict_popitem);
    class_add_method(vm, d, "keys", m_dict_keys);
    class_add_method(vm, d, "values", m_dict_values);
    class_add_method(vm, d, "items", m_dict_items);
    class_add_method(vm, d, "update", m_dict_update);
    class_add_method(vm, d, "copy", m_dict_copy);
    class_add_method(vm, d, "clear", m_dict_clear);
    class_add_classmethod(vm, d, "fromkeys", m_dict_fromkeys);   /* dict.fromkeys and d.fromkeys get the class */

    add_dunders(vm, TYPE(vm, list), true, true);
    add_dunders(vm, TYPE(vm, dict), true, true);
    add_dunders(vm, TYPE(vm, tuple), false, true);
    add_dunders(vm, TYPE(vm, range), false, true);
    add_dunders(vm, TYPE(vm, set), false, false);
    add_dunders(vm, TYPE(vm, frozenset), false, false);
    add_dunders(vm, TYPE(vm, dict_keys), false, false);
    add_dunders(vm, TYPE(vm, dict_values), false, false);
    add_dunders(vm, TYPE(vm, dict_items), false, false);

    set_methods_register(vm);
}
