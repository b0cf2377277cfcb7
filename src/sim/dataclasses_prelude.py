# dataclasses for loopscope: CPython 3.12's dataclasses as its
# documentation describes them, written for loopscope (stdlib.c runs this
# into the module "dataclasses" when a program first imports it). CPython
# writes each class's __init__, __repr__, __eq__, ... as source and runs it;
# here they are generic functions that read the class's fields, with
# CPython's messages.

_typing = _import('typing')
_bind = _typing._bind


class FrozenInstanceError(AttributeError):
    pass


class _MissingType:
    def __repr__(self):
        return 'MISSING'


MISSING = _MissingType()


class _KwOnlyType:
    def __repr__(self):
        return 'KW_ONLY'


KW_ONLY = _KwOnlyType()


class InitVar:
    def __init__(self, type):
        self.type = type

    def __repr__(self):
        t = self.type
        name = t.__name__ if isinstance(t, type) else repr(t)
        return f'dataclasses.InitVar[{name}]'

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field('
                f'name={self.name!r},'
                f'type={self.type!r},'
                f'default={self.default!r},'
                f'default_factory={self.default_factory!r},'
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'hash={self.hash!r},'
                f'compare={self.compare!r},'
                f'metadata={self.metadata!r},'
                f'kw_only={self.kw_only!r},'
                f'_field_type={self._field_type})')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(a):
    if isinstance(a, str):
        return a.startswith('ClassVar') or a.startswith('typing.ClassVar')
    return a is _typing.ClassVar or getattr(a, '_name', None) == 'ClassVar' and hasattr(a, '__origin__')


def _own_fields(cls, kw_only):
    ann = cls.__dict__.get('__annotations__', {})
    out = []
    kw = kw_only
    for name, tp in ann.items():
        if tp is KW_ONLY:
            kw = True
            continue
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = field(default=default)
        f.name = name
        f.type = tp
        if _is_classvar(tp):
            f._field_type = '_FIELD_CLASSVAR'
        elif isinstance(tp, InitVar) or tp is InitVar:
            f._field_type = '_FIELD_INITVAR'
        else:
            f._field_type = '_FIELD'
        if f.kw_only is MISSING:
            f.kw_only = kw
        if f._field_type == '_FIELD' and f.default is not MISSING and \
                (type(f.default) in (list, dict, set) or type(f.default).__hash__ is None):
            raise ValueError(f'mutable default {type(f.default)} for field {name} is not allowed: '
                             f'use default_factory')
        if f._field_type == '_FIELD_CLASSVAR' and f.default_factory is not MISSING:
            raise TypeError(f'field {name} cannot have a default factory')
        out.append(f)
        if isinstance(default, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in ann:
            raise TypeError(f'{name!r} is a field but has no type annotation')
    return out


def _init_fields(cls):
    return [f for f in cls.__dataclass_fields__.values() if f._field_type != '_FIELD_CLASSVAR']


def _dc_init(self, *args, **kwargs):
    cls = type(self)
    fields = [f for f in _init_fields(cls) if f.init]
    pos = [f.name for f in fields if not f.kw_only]
    kwo = [f.name for f in fields if f.kw_only]
    defaults = {f.name: f for f in fields if f.default is not MISSING or f.default_factory is not MISSING}
    values = _bind(f'{cls.__qualname__}.__init__', pos, defaults, args, kwargs, kwo)
    given = dict(zip(pos + kwo, values))
    initvars = []
    setter = object.__setattr__ if cls.__dataclass_params__.frozen else setattr
    for f in _init_fields(cls):
        if f.init:
            v = given[f.name]
            if isinstance(v, Field):
                v = f.default_factory() if f.default_factory is not MISSING else f.default
        elif f.default_factory is not MISSING:
            v = f.default_factory()
        elif f.default is not MISSING:
            v = f.default
        else:
            continue
        if f._field_type == '_FIELD_INITVAR':
            initvars.append(v)
        else:
            setter(self, f.name, v)
    post = getattr(self, '__post_init__', None)
    if post is not None:
        post(*initvars)


def _fields_of(obj, what):
    return [f for f in obj.__dataclass_fields__.values() if f._field_type == '_FIELD' and getattr(f, what)]


def _dc_repr(self):
    inner = ', '.join(f'{f.name}={getattr(self, f.name)!r}' for f in _fields_of(self, 'repr'))
    return f'{type(self).__qualname__}({inner})'


def _key(self):
    return tuple(getattr(self, f.name) for f in _fields_of(self, 'compare'))


def _dc_eq(self, other):
    if other.__class__ is self.__class__:
        return _key(self) == _key(other)
    return NotImplemented


def _dc_lt(self, other):
    if other.__class__ is self.__class__:
        return _key(self) < _key(other)
    return NotImplemented


def _dc_le(self, other):
    if other.__class__ is self.__class__:
        return _key(self) <= _key(other)
    return NotImplemented


def _dc_gt(self, other):
    if other.__class__ is self.__class__:
        return _key(self) > _key(other)
    return NotImplemented


def _dc_ge(self, other):
    if other.__class__ is self.__class__:
        return _key(self) >= _key(other)
    return NotImplemented


def _dc_hash(self):
    return hash(tuple(getattr(self, f.name) for f in self.__dataclass_fields__.values()
                      if f._field_type == '_FIELD' and (f.compare if f.hash is None else f.hash)))


def _frozen_setattr(self, name, value):
    raise FrozenInstanceError(f"cannot assign to field '{name}'")


def _frozen_delattr(self, name):
    raise FrozenInstanceError(f"cannot delete field '{name}'")


class _DataclassParams:
    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return (f'_DataclassParams(init={self.init!r},repr={self.repr!r},eq={self.eq!r},'
                f'order={self.order!r},unsafe_hash={self.unsafe_hash!r},frozen={self.frozen!r})')


def _set_method(cls, name, fn, overwrite=False):
    if name in cls.__dict__ and not overwrite:
        return False
    fn.__qualname__ = f'{cls.__qualname__}.{name}'
    setattr(cls, name, fn)
    return True


def _process(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only):
    fields = {}
    for base in reversed(cls.__mro__[1:]):
        base_fields = base.__dict__.get('__dataclass_fields__')
        if base_fields:
            for f in base_fields.values():
                fields[f.name] = f
            if base.__dict__['__dataclass_params__'].frozen != frozen and base is not object:
                if frozen:
                    raise TypeError('cannot inherit frozen dataclass from a non-frozen one')
                raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
    for f in _own_fields(cls, kw_only):
        fields[f.name] = f
    cls.__dataclass_fields__ = fields
    cls.__dataclass_params__ = _DataclassParams(init, repr, eq, order, unsafe_hash, frozen)
    seen_default = None
    for f in fields.values():
        if f._field_type == '_FIELD_CLASSVAR' or not f.init or f.kw_only:
            continue
        if f.default is MISSING and f.default_factory is MISSING:
            if seen_default:
                raise TypeError(f"non-default argument '{f.name}' follows default argument")
        else:
            seen_default = seen_default or f.name
    if init:
        _set_method(cls, '__init__', _wrap(_dc_init, '__init__'))
    if repr:
        # CPython's __repr__ is wrapped (reprlib's recursion guard): pprint
        # knows a dataclass's own repr by its __wrapped__
        r = _wrap(_dc_repr, '__repr__')
        r.__wrapped__ = _dc_repr
        _set_method(cls, '__repr__', r)
    if eq:
        _set_method(cls, '__eq__', _wrap(_dc_eq, '__eq__'))
    if order:
        if not eq:
            raise ValueError('eq must be true if order is true')
        for name, fn in (('__lt__', _dc_lt), ('__le__', _dc_le), ('__gt__', _dc_gt), ('__ge__', _dc_ge)):
            if not _set_method(cls, name, _wrap(fn, name)):
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}. '
                                f'Consider using functools.total_ordering')
    if frozen:
        for name, fn in (('__setattr__', _frozen_setattr), ('__delattr__', _frozen_delattr)):
            if not _set_method(cls, name, _wrap(fn, name)):
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}')
    has_hash = '__hash__' in cls.__dict__ and cls.__dict__['__hash__'] is not None
    if unsafe_hash:
        if has_hash:
            raise TypeError(f'Cannot overwrite attribute __hash__ in class {cls.__name__}')
        _set_method(cls, '__hash__', _wrap(_dc_hash, '__hash__'), True)
    elif eq and frozen and not has_hash:
        _set_method(cls, '__hash__', _wrap(_dc_hash, '__hash__'), True)
    elif eq and not has_hash:
        cls.__hash__ = None
    if '__match_args__' not in cls.__dict__:
        cls.__match_args__ = tuple(f.name for f in fields.values()
                                   if f._field_type != '_FIELD_CLASSVAR' and f.init and not f.kw_only)
    if '__doc__' not in cls.__dict__ or cls.__dict__['__doc__'] is None:
        cls.__doc__ = f'{cls.__name__}({_signature(fields)})'
    return cls


