# err learner typeerrors.
import asyncio
import time

async def job(n):
    await asyncio.sleep(n)
    return n

async def main():
    try:
        await job
    except TypeError as e:
        print("1", e)
    try:
        await time.sleep(0.1)
    except TypeError as e:
        print("2", e)
    c1, c2 = job(0.1), job(0.2)
    print(await asyncio.gather(c1, c2))
    try:
        with asyncio.timeout(1):
            pass
    except TypeError as e:
        print("4", e)
    try:
        with asyncio.TaskGroup():
            pass
    except TypeError as e:
        print("5", e)
    try:
        async with asyncio.Lock:
            pass
    except TypeError as e:
        print("6", e)
    try:
        await asyncio.sleep(0.1, result=1, extra=2)
    except TypeError as e:
        print("7", e)
    c = job(1)
    try:
        asyncio.gather(c, return_exception=True)
    except TypeError as e:
        print("8", e)
    c.close()
    c = job(0.1)
    try:
        await asyncio.wait_for(c)
    except TypeError as e:
        print("9", e)
    c.close()
    try:
        asyncio.Queue().put_nowait()
    except TypeError as e:
        print("10", e)
    items = [1, 2]
    try:
        [x async for x in items]
    except TypeError as e:
        print("11", e)

asyncio.run(main())
