# string for loopscope: CPython 3.12's string constants, capwords and
# Template as its documentation describes them, written for loopscope
# (stdlib.c runs this into the module "string" when a program first
# imports it).

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


def _is_ident_start(c):
    return c == '_' or c in ascii_letters


def _is_ident_char(c):
    return c == '_' or c in ascii_letters or c in digits


class Template:
    """A string class for supporting $-substitutions."""
    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _parts(self):
        # (literal, name or None, start of the $ or -1 for an invalid one)
        t = self.template
        i = 0
        out = []
        lit = []
        while i < len(t):
            c = t[i]
            if c != '$':
                lit.append(c)
                i += 1
                continue
            if t.startswith('$$', i):
                lit.append('$')
                i += 2
                continue
            if t.startswith('${', i):
                j = i + 2
                k = j
                if k < len(t) and _is_ident_start(t[k]):
                    k += 1
                    while k < len(t) and _is_ident_char(t[k]):
                        k += 1
                    if k < len(t) and t[k] == '}':
                        out.append((''.join(lit), t[j:k], i))
                        lit = []
                        i = k + 1
                        continue
                out.append((''.join(lit), None, i))
                lit = []
                i += 1
                continue
            j = i + 1
            if j < len(t) and _is_ident_start(t[j]):
                k = j + 1
                while k < len(t) and _is_ident_char(t[k]):
                    k += 1
                out.append((''.join(lit), t[j:k], i))
                lit = []
                i = k
                continue
            out.append((''.join(lit), None, i))
            lit = []
            i += 1
        out.append((''.join(lit), '', -2))
        return out

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError(f'Invalid placeholder in string: line {lineno}, col {colno}')

    def substitute(self, mapping={}, /, **kws):
        values = {**mapping, **kws}
        out = []
        for lit, name, pos in self._parts():
            out.append(lit)
            if pos == -2:
                break
            if name is None:
                self._invalid(pos + 1)
            out.append(str(values[name]))
        return ''.join(out)

    def safe_substitute(self, mapping={}, /, **kws):
        values = {**mapping, **kws}
        out = []
        t = self.template
        for lit, name, pos in self._parts():
            out.append(lit)
            if pos == -2:
                break
            if name is None:
                out.append('$')
            elif name in values:
                out.append(str(values[name]))
            else:
                braced = t.startswith('${', pos)
                out.append('${' + name + '}' if braced else '$' + name)
        return ''.join(out)

    def get_identifiers(self):
        ids = []
        for lit, name, pos in self._parts():
            if name and name not in ids:
                ids.append(name)
        return ids

    def is_valid(self):
        return all(name is not None for lit, name, pos in self._parts())
