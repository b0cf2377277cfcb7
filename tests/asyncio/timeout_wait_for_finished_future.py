import asyncio


async def quick():
    return "quick"


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.set_result("already")
    print(await asyncio.wait_for(fut, timeout=0))
    print(await asyncio.wait_for(fut, timeout=1))
    t = asyncio.create_task(quick())
    await asyncio.sleep(0)
    print(t.done(), await asyncio.wait_for(t, 0))
    try:
        print(await asyncio.wait_for(quick(), timeout=0))
    except TimeoutError:
        print("timeout 0 on a fresh coroutine")
    try:
        await asyncio.wait_for(asyncio.sleep(1), timeout=-1)
    except TimeoutError as e:
        print("negative timeout", repr(e))
    failed = loop.create_future()
    failed.set_exception(KeyError("k"))
    try:
        await asyncio.wait_for(failed, timeout=5)
    except KeyError as e:
        print("finished future with exception:", repr(e))
    print(await asyncio.wait_for(asyncio.sleep(0.1, result="none timeout"), None))


asyncio.run(main())
