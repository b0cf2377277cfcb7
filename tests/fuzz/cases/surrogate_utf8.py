x = "í €"
print(len(x))
