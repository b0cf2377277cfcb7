# FIRST_COMPLETED returns as soon as one is done; the others keep running.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    ts = [asyncio.create_task(asyncio.sleep(d, d), name=f"s{d}") for d in (3, 1, 2)]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print(f"{loop.time():.2f} done:", sorted(t.get_name() for t in done),
          "pending:", sorted(t.get_name() for t in pending))
    done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
    print(f"{loop.time():.2f} done:", sorted(t.get_name() for t in done),
          "pending:", sorted(t.get_name() for t in pending))
    await asyncio.wait(pending)
    print(f"{loop.time():.2f} all done")

asyncio.run(main())
