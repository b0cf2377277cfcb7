# async with on a user class: __aenter__ / __aexit__ may await.
import asyncio

class Connection:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        await asyncio.sleep(0.1)
        print(f"{asyncio.get_running_loop().time():.2f} {self.name} connected")
        return self
    async def __aexit__(self, et, ev, tb):
        await asyncio.sleep(0.1)
        print(f"{asyncio.get_running_loop().time():.2f} {self.name} closed (exception: {et.__name__ if et else None})")
        return False

async def main():
    async with Connection("db") as c:
        print("using", c.name)
    try:
        async with Connection("cache"):
            raise RuntimeError("query failed")
    except RuntimeError as e:
        print("propagated:", e)

asyncio.run(main())
