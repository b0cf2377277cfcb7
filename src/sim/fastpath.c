/*
 * fastpath.c - C stand-ins for the busiest functions of asyncio_prelude.py.
 *
 * sleep(), Event.wait() and set(), the locks' acquire and release (and
 * `async with` on them), and Queue's put, get and task_done are Python in
 * asyncio_prelude.py, as they are in CPython. Called that way, each makes a
 * coroutine and a frame; a task parked in `async with sem:` holds three of
 * each, and a scheduling-heavy program spends most of its time and memory
 * on them. So the VM asks the functions here first (Code.fast): where the
 * call is an ordinary one, they do the same work in C; otherwise they
 * decline and the Python runs. Ordinary means: the object is exactly one of
 * the prelude's classes (a subclass may override a method the Python calls),
 * its state has the usual types, the arguments are positional, and, where a
 * future must be made, a loop is running (else get_running_loop() raises).
 *
 * A call that must wait returns what the awaiting frame parks on in the
 * coroutine's place: the future it waits for, and what the Python does once
 * that future is done, or when an exception is thrown in while it waits (a
 * task's cancellation): its finally and except clauses, in their order.
 * Event, Lock and Semaphore return the future itself, a waiter (fastpath.h)
 * that is the rest of the call only for the frame that made it; sleep and
 * Queue return a FastWait, which holds the future. An exception leaving
 * either gets the traceback entry CPython shows for that await (the
 * prelude's #@ mark for the same line).
 *
 * The functions charge the virtual clock the instructions the Python would
 * have executed on its usual path, so that --cpu-cost timings do not
 * depend on which way a call went.
 */
#include <stdlib.h>
#include <string.h>
#include "fastpath.h"
#include "internal.h"

typedef enum WaitKind {
    W_SLEEP0,    /* sleep(0): one bare yield */
    W_SLEEP,     /* sleep(delay): a future and its timer */
    W_EVENT,     /* Event.wait() */
    W_LOCK,      /* Lock.acquire() */
    W_SEM,       /* Semaphore.acquire() */
    W_GET,       /* Queue.get() */
    W_PUT,       /* Queue.put() */
    W__COUNT
} WaitKind;

typedef struct FastWait {  /* sleep and Queue's waits */
    NativeData hdr;
    uint8_t kind;          /* WaitKind */
    bool yielded;          /* W_SLEEP0: the yield is behind it */
    uint32_t timer_id;     /* W_SLEEP: the timer's id while it is that timer */
    union {
        Obj *owner;        /* the Queue */
        SimHandle *timer;  /* W_SLEEP: the timer (an internal handle, see loop.h) */
    };
    Obj *fut;              /* the future it waits for (NULL for W_SLEEP0) */
    Value value;           /* W_SLEEP0, W_SLEEP: the result; W_PUT: the item */
} FastWait;   /* 64 bytes: pointers, not values, where only objects go */

/* A wait, whichever object carries it: a waiter (Event, Lock, Semaphore;
 * fw NULL) or a FastWait */
typedef struct Wait {
    WaitKind kind;
    bool aenter;           /* acquire() for `async with`: the await gives None */
    Value owner;           /* the Event, Lock, Semaphore or Queue */
    Value fut;             /* the future waited for (VNULL for W_SLEEP0) */
    FastWait *fw;
} Wait;

static Wait wait_of_fast(FastWait *w)
{
    bool owned = w->kind != W_SLEEP0 && w->kind != W_SLEEP;
    return (Wait){ w->kind, false, owned ? VOBJ(w->owner) : VNONE, value_or_null(w->fut), w };
}

static Wait wait_of_waiter(Obj *o)
{
    SimWaiter x = sim_waiter(o);
    return (Wait){ x.kind, x.aenter, VOBJ(x.owner), VOBJ(o), NULL };
}

enum { N_VALUE, N_WAITERS, N_LOCKED, N_BOUND, N_MAXSIZE, N_QUEUE, N_GETTERS, N_PUTTERS, N_UNFINISHED,
       N_FINISHED, N_ENTERED, N_EXITING, N_ABORTING, N_TASKS, N_ON_COMPLETED, N_ON_DONE, N__COUNT };

static const char *const attr_names[N__COUNT] = {
    "_value", "_waiters", "_locked", "_bound_value", "_maxsize", "_queue", "_getters", "_putters",
    "_unfinished_tasks", "_finished", "_entered", "_exiting", "_aborting", "_tasks", "_on_completed",
    "_on_done",
};

struct FastPath {
    Class *event, *lock, *sem, *bsem, *queue, *taskgroup;
    Class *wait_cls;
    Dict *asyncio;                      /* the module: the prelude's globals */
    Value create_task;                  /* asyncio.create_task as the prelude found it: sim_create_task */
    Str *on_task_done, *add_done_callback, *create_task_name;
    Str *names[N__COUNT];
    uint32_t hints[N__COUNT];           /* where in its dict each was found last */
    const ExtFrame *frames[W__COUNT];   /* the await's traceback entry */
    const ExtFrame *aenter_frame;       /* the locks' __aenter__ awaiting acquire() */
};

/* Instructions the prelude's Python executes on the usual path of each
 * call (measured with --cpu-cost 1), charged to the virtual clock. */
