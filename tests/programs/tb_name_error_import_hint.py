# Using a standard module without importing it: 3.12 suggests the import.
def now():
    return time.monotonic()

print("calling now()")
now()
