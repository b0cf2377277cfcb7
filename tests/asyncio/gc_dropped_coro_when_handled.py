import asyncio


async def job(n):
    await asyncio.sleep(0.1)
    return n


def start():
    try:
        asyncio.create_task(job(1))
    except RuntimeError as e:
        print("error:", e)
    print("after create_task")


start()
print("next")
try:
    asyncio.wait_for(job(2), "x")
except Exception as e:
    print(type(e).__name__, e)
print("after wait_for")


async def main():
    try:
        await asyncio.wait_for(job(3), timeout="bad")
    except TypeError as e:
        print("TypeError", e)
    print("in main")
    try:
        asyncio.run(job(4))
    except RuntimeError as e:
        print("error:", e)
    print("after nested run")
    try:
        await asyncio.gather(job(5), job(6), return_exceptionz=True)
    except TypeError as e:
        print("TypeError", e)
    print("after gather")


asyncio.run(main())
print("end")
