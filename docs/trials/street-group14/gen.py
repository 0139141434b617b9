#!/usr/bin/env python3
"""Turn scenario.txt into script_x.txt / script_j.txt and ids_x.txt / ids_j.txt.

scenario lines: `ID | scope | group | speaker | message` (scope S/X/J), `@clock ...`,
`## expect: ...` and `#` comments (dropped). S lines go to both scripts in the street group.
ids_*.txt: one line per message line of the script, in order: `ID<TAB>group<TAB>speaker<TAB>message`.
"""
import re, sys
from pathlib import Path

STREET = "幸福街道党工委工作群"
here = Path(__file__).resolve().parent
lines = (here / "scenario.txt").read_text(encoding="utf-8").splitlines()
out = {"x": [], "j": []}
ids = {"x": [], "j": []}
seen = set()
for n, raw in enumerate(lines, 1):
    line = raw.strip()
    if not line or line.startswith("#"):
        continue
    if line.startswith("@clock"):
        for k in out:
            out[k].append(line)
        continue
    parts = [p.strip() for p in line.split("|", 4)]
    if len(parts) != 5:
        sys.exit(f"line {n}: expected 5 fields: {raw}")
    lid, scope, group, speaker, msg = parts
    if lid in seen:
        sys.exit(f"line {n}: duplicate id {lid}")
    seen.add(lid)
    targets = {"S": ["x", "j"], "X": ["x"], "J": ["j"]}.get(scope)
    if targets is None:
        sys.exit(f"line {n}: bad scope {scope}")
    if scope == "S":
        group = STREET
    for k in targets:
        out[k].append(f"{group} | {speaker} | {msg}")
        ids[k].append(f"{lid}\t{group}\t{speaker}\t{msg}")
for k in out:
    (here / f"script_{k}.txt").write_text("\n".join(out[k]) + "\n", encoding="utf-8")
    (here / f"ids_{k}.txt").write_text("\n".join(ids[k]) + "\n", encoding="utf-8")
    print(k, len(ids[k]), "messages")
print("street lines:", sum(1 for i in seen if i.startswith("S")))
