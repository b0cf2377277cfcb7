# typing for loopscope: the names programs import from CPython 3.12's
# typing for annotations, subscriptable and with CPython's reprs, plus
# NamedTuple records and TypedDict; written for loopscope from typing's
# documentation (stdlib.c runs this into the module "typing" when a program
# first imports it). Type checkers' rules are not enforced, as at run time
# in CPython.
#
# loopscope's isinstance asks only classes (through their type's
# __instancecheck__), and a class statement takes only classes as bases, so
# the aliases (typing.List, List[int], Optional[int], ...) are classes whose
# types (_SpecialGenericAlias, _GenericAlias, ...) give CPython's repr, ==,
# |, calls and class checks, and whose __new__ turns a class statement
# deriving from one into what CPython's __mro_entries__ makes of it.
# Protocols are checked structurally by _ProtocolMeta as in CPython 3.12.
# get_type_hints evaluates string annotations with a small evaluator of type
# expressions (loopscope has no eval).
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


# ---- protocols (and the base of the aliases' types) ----

_abc = _import('abc')
_cabc = _import('collections.abc')
_collections = _import('collections')
_contextlib = _import('contextlib')

_TYPING_INTERNALS = frozenset({
    '__parameters__', '__orig_bases__', '__orig_class__', '_is_protocol', '_is_runtime_protocol',
    '__protocol_attrs__', '__callable_proto_members_only__', '__type_params__',
})
_SPECIAL_NAMES = frozenset({
    '__abstractmethods__', '__annotations__', '__dict__', '__doc__', '__init__', '__module__',
    '__new__', '__slots__', '__subclasshook__', '__weakref__', '__class_getitem__',
})
EXCLUDED_ATTRIBUTES = _TYPING_INTERNALS | _SPECIAL_NAMES | {'_MutableMapping__marker'}

_PROTO_ALLOWLIST = {
    'collections.abc': ('Callable', 'Awaitable', 'Iterable', 'Iterator', 'AsyncIterable', 'Hashable',
                        'Sized', 'Container', 'Collection', 'Reversible', 'Buffer'),
    'contextlib': ('AbstractContextManager', 'AbstractAsyncContextManager'),
}


def _get_protocol_attrs(cls):
    # the members a protocol asks for: what its classes (not Protocol,
    # Generic or object) define or annotate
    attrs = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in ('Protocol', 'Generic'):
            continue
        annotations = getattr(base, '__annotations__', {})
        for attr in list(base.__dict__) + list(annotations):
            if not attr.startswith('_abc_') and attr not in EXCLUDED_ATTRIBUTES:
                attrs.add(attr)
    return attrs


# what CPython's builtin types define that loopscope's (native) ones do
# not show in their __dict__: the special methods protocols ask about
_NUMBER_DUNDERS = ('__abs__ __add__ __bool__ __ceil__ __divmod__ __float__ __floor__ __floordiv__ '
                   '__int__ __mod__ __mul__ __neg__ __pos__ __pow__ __radd__ __rdivmod__ '
                   '__rfloordiv__ __rmod__ __rmul__ __round__ __rpow__ __rsub__ __rtruediv__ '
                   '__sub__ __truediv__ __trunc__')
_BUILTIN_DUNDERS = {
    int: frozenset((_NUMBER_DUNDERS + ' __and__ __index__ __invert__ __lshift__ __or__ __rand__ '
                    '__rlshift__ __ror__ __rrshift__ __rshift__ __rxor__ __xor__').split()),
    float: frozenset(_NUMBER_DUNDERS.split()),
    str: frozenset('__add__ __contains__ __getitem__ __iter__ __len__ __mod__ __mul__ __rmod__ '
                   '__rmul__'.split()),
    bytes: frozenset('__add__ __buffer__ __bytes__ __contains__ __getitem__ __iter__ __len__ __mod__ '
                     '__mul__ __rmod__ __rmul__'.split()),
    list: frozenset('__add__ __contains__ __delitem__ __getitem__ __iadd__ __imul__ __iter__ __len__ '
                    '__mul__ __reversed__ __rmul__ __setitem__'.split()),
    tuple: frozenset('__add__ __contains__ __getitem__ __iter__ __len__ __mul__ __rmul__'.split()),
    dict: frozenset('__contains__ __delitem__ __getitem__ __ior__ __iter__ __len__ __or__ '
                    '__reversed__ __ror__ __setitem__'.split()),
    set: frozenset('__and__ __contains__ __iand__ __ior__ __isub__ __iter__ __ixor__ __len__ __or__ '
                   '__rand__ __ror__ __rsub__ __rxor__ __sub__ __xor__'.split()),
    frozenset: frozenset('__and__ __contains__ __iter__ __len__ __or__ __rand__ __ror__ __rsub__ '
                         '__rxor__ __sub__ __xor__'.split()),
    range: frozenset('__bool__ __contains__ __getitem__ __iter__ __len__ __reversed__'.split()),
    type(iter([])): frozenset('__iter__ __length_hint__ __next__'.split()),
    type((lambda: (yield))()): frozenset('__iter__ __next__'.split()),
    type(lambda: 0): frozenset('__call__ __get__'.split()),
    type(len): frozenset(('__call__',)),
}


