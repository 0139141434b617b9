#!/usr/bin/env python3
"""Resolve {TAG} placeholders by running prefixes; write run scripts + plan rows."""
import re, subprocess, sys, os
PY='/work/main/.venv/bin/python'
def run(script_lines, community, db, out_path=None):
    path=f'/tmp/post64/work/prefix.{community}.txt'
    open(path,'w').write('\n'.join(script_lines)+'\n')
    env=dict(os.environ, HONGQIAO_DATABASE_URL=f'sqlite:///{db}', HONGQIAO_PURE_PYTHON='1')
    r=subprocess.run(['nice',PY,'-m','bot.cli','shell','--community',community,'--fresh','--script',path,'--echo'],
                     cwd='/tmp/post64',env=env,capture_output=True,text=True)
    return r.stdout, r.stderr
def parse(out):
    msgs=[]  # list of (inline, [replies])
    for line in out.splitlines():
        if line.startswith('<- '): msgs.append([line,[]])
        elif line.startswith('-> ') and msgs: msgs[-1][1].append(line)
    return msgs
def build(src, community):
    """returns script lines for community, plus mapping idx->(tag,expect,raw)"""
    items=[]
    for raw in open(src):
        raw=raw.rstrip('\n')
        if not raw.strip(): continue
        comm=None
        m=re.match(r'^(jm|xf)>(.*)$',raw)
        if m: comm={'jm':'jinmao','xf':'xingfuli'}[m.group(1)]; raw=m.group(2)
        if comm and comm!=community: continue
        if raw.startswith('@clock') or raw.startswith('#'):
            items.append(('ctl',None,raw,'')); continue
        tag=None
        m=re.match(r'^\[(\w+)\]\s*(.*)$',raw)
        if m: tag=m.group(1); raw=m.group(2)
        text,_,exp=raw.partition(' || ')
        items.append(('msg',tag,text.strip(),exp.strip()))
    return items
def resolve(src, community, db, fixed=None):
    items=build(src,community)
    nums=dict(fixed or {})
    lines=[]; msgidx=0; tag_of_msg={}
    for kind,tag,text,exp in items:
        if kind=='msg':
            for t in re.findall(r'\{(\w+)\}',text):
                if t not in nums:
                    out,err=run(lines,community,db)
                    msgs=parse(out)
                    for i,tg in tag_of_msg.items():
                        if tg in nums: continue
                        if i<len(msgs):
                            m=re.search(r'#(\d+)',' '.join(msgs[i][1]))
                            if m: nums[tg]=m.group(1)
                    if t not in nums:
                        print(f'UNRESOLVED {t} in {community}',file=sys.stderr); nums[t]='??'
                text=text.replace('{'+t+'}',nums[t])
            tag_of_msg[msgidx]=tag; msgidx+=1
        lines.append(text)
    return items, lines, nums
if __name__=='__main__':
    src, community, db, outscript = sys.argv[1:5]
    fixed={}
    if len(sys.argv)>5:
        for kv in sys.argv[5].split(','):
            if kv: k,v=kv.split('='); fixed[k]=v
    items,lines,nums=resolve(src,community,db,fixed)
    open(outscript,'w').write('\n'.join(lines)+'\n')
    print(nums)
