# The Python half of loopscope's threads: threading.Thread, the
# concurrent.futures executors and futures, and asyncio's bridges to them
# (loop.run_in_executor, asyncio.to_thread, wrap_future). Compiled into the
# asyncio module before asyncio_prelude.py, hidden from tracebacks; the names
# in _EXPORTS then move to the threading and concurrent.futures modules.
#
# Threads themselves are the simulator's (src/sim/threads.c): _thread_new
# starts one, _thread_block/_thread_wake are the one way a thread waits for
# another, and time.sleep() in a worker blocks that worker only. The
# behaviour follows CPython 3.12's threading and concurrent.futures where a
# program can see it: the order jobs start in, which worker runs them, when
# results reach the loop. Written for loopscope.

_PENDING = 'PENDING'
_RUNNING = 'RUNNING'
_CANCELLED = 'CANCELLED'
_CANCELLED_AND_NOTIFIED = 'CANCELLED_AND_NOTIFIED'
_FINISHED = 'FINISHED'


# ---- threading ------------------------------------------------------------

_thread_names = [0]          # threading's counter for "Thread-N"


class _Thread:
    """A thread of the simulation: runs target(*args, **kwargs) as a worker."""

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        if name is None:
            _thread_names[0] += 1
            name = "Thread-%d" % _thread_names[0]
            if target is not None:
                name += " (%s)" % getattr(target, "__name__", "?")
        self._target = target
        self._args = args
        self._kwargs = {} if kwargs is None else kwargs
        self._name = str(name)
        self._daemon = bool(daemon) if daemon is not None else _thread_current()._daemon
        self._handle = None
        self._joiners = []
        self._starter = None

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, value):
        self._name = str(value)

    @property
    def daemon(self):
        return self._daemon

    @daemon.setter
    def daemon(self, value):
        if self._handle is not None:
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemon = bool(value)

    @property
    def ident(self):
        return None if self._handle is None else _thread_ident(self)

    native_id = ident

    def is_alive(self):
        return self._handle is not None and _thread_alive(self._handle)

    def start(self):
        if self._handle is not None:
            raise RuntimeError("threads can only be started once")
        _all_threads.append(self)
        self._handle = _thread_new(_thread_bootstrap, (self,), self._name, self, False)
        # CPython's start() waits until the new thread has started; that
        # thread then runs on until it blocks (or its GIL turn ends)
        self._starter = _thread_self()
        _thread_block()

    def run(self):
        if self._target is not None:
            self._target(*self._args, **self._kwargs)  #@ threading.py:1010 run | self._target(*self._args, **self._kwargs)

    def join(self, timeout=None):
        if self._handle is None:
            raise RuntimeError("cannot join thread before it is started")
        if self is _thread_current():
            raise RuntimeError("cannot join current thread")
        while _thread_alive(self._handle):
            self._joiners.append(_thread_self())
            if not _thread_block(timeout) and timeout is not None:
                return

    def __repr__(self):
        status = "initial" if self._handle is None else "started" if self.is_alive() else "stopped"
        if self._daemon:
            status += " daemon"
        return "<%s(%s, %s)>" % (type(self).__name__, self._name, status)


class _MainThread(_Thread):
    def __init__(self):
        self._name = "MainThread"
        self._daemon = False
        self._handle = _thread_main()
        self._joiners = []

    def is_alive(self):
        return True


_Thread.__name__ = _Thread.__qualname__ = "Thread"
_MainThread.__name__ = _MainThread.__qualname__ = "_MainThread"
_main_thread = _MainThread()
_thread_set_main(_main_thread)
_all_threads = []


def _thread_ident(t):
    # stable, distinct, plausible: real idents are addresses
    if t is _main_thread:
        return 140000000000000
    return 140000000000000 + 8392704 * (_all_threads.index(t) + 1)


def _thread_bootstrap(t):
    starter, t._starter = t._starter, None
    if starter is not None:
        _thread_wake(starter)
    try:
        if t._target is not _pool_worker and t._target is not _initialized_worker:
            _worker_job(t._name)
        t.run()  #@ threading.py:1073 _bootstrap_inner | self.run()
        if t._target is not _pool_worker and t._target is not _initialized_worker:
            _worker_job(None)
    finally:
        joiners, t._joiners = t._joiners, []
        for j in joiners:
            _thread_wake(j)