def _class_lookup(c, attr):
    # (True, value) when class c itself defines attr, else (False, None)
    d = c.__dict__
    if attr in d:
        return True, d[attr]
    extra = _BUILTIN_DUNDERS.get(c)
    if extra is not None and attr in extra:
        return True, getattr(c, attr, True)
    return False, None


def _static_lookup(obj, attr):
    # (True, value) when obj has attr without running any code (the way
    # inspect.getattr_static looks), else (False, None)
    if isinstance(obj, type):
        classes = list(obj.__mro__) + list(type(obj).__mro__)
    else:
        try:
            d = vars(obj)
        except TypeError:
            d = {}
        if attr in d:
            return True, d[attr]
        classes = type(obj).__mro__
    for c in classes:
        found, value = _class_lookup(c, attr)
        if found:
            return True, value
    return False, None


class _ProtocolMeta(_abc.ABCMeta):
    """The type of typing.Protocol and of the protocols derived from it."""

    def __new__(mcls, name, bases, namespace, **kwargs):
        if 'Protocol' in globals() and Protocol in bases:
            for base in bases:
                if not (base in (object, Generic)
                        or base.__name__ in _PROTO_ALLOWLIST.get(base.__module__, ())
                        or (isinstance(base, type) and issubclass(base, Generic)
                            and getattr(base, '_is_protocol', False))):
                    raise TypeError(f"Protocols can only inherit from other protocols, got {base!r}")
        return super().__new__(mcls, name, bases, namespace, **kwargs)

    def __init__(cls, *args, **kwargs):
        meta = type(cls)
        super().__init__(*args, **kwargs)
        _set_type(cls, meta)   # abc's set-up made it an ABCMeta
        if getattr(cls, '_is_protocol', False):
            attrs = _get_protocol_attrs(cls)
            cls.__protocol_attrs__ = attrs
            cls.__callable_proto_members_only__ = all(callable(getattr(cls, a, None)) for a in attrs)

    def __subclasscheck__(cls, other):
        if cls is Protocol:
            return isinstance(other, type) and Protocol in other.__mro__
        if getattr(cls, '_is_protocol', False):
            if not isinstance(other, type):
                raise TypeError('issubclass() arg 1 must be a class')
            if (not cls.__callable_proto_members_only__
                    and cls.__dict__.get('__subclasshook__') is _proto_hook):
                raise TypeError("Protocols with non-method members don't support issubclass()")
            if not getattr(cls, '_is_runtime_protocol', False):
                raise TypeError("Instance and class checks can only be used with "
                                "@runtime_checkable protocols")
        return super().__subclasscheck__(other)

    def __instancecheck__(cls, instance):
        if cls is Protocol:
            return Protocol in type(instance).__mro__
        if not getattr(cls, '_is_protocol', False):
            return super().__instancecheck__(instance)
        if not getattr(cls, '_is_runtime_protocol', False):
            raise TypeError("Instance and class checks can only be used with "
                            "@runtime_checkable protocols")
        if super().__instancecheck__(instance):
            return True
        for attr in cls.__protocol_attrs__:
            found, val = _static_lookup(instance, attr)
            if not found:
                return False
            if val is None and callable(getattr(cls, attr, None)):
                return False
        return True


def _proto_hook_fn(cls, other):
    if not cls.__dict__.get('_is_protocol', False):
        return NotImplemented
    for attr in cls.__protocol_attrs__:
        for base in other.__mro__:
            found, value = _class_lookup(base, attr)
            if found:
                if value is None:
                    return NotImplemented
                break
            annotations = getattr(base, '__annotations__', {})
            if (isinstance(annotations, dict) and attr in annotations and issubclass(other, Generic)
                    and getattr(other, '_is_protocol', False)):
                break
        else:
            return NotImplemented
    return True


