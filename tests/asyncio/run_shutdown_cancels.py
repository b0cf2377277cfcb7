# When main returns, asyncio.run cancels the tasks still pending; they may clean up.
import asyncio

async def background(name, d):
    try:
        await asyncio.sleep(d)
        print(name, "finished")
    except asyncio.CancelledError:
        print(f"{asyncio.get_running_loop().time():.2f} {name} cancelled at shutdown")
        await asyncio.sleep(0.5)
        print(f"{asyncio.get_running_loop().time():.2f} {name} cleanup done")
        raise

keep = []

async def main():
    keep.append(asyncio.create_task(background("quick", 0.5)))
    keep.append(asyncio.create_task(background("bg", 3600)))
    await asyncio.sleep(1)
    print(f"{asyncio.get_running_loop().time():.2f} main returns")
    return "value"

print("asyncio.run ->", asyncio.run(main()))
print("bg cancelled:", keep[1].cancelled())
