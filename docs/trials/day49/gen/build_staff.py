def load(fn,prefix):
    rows=[]
    for l in open(fn,encoding='utf-8'):
        if l.startswith('#') or not l.strip(): continue
        p=l.rstrip('\n').split(' | ')
        assert len(p)==5,(fn,l)
        rows.append(dict(time=p[0],group=p[1],sender=p[2],text=p[3],expect=p[4]))
    for i,r in enumerate(rows,1): r['id']=f'{prefix}{i:02d}'
    return rows
S=load('staff_data.txt','S'); P=load('resp_data.txt','P')
allr=sorted(S+P,key=lambda r:(r['time'],r['id'][0]=='S'))  # same minute: resident first
D='/work/day49/'
with open(D+'script_staff.txt','w',encoding='utf-8') as f:
    f.write('# 红桥 day49 staff day: Thu 10 June 2027 08:00 – Fri 11 June 07:05 (on dbs/staff.db, continuing the residents run)\n')
    for r in allr:
        f.write(f"@clock 2027-{r['time']}\n# {r['id']}\n{r['group']} | {r['sender']} | {r['text']}\n")
with open(D+'labels_staff.md','w',encoding='utf-8') as f:
    f.write('# Labels for the staff day (written before running Part 2)\n\n')
    f.write('Ticket numbers refer to the state after the residents run (dbs/res.db, seen in out_residents_ids.txt): e.g. #8 = 陈姐\'s 6号楼 e-bike report misfiled to 1号楼, #11 = centipede paged as emergency, #14/#21/#50 = 1号楼602 drilling, #18/#19 = 3号楼 meter box, #27/#28/#29 = missing 孟大爷, #41/#42/#3 = garage flood, #54 = 3号楼2单元 light.\n')
    f.write(f'{len(S)} staff lines (S), {len(P)} resident replies (P). Same-minute lines: resident line runs first.\n\n')
    f.write('## Staff lines\n\n| id | time | group | sender | text | expected |\n|---|---|---|---|---|---|\n')
    for r in S: f.write(f"| {r['id']} | {r['time']} | {r['group']} | {r['sender']} | {r['text']} | {r['expect']} |\n")
    f.write('\n## Resident replies\n\n| id | time | group | sender | text | expected |\n|---|---|---|---|---|---|\n')
    for r in P: f.write(f"| {r['id']} | {r['time']} | {r['group']} | {r['sender']} | {r['text']} | {r['expect']} |\n")
    f.write('\nNight rule for this part: the #8 resolution at 22:40 and the 物业 note at 02:10 must not produce messages in resident groups before 07:00; only the P25 emergency may.\n')
