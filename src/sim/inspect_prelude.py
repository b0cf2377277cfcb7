# inspect for loopscope: the is*() predicates asyncio teaching code asks
# (iscoroutinefunction, isawaitable, ...), getcoroutinestate and
# getgeneratorstate, signature() of functions, methods, classes and
# partials (Signature, Parameter, BoundArguments), getmembers, getdoc,
# cleandoc, unwrap, as CPython 3.12 documents them, written for loopscope
# (stdlib.c runs this into the module "inspect" when a program first
# imports it). What it does not have is missing, as a name CPython lacks.

import sys

CO_OPTIMIZED = 1
CO_NEWLOCALS = 2
CO_VARARGS = 4
CO_VARKEYWORDS = 8
CO_NESTED = 16
CO_GENERATOR = 32
CO_NOFREE = 64
CO_COROUTINE = 128
CO_ITERABLE_COROUTINE = 256
CO_ASYNC_GENERATOR = 512

GEN_CREATED = 'GEN_CREATED'
GEN_RUNNING = 'GEN_RUNNING'
GEN_SUSPENDED = 'GEN_SUSPENDED'
GEN_CLOSED = 'GEN_CLOSED'
CORO_CREATED = 'CORO_CREATED'
CORO_RUNNING = 'CORO_RUNNING'
CORO_SUSPENDED = 'CORO_SUSPENDED'
CORO_CLOSED = 'CORO_CLOSED'


def _f():
    pass


class _C:
    def m(self):
        pass


_FunctionType = type(_f)
_MethodType = type(_C().m)
_BuiltinType = type(len)
_ModuleType = type(sys)
_CodeType = type(_f.__code__)


def ismodule(object):
    return isinstance(object, _ModuleType)


def isclass(object):
    return isinstance(object, type)


def ismethod(object):
    return isinstance(object, _MethodType)


def isfunction(object):
    return isinstance(object, _FunctionType)


def isbuiltin(object):
    return isinstance(object, _BuiltinType)


def isroutine(object):
    return isbuiltin(object) or isfunction(object) or ismethod(object)


def iscode(object):
    return isinstance(object, _CodeType)


def _unwrap_partial(f):
    functools = sys.modules.get('functools')
    while functools is not None and isinstance(f, functools.partial):
        f = f.func
    return f


def _has_code_flag(f, flag):
    while ismethod(f):
        f = f.__func__
    f = _unwrap_partial(f)
    if not isfunction(f):
        return False
    return bool(f.__code__.co_flags & flag)


def isgeneratorfunction(obj):
    return _has_code_flag(obj, CO_GENERATOR)


def iscoroutinefunction(obj):
    return _has_code_flag(obj, CO_COROUTINE) or getattr(_unwrap_partial(obj), '_is_coroutine_marker', None) is _marker


def isasyncgenfunction(obj):
    return _has_code_flag(obj, CO_ASYNC_GENERATOR)


_marker = object()


def markcoroutinefunction(func):
    if hasattr(func, '__func__'):
        func = func.__func__
    func._is_coroutine_marker = _marker
    return func


def _gen_kind(obj):
    return type(obj).__name__ if _genstate(obj) is not None else None


def isgenerator(object):
    return _gen_kind(object) == 'generator'


def iscoroutine(object):
    return _gen_kind(object) == 'coroutine'


def isasyncgen(object):
    return _gen_kind(object) == 'async_generator'


def isawaitable(object):
    if iscoroutine(object):
        return True
    if isinstance(object, type):
        return False
    return hasattr(type(object), '__await__')


def isabstract(object):
    return isinstance(object, type) and bool(getattr(object, '__abstractmethods__', None))


def getgeneratorstate(generator):
    return 'GEN_' + _genstate(generator)


def getcoroutinestate(coroutine):
    return 'CORO_' + _genstate(coroutine)


def getmembers(object, predicate=None):
    results = []
    for key in dir(object):
        try:
            value = getattr(object, key)
        except AttributeError:
            continue
        if predicate is None or predicate(value):
            results.append((key, value))
    results.sort(key=lambda pair: pair[0])
    return results


def cleandoc(doc):
    lines = doc.expandtabs().split('\n')
    margin = None
    for line in lines[1:]:
        content = len(line.lstrip())
        if content:
            indent = len(line) - content
            margin = indent if margin is None else min(margin, indent)
    lines[0] = lines[0].lstrip()
    if margin is not None:
        for i in range(1, len(lines)):
            lines[i] = lines[i][margin:]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return '\n'.join(lines)


def getdoc(object):
    doc = getattr(object, '__doc__', None)
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)


def unwrap(func, *, stop=None):
    f = func
    seen = [id(f)]
    while hasattr(f, '__wrapped__') and (stop is None or not stop(f)):
        f = f.__wrapped__
        if id(f) in seen:
            raise ValueError(f'wrapper loop when unwrapping {func!r}')
        seen.append(id(f))
    return f


