import asyncio


async def compute(x):
    await asyncio.sleep(0.1)
    return x * x


def main():
    loop = asyncio.new_event_loop()
    try:
        print(loop.run_until_complete(compute(3)))
        t = loop.create_task(compute(4), name="sq4")
        print(t)
        print(loop.run_until_complete(t))
        print(t)
        fut = loop.create_future()
        loop.call_later(0.2, fut.set_result, "timer")
        print(loop.run_until_complete(fut))
        print(f"{loop.time():.2f}", loop.is_running(), loop.is_closed())
    finally:
        loop.close()
    print(loop.is_closed())
    try:
        loop.run_until_complete(compute(5))
    except RuntimeError as e:
        print("RuntimeError:", e)
    loop2 = asyncio.new_event_loop()
    asyncio.set_event_loop(loop2)
    print(loop2.run_until_complete(asyncio.gather(compute(1), compute(2))))
    loop2.close()


main()
