# Using a plain context manager with async with is a TypeError.
import asyncio

class Plain:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return False

async def main():
    try:
        async with Plain():
            pass
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