# ---- signatures ----

class _empty:
    """Marker object for Signature.empty and Parameter.empty."""


class _void:
    """A private marker - used in Parameter & Signature."""


class _ParameterKind:
    def __init__(self, value, name, description):
        self.value = value
        self.name = name
        self.description = description

    def __repr__(self):
        return f'<_ParameterKind.{self.name}: {self.value}>'

    def __str__(self):
        return self.name

    def __lt__(self, other):
        return self.value < other.value

    def __le__(self, other):
        return self.value <= other.value

    def __gt__(self, other):
        return self.value > other.value

    def __ge__(self, other):
        return self.value >= other.value

    def __int__(self):
        return self.value

    def __hash__(self):
        return hash(self.value)


_POSITIONAL_ONLY = _ParameterKind(0, 'POSITIONAL_ONLY', 'positional-only')
_POSITIONAL_OR_KEYWORD = _ParameterKind(1, 'POSITIONAL_OR_KEYWORD', 'positional or keyword')
_VAR_POSITIONAL = _ParameterKind(2, 'VAR_POSITIONAL', 'variadic positional')
_KEYWORD_ONLY = _ParameterKind(3, 'KEYWORD_ONLY', 'keyword-only')
_VAR_KEYWORD = _ParameterKind(4, 'VAR_KEYWORD', 'variadic keyword')


def formatannotation(annotation, base_module=None):
    if getattr(annotation, '__module__', None) == 'typing':
        return repr(annotation).replace('typing.', '')
    if isinstance(annotation, type):
        if annotation.__module__ in ('builtins', base_module):
            return annotation.__qualname__
        return annotation.__module__ + '.' + annotation.__qualname__
    return repr(annotation)


class Parameter:
    POSITIONAL_ONLY = _POSITIONAL_ONLY
    POSITIONAL_OR_KEYWORD = _POSITIONAL_OR_KEYWORD
    VAR_POSITIONAL = _VAR_POSITIONAL
    KEYWORD_ONLY = _KEYWORD_ONLY
    VAR_KEYWORD = _VAR_KEYWORD
    empty = _empty

    def __init__(self, name, kind, *, default=_empty, annotation=_empty):
        if not isinstance(kind, _ParameterKind):
            raise ValueError(f'value {kind!r} is not a valid Parameter.kind')
        if default is not _empty and kind in (_VAR_POSITIONAL, _VAR_KEYWORD):
            raise ValueError(f'{kind.description} parameters cannot have default values')
        if not isinstance(name, str):
            raise TypeError(f'name must be a str, not a {type(name).__name__}')
        if not name.isidentifier():
            raise ValueError(f'{name!r} is not a valid parameter name')
        self._name = name
        self._kind = kind
        self._default = default
        self._annotation = annotation

    name = property(lambda self: self._name)
    kind = property(lambda self: self._kind)
    default = property(lambda self: self._default)
    annotation = property(lambda self: self._annotation)

    def replace(self, *, name=_void, kind=_void, annotation=_void, default=_void):
        return type(self)(self._name if name is _void else name, self._kind if kind is _void else kind,
                          default=self._default if default is _void else default,
                          annotation=self._annotation if annotation is _void else annotation)

    def __str__(self):
        out = self._name
        if self._annotation is not _empty:
            out = f'{out}: {formatannotation(self._annotation)}'
        if self._default is not _empty:
            if self._annotation is not _empty:
                out = f'{out} = {self._default!r}'
            else:
                out = f'{out}={self._default!r}'
        if self._kind is _VAR_POSITIONAL:
            out = '*' + out
        elif self._kind is _VAR_KEYWORD:
            out = '**' + out
        return out

    def __repr__(self):
        return f'<{type(self).__name__} "{self}">'

    def __eq__(self, other):
        if not isinstance(other, Parameter):
            return NotImplemented
        return (self._name == other._name and self._kind is other._kind and
                self._default == other._default and self._annotation == other._annotation)

    def __hash__(self):
        return hash((self._name, self._kind.value, self._annotation, self._default))


