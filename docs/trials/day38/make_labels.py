from residents_src import ROWS
L=["# Labels for residents.txt (written before any run)","",
"Expected outcome per line. category = TAXONOMY label; place = building/unit/room; page = duty paged (grid + community groups, @刘值班).",
"Expectations by kind: chatter → no reply, no ticket; request → ticket with category & place, sent to the building's 党小组 (at night 22:00–07:00 only '夜间已登记' to the resident); emergency → ticket + safety tip + page; followup → joined to the named ticket, no new page; allclear → recorded on the ticket of that problem (not a new ticket); clue → forwarded to the group searching; signup/cancel → registration changes on the event; notice → event created and announced to the target groups.","",
"| id | clock | group | sender | kind | category | bldg | unit | room | page | expected / note |","|---|---|---|---|---|---|---|---|---|---|---|"]
for r in ROWS:
    L.append("| "+" | ".join([r[0],r[1],r[2],r[3],r[5],r[6],str(r[7] or "-"),str(r[8] or "-"),str(r[9] or "-"),"PAGE" if r[10] else "-",r[11].replace("|","/")])+" |")
L.append("")
L.append("Texts: see residents_src.py / residents.txt (same ids).")
open("labels.md","w").write("\n".join(L)+"\n")
