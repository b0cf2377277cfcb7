/*
 * parser.h - tokens to AST: a hand-written recursive-descent parser for the
 * Python 3.12 subset loopscope runs (CPython's grammar and error messages
 * where practical). Rejects unsupported constructs with LANG_ERR_UNSUPPORTED.
 */
#ifndef LOOPSCOPE_PARSER_H
#define LOOPSCOPE_PARSER_H

#include "ast.h"
#include "lexer.h"

/* Parses a whole file into a list of statements (l1 of the returned node,
 * which has kind S_PASS and stands for the module). */
Node *parse_file(LangCtx *c);

#endif
