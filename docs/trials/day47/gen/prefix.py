import sys
# usage: prefix.py raw ids_file out
raw, idsf, out = sys.argv[1:4]
ids=[l.split('|')[0].strip() for l in open(idsf) if l.strip()]
i=-1; cur='PRE'
with open(out,'w') as o:
    for line in open(raw):
        if line.startswith('<- '):
            i+=1; cur=ids[i] if i<len(ids) else f'X{i}'
            o.write(f"\n[{cur}] {line}")
        else:
            o.write(f"[{cur}]   {line}")
print(i+1,'messages mapped of',len(ids))
