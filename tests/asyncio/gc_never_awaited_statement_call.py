# gc never awaited statement call.
import asyncio

async def save(x):
    await asyncio.sleep(0.1)
    print("saved", x)

async def main():
    save(1)
    print("called save without await")
    await asyncio.sleep(0.5)
    await save(2)

asyncio.run(main())
print("done")
