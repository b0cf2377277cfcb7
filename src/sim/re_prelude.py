# re for loopscope: a small backtracking regular-expression engine with
# the syntax teaching programs use (literals, ., classes [a-z] [^...],
# \d \w \s \b \A \Z and their negations, ^ $, groups (capturing, (?:...),
# (?P<name>...), (?P=name), \1), alternation, greedy and lazy repeats
# * + ? {m,n}, lookahead and lookbehind, the flags I M S X and inline
# (?imsx)) and CPython 3.12's functions: compile, match, search, fullmatch,
# findall, finditer, sub, subn, split, escape, with its Match and Pattern
# reprs and its rules for empty matches. Written for loopscope (stdlib.c
# runs this into the module "re" when a program first imports it); the #@
# marks are the frames of CPython's re/__init__.py a traceback shows.
# Not here: possessive repeats, atomic groups, conditional groups, scoped
# flags (?i:...), Unicode categories; a pattern that uses them is an error.

import sys

_enum = _import('enum')


class RegexFlag(_enum.IntFlag):
    NOFLAG = 0
    ASCII = 256
    IGNORECASE = 2
    LOCALE = 4
    UNICODE = 32
    MULTILINE = 8
    DOTALL = 16
    VERBOSE = 64
    TEMPLATE = 1
    DEBUG = 128

    def __repr__(self):
        value = int(self)
        names = [f're.{name}' for name, member in _FLAG_ORDER if value & member]
        return '|'.join(names) if names else 're.NOFLAG'

    __str__ = __repr__


RegexFlag.__module__ = 're'
NOFLAG = RegexFlag.NOFLAG
A = ASCII = RegexFlag.ASCII
I = IGNORECASE = RegexFlag.IGNORECASE
L = LOCALE = RegexFlag.LOCALE
U = UNICODE = RegexFlag.UNICODE
M = MULTILINE = RegexFlag.MULTILINE
S = DOTALL = RegexFlag.DOTALL
X = VERBOSE = RegexFlag.VERBOSE
T = TEMPLATE = RegexFlag.TEMPLATE
DEBUG = RegexFlag.DEBUG
_FLAG_ORDER = (('TEMPLATE', 1), ('IGNORECASE', 2), ('LOCALE', 4), ('MULTILINE', 8), ('DOTALL', 16),
               ('UNICODE', 32), ('VERBOSE', 64), ('DEBUG', 128), ('ASCII', 256))
_FLAG_NAMES = tuple((value, name) for name, value in _FLAG_ORDER if name not in ('TEMPLATE', 'DEBUG'))


class error(Exception):
    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = f'{msg} at position {pos}'
            self.lineno = pattern.count('\n', 0, pos) + 1
            self.colno = pos - (pattern.rfind('\n', 0, pos) + 1) + 1
        super().__init__(msg)


error.__module__ = 're'
PatternError = error

# ---- parsing: a pattern becomes a list of nodes, each a tuple ----
# ('lit', text)  ('any',)  ('set', items, negated)  ('at', kind)
# ('group', index or None, alternatives)  ('rep', node, min, max, greedy)
# ('ref', index)  ('look', ahead, negated, alternatives)
# alternatives is a list of node lists

_SPECIAL_CLASSES = {'d': 'digit', 'D': 'notdigit', 'w': 'word', 'W': 'notword', 's': 'space', 'S': 'notspace'}
_SIMPLE_ESCAPES = {'n': '\n', 't': '\t', 'r': '\r', 'f': '\f', 'v': '\v', 'a': '\a', '0': '\0'}
_AT = {'A': 'start', 'Z': 'end', 'b': 'boundary', 'B': 'notboundary'}


