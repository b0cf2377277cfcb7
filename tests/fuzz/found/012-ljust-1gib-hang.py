# hang (timeout in both builds; --max-memory 512 not enforced, whereas ljust(2**40) gives MemoryError) | stack while hung: nf_buf_append src/num/numfmt.c:67 <- pad src/vm/strmethods.c:2315 <- just_impl <- m_ljust src/vm/strmethods.c:2336 | pad() (ljust/rjust/center) appends the fill one character at a time into an unaccounted buffer; same family as 007/011
print(len('x'.ljust(2**30)))
