# Blocks indented with tabs (one tab per level), consistently.
def classify(n):
	if n % 2:
		return "odd"
	else:
		return "even"

for i in range(3):
	print(i, classify(i))
class T:
	def m(self):
		return "tab method"
print(T().m())
