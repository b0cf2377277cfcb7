# copy for loopscope: copy and deepcopy of the builtin values, loopscope's
# collections, and instances of classes (through __copy__, __deepcopy__,
# __getstate__/__setstate__ or the instance's __dict__, without calling
# __init__, as CPython's pickle protocol does), as CPython 3.12 documents
# them, written for loopscope (stdlib.c runs this into the module "copy"
# when a program first imports it).

import sys


class Error(Exception):
    pass


error = Error

_ATOMIC = (type(None), int, float, bool, str, range, type, type(Ellipsis), type(NotImplemented),
           type(len), type(lambda: 0), type(sys), property, slice)
_SHALLOW = (list, dict, set)


def _collections_types():
    c = sys.modules.get('collections')
    return () if c is None else (c.deque, c.defaultdict, c.OrderedDict, c.Counter)


def _refuse(x):
    raise TypeError(f"cannot pickle '{type(x).__name__}' object")


def _unpicklable(x):
    return type(x).__name__ in ('generator', 'coroutine', 'async_generator')


def _is_enum_member(x):
    enum = sys.modules.get('enum')
    return enum is not None and isinstance(x, enum.Enum)


def _blank(cls):
    # an instance made without __init__, as copyreg.__newobj__ does
    for base in cls.__mro__:
        if '__new__' in base.__dict__ and base is not object and base.__module__ != 'abc':
            return cls.__new__(cls)
    return object.__new__(cls)


def _builtin_base(cls):
    for base in cls.__mro__:
        if base in (list, dict, set, str, int, tuple, frozenset):
            return base
    return None


def _reconstruct(x, deep, memo):
    # an instance of a class (perhaps deriving from a builtin) as CPython's
    # copy._reconstruct makes it from object.__reduce_ex__(4): a blank one
    # (an immutable builtin's made from the value), its state, then a list's
    # items appended and a dict's items set one by one
    cls = type(x)
    base = _builtin_base(cls)
    if base in (str, int, tuple, frozenset):
        value = base(x)
        if deep and base in (tuple, frozenset):
            value = base(deepcopy(item, memo) for item in value)
        y = cls.__new__(cls, value)
    else:
        y = _blank(cls)
    if deep:
        memo[id(x)] = y
    _restore(y, _state_of(x), deep, memo)
    if base is list:
        for item in list.__iter__(x):
            y.append(deepcopy(item, memo) if deep else item)
    elif base is dict:
        for k, v in dict.items(x):
            y[deepcopy(k, memo) if deep else k] = deepcopy(v, memo) if deep else v
    elif base is set:
        set.update(y, (deepcopy(item, memo) if deep else item for item in set.__iter__(x)))
    return y


def _state_of(x):
    getstate = getattr(type(x), '__getstate__', None)
    if getstate is not None and getstate is not getattr(object, '__getstate__', None):
        return getstate(x)
    return getattr(x, '__dict__', None)


def _restore(y, state, deep, memo):
    if state is None:
        return
    if deep:
        state = deepcopy(state, memo)
    setstate = getattr(y, '__setstate__', None)
    if setstate is not None:
        setstate(state)
    else:
        y.__dict__.update(state)


def copy(x):
    cls = type(x)
    if cls in _ATOMIC or cls in (tuple, frozenset) or _is_enum_member(x):
        return x
    if cls in _SHALLOW:
        return cls.copy(x)
    if isinstance(x, type):
        return x
    c = getattr(cls, '__copy__', None)
    if c is not None:
        return c(x)
    if cls in _collections_types():
        return x.copy()
    if _unpicklable(x):
        _refuse(x)
    if isinstance(x, BaseException):
        y = cls(*x.args)
        _restore(y, getattr(x, '__dict__', None), False, None)
        return y
    return _reconstruct(x, False, None)


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _ATOMIC or isinstance(x, type) or _is_enum_member(x):
        return x
    if cls is list:
        y = []
        memo[d] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif cls is tuple:
        items = [deepcopy(item, memo) for item in x]
        if d in memo:
            return memo[d]
        same = all(a is b for a, b in zip(items, x))
        y = x if same else tuple(items)
    elif cls is dict:
        y = {}
        memo[d] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls in (set, frozenset):
        y = cls(deepcopy(item, memo) for item in x)
    else:
        c = getattr(cls, '__deepcopy__', None)
        if c is not None:
            y = c(x, memo)
        elif cls in _collections_types():
            y = _deep_collection(x, memo)
        elif _unpicklable(x):
            _refuse(x)
        elif isinstance(x, BaseException):
            y = cls(*deepcopy(x.args, memo))
            memo[d] = y
            _restore(y, getattr(x, '__dict__', None), True, memo)
        else:
            y = _reconstruct(x, True, memo)
    if y is not x:
        memo[d] = y
        # keep x alive as CPython's memo does
        memo.setdefault(id(memo), []).append(x)
    return y


def _deep_collection(x, memo):
    c = sys.modules['collections']
    cls = type(x)
    if cls is c.deque:
        y = c.deque(maxlen=x.maxlen)
        memo[id(x)] = y
        y.extend(deepcopy(item, memo) for item in x)
        return y
    if cls is c.defaultdict:
        y = c.defaultdict(x.default_factory)
    else:
        y = cls()
    memo[id(x)] = y
    for k, v in x.items():
        y[deepcopy(k, memo)] = deepcopy(v, memo)
    return y

