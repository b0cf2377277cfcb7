# yield at module level.
values = [1, 2]
yield values
