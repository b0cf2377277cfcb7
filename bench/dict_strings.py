# Benchmark: dicts and strings. Word counting, string building and joining,
# dicts keyed by ints and by strings.
WORDS = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu "
         "nu xi omicron pi rho sigma tau upsilon phi chi psi omega").split()

def make_text(n):
    parts = []
    state = 12345
    for _ in range(n):
        state = (state * 1103515245 + 12345) % 2147483648
        parts.append(WORDS[state % len(WORDS)])
    return " ".join(parts)

def word_counts(text):
    counts = {}
    for word in text.split():
        counts[word] = counts.get(word, 0) + 1
    return counts

def build_strings(n):
    out = []
    for i in range(n):
        s = f"{i}:{i * i % 97}"
        if i % 3 == 0:
            s = s.upper() + "-x"
        out.append(s)
    joined = ",".join(out)
    return len(joined), joined.count("-x"), joined[-12:]

def int_dict(n):
    squares = {}
    for i in range(n):
        squares[i] = i * i
    total = 0
    for key in range(0, n, 3):
        total += squares[key]
    for key in list(squares):
        if key % 5 == 0:
            del squares[key]
    return total, len(squares)

def char_histogram(text):
    hist = {}
    for ch in text:
        if ch != " ":
            hist[ch] = hist.get(ch, 0) + 1
    return sorted(hist.items(), key=lambda kv: (-kv[1], kv[0]))[:5]

text = make_text(400_000)
counts = word_counts(text)
print("distinct words:", len(counts))
print("top words:", sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
print("strings:", build_strings(300_000))
print("int dict:", int_dict(500_000))
print("chars:", char_histogram(text[:400_000]))
