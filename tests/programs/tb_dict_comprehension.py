# A failing dict comprehension at module level: still no extra frame.
prices = {"tea": "3", "cake": "x"}
as_ints = {name: int(price) for name, price in prices.items()}
