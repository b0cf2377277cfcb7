# re's flags (RegexFlag, as CPython prints them) and group details.
import re
print(re.compile(r"(?i)abc"), re.compile("x", re.S | re.X), re.I, re.M | re.S)
print(re.compile(r"\d").flags, re.compile(r"\d", re.A).flags)
print(re.match(r"(?P<a>x)(?P<b>y)?", "x").groupdict("?"), re.match("a", "a").group(0, 0))
print(re.match(r"(a)(b)?", "a").span(2), re.match(r"(a)(b)?", "a").lastindex)
print(re.findall(r"\d+|[a-z]+", "ab12cd"), re.sub(r"a|", "-", "bab"))
print(re.split(r"\b", "a b"), re.split("", "ab"))
print(repr(re.I), str(re.M), re.I | re.S, re.NOFLAG, int(re.I | re.M), re.I & re.M, type(re.I), re.A, re.RegexFlag.DOTALL)
print(re.search("a", "A", re.I | re.M), re.findall("x", "X", flags=2))
