# abc for loopscope: ABCMeta, ABC, abstractmethod, update_abstractmethods,
# register and __subclasshook__, as CPython 3.12 documents them, written for
# loopscope (stdlib.c runs this into the module "abc" when a program, or
# collections.abc, first imports it). ABCMeta is a native _metatype whose
# __init__ sets a new class up (deriving from ABC or metaclass=ABCMeta)
# and whose __call__ refuses to instantiate a class with abstract methods,
# with CPython's message (CPython checks in object.__new__).


def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


def _is_abstract(value):
    if getattr(value, '__isabstractmethod__', False):
        return True
    if isinstance(value, property):
        accessors = (getattr(value, name, None) for name in ('fget', 'fset', 'fdel'))
        return any(_is_abstract(f) for f in accessors if f is not None)
    if isinstance(value, (classmethod, staticmethod)):
        return _is_abstract(value.__func__)
    return False


def update_abstractmethods(cls):
    if not hasattr(cls, '__abstractmethods__'):
        return cls
    abstracts = set()
    for name, value in cls.__dict__.items():
        if _is_abstract(value):
            abstracts.add(name)
    for base in cls.__bases__:
        for name in getattr(base, '__abstractmethods__', ()):
            if _is_abstract(getattr(cls, name, None)):
                abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


def _subclasscheck(cls, subclass):
    if not isinstance(subclass, type):
        raise TypeError('issubclass() arg 1 must be a class')
    ok = cls.__subclasshook__(subclass)
    if ok is not NotImplemented:
        return bool(ok)
    if cls in subclass.__mro__:
        return True
    for known in cls.__dict__.get('_abc_registry', ()) + cls.__dict__.get('_abc_subclasses', ()):
        if issubclass(subclass, known):
            return True
    return False


def _instancecheck(cls, instance):
    if _subclasscheck(cls, type(instance)):
        return True
    # loopscope's own: what a builtin's type cannot tell (collections.abc)
    probe = cls.__dict__.get('_ls_probe')
    return probe is not None and probe(instance)


def _register(cls, subclass):
    if not isinstance(subclass, type):
        raise TypeError('Can only register classes')
    if issubclass(subclass, cls):
        return subclass
    if issubclass(cls, subclass):
        raise RuntimeError('Refusing to create an inheritance cycle')
    cls._abc_registry = cls.__dict__.get('_abc_registry', ()) + (subclass,)
    return subclass


def _repr(cls):
    return f"<class '{cls.__module__}.{cls.__qualname__}'>"


def _meta_init(cls, name, bases, namespace, **kwargs):
    _abc_setup(cls)


def _meta_call(cls, *args, **kwargs):
    abstracts = getattr(cls, '__abstractmethods__', ())
    if abstracts:
        names = sorted(abstracts)
        s = '' if len(names) == 1 else 's'
        raise TypeError(f"Can't instantiate abstract class {cls.__name__} without an implementation "
                        f"for abstract method{s} " + ', '.join(f"'{n}'" for n in names))
    return type.__call__(cls, *args, **kwargs)


def _no_hook(cls, subclass):
    # object.__subclasshook__, for a class made with metaclass=ABCMeta
    return NotImplemented


ABCMeta = _metatype('ABCMeta', {
    '__instancecheck__': _instancecheck, '__subclasscheck__': _subclasscheck, '__repr__': _repr,
    '__init__': _meta_init, '__call__': _meta_call, 'register': _register, '__subclasshook__': _no_hook,
})
ABCMeta.__module__ = 'abc'


def _abc_setup(cls):
    # what ABCMeta.__new__ does for a new class
    _set_type(cls, ABCMeta)
    for base in cls.__bases__:
        if isinstance(base, ABCMeta) and '_abc_subclasses' in base.__dict__:
            base._abc_subclasses = base._abc_subclasses + (cls,)
    cls._abc_subclasses = ()
    cls.__abstractmethods__ = frozenset()
    update_abstractmethods(cls)


class ABC:
    """Helper class that provides a standard way to create an ABC using
inheritance.
"""

    @classmethod
    def __subclasshook__(cls, subclass):
        return NotImplemented

    @classmethod
    def register(cls, subclass):
        return _register(cls, subclass)


_abc_setup(ABC)
ABC._abc_subclasses = ()


def get_cache_token():
    return 0
