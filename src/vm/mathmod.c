/*
 * mathmod.c - the math module: CPython 3.12's functions and constants, with
 * its results (ints where CPython gives ints, big ones included) and its
 * error messages ("math domain error", "math range error", ...).
 *
 * Made when a program first imports math (the simulator's import hook,
 * src/sim/stdlib.c, calls math_module_new).
 */
#include <float.h>
#include <limits.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>
#include "vm.h"
#include "internal.h"
#include "numops.h"

static Value domain_error(VM *vm)
{
    return vm_raise(vm, EXC_ValueError, "math domain error");
}

static Value range_error(VM *vm)
{
    return vm_raise(vm, EXC_OverflowError, "math range error");
}

/* A float function's result, checked as CPython's math_1: NaN from a
 * number is a domain error; an infinity from a finite number a range error
 * when the function can overflow, else a domain error (log(0)). */
static Value checked(VM *vm, double x, double r, bool can_overflow)
{
    if (isnan(r) && !isnan(x))
        return domain_error(vm);
    if (isinf(r) && isfinite(x))
        return can_overflow ? range_error(vm) : domain_error(vm);
    return VFLOAT(r);
}

static int arg_double(VM *vm, Value v, double *out)
{
    if (!num_is_number(v)) {
        vm_raise(vm, EXC_TypeError, "must be real number, not %s", vm_type_name(vm, v));
        return -1;
    }
    return vm_to_double(vm, v, out);
}

static int arg_int(VM *vm, Value v)
{
    if (num_is_int(v))
        return 0;
    vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", vm_type_name(vm, v));
    return -1;
}

static int one_arg(VM *vm, const char *name, int nargs, Tuple *kwnames)
{
    if ((kwnames && kwnames->len) || nargs != 1) {
        if (kwnames && kwnames->len)
            vm_raise(vm, EXC_TypeError, "math.%s() takes no keyword arguments", name);
        else
            vm_raise(vm, EXC_TypeError, "math.%s() takes exactly one argument (%d given)", name, nargs);
        return -1;
    }
    return 0;
}

/* ---- one float in, one float out ---------------------------------------------- */

static double deg(double x) { return x * (180.0 / M_PI); }
static double rad(double x) { return x * (M_PI / 180.0); }

typedef struct FloatFn {
    const char *name;
    double (*fn)(double);
    bool can_overflow;
} FloatFn;

static const FloatFn float_fns[] = {
    { "sqrt", sqrt, false }, { "exp", exp, true }, { "exp2", exp2, true }, { "expm1", expm1, true },
    { "sin", sin, false }, { "cos", cos, false }, { "tan", tan, false },
    { "asin", asin, false }, { "acos", acos, false }, { "atan", atan, false },
    { "sinh", sinh, true }, { "cosh", cosh, true }, { "tanh", tanh, false },
    { "asinh", asinh, false }, { "acosh", acosh, false }, { "atanh", atanh, false },
    { "fabs", fabs, false }, { "degrees", deg, true }, { "radians", rad, false },
    { "log1p", log1p, false }, { "cbrt", cbrt, false }, { "erf", erf, false }, { "erfc", erfc, false },
    { "gamma", tgamma, true }, { "lgamma", lgamma, true },
};

static Value call_float_fn(VM *vm, int which, Value *args, int nargs, Tuple *kwnames)
{
    const FloatFn *f = &float_fns[which];
    double x;
    if (one_arg(vm, f->name, nargs, kwnames) < 0 || arg_double(vm, args[0], &x) < 0)
        return VNULL;
    if ((f->fn == atanh && (x == 1.0 || x == -1.0)) || (f->fn == tgamma && x <= 0 && x == floor(x)))
        return domain_error(vm);
    return checked(vm, x, f->fn(x), f->can_overflow);
}

#define FLOAT_FN(i) \
    static Value float_fn_##i(VM *vm, Value *a, int n, Tuple *k) { return call_float_fn(vm, i, a, n, k); }