_proto_hook = classmethod(_proto_hook_fn)


def _no_init_or_replace_init(self, *args, **kwargs):
    cls = type(self)
    if cls._is_protocol:
        raise TypeError('Protocols cannot be instantiated')
    if cls.__init__ is not _no_init_or_replace_init:
        return
    for base in cls.__mro__:
        init = base.__dict__.get('__init__', _no_init_or_replace_init)
        if init is not _no_init_or_replace_init:
            cls.__init__ = init
            break
    else:
        cls.__init__ = object.__init__
    cls.__init__(self, *args, **kwargs)


# ---- the aliases: typing.List, List[int], Union[int, str], ... ----
# Each is a class whose type answers isinstance/issubclass, repr, |, ==
# and calls as CPython's alias objects do; a class statement deriving
# from one gets the classes CPython's __mro_entries__ gives.

_alias_cache = {}


def _hashable(args):
    return tuple(tuple(a) if isinstance(a, list) else a for a in args)


class _AliasBase:
    def __class_getitem__(cls, params):
        return type(cls)._getitem(cls, params)


def _new_alias(meta, name, attrs):
    class _Alias(_AliasBase):
        pass
    for k, v in attrs.items():
        setattr(_Alias, k, v)
    _Alias.__name__ = _Alias.__qualname__ = name
    _Alias.__module__ = 'typing'
    _set_type(_Alias, meta)
    return _Alias


def _entries(alias, bases):
    # what a typing alias among a class's bases stands for
    origin = alias.__origin__
    if isinstance(alias, _SpecialGenericAlias) or alias._name:
        if isinstance(origin, _SpecialForm):
            raise TypeError(f"Cannot subclass {alias!r}")
        res = []
        if origin not in bases:
            res.append(origin)
        i = 0
        while bases[i] is not alias:
            i += 1
        for b in bases[i + 1:]:
            if _is_alias(b) or (isinstance(b, type) and issubclass(b, Generic)):
                break
        else:
            res.append(Generic)
        return tuple(res)
    if isinstance(origin, _SpecialForm):
        raise TypeError(f"Cannot subclass {alias!r}")
    return (origin,)


class _AliasMeta(_ProtocolMeta):
    """What the types of typing's aliases share."""

    def __new__(mcls, name, bases, namespace, **kwargs):
        # class C(List[int]) / class C(typing.Iterable): the bases are
        # what the aliases stand for, as CPython's __mro_entries__ has it
        resolved = []
        for b in bases:
            for e in (_entries(b, bases) if _is_alias(b) else (b,)):
                resolved.append(e)
        namespace = dict(namespace)
        namespace['__orig_bases__'] = bases
        meta = type
        for b in resolved:
            if issubclass(type(b), meta):
                meta = type(b)
            elif not issubclass(meta, type(b)):
                raise TypeError('metaclass conflict: the metaclass of a derived class must be a '
                                '(non-strict) subclass of the metaclasses of all its bases')
        return meta(name, tuple(resolved), namespace, **kwargs)

    def __or__(cls, other):
        return Union[cls, other]

    def __ror__(cls, other):
        return Union[other, cls]

    def __call__(cls, *args, **kwargs):
        if cls._name in ('List', 'Dict', 'Set', 'FrozenSet', 'Tuple', 'Type'):
            raise TypeError(f"Type {cls._name} cannot be instantiated; use "
                            f"{cls.__origin__.__name__}() instead")
        if isinstance(cls.__origin__, _SpecialForm):
            raise TypeError(f"Cannot instantiate {cls.__origin__!r}")
        result = cls.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = cls
        except Exception:
            pass
        return result


def _is_alias(x):
    return isinstance(x, _AliasMeta)


