/*
 * bytes.c - the bytes type: literals (b'...'), bytes(), str.encode() and
 * bytes.decode() (UTF-8, ASCII, Latin-1), indexing, slicing, iteration,
 * comparisons, hashing, + and *, `in`, CPython's repr and the common
 * methods, with CPython's error messages.
 *
 * A bytes object is a C object (OBJ_NATIVE_DATA) whose class defines its
 * special methods natively, as contextvars' objects do, so the generic
 * operations (ops.c) reach them through the class; its bytes live in a
 * counted buffer of their own, freed with it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "vm.h"
#include "internal.h"
#include "numops.h"

typedef struct Bytes {
    NativeData hdr;
    int64_t hash;          /* -1 until computed */
    size_t len;
    uint8_t *data;         /* NULL when empty */
} Bytes;

static void bytes_finalize(VM *vm, Obj *o)
{
    Bytes *b = (Bytes *)o;
    vm_free_mem(vm, b->data, b->len);
}

static const NativeType bytes_type = { .name = "bytes", .finalize = bytes_finalize, .size = sizeof(Bytes) };

bool vm_is_bytes(Value v)
{
    return IS_KIND(v, OBJ_NATIVE_DATA) && ((NativeData *)AS_OBJ(v))->type == &bytes_type;
}

#define AS_BYTES(v) ((Bytes *)AS_OBJ(v))

/* A new bytes object of len bytes, copied from data unless it is NULL
 * (then zeroed). */
static Bytes *bytes_alloc(VM *vm, const void *data, size_t len)
{
    Bytes *b = vm_alloc_obj(vm, sizeof(Bytes), OBJ_NATIVE_DATA, TYPE(vm, bytes));
    b->hdr.type = &bytes_type;
    b->hash = -1;
    if (len) {
        b->data = vm_realloc(vm, NULL, 0, len);
        if (data)
            memcpy(b->data, data, len);
        else
            memset(b->data, 0, len);
        b->len = len;
    }
    return b;
}

Value bytes_new(VM *vm, const void *data, size_t len)
{
    return VOBJ(bytes_alloc(vm, data, len));
}

/* ---- a growing byte buffer ------------------------------------------------ */

typedef struct ByteBuf {
    uint8_t *p;
    size_t n, cap;
} ByteBuf;

static void bb_put(ByteBuf *b, const void *s, size_t n)
{
    if (b->n + n > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        while (cap < b->n + n)
            cap *= 2;
        b->p = realloc(b->p, cap);
        if (!b->p)
            abort();
        b->cap = cap;
    }
    if (n)
        memcpy(b->p + b->n, s, n);
    b->n += n;
}

static Value bb_bytes(VM *vm, ByteBuf *b)
{
    Value r = bytes_new(vm, b->p, b->n);
    free(b->p);
    return r;
}

static Value bb_str(VM *vm, ByteBuf *b)
{
    Value r = VOBJ(str_new(vm, (const char *)b->p, b->n));
    free(b->p);
    return r;
}

/* ---- repr ------------------------------------------------------------------- */

static Value bytes_repr(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "__repr__", nargs, kwnames, 1, 1) < 0)
        return VNULL;
    Bytes *b = AS_BYTES(args[0]);
    bool sq = b->len && memchr(b->data, '\'', b->len), dq = b->len && memchr(b->data, '"', b->len);
    char q = sq && !dq ? '"' : '\'';
    ByteBuf out = {0};
    bb_put(&out, "b", 1);
    bb_put(&out, &q, 1);
    for (size_t i = 0; i < b->len; i++) {
        uint8_t c = b->data[i];
        char esc[5];
        if (c == (uint8_t)q || c == '\\') {
            esc[0] = '\\';
            esc[1] = (char)c;
            bb_put(&out, esc, 2);
        } else if (c == '\t' || c == '\n' || c == '\r') {
            esc[0] = '\\';
            esc[1] = c == '\t' ? 't' : c == '\n' ? 'n' : 'r';
            bb_put(&out, esc, 2);
        } else if (c < 0x20 || c >= 0x7f) {
            snprintf(esc, sizeof esc, "\\x%02x", c);
            bb_put(&out, esc, 4);
        } else {
            bb_put(&out, &c, 1);
        }
    }
    bb_put(&out, &q, 1);
    return bb_str(vm, &out);
}

/* ---- arguments -------------------------------------------------------------- */

/* The bytes of a bytes argument, or NULL after raising CPython's
 * "a bytes-like object is required" (what most methods say). */
static Bytes *bytes_arg(VM *vm, Value v)
{
    if (vm_is_bytes(v))
        return AS_BYTES(v);
    vm_raise(vm, EXC_TypeError, "a bytes-like object is required, not '%s'", vm_type_name(vm, v));
    return NULL;
}

/* One byte given as an int (`in`, find, count...): 0..255 or raises. */
static int byte_arg(VM *vm, Value v, uint8_t *out)
{
    int64_t n;
    if (vm_index(vm, v, &n) < 0)
        return -1;
    if (n < 0 || n > 255) {
        vm_raise(vm, EXC_ValueError, "byte must be in range(0, 256)");
        return -1;
    }
    *out = (uint8_t)n;
    return 0;
}

