/*
 * symtable.h - scope analysis: which names are local, global, free or cell
 * in each function, class, lambda and comprehension, following CPython's
 * symtable.c rules (class scopes are invisible to nested functions, walrus
 * targets in comprehensions bind in the enclosing function, names starting
 * with two underscores are mangled inside classes).
 */
#ifndef LOOPSCOPE_SYMTABLE_H
#define LOOPSCOPE_SYMTABLE_H

#include "ast.h"

typedef enum ScopeKind {
    SC_MODULE, SC_FUNCTION, SC_CLASS, SC_LAMBDA, SC_COMPREHENSION, SC_GENEXP
} ScopeKind;

/* symbol definition flags */
#define DEF_LOCAL      0x01
#define DEF_PARAM      0x02
#define DEF_GLOBAL     0x04
#define DEF_NONLOCAL   0x08
#define DEF_USE        0x10
#define DEF_FREE_CLASS 0x20  /* class scope: also free in a nested scope */
#define DEF_COMP_ITER  0x40

typedef enum SymScope {
    SYM_UNKNOWN, SYM_LOCAL, SYM_GLOBAL_EXPLICIT, SYM_GLOBAL_IMPLICIT, SYM_FREE, SYM_CELL
} SymScope;

typedef struct Symbol {
    char *name;
    int flags;
    SymScope scope;
    int line, col;       /* first definition/declaration, for errors */
} Symbol;

struct Scope {
    ScopeKind kind;
    char *name;          /* function/class name, "<lambda>", "<listcomp>"... */
    Node *node;
    Scope *parent;
    PtrVec children;
    Symbol *syms;
    int nsyms, capsyms;
    StrMap index;        /* name -> position in syms */
    PtrVec params;       /* char * parameter names in order */
    char *private_name;  /* enclosing class name for mangling, or NULL */
    bool is_generator, is_coroutine, is_async_comp;
    bool has_await_in_comp;
};

/* Builds and analyses scopes for the module node; each function/class/
 * lambda/comprehension node gets node->scope. Returns the module scope. */
Scope *sym_build(LangCtx *c, Node *module);

/* Resolution of `name` (already mangled) in scope s. */
SymScope sym_lookup(const Scope *s, const char *name);
Symbol *sym_find(const Scope *s, const char *name);

/* "_C__x" for "__x" inside class C (result in the arena), else name. */
char *sym_mangle(LangCtx *c, const char *private_name, char *name);

#endif
