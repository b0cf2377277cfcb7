#!/usr/bin/env python3
"""loopscope fuzzer: mutate the program corpus, run each mutant under the
sanitizer build, classify, de-duplicate and minimise failures.

    PYENV_VERSION=3.12.1 python3.12 tests/fuzz/mutate.py \
        --bin build-fuzz/loopscope --minutes 20 --jobs 2 [--seed N]
    PYENV_VERSION=3.12.1 python3.12 tests/fuzz/mutate.py --bin ... --cases   # tests/fuzz/cases only
    PYENV_VERSION=3.12.1 python3.12 tests/fuzz/mutate.py --bin ... --hang-bin build-fuzz-rel/loopscope
    PYENV_VERSION=3.12.1 python3.12 tests/fuzz/mutate.py --bin ... --minimize FILE.py  # ddmin one input

Classification of one run (`timeout 10 BIN --headless --max-steps 20000000
--max-memory 512 FILE`):
  sanitizer  "ERROR: AddressSanitizer" / "runtime error:" on stderr
  crash      killed by a signal
  hang       timeout (re-checked against --hang-bin, the optimised build,
             when given: a sanitizer-build timeout that the optimised build
             finishes is only "slow" and not reported)
  fine       anything else (any exit status, any message)

Each distinct failure (kind + sanitizer headline + top src frame) is written
raw to WORK/raw/ and minimised (ddmin over lines, then characters) to
tests/fuzz/found/NNN-name.py with a first-line comment.
"""
import argparse, glob, hashlib, os, random, re, subprocess, sys, tempfile, time
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FOUND = os.path.join(HERE, "found")
CASES = os.path.join(HERE, "cases")

ENV = dict(os.environ)
ENV["ASAN_OPTIONS"] = "detect_leaks=0:abort_on_error=0:symbolize=1:allocator_may_return_null=1:detect_stack_use_after_return=0"
ENV["UBSAN_OPTIONS"] = "print_stacktrace=1:halt_on_error=1"

LIMITS = ["--max-steps", "20000000", "--max-memory", "512"]
TIMEOUT = 10

# ----------------------------------------------------------------- running

FRAME_RE = re.compile(r"#\d+ 0x[0-9a-f]+ in (\S+) (\S*?/src/[^\s:]+:\d+)")
UB_RE = re.compile(r"(\S*?/src/[^\s:]+:\d+):\d+: runtime error: (.*)")


def run(binary, src_bytes, timeout=TIMEOUT, workdir=None):
    """Returns (kind, signature, detail)."""
    fd, path = tempfile.mkstemp(suffix=".py", dir=workdir)
    with os.fdopen(fd, "wb") as f:
        f.write(src_bytes)
    try:
        p = subprocess.run(["timeout", "-s", "KILL", str(timeout), binary, "--headless", *LIMITS, path],
                           stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, env=ENV, cwd=workdir)
        rc, err = p.returncode, p.stderr.decode("utf-8", "replace")
    finally:
        os.unlink(path)
    return classify(rc, err)


def short(path):
    i = path.rfind("/src/")
    return path[i + 1:] if i >= 0 else path


def top_frames(err, n=4):
    out = []
    for m in FRAME_RE.finditer(err):
        out.append(f"{m.group(1)} {short(m.group(2))}")
        if len(out) >= n:
            break
    return out


def classify(rc, err):
    # only look at the lines the sanitizers wrote: a program may print megabytes
    # to stderr, and a regex search over all of it can take minutes
    i = err.find("runtime error:")
    m = None
    if i >= 0:
        a = err.rfind("\n", 0, i) + 1
        b = err.find("\n", i)
        m = UB_RE.search(err[a:b if b >= 0 else len(err)])
    j = err.find("Sanitizer")
    err = err[max(0, min(k for k in (i, j) if k >= 0) - 200):][:200000] if (i >= 0 or j >= 0) else ""
    if m:
        msg = re.sub(r"-?\d+", "N", m.group(2))[:80]
        where = short(m.group(1))
        frames = top_frames(err)
        return "sanitizer", f"UBSan {where}: {msg}", (f"{where}: runtime error: {m.group(2)}", frames)
    m = re.search(r"ERROR: AddressSanitizer: (\S+)(.*)", err)
    if m:
        frames = top_frames(err)
        top = frames[0].split(" ")[1] if frames else "?"
        kind = m.group(1)
        # in stack-overflow reports the top frame differs run to run;
        # use the most frequent src frame as the signature instead
        if kind == "stack-overflow":
            fr = [f"{a} {short(b)}" for a, b in FRAME_RE.findall(err)]
            if fr:
                top = max(set(fr), key=fr.count).split(" ")[1]
        return "sanitizer", f"ASan {kind} {top}", (f"AddressSanitizer: {kind}{m.group(2)}"[:160], frames)
    if "LeakSanitizer" in err or "Sanitizer" in err and "ERROR" in err:
        line = next(l for l in err.splitlines() if "Sanitizer" in l)
        return "sanitizer", line.strip()[:80], (line.strip(), top_frames(err))
    if rc in (137, -9):
        return "hang", "hang", ("hang (timeout %ds)" % TIMEOUT, [])
    # timeout(1) reports a child killed by signal N as 128+N; exit(255) etc. are not signals
    if rc < 0 or rc - 128 in (4, 5, 6, 7, 8, 11, 31):
        sig = -rc if rc < 0 else rc - 128
        return "crash", f"signal {sig}", (f"killed by signal {sig}", top_frames(err))
    return "fine", None, (rc, err[-300:])


# ----------------------------------------------------------------- mutators

TOKEN_RE = re.compile(rb"""[A-Za-z_][A-Za-z_0-9]*|\d+(?:\.\d*)?|'[^'\n]*'|"[^"\n]*"|\*\*|//|==|!=|<=|>=|->|:=|\S|\s+""")

