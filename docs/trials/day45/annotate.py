import sys
raw, ids, out = sys.argv[1:4]
ids=[l.strip() for l in open(ids) if l.strip()]
k=-1; res=[]
for l in open(raw):
    l=l.rstrip('\n')
    if l.startswith('<- '):
        k+=1; res.append(f'[{ids[k]}] {l}')
    else:
        res.append(f'      {l}' if k>=0 else f'[pre] {l}')
open(out,'w').write('\n'.join(res)+'\n')
print('messages',k+1,'ids',len(ids))
