# int.to_bytes and int.from_bytes: both byte orders, signed two's
# complement, the defaults of 3.11+, big values, and CPython's errors.
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (5).to_bytes())
print((-1).to_bytes(2, "big", signed=True), (-129).to_bytes(2, "little", signed=True))
print((127).to_bytes(1, signed=True), (-128).to_bytes(1, "big", signed=True))
print((0).to_bytes(0, "big"), (2**70 + 5).to_bytes(10, "big"))
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"))
print(int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes(b"\xff\xff"))
print(int.from_bytes([1, 2, 3], "big"), int.from_bytes(b""), int.from_bytes(b"\x80", signed=True))
big = 3**100
print(int.from_bytes(big.to_bytes(20, "little"), "little") == big)
for n in (255, 0, -42, 123456789):
    for order in ("big", "little"):
        b = n.to_bytes(8, order, signed=True)
        assert int.from_bytes(b, order, signed=True) == n
print("round trips ok")
cases = [
    lambda: (256).to_bytes(1, "big"),
    lambda: (-1).to_bytes(2, "big"),
    lambda: (128).to_bytes(1, "big", signed=True),
    lambda: (-129).to_bytes(1, "big", signed=True),
    lambda: (1).to_bytes(2, "middle"),
    lambda: (1).to_bytes(-1, "big"),
    lambda: (1).to_bytes(0),
    lambda: int.from_bytes(b"\x01", "sideways"),
    lambda: int.from_bytes([256]),
    lambda: int.from_bytes("abc"),
]
for c in cases:
    try:
        print(c())
    except (OverflowError, ValueError, TypeError) as e:
        print(type(e).__name__, e)


class Flags(int):
    pass


f = Flags.from_bytes(b"\x03", "big")
print(type(f).__name__, f, True.to_bytes(1, "big"))
