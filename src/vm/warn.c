/*
 * warn.c - the run-time warnings CPython prints on stderr, with its default
 * filter: RuntimeWarning "coroutine 'f' was never awaited" and the like.
 *
 * The default action shows a warning once per (text, category, place):
 * a loop that drops ten coroutines on one line warns once. The place is the
 * innermost frame of the scenario that is running (loopscope's own Python,
 * the asyncio prelude, is skipped: CPython would name a file of its standard
 * library there). This module decides nothing about *when* a warning is
 * due; the collector and the interpreter call it at those moments.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "vm.h"
#include "internal.h"

static const Frame *program_frame(const VM *vm)
{
    for (const Frame *f = vm->frame; f; f = f->parent)
        if (!f->code->hidden)
            return f;
    return NULL;
}

int vm_program_line(VM *vm)
{
    const Frame *f = program_frame(vm);
    return f ? vm_frame_line(f) : 0;
}

/* True the first time this (place, text) is seen. */
static bool first_time(VM *vm, const char *place, const char *category, const char *text)
{
    if (!vm->warn_registry)
        vm->warn_registry = dict_new(vm);
    Str *key = str_printf(vm, "%s\x1f%s\x1f%s", place, category, text);
    Value k = VOBJ(key);
    if (!IS_NULL(dict_get(vm, vm->warn_registry, k)))
        return false;
    vm->exc = VNULL;
    dict_set(vm, vm->warn_registry, k, VBOOL(true));
    return true;
}

void vm_warn(VM *vm, const char *category, const char *text, bool tracemalloc_hint)
{
    const ExtFrame *ext = vm->warn_ext;
    const Frame *f = ext ? NULL : program_frame(vm);
    char place[512];
    int line = f ? vm_frame_line(f) : 0;
    if (ext)
        snprintf(place, sizeof place, "%s/%s:%d", vm->stdlib_dir ? vm->stdlib_dir : "", ext->file, ext->line);
    else if (f)
        snprintf(place, sizeof place, "%s:%d", vm->cfg.filename, line);
    else
        snprintf(place, sizeof place, "sys:1");
    if (!first_time(vm, place, category, text))
        return;
    Str *msg = str_printf(vm, "%s: %s: %s\n", place, category, text);
    vm_write_err(vm, msg->data, msg->len);
    if (!f && !ext)
        return;   /* at shutdown CPython has no source line and no hint */
    const char *src = ext ? ext->text : NULL;
    size_t len = ext ? strlen(ext->text) : 0;
    if (ext || vm_source_line(vm, line, &src, &len)) {
        while (len && (*src == ' ' || *src == '\t' || *src == '\f')) {
            src++;
            len--;
        }
        vm_write_err(vm, "  ", 2);
        vm_write_err(vm, src, len);
        vm_write_err(vm, "\n", 1);
    }
    if (tracemalloc_hint) {
        Str *hint = str_printf(vm, "%s: Enable tracemalloc to get the object allocation traceback\n",
                               category);
        vm_write_err(vm, hint->data, hint->len);
    }
}

void vm_warn_never_awaited(VM *vm, Gen *coro)
{
    Str *text = str_printf(vm, "coroutine '%s' was never awaited", coro->qualname->data);
    vm_warn(vm, "RuntimeWarning", text->data, true);
}

void vm_warn_at_exit(VM *vm)
{
    /* CPython frees module globals oldest first: warn in creation order,
     * the heap's order */
    size_t n = 0;
    for (size_t k = 0; k < vm->nobjects; k++)
        if (vm->objects[k]->kind == OBJ_GEN && gen_never_ran((Gen *)vm->objects[k]))
            n++;
    if (n == 0)
        return;
    Gen **gens = malloc(n * sizeof *gens);
    if (!gens)
        return;
    size_t i = 0;
    for (size_t k = 0; k < vm->nobjects; k++)
        if (vm->objects[k]->kind == OBJ_GEN && gen_never_ran((Gen *)vm->objects[k]))
            gens[i++] = (Gen *)vm->objects[k];
    Frame *saved = vm->frame;
    vm->frame = NULL;
    for (i = 0; i < n; i++) {
        gens[i]->awaited = 1;
        vm_warn_never_awaited(vm, gens[i]);
    }
    vm->frame = saved;
    free(gens);
}
