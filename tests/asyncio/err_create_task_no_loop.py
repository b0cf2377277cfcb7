import asyncio


async def job(n):
    await asyncio.sleep(0.1)
    return n


def main():
    task = asyncio.create_task(job(1))
    print(task)


main()
