/*
 * exc.c - built-in exception classes, raising, and CPython's report of an
 * uncaught exception (chained tracebacks, source lines, caret lines).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "vm.h"
#include "internal.h"
#include "lang.h"

/* ---- construction ------------------------------------------------------- */

Value exc_new(VM *vm, Class *cls, Tuple *args)
{
    Exception *e = vm_alloc_obj(vm, sizeof(Exception), OBJ_EXCEPTION, cls);
    e->args = args ? args : vm->empty_tuple;
    return VOBJ(e);
}

/* OSError(errno, strerror[, filename[, winerror[, filename2]]]): the
 * attributes go in the exception's dict (errno and the rest read None when
 * absent: ops.c), and args keeps the first two. Any other count of
 * arguments is an ordinary exception's. */
static void os_error_fill(VM *vm, Exception *e, Value *a, int n)
{
    e->args = tuple_from(vm, a, (size_t)n);
    if (n < 2 || n > 5)
        return;
    if (!e->dict)
        e->dict = dict_new(vm);
    dict_set_str(vm, e->dict, "errno", a[0]);
    dict_set_str(vm, e->dict, "strerror", a[1]);
    dict_set_str(vm, e->dict, "filename", n >= 3 ? a[2] : VNONE);
    dict_set_str(vm, e->dict, "filename2", n == 5 ? a[4] : VNONE);
    if (n > 2)
        e->args = tuple_from(vm, a, 2);
}

/* OSError(errno, ...) itself makes the subclass CPython's errno table
 * names: OSError(2, "...") is a FileNotFoundError */
static Class *os_error_subclass(VM *vm, Value err)
{
    static const struct { int errno_; ExcKind kind; } table[] = {
        { 1, EXC_PermissionError }, { 2, EXC_FileNotFoundError }, { 3, EXC_ProcessLookupError },
        { 4, EXC_InterruptedError }, { 10, EXC_ChildProcessError }, { 11, EXC_BlockingIOError },
        { 13, EXC_PermissionError }, { 17, EXC_FileExistsError }, { 20, EXC_NotADirectoryError },
        { 21, EXC_IsADirectoryError }, { 32, EXC_BrokenPipeError }, { 103, EXC_ConnectionAbortedError },
        { 104, EXC_ConnectionResetError }, { 108, EXC_BrokenPipeError }, { 110, EXC_TimeoutError },
        { 111, EXC_ConnectionRefusedError }, { 114, EXC_BlockingIOError }, { 115, EXC_BlockingIOError },
    };
    if (IS_INT(err))
        for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
            if (err.as.i == table[i].errno_)
                return vm->exc_types[table[i].kind];
    return EXC_TYPE(vm, OSError);
}

static Value exc_ctor(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    /* args[0] is the class being instantiated (see class_call) */
    Class *cls = AS_CLASS(args[0]);
    (void)kwnames;
    if (!vm_is_subclass(cls, EXC_TYPE(vm, OSError)))
        return exc_new(vm, cls, tuple_from(vm, args + 1, (size_t)(nargs - 1)));
    if (cls == EXC_TYPE(vm, OSError) && nargs >= 3 && nargs <= 6)
        cls = os_error_subclass(vm, args[1]);
    Value v = exc_new(vm, cls, NULL);
    vm_push_root(vm, &v);
    os_error_fill(vm, AS_EXC(v), args + 1, nargs - 1);
    vm_pop_root(vm);
    return v;
}

static Value exc_init(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)kwnames;
    if (!IS_EXCEPTION(args[0]))
        return vm_raise(vm, EXC_TypeError, "descriptor '__init__' requires a 'BaseException' object");
    if (vm_is_subclass(AS_OBJ(args[0])->cls, EXC_TYPE(vm, OSError)))
        os_error_fill(vm, AS_EXC(args[0]), args + 1, nargs - 1);
    else
        AS_EXC(args[0])->args = tuple_from(vm, args + 1, (size_t)(nargs - 1));
    return VNONE;
}

/* "[Errno 2] No such file or directory: 'x.txt'" when errno and strerror
 * were given; NULL otherwise */
