# A bytes literal holds ASCII characters only (escapes for the rest).
print("start")
greeting = b"café"
print(greeting)
