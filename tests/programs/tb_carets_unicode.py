# Caret positions count characters, so non-ASCII text before the error matters.
prices = {"café": 3}
label = "prix café: " + prices["café"]
