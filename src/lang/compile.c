/*
 * compile.c - code generation.
 *
 * One Unit per code object being compiled. Jumps name labels while emitting
 * and are resolved to instruction indices when the unit is finished.
 * Exceptions use the block stack described in opcodes.h; the compiler keeps
 * a static "frame block" stack (loops, try bodies, handlers, with bodies) so
 * that return/break/continue can unwind through them, running finally bodies
 * inline, like CPython's compiler_unwind_fblock.
 *
 * Exception handler layout (d = stack depth at the SETUP):
 *   handler entry   [.. exc]            (depth d+1)
 *   SETUP_CLEANUP C                     records d+1
 *   PUSH_EXC_INFO   [.. prev exc]
 *   ...             an exception here truncates to d+1, i.e. [.. prev exc2]
 *   C: COPY 2; POP_EXCEPT; RERAISE
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "compile.h"

typedef struct Instr {
    uint32_t op, arg;
    bool label;          /* arg is a label id until resolved */
    Position pos;
} Instr;

typedef enum FBKind {
    FB_WHILE, FB_FOR, FB_ASYNC_FOR, FB_TRY_EXCEPT, FB_FINALLY_TRY, FB_FINALLY_END,
    FB_WITH, FB_ASYNC_WITH, FB_HANDLER_CLEANUP, FB_EXCEPTION_HANDLER,
    FB_EXCEPTION_GROUP_HANDLER, FB_POP_VALUE
} FBKind;

typedef struct FBlock {
    FBKind kind;
    int start, exit;     /* loops: continue / break labels */
    Node *datum;         /* FINALLY_TRY: the try node; HANDLER_CLEANUP: handler */
    Position pos;
} FBlock;

typedef struct Unit Unit;
struct Unit {
    Unit *parent;
    Scope *scope;
    char *name, *qualname;
    uint32_t flags;
    int firstline;
    Instr *code;
    int n, cap;
    int *labels;
    int nlabels, caplabels;
    Const *consts;
    int nconsts, capconsts;
    PtrVec names, locals, cells, frees;
    StrMap names_map, locals_map;  /* name -> index, for big code objects */
    int *const_slots;              /* hash of consts: index + 1, 0 = empty */
    int const_cap;
    FBlock *fb;
    int nfb, capfb;
    int argcount, posonlycount, kwonlycount;
    Position loc;        /* current location */
    bool in_class_body;
};

typedef struct C {
    LangCtx *lc;
    Unit *u;
} C;

static void visit_expr(C *c, Node *e);
static void visit_stmt(C *c, Node *s);
static void visit_stmts(C *c, PtrVec *v);

static Arena *ar(C *c) { return &c->lc->arena; }

static Position pos_of(const Node *n)
{
    Position p = {n->lineno, n->end_lineno, n->col, n->end_col};
    return p;
}

static _Noreturn void cerror(C *c, const Node *n, const char *msg)
{
    lang_fail(c->lc, LANG_ERR_SYNTAX, n->lineno, n->col, "%s", msg);
}

/* ---- emission ----------------------------------------------------------- */

static int emit_at(C *c, Position pos, Opcode op, uint32_t arg)
{
    Unit *u = c->u;
    if (u->n == u->cap) {
        int cap = u->cap ? u->cap * 2 : 64;
        u->code = arena_grow(ar(c), u->code, sizeof(Instr) * (size_t)u->n, sizeof(Instr) * (size_t)cap);
        u->cap = cap;
    }
    if (arg > INSTR_ARG_MAX)
        lang_fail(c->lc, LANG_ERR_LIMIT, pos.line, pos.col, "code object too large");
    Instr *i = &u->code[u->n++];
    i->op = op;
    i->arg = arg;
    i->label = false;
    i->pos = pos;
    return u->n - 1;
}

static int emit(C *c, Opcode op, uint32_t arg) { return emit_at(c, c->u->loc, op, arg); }
static int emit0(C *c, Opcode op) { return emit(c, op, 0); }

static int new_label(C *c)
{
    Unit *u = c->u;
    if (u->nlabels == u->caplabels) {
        int cap = u->caplabels ? u->caplabels * 2 : 32;
        u->labels = arena_grow(ar(c), u->labels, sizeof(int) * (size_t)u->nlabels, sizeof(int) * (size_t)cap);
        u->caplabels = cap;
    }
    u->labels[u->nlabels] = -1;
    return u->nlabels++;
}

static void use_label(C *c, int l) { c->u->labels[l] = c->u->n; }

static void emit_jump(C *c, Opcode op, int label)
{
    int i = emit(c, op, (uint32_t)label);
    c->u->code[i].label = true;
}

static void emit_jump_at(C *c, Position p, Opcode op, int label)
{
    int i = emit_at(c, p, op, (uint32_t)label);
    c->u->code[i].label = true;
}

/* ---- constants and names ------------------------------------------------ */

static bool const_eq(const Const *a, const Const *b)
{
    if (a->kind != b->kind)
        return false;
    switch (a->kind) {
    case K_NONE: case K_TRUE: case K_FALSE: case K_ELLIPSIS: return true;
    case K_INT: return a->as.i == b->as.i;
    case K_FLOAT: return memcmp(&a->as.f, &b->as.f, sizeof(double)) == 0;
    case K_STR: case K_BYTES: case K_BIGINT:
        return a->as.str.len == b->as.str.len && memcmp(a->as.str.s, b->as.str.s, a->as.str.len) == 0;
    case K_CODE: return a->as.code == b->as.code;
    case K_TUPLE:
        if (a->as.tuple.n != b->as.tuple.n)
            return false;
        for (int i = 0; i < a->as.tuple.n; i++)
            if (!const_eq(&a->as.tuple.items[i], &b->as.tuple.items[i]))
                return false;
        return true;
    }
    return false;
}

static uint32_t const_hash(const Const *k)
{
    uint32_t h = lang_hash(&k->kind, sizeof k->kind, 0);
    switch (k->kind) {
    case K_INT: return lang_hash(&k->as.i, sizeof k->as.i, h);
    case K_FLOAT: return lang_hash(&k->as.f, sizeof k->as.f, h);
    case K_STR: case K_BYTES: case K_BIGINT: return lang_hash(k->as.str.s, k->as.str.len, h);
    case K_TUPLE:
        for (int i = 0; i < k->as.tuple.n; i++)
            h = (h ^ const_hash(&k->as.tuple.items[i])) * 16777619u;
        return h;
    default: return h;
    }
}

static void const_index_put(C *c, int idx);

static uint32_t add_const(C *c, Const k)
{
    Unit *u = c->u;
    if (k.kind != K_CODE && u->const_cap) {
        uint32_t mask = (uint32_t)u->const_cap - 1;
        for (uint32_t i = const_hash(&k) & mask; u->const_slots[i]; i = (i + 1) & mask)
            if (const_eq(&u->consts[u->const_slots[i] - 1], &k))
                return (uint32_t)(u->const_slots[i] - 1);
    }
    if (u->nconsts == u->capconsts) {
        int cap = u->capconsts ? u->capconsts * 2 : 16;
        u->consts = arena_grow(ar(c), u->consts, sizeof(Const) * (size_t)u->nconsts, sizeof(Const) * (size_t)cap);
        u->capconsts = cap;
    }
    u->consts[u->nconsts++] = k;
    if (k.kind != K_CODE)
        const_index_put(c, u->nconsts - 1);
    return (uint32_t)(u->nconsts - 1);
}

static void const_index_put(C *c, int idx)
{
    Unit *u = c->u;
    if ((u->nconsts + 1) * 2 > u->const_cap) {
        int cap = u->const_cap ? u->const_cap * 2 : 32;
        while (cap < (u->nconsts + 1) * 2)
            cap *= 2;
        u->const_slots = arena_alloc(ar(c), sizeof(int) * (size_t)cap);
        u->const_cap = cap;
        for (int i = 0; i < u->nconsts; i++)
            if (u->consts[i].kind != K_CODE) {
                uint32_t mask = (uint32_t)cap - 1, j = const_hash(&u->consts[i]) & mask;
                while (u->const_slots[j])
                    j = (j + 1) & mask;
                u->const_slots[j] = i + 1;
            }
        return;   /* idx was included in the rebuild */
    }
    uint32_t mask = (uint32_t)u->const_cap - 1, j = const_hash(&u->consts[idx]) & mask;
    while (u->const_slots[j])
        j = (j + 1) & mask;
    u->const_slots[j] = idx + 1;
}

static Const k_none(void) { Const k = {.kind = K_NONE}; return k; }

static Const k_str(C *c, const char *s)
{
    Const k = {.kind = K_STR};
    k.as.str.s = arena_strndup(ar(c), s, strlen(s));
    k.as.str.len = strlen(s);
    return k;
}

static void load_const(C *c, Const k) { emit(c, OP_LOAD_CONST, add_const(c, k)); }
static void load_none(C *c) { load_const(c, k_none()); }

static int vec_index(C *c, PtrVec *v, const char *name, bool add)
{
    /* names and locals can be many: they have a hash index */
    StrMap *m = v == &c->u->names ? &c->u->names_map : v == &c->u->locals ? &c->u->locals_map : NULL;
    if (m) {
        int i = smap_get(m, name);
        if (i >= 0 || !add)
            return i;
    } else {
        for (int i = 0; i < v->n; i++)
            if (strcmp(v->items[i], name) == 0)
                return i;
        if (!add)
            return -1;
    }
    pvec_push(ar(c), v, (void *)name);
    if (m)
        smap_put(ar(c), m, name, v->n - 1);
    return v->n - 1;
}

static uint32_t name_index(C *c, const char *name)
{
    int i = vec_index(c, &c->u->names, name, true);
    if ((uint32_t)i >= IMPORT_LEAF)
        lang_fail(c->lc, LANG_ERR_LIMIT, c->u->loc.line, c->u->loc.col, "too many names in one code object");
    return (uint32_t)i;
}

static char *mangle(C *c, char *name)
{
    return sym_mangle(c->lc, c->u->scope->private_name, name);
}

static bool func_like(const Scope *s)
{
    return s->kind == SC_FUNCTION || s->kind == SC_LAMBDA || s->kind == SC_COMPREHENSION ||
           s->kind == SC_GENEXP;
}

static int cell_index(C *c, const char *name)
{
    Unit *u = c->u;
    int i = vec_index(c, &u->cells, name, false);
    if (i >= 0)
        return i;
    i = vec_index(c, &u->frees, name, false);
    if (i >= 0)
        return u->cells.n + i;
    return -1;
}

static void nameop_at(C *c, Position pos, char *raw, ExprCtx ctx)
{
    Unit *u = c->u;
    if (strcmp(raw, "__debug__") == 0) {
        if (ctx != CTX_LOAD)
            lang_fail(c->lc, LANG_ERR_SYNTAX, pos.line, pos.col,
                      ctx == CTX_DEL ? "cannot delete __debug__" : "cannot assign to __debug__");
        /* a compile-time constant in CPython */
        Const t = {.kind = K_TRUE};
        emit_at(c, pos, OP_LOAD_CONST, add_const(c, t));
        return;
    }
    char *name = mangle(c, raw);
    SymScope sc = sym_lookup(u->scope, name);
    Opcode op;
    uint32_t arg;
    int ci;
    switch (sc) {
    case SYM_FREE:
    case SYM_CELL:
        ci = cell_index(c, name);
        if (ci < 0)
            goto name_ops;
        arg = (uint32_t)ci;
        if (ctx == CTX_LOAD)
            op = u->scope->kind == SC_CLASS ? OP_LOAD_CLASSDEREF : OP_LOAD_DEREF;
        else
            op = ctx == CTX_STORE ? OP_STORE_DEREF : OP_DELETE_DEREF;
        break;
    case SYM_LOCAL:
        if (func_like(u->scope)) {
            arg = (uint32_t)vec_index(c, &u->locals, name, true);
            op = ctx == CTX_LOAD ? OP_LOAD_FAST : ctx == CTX_STORE ? OP_STORE_FAST : OP_DELETE_FAST;
            break;
        }
        goto name_ops;
    case SYM_GLOBAL_EXPLICIT:
        goto global_ops;
    case SYM_GLOBAL_IMPLICIT:
        if (func_like(u->scope))
            goto global_ops;
        goto name_ops;
    default:
        if (func_like(u->scope))
            goto global_ops;
        goto name_ops;
    }
    emit_at(c, pos, op, arg);
    return;
global_ops:
    emit_at(c, pos, ctx == CTX_LOAD ? OP_LOAD_GLOBAL : ctx == CTX_STORE ? OP_STORE_GLOBAL : OP_DELETE_GLOBAL,
            name_index(c, name));
    return;
name_ops:
    emit_at(c, pos, ctx == CTX_LOAD ? OP_LOAD_NAME : ctx == CTX_STORE ? OP_STORE_NAME : OP_DELETE_NAME,
            name_index(c, name));
}