static Str *os_error_str(VM *vm, Exception *e)
{
    if (!e->dict || !vm_is_subclass(e->hdr.cls, EXC_TYPE(vm, OSError)))
        return NULL;
    Value err = dict_get_str(e->dict, str_intern(vm, "errno", 5));
    Value msg = dict_get_str(e->dict, str_intern(vm, "strerror", 8));
    if (IS_NULL(err) || IS_NULL(msg) || IS_NONE(err) || IS_NONE(msg))
        return NULL;
    Value parts[4] = { err, msg, dict_get_str(e->dict, str_intern(vm, "filename", 8)),
                       dict_get_str(e->dict, str_intern(vm, "filename2", 9)) };
    Str *s[4] = { NULL, NULL, NULL, NULL };
    for (int i = 0; i < 4; i++) {
        if (IS_NULL(parts[i]) || IS_NONE(parts[i]))
            continue;
        s[i] = i < 2 ? vm_to_str(vm, parts[i]) : vm_repr(vm, parts[i]);
        if (!s[i])
            return NULL;
    }
    if (!s[2])
        return str_printf(vm, "[Errno %s] %s", s[0]->data, s[1]->data);
    if (!s[3])
        return str_printf(vm, "[Errno %s] %s: %s", s[0]->data, s[1]->data, s[2]->data);
    return str_printf(vm, "[Errno %s] %s: %s -> %s", s[0]->data, s[1]->data, s[2]->data, s[3]->data);
}

static Str *exc_str_of(VM *vm, Exception *e)
{
    Class *c = e->hdr.cls;
    Str *os = os_error_str(vm, e);
    if (os || !IS_NULL(vm->exc))
        return os;
    if (e->args->len == 0)
        return vm->empty_str;
    if (e->args->len == 1) {
        if (vm_is_subclass(c, EXC_TYPE(vm, KeyError)))
            return vm_repr(vm, e->args->items[0]);
        return vm_to_str(vm, e->args->items[0]);
    }
    return vm_to_str(vm, VOBJ(e->args));
}

static Value exc_str(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)nargs; (void)kwnames;
    Str *s = exc_str_of(vm, AS_EXC(args[0]));
    return s ? VOBJ(s) : VNULL;
}

static Value exc_repr(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)nargs; (void)kwnames;
    Exception *e = AS_EXC(args[0]);
    Str *name = e->hdr.cls->name;
    if (e->args->len == 1) {
        Str *r = vm_repr(vm, e->args->items[0]);
        if (!r)
            return VNULL;
        return VOBJ(str_printf(vm, "%s(%s)", name->data, r->data));
    }
    Str *r = vm_repr(vm, VOBJ(e->args));
    if (!r)
        return VNULL;
    if (e->args->len == 0)
        return VOBJ(str_printf(vm, "%s()", name->data));
    return VOBJ(str_printf(vm, "%s%s", name->data, r->data));
}

static Value exc_with_traceback(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)vm; (void)nargs; (void)kwnames;
    return args[0];
}

static Value exc_add_note(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "add_note", nargs - 1, kwnames, 1, 1) < 0)
        return VNULL;
    if (!IS_STR(args[1]))
        return vm_raise(vm, EXC_TypeError, "note must be a str, not '%s'", vm_type_name(vm, args[1]));
    Exception *e = AS_EXC(args[0]);
    if (!e->notes)
        e->notes = list_new(vm, 1);
    list_append(vm, e->notes, args[1]);
    return VNONE;
}

