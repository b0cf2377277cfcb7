# The body of the async with raising cancels the tasks; its exception is put last in the group.
import asyncio

async def work(name):
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work("a"))
            await asyncio.sleep(1)
            raise RuntimeError("body failed")
    except ExceptionGroup as eg:
        print(f"{asyncio.get_running_loop().time():.2f}", repr(str(eg)), eg.exceptions)

asyncio.run(main())
