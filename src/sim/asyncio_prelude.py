# The parts of loopscope's asyncio written in Python, on top of the C event
# loop, futures and tasks (src/sim/asyncio.c). Compiled by loopscope's own
# front end into the asyncio module when a program starts; its frames are
# left out of tracebacks. Written for loopscope; the behaviour follows
# CPython 3.12's asyncio.
#
# Waiters queue up in deques, as in CPython: a woken waiter leaves from the
# head, which a list would pay for with a shift of everyone behind it.

from collections import deque as _deque


async def sleep(delay, result=None):  #@ asyncio/tasks.py:653 sleep | async def sleep(delay, result=None):
    """Suspend the calling task for `delay` seconds of virtual time."""
    if delay <= 0:  #@ asyncio/tasks.py:655 sleep | if ^delay <= 0^:
        await _yield_once()  #@ asyncio/tasks.py:656 sleep | await __sleep0()
        return result
    loop = get_running_loop()
    future = loop.create_future()
    timer = loop.call_later(delay, _set_result_unless_cancelled, future, result)
    try:
        return await future  #@ asyncio/tasks.py:665 sleep | return ^await future^
    finally:
        timer.cancel()


class QueueEmpty(Exception):
    """Raised by Queue.get_nowait() when the queue has no item."""

    __module__ = "asyncio.queues"


class QueueFull(Exception):
    """Raised by Queue.put_nowait() when the queue has no room."""

    __module__ = "asyncio.queues"


def _repr_extra(obj, extra, waiters):
    # the locks' reprs: "<asyncio.locks.Lock object at 0x... [locked, waiters:1]>"
    if waiters:
        extra += ', waiters:%d' % len(waiters)
    return '<%s.%s object at %#x [%s]>' % (type(obj).__module__, type(obj).__qualname__, id(obj), extra)


def _wake_first(waiters, value=True):
    # Resolve the first waiter that is still pending; it resumes next iteration.
    for fut in waiters:
        if not fut.done():
            fut.set_result(value)
            return True
    return False


class Event:
    """A flag tasks can wait for; set() wakes every waiter, in order."""

    __module__ = "asyncio.locks"

    def __repr__(self):
        return _repr_extra(self, 'set' if self._value else 'unset', self._waiters)

    def __init__(self):
        self._waiters = _deque()
        self._value = False

    def is_set(self):
        return self._value

    def set(self):
        if not self._value:
            self._value = True
            for fut in self._waiters:
                if not fut.done():
                    fut.set_result(True)

    def clear(self):
        self._value = False

    async def wait(self):  #@ asyncio/locks.py:199 wait | async def wait(self):
        if self._value:
            return True
        fut = get_running_loop().create_future()
        self._waiters.append(fut)
        try:
            await fut  #@ asyncio/locks.py:212 wait | await fut
            return True
        finally:
            self._waiters.remove(fut)


