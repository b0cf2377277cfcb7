# enum for loopscope: CPython 3.12's Enum, IntEnum, StrEnum, Flag, IntFlag,
# auto, unique, member, nonmember and FlagBoundary as the enum documentation
# describes them, written for loopscope (stdlib.c runs this into the module
# "enum" when a program first imports it). EnumType is a native _metatype:
# the members are made by Enum.__init_subclass__, and each enum class gets
# EnumType as its type (_metatype and _set_type are natives of stdlib.c) so
# that calling it (Color(1), the functional API Enum('Color', 'RED GREEN')),
# iterating it, len(), `in` and its repr go through EnumType as in CPython.
# The members of an enum with a data type (IntEnum, StrEnum,
# class Color(str, Enum)) are instances of that type, made by its __new__
# as in CPython.
#
# Flag: only the single-bit members are canonical (iterating the class
# lists them, len() counts them); a multi-bit or zero member is a named
# value that Flag(value) finds, and other values make pseudo-members named
# after the canonical members they hold (Perm.R|W), as CPython's do.
#
# EnumType's __setattr__ and __delattr__ refuse to reassign or delete a
# member (the VM asks a metatype written in Python first). Not here: the
# VM calls no __dir__, and it cannot subclass float (class F(float, Enum)).

_type = type
_property = property
_bin = bin


class _AutoNull:
    def __repr__(self):
        return '_auto_null'


_auto_null = _AutoNull()


def _m_iter(cls):
    return iter([cls._member_map_[n] for n in cls._member_names_])


def _m_reversed(cls):
    return iter([cls._member_map_[n] for n in reversed(cls._member_names_)])


def _m_len(cls):
    return len(cls._member_names_)


def _m_contains(cls, value):
    if isinstance(value, cls):
        return True
    return value in cls._value2member_map_ or value in cls._unhashable_values_


def _m_repr(cls):
    if Flag is not None and issubclass(cls, Flag):
        return f"<flag {cls.__name__!r}>"
    return f"<enum {cls.__name__!r}>"


def _m_bool(cls):
    return True


def _m_call(cls, value, names=None, *values, module=None, qualname=None, type=None, start=1, boundary=None):
    # Color(1) looks a member up; on an enum without members,
    # Enum('Color', 'RED GREEN') makes a new enum class
    if cls._member_map_:
        if names:
            value = (value, names) + values
        return cls.__new__(cls, value)
    if names is None and type is None:
        raise TypeError(f"{cls!r} has no members; specify `names=()` if you meant to create a new, empty, enum")
    return _create(cls, value, names, module, qualname, type, start, boundary)


def _m_setattr(cls, name, value):
    if name in cls.__dict__.get('_member_map_', {}):
        raise AttributeError(f'cannot reassign member {name!r}')
    _type.__setattr__(cls, name, value)


def _m_delattr(cls, name):
    if name in cls._member_map_:
        raise AttributeError(f'{cls.__name__!r} cannot delete member {name!r}.')
    _type.__delattr__(cls, name)


def _m_getitem(cls, name):
    return cls._member_map_[name]


def _m_members(cls):
    return mappingproxy(cls._member_map_)


def _create(cls, class_name, names, module, qualname, mixin, start, boundary):
    # the functional API: a class statement's work for the given names
    bases = (cls,) if mixin is None else (mixin, cls)
    if isinstance(names, str):
        names = names.replace(',', ' ').split()
    if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
        given, names = names, []
        last_values = []
        for count, name in enumerate(given):
            value = cls._generate_next_value_(name, start, count, last_values[:])
            last_values.append(value)
            names.append((name, value))
    if names is None:
        names = ()
    body = {}
    for item in names:
        if isinstance(item, str):
            name, value = item, names[item]
        else:
            name, value = item
        body[name] = value
    # loopscope runs one program: an enum made there belongs to __main__
    body['__module__'] = '__main__' if module is None else module
    if qualname is not None:
        body['__qualname__'] = qualname
    if boundary is not None:
        body['_ls_boundary'] = boundary
    return _type(class_name, bases, body)


