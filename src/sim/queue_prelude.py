# queue for loopscope: Queue, LifoQueue, PriorityQueue, SimpleQueue, Empty
# and Full, the queues between (simulated) threads, as CPython 3.12's
# queue.py builds them: on threading's Lock and Conditions, so a blocking
# get() or put() parks the simulated thread that waits (and, on the
# loop's thread, the loop with it); timeouts are virtual time.
# Written for loopscope (stdlib.c runs this into the module "queue" when a
# program first imports it); the #@ marks are the frames of CPython's
# queue.py that a traceback through these lines shows.

threading = _import('threading')
import time as _time

_collections = _import('collections')
_heapq = _import('heapq')
_types = _import('types')


class Empty(Exception):
    'Exception raised by Queue.get(block=0)/get_nowait().'


Empty.__module__ = '_queue'


class Full(Exception):
    'Exception raised by Queue.put(block=0)/put_nowait().'


def _check_timeout(timeout):
    if timeout < 0:
        raise ValueError("'timeout' must be a non-negative number")


class Queue:
    '''Create a queue object with a given maximum size.

    If maxsize is <= 0, the queue size is infinite.
    '''

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.mutex = threading.Lock()
        self.not_empty = threading.Condition(self.mutex)
        self.not_full = threading.Condition(self.mutex)
        self.all_tasks_done = threading.Condition(self.mutex)
        self.unfinished_tasks = 0

    def task_done(self):
        with self.all_tasks_done:
            left = self.unfinished_tasks - 1
            if left < 0:
                raise ValueError('task_done() called too many times')  #@ queue.py:75 task_done | raise ValueError('task_done() called too many times')
            if left == 0:
                self.all_tasks_done.notify_all()
            self.unfinished_tasks = left

    def join(self):
        with self.all_tasks_done:
            while self.unfinished_tasks:
                self.all_tasks_done.wait()

    def qsize(self):
        with self.mutex:
            return self._qsize()

    def empty(self):
        with self.mutex:
            return not self._qsize()

    def full(self):
        with self.mutex:
            return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        with self.not_full:
            if self.maxsize > 0:
                if not block:
                    if self._qsize() >= self.maxsize:
                        raise Full  #@ queue.py:137 put | raise Full
                elif timeout is None:
                    while self._qsize() >= self.maxsize:
                        self.not_full.wait()
                elif timeout < 0:
                    raise ValueError("'timeout' must be a non-negative number")  #@ queue.py:142 put | raise ValueError("'timeout' must be a non-negative number")
                else:
                    deadline = _time.monotonic() + timeout
                    while self._qsize() >= self.maxsize:
                        left = deadline - _time.monotonic()
                        if left <= 0.0:
                            raise Full  #@ queue.py:148 put | raise Full
                        self.not_full.wait(left)
            self._put(item)  #@ queue.py:150 put | self._put(item)
            self.unfinished_tasks += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        with self.not_empty:
            if not block:
                if not self._qsize():
                    raise Empty  #@ queue.py:168 get | raise Empty
            elif timeout is None:
                while not self._qsize():
                    self.not_empty.wait()
            elif timeout < 0:
                raise ValueError("'timeout' must be a non-negative number")  #@ queue.py:173 get | raise ValueError("'timeout' must be a non-negative number")
            else:
                deadline = _time.monotonic() + timeout
                while not self._qsize():
                    left = deadline - _time.monotonic()
                    if left <= 0.0:
                        raise Empty  #@ queue.py:179 get | raise Empty
                    self.not_empty.wait(left)
            item = self._get()
            self.not_full.notify()
            return item

    def put_nowait(self, item):
        return self.put(item, block=False)  #@ queue.py:191 put_nowait | return ^self.put(item, block=False)^

    def get_nowait(self):
        return self.get(block=False)  #@ queue.py:199 get_nowait | return ^self.get(block=False)^

    # what LifoQueue and PriorityQueue change
    def _init(self, maxsize):
        self.queue = _collections.deque()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()

    def __class_getitem__(cls, params):
        return _types.GenericAlias(cls, params)


class PriorityQueue(Queue):
    '''Variant of Queue that retrieves open entries in priority order (lowest first).

    Entries are typically tuples of the form:  (priority number, data).
    '''

    def _init(self, maxsize):
        self.queue = []

    def _put(self, item):
        _heapq.heappush(self.queue, item)  #@ queue.py:236 _put | heappush(self.queue, item)

    def _get(self):
        return _heapq.heappop(self.queue)


class LifoQueue(Queue):
    '''Variant of Queue that retrieves most recently added entries first.'''

    def _init(self, maxsize):
        self.queue = []

    def _get(self):
        return self.queue.pop()


class SimpleQueue:
    '''Simple, unbounded, reentrant FIFO queue.'''

    def __init__(self):
        self._items = _collections.deque()
        self._ready = threading.Condition(threading.Lock())

    def put(self, item, block=True, timeout=None):
        with self._ready:
            self._items.append(item)
            self._ready.notify()

    def put_nowait(self, item):
        self.put(item)

    def get(self, block=True, timeout=None):
        with self._ready:
            if not block:
                if not self._items:
                    raise Empty
            elif timeout is None:
                while not self._items:
                    self._ready.wait()
            else:
                _check_timeout(timeout)
                deadline = _time.monotonic() + timeout
                while not self._items:
                    left = deadline - _time.monotonic()
                    if left <= 0.0:
                        raise Empty
                    self._ready.wait(left)
            return self._items.popleft()

    def get_nowait(self):
        return self.get(False)

    def empty(self):
        return not self._items

    def qsize(self):
        return len(self._items)

    def __class_getitem__(cls, params):
        return _types.GenericAlias(cls, params)


SimpleQueue.__module__ = '_queue'
_c_type(SimpleQueue)