/* Where needle first occurs in hay[from..to), or -1. */
static int64_t find_in(const Bytes *hay, const uint8_t *needle, size_t nlen, size_t from, size_t to)
{
    if (to > hay->len)
        to = hay->len;
    for (size_t i = from; i + nlen <= to; i++)
        if (nlen == 0 || memcmp(hay->data + i, needle, nlen) == 0)
            return (int64_t)i;
    return -1;
}

/* ---- special methods ------------------------------------------------------- */

static Value bytes_len(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "__len__", nargs, kwnames, 1, 1) < 0)
        return VNULL;
    return VINT((int64_t)AS_BYTES(args[0])->len);
}

static Value bytes_getitem(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "__getitem__", nargs, kwnames, 2, 2) < 0)
        return VNULL;
    Bytes *b = AS_BYTES(args[0]);
    Value key = args[1];
    if (IS_KIND(key, OBJ_SLICE)) {
        int64_t start, stop, step, n;
        if (slice_indices(vm, (Slice *)AS_OBJ(key), (int64_t)b->len, &start, &stop, &step, &n) < 0)
            return VNULL;
        Bytes *r = bytes_alloc(vm, NULL, (size_t)n);
        for (int64_t i = 0; i < n; i++)
            r->data[i] = b->data[start + i * step];
        return VOBJ(r);
    }
    int64_t i;
    if (!vm_small_int(key, &i) && !IS_BIGINT(key) && IS_NULL(vm_lookup_special(vm, key, vm->sn[SN_index])))
        return vm_raise(vm, EXC_TypeError, "byte indices must be integers or slices, not %s", vm_type_name(vm, key));
    if (vm_index(vm, key, &i) < 0)
        return VNULL;
    if (i < 0)
        i += (int64_t)b->len;
    if (i < 0 || i >= (int64_t)b->len)
        return vm_raise(vm, EXC_IndexError, "index out of range");
    return VINT(b->data[i]);
}

static int bytes_iter_next(VM *vm, Iter *it, Value *out)
{
    (void)vm;
    Bytes *b = AS_BYTES(it->a);
    if ((size_t)it->i >= b->len)
        return 0;
    *out = VINT(b->data[it->i++]);
    return 1;
}

static Value bytes_iter(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "__iter__", nargs, kwnames, 1, 1) < 0)
        return VNULL;
    return VOBJ(iter_new(vm, bytes_iter_next, args[0]));
}

static Value bytes_contains(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "__contains__", nargs, kwnames, 2, 2) < 0)
        return VNULL;
    Bytes *b = AS_BYTES(args[0]);
    if (vm_is_bytes(args[1])) {
        Bytes *n = AS_BYTES(args[1]);
        return VBOOL(find_in(b, n->data, n->len, 0, b->len) >= 0);
    }
    if (!num_is_int(args[1]))
        return vm_raise(vm, EXC_TypeError, "a bytes-like object is required, not '%s'", vm_type_name(vm, args[1]));
    uint8_t c;
    if (byte_arg(vm, args[1], &c) < 0)
        return VNULL;
    return VBOOL(b->len && memchr(b->data, c, b->len));
}

static int bytes_cmp(const Bytes *a, const Bytes *b)
{
    size_t n = a->len < b->len ? a->len : b->len;
    int c = n ? memcmp(a->data, b->data, n) : 0;
    if (c)
        return c < 0 ? -1 : 1;
    return (a->len > b->len) - (a->len < b->len);
}

static Value bytes_compare(VM *vm, Value *args, int nargs, Tuple *kwnames, CmpKind op)
{
    if (vm_check_nargs(vm, "comparison", nargs, kwnames, 2, 2) < 0)
        return VNULL;
    if (!vm_is_bytes(args[1]))
        return vm->not_implemented;
    return vm_cmp_result(bytes_cmp(AS_BYTES(args[0]), AS_BYTES(args[1])), op);
}

DEFINE_COMPARE_NATIVES(bytes, bytes_compare)

/* As str's hash of the same characters (CPython's are equal for ASCII). */
static Value bytes_hash(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "__hash__", nargs, kwnames, 1, 1) < 0)
        return VNULL;
    Bytes *b = AS_BYTES(args[0]);
    if (b->hash == -1)
        b->hash = hash_bytes(b->data, b->len);
    return VINT(b->hash);
}

static Value bytes_add(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "__add__", nargs, kwnames, 2, 2) < 0)
        return VNULL;
    if (!vm_is_bytes(args[1]))
        return vm_raise(vm, EXC_TypeError, "can't concat %s to bytes", vm_type_name(vm, args[1]));
    Bytes *a = AS_BYTES(args[0]), *b = AS_BYTES(args[1]);
    Bytes *r = bytes_alloc(vm, NULL, a->len + b->len);
    if (a->len)
        memcpy(r->data, a->data, a->len);
    if (b->len)
        memcpy(r->data + a->len, b->data, b->len);
    return VOBJ(r);
}

