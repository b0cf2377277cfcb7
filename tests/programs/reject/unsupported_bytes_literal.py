# Bytes literals are not supported.
print("start")
data = b"\x00\x01"
print(len(data))
