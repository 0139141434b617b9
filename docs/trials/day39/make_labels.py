from residents_src import ROWS
EXP = {
 "chatter": "no reply, no ticket",
 "notice": "event created (#E), target group(s) notified",
 "request": "ticket, category as labelled, place = text place else group building; staff group notified (at night: only 夜间已登记 to resident)",
 "emergency": "EMERGENCY ticket, safety tips to resident, grid + community groups notified, duty (刘值班) @'d",
 "dup": "joined to the parent ticket (same problem), no new ticket/no second page",
 "followup": "recorded on the parent ticket (no new ticket); worse -> re-notify",
 "clue": "passed as a clue to the group searching (parent ticket), no new ticket",
 "allclear": "recorded on the parent ticket / staff told to verify; no new ticket",
 "signup": "registered for the right event with the right head-count",
 "cancel": "cancel only what was said (partial or whole)",
}
L = ["# Labels — residents' two days (written before any run)\n",
     "Categories per /work/shared/TAXONOMY.md. Place = building/unit/room from the text (group building in brackets when the text names none). page=Y: duty must be paged.\n",
     "| id | time | group | sender | kind | category | b/u/r | page | parent/note | expected |", "|---|---|---|---|---|---|---|---|---|---|"]
for r in ROWS:
    i, c, g, s, t, k, cat, b, u, rm, p, n = r
    gb = g[0] if g[0].isdigit() else "-"
    place = f"{b or '('+gb+')'}/{u or '-'}/{rm or '-'}"
    L.append(f"| {i} | {c[5:]} | {g} | {s} | {k} | {cat} | {place} | {p} | {n} | {EXP[k]} |")
L.append("\nTexts are in residents_src.py / residents.txt (comment line before each message carries the id).")
L.append("\nCounts: " + ", ".join(f"{k}={sum(1 for r in ROWS if r[5]==k)}" for k in EXP))
open("labels.md","w").write("\n".join(L)+"\n")
