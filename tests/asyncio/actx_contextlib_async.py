# contextlib's async side under asyncio.run: @asynccontextmanager (enter, exit,
# exceptions thrown in, the RuntimeErrors, as a decorator), AsyncExitStack
# (async and sync callbacks, push_async_exit, pop_all, aclose), aclosing,
# nullcontext; the times are the virtual clock's.
import asyncio
import contextlib

T0 = None

def now():
    return asyncio.get_running_loop().time() - T0

@contextlib.asynccontextmanager
async def conn(name, delay=0.1):
    print(f"{now():.1f} open {name}")
    await asyncio.sleep(delay)
    try:
        yield name
    except KeyError as e:
        print("conn caught", repr(e))
    finally:
        await asyncio.sleep(delay)
        print(f"{now():.1f} close {name}")

@contextlib.asynccontextmanager
async def bad_yield():
    if False:
        yield

@contextlib.asynccontextmanager
async def twice():
    yield 1
    yield 2

@contextlib.asynccontextmanager
async def again():
    try:
        yield
    except ValueError:
        yield

class AGen:
    def __init__(self):
        self.closed = False
    async def aclose(self):
        await asyncio.sleep(0.05)
        print("aclosed")

async def ticker():
    n = 0
    while True:
        yield n
        n += 1

async def main():
    global T0
    T0 = asyncio.get_running_loop().time()
    async with conn("db") as c:
        print("using", c)
    async with conn("swallow"):
        raise KeyError("x")
    try:
        async with conn("pass"):
            raise ValueError("v")
    except ValueError as e:
        print("propagated", repr(e))
    for cm in (bad_yield(), twice()):
        try:
            async with cm:
                pass
        except RuntimeError as e:
            print(repr(e))
    try:
        async with again():
            raise ValueError
    except RuntimeError as e:
        print(repr(e), repr(e.__context__))
    async with contextlib.AsyncExitStack() as stack:
        for n in range(2):
            await stack.enter_async_context(conn(f"s{n}", 0.2))
        stack.enter_context(contextlib.nullcontext())
        async def cb(x):
            await asyncio.sleep(0.1)
            print("async callback", x)
        stack.push_async_callback(cb, 7)
        stack.callback(print, "sync callback")
        async def aexit(t, v, tb):
            print("push_async_exit", t)
            return False
        stack.push_async_exit(aexit)
    async with contextlib.AsyncExitStack() as stack:
        await stack.enter_async_context(conn("moved"))
        moved = stack.pop_all()
    await moved.aclose()
    async with contextlib.aclosing(AGen()) as g:
        print("got", type(g).__name__)
    async with contextlib.aclosing(ticker()) as t:
        async for n in t:
            if n == 2:
                break
    async with contextlib.nullcontext("n") as v:
        print("async null", v)
    try:
        await contextlib.AsyncExitStack().enter_async_context(contextlib.closing(None))
    except TypeError as e:
        print(e)

    @conn("deco")
    async def work(x):
        print("work", x)
        return x + 1
    print(await work(1))
    print(f"{now():.1f} done")

asyncio.run(main())

# a task cancelled inside an async with: the generator sees CancelledError
@contextlib.asynccontextmanager
async def guarded(name):
    try:
        yield
    except asyncio.CancelledError:
        print(name, "saw the cancellation")
        raise
    finally:
        print(name, "cleaned up")

async def victim():
    async with guarded("victim"):
        await asyncio.sleep(10)

async def canceller():
    global T0
    T0 = asyncio.get_running_loop().time()
    t = asyncio.create_task(victim())
    await asyncio.sleep(0.5)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print(f"{now():.1f} victim cancelled")
    async with asyncio.TaskGroup() as tg:
        stack = contextlib.AsyncExitStack()
        for n in range(3):
            await stack.enter_async_context(guarded(f"group{n}"))
        tg.create_task(stack.aclose())
    print(f"{now():.1f} end")

asyncio.run(canceller())
