# the loop's exception handler, run_forever and stop
import asyncio
import gc


def handler(loop, context):
    exc = context.get("exception")
    keys = sorted(context)
    print(f"handler: {context['message']!r} keys={keys} exc={exc!r}")


async def fails(n):
    await asyncio.sleep(0.1 * n)
    raise RuntimeError(f"background job {n} failed")


def bad_callback():
    raise ValueError("callback broke")


async def main():
    loop = asyncio.get_running_loop()
    print(loop.get_exception_handler())
    loop.set_exception_handler(handler)
    print(loop.get_exception_handler() is handler)
    asyncio.create_task(fails(1))
    loop.call_soon(bad_callback)
    await asyncio.sleep(0.5)
    gc.collect()
    loop.call_exception_handler({"message": "custom report", "detail": 42})
    loop.set_exception_handler(None)
    loop.call_exception_handler({"message": "default now", "zeta": [1], "alpha": "a"})
    loop.default_exception_handler({"message": "with exception", "exception": KeyError("k")})
    try:
        loop.set_exception_handler(5)
    except TypeError as e:
        print(e)
    def broken(loop, context):
        raise IndexError("handler itself fails")
    loop.set_exception_handler(broken)
    loop.call_soon(bad_callback)
    await asyncio.sleep(0)
    await asyncio.sleep(0)


asyncio.run(main())

loop = asyncio.new_event_loop()
ticks = []
def tick(n):
    ticks.append(n)
    print("tick", n, round(loop.time(), 3))
    if n < 3:
        loop.call_later(0.5, tick, n + 1)
    else:
        loop.stop()
loop.call_soon(tick, 0)
loop.run_forever()
print("stopped after", ticks, loop.is_running())
async def quick():
    print("quick ran")
    loop.stop()
loop.create_task(quick())
loop.run_forever()
loop.close()
print("closed", loop.is_closed())
