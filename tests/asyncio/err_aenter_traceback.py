# err aenter traceback.
import asyncio

class Pool:
    async def __aenter__(self):
        await asyncio.sleep(0.1)
        raise ConnectionRefusedError("pool unavailable")
    async def __aexit__(self, *a):
        print("never")

async def main():
    async with Pool() as p:
        print("never either")

asyncio.run(main())
