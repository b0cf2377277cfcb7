# textwrap: wrap, fill, shorten, dedent, indent, as CPython breaks lines.
import textwrap

text = ("The event loop runs one callback at a time; a well-known consequence is that "
        "a CPU-bound coroutine starves every other task until it awaits something.  "
        "Use asyncio.to_thread() for blocking work -- or run_in_executor.")
for w in (20, 35, 50, 72):
    print(textwrap.fill(text, width=w))
    print("-" * w)
print(textwrap.wrap(text, 30, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap("supercalifragilisticexpialidocious is long", 10))
print(textwrap.wrap("supercalifragilisticexpialidocious is long", 10, break_long_words=False))
print(textwrap.wrap("a-b-c well-known self-evident e-mail", 8))
print(textwrap.wrap("  leading and   multiple   spaces\tand\ttabs\nnewline  ", 12))
print(textwrap.wrap("  leading and   multiple   spaces  ", 12, drop_whitespace=False))
print(textwrap.wrap("", 10), textwrap.wrap("   ", 10))
print(repr(textwrap.shorten("Hello  world!  How are you doing today?", width=20)))
print(repr(textwrap.shorten("Hello world", width=11)), repr(textwrap.shorten("Hello world", 10, placeholder="...")))
print(textwrap.wrap(text, 40, max_lines=3))
print(textwrap.wrap(text, 40, max_lines=2, placeholder=" (more)"))
code = """
    def f():
        return 1

      # odd
    x = 2
"""
print(repr(textwrap.dedent(code)))
print(repr(textwrap.dedent("  a\n\t  b\n")), repr(textwrap.dedent("    a\n    \n    b")))
print(textwrap.indent("one\ntwo\n\nthree", "> "))
print(textwrap.indent("one\n\ntwo", "+ ", lambda line: True))
print(textwrap.fill("Sentence one. Sentence two! Another?  Yes.", 30, fix_sentence_endings=True))
tw = textwrap.TextWrapper(width=15, expand_tabs=False, replace_whitespace=False)
print(tw.wrap("tab\there and\nnewline here"))
try:
    textwrap.wrap("x", 0)
except ValueError as e:
    print("ValueError:", e)
