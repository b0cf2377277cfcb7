# \N{NAME} escapes need the Unicode name database, which loopscope does not carry.
print("start")
print("\N{GREEK SMALL LETTER ALPHA}")
