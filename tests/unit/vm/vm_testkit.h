/*
 * vm_testkit.h - what the VM's cmocka tests share: capturing a program's
 * output, and a minimal C future (`await` on it parks the whole chain until
 * resolve(), as asyncio's futures do).
 */
#ifndef LOOPSCOPE_VM_TESTKIT_H
#define LOOPSCOPE_VM_TESTKIT_H

#include <stdlib.h>
#include <string.h>
#include "vm.h"

typedef struct Capture {
    char *data;
    size_t len, cap;
} Capture;

static inline void capture(void *ud, const char *s, size_t n)
{
    Capture *c = ud;
    if (c->len + n + 1 > c->cap) {
        c->cap = (c->len + n + 1) * 2;
        c->data = realloc(c->data, c->cap);
    }
    memcpy(c->data + c->len, s, n);
    c->len += n;
    c->data[c->len] = '\0';
}

/* `await` on a TestFuture parks the whole chain, and the outermost send()
 * receives the future itself. */
typedef struct TestFuture {
    NativeData hdr;
    Value result;   /* VNULL while pending */
} TestFuture;

static inline void tf_mark(VM *vm, Obj *o) { vm_mark_value(vm, ((TestFuture *)o)->result); }

static inline int tf_await(VM *vm, Obj *o, Value *out)
{
    (void)vm;
    TestFuture *f = (TestFuture *)o;
    if (IS_NULL(f->result))
        return 0;
    *out = f->result;
    return 1;
}

static const NativeType tf_type = { .name = "TestFuture", .mark = tf_mark, .size = sizeof(TestFuture),
                                    .await_state = tf_await };

static inline Value tf_new(VM *vm, Value *args, int nargs, Tuple *kw)
{
    (void)args; (void)nargs; (void)kw;
    TestFuture *f = vm_alloc_obj(vm, sizeof(TestFuture), OBJ_NATIVE_DATA, TYPE(vm, object));
    f->hdr.type = &tf_type;
    f->result = VNULL;
    return VOBJ(f);
}

static inline Value tf_resolve(VM *vm, Value *args, int nargs, Tuple *kw)
{
    (void)vm; (void)nargs; (void)kw;
    ((TestFuture *)AS_OBJ(args[0]))->result = args[1];
    return VNONE;
}

#endif
