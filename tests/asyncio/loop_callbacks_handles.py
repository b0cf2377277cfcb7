# loop callbacks handles.
import asyncio


def cb(tag, loop):
    print(f"{loop.time():.2f} cb {tag}")

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    h1 = loop.call_later(1, cb, "later-1", loop)
    h2 = loop.call_later(0.5, cb, "later-0.5", loop)
    h3 = loop.call_at(start + 0.75, cb, "at-0.75", loop)
    loop.call_soon(cb, "soon-a", loop)
    loop.call_soon(lambda: cb("partial", loop))
    h4 = loop.call_later(0.6, cb, "cancelled", loop)
    h4.cancel()
    print(type(h1).__name__, type(loop.call_soon(lambda: None)).__name__, h4.cancelled(), h1.cancelled())
    print(f"{h1.when() - start:.2f}")
    loop.call_soon(print, "print via call_soon", 1, 2)
    await asyncio.sleep(0)
    print("after sleep(0)")
    await asyncio.sleep(1.5)
    fut = loop.create_future()
    loop.call_later(0.3, fut.set_result, "from timer")
    print(await fut, f"{loop.time():.2f}")
    order = []
    for i in range(4):
        loop.call_soon(order.append, i)
    await asyncio.sleep(0)
    print(order)
    def bad():
        raise ZeroDivisionError("in callback")
    loop.call_soon(bad)
    await asyncio.sleep(0.1)
    print("loop survived", f"{loop.time():.2f}")

asyncio.run(main())
