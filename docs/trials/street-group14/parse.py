#!/usr/bin/env python3
"""Pair every echoed input in got_{x,j}.txt with its id (ids_{x,j}.txt) and the bot's outputs;
write street_replies.txt (every street line, both bots side by side) and bot_initiated.txt
(every message a bot sent to the street group that was not a direct reply to a street line)."""
import re
from pathlib import Path
here = Path(__file__).resolve().parent
STREET = "幸福街道党工委工作群"
TIMER = re.compile(r"【(超时提醒|超时上报|街道督办|早间汇总|活动提醒|第.网格超时工单|超时工单)")
scen_expect = {}
pending = []
for raw in (here / "scenario.txt").read_text(encoding="utf-8").splitlines():
    if raw.startswith("## expect"):
        pending.append(raw[3:].strip())
    elif re.match(r"^[SXJ]\d+ \|", raw):
        scen_expect[raw.split(" |")[0]] = pending; pending = []

def load(k):
    ids = [l.split("\t") for l in (here / f"ids_{k}.txt").read_text(encoding="utf-8").splitlines() if l]
    blocks = []  # (id, time, group, speaker, msg, [outs], [timer outs])
    cur = None
    for line in (here / f"got_{k}.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("<- "):
            m = re.match(r"<- (\S+ \S+) (.*?) \| (.*?): (.*)$", line)
            i = len(blocks)
            lid = ids[i][0]
            assert ids[i][3] == m.group(4), (ids[i], line)
            cur = dict(id=lid, time=m.group(1), group=m.group(2), speaker=m.group(3), msg=m.group(4), outs=[], timers=[])
            blocks.append(cur)
        elif line.startswith("-> "):
            g, _, t = line[3:].partition(": ")
            (cur["timers"] if TIMER.search(t) else cur["outs"]).append((g, t))
    assert len(blocks) == len(ids), (k, len(blocks), len(ids))
    return blocks

bx, bj = load("x"), load("j")
ix = {b["id"]: b for b in bx}; ij = {b["id"]: b for b in bj}
out = []
sids = [b["id"] for b in bx if b["id"].startswith("S")]
for sid in sids:
    x, j = ix[sid], ij[sid]
    out.append(f"=== {sid}  {x['time']}  {x['speaker']}: {x['msg']}")
    for e in scen_expect.get(sid, []):
        out.append(f"    {e}")
    for name, b in (("XB 幸福里", x), ("JB 金茂", j)):
        rs = b["outs"]
        if not rs:
            out.append(f"  {name}: (silent)")
        for g, t in rs:
            where = "" if g == STREET else f"[→{g}] "
            out.append(f"  {name}: {where}{t}")
    out.append("")
(here / "street_replies.txt").write_text("\n".join(out), encoding="utf-8")

ini = []
for name, blocks in (("XB 幸福里", bx), ("JB 金茂", bj)):
    for b in blocks:
        for g, t in b["timers"]:
            if g == STREET:
                ini.append(f"{name} | timer (after {b['id']} {b['time']}) | {t}")
        if not b["id"].startswith("S"):
            for g, t in b["outs"]:
                if g == STREET:
                    ini.append(f"{name} | relay of {b['id']} ({b['group']} {b['speaker']}: {b['msg']}) | {t}")
(here / "bot_initiated.txt").write_text("\n".join(ini) + "\n", encoding="utf-8")
print(len(sids), "street lines;", len(ini), "bot-initiated street messages")
