/*
 * lang.h - the front end: Python source text in, a tree of Protos out.
 *
 * lang_compile() lexes, parses, resolves scopes and compiles a whole file.
 * It never runs code and touches no VM state. Every construct loopscope does
 * not support is rejected here, before anything runs, with the position of
 * the construct and a message naming it.
 */
#ifndef LOOPSCOPE_LANG_H
#define LOOPSCOPE_LANG_H

#include <stdbool.h>
#include <stddef.h>
#include "proto.h"

typedef enum LangErrorKind {
    LANG_ERR_NONE,
    LANG_ERR_SYNTAX,        /* CPython would raise SyntaxError (or IndentationError...) */
    LANG_ERR_UNSUPPORTED,   /* valid Python that loopscope does not run */
    LANG_ERR_LIMIT          /* nesting too deep, file too large */
} LangErrorKind;

typedef struct LangError {
    LangErrorKind kind;
    int line;               /* 1-based */
    int col;                /* 1-based, in characters (code points) of that line */
    char message[640];      /* "invalid syntax", "'match' statements are not supported by loopscope";
                               the longest lists every module loopscope has */
} LangError;

/* Compiles `src` (UTF-8, `len` bytes, need not be NUL-terminated). On success
 * returns the module Proto (flags PROTO_MODULE, name "<module>"); on failure
 * returns NULL and fills *err. `modules` is the NULL-terminated list of
 * module names the runtime provides ("asyncio", "concurrent.futures", ...):
 * an import of any other module is rejected as unsupported. */
Proto *lang_compile(const char *src, size_t len, const char *const *modules,
                    LangError *err);

/* A SyntaxWarning CPython 3.12 prints while compiling the file, e.g.
 * "invalid escape sequence '\d'" or "\"is\" with 'int' literal. Did you
 * mean \"==\"?". CPython shows each, before running anything, in the
 * warnings module's default format:
 *     FILE:LINE: SyntaxWarning: MESSAGE
 *       <source line LINE, leading whitespace stripped>
 */
typedef struct LangWarning {
    int line;               /* 1-based */
    char message[256];
} LangWarning;

/* lang_compile, also returning the SyntaxWarnings in CPython's order (the
 * parser's, then the compiler's). *warnings is malloc'd, NULL when there are
 * none; the caller frees it. Filled on failure too (warnings issued before
 * the error). Either pointer may be NULL. */
Proto *lang_compile_ex(const char *src, size_t len, const char *const *modules,
                       LangError *err, LangWarning **warnings, int *nwarnings);

/* CPython 3.12's traceback caret anchors, as Python/traceback.c computes
 * them for uncaught exceptions (extract_anchors_from_line): parses `segment`
 * (one line of UTF-8 source text, the span of the failing instruction) as a
 * statement; if it is a binary operation or a subscript, sets *left and
 * *right to the character offsets (within the segment) bounding the '^'
 * part and returns true. */
bool lang_caret_anchors(const char *segment, size_t len, int *left, int *right);

#endif
