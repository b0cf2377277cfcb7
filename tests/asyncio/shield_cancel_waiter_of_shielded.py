import asyncio


async def critical(log):
    try:
        await asyncio.sleep(0.3)
        log.append("critical finished")
        return "saved"
    except asyncio.CancelledError:
        log.append("critical cancelled")
        raise


async def waiter(inner, log):
    try:
        return await asyncio.shield(inner)
    except asyncio.CancelledError:
        log.append("waiter cancelled")
        raise


async def main():
    log = []
    inner = asyncio.create_task(critical(log), name="critical")
    w = asyncio.create_task(waiter(inner, log), name="waiter")
    await asyncio.sleep(0.1)
    w.cancel("stop waiting")
    try:
        await w
    except asyncio.CancelledError as e:
        print("waiter result: cancelled", e.args)
    print("inner done?", inner.done(), "cancelled?", inner.cancelled())
    print("result later:", await inner)
    print(log)
    print(w)


asyncio.run(main())
