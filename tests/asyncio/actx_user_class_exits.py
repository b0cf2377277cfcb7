import asyncio
class Resource:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        await asyncio.sleep(0.1)
        print("open", self.name)
        return self
    async def __aexit__(self, et, ev, tb):
        await asyncio.sleep(0.1)
        print("close", self.name, et.__name__ if et else None)
        return et is KeyError
async def main():
    async with Resource("a") as r, Resource("b"):
        print("using", r.name)
    async with Resource("c"):
        raise KeyError("swallowed")
    print("after", f"{asyncio.get_running_loop().time():.2f}")
    try:
        async with Resource("d"):
            raise ValueError("escapes")
    except ValueError as e:
        print("caught", e)
asyncio.run(main())
