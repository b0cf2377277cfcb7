"""vrun.py - run an unmodified asyncio scenario under CPython 3.12 on a virtual clock.

Usage:  python3.12 vrun.py SCENARIO.py [ARGS...]

See README.md beside this file for what is virtual, the thread model, and its limits.
"""
import os
import sys

if len(sys.argv) < 2:
    sys.stderr.write("usage: python3.12 vrun.py SCENARIO.py [ARGS...]\n")
    sys.exit(2)

# Determinism: a fixed string-hash seed unless the caller chose one.
if "PYTHONHASHSEED" not in os.environ:
    os.environ["PYTHONHASHSEED"] = "0"
    opts = []
    if sys.flags.utf8_mode:
        opts += ["-X", "utf8"]
    for w in sys.warnoptions:
        opts += ["-W", w]
    os.execv(sys.executable, [sys.executable, *opts, os.path.abspath(__file__), *sys.argv[1:]])

# The local time zone is UTC, as loopscope's (localtime() is gmtime() named "UTC").
os.environ["TZ"] = "UTC"

import _thread
import builtins
import heapq
import importlib.machinery
import time as _time_mod
import types
from collections import deque

_real_select_timeout0 = None
EPOCH = 1700000000.0          # time.time() at virtual 0: 2023-11-14T22:13:20Z
VCPUS = int(os.environ.get("VRUN_CPU_COUNT", "4"))


# ---------------------------------------------------------------- scheduler
class _Rec:
    """One managed thread."""
    __slots__ = ("name", "go", "state", "token", "joiners", "woke", "ident")

    def __init__(self, name):
        self.name = name
        self.go = _thread.allocate_lock()
        self.go.acquire()          # locked: the thread waits on it for the baton
        self.state = "ready"       # run | ready | wait | done
        self.token = 0
        self.joiners = []
        self.woke = None           # "timer" or "event" after a wait
        self.ident = None


class _Sched:
    """A baton: exactly one managed thread runs at a time. Virtual time only advances
    when no managed thread can run: then the earliest timed waiter (ties: the one that
    started waiting first) gets the baton and the clock jumps to its wake-up time."""

    def __init__(self):
        self.mu = _thread.allocate_lock()
        self.now = 0.0
        self.ready = deque()
        self.sleepers = []
        self.seq = 0
        self.by_ident = {}
        self.by_thread = {}
        main = _Rec("MainThread")
        main.state = "run"
        main.ident = _thread.get_ident()
        main.go = _thread.allocate_lock()   # unlocked semantics handled by hand
        main.go.acquire()
        self.by_ident[main.ident] = main
        self.main = main
        self.holder = main
        self.select_waiter = None     # (rec, loop) while the loop waits in select

    def cur(self):
        return self.by_ident.get(_thread.get_ident())

    # all _x methods: self.mu held
    def _hand(self, r):
        r.state = "run"
        self.holder = r
        r.go.release()

    def _dispatch(self):
        while self.ready:
            r = self.ready.popleft()
            if r.state == "ready":
                r.woke = r.woke or "event"
                self._hand(r)
                return
        while self.sleepers:
            when, _, tok, r = heapq.heappop(self.sleepers)
            if r.token != tok or r.state != "wait":
                continue
            if when > self.now:
                self.now = when
            r.woke = "timer"
            self._hand(r)
            return
        self.holder = None

    def _make_ready(self, r):
        r.state = "ready"
        r.token += 1
        r.woke = "event"
        self.ready.append(r)

    def block(self, r, when=None):
        """Give up the baton until woken (or until virtual time `when`). Returns
        "timer" if the wait timed out, else "event"."""
        with self.mu:
            r.state = "wait"
            r.token += 1
            r.woke = None
            if when is not None:
                heapq.heappush(self.sleepers, (when, self.seq, r.token, r))
                self.seq += 1
            if self.holder is r:
                self.holder = None
                self._dispatch()
        r.go.acquire()
        return r.woke

    def wake(self, r):
        with self.mu:
            if r.state == "wait":
                self._make_ready(r)
                if self.holder is None:
                    self._dispatch()

    def yield_(self, r):
        with self.mu:
            if not self.ready:
                return
            r.state = "ready"
            r.token += 1
            r.woke = None
            self.ready.append(r)
            self.holder = None
            self._dispatch()
        r.go.acquire()

    def sleep(self, secs):
        r = self.cur()
        if r is None:               # an unmanaged thread: cannot be modelled
            return
        if secs <= 0:
            self.yield_(r)
            return
        self.block(r, self.now + secs)

    # threads
    def register(self, thread):
        r = _Rec(thread.name)
        with self.mu:
            self.by_thread[thread] = r
            self.ready.append(r)
        return r

    def arrive(self, thread):
        r = self.by_thread.get(thread)
        if r is None:
            return
        r.ident = _thread.get_ident()
        with self.mu:
            self.by_ident[r.ident] = r
        r.go.acquire()

    def depart(self, thread):
        r = self.by_thread.get(thread)
        if r is None:
            return
        with self.mu:
            r.state = "done"
            for j in r.joiners:
                if j.state == "wait":
                    self._make_ready(j)
            r.joiners.clear()
            self.by_ident.pop(r.ident, None)
            if self.holder is r or self.holder is None:
                self.holder = None
                self._dispatch()


