/*
 * numfmt.h - Python float semantics and the str/int/float formatting that
 * CPython 3.12 prints: repr(float), float(str), float //, %, divmod, **, round,
 * hash, format() with the format-spec mini-language, and the numeric
 * conversions of printf-style `%` formatting.
 *
 * Pure C (uses bigint.h for ints), no dependency on the VM. Output goes into a
 * growable NfBuf; errors come back as an NfError carrying the exception kind
 * and CPython's exact message text for the VM to raise.
 *
 * Strings are UTF-8; widths and precisions count code points. Assumes the C
 * locale (the decimal point of printf/strtod is '.').
 *
 * Limits: a width, or a float/%-integer precision, above 2**26 gives
 * NF_ERR_MEMORY (MemoryError) instead of building a giant string; decimal
 * output of ints obeys CPython's 4300-digit limit (nf_format_int_limit takes
 * the current sys.set_int_max_str_digits value; nf_pct_* use 4300).
 */
#ifndef LS_NUM_NUMFMT_H
#define LS_NUM_NUMFMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bigint.h"

/* --- Output buffer -------------------------------------------------------------
 * Appending functions grow it with realloc; data is always NUL-terminated when
 * non-NULL. Formatting functions append (they never clear the buffer). */
typedef struct NfBuf {
    char  *data;
    size_t len;
    size_t cap;
} NfBuf;

#define NF_BUF_INIT {NULL, 0, 0}
void nf_buf_init(NfBuf *b);
void nf_buf_free(NfBuf *b);
int  nf_buf_reserve(NfBuf *b, size_t extra);          /* 0 ok, -1 out of memory */
int  nf_buf_append(NfBuf *b, const char *s, size_t n);
int  nf_buf_putc(NfBuf *b, char c);

/* --- Errors -------------------------------------------------------------------- */
typedef enum NfErrKind {
    NF_OK = 0,
    NF_ERR_VALUE,      /* ValueError */
    NF_ERR_TYPE,       /* TypeError */
    NF_ERR_OVERFLOW,   /* OverflowError */
    NF_ERR_ZERODIV,    /* ZeroDivisionError */
    NF_ERR_MEMORY,     /* MemoryError (out of memory, or BI_ETOOBIG) */
    NF_ERR_COMPLEX     /* not an error in Python: negative ** fractional gives a
                          complex number; msg is empty, the caller decides */
} NfErrKind;

typedef struct NfError {
    NfErrKind kind;
    char msg[256];     /* CPython's str(exception); truncated if absurdly long */
} NfError;

/* All functions below that take an NfError * return its kind (NF_OK == 0) and
 * fill *err on failure; err may be NULL when the caller only wants the code. */

/* --- float repr and parsing ------------------------------------------------------ */
#define NF_REPR_MAX 32
/* repr(x) == str(x): shortest round-trip digits, CPython's layout
 * ("1.0", "1e+16", "1e-05", "inf", "nan", "-0.0"). Writes NUL-terminated text
 * into out (>= NF_REPR_MAX bytes) and returns its length. */
size_t nf_float_repr(double x, char *out);
int    nf_float_repr_buf(NfBuf *b, double x);        /* 0 ok, -1 out of memory */

/* float(text): surrounding whitespace, sign, underscores between digits,
 * inf/infinity/nan in any case with a sign. Returns true on success. On failure
 * the caller raises ValueError "could not convert string to float: %R" (it needs
 * repr() of the str object). Overflowing literals give +-inf as Python. */
bool nf_parse_float(const char *text, size_t len, double *out);

/* --- float arithmetic (Python semantics) ------------------------------------------ */
/* a / b: "float division by zero" */
NfErrKind nf_float_div(double a, double b, double *out, NfError *err);
/* a // b: "float floor division by zero" */
NfErrKind nf_float_floordiv(double a, double b, double *out, NfError *err);
/* a % b (sign of b): "float modulo" */
NfErrKind nf_float_mod(double a, double b, double *out, NfError *err);
/* divmod(a, b): "float divmod()" */
NfErrKind nf_float_divmod(double a, double b, double *q, double *m, NfError *err);
/* a ** b: ZeroDivisionError "0.0 cannot be raised to a negative power";
 * OverflowError "(34, 'Numerical result out of range')" (CPython raises
 * OverflowError(34, ...) whose str() is that text); NF_ERR_COMPLEX when a < 0 and
 * b is a finite non-integer (Python returns a complex, or raises OverflowError
 * "complex exponentiation" when that overflows: the caller's business). */
NfErrKind nf_float_pow(double a, double b, double *out, NfError *err);

/* Checks for int(x) / round(x) / math.floor(x) ...: ValueError "cannot convert
 * float NaN to integer", OverflowError "cannot convert float infinity to integer". */
NfErrKind nf_float_int_check(double x, NfError *err);
/* round(x) with one argument: round-half-even to an integral double; the caller
 * then converts with bi_from_double (after nf_float_int_check). */
