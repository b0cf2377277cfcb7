# pprint for loopscope: pprint, pformat, pp, saferepr, isreadable,
# isrecursive and PrettyPrinter, laid out as CPython 3.12's (width 80,
# indent 1, dicts sorted unless sort_dicts=False, long strings cut into
# parenthesized pieces, compact=, depth=), written for loopscope (stdlib.c
# runs this into the module "pprint" when a program first imports it).
# What it lays out: dict, list, tuple, set, frozenset, str and the
# dataclasses; anything else is its repr.

import sys


class _SafeKey:
    # orders values of mixed types: by value where they compare, else by
    # (type name, id) as CPython's _safe_key
    def __init__(self, obj):
        self.obj = obj

    def __lt__(self, other):
        try:
            return self.obj < other.obj
        except TypeError:
            return ((str(type(self.obj)), id(self.obj)) < (str(type(other.obj)), id(other.obj)))


def _safe_tuple(t):
    return _SafeKey(t[0]), _SafeKey(t[1])


def _split_words(line):
    # \S*\s* pieces: a word and the spaces after it
    parts = []
    i = 0
    n = len(line)
    while i < n:
        j = i
        while j < n and not line[j].isspace():
            j += 1
        while j < n and line[j].isspace():
            j += 1
        parts.append(line[i:j])
        i = j
    return parts