enum {
    COST_SLEEP = 30, COST_SLEEP0 = 9, COST_EVENT_WAIT = 7, COST_EVENT_PARK = 24, COST_EVENT_SET = 4,
    COST_LOCK_ACQUIRE = 26, COST_LOCK_PARK = 34, COST_LOCK_RELEASE = 17, COST_SEM_ACQUIRE = 36,
    COST_SEM_PARK = 44, COST_SEM_RELEASE = 17, COST_AENTER = 8, COST_AEXIT = 8, COST_PUT = 66,
    COST_GET = 43, COST_PARK_QUEUE = 24, COST_TASK_DONE = 18, COST_RESUME = 12,
    COST_TG_CREATE_TASK = 42, COST_TG_TASK_DONE = 28,
};

static void charge(VM *vm, int instructions)
{
    vm->steps += (uint64_t)instructions;
}

static const NativeType fast_wait_type;

/* ---- the prelude objects' state --------------------------------------------- */

static Dict *dict_of(Value self)
{
    return IS_KIND(self, OBJ_INSTANCE) ? ((Instance *)AS_OBJ(self))->dict : NULL;
}

static bool is_exactly(Value v, Class *c)
{
    return c && IS_KIND(v, OBJ_INSTANCE) && AS_OBJ(v)->cls == c && dict_of(v);
}

/* The entry of self's dict that holds the attribute, or NULL. The prelude
 * objects' dicts are filled in the same order by __init__, so the entry is
 * nearly always where it was last time: that is tried first (a key is the
 * interned name itself when STORE_ATTR put it there). */
static DictEntry *entry(FastPath *fp, Value self, int name)
{
    Dict *d = dict_of(self);
    Str *key = fp->names[name];
    uint32_t *hint = &fp->hints[name];
    if (*hint < d->nentries && IS_OBJ(d->entries[*hint].key) && AS_OBJ(d->entries[*hint].key) == (Obj *)key)
        return &d->entries[*hint];
    int64_t ix = dict_index_str(d, key);
    if (ix < 0)
        return NULL;
    *hint = (uint32_t)ix;
    return &d->entries[ix];
}

static Value get(FastPath *fp, Value self, int name)
{
    DictEntry *e = entry(fp, self, name);
    return e ? e->value : VNULL;
}

/* Replacing the value of a key the dict has changes nothing else of it. */
static void put(VM *vm, FastPath *fp, Value self, int name, Value v)
{
    DictEntry *e = entry(fp, self, name);
    if (e)
        e->value = v;
    else
        dict_set(vm, dict_of(self), VOBJ(fp->names[name]), v);
}

static Deque *deque_attr(FastPath *fp, Value self, int name)
{
    Value v = get(fp, self, name);
    return IS_KIND(v, OBJ_DEQUE) ? (Deque *)AS_OBJ(v) : NULL;
}

static bool is_pending(Value fut)
{
    return sim_future_state(fut) == SIM_FUT_PENDING;
}

/* _wake_first(waiters): the first waiter still pending gets True */
static bool wake_first(VM *vm, Deque *w)
{
    size_t i = w ? sim_first_pending(w, 0) : 0;
    if (!w || i == w->len)
        return false;
    sim_future_set_result(vm, deque_at(w, i), VBOOL(true));
    return true;
}

/* Queue._wakeup_next(waiters): waiters leave from the head until one that
 * is still pending has been woken */
static void wakeup_next(VM *vm, Deque *w)
{
    while (w && w->len > 0) {
        Value fut = deque_popleft(vm, w);
        if (is_pending(fut)) {
            sim_future_set_result(vm, fut, VNONE);
            return;
        }
    }
}

/* waiters.remove(fut) where the Python lets a ValueError pass */
static void discard(VM *vm, Deque *w, Value fut)
{
    for (size_t i = 0; w && i < w->len; i++) {
        if (AS_OBJ(deque_at(w, i)) == AS_OBJ(fut)) {
            deque_remove(vm, w, fut);
            return;
        }
    }
}

/* waiters.remove(fut) in a finally clause: a ValueError there would win */
static int remove_waiter(VM *vm, FastPath *fp, Value self, int name, Value fut)
{
    Deque *w = deque_attr(fp, self, name);
    return w ? deque_remove(vm, w, fut) : 0;
}

static Value fast_wait_new(VM *vm, FastPath *fp, WaitKind kind, Value owner, Value fut, Value value)
{
    FastWait *w = vm_alloc_obj(vm, sizeof(FastWait), OBJ_NATIVE_DATA, fp->wait_cls);
    w->hdr.type = &fast_wait_type;
    w->kind = (uint8_t)kind;
    if (kind != W_SLEEP0 && kind != W_SLEEP)
        w->owner = AS_OBJ(owner);
    w->fut = obj_or_null(fut);
    w->value = value;
    return VOBJ(w);
}

/* A new waiter, appended to self._waiters, awaited in the call's place. */
static int park_waiter(VM *vm, FastPath *fp, WaitKind kind, bool aenter, Value self, Value *out)
{
    *out = sim_waiter_new(vm, (uint8_t)kind, aenter, AS_OBJ(self));
    deque_append(vm, deque_attr(fp, self, N_WAITERS), *out);
    return FAST_AWAIT;
}

/* A new future, appended to the queue's self.<name>, and the FastWait on it. */
static int park_queue(VM *vm, FastPath *fp, WaitKind kind, Value self, int name, Value value, Value *out)
{
    Value fut = sim_future_new_plain(vm);
    deque_append(vm, deque_attr(fp, self, name), fut);
    *out = fast_wait_new(vm, fp, kind, self, fut, value);
    return FAST_AWAIT;
}

