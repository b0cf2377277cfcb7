/*
 * format.c - the three string-formatting engines of Python:
 *   - format(value, spec) / f-string `{x:spec}`  -> vm_format
 *   - printf-style `fmt % args`                  -> vm_percent_format
 *   - str.format(*args, **kw) / str.format_map   -> registered on str here
 *
 * The numeric and string conversions themselves come from src/num/numfmt.h
 * (nf_format_*, nf_pct_*); this file parses templates, fetches arguments and
 * reproduces CPython 3.12's error messages.
 *
 * Templates and results are UTF-8; everything is built in an NfBuf (malloc'd,
 * never seen by the collector) and turned into a Str at the end. Objects
 * fetched while walking "{0.attr[key]}" are rooted while Python code runs.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* ===== helpers =============================================================== */

/* ascii(v): repr() with non-ASCII escaped (ascii(), %a, !a; vm.h). */
Str *vm_ascii(VM *vm, Value v)
{
    Str *s = vm_repr(vm, v);
    if (!s || s->ascii)
        return s;
    NfBuf b = NF_BUF_INIT;
    const unsigned char *p = (const unsigned char *)s->data;
    for (size_t i = 0; i < s->len;) {
        uint32_t c;
        i += u8_dec(p + i, s->len - i, &c);
        char tmp[16];
        if (c < 0x80) { nf_buf_putc(&b, (char)c); continue; }
        if (c < 0x100) snprintf(tmp, sizeof tmp, "\\x%02x", c);
        else if (c < 0x10000) snprintf(tmp, sizeof tmp, "\\u%04x", c);
        else snprintf(tmp, sizeof tmp, "\\U%08x", c);
        nf_buf_append(&b, tmp, strlen(tmp));
    }
    return buf_to_str(vm, &b);
}

static Value object_format(VM *vm, Value *args, int nargs, Tuple *kw);

/* ===== format(value, spec) ===================================================== */

/* An int, or an instance of an int subclass that formats as one (no
 * __format__ of its own, or int's: IntEnum's); with no spec, a subclass's
 * instance formats as str() does (its __str__ or __repr__) */
static bool int_formats_itself(VM *vm, Value v)
{
    Value m = vm_override(vm, v, str_intern(vm, "__format__", 10));
    return IS_NULL(m) || (IS_NATIVE(m) && AS_NATIVE(m)->fn == object_format);
}

static int format_into(VM *vm, NfBuf *out, Value v, const char *spec, size_t speclen)
{
    NfError err;
    NfErrKind k;
    if (IS_BOOL(v)) {
        if (speclen == 0) {
            const char *t = v.as.i ? "True" : "False";
            nf_buf_append(out, t, strlen(t));
            return 0;
        }
        k = nf_format_i64(out, v.as.i, spec, speclen, "bool", &err);
    } else if (IS_INT(v)) {
        k = nf_format_i64(out, v.as.i, spec, speclen, "int", &err);
    } else if (IS_BIGINT(v) && int_formats_itself(vm, v) && (speclen || AS_OBJ(v)->cls == TYPE(vm, int))) {
        k = nf_format_int(out, AS_BIGINT(v), spec, speclen, "int", &err);
    } else if (IS_FLOAT(v)) {
        k = nf_format_float(out, v.as.f, spec, speclen, "float", &err);
    } else if (IS_STR(v) && AS_OBJ(v)->cls == TYPE(vm, str)) {
        Str *s = AS_STR(v);
        k = nf_format_str(out, s->data, s->len, spec, speclen, &err);
    } else {
        Str *name = str_intern(vm, "__format__", 10);
        Value m = name ? vm_lookup_special(vm, v, name) : VNULL;
        bool dflt = IS_NULL(m) || (IS_NATIVE(m) && (AS_NATIVE(m)->fn == object_format ||
                                                    AS_NATIVE(m)->owner == TYPE(vm, object)));
        if (dflt && IS_STR(v)) {
            /* a str subclass: format(x, '') is str(x), its own __str__ */
            Str *s = speclen ? AS_STR(v) : vm_to_str(vm, v);
            if (!s)
                return -1;
            k = nf_format_str(out, s->data, s->len, spec, speclen, &err);
        } else if (dflt) {
            if (speclen != 0) {
                vm_raise(vm, EXC_TypeError, "unsupported format string passed to %s.__format__", tname(vm, v));
                return -1;
            }
            Str *s = vm_to_str(vm, v);
            if (!s)
                return -1;
            nf_buf_append(out, s->data, s->len);
            return 0;
        } else {
            Str *sp = str_new(vm, spec, speclen);
            if (!sp)
                return -1;
            Value r = vm_call2(vm, m, v, VOBJ(sp));
            if (IS_NULL(r))
                return -1;
            if (!IS_STR(r)) {
                vm_raise(vm, EXC_TypeError, "__format__ must return a str, not %s", tname(vm, r));
                return -1;
            }
            nf_buf_append(out, AS_STR(r)->data, AS_STR(r)->len);
            return 0;
        }
    }
    if (k != NF_OK) {
        raise_nf(vm, &err);
        return -1;
    }
    return 0;
}

