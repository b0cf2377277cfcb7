# thread cpu gather.
import asyncio
import time

def cpu(n):
    t = 0
    for i in range(n):
        t += i
    return t

async def main():
    r = await asyncio.gather(asyncio.to_thread(cpu, 100000), asyncio.to_thread(cpu, 50000))
    print(r)

asyncio.run(main())
