/*
 * symtable.c - builds a Scope per function/class/lambda/comprehension and
 * resolves every name (two passes, as CPython: collect definitions, then
 * analyse free variables top-down with the sets of names bound above).
 */
#include <string.h>
#include "symtable.h"

typedef struct ST {
    LangCtx *c;
    Scope *cur;
    int comp_iter;   /* inside a comprehension's iterable (a lambda there too) */
} ST;

static void visit_stmts(ST *st, PtrVec *v);
static void visit_expr(ST *st, Node *e);

char *sym_mangle(LangCtx *c, const char *priv, char *name)
{
    if (!priv || !name)
        return name;
    size_t n = strlen(name);
    if (n < 3 || name[0] != '_' || name[1] != '_')
        return name;
    if (name[n - 1] == '_' && name[n - 2] == '_')
        return name;
    if (strchr(name, '.'))
        return name;
    while (*priv == '_')
        priv++;
    if (!*priv)
        return name;
    size_t pn = strlen(priv);
    char *m = arena_alloc(&c->arena, pn + n + 2);
    m[0] = '_';
    memcpy(m + 1, priv, pn);
    memcpy(m + 1 + pn, name, n + 1);
    return m;
}

Symbol *sym_find(const Scope *s, const char *name)
{
    int i = smap_get(&s->index, name);
    return i >= 0 ? &s->syms[i] : NULL;
}

SymScope sym_lookup(const Scope *s, const char *name)
{
    Symbol *y = sym_find(s, name);
    return y ? y->scope : SYM_UNKNOWN;
}

static Symbol *add_sym(ST *st, Scope *s, char *name, int flags, int line, int col)
{
    Symbol *y = sym_find(s, name);
    if (!y) {
        if (s->nsyms == s->capsyms) {
            int cap = s->capsyms ? s->capsyms * 2 : 16;
            s->syms = arena_grow(&st->c->arena, s->syms, sizeof(Symbol) * (size_t)s->nsyms,
                                 sizeof(Symbol) * (size_t)cap);
            s->capsyms = cap;
        }
        smap_put(&st->c->arena, &s->index, name, s->nsyms);
        y = &s->syms[s->nsyms++];
        y->name = name;
        y->line = line;
        y->col = col;
    }
    if ((flags & DEF_PARAM) && (y->flags & DEF_PARAM))
        lang_fail(st->c, LANG_ERR_SYNTAX, line, col,
                  "duplicate argument '%s' in function definition", name);
    y->flags |= flags;
    return y;
}

static void def(ST *st, char *name, int flags, const Node *at)
{
    name = sym_mangle(st->c, st->cur->private_name, name);
    add_sym(st, st->cur, name, flags, at->lineno, at->col);
}

static Scope *new_scope(ST *st, ScopeKind k, char *name, Node *node)
{
    Scope *s = arena_alloc(&st->c->arena, sizeof(Scope));
    s->kind = k;
    s->name = name;
    s->node = node;
    s->parent = st->cur;
    if (st->cur) {
        pvec_push(&st->c->arena, &st->cur->children, s);
        s->private_name = st->cur->private_name;
    }
    node->scope = s;
    return s;
}

static bool is_function_like(const Scope *s)
{
    return s->kind == SC_FUNCTION || s->kind == SC_LAMBDA || s->kind == SC_COMPREHENSION ||
           s->kind == SC_GENEXP;
}

static void visit_list(ST *st, PtrVec *v)
{
    for (int i = 0; i < v->n; i++)
        if (v->items[i])
            visit_expr(st, NODE_AT(*v, i));
}

static void visit_params(ST *st, Arguments *a)
{
    PtrVec *lists[] = {&a->posonly, &a->args, &a->kwonly};
    for (int l = 0; l < 3; l++)
        for (int i = 0; i < lists[l]->n; i++) {
            Node *p = NODE_AT(*lists[l], i);
            char *nm = sym_mangle(st->c, st->cur->private_name, p->str);
            add_sym(st, st->cur, nm, DEF_PARAM, p->lineno, p->col);
            pvec_push(&st->c->arena, &st->cur->params, nm);
        }
    Node *extra[] = {a->vararg, a->kwarg};
    for (int i = 0; i < 2; i++)
        if (extra[i]) {
            char *nm = sym_mangle(st->c, st->cur->private_name, extra[i]->str);
            add_sym(st, st->cur, nm, DEF_PARAM, extra[i]->lineno, extra[i]->col);
            pvec_push(&st->c->arena, &st->cur->params, nm);
        }
}

