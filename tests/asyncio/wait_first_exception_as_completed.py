import asyncio
async def fetch(n, fail=False):
    await asyncio.sleep(n / 10)
    if fail:
        raise RuntimeError(f"fetch {n} broke")
    return n
async def main():
    tasks = [asyncio.create_task(fetch(n, fail=(n == 3)), name=f"fetch-{n}") for n in (5, 3, 8, 1)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(sorted(t.get_name() for t in done), sorted(t.get_name() for t in pending))
    for t in pending:
        t.cancel()
    for coro in asyncio.as_completed(tasks):
        try:
            print("got", await coro)
        except Exception as e:
            print("error", type(e).__name__, e)
asyncio.run(main())
