# generators re-entered from inside themselves, closed while running, thrown into
def g1():
    yield next(it)
it = g1()
try:
    next(it)
except ValueError as e:
    print(e)
def g2():
    try:
        yield 1
    except GeneratorExit:
        yield 2
it2 = g2()
next(it2)
try:
    it2.close()
except RuntimeError as e:
    print(e)
def g3():
    it3.close()
    yield 1
it3 = g3()
try:
    next(it3)
except ValueError as e:
    print(e)
def g4():
    raise StopIteration
    yield
try:
    list(g4())
except RuntimeError as e:
    print(e)
def g5():
    yield 1
it5 = g5()
try:
    it5.send(5)
except TypeError as e:
    print(e)
async def c():
    pass
co = c()
try:
    co.send(None)
except StopIteration:
    print('done')
try:
    co.send(None)
except RuntimeError as e:
    print(e)
