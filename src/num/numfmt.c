/*
 * numfmt.c - Python float semantics and str/int/float formatting (CPython 3.12).
 *
 * Decimal conversion of doubles leans on the C library: glibc's printf("%.*e")
 * and printf("%.*f") are correctly rounded (exact binary value, ties to even)
 * and strtod is correctly rounded, which is exactly what CPython's own dtoa
 * gives. Shortest round-trip digits (repr) are found by searching the precision
 * with that pair. Everything else - the layout rules of repr/'g'/no-type, the
 * format-spec mini-language, grouping, padding, error texts - is here.
 *
 * Must not touch: the VM, the locale (it assumes the C locale's '.').
 */
#include "numfmt.h"

#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Shared with bigint.c: Unicode digits/whitespace mapped to ASCII. */
char *bi__ascii_numeric(const char *text, size_t len, size_t *outlen);

/* Widths beyond this are refused with MemoryError rather than attempted. */
#define NF_MAX_WIDTH ((int64_t)1 << 26)

/* ------------------------------------------------------------------------- */
/* Buffer                                                                    */

void nf_buf_init(NfBuf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
}

void nf_buf_free(NfBuf *b)
{
    free(b->data);
    nf_buf_init(b);
}

int nf_buf_reserve(NfBuf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return 0;
    size_t ncap = b->cap ? b->cap * 2 : 32;
    while (ncap < b->len + extra + 1)
        ncap *= 2;
    char *p = realloc(b->data, ncap);
    if (!p)
        return -1;
    b->data = p;
    b->cap = ncap;
    return 0;
}

int nf_buf_append(NfBuf *b, const char *s, size_t n)
{
    if (nf_buf_reserve(b, n))
        return -1;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
    return 0;
}

int nf_buf_putc(NfBuf *b, char c) { return nf_buf_append(b, &c, 1); }

static int buf_puts(NfBuf *b, const char *s) { return nf_buf_append(b, s, strlen(s)); }

static int buf_repeat(NfBuf *b, const char *s, size_t n, int64_t times)
{
    if (times <= 0)
        return 0;
    if (nf_buf_reserve(b, n * (size_t)times))
        return -1;
    for (int64_t i = 0; i < times; i++) {
        memcpy(b->data + b->len, s, n);
        b->len += n;
    }
    b->data[b->len] = 0;
    return 0;
}

/* ------------------------------------------------------------------------- */
/* UTF-8                                                                     */

size_t nf_utf8_count(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

size_t nf_utf8_offset(const char *s, size_t len, size_t k)
{
    size_t i = 0;
    for (; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80 && k-- == 0)
            return i;
    return len;
}

size_t nf_utf8_encode(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Byte length of the first n code points of s. */
static size_t utf8_prefix(const char *s, size_t len, uint64_t n)
{
    size_t i = 0;
    uint64_t k = 0;
    while (i < len) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            if (k == n)
                break;
            k++;
        }
        i++;
    }
    return i;
}

static size_t utf8_decode(const char *p, size_t n, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)p;
    unsigned c = s[0];
    if (c < 0x80 || n < 2) { *cp = c; return 1; }
    if ((c & 0xE0) == 0xC0) { *cp = ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu); return 2; }
    if ((c & 0xF0) == 0xE0 && n >= 3) {
        *cp = ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
        return 3;
    }
    if ((c & 0xF8) == 0xF0 && n >= 4) {
        *cp = ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
        return 4;
    }
    *cp = c;
    return 1;
}

/* ------------------------------------------------------------------------- */
/* Errors                                                                    */

static NfErrKind fail(NfError *err, NfErrKind kind, const char *fmt, ...)
{
    if (err) {
        err->kind = kind;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
    }
    return kind;
}

static NfErrKind nomem(NfError *err) { return fail(err, NF_ERR_MEMORY, "%s", ""); }

static NfErrKind ok(NfError *err)
{
    if (err) {
        err->kind = NF_OK;
        err->msg[0] = 0;
    }
    return NF_OK;
}

/* ------------------------------------------------------------------------- */
/* Decimal digits of doubles                                                 */

/* Digits of a positive finite double: dig holds nd significant digits (no
 * dot), and the value is 0.DIGITS * 10**decpt. */
typedef struct Digits {
    char  *dig;
    int    nd;
    int    decpt;
    NfBuf  store;
} Digits;

/* Correctly rounded ndig significant digits of ax > 0 (finite), via "%.*e". */
static int e_digits(double ax, int ndig, Digits *d)
{
    nf_buf_init(&d->store);
    size_t need = (size_t)ndig + 32;
    if (nf_buf_reserve(&d->store, need))
        return -1;
    char *s = d->store.data;
    snprintf(s, need, "%.*e", ndig - 1, ax);
    /* "D.DDDDe+XX": squeeze out the dot in place */
    char *e = strchr(s, 'e');
    int exp10 = atoi(e + 1);
    int n = 0;
    for (char *p = s; p < e; p++)
        if (*p != '.')
            s[n++] = *p;
    s[n] = 0;
    d->dig = s;
    d->nd = n;
    d->decpt = exp10 + 1;
    return 0;
}

static bool digits_roundtrip(const char *dig, int nd, int decpt, double ax)
{
    char buf[48];
    int n = 0;
    buf[n++] = '0';
    buf[n++] = '.';
    memcpy(buf + n, dig, (size_t)nd);
    n += nd;
    buf[n++] = 'e';
    int e = decpt;
    if (e < 0) {
        buf[n++] = '-';
        e = -e;
    }
    char rev[8];
    int r = 0;
    do {
        rev[r++] = (char)('0' + e % 10);
        e /= 10;
    } while (e);
    while (r)
        buf[n++] = rev[--r];
    buf[n] = 0;
    return strtod(buf, NULL) == ax;
}

/* p significant digits that read back as ax, preferring the correctly rounded
 * ones, else its neighbour one unit away in the last place (the rounding
 * interval of a power of two is lopsided). Writes into out (>= 20 bytes).
 * Returns the digit count (p, or p +- 1 after a carry/borrow) or 0. */
/* The 17 correctly rounded significant digits of ax (always enough to read
 * back), from which shorter roundings are derived without printf. */
typedef struct Digits17 {
    char d[18];
    int decpt;
} Digits17;

static void digits17(double ax, Digits17 *t)
{
    char buf[40];
    snprintf(buf, sizeof buf, "%.16e", ax);
    char *e = strchr(buf, 'e');
    int n = 0;
    for (char *q = buf; q < e && n < 17; q++)
        if (*q != '.')
            t->d[n++] = *q;
    t->d[17] = 0;
    t->decpt = atoi(e + 1) + 1;
}