def _current_thread():
    return _thread_current()


def _get_ident():
    return _thread_ident(_thread_current())


def _active_count():
    return 1 + sum(1 for t in _all_threads if t.is_alive())


class _TLock:
    """threading.Lock: a thread that finds it held waits until it is released."""

    def __init__(self):
        self._owner = None
        self._waiters = []

    def acquire(self, blocking=True, timeout=-1):
        me = _thread_self()
        while self._owner is not None:
            if not blocking:
                return False
            self._waiters.append(me)
            if not _thread_block(None if timeout < 0 else timeout):
                if me in self._waiters:
                    self._waiters.remove(me)
                return False
        self._owner = me
        return True

    def release(self):
        if self._owner is None:
            raise RuntimeError("release unlocked lock")
        self._owner = None
        if self._waiters:
            _thread_wake(self._waiters.pop(0))

    def locked(self):
        return self._owner is not None

    __enter__ = acquire

    def __exit__(self, *exc):
        self.release()


class _TEvent:
    """threading.Event: wait() blocks the calling thread until set()."""

    def __init__(self):
        self._flag = False
        self._waiters = []

    def is_set(self):
        return self._flag

    def set(self):
        self._flag = True
        waiters, self._waiters = self._waiters, []
        for w in waiters:
            _thread_wake(w)

    def clear(self):
        self._flag = False

    def wait(self, timeout=None):
        if not self._flag:
            me = _thread_self()
            self._waiters.append(me)
            if not _thread_block(timeout) and me in self._waiters:
                self._waiters.remove(me)
        return self._flag


class _TRLock(_TLock):
    """threading.RLock: the owning thread may take it again."""

    def __init__(self):
        super().__init__()
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        if self._owner is _thread_self():
            self._count += 1
            return True
        if not _TLock.acquire(self, blocking, timeout):
            return False
        self._count = 1
        return True

    __enter__ = acquire

    def release(self):
        if self._owner is not _thread_self():
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if self._count == 0:
            _TLock.release(self)


class _TCondition:
    """threading.Condition: wait() gives the lock up until notified."""

    def __init__(self, lock=None):
        self._lock = _TRLock() if lock is None else lock
        self._waiters = []
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *exc):
        return self._lock.__exit__(*exc)

    def _release_save(self):
        # give the lock up entirely (an RLock may be held several times)
        count = getattr(self._lock, '_count', 1)
        if hasattr(self._lock, '_count'):
            self._lock._count = 1
        self._lock.release()
        return count

    def _acquire_restore(self, count):
        self._lock.acquire()
        if hasattr(self._lock, '_count'):
            self._lock._count = count

    def wait(self, timeout=None):
        if self._lock._owner is not _thread_self():
            raise RuntimeError("cannot wait on un-acquired lock")
        me = _thread_self()
        self._waiters.append(me)
        saved = self._release_save()
        try:
            woken = _thread_block(timeout)
            if not woken and me in self._waiters:
                self._waiters.remove(me)
            return bool(woken) or timeout is None
        finally:
            self._acquire_restore(saved)

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        while not result:
            if not self.wait(timeout) and timeout is not None:
                return predicate()
            result = predicate()
        return result

    def notify(self, n=1):
        if self._lock._owner is not _thread_self():
            raise RuntimeError("cannot notify on un-acquired lock")
        for _ in range(min(n, len(self._waiters))):
            _thread_wake(self._waiters.pop(0))

    def notify_all(self):
        self.notify(len(self._waiters))


