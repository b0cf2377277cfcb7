# Unicode strings: length, indexing and slicing count code points.
s = "naïve café"
print(len(s), s[2], s[-1], s[6:], s[::-1])
j = "日本語テキスト"
print(len(j), j[0], j[1:3], j[-2:], j.find("テ"), "語" in j)
e = "🐍 python 🎉"
print(len(e), e[0], e[-1], e[2:8], e.split(" "))
mixed = "aé日🐍"
for ch in mixed:
    print(ch, ord(ch), hex(ord(ch)), len(ch))
print([chr(c) for c in (65, 233, 26085, 128013)])
print(mixed.upper(), "ÉCOLE".lower(), "straße".upper(), "ǅ".lower())
print(repr(mixed), ascii(mixed))
print(sorted(["é", "e", "z", "a", "É"]))
print("é" == "\u00e9", "e\u0301" == "é", len("e\u0301"))
print(f"{'日本':>6}|{'日本':*<5}|")
print("→".join(["a", "b", "c"]), "★" * 5)
print("Ünïcödé".isalpha(), "١٢٣".isdigit(), "²".isdigit(), "²".isdecimal())
print(str(len("€")), "€uro".replace("€", "E"), "x€y".index("y"))
print(max("aé日🐍"), min("日本"), "日" < "本")
print("%s|%5s|%-5s|" % ("é", "日", "🐍"))