class PrettyPrinter:
    def __init__(self, indent=1, width=80, depth=None, stream=None, *, compact=False, sort_dicts=True,
                 underscore_numbers=False):
        indent = int(indent)
        width = int(width)
        if indent < 0:
            raise ValueError('indent must be >= 0')
        if depth is not None and depth <= 0:
            raise ValueError('depth must be > 0')
        if not width:
            raise ValueError('width must be != 0')
        self._depth = depth
        self._indent_per_level = indent
        self._width = width
        self._stream = stream
        self._compact = bool(compact)
        self._sort_dicts = sort_dicts
        self._underscore_numbers = underscore_numbers

    def pprint(self, object):
        stream = self._stream if self._stream is not None else sys.stdout
        if stream is not None:
            stream.write(self.pformat(object) + '\n')

    def pformat(self, object):
        out = []
        self._format(object, out, 0, 0, {}, 0)
        return ''.join(out)

    def isrecursive(self, object):
        return self.format(object, {}, 0, 0)[2]

    def isreadable(self, object):
        s, readable, recursive = self.format(object, {}, 0, 0)
        return readable and not recursive

    def _format(self, object, out, indent, allowance, context, level):
        objid = id(object)
        if objid in context:
            out.append(f'<Recursion on {type(object).__name__} with id={objid}>')
            return
        rep = self._repr(object, context, level)
        if len(rep) > self._width - indent - allowance:
            layout = self._layout_for(object)
            if layout is not None:
                context[objid] = 1
                layout(self, object, out, indent, allowance, context, level + 1)
                del context[objid]
                return
        out.append(rep)

    def _layout_for(self, object):
        cls = type(object)
        if cls in _LAYOUTS:
            return _LAYOUTS[cls]
        dc = sys.modules.get('dataclasses')
        if (dc is not None and dc.is_dataclass(object) and not isinstance(object, type) and
                object.__dataclass_params__.repr and
                getattr(getattr(cls.__repr__, '__wrapped__', None), '__module__', None) == 'dataclasses'):
            return PrettyPrinter._pprint_dataclass
        return None

    def _pprint_dataclass(self, object, out, indent, allowance, context, level):
        dc = sys.modules['dataclasses']
        name = type(object).__name__
        indent += len(name) + 1
        items = [(f.name, getattr(object, f.name)) for f in dc.fields(object) if f.repr]
        out.append(name + '(')
        self._format_namespace_items(items, out, indent, allowance, context, level)
        out.append(')')

    def _format_namespace_items(self, items, out, indent, allowance, context, level):
        sep = ',\n' + ' ' * indent
        for i, (key, value) in enumerate(items):
            last = i == len(items) - 1
            out.append(key + '=')
            if id(value) in context:
                out.append('...')
            else:
                self._format(value, out, indent + len(key) + 1, allowance if last else 1, context, level)
            if not last:
                out.append(sep)

    def _pprint_dict(self, object, out, indent, allowance, context, level):
        out.append('{')
        if self._indent_per_level > 1:
            out.append((self._indent_per_level - 1) * ' ')
        if object:
            items = object.items()
            if self._sort_dicts:
                items = sorted(items, key=_safe_tuple)
            self._format_dict_items(list(items), out, indent, allowance + 1, context, level)
        out.append('}')

    def _format_dict_items(self, items, out, indent, allowance, context, level):
        indent += self._indent_per_level
        sep = ',\n' + ' ' * indent
        for i, (key, value) in enumerate(items):
            last = i == len(items) - 1
            rep = self._repr(key, context, level)
            out.append(rep + ': ')
            self._format(value, out, indent + len(rep) + 2, allowance if last else 1, context, level)
            if not last:
                out.append(sep)

    def _pprint_list(self, object, out, indent, allowance, context, level):
        out.append('[')
        self._format_items(object, out, indent, allowance + 1, context, level)
        out.append(']')

    def _pprint_tuple(self, object, out, indent, allowance, context, level):
        out.append('(')
        end = ',)' if len(object) == 1 else ')'
        self._format_items(object, out, indent, allowance + len(end), context, level)
        out.append(end)

    def _pprint_set(self, object, out, indent, allowance, context, level):
        if not object:
            out.append(repr(object))
            return
        if type(object) is set:
            out.append('{')
            end = '}'
        else:
            out.append(type(object).__name__ + '({')
            end = '})'
            indent += len(type(object).__name__) + 1
        items = sorted(object, key=_SafeKey)
        self._format_items(items, out, indent, allowance + len(end), context, level)
        out.append(end)

    def _format_items(self, items, out, indent, allowance, context, level):
        indent += self._indent_per_level
        if self._indent_per_level > 1:
            out.append((self._indent_per_level - 1) * ' ')
        sep_nl = ',\n' + ' ' * indent
        sep = ''
        room = full = self._width - indent + 1
        items = list(items)
        for i, item in enumerate(items):
            last = i == len(items) - 1
            if last:
                full -= allowance
                room -= allowance
            if self._compact:
                rep = self._repr(item, context, level)
                need = len(rep) + 2
                if room < need:
                    room = full
                    if sep:
                        sep = sep_nl
                if room >= need:
                    room -= need
                    out.append(sep)
                    sep = ', '
                    out.append(rep)
                    continue
            out.append(sep)
            sep = sep_nl
            self._format(item, out, indent, allowance if last else 1, context, level)

    def _pprint_str(self, object, out, indent, allowance, context, level):
        if not object:
            out.append(repr(object))
            return
        pieces = []
        lines = object.splitlines(True)
        if level == 1:
            indent += 1
            allowance += 1
        room = room_last = self._width - indent
        rep = ''
        for i, line in enumerate(lines):
            rep = repr(line)
            if i == len(lines) - 1:
                room_last -= allowance
            if len(rep) <= room_last:
                pieces.append(rep)
                continue
            words = _split_words(line)
            limit = room
            current = ''
            for j, word in enumerate(words):
                candidate = current + word
                if j == len(words) - 1 and i == len(lines) - 1:
                    limit -= allowance
                if len(repr(candidate)) > limit:
                    if current:
                        pieces.append(repr(current))
                    current = word
                else:
                    current = candidate
            if current:
                pieces.append(repr(current))
        if len(pieces) == 1:
            out.append(rep)
            return
        if level == 1:
            out.append('(')
        out.append(('\n' + ' ' * indent).join(pieces))
        if level == 1:
            out.append(')')

    def _repr(self, object, context, level):
        rep, readable, recursive = self.format(object, context.copy(), self._depth, level)
        return rep

    def format(self, object, context, maxlevels, level):
        return self._safe_repr(object, context, maxlevels, level)

    def _safe_repr(self, object, context, maxlevels, level):
        cls = type(object)
        if cls in (int, float, bool, str, type(None)):
            if cls is int and self._underscore_numbers:
                return f'{object:_d}', True, False
            return repr(object), True, False
        if cls is dict or cls is list or cls is tuple:
            if not object:
                return repr(object), True, False
            objid = id(object)
            if maxlevels and level >= maxlevels:
                return ('{...}' if cls is dict else '[...]' if cls is list else '(...)'), False, objid in context
            if objid in context:
                return f'<Recursion on {cls.__name__} with id={objid}>', False, True
            context[objid] = 1
            readable = True
            recursive = False
            parts = []
            level += 1
            if cls is dict:
                items = object.items()
                if self._sort_dicts:
                    items = sorted(items, key=_safe_tuple)
                for k, v in items:
                    krepr, kreadable, krecur = self.format(k, context, maxlevels, level)
                    vrepr, vreadable, vrecur = self.format(v, context, maxlevels, level)
                    parts.append(f'{krepr}: {vrepr}')
                    readable = readable and kreadable and vreadable
                    recursive = recursive or krecur or vrecur
            else:
                for item in object:
                    orepr, oreadable, orecur = self.format(item, context, maxlevels, level)
                    parts.append(orepr)
                    readable = readable and oreadable
                    recursive = recursive or orecur
            del context[objid]
            if cls is dict:
                return '{' + ', '.join(parts) + '}', readable, recursive
            if cls is list:
                return '[' + ', '.join(parts) + ']', readable, recursive
            if len(parts) == 1:
                return '(' + parts[0] + ',)', readable, recursive
            return '(' + ', '.join(parts) + ')', readable, recursive
        rep = repr(object)
        return rep, bool(rep) and not rep.startswith('<'), False


_LAYOUTS = {
    dict: PrettyPrinter._pprint_dict,
    list: PrettyPrinter._pprint_list,
    tuple: PrettyPrinter._pprint_tuple,
    set: PrettyPrinter._pprint_set,
    frozenset: PrettyPrinter._pprint_set,
    str: PrettyPrinter._pprint_str,
}


def pprint(object, stream=None, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True,
           underscore_numbers=False):
    PrettyPrinter(stream=stream, indent=indent, width=width, depth=depth, compact=compact,
                  sort_dicts=sort_dicts, underscore_numbers=underscore_numbers).pprint(object)


def pformat(object, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True,
            underscore_numbers=False):
    return PrettyPrinter(indent=indent, width=width, depth=depth, compact=compact, sort_dicts=sort_dicts,
                         underscore_numbers=underscore_numbers).pformat(object)


def pp(object, *args, sort_dicts=False, **kwargs):
    pprint(object, *args, sort_dicts=sort_dicts, **kwargs)


def saferepr(object):
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[0]


def isreadable(object):
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[1]


def isrecursive(object):
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[2]