INTERESTING = [b"0", b"-1", b"2**63", b"2**64-1", b"-2**63", b"10**400", b"1e308*10", b"float('nan')",
               b"None", b"()", b"[]", b"{}", b"''", b"'\\x00'", b"'\\udcff'", b"b'\\xff'", b"\\", b"\t",
               b"lambda: 0", b"*", b"**", b"await", b"yield", b"async", b"f'{x!r:>{w}}'", b"\xff", b"\x00",
               b"\xc3", b"\xe2\x82", b"\r", b"\x0c", b"9" * 400, b"0x" + b"f" * 100, b"1_0", b"0o777", b"0b2",
               b"'''", b'"""', b"#", b";", b"\\\n", b"(", b")", b"[", b"]", b"{", b"}", b":", b"del ", b"global x",
               b"nonlocal x", b"import asyncio", b"2**10**10", b"sys.maxsize", b"-0.0", b"1j"]


def tokens(b):
    return TOKEN_RE.findall(b)


def m_byteflip(b, r, other):
    if not b:
        return b
    b = bytearray(b)
    for _ in range(r.randint(1, 4)):
        if not b:       # a deletion emptied it
            break
        i = r.randrange(len(b))
        op = r.random()
        if op < .4:
            b[i] ^= 1 << r.randrange(8)
        elif op < .7:
            b[i] = r.choice(b"()[]{}:;,.'\"\\\n\t #=*@!%&|^~<>-+0123456789abcfrx_\x00\xff\x80")
        elif op < .85:
            del b[i]
        else:
            b.insert(i, r.randrange(256))
    return bytes(b)


def m_tokdel(b, r, other):
    t = tokens(b)
    if not t:
        return b
    for _ in range(r.randint(1, 3)):
        if t:
            del t[r.randrange(len(t))]
    return b"".join(t)


def m_tokdup(b, r, other):
    t = tokens(b)
    if not t:
        return b
    i = r.randrange(len(t))
    j = min(len(t), i + r.randint(1, 8))
    t[i:i] = t[i:j] * r.choice([1, 2, 3, 50])
    return b"".join(t)


def m_tokreplace(b, r, other):
    t = tokens(b)
    if not t:
        return b
    for _ in range(r.randint(1, 3)):
        i = r.randrange(len(t))
        t[i] = r.choice(INTERESTING) if r.random() < .6 else r.choice(t)
    return b"".join(t)


def m_tokswap(b, r, other):
    t = tokens(b)
    if len(t) < 2:
        return b
    i, j = r.randrange(len(t)), r.randrange(len(t))
    t[i], t[j] = t[j], t[i]
    return b"".join(t)


def m_truncate(b, r, other):
    return b[:r.randrange(len(b) + 1)]


def m_splice(b, r, other):
    la, lb = b.split(b"\n"), other.split(b"\n")
    i, j = r.randrange(len(la) + 1), r.randrange(len(lb) + 1)
    if r.random() < .5:
        return b"\n".join(la[:i] + lb[j:])
    k = min(len(lb), j + r.randint(1, 15))
    return b"\n".join(la[:i] + lb[j:k] + la[i:])


def m_lines(b, r, other):
    ls = b.split(b"\n")
    if not ls:
        return b
    i = r.randrange(len(ls))
    op = r.randrange(5)
    if op == 0:
        del ls[i]
    elif op == 1:
        ls.insert(i, ls[r.randrange(len(ls))])
    elif op == 2:
        j = r.randrange(len(ls))
        ls[i], ls[j] = ls[j], ls[i]
    elif op == 3:
        ls[i:i + 1] = [ls[i]] * r.randint(2, 200)
    else:
        k = min(len(ls), i + r.randint(1, 10))
        ls[i:i] = ls[i:k] * r.randint(1, 3)
    return b"\n".join(ls)


def m_indent(b, r, other):
    ls = b.split(b"\n")
    for _ in range(r.randint(1, 3)):
        i = r.randrange(len(ls))
        op = r.randrange(5)
        s = ls[i]
        body = s.lstrip(b" \t")
        ind = s[:len(s) - len(body)]
        if op == 0:
            ls[i] = b" " + s
        elif op == 1:
            ls[i] = s[1:] if ind else s
        elif op == 2:
            ls[i] = ind.replace(b"    ", b"\t") + body
        elif op == 3:
            ls[i] = b"\t" + ind + body
        else:
            ls[i] = b" " * r.choice([1, 3, 7, 8, 100, 5000]) + body
    return b"\n".join(ls)


def m_insert_line(b, r, other):
    ls = b.split(b"\n")
    i = r.randrange(len(ls) + 1)
    prev = ls[i - 1] if 0 < i <= len(ls) else b""
    ind = prev[:len(prev) - len(prev.lstrip(b" \t"))]
    if prev.rstrip().endswith(b":"):
        ind += b"    "
    ls.insert(i, ind + r.choice(SNIPPETS))
    return b"\n".join(ls)


def m_encoding(b, r, other):
    op = r.randrange(6)
    i = r.randrange(len(b) + 1)
    ins = [b"\xff\xfe", b"\xc0\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\x00", b"\xe2\x80\xae", b"\xef\xbb\xbf",
           b"\r", b"\r\n", b"\x0c", b"\x1a", b"\xc3"][op * 2:op * 2 + 2]
    return b[:i] + r.choice(ins) + b[i:]


def m_nest(b, r, other):
    n = r.choice([100, 200, 1000, 3000, 10000, 100000])
    kind = r.randrange(12)
    if kind == 0:
        return b"x = " + b"(" * n + b"1" + b")" * n + b"\n"
    if kind == 1:
        return b"x = " + b"[" * n + b"]" * n + b"\n"
    if kind == 2:
        return b"x = 1\n" + b"".join(b" " * i + b"if x:\n" for i in range(min(n, 3000))) + b" " * min(n, 3000) + b"pass\n"
    if kind == 3:
        return b"x = " + b"-" * n + b"1\n"
    if kind == 4:
        return b"x = " + b"not " * n + b"1\n"
    if kind == 5:
        return b"x = " + b"+".join([b"1"] * n) + b"\nprint(x)\n"
    if kind == 6:
        return b"x = " + b"1 if 1 else " * n + b"2\n"
    if kind == 7:
        return b"x = " + b"lambda: " * n + b"1\n"
    if kind == 8:
        return b"x = 'a'\nprint(f'" + b"{" * min(n, 300) + b"x" + b"}" * min(n, 300) + b"')\n"
    if kind == 9:
        return b"x = " + b"{1: " * n + b"1" + b"}" * n + b"\n"
    if kind == 10:
        return b"def f(x): return x\nx = " + b"f(" * n + b"1" + b")" * n + b"\nprint(x)\n"
    return b"x = 1\n" + b"".join(b" " * i + b"for i in range(1):\n" for i in range(min(n, 2000))) + b" " * min(n, 2000) + b"x += 1\nprint(x)\n"


