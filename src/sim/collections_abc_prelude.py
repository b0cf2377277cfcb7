# collections.abc for loopscope: CPython 3.12's abstract base classes as
# the collections.abc documentation describes them, written for loopscope
# (stdlib.c runs this into the module "collections.abc" when a program
# first imports it). They subscript for annotations
# (AsyncIterator[int] is a types.GenericAlias, printed as CPython prints
# it), and isinstance/issubclass answer structurally, as CPython's
# __subclasshook__s do, through abc.ABCMeta's __instancecheck__ (the type
# of each ABC, set by the native _set_type).
_types = _import('types')
_abcmod = _import('abc')
ABCMeta = _abcmod.ABCMeta


def _has(cls, names):
    for name in names:
        found = False
        for c in cls.__mro__:
            if name in c.__dict__:
                if c.__dict__[name] is None:
                    return False
                found = True
                break
        if not found:
            return False
    return True


def _iterable(x):
    try:
        iter(x)
    except TypeError:
        return False
    return True


def _iterator(x):
    try:
        return iter(x) is x
    except TypeError:
        return False


def _gen_like(x):
    return type(x).__name__ == 'generator'


class _Base:
    _ls_methods = ()

    def __class_getitem__(cls, params):
        return _types.GenericAlias(cls, params)

    @classmethod
    def __subclasshook__(cls, C):
        # the structural answer: C has the methods (ABCMeta then asks the
        # MRO and the registry)
        if cls._ls_methods and _has(C, cls._ls_methods):
            return True
        return NotImplemented

    @classmethod
    def register(cls, subclass):
        return _abcmod._register(cls, subclass)


def _abc(name, methods=(), registered=(), probe=None, bases=()):
    # no starred bases in loopscope's class statement
    bases = bases or (_Base,)
    if len(bases) == 1:
        class _ABC(bases[0]):
            pass
    elif len(bases) == 2:
        class _ABC(bases[0], bases[1]):
            pass
    else:
        class _ABC(bases[0], bases[1], bases[2]):
            pass
    _ABC.__name__ = _ABC.__qualname__ = name
    _ABC.__module__ = 'collections.abc'
    _ABC._ls_methods = methods
    _ABC._abc_registry = registered
    if probe is not None:
        _ABC._ls_probe = probe
    _set_type(_ABC, ABCMeta)
    return _ABC


Hashable = _abc('Hashable', (), (int, str, float, tuple, frozenset, type(None), bool),
                probe=lambda x: _try_hash(x))
Awaitable = _abc('Awaitable', ('__await__',))
Coroutine = _abc('Coroutine', ('send', 'throw', 'close', '__await__'), bases=(Awaitable,))
AsyncIterable = _abc('AsyncIterable', ('__aiter__',))
AsyncIterator = _abc('AsyncIterator', ('__aiter__', '__anext__'), bases=(AsyncIterable,))
AsyncGenerator = _abc('AsyncGenerator', ('__aiter__', '__anext__', 'asend', 'athrow', 'aclose'),
                      bases=(AsyncIterator,))
Iterable = _abc('Iterable', ('__iter__',), (list, tuple, str, dict, set, frozenset, range),
                probe=_iterable)
Iterator = _abc('Iterator', ('__iter__', '__next__'), probe=_iterator, bases=(Iterable,))
Reversible = _abc('Reversible', ('__reversed__', '__iter__'), (list, tuple, str, range, dict),
                  bases=(Iterable,))
Generator = _abc('Generator', ('__iter__', '__next__', 'send', 'throw', 'close'), probe=_gen_like,
                 bases=(Iterator,))
Sized = _abc('Sized', ('__len__',), (list, tuple, str, dict, set, frozenset, range))
Container = _abc('Container', ('__contains__',), (list, tuple, str, dict, set, frozenset, range))
Collection = _abc('Collection', ('__len__', '__iter__', '__contains__'),
                  (list, tuple, str, dict, set, frozenset, range), bases=(Sized, Iterable, Container))
Callable = _abc('Callable', ('__call__',), probe=callable)
Sequence = _abc('Sequence', (), (list, tuple, str, range), bases=(Reversible, Collection))
MutableSequence = _abc('MutableSequence', (), (list,), bases=(Sequence,))
ByteString = _abc('ByteString', (), (), bases=(Sequence,))
Set = _abc('Set', (), (set, frozenset), bases=(Collection,))
MutableSet = _abc('MutableSet', (), (set,), bases=(Set,))
Mapping = _abc('Mapping', (), (dict,), bases=(Collection,))
MutableMapping = _abc('MutableMapping', (), (dict,), bases=(Mapping,))
MappingView = _abc('MappingView', (), (), bases=(Sized,))
KeysView = _abc('KeysView', (), (), bases=(MappingView, Set))
ItemsView = _abc('ItemsView', (), (), bases=(MappingView, Set))
ValuesView = _abc('ValuesView', (), (), bases=(MappingView, Collection))
Buffer = _abc('Buffer', ('__buffer__',))


def _try_hash(x):
    try:
        hash(x)
    except TypeError:
        return False
    return True


del _abc
_set_type(_Base, ABCMeta)


# the mixin methods programs lean on
def _self(self):
    return self


Iterator.__iter__ = _self
AsyncIterator.__aiter__ = _self
Generator.__next__ = lambda self: self.send(None)
Mapping.get = lambda self, key, default=None: self[key] if key in self else default
