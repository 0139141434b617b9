import csv
from verdicts import V
rows=list(csv.DictReader(open('plan.tsv'),delimiter='\t'))
lines=open('out.txt').read().split('\n')
blocks=[];cur=None
for l in lines:
    if l.startswith('<- '): cur=[l,[]];blocks.append(cur)
    elif cur and l: cur[1].append(l)
assert len(blocks)==len(rows)==len(V)
out=[]
from collections import Counter
c=Counter()
for r,(inp,reps) in zip(rows,blocks):
    v,why=V[r['id']]; c[(r['id'][0],v)]+=1
    out.append(f"[{r['id']}] {inp}")
    out.append(f"   label: {r['category'] or '-'} b{r['building'] or '-'}/u{r['unit'] or '-'}/r{r['room'] or '-'} emerg={r['emergency'] or '-'} kind={r['kind']} | expected: {r['expected_reply']}")
    for x in reps: out.append('   '+x[:260])
    out.append(f"   => {v}: {why}\n")
open('ann.txt','w').write('\n'.join(out))
print(c)
