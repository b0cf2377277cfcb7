# An expression spanning several lines: CPython shows the failing lines.
def compute(a, b):
    return (a * 2 +
            b / 0)

numbers = [1, 2]
total = compute(
    numbers[0],
    numbers[1],
)