static void nameop(C *c, char *raw, ExprCtx ctx) { nameop_at(c, c->u->loc, raw, ctx); }

/* ---- units -------------------------------------------------------------- */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static Unit *enter_unit(C *c, Scope *s, char *name, char *qualname, int firstline)
{
    Unit *u = arena_alloc(ar(c), sizeof(Unit));
    u->parent = c->u;
    u->scope = s;
    u->name = name;
    u->qualname = qualname;
    u->firstline = firstline;
    u->in_class_body = s->kind == SC_CLASS;
    /* locals: parameters first, then the other locals in order */
    c->u = u;   /* vec_index works on the current unit */
    if (func_like(s)) {
        for (int i = 0; i < s->params.n; i++) {
            pvec_push(ar(c), &u->locals, s->params.items[i]);
            smap_put(ar(c), &u->locals_map, s->params.items[i], u->locals.n - 1);
        }
        for (int i = 0; i < s->nsyms; i++)
            if (s->syms[i].scope == SYM_LOCAL)
                vec_index(c, &u->locals, s->syms[i].name, true);
    }
    for (int i = 0; i < s->nsyms; i++) {
        Symbol *y = &s->syms[i];
        if (y->scope == SYM_CELL)
            pvec_push(ar(c), &u->cells, y->name);
        if (y->scope == SYM_FREE || (y->flags & DEF_FREE_CLASS))
            pvec_push(ar(c), &u->frees, y->name);
    }
    if (u->cells.n > 1)
        qsort(u->cells.items, (size_t)u->cells.n, sizeof(void *), cmp_str);
    if (u->frees.n > 1)
        qsort(u->frees.items, (size_t)u->frees.n, sizeof(void *), cmp_str);
    c->u = u;
    return u;
}

/* Flow analysis: the deepest the value stack gets. */
static int max_stack_depth(C *c, Unit *u)
{
    int n = u->n;
    if (n == 0)
        return 0;
    int *depth = arena_alloc(ar(c), sizeof(int) * (size_t)n);
    int *work = arena_alloc(ar(c), sizeof(int) * (size_t)n);
    for (int i = 0; i < n; i++)
        depth[i] = -1;
    int nw = 0, maxd = 0;
    depth[0] = 0;
    work[nw++] = 0;
    while (nw > 0) {
        int i = work[--nw];
        int d = depth[i];
        for (; i < n;) {
            Instr *in = &u->code[i];
            Opcode op = (Opcode)in->op;
            bool is_jump = op == OP_JUMP || op == OP_POP_JUMP_IF_FALSE || op == OP_POP_JUMP_IF_TRUE ||
                           op == OP_POP_JUMP_IF_NONE || op == OP_POP_JUMP_IF_NOT_NONE ||
                           op == OP_JUMP_IF_FALSE_OR_POP || op == OP_JUMP_IF_TRUE_OR_POP ||
                           op == OP_FOR_ITER || op == OP_SETUP_FINALLY || op == OP_SETUP_CLEANUP ||
                           op == OP_SETUP_WITH;
            if (is_jump) {
                int t = (int)in->arg;
                int td = d + compile_stack_effect(op, in->arg, true);
                if (td > maxd) maxd = td;
                if (t >= 0 && t < n && depth[t] < 0) {
                    depth[t] = td;
                    work[nw++] = t;
                }
            }
            if (op == OP_JUMP || op == OP_RETURN_VALUE || op == OP_RETURN_CONST ||
                op == OP_RAISE_VARARGS || op == OP_RERAISE)
                break;
            d += compile_stack_effect(op, in->arg, false);
            if (d > maxd) maxd = d;
            i++;
            if (i < n) {
                if (depth[i] >= 0)
                    break;
                depth[i] = d;
            }
        }
    }
    return maxd;
}

static char *heap_str(const char *s)
{
    size_t n = strlen(s);
    char *p = malloc(n + 1);
    if (!p) abort();
    memcpy(p, s, n + 1);
    return p;
}

static char **heap_strs(PtrVec *v)
{
    if (v->n == 0)
        return NULL;
    char **a = calloc((size_t)v->n, sizeof(char *));
    if (!a) abort();
    for (int i = 0; i < v->n; i++)
        a[i] = heap_str(v->items[i]);
    return a;
}

static void heap_const(Const *dst, const Const *src)
{
    *dst = *src;
    if (src->kind == K_STR || src->kind == K_BYTES || src->kind == K_BIGINT) {
        dst->as.str.s = malloc(src->as.str.len + 1);
        if (!dst->as.str.s) abort();
        memcpy(dst->as.str.s, src->as.str.s, src->as.str.len);
        dst->as.str.s[src->as.str.len] = 0;
    } else if (src->kind == K_TUPLE) {
        dst->as.tuple.items = src->as.tuple.n ? calloc((size_t)src->as.tuple.n, sizeof(Const)) : NULL;
        if (src->as.tuple.n && !dst->as.tuple.items) abort();
        for (int i = 0; i < src->as.tuple.n; i++)
            heap_const(&dst->as.tuple.items[i], &src->as.tuple.items[i]);
    }
}

static Proto *leave_unit(C *c)
{
    Unit *u = c->u;
    for (int i = 0; i < u->n; i++)
        if (u->code[i].label) {
            u->code[i].arg = (uint32_t)u->labels[u->code[i].arg];
            u->code[i].label = false;
        }
    Proto *p = calloc(1, sizeof(Proto));
    if (!p) abort();
    pvec_push(ar(c), &c->lc->built, p);
    p->name = heap_str(u->name);
    p->qualname = heap_str(u->qualname);
    p->flags = u->flags;
    p->firstline = u->firstline;
    p->argcount = u->argcount;
    p->posonlycount = u->posonlycount;
    p->kwonlycount = u->kwonlycount;
    p->nlocals = u->locals.n;
    p->localnames = heap_strs(&u->locals);
    p->ncells = u->cells.n;
    p->cellnames = heap_strs(&u->cells);
    if (u->cells.n) {
        bool any = false;
        int *c2a = malloc(sizeof(int) * (size_t)u->cells.n);
        if (!c2a) abort();
        for (int i = 0; i < u->cells.n; i++) {
            c2a[i] = -1;
            for (int j = 0; j < u->scope->params.n; j++)
                if (strcmp(u->scope->params.items[j], u->cells.items[i]) == 0) {
                    c2a[i] = j;
                    any = true;
                }
        }
        if (any) p->cell2arg = c2a;
        else free(c2a);
    }
    p->nfrees = u->frees.n;
    p->freenames = heap_strs(&u->frees);
    p->nnames = u->names.n;
    p->names = heap_strs(&u->names);
    p->nconsts = u->nconsts;
    p->consts = u->nconsts ? calloc((size_t)u->nconsts, sizeof(Const)) : NULL;
    for (int i = 0; i < u->nconsts; i++)
        heap_const(&p->consts[i], &u->consts[i]);
    p->ncode = u->n;
    p->code = malloc(sizeof(uint32_t) * (size_t)(u->n ? u->n : 1));
    p->positions = malloc(sizeof(Position) * (size_t)(u->n ? u->n : 1));
    if (!p->code || !p->positions) abort();
    for (int i = 0; i < u->n; i++) {
        p->code[i] = INSTR_MAKE(u->code[i].op, u->code[i].arg);
        p->positions[i] = u->code[i].pos;
    }
    p->max_stack = max_stack_depth(c, u);
    c->u = u->parent;
    return p;
}

/* ---- frame blocks ------------------------------------------------------- */

static void push_fb(C *c, FBKind k, int start, int exit, Node *datum)
{
    Unit *u = c->u;
    if (u->nfb == u->capfb) {
        int cap = u->capfb ? u->capfb * 2 : 16;
        u->fb = arena_grow(ar(c), u->fb, sizeof(FBlock) * (size_t)u->nfb, sizeof(FBlock) * (size_t)cap);
        u->capfb = cap;
    }
    FBlock *f = &u->fb[u->nfb++];
    f->kind = k;
    f->start = start;
    f->exit = exit;
    f->datum = datum;
    f->pos = u->loc;
}

static void pop_fb(C *c) { c->u->nfb--; }

static void call_exit_with_nones(C *c)
{
    emit0(c, OP_PUSH_NULL);
    load_none(c);
    load_none(c);
    load_none(c);
    emit(c, OP_CALL, 3);
}

static void unwind_fblock(C *c, FBlock *f, bool preserve_tos)
{
    switch (f->kind) {
    case FB_WHILE:
    case FB_EXCEPTION_HANDLER:
    case FB_EXCEPTION_GROUP_HANDLER:
        return;
    case FB_FOR:
    case FB_ASYNC_FOR:
        if (preserve_tos)
            emit(c, OP_SWAP, 2);
        emit0(c, OP_POP_TOP);
        return;
    case FB_TRY_EXCEPT:
        emit0(c, OP_POP_BLOCK);
        return;
    case FB_FINALLY_TRY:
        emit0(c, OP_POP_BLOCK);
        if (preserve_tos)
            push_fb(c, FB_POP_VALUE, -1, -1, NULL);
        visit_stmts(c, &f->datum->l4);
        if (preserve_tos)
            pop_fb(c);
        return;
    case FB_FINALLY_END:
        if (preserve_tos)
            emit(c, OP_SWAP, 2);
        emit0(c, OP_POP_TOP);   /* the exception */
        if (preserve_tos)
            emit(c, OP_SWAP, 2);
        emit0(c, OP_POP_BLOCK);
        emit0(c, OP_POP_EXCEPT);
        return;
    case FB_WITH:
    case FB_ASYNC_WITH: {
        Position save = c->u->loc;
        c->u->loc = f->pos;
        emit0(c, OP_POP_BLOCK);
        if (preserve_tos)
            emit(c, OP_SWAP, 2);
        call_exit_with_nones(c);
        if (f->kind == FB_ASYNC_WITH) {
            emit0(c, OP_GET_AWAITABLE);
            emit0(c, OP_AWAIT);
        }
        emit0(c, OP_POP_TOP);
        c->u->loc = save;
        return;
    }
    case FB_HANDLER_CLEANUP: {
        char *name = f->datum ? f->datum->str : NULL;
        if (name)
            emit0(c, OP_POP_BLOCK);
        if (preserve_tos)
            emit(c, OP_SWAP, 2);
        emit0(c, OP_POP_BLOCK);
        emit0(c, OP_POP_EXCEPT);
        if (name) {
            load_none(c);
            nameop(c, name, CTX_STORE);
            nameop(c, name, CTX_DEL);
        }
        return;
    }
    case FB_POP_VALUE:
        if (preserve_tos)
            emit(c, OP_SWAP, 2);
        emit0(c, OP_POP_TOP);
        return;
    }
}

/* Unwinds blocks innermost first; stops at a loop if loop != NULL. */
static void unwind_fblock_stack(C *c, bool preserve_tos, FBlock **loop, const Node *at)
{
    Unit *u = c->u;
    if (u->nfb == 0)
        return;
    FBlock *top = &u->fb[u->nfb - 1];
    if (top->kind == FB_EXCEPTION_GROUP_HANDLER)
        cerror(c, at, "'break', 'continue' and 'return' cannot appear in an except* block");
    if (loop && (top->kind == FB_WHILE || top->kind == FB_FOR || top->kind == FB_ASYNC_FOR)) {
        *loop = top;
        return;
    }
    FBlock copy = *top;
    u->nfb--;
    unwind_fblock(c, &copy, preserve_tos);
    unwind_fblock_stack(c, preserve_tos, loop, at);
    u->fb[u->nfb++] = copy;
}

