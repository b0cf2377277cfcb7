# thread executor job outlives main.
import asyncio
import time

def job(n):
    time.sleep(n)
    print("job", n, "done", f"{time.monotonic():.2f}")

async def main():
    loop = asyncio.get_running_loop()
    loop.run_in_executor(None, job, 1)
    await asyncio.sleep(0.2)
    print("main done", f"{loop.time():.2f}")

asyncio.run(main())
print("after run", f"{time.monotonic():.2f}")
