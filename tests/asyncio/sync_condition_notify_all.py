import asyncio


def nice(o):
    r = repr(o)
    return r[:r.index(" object at ")] + r[r.index(" ["):]


class Bakery:
    def __init__(self):
        self.cond = asyncio.Condition()
        self.loaves = 0

    async def bake(self, n):
        for _ in range(n):
            await asyncio.sleep(0.1)
            async with self.cond:
                self.loaves += 1
                print(f"baked one, {self.loaves} available")
                self.cond.notify()
        async with self.cond:
            self.loaves += 10
            self.cond.notify_all()

    async def buy(self, who):
        async with self.cond:
            await self.cond.wait_for(lambda: self.loaves > 0)
            self.loaves -= 1
            print(f"{who} bought a loaf, {self.loaves} left")


async def main():
    b = Bakery()
    buyers = [asyncio.create_task(b.buy(f"customer{i}")) for i in range(5)]
    await b.bake(2)
    await asyncio.gather(*buyers)
    print("left", b.loaves)
    c = asyncio.Condition()
    try:
        c.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(nice(c))


asyncio.run(main())
