import time

t = time.gmtime(0)
print(t, t[0], t.tm_zone, t.tm_gmtoff, len(t))
print(time.strftime('%a %A %b %B %c|%d %H %I %j %m %M %p %S %U %w %W %x %X %y %Y %Z %z %% %e %D %T %F %R %k %l %s %u %V %G', time.gmtime(1700000000)))
for s in (0, 86400 * 3, 1e9, 1.7e9 + 86400 * 50, 1704067200, 1735603200, 1609459200, -86400 * 400, 951782400):
    print(time.strftime('%Y-%m-%d %j %U %W %V %G %a', time.gmtime(s)), time.asctime(time.gmtime(s)))
print(time.mktime(time.gmtime(1700000000)))
print(time.strftime('%q %f'))
print(time.gmtime(-1.5), time.gmtime(1.9))
print(time.struct_time, type(t).__name__)
print(time.localtime(1700000000.7))
year, month, *rest = time.localtime()
print(year, month, rest)
try:
    time.gmtime('x')
except Exception as e:
    print(type(e).__name__, e)
try:
    time.strftime('%Y', (1, 2))
except Exception as e:
    print(type(e).__name__, e)
print(time.strftime('%Y', (2024, 1, 1, 0, 0, 0, 0, 1, -1)))
print(time.strftime('%Z %z'), time.strftime('%Z', time.gmtime()), time.tzname, time.timezone)
print(time.ctime(1e9), time.asctime(), repr(time.strftime('')))
print(time.localtime() == time.gmtime(), time.localtime()[:3])
print(round(time.process_time(), 1), round(time.thread_time(), 1))
time.sleep(100)
print(time.ctime(), time.strftime("[%H:%M:%S]"))