void exc_types_init(VM *vm)
{
    static const struct { const char *name; int base; } table[] = {
#define X(name, base) { #name, -2 },
        EXC_KINDS(X)
#undef X
    };
    static const char *const bases[] = {
#define X(name, base) #base,
        EXC_KINDS(X)
#undef X
    };
    for (int i = 0; i < EXC__COUNT; i++) {
        Class *base = TYPE(vm, object);
        for (int j = 0; j < i; j++)
            if (strcmp(table[j].name, bases[i]) == 0)
                base = vm->exc_types[j];
        Class *c = class_new_builtin(vm, table[i].name, base, OBJ_EXCEPTION);
        c->cflags |= CLASS_EXCEPTION;
        c->ctor = exc_ctor;
        vm->exc_types[i] = c;
        dict_set_str(vm, vm->builtins, table[i].name, VOBJ(c));
    }
    /* the old names of OSError */
    dict_set_str(vm, vm->builtins, "IOError", VOBJ(EXC_TYPE(vm, OSError)));
    dict_set_str(vm, vm->builtins, "EnvironmentError", VOBJ(EXC_TYPE(vm, OSError)));
    Class *be = EXC_TYPE(vm, BaseException);
    class_add_method(vm, be, "__init__", exc_init);
    class_add_method(vm, be, "__str__", exc_str);
    class_add_method(vm, be, "__repr__", exc_repr);
    class_add_method(vm, be, "with_traceback", exc_with_traceback);
    class_add_method(vm, be, "add_note", exc_add_note);
    exc_group_init(vm);
}

/* ---- raising -------------------------------------------------------------- */

Value vm_current_handled(VM *vm)
{
    for (Frame *f = vm->frame; f; f = f->parent)
        if (f->handled)
            return VOBJ(f->handled);
    return VNONE;
}

/* New exceptions raised while another is being handled chain to it, as
 * CPython's __context__; a cycle through the chain is cut. */
void exc_set_context(VM *vm, Value exc)
{
    Value handled = vm_current_handled(vm);
    if (IS_NONE(handled) || !IS_EXCEPTION(exc) || handled.as.o == exc.as.o)
        return;
    /* avoid creating a cycle: if exc already appears in handled's chain, cut it */
    for (Exception *c = exc_or_null(handled); c; c = c->context) {
        if (c->context == AS_EXC(exc)) {
            c->context = NULL;
            break;
        }
    }
    AS_EXC(exc)->context = exc_or_null(handled);
}

Value vm_raise_value(VM *vm, Value exc)
{
    if (IS_CLASS(exc)) {
        if (!(AS_CLASS(exc)->cflags & CLASS_EXCEPTION))
            return vm_raise(vm, EXC_TypeError, "exceptions must derive from BaseException");
        Value inst = vm_call(vm, exc, NULL, 0, NULL);
        if (IS_NULL(inst))
            return VNULL;
        exc = inst;
    }
    if (!IS_EXCEPTION(exc))
        return vm_raise(vm, EXC_TypeError, "exceptions must derive from BaseException");
    exc_set_context(vm, exc);
    vm->exc = exc;
    return VNULL;
}

Value vm_raise_with(VM *vm, ExcKind kind, Value arg)
{
    Value exc = exc_new(vm, vm->exc_types[kind], tuple_from(vm, &arg, 1));
    exc_set_context(vm, exc);
    vm->exc = exc;
    return VNULL;
}