class _SpecialGenericAlias(_AliasMeta):
    """The type of the bare typing.List, typing.Iterable, ..."""

    def __repr__(cls):
        return 'typing.' + cls._name

    def __instancecheck__(cls, obj):
        return isinstance(obj, cls.__origin__)

    def __subclasscheck__(cls, other):
        if isinstance(other, _SpecialGenericAlias):
            return issubclass(other.__origin__, cls.__origin__)
        if isinstance(other, _GenericAlias):
            raise TypeError("Subscripted generics cannot be used with class and instance checks")
        return issubclass(other, cls.__origin__)

    def _getitem(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        name = cls._name
        if name == 'Callable':
            if len(params) != 2:
                raise TypeError("Callable must be used as Callable[[arg, ...], result].")
            args, result = params
            if args is ...:
                return _make_generic(cls.__origin__, (..., _convert(result)), name)
            if not isinstance(args, (list, tuple)):
                raise TypeError(f"Callable[args, result]: args must be a list. Got {_type_repr(args)}")
            return _make_generic(cls.__origin__, ([_convert(a) for a in args], _convert(result)), name)
        if name == 'Tuple' and params == ((),):
            return _make_generic(cls.__origin__, (), name)
        params = tuple(_convert(p) for p in params)
        n = cls._nparams
        if n == 0:
            raise TypeError(f"{cls!r} is not a generic class")
        if n >= 0 and len(params) != n and name != 'Tuple':
            many = 'many' if len(params) > n else 'few'
            raise TypeError(f"Too {many} arguments for {cls!r}; actual {len(params)}, expected {n}")
        return _make_generic(cls.__origin__, params, name)


class _CallableType(_SpecialGenericAlias):
    pass


class _TupleType(_SpecialGenericAlias):
    pass


def _special(origin, name, nparams, meta=_SpecialGenericAlias):
    return _new_alias(meta, name, {'__origin__': origin, '_name': name, '_nparams': nparams})


class _GenericAlias(_AliasMeta):
    """The type of List[int], Stack[int], ClassVar[int], ..."""

    def __repr__(cls):
        name = 'typing.' + cls._name if cls._name else _type_repr(cls.__origin__)
        if cls.__args__ == ():
            return f'{name}[()]'
        return f"{name}[{', '.join(_arg_repr(a) for a in cls.__args__)}]"

    def _getitem(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        free = _typevars(cls.__args__)
        if not free:
            raise TypeError(f"{cls!r} is not a generic class")
        if len(params) != len(free):
            many = 'many' if len(params) > len(free) else 'few'
            raise TypeError(f"Too {many} arguments for {cls!r}; actual {len(params)}, "
                            f"expected {len(free)}")
        subst = dict(zip(free, (_convert(p) for p in params)))
        return cls.copy_with(tuple(_subst(a, subst) for a in cls.__args__))

    def copy_with(cls, args):
        return _make_generic(cls.__origin__, args, cls._name)

    def __eq__(cls, other):
        if not isinstance(other, _GenericAlias) or isinstance(other, _UnionGenericAlias):
            return NotImplemented
        return cls.__origin__ == other.__origin__ and cls.__args__ == other.__args__

    def __hash__(cls):
        return hash((cls.__origin__, _hashable(cls.__args__)))

    def __instancecheck__(cls, obj):
        return cls.__subclasscheck__(type(obj))

    def __subclasscheck__(cls, other):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")


def _make_generic(origin, args, name=None, meta=_GenericAlias, extra=None, title=None):
    try:
        key = (meta, origin, _hashable(args), tuple(type(a) for a in args), name,
               tuple((extra or {}).items()))
        hash(key)
    except TypeError:
        key = None
    if key is not None and key in _alias_cache:
        return _alias_cache[key]
    attrs = {'__origin__': origin, '__args__': args, '_name': name,
             '__parameters__': tuple(_typevars(args))}
    if extra:
        attrs.update(extra)
    alias = _new_alias(meta, title or name or getattr(origin, '__name__', 'Alias'), attrs)
    if key is not None:
        _alias_cache[key] = alias
    return alias


class _UnionGenericAlias(_GenericAlias):
    """The type of Union[int, str] and Optional[int]."""

    def __repr__(cls):
        args = cls.__args__
        if len(args) == 2 and _NoneType in args:
            other = args[0] if args[1] is _NoneType else args[1]
            return f'typing.Optional[{_type_repr(other)}]'
        return f"typing.Union[{', '.join(_type_repr(a) for a in args)}]"

    def copy_with(cls, args):
        return Union[args]

    def __eq__(cls, other):
        if not isinstance(other, (_UnionGenericAlias, _types.UnionType)):
            return NotImplemented
        return set(cls.__args__) == set(other.__args__)

    def __hash__(cls):
        return hash(frozenset(cls.__args__))

    def __instancecheck__(cls, obj):
        return cls.__subclasscheck__(type(obj))

    def __subclasscheck__(cls, other):
        for arg in cls.__args__:
            if issubclass(other, arg):
                return True
        return False


class _LiteralGenericAlias(_GenericAlias):
    def __repr__(cls):
        return f"typing.Literal[{', '.join(repr(v) for v in cls.__args__)}]"

    def copy_with(cls, args):
        return cls

    def __eq__(cls, other):
        if not isinstance(other, _LiteralGenericAlias):
            return NotImplemented
        return set((type(a), a) for a in cls.__args__) == set((type(a), a) for a in other.__args__)

    def __hash__(cls):
        return hash(frozenset((type(a), a) for a in cls.__args__))


class _AnnotatedAlias(_GenericAlias):
    def __repr__(cls):
        meta = ', '.join(repr(m) for m in cls.__metadata__)
        return f'typing.Annotated[{_type_repr(cls.__origin__)}, {meta}]'

    def copy_with(cls, args):
        return Annotated[(args[0],) + tuple(cls.__metadata__)]

    def __eq__(cls, other):
        if not isinstance(other, _AnnotatedAlias):
            return NotImplemented
        return cls.__origin__ == other.__origin__ and cls.__metadata__ == other.__metadata__

    def __hash__(cls):
        return hash((cls.__origin__, cls.__metadata__))


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
        return a.copy_with(tuple(_subst(x, subst) for x in a.__args__))
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

    def __instancecheck__(self, obj):
        raise TypeError(f"{self} cannot be used with isinstance()")

    def __subclasscheck__(self, cls):
        raise TypeError(f"{self} cannot be used with issubclass()")


def _union_item(form, params):
    if params == ():
        raise TypeError("Cannot take a Union of no types.")
    if not isinstance(params, tuple):
        params = (params,)
    args = []
    for p in params:
        p = _convert(p)
        if isinstance(p, (_UnionGenericAlias, _types.UnionType)):
            parts = p.__args__
        else:
            parts = (p,)
        for x in parts:
            if x not in args:
                args.append(x)
    if len(args) == 1:
        return args[0]
    args = tuple(args)
    title = 'Optional' if len(args) == 2 and _NoneType in args else 'Union'
    return _make_generic(Union, args, None, _UnionGenericAlias, title=title)


def _optional_item(form, param):
    return Union[param, None]


def _one_arg(form, param):
    if isinstance(param, tuple):
        raise TypeError(f"{form} accepts only single type.")
    return _make_generic(form, (_convert(param),), form._name)


def _literal_item(form, params):
    if not isinstance(params, tuple):
        params = (params,)
    return _make_generic(form, params, None, _LiteralGenericAlias, title='Literal')


def _annotated_item(form, params):
    if not isinstance(params, tuple) or len(params) < 2:
        raise TypeError("Annotated[...] should be used with at least two arguments "
                        "(a type and an annotation).")
    origin = _convert(params[0])
    metadata = tuple(params[1:])
    if isinstance(origin, _AnnotatedAlias):
        metadata = origin.__metadata__ + metadata
        origin = origin.__origin__
    return _make_generic(origin, (origin,), 'Annotated', _AnnotatedAlias, {'__metadata__': metadata})


def _concatenate_item(form, params):
    return _make_generic(form, params if isinstance(params, tuple) else (params,), 'Concatenate')


class _AnyMeta(type):
    def __instancecheck__(self, obj):
        if self is Any:
            raise TypeError("typing.Any cannot be used with isinstance()")
        return self in type(obj).__mro__

    def __subclasscheck__(self, cls):
        return isinstance(cls, type) and self in cls.__mro__

    def __repr__(self):
        if self is Any:
            return "typing.Any"
        return f"<class '{self.__module__}.{self.__qualname__}'>"


class Any(metaclass=_AnyMeta):
    """Special type indicating an unconstrained type."""

    def __new__(cls, *args, **kwargs):
        if cls is Any:
            raise TypeError("Any cannot be instantiated")
        return super().__new__(cls)


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
Concatenate = _SpecialForm('Concatenate', _concatenate_item)

List = _special(list, 'List', 1)
Dict = _special(dict, 'Dict', 2)
Set = _special(set, 'Set', 1)
FrozenSet = _special(frozenset, 'FrozenSet', 1)
Tuple = _special(tuple, 'Tuple', -1, _TupleType)
Type = _special(type, 'Type', 1)
Deque = _special(_collections.deque, 'Deque', 1)
DefaultDict = _special(_collections.defaultdict, 'DefaultDict', 2)
OrderedDict = _special(_collections.OrderedDict, 'OrderedDict', 2)
Counter = _special(_collections.Counter, 'Counter', 1)
ChainMap = _special(_collections.ChainMap, 'ChainMap', 2)
Callable = _special(_cabc.Callable, 'Callable', -1, _CallableType)
Awaitable = _special(_cabc.Awaitable, 'Awaitable', 1)
Coroutine = _special(_cabc.Coroutine, 'Coroutine', 3)
AsyncIterable = _special(_cabc.AsyncIterable, 'AsyncIterable', 1)
AsyncIterator = _special(_cabc.AsyncIterator, 'AsyncIterator', 1)
AsyncGenerator = _special(_cabc.AsyncGenerator, 'AsyncGenerator', 2)
Iterable = _special(_cabc.Iterable, 'Iterable', 1)
Iterator = _special(_cabc.Iterator, 'Iterator', 1)
Generator = _special(_cabc.Generator, 'Generator', 3)
Reversible = _special(_cabc.Reversible, 'Reversible', 1)
Container = _special(_cabc.Container, 'Container', 1)
Collection = _special(_cabc.Collection, 'Collection', 1)
Hashable = _special(_cabc.Hashable, 'Hashable', 0)
Sized = _special(_cabc.Sized, 'Sized', 0)
Sequence = _special(_cabc.Sequence, 'Sequence', 1)
MutableSequence = _special(_cabc.MutableSequence, 'MutableSequence', 1)
Mapping = _special(_cabc.Mapping, 'Mapping', 2)
MutableMapping = _special(_cabc.MutableMapping, 'MutableMapping', 2)
AbstractSet = _special(_cabc.Set, 'AbstractSet', 1)
MutableSet = _special(_cabc.MutableSet, 'MutableSet', 1)
MappingView = _special(_cabc.MappingView, 'MappingView', 1)
KeysView = _special(_cabc.KeysView, 'KeysView', 1)
ValuesView = _special(_cabc.ValuesView, 'ValuesView', 1)
ItemsView = _special(_cabc.ItemsView, 'ItemsView', 2)
ContextManager = _special(_contextlib.AbstractContextManager, 'ContextManager', 1)
AsyncContextManager = _special(_contextlib.AbstractAsyncContextManager, 'AsyncContextManager', 1)
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


AnyStr = TypeVar('AnyStr', bytes, str)


class Generic:
    """Abstract base class for generic types."""

    def __class_getitem__(cls, params):
        if cls is Generic or cls is Protocol:
            return cls
        if not isinstance(params, tuple):
            params = (params,)
        return _make_generic(cls, tuple(_convert(p) for p in params))


class Protocol(Generic, metaclass=_ProtocolMeta):
    """Base class for protocol classes."""
    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get('_is_protocol', False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)
        if '__subclasshook__' not in cls.__dict__:
            cls.__subclasshook__ = _proto_hook
        if cls._is_protocol:
            for c in cls.__mro__:
                if '__init__' in c.__dict__:
                    break
            else:
                c = object
            if c is object:
                cls.__init__ = _no_init_or_replace_init


def runtime_checkable(cls):
    """Mark a protocol class as a runtime protocol."""
    if not (isinstance(cls, type) and issubclass(cls, Generic)) or not getattr(cls, '_is_protocol', False):
        raise TypeError(f'@runtime_checkable can be only applied to protocol classes, got {cls!r}')
    cls._is_runtime_protocol = True
    return cls


_abstractmethod = _abc.abstractmethod


@runtime_checkable
class SupportsInt(Protocol):
    """An ABC with one abstract method __int__."""
    __slots__ = ()

    @_abstractmethod
    def __int__(self) -> int:
        pass


@runtime_checkable
class SupportsFloat(Protocol):
    """An ABC with one abstract method __float__."""
    __slots__ = ()

    @_abstractmethod
    def __float__(self) -> float:
        pass


@runtime_checkable
class SupportsComplex(Protocol):
    """An ABC with one abstract method __complex__."""
    __slots__ = ()

    @_abstractmethod
    def __complex__(self) -> complex:
        pass


@runtime_checkable
class SupportsBytes(Protocol):
    """An ABC with one abstract method __bytes__."""
    __slots__ = ()

    @_abstractmethod
    def __bytes__(self) -> bytes:
        pass


@runtime_checkable
class SupportsIndex(Protocol):
    """An ABC with one abstract method __index__."""
    __slots__ = ()

    @_abstractmethod
    def __index__(self) -> int:
        pass


@runtime_checkable
class SupportsAbs(Protocol):
    """An ABC with one abstract method __abs__ that is covariant in its return type."""
    __slots__ = ()

    @_abstractmethod
    def __abs__(self):
        pass


@runtime_checkable
class SupportsRound(Protocol):
    """An ABC with one abstract method __round__ that is covariant in its return type."""
    __slots__ = ()

    @_abstractmethod
    def __round__(self, ndigits=0):
        pass


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
    """The unsubscripted version of a type: List[int] -> list."""
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, (_AliasMeta, _types.GenericAlias)):
        return tp.__origin__
    if tp is Generic:
        return Generic
    if isinstance(tp, _types.UnionType):
        return _types.UnionType
    return None


def get_args(tp):
    """The type arguments of a type: Dict[int, str] -> (int, str)."""
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, (_GenericAlias, _types.GenericAlias, _types.UnionType)):
        return tp.__args__
    return ()


