# return at module level.
print("start")
x = 1
return x