class BoundArguments:
    def __init__(self, signature, arguments):
        self.arguments = arguments
        self._signature = signature

    signature = property(lambda self: self._signature)

    @property
    def args(self):
        args = []
        for name, p in self._signature.parameters.items():
            if p.kind in (_VAR_KEYWORD, _KEYWORD_ONLY) or name not in self.arguments:
                break
            if p.kind is _VAR_POSITIONAL:
                args.extend(self.arguments[name])
            else:
                args.append(self.arguments[name])
        return tuple(args)

    @property
    def kwargs(self):
        kwargs = {}
        started = False
        for name, p in self._signature.parameters.items():
            if not started:
                if p.kind in (_VAR_KEYWORD, _KEYWORD_ONLY) or name not in self.arguments:
                    started = True
                elif p.kind is not _VAR_POSITIONAL:
                    continue
                else:
                    continue
            if name not in self.arguments:
                continue
            if p.kind is _VAR_KEYWORD:
                kwargs.update(self.arguments[name])
            elif p.kind is not _VAR_POSITIONAL:
                kwargs[name] = self.arguments[name]
        return kwargs

    def apply_defaults(self):
        new = {}
        for name, p in self._signature.parameters.items():
            if name in self.arguments:
                new[name] = self.arguments[name]
            elif p.default is not _empty:
                new[name] = p.default
            elif p.kind is _VAR_POSITIONAL:
                new[name] = ()
            elif p.kind is _VAR_KEYWORD:
                new[name] = {}
        self.arguments = new

    def __eq__(self, other):
        if not isinstance(other, BoundArguments):
            return NotImplemented
        return self.signature == other.signature and self.arguments == other.arguments

    def __repr__(self):
        args = [f'{k}={v!r}' for k, v in self.arguments.items()]
        return f"<{type(self).__name__} ({', '.join(args)})>"


class Signature:
    empty = _empty

    def __init__(self, parameters=None, *, return_annotation=_empty, __validate_parameters__=True):
        params = _import('collections').OrderedDict()
        for p in parameters or ():
            if p.name in params:
                raise ValueError(f'duplicate parameter name: {p.name!r}')
            params[p.name] = p
        self._parameters = params
        self._return_annotation = return_annotation

    parameters = property(lambda self: self._parameters)
    return_annotation = property(lambda self: self._return_annotation)

    @classmethod
    def from_callable(cls, obj, *, follow_wrapped=True, globals=None, locals=None, eval_str=False):
        return _signature(obj, follow_wrapped)

    def replace(self, *, parameters=_void, return_annotation=_void):
        return type(self)(self._parameters.values() if parameters is _void else parameters,
                          return_annotation=self._return_annotation if return_annotation is _void
                          else return_annotation)

    def __str__(self):
        result = []
        render_pos_only = False
        render_kw_only = True
        for p in self._parameters.values():
            if p.kind is _POSITIONAL_ONLY:
                render_pos_only = True
            elif render_pos_only:
                result.append('/')
                render_pos_only = False
            if p.kind is _VAR_POSITIONAL:
                render_kw_only = False
            elif p.kind is _KEYWORD_ONLY and render_kw_only:
                result.append('*')
                render_kw_only = False
            result.append(str(p))
        if render_pos_only:
            result.append('/')
        out = f"({', '.join(result)})"
        if self._return_annotation is not _empty:
            out += f' -> {formatannotation(self._return_annotation)}'
        return out

    def __repr__(self):
        return f'<{type(self).__name__} {self}>'

    def __eq__(self, other):
        if not isinstance(other, Signature):
            return NotImplemented
        return (self._return_annotation == other._return_annotation and
                list(self._parameters.values()) == list(other._parameters.values()))

    def __hash__(self):
        return hash((tuple(self._parameters.values()), self._return_annotation))

    def bind(self, *args, **kwargs):
        return self._bind(args, kwargs, False)

    def bind_partial(self, *args, **kwargs):
        return self._bind(args, kwargs, True)

    def _bind(self, args, kwargs, partial):
        # CPython's two phases: positional arguments first, then the rest
        # of the parameters from the keywords
        arguments = {}
        params = list(self._parameters.values())
        kwargs = dict(kwargs)
        i = 0
        rest = len(params)
        n = 0
        while True:
            if n == len(args):
                if i == len(params):
                    rest = i
                    break
                p = params[i]
                if p.kind is _VAR_POSITIONAL:
                    rest = i + 1
                    break
                if p.name in kwargs:
                    if p.kind is _POSITIONAL_ONLY:
                        raise TypeError(f'{p.name!r} parameter is positional only, but was passed as a keyword')
                    rest = i
                    break
                if p.kind is _VAR_KEYWORD or p.default is not _empty or partial:
                    rest = i
                    break
                kind = ' keyword-only' if p.kind is _KEYWORD_ONLY else ''
                raise TypeError(f'missing a required{kind} argument: {p.name!r}')
            if i == len(params) or params[i].kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                raise TypeError('too many positional arguments')
            p = params[i]
            if p.kind is _VAR_POSITIONAL:
                arguments[p.name] = tuple(args[n:])
                rest = i + 1
                break
            if p.name in kwargs and p.kind is not _POSITIONAL_ONLY:
                raise TypeError(f'multiple values for argument {p.name!r}')
            arguments[p.name] = args[n]
            n += 1
            i += 1
        kwargs_param = None
        for p in params[rest:]:
            if p.kind is _VAR_KEYWORD:
                kwargs_param = p
                continue
            if p.kind is _VAR_POSITIONAL:
                continue
            if p.name not in kwargs:
                if not partial and p.default is _empty:
                    raise TypeError(f'missing a required argument: {p.name!r}')
                continue
            if p.kind is _POSITIONAL_ONLY:
                raise TypeError(f'{p.name!r} parameter is positional only, but was passed as a keyword')
            arguments[p.name] = kwargs.pop(p.name)
        if kwargs:
            if kwargs_param is None:
                raise TypeError(f'got an unexpected keyword argument {next(iter(kwargs))!r}')
            arguments[kwargs_param.name] = kwargs
        return BoundArguments(self, arguments)