Str *vm_format(VM *vm, Value v, Str *spec)
{
    /* The common f-string case: no spec on a str. */
    if ((!spec || spec->len == 0) && IS_STR(v) && AS_OBJ(v)->cls == TYPE(vm, str))
        return AS_STR(v);
    NfBuf b = NF_BUF_INIT;
    if (format_into(vm, &b, v, spec ? spec->data : "", spec ? spec->len : 0) < 0) {
        nf_buf_free(&b);
        return NULL;
    }
    return buf_to_str(vm, &b);
}

/* object.__format__, int.__format__, ...: (self, spec) */
static Value object_format(VM *vm, Value *args, int nargs, Tuple *kw)
{
    if (kw && kw->len)
        return vm_raise(vm, EXC_TypeError, "__format__() takes no keyword arguments");
    if (nargs != 2)
        return vm_raise(vm, EXC_TypeError, "__format__() takes exactly one argument (%d given)", nargs - 1);
    if (!IS_STR(args[1]))
        return vm_raise(vm, EXC_TypeError, "__format__() argument must be str, not %s", tname(vm, args[1]));
    Str *spec = AS_STR(args[1]);
    Value v = args[0];
    NfBuf b = NF_BUF_INIT;
    int rc;
    if (IS_BOOL(v) || IS_INT(v) || IS_BIGINT(v) || IS_FLOAT(v) || IS_STR(v)) {
        rc = format_into(vm, &b, v, spec->data, spec->len);
    } else if (spec->len != 0) {
        vm_raise(vm, EXC_TypeError, "unsupported format string passed to %s.__format__", tname(vm, v));
        rc = -1;
    } else {
        Str *s = vm_to_str(vm, v);
        rc = s ? 0 : -1;
        if (s)
            nf_buf_append(&b, s->data, s->len);
    }
    if (rc < 0) {
        nf_buf_free(&b);
        return VNULL;
    }
    Str *r = buf_to_str(vm, &b);
    return r ? VOBJ(r) : VNULL;
}

/* ===== printf-style % ============================================================ */

typedef struct PctCtx {
    Value args;        /* the tuple, or the single argument */
    int64_t arglen;    /* -1: single argument */
    int64_t argidx;
    Value dict;        /* a mapping argument, or VNULL */
} PctCtx;

static Value pct_next(VM *vm, PctCtx *c)
{
    if (c->argidx < c->arglen) {
        int64_t i = c->argidx++;
        if (c->arglen < 0)
            return c->args;
        return AS_TUPLE(c->args)->items[i];
    }
    return vm_raise(vm, EXC_TypeError, "not enough arguments for format string");
}

static bool is_mapping(VM *vm, Value v)
{
    if (IS_TUPLE(v) || IS_STR(v))
        return false;
    if (IS_DICT(v) || IS_LIST(v))
        return true;
    if (!IS_OBJ(v) || IS_SET(v) || IS_KIND(v, OBJ_RANGE))
        return IS_KIND(v, OBJ_RANGE);
    Str *n = str_intern(vm, "__getitem__", 11);
    return n && !IS_NULL(vm_lookup_special(vm, v, n));
}

