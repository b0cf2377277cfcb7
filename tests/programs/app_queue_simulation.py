# A queue simulation with a deterministic pseudo-random generator of our own.
class Lcg:
    def __init__(self, seed):
        self.state = seed
    def next(self, bound):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % 2 ** 64
        return (self.state >> 33) % bound

class Customer:
    def __init__(self, ident, arrival, work):
        self.ident = ident
        self.arrival = arrival
        self.work = work
    def __repr__(self):
        return f"C{self.ident}"

rng = Lcg(2024)
queue = []
served = []
clock = 0
busy_until = 0
current = None
waits = []
for tick in range(40):
    if rng.next(3) == 0:
        c = Customer(len(served) + len(queue) + (current is not None), tick, 1 + rng.next(4))
        queue.append(c)
    if current is not None and tick >= busy_until:
        served.append(current)
        current = None
    if current is None and queue:
        current = queue.pop(0)
        waits.append(tick - current.arrival)
        busy_until = tick + current.work
    if tick % 8 == 7:
        print(f"t={tick:2} serving={current} queue={queue}")
print("served:", served)
print("waits:", waits, "max", max(waits), "mean %.2f" % (sum(waits) / len(waits)))
print("left in queue:", len(queue))
