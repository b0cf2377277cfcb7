/*
 * numops.c - arithmetic, comparison and hashing of bool, int and float.
 *
 * Ints stay unboxed int64 while they fit; results that overflow are computed
 * again with big integers (src/num/bigint.h) and demoted when they fit again,
 * so every int has one representation. Float semantics come from numfmt.h.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "vm.h"
#include "internal.h"
#include "numfmt.h"
#include "numops.h"

#define HASH_MODULUS (((int64_t)1 << 61) - 1)

bool num_is_int(Value v)
{
    return v.tag == V_INT || v.tag == V_BOOL || IS_BIGINT(v);
}

bool num_is_number(Value v)
{
    return v.tag == V_INT || v.tag == V_BOOL || v.tag == V_FLOAT || IS_BIGINT(v);
}

Value int_from_bigint(VM *vm, BigInt *b)
{
    int64_t small;
    if (bi_fits_i64(b) && bi_to_i64(b, &small) == BI_OK) {
        bi_free(b);
        return VINT(small);
    }
    ObjBigInt *o = vm_alloc_obj(vm, sizeof(ObjBigInt), OBJ_BIGINT, TYPE(vm, int));
    o->b = *b;
    vm->bytes_allocated += bi_size_bytes(b);
    bi_init(b);
    return VOBJ(o);
}

Value vm_new_int_from_i128(VM *vm, __int128 v)
{
    if (v >= INT64_MIN && v <= INT64_MAX)
        return VINT((int64_t)v);
    BigInt b = BI_INIT, hi = BI_INIT;
    unsigned __int128 mag = v < 0 ? (unsigned __int128)(-(v + 1)) + 1 : (unsigned __int128)v;
    bi_set_u64(&b, (uint64_t)(mag >> 64));
    bi_shl(&b, &b, 64);
    bi_set_u64(&hi, (uint64_t)mag);
    bi_add(&b, &b, &hi);
    bi_free(&hi);
    if (v < 0)
        bi_neg(&b, &b);
    return int_from_bigint(vm, &b);
}

/* A view of any int as a BigInt: small ones borrow *tmp's storage, with no
 * allocation. */
const BigInt *num_as_big(Value v, BiSmall *tmp)
{
    if (IS_BIGINT(v))
        return AS_BIGINT(v);
    return bi_small_i64(tmp, v.as.i);
}

Value num_raise_bi(VM *vm, int code, const char *zero_msg)
{
    switch (code) {
    case BI_ENOMEM:
    case BI_ETOOBIG:
        vm->exc = exc_new(vm, EXC_TYPE(vm, MemoryError), NULL);
        return VNULL;
    case BI_EZERODIV:
        return vm_raise(vm, EXC_ZeroDivisionError, "%s", zero_msg ? zero_msg : "division by zero");
    case BI_ENEGSHIFT:
        return vm_raise(vm, EXC_ValueError, BI_MSG_NEGSHIFT);
    case BI_EOVERFLOW:
        return vm_raise(vm, EXC_OverflowError, "%s", zero_msg ? zero_msg : BI_MSG_TO_FLOAT);
    case BI_ESTRLIMIT: {
        char buf[256];
        bi_strlimit_msg(buf, sizeof buf, true, BI_DEFAULT_MAX_STR_DIGITS, 0);
        return vm_raise(vm, EXC_ValueError, "%s", buf);
    }
    case BI_ENOTINV:
        return vm_raise(vm, EXC_ValueError, BI_MSG_NOTINV);
    default:
        return vm_raise(vm, EXC_ValueError, "%s", bi_errmsg(code));
    }
}

Value num_raise_nf(VM *vm, const NfError *err)
{
    switch (err->kind) {
    case NF_ERR_ZERODIV: return vm_raise(vm, EXC_ZeroDivisionError, "%s", err->msg);
    case NF_ERR_OVERFLOW: return vm_raise(vm, EXC_OverflowError, "%s", err->msg);
    case NF_ERR_TYPE: return vm_raise(vm, EXC_TypeError, "%s", err->msg);
    case NF_ERR_MEMORY: vm->exc = exc_new(vm, EXC_TYPE(vm, MemoryError), NULL); return VNULL;
    case NF_ERR_COMPLEX:
        return vm_raise(vm, EXC_ValueError, "complex numbers are not supported by loopscope");
    default: return vm_raise(vm, EXC_ValueError, "%s", err->msg);
    }
}