double nf_float_round_half_even(double x);
/* round(x, ndigits): correctly rounded decimal, half-even on exact ties, as
 * CPython. OverflowError "rounded value too large to represent". */
NfErrKind nf_float_round(double x, int64_t ndigits, double *out, NfError *err);
bool nf_float_is_integer(double x);
/* hash(x) consistent with bi_hash (hash(1.0) == hash(1)); inf -> 314159,
 * -inf -> -314159. For nan CPython 3.12 hashes the object identity: the caller
 * must handle nan. The caller maps -1 to -2. */
int64_t nf_float_hash(double x);

/* --- Format spec mini-language ---------------------------------------------------
 * [[fill]align][sign][z][#][0][width][grouping][.precision][type]
 * The formatting functions take the raw spec text and the object's type name
 * (used in messages, e.g. "bool" for format(True, 'x') errors). An empty spec
 * gives str(x). */
typedef struct NfSpec {
    uint32_t fill;        /* code point, default ' ' */
    char     align;       /* '<' '>' '^' '=' or 0 (default) */
    char     sign;        /* '+' '-' ' ' or 0 */
    bool     z;           /* 'z': coerce negative zero */
    bool     alt;         /* '#' */
    bool     zero;        /* '0' before width */
    int64_t  width;       /* -1 when absent */
    char     grouping;    /* ',' '_' or 0 */
    int64_t  precision;   /* -1 when absent */
    char     type;        /* type character or 0 */
} NfSpec;

/* Parse only (no type checks against an object): ValueError on syntax errors
 * ("Invalid format specifier '...' for object of type '...'", "Format specifier
 * missing precision", "Too many decimal digits in format string",
 * "Cannot specify both ',' and '_'."). */
NfErrKind nf_spec_parse(const char *spec, size_t len, const char *type_name,
                        NfSpec *out, NfError *err);

/* format(value, spec). Append to out. */
NfErrKind nf_format_str(NfBuf *out, const char *s, size_t slen,
                        const char *spec, size_t speclen, NfError *err);
NfErrKind nf_format_i64(NfBuf *out, int64_t v, const char *spec, size_t speclen,
                        const char *type_name, NfError *err);
NfErrKind nf_format_int(NfBuf *out, const BigInt *v, const char *spec, size_t speclen,
                        const char *type_name, NfError *err);
/* Same as nf_format_int with CPython's int<->str digit limit given explicitly
 * (sys.set_int_max_str_digits; 0 = unlimited). nf_format_int uses 4300. The
 * limit error is ValueError with bi_strlimit_msg's to_str text. */
NfErrKind nf_format_int_limit(NfBuf *out, const BigInt *v, const char *spec, size_t speclen,
                              const char *type_name, size_t max_str_digits, NfError *err);
NfErrKind nf_format_float(NfBuf *out, double v, const char *spec, size_t speclen,
                          const char *type_name, NfError *err);

/* --- printf-style `%` conversions ---------------------------------------------------
 * The VM parses the template; these produce one numeric conversion. */
#define NF_PCT_MINUS  1u   /* '-' left-justify */
#define NF_PCT_PLUS   2u   /* '+' */
#define NF_PCT_SPACE  4u   /* ' ' */
#define NF_PCT_ALT    8u   /* '#' */
#define NF_PCT_ZERO  16u   /* '0' */
typedef struct NfPct {
    unsigned flags;
    int64_t  width;       /* -1 when absent ('*' already resolved by the caller;
                             a negative '*' width means MINUS + |width|) */
    int64_t  precision;   /* -1 when absent */
    char     conv;        /* 'd' 'i' 'u' 'x' 'X' 'o' for ints; 'e' 'E' 'f' 'F' 'g' 'G' for floats */
} NfPct;
/* Integer conversions d i u o x X. (For %d of a float the caller converts the float
 * with bi_from_double first, as CPython does.) */
NfErrKind nf_pct_int(NfBuf *out, const NfPct *p, const BigInt *v, NfError *err);
NfErrKind nf_pct_i64(NfBuf *out, const NfPct *p, int64_t v, NfError *err);
/* Float conversions e E f F g G (and d i u via truncation is the caller's job). */
NfErrKind nf_pct_float(NfBuf *out, const NfPct *p, double v, NfError *err);
/* Width/precision/padding of %s / %r / %a / %c text (already converted by the VM). */
NfErrKind nf_pct_str(NfBuf *out, const NfPct *p, const char *s, size_t slen, NfError *err);

/* UTF-8 helpers shared with the VM's str if it wants them. */
size_t nf_utf8_count(const char *s, size_t len);        /* code points */
size_t nf_utf8_offset(const char *s, size_t len, size_t k); /* byte offset of code point k (len past the end) */
size_t nf_utf8_encode(uint32_t cp, char out[4]);        /* bytes written */

#endif
