# a blocking queue.get() in the loop's thread blocks the event loop
import asyncio
import queue
import threading
import time

q = queue.Queue()


def worker():
    time.sleep(1)
    q.put("from thread")


async def ticker():
    for i in range(3):
        print(f"{asyncio.get_running_loop().time():.2f} tick {i}")
        await asyncio.sleep(0.5)


async def main():
    threading.Thread(target=worker).start()
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    print(f"{asyncio.get_running_loop().time():.2f} blocking get")
    item = q.get()
    print(f"{asyncio.get_running_loop().time():.2f} got {item!r}")
    item2 = await asyncio.to_thread(q.get, timeout=3)
    print(item2)
    await t


async def feeder():
    await asyncio.sleep(0.7)
    q.put("fed")

async def both():
    asyncio.create_task(feeder())
    await main()

asyncio.run(both())
q.get_nowait()
