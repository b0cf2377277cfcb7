# asyncio.run waits for running executor jobs before it returns.
import asyncio
import time

def job(n):
    time.sleep(0.5 + 0.1 * n)
    print(f"{time.monotonic():.2f} job {n} finished")

async def main():
    loop = asyncio.get_running_loop()
    for n in range(2):
        loop.run_in_executor(None, job, n)
    await asyncio.sleep(0.1)
    print(f"{loop.time():.2f} main returns")

asyncio.run(main())
print(f"{time.monotonic():.2f} asyncio.run returned")