/* ---- expressions -------------------------------------------------------- */

static bool is_const(const Node *e) { return e->kind == E_CONST; }

static Const tuple_const(C *c, PtrVec *elts)
{
    Const k = {.kind = K_TUPLE};
    k.as.tuple.n = elts->n;
    k.as.tuple.items = arena_alloc(ar(c), sizeof(Const) * (size_t)(elts->n ? elts->n : 1));
    for (int i = 0; i < elts->n; i++)
        k.as.tuple.items[i] = NODE_AT(*elts, i)->value;
    return k;
}

static bool all_const(PtrVec *v)
{
    for (int i = 0; i < v->n; i++)
        if (!v->items[i] || !is_const(NODE_AT(*v, i)))
            return false;
    return true;
}

static bool has_starred(PtrVec *v)
{
    for (int i = 0; i < v->n; i++)
        if (NODE_AT(*v, i)->kind == E_STARRED)
            return true;
    return false;
}

/* list/tuple/set displays, with starred items */
static void starunpack(C *c, PtrVec *elts, NodeKind kind)
{
    Opcode build = kind == E_SET ? OP_BUILD_SET : OP_BUILD_LIST;
    if (!has_starred(elts)) {
        if (kind == E_TUPLE && elts->n > 0 && all_const(elts)) {
            load_const(c, tuple_const(c, elts));
            return;
        }
        /* long displays keep the stack small, as CPython: constants come
         * as one tuple, other items are appended one by one */
        if (kind == E_LIST && elts->n > 2 && all_const(elts)) {
            emit(c, build, 0);
            load_const(c, tuple_const(c, elts));
            emit(c, OP_LIST_EXTEND, 1);
            return;
        }
        if (kind == E_SET && elts->n > 2 && all_const(elts)) {
            /* CPython folds this to a frozenset constant, which its constant
             * merging rebuilds from its own iteration order, and then
             * set_merge()s it into a new set. The iteration order users see
             * comes from that history, so replay it:
             *   s1 = {source order}; s2 = {iter(s1) one by one}; result |= s2 */
            emit(c, OP_BUILD_SET, 0);       /* result */
            emit(c, OP_BUILD_SET, 0);       /* s2 */
            emit(c, OP_BUILD_LIST, 0);      /* iter(s1) */
            emit(c, OP_BUILD_SET, 0);       /* s1 */
            load_const(c, tuple_const(c, elts));
            emit(c, OP_SET_UPDATE, 1);
            emit(c, OP_LIST_EXTEND, 1);
            emit(c, OP_SET_UPDATE, 1);
            emit(c, OP_SET_UPDATE, 1);
            return;
        }
        if (elts->n > 30) {
            Position save = c->u->loc;
            emit(c, build, 0);
            for (int i = 0; i < elts->n; i++) {
                visit_expr(c, NODE_AT(*elts, i));
                c->u->loc = save;
                emit(c, kind == E_SET ? OP_SET_ADD : OP_LIST_APPEND, 1);
            }
            if (kind == E_TUPLE)
                emit0(c, OP_LIST_TO_TUPLE);
            return;
        }
        for (int i = 0; i < elts->n; i++)
            visit_expr(c, NODE_AT(*elts, i));
        emit(c, kind == E_TUPLE ? OP_BUILD_TUPLE : build, (uint32_t)elts->n);
        return;
    }
    Position save = c->u->loc;
    int seen = 0;
    while (seen < elts->n && NODE_AT(*elts, seen)->kind != E_STARRED)
        visit_expr(c, NODE_AT(*elts, seen++));
    emit(c, build, (uint32_t)seen);
    for (int i = seen; i < elts->n; i++) {
        Node *e = NODE_AT(*elts, i);
        if (e->kind == E_STARRED) {
            visit_expr(c, e->a);
            c->u->loc = save;
            emit(c, kind == E_SET ? OP_SET_UPDATE : OP_LIST_EXTEND, 1);
        } else {
            visit_expr(c, e);
            c->u->loc = save;
            emit(c, kind == E_SET ? OP_SET_ADD : OP_LIST_APPEND, 1);
        }
    }
    if (kind == E_TUPLE)
        emit0(c, OP_LIST_TO_TUPLE);
}

static void visit_store(C *c, Node *t);

static void unpack_store(C *c, Node *t)
{
    PtrVec *elts = &t->l1;
    int star = -1;
    for (int i = 0; i < elts->n; i++)
        if (NODE_AT(*elts, i)->kind == E_STARRED)
            star = i;
    c->u->loc = pos_of(t);
    if (star >= 0) {
        int before = star, after = elts->n - star - 1;
        if (before > 255 || after > 255)
            lang_fail(c->lc, LANG_ERR_LIMIT, t->lineno, t->col, "too many expressions in star-unpacking assignment");
        emit(c, OP_UNPACK_EX, (uint32_t)(before | (after << 8)));
    } else {
        emit(c, OP_UNPACK_SEQUENCE, (uint32_t)elts->n);
    }
    for (int i = 0; i < elts->n; i++) {
        Node *e = NODE_AT(*elts, i);
        visit_store(c, e->kind == E_STARRED ? e->a : e);
    }
}

/* value on TOS -> stored into target */
static void visit_store(C *c, Node *t)
{
    switch (t->kind) {
    case E_NAME:
        nameop_at(c, pos_of(t), t->str, CTX_STORE);
        return;
    case E_ATTR:
        visit_expr(c, t->a);
        emit_at(c, pos_of(t), OP_STORE_ATTR, name_index(c, mangle(c, t->str)));
        return;
    case E_SUBSCRIPT:
        visit_expr(c, t->a);
        visit_expr(c, t->b);
        emit_at(c, pos_of(t), OP_STORE_SUBSCR, 0);
        return;
    case E_TUPLE:
    case E_LIST:
        unpack_store(c, t);
        return;
    case E_STARRED:
        cerror(c, t, "starred assignment target must be in a list or tuple");
    default:
        cerror(c, t, "cannot assign to expression");
    }
}

static void visit_delete(C *c, Node *t)
{
    switch (t->kind) {
    case E_NAME:
        nameop_at(c, pos_of(t), t->str, CTX_DEL);
        return;
    case E_ATTR:
        visit_expr(c, t->a);
        emit_at(c, pos_of(t), OP_DELETE_ATTR, name_index(c, mangle(c, t->str)));
        return;
    case E_SUBSCRIPT:
        visit_expr(c, t->a);
        visit_expr(c, t->b);
        emit_at(c, pos_of(t), OP_DELETE_SUBSCR, 0);
        return;
    case E_TUPLE:
    case E_LIST:
        for (int i = 0; i < t->l1.n; i++)
            visit_delete(c, NODE_AT(t->l1, i));
        return;
    default:
        cerror(c, t, "cannot delete expression");
    }
}

static const char *literal_type(Node *e)
{
    if (e->kind == E_CONST) {
        switch (e->value.kind) {
        case K_INT: case K_BIGINT: return "int";
        case K_FLOAT: return "float";
        case K_STR: return "str";
        case K_BYTES: return "bytes";
        default: return NULL;   /* None, True, False, ... are fine */
        }
    }
    if (e->kind == E_TUPLE && all_const(&e->l1))
        return "tuple";         /* folded to a constant by CPython */
    if (e->kind == E_JOINEDSTR)
        return NULL;
    return NULL;
}

/* CPython's check_compare: "is" against a literal */
static void check_compare(C *c, Node *e)
{
    Node *left = e->a;
    for (int i = 0; i < e->l1.n; i++) {
        Node *right = NODE_AT(e->l1, i);
        int op = e->cmpops[i];
        if (op == CMP_IS || op == CMP_IS_NOT) {
            const char *lt = literal_type(left), *rt = literal_type(right);
            if (lt || rt) {
                lang_warn(c->lc, e->lineno, op == CMP_IS ? "\"is\" with '%s' literal. Did you mean \"==\"?"
                                                         : "\"is not\" with '%s' literal. Did you mean \"!=\"?",
                          lt ? lt : rt);
                return;
            }
        }
        left = right;
    }
}

static void visit_compare(C *c, Node *e)
{
    check_compare(c, e);
    visit_expr(c, e->a);
    int n = e->l1.n;
    Position p = pos_of(e);
    if (n == 1) {
        visit_expr(c, NODE_AT(e->l1, 0));
        emit_at(c, p, OP_COMPARE_OP, (uint32_t)e->cmpops[0]);
        return;
    }
    int cleanup = new_label(c), end = new_label(c);
    for (int i = 0; i < n - 1; i++) {
        visit_expr(c, NODE_AT(e->l1, i));
        emit_at(c, p, OP_SWAP, 2);
        emit_at(c, p, OP_COPY, 2);
        emit_at(c, p, OP_COMPARE_OP, (uint32_t)e->cmpops[i]);
        emit_jump_at(c, p, OP_JUMP_IF_FALSE_OR_POP, cleanup);
    }
    visit_expr(c, NODE_AT(e->l1, n - 1));
    emit_at(c, p, OP_COMPARE_OP, (uint32_t)e->cmpops[n - 1]);
    emit_jump_at(c, p, OP_JUMP, end);
    use_label(c, cleanup);
    emit_at(c, p, OP_SWAP, 2);
    emit_at(c, p, OP_POP_TOP, 0);
    use_label(c, end);
}

/* Jumps to `label` if the truth of e equals cond; else falls through. */
static void jump_if(C *c, Node *e, bool cond, int label)
{
    if (e->kind == E_UNARY && e->op == UOP_NOT) {
        jump_if(c, e->a, !cond, label);
        return;
    }
    if (e->kind == E_BOOLOP) {
        bool is_or = e->op == 1;
        int n = e->l1.n;
        int next = label;
        int skip = -1;
        if (is_or != cond) {
            skip = new_label(c);
            next = skip;
        }
        for (int i = 0; i < n - 1; i++)
            jump_if(c, NODE_AT(e->l1, i), is_or, next);
        jump_if(c, NODE_AT(e->l1, n - 1), cond, label);
        if (skip >= 0)
            use_label(c, skip);
        return;
    }
    if (e->kind == E_IFEXP) {
        int end = new_label(c), nxt = new_label(c);
        jump_if(c, e->a, false, nxt);
        jump_if(c, e->b, cond, label);
        emit_jump_at(c, pos_of(e), OP_JUMP, end);
        use_label(c, nxt);
        jump_if(c, e->c, cond, label);
        use_label(c, end);
        return;
    }
    visit_expr(c, e);
    emit_jump_at(c, pos_of(e), cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label);
}

/* CPython: a method call spanning lines is located at the attribute name */
static Position attr_loc(const Node *attr, Position p)
{
    if (attr->lineno != attr->end_lineno) {
        p.line = attr->end_lineno;
        p.col = attr->end_col - (int)strlen(attr->str);
        if (p.col < 0) p.col = 0;
    }
    return p;
}

static void kw_names(C *c, PtrVec *kws)
{
    Const k = {.kind = K_TUPLE};
    k.as.tuple.n = kws->n;
    k.as.tuple.items = arena_alloc(ar(c), sizeof(Const) * (size_t)(kws->n ? kws->n : 1));
    for (int i = 0; i < kws->n; i++) {
        Node *kw = NODE_AT(*kws, i);
        k.as.tuple.items[i].kind = K_STR;
        k.as.tuple.items[i].as.str.s = kw->str;
        k.as.tuple.items[i].as.str.len = strlen(kw->str);
    }
    emit(c, OP_KW_NAMES, add_const(c, k));
}

static void check_dup_kw(C *c, PtrVec *kws)
{
    for (int i = 0; i < kws->n; i++) {
        Node *a = NODE_AT(*kws, i);
        if (!a->str)
            continue;
        for (int j = i + 1; j < kws->n; j++) {
            Node *b = NODE_AT(*kws, j);
            if (b->str && strcmp(a->str, b->str) == 0)
                lang_fail(c->lc, LANG_ERR_SYNTAX, b->lineno, b->col,
                          "keyword argument repeated: %s", b->str);
        }
    }
}

/* Arguments after the callable and NULL/self are on the stack: pushes args
 * and emits the call. */
