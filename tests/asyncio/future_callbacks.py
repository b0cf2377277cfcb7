# add_done_callback on futures: registration order, next iteration, never synchronous.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("cb1", f.result()))
    fut.add_done_callback(lambda f: print("cb2", f.result()))
    fut.set_result("v")
    print("set_result returned; callbacks not run yet")
    fut.add_done_callback(lambda f: print("cb3 (added after done)"))
    await asyncio.sleep(0)
    print("after one iteration")
    c = loop.create_future()
    c.add_done_callback(lambda f: print("cancelled callback: cancelled() =", f.cancelled()))
    c.cancel("no")
    await asyncio.sleep(0)
    try:
        c.result()
    except asyncio.CancelledError as e:
        print("result() of cancelled future:", e.args)

asyncio.run(main())