class Lock:
    """A mutual-exclusion lock: waiters are served first come, first served,
    and a newcomer never overtakes a waiter that was already woken."""

    __module__ = "asyncio.locks"

    def __repr__(self):
        return _repr_extra(self, 'locked' if self._locked else 'unlocked', self._waiters)

    def __init__(self):
        self._waiters = _deque()
        self._locked = False

    def locked(self):
        return self._locked

    async def acquire(self):  #@ asyncio/locks.py:92 acquire | async def acquire(self):
        if not self._locked and all(w.cancelled() for w in self._waiters):
            self._locked = True
            return True
        fut = get_running_loop().create_future()
        self._waiters.append(fut)
        try:
            try:
                await fut  #@ asyncio/locks.py:113 acquire | await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not self._locked:
                _wake_first(self._waiters)
            raise
        self._locked = True
        return True

    def release(self):
        if not self._locked:
            raise RuntimeError('Lock is not acquired.')  #@ asyncio/locks.py:139 release | raise RuntimeError('Lock is not acquired.')
        self._locked = False
        _wake_first(self._waiters)

    async def __aenter__(self):
        await self.acquire()  #@ asyncio/locks.py:14 __aenter__ | await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class Semaphore:
    """A counter of free units; release() hands a unit straight to the first
    waiter, so newcomers cannot take it first."""

    __module__ = "asyncio.locks"

    def __repr__(self):
        extra = 'locked' if self.locked() else 'unlocked, value:%d' % self._value
        return _repr_extra(self, extra, self._waiters)

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("Semaphore initial value must be >= 0")  #@ asyncio/locks.py:347 __init__ | raise ValueError("Semaphore initial value must be >= 0")
        self._waiters = _deque()
        self._value = value

    def locked(self):
        return self._value == 0 or any(not w.cancelled() for w in self._waiters)

    async def acquire(self):  #@ asyncio/locks.py:363 acquire | async def acquire(self):
        if not self.locked():
            self._value -= 1
            return True
        fut = get_running_loop().create_future()
        self._waiters.append(fut)
        try:
            try:
                await fut  #@ asyncio/locks.py:386 acquire | await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if fut.done() and not fut.cancelled():
                # the unit was handed over: give it back
                self._value += 1
            raise
        finally:
            # as many waiters as there are free units go next, in order
            while self._value > 0:
                if not self._wake_next():
                    break
        return True

    def _wake_next(self):
        for fut in self._waiters:
            if not fut.done():
                self._value -= 1
                fut.set_result(True)
                return True
        return False

    def release(self):
        self._value += 1
        self._wake_next()

    async def __aenter__(self):
        await self.acquire()  #@ asyncio/locks.py:14 __aenter__ | await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A Semaphore that refuses to be released above its initial value."""

    __module__ = "asyncio.locks"

    def __init__(self, value=1):
        self._bound_value = value
        super().__init__(value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError('BoundedSemaphore released too many times')  #@ asyncio/locks.py:433 release | raise ValueError('BoundedSemaphore released too many times')
        super().release()


class Queue:
    """A first-in first-out queue for tasks. A woken getter checks again and
    goes to the back of the line if someone else took the item first."""

    __module__ = "asyncio.queues"

    def __repr__(self):
        return '<%s at %#x %s>' % (type(self).__name__, id(self), self._format())

    def __str__(self):
        return '<%s %s>' % (type(self).__name__, self._format())

    def __class_getitem__(cls, params):  # Queue[int] in annotations
        return _import('types').GenericAlias(cls, params)

    def _format(self):
        result = 'maxsize=%r' % (self._maxsize,)
        if self._queue:
            result += ' _queue=%r' % (list(self._queue),)
        if self._getters:
            result += ' _getters[%d]' % len(self._getters)
        if self._putters:
            result += ' _putters[%d]' % len(self._putters)
        if self._unfinished_tasks:
            result += ' tasks=%d' % self._unfinished_tasks
        return result

    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._getters = _deque()
        self._putters = _deque()
        self._unfinished_tasks = 0
        self._finished = Event()
        self._finished.set()
        self._init(maxsize)

    def _init(self, maxsize):
        self._queue = _deque()

    def _get(self):
        return self._queue.popleft()

    def _put(self, item):
        self._queue.append(item)

    @property
    def maxsize(self):
        return self._maxsize

    def qsize(self):
        return len(self._queue)

    def empty(self):
        return not self._queue

    def full(self):
        if self._maxsize <= 0:
            return False
        return self.qsize() >= self._maxsize

    def _wakeup_next(self, waiters):
        while waiters:
            waiter = waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                break

    async def put(self, item):  #@ asyncio/queues.py:110 put | async def put(self, item):
        while self.full():
            putter = get_running_loop().create_future()
            self._putters.append(putter)
            try:
                await putter  #@ asyncio/queues.py:120 put | await putter
            except:
                putter.cancel()
                try:
                    self._putters.remove(putter)
                except ValueError:
                    pass
                if not self.full() and not putter.cancelled():
                    self._wakeup_next(self._putters)
                raise
        return self.put_nowait(item)

    def put_nowait(self, item):
        if self.full():
            raise QueueFull  #@ asyncio/queues.py:143 put_nowait | raise QueueFull
        self._put(item)
        self._unfinished_tasks += 1
        self._finished.clear()
        self._wakeup_next(self._getters)

    async def get(self):  #@ asyncio/queues.py:149 get | async def get(self):
        while self.empty():
            getter = get_running_loop().create_future()
            self._getters.append(getter)
            try:
                await getter  #@ asyncio/queues.py:158 get | await getter
            except:
                getter.cancel()
                try:
                    self._getters.remove(getter)
                except ValueError:
                    pass
                if not self.empty() and not getter.cancelled():
                    self._wakeup_next(self._getters)
                raise
        return self.get_nowait()

    def get_nowait(self):
        if self.empty():
            raise QueueEmpty  #@ asyncio/queues.py:181 get_nowait | raise QueueEmpty
        item = self._get()
        self._wakeup_next(self._putters)
        return item

    def task_done(self):
        if self._unfinished_tasks <= 0:
            raise ValueError('task_done() called too many times')  #@ asyncio/queues.py:201 task_done | raise ValueError('task_done() called too many times')
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            self._finished.set()

    async def join(self):  #@ asyncio/queues.py:206 join | async def join(self):
        if self._unfinished_tasks > 0:
            await self._finished.wait()  #@ asyncio/queues.py:215 join | await self._finished.wait()


class LifoQueue(Queue):
    """A queue that hands out the most recently added item first."""

    __module__ = "asyncio.queues"

    def _init(self, maxsize):
        self._queue = []

    def _get(self):
        return self._queue.pop()


class PriorityQueue(Queue):
    """A queue that hands out the smallest item first: a heap kept by the
    heapq module (heapq_prelude.py), as CPython's is."""

    __module__ = "asyncio.queues"

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        _import('heapq').heappush(self._queue, item)

    def _get(self):
        return _import('heapq').heappop(self._queue)


class Timeout:
    """The context manager behind timeout() and timeout_at(): when the
    deadline passes, it cancels the task it was entered in, and turns the
    resulting CancelledError into TimeoutError on the way out."""

    __module__ = "asyncio.timeouts"

    def __init__(self, when):
        self._when = when
        self._phase = "created"      # created, active, expiring, expired, finished
        self._timer = None
        self._task = None
        self._cancelling = 0

    def when(self):
        return self._when

    def expired(self):
        return self._phase in ("expiring", "expired")

    def reschedule(self, when):
        if self._phase != "active":
            if self._phase == "created":
                raise RuntimeError("Timeout has not been entered")
            raise RuntimeError(f"Cannot change state of {self._phase} Timeout")
        self._when = when
        if self._timer is not None:
            self._timer.cancel()
        if when is None:
            self._timer = None
            return
        loop = get_running_loop()
        if when <= loop.time():
            self._timer = loop.call_soon(self._on_timeout)
        else:
            self._timer = loop.call_at(when, self._on_timeout)

    def _on_timeout(self):
        self._task.cancel()
        self._phase = "expiring"
        self._timer = None

    async def __aenter__(self):
        if self._phase != "created":
            raise RuntimeError("Timeout has already been entered")
        task = current_task()
        if task is None:
            raise RuntimeError("Timeout should be used inside a task")
        self._phase = "active"
        self._task = task
        self._cancelling = task.cancelling()
        self.reschedule(self._when)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self._phase == "expiring":
            self._phase = "expired"
            if self._task.uncancel() <= self._cancelling and exc_type is CancelledError:
                raise TimeoutError from exc  #@ asyncio/timeouts.py:115 __aexit__ | raise TimeoutError from exc_val
        elif self._phase == "active":
            self._phase = "finished"
        return None

    def __repr__(self):
        if self._phase == "active":
            return f"<Timeout [active] when={self._when}>"
        return f"<Timeout [{self._phase}]>"


def timeout(delay):
    """Cancel the enclosed block after `delay` seconds (None: never)."""
    loop = get_running_loop()
    return Timeout(loop.time() + delay if delay is not None else None)


def timeout_at(when):
    """Cancel the enclosed block at loop time `when` (None: never)."""
    return Timeout(when)


async def _cancel_and_wait(fut):
    done = get_running_loop().create_future()

    def release(_):
        if not done.done():
            done.set_result(None)

    fut.add_done_callback(release)
    try:
        fut.cancel()
        await done
    finally:
        fut.remove_done_callback(release)


async def wait_for(fut, timeout):  #@ asyncio/tasks.py:472 wait_for | async def wait_for(fut, timeout):
    """Wait for `fut` at most `timeout` seconds; then cancel it and raise
    TimeoutError."""
    if timeout is not None and timeout <= 0:
        fut = ensure_future(fut)
        if fut.done():
            return fut.result()  #@ asyncio/tasks.py:511 wait_for | return ^fut.result()^
        await _cancel_and_wait(fut)
        try:
            return fut.result()  #@ asyncio/tasks.py:515 wait_for | return ^fut.result()^
        except CancelledError as exc:
            raise TimeoutError from exc  #@ asyncio/tasks.py:517 wait_for | raise TimeoutError from exc
    async with Timeout(get_running_loop().time() + timeout if timeout is not None else None):  #@ asyncio/tasks.py:519 wait_for | async with timeouts.timeout(timeout):
        return await fut  #@ asyncio/tasks.py:520 wait_for | return ^await fut^


class TaskGroup:
    """Run tasks together: the block waits for all of them; the first one to
    fail cancels the others and the block, and the errors come out as an
    ExceptionGroup. (CPython cancels the others in an order that depends on
    memory addresses; loopscope cancels them in the order they were created.)"""

    __module__ = "asyncio.taskgroups"

    def __init__(self):
        self._entered = False
        self._exiting = False
        self._aborting = False
        self._parent_task = None
        self._parent_cancel_requested = False
        # a set in CPython; a dict here, to keep creation order (see above)
        # with the same O(1) adding and discarding
        self._tasks = {}
        self._errors = []
        self._base_error = None
        self._on_completed = None
        self._on_done = None

    def __repr__(self):
        info = ['']
        if self._tasks:
            info.append(f'tasks={len(self._tasks)}')
        if self._errors:
            info.append(f'errors={len(self._errors)}')
        if self._aborting:
            info.append('cancelling')
        elif self._entered:
            info.append('entered')
        return f'<TaskGroup{" ".join(info)}>'

    async def __aenter__(self):
        if self._entered:
            raise RuntimeError(f"TaskGroup {self!r} has already been entered")
        self._parent_task = current_task()
        if self._parent_task is None:
            raise RuntimeError(f'TaskGroup {self!r} cannot determine the parent task')
        self._entered = True
        return self

    async def __aexit__(self, et, exc, tb):
        self._exiting = True
        if exc is not None and _is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        propagate_cancellation = None
        if et is CancelledError:
            propagate_cancellation = exc
        if self._parent_cancel_requested:
            if self._parent_task.uncancel() == 0:
                propagate_cancellation = None
        if et is not None and not self._aborting:
            self._abort()
        while self._tasks:
            if self._on_completed is None:
                self._on_completed = get_running_loop().create_future()
            try:
                await self._on_completed
            except CancelledError as e:
                if not self._aborting:
                    propagate_cancellation = e
                    self._abort()
            self._on_completed = None
        if self._base_error is not None:
            raise self._base_error
        if propagate_cancellation is not None and not self._errors:
            raise propagate_cancellation
        if et is not None and et is not CancelledError:
            self._errors.append(exc)
        if self._errors:
            try:
                raise BaseExceptionGroup('unhandled errors in a TaskGroup', self._errors) from None  #@ asyncio/taskgroups.py:145 __aexit__ | raise me from None
            finally:
                self._errors = None

    def create_task(self, coro, *, name=None, context=None):
        if not self._entered:
            raise RuntimeError(f"TaskGroup {self!r} has not been entered")  #@ asyncio/taskgroups.py:155 create_task | raise RuntimeError(f"TaskGroup {self!r} has not been entered")
        if self._exiting and not self._tasks:
            raise RuntimeError(f"TaskGroup {self!r} is finished")  #@ asyncio/taskgroups.py:157 create_task | raise RuntimeError(f"TaskGroup {self!r} is finished")
        if self._aborting:
            raise RuntimeError(f"TaskGroup {self!r} is shutting down")  #@ asyncio/taskgroups.py:159 create_task | raise RuntimeError(f"TaskGroup {self!r} is shutting down")
        task = create_task(coro, context=context)
        if name is not None:
            task.set_name(name)
        if task.done():
            self._on_task_done(task)
        else:
            self._tasks[task] = None
            # one bound method for all its tasks: 50,000 tasks, 50,000 fewer objects
            if self._on_done is None:
                self._on_done = self._on_task_done
            task.add_done_callback(self._on_done)
        return task

    def _abort(self):
        self._aborting = True
        for t in self._tasks:
            if not t.done():
                t.cancel()

    def _on_task_done(self, task):
        self._tasks.pop(task, None)
        if self._on_completed is not None and not self._tasks:
            if not self._on_completed.done():
                self._on_completed.set_result(True)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            return
        self._errors.append(exc)
        if _is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        if self._parent_task.done():
            return
        if not self._aborting and not self._parent_cancel_requested:
            self._abort()
            self._parent_cancel_requested = True
            self._parent_task.cancel()


def _is_base_error(exc):
    return isinstance(exc, (SystemExit, KeyboardInterrupt))




def shield(arg):
    """Protect an awaitable from cancellation: cancelling the caller does not
    cancel `arg`."""
    inner = ensure_future(arg)
    if inner.done():
        return inner
    loop = get_running_loop()
    outer = loop.create_future()

    def inner_done(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def outer_done(outer):
        if not inner.done():
            inner.remove_done_callback(inner_done)

    inner.add_done_callback(inner_done)
    outer.add_done_callback(outer_done)
    return outer


FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'


def _is_coroutine(obj):
    return type(obj).__name__ == 'coroutine'


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):  #@ asyncio/tasks.py:435 wait | async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    """Wait until the futures or tasks in `fs` meet `return_when` (or the
    timeout passes); returns the sets (done, pending)."""
    if isinstance(fs, Future) or _is_coroutine(fs):
        raise TypeError(f"expect a list of futures, not {type(fs).__name__}")
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')
    fs = set(fs)
    if any(_is_coroutine(f) for f in fs):
        raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")
    loop = get_running_loop()
    waiter = loop.create_future()
    timer = None
    if timeout is not None:
        timer = loop.call_later(timeout, _set_result_unless_cancelled, waiter, None)
    remaining = len(fs)

    def one_done(f):
        nonlocal remaining
        remaining -= 1
        failed = return_when == FIRST_EXCEPTION and not f.cancelled() and f.exception() is not None
        if remaining <= 0 or return_when == FIRST_COMPLETED or failed:
            if timer is not None:
                timer.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(one_done)
    try:
        await waiter  #@ asyncio/tasks.py:464 wait | return ^await _wait(fs, timeout, return_when, loop)^
    finally:
        if timer is not None:
            timer.cancel()
        for f in fs:
            f.remove_done_callback(one_done)
    done, pending = set(), set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


def as_completed(fs, *, timeout=None):
    """Yield awaitables that give the results of `fs` in the order they
    finish. (The order in which CPython starts waiting depends on memory
    addresses; loopscope's is deterministic.)"""
    if isinstance(fs, Future) or _is_coroutine(fs):
        raise TypeError(f"expect an iterable of futures, not {type(fs).__name__}")
    finished = Queue()
    loop = get_running_loop()
    todo = [ensure_future(f) for f in set(fs)]
    timer = None

    def expire():
        for f in todo:
            f.remove_done_callback(one_done)
            finished.put_nowait(None)
        todo.clear()

    def one_done(f):
        if not todo:
            return
        todo.remove(f)
        finished.put_nowait(f)
        if not todo and timer is not None:
            timer.cancel()

    async def _wait_for_one():
        f = await finished.get()
        if f is None:
            raise TimeoutError  #@ asyncio/tasks.py:629 _wait_for_one | raise exceptions.TimeoutError
        return f.result()  #@ asyncio/tasks.py:631 _wait_for_one | return ^f.result()^  # May raise f.exception().

    for f in todo:
        f.add_done_callback(one_done)
    if todo and timeout is not None:
        timer = loop.call_later(timeout, expire)
    for _ in range(len(todo)):
        yield _wait_for_one()


class Condition:
    """Wait until notified, holding a lock around it: wait() gives the lock
    up while waiting and takes it back (first come, first served) before it
    returns, even when cancelled."""

    __module__ = "asyncio.locks"

    def __repr__(self):
        return _repr_extra(self, 'locked' if self.locked() else 'unlocked', self._waiters)

    def __init__(self, lock=None):
        self._lock = Lock() if lock is None else lock
        self._waiters = _deque()

    def locked(self):
        return self._lock.locked()

    async def acquire(self):
        return await self._lock.acquire()

    def release(self):
        self._lock.release()

    async def __aenter__(self):
        await self._lock.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self._lock.release()

    async def wait(self):  #@ asyncio/locks.py:247 wait | async def wait(self):
        if not self.locked():
            raise RuntimeError('cannot wait on un-acquired lock')
        self.release()
        try:
            fut = get_running_loop().create_future()
            self._waiters.append(fut)
            try:
                await fut  #@ asyncio/locks.py:266 wait | await fut
                return True
            finally:
                self._waiters.remove(fut)
        finally:
            # the lock comes back before anything else, a cancellation included
            postponed = None
            while True:
                try:
                    await self.acquire()  #@ asyncio/locks.py:276 wait | await self.acquire()
                    break
                except CancelledError as e:
                    postponed = e
            if postponed is not None:
                try:
                    raise postponed
                finally:
                    postponed = None

    async def wait_for(self, predicate):  #@ asyncio/locks.py:284 wait_for | async def wait_for(self, predicate):
        result = predicate()
        while not result:
            await self.wait()  #@ asyncio/locks.py:293 wait_for | await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        if not self.locked():
            raise RuntimeError('cannot notify on un-acquired lock')  #@ asyncio/locks.py:310 notify | raise RuntimeError('cannot notify on un-acquired lock')
        woken = 0
        for fut in self._waiters:
            if woken >= n:
                break
            if not fut.done():
                woken += 1
                fut.set_result(False)

    def notify_all(self):
        self.notify(len(self._waiters))


class BrokenBarrierError(RuntimeError):
    """A Barrier was aborted or reset while tasks waited on it."""

    __module__ = "asyncio.exceptions"


class Barrier(_BarrierCounts):
    """parties tasks meet: each wait() blocks until the last of them arrives,
    then all go on together (returning 0..parties-1 in arrival order), and
    the barrier fills again once all of them have left. Its phases, as
    CPython names them: filling, draining, resetting, broken. All the
    waiting is on one Condition, so tasks resume in CPython's order."""

    __module__ = "asyncio.locks"

    def __init__(self, parties):
        if parties < 1:
            raise ValueError('parties must be > 0')
        self._cond = Condition()
        self._parties = parties
        self._phase = 'filling'
        self._count = 0

    def __repr__(self):
        extra = self._phase
        if not self.broken:
            extra += ', waiters:%d/%d' % (self.n_waiting, self._parties)
        return '<%s.%s object at %#x [%s]>' % (type(self).__module__, type(self).__qualname__, id(self), extra)

    async def __aenter__(self):
        return await self.wait()

    async def __aexit__(self, *exc_info):
        pass

    async def wait(self):
        async with self._cond:
            # a barrier still letting the previous round out (or being
            # reset) takes no newcomer until that is over
            await self._cond.wait_for(lambda: self._phase not in ('draining', 'resetting'))
            if self._phase == 'broken':
                raise BrokenBarrierError("Barrier aborted")
            arrival = self._count
            self._count += 1
            try:
                if arrival + 1 == self._parties:
                    self._phase = 'draining'       # the last one: everybody goes
                    self._cond.notify_all()
                else:
                    await self._cond.wait_for(lambda: self._phase != 'filling')
                    if self._phase in ('broken', 'resetting'):
                        raise BrokenBarrierError("Abort or reset of barrier")
                return arrival
            finally:
                self._count -= 1
                if self._count == 0:               # the last one out refills it
                    if self._phase in ('draining', 'resetting'):
                        self._phase = 'filling'
                    self._cond.notify_all()

    async def reset(self):
        async with self._cond:
            if self._count == 0:
                self._phase = 'filling'
            elif self._phase != 'resetting':
                self._phase = 'resetting'
            self._cond.notify_all()

    async def abort(self):
        async with self._cond:
            self._phase = 'broken'
            self._cond.notify_all()



# ---- async generators: the loop's hooks -----------------------------------
# asyncio.run installs these with sys.set_asyncgen_hooks: every async
# generator the program starts is remembered, so that the loop can close
# the ones still suspended when it shuts down; one that becomes garbage
# while the loop runs is closed in a task of its own.

# The loop's async generators are held weakly (in C, as CPython's WeakSet):
# one the program lets go of is finalized by the collector, through the
# finalizer hook below.

def _asyncgen_firstiter(agen):
    _asyncgens_add(agen)


def _asyncgen_finalizer(agen):
    _asyncgens_forget(agen)
    loop = get_running_loop()
    if not loop.is_closed():
        # (CPython's Task runs aclose()'s awaitable itself; ours wraps it)
        loop.call_soon(loop.create_task, _wrap_awaitable(agen.aclose()))


async def _wrap_awaitable(aw):
    return await aw


_wrap_awaitable.__qualname__ = "ensure_future.<locals>._wrap_awaitable"


async def _shutdown_asyncgens():  # the loop's shutdown_asyncgens()
    closing = _asyncgens_take()
    if not closing:
        return
    results = await gather(*[_wrap_awaitable(ag.aclose()) for ag in closing], return_exceptions=True)
    for result, agen in zip(results, closing):
        if isinstance(result, Exception):
            print("an error occurred during closing of asynchronous generator %r" % (agen,))


# ---- Runner: several coroutines on one loop -------------------------------

class Runner:
    """Runs coroutines one after another on one event loop, closed at the
    end (asyncio.run is a Runner used once)."""

    def __init__(self, *, debug=None, loop_factory=None):
        self._loop = None
        self._closed = False
        self._debug = debug

    def __enter__(self):
        self._lazy_init()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.close()

    def _lazy_init(self):
        if self._closed:
            raise RuntimeError("Runner is closed")
        if self._loop is None:
            self._loop = new_event_loop()
            set_event_loop(self._loop)
            if self._debug is not None:
                self._loop.set_debug(self._debug)
            # every run() without context= runs in this one copy
            self._context = _copy_context()

    def get_loop(self):
        self._lazy_init()
        return self._loop

    def run(self, coro, *, context=None):
        if not _is_coroutine(coro):
            raise ValueError("a coroutine was expected, got {!r}".format(coro))
        try:
            get_running_loop()
        except RuntimeError:
            pass
        else:
            raise RuntimeError("Runner.run() cannot be called from a running event loop")
        self._lazy_init()
        if context is None:
            context = self._context
        task = self._loop.create_task(coro, context=context)
        return self._loop.run_until_complete(task)  #@ asyncio/runners.py:118 run | return ^self._loop.run_until_complete(task)^

    def close(self):
        if self._closed or self._loop is None:
            return
        try:
            _loop_shutdown()
        finally:
            set_event_loop(None)
            self._loop.close()
            self._loop = None
            self._closed = True


_shutdown_asyncgens.__qualname__ = "BaseEventLoop.shutdown_asyncgens"


def iscoroutine(obj):
    """True for a coroutine object."""
    return _is_coroutine(obj)


def isfuture(obj):
    """True for an asyncio Future (a Task too)."""
    return isinstance(obj, Future)


# anext(iterator, default): the builtin's awaitable, with StopAsyncIteration
# turned into the default (installed as builtins.anext by asyncio.c)
_builtin_anext = anext
_NO_DEFAULT = object()


async def _anext_default(aw, default):
    try:
        return await aw
    except StopAsyncIteration:
        return default


def _anext(iterator, default=_NO_DEFAULT, /):
    aw = _builtin_anext(iterator)
    if default is _NO_DEFAULT:
        return aw
    return _anext_default(aw, default)


_anext.__name__ = _anext.__qualname__ = "anext"


# ---- event loop policies: the one CPython uses on Unix ----------------------

class DefaultEventLoopPolicy:
    """What get_event_loop_policy() returns: its methods are the module's
    get_event_loop, set_event_loop and new_event_loop."""

    __module__ = "asyncio.unix_events"

    def get_event_loop(self):
        return get_event_loop()

    def set_event_loop(self, loop):
        set_event_loop(loop)

    def new_event_loop(self):
        return new_event_loop()


DefaultEventLoopPolicy.__name__ = DefaultEventLoopPolicy.__qualname__ = "_UnixDefaultEventLoopPolicy"
_policy = [None]


def get_event_loop_policy():
    if _policy[0] is None:
        _policy[0] = DefaultEventLoopPolicy()
    return _policy[0]


def set_event_loop_policy(policy):
    if policy is not None and not isinstance(policy, DefaultEventLoopPolicy):
        raise TypeError("policy must be an instance of AbstractEventLoopPolicy or None, not '%s'"
                        % type(policy).__name__)
    _policy[0] = policy
