# A bad format spec inside an f-string, uncaught.
def label(item, count):
    return f"{item:>10} x{count:d}"

print(label("pens", 3))
print(label("ink", "two"))