FLOAT_FN(0) FLOAT_FN(1) FLOAT_FN(2) FLOAT_FN(3) FLOAT_FN(4) FLOAT_FN(5) FLOAT_FN(6) FLOAT_FN(7)
FLOAT_FN(8) FLOAT_FN(9) FLOAT_FN(10) FLOAT_FN(11) FLOAT_FN(12) FLOAT_FN(13) FLOAT_FN(14) FLOAT_FN(15)
FLOAT_FN(16) FLOAT_FN(17) FLOAT_FN(18) FLOAT_FN(19) FLOAT_FN(20) FLOAT_FN(21) FLOAT_FN(22) FLOAT_FN(23)
FLOAT_FN(24)
static const NativeFn float_natives[] = {
    float_fn_0, float_fn_1, float_fn_2, float_fn_3, float_fn_4, float_fn_5, float_fn_6, float_fn_7,
    float_fn_8, float_fn_9, float_fn_10, float_fn_11, float_fn_12, float_fn_13, float_fn_14, float_fn_15,
    float_fn_16, float_fn_17, float_fn_18, float_fn_19, float_fn_20, float_fn_21, float_fn_22, float_fn_23,
    float_fn_24,
};
_Static_assert(sizeof float_natives / sizeof float_natives[0] == sizeof float_fns / sizeof float_fns[0],
               "one native per float function");

/* ---- logarithms ------------------------------------------------------------------ */

/* log of a number as a double, for ints too big for a double as well:
 * log(m * 2**e) = log(m) + e*log(2). base: 0 natural, 2, 10. */
static int log_of(VM *vm, Value v, int base, double *out)
{
    double x;
    if (!num_is_number(v)) {
        vm_raise(vm, EXC_TypeError, "must be real number, not %s", vm_type_name(vm, v));
        return -1;
    }
    if (IS_BIGINT(v) && bi_sign(AS_BIGINT(v)) > 0 && bi_bit_length(AS_BIGINT(v)) > 1024) {
        /* too big for a double: v = m * 2**e with m in [0.5, 1) from its
         * top 64 bits, and f(v) = f(m) + f(2) * e, as CPython */
        BigInt sh = BI_INIT;
        uint64_t drop = bi_bit_length(AS_BIGINT(v)) - 64;
        if (bi_shr(&sh, AS_BIGINT(v), (int64_t)drop) != BI_OK) {
            bi_free(&sh);
            num_raise_bi(vm, BI_ENOMEM, NULL);
            return -1;
        }
        double m = ldexp((double)bi_low_u64(&sh), -64), e = (double)drop + 64;
        bi_free(&sh);
        *out = base == 2 ? log2(m) + e : base == 10 ? log10(m) + log10(2.0) * e : log(m) + log(2.0) * e;
        return 0;
    }
    if (vm_to_double(vm, v, &x) < 0)
        return -1;
    if (isnan(x) || (isinf(x) && x > 0)) {
        *out = x;
        return 0;
    }
    if (x <= 0) {
        domain_error(vm);
        return -1;
    }
    *out = base == 2 ? log2(x) : base == 10 ? log10(x) : log(x);
    return 0;
}

static Value math_log(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "log", nargs, kwnames, 1, 2) < 0)
        return VNULL;
    double num, den;
    if (log_of(vm, args[0], 0, &num) < 0)
        return VNULL;
    if (nargs == 1)
        return VFLOAT(num);
    if (log_of(vm, args[1], 0, &den) < 0)
        return VNULL;
    if (den == 0)
        return vm_raise(vm, EXC_ZeroDivisionError, "float division by zero");
    return VFLOAT(num / den);
}

static Value math_log2(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    double r;
    if (one_arg(vm, "log2", nargs, kwnames) < 0 || log_of(vm, args[0], 2, &r) < 0)
        return VNULL;
    return VFLOAT(r);
}

