# sync event heartbeat.
import asyncio

async def heartbeat(stop):
    loop = asyncio.get_running_loop()
    beats = 0
    while not stop.is_set():
        try:
            await asyncio.wait_for(stop.wait(), timeout=0.4)
        except TimeoutError:
            beats += 1
            print(f"{loop.time():.2f} beat {beats}")
    return beats

async def main():
    stop = asyncio.Event()
    hb = asyncio.create_task(heartbeat(stop))
    await asyncio.sleep(1.5)
    stop.set()
    print("beats:", await hb)
    print(repr(stop).split(" [")[-1])

asyncio.run(main())
