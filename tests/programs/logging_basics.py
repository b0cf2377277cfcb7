import logging
import asyncio
logging.warning("plain %s", "warn")
logging.info("hidden")
log = logging.getLogger("app.db")
log.warning("child %d", 3)
log.debug("no")
print(logging.getLogger(), log, logging.getLogger("app"), log.parent.name, logging.getLevelName(20), logging.getLevelName("ERROR"), logging.getLevelName(5))
logging.basicConfig(level=logging.DEBUG, format="%(levelname)-8s %(name)s %(threadName)s: %(message)s", force=True)
log.debug("now %s", "visible")
logging.getLogger("app").setLevel(logging.ERROR)
log.warning("filtered by parent")
log.error("error passes")
try:
    1 / 0
except ZeroDivisionError:
    log.exception("boom")
h = logging.StreamHandler()
import sys
h2 = logging.StreamHandler(sys.stdout)
h2.setFormatter(logging.Formatter("[{levelname}] {name}: {message}", style="{"))
other = logging.getLogger("other")
other.addHandler(h2)
other.propagate = False
other.warning("to stdout")
other.info("not shown: level from root is DEBUG? %s", other.getEffectiveLevel())
print(other.getEffectiveLevel(), other.isEnabledFor(logging.INFO), h2)
quiet = logging.getLogger("quiet")
quiet.propagate = False
quiet.warning("last resort")
async def job(n):
    logging.getLogger("task").info("job %d in %s", n, "task")
    await asyncio.sleep(0)
async def main():
    await asyncio.gather(job(1), job(2))
logging.getLogger().setLevel(logging.INFO)
asyncio.run(main())
logging.critical("crit")
logging.log(logging.WARNING, "via log")

rec = logging.LogRecord("r", logging.INFO, "p.py", 1, "m %s", ("x",), None)
rec.created = 1700000000.25
rec.msecs = 250.0
f = logging.Formatter("%(asctime)s %(message)s")
print(f.formatTime(rec), f.formatTime(rec, "%d/%m/%Y %I:%M:%S %p %a %b %j"), f.format(rec))
rec.created = 1709251199.0
print(f.formatTime(rec, "%Y-%m-%d %H:%M:%S %A %B"))
print(logging.getLevelName(logging.WARNING), logging.DEBUG, logging.CRITICAL)
