# set_name renames a task; names show up in reprs; non-str names are converted with str().
import asyncio

async def work():
    await asyncio.sleep(0.5)
    return 7

async def main():
    t = asyncio.create_task(work())
    print("before:", t.get_name())
    t.set_name("worker")
    print("after:", t.get_name())
    t.set_name(42)
    print("int name:", repr(t.get_name()))
    t.set_name("worker")
    await asyncio.sleep(0)
    print(repr(t).split(" coro=")[0] + ">")
    await t
    print(repr(t).split(" coro=")[0] + " ...>")

asyncio.run(main())
