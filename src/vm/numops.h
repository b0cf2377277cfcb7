/* numops.h - numbers inside the VM (numops.c). */
#ifndef LOOPSCOPE_NUMOPS_H
#define LOOPSCOPE_NUMOPS_H
#include "vm.h"
#include "numfmt.h"

bool num_is_int(Value v);                 /* bool, int, big int */
bool num_is_number(Value v);              /* ... or float */
Value num_binary(VM *vm, Value a, Value b, BinOpKind op);  /* not_implemented for non-numbers */
int num_cmp(Value a, Value b);            /* numbers only: -1, 0, 1, 2 = unordered */
int64_t num_hash(Value v);
Str *num_repr(VM *vm, Value v);
Value num_neg(VM *vm, Value a);
Value num_invert(VM *vm, Value a);
const BigInt *num_as_big(Value v, BiSmall *tmp);   /* no allocation */
Value num_raise_bi(VM *vm, int code, const char *msg);
Value num_raise_nf(VM *vm, const NfError *err);
#endif
