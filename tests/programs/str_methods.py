# str methods.
s = "  Hello, World!  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr("xxhixx".strip("x")))
print("a,b,,c".split(","), "a b  c".split(), " a b ".split(" "), "a,b,c".split(",", 1))
print("a,b,c".rsplit(",", 1), "one two three".rsplit(None, 1), "".split(), "".split(","))
print("-".join(["x", "y", "z"]), "".join("abc"), ", ".join(str(i) for i in range(3)))
print("banana".replace("a", "o"), "banana".replace("a", "o", 2), "aaa".replace("", "-"))
print("banana".find("an"), "banana".find("an", 2), "banana".find("x"), "banana".rfind("an"))
print("banana".index("n"), "banana".rindex("n"), "banana".count("a"), "banana".count("an"), "aaaa".count("aa"))
print("hello".startswith("he"), "hello".startswith(("x", "h")), "hello".endswith("lo"), "hello".startswith("l", 2))
print("MiXeD".upper(), "MiXeD".lower(), "hello world".title(), "hello WORLD".capitalize(), "MiXeD".swapcase())
print("they're bill's friends".title())
print(repr("hi".center(7)), repr("hi".center(7, "*")), repr("hi".ljust(5, ".")), repr("hi".rjust(5)))
print("42".zfill(5), "-42".zfill(6), "+7".zfill(4), "abc".zfill(2))
print("key=value=x".partition("="), "key=value=x".rpartition("="), "novalue".partition("="))
print("{} + {} = {}".format(1, 2, 3))
print("123".isdigit(), "12a".isdigit(), "abc".isalpha(), "ab1".isalpha(), "ab1".isalnum(), "".isdigit())
print("   ".isspace(), "Hello".isupper(), "HELLO".isupper(), "hello".islower(), "Hello World".istitle())
print("line1\nline2\r\nline3".splitlines(), "a\n\nb\n".splitlines(), "x\ny".splitlines(True))
print("hello"[1:4], "hello"[::-1], "hello"[-3:], "hello"[::2], "hello"[10:], "hello"[-100:2])
print("ab" * 3, 3 * "xy", "a" + "b", "abc" < "abd", "Z" < "a", "" < "a", "abc" == "abc")
print("ell" in "hello", "xyz" not in "hello", "" in "abc")
print(len("hello"), "hello"[0], "hello"[-1], min("hello"), max("hello"), sorted("hello"))
print("a-b_c d".replace("-", " ").replace("_", " ").split())
print("tab\tseparated".expandtabs(4), "%s" % "x".join("123"))
print("Hello".casefold(), "ß".upper(), "ÀÉÎ".lower())
print("hello world".removeprefix("hello "), "file.txt".removesuffix(".txt"), "x".removeprefix("y"))
print(str(123), str(1.5), str([1, "a"]), str(), str("already"))
print(" ".join(reversed("a b c".split())), "".join(sorted("dcba")))
print("x".join([]), "Mississippi".lower().count("ss"), "a.b.c".split(".", maxsplit=1))
print("%d items" % 3, "hi".isidentifier(), "2x".isidentifier(), "ABC".lower().upper())
try:
    "abc".index("z")
except ValueError as exc:
    print("ValueError:", exc)
try:
    "abc"[5]
except IndexError as exc:
    print("IndexError:", exc)
try:
    "abc"[0] = "z"
except TypeError as exc:
    print("TypeError:", exc)
try:
    "".join([1, 2])
except TypeError as exc:
    print("TypeError:", exc)
