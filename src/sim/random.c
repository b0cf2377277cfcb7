/*
 * random.c - the random module: CPython's generator, number for number.
 *
 * A program that seeds (random.seed(7), random.Random(7)) draws exactly what
 * CPython 3.12 draws: the Mersenne Twister (mt19937.c), seeded from the
 * seed's value as CPython seeds it, and the methods built on it in
 * random_prelude.py, which consume the generator's words in CPython's order.
 * Unseeded, CPython seeds from the operating system; loopscope seeds with a
 * fixed value (RANDOM_DEFAULT_SEED), so that every run repeats.
 *
 * Here: the generator as an object (_mt_new) and what needs C: seeding,
 * random(), getrandbits(), the state as a tuple, and the few math functions
 * the distributions use.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "sim.h"
#include "mt19937.h"
#include "numops.h"
#include "internal.h"
#include "random_prelude.h"

#define RANDOM_DEFAULT_SEED 20260101u

typedef struct MtState {
    NativeData hdr;
    MT mt;
} MtState;

static const NativeType mt_type = { .name = "_mt", .size = sizeof(MtState) };

/* The generator a native's first argument holds, after checking that it
 * has exactly n arguments; NULL with an exception set if not. */
static MT *mt_args(VM *vm, const char *fname, Value *args, int nargs, Tuple *kwnames, int n)
{
    if (vm_check_nargs(vm, fname, nargs, kwnames, n, n) < 0)
        return NULL;
    Value v = args[0];
    if (!IS_KIND(v, OBJ_NATIVE_DATA) || ((NativeData *)AS_OBJ(v))->type != &mt_type) {
        vm_raise(vm, EXC_TypeError, "a random generator state was expected");
        return NULL;
    }
    return &((MtState *)AS_OBJ(v))->mt;
}

static Value r_mt_new(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (vm_check_nargs(vm, "_mt_new", nargs, kwnames, 0, 0) < 0)
        return VNULL;
    MtState *s = vm_alloc_obj(vm, sizeof(MtState), OBJ_NATIVE_DATA, TYPE(vm, object));
    s->hdr.type = &mt_type;
    mt_seed_word(&s->mt, RANDOM_DEFAULT_SEED);
    return VOBJ(s);
}

/* ---- SHA-512 (FIPS 180-4), for seeding from a str as CPython does ---------- */

static const uint64_t sha512_k[80] = {
    0x428a2f98d728ae22ull, 0x7137449123ef65cdull, 0xb5c0fbcfec4d3b2full, 0xe9b5dba58189dbbcull,
    0x3956c25bf348b538ull, 0x59f111f1b605d019ull, 0x923f82a4af194f9bull, 0xab1c5ed5da6d8118ull,
    0xd807aa98a3030242ull, 0x12835b0145706fbeull, 0x243185be4ee4b28cull, 0x550c7dc3d5ffb4e2ull,
    0x72be5d74f27b896full, 0x80deb1fe3b1696b1ull, 0x9bdc06a725c71235ull, 0xc19bf174cf692694ull,
    0xe49b69c19ef14ad2ull, 0xefbe4786384f25e3ull, 0x0fc19dc68b8cd5b5ull, 0x240ca1cc77ac9c65ull,
    0x2de92c6f592b0275ull, 0x4a7484aa6ea6e483ull, 0x5cb0a9dcbd41fbd4ull, 0x76f988da831153b5ull,
    0x983e5152ee66dfabull, 0xa831c66d2db43210ull, 0xb00327c898fb213full, 0xbf597fc7beef0ee4ull,
    0xc6e00bf33da88fc2ull, 0xd5a79147930aa725ull, 0x06ca6351e003826full, 0x142929670a0e6e70ull,
    0x27b70a8546d22ffcull, 0x2e1b21385c26c926ull, 0x4d2c6dfc5ac42aedull, 0x53380d139d95b3dfull,
    0x650a73548baf63deull, 0x766a0abb3c77b2a8ull, 0x81c2c92e47edaee6ull, 0x92722c851482353bull,
    0xa2bfe8a14cf10364ull, 0xa81a664bbc423001ull, 0xc24b8b70d0f89791ull, 0xc76c51a30654be30ull,
    0xd192e819d6ef5218ull, 0xd69906245565a910ull, 0xf40e35855771202aull, 0x106aa07032bbd1b8ull,
    0x19a4c116b8d2d0c8ull, 0x1e376c085141ab53ull, 0x2748774cdf8eeb99ull, 0x34b0bcb5e19b48a8ull,
    0x391c0cb3c5c95a63ull, 0x4ed8aa4ae3418acbull, 0x5b9cca4f7763e373ull, 0x682e6ff3d6b2b8a3ull,
    0x748f82ee5defb2fcull, 0x78a5636f43172f60ull, 0x84c87814a1f0ab72ull, 0x8cc702081a6439ecull,
    0x90befffa23631e28ull, 0xa4506cebde82bde9ull, 0xbef9a3f7b2c67915ull, 0xc67178f2e372532bull,
    0xca273eceea26619cull, 0xd186b8c721c0c207ull, 0xeada7dd6cde0eb1eull, 0xf57d4f7fee6ed178ull,
    0x06f067aa72176fbaull, 0x0a637dc5a2c898a6ull, 0x113f9804bef90daeull, 0x1b710b35131c471bull,
    0x28db77f523047d84ull, 0x32caab7b40c72493ull, 0x3c9ebe0a15c9bebcull, 0x431d67c49c100d4cull,
    0x4cc5d4becb3e42b6ull, 0x597f299cfc657e2aull, 0x5fcb6fab3ad6faecull, 0x6c44198c4a475817ull,
};

