# typing for loopscope: the names programs import from CPython 3.12's
# typing for annotations, subscriptable and with CPython's reprs, plus
# NamedTuple records and TypedDict; written for loopscope from typing's
# documentation (stdlib.c runs this into the module "typing" when a program
# first imports it). Type checkers' rules are not enforced, as at run time
# in CPython.
import sys

_types = _import('types')
_type_repr = _types._type_repr
TYPE_CHECKING = False
_NoneType = type(None)


def _convert(arg):
    if arg is None:
        return _NoneType
    if isinstance(arg, str):
        return ForwardRef(arg)
    return arg


class ForwardRef:
    """Internal wrapper to hold a forward reference."""

    def __init__(self, arg):
        self.__forward_arg__ = arg

    def __repr__(self):
        return f'ForwardRef({self.__forward_arg__!r})'

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)


def _arg_repr(a):
    if isinstance(a, list):
        return '[' + ', '.join(_type_repr(x) for x in a) + ']'
    return _type_repr(a)


class _GenericAlias:
    """typing.List[int] and the like: origin, args, and CPython's repr."""

    def __init__(self, origin, args, name=None, nparams=-1):
        self.__origin__ = origin
        self.__args__ = args
        self._name = name
        self._nparams = nparams

    def __repr__(self):
        name = 'typing.' + self._name if self._name else _type_repr(self.__origin__)
        if self.__args__ is None:
            return name
        if self.__args__ == ():
            return f'{name}[()]'
        return f"{name}[{', '.join(_arg_repr(a) for a in self.__args__)}]"

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if self.__args__ is None:
            if self._name == 'Callable':
                if len(params) != 2:
                    raise TypeError("Callable must be used as Callable[[arg, ...], result].")
                args, result = params
                if args is ...:
                    return _GenericAlias(self.__origin__, (..., _convert(result)), self._name)
                return _GenericAlias(self.__origin__, ([_convert(a) for a in args], _convert(result)),
                                     self._name)
            if self._name == 'Tuple' and params == ((),):
                return _GenericAlias(self.__origin__, (), self._name)
            params = tuple(_convert(p) for p in params)
            if self._nparams >= 0 and len(params) != self._nparams and self._name != 'Tuple':
                many = 'many' if len(params) > self._nparams else 'few'
                raise TypeError(f"Too {many} arguments for {self!r}; actual {len(params)}, "
                                f"expected {self._nparams}")
            return _GenericAlias(self.__origin__, params, self._name)
        free = _typevars(self.__args__)
        if not free:
            raise TypeError(f"{self!r} is not a generic class")
        subst = dict(zip(free, (_convert(p) for p in params)))
        return _GenericAlias(self.__origin__, tuple(_subst(a, subst) for a in self.__args__),
                             self._name)

    def __call__(self, *args, **kwargs):
        if self._name is not None and self.__origin__ in (list, dict, set, tuple, frozenset):
            raise TypeError(f"Type {self._name} cannot be instantiated; use "
                            f"{self.__origin__.__name__}() instead")
        return self.__origin__(*args, **kwargs)

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self._name))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def _typevars(args):
    out = []
    for a in args:
        if isinstance(a, TypeVar):
            if a not in out:
                out.append(a)
        elif isinstance(a, _GenericAlias) and a.__args__:
            for t in _typevars(a.__args__):
                if t not in out:
                    out.append(t)
        elif isinstance(a, list):
            for t in _typevars(a):
                if t not in out:
                    out.append(t)
    return out


def _subst(a, subst):
    if isinstance(a, TypeVar):
        return subst.get(a, a)
    if isinstance(a, list):
        return [_subst(x, subst) for x in a]
    if isinstance(a, _GenericAlias) and a.__args__:
        return _GenericAlias(a.__origin__, tuple(_subst(x, subst) for x in a.__args__), a._name)
    return a


