import sys; sys.path.insert(0,'.')
from res_data import LINES
with open('/work/day43/residents.txt','w') as f:
    f.write("# id | time | group | sender | text   (N.. = staff event notices posted from staff groups)\n")
    for l in LINES: f.write(f"{l[0]} | {l[1]} | {l[2]} | {l[3]} | {l[4]}\n")
with open('/work/day43/res_script.txt','w') as f:
    f.write("# day 43 residents: Sat 2027-07-17 08:00 → Sun 2027-07-18 08:00\n")
    for l in LINES:
        f.write(f"@clock {l[1]}\n# {l[0]}\n{l[2]} | {l[3]} | {l[4]}\n")
    f.write("@clock 2027-07-18 08:30\n")
with open('/work/day43/labels.md','w') as f:
    f.write("# Labels — residents (Part 1), written before any run\n\n")
    f.write("Category per /work/shared/TAXONOMY.md (`signup`/`signup-cancel`/`staff` = event traffic, not a ticket category; "
            "their ticket category would be `none`). Place = building/unit/room, `-` = null, `a|b` = either acceptable "
            "(between buildings). Emergency: yes / no / possible (either paging or not paging is acceptable for `possible`).\n\n"
            "Group default building: a message in N号楼居民群 that names no building may be placed in building N; for an outside landmark "
            "(river, 广场, 车库) the group default is tolerated, not counted as wrong place.\n\n")
    f.write("| id | time | group | sender | text | category | emergency | place b/u/r | bot should |\n|---|---|---|---|---|---|---|---|---|\n")
    for l in LINES:
        t=l[4].replace('|','\\|')
        f.write(f"| {l[0]} | {l[1][5:]} | {l[2]} | {l[3]} | {t} | {l[5]} | {l[6]} | {l[7]} | {l[8]} |\n")
    f.write("\nPrimary emergencies (12): R17, R26, R54, R61, R69, R76, R79, R84, R86, R88, R92, R96. "
            "Night (22:00–07:00): R84, R86, R88, R92, R96. Told by a resident with an ordinary ticket already open: "
            "R17 (R08), R26 (R16), R54 (R03/R43), R61 (R14/R32), R69 (R52), R76 (R49), R79 (R34), R84 (R30), R86 (R51), R88 (R15/R46), R92 (R14/R32), R96 (R38). "
            "Near/between buildings: R26 (river by 东门), R61/R62 (between 2 and 3), R79 (garage), R84 (广场), R92 (3号楼门口).\n")
