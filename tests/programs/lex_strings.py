# Every quote form and the common escapes.
print('single', "double", '''triple single''', """triple double""")
print('it\'s', "say \"hi\"", 'mixed "quotes"', "mixed 'quotes'")
print("tab:\t|", "newline:\n|", "backslash:\\|")
print("bell-free escapes: \x41\x42 \101\102 \u00e9 \U0001F600")
print(repr("\x00\x01\x7f"), repr("\r\n\t"), repr("\u00e9"), repr("é"))
print(repr('a"b'), repr("a'b"), repr("a'b\"c"))
print(len("\n"), len(r"\n"), len("\u1234"), len("\\"))
print(r"raw \n stays", R'raw \t too', r'C:\path\to')
print(rb := "not bytes, a walrus name")
multi = """line one
line two
    indented line"""
print(multi)
print(multi.count("\n"))
print("""ends with a quote\"""")
print('adjacent' "literals" '''join''')
print("a" "b" == "ab")
empty = ""
print(repr(empty), repr(''), len(""""""))
print("unicode: ñ ü 日本 🐍")
print(repr("日本"), ascii("日本é"))
x = "\
continued"
print(x)
print("\'", '\"', "\a" == "\x07", "\b" == "\x08", "\f" == "\x0c", "\v" == "\x0b")
print("\0" == "\x00", "\1" == "\x01")