class _SpecialForm:
    def __init__(self, name, getitem=None, doc=None):
        self._name = name
        self._getitem = getitem
        self.__doc__ = doc

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if self._getitem is None:
            raise TypeError(f"{self} is not subscriptable")
        return self._getitem(self, params)

    def __call__(self, *args, **kwargs):
        raise TypeError(f"Cannot instantiate {self!r}")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def _union_item(form, params):
    if params == ():
        raise TypeError("Cannot take a Union of no types.")
    if not isinstance(params, tuple):
        params = (params,)
    args = []
    for p in params:
        p = _convert(p)
        if isinstance(p, _UnionAlias):
            parts = p.__args__
        elif isinstance(p, _types.UnionType):
            parts = p.__args__
        else:
            parts = (p,)
        for x in parts:
            if x not in args:
                args.append(x)
    if len(args) == 1:
        return args[0]
    return _UnionAlias(tuple(args))


def _optional_item(form, param):
    return Union[param, None]


def _one_arg(form, param):
    if isinstance(param, tuple):
        raise TypeError(f"{form} accepts only single type.")
    return _GenericAlias(form, (_convert(param),), form._name)


def _literal_item(form, params):
    if not isinstance(params, tuple):
        params = (params,)
    return _LiteralAlias(form, params)


def _annotated_item(form, params):
    if not isinstance(params, tuple) or len(params) < 2:
        raise TypeError("Annotated[...] should be used with at least two arguments "
                        "(a type and an annotation).")
    return _AnnotatedAlias(_convert(params[0]), params[1:])


class _UnionAlias(_GenericAlias):
    def __init__(self, args):
        super().__init__(Union, args, 'Union')

    def __repr__(self):
        if len(self.__args__) == 2 and _NoneType in self.__args__:
            other = self.__args__[0] if self.__args__[1] is _NoneType else self.__args__[1]
            return f'typing.Optional[{_type_repr(other)}]'
        return super().__repr__()

    def __eq__(self, other):
        if not isinstance(other, (_UnionAlias, _types.UnionType)):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))


class _LiteralAlias(_GenericAlias):
    def __init__(self, form, values):
        super().__init__(form, values, 'Literal')

    def __repr__(self):
        return f"typing.Literal[{', '.join(repr(v) for v in self.__args__)}]"


class _AnnotatedAlias(_GenericAlias):
    def __init__(self, origin, metadata):
        super().__init__(origin, (origin,), 'Annotated')
        self.__metadata__ = metadata

    def __repr__(self):
        meta = ', '.join(repr(m) for m in self.__metadata__)
        return f'typing.Annotated[{_type_repr(self.__origin__)}, {meta}]'


Any = _SpecialForm('Any')
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
LiteralString = _SpecialForm('LiteralString')
TypeAlias = _SpecialForm('TypeAlias')
Union = _SpecialForm('Union', _union_item)
Optional = _SpecialForm('Optional', _optional_item)
ClassVar = _SpecialForm('ClassVar', _one_arg)
Final = _SpecialForm('Final', _one_arg)
TypeGuard = _SpecialForm('TypeGuard', _one_arg)
Required = _SpecialForm('Required', _one_arg)
NotRequired = _SpecialForm('NotRequired', _one_arg)
Unpack = _SpecialForm('Unpack', _one_arg)
Literal = _SpecialForm('Literal', _literal_item)
Annotated = _SpecialForm('Annotated', _annotated_item)
Concatenate = _SpecialForm('Concatenate', lambda f, p: _GenericAlias(f, p if isinstance(p, tuple) else (p,), 'Concatenate'))


def _alias(origin, name, nparams):
    return _GenericAlias(origin, None, name, nparams)


class _Abstract:
    """Stands for an abstract class of collections.abc."""


