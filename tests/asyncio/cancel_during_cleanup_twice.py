import asyncio


class Connection:
    def __init__(self, name):
        self.name = name
        self.open = True

    async def close(self):
        print(f"{self.name}: closing...")
        await asyncio.sleep(0.2)
        self.open = False
        print(f"{self.name}: closed")


async def session(conn):
    try:
        await asyncio.sleep(10)
    finally:
        try:
            await conn.close()
        except asyncio.CancelledError:
            print(f"{conn.name}: cleanup interrupted, open={conn.open}")
            raise


async def main():
    c1 = Connection("c1")
    t = asyncio.create_task(session(c1))
    await asyncio.sleep(0.1)
    t.cancel()
    await asyncio.sleep(0.1)
    print("cancelling:", t.cancelling())
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled; cancelling() =", t.cancelling())
    c2 = Connection("c2")
    t2 = asyncio.create_task(session(c2))
    await asyncio.sleep(0.1)
    t2.cancel()
    await t2 if False else None
    done, _ = await asyncio.wait([t2])
    print(t2.cancelled(), c2.open)


asyncio.run(main())
