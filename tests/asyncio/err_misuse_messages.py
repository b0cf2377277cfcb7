# err misuse messages.
import asyncio

async def work(n):
    await asyncio.sleep(n)
    return n

async def main():
    loop = asyncio.get_running_loop()
    c = work(0.1)
    print(await c)
    try:
        await c
    except RuntimeError as e:
        print("RuntimeError:", e)
    t = asyncio.create_task(work(0.2))
    print(await t, await t, t.cancel())
    p = asyncio.create_task(work(1))
    try:
        p.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    try:
        p.exception()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    p.cancel()
    try:
        await asyncio.gather(work(0.1), 5)
    except TypeError as e:
        print("TypeError:", e)
    await asyncio.sleep(-3)
    print("negative sleep ok", f"{loop.time():.2f}")
    try:
        await 3
    except TypeError as e:
        print("TypeError:", e)
    try:
        asyncio.create_task(print)
    except TypeError as e:
        print("TypeError:", e)
    async def gen():
        yield 1
    try:
        await gen()
    except TypeError as e:
        print("TypeError:", e)
    try:
        for x in gen():
            pass
    except TypeError as e:
        print("TypeError:", e)
    try:
        async for x in [1, 2]:
            pass
    except TypeError as e:
        print("TypeError:", e)
    lock = asyncio.Lock()
    try:
        with lock:
            pass
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
    await asyncio.sleep(0.1)

try:
    asyncio.all_tasks()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
print(asyncio.current_task() if False else "skip")
asyncio.run(main())
