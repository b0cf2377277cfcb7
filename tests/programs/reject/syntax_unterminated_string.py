# A string literal that runs to the end of the line.
print("start")
message = "hello
print(message)