static Value math_log10(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    double r;
    if (one_arg(vm, "log10", nargs, kwnames) < 0 || log_of(vm, args[0], 10, &r) < 0)
        return VNULL;
    return VFLOAT(r);
}

/* ---- two floats ------------------------------------------------------------------- */

static int two_doubles(VM *vm, const char *name, Value *args, int nargs, Tuple *kwnames, double *x, double *y)
{
    if (vm_check_nargs(vm, name, nargs, kwnames, 2, 2) < 0)
        return -1;
    return arg_double(vm, args[0], x) < 0 || arg_double(vm, args[1], y) < 0 ? -1 : 0;
}

static Value math_pow(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    double x, y;
    if (two_doubles(vm, "pow", args, nargs, kwnames, &x, &y) < 0)
        return VNULL;
    if (x == 0 && y < 0)
        return domain_error(vm);
    double r = pow(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y))
        return domain_error(vm);
    if (isinf(r) && isfinite(x) && isfinite(y))
        return range_error(vm);
    return VFLOAT(r);
}

static Value math_atan2(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    double y, x;
    if (two_doubles(vm, "atan2", args, nargs, kwnames, &y, &x) < 0)
        return VNULL;
    return VFLOAT(atan2(y, x));
}

static Value math_copysign(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    double x, y;
    if (two_doubles(vm, "copysign", args, nargs, kwnames, &x, &y) < 0)
        return VNULL;
    return VFLOAT(copysign(x, y));
}

static Value math_fmod(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    double x, y;
    if (two_doubles(vm, "fmod", args, nargs, kwnames, &x, &y) < 0)
        return VNULL;
    if (isinf(y) && isfinite(x))
        return VFLOAT(x);
    if (y == 0 || isinf(x))
        return isnan(x) || isnan(y) ? VFLOAT(NAN) : domain_error(vm);
    return VFLOAT(fmod(x, y));
}

static Value math_remainder(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    double x, y;
    if (two_doubles(vm, "remainder", args, nargs, kwnames, &x, &y) < 0)
        return VNULL;
    if ((y == 0 || isinf(x)) && !isnan(x) && !isnan(y))
        return domain_error(vm);
    return VFLOAT(remainder(x, y));
}

static Value math_ldexp(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    double x;
    if (vm_check_nargs(vm, "ldexp", nargs, kwnames, 2, 2) < 0 || arg_double(vm, args[0], &x) < 0 ||
        arg_int(vm, args[1]) < 0)
        return VNULL;
    if (!IS_INT(args[1]))
        return x == 0 || !isfinite(x) ? VFLOAT(x) : range_error(vm);
    int64_t e = args[1].as.i;
    double r = ldexp(x, e > 100000 ? 100000 : e < -100000 ? -100000 : (int)e);
    return checked(vm, x, r, true);
}

static Value math_frexp(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    double x;
    if (one_arg(vm, "frexp", nargs, kwnames) < 0 || arg_double(vm, args[0], &x) < 0)
        return VNULL;
    int e = 0;
    double m = isfinite(x) ? frexp(x, &e) : x;
    Value t[2] = { VFLOAT(m), VINT(e) };
    return VOBJ(tuple_from(vm, t, 2));
}

static Value math_modf(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    double x, ip;
    if (one_arg(vm, "modf", nargs, kwnames) < 0 || arg_double(vm, args[0], &x) < 0)
        return VNULL;
    double fp = isinf(x) ? copysign(0.0, x) : modf(x, &ip);
    if (isinf(x))
        ip = x;
    Value t[2] = { VFLOAT(fp), VFLOAT(ip) };
    return VOBJ(tuple_from(vm, t, 2));
}

/* ---- float predicates ------------------------------------------------------------- */

