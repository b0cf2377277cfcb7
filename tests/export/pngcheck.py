#!/usr/bin/env python3
"""pngcheck.py FILE.png [W H] - checks a PNG as any reader would: the
signature, every chunk's CRC, IHDR (8-bit RGBA, W x H when given), the zlib
stream (Adler-32 included) inflating to exactly one filter byte plus
4 * width bytes per row, and every row's filter decoding. Prints the width,
the height and a SHA-256 of the decoded pixels; exit 1 on any fault."""
import hashlib
import struct
import sys
import zlib


def fail(msg):
    print(f"pngcheck: {sys.argv[1]}: {msg}")
    sys.exit(1)


def decode(path, fail=fail):
    """The checked PNG's width, height and rows of RGBA bytes."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail("no PNG signature")
    at, idat, ihdr, end = 8, b"", None, False
    while at < len(data):
        (n,) = struct.unpack(">I", data[at:at + 4])
        kind, body = data[at + 4:at + 8], data[at + 8:at + 8 + n]
        (crc,) = struct.unpack(">I", data[at + 8 + n:at + 12 + n])
        if zlib.crc32(kind + body) & 0xFFFFFFFF != crc:
            fail(f"bad CRC in {kind!r}")
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            end = True
        elif kind[0:1].isupper():
            fail(f"unexpected critical chunk {kind!r}")
        at += 12 + n
    if not ihdr or not end:
        fail("no IHDR or no IEND")
    w, h, depth, ctype = ihdr[0], ihdr[1], ihdr[2], ihdr[3]
    if (depth, ctype) != (8, 6):
        fail(f"not 8-bit RGBA (depth {depth}, colour type {ctype})")
    raw = zlib.decompress(idat)   # checks the Adler-32 too
    row = 4 * w
    if len(raw) != h * (row + 1):
        fail(f"{len(raw)} bytes of rows, not {h * (row + 1)}")
    prev = bytearray(row)
    rows = []
    for y in range(h):
        f = raw[y * (row + 1)]
        cur = bytearray(raw[y * (row + 1) + 1:(y + 1) * (row + 1)])
        if f == 1:
            for i in range(4, row):
                cur[i] = (cur[i] + cur[i - 4]) & 0xFF
        elif f == 2:
            cur = bytearray((c + p) & 0xFF for c, p in zip(cur, prev))
        elif f != 0:
            fail(f"row {y}: filter {f} (loopscope writes 0, 1 or 2)")
        rows.append(cur)
        prev = cur
    return w, h, rows


def main():
    w, h, rows = decode(sys.argv[1])
    if len(sys.argv) > 3 and (w, h) != (int(sys.argv[2]), int(sys.argv[3])):
        fail(f"{w}x{h}, not {sys.argv[2]}x{sys.argv[3]}")
    pixels = hashlib.sha256()
    for r in rows:
        pixels.update(r)
    print(w, h, pixels.hexdigest())


if __name__ == "__main__":
    main()
