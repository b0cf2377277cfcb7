# os.path for loopscope: the POSIX path functions that only work on text
# (join, split, basename, dirname, splitext, normpath, isabs, commonprefix),
# as CPython 3.12's posixpath; the ones that would look at the file system
# say that loopscope runs without it. stdlib.c runs this into the module
# "os.path" when a program first imports os or os.path.

sep = '/'
curdir = '.'
pardir = '..'
extsep = '.'
altsep = None
pathsep = ':'
devnull = '/dev/null'


def _check(p, fname):
    if not isinstance(p, str):
        raise TypeError(f'expected str, bytes or os.PathLike object, not {type(p).__name__}')


def join(a, *p):
    _check(a, 'join')
    path = a
    for b in p:
        if not isinstance(b, str):
            raise TypeError(f"join() argument must be str, bytes, or os.PathLike object, not '{type(b).__name__}'")
        if b.startswith('/'):
            path = b
        elif not path or path.endswith('/'):
            path += b
        else:
            path += '/' + b
    return path


def split(p):
    _check(p, 'split')
    i = p.rfind('/') + 1
    head, tail = p[:i], p[i:]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head, tail


def basename(p):
    return split(p)[1]


def dirname(p):
    return split(p)[0]


def splitext(p):
    _check(p, 'splitext')
    sep_i = p.rfind('/')
    dot_i = p.rfind('.')
    if dot_i > sep_i:
        filename_i = sep_i + 1
        while filename_i < dot_i:
            if p[filename_i] != '.':
                return p[:dot_i], p[dot_i:]
            filename_i += 1
    return p, ''


def isabs(s):
    _check(s, 'isabs')
    return s.startswith('/')


def normpath(path):
    _check(path, 'normpath')
    if path == '':
        return '.'
    initial = 1 if path.startswith('/') else 0
    if initial and path.startswith('//') and not path.startswith('///'):
        initial = 2
    comps = path.split('/')
    new = []
    for comp in comps:
        if comp in ('', '.'):
            continue
        if comp != '..' or (not initial and not new) or (new and new[-1] == '..'):
            new.append(comp)
        elif new:
            new.pop()
    path = '/'.join(new)
    if initial:
        path = '/' * initial + path
    return path or '.'


def commonprefix(m):
    if not m:
        return ''
    s1 = min(m)
    s2 = max(m)
    for i in range(len(s1)):
        if s1[i] != s2[i]:
            return s1[:i]
    return s1


def _sandboxed(qualname):
    # what stands for a function that needs the file system (os uses it too)
    def refuse(*args, **kwargs):
        raise PermissionError(f'{qualname}() is not available in loopscope: programs run sandboxed, '
                              'without the file system or other processes')
    refuse.__name__ = refuse.__qualname__ = qualname.rpartition('.')[2]
    return refuse


for _n in ('exists', 'lexists', 'isfile', 'isdir', 'islink', 'ismount', 'getsize', 'getmtime', 'getatime',
           'getctime', 'abspath', 'realpath', 'relpath', 'expanduser', 'expandvars', 'samefile'):
    globals()[_n] = _sandboxed('os.path.' + _n)
del _n