S = _Sched()


# ---------------------------------------------------------------- time
def _v_monotonic():
    return S.now


def _v_monotonic_ns():
    return int(round(S.now * 1e9))


def _v_time():
    return EPOCH + S.now


def _v_time_ns():
    return int(round(EPOCH * 1e9)) + _v_monotonic_ns()


_real_sleep = _time_mod.sleep


def _v_sleep(secs):
    if not isinstance(secs, (int, float)):
        _real_sleep(secs)          # raises CPython's own TypeError
    if secs < 0:
        _real_sleep(secs)          # raises CPython's own ValueError
    S.sleep(float(secs))


_time_mod.tzset()
_real_localtime, _real_gmtime, _real_ctime = _time_mod.localtime, _time_mod.gmtime, _time_mod.ctime
_real_strftime, _real_asctime = _time_mod.strftime, _time_mod.asctime


def _v_localtime(secs=None):
    return _real_localtime(_v_time() if secs is None else secs)


def _v_gmtime(secs=None):
    return _real_gmtime(_v_time() if secs is None else secs)


def _v_ctime(secs=None):
    return _real_ctime(_v_time() if secs is None else secs)


def _v_strftime(format, *t):
    return _real_strftime(format, *(t or (_v_localtime(),)))


def _v_asctime(*t):
    return _real_asctime(*(t or (_v_localtime(),)))


for _n, _f in (("monotonic", _v_monotonic), ("perf_counter", _v_monotonic),
               ("monotonic_ns", _v_monotonic_ns), ("perf_counter_ns", _v_monotonic_ns),
               ("time", _v_time), ("time_ns", _v_time_ns), ("sleep", _v_sleep),
               ("process_time", lambda: 0.0), ("process_time_ns", lambda: 0),
               ("thread_time", lambda: 0.0), ("thread_time_ns", lambda: 0),
               ("localtime", _v_localtime), ("gmtime", _v_gmtime), ("ctime", _v_ctime),
               ("strftime", _v_strftime), ("asctime", _v_asctime)):
    _f.__name__ = _f.__qualname__ = _n
    _f.__module__ = "time"
    setattr(_time_mod, _n, _f)
# logging stores time.localtime as a class attribute (Formatter.converter):
# a builtin does not bind there, a Python function would, so these two are
# wrapped as static methods, which are callable and do not bind either
_time_mod.localtime = staticmethod(_v_localtime)
_time_mod.gmtime = staticmethod(_v_gmtime)

os.cpu_count = lambda: VCPUS

# datetime's C module reads the system clock itself; with it out of the way,
# datetime is its pure-Python twin (_pydatetime), whose now() reads time.time()
sys.modules["_datetime"] = None

# ---------------------------------------------------------------- threads
import threading

_orig_start = threading.Thread.start
_orig_bootstrap_inner = threading.Thread._bootstrap_inner
_orig_join = threading.Thread.join


def _thread_start(self):
    if not self._initialized or self._started.is_set():
        return _orig_start(self)       # CPython's own RuntimeError
    S.register(self)
    return _orig_start(self)


def _thread_bootstrap_inner(self):
    try:
        _orig_bootstrap_inner(self)
    finally:
        S.depart(self)


def _profile_hook(frame, event, arg):
    # installed by threading for every new thread just before run(): take the
    # baton here, so that no vrun frame sits between the thread's frames.
    sys.setprofile(None)
    S.arrive(threading.current_thread())


def _thread_join(self, timeout=None):
    r = S.by_thread.get(self)
    me = S.cur()
    if r is not None and me is not None and r is not me and r.state != "done" \
            and self._started.is_set():
        with S.mu:
            r.joiners.append(me)
        S.block(me, None if timeout is None else S.now + max(0.0, timeout))
        if r.state != "done":
            return _orig_join(self, 0)
        return _orig_join(self)
    return _orig_join(self, timeout)


_orig_threading_shutdown = threading._shutdown


def _threading_shutdown():
    # At interpreter exit CPython runs the threading atexit hooks (executor shutdown)
    # and then waits for every non-daemon thread on real locks; do both in virtual time
    # first, so that sleeping managed threads get the baton.
    if S.cur() is S.main:
        threading._SHUTTING_DOWN = True
        hooks = list(threading._threading_atexits)
        threading._threading_atexits.clear()
        for hook in reversed(hooks):
            hook()
        while True:
            left = [t for t, r in list(S.by_thread.items())
                    if r.state != "done" and not t.daemon and t._started.is_set()]
            if not left:
                break
            for t in left:
                t.join()
    _orig_threading_shutdown()


