# err agen traceback.
import asyncio

async def rows():
    for i in range(3):
        await asyncio.sleep(0.1)
        if i == 2:
            raise IndexError(f"row {i} missing")
        yield i

async def main():
    async for r in rows():
        print("row", r)

asyncio.run(main())
