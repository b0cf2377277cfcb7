/*
 * lexer.c - Python 3.12 tokenizer: indentation, brackets, numbers, strings.
 *
 * Works on byte offsets into the one source buffer, so every token's
 * position is a position in the file, f-string expressions included.
 * Never reads past `limit`; every loop advances `p`.
 */
#include <stdio.h>
#include <string.h>
#include "lexer.h"

typedef struct Lexer {
    LangCtx *c;
    const char *s;
    int p, limit;
    int line, line_start;
    TokenList *out;
    /* open brackets: kind char, line, col */
    char *br;
    int *br_line, *br_col;
    int nbr, capbr;
    bool fexpr;              /* lexing an f-string replacement field */
} Lexer;

static const char *const kind_names[] = {
#define X(k, s) s,
    TOKEN_KINDS(X)
#undef X
};

const char *lex_kind_name(TokKind k)
{
    return k < T__COUNT ? kind_names[k] : "?";
}

static const char *const keywords[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break",
    "class", "continue", "def", "del", "elif", "else", "except", "finally",
    "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", NULL
};

bool lex_is_keyword(const char *s, size_t n)
{
    for (int i = 0; keywords[i]; i++)
        if (strlen(keywords[i]) == n && memcmp(keywords[i], s, n) == 0)
            return true;
    return false;
}

static _Noreturn void lx_fail(Lexer *lx, int line, int col, const char *msg)
{
    lang_fail(lx->c, LANG_ERR_SYNTAX, line, col, "%s", msg);
}

static int cur(Lexer *lx)
{
    return lx->p < lx->limit ? (unsigned char)lx->s[lx->p] : -1;
}

static int peekc(Lexer *lx, int k)
{
    return lx->p + k < lx->limit ? (unsigned char)lx->s[lx->p + k] : -1;
}

static bool is_id_start(int ch)
{
    return ch == '_' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch >= 0x80;
}

static bool is_id_char(int ch)
{
    return is_id_start(ch) || (ch >= '0' && ch <= '9');
}

static void push_tok(Lexer *lx, TokKind k, int start, int line, int col)
{
    TokenList *o = lx->out;
    if (o->n == o->cap) {
        int cap = o->cap ? o->cap * 2 : lx->fexpr ? 8 : 256;   /* a field is a few tokens */
        o->toks = arena_grow(&lx->c->arena, o->toks, sizeof(Token) * (size_t)o->n,
                             sizeof(Token) * (size_t)cap);
        o->cap = cap;
    }
    Token *t = &o->toks[o->n++];
    t->kind = k;
    t->start = start;
    t->end = lx->p;
    t->line = line;
    t->col = col;
    t->end_line = lx->line;
    t->end_col = lx->p - lx->line_start;
}

static void newline_at(Lexer *lx)
{
    /* lx->p is just past a '\n' */
    lx->line++;
    lx->line_start = lx->p;
}

/* Consumes one newline sequence at p (\n, \r\n or \r). */
static bool eat_newline(Lexer *lx)
{
    int ch = cur(lx);
    if (ch == '\n') {
        lx->p++;
        newline_at(lx);
        return true;
    }
    if (ch == '\r') {
        lx->p++;
        if (cur(lx) == '\n')
            lx->p++;
        newline_at(lx);
        return true;
    }
    return false;
}

/* ---- strings ------------------------------------------------------------ */

/* Is s[a..b) a valid string prefix? Sets raw/f/bytes. */
static bool string_prefix(const char *s, int n, bool *raw, bool *f, bool *b)
{
    *raw = *f = *b = false;
    bool u = false;
    if (n > 2)
        return false;
    for (int i = 0; i < n; i++) {
        char ch = s[i];
        if (ch == 'r' || ch == 'R') {
            if (*raw) return false;
            *raw = true;
        } else if (ch == 'f' || ch == 'F') {
            if (*f) return false;
            *f = true;
        } else if (ch == 'b' || ch == 'B') {
            if (*b) return false;
            *b = true;
        } else if (ch == 'u' || ch == 'U') {
            if (u) return false;
            u = true;
        } else {
            return false;
        }
    }
    if (u && n != 1)
        return false;
    if (*f && *b)
        return false;
    return true;
}

