# traceback for loopscope: printing and formatting exceptions as CPython 3.12
# does. The text is the VM's own uncaught-exception report, from the native
# _format(exc, what, chain, no_tb, limit, tb_from) of stdlib.c, which returns
# the list of strings traceback's format_* functions return (one for the
# header, each frame, the exception line, each note, each chain message).
import sys

_sentinel = object()
_FULL = 0
_ONLY = 1
_TB = 2


def _value_tb(exc, value, tb):
    # the 3.10 forms: (exc) or the old (type, value, tb)
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is tb is _sentinel:
        if exc is not None:
            if isinstance(exc, BaseException):
                return exc, False
            raise TypeError(f"Exception expected for value, {type(exc).__name__} found")
        return None, True
    return value, tb is None


def _check_limit(limit):
    if limit is not None and not isinstance(limit, int):
        raise TypeError(f"'{type(limit).__name__}' object cannot be interpreted as an integer")


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    """The strings that print_exception would print, in a list."""
    value, no_tb = _value_tb(exc, value, tb)
    _check_limit(limit)
    if value is None:
        return ["NoneType: None\n"]
    return _format(value, _FULL, chain, no_tb, limit, -1)


def format_exception_only(exc, /, value=_sentinel):
    """The exception's last lines: "Type: message" and its notes."""
    if value is _sentinel:
        value = exc
    if value is None:
        return ["NoneType: None\n"]
    return _format(value, _ONLY, False, True, None, -1)


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    """Prints the exception, its traceback and its chain, to sys.stderr or file."""
    lines = format_exception(exc, value, tb, limit=limit, chain=chain)
    if file is None:
        file = sys.stderr
    for line in lines:
        print(line, file=file, end="")


def format_exc(limit=None, chain=True):
    """print_exc's text as a string."""
    return "".join(format_exception(sys.exception(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    """Prints the exception being handled, as print_exception does."""
    print_exception(sys.exception(), limit=limit, file=file, chain=chain)


def format_tb(tb, limit=None):
    """The frames of a traceback object (exc.__traceback__), one string each."""
    _check_limit(limit)
    if tb is None:
        return []
    return _format(tb._ls_exc, _TB, False, False, limit, tb._ls_at)


def print_tb(tb, limit=None, file=None):
    """Prints the frames of a traceback object."""
    if file is None:
        file = sys.stderr
    for line in format_tb(tb, limit):
        print(line, file=file, end="")
