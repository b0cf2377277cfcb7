# lesson retry backoff.
import asyncio

attempts = {"n": 0}

async def flaky():
    attempts["n"] += 1
    await asyncio.sleep(0.1)
    if attempts["n"] < 4:
        raise ConnectionError(f"attempt {attempts['n']}")
    return "success"

async def with_retry(fn, tries, base):
    loop = asyncio.get_running_loop()
    for k in range(tries):
        try:
            return await asyncio.wait_for(fn(), timeout=1)
        except ConnectionError as e:
            delay = base * 2 ** k
            print(f"{loop.time():.2f} failed: {e}; retry in {delay}")
            await asyncio.sleep(delay)
    raise RuntimeError("gave up")

async def main():
    print(await with_retry(flaky, 5, 0.25))
    attempts["n"] = -10
    try:
        await with_retry(flaky, 2, 0.1)
    except RuntimeError as e:
        print("error:", e, repr(e.__context__))

asyncio.run(main())
