# under logging at DEBUG, each new loop logs its selector on the asyncio logger
import asyncio
import logging
logging.basicConfig(level=logging.DEBUG, format="%(levelname)s:%(name)s:%(message)s")
async def main():
    logging.debug("inside main")
    await asyncio.sleep(0.1)
asyncio.run(main())
loop = asyncio.new_event_loop()
loop.run_until_complete(main())
loop.close()
