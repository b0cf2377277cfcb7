# A blocking sleep inside a worker delays only that worker, not the loop's timers.
import asyncio
import time

def slow_io():
    time.sleep(1)
    return "io done"

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.run_in_executor(None, slow_io)
    for i in range(3):
        await asyncio.sleep(0.3)
        print(f"{loop.time():.2f} loop is responsive ({i})")
    print(f"{loop.time():.2f} waiting for the worker")
    r = await fut
    print(f"{loop.time():.2f} {r}")

asyncio.run(main())
