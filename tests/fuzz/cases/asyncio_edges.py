# asyncio with absurd times and self-awaits
import asyncio
async def selfawait():
    await asyncio.current_task()
async def main():
    for aw in (lambda: asyncio.sleep(1e300), lambda: asyncio.sleep(float('nan')), lambda: asyncio.sleep(-1),
               lambda: asyncio.wait_for(asyncio.sleep(1), float('nan')), lambda: selfawait()):
        try:
            await asyncio.wait_for(aw(), 5)
            print('ok')
        except BaseException as e:
            print(type(e).__name__, e)
    loop = asyncio.get_running_loop()
    loop.call_later(-1e300, print, 'neg')
    loop.call_at(float('inf'), print, 'inf')
    await asyncio.sleep(0)
asyncio.run(main())
