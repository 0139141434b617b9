import sys,re
# usage: addids.py script raw out
script, raw, out = sys.argv[1:4]
ids=[]; cur=None
for line in open(script):
    line=line.rstrip('\n')
    m=re.match(r'#\s*(\S+)\s*$', line)
    if m: cur=m.group(1); continue
    if not line.strip() or line.startswith('@clock') or line.startswith('#'): continue
    ids.append(cur or '?'); cur=None
n=0; cid='PRE'
with open(out,'w') as o:
    for line in open(raw):
        if line.startswith('<- '):
            cid = ids[n] if n < len(ids) else '?'; n+=1
            o.write(f"[{cid}] {line}")
        else:
            o.write(f"[{cid}]    {line}")
print(n, len(ids))
