import asyncio


class Connection:
    """The async-init idiom: `conn = await Connection(name)`."""

    def __init__(self, name):
        self.name = name
        self.ready = False

    async def _setup(self):
        await asyncio.sleep(0.2)
        self.ready = True
        return self

    def __await__(self):
        return self._setup().__await__()


class Broken:
    def __await__(self):
        yield from asyncio.sleep(0.1).__await__()
        raise ValueError("broken awaitable")


async def main():
    loop = asyncio.get_running_loop()
    conn = await Connection("db")
    print(conn.name, conn.ready, f"{loop.time():.2f}")
    conns = await asyncio.gather(Connection("a"), Connection("b"))
    print([c.name for c in conns], f"{loop.time():.2f}")
    task = asyncio.ensure_future(Connection("c"))
    print(task.get_name(), task.get_coro().__qualname__)
    print((await task).name)
    try:
        await Broken()
    except ValueError as e:
        print("caught", e)
    results = await asyncio.gather(Broken(), Connection("d"), return_exceptions=True)
    print([type(r).__name__ for r in results])
    done, pending = await asyncio.wait([asyncio.ensure_future(Connection("e"))])
    print(len(done), len(pending))
    await Broken()


asyncio.run(main())
