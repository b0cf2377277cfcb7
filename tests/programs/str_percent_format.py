# printf-style % formatting.
print("%s is %d years" % ("Ada", 36))
print("%r vs %s" % ("text", "text"))
print("%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%.2f|%8.3f|%-8.1f|%08.2f|%+.1f" % (3.14159, 2.71828, 1.5, -3.14159, 2.0))
print("%5.2f%%" % 99.5)
print("%-10s|%10s|%.3s" % ("left", "right", "truncate"))
print("%x %X %#x %o %#o %08x" % (255, 255, 255, 8, 8, 48879))
print("%e %.2e %E %g %g %G" % (12345.678, 0.000123, 1.5, 0.00001, 123456789.0, 1e-10))
print("%c%c%c" % (72, "i", 33))
print("%(name)s scored %(score)d points (%(score)05.1f)" % {"name": "Bo", "score": 7})
print("%s" % [1, 2], "%s" % (1,), "%s %s" % ((1, 2), [3]))
print("%d" % 3.99, "%i" % -2, "%s" % None, "%s" % True, "%d" % True)
print("%*d|%-*d|" % (5, 42, 4, 7), "%.*f" % (2, 3.14159))
print("100%% sure" % (), "%s%%" % 50)
print("%a" % "é", "%r" % 1.0, "%s" % 1e20)
print("%d items cost $%.2f" % (3, 3 * 1.1))
print("%5s|" % "日本", "%-3s|" % "é")
try:
    "%d" % "x"
except TypeError as exc:
    print("TypeError:", exc)
try:
    "%s %s" % ("one",)
except TypeError as exc:
    print("TypeError:", exc)
try:
    "%s" % (1, 2)
except TypeError as exc:
    print("TypeError:", exc)
try:
    "%(missing)s" % {}
except KeyError as exc:
    print("KeyError:", exc)
try:
    "%z" % 1
except ValueError as exc:
    print("ValueError:", exc)
