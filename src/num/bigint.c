/*
 * bigint.c - arbitrary-precision integers with Python int semantics.
 *
 * Layout: sign + magnitude in little-endian 32-bit limbs; products and
 * quotients use 64-bit intermediates. The low-level mag_* helpers work on raw
 * limb arrays and never allocate unless they say so; the bi_* functions own
 * allocation, normalisation and aliasing (they compute into a temporary when the
 * result aliases an operand in a way the helper cannot tolerate).
 *
 * Must not touch: the VM, any global state other than the size cap below.
 */
#include "bigint.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef uint32_t limb;
typedef uint64_t dlimb;

#define LIMB_BITS 32
/* Below this many limbs (of the shorter operand) schoolbook multiplication wins. */
#ifndef KARATSUBA_CUTOFF
#define KARATSUBA_CUTOFF 64
#endif

/* The one piece of process-wide state: the size cap on any value. */
static uint64_t g_max_bits = BI_DEFAULT_MAX_BITS;

void bi_set_max_bits(uint64_t bits)
{
    if (bits == 0)
        bits = BI_DEFAULT_MAX_BITS;
    /* Limb counts are uint32_t: keep well inside that. */
    if (bits > ((uint64_t)1 << 36))
        bits = (uint64_t)1 << 36;
    g_max_bits = bits;
}

uint64_t bi_max_bits(void) { return g_max_bits; }

const char *bi_errmsg(int code)
{
    switch (code) {
    case BI_OK: return "";
    case BI_ENOMEM: return "out of memory";
    case BI_ETOOBIG: return "integer too large (exceeds the configured size limit)";
    case BI_EZERODIV: return BI_MSG_FLOORDIV_ZERO;
    case BI_EVALUE: return "invalid value";
    case BI_EOVERFLOW: return "Python int too large to convert to C long";
    case BI_ENEGSHIFT: return BI_MSG_NEGSHIFT;
    case BI_ESTRLIMIT: return "Exceeds the limit for integer string conversion";
    case BI_EBASE: return BI_MSG_BASE;
    case BI_ENOTINV: return BI_MSG_NOTINV;
    default: return "unknown error";
    }
}

void bi_strlimit_msg(char *buf, size_t bufsize, bool to_str, size_t limit, size_t ndigits)
{
    if (bufsize == 0)
        return;
    if (to_str)
        snprintf(buf, bufsize,
                 "Exceeds the limit (%zu digits) for integer string conversion; "
                 "use sys.set_int_max_str_digits() to increase the limit", limit);
    else
        snprintf(buf, bufsize,
                 "Exceeds the limit (%zu digits) for integer string conversion: "
                 "value has %zu digits; use sys.set_int_max_str_digits() to increase the limit",
                 limit, ndigits);
}

/* ------------------------------------------------------------------------- */
/* Storage                                                                   */

void bi_init(BigInt *a)
{
    a->limb = NULL;
    a->len = a->cap = 0;
    a->neg = 0;
}

/* cap == 0 with limb != NULL marks borrowed storage (bi_small_i64): it is
 * never freed or reallocated, only replaced by owned storage when written. */
void bi_free(BigInt *a)
{
    if (a->cap)
        free(a->limb);
    bi_init(a);
}

const BigInt *bi_small_i64(BiSmall *s, int64_t v)
{
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    s->storage[0] = (uint32_t)m;
    s->storage[1] = (uint32_t)(m >> 32);
    s->big.limb = s->storage;
    s->big.len = s->storage[1] ? 2 : s->storage[0] ? 1 : 0;
    s->big.cap = 0;
    s->big.neg = v < 0;
    return &s->big;
}

size_t bi_size_bytes(const BigInt *a) { return (size_t)a->cap * sizeof(limb); }

void bi_swap(BigInt *a, BigInt *b)
{
    BigInt t = *a;
    *a = *b;
    *b = t;
}

static uint64_t max_limbs(void) { return g_max_bits / LIMB_BITS + 2; }

/* Make room for n limbs (contents preserved up to len). */
static int reserve(BigInt *a, uint64_t n)
{
    if (n <= a->cap)
        return BI_OK;
    if (n > max_limbs())
        return BI_ETOOBIG;
    uint64_t ncap = (uint64_t)a->cap + a->cap / 2;
    if (ncap < n)
        ncap = n;
    if (ncap < 4)
        ncap = 4;
    if (ncap > max_limbs())
        ncap = n;
    limb *p;
    if (a->cap == 0) {
        /* nothing owned yet (or borrowed storage): fresh block, keep the value */
        p = malloc((size_t)ncap * sizeof(limb));
        if (p && a->len)
            memcpy(p, a->limb, a->len * sizeof(limb));
    } else {
        p = realloc(a->limb, (size_t)ncap * sizeof(limb));
    }
    if (!p)
        return BI_ENOMEM;
    a->limb = p;
    a->cap = (uint32_t)ncap;
    return BI_OK;
}

static void normalize(BigInt *a)
{
    while (a->len > 0 && a->limb[a->len - 1] == 0)
        a->len--;
    if (a->len == 0)
        a->neg = 0;
}

static void set_zero(BigInt *a)
{
    a->len = 0;
    a->neg = 0;
}

int bi_copy(BigInt *r, const BigInt *a)
{
    if (r == a)
        return BI_OK;
    int e = reserve(r, a->len);
    if (e)
        return e;
    if (a->len)
        memcpy(r->limb, a->limb, a->len * sizeof(limb));
    r->len = a->len;
    r->neg = a->neg;
    return BI_OK;
}

int bi_set_u64(BigInt *r, uint64_t v)
{
    int e = reserve(r, 2);
    if (e)
        return e;
    r->limb[0] = (limb)v;
    r->limb[1] = (limb)(v >> 32);
    r->len = 2;
    r->neg = 0;
    normalize(r);
    return BI_OK;
}

int bi_set_i64(BigInt *r, int64_t v)
{
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    int e = bi_set_u64(r, m);
    if (e)
        return e;
    r->neg = v < 0 && m != 0;
    return BI_OK;
}

/* ------------------------------------------------------------------------- */
/* Magnitude helpers on raw limb arrays                                      */

static int mag_cmp(const limb *a, size_t an, const limb *b, size_t bn)
{
    if (an != bn)
        return an < bn ? -1 : 1;
    while (an-- > 0) {
        if (a[an] != b[an])
            return a[an] < b[an] ? -1 : 1;
    }
    return 0;
}

/* r = a + b, an >= bn, r has an limbs; returns carry. r may alias a or b. */
static limb mag_add(limb *r, const limb *a, size_t an, const limb *b, size_t bn)
{
    dlimb c = 0;
    size_t i = 0;
    for (; i < bn; i++) {
        c += (dlimb)a[i] + b[i];
        r[i] = (limb)c;
        c >>= 32;
    }
    for (; i < an; i++) {
        c += a[i];
        r[i] = (limb)c;
        c >>= 32;
    }
    return (limb)c;
}

/* r = a - b, a >= b as magnitudes, an >= bn; returns borrow (0 when a >= b). */
static limb mag_sub(limb *r, const limb *a, size_t an, const limb *b, size_t bn)
{
    limb borrow = 0;
    size_t i = 0;
    for (; i < bn; i++) {
        dlimb d = (dlimb)a[i] - b[i] - borrow;
        r[i] = (limb)d;
        borrow = (limb)(d >> 63);
    }
    for (; i < an; i++) {
        dlimb d = (dlimb)a[i] - borrow;
        r[i] = (limb)d;
        borrow = (limb)(d >> 63);
    }
    return borrow;
}

/* a[0..n) += b[0..bn) (bn <= n); returns carry out of a[n-1]. */
static limb mag_add_into(limb *a, size_t n, const limb *b, size_t bn)
{
    return mag_add(a, a, n, b, bn);
}

/* a[0..n) -= b[0..bn); returns borrow. */
static limb mag_sub_into(limb *a, size_t n, const limb *b, size_t bn)
{
    return mag_sub(a, a, n, b, bn);
}

/* r[0..n) = a[0..n) * m + add; returns the high limb. r may alias a. */
static limb mag_mul_1(limb *r, const limb *a, size_t n, limb m, limb add)
{
    dlimb c = add;
    for (size_t i = 0; i < n; i++) {
        c += (dlimb)a[i] * m;
        r[i] = (limb)c;
        c >>= 32;
    }
    return (limb)c;
}

/* a[0..n) /= d in place; returns the remainder. */
static limb mag_divrem_1(limb *a, size_t n, limb d)
{
    dlimb rem = 0;
    while (n-- > 0) {
        dlimb cur = (rem << 32) | a[n];
        a[n] = (limb)(cur / d);
        rem = cur % d;
    }
    return (limb)rem;
}

/* Schoolbook: r[0..an+bn) = a * b. r must not alias a or b. */
static void mul_school(limb *r, const limb *a, size_t an, const limb *b, size_t bn)
{
    memset(r, 0, (an + bn) * sizeof(limb));
    for (size_t i = 0; i < bn; i++) {
        limb bi = b[i];
        if (bi == 0)
            continue;
        dlimb c = 0;
        limb *ri = r + i;
        for (size_t j = 0; j < an; j++) {
            c += (dlimb)a[j] * bi + ri[j];
            ri[j] = (limb)c;
            c >>= 32;
        }
        ri[an] = (limb)c;
    }
}

/* The schoolbook base case works on 64-bit digits (pairs of limbs, 64x64->128
 * multiplies): a quarter of the multiplications of the 32-bit loop. Limbs past
 * the end of an operand read as zero; digits past the end of the product are
 * known to be zero and are not stored. */
typedef unsigned __int128 qlimb;

static inline uint64_t get64(const limb *p, size_t k, size_t n)
{
    size_t i = 2 * k;
    if (i + 1 < n) {
        uint64_t v;
        memcpy(&v, p + i, sizeof v);
        return v;
    }
    return i < n ? p[i] : 0;
}

static inline void put64(limb *p, size_t k, size_t n, uint64_t v)
{
    size_t i = 2 * k;
    if (i + 1 < n) {
        memcpy(p + i, &v, sizeof v);
    } else if (i < n) {
        p[i] = (limb)v;
    }
}

