# warnings for loopscope: warn with CPython 3.12's default filters and its
# text on stderr ("FILE:LINE: Category: message" and the source line), the
# filter actions, simplefilter, filterwarnings, resetwarnings,
# catch_warnings, showwarning and formatwarning, written for loopscope
# (stdlib.c runs this into the module "warnings" when a program first
# imports it). CPython's warn is C (_warnings), so a warning turned into an
# error shows no frame of this file. The places come from _where(level),
# which counts the program's frames only.

import sys

# (action, message prefix or None, category, module or None, lineno);
# CPython keeps compiled patterns where this keeps text
filters = [
    ('default', None, DeprecationWarning, '__main__', 0),
    ('ignore', None, DeprecationWarning, None, 0),
    ('ignore', None, PendingDeprecationWarning, None, 0),
    ('ignore', None, ImportWarning, None, 0),
    ('ignore', None, ResourceWarning, None, 0),
]
defaultaction = 'default'
onceregistry = {}
_registry = {}      # what the 'default' and 'module' actions have shown
_ACTIONS = ('error', 'ignore', 'always', 'default', 'module', 'once')


class WarningMessage:
    _WARNING_DETAILS = ('message', 'category', 'filename', 'lineno', 'file', 'line', 'source')

    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ('{message : %r, category : %r, filename : %r, lineno : %s, line : %r}' %
                (self.message, self._category_name, self.filename, self.lineno, self.line))


def formatwarning(message, category, filename, lineno, line=None):
    s = f'{filename}:{lineno}: {category.__name__}: {message}\n'
    if line:
        s += f'  {line.strip()}\n'
    return s


def _showwarning_orig(message, category, filename, lineno, file=None, line=None):
    if file is None:
        file = sys.stderr
        if file is None:
            return
    file.write(formatwarning(message, category, filename, lineno, line))


showwarning = _showwarning_orig


def _show(msg, src):
    # a replaced showwarning is called as CPython calls it
    if showwarning is not _showwarning_orig:
        showwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)
        return
    if _recorder is not None:
        _recorder.append(msg)
        return
    text = formatwarning(msg.message, msg.category, msg.filename, msg.lineno, src)
    f = sys.stderr
    if f is not None:
        f.write(text)


_recorder = None


def _check_category(category):
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError(f"category must be a Warning subclass, not '{type(category).__name__}'")


def _add(item, append):
    global filters
    if not append:
        while item in filters:
            filters.remove(item)
        filters.insert(0, item)
    elif item not in filters:
        filters.append(item)
    _registry.clear()


def simplefilter(action, category=Warning, lineno=0, append=False):
    if action not in _ACTIONS:
        raise AssertionError(f'invalid action: {action!r}')
    if not isinstance(lineno, int) or lineno < 0:
        raise AssertionError('lineno must be an int >= 0')
    _add((action, None, category, None, lineno), append)


def filterwarnings(action, message='', category=Warning, module='', lineno=0, append=False):
    if action not in _ACTIONS:
        raise AssertionError(f'invalid action: {action!r}')
    if not isinstance(message, str):
        raise AssertionError('message must be a string')
    if not isinstance(category, type) or not issubclass(category, Warning):
        raise AssertionError('category must be a Warning subclass')
    if not isinstance(module, str):
        raise AssertionError('module must be a string')
    if not isinstance(lineno, int) or lineno < 0:
        raise AssertionError('lineno must be an int >= 0')
    _add((action, _pattern(message) or None, category, _pattern(module) or None, lineno), append)


def _pattern(p):
    # the patterns programs write are literal text, often ending in .*
    while p.endswith('.*'):
        p = p[:-2]
    return p.replace('\\', '')


def resetwarnings():
    filters[:] = []
    _registry.clear()


def _action_for(text, category, module, lineno):
    for action, msg, cat, mod, ln in filters:
        if ((msg is None or text.lower().startswith(msg.lower())) and issubclass(category, cat) and
                (mod is None or module.startswith(mod)) and (ln == 0 or lineno == ln)):
            return action
    return defaultaction


def warn(message, category=None, stacklevel=1, source=None, *, skip_file_prefixes=()):
    if isinstance(message, Warning):
        category = type(message)
    if category is None:
        category = UserWarning
    _check_category(category)
    where = _where(stacklevel)
    if where is None:
        filename, lineno, line, module = 'sys', 1, None, 'sys'
    else:
        filename, lineno, line = where
        module = '__main__'
    text = str(message)
    if not isinstance(message, Warning):
        message = category(message)
    action = _action_for(text, category, module, lineno)
    if action == 'error':
        raise message
    if action == 'ignore':
        return
    if action == 'once':
        key = (text, category)
        if key in onceregistry:
            return
        onceregistry[key] = 1
    elif action == 'module':
        key = (text, category, filename)
        if key in _registry:
            return
        _registry[key] = 1
    elif action == 'default':
        key = (text, category, filename, lineno)
        if key in _registry:
            return
        _registry[key] = 1
    elif action != 'always':
        raise RuntimeError(f'Unrecognized action ({action!r}) in warnings.filters:\n {action}')
    # CPython reads the line only to print it: the record's line is None
    _show(WarningMessage(message, category, filename, lineno, None, None, source), line)


class catch_warnings:
    def __init__(self, *, record=False, module=None, action=None, category=Warning, lineno=0, append=False):
        self._record = record
        self._filter = None if action is None else (action, category, lineno, append)
        self._entered = False

    def __repr__(self):
        args = []
        if self._record:
            args.append('record=True')
        return f"{type(self).__name__}({', '.join(args)})"

    def __enter__(self):
        global _recorder, showwarning
        if self._entered:
            raise RuntimeError(f'Cannot enter {self!r} twice')
        self._entered = True
        self._saved = (filters[:], showwarning, _recorder)
        _registry.clear()
        if self._filter is not None:
            simplefilter(*self._filter)
        if self._record:
            log = []
            _recorder = log
            showwarning = _showwarning_orig
            return log
        return None

    def __exit__(self, *exc_info):
        global _recorder, showwarning
        if not self._entered:
            raise RuntimeError(f'Cannot exit {self!r} without entering first')
        saved_filters, showwarning, _recorder = self._saved
        filters[:] = saved_filters
        _registry.clear()
