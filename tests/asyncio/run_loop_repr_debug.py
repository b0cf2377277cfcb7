import asyncio

async def m():
    l = asyncio.get_running_loop()
    print(l, l.get_debug())
    l.set_debug(True)
    print(l)

r = asyncio.Runner()
r.close()
print(r.run(m()))
r.close()
l = asyncio.new_event_loop()
print(l)
l.close()
print(l)
print(type(l).__module__, type(l).__qualname__, asyncio.SelectorEventLoop)
asyncio.run(m(), debug=True)
with asyncio.Runner(debug=True) as r2:
    print(r2.get_loop())
