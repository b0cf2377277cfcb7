# future by hand states.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print(fut.done(), fut.cancelled())
    try:
        fut.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    def on_done(f):
        print("callback sees", f.result(), f"{loop.time():.2f}")
    fut.add_done_callback(on_done)
    async def resolver():
        await asyncio.sleep(1)
        fut.set_result("value")
    asyncio.create_task(resolver())
    print("awaited", await fut)
    try:
        fut.set_result("again")
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    f2 = asyncio.Future()
    f2.set_exception(OSError("disk"))
    try:
        await f2
    except OSError as e:
        print("raised", repr(e), repr(f2.exception()))
    f3 = loop.create_future()
    f3.cancel(msg="stop")
    try:
        f3.result()
    except asyncio.CancelledError as e:
        print("cancelled result", repr(e))
    try:
        f3.exception()
    except asyncio.CancelledError as e:
        print("cancelled exception()", e.args)
    f4 = loop.create_future()
    print(f4.remove_done_callback(on_done))
    f4.add_done_callback(on_done)
    f4.add_done_callback(on_done)
    print(f4.remove_done_callback(on_done))
    f4.set_result(4)
    await asyncio.sleep(0)
    f5 = loop.create_future()
    try:
        f5.set_exception(StopIteration())
    except TypeError as e:
        print("TypeError:", e)
    f6 = loop.create_future()
    f6.set_exception(KeyError)
    print(repr(f6.exception()))
    print(list(iter(lambda: 1, 1)))
    f7 = asyncio.ensure_future(asyncio.sleep(0.1, "ens"))
    print(type(f7).__name__, await f7)
    print(asyncio.ensure_future(f6) is f6)
    print(isinstance(f6, asyncio.Future))

asyncio.run(main())
