import asyncio, traceback, re

def clean(s):
    return re.sub(r"0x[0-9a-f]+", "0x?", s)

def deep(n):
    if n == 0:
        raise KeyError("bottom")
    return deep(n - 1)

async def worker(i):
    await asyncio.sleep(0.01 * i)
    if i == 2:
        deep(7)
    if i == 3:
        try:
            deep(2)
        except KeyError as e:
            raise ValueError("wrapped") from e
    return i

async def group():
    try:
        async with asyncio.TaskGroup() as tg:
            for i in range(5):
                tg.create_task(worker(i), name=f"w{i}")
    except* KeyError as eg:
        print("keys:", [repr(e) for e in eg.exceptions])
        for e in eg.exceptions:
            print("".join(traceback.format_exception(e)).count("deep"))
    except* ValueError as eg:
        for e in eg.exceptions:
            print(repr(e), repr(e.__cause__), e.__suppress_context__)
            traceback.print_exception(e)

async def main():
    await group()
    t = asyncio.create_task(worker(2))
    await asyncio.sleep(0)
    print(t.get_name().startswith("Task-"))
    try:
        await t
    except KeyError:
        tb = traceback.format_exc()
        print(tb.count("\n"), tb.splitlines()[-1])
    async def canceller():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError as c:
            try:
                raise RuntimeError("during")
            except RuntimeError as r:
                print(repr(r.__context__))
            raise
    c = asyncio.create_task(canceller())
    await asyncio.sleep(0)
    c.cancel("bye")
    try:
        await c
    except asyncio.CancelledError as e:
        print("cancelled:", e.args, c.cancelled())
    e = ValueError("n")
    e.add_note("one"); e.add_note("two")
    try:
        raise e
    except ValueError:
        traceback.print_exc()
    print(clean(repr(t)))

asyncio.run(main())
