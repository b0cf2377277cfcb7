# Text statistics: splitting, counting, sorting with ties, string building.
TEXT = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness,
it was the epoch of belief, it was the epoch of incredulity."""

words = [w.strip(".,").lower() for w in TEXT.split()]
print(len(words), "words,", len(set(words)), "distinct")
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
for word, n in top:
    print(f"{word:>12} {'#' * n} {n}")
lengths = {}
for w in words:
    lengths.setdefault(len(w), set()).add(w)
for n in sorted(lengths):
    print(n, sorted(lengths[n]))
lines = TEXT.splitlines()
print([len(line) for line in lines])
print(max(lines, key=len)[:20] + "...")
acronym = "".join(w[0].upper() for w in words if len(w) > 3)
print(acronym)
title = " ".join(w.capitalize() for w in lines[0].split()[:6])
print(title)
vowels = sum(1 for ch in TEXT.lower() if ch in "aeiou")
print("vowels:", vowels, "ratio: %.3f" % (vowels / len(TEXT)))
print(TEXT.count("it was"), TEXT.lower().count("it was"), TEXT.find("wisdom"), TEXT.rfind("of"))
