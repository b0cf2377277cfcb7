/*
 * deque.c - collections.deque: a double-ended queue on a ring buffer.
 *
 * Both ends take and give items in O(1), which is what asyncio's waiter
 * queues need (a woken waiter leaves from the head; with a list that is a
 * shift of every other waiter). The ring is a power of two of slots, so an
 * index wraps with a mask; it grows by doubling and shrinks by half once a
 * quarter full, so a queue that drained after a burst gives its memory back.
 *
 * The deque plugs into the container dispatch of containers.c (len, iter,
 * items, membership, repr, comparisons) through the functions below, and
 * the collections module carries its class.
 */
#include <string.h>
#include "vm.h"
#include "internal.h"

#define DEQUE_MIN_CAP 8

static inline Value *slot(Deque *d, size_t i)
{
    return &d->items[(d->head + i) & (d->cap - 1)];
}

/* Moves the items to a ring of new_cap slots (a power of two >= len),
 * starting at slot 0. */
static void resize(VM *vm, Deque *d, size_t new_cap)
{
    Value *fresh = vm_realloc(vm, NULL, 0, new_cap * sizeof(Value));
    for (size_t i = 0; i < d->len; i++)
        fresh[i] = *slot(d, i);
    vm_free_mem(vm, d->items, d->cap * sizeof(Value));
    d->items = fresh;
    d->cap = new_cap;
    d->head = 0;
}

static void grow_if_full(VM *vm, Deque *d)
{
    if (d->len == d->cap)
        resize(vm, d, d->cap ? d->cap * 2 : DEQUE_MIN_CAP);
}

static void shrink_if_sparse(VM *vm, Deque *d)
{
    if (d->cap > 8 * DEQUE_MIN_CAP && d->len < d->cap / 4)
        resize(vm, d, d->cap / 2);
}

Value *deque_items(VM *vm, Deque *d)
{
    if (d->head + d->len > d->cap)
        resize(vm, d, d->cap);   /* wrapped: make it contiguous */
    return d->items + d->head;
}

static Value pop_front(VM *vm, Deque *d)
{
    Value v = *slot(d, 0);
    d->head = (d->head + 1) & (d->cap - 1);
    d->len--;
    d->version++;
    shrink_if_sparse(vm, d);
    return v;
}

static Value pop_back(VM *vm, Deque *d)
{
    Value v = *slot(d, d->len - 1);
    d->len--;
    d->version++;
    shrink_if_sparse(vm, d);
    return v;
}

/* append / appendleft: a bounded deque that is full first drops an item
 * from the other end (and a deque bounded at 0 keeps nothing). */
static void push_back(VM *vm, Deque *d, Value v)
{
    if (d->maxlen == 0)
        return;
    if (d->maxlen > 0 && (int64_t)d->len == d->maxlen)
        pop_front(vm, d);
    grow_if_full(vm, d);
    *slot(d, d->len) = v;
    d->len++;
    d->version++;
}

static void push_front(VM *vm, Deque *d, Value v)
{
    if (d->maxlen == 0)
        return;
    if (d->maxlen > 0 && (int64_t)d->len == d->maxlen)
        pop_back(vm, d);
    grow_if_full(vm, d);
    d->head = (d->head + d->cap - 1) & (d->cap - 1);
    d->items[d->head] = v;
    d->len++;
    d->version++;
}

/* Removes item i, moving whichever side of it is shorter. */
static void remove_at(VM *vm, Deque *d, size_t i)
{
    if (i < d->len / 2) {
        for (size_t k = i; k > 0; k--)
            *slot(d, k) = *slot(d, k - 1);
        pop_front(vm, d);
    } else {
        for (size_t k = i; k + 1 < d->len; k++)
            *slot(d, k) = *slot(d, k + 1);
        pop_back(vm, d);
    }
}

static Deque *deque_alloc(VM *vm, Class *cls)
{
    Deque *d = vm_alloc_obj(vm, sizeof(Deque), OBJ_DEQUE, cls);
    d->items = NULL;
    d->head = d->len = d->cap = 0;
    d->maxlen = -1;
    d->version = 0;
    return d;
}

void deque_free_storage(VM *vm, Deque *d)
{
    vm_free_mem(vm, d->items, d->cap * sizeof(Value));
    d->items = NULL;
    d->cap = d->len = d->head = 0;
}

