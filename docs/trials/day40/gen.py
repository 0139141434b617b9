import sys, csv, datetime as dt, json
src, script, labels, title, year_month = sys.argv[1:6]
rows=[l.rstrip('\n').split('\t') for l in open(src,encoding='utf-8') if l.strip()]
out=[]; lab=[f"# {title}\n","| id | time | group | sender | kind | category | place (b/u/r) | note |","|---|---|---|---|---|---|---|---|"]
prev=None
for r in rows:
    rid,t,g,s,text,kind,cat,place,note=(r+['']*9)[:9]
    day,hm=t.split()
    cur=dt.datetime.strptime(f"{year_month}-{day} {hm}","%Y-%m-%d %H:%M")
    if prev is None: out.append(f"@clock {cur:%Y-%m-%d %H:%M}")
    else:
        d=int((cur-prev).total_seconds()//60)
        if d>0: out.append(f"@clock +{d}m")
    prev=cur
    out.append(f"# {rid} [{kind}/{cat}/{place}] {note}")
    out.append(f"{g} | {s} | {text}")
    lab.append(f"| {rid} | {t} | {g} | {s} | {kind} | {cat} | {place} | {note} |")
open(script,'w',encoding='utf-8').write('\n'.join(out)+'\n')
open(labels,'w',encoding='utf-8').write('\n'.join(lab)+'\n')
