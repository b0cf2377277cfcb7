# json for loopscope: CPython 3.12's dumps/loads (and dump/load on objects
# with write/read) as the json documentation describes them, written for
# loopscope (stdlib.c runs this into the module "json" when a program first
# imports it), with CPython's output and error messages.


class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = f'{msg}: line {lineno} column {colno} (char {pos})'
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


JSONDecodeError.__module__ = 'json.decoder'

_ESC = {'"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f'}


def _encode_str(s, ensure_ascii):
    out = ['"']
    for c in s:
        e = _ESC.get(c)
        if e is not None:
            out.append(e)
            continue
        n = ord(c)
        if n < 0x20 or (ensure_ascii and n > 0x7e):
            if n > 0xffff:
                n -= 0x10000
                out.append(f'\\u{0xd800 | (n >> 10):04x}\\u{0xdc00 | (n & 0x3ff):04x}')
            else:
                out.append(f'\\u{n:04x}')
        else:
            out.append(c)
    out.append('"')
    return ''.join(out)


def _float_text(o, allow_nan):
    if o != o:
        text = 'NaN'
    elif o == float('inf'):
        text = 'Infinity'
    elif o == -float('inf'):
        text = '-Infinity'
    else:
        return repr(o)
    if not allow_nan:
        raise ValueError("Out of range float values are not JSON compliant: " + repr(o))
    return text


_DICT_STAND_INS = ('Counter', 'OrderedDict', 'defaultdict')


def _plain(o):
    """loopscope's stand-ins for CPython's dict and tuple subclasses
    (collections' Counter, OrderedDict, defaultdict; namedtuple and NamedTuple
    records) as the dict or tuple they are there; None for anything else"""
    for k in type(o).__mro__:
        if k.__module__ == 'collections' and k.__name__ in _DICT_STAND_INS:
            return o._d
    values = getattr(o, '__dict__', {}).get('_ls_values')
    return values if isinstance(values, tuple) else None


class JSONEncoder:
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
                 sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f'Object of type {o.__class__.__name__} is not JSON serializable')

    def encode(self, o):
        return ''.join(self._enc(o, 0, set()))

    def iterencode(self, o, _one_shot=False):
        return iter([self.encode(o)])

    def _scalar(self, o):
        """The JSON text of None, a bool, an int or a float; None for
        anything else (keys and values write these alike)."""
        if o is None:
            return 'null'
        if o is True:
            return 'true'
        if o is False:
            return 'false'
        if isinstance(o, int):
            return int.__repr__(o)
        if isinstance(o, float):
            return _float_text(o, self.allow_nan)
        return None

    def _key(self, k):
        if isinstance(k, str):
            return k
        text = self._scalar(k)
        if text is not None:
            return text
        if self.skipkeys:
            return None
        raise TypeError(f'keys must be str, int, float, bool or None, not {k.__class__.__name__}')

    def _enc(self, o, level, seen):
        if isinstance(o, str):
            yield _encode_str(o, self.ensure_ascii)
        elif (text := self._scalar(o)) is not None:
            yield text
        elif isinstance(o, (list, tuple, dict)) or (plain := _plain(o)) is not None:
            if not isinstance(o, (list, tuple, dict)):
                o = plain
            if self.check_circular:
                if id(o) in seen:
                    raise ValueError("Circular reference detected")
                seen.add(id(o))
            if isinstance(o, dict):
                yield from self._enc_dict(o, level, seen)
            else:
                yield from self._enc_list(o, level, seen)
            if self.check_circular:
                seen.discard(id(o))
        else:
            if self.check_circular:
                if id(o) in seen:
                    raise ValueError("Circular reference detected")
                seen.add(id(o))
            yield from self._enc(self.default(o), level, seen)
            if self.check_circular:
                seen.discard(id(o))

    def _open(self, level):
        if self.indent is None:
            return '', self.item_separator
        nl = '\n' + self.indent * (level + 1)
        return nl, self.item_separator + nl

    def _close(self, level):
        return '' if self.indent is None else '\n' + self.indent * level

    def _enc_list(self, o, level, seen):
        if not o:
            yield '[]'
            return
        first, sep = self._open(level)
        yield '[' + first
        for i, v in enumerate(o):
            if i:
                yield sep
            yield from self._enc(v, level + 1, seen)
        yield self._close(level) + ']'

    def _enc_dict(self, o, level, seen):
        if not o:
            yield '{}'
            return
        items = list(o.items())
        if self.sort_keys:
            items.sort(key=lambda kv: kv[0])
        first, sep = self._open(level)
        yield '{' + first
        n = 0
        for k, v in items:
            key = self._key(k)
            if key is None:
                continue
            if n:
                yield sep
            n += 1
            yield _encode_str(key, self.ensure_ascii) + self.key_separator
            yield from self._enc(v, level + 1, seen)
        yield self._close(level) + '}'


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None,
          indent=None, separators=None, default=None, sort_keys=False, **kw):
    cls = JSONEncoder if cls is None else cls
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
               allow_nan=allow_nan, indent=indent, separators=separators, default=default,
               sort_keys=sort_keys, **kw).encode(obj)