static Value float_pred(VM *vm, const char *name, Value *args, int nargs, Tuple *kwnames, int which)
{
    double x;
    if (one_arg(vm, name, nargs, kwnames) < 0 || arg_double(vm, args[0], &x) < 0)
        return VNULL;
    return VBOOL(which == 0 ? isfinite(x) : which == 1 ? isinf(x) : isnan(x));
}
static Value math_isfinite(VM *vm, Value *a, int n, Tuple *k) { return float_pred(vm, "isfinite", a, n, k, 0); }
static Value math_isinf(VM *vm, Value *a, int n, Tuple *k) { return float_pred(vm, "isinf", a, n, k, 1); }
static Value math_isnan(VM *vm, Value *a, int n, Tuple *k) { return float_pred(vm, "isnan", a, n, k, 2); }

static Value math_isclose(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    static const char *const params[] = { "a", "b", "rel_tol", "abs_tol", NULL };
    Value v[4];
    if (vm_bind_args(vm, "isclose", args, nargs, kwnames, params, 2, 2, v) < 0)
        return VNULL;
    double a, b, rel = 1e-9, abs_tol = 0.0;
    if (arg_double(vm, v[0], &a) < 0 || arg_double(vm, v[1], &b) < 0 ||
        (!IS_NULL(v[2]) && arg_double(vm, v[2], &rel) < 0) || (!IS_NULL(v[3]) && arg_double(vm, v[3], &abs_tol) < 0))
        return VNULL;
    if (rel < 0 || abs_tol < 0)
        return vm_raise(vm, EXC_ValueError, "tolerances must be non-negative");
    if (a == b)
        return VBOOL(true);
    if (isinf(a) || isinf(b))
        return VBOOL(false);
    double diff = fabs(b - a);
    return VBOOL(diff <= fabs(rel * b) || diff <= fabs(rel * a) || diff <= abs_tol);
}

/* ---- to int: floor, ceil, trunc ----------------------------------------------------- */

static Value to_int(VM *vm, const char *name, Value *args, int nargs, Tuple *kwnames, double (*fn)(double))
{
    if (one_arg(vm, name, nargs, kwnames) < 0)
        return VNULL;
    Value x = args[0];
    if (IS_BOOL(x))
        return VINT(x.as.i);
    if (num_is_int(x))
        return x;
    if (IS_FLOAT(x))
        return vm_int_from_double(vm, fn(x.as.f));
    Str *dunder = str_printf(vm, "__%s__", name);
    Value m = vm_lookup_special(vm, x, dunder);
    if (!IS_NULL(m))
        return vm_call_method(vm, x, dunder, NULL, 0);
    if (fn == trunc)
        return vm_raise(vm, EXC_TypeError, "type %s doesn't define __trunc__ method", vm_type_name(vm, x));
    return vm_raise(vm, EXC_TypeError, "must be real number, not %s", vm_type_name(vm, x));
}
static Value math_floor(VM *vm, Value *a, int n, Tuple *k) { return to_int(vm, "floor", a, n, k, floor); }
static Value math_ceil(VM *vm, Value *a, int n, Tuple *k) { return to_int(vm, "ceil", a, n, k, ceil); }
static Value math_trunc(VM *vm, Value *a, int n, Tuple *k) { return to_int(vm, "trunc", a, n, k, trunc); }

/* ---- integers ------------------------------------------------------------------------ */

static Value int_op(VM *vm, Value a, BinOpKind op, Value b)
{
    return num_binary(vm, a, b, op);
}

static bool is_negative(Value v)
{
    return IS_BIGINT(v) ? bi_sign(AS_BIGINT(v)) < 0 : v.as.i < 0;
}

static bool is_zero(Value v)
{
    return IS_BIGINT(v) ? bi_is_zero(AS_BIGINT(v)) : v.as.i == 0;
}

static Value int_abs(VM *vm, Value v)
{
    if (IS_BOOL(v))
        return VINT(v.as.i);
    return is_negative(v) ? num_neg(vm, v) : v;
}

