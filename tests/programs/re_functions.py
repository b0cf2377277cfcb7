# re: compile, match, search, fullmatch, findall, finditer, sub, subn, split,
# groups, flags, lookarounds, escapes, and CPython's errors.
import re

log = """2023-11-14 22:13:20 INFO task-1 started in 0.25s
2023-11-14 22:13:21 ERROR task-2 failed: TimeoutError after 1.50s
2023-11-14 22:13:23 INFO task-3 started in 12.00s"""

pat = re.compile(r"(?P<date>\d{4}-\d\d-\d\d) (?P<time>[\d:]+) (?P<level>[A-Z]+) (task-\d+)")
for line in log.splitlines():
    m = pat.match(line)
    print(m.group("level"), m["time"], m.group(4), m.groups(), m.groupdict(), m.span(), m.start(3), m.end("date"))
    print(m.lastindex, m.lastgroup)
print(pat, pat.groups, pat.groupindex, pat.pattern)
print(re.findall(r"\d+\.\d+s", log))
print(re.findall(r"task-(\d+)", log))
print(re.findall(r"(\w+)-(\d+)", log))
print(re.search(r"ERROR (.*)", log).group(1))
print(re.search(r"^2023.*INFO", log, re.M).group(), re.search(r"started$", log, re.MULTILINE))
print(repr(re.match(r"\d+", "abc")), re.match(r"\d+", "123abc"))
print(re.fullmatch(r"[a-z]+", "hello"), re.fullmatch(r"[a-z]+", "hello!"))
print(re.sub(r"\d+", "#", "a1b22c333"), re.sub(r"(\w+)@(\w+)", r"\2 at \1", "me@home you@work"))
print(re.sub(r"(?P<n>\d+)", r"<\g<n>>", "x1y2"), re.subn(r"a", "b", "banana"), re.sub("a", "b", "banana", count=2))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "1 2 30"))
print(re.split(r"[,;]\s*", "a, b;c,   d"), re.split(r"(,)", "a,b,c"), re.split(r"\s+", " a b ", maxsplit=1))
print(re.split(r"x*", "axbc"), re.sub("x*", "-", "abxd"), re.findall(r"\b\w", "hello big world"))
print(re.findall(r"a*?", "aa"), re.findall(r"a+?", "aaa"), re.match(r"(a|ab)(c|bcd)(d*)", "abcd").groups())
print(re.match(r"(a)|b", "b").groups(), re.match(r"(a)|b", "b").group(1), re.match(r"(a)?b", "b").groups("-"))
print(re.findall(r"(?i)hello", "Hello HELLO hello"), re.findall(r"hello", "Hello HELLO", re.IGNORECASE))
print(re.match(r"(\w)\1", "aab"), re.search(r"(?P<q>['\"]).*?(?P=q)", "say 'hi' now").group())
print(re.findall(r"\w+(?=!)", "hi! there? yes!"), re.findall(r"(?<=\$)\d+", "cost $15 or $20"), re.findall(r"(?<!\$)\b\d+", "$15 20"))
print(re.findall(r"[^aeiou\s]+", "hello world"), re.findall(r"[\w.-]+@[\w-]+\.\w+", "a.b@c-d.org, x@y.io"))
print(re.match(r"a{2,3}", "aaaa").group(), re.match(r"a{2}", "aaa").group(), re.match(r"a{,2}", "aaa").group(), re.match(r"a{2,}?", "aaaa").group())
print(re.escape("1+1=2? (yes) [a] $5.00"), re.search(re.escape("a.b"), "axb a.b").span())
print(re.match(r".", "\n"), re.match(r".", "\n", re.S), re.findall(r"^\w", "a\nb", re.M), re.findall(r"\w$", "a\nb\n"))
verbose = re.compile(r"""
    (\d+)   # number
    \s*     # spaces
    (px|em) # unit
""", re.X)
print(verbose.findall("10px 2 em 3pt"), verbose)
print(re.compile("a", re.I | re.M), re.compile(r"\d"), re.compile(r"\d") is re.compile(r"\d"))
it = re.finditer(r"\d+", "a1b22")
print([m.group() for m in it], [m.span() for m in re.finditer(r"o", "foo")])
m = re.search(r"(\d+)-(\d+)", "range 10-20 here")
print(m.expand(r"\2..\1"), m.string, m.re, m.pos, m.endpos, bool(m))
print(re.match(r"\s*(\S+)\s*$", "  word  ").group(1), re.findall(r"\D+", "a1bc2"), re.findall(r"\W", "a-b c"))
print(re.search(r"\Bor\B", "world"), re.search(r"\bor\b", "or else").span(), re.match(r"\Aab\Z", "ab"))
print(re.findall(r"[A-Z][a-z]+|\d+", "Hello World 42 foo"), re.match(r"x|", "y"))
print(re.sub(r"^", "> ", "a\nb", flags=re.M), re.sub(r"\s+", " ", "  lots   of\tspace ").strip())
for bad in ("(", ")", "*a", "a**", "[a-", r"\q", "(?P<1>x)", "a{3,1}", r"(a)\2"):
    try:
        re.compile(bad)
    except re.error as e:
        print("re.error:", e, "|", e.msg, e.pos)
try:
    re.match(r"(a)", "a").group(2)
except IndexError as e:
    print("IndexError:", e)
try:
    re.sub(r"(a)", r"\2", "a")
except re.error as e:
    print("re.error:", e)
try:
    re.match(r"a", 5)
except TypeError as e:
    print("TypeError:", e)