MUTATORS = [m_byteflip, m_tokdel, m_tokdup, m_tokreplace, m_tokswap, m_truncate, m_splice, m_lines, m_indent,
            m_insert_line, m_insert_line, m_insert_line, m_encoding]

# snippets inserted into corpus programs (one logical line each)
SNIPPETS = [l.encode() for l in r"""
x = 'x' * 10**9
x = [0] * 10**9
x = 2 ** 10 ** 10
x = 10 ** 100000
x = str(10 ** 5000)
x = int('9' * 100000)
x = (1,) * 10**8
x = b'ab' * 10**9
x = bytearray(10**10)
x = list(range(10**9))
x = 'ab' * (2**62)
x = [0] * (2**62)
x = [[]] * 10**7; x = x * 10
x = {i: i for i in range(10**8)}
x = sum(range(10**8))
x = 1e308 * 1e308; print(x, int(x) if x == x and x != x * 2 else 0)
print(int(float('inf')))
print(int(float('nan')))
print(round(1.5, -10**9), round(12345, -400), round(1e300, 400))
print(format(1.5, '.1000000f'))
print(f'{3.14:{10**9}}')
print('%*d' % (10**9, 1))
print('%.*f' % (2**31, 1.0))
print('{:>2147483648}'.format(1))
print('{0[999999999999]}'.format([1]))
print('x'.center(2**63))
print('x'.ljust(-1), 'x'.zfill(2**40))
print('a'.replace('', 'b' * 1000) * 1000)
print(chr(0x110000))
print(chr(-1), ord(''))
print('\U0010ffff'.upper(), '\udcff'.encode())
print(repr('\x00\udc80\U0010ffff'))
print(hash(-1), hash(float('nan')), hash(2**64))
print(divmod(-2**63, -1), (-2**63) // -1, (-2**63) % -1)
print(-9223372036854775808 // -1)
print((-2**63) * -1, abs(-2**63), -(-2**63))
print(1 << 10**10)
print(1 << 64, 1 >> 64, -1 >> 100, 1 << -1)
print(2**63 >> 2**63)
print(pow(2, -1, 7), pow(3, 10**100, 10**9+7), pow(0, -1))
print(10**20 % 0)
print(1.0 // 0.0)
print(float('1e-400'), float('1' * 400), float('nan') // 1)
print(int('1' * 5000))
print(int('z' * 10, 36), int('0x', 16), int('', 10), int('1', 1), int('1', 37))
print(hex(-2**200), oct(2**300), bin(-1))
print(list(range(-2**63, 2**63, 2**62)))
print(range(2**64)[2**63], len(range(2**63)))
print(range(0, 10, 0))
print([1, 2, 3][2**63], [1][-2**63])
print([1, 2, 3][::-2**63], [1, 2, 3][::0])
print('abc'[2**64:-2**64:-1], 'abc'[::-1])
print((1, 2)[::9223372036854775807])
x = list(range(10)); x[2:5] = x; x[::2] = range(5); del x[::-3]; print(x)
x = list(range(10)); x[5:2] = [1] * 10; print(x)
x = [1, 2]; x[2**63:] = [3]; print(x)
x = [3, 1, 2]; x.sort(key=lambda v: x.append(v) or v); print(x)
x = [3, 1, 2]; x.sort(key=lambda v: x.clear() or v); print(x)
x = [3, 1, 2]; x.sort(key=lambda v: 1 / 0)
x = list(range(100)); x.sort(key=lambda v: x.pop() if x else 0)
x = {1: 1}; [x.__setitem__(k + 1, 1) for k in x]
x = {1: 1, 2: 2}
for k in x: del x[k]
x = {1, 2, 3}
for k in x: x.add(k + 10)
x = [1, 2, 3]
for k in x: x.remove(k)
x = [1]
for k in x: x.append(k) if len(x) < 100000 else None
x = [1, 2, 3]; x.extend(x); x += x; x *= 3; print(len(x))
x = [1, 2]; x.insert(2**63, 3); x.insert(-2**63, 0); print(x)
x = []; x.pop()
x = {}; x.popitem()
x = set(); x.pop()
x = [1]; x.index(1, 2**63, -2**63)
x = []; x.append(x); print(x, repr(x), str(x))
x = {}; x[1] = x; print(x)
x = []; x.append((x,)); print(x)
x = [[1]]; x[0].append(x); print(x == x, x < x)
x = []; y = []; x.append(y); y.append(x); print(x == y)
x = [1, 2]; print(x.__eq__(x), x == [x])
print(sorted([3, None, 1]))
print(sorted([1, 'a']))
print(max([]), min([], default=1))
print(max(1, 2, key=lambda v: 1 / 0))
print(sum([[1]] * 100, []))
print(list(zip(*[[1]] * 10000)))
print(*range(100000), sep='')
print(list(map(lambda *a: a, *([range(3)] * 300))))
print(isinstance(1, ()), isinstance(1, (int, (str, (float,)))))
print(getattr(1, 'x' * 1000, None))
print(type('X', (), {})(), type(1)('5'), type(type))
print(dir(1)[:3], vars(), locals(), globals() is globals())
print(id(1) == id(1), hash(()), hash((1, (2, [3]))))
print(eval('1'))
print(exec('x = 1'))
print(__import__('os'))
import sys; sys.setrecursionlimit(10**9)
import sys; print(sys.getrecursionlimit()); sys.setrecursionlimit(-1)
import sys; sys.exit(2**100)
import sys; sys.exit('bye')
import sys; sys.exit(None)
raise SystemExit(-1)
raise SystemExit(256)
raise KeyboardInterrupt
raise BaseException
raise StopIteration
raise GeneratorExit
raise RecursionError
raise MemoryError
raise Exception(*range(1000))
raise ValueError from ValueError
raise ValueError from None
raise 1
raise
assert False, [1] * 10
e = Exception(); e.__cause__ = e; raise e
e = Exception(); e.__context__ = e; raise e
e1 = Exception('a'); e2 = Exception('b'); e1.__context__ = e2; e2.__context__ = e1; raise e1
raise ExceptionGroup('g', [ValueError(1), ExceptionGroup('h', [TypeError(2)])])
raise ExceptionGroup('g', [])
raise BaseExceptionGroup('g', [KeyboardInterrupt()])
del x
del x, x
global x
nonlocal x
f = lambda: f(); f()
def f(n): return f(n + 1)
def f(): return f()
f()
def f(): yield from f()
list(f())
class R:
    def __repr__(self): return repr(self)
print(R())
class R:
    def __repr__(self): return 1
print(repr(R()))
class R:
    def __str__(self): raise ValueError('str')
print(R())
class R:
    def __eq__(self, o): raise ValueError('eq')
[R()].index(R())
print(R() in [R()], R() in {1: 2}, R() in {1})
class R:
    def __hash__(self): raise ValueError('hash')
{R(): 1}
{R()}
class R:
    def __hash__(self): return 2**100
print({R(): 1})
class R:
    def __hash__(self): return 'x'
{R()}
class R:
    def __eq__(self, o): d.clear(); return True
    def __hash__(self): return 1
d = {R(): 1, R(): 2}; d[R()] = 3; print(len(d))
class R:
    def __lt__(self, o): x.clear(); return True
x = [R() for _ in range(100)]; x.sort(); print(len(x))
class R:
    def __len__(self): return -1
len(R())
class R:
    def __len__(self): return 2**100
len(R())
class R:
    def __index__(self): return 'x'
[1][R()]
class R:
    def __iter__(self): return self
    def __next__(self): return 1
list(R())
class R:
    def __iter__(self): return 1
list(R())
class R:
    def __getattr__(self, n): return getattr(self, n)
R().x
class R:
    def __getattribute__(self, n): return self.x
R().y
class R:
    def __setattr__(self, n, v): setattr(self, n, v)
R().x = 1
class R:
    def __del__(self): raise ValueError('del')
x = R(); del x
class R:
    def __del__(self): global keep; keep = self
x = R(); del x; print(keep)
class R:
    def __bool__(self): return 2
if R(): pass
class R:
    def __init__(self): return 1
R()
class R:
    def __new__(cls): return 1
print(R())
class R(R): pass
class R(int, str): pass
class R(1): pass
class R(metaclass=type): pass
class R(object, object): pass
class R:
    x = [y for y in range(3)]
class R(Exception):
    def __str__(self): raise R()
raise R()
class R(Exception):
    def __init__(self): pass
raise R
class R(BaseException): pass
raise R
class R(Exception):
    def __str__(self): return str(self)
raise R()
class R:
    def __enter__(self): return self
    def __exit__(self, *a): return True
with R(): 1 / 0
class R:
    def __enter__(self): raise ValueError
    def __exit__(self, *a): return 1
with R(): pass
class R:
    async def __aenter__(self): return self
with R(): pass
class R:
    def __init_subclass__(cls): raise ValueError
class S(R): pass
class R:
    @property
    def p(self): return self.p
R().p
class R:
    __slots__ = ('a',)
R().b = 1
class R:
    def __call__(self): return self()
R()()
class R:
    def __getitem__(self, i): return i if i < 10 else 1 / 0
print(list(R()))
class R:
    def __add__(self, o): return self + o
R() + 1
class R:
    def __format__(self, spec): return 1
f'{R()}'
class R:
    def __format__(self, spec): return spec * 1000
print(f'{R():{"x" * 1000}}')
def g():
    yield next(it)
it = g(); next(it)
def g():
    x = yield
    yield x
it = g(); it.send(1)
def g(): yield 1
it = g(); next(it); it.throw(ValueError); next(it)
def g(): yield 1
it = g(); it.close(); it.close(); next(it)
def g():
    try: yield 1
    finally: yield 2
it = g(); next(it); it.close()
def g():
    try: yield 1
    finally: return 5
it = g(); next(it); print(it.throw(ValueError))
def g():
    while True:
        try: yield
        except GeneratorExit: pass
it = g(); next(it); del it
def g(): return (yield from g2())
def g2(): yield 1; return 2
print(list(g()))
gen = (x for x in gen)
x = (i for i in range(3)); list(x); list(x)
x = (lambda: (yield)); print(list(x()))
x = [(yield) for y in range(3)]
x = [i for i in range(3) if (j := i)]; print(j)
x = [j := i for i in range(3)]
def f(x=lambda y=lambda z=1: z: y(), *, k=lambda: k): return x() + (k is not None)
def f(a, b=1, *args, c, d=2, **kw): return a, b, args, c, d, kw
print(f(1, c=3, **{'e': 5}), f(*[1, 2, 3], c=1, **{'c': 2}))
f(**{1: 2})
f(1, a=1)
f(*1)
f(**1)
def f(*, a): pass
f()
def f(a, /, b): return a, b
print(f(a=1, b=2))
def f(x, x): pass
def f(): return x; x = 1
def f():
    global y
    y = 1
def f(): x = 1; del x; return x
def f():
    x = 1
    def g(): nonlocal x; del x
    g(); return x
def f():
    class C: x = y
    y = 1
    return C
print(f())
lambda: (yield)
async def f(): await f()
async def f(): yield 1
async def f(): return [x async for x in g()]
async def f(): await 1
import asyncio
asyncio.run(f())
asyncio.run(asyncio.sleep(10**20))
asyncio.run(asyncio.sleep(float('inf')))
asyncio.run(asyncio.sleep(float('nan')))
asyncio.run(asyncio.sleep(-1))
asyncio.run(asyncio.wait_for(asyncio.sleep(1), timeout=float('nan')))
asyncio.run(asyncio.gather(*[asyncio.sleep(0) for _ in range(100000)]))
asyncio.run(1)
asyncio.run(asyncio.run(asyncio.sleep(0)))
asyncio.get_event_loop().run_forever()
asyncio.run(asyncio.Event().wait())
asyncio.run(asyncio.Queue(maxsize=-1).get())
asyncio.run(asyncio.Semaphore(-1).acquire())
asyncio.run(asyncio.to_thread(lambda: 1 / 0))
import time; time.sleep(10**30)
import time; time.sleep(float('nan'))
import time; time.sleep(-1)
try: pass
finally: 1 / 0
try: 1 / 0
except* ZeroDivisionError: raise
try: 1 / 0
except: raise ValueError
try: raise ValueError
except ValueError as e: del e
try: raise ValueError
except (): pass
try: raise ValueError
except 1: pass
while True:
    try: break
    finally: continue
for i in range(3):
    try: continue
    finally: break
def f():
    try: return 1
    finally: return 2
print(f())
def f():
    for i in range(3):
        try: return i
        finally: continue
print(f())
match x:
    case [1, *r, 2] | {'a': 1, **r}: pass
match 1:
    case int(real=1, imag=0): print('m')
x: int = 'x'; y: 'z'
x = *range(3),
*a, b = []
a, b = 1
a, *b, c, *d = [1]
(a := 1)
x = 1 if 1 else 2 if 2 else 3
print(--1, ~-1, not not 1, 1 < 2 < 3 > 0, 1 in [] not in [])
print(0 or [] or {} or '', 1 and 2 and 0)
print(f'{1!r:>10}{"x"!s:^{3}}{3.5!a}{1=}{x=!r:>5}')
print(f'{f"{f'{1}'}"}')
print(f'{"":{"":{"":{"":{""}}}}}')
print(f'{{}}{{{1}}}')
print(f'{1:{2:{3}}}')
print(f'{x:=10}')
print(f'{x!z}')
print(f'{}')
print(f'{lambda: 1}')
print(f'{(lambda: 1)()}')
print(f'{1:%}', f'{1:,}', f'{1:_b}', f'{1e300:e}', f'{-0.0:+}', f'{2**200:,}')
print(format(2**1000, 'x'), format(-2**64, '#o'))
print('%s %r %a %d %i %x %o %e %g %c %%' % ('a', 'b', 'c', 1, 2, 255, 8, 1.5, 2.5, 65))
print('%c' % 0x110000)
print('%(a)s %(b)d' % {'a': 1})
print('%' % ())
print('%s' % ())
print('{} {}'.format(1))
print('{0} {}'.format(1, 2))
print('{!}'.format(1))
print('{:{}}'.format(1, 2**40))
print('{a.b.c}'.format(a=1))
print('{:d}'.format('x'))
print('x'.split(''), 'x'.split(None, -2**63), 'a b'.rsplit(maxsplit=2**63))
print('abc'.find('', 2**63), 'abc'.count('', -2**63), 'abc'.index('d'))
print('abc'.startswith(('a', 1)), 'abc'.encode('utf-32'), 'ä'.encode('ascii'))
print('x'.join([1]), ''.join(str(i) for i in range(100000))[:5])
print('\N{BULLET}', '\N{NOPE}', '\x', '\u12')
print(b'\xff'.decode(), b'\xff'.decode('utf-8', 'replace'), bytes(-1), bytes(2**63))
print(str(b'x', 'nope'), str(1, 2, 3))
print(int('١٢٣'), float('١.٥'), '٣'.isdigit())
print('ß'.upper(), 'İ'.lower(), 'ﬁ'.casefold(), 'ǅ'.title(), 'Σ'.lower())
print(sorted('a\U0010ffff\x00b'), max('\U0010ffff'), 'é' < 'f')
""".strip("\n").split("\n")]