typedef struct StrScan {
    LangCtx *c;
    const char *s;
    int limit;
    int line;        /* current line, updated across newlines */
    int start_line;
    int start;       /* offset of the literal's opening quote */
    int depth;       /* recursion depth of nested f-strings */
} StrScan;

/* The literal's column, for an error: found only when one is reported, so
 * that many literals on one long line cost no more than one each. */
static int start_col(const StrScan *sc)
{
    int ls = sc->start;
    while (ls > 0 && sc->s[ls - 1] != '\n')
        ls--;
    return sc->start - ls;
}

static int scan_str(StrScan *sc, int p, bool is_f, bool is_raw);

static _Noreturn void unterminated(StrScan *sc, bool triple)
{
    if (triple) {
        /* at end of file: CPython counts the last line that has text */
        int line = sc->line;
        if (sc->limit > 0 && (sc->s[sc->limit - 1] == '\n' || sc->s[sc->limit - 1] == '\r') &&
            line > sc->start_line)
            line--;
        lang_fail(sc->c, LANG_ERR_SYNTAX, sc->start_line, start_col(sc),
                  "unterminated triple-quoted string literal (detected at line %d)", line);
    }
    lang_fail(sc->c, LANG_ERR_SYNTAX, sc->start_line, start_col(sc),
              "unterminated string literal (detected at line %d)", sc->line);
}

/* Skips an f-string replacement field: p just after '{'. Returns offset just
 * past the matching '}'. */
static int scan_field(StrScan *sc, int p, char q, bool triple)
{
    int depth = 0;
    bool spec = false;
    if (++sc->depth > LANG_MAX_NESTING)
        lang_fail(sc->c, LANG_ERR_LIMIT, sc->start_line, start_col(sc),
                  "f-string: expressions nested too deeply");
    while (p < sc->limit) {
        char ch = sc->s[p];
        if (ch == '\n' || ch == '\r') {
            /* PEP 701: replacement fields may span lines; specs may not */
            if (!triple && spec)
                unterminated(sc, triple);
            if (ch == '\r' && p + 1 < sc->limit && sc->s[p + 1] == '\n')
                p++;
            sc->line++;
            p++;
            continue;
        }
        if (spec) {
            if (ch == '{') {
                p = scan_field(sc, p + 1, q, triple);
                continue;
            }
            if (ch == '}') {
                sc->depth--;
                return p + 1;
            }
            if (ch == q && (!triple || (p + 2 < sc->limit && sc->s[p + 1] == q && sc->s[p + 2] == q)))
                unterminated(sc, triple);
            p++;
            continue;
        }
        if (ch == '(' || ch == '[' || ch == '{') {
            depth++;
            p++;
        } else if (ch == ')' || ch == ']') {
            depth--;
            p++;
        } else if (ch == '}') {
            if (depth == 0) {
                sc->depth--;
                return p + 1;
            }
            depth--;
            p++;
        } else if (ch == ':' && depth == 0) {
            spec = true;
            p++;
        } else if (ch == '\'' || ch == '"') {
            p = scan_str(sc, p, false, false);
        } else if (is_id_start((unsigned char)ch)) {
            int a = p;
            while (p < sc->limit && is_id_char((unsigned char)sc->s[p]))
                p++;
            bool raw, f, b;
            if (p < sc->limit && (sc->s[p] == '\'' || sc->s[p] == '"') &&
                string_prefix(sc->s + a, p - a, &raw, &f, &b))
                p = scan_str(sc, p, f, raw);
        } else if (ch == '#') {
            /* a comment inside a multi-line replacement field */
            while (p < sc->limit && sc->s[p] != '\n' && sc->s[p] != '\r')
                p++;
        } else {
            p++;
        }
    }
    unterminated(sc, triple);
}

