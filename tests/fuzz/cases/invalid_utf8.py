x = 'ok'
y = 'ÿşÃ'
print(x, y)