static Value bytes_mul(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "__mul__", nargs, kwnames, 2, 2) < 0)
        return VNULL;
    int64_t n;
    if (!num_is_int(args[1]))
        return vm_raise(vm, EXC_TypeError, "can't multiply sequence by non-int of type '%s'",
                        vm_type_name(vm, args[1]));
    if (vm_index(vm, args[1], &n) < 0)
        return VNULL;
    Bytes *b = AS_BYTES(args[0]);
    if (n <= 0 || b->len == 0)
        return bytes_new(vm, NULL, 0);
    if ((uint64_t)n > ((size_t)1 << 40) / b->len)
        return vm_raise(vm, EXC_MemoryError, "%s", "");
    Bytes *r = bytes_alloc(vm, NULL, b->len * (size_t)n);
    for (int64_t i = 0; i < n; i++)
        memcpy(r->data + (size_t)i * b->len, b->data, b->len);
    return VOBJ(r);
}

/* ---- codecs ------------------------------------------------------------------ */

typedef enum Codec { CODEC_UTF8, CODEC_ASCII, CODEC_LATIN1 } Codec;

/* The codec an encoding names (as CPython normalizes the name), and its
 * name in messages; -1 after raising LookupError. */
static int codec_of(VM *vm, Value enc, const char **name)
{
    if (IS_NULL(enc)) {
        *name = "utf-8";
        return CODEC_UTF8;
    }
    if (!IS_STR(enc)) {
        vm_raise(vm, EXC_TypeError, "argument 'encoding' must be str, not %s", vm_type_name(vm, enc));
        return -1;
    }
    char norm[32];
    size_t n = 0;
    for (const char *p = AS_STR(enc)->data; *p && n + 1 < sizeof norm; p++)
        norm[n++] = *p == '_' || *p == ' ' ? '-' : (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
    norm[n] = '\0';
    static const struct { const char *alias; Codec c; const char *name; } known[] = {
        { "utf-8", CODEC_UTF8, "utf-8" }, { "utf8", CODEC_UTF8, "utf-8" },
        { "ascii", CODEC_ASCII, "ascii" }, { "us-ascii", CODEC_ASCII, "ascii" },
        { "latin-1", CODEC_LATIN1, "latin-1" }, { "latin1", CODEC_LATIN1, "latin-1" },
        { "iso-8859-1", CODEC_LATIN1, "latin-1" }, { "iso8859-1", CODEC_LATIN1, "latin-1" },
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (strcmp(norm, known[i].alias) == 0) {
            *name = known[i].name;
            return (int)known[i].c;
        }
    vm_raise(vm, EXC_LookupError, "unknown encoding: %s", AS_STR(enc)->data);
    return -1;
}

typedef enum ErrMode { ERR_STRICT, ERR_IGNORE, ERR_REPLACE } ErrMode;

static int errors_of(VM *vm, Value errors, ErrMode *out)
{
    *out = ERR_STRICT;
    if (IS_NULL(errors))
        return 0;
    if (!IS_STR(errors)) {
        vm_raise(vm, EXC_TypeError, "argument 'errors' must be str, not %s", vm_type_name(vm, errors));
        return -1;
    }
    const char *e = AS_STR(errors)->data;
    if (strcmp(e, "ignore") == 0)
        *out = ERR_IGNORE;
    else if (strcmp(e, "replace") == 0)
        *out = ERR_REPLACE;
    else if (strcmp(e, "strict") != 0) {
        vm_raise(vm, EXC_LookupError, "unknown error handler name '%s'", e);
        return -1;
    }
    return 0;
}

/* The length of the valid UTF-8 sequence at s[0..n), or 0 with *why set
 * (CPython's reasons) and *bad the number of bytes it reports. */
static size_t utf8_seq(const uint8_t *s, size_t n, const char **why, size_t *bad)
{
    uint8_t c = s[0];
    if (c < 0x80)
        return 1;
    size_t need = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    *bad = 1;
    if (!need) {
        *why = "invalid start byte";
        return 0;
    }
    for (size_t k = 1; k < need; k++) {
        if (k >= n) {
            *why = "unexpected end of data";
            *bad = k;
            return 0;
        }
        uint8_t lo = 0x80, hi = 0xBF;
        if (k == 1) {   /* no overlongs, surrogates or code points past U+10FFFF */
            if (c == 0xE0) lo = 0xA0;
            if (c == 0xED) hi = 0x9F;
            if (c == 0xF0) lo = 0x90;
            if (c == 0xF4) hi = 0x8F;
        }
        if (s[k] < lo || s[k] > hi) {
            *why = "invalid continuation byte";
            *bad = k;
            return 0;
        }
    }
    return need;
}

static Value decode_error(VM *vm, const char *codec, const Bytes *b, size_t pos, size_t nbad, const char *why)
{
    if (nbad == 1)
        return vm_raise(vm, EXC_UnicodeDecodeError, "'%s' codec can't decode byte 0x%02x in position %zu: %s",
                        codec, b->data[pos], pos, why);
    return vm_raise(vm, EXC_UnicodeDecodeError, "'%s' codec can't decode bytes in position %zu-%zu: %s",
                    codec, pos, pos + nbad - 1, why);
}

Value bytes_decode(VM *vm, Value self, Value encoding, Value errors)
{
    const char *name;
    int codec = codec_of(vm, encoding, &name);
    ErrMode mode;
    if (codec < 0 || errors_of(vm, errors, &mode) < 0)
        return VNULL;
    Bytes *b = AS_BYTES(self);
    ByteBuf out = {0};
    for (size_t i = 0; i < b->len;) {
        uint8_t c = b->data[i];
        if (codec == CODEC_LATIN1 || c < 0x80) {
            char u[2] = { (char)(0xC0 | (c >> 6)), (char)(0x80 | (c & 63)) };
            if (c < 0x80)
                bb_put(&out, &c, 1);
            else
                bb_put(&out, u, 2);
            i++;
            continue;
        }
        const char *why = "ordinal not in range(128)";
        size_t nbad = 1, n = codec == CODEC_UTF8 ? utf8_seq(b->data + i, b->len - i, &why, &nbad) : 0;
        if (n) {
            bb_put(&out, b->data + i, n);
            i += n;
            continue;
        }
        if (mode == ERR_STRICT) {
            free(out.p);
            return decode_error(vm, name, b, i, nbad, why);
        }
        if (mode == ERR_REPLACE)
            bb_put(&out, "\xEF\xBF\xBD", 3);   /* U+FFFD */
        i += nbad;
    }
    return bb_str(vm, &out);
}

/* The code point of the UTF-8 sequence at s (valid: a str's). */
static unsigned utf8_cp(const uint8_t *s, size_t *len)
{
    if (s[0] < 0x80) { *len = 1; return s[0]; }
    if (s[0] < 0xE0) { *len = 2; return (unsigned)(s[0] & 31) << 6 | (s[1] & 63); }
    if (s[0] < 0xF0) { *len = 3; return (unsigned)(s[0] & 15) << 12 | (unsigned)(s[1] & 63) << 6 | (s[2] & 63); }
    *len = 4;
    return (unsigned)(s[0] & 7) << 18 | (unsigned)(s[1] & 63) << 12 | (unsigned)(s[2] & 63) << 6 | (s[3] & 63);
}

static Value encode_error(VM *vm, const char *codec, unsigned cp, size_t first, size_t last, unsigned limit)
{
    char ch[16];
    snprintf(ch, sizeof ch, cp < 0x100 ? "\\x%02x" : cp < 0x10000 ? "\\u%04x" : "\\U%08x", cp);
    if (first == last)
        return vm_raise(vm, EXC_UnicodeEncodeError,
                        "'%s' codec can't encode character '%s' in position %zu: ordinal not in range(%u)",
                        codec, ch, first, limit);
    return vm_raise(vm, EXC_UnicodeEncodeError,
                    "'%s' codec can't encode characters in position %zu-%zu: ordinal not in range(%u)",
                    codec, first, last, limit);
}

/* str.encode(encoding='utf-8', errors='strict') */
static Value str_encode(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    static const char *const params[] = { "encoding", "errors", NULL };
    Value a[2];
    if (vm_bind_args(vm, "encode", args + 1, nargs - 1, kwnames, params, 0, 2, a) < 0)
        return VNULL;
    const char *name;
    int codec = codec_of(vm, a[0], &name);
    ErrMode mode;
    if (codec < 0 || errors_of(vm, a[1], &mode) < 0)
        return VNULL;
    Str *s = AS_STR(args[0]);
    if (codec == CODEC_UTF8 || s->ascii)
        return bytes_new(vm, s->data, s->len);
    unsigned limit = codec == CODEC_ASCII ? 128 : 256;
    ByteBuf out = {0};
    const uint8_t *p = (const uint8_t *)s->data;
    for (size_t i = 0, pos = 0; i < s->len; pos++) {
        size_t n;
        unsigned cp = utf8_cp(p + i, &n);
        i += n;
        if (cp < limit) {
            uint8_t c = (uint8_t)cp;
            bb_put(&out, &c, 1);
        } else if (mode == ERR_REPLACE) {
            bb_put(&out, "?", 1);
        } else if (mode == ERR_STRICT) {
            /* CPython names the whole run of characters it cannot encode */
            size_t last = pos;
            for (size_t j = i; j < s->len; last++) {
                size_t m;
                if (utf8_cp(p + j, &m) < limit)
                    break;
                j += m;
            }
            free(out.p);
            return encode_error(vm, name, cp, pos, last, limit);
        }
    }
    return bb_bytes(vm, &out);
}

static Value bytes_decode_method(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    static const char *const params[] = { "encoding", "errors", NULL };
    Value a[2];
    if (vm_bind_args(vm, "decode", args + 1, nargs - 1, kwnames, params, 0, 2, a) < 0)
        return VNULL;
    return bytes_decode(vm, args[0], a[0], a[1]);
}

/* ---- hex ---------------------------------------------------------------------- */

static Value bytes_hex(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "hex", nargs, kwnames, 1, 1) < 0)
        return VNULL;
    Bytes *b = AS_BYTES(args[0]);
    ByteBuf out = {0};
    for (size_t i = 0; i < b->len; i++) {
        char h[3];
        snprintf(h, sizeof h, "%02x", b->data[i]);
        bb_put(&out, h, 2);
    }
    return bb_str(vm, &out);
}

