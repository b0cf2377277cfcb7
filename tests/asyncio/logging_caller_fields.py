# logging names the calling function and line (%(funcName)s, %(lineno)d, stacklevel=) from tasks and plain functions
import asyncio
import logging
logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s %(funcName)s:%(lineno)d %(filename)s %(module)s - %(message)s")
log = logging.getLogger(__name__)

def helper():
    log.info("in helper")
    log.warning("stack up", stacklevel=2)

async def worker(n):
    log.info("worker %d start", n)
    await asyncio.sleep(0.1)
    helper()
    log.error("worker %d end", n)

async def main():
    await asyncio.gather(worker(1), worker(2))
    logging.info("root logger in main")

log.info("module level")
asyncio.run(main())