/* Correctly rounded p significant digits of ax (p <= 17). Rounding the
 * 17-digit string again is exact unless that string sits exactly on a p-digit
 * midpoint (no midpoint can lie strictly between ax and its 17-digit
 * rounding, which is the closer one); only then ask printf. */
static int round_digits(double ax, const Digits17 *t, int p, char *dig, int *dp)
{
    if (p >= 17) {
        memcpy(dig, t->d, 17);
        *dp = t->decpt;
        return 17;
    }
    bool tie = t->d[p] == '5';
    for (int i = p + 1; i < 17 && tie; i++)
        if (t->d[i] != '0')
            tie = false;
    if (tie) {
        char buf[40];
        snprintf(buf, sizeof buf, "%.*e", p - 1, ax);
        char *e = strchr(buf, 'e');
        int n = 0;
        for (char *q = buf; q < e; q++)
            if (*q != '.')
                dig[n++] = *q;
        *dp = atoi(e + 1) + 1;
        return n;
    }
    memcpy(dig, t->d, (size_t)p);
    *dp = t->decpt;
    if (t->d[p] >= '5') {
        int i = p - 1;
        while (i >= 0 && dig[i] == '9')
            dig[i--] = '0';
        if (i >= 0) {
            dig[i]++;
        } else {
            /* 99.9 -> 100: one more integer digit */
            memmove(dig + 1, dig, (size_t)p - 1);
            dig[0] = '1';
            (*dp)++;
        }
    }
    return p;
}

static int roundtrip_digits(double ax, const Digits17 *t17, int p, char *out, int *decpt)
{
    char dig[24];
    int dp;
    int n = round_digits(ax, t17, p, dig, &dp);
    if (digits_roundtrip(dig, n, dp, ax)) {
        memcpy(out, dig, (size_t)n);
        *decpt = dp;
        return n;
    }
    for (int dir = -1; dir <= 1; dir += 2) {
        char t[24];
        int tn = n, tdp = dp;
        memcpy(t + 1, dig, (size_t)n);
        t[0] = '0';
        /* add dir to the last digit, with carry/borrow */
        int i = n;
        while (i >= 1) {
            int v = t[i] - '0' + dir;
            if (v >= 0 && v <= 9) {
                t[i] = (char)('0' + v);
                break;
            }
            t[i] = dir > 0 ? '0' : '9';
            i--;
        }
        char *start = t + 1;
        if (t[0] != '0') {
            start = t;
            tn++;
            tdp++;
        }
        while (tn > 1 && start[0] == '0') {
            start++;
            tn--;
            tdp--;
        }
        if (start[0] == '0')
            continue;
        if (digits_roundtrip(start, tn, tdp, ax)) {
            memcpy(out, start, (size_t)tn);
            *decpt = tdp;
            return tn;
        }
    }
    return 0;
}

/* Fast path for doubles that are short decimals (0.1, 2.5, 1e-3, 1234.0):
 * find the fewest decimals k with y = round(ax * 10**k) and y / 10**k == ax.
 * The division of two exact doubles is correctly rounded, so the test is the
 * same as strtod reading the digits back. Limiting |y| to 2**51 keeps the
 * product's error under half a unit, so a k-decimal string that reads back
 * as ax is always found at k (and the first hit is the shortest). */
static int short_decimal(double ax, char out[24], int *decpt)
{
    static const double P10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
                                 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17};
    const double LIMIT = 2251799813685248.0; /* 2**51 */
    for (int k = 0; k < 18; k++) {
        double t = ax * P10[k];
        if (t >= LIMIT)
            return 0;
        double y = nearbyint(t);
        if (y == 0.0 || y / P10[k] != ax)
            continue;
        uint64_t v = (uint64_t)y;
        char tmp[24];
        int n = 0;
        while (v) {
            tmp[n++] = (char)('0' + v % 10);
            v /= 10;
        }
        int total = n;
        int z = 0;
        while (z < n - 1 && tmp[z] == '0')
            z++;
        int nd = n - z;
        for (int i = 0; i < nd; i++)
            out[i] = tmp[n - 1 - i];
        out[nd] = 0;
        *decpt = total - k;
        return nd;
    }
    return 0;
}

/* Shortest digits that round-trip (what CPython's repr prints). ax > 0 finite.
 * Round-tripping is monotone in the digit count (a p-digit string is also a
 * (p+1)-digit one), so a search over 1..17 finds the shortest; most doubles
 * that are not short decimals need 16 or 17 digits, so those are tried first. */
static int shortest_digits(double ax, char out[24], int *decpt)
{
    int n = short_decimal(ax, out, decpt);
    if (n)
        return n;
    char tmp[24];
    int tdp;
    Digits17 t17;
    digits17(ax, &t17);
    int lo = 1, hi = 17;
    if (!roundtrip_digits(ax, &t17, 16, tmp, &tdp)) {
        lo = 17;
    } else if (!roundtrip_digits(ax, &t17, 15, tmp, &tdp)) {
        lo = hi = 16;
    } else {
        hi = 15;
    }
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (roundtrip_digits(ax, &t17, mid, tmp, &tdp))
            hi = mid;
        else
            lo = mid + 1;
    }
    n = roundtrip_digits(ax, &t17, lo, out, decpt);
    while (n > 1 && out[n - 1] == '0')
        n--;
    out[n] = 0;
    return n;
}

/* Write the exponent part "e+05" / "E-300". */
static int put_exp(NfBuf *b, int exp10, bool upper)
{
    char t[16];
    snprintf(t, sizeof t, "%c%c%02d", upper ? 'E' : 'e', exp10 < 0 ? '-' : '+', exp10 < 0 ? -exp10 : exp10);
    return buf_puts(b, t);
}

/* Lay out digits (value 0.DIG * 10**decpt) in fixed or exponent notation.
 * min_digits: pad with zeros up to that many significant digits ('#g').
 * force_point: always a decimal point ('#'); dot0: ".0" when fixed and integral. */
static int layout(NfBuf *b, const char *dig, int nd, int decpt, bool use_exp,
                  int min_digits, bool force_point, bool dot0, bool upper)
{
    int total = nd > min_digits ? nd : min_digits;
#define DIG(i) ((i) < nd ? dig[i] : '0')
    if (use_exp) {
        if (nf_buf_putc(b, dig[0]))
            return -1;
        if (total > 1 || force_point)
            if (nf_buf_putc(b, '.'))
                return -1;
        for (int i = 1; i < total; i++)
            if (nf_buf_putc(b, DIG(i)))
                return -1;
        return put_exp(b, decpt - 1, upper);
    }
    if (decpt <= 0) {
        if (buf_puts(b, "0.") || buf_repeat(b, "0", 1, -decpt))
            return -1;
        for (int i = 0; i < total; i++)
            if (nf_buf_putc(b, DIG(i)))
                return -1;
        return 0;
    }
    for (int i = 0; i < decpt; i++)
        if (nf_buf_putc(b, DIG(i)))
            return -1;
    if (total > decpt) {
        if (nf_buf_putc(b, '.'))
            return -1;
        for (int i = decpt; i < total; i++)
            if (nf_buf_putc(b, DIG(i)))
                return -1;
    } else if (dot0) {
        if (buf_puts(b, ".0"))
            return -1;
    } else if (force_point) {
        if (nf_buf_putc(b, '.'))
            return -1;
    }
#undef DIG
    return 0;
}

