/*
 * suggest.c - CPython 3.12's "Did you mean: 'x'?" for NameError and
 * AttributeError reports: the closest name by a Levenshtein distance in which
 * a change of case costs less than any other edit.
 */
#include <stdlib.h>
#include <string.h>
#include "vm.h"
#include "internal.h"

#define MAX_CANDIDATES 750
#define MAX_NAME 40
#define MOVE_COST 2
#define CASE_COST 1

static int sub_cost(char a, char b)
{
    if ((a & 31) != (b & 31))
        return MOVE_COST;
    if (a == b)
        return 0;
    if (a >= 'A' && a <= 'Z')
        a = (char)(a + ('a' - 'A'));
    if (b >= 'A' && b <= 'Z')
        b = (char)(b + ('a' - 'A'));
    return a == b ? CASE_COST : MOVE_COST;
}

static size_t distance(const char *a, size_t na, const char *b, size_t nb, size_t max_cost)
{
    if (na == nb && memcmp(a, b, na) == 0)
        return 0;
    while (na && nb && a[0] == b[0]) {
        a++; b++; na--; nb--;
    }
    while (na && nb && a[na - 1] == b[nb - 1]) {
        na--; nb--;
    }
    if (na == 0 || nb == 0)
        return (na + nb) * MOVE_COST;
    if (na > MAX_NAME || nb > MAX_NAME)
        return max_cost + 1;
    if (na > nb) {
        const char *t = a; a = b; b = t;
        size_t tn = na; na = nb; nb = tn;
    }
    if ((nb - na) * MOVE_COST > max_cost)
        return max_cost + 1;
    size_t buffer[MAX_NAME];
    for (size_t i = 0; i < na; i++)
        buffer[i] = (i + 1) * MOVE_COST;
    size_t result = 0;
    for (size_t bi = 0; bi < nb; bi++) {
        char code = b[bi];
        size_t dist = result = bi * MOVE_COST;
        size_t minimum = (size_t)-1;
        for (size_t ai = 0; ai < na; ai++) {
            size_t substitute = dist + (size_t)sub_cost(code, a[ai]);
            dist = buffer[ai];
            size_t insert_delete = (result < dist ? result : dist) + MOVE_COST;
            result = insert_delete < substitute ? insert_delete : substitute;
            buffer[ai] = result;
            if (result < minimum)
                minimum = result;
        }
        if (minimum > max_cost)
            return max_cost + 1;
    }
    return result;
}

static int cmp_str(const void *x, const void *y)
{
    const Str *a = *(Str *const *)x, *b = *(Str *const *)y;
    size_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->data, b->data, n);
    return c ? c : (a->len > b->len) - (a->len < b->len);
}

/* The best candidate among `cands` (CPython scans them in the order given). */
static Str *best_of(Str **cands, size_t n, Str *name)
{
    if (n >= MAX_CANDIDATES)
        return NULL;
    Str *best = NULL;
    size_t best_dist = (size_t)-1;
    for (size_t i = 0; i < n; i++) {
        Str *item = cands[i];
        if (str_eq(item, name))
            continue;
        size_t max_d = (name->len + item->len + 3) * MOVE_COST / 6;
        if (best_dist - 1 < max_d)
            max_d = best_dist - 1;
        size_t d = distance(name->data, name->len, item->data, item->len, max_d);
        if (d > max_d)
            continue;
        if (!best || d < best_dist) {
            best = item;
            best_dist = d;
        }
    }
    return best;
}

typedef struct Names {
    Str **items;
    size_t len, cap;
} Names;

static void names_add(Names *ns, Str *s)
{
    for (size_t i = 0; i < ns->len; i++)
        if (str_eq(ns->items[i], s))
            return;
    if (ns->len == ns->cap) {
        ns->cap = ns->cap ? ns->cap * 2 : 32;
        ns->items = realloc(ns->items, ns->cap * sizeof(Str *));
        if (!ns->items)
            abort();
    }
    ns->items[ns->len++] = s;
}

