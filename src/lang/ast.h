/*
 * ast.h - the syntax tree, arena-allocated, shaped like CPython's ast module.
 *
 * One node struct for every kind keeps the parser and compiler short; the
 * comment beside each kind says which fields it uses. Positions are CPython's:
 * 1-based lines, 0-based UTF-8 byte columns, end exclusive.
 */
#ifndef LOOPSCOPE_AST_H
#define LOOPSCOPE_AST_H

#include "lang_int.h"
#include "proto.h"

typedef enum NodeKind {
    /* expressions */
    E_NAME,        /* str = id, ctx */
    E_CONST,       /* value */
    E_JOINEDSTR,   /* l1 = parts (E_CONST str / E_FORMATTED) */
    E_FORMATTED,   /* a = value, op = FMT_CONV_*, b = spec (E_JOINEDSTR) or NULL */
    E_BINOP,       /* a op b (op = BinOpKind) */
    E_UNARY,       /* op = UnaryKind, a */
    E_BOOLOP,      /* op = 0 and / 1 or, l1 = values */
    E_COMPARE,     /* a = left, l1 = comparators, cmpops */
    E_CALL,        /* a = func, l1 = args (may hold E_STARRED), l2 = E_KEYWORD */
    E_KEYWORD,     /* str = name or NULL for **, a = value */
    E_ATTR,        /* a = value, str = attr, ctx */
    E_SUBSCRIPT,   /* a = value, b = slice, ctx */
    E_SLICE,       /* a, b, c (each may be NULL) */
    E_STARRED,     /* a, ctx */
    E_TUPLE, E_LIST, E_SET,  /* l1 = elts, ctx */
    E_DICT,        /* l1 = keys (NULL for **), l2 = values */
    E_LISTCOMP, E_SETCOMP, E_GENEXP,  /* a = elt, l1 = E_COMPREHENSION */
    E_DICTCOMP,    /* a = key, b = value, l1 = generators */
    E_COMPREHENSION, /* a = target, b = iter, l1 = ifs, flag = is_async */
    E_IFEXP,       /* a = test, b = body, c = orelse */
    E_LAMBDA,      /* args, a = body */
    E_NAMEDEXPR,   /* a = target (E_NAME), b = value */
    E_AWAIT, E_YIELD, E_YIELDFROM,  /* a (may be NULL for yield) */
    /* statements */
    S_EXPR,        /* a */
    S_ASSIGN,      /* l1 = targets, a = value */
    S_AUGASSIGN,   /* a = target, op, b = value */
    S_ANNASSIGN,   /* a = target, b = annotation, c = value or NULL, flag = simple */
    S_IF,          /* a = test, l1 = body, l2 = orelse */
    S_WHILE,       /* a = test, l1 = body, l2 = orelse */
    S_FOR,         /* a = target, b = iter, l1 = body, l2 = orelse, flag = async */
    S_BREAK, S_CONTINUE, S_PASS,
    S_RETURN,      /* a or NULL */
    S_FUNCDEF,     /* str = name, args, l1 = body, l2 = decorators, b = returns, flag = async */
    S_CLASSDEF,    /* str = name, l1 = body, l2 = decorators, l3 = bases, l4 = keywords */
    S_GLOBAL, S_NONLOCAL, /* l1 = names (char *) */
    S_TRY,         /* l1 = body, l2 = handlers, l3 = orelse, l4 = finalbody, flag = star */
    N_HANDLER,     /* a = type or NULL, str = name or NULL, l1 = body */
    S_RAISE,       /* a = exc, b = cause */
    S_DELETE,      /* l1 = targets */
    S_ASSERT,      /* a = test, b = msg */
    S_WITH,        /* l1 = N_WITHITEM, l2 = body, flag = async */
    N_WITHITEM,    /* a = context expr, b = optional vars */
    S_IMPORT,      /* l1 = N_ALIAS */
    S_IMPORTFROM,  /* str = module, l1 = N_ALIAS */
    N_ALIAS,       /* str = name, str2 = asname or NULL */
    N_ARG,         /* str = name */
    N__COUNT
} NodeKind;

typedef enum ExprCtx { CTX_LOAD, CTX_STORE, CTX_DEL } ExprCtx;
typedef enum UnaryKind { UOP_NOT, UOP_NEG, UOP_POS, UOP_INVERT } UnaryKind;

typedef struct Node Node;
typedef struct Scope Scope;

typedef struct Arguments {
    PtrVec posonly, args;   /* N_ARG */
    Node *vararg;           /* N_ARG or NULL */
    PtrVec kwonly;          /* N_ARG */
    PtrVec kw_defaults;     /* per kwonly: default expr or NULL */
    Node *kwarg;
    PtrVec defaults;        /* for the last len(defaults) of posonly+args */
} Arguments;

struct Node {
    NodeKind kind;
    int lineno, col, end_lineno, end_col;
    int op;
    int flag;
    ExprCtx ctx;
    char *str, *str2;
    Node *a, *b, *c;
    PtrVec l1, l2, l3, l4;
    int *cmpops;            /* E_COMPARE: CmpKind per comparator */
    Arguments *args;
    Const value;            /* E_CONST (strings in the arena) */
    Scope *scope;           /* functions, lambdas, classes, comprehensions */
};

#define NODE_AT(v, i) ((Node *)(v).items[i])

#endif
