/*
 * args.c - argument checking for natives, with CPython-style messages.
 */
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

int vm_bind_args(VM *vm, const char *fname, Value *args, int nargs, Tuple *kwnames,
                 const char *const *params, int nrequired, int npos_max, Value *out)
{
    int nparams = 0;
    while (params[nparams])
        nparams++;
    for (int i = 0; i < nparams; i++)
        out[i] = VNULL;
    if (nargs > npos_max) {
        if (npos_max == 0)
            vm_raise(vm, EXC_TypeError, "%s() takes no positional arguments", fname);
        else
            vm_raise(vm, EXC_TypeError, "%s() takes at most %d positional argument%s (%d given)", fname, npos_max,
                     npos_max == 1 ? "" : "s", nargs);
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
            vm_raise(vm, EXC_TypeError, "argument for %s() given by name ('%s') and position (%d)", fname,
                     name->data, slot + 1);
            return -1;
        }
        out[slot] = args[nargs + k];
    }
    for (int i = 0; i < nrequired; i++) {
        if (IS_NULL(out[i])) {
            vm_raise(vm, EXC_TypeError, "%s() missing required argument '%s' (pos %d)", fname, params[i], i + 1);
            return -1;
        }
    }
    return 0;
}
