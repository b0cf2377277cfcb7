# A coroutine never awaited that `del` lets go of is reported on the line of
# the del, in a function, at module level and in a task.
import asyncio

async def op():
    pass

def f():
    x = op()
    del x
    print("after del")

async def main():
    t = op()
    del t
    print("in main")

f()
y = op()
del y
print("module level")
asyncio.run(main())