static void call_helper(C *c, PtrVec *args, PtrVec *kws, Position callpos, int extra)
{
    check_dup_kw(c, kws);
    bool star = has_starred(args);
    bool dstar = false;
    for (int i = 0; i < kws->n; i++)
        if (!NODE_AT(*kws, i)->str)
            dstar = true;
    if (!star && !dstar) {
        for (int i = 0; i < args->n; i++)
            visit_expr(c, NODE_AT(*args, i));
        for (int i = 0; i < kws->n; i++)
            visit_expr(c, NODE_AT(*kws, i)->a);
        c->u->loc = callpos;
        if (kws->n)
            kw_names(c, kws);
        emit(c, OP_CALL, (uint32_t)(extra + args->n + kws->n));
        return;
    }
    /* CALL_FUNCTION_EX: positional args as a tuple (or the single iterable) */
    if (extra)
        lang_fail(c->lc, LANG_ERR_UNSUPPORTED, callpos.line, callpos.col,
                  "starred arguments in class bases are not supported by loopscope");
    if (args->n == 1 && NODE_AT(*args, 0)->kind == E_STARRED) {
        visit_expr(c, NODE_AT(*args, 0)->a);
    } else if (!star) {
        for (int i = 0; i < args->n; i++)
            visit_expr(c, NODE_AT(*args, i));
        c->u->loc = callpos;
        emit(c, OP_BUILD_TUPLE, (uint32_t)args->n);
    } else {
        c->u->loc = callpos;
        starunpack(c, args, E_TUPLE);
    }
    if (kws->n) {
        /* groups of named keywords become dicts merged in order */
        int pending = 0;
        bool have_dict = false;
        for (int i = 0; i < kws->n; i++) {
            Node *kw = NODE_AT(*kws, i);
            if (kw->str) {
                load_const(c, k_str(c, kw->str));
                visit_expr(c, kw->a);
                pending++;
                continue;
            }
            c->u->loc = callpos;
            if (pending) {
                emit(c, OP_BUILD_MAP, (uint32_t)pending);
                if (have_dict)
                    emit(c, OP_DICT_MERGE, 1);
                have_dict = true;
                pending = 0;
            }
            if (!have_dict) {
                emit(c, OP_BUILD_MAP, 0);
                have_dict = true;
            }
            visit_expr(c, kw->a);
            c->u->loc = callpos;
            emit(c, OP_DICT_MERGE, 1);
        }
        c->u->loc = callpos;
        if (pending) {
            emit(c, OP_BUILD_MAP, (uint32_t)pending);
            if (have_dict)
                emit(c, OP_DICT_MERGE, 1);
        }
    }
    c->u->loc = callpos;
    emit(c, OP_CALL_FUNCTION_EX, kws->n ? 1u : 0u);
}

static void visit_call(C *c, Node *e)
{
    Node *f = e->a;
    Position p = pos_of(e);
    bool dstar = false;
    for (int i = 0; i < e->l2.n; i++)
        if (!NODE_AT(e->l2, i)->str)
            dstar = true;
    if (f->kind == E_ATTR && !has_starred(&e->l1) && !dstar && e->l1.n + e->l2.n < 30) {
        visit_expr(c, f->a);
        Position ap = attr_loc(f, pos_of(f));
        emit_at(c, ap, OP_LOAD_METHOD, name_index(c, mangle(c, f->str)));
        call_helper(c, &e->l1, &e->l2, attr_loc(f, p), 0);
        return;
    }
    visit_expr(c, f);
    emit_at(c, pos_of(f), OP_PUSH_NULL, 0);
    call_helper(c, &e->l1, &e->l2, p, 0);
}

static void visit_joined(C *c, Node *e)
{
    int n = e->l1.n;
    if (n == 0) {
        load_const(c, k_str(c, ""));
        return;
    }
    for (int i = 0; i < n; i++) {
        Node *part = NODE_AT(e->l1, i);
        c->u->loc = pos_of(e);
        if (part->kind == E_CONST) {
            load_const(c, part->value);
            continue;
        }
        visit_expr(c, part->a);
        uint32_t arg = (uint32_t)part->op;
        if (part->b) {
            Node *spec = part->b;
            c->u->loc = pos_of(e);
            if (spec->l1.n == 1 && NODE_AT(spec->l1, 0)->kind == E_CONST)
                load_const(c, NODE_AT(spec->l1, 0)->value);
            else
                visit_joined(c, spec);
            arg |= FMT_HAVE_SPEC;
        }
        c->u->loc = pos_of(part);
        emit(c, OP_FORMAT_VALUE, arg);
    }
    c->u->loc = pos_of(e);
    if (n > 1)
        emit(c, OP_BUILD_STRING, (uint32_t)n);
}

static void make_closure(C *c, Proto *p, Scope *child, uint32_t flags)
{
    if (p->nfrees > 0) {
        for (int i = 0; i < p->nfrees; i++) {
            int ci = cell_index(c, p->freenames[i]);
            if (ci < 0)
                lang_fail(c->lc, LANG_ERR_SYNTAX, child->node->lineno, child->node->col,
                          "internal error: no cell for free variable '%s'", p->freenames[i]);
            emit(c, OP_LOAD_CLOSURE, (uint32_t)ci);
        }
        emit(c, OP_BUILD_TUPLE, (uint32_t)p->nfrees);
        flags |= MKFN_CLOSURE;
    }
    Const k = {.kind = K_CODE};
    k.as.code = p;
    load_const(c, k);
    emit(c, OP_MAKE_FUNCTION, flags);
}

static char *make_qualname(C *c, Unit *parent, const char *name, Scope *child)
{
    if (!parent || parent->scope->kind == SC_MODULE)
        return arena_strndup(ar(c), name, strlen(name));
    /* a function declared global in its parent is named as at module level */
    if (child->kind == SC_FUNCTION || child->kind == SC_CLASS) {
        char *mangled = sym_mangle(c->lc, parent->scope->private_name, (char *)name);
        if (sym_lookup(parent->scope, mangled) == SYM_GLOBAL_EXPLICIT)
            return arena_strndup(ar(c), name, strlen(name));
    }
    const char *base = parent->qualname;
    bool fn = func_like(parent->scope);
    size_t n = strlen(base) + strlen(name) + 12;
    char *q = arena_alloc(ar(c), n);
    snprintf(q, n, "%s%s%s", base, fn ? ".<locals>." : ".", name);
    return q;
}

static uint32_t code_flags(Scope *s)
{
    uint32_t f = 0;
    if (s->is_generator && s->is_coroutine)
        f |= PROTO_ASYNC_GENERATOR;
    else if (s->is_generator)
        f |= PROTO_GENERATOR;
    else if (s->is_coroutine)
        f |= PROTO_COROUTINE;
    return f;
}

static void set_args(Unit *u, Arguments *a)
{
    u->posonlycount = a->posonly.n;
    u->argcount = a->posonly.n + a->args.n;
    u->kwonlycount = a->kwonly.n;
    if (a->vararg) u->flags |= PROTO_VARARGS;
    if (a->kwarg) u->flags |= PROTO_VARKEYWORDS;
}

/* defaults and kw-defaults for a def/lambda; returns MKFN flags */
static uint32_t visit_defaults(C *c, Arguments *a, Position p)
{
    uint32_t flags = 0;
    if (a->defaults.n) {
        if (all_const(&a->defaults)) {
            c->u->loc = p;
            load_const(c, tuple_const(c, &a->defaults));
        } else {
            for (int i = 0; i < a->defaults.n; i++)
                visit_expr(c, NODE_AT(a->defaults, i));
            c->u->loc = p;
            emit(c, OP_BUILD_TUPLE, (uint32_t)a->defaults.n);
        }
        flags |= MKFN_DEFAULTS;
    }
    int nkw = 0;
    for (int i = 0; i < a->kw_defaults.n; i++)
        if (a->kw_defaults.items[i])
            nkw++;
    if (nkw) {
        Const keys = {.kind = K_TUPLE};
        keys.as.tuple.n = nkw;
        keys.as.tuple.items = arena_alloc(ar(c), sizeof(Const) * (size_t)nkw);
        int k = 0;
        for (int i = 0; i < a->kw_defaults.n; i++) {
            Node *d = a->kw_defaults.items[i];
            if (!d)
                continue;
            char *nm = mangle(c, NODE_AT(a->kwonly, i)->str);
            keys.as.tuple.items[k].kind = K_STR;
            keys.as.tuple.items[k].as.str.s = nm;
            keys.as.tuple.items[k].as.str.len = strlen(nm);
            k++;
            visit_expr(c, d);
        }
        c->u->loc = p;
        load_const(c, keys);
        emit(c, OP_BUILD_CONST_KEY_MAP, (uint32_t)nkw);
        flags |= MKFN_KWDEFAULTS;
    }
    return flags;
}

static Node *docstring(PtrVec *body)
{
    if (body->n == 0)
        return NULL;
    Node *s = NODE_AT(*body, 0);
    if (s->kind == S_EXPR && s->a->kind == E_CONST && s->a->value.kind == K_STR)
        return s->a;
    return NULL;
}

static void visit_lambda(C *c, Node *e)
{
    Position p = pos_of(e);
    uint32_t flags = visit_defaults(c, e->args, p);
    Scope *s = e->scope;
    Unit *parent = c->u;
    Unit *u = enter_unit(c, s, "<lambda>", make_qualname(c, parent, "<lambda>", s), e->lineno);
    u->flags = PROTO_LAMBDA | code_flags(s);
    set_args(u, e->args);
    add_const(c, k_none());   /* consts[0]: no docstring */
    u->loc = p;
    if (s->is_generator || s->is_coroutine)
        emit(c, OP_RETURN_GENERATOR, 0);
    visit_expr(c, e->a);
    u->loc = pos_of(e->a);
    if (s->is_generator) {
        /* a generator lambda returns None, not its body's value */
        emit0(c, OP_POP_TOP);
        emit(c, OP_RETURN_CONST, add_const(c, k_none()));
    } else {
        emit0(c, OP_RETURN_VALUE);
    }
    Proto *proto = leave_unit(c);
    c->u->loc = p;
    make_closure(c, proto, s, flags);
}

static void comprehension_generator(C *c, Node *e, int gi, int depth_items)
{
    Node *g = NODE_AT(e->l1, gi);
    Position p = pos_of(e);
    int start = new_label(c), end = new_label(c), except = -1;
    if (gi == 0) {
        c->u->loc = p;
        emit(c, OP_LOAD_FAST, 0);   /* .0 */
    } else {
        visit_expr(c, g->b);
        c->u->loc = p;
        emit0(c, g->flag ? OP_GET_AITER : OP_GET_ITER);
    }
    use_label(c, start);
    c->u->loc = p;
    if (g->flag) {
        except = new_label(c);
        emit_jump(c, OP_SETUP_FINALLY, except);
        emit0(c, OP_GET_ANEXT);
        emit0(c, OP_AWAIT);
        emit0(c, OP_POP_BLOCK);
    } else {
        emit_jump(c, OP_FOR_ITER, end);
    }
    visit_store(c, g->a);
    for (int i = 0; i < g->l1.n; i++)
        jump_if(c, NODE_AT(g->l1, i), false, start);
    if (gi + 1 < e->l1.n) {
        comprehension_generator(c, e, gi + 1, depth_items + 1);
    } else {
        uint32_t pos = (uint32_t)(depth_items + 1);
        switch (e->kind) {
        case E_GENEXP:
            visit_expr(c, e->a);
            c->u->loc = p;
            emit0(c, OP_YIELD_VALUE);
            emit0(c, OP_POP_TOP);
            break;
        case E_LISTCOMP:
            visit_expr(c, e->a);
            c->u->loc = p;
            emit(c, OP_LIST_APPEND, pos + 0);
            break;
        case E_SETCOMP:
            visit_expr(c, e->a);
            c->u->loc = p;
            emit(c, OP_SET_ADD, pos + 0);
            break;
        default:
            visit_expr(c, e->a);
            visit_expr(c, e->b);
            c->u->loc = p;
            emit(c, OP_MAP_ADD, pos + 0);
            break;
        }
    }
    c->u->loc = p;
    emit_jump(c, OP_JUMP, start);
    if (g->flag) {
        use_label(c, except);
        emit0(c, OP_END_ASYNC_FOR);
    }
    use_label(c, end);
}

