# wait() argument errors.
import asyncio

async def noop():
    pass

async def main():
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError:", e)
    t = asyncio.create_task(noop())
    try:
        await asyncio.wait(t)
    except TypeError as e:
        print("TypeError:", str(e).split(" name=")[0])
    try:
        await asyncio.wait([t], return_when="SOMETIMES")
    except ValueError as e:
        print("ValueError:", e)
    await t

asyncio.run(main())
