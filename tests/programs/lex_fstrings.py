# f-strings: nested expressions, conversions, self-documenting expressions.
name = "Ada"
n = 7
items = [3, 1, 2]
d = {"key": "value", "n": 5}
print(f"hello {name}")
print(f"{n} squared is {n * n}; {n} cubed is {n ** 3}")
print(f"{name!r} {name!s} {name!a}")
print(f"{'quoted'!r}")
print(f"{items} {items[0]} {items[-1]} {len(items)}")
print(f"{d['key']} {d['n'] + 1}")
print(f"{sorted(items)} {max(items)}")
print(f"{n=}")
print(f"{n + 1 = }")
print(f"{name=!s} {name=}")
print(f"{n=:5}|")
print(f"{{literal braces}} {{{n}}}")
print(f"{'yes' if n > 5 else 'no'}")
print(f"{[x * 2 for x in items]}")
print(f"{(lambda v: v + 1)(n)}")
print(f"{f'{n}' * 3}")
print(F"capital F {n}")
print(rf"raw \n {n}", fr"raw {name} \t")
print(f"""triple {name}
second line {n}""")
print(f"{name:>10}|{name:<10}|{name:^10}|")
print(f"{3.14159:.2f} {2/3:.3} {1234567:,}")
w = 8
p = 3
print(f"{3.14159:{w}.{p}f}|")
print(f"{name:{'*'}^{w}}")
print(f"{n:0{w}d}")
print(f"{'a' + 'b'}" f"{'c'}" "d")
print(f"{None} {True} {3.0} {-0.0}")
class Obj:
    attr = 42
obj = Obj()
print(f"{obj.attr}")
print(f"{n:#x} {n:#o} {n:#b}")
print(f"{'x':{w}}|")
print(f"{n!r:>4}|")
print(f"{'café'!a}")
print(f"{1, 2}")
print(f"{ n }")
print(f"{n:{'>'}{w}}|")
