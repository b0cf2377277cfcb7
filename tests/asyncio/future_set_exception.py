# set_exception with a class instantiates it; awaiting raises it.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(fut.set_exception, ConnectionResetError)
    try:
        await fut
    except ConnectionResetError as e:
        print("raised:", repr(e), fut.exception() is e)

asyncio.run(main())