def _function_signature(func, skip_first):
    code = func.__code__
    names = code.co_varnames
    npos = code.co_argcount
    nposonly = code.co_posonlyargcount
    nkw = code.co_kwonlyargcount
    defaults = func.__defaults__ or ()
    kwdefaults = func.__kwdefaults__ or {}
    ann = getattr(func, '__annotations__', None) or {}
    params = []
    first_default = npos - len(defaults)
    for i in range(npos):
        name = names[i]
        kind = _POSITIONAL_ONLY if i < nposonly else _POSITIONAL_OR_KEYWORD
        default = defaults[i - first_default] if i >= first_default else _empty
        params.append(Parameter(name, kind, default=default, annotation=ann.get(name, _empty)))
    k = npos + nkw
    if code.co_flags & CO_VARARGS:
        name = names[k]
        params.append(Parameter(name, _VAR_POSITIONAL, annotation=ann.get(name, _empty)))
    for i in range(npos, npos + nkw):
        name = names[i]
        params.append(Parameter(name, _KEYWORD_ONLY, default=kwdefaults.get(name, _empty),
                                annotation=ann.get(name, _empty)))
    if code.co_flags & CO_VARKEYWORDS:
        name = names[k + (1 if code.co_flags & CO_VARARGS else 0)]
        params.append(Parameter(name, _VAR_KEYWORD, annotation=ann.get(name, _empty)))
    if skip_first:
        if not params or params[0].kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
            raise ValueError(f'invalid method signature')
        if params[0].kind is not _VAR_POSITIONAL:
            params = params[1:]
    return Signature(params, return_annotation=ann.get('return', _empty))


def _signature(obj, follow_wrapped=True, skip_first=False):
    if not callable(obj):
        raise TypeError(f'{obj!r} is not a callable object')
    if ismethod(obj):
        return _signature(obj.__func__, follow_wrapped, True)
    if follow_wrapped:
        obj = unwrap(obj, stop=lambda f: hasattr(f, '__signature__'))
    sig = getattr(obj, '__signature__', None)
    if sig is not None:
        if not isinstance(sig, Signature):
            raise TypeError(f'unexpected object {sig!r} in __signature__ attribute')
        return sig
    if isfunction(obj):
        return _function_signature(obj, skip_first)
    functools = sys.modules.get('functools')
    if functools is not None and isinstance(obj, functools.partial):
        return _partial_signature(_signature(obj.func, follow_wrapped), obj.args, obj.keywords)
    if isinstance(obj, type):
        for name in ('__call__', '__new__', '__init__'):
            if name == '__call__':
                continue
            for base in obj.__mro__:
                if name in base.__dict__ and base is not object:
                    f = base.__dict__[name]
                    if name == '__new__' and isinstance(f, staticmethod):
                        f = f.__func__
                    if base.__module__ == 'abc':
                        continue    # CPython's ABC has no __new__ or __init__
                    if isfunction(f):
                        return _function_signature(f, True)
        raise ValueError(f'no signature found for builtin type {obj!r}')
    if isbuiltin(obj):
        raise ValueError(f'no signature found for builtin {obj!r}')
    call = getattr(type(obj), '__call__', None)
    if isfunction(call):
        return _function_signature(call, True)
    raise ValueError(f'callable {obj!r} is not supported by signature')


def _partial_signature(sig, args, keywords):
    params = list(sig.parameters.values())
    try:
        sig.bind_partial(*args, **keywords)
    except TypeError:
        raise ValueError(f'partial object has incorrect arguments')
    out = []
    n = len(args)
    for p in params:
        if n and p.kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
            n -= 1
            continue
        if p.name in keywords:
            kind = _KEYWORD_ONLY if p.kind is _POSITIONAL_OR_KEYWORD else p.kind
            out.append(p.replace(default=keywords[p.name], kind=kind))
        else:
            if p.kind is _POSITIONAL_OR_KEYWORD and any(q.kind is _KEYWORD_ONLY for q in out):
                p = p.replace(kind=_KEYWORD_ONLY)
            out.append(p)
    return sig.replace(parameters=out)


def signature(obj, *, follow_wrapped=True, globals=None, locals=None, eval_str=False):
    return _signature(obj, follow_wrapped)
