# logging's %(asctime)s reads the virtual clock (the epoch 1700000000 plus
# loop time), as time.localtime and time.strftime do.
import logging, time, asyncio
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
async def main():
    logging.info("start")
    await asyncio.sleep(1.5)
    logging.info("after sleep")
    print(time.strftime("%H:%M:%S", time.localtime()), time.gmtime().tm_year)
asyncio.run(main())