/* An int for %d/%x: ints, floats (truncated, for %d only), or __index__/__int__. */
static int pct_int(VM *vm, NfBuf *out, NfPct *p, Value v)
{
    NfError err;
    NfErrKind k;
    bool decimal = p->conv == 'd' || p->conv == 'i' || p->conv == 'u';
    if (IS_INT(v) || IS_BOOL(v)) {
        k = nf_pct_i64(out, p, v.as.i, &err);
    } else if (IS_BIGINT(v)) {
        k = nf_pct_int(out, p, AS_BIGINT(v), &err);
    } else if (IS_FLOAT(v) && decimal) {
        if (nf_float_int_check(v.as.f, &err) != NF_OK) {
            raise_nf(vm, &err);
            return -1;
        }
        BigInt b = BI_INIT;
        bi_from_double(&b, v.as.f);
        k = nf_pct_int(out, p, &b, &err);
        bi_free(&b);
    } else {
        const char *hook = decimal ? "__int__" : "__index__";
        Str *n = str_intern(vm, hook, strlen(hook));
        Value m = IS_OBJ(v) && n ? vm_lookup_special(vm, v, n) : VNULL;
        if (IS_NULL(m) && decimal) {
            n = str_intern(vm, "__index__", 9);
            m = IS_OBJ(v) && n ? vm_lookup_special(vm, v, n) : VNULL;
        }
        if (IS_NULL(m)) {
            if (decimal)
                vm_raise(vm, EXC_TypeError, "%%%c format: a real number is required, not %s", p->conv, tname(vm, v));
            else
                vm_raise(vm, EXC_TypeError, "%%%c format: an integer is required, not %s", p->conv, tname(vm, v));
            return -1;
        }
        Value r = vm_call1(vm, m, v);
        if (IS_NULL(r))
            return -1;
        if (!(IS_INT(r) || IS_BOOL(r) || IS_BIGINT(r))) {
            vm_raise(vm, EXC_TypeError, "%s returned non-int (type %s)", hook, tname(vm, r));
            return -1;
        }
        return pct_int(vm, out, p, r);
    }
    if (k != NF_OK) {
        raise_nf(vm, &err);
        return -1;
    }
    return 0;
}

static int pct_float(VM *vm, NfBuf *out, NfPct *p, Value v)
{
    double d;
    if (IS_FLOAT(v)) {
        d = v.as.f;
    } else if (IS_INT(v) || IS_BOOL(v)) {
        d = (double)v.as.i;
    } else if (IS_BIGINT(v)) {
        if (bi_to_double(AS_BIGINT(v), &d) != BI_OK) {
            vm_raise(vm, EXC_OverflowError, "%s", BI_MSG_TO_FLOAT);
            return -1;
        }
    } else {
        Str *n = str_intern(vm, "__float__", 9);
        Value m = IS_OBJ(v) && n ? vm_lookup_special(vm, v, n) : VNULL;
        if (IS_NULL(m)) {
            n = str_intern(vm, "__index__", 9);
            m = IS_OBJ(v) && n ? vm_lookup_special(vm, v, n) : VNULL;
        }
        if (IS_NULL(m)) {
            vm_raise(vm, EXC_TypeError, "must be real number, not %s", tname(vm, v));
            return -1;
        }
        Value r = vm_call1(vm, m, v);
        if (IS_NULL(r))
            return -1;
        if (!(IS_FLOAT(r) || IS_INT(r) || IS_BOOL(r) || IS_BIGINT(r))) {
            vm_raise(vm, EXC_TypeError, "must be real number, not %s", tname(vm, r));
            return -1;
        }
        return pct_float(vm, out, p, r);
    }
    NfError err;
    if (nf_pct_float(out, p, d, &err) != NF_OK) {
        raise_nf(vm, &err);
        return -1;
    }
    return 0;
}

static int pct_text(VM *vm, NfBuf *out, NfPct *p, const char *s, size_t n)
{
    NfError err;
    if (nf_pct_str(out, p, s, n, &err) != NF_OK) {
        raise_nf(vm, &err);
        return -1;
    }
    return 0;
}

static int pct_star(VM *vm, PctCtx *c, int64_t *out)
{
    Value v = pct_next(vm, c);
    if (IS_NULL(v))
        return -1;
    if (!(IS_INT(v) || IS_BOOL(v))) {
        vm_raise(vm, EXC_TypeError, "* wants int");
        return -1;
    }
    *out = v.as.i;
    return 0;
}

/* The decimal digits at f[*i] (maybe none: 0), for a width or precision;
 * ValueError "width too big" past int64. */
static int pct_digits(VM *vm, const char *f, size_t n, size_t *i, const char *what, int64_t *out)
{
    int64_t v = 0;
    while (*i < n && f[*i] >= '0' && f[*i] <= '9') {
        if (v > (INT64_MAX - 9) / 10) {
            vm_raise(vm, EXC_ValueError, "%s too big", what);
            return -1;
        }
        v = v * 10 + (f[(*i)++] - '0');
    }
    *out = v;
    return 0;
}

