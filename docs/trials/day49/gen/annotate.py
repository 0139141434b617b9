import sys,re
# usage: annotate.py script.txt raw_out.txt > ids.txt ; ids taken from '# ID' comment lines preceding each message line in the script
script, raw = sys.argv[1], sys.argv[2]
ids=[]; pending=None
for line in open(script,encoding='utf-8'):
    s=line.rstrip('\n')
    m=re.match(r'#\s*([RSP]\d+[a-z]?)\b',s)
    if m: pending=m.group(1); continue
    if not s.strip() or s.startswith('#') or s.startswith('@'): continue
    ids.append(pending or '?'); pending=None
i=0
for line in open(raw,encoding='utf-8'):
    if line.startswith('<- '):
        tag=ids[i] if i<len(ids) else '?'; i+=1
        print(f"\n[{tag}] {line.rstrip()}")
    else:
        print('      '+line.rstrip())
sys.stderr.write(f"messages in script: {len(ids)}, echoed: {i}\n")
