"""Pair each script line with its replies; write street_replies.txt and blocks.json."""
import json, re
ids = json.load(open('ids.json'))
def blocks(path):
    out = []
    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if line.startswith('<- '):
            out.append([line[3:], []])
        elif line.startswith('-> ') and out:
            out[-1][1].append(line[3:])
        elif line.startswith('-> '):
            out.append(['(before first line)', [line[3:]]])
    return out
bx, bj = blocks('got_x.txt'), blocks('got_j.txt')
assert len(bx) == len(ids['x']), (len(bx), len(ids['x']))
assert len(bj) == len(ids['j']), (len(bj), len(ids['j']))
mx = dict(zip(ids['x'], bx)); mj = dict(zip(ids['j'], bj))
exp = {}
for raw in open('scenario.txt', encoding='utf-8'):
    m = re.match(r'^(S\d+) \|.*## expect: (.*)$', raw.rstrip('\n'))
    if m: exp[m.group(1)] = m.group(2)
json.dump({'x': mx, 'j': mj}, open('blocks.json', 'w'), ensure_ascii=False, indent=0)
with open('street_replies.txt', 'w', encoding='utf-8') as f:
    f.write('Every street-group line with both bots\' replies (all groups) up to the next script line.\n'
            'Lines marked [timer] are scheduled messages sent while the clock moved before the next line.\n\n')
    for sid in [i for i in ids['x'] if i.startswith('S')]:
        f.write(f'=== {sid}  {mx[sid][0]}\n    expect: {exp[sid]}\n')
        for tag, m in (('幸福里', mx), ('金茂', mj)):
            reps = m[sid][1]
            if not reps:
                f.write(f'  [{tag}] (no reply)\n')
            for r in reps:
                f.write(f'  [{tag}] {r}\n')
        f.write('\n')