/* p at the opening quote. Returns offset past the closing quote. */
static int scan_str(StrScan *sc, int p, bool is_f, bool is_raw)
{
    (void)is_raw;
    char q = sc->s[p];
    bool triple = p + 2 < sc->limit && sc->s[p + 1] == q && sc->s[p + 2] == q;
    p += triple ? 3 : 1;
    while (p < sc->limit) {
        char ch = sc->s[p];
        if (ch == '\\') {
            p++;
            if (p < sc->limit) {
                if (sc->s[p] == '\n' || sc->s[p] == '\r') {
                    if (sc->s[p] == '\r' && p + 1 < sc->limit && sc->s[p + 1] == '\n')
                        p++;
                    sc->line++;
                }
                p++;
            }
            continue;
        }
        if (ch == '\n' || ch == '\r') {
            if (!triple)
                unterminated(sc, triple);
            if (ch == '\r' && p + 1 < sc->limit && sc->s[p + 1] == '\n')
                p++;
            sc->line++;
            p++;
            continue;
        }
        if (ch == q) {
            if (!triple)
                return p + 1;
            if (p + 2 < sc->limit && sc->s[p + 1] == q && sc->s[p + 2] == q)
                return p + 3;
            p++;
            continue;
        }
        if (is_f && ch == '{') {
            if (p + 1 < sc->limit && sc->s[p + 1] == '{') {
                p += 2;
                continue;
            }
            p = scan_field(sc, p + 1, q, triple);
            continue;
        }
        p++;
    }
    unterminated(sc, triple);
}

int lex_scan_string(LangCtx *c, int p, int limit, bool is_f, bool is_raw, int *line)
{
    StrScan sc = {c, c->src, limit, *line, *line, p, 0};
    int end = scan_str(&sc, p, is_f, is_raw);
    *line = sc.line;
    return end;
}

/* ---- numbers ------------------------------------------------------------ */

static bool is_digit_in(int ch, int base)
{
    if (base == 16)
        return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
    if (base == 8)
        return ch >= '0' && ch <= '7';
    if (base == 2)
        return ch == '0' || ch == '1';
    return ch >= '0' && ch <= '9';
}

static void digits(Lexer *lx, int base, const char *what)
{
    /* at least one digit at p; underscores only between digits */
    /* CPython reports these at the last character it accepted */
    if (!is_digit_in(cur(lx), base))
        lx_fail(lx, lx->line, lx->p - 1 - lx->line_start, what);
    while (is_digit_in(cur(lx), base) || cur(lx) == '_') {
        if (cur(lx) == '_') {
            lx->p++;
            if (!is_digit_in(cur(lx), base))
                lx_fail(lx, lx->line, lx->p - 1 - lx->line_start, what);
        }
        lx->p++;
    }
}