List = _alias(list, 'List', 1)
Dict = _alias(dict, 'Dict', 2)
Set = _alias(set, 'Set', 1)
FrozenSet = _alias(frozenset, 'FrozenSet', 1)
Tuple = _alias(tuple, 'Tuple', -1)
Type = _alias(type, 'Type', 1)
Deque = _alias(_import('collections').deque, 'Deque', 1)
DefaultDict = _alias(dict, 'DefaultDict', 2)
OrderedDict = _alias(dict, 'OrderedDict', 2)
Counter = _alias(dict, 'Counter', 1)
ChainMap = _alias(dict, 'ChainMap', -1)
Callable = _alias(_Abstract, 'Callable', -1)
Awaitable = _alias(_Abstract, 'Awaitable', 1)
Coroutine = _alias(_Abstract, 'Coroutine', 3)
AsyncIterable = _alias(_Abstract, 'AsyncIterable', 1)
AsyncIterator = _alias(_Abstract, 'AsyncIterator', 1)
AsyncGenerator = _alias(_Abstract, 'AsyncGenerator', 2)
Iterable = _alias(_Abstract, 'Iterable', 1)
Iterator = _alias(_Abstract, 'Iterator', 1)
Generator = _alias(_Abstract, 'Generator', 3)
Reversible = _alias(_Abstract, 'Reversible', 1)
Container = _alias(_Abstract, 'Container', 1)
Collection = _alias(_Abstract, 'Collection', 1)
Hashable = _alias(_Abstract, 'Hashable', 0)
Sized = _alias(_Abstract, 'Sized', 0)
Sequence = _alias(_Abstract, 'Sequence', 1)
MutableSequence = _alias(_Abstract, 'MutableSequence', 1)
Mapping = _alias(_Abstract, 'Mapping', 2)
MutableMapping = _alias(_Abstract, 'MutableMapping', 2)
AbstractSet = _alias(_Abstract, 'AbstractSet', 1)
MutableSet = _alias(_Abstract, 'MutableSet', 1)
KeysView = _alias(_Abstract, 'KeysView', 1)
ValuesView = _alias(_Abstract, 'ValuesView', 1)
ItemsView = _alias(_Abstract, 'ItemsView', 2)
ContextManager = _alias(_Abstract, 'ContextManager', 1)
AsyncContextManager = _alias(_Abstract, 'AsyncContextManager', 1)
Text = str