/* The exception leaving an await gets the traceback entries CPython's
 * frames there would add: sleep(0)'s inner generator, the await's own
 * line, and __aenter__ around an acquire() for `async with`. */
static int raise_through(VM *vm, FastPath *fp, const Wait *w)
{
    if (w->kind == W_SLEEP0)
        exc_add_ext_frame(vm, vm->exc, &sim_frame_sleep0);
    if (fp->frames[w->kind])
        exc_add_ext_frame(vm, vm->exc, fp->frames[w->kind]);
    if (w->aenter && fp->aenter_frame)
        exc_add_ext_frame(vm, vm->exc, fp->aenter_frame);
    return -1;
}

/* ---- sleep --------------------------------------------------------------------- */

static int fast_sleep(VM *vm, Value *a, int n, Value *out)
{
    FastPath *fp = sim_fastpath(vm);
    if (n < 1 || n > 2 || !(IS_INT(a[0]) || IS_FLOAT(a[0])))
        return FAST_DECLINED;
    Value result = n == 2 ? a[1] : VNONE;
    double delay = IS_INT(a[0]) ? (double)a[0].as.i : a[0].as.f;
    if (delay <= 0) {
        charge(vm, COST_SLEEP0);
        *out = fast_wait_new(vm, fp, W_SLEEP0, VNONE, VNULL, result);
        return FAST_AWAIT;
    }
    if (!sim_loop_running(vm))
        return FAST_DECLINED;
    charge(vm, COST_SLEEP);
    Value fut = sim_future_new_plain(vm);
    SimHandle *timer = sim_sleep_timer(vm, delay, fut, result);
    *out = fast_wait_new(vm, fp, W_SLEEP, VNONE, fut, result);
    FastWait *w = (FastWait *)AS_OBJ(*out);
    w->timer = timer;
    w->timer_id = timer->id;
    return FAST_AWAIT;
}

/* ---- Event --------------------------------------------------------------------- */

/* An exact Event with a bool flag and a deque of futures, or NULL */
static FastPath *event_ok(VM *vm, Value self)
{
    FastPath *fp = sim_fastpath(vm);
    if (!is_exactly(self, fp->event) || !IS_BOOL(get(fp, self, N_VALUE)))
        return NULL;
    return deque_attr(fp, self, N_WAITERS) ? fp : NULL;
}

static void event_set(VM *vm, FastPath *fp, Value self)
{
    if (get(fp, self, N_VALUE).as.i)
        return;
    put(vm, fp, self, N_VALUE, VBOOL(true));
    Deque *w = deque_attr(fp, self, N_WAITERS);
    for (size_t i = sim_first_pending(w, 0); i < w->len; i = sim_first_pending(w, i + 1))
        sim_future_set_result(vm, deque_at(w, i), VBOOL(true));
}

static int fast_event_wait(VM *vm, Value *a, int n, Value *out)
{
    FastPath *fp = event_ok(vm, a[0]);
    if (n != 1 || !fp)
        return FAST_DECLINED;
    if (get(fp, a[0], N_VALUE).as.i) {
        charge(vm, COST_EVENT_WAIT);
        *out = VBOOL(true);
        return FAST_VALUE;
    }
    if (!sim_loop_running(vm))
        return FAST_DECLINED;
    charge(vm, COST_EVENT_PARK);
    return park_waiter(vm, fp, W_EVENT, false, a[0], out);
}

static int fast_event_set(VM *vm, Value *a, int n, Value *out)
{
    FastPath *fp = event_ok(vm, a[0]);
    if (n != 1 || !fp)
        return FAST_DECLINED;
    charge(vm, COST_EVENT_SET);
    event_set(vm, fp, a[0]);
    *out = VNONE;
    return FAST_VALUE;
}

/* ---- Lock ------------------------------------------------------------------------ */

static FastPath *lock_ok(VM *vm, Value self)
{
    FastPath *fp = sim_fastpath(vm);
    if (!is_exactly(self, fp->lock) || !IS_BOOL(get(fp, self, N_LOCKED)))
        return NULL;
    return deque_attr(fp, self, N_WAITERS) ? fp : NULL;
}

static int lock_acquire(VM *vm, Value self, bool aenter, Value *out)
{
    FastPath *fp = lock_ok(vm, self);
    if (!fp)
        return FAST_DECLINED;
    Deque *w = deque_attr(fp, self, N_WAITERS);
    bool all_cancelled = true;
    for (size_t i = 0; i < w->len && all_cancelled; i++) {
        SimFutState st = sim_future_state(deque_at(w, i));
        if (st == SIM_FUT_NONE)
            return FAST_DECLINED;   /* not a future: the Python's cancelled() would fail */
        all_cancelled = st == SIM_FUT_CANCELLED;
    }
    if (!get(fp, self, N_LOCKED).as.i && all_cancelled) {
        charge(vm, COST_LOCK_ACQUIRE);
        put(vm, fp, self, N_LOCKED, VBOOL(true));
        *out = aenter ? VNONE : VBOOL(true);
        return FAST_VALUE;
    }
    if (!sim_loop_running(vm))
        return FAST_DECLINED;
    charge(vm, COST_LOCK_PARK);
    return park_waiter(vm, fp, W_LOCK, aenter, self, out);
}

