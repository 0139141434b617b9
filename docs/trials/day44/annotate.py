import sys
ids = [l.strip() for l in open(sys.argv[2], encoding='utf-8') if l.strip()]
out = open(sys.argv[3], 'w', encoding='utf-8')
i = 0
for line in open(sys.argv[1], encoding='utf-8'):
    line = line.rstrip('\n')
    if line.startswith('<- '):
        out.write(f'[{ids[i]}] {line}\n'); i += 1
    else:
        out.write(f'        {line}\n')
print('messages', i, 'ids', len(ids))