static const char *comp_kind_name(const Scope *s)
{
    switch (s->node->kind) {
    case E_LISTCOMP: return "list comprehension";
    case E_SETCOMP: return "set comprehension";
    case E_DICTCOMP: return "dict comprehension";
    default: return "generator expression";
    }
}

static void visit_comprehension(ST *st, Node *e)
{
    PtrVec *gens = &e->l1;
    Node *g0 = NODE_AT(*gens, 0);
    st->comp_iter++;
    visit_expr(st, g0->b);   /* first iterable: evaluated in the enclosing scope */
    st->comp_iter--;
    static const char *const names[] = {"<listcomp>", "<setcomp>", "<genexp>", "<dictcomp>"};
    int idx = e->kind == E_LISTCOMP ? 0 : e->kind == E_SETCOMP ? 1 : e->kind == E_GENEXP ? 2 : 3;
    Scope *s = new_scope(st, e->kind == E_GENEXP ? SC_GENEXP : SC_COMPREHENSION,
                         (char *)(idx == 2 ? "<genexpr>" : names[idx]), e);
    Scope *saved = st->cur;
    st->cur = s;
    add_sym(st, s, ".0", DEF_PARAM, e->lineno, e->col);
    pvec_push(&st->c->arena, &s->params, ".0");
    for (int i = 0; i < gens->n; i++) {
        Node *g = NODE_AT(*gens, i);
        if (g->flag)
            s->is_async_comp = true;
        if (i > 0) {
            st->comp_iter++;
            visit_expr(st, g->b);
            st->comp_iter--;
        }
        visit_expr(st, g->a);
        visit_list(st, &g->l1);
    }
    if (e->kind == E_DICTCOMP) {
        visit_expr(st, e->a);
        visit_expr(st, e->b);
    } else {
        visit_expr(st, e->a);
    }
    st->cur = saved;
    if (s->is_generator)
        lang_fail(st->c, LANG_ERR_SYNTAX, e->lineno, e->col, "'yield' inside %s", comp_kind_name(s));
    if (e->kind == E_GENEXP) {
        s->is_generator = true;
        if (s->is_async_comp || s->has_await_in_comp)
            s->is_coroutine = true;   /* async generator expression */
    } else if (s->is_async_comp || s->has_await_in_comp) {
        s->is_coroutine = true;
        /* allowed only where the result is awaited: inside an async function */
        Scope *f = saved;
        while (f && (f->kind == SC_COMPREHENSION || f->kind == SC_GENEXP))
            f = f->parent;
        bool ok = f && f->kind == SC_FUNCTION && f->is_coroutine;
        if (!ok)
            lang_fail(st->c, LANG_ERR_SYNTAX, e->lineno, e->col,
                      "asynchronous comprehension outside of an asynchronous function");
        if (saved->kind == SC_COMPREHENSION || saved->kind == SC_GENEXP)
            saved->has_await_in_comp = true;
    }
}

static void named_target(ST *st, Node *target)
{
    /* PEP 572: binds in the nearest enclosing non-comprehension scope */
    Scope *s = st->cur;
    if (s->kind != SC_COMPREHENSION && s->kind != SC_GENEXP) {
        def(st, target->str, DEF_LOCAL, target);
        return;
    }
    char *name = sym_mangle(st->c, s->private_name, target->str);
    for (Scope *p = s; p; p = p->parent) {
        if (p->kind == SC_COMPREHENSION || p->kind == SC_GENEXP) {
            Symbol *y = sym_find(p, name);
            if (y && (y->flags & DEF_COMP_ITER))
                lang_fail(st->c, LANG_ERR_SYNTAX, target->lineno, target->col,
                          "assignment expression cannot rebind comprehension iteration variable '%s'",
                          target->str);
            continue;
        }
        if (p->kind == SC_CLASS)
            lang_fail(st->c, LANG_ERR_SYNTAX, target->lineno, target->col,
                      "assignment expression within a comprehension cannot be used in a class body");
        Symbol *py = sym_find(p, name);
        bool global = p->kind == SC_MODULE || (py && (py->flags & DEF_GLOBAL));
        add_sym(st, p, name, DEF_LOCAL, target->lineno, target->col);
        for (Scope *q = s; q != p; q = q->parent)
            add_sym(st, q, name, global ? DEF_GLOBAL : DEF_NONLOCAL, target->lineno, target->col);
        return;
    }
}