class _TSemaphore:
    """threading.Semaphore: acquire() waits while the counter is zero."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = _TCondition(_TLock())
        self._value = value

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        with self._cond:
            while self._value == 0:
                if not blocking:
                    return False
                if not self._cond.wait(timeout) and timeout is not None:
                    return False
            self._value -= 1
            return True

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            self._value += n
            self._cond.notify(n)

    def __exit__(self, *exc):
        self.release()


class _TBoundedSemaphore(_TSemaphore):
    """threading.BoundedSemaphore: releasing past the initial value is an error."""

    def __init__(self, value=1):
        super().__init__(value)
        self._initial_value = value

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            self._cond.notify(n)


class _TBrokenBarrierError(RuntimeError):
    """threading.BrokenBarrierError: the barrier was reset, aborted, or a
    wait on it timed out (or its action raised)."""

    __module__ = "threading"


_TBrokenBarrierError.__name__ = _TBrokenBarrierError.__qualname__ = "BrokenBarrierError"


class _BarrierCounts:
    """What threading.Barrier and asyncio.Barrier (asyncio_prelude.py)
    report of their state: _parties, _count and _phase (filling, draining,
    resetting, broken, as CPython names them)."""

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._count if self._phase == 'filling' else 0

    @property
    def broken(self):
        return self._phase == 'broken'


class _TBarrier(_BarrierCounts):
    """threading.Barrier: parties threads meet; the last to arrive runs the
    action, then all go on (wait() returns 0..parties-1 in arrival order).
    A wait that times out, or an action that raises, breaks it for all."""

    def __init__(self, parties, action=None, timeout=None):
        self._cond = _TCondition(_TLock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._phase = 'filling'
        self._count = 0

    def __repr__(self):
        if self.broken:
            return "<threading.Barrier at %#x: broken>" % id(self)
        return "<threading.Barrier at %#x: waiters=%d/%d>" % (id(self), self.n_waiting, self._parties)

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            # no newcomer while the previous round leaves or a reset finishes
            if not self._cond.wait_for(lambda: self._phase not in ('draining', 'resetting'), timeout):
                self._break()
                raise _TBrokenBarrierError
            if self._phase == 'broken':
                raise _TBrokenBarrierError
            arrival = self._count
            self._count += 1
            try:
                if arrival + 1 == self._parties:
                    if self._action is not None:
                        try:
                            self._action()
                        except BaseException:
                            self._break()
                            raise
                    self._phase = 'draining'
                    self._cond.notify_all()
                else:
                    if not self._cond.wait_for(lambda: self._phase != 'filling', timeout):
                        self._break()
                        raise _TBrokenBarrierError
                    if self._phase in ('broken', 'resetting'):
                        raise _TBrokenBarrierError
                return arrival
            finally:
                self._count -= 1
                if self._count == 0 and self._phase in ('draining', 'resetting'):
                    self._phase = 'filling'
                    self._cond.notify_all()

    def _break(self):
        self._phase = 'broken'
        self._cond.notify_all()

    def reset(self):
        with self._cond:
            if self._count > 0:
                if self._phase == 'filling':
                    self._phase = 'resetting'
                elif self._phase == 'broken':
                    self._phase = 'resetting'
            else:
                self._phase = 'filling'
            self._cond.notify_all()

    def abort(self):
        with self._cond:
            self._break()



_TBarrier.__name__ = _TBarrier.__qualname__ = "Barrier"


class _TLocal:
    """threading.local: each thread sees its own attributes."""

    def __init__(self):
        object.__setattr__(self, '_per_thread', {})

    def _own(self):
        return object.__getattribute__(self, '_per_thread').setdefault(_get_ident(), {})

    def __getattr__(self, name):
        d = self._own()
        if name in d:
            return d[name]
        raise AttributeError("'_thread._local' object has no attribute '%s'" % name)

    def __setattr__(self, name, value):
        self._own()[name] = value

    def __delattr__(self, name):
        d = self._own()
        if name not in d:
            raise AttributeError(name)
        del d[name]


_TLocal.__name__ = _TLocal.__qualname__ = "_local"
_TLocal.__module__ = "_thread"


class _TTimer(_Thread):
    """threading.Timer: calls function(*args) after interval seconds, unless cancelled."""

    def __init__(self, interval, function, args=None, kwargs=None):
        super().__init__()
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = _TEvent()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


_TCondition.__name__ = _TCondition.__qualname__ = "Condition"
_TSemaphore.__name__ = _TSemaphore.__qualname__ = "Semaphore"
_TBoundedSemaphore.__name__ = _TBoundedSemaphore.__qualname__ = "BoundedSemaphore"
_TTimer.__name__ = _TTimer.__qualname__ = "Timer"
_TLock.__name__ = _TLock.__qualname__ = "lock"
_TRLock.__name__ = _TRLock.__qualname__ = "RLock"
_TEvent.__name__ = _TEvent.__qualname__ = "Event"


# ---- concurrent.futures ---------------------------------------------------

class _CFError(Exception):
    """concurrent.futures.Error"""


class _CFCancelledError(_CFError):
    """The Future was cancelled."""


class _CFInvalidStateError(_CFError):
    """The operation is not allowed in this state."""


_CFError.__name__ = _CFError.__qualname__ = "Error"
_CFCancelledError.__name__ = _CFCancelledError.__qualname__ = "CancelledError"
_CFInvalidStateError.__name__ = _CFInvalidStateError.__qualname__ = "InvalidStateError"


class _CFuture:
    """concurrent.futures.Future: a result that another thread will set."""

    def __init__(self):
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._waiters = []
        self._done_callbacks = []

    def _settle(self):
        waiters, self._waiters = self._waiters, []
        for w in waiters:
            _thread_wake(w)
        for fn in self._done_callbacks:
            try:
                fn(self)
            except Exception:
                pass             # CPython logs these; the future is settled all the same
        self._done_callbacks = []

    def cancel(self):
        if self._state in (_RUNNING, _FINISHED):
            return False
        if self._state in (_CANCELLED, _CANCELLED_AND_NOTIFIED):
            return True
        self._state = _CANCELLED
        self._settle()
        return True

    def cancelled(self):
        return self._state in (_CANCELLED, _CANCELLED_AND_NOTIFIED)

    def running(self):
        return self._state == _RUNNING

    def done(self):
        return self._state in (_CANCELLED, _CANCELLED_AND_NOTIFIED, _FINISHED)

    def set_running_or_notify_cancel(self):
        if self._state == _CANCELLED:
            self._state = _CANCELLED_AND_NOTIFIED
            return False
        if self._state == _PENDING:
            self._state = _RUNNING
            return True
        raise RuntimeError('Future in unexpected state')

    def _wait(self, timeout):
        if not self.done():
            me = _thread_self()
            self._waiters.append(me)
            if not _thread_block(timeout) and me in self._waiters:
                self._waiters.remove(me)

    def result(self, timeout=None):
        # CPython's two paths, for the frames of _base.py tracebacks show
        if self.cancelled():
            raise _CFCancelledError()  #@ concurrent/futures/_base.py:447 result | raise CancelledError()
        if self._state == _FINISHED:
            return self._get_result()  #@ concurrent/futures/_base.py:449 result | return ^self.__get_result()^
        self._wait(timeout)
        if self.cancelled():
            raise _CFCancelledError()  #@ concurrent/futures/_base.py:454 result | raise CancelledError()
        if self._state != _FINISHED:
            raise TimeoutError()  #@ concurrent/futures/_base.py:458 result | raise TimeoutError()
        return self._get_result()  #@ concurrent/futures/_base.py:456 result | return ^self.__get_result()^

    def _get_result(self):
        if self._exception is not None:
            raise self._exception  #@ concurrent/futures/_base.py:401 __get_result | raise self._exception
        return self._result

    def exception(self, timeout=None):
        self._wait(timeout)
        if self.cancelled():
            raise _CFCancelledError()
        if self._state != _FINISHED:
            raise TimeoutError()
        return self._exception

    def add_done_callback(self, fn):
        if not self.done():
            self._done_callbacks.append(fn)
            return
        try:
            fn(self)
        except Exception:
            pass

    def set_result(self, result):
        if self._state in (_CANCELLED, _CANCELLED_AND_NOTIFIED, _FINISHED):
            raise _CFInvalidStateError('{}: {!r}'.format(self._state, self))
        self._result = result
        self._state = _FINISHED
        self._settle()

    def set_exception(self, exception):
        if self._state in (_CANCELLED, _CANCELLED_AND_NOTIFIED, _FINISHED):
            raise _CFInvalidStateError('{}: {!r}'.format(self._state, self))
        self._exception = exception
        self._state = _FINISHED
        self._settle()

    def __repr__(self):
        if self._state == _FINISHED:
            if self._exception is not None:
                return '<Future state=finished raised %s>' % type(self._exception).__name__
            return '<Future state=finished returned %s>' % type(self._result).__name__
        return '<Future state=%s>' % self._state.lower()


_CFuture.__name__ = _CFuture.__qualname__ = "Future"


class _WorkQueue:
    """The executor's queue of jobs: an idle worker waits in get()."""

    def __init__(self):
        self._items = []
        self._getters = []

    def put(self, item):
        self._items.append(item)
        if self._getters:
            _thread_wake(self._getters.pop(0))

    def get(self):
        while not self._items:
            self._getters.append(_thread_self())
            _thread_block()
        return self._items.pop(0)


