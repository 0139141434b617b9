"""Build day.txt from plan.tsv. Staff lines reference tickets as {Rxx}.
Run 1: predicted numbers (sequential over rows whose kind is request/emergency).
Run 2: `python build.py renumber.json` - mapping Rxx -> ticket number the bot named
(null = bot named none: the number is dropped from the staff line)."""
import csv, json, re, sys
rows = list(csv.DictReader(open('plan.tsv'), delimiter='\t'))
num, n = {}, 0
for r in rows:
    if r['kind'] in ('request', 'emergency'):
        n += 1; num[r['id']] = n
if len(sys.argv) > 1:
    num.update(json.load(open(sys.argv[1])))
out = []
for r in rows:
    text = r['text']
    def sub(m):
        v = num.get(m.group(2))
        return '' if v is None else (m.group(1) or '') + str(v) + (m.group(3) or '')
    text = re.sub(r'(#)?\{(R\d+)\}(号)?', sub, text).strip()
    text = re.sub(r'\s+', ' ', text)
    out.append('@clock 2026-' + r['time'])
    out.append(f"{r['group']} | {r['speaker']} | {text}")
open('day.txt', 'w').write('\n'.join(out) + '\n')
json.dump(num, open('numbers_used.json', 'w'), ensure_ascii=False, indent=0)
