# RecursionError can be caught; the message and the depth reached.
import sys

def dive(n):
    return dive(n + 1)

try:
    dive(0)
except RecursionError as exc:
    print("RecursionError:", exc)
    print(isinstance(exc, RuntimeError))

def measure(n):
    try:
        return measure(n + 1)
    except RecursionError:
        return n

print(measure(1) + 2 >= 990, sys.getrecursionlimit())

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(len(str(fact(900))))