def _run_work_item(item, charge_cpu):
    future, fn, args, kwargs = item
    if not future.set_running_or_notify_cancel():
        return
    _worker_job(_job_name(fn))
    start = _cpu_steps() if charge_cpu else 0
    try:
        result = fn(*args, **kwargs)  #@ concurrent/futures/thread.py:58 run | result = ^self.fn(*self.args, **self.kwargs)^
    except BaseException as exc:
        if charge_cpu:
            _cpu_charge(start)
        _worker_job(None, True)
        future.set_exception(exc)
    else:
        if charge_cpu:
            _cpu_charge(start)
        _worker_job(None)
        future.set_result(result)


def _job_name(fn):
    # the trace's words for a job: to_thread's wrapper names what it wraps
    inner = getattr(fn, '_loopscope_job', None)
    return inner if inner is not None else getattr(fn, '__qualname__', None) or repr(fn)


def _pool_worker(executor, queue):
    while True:
        item = queue.get()
        if item is not None:
            _run_work_item(item, executor._processes)
            item = None
            executor._idle += 1
            continue
        queue.put(None)          # shutting down: let the next worker see it too
        return


_executors = []
_executor_names = [0]


class _Executor:
    """concurrent.futures.Executor"""

    def submit(self, fn, /, *args, **kwargs):
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        fs = [self.submit(fn, *args) for args in zip(*iterables)]

        def results():
            for f in fs:
                yield f.result(timeout)
        return results()

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False