static int hex_digit(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* bytes.fromhex(string): pairs of hex digits, spaces between pairs */
static Value bytes_fromhex(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "fromhex", nargs, kwnames, 1, 1) < 0)
        return VNULL;
    if (!IS_STR(args[0]))
        return vm_raise(vm, EXC_TypeError, "fromhex() argument must be str, not %s", vm_type_name(vm, args[0]));
    Str *s = AS_STR(args[0]);
    ByteBuf out = {0};
    for (size_t i = 0; i < s->len;) {
        if (s->data[i] == ' ') {
            i++;
            continue;
        }
        int hi = hex_digit(s->data[i]), lo = i + 1 < s->len ? hex_digit(s->data[i + 1]) : -1;
        if (hi < 0 || lo < 0) {
            free(out.p);
            return vm_raise(vm, EXC_ValueError, "non-hexadecimal number found in fromhex() arg at position %zu",
                            hi < 0 ? i : i + 1);
        }
        uint8_t c = (uint8_t)(hi * 16 + lo);
        bb_put(&out, &c, 1);
        i += 2;
    }
    return bb_bytes(vm, &out);
}

/* ---- searching ----------------------------------------------------------------- */

/* The needle of find/count/index...: bytes, or one byte as an int. */
static int needle_arg(VM *vm, Value v, const uint8_t **p, size_t *n, uint8_t *one)
{
    if (vm_is_bytes(v)) {
        *p = AS_BYTES(v)->data;
        *n = AS_BYTES(v)->len;
        return 0;
    }
    if (!num_is_int(v)) {
        vm_raise(vm, EXC_TypeError, "argument should be integer or bytes-like object, not '%s'", vm_type_name(vm, v));
        return -1;
    }
    if (byte_arg(vm, v, one) < 0)
        return -1;
    *p = one;
    *n = 1;
    return 0;
}

