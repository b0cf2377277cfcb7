# Event.set() wakes every waiter; they resume in FIFO order in the next iteration.
import asyncio

async def waiter(ev, name):
    print(f"{name} waiting")
    await ev.wait()
    print(f"{asyncio.get_running_loop().time():.2f} {name} saw the event")

async def main():
    ev = asyncio.Event()
    ts = [asyncio.create_task(waiter(ev, f"E{i}")) for i in range(3)]
    await asyncio.sleep(1)
    print("is_set:", ev.is_set())
    ev.set()
    print("set; is_set:", ev.is_set())
    await asyncio.gather(*ts)
    print("wait on a set event returns", await ev.wait())
    ev.clear()
    try:
        await asyncio.wait_for(ev.wait(), 0.5)
    except TimeoutError:
        print(f"{asyncio.get_running_loop().time():.2f} cleared event: wait timed out")

asyncio.run(main())
