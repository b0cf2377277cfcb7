# gather cancel msg children.
import asyncio

async def worker(name, d):
    try:
        await asyncio.sleep(d)
        print(name, "finished")
        return name
    except asyncio.CancelledError as e:
        print(name, "cancelled", e.args)
        raise

async def main():
    loop = asyncio.get_running_loop()
    g = asyncio.gather(worker("a", 1), worker("b", 2), worker("c", 3))
    await asyncio.sleep(1.5)
    print("cancel returns", g.cancel("enough"))
    try:
        await g
    except asyncio.CancelledError as e:
        print("outer cancelled", repr(e), f"{loop.time():.2f}")
    print(g.done(), g.cancelled())
    # cancelling one child of gather
    t1 = asyncio.create_task(worker("d", 1), name="d")
    t2 = asyncio.create_task(worker("e", 2), name="e")
    g2 = asyncio.gather(t1, t2, return_exceptions=True)
    await asyncio.sleep(0.5)
    t2.cancel()
    print(await g2)
    t3 = asyncio.create_task(worker("f", 1))
    g3 = asyncio.gather(t3)
    await asyncio.sleep(0)
    t3.cancel("child msg")
    try:
        await g3
    except asyncio.CancelledError as e:
        print("g3", repr(e))

asyncio.run(main())