static Value search(VM *vm, Value *args, int nargs, Tuple *kwnames, const char *name)
{
    if (vm_check_nargs(vm, name, nargs, kwnames, 2, 2) < 0)
        return VNULL;
    Bytes *b = AS_BYTES(args[0]);
    const uint8_t *p;
    size_t n;
    uint8_t one;
    if (needle_arg(vm, args[1], &p, &n, &one) < 0)
        return VNULL;
    if (strcmp(name, "count") == 0) {
        int64_t count = 0;
        for (int64_t at = find_in(b, p, n, 0, b->len); at >= 0;
             at = find_in(b, p, n, (size_t)at + (n ? n : 1), b->len))
            count++;
        return VINT(count);
    }
    int64_t at = find_in(b, p, n, 0, b->len);
    if (at < 0 && strcmp(name, "index") == 0)
        return vm_raise(vm, EXC_ValueError, "subsection not found");
    return VINT(at);
}

static Value bytes_find(VM *vm, Value *a, int n, Tuple *k) { return search(vm, a, n, k, "find"); }
static Value bytes_index(VM *vm, Value *a, int n, Tuple *k) { return search(vm, a, n, k, "index"); }
static Value bytes_count(VM *vm, Value *a, int n, Tuple *k) { return search(vm, a, n, k, "count"); }

/* startswith/endswith: bytes, or a tuple of them */
static Value affix(VM *vm, Value *args, int nargs, Tuple *kwnames, bool end)
{
    const char *name = end ? "endswith" : "startswith";
    if (vm_check_nargs(vm, name, nargs, kwnames, 2, 2) < 0)
        return VNULL;
    Bytes *b = AS_BYTES(args[0]);
    Value *items = &args[1];
    size_t count = 1;
    if (IS_TUPLE(args[1])) {
        items = AS_TUPLE(args[1])->items;
        count = AS_TUPLE(args[1])->len;
    }
    for (size_t i = 0; i < count; i++) {
        if (!vm_is_bytes(items[i]))
            return vm_raise(vm, EXC_TypeError, "%s first arg must be bytes or a tuple of bytes, not %s", name,
                            vm_type_name(vm, items[i]));
        Bytes *x = AS_BYTES(items[i]);
        if (x->len <= b->len && (x->len == 0 || memcmp(b->data + (end ? b->len - x->len : 0), x->data, x->len) == 0))
            return VBOOL(true);
    }
    return VBOOL(false);
}

static Value bytes_startswith(VM *vm, Value *a, int n, Tuple *k) { return affix(vm, a, n, k, false); }
static Value bytes_endswith(VM *vm, Value *a, int n, Tuple *k) { return affix(vm, a, n, k, true); }

/* ---- making new bytes ----------------------------------------------------------- */