/* release() of a held lock; declines an unheld one (the Python raises) */
static int lock_release(VM *vm, Value self)
{
    FastPath *fp = lock_ok(vm, self);
    if (!fp || !get(fp, self, N_LOCKED).as.i)
        return FAST_DECLINED;
    charge(vm, COST_LOCK_RELEASE);
    put(vm, fp, self, N_LOCKED, VBOOL(false));
    wake_first(vm, deque_attr(fp, self, N_WAITERS));
    return FAST_VALUE;
}

/* ---- Semaphore, BoundedSemaphore -------------------------------------------------- */

static FastPath *sem_ok(VM *vm, Value self)
{
    FastPath *fp = sim_fastpath(vm);
    if (!(is_exactly(self, fp->sem) || is_exactly(self, fp->bsem)) || !IS_INT(get(fp, self, N_VALUE)))
        return NULL;
    return deque_attr(fp, self, N_WAITERS) ? fp : NULL;
}

/* _wake_next(): the first pending waiter takes a unit */
static bool sem_wake_next(VM *vm, FastPath *fp, Value self)
{
    Deque *w = deque_attr(fp, self, N_WAITERS);
    size_t i = w ? sim_first_pending(w, 0) : 0;
    if (!w || i == w->len)
        return false;
    put(vm, fp, self, N_VALUE, VINT(get(fp, self, N_VALUE).as.i - 1));
    sim_future_set_result(vm, deque_at(w, i), VBOOL(true));
    return true;
}

/* acquire()'s outer finally: as many waiters as there are free units go next */
static void sem_wake_free(VM *vm, FastPath *fp, Value self)
{
    for (;;) {
        Value v = get(fp, self, N_VALUE);
        if (!IS_INT(v) || v.as.i <= 0 || !sem_wake_next(vm, fp, self))
            return;
    }
}

static int sem_acquire(VM *vm, Value self, bool aenter, Value *out)
{
    FastPath *fp = sem_ok(vm, self);
    if (!fp)
        return FAST_DECLINED;
    int64_t value = get(fp, self, N_VALUE).as.i;
    Deque *w = deque_attr(fp, self, N_WAITERS);
    bool locked = value == 0;
    for (size_t i = 0; i < w->len && !locked; i++) {
        SimFutState st = sim_future_state(deque_at(w, i));
        if (st == SIM_FUT_NONE)
            return FAST_DECLINED;   /* not a future: the Python's cancelled() would fail */
        locked = st != SIM_FUT_CANCELLED;
    }
    if (!locked) {
        charge(vm, COST_SEM_ACQUIRE);
        put(vm, fp, self, N_VALUE, VINT(value - 1));
        *out = aenter ? VNONE : VBOOL(true);
        return FAST_VALUE;
    }
    if (!sim_loop_running(vm))
        return FAST_DECLINED;
    charge(vm, COST_SEM_PARK);
    return park_waiter(vm, fp, W_SEM, aenter, self, out);
}

/* Semaphore.release(), or BoundedSemaphore's below its bound (above it the
 * Python raises) */
static int sem_release(VM *vm, Value self)
{
    FastPath *fp = sem_ok(vm, self);
    if (!fp)
        return FAST_DECLINED;
    int64_t value = get(fp, self, N_VALUE).as.i;
    if (AS_OBJ(self)->cls == fp->bsem) {
        Value bound = get(fp, self, N_BOUND);
        if (!IS_INT(bound) || value >= bound.as.i)
            return FAST_DECLINED;
    }
    charge(vm, COST_SEM_RELEASE);
    put(vm, fp, self, N_VALUE, VINT(value + 1));
    sem_wake_next(vm, fp, self);
    return FAST_VALUE;
}

/* ---- the locks' methods ---------------------------------------------------------- */

typedef int (*AcquireFn)(VM *vm, Value self, bool aenter, Value *out);
typedef int (*ReleaseFn)(VM *vm, Value self);

/* acquire(self), or __aenter__(self), which awaits it and gives None */
static int acquire_call(VM *vm, AcquireFn acquire, bool aenter, Value *a, int n, Value *out)
{
    if (n != 1)
        return FAST_DECLINED;
    int k = acquire(vm, a[0], aenter, out);
    if (k != FAST_DECLINED && aenter)
        charge(vm, COST_AENTER);
    return k;
}

/* release(self), or __aexit__(self, exc_type, exc, tb), which calls it */
static int release_call(VM *vm, ReleaseFn release, bool aexit, Value *a, int n, Value *out)
{
    *out = VNONE;
    if (n != (aexit ? 4 : 1))
        return FAST_DECLINED;
    int k = release(vm, a[0]);
    if (k != FAST_DECLINED && aexit)
        charge(vm, COST_AEXIT);
    return k;
}

static int fast_lock_acquire(VM *vm, Value *a, int n, Value *out)
{
    return acquire_call(vm, lock_acquire, false, a, n, out);
}

static int fast_lock_aenter(VM *vm, Value *a, int n, Value *out)
{
    return acquire_call(vm, lock_acquire, true, a, n, out);
}

static int fast_lock_release(VM *vm, Value *a, int n, Value *out)
{
    return release_call(vm, lock_release, false, a, n, out);
}

static int fast_lock_aexit(VM *vm, Value *a, int n, Value *out)
{
    return release_call(vm, lock_release, true, a, n, out);
}

static int fast_sem_acquire(VM *vm, Value *a, int n, Value *out)
{
    return acquire_call(vm, sem_acquire, false, a, n, out);
}

