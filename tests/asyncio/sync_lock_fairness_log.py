import asyncio
import logging

logging.basicConfig(level=logging.INFO, format="%(relativeCreated)6.0fms %(taskName)s %(message)s")
log = logging.getLogger(__name__)


class Account:
    def __init__(self, balance):
        self.balance = balance
        self.lock = asyncio.Lock()

    async def withdraw(self, amount):
        async with self.lock:
            log.info("checking %d", amount)
            if self.balance < amount:
                log.warning("insufficient funds for %d", amount)
                return False
            await asyncio.sleep(0.1)
            self.balance -= amount
            log.info("withdrew %d, left %d", amount, self.balance)
            return True


async def main():
    acct = Account(100)
    results = await asyncio.gather(*(asyncio.create_task(acct.withdraw(a), name=f"w{a}") for a in (60, 30, 20)))
    print(results, acct.balance)


asyncio.run(main())
