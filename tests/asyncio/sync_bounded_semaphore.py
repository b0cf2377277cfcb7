# BoundedSemaphore refuses to be released more times than acquired.
import asyncio

async def main():
    sem = asyncio.BoundedSemaphore(2)
    await sem.acquire()
    sem.release()
    try:
        sem.release()
    except ValueError as e:
        print("ValueError:", e)
    plain = asyncio.Semaphore(2)
    plain.release()
    print("a plain Semaphore can grow:", plain._value)

asyncio.run(main())
