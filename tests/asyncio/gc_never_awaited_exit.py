# A coroutine kept in a global is only freed at interpreter exit (sys:1).
import asyncio

async def job():
    pass

pending = job()
print("end of program")
