import asyncio
import contextvars
import logging

request_id = contextvars.ContextVar("request_id", default="none")


class RequestFilter(logging.Filter):
    def filter(self, record):
        record.request_id = request_id.get()
        return True


handler = logging.StreamHandler()
handler.setFormatter(logging.Formatter("[%(request_id)s] %(levelname)s %(message)s"))
handler.addFilter(RequestFilter())
log = logging.getLogger("app")
log.addHandler(handler)
log.setLevel(logging.INFO)


async def db_query(q):
    log.info("query %r", q)
    await asyncio.sleep(0.05)


async def handle(rid):
    request_id.set(rid)
    log.info("start")
    await db_query(f"select {rid}")
    await asyncio.sleep(0.1)
    log.info("end")


async def main():
    await asyncio.gather(handle("r1"), handle("r2"))
    log.info("all done")
    ctx = contextvars.copy_context()
    ctx.run(request_id.set, "in-ctx")
    print(ctx[request_id], request_id.get())


asyncio.run(main())
