# A small program in the style of a lesson: accounts, transfers, errors, a report.
class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot pay {amount}: balance is {account.balance}")
        self.account = account
        self.amount = amount

class Account:
    next_number = 1000

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.number = Account.next_number
        Account.next_number += 1
        self.history = []

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("withdraw", amount))

    def __repr__(self):
        return f"Account({self.owner!r}, #{self.number}, balance={self.balance})"

class Bank:
    def __init__(self):
        self.accounts = {}

    def open(self, owner, balance=0):
        account = Account(owner, balance)
        self.accounts[account.number] = account
        return account

    def transfer(self, source, target, amount):
        try:
            source.withdraw(amount)
        except InsufficientFunds as exc:
            print("  transfer refused:", exc)
            return False
        else:
            target.deposit(amount)
            return True
        finally:
            print(f"  transfer {source.owner} -> {target.owner} of {amount} attempted")

    def total(self):
        return sum(a.balance for a in self.accounts.values())

bank = Bank()
alice = bank.open("alice", 100)
bob = bank.open("bob")
print(alice, bob)
print(bank.transfer(alice, bob, 30))
print(bank.transfer(bob, alice, 50))
for amount in (10, -5, 20):
    try:
        bob.deposit(amount)
    except ValueError as exc:
        print("  rejected:", exc)
print(alice, bob)
print("total", bank.total())
for number, acct in sorted(bank.accounts.items()):
    print(number, acct.owner, acct.history)
richest = max(bank.accounts.values(), key=lambda a: a.balance)
print("richest:", richest.owner)
report = "\n".join(f"{a.owner:<8}{a.balance:>8.2f}" for a in bank.accounts.values())
print(report)
