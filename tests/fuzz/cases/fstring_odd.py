x = 1
print(f"{x!r:>{x}}{x=}{x:=^10}" f"{{}}" f"{"{"}")
print(f"{x:{"\n"}>3}")
