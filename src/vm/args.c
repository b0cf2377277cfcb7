/*
 * args.c - argument checking for natives, with CPython-style messages.
 */
#include <stdio.h>
#include <string.h>
#include "vm.h"

int vm_check_nargs(VM *vm, const char *fname, int nargs, Tuple *kwnames, int min, int max)
{
    if (kwnames && kwnames->len > 0) {
        vm_raise(vm, EXC_TypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    if (nargs >= min && (max < 0 || nargs <= max))
        return 0;
    if (min == max) {
        if (min == 0)
            vm_raise(vm, EXC_TypeError, "%s() takes no arguments (%d given)", fname, nargs);
        else if (min == 1)
            vm_raise(vm, EXC_TypeError, "%s() takes exactly one argument (%d given)", fname, nargs);
        else
            vm_raise(vm, EXC_TypeError, "%s expected %d arguments, got %d", fname, min, nargs);
    } else if (nargs < min) {
        vm_raise(vm, EXC_TypeError, "%s expected at least %d argument%s, got %d", fname, min, min == 1 ? "" : "s", nargs);
    } else {
        vm_raise(vm, EXC_TypeError, "%s expected at most %d argument%s, got %d", fname, max, max == 1 ? "" : "s", nargs);
    }
    return -1;
}

/* 'a' | 'a' and 'b' | 'a', 'b', and 'c', as CPython lists missing arguments */
static void join_params(char *buf, size_t size, const char *const *names, int n)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; i < n; i++) {
        const char *sep = i == 0 ? "" : (n == 2 ? " and " : (i == n - 1 ? ", and " : ", "));
        int w = snprintf(buf + used, size - used, "%s'%s'", sep, names[i]);
        if (w < 0 || (size_t)w >= size - used)
            break;
        used += (size_t)w;
    }
}

/* vm_bind_args's messages are a C function's; with nself >= 0 they are a
 * Python function's (see vm_bind_args_py) */
static void too_many_positional(VM *vm, const char *fname, int nself, int nrequired, int npos_max, int nargs)
{
    if (nself < 0) {
        if (npos_max == 0)
            vm_raise(vm, EXC_TypeError, "%s() takes no positional arguments", fname);
        else
            vm_raise(vm, EXC_TypeError, "%s() takes at most %d positional argument%s (%d given)", fname, npos_max,
                     npos_max == 1 ? "" : "s", nargs);
        return;
    }
    int lo = nrequired + nself, hi = npos_max + nself;
    char takes[64];
    if (lo < hi)
        snprintf(takes, sizeof takes, "from %d to %d positional arguments", lo, hi);
    else
        snprintf(takes, sizeof takes, "%d positional argument%s", hi, hi == 1 ? "" : "s");
    vm_raise(vm, EXC_TypeError, "%s() takes %s but %d %s given", fname, takes, nargs + nself,
             nargs + nself == 1 ? "was" : "were");
}

static int bind(VM *vm, const char *fname, int nself, Value *args, int nargs, Tuple *kwnames,
                const char *const *params, int nrequired, int npos_max, Value *out)
{
    int nparams = 0;
    while (params[nparams])
        nparams++;
    for (int i = 0; i < nparams; i++)
        out[i] = VNULL;
    if (nargs > npos_max) {
        too_many_positional(vm, fname, nself, nrequired, npos_max, nargs);
        return -1;
    }
    for (int i = 0; i < nargs; i++)
        out[i] = args[i];
    int nkw = kwnames ? (int)kwnames->len : 0;
    for (int k = 0; k < nkw; k++) {
        Str *name = AS_STR(kwnames->items[k]);
        int slot = -1;
        for (int i = 0; i < nparams; i++)
            if (strcmp(params[i], name->data) == 0) {
                slot = i;
                break;
            }
        if (slot < 0) {
            vm_raise(vm, EXC_TypeError, "%s() got an unexpected keyword argument '%s'", fname, name->data);
            return -1;
        }
        if (!IS_NULL(out[slot])) {
            if (nself < 0)
                vm_raise(vm, EXC_TypeError, "argument for %s() given by name ('%s') and position (%d)", fname,
                         name->data, slot + 1);
            else
                vm_raise(vm, EXC_TypeError, "%s() got multiple values for argument '%s'", fname, name->data);
            return -1;
        }
        out[slot] = args[nargs + k];
    }
    const char *missing[16];
    int nmissing = 0;
    for (int i = 0; i < nrequired && nmissing < 16; i++)
        if (IS_NULL(out[i])) {
            if (nself < 0) {
                vm_raise(vm, EXC_TypeError, "%s() missing required argument '%s' (pos %d)", fname, params[i], i + 1);
                return -1;
            }
            missing[nmissing++] = params[i];
        }
    if (nmissing > 0) {
        char list[512];
        join_params(list, sizeof list, missing, nmissing);
        vm_raise(vm, EXC_TypeError, "%s() missing %d required positional argument%s: %s", fname, nmissing,
                 nmissing == 1 ? "" : "s", list);
        return -1;
    }
    return 0;
}

int vm_bind_args(VM *vm, const char *fname, Value *args, int nargs, Tuple *kwnames,
                 const char *const *params, int nrequired, int npos_max, Value *out)
{
    return bind(vm, fname, -1, args, nargs, kwnames, params, nrequired, npos_max, out);
}

int vm_bind_args_py(VM *vm, const char *qualname, int nself, Value *args, int nargs, Tuple *kwnames,
                    const char *const *params, int nrequired, int npos_max, Value *out)
{
    return bind(vm, qualname, nself, args, nargs, kwnames, params, nrequired, npos_max, out);
}
