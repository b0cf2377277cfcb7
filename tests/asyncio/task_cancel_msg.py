# cancel(msg): the message travels in CancelledError.args; cancel() returns False
# on a finished task.
import asyncio

async def victim():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("victim got CancelledError", e.args)
        raise

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(victim())
    await asyncio.sleep(1)
    print(f"{loop.time():.2f} cancel ->", t.cancel("enough waiting"))
    print("cancelled() right after cancel():", t.cancelled())
    try:
        await t
    except asyncio.CancelledError as e:
        print("main sees CancelledError", e.args)
    print("cancelled():", t.cancelled(), "done():", t.done())
    print("cancel again ->", t.cancel())
    u = asyncio.create_task(asyncio.sleep(0))
    await u
    print("cancel a finished task ->", u.cancel())

asyncio.run(main())
