# Only comments and blank lines: nothing to run.

# another comment
   # indented comment