threading._shutdown = _threading_shutdown
threading.Thread.start = _thread_start
threading.Thread._bootstrap_inner = _thread_bootstrap_inner
threading.Thread.join = _thread_join
threading.setprofile(_profile_hook)


class _VCondition:
    """A Condition whose wait() blocks in virtual time (used by concurrent.futures)."""

    def __init__(self, lock=None):
        self._lock = lock if lock is not None else threading.RLock()
        self._waiters = deque()
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *a):
        return self._lock.__exit__(*a)

    def wait(self, timeout=None):
        me = S.cur()
        if me is None:
            raise RuntimeError("vrun: an unmanaged thread cannot wait in virtual time")
        w = [me, False]
        self._waiters.append(w)
        saved = self._lock._release_save() if hasattr(self._lock, "_release_save") else self._lock.release()
        try:
            how = S.block(me, None if timeout is None else S.now + max(0.0, timeout))
        finally:
            if hasattr(self._lock, "_acquire_restore"):
                self._lock._acquire_restore(saved)
            else:
                self._lock.acquire()
        if not w[1]:
            try:
                self._waiters.remove(w)
            except ValueError:
                pass
        return w[1] or how != "timer"

    def wait_for(self, predicate, timeout=None):
        end = None if timeout is None else S.now + timeout
        result = predicate()
        while not result:
            if end is not None:
                left = end - S.now
                if left <= 0:
                    break
                self.wait(left)
            else:
                self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        while n > 0 and self._waiters:
            w = self._waiters.popleft()
            w[1] = True
            S.wake(w[0])
            n -= 1

    def notify_all(self):
        self.notify(len(self._waiters))

    notifyAll = notify_all

    def _is_owned(self):
        if hasattr(self._lock, "_is_owned"):
            return self._lock._is_owned()
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))


class _VEvent:
    def __init__(self):
        self._cond = _VCondition(threading.Lock())
        self._flag = False

    def is_set(self):
        return self._flag

    isSet = is_set

    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        with self._cond:
            if not self._flag:
                self._cond.wait(timeout)
            return self._flag


# threading.Condition (and so Event, Semaphore, BoundedSemaphore, Barrier, Timer) and
# queue.Queue wait in virtual time. Thread's own start-up event stays real: the new thread
# sets it before it is managed.
_RealEvent = threading.Event
_orig_thread_init = threading.Thread.__init__


def _thread_init(self, *a, **kw):
    _orig_thread_init(self, *a, **kw)
    self._started = _RealEvent()


threading.Thread.__init__ = _thread_init


class _VLock:
    """threading.Lock whose blocking acquire waits in virtual time."""
    __slots__ = ("_real", "_waiters", "__weakref__")

    def __init__(self):
        self._real = _thread.allocate_lock()
        self._waiters = deque()

    def acquire(self, blocking=True, timeout=-1):
        if self._real.acquire(False):
            return True
        if not blocking:
            if timeout != -1:
                raise ValueError("can't specify a timeout for a non-blocking call")
            return False
        me = S.cur()
        if me is None:
            return self._real.acquire(True, timeout)
        if timeout is not None and timeout < 0 and timeout != -1:
            raise ValueError("timeout value must be a non-negative number")
        end = None if timeout == -1 else S.now + timeout
        while True:
            self._waiters.append(me)
            how = S.block(me, end)
            if self._real.acquire(False):
                return True
            if how == "timer":
                try:
                    self._waiters.remove(me)
                except ValueError:
                    pass
                return False

    def release(self):
        self._real.release()
        while self._waiters:
            w = self._waiters.popleft()
            if w.state == "wait":
                S.wake(w)
                break

    def locked(self):
        return self._real.locked()

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *a):
        self.release()

    def _at_fork_reinit(self):
        self._real = _thread.allocate_lock()
        self._waiters = deque()

    acquire_lock = acquire
    release_lock = release
    locked_lock = locked

    def __repr__(self):
        return "<%s _thread.lock object at %s>" % (
            "locked" if self.locked() else "unlocked", hex(id(self)))


_VLock.__name__ = _VLock.__qualname__ = "lock"
_VLock.__module__ = "_thread"
threading.Lock = _VLock
threading._allocate_lock = _VLock     # so threading.RLock (pure-Python) is virtual too
threading._CRLock = None
_VCondition.__name__ = _VCondition.__qualname__ = "Condition"
_VCondition.__module__ = "threading"
_VEvent.__name__ = _VEvent.__qualname__ = "Event"
_VEvent.__module__ = "threading"
threading.Condition = _VCondition
threading.Event = _VEvent
import queue as _queue_mod
_queue_mod.time = _v_monotonic