Value vm_raise(VM *vm, ExcKind kind, const char *fmt, ...)
{
    char small[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    Str *msg;
    if (n >= 0 && (size_t)n < sizeof small) {
        msg = str_new(vm, small, (size_t)n);
    } else {
        char *big = malloc((size_t)n + 1);
        if (!big)
            abort();
        va_start(ap, fmt);
        vsnprintf(big, (size_t)n + 1, fmt, ap);
        va_end(ap);
        msg = str_new(vm, big, (size_t)n);
        free(big);
    }
    return vm_raise_with(vm, kind, VOBJ(msg));
}

bool vm_exc_matches(VM *vm, ExcKind kind)
{
    return IS_EXCEPTION(vm->exc) && vm_is_subclass(AS_OBJ(vm->exc)->cls, vm->exc_types[kind]);
}

Value vm_exc_take(VM *vm)
{
    Value e = vm->exc;
    vm->exc = VNULL;
    return e;
}

void exc_add_tb(VM *vm, Value exc, Code *code, int instr)
{
    if (!IS_EXCEPTION(exc))
        return;
    Exception *e = AS_EXC(exc);
    if (e->ntb == e->tb_cap) {
        uint32_t ncap = e->tb_cap ? e->tb_cap * 2 : 4;
        e->tb = vm_realloc(vm, e->tb, e->tb_cap * sizeof(TbEntry), ncap * sizeof(TbEntry));
        e->tb_cap = ncap;
    }
    e->tb[e->ntb].at.code = code;
    e->tb[e->ntb].instr = instr;
    e->ntb++;
}

void exc_add_ext_frame(VM *vm, Value exc, const ExtFrame *frame)
{
    if (!IS_EXCEPTION(exc))
        return;
    exc_add_tb(vm, exc, NULL, 0);
    TbEntry *t = &AS_EXC(exc)->tb[AS_EXC(exc)->ntb - 1];
    t->at.ext = frame;
    t->instr = TB_EXT;
}

/* ---- NameError, exception groups ---------------------------------------------- */

/* The suggestion is found now, while the frame's names are at hand, and
 * kept for the report (str(exc) does not show it, as in CPython). */
Value vm_raise_name_error(VM *vm, Str *name)
{
    vm_raise(vm, EXC_NameError, "name '%s' is not defined", name->data);
    Exception *e = AS_EXC(vm->exc);
    if (!e->dict)
        e->dict = dict_new(vm);
    dict_set_str(vm, e->dict, "name", VOBJ(name));
    Str *s = suggest_for_name(vm, vm->frame, name);
    if (s)
        dict_set_str(vm, e->dict, "__ls_suggestion__", VOBJ(str_printf(vm, ". Did you mean: '%s'?", s->data)));
    else if (suggest_is_stdlib_module(name->data))
        dict_set_str(vm, e->dict, "__ls_suggestion__",
                     VOBJ(str_printf(vm, ". Did you forget to import '%s'?", name->data)));
    return VNULL;
}

Str *exc_report_suggestion(VM *vm, Exception *e)
{
    if (!e->dict)
        return NULL;
    if (vm_is_subclass(e->hdr.cls, EXC_TYPE(vm, NameError))) {
        Value s = dict_get_str(e->dict, str_intern(vm, "__ls_suggestion__", 17));
        return IS_STR(s) ? AS_STR(s) : NULL;
    }
    if (vm_is_subclass(e->hdr.cls, EXC_TYPE(vm, AttributeError))) {
        Value name = dict_get_str(e->dict, str_intern(vm, "name", 4));
        Value obj = dict_get_str(e->dict, str_intern(vm, "obj", 3));
        if (!IS_STR(name) || IS_NULL(obj))
            return NULL;
        Str *s = suggest_for_attribute(vm, obj, AS_STR(name));
        return s ? str_printf(vm, ". Did you mean: '%s'?", s->data) : NULL;
    }
    return NULL;
}

static Value eg_derive(VM *vm, Exception *eg, List *items)
{
    Value msg = eg->args->len ? eg->args->items[0] : VOBJ(vm->empty_str);
    Value args[2] = { msg, VOBJ(items) };
    Value r = exc_new(vm, eg->hdr.cls, tuple_from(vm, args, 2));
    AS_EXC(r)->cause = eg->cause;
    AS_EXC(r)->context = eg->context;
    AS_EXC(r)->suppress_context = 1;   /* CPython copies __cause__ with PyException_SetCause */
    AS_EXC(r)->notes = eg->notes;
    for (uint32_t i = 0; i < eg->ntb; i++)
        if (tb_code(&eg->tb[i]))
            exc_add_tb(vm, r, tb_code(&eg->tb[i]), eg->tb[i].instr);
        else
            exc_add_ext_frame(vm, r, tb_ext(&eg->tb[i]));
    return r;
}

bool exc_is_group(VM *vm, Value v)
{
    return IS_EXCEPTION(v) && vm_is_subclass(AS_OBJ(v)->cls, EXC_TYPE(vm, BaseExceptionGroup));
}

Tuple *exc_group_items(VM *vm, Value eg)
{
    Exception *e = AS_EXC(eg);
    if (e->args->len < 2)
        return NULL;
    Value items = e->args->items[1];
    if (IS_TUPLE(items))
        return AS_TUPLE(items);
    if (IS_LIST(items))
        return tuple_from(vm, AS_LIST(items)->items, AS_LIST(items)->len);
    return NULL;
}

static bool is_group(VM *vm, Value v)
{
    return exc_is_group(vm, v);
}

/* BaseExceptionGroup(message, exceptions): checks its arguments as CPython
 * does, and becomes an ExceptionGroup when every member is an Exception. */
static Value eg_ctor(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    Class *cls = AS_CLASS(args[0]);
    const char *name = cls->name->data;
    if (kwnames && kwnames->len)
        return vm_raise(vm, EXC_TypeError, "%s() takes no keyword arguments", name);
    if (nargs - 1 != 2)
        return vm_raise(vm, EXC_TypeError, "%s expected 2 arguments, got %d", name, nargs - 1);
    if (!IS_STR(args[1]))
        return vm_raise(vm, EXC_TypeError, "argument 1 must be str, not %s", vm_type_name(vm, args[1]));
    Value seq = args[2];
    if (!IS_LIST(seq) && !IS_TUPLE(seq))
        return vm_raise(vm, EXC_TypeError, "second argument (exceptions) must be a sequence");
    size_t n = IS_LIST(seq) ? AS_LIST(seq)->len : AS_TUPLE(seq)->len;
    Value *items = IS_LIST(seq) ? AS_LIST(seq)->items : AS_TUPLE(seq)->items;
    if (n == 0)
        return vm_raise(vm, EXC_ValueError, "second argument (exceptions) must be a non-empty sequence");
    bool all_exceptions = true;
    for (size_t i = 0; i < n; i++) {
        if (!IS_EXCEPTION(items[i]))
            return vm_raise(vm, EXC_ValueError, "Item %zu of second argument (exceptions) is not an exception", i);
        if (!vm_isinstance(vm, items[i], EXC_TYPE(vm, Exception)))
            all_exceptions = false;
    }
    if (cls == EXC_TYPE(vm, BaseExceptionGroup) && all_exceptions)
        cls = EXC_TYPE(vm, ExceptionGroup);
    else if (vm_is_subclass(cls, EXC_TYPE(vm, Exception)) && !all_exceptions)
        return vm_raise(vm, EXC_TypeError, "Cannot nest BaseExceptions in %s %s",
                        cls == EXC_TYPE(vm, ExceptionGroup) ? "an" : "a", name);
    return exc_new(vm, cls, tuple_from(vm, args + 1, 2));
}

static Value eg_init(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)vm; (void)args; (void)nargs; (void)kwnames;
    return VNONE;   /* the constructor did the work */
}