static void visit_expr(ST *st, Node *e)
{
    if (!e)
        return;
    switch (e->kind) {
    case E_NAME:
        if (e->ctx == CTX_LOAD) {
            def(st, e->str, DEF_USE, e);
        } else {
            int fl = DEF_LOCAL;
            if ((st->cur->kind == SC_COMPREHENSION || st->cur->kind == SC_GENEXP))
                fl |= DEF_COMP_ITER;
            def(st, e->str, fl, e);
        }
        return;
    case E_CONST:
        return;
    case E_JOINEDSTR:
        visit_list(st, &e->l1);
        return;
    case E_FORMATTED:
        visit_expr(st, e->a);
        visit_expr(st, e->b);
        return;
    case E_BINOP:
    case E_SUBSCRIPT:
    case E_IFEXP:
    case E_SLICE:
        visit_expr(st, e->a);
        visit_expr(st, e->b);
        visit_expr(st, e->c);
        return;
    case E_UNARY:
    case E_ATTR:
    case E_STARRED:
    case E_KEYWORD:
        visit_expr(st, e->a);
        return;
    case E_BOOLOP:
    case E_TUPLE:
    case E_LIST:
    case E_SET:
        visit_list(st, &e->l1);
        return;
    case E_COMPARE:
        visit_expr(st, e->a);
        visit_list(st, &e->l1);
        return;
    case E_CALL:
        visit_expr(st, e->a);
        visit_list(st, &e->l1);
        visit_list(st, &e->l2);
        return;
    case E_DICT:
        visit_list(st, &e->l1);
        visit_list(st, &e->l2);
        return;
    case E_LISTCOMP:
    case E_SETCOMP:
    case E_GENEXP:
    case E_DICTCOMP:
        visit_comprehension(st, e);
        return;
    case E_LAMBDA: {
        Arguments *a = e->args;
        visit_list(st, &a->defaults);
        visit_list(st, &a->kw_defaults);
        Scope *s = new_scope(st, SC_LAMBDA, "<lambda>", e);
        Scope *saved = st->cur;
        st->cur = s;
        visit_params(st, a);
        visit_expr(st, e->a);
        st->cur = saved;
        return;
    }
    case E_NAMEDEXPR:
        if (st->comp_iter)
            lang_fail(st->c, LANG_ERR_SYNTAX, e->lineno, e->col,
                      "assignment expression cannot be used in a comprehension iterable expression");
        visit_expr(st, e->b);
        named_target(st, e->a);
        return;
    case E_AWAIT: {
        Scope *s = st->cur;
        if (s->kind == SC_COMPREHENSION || s->kind == SC_GENEXP) {
            s->has_await_in_comp = true;
        } else if (s->kind == SC_FUNCTION && s->is_coroutine) {
            /* fine */
        } else if (s->kind == SC_MODULE || s->kind == SC_CLASS) {
            lang_fail(st->c, LANG_ERR_SYNTAX, e->lineno, e->col, "'await' outside function");
        } else {
            lang_fail(st->c, LANG_ERR_SYNTAX, e->lineno, e->col, "'await' outside async function");
        }
        visit_expr(st, e->a);
        return;
    }
    case E_YIELD:
    case E_YIELDFROM: {
        Scope *s = st->cur;
        if (s->kind == SC_MODULE || s->kind == SC_CLASS)
            lang_fail(st->c, LANG_ERR_SYNTAX, e->lineno, e->col, "'yield' outside function");
        if (s->kind == SC_COMPREHENSION || s->kind == SC_GENEXP)
            lang_fail(st->c, LANG_ERR_SYNTAX, e->lineno, e->col, "'yield' inside %s",
                      comp_kind_name(s));
        if (e->kind == E_YIELDFROM && s->is_coroutine)
            lang_fail(st->c, LANG_ERR_SYNTAX, e->lineno, e->col, "'yield from' inside async function");
        s->is_generator = true;
        visit_expr(st, e->a);
        return;
    }
    default:
        return;
    }
}