/* r[0..an+bn) = a * b; r must not alias a or b. */
static void mul_school64(limb *r, const limb *a, size_t an, const limb *b, size_t bn)
{
    size_t A = (an + 1) / 2, B = (bn + 1) / 2, n = an + bn;
    memset(r, 0, n * sizeof(limb));
    for (size_t j = 0; j < B; j++) {
        uint64_t bj = get64(b, j, bn);
        if (bj == 0)
            continue;
        uint64_t carry = 0;
        size_t i = 0;
        /* fast middle: every digit of a and r in range */
        for (; i < A && 2 * (i + j) + 1 < n && 2 * i + 1 < an; i++) {
            uint64_t ai, ri;
            memcpy(&ai, a + 2 * i, 8);
            memcpy(&ri, r + 2 * (i + j), 8);
            qlimb t = (qlimb)ai * bj + ri + carry;
            ri = (uint64_t)t;
            memcpy(r + 2 * (i + j), &ri, 8);
            carry = (uint64_t)(t >> 64);
        }
        for (; i < A; i++) {
            qlimb t = (qlimb)get64(a, i, an) * bj + get64(r, i + j, n) + carry;
            put64(r, i + j, n, (uint64_t)t);
            carry = (uint64_t)(t >> 64);
        }
        for (size_t k = A + j; carry && 2 * k < n; k++) {
            qlimb t = (qlimb)get64(r, k, n) + carry;
            put64(r, k, n, (uint64_t)t);
            carry = (uint64_t)(t >> 64);
        }
    }
}

static size_t trim(const limb *a, size_t n)
{
    while (n > 0 && a[n - 1] == 0)
        n--;
    return n;
}

/* ------------------------------------------------------------------------- */
/* Number-theoretic transform multiplication for huge operands               */
/*
 * Above NTT_CUTOFF limbs, products go through a convolution modulo the prime
 * P = 2**64 - 2**32 + 1: limbs are split into 16-bit pieces, so every
 * coefficient of the exact convolution (< pieces * 2**32) stays below P and one
 * prime suffices (no CRT). P - 1 is divisible by 2**32 and 7 generates the
 * multiplicative group, which gives the roots of unity.
 */
#ifndef NTT_CUTOFF
#define NTT_CUTOFF 10000
#endif
/* Transform memory is 4 words per piece: stay under ~128 MiB, Karatsuba beyond. */
#define NTT_MAX_LIMBS ((size_t)1 << 21)
#define GL_P 0xFFFFFFFF00000001ULL
#define GL_EPS 0xFFFFFFFFULL /* 2**64 mod P */

/* Branch-free: with random data every one of these conditions is a coin toss. */
static inline uint64_t gl_reduce(qlimb x)
{
    /* x = lo + hl*2**64 + hh*2**96 with 2**64 == EPS and 2**96 == -1 (mod P) */
    uint64_t lo = (uint64_t)x, hi = (uint64_t)(x >> 64);
    uint64_t hh = hi >> 32, hl = hi & 0xFFFFFFFFULL;
    uint64_t t0 = lo - hh;
    t0 -= GL_EPS & (0 - (uint64_t)(lo < hh));
    uint64_t t1 = hl * GL_EPS;
    uint64_t r = t0 + t1;
    r += GL_EPS & (0 - (uint64_t)(r < t1));
    r -= GL_P & (0 - (uint64_t)(r >= GL_P));
    return r;
}

static inline uint64_t gl_mul(uint64_t a, uint64_t b) { return gl_reduce((qlimb)a * b); }

static inline uint64_t gl_add(uint64_t a, uint64_t b)
{
    uint64_t s = a + b;
    s -= GL_P & (0 - (uint64_t)((s < a) | (s >= GL_P)));
    return s;
}

static inline uint64_t gl_sub(uint64_t a, uint64_t b)
{
    uint64_t d = a - b;
    d += GL_P & (0 - (uint64_t)(a < b));
    return d;
}

static uint64_t gl_pow(uint64_t b, uint64_t e)
{
    uint64_t r = 1;
    while (e) {
        if (e & 1)
            r = gl_mul(r, b);
        b = gl_mul(b, b);
        e >>= 1;
    }
    return r;
}

/* Twiddles laid out per stage: tw[h + j] = (root of order 2h)**j for j < h,
 * h = 1, 2, 4, ... n/2, so every stage reads its factors sequentially. Only
 * the largest stage costs multiplications: each smaller stage takes every
 * other factor of the next one, and the inverse roots are w**-j = -w**(h-j)
 * (w**h == -1 for a root of order 2h). */
static void ntt_twiddles(uint64_t *tw, uint64_t *itw, size_t n)
{
    size_t top = n / 2;
    int lg = __builtin_ctzll(n);
    uint64_t w = gl_pow(7, (GL_P - 1) >> lg);
    tw[top] = 1;
    for (size_t j = 1; j < top; j++)
        tw[top + j] = gl_mul(tw[top + j - 1], w);
    for (size_t h = top / 2; h >= 1; h >>= 1)
        for (size_t j = 0; j < h; j++)
            tw[h + j] = tw[2 * h + 2 * j];
    for (size_t h = 1; h <= top; h <<= 1) {
        itw[h] = 1;
        for (size_t j = 1; j < h; j++)
            itw[h + j] = GL_P - tw[h + h - j];
    }
}

/* Forward transform, decimation in frequency: natural order in, bit-reversed
 * order out. The pointwise product does not care about the order, and the
 * inverse below takes bit-reversed input, so no permutation pass is needed. */
static void ntt_dif(uint64_t *x, size_t n, const uint64_t *tw)
{
    for (size_t h = n / 2; h >= 1; h >>= 1) {
        const uint64_t *w = tw + h;
        for (size_t i = 0; i < n; i += 2 * h) {
            uint64_t *p = x + i, *q = x + i + h;
            for (size_t j = 0; j < h; j++) {
                uint64_t u = p[j], v = q[j];
                p[j] = gl_add(u, v);
                q[j] = gl_mul(gl_sub(u, v), w[j]);
            }
        }
    }
}

/* Inverse transform (without the 1/n), decimation in time: bit-reversed in,
 * natural order out; itw holds inverse roots. */
static void ntt_dit(uint64_t *x, size_t n, const uint64_t *itw)
{
    for (size_t h = 1; h < n; h <<= 1) {
        const uint64_t *w = itw + h;
        for (size_t i = 0; i < n; i += 2 * h) {
            uint64_t *p = x + i, *q = x + i + h;
            for (size_t j = 0; j < h; j++) {
                uint64_t u = p[j], v = gl_mul(q[j], w[j]);
                p[j] = gl_add(u, v);
                q[j] = gl_sub(u, v);
            }
        }
    }
}

/* r[0..an+bn) = a * b via the transform. Returns 0 or -1 (no memory). */
static int mul_ntt(limb *r, const limb *a, size_t an, const limb *b, size_t bn)
{
    bool square = (a == b && an == bn);
    size_t pieces = 2 * (an + bn);
    size_t n = 1;
    while (n < pieces)
        n <<= 1;
    size_t words = (square ? 1 : 2) * n + 2 * n;
    uint64_t *x = malloc(words * sizeof(uint64_t));
    if (!x)
        return -1;
    uint64_t *y = square ? x : x + n;
    uint64_t *tw = (square ? x + n : x + 2 * n), *itw = tw + n;
    ntt_twiddles(tw, itw, n);
    memset(x, 0, n * sizeof(uint64_t));
    for (size_t i = 0; i < an; i++) {
        x[2 * i] = a[i] & 0xFFFF;
        x[2 * i + 1] = a[i] >> 16;
    }
    ntt_dif(x, n, tw);
    if (!square) {
        memset(y, 0, n * sizeof(uint64_t));
        for (size_t i = 0; i < bn; i++) {
            y[2 * i] = b[i] & 0xFFFF;
            y[2 * i + 1] = b[i] >> 16;
        }
        ntt_dif(y, n, tw);
    }
    uint64_t ninv = gl_pow(n, GL_P - 2);
    for (size_t i = 0; i < n; i++)
        x[i] = gl_mul(gl_mul(x[i], y[i]), ninv);
    ntt_dit(x, n, itw);
    uint64_t carry = 0;
    for (size_t k = 0; k < pieces; k++) {
        qlimb t = (qlimb)x[k] + carry;
        uint64_t piece = (uint64_t)t & 0xFFFF;
        carry = (uint64_t)(t >> 16);
        if (k & 1)
            r[k / 2] |= (limb)(piece << 16);
        else
            r[k / 2] = (limb)piece;
    }
    free(x);
    return 0;
}

static int mul_rec(limb *r, const limb *a, size_t an, const limb *b, size_t bn);

/* r[0..an+bn) = a * b with an >= bn; r must not alias a or b. Returns 0 or -1 on
 * allocation failure (of Karatsuba scratch space). */
static int mul_rec(limb *r, const limb *a, size_t an, const limb *b, size_t bn)
{
    if (bn >= NTT_CUTOFF && an < 8 * bn && an + bn <= NTT_MAX_LIMBS)
        return mul_ntt(r, a, an, b, bn);
    if (bn < KARATSUBA_CUTOFF) {
        if (bn <= 2)
            mul_school(r, a, an, b, bn);
        else
            mul_school64(r, a, an, b, bn);
        return 0;
    }
    if (an >= 2 * bn) {
        /* Unbalanced: multiply bn-sized slices of a by b and add them up. */
        limb *t = malloc(2 * bn * sizeof(limb));
        if (!t)
            return -1;
        memset(r, 0, (an + bn) * sizeof(limb));
        for (size_t off = 0; off < an; off += bn) {
            size_t len = an - off < bn ? an - off : bn;
            int e = len >= bn ? mul_rec(t, a + off, len, b, bn) : mul_rec(t, b, bn, a + off, len);
            if (e) {
                free(t);
                return -1;
            }
            limb c = mag_add_into(r + off, an + bn - off, t, len + bn);
            (void)c; /* cannot carry out: the full product fits */
        }
        free(t);
        return 0;
    }
    /* Karatsuba: a = a1*B^h + a0, b = b1*B^h + b0 with h = ceil(an/2) < bn. */
    size_t h = (an + 1) / 2;
    const limb *a0 = a, *a1 = a + h, *b0 = b, *b1 = b + h;
    size_t a0n = trim(a0, h), a1n = an - h;
    size_t b0n = trim(b0, h), b1n = bn - h;
    bool square = (a == b && an == bn);
    /* scratch: sa (h+1), sb (h+1), z1 (2h+2) */
    limb *s = malloc((4 * h + 4) * sizeof(limb));
    if (!s)
        return -1;
    limb *sa = s, *sb = s + h + 1, *z1 = s + 2 * h + 2;
    memset(r, 0, (an + bn) * sizeof(limb));
    /* z0 = a0*b0 into r[0..2h), z2 = a1*b1 into r[2h..an+bn) */
    if (a0n && b0n) {
        int e = a0n >= b0n ? mul_rec(r, a0, a0n, b0, b0n) : mul_rec(r, b0, b0n, a0, a0n);
        if (e) { free(s); return -1; }
    }
    if (a1n && b1n) {
        int e = a1n >= b1n ? mul_rec(r + 2 * h, a1, a1n, b1, b1n) : mul_rec(r + 2 * h, b1, b1n, a1, a1n);
        if (e) { free(s); return -1; }
    }
    /* sa = a0 + a1, sb = b0 + b1 */
    memcpy(sa, a0, h * sizeof(limb));
    sa[h] = mag_add_into(sa, h, a1, a1n);
    size_t san = trim(sa, h + 1), sbn;
    if (square) {
        sbn = san;
    } else {
        memcpy(sb, b0, h * sizeof(limb));
        sb[h] = mag_add_into(sb, h, b1, b1n);
        sbn = trim(sb, h + 1);
    }
    memset(z1, 0, (2 * h + 2) * sizeof(limb));
    if (san && sbn) {
        int e;
        if (square)
            e = mul_rec(z1, sa, san, sa, san);
        else
            e = san >= sbn ? mul_rec(z1, sa, san, sb, sbn) : mul_rec(z1, sb, sbn, sa, san);
        if (e) { free(s); return -1; }
    }
    size_t z1n = 2 * h + 2;
    /* z1 -= z0 + z2 */
    mag_sub_into(z1, z1n, r, trim(r, 2 * h));
    mag_sub_into(z1, z1n, r + 2 * h, trim(r + 2 * h, an + bn - 2 * h));
    z1n = trim(z1, z1n);
    mag_add_into(r + h, an + bn - h, z1, z1n);
    free(s);
    return 0;
}

