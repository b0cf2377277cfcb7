# enum for loopscope: CPython 3.12's Enum, IntEnum, StrEnum, Flag, IntFlag,
# auto and unique as the enum documentation describes them, written for
# loopscope (stdlib.c runs this into the module "enum" when a program first
# imports it). EnumType is a native _metatype: the members are made by
# Enum.__init_subclass__, and each enum class gets EnumType as its type
# (_metatype and _set_type are natives of stdlib.c) so that iterating it,
# len(), `in` and its repr go through EnumType as in CPython. The members
# of an enum with a data type (IntEnum, StrEnum, class Color(str, Enum))
# are instances of that type, made by its __new__ as in CPython.


def _m_iter(cls):
    return iter([cls._member_map_[n] for n in cls._member_names_])


def _m_reversed(cls):
    return iter([cls._member_map_[n] for n in reversed(cls._member_names_)])


def _m_len(cls):
    return len(cls._member_names_)


def _m_contains(cls, value):
    if isinstance(value, cls):
        return True
    try:
        return value in cls._value2member_map_
    except TypeError:
        return any(m._value_ == value for m in cls._member_map_.values())


def _m_repr(cls):
    if Flag is not None and issubclass(cls, Flag):
        return f"<flag '{cls.__name__}'>"
    return f"<enum '{cls.__name__}'>"


def _m_bool(cls):
    return True


EnumType = _metatype('EnumType', {
    '__iter__': _m_iter, '__reversed__': _m_reversed, '__len__': _m_len,
    '__contains__': _m_contains, '__repr__': _m_repr, '__bool__': _m_bool,
})
EnumMeta = EnumType
Flag = None
ReprEnum = None


class auto:
    """Instances are replaced with an appropriate value in Enum class suites."""
    _counter = 0

    def __init__(self, value=None):
        self.value = value
        auto._counter += 1
        self._order = auto._counter

    def __repr__(self):
        return f"auto({self.value!r})" if self.value is not None else "auto(_auto_null)"


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == '__' and name[2] != '_' and name[-3] != '_'


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == '_' and name[1] != '_' and name[-2] != '_'


def _is_descriptor(obj):
    return (callable(obj) or isinstance(obj, (property, classmethod, staticmethod))
            or hasattr(obj, '__get__') or hasattr(obj, '__set__'))


