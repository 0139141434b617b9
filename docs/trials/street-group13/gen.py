import sys
lines = open('scenario.txt', encoding='utf-8').read().splitlines()
out = {'x': [], 'j': []}; ids = {'x': [], 'j': []}
for ln in lines:
    s = ln.strip()
    if not s or s.startswith('#'):
        continue
    if s.startswith('@clock'):
        for k in out: out[k].append(s)
        continue
    parts = [p.strip() for p in s.split('|', 4)]
    iid, scope, group, who, msg = parts
    targets = {'S': ['x', 'j'], 'X': ['x'], 'J': ['j']}[scope]
    for k in targets:
        out[k].append(f'{group} | {who} | {msg}'); ids[k].append(iid)
for k in out:
    open(f'script_{k}.txt', 'w', encoding='utf-8').write('\n'.join(out[k]) + '\n')
    open(f'ids_{k}.txt', 'w', encoding='utf-8').write('\n'.join(ids[k]) + '\n')
print({k: len(v) for k, v in ids.items()}, 'street', sum(1 for i in ids['x'] if i.startswith('S')))
