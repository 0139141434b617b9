import re,sys,json
blocks=[];cur=None
for line in open(sys.argv[1],encoding='utf-8'):
    m=re.match(r'^\[(\w+)\] <- (\S+ \S+) (\S+) \| ([^:]+): (.*)$',line.rstrip())
    if m:
        cur=dict(id=m.group(1),t=m.group(2),g=m.group(3),s=m.group(4),text=m.group(5),out=[]);blocks.append(cur);continue
    if cur and line.strip().startswith('->'):
        cur['out'].append(line.strip()[3:])
for b in blocks:
    res=[o for o in b['out'] if o.startswith(b['g']+': @'+b['s']) or o.startswith(b['g']+':')]
    notes=[]
    for o in b['out']:
        mm=re.search(r'【(新工单|紧急|可能紧急)( #\d+)( 情况加重)?】([^/]*)/ ?(类别：)?([^/]*)',o)
        if mm and '超时' not in o:
            grp=o.split(':')[0]
            notes.append(f"{grp}:{mm.group(1)}{mm.group(2)}{mm.group(3) or ''} {mm.group(4).strip()} | {mm.group(6).strip()}")
    r=res[0][:160] if res else '(no reply in group)'
    print(f"{b['id']} {b['t']} {b['g']}: {b['text'][:30]}\n   R> {r}")
    for n in notes: print('   N> '+n[:160])