/* ------------------------------------------------------------------------- */
/* Queries                                                                   */

bool bi_is_odd(const BigInt *a) { return a->len && (a->limb[0] & 1); }

static int limb_bits(limb x) { return x ? 32 - __builtin_clz(x) : 0; }

uint64_t bi_bit_length(const BigInt *a)
{
    if (a->len == 0)
        return 0;
    return (uint64_t)(a->len - 1) * 32 + (uint64_t)limb_bits(a->limb[a->len - 1]);
}

uint64_t bi_bit_count(const BigInt *a)
{
    uint64_t n = 0;
    for (uint32_t i = 0; i < a->len; i++)
        n += (uint64_t)__builtin_popcount(a->limb[i]);
    return n;
}

int bi_cmp(const BigInt *a, const BigInt *b)
{
    if (a->neg != b->neg)
        return a->neg ? -1 : 1;
    int c = mag_cmp(a->limb, a->len, b->limb, b->len);
    return a->neg ? -c : c;
}

int bi_cmp_i64(const BigInt *a, int64_t b)
{
    limb buf[2];
    uint64_t m = b < 0 ? (uint64_t)0 - (uint64_t)b : (uint64_t)b;
    buf[0] = (limb)m;
    buf[1] = (limb)(m >> 32);
    BigInt t = {buf, (uint32_t)trim(buf, 2), 2, b < 0};
    return bi_cmp(a, &t);
}

bool bi_fits_i64(const BigInt *a)
{
    int64_t v;
    return bi_to_i64(a, &v) == BI_OK;
}

static uint64_t mag_u64(const BigInt *a)
{
    uint64_t v = 0;
    if (a->len > 0)
        v = a->limb[0];
    if (a->len > 1)
        v |= (uint64_t)a->limb[1] << 32;
    return v;
}

int bi_to_i64(const BigInt *a, int64_t *out)
{
    if (a->len > 2)
        return BI_EOVERFLOW;
    uint64_t m = mag_u64(a);
    if (a->neg) {
        if (m > (uint64_t)1 << 63)
            return BI_EOVERFLOW;
        *out = m == (uint64_t)1 << 63 ? INT64_MIN : -(int64_t)m;
    } else {
        if (m > (uint64_t)INT64_MAX)
            return BI_EOVERFLOW;
        *out = (int64_t)m;
    }
    return BI_OK;
}

int bi_to_u64(const BigInt *a, uint64_t *out)
{
    if (a->neg || a->len > 2)
        return BI_EOVERFLOW;
    *out = mag_u64(a);
    return BI_OK;
}

uint64_t bi_low_u64(const BigInt *a)
{
    uint64_t m = mag_u64(a);
    return a->neg ? (uint64_t)0 - m : m;
}

int64_t bi_hash(const BigInt *a)
{
    const uint64_t P = ((uint64_t)1 << 61) - 1;
    uint64_t h = 0;
    for (uint32_t i = a->len; i-- > 0;) {
        /* h * 2**32 mod P: rotate the 61-bit value left by 32 bits. */
        h = ((h << 32) & P) | (h >> 29);
        h += a->limb[i];
        if (h >= P)
            h -= P;
    }
    return a->neg ? -(int64_t)h : (int64_t)h;
}

/* ------------------------------------------------------------------------- */
/* Doubles                                                                   */

/* Value = top * 2**exp2 plus something in (0, 2**exp2) when sticky. Rounds to
 * the nearest double, ties to even, honouring subnormals. *ovf set on overflow. */
static double round_bits_to_double(uint64_t top, int64_t exp2, bool sticky, bool *ovf)
{
    *ovf = false;
    if (top == 0)
        return 0.0;
    int n = 64 - __builtin_clzll(top);
    int64_t e = n + exp2;                 /* value in [2**(e-1), 2**e) */
    int64_t ulp = e - DBL_MANT_DIG;       /* exponent of the last kept bit */
    if (ulp < DBL_MIN_EXP - DBL_MANT_DIG)  /* -1074: subnormal spacing */
        ulp = DBL_MIN_EXP - DBL_MANT_DIG;
    int64_t extra = ulp - exp2;           /* bits of top below the last kept bit */
    if (extra > 0) {
        uint64_t kept, half, low;
        if (extra > 64) {
            return 0.0; /* below half of the smallest subnormal */
        } else if (extra == 64) {
            kept = 0;
            half = (uint64_t)1 << 63;
            low = top;
        } else {
            kept = top >> extra;
            half = (uint64_t)1 << (extra - 1);
            low = top & (((uint64_t)1 << extra) - 1);
        }
        if (low > half || (low == half && (sticky || (kept & 1))))
            kept++;
        top = kept;
        exp2 += extra;
    }
    double d = ldexp((double)top, (int)(exp2 < -100000 ? -100000 : exp2 > 100000 ? 100000 : exp2));
    if (isinf(d))
        *ovf = true;
    return d;
}

/* Top 64 bits of |a| (shifted so the top bit of |a| is bit 63 unless a is short),
 * the exponent such that |a| = top * 2**exp2 + rest, and whether rest != 0. */
static uint64_t top_bits(const BigInt *a, int64_t *exp2, bool *sticky)
{
    uint64_t bl = bi_bit_length(a);
    *sticky = false;
    if (bl <= 64) {
        *exp2 = 0;
        return mag_u64(a);
    }
    uint64_t shift = bl - 64;
    uint64_t li = shift / 32;
    int bs = (int)(shift % 32);
    /* gather 96 bits starting at limb li */
    unsigned __int128 w = 0;
    for (int k = 2; k >= 0; k--) {
        w <<= 32;
        if (li + (uint64_t)k < a->len)
            w |= a->limb[li + (uint64_t)k];
    }
    uint64_t top = (uint64_t)(w >> bs);
    if (bs && (a->limb[li] & ((1u << bs) - 1)))
        *sticky = true;
    for (uint64_t i = 0; i < li && !*sticky; i++)
        if (a->limb[i])
            *sticky = true;
    *exp2 = (int64_t)shift;
    return top;
}

int bi_to_double(const BigInt *a, double *out)
{
    if (a->len == 0) {
        *out = 0.0;
        return BI_OK;
    }
    if (bi_bit_length(a) > DBL_MAX_EXP + 1)
        return BI_EOVERFLOW;
    int64_t exp2;
    bool sticky, ovf;
    uint64_t top = top_bits(a, &exp2, &sticky);
    double d = round_bits_to_double(top, exp2, sticky, &ovf);
    if (ovf)
        return BI_EOVERFLOW;
    *out = a->neg ? -d : d;
    return BI_OK;
}

int bi_from_double(BigInt *r, double x)
{
    if (isnan(x))
        return BI_EVALUE;
    if (isinf(x))
        return BI_EOVERFLOW;
    double t = trunc(x);
    int neg = t < 0;
    if (neg)
        t = -t;
    if (t < 18446744073709551616.0) {
        int e = bi_set_u64(r, (uint64_t)t);
        if (e)
            return e;
        r->neg = neg && r->len;
        return BI_OK;
    }
    int ex;
    double m = frexp(t, &ex);                 /* t = m * 2**ex, m in [0.5, 1) */
    uint64_t mant = (uint64_t)ldexp(m, 64);   /* exact: 53 significant bits */
    int e = bi_set_u64(r, mant);
    if (e)
        return e;
    e = bi_shl(r, r, ex - 64);
    if (e)
        return e;
    r->neg = neg;
    return BI_OK;
}

int bi_cmp_double(const BigInt *a, double x)
{
    if (isnan(x))
        return 2;
    if (isinf(x))
        return x > 0 ? -1 : 1;
    /* Signs first. */
    int sa = bi_sign(a);
    int sx = x > 0 ? 1 : x < 0 ? -1 : 0;
    if (sa != sx)
        return sa < sx ? -1 : 1;
    if (sa == 0)
        return 0;
    /* Same sign: compare magnitudes by bit length, then exactly. */
    double ax = fabs(x);
    int ex;
    frexp(ax, &ex); /* ax in [2**(ex-1), 2**ex) */
    uint64_t bl = bi_bit_length(a);
    int c;
    if (ex <= 0)
        c = 1; /* |x| < 1 <= |a| */
    else if (bl != (uint64_t)ex)
        c = bl < (uint64_t)ex ? -1 : 1;
    else {
        double ip = floor(ax);
        BigInt t = BI_INIT;
        if (bi_from_double(&t, ip) != BI_OK) {
            /* Out of memory: fall back to a rounded comparison. */
            double ad;
            bi_free(&t);
            if (bi_to_double(a, &ad) != BI_OK)
                return sa;
            c = fabs(ad) < ax ? -1 : fabs(ad) > ax ? 1 : 0;
        } else {
            c = mag_cmp(a->limb, a->len, t.limb, t.len);
            if (c == 0 && ip != ax)
                c = -1;
            bi_free(&t);
        }
    }
    return sa < 0 ? -c : c;
}

/* ------------------------------------------------------------------------- */
/* Add, subtract, multiply                                                   */

int bi_neg(BigInt *r, const BigInt *a)
{
    int e = bi_copy(r, a);
    if (e)
        return e;
    if (r->len)
        r->neg = !r->neg;
    return BI_OK;
}

int bi_abs(BigInt *r, const BigInt *a)
{
    int e = bi_copy(r, a);
    if (e)
        return e;
    r->neg = 0;
    return BI_OK;
}

