import asyncio
async def main():
    loop = asyncio.get_running_loop()
    for call in (lambda: loop.call_soon(), lambda: loop.call_later(), lambda: loop.call_later(1),
                 lambda: loop.call_at(), lambda: loop.call_at(1), lambda: loop.call_soon_threadsafe(),
                 lambda: loop.call_soon(print, x=1), lambda: loop.call_at(1, print, x=1),
                 lambda: loop.call_soon_threadsafe(print, y=2), lambda: loop.call_soon(42),
                 lambda: loop.call_later(1, "s"), lambda: loop.call_later("1", print),
                 lambda: loop.run_in_executor(), lambda: loop.create_task(), lambda: loop.create_future(1)):
        try:
            call()
        except TypeError as e:
            print(e)
asyncio.run(main())


async def debug_checks():
    loop = asyncio.get_running_loop()
    for call in (lambda: loop.call_soon(42), lambda: loop.call_later(1, "s"),
                 lambda: loop.call_at(loop.time() + 1, None)):
        try:
            call()
        except TypeError as e:
            print("debug:", e)

asyncio.run(debug_checks(), debug=True)