class _Parser:
    def __init__(self, pattern, flags):
        self.p = pattern
        self.i = 0
        self.flags = int(flags)
        self.ngroups = 0
        self.names = {}
        self.open = []

    def err(self, msg, pos=None):
        return error(msg, self.p, self.i if pos is None else pos)

    def more(self):
        return self.i < len(self.p)

    def peek(self):
        return self.p[self.i] if self.i < len(self.p) else ''

    def parse(self):
        self.leading_flags()
        alts = self.alternatives()
        if self.more():
            if self.peek() == ')':
                raise self.err('unbalanced parenthesis')
            raise self.err('unexpected end of pattern')
        return alts

    def leading_flags(self):
        while self.p.startswith('(?', self.i) and self.i + 2 < len(self.p) and self.p[self.i + 2] in 'aiLmsux':
            j = self.i + 2
            while j < len(self.p) and self.p[j] in 'aiLmsux':
                j += 1
            if j >= len(self.p) or self.p[j] != ')':
                raise self.err('missing -, : or )', j)
            for c in self.p[self.i + 2:j]:
                self.flags |= {'a': 256, 'i': 2, 'L': 4, 'm': 8, 's': 16, 'u': 32, 'x': 64}[c]
            self.i = j + 1

    def alternatives(self):
        alts = [self.sequence()]
        while self.peek() == '|':
            self.i += 1
            alts.append(self.sequence())
        return alts

    def sequence(self):
        nodes = []
        while self.more() and self.peek() not in '|)':
            start = self.i
            node = self.atom()
            if node is None:
                continue
            node = self.repeat(node, start)
            if node[0] == 'lit' and nodes and nodes[-1][0] == 'lit':
                nodes[-1] = ('lit', nodes[-1][1] + node[1])
            else:
                nodes.append(node)
        return nodes

    def repeat(self, node, start):
        while self.more():
            c = self.peek()
            pos = self.i
            if c == '*':
                lo, hi = 0, None
                self.i += 1
            elif c == '+':
                lo, hi = 1, None
                self.i += 1
            elif c == '?':
                lo, hi = 0, 1
                self.i += 1
            elif c == '{':
                bounds = self.braces()
                if bounds is None:
                    return node
                lo, hi = bounds
            else:
                return node
            if node[0] in ('at', 'look') or node is _NOTHING:
                raise self.err('nothing to repeat', start)
            if node[0] == 'rep':
                raise self.err('multiple repeat', pos)
            greedy = True
            if self.peek() == '?':
                greedy = False
                self.i += 1
            elif self.peek() == '+':
                raise self.err('possessive repeats are not supported by loopscope', self.i)
            if node[0] == 'lit' and len(node[1]) > 1:
                # only the last character repeats: ab* is a then b*
                return ('seq', [('lit', node[1][:-1]), ('rep', ('lit', node[1][-1]), lo, hi, greedy)])
            node = ('rep', node, lo, hi, greedy)
        return node

    def braces(self):
        j = self.p.find('}', self.i)
        if j < 0:
            return None
        body = self.p[self.i + 1:j]
        lo, comma, hi = body.partition(',')
        if not (lo.isdigit() or lo == '') or not (hi.isdigit() or hi == '') or (not comma and not lo):
            return None
        lo = int(lo) if lo else 0
        hi = (int(hi) if hi else None) if comma else lo
        if hi is not None and hi < lo:
            raise self.err('min repeat greater than max repeat', self.i + 1)
        self.i = j + 1
        return lo, hi

    def atom(self):
        c = self.p[self.i]
        if self.flags & 64:
            if c in ' \t\n\r\v\f':
                self.i += 1
                return None
            if c == '#':
                while self.more() and self.peek() != '\n':
                    self.i += 1
                return None
        if c == '(':
            return self.group()
        if c == '[':
            return self.charset()
        if c == '.':
            self.i += 1
            return ('any',)
        if c == '^':
            self.i += 1
            return ('at', 'bol')
        if c == '$':
            self.i += 1
            return ('at', 'eol')
        if c == '\\':
            return self.escape(False)
        if c in '*+?':
            raise self.err('nothing to repeat')
        if c == '{' and self.braces_ahead():
            raise self.err('nothing to repeat')
        self.i += 1
        return ('lit', c)

    def braces_ahead(self):
        saved = self.i
        ok = self.braces() is not None
        self.i = saved
        return ok

    def escape(self, in_set):
        start = self.i
        if self.i + 1 >= len(self.p):
            raise self.err('bad escape (end of pattern)')
        c = self.p[self.i + 1]
        self.i += 2
        if c in _SPECIAL_CLASSES:
            return ('set', [('class', _SPECIAL_CLASSES[c])], False)
        if c in _SIMPLE_ESCAPES and not (c == '0' and self.peek().isdigit()):
            return ('lit', _SIMPLE_ESCAPES[c])
        if c in 'xuU':
            n = {'x': 2, 'u': 4, 'U': 8}[c]
            digits = self.p[self.i:self.i + n]
            if len(digits) != n or any(d not in '0123456789abcdefABCDEF' for d in digits):
                raise self.err(f'incomplete escape \\{c}{digits}', start)
            self.i += n
            return ('lit', chr(int(digits, 16)))
        if not in_set and c in _AT:
            return ('at', _AT[c])
        if c.isdigit():
            if in_set or c == '0':
                raise self.err(f'bad escape \\{c}', start)
            j = self.i
            while j < len(self.p) and j - self.i < 1 and self.p[j].isdigit():
                j += 1
            n = int(self.p[start + 1:j])
            self.i = j
            if n > self.ngroups or n in self.open:
                raise self.err(f'invalid group reference {n}', start + 1)
            return ('ref', n)
        if c.isascii() and c.isalnum():
            raise self.err(f'bad escape \\{c}', start)
        return ('lit', c)

    def charset(self):
        start = self.i
        self.i += 1
        negated = False
        if self.peek() == '^':
            negated = True
            self.i += 1
        items = []
        first = True
        while True:
            if not self.more():
                raise self.err('unterminated character set', start)
            c = self.peek()
            if c == ']' and not first:
                self.i += 1
                break
            first = False
            if c == '\\':
                node = self.escape(True)
                if node[0] == 'set':
                    items.extend(node[1])
                    continue
                lo = node[1]
            else:
                lo = c
                self.i += 1
            if self.peek() == '-' and self.i + 1 < len(self.p) and self.p[self.i + 1] != ']':
                self.i += 1
                if self.peek() == '\\':
                    node = self.escape(True)
                    if node[0] == 'set':
                        raise self.err(f'bad character range {lo}-{self.p[self.i - 2:self.i]}', self.i - 4)
                    hi = node[1]
                else:
                    hi = self.peek()
                    self.i += 1
                if hi < lo:
                    raise self.err(f'bad character range {lo}-{hi}', self.i - 3)
                items.append(('range', lo, hi))
            else:
                items.append(('range', lo, lo))
        return ('set', items, negated)

    def group(self):
        start = self.i
        self.i += 1
        index = None
        name = None
        look = None
        if self.peek() == '?':
            self.i += 1
            c = self.peek()
            if c == ':':
                self.i += 1
            elif c == 'P' and self.p[self.i + 1:self.i + 2] == '<':
                j = self.p.find('>', self.i + 2)
                if j < 0:
                    raise self.err('missing >, unterminated name', self.i + 2)
                name = self.p[self.i + 2:j]
                if not name.isidentifier():
                    raise self.err(f'bad character in group name {name!r}', self.i + 2)
                if name in self.names:
                    raise self.err(f"redefinition of group name {name!r} as group {self.ngroups + 1}; "
                                   f"was group {self.names[name]}", self.i + 2)
                self.i = j + 1
            elif c == 'P' and self.p[self.i + 1:self.i + 2] == '=':
                j = self.p.find(')', self.i + 2)
                if j < 0:
                    raise self.err('missing ), unterminated name', self.i + 2)
                ref = self.p[self.i + 2:j]
                if ref not in self.names:
                    raise self.err(f'unknown group name {ref!r}', self.i + 2)
                self.i = j + 1
                return ('ref', self.names[ref])
            elif c == '#':
                j = self.p.find(')', self.i)
                if j < 0:
                    raise self.err('missing ), unterminated comment', self.i)
                self.i = j + 1
                return _NOTHING
            elif c in '=!':
                look = (True, c == '!')
                self.i += 1
            elif c == '<' and self.p[self.i + 1:self.i + 2] in ('=', '!'):
                look = (False, self.p[self.i + 1] == '!')
                self.i += 2
            else:
                raise self.err(f'unknown extension ?{c}', self.i - 1)
        if look is None and (name is not None or self.p[start + 1:start + 2] != '?'):
            self.ngroups += 1
            index = self.ngroups
            if name is not None:
                self.names[name] = index
            self.open.append(index)
        alts = self.alternatives()
        if self.peek() != ')':
            raise self.err('missing ), unterminated subpattern', start)
        self.i += 1
        if index is not None:
            self.open.remove(index)
        if look is not None:
            return ('look', look[0], look[1], alts)
        return ('group', index, alts)