/* The body of a float (no sign) in CPython's presentation `type`:
 *   'e' 'f' 'g' with precision prec; 'r' = repr digits (prec ignored).
 * dot0: CPython's "add .0 if integral" flag used by the no-type presentation.
 * Returns 0 or -1 (out of memory). */
static int float_body(NfBuf *b, double ax, char type, int prec, bool alt, bool dot0, bool upper)
{
    if (isinf(ax))
        return buf_puts(b, upper ? "INF" : "inf");
    if (isnan(ax))
        return buf_puts(b, upper ? "NAN" : "nan");
    if (type == 'f') {
        size_t need = (size_t)prec + 330;
        if (nf_buf_reserve(b, need))
            return -1;
        int n = snprintf(b->data + b->len, need, alt ? "%#.*f" : "%.*f", prec, ax);
        b->len += (size_t)n;
        return 0;
    }
    if (type == 'e') {
        size_t need = (size_t)prec + 32;
        if (nf_buf_reserve(b, need))
            return -1;
        int n = snprintf(b->data + b->len, need, alt ? "%#.*e" : "%.*e", prec, ax);
        if (upper)
            for (int i = 0; i < n; i++)
                if (b->data[b->len + (size_t)i] == 'e')
                    b->data[b->len + (size_t)i] = 'E';
        b->len += (size_t)n;
        return 0;
    }
    if (ax == 0.0 && type == 'r')
        return layout(b, "0", 1, 1, false, 0, alt, dot0, upper);
    if (type == 'r') {
        char dig[24];
        int decpt;
        int nd = shortest_digits(ax, dig, &decpt);
        bool use_exp = decpt <= -4 || decpt > 16;
        return layout(b, dig, nd, decpt, use_exp, 0, alt, dot0, upper);
    }
    /* 'g' */
    int p = prec == 0 ? 1 : prec;
    Digits d;
    if (ax == 0.0) {
        /* dtoa's zero: one digit "0" with the point after it */
        nf_buf_init(&d.store);
        d.dig = (char *)"0";
        d.nd = 1;
        d.decpt = 1;
    } else if (e_digits(ax, p < 800 ? p : 800, &d)) {
        /* a double's exact decimal expansion has at most 767 significant
         * digits, so rounding beyond 800 changes nothing; '#' pads below */
        return -1;
    }
    int nd = d.nd;
    if (!alt)
        while (nd > 1 && d.dig[nd - 1] == '0')
            nd--;
    bool use_exp = d.decpt <= -4 || d.decpt > (dot0 ? p - 1 : p);
    int r = layout(b, d.dig, nd, d.decpt, use_exp, alt ? p : 0, alt, dot0, upper);
    nf_buf_free(&d.store);
    return r;
}

size_t nf_float_repr(double x, char *out)
{
    char dig[24];
    size_t n = 0;
    if (isnan(x)) {
        strcpy(out, "nan");
        return 3;
    }
    if (signbit(x))
        out[n++] = '-';
    double ax = fabs(x);
    if (isinf(ax)) {
        strcpy(out + n, "inf");
        return n + 3;
    }
    if (ax == 0.0) {
        strcpy(out + n, "0.0");
        return n + 3;
    }
    int decpt;
    int nd = shortest_digits(ax, dig, &decpt);
    if (decpt <= -4 || decpt > 16) {
        out[n++] = dig[0];
        if (nd > 1) {
            out[n++] = '.';
            memcpy(out + n, dig + 1, (size_t)nd - 1);
            n += (size_t)nd - 1;
        }
        int e = decpt - 1;
        n += (size_t)snprintf(out + n, 8, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
        return n;
    }
    if (decpt <= 0) {
        out[n++] = '0';
        out[n++] = '.';
        for (int i = 0; i < -decpt; i++)
            out[n++] = '0';
        memcpy(out + n, dig, (size_t)nd);
        n += (size_t)nd;
    } else if (decpt >= nd) {
        memcpy(out + n, dig, (size_t)nd);
        n += (size_t)nd;
        for (int i = nd; i < decpt; i++)
            out[n++] = '0';
        out[n++] = '.';
        out[n++] = '0';
    } else {
        memcpy(out + n, dig, (size_t)decpt);
        n += (size_t)decpt;
        out[n++] = '.';
        memcpy(out + n, dig + decpt, (size_t)(nd - decpt));
        n += (size_t)(nd - decpt);
    }
    out[n] = 0;
    return n;
}

int nf_float_repr_buf(NfBuf *b, double x)
{
    char t[NF_REPR_MAX];
    size_t n = nf_float_repr(x, t);
    return nf_buf_append(b, t, n);
}

/* ------------------------------------------------------------------------- */
/* float(str)                                                                */

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' ||
           (c >= 0x1c && c <= 0x1f);
}

static bool ieq(const char *s, size_t n, const char *word)
{
    size_t wn = strlen(word);
    if (n != wn)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != word[i])
            return false;
    }
    return true;
}

/* Copies digit (['_'] digit)* from *pp to out, dropping underscores. Returns
 * the number of digits, or -1 for a misplaced underscore. */
static int scan_digits(const char **pp, const char *end, char *out, size_t *on)
{
    const char *p = *pp;
    int n = 0;
    while (p < end) {
        if (*p >= '0' && *p <= '9') {
            out[(*on)++] = *p++;
            n++;
        } else if (*p == '_') {
            if (n == 0 || p + 1 >= end || p[1] < '0' || p[1] > '9')
                return -1;
            p++;
        } else {
            break;
        }
    }
    *pp = p;
    return n;
}