int vm_to_double(VM *vm, Value v, double *out)
{
    if (v.tag == V_FLOAT) {
        *out = v.as.f;
        return 0;
    }
    if (v.tag == V_INT || v.tag == V_BOOL) {
        *out = (double)v.as.i;
        return 0;
    }
    if (IS_BIGINT(v)) {
        int rc = bi_to_double(AS_BIGINT(v), out);
        if (rc != BI_OK) {
            num_raise_bi(vm, rc, BI_MSG_TO_FLOAT);
            return -1;
        }
        return 0;
    }
    vm_raise(vm, EXC_TypeError, "must be real number, not %s", vm_type_name(vm, v));
    return -1;
}

Value vm_int_from_double(VM *vm, double d)
{
    NfError err;
    if (nf_float_int_check(d, &err) != NF_OK)
        return num_raise_nf(vm, &err);
    if (d > -9.2e18 && d < 9.2e18)
        return VINT((int64_t)d);
    BigInt b = BI_INIT;
    int rc = bi_from_double(&b, d);
    if (rc != BI_OK) {
        bi_free(&b);
        return num_raise_bi(vm, rc, NULL);
    }
    return int_from_bigint(vm, &b);
}

/* ---- big-integer fallback --------------------------------------------------- */

static Value big_binary(VM *vm, Value a, Value b, BinOpKind op)
{
    BiSmall ta, tb;
    BigInt r = BI_INIT;
    const BigInt *x = num_as_big(a, &ta), *y = num_as_big(b, &tb);
    int rc = BI_OK;
    const char *zmsg = NULL;
    Value result = VNULL;
    switch (op) {
    case BINOP_ADD: rc = bi_add(&r, x, y); break;
    case BINOP_SUB: rc = bi_sub(&r, x, y); break;
    case BINOP_MUL: rc = bi_mul(&r, x, y); break;
    case BINOP_FLOORDIV: rc = bi_floordiv(&r, x, y); zmsg = BI_MSG_FLOORDIV_ZERO; break;
    case BINOP_MOD: rc = bi_mod(&r, x, y); zmsg = BI_MSG_MOD_ZERO; break;
    case BINOP_TRUEDIV: {
        double d;
        rc = bi_truediv(&d, x, y);
        if (rc == BI_OK)
            result = VFLOAT(d);
        zmsg = rc == BI_EZERODIV ? BI_MSG_TRUEDIV_ZERO : BI_MSG_TRUEDIV_OVF;
        break;
    }
    case BINOP_POW:
        if (bi_sign(y) < 0) {
            double fx, fy;
            if (vm_to_double(vm, a, &fx) < 0 || vm_to_double(vm, b, &fy) < 0)
                goto out;
            NfError err;
            double d;
            if (nf_float_pow(fx, fy, &d, &err) != NF_OK) {
                num_raise_nf(vm, &err);
                goto out;
            }
            result = VFLOAT(d);
        } else {
            rc = bi_pow(&r, x, y, NULL);
        }
        break;
    case BINOP_LSHIFT: rc = bi_shl_big(&r, x, y); break;
    case BINOP_RSHIFT: rc = bi_shr_big(&r, x, y); break;
    case BINOP_AND: rc = bi_and(&r, x, y); break;
    case BINOP_OR: rc = bi_or(&r, x, y); break;
    case BINOP_XOR: rc = bi_xor(&r, x, y); break;
    default:
        result = vm->not_implemented;
        break;
    }
    if (rc != BI_OK) {
        num_raise_bi(vm, rc, zmsg);
        result = VNULL;
    } else if (IS_NULL(result) && !IS_NULL(vm->exc)) {
        /* raised above */
    } else if (IS_NULL(result)) {
        result = int_from_bigint(vm, &r);
    }
out:
    bi_free(&r);
    return result;
}

static inline int64_t floordiv64(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        q--;
    return q;
}

static inline int64_t mod64(int64_t a, int64_t b)
{
    int64_t m = a % b;
    if (m != 0 && ((m < 0) != (b < 0)))
        m += b;
    return m;
}

static Value small_pow(VM *vm, int64_t base, int64_t exp, Value a, Value b)
{
    int64_t result = 1, x = base;
    int64_t e = exp;
    while (e > 0) {
        if (e & 1) {
            if (__builtin_mul_overflow(result, x, &result))
                return big_binary(vm, a, b, BINOP_POW);
        }
        e >>= 1;
        if (e > 0 && __builtin_mul_overflow(x, x, &x))
            return big_binary(vm, a, b, BINOP_POW);
    }
    return VINT(result);
}

