/*
 * proto.h - what the front end hands to the VM: compiled code as plain data.
 *
 * A Proto is one code object (module body, function, lambda, class body,
 * generator expression, comprehension). It holds no VM objects: constants are
 * tagged plain values (big integers as decimal text), so the front end links
 * nothing from the runtime and can be tested on its own. The VM turns a Proto
 * tree into runtime code objects once, when the program is loaded.
 *
 * Everything a Proto points to is owned by it and freed by proto_free().
 */
#ifndef LOOPSCOPE_PROTO_H
#define LOOPSCOPE_PROTO_H

#include <stddef.h>
#include <stdint.h>

typedef enum Opcode {
#define OPCODE(name, effect) OP_##name,
#include "opcodes.h"
#undef OPCODE
    OP__COUNT
} Opcode;

#define INSTR_OP(ins)        ((Opcode)((ins) & 0xffu))
#define INSTR_ARG(ins)       ((uint32_t)(ins) >> 8)
#define INSTR_MAKE(op, arg)  ((uint32_t)(op) | ((uint32_t)(arg) << 8))
#define INSTR_ARG_MAX        0xffffffu

const char *opcode_name(Opcode op);

/* BINARY_OP argument. */
typedef enum BinOpKind {
    BINOP_ADD, BINOP_SUB, BINOP_MUL, BINOP_TRUEDIV, BINOP_FLOORDIV, BINOP_MOD,
    BINOP_POW, BINOP_LSHIFT, BINOP_RSHIFT, BINOP_AND, BINOP_OR, BINOP_XOR,
    BINOP_MATMUL,
    BINOP__COUNT
} BinOpKind;
#define BINOP_INPLACE 0x100u   /* or'ed in for augmented assignment (+= ...) */

/* COMPARE_OP argument. */
typedef enum CmpKind {
    CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE,
    CMP_IN, CMP_NOT_IN, CMP_IS, CMP_IS_NOT,
    CMP__COUNT
} CmpKind;

/* FORMAT_VALUE argument. */
#define FMT_CONV_MASK  0x3u
#define FMT_CONV_NONE  0x0u
#define FMT_CONV_STR   0x1u    /* !s */
#define FMT_CONV_REPR  0x2u    /* !r */
#define FMT_CONV_ASCII 0x3u    /* !a */
#define FMT_HAVE_SPEC  0x4u    /* a format spec str is on the stack above the value */

/* MAKE_FUNCTION argument: which optional operands sit below the code. */
#define MKFN_DEFAULTS   0x1u   /* tuple of positional defaults */
#define MKFN_KWDEFAULTS 0x2u   /* dict of keyword-only defaults */
#define MKFN_CLOSURE    0x4u   /* tuple of cells, one per freevar of the code */

/* IMPORT_NAME argument flag: push the named (dotted) module itself rather
 * than its top-level package. */
#define IMPORT_LEAF 0x800000u

/* Proto flags. */
#define PROTO_MODULE          0x001u
#define PROTO_CLASSBODY       0x002u  /* runs with a namespace dict: *_NAME ops */
#define PROTO_VARARGS         0x004u  /* has *args (a local after the kw-only ones) */
#define PROTO_VARKEYWORDS     0x008u  /* has **kwargs (the local after *args) */
#define PROTO_GENERATOR       0x010u
#define PROTO_COROUTINE       0x020u  /* async def */
#define PROTO_ASYNC_GENERATOR 0x040u  /* async def with yield */
#define PROTO_COMPREHENSION   0x080u  /* list/set/dict comprehension body: CPython
                                         3.12 inlines these (PEP 709), so the VM
                                         leaves this frame out of tracebacks */
#define PROTO_LAMBDA          0x100u
#define PROTO_BORROWED_TEXT   0x200u  /* its strings (names, str/bytes/int constants)
                                         point into frozen bytes it does not own
                                         (proto_thaw): never written nor freed */

typedef enum ConstKind {
    K_NONE, K_TRUE, K_FALSE, K_ELLIPSIS,
    K_INT,      /* fits int64 */
    K_BIGINT,   /* decimal digits or a 0x/0o/0b literal, optional leading '-', in str */
    K_FLOAT,
    K_STR,      /* UTF-8, may contain NUL: use len */
    K_BYTES,    /* a bytes literal's bytes, in str */
    K_CODE,     /* a nested Proto */
    K_TUPLE     /* of constants (e.g. KW_NAMES, default tuples) */
} ConstKind;

typedef struct Proto Proto;

typedef struct Const {
    ConstKind kind;
    union {
        int64_t i;
        double f;
        struct { char *s; size_t len; } str;   /* K_STR, K_BYTES, K_BIGINT */
        Proto *code;
        struct { struct Const *items; int n; } tuple;
    } as;
} Const;

/* Source span of one instruction, as CPython's co_positions(): 1-based lines,
 * 0-based columns counted in UTF-8 bytes, end column exclusive. line 0 means
 * "no position" (the VM then reports the nearest earlier instruction's). */
typedef struct Position {
    int32_t line, end_line;
    int32_t col, end_col;
} Position;

struct Proto {
    char *name;          /* "<module>", "f", "<lambda>", "<genexpr>", "<listcomp>", class name */
    char *qualname;      /* "C.m", "f.<locals>.g", as CPython's __qualname__ */
    uint32_t flags;      /* PROTO_* */
    int firstline;

    /* Parameters are the first locals, in this order: positional (argcount of
     * them, the first posonlycount positional-only), keyword-only
     * (kwonlycount), then *args if PROTO_VARARGS, then **kwargs if
     * PROTO_VARKEYWORDS. */
    int argcount, posonlycount, kwonlycount;

    int nlocals;         char **localnames;
    int ncells;          char **cellnames;  /* variables captured by inner scopes */
    int *cell2arg;       /* per cell: local slot of the parameter it starts
                            from, or -1 (NULL when no cell is a parameter) */
    int nfrees;          char **freenames;  /* variables taken from outer scopes */
    int nnames;          char **names;      /* globals, attributes, imports */
    int nconsts;         Const *consts;     /* every Proto except the module and
                                               class bodies: consts[0] is the
                                               docstring (K_STR) or K_NONE, as
                                               CPython 3.12 (__doc__ of functions) */

    int ncode;           uint32_t *code;
    Position *positions; /* ncode entries */
    int max_stack;       /* upper bound on value-stack use, COPY/blocks included */
};

void proto_free(Proto *p);

/* Debug listing, one instruction per line, nested code after its parent. */
void proto_disassemble(const Proto *p, void (*out)(void *ud, const char *s, size_t n), void *ud);

#endif