def _metamethods(**methods):
    for name, fn in methods.items():
        if not isinstance(fn, _property):
            fn.__name__ = name
            fn.__qualname__ = 'EnumType.' + name
    return methods


EnumType = _metatype('EnumType', _metamethods(
    __iter__=_m_iter, __reversed__=_m_reversed, __len__=_m_len, __contains__=_m_contains,
    __repr__=_m_repr, __bool__=_m_bool, __call__=_m_call, __setattr__=_m_setattr,
    __delattr__=_m_delattr, __getitem__=_m_getitem, __members__=_property(_m_members),
))
EnumMeta = EnumType
Flag = None
ReprEnum = None
STRICT = CONFORM = EJECT = KEEP = None


class mappingproxy:
    """A read-only view of a mapping (Enum.__members__)."""

    def __init__(self, mapping):
        self._ls_mapping = mapping

    def __getitem__(self, key):
        return self._ls_mapping[key]

    def __iter__(self):
        return iter(self._ls_mapping)

    def __reversed__(self):
        return reversed(self._ls_mapping)

    def __len__(self):
        return len(self._ls_mapping)

    def __contains__(self, key):
        return key in self._ls_mapping

    def __eq__(self, other):
        return self._ls_mapping == other

    def __or__(self, other):
        return dict(self._ls_mapping) | other

    def __ror__(self, other):
        return other | dict(self._ls_mapping)

    def get(self, key, default=None):
        return self._ls_mapping.get(key, default)

    def keys(self):
        return self._ls_mapping.keys()

    def values(self):
        return self._ls_mapping.values()

    def items(self):
        return self._ls_mapping.items()

    def copy(self):
        return self._ls_mapping.copy()

    def __repr__(self):
        return f'mappingproxy({self._ls_mapping!r})'

    def __str__(self):
        return str(self._ls_mapping)


mappingproxy.__module__ = 'builtins'


