# The __name__ == "__main__" idiom.
def main():
    print("running main()")
    return 0

print("module body runs first, __name__ is", repr(__name__))
if __name__ == "__main__":
    status = main()
    print("main returned", status)
else:
    print("imported, not run")
print(__name__ == "__main__")