# ---- string annotations: a small evaluator for type expressions ----
# (names, dots, subscripts, |, literals), what eval() does for
# get_type_hints in CPython

_PUNCT = '[](),.|-'


def _tokens(src):
    toks = []
    i, n = 0, len(src)
    while i < n:
        ch = src[i]
        if ch in ' \t\n':
            i += 1
        elif src.startswith('...', i):
            toks.append(('lit', ...))
            i += 3
        elif ch in _PUNCT:
            toks.append(('op', ch))
            i += 1
        elif ch.isalpha() or ch == '_':
            j = i + 1
            while j < n and (src[j].isalnum() or src[j] == '_'):
                j += 1
            toks.append(('name', src[i:j]))
            i = j
        elif ch.isdigit():
            j = i + 1
            while j < n and (src[j].isdigit() or src[j] in '._'):
                j += 1
            text = src[i:j].replace('_', '')
            toks.append(('lit', float(text) if '.' in text else int(text)))
            i = j
        elif ch in '\'"':
            j = i + 1
            out = []
            while j < n and src[j] != ch:
                if src[j] == '\\' and j + 1 < n:
                    j += 1
                out.append(src[j])
                j += 1
            if j >= n:
                raise SyntaxError
            toks.append(('lit', ''.join(out)))
            i = j + 1
        else:
            raise SyntaxError
    return toks