static bool is_space(uint8_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* strip/lstrip/rstrip(chars=None): which = 1 left, 2 right, 3 both */
static Value strip(VM *vm, Value *args, int nargs, Tuple *kwnames, const char *name, int which)
{
    if (vm_check_nargs(vm, name, nargs, kwnames, 1, 2) < 0)
        return VNULL;
    Bytes *b = AS_BYTES(args[0]), *chars = NULL;
    if (nargs == 2 && !IS_NONE(args[1]) && !(chars = bytes_arg(vm, args[1])))
        return VNULL;
    size_t lo = 0, hi = b->len;
#define STRIPPED(c) (chars ? chars->len && memchr(chars->data, (c), chars->len) != NULL : is_space(c))
    while ((which & 1) && lo < hi && STRIPPED(b->data[lo]))
        lo++;
    while ((which & 2) && hi > lo && STRIPPED(b->data[hi - 1]))
        hi--;
#undef STRIPPED
    return bytes_new(vm, b->data + lo, hi - lo);
}

static Value bytes_strip(VM *vm, Value *a, int n, Tuple *k) { return strip(vm, a, n, k, "strip", 3); }
static Value bytes_lstrip(VM *vm, Value *a, int n, Tuple *k) { return strip(vm, a, n, k, "lstrip", 1); }
static Value bytes_rstrip(VM *vm, Value *a, int n, Tuple *k) { return strip(vm, a, n, k, "rstrip", 2); }

static Value change_case(VM *vm, Value *args, int nargs, Tuple *kwnames, bool upper)
{
    if (vm_check_nargs(vm, upper ? "upper" : "lower", nargs, kwnames, 1, 1) < 0)
        return VNULL;
    Bytes *b = AS_BYTES(args[0]);
    Bytes *r = bytes_alloc(vm, b->data, b->len);
    for (size_t i = 0; i < r->len; i++) {
        uint8_t c = r->data[i];
        if (upper && c >= 'a' && c <= 'z')
            r->data[i] = (uint8_t)(c - 32);
        if (!upper && c >= 'A' && c <= 'Z')
            r->data[i] = (uint8_t)(c + 32);
    }
    return VOBJ(r);
}

static Value bytes_upper(VM *vm, Value *a, int n, Tuple *k) { return change_case(vm, a, n, k, true); }
static Value bytes_lower(VM *vm, Value *a, int n, Tuple *k) { return change_case(vm, a, n, k, false); }

static Value bytes_replace(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "replace", nargs, kwnames, 3, 4) < 0)
        return VNULL;
    Bytes *b = AS_BYTES(args[0]), *old = bytes_arg(vm, args[1]), *new = old ? bytes_arg(vm, args[2]) : NULL;
    int64_t count = -1;
    if (!new || (nargs == 4 && vm_index(vm, args[3], &count) < 0))
        return VNULL;
    ByteBuf out = {0};
    size_t i = 0;
    for (int64_t done = 0; count < 0 || done < count; done++) {
        int64_t at = find_in(b, old->data, old->len, i, b->len);
        if (at < 0)
            break;
        bb_put(&out, b->data + i, (size_t)at - i);
        bb_put(&out, new->data, new->len);
        if (old->len == 0) {   /* between every two bytes */
            if ((size_t)at < b->len)
                bb_put(&out, b->data + at, 1);
            i = (size_t)at + 1;
            if (i > b->len)
                break;
        } else {
            i = (size_t)at + old->len;
        }
    }
    if (i < b->len)
        bb_put(&out, b->data + i, b->len - i);
    return bb_bytes(vm, &out);
}

/* split(sep=None, maxsplit=-1) */
static Value bytes_split(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    static const char *const params[] = { "sep", "maxsplit", NULL };
    Value a[2];
    if (vm_bind_args(vm, "split", args + 1, nargs - 1, kwnames, params, 0, 2, a) < 0)
        return VNULL;
    Bytes *b = AS_BYTES(args[0]), *sep = NULL;
    int64_t maxsplit = -1;
    if (!IS_NULL(a[0]) && !IS_NONE(a[0]) && !(sep = bytes_arg(vm, a[0])))
        return VNULL;
    if (!IS_NULL(a[1]) && vm_index(vm, a[1], &maxsplit) < 0)
        return VNULL;
    if (sep && sep->len == 0)
        return vm_raise(vm, EXC_ValueError, "empty separator");
    List *out = list_new(vm, 0);
    Value outv = VOBJ(out);
    vm_push_root(vm, &outv);
    size_t i = 0;
    for (int64_t done = 0;; done++) {
        if (!sep)
            while (i < b->len && is_space(b->data[i]))
                i++;
        if (!sep && i >= b->len)
            break;
        int64_t at = -1;
        if (maxsplit < 0 || done < maxsplit) {
            if (sep) {
                at = find_in(b, sep->data, sep->len, i, b->len);
            } else {
                for (size_t j = i; j < b->len && at < 0; j++)
                    if (is_space(b->data[j]))
                        at = (int64_t)j;
            }
        }
        if (at < 0) {
            size_t end = b->len;
            while (!sep && end > i && is_space(b->data[end - 1]))
                end--;
            list_append(vm, out, bytes_new(vm, b->data + i, end - i));
            break;
        }
        list_append(vm, out, bytes_new(vm, b->data + i, (size_t)at - i));
        i = (size_t)at + (sep ? sep->len : 1);
    }
    vm_pop_root(vm);
    return outv;
}

/* sep.join(iterable of bytes) */
static Value bytes_join(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "join", nargs, kwnames, 2, 2) < 0)
        return VNULL;
    Value items = list_from_iterable(vm, args[1]);
    if (IS_NULL(items))
        return VNULL;
    Bytes *sep = AS_BYTES(args[0]);
    List *l = AS_LIST(items);
    ByteBuf out = {0};
    for (size_t i = 0; i < l->len; i++) {
        if (!vm_is_bytes(l->items[i])) {
            free(out.p);
            return vm_raise(vm, EXC_TypeError, "sequence item %zu: expected a bytes-like object, %s found", i,
                            vm_type_name(vm, l->items[i]));
        }
        if (i)
            bb_put(&out, sep->data, sep->len);
        bb_put(&out, AS_BYTES(l->items[i])->data, AS_BYTES(l->items[i])->len);
    }
    return bb_bytes(vm, &out);
}