static void lex_number(Lexer *lx)
{
    int start = lx->p;
    int ch = cur(lx);
    if (ch == '0' && (peekc(lx, 1) == 'x' || peekc(lx, 1) == 'X' || peekc(lx, 1) == 'o' ||
                      peekc(lx, 1) == 'O' || peekc(lx, 1) == 'b' || peekc(lx, 1) == 'B')) {
        int k = peekc(lx, 1) | 0x20;
        lx->p += 2;
        if (cur(lx) == '_')
            lx->p++;
        int base = k == 'x' ? 16 : k == 'o' ? 8 : 2;
        const char *what = base == 16 ? "invalid hexadecimal literal"
                         : base == 8 ? "invalid octal literal" : "invalid binary literal";
        if (base != 16 && is_digit_in(cur(lx), 10) && !is_digit_in(cur(lx), base)) {
            char msg[64];
            snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", cur(lx),
                     base == 8 ? "octal" : "binary");
            lx_fail(lx, lx->line, lx->p - lx->line_start, msg);
        }
        digits(lx, base, what);
        if (base != 16 && is_digit_in(cur(lx), 10)) {
            char msg[64];
            snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", cur(lx),
                     base == 8 ? "octal" : "binary");
            lx_fail(lx, lx->line, lx->p - lx->line_start, msg);
        }
        if (is_id_char(cur(lx)))
            lx_fail(lx, lx->line, lx->p - lx->line_start, what);
        return;
    }
    bool isfloat = false;
    if (ch != '.') {
        digits(lx, 10, "invalid decimal literal");
    }
    if (cur(lx) == '.') {
        isfloat = true;
        lx->p++;
        if (is_digit_in(cur(lx), 10))
            digits(lx, 10, "invalid decimal literal");
    }
    if (cur(lx) == 'e' || cur(lx) == 'E') {
        int save = lx->p;
        lx->p++;
        if (cur(lx) == '+' || cur(lx) == '-')
            lx->p++;
        if (!is_digit_in(cur(lx), 10)) {
            lx->p = save;
            lx->p++;
            lx_fail(lx, lx->line, save - 1 - lx->line_start, "invalid decimal literal");
        }
        digits(lx, 10, "invalid decimal literal");
        isfloat = true;
    }
    if (cur(lx) == 'j' || cur(lx) == 'J') {
        lx->p++;
    } else if (!isfloat) {
        /* leading zeros */
        bool allzero = true;
        for (int i = start; i < lx->p; i++)
            if (lx->s[i] != '0' && lx->s[i] != '_')
                allzero = false;
        if (lx->s[start] == '0' && !allzero)
            lx_fail(lx, lx->line, start - lx->line_start,
                    "leading zeros in decimal integer literals are not permitted; "
                    "use an 0o prefix for octal integers");
    }
    if (is_id_start(cur(lx))) {
        /* "1if x else y" is legal (with a warning) in CPython; keywords only */
        int q = lx->p;
        while (q < lx->limit && is_id_char((unsigned char)lx->s[q]))
            q++;
        static const char *const ok[] = {"and", "else", "for", "if", "in", "is", "not", "or", NULL};
        bool fine = false;
        for (int i = 0; ok[i]; i++)
            if ((int)strlen(ok[i]) <= q - lx->p && memcmp(lx->s + lx->p, ok[i], strlen(ok[i])) == 0)
                fine = true;
        if (!fine)
            lx_fail(lx, lx->line, start - lx->line_start, "invalid decimal literal");
    }
}

/* ---- operators ---------------------------------------------------------- */

static TokKind lex_op(Lexer *lx)
{
    int a = cur(lx), b = peekc(lx, 1), c3 = peekc(lx, 2);
#define OP3(x, y, z, k) if (a == x && b == y && c3 == z) { lx->p += 3; return k; }
#define OP2(x, y, k) if (a == x && b == y) { lx->p += 2; return k; }
#define OP1(x, k) if (a == x) { lx->p += 1; return k; }
    OP3('<', '<', '=', T_LEFTSHIFTEQUAL) OP3('>', '>', '=', T_RIGHTSHIFTEQUAL)
    OP3('*', '*', '=', T_DOUBLESTAREQUAL) OP3('/', '/', '=', T_DOUBLESLASHEQUAL)
    OP3('.', '.', '.', T_ELLIPSIS)
    OP2('=', '=', T_EQEQUAL) OP2('!', '=', T_NOTEQUAL) OP2('<', '=', T_LESSEQUAL)
    OP2('>', '=', T_GREATEREQUAL) OP2('<', '<', T_LEFTSHIFT) OP2('>', '>', T_RIGHTSHIFT)
    OP2('*', '*', T_DOUBLESTAR) OP2('+', '=', T_PLUSEQUAL) OP2('-', '=', T_MINEQUAL)
    OP2('*', '=', T_STAREQUAL) OP2('/', '=', T_SLASHEQUAL) OP2('%', '=', T_PERCENTEQUAL)
    OP2('&', '=', T_AMPEREQUAL) OP2('|', '=', T_VBAREQUAL) OP2('^', '=', T_CIRCUMFLEXEQUAL)
    OP2('/', '/', T_DOUBLESLASH) OP2('@', '=', T_ATEQUAL) OP2('-', '>', T_RARROW)
    OP2(':', '=', T_COLONEQUAL) OP2('<', '>', T__COUNT)
    OP1('(', T_LPAR) OP1(')', T_RPAR) OP1('[', T_LSQB) OP1(']', T_RSQB) OP1('{', T_LBRACE)
    OP1('}', T_RBRACE) OP1(':', T_COLON) OP1(',', T_COMMA) OP1(';', T_SEMI)
    OP1('+', T_PLUS) OP1('-', T_MINUS) OP1('*', T_STAR) OP1('/', T_SLASH) OP1('|', T_VBAR)
    OP1('&', T_AMPER) OP1('<', T_LESS) OP1('>', T_GREATER) OP1('=', T_EQUAL) OP1('.', T_DOT)
    OP1('%', T_PERCENT) OP1('~', T_TILDE) OP1('^', T_CIRCUMFLEX) OP1('@', T_AT)
    OP1('!', T_EXCLAMATION)
#undef OP1
#undef OP2
#undef OP3
    return T__COUNT;
}

