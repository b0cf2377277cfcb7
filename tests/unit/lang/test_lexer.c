/*
 * test_lexer.c - tokens, positions and tokenizer errors (lexer.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "lexer.h"

typedef struct LexRun {
    LangCtx c;
    jmp_buf bail;
    LangError err;
    TokenList tl;
    bool ok;
} LexRun;

static LexRun *run_n(const char *src, size_t len)
{
    LexRun *r = calloc(1, sizeof *r);
    r->c.src = src;
    r->c.len = len;
    r->c.err = &r->err;
    r->c.bail = &r->bail;
    if (setjmp(r->bail) == 0) {
        lex_file(&r->c, &r->tl);
        /* token errors are deferred to the parser: take them from the list */
        r->ok = !r->tl.has_error;
        if (r->tl.has_error)
            r->err = r->tl.error;
    }
    return r;
}

static LexRun *run(const char *src) { return run_n(src, strlen(src)); }

static void done(LexRun *r)
{
    arena_free(&r->c.arena);
    free(r);
}

/* kinds as a space-separated string of lex_kind_name() */
static char *kinds(LexRun *r)
{
    static char buf[4096];
    buf[0] = 0;
    for (int i = 0; i < r->tl.n; i++) {
        if (i) strcat(buf, " ");
        TokKind k = r->tl.toks[i].kind;
        if (k == T_NAME || k == T_NUMBER || k == T_STRING) {
            size_t n = strlen(buf);
            int len = r->tl.toks[i].end - r->tl.toks[i].start;
            snprintf(buf + n, sizeof buf - n, "%.*s", len, r->c.src + r->tl.toks[i].start);
        } else {
            strcat(buf, lex_kind_name(k));
        }
    }
    return buf;
}

static void expect_tokens(const char *src, const char *want)
{
    LexRun *r = run(src);
    if (!r->ok)
        fail_msg("lex error on %s: %s", src, r->err.message);
    assert_string_equal(kinds(r), want);
    done(r);
}

static void expect_error(const char *src, int line, int col, const char *msg)
{
    LexRun *r = run(src);
    assert_false(r->ok);
    assert_string_equal(r->err.message, msg);
    assert_int_equal(r->err.line, line);
    assert_int_equal(r->err.col, col);
    done(r);
}

static void test_simple(void **state)
{
    (void)state;
    expect_tokens("x = 1\n", "x = 1 newline end of file");
    expect_tokens("a+=b**2//c", "a += b ** 2 // c newline end of file");
    expect_tokens("x<<=1 ... -> :=", "x <<= 1 ... -> := newline end of file");
    expect_tokens("", "end of file");
    expect_tokens("# only a comment\n\n", "end of file");
}

static void test_indent(void **state)
{
    (void)state;
    expect_tokens("if x:\n    y\n    z\nw\n",
                  "if x : newline indent y newline z newline dedent w newline end of file");
    expect_tokens("if x:\n  if y:\n    z\n", "if x : newline indent if y : newline indent z newline dedent dedent end of file");
    /* blank lines and comments do not indent; brackets join lines */
    expect_tokens("f(1,\n      2)\n  # c\n\ng\n", "f ( 1 , 2 ) newline g newline end of file");
    expect_tokens("x = 1 + \\\n  2\n", "x = 1 + 2 newline end of file");
    expect_tokens("if x:\n\ty\n", "if x : newline indent y newline dedent end of file");
}

