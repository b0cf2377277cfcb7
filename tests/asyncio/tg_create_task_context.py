import asyncio, contextvars
var = contextvars.ContextVar("var", default="default")
async def show(tag):
    print(tag, var.get())
    var.set("changed by " + tag)
async def main():
    ctx = contextvars.copy_context()
    ctx.run(var.set, "in ctx")
    async with asyncio.TaskGroup() as tg:
        tg.create_task(show("a"), context=ctx)
        tg.create_task(show("b"))
        t = tg.create_task(show("c"), context=ctx, name="named")
    print(ctx[var], var.get(), t.get_name())
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(show("d"))
        print(t.remove_done_callback(tg._on_task_done))
        t.add_done_callback(tg._on_task_done)
    print(t.done())
asyncio.run(main())