/* product of the ints lo, lo+1, ..., hi (1 when lo > hi), by halves so
 * that the big multiplications are balanced */
static Value range_product(VM *vm, Value lo, Value hi)
{
    if (num_cmp(lo, hi) > 0)
        return VINT(1);
    if (IS_INT(lo) && IS_INT(hi) && hi.as.i - lo.as.i < 16) {
        Value r = lo;
        for (int64_t i = lo.as.i + 1; i <= hi.as.i && !IS_NULL(r); i++)
            r = int_op(vm, r, BINOP_MUL, VINT(i));
        return r;
    }
    Value mid = int_op(vm, int_op(vm, lo, BINOP_ADD, hi), BINOP_FLOORDIV, VINT(2));
    if (IS_NULL(mid))
        return VNULL;
    Value a = range_product(vm, lo, mid);
    if (IS_NULL(a))
        return VNULL;
    vm_push_root(vm, &a);
    Value b = range_product(vm, int_op(vm, mid, BINOP_ADD, VINT(1)), hi);
    vm_pop_root(vm);
    return IS_NULL(b) ? VNULL : int_op(vm, a, BINOP_MUL, b);
}

static Value math_factorial(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (one_arg(vm, "factorial", nargs, kwnames) < 0 || arg_int(vm, args[0]) < 0)
        return VNULL;
    if (is_negative(args[0]))
        return vm_raise(vm, EXC_ValueError, "factorial() not defined for negative values");
    if (IS_BIGINT(args[0]))
        return vm_raise(vm, EXC_OverflowError, "factorial() argument should not exceed %ld", (long)LONG_MAX);
    return range_product(vm, VINT(1), VINT(args[0].as.i));
}

static Value gcd2(VM *vm, Value a, Value b)
{
    a = int_abs(vm, a);
    b = int_abs(vm, b);
    while (!IS_NULL(b) && !is_zero(b)) {
        Value r = int_op(vm, a, BINOP_MOD, b);
        if (IS_NULL(r))
            return VNULL;
        a = b;
        b = r;
    }
    return IS_NULL(b) ? VNULL : a;
}

static Value math_gcd(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "gcd", nargs, kwnames, 0, 1 << 20) < 0)
        return VNULL;
    Value g = VINT(0);
    for (int i = 0; i < nargs && !IS_NULL(g); i++) {
        if (arg_int(vm, args[i]) < 0)
            return VNULL;
        g = gcd2(vm, g, args[i]);
    }
    return g;
}

static Value math_lcm(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "lcm", nargs, kwnames, 0, 1 << 20) < 0)
        return VNULL;
    Value l = VINT(1);
    for (int i = 0; i < nargs && !IS_NULL(l); i++) {
        if (arg_int(vm, args[i]) < 0)
            return VNULL;
        Value a = int_abs(vm, args[i]);
        if (is_zero(a) || is_zero(l)) {
            l = VINT(0);
            continue;
        }
        Value g = gcd2(vm, l, a);
        l = IS_NULL(g) ? VNULL : int_op(vm, int_op(vm, l, BINOP_FLOORDIV, g), BINOP_MUL, a);
    }
    return l;
}

static int comb_args(VM *vm, Value *args)
{
    if (arg_int(vm, args[0]) < 0 || arg_int(vm, args[1]) < 0)
        return -1;
    if (is_negative(args[0])) {
        vm_raise(vm, EXC_ValueError, "n must be a non-negative integer");
        return -1;
    }
    if (is_negative(args[1])) {
        vm_raise(vm, EXC_ValueError, "k must be a non-negative integer");
        return -1;
    }
    return 0;
}

