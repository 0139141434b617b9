import re, json
def parse(got, ids):
    ids=[l.strip() for l in open(ids,encoding='utf-8') if l.strip()]
    blocks=[]; cur=None
    for l in open(got,encoding='utf-8'):
        l=l.rstrip('\n')
        if l.startswith('<- '):
            cur={'id':ids[len(blocks)],'in':l[3:],'out':[]}; blocks.append(cur)
        elif l.startswith('-> ') and cur is not None:
            cur['out'].append(l[3:])
    assert len(blocks)==len(ids),(len(blocks),len(ids))
    return {b['id']:b for b in blocks}
X=parse('got_x.txt','ids_x.txt'); J=parse('got_j.txt','ids_j.txt')
sc=[l for l in open('scenario.txt',encoding='utf-8')]
exp={}; last=None
for l in sc:
    if l.startswith('## expect'): last=l[2:].strip()
    m=re.match(r'^(S\d+\w?) \|',l)
    if m: exp[m.group(1)]=last; last=None
SG='幸福街道党工委工作群'
with open('street_replies.txt','w',encoding='utf-8') as f:
    for sid in [i for i in X if i.startswith('S')]:
        f.write(f"{sid}  {X[sid]['in']}\n  {exp.get(sid) or ''}\n")
        for name,D in (('幸福里bot',X),('金茂bot',J)):
            outs=D[sid]['out']
            st=[o for o in outs if o.startswith(SG+':')]
            other=[o for o in outs if not o.startswith(SG+':')]
            if not st: f.write(f"  [{name}] (nothing in the street group)\n")
            for o in st: f.write(f"  [{name}] {o[len(SG)+2:]}\n")
            if other: f.write(f"      ({name} also sent: " + ' || '.join(other) + ")\n")
        f.write('\n')
print('ok')
