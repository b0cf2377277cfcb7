# itertools for loopscope: CPython 3.12's itertools as its documentation
# describes them, written for loopscope (stdlib.c runs this into the module
# "itertools" when a program first imports it). Each is a class of
# iterators, as in CPython (type(x).__name__ is 'chain', ...), with
# CPython's argument errors; the work is a generator of its own.
import sys


class _It:
    def __iter__(self):
        return self

    def __next__(self):
        return next(self._g)


def _index(v, what):
    if v is None:
        return None
    if not isinstance(v, int) or v < 0 or v > sys.maxsize:
        raise ValueError(f"{what} for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
    return v


class count(_It):
    def __init__(self, start=0, step=1):
        for v in (start, step):
            if not isinstance(v, (int, float)):
                raise TypeError("a number is required")
        self._n = start
        self._step = step

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        if self._step == 1 and not isinstance(self._step, float):
            return f"count({self._n!r})"
        return f"count({self._n!r}, {self._step!r})"


class cycle(_It):
    def __init__(self, iterable, /):
        self._g = self._run(iter(iterable))

    def _run(self, it):
        saved = []
        for x in it:
            yield x
            saved.append(x)
        while saved:
            for x in saved:
                yield x


class repeat(_It):
    def __init__(self, object, times=None):
        if times is not None and not isinstance(times, int):
            raise TypeError(f"'{type(times).__name__}' object cannot be interpreted as an integer")
        self._obj = object
        self._times = None if times is None else max(times, 0)

    def __next__(self):
        if self._times is None:
            return self._obj
        if self._times <= 0:
            raise StopIteration
        self._times -= 1
        return self._obj

    def __length_hint__(self):
        return self._times if self._times is not None else 0

    def __repr__(self):
        if self._times is None:
            return f"repeat({self._obj!r})"
        return f"repeat({self._obj!r}, {self._times})"


class islice(_It):
    def __init__(self, iterable, *args):
        if not 1 <= len(args) <= 3:
            if not args:
                raise TypeError("islice expected at least 2 arguments, got 1")
            raise TypeError(f"islice expected at most 4 arguments, got {len(args) + 1}")
        if len(args) == 1:
            start, stop, step = None, args[0], None
        else:
            start, stop, step = (list(args) + [None])[:3]
        if stop is not None and (not isinstance(stop, int) or stop < 0 or stop > sys.maxsize):
            raise ValueError("Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
        if start is not None and (not isinstance(start, int) or start < 0 or start > sys.maxsize):
            raise ValueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
        if step is not None and (not isinstance(step, int) or step < 1 or step > sys.maxsize):
            raise ValueError("Step for islice() must be a positive integer or None.")
        self._g = self._run(iter(iterable), start or 0, stop, step or 1)

    def _run(self, it, start, stop, step):
        i = 0
        nxt = start
        if stop is not None and nxt >= stop:
            return
        for x in it:
            if i == nxt:
                yield x
                nxt += step
                if stop is not None and nxt >= stop:
                    # CPython consumes up to the last index it yields
                    return
            i += 1


class chain(_It):
    def __init__(self, *iterables):
        self._g = self._run(iterables)

    def _run(self, iterables):
        for it in iterables:
            yield from it

    @classmethod
    def from_iterable(cls, iterable, /):
        self = cls()
        self._g = self._run(iterable)
        return self


class product(_It):
    def __init__(self, *iterables, repeat=1):
        if not isinstance(repeat, int):
            raise TypeError(f"'{type(repeat).__name__}' object cannot be interpreted as an integer")
        if repeat < 0:
            raise ValueError("repeat argument cannot be negative")
        pools = [tuple(p) for p in iterables] * repeat
        self._g = self._run(pools)

    def _run(self, pools):
        result = [()]
        for pool in pools:
            result = [x + (y,) for x in result for y in pool]
        for r in result:
            yield r


def _r_arg(r, n):
    if r is None:
        return n
    if not isinstance(r, int):
        raise TypeError("Expected int as r")
    if r < 0:
        raise ValueError("r must be non-negative")
    return r


class permutations(_It):
    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        self._g = self._run(pool, _r_arg(r, len(pool)))

    def _run(self, pool, r):
        n = len(pool)
        if r > n:
            return
        indices = list(range(n))
        cycles = list(range(n, n - r, -1))
        yield tuple(pool[i] for i in indices[:r])
        while n:
            for i in reversed(range(r)):
                cycles[i] -= 1
                if cycles[i] == 0:
                    indices[i:] = indices[i + 1:] + indices[i:i + 1]
                    cycles[i] = n - i
                else:
                    j = cycles[i]
                    indices[i], indices[-j] = indices[-j], indices[i]
                    yield tuple(pool[i] for i in indices[:r])
                    break
            else:
                return


class _Choose(_It):
    """combinations and combinations_with_replacement: r is required."""

    def __init__(self, iterable, r):
        pool = tuple(iterable)
        if r is None:
            raise TypeError("Expected int as r")
        self._g = self._run(pool, _r_arg(r, len(pool)))


class combinations(_Choose):
    def _run(self, pool, r):
        n = len(pool)
        if r > n:
            return
        indices = list(range(r))
        yield tuple(pool[i] for i in indices)
        while True:
            for i in reversed(range(r)):
                if indices[i] != i + n - r:
                    break
            else:
                return
            indices[i] += 1
            for j in range(i + 1, r):
                indices[j] = indices[j - 1] + 1
            yield tuple(pool[i] for i in indices)


class combinations_with_replacement(_Choose):
    def _run(self, pool, r):
        n = len(pool)
        if not n and r:
            return
        indices = [0] * r
        yield tuple(pool[i] for i in indices)
        while True:
            for i in reversed(range(r)):
                if indices[i] != n - 1:
                    break
            else:
                return
            indices[i:] = [indices[i] + 1] * (r - i)
            yield tuple(pool[i] for i in indices)


class accumulate(_It):
    def __init__(self, iterable, func=None, *, initial=None):
        self._g = self._run(iter(iterable), func, initial)

    def _run(self, it, func, total):
        if total is not None:
            yield total
        else:
            for total in it:
                yield total
                break
            else:
                return
        for element in it:
            total = total + element if func is None else func(total, element)
            yield total


class groupby(_It):
    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._key = (lambda x: x) if key is None else key
        self._tgt = self._cur = self._curkey = object()
        self._done = False
        self._id = object()

    def __next__(self):
        self._id = object()
        while self._curkey is self._tgt or self._curkey == self._tgt:
            self._cur = next(self._it)
            self._curkey = self._key(self._cur)
        self._tgt = self._curkey
        return (self._curkey, self._grouper(self._tgt, self._id))

    def _grouper(self, tgt, id):
        while self._id is id and self._curkey == tgt:
            yield self._cur
            try:
                self._cur = next(self._it)
            except StopIteration:
                return
            self._curkey = self._key(self._cur)


class zip_longest(_It):
    def __init__(self, *args, fillvalue=None):
        self._g = self._run([iter(a) for a in args], fillvalue)

    def _run(self, iterators, fillvalue):
        num_active = len(iterators)
        if not num_active:
            return
        while True:
            values = []
            for i, it in enumerate(iterators):
                try:
                    value = next(it)
                except StopIteration:
                    num_active -= 1
                    if not num_active:
                        return
                    iterators[i] = repeat(fillvalue)
                    value = fillvalue
                values.append(value)
            yield tuple(values)


class starmap(_It):
    def __init__(self, function, iterable, /):
        self._g = (function(*args) for args in iter(iterable))


class takewhile(_It):
    def __init__(self, predicate, iterable, /):
        self._g = self._run(predicate, iter(iterable))

    def _run(self, predicate, it):
        for x in it:
            if predicate(x):
                yield x
            else:
                return


class dropwhile(_It):
    def __init__(self, predicate, iterable, /):
        self._g = self._run(predicate, iter(iterable))

    def _run(self, predicate, it):
        for x in it:
            if not predicate(x):
                yield x
                break
        for x in it:
            yield x


class filterfalse(_It):
    def __init__(self, function, iterable, /):
        if function is None:
            function = bool
        self._g = (x for x in iter(iterable) if not function(x))


class compress(_It):
    def __init__(self, data, selectors):
        self._g = (d for d, s in zip(iter(data), iter(selectors)) if s)


class pairwise(_It):
    def __init__(self, iterable, /):
        self._g = self._run(iter(iterable))

    def _run(self, it):
        for a in it:
            for b in it:
                yield a, b
                a = b
            return


class batched(_It):
    def __init__(self, iterable, n):
        if not isinstance(n, int):
            raise TypeError(f"'{type(n).__name__}' object cannot be interpreted as an integer")
        if n < 1:
            raise ValueError('n must be at least one')
        self._g = self._run(iter(iterable), n)

    def _run(self, it, n):
        while batch := tuple(islice(it, n)):
            yield batch


class _tee(_It):
    def __init__(self, source, buffer, index):
        self._source = source
        self._buffer = buffer
        self._i = index

    def __next__(self):
        buf = self._buffer
        if self._i < buf[0] + len(buf[1]):
            x = buf[1][self._i - buf[0]]
        else:
            x = next(self._source)
            buf[1].append(x)
        self._i += 1
        return x


def tee(iterable, n=2, /):
    if not isinstance(n, int):
        raise TypeError(f"'{type(n).__name__}' object cannot be interpreted as an integer")
    if n < 0:
        raise ValueError("n must be >= 0")
    source = iter(iterable)
    buffer = [0, []]
    return tuple(_tee(source, buffer, 0) for _ in range(n))


for _c in (count, cycle, repeat, islice, chain, product, permutations, combinations,
           combinations_with_replacement, accumulate, groupby, zip_longest, starmap, takewhile,
           dropwhile, filterfalse, compress, pairwise, batched, _tee):
    _c.__module__ = 'itertools'
_tee.__name__ = _tee.__qualname__ = '_tee'
del _c
