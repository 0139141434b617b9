"""Split scenario.txt into script_x.txt (幸福里) and script_j.txt (金茂).
Each community gets its own lines plus every street line (S.., C..) and every @clock line."""
import re
x, j = [], []
for raw in open('scenario.txt', encoding='utf-8'):
    line = raw.rstrip('\n')
    if not line.strip() or line.startswith('#'):
        continue
    if line.startswith('@clock'):
        x.append(line); j.append(line); continue
    tag, rest = line.split(' | ', 1)
    if tag[0] in 'SC':
        x.append(rest); j.append(rest)
    elif tag[0] == 'X':
        x.append(rest)
    elif tag[0] == 'J':
        j.append(rest)
    else:
        raise SystemExit('bad tag: ' + line)
open('script_x.txt', 'w', encoding='utf-8').write('\n'.join(x) + '\n')
open('script_j.txt', 'w', encoding='utf-8').write('\n'.join(j) + '\n')
print(len(x), len(j))
