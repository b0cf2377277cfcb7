# Regression (found by the fuzzer): hash of the most negative 64-bit int.
print(hash(-2**63))