_NOTHING = ('seq', [])

# ---- matching ----


def _in_class(kind, c):
    if kind == 'digit':
        return c.isdigit()
    if kind == 'notdigit':
        return not c.isdigit()
    if kind == 'word':
        return c.isalnum() or c == '_'
    if kind == 'notword':
        return not (c.isalnum() or c == '_')
    if kind == 'space':
        return c.isspace()
    return not c.isspace()


def _set_has(items, c, icase):
    for item in items:
        if item[0] == 'class':
            if _in_class(item[1], c):
                return True
        elif item[1] <= c <= item[2]:
            return True
        elif icase and (item[1] <= c.lower() <= item[2] or item[1] <= c.upper() <= item[2]):
            return True
    return False


def _is_word(s, i):
    return 0 <= i < len(s) and (s[i].isalnum() or s[i] == '_')


class _Matcher:
    def __init__(self, s, flags, ngroups, end):
        self.s = s
        self.n = end
        self.icase = flags & 2
        self.dotall = flags & 16
        self.multiline = flags & 8
        self.caps = [None] * (ngroups + 1)

    def one(self, node, pos):
        # does a single-character node match at pos?
        if pos >= self.n:
            return False
        c = self.s[pos]
        op = node[0]
        if op == 'lit':
            return c == node[1] or self.icase and c.lower() == node[1].lower()
        if op == 'any':
            return self.dotall or c != '\n'
        return _set_has(node[1], c, self.icase) != node[2]

    def at(self, kind, pos):
        s = self.s
        if kind == 'bol':
            return pos == 0 or self.multiline and s[pos - 1] == '\n'
        if kind == 'eol':
            return (pos == self.n or pos == self.n - 1 and s[pos] == '\n' or
                    self.multiline and s[pos] == '\n')
        if kind == 'start':
            return pos == 0
        if kind == 'end':
            return pos == self.n
        edge = _is_word(s, pos - 1) != (pos < self.n and _is_word(s, pos))
        return edge if kind == 'boundary' else not edge

    def alts(self, alts, pos, k):
        for nodes in alts:
            r = self.seq(nodes, 0, pos, k)
            if r is not None:
                return r
        return None

    def seq(self, nodes, i, pos, k):
        while i < len(nodes):
            node = nodes[i]
            op = node[0]
            if op == 'lit':
                text = node[1]
                end = pos + len(text)
                if end > self.n:
                    return None
                part = self.s[pos:end]
                if part != text and not (self.icase and part.lower() == text.lower()):
                    return None
                pos = end
            elif op == 'any' or op == 'set':
                if not self.one(node, pos):
                    return None
                pos += 1
            elif op == 'at':
                if not self.at(node[1], pos):
                    return None
            else:
                return self.complex(node, nodes, i, pos, k)
            i += 1
        return k(pos)

    def complex(self, node, nodes, i, pos, k):
        op = node[0]
        rest = lambda p: self.seq(nodes, i + 1, p, k)
        if op == 'seq':
            return self.seq(node[1], 0, pos, rest)
        if op == 'group':
            index = node[1]
            if index is None:
                return self.alts(node[2], pos, rest)
            caps = self.caps

            def close(p):
                saved = caps[index]
                caps[index] = (pos, p)
                r = rest(p)
                if r is None:
                    caps[index] = saved
                return r
            return self.alts(node[2], pos, close)
        if op == 'ref':
            span = self.caps[node[1]]
            if span is None:
                return None
            text = self.s[span[0]:span[1]]
            part = self.s[pos:pos + len(text)]
            if part != text and not (self.icase and part.lower() == text.lower()):
                return None
            return rest(pos + len(text))
        if op == 'look':
            ahead, negated, alts = node[1], node[2], node[3]
            if ahead:
                found = self.alts(alts, pos, lambda p: True) is not None
            else:
                found = any(self.alts(alts, j, lambda p: p == pos or None) is not None
                            for j in range(pos, -1, -1))
            if found == negated:
                return None
            return rest(pos)
        return self.repeat(node, pos, rest)

    def repeat(self, node, pos, rest):
        _, sub, lo, hi, greedy = node
        if sub[0] in ('lit', 'any', 'set') and (sub[0] != 'lit' or len(sub[1]) == 1):
            # one character at a time: count, then try the lengths
            count = 0
            while (hi is None or count < hi) and self.one(sub, pos + count):
                count += 1
            if count < lo:
                return None
            order = range(count, lo - 1, -1) if greedy else range(lo, count + 1)
            for j in order:
                r = rest(pos + j)
                if r is not None:
                    return r
            return None

        if _fixed_width(sub):
            # every way to match sub ends at the same place: iterate
            # instead of recursing (a long text must not exhaust the stack)
            ends = [pos]
            snaps = [list(self.caps)]
            while hi is None or len(ends) <= hi:
                q = self.seq([sub], 0, ends[-1], lambda q: q)
                if q is None:
                    break
                ends.append(q)
                snaps.append(list(self.caps))
            if len(ends) - 1 >= lo:
                order = range(len(ends) - 1, lo - 1, -1) if greedy else range(lo, len(ends))
                for j in order:
                    self.caps[:] = snaps[j]
                    r = rest(ends[j])
                    if r is not None:
                        return r
            self.caps[:] = snaps[0]
            return None

        def again(count, p):
            if greedy:
                if hi is None or count < hi:
                    r = self.seq([sub], 0, p, lambda q: None if q == p and count >= lo else again(count + 1, q))
                    if r is not None:
                        return r
                return rest(p) if count >= lo else None
            if count >= lo:
                r = rest(p)
                if r is not None:
                    return r
            if hi is None or count < hi:
                return self.seq([sub], 0, p, lambda q: None if q == p and count >= lo else again(count + 1, q))
            return None
        return again(0, pos)


