/*
 * bigint.h - arbitrary-precision signed integers with Python int semantics.
 *
 * Pure C, no dependency on the VM: the VM wraps these functions in its int type
 * and turns the error codes below into Python exceptions. Memory comes from
 * malloc/realloc/free; bi_size_bytes() reports what a value holds so the VM can
 * account for it.
 *
 * Representation: sign + magnitude, little-endian 32-bit limbs, normalised (no
 * high zero limbs; zero has len == 0 and neg == 0). cap == 0 with a non-NULL
 * limb pointer means borrowed storage (see bi_small_i64).
 *
 * Algorithms: schoolbook on 64-bit digit pairs, Karatsuba from 64 limbs, an NTT
 * (one 64-bit prime) from 10000 limbs; Knuth division, Newton-reciprocal
 * division when divisor and quotient both exceed 160 limbs; decimal
 * conversion in 10**9 chunks, divide and conquer above ~100 limbs / 3000 digits.
 *
 * Conventions:
 *  - Every function that can fail returns an int: BI_OK (0) or a BI_E* code.
 *    On failure the result operand is left a valid (unspecified) BigInt.
 *  - The result may alias any operand (bi_add(a, a, a) is fine).
 *  - BigInt values must be bi_init'ed (or = BI_INIT) before use and bi_free'd.
 *  - bi_errmsg(code) gives CPython's message where it does not depend on the
 *    operation; operation-specific texts are documented on each function and
 *    available as BI_MSG_* constants.
 */
#ifndef LS_NUM_BIGINT_H
#define LS_NUM_BIGINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct BigInt {
    uint32_t *limb;   /* magnitude, least significant limb first */
    uint32_t len;     /* limbs in use; 0 for zero */
    uint32_t cap;     /* limbs allocated */
    int neg;          /* 1 if negative (never for zero) */
} BigInt;

#define BI_INIT {NULL, 0, 0, 0}

enum {
    BI_OK = 0,
    BI_ENOMEM,      /* malloc failed                          -> MemoryError            */
    BI_ETOOBIG,     /* result would exceed bi_max_bits()      -> MemoryError            */
    BI_EZERODIV,    /* division/modulo by zero                -> ZeroDivisionError (text per op) */
    BI_EVALUE,      /* invalid literal / bad argument         -> ValueError (text per op) */
    BI_EOVERFLOW,   /* does not fit (double, int64)           -> OverflowError (text per op) */
    BI_ENEGSHIFT,   /* negative shift count                   -> ValueError "negative shift count" */
    BI_ESTRLIMIT,   /* int<->str digit limit exceeded         -> ValueError, see bi_strlimit_msg */
    BI_EBASE,       /* base not 0 or 2..36                    -> ValueError BI_MSG_BASE */
    BI_ENOTINV      /* pow(b, -e, m): b not invertible mod m  -> ValueError BI_MSG_NOTINV */
};

/* CPython 3.12's exact texts for the errors whose wording depends on the operation. */
#define BI_MSG_FLOORDIV_ZERO  "integer division or modulo by zero"   /* a // 0, divmod(a, 0) */
#define BI_MSG_MOD_ZERO       "integer modulo by zero"               /* a % 0 */
#define BI_MSG_TRUEDIV_ZERO   "division by zero"                     /* a / 0 (int / int) */
#define BI_MSG_TO_FLOAT       "int too large to convert to float"    /* float(a), a + 1.0, ... */
#define BI_MSG_TRUEDIV_OVF    "integer division result too large for a float"
#define BI_MSG_NEGSHIFT       "negative shift count"
#define BI_MSG_BASE           "int() base must be >= 2 and <= 36, or 0"
#define BI_MSG_POW_MOD_ZERO   "pow() 3rd argument cannot be 0"
#define BI_MSG_NOTINV         "base is not invertible for the given modulus"
#define BI_MSG_ZERO_NEG_POW   "0.0 cannot be raised to a negative power" /* 0 ** -1 (caller) */
/* int(s, base) failure: "invalid literal for int() with base %d: %R" - the caller
 * formats it because it needs repr() of the original str object. */

/* Generic message for a code ("" for BI_OK). */
const char *bi_errmsg(int code);

/* --- Limits ------------------------------------------------------------------
 * A process-wide cap on the size of any result, so `2**10**10` fails fast with
 * BI_ETOOBIG instead of exhausting memory. Checked before allocating. */
#define BI_DEFAULT_MAX_BITS ((uint64_t)1 << 28)  /* 32 MiB per value */
void     bi_set_max_bits(uint64_t bits);  /* 0 restores the default */
uint64_t bi_max_bits(void);

