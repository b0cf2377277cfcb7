/*
 * object.c - allocation and the simplest objects: str, tuple, list, natives,
 * builtin classes, iterators.
 *
 * Every byte the program's objects hold is counted in vm->bytes_allocated so
 * the collector knows when to run and the memory cap can raise MemoryError.
 * Nothing here collects.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "vm.h"
#include "internal.h"
#include "numfmt.h"

/* p, the result of an allocation; running out of memory ends the run. */
static void *must(void *p)
{
    if (!p) {
        fputs("loopscope: out of memory\n", stderr);
        abort();
    }
    return p;
}

static void *checked_alloc(size_t size)
{
    return must(calloc(1, size));
}

/* Past the cap, the next safe point collects and raises MemoryError. A
 * native that allocates far past it before reaching one (a huge repetition,
 * say) would otherwise take the machine's memory: that ends the run. */
static void note_growth(VM *vm, size_t size)
{
    vm->bytes_allocated += size;
    if (vm->bytes_allocated > vm->next_gc)
        vm->gc_requested = true;
    if (vm->cfg.max_memory) {
        if (vm->bytes_allocated > vm->cfg.max_memory)
            vm->gc_requested = true;
        if (vm->bytes_allocated > 2 * vm->cfg.max_memory + ((size_t)64 << 20)) {
            fflush(stdout);
            fprintf(stderr, "loopscope: stopped: the program needs more than %zu MB, the --max-memory limit;"
                            " raise it with --max-memory MB\n", vm->cfg.max_memory >> 20);
            exit(1);
        }
    }
}

/* Small objects come from per-size free lists: most objects are a few dozen
 * bytes and short-lived, and malloc/free would dominate their cost. New ones
 * are carved from slabs, which saves malloc's header on each (a program with
 * 50,000 pending tasks holds half a million small objects) and its
 * bookkeeping. Slabs go back to the system only when the VM ends. */
#define SMALL_GRAIN VM_SMALL_GRAIN
#define SMALL_MAX VM_SMALL_MAX
#define SLAB_BYTES ((size_t)2 << 20)
#define SLAB_HEADER 16   /* the link to the next slab (objects are 8-aligned) */

/* A slab is one 2 MB huge page where the kernel offers them (madvise): the
 * collector's walks over half a million objects then miss the TLB far less,
 * and one fault maps 2 MB instead of 4 KB. Measured on asyncio_tasks.py:
 * 41,000 page faults down to 9,700 and a third less CPU time
 * (docs/performance.md). The mapping is trimmed to an aligned 2 MB so that
 * the huge page can cover all of it; it comes zeroed. */
static char *slab_map(void)
{
    char *raw = mmap(NULL, 2 * SLAB_BYTES, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED)
        must(NULL);
    uintptr_t mask = SLAB_BYTES - 1;
    char *slab = (char *)(((uintptr_t)raw + mask) & ~mask);
    if (slab > raw)
        munmap(raw, (size_t)(slab - raw));
    munmap(slab + SLAB_BYTES, (size_t)(raw + SLAB_BYTES - slab));
#ifdef MADV_HUGEPAGE
    madvise(slab, SLAB_BYTES, MADV_HUGEPAGE);   /* a refusal only costs speed */
#endif
    return slab;
}

static void *slab_carve(VM *vm, size_t bytes)
{
    if (vm->slab_left < bytes) {
        /* the old slab's tail (under SMALL_MAX bytes) is left unused */
        char *slab = slab_map();
        *(void **)slab = vm->slabs;
        vm->slabs = slab;
        vm->slab_next = slab + SLAB_HEADER;
        vm->slab_left = SLAB_BYTES - SLAB_HEADER;
    }
    void *p = vm->slab_next;
    vm->slab_next += bytes;
    vm->slab_left -= bytes;
    return p;   /* zeroed: mapped fresh, never used since */
}

static size_t size_class(size_t size)
{
    return (size + SMALL_GRAIN - 1) / SMALL_GRAIN;
}