/* ---- bytes(...) --------------------------------------------------------------------- */

static int fill_item(VM *vm, Value item, ByteBuf *out)
{
    int64_t n;
    if (!num_is_int(item) && IS_NULL(vm_lookup_special(vm, item, vm->sn[SN_index]))) {
        vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", vm_type_name(vm, item));
        return -1;
    }
    if (vm_index(vm, item, &n) < 0)
        return -1;
    if (n < 0 || n > 255) {
        vm_raise(vm, EXC_ValueError, "bytes must be in range(0, 256)");
        return -1;
    }
    uint8_t c = (uint8_t)n;
    bb_put(out, &c, 1);
    return 0;
}

static Value bytes_ctor(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    static const char *const params[] = { "source", "encoding", "errors", NULL };
    Value a[3];
    if (vm_bind_args(vm, "bytes", args + 1, nargs - 1, kwnames, params, 0, 3, a) < 0)
        return VNULL;
    Value src = a[0];
    if (IS_STR(src)) {
        if (IS_NULL(a[1]))
            return vm_raise(vm, EXC_TypeError, "string argument without an encoding");
        Value enc[3] = { src, a[1], IS_NULL(a[2]) ? VOBJ(str_intern(vm, "strict", 6)) : a[2] };
        return str_encode(vm, enc, 3, NULL);
    }
    if (!IS_NULL(a[1]) || !IS_NULL(a[2]))
        return vm_raise(vm, EXC_TypeError, IS_NULL(a[1]) ? "errors without a string argument"
                                                          : "encoding without a string argument");
    if (IS_NULL(src))
        return bytes_new(vm, NULL, 0);
    if (vm_is_bytes(src))
        return src;
    if (num_is_int(src)) {
        int64_t n;
        if (vm_index(vm, src, &n) < 0)
            return VNULL;
        if (n < 0)
            return vm_raise(vm, EXC_ValueError, "negative count");
        return bytes_new(vm, NULL, (size_t)n);
    }
    Value it = vm_iter(vm, src);
    if (IS_NULL(it)) {
        vm_exc_take(vm);
        return vm_raise(vm, EXC_TypeError, "cannot convert '%s' object to bytes", vm_type_name(vm, src));
    }
    vm_push_root(vm, &it);
    ByteBuf out = {0};
    int rc;
    for (;;) {
        Value item;
        rc = vm_next(vm, it, &item);
        if (rc <= 0 || (rc = fill_item(vm, item, &out)) < 0)
            break;
    }
    vm_pop_root(vm);
    if (rc < 0) {
        free(out.p);
        return VNULL;
    }
    return bb_bytes(vm, &out);
}

/* ---- int.to_bytes, int.from_bytes ---------------------------------------- */

/* byteorder= of to_bytes/from_bytes: 0 big, 1 little, -1 raised */
static int byteorder_arg(VM *vm, const char *fname, Value v)
{
    if (IS_NULL(v))
        return 0;
    if (!IS_STR(v)) {
        vm_raise(vm, EXC_TypeError, "%s() argument 'byteorder' must be str, not %s", fname, vm_type_name(vm, v));
        return -1;
    }
    if (strcmp(AS_STR(v)->data, "big") == 0)
        return 0;
    if (strcmp(AS_STR(v)->data, "little") == 0)
        return 1;
    vm_raise(vm, EXC_ValueError, "byteorder must be either 'little' or 'big'");
    return -1;
}

static void int_to_bi(Value v, BigInt *r)
{
    if (IS_BIGINT(v))
        bi_copy(r, AS_BIGINT(v));
    else
        bi_set_i64(r, v.as.i);
}

/* int.to_bytes(length=1, byteorder='big', *, signed=False): two's
 * complement when signed */
static Value int_to_bytes(VM *vm, Value *a, int n, Tuple *k)
{
    static const char *const params[] = { "length", "byteorder", "signed", NULL };
    Value p[3];
    if (vm_bind_args(vm, "to_bytes", a + 1, n - 1, k, params, 0, 2, p) < 0)
        return VNULL;
    if (!IS_NULL(p[0]) && !IS_INT(p[0]) && !IS_BOOL(p[0]))
        return vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", vm_type_name(vm, p[0]));
    int64_t len = IS_NULL(p[0]) ? 1 : p[0].as.i;
    if (len < 0)
        return vm_raise(vm, EXC_ValueError, "length argument must be non-negative");
    if (len > (int64_t)1 << 28)
        return vm_raise(vm, EXC_OverflowError, "int too big to convert");
    int little = byteorder_arg(vm, "to_bytes", p[1]);
    int sg = IS_NULL(p[2]) ? 0 : vm_truthy(vm, p[2]);
    if (little < 0 || sg < 0)
        return VNULL;
    BigInt x = BI_INIT, t = BI_INIT, byte = BI_INIT, mask = BI_INIT;
    int_to_bi(a[0], &x);
    bool neg = bi_sign(&x) < 0;
    uint64_t room = 8 * (uint64_t)len;
    if (neg)
        bi_invert(&t, &x);   /* |x| - 1: -2**(room-1) still fits */
    uint64_t bits = bi_bit_length(neg ? &t : &x);
    Value out = VNULL;
    if (neg && !sg) {
        vm_raise(vm, EXC_OverflowError, "can't convert negative int to unsigned");
    } else if (sg ? bits + 1 > room && !(room == 0 && bits == 0 && !neg) : bits > room) {
        vm_raise(vm, EXC_OverflowError, "int too big to convert");
    } else {
        if (neg) {   /* two's complement: x + 2**room */
            bi_set_i64(&t, 1);
            bi_shl(&t, &t, (int64_t)room);
            bi_add(&x, &x, &t);
        }
        uint8_t *buf = len ? malloc((size_t)len) : NULL;
        bi_set_i64(&mask, 255);
        for (int64_t i = 0; i < len && buf; i++) {
            int64_t v = 0;
            bi_and(&byte, &x, &mask);
            bi_to_i64(&byte, &v);
            buf[little ? i : len - 1 - i] = (uint8_t)v;
            bi_shr(&x, &x, 8);
        }
        out = len && !buf ? vm_raise(vm, EXC_MemoryError, "out of memory") : bytes_new(vm, buf, (size_t)len);
        free(buf);
    }
    bi_free(&x);
    bi_free(&t);
    bi_free(&byte);
    bi_free(&mask);
    return out;
}