static void declare(ST *st, Node *s, bool global)
{
    Scope *sc = st->cur;
    for (int i = 0; i < s->l1.n; i++) {
        char *raw = s->l1.items[i];
        char *name = sym_mangle(st->c, sc->private_name, raw);
        Symbol *y = sym_find(sc, name);
        if (y) {
            if (y->flags & DEF_PARAM)
                lang_fail(st->c, LANG_ERR_SYNTAX, s->lineno, s->col,
                          "name '%s' is parameter and %s", raw, global ? "global" : "nonlocal");
            /* CPython points at the earlier declaration */
            if ((!global && (y->flags & DEF_GLOBAL)) || (global && (y->flags & DEF_NONLOCAL)))
                lang_fail(st->c, LANG_ERR_SYNTAX, y->line, y->col,
                          "name '%s' is nonlocal and global", raw);
            if (y->flags & DEF_LOCAL)
                lang_fail(st->c, LANG_ERR_SYNTAX, s->lineno, s->col,
                          "name '%s' is assigned to before %s declaration", raw, global ? "global" : "nonlocal");
            if (y->flags & DEF_USE)
                lang_fail(st->c, LANG_ERR_SYNTAX, s->lineno, s->col,
                          "name '%s' is used prior to %s declaration", raw, global ? "global" : "nonlocal");
        }
        if (!global && sc->kind == SC_MODULE)
            lang_fail(st->c, LANG_ERR_SYNTAX, s->lineno, s->col,
                      "nonlocal declaration not allowed at module level");
        add_sym(st, sc, name, global ? DEF_GLOBAL : DEF_NONLOCAL, s->lineno, s->col);
    }
}

