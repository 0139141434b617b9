import sys,re
ids=[]
for line in open(sys.argv[1]):
    m=re.match(r'^# ([RSN]\w*\d+)\s*$',line)
    if m: ids.append(m.group(1))
out=[];i=0
for line in open(sys.argv[2]):
    if line.startswith('<- '):
        out.append(f"[{ids[i]}] {line}"); i+=1
    else: out.append(line)
open(sys.argv[3],'w').writelines(out)
print(len(ids), i)
