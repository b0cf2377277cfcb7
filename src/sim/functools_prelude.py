# functools for loopscope: what programs use of CPython 3.12's functools,
# written for loopscope from its documentation (stdlib.c runs this into the
# module "functools" when a program first imports it; its frames are hidden
# from tracebacks). A line marked with "#@", then functools.py:LINE FUNC |
# TEXT, does what that line of CPython's functools does, and tracebacks show
# that frame for it (see src/sim/stdframes.h).

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                       '__annotations__', '__type_params__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for attr in assigned:
        if attr == '__type_params__':
            continue
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            continue
        try:
            setattr(wrapper, attr, value)
        except (AttributeError, TypeError):
            pass
    for attr in updated:
        mine = getattr(wrapper, attr, None)
        theirs = getattr(wrapped, attr, None)
        if mine is not None and theirs is not None:
            mine.update(theirs)
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


class partial:
    """New function with partial application of the given arguments
and keywords.
"""

    def __new__(cls, func, /, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        if type(func) is partial:
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self = object.__new__(cls)
        self.func = func
        self.args = args
        self.keywords = keywords
        return self

    def __init__(self, func, /, *args, **keywords):
        pass

    def __call__(self, /, *args, **keywords):
        keywords = {**self.keywords, **keywords}
        return self.func(*self.args, *args, **keywords)

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(x) for x in self.args)
        parts.extend(f"{k}={v!r}" for (k, v) in self.keywords.items())
        name = "functools.partial" if type(self) is partial else type(self).__qualname__
        return f"{name}({', '.join(parts)})"


def reduce(function, sequence, *initial):
    if len(initial) > 1:
        raise TypeError(f"reduce expected at most 3 arguments, got {len(initial) + 2}")
    try:
        it = iter(sequence)
    except TypeError:
        raise TypeError(f"reduce() arg 2 must support iteration") from None
    if initial:
        value = initial[0]
    else:
        for value in it:
            break
        else:
            raise TypeError("reduce() of empty iterable with no initial value")
    for element in it:
        value = function(value, element)
    return value


class _CacheInfo:
    """CacheInfo(hits, misses, maxsize, currsize)"""
    _fields = ('hits', 'misses', 'maxsize', 'currsize')

    def __init__(self, hits, misses, maxsize, currsize):
        self.hits = hits
        self.misses = misses
        self.maxsize = maxsize
        self.currsize = currsize

    def _tuple(self):
        return (self.hits, self.misses, self.maxsize, self.currsize)

    def __repr__(self):
        return (f"CacheInfo(hits={self.hits!r}, misses={self.misses!r}, "
                f"maxsize={self.maxsize!r}, currsize={self.currsize!r})")

    def __iter__(self):
        return iter(self._tuple())

    def __len__(self):
        return 4

    def __getitem__(self, i):
        return self._tuple()[i]

    def __eq__(self, other):
        if isinstance(other, _CacheInfo):
            other = other._tuple()
        return self._tuple() == other

    def __hash__(self):
        return hash(self._tuple())

    def _asdict(self):
        return dict(zip(self._fields, self._tuple()))


_CacheInfo.__name__ = _CacheInfo.__qualname__ = 'CacheInfo'
_CacheInfo.__module__ = 'functools'
_kwd_mark = object()


def _make_key(args, kwds, typed):
    key = args
    if kwds:
        key += (_kwd_mark,)
        for item in kwds.items():
            key += item
    if typed:
        key += tuple(type(v) for v in args)
        if kwds:
            key += tuple(type(v) for v in kwds.values())
    elif len(key) == 1 and type(key[0]) in (int, str):
        return key[0]
    return key


