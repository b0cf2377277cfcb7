import asyncio


def bad_callback(fut):
    raise ValueError(f"callback saw {fut.result()}")


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(bad_callback)
    fut.set_result(42)
    await asyncio.sleep(0)
    seen = []
    loop.set_exception_handler(lambda lp, ctx: seen.append((ctx["message"], repr(ctx["handle"]), type(ctx["exception"]).__name__)))
    fut2 = loop.create_future()
    fut2.add_done_callback(bad_callback)
    fut2.set_result(7)
    await asyncio.sleep(0)
    print(seen)
    h = seen[0][1]
    print(h.startswith("<Handle bad_callback(<Future finished result=7>)"))


asyncio.run(main())
