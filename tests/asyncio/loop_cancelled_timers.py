# A cancelled TimerHandle never runs; cancelling twice is harmless; the handle
# reports cancelled(). A cancelled sleep leaves its timer cancelled in the heap.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    ran = []
    handles = [loop.call_later(0.1 * (i + 1), ran.append, i) for i in range(6)]
    for i in (1, 3, 4):
        handles[i].cancel()
    handles[3].cancel()
    print("cancelled flags:", [h.cancelled() for h in handles])
    await asyncio.sleep(1)
    print("ran:", ran)
    t = asyncio.create_task(asyncio.sleep(5))
    await asyncio.sleep(0.5)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print(f"{loop.time():.2f} sleep(5) task cancelled")
    await asyncio.sleep(0.1)
    print(f"{loop.time():.2f} end")

asyncio.run(main())