# concurrent.futures: futures wait in virtual time; pools use a virtual work queue
import concurrent.futures
import concurrent.futures._base as _cf_base
import concurrent.futures.thread as _cf_thread
import queue as _queue_mod

_orig_future_init = _cf_base.Future.__init__


def _future_init(self):
    _orig_future_init(self)
    self._condition = _VCondition()


_cf_base.Future.__init__ = _future_init

_orig_waiter_init = _cf_base._Waiter.__init__


def _waiter_init(self):
    _orig_waiter_init(self)
    self.event = _VEvent()


_cf_base._Waiter.__init__ = _waiter_init


class _VWorkQueue:
    """Stands in for the SimpleQueue of a ThreadPoolExecutor: an idle worker waits
    for work in virtual time."""

    def __init__(self):
        self._items = deque()
        self._getters = deque()

    def put(self, item, block=True, timeout=None):
        self._items.append(item)
        while self._getters:
            g = self._getters.popleft()
            if g.state == "wait":
                S.wake(g)
                break

    put_nowait = put

    def get(self, block=True, timeout=None):
        while not self._items:
            if not block:
                raise _queue_mod.Empty
            me = S.cur()
            if me is None:
                _real_sleep(0.001)
                continue
            self._getters.append(me)
            S.block(me)
        return self._items.popleft()

    def get_nowait(self):
        return self.get(False)

    def empty(self):
        return not self._items

    def qsize(self):
        return len(self._items)


_orig_tpe_init = _cf_thread.ThreadPoolExecutor.__init__


def _tpe_init(self, *a, **kw):
    _orig_tpe_init(self, *a, **kw)
    self._work_queue = _VWorkQueue()


_cf_thread.ThreadPoolExecutor.__init__ = _tpe_init

# ---------------------------------------------------------------- the loop
import asyncio
import asyncio.unix_events as _unix_events
import selectors


class _VSelector:
    """The loop's selector: a wait of `timeout` seconds becomes a virtual wait that
    other managed threads (and call_soon_threadsafe) can cut short."""

    def __init__(self, real):
        self._real = real

    def select(self, timeout=None):
        me = S.cur()
        if me is None:
            return self._real.select(timeout)
        if timeout is not None and timeout <= 0:
            S.yield_(me)
            return self._real.select(0)
        ev = self._real.select(0)
        if ev:
            return ev
        with S.mu:
            S.select_waiter = me
        try:
            S.block(me, None if timeout is None else S.now + timeout)
        finally:
            S.select_waiter = None
        return self._real.select(0)

    def __getattr__(self, n):
        return getattr(self._real, n)


class _UnixSelectorEventLoop(_unix_events._UnixSelectorEventLoop):
    def __init__(self, selector=None):
        super().__init__(selector)
        self._selector = _VSelector(self._selector)

    def time(self):
        return S.now

    def _write_to_self(self):
        super()._write_to_self()
        w = S.select_waiter
        if w is not None and self._selector is not None:
            S.wake(w)


_UnixSelectorEventLoop.__module__ = "asyncio.unix_events"
_unix_events._UnixDefaultEventLoopPolicy._loop_factory = _UnixSelectorEventLoop
_unix_events.SelectorEventLoop = _UnixSelectorEventLoop
asyncio.SelectorEventLoop = _UnixSelectorEventLoop
del selectors


# ---------------------------------------------------------------- run the scenario
def _main():
    path = sys.argv[1]
    sys.argv = sys.argv[1:]
    sys.path[0] = os.path.dirname(os.path.abspath(path))
    try:
        with open(path, "rb") as f:
            src = f.read()
    except OSError as e:
        sys.stderr.write(f"{sys.executable}: can't open file {os.path.abspath(path)!r}: "
                         f"[Errno {e.errno}] {e.strerror}\n")
        raise SystemExit(2)
    mod = types.ModuleType("__main__")
    mod.__file__ = os.path.abspath(path)
    mod.__builtins__ = builtins
    mod.__cached__ = None
    mod.__loader__ = importlib.machinery.SourceFileLoader("__main__", os.path.abspath(path))
    sys.modules["__main__"] = mod
    try:
        code = compile(src, path, "exec")
        exec(code, mod.__dict__)
    except SystemExit:
        raise
    except BaseException as e:
        tb = e.__traceback__
        if tb is not None and tb.tb_frame.f_code is _main.__code__:
            tb = tb.tb_next
        e.__traceback__ = tb
        sys.last_exc = sys.last_value = e
        sys.last_type = type(e)
        sys.last_traceback = tb
        sys.excepthook(type(e), e, tb)
        del e, tb
        raise SystemExit(1)


_main()