static int fast_sem_aenter(VM *vm, Value *a, int n, Value *out)
{
    return acquire_call(vm, sem_acquire, true, a, n, out);
}

static int fast_sem_release(VM *vm, Value *a, int n, Value *out)
{
    return release_call(vm, sem_release, false, a, n, out);
}

static int fast_sem_aexit(VM *vm, Value *a, int n, Value *out)
{
    return release_call(vm, sem_release, true, a, n, out);
}

/* ---- Queue ---------------------------------------------------------------------- */

/* An exact Queue whose state has the usual types, or NULL */
static FastPath *queue_ok(VM *vm, Value self)
{
    FastPath *fp = sim_fastpath(vm);
    if (!is_exactly(self, fp->queue) || !IS_INT(get(fp, self, N_MAXSIZE)) ||
        !IS_INT(get(fp, self, N_UNFINISHED)) || !deque_attr(fp, self, N_QUEUE))
        return NULL;
    if (!deque_attr(fp, self, N_GETTERS) || !deque_attr(fp, self, N_PUTTERS))
        return NULL;
    return event_ok(vm, get(fp, self, N_FINISHED)) ? fp : NULL;
}

static bool queue_full(FastPath *fp, Value self)
{
    int64_t maxsize = get(fp, self, N_MAXSIZE).as.i;
    return maxsize > 0 && (int64_t)deque_attr(fp, self, N_QUEUE)->len >= maxsize;
}

static bool queue_empty(FastPath *fp, Value self)
{
    return deque_attr(fp, self, N_QUEUE)->len == 0;
}

/* put_nowait() on a queue with room */
static void queue_put_now(VM *vm, FastPath *fp, Value self, Value item)
{
    deque_append(vm, deque_attr(fp, self, N_QUEUE), item);
    put(vm, fp, self, N_UNFINISHED, VINT(get(fp, self, N_UNFINISHED).as.i + 1));
    put(vm, fp, get(fp, self, N_FINISHED), N_VALUE, VBOOL(false));   /* _finished.clear() */
    wakeup_next(vm, deque_attr(fp, self, N_GETTERS));
}

/* get_nowait() on a queue with an item */
static Value queue_get_now(VM *vm, FastPath *fp, Value self)
{
    Value item = deque_popleft(vm, deque_attr(fp, self, N_QUEUE));
    wakeup_next(vm, deque_attr(fp, self, N_PUTTERS));
    return item;
}

static int fast_queue_put(VM *vm, Value *a, int n, Value *out)
{
    FastPath *fp = queue_ok(vm, a[0]);
    if (n != 2 || !fp)
        return FAST_DECLINED;
    if (!queue_full(fp, a[0])) {
        charge(vm, COST_PUT);
        queue_put_now(vm, fp, a[0], a[1]);
        *out = VNONE;
        return FAST_VALUE;
    }
    if (!sim_loop_running(vm))
        return FAST_DECLINED;
    charge(vm, COST_PARK_QUEUE);
    return park_queue(vm, fp, W_PUT, a[0], N_PUTTERS, a[1], out);
}

static int fast_queue_put_nowait(VM *vm, Value *a, int n, Value *out)
{
    FastPath *fp = queue_ok(vm, a[0]);
    if (n != 2 || !fp || queue_full(fp, a[0]))
        return FAST_DECLINED;
    charge(vm, COST_PUT);
    queue_put_now(vm, fp, a[0], a[1]);
    *out = VNONE;
    return FAST_VALUE;
}

static int fast_queue_get(VM *vm, Value *a, int n, Value *out)
{
    FastPath *fp = queue_ok(vm, a[0]);
    if (n != 1 || !fp)
        return FAST_DECLINED;
    if (!queue_empty(fp, a[0])) {
        charge(vm, COST_GET);
        *out = queue_get_now(vm, fp, a[0]);
        return FAST_VALUE;
    }
    if (!sim_loop_running(vm))
        return FAST_DECLINED;
    charge(vm, COST_PARK_QUEUE);
    return park_queue(vm, fp, W_GET, a[0], N_GETTERS, VNULL, out);
}

static int fast_queue_get_nowait(VM *vm, Value *a, int n, Value *out)
{
    FastPath *fp = queue_ok(vm, a[0]);
    if (n != 1 || !fp || queue_empty(fp, a[0]))
        return FAST_DECLINED;
    charge(vm, COST_GET);
    *out = queue_get_now(vm, fp, a[0]);
    return FAST_VALUE;
}

static int fast_queue_task_done(VM *vm, Value *a, int n, Value *out)
{
    FastPath *fp = queue_ok(vm, a[0]);
    if (n != 1 || !fp || get(fp, a[0], N_UNFINISHED).as.i <= 0)
        return FAST_DECLINED;   /* the Python raises ValueError */
    charge(vm, COST_TASK_DONE);
    int64_t left = get(fp, a[0], N_UNFINISHED).as.i - 1;
    put(vm, fp, a[0], N_UNFINISHED, VINT(left));
    if (left == 0)
        event_set(vm, fp, get(fp, a[0], N_FINISHED));
    *out = VNONE;
    return FAST_VALUE;
}

/* ---- TaskGroup ------------------------------------------------------------------- */

/* An exact TaskGroup with its flags bools and its tasks a plain dict (of
 * creation order, where CPython has a set), or NULL */