static uint64_t ror64(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

static void sha512_block(uint64_t h[8], const unsigned char *p)
{
    uint64_t w[80];
    for (int i = 0; i < 16; i++) {
        w[i] = 0;
        for (int b = 0; b < 8; b++)
            w[i] = (w[i] << 8) | p[8 * i + b];
    }
    for (int i = 16; i < 80; i++) {
        uint64_t s0 = ror64(w[i - 15], 1) ^ ror64(w[i - 15], 8) ^ (w[i - 15] >> 7);
        uint64_t s1 = ror64(w[i - 2], 19) ^ ror64(w[i - 2], 61) ^ (w[i - 2] >> 6);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 80; i++) {
        uint64_t t1 = hh + (ror64(e, 14) ^ ror64(e, 18) ^ ror64(e, 41)) + ((e & f) ^ (~e & g))
                      + sha512_k[i] + w[i];
        uint64_t t2 = (ror64(a, 28) ^ ror64(a, 34) ^ ror64(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));
        hh = g; g = f; f = e; e = d + t1;
        d = c; c = b; b = a; a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d;
    h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

static void sha512(const unsigned char *msg, size_t len, unsigned char out[64])
{
    uint64_t h[8] = {
        0x6a09e667f3bcc908ull, 0xbb67ae8584caa73bull, 0x3c6ef372fe94f82bull, 0xa54ff53a5f1d36f1ull,
        0x510e527fade682d1ull, 0x9b05688c2b3e6c1full, 0x1f83d9abfb41bd6bull, 0x5be0cd19137e2179ull,
    };
    size_t full = len / 128 * 128;
    for (size_t off = 0; off < full; off += 128)
        sha512_block(h, msg + off);
    unsigned char tail[256] = { 0 };
    size_t rest = len - full;
    memcpy(tail, msg + full, rest);
    tail[rest] = 0x80;
    size_t tlen = rest + 1 + 16 <= 128 ? 128 : 256;
    uint64_t bits = (uint64_t)len * 8;   /* the top 64 of the 128-bit length stay 0 */
    for (int b = 0; b < 8; b++)
        tail[tlen - 1 - b] = (unsigned char)(bits >> (8 * b));
    for (size_t off = 0; off < tlen; off += 128)
        sha512_block(h, tail + off);
    for (int i = 0; i < 8; i++)
        for (int b = 0; b < 8; b++)
            out[8 * i + b] = (unsigned char)(h[i] >> (56 - 8 * b));
}

/* ---- seeding ------------------------------------------------------------------ */

/* Seeds from the non-negative integer whose big-endian bytes are buf[0..len):
 * its 32-bit words, least significant first, without leading zero words. */
static void seed_from_bytes(MT *mt, const unsigned char *buf, size_t len)
{
    size_t nwords = (len + 3) / 4;
    uint32_t *key = calloc(nwords ? nwords : 1, sizeof *key);
    if (!key)
        abort();
    for (size_t i = 0; i < len; i++) {
        size_t pos = len - 1 - i;           /* byte i counted from the least significant end */
        key[i / 4] |= (uint32_t)buf[pos] << (8 * (i % 4));
    }
    while (nwords > 0 && key[nwords - 1] == 0)
        nwords--;
    mt_seed_key(mt, key, nwords);
    free(key);
}

static void seed_from_u64(MT *mt, uint64_t n)
{
    uint32_t key[2] = { (uint32_t)n, (uint32_t)(n >> 32) };
    mt_seed_key(mt, key, key[1] ? 2 : key[0] ? 1 : 0);
}

/* _mt_seed(mt, a): None (the fixed default), an int (its absolute value),
 * a str (its UTF-8 bytes followed by their SHA-512, read as one big-endian
 * int), or anything else hashable (its hash, as an unsigned 64-bit word).
 * random_prelude.py has refused the types CPython refuses. */
static Value r_mt_seed(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    MT *mt = mt_args(vm, "_mt_seed", args, nargs, kwnames, 2);
    if (!mt)
        return VNULL;
    Value a = args[1];
    if (IS_NONE(a)) {
        mt_seed_word(mt, RANDOM_DEFAULT_SEED);
    } else if (num_is_int(a) && !IS_FLOAT(a)) {
        BiSmall tmp;
        const BigInt *b = num_as_big(a, &tmp);
        mt_seed_key(mt, b->limb, b->len);   /* the magnitude: abs(a) */
    } else if (IS_STR(a)) {
        Str *s = AS_STR(a);
        unsigned char *buf = malloc(s->len + 64);
        if (!buf)
            abort();
        memcpy(buf, s->data, s->len);
        sha512((const unsigned char *)s->data, s->len, buf + s->len);
        seed_from_bytes(mt, buf, s->len + 64);
        free(buf);
    } else {
        int64_t h;
        if (vm_hash(vm, a, &h) < 0)
            return VNULL;
        seed_from_u64(mt, (uint64_t)h);
    }
    return VNONE;
}

static Value r_mt_random(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    MT *mt = mt_args(vm, "random", args, nargs, kwnames, 1);
    return mt ? VFLOAT(mt_double(mt)) : VNULL;
}

/* _mt_getrandbits(mt, k): k random bits as an int; words fill it from the
 * least significant end, the last one keeping its top bits. */
static Value r_mt_getrandbits(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    MT *mt = mt_args(vm, "getrandbits", args, nargs, kwnames, 2);
    if (!mt)
        return VNULL;
    if (!IS_INT(args[1]) && !IS_BOOL(args[1]))
        return vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer",
                        vm_type_name(vm, args[1]));
    int64_t k = args[1].as.i;
    if (k < 0)
        return vm_raise(vm, EXC_ValueError, "number of bits must be non-negative");
    if (k <= 32)
        return VINT(k == 0 ? 0 : mt_next(mt) >> (32 - k));
    uint64_t nwords = ((uint64_t)k - 1) / 32 + 1;
    BigInt b = BI_INIT;
    if (bi_set_u64(&b, 0) != 0)
        return vm_raise(vm, EXC_MemoryError, "getrandbits");
    BigInt word = BI_INIT, shifted = BI_INIT, sum = BI_INIT;
    for (uint64_t i = 0; i < nwords; i++, k -= 32) {
        uint32_t r = mt_next(mt);
        if (k < 32)
            r >>= 32 - k;
        if (bi_set_u64(&word, r) != 0 || bi_shl(&shifted, &word, (int64_t)(32 * i)) != 0
            || bi_or(&sum, &b, &shifted) != 0) {
            bi_free(&b); bi_free(&word); bi_free(&shifted); bi_free(&sum);
            return vm_raise(vm, EXC_MemoryError, "getrandbits");
        }
        bi_swap(&b, &sum);
    }
    bi_free(&word);
    bi_free(&shifted);
    bi_free(&sum);
    return int_from_bigint(vm, &b);
}

/* _mt_getstate(mt): the 624 words and the position, 625 ints. */
static Value r_mt_getstate(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    MT *mt = mt_args(vm, "getstate", args, nargs, kwnames, 1);
    if (!mt)
        return VNULL;
    Tuple *t = tuple_new(vm, MT_N + 1);
    for (int i = 0; i < MT_N; i++)
        t->items[i] = VINT(mt->state[i]);
    t->items[MT_N] = VINT(mt->index);
    return VOBJ(t);
}

static Value r_mt_setstate(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    MT *mt = mt_args(vm, "setstate", args, nargs, kwnames, 2);
    if (!mt)
        return VNULL;
    if (!IS_KIND(args[1], OBJ_TUPLE) || AS_TUPLE(args[1])->len != MT_N + 1)
        return vm_raise(vm, EXC_ValueError, "state vector is the wrong size");
    Tuple *t = AS_TUPLE(args[1]);
    for (int i = 0; i <= MT_N; i++)
        if (!IS_INT(t->items[i]) || t->items[i].as.i < 0 || t->items[i].as.i > (i < MT_N ? 0xffffffffll : MT_N))
            return vm_raise(vm, EXC_ValueError, "invalid state");
    for (int i = 0; i < MT_N; i++)
        mt->state[i] = (uint32_t)t->items[i].as.i;
    mt->index = (int)t->items[MT_N].as.i;
    return VNONE;
}

/* The math the distributions need, on floats (ints are converted). */
#define MATH1(cname, pyname, domain, expr)                                         \
    static Value cname(VM *vm, Value *args, int nargs, Tuple *kwnames)             \
    {                                                                              \
        double x;                                                                  \
        if (vm_check_nargs(vm, pyname, nargs, kwnames, 1, 1) < 0 ||                \
            vm_to_double(vm, args[0], &x) < 0)                                     \
            return VNULL;                                                          \
        if (!(domain))                                                             \
            return vm_raise(vm, EXC_ValueError, "math domain error");             \
        return VFLOAT(expr);                                                       \
    }
MATH1(r_log, "_log", x > 0, log(x))
MATH1(r_exp, "_exp", true, exp(x))
MATH1(r_sqrt, "_sqrt", x >= 0, sqrt(x))
MATH1(r_cos, "_cos", !isinf(x), cos(x))
MATH1(r_sin, "_sin", !isinf(x), sin(x))
MATH1(r_acos, "_acos", x >= -1 && x <= 1, acos(x))

/* _floor(x), _ceil(x): as ints, like math.floor and math.ceil of a float. */
static Value r_floor(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    double x;
    if (vm_check_nargs(vm, "_floor", nargs, kwnames, 1, 1) < 0 || vm_to_double(vm, args[0], &x) < 0)
        return VNULL;
    return vm_int_from_double(vm, floor(x));
}

static Value r_ceil(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    double x;
    if (vm_check_nargs(vm, "_ceil", nargs, kwnames, 1, 1) < 0 || vm_to_double(vm, args[0], &x) < 0)
        return VNULL;
    return vm_int_from_double(vm, ceil(x));
}

Module *sim_random_module_new(VM *vm)
{
    static const char *const names[] = {
        "_mt_new", "_mt_seed", "_mt_random", "_mt_getrandbits", "_mt_getstate", "_mt_setstate",
        "_log", "_exp", "_sqrt", "_cos", "_sin", "_acos", "_floor", "_ceil",
    };
    static const NativeFn fns[] = {
        r_mt_new, r_mt_seed, r_mt_random, r_mt_getrandbits, r_mt_getstate, r_mt_setstate,
        r_log, r_exp, r_sqrt, r_cos, r_sin, r_acos, r_floor, r_ceil,
    };
    static const SimPrelude prelude = SIM_PRELUDE_INIT(random_prelude);
    return sim_run_module(vm, "random", &prelude, names, fns, (int)(sizeof fns / sizeof fns[0]));
}
