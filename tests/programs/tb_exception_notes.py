# Exception notes (add_note) are printed after the exception line.
def validate(age):
    if age < 0:
        err = ValueError(f"invalid age {age}")
        err.add_note("ages are counted in whole years")
        err.add_note("hint: check the input form")
        raise err
    return age

print(validate(30))
try:
    validate(-1)
except ValueError as exc:
    print("notes:", exc.__notes__)
validate(-2)
