# An uncaught exception several frames deep.
def level_one(data):
    return level_two(data, 0)

def level_two(data, depth):
    return level_three(data[depth:], depth + 1)

def level_three(rest, depth):
    ratio = len(rest) / (depth - 1)
    return ratio

print("start")
result = level_one([1, 2, 3])
print("never printed", result)
