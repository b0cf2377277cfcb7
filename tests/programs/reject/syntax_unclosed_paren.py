# A call whose parenthesis is never closed.
print("this line is fine")
total = max(1, 2
print(total)
