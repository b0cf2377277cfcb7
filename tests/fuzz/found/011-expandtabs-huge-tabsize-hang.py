# hang (timeout in both the ASan and the release build; --max-memory 512 not enforced) | stack while hung: nf_buf_putc src/num/numfmt.c:71 <- m_expandtabs src/vm/strmethods.c:2275 <- vm_execute_from src/vm/exec.c | expands into an unaccounted malloc buffer one byte at a time (same family as 007); CPython raises MemoryError / OverflowError at once
print(len('\t'.expandtabs(2**40)))
