/*
 * lexer.h - Python source bytes to tokens.
 *
 * The lexer produces the whole token array at once (NEWLINE/INDENT/DEDENT
 * included). A string token covers the literal as written (prefix and quotes
 * included): the parser decodes it, and for f-strings lexes the embedded
 * expressions with lex_fstring_expr(). Positions are 1-based lines and
 * 0-based byte columns, end exclusive, as CPython's AST.
 */
#ifndef LOOPSCOPE_LEXER_H
#define LOOPSCOPE_LEXER_H

#include "lang_int.h"

#define TOKEN_KINDS(X) \
    X(T_ENDMARKER, "end of file") X(T_NEWLINE, "newline") X(T_INDENT, "indent") \
    X(T_DEDENT, "dedent") X(T_NAME, "name") X(T_NUMBER, "number") \
    X(T_STRING, "string") \
    X(T_LPAR, "(") X(T_RPAR, ")") X(T_LSQB, "[") X(T_RSQB, "]") \
    X(T_LBRACE, "{") X(T_RBRACE, "}") X(T_COLON, ":") X(T_COMMA, ",") \
    X(T_SEMI, ";") X(T_PLUS, "+") X(T_MINUS, "-") X(T_STAR, "*") \
    X(T_SLASH, "/") X(T_VBAR, "|") X(T_AMPER, "&") X(T_LESS, "<") \
    X(T_GREATER, ">") X(T_EQUAL, "=") X(T_DOT, ".") X(T_PERCENT, "%") \
    X(T_EQEQUAL, "==") X(T_NOTEQUAL, "!=") X(T_LESSEQUAL, "<=") \
    X(T_GREATEREQUAL, ">=") X(T_TILDE, "~") X(T_CIRCUMFLEX, "^") \
    X(T_LEFTSHIFT, "<<") X(T_RIGHTSHIFT, ">>") X(T_DOUBLESTAR, "**") \
    X(T_PLUSEQUAL, "+=") X(T_MINEQUAL, "-=") X(T_STAREQUAL, "*=") \
    X(T_SLASHEQUAL, "/=") X(T_PERCENTEQUAL, "%=") X(T_AMPEREQUAL, "&=") \
    X(T_VBAREQUAL, "|=") X(T_CIRCUMFLEXEQUAL, "^=") \
    X(T_LEFTSHIFTEQUAL, "<<=") X(T_RIGHTSHIFTEQUAL, ">>=") \
    X(T_DOUBLESTAREQUAL, "**=") X(T_DOUBLESLASH, "//") \
    X(T_DOUBLESLASHEQUAL, "//=") X(T_AT, "@") X(T_ATEQUAL, "@=") \
    X(T_RARROW, "->") X(T_ELLIPSIS, "...") X(T_COLONEQUAL, ":=") \
    X(T_EXCLAMATION, "!") X(T_ERRORTOKEN, "error")

typedef enum TokKind {
#define X(k, s) k,
    TOKEN_KINDS(X)
#undef X
    T__COUNT
} TokKind;

typedef struct Token {
    TokKind kind;
    int start, end;          /* byte offsets into the source */
    int line, col;           /* start: 1-based line, 0-based byte column */
    int end_line, end_col;
} Token;

typedef struct TokenList {
    Token *toks;
    int n, cap;
    /* CPython's tokenizer is lazy: a token error only matters if the parser
     * gets that far. The lexer ends the list with T_ERRORTOKEN and keeps the
     * error here; the parser raises it when it reaches that token. */
    bool has_error;
    LangError error;
    /* a bracket still open at end of file ("'(' was never closed"), reported
     * by the parser when it fails at the end of the file */
    char unclosed;
    int unclosed_line, unclosed_col;
} TokenList;

const char *lex_kind_name(TokKind k);

/* Lexes the whole file. Reports errors through lang_fail. */
void lex_file(LangCtx *c, TokenList *out);

/* Lexes one f-string replacement field's expression starting at byte offset
 * `start` (line `line`, which starts at offset `line_start`): tokens up to, not including, the first '}', ':',
 * '!' (not '!=') or '=' (not '==') at bracket depth 0, which is stored in
 * *stop (its byte offset). Newlines are insignificant. `limit` bounds the
 * scan (the end of the enclosing string body). Ends with T_ENDMARKER. */
void lex_fstring_expr(LangCtx *c, int start, int limit, int line, int line_start,
                      TokenList *out, int *stop);

/* Scans a string literal at `p` (prefix already skipped; `p` at the quote);
 * returns the offset just past the closing quote. Used by the lexer, and by
 * the parser to skip nested strings. `is_f` selects f-string brace rules. */
int lex_scan_string(LangCtx *c, int p, int limit, bool is_f, bool is_raw, int *line);

/* Is `s` (n bytes) a keyword? */
bool lex_is_keyword(const char *s, size_t n);

#endif