static void visit_comprehension(C *c, Node *e)
{
    Scope *s = e->scope;
    Position p = pos_of(e);
    Node *g0 = NODE_AT(e->l1, 0);
    Unit *parent = c->u;
    Unit *u = enter_unit(c, s, s->name, make_qualname(c, parent, s->name, s), e->lineno);
    u->argcount = 1;
    u->flags = e->kind == E_GENEXP ? code_flags(s) : (PROTO_COMPREHENSION | code_flags(s));
    add_const(c, k_none());
    u->loc = p;
    if (s->is_generator || s->is_coroutine)
        emit(c, OP_RETURN_GENERATOR, 0);
    if (e->kind == E_LISTCOMP) emit(c, OP_BUILD_LIST, 0);
    else if (e->kind == E_SETCOMP) emit(c, OP_BUILD_SET, 0);
    else if (e->kind == E_DICTCOMP) emit(c, OP_BUILD_MAP, 0);
    comprehension_generator(c, e, 0, e->kind == E_GENEXP ? 0 : 1);
    c->u->loc = p;
    if (e->kind == E_GENEXP)
        emit(c, OP_RETURN_CONST, add_const(c, k_none()));
    else
        emit0(c, OP_RETURN_VALUE);
    Proto *proto = leave_unit(c);
    c->u->loc = p;
    make_closure(c, proto, s, 0);
    emit0(c, OP_PUSH_NULL);
    visit_expr(c, g0->b);
    c->u->loc = p;
    emit0(c, g0->flag ? OP_GET_AITER : OP_GET_ITER);
    emit(c, OP_CALL, 1);
    if (e->kind != E_GENEXP && s->is_coroutine) {
        emit0(c, OP_GET_AWAITABLE);
        emit0(c, OP_AWAIT);
    }
}

static void visit_dict(C *c, Node *e)
{
    int n = e->l1.n;
    bool dstar = false;
    for (int i = 0; i < n; i++)
        if (!e->l1.items[i])
            dstar = true;
    Position p = pos_of(e);
    if (!dstar && n > 16) {
        /* big dict displays: one pair at a time, the stack stays small */
        emit(c, OP_BUILD_MAP, 0);
        for (int i = 0; i < n; i++) {
            visit_expr(c, NODE_AT(e->l1, i));
            visit_expr(c, NODE_AT(e->l2, i));
            c->u->loc = p;
            emit(c, OP_MAP_ADD, 1);
        }
        return;
    }
    if (!dstar) {
        if (n > 0 && all_const(&e->l1)) {
            for (int i = 0; i < n; i++)
                visit_expr(c, NODE_AT(e->l2, i));
            c->u->loc = p;
            load_const(c, tuple_const(c, &e->l1));
            emit(c, OP_BUILD_CONST_KEY_MAP, (uint32_t)n);
            return;
        }
        for (int i = 0; i < n; i++) {
            visit_expr(c, NODE_AT(e->l1, i));
            visit_expr(c, NODE_AT(e->l2, i));
        }
        c->u->loc = p;
        emit(c, OP_BUILD_MAP, (uint32_t)n);
        return;
    }
    int pending = 0;
    bool have = false;
    for (int i = 0; i < n; i++) {
        Node *k = e->l1.items[i];
        if (k) {
            visit_expr(c, k);
            visit_expr(c, NODE_AT(e->l2, i));
            pending++;
            continue;
        }
        c->u->loc = p;
        if (pending || !have) {
            emit(c, OP_BUILD_MAP, (uint32_t)pending);
            if (have)
                emit(c, OP_DICT_UPDATE, 1);
            have = true;
            pending = 0;
        }
        visit_expr(c, NODE_AT(e->l2, i));
        c->u->loc = p;
        emit(c, OP_DICT_UPDATE, 1);
    }
    c->u->loc = p;
    if (pending) {
        emit(c, OP_BUILD_MAP, (uint32_t)pending);
        emit(c, OP_DICT_UPDATE, 1);
    }
}

static void visit_expr(C *c, Node *e)
{
    Position p = pos_of(e);
    Position save = c->u->loc;
    c->u->loc = p;
    switch (e->kind) {
    case E_NAME:
        nameop(c, e->str, CTX_LOAD);
        break;
    case E_CONST:
        load_const(c, e->value);
        break;
    case E_JOINEDSTR:
        visit_joined(c, e);
        break;
    case E_FORMATTED:
        break;
    case E_BINOP:
        visit_expr(c, e->a);
        visit_expr(c, e->b);
        emit_at(c, p, OP_BINARY_OP, (uint32_t)e->op);
        break;
    case E_UNARY:
        visit_expr(c, e->a);
        emit_at(c, p, e->op == UOP_NOT ? OP_UNARY_NOT : e->op == UOP_NEG ? OP_UNARY_NEGATIVE
                    : e->op == UOP_POS ? OP_UNARY_POSITIVE : OP_UNARY_INVERT, 0);
        break;
    case E_BOOLOP: {
        int end = new_label(c);
        int n = e->l1.n;
        for (int i = 0; i < n - 1; i++) {
            visit_expr(c, NODE_AT(e->l1, i));
            emit_jump_at(c, p, e->op ? OP_JUMP_IF_TRUE_OR_POP : OP_JUMP_IF_FALSE_OR_POP, end);
        }
        visit_expr(c, NODE_AT(e->l1, n - 1));
        use_label(c, end);
        break;
    }
    case E_COMPARE:
        visit_compare(c, e);
        break;
    case E_CALL:
        visit_call(c, e);
        break;
    case E_ATTR:
        visit_expr(c, e->a);
        emit_at(c, attr_loc(e, p), OP_LOAD_ATTR, name_index(c, mangle(c, e->str)));
        break;
    case E_SUBSCRIPT:
        visit_expr(c, e->a);
        visit_expr(c, e->b);
        emit_at(c, p, OP_BINARY_SUBSCR, 0);
        break;
    case E_SLICE:
        if (e->a) visit_expr(c, e->a); else { c->u->loc = p; load_none(c); }
        if (e->b) visit_expr(c, e->b); else { c->u->loc = p; load_none(c); }
        if (e->c) visit_expr(c, e->c);
        emit_at(c, p, OP_BUILD_SLICE, e->c ? 3u : 2u);
        break;
    case E_STARRED:
        cerror(c, e, "can't use starred expression here");
    case E_TUPLE:
    case E_LIST:
    case E_SET:
        starunpack(c, &e->l1, e->kind);
        break;
    case E_DICT:
        visit_dict(c, e);
        break;
    case E_LISTCOMP:
    case E_SETCOMP:
    case E_GENEXP:
    case E_DICTCOMP:
        visit_comprehension(c, e);
        break;
    case E_IFEXP: {
        int orelse = new_label(c), end = new_label(c);
        jump_if(c, e->a, false, orelse);
        visit_expr(c, e->b);
        emit_jump_at(c, p, OP_JUMP, end);
        use_label(c, orelse);
        visit_expr(c, e->c);
        use_label(c, end);
        break;
    }
    case E_LAMBDA:
        visit_lambda(c, e);
        break;
    case E_NAMEDEXPR:
        visit_expr(c, e->b);
        emit_at(c, p, OP_COPY, 1);
        nameop_at(c, pos_of(e->a), e->a->str, CTX_STORE);
        break;
    case E_AWAIT:
        visit_expr(c, e->a);
        emit_at(c, p, OP_GET_AWAITABLE, 0);
        emit_at(c, p, OP_AWAIT, 0);
        break;
    case E_YIELD:
        if (e->a) visit_expr(c, e->a); else load_none(c);
        emit_at(c, p, OP_YIELD_VALUE, 0);
        break;
    case E_YIELDFROM:
        visit_expr(c, e->a);
        emit_at(c, p, OP_YIELD_FROM, 0);
        break;
    default:
        cerror(c, e, "invalid syntax");
    }
    c->u->loc = save;
}

/* ---- statements --------------------------------------------------------- */

static void visit_augassign(C *c, Node *s)
{
    Node *t = s->a;
    Position sp = pos_of(s), tp = pos_of(t);
    switch (t->kind) {
    case E_NAME:
        nameop_at(c, tp, t->str, CTX_LOAD);
        visit_expr(c, s->b);
        emit_at(c, sp, OP_BINARY_OP, (uint32_t)s->op | BINOP_INPLACE);
        nameop_at(c, tp, t->str, CTX_STORE);
        break;
    case E_ATTR: {
        uint32_t ni = name_index(c, mangle(c, t->str));
        visit_expr(c, t->a);
        emit_at(c, tp, OP_COPY, 1);
        emit_at(c, attr_loc(t, tp), OP_LOAD_ATTR, ni);
        visit_expr(c, s->b);
        emit_at(c, sp, OP_BINARY_OP, (uint32_t)s->op | BINOP_INPLACE);
        emit_at(c, tp, OP_SWAP, 2);
        emit_at(c, attr_loc(t, tp), OP_STORE_ATTR, ni);
        break;
    }
    case E_SUBSCRIPT:
        visit_expr(c, t->a);
        visit_expr(c, t->b);
        emit_at(c, tp, OP_COPY, 2);
        emit_at(c, tp, OP_COPY, 2);
        emit_at(c, tp, OP_BINARY_SUBSCR, 0);
        visit_expr(c, s->b);
        emit_at(c, sp, OP_BINARY_OP, (uint32_t)s->op | BINOP_INPLACE);
        emit_at(c, tp, OP_SWAP, 3);
        emit_at(c, tp, OP_SWAP, 2);
        emit_at(c, tp, OP_STORE_SUBSCR, 0);
        break;
    default:
        cerror(c, t, "illegal expression for augmented assignment");
    }
}

static bool in_loop(C *c)
{
    for (int i = c->u->nfb - 1; i >= 0; i--)
        if (c->u->fb[i].kind == FB_WHILE || c->u->fb[i].kind == FB_FOR || c->u->fb[i].kind == FB_ASYNC_FOR)
            return true;
    return false;
}

/* CPython rejects return/break/continue that would leave an except* body */
static void check_except_star(C *c, Node *s, bool to_loop)
{
    for (int i = c->u->nfb - 1; i >= 0; i--) {
        FBKind k = c->u->fb[i].kind;
        if (k == FB_EXCEPTION_GROUP_HANDLER)
            cerror(c, s, "'break', 'continue' and 'return' cannot appear in an except* block");
        if (to_loop && (k == FB_WHILE || k == FB_FOR || k == FB_ASYNC_FOR))
            return;
    }
}

static void visit_return(C *c, Node *s)
{
    Scope *sc = c->u->scope;
    if (!func_like(sc))
        cerror(c, s, "'return' outside function");
    if (s->a && sc->is_generator && sc->is_coroutine)
        cerror(c, s, "'return' with value in async generator");
    check_except_star(c, s, false);
    bool preserve = s->a && !is_const(s->a);
    if (preserve)
        visit_expr(c, s->a);
    c->u->loc = pos_of(s);
    unwind_fblock_stack(c, preserve, NULL, s);
    c->u->loc = pos_of(s);
    if (!s->a)
        emit(c, OP_RETURN_CONST, add_const(c, k_none()));
    else if (!preserve)
        emit(c, OP_RETURN_CONST, add_const(c, s->a->value));
    else
        emit0(c, OP_RETURN_VALUE);
}

static void visit_break_continue(C *c, Node *s, bool is_break)
{
    FBlock *loop = NULL;
    check_except_star(c, s, true);
    if (!in_loop(c))
        cerror(c, s, is_break ? "'break' outside loop" : "'continue' not properly in loop");
    c->u->loc = pos_of(s);
    unwind_fblock_stack(c, false, &loop, s);
    if (!loop)
        cerror(c, s, is_break ? "'break' outside loop" : "'continue' not properly in loop");
    c->u->loc = pos_of(s);
    if (is_break) {
        unwind_fblock(c, loop, false);
        emit_jump(c, OP_JUMP, loop->exit);
    } else {
        emit_jump(c, OP_JUMP, loop->start);
    }
}

