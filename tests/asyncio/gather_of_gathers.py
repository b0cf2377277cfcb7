import asyncio


async def leaf(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise RuntimeError(f"{name} failed")
    return name


async def main():
    g1 = asyncio.gather(leaf("a", 0.1), leaf("b", 0.2))
    g2 = asyncio.gather(leaf("c", 0.3), leaf("d", 0.05))
    outer = await asyncio.gather(g1, g2, leaf("e", 0.15))
    print(outer)

    inner_bad = asyncio.gather(leaf("x", 0.1), leaf("y", 0.2, fail=True), return_exceptions=True)
    inner_ok = asyncio.gather(leaf("z", 0.3))
    print(await asyncio.gather(inner_bad, inner_ok))

    g3 = asyncio.gather(leaf("p", 0.1, fail=True), leaf("q", 0.4))
    g4 = asyncio.gather(g3, leaf("r", 0.2), return_exceptions=True)
    print(await g4)
    print("g3 done:", g3.done(), repr(g3.exception()))
    await asyncio.sleep(0.5)
    print(type(g3).__name__, g3)


asyncio.run(main())