static Value float_binary(VM *vm, double x, double y, BinOpKind op)
{
    NfError err;
    double r;
    NfErrKind k = NF_OK;
    switch (op) {
    case BINOP_ADD: return VFLOAT(x + y);
    case BINOP_SUB: return VFLOAT(x - y);
    case BINOP_MUL: return VFLOAT(x * y);
    case BINOP_TRUEDIV: k = nf_float_div(x, y, &r, &err); break;
    case BINOP_FLOORDIV: k = nf_float_floordiv(x, y, &r, &err); break;
    case BINOP_MOD: k = nf_float_mod(x, y, &r, &err); break;
    case BINOP_POW: k = nf_float_pow(x, y, &r, &err); break;
    default: return vm->not_implemented;
    }
    if (k != NF_OK)
        return num_raise_nf(vm, &err);
    return VFLOAT(r);
}

/* Numeric binary operation, or vm->not_implemented for other operand types. */
Value num_binary(VM *vm, Value a, Value b, BinOpKind op)
{
    bool ai = a.tag == V_INT || a.tag == V_BOOL, bi_ = b.tag == V_INT || b.tag == V_BOOL;
    if (ai && bi_) {
        int64_t x = a.as.i, y = b.as.i, r;
        switch (op) {
        case BINOP_ADD:
            if (!__builtin_add_overflow(x, y, &r)) return VINT(r);
            return vm_new_int_from_i128(vm, (__int128)x + y);
        case BINOP_SUB:
            if (!__builtin_sub_overflow(x, y, &r)) return VINT(r);
            return vm_new_int_from_i128(vm, (__int128)x - y);
        case BINOP_MUL:
            if (!__builtin_mul_overflow(x, y, &r)) return VINT(r);
            return vm_new_int_from_i128(vm, (__int128)x * y);
        case BINOP_FLOORDIV:
            if (y == 0) return vm_raise(vm, EXC_ZeroDivisionError, BI_MSG_FLOORDIV_ZERO);
            if (x == INT64_MIN && y == -1) return vm_new_int_from_i128(vm, -(__int128)x);
            return VINT(floordiv64(x, y));
        case BINOP_MOD:
            if (y == 0) return vm_raise(vm, EXC_ZeroDivisionError, BI_MSG_MOD_ZERO);
            if (y == -1) return VINT(0);
            return VINT(mod64(x, y));
        case BINOP_TRUEDIV:
            if (y == 0) return vm_raise(vm, EXC_ZeroDivisionError, BI_MSG_TRUEDIV_ZERO);
            if (x > -(1LL << 53) && x < (1LL << 53) && y > -(1LL << 53) && y < (1LL << 53))
                return VFLOAT((double)x / (double)y);
            return big_binary(vm, a, b, op);
        case BINOP_POW:
            if (y < 0) {
                if (x == 0)
                    return vm_raise(vm, EXC_ZeroDivisionError, "0.0 cannot be raised to a negative power");
                return float_binary(vm, (double)x, (double)y, op);
            }
            return small_pow(vm, x, y, a, b);
        case BINOP_LSHIFT:
            if (y < 0) return vm_raise(vm, EXC_ValueError, BI_MSG_NEGSHIFT);
            if (x == 0) return VINT(0);
            if (y < 63) {
                int64_t s = (int64_t)((uint64_t)x << y);
                if ((s >> y) == x) return VINT(s);
            }
            return big_binary(vm, a, b, op);
        case BINOP_RSHIFT:
            if (y < 0) return vm_raise(vm, EXC_ValueError, BI_MSG_NEGSHIFT);
            return VINT(y >= 64 ? (x < 0 ? -1 : 0) : (x >> y));
        case BINOP_AND:
            if (a.tag == V_BOOL && b.tag == V_BOOL) return VBOOL(x & y);
            return VINT(x & y);
        case BINOP_OR:
            if (a.tag == V_BOOL && b.tag == V_BOOL) return VBOOL(x | y);
            return VINT(x | y);
        case BINOP_XOR:
            if (a.tag == V_BOOL && b.tag == V_BOOL) return VBOOL(x ^ y);
            return VINT(x ^ y);
        default:
            return vm->not_implemented;
        }
    }
    if (a.tag == V_FLOAT || b.tag == V_FLOAT) {
        if (!num_is_number(a) || !num_is_number(b))
            return vm->not_implemented;
        double x, y;
        if (op >= BINOP_LSHIFT && op <= BINOP_XOR)
            return vm->not_implemented;
        if (op == BINOP_MATMUL)
            return vm->not_implemented;
        if (vm_to_double(vm, a, &x) < 0 || vm_to_double(vm, b, &y) < 0)
            return VNULL;
        return float_binary(vm, x, y, op);
    }
    if (num_is_int(a) && num_is_int(b))
        return big_binary(vm, a, b, op);
    return vm->not_implemented;
}