static Value math_perm(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "perm", nargs, kwnames, 1, 2) < 0)
        return VNULL;
    if (nargs == 1 || IS_NONE(args[1])) {
        if (arg_int(vm, args[0]) < 0)
            return VNULL;
        if (is_negative(args[0]))
            return vm_raise(vm, EXC_ValueError, "factorial() not defined for negative values");
        return range_product(vm, VINT(1), args[0]);
    }
    if (comb_args(vm, args) < 0)
        return VNULL;
    if (num_cmp(args[1], args[0]) > 0)
        return VINT(0);
    Value lo = int_op(vm, int_op(vm, args[0], BINOP_SUB, args[1]), BINOP_ADD, VINT(1));
    return IS_NULL(lo) ? VNULL : range_product(vm, lo, args[0]);
}

static Value math_comb(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "comb", nargs, kwnames, 2, 2) < 0 || comb_args(vm, args) < 0)
        return VNULL;
    Value n = args[0], k = args[1];
    if (num_cmp(k, n) > 0)
        return VINT(0);
    Value nk = int_op(vm, n, BINOP_SUB, k);
    if (num_cmp(nk, k) < 0)
        k = nk;
    if (!IS_INT(k))
        return vm_raise(vm, EXC_OverflowError, "min(n - k, k) must not exceed %ld", (long)LONG_MAX);
    /* r = r * (n - i) // (i + 1): exact at every step */
    Value r = VINT(1);
    vm_push_root(vm, &r);
    for (int64_t i = 0; i < k.as.i && !IS_NULL(r); i++) {
        Value f = int_op(vm, n, BINOP_SUB, VINT(i));
        r = IS_NULL(f) ? VNULL : int_op(vm, r, BINOP_MUL, f);
        if (!IS_NULL(r))
            r = int_op(vm, r, BINOP_FLOORDIV, VINT(i + 1));
    }
    vm_pop_root(vm);
    return r;
}

static Value math_isqrt(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (one_arg(vm, "isqrt", nargs, kwnames) < 0 || arg_int(vm, args[0]) < 0)
        return VNULL;
    Value n = IS_BOOL(args[0]) ? VINT(args[0].as.i) : args[0];
    if (is_negative(n))
        return vm_raise(vm, EXC_ValueError, "isqrt() argument must be nonnegative");
    if (is_zero(n))
        return VINT(0);
    /* Newton's method from a power of two at least the root */
    uint64_t bits = IS_BIGINT(n) ? bi_bit_length(AS_BIGINT(n)) : (uint64_t)(64 - __builtin_clzll((uint64_t)n.as.i));
    Value x = int_op(vm, VINT(1), BINOP_LSHIFT, VINT((int64_t)((bits + 1) / 2)));
    vm_push_root(vm, &n);
    vm_push_root(vm, &x);
    Value r = VNULL;
    for (;;) {
        Value q = int_op(vm, n, BINOP_FLOORDIV, x);
        Value y = IS_NULL(q) ? VNULL : int_op(vm, int_op(vm, x, BINOP_ADD, q), BINOP_FLOORDIV, VINT(2));
        if (IS_NULL(y))
            break;
        if (num_cmp(y, x) >= 0) {
            r = x;
            break;
        }
        x = y;
    }
    vm_pop_root(vm);
    vm_pop_root(vm);
    return r;
}

/* ---- over iterables: fsum, prod, hypot, dist --------------------------------------------- */

/* Shewchuk's exact summation: partials that never overlap, added up at
 * the end with the half-way case rounded correctly. */
typedef struct Partials {
    double *p;
    size_t n, cap;
    double special;   /* inf/nan seen: its sum, plain */
    bool has_special;
} Partials;

static int partials_add(Partials *s, double x)
{
    if (!isfinite(x)) {
        s->special = s->has_special ? s->special + x : x;
        s->has_special = true;
        return 0;
    }
    size_t i = 0;
    for (size_t j = 0; j < s->n; j++) {
        double y = s->p[j];
        if (fabs(x) < fabs(y)) {
            double t = x;
            x = y;
            y = t;
        }
        double hi = x + y, lo = y - (hi - x);
        if (lo != 0.0)
            s->p[i++] = lo;
        x = hi;
    }
    if (i == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 16;
        double *p = realloc(s->p, cap * sizeof *p);
        if (!p)
            return -1;
        s->p = p;
        s->cap = cap;
    }
    s->p[i] = x;
    s->n = i + 1;
    return 0;
}

