# A bare future: set_result wakes its awaiter one iteration later.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print(fut, fut.done())
    loop.call_later(1, fut.set_result, "hello")
    print(f"{loop.time():.2f} waiting")
    r = await fut
    print(f"{loop.time():.2f} got {r!r}; {fut}")
    print("result():", fut.result(), "exception():", fut.exception())

asyncio.run(main())