bool nf_parse_float(const char *text, size_t len, double *out)
{
    size_t n;
    char *buf = bi__ascii_numeric(text, len, &n);
    if (!buf)
        return false;
    const char *s = buf, *end = buf + n;
    bool okay = false;
    while (s < end && is_space(*s)) s++;
    while (end > s && is_space(end[-1])) end--;
    bool neg = false;
    if (s < end && (*s == '+' || *s == '-')) {
        neg = *s == '-';
        s++;
    }
    size_t rest = (size_t)(end - s);
    if (ieq(s, rest, "inf") || ieq(s, rest, "infinity")) {
        *out = neg ? -HUGE_VAL : HUGE_VAL;
        free(buf);
        return true;
    }
    if (ieq(s, rest, "nan")) {
        *out = neg ? -NAN : NAN;
        free(buf);
        return true;
    }
    char *clean = malloc(rest + 3);
    if (!clean) {
        free(buf);
        return false;
    }
    size_t cn = 0;
    clean[cn++] = neg ? '-' : '+';
    const char *p = s;
    int intd = scan_digits(&p, end, clean, &cn);
    int fracd = 0;
    if (intd < 0)
        goto done;
    if (p < end && *p == '.') {
        clean[cn++] = *p++;
        fracd = scan_digits(&p, end, clean, &cn);
        if (fracd < 0)
            goto done;
    }
    if (intd + fracd == 0)
        goto done;
    if (p < end && (*p == 'e' || *p == 'E')) {
        clean[cn++] = *p++;
        if (p < end && (*p == '+' || *p == '-'))
            clean[cn++] = *p++;
        int ed = scan_digits(&p, end, clean, &cn);
        if (ed <= 0)
            goto done;
    }
    if (p != end)
        goto done;
    clean[cn] = 0;
    errno = 0;
    char *ep;
    *out = strtod(clean, &ep);
    okay = *ep == 0;
done:
    free(clean);
    free(buf);
    return okay;
}

/* ------------------------------------------------------------------------- */
/* float arithmetic                                                          */

NfErrKind nf_float_div(double a, double b, double *out, NfError *err)
{
    if (b == 0.0)
        return fail(err, NF_ERR_ZERODIV, "float division by zero");
    *out = a / b;
    return ok(err);
}

/* Python's float divmod: remainder takes the divisor's sign; the quotient is
 * the floor, nudged to the nearest integer because (a - mod) / b is inexact. */
static void float_divmod(double a, double b, double *q, double *m)
{
    double mod = fmod(a, b);
    double div = (a - mod) / b;
    if (mod != 0.0) {
        if ((b < 0) != (mod < 0)) {
            mod += b;
            div -= 1.0;
        }
    } else {
        mod = copysign(0.0, b);
    }
    double fl;
    if (div != 0.0) {
        fl = floor(div);
        if (div - fl > 0.5)
            fl += 1.0;
    } else {
        fl = copysign(0.0, a / b);
    }
    *q = fl;
    *m = mod;
}

NfErrKind nf_float_floordiv(double a, double b, double *out, NfError *err)
{
    if (b == 0.0)
        return fail(err, NF_ERR_ZERODIV, "float floor division by zero");
    double m;
    float_divmod(a, b, out, &m);
    return ok(err);
}

NfErrKind nf_float_mod(double a, double b, double *out, NfError *err)
{
    if (b == 0.0)
        return fail(err, NF_ERR_ZERODIV, "float modulo");
    double mod = fmod(a, b);
    if (mod != 0.0) {
        if ((b < 0) != (mod < 0))
            mod += b;
    } else {
        mod = copysign(0.0, b);
    }
    *out = mod;
    return ok(err);
}

NfErrKind nf_float_divmod(double a, double b, double *q, double *m, NfError *err)
{
    if (b == 0.0)
        return fail(err, NF_ERR_ZERODIV, "float divmod()");
    float_divmod(a, b, q, m);
    return ok(err);
}

NfErrKind nf_float_pow(double a, double b, double *out, NfError *err)
{
    if (b == 0.0) {
        *out = 1.0;
        return ok(err);
    }
    if (isnan(a)) {
        *out = a;
        return ok(err);
    }
    if (isnan(b)) {
        *out = a == 1.0 ? 1.0 : b;
        return ok(err);
    }
    if (a == 0.0 && b < 0.0 && isfinite(b))
        return fail(err, NF_ERR_ZERODIV, "0.0 cannot be raised to a negative power");
    if (a < 0.0 && isfinite(a) && isfinite(b) && floor(b) != b) {
        if (err) {
            err->kind = NF_ERR_COMPLEX;
            err->msg[0] = 0;
        }
        return NF_ERR_COMPLEX;
    }
    /* C99 Annex F pow() has Python's special cases for infinities and +-1. */
    double r = pow(a, b);
    if (isinf(r) && isfinite(a) && isfinite(b))
        return fail(err, NF_ERR_OVERFLOW, "(34, 'Numerical result out of range')");
    *out = r;
    return ok(err);
}

NfErrKind nf_float_int_check(double x, NfError *err)
{
    if (isnan(x))
        return fail(err, NF_ERR_VALUE, "cannot convert float NaN to integer");
    if (isinf(x))
        return fail(err, NF_ERR_OVERFLOW, "cannot convert float infinity to integer");
    return ok(err);
}

double nf_float_round_half_even(double x)
{
    double r = round(x); /* halves away from zero */
    if (fabs(x - r) == 0.5)
        r = 2.0 * round(x / 2.0);
    return r;
}

/* Round a string of decimal integer digits at `cut` digits from the right,
 * half to even, `sticky` meaning a nonzero fraction lies below the digits.
 * Returns a malloc'd "DIGITS" string with the cut digits zeroed (maybe one
 * digit longer after a carry). */
static char *round_int_digits(const char *dig, size_t n, size_t cut, bool sticky)
{
    char *r = malloc(n + 2);
    if (!r)
        return NULL;
    r[0] = '0';
    memcpy(r + 1, dig, n);
    r[n + 1] = 0;
    size_t keep = n + 1 - cut; /* digits kept, including the leading guard '0' */
    char first = r[keep];
    bool rest_nonzero = sticky;
    for (size_t i = keep + 1; i < n + 1; i++)
        if (r[i] != '0')
            rest_nonzero = true;
    bool up = first > '5' || (first == '5' && (rest_nonzero || ((r[keep - 1] - '0') & 1)));
    for (size_t i = keep; i < n + 1; i++)
        r[i] = '0';
    if (up) {
        size_t i = keep;
        while (i-- > 0) {
            if (r[i] == '9') {
                r[i] = '0';
            } else {
                r[i]++;
                break;
            }
        }
    }
    return r;
}

