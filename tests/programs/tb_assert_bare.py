# An uncaught assert without a message.
def check_even(n):
    assert n % 2 == 0
    return n // 2

print(check_even(10))
print(check_even(7))
