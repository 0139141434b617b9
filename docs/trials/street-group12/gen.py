"""Split scenario.txt into script_x.txt / script_j.txt (+ id maps)."""
import json, re
x, j, xid, jid = [], [], [], []
for raw in open('scenario.txt', encoding='utf-8'):
    line = raw.rstrip('\n')
    if not line.strip() or line.startswith('#'):
        continue
    if line.startswith('@clock'):
        x.append(line); j.append(line); continue
    body = line.split('  ## expect:')[0].rstrip()
    lid, group, who, msg = [p.strip() for p in body.split('|', 3)]
    out = f'{group} | {who} | {msg}'
    if lid[0] in 'SX':
        x.append(out); xid.append(lid)
    if lid[0] in 'SJ':
        j.append(out); jid.append(lid)
open('script_x.txt', 'w', encoding='utf-8').write('\n'.join(x) + '\n')
open('script_j.txt', 'w', encoding='utf-8').write('\n'.join(j) + '\n')
json.dump({'x': xid, 'j': jid}, open('ids.json', 'w'))
print(len(xid), len(jid))
