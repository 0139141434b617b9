"""Split scenario.txt into script_x.txt (幸福里) and script_j.txt (金茂)."""
import sys
out = {"X": [], "J": []}
for raw in open("scenario.txt", encoding="utf-8"):
    line = raw.rstrip("\n")
    s = line.strip()
    if not s or s.startswith("#"):
        continue
    if s.startswith("@clock"):
        out["X"].append(s); out["J"].append(s); continue
    who, rest = s.split("|", 1)
    who = who.strip()
    rest = rest.strip()
    if who == "S":
        out["X"].append(rest); out["J"].append(rest)
    elif who in out:
        out[who].append(rest)
    else:
        sys.exit(f"bad line: {line}")
for k, name in (("X", "script_x.txt"), ("J", "script_j.txt")):
    open(name, "w", encoding="utf-8").write("\n".join(out[k]) + "\n")
    print(name, len(out[k]), "lines")
