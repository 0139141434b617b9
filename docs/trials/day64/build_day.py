#!/usr/bin/env python3
"""plan.tsv -> day.txt : one @clock line before each message (absolute time), then group | speaker | message."""
import csv, sys
src = sys.argv[1] if len(sys.argv) > 1 else 'plan.tsv'
out = sys.argv[2] if len(sys.argv) > 2 else 'day.txt'
lines = ['# 金茂社区 2026-12-30 08:00 .. 2026-12-31 20:00 (generated from %s)' % src]
with open(src, encoding='utf-8') as f:
    for r in csv.DictReader(f, delimiter='\t'):
        md, hm = r['time'].split()
        lines.append('@clock 2026-%s %s' % (md, hm))
        lines.append('# %s' % r['id'])
        lines.append('%s | %s | %s' % (r['group'], r['speaker'], r['message']))
lines.append('@clock 2026-12-31 21:00')
open(out, 'w', encoding='utf-8').write('\n'.join(lines) + '\n')
