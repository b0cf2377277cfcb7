import asyncio
async def stubborn():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("ignoring cancel once")
        await asyncio.sleep(0.5)
        return "finished anyway"
async def main():
    try:
        r = await asyncio.wait_for(stubborn(), timeout=1)
        print("result", r)
    except TimeoutError:
        print("timeout")
    print(f"{asyncio.get_running_loop().time():.2f}")
    done, pending = await asyncio.wait([asyncio.create_task(asyncio.sleep(s, result=s)) for s in (0.2, 0.4, 3)], timeout=0.5)
    print(sorted(t.result() for t in done), len(pending))
    for t in pending:
        t.cancel()
asyncio.run(main())