/* Appends every item of `iterable` at one end. d.extend(d) copies first. */
static int extend(VM *vm, Deque *d, Value iterable, bool left)
{
    if (IS_OBJ(iterable) && AS_OBJ(iterable) == &d->hdr) {
        List *copy = list_new(vm, d->len);
        for (size_t i = 0; i < d->len; i++)
            copy->items[i] = deque_at(d, i);
        copy->len = d->len;
        iterable = VOBJ(copy);
    }
    Value it = vm_iter(vm, iterable);
    if (IS_NULL(it))
        return -1;
    vm_push_root(vm, &it);
    Value item;
    int r;
    while ((r = vm_next(vm, it, &item)) > 0) {
        if (left)
            push_front(vm, d, item);
        else
            push_back(vm, d, item);
    }
    vm_pop_root(vm);
    return r;
}

/* ---- the container protocol (containers.c dispatches here) ---------------- */

static int deque_iter_next(VM *vm, Iter *it, Value *out)
{
    Deque *d = (Deque *)AS_OBJ(it->a);
    if ((uint64_t)it->n != d->version) {
        it->n = (int64_t)d->version + 1;   /* stays invalid */
        vm_raise(vm, EXC_RuntimeError, "deque mutated during iteration");
        return -1;
    }
    if (it->i >= (int64_t)d->len)
        return 0;
    *out = deque_at(d, (size_t)it->i++);
    return 1;
}

Value deque_iter(VM *vm, Deque *d)
{
    Iter *it = iter_new(vm, deque_iter_next, VOBJ(d));
    it->i = 0;
    it->n = (int64_t)d->version;
    return VOBJ(it);
}

/* An index into d: 1 with *out in range, -1 after raising. */
static int index_of(VM *vm, Deque *d, Value key, size_t *out)
{
    int64_t i;
    if (IS_INT(key) || IS_BOOL(key)) {
        i = key.as.i;
    } else if (IS_BIGINT(key) || !IS_NULL(vm_lookup_special(vm, key, vm->sn[SN_index]))) {
        if (vm_index(vm, key, &i) < 0)
            return -1;
    } else {
        vm_raise(vm, EXC_TypeError, "sequence index must be integer, not '%s'", vm_type_name(vm, key));
        return -1;
    }
    if (i < 0)
        i += (int64_t)d->len;
    if (i < 0 || i >= (int64_t)d->len) {
        vm_raise(vm, EXC_IndexError, "deque index out of range");
        return -1;
    }
    *out = (size_t)i;
    return 1;
}

Value deque_getitem(VM *vm, Deque *d, Value key)
{
    size_t i;
    return index_of(vm, d, key, &i) < 0 ? VNULL : deque_at(d, i);
}

int deque_setitem(VM *vm, Deque *d, Value key, Value v)
{
    size_t i;
    if (index_of(vm, d, key, &i) < 0)
        return -1;
    *slot(d, i) = v;
    return 0;
}

int deque_delitem(VM *vm, Deque *d, Value key)
{
    size_t i;
    if (index_of(vm, d, key, &i) < 0)
        return -1;
    remove_at(vm, d, i);
    return 0;
}

/* The position of the first item equal to x in [start, stop), -1 if none,
 * -2 after raising (an __eq__ may run Python that changes the deque). */
static int64_t find(VM *vm, Deque *d, Value x, size_t start, size_t stop)
{
    uint64_t version = d->version;
    for (size_t i = start; i < stop && i < d->len; i++) {
        int e = vm_items_eq(vm, deque_at(d, i), x);
        if (e < 0)
            return -2;
        if (d->version != version) {
            vm_raise(vm, EXC_RuntimeError, "deque mutated during iteration");
            return -2;
        }
        if (e)
            return (int64_t)i;
    }
    return -1;
}

int deque_contains(VM *vm, Deque *d, Value x)
{
    int64_t i = find(vm, d, x, 0, d->len);
    return i == -2 ? -1 : i >= 0;
}

void deque_append(VM *vm, Deque *d, Value v)
{
    push_back(vm, d, v);
}

Value deque_popleft(VM *vm, Deque *d)
{
    return pop_front(vm, d);
}

