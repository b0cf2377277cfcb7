# Queue: FIFO, qsize, full/empty, QueueFull and QueueEmpty on the _nowait methods.
import asyncio

async def main():
    q = asyncio.Queue(maxsize=2)
    q.put_nowait("a")
    q.put_nowait("b")
    print("qsize:", q.qsize(), "full:", q.full(), "empty:", q.empty())
    try:
        q.put_nowait("c")
    except asyncio.QueueFull:
        print("QueueFull")
    print(q.get_nowait(), q.get_nowait())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    print("maxsize:", q.maxsize)

asyncio.run(main())
