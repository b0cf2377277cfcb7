# CPython limits int<->str conversion to 4300 digits by default.
big = 10 ** 4299
print(len(str(big)))
huge = 7 ** 6000
print(huge.bit_length(), huge % 1000)
try:
    str(huge)
except ValueError as exc:
    print("ValueError:", exc)
print(len(str(huge)))
