# repr() of strings picks quotes and escapes non-printable characters.
samples = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline",
           "back\\slash", "\x00\x1f\x7f", "\u00e9\u00f1", "\u200b", "\u2028",
           "\U0001f600", "\r", "\x85", "\xa0", "日本"]
for s in samples:
    print(repr(s), len(s))
print(repr("'"), repr('"'), repr("'\""), repr(""))
print(str("tab\t").replace("\t", "<TAB>"))
print("%r" % "x\ny", "{!r}".format("q'"), f"{'a b'!r}")
print(repr(["a'b", 'c"d', "\n"]), repr(("é",)), repr({"k\t": "v\\"}))
print(ascii("naïve ☃ 🐍"), ascii(["é"]))
