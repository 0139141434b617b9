import json
rows=json.load(open('/work/day49/gen/residents_rows.json',encoding='utf-8'))
outs=[json.loads(l) for l in open('/work/day49/classify_out_raw.jsonl',encoding='utf-8')]
cat_ok=em_ok=0; cm=[];em=[]
from collections import Counter
conf=Counter()
for r,o in zip(rows,outs):
    lab=r['cat']; got=o['category']; conf[(lab,got)]+=1
    if lab==got: cat_ok+=1
    else: cm.append((r['id'],lab,got,o.get('emergency_level'),r['text'][:40]))
    le = r['emerg']=='Y'; ge=bool(o['emergency'])
    if le==ge: em_ok+=1
    else: em.append((r['id'],'Y' if le else 'N','Y' if ge else 'N',o.get('emergency_level'),o['category'],r['text'][:40]))
    # place
print(f"category {cat_ok}/{len(rows)}; emergency {em_ok}/{len(rows)}")
print("category mismatches:")
for x in cm: print('  ',*x)
print("emergency mismatches:")
for x in em: print('  ',*x)
print("confusion (label->got):")
for k,v in sorted(conf.items()): print('  ',k,v)
# emergency per class
tp=sum(1 for r,o in zip(rows,outs) if r['emerg']=='Y' and o['emergency']); fn=sum(1 for r,o in zip(rows,outs) if r['emerg']=='Y' and not o['emergency'])
fp=sum(1 for r,o in zip(rows,outs) if r['emerg']=='N' and o['emergency']);
print('emerg TP',tp,'FN',fn,'FP',fp)
