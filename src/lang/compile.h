/*
 * compile.h - AST + scopes to Protos (bytecode per code object).
 *
 * Emits the instruction shapes of CPython 3.12 adapted to loopscope's block
 * stack (see opcodes.h), with CPython's co_positions() spans, and computes
 * max_stack by flow analysis over the finished code.
 */
#ifndef LOOPSCOPE_COMPILE_H
#define LOOPSCOPE_COMPILE_H

#include "ast.h"
#include "symtable.h"

/* Compiles the module; unwinds through lang_fail on error. Every Proto it
 * creates is registered in c->built until it has a parent. */
Proto *compile_module(LangCtx *c, Node *module, Scope *top);

/* Stack effect of one instruction; `jump` selects the branch taken. */
int compile_stack_effect(Opcode op, uint32_t arg, bool jump);

/* Frees one Proto and its own arrays, not the Protos in its constants. */
void proto_free_shallow(Proto *p);

#endif
