import asyncio


class Sensor:
    def __init__(self, name):
        self.name = name

    def read(self, n):
        raise RuntimeError(f"{self.name} failed on read {n}")

    def __repr__(self):
        return f"Sensor({self.name!r})"


def plain(x):
    return 1 / x


async def main():
    loop = asyncio.get_running_loop()
    s = Sensor("temp")
    loop.call_soon(s.read, 1)
    loop.call_later(0.123456, s.read, 2)
    loop.call_soon(plain, 0)
    loop.call_later(0.5, plain, 0)
    items = []
    loop.call_soon(items.pop)
    loop.call_later(0.25, items.pop)
    d = {}
    loop.call_soon(d.__getitem__, "k")
    loop.call_soon(print, "hello", "world")
    loop.call_later(0.3, lambda: 1 / 0)
    await asyncio.sleep(1)
    print("end")


asyncio.run(main())
