import asyncio
async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.3, fut.set_result, "late")
    h = loop.call_later(0.2, print, "never")
    loop.call_soon(print, "soon 1")
    loop.call_at(loop.time() + 0.1, print, "at 0.1")
    h.cancel()
    loop.call_soon(print, "soon 2")
    print(await fut, f"{loop.time():.2f}")
    print(h.cancelled(), fut.done())
asyncio.run(main())
