# err raise from none.
import asyncio

class AppError(Exception):
    pass

async def lookup(key):
    await asyncio.sleep(0.1)
    try:
        return {"a": 1}[key]
    except KeyError:
        raise AppError(f"no such key: {key}") from None

async def main():
    print(await lookup("a"))
    await lookup("b")

asyncio.run(main())