class _TypeExpr:
    def __init__(self, src, globalns, localns):
        self.toks = _tokens(src)
        self.pos = 0
        self.globalns = globalns
        self.localns = localns

    def peek(self, value=None):
        if self.pos < len(self.toks):
            t = self.toks[self.pos]
            if value is None or (t[0] == 'op' and t[1] == value):
                return t
        return None

    def take(self, value):
        if not self.peek(value):
            raise SyntaxError
        self.pos += 1

    def parse(self):
        value = self.expr()
        if self.pos != len(self.toks):
            raise SyntaxError
        return value

    def expr(self):
        value = self.postfix()
        while self.peek('|'):
            self.pos += 1
            value = value | self.postfix()
        return value

    def postfix(self):
        value = self.atom()
        while True:
            if self.peek('.'):
                self.pos += 1
                t = self.peek()
                if t is None or t[0] != 'name':
                    raise SyntaxError
                self.pos += 1
                value = getattr(value, t[1])
            elif self.peek('['):
                self.pos += 1
                items, comma = self.items(']')
                value = value[tuple(items) if comma or not items else items[0]]
            else:
                return value

    def items(self, close):
        items, comma = [], False
        while not self.peek(close):
            items.append(self.expr())
            if self.peek(','):
                self.pos += 1
                comma = True
            elif not self.peek(close):
                raise SyntaxError
        self.pos += 1
        return items, comma

    def atom(self):
        t = self.peek()
        if t is None:
            raise SyntaxError
        self.pos += 1
        kind, v = t
        if kind == 'lit':
            return v
        if kind == 'name':
            return self.lookup(v)
        if v == '[':
            return self.items(']')[0]
        if v == '(':
            items, comma = self.items(')')
            if len(items) == 1 and not comma:
                return items[0]
            return tuple(items)
        if v == '-':
            value = self.atom()
            return -value
        raise SyntaxError

    def lookup(self, name):
        if name in ('None', 'True', 'False'):
            return {'None': None, 'True': True, 'False': False}[name]
        for ns in (self.localns, self.globalns):
            if ns is not None and name in ns:
                return ns[name]
        for ns in (self.localns, self.globalns):
            b = ns.get('__builtins__') if isinstance(ns, dict) else None
            if b is not None and not isinstance(b, dict):
                b = _module_dict(b)
            if b is not None and name in b:
                return b[name]
        if name in _BUILTIN_TYPES:
            return _BUILTIN_TYPES[name]
        raise NameError(f"name '{name}' is not defined")


