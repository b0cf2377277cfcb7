# Generator expressions keep their own frame, named <genexpr>.
def total_length(words):
    return sum(len(w) for w in words)

print(total_length(["ab", "cde"]))
print(total_length(["ab", None, "x"]))