def dump(obj, fp, **kw):
    fp.write(dumps(obj, **kw))


# ---- decoding ----

_WS = ' \t\n\r'
_NUMBER_START = '-0123456789'


class _Parser:
    def __init__(self, doc, object_hook, object_pairs_hook, parse_float, parse_int, parse_constant, strict):
        self.doc = doc
        self.object_hook = object_hook
        self.object_pairs_hook = object_pairs_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant
        self.strict = strict

    def ws(self, i):
        doc = self.doc
        while i < len(doc) and doc[i] in _WS:
            i += 1
        return i

    def value(self, i):
        doc = self.doc
        if i >= len(doc):
            raise JSONDecodeError('Expecting value', doc, i)
        c = doc[i]
        if c == '"':
            return self.string(i + 1)
        if c == '{':
            return self.object(i + 1)
        if c == '[':
            return self.array(i + 1)
        if doc.startswith('null', i):
            return None, i + 4
        if doc.startswith('true', i):
            return True, i + 4
        if doc.startswith('false', i):
            return False, i + 5
        for name, val in (('NaN', float('nan')), ('Infinity', float('inf')), ('-Infinity', float('-inf'))):
            if doc.startswith(name, i):
                return (self.parse_constant(name) if self.parse_constant else val), i + len(name)
        if c in _NUMBER_START:
            return self.number(i)
        raise JSONDecodeError('Expecting value', doc, i)

    def number(self, i):
        doc = self.doc
        j = i
        if j < len(doc) and doc[j] == '-':
            j += 1
        if j < len(doc) and doc[j] == '0':
            j += 1
        elif j < len(doc) and doc[j] in '123456789':
            while j < len(doc) and doc[j].isdigit():
                j += 1
        else:
            raise JSONDecodeError('Expecting value', doc, i)
        is_float = False
        if j + 1 < len(doc) and doc[j] == '.' and doc[j + 1].isdigit():
            is_float = True
            j += 1
            while j < len(doc) and doc[j].isdigit():
                j += 1
        if j < len(doc) and doc[j] in 'eE':
            k = j + 1
            if k < len(doc) and doc[k] in '+-':
                k += 1
            if k < len(doc) and doc[k].isdigit():
                is_float = True
                while k < len(doc) and doc[k].isdigit():
                    k += 1
                j = k
        text = doc[i:j]
        return (self.parse_float(text) if is_float else self.parse_int(text)), j

    def string(self, i):
        doc = self.doc
        start = i - 1
        out = []
        while True:
            if i >= len(doc):
                raise JSONDecodeError('Unterminated string starting at', doc, start)
            c = doc[i]
            if c == '"':
                return ''.join(out), i + 1
            if c == '\\':
                if i + 1 >= len(doc):
                    raise JSONDecodeError('Unterminated string starting at', doc, start)
                e = doc[i + 1]
                simple = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}
                if e in simple:
                    out.append(simple[e])
                    i += 2
                    continue
                if e == 'u':
                    code = self.hex4(i + 2, i)
                    i += 6
                    if 0xd800 <= code <= 0xdbff and doc.startswith('\\u', i):
                        low = self.hex4(i + 2, i)
                        if 0xdc00 <= low <= 0xdfff:
                            code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00)
                            i += 6
                    out.append(chr(code))
                    continue
                raise JSONDecodeError('Invalid \\escape', doc, i)
            if self.strict and ord(c) < 0x20:
                raise JSONDecodeError('Invalid control character at', doc, i)
            out.append(c)
            i += 1

    def hex4(self, i, esc):
        h = self.doc[i:i + 4]
        if len(h) == 4 and all(ch in '0123456789abcdefABCDEF' for ch in h):
            return int(h, 16)
        raise JSONDecodeError('Invalid \\uXXXX escape', self.doc, esc)

    def object(self, i):
        doc = self.doc
        pairs = []
        i = self.ws(i)
        if i < len(doc) and doc[i] == '}':
            return self.finish_object(pairs), i + 1
        while True:
            if i >= len(doc) or doc[i] != '"':
                raise JSONDecodeError('Expecting property name enclosed in double quotes', doc, i)
            key, i = self.string(i + 1)
            i = self.ws(i)
            if i >= len(doc) or doc[i] != ':':
                raise JSONDecodeError("Expecting ':' delimiter", doc, i)
            i = self.ws(i + 1)
            value, i = self.value(i)
            pairs.append((key, value))
            i = self.ws(i)
            if i < len(doc) and doc[i] == '}':
                return self.finish_object(pairs), i + 1
            if i >= len(doc) or doc[i] != ',':
                raise JSONDecodeError("Expecting ',' delimiter", doc, i)
            i = self.ws(i + 1)

    def finish_object(self, pairs):
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        d = dict(pairs)
        if self.object_hook is not None:
            return self.object_hook(d)
        return d

    def array(self, i):
        doc = self.doc
        items = []
        i = self.ws(i)
        if i < len(doc) and doc[i] == ']':
            return items, i + 1
        while True:
            value, i = self.value(i)
            items.append(value)
            i = self.ws(i)
            if i < len(doc) and doc[i] == ']':
                return items, i + 1
            if i >= len(doc) or doc[i] != ',':
                raise JSONDecodeError("Expecting ',' delimiter", doc, i)
            i = self.ws(i + 1)


class JSONDecoder:
    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
                 strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float
        self.parse_int = parse_int
        self.parse_constant = parse_constant
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def raw_decode(self, s, idx=0):
        p = _Parser(s, self.object_hook, self.object_pairs_hook, self.parse_float, self.parse_int,
                    self.parse_constant, self.strict)
        return p.value(idx)

    def decode(self, s):
        p = _Parser(s, self.object_hook, self.object_pairs_hook, self.parse_float, self.parse_int,
                    self.parse_constant, self.strict)
        obj, end = p.value(p.ws(0))
        end = p.ws(end)
        if end != len(s):
            raise JSONDecodeError('Extra data', s, end)
        return obj


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
          object_pairs_hook=None, **kw):
    if not isinstance(s, str):
        raise TypeError(f'the JSON object must be str, bytes or bytearray, not {s.__class__.__name__}')
    if s.startswith('\ufeff'):
        raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
    cls = JSONDecoder if cls is None else cls
    return cls(object_hook=object_hook, parse_float=parse_float, parse_int=parse_int,
               parse_constant=parse_constant, object_pairs_hook=object_pairs_hook, **kw).decode(s)


def load(fp, **kw):
    return loads(fp.read(), **kw)
