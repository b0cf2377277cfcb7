# contextvars across tasks (each runs in a copy of its creator's context), callbacks, to_thread and TaskGroup
# contextvars across tasks, callbacks and threads
import asyncio
import contextvars
import time

request_id = contextvars.ContextVar('request_id', default='-')
user = contextvars.ContextVar('user')


def log(msg):
    print(f"[{request_id.get()}] {msg}")


async def handler(rid, delay):
    request_id.set(rid)
    log(f"start, sleeping {delay}")
    await asyncio.sleep(delay)
    log("done")
    return rid


def blocking(n):
    time.sleep(0.05)
    log(f"in thread {n}")
    request_id.set("thread-changed")
    return request_id.get()


async def child():
    log(f"child sees user={user.get('nobody')}")
    user.set('child')
    log(f"child set user={user.get()}")


async def main():
    log("main begins")
    results = await asyncio.gather(handler("A", 0.2), handler("B", 0.1), handler("C", 0.3))
    print(results)
    log("main after gather")
    request_id.set("main")
    user.set("alice")
    await asyncio.create_task(child())
    log(f"main still sees user={user.get()}")
    r = await asyncio.to_thread(blocking, 1)
    print("thread returned", r)
    log("after thread")
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    loop.call_soon(lambda: (log("callback"), done.set_result(None)))
    await done
    ctx = contextvars.copy_context()
    ctx.run(request_id.set, "in-ctx")
    t = asyncio.create_task(child(), context=ctx)
    await t
    print(ctx[request_id], ctx[user], t.get_context() is ctx)
    loop.call_soon(log, "callback in ctx", context=ctx)
    await asyncio.sleep(0)
    tok = request_id.set("tmp")
    request_id.reset(tok)
    log("after reset")
    async with asyncio.TaskGroup() as tg:
        for i in range(3):
            tg.create_task(handler(f"tg{i}", 0.01 * (3 - i)))
    log("end of main")


request_id.set("top")
asyncio.run(main())
log("after run")
print(user.get("unset at top"))
