# shield: cancelling the waiter does not cancel the shielded task.
import asyncio

async def important():
    await asyncio.sleep(2)
    print(f"{asyncio.get_running_loop().time():.2f} important work finished")
    return "saved"

async def waiter(t):
    return await asyncio.shield(t)

async def main():
    loop = asyncio.get_running_loop()
    inner = asyncio.create_task(important())
    w = asyncio.create_task(waiter(inner))
    await asyncio.sleep(1)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print(f"{loop.time():.2f} waiter cancelled; inner cancelled? {inner.cancelled()}")
    r = await inner
    print(f"{loop.time():.2f} inner result:", r)

asyncio.run(main())