/* r = a + (bneg ? -b : b) */
static int add_signed(BigInt *r, const BigInt *a, const BigInt *b, int bneg)
{
    const limb *al = a->limb, *bl = b->limb;
    size_t an = a->len, bn = b->len;
    int aneg = a->neg;
    if (aneg == bneg) {
        /* r may alias a or b: reserve may move that storage, so take the limb
         * pointers only afterwards (mag_add works element by element in place). */
        const BigInt *big = an >= bn ? a : b, *small = an >= bn ? b : a;
        size_t bign = big->len, smalln = small->len;
        int e = reserve(r, bign + 1);
        if (e)
            return e;
        limb c = mag_add(r->limb, big->limb, bign, small->limb, smalln);
        r->limb[bign] = c;
        r->len = (uint32_t)(bign + 1);
        r->neg = aneg;
        normalize(r);
        return BI_OK;
    }
    int c = mag_cmp(al, an, bl, bn);
    if (c == 0) {
        set_zero(r);
        return BI_OK;
    }
    const BigInt *big = c > 0 ? a : b, *small = c > 0 ? b : a;
    int rneg = c > 0 ? aneg : bneg;
    size_t bign = big->len, smalln = small->len;
    int e = reserve(r, bign);
    if (e)
        return e;
    mag_sub(r->limb, big->limb, bign, small->limb, smalln);
    r->len = (uint32_t)bign;
    r->neg = rneg;
    normalize(r);
    return BI_OK;
}

int bi_add(BigInt *r, const BigInt *a, const BigInt *b) { return add_signed(r, a, b, b->neg); }
int bi_sub(BigInt *r, const BigInt *a, const BigInt *b)
{
    if (a == b) {
        set_zero(r);
        return BI_OK;
    }
    return add_signed(r, a, b, b->len ? !b->neg : 0);
}

int bi_add_i64(BigInt *r, const BigInt *a, int64_t b)
{
    limb buf[2];
    uint64_t m = b < 0 ? (uint64_t)0 - (uint64_t)b : (uint64_t)b;
    buf[0] = (limb)m;
    buf[1] = (limb)(m >> 32);
    BigInt t = {buf, (uint32_t)trim(buf, 2), 2, b < 0};
    return add_signed(r, a, &t, t.neg);
}

int bi_mul(BigInt *r, const BigInt *a, const BigInt *b)
{
    size_t an = a->len, bn = b->len;
    if (an == 0 || bn == 0) {
        set_zero(r);
        return BI_OK;
    }
    if ((uint64_t)an + bn > max_limbs())
        return BI_ETOOBIG;
    int rneg = a->neg != b->neg;
    if (bn == 1 || an == 1) {
        const BigInt *big = an >= bn ? a : b;
        limb m = (an >= bn ? b : a)->limb[0];
        size_t n = big->len;
        int e = reserve(r, n + 1);
        if (e)
            return e;
        r->limb[n] = mag_mul_1(r->limb, big->limb, n, m, 0);
        r->len = (uint32_t)(n + 1);
        r->neg = rneg;
        normalize(r);
        return BI_OK;
    }
    limb *p = malloc((an + bn) * sizeof(limb));
    if (!p)
        return BI_ENOMEM;
    int e = an >= bn ? mul_rec(p, a->limb, an, b->limb, bn) : mul_rec(p, b->limb, bn, a->limb, an);
    if (e) {
        free(p);
        return BI_ENOMEM;
    }
    if (r->cap)
        free(r->limb);
    r->limb = p;
    r->cap = (uint32_t)(an + bn);
    r->len = (uint32_t)(an + bn);
    r->neg = rneg;
    normalize(r);
    return BI_OK;
}

int bi_mul_i64(BigInt *r, const BigInt *a, int64_t b)
{
    limb buf[2];
    uint64_t m = b < 0 ? (uint64_t)0 - (uint64_t)b : (uint64_t)b;
    buf[0] = (limb)m;
    buf[1] = (limb)(m >> 32);
    BigInt t = {buf, (uint32_t)trim(buf, 2), 2, b < 0};
    return bi_mul(r, a, &t);
}

/* ------------------------------------------------------------------------- */
/* Division                                                                  */

/* Knuth algorithm D. q[0..an-bn+1) = a / b, rem[0..bn) = a % b (rem may be
 * NULL). Requires bn >= 2, an >= bn, b[bn-1] != 0. Returns 0 or -1 (no memory). */
static int mag_divmod_knuth(limb *q, limb *rem, const limb *a, size_t an, const limb *b, size_t bn)
{
    int s = __builtin_clz(b[bn - 1]);
    limb *u = malloc((an + 1 + bn) * sizeof(limb));
    if (!u)
        return -1;
    limb *v = u + an + 1;
    /* normalise: shift so the divisor's top bit is set */
    if (s) {
        for (size_t i = bn - 1; i > 0; i--)
            v[i] = (b[i] << s) | (b[i - 1] >> (32 - s));
        v[0] = b[0] << s;
        u[an] = a[an - 1] >> (32 - s);
        for (size_t i = an - 1; i > 0; i--)
            u[i] = (a[i] << s) | (a[i - 1] >> (32 - s));
        u[0] = a[0] << s;
    } else {
        memcpy(v, b, bn * sizeof(limb));
        memcpy(u, a, an * sizeof(limb));
        u[an] = 0;
    }
    limb vtop = v[bn - 1], vnext = v[bn - 2];
    for (size_t j = an - bn + 1; j-- > 0;) {
        dlimb num = ((dlimb)u[j + bn] << 32) | u[j + bn - 1];
        dlimb qhat = num / vtop;
        dlimb rhat = num % vtop;
        while (qhat > 0xffffffffu || qhat * vnext > ((rhat << 32) | u[j + bn - 2])) {
            qhat--;
            rhat += vtop;
            if (rhat > 0xffffffffu)
                break;
        }
        /* u[j..j+bn] -= qhat * v */
        limb borrow = 0;
        dlimb carry = 0;
        for (size_t i = 0; i < bn; i++) {
            carry += qhat * v[i];
            dlimb d = (dlimb)u[i + j] - (limb)carry - borrow;
            u[i + j] = (limb)d;
            borrow = (limb)(d >> 63);
            carry >>= 32;
        }
        dlimb d = (dlimb)u[j + bn] - (limb)carry - borrow;
        u[j + bn] = (limb)d;
        if (d >> 63) {
            /* qhat was one too large: add v back */
            qhat--;
            dlimb c = 0;
            for (size_t i = 0; i < bn; i++) {
                c += (dlimb)u[i + j] + v[i];
                u[i + j] = (limb)c;
                c >>= 32;
            }
            u[j + bn] += (limb)c;
        }
        q[j] = (limb)qhat;
    }
    if (rem) {
        if (s) {
            for (size_t i = 0; i < bn - 1; i++)
                rem[i] = (u[i] >> s) | (u[i + 1] << (32 - s));
            rem[bn - 1] = u[bn - 1] >> s;
        } else {
            memcpy(rem, u, bn * sizeof(limb));
        }
    }
    free(u);
    return 0;
}


/* ------------------------------------------------------------------------- */
/* Division of big operands by Newton reciprocal                             */
/*
 * Knuth D is quadratic; for big divisors and quotients a reciprocal computed
 * by Newton's iteration turns division into a few Karatsuba multiplications.
 * Every quotient digit is corrected against the exact remainder, so the
 * reciprocal only has to be close (within a few units) for speed, never for
 * correctness.
 */
#ifndef NEWTON_DIV_LIMBS
#define NEWTON_DIV_LIMBS 160     /* divisor and quotient sizes from which Newton wins */
#endif
#define RECIP_BASE_BITS  (NEWTON_DIV_LIMBS * 32)

static int mag_divmod(BigInt *q, BigInt *m, const BigInt *a, const BigInt *b);
static int mag_divmod_any(BigInt *q, BigInt *m, const BigInt *a, const BigInt *b, bool newton);

/* r ~ floor(2**(2n) / b) (within a few units), b > 0 with bit length n. */
static int recip(BigInt *r, const BigInt *b, uint64_t n)
{
    BigInt t = BI_INIT, bh = BI_INIT, rh = BI_INIT, e = BI_INIT;
    int err;
    if (n <= RECIP_BASE_BITS) {
        err = bi_set_i64(&t, 1);
        if (!err) err = bi_shl(&t, &t, (int64_t)(2 * n));
        if (!err) err = mag_divmod_any(r, NULL, &t, b, false);
        bi_free(&t);
        return err;
    }
    /* Reciprocal of the top h bits (32 guard bits), scaled up, then one
     * Newton step r += r * (2**2n - b*r) / 2**2n doubles its precision. */
    uint64_t h = n / 2 + 32;
    err = bi_shr(&bh, b, (int64_t)(n - h));
    if (!err) err = recip(&rh, &bh, h);
    if (!err) err = bi_shl(&rh, &rh, (int64_t)(n - h));
    if (!err) err = bi_mul(&e, b, &rh);
    if (!err) err = bi_set_i64(&t, 1);
    if (!err) err = bi_shl(&t, &t, (int64_t)(2 * n));
    if (!err) err = bi_sub(&e, &t, &e);
    if (!err) err = bi_mul(&e, &e, &rh);
    if (!err) err = bi_shr(&e, &e, (int64_t)(2 * n));
    if (!err) err = bi_add(r, &rh, &e);
    bi_free(&t);
    bi_free(&bh);
    bi_free(&rh);
    bi_free(&e);
    return err;
}

/* A divisor prepared for repeated Newton division: normalised so it fills
 * whole limbs (top bit set), with its reciprocal. The dividend is then
 * processed in blocks of L limbs, like the digits of a long division. */
typedef struct NewtonDivisor {
    BigInt bn;     /* b << sh */
    BigInt r;      /* ~ 2**(64L) / bn */
    int64_t sh;
    size_t L;
} NewtonDivisor;

static void newton_free(NewtonDivisor *d)
{
    bi_free(&d->bn);
    bi_free(&d->r);
}

static int newton_prepare(NewtonDivisor *d, const BigInt *b)
{
    uint64_t nb = bi_bit_length(b);
    bi_init(&d->bn);
    bi_init(&d->r);
    d->L = (size_t)((nb + 31) / 32);
    d->sh = (int64_t)(d->L * 32 - nb);
    int err = bi_shl(&d->bn, b, d->sh);
    if (!err)
        err = recip(&d->r, &d->bn, d->L * 32);
    return err;
}

