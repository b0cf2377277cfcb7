# time.sleep() in a coroutine blocks the whole loop: the ticker's timers fire late.
import asyncio
import time

async def ticker():
    for i in range(4):
        await asyncio.sleep(0.5)
        print(f"{asyncio.get_running_loop().time():.2f} tick {i}")

async def blocker():
    await asyncio.sleep(0.7)
    print(f"{asyncio.get_running_loop().time():.2f} blocker calls time.sleep(1.2)")
    time.sleep(1.2)
    print(f"{asyncio.get_running_loop().time():.2f} blocker wakes up")

async def main():
    await asyncio.gather(ticker(), blocker())

asyncio.run(main())
