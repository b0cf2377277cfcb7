# The fix for a blocking call: move it to a thread; the ticker stays on time.
import asyncio
import time

async def ticker():
    for i in range(4):
        await asyncio.sleep(0.5)
        print(f"{asyncio.get_running_loop().time():.2f} tick {i}")

async def fixed():
    await asyncio.sleep(0.7)
    print(f"{asyncio.get_running_loop().time():.2f} offloading time.sleep(1.2)")
    await asyncio.to_thread(time.sleep, 1.2)
    print(f"{asyncio.get_running_loop().time():.2f} offloaded sleep finished")

async def main():
    await asyncio.gather(ticker(), fixed())

asyncio.run(main())
