# timeout_at takes an absolute deadline; reschedule() moves it while the block runs.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout_at(loop.time() + 1) as cm:
            await asyncio.sleep(0.5)
            print(f"{loop.time():.2f} pushing the deadline to +2 from now")
            cm.reschedule(loop.time() + 2)
            print(f"when: now + {cm.when() - loop.time():.2f}")
            await asyncio.sleep(10)
    except TimeoutError:
        print(f"{loop.time():.2f} timed out at the rescheduled deadline")
    try:
        async with asyncio.timeout(5) as cm:
            cm.reschedule(loop.time() - 1)
            print("deadline already passed; still running this line")
            await asyncio.sleep(1)
    except TimeoutError:
        print(f"{loop.time():.2f} timed out immediately")
    try:
        cm.reschedule(None)
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
