# A generator that fails part-way: frames of the consumer and the generator.
def numbers():
    yield 1
    yield 2
    raise RuntimeError("generator broke")

def consume():
    total = 0
    for n in numbers():
        print("got", n)
        total += n
    return total

consume()