/* The free lists, one a size class; bit k of small_nonempty says list k has
 * a block. */
_Static_assert(SMALL_MAX / SMALL_GRAIN < 64, "a bit for every size class");

static inline void free_list_push(VM *vm, size_t cls, void *p)
{
    *(void **)p = vm->small_free[cls];
    vm->small_free[cls] = p;
    vm->small_nonempty |= UINT64_C(1) << cls;
}

static inline void free_list_pop(VM *vm, size_t cls)
{
    void *next = *(void **)vm->small_free[cls];
    vm->small_free[cls] = next;
    if (!next)
        vm->small_nonempty &= ~(UINT64_C(1) << cls);
}

/* Frames share the small objects' classes (exec.c): not zeroed, since
 * frame_new sets every field and the slots it reads. */
void *vm_small_alloc(VM *vm, size_t size)
{
    if (size > SMALL_MAX)
        return must(malloc(size));
    size_t cls = size_class(size);
    void *p = vm->small_free[cls];
    if (p) {
        free_list_pop(vm, cls);
        return p;
    }
    /* None of this size free: split the smallest free block that is bigger,
     * its rest going to the list of the rest's size. Without this, memory
     * freed in one size (the frames of 50,000 cancelled tasks) could never
     * serve another (their CancelledErrors), and the heap would grow. The
     * bitmap of non-empty lists finds it at once. */
    uint64_t bigger = vm->small_nonempty & ~((UINT64_C(2) << cls) - 1);
    if (bigger) {
        size_t k = (size_t)__builtin_ctzll(bigger);
        char *big = vm->small_free[k];
        free_list_pop(vm, k);
        free_list_push(vm, k - cls, big + cls * SMALL_GRAIN);
        return big;
    }
    return slab_carve(vm, cls * SMALL_GRAIN);
}

static void *small_alloc(VM *vm, size_t size)
{
    if (size > SMALL_MAX)
        return checked_alloc(size);
    void *p = vm_small_alloc(vm, size);
    memset(p, 0, size);
    return p;
}

void vm_release_mem(VM *vm, void *p, size_t size)
{
    if (size > SMALL_MAX) {
        free(p);
        return;
    }
    free_list_push(vm, size_class(size), p);
}

void vm_release_obj(VM *vm, void *p, size_t size)
{
    Obj *o = p;
    if (obj_has_attrs(o))
        subclass_forget(vm, o);
    vm_release_mem(vm, p, size);
}

void vm_small_free_all(VM *vm)
{
    memset(vm->small_free, 0, sizeof vm->small_free);
    vm->small_nonempty = 0;
    while (vm->slabs) {
        void *slab = vm->slabs;
        vm->slabs = *(void **)slab;
        munmap(slab, SLAB_BYTES);
    }
    vm->slab_next = NULL;
    vm->slab_left = 0;
}

void *vm_alloc_obj(VM *vm, size_t size, ObjKind kind, Class *cls)
{
    Obj *o = small_alloc(vm, size);
    o->kind = (uint8_t)kind;
    o->cls = cls;
    if (vm->nobjects == vm->cap_objects) {
        size_t ncap = vm->cap_objects ? vm->cap_objects * 2 : 4096;
        Obj **n = must(realloc(vm->objects, ncap * sizeof *n));
        vm->objects = n;
        vm->cap_objects = ncap;
    }
    vm->objects[vm->nobjects++] = o;
    note_growth(vm, size);
    return o;
}

/* Buffers (list items, dict and set tables, tracebacks) up to SMALL_MAX
 * bytes share the objects' size classes too: a buffer freed by one object
 * serves the next, whatever kind it is, and the garbage of 50,000 cancelled
 * tasks (their exceptions' tracebacks) fills the memory their frames left
 * instead of growing the heap. Under AddressSanitizer every buffer is
 * malloc's, so that overruns of items are still caught. */
#ifdef __SANITIZE_ADDRESS__
#define BUFFER_SMALL_MAX 0
#else
#define BUFFER_SMALL_MAX SMALL_MAX
#endif