_BUILTIN_TYPES = {t.__name__: t for t in (int, float, str, bytes, bool, list, dict, set, frozenset,
                                           tuple, type, object, range, slice, BaseException,
                                           Exception)}


def _eval_forward(ref, globalns, localns):
    src = ref.__forward_arg__
    try:
        expr = _TypeExpr(src, globalns, localns)
        value = expr.parse()
    except SyntaxError:
        raise SyntaxError(f'Forward reference must be an expression -- got {src!r}') from None
    return _eval_type(_convert(value), globalns, localns)


def _eval_type(t, globalns, localns):
    # t with its forward references (strings) evaluated
    if isinstance(t, ForwardRef):
        return _eval_forward(t, globalns, localns)
    if isinstance(t, list):
        return [_eval_type(a, globalns, localns) for a in t]
    if isinstance(t, _types.GenericAlias):
        args = tuple(ForwardRef(a) if isinstance(a, str) else a for a in t.__args__)
        new = tuple(_eval_type(a, globalns, localns) for a in args)
        if new == t.__args__:
            return t
        return _types.GenericAlias(t.__origin__, new)
    if isinstance(t, _types.UnionType):
        new = [_eval_type(a, globalns, localns) for a in t.__args__]
        if tuple(new) == t.__args__:
            return t
        return Union[tuple(new)]
    if isinstance(t, _GenericAlias) and not isinstance(t, _LiteralGenericAlias):
        new = tuple(_eval_type(a, globalns, localns) for a in t.__args__)
        if all(x is y for x, y in zip(new, t.__args__)):
            return t
        return t.copy_with(new)
    return t


