# gather return exceptions mixed.
import asyncio

class Boom(Exception):
    pass

async def job(n):
    await asyncio.sleep(n / 10)
    if n % 3 == 0:
        raise Boom(f"job {n} failed")
    if n == 4:
        raise ValueError(n)
    return n * n

async def main():
    res = await asyncio.gather(*(job(i) for i in range(1, 7)), return_exceptions=True)
    for r in res:
        print(type(r).__name__, repr(r))
    try:
        await asyncio.gather(job(1), job(3), job(5))
    except Boom as e:
        print("first error:", e, f"{asyncio.get_running_loop().time():.2f}")
    await asyncio.sleep(1)
    print("empty gather:", await asyncio.gather())
    # same coroutine twice
    c = job(2)
    f = asyncio.ensure_future(c)
    print(await asyncio.gather(f, f, job(1)))

asyncio.run(main())