static FastPath *taskgroup_ok(VM *vm, Value self)
{
    FastPath *fp = sim_fastpath(vm);
    if (!is_exactly(self, fp->taskgroup))
        return NULL;
    static const int flags[] = { N_ENTERED, N_EXITING, N_ABORTING };
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++)
        if (!IS_BOOL(get(fp, self, flags[i])))
            return NULL;
    Value tasks = get(fp, self, N_TASKS);
    return IS_KIND(tasks, OBJ_DICT) && AS_OBJ(tasks)->cls == TYPE(vm, dict) ? fp : NULL;
}

static Dict *group_tasks(FastPath *fp, Value self)
{
    return (Dict *)AS_OBJ(get(fp, self, N_TASKS));
}

/* create_task(self, coro) with no name or context, on an entered group that
 * is neither finished nor shutting down (those raise: the Python does it) */
static int fast_tg_create_task(VM *vm, Value *a, int n, Value *out)
{
    FastPath *fp = taskgroup_ok(vm, a[0]);
    if (n != 2 || !fp)
        return FAST_DECLINED;
    Value self = a[0];
    Value create = dict_get_str(fp->asyncio, fp->create_task_name);
    if (!get(fp, self, N_ENTERED).as.i || get(fp, self, N_ABORTING).as.i ||
        (get(fp, self, N_EXITING).as.i && group_tasks(fp, self)->used == 0) ||
        !IS_OBJ(create) || AS_OBJ(create) != AS_OBJ(fp->create_task))
        return FAST_DECLINED;
    charge(vm, COST_TG_CREATE_TASK);
    Value task = sim_create_task(vm, a[1]);   /* create_task(coro, context=None) */
    if (IS_NULL(task))
        return -1;
    vm_push_root(vm, &task);
    Value r;
    if (sim_future_state(task) != SIM_FUT_PENDING) {
        r = vm_call_method(vm, self, fp->on_task_done, &task, 1);   /* done already (eagerly) */
    } else {
        r = dict_set(vm, group_tasks(fp, self), task, VNONE) < 0 ? VNULL : VNONE;
        Value on_done = get(fp, self, N_ON_DONE);
        if (!IS_NULL(r) && (IS_NULL(on_done) || IS_NONE(on_done))) {
            on_done = vm_getattr(vm, self, fp->on_task_done);
            if (!IS_NULL(on_done))
                put(vm, fp, self, N_ON_DONE, on_done);
        }
        if (!IS_NULL(r) && !IS_NULL(on_done)) {
            int added = sim_task_add_done_callback(vm, task, on_done);
            r = added > 0 ? VNONE : added < 0 ? VNULL : vm_call_method(vm, task, fp->add_done_callback, &on_done, 1);
        } else {
            r = VNULL;
        }
    }
    vm_pop_root(vm);
    if (IS_NULL(r))
        return -1;
    *out = task;
    return FAST_VALUE;
}

/* _on_task_done(self, task) for a task that was cancelled or returned (a
 * failed one aborts the group: the Python does it) */
static int fast_tg_task_done(VM *vm, Value *a, int n, Value *out)
{
    FastPath *fp = taskgroup_ok(vm, a[0]);
    if (n != 2 || !fp)
        return FAST_DECLINED;
    Value self = a[0], task = a[1];
    SimFutState st = sim_future_state(task);
    Value waiter = get(fp, self, N_ON_COMPLETED);
    if (st == SIM_FUT_NONE || st == SIM_FUT_PENDING || (st == SIM_FUT_FINISHED && sim_future_failed(task)) ||
        !(IS_NONE(waiter) || sim_future_state(waiter) != SIM_FUT_NONE))
        return FAST_DECLINED;
    charge(vm, COST_TG_TASK_DONE);
    Dict *tasks = group_tasks(fp, self);
    if (dict_del(vm, tasks, task) < 0)
        return -1;
    /* the last one wakes __aexit__ */
    if (!IS_NONE(waiter) && tasks->used == 0 && sim_future_state(waiter) == SIM_FUT_PENDING)
        sim_future_set_result(vm, waiter, VBOOL(true));
    *out = VNONE;
    return FAST_VALUE;
}

/* ---- FastWait: the rest of the Python, once its future is done ------------------- */

/* The C went on from a queue whose state had the usual types when the
 * wait began; a program that replaced them meanwhile (its _queue, _getters
 * ...) is told so rather than having its queue misread. */
static int queue_tampered(VM *vm)
{
    vm_raise(vm, EXC_RuntimeError, "asyncio.Queue: its internal state was replaced while a task waited on it");
    return -1;
}

/* A woken put() or get() checks again (someone may have taken the room or
 * the item first) and waits anew, or finishes. */
static int queue_retry(VM *vm, FastPath *fp, FastWait *w, Value *out)
{
    Value self = VOBJ(w->owner);
    if (!queue_ok(vm, self))
        return queue_tampered(vm);
    if (w->kind == W_PUT) {
        if (queue_full(fp, self)) {
            *out = sim_future_new_plain(vm);
            w->fut = AS_OBJ(*out);
            deque_append(vm, deque_attr(fp, self, N_PUTTERS), *out);
            return 0;
        }
        queue_put_now(vm, fp, self, w->value);
        *out = VNONE;
        return 1;
    }
    if (queue_empty(fp, self)) {
        *out = sim_future_new_plain(vm);
        w->fut = AS_OBJ(*out);
        deque_append(vm, deque_attr(fp, self, N_GETTERS), *out);
        return 0;
    }
    *out = queue_get_now(vm, fp, self);
    return 1;
}

