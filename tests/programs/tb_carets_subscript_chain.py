# Nested subscripts: ~ under the container expression, ^ under the bad index.
grid = [[1, 2], [3, 4]]
row = 1
print(grid[row][1])
print(grid[row][row + 1])
