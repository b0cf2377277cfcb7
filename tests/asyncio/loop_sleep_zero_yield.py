# sleep(0) yields exactly one iteration: two tasks alternate step by step.
import asyncio

async def worker(name, n):
    for i in range(n):
        print(f"{name} step {i}")
        await asyncio.sleep(0)
    print(f"{name} done")

async def main():
    a = asyncio.create_task(worker("A", 3))
    b = asyncio.create_task(worker("B", 2))
    print("main created A and B")
    await asyncio.sleep(0)
    print("main after one sleep(0)")
    await a
    await b
    print(f"time is still {asyncio.get_running_loop().time():.2f}")

asyncio.run(main())
