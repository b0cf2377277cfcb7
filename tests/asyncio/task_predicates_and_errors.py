# asyncio.iscoroutine / iscoroutinefunction / isfuture, str(Queue), CancelledError and InvalidStateError made by the program.
import asyncio
async def f(): return 1
def g(): pass
class C:
    async def m(self): pass
async def main():
    c = f()
    print(asyncio.iscoroutine(c), asyncio.iscoroutine(g), asyncio.iscoroutinefunction(f), asyncio.iscoroutinefunction(g), asyncio.iscoroutinefunction(C().m))
    t = asyncio.create_task(c)
    print(asyncio.isfuture(t), asyncio.isfuture(c), asyncio.isfuture(asyncio.get_running_loop().create_future()))
    await t
    q = asyncio.Queue(2); q.put_nowait(1)
    print(str(q))
    e = asyncio.CancelledError("giving up")
    print(repr(e), e.args, isinstance(e, BaseException))
    try:
        raise asyncio.InvalidStateError("bad state")
    except asyncio.InvalidStateError as x:
        print("caught", x)
    async def quitter():
        raise asyncio.CancelledError("i quit")
    t2 = asyncio.create_task(quitter())
    try:
        await t2
    except asyncio.CancelledError as x:
        print("cancelled:", t2.cancelled(), x.args)
asyncio.run(main())
