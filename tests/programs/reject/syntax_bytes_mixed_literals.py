# Bytes and str literals side by side do not concatenate.
print("start")
header = b"GET " "/index.html"
print(header)
