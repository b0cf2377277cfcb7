import asyncio


def bad_callback(fut):
    print("callback sees", fut.result())
    raise ValueError(f"callback failed for {fut.get_name()}")


async def work():
    await asyncio.sleep(0.1)
    return 42


async def main():
    t = asyncio.create_task(work(), name="worker-1")
    t.add_done_callback(bad_callback)
    t.add_done_callback(lambda f: print("second callback still runs"))
    print("awaited:", await t)
    await asyncio.sleep(0)
    print("main continues")


asyncio.run(main())
print("exit normally")