static Value eg_str(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    (void)nargs; (void)kwnames;
    Exception *e = AS_EXC(args[0]);
    Tuple *items = exc_group_items(vm, args[0]);
    size_t n = items ? items->len : 0;
    Str *msg = e->args->len ? vm_to_str(vm, e->args->items[0]) : vm->empty_str;
    if (!msg)
        return VNULL;
    return VOBJ(str_printf(vm, "%s (%zu sub-exception%s)", msg->data, n, n == 1 ? "" : "s"));
}

static Value eg_split_common(VM *vm, Value *args, int nargs, Tuple *kwnames, bool want_rest)
{
    if (vm_check_nargs(vm, want_rest ? "split" : "subgroup", nargs - 1, kwnames, 1, 1) < 0)
        return VNULL;
    Value match, rest;
    extern int split_by(VM *vm, Value exc, Value cond, Value *match, Value *rest);
    if (split_by(vm, args[0], args[1], &match, &rest) < 0)
        return VNULL;
    if (!want_rest)
        return match;
    Value pair[2] = { match, rest };
    return VOBJ(tuple_from(vm, pair, 2));
}

static Value eg_split(VM *vm, Value *a, int n, Tuple *k) { return eg_split_common(vm, a, n, k, true); }
static Value eg_subgroup(VM *vm, Value *a, int n, Tuple *k) { return eg_split_common(vm, a, n, k, false); }

static Value eg_derive_m(VM *vm, Value *args, int nargs, Tuple *kwnames)
{
    if (vm_check_nargs(vm, "derive", nargs - 1, kwnames, 1, 1) < 0)
        return VNULL;
    Exception *e = AS_EXC(args[0]);
    Value a[3] = { VOBJ(EXC_TYPE(vm, BaseExceptionGroup)), e->args->len ? e->args->items[0] : VOBJ(vm->empty_str),
                   args[1] };
    return eg_ctor(vm, a, 3, NULL);
}

