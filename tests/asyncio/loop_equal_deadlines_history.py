# Equal deadlines with history: earlier pushes and pops change the heap's shape,
# so the same six equal timers fire in a different order.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    seen = []
    def say(msg):
        seen.append(msg)
        print(f"{loop.time():.2f} {msg}")
    def a():
        say("a")
        loop.call_soon(say, "soon-from-a")
        loop.call_later(0, say, "later0-from-a")
    t0 = loop.time()
    loop.call_soon(a)
    loop.call_soon(say, "b")
    loop.call_later(0, say, "later0-top")
    for i in range(6):
        loop.call_at(t0 + 1, say, f"same-when #{i}")
    loop.call_at(t0 + 2, fut.set_result, None)
    await fut
    print(len(seen), "callbacks ran")

asyncio.run(main())