/* q = a / b, m = a % b for magnitudes a >= 0, b > 0 given as a prepared divisor. */
static int divmod_newton(BigInt *q, BigInt *m, const BigInt *a, const NewtonDivisor *d)
{
    size_t L = d->L;
    BigInt an = BI_INIT, cur = BI_INIT, top = BI_INIT, qi = BI_INIT, t = BI_INIT, Q = BI_INIT;
    int err = bi_shl(&an, a, d->sh);
    size_t blocks = (an.len + L - 1) / L;
    if (blocks == 0)
        blocks = 1;
    if (!err) err = reserve(&Q, blocks * L + 1);
    if (!err)
        memset(Q.limb, 0, (blocks * L + 1) * sizeof(limb));
    set_zero(&cur); /* running remainder, < bn */
    for (size_t i = blocks; i-- > 0 && !err;) {
        /* cur = cur * 2**(32L) + block i */
        size_t lo = i * L, hi = lo + L < an.len ? lo + L : an.len;
        err = bi_shl(&cur, &cur, (int64_t)(L * 32));
        if (err) break;
        if (hi > lo) {
            if (cur.len < hi - lo) {
                err = reserve(&cur, L);
                if (err) break;
                memset(cur.limb + cur.len, 0, (L - cur.len) * sizeof(limb));
                cur.len = (uint32_t)(hi - lo);
            }
            memcpy(cur.limb, an.limb + lo, (hi - lo) * sizeof(limb));
            normalize(&cur);
        }
        if (mag_cmp(cur.limb, cur.len, d->bn.limb, d->bn.len) < 0)
            continue; /* quotient block is zero (often the top one) */
        /* estimate qi = cur * r / 2**(64L) from the top L+1 limbs of cur (the
         * dropped part moves the product by less than one), then fix it
         * against the exact remainder */
        err = bi_shr(&top, &cur, (int64_t)((L - 1) * 32));
        if (!err) err = bi_mul(&qi, &top, &d->r);
        if (!err) err = bi_shr(&qi, &qi, (int64_t)((L + 1) * 32));
        if (!err) err = bi_mul(&t, &qi, &d->bn);
        if (!err) err = bi_sub(&cur, &cur, &t);
        while (!err && cur.neg) {
            err = bi_add(&cur, &cur, &d->bn);
            if (!err) err = bi_add_i64(&qi, &qi, -1);
        }
        while (!err && bi_cmp(&cur, &d->bn) >= 0) {
            err = bi_sub(&cur, &cur, &d->bn);
            if (!err) err = bi_add_i64(&qi, &qi, 1);
        }
        if (!err && qi.len)
            memcpy(Q.limb + lo, qi.limb, qi.len * sizeof(limb)); /* qi < 2**(32L) */
    }
    if (!err) {
        Q.len = (uint32_t)(blocks * L + 1);
        normalize(&Q);
        if (q)
            bi_swap(q, &Q);
        if (m)
            err = bi_shr(m, &cur, d->sh);
    }
    bi_free(&an); bi_free(&cur); bi_free(&top); bi_free(&qi); bi_free(&t); bi_free(&Q);
    return err;
}

/* Truncating division of magnitudes into fresh BigInts (signs set by caller). */
static int mag_divmod_any(BigInt *q, BigInt *m, const BigInt *a, const BigInt *b, bool newton);

static int mag_divmod(BigInt *q, BigInt *m, const BigInt *a, const BigInt *b)
{
    return mag_divmod_any(q, m, a, b, true);
}

/* newton == false forces Knuth D: the reciprocal's own base case uses it, so
 * the two can never call each other in a loop. */
static int mag_divmod_any(BigInt *q, BigInt *m, const BigInt *a, const BigInt *b, bool newton)
{
    size_t an = a->len, bn = b->len;
    if (mag_cmp(a->limb, an, b->limb, bn) < 0) {
        if (q)
            set_zero(q);
        if (m) {
            int e = bi_copy(m, a);
            if (e)
                return e;
            m->neg = 0;
        }
        return BI_OK;
    }
    if (newton && bn >= NEWTON_DIV_LIMBS && an - bn >= NEWTON_DIV_LIMBS) {
        BigInt aa = BI_INIT, bb = BI_INIT, tq = BI_INIT, tm = BI_INIT;
        int e = bi_abs(&aa, a);
        if (!e) e = bi_abs(&bb, b);
        NewtonDivisor nd;
        if (!e) {
            e = newton_prepare(&nd, &bb);
            if (!e) e = divmod_newton(q ? &tq : NULL, m ? &tm : NULL, &aa, &nd);
            newton_free(&nd);
        }
        if (!e && q) bi_swap(q, &tq);
        if (!e && m) bi_swap(m, &tm);
        bi_free(&aa); bi_free(&bb); bi_free(&tq); bi_free(&tm);
        return e;
    }
    BigInt tq = BI_INIT, tm = BI_INIT;
    int e = reserve(&tq, an - bn + 1);
    if (!e)
        e = reserve(&tm, bn);
    if (e) {
        bi_free(&tq);
        bi_free(&tm);
        return e;
    }
    if (bn == 1) {
        memcpy(tq.limb, a->limb, an * sizeof(limb));
        tm.limb[0] = mag_divrem_1(tq.limb, an, b->limb[0]);
        tq.len = (uint32_t)an;
    } else {
        if (mag_divmod_knuth(tq.limb, tm.limb, a->limb, an, b->limb, bn)) {
            bi_free(&tq);
            bi_free(&tm);
            return BI_ENOMEM;
        }
        tq.len = (uint32_t)(an - bn + 1);
    }
    tm.len = (uint32_t)bn;
    normalize(&tq);
    normalize(&tm);
    if (q) {
        bi_swap(q, &tq);
    }
    if (m) {
        bi_swap(m, &tm);
    }
    bi_free(&tq);
    bi_free(&tm);
    return BI_OK;
}

int bi_tdivmod(BigInt *q, BigInt *m, const BigInt *a, const BigInt *b)
{
    if (b->len == 0)
        return BI_EZERODIV;
    int aneg = a->neg, bneg = b->neg;
    BigInt tq = BI_INIT, tm = BI_INIT;
    int e = mag_divmod(&tq, &tm, a, b);
    if (e) {
        bi_free(&tq);
        bi_free(&tm);
        return e;
    }
    tq.neg = tq.len && (aneg != bneg);
    tm.neg = tm.len && aneg;
    if (q)
        bi_swap(q, &tq);
    if (m)
        bi_swap(m, &tm);
    bi_free(&tq);
    bi_free(&tm);
    return BI_OK;
}

int bi_divmod(BigInt *q, BigInt *m, const BigInt *a, const BigInt *b)
{
    if (b->len == 0)
        return BI_EZERODIV;
    int aneg = a->neg, bneg = b->neg;
    BigInt tq = BI_INIT, tm = BI_INIT;
    /* Results go to temporaries, so a and b stay intact until the final swap. */
    int e = mag_divmod(&tq, &tm, a, b);
    if (!e) {
        tq.neg = tq.len && (aneg != bneg);
        tm.neg = tm.len && aneg;
        if (tm.len && aneg != bneg) {
            /* floor: q -= 1, m += b */
            e = bi_add_i64(&tq, &tq, -1);
            if (!e)
                e = bi_add(&tm, &tm, b);
        }
    }
    if (!e) {
        if (q)
            bi_swap(q, &tq);
        if (m)
            bi_swap(m, &tm);
    }
    bi_free(&tq);
    bi_free(&tm);
    return e;
}

int bi_floordiv(BigInt *q, const BigInt *a, const BigInt *b) { return bi_divmod(q, NULL, a, b); }
int bi_mod(BigInt *m, const BigInt *a, const BigInt *b) { return bi_divmod(NULL, m, a, b); }

int bi_truediv(double *out, const BigInt *a, const BigInt *b)
{
    if (b->len == 0)
        return BI_EZERODIV;
    int neg = a->neg != b->neg;
    if (a->len == 0) {
        *out = neg ? -0.0 : 0.0;
        return BI_OK;
    }
    uint64_t al = bi_bit_length(a), bl = bi_bit_length(b);
    if (al <= DBL_MANT_DIG && bl <= DBL_MANT_DIG) {
        /* Both exact as doubles: one correctly rounded IEEE division. */
        double x = (double)mag_u64(a), y = (double)mag_u64(b);
        double r = x / y;
        *out = neg ? -r : r;
        return BI_OK;
    }
    int64_t diff = (int64_t)al - (int64_t)bl;
    if (diff > DBL_MAX_EXP + 1)
        return BI_EOVERFLOW;
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 2) {
        *out = neg ? -0.0 : 0.0;
        return BI_OK;
    }
    /* Scale so the integer quotient has DBL_MANT_DIG + 3 (or + 4) bits; the
     * remainder becomes a sticky bit and the rounding happens exactly once. */
    int64_t shift = diff - (DBL_MANT_DIG + 3);
    BigInt x = BI_INIT, y = BI_INIT, q = BI_INIT, m = BI_INIT;
    int e = bi_abs(&x, a);
    if (!e)
        e = bi_abs(&y, b);
    if (!e)
        e = shift > 0 ? bi_shl(&y, &y, shift) : bi_shl(&x, &x, -shift);
    if (!e)
        e = mag_divmod(&q, &m, &x, &y);
    if (!e) {
        bool ovf;
        double r = round_bits_to_double(mag_u64(&q), shift, m.len != 0, &ovf);
        if (ovf)
            e = BI_EOVERFLOW;
        else
            *out = neg ? -r : r;
    }
    bi_free(&x);
    bi_free(&y);
    bi_free(&q);
    bi_free(&m);
    return e;
}

/* ------------------------------------------------------------------------- */
/* Shifts                                                                    */

int bi_shl(BigInt *r, const BigInt *a, int64_t count)
{
    if (count < 0)
        return BI_ENEGSHIFT;
    if (a->len == 0) {
        set_zero(r);
        return BI_OK;
    }
    if ((uint64_t)count > g_max_bits + 64)
        return BI_ETOOBIG;
    size_t ls = (size_t)(count / 32);
    int bs = (int)(count % 32);
    size_t an = a->len;
    size_t n = an + ls + 1;
    int e = reserve(r, n);
    if (e)
        return e;
    limb *al = a->limb; /* valid: if r == a, reserve updated a->limb too */
    if (r == a)
        al = r->limb;
    if (bs == 0) {
        memmove(r->limb + ls, al, an * sizeof(limb));
        r->limb[an + ls] = 0;
    } else {
        r->limb[an + ls] = al[an - 1] >> (32 - bs);
        for (size_t i = an - 1; i > 0; i--)
            r->limb[i + ls] = (al[i] << bs) | (al[i - 1] >> (32 - bs));
        r->limb[ls] = al[0] << bs;
    }
    memset(r->limb, 0, ls * sizeof(limb));
    r->len = (uint32_t)n;
    r->neg = a->neg;
    normalize(r);
    return BI_OK;
}