static void bad_char(Lexer *lx)
{
    int ch = cur(lx);
    int col = lx->p - lx->line_start;
    if (ch >= 0x80) {
        /* decode the code point (input is valid UTF-8) */
        unsigned cp;
        int n;
        if (ch >= 0xF0) { cp = (unsigned)ch & 7; n = 3; }
        else if (ch >= 0xE0) { cp = (unsigned)ch & 15; n = 2; }
        else { cp = (unsigned)ch & 31; n = 1; }
        for (int i = 1; i <= n; i++)
            cp = (cp << 6) | ((unsigned)peekc(lx, i) & 63);
        char buf[5] = {0};
        memcpy(buf, lx->s + lx->p, (size_t)n + 1);
        lang_fail(lx->c, LANG_ERR_SYNTAX, lx->line, col, "invalid character '%s' (U+%04X)", buf, cp);
    }
    if (ch == '$' || ch == '?' || ch == '`')
        lx_fail(lx, lx->line, col, "invalid syntax");
    lang_fail(lx->c, LANG_ERR_SYNTAX, lx->line, col, "invalid non-printable character U+%04X", (unsigned)ch);
}

static void push_bracket(Lexer *lx, char ch, int line, int col)
{
    if (lx->nbr >= LANG_MAX_NESTING)
        lang_fail(lx->c, LANG_ERR_LIMIT, line, col, "too many nested parentheses");
    if (lx->nbr == lx->capbr) {
        int cap = lx->capbr ? lx->capbr * 2 : 16;
        Arena *a = &lx->c->arena;
        lx->br = arena_grow(a, lx->br, (size_t)lx->nbr, (size_t)cap);
        lx->br_line = arena_grow(a, lx->br_line, sizeof(int) * (size_t)lx->nbr, sizeof(int) * (size_t)cap);
        lx->br_col = arena_grow(a, lx->br_col, sizeof(int) * (size_t)lx->nbr, sizeof(int) * (size_t)cap);
        lx->capbr = cap;
    }
    lx->br[lx->nbr] = ch;
    lx->br_line[lx->nbr] = line;
    lx->br_col[lx->nbr] = col;
    lx->nbr++;
}

static void close_bracket(Lexer *lx, char ch, int line, int col)
{
    char open = ch == ')' ? '(' : ch == ']' ? '[' : '{';
    if (lx->nbr == 0)
        lang_fail(lx->c, LANG_ERR_SYNTAX, line, col, "unmatched '%c'", ch);
    char top = lx->br[lx->nbr - 1];
    if (top != open) {
        if (lx->br_line[lx->nbr - 1] != line)
            lang_fail(lx->c, LANG_ERR_SYNTAX, line, col,
                      "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
                      ch, top, lx->br_line[lx->nbr - 1]);
        lang_fail(lx->c, LANG_ERR_SYNTAX, line, col,
                  "closing parenthesis '%c' does not match opening parenthesis '%c'", ch, top);
    }
    lx->nbr--;
}

