/*
 * text.h - small helpers shared by the natives that read and build text:
 * builtins.c, format.c and strmethods.c. Internal to src/vm; one copy here
 * instead of one per file. The small ones are static inline (u8_dec sits in
 * the inner loops of the str methods); the str_method_* checks live in
 * strmethods.c.
 */
#ifndef LOOPSCOPE_TEXT_H
#define LOOPSCOPE_TEXT_H

#include "vm.h"
#include "numfmt.h"

/* Decodes the code point at p (n >= 1 bytes left) into *cp and returns its
 * length in bytes. Str data is valid UTF-8; a sequence cut short by the end
 * decodes as its lead byte alone. */
static inline size_t u8_dec(const unsigned char *p, size_t n, uint32_t *cp)
{
    uint32_t c = p[0];
    if (c < 0x80 || n < 2) { *cp = c; return 1; }
    if (c < 0xE0) { *cp = ((c & 31u) << 6) | (p[1] & 63u); return 2; }
    if (c < 0xF0 || n < 4) {
        if (n < 3) { *cp = c; return 1; }
        *cp = ((c & 15u) << 12) | ((p[1] & 63u) << 6) | (p[2] & 63u);
        return 3;
    }
    *cp = ((c & 7u) << 18) | ((p[1] & 63u) << 12) | ((p[2] & 63u) << 6) | (p[3] & 63u);
    return 4;
}

/* A new str from n bytes of UTF-8, as a Value: VNULL if it raised. */
static inline Value mkstr(VM *vm, const char *s, size_t n)
{
    Str *r = str_new(vm, s, n);
    return r ? VOBJ(r) : VNULL;
}

/* The finished buffer as a str (NULL if it raised); frees the buffer. */
static inline Str *buf_to_str(VM *vm, NfBuf *b)
{
    Str *r = str_new(vm, b->data ? b->data : "", b->len);
    nf_buf_free(b);
    return r;
}

/* A numfmt error raised as the exception CPython gives for it; VNULL. */
static inline Value raise_nf(VM *vm, const NfError *e)
{
    switch (e->kind) {
    case NF_ERR_TYPE: return vm_raise(vm, EXC_TypeError, "%s", e->msg);
    case NF_ERR_OVERFLOW: return vm_raise(vm, EXC_OverflowError, "%s", e->msg);
    case NF_ERR_ZERODIV: return vm_raise(vm, EXC_ZeroDivisionError, "%s", e->msg);
    case NF_ERR_MEMORY: return vm_raise(vm, EXC_MemoryError, "%s", e->msg);
    default: return vm_raise(vm, EXC_ValueError, "%s", e->msg);
    }
}

static inline const char *tname(VM *vm, Value v) { return vm_type_name(vm, v); }

/* How many keyword arguments a native received. */
static inline int nkw(Tuple *kwnames) { return kwnames ? (int)kwnames->len : 0; }

/* strmethods.c: the str a str method was called on (args[0]), with
 * CPython's errors for a call through the class ("unbound method str.join()
 * needs an argument", "descriptor 'join' for 'str' objects doesn't apply to
 * a 'int' object"); NULL after raising. The _onearg form also checks for
 * exactly one argument and no keywords, as METH_O methods do. */
Str *str_method_self(VM *vm, Value *args, int nargs, const char *name);
Str *str_method_onearg(VM *vm, Value *args, int nargs, Tuple *kw, const char *name);

#endif
