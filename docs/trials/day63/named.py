import re,sys,csv
rows=list(csv.DictReader(open('plan.tsv'),delimiter='\t'))
lines=open(sys.argv[1]).read().split('\n')
# split into blocks
blocks=[];cur=None
for l in lines:
    if l.startswith('<- '):
        cur=[l,[]];blocks.append(cur)
    elif cur: cur[1].append(l)
assert len(blocks)==len(rows),(len(blocks),len(rows))
for r,(inp,reps) in zip(rows,blocks):
    if r['id'][0]=='R':
        n=None
        for x in reps:
            m=re.search(r'工单 #(\d+)',x)
            if m and ('@'+r['speaker']) in x: n=m.group(1);break
        print(r['id'],r['kind'],n, '|', (reps[0][:70] if reps else '(no reply)'))