NfErrKind nf_float_round(double x, int64_t ndigits, double *out, NfError *err)
{
    /* Beyond these the answer is x itself / a signed zero (as CPython). */
    const int64_t NDIGITS_MAX = (int64_t)((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103);
    const int64_t NDIGITS_MIN = -(int64_t)((DBL_MAX_EXP + 1) * 0.30103);
    if (!isfinite(x) || ndigits > NDIGITS_MAX || x == 0.0) {
        *out = x;
        return ok(err);
    }
    if (ndigits < NDIGITS_MIN) {
        *out = 0.0 * x;
        return ok(err);
    }
    double r;
    if (ndigits >= 0) {
        /* glibc's %.*f rounds the exact binary value, ties to even. */
        size_t need = (size_t)ndigits + 330;
        char *s = malloc(need);
        if (!s)
            return nomem(err);
        snprintf(s, need, "%.*f", (int)ndigits, x);
        r = strtod(s, NULL);
        free(s);
    } else {
        double ip = trunc(x);
        bool sticky = ip != x;
        char s[340];
        int n = snprintf(s, sizeof s, "%.0f", fabs(ip));
        size_t cut = (size_t)(-ndigits);
        char *rd;
        if (cut > (size_t)n) {
            r = 0.0;
            rd = NULL;
        } else {
            rd = round_int_digits(s, (size_t)n, cut, sticky);
            if (!rd)
                return nomem(err);
            r = strtod(rd, NULL);
            free(rd);
        }
        if (isinf(r))
            return fail(err, NF_ERR_OVERFLOW, "rounded value too large to represent");
        r = copysign(r, x);
    }
    if (isinf(r))
        return fail(err, NF_ERR_OVERFLOW, "rounded value too large to represent");
    *out = r;
    return ok(err);
}

bool nf_float_is_integer(double x) { return isfinite(x) && floor(x) == x; }

int64_t nf_float_hash(double x)
{
    const uint64_t P = ((uint64_t)1 << 61) - 1;
    if (isinf(x))
        return x > 0 ? 314159 : -314159;
    if (isnan(x) || x == 0.0)
        return 0;
    int e;
    double m = frexp(fabs(x), &e);            /* |x| = m * 2**e */
    uint64_t mant = (uint64_t)ldexp(m, 53);   /* |x| = mant * 2**(e-53), exact */
    int64_t ex = (int64_t)e - 53;
    int k = (int)(((ex % 61) + 61) % 61);     /* 2**61 == 1 (mod P) */
    uint64_t h = mant % P;
    if (k)
        h = ((h << k) & P) | (h >> (61 - k));
    if (h >= P)
        h -= P;
    return x < 0 ? -(int64_t)h : (int64_t)h;
}

/* ------------------------------------------------------------------------- */
/* Format-spec parsing                                                       */

static void describe_code(char *out, size_t n, uint32_t c)
{
    if (c > 32 && c < 128)
        snprintf(out, n, "%c", (char)c);
    else
        snprintf(out, n, "\\x%x", (unsigned)c);
}

static NfErrKind unknown_code(NfError *err, uint32_t c, const char *type_name)
{
    char d[16];
    describe_code(d, sizeof d, c);
    return fail(err, NF_ERR_VALUE, "Unknown format code '%s' for object of type '%.200s'", d, type_name);
}

static bool is_align(uint32_t c) { return c == '<' || c == '>' || c == '^' || c == '='; }

/* Parses a run of decimal digits; -2 on overflow, -1 when there are none. */
static int64_t parse_int(const char **pp, const char *end)
{
    const char *p = *pp;
    int64_t v = 0;
    bool any = false;
    while (p < end && *p >= '0' && *p <= '9') {
        int d = *p - '0';
        if (v > (INT64_MAX - d) / 10)
            return -2;
        v = v * 10 + d;
        any = true;
        p++;
    }
    *pp = p;
    return any ? v : -1;
}

/* The full parse; type_char gets the (possibly non-ASCII) type code point. */
static NfErrKind spec_parse(const char *spec, size_t len, const char *type_name,
                            NfSpec *o, uint32_t *type_cp, char default_align, NfError *err)
{
    const char *p = spec, *end = spec + len;
    o->fill = ' ';
    o->align = 0;
    o->sign = 0;
    o->z = o->alt = o->zero = false;
    o->width = -1;
    o->grouping = 0;
    o->precision = -1;
    o->type = 0;
    *type_cp = 0;
    bool fill_given = false, align_given = false;
    /* [[fill]align]: the fill may be any code point */
    if (p < end) {
        uint32_t c0;
        size_t k = utf8_decode(p, (size_t)(end - p), &c0);
        if (p + k < end && is_align((unsigned char)p[k])) {
            o->fill = c0;
            o->align = p[k];
            fill_given = align_given = true;
            p += k + 1;
        } else if (is_align(c0)) {
            o->align = (char)c0;
            align_given = true;
            p++;
        }
    }
    if (p < end && (*p == '+' || *p == '-' || *p == ' '))
        o->sign = *p++;
    if (p < end && *p == 'z') {
        o->z = true;
        p++;
    }
    if (p < end && *p == '#') {
        o->alt = true;
        p++;
    }
    if (!fill_given && p < end && *p == '0') {
        o->fill = '0';
        o->zero = true;
        if (!align_given && default_align == '>')
            o->align = '=';
        p++;
    }
    int64_t w = parse_int(&p, end);
    if (w == -2)
        return fail(err, NF_ERR_VALUE, "Too many decimal digits in format string");
    o->width = w;
    if (p < end && (*p == ',' || *p == '_')) {
        o->grouping = *p++;
        if (p < end && (*p == ',' || *p == '_'))
            return fail(err, NF_ERR_VALUE, "Cannot specify both ',' and '_'.");
    }
    if (p < end && *p == '.') {
        p++;
        int64_t pr = parse_int(&p, end);
        if (pr == -2)
            return fail(err, NF_ERR_VALUE, "Too many decimal digits in format string");
        if (pr == -1)
            return fail(err, NF_ERR_VALUE, "Format specifier missing precision");
        o->precision = pr;
    }
    if (p < end) {
        uint32_t tc;
        size_t k = utf8_decode(p, (size_t)(end - p), &tc);
        if (p + k != end) {
            /* More than one character left: CPython quotes the whole spec. */
            return fail(err, NF_ERR_VALUE, "Invalid format specifier '%.*s' for object of type '%.200s'",
                        (int)(len > 200 ? 200 : len), spec, type_name);
        }
        *type_cp = tc;
        o->type = tc < 128 ? (char)tc : '?';
    }
    if (o->grouping) {
        char t = o->type;
        if (*type_cp == 0 && default_align == '<')
            t = 's'; /* str's default presentation type */
        bool fine = *type_cp < 128 &&
                    (t == 'd' || t == 'e' || t == 'f' || t == 'g' || t == 'E' || t == 'G' ||
                     t == '%' || t == 'F' || t == 0 ||
                     (o->grouping == '_' && (t == 'x' || t == 'X' || t == 'o' || t == 'b')));
        if (!fine) {
            char d[16];
            uint32_t tc = *type_cp;
            if (tc == 0)
                tc = (unsigned char)(default_align == '<' ? 's' : 'd');
            describe_code(d, sizeof d, tc);
            return fail(err, NF_ERR_VALUE, "Cannot specify '%c' with '%s'.", o->grouping, d);
        }
    }
    return ok(err);
}

NfErrKind nf_spec_parse(const char *spec, size_t len, const char *type_name,
                        NfSpec *out, NfError *err)
{
    uint32_t tc;
    return spec_parse(spec, len, type_name, out, &tc, '>', err);
}

/* ------------------------------------------------------------------------- */
/* Assembling a formatted number                                             */

/* Group `digits` from the right in groups of g with separator sep, padding
 * with zeros until the result is at least min_width long (it never starts
 * with a separator). */
static int group_digits(NfBuf *b, const char *digits, size_t n, char sep, int g, int64_t min_width)
{
    if (!sep) {
        if (buf_repeat(b, "0", 1, min_width - (int64_t)n))
            return -1;
        return nf_buf_append(b, digits, n);
    }
    /* worst case size */
    int64_t cnt = (int64_t)n > min_width ? (int64_t)n : min_width;
    size_t cap = (size_t)cnt + (size_t)cnt / (size_t)g + 2;
    char *t = malloc(cap);
    if (!t)
        return -1;
    size_t pos = cap;
    size_t i = n;
    int in_group = 0;
    int64_t outlen = 0;
    for (;;) {
        if (i == 0 && outlen >= min_width)
            break;
        if (in_group == g) {
            t[--pos] = sep;
            outlen++;
            in_group = 0;
        }
        t[--pos] = i > 0 ? digits[--i] : '0';
        outlen++;
        in_group++;
    }
    int r = nf_buf_append(b, t + pos, cap - pos);
    free(t);
    return r;
}

static int put_fill(NfBuf *b, uint32_t fill, int64_t n)
{
    char enc[4];
    size_t k = nf_utf8_encode(fill, enc);
    return buf_repeat(b, enc, k, n);
}

/* sign + prefix + digits (grouped) + rest, padded per spec. `digits` are the
 * integer digits to group; `rest` is everything after them (fraction,
 * exponent, '%'). All ASCII. */
static NfErrKind assemble(NfBuf *out, const NfSpec *s, const char *sign, const char *prefix,
                          const char *digits, size_t nd, const char *rest, size_t nrest,
                          int group_size, NfError *err)
{
    size_t nsign = strlen(sign), npre = strlen(prefix);
    int64_t width = s->width < 0 ? 0 : s->width;
    if (width > NF_MAX_WIDTH)
        return nomem(err);
    char align = s->align ? s->align : '>';
    NfBuf g = NF_BUF_INIT;
    int64_t min_width = 0;
    if (s->fill == '0' && align == '=')
        min_width = width - (int64_t)(nsign + npre + nrest);
    if (group_digits(&g, digits, nd, s->grouping, group_size, min_width)) {
        nf_buf_free(&g);
        return nomem(err);
    }
    int64_t total = (int64_t)(nsign + npre + g.len + nrest);
    int64_t pad = width > total ? width - total : 0;
    int64_t left = 0, right = 0, mid = 0;
    switch (align) {
    case '<': right = pad; break;
    case '^': left = pad / 2; right = pad - left; break;
    case '=': mid = pad; break;
    default: left = pad; break;
    }
    int e = put_fill(out, s->fill, left) || nf_buf_append(out, sign, nsign) ||
            nf_buf_append(out, prefix, npre) || put_fill(out, s->fill, mid) ||
            nf_buf_append(out, g.data ? g.data : "", g.len) || nf_buf_append(out, rest, nrest) ||
            put_fill(out, s->fill, right);
    nf_buf_free(&g);
    return e ? nomem(err) : ok(err);
}

static const char *sign_text(const NfSpec *s, bool negative)
{
    if (negative)
        return "-";
    if (s->sign == '+')
        return "+";
    if (s->sign == ' ')
        return " ";
    return "";
}

/* ------------------------------------------------------------------------- */
/* format(str, spec)                                                         */

static NfErrKind pad_text(NfBuf *out, const char *s, size_t slen, uint32_t fill, char align,
                          int64_t width, NfError *err)
{
    if (width > NF_MAX_WIDTH)
        return nomem(err);
    int64_t n = (int64_t)nf_utf8_count(s, slen);
    int64_t pad = width > n ? width - n : 0;
    int64_t left = 0, right = 0;
    if (align == '>')
        left = pad;
    else if (align == '^') {
        left = pad / 2;
        right = pad - left;
    } else
        right = pad;
    if (put_fill(out, fill, left) || nf_buf_append(out, s, slen) || put_fill(out, fill, right))
        return nomem(err);
    return ok(err);
}

NfErrKind nf_format_str(NfBuf *out, const char *s, size_t slen,
                        const char *spec, size_t speclen, NfError *err)
{
    NfSpec sp;
    uint32_t tc;
    NfErrKind k = spec_parse(spec, speclen, "str", &sp, &tc, '<', err);
    if (k)
        return k;
    if (tc != 0 && tc != 's')
        return unknown_code(err, tc, "str");
    if (sp.sign == ' ')
        return fail(err, NF_ERR_VALUE, "Space not allowed in string format specifier");
    if (sp.sign)
        return fail(err, NF_ERR_VALUE, "Sign not allowed in string format specifier");
    if (sp.z)
        return fail(err, NF_ERR_VALUE, "Negative zero coercion (z) not allowed in string format specifier");
    if (sp.alt)
        return fail(err, NF_ERR_VALUE, "Alternate form (#) not allowed in string format specifier");
    if (sp.align == '=')
        return fail(err, NF_ERR_VALUE, "'=' alignment not allowed in string format specifier");
    size_t n = slen;
    if (sp.precision >= 0)
        n = utf8_prefix(s, slen, (uint64_t)sp.precision);
    return pad_text(out, s, n, sp.fill, sp.align ? sp.align : '<', sp.width, err);
}

/* ------------------------------------------------------------------------- */
/* format(float, spec)                                                       */

/* Formats v per an already-validated spec. `type` is one of e E f F g G n % 0. */
static NfErrKind format_double(NfBuf *out, double v, const NfSpec *sp, char type, NfError *err)
{
    bool upper = type == 'E' || type == 'F' || type == 'G';
    bool dot0 = false;
    char t;
    int64_t prec = sp->precision;
    bool pct = false;
    switch (type) {
    case 'e': case 'E': t = 'e'; break;
    case 'f': case 'F': t = 'f'; break;
    case 'g': case 'G': case 'n': t = 'g'; break;
    case '%': t = 'f'; pct = true; v *= 100.0; break;
    default:
        t = prec < 0 ? 'r' : 'g';
        dot0 = true;
        break;
    }
    if (prec < 0)
        prec = 6;
    if (prec > INT_MAX)
        return fail(err, NF_ERR_VALUE, "precision too big");
    if (prec > NF_MAX_WIDTH && (t != 'g' || sp->alt))
        return nomem(err); /* only 'g' without '#' stays short for any precision */
    bool neg = signbit(v) && !isnan(v);
    NfBuf body = NF_BUF_INIT;
    if (float_body(&body, fabs(v), t, (int)prec, sp->alt, dot0, upper) ||
        (pct && nf_buf_putc(&body, '%'))) {
        nf_buf_free(&body);
        return nomem(err);
    }
    if (neg && sp->z) {
        /* 'z': a value that rounds to zero loses its sign */
        bool nonzero = false;
        for (size_t i = 0; i < body.len; i++) {
            char c = body.data[i];
            if (c == 'e' || c == 'E' || c == '%')
                break;
            if ((c >= '1' && c <= '9') || c == 'i' || c == 'I' || c == 'n' || c == 'N')
                nonzero = true;
        }
        if (!nonzero)
            neg = false;
    }
    /* integer digits are the leading run of decimal digits */
    size_t nd = 0;
    while (nd < body.len && body.data[nd] >= '0' && body.data[nd] <= '9')
        nd++;
    NfSpec s2 = *sp;
    if (!isfinite(v))
        s2.grouping = 0; /* inf/nan have no digits to group, even in zero padding */
    NfErrKind k = assemble(out, &s2, sign_text(sp, neg), "", body.data, nd, body.data + nd,
                           body.len - nd, 3, err);
    nf_buf_free(&body);
    return k;
}

NfErrKind nf_format_float(NfBuf *out, double v, const char *spec, size_t speclen,
                          const char *type_name, NfError *err)
{
    if (speclen == 0) {
        if (nf_float_repr_buf(out, v))
            return nomem(err);
        return ok(err);
    }
    NfSpec sp;
    uint32_t tc;
    NfErrKind k = spec_parse(spec, speclen, type_name, &sp, &tc, '>', err);
    if (k)
        return k;
    switch (tc) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
        break;
    default:
        return unknown_code(err, tc, type_name);
    }
    return format_double(out, v, &sp, (char)tc, err);
}

