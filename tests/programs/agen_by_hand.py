# Async generators driven by hand: each step is an awaitable (asend/athrow),
# and send(None) on it runs the generator until its next yield.
class Pending:
    def __await__(self):
        got = yield "pending"
        return got


def drive(step):
    try:
        while True:
            print("  step yielded", step.send(None))
    except StopIteration as e:
        return ("value", e.value)
    except BaseException as e:
        return ("raised", type(e).__name__, str(e))


async def counter():
    print("counter starts")
    try:
        got = yield 1
        print("counter got", got)
        await Pending()
        yield 2
    finally:
        print("counter finally")


g = counter()
print(type(g).__name__, g.__name__, g.__qualname__, g.ag_running)
print(g.__aiter__() is g)
step = g.__anext__()
print(type(step).__name__, type(g.aclose()).__name__)
print(drive(step))
print(drive(step))
print(drive(g.asend("hello")))
print(drive(g.__anext__()))
print(drive(g.__anext__()))

print("-- send to a just-started generator")
g = counter()
print(drive(g.asend(5)))
print(drive(g.__anext__()))
print(drive(g.aclose()))
print(drive(g.__anext__()))

print("-- ag_running while a step is awaiting")
g = counter()
s = g.__anext__()
drive(s)
s = g.__anext__()
print(s.send(None))
print(g.ag_running)
print(drive(g.__anext__()))
print(drive(g.asend(None)))
print(drive(g.athrow(ValueError)))
print(drive(g.aclose()))
print(drive(s))
print(g.ag_running)
print(drive(g.aclose()))

print("-- athrow")
async def catcher():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught", repr(e))
        yield "recovered"

g = catcher()
drive(g.__anext__())
print(drive(g.athrow(ValueError("boom"))))
print(drive(g.athrow(ValueError("again"))))
print(drive(g.athrow(ValueError("closed now"))))
print(drive(g.asend(None)))
print(drive(catcher().athrow(KeyError("unstarted"))))
print(drive(catcher().athrow(1)))
print(drive(catcher().athrow()))

print("-- aclose")
async def stubborn():
    try:
        yield 1
    finally:
        yield 2

g = stubborn()
drive(g.__anext__())
print(drive(g.aclose()))
print(drive(g.__anext__()))
print(drive(g.__anext__()))
print(drive(stubborn().aclose()))

async def swallow():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit inside")
        return

g = swallow()
drive(g.__anext__())
print(drive(g.aclose()))

async def replace():
    try:
        yield 1
    except GeneratorExit:
        raise ValueError("instead")

g = replace()
drive(g.__anext__())
print(drive(g.aclose()))

print("-- reusing a step")
g = counter()
s = g.__anext__()
print(drive(s))
print(drive(s))
c = g.aclose()
print(drive(c))
print(drive(c))
s = counter().__anext__()
s.close()
print(drive(s))

print("-- throw into a step")
g = catcher()
s = g.__anext__()
print(drive(s))
s = g.__anext__()
try:
    s.throw(ValueError("via the step"))
except StopIteration as e:
    print("StopIteration", e.value)

print("-- StopIteration and StopAsyncIteration inside")
async def stops(kind):
    yield 1
    raise kind("inner")

for kind in (StopIteration, StopAsyncIteration):
    g = stops(kind)
    drive(g.__anext__())
    s = g.__anext__()
    try:
        s.send(None)
    except RuntimeError as e:
        print(repr(e), "from", repr(e.__cause__))
