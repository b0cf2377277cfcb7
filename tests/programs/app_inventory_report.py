# Inventory bookkeeping with dicts, sorting, comprehensions and formatting.
stock = {
    "apple": {"price": 0.5, "qty": 120, "tags": ["fruit", "red"]},
    "banana": {"price": 0.25, "qty": 0, "tags": ["fruit", "yellow"]},
    "carrot": {"price": 0.1, "qty": 300, "tags": ["vegetable"]},
    "durian": {"price": 7.0, "qty": 3, "tags": ["fruit", "smelly"]},
}
orders = [("apple", 30), ("banana", 5), ("carrot", 250), ("egg", 12), ("durian", 3), ("carrot", 100)]

def fulfil(name, qty):
    item = stock.get(name)
    if item is None:
        return f"{name}: unknown item"
    if item["qty"] < qty:
        return f"{name}: only {item['qty']} left, wanted {qty}"
    item["qty"] -= qty
    return f"{name}: shipped {qty} for {qty * item['price']:.2f}"

for name, qty in orders:
    print(fulfil(name, qty))

value = {name: round(item["price"] * item["qty"], 2) for name, item in stock.items()}
print(value)
print("out of stock:", [n for n, item in stock.items() if item["qty"] == 0])
by_tag = {}
for name, item in stock.items():
    for tag in item["tags"]:
        by_tag.setdefault(tag, []).append(name)
print(dict(sorted(by_tag.items())))
print(f"{'item':<8}|{'qty':>5}|{'value':>8}")
print("-" * 23)
for name in sorted(stock, key=lambda n: (-value[n], n)):
    print(f"{name:<8}|{stock[name]['qty']:>5}|{value[name]:>8.2f}")
print(f"{'total':<8}|{sum(i['qty'] for i in stock.values()):>5}|{sum(value.values()):>8.2f}")
