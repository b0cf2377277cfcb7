# datetime's errors as CPython's C module words them (no frames of the module),
# and the values around them.
from datetime import datetime, date, time, timedelta, timezone
import datetime as dtm
import warnings

def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

attempt(lambda: datetime(2023, 13, 1))
attempt(lambda: datetime(2023, 2, 29))
attempt(lambda: datetime(2023, 1, 1, 24))
attempt(lambda: datetime(2023, 1, 1, 1, 60))
attempt(lambda: datetime(2023, 1, 1, 1, 1, 60))
attempt(lambda: datetime(2023, 1, 1, 1, 1, 1, 1000000))
attempt(lambda: date(0, 1, 1))
attempt(lambda: date(2023, 1, 1.5))
attempt(lambda: datetime(2023, 1, 1) - 5)
attempt(lambda: datetime(2023, 1, 1) + 5)
attempt(lambda: 5 + date(2023, 1, 1))
attempt(lambda: datetime(2023, 1, 1) < 5)
attempt(lambda: datetime(2023, 1, 1) == 5)
attempt(lambda: date(2023, 1, 1) < datetime(2023, 1, 1))
attempt(lambda: datetime(2023, 1, 1) < date(2023, 1, 1))
attempt(lambda: datetime(2023, 1, 1) - date(2023, 1, 1))
attempt(lambda: datetime(2023, 1, 1) < datetime(2023, 1, 1, tzinfo=timezone.utc))
attempt(lambda: datetime(2023, 1, 1) == datetime(2023, 1, 1, tzinfo=timezone.utc))
attempt(lambda: datetime(2023, 1, 1) - datetime(2023, 1, 1, tzinfo=timezone.utc))
attempt(lambda: datetime(2023, 1, 1, 1, tzinfo=timezone(timedelta(hours=1))) == datetime(2023, 1, 1, tzinfo=timezone.utc))
attempt(lambda: datetime.fromisoformat("2023-11-14 25:00"))
attempt(lambda: datetime.fromisoformat("nope"))
attempt(lambda: datetime.strptime("2023-11-14", "%d/%m/%Y"))
attempt(lambda: datetime.strptime("2023-11-14 extra", "%Y-%m-%d"))
attempt(lambda: timedelta(days="1"))
attempt(lambda: timedelta(days=1) + 1)
attempt(lambda: timedelta(days=1000000000))
attempt(lambda: timedelta(seconds=10) / 0)
attempt(lambda: date.max + timedelta(days=1))
attempt(lambda: timezone(timedelta(hours=24)))
attempt(lambda: datetime(2023, 1, 1, tzinfo=5))
attempt(lambda: date(2023, 1, 1).hour)
attempt(lambda: datetime.now().foo)
attempt(lambda: timedelta(hours=1) < 5)
attempt(lambda: timedelta(hours=1) == 3600)
print(timedelta(hours=2) * 1.5, timedelta(hours=1) / 7, 3 * timedelta(seconds=1.1), timedelta(minutes=90).total_seconds())
print(date(2023, 12, 31).isocalendar(), date(2021, 1, 1).isocalendar(), date(2023, 1, 1).isocalendar().week)
print(date.fromordinal(738000), date(2023, 5, 17).toordinal(), date.fromisocalendar(2023, 1, 1))
print(datetime(2000, 1, 1).timestamp(), datetime.fromtimestamp(1e9, timezone.utc), datetime.fromtimestamp(-1.5, timezone.utc))
with warnings.catch_warnings(record=True) as ws:
    warnings.simplefilter("always")
    datetime.utcfromtimestamp(0)
    datetime.utcnow()
for w in ws:
    print(w.category.__name__, w.message)
print(datetime(2023, 1, 1, 12, tzinfo=timezone.utc) - datetime(2023, 1, 1, 12, tzinfo=timezone(timedelta(hours=2))))
print(type(datetime.now()), type(timedelta()), date.today() - date.today(), timezone.utc.utcoffset(None), timezone.utc.tzname(None))
print(f"{date(2023, 1, 5):%d.%m.%Y}", "{:%Y}".format(datetime(1999, 1, 1)), f"{timedelta(seconds=5)}", f"{date(2023,1,5)}")
print(f"{date(2023, 1, 5)!r:>40}")
d = datetime(2023, 1, 1, 10, 0)
print(d.replace(hour=11) > d, max(d, d.replace(minute=5)), d.weekday(), d.isoformat(" "), d.isoformat(timespec="hours"))
datetime(2023, 2, 30)