static int pct_one(VM *vm, NfBuf *out, const Str *fmt, size_t *pos, PctCtx *c)
{
    const char *f = fmt->data;
    size_t n = fmt->len, i = *pos;   /* i: just after '%' */
    NfPct p = {0, -1, -1, 0};

    if (i < n && f[i] == '(') {
        if (IS_NULL(c->dict)) {
            vm_raise(vm, EXC_TypeError, "format requires a mapping");
            return -1;
        }
        size_t ks = ++i;
        int depth = 1;
        while (i < n) {
            if (f[i] == '(') depth++;
            else if (f[i] == ')' && --depth == 0) break;
            i++;
        }
        if (i >= n) {
            vm_raise(vm, EXC_ValueError, "incomplete format key");
            return -1;
        }
        Str *key = str_new(vm, f + ks, i - ks);
        if (!key)
            return -1;
        i++;
        Value v = vm_getitem(vm, c->dict, VOBJ(key));
        if (IS_NULL(v))
            return -1;
        c->args = v;
        c->arglen = -1;
        c->argidx = -2;
    }
    for (; i < n; i++) {
        char ch = f[i];
        if (ch == '-') p.flags |= NF_PCT_MINUS;
        else if (ch == '+') p.flags |= NF_PCT_PLUS;
        else if (ch == ' ') p.flags |= NF_PCT_SPACE;
        else if (ch == '#') p.flags |= NF_PCT_ALT;
        else if (ch == '0') p.flags |= NF_PCT_ZERO;
        else break;
    }
    if (i < n && f[i] == '*') {
        int64_t w;
        if (pct_star(vm, c, &w) < 0)
            return -1;
        if (w < 0) {
            p.flags |= NF_PCT_MINUS;
            w = w == INT64_MIN ? INT64_MAX : -w;
        }
        p.width = w;
        i++;
    } else if (i < n && f[i] >= '0' && f[i] <= '9') {
        if (pct_digits(vm, f, n, &i, "width", &p.width) < 0)
            return -1;
    }
    if (i < n && f[i] == '.') {
        i++;
        if (i < n && f[i] == '*') {
            int64_t pr;
            if (pct_star(vm, c, &pr) < 0)
                return -1;
            p.precision = pr < 0 ? 0 : pr;
            i++;
        } else if (pct_digits(vm, f, n, &i, "precision", &p.precision) < 0) {
            return -1;
        }
    }
    while (i < n && (f[i] == 'h' || f[i] == 'l' || f[i] == 'L'))
        i++;
    if (i >= n) {
        vm_raise(vm, EXC_ValueError, "incomplete format");
        return -1;
    }
    size_t conv_at = i;
    uint32_t conv;
    i += u8_dec((const unsigned char *)f + i, n - i, &conv);
    *pos = i;

    Value v = pct_next(vm, c);
    if (IS_NULL(v))
        return -1;
    p.conv = (char)conv;
    switch (conv) {
    case 's': case 'r': case 'a': {
        Str *s = conv == 's' ? vm_to_str(vm, v) : conv == 'r' ? vm_repr(vm, v) : vm_ascii(vm, v);
        if (!s)
            return -1;
        return pct_text(vm, out, &p, s->data, s->len);
    }
    case 'c': {
        char buf[4];
        size_t bn;
        if (IS_STR(v)) {
            if (AS_STR(v)->ncp != 1) {
                vm_raise(vm, EXC_TypeError, "%%c requires int or char");
                return -1;
            }
            p.precision = -1;
            return pct_text(vm, out, &p, AS_STR(v)->data, AS_STR(v)->len);
        }
        int64_t cp;
        if (IS_INT(v) || IS_BOOL(v)) {
            cp = v.as.i;
        } else if (IS_BIGINT(v)) {
            vm_raise(vm, EXC_OverflowError, "%%c arg not in range(0x110000)");
            return -1;
        } else {
            Str *nm = str_intern(vm, "__index__", 9);
            if (!IS_OBJ(v) || IS_NULL(vm_lookup_special(vm, v, nm))) {
                vm_raise(vm, EXC_TypeError, "%%c requires int or char");
                return -1;
            }
            if (vm_index(vm, v, &cp) < 0)
                return -1;
        }
        if (cp < 0 || cp >= 0x110000) {
            vm_raise(vm, EXC_OverflowError, "%%c arg not in range(0x110000)");
            return -1;
        }
        bn = nf_utf8_encode((uint32_t)cp, buf);
        p.precision = -1;
        return pct_text(vm, out, &p, buf, bn);
    }
    case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
        return pct_int(vm, out, &p, v);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        return pct_float(vm, out, &p, v);
    default: {
        size_t idx = nf_utf8_count(f, conv_at);
        vm_raise(vm, EXC_ValueError, "unsupported format character '%c' (0x%x) at index %zu",
                 (conv >= 32 && conv <= 126) ? (char)conv : '?', conv, idx);
        return -1;
    }
    }
}