void exc_group_init(VM *vm)
{
    Class *beg = EXC_TYPE(vm, BaseExceptionGroup), *eg = EXC_TYPE(vm, ExceptionGroup);
    /* class ExceptionGroup(BaseExceptionGroup, Exception) */
    Value bases[2] = { VOBJ(beg), VOBJ(EXC_TYPE(vm, Exception)) };
    class_set_bases(vm, eg, tuple_from(vm, bases, 2));
    beg->ctor = eg->ctor = eg_ctor;
    class_add_method(vm, beg, "__init__", eg_init);
    class_add_method(vm, beg, "__str__", eg_str);
    class_add_method(vm, beg, "split", eg_split);
    class_add_method(vm, beg, "subgroup", eg_subgroup);
    class_add_method(vm, beg, "derive", eg_derive_m);
}

/* A condition for split(): an exception type, a tuple of them, or a predicate. */
static int cond_match(VM *vm, Value exc, Value cond)
{
    if (IS_CLASS(cond) || IS_TUPLE(cond)) {
        int err;
        bool m = false;
        if (IS_TUPLE(cond)) {
            for (size_t i = 0; i < AS_TUPLE(cond)->len && !m; i++)
                m = vm_isinstance(vm, exc, IS_CLASS(AS_TUPLE(cond)->items[i]) ? AS_CLASS(AS_TUPLE(cond)->items[i]) : NULL);
        } else {
            m = vm_isinstance(vm, exc, AS_CLASS(cond));
        }
        (void)err;
        return m;
    }
    Value r = vm_call1(vm, cond, exc);
    if (IS_NULL(r))
        return -1;
    return vm_truthy(vm, r);
}

int split_by(VM *vm, Value exc, Value cond, Value *match, Value *rest)
{
    int m = cond_match(vm, exc, cond);
    if (m < 0)
        return -1;
    if (m) {
        *match = exc;
        *rest = VNONE;
        return 0;
    }
    if (!is_group(vm, exc)) {
        *match = VNONE;
        *rest = exc;
        return 0;
    }
    Tuple *items = exc_group_items(vm, exc);
    List *ml = list_new(vm, 0), *rl = list_new(vm, 0);
    for (size_t i = 0; items && i < items->len; i++) {
        Value sm, sr;
        if (split_by(vm, items->items[i], cond, &sm, &sr) < 0)
            return -1;
        if (!IS_NONE(sm))
            list_append(vm, ml, sm);
        if (!IS_NONE(sr))
            list_append(vm, rl, sr);
    }
    *match = ml->len ? eg_derive(vm, AS_EXC(exc), ml) : VNONE;
    *rest = rl->len ? eg_derive(vm, AS_EXC(exc), rl) : VNONE;
    return 0;
}

/* Splits recursively, keeping the nesting of groups, as BaseExceptionGroup.split. */
static int split_rec(VM *vm, Value exc, Value type, Value *match, Value *rest)
{
    int err;
    extern bool exc_type_match(VM *vm, Value exc, Value type, int *err);
    if (exc_type_match(vm, exc, type, &err)) {
        *match = exc;
        *rest = VNONE;
        return 0;
    }
    if (err)
        return -1;
    if (!is_group(vm, exc)) {
        *match = VNONE;
        *rest = exc;
        return 0;
    }
    Tuple *items = exc_group_items(vm, exc);
    List *m = list_new(vm, 0), *r = list_new(vm, 0);
    for (size_t i = 0; items && i < items->len; i++) {
        Value sm, sr;
        if (split_rec(vm, items->items[i], type, &sm, &sr) < 0)
            return -1;
        if (!IS_NONE(sm))
            list_append(vm, m, sm);
        if (!IS_NONE(sr))
            list_append(vm, r, sr);
    }
    *match = m->len ? eg_derive(vm, AS_EXC(exc), m) : VNONE;
    *rest = r->len ? eg_derive(vm, AS_EXC(exc), r) : VNONE;
    return 0;
}

