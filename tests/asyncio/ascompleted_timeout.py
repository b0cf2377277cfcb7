# as_completed with a timeout: TimeoutError when the next result is not in time.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    ts = [asyncio.create_task(asyncio.sleep(d, d)) for d in (0.5, 1, 5)]
    try:
        for aw in asyncio.as_completed(ts, timeout=2):
            r = await aw
            print(f"{loop.time():.2f} got", r)
    except TimeoutError:
        print(f"{loop.time():.2f} TimeoutError; the last task cancelled? {ts[2].cancelled()}")
    ts[2].cancel()

asyncio.run(main())