static void visit_while(C *c, Node *s)
{
    int start = new_label(c), orelse = new_label(c), exit = new_label(c);
    use_label(c, start);
    bool forever = is_const(s->a) && (s->a->value.kind == K_TRUE ||
                   (s->a->value.kind == K_INT && s->a->value.as.i != 0));
    if (!forever)
        jump_if(c, s->a, false, orelse);
    push_fb(c, FB_WHILE, start, exit, NULL);
    visit_stmts(c, &s->l1);
    pop_fb(c);
    c->u->loc = pos_of(s->a);
    emit_jump(c, OP_JUMP, start);
    use_label(c, orelse);
    visit_stmts(c, &s->l2);
    use_label(c, exit);
}

static void visit_for(C *c, Node *s)
{
    Position p = pos_of(s);
    int start = new_label(c), cleanup = new_label(c), exit = new_label(c);
    visit_expr(c, s->b);
    c->u->loc = p;
    if (!s->flag) {
        emit0(c, OP_GET_ITER);
        use_label(c, start);
        c->u->loc = p;
        emit_jump(c, OP_FOR_ITER, cleanup);
        visit_store(c, s->a);
        push_fb(c, FB_FOR, start, exit, NULL);
        visit_stmts(c, &s->l1);
        pop_fb(c);
        c->u->loc = p;
        emit_jump(c, OP_JUMP, start);
        use_label(c, cleanup);
    } else {
        int except = new_label(c);
        emit0(c, OP_GET_AITER);
        use_label(c, start);
        c->u->loc = p;
        emit_jump(c, OP_SETUP_FINALLY, except);
        emit0(c, OP_GET_ANEXT);
        emit0(c, OP_AWAIT);
        emit0(c, OP_POP_BLOCK);
        visit_store(c, s->a);
        push_fb(c, FB_ASYNC_FOR, start, exit, NULL);
        visit_stmts(c, &s->l1);
        pop_fb(c);
        c->u->loc = p;
        emit_jump(c, OP_JUMP, start);
        use_label(c, except);
        c->u->loc = pos_of(s->b);
        emit0(c, OP_END_ASYNC_FOR);
        (void)cleanup;
    }
    visit_stmts(c, &s->l2);
    use_label(c, exit);
}

static void pop_except_and_reraise(C *c)
{
    emit(c, OP_COPY, 2);
    emit0(c, OP_POP_EXCEPT);
    emit(c, OP_RERAISE, 0);
}

static void visit_try_except(C *c, Node *s)
{
    Position p = pos_of(s);
    int handler = new_label(c), end = new_label(c), cleanup = new_label(c);
    c->u->loc = p;
    emit_jump(c, OP_SETUP_FINALLY, handler);
    push_fb(c, FB_TRY_EXCEPT, -1, -1, NULL);
    visit_stmts(c, &s->l1);
    pop_fb(c);
    c->u->loc = p;
    emit0(c, OP_POP_BLOCK);
    visit_stmts(c, &s->l3);
    c->u->loc = p;
    emit_jump(c, OP_JUMP, end);
    use_label(c, handler);
    emit_jump(c, OP_SETUP_CLEANUP, cleanup);
    emit0(c, OP_PUSH_EXC_INFO);
    push_fb(c, FB_EXCEPTION_HANDLER, -1, -1, NULL);
    for (int i = 0; i < s->l2.n; i++) {
        Node *h = NODE_AT(s->l2, i);
        Position hp = pos_of(h);
        c->u->loc = hp;
        if (!h->a && i + 1 < s->l2.n)
            cerror(c, h, "default 'except:' must be last");
        int next = new_label(c);
        if (h->a) {
            visit_expr(c, h->a);
            c->u->loc = hp;
            emit0(c, OP_CHECK_EXC_MATCH);
            emit_jump(c, OP_POP_JUMP_IF_FALSE, next);
        }
        if (h->str) {
            int cleanup_end = new_label(c);
            nameop_at(c, hp, h->str, CTX_STORE);
            emit_jump(c, OP_SETUP_CLEANUP, cleanup_end);
            push_fb(c, FB_HANDLER_CLEANUP, -1, -1, h);
            visit_stmts(c, &h->l1);
            pop_fb(c);
            c->u->loc = (Position){0, 0, 0, 0};
            emit0(c, OP_POP_BLOCK);
            emit0(c, OP_POP_BLOCK);
            emit0(c, OP_POP_EXCEPT);
            load_none(c);
            nameop(c, h->str, CTX_STORE);
            nameop(c, h->str, CTX_DEL);
            emit_jump(c, OP_JUMP, end);
            use_label(c, cleanup_end);
            load_none(c);
            nameop(c, h->str, CTX_STORE);
            nameop(c, h->str, CTX_DEL);
            emit(c, OP_RERAISE, 0);
        } else {
            emit0(c, OP_POP_TOP);
            push_fb(c, FB_HANDLER_CLEANUP, -1, -1, NULL);
            visit_stmts(c, &h->l1);
            pop_fb(c);
            c->u->loc = (Position){0, 0, 0, 0};
            emit0(c, OP_POP_BLOCK);
            emit0(c, OP_POP_EXCEPT);
            emit_jump(c, OP_JUMP, end);
        }
        use_label(c, next);
    }
    pop_fb(c);
    c->u->loc = (Position){0, 0, 0, 0};
    emit(c, OP_RERAISE, 0);
    use_label(c, cleanup);
    pop_except_and_reraise(c);
    use_label(c, end);
}

static void visit_try_star(C *c, Node *s)
{
    Position p = pos_of(s);
    int handler = new_label(c), end = new_label(c), cleanup = new_label(c);
    int reraise_star = new_label(c);
    c->u->loc = p;
    emit_jump(c, OP_SETUP_FINALLY, handler);
    push_fb(c, FB_TRY_EXCEPT, -1, -1, NULL);
    visit_stmts(c, &s->l1);
    pop_fb(c);
    c->u->loc = p;
    emit0(c, OP_POP_BLOCK);
    visit_stmts(c, &s->l3);
    c->u->loc = p;
    emit_jump(c, OP_JUMP, end);
    use_label(c, handler);
    emit_jump(c, OP_SETUP_CLEANUP, cleanup);
    emit0(c, OP_PUSH_EXC_INFO);            /* [prev eg] */
    push_fb(c, FB_EXCEPTION_GROUP_HANDLER, -1, -1, NULL);
    int n = s->l2.n;
    for (int i = 0; i < n; i++) {
        Node *h = NODE_AT(s->l2, i);
        Position hp = pos_of(h);
        c->u->loc = hp;
        int no_match = new_label(c), except_with_error = new_label(c), cleanup_end = new_label(c);
        int except = new_label(c);
        if (i == 0) {
            emit(c, OP_BUILD_LIST, 0);     /* [prev orig list] */
            emit(c, OP_COPY, 2);           /* [prev orig list rest] */
        }
        visit_expr(c, h->a);
        c->u->loc = hp;
        emit0(c, OP_CHECK_EG_MATCH);       /* [.. rest match] */
        emit(c, OP_COPY, 1);
        emit_jump(c, OP_POP_JUMP_IF_NONE, no_match);
        if (h->str)
            nameop(c, h->str, CTX_STORE);
        else
            emit0(c, OP_POP_TOP);
        emit_jump(c, OP_SETUP_CLEANUP, cleanup_end);
        push_fb(c, FB_HANDLER_CLEANUP, -1, -1, h->str ? h : NULL);
        /* FB_HANDLER_CLEANUP with a datum pops two blocks; except* bodies
         * reject return/break/continue anyway (checked by the group block) */
        c->u->fb[c->u->nfb - 1].kind = FB_EXCEPTION_GROUP_HANDLER;
        visit_stmts(c, &h->l1);
        pop_fb(c);
        c->u->loc = (Position){0, 0, 0, 0};
        emit0(c, OP_POP_BLOCK);
        if (h->str) {
            load_none(c);
            nameop(c, h->str, CTX_STORE);
            nameop(c, h->str, CTX_DEL);
        }
        emit_jump(c, OP_JUMP, except);
        use_label(c, cleanup_end);          /* [prev orig list rest exc2] */
        if (h->str) {
            load_none(c);
            nameop(c, h->str, CTX_STORE);
            nameop(c, h->str, CTX_DEL);
        }
        emit(c, OP_LIST_APPEND, 2);
        emit_jump(c, OP_JUMP, except_with_error);
        use_label(c, except);
        emit0(c, OP_NOP);
        emit_jump(c, OP_JUMP, except_with_error);
        use_label(c, no_match);
        c->u->loc = hp;
        emit0(c, OP_POP_TOP);
        use_label(c, except_with_error);
        if (i == n - 1) {
            c->u->loc = (Position){0, 0, 0, 0};
            emit(c, OP_LIST_APPEND, 1);    /* [prev orig list] */
            emit_jump(c, OP_JUMP, reraise_star);
        }
    }
    pop_fb(c);
    int reraise = new_label(c);
    use_label(c, reraise_star);
    c->u->loc = (Position){0, 0, 0, 0};
    emit0(c, OP_PREP_RERAISE_STAR);        /* [prev exc_or_none] */
    emit(c, OP_COPY, 1);
    emit_jump(c, OP_POP_JUMP_IF_NOT_NONE, reraise);
    emit0(c, OP_POP_TOP);
    emit0(c, OP_POP_BLOCK);
    emit0(c, OP_POP_EXCEPT);
    emit_jump(c, OP_JUMP, end);
    use_label(c, reraise);
    emit0(c, OP_POP_BLOCK);
    emit(c, OP_SWAP, 2);
    emit0(c, OP_POP_EXCEPT);
    emit(c, OP_RERAISE, 0);
    use_label(c, cleanup);
    pop_except_and_reraise(c);
    use_label(c, end);
}

static void visit_try(C *c, Node *s)
{
    if (s->l4.n == 0) {
        if (s->flag)
            visit_try_star(c, s);
        else
            visit_try_except(c, s);
        return;
    }
    /* try/finally around the (optional) try/except */
    Position p = pos_of(s);
    int exc = new_label(c), end = new_label(c), cleanup = new_label(c);
    c->u->loc = p;
    emit_jump(c, OP_SETUP_FINALLY, exc);
    push_fb(c, FB_FINALLY_TRY, -1, -1, s);
    if (s->l2.n) {
        if (s->flag)
            visit_try_star(c, s);
        else
            visit_try_except(c, s);
    } else {
        visit_stmts(c, &s->l1);
    }
    pop_fb(c);
    c->u->loc = (Position){0, 0, 0, 0};
    emit0(c, OP_POP_BLOCK);
    visit_stmts(c, &s->l4);
    c->u->loc = (Position){0, 0, 0, 0};
    emit_jump(c, OP_JUMP, end);
    use_label(c, exc);
    emit_jump(c, OP_SETUP_CLEANUP, cleanup);
    emit0(c, OP_PUSH_EXC_INFO);
    push_fb(c, FB_FINALLY_END, -1, -1, NULL);
    visit_stmts(c, &s->l4);
    pop_fb(c);
    c->u->loc = (Position){0, 0, 0, 0};
    emit(c, OP_RERAISE, 0);
    use_label(c, cleanup);
    pop_except_and_reraise(c);
    use_label(c, end);
}

static void visit_with_items(C *c, Node *s, int idx)
{
    Node *item = NODE_AT(s->l1, idx);
    Position p = pos_of(s);
    bool is_async = s->flag;
    int exc = new_label(c), end = new_label(c), cleanup = new_label(c), suppress = new_label(c);
    visit_expr(c, item->a);
    c->u->loc = p;
    if (is_async) {
        emit0(c, OP_BEFORE_ASYNC_WITH);
        emit0(c, OP_GET_AWAITABLE);
        emit0(c, OP_AWAIT);
    } else {
        emit0(c, OP_BEFORE_WITH);
    }
    emit_jump(c, OP_SETUP_WITH, exc);
    push_fb(c, is_async ? FB_ASYNC_WITH : FB_WITH, -1, -1, NULL);
    if (item->b)
        visit_store(c, item->b);
    else
        emit_at(c, p, OP_POP_TOP, 0);
    if (idx + 1 < s->l1.n)
        visit_with_items(c, s, idx + 1);
    else
        visit_stmts(c, &s->l2);
    pop_fb(c);
    c->u->loc = p;
    emit0(c, OP_POP_BLOCK);
    call_exit_with_nones(c);
    if (is_async) {
        emit0(c, OP_GET_AWAITABLE);
        emit0(c, OP_AWAIT);
    }
    emit0(c, OP_POP_TOP);
    emit_jump(c, OP_JUMP, end);
    use_label(c, exc);                     /* [exit exc] */
    emit_jump(c, OP_SETUP_CLEANUP, cleanup);
    emit0(c, OP_PUSH_EXC_INFO);            /* [exit prev exc] */
    emit0(c, OP_WITH_EXCEPT_START);        /* [exit prev exc res] */
    if (is_async) {
        emit0(c, OP_GET_AWAITABLE);
        emit0(c, OP_AWAIT);
    }
    emit_jump(c, OP_POP_JUMP_IF_TRUE, suppress);
    emit(c, OP_RERAISE, 0);
    use_label(c, suppress);
    emit0(c, OP_POP_TOP);                  /* exc */
    emit0(c, OP_POP_BLOCK);
    emit0(c, OP_POP_EXCEPT);               /* [exit] */
    emit0(c, OP_POP_TOP);
    emit_jump(c, OP_JUMP, end);
    use_label(c, cleanup);
    pop_except_and_reraise(c);
    use_label(c, end);
}