/* ------------------------------------------------------------------------- */
/* format(int, spec)                                                         */

/* Magnitude digits of an int in base (lower/upper hex) into a malloc'd string. */
typedef struct IntSrc {
    const BigInt *big;  /* or */
    int64_t small;
} IntSrc;

static bool src_neg(const IntSrc *s) { return s->big ? s->big->neg != 0 : s->small < 0; }

static int src_digits(const IntSrc *s, int base, bool upper, size_t limit, char **out, size_t *n)
{
    if (s->big) {
        BigInt a = *s->big;
        a.neg = 0; /* shallow view of the magnitude */
        return bi_to_str(&a, base, upper ? BI_STR_UPPER : 0, base == 10 ? limit : 0, out, n);
    }
    uint64_t m = s->small < 0 ? (uint64_t)0 - (uint64_t)s->small : (uint64_t)s->small;
    char tmp[72];
    int i = 72;
    const char *dig = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    do {
        tmp[--i] = dig[m % (uint64_t)base];
        m /= (uint64_t)base;
    } while (m);
    char *r = malloc((size_t)(72 - i) + 1);
    if (!r)
        return BI_ENOMEM;
    memcpy(r, tmp + i, (size_t)(72 - i));
    r[72 - i] = 0;
    *out = r;
    *n = (size_t)(72 - i);
    return BI_OK;
}

