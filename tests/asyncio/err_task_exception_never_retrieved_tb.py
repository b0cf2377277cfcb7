import asyncio


async def boom():
    await asyncio.sleep(0.01)
    raise RuntimeError("nobody is listening")


async def main():
    asyncio.create_task(boom(), name="orphan")
    await asyncio.sleep(0.1)
    print("main finished")


asyncio.run(main())
print("after run")
