# -*- coding: utf-8 -*-
# This file starts with a UTF-8 byte order mark and a coding declaration.
print("café", len("café"))