/* CPython's int<->str conversion limit (sys.int_info.default_max_str_digits). */
#define BI_DEFAULT_MAX_STR_DIGITS 4300
/* Writes CPython's message for BI_ESTRLIMIT into buf (always NUL-terminated):
 *   to_str:   "Exceeds the limit (4300 digits) for integer string conversion; use
 *              sys.set_int_max_str_digits() to increase the limit"
 *   from_str: "Exceeds the limit (4300 digits) for integer string conversion: value
 *              has 4301 digits; use sys.set_int_max_str_digits() to increase the limit"
 * ndigits is only used for from_str. */
void bi_strlimit_msg(char *buf, size_t bufsize, bool to_str, size_t limit, size_t ndigits);

/* --- Lifetime ----------------------------------------------------------------- */
void   bi_init(BigInt *a);
void   bi_free(BigInt *a);
size_t bi_size_bytes(const BigInt *a);          /* heap bytes held (limb storage) */
int    bi_copy(BigInt *r, const BigInt *a);
void   bi_swap(BigInt *a, BigInt *b);

/* A BigInt view of an int64 with no allocation, for mixed int64/BigInt
 * operands: `bi_add(&r, x, bi_small_i64(&tmp, 5))`. The view borrows
 * s->storage (cap == 0 marks borrowed limbs), so `s` must stay in place while
 * the view is used. It may be read anywhere, even be a result (it then gets
 * storage of its own), and bi_free on it is harmless. */
typedef struct BiSmall {
    BigInt big;
    uint32_t storage[2];
} BiSmall;
const BigInt *bi_small_i64(BiSmall *s, int64_t v);

/* --- Conversions -------------------------------------------------------------- */
int  bi_set_i64(BigInt *r, int64_t v);
int  bi_set_u64(BigInt *r, uint64_t v);
/* Truncates toward zero, as int(float). Returns BI_EVALUE for nan and
 * BI_EOVERFLOW for inf (caller should have raised already: "cannot convert float
 * NaN to integer" (ValueError), "cannot convert float infinity to integer"
 * (OverflowError)). */
int  bi_from_double(BigInt *r, double x);

/* Python int(text, base) rules: surrounding whitespace, optional sign, single
 * underscores between digits (and after a base prefix), 0x/0o/0b prefixes when
 * base is 0 or matches; base 0 rejects leading zeros of a non-zero decimal.
 * ASCII only plus the Unicode decimal digits / whitespace CPython accepts
 * (text is UTF-8). max_str_digits: CPython's limit for non-power-of-two bases
 * (0 = unlimited).
 * Errors: BI_EBASE, BI_EVALUE (invalid literal: caller formats the message),
 * BI_ESTRLIMIT (*ndigits_out set to the digit count when non-NULL), BI_ETOOBIG. */
int  bi_from_str(BigInt *r, const char *text, size_t len, int base,
                 size_t max_str_digits, size_t *ndigits_out);

/* Flags for bi_to_str. */
#define BI_STR_PREFIX  1u   /* "0x" / "0o" / "0b" after the sign (hex(), oct(), bin()) */
#define BI_STR_UPPER   2u   /* upper-case hex digits and prefix ("0XFF") */
/* Base 2, 8, 10, 16 (any 2..36 works). *out is malloc'd, NUL-terminated, caller
 * frees it with free(); *outlen excludes the NUL. Sign '-' included for negatives.
 * max_str_digits applies to base 10 only (0 = unlimited) -> BI_ESTRLIMIT. */
int  bi_to_str(const BigInt *a, int base, unsigned flags, size_t max_str_digits,
               char **out, size_t *outlen);
/* Decimal digit count of |a| (exact; 1 for zero). */
size_t bi_decimal_digits(const BigInt *a);

bool bi_fits_i64(const BigInt *a);
int  bi_to_i64(const BigInt *a, int64_t *out);   /* BI_EOVERFLOW if it does not fit */
int  bi_to_u64(const BigInt *a, uint64_t *out);  /* BI_EOVERFLOW if negative/too big */
/* Correctly rounded (round-half-even) as CPython's float(int).
 * BI_EOVERFLOW -> OverflowError BI_MSG_TO_FLOAT. */
int  bi_to_double(const BigInt *a, double *out);
/* Low 64 bits of the two's-complement value (wraps), handy for masks. */
uint64_t bi_low_u64(const BigInt *a);