/* Lexes one token at p (whitespace already skipped). */
static void lex_token(Lexer *lx)
{
    int start = lx->p, line = lx->line, col = lx->p - lx->line_start;
    int ch = cur(lx);
    if (is_id_start(ch)) {
        while (is_id_char(cur(lx)))
            lx->p++;
        int ch2 = cur(lx);
        bool raw, f, b;
        if ((ch2 == '\'' || ch2 == '"') && string_prefix(lx->s + start, lx->p - start, &raw, &f, &b)) {
            int l = lx->line;
            int end = lex_scan_string(lx->c, lx->p, lx->limit, f, raw, &l);
            /* advance line bookkeeping through the string */
            while (lx->p < end) {
                if (lx->s[lx->p] == '\n' || (lx->s[lx->p] == '\r' && !(lx->p + 1 < end && lx->s[lx->p + 1] == '\n'))) {
                    lx->p++;
                    newline_at(lx);
                } else {
                    lx->p++;
                }
            }
            push_tok(lx, T_STRING, start, line, col);
            return;
        }
        push_tok(lx, T_NAME, start, line, col);
        return;
    }
    if (ch == '\'' || ch == '"') {
        int l = lx->line;
        int end = lex_scan_string(lx->c, lx->p, lx->limit, false, false, &l);
        while (lx->p < end) {
            if (lx->s[lx->p] == '\n' || (lx->s[lx->p] == '\r' && !(lx->p + 1 < end && lx->s[lx->p + 1] == '\n'))) {
                lx->p++;
                newline_at(lx);
            } else {
                lx->p++;
            }
        }
        push_tok(lx, T_STRING, start, line, col);
        return;
    }
    if ((ch >= '0' && ch <= '9') || (ch == '.' && peekc(lx, 1) >= '0' && peekc(lx, 1) <= '9')) {
        lex_number(lx);
        push_tok(lx, T_NUMBER, start, line, col);
        return;
    }
    TokKind k = lex_op(lx);
    if (k == T__COUNT) {
        if (ch == '<' && peekc(lx, 1) == '>')
            lx_fail(lx, line, col, "invalid syntax");
        bad_char(lx);
    }
    if (k == T_EXCLAMATION && !lx->fexpr)
        lx_fail(lx, line, col, "invalid syntax");
    if (k == T_LPAR || k == T_LSQB || k == T_LBRACE)
        push_bracket(lx, lx->s[start], line, col);
    else if (k == T_RPAR || k == T_RSQB || k == T_RBRACE)
        close_bracket(lx, lx->s[start], line, col);
    push_tok(lx, k, start, line, col);
}

/* Skips spaces, tabs, form feeds, comments and (if join) newlines and
 * backslash continuations. Returns false at a significant newline. */
static void skip_space(Lexer *lx, bool join)
{
    for (;;) {
        int ch = cur(lx);
        if (ch == ' ' || ch == '\t' || ch == '\f') {
            lx->p++;
        } else if (ch == '#') {
            while (cur(lx) != -1 && cur(lx) != '\n' && cur(lx) != '\r')
                lx->p++;
        } else if (ch == '\\' && (peekc(lx, 1) == '\n' || peekc(lx, 1) == '\r')) {
            lx->p++;
            eat_newline(lx);
        } else if (ch == '\\' && peekc(lx, 1) == -1) {
            lx_fail(lx, lx->line, lx->p - lx->line_start, "unexpected EOF while parsing");
        } else if (ch == '\\') {
            lx_fail(lx, lx->line, lx->p + 1 - lx->line_start,
                    "unexpected character after line continuation character");
        } else if (join && (ch == '\n' || ch == '\r')) {
            eat_newline(lx);
        } else {
            return;
        }
    }
}

