# to_thread runs a blocking function in a worker; the loop keeps running meanwhile.
import asyncio
import threading
import time

def blocking(d):
    time.sleep(d)
    return f"{threading.current_thread().name} slept {d}"

async def ticker():
    for i in range(4):
        await asyncio.sleep(0.25)
        print(f"{asyncio.get_running_loop().time():.2f} tick {i}")

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(ticker())
    print(f"{loop.time():.2f} calling to_thread")
    r = await asyncio.to_thread(blocking, 0.6)
    print(f"{loop.time():.2f} {r}")
    await t

asyncio.run(main())