class TypeVar:
    """Type variable."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False,
                 infer_variance=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = _convert(bound) if bound is not None else None
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant
        self.__infer_variance__ = infer_variance

    def __repr__(self):
        if self.__infer_variance__:
            prefix = ''
        elif self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class ParamSpec(TypeVar):
    """Parameter specification variable."""

    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        super().__init__(name, bound=bound, covariant=covariant, contravariant=contravariant)
        self.args = f'{name}.args'
        self.kwargs = f'{name}.kwargs'


class TypeVarTuple:
    def __init__(self, name):
        self.__name__ = name

    def __repr__(self):
        return self.__name__


AnyStr = TypeVar('AnyStr', str)


class Generic:
    """Abstract base class for generic types."""

    def __class_getitem__(cls, params):
        if cls is Generic or cls is Protocol:
            return cls
        if not isinstance(params, tuple):
            params = (params,)
        return _GenericAlias(cls, tuple(_convert(p) for p in params))


class Protocol(Generic):
    """Base class for protocol classes."""


def runtime_checkable(cls):
    return cls


def cast(typ, val):
    """Cast a value to a type."""
    return val


def assert_type(val, typ, /):
    return val


def reveal_type(obj, /):
    print(f"Runtime type is {type(obj).__name__!r}", file=sys.stderr)
    return obj


def assert_never(arg, /):
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + '...'
    raise AssertionError(f"Expected code to be unreachable, but got: {value}")


def overload(func):
    return func


def final(f):
    return f


def override(method, /):
    return method


def no_type_check(arg):
    return arg


def get_origin(tp):
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, (_GenericAlias, _types.GenericAlias)):
        return tp.__origin__
    if tp is Generic:
        return Generic
    if isinstance(tp, _types.UnionType):
        return _types.UnionType
    return None


def get_args(tp):
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, (_GenericAlias, _types.GenericAlias, _types.UnionType)):
        args = tp.__args__
        if args is None:
            return ()
        if isinstance(tp, _GenericAlias) and tp._name == 'Callable' and args[0] is not ...:
            return (list(args[0]),) + tuple(args[1:])
        return args
    return ()


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            hints.update(base.__dict__.get('__annotations__', {}))
    else:
        hints.update(getattr(obj, '__annotations__', {}))
    return {k: _convert(v) if v is None else v for k, v in hints.items()}


class NewType:
    """NewType creates simple unique types with almost zero runtime overhead."""

    def __init__(self, name, tp):
        self.__name__ = name
        self.__qualname__ = name
        self.__supertype__ = tp
        self.__module__ = '__main__'

    def __repr__(self):
        return f'{self.__module__}.{self.__qualname__}'

    def __call__(self, x):
        return x


# ---- argument binding with CPython's messages (NamedTuple, dataclasses) ----

def _names_list(names):
    quoted = [repr(n) for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return f'{quoted[0]} and {quoted[1]}'
    return ', '.join(quoted[:-1]) + f', and {quoted[-1]}'


def _bind(fname, fields, defaults, args, kwargs, kwonly=()):
    """The values of fields (in order) for a call fname(*args, **kwargs)
    of a function def fname(self, *fields, *, kwonly) whose trailing
    parameters have defaults (a dict), raising CPython's TypeErrors."""
    npos = len(fields)
    if len(args) > npos:
        required = sum(1 for f in fields if f not in defaults)
        given = len(args) + 1
        if required == npos:
            raise TypeError(f"{fname}() takes {npos + 1} positional argument"
                            f"{'s' if npos + 1 != 1 else ''} but {given} "
                            f"{'was' if given == 1 else 'were'} given")
        raise TypeError(f"{fname}() takes from {required + 1} to {npos + 1} positional "
                        f"arguments but {given} were given")
    values = dict(zip(fields, args))
    allnames = tuple(fields) + tuple(kwonly)
    for k, v in kwargs.items():
        if k not in allnames:
            raise TypeError(f"{fname}() got an unexpected keyword argument '{k}'")
        if k in values:
            raise TypeError(f"{fname}() got multiple values for argument '{k}'")
        values[k] = v
    missing = [f for f in fields if f not in values and f not in defaults]
    if missing:
        raise TypeError(f"{fname}() missing {len(missing)} required positional argument"
                        f"{'s' if len(missing) > 1 else ''}: {_names_list(missing)}")
    missing = [f for f in kwonly if f not in values and f not in defaults]
    if missing:
        raise TypeError(f"{fname}() missing {len(missing)} required keyword-only argument"
                        f"{'s' if len(missing) > 1 else ''}: {_names_list(missing)}")
    return [values[f] if f in values else defaults[f] for f in allnames]


# ---- NamedTuple: records that behave as tuples ----

