# timeout reuse and swallow.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(0.5) as cm:
            await asyncio.sleep(1)
    except TimeoutError:
        print("expired", cm.expired())
    try:
        cm.reschedule(loop.time() + 5)
    except RuntimeError as e:
        print("RuntimeError:", e)
    async with asyncio.timeout(1) as cm2:
        cm2.reschedule(None)
        print("when", cm2.when())
        await asyncio.sleep(1.5)
    print("survived", f"{loop.time():.2f}", cm2.expired())
    t = asyncio.timeout(1)
    async with t:
        pass
    try:
        async with t:
            pass
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        async with asyncio.timeout(0.2):
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("swallowing the timeout's cancel")
            await asyncio.sleep(0.1)
            print("body continues", f"{loop.time():.2f}")
    except TimeoutError:
        print("TimeoutError anyway")
    print("end", f"{loop.time():.2f}")

asyncio.run(main())
