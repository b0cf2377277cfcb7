# tg except star nested.
import asyncio

class NetErr(Exception):
    pass

async def fetch(name, d, fail=None):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print(f"{name} cancelled at {asyncio.get_running_loop().time():.2f}")
        raise
    if fail:
        raise fail(f"{name} broke")
    print(name, "ok")
    return name

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.TaskGroup() as tg:
            a = tg.create_task(fetch("a", 1))
            b = tg.create_task(fetch("b", 2, NetErr))
            d = tg.create_task(fetch("d", 2.5, ValueError))
    except* NetErr as eg:
        print("net errors:", [str(e) for e in eg.exceptions], f"{loop.time():.2f}")
    except* ValueError as eg:
        print("value errors:", eg.exceptions)
    print(a.result(), b.exception(), d.cancelled())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fetch("e", 1, NetErr))
            tg.create_task(fetch("f", 1.5, KeyError))
    except ExceptionGroup as eg:
        print(repr(eg))
        print(eg.message, len(eg.exceptions))
        m, rest = eg.split(NetErr)
        print(m, rest)
    # nested task groups
    async def inner_group():
        async with asyncio.TaskGroup() as tg2:
            tg2.create_task(fetch("g", 0.5))
            tg2.create_task(fetch("h", 1, RuntimeError))
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(inner_group())
            tg.create_task(fetch("i", 3))
    except* RuntimeError as eg:
        print("nested:", repr(eg))
        print(repr(eg.exceptions[0]))
    print(f"{loop.time():.2f}")

asyncio.run(main())