/* int.from_bytes(bytes, byteorder='big', *, signed=False), a classmethod:
 * from bytes or an iterable of ints in range(256) */
static Value int_from_bytes(VM *vm, Value *a, int n, Tuple *k)
{
    static const char *const params[] = { "bytes", "byteorder", "signed", NULL };
    Value p[3];
    if (vm_bind_args(vm, "from_bytes", a + 1, n - 1, k, params, 1, 2, p) < 0)
        return VNULL;
    int little = byteorder_arg(vm, "from_bytes", p[1]);
    int sg = IS_NULL(p[2]) ? 0 : vm_truthy(vm, p[2]);
    if (little < 0 || sg < 0)
        return VNULL;
    Value src = p[0];
    if (IS_STR(src))
        return vm_raise(vm, EXC_TypeError, "cannot convert 'str' object to bytes");
    if (!vm_is_bytes(src)) {   /* bytes(iterable): CPython's errors for what is not one */
        Value args[2] = { VOBJ(TYPE(vm, bytes)), src };
        src = bytes_ctor(vm, args, 2, NULL);
        if (IS_NULL(src))
            return VNULL;
    }
    vm_push_root(vm, &src);
    const Bytes *b = AS_BYTES(src);
    BigInt x = BI_INIT, byte = BI_INIT;
    for (size_t i = 0; i < b->len; i++) {
        bi_shl(&x, &x, 8);
        bi_set_i64(&byte, b->data[little ? b->len - 1 - i : i]);
        bi_or(&x, &x, &byte);
    }
    if (sg && b->len && (b->data[little ? b->len - 1 : 0] & 0x80)) {
        bi_set_i64(&byte, 1);   /* two's complement: x - 2**(8 * len) */
        bi_shl(&byte, &byte, (int64_t)(8 * b->len));
        bi_sub(&x, &x, &byte);
    }
    bi_free(&byte);
    vm_pop_root(vm);
    Value r = int_from_bigint(vm, &x);
    Class *cls = IS_CLASS(a[0]) ? AS_CLASS(a[0]) : TYPE(vm, int);
    return cls == TYPE(vm, int) || IS_NULL(r) ? r : vm_call(vm, VOBJ(cls), &r, 1, NULL);
}

void bytes_init(VM *vm)
{
    Class *c = TYPE(vm, bytes);
    c->ctor = bytes_ctor;
    Class *i = TYPE(vm, int);
    class_add_method(vm, i, "to_bytes", int_to_bytes);
    class_add_classmethod(vm, i, "from_bytes", int_from_bytes);
    static const struct { const char *name; NativeFn fn; } methods[] = {
        { "__repr__", bytes_repr }, { "__len__", bytes_len }, { "__getitem__", bytes_getitem },
        { "__iter__", bytes_iter }, { "__contains__", bytes_contains }, { "__hash__", bytes_hash },
        { "__eq__", bytes_eq }, { "__ne__", bytes_ne }, { "__lt__", bytes_lt }, { "__le__", bytes_le },
        { "__gt__", bytes_gt }, { "__ge__", bytes_ge }, { "__add__", bytes_add }, { "__mul__", bytes_mul },
        { "__rmul__", bytes_mul }, { "decode", bytes_decode_method }, { "hex", bytes_hex },
        { "find", bytes_find }, { "index", bytes_index }, { "count", bytes_count },
        { "startswith", bytes_startswith }, { "endswith", bytes_endswith }, { "strip", bytes_strip },
        { "lstrip", bytes_lstrip }, { "rstrip", bytes_rstrip }, { "upper", bytes_upper },
        { "lower", bytes_lower }, { "replace", bytes_replace }, { "split", bytes_split },
        { "join", bytes_join },
    };
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
        class_add_checked_method(vm, c, methods[i].name, methods[i].fn);
    dict_set_str(vm, c->dict, "fromhex",
                 class_staticmethod(vm, VOBJ(native_new(vm, "fromhex", bytes_fromhex, c))));
    class_add_checked_method(vm, TYPE(vm, str), "encode", str_encode);
    dict_set_str(vm, vm->builtins, "bytes", VOBJ(c));
}
