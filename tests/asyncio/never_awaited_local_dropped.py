# A coroutine made and left in a local variable warns when its frame ends:
# at a function's return (on the caller's line), or when a task's coroutine
# returns (on asyncio's Handle._run line); one appended elsewhere does not.
import asyncio


async def compute():
    return 42


def helper():
    c = compute()
    return 1


def sync_caller():
    result = compute()
    print(type(result).__name__)


async def worker():
    c = compute()
    await asyncio.sleep(0.1)
    print("worker done")


async def main():
    helper()
    print("after helper")
    t = asyncio.create_task(worker())
    await t
    print("after worker")
    keep = []

    def stash():
        c = compute()
        keep.append(c)

    stash()
    print("stashed", len(keep))
    print(await keep[0])
    r = compute()
    print(await r)
    try:
        await r
    except RuntimeError as e:
        print(e)


sync_caller()
asyncio.run(main())
print("end")
