# wait(timeout=...) returns what is done by then and cancels nothing.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    ts = [asyncio.create_task(asyncio.sleep(d), name=f"s{d}") for d in (0.5, 1.5, 2.5)]
    done, pending = await asyncio.wait(ts, timeout=1)
    print(f"{loop.time():.2f} done:", sorted(t.get_name() for t in done),
          "pending:", sorted(t.get_name() for t in pending))
    print("pending cancelled?", [t.cancelled() for t in sorted(pending, key=lambda t: t.get_name())])
    done, pending = await asyncio.wait(pending, timeout=5)
    print(f"{loop.time():.2f} done: {len(done)} pending: {len(pending)}")

asyncio.run(main())
