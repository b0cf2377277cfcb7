# async for over user classes and async generators; async comprehensions;
# break, continue, return and else; CPython's TypeErrors.
def run(coro):
    try:
        while True:
            print("  awaited", coro.send(None))
    except StopIteration as e:
        return e.value
    except BaseException as e:
        return f"{type(e).__name__}: {e}"


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        print("__aiter__")
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


class Ticket:
    def __await__(self):
        sent = yield "ticket"
        return f"admitted {sent}"


async def agen(n):
    for i in range(n):
        got = await Ticket()
        yield i, got


async def loops():
    async for x in Countdown(3):
        print("countdown", x)
    else:
        print("else runs")
    async for x in Countdown(5):
        if x == 3:
            continue
        if x == 1:
            break
        print("kept", x)
    else:
        print("not printed")
    async for i, got in agen(2):
        print(i, got)
    for outer in "ab":
        async for x in Countdown(2):
            print(outer, x)
    return "loops done"

print(run(loops()))


async def comprehensions():
    print([x async for x in Countdown(4)])
    print({x % 2 async for x in Countdown(4)})
    print({x: x * x async for x in Countdown(3)})
    print([x async for x in Countdown(6) if x % 2 if x > 1])
    print([(x, y) async for x in Countdown(3) for y in range(x)])
    print([(x, y) for x in "ab" async for y in Countdown(2)])
    print([await t for t in [Ticket(), Ticket()]])
    gen = (x * 10 async for x in Countdown(3))
    print(type(gen).__name__, gen.__qualname__)
    print([y async for y in gen])
    print([p async for p in agen(2)])
    return "comprehensions done"

print(run(comprehensions()))


async def early_return():
    async for x in agen(5):
        if x[0] == 1:
            return x
print(run(early_return()))


async def nested():
    async def inner():
        async for x in Countdown(2):
            yield x * 100
            yield x * 100 + 1
    async for v in inner():
        print("nested", v)
print(run(nested()))


class NoAnext:
    def __aiter__(self):
        return 42


class BadAnext:
    def __aiter__(self):
        return self

    def __anext__(self):
        return [1, 2]


class RaisingAnext:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise ValueError("from __anext__")


async def over(obj):
    async for x in obj:
        print("got", x)

for obj in (5, NoAnext(), BadAnext(), RaisingAnext()):
    print(run(over(obj)))


async def comp_over(obj):
    return [x async for x in obj]

for obj in (None, NoAnext(), BadAnext()):
    print(run(comp_over(obj)))


async def yields_in_async_for():
    async for x in Countdown(2):
        sent = yield x
        print("sent", sent)

async def use():
    g = yields_in_async_for()
    print(await g.__anext__())
    print(await g.asend("a"))
    try:
        await g.asend("b")
    except StopAsyncIteration:
        print("exhausted")
print(run(use()))
