# Implicit joining inside brackets and explicit backslash continuation.
total = (1 +
         2 +
         3)
print(total)
items = [
    "a",
    "b",   # comment inside brackets
    "c",
]
print(items)
d = {
    "x": 1,
    "y": 2
}
print(d)
value = 10 + \
        20 + \
        30
print(value)
if value > 50 and \
   total == 6:
    print("both true")
text = ("implicit "
        "string "
        'concatenation')
print(text)
def call(a,
         b,
         c=3):
    return a + b + c
print(call(1,
           2))
numbers = [x * 2
           for x in range(5)
           if x != 2]
print(numbers)
s = 'back\
slash in string'
print(s)
t = (
)
print(t)
print(1 if total
      else 2)