/* -1, 0, 1, or 2 when unordered (nan); only for numbers. */
int num_cmp(Value a, Value b)
{
    if ((a.tag == V_INT || a.tag == V_BOOL) && (b.tag == V_INT || b.tag == V_BOOL))
        return (a.as.i > b.as.i) - (a.as.i < b.as.i);
    if (a.tag == V_FLOAT && b.tag == V_FLOAT) {
        if (isnan(a.as.f) || isnan(b.as.f))
            return 2;
        return (a.as.f > b.as.f) - (a.as.f < b.as.f);
    }
    if (a.tag == V_FLOAT || b.tag == V_FLOAT) {
        bool swap = a.tag == V_FLOAT;
        Value iv = swap ? b : a;
        double f = swap ? a.as.f : b.as.f;
        int c;
        if (isnan(f))
            return 2;
        if (!IS_BIGINT(iv) && iv.as.i > -(1LL << 53) && iv.as.i < (1LL << 53)) {
            double d = (double)iv.as.i;
            c = (d > f) - (d < f);
        } else {
            BiSmall t;
            c = bi_cmp_double(num_as_big(iv, &t), f);
        }
        return swap ? -c : c;
    }
    BiSmall ta, tb;
    return bi_cmp(num_as_big(a, &ta), num_as_big(b, &tb));
}

int64_t num_hash(Value v)
{
    if (v.tag == V_INT || v.tag == V_BOOL) {
        /* sign * (|n| mod 2**61 - 1), computed without overflowing at INT64_MIN */
        int64_t n = v.as.i;
        uint64_t mag = n < 0 ? (uint64_t)0 - (uint64_t)n : (uint64_t)n;
        int64_t h = (int64_t)(mag % (uint64_t)HASH_MODULUS);
        if (n < 0)
            h = -h;
        return h == -1 ? -2 : h;
    }
    if (v.tag == V_FLOAT) {
        int64_t h = nf_float_hash(v.as.f);
        return h == -1 ? -2 : h;
    }
    int64_t h = bi_hash(AS_BIGINT(v));
    return h == -1 ? -2 : h;
}

Str *num_repr(VM *vm, Value v)
{
    char buf[40];
    if (v.tag == V_BOOL)
        return str_from_cstr(vm, v.as.i ? "True" : "False");
    if (v.tag == V_INT) {
        int n = snprintf(buf, sizeof buf, "%lld", (long long)v.as.i);
        return str_new(vm, buf, (size_t)n);
    }
    if (v.tag == V_FLOAT) {
        size_t n = nf_float_repr(v.as.f, buf);
        return str_new(vm, buf, n);
    }
    char *text;
    size_t len;
    int rc = bi_to_str(AS_BIGINT(v), 10, 0, BI_DEFAULT_MAX_STR_DIGITS, &text, &len);
    if (rc != BI_OK) {
        num_raise_bi(vm, rc, NULL);
        return NULL;
    }
    Str *s = str_new(vm, text, len);
    free(text);
    return s;
}

Value num_neg(VM *vm, Value a)
{
    if (a.tag == V_INT || a.tag == V_BOOL) {
        if (a.as.i == INT64_MIN)
            return vm_new_int_from_i128(vm, -(__int128)a.as.i);
        return VINT(-a.as.i);
    }
    if (a.tag == V_FLOAT)
        return VFLOAT(-a.as.f);
    BigInt r = BI_INIT;
    bi_neg(&r, AS_BIGINT(a));
    return int_from_bigint(vm, &r);
}

Value num_invert(VM *vm, Value a)
{
    if (a.tag == V_INT || a.tag == V_BOOL)
        return VINT(~a.as.i);
    BigInt r = BI_INIT;
    bi_invert(&r, AS_BIGINT(a));
    return int_from_bigint(vm, &r);
}
