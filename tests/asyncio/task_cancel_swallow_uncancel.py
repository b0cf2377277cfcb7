# task cancel swallow uncancel.
import asyncio

async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn swallowed cancel", asyncio.current_task().cancelling())
        return "ignored"

async def polite():
    try:
        await asyncio.sleep(10)
    finally:
        print("polite cleanup starts")
        await asyncio.sleep(0.5)
        print("polite cleanup done")

async def main():
    loop = asyncio.get_running_loop()
    s = asyncio.create_task(stubborn())
    p = asyncio.create_task(polite())
    await asyncio.sleep(1)
    s.cancel("msg-s")
    p.cancel("msg-p")
    print(await s, s.cancelled())
    try:
        await p
    except asyncio.CancelledError as e:
        print("polite raised", e.args, f"{loop.time():.2f}")
    print(p.cancelled(), s.cancelled())
    # cancel twice
    t = asyncio.create_task(polite())
    await asyncio.sleep(0.1)
    print(t.cancel(), t.cancel(), t.cancelling())
    try:
        await t
    except asyncio.CancelledError:
        print("t cancelled", f"{loop.time():.2f}", t.cancel())
    # uncancel
    async def resilient():
        task = asyncio.current_task()
        for i in range(3):
            try:
                await asyncio.sleep(1)
                print("slept", i)
            except asyncio.CancelledError:
                print("caught", i, task.cancelling(), task.uncancel(), task.cancelling())
        return "survived"
    r = asyncio.create_task(resilient())
    await asyncio.sleep(0.5)
    r.cancel()
    await asyncio.sleep(1)
    r.cancel()
    print(await r)

asyncio.run(main())
