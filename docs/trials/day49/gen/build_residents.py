import json
rows=[]
for line in open('residents_data.txt',encoding='utf-8'):
    if line.startswith('#') or not line.strip(): continue
    p=line.rstrip('\n').split(' | ')
    rows.append(dict(zip(['time','group','sender','text','cat','emerg','b','u','r','expect'],p)))
for i,r in enumerate(rows,1): r['id']='R%03d'%i
D='/work/day49/'
with open(D+'residents.txt','w',encoding='utf-8') as f:
    for r in rows: f.write(f"{r['id']}\t2027-{r['time']}\t{r['group']}\t{r['sender']}\t{r['text']}\n")
with open(D+'script_residents.txt','w',encoding='utf-8') as f:
    f.write('# 红桥 day49 residents: Sat 5 – Wed 9 June 2027 (梅雨 / 高考 / 端午)\n')
    for r in rows:
        f.write(f"@clock 2027-{r['time']}\n")
        f.write(f"# {r['id']}\n")
        f.write(f"{r['group']} | {r['sender']} | {r['text']}\n")
with open(D+'classify_in.jsonl','w',encoding='utf-8') as f:
    for r in rows: f.write(json.dumps({'text':r['text']},ensure_ascii=False)+'\n')
json.dump(rows,open(D+'gen/residents_rows.json','w',encoding='utf-8'),ensure_ascii=False,indent=0)
with open(D+'labels.md','w',encoding='utf-8') as f:
    f.write('# Labels for residents (written before any run)\n\n')
    f.write('Conventions: `category`/`emergency` = TAXONOMY label of the message read on its own (what `classify` sees). '
            '`place` = building/unit/room where the ticket should be filed: as stated in the text, or "N(g)" = taken from the building group it was posted in; "-" = none. For landmarks (车库, 南门, 广场) a building taken from the group is acceptable either way. '
            '`expected` = what the bot should do in context in the chat (new ticket / join / follow-up / all-clear / sign-up / question / ignore). '
            '"page" = emergency notice to grid + community groups and @刘值班. Night = 22:00–07:00.\n\n')
    from collections import Counter
    c=Counter(r['cat'] for r in rows); e=sum(r['emerg']=='Y' for r in rows)
    f.write(f"Totals: {len(rows)} lines; categories {dict(c)}; emergency=Y on {e} lines.\n\n")
    f.write('| id | time | group | sender | text | category | emerg | place (b/u/r) | expected |\n|---|---|---|---|---|---|---|---|---|\n')
    for r in rows:
        f.write(f"| {r['id']} | {r['time']} | {r['group']} | {r['sender']} | {r['text']} | {r['cat']} | {r['emerg']} | {r['b']}/{r['u']}/{r['r']} | {r['expect']} |\n")
print(len(rows))
