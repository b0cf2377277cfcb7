# Container protocol: __len__, __getitem__, __setitem__, __delitem__, __iter__,
# __contains__, __bool__, __reversed__.
class Deck:
    def __init__(self, cards):
        self.cards = list(cards)
    def __len__(self):
        return len(self.cards)
    def __getitem__(self, index):
        return self.cards[index]
    def __setitem__(self, index, value):
        self.cards[index] = value
    def __delitem__(self, index):
        del self.cards[index]
    def __contains__(self, card):
        print("  __contains__", card)
        return card in self.cards

deck = Deck("A23456789")
print(len(deck), deck[0], deck[-1], deck[2:5])
deck[0] = "K"
del deck[1]
print(deck.cards)
print("K" in deck, "Z" in deck)
print([c for c in deck][:3])
print(list(reversed(deck))[:3])
print(bool(deck), bool(Deck([])))

class Countdown:
    def __init__(self, start):
        self.start = start
    def __iter__(self):
        n = self.start
        while n > 0:
            yield n
            n -= 1
print(list(Countdown(5)), sum(Countdown(4)), 3 in Countdown(5))

class Squares:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i * self.i
sq = Squares(4)
print(list(sq), list(sq))
print(max(Squares(6)), sorted(Squares(3), reverse=True))

class OnlyGetitem:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(OnlyGetitem()), 20 in OnlyGetitem())

class Truthy:
    def __init__(self, flag):
        self.flag = flag
    def __bool__(self):
        return self.flag
print(bool(Truthy(True)), bool(Truthy(False)), "yes" if Truthy(False) else "no")
print(not Truthy(False), Truthy(True) and "and-value", Truthy(False) or "or-value")

class LenZero:
    def __len__(self):
        return 0
print(bool(LenZero()))

class Mapping:
    def __init__(self):
        self.data = {}
    def __getitem__(self, key):
        return self.data.get(key, f"<missing {key}>")
    def __setitem__(self, key, value):
        self.data[key] = value
m = Mapping()
m["a"] = 1
m["a"] += 1
print(m["a"], m["zz"])

class RevSeq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return "xyz"[i]
    def __reversed__(self):
        return iter("custom reversed")
print(list(reversed(RevSeq())))