class Enum:
    """Create a collection of name/value pairs."""

    _member_names_ = []
    _member_map_ = {}
    _value2member_map_ = {}

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        last = last_values[-1]
        try:
            return last + 1
        except TypeError:
            raise TypeError('unable to sort non-numeric values') from None

    def __init_subclass__(cls, **kwds):
        super().__init_subclass__(**kwds)
        for base in cls.__mro__[1:]:
            if base.__dict__.get('_member_names_'):
                raise TypeError(f"<enum {cls.__name__!r}> cannot extend {_m_repr(base)}")
        _set_type(cls, EnumType)
        cls._member_type_ = _find_member_type(cls)
        if cls._member_type_ is not object:
            _adopt_methods(cls)
        cls._member_names_ = []
        cls._member_map_ = {}
        cls._value2member_map_ = {}
        members = [(n, v) for n, v in list(cls.__dict__.items())
                   if not _is_dunder(n) and not _is_sunder(n) and not n.startswith('_' + cls.__name__ + '__')
                   and (isinstance(v, auto) or not _is_descriptor(v)) and not n.startswith('_ls_')]
        init = cls.__dict__.get('__init__')
        if init is not None:
            cls._ls_member_init = init
            cls.__init__ = Enum.__init__
        else:
            init = getattr(cls, '_ls_member_init', None)
        last_values = []
        for i, (name, value) in enumerate(members):
            if isinstance(value, auto):
                if value.value is None:
                    value = cls._generate_next_value_(name, 1, len(last_values), last_values[:])
                else:
                    value = value.value
            if isinstance(value, tuple) and len(value) and isinstance(value[0], auto):
                value = (cls._generate_next_value_(name, 1, len(last_values), last_values[:]),) + value[1:]
            last_values.append(value)
            args = value if isinstance(value, tuple) else (value,)
            member = cls._ls_new_member(value)
            member._name_ = name
            member._sort_order_ = i
            if init is not None:
                init(member, *args)
            if not hasattr(member, '_value_') or member._value_ is _NOVALUE:
                member._value_ = value
            canonical = None
            for other in cls._member_map_.values():
                if other._value_ == member._value_:
                    canonical = other
                    break
            if canonical is not None:
                cls._member_map_[name] = canonical
                setattr(cls, name, canonical)
                continue
            cls._member_names_.append(name)
            cls._member_map_[name] = member
            try:
                cls._value2member_map_.setdefault(member._value_, member)
            except TypeError:
                pass
            setattr(cls, name, member)
        cls.__members__ = dict(cls._member_map_)
        if cls._member_type_ is not object and '__new__' not in cls.__dict__:
            cls.__new__ = Enum.__new__   # Color('red') looks the member up

    @classmethod
    def _ls_new_member(cls, value):
        mtype = cls._member_type_
        if mtype is object:
            member = object.__new__(cls)
            member._value_ = _NOVALUE
            return member
        args = value if isinstance(value, tuple) else (value,)
        member = mtype.__new__(cls, *args)
        member._value_ = mtype(*args)
        return member

    def __new__(cls, value):
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        for m in cls._member_map_.values():
            if m._value_ == value:
                return m
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is not None:
            raise TypeError(f"error in {cls.__name__}._missing_: returned {result!r} instead of None "
                            f"or a valid member")
        raise ValueError(f"{value!r} is not a valid {cls.__qualname__}")

    def __init__(self, *args, **kwds):
        pass

    @classmethod
    def _missing_(cls, value):
        return None

    @classmethod
    def __class_getitem__(cls, name):
        return cls._member_map_[name]

    def __repr__(self):
        return f"<{type(self).__name__}.{self._name_}: {self._value_!r}>"

    def __str__(self):
        return f"{type(self).__name__}.{self._name_}"

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __dir__(self):
        return ['__class__', '__doc__', '__eq__', '__hash__', '__module__', 'name', 'value']

    @property
    def name(self):
        """The name of the Enum member."""
        return self._name_

    @property
    def value(self):
        """The value of the Enum member."""
        return self._value_


def _find_member_type(cls):
    for base in cls.__mro__[1:]:
        if base is not object and not issubclass(base, Enum) and '__new__' in base.__dict__:
            return base
    return object


def _adopt_methods(cls):
    # what EnumType.__new__ does for an enum with a data type: ReprEnum's
    # subclasses take str() and format() from the data type, and Enum's
    # repr, str and format replace the data type's (or object's)
    mtype = cls._member_type_
    if ReprEnum is not None and ReprEnum in cls.__bases__:
        if '__format__' not in cls.__dict__:
            cls.__format__ = mtype.__format__
        if '__str__' not in cls.__dict__:
            method = mtype.__str__
            cls.__str__ = mtype.__repr__ if method is object.__str__ else method
    if Flag is not None and issubclass(cls, Flag):
        # Flag's operators before the data type's (int's |, & ...)
        for op in ('__or__', '__and__', '__xor__', '__ror__', '__rand__', '__rxor__', '__invert__'):
            if op not in cls.__dict__:
                setattr(cls, op, Flag.__dict__[op])
    first_enum = [b for b in cls.__bases__ if issubclass(b, Enum)][-1]
    for name in ('__repr__', '__str__', '__format__'):
        if name in cls.__dict__:
            continue
        found = [k for k in cls.__mro__ if name in k.__dict__][0]
        if found is mtype or found is object:
            setattr(cls, name, getattr(first_enum, name))


class _NoValue:
    pass


_NOVALUE = _NoValue()


class ReprEnum(Enum):
    """Only changes the repr(), leaving str() and format() to the mixed-in type."""


class IntEnum(int, ReprEnum):
    """Enum where members are also (and must be) ints"""