/* put()/get()'s bare except clause, for whatever ends the wait: the
 * waiter is cancelled and leaves the line; if it had been woken, the next
 * in line gets the turn it cannot use */
static void queue_abandon(VM *vm, FastPath *fp, const Wait *w)
{
    int line = w->kind == W_PUT ? N_PUTTERS : N_GETTERS;
    sim_future_cancel(vm, w->fut);
    if (!queue_ok(vm, w->owner))
        return;
    discard(vm, deque_attr(fp, w->owner, line), w->fut);
    bool ready = w->kind == W_PUT ? !queue_full(fp, w->owner) : !queue_empty(fp, w->owner);
    if (ready && sim_future_state(w->fut) != SIM_FUT_CANCELLED)
        wakeup_next(vm, deque_attr(fp, w->owner, line));
}

/* The cleanup the Python does when its `await fut` ends, either way (exc:
 * the exception leaving it, or VNULL). Returns -1 if the cleanup raised. */
static int finish(VM *vm, FastPath *fp, const Wait *w, Value exc)
{
    Value self = w->owner;
    switch (w->kind) {
    case W_SLEEP:
        sim_timer_cancel(w->fw->timer, w->fw->timer_id);
        return 0;
    case W_EVENT:
        return remove_waiter(vm, fp, self, N_WAITERS, w->fut);
    case W_LOCK:
        if (remove_waiter(vm, fp, self, N_WAITERS, w->fut) < 0)
            return -1;
        if (!IS_NULL(exc) && sim_is_cancelled_error(vm, exc) && !get(fp, self, N_LOCKED).as.i)
            wake_first(vm, deque_attr(fp, self, N_WAITERS));
        return 0;
    case W_SEM:
        if (remove_waiter(vm, fp, self, N_WAITERS, w->fut) < 0)
            return -1;
        /* a unit handed over to a waiter that leaves anyway goes back */
        if (!IS_NULL(exc) && sim_is_cancelled_error(vm, exc) &&
            sim_future_state(w->fut) == SIM_FUT_FINISHED)
            put(vm, fp, self, N_VALUE, VINT(get(fp, self, N_VALUE).as.i + 1));
        sem_wake_free(vm, fp, self);
        return 0;
    case W_GET:
    case W_PUT:
        if (!IS_NULL(exc))
            queue_abandon(vm, fp, w);
        return 0;
    case W_SLEEP0:
    case W__COUNT:
        break;
    }
    return 0;
}

/* The await of a wait: 0 with *out the future while it is pending, else
 * what the Python does once it is done (1 with *out the await's value, or
 * -1 raised) */
static int wait_state(VM *vm, const Wait *w, Value *out)
{
    FastPath *fp = sim_fastpath(vm);
    if (is_pending(w->fut)) {
        *out = w->fut;
        return 0;
    }
    charge(vm, COST_RESUME);
    Value result;
    if (sim_future_outcome(vm, w->fut, &result) < 0) {
        Value exc = vm->exc;
        vm_push_root(vm, &exc);
        vm->exc = VNULL;
        int r = finish(vm, fp, w, exc);
        vm_pop_root(vm);
        if (r == 0)
            vm->exc = exc;
        return raise_through(vm, fp, w);
    }
    switch (w->kind) {
    case W_SLEEP:
        *out = result;
        break;
    case W_LOCK:
        put(vm, fp, w->owner, N_LOCKED, VBOOL(true));
        /* fall through */
    case W_EVENT:
    case W_SEM:
        *out = w->aenter ? VNONE : VBOOL(true);
        break;
    case W_GET:
    case W_PUT:
        return queue_retry(vm, fp, w->fw, out);
    case W_SLEEP0:
    case W__COUNT:
        break;
    }
    if (finish(vm, fp, w, VNULL) < 0)
        return raise_through(vm, fp, w);
    return 1;
}

/* An exception thrown into the wait: the Python's cleanup, then it goes on */
static void wait_throw(VM *vm, const Wait *w)
{
    FastPath *fp = sim_fastpath(vm);
    if (w->kind != W_SLEEP0) {
        Value exc = vm->exc;
        vm_push_root(vm, &exc);
        vm->exc = VNULL;
        int r = finish(vm, fp, w, exc);
        vm_pop_root(vm);
        if (r == 0)
            vm->exc = exc;
    }
    raise_through(vm, fp, w);
}

static int fast_wait_state(VM *vm, Obj *o, Value *out)
{
    FastWait *fw = (FastWait *)o;
    if (fw->kind == W_SLEEP0) {
        if (!fw->yielded) {
            fw->yielded = true;
            *out = VNONE;   /* a bare yield */
            return 0;
        }
        *out = fw->value;
        return 1;
    }
    Wait w = wait_of_fast(fw);
    return wait_state(vm, &w, out);
}

static void fast_wait_throw(VM *vm, Obj *o)
{
    Wait w = wait_of_fast((FastWait *)o);
    wait_throw(vm, &w);
}

int sim_fast_waiter_state(VM *vm, Obj *waiter, Value *out)
{
    Wait w = wait_of_waiter(waiter);
    return wait_state(vm, &w, out);
}

void sim_fast_waiter_throw(VM *vm, Obj *waiter)
{
    Wait w = wait_of_waiter(waiter);
    wait_throw(vm, &w);
}