static void *buffer_alloc(VM *vm, size_t size)
{
    return size <= BUFFER_SMALL_MAX ? vm_small_alloc(vm, size) : must(malloc(size));
}

static void buffer_free(VM *vm, void *p, size_t size)
{
    if (size <= BUFFER_SMALL_MAX)
        vm_release_mem(vm, p, size);
    else
        free(p);
}

void *vm_realloc(VM *vm, void *p, size_t old_size, size_t new_size)
{
    if (new_size == 0) {
        vm_free_mem(vm, p, old_size);
        return NULL;
    }
    void *q;
    if (!p) {
        q = buffer_alloc(vm, new_size);
    } else if (old_size > BUFFER_SMALL_MAX && new_size > BUFFER_SMALL_MAX) {
        q = must(realloc(p, new_size));
    } else if (old_size <= BUFFER_SMALL_MAX && new_size <= BUFFER_SMALL_MAX &&
               size_class(old_size) == size_class(new_size)) {
        q = p;
    } else {
        q = buffer_alloc(vm, new_size);
        memcpy(q, p, old_size < new_size ? old_size : new_size);
        buffer_free(vm, p, old_size);
    }
    if (new_size > old_size)
        note_growth(vm, new_size - old_size);
    else
        vm->bytes_allocated -= old_size - new_size;
    return q;
}

void vm_free_mem(VM *vm, void *p, size_t size)
{
    if (!p)
        return;
    buffer_free(vm, p, size);
    vm->bytes_allocated -= size;
}

void vm_grow_roots(VM *vm)
{
    vm->cap_roots = vm->cap_roots ? vm->cap_roots * 2 : 64;
    vm->roots = must(realloc(vm->roots, (size_t)vm->cap_roots * sizeof(Value *)));
}

/* ---- str ------------------------------------------------------------------ */

static size_t utf8_count(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

Str *str_new(VM *vm, const char *s, size_t len)
{
    if (len == 0 && vm->empty_str)
        return vm->empty_str;
    if (len == 1 && (unsigned char)s[0] < 128 && vm->single_chars[(unsigned char)s[0]])
        return vm->single_chars[(unsigned char)s[0]];
    Str *r = vm_alloc_obj(vm, sizeof(Str) + len + 1, OBJ_STR, TYPE(vm, str));
    memcpy(r->data, s, len);
    r->data[len] = '\0';
    r->len = len;
    r->ncp = utf8_count(s, len);
    r->ascii = r->ncp == len;
    r->hash = -1;
    return r;
}

Str *str_from_cstr(VM *vm, const char *s)
{
    return str_new(vm, s, strlen(s));
}

Value vm_str(VM *vm, const char *cstr)
{
    return VOBJ(str_from_cstr(vm, cstr));
}

Str *str_printf(VM *vm, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return str_new(vm, "", 0);
    if ((size_t)n < sizeof small)
        return str_new(vm, small, (size_t)n);
    char *big = checked_alloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    Str *r = str_new(vm, big, (size_t)n);
    free(big);
    return r;
}

Str *str_concat(VM *vm, Str *a, Str *b)
{
    if (a->len == 0)
        return b;
    if (b->len == 0)
        return a;
    Str *r = vm_alloc_obj(vm, sizeof(Str) + a->len + b->len + 1, OBJ_STR, TYPE(vm, str));
    memcpy(r->data, a->data, a->len);
    memcpy(r->data + a->len, b->data, b->len);
    r->len = a->len + b->len;
    r->data[r->len] = '\0';
    r->ncp = a->ncp + b->ncp;
    r->ascii = a->ascii && b->ascii;
    r->hash = -1;
    return r;
}

/* A fixed-key hash: deterministic across runs (CPython randomises str
 * hashes, so no program can depend on their values, only on equality). */
int64_t hash_bytes(const void *p, size_t n)
{
    const unsigned char *d = p;
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++) {
        h ^= d[i];
        h *= 0x100000001b3ull;
    }
    h ^= h >> 29;
    int64_t r = (int64_t)(h & 0x1fffffffffffffffull);
    return r == -1 ? -2 : r;
}