/* --- Queries ------------------------------------------------------------------ */
static inline bool bi_is_zero(const BigInt *a) { return a->len == 0; }
static inline int  bi_sign(const BigInt *a) { return a->len == 0 ? 0 : (a->neg ? -1 : 1); }
bool     bi_is_odd(const BigInt *a);
uint64_t bi_bit_length(const BigInt *a);           /* int.bit_length() */
uint64_t bi_bit_count(const BigInt *a);            /* int.bit_count() */
int      bi_cmp(const BigInt *a, const BigInt *b); /* -1, 0, 1 */
int      bi_cmp_i64(const BigInt *a, int64_t b);
/* Exact comparison with a double: -1, 0, 1; 2 when x is nan (unordered: every
 * comparison operator is False except !=). inf compares greater than any int. */
int      bi_cmp_double(const BigInt *a, double x);
/* hash(int): sign * (|a| mod (2**61 - 1)). The caller maps -1 to -2 as CPython
 * does (hash(-1) == -2); this function returns -1 for a == -1. */
int64_t  bi_hash(const BigInt *a);

/* --- Arithmetic --------------------------------------------------------------- */
int bi_neg(BigInt *r, const BigInt *a);
int bi_abs(BigInt *r, const BigInt *a);
int bi_add(BigInt *r, const BigInt *a, const BigInt *b);
int bi_sub(BigInt *r, const BigInt *a, const BigInt *b);
int bi_mul(BigInt *r, const BigInt *a, const BigInt *b);   /* Karatsuba above a threshold */
int bi_add_i64(BigInt *r, const BigInt *a, int64_t b);
int bi_mul_i64(BigInt *r, const BigInt *a, int64_t b);
/* Floor division and modulo (Python semantics: remainder has the divisor's sign).
 * q or m may be NULL. BI_EZERODIV: the caller raises BI_MSG_FLOORDIV_ZERO for //
 * and divmod, BI_MSG_MOD_ZERO for %. */
int bi_divmod(BigInt *q, BigInt *m, const BigInt *a, const BigInt *b);
int bi_floordiv(BigInt *q, const BigInt *a, const BigInt *b);
int bi_mod(BigInt *m, const BigInt *a, const BigInt *b);
/* Truncating division (C semantics), for callers that want it. */
int bi_tdivmod(BigInt *q, BigInt *m, const BigInt *a, const BigInt *b);
/* a / b correctly rounded to double, as CPython's int true division.
 * BI_EZERODIV -> BI_MSG_TRUEDIV_ZERO; BI_EOVERFLOW -> BI_MSG_TRUEDIV_OVF. */
int bi_truediv(double *out, const BigInt *a, const BigInt *b);
/* base ** exp, or base ** exp % m when m != NULL (result takes m's sign, as Python).
 * exp < 0 without m: BI_EVALUE (the caller computes a float instead).
 * m == 0: BI_EVALUE -> ValueError BI_MSG_POW_MOD_ZERO.
 * exp < 0 with m: uses the modular inverse; BI_ENOTINV when there is none.
 * BI_ETOOBIG for runaway sizes (checked before computing). */
int bi_pow(BigInt *r, const BigInt *base, const BigInt *exp, const BigInt *m);
int bi_pow_u64(BigInt *r, const BigInt *base, uint64_t exp);

/* Shifts: BI_ENEGSHIFT when count < 0 (ValueError "negative shift count").
 * Right shift floors (-1 >> 5 == -1). Left shift beyond bi_max_bits: BI_ETOOBIG. */
int bi_shl(BigInt *r, const BigInt *a, int64_t count);
int bi_shr(BigInt *r, const BigInt *a, int64_t count);
int bi_shl_big(BigInt *r, const BigInt *a, const BigInt *count);  /* huge counts */
int bi_shr_big(BigInt *r, const BigInt *a, const BigInt *count);

/* Bitwise ops with infinite two's-complement semantics. */
int bi_and(BigInt *r, const BigInt *a, const BigInt *b);
int bi_or (BigInt *r, const BigInt *a, const BigInt *b);
int bi_xor(BigInt *r, const BigInt *a, const BigInt *b);
int bi_invert(BigInt *r, const BigInt *a);                 /* ~a == -a - 1 */

/* round(a, ndigits) for an int: a itself when ndigits >= 0, else rounded to a
 * multiple of 10**-ndigits with ties to even (round(250, -2) == 200). */
int bi_round_ndigits(BigInt *r, const BigInt *a, int64_t ndigits);
int bi_gcd(BigInt *r, const BigInt *a, const BigInt *b);   /* math.gcd, non-negative */
int bi_isqrt(BigInt *r, const BigInt *a);                  /* math.isqrt; BI_EVALUE if a < 0 */

#endif
