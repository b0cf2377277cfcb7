import asyncio
async def slow():
    await asyncio.sleep(2)
    return "slow result"
async def main():
    t = asyncio.create_task(slow())
    try:
        r = await asyncio.wait_for(asyncio.shield(t), timeout=1)
    except TimeoutError:
        print("timeout; task done?", t.done())
    print("still got:", await t)
    t2 = asyncio.create_task(slow())
    await asyncio.sleep(0.1)
    t2.cancel("stop now")
    try:
        await t2
    except asyncio.CancelledError as e:
        print("cancelled with", e.args)
    print(t2.cancelled(), t2.cancelling())
asyncio.run(main())