int deque_remove(VM *vm, Deque *d, Value x)
{
    int64_t at = find(vm, d, x, 0, d->len);
    if (at == -2)
        return -1;
    if (at < 0) {
        Str *r = vm_repr(vm, x);
        if (r)
            vm_raise(vm, EXC_ValueError, "%s is not in deque", r->data);
        return -1;
    }
    remove_at(vm, d, (size_t)at);
    return 0;
}

/* ---- methods ------------------------------------------------------------------ */

#define SELF(a) ((Deque *)AS_OBJ((a)[0]))

static Value dm_append(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "append", n - 1, k, 1, 1) < 0)
        return VNULL;
    push_back(vm, SELF(a), a[1]);
    return VNONE;
}

static Value dm_appendleft(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "appendleft", n - 1, k, 1, 1) < 0)
        return VNULL;
    push_front(vm, SELF(a), a[1]);
    return VNONE;
}

static Value dm_pop(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "pop", n - 1, k, 0, 0) < 0)
        return VNULL;
    if (SELF(a)->len == 0)
        return vm_raise(vm, EXC_IndexError, "pop from an empty deque");
    return pop_back(vm, SELF(a));
}

static Value dm_popleft(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "popleft", n - 1, k, 0, 0) < 0)
        return VNULL;
    if (SELF(a)->len == 0)
        return vm_raise(vm, EXC_IndexError, "pop from an empty deque");
    return pop_front(vm, SELF(a));
}

static Value dm_extend(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "extend", n - 1, k, 1, 1) < 0)
        return VNULL;
    return extend(vm, SELF(a), a[1], false) < 0 ? VNULL : VNONE;
}

static Value dm_extendleft(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "extendleft", n - 1, k, 1, 1) < 0)
        return VNULL;
    return extend(vm, SELF(a), a[1], true) < 0 ? VNULL : VNONE;
}

static Value dm_clear(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "clear", n - 1, k, 0, 0) < 0)
        return VNULL;
    deque_free_storage(vm, SELF(a));
    SELF(a)->version++;
    return VNONE;
}

static Value dm_copy(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "copy", n - 1, k, 0, 0) < 0)
        return VNULL;
    Deque *d = SELF(a);
    Deque *c = deque_alloc(vm, d->hdr.cls);
    c->maxlen = d->maxlen;
    for (size_t i = 0; i < d->len; i++)
        push_back(vm, c, deque_at(d, i));
    return VOBJ(c);
}

static Value dm_count(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "count", n - 1, k, 1, 1) < 0)
        return VNULL;
    Deque *d = SELF(a);
    int64_t count = 0;
    for (size_t i = 0;; i++) {
        int64_t at = find(vm, d, a[1], i, d->len);
        if (at == -2)
            return VNULL;
        if (at < 0)
            return VINT(count);
        count++;
        i = (size_t)at;
    }
}

/* Clamps a start/stop argument of index() as slices do. */
static int clamp_bound(VM *vm, Value v, size_t len, size_t *out)
{
    int64_t i;
    if (vm_index(vm, v, &i) < 0)
        return -1;
    if (i < 0)
        i = i + (int64_t)len < 0 ? 0 : i + (int64_t)len;
    *out = (size_t)i > len ? len : (size_t)i;
    return 0;
}

static Value dm_index(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "index", n - 1, k, 1, 3) < 0)
        return VNULL;
    Deque *d = SELF(a);
    size_t start = 0, stop = d->len;
    if ((n > 2 && clamp_bound(vm, a[2], d->len, &start) < 0) ||
        (n > 3 && clamp_bound(vm, a[3], d->len, &stop) < 0))
        return VNULL;
    int64_t at = find(vm, d, a[1], start, stop);
    if (at == -2)
        return VNULL;
    if (at < 0) {
        Str *r = vm_repr(vm, a[1]);
        return r ? vm_raise(vm, EXC_ValueError, "%s is not in deque", r->data) : VNULL;
    }
    return VINT(at);
}

static Value dm_insert(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "insert", n - 1, k, 2, 2) < 0)
        return VNULL;
    Deque *d = SELF(a);
    int64_t i;
    if (vm_index(vm, a[1], &i) < 0)
        return VNULL;
    if (d->maxlen >= 0 && (int64_t)d->len >= d->maxlen)
        return vm_raise(vm, EXC_IndexError, "deque already at its maximum size");
    if (i < 0)
        i = i + (int64_t)d->len < 0 ? 0 : i + (int64_t)d->len;
    size_t at = (size_t)i > d->len ? d->len : (size_t)i;
    push_back(vm, d, a[2]);
    for (size_t j = d->len - 1; j > at; j--)
        *slot(d, j) = *slot(d, j - 1);
    *slot(d, at) = a[2];
    return VNONE;
}

