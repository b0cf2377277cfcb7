import asyncio
def on_done(t):
    print("callback for", t.get_name(), "current:", asyncio.current_task())
async def work(d):
    await asyncio.sleep(d)
    return d * 2
async def main():
    t = asyncio.create_task(work(0.2), name="worker")
    t.add_done_callback(on_done)
    t.add_done_callback(lambda t: print("lambda sees", t.result()))
    print(await t)
    r = await asyncio.sleep(0.1, result="slept")
    print(r)
    async with asyncio.timeout(None) as cm:
        cm.reschedule(asyncio.get_running_loop().time() + 0.3)
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("inner saw cancel")
            raise
    print("unreachable")
try:
    asyncio.run(main())
except TimeoutError:
    print("TimeoutError escaped run")
