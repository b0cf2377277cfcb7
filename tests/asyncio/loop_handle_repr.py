import asyncio


def tick(n):
    print("tick", n)


class C:
    def m(self):
        pass


async def main():
    loop = asyncio.get_running_loop()
    h = loop.call_later(1.5, tick, 1)
    print(h)
    h2 = loop.call_soon(tick, 2)
    print(h2)
    print(loop.call_soon(C().m))
    print(loop.call_soon(print, "x"))
    h.cancel()
    print(h)
    print(h2.cancelled(), h.cancelled())
    print([].pop.__qualname__, C().m.__qualname__, print.__qualname__)
    await asyncio.sleep(0.1)


asyncio.run(main())