_Executor.__name__ = _Executor.__qualname__ = "Executor"


class _ThreadPoolExecutor(_Executor):
    """concurrent.futures.ThreadPoolExecutor: jobs run on up to max_workers
    worker threads, started one at a time as jobs find no idle worker."""

    _processes = False

    def __init__(self, max_workers=None, thread_name_prefix='', initializer=None, initargs=()):
        if max_workers is None:
            max_workers = _default_workers()
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        self._max_workers = max_workers
        self._work_queue = _WorkQueue()
        self._idle = 0
        self._threads = []
        self._shutdown = False
        if not thread_name_prefix:
            thread_name_prefix = "ThreadPoolExecutor-%d" % _executor_names[0]
            _executor_names[0] += 1
        self._thread_name_prefix = thread_name_prefix
        self._initializer = initializer
        self._initargs = initargs
        _executors.append(self)

    def submit(self, fn, /, *args, **kwargs):
        if self._shutdown:
            raise RuntimeError('cannot schedule new futures after shutdown')
        f = _CFuture()
        self._work_queue.put((f, fn, args, kwargs))
        self._adjust_thread_count()
        return f

    def _adjust_thread_count(self):
        if self._idle > 0:
            self._idle -= 1
            return
        n = len(self._threads)
        if n < self._max_workers:
            t = _Thread(name="%s_%d" % (self._thread_name_prefix, n), target=_pool_worker,
                        args=(self, self._work_queue))
            if self._initializer is not None:
                t._target = _initialized_worker
                t._args = (self, self._work_queue)
            t._handle = _thread_new(_thread_bootstrap, (t,), t._name, t, self._processes)
            _all_threads.append(t)
            self._threads.append(t)
            if not self._processes:   # Thread.start(): the worker runs until it blocks
                t._starter = _thread_self()
                _thread_block()

    def shutdown(self, wait=True, *, cancel_futures=False):
        self._shutdown = True
        if cancel_futures:
            items, self._work_queue._items = self._work_queue._items, []
            for item in items:
                if item is not None:
                    item[0].cancel()
        self._work_queue.put(None)
        if wait:
            for t in self._threads:
                t.join()


def _initialized_worker(executor, queue):
    executor._initializer(*executor._initargs)
    _pool_worker(executor, queue)


class _ProcessPoolExecutor(_ThreadPoolExecutor):
    """concurrent.futures.ProcessPoolExecutor: workers that share no GIL, so
    their computations overlap in (virtual) time."""

    _processes = True

    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(), *,
                 max_tasks_per_child=None):
        if max_workers is None:
            max_workers = _cpu_count()
        super().__init__(max_workers, "SpawnProcess", initializer, initargs)


_ThreadPoolExecutor.__name__ = _ThreadPoolExecutor.__qualname__ = "ThreadPoolExecutor"
_ProcessPoolExecutor.__name__ = _ProcessPoolExecutor.__qualname__ = "ProcessPoolExecutor"


