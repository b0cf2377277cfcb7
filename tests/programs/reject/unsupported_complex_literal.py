# Complex number literals are not supported.
print("start")
z = 3 + 4j
print(abs(z))
