# Cancelling a task that awaits another task cancels down the chain; each level sees it.
import asyncio

async def level(n):
    try:
        if n == 3:
            await asyncio.sleep(10)
        else:
            await asyncio.create_task(level(n + 1), name=f"level{n + 1}")
    except asyncio.CancelledError as e:
        print(f"{asyncio.get_running_loop().time():.2f} level{n} cancelled {e.args}")
        raise

async def main():
    t = asyncio.create_task(level(1), name="level1")
    await asyncio.sleep(1)
    t.cancel("from main")
    try:
        await t
    except asyncio.CancelledError as e:
        print("main sees", e.args)

asyncio.run(main())
