import asyncio
import sys


async def level3():
    await asyncio.sleep(1)


async def level2():
    await level3()


async def level1():
    await level2()


async def main():
    t = asyncio.create_task(level1(), name="deep")
    print("before start:", [f.f_code.co_name for f in t.get_stack()])
    await asyncio.sleep(0.1)
    stack = t.get_stack()
    print("frames:", [f.f_code.co_name for f in stack])
    print("limit 1:", [f.f_code.co_name for f in t.get_stack(limit=1)])
    t.print_stack(file=sys.stdout)
    coro = t.get_coro()
    print(coro.cr_frame.f_code.co_name, coro.cr_running)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        pass
    print("after cancel:", t.get_stack(), coro.cr_frame)
    t.print_stack(file=sys.stdout)


asyncio.run(main())


async def fails():
    await asyncio.sleep(0.01)
    raise ValueError("broken")


async def outer_fail():
    await fails()


async def second():
    t = asyncio.create_task(outer_fail(), name="failing")
    await asyncio.sleep(0.1)
    print([(f.f_code.co_name, f.f_lineno) for f in t.get_stack()])
    print([f.f_code.co_name for f in t.get_stack(limit=1)])
    t.print_stack(file=sys.stdout)
    t.print_stack()
    print("---", flush=True)
    t.exception()
    c = level3()
    print(c.cr_frame.f_code.co_name, c.cr_frame.f_lineno, c.cr_frame.f_back)
    await c
    print(c.cr_frame)
    done = asyncio.create_task(level2())
    done.cancel()
    await asyncio.sleep(0)
    done.print_stack(file=sys.stdout)


asyncio.run(second())
