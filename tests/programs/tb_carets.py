# Caret lines: ~ marks the operands, ^ the operator or the failing call/subscript.
def show_binop(a, b):
    return a + b * 2 - b // 0

def safe(f, *args):
    try:
        f(*args)
    except ZeroDivisionError as exc:
        print("caught", exc)

safe(show_binop, 1, 2)
data = {"users": [{"name": "ada"}]}
print(data["users"][0]["name"])
value = data["users"][0]["email"].upper()