def _lru_wrapper(user_function, maxsize, typed):
    cache = {}
    stats = [0, 0]   # hits, misses

    def wrapper(*args, **kwds):
        key = _make_key(args, kwds, typed)
        if maxsize == 0:
            stats[1] += 1
            return user_function(*args, **kwds)
        if key in cache:
            stats[0] += 1
            result = cache[key]
            if maxsize is not None:
                del cache[key]
                cache[key] = result
            return result
        stats[1] += 1
        result = user_function(*args, **kwds)
        if key not in cache:
            cache[key] = result
            if maxsize is not None and len(cache) > maxsize:
                del cache[next(iter(cache))]
        return result

    def cache_info():
        """Report cache statistics"""
        return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

    def cache_clear():
        """Clear the cache and cache statistics"""
        cache.clear()
        stats[0] = stats[1] = 0

    def cache_parameters():
        return {'maxsize': maxsize, 'typed': typed}

    update_wrapper(wrapper, user_function)
    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    wrapper.cache_parameters = cache_parameters
    return wrapper


def lru_cache(maxsize=128, typed=False):
    if isinstance(maxsize, int) and not isinstance(maxsize, bool):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        user_function, maxsize = maxsize, 128
        return _lru_wrapper(user_function, maxsize, typed)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        return _lru_wrapper(user_function, maxsize, typed)
    return decorating_function


def cache(user_function, /):
    'Simple lightweight unbounded cache.  Sometimes called "memoize".'
    return lru_cache(maxsize=None)(user_function)


def cached_property(func):
    # CPython's is a descriptor that stores the value in the instance's
    # __dict__ on first access; here, a property that reads that entry
    # first and lets assignment and del replace or forget it.
    name = func.__name__

    def get(instance):
        d = instance.__dict__
        if name in d:
            return d[name]
        val = func(instance)  #@ functools.py:995 __get__ | val = ^self.func(instance)^
        d[name] = val
        return val

    def set(instance, value):
        instance.__dict__[name] = value

    def delete(instance):
        try:
            del instance.__dict__[name]
        except KeyError:
            raise AttributeError(name) from None

    return property(get, set, delete, func.__doc__)


def _gt_from_lt(self, other):
    op_result = type(self).__lt__(self, other)  #@ functools.py:91 _gt_from_lt | op_result = ^type(self).__lt__(self, other)^
    if op_result is NotImplemented:
        return op_result
    return not op_result and self != other


def _le_from_lt(self, other):
    op_result = type(self).__lt__(self, other)  #@ functools.py:98 _le_from_lt | op_result = ^type(self).__lt__(self, other)^
    if op_result is NotImplemented:
        return op_result
    return op_result or self == other


def _ge_from_lt(self, other):
    op_result = type(self).__lt__(self, other)  #@ functools.py:105 _ge_from_lt | op_result = ^type(self).__lt__(self, other)^
    if op_result is NotImplemented:
        return op_result
    return not op_result


def _ge_from_le(self, other):
    op_result = type(self).__le__(self, other)  #@ functools.py:112 _ge_from_le | op_result = ^type(self).__le__(self, other)^
    if op_result is NotImplemented:
        return op_result
    return not op_result or self == other


def _lt_from_le(self, other):
    op_result = type(self).__le__(self, other)  #@ functools.py:119 _lt_from_le | op_result = ^type(self).__le__(self, other)^
    if op_result is NotImplemented:
        return op_result
    return op_result and self != other


def _gt_from_le(self, other):
    op_result = type(self).__le__(self, other)  #@ functools.py:126 _gt_from_le | op_result = ^type(self).__le__(self, other)^
    if op_result is NotImplemented:
        return op_result
    return not op_result


def _lt_from_gt(self, other):
    op_result = type(self).__gt__(self, other)  #@ functools.py:133 _lt_from_gt | op_result = ^type(self).__gt__(self, other)^
    if op_result is NotImplemented:
        return op_result
    return not op_result and self != other


def _ge_from_gt(self, other):
    op_result = type(self).__gt__(self, other)  #@ functools.py:140 _ge_from_gt | op_result = ^type(self).__gt__(self, other)^
    if op_result is NotImplemented:
        return op_result
    return op_result or self == other


def _le_from_gt(self, other):
    op_result = type(self).__gt__(self, other)  #@ functools.py:147 _le_from_gt | op_result = ^type(self).__gt__(self, other)^
    if op_result is NotImplemented:
        return op_result
    return not op_result


def _le_from_ge(self, other):
    op_result = type(self).__ge__(self, other)  #@ functools.py:154 _le_from_ge | op_result = ^type(self).__ge__(self, other)^
    if op_result is NotImplemented:
        return op_result
    return not op_result or self == other