class auto:
    """Instances are replaced with an appropriate value in Enum class suites."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return f"auto({self.value!r})"

    # in a Flag's body, AB = A | B combines two auto()s: the values are
    # known only when the class is made, so this records the operation
    def __or__(self, other):
        return _AutoOp(lambda a, b: a | b, self, other)

    def __ror__(self, other):
        return _AutoOp(lambda a, b: a | b, other, self)

    def __and__(self, other):
        return _AutoOp(lambda a, b: a & b, self, other)

    def __rand__(self, other):
        return _AutoOp(lambda a, b: a & b, other, self)

    def __xor__(self, other):
        return _AutoOp(lambda a, b: a ^ b, self, other)

    def __rxor__(self, other):
        return _AutoOp(lambda a, b: a ^ b, other, self)


class _AutoOp(auto):
    def __init__(self, op, left, right):
        self.op = op
        self.left = left
        self.right = right

    def _ls_eval(self):
        return self.op(_auto_operand(self.left), _auto_operand(self.right))


def _auto_operand(x):
    if isinstance(x, _AutoOp):
        return x._ls_eval()
    if isinstance(x, auto):
        return x.value
    return x


class nonmember:
    """Protects item from becoming an Enum member during class creation."""

    def __init__(self, value):
        self.value = value


class member:
    """Forces item to become an Enum member during class creation."""

    def __init__(self, value):
        self.value = value


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == '__' and name[2] != '_' and name[-3] != '_'


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == '_' and name[1] != '_' and name[-2] != '_'


def _is_private(cls_name, name):
    pattern = '_' + cls_name + '__'
    return len(name) > len(pattern) and name.startswith(pattern) and not name.endswith('__')


def _is_descriptor(obj):
    return (callable(obj) or isinstance(obj, (property, classmethod, staticmethod))
            or hasattr(obj, '__get__') or hasattr(obj, '__set__'))


def _is_single_bit(num):
    return num != 0 and num & (num - 1) == 0


_SUNDERS = ('_order_', '_generate_next_value_', '_numeric_repr_', '_missing_', '_ignore_',
            '_iter_member_', '_iter_member_by_value_', '_iter_member_by_def_')


def _member_items(cls):
    # the names of cls's body that become members, with their values
    d = cls.__dict__
    ignore = d.get('_ignore_', [])
    if isinstance(ignore, str):
        ignore = ignore.replace(',', ' ').split()
    else:
        ignore = list(ignore)
    for name in ignore:
        if name in d:
            delattr(cls, name)
    if '_ignore_' in d:
        delattr(cls, '_ignore_')
    items = []
    for name, value in list(d.items()):
        if name.startswith('_ls_') or _is_private(cls.__name__, name):
            continue
        if _is_sunder(name):
            if name not in _SUNDERS:
                raise ValueError(f'_sunder_ names, such as {name!r}, are reserved for future Enum use')
            continue
        if _is_dunder(name):
            continue
        if isinstance(value, nonmember):
            setattr(cls, name, value.value)
            continue
        if isinstance(value, member):
            value = value.value
        elif not isinstance(value, auto) and _is_descriptor(value):
            continue
        items.append((name, value))
    bad = [n for n, v in items if n in ('mro', '')]
    if bad:
        raise ValueError('invalid enum member name(s) ' + ','.join(repr(n) for n in bad))
    return items


def _find_data_type(cls):
    # the data type of the members: from an enum base that has one, or the
    # first other base that defines __new__
    found = []
    for chain in cls.__bases__:
        candidate = None
        for base in chain.__mro__:
            if base is object:
                continue
            if isinstance(base, EnumType):
                if base.__dict__.get('_member_type_', object) is not object:
                    found.append(base._member_type_)
                    break
            elif '__new__' in base.__dict__ or '__dataclass_fields__' in base.__dict__:
                found.append(candidate or base)
                break
            else:
                candidate = candidate or base
    kinds = []
    for t in found:
        if t not in kinds:
            kinds.append(t)
    if len(kinds) > 1:
        raise TypeError(f'too many data types for {cls.__name__!r}: {set(kinds)!r}')
    return kinds[0] if kinds else object


def _find_new(cls, mtype, first_enum):
    # (the function that makes each member, whether it takes the value)
    new = cls.__dict__.get('__new__')
    if new is not None:
        if isinstance(new, staticmethod):
            new = new.__func__
        cls.__new_member__ = new
    else:
        for method in ('__new_member__', '__new__'):
            for possible in (mtype, first_enum):
                target = getattr(possible, method, None)
                if target is not None and target is not object.__new__ and target is not Enum.__new__:
                    new = target
                    break
            if new is not None:
                break
        else:
            new = object.__new__
    return new, new is not object.__new__


def _find_init(cls):
    # the __init__ each member gets: the first one written in Python along
    # the MRO (the data type's and object's take no arguments)
    for k in cls.__mro__:
        if k.__module__ == 'builtins':
            continue
        init = k.__dict__.get('__init__')
        if init is not None:
            return None if init is Enum.__dict__['__init__'] else init
    return None


# name and value: read-only, with CPython's messages
def _get_name(self):
    return self._name_


def _get_value(self):
    return self._value_


def _no_set_name(self, value):
    raise AttributeError("<enum 'Enum'> cannot set attribute 'name'")


def _no_set_value(self, value):
    raise AttributeError("<enum 'Enum'> cannot set attribute 'value'")


def _no_del_name(self):
    raise AttributeError("<enum 'Enum'> cannot delete attribute 'name'")


def _no_del_value(self):
    raise AttributeError("<enum 'Enum'> cannot delete attribute 'value'")


class Enum:
    """Create a collection of name/value pairs."""

    _member_names_ = []
    _member_map_ = {}
    _value2member_map_ = {}
    _unhashable_values_ = []
    _member_type_ = object

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        try:
            last = last_values[-1]
            last_values.sort()
            if last == last_values[-1]:
                return last + 1
            raise TypeError
        except TypeError:
            # (CPython warns here that 3.13 will take the largest value)
            for v in reversed(last_values):
                try:
                    return v + 1
                except TypeError:
                    pass
            return start

    def __init_subclass__(cls, boundary=None, **kwds):
        super().__init_subclass__(**kwds)
        for chain in cls.__bases__:
            for base in chain.__mro__:
                if base.__dict__.get('_member_names_'):
                    raise TypeError(f"<enum {cls.__name__!r}> cannot extend {_m_repr(base)}")
        _set_type(cls, EnumType)
        first_enum = cls.__bases__[-1]
        if not issubclass(first_enum, Enum):
            raise TypeError("new enumerations should be created as "
                            "`EnumName([mixin_type, ...] [data_type,] enum_type)`")
        items = _member_items(cls)
        order = cls.__dict__.get('_order_')
        if '_order_' in cls.__dict__:
            delattr(cls, '_order_')
        gnv = cls.__dict__.get('_generate_next_value_')
        if gnv is not None and not isinstance(gnv, staticmethod):
            cls._generate_next_value_ = staticmethod(gnv)
        mtype = cls._member_type_ = _find_data_type(cls)
        new, use_args = _find_new(cls, mtype, first_enum)
        cls._member_names_ = []
        cls._member_map_ = {}
        cls._value2member_map_ = {}
        cls._unhashable_values_ = []
        is_flag = Flag is not None and issubclass(cls, Flag)
        if is_flag:
            if boundary is None:
                boundary = cls.__dict__.get('_ls_boundary')
            cls._boundary_ = boundary if boundary is not None else getattr(first_enum, '_boundary_', None)
            cls._flag_mask_ = cls._singles_mask_ = cls._all_bits_ = 0
        if mtype is not object:
            _adopt_methods(cls, mtype, first_enum)
        init = _find_init(cls)
        last_values = []
        for count, (name, value) in enumerate(items):
            value = _resolve(cls, name, value, count, last_values)
            args = value if isinstance(value, tuple) else (value,)
            if mtype is tuple:
                args = (args,)
            enum_member = new(cls, *args) if use_args else new(cls)
            if not hasattr(enum_member, '_value_'):
                if mtype is object:
                    enum_member._value_ = value
                else:
                    try:
                        enum_member._value_ = mtype(*args)
                    except Exception as exc:
                        raise TypeError('_value_ not set in __new__, unable to create it') from exc
            value = enum_member._value_
            enum_member._name_ = name
            if init is not None:
                init(enum_member, *args)
            enum_member._sort_order_ = len(cls._member_names_)
            if is_flag:
                cls._flag_mask_ |= value
                if _is_single_bit(value):
                    cls._singles_mask_ |= value
                cls._all_bits_ = 2 ** cls._flag_mask_.bit_length() - 1
            try:
                try:
                    enum_member = cls._value2member_map_[value]   # an alias
                except TypeError:
                    for other in cls._member_map_.values():
                        if other._value_ == value:
                            enum_member = other
                            break
                    else:
                        raise KeyError from None
            except KeyError:
                if not is_flag or _is_single_bit(value):
                    cls._member_names_.append(name)
            setattr(cls, name, enum_member)
            cls._member_map_[name] = enum_member
            try:
                cls._value2member_map_.setdefault(value, enum_member)
            except TypeError:
                cls._unhashable_values_.append(value)
        cls.__new__ = Enum.__new__   # Color(1) looks the member up
        if is_flag:
            values = [cls._member_map_[n]._value_ for n in cls._member_names_]
            cls._ls_by_def = values != sorted(values)
        if order is not None:
            _check_order(cls, order, is_flag)

    def __new__(cls, value):
        if _type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for m in cls._member_map_.values():
                if m._value_ == value:
                    return m
        if not cls._member_map_:
            raise TypeError(f"{cls!r} has no members defined")
        try:
            exc = None
            result = cls._missing_(value)
        except Exception as e:
            exc = e
            result = None
        if isinstance(result, cls):
            return result
        if Flag is not None and issubclass(cls, Flag) and cls._boundary_ is EJECT and isinstance(result, int):
            return result
        not_valid = ValueError(f"{value!r} is not a valid {cls.__qualname__}")
        if result is None and exc is None:
            raise not_valid
        if exc is None:
            exc = TypeError(f"error in {cls.__name__}._missing_: returned {result!r} instead of None "
                            f"or a valid member")
        if not isinstance(exc, ValueError):
            exc.__context__ = not_valid
        raise exc

    def __init__(self, *args, **kwds):
        pass

    @classmethod
    def _missing_(cls, value):
        return None

    @classmethod
    def __class_getitem__(cls, name):
        return cls._member_map_[name]

    def __repr__(self):
        return f"<{_type(self).__name__}.{self._name_}: {self._value_!r}>"

    def __str__(self):
        return f"{_type(self).__name__}.{self._name_}"

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __dir__(self):
        return ['__class__', '__doc__', '__eq__', '__hash__', '__module__', 'name', 'value']

    name = property(_get_name, _no_set_name, _no_del_name, "The name of the Enum member.")
    value = property(_get_value, _no_set_value, _no_del_value, "The value of the Enum member.")


_set_type(Enum, EnumType)


def _resolve(cls, name, value, count, last_values):
    # a member's value with its auto()s replaced, as CPython's class
    # namespace does it; last_values gets what the next auto() looks at
    if isinstance(value, _AutoOp):
        value = value._ls_eval()
    elif _type(value) is tuple:
        value = tuple(v._ls_eval() if isinstance(v, _AutoOp) else v for v in value)
    single = isinstance(value, auto)
    if single:
        value = (value,)
    if _type(value) is tuple and any(isinstance(v, auto) for v in value):
        out = []
        for v in value:
            if isinstance(v, auto):
                if v.value is _auto_null:
                    v.value = cls._generate_next_value_(name, 1, count, last_values[:])
                v = v.value
                last_values.append(v)
            out.append(v)
        return out[0] if single else tuple(out)
    last_values.append(value)
    return value


def _check_order(cls, order, is_flag):
    if isinstance(order, str):
        order = order.replace(',', ' ').split()
    if is_flag:
        order = [o for o in order if o not in cls._member_map_ or _is_single_bit(cls._member_map_[o]._value_)]
    order = [o for o in order if o not in cls._member_map_ or o in cls._member_names_]
    if order != cls._member_names_:
        raise TypeError(f'member order does not match _order_:\n  {cls._member_names_!r}\n  {order!r}')


# special methods Enum and Flag write; an enum with a data type takes them
# from along its MRO as CPython does (loopscope's own lookup for an
# instance of a builtin's subclass stops at the builtin)
_SPECIALS = ('__repr__', '__str__', '__format__', '__reduce_ex__', '__dir__', '__copy__', '__deepcopy__',
             '__hash__', '__iter__', '__len__', '__contains__', '__bool__')


def _owner(cls, name):
    for k in cls.__mro__:
        if name in k.__dict__:
            return k
    return None


def _adopt_methods(cls, mtype, first_enum):
    # what EnumType.__new__ does for an enum with a data type: ReprEnum's
    # subclasses take str() and format() from the data type, and Enum's
    # repr, str and format replace the data type's (or object's)
    own = set(cls.__dict__)
    if ReprEnum is not None and ReprEnum in cls.__bases__:
        if '__format__' not in own:
            cls.__format__ = mtype.__format__
        if '__str__' not in own:
            method = mtype.__str__
            cls.__str__ = mtype.__repr__ if method is object.__str__ else method
    for name in ('__repr__', '__str__', '__format__', '__reduce_ex__'):
        if name in own:
            continue
        found = _owner(cls, name)
        if found is None or found is object or found in mtype.__mro__:
            setattr(cls, name, getattr(first_enum, name))
    if Flag is not None and issubclass(cls, Flag):
        # Flag's operators before the data type's (int's |, & ...)
        for name in ('__or__', '__and__', '__xor__', '__ror__', '__rand__', '__rxor__', '__invert__'):
            if name not in own:
                setattr(cls, name, Flag.__dict__[name])
    for name in _SPECIALS:
        if name not in cls.__dict__:
            found = _owner(cls, name)
            if found is not None and found is not cls and found.__module__ != 'builtins':
                setattr(cls, name, found.__dict__[name])


class ReprEnum(Enum):
    """Only changes the repr(), leaving str() and format() to the mixed-in type."""


class IntEnum(int, ReprEnum):
    """Enum where members are also (and must be) ints"""


class StrEnum(str, ReprEnum):
    """Enum where members are also (and must be) strings"""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError(f'too many arguments for str(): {values!r}')
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError(f'{values[0]!r} is not a string')
        if len(values) >= 2 and not isinstance(values[1], str):
            raise TypeError(f'encoding must be a string, not {values[1]!r}')
        if len(values) == 3 and not isinstance(values[2], str):
            raise TypeError(f'errors must be a string, not {values[2]!r}')
        value = str(*values)
        enum_member = str.__new__(cls, value)
        enum_member._value_ = value
        return enum_member

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class FlagBoundary(StrEnum):
    """control how out of range values are handled"""
    STRICT = auto()
    CONFORM = auto()
    EJECT = auto()
    KEEP = auto()


STRICT, CONFORM, EJECT, KEEP = FlagBoundary


def _bits(num, width=None):
    # enum.bin's text: a sign bit ('0b0 ' or '0b1 ') and two's complement
    # digits, widened to width with the sign bit
    if num >= 0:
        sign, digits = '0b0', format(num, 'b') if num else ''
    else:
        full = format(~num ^ ((2 << num.bit_length()) - 1), 'b')
        sign, digits = '0b' + full[0], full[1:]
    if width is not None and len(digits) < width:
        digits = (sign[-1] * width + digits)[-width:]
    return f'{sign} {digits}'


bin = _bits


def show_flag_values(value):
    bits = []
    while value:
        bit = value & -value
        bits.append(bit)
        value ^= bit
    return bits


class Flag(Enum):
    """Support for flags"""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last = max(last_values)
        try:
            high = last.bit_length() - 1
        except Exception:
            raise TypeError(f'invalid flag value {last!r}') from None
        return 2 ** (high + 1)

    @classmethod
    def _ls_members_in(cls, value):
        # the members for the bits of value, lowest bit first (or in
        # definition order when the members were not defined by value)
        found = []
        bits = value & cls._flag_mask_
        while bits:
            bit = bits & -bits
            found.append(cls._value2member_map_.get(bit))
            bits ^= bit
        if cls._ls_by_def:
            found.sort(key=lambda m: m._sort_order_)
        return found

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError(f"{value!r} is not a valid {cls.__qualname__}")
        flag_mask = cls._flag_mask_
        singles = cls._singles_mask_
        all_bits = cls._all_bits_
        boundary = cls._boundary_
        negative = None
        if not ~all_bits <= value <= all_bits or value & (all_bits ^ flag_mask):
            if boundary is STRICT:
                width = max(value.bit_length(), flag_mask.bit_length())
                raise ValueError(f"{cls!r} invalid value {value!r}\n    given {_bits(value, width)}\n"
                                 f"  allowed {_bits(flag_mask, width)}")
            if boundary is CONFORM:
                value = value & flag_mask
            elif boundary is EJECT:
                return value
            elif boundary is KEEP:
                if value < 0:
                    value = max(all_bits + 1, 2 ** value.bit_length()) + value
            else:
                raise ValueError(f'{cls!r} unknown flag boundary {boundary!r}')
        if value < 0:
            negative = value
            value = all_bits + 1 + value
        unknown = value & ~flag_mask
        aliases = value & ~singles
        single_bits = value & singles
        if unknown and boundary is not KEEP:
            raise ValueError(f'{cls.__name__}({value!r}) -->  unknown values {unknown!r} [{_bin(unknown)}]')
        mtype = cls._member_type_
        pseudo = object.__new__(cls) if mtype is object else mtype.__new__(cls, value)
        if not hasattr(pseudo, '_value_'):
            pseudo._value_ = value
        name = None
        if single_bits or aliases:
            members = cls._ls_members_in(single_bits)
            combined = 0
            for m in members:
                combined |= m._value_
            if aliases:
                value = single_bits | aliases
                for m in cls._member_map_.values():
                    if m not in members and m._value_ and m._value_ & value == m._value_:
                        members.append(m)
                        combined |= m._value_
            unknown = value ^ combined
            if combined:
                name = '|'.join([m._name_ for m in members])
                if unknown and boundary is STRICT:
                    raise ValueError(f'{cls!r}: no members with value {unknown!r}')
                if unknown:
                    name += '|' + repr(unknown)
        pseudo._name_ = name
        pseudo = cls._value2member_map_.setdefault(value, pseudo)
        if negative is not None:
            cls._value2member_map_[negative] = pseudo
        return pseudo

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError(f"unsupported operand type(s) for 'in': {_type(other).__qualname__!r} and "
                            f"{self.__class__.__qualname__!r}")
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return iter(self.__class__._ls_members_in(self._value_))

    def __len__(self):
        return self._value_.bit_count()

    def __repr__(self):
        if self._name_ is None:
            return f"<{self.__class__.__name__}: {self._value_!r}>"
        return f"<{self.__class__.__name__}.{self._name_}: {self._value_!r}>"

    def __str__(self):
        if self._name_ is None:
            return f"{self.__class__.__name__}({self._value_!r})"
        return f"{self.__class__.__name__}.{self._name_}"

    def __bool__(self):
        return bool(self._value_)

    def _ls_other(self, other):
        # the other operand's value, or None for NotImplemented
        if isinstance(other, self.__class__):
            return other._value_
        mtype = self.__class__._member_type_
        if mtype is not object and isinstance(other, mtype):
            return other
        return None

    def __or__(self, other):
        v = self._ls_other(other)
        return NotImplemented if v is None else self.__class__(self._value_ | v)

    def __and__(self, other):
        v = self._ls_other(other)
        return NotImplemented if v is None else self.__class__(self._value_ & v)

    def __xor__(self, other):
        v = self._ls_other(other)
        return NotImplemented if v is None else self.__class__(self._value_ ^ v)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        cls = self.__class__
        if cls._boundary_ is EJECT or cls._boundary_ is KEEP:
            return cls(~self._value_)
        return cls(cls._singles_mask_ & ~self._value_)


Flag._boundary_ = STRICT
Flag._flag_mask_ = Flag._singles_mask_ = Flag._all_bits_ = 0
Flag._ls_by_def = False


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """Support for integer-based Flags"""


def unique(enumeration):
    """Class decorator for enumerations ensuring unique member values."""
    duplicates = [(name, m._name_) for name, m in enumeration.__members__.items() if name != m._name_]
    if duplicates:
        alias_details = ', '.join(f"{alias} -> {name}" for alias, name in duplicates)
        raise ValueError(f'duplicate values found in {enumeration!r}: {alias_details}')
    return enumeration


for _c in (Enum, ReprEnum, IntEnum, StrEnum, Flag, IntFlag):
    _set_type(_c, EnumType)
del _c
