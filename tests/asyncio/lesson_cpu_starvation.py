"""CPU-bound work starves the loop; run_in_executor moves it off the loop thread.

Watch: while the loop computes inline, the heartbeat is late; with a thread it is not
(computation itself is free on a virtual clock, so the blocking part is a sleep).
"""
import asyncio
import time

def crunch():
    time.sleep(0.6)       # stands for 0.6 s of computation
    return sum(range(1000))

async def heartbeat():
    for i in range(3):
        await asyncio.sleep(0.25)
        print(f"{asyncio.get_running_loop().time():.2f} heartbeat {i}")

async def main():
    loop = asyncio.get_running_loop()
    hb = asyncio.create_task(heartbeat())
    await asyncio.sleep(0)
    r = crunch()
    print(f"{loop.time():.2f} inline:", r)
    await hb
    hb = asyncio.create_task(heartbeat())
    r = await loop.run_in_executor(None, crunch)
    print(f"{loop.time():.2f} executor:", r)
    await hb

asyncio.run(main())