Str *vm_percent_format(VM *vm, Str *fmt, Value args)
{
    PctCtx c;
    c.dict = VNULL;
    if (IS_TUPLE(args)) {
        c.args = args;
        c.arglen = (int64_t)AS_TUPLE(args)->len;
        c.argidx = 0;
    } else {
        c.args = args;
        c.arglen = -1;
        c.argidx = -2;
        if (is_mapping(vm, args))
            c.dict = args;
    }
    NfBuf b = NF_BUF_INIT;
    nf_buf_reserve(&b, fmt->len + 16);
    const char *f = fmt->data;
    size_t n = fmt->len, i = 0;
    while (i < n) {
        const char *pc = memchr(f + i, '%', n - i);
        if (!pc) {
            nf_buf_append(&b, f + i, n - i);
            break;
        }
        size_t at = (size_t)(pc - f);
        nf_buf_append(&b, f + i, at - i);
        i = at + 1;
        if (i < n && f[i] == '%') {
            nf_buf_putc(&b, '%');
            i++;
            continue;
        }
        if (pct_one(vm, &b, fmt, &i, &c) < 0) {
            nf_buf_free(&b);
            return NULL;
        }
    }
    if (c.argidx < c.arglen && IS_NULL(c.dict)) {
        nf_buf_free(&b);
        vm_raise(vm, EXC_TypeError, "not all arguments converted during string formatting");
        return NULL;
    }
    return buf_to_str(vm, &b);
}

/* ===== str.format / str.format_map ================================================ */

typedef struct FmtArgs {
    Value *pos;
    size_t npos;
    Tuple *kwnames;
    Value *kwvals;
    Value mapping;      /* format_map: VNULL for format */
    int auto_state;     /* 0 unknown, 1 automatic numbering, 2 manual */
    int64_t next_auto;
} FmtArgs;

