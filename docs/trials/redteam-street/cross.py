from h import *
import requests
cx,_=login('x','admin'); cj,_=login('j','admin')
tx=csrf(cx.get(B+'/c/xingfuli/tickets/1').text); tj=csrf(cj.get(B+'/c/jinmao/tickets/1').text)
print('csrf x',tx,'j',tj, tx==tj)
for n in [2,3,4,99]:
    r=cj.get(B+f'/c/jinmao/tickets/{n}', allow_redirects=False); print('GET j ticket',n,r.status_code)
for act,data in [('claim',{}),('resolve',{'note':'x'}),('transfer',{'target':'物业服务中心群'}),('complex',{}),('note',{'note':'x'}),('correct',{'kind':'not_request'}),('merge',{'into':'1'})]:
    for n in [3]:
        d=dict(data); d['csrf_token']=tj
        r=cj.post(B+f'/c/jinmao/tickets/{n}/{act}', data=d, allow_redirects=False); print('POST j',n,act,r.status_code,r.headers.get('location'), r.text[:100].replace('\n',' '))
# merge jinmao #1 into 3 (exists only in xingfuli)
r=cj.post(B+'/c/jinmao/tickets/1/merge', data={'csrf_token':tj,'into':'3'}, allow_redirects=False); print('merge j1 into 3', r.status_code, r.headers.get('location'))
if r.headers.get('location'): print(cj.get(B+r.headers['location']).text.count('flash'), re.findall(r'class="flash[^"]*"[^>]*>([^<]*)', cj.get(B+'/c/jinmao/tickets/1').text))
# CSRF cross: x token with j cookie
r=cj.post(B+'/c/jinmao/tickets/1/note', data={'csrf_token':tx,'note':'cross csrf'}, allow_redirects=False); print('j cookie + x csrf', r.status_code, r.text[:150])
r=cj.post(B+'/c/jinmao/tickets/1/note', data={'note':'no csrf'}, allow_redirects=False); print('j cookie no csrf', r.status_code, r.text[:150])
# x cookie on j action
r=cx.post(B+'/c/jinmao/tickets/1/note', data={'csrf_token':tx,'note':'x cookie'}, allow_redirects=False); print('x session -> j post', r.status_code, r.headers.get('location'))
# API
hj={'Authorization':'Bearer '+TOK['j']['admin']}
for m,p,body in [('post','/api/v1/tickets/3/claim',{}),('post','/api/v1/tickets/3/resolve',{'note':'x'}),('post','/api/v1/tickets/3/notes',{'note':'x'}),('post','/api/v1/tickets/1/merge',{'into':3}),('post','/api/v1/tickets/1/merge',{'into':'3'}),('get','/api/v1/events/20',None),('get','/api/v1/events/5',None),('get','/api/v1/events',None)]:
    r=getattr(requests,m)(B+'/c/jinmao'+p, headers=hj, json=body); print('API j',m,p,body,r.status_code,r.text[:200])
