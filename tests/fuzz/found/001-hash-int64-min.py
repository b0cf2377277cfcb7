# UBSan: src/vm/numops.c:374:29: runtime error: negation of -9223372036854775808 cannot be represented in type 'long int' | top frames: num_hash src/vm/numops.c:374; vm_hash src/vm/ops.c:441; b_hash src/vm/builtins.c:385; vm_execute_from src/vm/exec.c:1682 | (-(n+1)+1 overflows for n == INT64_MIN before the INT64_MIN special case; CPython prints -4)
print(hash(-2**63))