static void test_numbers(void **state)
{
    (void)state;
    expect_tokens("1_000 0x_ff 0o17 0b101 1e-3 1_000.5 .5 5. 1j",
                  "1_000 0x_ff 0o17 0b101 1e-3 1_000.5 .5 5. 1j newline end of file");
    expect_error("x = 1__0", 1, 6, "invalid decimal literal");
    expect_error("x = 0x", 1, 6, "invalid hexadecimal literal");
    expect_error("x = 0777", 1, 5,
                 "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
    expect_error("x = 0b12", 1, 8, "invalid digit '2' in binary literal");
}

static void test_strings(void **state)
{
    (void)state;
    expect_tokens("'a' \"b\" '''c\nd''' r'\\'' f\"{x}\" rf'{y}' u'z'",
                  "'a' \"b\" '''c\nd''' r'\\'' f\"{x}\" rf'{y}' u'z' newline end of file");
    /* 3.12: the same quote may be reused inside a replacement field */
    expect_tokens("f\"{x[\"a\"]}\" + 1", "f\"{x[\"a\"]}\" + 1 newline end of file");
    expect_tokens("f'{f'{1}'}'", "f'{f'{1}'}' newline end of file");
    expect_tokens("'a\\\nb'", "'a\\\nb' newline end of file");
    expect_error("s = 'abc\nx = 1\n", 1, 5, "unterminated string literal (detected at line 1)");
    expect_error("s = '''abc\n\nx\n", 1, 5, "unterminated triple-quoted string literal (detected at line 3)");
}

static void test_positions(void **state)
{
    (void)state;
    LexRun *r = run("ab = 'é' + cd\n  \nfoo(\n  x)\n");
    assert_true(r->ok);
    Token *t = r->tl.toks;
    assert_int_equal(t[0].line, 1);
    assert_int_equal(t[0].col, 0);
    assert_int_equal(t[0].end_col, 2);
    assert_int_equal(t[2].col, 5);       /* the string */
    assert_int_equal(t[2].end_col, 9);   /* é is two bytes */
    assert_int_equal(t[4].col, 12);      /* cd: byte columns */
    assert_int_equal(t[6].line, 3);      /* foo */
    assert_int_equal(t[8].line, 4);      /* x */
    assert_int_equal(t[8].col, 2);
    done(r);
}

static void test_errors(void **state)
{
    (void)state;
    LexRun *u = run("x = (1,\n2\n");
    assert_true(u->ok);   /* reported by the parser, at the end of the file */
    assert_int_equal(u->tl.unclosed, '(');
    assert_int_equal(u->tl.unclosed_line, 1);
    assert_int_equal(u->tl.unclosed_col, 4);
    done(u);
    expect_error("x = (1, 2]", 1, 10, "closing parenthesis ']' does not match opening parenthesis '('");
    expect_error("x = 1)", 1, 6, "unmatched ')'");
    expect_error("if x:\n    y\n  z\n", 3, 4, "unindent does not match any outer indentation level");
    expect_error("x = $", 1, 5, "invalid syntax");
    expect_error("x = 1 \\ 2", 1, 8, "unexpected character after line continuation character");
    LexRun *r = run_n("x = 'a'\0", 8);
    assert_false(r->ok);
    assert_string_equal(r->err.message, "source code cannot contain null bytes");
    done(r);
    /* errors report characters, not bytes */
    expect_error("é = 'abc", 1, 5, "unterminated string literal (detected at line 1)");
}

static void test_invalid_utf8(void **state)
{
    (void)state;
    const char bad[] = "x = 1\ny = '\xff'\n";
    LexRun *r = run(bad);
    assert_false(r->ok);
    assert_int_equal(r->err.line, 2);
    assert_non_null(strstr(r->err.message, "Non-UTF-8 code starting with '\\xff' on line 2"));
    done(r);
    const char trunc[] = "x = '\xe2\x82'";
    r = run(trunc);
    assert_false(r->ok);
    done(r);
    const char overlong[] = "x = '\xc0\xaf'";
    r = run(overlong);
    assert_false(r->ok);
    done(r);
}

static void test_nesting_limit(void **state)
{
    (void)state;
    char *src = malloc(1000);
    memset(src, '(', 999);
    src[999] = 0;
    LexRun *r = run(src);
    assert_false(r->ok);
    assert_int_equal(r->tl.toks[r->tl.n - 1].kind, T_ERRORTOKEN);
    assert_int_equal(r->tl.n, LANG_MAX_NESTING + 1);
    assert_int_equal(r->err.kind, LANG_ERR_LIMIT);
    assert_string_equal(r->err.message, "too many nested parentheses");
    done(r);
    free(src);
}

static void test_fstring_expr(void **state)
{
    (void)state;
    const char *src = "f'{a + b!r:>{w}}'";
    LexRun *r = run(src);
    assert_true(r->ok);
    TokenList tl = {0};
    int stop = -1;
    if (setjmp(r->bail) == 0) {
        lex_fstring_expr(&r->c, 3, (int)strlen(src) - 1, 1, 0, &tl, &stop);
    } else {
        fail_msg("%s", r->err.message);
    }
    assert_int_equal(stop, 8);             /* the '!' */
    assert_int_equal(tl.n, 4);             /* a + b end */
    assert_int_equal(tl.toks[2].col, 7);
    done(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_simple),
        cmocka_unit_test(test_indent),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_strings),
        cmocka_unit_test(test_positions),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_nesting_limit),
        cmocka_unit_test(test_fstring_expr),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
