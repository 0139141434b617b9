"""Pair echoed inputs with replies; write street_replies.txt."""
import re, json
def parse(got, ids):
    ids = [l.strip() for l in open(ids, encoding="utf-8") if l.strip()]
    blocks = []
    for line in open(got, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("<- "):
            blocks.append({"in": line[3:], "out": []})
        elif line.startswith("-> "):
            blocks[-1]["out"].append(line[3:])
    assert len(blocks) == len(ids), (got, len(blocks), len(ids))
    return dict(zip(ids, blocks)), ids
X, idx = parse("got_x.txt", "ids_x.txt")
J, idj = parse("got_j.txt", "ids_j.txt")
expect = {}
pending = None
for raw in open("scenario.txt", encoding="utf-8"):
    if raw.startswith("## expect:"):
        pending = raw[len("## expect:"):].strip()
    elif re.match(r"^[SXJ]\d+ \|", raw):
        lid = raw.split("|")[0].strip()
        if lid.startswith("S"):
            expect[lid] = pending
        pending = None
SG = "幸福街道党工委工作群"
out = []
out.append("Every street line with both bots' replies (all groups; lines marked * went to the street group).\n"
           "Replies printed after a line can include timer messages that fired before the next line.\n")
for sid in [i for i in idx if i.startswith("S")]:
    bx, bj = X[sid], J[sid]
    out.append(f"=== {sid}  {bx['in']}")
    out.append(f"    expect: {expect[sid]}")
    for name, b in (("幸福里bot", bx), ("金茂bot", bj)):
        if not b["out"]:
            out.append(f"  [{name}] (no reply)")
        for o in b["out"]:
            mark = "*" if o.startswith(SG) else " "
            out.append(f"  [{name}]{mark} {o}")
    out.append("")
out.append("\n##### Messages to the street group caused by community lines or timers #####\n")
for name, D, ids in (("幸福里bot", X, idx), ("金茂bot", J, idj)):
    for i in ids:
        if i.startswith("S"):
            # timer-driven street messages printed after a street line
            for o in D[i]["out"]:
                if o.startswith(SG) and ("督办" in o):
                    out.append(f"[{name}] after {i} ({D[i]['in'][:11]}): {o}")
            continue
        for o in D[i]["out"]:
            if o.startswith(SG):
                out.append(f"[{name}] after {i} ({D[i]['in'][:60]}): {o}")
open("street_replies.txt", "w", encoding="utf-8").write("\n".join(out) + "\n")
json.dump({"x": X, "j": J}, open("paired.json", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
print("ok")