static void visit_stmt(ST *st, Node *s)
{
    switch (s->kind) {
    case S_EXPR:
        visit_expr(st, s->a);
        return;
    case S_ASSIGN:
        visit_expr(st, s->a);
        visit_list(st, &s->l1);
        return;
    case S_AUGASSIGN:
        visit_expr(st, s->b);
        visit_expr(st, s->a);
        if (s->a->kind == E_NAME)
            def(st, s->a->str, DEF_USE, s->a);
        return;
    case S_ANNASSIGN:
        if (!is_function_like(st->cur))
            visit_expr(st, s->b);   /* evaluated only in modules and classes */
        if (s->c) {
            visit_expr(st, s->c);
            visit_expr(st, s->a);
        } else if (s->a->kind == E_NAME) {
            /* "x: int" makes x local without assigning */
            def(st, s->a->str, DEF_LOCAL, s->a);
        } else {
            visit_expr(st, s->a->a);
            if (s->a->kind == E_SUBSCRIPT)
                visit_expr(st, s->a->b);
        }
        return;
    case S_IF:
    case S_WHILE:
        visit_expr(st, s->a);
        visit_stmts(st, &s->l1);
        visit_stmts(st, &s->l2);
        return;
    case S_FOR:
        if (s->flag && !(st->cur->kind == SC_FUNCTION && st->cur->is_coroutine))
            lang_fail(st->c, LANG_ERR_SYNTAX, s->lineno, s->col, "'async for' outside async function");
        visit_expr(st, s->b);
        visit_expr(st, s->a);
        visit_stmts(st, &s->l1);
        visit_stmts(st, &s->l2);
        return;
    case S_RETURN:
        if (!is_function_like(st->cur))
            lang_fail(st->c, LANG_ERR_SYNTAX, s->lineno, s->col, "'return' outside function");
        visit_expr(st, s->a);
        return;
    case S_FUNCDEF: {
        Arguments *a = s->args;
        visit_list(st, &s->l2);          /* decorators */
        visit_list(st, &a->defaults);
        visit_list(st, &a->kw_defaults);
        /* annotations are evaluated in the enclosing scope */
        PtrVec *lists[] = {&a->posonly, &a->args, &a->kwonly};
        for (int l = 0; l < 3; l++)
            for (int i = 0; i < lists[l]->n; i++)
                visit_expr(st, NODE_AT(*lists[l], i)->a);
        if (a->vararg)
            visit_expr(st, a->vararg->a);
        if (a->kwarg)
            visit_expr(st, a->kwarg->a);
        visit_expr(st, s->b);
        def(st, s->str, DEF_LOCAL, s);
        Scope *sc = new_scope(st, SC_FUNCTION, s->str, s);
        sc->is_coroutine = s->flag;
        Scope *saved = st->cur;
        st->cur = sc;
        visit_params(st, a);
        visit_stmts(st, &s->l1);
        st->cur = saved;
        return;
    }
    case S_CLASSDEF: {
        visit_list(st, &s->l2);
        visit_list(st, &s->l3);
        visit_list(st, &s->l4);
        def(st, s->str, DEF_LOCAL, s);
        Scope *sc = new_scope(st, SC_CLASS, s->str, s);
        sc->private_name = s->str;
        Scope *saved = st->cur;
        st->cur = sc;
        visit_stmts(st, &s->l1);
        st->cur = saved;
        return;
    }
    case S_GLOBAL:
    case S_NONLOCAL:
        declare(st, s, s->kind == S_GLOBAL);
        return;
    case S_TRY:
        visit_stmts(st, &s->l1);
        for (int i = 0; i < s->l2.n; i++) {
            Node *h = NODE_AT(s->l2, i);
            visit_expr(st, h->a);
            if (h->str)
                def(st, h->str, DEF_LOCAL, h);
            visit_stmts(st, &h->l1);
        }
        visit_stmts(st, &s->l3);
        visit_stmts(st, &s->l4);
        return;
    case S_RAISE:
    case S_ASSERT:
        visit_expr(st, s->a);
        visit_expr(st, s->b);
        return;
    case S_DELETE:
        visit_list(st, &s->l1);
        return;
    case S_WITH:
        if (s->flag && !(st->cur->kind == SC_FUNCTION && st->cur->is_coroutine))
            lang_fail(st->c, LANG_ERR_SYNTAX, s->lineno, s->col, "'async with' outside async function");
        for (int i = 0; i < s->l1.n; i++) {
            Node *w = NODE_AT(s->l1, i);
            visit_expr(st, w->a);
            visit_expr(st, w->b);
        }
        visit_stmts(st, &s->l2);
        return;
    case S_IMPORT:
        for (int i = 0; i < s->l1.n; i++) {
            Node *al = NODE_AT(s->l1, i);
            if (al->str2) {
                def(st, al->str2, DEF_LOCAL, al);
            } else {
                char *dot = strchr(al->str, '.');
                char *first = dot ? arena_strndup(&st->c->arena, al->str, (size_t)(dot - al->str)) : al->str;
                def(st, first, DEF_LOCAL, al);
            }
        }
        return;
    case S_IMPORTFROM:
        for (int i = 0; i < s->l1.n; i++) {
            Node *al = NODE_AT(s->l1, i);
            def(st, al->str2 ? al->str2 : al->str, DEF_LOCAL, al);
        }
        return;
    default:
        return;
    }
}

static void visit_stmts(ST *st, PtrVec *v)
{
    for (int i = 0; i < v->n; i++)
        visit_stmt(st, NODE_AT(*v, i));
}

/* ---- analysis ----------------------------------------------------------- */

/* a tiny string set in the arena */
/* a string set: a hash for membership, a vector for iteration (entries
 * deleted from the hash stay in the vector and are skipped) */
typedef struct NameSet {
    PtrVec v;
    StrMap m;
} NameSet;

static bool ns_has(const NameSet *s, const char *n) { return smap_get(&s->m, n) >= 0; }

static void ns_add(LangCtx *c, NameSet *s, char *n)
{
    int v = smap_get(&s->m, n);
    if (v >= 0)
        return;
    if (v == -1)                 /* new (-2: deleted, still in the vector) */
        pvec_push(&c->arena, &s->v, n);
    smap_put(&c->arena, &s->m, n, 1);
}

static void ns_del(LangCtx *c, NameSet *s, const char *n)
{
    if (ns_has(s, n))
        smap_put(&c->arena, &s->m, n, -2);
}

