# nonlocal at module level.
nonlocal count
count = 0
