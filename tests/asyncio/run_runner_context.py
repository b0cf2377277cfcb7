import asyncio
import contextvars

cv = contextvars.ContextVar("cv", default=0)


async def bump():
    cv.set(cv.get() + 1)
    await asyncio.sleep(0.05)
    return cv.get()


async def show():
    return f"loop time {asyncio.get_running_loop().time():.2f}, cv={cv.get()}"


with asyncio.Runner() as runner:
    print(runner.run(bump()))
    print(runner.run(bump()))
    print(runner.run(show()))
    loop = runner.get_loop()
    print(type(loop).__name__, loop.is_closed())
print("closed after with:", loop.is_closed())

runner = asyncio.Runner(debug=False)
print(runner.run(show()))
runner.close()
try:
    runner.run(show())
except RuntimeError as e:
    print("RuntimeError:", e)

with asyncio.Runner() as r:
    try:
        r.run(asyncio.sleep(0.1, result="x"))
        c = show()
        print(r.run(c))
        r.run(c)
    except RuntimeError as e:
        print("reuse:", e)

cv.set(100)
with asyncio.Runner() as r:
    print(r.run(bump()), cv.get())
    import contextvars as cvs
    own = cvs.copy_context()
    print(r.run(bump(), context=own), own[cv], r.run(show()))
print(asyncio.run(bump()), asyncio.run(show()), cv.get())
