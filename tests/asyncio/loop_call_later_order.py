# call_later timers fire in deadline order, not in the order they were armed.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    def fire(name):
        print(f"{loop.time():.2f} timer {name}")
        if name == "last":
            done.set_result(None)
    loop.call_later(0.3, fire, "c (0.3)")
    loop.call_later(0.1, fire, "a (0.1)")
    loop.call_later(0.2, fire, "b (0.2)")
    loop.call_later(0.5, fire, "last")
    loop.call_soon(fire, "soon")
    loop.call_later(0, fire, "later(0)")
    print(f"{loop.time():.2f} armed")
    await done
    print(f"{loop.time():.2f} main done")

asyncio.run(main())
