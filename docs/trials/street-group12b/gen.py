"""Split scenario.txt into script_x.txt / script_j.txt (street lines and @clock into both)."""
import sys
out = {"x": [], "j": []}
ids = {"x": [], "j": []}
for raw in open("scenario.txt", encoding="utf-8"):
    line = raw.rstrip("\n")
    if not line.strip() or line.startswith("#"):
        continue
    if line.startswith("@clock"):
        for k in out:
            out[k].append(line)
        continue
    lid, scope, group, who, msg = [f.strip() for f in line.split("|", 4)]
    targets = {"S": ["x", "j"], "X": ["x"], "J": ["j"]}[scope]
    for k in targets:
        out[k].append(f"{group} | {who} | {msg}")
        ids[k].append(lid)
for k in out:
    open(f"script_{k}.txt", "w", encoding="utf-8").write("\n".join(out[k]) + "\n")
    open(f"ids_{k}.txt", "w", encoding="utf-8").write("\n".join(ids[k]) + "\n")
print({k: len(v) for k, v in ids.items()})
