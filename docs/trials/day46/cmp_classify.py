import json,re
lab={}
for line in open('labels.md'):
    m=re.match(r'\| (R\d+) \| ([^|]*)\| ([^|]*)\| ([^|]*)\|',line)
    if m:
        rid,cat,alt,emg=[x.strip() for x in m.groups()]
        lab[rid]=(cat,[a.strip() for a in alt.split(',') if a.strip()],emg)
ids=[l.strip() for l in open('classify_ids.txt')]
outs=[json.loads(l) for l in open('classify_out.jsonl')]
texts=[json.loads(l)['text'] for l in open('classify_in.jsonl')]
cat_ok=cat_n=emg_ok=emg_n=0; strict_ok=0
rows=[]
for rid,o,t in zip(ids,outs,texts):
    cat,alt,emg=lab[rid]
    if 'ambiguous' in emg: rows.append((rid,'SKIP',o['category'],o['emergency'],t)); continue
    e = emg.startswith('Y')
    cat_n+=1; emg_n+=1
    okc = o['category']==cat or o['category'] in alt
    strict_ok += o['category']==cat
    cat_ok+=okc; emg_ok+= (o['emergency']==e)
    flag=('' if okc else 'CAT ')+('' if o['emergency']==e else 'EMG')
    rows.append((rid,flag,f"{cat}{'/'+'/'.join(alt) if alt else ''}->{o['category']}",f"{e}->{o['emergency']}",t, o.get('building'),o.get('unit'),o.get('room')))
print(f'category agree {cat_ok}/{cat_n} (strict {strict_ok}/{cat_n}); emergency agree {emg_ok}/{emg_n}')
for r in rows:
    if r[1]: print(*r, sep=' | ')