def _fixed_width(node):
    # the width node always matches, if every way to match it has the same
    # one (and it is not 0); else None
    op = node[0]
    if op == 'lit':
        return len(node[1]) or None
    if op in ('any', 'set'):
        return 1
    if op == 'seq':
        return _fixed_nodes(node[1])
    if op == 'group':
        widths = set(_fixed_nodes(nodes) for nodes in node[2])
        return widths.pop() if len(widths) == 1 else None
    if op == 'rep' and node[2] == node[3]:
        w = _fixed_width(node[1])
        return w * node[2] if w and node[2] else None
    return None


def _fixed_nodes(nodes):
    total = 0
    for node in nodes:
        if node[0] == 'at':
            continue
        w = _fixed_width(node)
        if w is None:
            return None
        total += w
    return total or None


# ---- Pattern and Match ----

class Pattern:
    def __init__(self, pattern, flags):
        self.pattern = pattern
        parser = _Parser(pattern, flags)
        self._alts = parser.parse()
        self.flags = parser.flags | (0 if parser.flags & 256 else 32)
        self.groups = parser.ngroups
        self.groupindex = dict(parser.names)

    def _run(self, string, pos, endpos, start, anchored, full=False, must_advance=False):
        if not isinstance(string, str):
            raise TypeError(f"expected string or bytes-like object, got '{type(string).__name__}'")
        n = len(string) if endpos is None else max(0, min(endpos, len(string)))
        pos = max(0, min(pos, n))
        starts = [start] if anchored else range(start, n + 1)
        for st in starts:
            m = _Matcher(string, self.flags, self.groups, n)

            def done(p, st=st, m=m):
                if full and p != n:
                    return None
                if must_advance and p == st and st == start:
                    return None
                return p
            end = m.alts(self._alts, st, done)
            if end is not None:
                m.caps[0] = (st, end)
                return Match(self, string, pos, n, m.caps)
        return None

    def match(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, max(0, pos), True)

    def fullmatch(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, max(0, pos), True, full=True)

    def search(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, max(0, pos), False)

    def _iter(self, string, pos=0, endpos=None):
        start = max(0, pos)
        must_advance = False
        n = len(string) if endpos is None else min(endpos, len(string))
        while start <= n:
            m = self._run(string, pos, endpos, start, False, must_advance=must_advance)
            if m is None:
                return
            yield m
            s, e = m.span()
            must_advance = s == e
            start = e

    def finditer(self, string, pos=0, endpos=None):
        return iter(list(self._iter(string, pos, endpos)))

    def findall(self, string, pos=0, endpos=None):
        out = []
        for m in self._iter(string, pos, endpos):
            if self.groups == 0:
                out.append(m.group())
            elif self.groups == 1:
                out.append(m.group(1) or '')
            else:
                out.append(tuple(g or '' for g in m.groups()))
        return out

    def split(self, string, maxsplit=0):
        out = []
        last = 0
        for m in self._iter(string):
            if maxsplit and len(out) // (self.groups + 1) >= maxsplit:
                break
            out.append(string[last:m.start()])
            out.extend(m.groups())
            last = m.end()
        out.append(string[last:])
        return out

    def subn(self, repl, string, count=0):
        if not isinstance(repl, str) and not callable(repl):
            raise TypeError(f"expected str instance, {type(repl).__name__} found")
        out = []
        last = 0
        n = 0
        template = None if callable(repl) else _parse_template(self, repl)
        for m in self._iter(string):
            if count and n >= count:
                break
            out.append(string[last:m.start()])
            if template is None:
                piece = repl(m)
                if not isinstance(piece, str):
                    raise TypeError(f"expected str instance, {type(piece).__name__} found")
                out.append(piece)
            else:
                out.append(_expand(m, template))
            last = m.end()
            n += 1
        out.append(string[last:])
        return ''.join(out), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def __repr__(self):
        flags = self.flags & ~32
        text = repr(self.pattern)
        if flags:
            names = [f're.{name}' for value, name in _FLAG_NAMES if flags & value]
            return f"re.compile({text}, {'|'.join(names)})"
        return f're.compile({text})'

    def __eq__(self, other):
        return isinstance(other, Pattern) and self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))


