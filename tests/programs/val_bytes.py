# bytes: literals and escapes, bytes(), encode/decode, indexing, slicing,
# iteration, operators, methods, and CPython's error messages.
data = b"hello world"
print(data, type(data), len(data), data[0], data[-1], data[1:5], data[::-1], list(data[:3]))
print(b"a" + b"b", b"ab" * 3, 2 * b"x", b"lo" in data, 104 in data, b"" == b"", data == b"hello world", data != b"x")
print(b'it\'s', b"say \"hi\"", b'\x00\x01\xff\n\t\r\\', rb'\n', b'caf\xc3\xa9'.decode(), "café".encode(), "café".encode("utf-8"))
print(repr(b'\x7f'), bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes("hé", "utf-8"), bytes(b"xy"), bytes())
print(data.hex(), bytes.fromhex("de ad be ef"), b"\xde\xad".hex(), data.upper(), b"ABC".lower())
print(data.split(), data.split(b"o"), b"  pad  ".strip(), b"xxaxx".strip(b"x"), b"-".join([b"a", b"b", b"c"]))
print(data.startswith(b"hell"), data.endswith((b"x", b"ld")), data.find(b"o"), data.find(b"z"), data.count(b"l"), data.replace(b"l", b"L"), data.index(b"w"))
print(hash(b"abc") == hash(b"abc"), {b"k": 1}[b"k"], sorted([b"b", b"a", b"ab"]), b"a" < b"b", str(b"x"), f"{b'x'}", "%s" % b"q")
print(b"line1\nline2\n".split(b"\n"), b"x".decode("ascii"), str(b"abc", "ascii"), bool(b""), bool(b"a"), isinstance(b"", bytes))
for i, byte in enumerate(b"hi"):
    print(i, byte, chr(byte))
errors = [
    lambda: b"a" + "b",
    lambda: "a" + b"b",
    lambda: b"\xff".decode(),
    lambda: b"\xe2\x82".decode("utf-8"),
    lambda: b"caf\xc3\xa9".decode("ascii"),
    lambda: "café".encode("ascii"),
    lambda: "日本".encode("latin-1"),
    lambda: bytes("x"),
    lambda: bytes([256]),
    lambda: bytes(["a"]),
    lambda: bytes(-1),
    lambda: bytes(1.5),
    lambda: b"abc"[5],
    lambda: data[1.5],
    lambda: "x" in b"abc",
    lambda: bytes.fromhex("zz"),
    lambda: b"x".decode("nope"),
    lambda: b"a" * "b",
    lambda: b"-".join([b"a", "b"]),
    lambda: b"abc".index(b"z"),
    lambda: b"a" < "b",
]
for f in errors:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)
print(b"\xff\xfe".decode("utf-8", "replace"), b"a\xffb".decode("utf-8", "ignore"), "é".encode("ascii", "replace"), "aé".encode("latin-1"))
x = (b"abc"
     b"def")
print(x, b'\101\x42', len(b'\\u1234'), rB"\x00", Rb'a\b', b"""tri
ple""")
