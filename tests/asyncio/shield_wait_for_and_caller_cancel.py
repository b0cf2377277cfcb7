# shield wait for and caller cancel.
import asyncio

async def critical():
    print("critical start")
    await asyncio.sleep(2)
    print("critical saved")
    return "saved"

async def main():
    loop = asyncio.get_running_loop()
    inner = asyncio.create_task(critical())
    try:
        r = await asyncio.wait_for(asyncio.shield(inner), timeout=1)
    except TimeoutError:
        print("timed out but inner alive:", inner.done(), f"{loop.time():.2f}")
    print(await inner, f"{loop.time():.2f}")
    async def caller():
        return await asyncio.shield(critical())
    t = asyncio.create_task(caller())
    await asyncio.sleep(0.5)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("caller cancelled", f"{loop.time():.2f}")
    await asyncio.sleep(2)
    print("end", f"{loop.time():.2f}")

asyncio.run(main())
