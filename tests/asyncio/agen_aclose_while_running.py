# agen aclose while running.
import asyncio

async def agen():
    try:
        yield 1
        await asyncio.sleep(0.5)
        yield 2
    except GeneratorExit:
        print("GeneratorExit in agen")
        raise

async def main():
    g = agen()
    print(await anext(g))
    async def advance():
        return await anext(g)
    step = asyncio.ensure_future(advance())
    await asyncio.sleep(0.1)
    try:
        await g.aclose()
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(await step)
    await g.aclose()
    print(g.ag_running)
    async def bad_agen():
        try:
            yield 1
        finally:
            yield 2
    b = bad_agen()
    await anext(b)
    try:
        await b.aclose()
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