int64_t str_hash(Str *s)
{
    if (s->hash == -1)
        s->hash = hash_bytes(s->data, s->len);
    return s->hash;
}

bool str_eq(const Str *a, const Str *b)
{
    if (a == b)
        return true;
    if (a->len != b->len)
        return false;
    if (a->hash != -1 && b->hash != -1 && a->hash != b->hash)
        return false;
    return memcmp(a->data, b->data, a->len) == 0;
}

Str *str_intern(VM *vm, const char *s, size_t len)
{
    Str *tmp = str_new(vm, s, len);
    Value found = dict_get_str(vm->interned, tmp);
    if (!IS_NULL(found))
        return AS_STR(found);
    tmp->interned = 1;
    dict_set(vm, vm->interned, VOBJ(tmp), VOBJ(tmp));
    return tmp;
}

/* ---- tuple, list ---------------------------------------------------------- */

Tuple *tuple_new(VM *vm, size_t len)
{
    if (len == 0 && vm->empty_tuple)
        return vm->empty_tuple;
    Tuple *t = vm_alloc_obj(vm, sizeof(Tuple) + len * sizeof(Value), OBJ_TUPLE, TYPE(vm, tuple));
    t->len = len;
    for (size_t i = 0; i < len; i++)
        t->items[i] = VNONE;
    return t;
}

Tuple *tuple_from(VM *vm, const Value *items, size_t len)
{
    Tuple *t = tuple_new(vm, len);
    if (len)
        memcpy(t->items, items, len * sizeof(Value));
    return t;
}

List *list_new(VM *vm, size_t cap)
{
    List *l = vm_alloc_obj(vm, sizeof(List), OBJ_LIST, TYPE(vm, list));
    if (cap) {
        l->items = vm_realloc(vm, NULL, 0, cap * sizeof(Value));
        l->cap = cap;
    }
    return l;
}

int list_append(VM *vm, List *l, Value v)
{
    if (l->len == l->cap) {
        size_t ncap = l->cap < 4 ? 4 : l->cap + (l->cap >> 1);
        l->items = vm_realloc(vm, l->items, l->cap * sizeof(Value), ncap * sizeof(Value));
        l->cap = ncap;
    }
    l->items[l->len++] = v;
    return 0;
}

/* ---- natives, classes, iterators ----------------------------------------- */

Native *native_new(VM *vm, const char *name, NativeFn fn, Class *owner)
{
    Native *n = vm_alloc_obj(vm, sizeof(Native), OBJ_NATIVE, TYPE(vm, builtin_function_or_method));
    n->name = name;
    n->fn = fn;
    n->owner = owner;
    n->data = VNULL;
    return n;
}

Class *class_new_builtin(VM *vm, const char *name, Class *base, ObjKind inst_kind)
{
    Class *c = vm_alloc_obj(vm, sizeof(Class), OBJ_CLASS, TYPE(vm, type));
    c->name = str_intern(vm, name, strlen(name));
    c->qualname = c->name;
    c->module = str_intern(vm, "builtins", 8);
    c->base = base;
    class_set_dict(vm, c, dict_new(vm));
    c->inst_kind = inst_kind;
    c->cflags = CLASS_BUILTIN | (base ? (base->cflags & CLASS_EXCEPTION) : 0);
    c->depth = base ? base->depth + 1 : 0;
    return c;
}

void class_add_method(VM *vm, Class *c, const char *name, NativeFn fn)
{
    Native *n = native_new(vm, name, fn, c);
    dict_set(vm, c->dict, VOBJ(str_intern(vm, name, strlen(name))), VOBJ(n));
}

void class_add_classmethod(VM *vm, Class *c, const char *name, NativeFn fn)
{
    Native *n = native_new(vm, name, fn, c);
    Value nv = VOBJ(n);
    vm_push_root(vm, &nv);
    Wrapper *w = vm_alloc_obj(vm, sizeof(Wrapper), OBJ_WRAPPER, TYPE(vm, classmethod));
    w->hdr.flags = WRAP_CLASSMETHOD;
    w->a = nv;
    w->b = w->c = w->d = VNONE;
    dict_set(vm, c->dict, VOBJ(str_intern(vm, name, strlen(name))), VOBJ(w));
    vm_pop_root(vm);
}

