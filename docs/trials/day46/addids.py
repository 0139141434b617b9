import sys, re
ids = [l.strip() for l in open(sys.argv[2]) if l.strip()]
out = open(sys.argv[3], 'w', encoding='utf-8')
i = -1
cur = 'PRE'
for line in open(sys.argv[1], encoding='utf-8'):
    line = line.rstrip('\n')
    if line.startswith('<-'):
        i += 1
        cur = ids[i] if i < len(ids) else f'X{i}'
        out.write(f'[{cur}] {line}\n')
    elif line.startswith('->'):
        tag = ''
        if re.search(r'走访提醒|走访逾期|早间汇总|超时|【活动提醒】|回音壁|报名情况', line): tag = '(sched?) '
        out.write(f'   [{cur}] {tag}{line}\n')
    else:
        out.write(f'   [{cur}] ?? {line}\n')
print(i+1, 'messages; ids', len(ids))