def gen_adversarial(r):
    """Whole hand-rolled programs from templates."""
    kind = r.randrange(8)
    if kind == 0:
        return m_nest(b"", r, b"")
    if kind == 1:  # several snippets after a small prelude
        return b"x = 1\n" + b"\n".join(r.choice(SNIPPETS) for _ in range(r.randint(1, 6))) + b"\n"
    if kind == 2:  # deep recursion of various flavours
        body = r.choice([b"def f(n): return f(n + 1) + 1\nf(0)\n",
                         b"def f(n):\n    try: return f(n + 1)\n    except RecursionError: return f(n + 1)\nf(0)\n",
                         b"def f(n):\n    try: return f(n + 1)\n    finally: print(end='')\nf(0)\n",
                         b"class A:\n    def __repr__(self): return repr(self)\nprint([A()])\n",
                         b"class A:\n    def __eq__(self, o): return self == o\nprint(A() == A())\n",
                         b"class A:\n    def __hash__(self): return hash(self)\nprint({A()})\n",
                         b"class A:\n    def __lt__(self, o): return sorted([self, o])\nsorted([A(), A()])\n",
                         b"class A:\n    def __iter__(self): yield from self\nlist(A())\n",
                         b"def g():\n    yield from g()\nlist(g())\n",
                         b"import asyncio\nasync def f(): await f()\nasyncio.run(f())\n",
                         b"class A:\n    def __getattr__(self, n): return self.x\nA().y\n",
                         b"class A:\n    def __str__(self): return f'{self}'\nprint(A())\n",
                         b"class A:\n    def __format__(self, s): return format(self, s)\nprint(f'{A()}')\n",
                         b"class E(Exception):\n    def __str__(self): raise E()\nraise E()\n",
                         b"x = []\nfor i in range(100000): x = [x]\nprint(len(str(x)))\n",
                         b"x = []\nfor i in range(100000): x = [x]\nprint(x == x[0])\n",
                         b"x = ()\nfor i in range(100000): x = (x,)\nprint(hash(x))\n",
                         b"d = {}\nfor i in range(100000): d = {1: d}\nprint(repr(d)[:10])\n",
                         b"x = []\nfor i in range(100000): x = [x]\ndel x\nprint('ok')\n",
                         b"def f(): pass\nfor i in range(100000): f = (lambda g: lambda: g())(f)\nf()\n",
                         b"def f(*a): return f(*a, *a)\nf(1)\n",
                         b"e = None\nfor i in range(100000):\n    try: raise ValueError(i) from e\n    except ValueError as x: e = x\nraise e\n",
                         b"e = None\nfor i in range(3000):\n    try:\n        raise ValueError(i)\n    except ValueError as x:\n        x.__context__ = e; e = x\nraise e\n",
                         ])
        return body
    if kind == 3:  # mutation during iteration
        c = r.choice([b"d = {i: i for i in range(10)}\nfor k in d:\n    d[k + 100] = 1\n",
                      b"d = {i: i for i in range(10)}\nfor k in d:\n    del d[k]\n",
                      b"d = {i: i for i in range(10)}\nfor k, v in d.items():\n    d.pop(k); d[k] = v\n",
                      b"s = set(range(10))\nfor k in s:\n    s.discard(k)\n",
                      b"s = set(range(10))\nfor k in s:\n    s.clear(); s.update(range(1000))\n",
                      b"l = list(range(10))\nfor k in l:\n    l.clear()\nprint(l)\n",
                      b"l = list(range(10))\nit = iter(l)\nnext(it)\ndel l[:]\nprint(list(it))\n",
                      b"l = list(range(10))\nit = reversed(l)\nnext(it)\nl.clear()\nprint(list(it))\n",
                      b"l = list(range(10))\nl.sort(key=lambda v: l.extend(range(100)) or -v)\nprint(l)\n",
                      b"l = list(range(10))\nl.sort(key=lambda v: l.__setitem__(slice(None), []) or v)\nprint(l)\n",
                      b"l = list(range(10))\nprint(sorted(l, key=lambda v: l.pop()))\n",
                      b"l = list(range(10))\nl.sort(key=lambda v: l.sort() or v)\nprint(l)\n",
                      b"l = [5, 3, 1]\nclass K:\n    def __init__(s, v): s.v = v\n    def __lt__(s, o): l.append(1); return s.v < o.v\nl.sort(key=K)\nprint(l)\n",
                      b"d = {}\nclass K:\n    def __hash__(s): return 1\n    def __eq__(s, o): d.clear(); return False\nfor i in range(100): d[K()] = i\nprint(len(d))\n",
                      b"d = {}\nclass K:\n    def __hash__(s): return 1\n    def __eq__(s, o):\n        for i in range(50): d[i] = i\n        return False\nfor i in range(20): d[K()] = i\nprint(len(d))\n",
                      b"d = {1: 1}\nclass K:\n    def __hash__(s): return 1\n    def __eq__(s, o): d.clear(); return True\nprint(d.get(K()), K() in d, d.pop(K(), 0))\n",
                      b"l = [1, 2, 3]\nclass K:\n    def __eq__(s, o): l.clear(); return False\nprint(K() in l, l.count(K()), l.index(1))\n",
                      b"l = [[1], [2]]\nclass K:\n    def __eq__(s, o): l.clear(); return False\nprint(l == [K(), K()], l < [K()])\n",
                      b"l = [1, 2, 3]\nclass K:\n    def __eq__(s, o): del l[:]; return False\nl.remove(K())\n",
                      b"d = dict.fromkeys(range(100))\nit = iter(d)\nnext(it)\nd.clear()\nd.update(dict.fromkeys(range(200)))\nprint(list(it))\n",
                      b"d = {1: 2}\nv = d.values()\nk = d.keys()\nd.clear()\nprint(list(v), list(k), len(k))\n",
                      b"l = list(range(5))\nfor i, x in enumerate(l):\n    l.insert(0, x)\n    if i > 1000: break\nprint(len(l))\n",
                      b"l = list(range(5))\nz = zip(l, l)\nnext(z)\nl.clear()\nprint(list(z))\n",
                      b"l = list(range(5))\nm = map(lambda v: l.clear(), l)\nprint(list(m))\n",
                      ])
        return c
    if kind == 4:  # generators re-entered / odd states
        return r.choice([b"def g():\n    yield it.send(None)\nit = g()\nnext(it)\n",
                         b"def g():\n    it.close()\n    yield 1\nit = g()\nnext(it)\n",
                         b"def g():\n    it.throw(ValueError)\n    yield 1\nit = g()\nnext(it)\n",
                         b"def g():\n    yield list(it)\nit = g()\nprint(list(it))\n",
                         b"def g():\n    try:\n        yield 1\n    finally:\n        next(it)\nit = g()\nnext(it)\nit.close()\n",
                         b"def g():\n    try:\n        yield 1\n    except GeneratorExit:\n        yield 2\nit = g()\nnext(it)\nit.close()\n",
                         b"def g():\n    yield 1\nit = g()\nnext(it)\nit.throw(StopIteration)\n",
                         b"def g():\n    raise StopIteration\n    yield\nlist(g())\n",
                         b"def g():\n    yield 1\nit = g()\nprint(it.send(5))\n",
                         b"def g():\n    yield 1\nit = g()\nit.throw(ValueError, ValueError(1), None)\n",
                         b"def g():\n    yield 1\nit = g()\nit.throw(1)\n",
                         b"def g():\n    yield from it\nit = g()\nnext(it)\n",
                         b"async def c(): pass\nx = c()\nx.send(None)\nx.send(None)\n",
                         b"async def c(): await x\nx = c()\nx.send(None)\n",
                         b"import asyncio\nasync def c():\n    t = asyncio.current_task()\n    await t\nasyncio.run(c())\n",
                         b"import asyncio\nasync def c():\n    t = asyncio.current_task()\n    t.cancel(); t.cancel()\n    await asyncio.sleep(0)\nasyncio.run(c())\n",
                         b"import asyncio\nasync def c():\n    f = asyncio.get_running_loop().create_future()\n    f.set_result(f)\n    await f\n    await f\nasyncio.run(c())\n",
                         b"import asyncio\nasync def c():\n    await asyncio.gather(c(), c())\nasyncio.run(c())\n",
                         b"import asyncio\nasync def c(n):\n    if n: await asyncio.create_task(c(n - 1))\nasyncio.run(c(100000))\n",
                         b"import asyncio\nasync def c():\n    while True: asyncio.create_task(asyncio.sleep(0))\nasyncio.run(c())\n",
                         b"import asyncio\nasync def c():\n    while True: await asyncio.sleep(0)\nasyncio.run(c())\n",
                         b"import asyncio\nasync def c():\n    loop = asyncio.get_running_loop()\n    loop.call_soon(loop.stop)\n    await asyncio.sleep(1)\nasyncio.run(c())\n",
                         b"import asyncio\nasync def c():\n    async with asyncio.timeout(-1):\n        await asyncio.sleep(1)\nasyncio.run(c())\n",
                         b"import asyncio\nasync def c():\n    async with asyncio.TaskGroup() as tg:\n        tg.create_task(c())\n        raise ValueError\nasyncio.run(c())\n",
                         b"import asyncio\nasync def c():\n    t = asyncio.create_task(asyncio.sleep(1))\n    del t\n    import gc; gc.collect()\nasyncio.run(c())\n",
                         b"import asyncio\nasync def c():\n    q = asyncio.Queue()\n    await q.get()\nasyncio.run(c())\n",
                         b"import asyncio\nasync def c():\n    l = asyncio.Lock()\n    await l.acquire()\n    await l.acquire()\nasyncio.run(c())\n",
                         b"import asyncio\nasync def c():\n    await asyncio.wait_for(c(), 0)\nasyncio.run(c())\n",
                         b"import asyncio, time\nasync def c():\n    await asyncio.to_thread(time.sleep, 10**18)\nasyncio.run(c())\n",
                         b"import asyncio\nasync def c():\n    await asyncio.sleep(1e300)\nasyncio.run(c())\n",
                         b"import asyncio\nasync def c():\n    asyncio.get_running_loop().call_later(-1e300, print)\n    asyncio.get_running_loop().call_at(float('nan'), print)\n    await asyncio.sleep(0)\nasyncio.run(c())\n",
                         ])
    if kind == 5:  # huge literals / strings
        n = r.choice([1000, 10**5, 10**6, 5 * 10**6])
        return r.choice([b"x = " + b"9" * n + b"\nprint(x % 7)\n",
                         b"x = '" + b"a" * n + b"'\nprint(len(x))\n",
                         b"x = '" + b"\\x41" * (n // 4) + b"'\nprint(len(x))\n",
                         b"x = 0x" + b"f" * n + b"\nprint(x & 1)\n",
                         b"x = 1." + b"5" * n + b"\nprint(x)\n",
                         b"x = 1e" + b"9" * min(n, 1000) + b"\nprint(x)\n",
                         b"x = " + b"1_" * (n // 2) + b"1\nprint(x % 10)\n",
                         b"x = [" + b"1," * n + b"]\nprint(len(x))\n",
                         b"x = {" + b"1:1," * (n // 4) + b"}\nprint(len(x))\n",
                         b"x = f'" + b"{1}" * (n // 3) + b"'\nprint(len(x))\n",
                         b"x = 'a' " + b"'b' " * (n // 4) + b"\nprint(len(x))\n",
                         b"#" + b"x" * n + b"\nprint(1)\n",
                         b"x" * n + b" = 1\nprint(1)\n",
                         b"print(1)\n" * (n // 10),
                         b"def f(" + b",".join(b"a%d" % i for i in range(n // 10)) + b"): pass\nprint(1)\n",
                         b"x = 1\n" + b"\n" * n + b"1/0\n",
                         b"x = (\n" + b"1,\n" * (n // 2) + b")\nprint(len(x))\n",
                         b"x = '''" + b"\n" * n + b"'''\nprint(len(x))\n",
                         b"print(" + b"a" * 300 + b")\n",
                         b"x = 1" + b" " * n + b"\n  y = 2\n",
                         ])
    if kind == 6:  # bad encodings / control bytes in a valid program
        base = b"x = 'abc'\nprint(x)\n"
        return m_encoding(m_encoding(base, r, b""), r, b"")
    return b"x = 1\n" + b"\n".join(r.choice(SNIPPETS) for _ in range(2)) + b"\nprint(x)\n"


def mutate(corpus, r):
    if r.random() < 0.25:
        return gen_adversarial(r)
    b = r.choice(corpus)
    other = r.choice(corpus)
    for _ in range(r.choice([1, 1, 1, 2, 3, 5])):
        b = r.choice(MUTATORS)(b, r, other)
        if len(b) > 8 * 10**6:
            b = b[:8 * 10**6]
    return b


# ----------------------------------------------------------------- minimising

def ddmin(items, test, join):
    """Classic ddmin: smallest subsequence of items for which test(join(sub)) holds."""
    n = 2
    while len(items) >= 2:
        chunk = max(1, len(items) // n)
        subsets = [items[i:i + chunk] for i in range(0, len(items), chunk)]
        reduced = False
        for i in range(len(subsets)):
            complement = [x for j, s in enumerate(subsets) if j != i for x in s]
            if complement and test(join(complement)):
                items, n, reduced = complement, max(n - 1, 2), True
                break
        if not reduced:
            if n >= len(items):
                break
            n = min(len(items), n * 2)
    return items


def minimize(binary, src, signature, kind, workdir, deadline, timeout=TIMEOUT):
    cache = {}

    def test(b):
        if time.time() > deadline:
            return False
        h = hashlib.sha1(b).digest()
        if h not in cache:
            k, sig, _ = run(binary, b, timeout=timeout, workdir=workdir)
            cache[h] = (k == kind and (kind == "hang" or sig == signature))
        return cache[h]

    lines = src.split(b"\n")
    lines = ddmin(lines, test, lambda l: b"\n".join(l))
    cur = b"\n".join(lines)
    if len(cur) < 4000:
        chars = [bytes([c]) for c in cur]
        cur = b"".join(ddmin(chars, test, lambda l: b"".join(l)))
    elif len(cur) < 10**6:
        # too long for per-char ddmin: shrink by tokens
        cur = b"".join(ddmin(tokens(cur), test, lambda l: b"".join(l)))
    return cur


def slug(sig):
    s = re.sub(r"[^a-z0-9]+", "-", sig.lower()).strip("-")
    return s[:50]


def save_found(src, kind, sig, detail):
    os.makedirs(FOUND, exist_ok=True)
    nums = [int(os.path.basename(p)[:3]) for p in glob.glob(os.path.join(FOUND, "[0-9][0-9][0-9]-*.py"))]
    n = max(nums, default=0) + 1
    head, frames = detail
    frames_s = "; ".join(frames[:4]) if frames else "-"
    comment = f"# {kind}: {head} | top frames: {frames_s}".replace("\n", " ")
    path = os.path.join(FOUND, f"{n:03d}-{slug(sig)}.py")
    with open(path, "wb") as f:
        f.write(comment.encode() + b"\n" + src + (b"" if src.endswith(b"\n") else b"\n"))
    return path


def known_signatures():
    sigs = set()
    for p in glob.glob(os.path.join(FOUND, "*.py")):
        with open(p, "rb") as f:
            first = f.readline().decode("utf-8", "replace")
        m = re.search(r"sig=\{(.*?)\}", first)
        if m:
            sigs.add(m.group(1))
    return sigs


# ----------------------------------------------------------------- main

def load_corpus():
    files = sorted(glob.glob(os.path.join(ROOT, "tests/programs/*.py")) +
                   glob.glob(os.path.join(ROOT, "tests/programs/reject/*.py")) +
                   glob.glob(os.path.join(CASES, "*.py")))
    out = []
    for p in files:
        with open(p, "rb") as f:
            out.append(f.read())
    return out, files


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "build-fuzz/loopscope"))
    ap.add_argument("--hang-bin", default=None, help="optimised build: confirm timeouts with it")
    ap.add_argument("--minutes", type=float, default=10)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--work", default="/tmp/loopscope-fuzz")
    ap.add_argument("--cases", action="store_true", help="run tests/fuzz/cases/*.py and the corpus unmutated, then stop")
    ap.add_argument("--no-minimize", action="store_true")
    ap.add_argument("--minimize", metavar="FILE", help="minimise one failing input and save it")
    ap.add_argument("--save", metavar="FILE", help="classify one (already small) input and save it to found/ as is")
    ap.add_argument("--hangs-only", action="store_true", help="report only hangs (for the optimised build)")
    a = ap.parse_args()
    os.makedirs(os.path.join(a.work, "raw"), exist_ok=True)
    tmp = os.path.join(a.work, "tmp")
    os.makedirs(tmp, exist_ok=True)
    seed = a.seed if a.seed is not None else int(time.time())
    r = random.Random(seed)
    print(f"seed {seed}, binary {a.bin}", flush=True)

    if a.save:
        src = open(a.save, "rb").read()
        kind, sig, detail = run(a.bin, src, workdir=tmp)
        if kind == "hang" or kind == "fine":
            kind2, _, _ = run(a.hang_bin or a.bin, src, workdir=tmp)
            kind = kind2 if kind == "fine" else kind
        print(kind, sig)
        if kind != "fine":
            print(save_found(src, kind, sig or kind, detail))
        return

    if a.minimize:
        src = open(a.minimize, "rb").read()
        kind, sig, detail = run(a.bin, src, workdir=tmp)
        print("original:", kind, sig)
        if kind == "fine":
            return
        small = minimize(a.bin, src, sig, kind, tmp, time.time() + 600)
        kind2, sig2, detail2 = run(a.bin, small, workdir=tmp)
        print(save_found(small, kind2, sig2, detail2))
        return

    corpus, files = load_corpus()
    deadline = time.time() + a.minutes * 60
    seen = {}
    stats = {"fine": 0, "sanitizer": 0, "crash": 0, "hang": 0, "slow": 0}
    execs = 0

    def one(src):
        k, sig, det = run(a.bin, src, workdir=tmp)
        if k == "hang" and a.hang_bin and not a.hangs_only:
            k2, _, _ = run(a.hang_bin, src, workdir=tmp)
            if k2 != "hang":
                k = "slow"
        return src, k, sig, det

    if a.cases:
        inputs = iter(corpus)
    else:
        def gen():
            while time.time() < deadline:
                yield mutate(corpus, r)
        inputs = gen()

    failures = []
    with ThreadPoolExecutor(a.jobs) as ex:
        pending = set()
        for src in inputs:
            pending.add(ex.submit(one, src))
            if len(pending) >= a.jobs * 2:
                done = next(iter(pending))
                # wait for any to finish
                import concurrent.futures as cf
                dn, pending = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
                for d in dn:
                    failures.extend(handle(d.result(), seen, stats, a))
                    execs += 1
                if execs % 50 < a.jobs:
                    print(f"[{time.strftime('%H:%M:%S')}] execs {execs} {stats} distinct {len(seen)}", flush=True)
        for d in pending:
            failures.extend(handle(d.result(), seen, stats, a))
            execs += 1
    print(f"done: execs {execs} {stats} distinct {len(seen)}", flush=True)
    for sig, (kind, raw) in seen.items():
        print(f"  {kind:9} {sig}  raw={raw}")
    if a.no_minimize:
        return
    for sig, (kind, raw) in seen.items():
        src = open(raw, "rb").read()
        print(f"minimising {sig} ({len(src)} bytes)", flush=True)
        small = minimize(a.bin, src, sig, kind, tmp, time.time() + 300)
        k2, sig2, det2 = run(a.bin, small, workdir=tmp)
        if sig2 != sig:
            small, det2 = src, run(a.bin, src, workdir=tmp)[2]
        print("  ->", save_found(small, kind, sig, det2), f"({len(small)} bytes)", flush=True)


def handle(res, seen, stats, a):
    src, kind, sig, det = res
    stats[kind] = stats.get(kind, 0) + 1
    if kind in ("fine", "slow"):
        return []
    if a.hangs_only and kind != "hang":
        return []
    if kind == "hang":
        sig = "hang"  # hangs are distinguished by hand after minimising
        # keep several hang inputs: use a hash of the first 200 bytes
        sig = "hang-" + hashlib.sha1(src[:200]).hexdigest()[:6]
    if sig in seen or any(s.split(" ")[:3] == sig.split(" ")[:3] for s in seen if not sig.startswith("hang")):
        return []
    raw = os.path.join(a.work, "raw", hashlib.sha1(src).hexdigest()[:12] + ".py")
    with open(raw, "wb") as f:
        f.write(src)
    seen[sig] = (kind, raw)
    print(f"NEW {kind}: {sig}  ({det[0] if det else ''}) raw={raw}", flush=True)
    return [sig]


if __name__ == "__main__":
    main()