def _cf_wait(fs, timeout=None, return_when='ALL_COMPLETED'):
    fs = set(fs)
    me = _thread_self()
    while True:
        done = {f for f in fs if f.done()}
        if (return_when == 'FIRST_COMPLETED' and done) or len(done) == len(fs) or (
                return_when == 'FIRST_EXCEPTION' and any(
                    not f.cancelled() and f.exception() is not None for f in done)):
            return _DoneAndNotDone(done, fs - done)
        for f in fs - done:
            f._waiters.append(me)
        woken = _thread_block(timeout)
        for f in fs - done:
            if me in f._waiters:
                f._waiters.remove(me)
        if not woken and timeout is not None:
            done = {f for f in fs if f.done()}
            return _DoneAndNotDone(done, fs - done)


class _DoneAndNotDone:
    # concurrent.futures.wait's named pair (done, not_done)
    def __init__(self, done, not_done):
        self.done = done
        self.not_done = not_done

    def __iter__(self):
        return iter((self.done, self.not_done))

    def __getitem__(self, i):
        return (self.done, self.not_done)[i]

    def __len__(self):
        return 2

    def __repr__(self):
        return "DoneAndNotDoneFutures(done=%r, not_done=%r)" % (self.done, self.not_done)


def _cf_as_completed(fs, timeout=None):
    pending = list(fs)
    while pending:
        for f in pending:
            if f.done():
                pending.remove(f)
                yield f
                break
        else:
            me = _thread_self()
            for f in pending:
                f._waiters.append(me)
            woken = _thread_block(timeout)
            for f in pending:
                if me in f._waiters:
                    f._waiters.remove(me)
            if not woken and timeout is not None:
                raise TimeoutError("%d (of %d) futures unfinished" % (len(pending), len(fs)))


# ---- asyncio's side -------------------------------------------------------

_default_executor = [None]     # the running loop's (asyncio.run makes one loop at a time)


def _run_in_executor(self, executor, func, *args):
    if executor is None:
        executor = _default_executor[0]
        if executor is None:
            executor = _ThreadPoolExecutor(thread_name_prefix='asyncio')
            _default_executor[0] = executor
    return wrap_future(executor.submit(func, *args), loop=self)


_run_in_executor.__name__ = "run_in_executor"
_run_in_executor.__qualname__ = "BaseEventLoop.run_in_executor"


def _set_default_executor(self, executor):
    if not isinstance(executor, _ThreadPoolExecutor):
        raise TypeError('executor must be ThreadPoolExecutor')
    _default_executor[0] = executor


async def _shutdown_default_executor(timeout=None):
    # the loop's shutdown_default_executor(): a task even with no executor
    executor = _default_executor[0]
    if executor is None:
        return
    loop = get_running_loop()
    future = loop.create_future()

    def _do_shutdown():
        executor.shutdown(wait=True)
        loop.call_soon_threadsafe(_set_result_unless_cancelled, future, None)

    t = _Thread(target=_do_shutdown)
    t.start()
    try:
        await future
    finally:
        t.join()
        _default_executor[0] = None


def _convert_future_exc(exc):
    if isinstance(exc, _CFCancelledError):
        return CancelledError(*exc.args)
    if isinstance(exc, _CFInvalidStateError):
        return InvalidStateError(*exc.args)
    return exc


def _copy_future_state(source, dest):
    if dest.cancelled():
        return
    if source.cancelled():
        dest.cancel()
        return
    exception = source.exception()
    if exception is not None:
        dest.set_exception(_convert_future_exc(exception))
    else:
        dest.set_result(source.result())


def _set_concurrent_future_state(concurrent, source):
    if source.cancelled():
        concurrent.cancel()
    if not concurrent.set_running_or_notify_cancel():
        return
    exception = source.exception()
    if exception is not None:
        concurrent.set_exception(exception)
    else:
        concurrent.set_result(source.result())


