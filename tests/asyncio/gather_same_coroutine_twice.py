# gather same coroutine twice.
import asyncio

async def once(tag):
    print("running", tag)
    await asyncio.sleep(0.1)
    return tag

async def main():
    c = once("shared")
    print(await asyncio.gather(c, c, once("other")))
    t = asyncio.ensure_future(once("task"))
    print(await asyncio.gather(t, t))
    for bad in (0, -1):
        try:
            s = asyncio.Semaphore(bad)
            print("Semaphore", bad, "ok", s.locked())
        except ValueError as e:
            print("ValueError:", e)
    done, pending = await asyncio.wait([asyncio.create_task(once(i)) for i in range(2)], return_when=asyncio.FIRST_EXCEPTION)
    print(len(done), len(pending))
    print(asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED)

asyncio.run(main())
