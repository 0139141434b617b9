import re, json, sys
# pair each "<-" line in out.txt with the script line id in day.txt order
ids = []
cur = None
for line in open("day.txt"):
    line = line.rstrip("\n")
    if line.startswith("# "): cur = line[2:]
    elif line.startswith("@clock") or not line.strip(): continue
    else: ids.append(cur)
blocks = []  # (id, inline, [replies])
i = -1
pre = []
for line in open(sys.argv[1] if len(sys.argv) > 1 else "out.txt"):
    line = line.rstrip("\n")
    if line.startswith("<- "):
        i += 1
        blocks.append([ids[i], line, []])
    elif blocks:
        blocks[-1][2].append(line)
    else:
        pre.append(line)
assert i + 1 == len(ids), (i + 1, len(ids))
