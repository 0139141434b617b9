import sys
x, j = [], []
for raw in open('/tmp/street11c/scenario.txt', encoding='utf-8'):
    line = raw.rstrip('\n')
    if not line.strip() or line.startswith('#'):
        continue
    if line.startswith('@clock'):
        x.append(line); j.append(line); continue
    lid, rest = line.split(' | ', 1)
    if lid.startswith('S'):
        x.append(rest); j.append(rest)
    elif lid.startswith('X'):
        x.append(rest)
    elif lid.startswith('J'):
        j.append(rest)
    else:
        sys.exit('bad id ' + lid)
open('/tmp/street11c/script_x.txt', 'w', encoding='utf-8').write('\n'.join(x) + '\n')
open('/tmp/street11c/script_j.txt', 'w', encoding='utf-8').write('\n'.join(j) + '\n')
