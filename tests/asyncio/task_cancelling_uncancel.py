# cancelling() counts pending cancel requests; uncancel() decrements it; a task that
# swallows CancelledError finishes normally.
import asyncio

async def stubborn():
    me = asyncio.current_task()
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("stubborn: CancelledError", e.args, "cancelling() =", me.cancelling())
        print("stubborn: uncancel() ->", me.uncancel())
        print("stubborn: uncancel() ->", me.uncancel())
        print("stubborn: uncancel() ->", me.uncancel())
    await asyncio.sleep(0.5)
    return "survived"

async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    print("cancel ->", t.cancel(), "cancelling() =", t.cancelling())
    print("cancel ->", t.cancel("second"), "cancelling() =", t.cancelling())
    print("result:", await t, "cancelled():", t.cancelled())
    print(f"at {asyncio.get_running_loop().time():.2f}")

asyncio.run(main())