static void fast_wait_mark(VM *vm, Obj *o)
{
    FastWait *w = (FastWait *)o;
    if (w->kind != W_SLEEP0 && w->kind != W_SLEEP)
        vm_mark_obj(vm, w->owner);
    if (w->fut)
        vm_mark_obj(vm, w->fut);
    vm_mark_value(vm, w->value);
}

static const NativeType fast_wait_type = {
    .name = "coroutine", .mark = fast_wait_mark, .size = sizeof(FastWait),
    .await_state = fast_wait_state, .await_throw = fast_wait_throw,
};

/* ---- installation ------------------------------------------------------------------ */

static Class *prelude_class(VM *vm, Module *m, const char *name)
{
    Value c = dict_get_str(m->dict, str_intern(vm, name, strlen(name)));
    return IS_KIND(c, OBJ_CLASS) ? (Class *)AS_OBJ(c) : NULL;
}

/* Sets the fast path of fn (a function of the module, or a method of cls) */
static void install(VM *vm, Module *m, Class *cls, const char *name, FastCallFn fast)
{
    Dict *d = cls ? cls->dict : m->dict;
    Value fn = d ? dict_get_str(d, str_intern(vm, name, strlen(name))) : VNULL;
    if (IS_FUNCTION(fn))
        AS_FUNCTION(fn)->code->fast = fast;
}

FastPath *sim_fastpath_new(VM *vm, Module *m, const SimStdFrames *frames)
{
    FastPath *fp = calloc(1, sizeof *fp);
    if (!fp)
        return NULL;
    for (int i = 0; i < N__COUNT; i++)
        fp->names[i] = str_intern(vm, attr_names[i], strlen(attr_names[i]));
    fp->event = prelude_class(vm, m, "Event");
    fp->lock = prelude_class(vm, m, "Lock");
    fp->sem = prelude_class(vm, m, "Semaphore");
    fp->bsem = prelude_class(vm, m, "BoundedSemaphore");
    fp->queue = prelude_class(vm, m, "Queue");
    fp->taskgroup = prelude_class(vm, m, "TaskGroup");
    fp->asyncio = m->dict;
    fp->create_task_name = str_intern(vm, "create_task", 11);
    fp->create_task = dict_get_str(m->dict, fp->create_task_name);
    fp->add_done_callback = str_intern(vm, "add_done_callback", 17);
    fp->on_task_done = str_intern(vm, "_on_task_done", 13);
    fp->wait_cls = class_new_builtin(vm, "coroutine", TYPE(vm, object), OBJ_NATIVE_DATA);
    /* the lines of the prelude that stand for these awaits */
    static const struct { WaitKind kind; const char *file; int line; } at[] = {
        { W_SLEEP0, "asyncio/tasks.py", 656 }, { W_SLEEP, "asyncio/tasks.py", 665 },
        { W_EVENT, "asyncio/locks.py", 212 }, { W_LOCK, "asyncio/locks.py", 113 },
        { W_SEM, "asyncio/locks.py", 386 }, { W_GET, "asyncio/queues.py", 158 },
        { W_PUT, "asyncio/queues.py", 120 },
    };
    for (size_t i = 0; i < sizeof at / sizeof at[0]; i++)
        fp->frames[at[i].kind] = sim_stdframes_at(frames, at[i].file, at[i].line);
    fp->aenter_frame = sim_stdframes_at(frames, "asyncio/locks.py", 14);

    install(vm, m, NULL, "sleep", fast_sleep);
    install(vm, m, fp->event, "wait", fast_event_wait);
    install(vm, m, fp->event, "set", fast_event_set);
    install(vm, m, fp->lock, "acquire", fast_lock_acquire);
    install(vm, m, fp->lock, "release", fast_lock_release);
    install(vm, m, fp->lock, "__aenter__", fast_lock_aenter);
    install(vm, m, fp->lock, "__aexit__", fast_lock_aexit);
    install(vm, m, fp->sem, "acquire", fast_sem_acquire);
    install(vm, m, fp->sem, "release", fast_sem_release);
    install(vm, m, fp->bsem, "release", fast_sem_release);
    install(vm, m, fp->sem, "__aenter__", fast_sem_aenter);
    install(vm, m, fp->sem, "__aexit__", fast_sem_aexit);
    install(vm, m, fp->queue, "put", fast_queue_put);
    install(vm, m, fp->queue, "put_nowait", fast_queue_put_nowait);
    install(vm, m, fp->queue, "get", fast_queue_get);
    install(vm, m, fp->queue, "get_nowait", fast_queue_get_nowait);
    install(vm, m, fp->queue, "task_done", fast_queue_task_done);
    install(vm, m, fp->taskgroup, "create_task", fast_tg_create_task);
    install(vm, m, fp->taskgroup, "_on_task_done", fast_tg_task_done);
    return fp;
}

void sim_fastpath_mark(VM *vm, FastPath *fp)
{
    if (!fp)
        return;
    Class *classes[] = { fp->event, fp->lock, fp->sem, fp->bsem, fp->queue, fp->taskgroup, fp->wait_cls };
    for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++)
        if (classes[i])
            vm_mark_obj(vm, (Obj *)classes[i]);
    vm_mark_obj(vm, (Obj *)fp->asyncio);
    vm_mark_value(vm, fp->create_task);
}

void sim_fastpath_free(FastPath *fp)
{
    free(fp);
}