static NameSet ns_copy(LangCtx *c, const NameSet *s)
{
    NameSet r = {0};
    for (int i = 0; i < s->v.n; i++)
        if (ns_has(s, s->v.items[i]))
            ns_add(c, &r, s->v.items[i]);
    return r;
}

/* bound: names bound in enclosing function scopes; global: names declared
 * or implicitly global above. Adds this scope's free names to *free_out. */
static void analyze(LangCtx *c, Scope *s, const NameSet *bound, const NameSet *global, NameSet *free_out)
{
    NameSet local = {0}, newbound = {0}, newglobal = ns_copy(c, global), free = {0};
    NameSet mybound = ns_copy(c, bound);
    for (int i = 0; i < s->nsyms; i++) {
        Symbol *y = &s->syms[i];
        if (y->flags & DEF_GLOBAL) {
            y->scope = SYM_GLOBAL_EXPLICIT;
            ns_add(c, &newglobal, y->name);
            ns_del(c, &mybound, y->name);
        } else if (y->flags & DEF_NONLOCAL) {
            if (!ns_has(bound, y->name))
                lang_fail(c, LANG_ERR_SYNTAX, y->line, y->col,
                          "no binding for nonlocal '%s' found", y->name);
            y->scope = SYM_FREE;
            ns_add(c, &free, y->name);
        } else if (y->flags & (DEF_LOCAL | DEF_PARAM)) {
            y->scope = SYM_LOCAL;
            ns_add(c, &local, y->name);
            ns_del(c, &newglobal, y->name);
        } else if (s->kind != SC_MODULE && ns_has(bound, y->name)) {
            y->scope = SYM_FREE;
            ns_add(c, &free, y->name);
        } else {
            y->scope = SYM_GLOBAL_IMPLICIT;
        }
    }
    if (is_function_like(s)) {
        newbound = ns_copy(c, &mybound);
        for (int i = 0; i < local.v.n; i++)
            if (ns_has(&local, local.v.items[i]))
                ns_add(c, &newbound, local.v.items[i]);
    } else if (s->kind == SC_CLASS) {
        newbound = ns_copy(c, &mybound);
    }
    NameSet childfree = {0};
    for (int i = 0; i < s->children.n; i++) {
        Scope *ch = s->children.items[i];
        NameSet gcopy = ns_copy(c, &newglobal);
        analyze(c, ch, &newbound, &gcopy, &childfree);
    }
    /* names free in children */
    for (int i = 0; i < childfree.v.n; i++) {
        char *n = childfree.v.items[i];
        if (!ns_has(&childfree, n))
            continue;
        Symbol *y = sym_find(s, n);
        if (is_function_like(s) && y && y->scope == SYM_LOCAL) {
            y->scope = SYM_CELL;
            continue;
        }
        if (s->kind == SC_CLASS && y && y->scope == SYM_LOCAL) {
            y->flags |= DEF_FREE_CLASS;
            ns_add(c, &free, n);
            continue;
        }
        if (y && (y->scope == SYM_GLOBAL_EXPLICIT))
            continue;
        if (y && y->scope == SYM_FREE)
            continue;
        if (s->kind == SC_MODULE)
            continue;
        if (!y) {
            y = add_sym(&(ST){c, s, 0}, s, n, 0, 0, 0);
        }
        if (y->scope == SYM_GLOBAL_IMPLICIT || y->scope == SYM_UNKNOWN) {
            /* passes through: free here too (a class keeps its own name lookups
             * for names it uses itself, via LOAD_CLASSDEREF) */
            y->scope = SYM_FREE;
        }
        ns_add(c, &free, n);
    }
    for (int i = 0; i < free.v.n; i++)
        if (ns_has(&free, free.v.items[i]))
            ns_add(c, free_out, free.v.items[i]);
}

Scope *sym_build(LangCtx *c, Node *module)
{
    ST st = {c, NULL, 0};
    Scope *top = new_scope(&st, SC_MODULE, "<module>", module);
    st.cur = top;
    visit_stmts(&st, &module->l1);
    NameSet bound = {0}, global = {0}, free = {0};
    analyze(c, top, &bound, &global, &free);
    return top;
}
