# sync condition wait for timeout.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    cond = asyncio.Condition()
    state = {"ready": False, "n": 0}
    async def waiter(i, limit):
        async with cond:
            try:
                await asyncio.wait_for(cond.wait_for(lambda: state["ready"]), limit)
                print(f"{loop.time():.2f} waiter {i} proceeds n={state['n']}")
            except TimeoutError:
                print(f"{loop.time():.2f} waiter {i} timed out, holds lock: {cond.locked()}")
    ws = [asyncio.create_task(waiter(i, lim)) for i, lim in enumerate([0.5, 2, 3])]
    await asyncio.sleep(1)
    async with cond:
        state["n"] += 1
        cond.notify_all()
    await asyncio.sleep(0.25)
    async with cond:
        state["ready"] = True
        state["n"] += 1
        cond.notify(1)
    await asyncio.sleep(0.25)
    async with cond:
        cond.notify(1)
    await asyncio.gather(*ws)
    print(f"{loop.time():.2f} all done", cond.locked())

asyncio.run(main())
