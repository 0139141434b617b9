import json, sys
sys.path.insert(0,'gen')
from residents_data import ROWS
rows=[r for r in ROWS if r[0].startswith('R')]
outs=[json.loads(l) for l in open('classify_out.jsonl')]
cat_ok=em_ok=0; lines=[]
for r,o in zip(rows,outs):
    c=o['category']; e='Y' if o['emergency'] else 'N'
    lvl=o.get('emergency_level')
    co=c==r[5]; eo=e==r[6]
    cat_ok+=co; em_ok+=eo
    loc=f"{o['building']}/{o['unit']}/{o['room']}"
    exp=f"{r[7]}/{r[8]}/{r[9]}"
    lines.append(f"{r[0]}\tlabel={r[5]}/{r[6]}\tgot={c}/{e}({lvl})\t{'' if co else 'CAT-MISS'}\t{'' if eo else 'EM-MISS'}\tloc got={loc} exp={exp}\t{r[4]}")
open('classify_compare.txt','w').write('\n'.join(lines)+f"\n\ncategory agreement {cat_ok}/{len(rows)}\nemergency agreement {em_ok}/{len(rows)}\n")
print(f"category {cat_ok}/{len(rows)} emergency {em_ok}/{len(rows)}")