static double partials_sum(const Partials *s, bool *overflow)
{
    *overflow = false;
    if (s->has_special)
        return s->special;
    if (s->n == 0)
        return 0.0;
    size_t n = s->n;
    double hi = s->p[--n], lo = 0;
    while (n > 0) {
        double x = hi, y = s->p[--n];
        hi = x + y;
        lo = y - (hi - x);
        if (lo != 0.0)
            break;
    }
    if (n > 0 && ((lo < 0 && s->p[n - 1] < 0) || (lo > 0 && s->p[n - 1] > 0))) {
        double y = lo * 2, x = hi + y;
        if (y == x - hi)
            hi = x;
    }
    if (isinf(hi))
        *overflow = true;
    return hi;
}

static Value math_fsum(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (one_arg(vm, "fsum", nargs, kwnames) < 0)
        return VNULL;
    Value it = vm_iter(vm, args[0]);
    if (IS_NULL(it))
        return VNULL;
    vm_push_root(vm, &it);
    Partials s = { 0 };
    Value x, r = VNULL;
    int got;
    while ((got = vm_next(vm, it, &x)) == 1) {
        double d;
        if (arg_double(vm, x, &d) < 0 || partials_add(&s, d) < 0) {
            got = -1;
            break;
        }
    }
    if (got == 0) {
        bool overflow;
        double sum = partials_sum(&s, &overflow);
        r = overflow ? vm_raise(vm, EXC_OverflowError, "intermediate overflow in fsum") : VFLOAT(sum);
        if (s.has_special && isnan(sum) && !isnan(s.special))
            r = vm_raise(vm, EXC_ValueError, "-inf + inf in fsum");
    }
    free(s.p);
    vm_pop_root(vm);
    return r;
}

static Value math_prod(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    static const char *const params[] = { "iterable", "start", NULL };
    Value v[2];
    if (vm_bind_args(vm, "prod", args, nargs, kwnames, params, 1, 1, v) < 0)
        return VNULL;
    Value r = IS_NULL(v[1]) ? VINT(1) : v[1];
    Value it = vm_iter(vm, v[0]);
    if (IS_NULL(it))
        return VNULL;
    vm_push_root(vm, &it);
    vm_push_root(vm, &r);
    Value x;
    int got;
    while ((got = vm_next(vm, it, &x)) == 1) {
        r = vm_binary(vm, r, x, BINOP_MUL, false);
        if (IS_NULL(r)) {
            got = -1;
            break;
        }
    }
    vm_pop_root(vm);
    vm_pop_root(vm);
    return got < 0 ? VNULL : r;
}

/* sqrt of the sum of squares, scaled by the largest so nothing overflows */
static double hypot_of(const double *x, size_t n)
{
    double max = 0;
    bool nan = false;
    for (size_t i = 0; i < n; i++) {
        if (isinf(x[i]))
            return INFINITY;
        if (isnan(x[i]))
            nan = true;
        else if (fabs(x[i]) > max)
            max = fabs(x[i]);
    }
    if (nan)
        return NAN;
    if (max == 0 || n == 1)
        return max;
    Partials s = { 0 };
    for (size_t i = 0; i < n; i++) {
        double t = x[i] / max;
        if (partials_add(&s, t * t) < 0)
            break;
    }
    bool overflow;
    double sum = partials_sum(&s, &overflow);
    free(s.p);
    return max * sqrt(sum);
}

