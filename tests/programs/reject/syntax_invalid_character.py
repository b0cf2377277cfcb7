# A character that is not part of Python's syntax.
price = 5
total = price $ 2
