# An __aexit__ that returns True suppresses the exception.
import asyncio

class Suppress:
    def __init__(self, *types):
        self.types = types
    async def __aenter__(self):
        return self
    async def __aexit__(self, et, ev, tb):
        await asyncio.sleep(0)
        if et is not None and issubclass(et, self.types):
            print("suppressed", repr(ev))
            return True
        return False

async def main():
    async with Suppress(KeyError):
        raise KeyError("gone")
    print("continues after suppression")
    try:
        async with Suppress(KeyError):
            raise ValueError("not suppressed")
    except ValueError as e:
        print("caught", repr(e))

asyncio.run(main())