static bool all_digits(const char *s, size_t n)
{
    if (n == 0)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

static int64_t parse_digits(const char *s, size_t n)
{
    int64_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (v > (INT64_MAX - 9) / 10)
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* The first part of a field name: positional index, automatic, or keyword. */
static Value field_first(VM *vm, FmtArgs *a, const char *s, size_t n)
{
    int64_t idx = -1;
    if (n == 0) {
        if (a->auto_state == 2)
            return vm_raise(vm, EXC_ValueError, "cannot switch from manual field specification to automatic field numbering");
        a->auto_state = 1;
        idx = a->next_auto++;
    } else if (all_digits(s, n)) {
        if (a->auto_state == 1)
            return vm_raise(vm, EXC_ValueError, "cannot switch from automatic field numbering to manual field specification");
        a->auto_state = 2;
        idx = parse_digits(s, n);
        if (idx < 0)
            return vm_raise(vm, EXC_ValueError, "Too many decimal digits in format string");
    }
    if (idx >= 0) {
        if (!IS_NULL(a->mapping))
            return vm_raise(vm, EXC_ValueError, "Format string contains positional fields");
        if ((size_t)idx >= a->npos)
            return vm_raise(vm, EXC_IndexError, "Replacement index %lld out of range for positional args tuple", (long long)idx);
        return a->pos[idx];
    }
    Str *key = str_new(vm, s, n);
    if (!key)
        return VNULL;
    if (!IS_NULL(a->mapping))
        return vm_getitem(vm, a->mapping, VOBJ(key));
    for (size_t k = 0; a->kwnames && k < a->kwnames->len; k++) {
        Str *kn = AS_STR(a->kwnames->items[k]);
        if (str_eq(kn, key))
            return a->kwvals[k];
    }
    return vm_raise_with(vm, EXC_KeyError, VOBJ(key));
}

/* Resolves "name.attr[key]..." to an object. */
static Value resolve_field(VM *vm, FmtArgs *a, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i] != '.' && s[i] != '[')
        i++;
    Value obj = field_first(vm, a, s, i);
    if (IS_NULL(obj))
        return obj;
    vm_push_root(vm, &obj);   /* each step may run Python code */
    while (i < n) {
        if (s[i] == '.') {
            size_t st = ++i;
            while (i < n && s[i] != '.' && s[i] != '[')
                i++;
            if (i == st) {
                vm_pop_root(vm);
                return vm_raise(vm, EXC_ValueError, "Empty attribute in format string");
            }
            Str *name = str_new(vm, s + st, i - st);
            if (!name) { vm_pop_root(vm); return VNULL; }
            obj = vm_getattr(vm, obj, name);
        } else if (s[i] == '[') {
            size_t st = ++i;
            while (i < n && s[i] != ']')
                i++;
            if (i >= n) {
                vm_pop_root(vm);
                return vm_raise(vm, EXC_ValueError, "Missing ']' in format string");
            }
            if (i == st) {
                vm_pop_root(vm);
                return vm_raise(vm, EXC_ValueError, "Empty attribute in format string");
            }
            Value key;
            if (all_digits(s + st, i - st)) {
                int64_t k = parse_digits(s + st, i - st);
                if (k < 0) { vm_pop_root(vm); return vm_raise(vm, EXC_ValueError, "Too many decimal digits in format string"); }
                key = VINT(k);
            } else {
                Str *ks = str_new(vm, s + st, i - st);
                if (!ks) { vm_pop_root(vm); return VNULL; }
                key = VOBJ(ks);
            }
            i++;
            if (i < n && s[i] != '.' && s[i] != '[') {
                vm_pop_root(vm);
                return vm_raise(vm, EXC_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
            }
            obj = vm_getitem(vm, obj, key);
        } else {
            vm_pop_root(vm);
            return vm_raise(vm, EXC_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
        }
        if (IS_NULL(obj))
            break;
    }
    vm_pop_root(vm);
    return obj;
}

static int render(VM *vm, NfBuf *out, const char *f, size_t n, FmtArgs *a, int depth);

static int render_field(VM *vm, NfBuf *out, const char *name, size_t nlen, uint32_t conv,
                        const char *spec, size_t slen, bool spec_nested, FmtArgs *a, int depth)
{
    Value obj = resolve_field(vm, a, name, nlen);
    if (IS_NULL(obj))
        return -1;
    vm_push_root(vm, &obj);
    int rc = 0;
    if (conv) {
        Str *s = NULL;
        if (conv == 'r') s = vm_repr(vm, obj);
        else if (conv == 's') s = vm_to_str(vm, obj);
        else if (conv == 'a') s = vm_ascii(vm, obj);
        else {
            char cb[5];
            size_t cn = nf_utf8_encode(conv, cb);
            cb[cn] = 0;
            if (conv >= 0x80)
                vm_raise(vm, EXC_ValueError, "Unknown conversion specifier \\x%x", conv);
            else
                vm_raise(vm, EXC_ValueError, "Unknown conversion specifier %s", cb);
            rc = -1;
        }
        if (rc == 0 && !s)
            rc = -1;
        if (rc == 0)
            obj = VOBJ(s);
    }
    if (rc == 0) {
        if (spec_nested) {
            if (depth <= 1) {
                vm_raise(vm, EXC_ValueError, "Max string recursion exceeded");
                rc = -1;
            } else {
                NfBuf sb = NF_BUF_INIT;
                rc = render(vm, &sb, spec, slen, a, depth - 1);
                if (rc == 0)
                    rc = format_into(vm, out, obj, sb.data ? sb.data : "", sb.len);
                nf_buf_free(&sb);
            }
        } else {
            rc = format_into(vm, out, obj, spec, slen);
        }
    }
    vm_pop_root(vm);
    return rc;
}

static int render(VM *vm, NfBuf *out, const char *f, size_t n, FmtArgs *a, int depth)
{
    size_t i = 0;
    while (i < n) {
        char ch = f[i];
        if (ch == '}') {
            if (i + 1 < n && f[i + 1] == '}') {
                nf_buf_putc(out, '}');
                i += 2;
                continue;
            }
            vm_raise(vm, EXC_ValueError, "Single '}' encountered in format string");
            return -1;
        }
        if (ch != '{') {
            size_t st = i;
            while (i < n && f[i] != '{' && f[i] != '}')
                i++;
            nf_buf_append(out, f + st, i - st);
            continue;
        }
        if (i + 1 < n && f[i + 1] == '{') {
            nf_buf_putc(out, '{');
            i += 2;
            continue;
        }
        i++;
        if (i >= n) {
            vm_raise(vm, EXC_ValueError, "Single '{' encountered in format string");
            return -1;
        }
        /* The field name runs to '}', ':' or '!' ('[...]' may hold them). */
        size_t name_st = i;
        char c = 0;
        while (i < n) {
            c = f[i++];
            if (c == '{') {
                vm_raise(vm, EXC_ValueError, "unexpected '{' in field name");
                return -1;
            }
            if (c == '[') {
                while (i < n && f[i] != ']')
                    i++;
                c = 0;
                continue;
            }
            if (c == '}' || c == ':' || c == '!')
                break;
            c = 0;
        }
        if (c == 0) {
            vm_raise(vm, EXC_ValueError, "expected '}' before end of string");
            return -1;
        }
        size_t name_len = i - 1 - name_st;
        uint32_t conv = 0;
        const char *spec = "";
        size_t slen = 0;
        bool nested = false;
        if (c == '!' || c == ':') {
            if (c == '!') {
                if (i >= n) {
                    vm_raise(vm, EXC_ValueError, "end of string while looking for conversion specifier");
                    return -1;
                }
                i += u8_dec((const unsigned char *)f + i, n - i, &conv);
                if (i < n) {
                    char c2 = f[i++];
                    if (c2 == '}')
                        goto have_field;
                    if (c2 != ':') {
                        vm_raise(vm, EXC_ValueError, "expected ':' after conversion specifier");
                        return -1;
                    }
                }
            }
            size_t sst = i;
            int count = 1;
            bool done = false;
            while (i < n) {
                char c3 = f[i++];
                if (c3 == '{') {
                    nested = true;
                    count++;
                } else if (c3 == '}') {
                    if (--count == 0) {
                        spec = f + sst;
                        slen = i - 1 - sst;
                        done = true;
                        break;
                    }
                }
            }
            if (!done) {
                vm_raise(vm, EXC_ValueError, "unmatched '{' in format spec");
                return -1;
            }
        }
    have_field:
        if (render_field(vm, out, f + name_st, name_len, conv, spec, slen, nested, a, depth) < 0)
            return -1;
    }
    return 0;
}

/* fmt rendered with a's arguments, as a str value. */
static Value format_template(VM *vm, Str *fmt, FmtArgs *a)
{
    NfBuf b = NF_BUF_INIT;
    if (render(vm, &b, fmt->data, fmt->len, a, 2) < 0) {
        nf_buf_free(&b);
        return VNULL;
    }
    Str *r = buf_to_str(vm, &b);
    return r ? VOBJ(r) : VNULL;
}

static Value str_format_method(VM *vm, Value *args, int nargs, Tuple *kw)
{
    Str *fmt = str_method_self(vm, args, nargs, "format");
    if (!fmt)
        return VNULL;
    FmtArgs a = {args + 1, (size_t)(nargs - 1), kw, args + nargs, VNULL, 0, 0};
    return format_template(vm, fmt, &a);
}

static Value str_format_map_method(VM *vm, Value *args, int nargs, Tuple *kw)
{
    Str *fmt = str_method_onearg(vm, args, nargs, kw, "format_map");
    if (!fmt)
        return VNULL;
    FmtArgs a = {NULL, 0, NULL, NULL, args[1], 0, 0};
    return format_template(vm, fmt, &a);
}

void format_init(VM *vm)
{
    if (TYPE(vm, str)) {
        class_add_method(vm, TYPE(vm, str), "format", str_format_method);
        class_add_method(vm, TYPE(vm, str), "format_map", str_format_map_method);
        class_add_method(vm, TYPE(vm, str), "__format__", object_format);
    }
    if (TYPE(vm, object))
        class_add_method(vm, TYPE(vm, object), "__format__", object_format);
    if (TYPE(vm, int))
        class_add_method(vm, TYPE(vm, int), "__format__", object_format);
    if (TYPE(vm, float))
        class_add_method(vm, TYPE(vm, float), "__format__", object_format);
}
