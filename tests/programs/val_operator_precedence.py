# Operator precedence and associativity.
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** 2, (-2) ** 2)
print(10 - 4 - 3, 100 / 10 / 5, 2 ** -1, -3 // 2, -(3 // 2))
print(1 + 2 << 3, 1 | 2 ^ 3 & 4, (1 | 2) ^ 3, 6 & 3 | 8, ~1 + 1, -~5)
print(5 > 3 == True, (5 > 3) == True, not 1 == 2, not (1 == 2))
print(1 < 2 and 3 > 4 or 5 == 5, True or False and False, (True or False) and False)
print(not True and False, not (True and False), 3 in [1, 3] == True, 2 * 3 in [6])
print(1 if 0 else 2 if 0 else 3, "a" + "b" * 2, ("a" + "b") * 2)
print(10 % 3 * 2, 10 % (3 * 2), 2 * 10 % 3, 7 // 2 * 2, 7 // (2 * 2))
print(1 + -1, 1 - -1, - - 1, +-+1, 2 * -3, 2 ** -2 * 4)
x = 5
print(x > 3 and x < 10, 3 < x < 10, x == 5 == 5.0)
print([1, 2] + [3] * 2, -len("abc"), not [] is None)
lam = lambda a: a + 1 if a else 0
print(lam(0), lam(4))
print(0 or 0.0 or "" or "last", 1 and 2 and 3, 1 and 0 and 3)
print(2 ** 2 ** 3 == 2 ** 8, 1 << 2 + 1, (1 << 2) + 1, 16 >> 2 >> 1)
print(3 - 2 - 1 == 0, 2 ** 10 // 3 % 7, -7 % 3 ** 2)