int bi_shr(BigInt *r, const BigInt *a, int64_t count)
{
    if (count < 0)
        return BI_ENEGSHIFT;
    if (a->len == 0) {
        set_zero(r);
        return BI_OK;
    }
    int neg = a->neg;
    if ((uint64_t)count >= bi_bit_length(a)) {
        if (neg)
            return bi_set_i64(r, -1);
        set_zero(r);
        return BI_OK;
    }
    size_t ls = (size_t)(count / 32);
    int bs = (int)(count % 32);
    size_t an = a->len;
    /* For negatives, floor: if any shifted-out bit is set, add 1 to magnitude. */
    bool lost = false;
    if (neg) {
        for (size_t i = 0; i < ls && !lost; i++)
            if (a->limb[i])
                lost = true;
        if (bs && (a->limb[ls] & ((1u << bs) - 1)))
            lost = true;
    }
    size_t n = an - ls;
    int e = reserve(r, n);
    if (e)
        return e;
    const limb *al = (r == a) ? r->limb : a->limb;
    if (bs == 0) {
        memmove(r->limb, al + ls, n * sizeof(limb));
    } else {
        for (size_t i = 0; i + 1 < n; i++)
            r->limb[i] = (al[i + ls] >> bs) | (al[i + ls + 1] << (32 - bs));
        r->limb[n - 1] = al[an - 1] >> bs;
    }
    r->len = (uint32_t)n;
    r->neg = 0;
    normalize(r);
    if (neg) {
        if (lost) {
            e = bi_add_i64(r, r, 1);
            if (e)
                return e;
        }
        r->neg = r->len != 0;
    }
    return BI_OK;
}

int bi_shl_big(BigInt *r, const BigInt *a, const BigInt *count)
{
    if (count->neg)
        return BI_ENEGSHIFT;
    int64_t c;
    if (bi_to_i64(count, &c) != BI_OK) {
        if (a->len == 0) {
            set_zero(r);
            return BI_OK;
        }
        return BI_ETOOBIG;
    }
    return bi_shl(r, a, c);
}

int bi_shr_big(BigInt *r, const BigInt *a, const BigInt *count)
{
    if (count->neg)
        return BI_ENEGSHIFT;
    int64_t c;
    if (bi_to_i64(count, &c) != BI_OK)
        c = INT64_MAX;
    return bi_shr(r, a, c);
}

/* ------------------------------------------------------------------------- */
/* Bitwise operations on infinite two's complement                           */

/* Writes n limbs of the two's-complement form of a (n > a->len). */
static void to_twos(limb *out, const BigInt *a, size_t n)
{
    memset(out, 0, n * sizeof(limb));
    if (a->len)
        memcpy(out, a->limb, a->len * sizeof(limb));
    if (a->neg) {
        dlimb c = 1;
        for (size_t i = 0; i < n; i++) {
            c += (limb)~out[i];
            out[i] = (limb)c;
            c >>= 32;
        }
    }
}

static int bitop(BigInt *r, const BigInt *a, const BigInt *b, char op)
{
    size_t n = (a->len > b->len ? a->len : b->len) + 1;
    limb *x = malloc(2 * n * sizeof(limb));
    if (!x)
        return BI_ENOMEM;
    limb *y = x + n;
    to_twos(x, a, n);
    to_twos(y, b, n);
    for (size_t i = 0; i < n; i++)
        x[i] = op == '&' ? (x[i] & y[i]) : op == '|' ? (x[i] | y[i]) : (x[i] ^ y[i]);
    int neg = (x[n - 1] >> 31) & 1;
    if (neg) {
        /* magnitude = two's complement negation */
        dlimb c = 1;
        for (size_t i = 0; i < n; i++) {
            c += (limb)~x[i];
            x[i] = (limb)c;
            c >>= 32;
        }
    }
    int e = reserve(r, n);
    if (e) {
        free(x);
        return e;
    }
    memcpy(r->limb, x, n * sizeof(limb));
    free(x);
    r->len = (uint32_t)n;
    r->neg = neg;
    normalize(r);
    return BI_OK;
}

int bi_and(BigInt *r, const BigInt *a, const BigInt *b)
{
    if (!a->neg && !b->neg) {
        /* fast path: non-negative operands */
        size_t n = a->len < b->len ? a->len : b->len;
        int e = reserve(r, n);
        if (e)
            return e;
        for (size_t i = 0; i < n; i++)
            r->limb[i] = a->limb[i] & b->limb[i];
        r->len = (uint32_t)n;
        r->neg = 0;
        normalize(r);
        return BI_OK;
    }
    return bitop(r, a, b, '&');
}
int bi_or(BigInt *r, const BigInt *a, const BigInt *b) { return bitop(r, a, b, '|'); }
int bi_xor(BigInt *r, const BigInt *a, const BigInt *b) { return bitop(r, a, b, '^'); }

int bi_invert(BigInt *r, const BigInt *a)
{
    /* ~a == -(a + 1) */
    int e = bi_add_i64(r, a, 1);
    if (e)
        return e;
    if (r->len)
        r->neg = !r->neg;
    return BI_OK;
}

/* ------------------------------------------------------------------------- */
/* Powers, gcd, isqrt                                                        */

int bi_pow_u64(BigInt *r, const BigInt *base, uint64_t exp)
{
    if (exp == 0)
        return bi_set_i64(r, 1);
    if (base->len == 0) {
        set_zero(r);
        return BI_OK;
    }
    int rneg = base->neg && (exp & 1);
    uint64_t bl = bi_bit_length(base);
    if (bl == 1) {
        /* +-1 */
        int e = bi_set_i64(r, rneg ? -1 : 1);
        return e;
    }
    /* Lower bound on the result size: (bl-1)*exp + 1 bits. */
    if (exp > g_max_bits || (bl - 1) > (g_max_bits + 64) / exp)
        return BI_ETOOBIG;
    /* Power of two: a shift. */
    if (bi_bit_count(base) == 1) {
        int e = bi_set_i64(r, rneg ? -1 : 1);
        if (!e)
            e = bi_shl(r, r, (int64_t)((bl - 1) * exp));
        return e;
    }
    BigInt acc = BI_INIT, b = BI_INIT;
    int e = bi_abs(&b, base);
    if (!e)
        e = bi_set_i64(&acc, 1);
    /* left-to-right binary exponentiation */
    int top = 63 - __builtin_clzll(exp);
    for (int i = top; i >= 0 && !e; i--) {
        e = bi_mul(&acc, &acc, &acc);
        if (!e && ((exp >> i) & 1))
            e = bi_mul(&acc, &acc, &b);
    }
    if (!e) {
        acc.neg = rneg && acc.len;
        bi_swap(r, &acc);
    }
    bi_free(&acc);
    bi_free(&b);
    return e;
}

/* Modular inverse of a mod m (m > 0), a in [0, m). */
static int mod_inverse(BigInt *r, const BigInt *a, const BigInt *m)
{
    /* extended Euclid on (a, m) tracking the coefficient of a */
    BigInt old_r = BI_INIT, cur_r = BI_INIT, old_s = BI_INIT, cur_s = BI_INIT;
    BigInt q = BI_INIT, t = BI_INIT, tmp = BI_INIT;
    int e = bi_copy(&old_r, a);
    if (!e) e = bi_copy(&cur_r, m);
    if (!e) e = bi_set_i64(&old_s, 1);
    if (!e) e = bi_set_i64(&cur_s, 0);
    while (!e && cur_r.len) {
        e = bi_divmod(&q, &t, &old_r, &cur_r);
        if (e) break;
        bi_swap(&old_r, &cur_r);
        bi_swap(&cur_r, &t);            /* cur_r = old_r mod cur_r */
        e = bi_mul(&tmp, &q, &cur_s);
        if (e) break;
        e = bi_sub(&tmp, &old_s, &tmp);
        if (e) break;
        bi_swap(&old_s, &cur_s);
        bi_swap(&cur_s, &tmp);
    }
    if (!e) {
        if (bi_cmp_i64(&old_r, 1) != 0)
            e = BI_ENOTINV;
        else
            e = bi_mod(r, &old_s, m);
    }
    bi_free(&old_r); bi_free(&cur_r); bi_free(&old_s); bi_free(&cur_s);
    bi_free(&q); bi_free(&t); bi_free(&tmp);
    return e;
}

int bi_pow(BigInt *r, const BigInt *base, const BigInt *exp, const BigInt *m)
{
    if (!m) {
        if (exp->neg)
            return BI_EVALUE;
        uint64_t ev;
        if (bi_to_u64(exp, &ev) != BI_OK) {
            /* Enormous exponent: only 0, 1, -1 survive. */
            if (base->len == 0) { set_zero(r); return BI_OK; }
            if (bi_bit_length(base) == 1)
                return bi_set_i64(r, (base->neg && bi_is_odd(exp)) ? -1 : 1);
            return BI_ETOOBIG;
        }
        return bi_pow_u64(r, base, ev);
    }
    if (m->len == 0)
        return BI_EVALUE;
    BigInt mm = BI_INIT, b = BI_INIT, acc = BI_INIT;
    int mneg = m->neg;
    int e = bi_abs(&mm, m);
    if (!e)
        e = bi_mod(&b, base, &mm);
    if (!e && exp->neg) {
        BigInt inv = BI_INIT;
        e = mod_inverse(&inv, &b, &mm);
        bi_swap(&b, &inv);
        bi_free(&inv);
    }
    if (!e)
        e = bi_set_i64(&acc, 1);
    if (!e && bi_cmp_i64(&mm, 1) == 0)
        set_zero(&acc);
    else if (!e) {
        /* a big modulus gets its reciprocal once, not at every reduction */
        NewtonDivisor nd;
        bool use_nd = mm.len >= NEWTON_DIV_LIMBS;
        if (use_nd) {
            e = newton_prepare(&nd, &mm);
        }
#define REDUCE(x) (use_nd ? divmod_newton(NULL, (x), (x), &nd) : bi_mod((x), (x), &mm))
        uint64_t bits = bi_bit_length(exp);
        for (uint64_t i = bits; i-- > 0 && !e;) {
            e = bi_mul(&acc, &acc, &acc);
            if (!e) e = REDUCE(&acc);
            if (!e && ((exp->limb[i / 32] >> (i % 32)) & 1)) {
                e = bi_mul(&acc, &acc, &b);
                if (!e) e = REDUCE(&acc);
            }
        }
#undef REDUCE
        if (use_nd)
            newton_free(&nd);
    }
    /* Python: result has the sign of m (in (m, 0] for negative m). */
    if (!e && mneg && acc.len)
        e = bi_sub(&acc, &acc, &mm);
    if (!e)
        bi_swap(r, &acc);
    bi_free(&mm);
    bi_free(&b);
    bi_free(&acc);
    return e;
}

