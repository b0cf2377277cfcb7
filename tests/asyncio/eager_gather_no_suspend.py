# gather of coroutines that all finish eagerly does not suspend the caller.
import asyncio

async def value(n):
    return n * n

async def other():
    print("other task ran")

async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "callback queued before gather")
    res = await asyncio.gather(value(1), value(2), value(3))
    print("gather result", res, "(no suspension yet)")
    await asyncio.sleep(0)
    print("after sleep(0)")

asyncio.run(main())
