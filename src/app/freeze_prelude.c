/*
 * freeze_prelude.c - run while loopscope is built: compiles one of its
 * Python preludes (src/sim/NAME.py) as vm_run_frozen will run it, so that
 * start-up and a first import load code instead of compiling it.
 *
 * Usage: freeze_prelude IN.py NAME OUT.h
 * writes to OUT.h `static const unsigned char NAME[]`, the source text
 * with a NUL after it (for its #@ marks: stdframes.h), and NAME_frozen[],
 * the Proto tree (frozen.h). A prelude that does not compile fails the
 * build, with its position.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "frozen.h"
#include "internal.h"
#include "lang.h"

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    for (size_t got; buf && (got = fread(buf + n, 1, cap - n, f)) > 0;) {
        n += got;
        if (n == cap)
            buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    *len = n;
    return buf;
}

/* Thawing what was frozen gives the same bytes again: what the binary
 * will load is what the compiler made. */
static int check_round_trip(const unsigned char *bytes, size_t len)
{
    Proto *back = proto_thaw(bytes, len);
    if (!back)
        return -1;
    size_t len2;
    unsigned char *again = proto_freeze(back, &len2);
    int rc = len2 == len && memcmp(again, bytes, len) == 0 ? 0 : -1;
    free(again);
    proto_free(back);
    return rc;
}

static void write_array(FILE *f, const char *name, const char *suffix, const unsigned char *bytes, size_t len,
                        const char *tail)
{
    fprintf(f, "static const unsigned char %s%s[] = {", name, suffix);
    for (size_t i = 0; i < len; i++)
        fprintf(f, "%s0x%02x,", i % 16 ? "" : "\n", bytes[i]);
    fprintf(f, "%s\n};\n", tail);
}

static int write_header(const char *path, const char *name, const char *src, size_t src_len,
                        const unsigned char *bytes, size_t len)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fprintf(f, "/* generated from %s.py by freeze_prelude (src/app/freeze_prelude.c) */\n", name);
    write_array(f, name, "", (const unsigned char *)src, src_len, " 0x00,");
    write_array(f, name, "_frozen", bytes, len, "");
    return fclose(f) == 0 ? 0 : -1;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: freeze_prelude IN.py NAME OUT.h\n");
        return 2;
    }
    size_t len;
    char *src = read_file(argv[1], &len);
    if (!src) {
        perror(argv[1]);
        return 1;
    }
    LangError err = { 0 };
    Proto *p = lang_compile(src, len, vm_module_names, &err);
    if (!p) {
        fprintf(stderr, "%s:%d:%d: %s\n", argv[1], err.line, err.col, err.message);
        return 1;
    }
    size_t nbytes;
    unsigned char *bytes = proto_freeze(p, &nbytes);
    if (check_round_trip(bytes, nbytes) < 0) {
        fprintf(stderr, "%s: the frozen code does not thaw to itself\n", argv[1]);
        return 1;
    }
    if (write_header(argv[3], argv[2], src, len, bytes, nbytes) < 0) {
        perror(argv[3]);
        return 1;
    }
    free(bytes);
    proto_free(p);
    free(src);
    return 0;
}
