# Python 3.12 f-string grammar (PEP 701): quotes reused inside replacement
# fields, nesting, comments and backslashes inside the braces.
songs = ["one", "two", "three"]
n = 4
print(f"{", ".join(songs)}")
print(f"{f"{f"{n}"}"}")
print(f"{"\n".join(songs)}")
print(f"total: {
    n * 2  # a comment inside a multi-line replacement field
}")
print(f"{'a' if n else "b"}")
d = {"k": "v"}
print(f"{d["k"]}")
print(f"{n:{"^"}{8}}|")
