import json, sys
src, script, ids = sys.argv[1], sys.argv[2], sys.argv[3]
rows = []
for line in open(src, encoding='utf-8'):
    if not line.strip() or line.startswith('#'): continue
    parts = [p.strip() for p in line.rstrip('\n').split(' | ', 4)]
    rows.append(parts)
with open(script, 'w', encoding='utf-8') as f, open(ids, 'w') as g:
    first = True
    for rid, t, grp, snd, txt in rows:
        if t and t != '-':
            f.write(f'@clock {t}\n')
        f.write(f'{grp} | {snd} | {txt}\n')
        g.write(rid + '\n')
