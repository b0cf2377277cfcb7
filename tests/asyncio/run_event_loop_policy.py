import asyncio
import sys

if sys.platform == "win32":
    asyncio.set_event_loop_policy(asyncio.WindowsSelectorEventLoopPolicy())

policy = asyncio.get_event_loop_policy()
print(type(policy).__name__, policy is asyncio.get_event_loop_policy())
asyncio.set_event_loop_policy(asyncio.DefaultEventLoopPolicy())
loop = asyncio.get_event_loop_policy().new_event_loop()
asyncio.set_event_loop(loop)


async def hello():
    await asyncio.sleep(0.1)
    return "hi"


print(loop.run_until_complete(hello()))
loop.close()
try:
    asyncio.set_event_loop_policy(42)
except TypeError as e:
    print(e)
asyncio.set_event_loop_policy(None)
print(asyncio.run(hello()))
