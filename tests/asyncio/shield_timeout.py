# wait_for around shield: the timeout fires, the shielded task keeps going.
import asyncio

async def save():
    await asyncio.sleep(3)
    print(f"{asyncio.get_running_loop().time():.2f} save finished")

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(save())
    try:
        await asyncio.wait_for(asyncio.shield(t), 1)
    except TimeoutError:
        print(f"{loop.time():.2f} gave up waiting; task done? {t.done()}")
    await t
    print(f"{loop.time():.2f} end")

asyncio.run(main())