def _parse_template(pattern, repl):
    # literal text and group numbers
    parts = []
    buf = []
    i = 0
    while i < len(repl):
        c = repl[i]
        if c != '\\' or i + 1 >= len(repl):
            if c == '\\':
                raise error('bad escape (end of pattern)', repl, i)
            buf.append(c)
            i += 1
            continue
        d = repl[i + 1]
        if d == 'g':
            j = repl.find('>', i)
            if repl[i + 2:i + 3] != '<' or j < 0:
                raise error('missing <' if repl[i + 2:i + 3] != '<' else 'missing >, unterminated name', repl, i + 2)
            name = repl[i + 3:j]
            if name.isdigit():
                index = int(name)
                if index > pattern.groups:
                    raise error(f'invalid group reference {index}', repl, i + 3)
            elif name in pattern.groupindex:
                index = pattern.groupindex[name]
            else:
                raise IndexError(f'unknown group name {name!r}')
            parts.append(''.join(buf))
            buf = []
            parts.append(index)
            i = j + 1
        elif d.isdigit() and d != '0':
            j = i + 2
            if j < len(repl) and repl[j].isdigit():
                j += 1
            index = int(repl[i + 1:j])
            if index > pattern.groups:
                raise error(f'invalid group reference {index}', repl, i + 1)
            parts.append(''.join(buf))
            buf = []
            parts.append(index)
            i = j
        elif d in _SIMPLE_ESCAPES:
            buf.append(_SIMPLE_ESCAPES[d])
            i += 2
        elif d == '\\':
            buf.append('\\')
            i += 2
        elif d.isascii() and d.isalpha():
            raise error(f'bad escape \\{d}', repl, i)
        else:
            buf.append('\\' + d)
            i += 2
    parts.append(''.join(buf))
    return parts


