# types for loopscope: what programs use of CPython 3.12's types module,
# written for loopscope (stdlib.c runs this into the module "types" when a
# program first imports it, or first writes list[int] or int | None: the VM
# asks _alias and _union for those).


def _type_repr(obj):
    if obj is ...:
        return '...'
    if isinstance(obj, list):
        return '[' + ', '.join(_type_repr(x) for x in obj) + ']'
    if hasattr(obj, '__origin__') and hasattr(obj, '__args__'):
        return repr(obj)
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    return repr(obj)


class GenericAlias:
    """Represent a PEP 585 generic type

E.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,)."""

    def __init__(self, origin, args):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args

    def __repr__(self):
        if not self.__args__:
            inner = '()'
        else:
            inner = ', '.join(_type_repr(a) for a in self.__args__)
        return f'{_type_repr(self.__origin__)}[{inner}]'

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return self.__origin__ is other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)


class UnionType:
    """Represent a PEP 604 union type

E.g. for int | str"""

    def __init__(self, args):
        self.__args__ = args

    def __repr__(self):
        return ' | '.join('None' if a is type(None) else _type_repr(a) for a in self.__args__)

    def __eq__(self, other):
        if not (isinstance(other, UnionType) or type(other).__name__ == '_UnionAlias'):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)


def _alias(origin, args):
    return GenericAlias(origin, args)


def _union(a, b):
    args = []
    for x in (a, b):
        if x is None:
            x = type(None)
        if isinstance(x, UnionType):
            parts = x.__args__
        elif isinstance(x, (type, GenericAlias)):
            parts = (x,)
        else:
            return NotImplemented
        for p in parts:
            if p not in args:
                args.append(p)
    if len(args) == 1:
        return args[0]
    return UnionType(tuple(args))


class SimpleNamespace:
    def __init__(self, mapping_or_iterable=(), /, **kwargs):
        self.__dict__.update(dict(mapping_or_iterable))
        self.__dict__.update(kwargs)

    def __repr__(self):
        items = ', '.join(f'{k}={v!r}' for k, v in self.__dict__.items())
        return f'namespace({items})'

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented


SimpleNamespace.__module__ = 'types'


def _f():
    pass


def _g():
    yield


FunctionType = LambdaType = type(_f)
GeneratorType = type(_g())
NoneType = type(None)
