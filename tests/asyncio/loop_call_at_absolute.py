import asyncio


async def main():
    loop = asyncio.get_running_loop()
    base = loop.time()
    events = []
    for offset in (0.5, 0.1, 0.3):
        loop.call_at(base + offset, lambda o=offset: events.append((o, round(loop.time() - base, 2))))
    h = loop.call_at(base - 1, events.append, "past")
    await asyncio.sleep(0)
    print(events)
    await asyncio.sleep(0.6)
    print(events)
    print(h.cancelled(), f"{h.when() - base:.1f}")
    fired = asyncio.Event()
    loop.call_at(loop.time() + 0.25, fired.set)
    await fired.wait()
    print(f"{loop.time() - base:.2f}")


asyncio.run(main())
