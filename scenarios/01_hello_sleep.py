"""Hello, event loop: asyncio.run and await asyncio.sleep

What to watch for: calling greet() only builds a coroutine object; nothing runs
until it is awaited. asyncio.run starts the loop with main() as its one task.
At each `await asyncio.sleep(...)` that task gives the thread back: the ready
queue is empty, a single timer waits in the heap, and the loop jumps straight to
it. With only one task there is nothing to overlap, so this takes as long as
plain sequential code.
"""
import asyncio


async def greet(name, pause):
    loop = asyncio.get_running_loop()
    print(f"{loop.time():.2f}  hello, {name}")
    await asyncio.sleep(pause)          # suspend: the loop waits on a timer
    print(f"{loop.time():.2f}  goodbye, {name} (after {pause} s)")
    return len(name)


async def main():
    pending = greet("world", 1)         # a coroutine object; greet has not started
    print("greet(...) returned a", type(pending).__name__)
    n = await pending                   # now it runs, inside main's task
    m = await greet("loop", 0.5)
    print(f"main got {n} and {m}; asyncio.run closes the loop")


asyncio.run(main())
