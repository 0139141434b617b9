# prints which ticket each resident line opened or joined
import re,sys
cur=None
for line in open('out.txt'):
    if line.startswith('<- '):
        cur=line.strip()[:70]; shown=False; continue
    m=re.match(r'-> (\S+居民群|金茂业主群): (.*)',line)
    if m and cur and not shown:
        t=re.search(r'工单 #(\d+)',m.group(2)); 
        kind='NEW' if '已收到您反映' in m.group(2) else ('JOIN' if '已有居民反映过' in m.group(2) else ('ASK' if '几号楼' in m.group(2) else 'other'))
        print(cur[:60], '=>', kind, t.group(1) if t else '')
        shown=True