class StrEnum(str, ReprEnum):
    """Enum where members are also (and must be) strings"""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


def _bits(num, width):
    # enum.bin's text of a non-negative number: '0b0' and width digits
    return '0b0 ' + format(num, 'b').zfill(width)


class Flag(Enum):
    """Support for flags"""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return 1
        high = max(last_values)
        return 1 << high.bit_length() if high > 0 else 1

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError(f"{value!r} is not a valid {cls.__qualname__}")
        all_bits = 0
        for m in cls._member_map_.values():
            all_bits |= m._value_
        extra = value & ~all_bits
        keep = cls._member_type_ is int   # IntFlag keeps unknown bits (boundary KEEP)
        if extra and not keep and value > 0:
            width = max(value.bit_length(), all_bits.bit_length())
            raise ValueError(f"{_m_repr(cls)} invalid value {value!r}\n    given {_bits(value, width)}\n"
                             f"  allowed {_bits(all_bits, width)}")
        if value < 0:
            raise ValueError(f"{value!r} is not a valid {cls.__qualname__}")
        pseudo = object.__new__(cls) if cls._member_type_ is object else cls._member_type_.__new__(cls, value)
        pseudo._value_ = value
        names = [m._name_ for m in cls._ls_decompose(value)] + ([str(extra)] if extra else [])
        pseudo._name_ = '|'.join(names) if names else None
        cls._value2member_map_[value] = pseudo
        return pseudo

    @classmethod
    def _ls_decompose(cls, value):
        return [cls._member_map_[n] for n in cls._member_names_
                if cls._member_map_[n]._value_ and cls._member_map_[n]._value_ & value ==
                cls._member_map_[n]._value_ and bin(cls._member_map_[n]._value_).count('1') == 1]

    def __repr__(self):
        if self._name_ is None:
            return f"<{type(self).__name__}: {self._value_!r}>"
        return f"<{type(self).__name__}.{self._name_}: {self._value_!r}>"

    def __str__(self):
        if self._name_ is None:
            return f"{type(self).__name__}({self._value_!r})"
        return f"{type(self).__name__}.{self._name_}"

    def __iter__(self):
        return iter(type(self)._ls_decompose(self._value_))

    def __len__(self):
        return len(type(self)._ls_decompose(self._value_))

    def __contains__(self, other):
        if not isinstance(other, type(self)):
            raise TypeError(f"unsupported operand type(s) for 'in': {type(other).__qualname__!r} and "
                            f"{type(self).__qualname__!r}")
        return other._value_ & self._value_ == other._value_

    def __bool__(self):
        return bool(self._value_)

    def _ls_other(self, other):
        # the value of the other operand: a member, or an int for IntFlag
        if isinstance(other, type(self)):
            return other._value_
        if type(self)._member_type_ is int and isinstance(other, int):
            return int(other)
        return None

    def __or__(self, other):
        v = self._ls_other(other)
        return NotImplemented if v is None else type(self)(self._value_ | v)

    def __and__(self, other):
        v = self._ls_other(other)
        return NotImplemented if v is None else type(self)(self._value_ & v)

    def __xor__(self, other):
        v = self._ls_other(other)
        return NotImplemented if v is None else type(self)(self._value_ ^ v)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        all_bits = 0
        for m in type(self)._member_map_.values():
            all_bits |= m._value_
        return type(self)(all_bits & ~self._value_)


class IntFlag(int, ReprEnum, Flag):
    """Support for integer-based Flags"""


def unique(enumeration):
    duplicates = [(name, member._name_) for name, member in enumeration.__members__.items()
                  if name != member._name_]
    if duplicates:
        alias_details = ', '.join(f"{alias} -> {name}" for alias, name in duplicates)
        raise ValueError(f'duplicate values found in {enumeration!r}: {alias_details}')
    return enumeration


for _c in (Enum, ReprEnum, IntEnum, StrEnum, Flag, IntFlag):
    _set_type(_c, EnumType)
del _c