class _Record:
    """What a NamedTuple class's instances share: a tuple of values."""
    _fields = ()
    _field_defaults = {}

    def __init__(self, *args, **kwargs):
        cls = type(self)
        values = _bind(f'{cls.__name__}.__new__', cls._fields, cls._field_defaults, args, kwargs)
        object.__setattr__(self, '_ls_values', tuple(values))

    def __setattr__(self, name, value):
        if name in type(self)._fields:
            raise AttributeError("can't set attribute")
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    def __repr__(self):
        inner = ', '.join(f'{n}={v!r}' for n, v in zip(self._fields, self._ls_values))
        return f'{type(self).__name__}({inner})'

    def __iter__(self):
        return iter(self._ls_values)

    def __len__(self):
        return len(self._ls_values)

    def __getitem__(self, i):
        try:
            return self._ls_values[i]
        except IndexError:
            raise IndexError('tuple index out of range') from None

    def __contains__(self, x):
        return x in self._ls_values

    def __hash__(self):
        return hash(self._ls_values)

    def __eq__(self, other):
        return self._ls_values == _values_of(other)

    def __ne__(self, other):
        return self._ls_values != _values_of(other)

    def __lt__(self, other):
        return self._ls_values < _values_of(other)

    def __le__(self, other):
        return self._ls_values <= _values_of(other)

    def __gt__(self, other):
        return self._ls_values > _values_of(other)

    def __ge__(self, other):
        return self._ls_values >= _values_of(other)

    def __add__(self, other):
        return self._ls_values + _values_of(other)

    def count(self, x):
        return self._ls_values.count(x)

    def index(self, x):
        return self._ls_values.index(x)

    def _asdict(self):
        return dict(zip(self._fields, self._ls_values))

    def _replace(self, **kwargs):
        values = [kwargs.pop(n, v) for n, v in zip(self._fields, self._ls_values)]
        if kwargs:
            raise ValueError(f"Got unexpected field names: {list(kwargs)!r}")
        return type(self)(*values)

    @classmethod
    def _make(cls, iterable):
        values = tuple(iterable)
        if len(values) != len(cls._fields):
            raise TypeError(f'Expected {len(cls._fields)} arguments, got {len(values)}')
        return cls(*values)

    def __getnewargs__(self):
        return self._ls_values


def _values_of(x):
    return x._ls_values if isinstance(x, _Record) else x


def _no_set(self, value):
    raise AttributeError("can't set attribute")


def _field_getter(i):
    return property(lambda self: self._ls_values[i], _no_set)


def _make_record(cls, fields, defaults):
    cls._fields = tuple(fields)
    cls._field_defaults = dict(defaults)
    for i, name in enumerate(fields):
        setattr(cls, name, _field_getter(i))
    return cls


class NamedTuple(_Record):
    """Typed version of namedtuple."""

    def __init_subclass__(cls, **kwargs):
        if NamedTuple in cls.__bases__:
            ann = cls.__dict__.get('__annotations__', {})
            defaults = {n: cls.__dict__[n] for n in ann if n in cls.__dict__}
            seen_default = False
            for n in ann:
                if n in defaults:
                    seen_default = True
                elif seen_default:
                    raise TypeError(f"Non-default namedtuple field {n} cannot follow default "
                                    f"field{'s' if len(defaults) > 1 else ''} "
                                    f"{', '.join(defaults)}")
            _make_record(cls, list(ann), defaults)
        super().__init_subclass__(**kwargs)

    def __new__(cls, *args, **kwargs):
        if cls is not NamedTuple:
            return object.__new__(cls)
        typename, fields = (list(args) + [None, None])[:2]
        if fields is None:
            fields = list(kwargs.items())
        fields = list(fields)

        class _NT(NamedTuple):
            pass
        _NT.__name__ = _NT.__qualname__ = typename
        _NT.__module__ = '__main__'
        _NT.__annotations__ = {n: t for n, t in fields}
        return _make_record(_NT, [n for n, t in fields], {})


class TypedDict:
    """A simple typed namespace. At runtime it is equivalent to a plain dict."""

    def __init_subclass__(cls, total=True, **kwargs):
        cls.__total__ = total
        keys = frozenset(cls.__dict__.get('__annotations__', {}))
        cls.__required_keys__ = keys if total else frozenset()
        cls.__optional_keys__ = frozenset() if total else keys
        super().__init_subclass__(**kwargs)

    def __new__(cls, *args, **kwargs):
        if cls is TypedDict:
            typename, fields = args[0], (args[1] if len(args) > 1 else kwargs)

            class _TD(TypedDict):
                pass
            _TD.__name__ = _TD.__qualname__ = typename
            _TD.__annotations__ = dict(fields)
            return _TD
        return dict(*args, **kwargs)
