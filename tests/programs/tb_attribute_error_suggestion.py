# An uncaught AttributeError with a "Did you mean" suggestion.
class Account:
    def __init__(self, owner):
        self.owner = owner
        self.balance = 0

acct = Account("ada")
print(acct.owner)
print(acct.balanse)
