/*
 * proto.c - Proto ownership (proto_free), opcode names and the debug
 * disassembler. Touches nothing but the Proto it is given.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "compile.h"
#include "proto.h"

static const char *const op_names[] = {
#define OPCODE(name, effect) #name,
#include "opcodes.h"
#undef OPCODE
};

const char *opcode_name(Opcode op)
{
    return (unsigned)op < OP__COUNT ? op_names[op] : "<bad opcode>";
}

static void const_free(Const *k, bool deep, bool own_text)
{
    switch (k->kind) {
    case K_STR:
    case K_BYTES:
    case K_BIGINT:
        if (own_text)
            free(k->as.str.s);
        break;
    case K_TUPLE:
        for (int i = 0; i < k->as.tuple.n; i++)
            const_free(&k->as.tuple.items[i], deep, own_text);
        free(k->as.tuple.items);
        break;
    case K_CODE:
        if (deep)
            proto_free(k->as.code);
        break;
    default:
        break;
    }
}

static void free_strs(char **v, int n, bool own_text)
{
    for (int i = 0; own_text && i < n; i++)
        free(v[i]);
    free(v);
}

static void proto_free_impl(Proto *p, bool deep)
{
    if (!p)
        return;
    bool own_text = !(p->flags & PROTO_BORROWED_TEXT);
    if (own_text) {
        free(p->name);
        free(p->qualname);
    }
    free_strs(p->localnames, p->nlocals, own_text);
    free_strs(p->cellnames, p->ncells, own_text);
    free(p->cell2arg);
    free_strs(p->freenames, p->nfrees, own_text);
    free_strs(p->names, p->nnames, own_text);
    for (int i = 0; i < p->nconsts; i++)
        const_free(&p->consts[i], deep, own_text);
    free(p->consts);
    free(p->code);
    free(p->positions);
    free(p);
}

void proto_free(Proto *p) { proto_free_impl(p, true); }
void proto_free_shallow(Proto *p) { proto_free_impl(p, false); }

typedef struct Out {
    void (*out)(void *, const char *, size_t);
    void *ud;
} Out;

static void say(Out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(Out *o, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    o->out(o->ud, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

static void const_repr(const Const *k, char *buf, size_t cap)
{
    switch (k->kind) {
    case K_NONE: snprintf(buf, cap, "None"); break;
    case K_TRUE: snprintf(buf, cap, "True"); break;
    case K_FALSE: snprintf(buf, cap, "False"); break;
    case K_ELLIPSIS: snprintf(buf, cap, "Ellipsis"); break;
    case K_INT: snprintf(buf, cap, "%lld", (long long)k->as.i); break;
    case K_BIGINT: snprintf(buf, cap, "%.*s", (int)k->as.str.len, k->as.str.s); break;
    case K_FLOAT: snprintf(buf, cap, "%.17g", k->as.f); break;
    case K_BYTES:
    case K_STR: {
        size_t j = 0;
        if (k->kind == K_BYTES && j + 1 < cap) buf[j++] = 'b';
        if (j + 1 < cap) buf[j++] = '\'';
        for (size_t i = 0; i < k->as.str.len && j + 5 < cap; i++) {
            unsigned char ch = (unsigned char)k->as.str.s[i];
            if (ch == '\n') { buf[j++] = '\\'; buf[j++] = 'n'; }
            else if (ch == '\'') { buf[j++] = '\\'; buf[j++] = '\''; }
            else if (ch < 32) { j += (size_t)snprintf(buf + j, cap - j, "\\x%02x", ch); }
            else buf[j++] = (char)ch;
        }
        if (j + 1 < cap) buf[j++] = '\'';
        buf[j < cap ? j : cap - 1] = 0;
        break;
    }
    case K_CODE: snprintf(buf, cap, "<code %s>", k->as.code->qualname); break;
    case K_TUPLE: {
        size_t j = (size_t)snprintf(buf, cap, "(");
        for (int i = 0; i < k->as.tuple.n && j < cap; i++) {
            char item[128];
            const_repr(&k->as.tuple.items[i], item, sizeof item);
            j += (size_t)snprintf(buf + j, cap - j, "%s%s", i ? ", " : "", item);
        }
        if (j < cap)
            j += (size_t)snprintf(buf + j, cap - j, k->as.tuple.n == 1 ? ",)" : ")");
        break;
    }
    }
}

static void disasm(const Proto *p, Out *o)
{
    say(o, "code %s (%s) flags=0x%x args=%d posonly=%d kwonly=%d locals=%d cells=%d frees=%d stack=%d\n",
        p->name, p->qualname, p->flags & ~PROTO_BORROWED_TEXT, p->argcount, p->posonlycount, p->kwonlycount,
        p->nlocals, p->ncells, p->nfrees, p->max_stack);
    for (int i = 0; i < p->ncode; i++) {
        Opcode op = INSTR_OP(p->code[i]);
        uint32_t arg = INSTR_ARG(p->code[i]);
        char info[256] = "";
        if (op == OP_IMPORT_NAME && (arg & IMPORT_LEAF)) {
            arg &= ~IMPORT_LEAF;
            strcpy(info, "leaf ");
        }
        switch (op) {
        case OP_LOAD_CONST: case OP_RETURN_CONST: case OP_KW_NAMES:
            if ((int)arg < p->nconsts)
                const_repr(&p->consts[arg], info, sizeof info);
            break;
        case OP_LOAD_FAST: case OP_STORE_FAST: case OP_DELETE_FAST:
            if ((int)arg < p->nlocals)
                snprintf(info, sizeof info, "%s", p->localnames[arg]);
            break;
        case OP_LOAD_DEREF: case OP_STORE_DEREF: case OP_DELETE_DEREF: case OP_LOAD_CLOSURE:
        case OP_LOAD_CLASSDEREF:
            if ((int)arg < p->ncells)
                snprintf(info, sizeof info, "%s", p->cellnames[arg]);
            else if ((int)arg - p->ncells < p->nfrees)
                snprintf(info, sizeof info, "%s", p->freenames[arg - (uint32_t)p->ncells]);
            break;
        case OP_LOAD_GLOBAL: case OP_STORE_GLOBAL: case OP_DELETE_GLOBAL: case OP_LOAD_NAME:
        case OP_STORE_NAME: case OP_DELETE_NAME: case OP_LOAD_ATTR: case OP_STORE_ATTR:
        case OP_DELETE_ATTR: case OP_LOAD_METHOD: case OP_IMPORT_NAME: case OP_IMPORT_FROM:
            if ((int)arg < p->nnames)
                snprintf(info + strlen(info), sizeof info - strlen(info), "%s", p->names[arg]);
            break;
        default:
            break;
        }
        Position ps = p->positions[i];
        say(o, "%4d %-20s %5u %-24s %d:%d-%d:%d\n", i, opcode_name(op), arg, info,
            ps.line, ps.col, ps.end_line, ps.end_col);
    }
    for (int i = 0; i < p->nconsts; i++)
        if (p->consts[i].kind == K_CODE) {
            say(o, "\n");
            disasm(p->consts[i].as.code, o);
        }
}

void proto_disassemble(const Proto *p, void (*out)(void *ud, const char *s, size_t n), void *ud)
{
    Out o = {out, ud};
    disasm(p, &o);
}