static NfErrKind bi_fail(NfError *err, int code, size_t limit)
{
    switch (code) {
    case BI_ESTRLIMIT:
        if (err) {
            err->kind = NF_ERR_VALUE;
            bi_strlimit_msg(err->msg, sizeof err->msg, true, limit, 0);
        }
        return NF_ERR_VALUE;
    case BI_EOVERFLOW:
        return fail(err, NF_ERR_OVERFLOW, BI_MSG_TO_FLOAT);
    default:
        return nomem(err);
    }
}

static NfErrKind format_int_src(NfBuf *out, const IntSrc *src, const char *spec, size_t speclen,
                                const char *type_name, size_t limit, NfError *err)
{
    if (speclen == 0) {
        char *s;
        size_t n;
        int e = src_digits(src, 10, false, limit, &s, &n);
        if (e)
            return bi_fail(err, e, limit);
        int r = (src_neg(src) && nf_buf_putc(out, '-')) || nf_buf_append(out, s, n);
        free(s);
        return r ? nomem(err) : ok(err);
    }
    NfSpec sp;
    uint32_t tc;
    NfErrKind k = spec_parse(spec, speclen, type_name, &sp, &tc, '>', err);
    if (k)
        return k;
    int base = 10;
    switch (tc) {
    case 0: case 'd': case 'n': base = 10; break;
    case 'b': base = 2; break;
    case 'o': base = 8; break;
    case 'x': case 'X': base = 16; break;
    case 'c': break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double d;
        if (src->big) {
            int e = bi_to_double(src->big, &d);
            if (e)
                return bi_fail(err, e, limit);
        } else {
            d = (double)src->small;
        }
        return format_double(out, d, &sp, (char)tc, err);
    }
    default:
        return unknown_code(err, tc, type_name);
    }
    if (sp.precision >= 0)
        return fail(err, NF_ERR_VALUE, "Precision not allowed in integer format specifier");
    if (sp.z)
        return fail(err, NF_ERR_VALUE, "Negative zero coercion (z) not allowed in integer format specifier");
    if (tc == 'c') {
        if (sp.sign)
            return fail(err, NF_ERR_VALUE, "Sign not allowed with integer format specifier 'c'");
        if (sp.alt)
            return fail(err, NF_ERR_VALUE, "Alternate form (#) not allowed with integer format specifier 'c'");
        int64_t v;
        if (src->big) {
            if (bi_to_i64(src->big, &v))
                return fail(err, NF_ERR_OVERFLOW, "Python int too large to convert to C long");
        } else {
            v = src->small;
        }
        if (v < 0 || v > 0x10FFFF)
            return fail(err, NF_ERR_OVERFLOW, "%%c arg not in range(0x110000)");
        char enc[4];
        size_t n = nf_utf8_encode((uint32_t)v, enc);
        /* a character is a number without sign or digits: '=' pads on the left */
        char align = sp.align && sp.align != '=' ? sp.align : '>';
        return pad_text(out, enc, n, sp.fill, align, sp.width, err);
    }
    char *digits;
    size_t nd;
    int e = src_digits(src, base, tc == 'X', limit, &digits, &nd);
    if (e)
        return bi_fail(err, e, limit);
    const char *prefix = "";
    if (sp.alt) {
        if (tc == 'b') prefix = "0b";
        else if (tc == 'o') prefix = "0o";
        else if (tc == 'x') prefix = "0x";
        else if (tc == 'X') prefix = "0X";
    }
    k = assemble(out, &sp, sign_text(&sp, src_neg(src)), prefix, digits, nd, "", 0,
                 base == 10 ? 3 : 4, err);
    free(digits);
    return k;
}

