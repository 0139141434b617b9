#!/usr/bin/env python3
"""Renumber staff lines' ticket numbers (predicted -> given by the bot in run 1). Only the numbers change."""
import csv, re, sys
M = {8:19, 9:8, 10:9, 19:20, 20:21, 21:22, 22:23, 23:24, 24:25, 25:27, 26:28, 27:30, 28:31, 29:32,
     30:33, 31:34, 32:35, 33:36, 34:37, 35:38, 36:39, 37:27, 38:40, 39:42, 40:43, 42:2, 43:44,
     44:45, 45:46, 46:98, 47:99, 48:47}
EV = {'#E1': '#E5'}
src, dst = sys.argv[1], sys.argv[2]
rows = list(csv.DictReader(open(src, encoding='utf-8'), delimiter='\t'))
tok = re.compile(r'(?<![\d月])([#＃]?)(\d+)(号(?![楼正])|(?=\D|$))')
notes = []
for r in rows:
    if not r['id'].startswith('S'): continue
    m0 = r['message']
    def sub(m):
        pre, n, suf = m.group(1), int(m.group(2)), m.group(3)
        if not pre and not suf: return m.group(0)      # bare numbers (rooms, phones) untouched
        return '%s%d%s' % (pre, M.get(n, n), suf)
    m1 = tok.sub(sub, m0)
    for a, b in EV.items(): m1 = m1.replace(a, b)
    if m1 != m0:
        notes.append('%s\t%s\t=>\t%s' % (r['id'], m0, m1)); r['message'] = m1
w = csv.DictWriter(open(dst, 'w', encoding='utf-8'), fieldnames=rows[0].keys(), delimiter='\t', lineterminator='\n')
w.writeheader(); w.writerows(rows)
open('renumber_note.txt', 'w', encoding='utf-8').write(
    '# staff ticket numbers renumbered after run 1 (predicted -> actual); only numbers changed\n'
    '# map: %s ; event #E1 -> #E5\n'
    '# T8 (R013 water heater) got no ticket: its follow-up R042 made #19, so 8->19.\n'
    '# T37 (R090) was attached to #27 in run 1 -> 27. T42 (R111) reopened #2 in run 1 -> 2.\n'
    '# T41 (R107) no ticket, no staff line. T46 (R126), T47 (R128) got no ticket/reply at all -> 98/99 (nonexistent).\n' % M
    + '\n'.join(notes) + '\n')