static void names_from_dict(Names *ns, Dict *d)
{
    for (size_t i = 0; d && i < d->nentries; i++)
        if (IS_STR(d->entries[i].key))
            names_add(ns, AS_STR(d->entries[i].key));
}

static Str *suggest_in_dict_keys(Dict *d, Str *name, bool sorted)
{
    Names ns = { 0 };
    names_from_dict(&ns, d);
    if (sorted && ns.len)
        qsort(ns.items, ns.len, sizeof(Str *), cmp_str);
    Str *r = best_of(ns.items, ns.len, name);
    free(ns.items);
    return r;
}

/* Called while the frame that raised is live: locals, then globals, then
 * builtins, as CPython looks. */
Str *suggest_for_name(VM *vm, Frame *f, Str *name)
{
    if (f) {
        Names ns = { 0 };
        const Proto *p = f->code->proto;
        for (int i = 0; i < p->nlocals; i++)
            if (!IS_NULL(frame_locals(f)[i]))
                names_add(&ns, f->code->localnames[i]);
        for (int i = 0; i < p->ncells + p->nfrees; i++) {
            Value c = frame_cells(f)[i];
            if (IS_OBJ(c) && !IS_NULL(((Cell *)AS_OBJ(c))->v))
                names_add(&ns, f->code->cellnames[i]);
        }
        if (f->ns && f->ns != frame_globals(f))
            names_from_dict(&ns, f->ns);
        Str *r = best_of(ns.items, ns.len, name);
        free(ns.items);
        if (r)
            return r;
        Str *g = suggest_in_dict_keys(frame_globals(f), name, false);
        if (g)
            return g;
    }
    return suggest_in_dict_keys(vm->builtins, name, false);
}

Str *suggest_for_attribute(VM *vm, Value obj, Str *name)
{
    Names ns = { 0 };
    if (IS_KIND(obj, OBJ_MODULE)) {
        names_from_dict(&ns, ((Module *)AS_OBJ(obj))->dict);
    } else {
        if (IS_KIND(obj, OBJ_INSTANCE))
            names_from_dict(&ns, ((Instance *)AS_OBJ(obj))->dict);
        Tuple *mro = class_mro(vm, IS_CLASS(obj) ? AS_CLASS(obj) : vm_type_of(vm, obj));
        for (size_t i = 0; i < mro->len; i++)
            names_from_dict(&ns, AS_CLASS(mro->items[i])->dict);
    }
    if (ns.len)
        qsort(ns.items, ns.len, sizeof(Str *), cmp_str);
    Str *r = best_of(ns.items, ns.len, name);
    free(ns.items);
    return r;
}

/* Modules of the standard library: a NameError naming one gets CPython's
 * "Did you forget to import 'x'?" when nothing closer exists. */
bool suggest_is_stdlib_module(const char *name)
{
    static const char *const mods[] = {
        "abc", "argparse", "array", "ast", "asyncio", "base64", "bisect", "builtins", "calendar",
        "cmath", "collections", "concurrent", "contextlib", "copy", "csv", "dataclasses", "datetime",
        "decimal", "difflib", "enum", "errno", "fractions", "functools", "gc", "glob", "hashlib",
        "heapq", "html", "http", "inspect", "io", "itertools", "json", "logging", "math",
        "multiprocessing", "operator", "os", "pathlib", "pickle", "platform", "pprint", "queue",
        "random", "re", "secrets", "select", "selectors", "shutil", "signal", "socket", "sqlite3",
        "ssl", "statistics", "string", "struct", "subprocess", "sys", "tempfile", "textwrap",
        "threading", "time", "timeit", "traceback", "types", "typing", "unittest", "urllib", "uuid",
        "warnings", "weakref", "zipfile", "zlib", NULL
    };
    for (int i = 0; mods[i]; i++)
        if (strcmp(mods[i], name) == 0)
            return true;
    return false;
}