NfErrKind nf_format_i64(NfBuf *out, int64_t v, const char *spec, size_t speclen,
                        const char *type_name, NfError *err)
{
    IntSrc s = {NULL, v};
    return format_int_src(out, &s, spec, speclen, type_name, BI_DEFAULT_MAX_STR_DIGITS, err);
}

NfErrKind nf_format_int(NfBuf *out, const BigInt *v, const char *spec, size_t speclen,
                        const char *type_name, NfError *err)
{
    IntSrc s = {v, 0};
    return format_int_src(out, &s, spec, speclen, type_name, BI_DEFAULT_MAX_STR_DIGITS, err);
}

NfErrKind nf_format_int_limit(NfBuf *out, const BigInt *v, const char *spec, size_t speclen,
                              const char *type_name, size_t max_str_digits, NfError *err)
{
    IntSrc s = {v, 0};
    return format_int_src(out, &s, spec, speclen, type_name, max_str_digits, err);
}

/* ------------------------------------------------------------------------- */
/* printf-style % conversions                                                */

/* sign/prefix, zero or space padding, per the % flags. body is ASCII. */
static NfErrKind pct_assemble(NfBuf *out, const NfPct *p, const char *sign, const char *prefix,
                              const char *body, size_t nbody, NfError *err)
{
    int64_t width = p->width;
    unsigned flags = p->flags;
    if (width < 0 && width != -1) {
        flags |= NF_PCT_MINUS;
        width = -width;
    }
    if (width > NF_MAX_WIDTH)
        return nomem(err);
    size_t head = strlen(sign) + strlen(prefix);
    int64_t total = (int64_t)(head + nbody);
    int64_t pad = width > total ? width - total : 0;
    int r;
    if (flags & NF_PCT_MINUS)
        r = buf_puts(out, sign) || buf_puts(out, prefix) || nf_buf_append(out, body, nbody) ||
            buf_repeat(out, " ", 1, pad);
    else if (flags & NF_PCT_ZERO)
        r = buf_puts(out, sign) || buf_puts(out, prefix) || buf_repeat(out, "0", 1, pad) ||
            nf_buf_append(out, body, nbody);
    else
        r = buf_repeat(out, " ", 1, pad) || buf_puts(out, sign) || buf_puts(out, prefix) ||
            nf_buf_append(out, body, nbody);
    return r ? nomem(err) : ok(err);
}

static const char *pct_sign(unsigned flags, bool neg)
{
    if (neg)
        return "-";
    if (flags & NF_PCT_PLUS)
        return "+";
    if (flags & NF_PCT_SPACE)
        return " ";
    return "";
}

static NfErrKind pct_int_src(NfBuf *out, const NfPct *p, const IntSrc *src, NfError *err)
{
    int base = 10;
    char c = p->conv;
    if (c == 'x' || c == 'X')
        base = 16;
    else if (c == 'o')
        base = 8;
    else if (c != 'd' && c != 'i' && c != 'u')
        return fail(err, NF_ERR_VALUE, "unsupported format character '%c'", c);
    char *digits;
    size_t nd;
    int e = src_digits(src, base, c == 'X', BI_DEFAULT_MAX_STR_DIGITS, &digits, &nd);
    if (e)
        return bi_fail(err, e, BI_DEFAULT_MAX_STR_DIGITS);
    const char *prefix = "";
    if (p->flags & NF_PCT_ALT)
        prefix = c == 'x' ? "0x" : c == 'X' ? "0X" : c == 'o' ? "0o" : "";
    NfBuf body = NF_BUF_INIT;
    int r = 0;
    if (p->precision > (int64_t)nd) {
        if (p->precision > NF_MAX_WIDTH)
            r = -1;
        else
            r = buf_repeat(&body, "0", 1, p->precision - (int64_t)nd);
    }
    r = r || nf_buf_append(&body, digits, nd);
    free(digits);
    NfErrKind k = r ? nomem(err)
                    : pct_assemble(out, p, pct_sign(p->flags, src_neg(src)), prefix, body.data,
                                   body.len, err);
    nf_buf_free(&body);
    return k;
}

NfErrKind nf_pct_int(NfBuf *out, const NfPct *p, const BigInt *v, NfError *err)
{
    IntSrc s = {v, 0};
    return pct_int_src(out, p, &s, err);
}

NfErrKind nf_pct_i64(NfBuf *out, const NfPct *p, int64_t v, NfError *err)
{
    IntSrc s = {NULL, v};
    return pct_int_src(out, p, &s, err);
}

NfErrKind nf_pct_float(NfBuf *out, const NfPct *p, double v, NfError *err)
{
    char c = p->conv;
    char t;
    switch (c) {
    case 'e': case 'E': t = 'e'; break;
    case 'f': case 'F': t = 'f'; break;
    case 'g': case 'G': t = 'g'; break;
    default:
        return fail(err, NF_ERR_VALUE, "unsupported format character '%c'", c);
    }
    int64_t prec = p->precision < 0 ? 6 : p->precision;
    if (prec > INT_MAX)
        return fail(err, NF_ERR_VALUE, "precision too big");
    if (prec > NF_MAX_WIDTH && (t != 'g' || (p->flags & NF_PCT_ALT)))
        return nomem(err);
    bool upper = c == 'E' || c == 'F' || c == 'G';
    NfBuf body = NF_BUF_INIT;
    if (float_body(&body, fabs(v), t, (int)prec, (p->flags & NF_PCT_ALT) != 0, false, upper)) {
        nf_buf_free(&body);
        return nomem(err);
    }
    bool neg = signbit(v) && !isnan(v);
    NfErrKind k = pct_assemble(out, p, pct_sign(p->flags, neg), "", body.data, body.len, err);
    nf_buf_free(&body);
    return k;
}

NfErrKind nf_pct_str(NfBuf *out, const NfPct *p, const char *s, size_t slen, NfError *err)
{
    size_t n = slen;
    if (p->precision >= 0)
        n = utf8_prefix(s, slen, (uint64_t)p->precision);
    int64_t width = p->width;
    bool left = (p->flags & NF_PCT_MINUS) != 0;
    if (width < -1) {
        left = true;
        width = -width;
    }
    return pad_text(out, s, n, ' ', left ? '<' : '>', width, err);
}