def _expand(m, template):
    out = []
    for part in template:
        if isinstance(part, int):
            out.append(m.group(part) or '')
        else:
            out.append(part)
    return ''.join(out)


class Match:
    def __init__(self, pattern, string, pos, endpos, caps):
        self.re = pattern
        self.string = string
        self.pos = pos
        self.endpos = endpos
        self._caps = list(caps)
        # lastindex: the group that closed last (the outermost on ties)
        ends = [(caps[i][1], -i) for i in range(1, len(caps)) if caps[i] is not None]
        self.lastindex = -max(ends)[1] if ends else None
        names = {v: k for k, v in pattern.groupindex.items()}
        self.lastgroup = names.get(self.lastindex)

    def _index(self, g):
        if isinstance(g, int) and not isinstance(g, bool):
            if 0 <= g < len(self._caps):
                return g
        elif isinstance(g, str) and g in self.re.groupindex:
            return self.re.groupindex[g]
        raise IndexError('no such group')

    def _text(self, g, default=None):
        span = self._caps[self._index(g)]
        return default if span is None else self.string[span[0]:span[1]]

    def group(self, *groups):
        if not groups:
            return self._text(0)
        if len(groups) == 1:
            return self._text(groups[0])
        return tuple(self._text(g) for g in groups)

    def __getitem__(self, g):
        return self._text(g)

    def groups(self, default=None):
        return tuple(self._text(i, default) for i in range(1, len(self._caps)))

    def groupdict(self, default=None):
        return {name: self._text(index, default) for name, index in self.re.groupindex.items()}

    def span(self, group=0):
        span = self._caps[self._index(group)]
        return (-1, -1) if span is None else span

    def start(self, group=0):
        return self.span(group)[0]

    def end(self, group=0):
        return self.span(group)[1]

    def expand(self, template):
        return _expand(self, _parse_template(self.re, template))

    def __bool__(self):
        return True

    def __repr__(self):
        return f'<re.Match object; span={self.span()!r}, match={self.group()!r}>'


