# A traceback through a property getter and a generator.
class Report:
    def __init__(self, rows):
        self.rows = rows

    @property
    def totals(self):
        return list(self._sums())

    def _sums(self):
        for row in self.rows:
            yield sum(row)

r = Report([[1, 2], [3, 4]])
print(r.totals)
r.rows.append([5, "six"])
print(r.totals)
