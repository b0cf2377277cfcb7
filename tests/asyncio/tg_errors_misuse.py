# TaskGroup misuse messages.
import asyncio

async def noop():
    pass

async def main():
    tg = asyncio.TaskGroup()
    c = noop()
    try:
        tg.create_task(c)
    except RuntimeError as e:
        print("RuntimeError:", str(e).replace(repr(tg), "TG"))
    c.close()
    async with tg:
        tg.create_task(noop())
    c = noop()
    try:
        tg.create_task(c)
    except RuntimeError as e:
        print("RuntimeError:", str(e).replace(repr(tg), "TG"))
    c.close()

asyncio.run(main())