def _gt_from_ge(self, other):
    op_result = type(self).__ge__(self, other)  #@ functools.py:161 _gt_from_ge | op_result = ^type(self).__ge__(self, other)^
    if op_result is NotImplemented:
        return op_result
    return op_result and self != other


def _lt_from_ge(self, other):
    op_result = type(self).__ge__(self, other)  #@ functools.py:168 _lt_from_ge | op_result = ^type(self).__ge__(self, other)^
    if op_result is NotImplemented:
        return op_result
    return not op_result


_convert = {
    '__lt__': [('__gt__', _gt_from_lt), ('__le__', _le_from_lt), ('__ge__', _ge_from_lt)],
    '__le__': [('__ge__', _ge_from_le), ('__lt__', _lt_from_le), ('__gt__', _gt_from_le)],
    '__gt__': [('__lt__', _lt_from_gt), ('__ge__', _ge_from_gt), ('__le__', _le_from_gt)],
    '__ge__': [('__le__', _le_from_ge), ('__gt__', _gt_from_ge), ('__lt__', _lt_from_ge)],
}


def _defines(cls, op):
    for c in cls.__mro__:
        if c is object:
            return False
        if op in c.__dict__ and c.__dict__[op] is not None:
            return True
    return False


def total_ordering(cls):
    """Class decorator that fills in missing ordering methods"""
    roots = [op for op in ('__lt__', '__le__', '__gt__', '__ge__') if _defines(cls, op)]
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')  #@ functools.py:188 total_ordering | raise ValueError('must define at least one ordering operation: < > <= >=')
    root = None
    for op in ('__lt__', '__le__', '__gt__', '__ge__'):
        if op in roots:
            root = op
            break
    for opname, opfunc in _convert[root]:
        if opname not in roots:
            setattr(cls, opname, opfunc)
    return cls


def cmp_to_key(mycmp):
    """Convert a cmp= function into a key= function"""
    class K(object):
        __slots__ = ['obj']

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None
    K.__name__ = K.__qualname__ = 'functools.KeyWrapper'
    return K


def partialmethod(func, /, *args, **keywords):
    # CPython's is a descriptor; a plain function binds as a method the same way
    def method(self, /, *more, **kw):
        return func(self, *args, *more, **{**keywords, **kw})
    method.func = func
    method.args = args
    method.keywords = keywords
    return method


def singledispatch(func):
    """Single-dispatch generic function decorator."""
    registry = {object: func}
    funcname = getattr(func, '__name__', 'singledispatch function')

    def dispatch(cls):
        for c in cls.__mro__:
            if c in registry:
                return registry[c]
        return func

    def _classes(annotation):
        # typing's aliases are classes in loopscope's typing (not in CPython's):
        # of them only a union names classes to register
        kind = type(annotation)
        alias = kind.__module__ == 'typing' and kind.__name__.endswith('Alias')
        if isinstance(annotation, type) and not alias:
            return [annotation]
        if kind.__name__ not in ('UnionType', '_UnionGenericAlias'):
            return None
        args = getattr(annotation, '__args__', None)
        if args and all(isinstance(a, type) for a in args):
            return list(args)
        return None

    def register(cls, func=None):
        if func is None:
            if isinstance(cls, type) or _classes(cls):
                return lambda f: register(cls, f)
            f = cls
            ann = [v for k, v in getattr(f, '__annotations__', {}).items() if k != 'return']
            if not ann:
                raise TypeError(f"Invalid first argument to `register()`: {f!r}. Use either "
                                f"`@register(some_class)` or plain `@register` on an annotated function.")
            classes = _classes(ann[0])
            if classes is None:
                raise TypeError(f"Invalid annotation for {list(f.__annotations__)[0]!r}. "
                                f"{ann[0]!r} is not a class.")
            for c in classes:
                registry[c] = f
            return f
        for c in _classes(cls) or [cls]:
            registry[c] = func
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(f'{funcname} requires at least 1 positional argument')
        return dispatch(args[0].__class__)(*args, **kw)

    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    update_wrapper(wrapper, func)
    return wrapper
