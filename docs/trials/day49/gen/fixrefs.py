import re
m = {55:56,59:60,62:63,63:64,65:66,68:69,71:72,72:73,75:76,79:80,82:84,89:91,94:96,99:102,107:111,112:116,114:118,117:121,120:124,123:127,137:144}
out=[]
for line in open('residents_data.txt',encoding='utf-8'):
    if line.startswith('#'): out.append(line); continue
    parts=line.rstrip('\n').split(' | ')
    assert len(parts)==10, (len(parts), line)
    def rep(mo):
        n=int(mo.group(1)); n=m.get(n,n) if n>=55 else n
        return 'R%03d'%n
    parts[9]=re.sub(r'R(\d+)',rep,parts[9])
    out.append(' | '.join(parts)+'\n')
open('residents_data.txt','w',encoding='utf-8').writelines(out)
