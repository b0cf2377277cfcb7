# block cpu crunch coroutines.
import asyncio
import time

def crunch(n):
    total = 0
    for i in range(n):
        total += i * i
    return total

async def cpu_task(name, n, rest):
    loop = asyncio.get_running_loop()
    r = crunch(n)
    print(f"{name} crunched {r % 1000}")
    await asyncio.sleep(rest)
    print(f"{name} rested at {loop.time():.1f}")

async def ticker():
    loop = asyncio.get_running_loop()
    for i in range(3):
        await asyncio.sleep(0.2)
        print("tick", i)

async def main():
    await asyncio.gather(cpu_task("a", 200000, 0.5), ticker(), cpu_task("b", 100000, 0.75))

asyncio.run(main())