void class_add_checked_method(VM *vm, Class *c, const char *name, NativeFn fn)
{
    Native *n = native_new(vm, name, fn, c);
    n->hdr.flags |= NATIVE_CHECK_SELF;
    dict_set(vm, c->dict, VOBJ(str_intern(vm, name, strlen(name))), VOBJ(n));
}

bool native_self_ok(VM *vm, const Native *n, const Value *args, int nargs)
{
    if (nargs > 0 && vm_is_subclass(vm_type_of(vm, args[0]), n->owner))
        return true;
    if (nargs == 0)
        vm_raise(vm, EXC_TypeError, "unbound method %s.%s() needs an argument", n->owner->name->data, n->name);
    else
        vm_raise(vm, EXC_TypeError, "descriptor '%s' for '%s.%s' objects doesn't apply to a '%s' object",
                 n->name, strcmp(n->owner->module ? n->owner->module->data : "", "asyncio") == 0
                 ? "_asyncio" : n->owner->module ? n->owner->module->data : "builtins",
                 n->owner->name->data, vm_type_name(vm, args[0]));
    return false;
}

/* A read-only property whose getter is a native (int.real, ag_running). */
void class_add_property(VM *vm, Class *c, const char *name, NativeFn fget)
{
    Native *n = native_new(vm, name, fget, c);
    if (!n || !TYPE(vm, property))
        return;
    Wrapper *w = vm_alloc_obj(vm, sizeof(Wrapper), OBJ_WRAPPER, TYPE(vm, property));
    if (!w)
        return;
    w->hdr.flags = WRAP_PROPERTY;
    w->a = VOBJ(n);
    w->b = w->c = w->d = VNONE;
    dict_set_str(vm, c->dict, name, VOBJ(w));
}

Iter *iter_new(VM *vm, IterNextFn next, Value a)
{
    Iter *it = vm_alloc_obj(vm, sizeof(Iter), OBJ_ITER, TYPE(vm, iterator));
    it->next = next;
    it->a = a;
    it->b = VNULL;
    it->c = VNULL;
    return it;
}

int dict_set_str(VM *vm, Dict *d, const char *key, Value value)
{
    return dict_set(vm, d, VOBJ(str_intern(vm, key, strlen(key))), value);
}

/* ---- output ---------------------------------------------------------------- */

static void flush_pending(VM *vm, PendingOut *p)
{
    if (!p)
        return;
    flush_pending(vm, p->outer);
    if (p->buf->len && vm->cfg.out)
        vm->cfg.out(vm->cfg.out_ud, p->buf->data, p->buf->len);
    p->buf->len = 0;
}

void vm_write_out(VM *vm, const char *s, size_t n)
{
    PendingOut *p = vm->pending_out;
    if (p) {
        vm->pending_out = NULL;
        flush_pending(vm, p);
        vm->pending_out = p;
    }
    if (vm->cfg.out)
        vm->cfg.out(vm->cfg.out_ud, s, n);
}

void vm_write_err(VM *vm, const char *s, size_t n)
{
    if (vm->cfg.err)
        vm->cfg.err(vm->cfg.err_ud, s, n);
}

/* Before building something large in C (a padded string, a repetition):
 * MemoryError now, rather than after minutes of filling, when it cannot fit
 * under the --max-memory cap. 0, or -1 after raising. */
int vm_check_alloc(VM *vm, uint64_t bytes)
{
    uint64_t cap = vm->cfg.max_memory ? vm->cfg.max_memory : ((uint64_t)1 << 40);
    if (bytes > cap || vm->bytes_allocated + bytes > cap + cap / 2) {
        vm->exc = exc_new(vm, EXC_TYPE(vm, MemoryError), NULL);
        return -1;
    }
    return 0;
}
