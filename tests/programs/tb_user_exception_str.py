# The final traceback line of a user exception uses its __str__; a class
# defined in __main__ is shown without the module prefix.
class BudgetExceeded(Exception):
    def __init__(self, spent, limit):
        super().__init__(spent, limit)
        self.spent = spent
        self.limit = limit
    def __str__(self):
        return f"spent {self.spent}, limit is {self.limit}"

class Wallet:
    def __init__(self, limit):
        self.limit = limit
        self.spent = 0
    def pay(self, amount):
        if self.spent + amount > self.limit:
            raise BudgetExceeded(self.spent + amount, self.limit)
        self.spent += amount
        print("paid", amount)

w = Wallet(100)
w.pay(60)
w.pay(50)
