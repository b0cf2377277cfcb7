import asyncio
import threading
import time


def blocking():
    time.sleep(0.2)
    print("worker done")


async def main():
    t = threading.Thread(target=blocking)
    t.start()
    await asyncio.sleep(0.3)
    print("loop done")
    t.join()


asyncio.run(main())
