import csv,sys,re
out=sys.argv[1]
plan=list(csv.DictReader(open(sys.argv[2] if len(sys.argv)>2 else 'plan.tsv',encoding='utf-8'),delimiter='\t'))
blocks=[];cur=None;pre=[]
for l in open(out,encoding='utf-8'):
    l=l.rstrip('\n')
    if l.startswith('<- '):
        cur=[l,[]];blocks.append(cur)
    elif cur is None: pre.append(l)
    else: cur[1].append(l)
assert len(blocks)==len(plan),(len(blocks),len(plan))
def show(i):
    p=plan[i];b=blocks[i]
    print('=== %s [%s] %s | %s: %s'%(p['id'],p['time'],p['group'],p['speaker'],p['message']))
    print('    EXPECT(%s,%s): %s'%(p['label'],p['ticket'],p['expected']))
    for r in b[1]: print('   ',r)
if __name__=='__main__':
    for i in range(len(plan)): show(i)
    if pre: print('PRE',pre)
