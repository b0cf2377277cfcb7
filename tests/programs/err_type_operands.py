# TypeError messages for bad operand types.
def show(thunk):
    try:
        thunk()
    except TypeError as exc:
        print(exc)

one, text, nothing, lst, tup, dct = 1, "s", None, [1], (1,), {"a": 1}
show(lambda: one + text)
show(lambda: text + one)
show(lambda: text + nothing)
show(lambda: lst + tup)
show(lambda: tup + lst)
show(lambda: one - text)
show(lambda: text - text)
show(lambda: text * text)
show(lambda: lst * 2.5)
show(lambda: one / text)
show(lambda: one // nothing)
show(lambda: dct % one)
show(lambda: one ** text)
show(lambda: one << 1.5)
show(lambda: one & 1.5)
show(lambda: -text)
show(lambda: ~1.5)
show(lambda: +lst)
show(lambda: one < text)
show(lambda: lst > tup)
show(lambda: nothing >= one)
show(lambda: dct < dct)
show(lambda: one in one)
show(lambda: one in text)
show(lambda: dct + dct)
show(lambda: lst[text])
show(lambda: tup["x"])
show(lambda: text[1.5])
show(lambda: one[0])
show(lambda: nothing[0])
show(lambda: dct[lst])
show(lambda: len(one))
show(lambda: abs(text))
show(lambda: sorted([one, text]))
show(lambda: sum([text]))
show(lambda: "%d" % text)
show(lambda: text.join(one))
show(lambda: [].extend(one))
x = 5
try:
    x += "a"
except TypeError as exc:
    print("augmented:", exc)
try:
    text += 5
except TypeError as exc:
    print("augmented:", exc)
print("uncaught next")
total = 10 + text
