# A traceback through a lambda: the frame is named <lambda>.
convert = lambda text: int(text) * 2
parse_all = lambda items: [convert(t) for t in items]
print(parse_all(["1", "2"]))
print(parse_all(["3", "four"]))