def _chain_future(source, destination):
    # Either side may be an asyncio future (of the loop) or a
    # concurrent.futures one (of no loop): results cross to a loop through
    # call_soon_threadsafe, as the other side may be another thread.
    source_loop = source.get_loop() if isinstance(source, Future) else None
    dest_loop = destination.get_loop() if isinstance(destination, Future) else None

    def _set_state(future, other):
        if isinstance(future, Future):
            _copy_future_state(other, future)
        else:
            _set_concurrent_future_state(future, other)

    def _call_check_cancel(destination):  #@ asyncio/futures.py:387 _call_check_cancel | def _call_check_cancel(destination):
        if destination.cancelled():
            if source_loop is None or source_loop is dest_loop:
                source.cancel()
            else:
                source_loop.call_soon_threadsafe(source.cancel)

    def _call_set_state(source):
        if destination.cancelled() and dest_loop is not None and dest_loop.is_closed():
            return
        if dest_loop is None or dest_loop is source_loop:
            _set_state(destination, source)
        elif not dest_loop.is_closed():
            dest_loop.call_soon_threadsafe(_set_state, destination, source)

    destination.add_done_callback(_call_check_cancel)
    source.add_done_callback(_call_set_state)


def run_coroutine_threadsafe(coro, loop):
    """Submit a coroutine to the loop from another thread; returns a
    concurrent.futures.Future for its result."""
    if not _is_coroutine(coro):
        raise TypeError('A coroutine object is required')
    future = _CFuture()

    def callback():
        try:
            _chain_future(loop.create_task(coro), future)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            if future.set_running_or_notify_cancel():
                future.set_exception(exc)
            raise

    loop.call_soon_threadsafe(callback)
    return future


def wrap_future(future, *, loop=None):
    """Wrap a concurrent.futures.Future in an asyncio Future of the loop."""
    if isinstance(future, Future):
        return future
    if not isinstance(future, _CFuture):
        raise TypeError('concurrent.futures.Future is expected, got {!r}'.format(future))
    if loop is None:
        loop = get_running_loop()
    new_future = loop.create_future()
    _chain_future(future, new_future)
    return new_future


async def to_thread(func, /, *args, **kwargs):  #@ asyncio/threads.py:12 to_thread | async def to_thread(func, /, *args, **kwargs):
    """Run func(*args, **kwargs) on a worker thread of the default executor."""
    loop = get_running_loop()
    ctx = _copy_context()

    def func_call():
        # in a copy of the caller's context, as ctx.run(func, ...) would
        # run it; swapped in, not nested under a native, so the thread can
        # still block inside func
        saved = _ctx_swap(ctx)
        try:
            return func(*args, **kwargs)
        finally:
            _ctx_swap(saved)
    func_call._loopscope_job = getattr(func, '__qualname__', None) or repr(func)
    return await loop.run_in_executor(None, func_call)  #@ asyncio/threads.py:25 to_thread | return ^await loop.run_in_executor(None, func_call)^


def _at_exit():
    # CPython's interpreter shutdown: executors finish their queued jobs,
    # then every thread that is not a daemon is joined.
    for ex in _executors:
        ex._shutdown = True
        ex._work_queue.put(None)
    for ex in _executors:
        for t in ex._threads:
            t.join()
    for t in _all_threads:
        if not t._daemon:
            t.join()


_EXPORTS = {
    "threading": {
        "Thread": _Thread, "current_thread": _current_thread, "main_thread": lambda: _main_thread,
        "get_ident": _get_ident, "get_native_id": _get_ident, "active_count": _active_count,
        "Lock": _TLock, "RLock": _TRLock, "Event": _TEvent, "Condition": _TCondition,
        "Semaphore": _TSemaphore, "BoundedSemaphore": _TBoundedSemaphore, "Timer": _TTimer,
        "Barrier": _TBarrier, "BrokenBarrierError": _TBrokenBarrierError, "local": _TLocal,
    },
    "concurrent.futures": {
        "Future": _CFuture, "Executor": _Executor, "ThreadPoolExecutor": _ThreadPoolExecutor,
        "ProcessPoolExecutor": _ProcessPoolExecutor, "wait": _cf_wait, "as_completed": _cf_as_completed,
        "CancelledError": _CFCancelledError, "InvalidStateError": _CFInvalidStateError,
        "TimeoutError": TimeoutError, "Error": _CFError,
        "FIRST_COMPLETED": 'FIRST_COMPLETED', "FIRST_EXCEPTION": 'FIRST_EXCEPTION',
        "ALL_COMPLETED": 'ALL_COMPLETED',
    },
}


_shutdown_default_executor.__qualname__ = "BaseEventLoop.shutdown_default_executor"