Pattern.__module__ = Match.__module__ = 're'

# ---- the module's functions ----

_cache = {}


def compile(pattern, flags=0):
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError('cannot process flags argument with a compiled pattern')
        return pattern
    if not isinstance(pattern, str):
        raise TypeError('first argument must be string or compiled pattern')
    key = (pattern, int(flags))
    p = _cache.get(key)
    if p is None:
        p = Pattern(pattern, int(flags))
        _cache[key] = p
    return p


def match(pattern, string, flags=0):
    return compile(pattern, flags).match(string)  #@ re/__init__.py:167 match | return ^_compile(pattern, flags).match(string)^


def fullmatch(pattern, string, flags=0):
    return compile(pattern, flags).fullmatch(string)  #@ re/__init__.py:172 fullmatch | return ^_compile(pattern, flags).fullmatch(string)^


def search(pattern, string, flags=0):
    return compile(pattern, flags).search(string)  #@ re/__init__.py:177 search | return ^_compile(pattern, flags).search(string)^


def findall(pattern, string, flags=0):
    return compile(pattern, flags).findall(string)  #@ re/__init__.py:217 findall | return ^_compile(pattern, flags).findall(string)^


def finditer(pattern, string, flags=0):
    return compile(pattern, flags).finditer(string)  #@ re/__init__.py:224 finditer | return ^_compile(pattern, flags).finditer(string)^


def sub(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).sub(repl, string, count)  #@ re/__init__.py:186 sub | return ^_compile(pattern, flags).sub(repl, string, count)^


def subn(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).subn(repl, string, count)  #@ re/__init__.py:197 subn | return ^_compile(pattern, flags).subn(repl, string, count)^


def split(pattern, string, maxsplit=0, flags=0):
    return compile(pattern, flags).split(string, maxsplit)  #@ re/__init__.py:207 split | return ^_compile(pattern, flags).split(string, maxsplit)^


def purge():
    _cache.clear()


_ESCAPED = frozenset('()[]{}?*+-|^$\\.&~# \t\n\r\v\f')


def escape(pattern):
    return ''.join('\\' + c if c in _ESCAPED else c for c in pattern)