static void apply_decorators_start(C *c, PtrVec *decos)
{
    for (int i = 0; i < decos->n; i++) {
        Node *d = NODE_AT(*decos, i);
        visit_expr(c, d);
        emit_at(c, pos_of(d), OP_PUSH_NULL, 0);
    }
}

static void apply_decorators_end(C *c, PtrVec *decos)
{
    for (int i = decos->n - 1; i >= 0; i--) {
        Node *d = NODE_AT(*decos, i);
        emit_at(c, pos_of(d), OP_CALL, 1);
    }
}

/* ---- annotations -------------------------------------------------------- */

typedef struct SBuf {
    char *s;
    size_t n, cap;
} SBuf;

static void sb_put(C *c, SBuf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        while (cap < b->n + n + 1)
            cap *= 2;
        b->s = arena_grow(ar(c), b->s, b->n, cap);
        b->cap = cap;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = 0;
}

static void sb_str(C *c, SBuf *b, const char *s) { sb_put(c, b, s, strlen(s)); }

/* The source text of a node (its span in the file). */
static void sb_source(C *c, SBuf *b, const Node *e)
{
    const char *src = c->lc->src;
    size_t len = c->lc->len, i = 0;
    int line = 1;
    while (i < len && line < e->lineno)
        if (src[i++] == '\n')
            line++;
    size_t start = i + (size_t)e->col;
    while (i < len && line < e->end_lineno)
        if (src[i++] == '\n')
            line++;
    size_t end = i + (size_t)e->end_col;
    if (start <= end && end <= len)
        sb_put(c, b, src + start, end - start);
}

/* ast.unparse() of the forms annotations use; anything else as written */
static void unparse(C *c, SBuf *b, const Node *e, bool in_subscript)
{
    switch (e->kind) {
    case E_NAME:
        sb_str(c, b, e->str);
        return;
    case E_ATTR:
        unparse(c, b, e->a, false);
        sb_str(c, b, ".");
        sb_str(c, b, e->str);
        return;
    case E_SUBSCRIPT:
        unparse(c, b, e->a, false);
        sb_str(c, b, "[");
        unparse(c, b, e->b, true);
        sb_str(c, b, "]");
        return;
    case E_TUPLE:
    case E_LIST:
        if (e->kind == E_LIST || !in_subscript || e->l1.n == 0)
            sb_str(c, b, e->kind == E_LIST ? "[" : "(");
        for (int i = 0; i < e->l1.n; i++) {
            if (i)
                sb_str(c, b, ", ");
            unparse(c, b, NODE_AT(e->l1, i), false);
        }
        if (e->kind == E_TUPLE && e->l1.n == 1 && !in_subscript)
            sb_str(c, b, ",");
        if (e->kind == E_LIST || !in_subscript || e->l1.n == 0)
            sb_str(c, b, e->kind == E_LIST ? "]" : ")");
        return;
    case E_BINOP:
        if (e->op == BINOP_OR) {
            unparse(c, b, e->a, false);
            sb_str(c, b, " | ");
            unparse(c, b, e->b, false);
            return;
        }
        break;
    case E_CONST:
        switch (e->value.kind) {
        case K_NONE: sb_str(c, b, "None"); return;
        case K_TRUE: sb_str(c, b, "True"); return;
        case K_FALSE: sb_str(c, b, "False"); return;
        case K_ELLIPSIS: sb_str(c, b, "..."); return;
        case K_BYTES:
        case K_STR: {
            const char *s = e->value.as.str.s;
            size_t n = e->value.as.str.len;
            if (e->value.kind == K_BYTES)
                sb_put(c, b, "b", 1);
            bool sq = memchr(s, '\'', n) != NULL, dq = memchr(s, '"', n) != NULL;
            char q = sq && !dq ? '"' : '\'';
            sb_put(c, b, &q, 1);
            for (size_t i = 0; i < n; i++) {
                char ch = s[i];
                if (ch == q || ch == '\\') { sb_put(c, b, "\\", 1); sb_put(c, b, &ch, 1); }
                else if (ch == '\n') sb_str(c, b, "\\n");
                else if (ch == '\t') sb_str(c, b, "\\t");
                else if (ch == '\r') sb_str(c, b, "\\r");
                else sb_put(c, b, &ch, 1);
            }
            sb_put(c, b, &q, 1);
            return;
        }
        default:
            break;
        }
        break;
    default:
        break;
    }
    sb_source(c, b, e);
}

/* An annotation's value: evaluated, or with `from __future__ import
 * annotations` its text, as CPython (PEP 563). */
static void visit_annotation(C *c, Node *e)
{
    if (!c->lc->future_annotations) {
        visit_expr(c, e);
        return;
    }
    SBuf b = {0};
    unparse(c, &b, e, false);
    Const k = {.kind = K_STR};
    k.as.str.s = b.s ? b.s : arena_strndup(ar(c), "", 0);
    k.as.str.len = b.n;
    Position save = c->u->loc;
    c->u->loc = pos_of(e);
    load_const(c, k);
    c->u->loc = save;
}

/* Annotations are evaluated as CPython does, but inside a handler that
 * drops an annotation the runtime cannot evaluate (list[int] before the VM
 * has generic aliases, say): a file CPython runs never fails there, so
 * failing would only ever be a loopscope limitation. */
static int protect_begin(C *c)
{
    int h = new_label(c);
    emit_jump(c, OP_SETUP_FINALLY, h);
    return h;
}

static void protect_end(C *c, int handler)
{
    int end = new_label(c);
    emit0(c, OP_POP_BLOCK);
    emit_jump(c, OP_JUMP, end);
    use_label(c, handler);
    emit0(c, OP_POP_TOP);   /* the exception */
    use_label(c, end);
}

/* f.__annotations__ = {...}, emitted after MAKE_FUNCTION (function on TOS) */
static void set_annotations(C *c, Node *s)
{
    int handler = -1;
    Arguments *a = s->args;
    int n = 0;
    Position p = pos_of(s);
    PtrVec *lists[] = {&a->posonly, &a->args, NULL, &a->kwonly, NULL};
    Node *singles[] = {NULL, NULL, a->vararg, NULL, a->kwarg};
    for (int pass = 0; pass < 2; pass++) {
        for (int l = 0; l < 5; l++) {
            int cnt = lists[l] ? lists[l]->n : 1;
            for (int i = 0; i < cnt; i++) {
                Node *arg = lists[l] ? NODE_AT(*lists[l], i) : singles[l];
                if (!arg || !arg->a)
                    continue;
                if (pass == 0) {
                    n++;
                    continue;
                }
                c->u->loc = p;
                load_const(c, k_str(c, mangle(c, arg->str)));
                visit_annotation(c, arg->a);
            }
        }
        if (pass == 0) {
            if (n == 0 && !s->b)
                return;
            c->u->loc = p;
            handler = protect_begin(c);
            emit(c, OP_COPY, 1);
        }
    }
    if (s->b) {
        c->u->loc = p;
        load_const(c, k_str(c, "return"));
        visit_annotation(c, s->b);
        n++;
    }
    c->u->loc = p;
    emit(c, OP_BUILD_MAP, (uint32_t)n);
    emit(c, OP_SWAP, 2);
    emit(c, OP_STORE_ATTR, name_index(c, "__annotations__"));
    protect_end(c, handler);
}

/* does this body (not nested scopes) annotate a simple name? */
static bool find_ann(PtrVec *body)
{
    for (int i = 0; i < body->n; i++) {
        Node *s = NODE_AT(*body, i);
        switch (s->kind) {
        case S_ANNASSIGN:
            if (s->a->kind == E_NAME)
                return true;
            break;
        case S_IF: case S_WHILE: case S_FOR:
            if (find_ann(&s->l1) || find_ann(&s->l2))
                return true;
            break;
        case S_WITH:
            if (find_ann(&s->l2))
                return true;
            break;
        case S_TRY:
            if (find_ann(&s->l1) || find_ann(&s->l3) || find_ann(&s->l4))
                return true;
            for (int j = 0; j < s->l2.n; j++)
                if (find_ann(&NODE_AT(s->l2, j)->l1))
                    return true;
            break;
        default:
            break;
        }
    }
    return false;
}

static void setup_annotations(C *c, PtrVec *body)
{
    if (!find_ann(body))
        return;
    emit(c, OP_BUILD_MAP, 0);
    emit(c, OP_STORE_NAME, name_index(c, "__annotations__"));
}

static void visit_funcdef(C *c, Node *s)
{
    Position p = pos_of(s);
    apply_decorators_start(c, &s->l2);
    uint32_t flags = visit_defaults(c, s->args, p);
    Scope *sc = s->scope;
    Unit *parent = c->u;
    int firstline = s->l2.n ? NODE_AT(s->l2, 0)->lineno : s->lineno;
    Unit *u = enter_unit(c, sc, s->str, make_qualname(c, parent, s->str, sc), firstline);
    u->flags = code_flags(sc);
    set_args(u, s->args);
    Node *doc = docstring(&s->l1);
    add_const(c, doc ? doc->value : k_none());
    u->loc = (Position){s->lineno, s->lineno, s->col, s->col};
    if (sc->is_generator || sc->is_coroutine)
        emit(c, OP_RETURN_GENERATOR, 0);
    for (int i = doc ? 1 : 0; i < s->l1.n; i++)
        visit_stmt(c, NODE_AT(s->l1, i));
    /* implicit return None, located at the last statement */
    Node *last = NODE_AT(s->l1, s->l1.n - 1);
    c->u->loc = pos_of(last);
    emit(c, OP_RETURN_CONST, add_const(c, k_none()));
    Proto *proto = leave_unit(c);
    c->u->loc = p;
    make_closure(c, proto, sc, flags);
    set_annotations(c, s);
    apply_decorators_end(c, &s->l2);
    c->u->loc = p;
    nameop(c, s->str, CTX_STORE);
}

static void visit_classdef(C *c, Node *s)
{
    Position p = pos_of(s);
    apply_decorators_start(c, &s->l2);
    Scope *sc = s->scope;
    Unit *parent = c->u;
    int firstline = s->l2.n ? NODE_AT(s->l2, 0)->lineno : s->lineno;
    c->u->loc = p;
    emit0(c, OP_LOAD_BUILD_CLASS);
    emit0(c, OP_PUSH_NULL);
    Unit *u = enter_unit(c, sc, s->str, make_qualname(c, parent, s->str, sc), firstline);
    u->flags = PROTO_CLASSBODY;
    u->loc = (Position){firstline, firstline, 0, 0};
    emit(c, OP_LOAD_NAME, name_index(c, "__name__"));
    emit(c, OP_STORE_NAME, name_index(c, "__module__"));
    load_const(c, k_str(c, u->qualname));
    emit(c, OP_STORE_NAME, name_index(c, "__qualname__"));
    setup_annotations(c, &s->l1);
    Node *doc = docstring(&s->l1);
    if (doc) {
        u->loc = pos_of(doc);
        load_const(c, doc->value);
        emit(c, OP_STORE_NAME, name_index(c, "__doc__"));
    }
    for (int i = doc ? 1 : 0; i < s->l1.n; i++)
        visit_stmt(c, NODE_AT(s->l1, i));
    c->u->loc = pos_of(NODE_AT(s->l1, s->l1.n - 1));
    emit(c, OP_RETURN_CONST, add_const(c, k_none()));
    Proto *proto = leave_unit(c);
    c->u->loc = p;
    make_closure(c, proto, sc, 0);
    load_const(c, k_str(c, s->str));
    call_helper(c, &s->l3, &s->l4, p, 2);
    apply_decorators_end(c, &s->l2);
    c->u->loc = p;
    nameop(c, s->str, CTX_STORE);
}

