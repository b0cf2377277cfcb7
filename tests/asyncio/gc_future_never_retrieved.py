# A future whose exception nobody retrieved logs when it is freed.
import asyncio

async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.set_exception(KeyError("k"))
    del fut
    print("future dropped")
    fut2 = asyncio.get_running_loop().create_future()
    fut2.set_exception(KeyError("seen"))
    print("retrieved:", repr(fut2.exception()))
    del fut2
    print("second future dropped quietly")

asyncio.run(main())
