import json, sys
sys.path.insert(0,'gen')
from residents_data import ROWS
with open('residents.txt','w') as f:
    for r in ROWS:
        f.write(f"{r[0]} | {r[1]} | {r[2]} | {r[3]} | {r[4]}\n")
with open('labels.md','w') as f:
    f.write("# Labels for resident lines (written before any run)\n\n")
    f.write("Dates: 除夕 = Tue 2028-01-25, 初一 = Wed 2028-01-26 (Spring Festival 2028 falls on 26 Jan, not February; 元宵 = 2028-02-09).\n\n")
    f.write("kind: chatter / request / signup / dropout / eventq / followup:Rxx / dup:Rxx (same problem, other neighbour or group) / allclear:Rxx / clue:Rxx / notice.\n")
    f.write("`cat` is the TAXONOMY label of the line read on its own (used for classify agreement); `em` = emergency Y/N on its own.\n")
    f.write("Expected bot behaviour: request -> ticket, right category/place; emergency -> page once; dup -> join (no new page); followup -> attach to earlier ticket; allclear -> close/record on earlier ticket; chatter -> silence; signup/dropout -> event registration; eventq -> answered or filed as culture question.\n\n")
    f.write("| id | time | group | cat | em | bldg | unit | room | kind | notes |\n|---|---|---|---|---|---|---|---|---|---|\n")
    for r in ROWS:
        f.write(f"| {r[0]} | {r[1]} | {r[2]} | {r[5]} | {r[6]} | {r[7] or '-'} | {r[8] or '-'} | {r[9] or '-'} | {r[10]} | {r[11]} |\n")
with open('script_residents.txt','w') as f:
    f.write("# Spring Festival 2028: 除夕 2028-01-25 -> 初一 2028-01-26\n")
    for r in ROWS:
        f.write(f"@clock {r[1]}\n# {r[0]}\n{r[2]} | {r[3]} | {r[4]}\n")
with open('classify_in.jsonl','w') as f:
    for r in ROWS:
        if r[0].startswith('R'):
            f.write(json.dumps({"text": r[4]}, ensure_ascii=False)+"\n")
print(len([r for r in ROWS if r[0].startswith('R')]), 'resident lines')
print('emergency', sum(1 for r in ROWS if r[6]=='Y'), 'first-report emergencies', sum(1 for r in ROWS if r[6]=='Y' and r[10]=='request'))
