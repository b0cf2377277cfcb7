# Six tasks that each sleep(1) in the same iteration: with exactly equal deadlines
# CPython's timer heap (heapq, no tie-break) wakes them 0, 2, 5, 4, 1, 3.
import asyncio

order = []

async def sleeper(i):
    await asyncio.sleep(1)
    order.append(i)
    print(f"{asyncio.get_running_loop().time():.2f} sleeper {i} woke")

async def main():
    await asyncio.gather(*(sleeper(i) for i in range(6)))
    print("wake order:", order)

asyncio.run(main())