static void visit_import(C *c, Node *s)
{
    for (int i = 0; i < s->l1.n; i++) {
        Node *al = NODE_AT(s->l1, i);
        c->u->loc = pos_of(s);
        if (al->str2) {
            /* import a.b as c: the module a.b itself */
            emit(c, OP_IMPORT_NAME, name_index(c, al->str) | IMPORT_LEAF);
            nameop(c, al->str2, CTX_STORE);
        } else {
            /* import a.b: binds the top-level package a */
            emit(c, OP_IMPORT_NAME, name_index(c, al->str));
            const char *dot = strchr(al->str, '.');
            char *first = dot ? arena_strndup(ar(c), al->str, (size_t)(dot - al->str)) : al->str;
            nameop(c, first, CTX_STORE);
        }
    }
}

static void visit_importfrom(C *c, Node *s)
{
    c->u->loc = pos_of(s);
    if (s->flag) {
        /* from __future__ import ...: a compiler directive here (CPython also
         * binds the _Feature objects, which loopscope does not model) */
        emit0(c, OP_NOP);
        return;
    }
    emit(c, OP_IMPORT_NAME, name_index(c, s->str) | IMPORT_LEAF);
    for (int i = 0; i < s->l1.n; i++) {
        Node *al = NODE_AT(s->l1, i);
        emit(c, OP_IMPORT_FROM, name_index(c, al->str));
        nameop(c, al->str2 ? al->str2 : al->str, CTX_STORE);
    }
    emit0(c, OP_POP_TOP);
}

static void visit_stmt(C *c, Node *s)
{
    Position p = pos_of(s);
    c->u->loc = p;
    switch (s->kind) {
    case S_EXPR:
        if (is_const(s->a)) {
            emit0(c, OP_NOP);
            break;
        }
        visit_expr(c, s->a);
        emit_at(c, p, OP_POP_TOP, 0);
        break;
    case S_ASSIGN: {
        visit_expr(c, s->a);
        int n = s->l1.n;
        for (int i = 0; i < n; i++) {
            if (i < n - 1)
                emit_at(c, p, OP_COPY, 1);
            visit_store(c, NODE_AT(s->l1, i));
        }
        break;
    }
    case S_AUGASSIGN:
        visit_augassign(c, s);
        break;
    case S_ANNASSIGN:
        if (s->c) {
            visit_expr(c, s->c);
            visit_store(c, s->a);
        } else if (s->a->kind == E_ATTR) {
            visit_expr(c, s->a->a);
            emit_at(c, p, OP_POP_TOP, 0);
        } else if (s->a->kind == E_SUBSCRIPT) {
            visit_expr(c, s->a->a);
            emit_at(c, p, OP_POP_TOP, 0);
            visit_expr(c, s->a->b);
            emit_at(c, p, OP_POP_TOP, 0);
        }
        /* module and class bodies evaluate annotations; simple names are
         * recorded in __annotations__ (set up at the start of the body) */
        if (!func_like(c->u->scope)) {
            c->u->loc = p;
            int handler = protect_begin(c);
            visit_annotation(c, s->b);
            c->u->loc = p;
            if (s->a->kind == E_NAME) {
                emit(c, OP_LOAD_NAME, name_index(c, "__annotations__"));
                load_const(c, k_str(c, mangle(c, s->a->str)));
                emit0(c, OP_STORE_SUBSCR);
            } else {
                emit0(c, OP_POP_TOP);
            }
            protect_end(c, handler);
        }
        break;
    case S_IF: {
        int orelse = new_label(c), end = new_label(c);
        jump_if(c, s->a, false, orelse);
        visit_stmts(c, &s->l1);
        if (s->l2.n) {
            c->u->loc = (Position){0, 0, 0, 0};
            emit_jump(c, OP_JUMP, end);
        }
        use_label(c, orelse);
        visit_stmts(c, &s->l2);
        use_label(c, end);
        break;
    }
    case S_WHILE:
        visit_while(c, s);
        break;
    case S_FOR:
        visit_for(c, s);
        break;
    case S_BREAK:
        visit_break_continue(c, s, true);
        break;
    case S_CONTINUE:
        visit_break_continue(c, s, false);
        break;
    case S_PASS:
        emit0(c, OP_NOP);
        break;
    case S_RETURN:
        visit_return(c, s);
        break;
    case S_FUNCDEF:
        visit_funcdef(c, s);
        break;
    case S_CLASSDEF:
        visit_classdef(c, s);
        break;
    case S_GLOBAL:
    case S_NONLOCAL:
        emit0(c, OP_NOP);
        break;
    case S_TRY:
        visit_try(c, s);
        break;
    case S_RAISE:
        if (s->a) {
            visit_expr(c, s->a);
            if (s->b)
                visit_expr(c, s->b);
        }
        emit_at(c, p, OP_RAISE_VARARGS, s->a ? (s->b ? 2u : 1u) : 0u);
        break;
    case S_DELETE:
        for (int i = 0; i < s->l1.n; i++)
            visit_delete(c, NODE_AT(s->l1, i));
        break;
    case S_ASSERT: {
        if (s->a->kind == E_TUPLE && s->a->l1.n > 0)
            lang_warn(c->lc, s->lineno, "assertion is always true, perhaps remove parentheses?");
        int end = new_label(c);
        jump_if(c, s->a, true, end);
        c->u->loc = p;
        emit0(c, OP_LOAD_ASSERTION_ERROR);
        if (s->b) {
            emit0(c, OP_PUSH_NULL);
            visit_expr(c, s->b);
            emit_at(c, p, OP_CALL, 1);
        }
        emit_at(c, p, OP_RAISE_VARARGS, 1);
        use_label(c, end);
        break;
    }
    case S_WITH:
        visit_with_items(c, s, 0);
        break;
    case S_IMPORT:
        visit_import(c, s);
        break;
    case S_IMPORTFROM:
        visit_importfrom(c, s);
        break;
    default:
        cerror(c, s, "invalid syntax");
    }
}

static void visit_stmts(C *c, PtrVec *v)
{
    for (int i = 0; i < v->n; i++)
        visit_stmt(c, NODE_AT(*v, i));
}

Proto *compile_module(LangCtx *lc, Node *module, Scope *top)
{
    C c = {lc, NULL};
    Unit *u = enter_unit(&c, top, "<module>", "<module>", 1);
    u->flags = PROTO_MODULE;
    u->loc = (Position){1, 1, 0, 0};
    setup_annotations(&c, &module->l1);
    Node *doc = docstring(&module->l1);
    if (doc) {
        u->loc = pos_of(doc);
        load_const(&c, doc->value);
        emit(&c, OP_STORE_NAME, name_index(&c, "__doc__"));
    }
    for (int i = doc ? 1 : 0; i < module->l1.n; i++)
        visit_stmt(&c, NODE_AT(module->l1, i));
    if (module->l1.n)
        u->loc = pos_of(NODE_AT(module->l1, module->l1.n - 1));
    else
        u->loc = (Position){1, 1, 0, 0};
    emit(&c, OP_RETURN_CONST, add_const(&c, k_none()));
    return leave_unit(&c);
}

int compile_stack_effect(Opcode op, uint32_t arg, bool jump)
{
    int n = (int)arg;
    switch (op) {
    case OP_NOP: case OP_SWAP: return 0;
    case OP_POP_TOP: return -1;
    case OP_COPY: return 1;
    case OP_LOAD_CONST: case OP_LOAD_FAST: case OP_LOAD_DEREF: case OP_LOAD_CLOSURE:
    case OP_LOAD_GLOBAL: case OP_LOAD_NAME: case OP_LOAD_CLASSDEREF:
        return 1;
    case OP_STORE_FAST: case OP_STORE_DEREF: case OP_STORE_GLOBAL: case OP_STORE_NAME:
        return -1;
    case OP_DELETE_FAST: case OP_DELETE_DEREF: case OP_DELETE_GLOBAL: case OP_DELETE_NAME:
        return 0;
    case OP_LOAD_ATTR: return 0;
    case OP_STORE_ATTR: return -2;
    case OP_DELETE_ATTR: return -1;
    case OP_LOAD_METHOD: return 1;
    case OP_BINARY_SUBSCR: return -1;
    case OP_STORE_SUBSCR: return -3;
    case OP_DELETE_SUBSCR: return -2;
    case OP_BUILD_SLICE: return 1 - n;
    case OP_UNARY_NEGATIVE: case OP_UNARY_POSITIVE: case OP_UNARY_NOT: case OP_UNARY_INVERT:
        return 0;
    case OP_BINARY_OP: case OP_COMPARE_OP: return -1;
    case OP_JUMP: return 0;
    case OP_POP_JUMP_IF_FALSE: case OP_POP_JUMP_IF_TRUE: case OP_POP_JUMP_IF_NONE:
    case OP_POP_JUMP_IF_NOT_NONE:
        return -1;
    case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP:
        return jump ? 0 : -1;
    case OP_GET_ITER: return 0;
    case OP_FOR_ITER: return jump ? -1 : 1;
    case OP_RETURN_VALUE: return -1;
    case OP_RETURN_CONST: return 0;
    case OP_BUILD_TUPLE: case OP_BUILD_LIST: case OP_BUILD_SET: case OP_BUILD_STRING:
        return 1 - n;
    case OP_BUILD_MAP: return 1 - 2 * n;
    case OP_BUILD_CONST_KEY_MAP: return -n;
    case OP_LIST_APPEND: case OP_SET_ADD: case OP_LIST_EXTEND: case OP_SET_UPDATE:
    case OP_DICT_UPDATE: case OP_DICT_MERGE:
        return -1;
    case OP_MAP_ADD: return -2;
    case OP_LIST_TO_TUPLE: return 0;
    case OP_FORMAT_VALUE: return (arg & FMT_HAVE_SPEC) ? -1 : 0;
    case OP_UNPACK_SEQUENCE: return n - 1;
    case OP_UNPACK_EX: return (n & 0xff) + (n >> 8);
    case OP_PUSH_NULL: return 1;
    case OP_CALL: return -(n + 1);
    case OP_KW_NAMES: return 0;
    case OP_CALL_FUNCTION_EX: return -2 - (n & 1);
    case OP_MAKE_FUNCTION:
        return -(((n & 1) != 0) + ((n & 2) != 0) + ((n & 4) != 0));
    case OP_LOAD_BUILD_CLASS: return 1;
    case OP_IMPORT_NAME: case OP_IMPORT_FROM: return 1;
    case OP_IMPORT_STAR: return -1;
    case OP_SETUP_FINALLY: case OP_SETUP_CLEANUP: return jump ? 1 : 0;
    case OP_SETUP_WITH: return 0;   /* handler: depth-1 recorded, +1 exception */
    case OP_POP_BLOCK: return 0;
    case OP_PUSH_EXC_INFO: return 1;
    case OP_POP_EXCEPT: return -1;
    case OP_CHECK_EXC_MATCH: case OP_CHECK_EG_MATCH: return 0;
    case OP_PREP_RERAISE_STAR: return -1;
    case OP_RAISE_VARARGS: return -n;
    case OP_RERAISE: return -1;
    case OP_LOAD_ASSERTION_ERROR: return 1;
    case OP_BEFORE_WITH: return 1;
    case OP_WITH_EXCEPT_START: return 1;
    case OP_RETURN_GENERATOR: return 0;
    case OP_YIELD_VALUE: case OP_YIELD_FROM: return 0;
    case OP_GET_AWAITABLE: case OP_AWAIT: case OP_GET_AITER: return 0;
    case OP_GET_ANEXT: return 1;
    case OP_END_ASYNC_FOR: return -2;
    case OP_BEFORE_ASYNC_WITH: return 1;
    default: return 0;
    }
}
