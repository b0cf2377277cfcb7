# run main cancelled msg.
import asyncio

async def main():
    me = asyncio.current_task()
    asyncio.get_running_loop().call_later(0.5, me.cancel, "shutting down")
    await asyncio.sleep(2)

asyncio.run(main())
