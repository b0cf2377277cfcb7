/*
 * value.h - the VM's value: a small tagged union.
 *
 * None, bools, ints that fit in 64 bits and floats live inline; everything
 * else is a pointer to a heap object (object.h). Ints that overflow int64 are
 * promoted to big-integer objects and demoted again when they fit, so an int
 * has exactly one representation at a time (the VM relies on that for ==
 * and hashing).
 *
 * V_NULL is not a Python value: it marks "no value" (an unbound local, the
 * NULL slot of CALL, a native's error return).
 */
#ifndef LOOPSCOPE_VALUE_H
#define LOOPSCOPE_VALUE_H

#include <stdbool.h>
#include <stdint.h>

typedef struct Obj Obj;

typedef enum ValueTag {
    V_NULL = 0,
    V_NONE,
    V_BOOL,
    V_INT,
    V_FLOAT,
    V_OBJ
} ValueTag;

typedef struct Value {
    ValueTag tag;
    union {
        int64_t i;   /* V_INT, V_BOOL (0/1) */
        double f;    /* V_FLOAT */
        Obj *o;      /* V_OBJ */
    } as;
} Value;

#define VNULL          ((Value){ .tag = V_NULL, .as.i = 0 })
#define VNONE          ((Value){ .tag = V_NONE, .as.i = 0 })
#define VBOOL(b)       ((Value){ .tag = V_BOOL, .as.i = (b) ? 1 : 0 })
#define VINT(n)        ((Value){ .tag = V_INT, .as.i = (int64_t)(n) })
#define VFLOAT(x)      ((Value){ .tag = V_FLOAT, .as.f = (x) })
#define VOBJ(p)        ((Value){ .tag = V_OBJ, .as.o = (Obj *)(p) })

#define IS_NULL(v)     ((v).tag == V_NULL)
#define IS_NONE(v)     ((v).tag == V_NONE)
#define IS_BOOL(v)     ((v).tag == V_BOOL)
#define IS_INT(v)      ((v).tag == V_INT)      /* small int only, not bool */
#define IS_FLOAT(v)    ((v).tag == V_FLOAT)
#define IS_OBJ(v)      ((v).tag == V_OBJ)
#define AS_OBJ(v)      ((v).as.o)

/* Fields that only ever hold an object are pointers (8 bytes, not 16):
 * NULL stands for VNULL. */
static inline Obj *obj_or_null(Value v) { return IS_OBJ(v) ? AS_OBJ(v) : NULL; }
static inline Value value_or_null(Obj *o) { return o ? VOBJ(o) : VNULL; }

#endif