int bi_round_ndigits(BigInt *r, const BigInt *a, int64_t ndigits)
{
    if (ndigits >= 0)
        return bi_copy(r, a);
    /* |a| < 10**-ndigits / 2 rounds to 0: skip building a huge power. */
    uint64_t k = ndigits == INT64_MIN ? (uint64_t)INT64_MAX : (uint64_t)(-ndigits);
    if ((double)k > (double)bi_bit_length(a) * 0.30103 + 2) {
        set_zero(r);
        return BI_OK;
    }
    BigInt p = BI_INIT, q = BI_INIT, m = BI_INIT, ten = BI_INIT;
    int e = bi_set_i64(&ten, 10);
    if (!e) e = bi_pow_u64(&p, &ten, k);
    if (!e) e = bi_divmod(&q, &m, a, &p);          /* floor: 0 <= m < p */
    if (!e) e = bi_shl(&m, &m, 1);
    if (!e) {
        int c = bi_cmp(&m, &p);
        if (c > 0 || (c == 0 && bi_is_odd(&q)))
            e = bi_add_i64(&q, &q, 1);
    }
    if (!e) e = bi_mul(r, &q, &p);
    bi_free(&p);
    bi_free(&q);
    bi_free(&m);
    bi_free(&ten);
    return e;
}

int bi_gcd(BigInt *r, const BigInt *a, const BigInt *b)
{
    BigInt x = BI_INIT, y = BI_INIT, t = BI_INIT;
    int e = bi_abs(&x, a);
    if (!e)
        e = bi_abs(&y, b);
    while (!e && y.len) {
        if (x.len <= 2 && y.len <= 2) {
            uint64_t u = mag_u64(&x), v = mag_u64(&y);
            while (v) {
                uint64_t w = u % v;
                u = v;
                v = w;
            }
            e = bi_set_u64(&x, u);
            set_zero(&y);
            break;
        }
        e = mag_divmod(NULL, &t, &x, &y);
        bi_swap(&x, &y);
        bi_swap(&y, &t);
    }
    if (!e)
        bi_swap(r, &x);
    bi_free(&x);
    bi_free(&y);
    bi_free(&t);
    return e;
}

int bi_isqrt(BigInt *r, const BigInt *a)
{
    if (a->neg)
        return BI_EVALUE;
    if (a->len == 0) {
        set_zero(r);
        return BI_OK;
    }
    /* Newton from above: x0 = 2**ceil(bits/2) >= sqrt(a). */
    BigInt x = BI_INIT, y = BI_INIT;
    uint64_t bits = bi_bit_length(a);
    int e = bi_set_i64(&x, 1);
    if (!e)
        e = bi_shl(&x, &x, (int64_t)((bits + 1) / 2));
    while (!e) {
        e = mag_divmod(&y, NULL, a, &x);
        if (!e) e = bi_add(&y, &y, &x);
        if (!e) e = bi_shr(&y, &y, 1);
        if (e || bi_cmp(&y, &x) >= 0)
            break;
        bi_swap(&x, &y);
    }
    if (!e)
        bi_swap(r, &x);
    bi_free(&x);
    bi_free(&y);
    return e;
}

/* ------------------------------------------------------------------------- */
/* Strings                                                                   */

static const char DIGITS_LOWER[] = "0123456789abcdefghijklmnopqrstuvwxyz";
static const char DIGITS_UPPER[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/* Largest power of base that fits in a limb, and its exponent. */
static limb big_base(int base, int *k)
{
    limb p = (limb)base;
    int n = 1;
    while ((dlimb)p * (limb)base <= 0xffffffffu) {
        p *= (limb)base;
        n++;
    }
    *k = n;
    return p;
}

size_t bi_decimal_digits(const BigInt *a)
{
    if (a->len == 0)
        return 1;
    char *s;
    size_t n;
    if (bi_to_str(a, 10, 0, 0, &s, &n) != BI_OK) {
        /* estimate on failure */
        return (size_t)((double)bi_bit_length(a) * 0.30102999566398120) + 1;
    }
    free(s);
    return a->neg ? n - 1 : n;
}

/* Convert |a| to base-`base` digits (no sign/prefix), writing the text into a
 * fresh malloc'd buffer. Quadratic: repeated division by the largest limb-sized
 * power of the base (10**9 for decimal); powers of two are a linear bit walk. */
static int mag_to_str(const BigInt *a, int base, const char *dig, char **out, size_t *outlen)
{
    if (a->len == 0) {
        char *s = malloc(2);
        if (!s)
            return BI_ENOMEM;
        s[0] = '0';
        s[1] = 0;
        *out = s;
        *outlen = 1;
        return BI_OK;
    }
    if ((base & (base - 1)) == 0) {
        int bits = __builtin_ctz((unsigned)base);
        uint64_t nb = bi_bit_length(a);
        size_t nd = (size_t)((nb + (uint64_t)bits - 1) / (uint64_t)bits);
        char *s = malloc(nd + 1);
        if (!s)
            return BI_ENOMEM;
        for (size_t i = 0; i < nd; i++) {
            uint64_t bitpos = (uint64_t)i * (uint64_t)bits;
            size_t li = (size_t)(bitpos / 32);
            int bo = (int)(bitpos % 32);
            uint64_t w = a->limb[li] >> bo;
            if (bo + bits > 32 && li + 1 < a->len)
                w |= (uint64_t)a->limb[li + 1] << (32 - bo);
            s[nd - 1 - i] = dig[w & (uint64_t)(base - 1)];
        }
        s[nd] = 0;
        *out = s;
        *outlen = nd;
        return BI_OK;
    }
    int k;
    limb bb = big_base(base, &k);
    size_t n = a->len;
    limb *t = malloc(n * sizeof(limb));
    /* chunks: each limb yields at most ~32/log2(base)*... digits; bound chunk count */
    /* base**k >= 2**29 for every base, so each limb yields < 2 chunks */
    size_t maxchunks = n * 2 + 2;
    limb *chunks = malloc(maxchunks * sizeof(limb));
    if (!t || !chunks) {
        free(t);
        free(chunks);
        return BI_ENOMEM;
    }
    memcpy(t, a->limb, n * sizeof(limb));
    size_t nc = 0;
    while (n > 0) {
        chunks[nc++] = mag_divrem_1(t, n, bb);
        n = trim(t, n);
    }
    free(t);
    size_t cap = nc * (size_t)k + 1;
    char *s = malloc(cap);
    if (!s) {
        free(chunks);
        return BI_ENOMEM;
    }
    size_t len = 0;
    /* top chunk without leading zeros */
    char tmp[40];
    int tl = 0;
    limb v = chunks[nc - 1];
    do {
        tmp[tl++] = dig[v % (limb)base];
        v /= (limb)base;
    } while (v);
    while (tl > 0)
        s[len++] = tmp[--tl];
    for (size_t c = nc - 1; c-- > 0;) {
        v = chunks[c];
        for (int i = k - 1; i >= 0; i--) {
            s[len + (size_t)i] = dig[v % (limb)base];
            v /= (limb)base;
        }
        len += (size_t)k;
    }
    s[len] = 0;
    free(chunks);
    *out = s;
    *outlen = len;
    return BI_OK;
}

/* Divide and conquer decimal conversion for big values (CPython's own is
 * quadratic below its _pylong cut-over): split by 10**(9*2**k) using a table
 * of powers and, for the big ones, prepared Newton divisors, so the work is a
 * few multiplications per level instead of a quadratic number of limb steps. */
#ifndef DC_STR_LIMBS
#define DC_STR_LIMBS 96          /* below this many limbs, the quadratic method */
#endif
#ifndef DC_PARSE_DIGITS
#define DC_PARSE_DIGITS 3000     /* below this many digits, the quadratic parse */
#endif
#define POW10_LEVELS 40

typedef struct Pow10Table {
    BigInt p[POW10_LEVELS];              /* p[k] = 10**(9 * 2**k) */
    NewtonDivisor nd[POW10_LEVELS];
    bool has_nd[POW10_LEVELS];
    int n;
} Pow10Table;

static void pow10_free(Pow10Table *t)
{
    for (int k = 0; k < t->n; k++) {
        bi_free(&t->p[k]);
        if (t->has_nd[k])
            newton_free(&t->nd[k]);
    }
    t->n = 0;
}

/* Fills p[0..levels) (and Newton divisors when `divide`). */
static int pow10_build(Pow10Table *t, int levels, bool divide)
{
    t->n = 0;
    for (int k = 0; k < levels && k < POW10_LEVELS; k++) {
        bi_init(&t->p[k]);
        t->has_nd[k] = false;
        t->n = k + 1;
        int e = k == 0 ? bi_set_u64(&t->p[0], 1000000000u) : bi_mul(&t->p[k], &t->p[k - 1], &t->p[k - 1]);
        if (e)
            return e;
        if (divide && t->p[k].len >= NEWTON_DIV_LIMBS) {
            e = newton_prepare(&t->nd[k], &t->p[k]);
            t->has_nd[k] = true; /* even on failure, so it is freed */
            if (e)
                return e;
        }
    }
    return BI_OK;
}

/* Writes exactly `width` decimal digits of x >= 0 (zero-padded) to out.
 * Requires x < p[k]**2 (or k < 0 and x < 10**width). */
static int dec_rec(const BigInt *x, int k, Pow10Table *t, char *out, size_t width)
{
    if (k < 0 || x->len <= DC_STR_LIMBS) {
        char *s;
        size_t n;
        int e = mag_to_str(x, 10, DIGITS_LOWER, &s, &n);
        if (e)
            return e;
        if (n > width) { /* cannot happen: the caller sized width */
            free(s);
            return BI_EVALUE;
        }
        memset(out, '0', width - n);
        memcpy(out + width - n, s, n);
        free(s);
        return BI_OK;
    }
    if (mag_cmp(x->limb, x->len, t->p[k].limb, t->p[k].len) < 0)
        return dec_rec(x, k - 1, t, out, width);
    size_t half = (size_t)9 << k;
    BigInt q = BI_INIT, r = BI_INIT;
    int e = t->has_nd[k] ? divmod_newton(&q, &r, x, &t->nd[k]) : mag_divmod(&q, &r, x, &t->p[k]);
    if (!e) e = dec_rec(&q, k - 1, t, out, width - half);
    bi_free(&q);
    if (!e) e = dec_rec(&r, k - 1, t, out + width - half, half);
    bi_free(&r);
    return e;
}

static int mag_to_dec_dc(const BigInt *a, char **out, size_t *outlen)
{
    /* smallest K with 10**(18 * 2**K) > a */
    uint64_t bits = bi_bit_length(a);
    double digits = (double)bits * 0.30102999566398120 + 1;
    int K = 0;
    while ((double)((uint64_t)18 << K) < digits)
        K++;
    Pow10Table t;
    int e = pow10_build(&t, K + 1, true);
    size_t width = (size_t)18 << K;
    char *buf = e ? NULL : malloc(width + 1);
    if (!e && !buf)
        e = BI_ENOMEM;
    BigInt mag = *a;
    mag.neg = 0;
    if (!e)
        e = dec_rec(&mag, K, &t, buf, width);
    pow10_free(&t);
    if (e) {
        free(buf);
        return e;
    }
    size_t z = 0;
    while (z + 1 < width && buf[z] == '0')
        z++;
    memmove(buf, buf + z, width - z);
    buf[width - z] = 0;
    *out = buf;
    *outlen = width - z;
    return BI_OK;
}

/* Quadratic parse of n clean decimal digits into r (r has room). */
static int parse_dec_small(BigInt *r, const char *d, size_t n)
{
    int e = reserve(r, n / 9 + 2);
    if (e)
        return e;
    size_t rl = 0;
    size_t first = n % 9 ? n % 9 : 9;
    for (size_t i = 0; i < n;) {
        size_t len = i == 0 ? (first < n ? first : n) : 9;
        limb chunk = 0, pw = 1;
        for (size_t j = 0; j < len; j++) {
            chunk = chunk * 10 + (limb)(d[i + j] - '0');
            pw *= 10;
        }
        limb c = mag_mul_1(r->limb, r->limb, rl, pw, chunk);
        if (c)
            r->limb[rl++] = c;
        i += len;
    }
    r->len = (uint32_t)rl;
    r->neg = 0;
    normalize(r);
    return BI_OK;
}

static int dec_parse(BigInt *r, const char *d, size_t n, Pow10Table *t)
{
    if (n <= DC_PARSE_DIGITS)
        return parse_dec_small(r, d, n);
    int k = 0;
    while (((size_t)9 << (k + 1)) < n)
        k++;
    size_t half = (size_t)9 << k;
    BigInt hi = BI_INIT, lo = BI_INIT;
    int e = dec_parse(&hi, d, n - half, t);
    if (!e) e = dec_parse(&lo, d + n - half, half, t);
    if (!e) e = bi_mul(&hi, &hi, &t->p[k]);
    if (!e) e = bi_add(r, &hi, &lo);
    bi_free(&hi);
    bi_free(&lo);
    return e;
}

static int parse_dec_dc(BigInt *r, const char *d, size_t n)
{
    int k = 0;
    while (((size_t)9 << (k + 1)) < n)
        k++;
    Pow10Table t;
    int e = pow10_build(&t, k + 1, false);
    if (!e)
        e = dec_parse(r, d, n, &t);
    pow10_free(&t);
    return e;
}

int bi_to_str(const BigInt *a, int base, unsigned flags, size_t max_str_digits,
              char **out, size_t *outlen)
{
    if (base < 2 || base > 36)
        return BI_EBASE;
    if (base == 10 && max_str_digits > 0) {
        /* cheap pre-check: digits >= floor(bits-1)*log10(2))+1 */
        uint64_t bits = bi_bit_length(a);
        if (bits > 0 && (double)(bits - 1) * 0.30102999566398120 + 1 > (double)max_str_digits + 1)
            return BI_ESTRLIMIT;
    }
    const char *dig = (flags & BI_STR_UPPER) ? DIGITS_UPPER : DIGITS_LOWER;
    char *m;
    size_t ml;
    int e = (base == 10 && a->len > DC_STR_LIMBS) ? mag_to_dec_dc(a, &m, &ml)
                                                  : mag_to_str(a, base, dig, &m, &ml);
    if (e)
        return e;
    if (base == 10 && max_str_digits > 0 && ml > max_str_digits) {
        free(m);
        return BI_ESTRLIMIT;
    }
    const char *prefix = "";
    if (flags & BI_STR_PREFIX) {
        bool up = flags & BI_STR_UPPER;
        if (base == 16) prefix = up ? "0X" : "0x";
        else if (base == 8) prefix = up ? "0O" : "0o";
        else if (base == 2) prefix = up ? "0B" : "0b";
    }
    size_t pl = strlen(prefix);
    size_t total = (a->neg ? 1 : 0) + pl + ml;
    if (total == ml) {
        *out = m;
        *outlen = ml;
        return BI_OK;
    }
    char *s = malloc(total + 1);
    if (!s) {
        free(m);
        return BI_ENOMEM;
    }
    size_t p = 0;
    if (a->neg)
        s[p++] = '-';
    memcpy(s + p, prefix, pl);
    p += pl;
    memcpy(s + p, m, ml + 1);
    free(m);
    *out = s;
    *outlen = total;
    return BI_OK;
}

/* Unicode decimal digits (category Nd, Unicode 15.0 as in CPython 3.12): the
 * zero of each run of ten, beyond ASCII. CPython's int() and float() accept
 * all of them. */
static const uint32_t ND_ZEROS[] = {
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66,
    0x0CE6, 0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946,
    0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0,
    0xA9F0, 0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0,
    0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50,
    0x11DA0, 0x11F50, 0x16A60, 0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6,
    0x1E140, 0x1E2F0, 0x1E4F0, 0x1E950, 0x1FBF0,
};

static bool is_unicode_space(uint32_t c)
{
    return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

/* Decode one UTF-8 code point; returns bytes consumed (1 for invalid bytes). */
static size_t utf8_next(const unsigned char *s, size_t n, uint32_t *cp)
{
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
    *cp = 0xFFFD;
    return 1;
}

/* CPython first maps Unicode digits to ASCII and Unicode whitespace to ' '.
 * Returns a malloc'd ASCII copy (other non-ASCII becomes '?', which no parser
 * accepts) or NULL on allocation failure. Shared with numfmt.c's float(). */
char *bi__ascii_numeric(const char *text, size_t len, size_t *outlen);
char *bi__ascii_numeric(const char *text, size_t len, size_t *outlen)
{
    char *o = malloc(len + 1);
    if (!o)
        return NULL;
    size_t j = 0;
    const unsigned char *s = (const unsigned char *)text;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t k = utf8_next(s + i, len - i, &cp);
        i += k;
        char c = '?';
        if (cp < 0x80)
            c = (char)cp;
        else if (is_unicode_space(cp))
            c = ' ';
        else {
            for (size_t z = 0; z < sizeof ND_ZEROS / sizeof ND_ZEROS[0]; z++)
                if (cp >= ND_ZEROS[z] && cp < ND_ZEROS[z] + 10) {
                    c = (char)('0' + (cp - ND_ZEROS[z]));
                    break;
                }
        }
        o[j++] = c;
    }
    o[j] = 0;
    *outlen = j;
    return o;
}

static bool is_py_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' ||
           (c >= 0x1c && c <= 0x1f);
}

