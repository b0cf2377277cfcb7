# An exception in a worker is re-raised where the future is awaited.
import asyncio
import time

def fails():
    time.sleep(0.2)
    raise OSError("disk on fire")

async def main():
    try:
        await asyncio.to_thread(fails)
    except OSError as e:
        print(f"{asyncio.get_running_loop().time():.2f} caught", repr(e))

asyncio.run(main())
