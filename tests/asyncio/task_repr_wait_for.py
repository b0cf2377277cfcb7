# task repr wait for.
import asyncio

async def nap(d):
    await asyncio.sleep(d)
    return d

async def waits_on(fut):
    return await fut

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(nap(1), name="napper")
    print(t)
    await asyncio.sleep(0)
    print(t)
    fut = loop.create_future()
    w = asyncio.create_task(waits_on(fut), name="waiter")
    await asyncio.sleep(0)
    print(w)
    fut.set_result(3)
    print(w)
    await w
    print(w)
    await t
    print(t)
    print(asyncio.current_task())

asyncio.run(main())
