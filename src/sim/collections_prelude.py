# collections beyond deque (deque is C: src/vm/deque.c): defaultdict,
# Counter, OrderedDict, ChainMap and namedtuple, as CPython prints and
# raises them. loopscope cannot subclass dict or tuple, so these hold a dict
# (or a tuple) and answer the same protocol: indexing, len, iteration,
# keys/values/items, ==, dict(x), **x; isinstance(x, dict) is False.
# namedtuple's records are typing.NamedTuple's (typing_prelude.py: _Record).


class _Mapping:
    __module__ = 'collections'

    def __init__(self, *args, **kwargs):
        self._d = {}
        if args or kwargs:
            self.update(*args, **kwargs)

    def _missing(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        d = self._d
        if key in d:
            return d[key]
        return self._missing(key)

    def __setitem__(self, key, value):
        self._d[key] = value

    def __delitem__(self, key):
        del self._d[key]

    def __contains__(self, key):
        return key in self._d

    def __len__(self):
        return len(self._d)

    def __iter__(self):
        return iter(self._d)

    def __eq__(self, other):
        if isinstance(other, _Mapping):
            other = other._d
        return self._d == other

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        raise TypeError(f"unhashable type: '{type(self).__name__}'")

    def keys(self):
        return self._d.keys()

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def get(self, key, default=None):
        return self._d.get(key, default)

    def pop(self, key, *default):
        return self._d.pop(key, *default)

    def popitem(self):
        return self._d.popitem()

    def setdefault(self, key, default=None):
        return self._d.setdefault(key, default)

    def clear(self):
        self._d.clear()

    def update(self, *args, **kwargs):
        self._d.update(*args, **kwargs)

    def copy(self):
        new = type(self).__new__(type(self))
        new.__dict__.update(self.__dict__)
        new._d = dict(self._d)
        return new

    __copy__ = copy

    @classmethod
    def fromkeys(cls, iterable, value=None):
        # dict.fromkeys for the subclasses: cls() filled with the keys
        new = cls()
        for key in iterable:
            new[key] = value
        return new

    def __or__(self, other):
        new = self.copy()
        new.update(other)
        return new

    def __ior__(self, other):
        self.update(other)
        return self


class defaultdict(_Mapping):
    """A dict that makes a missing key's value with default_factory()."""

    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        self.default_factory = default_factory
        _Mapping.__init__(self, *args, **kwargs)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self._d[key] = value
        return value

    def _missing(self, key):
        return self.__missing__(key)

    def __repr__(self):
        f = self.default_factory
        return f"{type(self).__name__}({'None' if f is None else repr(f)}, {self._d!r})"


class OrderedDict(_Mapping):
    """A dict that can move keys to either end."""

    def __repr__(self):
        if not self._d:
            return f'{type(self).__name__}()'
        return f'{type(self).__name__}({self._d!r})'

    def popitem(self, last=True):
        if not self._d:
            raise KeyError('dictionary is empty')
        key = next(reversed(self._d)) if last else next(iter(self._d))
        return key, self._d.pop(key)

    def move_to_end(self, key, last=True):
        value = self._d.pop(key)
        if last:
            self._d[key] = value
        else:
            rest = self._d
            self._d = {key: value}
            self._d.update(rest)

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return list(self._d.items()) == list(other._d.items())
        return _Mapping.__eq__(self, other)

    def __reversed__(self):
        return reversed(self._d)


def _is_mapping(x):
    if isinstance(x, (_Mapping, dict)):
        return True
    return isinstance(x, _import('collections.abc').Mapping)


class Counter(_Mapping):
    """A dict of counts: a missing key counts 0."""

    def __init__(self, iterable=None, /, **kwds):
        _Mapping.__init__(self)
        self.update(iterable, **kwds)

    def _missing(self, key):
        return 0

    def __missing__(self, key):
        return 0

    def __delitem__(self, key):
        # a missing key is no error
        if key in self._d:
            del self._d[key]

    def __repr__(self):
        name = type(self).__name__
        if not self._d:
            return f'{name}()'
        try:
            d = dict(self.most_common())
        except TypeError:
            d = dict(self._d)
        return f'{name}({d!r})'

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError('Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def total(self):
        return sum(self._d.values())

    def most_common(self, n=None):
        ranked = sorted(self._d.items(), key=lambda kv: kv[1], reverse=True)
        return ranked if n is None else ranked[:max(n, 0)]

    def elements(self):
        for key, count in self._d.items():
            for _ in range(count):
                yield key

    def update(self, iterable=None, /, **kwds):
        d = self._d
        if iterable is not None:
            if _is_mapping(iterable):
                if d:
                    for key, count in iterable.items():
                        d[key] = count + d.get(key, 0)
                else:
                    for key, count in iterable.items():
                        d[key] = count
            else:
                for key in iterable:
                    d[key] = d.get(key, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        d = self._d
        if iterable is not None:
            if _is_mapping(iterable):
                for key, count in iterable.items():
                    d[key] = d.get(key, 0) - count
            else:
                for key in iterable:
                    d[key] = d.get(key, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return type(self)(self)

    __copy__ = copy

    # comparisons: a missing key counts 0
    def __eq__(self, other):
        if not isinstance(other, Counter):
            return _Mapping.__eq__(self, other)
        return all(self[k] == other[k] for c in (self, other) for k in c)

    def __ne__(self, other):
        return not self == other

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[k] <= other[k] for c in (self, other) for k in c)

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[k] >= other[k] for c in (self, other) for k in c)

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    # multiset arithmetic: the results keep the positive counts
    def _merged(self, other, mine, theirs):
        """A new Counter: mine(my count, other's count) for my keys,
        theirs(other's count) for the keys only other has (None: skip them);
        counts that are not positive are left out."""
        if not isinstance(other, Counter):
            return NotImplemented
        out = Counter()
        for k, v in self._d.items():
            n = mine(v, other[k])
            if n > 0:
                out._d[k] = n
        if theirs is not None:
            for k, v in other._d.items():
                if k not in self._d:
                    n = theirs(v)
                    if n > 0:
                        out._d[k] = n
        return out

    def __add__(self, other):
        return self._merged(other, lambda a, b: a + b, lambda b: b)

    def __sub__(self, other):
        return self._merged(other, lambda a, b: a - b, lambda b: 0 - b)

    def __or__(self, other):
        return self._merged(other, lambda a, b: b if a < b else a, lambda b: b)

    def __and__(self, other):
        return self._merged(other, lambda a, b: a if a < b else b, None)

    def _signed(self, sign):
        """+c (sign 1): the positive counts; -c (sign -1): the negative ones, negated"""
        out = Counter()
        for k, v in self._d.items():
            if sign * v > 0:
                out._d[k] = sign * v
        return out

    def __pos__(self):
        return self._signed(1)

    def __neg__(self):
        return self._signed(-1)

    def _keep_positive(self):
        for k in [k for k, v in self._d.items() if not v > 0]:
            del self._d[k]
        return self

    def __iadd__(self, other):
        for k, v in other.items():
            self[k] += v
        return self._keep_positive()

    def __isub__(self, other):
        for k, v in other.items():
            self[k] -= v
        return self._keep_positive()

    def __ior__(self, other):
        for k, o in other.items():
            if o > self[k]:
                self[k] = o
        return self._keep_positive()

    def __iand__(self, other):
        for k, v in list(self._d.items()):
            o = other[k]
            if o < v:
                self[k] = o
        return self._keep_positive()


class ChainMap(_Mapping):
    """Several mappings searched in order as one; writes go to the first."""

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    @property
    def _d(self):
        merged = {}
        for m in reversed(self.maps):
            merged.update(m)
        return merged

    def __getitem__(self, key):
        for m in self.maps:
            if key in m:
                return m[key]
        raise KeyError(key)

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}') from None

    def __repr__(self):
        return f"ChainMap({', '.join(map(repr, self.maps))})"

    def new_child(self, m=None):
        return ChainMap({} if m is None else m, *self.maps)

    @property
    def parents(self):
        return ChainMap(*self.maps[1:])


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """A class of records whose fields are also positions."""
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    fields = tuple(str(f) for f in field_names)
    for name in (typename,) + fields:
        if not name.isidentifier():
            raise ValueError(f'Type names and field names must be valid identifiers: {name!r}')
    seen = set()
    for name in fields:
        if name.startswith('_'):
            raise ValueError(f'Field names cannot start with an underscore: {name!r}')
        if name in seen:
            raise ValueError(f'Encountered duplicate field name: {name!r}')
        seen.add(name)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(fields):
            raise TypeError('Got more default values than field names')
        field_defaults = dict(zip(fields[len(fields) - len(defaults):], defaults))
    typing = _import('typing')

    class _Record(typing._Record):
        pass

    _Record.__name__ = typename
    _Record.__qualname__ = typename
    _Record.__module__ = '__main__' if module is None else module
    return typing._make_record(_Record, fields, field_defaults)
