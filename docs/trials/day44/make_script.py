import sys
src, dst = sys.argv[1], sys.argv[2]
rows = []
for line in open(src, encoding='utf-8'):
    line = line.rstrip('\n')
    if not line.strip() or line.startswith('#'):
        continue
    parts = [p.strip() for p in line.split(' | ', 4)]
    lid, t, g, s, text = parts
    rows.append((t, lid, g, s, text))
rows.sort(key=lambda r: r[0])  # stable by time
with open(dst, 'w', encoding='utf-8') as f, open(dst + '.ids', 'w', encoding='utf-8') as fi:
    for t, lid, g, s, text in rows:
        f.write(f'@clock {t}\n')
        f.write(f'{g} | {s} | {text}\n')
        fi.write(lid + '\n')
