# A block header with no indented body.
def greet(name):
return "hello " + name
print(greet("x"))
