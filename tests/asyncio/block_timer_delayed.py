# A timer due at 0.5 fires only when the blocking callback returns at 2.0.
import asyncio
import time

async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    loop.call_later(0.5, lambda: print(f"{loop.time():.2f} timer due at 0.50 fired"))
    loop.call_later(0.6, lambda: done.set_result(None))
    loop.call_soon(lambda: (print(f"{loop.time():.2f} blocking callback starts"), time.sleep(2)))
    await done
    print(f"{loop.time():.2f} main done")

asyncio.run(main())
