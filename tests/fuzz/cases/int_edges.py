# integer edge cases around 64-bit boundaries
vals = [0, 1, -1, 2**31, -2**31, 2**63 - 1, -2**63, 2**63, 2**64, -2**64, 10**30]
for a in vals:
    for b in vals:
        for op in (lambda: a + b, lambda: a - b, lambda: a * b, lambda: a // b, lambda: a % b,
                   lambda: divmod(a, b), lambda: a << (b % 200), lambda: a >> (b % 200), lambda: a & b,
                   lambda: a | b, lambda: a ^ b, lambda: pow(a, b % 5), lambda: a < b, lambda: hash(a)):
            try:
                op()
            except ZeroDivisionError:
                pass
print((-2**63) // -1, (-2**63) % -1, -(-2**63), abs(-2**63), int(-2**63) * -1)
print([1, 2, 3][2**63 - 1 : -2**63 : -1], 'abc'[::-(2**63)], range(-2**63, 2**63, 2**62)[3])
try:
    print(len(range(2**64)))
except OverflowError as e:
    print(e)
print(round(12345, -2**63), round(1.5, 2**63), round(1e300, -400))
print(int('9' * 4000) % 97, str(10**4000)[:3] if False else 'skip')
print(format(2**200, ','), f'{-2**63:x}', '%d' % -2**63, '%x' % 2**64)