static Value math_hypot(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "hypot", nargs, kwnames, 0, 1 << 20) < 0)
        return VNULL;
    double *x = malloc(((size_t)nargs + 1) * sizeof *x);
    if (!x)
        return vm_raise(vm, EXC_MemoryError, "out of memory");
    for (int i = 0; i < nargs; i++)
        if (arg_double(vm, args[i], &x[i]) < 0) {
            free(x);
            return VNULL;
        }
    double r = hypot_of(x, (size_t)nargs);
    free(x);
    return VFLOAT(r);
}

static List *as_list(VM *vm, Value v)
{
    if (!IS_LIST(v) && !IS_TUPLE(v)) {
        vm_raise(vm, EXC_TypeError, "dist(): argument must be tuple, not %s", vm_type_name(vm, v));
        return NULL;
    }
    Value l = vm_call1(vm, VOBJ(TYPE(vm, list)), v);
    return IS_NULL(l) ? NULL : AS_LIST(l);
}

static Value math_dist(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "dist", nargs, kwnames, 2, 2) < 0)
        return VNULL;
    List *p = as_list(vm, args[0]);
    if (!p)
        return VNULL;
    Value pv = VOBJ(p);
    vm_push_root(vm, &pv);
    List *q = as_list(vm, args[1]);
    vm_pop_root(vm);
    if (!q)
        return VNULL;
    if (p->len != q->len)
        return vm_raise(vm, EXC_ValueError, "both points must have the same number of dimensions");
    double *d = malloc((p->len + 1) * sizeof *d);
    if (!d)
        return vm_raise(vm, EXC_MemoryError, "out of memory");
    for (size_t i = 0; i < p->len; i++) {
        double a, b;
        if (arg_double(vm, p->items[i], &a) < 0 || arg_double(vm, q->items[i], &b) < 0) {
            free(d);
            return VNULL;
        }
        d[i] = fabs(a - b);
    }
    double r = hypot_of(d, p->len);
    free(d);
    return VFLOAT(r);
}

/* ---- the module ------------------------------------------------------------------------ */

Module *math_module_new(VM *vm)
{
    Module *m = module_new(vm, "math");
    Value mv = VOBJ(m);
    vm_push_root(vm, &mv);
    for (size_t i = 0; i < sizeof float_fns / sizeof float_fns[0]; i++)
        dict_set_str(vm, m->dict, float_fns[i].name, VOBJ(native_new(vm, float_fns[i].name, float_natives[i], NULL)));
    static const struct { const char *name; NativeFn fn; } fns[] = {
        { "log", math_log }, { "log2", math_log2 }, { "log10", math_log10 }, { "pow", math_pow },
        { "atan2", math_atan2 }, { "copysign", math_copysign }, { "fmod", math_fmod },
        { "remainder", math_remainder }, { "ldexp", math_ldexp }, { "frexp", math_frexp }, { "modf", math_modf },
        { "isfinite", math_isfinite }, { "isinf", math_isinf }, { "isnan", math_isnan }, { "isclose", math_isclose },
        { "floor", math_floor }, { "ceil", math_ceil }, { "trunc", math_trunc },
        { "factorial", math_factorial }, { "gcd", math_gcd }, { "lcm", math_lcm }, { "perm", math_perm },
        { "comb", math_comb }, { "isqrt", math_isqrt }, { "fsum", math_fsum }, { "prod", math_prod },
        { "hypot", math_hypot }, { "dist", math_dist },
    };
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++)
        dict_set_str(vm, m->dict, fns[i].name, VOBJ(native_new(vm, fns[i].name, fns[i].fn, NULL)));
    dict_set_str(vm, m->dict, "pi", VFLOAT(M_PI));
    dict_set_str(vm, m->dict, "e", VFLOAT(M_E));
    dict_set_str(vm, m->dict, "tau", VFLOAT(2 * M_PI));
    dict_set_str(vm, m->dict, "inf", VFLOAT(INFINITY));
    dict_set_str(vm, m->dict, "nan", VFLOAT(NAN));
    vm_pop_root(vm);
    return m;
}
