# re: a callable replacement, and a traceback through re's module functions.
import re


def shout(m):
    if m.group() == "boom":
        raise ValueError("cannot shout " + m.group())
    return m.group().upper()


print(re.sub(r"\w+", shout, "quiet words"))
try:
    re.sub(r"\w+", shout, "a boom b")
except ValueError as e:
    print("ValueError:", e)
print(re.findall(r"\d", "a1"))
re.search(r"\d+", 42)
