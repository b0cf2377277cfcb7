# actx class suppress errors.
import asyncio

class Conn:
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

class session:
    def __init__(self, tag):
        self.tag = tag
    async def __aenter__(self):
        print("enter", self.tag)
        return self.tag.upper()
    async def __aexit__(self, et, ev, tb):
        try:
            if et is ZeroDivisionError:
                print("session handled", repr(ev))
                return True
        finally:
            await asyncio.sleep(0.2)
            print("exit", self.tag)

async def main():
    loop = asyncio.get_running_loop()
    async with Conn("db") as c, session("s1") as s:
        print("using", c.name, s)
    async with Conn("x"):
        raise KeyError("suppressed")
    print("after suppressed")
    try:
        async with Conn("y"):
            raise ValueError("escapes")
    except ValueError as e:
        print("caught", e)
    async with session("s2"):
        1 / 0
    print("after zero", f"{loop.time():.2f}")
    try:
        with Conn("z"):
            pass
    except TypeError as e:
        print("TypeError:", e)
    try:
        async with session("s3") as v:
            raise OSError("io")
    except OSError as e:
        print("OSError out", e)
    print("end", f"{loop.time():.2f}")

asyncio.run(main())