static Value dm_remove(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "remove", n - 1, k, 1, 1) < 0)
        return VNULL;
    return deque_remove(vm, SELF(a), a[1]) < 0 ? VNULL : VNONE;
}

static Value dm_reverse(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "reverse", n - 1, k, 0, 0) < 0)
        return VNULL;
    Deque *d = SELF(a);
    for (size_t i = 0, j = d->len; i + 1 < j; i++, j--) {
        Value t = *slot(d, i);
        *slot(d, i) = *slot(d, j - 1);
        *slot(d, j - 1) = t;
    }
    d->version++;
    return VNONE;
}

/* rotate(n): n steps to the right (negative: to the left), each moving one
 * item from one end to the other; the shorter way round is taken. */
static Value dm_rotate(VM *vm, Value *a, int n, Tuple *k)
{
    if (vm_check_nargs(vm, "rotate", n - 1, k, 0, 1) < 0)
        return VNULL;
    Deque *d = SELF(a);
    int64_t steps = 1;
    if (n > 1 && vm_index(vm, a[1], &steps) < 0)
        return VNULL;
    if (d->len <= 1)
        return VNONE;
    int64_t len = (int64_t)d->len;
    steps %= len;
    if (steps < 0)
        steps += len;
    if (steps > len / 2)
        steps -= len;
    for (; steps > 0; steps--) {       /* right: the last item goes first */
        Value v = *slot(d, d->len - 1);
        d->head = (d->head + d->cap - 1) & (d->cap - 1);
        d->items[d->head] = v;
    }
    for (; steps < 0; steps++) {       /* left: the first item goes last */
        Value v = d->items[d->head];
        d->head = (d->head + 1) & (d->cap - 1);
        *slot(d, d->len - 1) = v;
    }
    d->version++;
    return VNONE;
}

static Value dm_maxlen(VM *vm, Value *a, int n, Tuple *k)
{
    (void)vm; (void)n; (void)k;
    return SELF(a)->maxlen < 0 ? VNONE : VINT(SELF(a)->maxlen);
}

/* deque(iterable=(), maxlen=None) */
static Value deque_ctor(VM *vm, Value *a, int n, Tuple *k)
{
    static const char *const params[] = { "iterable", "maxlen", NULL };
    Value p[2];
    if (vm_bind_args(vm, "deque", a + 1, n - 1, k, params, 0, 2, p) < 0)
        return VNULL;
    Deque *d = deque_alloc(vm, AS_CLASS(a[0]));
    Value dv = VOBJ(d);
    if (!IS_NULL(p[1]) && !IS_NONE(p[1])) {
        if (!IS_INT(p[1]))
            return vm_raise(vm, EXC_TypeError, "an integer is required");
        if (p[1].as.i < 0)
            return vm_raise(vm, EXC_ValueError, "maxlen must be non-negative");
        d->maxlen = p[1].as.i;
    }
    if (!IS_NULL(p[0])) {
        vm_push_root(vm, &dv);
        int r = extend(vm, d, p[0], false);
        vm_pop_root(vm);
        if (r < 0)
            return VNULL;
    }
    return dv;
}

void collections_init(VM *vm)
{
    Class *c = TYPE(vm, deque);
    c->module = str_intern(vm, "collections", 11);
    c->ctor = deque_ctor;
    static const struct { const char *name; NativeFn fn; } methods[] = {
        { "append", dm_append }, { "appendleft", dm_appendleft }, { "pop", dm_pop },
        { "popleft", dm_popleft }, { "extend", dm_extend }, { "extendleft", dm_extendleft },
        { "clear", dm_clear }, { "copy", dm_copy }, { "__copy__", dm_copy },
        { "count", dm_count }, { "index", dm_index }, { "insert", dm_insert },
        { "remove", dm_remove }, { "reverse", dm_reverse }, { "rotate", dm_rotate },
    };
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
        class_add_method(vm, c, methods[i].name, methods[i].fn);
    class_add_property(vm, c, "maxlen", dm_maxlen);
    Module *m = module_new(vm, "collections");
    dict_set_str(vm, m->dict, "deque", VOBJ(c));
}
