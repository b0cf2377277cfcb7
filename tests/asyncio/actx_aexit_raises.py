# actx aexit raises.
import asyncio

class Resource:
    async def __aenter__(self):
        print("acquire")
        return self
    async def __aexit__(self, *exc):
        await asyncio.sleep(0.1)
        print("release, exc =", exc[0].__name__ if exc[0] else None)
        raise OSError("release failed")

async def main():
    try:
        async with Resource():
            raise ValueError("body")
    except OSError as e:
        print("got", repr(e), "context:", repr(e.__context__))
    async with Resource():
        pass

asyncio.run(main())