def _annotation_text(tp):
    kind = type(tp)   # typing's aliases are classes in loopscope's typing
    if isinstance(tp, type) and not (kind.__module__ == 'typing' and kind.__name__.endswith('Alias')):
        if tp.__module__ == 'builtins':
            return tp.__qualname__
        return f'{tp.__module__}.{tp.__qualname__}'
    return repr(tp).replace('typing.', '')


def _signature(fields):
    """The text of inspect.signature(cls) for __doc__, as CPython: the
    __init__ parameters with their annotations and defaults."""
    pos, kw = [], []
    for f in fields.values():
        if f._field_type == '_FIELD_CLASSVAR' or not f.init:
            continue
        text = f'{f.name}: {_annotation_text(f.type)}'
        if f.default is not MISSING:
            text += f' = {f.default!r}'
        elif f.default_factory is not MISSING:
            text += ' = <factory>'
        (kw if f.kw_only else pos).append(text)
    if kw:
        pos.append('*')
        pos.extend(kw)
    return ', '.join(pos)


def _wrap(fn, name):
    def method(*args, **kwargs):
        return fn(*args, **kwargs)
    method.__name__ = name
    return method


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    def wrap(cls):
        return _process(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    try:
        fs = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in fs.values() if f._field_type == '_FIELD')


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')


def _is_dataclass_instance(obj):
    return hasattr(type(obj), '__dataclass_fields__')


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory))
                             for f in fields(obj)])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    return obj


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory) for f in fields(obj)])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    return obj


def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in obj.__dataclass_fields__.values():
        if f._field_type == '_FIELD_CLASSVAR':
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError(f'field {f.name} is declared with init=False, it cannot be specified with '
                                 f'replace()')
            continue
        if f.name not in changes:
            if f._field_type == '_FIELD_INITVAR' and f.default is MISSING:
                raise ValueError(f"InitVar {f.name!r} must be specified with replace()")
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, **kwargs):
    raise TypeError('make_dataclass() is not supported by loopscope')