static int digit_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

int bi_from_str(BigInt *r, const char *text, size_t len, int base,
                size_t max_str_digits, size_t *ndigits_out)
{
    if (base != 0 && (base < 2 || base > 36))
        return BI_EBASE;
    size_t n;
    char *buf = bi__ascii_numeric(text, len, &n);
    if (!buf)
        return BI_ENOMEM;
    const char *s = buf, *end = buf + n;
    int e = BI_EVALUE;
    while (s < end && is_py_space(*s)) s++;
    while (end > s && is_py_space(end[-1])) end--;
    int neg = 0;
    if (s < end && (*s == '+' || *s == '-')) {
        neg = *s == '-';
        s++;
    }
    bool prefixed = false;
    if (s + 1 < end && s[0] == '0') {
        char p = (char)(s[1] | 0x20);
        int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            base = pb;
            s += 2;
            prefixed = true;
        }
    }
    bool base0 = false;
    if (base == 0) {
        base = 10;
        base0 = true;
    }
    /* Validate: digits with single underscores between them (one may follow a prefix). */
    size_t nd = 0;
    bool nonzero = false;
    const char *p = s;
    if (prefixed && p < end && *p == '_')
        p++;
    const char *digits = p;
    if (p == end)
        goto done;
    for (; p < end; p++) {
        if (*p == '_') {
            if (p == digits || p + 1 >= end || p[1] == '_')
                goto done;
            continue;
        }
        int d = digit_value(*p);
        if (d >= base)
            goto done;
        if (d)
            nonzero = true;
        nd++;
    }
    /* base 0: "010" is rejected (ambiguous old octal), "000" is fine */
    if (base0 && !prefixed && s[0] == '0' && nonzero)
        goto done;
    if (ndigits_out)
        *ndigits_out = nd;
    if (max_str_digits > 0 && (base & (base - 1)) != 0 && nd > max_str_digits) {
        e = BI_ESTRLIMIT;
        goto done;
    }
    /* Size check before allocating: nd digits of base need <= nd*log2(base) bits. */
    {
        double bits = (double)nd * log2((double)base);
        if (bits > (double)g_max_bits + 64) {
            e = BI_ETOOBIG;
            goto done;
        }
        size_t limbs = (size_t)(bits / 32) + 2;
        e = reserve(r, limbs);
        if (e)
            goto done;
    }
    set_zero(r);
    if ((base & (base - 1)) == 0) {
        int bits = __builtin_ctz((unsigned)base);
        size_t nl = ((size_t)nd * (size_t)bits + 31) / 32 + 1;
        memset(r->limb, 0, nl * sizeof(limb));
        uint64_t bitpos = 0;
        for (const char *q = end; q-- > s;) {
            if (*q == '_')
                continue;
            uint64_t d = (uint64_t)digit_value(*q);
            size_t li = (size_t)(bitpos / 32);
            int bo = (int)(bitpos % 32);
            r->limb[li] |= (limb)(d << bo);
            if (bo + bits > 32)
                r->limb[li + 1] |= (limb)(d >> (32 - bo));
            bitpos += (uint64_t)bits;
        }
        r->len = (uint32_t)nl;
    } else if (base == 10 && nd > DC_PARSE_DIGITS) {
        char *clean = malloc(nd);
        if (!clean) {
            e = BI_ENOMEM;
            goto done;
        }
        size_t cn = 0;
        for (const char *q = s; q < end; q++)
            if (*q != '_')
                clean[cn++] = *q;
        e = parse_dec_dc(r, clean, cn);
        free(clean);
        if (e)
            goto done;
    } else {
        int k;
        limb bb = big_base(base, &k);
        size_t rl = 0;
        limb chunk = 0;
        int cn = 0;
        for (const char *q = s; q < end; q++) {
            if (*q == '_')
                continue;
            chunk = chunk * (limb)base + (limb)digit_value(*q);
            if (++cn == k) {
                limb c = mag_mul_1(r->limb, r->limb, rl, bb, chunk);
                if (c)
                    r->limb[rl++] = c;
                chunk = 0;
                cn = 0;
            }
        }
        if (cn) {
            limb pw = 1;
            for (int i = 0; i < cn; i++)
                pw *= (limb)base;
            limb c = mag_mul_1(r->limb, r->limb, rl, pw, chunk);
            if (c)
                r->limb[rl++] = c;
        }
        r->len = (uint32_t)rl;
    }
    normalize(r);
    r->neg = neg && r->len;
    e = BI_OK;
done:
    free(buf);
    return e;
}
