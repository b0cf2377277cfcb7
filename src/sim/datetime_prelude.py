# datetime for loopscope: date, time, datetime, timedelta, tzinfo and
# timezone as CPython 3.12 documents them, written for loopscope (stdlib.c
# runs this into the module "datetime" when a program first imports it).
# now(), today(), utcnow() read time.time(), the virtual clock on its
# virtual epoch; the local time zone is UTC. CPython's datetime is C, so
# errors raised here show no frame of this file, as there.

import sys
import time as _time

MINYEAR = 1
MAXYEAR = 9999

_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DAYS_BEFORE_MONTH = (0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
_DAYNAMES = ('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun')
_MONTHNAMES = (None, 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec')
_US_PER_DAY = 86400000000


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _days_in_month(y, m):
    return 29 if m == 2 and _is_leap(y) else _DAYS_IN_MONTH[m]


def _days_before_year(y):
    y -= 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _ymd2ord(y, m, d):
    return _days_before_year(y) + _DAYS_BEFORE_MONTH[m] + (m > 2 and _is_leap(y)) + d


def _ord2ymd(n):
    # the proleptic Gregorian calendar: 400-year cycles of 146097 days
    n -= 1
    n400, n = divmod(n, 146097)
    y = n400 * 400 + 1
    n100, n = divmod(n, 36524)
    n4, n = divmod(n, 1461)
    n1, n = divmod(n, 365)
    y += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        return y - 1, 12, 31
    m = 1
    while m < 12 and n >= _DAYS_BEFORE_MONTH[m + 1] + (m + 1 > 2 and _is_leap(y)):
        m += 1
    return y, m, n - _DAYS_BEFORE_MONTH[m] - (m > 2 and _is_leap(y)) + 1


def _tname(x):
    c = type(x)
    if c in _OWN:
        return 'datetime.' + c.__name__
    return c.__name__


def _binop_error(op, a, b):
    return TypeError(f"unsupported operand type(s) for {op}: '{_tname(a)}' and '{_tname(b)}'")


def _cmp_error(op, a, b):
    return TypeError(f"'{op}' not supported between instances of '{_tname(a)}' and '{_tname(b)}'")


def _builtin(x):
    # a value of a builtin type: no reflected operator will take it
    return isinstance(x, (int, float, str, list, tuple, dict, set, type(None)))


def _check_int(name, v):
    if isinstance(v, float):
        raise TypeError("'float' object cannot be interpreted as an integer")
    if not isinstance(v, int):
        raise TypeError(f"'{type(v).__name__}' object cannot be interpreted as an integer")


def _check_date(y, m, d):
    for v in (y, m, d):
        _check_int('', v)
    if not MINYEAR <= y <= MAXYEAR:
        raise ValueError(f'year {y} is out of range')
    if not 1 <= m <= 12:
        raise ValueError('month must be in 1..12')
    if not 1 <= d <= _days_in_month(y, m):
        raise ValueError('day is out of range for month')


def _check_time(h, mi, s, us, fold=0):
    for v in (h, mi, s, us):
        _check_int('', v)
    if not 0 <= h <= 23:
        raise ValueError('hour must be in 0..23')
    if not 0 <= mi <= 59:
        raise ValueError('minute must be in 0..59')
    if not 0 <= s <= 59:
        raise ValueError('second must be in 0..59')
    if not 0 <= us <= 999999:
        raise ValueError('microsecond must be in 0..999999')
    if fold not in (0, 1):
        raise ValueError('fold must be either 0 or 1')


def _check_tzinfo(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError(f"tzinfo argument must be None or of a tzinfo subclass, not type '{type(tz).__name__}'")


def _fmt_offset(off, sep=':'):
    # +HH:MM[:SS[.ffffff]], or '' for None
    if off is None:
        return ''
    us = off._us
    sign = '+'
    if us < 0:
        sign = '-'
        us = -us
    s, us = divmod(us, 1000000)
    m, s = divmod(s, 60)
    h, m = divmod(m, 60)
    out = f'{sign}{h:02d}{sep}{m:02d}'
    if s or us:
        out += f'{sep}{s:02d}'
        if us:
            out += f'.{us:06d}'
    return out


def _fmt_time(h, m, s, us, timespec):
    if timespec == 'auto':
        timespec = 'microseconds' if us else 'seconds'
    if timespec == 'hours':
        return f'{h:02d}'
    if timespec == 'minutes':
        return f'{h:02d}:{m:02d}'
    if timespec == 'seconds':
        return f'{h:02d}:{m:02d}:{s:02d}'
    if timespec == 'milliseconds':
        return f'{h:02d}:{m:02d}:{s:02d}.{us // 1000:03d}'
    if timespec == 'microseconds':
        return f'{h:02d}:{m:02d}:{s:02d}.{us:06d}'
    raise ValueError('Unknown timespec value')


def _strftime(obj, fmt, tt):
    # %f, %z, %:z and %Z are datetime's own; the rest is time.strftime's
    if not isinstance(fmt, str):
        raise TypeError(f"strftime() argument 1 must be str, not {type(fmt).__name__}")
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        if c != '%' or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        k = fmt[i + 1]
        i += 2
        if k == 'f':
            out.append(f'{getattr(obj, "microsecond", 0):06d}')
        elif k == 'z' or k == 'Z' or (k == ':' and i < n and fmt[i] == 'z'):
            tz = getattr(obj, 'tzinfo', None)
            if k == ':':
                i += 1
            if tz is None:
                continue
            if k == 'Z':
                name = obj.tzname()
                out.append('' if name is None else name.replace('%', '%%'))
            else:
                out.append(_fmt_offset(obj.utcoffset(), ':' if k == ':' else ''))
        else:
            out.append('%' + k)
    return _time.strftime(''.join(out), tt)


def _format(obj, spec):
    if not isinstance(spec, str):
        raise TypeError(f"must be str, not {type(spec).__name__}")
    return obj.strftime(spec) if spec else str(obj)


# ---- timedelta ----

class timedelta:
    def __init__(self, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
        exact = 0
        inexact = 0.0
        for v, unit in ((weeks, 604800000000), (days, 86400000000), (hours, 3600000000),
                        (minutes, 60000000), (seconds, 1000000), (milliseconds, 1000),
                        (microseconds, 1)):
            if isinstance(v, bool) or isinstance(v, int):
                exact += v * unit
            elif isinstance(v, float):
                whole = int(v)
                exact += whole * unit
                inexact += (v - whole) * unit
            else:
                raise TypeError(f"unsupported type for timedelta {_TD_ARG[unit]} component: {type(v).__name__}")
        us = exact + round(inexact)
        if abs(us) > 999999999 * _US_PER_DAY + _US_PER_DAY - 1 or us < -999999999 * _US_PER_DAY:
            d = us // _US_PER_DAY
            raise OverflowError(f'days={d}; must have magnitude <= 999999999')
        self._us = us

    @classmethod
    def _from_us(cls, us):
        if us >= 1000000000 * _US_PER_DAY or us < -999999999 * _US_PER_DAY:
            raise OverflowError(f'days={us // _US_PER_DAY}; must have magnitude <= 999999999')
        td = timedelta.__new__(timedelta)
        td._us = us
        return td

    @property
    def days(self):
        return self._us // _US_PER_DAY

    @property
    def seconds(self):
        return self._us % _US_PER_DAY // 1000000

    @property
    def microseconds(self):
        return self._us % 1000000

    def total_seconds(self):
        return self._us / 10**6

    def __repr__(self):
        parts = []
        if self.days:
            parts.append(f'days={self.days}')
        if self.seconds:
            parts.append(f'seconds={self.seconds}')
        if self.microseconds:
            parts.append(f'microseconds={self.microseconds}')
        return f"{_qual(self)}({', '.join(parts) or '0'})"

    def __str__(self):
        s = self.seconds
        m, s = divmod(s, 60)
        h, m = divmod(m, 60)
        out = f'{h}:{m:02d}:{s:02d}'
        if self.microseconds:
            out += f'.{self.microseconds:06d}'
        d = self.days
        if d:
            out = f"{d} day{'' if abs(d) == 1 else 's'}, " + out
        return out

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(self._us + other._us)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(self._us - other._us)
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(other._us - self._us)
        return NotImplemented

    def __neg__(self):
        return timedelta._from_us(-self._us)

    def __pos__(self):
        return self

    def __abs__(self):
        return timedelta._from_us(abs(self._us))

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta._from_us(self._us * other)
        if isinstance(other, float):
            return timedelta._from_us(round(self._us * other))
        return NotImplemented

    __rmul__ = __mul__

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._us / other._us
        if isinstance(other, int):
            return timedelta._from_us(_div_round(self._us, other))
        if isinstance(other, float):
            return timedelta._from_us(round(self._us / other))
        return NotImplemented

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._us // other._us
        if isinstance(other, int):
            return timedelta._from_us(self._us // other)
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(self._us % other._us)
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            q, r = divmod(self._us, other._us)
            return q, timedelta._from_us(r)
        return NotImplemented

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._us == other._us
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._us < other._us
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._us <= other._us
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._us > other._us
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._us >= other._us
        return NotImplemented

    def __hash__(self):
        return hash(self._us)

    def __bool__(self):
        return self._us != 0


_TD_ARG = {604800000000: 'weeks', 86400000000: 'days', 3600000000: 'hours', 60000000: 'minutes',
           1000000: 'seconds', 1000: 'milliseconds', 1: 'microseconds'}


def _div_round(a, b):
    # a / b rounded half to even, in integers
    q, r = divmod(a, b)
    r2 = 2 * r
    if b > 0 and (r2 > b or (r2 == b and q % 2 == 1)):
        q += 1
    elif b < 0 and (r2 < b or (r2 == b and q % 2 == 1)):
        q += 1
    return q


def _qual(x):
    c = type(x)
    return ('datetime.' if c in _OWN else '') + c.__qualname__


timedelta.min = timedelta._from_us(-999999999 * _US_PER_DAY)
timedelta.max = timedelta._from_us(1000000000 * _US_PER_DAY - 1)
timedelta.resolution = timedelta._from_us(1)


# ---- tzinfo and timezone ----

class tzinfo:
    def tzname(self, dt):
        raise NotImplementedError('tzinfo subclass must override tzname()')

    def utcoffset(self, dt):
        raise NotImplementedError('tzinfo subclass must override utcoffset()')

    def dst(self, dt):
        raise NotImplementedError('tzinfo subclass must override dst()')

    def fromutc(self, dt):
        off = self.utcoffset(dt)
        d = self.dst(dt)
        std = off - (d or timedelta(0))
        dt = dt + std
        d = self.dst(dt)
        return dt + (d or timedelta(0))


class timezone(tzinfo):
    def __init__(self, offset, name=None):
        if not isinstance(offset, timedelta):
            raise TypeError(f"timezone() argument 1 must be datetime.timedelta, not {type(offset).__name__}")
        if name is not None and not isinstance(name, str):
            raise TypeError(f"timezone() argument 2 must be str, not {type(name).__name__}")
        if not -_US_PER_DAY < offset._us < _US_PER_DAY:
            raise ValueError('offset must be a timedelta strictly between -timedelta(hours=24) and '
                             f'timedelta(hours=24), not {offset!r}.')
        self._offset = offset
        self._name = name

    def utcoffset(self, dt):
        return self._offset

    def dst(self, dt):
        return None

    def tzname(self, dt):
        if self._name is not None:
            return self._name
        if self._offset._us == 0:
            return 'UTC'
        return 'UTC' + _fmt_offset(self._offset)

    def fromutc(self, dt):
        return dt + self._offset

    def __repr__(self):
        if self is timezone.utc:
            return 'datetime.timezone.utc'
        if self._name is None:
            return f'{_qual(self)}({self._offset!r})'
        return f'{_qual(self)}({self._offset!r}, {self._name!r})'

    def __str__(self):
        return self.tzname(None)

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)


timezone.utc = timezone(timedelta(0))
timezone.min = timezone(timedelta(hours=-23, minutes=-59))
timezone.max = timezone(timedelta(hours=23, minutes=59))
UTC = timezone.utc


def _offset_of(tz, dt):
    if tz is None:
        return None
    off = tz.utcoffset(dt)
    if off is not None and not isinstance(off, timedelta):
        raise TypeError(f"tzinfo.utcoffset() must return None or timedelta, not '{type(off).__name__}'")
    return off


# ---- date ----

class date:
    def __init__(self, year, month, day):
        _check_date(year, month, day)
        self._y = year
        self._m = month
        self._d = day

    @property
    def year(self):
        return self._y

    @property
    def month(self):
        return self._m

    @property
    def day(self):
        return self._d

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromtimestamp(cls, t):
        y, m, d = _time.localtime(t)[:3]
        return cls(y, m, d)

    @classmethod
    def fromordinal(cls, n):
        if not 1 <= n <= _MAX_ORDINAL:
            raise ValueError(f'ordinal must be >= 1')
        return cls(*_ord2ymd(n))

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError('fromisoformat: argument must be str')
        ymd = _parse_iso_date(s)
        if ymd is None or len(s) not in (8, 10):
            raise ValueError(f'Invalid isoformat string: {s!r}')
        return cls(*ymd)

    @classmethod
    def fromisocalendar(cls, year, week, day):
        if not 1 <= day <= 7:
            raise ValueError(f'Invalid weekday: {day} (range is [1, 7])')
        first = _iso_week1_monday(year)
        return cls(*_ord2ymd(first + (week - 1) * 7 + day - 1))

    def toordinal(self):
        return _ymd2ord(self._y, self._m, self._d)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.toordinal() % 7 or 7

    def isocalendar(self):
        y = self._y
        week1 = _iso_week1_monday(y)
        today = self.toordinal()
        week, day = divmod(today - week1, 7)
        if week < 0:
            y -= 1
            week, day = divmod(today - _iso_week1_monday(y), 7)
        elif week >= 52 and today >= _iso_week1_monday(y + 1):
            y += 1
            week = 0
        return IsoCalendarDate(y, week + 1, day + 1)

    def timetuple(self):
        return _time.struct_time((self._y, self._m, self._d, 0, 0, 0, self.weekday(),
                                  self.toordinal() - _ymd2ord(self._y, 1, 1) + 1, -1))

    def replace(self, year=None, month=None, day=None):
        return type(self)(self._y if year is None else year, self._m if month is None else month,
                          self._d if day is None else day)

    def isoformat(self):
        return f'{self._y:04d}-{self._m:02d}-{self._d:02d}'

    __str__ = isoformat

    def ctime(self):
        return (f'{_DAYNAMES[self.weekday()]} {_MONTHNAMES[self._m]} {self._d:2d} '
                f'00:00:00 {self._y:04d}')

    def strftime(self, fmt):
        return _strftime(self, fmt, self.timetuple())

    def __format__(self, spec):
        return _format(self, spec)

    def __repr__(self):
        return f'{_qual(self)}({self._y}, {self._m}, {self._d})'

    def _shifted(self, td, sign):
        # a date moves by whole days (td.days: timedelta(hours=-1) is -1 day)
        n = self.toordinal() + sign * td.days
        if not 1 <= n <= _MAX_ORDINAL:
            raise OverflowError('date value out of range')
        return type(self)(*_ord2ymd(n))

    def __add__(self, other):
        if isinstance(other, timedelta):
            return self._shifted(other, 1)
        if _builtin(other):
            raise _binop_error('+', self, other)
        return NotImplemented

    def __radd__(self, other):
        if isinstance(other, timedelta):
            return self + other
        if _builtin(other):
            raise _binop_error('+', other, self)
        return NotImplemented

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self._shifted(other, -1)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        if _builtin(other):
            raise _binop_error('-', self, other)
        return NotImplemented

    def _cmp(self, other, op):
        if isinstance(other, date) and not isinstance(other, datetime):
            a = (self._y, self._m, self._d)
            b = (other._y, other._m, other._d)
            return (a > b) - (a < b)
        if isinstance(other, date):
            if op in ('==', '!='):
                return None
            raise TypeError(f"can't compare {_tname(other)} to {_tname(self)}")
        if op in ('==', '!='):
            return None
        raise _cmp_error(op, self, other)

    def __eq__(self, other):
        c = self._cmp(other, '==')
        return NotImplemented if c is None and not isinstance(other, date) else c == 0

    def __hash__(self):
        return hash((self._y, self._m, self._d))


_MAX_ORDINAL = _ymd2ord(MAXYEAR, 12, 31)


def _orderings(cls):
    # <, <=, >, >= from cls._cmp(other, op), which raises CPython's errors
    cls.__lt__ = lambda self, other: self._cmp(other, '<') < 0
    cls.__le__ = lambda self, other: self._cmp(other, '<=') <= 0
    cls.__gt__ = lambda self, other: self._cmp(other, '>') > 0
    cls.__ge__ = lambda self, other: self._cmp(other, '>=') >= 0


_orderings(date)


def _iso_week1_monday(y):
    first = _ymd2ord(y, 1, 1)
    wd = (first + 6) % 7
    monday = first - wd
    if wd > 3:
        monday += 7
    return monday


class IsoCalendarDate:
    # the named tuple isocalendar() returns (a tuple-like record here)
    def __init__(self, year, week, weekday):
        self._t = (year, week, weekday)

    year = property(lambda self: self._t[0])
    week = property(lambda self: self._t[1])
    weekday = property(lambda self: self._t[2])

    def __getitem__(self, i):
        return self._t[i]

    def __len__(self):
        return 3

    def __iter__(self):
        return iter(self._t)

    def __eq__(self, other):
        if isinstance(other, IsoCalendarDate):
            other = other._t
        return self._t == other

    def __hash__(self):
        return hash(self._t)

    def __repr__(self):
        return f'datetime.IsoCalendarDate(year={self._t[0]}, week={self._t[1]}, weekday={self._t[2]})'


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


# ---- time ----

def _set_clock(self, h, mi, s, us, tz, fold):
    _check_time(h, mi, s, us, fold)
    _check_tzinfo(tz)
    self._h = h
    self._mi = mi
    self._s = s
    self._us = us
    self._tz = tz
    self._fold = fold


def _clock_fields(cls, subject):
    # what time and datetime share: the fields, and the questions to the
    # tzinfo (about None for a time, about the datetime itself)
    cls.hour = property(lambda self: self._h)
    cls.minute = property(lambda self: self._mi)
    cls.second = property(lambda self: self._s)
    cls.microsecond = property(lambda self: self._us)
    cls.tzinfo = property(lambda self: self._tz)
    cls.fold = property(lambda self: self._fold)
    cls.utcoffset = lambda self: _offset_of(self._tz, subject(self))
    cls.tzname = lambda self: None if self._tz is None else self._tz.tzname(subject(self))
    cls.dst = lambda self: None if self._tz is None else self._tz.dst(subject(self))


class time:
    def __init__(self, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        _set_clock(self, hour, minute, second, microsecond, tzinfo, fold)

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError('fromisoformat: argument must be str')
        t = _parse_iso_time(s[1:] if s[:1] == 'T' else s)
        if t is None:
            raise ValueError(f'Invalid isoformat string: {s!r}')
        return cls(*t)

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True, *, fold=None):
        return type(self)(self._h if hour is None else hour, self._mi if minute is None else minute,
                          self._s if second is None else second,
                          self._us if microsecond is None else microsecond,
                          self._tz if tzinfo is True else tzinfo,
                          fold=self._fold if fold is None else fold)

    def isoformat(self, timespec='auto'):
        return _fmt_time(self._h, self._mi, self._s, self._us, timespec) + _fmt_offset(self.utcoffset())

    __str__ = isoformat

    def strftime(self, fmt):
        return _strftime(self, fmt, (1900, 1, 1, self._h, self._mi, self._s, 0, 1, -1))

    def __format__(self, spec):
        return _format(self, spec)

    def __repr__(self):
        if self._us:
            s = f'{self._h}, {self._mi}, {self._s}, {self._us}'
        elif self._s:
            s = f'{self._h}, {self._mi}, {self._s}'
        else:
            s = f'{self._h}, {self._mi}'
        if self._tz is not None:
            s += f', tzinfo={self._tz!r}'
        if self._fold:
            s += ', fold=1'
        return f'{_qual(self)}({s})'

    def _key(self):
        return (self._h, self._mi, self._s, self._us)

    def _cmp(self, other, op):
        if not isinstance(other, time):
            if op in ('==', '!='):
                return None
            raise _cmp_error(op, self, other)
        a = self._key()
        b = other._key()
        oa = self.utcoffset()
        ob = other.utcoffset()
        if (oa is None) != (ob is None):
            if op in ('==', '!='):
                return 2
            raise TypeError("can't compare offset-naive and offset-aware times")
        if oa is not None and oa != ob:
            a = (self._h * 3600 + self._mi * 60 + self._s) * 1000000 + self._us - oa._us
            b = (other._h * 3600 + other._mi * 60 + other._s) * 1000000 + other._us - ob._us
        return (a > b) - (a < b)

    def __eq__(self, other):
        c = self._cmp(other, '==')
        return NotImplemented if c is None else c == 0

    def __hash__(self):
        return hash(self._key())

    def __bool__(self):
        return True


_clock_fields(time, lambda t: None)
_orderings(time)
time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


# ---- datetime ----

class datetime(date):
    def __init__(self, year, month, day, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        date.__init__(self, year, month, day)
        _set_clock(self, hour, minute, second, microsecond, tzinfo, fold)

    @classmethod
    def _from_ts(cls, t, utc, tz):
        if not isinstance(t, (int, float)):
            raise TypeError(f"'{type(t).__name__}' object cannot be interpreted as an integer")
        secs = int(t) if t >= 0 or t == int(t) else int(t) - 1
        us = round((t - secs) * 1000000)
        if us >= 1000000:
            secs += 1
            us -= 1000000
        days, rem = divmod(secs, 86400)
        hh, rem = divmod(rem, 3600)
        mm, ss = divmod(rem, 60)
        y, m, d = _ord2ymd(_EPOCH_ORDINAL + days)
        dt = cls(y, m, d, hh, mm, ss, us)
        if tz is not None:
            dt = tz.fromutc(dt.replace(tzinfo=tz))
        return dt

    @classmethod
    def now(cls, tz=None):
        _check_tzinfo(tz)
        return cls._from_ts(_time.time(), False, tz)

    @classmethod
    def today(cls):
        return cls._from_ts(_time.time(), False, None)

    @classmethod
    def utcnow(cls):
        _deprecated('datetime.datetime.utcnow() is deprecated and scheduled for removal in a future '
                    'version. Use timezone-aware objects to represent datetimes in UTC: '
                    'datetime.datetime.now(datetime.UTC).')
        return cls._from_ts(_time.time(), True, None)

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        _check_tzinfo(tz)
        return cls._from_ts(t, False, tz)

    @classmethod
    def utcfromtimestamp(cls, t):
        _deprecated('datetime.datetime.utcfromtimestamp() is deprecated and scheduled for removal in a '
                    'future version. Use timezone-aware objects to represent datetimes in UTC: '
                    'datetime.datetime.fromtimestamp(timestamp, datetime.UTC).')
        return cls._from_ts(t, True, None)

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        return cls(date.year, date.month, date.day, time.hour, time.minute, time.second,
                   time.microsecond, time.tzinfo if tzinfo is True else tzinfo, fold=time.fold)

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError('fromisoformat: argument must be str')
        ymd = _parse_iso_date(s[:10])
        if ymd is None:
            raise ValueError(f'Invalid isoformat string: {s!r}')
        if len(s) == 10:
            return cls(*ymd)
        t = _parse_iso_time(s[11:]) if s[10] in 'T ' else None
        if t is None:
            raise ValueError(f'Invalid isoformat string: {s!r}')
        return cls(*ymd, *t)

    @classmethod
    def strptime(cls, s, fmt):
        return _strptime(cls, s, fmt)

    def date(self):
        return date(self._y, self._m, self._d)

    def time(self):
        return time(self._h, self._mi, self._s, self._us, fold=self._fold)

    def timetz(self):
        return time(self._h, self._mi, self._s, self._us, self._tz, fold=self._fold)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None,
                microsecond=None, tzinfo=True, *, fold=None):
        return type(self)(self._y if year is None else year, self._m if month is None else month,
                          self._d if day is None else day, self._h if hour is None else hour,
                          self._mi if minute is None else minute, self._s if second is None else second,
                          self._us if microsecond is None else microsecond,
                          self._tz if tzinfo is True else tzinfo,
                          fold=self._fold if fold is None else fold)

    def _us_total(self):
        # microseconds since 0001-01-01 00:00, as the wall clock reads
        return (((self.toordinal() * 24 + self._h) * 60 + self._mi) * 60 + self._s) * 1000000 + self._us

    @classmethod
    def _from_us_total(cls, us, tz):
        days, us = divmod(us, _US_PER_DAY)
        if not 1 <= days <= _MAX_ORDINAL:
            raise OverflowError('date value out of range')
        s, us = divmod(us, 1000000)
        m, s = divmod(s, 60)
        h, m = divmod(m, 60)
        return cls(*_ord2ymd(days), h, m, s, us, tz)

    def timestamp(self):
        off = self.utcoffset()
        return (self._us_total() - (0 if off is None else off._us) - _EPOCH_ORDINAL * _US_PER_DAY) / 10**6

    def utctimetuple(self):
        off = self.utcoffset()
        dt = self if off is None else self - off
        return _time.struct_time(dt.timetuple()[:8] + (0,))

    def astimezone(self, tz=None):
        if tz is None:
            tz = UTC
        _check_tzinfo(tz)
        off = self.utcoffset()
        if off is None:
            off = timedelta(0)
        utc = (self - off).replace(tzinfo=tz)
        return tz.fromutc(utc)

    def timetuple(self):
        d = self.dst()
        isdst = -1 if d is None else (1 if d else 0)
        return _time.struct_time((self._y, self._m, self._d, self._h, self._mi, self._s, self.weekday(),
                                  self.toordinal() - _ymd2ord(self._y, 1, 1) + 1, isdst))

    def isoformat(self, sep='T', timespec='auto'):
        return (f'{self._y:04d}-{self._m:02d}-{self._d:02d}{sep}' +
                _fmt_time(self._h, self._mi, self._s, self._us, timespec) + _fmt_offset(self.utcoffset()))

    def __str__(self):
        return self.isoformat(' ')

    def ctime(self):
        return (f'{_DAYNAMES[self.weekday()]} {_MONTHNAMES[self._m]} {self._d:2d} '
                f'{self._h:02d}:{self._mi:02d}:{self._s:02d} {self._y:04d}')

    def strftime(self, fmt):
        return _strftime(self, fmt, self.timetuple())

    def __repr__(self):
        s = f'{self._y}, {self._m}, {self._d}, {self._h}, {self._mi}'
        if self._us:
            s += f', {self._s}, {self._us}'
        elif self._s:
            s += f', {self._s}'
        if self._tz is not None:
            s += f', tzinfo={self._tz!r}'
        if self._fold:
            s += ', fold=1'
        return f'{_qual(self)}({s})'

    def _shifted(self, td, sign):
        return type(self)._from_us_total(self._us_total() + sign * td._us, self._tz)

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self._shifted(other, -1)
        if isinstance(other, datetime):
            a = self._us_total()
            b = other._us_total()
            oa = self.utcoffset()
            ob = other.utcoffset()
            if (oa is None) != (ob is None):
                raise TypeError("can't subtract offset-naive and offset-aware datetimes")
            if oa is not None and self._tz is not other._tz:
                a -= oa._us
                b -= ob._us
            return timedelta._from_us(a - b)
        if _builtin(other) or isinstance(other, date):
            raise _binop_error('-', self, other)
        return NotImplemented

    def _cmp(self, other, op):
        if not isinstance(other, datetime):
            if isinstance(other, date):
                if op in ('==', '!='):
                    return None
                raise TypeError(f"can't compare {_tname(self)} to {_tname(other)}")
            if op in ('==', '!='):
                return None
            raise _cmp_error(op, self, other)
        a = self._us_total()
        b = other._us_total()
        if self._tz is not other._tz:
            oa = self.utcoffset()
            ob = other.utcoffset()
            if (oa is None) != (ob is None):
                if op in ('==', '!='):
                    return 2
                raise TypeError("can't compare offset-naive and offset-aware datetimes")
            if oa is not None:
                a -= oa._us
                b -= ob._us
        return (a > b) - (a < b)

    def __eq__(self, other):
        c = self._cmp(other, '==')
        if c is None:
            return False if isinstance(other, date) else NotImplemented
        return c == 0

    def __hash__(self):
        off = self.utcoffset()
        return hash(self._us_total() - (0 if off is None else off._us))


_clock_fields(datetime, lambda dt: dt)
_EPOCH_ORDINAL = _ymd2ord(1970, 1, 1)
datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)
_OWN = (date, time, datetime, timedelta, timezone, tzinfo, IsoCalendarDate)
for _c in _OWN:
    _c_type(_c)


def _deprecated(msg):
    warnings = sys.modules.get('warnings') or _import('warnings')
    warnings.warn(msg, DeprecationWarning, 1)


# ---- parsing ----

def _digits(s, i, n):
    part = s[i:i + n]
    if len(part) != n or not part.isdigit() or not part.isascii():
        return None
    return int(part)


def _parse_iso_date(s):
    y = _digits(s, 0, 4)
    if y is None:
        return None
    if len(s) >= 10 and s[4] == '-' and s[7] == '-':
        m = _digits(s, 5, 2)
        d = _digits(s, 8, 2)
    elif len(s) >= 8:
        m = _digits(s, 4, 2)
        d = _digits(s, 6, 2)
    else:
        return None
    if m is None or d is None:
        return None
    return y, m, d


def _parse_iso_time(s):
    # HH[:MM[:SS[.fff[fff]]]][Z|+HH:MM[:SS]] -> (h, m, s, us, tz) or None
    tz = None
    for k in range(len(s)):
        if s[k] in '+-Z':
            tzs = s[k:]
            s = s[:k]
            if tzs == 'Z':
                tz = UTC
            else:
                oh = _digits(tzs, 1, 2)
                om = _digits(tzs, 4, 2) if len(tzs) >= 6 and tzs[3] == ':' else _digits(tzs, 3, 2)
                if oh is None or om is None or len(tzs) not in (5, 6):
                    return None
                off = timedelta(hours=oh, minutes=om)
                tz = timezone(-off if tzs[0] == '-' else off)
            break
    h = _digits(s, 0, 2)
    m = s_ = us = 0
    if h is None:
        return None
    if len(s) > 2:
        m = _digits(s, 3, 2) if s[2] == ':' else None
        if m is None:
            return None
    if len(s) > 5:
        s_ = _digits(s, 6, 2) if s[5] == ':' else None
        if s_ is None:
            return None
    if len(s) > 8:
        frac = s[9:]
        if s[8] not in '.,' or len(frac) not in (3, 6) or not frac.isdigit():
            return None
        us = int(frac) * (1000 if len(frac) == 3 else 1)
    return h, m, s_, us, tz


_FULL_MONTHS = ('January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
                'September', 'October', 'November', 'December')
_FULL_DAYS = ('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday')


def _strptime(cls, s, fmt):
    for v, n in ((s, 1), (fmt, 2)):
        if not isinstance(v, str):
            raise TypeError(f'strptime() argument {n} must be str, not {type(v).__name__}')
    f = {'y': 1900, 'm': 1, 'd': 1, 'H': 0, 'M': 0, 'S': 0, 'us': 0, 'pm': None, 'tz': None}
    i = 0
    k = 0
    bad = ValueError(f"time data {s!r} does not match format {fmt!r}")
    while k < len(fmt):
        c = fmt[k]
        if c != '%':
            if c.isspace():
                while i < len(s) and s[i].isspace():
                    i += 1
            elif i < len(s) and s[i] == c:
                i += 1
            else:
                raise bad
            k += 1
            continue
        if k + 1 >= len(fmt):
            raise ValueError("stray % in format '" + fmt + "'")
        d = fmt[k + 1]
        k += 2
        if d == '%':
            if s[i:i + 1] != '%':
                raise bad
            i += 1
            continue
        if d in 'bBaAp':
            names = {'b': _MONTHNAMES[1:], 'B': _FULL_MONTHS, 'a': _DAYNAMES, 'A': _FULL_DAYS,
                     'p': ('AM', 'PM')}[d]
            for idx in range(len(names)):
                nm = names[idx]
                if s[i:i + len(nm)].lower() == nm.lower():
                    i += len(nm)
                    if d in 'bB':
                        f['m'] = idx + 1
                    elif d == 'p':
                        f['pm'] = idx == 1
                    break
            else:
                raise bad
            continue
        if d == 'z':
            if s[i:i + 1] == 'Z':
                f['tz'] = UTC
                i += 1
                continue
            sign = s[i:i + 1]
            oh = _digits(s, i + 1, 2)
            j = i + 3
            if s[j:j + 1] == ':':
                j += 1
            om = _digits(s, j, 2)
            if sign not in ('+', '-') or oh is None or om is None:
                raise bad
            off = timedelta(hours=oh, minutes=om)
            f['tz'] = timezone(-off if sign == '-' else off)
            i = j + 2
            continue
        width = {'Y': 4, 'f': 6, 'j': 3}.get(d, 2)
        if d not in 'YmdHMSfyIj':
            raise ValueError(f"'{d}' is a bad directive in format '{fmt}'")
        j = i
        while j < len(s) and j - i < width and s[j].isdigit():
            j += 1
        if j == i:
            raise bad
        v = int(s[i:j])
        if d == 'f':
            v *= 10 ** (6 - (j - i))
        i = j
        key = {'Y': 'y', 'y': 'y', 'I': 'H', 'f': 'us', 'j': 'j'}.get(d, d)
        if d == 'y':
            v += 2000 if v < 69 else 1900
        f[key] = v
    if i < len(s):
        raise ValueError(f'unconverted data remains: {s[i:]}')
    if f['pm'] is not None:
        f['H'] = f['H'] % 12 + (12 if f['pm'] else 0)
    if 'j' in f:
        y, m, dd = _ord2ymd(_ymd2ord(f['y'], 1, 1) + f['j'] - 1)
        f['m'] = m
        f['d'] = dd
    return cls(f['y'], f['m'], f['d'], f['H'], f['M'], f['S'], f['us'], f['tz'])
