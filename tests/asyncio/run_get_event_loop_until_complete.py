# run get event loop until complete.
import asyncio

async def hello(n):
    await asyncio.sleep(n)
    return f"hello {n}"

loop = asyncio.get_event_loop()
print(loop.is_running(), loop.is_closed())
print(loop.run_until_complete(hello(1)))
print(loop.run_until_complete(asyncio.gather(hello(0.5), hello(0.25))))
print(asyncio.get_event_loop() is loop)
loop.close()
