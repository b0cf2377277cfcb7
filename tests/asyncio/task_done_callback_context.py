import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="-")


def on_done(task):
    print(f"callback for {task.get_name()}: request_id={request_id.get()}")


async def handler(n):
    request_id.set(f"req-{n}")
    await asyncio.sleep(0.1 * n)
    return n


async def main():
    request_id.set("main")
    tasks = []
    for n in (1, 2):
        t = asyncio.create_task(handler(n), name=f"h{n}")
        t.add_done_callback(on_done)
        tasks.append(t)
    request_id.set("main-later")
    ctx = contextvars.copy_context()
    t3 = asyncio.create_task(handler(3), name="h3")
    request_id.set("changed")
    t3.add_done_callback(on_done, context=ctx)
    await asyncio.gather(*tasks, t3)
    fut = asyncio.get_running_loop().create_future()
    request_id.set("future-time")
    fut.add_done_callback(lambda f: print("future cb sees", request_id.get()))
    request_id.set("after-add")
    fut.set_result(1)
    await asyncio.sleep(0)
    print("main sees", request_id.get())


asyncio.run(main())


def setter(fut):
    request_id.set("set-in-callback")
    print("callback set", request_id.get())


async def more():
    request_id.set("more")
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(setter)
    fut.add_done_callback(on_done_f)
    fut.add_done_callback(setter)
    print(fut)
    print("removed", fut.remove_done_callback(setter))
    print(fut)
    fut.set_result(None)
    await asyncio.sleep(0)
    print("more sees", request_id.get())


def on_done_f(fut):
    print("on_done_f sees", request_id.get())


asyncio.run(more())
