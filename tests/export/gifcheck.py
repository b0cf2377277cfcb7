#!/usr/bin/env python3
"""gifcheck.py FILE.gif W H DELAY_CS[:MAX] [LAST.png] - checks an animated GIF as
a reader would, with a decoder written from the GIF89a specification: the
header and W x H screen, a 256-colour global table, the NETSCAPE2.0 block
(loop forever), each frame's control block ("leave in place", a delay) and
image (inside the screen, LZW that decodes to exactly width * height
indices, with a clear code first and an end code last), the trailer, and
the delays adding up to DELAY_CS hundredths of a second (or DELAY_CS to
MAX). Composites every
frame; with LAST.png, the last frame must match that picture (an RGBA PNG
of the same moment) in at least 90% of its pixels, and no pixel may be far
off (the GIF maps each colour to the nearest of its palette). Prints the
frame count and sizes; exit 1 on any fault."""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pngcheck  # noqa: E402  (its decoder, for LAST.png)


def fail(msg):
    print(f"gifcheck: {sys.argv[1]}: {msg}")
    sys.exit(1)


def lzw(data, min_size, count):
    clear, end = 1 << min_size, (1 << min_size) + 1
    size, nxt = min_size + 1, clear + 2
    table = [bytes([i]) for i in range(clear)] + [b"", b""]
    out, prev = bytearray(), None
    bits, nbits, pos, first = 0, 0, 0, True
    while True:
        while nbits < size:
            if pos >= len(data):
                fail("image data ends without an end code")
            bits |= data[pos] << nbits
            pos += 1
            nbits += 8
        code = bits & ((1 << size) - 1)
        bits >>= size
        nbits -= size
        if first and code != clear:
            fail("image data does not start with a clear code")
        first = False
        if code == clear:
            size, nxt, prev = min_size + 1, clear + 2, None
            del table[clear + 2:]
            continue
        if code == end:
            break
        if prev is None:
            if code >= clear:
                fail(f"code {code} right after a clear code")
            out += table[code]
            prev = code
            continue
        if code < nxt:
            entry = table[code]
            new = table[prev] + entry[:1]
        elif code == nxt:
            new = entry = table[prev] + table[prev][:1]
        else:
            fail(f"code {code} past the table ({nxt})")
        out += entry
        if nxt < 4096:
            table.append(new)
            nxt += 1
            if nxt == 1 << size and size < 12:
                size += 1
        prev = code
    if len(out) != count:
        fail(f"an image decodes to {len(out)} pixels, not {count}")
    return out


def png_rgb(path):
    w, h, rows = pngcheck.decode(path, fail)
    return w, h, b"".join(bytes(c for i, c in enumerate(r) if i % 4 != 3) for r in rows)


def main():
    d = open(sys.argv[1], "rb").read()
    want_w, want_h = int(sys.argv[2]), int(sys.argv[3])
    lo, _, hi = sys.argv[4].partition(":")
    min_delay, max_delay = int(lo), int(hi or lo)
    if d[:6] != b"GIF89a":
        fail("no GIF89a header")
    w, h, packed = struct.unpack("<HHB", d[6:11])
    if (w, h) != (want_w, want_h):
        fail(f"{w}x{h}, not {want_w}x{want_h}")
    if packed != 0xF7:
        fail(f"not a 256-colour global table (packed byte {packed:#x})")
    pal = d[13:13 + 768]
    at = 13 + 768
    canvas = bytearray(pal[0:3] * (w * h))
    loops, frames, delays, gce = False, 0, 0, None
    while True:
        if at >= len(d):
            fail("no trailer")
        tag = d[at]
        at += 1
        if tag == 0x3B:
            if at != len(d):
                fail("bytes after the trailer")
            break
        if tag == 0x21:
            label = d[at]
            at += 1
            blocks = []
            while d[at]:
                blocks.append(d[at + 1:at + 1 + d[at]])
                at += 1 + d[at]
            at += 1
            if label == 0xFF and blocks[0] == b"NETSCAPE2.0" and blocks[1] == b"\x01\x00\x00":
                loops = True
            if label == 0xF9:
                if len(blocks) != 1 or len(blocks[0]) != 4:
                    fail("a malformed graphic control block")
                gce = blocks[0]
            continue
        if tag != 0x2C:
            fail(f"unexpected block {tag:#x} at {at - 1}")
        x, y, iw, ih, flags = struct.unpack("<HHHHB", d[at:at + 9])
        at += 9
        if flags or x + iw > w or y + ih > h or not iw or not ih:
            fail(f"frame {frames}: {iw}x{ih} at {x},{y}, flags {flags:#x}")
        if gce is None or (gce[0] >> 2) & 7 != 1:
            fail(f"frame {frames}: no control block saying 'leave in place'")
        trans = gce[3] if gce[0] & 1 else -1
        delays += gce[1] | gce[2] << 8
        gce = None
        min_size = d[at]
        at += 1
        data = bytearray()
        while d[at]:
            data += d[at + 1:at + 1 + d[at]]
            at += 1 + d[at]
        at += 1
        idx = lzw(data, min_size, iw * ih)
        for j in range(ih):
            o = ((y + j) * w + x) * 3
            for i, c in enumerate(idx[j * iw:(j + 1) * iw]):
                if c != trans:
                    canvas[o + 3 * i:o + 3 * i + 3] = pal[3 * c:3 * c + 3]
        frames += 1
    if not loops:
        fail("no NETSCAPE2.0 block that loops forever")
    if not min_delay <= delays <= max_delay:
        fail(f"the delays add up to {delays} hundredths of a second, not {sys.argv[4]}")
    if len(sys.argv) > 5:
        pw, ph, rgb = png_rgb(sys.argv[5])
        if (pw, ph) != (w, h):
            fail(f"{sys.argv[5]} is {pw}x{ph}")
        same = far = 0
        for i in range(0, len(rgb), 3):
            if rgb[i:i + 3] == canvas[i:i + 3]:
                same += 1
            elif sum(abs(a - b) for a, b in zip(rgb[i:i + 3], canvas[i:i + 3])) > 150:
                far += 1
        if same < 0.9 * w * h or far > 0.002 * w * h:
            fail(f"the last frame differs from {sys.argv[5]}: {same} of {w * h} pixels the same, {far} far off")
    print(f"{w}x{h}, {frames} frames stored, {delays / 100:.2f} s")


main()
