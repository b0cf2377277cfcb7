# os for loopscope: what a sandboxed program may ask of its operating
# system, as CPython 3.12 on Linux answers: getpid() (a fixed number, as
# loopscope's runs repeat), cpu_count() (the virtual CPUs the simulated
# thread pool counts), environ (an empty environment the program may fill),
# getenv, putenv, unsetenv, name, sep, linesep and friends, and os.path's
# string functions. loopscope runs programs without the file system or
# other processes (docs/language.md): those functions are here only to say
# so. stdlib.c runs this into the module "os" when a program first imports it.

import sys

name = 'posix'
sep = '/'
altsep = None
extsep = '.'
pathsep = ':'
linesep = '\n'
curdir = '.'
pardir = '..'
defpath = '/bin:/usr/bin'
devnull = '/dev/null'
error = OSError
path = _import('os.path')
_cpu_count = _import('asyncio')._cpu_count

_PID = 4242


def getpid():
    return _PID


def getppid():
    return 1


def cpu_count():
    return _cpu_count()


def process_cpu_count():
    return _cpu_count()


def _check_str(v):
    if not isinstance(v, str):
        raise TypeError(f'str expected, not {type(v).__name__}')


class _Environ:
    # os._Environ: a mapping of str to str
    def __init__(self):
        self._data = {}

    def __getitem__(self, key):
        if key not in self._data:
            raise KeyError(key) from None
        return self._data[key]

    def __setitem__(self, key, value):
        _check_str(key)
        _check_str(value)
        self._data[key] = value

    def __delitem__(self, key):
        if key not in self._data:
            raise KeyError(key) from None
        del self._data[key]

    def __contains__(self, key):
        return key in self._data

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __eq__(self, other):
        if isinstance(other, _Environ):
            other = other._data
        return self._data == other

    def get(self, key, default=None):
        return self._data.get(key, default)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def setdefault(self, key, value):
        if key not in self._data:
            self[key] = value
        return self._data[key]

    def pop(self, key, *default):
        if key in self._data or not default:
            if key not in self._data:
                raise KeyError(key)
            return self._data.pop(key)
        return default[0]

    def update(self, other=(), **kw):
        for k, v in dict(other, **kw).items():
            self[k] = v

    def clear(self):
        self._data.clear()

    def copy(self):
        return dict(self._data)

    def __repr__(self):
        items = ', '.join(f'{k!r}: {v!r}' for k, v in self._data.items())
        return f'environ({{{items}}})'


_Environ.__module__ = 'os'
environ = _Environ()


def getenv(key, default=None):
    _check_str(key)
    return environ.get(key, default)


def putenv(key, value):
    _check_str(key)
    _check_str(value)


def unsetenv(key):
    _check_str(key)


for _n in ('getcwd', 'chdir', 'listdir', 'scandir', 'walk', 'mkdir', 'makedirs', 'rmdir', 'removedirs',
           'remove', 'unlink', 'rename', 'replace', 'stat', 'lstat', 'open', 'close', 'read', 'write',
           'system', 'popen', 'fork', 'kill', 'killpg', 'execv', 'execvp', 'spawnv', 'urandom', 'chmod',
           'chown', 'link', 'symlink', 'readlink', 'access', 'pipe', 'dup', 'dup2', 'getlogin',
           'get_terminal_size', 'truncate', 'utime', 'fspath', 'fsync', 'waitpid', '_exit', 'nice'):
    globals()[_n] = path._sandboxed('os.' + _n)
del _n