static void check_utf8(LangCtx *c)
{
    const unsigned char *s = (const unsigned char *)c->src;
    size_t n = c->len, i = 0;
    int line = 1;
    size_t ls = 0;
    while (i < n) {
        unsigned ch = s[i];
        if (ch == '\n') {
            line++;
            i++;
            ls = i;
            continue;
        }
        if (ch < 0x80) {
            if (ch == 0)
                lang_fail(c, LANG_ERR_SYNTAX, line, (int)(i - ls),
                          "source code cannot contain null bytes");
            i++;
            continue;
        }
        int need;
        unsigned min;
        if (ch >= 0xC2 && ch <= 0xDF) { need = 1; min = 0x80; }
        else if (ch >= 0xE0 && ch <= 0xEF) { need = 2; min = 0x800; }
        else if (ch >= 0xF0 && ch <= 0xF4) { need = 3; min = 0x10000; }
        else goto bad;
        {
            unsigned cp = ch & (need == 1 ? 0x1F : need == 2 ? 0x0F : 0x07);
            for (int k = 1; k <= need; k++) {
                if (i + (size_t)k >= n || (s[i + (size_t)k] & 0xC0) != 0x80)
                    goto bad;
                cp = (cp << 6) | (s[i + (size_t)k] & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
                goto bad;
        }
        i += (size_t)need + 1;
        continue;
    bad:
        /* CPython: "Non-UTF-8 code starting with '\xff' in file F on line N,
         * but no encoding declared; ..." (the file name is the caller's) */
        lang_fail(c, LANG_ERR_SYNTAX, line, (int)(i - ls),
                  "Non-UTF-8 code starting with '\\x%02x' on line %d, but no encoding declared; "
                  "see https://peps.python.org/pep-0263/ for details", ch, line);
    }
}

static void lex_file_impl(LangCtx *c, TokenList *out)
{
    Lexer lx = {0};
    lx.c = c;
    lx.s = c->src;
    lx.limit = (int)c->len;
    lx.line = 1;
    lx.out = out;
    /* skip a UTF-8 BOM */
    if (lx.limit >= 3 && memcmp(lx.s, "\xEF\xBB\xBF", 3) == 0)
        lx.p = 3;
    int *ind = NULL, *altind = NULL, nind = 1, capind = 0;
    capind = 16;
    ind = arena_alloc(&c->arena, sizeof(int) * 16);
    altind = arena_alloc(&c->arena, sizeof(int) * 16);
    ind[0] = altind[0] = 0;
    bool bol = true;
    bool line_has_tokens = false;
    for (;;) {
        if (bol && lx.nbr == 0) {
            int col = 0, alt = 0;
            int p0 = lx.p;
            for (;;) {
                int ch = cur(&lx);
                if (ch == ' ') { col++; alt++; }
                else if (ch == '\t') { col = (col / 8 + 1) * 8; alt++; }
                else if (ch == '\f') { col = alt = 0; }
                else break;
                lx.p++;
            }
            int ch = cur(&lx);
            if (ch == '#' || ch == '\n' || ch == '\r' || ch == -1 ||
                (ch == '\\' && (peekc(&lx, 1) == '\n' || peekc(&lx, 1) == '\r'))) {
                /* blank line: no indentation processing */
                if (ch == '#')
                    while (cur(&lx) != -1 && cur(&lx) != '\n' && cur(&lx) != '\r')
                        lx.p++;
                if (cur(&lx) == -1)
                    break;
                if (cur(&lx) == '\\') {
                    skip_space(&lx, false);
                    /* a continuation line: treat what follows as this line */
                    bol = false;
                    goto tokens;
                }
                eat_newline(&lx);
                continue;
            }
            (void)p0;
            int icol = lx.p - lx.line_start;
            if (col > ind[nind - 1]) {
                if (alt <= altind[nind - 1])
                    lang_fail(c, LANG_ERR_SYNTAX, lx.line, 0,
                              "inconsistent use of tabs and spaces in indentation");
                if (nind >= LANG_MAX_INDENT)
                    lang_fail(c, LANG_ERR_SYNTAX, lx.line, icol, "too many levels of indentation");
                if (nind == capind) {
                    ind = arena_grow(&c->arena, ind, sizeof(int) * (size_t)nind, sizeof(int) * (size_t)nind * 2);
                    altind = arena_grow(&c->arena, altind, sizeof(int) * (size_t)nind, sizeof(int) * (size_t)nind * 2);
                    capind = nind * 2;
                }
                ind[nind] = col;
                altind[nind] = alt;
                nind++;
                push_tok(&lx, T_INDENT, lx.line_start, lx.line, 0);
            } else {
                while (nind > 1 && col < ind[nind - 1]) {
                    nind--;
                    push_tok(&lx, T_DEDENT, lx.p, lx.line, icol);
                }
                if (col != ind[nind - 1]) {
                    /* CPython reports the end of the line */
                    int e = lx.p;
                    while (e < lx.limit && lx.s[e] != '\n' && lx.s[e] != '\r')
                        e++;
                    lang_fail(c, LANG_ERR_SYNTAX, lx.line, e - lx.line_start,
                              "unindent does not match any outer indentation level");
                }
                if (alt != altind[nind - 1])
                    lang_fail(c, LANG_ERR_SYNTAX, lx.line, 0,
                              "inconsistent use of tabs and spaces in indentation");
            }
            bol = false;
        }
    tokens:
        skip_space(&lx, lx.nbr > 0);
        int ch = cur(&lx);
        if (ch == -1)
            break;
        if (ch == '\n' || ch == '\r') {
            int line = lx.line, col = lx.p - lx.line_start, start = lx.p;
            eat_newline(&lx);
            if (line_has_tokens) {
                push_tok(&lx, T_NEWLINE, start, line, col);
                Token *t = &out->toks[out->n - 1];
                t->end_line = line;
                t->end_col = col + 1;
            }
            line_has_tokens = false;
            bol = true;
            continue;
        }
        lex_token(&lx);
        line_has_tokens = true;
    }
    if (lx.nbr > 0) {
        out->unclosed = lx.br[lx.nbr - 1];
        out->unclosed_line = lx.br_line[lx.nbr - 1];
        out->unclosed_col = lx.br_col[lx.nbr - 1];
    }
    if (line_has_tokens) {
        push_tok(&lx, T_NEWLINE, lx.p, lx.line, lx.p - lx.line_start);
        out->toks[out->n - 1].end_col++;
    }
    while (nind > 1) {
        nind--;
        push_tok(&lx, T_DEDENT, lx.p, lx.line, lx.p - lx.line_start);
    }
    push_tok(&lx, T_ENDMARKER, lx.p, lx.line, lx.p - lx.line_start);
}

void lex_file(LangCtx *c, TokenList *out)
{
    if (c->len > 0x3fffffff)
        lang_fail(c, LANG_ERR_LIMIT, 1, 0, "source file too large");
    check_utf8(c);   /* decoding errors come first, as in CPython */
    jmp_buf local;
    jmp_buf *outer = c->bail;
    c->bail = &local;
    if (setjmp(local) == 0) {
        lex_file_impl(c, out);
    } else {
        /* keep the tokens so far; the parser raises the error on reaching it */
        out->has_error = true;
        out->error = *c->err;
        int line = c->err->line;
        Token t = {T_ERRORTOKEN, (int)c->len, (int)c->len, line, 0, line, 0};
        if (out->n == out->cap) {
            int cap = out->cap ? out->cap * 2 : 16;
            out->toks = arena_grow(&c->arena, out->toks, sizeof(Token) * (size_t)out->n,
                                   sizeof(Token) * (size_t)cap);
            out->cap = cap;
        }
        out->toks[out->n++] = t;
    }
    c->bail = outer;
}

void lex_fstring_expr(LangCtx *c, int start, int limit, int line, int line_start, TokenList *out, int *stop)
{
    Lexer lx = {0};
    lx.c = c;
    lx.s = c->src;
    lx.p = start;
    lx.limit = limit;
    lx.line = line;
    lx.fexpr = true;
    lx.out = out;
    lx.line_start = line_start;
    for (;;) {
        skip_space(&lx, true);
        int ch = cur(&lx);
        if (ch == -1)
            lang_fail(c, LANG_ERR_SYNTAX, lx.line, lx.p - lx.line_start, "f-string: expecting '}'");
        if (lx.nbr == 0) {
            if (ch == '}' || ch == ':' || (ch == '!' && peekc(&lx, 1) != '=') ||
                (ch == '=' && peekc(&lx, 1) != '=')) {
                *stop = lx.p;
                break;
            }
        }
        lex_token(&lx);
    }
    push_tok(&lx, T_ENDMARKER, lx.p, lx.line, lx.p - lx.line_start);
}