bool exc_type_match(VM *vm, Value exc, Value type, int *err)
{
    *err = 0;
    if (IS_TUPLE(type)) {
        for (size_t i = 0; i < AS_TUPLE(type)->len; i++) {
            bool m = exc_type_match(vm, exc, AS_TUPLE(type)->items[i], err);
            if (m || *err)
                return m;
        }
        return false;
    }
    if (!IS_CLASS(type) || !(AS_CLASS(type)->cflags & CLASS_EXCEPTION)) {
        vm_raise(vm, EXC_TypeError, "catching classes that do not inherit from BaseException is not allowed");
        *err = 1;
        return false;
    }
    if (vm_is_subclass(AS_CLASS(type), EXC_TYPE(vm, BaseExceptionGroup))) {
        vm_raise(vm, EXC_TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.");
        *err = 1;
        return false;
    }
    return vm_isinstance(vm, exc, AS_CLASS(type));
}

int exc_group_split(VM *vm, Value eg, Value type, Value *match, Value *rest)
{
    if (!is_group(vm, eg)) {
        /* a naked exception matched by except* is wrapped in a group */
        int err;
        if (exc_type_match(vm, eg, type, &err)) {
            List *l = list_new(vm, 1);
            list_append(vm, l, eg);
            Value args[2] = { VOBJ(vm->empty_str), VOBJ(l) };
            *match = exc_new(vm, EXC_TYPE(vm, ExceptionGroup), tuple_from(vm, args, 2));
            *rest = VNONE;
            return 0;
        }
        if (err)
            return -1;
        *match = VNONE;
        *rest = eg;
        return 0;
    }
    return split_rec(vm, eg, type, match, rest);
}

Value exc_group_reraise(VM *vm, Value orig, Value raised_list)
{
    List *raised = IS_LIST(raised_list) ? AS_LIST(raised_list) : NULL;
    List *keep = list_new(vm, 0);
    for (size_t i = 0; raised && i < raised->len; i++)
        if (!IS_NONE(raised->items[i]))
            list_append(vm, keep, raised->items[i]);
    if (keep->len == 0)
        return VNONE;
    if (keep->len == 1 && !is_group(vm, orig))
        return keep->items[0];
    if (keep->len == 1)
        return keep->items[0];
    Value args[2] = { VOBJ(vm->empty_str), VOBJ(keep) };
    return exc_new(vm, EXC_TYPE(vm, ExceptionGroup), tuple_from(vm, args, 2));
}

/* ---- __traceback__ ------------------------------------------------------------ */

/* A chain of small 'traceback' objects (tb_lineno, tb_next, tb_lasti), made
 * from the recorded entries when a program asks for them. */
Value exc_traceback_object(VM *vm, Exception *e)
{
    if (e->ntb == 0)
        return VNONE;
    Value cls = dict_get_str(vm->builtins, str_intern(vm, "__ls_traceback__", 16));
    if (!IS_CLASS(cls)) {
        Class *c = class_new_builtin(vm, "traceback", TYPE(vm, object), OBJ_INSTANCE);
        cls = VOBJ(c);
        dict_set_str(vm, vm->builtins, "__ls_traceback__", cls);
    }
    Value next = VNONE;
    for (uint32_t i = 0; i < e->ntb; i++) {
        TbEntry *t = &e->tb[i];
        Instance *tb = vm_alloc_obj(vm, sizeof(Instance), OBJ_INSTANCE, AS_CLASS(cls));
        tb->dict = dict_new(vm);
        dict_set_str(vm, tb->dict, "tb_lineno", VINT(tb_code(t) ? code_line_at(tb_code(t), t->instr) : tb_ext(t)->line));
        dict_set_str(vm, tb->dict, "tb_lasti", VINT((int64_t)t->instr * 2));
        dict_set_str(vm, tb->dict, "tb_next", next);
        /* for the traceback module's format_tb(tb) */
        dict_set_str(vm, tb->dict, "_ls_exc", VOBJ(e));
        dict_set_str(vm, tb->dict, "_ls_at", VINT((int64_t)i));
        next = VOBJ(tb);
    }
    return next;
}