def _strip_annotations(t):
    if isinstance(t, _AnnotatedAlias):
        return _strip_annotations(t.__origin__)
    if isinstance(t, _GenericAlias) and t.__origin__ in (Required, NotRequired):
        return _strip_annotations(t.__args__[0])
    if isinstance(t, _GenericAlias) and not isinstance(t, _LiteralGenericAlias):
        new = tuple(_strip_annotations(a) for a in t.__args__)
        if all(x is y for x, y in zip(new, t.__args__)):
            return t
        return t.copy_with(new)
    return t


def _module_dict(mod):
    if mod is None:
        return {}
    try:
        return vars(mod)
    except TypeError:
        return {}


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """Return type hints for an object, its string annotations evaluated."""
    if getattr(obj, '__no_type_check__', None):
        return {}
    if isinstance(obj, type):
        hints = {}
        for base in reversed(obj.__mro__):
            if globalns is None:
                base_globals = _module_dict(sys.modules.get(base.__module__, None))
            else:
                base_globals = globalns
            ann = base.__dict__.get('__annotations__', {})
            base_locals = dict(vars(base)) if localns is None else localns
            if localns is None and globalns is None:
                base_globals, base_locals = base_locals, base_globals
            for name, value in ann.items():
                if value is None:
                    value = _NoneType
                if isinstance(value, str):
                    value = ForwardRef(value)
                hints[name] = _eval_type(value, base_globals, base_locals)
    else:
        if globalns is None:
            if isinstance(obj, type(sys)):
                globalns = _module_dict(obj)
            else:
                nsobj = obj
                while hasattr(nsobj, '__wrapped__'):
                    nsobj = nsobj.__wrapped__
                globalns = getattr(nsobj, '__globals__', None)
                if globalns is None:
                    func = getattr(nsobj, '__func__', None)
                    globalns = getattr(func, '__globals__', {})
            if localns is None:
                localns = globalns
        elif localns is None:
            localns = globalns
        hints = getattr(obj, '__annotations__', None)
        if hints is None:
            if callable(obj) or isinstance(obj, type(sys)):
                return {}
            raise TypeError(f'{obj!r} is not a module, class, method, or function.')
        hints = dict(hints)
        for name, value in hints.items():
            if value is None:
                value = _NoneType
            if isinstance(value, str):
                value = ForwardRef(value)
            hints[name] = _eval_type(value, globalns, localns)
    if include_extras:
        return hints
    return {k: _strip_annotations(t) for k, t in hints.items()}


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
