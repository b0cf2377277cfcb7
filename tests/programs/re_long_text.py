# re on longer texts: many matches, long repeats, multiline logs.
import re
import time

# a longer text: the engine must not run out of recursion or time
text = "word " * 400 + "END"
t = time.perf_counter()
print(len(re.findall(r"\w+", text)), re.search(r"END$", text).start(), len(re.sub(r"\s+", "_", text)))
print(re.match(r".*END", text).end(), re.match(r"(?:word )*END", text).end(), len(re.split(" ", text)))
lines = "\n".join(f"user{i}@example.com,{i * 3}" for i in range(60))
rows = [(m.group(1), int(m.group(2))) for m in re.finditer(r"^(\S+?)@example\.com,(\d+)$", lines, re.M)]
print(len(rows), rows[:2], rows[-1])
print(re.fullmatch(r"(a|b)*c", "ab" * 200 + "c") is not None)
print(re.sub(r"(\d+)", r"[\1]", "a1b2c3" * 100)[:40])
m = re.match(r"(?P<k>\w+)=(?P<v>[^;]*);?", "key=value;")
print(m.groupdict(), m.lastgroup, m.lastindex)
print(re.compile(r"(\d\d:)*(\d\d)").match("12:34:56").groups(), re.match(r"(?:(a)|b)+", "ab").groups())
